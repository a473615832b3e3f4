package commands

import (
	"bufio"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestParseInterest(t *testing.T) {
	for _, tc := range []struct {
		text    string
		want    interestArgs
		wantErr string
	}{
		{text: "other Trustee of SWACA", want: interestArgs{Category: CategoryOther, Description: "Trustee of SWACA"}},
		{text: "sensitive land Home at 4 Marine Drive", want: interestArgs{Sensitive: true, Category: CategoryLand, Description: "Home at 4 Marine Drive"}},
		{text: "Employment Employed by Sefton CVS for spouse", want: interestArgs{Category: CategoryEmployment, Description: "Employed by Sefton CVS", Spouse: true}},
		{text: "shares BP plc for civil partner", want: interestArgs{Category: CategorySecurities, Description: "BP plc", Spouse: true}},
		{text: "<@U1|sue> licence: Crown Inn", want: interestArgs{For: "U1", Category: CategoryLicences, Description: "Crown Inn"}},
		{text: "tenancy Smith &amp; Sons", want: interestArgs{Category: CategoryTenancies, Description: "Smith & Sons"}},
		{text: "hobbies Fishing", wantErr: `"hobbies" is not a category of the register`},
		{text: "gift Dinner", wantErr: "use `/interests gift DATE VALUE DESCRIPTION`"},
		{text: "land", wantErr: "say what the interest is"},
		{text: "", wantErr: "say which kind of interest"},
		{text: "land " + strings.Repeat("x", MaxInterestLen+1), wantErr: "too long"},
	} {
		got, err := parseInterest(strings.Fields(tc.text))
		switch {
		case tc.wantErr != "":
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("parseInterest(%q) = %+v, %v; want error with %q", tc.text, got, err, tc.wantErr)
			}
		case err != nil:
			t.Errorf("parseInterest(%q): %v", tc.text, err)
		default:
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("parseInterest(%q) (-want +got):\n%s", tc.text, diff)
			}
		}
	}
}

func TestParseGift(t *testing.T) {
	london, _ := time.LoadLocation("Europe/London")
	now := time.Date(2026, 11, 23, 12, 0, 0, 0, london)
	nov3 := Date{2026, time.November, 3}
	for _, tc := range []struct {
		text    string
		want    giftArgs
		wantErr string
	}{
		{text: "2026-11-03 £75 Dinner from Sefton CVS", want: giftArgs{On: nov3, Pence: 7500, Description: "Dinner from Sefton CVS", From: "Sefton CVS"}},
		{text: "2026-11-03 75 Dinner", want: giftArgs{On: nov3, Pence: 7500, Description: "Dinner"}},
		{text: "2026-11-03 £75.00 Dinner", want: giftArgs{On: nov3, Pence: 7500, Description: "Dinner"}},
		{text: "2026-11-03 75 GBP Dinner", want: giftArgs{On: nov3, Pence: 7500, Description: "Dinner"}},
		{text: "2026-11-03 75.5 Tickets from Everton FC", want: giftArgs{On: nov3, Pence: 7550, Description: "Tickets from Everton FC", From: "Everton FC"}},
		{text: "3 November £1,200 Flights", want: giftArgs{On: nov3, Pence: 120000, Description: "Flights"}},
		{text: "<@U1> today £60 Lunch", want: giftArgs{For: "U1", On: Date{2026, time.November, 23}, Pence: 6000, Description: "Lunch"}},
		{text: "2026-11-24 £75 Dinner", wantErr: "still to come"},
		// A gift has been received: a day without its year is the most
		// recent, and "yesterday" a day.
		{text: "14 January £60 Lunch", want: giftArgs{On: Date{2026, time.January, 14}, Pence: 6000, Description: "Lunch"}},
		{text: "14/01 £60 Lunch", want: giftArgs{On: Date{2026, time.January, 14}, Pence: 6000, Description: "Lunch"}},
		{text: "23 November £60 Lunch", want: giftArgs{On: Date{2026, time.November, 23}, Pence: 6000, Description: "Lunch"}},
		{text: "yesterday £60 Lunch", want: giftArgs{On: Date{2026, time.November, 22}, Pence: 6000, Description: "Lunch"}},
		{text: "next Thursday £60 Lunch", wantErr: "`next Thursday` may mean more than one day: give its date, e.g. `19 November`"},
		{text: "next week £60 Lunch", wantErr: "`next week` is not a date, and a gift is registered once received: give the day it was received, e.g. `16 November`"},
		// A day a little ahead is a slip or a gift not yet received, not one
		// received a year ago.
		{text: "24 November £60 Lunch", wantErr: "still to come"},
		{text: "Monday 14 January £60 Lunch", wantErr: "`Monday 14 January` names two days: the last 14 January is a Wednesday, not a Monday"},
		{text: "1990-01-01 £60 Dinner", wantErr: "Monday 1 January 1990 is more than a year ago: check the year. Nothing was added. If the gift was received that day, send the same line again with `confirm` at the end"},
		{text: "2025-11-22 £60 Dinner", wantErr: "more than a year ago"},
		{text: "1990-01-01 £60 Dinner confirm", want: giftArgs{On: Date{1990, time.January, 1}, Pence: 6000, Description: "Dinner"}},
		{text: "2025-11-23 £60 Dinner", want: giftArgs{On: Date{2025, time.November, 23}, Pence: 6000, Description: "Dinner"}},
		{text: "2026-11-03 £60 Please confirm", want: giftArgs{On: nov3, Pence: 6000, Description: "Please confirm"}},
		{text: "2026-11-03 Dinner", wantErr: `"Dinner" is not a value`},
		{text: "2026-11-03 $75 Dinner", wantErr: "in pounds"},
		{text: "2026-11-03 75 USD Dinner", wantErr: "in pounds"},
		{text: "2026-11-03 €75 Dinner", wantErr: "in pounds"},
		{text: "2026-11-03 £75", wantErr: "say what it was"},
		{text: "£75 Dinner", wantErr: "start with the day"},
		{text: "next £75 Dinner", wantErr: "start with the day"},
	} {
		got, err := parseGift(strings.Fields(tc.text), now, london)
		switch {
		case tc.wantErr != "":
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("parseGift(%q) = %+v, %v; want error with %q", tc.text, got, err, tc.wantErr)
			}
		case err != nil:
			t.Errorf("parseGift(%q): %v", tc.text, err)
		default:
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("parseGift(%q) (-want +got):\n%s", tc.text, diff)
			}
		}
	}
}

func TestMatchInterest(t *testing.T) {
	for _, tc := range []struct {
		entry string
		item  ItemText
		want  InterestMatch
		ok    bool
	}{
		{"Trustee of SWACA", ItemText{Title: "SWACA", Organisation: "SWACA"}, InterestMatch{Words: []string{"swaca"}, Fields: []string{"title", "organisation"}}, true},
		// Case, punctuation, Ltd/Limited, &/and.
		{"Director of ACME BUILDERS LIMITED", ItemText{Title: "Acme Builders Ltd. — new depot"}, InterestMatch{Words: []string{"acme", "builders", "ltd"}, Fields: []string{"title"}}, true},
		{"Tenancy held by Smith & Sons", ItemText{Title: "Smith and Sons: lease"}, InterestMatch{Words: []string{"smith", "and", "sons"}, Fields: []string{"title"}}, true},
		{"Employed by Sefton CVS", ItemText{Presenter: "Sue Holden", Organisation: "Sefton C.V.S."}, InterestMatch{}, false},
		// An entry typed in lower case: two words together, or its one own word.
		{"trustee of swaca", ItemText{Title: "SWACA update"}, InterestMatch{Words: []string{"swaca"}, Fields: []string{"title"}}, true},
		{"shares in sefton cvs", ItemText{Title: "Sefton CVS"}, InterestMatch{Words: []string{"sefton", "cvs"}, Fields: []string{"title"}}, true},
		{"shares in sefton cvs", ItemText{Title: "Sefton Council"}, InterestMatch{}, false},
		// Punctuation ends a name.
		{"Deputy Head Teacher, Chesterfield High School", ItemText{Title: "Schools Sexual Abuse Report- Chesterfield High School"}, InterestMatch{Words: []string{"chesterfield", "high", "school"}, Fields: []string{"title"}}, true},
		{"Deputy Head Teacher, Chesterfield High School", ItemText{Title: "Head Teacher recruitment"}, InterestMatch{}, false},
		// Conservative: part of a name, a place alone, a role alone.
		{"Employed by Sefton CVS", ItemText{Title: "Sefton Council budget"}, InterestMatch{}, false},
		{"Member of Sefton Council", ItemText{Title: "Sefton CVS"}, InterestMatch{}, false},
		{"Trustee of a charity", ItemText{Title: "Trustee appointments"}, InterestMatch{}, false},
		{"Owner of Bootle Strand", ItemText{Title: "Bootle town hall"}, InterestMatch{}, false},
	} {
		got, ok := MatchInterest(tc.entry, tc.item)
		if ok != tc.ok || !cmp.Equal(got, tc.want, cmp.Comparer(func(a, b []string) bool { return strings.Join(a, ",") == strings.Join(b, ",") })) {
			t.Errorf("MatchInterest(%q, %+v) = %+v, %v; want %+v, %v", tc.entry, tc.item, got, ok, tc.want, tc.ok)
		}
	}
}

// TestMatchGiver: a gift's giver is a name from its first word: it
// prompts for an item of that name, not for one sharing only its last
// word.
func TestMatchGiver(t *testing.T) {
	for _, tc := range []struct {
		giver string
		item  ItemText
		words string // matched, comma-separated; empty for no match
	}{
		{"Acme Builders", ItemText{Title: "Acme Builders contract award"}, "acme,builders"},
		{"Acme Builders", ItemText{Title: "Bootle Builders Federation"}, ""},
		{"Sefton Council", ItemText{Title: "Sefton Council budget"}, "sefton,council"},
		{"Sefton CVS", ItemText{Title: "Sefton CVS", Organisation: "Sefton CVS"}, "sefton,cvs"},
		{"Sefton CVS", ItemText{Title: "Sefton Council budget"}, ""},
		{"the council", ItemText{Title: "Council tax"}, ""},
	} {
		got, ok := MatchGiver(tc.giver, tc.item)
		if words := strings.Join(got.Words, ","); ok != (tc.words != "") || words != tc.words {
			t.Errorf("MatchGiver(%q, %q) = %q, %v; want %q", tc.giver, tc.item.Title, words, ok, tc.words)
		}
	}
}

// TestInterestMatcherBenchmark measures the matcher against the
// hand-labelled pairs in testdata and prints its precision and recall.
func TestInterestMatcherBenchmark(t *testing.T) {
	f, err := os.Open("testdata/interest_matches.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var tp, fp, fn, n int
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		parts := strings.Split(line, "|")
		if len(parts) != 5 {
			t.Fatalf("bad line %q", line)
		}
		for i := range parts {
			parts[i] = strings.TrimSpace(parts[i])
		}
		n++
		want := parts[0] == "yes"
		m, got := MatchInterest(parts[1], ItemText{Title: parts[2], Presenter: parts[3], Organisation: parts[4]})
		switch {
		case got && want:
			tp++
		case got && !want:
			fp++
			t.Logf("false match: %q ~ %q by %v", parts[1], parts[2], m.Words)
		case !got && want:
			fn++
			t.Logf("missed: %q ~ %q", parts[1], parts[2])
		}
	}
	if n < 40 {
		t.Fatalf("%d labelled pairs, want at least 40", n)
	}
	precision := float64(tp) / float64(max(tp+fp, 1))
	recall := float64(tp) / float64(max(tp+fn, 1))
	t.Logf("interest matcher on %d labelled pairs: precision %.2f, recall %.2f (%d right, %d false, %d missed)", n, precision, recall, tp, fp, fn)
	if precision < 0.9 || recall < 0.8 {
		t.Errorf("precision %.2f (want ≥ 0.90), recall %.2f (want ≥ 0.80)", precision, recall)
	}
}

func FuzzParseInterest(f *testing.F) {
	for _, s := range []string{"other Trustee of SWACA", "sensitive land Home for spouse", "<@U1|x> shares BP", "gift x", "", "land (spouse)", "employment for",
		"Trustee of SWACA", "employmnet Teacher", "<@U1> sensitive lnad Home", "Trustee `x", "contarct", "other Trustee of <#C1|swaca> <mailto:a@b.org|a@b.org> <!here>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, err := parseInterest(strings.Fields(s))
		if err != nil {
			if strings.Count(err.Error(), "`")%2 != 0 {
				t.Fatalf("parseInterest(%q): an odd number of backquotes: %q", s, err)
			}
			// A command shown with the category put in or corrected
			// is one the register takes (or refuses for its length).
			if _, again, ok := strings.Cut(err.Error(), "`/interests add "); ok && !strings.Contains(again, "…") {
				again, _, _ = strings.Cut(again, "`")
				if _, err2 := parseInterest(strings.Fields(again)); err2 != nil && !strings.Contains(err2.Error(), "too long") && !strings.Contains(err2.Error(), "say what the interest is") {
					t.Fatalf("parseInterest(%q) suggests %q, which is refused: %v", s, again, err2)
				}
			}
			return
		}
		if _, ok := ParseCategory(string(a.Category)); !ok || a.Category == CategoryGifts {
			t.Fatalf("accepted category %q", a.Category)
		}
		if a.Description == "" || unnamedLen(a.Description) > MaxInterestLen {
			t.Fatalf("accepted description %q", a.Description)
		}
	})
}

func FuzzParseGift(f *testing.F) {
	for _, s := range []string{"2026-11-03 £75 Dinner from Sefton CVS", "today 75 GBP x", "3/11 £1,200.5 y", "2026-11-03 GBP 75 z", "x £ y", "2026-11-03 9999999.99 a",
		"Thursday £75 Dinner", "yesterday 75 x", "thu, £5 y", "Sun`day £5 z", "<@U1> Monday £75 w",
		"1-1-00 `", "2026-11-03 `$75` x", "2026-11-03 -`5 x", "2026-11-03 `75 EUR` y",
		"Dinner from Acme £60 on 1 November 2026", "£60 1/11/2026 Dinner", "1 November 2026 Dinner £60", "<@U1> Lunch worth £5 on 2026-11-01", "x valued at 5 GBP 1/1/2026", "` £5 1/1/2026 `", "2026-11-03 £75 Dinner from <mailto:a@b.org|a@b.org> <#C1|x> <!here>"} {
		f.Add(s, int64(1795000000))
	}
	f.Fuzz(func(t *testing.T, s string, n int64) {
		london, _ := time.LoadLocation("Europe/London")
		now := fuzzNow(n)
		g, err := parseGift(strings.Fields(s), now, london)
		if err != nil {
			// Whatever is quoted back, a code span stays whole: a
			// backquote typed never opens one.
			if strings.Count(err.Error(), "`")%2 != 0 {
				t.Fatalf("parseGift(%q): an odd number of backquotes: %q", s, err)
			}
			// A command shown with the day and value put first has
			// them there.
			if _, again, ok := strings.Cut(err.Error(), "`/interests gift "); ok && !strings.Contains(again, "…") && !strings.Contains(err.Error(), "e.g.") {
				again, _, _ = strings.Cut(again, "`")
				if _, err2 := parseGift(strings.Fields(again), now, london); err2 != nil && (strings.Contains(err2.Error(), "then the value") || strings.Contains(err2.Error(), "straight after")) {
					t.Fatalf("parseGift(%q) suggests %q, which is refused again: %v", s, again, err2)
				}
			}
			return
		}
		validDate(t, s, g.On)
		if dateBefore(DateOf(now, london), g.On) {
			t.Fatalf("accepted a gift on %v, after %v", g.On, now)
		}
		if g.Pence < 0 || g.Description == "" || unnamedLen(g.Description) > MaxInterestLen {
			t.Fatalf("accepted %+v", g)
		}
	})
}

func FuzzMatchInterest(f *testing.F) {
	f.Add("Trustee of SWACA", "SWACA", "Neil", "SWACA")
	f.Add("Smith &amp; Sons Ltd", "Smith and Sons Limited", "", "")
	f.Fuzz(func(t *testing.T, entry, title, presenter, org string) {
		m, ok := MatchInterest(entry, ItemText{Title: title, Presenter: presenter, Organisation: org})
		if ok != (len(m.Fields) > 0) || ok && len(m.Words) == 0 {
			t.Fatalf("MatchInterest(%q, %q) = %+v, %v", entry, title, m, ok)
		}
	})
}

func FuzzMatchGiver(f *testing.F) {
	f.Add("Acme Builders", "Acme Builders contract award", "", "")
	f.Add("the council", "Council tax", "Sue Holden", "Sefton Council")
	// The item names the company without its suffix: "co" is not a word
	// it holds.
	f.Add("F Co", "", "F", "")
	f.Add("Acme Builders Ltd", "Acme Builders contract award", "", "")
	f.Fuzz(func(t *testing.T, giver, title, presenter, org string) {
		item := ItemText{Title: title, Presenter: presenter, Organisation: org}
		m, ok := MatchGiver(giver, item)
		if ok != (len(m.Fields) > 0) || ok && len(m.Words) == 0 {
			t.Fatalf("MatchGiver(%q, %q) = %+v, %v", giver, title, m, ok)
		}
		// A word matched is a word of the item.
		words := map[string]bool{}
		for _, s := range []string{title, presenter, org} {
			for _, w := range matchTokens(s) {
				words[w] = true
			}
		}
		for _, w := range m.Words {
			if !words[w] {
				t.Fatalf("MatchGiver(%q, %+v) matched %q, not a word of the item", giver, item, w)
			}
		}
	})
}

// TestRegisterRules: the 28-day and 12-month rules and the reminders count
// days in the committee's time zone.
func TestRegisterRules(t *testing.T) {
	london, _ := time.LoadLocation("Europe/London")
	// 23:30 UTC on 31 May is 00:30 on 1 June in London.
	joined := time.Date(2026, 5, 31, 23, 30, 0, 0, time.UTC)
	if got, want := registerDue(joined, london), (Date{2026, time.June, 29}); got != want {
		t.Errorf("registerDue = %v, want %v", got, want)
	}
	if got, want := reviewDue(joined, london), (Date{2027, time.June, 1}); got != want {
		t.Errorf("reviewDue = %v, want %v", got, want)
	}
	c := Committee{ID: 7, Name: "C", ChannelID: "C1", TimeZone: "Europe/London"}
	st := RegisterState{Committee: c, Member: Member{UserID: "U1", AddedAt: joined}}
	for _, tc := range []struct {
		at      time.Time
		st      RegisterState
		wantKey string
	}{
		{joined, st, "interests:register:7:U1:0"},
		// 23:30 UTC on 21 June is 00:30 on 22 June in London: day 21.
		{time.Date(2026, 6, 21, 22, 30, 0, 0, time.UTC), st, "interests:register:7:U1:0"},
		{time.Date(2026, 6, 21, 23, 30, 0, 0, time.UTC), st, "interests:register:7:U1:21"},
		{time.Date(2027, 4, 30, 12, 0, 0, 0, time.UTC), RegisterState{Committee: c, Member: st.Member, ReviewedAt: joined}, ""},
		{time.Date(2027, 5, 2, 12, 0, 0, 0, time.UTC), RegisterState{Committee: c, Member: st.Member, ReviewedAt: joined}, "interests:review:7:U1:2026-06-01"},
	} {
		msg, ok := registerReminder(tc.st, tc.at)
		if ok != (tc.wantKey != "") || msg.DedupeKey != tc.wantKey {
			t.Errorf("at %v: reminder %q, %v; want %q", tc.at, msg.DedupeKey, ok, tc.wantKey)
		}
	}
}

// TestInterestPrompts: who is prompted about which item. A presenter is
// not prompted on the item's organisation alone, titled or not.
func TestInterestPrompts(t *testing.T) {
	neil := Member{UserID: "UNEIL", Name: "Neil Frackelton"}
	graeme := Member{UserID: "UGRAEME", Name: "Graeme Robson"}
	items := []AgendaItem{
		{ID: 1, Number: "1", Title: "Apologies for Absence", Standard: true},
		{ID: 6, Number: "6", Title: "Local Policing Update", Presenter: "Superintendent Graeme Robson", Organisation: "Merseyside Police"},
		{ID: 7, Number: "7", Title: "Merseyside Police budget", Presenter: "Superintendent Graeme Robson", Organisation: "Merseyside Police"},
		{ID: 75, Number: "7.5", Title: "SWACA", Presenter: "Neil Frackleton", Organisation: "SWACA"},
	}
	es := []Interest{
		{ID: 1, UserID: "UNEIL", Category: CategoryOther, Description: "Trustee of SWACA"},
		{ID: 2, UserID: "UGRAEME", Category: CategoryEmployment, Description: "Employed by Merseyside Police"},
		{ID: 3, UserID: "UGRAEME", Category: CategoryOther, Description: "Member of SWACA", Ended: true},
	}
	var got []string
	for _, p := range interestPrompts([]Member{neil, graeme}, es, items, nil) {
		got = append(got, p.Member.UserID+":"+p.Item.Number)
	}
	// Graeme: not item 6 (his organisation only), item 7 neither (its
	// title names his organisation, and only that), not his ended entry.
	if diff := cmp.Diff([]string{"UNEIL:7.5"}, got); diff != "" {
		t.Errorf("prompts (-want +got):\n%s", diff)
	}
	got = nil
	for _, p := range interestPrompts([]Member{neil, graeme}, es, items, []PromptDismissal{{UserID: "UNEIL", ItemID: 75}}) {
		got = append(got, p.Member.UserID+":"+p.Item.Number)
	}
	if len(got) != 0 {
		t.Errorf("prompts after Not relevant: %v", got)
	}
}

// TestInterestPromptsNearNames: a member whose name is a letter away from
// the presenter's is not taken for the presenter: John Smith, trustee of
// SWACA, is prompted about the SWACA item John Smyth presents.
func TestInterestPromptsNearNames(t *testing.T) {
	smith := Member{UserID: "USMITH", Name: "John Smith", Organisation: "SWACA"}
	smyth := Member{UserID: "USMYTH", Name: "John Smyth", Organisation: "SWACA"}
	items := []AgendaItem{{ID: 75, Number: "7.5", Title: "SWACA", Presenter: "John Smyth", Organisation: "SWACA"}}
	es := []Interest{
		{ID: 1, UserID: "USMITH", Category: CategoryOther, Description: "Trustee of SWACA"},
		{ID: 2, UserID: "USMYTH", Category: CategoryOther, Description: "Trustee of SWACA"},
	}
	var got []string
	for _, p := range interestPrompts([]Member{smith, smyth}, es, items, nil) {
		got = append(got, p.Member.UserID+":"+p.Item.Number)
	}
	if diff := cmp.Diff([]string{"USMITH:7.5"}, got); diff != "" {
		t.Errorf("prompts (-want +got):\n%s", diff)
	}
}

// TestSameStanding: a declaration is taken as the registered interest in
// the body it names only where it says the same standing to it.
func TestSameStanding(t *testing.T) {
	trustee := Interest{Category: CategoryOther, Description: "Trustee of SWACA"}
	spouseJob := Interest{Category: CategoryEmployment, Description: "Employed by SWACA", Spouse: true}
	job := Interest{Category: CategoryEmployment, Description: "Sefton CVS"}
	for _, tc := range []struct {
		nature string
		entry  Interest
		want   bool
	}{
		{"Trustee of SWACA", trustee, true},
		{"Chair of the trustees of SWACA", trustee, true},
		{"I am a member of the board of SWACA", trustee, true},
		{"Interest in SWACA", trustee, true},
		{"I am the CEO of SWACA", trustee, false},
		{"Employed by SWACA", trustee, false},
		{"My wife is a trustee of SWACA", trustee, false},
		{"Spouse or civil partner: Employed by SWACA", spouseJob, true},
		{"My husband works for SWACA", spouseJob, true},
		{"I work for SWACA", spouseJob, false},
		{"Employed by Sefton CVS", job, true},
		{"Volunteer at Sefton CVS", job, false},
		{"Sefton CVS", job, true},
	} {
		if got := sameStanding(tc.nature, tc.entry); got != tc.want {
			t.Errorf("sameStanding(%q, %q) = %v, want %v", tc.nature, tc.entry.Description, got, tc.want)
		}
	}
}
