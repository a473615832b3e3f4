package bot_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/slack-go/slack"

	"github.com/quorumhq/quorum/commands"
	"github.com/quorumhq/quorum/internal/bottest"
)

// brokenMarkup says what in a block's text is broken Slack markup: a link
// or mention without its start or end, or an entity cut short.
func brokenMarkup(text string) string {
	open := false
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '<':
			if open {
				return "a link inside a link"
			}
			open = true
		case '>':
			if !open {
				return "the end of a link without its start"
			}
			open = false
		case '&':
			rest := text[i:]
			if !strings.HasPrefix(rest, "&amp;") && !strings.HasPrefix(rest, "&lt;") && !strings.HasPrefix(rest, "&gt;") {
				return "an entity cut short: " + rest[:min(len(rest), 6)]
			}
		}
	}
	if open {
		return "a link without its end"
	}
	for _, tail := range []string{"amp;", "lt;", "gt;", "mp;", "t;"} {
		if strings.HasPrefix(text, tail) {
			return "the tail of an entity: " + tail
		}
	}
	return ""
}

// fill repeats unit (as Slack sends it, escaped) until the unescaped text
// is n characters long.
func fill(unit string, n int) string {
	var b strings.Builder
	for len(commands.Unescape(b.String())) < n {
		b.WriteString(unit)
	}
	s := b.String()
	for len(commands.Unescape(s)) > n {
		s = s[:len(s)-1]
		for strings.HasSuffix(s, "&") || strings.HasSuffix(s, "&a") || strings.HasSuffix(s, "&am") || strings.HasSuffix(s, "&amp") || strings.HasSuffix(s, "&l") || strings.HasSuffix(s, "&lt") || strings.HasSuffix(s, "&g") || strings.HasSuffix(s, "&gt") {
			s = s[:len(s)-1]
		}
	}
	return s
}

// TestLongestFieldsSplitWithoutBreakingMarkup posts an agenda whose item
// has the longest title and presenter allowed, full of characters Slack
// writes as entities, and reports with the longest titles and addresses
// allowed: the item's line is longer than a block holds, and every block
// it is split into has its links, mentions and entities whole.
func TestLongestFieldsSplitWithoutBreakingMarkup(t *testing.T) {
	k := newCommittee(t)
	k.Must(officer, "/meeting", "schedule 2026-12-10 10:00 Remote Meeting")
	title := fill("Fish &amp; chips &lt;x&gt; ", commands.MaxTitleLen)
	presenter := fill("R&amp;D ", commands.MaxPresenterLen)
	wantText(t, k.Must(officer, "/agenda", "add 5 "+title+" — "+presenter), "Added item")
	plainURL := "https://sefton.gov.uk/" + strings.Repeat("a", commands.MaxURLLen-len("https://sefton.gov.uk/"))
	// As many & as a slash command's 4,000 characters can carry, with
	// Slack writing each as &amp;.
	ampURL := "https://sefton.gov.uk/r?" + fill("a=1&amp;", 1500)
	reportTitle := fill("Q&amp;A &lt;draft&gt; ", commands.MaxReportTitleLen)
	for _, c := range []struct{ who, url string }{{neil, plainURL}, {graeme, ampURL}, {officer, plainURL}} {
		r := k.Must(c.who, "/report", "5 "+c.url+" "+reportTitle)
		if !strings.Contains(r.Text(), "attached") {
			t.Fatalf("/report by %s: %s", c.who, r.Text())
		}
	}
	wantText(t, k.Must(officer, "/agenda", "post"), "on its way")
	k.Drain()
	msgs := k.Slack.Messages(bottest.Channel)
	if len(msgs) == 0 {
		t.Fatal("the agenda was not posted")
	}
	var blocks slack.Blocks
	if err := json.Unmarshal([]byte(msgs[0].Blocks), &blocks); err != nil {
		t.Fatal(err)
	}
	var sections int
	var all string
	for i, blk := range blocks.BlockSet {
		s, ok := blk.(*slack.SectionBlock)
		if !ok || s.Text == nil {
			continue
		}
		sections++
		all += s.Text.Text
		if len(s.Text.Text) > 3000 {
			t.Errorf("block %d: %d bytes, over Slack's 3000", i, len(s.Text.Text))
		}
		if why := brokenMarkup(s.Text.Text); why != "" {
			t.Errorf("block %d: %s:\n%s", i, why, s.Text.Text)
		}
	}
	t.Logf("the agenda took %d section blocks", sections)
	if !strings.Contains(all, "<"+plainURL+"|") {
		t.Errorf("the report with the longest plain address is not a link")
	}
}
