package minutes

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseMinutesSeedPack(t *testing.T) {
	m, err := ParseMinutes(readTestdata(t, packFile))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := m.Meeting.Date, "2021-12-09"; got != want {
		t.Errorf("date = %q, want %q", got, want)
	}
	if got, want := m.Meeting.Committee, "SEFTON SAFER COMMUNITIES PARTNERSHIP"; got != want {
		t.Errorf("committee = %q, want %q", got, want)
	}
	if got, want := m.Meeting.Venue, "Microsoft Teams Remote Meeting"; got != want {
		t.Errorf("venue = %q, want %q", got, want)
	}
	wantTitles := []string{
		"20|APOLOGIES FOR ABSENCE",
		"21|DECLARATIONS OF INTEREST",
		"22|MINUTES OF PREVIOUS MEETING",
		"23|SSCP - RELATIONSHIP WITH OTHER BOARDS",
		"24|YOUTH SERVICE AND YOUTH ENGAGEMENT",
		"25|YOUTH OFFENDING TEAM",
		"26|YOUTH ANTI-SOCIAL BEHAVIOUR - PARTNER REPORTS",
		"27|FUTURE AGENDA ITEMS - INTEGRATED OFFENDER MANAGEMENT - PREVENT DUTY - DRUG AND ALCOHOL SERVICES",
		"28|FUTURE NAME OF PARTNERSHIP",
		"29|DATE OF NEXT MEETING",
	}
	var titles []string
	byNum := map[string]Minute{}
	blocks := 0
	for _, mn := range m.Minutes {
		titles = append(titles, mn.Number+"|"+mn.Title)
		byNum[mn.Number] = mn
		blocks += len(mn.Resolutions)
		if mn.Resolutions == nil || mn.References == nil {
			t.Errorf("minute %s: nil resolutions or references", mn.Number)
		}
		for _, s := range []string{mn.Title, mn.Narrative} {
			if strings.Contains(s, "THURSDAY 9TH") || strings.Contains(s, "DECEMBER, 2021") || strings.Contains(s, "Page 1") {
				t.Errorf("minute %s: running header or footer leaked: %.100q", mn.Number, s)
			}
		}
	}
	if diff := cmp.Diff(titles, wantTitles); diff != "" {
		t.Fatalf("minutes (-got +want):\n%s", diff)
	}
	if blocks != 8 {
		t.Errorf("RESOLVED blocks = %d, want 8", blocks)
	}
	for _, n := range []string{"20", "21"} {
		if len(byNum[n].Resolutions) != 0 {
			t.Errorf("minute %s has resolutions %q, want none", n, byNum[n].Resolutions)
		}
	}
	for _, n := range []string{"22", "23", "24", "25", "26", "27", "28", "29"} {
		if len(byNum[n].Resolutions) != 1 {
			t.Errorf("minute %s has %d resolutions, want 1", n, len(byNum[n].Resolutions))
		}
	}
	partCounts := map[string]int{"23": 2, "26": 3, "27": 2}
	for _, mn := range m.Minutes {
		got := 0
		if len(mn.Parts) > 0 {
			got = len(mn.Parts[0])
		}
		if got != partCounts[mn.Number] {
			t.Errorf("minute %s has %d parts, want %d", mn.Number, got, partCounts[mn.Number])
		}
	}
	if diff := cmp.Diff(byNum["28"].Resolutions, []string{"That the Sefton Safer Communities Partnership be re-named Safer Sefton Together."}); diff != "" {
		t.Errorf("minute 28 resolution (-got +want):\n%s", diff)
	}
	if diff := cmp.Diff(byNum["26"].Parts, [][]string{{
		"the reports be noted",
		"all organisations be thanked for the detailed and thorough reports provided",
		"further reports be submitted to the Board building on the issues raised",
	}}); diff != "" {
		t.Errorf("minute 26 parts (-got +want):\n%s", diff)
	}
	if got, want := byNum["26"].Resolutions[0], "That (1) the reports be noted; (2) all organisations be thanked for the detailed and thorough reports provided; and (3) further reports be submitted to the Board building on the issues raised."; got != want {
		t.Errorf("minute 26 resolution = %q, want %q", got, want)
	}
	wantApologies := []Person{{"Neil Frackelton", "SWACA"}, {"Tony Harland", "MFRA"}, {"Sue Holden", "Sefton CVS"}}
	if diff := cmp.Diff(m.Apologies, wantApologies); diff != "" {
		t.Errorf("apologies (-got +want):\n%s", diff)
	}
	if !m.NoDeclarations || len(m.Declarations) != 0 {
		t.Errorf("NoDeclarations = %v with %d declarations, want true with none", m.NoDeclarations, len(m.Declarations))
	}
	if diff := cmp.Diff(byNum["23"].References, []string{"Minute No. 17 of the meeting held on 9th September 2021"}); diff != "" {
		t.Errorf("minute 23 references (-got +want):\n%s", diff)
	}
	if diff := cmp.Diff(byNum["26"].References, []string{"Minute No. 29 of the meeting held on 9 September 2021"}); diff != "" {
		t.Errorf("minute 26 references (-got +want):\n%s", diff)
	}
	for _, want := range []string{"A. Merseyside Police", "B. Merseyside Fire & Rescue Service", "C. Chesterfield High School", "D. Sefton CVS", "E. Public Health ASB Examples"} {
		if !strings.Contains(byNum["26"].Narrative, want) {
			t.Errorf("minute 26 narrative lacks %q", want)
		}
	}
	if strings.Contains(byNum["24"].Narrative, "RESOLVED") || !strings.HasPrefix(byNum["24"].Narrative, "Simon Burnett presented") {
		t.Errorf("minute 24 narrative = %.80q", byNum["24"].Narrative)
	}
	if !contains(m.Present, "Councillor Hardy (in the Chair)") || !contains(m.Present, "Chief Inspector Tracy Trubshaw") || !contains(m.Present, "Sarah Quick") {
		t.Errorf("present = %q", m.Present)
	}
	if len(m.Warnings) != 0 {
		t.Errorf("warnings = %q, want none", m.Warnings)
	}
}

func TestParseMinutesNumberingStyles(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string // "number|title|resolution count"
	}{
		{
			name: "number on the line before the title",
			text: "MINUTES\nPresent: Councillor A\n\n20.\n\nAPOLOGIES\n\nNone.\n21.\n\nTHE BUDGET\n\nRESOLVED: That the budget be noted.\n",
			want: []string{"20|APOLOGIES|0", "21|THE BUDGET|1"},
		},
		{
			name: "number and title on one line",
			text: "Minutes of the Board\n24. YOUTH SERVICE\nA report.\nRESOLVED that the report be noted.\n25. CLOSE\n",
			want: []string{"24|YOUTH SERVICE|1", "25|CLOSE|0"},
		},
		{
			name: "slash numbering",
			text: "Minutes of Cabinet\n150/20 Budget Monitoring\nRESOLVED – That the report be noted.\n151/20 Treasury Management\nResolved: That the strategy be approved.\n",
			want: []string{"150/20|Budget Monitoring|1", "151/20|Treasury Management|1"},
		},
		{
			name: "item prefix",
			text: "Minutes of the Parish Council\nItem 3.\nFootpaths\nIt was resolved that the Clerk writes to the county council.\nItem 4. Any Other Business\n",
			want: []string{"3|Footpaths|1", "4|Any Other Business|0"},
		},
		{
			name: "markdown bold",
			text: "# Minutes of the Board\n\n**4.** **Primary care access**\n\nRESOLVED – That the report be noted.\n\n**5.** **Close**\n",
			want: []string{"4|Primary care access|1", "5|Close|0"},
		},
		{
			name: "minute prefix",
			text: "MINUTES\nMinute 45\nPLANNING APPLICATION\nAnd Resolved: That permission be granted.\nMinute 46 - Enforcement\nRESOLVED: That action be taken.\n",
			want: []string{"45|PLANNING APPLICATION|1", "46|Enforcement|1"},
		},
		{
			name: "glued number and RESOLVED",
			text: "MINUTES\n24.YOUTH SERVICE\nNoted.RESOLVED:That the report be noted.\n",
			want: []string{"24|YOUTH SERVICE|1"},
		},
		{
			name: "page furniture between minutes",
			text: "MINUTES OF CABINET - 5 JUNE 2023\nPresent: Councillor A\n1. APOLOGIES\nNone.\nCabinet - Monday 5 June 2023\nPage 1 of 2\n2. BUDGET\nRESOLVED: That the\nbudget be approved.\nCabinet - Monday 5 June 2023\nPage 2 of 2\n",
			want: []string{"1|APOLOGIES|0", "2|BUDGET|1"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, err := ParseMinutes(tc.text)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, mn := range m.Minutes {
				got = append(got, mn.Number+"|"+mn.Title+"|"+string(rune('0'+len(mn.Resolutions))))
			}
			if diff := cmp.Diff(got, tc.want); diff != "" {
				t.Errorf("minutes (-got +want):\n%s\nwarnings: %q", diff, m.Warnings)
			}
		})
	}
}

func TestParseMinutesResolutionWording(t *testing.T) {
	tests := []struct {
		line string
		want string
	}{
		{"RESOLVED: That the report be noted.", "That the report be noted."},
		{"RESOLVED that the report be noted.", "That the report be noted."},
		{"RESOLVED – That the report be noted.", "That the report be noted."},
		{"And Resolved: That the report be noted.", "That the report be noted."},
		{"It was resolved that the report be noted.", "That the report be noted."},
		{"Resolved:", ""},
		{"RESOLVED:That the report be noted.", "That the report be noted."},
		{"RESOLVED (unanimously): That the report be noted.", "(unanimously) That the report be noted."},
		{"RESOLVED (unanimously) that the report be noted.", "(unanimously) that the report be noted."},
		{"RESOLVED (by 5 votes to 2): That the report be noted.", "(by 5 votes to 2) That the report be noted."},
		{"Proposed by Cllr A, seconded by Cllr B and RESOLVED (by 5 votes to 2) that the report be noted.", "(by 5 votes to 2) that the report be noted."},
		// "unanimously" unbracketed is kept too, as the bracket is printed.
		{"RESOLVED unanimously that the report be noted.", "(unanimously) that the report be noted."},
		{"RESOLVED unanimously: That the report be noted.", "(unanimously) That the report be noted."},
		{"Unanimously RESOLVED that the report be noted.", "(unanimously) that the report be noted."},
		{"It was unanimously resolved that the report be noted.", "(unanimously) that the report be noted."},
		{"The Committee unanimously RESOLVED that the report be noted.", "(unanimously) that the report be noted."},
		{"Proposed by Cllr A, seconded by Cllr B and unanimously RESOLVED that the report be noted.", "(unanimously) that the report be noted."},
		{"The Panel RESOLVED:", ""},
		{"The Committee RESOLVED that the report be noted.", "That the report be noted."},
		{"The report was RESOLVED to be noted.", "The report was RESOLVED to be noted."},
	}
	for _, tc := range tests {
		t.Run(tc.line, func(t *testing.T) {
			text := "MINUTES\n1. BUSINESS\n" + tc.line + "\n"
			if tc.want == "" {
				text += "That the report be\nnoted.\n"
				tc.want = "That the report be noted."
			}
			m, err := ParseMinutes(text)
			if err != nil {
				t.Fatal(err)
			}
			if len(m.Minutes) != 1 {
				t.Fatalf("got %d minutes, want 1", len(m.Minutes))
			}
			if diff := cmp.Diff(m.Minutes[0].Resolutions, []string{tc.want}); diff != "" {
				t.Errorf("resolutions (-got +want):\n%s", diff)
			}
		})
	}
}

// TestResolvedFurther: "RESOLVED FURTHER:" (and "FURTHER RESOLVED:") is
// the label of a further resolution, quoted under it as printed; the text
// resolved does not begin "FURTHER:", and a further resolution printed
// the other way round is not lost in the narrative.
func TestResolvedFurther(t *testing.T) {
	tests := []struct {
		lines string
		want  []string
		words []string
	}{
		{"RESOLVED: That the report be noted.\n\nRESOLVED FURTHER: That a further report be brought to the next meeting.",
			[]string{"That the report be noted.", "That a further report be brought to the next meeting."}, []string{"RESOLVED", "RESOLVED FURTHER"}},
		{"Resolved: That A be noted.\n\nResolved further that B be approved.",
			[]string{"That A be noted.", "That B be approved."}, []string{"RESOLVED", "RESOLVED FURTHER"}},
		{"RESOLVED that A be noted.\n\nRESOLVED FURTHER:\nThat B be approved.",
			[]string{"That A be noted.", "That B be approved."}, []string{"RESOLVED", "RESOLVED FURTHER"}},
		{"RESOLVED: That A be noted.\n\nRESOLVED FURTHER – to write to the Minister.",
			[]string{"That A be noted.", "To write to the Minister."}, []string{"RESOLVED", "RESOLVED FURTHER"}},
		{"RESOLVED: That A be noted.\n\nFURTHER RESOLVED: That B be approved.",
			[]string{"That A be noted.", "That B be approved."}, []string{"RESOLVED", "FURTHER RESOLVED"}},
		{"RESOLVED: That A be noted.\n\nRESOLVED FURTHER (unanimously): That (1) B be approved; and (2) C be noted.",
			[]string{"That A be noted.", "(unanimously) That (1) B be approved; and (2) C be noted."}, []string{"RESOLVED", "RESOLVED FURTHER"}},
		{"1.1 RESOLVED: That A be noted.\n1.2 RESOLVED FURTHER: That B be approved.",
			[]string{"That A be noted.", "That B be approved."}, []string{"RESOLVED", "RESOLVED FURTHER"}},
	}
	for _, tc := range tests {
		t.Run(tc.lines, func(t *testing.T) {
			m, err := ParseMinutes("MINUTES\n1. BUSINESS\nThe Board considered the report.\n" + tc.lines + "\n")
			if err != nil {
				t.Fatal(err)
			}
			if len(m.Minutes) != 1 {
				t.Fatalf("minutes %+v, want one", m.Minutes)
			}
			if diff := cmp.Diff(m.Minutes[0].Resolutions, tc.want); diff != "" {
				t.Errorf("resolutions (-got +want):\n%s", diff)
			}
			if diff := cmp.Diff(m.Minutes[0].RecordedAs, tc.words); diff != "" {
				t.Errorf("recorded as (-got +want):\n%s", diff)
			}
			if m.Minutes[0].Narrative != "The Board considered the report." {
				t.Errorf("narrative %q", m.Minutes[0].Narrative)
			}
		})
	}
	// "Further" in a sentence is no label.
	for _, l := range []string{"It was further resolved that B be approved.", "RESOLVED: Further to the report, that A be noted.",
		"RESOLVED further to the report, that A be noted."} {
		m, err := ParseMinutes("MINUTES\n1. BUSINESS\n" + l + "\n")
		if err != nil {
			t.Fatal(err)
		}
		if len(m.Minutes) != 1 || len(m.Minutes[0].RecordedAs) != 0 {
			t.Errorf("%q: minutes %+v, want it recorded as RESOLVED", l, m.Minutes)
		}
	}
}

// TestResolvedFurtherAsReadBefore: minutes imported before "RESOLVED
// FURTHER" was a label were stored, and hashed, with the word at the head
// of the resolution; AsReadBefore gives back exactly that reading (each
// want is what the reader made of the text then), so that the same
// document imported again is known as the one imported before.
func TestResolvedFurtherAsReadBefore(t *testing.T) {
	tests := []struct{ lines, want string }{
		{"RESOLVED: That the report be noted.\n\nRESOLVED FURTHER: That a further report be brought to the next meeting.",
			`{"number":"1","title":"BUSINESS","narrative":"The Board considered the report.","resolutions":["That the report be noted.","FURTHER: That a further report be brought to the next meeting."],"references":[]}`},
		{"Resolved: That A be noted.\n\nResolved further that B be approved.",
			`{"number":"1","title":"BUSINESS","narrative":"The Board considered the report.","resolutions":["That A be noted.","further that B be approved."],"references":[]}`},
		{"RESOLVED that A be noted.\n\nRESOLVED FURTHER:\nThat B be approved.",
			`{"number":"1","title":"BUSINESS","narrative":"The Board considered the report.","resolutions":["That A be noted.","FURTHER: That B be approved."],"references":[]}`},
		{"RESOLVED: That A be noted.\n\nRESOLVED FURTHER – to write to the Minister.",
			`{"number":"1","title":"BUSINESS","narrative":"The Board considered the report.","resolutions":["That A be noted.","FURTHER – to write to the Minister."],"references":[]}`},
		{"RESOLVED: That A be noted.\n\nRESOLVED FURTHER (unanimously): That (1) B be approved; and (2) C be noted.",
			`{"number":"1","title":"BUSINESS","narrative":"The Board considered the report.","resolutions":["That A be noted.","FURTHER (unanimously): That (1) B be approved; and (2) C be noted."],"parts":[[],["B be approved","C be noted"]],"references":[]}`},
		{"DECISION: That A be noted.\n\nRESOLVED FURTHER: That B be approved.",
			`{"number":"1","title":"BUSINESS","narrative":"The Board considered the report.","resolutions":["That A be noted.","FURTHER: That B be approved."],"recorded_as":["DECISION","RESOLVED"],"references":[]}`},
		// Nothing read differently: the minute as read.
		{"RESOLVED: That A be noted.",
			`{"number":"1","title":"BUSINESS","narrative":"The Board considered the report.","resolutions":["That A be noted."],"references":[]}`},
	}
	for _, tc := range tests {
		t.Run(tc.lines, func(t *testing.T) {
			m, err := ParseMinutes("MINUTES\n1. BUSINESS\nThe Board considered the report.\n" + tc.lines + "\n")
			if err != nil {
				t.Fatal(err)
			}
			got, err := json.Marshal(m.Minutes[0].AsReadBefore())
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tc.want {
				t.Errorf("read before as\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
	// Minutes with no further resolution read as they did: every test
	// document but the one that has them.
	files, err := filepath.Glob("testdata/minutes-*.txt")
	if err != nil || len(files) < 10 {
		t.Fatalf("test documents: %v, %v", files, err)
	}
	for _, f := range files {
		text, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		m, err := ParseMinutes(string(text))
		if err != nil || strings.Contains(string(text), "RESOLVED FURTHER") {
			continue
		}
		for _, mi := range m.Minutes {
			was, _ := json.Marshal(mi)
			if got, _ := json.Marshal(mi.AsReadBefore()); string(got) != string(was) {
				t.Errorf("%s: minute %s read before as\n%s\nwant\n%s", f, mi.Number, got, was)
			}
		}
	}
}

// TestResolutionRecordedAs: a resolution keeps the word the minutes
// record it under, "DECISION:" or "AGREED:" as a label; RESOLVED, the
// usual word, is not noted.
func TestResolutionRecordedAs(t *testing.T) {
	tests := []struct {
		lines string
		want  []string
	}{
		{"RESOLVED: That the report be noted.", nil},
		{"DECISION: That the report be noted.", []string{"DECISION"}},
		{"Decision – That the report be noted.", []string{"DECISION"}},
		{"DECISION:\nThat the report be noted.", []string{"DECISION"}},
		{"AGREED: That the report be noted.", []string{"AGREED"}},
		{"Agreed:\nThat the report be noted.", []string{"AGREED"}},
		{"RESOLVED: That the report be noted.\n\nAGREED: That the Chair write to the Minister.", []string{"RESOLVED", "AGREED"}},
		{"The Committee agreed:-\n\n(a) to note the report.", []string{"AGREED"}},
		{"The Committee agreed to note the report.", []string{"AGREED"}},
		{"The Board NOTED the report and AGREED that the Chair write to the Minister.", []string{"AGREED"}},
		{"The minutes of the last meeting were AGREED as a correct record.", []string{"AGREED"}},
		// A Northern Irish council committee's recommendation to the
		// Council.
		{"RECOMMENDED – that Council extends kerbside glass collection.", []string{"RECOMMENDED"}},
		{"Proposed by Alderman Boyd\nSeconded by Councillor Wylie and\n\nRECOMMENDED – that Council extends kerbside glass collection.", []string{"RECOMMENDED"}},
		{"Recommended: That Council extends kerbside glass collection.", []string{"RECOMMENDED"}},
		{"AGREED – to recommend that grants be awarded.\n\nRECOMMENDED – that Council extends kerbside glass collection.", []string{"AGREED", "RECOMMENDED"}},
		// An English committee's recommendation names whom it is to.
		{"RECOMMENDED to Council that the budget be approved.", []string{"RECOMMENDED"}},
		{"RECOMMENDED TO COUNCIL: That the budget be approved.", []string{"RECOMMENDED"}},
		{"RECOMMENDED to the Cabinet – that the scheme be adopted.", []string{"RECOMMENDED"}},
		{"RECOMMENDED to Full Council that the budget be approved.", []string{"RECOMMENDED"}},
	}
	for _, tc := range tests {
		t.Run(tc.lines, func(t *testing.T) {
			m, err := ParseMinutes("MINUTES\n1. BUSINESS\nThe Board considered the report.\n" + tc.lines + "\n")
			if err != nil {
				t.Fatal(err)
			}
			if len(m.Minutes) != 1 || len(m.Minutes[0].Resolutions) != max(1, len(tc.want)) {
				t.Fatalf("minutes %+v, want one with %d resolutions", m.Minutes, max(1, len(tc.want)))
			}
			if diff := cmp.Diff(m.Minutes[0].RecordedAs, tc.want); diff != "" {
				t.Errorf("recorded as (-got +want):\n%s", diff)
			}
		})
	}
	// Agreement told in a sentence is narrative, not a resolution.
	for _, l := range []string{"Members agreed that the bench be repaired.", "Unanimously AGREED to recommend APPROVAL", "It was agreed the ramp be removed.",
		"The Committee agreed\nwith the officers' view of the scheme.", "The Board agreed the plan.",
		"It was recommended that the bench be repaired.", "The officers recommended refusal.",
		// An officer's recommendation quoted in a planning minute, and
		// "Recommended" running a sentence on, are no recommendation of
		// the committee's.
		"The Planning Officer presented the report.\nRecommended: Approve subject to conditions.\nMembers raised concerns about parking.",
		"Officer recommendation:\nRecommended – Grant permission.",
		"Members considered the report and the following grants were\nRecommended\nGrant A £500.",
		// "Resolved" describing what follows it, as an action log heads
		// what was done.
		"Resolved actions:\nThe bench by the pond was repaired.", "Resolved issues from the last meeting were noted."} {
		m, err := ParseMinutes("MINUTES\n1. BUSINESS\n" + l + "\n")
		if err != nil {
			t.Fatal(err)
		}
		if len(m.Minutes) != 1 || len(m.Minutes[0].Resolutions) != 0 {
			t.Errorf("%q: minutes %+v, want no resolution", l, m.Minutes)
		}
	}
}

// TestNotedOutcome: a minute whose outcome is that the body noted
// something records it as NOTED, as councils publish it: "The Board
// NOTED …" in capitals wherever it stands, or "The Committee noted …" as
// the one sentence of the minute's last paragraph when nothing was
// resolved. Members noting a point in the discussion is narrative.
func TestNotedOutcome(t *testing.T) {
	tests := []struct {
		name      string
		lines     string
		want      []string // resolutions
		words     []string // recorded as
		narrative string
	}{
		{"capitals", "The Board NOTED the report.", []string{"The report."}, []string{"NOTED"}, ""},
		{"capitals, then another sentence", "The Board NOTED the action log. Actions 14 and 15 were\ncomplete and would be removed.",
			[]string{"The action log."}, []string{"NOTED"}, "Actions 14 and 15 were complete and would be removed."},
		{"capitals over parts", "The Board NOTED:\n(a) the report. (b) the update.", []string{"(a) the report. (b) the update."}, []string{"NOTED"}, ""},
		{"capitals over two lines", "The Board NOTED the timetable for the\nassessment.", []string{"The timetable for the assessment."}, []string{"NOTED"}, ""},
		{"capitals after the discussion", "The Board considered the report.\n\nThe Panel NOTED the update from the Chief Constable.",
			[]string{"The update from the Chief Constable."}, []string{"NOTED"}, "The Board considered the report."},
		{"capitals and a lower-case agreed", "The Board NOTED the report and agreed it was clear.", []string{"The report and agreed it was clear."}, []string{"NOTED"}, ""},
		{"capitals, then agreed on the next line", "The Board NOTED the timetable for the\nassessment and AGREED to delegate approval.",
			[]string{"To delegate approval."}, []string{"AGREED"}, "The Board NOTED the timetable for the assessment"},
		{"capitals beside a resolution", "RESOLVED: That the plan be approved.\n\nThe Board NOTED the report.",
			[]string{"That the plan be approved.", "The report."}, []string{"RESOLVED", "NOTED"}, ""},
		{"capitals, then resolved in the same sentence", "The Board NOTED the report and RESOLVED that the plan be approved.",
			[]string{"That the plan be approved."}, nil, "The Board NOTED the report"},
		{"lower case, the only outcome", "The Committee noted the appeal decisions received since the last meeting.",
			[]string{"The appeal decisions received since the last meeting."}, []string{"NOTED"}, ""},
		{"lower case after the discussion", "Officers presented the figures.\n\nThe Sub-Committee noted the report.",
			[]string{"The report."}, []string{"NOTED"}, "Officers presented the figures."},
		{"lower case with a resolution", "The Committee noted the report.\n\nRESOLVED: That the plan be approved.",
			[]string{"That the plan be approved."}, nil, "The Committee noted the report."},
		{"lower case, not the last paragraph", "The Committee noted the report.\n\nThe Chair thanked the officers.",
			[]string{}, nil, "The Committee noted the report.\n\nThe Chair thanked the officers."},
		{"lower case, not the only sentence", "The Committee noted the report. The Chair thanked the officers.",
			[]string{}, nil, "The Committee noted the report. The Chair thanked the officers."},
		{"lower case, noted that", "The Committee noted that the figures were provisional.",
			[]string{}, nil, "The Committee noted that the figures were provisional."},
		{"members noted", "Members noted the points made about drainage.", []string{}, nil, "Members noted the points made about drainage."},
		{"the chair noted", "The Chair noted the report.", []string{}, nil, "The Chair noted the report."},
		{"noted inside a sentence", "Cllr Ames said the Committee noted the report in March.", []string{}, nil, "Cllr Ames said the Committee noted the report in March."},
		{"noted alone", "The Clerk reported a letter from the Diocese.\nNoted.", []string{}, nil, "The Clerk reported a letter from the Diocese. Noted."},
		// Parish councils record what members noted in capitals, or under
		// a label of its own, as they record what they resolved.
		{"members in capitals", "The Clerk reported on correspondence.\nMembers NOTED the report and the correspondence log.",
			[]string{"The report and the correspondence log."}, []string{"NOTED"}, "The Clerk reported on correspondence."},
		{"label", "PCSO Daly's report had been circulated.\nNOTED: the crime figures for September.",
			[]string{"The crime figures for September."}, []string{"NOTED"}, "PCSO Daly's report had been circulated."},
		{"label with a dash", "NOTED – the County Council has been told of the stile.",
			[]string{"The County Council has been told of the stile."}, []string{"NOTED"}, ""},
		{"label alone over its text", "NOTED:\nthe update from the Clerk.", []string{"The update from the Clerk."}, []string{"NOTED"}, ""},
		{"label in lower case", "Noted: the Clerk's report.", []string{"The Clerk's report."}, []string{"NOTED"}, ""},
		{"label beside a resolution", "NOTED: the report.\n\nRESOLVED: That the plan be approved.",
			[]string{"The report.", "That the plan be approved."}, []string{"NOTED", "RESOLVED"}, ""},
		{"noted inside a line", "The figures were NOTED: by the Clerk.", []string{}, nil, "The figures were NOTED: by the Clerk."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, err := ParseMinutes("MINUTES\n1. BUSINESS\n" + tc.lines + "\n")
			if err != nil {
				t.Fatal(err)
			}
			if len(m.Minutes) != 1 {
				t.Fatalf("minutes %+v, want one", m.Minutes)
			}
			got := m.Minutes[0]
			if diff := cmp.Diff(got.Resolutions, tc.want); diff != "" {
				t.Errorf("resolutions (-got +want):\n%s", diff)
			}
			if diff := cmp.Diff(got.RecordedAs, tc.words); diff != "" {
				t.Errorf("recorded as (-got +want):\n%s", diff)
			}
			if got.Narrative != tc.narrative {
				t.Errorf("narrative %q, want %q", got.Narrative, tc.narrative)
			}
		})
	}
}

// TestCommitteeFullTitle: minutes that call the body by a short name in
// their opening sentence ("the Fire Authority") are filed under its full
// title when the heading prints it; without one the short name stands,
// and a committee of a council keeps its own name.
func TestCommitteeFullTitle(t *testing.T) {
	tests := []struct {
		head, want string
	}{
		{"MERSEYSIDE FIRE AND RESCUE AUTHORITY\n\nMINUTES OF THE MEETING OF THE FIRE AUTHORITY HELD AT\nSERVICE HEADQUARTERS ON MONDAY 9 DECEMBER 2024",
			"MERSEYSIDE FIRE AND RESCUE AUTHORITY"},
		{"Merseyside Fire and Rescue Authority\nMinutes of the meeting of the Authority held on 9 December 2024", "Merseyside Fire and Rescue Authority"},
		{"Minutes of the meeting of the Fire Authority held on 9 December 2024", "Fire Authority"},
		{"ASHCOMBE DISTRICT COUNCIL\nMINUTES OF THE MEETING OF THE PLANNING COMMITTEE HELD ON 9 DECEMBER 2024", "PLANNING COMMITTEE"},
		{"NORTHMOOR FIRE AND RESCUE AUTHORITY\nMINUTES OF THE MEETING OF THE AUDIT COMMITTEE HELD ON 9 DECEMBER 2024", "AUDIT COMMITTEE"},
		// A Northern Irish council's minutes are "of the proceedings of
		// the meeting of" the committee.
		{"LOUGHMORNE AND GLENDARRAGH BOROUGH COUNCIL\nMINUTES OF THE PROCEEDINGS OF THE MEETING OF THE ENVIRONMENTAL SERVICES COMMITTEE\nHELD IN THE COUNCIL CHAMBER ON TUESDAY 12 NOVEMBER 2024",
			"ENVIRONMENTAL SERVICES COMMITTEE"},
		{"Minutes of Proceedings of the Special Meeting of Loughmorne Borough Council held on 9 December 2024", "Loughmorne Borough Council"},
	}
	for _, tc := range tests {
		t.Run(tc.want, func(t *testing.T) {
			m, err := ParseMinutes(tc.head + "\nPRESENT: Councillor Bryony Ashe (Chair)\n\n1. APOLOGIES\nThere were none.\n")
			if err != nil {
				t.Fatal(err)
			}
			if m.Meeting.Committee != tc.want {
				t.Errorf("committee %q, want %q", m.Meeting.Committee, tc.want)
			}
		})
	}
}

// TestCommitteeBoardInPublic: a board's minutes headed with the part of
// its meeting held in public or in private are filed under the board,
// as a clerk files both parts; a committee whose name starts "Public"
// keeps it.
func TestCommitteeBoardInPublic(t *testing.T) {
	tests := []struct {
		head, want string
	}{
		{"Kingsmere Hospitals NHS Foundation Trust\n\nMinutes of the Public Board of Directors Meeting\nheld on Thursday 5 September 2024 at 09:30", "Board of Directors"},
		{"Kingsmere Hospitals NHS Foundation Trust\n\nMinutes of the Board of Directors Meeting held in Public on Thursday 5 September 2024", "Board of Directors"},
		{"Kingsmere Hospitals NHS Foundation Trust\n\nMinutes of the Board of Directors Meeting in Public held on Thursday 5 September 2024", "Board of Directors"},
		{"Minutes of the Private Trust Board held on Thursday 5 September 2024", "Trust Board"},
		{"Minutes of the Trust Board (Public) held on Thursday 5 September 2024", "Trust Board"},
		{"Minutes of the Board of Directors (Part 1 – Public) held on Thursday 5 September 2024", "Board of Directors"},
		{"Minutes of the Trust Board (Part A: Private) held on Thursday 5 September 2024", "Trust Board"},
		{"Minutes of the Public Board held on Thursday 5 September 2024", "Public Board"},
		{"Minutes of the Public Health Committee held on Thursday 5 September 2024", "Public Health Committee"},
		{"Minutes of the Public Accounts Committee held on Thursday 5 September 2024", "Public Accounts Committee"},
	}
	for _, tc := range tests {
		m, err := ParseMinutes(tc.head + "\nPRESENT: Councillor Bryony Ashe (Chair)\n\n1. APOLOGIES\nThere were none.\n")
		if err != nil {
			t.Fatal(err)
		}
		if m.Meeting.Committee != tc.want {
			t.Errorf("%q: committee %q, want %q", tc.head, m.Meeting.Committee, tc.want)
		}
	}
}

// TestWelshHeadingsEitherWayRound: a Welsh council's headings printed in
// Welsh and in English, with a slash between, give the committee and the
// venue by their English names whichever half comes first.
func TestWelshHeadingsEitherWayRound(t *testing.T) {
	for _, head := range []string{
		"PWYLLGOR CRAFFU CYMUNEDAU / COMMUNITIES SCRUTINY COMMITTEE\n\nDydd Iau, 14 Tachwedd 2024 / Thursday, 14 November 2024\nSiambr, Neuadd y Sir, Aberteifi / Chamber, County Hall, Aberteifi",
		"COMMUNITIES SCRUTINY COMMITTEE / PWYLLGOR CRAFFU CYMUNEDAU\n\nThursday, 14 November 2024 / Dydd Iau, 14 Tachwedd 2024\nChamber, County Hall, Aberteifi / Siambr, Neuadd y Sir, Aberteifi",
	} {
		m, err := ParseMinutes("GLANNAU TEIFI COUNTY COUNCIL\n\n" + head + "\n\nPresent: Councillor E. Pritchard (Chair)\n\n1. APOLOGIES\nNone.\n")
		if err != nil {
			t.Fatal(err)
		}
		got := [3]string{m.Meeting.Committee, m.Meeting.Date, m.Meeting.Venue}
		if want := [3]string{"COMMUNITIES SCRUTINY COMMITTEE", "2024-11-14", "Chamber, County Hall, Aberteifi"}; got != want {
			t.Errorf("%q: read %q, want %q", head, got, want)
		}
	}
}

// TestWelshMonthNames: minutes whose date is printed in Welsh alone are
// dated by the Welsh month, as a Welsh council prints it after the day
// ("Dydd Iau, 14 Tachwedd 2024", in capitals in a heading, with the day as
// an ordinal, "14eg", or a comma before the year, "20fed Medi, 2005"),
// not left undated.
func TestWelshMonthNames(t *testing.T) {
	for head, want := range map[string]string{
		"Dydd Iau, 14 Tachwedd 2024":       "2024-11-14",
		"DYDD LLUN, 6 IONAWR 2025":         "2025-01-06",
		"Dydd Mawrth, 4 Chwefror 2025":     "2025-02-04",
		"Dydd Mercher, 5 Mawrth 2025":      "2025-03-05",
		"Dydd Gwener, 11 Ebrill 2025":      "2025-04-11",
		"Dydd Iau, 1 Mai 2025":             "2025-05-01",
		"Dydd Llun, 16eg Mehefin 2025":     "2025-06-16",
		"Dydd Mawrth, 1af Gorffennaf 2025": "2025-07-01",
		"Dydd Mercher, 20fed Awst 2025":    "2025-08-20",
		"Dydd Iau, 18 Medi 2025":           "2025-09-18",
		"Dydd Llun, 13eg Hydref 2025":      "2025-10-13",
		"Dydd Mawrth, 9fed Rhagfyr 2025":   "2025-12-09",
		// A comma before the year, as Ynys Môn and Carmarthenshire print it.
		"Dydd Mawrth, 20fed Medi, 2005":          "2005-09-20",
		"Dydd Mercher, 13eg Mehefin, 2018 10.00": "2018-06-13",
	} {
		m, err := ParseMinutes("CYNGOR CYMUNED LLANDDEWI\n\nCofnodion / Minutes\n" + head + "\nNeuadd yr Eglwys\n\nYn Bresennol / Present: Councillor E. Pritchard (Chair)\n\n1. YMDDIHEURIADAU / APOLOGIES\nNone.\n\n2. COFNODION / MINUTES\nPENDERFYNWYD / RESOLVED: To approve the minutes.\n")
		if err != nil {
			t.Fatal(err)
		}
		if m.Meeting.Date != want {
			t.Errorf("%q: read the date %q, want %q", head, m.Meeting.Date, want)
		}
	}
}

// TestWelshOnlyResolutionsBesideTheWord: minutes printed only in Welsh
// keep their resolutions (PENDERFYNWYD) when a line in English says
// "resolved" without being a resolution, as a letter read out about an
// "unresolved" problem does.
func TestWelshOnlyResolutionsBesideTheWord(t *testing.T) {
	m, err := ParseMinutes("CYNGOR CYMUNED LLANDDEWI\n\nCOFNODION\nDydd Iau, 14 Tachwedd 2024\nNeuadd yr Eglwys\n\n" +
		"YN BRESENNOL: E. Pritchard (Cadeirydd), H. Evans\n\n1. YMDDIHEURIADAU\nK. Broom.\n\n" +
		"2. CEISIADAU CYNLLUNIO\nPENDERFYNWYD: cefnogi'r cais.\n\n" +
		"3. CORRESPONDENCE\nA letter about the unresolved drainage problem at Ffordd y Llan was read.\n\nDaeth y cyfarfod i ben.\n")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, mi := range m.Minutes {
		got = append(got, mi.Resolutions...)
	}
	if diff := cmp.Diff(got, []string{"cefnogi'r cais."}); diff != "" {
		t.Errorf("resolutions (-got +want):\n%s", diff)
	}
}

// TestWelshOnlyWithOneEnglishResolution: minutes printed only in Welsh
// with one item resolved in English ("RESOLVED: …", as a resolution
// quoted from another body is) keep every other item's resolution
// (PENDERFYNWYD), not leave them in the narrative as a bilingual
// council's translations; the English is that item's resolution.
func TestWelshOnlyWithOneEnglishResolution(t *testing.T) {
	m, err := ParseMinutes("CYNGOR CYMUNED LLANDDEWI\n\nCOFNODION\nDydd Iau, 14 Tachwedd 2024\nNeuadd yr Eglwys\n\n" +
		"YN BRESENNOL: E. Pritchard (Cadeirydd), H. Evans\n\n1. YMDDIHEURIADAU\nK. Broom.\n\n" +
		"2. COFNODION\nPENDERFYNWYD: cymeradwyo'r cofnodion fel rhai cywir.\n\n" +
		"3. CEISIADAU CYNLLUNIO\nPENDERFYNWYD: cefnogi'r cais.\n\n" +
		"4. ONE VOICE WALES\nRESOLVED: That the Council supports the motion on rural bus services.\n\n" +
		"5. GRANTIAU\nPENDERFYNWYD: rhoi grant o £350 i'r Clwb.\n\nDaeth y cyfarfod i ben.\n")
	if err != nil {
		t.Fatal(err)
	}
	var got [][]string
	for _, mi := range m.Minutes {
		got = append(got, mi.Resolutions)
		if strings.Contains(mi.Narrative, "PENDERFYNWYD") {
			t.Errorf("minute %s: the resolution left in the narrative: %q", mi.Number, mi.Narrative)
		}
	}
	want := [][]string{{}, {"cymeradwyo'r cofnodion fel rhai cywir."}, {"cefnogi'r cais."}, {"That the Council supports the motion on rural bus services."}, {"rhoi grant o £350 i'r Clwb."}}
	if diff := cmp.Diff(got, want); diff != "" {
		t.Errorf("resolutions (-got +want):\n%s", diff)
	}

	// A council printing each item in both languages, one item's
	// English worded as no outcome is, keeps the Welsh in the narrative
	// still: the Welsh is a translation there too.
	m, err = ParseMinutes("MINUTES OF THE MEETING HELD ON MONDAY 11 MARCH 2024\n" +
		"24/33    COFNODION / MINUTES\nPENDERFYNWYD: Cymeradwyo'r cofnodion.\nRESOLVED: To approve the minutes.\n\n" +
		"24/34    ADRODDIAD Y MAER / MAYOR'S REPORT\nPENDERFYNWYD: Nodi'r adroddiad.\nThe report was noted by members.\n\n" +
		"24/35    GRANTIAU / GRANTS\nPENDERFYNWYD: Rhoi grant o £750.\nRESOLVED: To award a grant of £750.\n\n" +
		"24/36    CAU / CLOSE\nThe Mayor closed the meeting.\n")
	if err != nil {
		t.Fatal(err)
	}
	for _, mi := range m.Minutes {
		for _, r := range mi.Resolutions {
			if strings.Contains(r, "PENDERFYNWYD") || strings.HasPrefix(r, "Nodi") || strings.HasPrefix(r, "Cymeradwyo") || strings.HasPrefix(r, "Rhoi") {
				t.Errorf("bilingual minute %s: the Welsh read as a resolution: %q", mi.Number, mi.Resolutions)
			}
		}
	}
}

// TestWelshDeclarationInTwoItems: minutes printed only in Welsh name two
// items in a row of the declarations ("eitemau 4 a 5"): a declaration in
// each, as the English row is.
func TestWelshDeclarationInTwoItems(t *testing.T) {
	m, err := ParseMinutes("CYNGOR CYMUNED LLANDDEWI\n\nCOFNODION\nDydd Iau, 14 Tachwedd 2024\nNeuadd yr Eglwys\n\n" +
		"YN BRESENNOL: E. Pritchard (Cadeirydd), S. Jenkins\n\n1. DATGAN BUDDIANT\n" +
		"S. Jenkins – eitemau 4 a 5 – buddiant personol – mae'n byw drws nesaf i'r safle.\n\n" +
		"2. CEISIADAU CYNLLUNIO\nPENDERFYNWYD: cefnogi'r cais.\n")
	if err != nil {
		t.Fatal(err)
	}
	want := []Declaration{
		{Name: "S. Jenkins", Item: "4", Kind: "personal", Nature: "mae'n byw drws nesaf i'r safle"},
		{Name: "S. Jenkins", Item: "5", Kind: "personal", Nature: "mae'n byw drws nesaf i'r safle"},
	}
	if diff := cmp.Diff(m.Declarations, want); diff != "" {
		t.Errorf("declarations (-got +want):\n%s", diff)
	}
}

// TestWelshDeclarationSentences: minutes printed only in Welsh declare
// interests in a sentence ("Datganodd y Cynghorydd Huws fuddiant personol
// yn eitem 5 fel …"), read as the English sentence is: who, in which
// items, the kind ("personol" is personal; "rhagfarnol", prejudicial, is
// the English "personal and prejudicial") and the nature as printed.
// A sentence saying no one declared anything is no declaration.
func TestWelshDeclarationSentences(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       []Declaration
		none       bool
	}{
		{"personal, as a member", "Datganodd y Cynghorydd Huws fuddiant personol yn eitem 5 fel aelod o Fwrdd Iechyd Betsi Cadwaladr.",
			[]Declaration{{Name: "Cynghorydd Huws", Item: "5", Kind: "personal", Nature: "aelod o Fwrdd Iechyd Betsi Cadwaladr"}}, false},
		{"two councillors, personal and prejudicial", "Datganodd y Cynghorwyr Parry a Lloyd fuddiant personol a rhagfarnol yn eitem 7 fel aelodau o Glwb Rygbi Aberhafren.",
			[]Declaration{
				{Name: "Cynghorydd Parry", Item: "7", Kind: "personal", Nature: "aelodau o Glwb Rygbi Aberhafren"},
				{Name: "Cynghorydd Lloyd", Item: "7", Kind: "personal", Nature: "aelodau o Glwb Rygbi Aberhafren"},
			}, false},
		{"a prejudicial interest", "Datganodd y Cynghorydd Bowen fuddiant sy'n rhagfarnu yn eitem 6 gan fod ei brawd yn gwneud cais.",
			[]Declaration{{Name: "Cynghorydd Bowen", Item: "6", Kind: "other", Nature: "gan fod ei brawd yn gwneud cais"}}, false},
		{"two items, no kind", "Datganodd Cyng. Jones fuddiant yn eitemau 4 a 5 fel llywodraethwr Ysgol y Llan.",
			[]Declaration{
				{Name: "Cyng. Jones", Item: "4", Kind: "other", Nature: "llywodraethwr Ysgol y Llan"},
				{Name: "Cyng. Jones", Item: "5", Kind: "other", Nature: "llywodraethwr Ysgol y Llan"},
			}, false},
		{"a nature saying no other interest", "Datganodd y Cynghorydd Bowen fuddiant personol yn eitem 6 fel aelod o'r clwb, ond dim buddiant ariannol.",
			[]Declaration{{Name: "Cynghorydd Bowen", Item: "6", Kind: "personal", Nature: "aelod o'r clwb, ond dim buddiant ariannol"}}, false},
		{"no member declared", "Ni ddatganodd unrhyw aelod fuddiant.", []Declaration{}, true},
		{"none, in a word", "Dim datganiadau.", []Declaration{}, true},
		{"none were received", "Ni chafwyd unrhyw ddatganiadau o fuddiant.", []Declaration{}, true},
		{"no declarations", "Dim datganiadau o fuddiant.", []Declaration{}, true},
		{"no interest was declared", "Ni ddatganwyd unrhyw fuddiant.", []Declaration{}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, err := ParseMinutes("CYNGOR TREF ABERHAFREN\n\nCOFNODION\nDydd Llun, 9 Rhagfyr 2024\nSiambr y Cyngor\n\n" +
				"YN BRESENNOL:\nY Cynghorydd G. Huws (Maer), Cynghorwyr Bowen, Parry, Lloyd a Jones\n\n1. YMDDIHEURIADAU\nDim.\n\n" +
				"2. DATGAN BUDDIANT\n" + tc.text + "\n\n3. GRANTIAU\nPENDERFYNWYD: rhoi grant o £350 i'r Clwb.\n")
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(m.Declarations, tc.want); diff != "" {
				t.Errorf("declarations (-got +want):\n%s", diff)
			}
			if m.NoDeclarations != tc.none {
				t.Errorf("no declarations %v, want %v", m.NoDeclarations, tc.none)
			}
			if len(m.Warnings) > 0 {
				t.Errorf("warnings %q", m.Warnings)
			}
		})
	}
}

// TestBilingualDeclarationOnce: a council printing each paragraph in
// Welsh and in English declares each interest twice, once in each
// language: one declaration, the English, whichever comes first.
func TestBilingualDeclarationOnce(t *testing.T) {
	const (
		cy = "Datganodd y Cynghorydd Llewelyn fuddiant personol yn eitem 24/35 fel aelod o bwyllgor Eisteddfod Llanferys."
		en = "Councillor Llewelyn declared a personal interest in item 24/35 as a member of the Llanferys Eisteddfod committee."
	)
	want := []Declaration{{Name: "Councillor Llewelyn", Item: "24/35", Kind: "personal", Nature: "a member of the Llanferys Eisteddfod committee"}}
	for name, body := range map[string]string{
		"Welsh first":             cy + "\n" + en,
		"English first":           en + "\n" + cy,
		"paragraphs of their own": cy + "\n\n" + en,
		"after a slash":           cy + " / " + en,
	} {
		m, err := ParseMinutes("MINUTES OF THE MEETING HELD ON MONDAY 11 MARCH 2024\n24/32    DATGAN BUDDIANT / DECLARATIONS OF INTEREST\n" + body +
			"\n\n24/33    COFNODION / MINUTES\nPENDERFYNWYD / RESOLVED: To approve the minutes.\n")
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(m.Declarations, want); diff != "" {
			t.Errorf("%s: declarations (-got +want):\n%s", name, diff)
		}
	}
}

// TestWelshBesideAgreed: a Welsh council that prints its outcomes as
// "AGREED" or "DECISION" beside the Welsh, on one line after a slash or
// on a line of its own, has the English as the resolution, whole, and
// the Welsh, if kept, in the narrative: "PENDERFYNWYD" is read as
// "RESOLVED" only where no line is an outcome in English.
func TestWelshBesideAgreed(t *testing.T) {
	for body, want := range map[string]string{
		"PENDERFYNWYD / AGREED: to support the application.\n":                 "",
		"PENDERFYNWYD / DECISION: to support the application.\n":               "",
		"PENDERFYNWYD: cefnogi'r cais.\nAGREED: to support the application.\n": "PENDERFYNWYD: cefnogi'r cais.",
	} {
		m, err := ParseMinutes("CYNGOR CYMUNED LLANDDEWI\n\nCofnodion / Minutes\nDydd Iau, 14 Tachwedd 2024\nNeuadd yr Eglwys\n\n" +
			"Yn Bresennol / Present: E. Pritchard (Cadeirydd / Chair), H. Evans\n\n1. YMDDIHEURIADAU / APOLOGIES\nK. Broom.\n\n" +
			"2. CEISIADAU CYNLLUNIO / PLANNING\n" + body + "\n3. CLOSE\nDaeth y cyfarfod i ben.\n")
		if err != nil {
			t.Fatal(err)
		}
		if len(m.Minutes) < 2 {
			t.Fatalf("%q: minutes %+v", body, m.Minutes)
		}
		mi := m.Minutes[1]
		if diff := cmp.Diff(mi.Resolutions, []string{"To support the application."}); diff != "" {
			t.Errorf("%q: resolutions (-got +want):\n%s", body, diff)
		}
		if mi.Narrative != want {
			t.Errorf("%q: narrative %q, want %q", body, mi.Narrative, want)
		}
	}
}

// TestWelshResolutions: a Welsh council's minutes print each resolution
// in Welsh (PENDERFYNWYD) and in English. The English text is the
// resolution, whole, and no Welsh is part of it; the Welsh text stays in
// the narrative, word for word, where a search finds it.
func TestWelshResolutions(t *testing.T) {
	const (
		en = "To approve the minutes of the meeting held on 12 February 2024 as a correct record."
		cy = "Cymeradwyo cofnodion y cyfarfod a gynhaliwyd ar 12 Chwefror 2024 fel cofnod cywir."
	)
	tests := []struct {
		name, lines string
		want        []string
		narrative   string
	}{
		{"Welsh, then English", "PENDERFYNWYD: " + cy + "\nRESOLVED: " + en, []string{en}, "PENDERFYNWYD: " + cy},
		{"English, then Welsh", "RESOLVED: " + en + "\nPENDERFYNWYD: " + cy, []string{en}, "PENDERFYNWYD: " + cy},
		{"English without a full stop, then Welsh", "RESOLVED: " + strings.TrimSuffix(en, ".") + "\nPENDERFYNWYD: " + strings.TrimSuffix(cy, "."),
			[]string{strings.TrimSuffix(en, ".")}, "PENDERFYNWYD: " + strings.TrimSuffix(cy, ".")},
		{"English parts, then Welsh parts",
			"RESOLVED:\n(a) to award a grant of £750 to the Eisteddfod;\n(b) to award a grant of £400 to the Club\nPenderfynwyd:\n(a) rhoi grant o £750 i Eisteddfod;\n(b) rhoi grant o £400 i'r Clwb",
			[]string{"(a) to award a grant of £750 to the Eisteddfod; (b) to award a grant of £400 to the Club"},
			"Penderfynwyd: (a) rhoi grant o £750 i Eisteddfod; (b) rhoi grant o £400 i'r Clwb"},
		{"a label in both languages", "PENDERFYNWYD / RESOLVED: " + en, []string{en}, ""},
		{"a label in both languages over the text", "Penderfynwyd / Resolved:\n" + en, []string{en}, ""},
		{"both on one line, Welsh first", "PENDERFYNWYD: " + cy + " / RESOLVED: " + en, []string{en}, "PENDERFYNWYD: " + cy},
		{"both on one line, English first", "RESOLVED: " + en + " / PENDERFYNWYD: " + cy, []string{en}, "PENDERFYNWYD: " + cy},
		{"both halves under a label in both languages", "PENDERFYNWYD / RESOLVED: Cymeradwyo'r\ncofnodion. / To approve the\nminutes.", []string{"To approve the minutes."}, "Cymeradwyo'r cofnodion."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			// A minute follows: text after the last minute's resolution
			// is dropped as the start of the next report in a pack.
			m, err := ParseMinutes("MINUTES OF THE MEETING HELD ON MONDAY 11 MARCH 2024\n24/33    COFNODION / MINUTES\n" + tc.lines +
				"\n\n24/34    ADRODDIAD Y MAER / MAYOR'S REPORT\nThe Mayor reported.\n")
			if err != nil {
				t.Fatal(err)
			}
			if len(m.Minutes) != 2 {
				t.Fatalf("minutes %+v, want two", m.Minutes)
			}
			if diff := cmp.Diff(m.Minutes[0].Resolutions, tc.want); diff != "" {
				t.Errorf("resolutions (-got +want):\n%s", diff)
			}
			if m.Minutes[0].Narrative != tc.narrative {
				t.Errorf("narrative %q, want %q", m.Minutes[0].Narrative, tc.narrative)
			}
		})
	}
}

func TestParseMinutesApologies(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []Person
	}{
		{"received from with organisations", "Apologies for absence were received from Neil Frackelton (SWACA), Tony\nHarland (MFRA) and Sue Holden (Sefton CVS).", []Person{{"Neil Frackelton", "SWACA"}, {"Tony Harland", "MFRA"}, {"Sue Holden", "Sefton CVS"}}},
		{"councillors", "Apologies were received from Councillors Khan and Doyle.", []Person{{"Councillor Khan", ""}, {"Councillor Doyle", ""}}},
		{"colon list", "Apologies: Jane Roe (Police), Sam Poe", []Person{{"Jane Roe", "Police"}, {"Sam Poe", ""}}},
		{
			// Whoever came in an absent member's place is not an apology,
			// however it is said.
			"substitutes",
			"Apologies were received from Sarah Jones (NHS Kelsford), represented by Tom Smith, Dr Rachel Owen, Cllr Peter Ray (Cllr Sue Lane deputising) and Mark Bell (Police) with Inspector Ann Kaye attending in his place.",
			[]Person{{"Sarah Jones", "NHS Kelsford"}, {"Dr Rachel Owen", ""}, {"Cllr Peter Ray", ""}, {"Mark Bell", "Police"}},
		},
		{
			// The chair's post before their name is not a person.
			"the chair named after the post",
			"Apologies for absence were received from the Chair, Cllr A Moss, the Vice-Chair (Councillor Lee) and Cllr B Jones.",
			[]Person{{"Cllr A Moss", ""}, {"Councillor Lee", ""}, {"Cllr B Jones", ""}},
		},
		{"initials one to a line", "Apologies for absence:\nH. Evans\nS. Jenkins\nR Owen", []Person{{"H. Evans", ""}, {"S. Jenkins", ""}, {"R Owen", ""}}},
		{"the chair by post alone", "Apologies were received from the Chair.", []Person{{"the Chair", ""}}},
		// A post with "and" or another post after it is an apology of
		// its own, not a post naming the one after it.
		{"the chair and another", "Apologies for absence were received from the Chair and Councillor White.", []Person{{"the Chair", ""}, {"Councillor White", ""}}},
		{"the chair, the vice-chair and another", "Apologies for absence were received from the Chair, the Vice-Chair and Councillor White.",
			[]Person{{"the Chair", ""}, {"the Vice-Chair", ""}, {"Councillor White", ""}}},
		{"the chairman; another", "Apologies for absence were received from the Chairman; Councillor White.", []Person{{"the Chairman", ""}, {"Councillor White", ""}}},
		// A post after a person's name, set off by commas, is theirs.
		{"a person then their post", "Apologies for absence were received from Councillor White, the Vice-Chair.", []Person{{"Councillor White", ""}}},
		{"a person, their post, and another", "Apologies for absence were received from Councillor White, the Vice-Chair, and Councillor Lee.",
			[]Person{{"Councillor White", ""}, {"Councillor Lee", ""}}},
		{"a person, then a post and another", "Apologies for absence were received from Councillor White, the Vice-Chair and Councillor Lee.",
			[]Person{{"Councillor White", ""}, {"the Vice-Chair", ""}, {"Councillor Lee", ""}}},
		{"none", "There were no apologies.", []Person{}},
		{"none for absence", "No apologies for absence were received.", []Person{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, err := ParseMinutes("MINUTES\n1. APOLOGIES FOR ABSENCE\n" + tc.text + "\n2. CLOSE\n")
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(m.Apologies, tc.want); diff != "" {
				t.Errorf("apologies (-got +want):\n%s", diff)
			}
		})
	}
}

func TestParseMinutesDeclarations(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []Declaration
		none bool
	}{
		{
			name: "personal interest as trustee",
			text: "Councillor Ann Smith declared a personal interest in item 11 as a trustee of Bootle Youth Trust.",
			want: []Declaration{{Name: "Councillor Ann Smith", Item: "11", Kind: "personal", Nature: "a trustee of Bootle Youth Trust"}},
		},
		{
			name: "pecuniary and left the room",
			text: "Cllr Z. Ahmed declared a disclosable pecuniary interest in Minute 45 as the applicant's agent, left the room and took no part in the vote.",
			want: []Declaration{{Name: "Cllr Z. Ahmed", Item: "45", Kind: "pecuniary", Nature: "the applicant's agent, left the room and took no part in the vote"}},
		},
		{
			name: "two councillors at once",
			text: "Councillors Lee and Brown declared personal interests in item 5 as members of the Harbour Board.",
			want: []Declaration{
				{Name: "Councillor Lee", Item: "5", Kind: "personal", Nature: "members of the Harbour Board"},
				{Name: "Councillor Brown", Item: "5", Kind: "personal", Nature: "members of the Harbour Board"},
			},
		},
		{
			// A non-pecuniary interest is a personal one, as /declare
			// reads it, never a pecuniary one.
			name: "non-pecuniary",
			text: "Cllr Lewis declared a non-pecuniary interest in item 3 as a neighbour of the applicant.",
			want: []Declaration{{Name: "Cllr Lewis", Item: "3", Kind: "personal", Nature: "a neighbour of the applicant"}},
		},
		{
			name: "other registrable",
			text: "Councillor Okafor declared an Other Registrable Interest in item 6 as a governor of Hillside School.",
			want: []Declaration{{Name: "Councillor Okafor", Item: "6", Kind: "other", Nature: "a governor of Hillside School"}},
		},
		{
			// One interest in two items is a declaration in each, of the
			// same nature: not one in the first with "and 6" for its
			// nature.
			name: "one interest in two items",
			text: "Councillor Ann Smith declared a personal interest in items 5 and 6 as a trustee of Bootle Youth Trust.",
			want: []Declaration{
				{Name: "Councillor Ann Smith", Item: "5", Kind: "personal", Nature: "a trustee of Bootle Youth Trust"},
				{Name: "Councillor Ann Smith", Item: "6", Kind: "personal", Nature: "a trustee of Bootle Youth Trust"},
			},
		},
		{
			// A second councillor declaring after "and" is a declaration
			// of their own, not the first one's nature run on.
			name: "two councillors in one sentence",
			text: "Cllr Ann Smith declared a personal interest in item 5 as a trustee of Bootle Youth Trust and Cllr Bob Jones declared a pecuniary interest in item 6 as the owner of the land.",
			want: []Declaration{
				{Name: "Cllr Ann Smith", Item: "5", Kind: "personal", Nature: "a trustee of Bootle Youth Trust"},
				{Name: "Cllr Bob Jones", Item: "6", Kind: "pecuniary", Nature: "the owner of the land"},
			},
		},
		{
			// The second declares with the verb left out after "and":
			// a declaration of their own, in their item, and the first
			// one's nature ends before them.
			name: "a second councillor without the verb",
			text: "Councillor Smith declared a personal interest in item 5 as a governor of St Mary's School, and Councillor Jones an interest in item 6 as a member of Sefton CVS.",
			want: []Declaration{
				{Name: "Councillor Smith", Item: "5", Kind: "personal", Nature: "a governor of St Mary's School"},
				{Name: "Councillor Jones", Item: "6", Kind: "other", Nature: "a member of Sefton CVS"},
			},
		},
		{
			name: "a second councillor without the verb, with a kind",
			text: "Cllr Smith declared a personal interest in item 5 as a governor of St Mary's School and Cllrs Jones and Lee a pecuniary interest in item 6 as landlords of the site.",
			want: []Declaration{
				{Name: "Cllr Smith", Item: "5", Kind: "personal", Nature: "a governor of St Mary's School"},
				{Name: "Cllr Jones", Item: "6", Kind: "pecuniary", Nature: "landlords of the site"},
				{Name: "Cllr Lee", Item: "6", Kind: "pecuniary", Nature: "landlords of the site"},
			},
		},
		{
			// A clause with a verb of its own is the first one's nature,
			// not a second declaration named "Councillor Jones has".
			name: "a clause about another councillor",
			text: "Councillor Smith declared a personal interest in item 5 as his wife works with Councillor Jones and Councillor Jones has an interest in item 6 as a landlord.",
			want: []Declaration{{Name: "Councillor Smith", Item: "5", Kind: "personal", Nature: "his wife works with Councillor Jones and Councillor Jones has an interest in item 6 as a landlord"}},
		},
		{
			// Nor is a clause in which another councillor does something
			// else, and "declared" comes later in it, a declaration of
			// theirs named "Councillor Jones asked that it be noted she had".
			name: "a clause about another councillor, declared later in it",
			text: "Councillor Smith declared a personal interest in item 5 as a member of the Trust and Councillor Jones asked that it be noted she had declared the same interest last year.",
			want: []Declaration{{Name: "Councillor Smith", Item: "5", Kind: "personal", Nature: "a member of the Trust and Councillor Jones asked that it be noted she had declared the same interest last year"}},
		},
		{
			// Words between the article and "interest" other than its
			// kind say something else of the councillor after "and":
			// no declaration of theirs with the verb left out.
			name: "another councillor given something with an interest in it",
			text: "Councillor Smith declared a personal interest in item 5 as she had sent Mr Evans and Councillor Jones a note of her interest in the site. " +
				"Councillor Lee declared a personal interest in item 6 as her husband and Councillor Jones a business partner have an interest in the site.",
			want: []Declaration{
				{Name: "Councillor Smith", Item: "5", Kind: "personal", Nature: "she had sent Mr Evans and Councillor Jones a note of her interest in the site"},
				{Name: "Councillor Lee", Item: "6", Kind: "personal", Nature: "her husband and Councillor Jones a business partner have an interest in the site"},
			},
		},
		{
			// A nature that names two bodies joined by "and" is one.
			name: "a nature with and",
			text: "Councillor Smith declared a personal interest in item 5 as a governor of St Mary's and St John's School, and as a friend of Mr Brown and Mrs Brown, the applicants.",
			want: []Declaration{{Name: "Councillor Smith", Item: "5", Kind: "personal", Nature: "a governor of St Mary's and St John's School, and as a friend of Mr Brown and Mrs Brown, the applicants"}},
		},
		{
			// A part of an item in brackets is the item's: "items 5(a)
			// and 6" is a declaration in 5 and in 6, not one in 5 with
			// "(a) and 6 as …" for its nature.
			name: "items with parts in brackets",
			text: "Cllr Hughes declared a personal interest in items 5(a) and 6 as a member of the Friends of Hesketh Park. Cllr Lee declared an interest in item 7(b), as a tenant.",
			want: []Declaration{
				{Name: "Cllr Hughes", Item: "5", Kind: "personal", Nature: "a member of the Friends of Hesketh Park"},
				{Name: "Cllr Hughes", Item: "6", Kind: "personal", Nature: "a member of the Friends of Hesketh Park"},
				{Name: "Cllr Lee", Item: "7", Kind: "other", Nature: "a tenant"},
			},
		},
		{
			// "items 5 to 7" is every item from 5 to 7: not one in item 5
			// with "to 7 as …" for its nature.
			name: "one interest in a range of items",
			text: "Cllr Hughes declared a personal interest in items 5 to 7 as a member of the Friends of Hesketh Park. Cllr Lee declared an interest in minutes 4.2 to 4.3 as a tenant.",
			want: []Declaration{
				{Name: "Cllr Hughes", Item: "5", Kind: "personal", Nature: "a member of the Friends of Hesketh Park"},
				{Name: "Cllr Hughes", Item: "6", Kind: "personal", Nature: "a member of the Friends of Hesketh Park"},
				{Name: "Cllr Hughes", Item: "7", Kind: "personal", Nature: "a member of the Friends of Hesketh Park"},
				{Name: "Cllr Lee", Item: "4.2", Kind: "other", Nature: "a tenant"},
				{Name: "Cllr Lee", Item: "4.3", Kind: "other", Nature: "a tenant"},
			},
		},
		{
			// After "item", one item: "to 8 Mill Lane" is an address and
			// "a 2 storey extension" what the item is, not items 7, 8
			// and 2.
			name: "one item, then an address or a description",
			text: "Cllr Hughes declared a personal interest in item 6 to 8 Mill Lane as a neighbour. Cllr Lee declared a personal interest in item 5 a 2 storey extension at Mill Lane, as a neighbour.",
			want: []Declaration{
				{Name: "Cllr Hughes", Item: "6", Kind: "personal", Nature: "to 8 Mill Lane as a neighbour"},
				{Name: "Cllr Lee", Item: "5", Kind: "personal", Nature: "a 2 storey extension at Mill Lane, as a neighbour"},
			},
		},
		{
			name: "one interest in three items",
			text: "Cllr Lewis declared a non-pecuniary interest in items 3, 4 and 7 as a neighbour of the applicant.",
			want: []Declaration{
				{Name: "Cllr Lewis", Item: "3", Kind: "personal", Nature: "a neighbour of the applicant"},
				{Name: "Cllr Lewis", Item: "4", Kind: "personal", Nature: "a neighbour of the applicant"},
				{Name: "Cllr Lewis", Item: "7", Kind: "personal", Nature: "a neighbour of the applicant"},
			},
		},
		{
			// A table's row naming two items, however joined, is kept
			// as a declaration in each, and the rows after it are read.
			name: "a table's rows naming two items",
			text: "Councillor          Minute Number        Nature of Interest\n" +
				"D.M. Cundy          5 and 6              Her daughter is a tenant of the Council.\n" +
				"R. James            6, 7                 He is a trustee of Teifi Valley Foodbank.\n" +
				"S. Jenkins          8                    She lives next to the site.\n",
			want: []Declaration{
				{Name: "Councillor D.M. Cundy", Item: "5", Kind: "other", Nature: "Her daughter is a tenant of the Council"},
				{Name: "Councillor D.M. Cundy", Item: "6", Kind: "other", Nature: "Her daughter is a tenant of the Council"},
				{Name: "Councillor R. James", Item: "6", Kind: "other", Nature: "He is a trustee of Teifi Valley Foodbank"},
				{Name: "Councillor R. James", Item: "7", Kind: "other", Nature: "He is a trustee of Teifi Valley Foodbank"},
				{Name: "Councillor S. Jenkins", Item: "8", Kind: "other", Nature: "She lives next to the site"},
			},
		},
		{
			// A row whose name has its own title keeps it, and the rows
			// after it still take the column's.
			name: "a table's row with its own title",
			text: "Councillor          Minute Number        Nature of Interest\n" +
				"Cllr R. James       6                    He is a trustee of Teifi Valley Foodbank.\n" +
				"S. Jenkins          8                    She lives next to the site.\n",
			want: []Declaration{
				{Name: "Cllr R. James", Item: "6", Kind: "other", Nature: "He is a trustee of Teifi Valley Foodbank"},
				{Name: "Councillor S. Jenkins", Item: "8", Kind: "other", Nature: "She lives next to the site"},
			},
		},
		{
			// A row joined by dashes naming two items, in English or in
			// Welsh, is a declaration in each, not dropped.
			name: "a dashed row naming two items",
			text: "Cllr Booth – items 5 and 6 – personal interest – lives adjacent to the site.\n\n" +
				"Cllr Lewis – minutes 7, 8 and 9 – pecuniary interest – owns the land.\n\n" +
				"Cllr Rees – items 10 to 11 – personal interest – a governor.",
			want: []Declaration{
				{Name: "Cllr Booth", Item: "5", Kind: "personal", Nature: "lives adjacent to the site"},
				{Name: "Cllr Booth", Item: "6", Kind: "personal", Nature: "lives adjacent to the site"},
				{Name: "Cllr Lewis", Item: "7", Kind: "pecuniary", Nature: "owns the land"},
				{Name: "Cllr Lewis", Item: "8", Kind: "pecuniary", Nature: "owns the land"},
				{Name: "Cllr Lewis", Item: "9", Kind: "pecuniary", Nature: "owns the land"},
				{Name: "Cllr Rees", Item: "10", Kind: "personal", Nature: "a governor"},
				{Name: "Cllr Rees", Item: "11", Kind: "personal", Nature: "a governor"},
			},
		},
		{
			// A Scottish council numbers the paragraphs of each item.
			name: "after the paragraph's number",
			text: "1.1  Councillor Buchan declared a non-financial interest in item 4 as a director of Kinlossie Housing Association.",
			want: []Declaration{{Name: "Councillor Buchan", Item: "4", Kind: "other", Nature: "a director of Kinlossie Housing Association"}},
		},
		{
			// The item's title between commas after its number.
			name: "the item's title between commas",
			text: "Councillor Gault declared an interest in item 5, Grants to Community Groups, as treasurer of Ballykeel Community Association.",
			want: []Declaration{{Name: "Councillor Gault", Item: "5", Kind: "other", Nature: "treasurer of Ballykeel Community Association"}},
		},
		{name: "none made", text: "No declarations of interest were made.", want: []Declaration{}, none: true},
		{name: "none received", text: "No declarations of any disclosable pecuniary interests or personal\ninterests were received.", want: []Declaration{}, none: true},
		{name: "none word", text: "None.", want: []Declaration{}, none: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, err := ParseMinutes("MINUTES\n1. DECLARATIONS OF INTEREST\n" + tc.text + "\n2. CLOSE\n")
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(m.Declarations, tc.want); diff != "" {
				t.Errorf("declarations (-got +want):\n%s", diff)
			}
			if m.NoDeclarations != tc.none {
				t.Errorf("NoDeclarations = %v, want %v", m.NoDeclarations, tc.none)
			}
		})
	}
}

func TestParagraphsHyphenation(t *testing.T) {
	tests := []struct {
		lines []string
		want  string
	}{
		{[]string{"the Partnership be re-", "named Safer Sefton Together."}, "the Partnership be re-named Safer Sefton Together."},
		{[]string{"the highest levels of reoff-", "ending."}, "the highest levels of reoffending."},
		{[]string{"Youth Anti-", "Social Behaviour"}, "Youth Anti-Social Behaviour"},
		{[]string{"between 2021 -", "2022"}, "between 2021 - 2022"},
		{[]string{"first paragraph", "", "second"}, "first paragraph\n\nsecond"},
		{[]string{"programme for 2022/2023:Thursday 9 June"}, "programme for 2022/2023: Thursday 9 June"},
	}
	for _, tc := range tests {
		if got := paragraphs(tc.lines); got != tc.want {
			t.Errorf("paragraphs(%q) = %q, want %q", tc.lines, got, tc.want)
		}
	}
}

// TestSoftHyphens: a soft hyphen (U+00AD) left where a word processor
// broke a word at the end of a line joins the word again, and is dropped
// elsewhere, so that the words read and are found whole.
func TestSoftHyphens(t *testing.T) {
	text := "Minutes of the Parish Council held on 5 June 2023\nPresent: Cllr A Smith\n\n1. Youth Justice\n" +
		"The Head of Youth Ser\u00advices reported on reoff\u00ad\nending among young people.\n" +
		"RESOLVED: That the Council sup\u00ad\nports the youth diversion scheme.\n"
	m, err := ParseMinutes(text)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Minutes) != 1 {
		t.Fatalf("minutes %+v, want one", m.Minutes)
	}
	got := m.Minutes[0]
	if want := "The Head of Youth Services reported on reoffending among young people."; got.Narrative != want {
		t.Errorf("narrative %q, want %q", got.Narrative, want)
	}
	if diff := cmp.Diff(got.Resolutions, []string{"That the Council supports the youth diversion scheme."}); diff != "" {
		t.Errorf("resolutions (-got +want):\n%s", diff)
	}
}

// TestNonBreakingHyphens: a word processor's non-breaking hyphen (U+2011)
// or Unicode hyphen (U+2010), as "co‑ordinated" comes out of a PDF, is read
// as the hyphen it shows. Kept, it made a word of its own that the search,
// which reads "co-ordinated" and "coordinated" alike, never found.
func TestNonBreakingHyphens(t *testing.T) {
	text := "Minutes of the Parish Council held on 5 June 2023\nPresent: Cllr A Smith\n\n1. Anti\u2011social Behaviour\n" +
		"The Board heard of the co\u2011ordinated patrols and of the multi\u2010agency team.\n" +
		"RESOLVED: That the co\u2011\nordinated patrols continue.\n"
	m, err := ParseMinutes(text)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Minutes) != 1 {
		t.Fatalf("minutes %+v, want one", m.Minutes)
	}
	got := m.Minutes[0]
	if want := "Anti-social Behaviour"; got.Title != want {
		t.Errorf("title %q, want %q", got.Title, want)
	}
	if want := "The Board heard of the co-ordinated patrols and of the multi-agency team."; got.Narrative != want {
		t.Errorf("narrative %q, want %q", got.Narrative, want)
	}
	if diff := cmp.Diff(got.Resolutions, []string{"That the co-ordinated patrols continue."}); diff != "" {
		t.Errorf("resolutions (-got +want):\n%s", diff)
	}
}

func TestFindDatesAndTimes(t *testing.T) {
	tests := []struct {
		in    string
		dates []string
		times []string
	}{
		{"ON 9 DECEMBER 2021", []string{"2021-12-09"}, nil},
		{"Thursday 17th March, 2022 10.00 am", []string{"2022-03-17"}, []string{"10:00"}},
		{"09/06/2022 at 14:30", []string{"2022-06-09"}, []string{"14:30"}},
		{"Tuesday, 14 March 2023, 6.30 pm", []string{"2023-03-14"}, []string{"18:30"}},
		{"9th June 2022 at 2pm", []string{"2022-06-09"}, []string{"14:00"}},
		{"March 5, 2023 at 12 noon", []string{"2023-03-05"}, []string{"12:00"}},
		{"31 February 2022 and 7.1 and 2022/2023", nil, nil},
		// Welsh: "y.p." (afternoon), "y.b." (morning), "yh" and "yr
		// hwyr" (evening).
		{"Dydd Llun, 9 Rhagfyr 2024, am 2.00 y.p.", []string{"2024-12-09"}, []string{"14:00"}},
		{"am 10.00 y.b. ac am 12.30yp", nil, []string{"10:00", "12:30"}},
		{"am 7.00 yr hwyr; 8.20yh; 3 o'r gloch yn y prynhawn; 6 yn y prynhawn", nil, []string{"19:00", "20:20", "18:00"}},
		{"12.15 y.b. and 2019 y byddai", nil, []string{"00:15"}},
	}
	for _, tc := range tests {
		var dates, times []string
		for _, d := range findDates(tc.in) {
			dates = append(dates, d.value)
		}
		for _, d := range findTimes(tc.in) {
			times = append(times, d.value)
		}
		if diff := cmp.Diff([][]string{dates, times}, [][]string{tc.dates, tc.times}); diff != "" {
			t.Errorf("%q dates, times (-got +want):\n%s", tc.in, diff)
		}
	}
}

func TestParseMinutesErrors(t *testing.T) {
	tests := []struct {
		name, text string
		want       error
	}{
		{"empty", "", ErrNoMinutes},
		{"report only", readTestdata(t, "testdata/probation-vawg-report-extract.txt"), ErrNoMinutes},
		{"agenda only", readTestdata(t, "testdata/agenda-planning-tabs.txt"), ErrNoMinutes},
		{"too large", strings.Repeat("RESOLVED\n", MaxInputSize/9+1), ErrTooLarge},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseMinutes(tc.text)
			if !errors.Is(err, tc.want) {
				t.Errorf("err = %v, want %v", err, tc.want)
			}
		})
	}
}

func TestParseMinutesWarnsWithoutDate(t *testing.T) {
	m, err := ParseMinutes("MINUTES\n1. BUSINESS\nRESOLVED: That it be noted.\n")
	if err != nil {
		t.Fatal(err)
	}
	if m.Meeting.Date != "" || !contains(m.Warnings, "meeting date not found") {
		t.Errorf("date %q, warnings %q; want empty date and a warning", m.Meeting.Date, m.Warnings)
	}
}

// TestParseMinutesDateNotReal: minutes dated with a day the calendar does
// not have, in words or in figures, are read without a date, the date printed kept in NotADate and
// quoted in a warning, whatever else the heading prints; a weekday that is
// not the date's is warned of, and the date kept.
func TestParseMinutesDateNotReal(t *testing.T) {
	body := "\nPresent: Cllr A Moss (Chair), Cllr D Oyelaran\n\n1. APOLOGIES\nNone.\n\n2. FINANCE\nRESOLVED: That the accounts be approved.\n"
	for _, tc := range []struct {
		heading        string
		date, notADate string
		warning        string
	}{
		{"MINUTES OF THE FINANCE COMMITTEE held on Thursday 31 February 2026 at 7pm", "", "31 February 2026",
			`the date printed, "31 February 2026", is not a real date`},
		{"Minutes of the Parish Council meeting held on 30th Febuary 2026", "", "30th Febuary 2026",
			`the date printed, "30th Febuary 2026", is not a real date`},
		{"Minutes of the Parish Council meeting held on Monday 30th Febuary", "", "30th Febuary",
			`the date printed, "30th Febuary", is not a real date`},
		{"FINANCE COMMITTEE\nDate: 29 February 2025", "", "29 February 2025",
			`the date printed, "29 February 2025", is not a real date`},
		// The real date of another meeting does not stand in for it.
		{"Minutes of the Finance Committee held on 31 April 2026 (adjourned from 2 April 2026)", "", "31 April 2026",
			`the date printed, "31 April 2026", is not a real date`},
		// In figures, as a clerk's template prints it.
		{"MINUTES OF THE FINANCE COMMITTEE held on 31/02/2026 at 7pm", "", "31/02/2026",
			`the date printed, "31/02/2026", is not a real date`},
		{"FINANCE COMMITTEE\nDate: 30.02.26", "", "30.02.26",
			`the date printed, "30.02.26", is not a real date`},
		{"Minutes of the Finance Committee held on 29/02/2025", "", "29/02/2025",
			`the date printed, "29/02/2025", is not a real date`},
		{"Minutes of the Finance Committee held on 29/02/2028", "2028-02-29", "", ""},
		{"Minutes of the Finance Committee held on 05.12.26", "2026-12-05", "", ""},
		{"Minutes of the Finance Committee held on 29 February 2028", "2028-02-29", "", ""},
		{"Minutes of the Parish Council meeting held on 3rd Febuary 2026", "2026-02-03", "", ""},
		{"MINUTES OF THE FINANCE COMMITTEE held on Thursday, 5 December 2026 at 7pm", "2026-12-05", "",
			`the date printed, "Thursday, 5 December 2026", names the wrong day of the week: 2026-12-05 was a Saturday; the date is read as 2026-12-05`},
		{"MINUTES OF THE FINANCE COMMITTEE held on Saturday 5th December 2026 at 10am", "2026-12-05", "", ""},
	} {
		m, err := ParseMinutes(tc.heading + "\n" + body)
		if err != nil {
			t.Errorf("%q: %v", tc.heading, err)
			continue
		}
		if m.Meeting.Date != tc.date || m.Meeting.NotADate != tc.notADate {
			t.Errorf("%q: date %q, not a date %q; want %q, %q", tc.heading, m.Meeting.Date, m.Meeting.NotADate, tc.date, tc.notADate)
		}
		if tc.warning != "" && !contains(m.Warnings, tc.warning) {
			t.Errorf("%q: warnings %q, want %q", tc.heading, m.Warnings, tc.warning)
		}
		if tc.warning == "" && len(m.Warnings) > 0 {
			t.Errorf("%q: warnings %q, want none", tc.heading, m.Warnings)
		}
	}
}

// TestPresentOncePerPerson: a member printed twice under "Present" (in
// the list, and again as chair) is listed once, with the chair marked;
// people who only share a surname stay apart.
func TestPresentOncePerPerson(t *testing.T) {
	for _, tc := range []struct {
		present string
		want    []string
	}{
		{"Present: Cllr J Ferris (Chair), Cllr A Moss, Cllr D Oyelaran, Cllr J Ferris",
			[]string{"Cllr J Ferris (Chair)", "Cllr A Moss", "Cllr D Oyelaran"}},
		{"Present:\nCouncillors A Moss, D Oyelaran and J Ferris\nCouncillor J Ferris (Chair)\nAlso present: Mrs K Dunne (Clerk)",
			[]string{"Councillor A Moss", "Councillor D Oyelaran", "Councillor J Ferris (Chair)", "Mrs K Dunne (Clerk)"}},
		{"Present: Councillor Jane Ferris (in the Chair), Councillor A Moss, Cllr J. Ferris",
			[]string{"Councillor Jane Ferris (in the Chair)", "Councillor A Moss"}},
		{"Present: Cllr Ferris (Chair), Cllr A Moss, Cllr John Ferris (Northshire County Council)",
			[]string{"Cllr John Ferris (Chair, Northshire County Council)", "Cllr A Moss"}},
		// Two people of one surname.
		{"Present: Cllr J Ferris (Chair), Cllr P Ferris, Mr Moss, Mrs Moss",
			[]string{"Cllr J Ferris (Chair)", "Cllr P Ferris", "Mr Moss", "Mrs Moss"}},
		{"Present: Cllr J Ferris, Cllr P Ferris, Cllr Ferris (Chair)",
			[]string{"Cllr J Ferris", "Cllr P Ferris", "Cllr Ferris (Chair)"}},
		// Two councillors of one name, told apart by their wards or
		// organisations, are two people.
		{"Present: Cllr J Ferris (Chair), Cllr A Jones (Ainsdale), Cllr A Jones (Ford)",
			[]string{"Cllr J Ferris (Chair)", "Cllr A Jones (Ainsdale)", "Cllr A Jones (Ford)"}},
		{"Present: Cllr J Ferris (Chair), Mr D Smith (Sefton CVS), David Smith (Merseyside Police)",
			[]string{"Cllr J Ferris (Chair)", "Mr D Smith (Sefton CVS)", "David Smith (Merseyside Police)"}},
	} {
		wantPresent(t, tc.present, tc.want)
	}
}

// TestPresentBodyAfterName: under "Present", a person's name, a comma and
// the body they represent ("Mr Colm Doherty, Sperrin Rural Transport")
// is one attendee with their organisation; a list of names separated by
// commas is still one person each.
func TestPresentBodyAfterName(t *testing.T) {
	for _, tc := range []struct {
		present string
		want    []string
	}{
		{"Present: Cllr A Moss (Chair), Cllr D Oyelaran\n\nOthers in attendance: Mr Colm Doherty, Sperrin Rural Transport",
			[]string{"Cllr A Moss (Chair)", "Cllr D Oyelaran", "Mr Colm Doherty (Sperrin Rural Transport)"}},
		{"Present:\nCllr A Moss (Chair)\nMr Colm Doherty, Sperrin Rural Transport\nMrs Ann Lee, Glenmore Residents Association\nDr P Shah, NIHE",
			[]string{"Cllr A Moss (Chair)", "Mr Colm Doherty (Sperrin Rural Transport)", "Mrs Ann Lee (Glenmore Residents Association)", "Dr P Shah (NIHE)"}},
		{"Present: Cllr A Moss, Cllr D Oyelaran, Cllr P Keane",
			[]string{"Cllr A Moss", "Cllr D Oyelaran", "Cllr P Keane"}},
		{"Present: Mr Colm Doherty, Ann Lee, Tom Hart",
			[]string{"Mr Colm Doherty", "Ann Lee", "Tom Hart"}},
		// Charity is a forename as well as a kind of body.
		{"Present: Ann Lee, Charity Okafor, Tom Hart",
			[]string{"Ann Lee", "Charity Okafor", "Tom Hart"}},
		{"Present: Ann Lee, Sefton Carers Charity, Ms Charity Okafor, Healthwatch Sefton",
			[]string{"Ann Lee (Sefton Carers Charity)", "Ms Charity Okafor (Healthwatch Sefton)"}},
		{"Present: Councillors Agnew, Brolly, Corrigan",
			[]string{"Councillor Agnew", "Councillor Brolly", "Councillor Corrigan"}},
		// A body's name with "and" in it is one body.
		{"Present: Cllr A Moss (Chair), Mr T Hart, Merseyside Fire and Rescue Service, Mrs J Lee, Department for Work and Pensions",
			[]string{"Cllr A Moss (Chair)", "Mr T Hart (Merseyside Fire and Rescue Service)", "Mrs J Lee (Department for Work and Pensions)"}},
		{"Present: Ann Lee, Sefton CVS and Tom Hart, Merseyside Police",
			[]string{"Ann Lee (Sefton CVS)", "Tom Hart (Merseyside Police)"}},
		// A post and a body, in either order.
		{"Present: Cllr A Moss (Chair)\n\nIn attendance: Jane Lee, Chief Executive, Sefton CVS, Tom Hart, Merseyside Police, Partnerships Manager",
			[]string{"Cllr A Moss (Chair)", "Jane Lee (Chief Executive, Sefton CVS)", "Tom Hart (Merseyside Police, Partnerships Manager)"}},
	} {
		wantPresent(t, tc.present, tc.want)
	}
}

// TestPresentCouncillorsLabelAlone: "Councillors:" alone on its line
// over the members' names, in a list or one to a line, makes each a
// councillor, as "Councillors: A, B and C" on one line does.
func TestPresentCouncillorsLabelAlone(t *testing.T) {
	for _, tc := range []struct {
		present string
		want    []string
	}{
		{"Present: Cllr A Moss (Chair)\n\nCouncillors:\nH.A.L. Evans, S. Jenkins,\nA. Vaughan Owen and M. Thomas",
			[]string{"Cllr A Moss (Chair)", "Councillor H.A.L. Evans", "Councillor S. Jenkins", "Councillor A. Vaughan Owen", "Councillor M. Thomas"}},
		{"Present: Cllr A Moss (Chair)\n\nCouncillors:\nA Smith\nB Jones\nC Brown\n\nOfficers present: Head of Finance",
			[]string{"Cllr A Moss (Chair)", "Councillor A Smith", "Councillor B Jones", "Councillor C Brown", "Head of Finance"}},
		// Names under one title after a semicolon are each a person, not
		// the first one and a post of the others' names.
		{"Present: Councillor Moss (Chair); Councillors Brown, Lee and Jones",
			[]string{"Councillor Moss (Chair)", "Councillor Brown", "Councillor Lee", "Councillor Jones"}},
		{"Present: Cllr A Moss (Chair); Cllrs Brown, Lee and Jones; Cynghorwyr Huws a Lloyd",
			[]string{"Cllr A Moss (Chair)", "Cllr Brown", "Cllr Lee", "Cllr Jones", "Cynghorydd Huws", "Cynghorydd Lloyd"}},
	} {
		wantPresent(t, tc.present, tc.want)
	}
}

// TestChairLabelAway: a chair named by a "Chair:" label above "Present:"
// is listed among those present, but not when the minutes record their
// apologies, or another in the chair for the meeting.
func TestChairLabelAway(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"Chair: Cllr A Moss\n\nPresent: Cllr C Brown, Cllr D Lee\n\n1. APOLOGIES\nNone.\n",
			[]string{"Cllr A Moss (Chair)", "Cllr C Brown", "Cllr D Lee"}},
		{"Chair: Cllr A Moss\nVice-Chair: Cllr B Jones\n\nPresent: Cllr B Jones, Cllr C Brown\n\n1. APOLOGIES\nApologies for absence were received from Councillor Moss.\n",
			[]string{"Cllr B Jones", "Cllr C Brown"}},
		{"Chair: Cllr A Moss\n\nPresent: Cllr B Jones (in the Chair), Cllr C Brown\n\n1. APOLOGIES\nNone.\n",
			[]string{"Cllr B Jones (in the Chair)", "Cllr C Brown"}},
		{"Chair: Cllr A Moss\n\nPresent: Cllr B Jones (Vice-Chair, presiding), Cllr C Brown\n\n1. APOLOGIES\nNone.\n",
			[]string{"Cllr B Jones (Vice-Chair, presiding)", "Cllr C Brown"}},
		// A presiding officer elsewhere, or one in the chair for one
		// item, leaves the chair labelled above in the chair.
		{"Chair: Cllr A Moss\n\nPresent: Cllr C Brown\nIn attendance: Mr J Smith (Presiding Officer, Youth Parliament)\n\n1. APOLOGIES\nNone.\n",
			[]string{"Cllr A Moss (Chair)", "Cllr C Brown", "Mr J Smith (Presiding Officer, Youth Parliament)"}},
		{"Chair: Cllr A Moss\n\nPresent: Cllr C Brown\nAlso present: Mr R Evans (Chair of the Youth Council, in the chair for item 6)\n\n1. APOLOGIES\nNone.\n",
			[]string{"Cllr A Moss (Chair)", "Cllr C Brown", "Mr R Evans (Chair of the Youth Council, in the chair for item 6)"}},
	} {
		m, err := ParseMinutes("MINUTES OF THE PLANNING COMMITTEE held on 5 March 2026\n\n" + tc.text + "\n2. FINANCE\nRESOLVED: That the accounts be approved.\n")
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(attendance(m), tc.want); diff != "" {
			t.Errorf("%q (-got +want):\n%s", tc.text, diff)
		}
	}
}

// TestChairTaken: minutes that say who took the chair ("Councillor Lee
// took the chair.", "In the absence of the Chair, Councillor Lee
// (Vice-Chair) presided.", "Councillor Lee in the Chair") list them as in
// the chair, and not the chair labelled above "Present:", who was not
// there. Taking the chair part way ("for item 3", "for the remainder of
// the meeting", or after business was resolved) leaves the chair who
// opened the meeting as its chair, present, and the sentence in the
// narrative; no sentence is taken for a person present.
func TestChairTaken(t *testing.T) {
	const (
		head = "Chair: Cllr A Moss\n\nPresent: Cllr C Brown, Cllr D Lee\n\n"
		away = "1. APOLOGIES\nApologies for absence were received from Cllr E White.\n\n"
	)
	for _, tc := range []struct {
		name, text string
		want       []string
		note       string // the sentence kept in the narrative
	}{
		{"took the chair, before the minutes", head + "Councillor Lee took the chair.\n\n" + away,
			[]string{"Cllr D Lee (in the Chair)", "Cllr C Brown"}, ""},
		{"took the chair, in the first minute", head + "1. APOLOGIES\nCouncillor Lee took the chair. Apologies for absence were received from Cllr E White.\n\n",
			[]string{"Cllr D Lee (in the Chair)", "Cllr C Brown"}, "Councillor Lee took the chair."},
		{"presided in the absence of the Chair", "Chair: Cllr A Moss\n\nPresent: Cllr C Brown, Cllr D Lee (Vice-Chair)\n\n1. APOLOGIES\nIn the absence of the Chair, Councillor Lee (Vice-Chair) presided.\n\n",
			[]string{"Cllr D Lee (Vice-Chair, in the Chair)", "Cllr C Brown"}, "In the absence of the Chair, Councillor Lee (Vice-Chair) presided."},
		{"in the Chair, under the attendance", "Chair: Cllr A Moss\n\nPresent: Cllr C Brown, Cllr D Lee\nCouncillor Lee in the Chair\n\n" + away,
			[]string{"Cllr D Lee (in the Chair)", "Cllr C Brown"}, ""},
		{"in the Chair, not in the list", "Chair: Cllr A Moss\n\nPresent: Cllr C Brown\nCouncillor Lee in the Chair\n\n" + away,
			[]string{"Councillor Lee (in the Chair)", "Cllr C Brown"}, ""},
		{"for one item", head + away + "2. MINUTES\nCouncillor Lee took the chair for item 2.\nRESOLVED: That the minutes be approved.\n\n",
			[]string{"Cllr A Moss (Chair)", "Cllr C Brown", "Cllr D Lee"}, "Councillor Lee took the chair for item 2."},
		{"for the remainder of the meeting", head + "1. MINUTES\nRESOLVED: That the minutes be approved.\n\n2. PLANNING\nCouncillor Moss left the meeting and Councillor Lee took the chair for the remainder of the meeting.\n\n",
			[]string{"Cllr A Moss (Chair)", "Cllr C Brown", "Cllr D Lee"}, "Councillor Moss left the meeting and Councillor Lee took the chair for the remainder of the meeting."},
		{"after business was resolved", head + "1. MINUTES\nRESOLVED: That the minutes be approved.\n\n2. PLANNING\nCouncillor Lee took the chair.\n\n",
			[]string{"Cllr A Moss (Chair)", "Cllr C Brown", "Cllr D Lee"}, "Councillor Lee took the chair."},
		{"then took the chair", head + "1. ELECTION OF CHAIR\nCouncillor Lee was elected Chair. Councillor Lee then took the chair.\n\n",
			[]string{"Cllr A Moss (Chair)", "Cllr C Brown", "Cllr D Lee"}, "Councillor Lee then took the chair."},
		// A line of the attendance saying who was in the chair keeps
		// them present, whether for the whole meeting ("…;" over the
		// others) or for part of it.
		{"in the Chair; heading the attendance", "Present:\nCouncillor A Moss in the Chair;\nCouncillors C Brown and D Lee\n\n" + away,
			[]string{"Councillor A Moss (in the Chair)", "Councillor C Brown", "Councillor D Lee"}, ""},
		{"in the Chair for one item, in the attendance", "Chair: Cllr A Moss\n\nPresent:\nCllr C Brown\nCllr D Lee in the Chair for item 5\n\n" + away,
			[]string{"Cllr A Moss (Chair)", "Cllr C Brown", "Cllr D Lee"}, ""},
		// A sentence about someone else's chairing names no one by the
		// words before the name.
		{"reported that another had been in the chair", head + away + "2. CHAIR'S REPORT\nCouncillor Brown reported that Councillor Lee had been in the chair.\n\n",
			[]string{"Cllr A Moss (Chair)", "Cllr C Brown", "Cllr D Lee"}, "Councillor Brown reported that Councillor Lee had been in the chair."},
		{"thanked one who had chaired", head + away + "2. CHAIR'S REPORT\nMembers thanked Councillor Lee who had chaired the meeting.\n\n",
			[]string{"Cllr A Moss (Chair)", "Cllr C Brown", "Cllr D Lee"}, "Members thanked Councillor Lee who had chaired the meeting."},
		// The chair taking the chair is the chair, marked once.
		{"the chair labelled above", "Chair: Cllr A Moss\n\nPresent: Cllr C Brown\n\nCouncillor Moss took the chair.\n\n" + away,
			[]string{"Cllr A Moss (Chair)", "Cllr C Brown"}, ""},
		{"the chair in the list", "Present: Cllr C Brown, Cllr A Moss (Chair)\n\n1. APOLOGIES\nCouncillor Moss in the Chair.\n\n",
			[]string{"Cllr C Brown", "Cllr A Moss (Chair)"}, "Councillor Moss in the Chair."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, err := ParseMinutes("MINUTES OF THE PLANNING COMMITTEE held on 5 March 2026\n\n" + tc.text + "\n9. FINANCE\nRESOLVED: That the accounts be approved.\n")
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(m.Present, tc.want); diff != "" {
				t.Errorf("present (-got +want):\n%s", diff)
			}
			narratives := ""
			for _, mi := range m.Minutes {
				narratives += mi.Narrative + "\n"
			}
			if !strings.Contains(narratives, tc.note) {
				t.Errorf("%q is not in the narrative: %q", tc.note, narratives)
			}
		})
	}
}

// TestPresentPostThenHolder: a Northern Irish council lists its
// officers by post with the holder's name in brackets ("Director of
// Environmental Services (Mr R Brannigan)"); each is the person, with
// the post in brackets after the name, as an officer listed "Mr Toner,
// Chief Executive" is. A member with a post in brackets stays as printed.
// TestPresentInitialsOneToALine: names of initials and a surname printed
// one to a line are each a person, as names with titles are; an initial
// after a first name is part of it.
func TestPresentInitialsOneToALine(t *testing.T) {
	wantPresent(t, "Present:\nH. Evans\nS. Jenkins\nR Owen\nT Lloyd",
		[]string{"H. Evans", "S. Jenkins", "R Owen", "T Lloyd"})
	wantPresent(t, "Present:\nCllr H. Evans\nS. Jenkins\nJ. R. Hartley\nMary J. Blige",
		[]string{"Cllr H. Evans", "S. Jenkins", "J. R. Hartley", "Mary J. Blige"})
}

func TestPresentPostThenHolder(t *testing.T) {
	wantPresent(t, "Present: Alderman McKinstry (Chair), Councillor Gault\n\nIn Attendance: Director of Environmental Services (Mr R Brannigan)\n"+
		"Head of Waste Management (Ms L Cosgrove)\nMember Services Officer (Mrs K Dunlop)\nMr Toner, Chief Executive",
		[]string{"Alderman McKinstry (Chair)", "Councillor Gault", "Mr R Brannigan (Director of Environmental Services)",
			"Ms L Cosgrove (Head of Waste Management)", "Mrs K Dunlop (Member Services Officer)", "Mr Toner (Chief Executive)"})
}

// TestPresentPostWithAnd: an officer's post keeps its "and" ("Director
// of Highways and Transport" is one officer), whether printed alone or
// after the officer's name; people joined by "and" are still two.
func TestPresentPostWithAnd(t *testing.T) {
	for _, tc := range []struct {
		present string
		want    []string
	}{
		{"Present: Cllr A Moss (Chair), Cllr D Oyelaran\n\nOfficers present: Director of Highways and Transport, Head of Law and Governance, Scrutiny Officer",
			[]string{"Cllr A Moss (Chair)", "Cllr D Oyelaran", "Director of Highways and Transport", "Head of Law and Governance", "Scrutiny Officer"}},
		{"Present: Cllr A Moss (Chair), Cllr D Oyelaran\n\nIn attendance: Ms R Lynch, Director of Highways and Transport",
			[]string{"Cllr A Moss (Chair)", "Cllr D Oyelaran", "Ms R Lynch (Director of Highways and Transport)"}},
		{"Present: Cllr A Moss (Chair), Cllr D Oyelaran\n\nIn attendance: Cllr P Keane, Cabinet Member for Highways and Transport",
			[]string{"Cllr A Moss (Chair)", "Cllr D Oyelaran", "Cllr P Keane (Cabinet Member for Highways and Transport)"}},
		{"Present: Cllr A Moss (Chair), Cllr D Oyelaran and Cllr P Keane\n\nOfficers present: Director of Finance and Head of Legal Services",
			[]string{"Cllr A Moss (Chair)", "Cllr D Oyelaran", "Cllr P Keane", "Director of Finance", "Head of Legal Services"}},
		{"Present: Cllr A Moss (Chair)\n\nOfficers present: Head of Law and Ms J Lee",
			[]string{"Cllr A Moss (Chair)", "Head of Law", "Ms J Lee"}},
		{"Present: Cllr A Moss (Chair), Mr and Mrs Smith, Mr and Mrs R Patel (Bootle Residents)",
			[]string{"Cllr A Moss (Chair)", "Mr Smith", "Mrs Smith", "Mr Patel", "Mrs R Patel (Bootle Residents)"}},
		{"Present: Cllr A Moss (Chair), Dr and Mrs Patel, Prof and Mr J Okafor, Rev. and Mrs Lloyd (St Mary's)",
			[]string{"Cllr A Moss (Chair)", "Dr Patel", "Mrs Patel", "Prof Okafor", "Mr J Okafor", "Rev. Lloyd", "Mrs Lloyd (St Mary's)"}},
	} {
		wantPresent(t, tc.present, tc.want)
	}
}

func BenchmarkParseMinutes(b *testing.B) {
	text := readTestdata(b, packFile)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if _, err := ParseMinutes(text); err != nil {
			b.Fatal(err)
		}
	}
}

// TestResolutionPartsMarkers: a resolution's parts are read whichever
// markers number them, counting up from the first.
func TestResolutionPartsMarkers(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"That (1) the report be noted; and (2) the plan be approved.", []string{"the report be noted", "the plan be approved"}},
		{"That: 1. the report be noted; 2. the plan be approved.", []string{"the report be noted", "the plan be approved"}},
		{"The Partnership: i. Endorsed the assessment; and ii. Agreed its priorities.", []string{"Endorsed the assessment", "Agreed its priorities"}},
		{"That: a. the report be noted; b. the plan be approved; and c. the Clerk write to the County.", []string{"the report be noted", "the plan be approved", "the Clerk write to the County"}},
		{"That the report, e.g. its annex, be noted.", nil},
		{"That a. single marker be ignored.", nil},
	}
	for _, tc := range tests {
		if diff := cmp.Diff(resolutionParts(tc.text), tc.want); diff != "" {
			t.Errorf("resolutionParts(%q) (-got +want):\n%s", tc.text, diff)
		}
	}
}

// wantPresent reads minutes whose attendance is present, and checks those
// present are want.
// wantPresent checks how the names of the attendance are read: want is
// everyone it names, those present and then those in attendance.
func wantPresent(t *testing.T, present string, want []string) {
	t.Helper()
	m, err := ParseMinutes("MINUTES OF THE FINANCE COMMITTEE held on 5 March 2026\n\n" + present +
		"\n\n1. APOLOGIES\nNone.\n\n2. FINANCE\nRESOLVED: That the accounts be approved.\n")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(attendance(m), want); diff != "" {
		t.Errorf("%q (-got +want):\n%s", present, diff)
	}
}

// TestWelshTitles: minutes printed only in Welsh give councillors the
// Welsh titles, "Y Cynghorydd" (the councillor), "Cynghorwyr"
// (councillors) before a list of surnames joined by "a", and "Cyng.",
// read as "Councillor", "Councillors" and "Cllr." are.
func TestWelshTitles(t *testing.T) {
	tests := []struct {
		name, present, apologies string
		wantPresent              []string
		wantApologies            []Person
	}{
		{"the article before the title", "Y Cynghorydd G. Huws (Maer), Y Cynghorydd D. Lloyd", "K. Broom.",
			[]string{"Cynghorydd G. Huws (Maer)", "Cynghorydd D. Lloyd"}, []Person{{Name: "K. Broom"}}},
		{"councillors by surname, the last joined by a", "Cynghorwyr Huws, Parry a Lloyd", "K. Broom.",
			[]string{"Cynghorydd Huws", "Cynghorydd Parry", "Cynghorydd Lloyd"}, []Person{{Name: "K. Broom"}}},
		{"the abbreviation does not end a sentence", "Cyng. M. Parry", "Cyng. K. Broom, Cyng. A. Rees.",
			[]string{"Cyng. M. Parry"}, []Person{{Name: "Cyng. K. Broom"}, {Name: "Cyng. A. Rees"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, err := ParseMinutes("COFNODION\n\nDydd Llun, 9 Rhagfyr 2024\n\nYN BRESENNOL:\n" + tc.present +
				"\n\n1. YMDDIHEURIADAU\n\n" + tc.apologies + "\n\n2. CAU\nDim.\n")
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(m.Present, tc.wantPresent); diff != "" {
				t.Errorf("present (-got +want):\n%s", diff)
			}
			if diff := cmp.Diff(m.Apologies, tc.wantApologies); diff != "" {
				t.Errorf("apologies (-got +want):\n%s", diff)
			}
		})
	}
}

// TestWelshApologySentences: minutes printed only in Welsh announce the
// apologies in a sentence, "Derbyniwyd ymddiheuriadau gan …" (apologies
// were received from) or "Ymddiheuriadau am absenoldeb: …" (apologies for
// absence), the names joined by "a", "ac" or "a'r" (and the).
func TestWelshApologySentences(t *testing.T) {
	tests := []struct {
		name, text string
		want       []Person
	}{
		{"received from", "Derbyniwyd ymddiheuriadau gan y Cynghorydd A. Rees a'r Cynghorydd B. Morgan.",
			[]Person{{Name: "Cynghorydd A. Rees"}, {Name: "Cynghorydd B. Morgan"}}},
		{"received from, after another sentence", "Croesawodd y Cadeirydd bawb. Derbyniwyd ymddiheuriadau gan Cyng. A. Rees, Cyng. C. Ifans ac Eleri Morgan.",
			[]Person{{Name: "Cyng. A. Rees"}, {Name: "Cyng. C. Ifans"}, {Name: "Eleri Morgan"}}},
		{"for absence, with a colon", "Ymddiheuriadau am absenoldeb: Y Cynghorydd A. Rees a Mr T. Lewis",
			[]Person{{Name: "Cynghorydd A. Rees"}, {Name: "Mr T. Lewis"}}},
		{"a clause about the last name", "Derbyniwyd ymddiheuriadau gan y Cynghorydd A. Rees a oedd ar wyliau.",
			[]Person{{Name: "Cynghorydd A. Rees"}}},
		{"none", "Ymddiheuriadau: Dim.", []Person{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, err := ParseMinutes("COFNODION\n\nDydd Llun, 9 Rhagfyr 2024\n\nYN BRESENNOL:\nY Cynghorydd G. Huws\n\n1. YMDDIHEURIADAU\n\n" + tc.text + "\n\n2. CAU\nDim.\n")
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(m.Apologies, tc.want); diff != "" {
				t.Errorf("apologies (-got +want):\n%s", diff)
			}
		})
	}
}

// TestWelshResolvedInALine: minutes printed only in Welsh print
// "PENDERFYNWYD" (resolved) in the middle of a line as well as starting
// one: in a sentence after "ac" or "a" (and, the word then mutated to
// "PHENDERFYNWYD"), or after a paragraph's number. Each is a resolution,
// as "… and RESOLVED that …" and "4.1 RESOLVED: …" are.
func TestWelshResolvedInALine(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
		narrative  string
	}{
		{"after ac in a sentence", "Cyflwynwyd cofnodion y cyfarfod blaenorol ac PENDERFYNWYD bod y cofnodion yn cael eu llofnodi.",
			[]string{"bod y cofnodion yn cael eu llofnodi."}, "Cyflwynwyd cofnodion y cyfarfod blaenorol"},
		{"after a, mutated", "Trafodwyd y cais a PHENDERFYNWYD ei gefnogi.",
			[]string{"ei gefnogi."}, "Trafodwyd y cais"},
		{"after a paragraph's number", "2.1 PENDERFYNWYD: bod y taliadau yn cael eu cymeradwyo.",
			[]string{"bod y taliadau yn cael eu cymeradwyo."}, ""},
		{"the word in lower case in a sentence is not one", "Nodwyd y cais fel y penderfynwyd yn y cyfarfod blaenorol.",
			[]string{}, "Nodwyd y cais fel y penderfynwyd yn y cyfarfod blaenorol."},
		{"the word in lower case starting a line of a sentence is not one", "Nodwyd y cais fel y\npenderfynwyd yn y cyfarfod blaenorol.",
			[]string{}, "Nodwyd y cais fel y penderfynwyd yn y cyfarfod blaenorol."},
		{"mutated, starting its line", "Trafodwyd y cais a\nPHENDERFYNWYD ei gefnogi.",
			[]string{"ei gefnogi."}, "Trafodwyd y cais a"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, err := ParseMinutes("COFNODION\n\nDydd Llun, 9 Rhagfyr 2024\n\nYN BRESENNOL:\nY Cynghorydd G. Huws\n\n1. YMDDIHEURIADAU\n\nDim.\n\n2. COFNODION\n\n" +
				tc.text + "\n\n3. CAU\n\nDaeth y cyfarfod i ben.\n")
			if err != nil {
				t.Fatal(err)
			}
			if len(m.Minutes) != 3 {
				t.Fatalf("minutes %+v, want three", m.Minutes)
			}
			if diff := cmp.Diff(m.Minutes[1].Resolutions, tc.want); diff != "" {
				t.Errorf("resolutions (-got +want):\n%s", diff)
			}
			if m.Minutes[1].Narrative != tc.narrative {
				t.Errorf("narrative %q, want %q", m.Minutes[1].Narrative, tc.narrative)
			}
		})
	}
}

// TestWelshTimes: a time printed in Welsh ("am 2.00 y.p.", "10.00 y.b.")
// is the meeting's time, a venue after it is the meeting's venue, and the
// hours it sat in brackets under the attendance give the time, as "2.00
// pm" and "(10.00 am – 12.15 pm)" do.
func TestWelshTimes(t *testing.T) {
	tests := []struct {
		name, head, present string
		want                Meeting
	}{
		{"afternoon, the venue after it", "Dydd Llun, 9 Rhagfyr 2024, am 2.00 y.p., Siambr y Cyngor", "Y Cynghorydd G. Huws",
			Meeting{Date: "2024-12-09", Time: "14:00", Venue: "Siambr y Cyngor"}},
		{"morning", "Dydd Llun, 9 Rhagfyr 2024 am 10.00 y.b.", "Y Cynghorydd G. Huws",
			Meeting{Date: "2024-12-09", Time: "10:00"}},
		{"the hours it sat under the attendance", "Dydd Llun, 9 Rhagfyr 2024", "Y Cynghorydd G. Huws\n(10.00 y.b. – 12.15 y.p.)",
			Meeting{Date: "2024-12-09", Time: "10:00"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, err := ParseMinutes("COFNODION\n\n" + tc.head + "\n\nYN BRESENNOL:\n" + tc.present + "\n\n1. YMDDIHEURIADAU\n\nDim.\n\n2. CAU\nDim.\n")
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(m.Meeting, tc.want); diff != "" {
				t.Errorf("meeting (-got +want):\n%s", diff)
			}
			if diff := cmp.Diff(m.Present, []string{"Cynghorydd G. Huws"}); diff != "" {
				t.Errorf("present (-got +want):\n%s", diff)
			}
		})
	}
}

// TestWelshAlsoPresent: "Hefyd yn bresennol:" (also present) heads a
// group of its own in minutes printed only in Welsh, as "Also present:"
// does, and is not read into the name before it.
func TestWelshAlsoPresent(t *testing.T) {
	wantPresent(t, "YN BRESENNOL:\nY Cynghorydd Gwenllian Huws (Maer),\nCynghorwyr Bowen ac Ellis\n\nHefyd yn bresennol: Mrs Nia Roberts (Clerc y Dref)",
		[]string{"Cynghorydd Gwenllian Huws (Maer)", "Cynghorydd Bowen", "Cynghorydd Ellis", "Mrs Nia Roberts (Clerc y Dref)"})
}

// TestWelshMeetingClosed: "Daeth y cyfarfod i ben …" (the meeting
// closed) ends minutes printed only in Welsh, as "The meeting closed …"
// does: it is not the last minute's text.
func TestWelshMeetingClosed(t *testing.T) {
	m, err := ParseMinutes("COFNODION\n\nDydd Llun, 9 Rhagfyr 2024\n\nYN BRESENNOL:\nY Cynghorydd G. Huws\n\n1. YMDDIHEURIADAU\n\nDim.\n\n" +
		"2. GOHEBIAETH\n\nNodwyd llythyr gan y Cyngor Sir.\n\nDaeth y cyfarfod i ben am 8.05 y.h.\n")
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Minutes) != 2 || m.Minutes[1].Narrative != "Nodwyd llythyr gan y Cyngor Sir." {
		t.Errorf("minutes %+v, want the last one's text without the meeting's close", m.Minutes)
	}
}

// TestResolvedRunOnInLowerCase: "resolved" in lower case starting a line
// that runs a sentence on from the line before is narrative, not a
// resolution the committee never made; a label in lower case still is.
func TestResolvedRunOnInLowerCase(t *testing.T) {
	m, err := ParseMinutes("MINUTES OF THE FINANCE COMMITTEE held on 5 March 2026\n\nPresent: Cllr A Smith, Cllr B Jones\n\n1. APOLOGIES\nNone.\n\n" +
		"2. BUDGET\nThe Committee considered the budget, noting the figures were as\nresolved at the previous meeting and the reserves policy\nremained unchanged.\nRESOLVED: That the budget be approved.\n\n" +
		"3. GRANTS\nThe grants were reported as\nresolved by Cabinet in January.\n\n" +
		"4. FEES\nThe Committee\nresolved that the fees be frozen.\n")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{"2": {"That the budget be approved."}, "3": nil, "4": {"That the fees be frozen."}}
	for _, x := range m.Minutes {
		w, ok := want[x.Number]
		if !ok {
			continue
		}
		if len(x.Resolutions) != len(w) || len(w) > 0 && cmp.Diff(x.Resolutions, w) != "" {
			t.Errorf("minute %s's resolutions = %q; want %q", x.Number, x.Resolutions, w)
		}
		if x.Number != "4" && !strings.Contains(x.Narrative, "resolved ") {
			t.Errorf("minute %s's narrative lost the sentence: %q", x.Number, x.Narrative)
		}
	}
}

// TestResolvedPassiveInLowerCase: "resolved" in lower case starting a
// line after one that ends "was", "had been", "could be" … is the matter
// being resolved, whatever follows it ("to …", "that morning", a comma, a
// colon), and stays in the narrative; "It was" over "resolved that …" is
// the committee's resolution.
func TestResolvedPassiveInLowerCase(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       []string
	}{
		{"to", "Members noted that the complaint had been\nresolved to the satisfaction of residents.", nil},
		{"that morning", "The Clerk reported that the dispute was\nresolved that morning.", nil},
		{"a comma", "The Clerk reported that the dispute was\nresolved, with thanks to officers.", nil},
		{"a colon", "Councillor Brown asked whether the matter could be\nresolved: the Clerk said it could.", nil},
		{"a dash", "Members noted that the complaint had been\nresolved - the Clerk will write to residents.", nil},
		{"brackets", "The Clerk reported that the matter would be\nresolved (see minute 5).", nil},
		{"it was", "After discussion it was\nresolved that the budget be approved.", []string{"That the budget be approved."}},
		{"and", "The Committee considered the report and\nresolved that the budget be approved.", []string{"That the budget be approved."}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, err := ParseMinutes("MINUTES OF THE FINANCE COMMITTEE held on 5 March 2026\n\nPresent: Cllr A Smith, Cllr B Jones\n\n1. APOLOGIES\nNone.\n\n" +
				"2. BUDGET\n" + tc.text + "\n\n3. FEES\nRESOLVED: That the fees be frozen.\n")
			if err != nil {
				t.Fatal(err)
			}
			got, want := m.Minutes[1], tc.want
			if want == nil {
				want = []string{}
			}
			if diff := cmp.Diff(got.Resolutions, want); diff != "" {
				t.Errorf("resolutions (-got +want):\n%s", diff)
			}
			if tc.want == nil && got.Narrative != strings.ReplaceAll(tc.text, "\n", " ") {
				t.Errorf("narrative = %q, want the sentence as printed", got.Narrative)
			}
		})
	}
}

// TestNarrativeLeavesTheAndBeforeResolved: "… seconded by Cllr Hollis and"
// over "RESOLVED that …" leaves the narrative at "seconded by Cllr
// Hollis", as "… and RESOLVED that …" on one line does.
func TestNarrativeLeavesTheAndBeforeResolved(t *testing.T) {
	m, err := ParseMinutes("MINUTES OF THE FINANCE COMMITTEE held on 5 March 2026\n\nPresent: Cllr A Smith, Cllr B Jones\n\n1. APOLOGIES\nNone.\n\n" +
		"2. BUDGET\nFollowing discussion it was proposed by Cllr Begum, seconded by Cllr Hollis and\nRESOLVED: That the budget be approved.\n\n3. BRAND\nThe Committee considered the brand\nRESOLVED: That it be adopted.\n")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"2": "Following discussion it was proposed by Cllr Begum, seconded by Cllr Hollis", "3": "The Committee considered the brand"}
	for _, x := range m.Minutes {
		if w, ok := want[x.Number]; ok && x.Narrative != w {
			t.Errorf("minute %s's narrative = %q; want %q", x.Number, x.Narrative, w)
		}
	}
}

// The chair's signature line printed at the foot of every page ("Chairman
// ……… Date ………") is page furniture until the last page: the minutes
// after the first page's foot were dropped without a warning.
func TestSignatureFooterOnEveryPage(t *testing.T) {
	m, err := ParseMinutes(readTestdata(t, "testdata/minutes-district-signature-footer.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, it := range m.Minutes {
		got = append(got, it.Number+" "+it.Title+": "+strings.Join(it.Resolutions, " / "))
	}
	want := []string{
		"23 DECLARATIONS OF INTEREST: ",
		"24 MINUTES: That the minutes of the meeting held on 3rd February 2026 be approved as a correct record and signed by the Chair.",
		"25 BUDGET MONITORING QUARTER 3: (1) that the report be noted; and (2) that the Cabinet be asked to review the temporary accommodation budget.",
		"26 LEISURE CENTRE CONTRACT: To Council that the leisure centre contract be extended to 31 March 2028.",
		"27 WORK PROGRAMME: The report.",
		"28 CORPORATE PLAN UPDATE: That the Corporate Plan update be endorsed.",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("minutes (-want +got):\n%s", diff)
	}
	if n := m.Minutes[2].Narrative; strings.Contains(n, "Chairman") || strings.Contains(n, "Page 1") {
		t.Errorf("minute 25's narrative holds the page's foot: %q", n)
	}
}

// A page's number printed on the line under its running header is not a
// minute's number: "5" over "5. PLANNING DECISIONS" made a minute 5 with
// no title, and "8" in the middle of minute 6 a minute 8 that swallowed
// minute 7.
func TestPageNumberUnderRunningHeader(t *testing.T) {
	m, err := ParseMinutes(readTestdata(t, "testdata/minutes-town-page-number-under-header.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, it := range m.Minutes {
		got = append(got, it.Number+" "+it.Title)
	}
	want := []string{"1 TO RECEIVE APOLOGIES FOR ABSENCE", "2 DECLARATIONS OF INTEREST", "3 TO APPROVE THE MINUTES OF THE MEETING HELD ON 2ND FEBRUARY 2026",
		"4 PLANNING APPLICATIONS", "5 PLANNING DECISIONS", "6 CORRESPONDENCE", "7 DATE OF NEXT MEETING"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("minutes (-want +got):\n%s", diff)
	}
	if len(m.Warnings) != 0 {
		t.Errorf("warnings: %q", m.Warnings)
	}
}

// A page's number alone on its line with no running header beside it:
// "9" over "5. PLANNING DECISIONS" made a minute 9 that swallowed minutes
// 5 to 7, and "6" over "The meeting closed …" ended minute 7's words.
func TestPageNumberOverNextMinute(t *testing.T) {
	m, err := ParseMinutes(readTestdata(t, "testdata/minutes-town-page-number-alone.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, it := range m.Minutes {
		got = append(got, it.Number+" "+it.Title+": "+it.Narrative)
	}
	want := []string{"1 TO RECEIVE APOLOGIES FOR ABSENCE: Apologies were received and accepted from Cllr I Jones (work commitments).",
		"2 DECLARATIONS OF INTEREST: None.",
		"3 TO APPROVE THE MINUTES OF THE MEETING HELD ON 2ND FEBRUARY 2026: ",
		"4 PLANNING APPLICATIONS: 26/00112/HOU – 14 Mill Road – single storey rear extension\n\n26/00130/FUL – Land rear of 3 Church Lane – erection of 2 dwellings",
		"5 PLANNING DECISIONS: ",
		"6 CORRESPONDENCE: The Clerk reported a letter from the Highways Authority regarding the 7.5 tonne weight limit on Station Road.",
		"7 DATE OF NEXT MEETING: Monday 6th April 2026 at 7pm."}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("minutes (-want +got):\n%s", diff)
	}
}

// "NOTED." alone under a title in capitals is what the committee did, not
// the title's last word: "WORK PROGRAMME NOTED." was recorded as the
// minute's title.
func TestNotedAloneUnderCapitalTitle(t *testing.T) {
	m, err := ParseMinutes(readTestdata(t, "testdata/minutes-audit-committee-noted-alone.txt"))
	if err != nil {
		t.Fatal(err)
	}
	last := m.Minutes[len(m.Minutes)-1]
	if last.Number != "5" || last.Title != "WORK PROGRAMME" || last.Narrative != "NOTED." {
		t.Errorf("minute %s: title %q, narrative %q; want minute 5, WORK PROGRAMME, NOTED.", last.Number, last.Title, last.Narrative)
	}
}

// A declaration made "in application 25/01234/FUL", as planning
// committees print it, is filed under the minute whose title names that
// application, not left under no minute with the reference as its nature.
func TestDeclarationInPlanningApplication(t *testing.T) {
	m, err := ParseMinutes(readTestdata(t, "testdata/minutes-planning-application-declarations.txt"))
	if err != nil {
		t.Fatal(err)
	}
	want := Declaration{Name: "Councillor Gill", Item: "54/25", Kind: "personal", Nature: "a ward member"}
	for _, d := range m.Declarations {
		if d.Name == want.Name {
			if diff := cmp.Diff(want, d); diff != "" {
				t.Errorf("declaration (-want +got):\n%s", diff)
			}
			return
		}
	}
	t.Errorf("no declaration by %s in %+v", want.Name, m.Declarations)
}

// A page pasted without its line breaks: "Apologies for absence were
// received from Councillors Eileen Foster and Graham Ng." ran on from the
// list of those present, and both were recorded as present.
func TestOneLinePageApologiesSentence(t *testing.T) {
	m, err := ParseMinutes(readTestdata(t, "testdata/minutes-district-one-line-page.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range m.Present {
		if strings.Contains(p, "Foster") || strings.Contains(p, "Ng") {
			t.Errorf("present: %q", p)
		}
	}
	var absent []string
	for _, a := range m.Apologies {
		absent = append(absent, a.Name)
	}
	if diff := cmp.Diff([]string{"Councillor Eileen Foster", "Councillor Graham Ng"}, absent); diff != "" {
		t.Errorf("apologies (-want +got):\n%s", diff)
	}
}

// A page pasted without its line breaks keeps each minute's words its
// own: the number ending a heading ("QUARTER 3") stays in it, "RECOMMENDED
// to Council that …" after a heading in capitals is the recommendation,
// not the heading's last word, and the page's foot ("Page 2 Chairman …
// Date …"), the running header after it and "The meeting ended …" are in
// no minute's words.
func TestOneLinePageMinutes(t *testing.T) {
	m, err := ParseMinutes(readTestdata(t, "testdata/minutes-district-one-line-page.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, it := range m.Minutes {
		got = append(got, it.Number+" "+it.Title+" | "+it.Narrative+" | "+strings.Join(it.Resolutions, " / "))
	}
	want := []string{
		"23 DECLARATIONS OF INTEREST | Councillor O'Brien declared a personal interest in Minute 25 as a member of Thornbury Leisure Trust. | ",
		"24 MINUTES |  | That the minutes of the meeting held on 3rd February 2026 be approved as a correct record and signed by the Chair.",
		"25 BUDGET MONITORING QUARTER 3 | The Head of Finance presented the report on the forecast outturn for 2025/26. Members asked about the overspend on temporary accommodation. | (1) that the report be noted; and (2) that the Cabinet be asked to review the temporary accommodation budget.",
		"26 LEISURE CENTRE CONTRACT |  | To Council that the leisure centre contract be extended to 31 March 2028.",
		"27 WORK PROGRAMME |  | The report.",
		"28 CORPORATE PLAN UPDATE |  | That the Corporate Plan update be endorsed.",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("minutes (-want +got):\n%s", diff)
	}
}

// A page pasted without its line breaks runs the council's name and the
// sentence naming the committee together on one line; the committee is
// read from it as from the two lines printed apart.
func TestOneLinePageHeadingCommittee(t *testing.T) {
	page := readTestdata(t, "testdata/minutes-district-one-line-page.txt")
	for _, tc := range []struct{ heading, want string }{
		{"", "Overview and Scrutiny Committee"},
		{"GLENMORAY COUNCIL MINUTES of the meeting of the Planning Committee held on Tuesday, 3rd March, 2026", "Planning Committee"},
	} {
		text := page
		if tc.heading != "" {
			_, rest, _ := strings.Cut(page, " at 6.30 pm")
			text = tc.heading + " at 6.30 pm" + rest
		}
		m, err := ParseMinutes(text)
		if err != nil {
			t.Fatal(err)
		}
		if m.Meeting.Committee != tc.want || m.Meeting.Date != "2026-03-03" {
			t.Errorf("%.60q: committee %q on %s, want %q on 2026-03-03", text, m.Meeting.Committee, m.Meeting.Date, tc.want)
		}
	}
}

// A time written with "hrs" ("18.30hrs"), as many town councils print it,
// is the meeting's time, and the venue after it is read: both were lost.
func TestHeadingTimeInHours(t *testing.T) {
	m, err := ParseMinutes(readTestdata(t, "testdata/minutes-finance-committee-hours-venue.txt"))
	if err != nil {
		t.Fatal(err)
	}
	want := Meeting{Committee: "Finance Committee", Date: "2026-03-03", Time: "18:30", Venue: "Guildhall, Market Place, Keston"}
	if diff := cmp.Diff(want, m.Meeting); diff != "" {
		t.Errorf("meeting (-want +got):\n%s", diff)
	}
}

// The venue printed after a time in brackets, after noon, or after the
// date where the time comes first was not read.
func TestHeadingVenueAfterTimeForms(t *testing.T) {
	for heading, wantTime := range map[string]string{
		"held on Tuesday, 3 March 2026 (7pm) in the Guildhall":        "19:00",
		"held on Tuesday 3 March 2026 at 12 noon in the Guildhall":    "12:00",
		"held at 7.30pm on Tuesday 3rd March 2026 in the Guildhall":   "19:30",
		"held on 3 March 2026 at 1830 hours in the Guildhall":         "18:30",
		"held on Tuesday 3rd March 2026 at 18.30hrs in the Guildhall": "18:30",
	} {
		m, err := ParseMinutes("MINUTES of the meeting of the Finance Committee " + heading + "\n\nPresent: Councillor A Brown (Chair), Councillor B Green\n\n1. APOLOGIES\nNone.\n\n2. BUDGET\nRESOLVED: That the budget be approved.\n")
		if err != nil {
			t.Fatal(err)
		}
		if m.Meeting.Time != wantTime || m.Meeting.Venue != "Guildhall" {
			t.Errorf("%q: time %q, venue %q; want %s, Guildhall", heading, m.Meeting.Time, m.Meeting.Venue, wantTime)
		}
	}
}

// The chair's signature line printed at the foot of every page is page
// furniture even where the next page starts with a minute the numbering
// skips to (26 was taken in private and printed apart): it is printed
// again on a later page.
func TestSignatureFooterBeforeSkippedNumber(t *testing.T) {
	m, err := ParseMinutes(readTestdata(t, "testdata/minutes-district-signature-footer-gap.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, it := range m.Minutes {
		got = append(got, it.Number)
	}
	if diff := cmp.Diff([]string{"23", "24", "25", "27", "28", "29"}, got); diff != "" {
		t.Errorf("minutes (-want +got):\n%s", diff)
	}
}

// A substitute named in the apologies attended in the absent member's
// place: they are among those present, once, as the minutes say.
func TestSubstituteInApologiesIsPresent(t *testing.T) {
	b, err := os.ReadFile("testdata/minutes-parish-substitute-in-apologies.txt")
	if err != nil {
		t.Fatal(err)
	}
	m, err := ParseMinutes(string(b))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Councillor A Smith (Chair)", "Councillor B Jones", "Councillor D Green", "Councillor C White", "Councillor G Lane"}
	if diff := cmp.Diff(want, m.Present); diff != "" {
		t.Errorf("present (-want +got):\n%s", diff)
	}
	want = []string{"Councillor E Brown", "Councillor F Hill"}
	var got []string
	for _, a := range m.Apologies {
		got = append(got, a.Name)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("apologies (-want +got):\n%s", diff)
	}
}

// A name with a personal title in a list after "Councillors" is a
// councillor's, as the first is, and so are the names after it; a list
// after a semicolon, or a co-opted member or an officer in brackets, is
// not.
func TestTitledNamesAfterCouncillors(t *testing.T) {
	b, err := os.ReadFile("testdata/minutes-parish-titled-councillors.txt")
	if err != nil {
		t.Fatal(err)
	}
	m, err := ParseMinutes(string(b))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Councillor Mrs A Smith", "Councillor Dr K Patel", "Councillor Mr P Lee", "Councillor B Jones",
		"Mr T Webb (Co-opted Member)", "Miss R Day (Clerk)"}
	if diff := cmp.Diff(want, m.Present); diff != "" {
		t.Errorf("present (-want +got):\n%s", diff)
	}
	want = []string{"Councillor Ms E Brown", "Councillor Miss G Lane", "Councillor H Marsh"}
	var got []string
	for _, a := range m.Apologies {
		got = append(got, a.Name)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("apologies (-want +got):\n%s", diff)
	}
}

// TestParseMinutesWithCombiningAccents: minutes made on a Mac may spell
// "é" as "e" and a combining accent; they are read as Slack's typing is
// kept (NFC), so that the names and titles in them are the ones members
// type.
func TestParseMinutesWithCombiningAccents(t *testing.T) {
	m, err := ParseMinutes("Minutes of the Board\nPresent: Councillor Sia\u0302n Jones\n\n24. CAFE\u0301 IN THE PARK\nRESOLVED that the cafe\u0301 be supported.\n")
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Minutes) != 1 || m.Minutes[0].Title != "CAFÉ IN THE PARK" {
		t.Errorf("minutes: %+v, want one titled \"CAFÉ IN THE PARK\" as precomposed", m.Minutes)
	}
	if len(m.Present) != 1 || !strings.Contains(m.Present[0], "Siân Jones") {
		t.Errorf("present: %q, want Siân Jones as precomposed", m.Present)
	}
}

// TestInAttendanceAndClosing: the officers listed under "In attendance:"
// are not among those present, and the line saying when the meeting
// closed is kept as printed. Read as before, those in attendance are
// among those present, as minutes imported before were read.
func TestInAttendanceAndClosing(t *testing.T) {
	m, err := ParseMinutes(readTestdata(t, "testdata/minutes-partnership-in-attendance.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(m.Present, []string{"Councillor M O'Neill (Chair)", "Councillor T Byrne"}); diff != "" {
		t.Errorf("present (-got +want):\n%s", diff)
	}
	officers := []string{"Ms A Kerr (Community Safety Manager)", "Mr J Lee (Democratic Services Officer)"}
	if diff := cmp.Diff(m.InAttendance, officers); diff != "" {
		t.Errorf("in attendance (-got +want):\n%s", diff)
	}
	if m.Closed != "The meeting closed at 3.25 pm." {
		t.Errorf("closed %q, want the line as printed", m.Closed)
	}
	before := m.AsReadBefore()
	if diff := cmp.Diff(before.Present, attendance(m)); diff != "" || before.InAttendance != nil || before.Closed != "" {
		t.Errorf("as read before: present (-got +want):\n%s\nin attendance %q, closed %q", diff, before.InAttendance, before.Closed)
	}
}
