package bot_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/quorumhq/quorum/bot"
	"github.com/quorumhq/quorum/commands"
	"github.com/quorumhq/quorum/internal/bottest"
)

const trish = "UTRISH"

// chairCommittee is the committee of newCommittee with Trish Hardy as its
// chair and a meeting on Thursday 10 December 2026.
func chairCommittee(t *testing.T) *bottest.Kit {
	t.Helper()
	k := newCommittee(t)
	k.AddUser(trish, "Trish Hardy")
	wantText(t, k.Must(officer, "/committee", "member add <@"+trish+"> Sefton Council chair"), "<@UTRISH> is now the chair of Safer Sefton Together")
	k.Must(officer, "/meeting", "schedule 2026-12-10 10:00 Remote Meeting")
	return k
}

func chairs(t *testing.T, k *bottest.Kit) string {
	t.Helper()
	rows, err := k.DB.SQL().Query(`SELECT user_id || ':' || role FROM members WHERE role IN ('chair', 'vice-chair') AND removed_at IS NULL ORDER BY role, user_id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	return strings.Join(out, " ")
}

// TestOneChairAndOneViceChair: a second chair is not set by the way; the
// officer confirms the change with a button, the previous chair becomes a
// member, and the audit log keeps both changes. The same goes for the
// vice-chair; roles show in /committee members and on the Home.
func TestOneChairAndOneViceChair(t *testing.T) {
	k := chairCommittee(t)

	r := k.Must(officer, "/committee", "member add <@"+neil+"> SWACA chair")
	wantText(t, r, "<@UTRISH> is the chair of Safer Sefton Together. Make <@UNEIL> the chair instead? <@UTRISH> would become a member. Nothing changes unless you press Confirm.")
	if r.Public() {
		t.Error("the question is for the officer alone")
	}
	if got := chairs(t, k); got != "UTRISH:chair" {
		t.Fatalf("before confirming, the chairs are %q", got)
	}
	confirm := button(t, r, "Confirm: Neil Frackelton as chair")

	// Only an officer's press counts.
	hook := k.NewHook()
	k.Interact(bottest.ButtonPayload(neil, bot.ActionName(confirm.ActionID), confirm.Value, hook.URL()))
	if got := hook.Last(); !strings.Contains(got, "Only an officer of Safer Sefton Together can change the chair.") {
		t.Errorf("Neil's press: %q", got)
	}
	if got := chairs(t, k); got != "UTRISH:chair" {
		t.Fatalf("a member's press changed the chair: %q", got)
	}
	if status, _ := k.Interact(bottest.ButtonPayload(officer, bot.ActionName(confirm.ActionID), confirm.Value, hook.URL())); status != http.StatusOK {
		t.Fatalf("confirm: status %d", status)
	}
	if got := hook.Last(); !strings.Contains(got, "<@UNEIL> is now recorded as the chair of Safer Sefton Together, for SWACA. (Was a member.) <@UTRISH> is now a member") {
		t.Errorf("confirmed: %q", got)
	}
	if got := chairs(t, k); got != "UNEIL:chair" {
		t.Fatalf("after confirming, the chairs are %q", got)
	}
	if n := rows(t, k, `SELECT count(*) FROM audit_log WHERE action = 'member.change' AND subject = 'UTRISH' AND detail->>'role' = 'member' AND actor = 'UIAN'`); n != 1 {
		t.Errorf("the audit log has %d records of Trish ceasing to be chair, want 1", n)
	}

	// The vice-chair likewise.
	wantText(t, k.Must(officer, "/committee", "member add <@"+graeme+"> Merseyside Police vice-chair"), "<@UGRAEME> is now recorded as the vice-chair of Safer Sefton Together")
	r = k.Must(officer, "/committee", "member add <@"+trish+"> Sefton Council vice chair")
	wantText(t, r, "<@UGRAEME> is the vice-chair of Safer Sefton Together. Make <@UTRISH> the vice-chair instead?")
	if got := chairs(t, k); got != "UNEIL:chair UGRAEME:vice-chair" {
		t.Fatalf("chairs = %q", got)
	}
	// The database holds to it whatever a command does.
	if _, err := k.DB.SQL().Exec(`UPDATE members SET role = 'chair' WHERE user_id = 'UTRISH'`); err == nil || !strings.Contains(err.Error(), "members_one_chair") {
		t.Errorf("a second chair by SQL: err = %v", err)
	}

	wantText(t, k.Must(graeme, "/committee", "members"),
		"• Neil Frackelton — SWACA (chair)\n• Graeme Robson — Merseyside Police (vice-chair)\n• Ian Barton (officer)\n• Trish Hardy — Sefton Council\n")
	openHomes(t, k, neil, graeme)
	homeText(t, k, neil, "Chair for SWACA")
	homeText(t, k, graeme, "Vice-chair for Merseyside Police")
}

// TestChairDraftsMinutes: drafting the minutes is for officers and the
// chair; the vice-chair drafts them for a meeting the chair has sent
// apologies for; a member may not.
func TestChairDraftsMinutes(t *testing.T) {
	k := chairCommittee(t)
	wantText(t, k.Must(officer, "/committee", "member add <@"+graeme+"> Merseyside Police vice-chair"), "vice-chair")

	wantText(t, k.Must(neil, "/minutes", "draft"), "Only an officer or the chair of Safer Sefton Together can draft minutes.")
	wantText(t, k.Must(trish, "/minutes", "draft"), "Draft minutes of the meeting of *Safer Sefton Together* on Thursday 10 December 2026.")
	wantText(t, k.Must(graeme, "/minutes", "draft 10 December"),
		"The vice-chair acts for the chair at a meeting the chair has sent apologies for, and Trish Hardy has sent none for the meeting on Thursday 10 December 2026")
	wantText(t, k.Must(trish, "/apologies", "Unwell"), "recorded")
	wantText(t, k.Must(graeme, "/minutes", "draft 10 December"), "Draft minutes", "Apologies for absence were received from Trish Hardy (Sefton Council).")
	wantText(t, k.Must(neil, "/minutes", "help draft"), "For officers and the chair.")
}

// historyCommittee is agendaCommittee with records changed by members and
// by the officer: Neil's apologies sent and withdrawn, Graeme's entered by
// the officer, Neil's declaration made and withdrawn, Sue's report, and an
// item added and removed.
func historyCommittee(t *testing.T) (*bottest.Kit, int64) {
	t.Helper()
	k, meetingID := agendaCommittee(t)
	ctx := context.Background()
	wantText(t, k.Must(neil, "/apologies", "Unwell"), "recorded")
	wantText(t, k.Must(neil, "/apologies", "withdraw"), "withdrawn")
	if _, err := k.DB.SendApology(ctx, commands.Apology{MeetingID: meetingID, UserID: graeme, Name: "Graeme Robson",
		Organisation: "Merseyside Police", Reason: "Court", By: officer}); err != nil {
		t.Fatal(err)
	}
	wantText(t, k.Must(neil, "/declare", "7.5 personal Trustee of SWACA"), "Recorded")
	wantText(t, k.Must(neil, "/declare", "withdraw 7.5"), "withdrawn")
	wantText(t, k.Must(sue, "/report", "7.7 https://example.org/cvs.pdf"), "7.7")
	wantText(t, k.Must(officer, "/agenda", "add 7.9 Knife crime — Sue Holden (Sefton CVS)"), "Added item")
	wantText(t, k.Must(officer, "/agenda", "remove 7.9"), "7.9")
	return k, meetingID
}

// TestHistoryOfficerSeesTheWholeTrail: who, what, when, and who entered
// it, for each kind of record.
func TestHistoryOfficerSeesTheWholeTrail(t *testing.T) {
	k, _ := historyCommittee(t)
	r := k.Must(officer, "/history", "apologies")
	wantText(t, r, "*History of the apologies* for the meeting of *Safer Sefton Together* on Thursday 10 December 2026.",
		"<@UNEIL> sent apologies: Unwell\n", "<@UNEIL> withdrew their apologies", "<@UGRAEME> sent apologies: Court _(entered by <@UIAN>)_")
	if r.Public() {
		t.Error("history is shown privately")
	}
	text := r.Text()
	if strings.Index(text, "sent apologies: Unwell") > strings.Index(text, "withdrew their apologies") {
		t.Errorf("changes out of order:\n%s", text)
	}
	wantText(t, k.Must(officer, "/history", "declarations next"),
		"item 7.5: <@UNEIL> declared: personal: Trustee of SWACA", "item 7.5: <@UNEIL> withdrew the declaration: personal: Trustee of SWACA")
	wantText(t, k.Must(officer, "/history", "reports 10/12/2026"), "item 7.7: <@USUE> submitted the report: https://example.org/cvs.pdf")
	// An item's entries give its number at the time: Date of Next Meeting
	// was item 4 when the meeting was scheduled, and moved on since.
	wantText(t, k.Must(officer, "/history", "agenda"), "item 7.9: added: Knife crime — Sue Holden _(entered by <@UIAN>)_", "item 7.9: removed: Knife crime",
		"item 4: added: Date of Next Meeting _(entered by <@UIAN>)_", "item 4: moved to 5 — Date of Next Meeting _(entered by <@UIAN>)_")

	// Narrowed to one member.
	r = k.Must(officer, "/history", "apologies <@"+graeme+">")
	wantText(t, r, "<@UGRAEME>'s records", "<@UGRAEME> sent apologies: Court")
	if strings.Contains(r.Text(), "UNEIL") {
		t.Errorf("Graeme's history shows Neil's:\n%s", r.Text())
	}
	// A meeting with no records yet, and a day with no meeting.
	wantText(t, k.Must(officer, "/history", "apologies 3 December 2026"), "has no meeting on Thursday 3 December 2026")
	wantText(t, k.Must(stranger, "/history", "apologies"), "You are not a member of Safer Sefton Together.")
	wantText(t, k.Must(neil, "/history", ""), "*/history*", "`/history help apologies`")
}

// TestHistoryMemberSeesTheirOwn: a member reads their own trail, and is
// refused someone else's politely.
func TestHistoryMemberSeesTheirOwn(t *testing.T) {
	k, _ := historyCommittee(t)
	r := k.Must(neil, "/history", "apologies")
	wantText(t, r, ": your records.", "<@UNEIL> sent apologies: Unwell", "<@UNEIL> withdrew their apologies")
	if strings.Contains(r.Text(), "UGRAEME") || strings.Contains(r.Raw, "quorum export") {
		t.Errorf("Neil sees more than his own:\n%s", r.Raw)
	}
	wantText(t, k.Must(neil, "/history", "apologies <@"+neil+">"), "<@UNEIL> withdrew their apologies")
	r = k.Must(neil, "/history", "apologies <@"+graeme+">")
	wantText(t, r, "You can read the history of your own records only, so I can't show you <@UGRAEME>'s. An officer, the chair or the vice-chair of Safer Sefton Together can.")
	if strings.Contains(r.Text(), "Court") {
		t.Errorf("the refusal shows Graeme's reason:\n%s", r.Text())
	}
	wantText(t, k.Must(graeme, "/history", "apologies"), "<@UGRAEME> sent apologies: Court _(entered by <@UIAN>)_")
	wantText(t, k.Must(graeme, "/history", "declarations"), "No changes are on record.")
	// A member's agenda history is that of the items they present.
	r = k.Must(sue, "/history", "agenda")
	wantText(t, r, "for the items you present", "item 7.7: added: Sefton CVS", "item 7.9: removed")
	if strings.Contains(r.Text(), "item 6:") {
		t.Errorf("Sue sees Graeme's item:\n%s", r.Text())
	}
}

// TestHomeShowsLatestChanges: the Home shows a member's own latest
// changes, three a committee, and no one else's.
func TestHomeShowsLatestChanges(t *testing.T) {
	k, _ := historyCommittee(t)
	openHomes(t, k, neil, graeme)
	home := homeText(t, k, neil, "Your latest changes")
	for _, want := range []string{"item 7.5: withdrew the declaration: personal: Trustee of SWACA (meeting on 10 Dec 2026)",
		"withdrew your apologies (meeting on 10 Dec 2026)", "`/history apologies`"} {
		if !strings.Contains(home, want) {
			t.Errorf("Neil's Home lacks %q:\n%s", want, home)
		}
	}
	_, latest, _ := strings.Cut(home, "*Your latest changes*\n")
	latest, _, _ = strings.Cut(latest, "`/history")
	if n := strings.Count(latest, "• "); n != 3 || strings.Contains(latest, "Court") {
		t.Errorf("Neil's Home shows %d changes, want his 3 latest:\n%s", n, home)
	}
	home = homeText(t, k, graeme, "Your latest changes")
	if !strings.Contains(home, "sent apologies: Court _(entered by <@UIAN>)_") || strings.Contains(home, "Trustee") {
		t.Errorf("Graeme's Home:\n%s", home)
	}
}

// TestLongHistoryStaysWithinSlacksLimits: a trail longer than a reply can
// hold shows its latest changes and says where the rest are.
func TestLongHistoryStaysWithinSlacksLimits(t *testing.T) {
	k, meetingID := agendaCommittee(t)
	wantText(t, k.Must(neil, "/apologies", "Unwell"), "recorded")
	if _, err := k.DB.SQL().Exec(`INSERT INTO apology_history (apology_id, action, reason, by_user, at)
		SELECT a.id, 'changed', 'Reason number ' || g || ' ' || repeat('x', 200), 'UNEIL', now() + g * interval '1 second'
		FROM apologies a, generate_series(1, 400) g WHERE a.meeting_id = $1`, meetingID); err != nil {
		t.Fatal(err)
	}
	r := k.Must(officer, "/history", "apologies")
	wantText(t, r, "The latest 150 changes of 401; the 251 before them: `quorum export history --committee \"Safer Sefton Together\" --csv`, or name a member.",
		"Reason number 400")
	if strings.Contains(r.Text(), "Reason number 250 ") || len(r.Blocks) > 50 {
		t.Errorf("%d blocks; the 251 earliest changes should be left out", len(r.Blocks))
	}
	if strings.Contains(r.Raw, "more parts not shown") {
		t.Error("Slack's limits cut the reply short")
	}
}

// TestMinutesHistory: /history minutes shows officers and the chair each
// minute as recorded and amended, with who and the earlier text, the
// corrections members proposed, and the confirmation; members read it
// without the corrections others proposed.
func TestMinutesHistory(t *testing.T) {
	k := decisionsDay(t)
	wantText(t, k.Must(officer, "/history", "minutes"), "*History of the minutes* of the meeting of *Safer Sefton Together* on Thursday 10 December 2026.", "Nothing has been minuted")
	k.Must(officer, "/resolve", "7.7 That the report be noted.")
	k.Must(sue, "/minute", "7.7 The Board considered the report of the Chief Executive of Sefton CVS.")
	k.Must(officer, "/minutes", "amend 5 That the report be noted and the figures circulated.")
	k.Must(graeme, "/minutes", "comment 5 The figures were for the last quarter.")

	mine := k.Must(neil, "/history", "minutes")
	wantText(t, mine, "minute 5: RESOLVED text amended by <@"+officer+">.")
	if strings.Contains(mine.Raw, "last quarter") {
		t.Errorf("a member reads another's correction:\n%s", mine.Raw)
	}
	r := k.Must(sue, "/history", "minutes")
	wantText(t, r, "minute 5: resolved, recorded by <@"+officer+">: “That the report be noted.”",
		"minute 5: minuted by <@"+sue+">: “The Board considered the report of the Chief Executive of Sefton CVS.”",
		"minute 5: RESOLVED text amended by <@"+officer+">. It read: “That the report be noted.” Now: “That the report be noted and the figures circulated.”",
		"minute 5: correction proposed by <@"+graeme+">: “The figures were for the last quarter.”")
	text := r.Text()
	if i, j := strings.Index(text, "resolved, recorded"), strings.Index(text, "RESOLVED text amended"); i < 0 || j < i {
		t.Errorf("the history is not in order:\n%s", text)
	}

	// Every item recorded, the minutes can be confirmed.
	k.Must(sue, "/resolve", "4 That the next meeting be held on 14 January 2027.")
	k.Must(officer, "/minute", "3 There were no previous minutes to confirm.")
	k.Must(sue, "/meeting", "close")
	k.Must(officer, "/meeting", "schedule 2027-01-14 10:00 Bootle Town Hall")
	k.SetNow(time.Date(2027, 1, 14, 10, 5, 0, 0, london))
	k.Must(sue, "/meeting", "start")
	k.Must(sue, "/minutes", "approve as they stand") // over Graeme's correction
	wantText(t, k.Must(officer, "/history", "minutes 10 December 2026"),
		"confirmed as a correct record as they stood, at the meeting on Thursday 14 January 2027, by <@"+sue+">, setting aside 1 correction to minute 5", "RESOLVED text amended")
	wantText(t, k.Must(officer, "/history", "minutes 10 December 2026 soon"), "Usage:")
}

// TestLaterMeetingsAgendaAndRecords: on a meeting given by its date, the
// replies suggest commands for that meeting, not the next one; an officer
// removes a report link there; removing the item added before Date of
// Next Meeting moves it back; and /history tells it in the order it
// happened.
func TestLaterMeetingsAgendaAndRecords(t *testing.T) {
	k := newCommittee(t)
	k.AddUser(sue, "Sue Holden")
	k.Must(officer, "/committee", "member add <@"+sue+"> Sefton CVS")
	k.Must(officer, "/meeting", "schedule 2026-12-10 10:00 Remote Meeting")
	k.Must(officer, "/meeting", "schedule 2027-02-11 10:00 Bootle Town Hall")

	wantText(t, k.Must(officer, "/agenda", "add 11/02/2027 5 Youth Services — Sue Holden (Sefton CVS)"),
		"Added item *4* Youth Services", "Date of Next Meeting is now item 5.")
	wantText(t, k.Must(sue, "/declare", "11/02/2027 4 personal Employee of Sefton CVS"), "Recorded")
	// A declaration on a later meeting is withdrawn the same way it was made.
	wantText(t, k.Must(sue, "/declare", "withdraw 11/02/2027 4"), "withdrawn")
	if n := rows(t, k, `SELECT count(*) FROM declaration_withdrawals`); n != 1 {
		t.Fatalf("%d declarations withdrawn, want 1", n)
	}
	wantText(t, k.Must(sue, "/declare", "11/02/2027 4 personal Employee of Sefton CVS"), "Recorded")
	wantText(t, k.Must(sue, "/report", "11/02/2027 4 https://example.org/youth.pdf"), "is attached")
	wantText(t, k.Must(sue, "/report", "11/02/2027 4 https://example.org/youth-2.pdf"), "is replaced")

	// The officer removes Sue's link on that meeting, not on the next.
	wantText(t, k.Must(officer, "/report", "remove 11/02/2027 4"), "The links standing for it are from <@USUE>", "`/report remove 2027-02-11 4 @member`")
	wantText(t, k.Must(officer, "/report", "remove 11/02/2027 4 <@"+sue+">"), "Sue Holden's report for Item 4 (Youth Services) is removed", "`/history reports 2027-02-11` keeps the link")
	if n := rows(t, k, `SELECT count(*) FROM report_links WHERE action = 'removed' AND by_user = 'UIAN'`); n != 1 {
		t.Errorf("%d removals by the officer on record, want 1", n)
	}
	k.Drain()
	if dms := k.Slack.Messages("D" + sue); len(dms) != 1 || !strings.Contains(dms[0].Text, "`/report 2027-02-11 4 URL`") || !strings.Contains(dms[0].Text, "`/history reports 2027-02-11` keeps it") {
		t.Errorf("Sue's notice does not say how to send the link for that meeting: %+v", dms)
	}
	wantText(t, k.Must(officer, "/history", "reports 11/02/2027"),
		"item 4: <@USUE> submitted the report: https://example.org/youth.pdf\n",
		"item 4: report link of <@USUE> removed: https://example.org/youth-2.pdf _(removed by <@UIAN>)_")
	wantText(t, k.Must(sue, "/report", "help remove"), `/report remove [DATE] ITEM [@member|"Name (Organisation)"]`)

	// The warning names the meeting: `/agenda remove 4 confirm` would take
	// item 4 off the next meeting's agenda.
	r := k.Must(officer, "/agenda", "remove 11/02/2027 4")
	wantText(t, r, "Item 4 has 1 declaration of interest (Sue Holden, personal).", "`/agenda remove 2027-02-11 4 confirm`")
	if strings.Contains(r.Text(), "`/agenda remove 4 confirm`") {
		t.Errorf("the warning suggests removing the next meeting's item 4:\n%s", r.Text())
	}
	wantText(t, k.Must(officer, "/agenda", "remove 11/02/2027 4 confirm"), "Removed item *4*", "Date of Next Meeting is now item 4.")
	wantText(t, k.Must(neil, "/agenda", "11/02/2027"), "*3* Minutes of Previous Meeting\n*4* Date of Next Meeting",
		"Sue Holden declared a personal interest in Item 4 (Youth Services, removed from the agenda)")
	wantText(t, k.Must(neil, "/agenda", ""), "*4* Date of Next Meeting") // the next meeting's, untouched
	wantText(t, k.Must(officer, "/agenda", "add 11/02/2027 4 Youth Services"), "Added item *4* Youth Services", "Date of Next Meeting is now item 5.")

	// Date of Next Meeting moved off 4 before the new item took it; the
	// history says so in that order, and which item moved.
	h := k.Must(officer, "/history", "agenda 11/02/2027").Text()
	order := []string{
		"item 4: added: Date of Next Meeting",
		"item 4: moved to 5 — Date of Next Meeting",
		"item 4: added: Youth Services — Sue Holden",
		"item 4: removed: Youth Services — Sue Holden",
		"item 5: moved to 4 — Date of Next Meeting",
		"item 4: moved to 5 — Date of Next Meeting",
		"item 4: added: Youth Services _(entered by",
	}
	at := 0
	for _, want := range order {
		i := strings.Index(h[at:], want)
		if i < 0 {
			t.Fatalf("the history lacks %q after %q:\n%s", want, h[:at], h)
		}
		at += i + len(want)
	}
}

// TestRecordsSeamsAcrossPieces: partial apology updates read right in the
// history; an item titled with an organisation takes its members' links;
// /history, /report remove and /meeting move work from a direct message;
// the chair may not move a meeting.
func TestRecordsSeamsAcrossPieces(t *testing.T) {
	k, _ := agendaCommittee(t)
	k.AddUser(kevin, "Kevin Hollis")
	k.Must(officer, "/committee", "member add <@"+kevin+"> Merseyside Fire and Rescue Service")
	k.AddUser(trish, "Trish Hardy")
	k.Must(officer, "/committee", "member add <@"+trish+"> Sefton Council chair")

	// Apologies changed part by part: the history gives each state, kept
	// parts and a substitute named in quotes included.
	for _, text := range []string{"Attending court sub <@" + graeme + ">", "sub “Jane Smith (Sefton CVS)”", "reason none", "sub none"} {
		wantText(t, k.Must(neil, "/apologies", text), "Your apologies")
	}
	wantText(t, k.Must(officer, "/history", "apologies <@"+neil+">"),
		"<@UNEIL> sent apologies: Attending court; substitute: Graeme Robson\n",
		"<@UNEIL> changed their apologies: Attending court; substitute: Jane Smith (Sefton CVS)\n",
		"<@UNEIL> changed their apologies: substitute: Jane Smith (Sefton CVS)\n",
		"<@UNEIL> changed their apologies: no reason or substitute")

	// A partner report titled with the organisation, its presenter's name
	// misspelt: the organisation's member may attach it; others are told
	// who may.
	k.Must(officer, "/agenda", "add 7.4 Merseyside Fire and Rescue Service — Kevin Holis")
	wantText(t, k.Must(neil, "/report", "7.4 https://example.org/fire.pdf"),
		"Only Kevin Holis, members from Merseyside Fire and Rescue Service or an officer can attach the report for Item 7.4")
	wantText(t, k.Must(kevin, "/report", "7.4 https://example.org/fire.pdf Fire report"), "is attached")

	// From direct messages.
	const dmIan = "DIAN"
	wantText(t, slashIn(t, k, dmIan, officer, "/report", "remove 7.4 <@"+kevin+">"), "Kevin Hollis's report for Item 7.4 (Merseyside Fire and Rescue Service) is removed")
	wantText(t, slashIn(t, k, dmIan, officer, "/history", "reports"), "item 7.4: report link of <@UKEVIN> removed: https://example.org/fire.pdf (Fire report) _(removed by <@UIAN>)_")
	r := slashIn(t, k, dm, neil, "/history", "apologies")
	wantText(t, r, ": your records.", "<@UNEIL> sent apologies")
	if r.Public() {
		t.Error("history in a direct message is public")
	}
	wantText(t, slashIn(t, k, dm, neil, "/history", "apologies <@"+graeme+">"), "You can read the history of your own records only")

	// The chair conducts meetings; moving one is the officer's.
	wantText(t, k.Must(trish, "/meeting", "move 10/12/2026 17/12/2026"), "Only an officer of Safer Sefton Together can move meetings.")
	wantText(t, slashIn(t, k, "DTRISH", trish, "/meeting", "move 10/12/2026 17/12/2026"), "Only an officer of Safer Sefton Together can move meetings.")
	r = slashIn(t, k, dmIan, officer, "/meeting", "move 10/12/2026 17/12/2026")
	wantText(t, r, "has moved to *Thursday 17 December 2026, 10:00, Remote Meeting*")
	if r.Public() {
		t.Error("a move from a direct message is answered in public there")
	}
	wantText(t, k.Must(neil, "/meeting", "list"), "Thursday 17 December 2026, 10:00, Remote Meeting (moved from Thursday 10 December 2026, 10:00)")
	// The records went with the meeting.
	wantText(t, k.Must(neil, "/apologies", "list 17/12/2026"), "Neil Frackelton")
	wantText(t, k.Must(officer, "/history", "reports 17/12/2026"), "item 7.4: <@UKEVIN> submitted the report")
}
