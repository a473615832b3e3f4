package commands

import (
	"errors"
	"strings"
	"testing"
	"time"
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

// FuzzDueAtEnd: a due date read from the end of an action's text follows
// a "by" that is not the text's first word, leaves words before it for
// the text, is a day (not "next"), and is what the words after "by" say;
// a mistaken date is an error that says something; nothing panics.
func FuzzDueAtEnd(f *testing.F) {
	for _, s := range []string{"Circulate the figures by 20 December 2026.", "Report by SWACA by 2027-01-15", "Meet by the river", "by 1 March",
		"Do it by next", "Do it by", "by", "Do it by 31/02/2027", "Do it by 1 March 2027 please", "x by . ", "x by 1/3", "Cut the waiting list by 3/4", "x by 3/4/2027", "x BY 2027-03-01...", "x by \xff"} {
		f.Add(s)
	}
	now := time.Date(2026, 12, 10, 10, 0, 0, 0, time.UTC)
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		words := strings.Fields(text)
		d, i, ok, err := dueAtEnd(words, now, loc)
		if err != nil {
			if ok || err.Error() == "" {
				t.Fatalf("dueAtEnd(%q) = %v, %v", text, ok, err)
			}
			return
		}
		if !ok {
			return
		}
		if i < 1 || i >= len(words)-1 || !strings.EqualFold(words[i], "by") || d.IsNext() || len(words) == i+2 && fraction.MatchString(words[i+1]) {
			t.Fatalf("dueAtEnd(%q) = %v, %d", text, d, i)
		}
		tail := append([]string(nil), words[i+1:]...)
		tail[len(tail)-1] = strings.TrimRight(tail[len(tail)-1], ".")
		if again, n, err := takeDate(tail, now, loc); err != nil || n != len(tail) || again != d {
			t.Fatalf("dueAtEnd(%q) = %v, but the words after by read %v, %d, %v", text, d, again, n, err)
		}
	})
}
