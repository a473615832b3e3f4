package minutes

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"
)

var nastySeeds = []string{
	"X\n10 December 2026\n1. Apologies\n2. Minutes\n9. New item — Sue Holden\n99. Z\n100. Y",
	"AGENDA\nSafer Sefton Together\n10 December 2026\n1. Apologies\n2. Date of Next Meeting\nCOMMITTEE\nOFFICER:\nTelephone:\n\nIan Barton\n0151 934 2068\n3. New item — Sue Holden",
	"AGENDA\n1. A\nContact: Jo Bloggs\n2. B — Jo Bloggs (X)\nContact: Al Smith\n3. C – Al Smith, Jo Bloggs\n—\n4. —Jo Bloggs",
	"",
	"\x00\xff\xfe",
	"RESOLVED",
	"RESOLVED:\n(1)\n(2)\n(3)",
	"MINUTES\n1. A\nRESOLVED unanimously\nUnanimously RESOLVED:\nRESOLVED unanimously (by 5 votes to 2) that\nand unanimously RESOLVED (x",
	"GLENMORAY COUNCIL MINUTES of the meeting of held on 3 March 2026 COUNCIL COUNCIL MINUTES of the meeting of the COUNCIL Present: Cllr A " + strings.Repeat("1. A B ", 60),
	"Present: Cllr A\n\n1. MINUTES\nACTION: to\nACTION: X to do by 31 February\nAction - by December",
	"Present: Cllr A\n\n1. MINUTES\nMinute  Action  Owner  Due\n\n\n  x\n|Action|Owner|Due|\n|||\n|a|b|c|d|e|",
	"AGENDA\n7.1\n\n7.2\n\n",
	"AGENDA\n1.\n2.\n3.\n(a)\n(b)\nItem 4\n",
	"PRESENT:\n20.\n\n21.\n\n",
	"PRESENT:",
	"Agenda Item 3\nPRESENT:\n20.\nAPOLOGIES\nApologies from ((((",
	"MINUTES\n1. A\nCouncillor declared interest in item",
	"MINUTES\n1. DECLARATIONS\n declared a interest in item 1",
	"re-\n-\n-\n--\n",
	"**\n**1.**\n**",
	"Minute No. 5 of the meeting held on 31 February 2021",
	"9999999999. TITLE\nRESOLVED: That",
	"1/1/1 1.1.1 99/99/9999 12.00 pm 13 pm 00:99",
	"AGENDA\n1. Date of Next Meeting\n1 January 1900 31 December 2200 at 11.59pm",
	"MINUTES\n20.\n\n\n\n\n\n\n\nA.\n\nB.\n\n(1)\n\n",
	"Apologies:\nApologies:\nApologies: (",
	"COMMITTEE\nOFFICER:",
	"AGENDA\nMEMBERSHIP:\n,,,,and and and,",
	// The styles read since: section numbers and memberships by party,
	// DECISION and AGREED, Welsh headings, "Minute 12/24", decision notices.
	"AGENDA\nThursday, 7th March, 2024, at 10.00 am\nMembership (15)\nConservative (11): Mr N J D Chard (Chair), Mr R A Marsh\nLabour (2):        Mr B H Lewis and Ms M Dawkins\nGreen and          Mr S R Campkin\nIndependent (1):\nA - Committee Business\nA1        Introduction\nA2        Apologies and Substitutes\nB - Key Decisions\nB1        Budget\n",
	"AGENDA\nA1\nB2\nA1 A1\nb2.\nZ99 x\nA - \n",
	"MINUTES\nheld on Wednesday, 8 February 2023 at 7.00 pm\n47.\tMINUTES\nDECISION: That the minutes be approved.\n48.\tBUDGET\nAGREED: That the budget be noted.\nAGREED:\nDECISION:\n",
	"MINUTES OF THE MEETING HELD ON MONDAY 11 MARCH 2024 AT 7.00 PM\nYn bresennol / Present:\nCynghorwyr / Councillors: Elin Pryce (Maer / Mayor), Sioned Hughes\n24/31    YMDDIHEURIADAU / APOLOGIES\n         Apologies were received from Councillors Huw Jenkins and Catrin Lloyd.\n24/33    COFNODION / MINUTES\n         PENDERFYNWYD: Cymeradwyo.\n         RESOLVED: To approve.\n",
	// Lists of the absent: after those present, over names, empty,
	// saying none, in a sentence, excused.
	"MINUTES\nPresent: Cllr A, Cllr B\nAbsent:\nABSENT: Cllr C\n\nAbsent:\n\nNo member was absent\nAlso absent: Councillors and\nAbsent – (excused)\nABSENT\n1. A\nRESOLVED: That\n",
	// RESOLVED FURTHER and FURTHER RESOLVED as labels, with nothing
	// after them, a bracket, and run on.
	"MINUTES\n1. A\nRESOLVED FURTHER:\nRESOLVED FURTHER (unanimously): that\nFURTHER RESOLVED\n2. B\nResolved further that\nRESOLVED: FURTHER:\nFURTHER RESOLVED: To\nRESOLVED FURTHER –\n",
	// RECOMMENDED as a label; Welsh titles, apologies, times and
	// PENDERFYNWYD in a sentence.
	"MINUTES OF THE PROCEEDINGS OF THE MEETING OF THE X COMMITTEE\n1. A\nRECOMMENDED –\nRecommended:\n2. B\nProposed by Alderman A and\nRECOMMENDED – that\n",
	"COFNODION\nam 2.00 y.p. 12.00yb 13 y.p. 9 yr hwyr 1y 1 y\nYN BRESENNOL:\nY Cynghorydd, Cynghorwyr a a, Cyng. Cyng.\n1. YMDDIHEURIADAU\nDerbyniwyd ymddiheuriadau gan y a'r ac\nYmddiheuriadau:\n2. B\nPHENDERFYNWYD ac PENDERFYNWYD a PENDERFYNWYDD 2.1 PENDERFYNWYD:\n",
	"MINUTES of the meeting held on Tuesday 13 February 2024 at 7.00 pm\nMinute 12/24    APOLOGIES FOR ABSENCE\nMinute 13/24    DECLARATIONS OF INTEREST\n                Councillor Rahman declared an other registrable interest in Minute\n                17/24 as a trustee.\nMinute 13/24    AGAIN\n",
	// One interest in several items, in a sentence and in a table's rows.
	"MINUTES\n1. DECLARATIONS\nCllr A declared an interest in items 5 to 7 as x, Cllr Z in items 2 to 90 and 4.2 TO 4.9.\n",
	"MINUTES\n1. DECLARATIONS\nCllr A declared an interest in items 5 and 6 as x. Cllr B declared an interest in items 3, 4 and, 7 &\nCouncillor   Minute Number   Nature of Interest\nA B   5 and 6   x\nC D   5, 6,   y\nE   , and &   z\n",
	// Declarations in Welsh sentences, one after "and" without its verb,
	// who took the chair, and Welsh minutes with one item in English.
	"COFNODION\nYN BRESENNOL:\nY Cynghorydd A\n1. DATGAN BUDDIANT\nDatganodd y Cynghorwyr A a B fuddiant personol a rhagfarnol yn eitemau 4 a 5 fel x. Datganodd fuddiant. Datganodd Cyng. C fuddiant fel. Ni chafwyd unrhyw ddatganiadau o fuddiant. Dim.\nDatganodd y fuddiant yn eitem / Councillor A declared an interest in item 4.\n2. X\nRESOLVED: x\n3. Y\nPENDERFYNWYD: y\n4. Z\nPENDERFYNWYD: z\n",
	"Chair: Cllr A Moss\nPresent: Cllr B, Cllr C\nCouncillor C in the Chair\nIn the absence of the Chair, the Vice-Chair, presided.\n1. APOLOGIES\nIn the absence of , Councillor B (Vice-Chair) presided. Cllr D took the chair for item 7, and Cllr E an interest in item 6 as a, and Cllr F a interest in\n",
	// A date printed in Welsh, with a Welsh ordinal.
	"Cofnodion / Minutes\nDYDD IAU, 14EG TACHWEDD 2024\n31ain Chwefror 2025, 1af Mai 99, 5 Mawrth\nYn Bresennol / Present: E. Pritchard\n",
	// A Welsh council's resolutions in both languages.
	"MINUTES OF THE MEETING HELD ON MONDAY 11 MARCH 2024\n24/33    COFNODION / MINUTES\nRESOLVED:\n(a) to award\nPenderfynwyd:\n(a) rhoi\nPENDERFYNWYD / RESOLVED: Cy. / En.\nPENDERFYNWYD / RESOLVED:\n / \nRESOLVED: En. / PENDERFYNWYD: Cy.\nCytunwyd / Agreed: a. / b.\n24/34 X\nPENDERFYNWYD: Cy. / RESOLVED:\n",
	// NOTED as the outcome: in capitals anywhere, in lower case alone.
	"MINUTES\n1. ACTION LOG\nThe Board NOTED the action log. Actions 14 and 15 were\ncomplete.\nThe Board NOTED the plan for the\nyear and AGREED to\n2. APPEALS\nThe Committee noted the appeal decisions.\n3. X\nThe Board NOTED:\nThe Panel NOTED the report and RESOLVED\n4. Y\nNoted.\nThe Committee noted that.\n",
	// Action tables without a heading row, whose owner column is told by
	// what its cells read as; a parish's action cell beside the subject.
	"Present: Cllr A Brown\n\n1. MINUTES\nRESOLVED: That.\nActions\n\n| Review Funding Options | Sue Holden | 31/03/2025 |\n| Brown | Update Risk Register | June |\n|||\n| All Partners | x | Next meeting | Open |\n",
	"Present: Cllr A Brown\n\n1. MINUTES\nACTIONS ARISING\nSefton CVS        Circulate Partner Report    April 2025\nChief Executive   Provide Crime Figures       Ongoing\n                  and the trends\n\nActions\nA  B  C  D  E\nActions\n\n\n\nx  y  by 31 February\n",
	"1. MINUTES\n| Subject | Minute | Action |\n| Grants | 1 | Review Funding Options |\n| Y | 1 | All Partners |\n| Z | 1 | Brown |\n| Q | 1 | Budget |\n",
	"1. MINUTES\nActions\nClerk/Chairman  Grass Cutting Contract  March\n/&,  & /  Ongoing\n| Agreed action | Responsible | Date |\n",
	// Action logs whose "Item" column holds agenda items.
	"Present: Cllr A\n\nP061/24 1. APOLOGIES\nNone.\nSSP 2/24 RISK [Item 7.5]\nX (Agenda Item 3a)\n41. 7 Day Plan\n\n| Item | Action | Owner | Due |\n| 7.5 | a | b | c |\n| 1 | d | e | f |\n|  | g | h | i |\n| 9 | Review | Clerk | 1/1/25 |\n\n| Agenda Item | Action | Owner | Due |\n| 3a | j | k | l |\n",
	// Owners printed by surname, with a rank or an initial, and one two
	// of the committee's people share (see fuzzPeople).
	"Present: Neil Frackelton, Inspector Mark Holden\n\n1. MINUTES\nACTION: Cllr Frackelton to write by 3 May.\nRESOLVED: That.\nActions\n\n| Action | Owner | Due |\n| Review | Frackelton | 31/01/2027 |\n| Share | Insp. Holden | Next meeting |\n| X | Cllr N. Robson | June |\n| Y | Robson | x |\n| Z | . | 1/1/27 |\n| W | Ch. Insp. . | 1/1/27 |\n",
	// The agenda's number above the minute's, alone or with the title.
	"MINUTES\nPresent: A\n7.\n28. YOUTH\n\nItem 8\n\n\nMinute 29 – X\n1. A;\n01/23\n2. B\n02/23\n9a)\n30. Z\n3.\n3. Y\n| Item | Action | Owner | Due |\n| 7 | a | b | 1/1/22 |\n| 1 | c | d | 1/1/22 |\n",
	// A minute's own number above its paragraphs, numbered within it.
	"MINUTES\nPresent: A\n6.\n6.1 Apologies from B.\n\n7.\n7.1 The C received a report.\n7.2 RESOLVED: That it be noted.\n\nItem 8\n8.1 RESOLVED: D.\n",
	"DECISION NOTICE\nMeeting:        Board\nDate:           Friday 26 January 2024\nTime:           10.30 am\nApologies:\nCouncillor Derek Fallon, substituted by Councillor Amy Coles\nItem 6        Minutes\n              Decision:\n              The minutes were agreed.\nItem 6        Again\n",
}

// fuzzPeople are the committee's people FuzzParseMinutes reads the
// minutes knowing: two share a surname.
var fuzzPeople = []string{"Neil Frackelton", "Ian Holden", "Graeme Robson", "Paula Robson"}

var (
	isoDateRe  = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	isoStampRe = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$`)
	clockRe    = regexp.MustCompile(`^([01]\d|2[0-3]):[0-5]\d$`)
)

func addSeeds(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.txt")
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	for _, s := range nastySeeds {
		f.Add(s)
	}
}

func checkMeeting(t *testing.T, m Meeting) {
	t.Helper()
	if m.Date != "" {
		if !isoDateRe.MatchString(m.Date) {
			t.Errorf("date %q is not ISO", m.Date)
		} else if _, err := time.Parse("2006-01-02", m.Date); err != nil {
			t.Errorf("date %q: %v", m.Date, err)
		}
	}
	if m.Time != "" && !clockRe.MatchString(m.Time) {
		t.Errorf("time %q is not HH:MM", m.Time)
	}
	if m.Date != "" && m.NotADate != "" {
		t.Errorf("date %q and not a date %q both set", m.Date, m.NotADate)
	}
}

// timed fails the test if a parse takes unreasonably long; the inputs are
// small, so seconds mean a runaway loop.
func timed(t *testing.T, fn func()) {
	t.Helper()
	start := time.Now()
	fn()
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("parse took %v", d)
	}
}

func FuzzParseAgenda(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, text string) {
		var a *Agenda
		var err error
		timed(t, func() { a, err = ParseAgenda(text) })
		if err != nil {
			if !errors.Is(err, ErrNoAgenda) && !errors.Is(err, ErrTooLarge) {
				t.Fatalf("unexpected error %v", err)
			}
			if a != nil {
				t.Fatal("non-nil agenda with error")
			}
			return
		}
		if a.Items == nil || a.NextMeetings == nil || a.Warnings == nil {
			t.Fatalf("nil slice in %+v", a)
		}
		checkMeeting(t, a.Meeting)
		for _, it := range a.Items {
			if it.Number == "" || strings.ContainsFunc(it.Number, unicode.IsSpace) {
				t.Errorf("item with an empty number or one with spaces: %+v", it)
			}
			// An organisation is the item's only when the presenters share
			// it; otherwise each keeps their own in Presenter.
			if it.Organisation != "" && strings.Contains(it.Presenter, "(") {
				t.Errorf("item %s: organisation %q and bracketed presenters %q", it.Number, it.Organisation, it.Presenter)
			}
		}
		// A membership listed by party is a list of people, one a line.
		for _, m := range a.Membership {
			if m == "" || m != strings.TrimSpace(m) || strings.Contains(m, "\n") {
				t.Errorf("member %q", m)
			}
		}
		for _, nm := range a.NextMeetings {
			if !isoStampRe.MatchString(nm) {
				t.Errorf("next meeting %q is not ISO", nm)
			}
		}
		b, err := json.Marshal(a)
		if err != nil || !utf8.Valid(b) {
			t.Fatalf("json: %v", err)
		}
	})
}

// alnum is s folded to lower case, its letters and digits alone.
func alnum(s string) string {
	return strings.ToLower(strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return -1
	}, s))
}

func FuzzParseMinutes(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, text string) {
		printed := alnum(text)
		var m *Minutes
		var err error
		timed(t, func() { m, err = ParseMinutes(text) })
		if err != nil {
			if !errors.Is(err, ErrNoMinutes) && !errors.Is(err, ErrTooLarge) {
				t.Fatalf("unexpected error %v", err)
			}
			if m != nil {
				t.Fatal("non-nil minutes with error")
			}
			return
		}
		if m.Present == nil || m.Apologies == nil || m.Declarations == nil || m.Minutes == nil || m.Warnings == nil {
			t.Fatalf("nil slice in %+v", m)
		}
		checkMeeting(t, m.Meeting)
		for _, mn := range m.Minutes {
			if mn.Number == "" {
				t.Errorf("minute with empty number: %+v", mn)
			}
			if mn.Resolutions == nil || mn.References == nil {
				t.Errorf("minute %s: nil resolutions or references", mn.Number)
			}
			if len(mn.Parts) != 0 && len(mn.Parts) != len(mn.Resolutions) {
				t.Errorf("minute %s: %d part lists for %d resolutions", mn.Number, len(mn.Parts), len(mn.Resolutions))
			}
			// What each resolution was recorded as (DECISION, AGREED, NOTED) is
			// said of each, or of none.
			if len(mn.RecordedAs) != 0 && len(mn.RecordedAs) != len(mn.Resolutions) {
				t.Errorf("minute %s: %d words recorded for %d resolutions", mn.Number, len(mn.RecordedAs), len(mn.Resolutions))
			}
			for _, w := range mn.RecordedAs {
				if w != "RESOLVED" && w != "DECISION" && w != "AGREED" && w != "NOTED" && w != "RECOMMENDED" && w != "RESOLVED FURTHER" && w != "FURTHER RESOLVED" {
					t.Errorf("minute %s: recorded as %q", mn.Number, w)
				}
			}
			// What follows the resolutions is the end of the narrative.
			if !strings.HasSuffix(mn.Narrative, mn.After) {
				t.Errorf("minute %s: narrative %q does not end with what follows its resolutions, %q", mn.Number, mn.Narrative, mn.After)
			}
			// What is printed between them comes before it, one for
			// each resolution but the last.
			if mn.Between != nil && (len(mn.Between) != len(mn.Resolutions)-1 || !betweenInOrder(mn.Narrative, mn.After, mn.Between)) {
				t.Errorf("minute %s: narrative %q, %d resolutions, and between them %q", mn.Number, mn.Narrative, len(mn.Resolutions), mn.Between)
			}
			if mn.Number != strings.TrimSpace(mn.Number) || strings.Contains(mn.Number, "\n") {
				t.Errorf("minute number %q", mn.Number)
			}
			for _, r := range mn.Resolutions {
				if r == "" {
					t.Errorf("minute %s: empty resolution", mn.Number)
				}
			}
		}
		for _, d := range m.Declarations {
			switch d.Kind {
			case "pecuniary", "personal", "other":
			default:
				t.Errorf("declaration kind %q", d.Kind)
			}
		}
		// An action is under a minute, or an agenda item whose minute
		// cannot be known, said in a warning, and says what is to be
		// done; its due date is a day.
		for _, a := range m.Actions {
			if a.Text == "" || (a.Minute == "") == (a.Item == "") {
				t.Errorf("action without text, or not under one minute or item: %+v", a)
			}
			if a.Item != "" && !slices.ContainsFunc(m.Warnings, func(w string) bool { return strings.Contains(w, "action under agenda item "+a.Item+",") }) {
				t.Errorf("action under agenda item %q without a warning: %+v", a.Item, a)
			}
			if a.Due != "" && !isoDateRe.MatchString(a.Due) {
				t.Errorf("action due %q is not ISO", a.Due)
			}
			if a.Due != "" && a.DuePrinted != "" {
				t.Errorf("action with a due day and a due printed: %+v", a)
			}
			// Under a minute the minutes have, or one an action table
			// names (an action carried from an earlier meeting), said in
			// a warning; and in words the minutes print.
			if a.Minute != "" && !slices.ContainsFunc(m.Minutes, func(mn Minute) bool { return mn.Number == a.Minute }) &&
				!slices.ContainsFunc(m.Warnings, func(w string) bool { return strings.Contains(w, "action under minute "+a.Minute+",") }) {
				t.Errorf("action under minute %q, which the minutes do not have, without a warning: %+v", a.Minute, a)
			}
			// The reader drops control characters and markup and joins
			// words broken at a line's end, so a word is looked for by its
			// letters and digits alone.
			for _, part := range []string{a.Text, a.Owner, a.DuePrinted, a.Status} {
				for _, w := range strings.Fields(part) {
					if !strings.Contains(printed, alnum(w)) {
						t.Errorf("action %+v: %q is not in the minutes", a, w)
					}
				}
			}
		}
		if m.NoDeclarations && len(m.Declarations) > 0 {
			t.Error("NoDeclarations with declarations")
		}
		// Knowing the committee's people, an owner is still printed in
		// the minutes, or is one of those people, named as given.
		withPeople, err := ParseMinutesWith(text, Options{People: fuzzPeople})
		if err != nil {
			t.Fatalf("with people: %v", err)
		}
		for _, a := range withPeople.Actions {
			if slices.Contains(fuzzPeople, a.Owner) {
				continue
			}
			for _, w := range strings.Fields(a.Owner) {
				if !strings.Contains(printed, alnum(w)) {
					t.Errorf("action %+v: owner %q is neither in the minutes nor one of %q", a, w, fuzzPeople)
				}
			}
		}
		b, err := json.Marshal(m)
		if err != nil || !utf8.Valid(b) {
			t.Fatalf("json: %v", err)
		}
	})
}
