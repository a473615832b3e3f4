package bot_test

import (
	"strings"
	"testing"
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
