package minutes

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestStyles reads short documents in the house styles of councils (see
// testdata/corpus/STYLES.md) and their traps.
func TestStyles(t *testing.T) {
	cases := []struct {
		name, text  string
		numbers     []string
		resolutions int
		apologies   []string
	}{
		{
			name: "one line, headings in capitals",
			text: "MINUTES OF THE MEETING OF THE TOWN COUNCIL HELD ON MONDAY 1 SEPTEMBER 2008 Present: Cllr. D Fenwick, Cllr. A Corrigan. " +
				strings.Repeat("The meeting commenced at 7.00 pm and the Chairman welcomed everyone. ", 4) +
				"1. APOLOGIES FOR ABSENCE Cllr. T Marsh, Cllr. Mrs J Pell. 2. DECLARATIONS OF INTEREST None. 3. MINUTES RESOLVED: That the minutes be signed. 4. MATTERS ARISING None.",
			numbers: []string{"1", "2", "3", "4"}, resolutions: 1, apologies: []string{"Cllr. T Marsh", "Cllr. Mrs J Pell"},
		},
		{
			name: "planning references are not minutes",
			text: "Minutes of the Planning Committee held on 7 April 2020\nPresent: Cllr A Smith\n334 APOLOGIES FOR ABSENCE\nCllr Imogen Sallis\n" +
				"335 PLANNING\n22/500871/FULL PROPOSAL: 9 Weir Lane\nUnanimously AGREED to recommend APPROVAL\n22/01234/FUL Land at Mill Lane\nIt was RESOLVED to object.\n336 CLOSE\nThe meeting closed.",
			numbers: []string{"334", "335", "336"}, resolutions: 1, apologies: []string{"Cllr Imogen Sallis"},
		},
		{
			name: "resolved traps and lower-case resolutions",
			text: "Minutes of the Parish Council Meeting held on Monday 10th July 2023\n2307.01 Present\nCouncillors: L. Hartigan\nApologies for Absence\nCouncillor M. Lusk (ML);\n" +
				"2307.02 Any items that might be resolved in closed session – none\n2307.03 Minutes\nIt was resolved that the minutes are approved.\n" +
				"2307.04 Vacancy\nAn application was received and it\nwas resolved that Cllr Hartigan would interview.\n",
			numbers: []string{"2307.01", "2307.02", "2307.03", "2307.04"}, resolutions: 2, apologies: []string{"Councillor M. Lusk"},
		},
		{
			name: "numbers without punctuation, and a short numbered list that is not minutes",
			text: "Minutes of The Meeting held on the 8th January 2024\nPresent: Cllrs R Hebden, S. Moult\nApologies Cllrs D. Frith & K. Maddox\n" +
				"1382 The Chairman welcomed the public.\n1383 Public Participation. None.\n1384 The minutes were approved.\n1385 Finance. The options were:\n1 Pay now.\n2 Pay later.\n3 Do nothing.\n1386 Other Business. None.\n",
			numbers: []string{"1382", "1383", "1384", "1385", "1386"}, apologies: []string{"Cllr D. Frith", "Cllr K. Maddox"},
		},
		{
			name: "Item No. with Proposed by and And unanimously Resolved",
			text: "MINUTES OF PROCEEDINGS OF ANNUAL MEETING HELD ON MONDAY, 22nd JUNE, 2015 Present: Councillors: Aidan Furlong, Niamh Devereux. Apologies: Fionnuala Roche Also Present: Ms. Orla Kinsella. " +
				strings.Repeat("Notice of the meeting was read. ", 6) +
				"Item No. 1. Election of Cathaoirleach: Proposed by: Cllr. Aidan Furlong Seconded by: Cllr. Conor Redmond And unanimously Resolved \u201cThat Cllr. Declan Stafford be elected.\u201d Item No. 2: Election of Leas Cathaoirleach Proposed by: Cllr. Tadhg Byrne Seconded by: Cllr. Eoin Cullen And unanimously Resolved \u201cThat Cllr. Aidan Furlong be elected.\u201d",
			numbers: []string{"1", "2"}, resolutions: 2, apologies: []string{"Fionnuala Roche"},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m, err := ParseMinutes(tc.text)
			if err != nil {
				t.Fatal(err)
			}
			var numbers, apologies []string
			res := 0
			for _, mi := range m.Minutes {
				numbers = append(numbers, mi.Number)
				res += len(mi.Resolutions)
			}
			for _, a := range m.Apologies {
				apologies = append(apologies, a.Name)
			}
			if diff := cmp.Diff(numbers, tc.numbers); diff != "" {
				t.Errorf("minutes (-got +want):\n%s", diff)
			}
			if res != tc.resolutions {
				t.Errorf("%d resolutions, want %d: %+v", res, tc.resolutions, m.Minutes)
			}
			if diff := cmp.Diff(apologies, tc.apologies); diff != "" {
				t.Errorf("apologies (-got +want):\n%s", diff)
			}
		})
	}
}

// TestWarningsSayWhere: a warning names the line of the document to fix,
// counted as an editor counts them, also when a page of text on one line
// was cut into many.
func TestWarningsSayWhere(t *testing.T) {
	text := "Minutes of the Parish Council held on 5 June 2023\n" +
		"Present: Cllr A Smith\n" +
		"\n" +
		"RESOLVED: That the chair be thanked.\n" +
		"1. Apologies\n" +
		"None.\n" +
		"2.\n" +
		"\n" +
		"RESOLVED: That the accounts be approved.\n" +
		strings.Repeat("The clerk reported on the accounts at length. ", 10) + "3. FINANCE MATTERS The clerk reported. RESOLVED: \n"
	m, err := ParseMinutes(text)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`line 4: RESOLVED outside any minute: "RESOLVED: That the chair be thanked."`,
		"line 7: minute 2: no title found",
		"line 10: minute 3: empty RESOLVED block",
	}
	if diff := cmp.Diff(m.Warnings, want); diff != "" {
		t.Errorf("warnings (-got +want):\n%s", diff)
	}
}
