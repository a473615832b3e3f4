package bot

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/quorumhq/quorum/commands"
)

// badCuts are the positions of text where a cut would split markup: inside
// a link or mention, inside an entity, or inside a character.
func badCuts(text string) map[int]bool {
	bad := map[int]bool{}
	for i := 0; i < len(text); i++ {
		if !utf8.RuneStart(text[i]) {
			bad[i] = true
		}
		span := 0
		switch {
		case text[i] == '<':
			span = strings.IndexByte(text[i:], '>')
		case text[i] == '&' && isEntityAt(text, i):
			span = strings.IndexByte(text[i:], ';')
		}
		for j := i + 1; j <= i+span; j++ {
			bad[j] = true
		}
	}
	return bad
}

// checkPieces fails the test if pieces, split from text, are longer than n,
// do not add up to text (less the line breaks cut at), or were cut where
// badCuts says not to.
func checkPieces(t *testing.T, text string, n int, pieces []string) {
	t.Helper()
	bad := badCuts(text)
	pos := 0
	for j, p := range pieces {
		if len(p) > n {
			t.Fatalf("piece %d: %d bytes, over %d", j, len(p), n)
		}
		for pos < len(text) && text[pos] == '\n' && !strings.HasPrefix(p, "\n") {
			pos++
		}
		if !strings.HasPrefix(text[pos:], p) {
			t.Fatalf("piece %d is not the text that follows the one before", j)
		}
		if end := pos + len(p); end < len(text) && bad[end] && utf8.ValidString(text) {
			t.Fatalf("piece %d of %d cut inside markup:\n…%s|%s…", j, len(pieces), text[max(0, pos+len(p)-40):pos+len(p)], text[pos+len(p):min(len(text), pos+len(p)+40)])
		}
		pos += len(p)
	}
	if strings.Trim(text[pos:], "\n") != "" {
		t.Fatalf("the pieces stop %d bytes short of the text", len(text)-pos)
	}
}

// markup is text as the commands build it: escaped user text with links
// and mentions, up to the longest fields allowed.
func markup(r *rand.Rand) string {
	var b strings.Builder
	for b.Len() < 12000 {
		switch r.IntN(6) {
		case 0:
			b.WriteString(commands.LinkText("https://sefton.gov.uk/"+strings.Repeat("a&b", r.IntN(commands.MaxURLLen/3)), strings.Repeat("R&D <é> ", r.IntN(commands.MaxReportTitleLen/8))))
		case 1:
			b.WriteString("<@U0123ABCD>")
		case 2:
			b.WriteString(commands.Escape(strings.Repeat("Fish & chips <x> ", r.IntN(commands.MaxTitleLen/17))))
		case 3:
			b.WriteString(" · ")
		case 4:
			b.WriteString(strings.Repeat("é", r.IntN(50)))
		case 5:
			if r.IntN(4) == 0 {
				b.WriteString("\n")
			}
		}
	}
	return b.String()
}

func TestChunksKeepMarkupWhole(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 300 {
		text := markup(r)
		n := maxSectionText - r.IntN(40)
		pieces := chunks(text, n)
		checkPieces(t, fitLinks(text, n), n, pieces)
		if tr := strings.TrimSuffix(truncate(text, n), "…"); len(tr) > n || badCuts(text)[len(tr)] {
			t.Fatalf("text %d: truncated inside markup: …%s", i, tr[max(0, len(tr)-60):])
		}
	}
}

func FuzzChunks(f *testing.F) {
	f.Add("Fish &amp; chips <https://x.example/a&amp;b|R&amp;D> <@U1> tail", 20)
	f.Add("&lt;&gt;&amp;", 3)
	f.Fuzz(func(t *testing.T, text string, n int) {
		if n < 12 || n > 4000 {
			return
		}
		text = commands.Escape(text) + " " + commands.LinkText("https://x.example/"+text, text)
		checkPieces(t, fitLinks(text, n), n, chunks(text, n))
	})
}
