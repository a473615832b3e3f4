package commands

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

func TestKeepClosingLast(t *testing.T) {
	standard := standardItems()
	seed := []AgendaItem{{Number: "1"}, {Number: "6"}, {Number: "7"}, {Number: "7.1"}, {Number: "7.9"}, {Number: "8", Title: "Date of Next Meeting"}}
	withAOB := append(append([]AgendaItem{}, seed...), AgendaItem{Number: "9", Title: "Any Other Business"})
	cases := []struct {
		name   string
		items  []AgendaItem
		add    string
		want   string // the number the new item takes
		closes string // where the closing item goes; "" when it stays
		under  string // the note of a part of the closing item, which stays
	}{
		{"at the closing item", standard, "4", "4", "5", ""},
		{"after it", standard, "5", "4", "5", ""},
		{"well after it", standard, "12", "4", "5", ""},
		{"before it", standard, "3", "3", "", ""},
		{"a part of it", standard, "4.1", "4.1", "", " It is under Date of Next Meeting (item 4)."},
		{"imported", seed, "8", "8", "9", ""},
		{"imported, after", seed, "10", "8", "9", ""},
		{"imported, a sub-item", seed, "7.10", "7.10", "", ""},
		{"imported, a part of it", seed, "8.1", "8.1", "", " It is under Date of Next Meeting (item 8)."},
		{"not last: no rule", withAOB, "9", "9", "", ""},
		{"no closing item", []AgendaItem{{Number: "1"}}, "5", "5", "", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			n, err := ParseItemNumber(tc.add)
			if err != nil {
				t.Fatal(err)
			}
			changes, at, note := keepClosingLast(tc.items, n)
			closes := ""
			if len(changes) == 1 {
				closes = changes[0].To
			}
			if at.String() != tc.want || closes != tc.closes || closes == "" && note != tc.under || closes != "" && note == "" {
				t.Errorf("add %s: takes %s, closing item to %q (%q); want %s, %q", tc.add, at, closes, note, tc.want, tc.closes)
			}
		})
	}
}

func TestMayReport(t *testing.T) {
	members := []Member{
		{UserID: "UGRAEME", Name: "Graeme Robson", Organisation: "Merseyside Police"},
		{UserID: "UKEVIN", Name: "Kevin Hollis", Organisation: "merseyside  police"},
		{UserID: "USUE", Name: "Sue Holden", Organisation: "Sefton CVS"},
		{UserID: "UJOE", Name: "Joe Bloggs", Organisation: "The Sefton CVS"},
		{UserID: "UNEIL", Name: "Neil Frackelton", Organisation: "SWACA"},
		{UserID: "UJEN", Name: "Dr Jen Williams", Organisation: ""},
	}
	items := map[string]AgendaItem{
		"printed":   {Number: "7.7", Presenter: "Sue Holden", Organisation: "Sefton CVS"},
		"title":     {Number: "6", Presenter: "Superintendent Graeme Robson"},
		"brackets":  {Number: "4", Presenter: "Jen Williams (NW Probation), James Gillett (Sefton CVS)"},
		"none":      {Number: "5"},
		"org alone": {Number: "8", Presenter: "", Organisation: "SWACA"},
	}
	may := func(it AgendaItem) []string {
		var out []string
		p := presentersOf(it, members)
		for _, m := range members {
			if strings.TrimSpace(it.Presenter) == "" || p.includes(m) {
				out = append(out, m.UserID)
			}
		}
		return out
	}
	everyone := []string{"UGRAEME", "UKEVIN", "USUE", "UJOE", "UNEIL", "UJEN"}
	for name, want := range map[string][]string{
		"printed":   {"USUE", "UJOE"},
		"title":     {"UGRAEME", "UKEVIN"},
		"brackets":  {"USUE", "UJOE", "UJEN"},
		"none":      everyone,
		"org alone": everyone,
	} {
		if diff := cmp.Diff(may(items[name]), want); diff != "" {
			t.Errorf("%s: who may report (-got +want):\n%s", name, diff)
		}
	}
}

// FuzzPresenters reads presenters as printed, whatever an officer typed or
// an agenda held.
func FuzzPresenters(f *testing.F) {
	for _, s := range []string{"Jen Williams (NW Probation), James Gillett (Sefton Council)", "((", ")(", "Cllr (", "a (b (c) d) e", ""} {
		f.Add(s, "Sefton CVS")
	}
	f.Fuzz(func(t *testing.T, presenter, org string) {
		p := presentersOf(AgendaItem{Presenter: presenter, Organisation: org}, []Member{{Name: presenter, Organisation: org}})
		if utf8.ValidString(presenter) && !strings.ContainsAny(presenter, "()") && stripBrackets(presenter) != oneLine(presenter) {
			t.Errorf("stripBrackets(%q) = %q, with no brackets to strip", presenter, stripBrackets(presenter))
		}
		for _, b := range bracketed(presenter) {
			if !strings.Contains(presenter, "("+b+")") {
				t.Errorf("bracketed(%q) gave %q, not in brackets", presenter, b)
			}
		}
		if len(p.orgNames) != len(p.orgs) {
			t.Errorf("organisations %q counted %d times", p.orgNames, len(p.orgs))
		}
	})
}
