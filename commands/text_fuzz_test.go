package commands

import (
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// Free text kept for the records (an action, a reason) is one line, within
// its limit, and carries no control character that could hide in it or
// mark a search's highlight.
func FuzzClean(f *testing.F) {
	for _, s := range []string{"Write to the council\n about the bins", "\x1b[31mred\x1b[0m", "tab\tin\there", "a\x00b", "\xff\xfe",
		"  spaced   out  ", "é" + strings.Repeat("ü", 40), "\u0085next line", "\uFFFD", "\u200b", "line\r\nbreak", "Minute 12 of the year"} {
		f.Add(s, 10)
		f.Add(s, 0)
	}
	f.Fuzz(func(t *testing.T, s string, n int) {
		n %= 1000
		if n < 0 {
			n = -n
		}
		out := clean(s, n)
		if n > 0 && len(out) > n {
			t.Fatalf("clean(%q, %d) = %q: %d bytes", s, n, out, len(out))
		}
		if utf8.ValidString(s) && !utf8.ValidString(out) {
			t.Fatalf("clean(%q, %d) = %q: cut inside a character", s, n, out)
		}
		if strings.ContainsFunc(out, func(r rune) bool { return unicode.IsControl(r) || r == '\uFFFD' }) {
			t.Fatalf("clean(%q, %d) = %q: kept a control character", s, n, out)
		}
		if strings.Contains(out, "  ") || strings.HasPrefix(out, " ") || strings.HasSuffix(out, " ") {
			t.Fatalf("clean(%q, %d) = %q: spaces not made one, or left at an end", s, n, out)
		}
		if again := clean(out, n); again != out {
			t.Fatalf("clean(%q, %d) = %q, which cleaned again is %q", s, n, out, again)
		}
		if all := clean(s, 0); !strings.HasPrefix(all, out) {
			t.Fatalf("clean(%q, %d) = %q, which does not begin %q, the text uncut", s, n, out, all)
		}
	})
}

// mentionInMarked is a mention as plainMarked marks it.
var mentionInMarked = regexp.MustCompile("\x00[A-Za-z0-9]+\\|[^\x00]*\x00")

// plainMarked marks each mention, and nothing else, for namedMentions: a
// NUL typed or pasted cannot pass for a mark, nor make one.
func FuzzPlainMarked(f *testing.F) {
	for _, s := range []string{"ask <@U123|neil> about it", "<@U1> and <@U2|x y>, then <#C1|general>", "&lt;@U1&gt; typed", "a\x00U1|x\x00b",
		"<@U1|a\x00b>", "<https://x.org|x.org> <mailto:jo@x.org|jo@x.org> <!here>", "<@U1|<@U2>>", "<@>", "<@U1|>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		words := strings.Fields(text)
		want := len(mentionMarkup.FindAllString(strings.Join(words, " "), -1))
		out := plainMarked(words)
		if got := len(mentionInMarked.FindAllString(out, -1)); got != want {
			t.Fatalf("plainMarked(%q) = %q: %d mentions marked, want %d", words, out, got, want)
		}
		if rest := mentionInMarked.ReplaceAllString(out, ""); strings.Contains(rest, mentionMark) {
			t.Fatalf("plainMarked(%q) = %q: a mark outside a mention", words, out)
		}
	})
}

// Committee names near one another are near whichever is typed first:
// the warning before importing into one must not depend on the order.
func FuzzNearNames(f *testing.F) {
	for _, p := range [][2]string{{"Safer Sefton Together", "Safer Sefton Togther"}, {"Safer Sefton", "Safer Sefton Together"},
		{"Area Committee 2", "Area Committee 3"}, {"Planning Committee South", "Planning Committee"}, {"Sub-Committee B", "Sub-Committee C"},
		{"Strategic Planning Committee", "Planning Committee"}, {"Раrking", "Parking"}, {"", "x"}, {"ab", "ba"}, {"Licensing", "Licencing"}} {
		f.Add(p[0], p[1])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		ab, ba := nearName(a, b), nearName(b, a)
		if ab != ba {
			t.Fatalf("nearName(%q, %q) = %v, but nearName(%q, %q) = %v", a, b, ab, b, a, ba)
		}
		if !nearName(a, a) {
			t.Fatalf("%q is not near itself", a)
		}
		if got := NearNames(a, []string{b, a}); len(got) < 1 || got[len(got)-1] != a || (len(got) == 2) != ab {
			t.Fatalf("NearNames(%q, [%q %q]) = %q", a, b, a, got)
		}
		if ms := MixedScripts(a); len(ms) == 1 {
			t.Fatalf("MixedScripts(%q) = %q: one script is not mixed", a, ms)
		}
	})
}
