package commands

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzPassageIn: a minute's passage as shown keeps every character the
// search gave, adds only "…" and words of the minute at its ends, and
// never panics on what members typed into the minute.
func FuzzPassageIn(f *testing.F) {
	f.Add("The Board heard of anti-social behaviour in Bootle parks.", "Board heard of \x01anti\x02-\x01social\x02 behaviour")
	f.Add("a b c d e f g h i j k l m n o p q r s t u v w x y z a b c d e f g h i j k l m n o p", "c d \x01e\x02 f\x18x y \x01z\x02 a")
	f.Add("word", "")
	f.Add("", "\x01word\x02")
	f.Add("The Board thanked Siân Jones.", "Board thanked \x01Siân\x02 Jones")
	f.Add("é é é", "é")
	f.Add("x … y", " … ")
	f.Add("The Board noted … the budget was approved and the Board noted it.", "The Board noted … the \x01budget\x02\x18noted it.")
	f.Add("111111@\x00199999999999999999999d999999991111\x8011", "\x80")
	f.Add(";;;;;\t\t\t\tx\t\ty;;;\t\t \t\t>…\t;", " ")
	f.Fuzz(func(t *testing.T, narrative, passage string) {
		// Both are text from the database, which holds UTF-8 only.
		if !utf8.ValidString(narrative) || !utf8.ValidString(passage) {
			return
		}
		got := passageIn(narrative, passage)
		// got is the passage, its parts joined by " … ", with, before
		// it, nothing, "… " or the minute's opening words, and after it,
		// nothing, " …" or the minute's closing words.
		passage = strings.ReplaceAll(passage, PassageBreak, PassageDelimiter)
		for at := 0; at+len(passage) <= len(got); at++ {
			if got[at:at+len(passage)] != passage {
				continue
			}
			before, after := got[:at], got[at+len(passage):]
			if (before == "" || before == "… " || strings.HasPrefix(narrative, before)) &&
				(after == "" || after == " …" || strings.HasSuffix(narrative, after)) {
				return
			}
		}
		t.Fatalf("passageIn(%q, %q) = %q: not the passage with an ellipsis or the minute's own words at its ends", narrative, passage, got)
	})
}

// TestPassageInWithTheMinutesOwnEllipsis: a narrative that prints " … "
// itself is not cut there: the passage found after it is shown as found,
// with "… " before it, not glued to the minute's opening because its
// first words also stand there.
func TestPassageInWithTheMinutesOwnEllipsis(t *testing.T) {
	narrative := "The Board noted the report. After a long discussion of many other things the Board noted … the budget was approved."
	passage := "Board noted … the \x01budget\x02 was approved."
	if got, want := passageIn(narrative, passage), "… Board noted … the \x01budget\x02 was approved."; got != want {
		t.Errorf("passageIn = %q, want %q", got, want)
	}
	two := "Board noted the report\x18the \x01budget\x02 was approved."
	if got, want := passageIn(narrative, two), "The Board noted the report … the \x01budget\x02 was approved."; got != want {
		t.Errorf("passageIn of two parts = %q, want %q", got, want)
	}
}
