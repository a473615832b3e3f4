package minutes

import (
	"os"
	"slices"
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

// A table of two columns is not an action table, however they are
// headed.
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

// TestActionLogAfterTheMinutes: a parish's action log printed after the
// meeting closed, with an "Item" column naming each row's minute and a
// "Subject" column, puts each action under the minute its row names, not
// under the last minute; a row whose minute cell is left blank is under
// the minute of the row above; an action with no due date printed has
// none.
func TestActionLogAfterTheMinutes(t *testing.T) {
	text, err := os.ReadFile("testdata/minutes-parish-action-log-subject.txt")
	if err != nil {
		t.Fatal(err)
	}
	m, err := ParseMinutes(string(text))
	if err != nil {
		t.Fatal(err)
	}
	want := []Action{
		{Minute: "25/105", Text: "Obtain two quotes for a water trough", Owner: "Clerk", Due: "2025-10-31"},
		{Minute: "25/105", Text: "Write to the association with the quotes", Owner: "Cllr Bell", DuePrinted: "Next meeting"},
		{Minute: "25/106", Text: "Chase the County Council about the stile at Low Farm", Owner: "Cllr Mason"},
		{Minute: "25/104", Text: "Invite PCSO Daly to the November meeting", Owner: "Clerk", Due: "2025-11-30"},
	}
	if diff := cmp.Diff(want, m.Actions); diff != "" {
		t.Errorf("actions (-want +got):\n%s", diff)
	}
	if len(m.Warnings) != 0 {
		t.Errorf("warnings: %q", m.Warnings)
	}
}

// TestActionTableColumns: the headings councils print over an action
// table. A parish's "Subject | Minute | Action" names the minute, and
// its action cell is either what is to be done, its owner in the words
// ("Clerk to …"), or only who acts, when the subject says what; "Min",
// "Minute Ref" and "Item No." name the minute, "Action by" and "Who" the
// owner, "By when" and "Due" the date. A table after the last minute
// without a column naming one is under the last minute.
func TestActionTableColumns(t *testing.T) {
	tests := []struct {
		name  string
		table string
		want  []Action
	}{
		{"subject, minute, action", `| Subject | Minute | Action |
|---|---|---|
| Treasury | 2 | Clerk to publish the strategy by 28 February |
| Auditors | 3 | Clerk |
`, []Action{
			{Minute: "2", Text: "Clerk to publish the strategy by 28 February", Owner: "Clerk", Due: "2025-02-28"},
			{Minute: "3", Text: "Auditors", Owner: "Clerk"},
		}},
		{"subject, minute, action, action by", `Subject     Minute    Action                      Action by
Treasury    2         Publish the strategy        Treasurer
Auditors    Min 3     Chase the auditors          Clerk
`, []Action{
			{Minute: "2", Text: "Publish the strategy", Owner: "Treasurer"},
			{Minute: "3", Text: "Chase the auditors", Owner: "Clerk"},
		}},
		{"minute ref, who, by when", `| Minute Ref | Action | Who | By when |
| 2. | Publish the strategy | Treasurer | 28/02/2025 |
| Minute 3 | Chase the auditors | Clerk | Ongoing |
`, []Action{
			{Minute: "2", Text: "Publish the strategy", Owner: "Treasurer", Due: "2025-02-28"},
			{Minute: "3", Text: "Chase the auditors", Owner: "Clerk", DuePrinted: "Ongoing"},
		}},
		{"item no., owner, due", `Item No.   Action                  Owner       Due
2          Publish the strategy    Treasurer   March 2025
`, []Action{
			{Minute: "2", Text: "Publish the strategy", Owner: "Treasurer", Due: "2025-03-31"},
		}},
		{"no minute column", `Action                  Owner       Due
Publish the strategy    Treasurer   March 2025
`, []Action{
			{Minute: "3", Text: "Publish the strategy", Owner: "Treasurer", Due: "2025-03-31"},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := parseActions(t, `1. APOLOGIES

None.

2. TREASURY MANAGEMENT

RESOLVED: That the strategy be approved.

3. AUDIT

RESOLVED: That the auditors be thanked.

The meeting closed at 11.30 am.

Action log

`+tc.table)
			if diff := cmp.Diff(tc.want, m.Actions); diff != "" {
				t.Errorf("actions (-want +got):\n%s", diff)
			}
		})
	}
}

// ownerGuessRows are the rows of an action table as a partnership prints
// them: title-case actions, and owners who are a person, a role, an
// organisation and all partners.
var ownerGuessWant = []Action{
	{Minute: "3", Text: "Review Funding Options", Owner: "Sue Holden", Due: "2025-03-31"},
	{Minute: "3", Text: "Circulate Partner Report", Owner: "Chief Executive", Due: "2025-04-30"},
	{Minute: "3", Text: "Arrange Community Safety Event", Owner: "Sefton CVS", DuePrinted: "Next meeting"},
	{Minute: "3", Text: "Provide Crime Figures", Owner: "All Partners", Due: "2025-04-30"},
	{Minute: "3", Text: "Update Risk Register", Owner: "Brown", Due: "2025-06-30"},
}

// TestActionTableOwnerGuess: which cell of an action table's row names
// who acts. Under a heading row, the heading says, in whatever order the
// columns are printed ("Action Owner" and "Lead Officer" are owners' columns
// too). Without one, as partnerships print a table under "Actions", the
// column that reads as people (a member's name, "Cllr", a role such as
// "Chief Executive", an organisation such as "Sefton CVS", "All Partners")
// is the owner's, and the one whose cells start with a verb (Review,
// Circulate, Provide, Arrange…) the action's, even when the actions are in
// title case.
func TestActionTableOwnerGuess(t *testing.T) {
	tests := []struct{ name, table string }{
		{"heading, bars", `| Action | Owner | Due |
|---|---|---|
| Review Funding Options | Sue Holden | 31/03/2025 |
| Circulate Partner Report | Chief Executive | April 2025 |
| Arrange Community Safety Event | Sefton CVS | Next meeting |
| Provide Crime Figures | All Partners | 30/04/2025 |
| Update Risk Register | Brown | June 2025 |
`},
		{"heading, owner first, spaced", `Owner              Action                            Due
Sue Holden         Review Funding Options            31/03/2025
Chief Executive    Circulate Partner Report          April 2025
Sefton CVS         Arrange Community Safety Event    Next meeting
All Partners       Provide Crime Figures             30/04/2025
Brown              Update Risk Register              June 2025
`},
		{"heading action owner, due date", `| Action | Action Owner | Due Date |
| Review Funding Options | Sue Holden | 31/03/2025 |
| Circulate Partner Report | Chief Executive | April 2025 |
| Arrange Community Safety Event | Sefton CVS | Next meeting |
| Provide Crime Figures | All Partners | 30/04/2025 |
| Update Risk Register | Brown | June 2025 |
`},
		{"no heading, bars", `| Review Funding Options | Sue Holden | 31/03/2025 |
| Circulate Partner Report | Chief Executive | April 2025 |
| Arrange Community Safety Event | Sefton CVS | Next meeting |
| Provide Crime Figures | All Partners | 30/04/2025 |
| Update Risk Register | Brown | June 2025 |
`},
		{"no heading, spaced", `Review Funding Options            Sue Holden         31/03/2025
Circulate Partner Report          Chief Executive    April 2025
Arrange Community Safety Event    Sefton CVS         Next meeting
Provide Crime Figures             All Partners       30/04/2025
Update Risk Register              Brown              June 2025
`},
		{"no heading, owner first", `Sue Holden         Review Funding Options            31/03/2025
Chief Executive    Circulate Partner Report          April 2025
Sefton CVS         Arrange Community Safety Event    Next meeting
All Partners       Provide Crime Figures             30/04/2025
Brown              Update Risk Register              June 2025
`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := parseActions(t, `1. APOLOGIES

None.

2. TREASURY MANAGEMENT

RESOLVED: That the strategy be approved.

3. COMMUNITY SAFETY

RESOLVED: That the partners' reports be noted.

The meeting closed at 11.30 am.

Actions

`+tc.table)
			if diff := cmp.Diff(ownerGuessWant, m.Actions); diff != "" {
				t.Errorf("actions (-want +got):\n%s", diff)
			}
		})
	}
}

// TestActionCellOnlyNamesWhoActs: beside a parish's subject, an action
// cell of a few capitalised words names who acts only when it reads as
// people; "Review Funding Options" is what is to be done.
func TestActionCellOnlyNamesWhoActs(t *testing.T) {
	m := parseActions(t, `1. APOLOGIES

None.

2. TREASURY MANAGEMENT

RESOLVED: That the strategy be approved.

The meeting closed at 11.30 am.

| Subject | Minute | Action |
|---|---|---|
| Grants | 2 | Review Funding Options |
| Newsletter | 2 | Sefton CVS |
| Training | 2 | All Partners |
| Auditors | 2 | Cllr Dunn |
`)
	want := []Action{
		{Minute: "2", Text: "Review Funding Options"},
		{Minute: "2", Text: "Newsletter", Owner: "Sefton CVS"},
		{Minute: "2", Text: "Training", Owner: "All Partners"},
		{Minute: "2", Text: "Auditors", Owner: "Cllr Dunn"},
	}
	if diff := cmp.Diff(want, m.Actions); diff != "" {
		t.Errorf("actions (-want +got):\n%s", diff)
	}
}

// TestActionLogItemColumn: an action log's "Item" column holds the
// numbers of agenda items, not of minutes. Where the minutes print the
// agenda item each minute covers ("SSP 16/22 SERIOUS VIOLENCE DUTY [Item
// 5]", "P062/24 2. PLANNING"), the action is under that minute; where
// they do not, and no minute has that number, it is under none, its
// agenda item said, and a warning says so. A "Minute" column keeps
// naming minutes.
func TestActionLogItemColumn(t *testing.T) {
	bracketed := `MINUTES of the meeting of the SAFER STOCKLEIGH PARTNERSHIP held at 10.00 am on 21 September 2022 at County Hall, Stockleigh.

Present: Councillor Denise Okoro (Chair), Angela Moss (Stockleigh Probation Delivery Unit)

SSP 14/22 MINUTES OF THE PREVIOUS MEETING [Item 3]

The minutes were agreed as a true record of the meeting.

SSP 15/22 STRATEGIC ASSESSMENT 2022 [Item 4]

RESOLVED: That the assessment be approved.

SSP 16/22 SERIOUS VIOLENCE DUTY [Item 5]

RESOLVED: That the update be noted.

Action log

Item    Action                              Owner              Due
4       Circulate the data appendix         Angela Moss        31/10/2022
5       Review Funding Options              Chief Executive    Next meeting
7.5     Provide Crime Figures               All Partners       30/11/2022
`
	dual := `MINUTES OF THE MEETING OF THE PARISH COUNCIL HELD ON MONDAY 4 MARCH 2024 AT 7.00 PM

Present: Cllr R Ashdown (Chairman), Cllr B Cole

P061/24 1. APOLOGIES FOR ABSENCE
Apologies were received from Cllr T Holloway.

P062/24 2. PLANNING APPLICATIONS
RESOLVED: That no objection be made.

P063/24 3. HIGHWAYS
RESOLVED: That the Clerk report the potholes.

The meeting closed at 9.10 pm.

| Agenda Item | Action | Owner | Due |
|---|---|---|---|
| 3 | Report Church Lane potholes | Clerk | 14/03/2024 |
| 2 | Write to the planning authority | Cllr Cole | Next meeting |
`
	plain := `MINUTES OF THE MEETING OF THE AUDIT COMMITTEE
held on Tuesday 14 January 2025 at 10.00 am

Present: Councillor A Brown (Chair), Councillor C Dunn

41. INTERNAL AUDIT

RESOLVED: That the report be noted.

42. RISK REGISTER

RESOLVED: That the register be approved.

| Item | Action | Owner | Due |
|---|---|---|---|
| 7.5 | Review Funding Options | Cllr Dunn | 28/02/2025 |
| 42 | Update the register | Treasurer | March 2025 |

| Minute | Action | Owner | Due |
| 7 | Chase the auditors | Clerk | Ongoing |
`
	tests := []struct {
		name, text string
		want       []Action
		warnings   []string
	}{
		{"item printed after the title", bracketed, []Action{
			{Minute: "SSP 15/22", Text: "Circulate the data appendix", Owner: "Angela Moss", Due: "2022-10-31"},
			{Minute: "SSP 16/22", Text: "Review Funding Options", Owner: "Chief Executive", DuePrinted: "Next meeting"},
			{Item: "7.5", Text: "Provide Crime Figures", Owner: "All Partners", Due: "2022-11-30"},
		}, []string{`line 22: action under agenda item 7.5, which these minutes do not say which minute covers: kept without a minute number: "Provide Crime Figures"`}},
		{"item printed after the minute's number", dual, []Action{
			{Minute: "P063/24", Text: "Report Church Lane potholes", Owner: "Clerk", Due: "2024-03-14"},
			{Minute: "P062/24", Text: "Write to the planning authority", Owner: "Cllr Cole", DuePrinted: "Next meeting"},
		}, nil},
		{"no item printed", plain, []Action{
			{Item: "7.5", Text: "Review Funding Options", Owner: "Cllr Dunn", Due: "2025-02-28"},
			// The minutes number their items as their minutes.
			{Minute: "42", Text: "Update the register", Owner: "Treasurer", Due: "2025-03-31"},
			{Minute: "7", Text: "Chase the auditors", Owner: "Clerk", DuePrinted: "Ongoing"},
		}, []string{
			`line 16: action under agenda item 7.5, which these minutes do not say which minute covers: kept without a minute number: "Review Funding Options"`,
			`line 20: action under minute 7, which these minutes do not hold: "Chase the auditors"`,
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, err := ParseMinutes(tc.text)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, m.Actions); diff != "" {
				t.Errorf("actions (-want +got):\n%s", diff)
			}
			for _, w := range tc.warnings {
				if !slices.Contains(m.Warnings, w) {
					t.Errorf("no warning %q in %q", w, m.Warnings)
				}
			}
		})
	}
}

// TestActionTableOwnerFirstBySurname: a table without a heading row that
// prints the owner first, by surname, beside actions that name a topic
// rather than start with a verb ("Knife Crime Update"): the topic's
// words are an action's, so the surnames are the owners.
func TestActionTableOwnerFirstBySurname(t *testing.T) {
	m := parseActions(t, `1. COMMUNITY SAFETY

RESOLVED: That the reports be noted.

Actions

Robson       Knife Crime Update            31/03/2025
Okafor       Budget Monitoring Report      April 2025
`)
	want := []Action{
		{Minute: "1", Text: "Knife Crime Update", Owner: "Robson", Due: "2025-03-31"},
		{Minute: "1", Text: "Budget Monitoring Report", Owner: "Okafor", Due: "2025-04-30"},
	}
	if diff := cmp.Diff(want, m.Actions); diff != "" {
		t.Errorf("actions (-want +got):\n%s", diff)
	}
}

// TestActionTableUnknownHeading: a heading row whose date column is not
// one read as a due date's ("Date") is not taken for an action: the
// table is read as one without a heading row, from the row below it.
func TestActionTableUnknownHeading(t *testing.T) {
	m := parseActions(t, `1. COMMUNITY SAFETY

RESOLVED: That the reports be noted.

Actions

| Agreed action | Responsible | Date |
| Review Funding Options | Sue Holden | 31/03/2025 |
| Circulate Partner Report | Chief Executive | April 2025 |
`)
	want := []Action{
		{Minute: "1", Text: "Review Funding Options", Owner: "Sue Holden", Due: "2025-03-31"},
		{Minute: "1", Text: "Circulate Partner Report", Owner: "Chief Executive", Due: "2025-04-30"},
	}
	if diff := cmp.Diff(want, m.Actions); diff != "" {
		t.Errorf("actions (-want +got):\n%s", diff)
	}
}

// TestActionOwnersJoined: owners joined by "/" or "&" read as people,
// each word on its own, in a table printed owner first without a heading
// row as beside a parish's subject.
func TestActionOwnersJoined(t *testing.T) {
	m := parseActions(t, `1. APOLOGIES

None.

Actions

Clerk/Chairman       Grass Cutting Contract      March 2025
Treasurer/Clerk      Bank Mandate Forms          April 2025

| Subject | Minute | Action |
|---|---|---|
| Grants | 1 | Clerk/Chairman |
| Trough | 1 | Budget/Funding Review |
`)
	want := []Action{
		{Minute: "1", Text: "Grass Cutting Contract", Owner: "Clerk/Chairman", Due: "2025-03-31"},
		{Minute: "1", Text: "Bank Mandate Forms", Owner: "Treasurer/Clerk", Due: "2025-04-30"},
		{Minute: "1", Text: "Grants", Owner: "Clerk/Chairman"},
		{Minute: "1", Text: "Budget/Funding Review"},
	}
	if diff := cmp.Diff(want, m.Actions); diff != "" {
		t.Errorf("actions (-want +got):\n%s", diff)
	}
}

// TestActionOwnerBySurname: an action table prints its owners as the
// minutes' writers know them, by surname, with a title or a rank or
// neither. An owner who is the one person of that surname among the
// committee's people is that person, named as the committee names them;
// a surname two of them share, or one the minutes give someone else as
// well, is kept as printed, with a warning, rather than guessed.
func TestActionOwnerBySurname(t *testing.T) {
	people := []string{"Ian Barton", "Neil Frackelton", "Ian Holden", "Graeme Robson", "Paula Robson"}
	text := `SAFER SEFTON TOGETHER

Minutes of the meeting held on Thursday 12 November 2026 at 10.00 am, Remote Meeting

Present: Ian Barton (Chair), Neil Frackelton (SWACA), Inspector Ian Holden (Merseyside Police), Helen Marsh (Public Health)

1. KNIFE CRIME FIGURES

ACTION: Cllr Frackelton to circulate the refuge figures by 31 January.

RESOLVED: That the figures be noted.

2. ANY OTHER BUSINESS

None.

Actions

   Ref          Action                                         Owner              Due
   SST/26/01    Circulate the referral figures to partners     Frackelton         31 January 2027
   SST/26/02    Report the knife arches pilot                  Insp. Holden       February 2027
   SST/26/03    Refresh the strategic assessment               Robson             March 2027
   SST/26/04    Book the venue for the March meeting           Clerk              Next meeting
   SST/26/05    Share the domestic abuse dashboard             Cllr N Frackelton  31 January 2027
   SST/26/06    Bring the obesity chapter to the Partnership   H Marsh            March 2027
   SST/26/07    Confirm the youth diversion funding            Cllr Barton        March 2027
`
	m, err := ParseMinutesWith(text, Options{People: people})
	if err != nil {
		t.Fatal(err)
	}
	var owners []string
	for _, a := range m.Actions {
		owners = append(owners, a.Owner)
	}
	want := []string{
		"Neil Frackelton", // ACTION line, with a title
		"Neil Frackelton", // surname alone
		"Ian Holden",      // with a rank as a table abbreviates it
		"Robson",          // two of the committee's people: not guessed
		"Clerk",
		"Neil Frackelton", // with a title and an initial
		"H Marsh",         // listed as present, but not one of the committee's people
		"Ian Barton",
	}
	if diff := cmp.Diff(want, owners); diff != "" {
		t.Errorf("owners (-want +got):\n%s", diff)
	}
	if !slices.ContainsFunc(m.Warnings, func(w string) bool {
		return strings.Contains(w, `"Robson"`) && strings.Contains(w, "Graeme Robson") && strings.Contains(w, "Paula Robson")
	}) {
		t.Errorf("no warning of the owner who may be either Robson: %q", m.Warnings)
	}

	// The minutes list someone else of the surname: an inspector Holden
	// who is not the committee's Sue Holden. "Insp. Holden" is kept.
	text2 := strings.NewReplacer("Inspector Ian Holden", "Inspector Mark Holden").Replace(text)
	m, err = ParseMinutesWith(text2, Options{People: []string{"Neil Frackelton", "Sue Holden"}})
	if err != nil {
		t.Fatal(err)
	}
	if got := m.Actions[2].Owner; got != "Insp. Holden" {
		t.Errorf("owner %q, want Insp. Holden kept as printed: the minutes list Inspector Mark Holden as well as the committee's Sue Holden", got)
	}
	// Without the committee's people, owners are as printed.
	m, err = ParseMinutes(text)
	if err != nil {
		t.Fatal(err)
	}
	if got := m.Actions[1].Owner; got != "Frackelton" {
		t.Errorf("owner %q without the committee's people, want Frackelton", got)
	}
}

// TestActionMargin: a board's minutes print who acts in a margin under
// "Action", beside the sentence that gives the action; each is an action
// of that minute, its owner as printed, its due date read from its words.
func TestActionMargin(t *testing.T) {
	m, err := ParseMinutes(readTestdata(t, "testdata/minutes-nhs-trust-board-action-margin.txt"))
	if err != nil {
		t.Fatal(err)
	}
	want := []Action{
		{Minute: "TB24/105", Text: "The Chief Operating Officer to bring a recovery trajectory for diagnostics to the October Board.", Owner: "COO"},
		{Minute: "TB24/107", Text: "The Director of Finance to circulate the due diligence report to Board members by 30 September 2024.", Owner: "DoF", Due: "2024-09-30"},
	}
	if diff := cmp.Diff(m.Actions, want); diff != "" {
		t.Errorf("actions (-got +want):\n%s", diff)
	}
}

// TestActionTableWithAStrayControlCharacter: a control character a PDF
// left in an actions table's heading between bars, after a row spaced
// out, neither stops the heading being read as one (its rows used to be
// read under the row above, and a row between bars placed by where it
// starts, which it has no record of: a panic) nor shifts its columns.
func TestActionTableWithAStrayControlCharacter(t *testing.T) {
	m, err := ParseMinutes("MINUTES of the meeting held on 8 February 2023\n47.\tBUDGET [Item 4]\nRESOLVED: That.\nActions\n\n" +
		"Review Funding Options    Sue Holden    31/03/2023\n\n| Item | Action \x05| Owner | Due |\n| 4 | Write to the funders | Sue Holden | 31/03/2023 |\n")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range m.Actions {
		got = append(got, a.Text+" / "+a.Owner+" / "+a.Due)
	}
	want := []string{"Review Funding Options / Sue Holden / 2023-03-31", "Write to the funders / Sue Holden / 2023-03-31"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("actions read:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestActionTask: an action's task is its words without the owner
// printed before them or the deadline ending them, as /action add takes
// it, so that a list giving the owner and due date does not repeat them.
func TestActionTask(t *testing.T) {
	for _, tc := range []struct {
		a    Action
		want string
	}{
		{Action{Text: "Ms A Kerr to submit the funding bid by 31 December 2026.", Owner: "Ms A Kerr", Due: "2026-12-31"}, "Submit the funding bid"},
		{Action{Text: "The Clerk and Cllr Amos to write to the bus company by the end of March.", Owner: "Clerk and Cllr Amos", Due: "2027-03-31"}, "Write to the bus company"},
		// No deadline read: the words keep theirs.
		{Action{Text: "Chief Inspector Smith to brief the Partnership by Friday.", Owner: "Chief Inspector Smith"}, "Brief the Partnership by Friday"},
		// A deadline inside the words is not the one Due was read from.
		{Action{Text: "Circulate the figures by March to the Board", Owner: "Director", Due: "2027-06-30"}, "Circulate the figures by March to the Board"},
		{Action{Text: "Book the room for March", Owner: "Graeme"}, "Book the room for March"},
		// A table's Due column that disagrees with the deadline ending
		// the words: the words keep theirs, which the column does not say.
		{Action{Text: "Ms A Kerr to submit the funding bid by 31 December 2026.", Owner: "Ms A Kerr", Due: "2027-01-31"}, "Submit the funding bid by 31 December 2026"},
		{Action{Text: "Review the figures by 31 December.", Owner: "Graeme", Due: "2027-01-31"}, "Review the figures by 31 December"},
		{Action{Text: "Review the figures by 31 December.", Owner: "Graeme", Due: "2026-12-31"}, "Review the figures"},
		{Action{Text: "Review the figures by 31/12/2026", Owner: "Graeme", Due: "2026-12-31"}, "Review the figures"},
		// Words that are only the owner and the date stay as printed.
		{Action{Text: "Ms A Kerr to by 31 December 2026.", Owner: "Ms A Kerr", Due: "2026-12-31"}, "Ms A Kerr to by 31 December 2026."},
	} {
		if got := tc.a.Task(); got != tc.want {
			t.Errorf("%q: task %q, want %q", tc.a.Text, got, tc.want)
		}
	}
}
