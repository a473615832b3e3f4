package minutes

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseAgendaSeedPack(t *testing.T) {
	a, err := ParseAgenda(readTestdata(t, packFile))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(a.Meeting, Meeting{Committee: "Safer Sefton Together", Date: "2022-03-17", Time: "10:00", Venue: "Remote Meeting"}); diff != "" {
		t.Errorf("meeting (-got +want):\n%s", diff)
	}
	var numbers []string
	for _, it := range a.Items {
		numbers = append(numbers, it.Number)
	}
	wantNumbers := []string{"1", "2", "3", "4", "5", "6", "7", "7.1", "7.2", "7.3", "7.4", "7.5", "7.6", "7.7", "7.8", "7.9", "8"}
	if diff := cmp.Diff(numbers, wantNumbers); diff != "" {
		t.Fatalf("item numbers (-got +want):\n%s", diff)
	}
	byNum := map[string]Item{}
	for _, it := range a.Items {
		byNum[it.Number] = it
	}
	tests := []struct {
		number, title, presenter string
	}{
		{"4", "Integrated Offender Management (IOM) Refresh Strategy", "Jen Williams (NW Probation Lead), James Gillett (Police)"},
		{"5", "Provision of Alternative Education Settings", "Tracy McKeating"},
		{"6", "Local Policing Update", "Superintendent Graeme Robson"},
		{"7.1", "Sefton Council and Domestic Abuse Multi Agency Partnership", "Janette Maxwell"},
		{"7.2", "Sefton CCG", "Tracy Forshaw"},
		{"7.5", "SWACA", "Neil Frackleton"},
		{"7.8", "Schools Sexual Abuse Report- Chesterfield High School", "Kevin Sexton"},
		{"7.9", "Probation Service - Feedback From Merseyside Women's Team", "Jan Marlow"},
	}
	for _, tc := range tests {
		it := byNum[tc.number]
		if diff := cmp.Diff([]string{it.Title, it.Presenter}, []string{tc.title, tc.presenter}); diff != "" {
			t.Errorf("item %s title, presenter (-got +want):\n%s", tc.number, diff)
		}
	}
	// Two presenters of two organisations: each keeps their own, and
	// neither is the item's.
	if got, want := byNum["4"].Organisation, ""; got != want {
		t.Errorf("item 4 organisation = %q, want %q", got, want)
	}
	if diff := cmp.Diff(byNum["5"].References, []string{"Minute No. 26 refers"}); diff != "" {
		t.Errorf("item 5 references (-got +want):\n%s", diff)
	}
	if got := byNum["2"]; got.Title != "Declarations of Interest" || !strings.HasPrefix(got.Description, "Members are requested at a meeting") {
		t.Errorf("item 2 = %q / %.40q…, want title \"Declarations of Interest\" and the guidance in the description", got.Title, got.Description)
	}
	wantNext := []string{"2022-06-09T10:00", "2022-09-08T10:00", "2022-12-08T10:00", "2023-03-16T10:00"}
	if diff := cmp.Diff(a.NextMeetings, wantNext); diff != "" {
		t.Errorf("next meetings (-got +want):\n%s", diff)
	}
	if a.Officer != "Ian Barton" {
		t.Errorf("officer = %q, want %q", a.Officer, "Ian Barton")
	}
	for _, m := range []string{"Neil Frackelton", "Superintendent Graeme Robson"} {
		if !contains(a.Membership, m) {
			t.Errorf("membership %q lacks %q", a.Membership, m)
		}
	}
	if len(a.Warnings) != 0 {
		t.Errorf("warnings = %q, want none", a.Warnings)
	}
	// The agenda stops before the minutes and the reports.
	for _, it := range a.Items {
		if strings.Contains(it.Description, "SEFTON SAFER COMMUNITIES") || strings.Contains(it.Description, "Ian Barton") || strings.Contains(it.Description, "Refresh?") {
			t.Errorf("item %s description runs past the agenda: %.80q", it.Number, it.Description)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestParseAgendaNumbering(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string // "number|title|presenter"
	}{
		{
			name: "full stops",
			text: "AGENDA\nPlanning Committee\n1. Apologies\n2. Minutes\n3. Any Other Business\n",
			want: []string{"1|Apologies|", "2|Minutes|", "3|Any Other Business|"},
		},
		{
			name: "no full stops and tabs",
			text: "AGENDA\n1\tApologies for Absence\n2\tDeclarations of Interest\n3\tBudget Monitoring\n",
			want: []string{"1|Apologies for Absence|", "2|Declarations of Interest|", "3|Budget Monitoring|"},
		},
		{
			name: "item prefix",
			text: "Agenda\nItem 1 Apologies\nItem 2: Minutes of the last meeting\nItem 3 - Housing Update\n",
			want: []string{"1|Apologies|", "2|Minutes of the last meeting|", "3|Housing Update|"},
		},
		{
			name: "closing brackets and lettered sub-items",
			text: "AGENDA\n1) Apologies\n2) Reports\n(a) Police Update\nInspector Jane Hill\n(b) Fire Service Update\n3) Close\n",
			want: []string{"1|Apologies|", "2|Reports|", "2a|Police Update|Inspector Jane Hill", "2b|Fire Service Update|", "3|Close|"},
		},
		{
			name: "dates and times are not items",
			text: "AGENDA\nWednesday 1 March 2023\n6.30 pm, Town Hall\n1. Apologies\n2. Date of Next Meeting\n5 April 2023 at 6.30 pm\n",
			want: []string{"1|Apologies|", "2|Date of Next Meeting|"},
		},
		{
			name: "a contact named under an item is not the signature that ends the agenda",
			text: "AGENDA\n1. Apologies\n\n2. Strategy\nJane Porter\nHead of Public Health Intelligence\njane.porter@kelsford.gov.uk\n\n3. Close\n",
			want: []string{"1|Apologies|", "2|Strategy|Jane Porter", "3|Close|"},
		},
		{
			name: "a line of an item that begins \"Part 1:\" is the item's, not a part of the agenda",
			text: "AGENDA\n1. Apologies\n\n2. Strategy\nPart 1: the draft strategy for consultation\nDr Amir Ghosh (Director of Public Health)\n\n3. Close\n",
			want: []string{"1|Apologies|", "2|Strategy|Dr Amir Ghosh", "3|Close|"},
		},
		{
			name: "a part's heading in capitals belongs to no item",
			text: "AGENDA\n1. Apologies\n\n2. Strategy\n\nPART B – SCRUTINY\n\n3. Close\n",
			want: []string{"1|Apologies|", "2|Strategy|", "3|Close|"},
		},
		{
			name: "a title ending in a range is not a column of pages",
			text: "AGENDA\n1. Apologies\n\n2. Support for Years 7 - 11\n\n3. Close\n",
			want: []string{"1|Apologies|", "2|Support for Years 7 - 11|", "3|Close|"},
		},
		{
			name: "numbers only move forward",
			text: "AGENDA\n1. Apologies\n2. Finance\nThe budget has 3 parts.\n1. Revenue\n3. Close\n",
			want: []string{"1|Apologies|", "2|Finance|", "3|Close|"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := ParseAgenda(tc.text)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, it := range a.Items {
				got = append(got, it.Number+"|"+it.Title+"|"+it.Presenter)
			}
			if diff := cmp.Diff(got, tc.want); diff != "" {
				t.Errorf("items (-got +want):\n%s", diff)
			}
		})
	}
}

func TestParseAgendaNextMeetings(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"commencing", "AGENDA\n1. Date of Next Meeting\nThursday 9 June 2022 commencing at 10.00am\n", []string{"2022-06-09T10:00"}},
		{"ordinal and pm", "AGENDA\n1. Date of next meeting\nThe next meeting will be on 9th June 2022 at 2pm.\n", []string{"2022-06-09T14:00"}},
		{"commas", "AGENDA\n1. Dates of Future Meetings\nTuesday, 14 March 2023, 6.30 pm\n", []string{"2023-03-14T18:30"}},
		{"numeric day first", "AGENDA\n1. Date of Next Meeting\n09/06/2022 at 10:00\n", []string{"2022-06-09T10:00"}},
		{"no time", "AGENDA\n1. Date of Next Meeting\nTo be held on 14 July 2022.\n", []string{"2022-07-14"}},
		{"none", "AGENDA\n1. Apologies\n", []string{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := ParseAgenda(tc.text)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(a.NextMeetings, tc.want); diff != "" {
				t.Errorf("next meetings (-got +want):\n%s", diff)
			}
		})
	}
}

func TestParseAgendaErrors(t *testing.T) {
	tests := []struct {
		name, text string
		want       error
	}{
		{"empty", "", ErrNoAgenda},
		{"report only", readTestdata(t, "testdata/probation-vawg-report-extract.txt"), ErrNoAgenda},
		{"minutes only", readTestdata(t, "testdata/minutes-parish-item-style.txt"), ErrNoAgenda},
		{"too large", strings.Repeat("a", MaxInputSize+1), ErrTooLarge},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseAgenda(tc.text)
			if !errors.Is(err, tc.want) {
				t.Errorf("err = %v, want %v", err, tc.want)
			}
		})
	}
}

// TestPresenterOrganisations: every presenter's bracketed organisation is
// kept, with the right person; one shared by all is the item's.
func TestPresenterOrganisations(t *testing.T) {
	tests := []struct {
		line, presenter, org string
	}{
		{"Presenter: A Smith (Merseyside Police), B Jones (Sefton Council)", "A Smith (Merseyside Police), B Jones (Sefton Council)", ""},
		{"Presenter: Jen Williams (NW Probation Lead)", "Jen Williams", "NW Probation Lead"},
		{"Presenter: A Smith (Merseyside Police), B Jones (Merseyside Police)", "A Smith, B Jones", "Merseyside Police"},
		{"Presenter: A Smith (Merseyside Police), B Jones", "A Smith (Merseyside Police), B Jones", ""},
		{"Presenter: A Smith, B Jones (Sefton Council, Public Health)", "A Smith, B Jones (Sefton Council, Public Health)", ""},
		{"Presenter: A Smith and B Jones", "A Smith, B Jones", ""},
	}
	for _, tc := range tests {
		a, err := ParseAgenda("AGENDA\n\n1. Apologies for Absence\n\n4. Partner Update\n" + tc.line + "\n\n5. Date of Next Meeting\n")
		if err != nil {
			t.Fatalf("%s: %v", tc.line, err)
		}
		var got *Item
		for i := range a.Items {
			if a.Items[i].Number == "4" {
				got = &a.Items[i]
			}
		}
		if got == nil {
			t.Fatalf("%s: no item 4 in %+v", tc.line, a.Items)
		}
		if diff := cmp.Diff([]string{got.Presenter, got.Organisation}, []string{tc.presenter, tc.org}); diff != "" {
			t.Errorf("%s: presenter, organisation (-got +want):\n%s", tc.line, diff)
		}
	}
}

// TestAgendaDocuments reads whole agendas in the house styles of English
// councils (testdata/agenda-*.txt, written for the tests) and checks what
// an officer would look at after an import.
func TestAgendaDocuments(t *testing.T) {
	cases := []struct {
		file    string
		meeting Meeting
		numbers []string
		// titles, descriptions and presenters map an item to its title,
		// its description and its presenter, when checked.
		titles       map[string]string
		descriptions map[string]string
		presenters   map[string]string
		membership   []string // when set, the membership read
	}{
		{
			// "PART A"/"PART B" headings between the items, sub-items
			// "(a)", an exempt item, Windows line endings.
			file:    "agenda-planning-parts.txt",
			meeting: Meeting{Committee: "Planning and Licensing Committee", Date: "2023-03-07", Time: "18:30", Venue: "Council Chamber, Civic Centre, Whitby Road, Kelsford"},
			numbers: []string{"1", "2", "3", "4", "4a", "4b", "4c", "5", "6", "7", "8"},
			descriptions: map[string]string{
				"6": "To consider passing the following resolution: “That under Section 100A(4) of the Local Government Act 1972, the press and public be excluded from the meeting for the following item of business on the grounds that it involves the likely disclosure of exempt information as defined in Paragraph 6 of Part 1 of Schedule 12A to the Act.”",
				"7": "Exempt item: Paragraph 6 of Schedule 12A to the Local Government Act 1972.",
			},
		},
		{
			// A header in two columns ("Council Chamber …	Telephone: …"),
			// "EXEMPT ITEMS" with a note that there are none, and the
			// proper officer's signature block after the last item.
			file:    "agenda-board-two-columns.txt",
			meeting: Meeting{Committee: "HEALTH AND WELLBEING BOARD", Date: "2023-01-18", Time: "14:00", Venue: "Council Chamber, Shire Hall, Kelsford"},
			numbers: []string{"1", "2", "3", "4", "5", "6", "7"},
			descriptions: map[string]string{
				"7": "",
			},
			presenters: map[string]string{
				"4": "Dr Amir Ghosh",
				"7": "",
			},
		},
		{
			// "Item 4" with sub-items "4.1", an exempt item marked "*Item
			// 7" after "PART 2 – NOT FOR PUBLICATION"; the committee and
			// the venue each on a line of their own under "AGENDA" ("for
			// the meeting of the CABINET", "in Committee Room 1, …").
			file:    "agenda-cabinet-exempt-star.txt",
			meeting: Meeting{Committee: "CABINET", Date: "2023-04-20", Time: "10:00", Venue: "Committee Room 1, Northwold House, Abbey Road, Northwold"},
			numbers: []string{"1", "2", "3", "4", "4.1", "4.2", "5", "6", "7", "8"},
			descriptions: map[string]string{
				"6": "(i) Sports pitch strategy (ii) Playing field investment plan",
				"7": "",
			},
		},
		{
			// The pages of each item's papers in a column at the right
			// ("Minutes	5 - 10"); "Part 2 Items" and its note; the page's
			// footer after the last item.
			file: "agenda-planning-page-column.txt",
			descriptions: map[string]string{
				"6": "To consider any other items that the Chair decides are urgent.",
				"7": "",
			},
			meeting: Meeting{Committee: "Planning Committee", Date: "2023-06-07", Time: "18:00", Venue: "Council Chamber - Town Hall, Marsden"},
			numbers: []string{"1", "2", "3", "4", "4a", "4b", "5", "6", "7"},
			titles: map[string]string{"3": "Minutes", "4a": "23/0412/FUL Land North of Moor Road, Marsden", "4b": "23/0588/HOU 17 Church View, Lower Marsden",
				"5": "Planning Appeals", "7": "Enforcement Matters"},
		},
		{
			// A county council's numbering: the section's letter, then
			// the item ("A1", "B2"), under headings "A - Committee
			// Business", one of them wrapped; "Report of:" under an item
			// names its presenter; a numbered list under D1; the venue's
			// town on the line below it.
			file:    "agenda-county-section-letters.txt",
			meeting: Meeting{Committee: "ENVIRONMENT AND TRANSPORT CABINET COMMITTEE", Date: "2024-03-07", Time: "10:00", Venue: "Council Chamber, Sessions House, County Hall, Maidstone"},
			numbers: []string{"A1", "A2", "A3", "A4", "A5", "B1", "B2", "C1", "C2", "C3", "D1", "E1"},
			titles:  map[string]string{"B1": "24/00011 - Highway Drainage Cleansing Contract", "C3": "Work Programme 2024", "D1": "Decisions taken outside of the Cabinet Committee meeting cycle"},
			descriptions: map[string]string{
				"A5": "",
				"C3": "To note the work programme",
				"D1": "1. 23/00102 - Street Lighting LED Conversion Phase 3\n2. 23/00109 - Traffic Signal Maintenance Contract Extension",
				"E1": "Exempt under paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972",
			},
			presenters: map[string]string{"B1": "Lucy Farrant", "C2": ""},
			// "Membership (15)" over the members by party, "Conservative
			// (11): …", one party's label wrapped in its column.
			membership: []string{"Mr N J D Chard (Chair)", "Mr R A Marsh (Vice-Chair)", "Mrs P T Cole", "Mr D Crow-Brown", "Mr P M Harman",
				"Mr A R Hills", "Mr J Meade", "Mr S Webb", "Mrs L Parfitt-Reid", "Mr H Rayner", "Mr D Watkins",
				"Mr B H Lewis", "Ms M Dawkins", "Mr I S Chittenden", "Mr S R Campkin"},
		},
		{
			// A Scottish council's notice of meeting: a letter ("Dear
			// Councillor") naming the meeting in a sentence, "BUSINESS"
			// over the items, each item's papers in a column at the right
			// as "Pages 3 - 8", and the committee's membership printed
			// after the last item, which is no part of it.
			file:    "agenda-scottish-notice-business.txt",
			meeting: Meeting{Committee: "Education and Children's Services Committee", Date: "2024-03-07", Time: "10:00", Venue: "Council Chambers, Burgh Buildings, Invercarron"},
			numbers: []string{"1", "2", "3", "4", "5", "6"},
			titles:  map[string]string{"2": "Minute of Meeting of 18 January 2024", "6": "School Transport Contracts"},
			descriptions: map[string]string{
				"6": "Submit report by the Head of Education Resources.",
			},
			presenters: map[string]string{"6": ""},
			membership: []string{"Councillor Morag Lindsay (Convener)", "Councillor Iain Fraser (Vice-Convener)", "Councillor Kirsty Baird",
				"Councillor Ewan Drummond", "Councillor Catriona Gillies", "Councillor Shona Grant", "Councillor Alasdair MacLeod",
				"Councillor Fiona Rennie", "Mrs Elspeth Kerr", "Mr Donald Urquhart (Religious Representatives)"},
		},
	}
	for _, tc := range cases {
		t.Run(tc.file, func(t *testing.T) {
			a, err := ParseAgenda(readTestdata(t, "testdata/"+tc.file))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(a.Meeting, tc.meeting); tc.meeting != (Meeting{}) && diff != "" {
				t.Errorf("meeting (-got +want):\n%s", diff)
			}
			var numbers []string
			for _, it := range a.Items {
				numbers = append(numbers, it.Number)
				if want, ok := tc.descriptions[it.Number]; ok && it.Description != want {
					t.Errorf("item %s: description %q, want %q", it.Number, it.Description, want)
				}
				if want, ok := tc.titles[it.Number]; ok && it.Title != want {
					t.Errorf("item %s: title %q, want %q", it.Number, it.Title, want)
				}
				if want, ok := tc.presenters[it.Number]; ok && it.Presenter != want {
					t.Errorf("item %s: presenter %q, want %q", it.Number, it.Presenter, want)
				}
			}
			if diff := cmp.Diff(numbers, tc.numbers); diff != "" {
				t.Errorf("items (-got +want):\n%s", diff)
			}
			if diff := cmp.Diff(a.Membership, tc.membership); tc.membership != nil && diff != "" {
				t.Errorf("membership (-got +want):\n%s", diff)
			}
		})
	}
}

// TestAgendaSectionNumbers: items numbered with their section's letter
// ("A1", "B1"), as county councils number them, are read with those
// numbers; the sections' headings are no item's text, and a numbered list
// in an item ("1. 23/00102 …") is not an item.
func TestAgendaSectionNumbers(t *testing.T) {
	text := "AGENDA\nHEALTH AND WELLBEING BOARD\nWednesday, 18th January, 2023, at 2.00 pm\n\n" +
		"A - Committee Business\nA1\tIntroduction/Webcasting Announcement\nA2\tApologies and Substitutes\n\n" +
		"B - Matters for Decision\nB1\tJoint Local Health and Wellbeing Strategy (Pages 11 - 40)\n" +
		"1. The strategy for 2023 to 2028\n2. Its action plan\nB2\tBetter Care Fund\n"
	a, err := ParseAgenda(text)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, it := range a.Items {
		got = append(got, it.Number+" "+it.Title)
	}
	want := []string{"A1 Introduction/Webcasting Announcement", "A2 Apologies and Substitutes", "B1 Joint Local Health and Wellbeing Strategy", "B2 Better Care Fund"}
	if diff := cmp.Diff(got, want); diff != "" {
		t.Errorf("items (-got +want):\n%s", diff)
	}
	if diff := cmp.Diff(a.Warnings, []string{}); diff != "" {
		t.Errorf("warnings (-got +want):\n%s", diff)
	}
}

// TestAgendaRoomNumberNotSection: a room named like a section's item
// ("G1 Committee Room") above an agenda numbered 1, 2, 3 is the venue,
// and the items are read.
func TestAgendaRoomNumberNotSection(t *testing.T) {
	text := "AGENDA\nLICENSING SUB-COMMITTEE\nMonday, 4th March, 2024, at 10.00 am\nG1 Committee Room, County Hall\n\n" +
		"1. Apologies for Absence\n2. Declarations of Interest\n3. Application for a Premises Licence, The Old Forge (Pages 1 - 30)\n"
	a, err := ParseAgenda(text)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, it := range a.Items {
		got = append(got, it.Number)
	}
	if diff := cmp.Diff(got, []string{"1", "2", "3"}); diff != "" {
		t.Errorf("items (-got +want):\n%s", diff)
	}
	if a.Meeting.Venue != "G1 Committee Room, County Hall" {
		t.Errorf("venue %q, want the G1 Committee Room", a.Meeting.Venue)
	}
}

// TestAgendaItemTypedAfterTheOfficer: an item typed at the end of a
// published agenda pasted whole, after the committee officer's details
// that end it, is read, not dropped with them; its presenter follows an
// em dash, as `/agenda add` reads one.
func TestAgendaItemTypedAfterTheOfficer(t *testing.T) {
	pack := readTestdata(t, packFile)
	agenda, _, ok := strings.Cut(pack, " Agenda Item 3\n")
	if !ok {
		t.Fatal("the pack's agenda does not end where the test expects")
	}
	a, err := ParseAgenda(agenda + "9. New item — Sue Holden")
	if err != nil {
		t.Fatal(err)
	}
	var last []string
	for _, it := range a.Items[len(a.Items)-2:] {
		last = append(last, it.Number+"|"+it.Title+"|"+it.Presenter)
	}
	if diff := cmp.Diff(last, []string{"8|Date of Next Meeting|", "9|New item|Sue Holden"}); diff != "" {
		t.Errorf("last items (-got +want):\n%s", diff)
	}
	if a.Officer != "Ian Barton" {
		t.Errorf("officer %q, want Ian Barton", a.Officer)
	}
	if len(a.NextMeetings) != 4 {
		t.Errorf("next meetings %v, want the programme's four", a.NextMeetings)
	}
	// A title with a dash before words that are no one's name keeps them.
	a, err = ParseAgenda("AGENDA\nSafer Sefton Together\n10 December 2026\n1. Apologies\n2. Community Safety — Annual Report\n3. VAWG - Sue Holden\n")
	if err != nil {
		t.Fatal(err)
	}
	if got := a.Items[1].Title + "|" + a.Items[1].Presenter + "|" + a.Items[2].Title; got != "Community Safety — Annual Report||VAWG - Sue Holden" {
		t.Errorf("titles with dashes read as %q", got)
	}
}

// TestAgendaItemNumberedTooFarOn: a line numbered further on than an
// item can follow the last ("9. New item — Sue Holden" after item 3) is
// kept in that item's text, as dates and lists in an item's text are, and
// a warning says so rather than it going unseen.
func TestAgendaItemNumberedTooFarOn(t *testing.T) {
	a, err := ParseAgenda("Safer Sefton Together\nThursday 10 December 2026\n10.00 am, Remote Meeting\n" +
		"1. Apologies for Absence\n2. Declarations of Interest\n3. Minutes of Previous Meeting\n9. New item — Sue Holden\n")
	if err != nil {
		t.Fatal(err)
	}
	if n := len(a.Items); n != 3 {
		t.Fatalf("%d items, want 3", n)
	}
	want := []string{`"9. New item — Sue Holden" is read as part of item 3, not as item 9: items are numbered on from the one before, and item 9 does not follow item 3`}
	if diff := cmp.Diff(a.Warnings, want); diff != "" {
		t.Errorf("warnings (-got +want):\n%s", diff)
	}
}

func BenchmarkParseAgenda(b *testing.B) {
	text := readTestdata(b, packFile)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if _, err := ParseAgenda(text); err != nil {
			b.Fatal(err)
		}
	}
}

// "Contact Officer: …" printed in the heading, above "AGENDA", is part of
// the heading: read as the officer's details that end an agenda, it left
// the agenda with no items.
func TestAgendaContactOfficerInHeading(t *testing.T) {
	a, err := ParseAgenda(readTestdata(t, "testdata/agenda-district-contact-officer.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, it := range a.Items {
		got = append(got, it.Number+" "+it.Title)
	}
	want := []string{"1 Apologies for Absence", "2 Declarations of Interest", "3 Minutes", "4 Budget Monitoring Quarter 3", "5 Leisure Centre Contract", "5a Extension of contract", "5b Procurement timetable", "6 Work Programme"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("items (-want +got):\n%s", diff)
	}
	if a.Officer != "Tom Brookes" {
		t.Errorf("officer = %q, want Tom Brookes", a.Officer)
	}
	if a.Meeting.Date != "2026-03-03" || a.Meeting.Committee != "OVERVIEW AND SCRUTINY COMMITTEE" {
		t.Errorf("meeting = %+v", a.Meeting)
	}
}

// A heading spaced out with a blank line between its lines, as text
// copied from a PDF often is, is still the heading: counting the blank
// lines put "AGENDA" too far down, and the committee, date, time and
// venue above it were not read.
func TestAgendaSpacedHeading(t *testing.T) {
	a, err := ParseAgenda(readTestdata(t, "testdata/agenda-district-spaced-heading.txt"))
	if err != nil {
		t.Fatal(err)
	}
	want := Meeting{Committee: "LICENSING COMMITTEE", Date: "2026-02-11", Time: "10:00", Venue: "Committee Room 1, Town Hall, Ashwell"}
	if diff := cmp.Diff(want, a.Meeting); diff != "" {
		t.Errorf("meeting (-want +got):\n%s", diff)
	}
	if len(a.Items) != 5 || len(a.Membership) != 4 {
		t.Errorf("%d items and %d members, want 5 and 4", len(a.Items), len(a.Membership))
	}
}

// "Contact: …" printed under "Agenda for the meeting …", before the first
// item, is the heading's too: read as the end of the agenda, it left the
// agenda with no items.
func TestAgendaContactUnderHeading(t *testing.T) {
	a, err := ParseAgenda(readTestdata(t, "testdata/agenda-county-contact-under-heading.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, it := range a.Items {
		got = append(got, it.Number+" "+it.Title)
	}
	want := []string{"1 Apologies for Absence", "2 Declarations of Interest", "3 Minutes", "4 Highways Capital Programme 2026/27", "5 Schools Funding Formula", "6 Adult Social Care Charging Policy", "7 Treasury Management", "7a Treasury Management Strategy 2026/27", "7b Capital Strategy 2026/27", "8 Exclusion of the Press and Public", "9 Disposal of Former Depot, Station Road", "10 Award of Waste Collection Contract"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("items (-want +got):\n%s", diff)
	}
	if a.Officer != "Priya Shah" {
		t.Errorf("officer = %q, want Priya Shah", a.Officer)
	}
}

// "PART II (EXEMPT)", the part's word in brackets, is the heading of the
// exempt business, not the last words of the item before it.
func TestAgendaPartHeadingInBrackets(t *testing.T) {
	a, err := ParseAgenda(readTestdata(t, "testdata/agenda-district-part-two-bracketed.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Items) != 6 {
		t.Fatalf("%d items, want 6", len(a.Items))
	}
	if got, want := a.Items[4].Description, "To consider passing a resolution excluding the press and public for the following item."; got != want {
		t.Errorf("item 5's description = %q, want %q", got, want)
	}
}

// "Date of Next Meeting" printed without a number after the last item
// heads the programme of meetings: read as the last item's text, the exempt
// item's description held the date and no next meeting was scheduled.
func TestAgendaNextMeetingUnnumbered(t *testing.T) {
	a, err := ParseAgenda(readTestdata(t, "testdata/agenda-district-next-meeting-unnumbered.txt"))
	if err != nil {
		t.Fatal(err)
	}
	last := a.Items[len(a.Items)-1]
	if last.Number != "6" || last.Description != "" {
		t.Errorf("last item %s, description %q; want item 6 with none", last.Number, last.Description)
	}
	if diff := cmp.Diff([]string{"2026-04-14T18:30"}, a.NextMeetings); diff != "" {
		t.Errorf("next meetings (-want +got):\n%s", diff)
	}
}

// An agenda copied from the council's web page: the papers' links ("PDF
// 210 KB") are no part of the items' titles, nor "View directions" of the
// venue, nor "Additional documents:" of an item's text.
func TestAgendaWebPageLinks(t *testing.T) {
	a, err := ParseAgenda(readTestdata(t, "testdata/agenda-county-web-page.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := a.Meeting.Venue, "Council Chamber, County Hall, Westford"; got != want {
		t.Errorf("venue = %q, want %q", got, want)
	}
	for _, it := range a.Items {
		if strings.Contains(it.Title, "PDF") || strings.Contains(it.Description, "PDF") || strings.Contains(it.Description, "Additional documents") {
			t.Errorf("item %s: title %q, description %q", it.Number, it.Title, it.Description)
		}
	}
	if got, want := a.Items[2].Title, "Minutes of the previous meeting"; got != want {
		t.Errorf("item 3 = %q, want %q", got, want)
	}
}

// "Date of Next Meeting" on the line under its item's number ("3.") is
// that item's title, not the programme's heading without a number.
func TestAgendaNextMeetingTitleUnderNumber(t *testing.T) {
	a, err := ParseAgenda("CABINET\nAgenda for the meeting to be held on Tuesday 3 March 2026 at 6.30 pm in the Council Chamber\n1.\nApologies for Absence\n2.\nBudget\n3.\nDate of Next Meeting\nTuesday 14 April 2026 at 6.30 pm\n")
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Items) != 3 || a.Items[2].Title != "Date of Next Meeting" {
		t.Errorf("items: %+v", a.Items)
	}
	if diff := cmp.Diff([]string{"2026-04-14T18:30"}, a.NextMeetings); diff != "" {
		t.Errorf("next meetings (-want +got):\n%s", diff)
	}
}

// "Agenda Item 4" printed in the list, over item 4, labels that item: read
// as the label at the head of a report after the list, it ended the agenda
// at item 3 without a word.
func TestAgendaItemLabelInList(t *testing.T) {
	a, err := ParseAgenda(readTestdata(t, "testdata/agenda-district-item-labels-in-list.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, it := range a.Items {
		got = append(got, it.Number+" "+it.Title+" | "+it.Description)
	}
	want := []string{"1 Apologies for Absence | ", "2 Declarations of Interest | ", "3 Minutes | To receive the minutes of the meeting held on 12 January 2026.",
		"4 External Audit Plan 2025/26 | Report of the External Auditor.", "5 Internal Audit Progress Report | Report of the Head of Internal Audit.", "6 Work Programme | "}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("items (-want +got):\n%s", diff)
	}
}
