package minutes

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestAttendanceTables reads the attendance of minutes printed as a table
// of names and marks ("Member  Present  Apologies" with "Yes" under
// one, ticks under "Present", "Apologies" and "Absent", or one
// "Attendance" column of "P", "A", "Present" and "Apologies"), or under a
// plain "ATTENDANCE" heading, and the declarations under an unnumbered
// heading, with or without an attendance above them: none of it was
// read, and nothing said so. A row whose marks cannot be read is warned
// of, not taken for a name.
func TestAttendanceTables(t *testing.T) {
	cases := []struct {
		file         string
		present      []string
		apologies    []Person
		absent       []string
		declarations []Declaration
		warnings     []string
	}{
		{
			file:      "minutes-licensing-attendance-table.txt",
			present:   []string{"Councillor T Hardy (Chair)", "Councillor J Sayers"},
			apologies: []Person{{Name: "Mr N Frackelton", Organisation: "SWACA"}},
			declarations: []Declaration{{Name: "Councillor Hardy", Item: "LSC/14/26", Kind: "personal",
				Nature: "she is a member of the board of Bootle Business Improvement District"}},
		},
		{
			file:      "minutes-attendance-ticks.txt",
			present:   []string{"Cllr R Patel (Chair)", "Cllr S Okafor"},
			apologies: []Person{{Name: "Cllr D Whitlow"}},
			// Ticked under Absent: recorded as absent, not left out.
			absent: []string{"Cllr M Grange"},
			declarations: []Declaration{
				{Name: "Cllr Okafor", Item: "21", Kind: "personal", Nature: "a neighbour of the applicant"},
				{Name: "Cllr Patel", Item: "22", Kind: "pecuniary", Nature: "the owner of the adjoining land"},
			},
			warnings: []string{`line 11: attendance table row not read: "Cllr H Lomax Maybe"`},
		},
		{
			file:         "minutes-attendance-column.txt",
			present:      []string{"Councillor A Byrne (Chair)", "Mrs K Fenwick"},
			apologies:    []Person{{Name: "Councillor L Quinn"}, {Name: "Councillor E Doyle"}},
			declarations: []Declaration{},
		},
		{
			// A column the reader does not know: the row with a name in
			// it is warned of, not read as an apology alone.
			file:         "minutes-attendance-substitute-column.txt",
			present:      []string{"Councillor P Ellis", "Councillor G Tennant"},
			apologies:    []Person{},
			declarations: []Declaration{},
			warnings:     []string{`line 7: attendance table row not read: "Councillor R Quayle Yes Councillor F Moss"`},
		},
		{
			// Two declarations, each its own paragraph under the heading:
			// the heading is neither's name.
			file:      "minutes-attendance-heading-list.txt",
			present:   []string{"Councillor T Hardy (Chair)", "Councillor J Sayers"},
			apologies: []Person{},
			declarations: []Declaration{
				{Name: "Councillor Hardy", Item: "LSC/14/26", Kind: "personal", Nature: "she is a member of the board of Bootle Business Improvement District"},
				{Name: "Councillor Sayers", Item: "LSC/14/26", Kind: "personal", Nature: "she knows the applicant"},
			},
		},
		{
			// A name wrapped onto the line below its marks, and rows
			// after a blank line: the name was cut short, and the rows
			// after the blank lost.
			file:         "minutes-attendance-table-wrapped.txt",
			present:      []string{"Councillor T Hardy (Chair)", "Councillor Margaret Thistlethwaite-Jones", "Councillor J Sayers"},
			apologies:    []Person{{Name: "Mr N Frackelton", Organisation: "SWACA"}},
			declarations: []Declaration{},
		},
		{
			// A new row set close to its mark ("Jo Lee  Yes") after a
			// name wrapped onto the line below ("Smith-Jones"): it was
			// taken for more of the wrapped name, mark and all, and the
			// member lost; the wrapped ends, with no marks, still end
			// the names above them.
			file: "minutes-attendance-table-short-rows.txt",
			present: []string{"Councillor T Hardy (Chair)", "Councillor Margaret Thistlethwaite-Jones", "Cllr Amir Khan",
				"Councillor Mary Anne Smith-Jones", "Jo Lee"},
			apologies:    []Person{{Name: "Mr N Frackelton", Organisation: "SWACA"}},
			declarations: []Declaration{},
		},
		{
			// No attendance at all: the declarations were read as the
			// meeting's heading.
			file:      "minutes-declarations-no-attendance.txt",
			present:   []string{},
			apologies: []Person{},
			declarations: []Declaration{{Name: "Councillor Hardy", Item: "LSC/14/26", Kind: "personal",
				Nature: "she is a member of the board of Bootle Business Improvement District"}},
		},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			m, err := ParseMinutes(readTestdata(t, "testdata/"+c.file))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(c.present, m.Present); diff != "" {
				t.Errorf("present (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(c.apologies, m.Apologies); diff != "" {
				t.Errorf("apologies (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(c.absent, m.Absent); diff != "" {
				t.Errorf("absent (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(c.declarations, m.Declarations); diff != "" {
				t.Errorf("declarations (-want +got):\n%s", diff)
			}
			if c.warnings == nil {
				c.warnings = []string{}
			}
			if diff := cmp.Diff(c.warnings, m.Warnings); diff != "" {
				t.Errorf("warnings (-want +got):\n%s", diff)
			}
		})
	}
}

// TestAfterResolutions: what a minute prints after its decision
// ("ACTION: …") is named as the end of its narrative, so that it can be
// shown after the decision, as printed; a minute with nothing after its
// decision names none.
func TestAfterResolutions(t *testing.T) {
	m, err := ParseMinutes(readTestdata(t, "testdata/minutes-wirral-minute-headings.txt"))
	if err != nil {
		t.Fatal(err)
	}
	after := map[string]string{}
	for _, mi := range m.Minutes {
		after[mi.Number] = mi.After
		if !strings.HasSuffix(mi.Narrative, mi.After) {
			t.Errorf("minute %s: narrative %q does not end with %q", mi.Number, mi.Narrative, mi.After)
		}
	}
	want := map[string]string{"45": "", "46": "", "47": "ACTION: Director of Neighbourhood Services to report progress to the March meeting.", "48": ""}
	if diff := cmp.Diff(want, after); diff != "" {
		t.Errorf("after (-want +got):\n%s", diff)
	}
}

// TestAttendanceSubheadingInMinute: an "Attendance" subheading inside a
// minute's body, in minutes with no list of those present at the top, is
// the minute's own text, not the meeting's attendance: read as that, it
// swallowed the minutes above it and stored a sentence as a person present.
func TestAttendanceSubheadingInMinute(t *testing.T) {
	text := "OAKFIELD PRIMARY SCHOOL\n\nMinutes of the meeting of the Full Governing Body held on Tuesday 3 March 2026 at 6.00 pm\n\n" +
		"1. APOLOGIES\n\nApologies were received from Mrs J Clarke.\n\n" +
		"2. HEADTEACHER'S REPORT\n\nThe Headteacher presented her report.\n\nAttendance\n\nGovernors noted that attendance for the term was 95.2 per cent.\n\nRESOLVED: That the report be noted.\n\n" +
		"3. POLICIES\n\nRESOLVED: That the charging policy be adopted.\n"
	m, err := ParseMinutes(text)
	if err != nil {
		t.Fatal(err)
	}
	var numbers []string
	for _, mi := range m.Minutes {
		numbers = append(numbers, mi.Number)
	}
	if diff := cmp.Diff([]string{"1", "2", "3"}, numbers); diff != "" {
		t.Errorf("minutes (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{}, m.Present); diff != "" {
		t.Errorf("present (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]Person{{Name: "Mrs J Clarke"}}, m.Apologies); diff != "" {
		t.Errorf("apologies (-want +got):\n%s", diff)
	}
	if m.Meeting.Date != "2026-03-03" {
		t.Errorf("date %q, want 2026-03-03", m.Meeting.Date)
	}
}

// TestMeetingDetailsRunOn: the meeting's details are read up to the line
// that holds its date, however long the line before it, and whatever it
// says ("to declare a casual vacancy"): cut short, the date was lost and
// the minutes refused.
func TestMeetingDetailsRunOn(t *testing.T) {
	cases := map[string]string{
		"long place line": "NEWTOWN TOWN COUNCIL\n\nMinutes of the meeting of the Planning Committee held on\nTuesday 3 March 2026 at 7.00 pm in the Council Chamber, Town Hall, High Street, Newtown.\n\n" +
			"1. APOLOGIES\n\nNone.\n\n2. PLANNING APPLICATIONS\n\nRESOLVED: That no objection be raised.\n",
		"declare in the title": "NEWTOWN TOWN COUNCIL\n\nMinutes of the Extraordinary Meeting to declare a casual vacancy\nheld on Tuesday 3 March 2026 at 7.00 pm\nin the Council Chamber\n\n" +
			"1. CASUAL VACANCY\n\nRESOLVED: That the vacancy be advertised.\n",
		"date in a sentence": "NEWTOWN TOWN COUNCIL\n\nMinutes of the Planning Committee\n\nThe meeting was held in the Council Chamber, Town Hall, High Street, Newtown on Tuesday 3 March 2026 at 7.00 pm.\n\n" +
			"1. APOLOGIES\n\nNone.\n\n2. PLANNING APPLICATIONS\n\nRESOLVED: That no objection be raised.\n",
	}
	for name, text := range cases {
		t.Run(name, func(t *testing.T) {
			m, err := ParseMinutes(text)
			if err != nil {
				t.Fatal(err)
			}
			if m.Meeting.Date != "2026-03-03" {
				t.Errorf("date %q, want 2026-03-03", m.Meeting.Date)
			}
			if len(m.Minutes) == 0 {
				t.Errorf("no minutes read")
			}
		})
	}
}

// TestDeclarationOverPageBreak: a declaration broken by a blank line, as
// a page break leaves it, is one declaration with its whole nature, not
// one cut short at the break.
func TestDeclarationOverPageBreak(t *testing.T) {
	text := "LICENSING SUB-COMMITTEE\n\nMINUTES OF THE MEETING HELD ON WEDNESDAY 18 NOVEMBER 2026 AT 10.00 AM\n\n" +
		"Present: Councillor T Hardy (Chair) and Councillor J Sayers\n\n" +
		"LSC/13/26 DECLARATIONS OF INTEREST\n\nCouncillor Hardy declared a personal interest in Minute LSC/14/26 as she is a member of the\n\nboard of Bootle Business Improvement District.\n\n" +
		"LSC/14/26 PREMISES LICENCE\n\nRESOLVED: That the licence be granted.\n"
	m, err := ParseMinutes(text)
	if err != nil {
		t.Fatal(err)
	}
	want := []Declaration{{Name: "Councillor Hardy", Item: "LSC/14/26", Kind: "personal",
		Nature: "she is a member of the board of Bootle Business Improvement District"}}
	if diff := cmp.Diff(want, m.Declarations); diff != "" {
		t.Errorf("declarations (-want +got):\n%s", diff)
	}
}

// TestAttendanceTableTabs: an attendance table whose columns are set with
// tabs is read by where the tabs put them, as printed, not by counting a
// tab as one character, which put a mark under Present in the Apologies
// column.
func TestAttendanceTableTabs(t *testing.T) {
	head := "ST MARY'S PARISH COUNCIL\n\nMinutes of the meeting of the Parish Council held on Tuesday 3 March 2026 at 7.00 pm\n\n"
	tail := "\n1. PLANNING\n\nRESOLVED: That no objection be raised.\n"
	cases := map[string]string{
		"runs of tabs": "Member\t\t\tPresent\t\t\tApologies\nCouncillor Anne Byrne\t\t\tYes\nCllr L Quinn\t\t\t\t\t\tYes\n",
		"single tabs":  "Member\tPresent\tApologies\nCouncillor Anne Byrne\tYes\nCllr L Quinn\t\tYes\n",
	}
	for name, table := range cases {
		t.Run(name, func(t *testing.T) {
			m, err := ParseMinutes(head + table + tail)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff([]string{"Councillor Anne Byrne"}, m.Present); diff != "" {
				t.Errorf("present (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff([]Person{{Name: "Cllr L Quinn"}}, m.Apologies); diff != "" {
				t.Errorf("apologies (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff([]string{}, m.Warnings); diff != "" {
				t.Errorf("warnings (-want +got):\n%s", diff)
			}
		})
	}
	// A row set out with spaces under a heading set out with tabs: where
	// its marks fall cannot be matched with the heading's with
	// confidence, so every row is warned of and nobody is recorded from
	// the table.
	m, err := ParseMinutes(head + "Member\tPresent\tApologies\nCouncillor Anne Byrne\tYes\nCllr L Quinn            Yes\n" + tail)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{}, m.Present); diff != "" {
		t.Errorf("present (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]Person{}, m.Apologies); diff != "" {
		t.Errorf("apologies (-want +got):\n%s", diff)
	}
	want := []string{`line 6: attendance table row not read: "Councillor Anne Byrne Yes"`, `line 7: attendance table row not read: "Cllr L Quinn Yes"`}
	if diff := cmp.Diff(want, m.Warnings); diff != "" {
		t.Errorf("warnings (-want +got):\n%s", diff)
	}
}

// TestAttendanceTableInMinute: a table of members and their attendance
// inside a minute's body (the attendance at training a report sets out)
// is that minute's text, left as printed: read as the meeting's
// attendance, its Apologies column became the meeting's apologies and
// the table was lost from the minute.
func TestAttendanceTableInMinute(t *testing.T) {
	text := "NEWTOWN TOWN COUNCIL\n\nMinutes of the meeting of the Council held on Tuesday 3 March 2026 at 7.00 pm\n\n" +
		"Present: Councillor A Byrne (Chair) and Councillor L Quinn\n\n" +
		"1. APOLOGIES\n\nApologies were received from Councillor M Hale.\n\n" +
		"2. MEMBER TRAINING\n\nThe Clerk reported the attendance at the planning training:\n\n" +
		"Member                 Attended     Apologies\n" +
		"Councillor A Byrne     Yes\n" +
		"Councillor E Doyle                  Yes\n\n" +
		"RESOLVED: That the report be noted.\n"
	m, err := ParseMinutes(text)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"Councillor A Byrne (Chair)", "Councillor L Quinn"}, m.Present); diff != "" {
		t.Errorf("present (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]Person{{Name: "Councillor M Hale"}}, m.Apologies); diff != "" {
		t.Errorf("apologies (-want +got):\n%s", diff)
	}
	if len(m.Minutes) != 2 {
		t.Fatalf("%d minutes, want 2", len(m.Minutes))
	}
	if n := m.Minutes[1].Narrative; !strings.Contains(n, "Councillor E Doyle") || strings.Contains(n, "Present:") {
		t.Errorf("minute 2's narrative %q, want the table as printed", n)
	}
	// Minutes that record no apologies of their own: the table's
	// Apologies column is still not the meeting's.
	m, err = ParseMinutes(strings.Replace(text, "1. APOLOGIES\n\nApologies were received from Councillor M Hale.", "1. MINUTES\n\nRESOLVED: That the minutes be approved.", 1))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]Person{}, m.Apologies); diff != "" {
		t.Errorf("apologies with none recorded (-want +got):\n%s", diff)
	}
}

// TestAttendanceUnderPageNumber: a page's number printed alone between
// the minutes' heading and their attendance is not taken for a minute's,
// after which an attendance would be the minute's own text.
func TestAttendanceUnderPageNumber(t *testing.T) {
	head := "NEWTOWN TOWN COUNCIL\n\nMinutes of the meeting of the Council held on Tuesday 3 March 2026 at 7.00 pm\n\n2\n\n"
	tail := "\n1. PLANNING\n\nRESOLVED: That no objection be raised.\n"
	cases := map[string]string{
		"heading": "ATTENDANCE\n\nCouncillor Anne Byrne\nCllr L Quinn\n",
		"table":   "Member                   Present    Apologies\nCouncillor Anne Byrne    Yes\nCllr L Quinn             Yes\n",
	}
	for name, list := range cases {
		t.Run(name, func(t *testing.T) {
			m, err := ParseMinutes(head + list + tail)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff([]string{"Councillor Anne Byrne", "Cllr L Quinn"}, m.Present); diff != "" {
				t.Errorf("present (-want +got):\n%s", diff)
			}
		})
	}
}

// TestUnplacedHeadings: a committee's subtitle under its name and a
// "PART I" above the first minute are kept nowhere, so the import warns
// of them, whether they head the minutes or stand under the list of
// those present; they were lost without a word.
func TestUnplacedHeadings(t *testing.T) {
	cases := map[string][]string{
		"minutes-licensing-panel-part-headings.txt": {
			`line 2: heading before the first minute not placed: "TAXI AND PRIVATE HIRE PANEL"`,
			`line 8: heading before the first minute not placed: "PART I"`,
		},
		"minutes-licensing-panel-part-present.txt": {
			`line 2: heading before the first minute not placed: "TAXI AND PRIVATE HIRE PANEL"`,
			`line 9: text before the first minute not placed: "PART I"`,
		},
	}
	for file, want := range cases {
		t.Run(file, func(t *testing.T) {
			m, err := ParseMinutes(readTestdata(t, "testdata/"+file))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, m.Warnings); diff != "" {
				t.Errorf("warnings (-want +got):\n%s", diff)
			}
		})
	}
}

// TestBetweenResolutions: a paragraph a minute prints between two of its
// resolutions is named as printed after the first, so that it is shown
// between them; it was shown above both. Text after the last stays After.
func TestBetweenResolutions(t *testing.T) {
	m, err := ParseMinutes(readTestdata(t, "testdata/minutes-licensing-text-between-resolutions.txt"))
	if err != nil {
		t.Fatal(err)
	}
	between := map[string][]string{}
	after := map[string]string{}
	for _, mi := range m.Minutes {
		between[mi.Number], after[mi.Number] = mi.Between, mi.After
	}
	want := map[string][]string{
		"LSC/16/26": nil,
		"LSC/17/26": {"The applicant's agent then asked that the hours on Sundays be reduced, and the Sub-Committee agreed."},
		"LSC/18/26": {"The Chair reminded the parties that further representations must be made by 1 December 2026."},
	}
	if diff := cmp.Diff(want, between); diff != "" {
		t.Errorf("between (-want +got):\n%s", diff)
	}
	if got := after["LSC/17/26"]; got != "ACTION: The Licensing Manager to issue the licence." {
		t.Errorf("after LSC/17/26 = %q", got)
	}
}

// TestLinesUnderPresent: a part of the meeting printed under the list of
// those present ends it and is warned of, in capitals or not ("Part 1 –
// Public" was stored as part of the last name present); a banner or the
// minutes' status printed there ("UNCONFIRMED", the council's name) is no
// business of the meeting's and, as before, is not warned of.
func TestLinesUnderPresent(t *testing.T) {
	const head = "PLANNING SUB-COMMITTEE\n\nMinutes of the meeting held on Tuesday 3 November 2026 at 6.30 pm\nCouncil Chamber, Ashvale Civic Centre\n\nPresent: Cllr R Patel (Chair), Cllr S Okafor\n\n"
	const tail = "\n\n20. MINUTES\n\nRESOLVED: That the minutes be approved.\n"
	cases := map[string][]string{
		"Part 1 – Public":             {`line 8: text before the first minute not placed: "Part 1 – Public"`},
		"PART I":                      {`line 8: text before the first minute not placed: "PART I"`},
		"PART A - ITEMS FOR DECISION": {`line 8: text before the first minute not placed: "PART A - ITEMS FOR DECISION"`},
		"UNCONFIRMED":                 {},
		"DRAFT - SUBJECT TO APPROVAL": {},
		"PUBLIC MINUTES":              {},
		"ASHVALE BOROUGH COUNCIL":     {},
	}
	for line, want := range cases {
		t.Run(line, func(t *testing.T) {
			m, err := ParseMinutes(head + line + tail)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff([]string{"Cllr R Patel (Chair)", "Cllr S Okafor"}, m.Present); diff != "" {
				t.Errorf("present (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(want, m.Warnings); diff != "" {
				t.Errorf("warnings (-want +got):\n%s", diff)
			}
		})
	}
}

// TestAbsentFromOwnMinutesOnly: minutes cut from an agenda pack end at the
// next "Agenda Item" label; an attendance table after it, in another
// body's minutes, is not this meeting's, and those it marks absent were
// recorded absent at this one.
func TestAbsentFromOwnMinutesOnly(t *testing.T) {
	text := "Agenda Item 3\n\n" + readTestdata(t, "testdata/minutes-attendance-ticks.txt") + `

Agenda Item 4

HIGHWAYS WORKING GROUP

Minutes of the meeting held on Monday 12 October 2026 at 2.00 pm

Councillor               Present   Apologies   Absent
Cllr T Brennan             ✓
Cllr P Quayle                                    ✓
Cllr J Marsh               ?

1. ROAD SAFETY

RESOLVED: That the report be noted.
`
	m, err := ParseMinutes(text)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"Cllr M Grange"}, m.Absent); diff != "" {
		t.Errorf("absent (-want +got):\n%s", diff)
	}
	for _, w := range m.Warnings {
		if strings.Contains(w, "Marsh") {
			t.Errorf("warned of another body's attendance: %q", w)
		}
	}
}

// TestAbsentLists: a list of members absent printed with those present
// ("Absent: …", "ABSENT:" over the names, "Also absent: …") is read as
// those absent. It was run on into the last name of those present
// ("Councillor J Sayers Absent: Councillor P Kelly"), or made them present
// ("Councillor R Lane"), or was warned of as text not placed. A list that
// says no one was absent is neither read nor warned of.
func TestAbsentLists(t *testing.T) {
	const head = "LICENSING SUB-COMMITTEE\n\nMINUTES OF THE MEETING HELD ON TUESDAY, 24 NOVEMBER 2026 AT 2.00 PM\n\n"
	const tail = "\n\n1.  MINUTES\n\nRESOLVED: That the minutes be approved.\n"
	present := []string{"Councillor T Hardy (Chair)", "Councillor J Sayers"}
	tests := []struct {
		name, attendance string
		absent           []string
	}{
		{"after those present", "Present: Councillor T Hardy (Chair), Councillor J Sayers\nAbsent: Councillor P Kelly\n\nApologies: Councillor M Dowd",
			[]string{"Councillor P Kelly"}},
		{"under a heading", "PRESENT:\nCouncillor T Hardy (Chair)\nCouncillor J Sayers\n\nABSENT:\nCouncillor P Kelly\nCouncillor R Lane",
			[]string{"Councillor P Kelly", "Councillor R Lane"}},
		{"in a sentence", "Present: Councillors T Hardy (Chair) and J Sayers\n\nAlso absent: Councillors P Kelly and R Lane.",
			[]string{"Councillor P Kelly", "Councillor R Lane"}},
		{"after the apologies", "PRESENT: Councillor T Hardy (Chair), Councillor J Sayers\n\nAPOLOGIES: Councillor M Dowd\n\nABSENT: Councillor P Kelly, Councillor R Lane",
			[]string{"Councillor P Kelly", "Councillor R Lane"}},
		{"no one", "Present:\nCouncillor T Hardy (Chair)\nCouncillor J Sayers\n\nAbsent:\n\n  No member was absent", nil},
		{"none", "Present: Councillor T Hardy (Chair), Councillor J Sayers\nAbsent: None.", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, err := ParseMinutes(head + tc.attendance + tail)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(present, m.Present); diff != "" {
				t.Errorf("present (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.absent, m.Absent); diff != "" {
				t.Errorf("absent (-want +got):\n%s", diff)
			}
			if len(m.Warnings) > 0 {
				t.Errorf("warnings: %q", m.Warnings)
			}
		})
	}
	// What does not read as names is warned of, not recorded absent.
	m, err := ParseMinutes(head + "Present: Councillor T Hardy (Chair), Councillor J Sayers\n\nAbsent: as noted below." + tail)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Absent) != 0 || len(m.Warnings) != 1 || !strings.Contains(m.Warnings[0], "Absent: as noted below") {
		t.Errorf("absent %q, warnings %q", m.Absent, m.Warnings)
	}
}
