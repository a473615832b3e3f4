package bot_test

import (
	"strings"
	"testing"

	"github.com/slack-go/slack"

	"github.com/quorumhq/quorum/bot"
	"github.com/quorumhq/quorum/commands"
)

// TestContinuedPartsNameTheMessageOnce: each part after the first of a
// post too long for one message says what it continues, in the words of
// the post — its header, or else its opening — with a committee called
// "Parks & Recreation" read as that, not as "Parks &amp; Recreation".
func TestContinuedPartsNameTheMessageOnce(t *testing.T) {
	for _, tc := range []struct {
		name string
		r    commands.Reply
		want string
	}{
		{"header", commands.Reply{Header: "Agenda — Parks & Recreation"}, "Agenda — Parks &amp; Recreation, continued (part 2 of 2)"},
		{"no header", commands.Reply{Text: "The minutes of *" + commands.Escape("Parks & Recreation") + "*."}, "The minutes of *Parks &amp; Recreation*., continued (part 2 of 2)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := tc.r
			r.Visibility = commands.Public
			for range 60 {
				r.Sections = append(r.Sections, commands.Section{Text: "A minute."})
			}
			pages := bot.Pages(r)
			if len(pages) != 2 {
				t.Fatalf("%d pages, want 2", len(pages))
			}
			ctx, ok := pages[1].Blocks[0].(*slack.ContextBlock)
			if !ok {
				t.Fatalf("part 2 opens with %T", pages[1].Blocks[0])
			}
			got := ctx.ContextElements.Elements[0].(*slack.TextBlockObject).Text
			if got != tc.want || strings.Contains(got, "&amp;amp;") {
				t.Errorf("part 2 says %q, want %q", got, tc.want)
			}
		})
	}
}
