package bot_test

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/quorumhq/quorum/bot"
	"github.com/quorumhq/quorum/internal/bottest"
)

// TestApologiesForOthers: an officer sends apologies for a member and for
// someone not in Slack, by name; a member may not. The apology is the
// member's, its history says who entered it, and so does the list; the
// minutes' sentence does not.
func TestApologiesForOthers(t *testing.T) {
	k, _ := agendaCommittee(t)

	wantText(t, k.Must(neil, "/apologies", "for <@"+graeme+"> Unwell"),
		"Only an officer or the chair of Safer Sefton Together can send apologies for someone else.")
	if n := rows(t, k, `SELECT count(*) FROM apologies`); n != 0 {
		t.Fatalf("a member's apologies for someone else were saved: %d rows", n)
	}

	r := k.Must(officer, "/apologies", "for <@"+neil+"> Unwell")
	wantText(t, r, "The apologies of <@UNEIL> for the meeting of *Safer Sefton Together* on Thursday 10 December 2026, 10:00, Remote Meeting are recorded. Their history says you entered them.", "Reason: Unwell")
	if len(buttons(r)) != 0 {
		t.Errorf("the officer is offered buttons that act on their own apologies: %s", r.Raw)
	}
	if n := rows(t, k, `SELECT count(*) FROM apologies a JOIN apology_history h ON h.apology_id = a.id
		WHERE a.member_key = 'UNEIL' AND a.user_id = 'UNEIL' AND a.name = 'Neil Frackelton' AND a.reason = 'Unwell' AND h.by_user = 'UIAN'`); n != 1 {
		t.Fatalf("Neil's apology entered by the officer: %d rows, want 1", n)
	}
	// A partial update keeps what it does not name, as a member's own does.
	wantText(t, k.Must(officer, "/apologies", "for <@"+neil+"> sub <@"+graeme+">"),
		"The apologies of <@UNEIL> for the meeting", "are updated: reason kept, substitute added.", "Reason: Unwell", "Substitute: <@UGRAEME>")
	wantText(t, k.Must(officer, "/apologies", "for <@"+neil+"> sub <@"+neil+">"), "<@UNEIL> cannot be their own substitute.")

	wantText(t, k.Must(officer, "/apologies", `for "Jen Williams (NW Probation)" 10/12/2026 Attending court`),
		"The apologies of Jen Williams (NW Probation) for the meeting", "are recorded.", "Reason: Attending court")
	if n := rows(t, k, `SELECT count(*) FROM apologies WHERE member_key = 'name:jen williams' AND user_id IS NULL AND organisation = 'NW Probation'`); n != 1 {
		t.Fatalf("Jen Williams's apology: %d rows, want 1", n)
	}
	wantText(t, k.Must(officer, "/apologies", "for <@"+stranger+"> Unwell"), "<@USTRANGER> is not a member of Safer Sefton Together", `/apologies for "Name (Organisation)"`)
	wantText(t, k.Must(officer, "/apologies", "for @neil Unwell"), "I could not find @neil", "Usage:")

	// A member's own reason may start with "for".
	wantText(t, k.Must(graeme, "/apologies", "for family reasons"), "Your apologies for the meeting", "Reason: for family reasons")

	list := k.Must(sue, "/apologies", "list")
	wantText(t, list, "Apologies for absence were received from Neil Frackelton (SWACA), Jen Williams (NW Probation) and Graeme Robson (Merseyside Police).",
		"Entered for them: Neil Frackelton (SWACA) by <@UIAN> and Jen Williams (NW Probation) by <@UIAN>.")
	if strings.Contains(list.Text(), "Graeme Robson (Merseyside Police) by") {
		t.Errorf("Graeme's own apology is listed as entered for him:\n%s", list.Text())
	}
	k.Must(officer, "/agenda", "post")
	k.Drain()
	msgs := k.Slack.Messages(bottest.Channel)
	wantShown(t, msgs[len(msgs)-1], "Entered for them: Neil Frackelton (SWACA) by <@UIAN> and Jen Williams (NW Probation) by <@UIAN>.")

	wantText(t, k.Must(officer, "/history", "apologies"),
		"<@UNEIL> sent apologies: Unwell _(entered by <@UIAN>)_",
		"<@UNEIL> changed their apologies: Unwell; substitute: Graeme Robson _(entered by <@UIAN>)_",
		"Jen Williams sent apologies: Attending court _(entered by <@UIAN>)_")
	wantText(t, k.Must(neil, "/history", "apologies"), "your records", "<@UNEIL> sent apologies: Unwell _(entered by <@UIAN>)_")

	// The member changes it themselves, the fast way: the officer's entry
	// stays in the history.
	wantText(t, k.Must(neil, "/apologies", "reason Flu"), "Your apologies for the meeting", "are updated: reason changed, substitute kept.")
	if h := k.Must(officer, "/history", "apologies <@"+neil+">"); !strings.Contains(h.Text(), "<@UNEIL> changed their apologies: Flu; substitute: Graeme Robson\n") &&
		!strings.HasSuffix(h.Text(), "<@UNEIL> changed their apologies: Flu; substitute: Graeme Robson") {
		t.Errorf("Neil's own change is shown as entered by someone else:\n%s", h.Text())
	}
}

// TestDeclarationsForOthers: the officer and the chair declare interests
// for members and for someone not in Slack; a member may not. The list and
// the history say who entered each; the minutes do not.
func TestDeclarationsForOthers(t *testing.T) {
	k, _ := agendaCommittee(t)
	k.AddUser(trish, "Trish Hardy")
	k.Must(officer, "/committee", "member add <@"+trish+"> Sefton Council chair")

	wantText(t, k.Must(neil, "/declare", "for <@"+graeme+"> 7.7 pecuniary Spouse employed by Sefton CVS"),
		"Only an officer or the chair of Safer Sefton Together can declare an interest for someone else.")
	if n := rows(t, k, `SELECT count(*) FROM declarations`); n != 0 {
		t.Fatalf("a member's declaration for someone else was saved: %d rows", n)
	}

	r := k.Must(officer, "/declare", "for <@"+graeme+"> 7.7 pecuniary Spouse employed by Sefton CVS")
	wantText(t, r, "Recorded: <@UGRAEME> declared a disclosable pecuniary interest in Item 7.7 (Sefton CVS) at the meeting of *Safer Sefton Together* on Thursday 10 December 2026, 10:00, Remote Meeting, entered by you.",
		"Nature: Spouse employed by Sefton CVS", "Unless they hold a dispensation, they must withdraw")
	// One button only, acting for the member: the officer or the chair
	// records that they hold a dispensation, pressed through Slack.
	if b := buttons(r); len(b) != 1 || b[0].ActionID != "declare.dispensation" {
		t.Errorf("the officer is offered buttons other than the member's dispensation: %s", r.Raw)
	}
	btn := button(t, r, "They hold a dispensation")
	wantText(t, k.Must(officer, "/declare", "for <@"+graeme+"> 7.7 pecuniary Spouse employed by Sefton CVS"), "<@UGRAEME> had already declared this interest in Item 7.7 (Sefton CVS)")
	wantText(t, k.Must(officer, "/declare", `for "Jen Williams (NW Probation)" 10/12/2026 4 personal Trustee of SWACA`),
		"Recorded: Jen Williams (NW Probation) declared a personal interest in Item 4")
	wantText(t, k.Must(trish, "/declare", "for <@"+neil+"> 7.5 personal Trustee of SWACA"), "Recorded: <@UNEIL> declared a personal interest in Item 7.5 (SWACA)", "entered by you")
	wantText(t, k.Must(officer, "/declare", "for <@"+stranger+"> 7.5 personal x"), "<@USTRANGER> is not a member of Safer Sefton Together")
	if n := rows(t, k, `SELECT count(*) FROM declarations WHERE (member_key, user_id, declared_by) IN (('UGRAEME', 'UGRAEME', 'UIAN'), ('UNEIL', 'UNEIL', 'UTRISH'))
		OR (member_key = 'name:jen williams' AND user_id IS NULL AND name = 'Jen Williams' AND declared_by = 'UIAN')`); n != 3 {
		t.Fatalf("declarations entered for others: %d rows, want 3", n)
	}

	wantText(t, k.Must(neil, "/declare", "list"),
		"Item 7.7 (Sefton CVS) — Graeme Robson: disclosable pecuniary interest — Spouse employed by Sefton CVS (declared Monday 23 November 2026, 12:00) — withdraws for this item — _entered by <@UIAN>_",
		"Item 4 (Integrated Offender Management (IOM) Refresh Strategy) — Jen Williams: personal interest — Trustee of SWACA (declared Monday 23 November 2026, 12:00) — _entered by <@UIAN>_",
		"— _entered by <@UTRISH>_")
	minutes := k.Must(officer, "/declare", "minutes")
	wantText(t, minutes, "Graeme Robson declared a disclosable pecuniary interest in Item 7.7 (Sefton CVS) as Spouse employed by Sefton CVS, and will withdraw from the meeting for that item.")
	if strings.Contains(minutes.Text(), "entered") {
		t.Errorf("the minutes name who entered the declarations:\n%s", minutes.Text())
	}
	wantText(t, k.Must(officer, "/history", "declarations"),
		"item 7.7: <@UGRAEME> declared: pecuniary: Spouse employed by Sefton CVS _(entered by <@UIAN>)_",
		"item 4: Jen Williams declared: personal: Trustee of SWACA _(entered by <@UIAN>)_",
		"item 7.5: <@UNEIL> declared: personal: Trustee of SWACA _(entered by <@UTRISH>)_")

	// The posted agenda says who entered them, under the minutes' words.
	k.Must(officer, "/agenda", "post")
	k.Drain()
	msgs := k.Slack.Messages(bottest.Channel)
	wantShown(t, msgs[len(msgs)-1], "Graeme Robson declared a disclosable pecuniary interest in Item 7.7 (Sefton CVS) as Spouse employed by Sefton CVS, and will withdraw from the meeting for that item.",
		"Entered for them: Jen Williams (Item 4) by <@UIAN>, Neil Frackelton (Item 7.5) by <@UTRISH> and Graeme Robson (Item 7.7) by <@UIAN>.")

	// The button, pressed through Slack: the member's press does nothing,
	// the officer's records the dispensation as Graeme's.
	hook := k.NewHook()
	k.Interact(bottest.ButtonPayload(neil, btn.ActionID, btn.Value, hook.URL()))
	if got := hook.Last(); !strings.Contains(got, "belongs to someone else") {
		t.Errorf("a member's press of the officer's button: %q", got)
	}
	if status, body := k.Interact(bottest.ButtonPayload(officer, btn.ActionID, btn.Value, hook.URL())); status != http.StatusOK || len(body) != 0 {
		t.Fatalf("the officer's press: %d %q", status, body)
	}
	if got := hook.Last(); !strings.Contains(got, "<@UGRAEME> holds a dispensation") {
		t.Errorf("the officer's press: %q", got)
	}
	if n := rows(t, k, `SELECT count(*) FROM declaration_dispensations dd JOIN declarations d ON d.id = dd.declaration_id WHERE d.member_key = 'UGRAEME' AND dd.recorded_by = 'UIAN'`); n != 1 {
		t.Errorf("%d of Graeme's declarations with a dispensation recorded by the officer, want 1", n)
	}
}

// TestDeclareFormAtTheTable: once the meeting has started, /declare alone
// opens the form for the meeting in progress, the form is accepted, and
// its Withdraw button works, until the meeting closes.
func TestDeclareFormAtTheTable(t *testing.T) {
	k := newCommittee(t)
	meetingDay(t, k)
	k.Must(sue, "/meeting", "start")
	k.SetNow(time.Date(2026, 12, 10, 10, 30, 0, 0, london))

	k.Must(ann, "/declare", "")
	_, view := openedView(t, k)
	if b, _ := json.Marshal(view); !strings.Contains(string(b), "10 December 2026") {
		t.Fatalf("/declare alone during the meeting opened %s, want the meeting in progress's form", b)
	}
	if s := submit(t, k, ann, view, declareValues("7.7", "personal", "Volunteer at Sefton CVS", false)); s.Action != "clear" {
		t.Fatalf("the form during the meeting was refused: %+v", s)
	}
	ack := lastEphemeral(t, k)
	if !strings.Contains(ack.Arg("text"), "Recorded: you declared a personal interest in Item 7.7 (Sefton CVS)") {
		t.Fatalf("the form's acknowledgement: %q", ack.Arg("text"))
	}
	var meetingID, declID int64
	if err := k.DB.SQL().QueryRow(`SELECT meeting_id, id FROM declarations WHERE member_key = $1`, ann).Scan(&meetingID, &declID); err != nil {
		t.Fatal(err)
	}
	hook := k.NewHook()
	k.Interact(bottest.ButtonPayload(ann, bot.ActionName("declare.withdraw"), strconv.FormatInt(meetingID, 10)+":7.7:"+strconv.FormatInt(declID, 10), hook.URL()))
	if got := hook.Last(); !strings.Contains(got, "Your declaration in Item 7.7 (Sefton CVS) is withdrawn.") {
		t.Errorf("the Withdraw button during the meeting: %q", got)
	}
	wantText(t, k.Must(ann, "/declare", "withdraw 7.7"), "You have no declaration standing for Item 7.7")

	// Once the meeting closes, the form it opened is refused.
	k.Must(sue, "/meeting", "close")
	if s := submit(t, k, ann, view, declareValues("7.7", "personal", "Volunteer at Sefton CVS", false)); !strings.Contains(s.Errors["item"], "already been held") {
		t.Errorf("the form after the meeting closed: %+v", s)
	}
}

// TestHistoryAttendance: /history attendance gives the officer and the
// chair the conduct log and every mark with who entered it; a member sees
// their own marks only.
func TestHistoryAttendance(t *testing.T) {
	k := newCommittee(t)
	meetingDay(t, k)
	k.Must(sue, "/meeting", "start")
	k.Must(ann, "/here", "")
	k.Must(officer, "/attendance", `"Jen Williams (NW Probation)" in-attendance`)
	k.SetNow(time.Date(2026, 12, 10, 10, 25, 0, 0, london))
	k.Must(officer, "/attendance", "<@"+graeme+"> late 10:20")
	k.SetNow(time.Date(2026, 12, 10, 10, 30, 0, 0, london))
	k.Must(sue, "/meeting", "item 7.7")
	k.SetNow(time.Date(2026, 12, 10, 11, 10, 0, 0, london))
	k.Must(officer, "/attendance", "<@"+ann+"> left 11:05")
	k.SetNow(time.Date(2026, 12, 10, 11, 30, 0, 0, london))
	k.Must(sue, "/meeting", "adjourn")
	k.SetNow(time.Date(2026, 12, 10, 11, 40, 0, 0, london))
	k.Must(sue, "/meeting", "resume")
	k.SetNow(time.Date(2026, 12, 10, 12, 0, 0, 0, london))
	k.Must(sue, "/meeting", "close")

	all := k.Must(sue, "/history", "attendance")
	wantText(t, all, "*History of the attendance* at the meeting of *Safer Sefton Together* on Thursday 10 December 2026.",
		"• 10 Dec 2026 09:55 — meeting opened by <@USUE>\n"+
			"• 10 Dec 2026 09:55 — <@UANN> marked present\n"+
			"• 10 Dec 2026 09:55 — Jen Williams (NW Probation) marked in attendance _(entered by <@UIAN>)_\n"+
			"• 10 Dec 2026 10:20 — <@UGRAEME> marked present, arrived late at 10:20 _(entered by <@UIAN>)_\n"+
			"• 10 Dec 2026 10:30 — item 7.7 taken up by <@USUE>\n"+
			"• 10 Dec 2026 11:05 — <@UANN> marked as having left at 11:05 _(entered by <@UIAN>)_\n"+
			"• 10 Dec 2026 11:30 — meeting adjourned by <@USUE>\n"+
			"• 10 Dec 2026 11:40 — meeting resumed by <@USUE>\n"+
			"• 10 Dec 2026 12:00 — meeting closed by <@USUE>")
	wantText(t, k.Must(officer, "/history", "attendance 10/12/2026 <@"+graeme+">"), "<@UGRAEME>'s marks", "<@UGRAEME> marked present, arrived late at 10:20 _(entered by <@UIAN>)_")

	mine := k.Must(ann, "/history", "attendance")
	wantText(t, mine, "your marks", "<@UANN> marked present\n", "<@UANN> marked as having left at 11:05 _(entered by <@UIAN>)_")
	for _, not := range []string{"UGRAEME", "Jen Williams", "opened"} {
		if strings.Contains(mine.Text(), not) {
			t.Errorf("a member's own history shows %q:\n%s", not, mine.Text())
		}
	}
	wantText(t, k.Must(ann, "/history", "attendance <@"+graeme+">"), "You can read your own attendance marks only")
}

// TestWithdrawForOthers: what an officer entered for someone they can
// withdraw for them, a member's and a name's alike; a member cannot
// withdraw someone else's.
func TestWithdrawForOthers(t *testing.T) {
	k, _ := agendaCommittee(t)
	k.Must(officer, "/apologies", "for <@"+neil+"> Unwell")
	k.Must(officer, "/apologies", `for "Jen Williams (NW Probation)" Unwell`)
	k.Must(officer, "/declare", "for <@"+graeme+"> 7.7 pecuniary Spouse employed by Sefton CVS")
	k.Must(officer, "/declare", `for "Jen Williams (NW Probation)" 4 personal Trustee of SWACA`)

	wantText(t, k.Must(graeme, "/apologies", "withdraw for <@"+neil+">"), "Only an officer or the chair of Safer Sefton Together can withdraw apologies for someone else.")
	wantText(t, k.Must(neil, "/declare", "withdraw for <@"+graeme+"> 7.7"), "Only an officer or the chair of Safer Sefton Together can withdraw a declaration for someone else.")

	wantText(t, k.Must(officer, "/apologies", "withdraw for <@"+neil+">"), "The apologies of <@UNEIL> for the meeting of *Safer Sefton Together*", "are withdrawn: they are expected to attend.")
	// Withdrawn by her name alone, the apologies are named as entered.
	wantText(t, k.Must(officer, "/apologies", `withdraw for "Jen Williams" 10/12/2026`), "The apologies of Jen Williams (NW Probation) for the meeting", "are withdrawn")
	wantText(t, k.Must(officer, "/apologies", "withdraw for <@"+neil+">"), "<@UNEIL> has no apologies standing for the meeting on Thursday 10 December 2026.")
	wantText(t, k.Must(sue, "/apologies", "list"), "No apologies for absence have been received.")

	wantText(t, k.Must(officer, "/declare", "withdraw for <@"+graeme+"> 7.7"), "The declaration of <@UGRAEME> in Item 7.7 (Sefton CVS) is withdrawn.")
	wantText(t, k.Must(officer, "/declare", `withdraw for "Jen Williams (NW Probation)" 4`), "The declaration of Jen Williams (NW Probation) in Item 4")
	wantText(t, k.Must(sue, "/declare", "list"), "No interests have been declared.")
	wantText(t, k.Must(officer, "/history", "apologies"), "<@UNEIL> withdrew their apologies _(entered by <@UIAN>)_", "Jen Williams withdrew their apologies _(entered by <@UIAN>)_")
	// A member named rather than mentioned is the member.
	wantText(t, k.Must(officer, "/apologies", `for "graeme  robson (Merseyside Police)" Working`), "The apologies of <@UGRAEME> for the meeting", "are recorded")
	if n := rows(t, k, `SELECT count(*) FROM apologies WHERE member_key LIKE 'name:graeme%'`); n != 0 {
		t.Errorf("a member named in quotes got an apology by name besides their own")
	}

	wantText(t, k.Must(officer, "/history", "declarations"), "item 7.7: <@UGRAEME> withdrew the declaration: pecuniary: Spouse employed by Sefton CVS _(entered by <@UIAN>)_")
}
