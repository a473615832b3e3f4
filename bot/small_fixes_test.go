package bot_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/quorumhq/quorum/commands"
)

// twoPresenterAgenda is an agenda for 10 December 2026 whose item 4 has two
// presenters of two organisations.
const twoPresenterAgenda = `AGENDA
Safer Sefton Together
Thursday 10th December, 2026
10.00 am, Remote Meeting
1. Apologies for Absence
2. Declarations of Interest
3. Minutes of Previous Meeting
4. Partner Update
Presenter: Graeme Robson (Merseyside Police), Neil Frackelton (SWACA)
5. Date of Next Meeting
`

// TestSecondPresentersOrganisationKept imports an agenda through the
// form, as an officer does in Slack: the second presenter's bracketed
// organisation is shown with them, not lost or given to the first, and
// each presenter is still matched to their member for the report they owe.
func TestSecondPresentersOrganisationKept(t *testing.T) {
	k := newCommittee(t)
	k.Must(officer, "/agenda", "import")
	_, view := openedView(t, k)
	if s := submit(t, k, officer, view, importValues(twoPresenterAgenda, "")); s.Action != "clear" {
		t.Fatalf("import: %+v", s)
	}
	r := k.Must(neil, "/agenda", "10/12/2026")
	wantText(t, r, "Graeme Robson (Merseyside Police), Neil Frackelton (SWACA)")
	if strings.Contains(r.Text(), "Neil Frackelton (Merseyside Police)") || strings.Contains(r.Text(), "Frackelton_ (Merseyside") {
		t.Errorf("Neil is shown as of Merseyside Police:\n%s", r.Text())
	}
	wantText(t, k.Must(officer, "/report", "missing 10/12/2026"), "Graeme Robson (Merseyside Police), Neil Frackelton (SWACA)")
	openHomes(t, k, neil)
	homeText(t, k, neil, "Report owed for item 4 (Partner Update)")

	// Typed with /agenda add, each presenter's organisation stays too, and
	// the brackets are no part of the names matched to members.
	wantText(t, k.Must(officer, "/agenda", "add 4.1 Youth Diversion — Graeme Robson (Merseyside Police), Neil Frackelton (SWACA)"), "Added item")
	homeText(t, k, neil, "Report owed for item 4.1 (Youth Diversion)")
}

// TestMinutesDraftNamesTheLastMeetingHeld: the seed pack's programme
// schedules four meetings (June 2022 to March 2023) that Quorum has no
// record of; the draft's "Minutes of Previous Meeting" names the last
// meeting held instead, and later the last one with records of its own.
func TestMinutesDraftNamesTheLastMeetingHeld(t *testing.T) {
	k := importedCommittee(t)
	ctx := context.Background()
	if _, _, err := commands.ImportAgenda(ctx, k.DB, mustCommittee(t, k.DB), commands.SamplePack, officer); err != nil {
		t.Fatal(err)
	}
	k.Must(officer, "/meeting", "schedule 10/12/2026 10:00 Remote Meeting")
	r := k.Must(officer, "/minutes", "draft")
	wantText(t, r, "That the Minutes of the meeting held on 17 March 2022 be confirmed as a correct record.")
	if strings.Contains(r.Text(), "16 March 2023") {
		t.Errorf("the draft names a programme meeting that was never held:\n%s", r.Text())
	}

	// Two meetings scheduled in Slack: members sent apologies for the
	// first; nothing at all happened in Quorum for the second.
	k.Must(officer, "/meeting", "schedule 26/11/2026 10:00 Remote Meeting")
	k.Must(officer, "/meeting", "schedule 30/11/2026 10:00 Remote Meeting")
	wantText(t, k.Must(neil, "/apologies", "26/11/2026 Unwell"), "are recorded")
	k.SetNow(time.Date(2026, 12, 1, 12, 0, 0, 0, london))
	wantText(t, k.Must(officer, "/minutes", "draft"), "That the Minutes of the meeting held on 26 November 2026 be confirmed as a correct record.")
}

// TestImportedApologiesAreFromTheMinutes: apologies read from imported
// minutes were not sent when they were imported; the officer's list says
// they are recorded in the minutes, and so does their history, also when a
// re-issued version drops one and a later one lists it again.
func TestImportedApologiesAreFromTheMinutes(t *testing.T) {
	k := importedCommittee(t)
	r := k.Must(officer, "/apologies", "list 9/12/2021")
	wantText(t, r, "Neil Frackelton (SWACA)", "• Neil Frackelton: no reason given (recorded in the minutes of Thursday 9 December 2021)")
	if strings.Contains(r.Text(), "(sent ") {
		t.Errorf("imported apologies are shown as sent:\n%s", r.Text())
	}

	ctx := context.Background()
	c := mustCommittee(t, k.DB)
	reissued := strings.Replace(commands.SamplePack, "received from Neil Frackelton (SWACA), Tony", "received from Tony", 1)
	for _, text := range []string{reissued, commands.SamplePack} {
		if _, err := k.Service.ImportMinutes(ctx, c, text, officer); err != nil {
			t.Fatal(err)
		}
	}
	wantText(t, k.Must(officer, "/apologies", "list 9/12/2021"), "• Neil Frackelton: no reason given (recorded in the minutes of Thursday 9 December 2021)")
	var actions string
	if err := k.DB.SQL().QueryRowContext(ctx, `SELECT string_agg(h.action, ',' ORDER BY h.id) FROM apology_history h
		JOIN apologies a ON a.id = h.apology_id WHERE a.name = 'Neil Frackelton'`).Scan(&actions); err != nil {
		t.Fatal(err)
	}
	if got, want := actions, "imported,withdrawn,imported"; got != want {
		t.Errorf("Neil's apology history = %s, want %s: listed again by the minutes is not sent", got, want)
	}
}

// TestRemovedMembersApologiesDoNotCount: once a member is removed, their
// apologies for the meeting to come no longer count — not in the list for
// the minutes, the meeting's count, the posted agenda or the officers'
// Home — and their history keeps them, withdrawn by the officer.
func TestRemovedMembersApologiesDoNotCount(t *testing.T) {
	k := newCommittee(t)
	k.Must(officer, "/meeting", "schedule 10/12/2026 10:00 Remote Meeting")
	k.Must(neil, "/apologies", "Unwell")
	k.Must(graeme, "/apologies", "Attending court")
	wantText(t, k.Must(officer, "/agenda", "post"), "on its way")
	openHomes(t, k, officer)
	homeText(t, k, officer, "2 apologies received for the next meeting")
	wantText(t, k.Must(officer, "/meeting", "list"), "Remote Meeting — 2 apologies")

	wantText(t, k.Must(officer, "/committee", "member remove <@"+neil+">"), "no longer a member")
	r := k.Must(officer, "/apologies", "list")
	wantText(t, r, "Apologies for absence were received from Graeme Robson (Merseyside Police).")
	if strings.Contains(r.Text(), "Neil") {
		t.Errorf("a removed member's apologies are listed:\n%s", r.Text())
	}
	wantText(t, k.Must(officer, "/meeting", "list"), "Remote Meeting — 1 apology")
	homeText(t, k, officer, "1 apology received for the next meeting")
	updates := k.Slack.Calls("chat.update")
	if len(updates) == 0 {
		t.Fatal("the posted agenda was not updated")
	}
	if got := updates[len(updates)-1].Arg("blocks"); strings.Contains(got, "Neil Frackelton") || !strings.Contains(got, "Graeme Robson") {
		t.Errorf("the posted agenda does not show the apologies standing:\n%s", got)
	}
	var actions string
	if err := k.DB.SQL().QueryRowContext(context.Background(), `SELECT string_agg(h.action || ' by ' || h.by_user, ',' ORDER BY h.id)
		FROM apology_history h JOIN apologies a ON a.id = h.apology_id WHERE a.user_id = $1`, neil).Scan(&actions); err != nil {
		t.Fatal(err)
	}
	if want := "sent by " + neil + ",withdrawn by " + officer; actions != want {
		t.Errorf("Neil's apology history = %s, want %s", actions, want)
	}
}
