package bot_test

import (
	"encoding/json"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/quorumhq/quorum/internal/bottest"
)

// decisionsDay is meetingDay with the meeting opened by the chair and
// attendance marked, at 10:30.
func decisionsDay(t *testing.T) *bottest.Kit {
	t.Helper()
	return decisionsDayWith(t, bottest.Config{})
}

// decisionsDayWith is decisionsDay on a server run as cfg says.
func decisionsDayWith(t *testing.T, cfg bottest.Config) *bottest.Kit {
	t.Helper()
	k := newCommitteeWith(t, cfg)
	meetingDay(t, k)
	wantText(t, k.Must(sue, "/meeting", "start"), "You opened the meeting")
	k.Must(sue, "/here", "")
	k.Must(ann, "/here", "")
	k.Must(graeme, "/here", "")
	k.Must(officer, "/here", "")
	k.SetNow(time.Date(2026, 12, 10, 10, 30, 0, 0, london))
	return k
}

// TestDecisionsRecordedAndFoundAtOnce: /resolve and /minute make an agenda
// item's minute, numbered through the agenda, and /resolution finds the
// decision at once, marked as a draft.
func TestDecisionsRecordedAndFoundAtOnce(t *testing.T) {
	k := decisionsDay(t)
	wantText(t, k.Must(officer, "/resolve", "7.7 That (1) the report be noted; (2) the figures be circulated to partners; and (3) a further report be submitted."),
		"Resolved under item 7.7: minute 5 of the meeting on Thursday 10 December 2026, *draft — not yet confirmed*.")
	wantText(t, k.Must(sue, "/minute", "7.7 The Board considered the report of the Chief Executive of Sefton CVS."), "Minuted under item 7.7: minute 5")
	r := k.Must(neil, "/resolution", "figures circulated partners")
	wantText(t, r, "Minute 5 — SEFTON CVS", "draft — not yet confirmed", "That (1) the report be noted")
	wantText(t, k.Must(neil, "/resolution", "5"), "draft — not yet confirmed", "the figures be circulated")

	// Text recorded is shown as typed, never as markup.
	k.Must(officer, "/minute", "4 Dates to be agreed <!channel> & partners.")
	if r := k.Must(officer, "/minutes", "draft"); strings.Contains(r.Raw, "<!channel>") || !strings.Contains(r.Text(), "Dates to be agreed @channel &amp; partners.") {
		t.Errorf("the draft shows recorded text as markup:\n%s", r.Text())
	}

	// Bad input: a member, an item not on the agenda, no text.
	wantText(t, k.Must(neil, "/resolve", "7.7 That the report be noted."), "Only an officer or the chair of Safer Sefton Together can record decisions.")
	wantText(t, k.Must(officer, "/resolve", "9.9 That the report be noted."), "Item 9.9 is not on the agenda of the meeting on Thursday 10 December 2026.")
	wantText(t, k.Must(officer, "/resolve", "7.7"), "Give the text to record under item 7.7, after its number: `/resolve 7.7 That the report be noted.`", "Usage:")
	wantText(t, k.Must(officer, "/resolve", "seven That it be noted."), "is not an agenda item number", "Usage:")
}

// TestMinutesFromTheTableToTheRecord follows a meeting's minutes from the
// table to the record: decisions recorded, the draft compiled from the
// records (attendance, apologies, declarations, every item), amended and
// commented on, then confirmed at the next meeting, which minutes it, and
// immutable after.
func TestMinutesFromTheTableToTheRecord(t *testing.T) {
	minutesFromTheTableToTheRecord(t, decisionsDay(t))
}

// TestMinutesFromTheTableToTheRecordAnsweredLate is
// TestMinutesFromTheTableToTheRecord with Slack answered before any
// outcome is ready, each following by response_url, as a loaded machine
// makes some: the outcomes, as members see them, are the same.
func TestMinutesFromTheTableToTheRecordAnsweredLate(t *testing.T) {
	k := decisionsDayWith(t, bottest.Config{AnswerWithin: time.Nanosecond})
	minutesFromTheTableToTheRecord(t, k)
	// Of its 49 commands, the odd one's outcome may beat the answer.
	if n := strings.Count(k.Logs(), "command outcome late"); n < 40 {
		t.Errorf("%d commands answered late, want nearly all", n)
	}
}

func minutesFromTheTableToTheRecord(t *testing.T, k *bottest.Kit) {
	t.Helper()
	k.Must(officer, "/resolve", "7.7 That (1) the report be noted; (2) the figures be circulated to partners; and (3) a further report be submitted.")
	k.Must(officer, "/minute", "7.7 The Board considered the report of the Chief Executive of Sefton CVS.")
	k.Must(sue, "/resolve", "4 That the next meeting be held on 14 January 2027.")
	// The committee's first meeting in Quorum: nothing confirms minutes
	// before it, and the item says so rather than stay empty.
	k.Must(officer, "/minute", "3 There were no previous minutes to confirm.")

	draft := k.Must(officer, "/minutes", "draft")
	wantText(t, draft, "Draft minutes of the meeting of *Safer Sefton Together* on Thursday 10 December 2026. No earlier minutes are on record, so numbering starts at 1.",
		"SAFER SEFTON TOGETHER\nMinutes of the meeting held on Thursday 10 December 2026 at 09:55, Bootle Town Hall\nDRAFT — not yet confirmed as a correct record.",
		"Present: Sue Holden (Sefton CVS) (in the Chair), Ann Lee (Sefton Council) and Graeme Robson (Merseyside Police).",
		"In attendance: Ian Barton.",
		"Apologies for absence were received from Neil Frackelton (SWACA) and Bob Dean (Sefton Council).",
		"```\n1. APOLOGIES FOR ABSENCE",
		"```\n2. DECLARATIONS OF INTEREST\n\nNo declarations",
		"```\n3. MINUTES OF PREVIOUS MEETING",
		"```\n4. DATE OF NEXT MEETING\n\nRESOLVED:\nThat the next meeting be held on 14 January 2027.",
		"```\n5. SEFTON CVS\n\nThe Board considered the report of the Chief Executive of Sefton CVS.\n\nRESOLVED:\nThat\n(1) the report be noted;\n(2) the figures be circulated to partners; and\n(3) a further report be submitted.")

	// Corrections: the officer amends, a member proposes one.
	wantText(t, k.Must(officer, "/minutes", "amend 5 The Board considered the report of the Chief Executive of Sefton CVS, and thanked her."),
		"Minute 5 amended; the earlier text is kept in its history.", "It read", "The Board considered the report of the Chief Executive of Sefton CVS.")
	wantText(t, k.Must(neil, "/minutes", "amend 5 Something else."), "Only an officer of Safer Sefton Together can amend minutes.")
	wantText(t, k.Must(graeme, "/minutes", "comment 5 The figures were for the last quarter."), "Your correction to minute 5 is recorded")
	wantText(t, k.Must(officer, "/minutes", "draft"), "and thanked her.", "Corrections proposed by members", "Minute 5 — <@"+graeme+">", "The figures were for the last quarter.")
	// The chair, who confirms the minutes, sees them too; a member does not.
	wantText(t, k.Must(sue, "/minutes", "draft"), "Corrections proposed by members", "The figures were for the last quarter.")
	if strings.Contains(k.Must(neil, "/minutes", "draft").Text(), "The figures were for the last quarter.") {
		t.Error("a member was shown members' corrections")
	}
	k.Must(sue, "/meeting", "close")

	// The next meeting confirms them.
	k.Must(officer, "/meeting", "schedule 2027-01-14 10:00 Bootle Town Hall")
	k.SetNow(time.Date(2027, 1, 14, 10, 5, 0, 0, london))
	wantText(t, k.Must(neil, "/minutes", "approve"), "Only an officer or the chair of Safer Sefton Together can confirm minutes.")
	k.Must(sue, "/meeting", "start")
	// Graeme's correction has not been acted on: the chair is shown it,
	// and confirms the minutes as they stand.
	wantText(t, k.Must(sue, "/minutes", "approve"), "members proposed corrections that no change to their minute has followed", "Minute 5 — <@"+graeme+">")
	r := k.Must(sue, "/minutes", "approve as they stand")
	wantText(t, r, "The minutes of the meeting of *Safer Sefton Together* on Thursday 10 December 2026 are confirmed as a correct record as they stand, at the meeting on Thursday 14 January 2027, by <@"+sue+">, setting aside 1 correction to minute 5 that members proposed and no amendment followed.",
		"Minute 8 of this meeting records it.")
	wantText(t, k.Must(officer, "/minutes", "draft"), "Draft minutes of the meeting of *Safer Sefton Together* on Thursday 14 January 2027. Numbered on from minute 5 of Thursday 10 December 2026.",
		"```\n8. MINUTES OF PREVIOUS MEETING\n\nRESOLVED:\nThat the Minutes of the meeting held on 10 December 2026 be confirmed as a correct record.")
	wantText(t, k.Must(officer, "/minutes", "draft 10 December 2026"), "Minutes of the meeting of *Safer Sefton Together* on Thursday 10 December 2026.",
		"Confirmed as a correct record at the meeting held on 14 January 2027.")

	// Immutable after.
	wantText(t, k.Must(officer, "/minutes", "amend 5 Something else."), "Minute 5 (Thursday 10 December 2026) is confirmed as a correct record and can no longer be changed.")
	wantText(t, k.Must(officer, "/resolve", "10/12/2026 7.7 That the report be withdrawn."), "The minutes of the meeting on Thursday 10 December 2026 are confirmed as a correct record and can no longer be changed.")
	wantText(t, k.Must(graeme, "/minutes", "comment 5 Too late."), "is confirmed as a correct record")
	wantText(t, k.Must(sue, "/minutes", "approve 10 December 2026"), "The minutes of the meeting on Thursday 10 December 2026 are already confirmed as a correct record.")
	r = k.Must(neil, "/resolution", "5")
	wantText(t, r, "That (1) the report be noted")
	if strings.Contains(r.Text(), "draft") {
		t.Errorf("confirmed minutes are still marked draft:\n%s", r.Text())
	}
	wantText(t, k.Must(neil, "/resolution", "confirmed correct record"), "Minute 8", "draft — not yet confirmed")

	// Minutes that do not exist.
	wantText(t, k.Must(sue, "/minutes", "approve 3 March 2027"), "Safer Sefton Together has no meeting on Wednesday 3 March 2027.")
	k.Must(sue, "/meeting", "close")
	k.Must(officer, "/meeting", "schedule 2027-02-11 10:00 Bootle Town Hall")
	k.SetNow(time.Date(2027, 2, 12, 12, 0, 0, 0, london))
	wantText(t, k.Must(sue, "/minutes", "approve 11 February 2027"), "No minutes of the meeting on Thursday 11 February 2027 are on record to confirm.")

	// Away from any meeting, minutes are confirmed by correspondence,
	// once they record every item.
	wantText(t, k.Must(officer, "/minutes", "approve 14 January 2027"), "nothing is recorded for minute 9 (item 4, Date of Next Meeting)")
	k.Must(officer, "/resolve", "14/01/2027 4 That the next meeting be held on 11 February 2027.")
	wantText(t, k.Must(officer, "/minutes", "approve 14 January 2027"),
		"The minutes of the meeting of *Safer Sefton Together* on Thursday 14 January 2027 are confirmed as a correct record, by correspondence, by <@"+officer+">.")
	wantText(t, k.Must(officer, "/minutes", "draft 14 January 2027"), "Confirmed as a correct record by correspondence on Friday 12 February 2027.")
}

// TestActionsCarriedForward: actions recorded under a minute are listed,
// carried into the next meeting's agenda and the owner's Home, chased by
// one direct message before they fall due, and completed.
func TestActionsCarriedForward(t *testing.T) {
	k := decisionsDay(t)
	k.Must(officer, "/resolve", "7.7 That the figures be circulated to partners.")
	openHomes(t, k, neil)

	wantText(t, k.Must(officer, "/action", "add 5 <@"+neil+"|neil> 2026-12-20 Circulate the SWACA figures to partners"),
		"Action 1 recorded under minute 5: <@"+neil+"> — Circulate the SWACA figures to partners, due Sunday 20 December 2026.")
	wantText(t, k.Must(sue, "/action", `add 5 "Jo Smith" 1 February 2027 Report back on the pilot`),
		"Action 2 recorded under minute 5: Jo Smith — Report back on the pilot, due Monday 1 February 2027.")

	wantText(t, k.Must(neil, "/action", "add 5 <@"+neil+"> 2026-12-20 Do it"), "Only an officer or the chair of Safer Sefton Together can record actions.")
	// Bad input: each a reason and the usage.
	for _, tc := range []struct{ user, text, want string }{
		{officer, "add 5 <@" + stranger + "> 2026-12-20 Do it", "<@" + stranger + "> is not a member of Safer Sefton Together. Record the action by the person's name, in quotes"},
		{officer, `add 5 "Jo Smith" 2026-12-01 Do it`, "The due date, Tuesday 1 December 2026, is in the past."},
		{officer, `add 99 "Jo Smith" 2026-12-20 Do it`, "No minute 99 of Safer Sefton Together is on record."},
		{officer, `add 5 "Jo Smith" Do it now`, "Give the date the action is due by"},
		{officer, "done 999", "There is no action 999 of Safer Sefton Together."},
		{officer, "list soon", "`list` takes mine, overdue or all, and a page: `/action list mine page 2`."},
	} {
		wantText(t, k.Must(tc.user, "/action", tc.text), tc.want, "Usage:")
	}

	wantText(t, k.Must(graeme, "/action", ""), "Outstanding actions of *Safer Sefton Together*:", "• 1. Circulate the SWACA figures", "• 2. Report back on the pilot — Jo Smith")
	if r := k.Must(neil, "/action", "list mine"); !strings.Contains(r.Text(), "Circulate") || strings.Contains(r.Text(), "pilot") {
		t.Errorf("/action list mine:\n%s", r.Text())
	}
	homeText(t, k, neil, "Circulate the SWACA figures to partners")

	// The next meeting's agenda carries them forward.
	k.Must(sue, "/meeting", "close")
	k.Must(officer, "/meeting", "schedule 2027-01-14 10:00 Bootle Town Hall")
	wantText(t, k.Must(graeme, "/agenda", "2027-01-14"), "Actions from previous meetings", "Circulate the SWACA figures to partners — <@"+neil+">, due Sunday 20 December 2026 (minute 5, Thursday 10 December 2026)")

	// Three days before it falls due, Neil is reminded once.
	k.SetNow(time.Date(2026, 12, 17, 9, 30, 0, 0, london))
	k.Remind()
	k.Drain()
	k.Advance(24 * time.Hour)
	k.Remind()
	k.Drain()
	chased := 0
	for _, m := range k.Slack.Messages("D" + neil) {
		if strings.Contains(shown(t, m)+m.Text, "A reminder from *Safer Sefton Together*: action 1, from minute 5, is due by Sunday 20 December 2026") {
			chased++
		}
	}
	if chased != 1 {
		t.Errorf("Neil was reminded of his action %d times, want once", chased)
	}

	// Done by its owner, not by another member.
	wantText(t, k.Must(graeme, "/action", "done 1"), "Only the action's owner, an officer or the chair of Safer Sefton Together can mark action 1 done.")
	wantText(t, k.Must(neil, "/action", "done 1 Sent on 18 December"), "Action 1 is done: Circulate the SWACA figures to partners. Note: Sent on 18 December.")
	wantText(t, k.Must(neil, "/action", "done 1"), "Action 1 is already done.")
	if r := k.Must(graeme, "/agenda", "2027-01-14"); strings.Contains(r.Text(), "Circulate") {
		t.Errorf("a done action is still carried forward:\n%s", r.Text())
	}
	wantText(t, k.Must(graeme, "/action", "list all"), "Circulate the SWACA figures to partners", "done: Sent on 18 December")
	k.SetNow(time.Date(2027, 2, 2, 9, 0, 0, 0, london))
	wantText(t, k.Must(graeme, "/action", "list overdue"), "Overdue actions", "Report back on the pilot", "*overdue*")

	// Re-dated and reassigned, with the log kept; done ones stay done.
	wantText(t, k.Must(neil, "/action", "move 2 2027-03-01"), "Only an officer or the chair of Safer Sefton Together can re-date actions.")
	wantText(t, k.Must(officer, "/action", "move 2 2027-01-01"), "The due date, Friday 1 January 2027, is in the past.", "Usage:")
	wantText(t, k.Must(officer, "/action", "move 2 2027-03-01"), "Action 2, Jo Smith's, is now due Monday 1 March 2027 (it was due Monday 1 February 2027).")
	wantText(t, k.Must(officer, "/action", "reassign 2 <@"+stranger+">"), "is not a member of Safer Sefton Together", "Usage:")
	wantText(t, k.Must(officer, "/action", "reassign 2 <@"+graeme+">"), "Action 2 is now <@"+graeme+">'s. They are told by direct message.")
	wantText(t, k.Must(graeme, "/action", "list mine"), "Report back on the pilot — <@"+graeme+">, due Monday 1 March 2027")
	wantText(t, k.Must(officer, "/action", `reassign 1 "Jo Smith"`), "Action 1 is done; it cannot be reassigned.")
	if r := k.Must(graeme, "/action", "list overdue"); strings.Contains(r.Text(), "pilot") {
		t.Errorf("a re-dated action is still overdue:\n%s", r.Text())
	}
	// Before the next meeting, the owner is reminded once more.
	k.Must(officer, "/meeting", "schedule 2027-02-04 10:00 Bootle Town Hall")
	for i := 0; i < 2; i++ {
		k.Remind()
		k.Drain()
		k.Advance(24 * time.Hour)
	}
	before := 0
	for _, m := range k.Slack.Messages("D" + graeme) {
		if strings.Contains(shown(t, m)+m.Text, "Before the meeting of *Safer Sefton Together* on Thursday 4 February 2027, 10:00: action 2, from minute 5, is yours and due by Monday 1 March 2027") {
			before++
		}
	}
	if before != 1 {
		t.Errorf("Graeme was reminded of his action before the meeting %d times, want once", before)
	}

	rows, err := k.DB.SQL().Query(`SELECT kind || ' ' || owner_name || ' ' || due_on::text || ' ' || by_user FROM action_log ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	var log []string
	for rows.Next() {
		var l string
		if err := rows.Scan(&l); err != nil {
			t.Fatal(err)
		}
		log = append(log, l)
	}
	rows.Close()
	wantLog := []string{
		"added Neil Frackelton 2026-12-20 " + officer, "added Jo Smith 2027-02-01 " + sue, "done Neil Frackelton 2026-12-20 " + neil,
		"redated Jo Smith 2027-03-01 " + officer, "reassigned Graeme Robson 2027-03-01 " + officer,
	}
	if diff := cmp.Diff(log, wantLog); diff != "" {
		t.Errorf("action log (-got +want):\n%s", diff)
	}
}

// TestPrintableMinutes: /minutes post shares, and /minutes draft gives, the
// address of the minutes as a printable page; the page is served at that
// unguessable address only.
func TestPrintableMinutes(t *testing.T) {
	k := decisionsDay(t)
	wantText(t, k.Must(officer, "/minutes", "post"), "Nothing is minuted for the meeting on Thursday 10 December 2026 yet")
	k.Must(officer, "/resolve", "7.7 That (1) the report be noted; and (2) the <b>figures</b> be circulated.")
	// Every item recorded, the answer is the notice itself.
	k.Must(officer, "/minute", "3 There were no previous minutes to confirm.")
	k.Must(officer, "/resolve", "4 That the next meeting be held on 14 January 2027.")
	r := k.Must(sue, "/minutes", "post")
	if !r.Public() {
		t.Error("/minutes post answered privately")
	}
	wantText(t, r, "The draft minutes of the meeting of *Safer Sefton Together* on Thursday 10 December 2026 are ready")
	link := regexp.MustCompile(`/minutes/\d+-[0-9a-f]{40}`).FindString(r.Raw)
	if link == "" {
		t.Fatalf("no link to the page in:\n%s", r.Raw)
	}
	if d := k.Must(officer, "/minutes", "draft").Raw; !strings.Contains(d, link) {
		t.Errorf("the draft gives another address than %s:\n%s", link, d)
	}
	var header http.Header
	get := func(p string) (int, string) {
		resp, err := http.Get(k.HTTP.URL + p)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		header = resp.Header
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	status, page := get(link)
	if status != http.StatusOK {
		t.Fatalf("GET %s: %d", link, status)
	}
	// Members' text is on the page: a browser must run no script of it,
	// nor take the page for anything but HTML, whatever it holds.
	if csp := header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'none'") || strings.Contains(csp, "script-src") {
		t.Errorf("the page's Content-Security-Policy %q lets scripts run", csp)
	}
	if got := header.Get("X-Content-Type-Options"); got != "nosniff" {
		t.Errorf("X-Content-Type-Options: %q, want nosniff", got)
	}
	for _, want := range []string{"<h1>Safer Sefton Together</h1>", "DRAFT — not yet confirmed as a correct record.",
		`<span class="number">5.</span> SEFTON CVS`, `<p class="resolved">RESOLVED:</p>`, "the &lt;b&gt;figures&lt;/b&gt; be circulated", "@page"} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q:\n%s", want, page)
		}
	}
	id, _, _ := strings.Cut(strings.TrimPrefix(link, "/minutes/"), "-")
	for _, bad := range []string{"/minutes/" + id, "/minutes/" + id + "-" + strings.Repeat("0", 40), "/minutes/999999-" + strings.Repeat("0", 40)} {
		if status, _ := get(bad); status != http.StatusNotFound {
			t.Errorf("GET %s: %d, want 404", bad, status)
		}
	}
}

// TestAddActionFromDecisionButton: the answer to /resolve offers [Add an
// action], which opens a form for owner, due date and text; the action
// is recorded under that minute, with the same rules as /action add.
func TestAddActionFromDecisionButton(t *testing.T) {
	k := decisionsDay(t)
	r := k.Must(officer, "/resolve", "7.7 That the figures be circulated to partners.")
	btn := button(t, r, "Add an action")
	hook := k.NewHook()

	// A member who may not record actions gets no form.
	k.Interact(bottest.ButtonPayload(neil, btn.ActionID, btn.Value, hook.URL()))
	if got := hook.Last(); !strings.Contains(got, "Only an officer or the chair of Safer Sefton Together can record actions.") {
		t.Errorf("member's press: %q", got)
	}
	if n := len(k.Slack.Calls("views.open")); n != 0 {
		t.Errorf("a member's press opened %d forms", n)
	}

	if status, _ := k.Interact(bottest.ButtonPayload(officer, btn.ActionID, btn.Value, hook.URL())); status != http.StatusOK {
		t.Fatalf("button: status %d", status)
	}
	_, view := openedView(t, k)
	raw, _ := json.Marshal(view)
	for _, want := range []string{`"text":"Add an action"`, `"text":"Neil Frackelton"`, `"value":"` + neil + `"`, "Minute 5, Thursday 10 December 2026"} {
		if !strings.Contains(string(raw), want) {
			t.Errorf("form lacks %s:\n%s", want, raw)
		}
	}
	values := func(owner, name, due, text string) map[string]map[string]any {
		v := map[string]map[string]any{
			"owner": {"owner": map[string]any{"type": "static_select", "selected_option": nil}},
			"name":  {"name": textInput(name)},
			"due":   {"due": textInput(due)},
			"text":  {"text": textInput(text)},
		}
		if owner != "" {
			v["owner"]["owner"] = selected(owner)
		}
		return v
	}
	s := submit(t, k, officer, view, values("", "", "2026-12-01", ""))
	if s.Action != "errors" || s.Errors["owner"] == "" || !strings.Contains(s.Errors["due"], "is in the past") || s.Errors["text"] == "" {
		t.Errorf("bad form: %+v", s)
	}
	s = submit(t, k, officer, view, values(neil, "", "2026-12-20", "Circulate the SWACA figures to partners"))
	if s.Action != "clear" || len(s.Errors) != 0 {
		t.Fatalf("good submission: %+v", s)
	}
	if got := lastEphemeral(t, k).Arg("text"); !strings.Contains(got, "Action 1 recorded under minute 5: <@"+neil+"> — Circulate the SWACA figures to partners, due Sunday 20 December 2026.") {
		t.Errorf("confirmation: %s", got)
	}
	s = submit(t, k, officer, view, values("", "Jo Smith", "1 February 2027", "Report back on the pilot"))
	if s.Action != "clear" {
		t.Fatalf("by name: %+v", s)
	}
	wantText(t, k.Must(graeme, "/action", ""), "• 1. Circulate the SWACA figures to partners — <@"+neil+">", "• 2. Report back on the pilot — Jo Smith")
	if got := rows(t, k, `SELECT count(*) FROM action_log WHERE kind = 'added' AND by_user = '`+officer+`'`); got != 2 {
		t.Errorf("%d actions logged as added by the officer, want 2", got)
	}

	// /minute, which records no decision, offers no such button.
	for _, b := range buttons(k.Must(officer, "/minute", "7.7 The Board considered the report.")) {
		if b.Text.Text == "Add an action" {
			t.Error("/minute offers Add an action")
		}
	}
}
