package commands

import (
	"slices"
	"strings"
	"testing"
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
