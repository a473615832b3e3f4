package commands

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// FuzzTypedLines: the narrative /minute keeps with its line breaks holds
// exactly the words it was given, in order, whatever was typed before
// them and however it was spaced; only its line breaks are the typed ones.
func FuzzTypedLines(f *testing.F) {
	f.Add("5 The Board heard.\n\nAs part of it:\n\n• Bootle\n• Brunswick", 1)
	f.Add("2021-12-09 5   one\t two \n\n\n\n three", 2)
	f.Add("5 x", 1)
	f.Add("5\u00a0x\u2028y", 1)
	f.Add("", 0)
	f.Fuzz(func(t *testing.T, text string, skip int) {
		all := strings.Fields(text)
		if skip < 0 || skip > len(all) {
			return
		}
		in := &Input{Request: Request{Text: text}}
		words := all[skip:]
		got := in.typedLines(words)
		if !slices.Equal(strings.Fields(strings.Join(got, " ")), words) {
			t.Fatalf("typedLines(%q) after %d words = %q, want the words %q", text, skip, got, words)
		}
	})
}

// FuzzTyped: text as typed keeps its words and spacing, and no word
// processor's hyphen outside a web address.
func FuzzTyped(f *testing.F) {
	f.Add("co\u2011ordinated https://example.org/a\u2011b.pdf\n\n multi\u2010agency")
	f.Add("Sia\u0302n  \t x")
	f.Fuzz(func(t *testing.T, text string) {
		got := typed(text)
		if len(strings.Fields(got)) != len(strings.Fields(norm.NFC.String(text))) {
			t.Fatalf("typed(%q) = %q, with other words", text, got)
		}
		for _, w := range strings.Fields(got) {
			if !strings.Contains(w, "://") && strings.ContainsAny(w, "\u2010\u2011") {
				t.Fatalf("typed(%q) = %q, keeping a hyphen in %q", text, got, w)
			}
		}
	})
}
