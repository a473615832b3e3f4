package commands

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

func TestParseItemNumber(t *testing.T) {
	cases := []struct {
		in, want string
		ok       bool
	}{
		{"1", "1", true}, {"7", "7", true}, {"7.5", "7.5", true}, {"7.10", "7.10", true},
		{"7a", "7a", true}, {"7H", "7h", true}, {"8.", "8", true}, {" 12 ", "12", true},
		{"0", "", false}, {"07", "", false}, {"7.0", "", false}, {"7.05", "", false}, {"7.123", "", false},
		{"7ab", "", false}, {"a", "", false}, {"", "", false}, {"1000", "", false}, {"7.5.1", "", false},
		{"7-5", "", false}, {"7.", "7", true}, {"7..", "", false}, {"1.+1", "", false}, {"7.-5", "", false},
		{"B2", "B2", true}, {"b12", "B12", true}, {"A1.", "A1", true}, {"B0", "", false}, {"B100", "", false}, {"B2a", "", false}, {"B2.1", "", false}, {"AB1", "", false},
	}
	for _, tc := range cases {
		n, err := ParseItemNumber(tc.in)
		if (err == nil) != tc.ok {
			t.Errorf("ParseItemNumber(%q) err = %v, want ok=%v", tc.in, err, tc.ok)
			continue
		}
		if tc.ok && n.String() != tc.want {
			t.Errorf("ParseItemNumber(%q) = %s, want %s", tc.in, n, tc.want)
		}
	}
}

func TestItemsSortNaturally(t *testing.T) {
	in := []string{"8", "7a", "B10", "7.10", "7.2", "10", "A2", "7", "7.1", "2", "B2", "1", "7b", "7.9", "9", "A1"}
	items := make([]AgendaItem, len(in))
	for i, n := range in {
		items[i] = AgendaItem{Number: n}
	}
	SortItems(items)
	var got []string
	for _, it := range items {
		got = append(got, it.Number)
	}
	want := []string{"1", "2", "7", "7.1", "7.2", "7.9", "7.10", "7a", "7b", "8", "9", "10", "A1", "A2", "B2", "B10"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("order (-want +got):\n%s", diff)
	}
}

func TestParseItemText(t *testing.T) {
	cases := []struct {
		in   string
		want itemText
		err  string
	}{
		{in: "7.5 SWACA — Neil Frackelton", want: itemText{Number: ItemNumber{Top: 7, Sub: 5}, Title: "SWACA", Presenter: "Neil Frackelton"}},
		{in: "4 Integrated Offender Management (IOM) Refresh Strategy — Jen Williams, James Gillett",
			want: itemText{Number: ItemNumber{Top: 4}, Title: "Integrated Offender Management (IOM) Refresh Strategy", Presenter: "Jen Williams, James Gillett"}},
		{in: "4 IOM Refresh — Jen Williams (NW Probation Lead)",
			want: itemText{Number: ItemNumber{Top: 4}, Title: "IOM Refresh", Presenter: "Jen Williams", Organisation: "NW Probation Lead"}},
		{in: "7 Violence against Women and Girls - Partner Reports",
			want: itemText{Number: ItemNumber{Top: 7}, Title: "Violence against Women and Girls - Partner Reports"}},
		{in: "6 Local Policing Update -- Superintendent Graeme Robson",
			want: itemText{Number: ItemNumber{Top: 6}, Title: "Local Policing Update", Presenter: "Superintendent Graeme Robson"}},
		{in: "7a Sefton CVS–Sue Holden", want: itemText{Number: ItemNumber{Top: 7, Letter: 'a'}, Title: "Sefton CVS–Sue Holden"}},
		{in: "5.4 Probation - Jen Williams (NW Probation)", want: itemText{Number: ItemNumber{Top: 5, Sub: 4}, Title: "Probation", Presenter: "Jen Williams", Organisation: "NW Probation"}},
		{in: "5.2 Sefton CVS - Sue Holden", want: itemText{Number: ItemNumber{Top: 5, Sub: 2}, Title: "Sefton CVS - Sue Holden"}},
		{in: "7 Anti-Social Behaviour - Community Trigger (ASB)", want: itemText{Number: ItemNumber{Top: 7}, Title: "Anti-Social Behaviour - Community Trigger (ASB)"}},
		{in: "7 ASB — Community - Jen Williams (NW Probation)", want: itemText{Number: ItemNumber{Top: 7}, Title: "ASB", Presenter: "Community - Jen Williams", Organisation: "NW Probation"}},
		{in: "7a Sefton CVS—Sue Holden", want: itemText{Number: ItemNumber{Top: 7, Letter: 'a'}, Title: "Sefton CVS", Presenter: "Sue Holden"}},
		{in: "", err: "give the item's number"},
		{in: "7.5", err: "give item 7.5 a title"},
		{in: "7.5 — Neil", err: "give item 7.5 a title"},
		{in: "SWACA — Neil", err: "not an agenda number"},
		{in: "7.5 " + strings.Repeat("x", 301), err: "title is too long"},
	}
	for _, tc := range cases {
		got, err := parseItemText(tc.in, nil)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("parseItemText(%q) err = %v, want %q", tc.in, err, tc.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("parseItemText(%q): %v", tc.in, err)
			continue
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("parseItemText(%q) (-want +got):\n%s", tc.in, diff)
		}
	}
}

// fuzzMembers are members whose names a hyphen may mark as presenters.
var fuzzMembers = []Member{{UserID: "U1", Name: "Sue Holden", Organisation: "Sefton CVS"}, {UserID: "U2", Name: "Ann"}}

func FuzzParseItemText(f *testing.F) {
	for _, s := range []string{"7.5 SWACA — Neil Frackelton", "4 IOM — Jen (NW)", "7a x -- y", "7.10 (()) — (", "999 —", "1 \u00a0—\u00a0x",
		"5.2 Sefton CVS - Sue Holden", "5 a - b - Ann", "5 x - Jen Williams (NW Probation)", "5 x - (", "5 - Ann", "5 x - Cllr Sue Holden and Ann", "5 x - )(", "5 x - ()"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		it, err := parseItemText(s, fuzzMembers)
		if err != nil {
			return
		}
		n, err := ParseItemNumber(it.Number.String())
		if err != nil || n != it.Number {
			t.Fatalf("number %v does not round-trip: %v %v", it.Number, n, err)
		}
		if it.Title == "" || utf8.RuneCountInString(it.Title) > MaxTitleLen {
			t.Fatalf("title %q accepted", it.Title)
		}
		if utf8.RuneCountInString(it.Presenter)+utf8.RuneCountInString(it.Organisation) > MaxPresenterLen {
			t.Fatalf("presenter too long accepted")
		}
	})
}

// FuzzParseItemEdit: what `/agenda edit` reads changes something, within
// the limits of an item, or is refused.
func FuzzParseItemEdit(f *testing.F) {
	for _, s := range []string{"7.5 SWACA Services — Neil Frackelton", "6 — Superintendent Graeme Robson", "6 - Sue Holden", "6 – Ann",
		"6 -- Jen Williams (NW Probation)", "5 — none", "5 — NONE (x)", "5 New title", "5", "5 —", "5 - ", "5 x - Sue Holden", "5 — —", "five x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		e, err := parseItemEdit(s, fuzzMembers)
		if err != nil {
			return
		}
		n, err := ParseItemNumber(e.Number.String())
		if err != nil || n != e.Number {
			t.Fatalf("number %v does not round-trip: %v %v", e.Number, n, err)
		}
		if e.KeepTitle && e.KeepPresenter {
			t.Fatalf("%q accepted as changing nothing", s)
		}
		if e.KeepTitle != (e.Title == "") || utf8.RuneCountInString(e.Title) > MaxTitleLen {
			t.Fatalf("title %q accepted (keep %v)", e.Title, e.KeepTitle)
		}
		if e.KeepPresenter && (e.Presenter != "" || e.Organisation != "") {
			t.Fatalf("presenter %q kept and given", e.Presenter)
		}
		if utf8.RuneCountInString(e.Presenter)+utf8.RuneCountInString(e.Organisation) > MaxPresenterLen {
			t.Fatalf("presenter too long accepted")
		}
	})
}

// FuzzTakeConfirm: `confirm` is taken only as the last word, spelt right;
// what is left is the words before it.
func FuzzTakeConfirm(f *testing.F) {
	for _, s := range []string{"confirm", "10/12/2026 confirm", "confrim", "10/12/2026 CONFIRM", "confirm 10/12/2026", "", "conf", "confirmed", "<!channel> confirn"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		args := strings.Fields(s)
		rest, ok, err := takeConfirm(args, "/agenda import")
		if err != nil {
			if ok || rest != nil || !strings.Contains(err.Error(), "did you mean") {
				t.Fatalf("%q: %v %v %v", s, rest, ok, err)
			}
			return
		}
		if ok != (len(args) > 0 && strings.EqualFold(args[len(args)-1], "confirm")) || len(rest) != len(args)-map[bool]int{true: 1}[ok] {
			t.Fatalf("%q: %v %v", s, rest, ok)
		}
	})
}

func TestParseItemEdit(t *testing.T) {
	for in, want := range map[string]itemEdit{
		"7.5 SWACA Services — Neil Frackelton":  {itemText: itemText{Number: ItemNumber{Top: 7, Sub: 5}, Title: "SWACA Services", Presenter: "Neil Frackelton"}},
		"6 — Graeme Robson (Merseyside Police)": {itemText: itemText{Number: ItemNumber{Top: 6}, Presenter: "Graeme Robson", Organisation: "Merseyside Police"}, KeepTitle: true},
		"6 - Sue Holden":           {itemText: itemText{Number: ItemNumber{Top: 6}, Presenter: "Sue Holden"}, KeepTitle: true},
		"5 Alternative Education":  {itemText: itemText{Number: ItemNumber{Top: 5}, Title: "Alternative Education"}, KeepPresenter: true},
		"5 — none":                 {itemText: itemText{Number: ItemNumber{Top: 5}}, KeepTitle: true},
		"5 VAWG - Partner Reports": {itemText: itemText{Number: ItemNumber{Top: 5}, Title: "VAWG - Partner Reports"}, KeepPresenter: true},
	} {
		got, err := parseItemEdit(in, fuzzMembers)
		if err != nil {
			t.Errorf("parseItemEdit(%q): %v", in, err)
			continue
		}
		if diff := cmp.Diff(want, got, cmp.AllowUnexported(itemEdit{})); diff != "" {
			t.Errorf("parseItemEdit(%q) (-want +got):\n%s", in, diff)
		}
	}
	for in, want := range map[string]string{
		"5":     "give item 5's new title, its new presenter after an em dash, or both",
		"5 —":   "give item 5's presenter after the dash, or `none`",
		"x new": `"x" is not an agenda number`,
	} {
		if _, err := parseItemEdit(in, fuzzMembers); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("parseItemEdit(%q) = %v, want %q", in, err, want)
		}
	}
}

func TestPresenterNames(t *testing.T) {
	cases := map[string][]string{
		"Jen Williams, James Gillett":            {"jen williams", "james gillett"},
		"Superintendent Graeme Robson":           {"graeme robson"},
		"  Neil   FRACKELTON ":                   {"neil frackelton"},
		"Cllr Trish Hardy and Councillor Sayers": {"trish hardy", "sayers"},
		"Sue Holden & Tony Harland":              {"sue holden", "tony harland"},
		"":                                       nil,
	}
	for in, want := range cases {
		if diff := cmp.Diff(want, presenterNames(in)); diff != "" {
			t.Errorf("presenterNames(%q) (-want +got):\n%s", in, diff)
		}
	}
}

func TestParseReminders(t *testing.T) {
	cases := []struct {
		in   string
		want reminderSettings
		err  string
	}{
		{in: "7,1 09:00", want: reminderSettings{Days: []int{7, 1}, At: Clock{9, 0}, HasTime: true}},
		{in: "1, 7 9am", want: reminderSettings{Days: []int{7, 1}, At: Clock{9, 0}, HasTime: true}},
		{in: "14 7 1 days before at 8.30am", want: reminderSettings{Days: []int{14, 7, 1}, At: Clock{8, 30}, HasTime: true}},
		{in: "3", want: reminderSettings{Days: []int{3}}},
		{in: "0 07:30", want: reminderSettings{Days: []int{0}, At: Clock{7, 30}, HasTime: true}},
		{in: "7,7,1", want: reminderSettings{Days: []int{7, 1}}},
		{in: "off", want: reminderSettings{Off: true}},
		{in: "OFF", want: reminderSettings{Off: true}},
		{in: "09:00", err: "give the days"},
		{in: "61 09:00", err: "too far ahead"},
		{in: "99999999999999999999", err: "too far ahead"},
		{in: "1,2,3,4,5,6", err: "the limit is 5"},
		{in: "7,1 25:00", err: "not a time"},
		{in: "7,1 tomorrow", err: "not a time of day"},
		{in: "7,1 09:00 extra", err: "not a time of day"},
		{in: "7,1 9", err: "`9` after `7,1` may be a time or another day"},
		{in: "7,1 14", err: "`14:00` or `2pm`"},
		{in: "7,1 30", want: reminderSettings{Days: []int{30, 7, 1}}},
		{in: "1, 7", want: reminderSettings{Days: []int{7, 1}}},
		{in: "7,1 9 am", want: reminderSettings{Days: []int{7, 1}, At: Clock{9, 0}, HasTime: true}},
	}
	for _, tc := range cases {
		got, err := parseReminders(strings.Fields(tc.in))
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("parseReminders(%q) err = %v, want %q", tc.in, err, tc.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("parseReminders(%q): %v", tc.in, err)
			continue
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("parseReminders(%q) (-want +got):\n%s", tc.in, diff)
		}
	}
}

func FuzzParseReminders(f *testing.F) {
	for _, s := range []string{"7,1 09:00", "off", "14 7 1 days before at 8.30am", ",,, 9", "7,1 12 pm", "0",
		"7,1 9", "7, 1 14", "7,1 0", "1, 7", "7,1 9 am", "7,1, 9", "7 ,1 9",
		strings.Repeat("7", 2000), "7,1 " + strings.Repeat("q", 2000), "on " + strings.Repeat("q", 2000), "ON", "on at 9am", "On 14:00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		rs, err := parseReminders(strings.Fields(s))
		// A refusal quotes what was typed shortened, never whole: it is
		// posted back to the sender.
		if err != nil && len(err.Error()) > 400 {
			t.Fatalf("parseReminders(%.60q…) refused with a %d-byte message", s, len(err.Error()))
		}
		if err != nil || rs.Off {
			return
		}
		// "on" turns reminders on again on the days last set, read from
		// the committee's history when it runs: it carries no days of its own.
		if rs.On && len(rs.Days) != 0 {
			t.Fatalf("on again with days %v of its own", rs.Days)
		}
		if !rs.On && (len(rs.Days) == 0 || len(rs.Days) > MaxReminders) {
			t.Fatalf("%d reminder days accepted", len(rs.Days))
		}
		for i, d := range rs.Days {
			if d < 0 || d > MaxReminderDays || i > 0 && d >= rs.Days[i-1] {
				t.Fatalf("days %v accepted", rs.Days)
			}
		}
		if rs.At.Hour < 0 || rs.At.Hour > 23 || rs.At.Minute < 0 || rs.At.Minute > 59 {
			t.Fatalf("time %v accepted", rs.At)
		}
	})
}

// TestReminderDueAcrossClockChange: a meeting on Friday 2 April 2027 at
// 10:00 BST; the clocks go forward on Sunday 28 March. The 7-day reminder
// is at 09:00 GMT on 26 March, the 1-day reminder at 09:00 BST on 1 April —
// not an hour off either way.
func TestReminderDueAcrossClockChange(t *testing.T) {
	london, _ := time.LoadLocation("Europe/London")
	starts := time.Date(2027, 4, 2, 10, 0, 0, 0, london)
	cases := []struct {
		days int
		want time.Time
	}{
		{7, time.Date(2027, 3, 26, 9, 0, 0, 0, time.UTC)},
		{1, time.Date(2027, 4, 1, 8, 0, 0, 0, time.UTC)},
		{0, time.Date(2027, 4, 2, 8, 0, 0, 0, time.UTC)},
	}
	for _, tc := range cases {
		got := ReminderDue(starts, tc.days, Clock{9, 0}, london)
		if !got.Equal(tc.want) {
			t.Errorf("%d days before: %v, want %v", tc.days, got.UTC(), tc.want)
		}
	}
	// The autumn change: a meeting on Thursday 4 November 2027; the clocks
	// went back on 31 October.
	got := ReminderDue(time.Date(2027, 11, 4, 10, 0, 0, 0, london), 7, Clock{9, 0}, london)
	if want := time.Date(2027, 10, 28, 8, 0, 0, 0, time.UTC); !got.Equal(want) {
		t.Errorf("autumn: %v, want %v", got.UTC(), want)
	}
}

func TestSlugAndCalendarPath(t *testing.T) {
	cases := map[string]string{
		"Safer Sefton Together":                  "safer-sefton-together",
		"  Sefton Safer Communities Partnership": "sefton-safer-communities-partnership",
		"Health & Wellbeing Board (2022/23)":     "health-wellbeing-board-2022-23",
		"Ünïcode Only":                           "unicode-only",
		"Comité de Café":                         "comite-de-cafe",
		"Łódź Liaison Panel":                     "lodz-liaison-panel",
		"***":                                    "",
	}
	for in, want := range cases {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
	token := strings.Repeat("0f", 32)
	if got := CalendarPath(Committee{ID: 12, Name: "Safer Sefton Together", CalendarToken: token}); got != "/calendar/"+token+"-safer-sefton-together.ics" {
		t.Errorf("CalendarPath = %q", got)
	}
	if got := CalendarPath(Committee{ID: 12, Name: "Safer Sefton Together"}); got != "" {
		t.Errorf("CalendarPath without a token = %q, want none", got)
	}
}

func TestLinkCannotBreakOut(t *testing.T) {
	cases := map[string]string{
		"https://sefton.gov.uk/r.pdf":            "<https://sefton.gov.uk/r.pdf|report> (sefton.gov.uk)",
		"https://x.example/a|b>c<d":              "report — https://x.example/a|b&gt;c&lt;d",
		"javascript:alert(1)":                    "report — javascript:alert(1)",
		"<!channel>":                             "report — &lt;!channel&gt;",
		"https://x.example/ok?q=<@U1>&z=1 2 3":   "report — https://x.example/ok?q=&lt;@U1&gt;&amp;z=1 2 3",
		"ftp://files.example/r.pdf":              "report — ftp://files.example/r.pdf",
		"https://sefton.gov.uk/r.pdf#<!channel>": "report — https://sefton.gov.uk/r.pdf#&lt;!channel&gt;",
		"https://a.example/?x=1&y=2":             "<https://a.example/?x=1&amp;y=2|report> (a.example)",
	}
	for in, want := range cases {
		if got := LinkText(in, "report"); got != want {
			t.Errorf("LinkText(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzParseItemNumber(f *testing.F) {
	for _, s := range []string{"7.5", "7a", "7.10", "999", "0", "7.", "1.01", "B2", "c12",
		"A1", "b2.", "7.7.", "a1", "Z99", "A100", "A01", "A1a", "A1.1", "7.7..", " B2 ", "AB1", "A", "7a."} {
		f.Add(s, "7.5")
	}
	f.Fuzz(func(t *testing.T, s, other string) {
		n, err := ParseItemNumber(s)
		if err != nil {
			if n != (ItemNumber{}) {
				t.Fatalf("%q refused (%v) with a number %+v", s, err, n)
			}
			return
		}
		again, err := ParseItemNumber(n.String())
		if err != nil || again != n {
			t.Fatalf("%q → %v does not round-trip: %v %v", s, n, again, err)
		}
		if n.Top < 1 || n.Top > 999 || n.Sub < 0 || n.Sub > 99 || n.Sub > 0 && n.Letter != 0 ||
			n.Section != 0 && (n.Section < 'A' || n.Section > 'Z' || n.Top > 99 || n.Sub != 0 || n.Letter != 0) {
			t.Fatalf("%q → %+v out of range", s, n)
		}
		// The number as typed finds the item the agenda prints as it.
		if typed := strings.TrimSpace(s); len(typed) <= MaxItemLen {
			if _, ok := findItem([]AgendaItem{{Number: n.String()}}, typed); !ok {
				t.Fatalf("%q → %v does not find item %s", s, n, n)
			}
		}
		// Items sort by a key stored as an integer: two numbers share a
		// key only when they are the same number, and every key sorts
		// before those of numbers that do not parse.
		if k := n.Key(); k < 0 || k >= 1<<30 {
			t.Fatalf("%q → key %d out of range", s, k)
		}
		if m, err := ParseItemNumber(other); err == nil && (m.Key() == n.Key()) != (m == n) {
			t.Fatalf("%q and %q: keys %d and %d", s, other, n.Key(), m.Key())
		}
	})
}

func TestFindItem(t *testing.T) {
	items := []AgendaItem{{Number: "4", Title: "IOM"}, {Number: "7.1", Title: "Probation"}, {Number: "7.5", Title: "SWACA"}, {Number: "8a", Title: "Extra"}}
	for _, tc := range []struct{ in, want string }{
		{"", ""}, {".", ""}, {"a", ""}, {"4", "4"}, {"7.5", "7.5"}, {"7e", "7.5"}, {"7E", "7.5"}, {"7a", "7.1"}, {"8.1", "8a"}, {"8A", "8a"}, {"9", ""}, {"7.9", ""},
	} {
		it, ok := findItem(items, tc.in)
		if got := it.Number; got != tc.want || ok != (tc.want != "") {
			t.Errorf("findItem(%q) = %q, %v; want %q", tc.in, got, ok, tc.want)
		}
	}
}

// FuzzFindItem: item numbers come from forms as well as from text; none
// makes the lookup panic, and a match is one of the item's spellings,
// perhaps with the one full stop an agenda prints after it ("7.7.").
func FuzzFindItem(f *testing.F) {
	for _, s := range []string{"", "7.5", "7e", "8.1", ".", "a", "7.27", "x.1", "7.5.", "A1", "a1.", "b2", "B2..", "8a."} {
		f.Add(s)
	}
	items := []AgendaItem{{Number: "4"}, {Number: "7.5"}, {Number: "8a"}, {Number: "A1"}, {Number: "B2"}}
	f.Fuzz(func(t *testing.T, n string) {
		it, ok := findItem(items, n)
		if !ok {
			return
		}
		for _, alias := range itemAliases(it.Number) {
			if strings.EqualFold(alias, strings.TrimSuffix(n, ".")) {
				return
			}
		}
		t.Fatalf("findItem(%q) = %q, which is not one of its spellings", n, it.Number)
	})
}
