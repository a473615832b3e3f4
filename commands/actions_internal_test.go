package commands

import (
	"errors"
	"strings"
	"testing"
)

// FuzzParseActionList: the words after `/action list` are read as which
// actions and a page from 1, or refused with a UserError that quotes
// nothing typed; nothing panics.
func FuzzParseActionList(f *testing.F) {
	for _, s := range []string{"", "mine", "overdue", "all", "ALL", "page 2", "mine page 2", "all page 100000", "overdue page 100001",
		"page", "page 0", "page -1", "page two", "page 2 3", "soon", "mine all", "page 99999999999999999999", "Page 3", "mine <@U1>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		which, page, err := parseActionList(strings.Fields(text))
		if err != nil {
			var ue *UserError
			if !errors.As(err, &ue) {
				t.Fatalf("parseActionList(%q): %v is not a UserError", text, err)
			}
			if strings.ContainsAny(ue.Msg, "<>") {
				t.Fatalf("parseActionList(%q): the error quotes markup: %q", text, ue.Msg)
			}
			return
		}
		if which != "" && which != "mine" && which != "overdue" && which != "all" || page < 1 || page > maxActionPage {
			t.Fatalf("parseActionList(%q) = %q, %d", text, which, page)
		}
	})
}
