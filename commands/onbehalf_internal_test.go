package commands

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

func TestTakeFor(t *testing.T) {
	cases := []struct {
		text  string
		want  behalf
		rest  string
		found bool
		err   string
	}{
		{text: "for <@UNEIL|neil> Unwell", want: behalf{UserID: "UNEIL", Hint: "neil"}, rest: "Unwell", found: true},
		{text: "FOR <@UNEIL> 10/12/2026 Unwell sub none", want: behalf{UserID: "UNEIL"}, rest: "10/12/2026 Unwell sub none", found: true},
		{text: `for "Jen Williams (NW Probation)" 7.7 personal Trustee`, want: behalf{Name: "Jen Williams", Org: "NW Probation"}, rest: "7.7 personal Trustee", found: true},
		{text: "for “Jen  Williams” Unwell", want: behalf{Name: "Jen Williams"}, rest: "Unwell", found: true},
		{text: `for "Jen Williams (NW Probation)"`, want: behalf{Name: "Jen Williams", Org: "NW Probation"}, found: true},
		{text: `for "A &amp; B (C)" x`, want: behalf{Name: "A & B", Org: "C"}, rest: "x", found: true},
		// A member's own reason that starts with "for".
		{text: "for family reasons", rest: "for family reasons"},
		{text: "for", rest: "for"},
		{text: "Unwell for a week", rest: "Unwell for a week"},
		{text: "7.7 personal for the council", rest: "7.7 personal for the council"},
		{text: "for @neil Unwell", rest: "for @neil Unwell", err: "could not find @neil"},
		{text: `for "Jen Williams Unwell`, rest: `for "Jen Williams Unwell`, err: "between quotes"},
		{text: `for "" Unwell`, rest: `for "" Unwell`, err: "the name between the quotes is empty"},
		{text: `for "(NW Probation)" Unwell`, rest: `for "(NW Probation)" Unwell`, err: "give the person's name"},
	}
	for _, c := range cases {
		b, rest, found, err := takeFor(strings.Fields(c.text))
		if found || err != nil {
			if !isFor(strings.Fields(c.text)) {
				t.Errorf("isFor(%q) = false: a for clause would take the fast path", c.text)
			}
		}
		if got := errText(err); !strings.Contains(got, c.err) || (c.err == "") != (err == nil) {
			t.Errorf("takeFor(%q) error = %q, want %q", c.text, got, c.err)
		}
		if diff := cmp.Diff(b, c.want); diff != "" {
			t.Errorf("takeFor(%q) person (-got +want):\n%s", c.text, diff)
		}
		if strings.Join(rest, " ") != c.rest || found != c.found {
			t.Errorf("takeFor(%q) = rest %q, found %v; want %q, %v", c.text, strings.Join(rest, " "), found, c.rest, c.found)
		}
	}
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// FuzzTakeFor: a for clause names one person, a Slack user or a name
// within bounds; what is not one leaves the words whole.
func FuzzTakeFor(f *testing.F) {
	for _, s := range []string{
		"for <@UNEIL|neil> Unwell", `for "Jen Williams (NW Probation)" 7.7 personal x`, "for family reasons",
		`for "Jen`, `for “x” y`, `for "(a)"`, "for @x", "for <@> x", `for "a (b) (c)" d`, `for "a" "b"`,
		"for sue Unwell", "for Sue's Unwell", "for sue, Unwell", "for zoë x", `for "Zoë Ödön (Sefton CVS)" x`, "for next 7.5 pecuniary x",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		words := strings.Fields(text)
		b, rest, found, err := takeFor(words)
		if (found || err != nil) && !isFor(words) {
			t.Fatalf("isFor(%q) = false, but takeFor reads a for clause", text)
		}
		switch {
		case err != nil || !found:
			if found || strings.Join(rest, " ") != strings.Join(words, " ") || b != (behalf{}) {
				t.Fatalf("takeFor(%q) = %+v, %q, %v, %v: not found must leave the words whole", text, b, rest, found, err)
			}
		case b.UserID != "":
			if b.Name != "" || strings.ContainsAny(b.UserID, " <>@") || len(rest) != len(words)-2 {
				t.Fatalf("takeFor(%q) = %+v, %q", text, b, rest)
			}
		default:
			if b.Name == "" || len(b.Name) > MaxNameLen || len(b.Org) > MaxNameLen || strings.ContainsAny(b.Name, "()") ||
				b.Name != oneLine(b.Name) || !utf8.ValidString(b.Name) && utf8.ValidString(text) {
				t.Fatalf("takeFor(%q) name = %q (%q)", text, b.Name, b.Org)
			}
			if len(rest) >= len(words) {
				t.Fatalf("takeFor(%q) took no words: %q", text, rest)
			}
		}
	})
}
