package bot

import (
	"strconv"
	"strings"
	"testing"

	"github.com/slack-go/slack"

	"github.com/quorumhq/quorum/commands"
)

// TestPagesHoldEverything: however many sections a reply has, its pages
// stay within Slack's blocks, hold every section once and in order, the
// header on the first and the buttons and small print on the last.
func TestPagesHoldEverything(t *testing.T) {
	for _, n := range []int{1, 46, 47, 48, 49, 50, 97, 98, 99, 150, 400} {
		r := commands.Reply{Visibility: commands.Public, Header: "Agenda — Safer Sefton Together", Footer: "Send apologies with `/apologies`.",
			Buttons: []commands.Button{{Label: "Apologies", Action: "apologies.send_next", Value: "1"}}}
		for i := range n {
			r.Sections = append(r.Sections, commands.Section{Text: "section " + strings.Repeat("x", i%7) + "#" + strconv.Itoa(i)})
		}
		pages := Pages(r)
		var got []string
		for p, page := range pages {
			if len(page.Blocks) > maxBlocks {
				t.Errorf("%d sections: page %d has %d blocks", n, p+1, len(page.Blocks))
			}
			for b, blk := range page.Blocks {
				switch blk := blk.(type) {
				case *slack.SectionBlock:
					got = append(got, blk.Text.Text)
				case *slack.HeaderBlock:
					if p != 0 || b != 0 {
						t.Errorf("%d sections: a header on page %d", n, p+1)
					}
				case *slack.ActionBlock:
					if p != len(pages)-1 {
						t.Errorf("%d sections: buttons on page %d of %d", n, p+1, len(pages))
					}
				}
			}
		}
		if len(got) != n {
			t.Fatalf("%d sections: pages hold %d", n, len(got))
		}
		for i, text := range got {
			if !strings.HasSuffix(text, "#"+strconv.Itoa(i)) {
				t.Fatalf("%d sections: section %d reads %q", n, i, text)
			}
		}
		if n <= 46 && len(pages) != 1 {
			t.Errorf("%d sections fit one message, got %d pages", n, len(pages))
		}
	}
}

// FuzzFitsOneBySize: a reply that fitsOneBySize says is one message by
// its sizes alone is one page, however its lines fall: the check that
// spares short replies the pages' rendering never sends one cut short.
func FuzzFitsOneBySize(f *testing.F) {
	f.Add("Recorded.", 1, 40, 3)
	f.Add("x\n", 40, 2999, 1)
	f.Add(strings.Repeat("a\n", 1600), 10, 3001, 7)
	f.Add("<https://example.org/"+strings.Repeat("p", 3100)+"|r>", 3, 1500, 2)
	f.Fuzz(func(t *testing.T, text string, sections, size, step int) {
		if sections < 0 || sections > 60 || size < 0 || size > 20000 || step < 1 {
			return
		}
		r := commands.Reply{Visibility: commands.Private, Header: "Head", Text: text, Footer: "Small print.",
			Buttons: []commands.Button{{Label: "Go", Action: "a", Value: "1"}}}
		for i := range sections {
			var b strings.Builder
			for b.Len() < size {
				b.WriteString(strings.Repeat("w", step%3001))
				b.WriteByte('\n')
			}
			r.Sections = append(r.Sections, commands.Section{Title: "S" + strconv.Itoa(i), Text: b.String()})
		}
		if fitsOneBySize(r) {
			if pages := Pages(r); len(pages) != 1 {
				t.Fatalf("fits one message by size, but is %d pages", len(pages))
			}
		}
	})
}
