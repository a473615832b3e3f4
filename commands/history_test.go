package commands_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/quorumhq/quorum/commands"
)

// histRecordsKit is agendaKit with records changed by members and by the
// officer: Neil's apologies sent and withdrawn, Graeme's entered by Ian,
// Neil's declaration made and withdrawn, Sue's report, and an item added
// and removed.
func histRecordsKit(t *testing.T) *kit {
	t.Helper()
	k := agendaKit(t)
	for _, s := range []struct{ user, line string }{
		{neil, "/apologies Unwell"},
		{neil, "/apologies withdraw"},
		{ian, "/apologies for <@UGRAEME> Court"},
		{neil, "/declare 7.5 personal Trustee of SWACA"},
		{neil, "/declare withdraw 7.5"},
		{sue, "/report 7.7 https://example.org/cvs.pdf"},
		{ian, "/agenda add 7.9 Knife crime — Sue Holden (Sefton CVS)"},
		{ian, "/agenda remove 7.9"},
	} {
		k.must(s.user, s.line)
	}
	return k
}

// TestHistoryOfficerSeesTheWholeTrail: the officer reads, privately, who
// changed each kind of record, what, and who entered it, oldest first,
// with where to find the rest.
func TestHistoryOfficerSeesTheWholeTrail(t *testing.T) {
	k := histRecordsKit(t)
	r := k.must(ian, "/history apologies")
	if r.Visibility != commands.Private {
		t.Errorf("history is shown to the channel: %+v", r)
	}
	got := shown(r)
	inOrder(t, got, "*History of the apologies* for the meeting of *Safer Sefton Together* on Thursday 10 December 2026.",
		"<@UNEIL> sent apologies: Unwell\n", "<@UNEIL> withdrew their apologies\n", "<@UGRAEME> sent apologies: Court _(entered by <@UIAN>)_",
		"Times are Europe/London. Every change for the committee, as CSV: `quorum export history --committee NAME --csv`.")

	// The declaration was made at the kit's clock: Monday 23 November, noon.
	k.steps([]step{
		{ian, "/history declarations next", []string{"*History of the declarations of interest* for the meeting of *Safer Sefton Together* on Thursday 10 December 2026.",
			"• 23 Nov 2026 12:00 — item 7.5: <@UNEIL> declared: personal: Trustee of SWACA\n",
			"item 7.5: <@UNEIL> withdrew the declaration: personal: Trustee of SWACA"}},
		{ian, "/history declaration 10/12/2026", []string{"item 7.5: <@UNEIL> declared"}},
		{ian, "/history reports 10/12/2026", []string{"*History of the report links*", "item 7.7: <@USUE> submitted the report: https://example.org/cvs.pdf"}},
		{ian, "/history report 10 December 2026", []string{"item 7.7: <@USUE> submitted the report"}},
	})
	// An item's entries give its number at the time: Date of Next Meeting
	// was item 4 when the meeting was scheduled, and moved on as items
	// were added before it.
	inOrder(t, k.say(ian, "/history agenda"),
		"*History of the agenda* for the meeting of *Safer Sefton Together* on Thursday 10 December 2026.",
		"item 4: added: Date of Next Meeting _(entered by <@UIAN>)_",
		"item 4: moved to 5 — Date of Next Meeting _(entered by <@UIAN>)_",
		"item 4: added: Integrated Offender Management (IOM) Refresh Strategy — Jen Williams _(entered by <@UIAN>)_",
		"item 7.9: added: Knife crime — Sue Holden _(entered by <@UIAN>)_",
		"item 7.9: removed: Knife crime — Sue Holden _(entered by <@UIAN>)_")
	wantShown(t, k.say(ian, "/history items"), "item 7.9: removed: Knife crime")

	// Narrowed to one member.
	got = k.say(ian, "/history apologies <@UGRAEME>")
	wantShown(t, got, "on Thursday 10 December 2026: <@UGRAEME>'s records.", "<@UGRAEME> sent apologies: Court _(entered by <@UIAN>)_")
	if strings.Contains(got, "UNEIL") {
		t.Errorf("Graeme's history shows Neil's:\n%s", got)
	}
	got = k.say(ian, "/history agenda 10 December <@USUE|sue>")
	wantShown(t, got, ", for the items <@USUE> presents.", "item 7.7: added: Sefton CVS — Sue Holden", "item 7.9: removed: Knife crime")
	if strings.Contains(got, "Date of Next Meeting") || strings.Contains(got, "Graeme Robson") {
		t.Errorf("Sue's items include others':\n%s", got)
	}
	// Someone who is not a member has no records.
	if got := k.say(ian, "/history apologies <@USTRANGER>"); got != "*History of the apologies* for the meeting of *Safer Sefton Together* on Thursday 10 December 2026: <@USTRANGER>'s records.\nNo changes are on record." {
		t.Errorf("a stranger's history: %q", got)
	}
}

// TestHistoryTakesTheRequestsTime: with the clock the commands were given
// under set, as the console's and the kit's are, each change is listed
// at the time its command was given, in the order they were given:
// apologies sent, withdrawn and entered by the officer; a declaration, its
// dispensation and another withdrawn; the attendance marks with them, in
// the committee's export; and a member's latest changes on their Home.
func TestHistoryTakesTheRequestsTime(t *testing.T) {
	k := agendaKit(t)
	at := func(day, hour int) time.Time { return time.Date(2026, 11, day, hour, 0, 0, 0, london) }
	k.now = at(24, 9)
	k.must(neil, "/apologies Unwell")
	k.now = at(25, 10)
	k.must(neil, "/apologies withdraw")
	k.now = at(26, 11)
	k.must(ian, "/apologies for <@UGRAEME> Court")
	k.now = at(27, 12)
	r := k.must(sue, "/declare 7.7 pecuniary Spouse employed by Sefton CVS")
	k.now = at(28, 13)
	k.press(sue, r, "I hold a dispensation")
	k.now = at(29, 14)
	k.must(neil, "/declare 7.5 personal Trustee of SWACA")
	k.now = at(30, 15)
	k.must(neil, "/declare withdraw 7.5")

	// At the meeting, Graeme turns up, which withdraws his apologies, and
	// Neil's late arrival is entered ten minutes after it.
	k.now = time.Date(2026, 12, 10, 9, 55, 0, 0, london)
	k.must(ian, "/meeting start")
	k.now = time.Date(2026, 12, 10, 10, 5, 0, 0, london)
	k.must(graeme, "/here")
	k.now = time.Date(2026, 12, 10, 10, 30, 0, 0, london)
	k.must(ian, "/attendance <@UNEIL> late 10:20")

	inOrder(t, k.say(ian, "/history apologies"),
		"• 24 Nov 2026 09:00 — <@UNEIL> sent apologies: Unwell\n",
		"• 25 Nov 2026 10:00 — <@UNEIL> withdrew their apologies\n",
		"• 26 Nov 2026 11:00 — <@UGRAEME> sent apologies: Court _(entered by <@UIAN>)_\n",
		"• 10 Dec 2026 10:05 — <@UGRAEME> withdrew their apologies: attended the meeting")
	inOrder(t, k.say(ian, "/history declarations"),
		"• 27 Nov 2026 12:00 — item 7.7: <@USUE> declared: pecuniary: Spouse employed by Sefton CVS\n",
		"• 28 Nov 2026 13:00 — item 7.7: dispensation recorded for the declaration of <@USUE>",
		"• 29 Nov 2026 14:00 — item 7.5: <@UNEIL> declared: personal: Trustee of SWACA\n",
		"• 30 Nov 2026 15:00 — item 7.5: <@UNEIL> withdrew the declaration: personal: Trustee of SWACA")

	// Neil's Home lists his latest changes, newest first.
	h, err := k.svc.Home(context.Background(), team, neil, k.now)
	if err != nil {
		t.Fatal(err)
	}
	var latest string
	for _, s := range h.Cards[0].Sections {
		if s.Title == "Your latest changes" {
			latest = s.Text
		}
	}
	inOrder(t, latest, "30 Nov 2026 15:00", "withdrew the declaration", "29 Nov 2026 14:00", "declared", "25 Nov 2026 10:00", "withdrew your apologies")

	// The committee's export lists every change when it was made. (The
	// attendance marks are listed when the database entered them, which
	// the kit's clock does not move: see storage's markAs.)
	changes, err := k.db.CommitteeHistory(context.Background(), k.committee().ID, at(24, 0))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range changes {
		if c.Record != commands.HistoryApologies && c.Record != commands.HistoryDeclarations && c.Record != "meeting" {
			continue
		}
		got = append(got, c.At.In(london).Format("2 Jan 15:04")+" "+string(c.Record)+" "+c.Action+" "+c.Name)
	}
	want := []string{
		"24 Nov 09:00 apologies sent Neil Frackelton",
		"25 Nov 10:00 apologies withdrawn Neil Frackelton",
		"26 Nov 11:00 apologies sent Graeme Robson",
		"27 Nov 12:00 declarations declared Sue Holden",
		"28 Nov 13:00 declarations dispensation Sue Holden",
		"29 Nov 14:00 declarations declared Neil Frackelton",
		"30 Nov 15:00 declarations withdrawn Neil Frackelton",
		"10 Dec 09:55 meeting opened ",
		"10 Dec 10:05 apologies withdrawn Graeme Robson",
	}
	if diff := cmp.Diff(got, want); diff != "" {
		t.Errorf("the export (-got +want):\n%s", diff)
	}
}

// TestHistoryMemberSeesTheirOwn: a member reads their own trail, and is
// refused someone else's without a word of it; the agenda's history is
// that of the items they present.
func TestHistoryMemberSeesTheirOwn(t *testing.T) {
	k := histRecordsKit(t)
	r := k.must(neil, "/history apologies")
	got := shown(r)
	inOrder(t, got, "on Thursday 10 December 2026: your records.", "<@UNEIL> sent apologies: Unwell", "<@UNEIL> withdrew their apologies")
	if strings.Contains(got, "UGRAEME") || strings.Contains(got, "quorum export") || r.Visibility != commands.Private {
		t.Errorf("Neil sees more than his own:\n%s", got)
	}
	// The times are the committee's, which a member's own Slack may not
	// keep: they are told so, as officers are.
	if r.Footer != "Times are Europe/London." {
		t.Errorf("the footer under Neil's history: %q, want the committee's time zone", r.Footer)
	}
	if mine := k.say(neil, "/history apologies <@UNEIL>"); mine != got {
		t.Errorf("naming himself: got\n%s\nwant\n%s", mine, got)
	}
	r = k.run(neil, "/history apologies <@UGRAEME>")
	if !r.Refused || r.Text != "You can read the history of your own records only, so I can't show you <@UGRAEME>'s. An officer, the chair or the vice-chair of Safer Sefton Together can. Yours: `/history apologies`." {
		t.Errorf("Neil asks for Graeme's: %+v", r)
	}
	k.steps([]step{
		{graeme, "/history apologies", []string{"<@UGRAEME> sent apologies: Court _(entered by <@UIAN>)_"}},
		{graeme, "/history declarations", []string{"*History of the declarations of interest* for the meeting of *Safer Sefton Together* on Thursday 10 December 2026: your records.\nNo changes are on record."}},
		{sue, "/history reports", []string{": your records.", "item 7.7: <@USUE> submitted the report"}},
		{neil, "/history reports", []string{"No changes are on record."}},
	})
	got = k.say(sue, "/history agenda")
	wantShown(t, got, "on Thursday 10 December 2026, for the items you present.", "item 7.7: added: Sefton CVS — Sue Holden", "item 7.9: removed: Knife crime — Sue Holden")
	if strings.Contains(got, "item 6:") || strings.Contains(got, "Date of Next Meeting") {
		t.Errorf("Sue sees items she does not present:\n%s", got)
	}
}

// TestHistoryChairAndViceChairSeeEveryones: the chair and the vice-chair,
// like officers, read every member's records; but an apology's reason,
// often medical, only the officers read, as in /apologies list, and the
// member whose apologies they are. The substitute is shown.
func TestHistoryChairAndViceChairSeeEveryones(t *testing.T) {
	k := histRecordsKit(t)
	k.must(ian, "/committee member add <@USUE> Sefton CVS chair")
	k.must(ian, "/committee member add <@UNEIL> SWACA vice-chair")
	k.must(ian, `/apologies for <@UGRAEME> Hospital appointment sub "Jane Smith (Merseyside Police)"`)
	for _, user := range []string{sue, neil} {
		got := k.say(user, "/history apologies")
		wantShown(t, got, "on Thursday 10 December 2026.\n", "<@UGRAEME> sent apologies: a reason, shown to officers only _(entered by <@UIAN>)_",
			"<@UGRAEME> changed their apologies: a reason, shown to officers only; substitute: Jane Smith (Merseyside Police) _(entered by <@UIAN>)_", "quorum export history")
		wantShown(t, k.say(user, "/history apologies <@UGRAEME>"), "<@UGRAEME>'s records.", "sent apologies: a reason, shown to officers only")
		if strings.Contains(got, "Court") || strings.Contains(got, "Hospital") {
			t.Errorf("%s reads Graeme's reasons:\n%s", user, got)
		}
	}
	// Neil, the vice-chair, reads his own reason; Sue, the chair, does not.
	wantShown(t, k.say(neil, "/history apologies"), "<@UNEIL> sent apologies: Unwell")
	wantShown(t, k.say(sue, "/history apologies"), "<@UNEIL> sent apologies: a reason, shown to officers only")
	wantShown(t, k.say(ian, "/history apologies <@UGRAEME>"), "sent apologies: Court", "changed their apologies: Hospital appointment; substitute: Jane Smith (Merseyside Police)")
}

// TestHistoryWithholdsAReasonThatReadsLikeASubstitute: a reason typed in
// the form is taken as it reads, "; substitute: …" and all; the chair
// reading the history is not shown any of it, as they are not shown a
// reason, and the officer is shown it whole.
func TestHistoryWithholdsAReasonThatReadsLikeASubstitute(t *testing.T) {
	k := histRecordsKit(t)
	k.must(ian, "/committee member add <@USUE> Sefton CVS chair")
	const reason = "Treatment; substitute: none, the oncology ward will not release me"
	if _, errs := k.submit(k.home(graeme), commands.ApologyForm(k.committee(), k.next()), map[string]string{"reason": reason}); len(errs) > 0 {
		t.Fatalf("form refused: %v", errs)
	}
	got := k.say(sue, "/history apologies <@UGRAEME>")
	wantShown(t, got, "sent apologies: a reason, shown to officers only")
	if strings.Contains(got, "oncology") || strings.Contains(got, "Treatment") {
		t.Errorf("the chair reads Graeme's reason:\n%s", got)
	}
	wantShown(t, k.say(ian, "/history apologies <@UGRAEME>"), "apologies: "+reason)
}

// TestChairEnteringApologiesReadsNoReasonKept: the chair naming a
// substitute for apologies an officer entered with a reason is not shown
// the reason kept, often medical, in the reply, as the list and the
// history do not show it; a reason the chair types is theirs to read.
func TestChairEnteringApologiesReadsNoReasonKept(t *testing.T) {
	k := histRecordsKit(t)
	k.must(ian, "/committee member add <@USUE> Sefton CVS chair")
	k.must(ian, "/apologies for <@UGRAEME> Hospital appointment")
	got := k.say(sue, `/apologies for <@UGRAEME> sub "Jane Smith (Merseyside Police)"`)
	wantShown(t, got, "reason kept, substitute added.", "\nReason: given, shown to officers only\nSubstitute: Jane Smith (Merseyside Police)")
	if strings.Contains(got, "Hospital") {
		t.Errorf("the chair reads Graeme's reason:\n%s", got)
	}
	wantShown(t, k.say(sue, "/apologies for <@UGRAEME> Called to court"), "\nReason: Called to court")
	wantShown(t, k.say(ian, `/apologies for <@UGRAEME> sub "Jane Smith (Merseyside Police)"`), "\nReason: Called to court")
}

// TestChairEnteringApologiesReasonChangedMeanwhile: Graeme changes his
// reason as the chair names his substitute. The reply tells the chair the
// reason is one they did not give, whatever the write found: not the new
// reason, which is Graeme's to give and the officers' to read.
func TestChairEnteringApologiesReasonChangedMeanwhile(t *testing.T) {
	k := histRecordsKit(t)
	k.must(ian, "/committee member add <@USUE> Sefton CVS chair")
	k.must(graeme, "/apologies Unwell")
	hold, err := k.db.SQL().Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer hold.Rollback()
	// Graeme's own change of reason, not yet committed as the chair's
	// write reaches his row.
	if _, err := hold.Exec(`UPDATE apologies SET reason = 'Chemotherapy' WHERE member_key = 'UGRAEME'`); err != nil {
		t.Fatal(err)
	}
	c := k.runAsync(sue, `/apologies for <@UGRAEME> sub "Jane Smith (Merseyside Police)"`)
	if !waitFor(func() bool { return lockWaiters(k) >= 1 }) {
		t.Fatal("the chair's write never waited on Graeme's row")
	}
	if err := hold.Commit(); err != nil {
		t.Fatal(err)
	}
	r := <-c
	if r.err != nil {
		t.Fatal(r.err)
	}
	got := shown(r.reply)
	wantShown(t, got, "Reason: given, shown to officers only")
	if strings.Contains(got, "Chemotherapy") {
		t.Errorf("the chair reads Graeme's reason:\n%s", got)
	}
}

// TestHistoryMistakes: strangers are turned away, and a mistaken date or
// word is explained with the usage.
func TestHistoryMistakes(t *testing.T) {
	k := histRecordsKit(t)
	for _, tc := range []struct{ user, line, want string }{
		{stranger, "/history apologies", "You are not a member of Safer Sefton Together."},
		{stranger, "/history attendance", "You are not a member of Safer Sefton Together."},
		{stranger, "/history minutes", "You are not a member of Safer Sefton Together."},
		{ian, "/history apologies 3 December 2026", "Safer Sefton Together has no meeting on Thursday 3 December 2026. `/meeting list` shows the meetings scheduled."},
		{ian, "/history apologies soon", "Give a date and a member, or either, e.g. `10 December @neil`; I don't know `soon`.\nUsage:\n• `/history apologies [DATE] [@member|\"Name\"]`"},
		{ian, "/history declarations 10 December <@UNEIL> please", "Give a date and a member, or either"},
		{ian, "/history reports 31/02/2027", "There is no 31 February 2027"},
		{ian, "/history attendance yesterday-ish", "Give a date and a member, or either, e.g. `10 December @neil`; I don't know `yesterday-ish`.\nUsage:\n• `/history attendance [DATE] [@member|\"Name\"]`"},
		{ian, "/history changes", "I don't know `changes`."},
		// A member or a date first: the records to read come first.
		{neil, "/history <@UNEIL|neil>", "Say which records first, then the member: `/history apologies`, `declarations`, `reports`, `agenda` or `attendance`, e.g. `/history apologies @neil`."},
		{ian, `/history "Jen Williams"`, "Say which records first, then the member: `/history apologies`, `declarations`, `reports`, `agenda` or `attendance`, e.g. `/history apologies \"Jen Williams\"`."},
		{ian, "/history 10/12/2026", "Say which records first, then the date: `/history apologies`, `declarations`, `reports`, `agenda`, `attendance` or `minutes`, e.g. `/history apologies 10/12/2026`."},
	} {
		t.Run(tc.line, func(t *testing.T) {
			r := k.run(tc.user, tc.line)
			if !r.Refused || !strings.HasPrefix(r.Text, tc.want) || r.Visibility != commands.Private {
				t.Errorf("got %q\nwant a private refusal starting %q", r.Text, tc.want)
			}
		})
	}
	// /history alone lists what it shows.
	wantShown(t, k.say(neil, "/history"), "*/history* — Who changed a meeting's records, what and when. Officers, the chair and the vice-chair see everyone's; members, and those who have left, see their own.",
		"• `/history apologies [DATE] [@member|\"Name\"]`", "• `/history minutes [DATE]`", "`/history help apologies`")
}

// TestHistoryWithoutANextMeeting: with nothing scheduled, /history asks
// for the date of a past meeting, and finds it by date.
func TestHistoryWithoutANextMeeting(t *testing.T) {
	k := meetingKit(t)
	k.must(neil, "/apologies Unwell")
	k.now = time.Date(2026, 12, 11, 9, 0, 0, 0, london)
	r := k.run(neil, "/history apologies")
	if !r.Refused || r.Text != "No meeting of Safer Sefton Together is scheduled. Give the date of a past meeting, e.g. `/history apologies 10 December 2026`." {
		t.Errorf("no next meeting: %+v", r)
	}
	wantShown(t, k.say(neil, "/history apologies 10/12/2026"), "on Thursday 10 December 2026: your records.", "<@UNEIL> sent apologies: Unwell")
}

// TestHistoryOfImportedRecords: records read from imported minutes name
// people as the minutes did, and say so.
func TestHistoryOfImportedRecords(t *testing.T) {
	k := importedKit(t)
	got := k.say(ian, "/history apologies 9 December 2021")
	inOrder(t, got, "*History of the apologies* for the meeting of *Safer Sefton Together* on Thursday 9 December 2021.",
		"— apologies of Neil Frackelton recorded from the minutes _(entered by <@UIAN>)_\n",
		"— apologies of Tony Harland recorded from the minutes _(entered by <@UIAN>)_\n",
		"— apologies of Sue Holden recorded from the minutes _(entered by <@UIAN>)_\n")
	if strings.Count(got, "<@") != 3 {
		t.Errorf("people named in imported minutes are shown as Slack users:\n%s", got)
	}
	// A member the minutes do not name has none of them.
	wantShown(t, k.say(graeme, "/history apologies 9 December 2021"), "your records.\nNo changes are on record.")
	// A member they name by the member's name reads them as their own, and
	// an officer finds them under the member.
	for _, line := range []struct{ user, text, head string }{
		{neil, "/history apologies 9 December 2021", "your records."},
		{ian, "/history apologies 9 December 2021 <@UNEIL>", "<@UNEIL>'s records."},
	} {
		got := k.say(line.user, line.text)
		wantShown(t, got, line.head, "— apologies of Neil Frackelton recorded from the minutes _(entered by <@UIAN>)_")
		if strings.Contains(got, "Tony Harland") || strings.Contains(got, "Sue Holden") {
			t.Errorf("%s: others' records shown:\n%s", line.text, got)
		}
	}
	// Someone the minutes name who has no Slack account is found by name
	// in quotes, as an action's owner is; a member's name is the member.
	got = k.say(ian, `/history apologies 9 December 2021 "Tony Harland"`)
	wantShown(t, got, "on Thursday 9 December 2021: Tony Harland's records.", "— apologies of Tony Harland recorded from the minutes")
	if strings.Contains(got, "Neil Frackelton") || strings.Contains(got, "Sue Holden") {
		t.Errorf("Tony Harland's history shows others':\n%s", got)
	}
	wantShown(t, k.say(ian, `/history apologies "Neil Frackelton" 9 December 2021`), "<@UNEIL>'s records.", "— apologies of Neil Frackelton recorded")
	// A member reads their own only, by name as by mention.
	if r := k.run(graeme, `/history apologies 9 December 2021 "Tony Harland"`); !r.Refused || strings.Contains(shown(r), "recorded from the minutes") {
		t.Errorf("a member asks for Tony Harland's:\n%s", shown(r))
	}
	wantShown(t, k.say(neil, `/history apologies 9 December 2021 "Neil Frackelton"`), "your records.", "— apologies of Neil Frackelton recorded")
}

// TestHistoryOfSomeoneNamedUnquoted: someone with no Slack account named
// without quotes is answered, where they have records, with the form that
// names them in quotes, as the records have their name.
func TestHistoryOfSomeoneNamedUnquoted(t *testing.T) {
	k := importedKit(t)
	r := k.run(ian, "/history apologies 9/12/2021 Tony Harland")
	if want := "Someone without a Slack account is named in quotes, as on record: `/history apologies 9/12/2021 \"Tony Harland\"`."; !r.Refused || !strings.Contains(r.Text, want) {
		t.Errorf("got %q (refused %v)\nwant it to hold %q", r.Text, r.Refused, want)
	}
	// Nobody of that name has records: no such form is offered.
	if r := k.run(ian, "/history apologies 9/12/2021 Tony Blair"); !r.Refused || strings.Contains(r.Text, "in quotes, as on record") {
		t.Errorf("offered a quoted name nobody has: %q", r.Text)
	}

	k.must(ian, `/meeting schedule 2026-12-10 10:00 Remote Meeting`)
	k.must(ian, `/apologies for "Jen Williams (NW Probation)" Unwell`)
	r = k.run(ian, "/history apologies Jen Williams (NW Probation)")
	want := "`/history apologies \"Jen Williams\"`."
	if !r.Refused || !strings.Contains(r.Text, want) {
		t.Errorf("got %q (refused %v)\nwant it to hold %q", r.Text, r.Refused, want)
	}
	// Named in quotes with the organisation, they are found too.
	wantShown(t, k.say(ian, `/history apologies "Jen Williams (NW Probation)"`), "Jen Williams sent apologies: Unwell")
}

// TestHistoryLongTrail: a trail longer than a reply can hold shows its
// latest changes and says how many and where the rest are.
func TestHistoryLongTrail(t *testing.T) {
	k := meetingKit(t)
	k.must(neil, "/apologies Unwell")
	if _, err := k.db.SQL().Exec(`INSERT INTO apology_history (apology_id, action, reason, by_user, at)
		SELECT a.id, 'changed', 'Reason number ' || g, 'UNEIL', now() + g * interval '1 second'
		FROM apologies a, generate_series(1, 400) g WHERE a.meeting_id = $1`, k.next().ID); err != nil {
		t.Fatal(err)
	}
	r := k.must(ian, "/history apologies")
	wantShown(t, r.Text, "The latest 150 changes of 401; the 251 before them: `quorum export history --committee \"Safer Sefton Together\" --csv`, or name a member.")
	lines := strings.Split(r.Sections[0].Text, "\n")
	if len(lines) != commands.MaxHistoryLines || !strings.HasSuffix(lines[0], "changed their apologies: Reason number 251") || !strings.HasSuffix(lines[149], "Reason number 400") {
		t.Errorf("%d lines, from %q to %q; want the 150 latest, 251 to 400", len(lines), lines[0], lines[len(lines)-1])
	}
}

// TestHistoryAttendance: the chair and the officer read the meeting's
// conduct and every mark with who entered it; a member reads their own
// marks, and is refused another's.
func TestHistoryAttendance(t *testing.T) {
	k := agendaKit(t)
	k.must(ian, "/committee member add <@USUE> Sefton CVS chair")
	if r := k.run(ian, "/history attendance"); !r.Refused || r.Text != "Safer Sefton Together has held no meeting yet, and `/history attendance` is for a meeting in progress or held. Its first is on Thursday 10 December 2026, 10:00, Remote Meeting; the officer or the chair opens it with `/meeting start`." {
		t.Errorf("before any meeting: %+v", r)
	}
	k.now = time.Date(2026, 12, 10, 9, 55, 0, 0, london)
	k.must(sue, "/meeting start")
	k.must(neil, "/here")
	k.must(ian, `/attendance "Jen Williams (NW Probation)" in-attendance`)
	k.now = time.Date(2026, 12, 10, 10, 25, 0, 0, london)
	k.must(ian, "/attendance <@UGRAEME> late 10:20")
	k.now = time.Date(2026, 12, 10, 10, 30, 0, 0, london)
	k.must(sue, "/meeting item 7.7")
	k.now = time.Date(2026, 12, 10, 11, 30, 0, 0, london)
	k.must(sue, "/meeting adjourn")
	k.now = time.Date(2026, 12, 10, 11, 40, 0, 0, london)
	k.must(sue, "/meeting resume")
	k.now = time.Date(2026, 12, 10, 12, 0, 0, 0, london)
	k.must(sue, "/meeting close")

	want := "*History of the attendance* at the meeting of *Safer Sefton Together* on Thursday 10 December 2026.\n" +
		"• 10 Dec 2026 09:55 — meeting opened by <@USUE>\n" +
		"• 10 Dec 2026 09:55 — <@UNEIL> marked present\n" +
		"• 10 Dec 2026 09:55 — Jen Williams (NW Probation) marked in attendance _(entered by <@UIAN>)_\n" +
		"• 10 Dec 2026 10:20 — <@UGRAEME> marked present, arrived late at 10:20 _(entered by <@UIAN>)_\n" +
		"• 10 Dec 2026 10:30 — item 7.7 taken up by <@USUE>\n" +
		"• 10 Dec 2026 11:30 — meeting adjourned by <@USUE>\n" +
		"• 10 Dec 2026 11:40 — meeting resumed by <@USUE>\n" +
		"• 10 Dec 2026 12:00 — meeting closed by <@USUE>\n" +
		"Times are Europe/London: when the meeting was opened, or the time a mark records."
	for _, user := range []string{sue, ian} {
		if got := k.say(user, "/history attendance"); got != want {
			t.Errorf("%s reads:\n%s\nwant:\n%s", user, got, want)
		}
	}
	k.steps([]step{
		{ian, "/history attendance 10/12/2026 <@UGRAEME>", []string{"on Thursday 10 December 2026: <@UGRAEME>'s marks.\n• 10 Dec 2026 10:20 — <@UGRAEME> marked present, arrived late at 10:20 _(entered by <@UIAN>)_\nTimes"}},
		{neil, "/history attendance", []string{"on Thursday 10 December 2026: your marks.\n• 10 Dec 2026 09:55 — <@UNEIL> marked present\nTimes"}},
		{neil, "/history attendance <@UGRAEME>", []string{"You can read your own attendance marks only, so I can't show you <@UGRAEME>'s. An officer, the chair or the vice-chair of Safer Sefton Together can. Yours: `/history attendance`."}},
		{ian, "/history attendance <@USTRANGER>", []string{"<@USTRANGER>'s marks.\nNothing is on record."}},
		{ian, `/history attendance "Jen Williams"`, []string{"on Thursday 10 December 2026: Jen Williams's marks.\n• 10 Dec 2026 09:55 — Jen Williams (NW Probation) marked in attendance _(entered by <@UIAN>)_\nTimes"}},
	})
}

// TestMinuteHistory: officers and the chair read each minute as recorded
// and amended, with who and the earlier text, the corrections members
// proposed, and the confirmation; a member reads the same but for others'
// corrections; the vice-chair acting for the chair reads it all.
func TestMinuteHistory(t *testing.T) {
	k := agendaKit(t)
	k.must(ian, "/committee member add <@USUE> Sefton CVS chair")
	k.must(ian, "/committee member add <@UGRAEME> Merseyside Police vice-chair")
	k.now = time.Date(2026, 12, 10, 9, 50, 0, 0, london)
	// The chair sends apologies before the meeting opens (it takes none
	// once it has started): the vice-chair acts for her.
	k.must(sue, "/apologies Called away")
	k.now = time.Date(2026, 12, 10, 9, 55, 0, 0, london)
	k.must(sue, "/meeting start")
	if r := k.must(ian, "/history minutes"); shown(r) != "*History of the minutes* of the meeting of *Safer Sefton Together* on Thursday 10 December 2026.\nNothing has been minuted in Quorum for it." || r.Visibility != commands.Private {
		t.Errorf("nothing minuted: %+v", r)
	}
	minute := strings.TrimSuffix(strings.TrimPrefix(k.must(ian, "/resolve 7.7 That the report be noted.").Text, "Resolved under item 7.7: minute "), " of the meeting on Thursday 10 December 2026, *draft — not yet confirmed*.")
	if len(minute) > 3 {
		t.Fatalf("no minute number in the reply to /resolve: %q", minute)
	}
	k.must(sue, "/minute 7.7 The Board considered the report of the Chief Executive of Sefton CVS.")
	k.must(ian, "/minutes amend "+minute+" That the report be noted and the figures circulated.")
	k.must(neil, "/minutes comment "+minute+" The figures were for the last quarter.")
	k.must(ian, "/minutes amend "+minute+" The Board considered the report.")

	m := "minute " + minute + ": "
	// Neil proposed a correction: he reads it with the whole trail.
	mine := k.say(neil, "/history minutes")
	inOrder(t, mine,
		m+"correction proposed by <@UNEIL>: “The figures were for the last quarter.”",
		m+"narrative amended by <@UIAN>.")
	if n := strings.Count(mine, "\n• "); n != 5 {
		t.Errorf("neil's history of the minutes has %d entries, want 5:\n%s", n, mine)
	}
	trail := []string{
		m + "resolved, recorded by <@UIAN>: “That the report be noted.”",
		m + "minuted by <@USUE>: “The Board considered the report of the Chief Executive of Sefton CVS.”",
		m + "RESOLVED text amended by <@UIAN>. It read: “That the report be noted.” Now: “That the report be noted and the figures circulated.”",
		m + "correction proposed by <@UNEIL>: “The figures were for the last quarter.”",
		m + "narrative amended by <@UIAN>. It read: “The Board considered the report of the Chief Executive of Sefton CVS.” Now: “The Board considered the report.”",
		"Times are Europe/London.",
	}
	got := k.say(sue, "/history minutes")
	inOrder(t, got, trail...)
	if n := strings.Count(got, "\n• "); n != 5 {
		t.Errorf("%d entries, want 5:\n%s", n, got)
	}

	// The chair sent apologies: the vice-chair acts for her.
	inOrder(t, k.say(graeme, "/history minutes"), trail...)

	// Confirmed at the next meeting, the history says where and by whom.
	k.must(sue, "/meeting close")
	decComplete(k)
	k.must(ian, "/meeting schedule 2027-01-14 10:00 Bootle Town Hall")
	k.now = time.Date(2027, 1, 14, 10, 5, 0, 0, london)
	k.must(sue, "/meeting start")
	k.must(sue, "/minutes approve")
	inOrder(t, k.say(ian, "/history minutes 10 December 2026"), append(trail[:5:5],
		"• 14 Jan 2027 10:05 — confirmed as a correct record at the meeting on Thursday 14 January 2027, by <@USUE>\nTimes are Europe/London.")...)
	// Today's meeting has its own minute: the confirmation.
	wantShown(t, k.say(ian, "/history minutes"), "of the meeting of *Safer Sefton Together* on Thursday 14 January 2027.",
		"resolved, recorded by <@USUE>: “That the Minutes of the meeting held on 10 December 2026 be confirmed as a correct record.”")
	k.steps([]step{
		{ian, "/history minutes 10 December 2026 soon", []string{"`minutes` takes only a date.\nUsage:\n• `/history minutes [DATE]`"}},
		{ian, "/history minutes 3 December 2026", []string{"Safer Sefton Together has no meeting on Thursday 3 December 2026."}},
	})
}

// TestMinuteHistoryPrintablePage: the draft's printable page is found by
// its link alone; a wrong or missing token finds nothing, and the export
// gives the same minutes as Markdown and plain text.
// TestMinuteHistoryAmendedToTheSameText: an amendment that changes
// nothing says so, and writes nothing: no history, no audit, and the
// minute's history shows it as recorded alone. An amendment that changes
// the text is still recorded.
func TestMinuteHistoryAmendedToTheSameText(t *testing.T) {
	k := agendaKit(t)
	k.now = time.Date(2026, 12, 10, 9, 55, 0, 0, london)
	k.must(ian, "/meeting start")
	minute := strings.TrimSuffix(strings.TrimPrefix(k.must(ian, "/resolve 7.7 That the report be noted.").Text, "Resolved under item 7.7: minute "), " of the meeting on Thursday 10 December 2026, *draft — not yet confirmed*.")
	k.must(ian, "/minute 7.7 The Board considered the report.")
	rows := func() int {
		return attRows(k, `SELECT (SELECT count(*) FROM minute_history) + (SELECT count(*) FROM audit_log)`)
	}
	before := rows()
	for _, c := range []struct{ line, want string }{
		{"/minutes amend " + minute + " That the report be noted.", "Minute " + minute + "'s RESOLVED text already reads so; nothing changed."},
		{"/minutes amend " + minute + " The Board considered the report.", "Minute " + minute + "'s narrative already reads so; nothing changed."},
	} {
		if got := k.say(ian, c.line); got != c.want {
			t.Errorf("%s:\n%s\nwant:\n%s", c.line, got, c.want)
		}
	}
	if after := rows(); after != before {
		t.Errorf("amendments that change nothing wrote %d rows of history", after-before)
	}
	got := k.say(ian, "/history minutes")
	if strings.Contains(got, "amended") {
		t.Errorf("an amendment that changed nothing is in the history:\n%s", got)
	}
	wantShown(t, k.say(ian, "/minutes amend "+minute+" That the report be noted and circulated."), "Minute "+minute+" amended; the earlier text is kept in its history.")
	wantShown(t, k.say(ian, "/history minutes"), "RESOLVED text amended by <@UIAN>. It read: “That the report be noted.” Now: “That the report be noted and circulated.”")
}

func TestMinuteHistoryPrintablePage(t *testing.T) {
	k := agendaKit(t)
	k.svc.SetPublicURL("https://quorum.example.org/")
	k.now = time.Date(2026, 12, 10, 9, 55, 0, 0, london)
	k.must(ian, "/meeting start")
	k.must(ian, "/resolve 7.7 That the report be noted & <b>filed</b>.")
	r := k.must(ian, "/minutes draft")
	_, link, ok := strings.Cut(r.Footer, "Printable page: https://quorum.example.org/minutes/")
	link, _, _ = strings.Cut(link, " ")
	if !ok || link == "" {
		t.Fatalf("no printable page in the draft's footer: %q", r.Footer)
	}
	// Asking again gives the same address.
	if again := k.must(ian, "/minutes draft").Footer; again != r.Footer {
		t.Errorf("the address changed: %q, then %q", r.Footer, again)
	}
	ctx := context.Background()
	page, err := k.svc.MinutesPage(ctx, link, k.now)
	if err != nil {
		t.Fatal(err)
	}
	wantShown(t, string(page), "<title>Safer Sefton Together — ", "<p class=\"status draft\">", "That the report be noted &amp; &lt;b&gt;filed&lt;/b&gt;.")
	id, token, _ := strings.Cut(link, "-")
	for _, ref := range []string{id + "-" + strings.Repeat("0", len(token)), id + "-", id, "x-" + token, "0-" + token, "-1-" + token, "99999-" + token} {
		if _, err := k.svc.MinutesPage(ctx, ref, k.now); !isNotFound(err) {
			t.Errorf("%q: %v, want not found", ref, err)
		}
	}

	doc, err := k.svc.MinutesDocumentOf(ctx, k.committee(), commands.DateOf(k.now, london), k.now)
	if err != nil {
		t.Fatal(err)
	}
	md, txt := doc.Markdown(), doc.PlainText()
	// Markdown shows the member's "<b>" as typed, as the page does.
	wantShown(t, md, "**", "SEFTON CVS", `That the report be noted & \<b\>filed\</b\>.`)
	wantShown(t, txt, "SEFTON CVS", "That the report be noted & <b>filed</b>.")
	if strings.Contains(txt, "**") || !strings.HasSuffix(md, "\n") || !strings.HasSuffix(txt, "\n") {
		t.Errorf("plain text keeps Markdown's bold, or either lacks its last newline:\n%s\n---\n%s", txt, md)
	}
	if _, err := k.svc.MinutesDocumentOf(ctx, k.committee(), commands.DateOf(time.Date(2026, 12, 3, 0, 0, 0, 0, london), london), k.now); err == nil {
		t.Error("the minutes of a day with no meeting were found")
	}
}

// TestPrintableMinutesOfAMeetingToCome: the printable page of the draft
// an officer prepares before the meeting is headed as to be held, as the
// draft in Slack is, not as a record of a meeting held.
func TestPrintableMinutesOfAMeetingToCome(t *testing.T) {
	k := agendaKit(t) // Monday 23 November; the meeting is on 10 December
	k.svc.SetPublicURL("https://quorum.example.org/")
	r := k.must(ian, "/minutes draft 2026-12-10")
	wantShown(t, shown(r), "to be held on Thursday 10 December 2026")
	_, link, ok := strings.Cut(r.Footer, "Printable page: https://quorum.example.org/minutes/")
	link, _, _ = strings.Cut(link, " ")
	if !ok || link == "" {
		t.Fatalf("no printable page in the draft's footer: %q", r.Footer)
	}
	page, err := k.svc.MinutesPage(context.Background(), link, k.now)
	if err != nil {
		t.Fatal(err)
	}
	wantShown(t, string(page), "to be held on Thursday 10 December 2026")
	if strings.Contains(string(page), "meeting held on Thursday 10 December 2026") {
		t.Errorf("the page of a meeting still to come reads as held:\n%s", page)
	}
	// Once the meeting is held, the same page says so.
	k.now = time.Date(2026, 12, 10, 9, 55, 0, 0, london)
	k.must(ian, "/meeting start")
	if page, err = k.svc.MinutesPage(context.Background(), link, k.now); err != nil {
		t.Fatal(err)
	}
	wantShown(t, string(page), "meeting held on Thursday 10 December 2026")
}

// TestExportMinutesOfACancelledMeeting: a meeting cancelled was never
// held, so it has no minutes to export; they are not headed "Minutes of
// the meeting held on" its day.
func TestExportMinutesOfACancelledMeeting(t *testing.T) {
	k := agendaKit(t)
	k.must(ian, "/meeting schedule 2027-01-14 10:00 Bootle Town Hall")
	k.must(ian, "/meeting cancel 2027-01-14")
	doc, err := k.svc.MinutesDocumentOf(context.Background(), k.committee(), commands.Date{Year: 2027, Month: time.January, Day: 14}, k.now)
	if err == nil {
		t.Fatalf("the minutes of a cancelled meeting were exported:\n%s", doc.PlainText())
	}
	wantShown(t, err.Error(), "The meeting on Thursday 14 January 2027 was cancelled, so it has no minutes to circulate.")
}

// TestHistoryAttendanceAndMinutesNext: `next` names the next meeting in
// /history attendance and /history minutes as in every /history kind,
// not the meeting last held; nothing is recorded for it yet, and the
// reply says so plainly.
func TestHistoryAttendanceAndMinutesNext(t *testing.T) {
	k := agendaKit(t)
	k.must(ian, "/committee member add <@USUE> Sefton CVS chair")
	k.must(ian, "/meeting schedule 2026-12-03 10:00 Bootle Town Hall")
	k.now = time.Date(2026, 12, 3, 9, 55, 0, 0, london)
	k.must(sue, "/meeting start")
	k.must(neil, "/here")
	k.must(ian, "/minute 1 Apologies were received.")
	k.now = time.Date(2026, 12, 3, 11, 0, 0, 0, london)
	k.must(sue, "/meeting close")

	for _, c := range []struct{ line, want string }{
		{"/history attendance next", "*History of the attendance* at the meeting of *Safer Sefton Together* on Thursday 10 December 2026.\nNothing is recorded for it yet: the meeting is still to come."},
		{"/history minutes next", "*History of the minutes* of the meeting of *Safer Sefton Together* on Thursday 10 December 2026.\nNothing is recorded for it yet: the meeting is still to come."},
	} {
		if got := k.say(ian, c.line); got != c.want {
			t.Errorf("%s:\n%s\nwant:\n%s", c.line, got, c.want)
		}
	}
	// Without a date, the meeting last held, as before.
	wantShown(t, k.say(ian, "/history attendance"), "on Thursday 3 December 2026", "<@UNEIL> marked present")
	wantShown(t, k.say(ian, "/history minutes"), "on Thursday 3 December 2026", "minuted by <@UIAN>")
	k.must(ian, "/meeting cancel 2026-12-10")
	for _, kind := range []string{"attendance", "minutes"} {
		r := k.run(ian, "/history "+kind+" next")
		if want := "No meeting of Safer Sefton Together is scheduled. Give the date of a past meeting, e.g. `/history " + kind + " 3 December 2026`."; !r.Refused || r.Text != want {
			t.Errorf("/history %s next with none scheduled: %+v, want %q", kind, r, want)
		}
	}
}

// TestHistoryPointsToTheNextMeetingDuringOne: undated while a meeting
// sits, a history is that meeting's; with nothing on record for it, the
// reply gives the form that reads the next meeting's, where the records
// being sent meanwhile are.
func TestHistoryPointsToTheNextMeetingDuringOne(t *testing.T) {
	k := agendaKit(t)
	k.must(ian, "/meeting schedule 2026-12-03 10:00 Bootle Town Hall")
	k.now = time.Date(2026, 12, 3, 9, 0, 0, 0, london)
	k.must(neil, "/report 10/12/2026 7.5 https://example.org/swaca.pdf SWACA update")
	k.must(graeme, "/apologies 3 December Called away")
	k.now = time.Date(2026, 12, 3, 9, 55, 0, 0, london)
	k.must(ian, "/meeting start")
	got := k.say(ian, "/history reports")
	wantShown(t, got, "on Thursday 3 December 2026", "No changes are on record.\nFor the next meeting, on Thursday 10 December 2026: `/history reports next`.")
	wantShown(t, k.say(ian, "/history reports next"), "on Thursday 10 December 2026", "swaca.pdf")
	// With something on record for the meeting sitting, no pointer.
	if got := k.say(graeme, "/history apologies"); strings.Contains(got, "For the next meeting") || !strings.Contains(got, "Called away") {
		t.Errorf("/history apologies with the sitting meeting's own record:\n%s", got)
	}
}

// TestHistoryPointsToTodaysMeeting: undated, the history of a record
// kind is the next meeting's; when that has nothing and a meeting was held
// earlier today, the reply gives the form that reads today's.
func TestHistoryPointsToTodaysMeeting(t *testing.T) {
	k := agendaKit(t)
	k.must(ian, "/meeting schedule 2026-12-03 10:00 Bootle Town Hall")
	k.now = time.Date(2026, 12, 3, 9, 0, 0, 0, london)
	k.must(neil, "/apologies 3 December Unwell")
	// Before it is held, nothing points to it.
	if got := k.say(ian, "/history declarations <@UNEIL>"); strings.Contains(got, "For the meeting held today") {
		t.Errorf("a pointer to a meeting not yet held:\n%s", got)
	}
	k.now = time.Date(2026, 12, 3, 9, 55, 0, 0, london)
	k.must(ian, "/meeting start")
	k.now = time.Date(2026, 12, 3, 11, 0, 0, 0, london)
	k.must(ian, "/meeting close")

	for _, c := range []struct{ user, line, want string }{
		{ian, "/history declarations <@UNEIL>", "*History of the declarations of interest* for the meeting of *Safer Sefton Together* on Thursday 10 December 2026: <@UNEIL>'s records.\nNo changes are on record.\n" +
			"For the meeting held today: `/history declarations 2026-12-03 <@UNEIL>`."},
		{ian, "/history reports", "No changes are on record.\nFor the meeting held today: `/history reports 2026-12-03`."},
		{ian, `/history agenda "Pat Lane"`, "No changes are on record.\nFor the meeting held today: `/history agenda 2026-12-03 \"Pat Lane\"`."},
		{neil, "/history apologies", "No changes are on record.\nFor the meeting held today: `/history apologies 2026-12-03`."},
	} {
		if got := k.say(c.user, c.line); !strings.HasSuffix(got, c.want) {
			t.Errorf("%s:\n%s\nwant it to end:\n%s", c.line, got, c.want)
		}
	}
	// The form given reads today's meeting.
	wantShown(t, k.say(neil, "/history apologies 2026-12-03"), "on Thursday 3 December 2026: your records.", "Unwell")
	wantShown(t, k.say(ian, "/history declarations 2026-12-03 <@UNEIL>"), "on Thursday 3 December 2026: <@UNEIL>'s records.")
	// Said, the next meeting is what was asked for: no pointer.
	if got := k.say(ian, "/history reports next"); strings.Contains(got, "For the meeting held today") {
		t.Errorf("a pointer when the next meeting was asked for:\n%s", got)
	}
	// The next meeting's changes are shown as they are.
	k.must(sue, "/report 7.7 https://example.org/cvs.pdf")
	if got := k.say(ian, "/history reports"); strings.Contains(got, "For the meeting held today") {
		t.Errorf("a pointer under the next meeting's changes:\n%s", got)
	}
}

// TestHistoryAgendaOfAMisprintedPresenter: an item whose presenter is
// printed with a slip in the name ("Neil Frackleton") and whose title is
// the member's organisation is the member's, in their agenda history as in
// their reminders and their Home.
func TestHistoryAgendaOfAMisprintedPresenter(t *testing.T) {
	k := agendaKit(t)
	k.must(ian, "/agenda add 7.9 SWACA — Neil Frackleton")
	got := k.say(neil, "/history agenda")
	wantShown(t, got, "for the items you present.", "item 7.9: added: SWACA — Neil Frackleton")
	if strings.Contains(got, "Sefton CVS") {
		t.Errorf("Neil's items include others':\n%s", got)
	}
	if got := k.say(sue, "/history agenda"); strings.Contains(got, "Frackleton") {
		t.Errorf("Sue's items include Neil's:\n%s", got)
	}
}

// TestHistoryAgendaMovesOfTheirItems: a presenter reading the history of
// the items they present sees them moved, as the officers do, by a name
// printed as theirs or by their organisation in the title; not the moves
// of others' items.
func TestHistoryAgendaMovesOfTheirItems(t *testing.T) {
	k := agendaKit(t)
	k.must(ian, "/agenda add 7.9 SWACA — Neil Frackleton")
	k.must(ian, "/agenda move 7.7 7.11")
	k.must(ian, "/agenda move 7.9 7.10")
	k.must(ian, "/agenda edit 7.10 SWACA Services — Neil Frackelton")
	k.must(ian, "/agenda move 7.10 7.12")
	wantShown(t, k.say(sue, "/history agenda"), "item 7.7: moved to 7.11 — Sefton CVS")
	neilSees := k.say(neil, "/history agenda")
	inOrder(t, neilSees, "item 7.9: moved to 7.10 — SWACA", "item 7.10: moved to 7.12 — SWACA Services")
	if strings.Contains(neilSees, "7.11") {
		t.Errorf("Neil sees the move of Sue's item:\n%s", neilSees)
	}
}

// TestHistoryMemberByBareName: a member named by a word of their name,
// neither mentioned nor quoted ("sue", "Neil Frackelton"), is answered
// with the member it may mean and how to name them, not "I don't know".
func TestHistoryMemberByBareName(t *testing.T) {
	k := histRecordsKit(t)
	for _, tc := range []struct{ user, line, want string }{
		{ian, "/history declarations neil", "A member is named by mention or in quotes: did you mean Neil Frackelton (SWACA)? Name them as <@UNEIL>, or in quotes: `/history declarations \"Neil Frackelton\"`."},
		{ian, "/history apologies 10/12/2026 Neil Frackelton", "A member is named by mention or in quotes: did you mean Neil Frackelton (SWACA)? Name them as <@UNEIL>, or in quotes: `/history apologies 10/12/2026 \"Neil Frackelton\"`."},
		{neil, "/history attendance neil", "A member is named by mention or in quotes: did you mean Neil Frackelton (SWACA)? Name them as <@UNEIL>, or in quotes: `/history attendance \"Neil Frackelton\"`."},
	} {
		r := k.run(tc.user, tc.line)
		if !r.Refused || r.Text != tc.want {
			t.Errorf("%s %s:\ngot  %q (refused %v)\nwant %q", tc.user, tc.line, r.Text, r.Refused, tc.want)
		}
	}
}

// TestHistoryOfInterestsAndActions: the history of a register of
// interests, of an action, of the membership, of the quorum, of a meeting
// itself or of the decisions is asked of /history too; the answer says
// where each is kept.
func TestHistoryOfInterestsAndActions(t *testing.T) {
	k := histRecordsKit(t)
	for _, tc := range []struct{ line, want string }{
		{"/history interests", "The history of a register of interests, gifts and hospitality included, is `/interests history` (an officer: `/interests history @member`)."},
		{"/history register <@USUE>", "The history of a register of interests, gifts and hospitality included, is `/interests history` (an officer: `/interests history <@USUE>`)."},
		{"/history gifts", "The history of a register of interests, gifts and hospitality included, is `/interests history`"},
		{"/history member", "Changes to the membership (who joined, left, or changed role or organisation, and who made the change) are `/history committee`; `/committee members` shows the members now."},
		{"/history quorum", "Changes to the quorum and the committee's other settings (the rule as it was set, who set it and when) are `/history committee`, for officers, the chair and the vice-chair; `/committee quorum` shows the quorum now."},
		{"/history actions", "The history of an action is `/action history ID`, with the number `/action list all` gives it."},
		{"/history action 12", "The history of an action is `/action history 12`."},
		{"/history meeting", "The history of a meeting itself (scheduled, moved, its time or venue changed, cancelled) is `/meeting history [DATE]`; who came and when it was opened and closed, `/history attendance [DATE]`."},
		{"/history meetings 10/12/2026", "The history of a meeting itself (scheduled, moved, its time or venue changed, cancelled) is `/meeting history 10/12/2026`; who came and when it was opened and closed, `/history attendance 10/12/2026`."},
		{"/history meeting nonsense", "The history of a meeting itself (scheduled, moved, its time or venue changed, cancelled) is `/meeting history [DATE]`"},
		{"/history decisions", "Decisions are kept in the minutes: `/history resolution [DATE] NUMBER` shows one minute's history, `/history minutes [DATE]` every minute of a meeting."},
	} {
		r := k.run(ian, tc.line)
		if !r.Refused || !strings.HasPrefix(r.Text, tc.want) {
			t.Errorf("%s:\ngot  %q (refused %v)\nwant it to start %q", tc.line, r.Text, r.Refused, tc.want)
		}
	}
}

// TestMinuteHistoryForMembers: the minutes are a public record, so a
// member reads their whole history in /history minutes — each minute as
// recorded and amended, by whom and when, with the earlier text, and the
// confirmation — with the corrections they proposed themselves; what
// other members proposed stays theirs, the officers' and the chair's.
func TestMinuteHistoryForMembers(t *testing.T) {
	k := decDay(t)
	k.must(ian, "/resolve 7.7 That the report be noted.")
	k.must(graeme, "/minutes comment 9 The figures were for the last quarter.")

	r := k.must(neil, "/history minutes")
	got := shown(r)
	wantShown(t, got,
		"*History of the minutes* of the meeting of *Safer Sefton Together* on Thursday 10 December 2026.",
		"minute 9: resolved, recorded by <@UIAN>: “That the report be noted.”",
		"Corrections proposed by other members are shown only to them, the officers and the chair.")
	if strings.Contains(got, "UGRAEME") || strings.Contains(got, "last quarter") {
		t.Errorf("a member's history of the minutes shows another member's correction:\n%s", got)
	}

	k.must(neil, "/minutes comment 9 Please record that the figures go to partners.")
	k.must(ian, "/minutes amend 9 That the report be noted and the figures circulated to partners.")
	r = k.must(neil, "/history minutes")
	if r.Visibility != commands.Private {
		t.Error("a member's history of the minutes is not private")
	}
	got = shown(r)
	inOrder(t, got,
		"minute 9: resolved, recorded by <@UIAN>: “That the report be noted.”",
		"minute 9: correction proposed by <@UNEIL>: “Please record that the figures go to partners.”",
		"minute 9: RESOLVED text amended by <@UIAN>. It read: “That the report be noted.” Now: “That the report be noted and the figures circulated to partners.”")
	if strings.Contains(got, "UGRAEME") {
		t.Errorf("a member's history of the minutes shows another member's correction:\n%s", got)
	}
	// The officers' and the chair's history has every correction, and no
	// such note.
	got = k.say(ian, "/history minutes")
	wantShown(t, got, "correction proposed by <@UGRAEME>", "correction proposed by <@UNEIL>")
	if strings.Contains(got, "other members") {
		t.Errorf("the officer's history of the minutes says others' corrections are left out:\n%s", got)
	}

	k.must(sue, "/meeting close")
	decComplete(k)
	k.must(ian, "/meeting schedule 2027-01-14 10:00 Bootle Town Hall")
	k.now = time.Date(2027, 1, 14, 10, 5, 0, 0, london)
	k.must(sue, "/meeting start")
	k.must(sue, "/minutes approve as they stand")
	got = k.say(graeme, "/history minutes 10 December 2026")
	wantShown(t, got,
		"correction proposed by <@UGRAEME>: “The figures were for the last quarter.”",
		"RESOLVED text amended by <@UIAN>",
		"confirmed as a correct record at the meeting on Thursday 14 January 2027, by <@USUE>")
	if strings.Contains(got, "UNEIL") {
		t.Errorf("Graeme's history of the minutes shows Neil's correction:\n%s", got)
	}
}

// TestResolutionHistory: `/history resolution NUMBER` (or `minute`) is
// the history of one minute, found by its number as /resolution finds it,
// for any member: as recorded and amended, by whom and when, and the
// confirmation; a member sees their own corrections to it, not others'.
func TestResolutionHistory(t *testing.T) {
	k := decDay(t)
	k.must(ian, "/resolve 7.7 That the report be noted.")
	k.must(ian, "/resolve 6 That the update be noted.")
	k.must(graeme, "/minutes comment 9 The figures were for the last quarter.")
	k.must(ian, "/minutes amend 9 That the report be noted and the figures circulated.")

	got := k.say(neil, "/history resolution 9")
	wantShown(t, got, "*History of minute 9* of the meeting of *Safer Sefton Together* on Thursday 10 December 2026.",
		"minute 9: resolved, recorded by <@UIAN>: “That the report be noted.”",
		"minute 9: RESOLVED text amended by <@UIAN>. It read: “That the report be noted.” Now: “That the report be noted and the figures circulated.”")
	if strings.Contains(got, "UGRAEME") || strings.Contains(got, "update be noted") {
		t.Errorf("the history of minute 9, read by a member, shows another's correction or another minute:\n%s", got)
	}
	wantShown(t, k.say(ian, "/history minute 2026-12-10 9"), "correction proposed by <@UGRAEME>")
	wantShown(t, k.say(graeme, "/history resolution 9"), "correction proposed by <@UGRAEME>")
	for _, tc := range []struct{ line, want string }{
		{"/history resolution 99", "No minute 99 of *Safer Sefton Together* is on record."},
		{"/history resolution rename partnership", "Give the minute's number, as `/resolution` shows it: `/history resolution 28`."},
		{"/history resolution", "Give the minute's number, as `/resolution` shows it: `/history resolution 28`."},
	} {
		if r := k.run(neil, tc.line); !r.Refused || !strings.Contains(r.Text, tc.want) {
			t.Errorf("%s: got %q (refused %v), want %q", tc.line, r.Text, r.Refused, tc.want)
		}
	}
}

// TestResolutionHistoryOfImportedMinutes: a minute read from published
// minutes has not been changed in Quorum, and its history says so.
func TestResolutionHistoryOfImportedMinutes(t *testing.T) {
	k := importedKit(t)
	r := k.must(neil, "/history resolution 28")
	want := "*History of minute 28* of the meeting of *Safer Sefton Together* on Thursday 9 December 2021.\n" +
		"It is as imported from the published minutes, and has not been changed in Quorum: `/resolution 2021-12-09 28` shows it."
	if got := shown(r); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

// A day that is no day before the minute's number is answered as that,
// not as a number missing.
func TestMinuteHistoryOnAnImpossibleDay(t *testing.T) {
	k := agendaKit(t)
	k.steps([]step{
		{ian, "/history resolution 31/02/2027 4", []string{"There is no 31 February 2027: February 2027 has 28 days.", "/history resolution [DATE] NUMBER"}},
		{neil, "/history minute 30 February 2027 4", []string{"There is no 30 February 2027: February 2027 has 28 days."}},
		{ian, "/history resolution", []string{"Give the minute's number, as `/resolution` shows it: `/history resolution 28`."}},
	})
}

// TestMinutesHistoryOfImportedMinutes: the history of minutes imported
// from the published ones, never changed in Quorum, says so and how to
// read them, as the history of one of its minutes does, rather than that
// nothing has been minuted.
func TestMinutesHistoryOfImportedMinutes(t *testing.T) {
	k := importedKit(t)
	for _, user := range []string{ian, neil} {
		got := k.say(user, "/history minutes 9 December 2021")
		want := "*History of the minutes* of the meeting of *Safer Sefton Together* on Thursday 9 December 2021.\n" +
			"They are as imported from the published minutes, and have not been changed in Quorum: `/resolution 2021-12-09` lists them."
		if got != want {
			t.Errorf("%s: /history minutes 9 December 2021 =\n%s\nwant\n%s", user, got, want)
		}
	}
}

// TestHistoryWithoutANextMeetingNamesTheCommitteesOwnDay: with nothing
// scheduled, the example /history gives is a day the committee met on,
// not one it never did.
func TestHistoryWithoutANextMeetingNamesTheCommitteesOwnDay(t *testing.T) {
	k := committeeKit(t)
	k.must(ian, "/meeting schedule 2026-12-03 14:00 Youth Centre")
	k.must(neil, "/apologies Holiday")
	k.now = time.Date(2026, 12, 11, 9, 0, 0, 0, london)
	for _, kind := range []string{"apologies", "declarations", "attendance next"} {
		want := "No meeting of Safer Sefton Together is scheduled. Give the date of a past meeting, e.g. `/history " + strings.Fields(kind)[0] + " 3 December 2026`."
		if r := k.run(ian, "/history "+kind); !r.Refused || r.Text != want {
			t.Errorf("/history %s: %q\nwant %q", kind, r.Text, want)
		}
	}
	// A committee that has met on no day is not given one.
	k = committeeKit(t)
	want := "No meeting of Safer Sefton Together is scheduled, nor held yet: an officer schedules one with `/meeting schedule DATE TIME [VENUE]`."
	if r := k.run(ian, "/history apologies"); !r.Refused || r.Text != want {
		t.Errorf("nothing held: %q\nwant %q", r.Text, want)
	}
}

// TestHistoryOfTheCommittee: the changes to the committee's membership
// and settings, kept in its audit log, are read in Slack, by whom each
// was made: all of them by the officer, one member's when named; a member
// reads the changes to their own membership only.
func TestHistoryOfTheCommittee(t *testing.T) {
	k := agendaKit(t)
	k.now = k.now.Add(time.Hour)
	k.must(ian, "/committee quorum 3")
	// Added again as they stand: nothing changed, and none is listed.
	wantShown(t, k.say(ian, "/committee member add <@USUE> Sefton CVS"), "nothing changed")
	k.must(ian, "/committee member add <@USUE> Sefton CVS chair")
	got := k.say(ian, "/history committee")
	inOrder(t, got, "*History of the committee* Safer Sefton Together.",
		"— committee set up as Safer Sefton Together, by <@UIAN>",
		"— <@USUE> added: member; Sefton CVS, by <@UIAN>",
		"— quorum set: 3, by <@UIAN>",
		"— <@USUE> changed: chair; Sefton CVS, by <@UIAN>", "Times are Europe/London.")
	if n := strings.Count(got, "<@USUE>"); n != 2 {
		t.Errorf("%d changes to Sue's membership listed, want 2 (added, made chair):\n%s", n, got)
	}
	wantShown(t, k.say(ian, "/history membership <@USUE>"), "*History of the membership* of <@USUE> in Safer Sefton Together.", "<@USUE> added")
	if got := k.say(ian, `/history committee "Sue Holden"`); !strings.Contains(got, "<@USUE> changed") || strings.Contains(got, "quorum") {
		t.Errorf("Sue's membership named in quotes:\n%s", got)
	}
	mine := k.say(neil, "/history committee")
	wantShown(t, mine, "*History of your membership* of Safer Sefton Together.", "<@UNEIL> added: member; SWACA, by <@UIAN>")
	if strings.Contains(mine, "quorum") || strings.Contains(mine, "USUE") {
		t.Errorf("a member reads more than their own membership:\n%s", mine)
	}
	k.steps([]step{
		{neil, "/history committee <@USUE>", []string{"You can read the changes to your own membership only, so I can't show you <@USUE>'s."}},
		{ian, "/history committee 10/12/2026", []string{"`/history committee` takes no date"}},
		{ian, "/history quorum", []string{"are `/history committee`"}},
	})
	// Renamed in Slack since, added again: the name is changed, and said.
	k.dir[neil] = "Neil Frackelton-Hughes"
	wantShown(t, k.say(ian, "/committee member add <@UNEIL> SWACA"), "<@UNEIL> is now recorded as a member of Safer Sefton Together, for SWACA. (Was named Neil Frackelton.)")
	wantShown(t, k.say(ian, "/history committee <@UNEIL>"), "<@UNEIL> changed: member; SWACA, by <@UIAN>")
	// A member's own changes are found however many others came since.
	for n := 2; n <= 62; n++ {
		k.must(ian, fmt.Sprintf("/committee quorum %d", n%4+2))
	}
	all := k.say(ian, "/history committee")
	wantShown(t, all, "The latest 60 changes; `quorum export history --committee NAME --csv` writes them all.")
	if strings.Contains(all, "<@UNEIL> added") {
		t.Errorf("the latest 60 changes reach back to Neil's joining:\n%s", all)
	}
	for _, got := range []string{k.say(neil, "/history committee"), k.say(ian, "/history committee <@UNEIL>")} {
		wantShown(t, got, "<@UNEIL> added: member; SWACA, by <@UIAN>")
		if strings.Contains(got, "The latest 60") {
			t.Errorf("one member's changes said to be the latest 60:\n%s", got)
		}
	}
}

// TestHistoryMemberAddedAgain: a member removed and then added back is
// said to be added again, not changed, with the role and organisation
// they came back with; a change made after that is a change.
func TestHistoryMemberAddedAgain(t *testing.T) {
	k := committeeKit(t)
	k.must(ian, "/committee member remove <@UGRAEME>")
	k.must(ian, "/committee member add <@UGRAEME> Merseyside Police vice-chair")
	got := k.say(ian, "/history committee <@UGRAEME>")
	inOrder(t, got, "<@UGRAEME> added: member; Merseyside Police, by <@UIAN>", "<@UGRAEME> removed, by <@UIAN>",
		"<@UGRAEME> added again: vice-chair; Merseyside Police, by <@UIAN>")
	if strings.Contains(got, "changed") {
		t.Errorf("a member added back is said to be changed:\n%s", got)
	}
	// (The vice-chair stepping down is asked to be confirmed.)
	q := k.must(ian, "/committee member add <@UGRAEME> Merseyside Police member")
	k.press(ian, q, "Confirm: Graeme Robson as member")
	wantShown(t, k.say(ian, "/history committee <@UGRAEME>"), "<@UGRAEME> changed: member; Merseyside Police, by <@UIAN>")
}

// TestHistoryMemberAddedAgainBeforeItWasKept: a member removed and added
// back before the log said so in the entry itself (written then as a
// change) still reads as added again, in /history and in the export,
// since the entry before it is their removal.
func TestHistoryMemberAddedAgainBeforeItWasKept(t *testing.T) {
	k := committeeKit(t)
	k.must(ian, "/committee member remove <@UGRAEME>")
	k.must(ian, "/committee member add <@UGRAEME> Merseyside Police vice-chair")
	// As the entry was written before: a change, with nothing to say
	// the member came back.
	if _, err := k.db.SQL().Exec(`UPDATE audit_log SET action = 'member.change', detail = detail - 'rejoined' WHERE detail ? 'rejoined'`); err != nil {
		t.Fatal(err)
	}
	got := k.say(ian, "/history committee <@UGRAEME>")
	wantShown(t, got, "<@UGRAEME> added again: vice-chair; Merseyside Police")
	if strings.Contains(got, "changed") {
		t.Errorf("a member added back is said to be changed:\n%s", got)
	}
	changes, err := k.db.CommitteeHistory(context.Background(), k.committee().ID, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	var actions []string
	for _, c := range changes {
		if c.Record == "membership" && c.UserID == "UGRAEME" {
			actions = append(actions, c.Action)
		}
	}
	if !slices.Contains(actions, "added again") || slices.Contains(actions, "changed") {
		t.Errorf("the export of the history has Graeme %q, want added again, not changed", actions)
	}
	// A change after that is a change.
	// (The vice-chair stepping down is asked to be confirmed.)
	q := k.must(ian, "/committee member add <@UGRAEME> Merseyside Police member")
	k.press(ian, q, "Confirm: Graeme Robson as member")
	wantShown(t, k.say(ian, "/history committee <@UGRAEME>"), "<@UGRAEME> changed: member; Merseyside Police, by <@UIAN>")
}

// TestHistoryWithADateInWordsFirst: a date in words ("10 December",
// "Thursday 10 December") where /history wants its records first is
// answered as one in figures is, with the form to use, not taken for a
// word it does not know.
func TestHistoryWithADateInWordsFirst(t *testing.T) {
	k := histRecordsKit(t)
	for _, tc := range []struct{ line, want string }{
		{"/history 10 December", "Say which records first, then the date: `/history apologies`, `declarations`, `reports`, `agenda`, `attendance` or `minutes`, e.g. `/history apologies 10 December`."},
		{"/history Thursday 10 December", "e.g. `/history apologies Thursday 10 December`."},
		{"/history meeting 10 December", "The history of a meeting itself (scheduled, moved, its time or venue changed, cancelled) is `/meeting history 10 December`; who came and when it was opened and closed, `/history attendance 10 December`."},
	} {
		r := k.run(ian, tc.line)
		if !r.Refused || !strings.Contains(r.Text, tc.want) {
			t.Errorf("%s:\ngot  %q (refused %v)\nwant %q", tc.line, r.Text, r.Refused, tc.want)
		}
	}
}
