package storage

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/quorumhq/quorum/commands"
)

// FuzzRestoreLetters: a headline made of a text's plain letters is given
// back the text's own, each part of it then a part of the text, its
// highlight markers where they were; and nothing panics on what members
// typed into a minute.
func FuzzRestoreLetters(f *testing.F) {
	f.Add("The Board thanked Siân Jones.", "Board thanked \x01Sian\x02 Jones")
	f.Add("Zoë Hardy and Siân Jones, at the café in Bootle", "\x01Zoe\x02 Hardy\x18the \x01cafe\x02")
	f.Add("ÉTUDE", "\x01ETUDE\x02")
	f.Add("Straße", "Straße")
	f.Add("Siân … Sian", "Sian … Sian")
	f.Add("Zoë said it. Zoe said it … the café", "Zoe said it … the\x18\x01cafe\x02")
	f.Add("no accents", "no \x01accents\x02")
	f.Fuzz(func(t *testing.T, text, marked string) {
		if !utf8.ValidString(text) || !utf8.ValidString(marked) {
			return
		}
		got, ok := restoreLetters(text, marked)
		if !ok {
			return
		}
		unmark := strings.NewReplacer(commands.HighlightStart, "", commands.HighlightStop, "")
		if plainLetter.Replace(unmark.Replace(got)) != plainLetter.Replace(unmark.Replace(marked)) {
			t.Fatalf("restoreLetters(%q, %q) = %q: not the headline's letters", text, marked, got)
		}
		if strings.Count(got, commands.HighlightStart) != strings.Count(marked, commands.HighlightStart) {
			t.Fatalf("restoreLetters(%q, %q) = %q: markers moved", text, marked, got)
		}
		if plainLetter.Replace(text) == text {
			return
		}
		// The headline is of the text without control characters (see
		// headline).
		shown := strings.Map(func(r rune) rune {
			if strings.ContainsRune(headlineMarkers+headlineControls, r) {
				return -1
			}
			return r
		}, text)
		for _, part := range strings.Split(got, fragmentMark) {
			if !strings.Contains(shown, unmark.Replace(part)) {
				t.Fatalf("restoreLetters(%q, %q) = %q: %q is not the text's", text, marked, got, part)
			}
		}
	})
}
