package minutes

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const actionsHead = `MINUTES OF THE MEETING OF THE AUDIT COMMITTEE
held on Tuesday 14 January 2025 at 10.00 am

Present: Councillor A Brown (Chair), Councillor C Dunn

`

func parseActions(t *testing.T, body string) *Minutes {
	t.Helper()
	m, err := ParseMinutes(actionsHead + body)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestActionLines(t *testing.T) {
	m := parseActions(t, `1. INTERNAL AUDIT PROGRESS

The Head of Audit presented the report.

ACTION: Chief Inspector Smith to circulate the figures by 31 January.

Action - The Head of Audit to report the
overdue recommendations to the March meeting.

RESOLVED: That the report be noted.

2. RISK REGISTER

ACTION: Councillor Dunn to meet the Treasurer by 3 December.
RESOLVED: That the register be approved.

ACTION: Figures to be circulated.

Members agreed that no action: was needed on item 4.
`)
	want := []Action{
		{Minute: "1", Text: "Chief Inspector Smith to circulate the figures by 31 January.", Owner: "Chief Inspector Smith", Due: "2025-01-31"},
		{Minute: "1", Text: "The Head of Audit to report the overdue recommendations to the March meeting.", Owner: "Head of Audit"},
		// A day without a year is the next one after the meeting.
		{Minute: "2", Text: "Councillor Dunn to meet the Treasurer by 3 December.", Owner: "Councillor Dunn", Due: "2025-12-03"},
		{Minute: "2", Text: "Figures to be circulated."},
	}
	if diff := cmp.Diff(want, m.Actions); diff != "" {
		t.Errorf("actions (-want +got):\n%s", diff)
	}
	if !strings.Contains(strings.Join(m.Warnings, "\n"), `action with no owner printed: "Figures to be circulated."`) {
		t.Errorf("no warning of the action without an owner: %q", m.Warnings)
	}
	// The ACTION lines stay in the minute's words, as printed.
	if !strings.Contains(m.Minutes[0].Narrative, "ACTION: Chief Inspector Smith") {
		t.Errorf("narrative lost the action: %q", m.Minutes[0].Narrative)
	}
}

func TestActionTableUnderMinutes(t *testing.T) {
	m := parseActions(t, `1. APOLOGIES

None.

2. TREASURY MANAGEMENT

RESOLVED: That the strategy be approved.

| Action | Lead | By when | Status |
|---|---|---|---|
| Publish the strategy | Treasurer | 28/02/2025 | Open |
| Brief new members | Councillor Brown | June 2025 | |

3. ANY OTHER BUSINESS

None.
`)
	want := []Action{
		{Minute: "2", Text: "Publish the strategy", Owner: "Treasurer", Due: "2025-02-28", Status: "Open"},
		{Minute: "2", Text: "Brief new members", Owner: "Councillor Brown", Due: "2025-06-30"},
	}
	if diff := cmp.Diff(want, m.Actions); diff != "" {
		t.Errorf("actions (-want +got):\n%s", diff)
	}
}

func TestActionTableMinuteColumn(t *testing.T) {
	m := parseActions(t, `1. APOLOGIES

None.

2. TREASURY MANAGEMENT

RESOLVED: That the strategy be approved.

3. ANY OTHER BUSINESS

None.

Action log

Min No.   Action                          Owner        Due
2         Publish the strategy            Treasurer    28 February 2025
7         Chase the auditors              Clerk        Ongoing
`)
	want := []Action{
		{Minute: "2", Text: "Publish the strategy", Owner: "Treasurer", Due: "2025-02-28"},
		{Minute: "7", Text: "Chase the auditors", Owner: "Clerk", DuePrinted: "Ongoing"},
	}
	if diff := cmp.Diff(want, m.Actions); diff != "" {
		t.Errorf("actions (-want +got):\n%s", diff)
	}
	if !strings.Contains(strings.Join(m.Warnings, "\n"), "action under minute 7, which these minutes do not hold") {
		t.Errorf("no warning of the minute not held: %q", m.Warnings)
	}
}

// A table without a column for when the action is due is not an action
// table: a parish's "Subject  Minute  Action" layout names only who acts.
func TestNoActionsWithoutAllColumns(t *testing.T) {
	m := parseActions(t, `1. HIGHWAYS

Action                 Owner
Chase the potholes     Clerk

Members noted that no action was required.
`)
	if len(m.Actions) != 0 {
		t.Errorf("actions = %+v, want none", m.Actions)
	}
}
