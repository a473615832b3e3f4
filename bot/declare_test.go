package bot_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/slack-go/slack"

	"github.com/quorumhq/quorum/bot/fakeslack"
	"github.com/quorumhq/quorum/internal/bottest"
)

const sue = "USUE"

// agendaCommittee is the committee with its next meeting (Thursday 10
// December 2026) and part of the agenda of the seed pack, put in with plain
// SQL: the agenda's own commands are not these tests' subject.
func agendaCommittee(t *testing.T) (*bottest.Kit, int64) {
	t.Helper()
	k := newCommittee(t)
	k.AddUser(sue, "Sue Holden")
	k.Must(officer, "/committee", "member add <@"+sue+"> Sefton CVS")
	k.Must(officer, "/meeting", "schedule 2026-12-10 10:00 Remote Meeting")
	ctx := context.Background()
	m, err := k.DB.NextMeeting(ctx, mustCommittee(t, k.DB).ID, now)
	if err != nil {
		t.Fatal(err)
	}
	for _, item := range []string{
		"4 Integrated Offender Management (IOM) Refresh Strategy — Jen Williams (NW Probation)",
		"6 Local Policing Update — Graeme Robson (Merseyside Police)",
		"7.5 SWACA — Neil Frackleton (SWACA)",
		"7.7 Sefton CVS — Sue Holden (Sefton CVS)",
	} {
		wantText(t, k.Must(officer, "/agenda", "add "+item), "Added item")
	}
	return k, m.ID
}

// buttons lists a reply's buttons.
func buttons(r bottest.Reply) []*slack.ButtonBlockElement {
	var out []*slack.ButtonBlockElement
	for _, b := range r.Blocks {
		if a, ok := b.(*slack.ActionBlock); ok {
			for _, e := range a.Elements.ElementSet {
				if btn, ok := e.(*slack.ButtonBlockElement); ok {
					out = append(out, btn)
				}
			}
		}
	}
	return out
}

func button(t *testing.T, r bottest.Reply, label string) *slack.ButtonBlockElement {
	t.Helper()
	for _, b := range buttons(r) {
		if b.Text.Text == label {
			return b
		}
	}
	t.Fatalf("no %q button in:\n%s", label, r.Raw)
	return nil
}

func rows(t *testing.T, k *bottest.Kit, query string) int {
	t.Helper()
	var n int
	if err := k.DB.SQL().QueryRowContext(context.Background(), query).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestDeclare(t *testing.T) {
	k, _ := agendaCommittee(t)

	r := k.Must(neil, "/declare", "7.5 personal Trustee of SWACA")
	wantText(t, r, "Recorded: you declared a personal interest in Item 7.5 (SWACA) at the meeting of *Safer Sefton Together* on Thursday 10 December 2026, 10:00",
		"Nature: Trustee of SWACA", "You may remain")
	if r.Public() {
		t.Error("a declaration is acknowledged privately")
	}
	button(t, r, "Withdraw declaration")
	wantText(t, k.Must(neil, "/declare", "7.5 personal Trustee of SWACA"), "already declared this interest", "nothing changed")
	wantText(t, k.Must(neil, "/declare", "7e personal interest Trustee of SWACA"), "already declared") // 7e is how the pack labels 7.5's report

	r = k.Must(sue, "/declare", "7.7 pecuniary Spouse employed by Sefton CVS")
	wantText(t, r, "a disclosable pecuniary interest in Item 7.7 (Sefton CVS)", "must withdraw from the meeting room", "unless they hold a dispensation", "Do you hold a dispensation?")
	disp := button(t, r, "I hold a dispensation")

	wantText(t, k.Must(graeme, "/declare", "4 other Member of the IOM board"), "an other interest in Item 4")
	wantText(t, k.Must(graeme, "/declare", "6 DPI Shares in a security firm"), "disclosable pecuniary interest in Item 6")
	wantText(t, k.Must(graeme, "/declare", "item 7.7 non-pecuniary Volunteer at Sefton CVS"), "personal interest in Item 7.7")

	// The dispensation button, pressed in Slack, answers through the
	// response_url and records the dispensation.
	hook := k.NewHook()
	if status, body := k.Interact(bottest.ButtonPayload(sue, disp.ActionID, disp.Value, hook.URL())); status != http.StatusOK {
		t.Fatalf("button: %d %s", status, body)
	}
	if got := hook.Last(); !strings.Contains(got, "Recorded: you hold a dispensation") {
		t.Errorf("dispensation answer: %q", got)
	}
	if p := hook.Posts()[0]; p["replace_original"] != false || p["response_type"] != "ephemeral" {
		t.Errorf("response_url post = %v; want a new ephemeral message", p)
	}
	k.Interact(bottest.ButtonPayload(sue, disp.ActionID, disp.Value, hook.URL()))
	if got := hook.Last(); !strings.Contains(got, "already recorded") {
		t.Errorf("second press: %q", got)
	}
	k.Interact(bottest.ButtonPayload(neil, disp.ActionID, disp.Value, hook.URL()))
	if got := hook.Last(); !strings.Contains(got, "someone else's declaration") {
		t.Errorf("someone else pressing: %q", got)
	}
	if n := rows(t, k, `SELECT count(*) FROM declaration_dispensations`); n != 1 {
		t.Errorf("%d dispensations stored, want 1", n)
	}

	// The list: who, which item, which kind, the nature, when.
	r = k.Must(graeme, "/declare", "list")
	wantText(t, r,
		"• Item 4 (Integrated Offender Management (IOM) Refresh Strategy) — Graeme Robson: other interest — Member of the IOM board (declared Monday 23 November 2026, 12:00)",
		"• Item 7.5 (SWACA) — Neil Frackelton: personal interest — Trustee of SWACA",
		"• Item 7.7 (Sefton CVS) — Sue Holden: disclosable pecuniary interest — Spouse employed by Sefton CVS (declared Monday 23 November 2026, 12:00) — holds a dispensation",
		"• Item 6 (Local Policing Update) — Graeme Robson: disclosable pecuniary interest — Shares in a security firm (declared Monday 23 November 2026, 12:00) — withdraws for this item")
	if i4, i75 := strings.Index(r.Text(), "Item 4 "), strings.Index(r.Text(), "Item 7.5"); i4 > i75 {
		t.Error("declarations are not in agenda order")
	}

	// Withdrawal: the original stays, with the withdrawal.
	wantText(t, k.Must(neil, "/declare", "withdraw 7.5"), "Your declaration in Item 7.5 (SWACA) is withdrawn")
	wantText(t, k.Must(neil, "/declare", "withdraw 7.5"), "no declaration standing for Item 7.5")
	if strings.Contains(k.Must(neil, "/declare", "list").Text(), "Trustee of SWACA") {
		t.Error("a withdrawn declaration is still listed")
	}
	if n := rows(t, k, `SELECT count(*) FROM declarations d JOIN declaration_withdrawals w ON w.declaration_id = d.id WHERE d.nature = 'Trustee of SWACA'`); n != 1 {
		t.Errorf("withdrawn declaration rows = %d, want 1", n)
	}
	wantText(t, k.Must(neil, "/declare", "7.5 personal Trustee of SWACA"), "Recorded") // may be declared again

	// Mistakes each get a clear reason.
	wantText(t, k.Must(neil, "/declare", "9 personal Trustee"), "Item 9 is not on the agenda for the meeting on Thursday 10 December 2026", "Its items are 1, 2, 3, 4, 6, 7, 7.5, 7.7")
	wantText(t, k.Must(neil, "/declare", "7.5 personal"), "must give its nature", "/declare ITEM KIND NATURE")
	wantText(t, k.Must(neil, "/declare", "7.5 Trustee of SWACA"), "Say what kind of interest it is: pecuniary, personal or other")
	wantText(t, k.Must(neil, "/declare", "SWACA personal Trustee"), `"SWACA" is not an agenda item number`)
	wantText(t, k.Must(neil, "/declare", "7.5 personal <!channel> ping"), "Nature: &lt;!channel&gt; ping")
	wantText(t, k.Must(stranger, "/declare", "7.5 personal Trustee"), "not a member of Safer Sefton Together")
	wantText(t, k.Must(stranger, "/declare", "list"), "not a member")
	wantText(t, k.Must(neil, "/declare", "withdraw"), "Say which item's declaration to withdraw")

	// The minutes' paragraph is the officer's.
	wantText(t, k.Must(neil, "/declare", "minutes"), "Only an officer of Safer Sefton Together can draft the minutes")
	wantText(t, k.Must(officer, "/declare", "minutes"),
		"Graeme Robson declared an other interest in Item 4 (Integrated Offender Management (IOM) Refresh Strategy) as Member of the IOM board. "+
			"Graeme Robson declared a disclosable pecuniary interest in Item 6 (Local Policing Update) as Shares in a security firm, and left the meeting for that item.",
		"Sue Holden declared a disclosable pecuniary interest in Item 7.7 (Sefton CVS) as Spouse employed by Sefton CVS, and remained in the meeting under a dispensation.")

	// A meeting that has been held takes no more declarations.
	if _, err := k.DB.SQL().Exec(`UPDATE meetings SET status = 'held'`); err != nil {
		t.Fatal(err)
	}
	wantText(t, k.Must(neil, "/declare", "10/12/2026 7.7 personal Volunteer"), "has already been held")
	if _, err := k.DB.SQL().Exec(`UPDATE meetings SET status = 'scheduled'`); err != nil {
		t.Fatal(err)
	}
	k.SetNow(time.Date(2026, 12, 10, 11, 0, 0, 0, london))
	wantText(t, k.Must(neil, "/declare", "10/12/2026 7.7 personal Volunteer"), "has already taken place")
	wantText(t, k.Must(officer, "/declare", "minutes 10/12/2026"), "Sue Holden declared")
}

func TestDeclarationsParagraphWhenNone(t *testing.T) {
	k, _ := agendaCommittee(t)
	wantText(t, k.Must(officer, "/declare", "minutes"), "No declarations of any disclosable pecuniary interests or personal interests were received.")
	wantText(t, k.Must(neil, "/declare", "list"), "No interests have been declared.")
}

// openedView is the view of the latest views.open call.
func openedView(t *testing.T, k *bottest.Kit) (triggerID string, view map[string]any) {
	t.Helper()
	calls := k.Slack.Calls("views.open")
	if len(calls) == 0 {
		t.Fatal("views.open was not called")
	}
	c := calls[len(calls)-1]
	view, _ = c.JSON["view"].(map[string]any)
	return c.Arg("trigger_id"), view
}

func selected(v string) map[string]any {
	return map[string]any{"type": "static_select", "selected_option": map[string]any{"text": map[string]any{"type": "plain_text", "text": v}, "value": v}}
}

func radio(v string) map[string]any {
	return map[string]any{"type": "radio_buttons", "selected_option": map[string]any{"text": map[string]any{"type": "plain_text", "text": v}, "value": v}}
}

func textInput(v string) map[string]any {
	return map[string]any{"type": "plain_text_input", "value": v}
}

func checked(vs ...string) map[string]any {
	opts := []any{}
	for _, v := range vs {
		opts = append(opts, map[string]any{"text": map[string]any{"type": "plain_text", "text": v}, "value": v})
	}
	return map[string]any{"type": "checkboxes", "selected_options": opts}
}

func declareValues(item, kind, nature string, dispensation bool) map[string]map[string]any {
	v := map[string]map[string]any{
		"item":         {"item": map[string]any{"type": "static_select", "selected_option": nil}},
		"kind":         {"kind": map[string]any{"type": "radio_buttons", "selected_option": nil}},
		"nature":       {"nature": textInput(nature)},
		"dispensation": {"dispensation": checked()},
	}
	if item != "" {
		v["item"]["item"] = selected(item)
	}
	if kind != "" {
		v["kind"]["kind"] = radio(kind)
	}
	if dispensation {
		v["dispensation"]["dispensation"] = checked("yes")
	}
	return v
}

// submission is the bot's answer to a view_submission.
type submission struct {
	Action string            `json:"response_action"`
	Errors map[string]string `json:"errors"`
}

func submit(t *testing.T, k *bottest.Kit, user string, view map[string]any, values map[string]map[string]any) submission {
	t.Helper()
	status, body := k.Interact(bottest.SubmissionPayload(user, view, values))
	if status != http.StatusOK {
		t.Fatalf("view_submission: status %d: %s", status, body)
	}
	var s submission
	if err := json.Unmarshal(body, &s); err != nil {
		t.Fatalf("view_submission answer is not JSON: %v: %s", err, body)
	}
	return s
}

func lastEphemeral(t *testing.T, k *bottest.Kit) fakeslack.Call {
	t.Helper()
	calls := k.Slack.Calls("chat.postEphemeral")
	if len(calls) == 0 {
		t.Fatal("no chat.postEphemeral")
	}
	return calls[len(calls)-1]
}

func TestDeclareModalRoundTrip(t *testing.T) {
	k, meetingID := agendaCommittee(t)

	// /declare alone opens a modal within Slack's 3 seconds and answers
	// the command with an empty 200.
	start := time.Now()
	r := k.Must(neil, "/declare", "")
	if took := time.Since(start); took > 3*time.Second {
		t.Errorf("opening the form took %v; the trigger lasts 3s", took)
	}
	if strings.TrimSpace(r.Raw) != "" {
		t.Errorf("slash answer = %q, want empty", r.Raw)
	}
	trigger, view := openedView(t, k)
	if trigger != bottest.CommandForm(neil, "/declare", "").Get("trigger_id") {
		t.Errorf("views.open trigger_id = %q", trigger)
	}
	raw, _ := json.Marshal(view)
	for _, want := range []string{`"callback_id":"declare"`, `"text":"Declare an interest"`, `"value":"7.5"`, `"text":"7.5 SWACA"`, `"text":"7.7 Sefton CVS"`,
		`"text":"4 Integrated Offender Management (IOM) Refresh Strategy"`, `"type":"radio_buttons"`, `"value":"pecuniary"`, `"type":"checkboxes"`, `"multiline":true`} {
		if !strings.Contains(string(raw), want) {
			t.Errorf("modal lacks %s:\n%s", want, raw)
		}
	}
	var meta map[string]string
	if err := json.Unmarshal([]byte(view["private_metadata"].(string)), &meta); err != nil || meta["c"] != bottest.Channel || meta["m"] != fmt.Sprint(meetingID) {
		t.Errorf("private_metadata = %v (%v); want the channel and the meeting", view["private_metadata"], err)
	}

	// Submitting an empty form shows the errors in the modal.
	s := submit(t, k, neil, view, declareValues("", "", "  ", false))
	if s.Action != "errors" || s.Errors["item"] == "" || s.Errors["kind"] == "" || !strings.Contains(s.Errors["nature"], "Say what the interest is") {
		t.Errorf("empty form: %+v", s)
	}
	s = submit(t, k, neil, view, declareValues("9", "pecuniary", "x", false))
	if s.Action != "errors" || s.Errors["item"] != "That item is no longer on the agenda." {
		t.Errorf("unknown item: %+v", s)
	}
	s = submit(t, k, neil, view, declareValues("7.5", "pecuniary", strings.Repeat("x", 1001), false))
	if s.Action != "errors" || !strings.Contains(s.Errors["nature"], "too long") {
		t.Errorf("long nature: %+v", s)
	}
	if n := k.Slack.Calls("chat.postEphemeral"); len(n) != 0 {
		t.Errorf("errors were also posted: %d", len(n))
	}

	// A good submission clears the modal and confirms privately in the
	// channel the command came from.
	s = submit(t, k, neil, view, declareValues("7.5", "pecuniary", "Paid adviser to SWACA", true))
	if s.Action != "clear" || len(s.Errors) != 0 {
		t.Fatalf("good submission: %+v", s)
	}
	c := lastEphemeral(t, k)
	if c.Arg("channel") != bottest.Channel || c.Arg("user") != neil || !strings.Contains(c.Arg("text"), "Recorded: you declared a disclosable pecuniary interest in Item 7.5 (SWACA)") ||
		!strings.Contains(c.Arg("text"), "You hold a dispensation") {
		t.Errorf("confirmation: channel=%s user=%s text=%s", c.Arg("channel"), c.Arg("user"), c.Arg("text"))
	}

	// A double submit stores one declaration.
	s = submit(t, k, neil, view, declareValues("7.5", "pecuniary", "Paid adviser to SWACA", true))
	if s.Action != "clear" || !strings.Contains(lastEphemeral(t, k).Arg("text"), "already declared") {
		t.Errorf("double submit: %+v %s", s, lastEphemeral(t, k).Arg("text"))
	}
	if n := rows(t, k, `SELECT count(*) FROM declarations`); n != 1 {
		t.Errorf("%d declarations stored, want 1", n)
	}

	// Someone who is not a member cannot use a form they did not get.
	submit(t, k, stranger, view, declareValues("7.7", "personal", "x", false))
	if got := lastEphemeral(t, k); got.Arg("user") != stranger || !strings.Contains(got.Arg("text"), "not a member") {
		t.Errorf("non-member: %s", got.Arg("text"))
	}
	if n := rows(t, k, `SELECT count(*) FROM declarations`); n != 1 {
		t.Errorf("%d declarations stored after a non-member's submission, want 1", n)
	}

	// A database that does not answer: the modal stays open and says so.
	tx, err := k.DB.SQL().BeginTx(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(`LOCK TABLE declarations IN ACCESS EXCLUSIVE MODE`); err != nil {
		t.Fatal(err)
	}
	start = time.Now()
	s = submit(t, k, neil, view, declareValues("7.7", "personal", "Volunteer", false))
	took := time.Since(start)
	_ = tx.Rollback()
	if took > 3*time.Second {
		t.Errorf("answer took %v", took)
	}
	if s.Action != "errors" || !strings.Contains(s.Errors["item"], "your declaration was NOT saved") {
		t.Errorf("slow database: %+v", s)
	}

	// Slack refusing the modal (an expired trigger) gets a private answer.
	k.Slack.Fail("views.open", fakeslack.Fault{Error: "expired_trigger_id", Times: 1})
	wantText(t, k.Must(neil, "/declare", ""), "Slack did not open the form", "/declare help")

	// No modal for someone who is not a member, or with nothing on the agenda.
	k.Slack.Reset()
	wantText(t, k.Must(stranger, "/declare", ""), "not a member")
	if _, err := k.DB.SQL().Exec(`UPDATE agenda_items SET removed_at = now()`); err != nil {
		t.Fatal(err)
	}
	wantText(t, k.Must(neil, "/declare", ""), "has no items yet")
	if n := len(k.Slack.Calls("views.open")); n != 0 {
		t.Errorf("views.open called %d times for refused forms", n)
	}
}

func TestReport(t *testing.T) {
	k, _ := agendaCommittee(t)

	r := k.Must(neil, "/report", "7.5 https://example.org/swaca-vawg.pdf SWACA perspective on VAWG")
	wantText(t, r, "Your report for Item 7.5 (SWACA) at the meeting on Thursday 10 December 2026 is attached.",
		"Report: <https://example.org/swaca-vawg.pdf|SWACA perspective on VAWG>", "Address: https://example.org/swaca-vawg.pdf")
	wantText(t, k.Must(neil, "/report", "7.5 https://example.org/swaca-vawg.pdf SWACA perspective on VAWG"), "nothing changed")
	// Slack sends links in command text as <url> or <url|label>.
	wantText(t, k.Must(neil, "/report", "7e <https://example.org/swaca-v2.pdf?a=1&amp;b=2|example.org/swaca-v2.pdf> SWACA v2"),
		"is replaced (the earlier link stays in the history)", "Report: <https://example.org/swaca-v2.pdf?a=1&amp;b=2|SWACA v2>", "Address: https://example.org/swaca-v2.pdf?a=1&amp;b=2")
	wantText(t, k.Must(sue, "/report", "7.7 https://example.org/cvs|<!channel>"), "Report: https://example.org/cvs|&lt;!channel&gt;")
	if n := rows(t, k, `SELECT count(*) FROM report_links WHERE url = 'https://example.org/swaca-v2.pdf?a=1&b=2'`); n != 1 {
		t.Errorf("the link was not stored as typed")
	}
	if n := rows(t, k, `SELECT count(*) FROM report_links`); n != 3 {
		t.Errorf("%d report rows, want 3", n)
	}

	r = k.Must(graeme, "/report", "list")
	wantText(t, r, "• Item 7.5 (SWACA): <https://example.org/swaca-v2.pdf?a=1&amp;b=2|SWACA v2> — Neil Frackelton, Monday 23 November 2026, 12:00",
		"• Item 7.7 (Sefton CVS): https://example.org/cvs|&lt;!channel&gt; — Sue Holden")
	if strings.Contains(r.Text(), "swaca-vawg") {
		t.Error("a replaced link is still listed")
	}

	// Missing reports: items with a presenter and no report, for officers.
	wantText(t, k.Must(neil, "/report", "missing"), "Only an officer")
	r = k.Must(officer, "/report", "missing")
	wantText(t, r, "2 items with a presenter have no report yet", "• Item 4 (Integrated Offender Management (IOM) Refresh Strategy) — Jen Williams (NW Probation)", "• Item 6 (Local Policing Update) — Graeme Robson (Merseyside Police)")
	if strings.Contains(r.Text(), "SWACA —") || strings.Contains(r.Text(), "Apologies") {
		t.Errorf("missing lists items that have reports or no presenter:\n%s", r.Text())
	}

	wantText(t, k.Must(neil, "/report", "remove 7.5"), "Your report for Item 7.5 (SWACA) is removed")
	wantText(t, k.Must(neil, "/report", "remove 7.5"), "no report attached to Item 7.5")
	wantText(t, k.Must(officer, "/report", "missing"), "3 items", "Neil Frackleton (SWACA)")
	if n := rows(t, k, `SELECT count(*) FROM report_links`); n != 4 {
		t.Errorf("%d report rows after removal, want 4 (history kept)", n)
	}

	wantText(t, k.Must(neil, "/report", "9 https://example.org/r.pdf"), "Item 9 is not on the agenda")
	wantText(t, k.Must(stranger, "/report", "7.5 https://example.org/r.pdf"), "not a member")
	wantText(t, k.Must(neil, "/report", "7.5"), "Give the report's web address")
	wantText(t, k.Must(neil, "/report", ""), "/report ITEM URL [TITLE]")
}

func TestReportRefusesHostileURLs(t *testing.T) {
	k, _ := agendaCommittee(t)
	cases := map[string]struct{ text, want string }{
		"javascript":        {"7.5 javascript:alert(document.cookie) Report", "Only http and https links"},
		"javascript in <>":  {"7.5 <javascript:alert(1)|https://example.org> Report", "Only http and https links"},
		"file":              {"7.5 file:///etc/passwd", "Only http and https links"},
		"credentials":       {"7.5 https://user:pass@example.org/r.pdf", "carries a user name or password"},
		"breaks out":        {"7.5 https://a|b> Report", "not a web address"},
		"10 kB":             {"7.5 https://example.org/" + strings.Repeat("a", 10<<10), "too long"},
		"2001 bytes":        {"7.5 https://example.org/" + strings.Repeat("a", 2001-len("https://example.org/")), "address is too long"},
		"control character": {"7.5 https://example.org/\x1b[2J", "spaces or control characters"},
		"no host":           {"7.5 https:///etc/passwd", "no host"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			r := k.Must(neil, "/report", tc.text)
			wantText(t, r, tc.want)
			if r.Public() {
				t.Error("a refusal must be private")
			}
		})
	}
	if n := rows(t, k, `SELECT count(*) FROM report_links`); n != 0 {
		t.Errorf("%d hostile links stored", n)
	}
}

func TestApologiesWithdrawButton(t *testing.T) {
	k := newCommittee(t)
	k.Must(officer, "/meeting", "schedule 2026-12-10 10:00 Remote Meeting")
	r := k.Must(neil, "/apologies", "Unwell")
	btn := button(t, r, "Withdraw apologies")
	if btn.ActionID != "apologies.withdraw" {
		t.Fatalf("action_id = %q", btn.ActionID)
	}
	hook := k.NewHook()
	status, body := k.Interact(bottest.ButtonPayload(neil, btn.ActionID, btn.Value, hook.URL()))
	if status != http.StatusOK || len(body) != 0 {
		t.Fatalf("button: %d %q", status, body)
	}
	if got := hook.Last(); !strings.Contains(got, "are withdrawn: you are expected to attend") {
		t.Errorf("answer: %q", got)
	}
	wantText(t, k.Must(neil, "/apologies", "list"), "No apologies for absence have been received.")
	k.Interact(bottest.ButtonPayload(neil, btn.ActionID, btn.Value, hook.URL()))
	if got := hook.Last(); !strings.Contains(got, "no apologies standing") {
		t.Errorf("second press: %q", got)
	}
	// Someone else's press of the same button withdraws nothing of theirs.
	k.Interact(bottest.ButtonPayload(stranger, btn.ActionID, btn.Value, hook.URL()))
	if got := hook.Last(); !strings.Contains(got, "not a member") {
		t.Errorf("stranger's press: %q", got)
	}
	// A button whose action is gone answers politely.
	k.Interact(bottest.ButtonPayload(neil, "nothing.here", "1", hook.URL()))
	if got := hook.Last(); !strings.Contains(got, "no longer does anything") {
		t.Errorf("unknown action: %q", got)
	}
}

func TestInteractionsAreVerifiedAndParsed(t *testing.T) {
	k := newCommittee(t)
	k.Must(officer, "/meeting", "schedule 2026-12-10 10:00 Remote Meeting")
	k.Must(neil, "/apologies", "Unwell")
	hook := k.NewHook()
	payload, _ := json.Marshal(bottest.ButtonPayload(neil, "apologies.withdraw", "1", hook.URL()))
	body := []byte(url.Values{"payload": {string(payload)}}.Encode())
	const form = "application/x-www-form-urlencoded"
	for name, sign := range map[string]func(http.Header, []byte){
		"unsigned":     nil,
		"forged":       func(h http.Header, b []byte) { bottest.Sign(h, b, "not-the-secret", time.Now()) },
		"stale":        func(h http.Header, b []byte) { bottest.Sign(h, b, bottest.Secret, time.Now().Add(-6*time.Minute)) },
		"body changed": func(h http.Header, b []byte) { bottest.Sign(h, append([]byte("x"), b...), bottest.Secret, time.Now()) },
	} {
		if status, _ := k.PostRaw("/slack/interactions", body, form, sign); status != http.StatusUnauthorized {
			t.Errorf("%s: status %d, want 401", name, status)
		}
	}
	if len(hook.Posts()) != 0 {
		t.Fatal("a rejected interaction was acted on")
	}
	wantText(t, k.Must(neil, "/apologies", "list"), "Neil Frackelton (SWACA)")

	sub := bottest.SubmissionPayload(neil, map[string]any{"callback_id": "declare", "private_metadata": "not json"}, nil)
	subJSON, _ := json.Marshal(sub)
	noUser, _ := json.Marshal(map[string]any{"type": "block_actions", "actions": []any{}})
	noAction, _ := json.Marshal(map[string]any{"type": "block_actions", "user": map[string]any{"id": neil}, "actions": []any{}})
	for name, form := range map[string]url.Values{
		"no payload":       {"text": {"hi"}},
		"not JSON":         {"payload": {"{not json"}},
		"JSON array":       {"payload": {"[1,2]"}},
		"no user":          {"payload": {string(noUser)}},
		"no action":        {"payload": {string(noAction)}},
		"foreign metadata": {"payload": {string(subJSON)}},
	} {
		if status, body := k.Post("/slack/interactions", form); status != http.StatusBadRequest {
			t.Errorf("%s: status %d (%s), want 400", name, status, body)
		}
	}
	if status, _ := k.PostRaw("/slack/interactions", []byte("payload=%zz"), form, func(h http.Header, b []byte) { bottest.Sign(h, b, bottest.Secret, time.Now()) }); status != http.StatusBadRequest {
		t.Errorf("bad escape: status %d, want 400", status)
	}
	// Closing a modal needs no answer but a 200.
	closed, _ := json.Marshal(map[string]any{"type": "view_closed", "user": map[string]any{"id": neil}, "view": map[string]any{"callback_id": "declare"}})
	if status, _ := k.Post("/slack/interactions", url.Values{"payload": {string(closed)}}); status != http.StatusOK {
		t.Errorf("view_closed: status %d", status)
	}
}

// TestWithdrawButtonWithdrawsItsOwnDeclaration: two interests in one item;
// the Withdraw button under the second withdraws that one and leaves the
// first on record, standing.
func TestWithdrawButtonWithdrawsItsOwnDeclaration(t *testing.T) {
	k, _ := agendaCommittee(t)
	wantText(t, k.Must(neil, "/declare", "7.5 personal Trustee of SWACA"), "Recorded")
	second := k.Must(neil, "/declare", "7.5 other Volunteer at SWACA")
	btn := button(t, second, "Withdraw declaration")
	hook := k.NewHook()
	if status, _ := k.Interact(bottest.ButtonPayload(neil, btn.ActionID, btn.Value, hook.URL())); status != http.StatusOK {
		t.Fatalf("button: status %d", status)
	}
	if got := hook.Last(); !strings.Contains(got, "declaration in Item 7.5 (SWACA) is withdrawn") {
		t.Errorf("answer: %q", got)
	}
	list := k.Must(neil, "/declare", "list").Text()
	if !strings.Contains(list, "Trustee of SWACA") || strings.Contains(list, "Volunteer at SWACA") {
		t.Errorf("after pressing Withdraw under the second declaration:\n%s", list)
	}
}
