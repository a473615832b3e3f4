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
