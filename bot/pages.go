package bot

import (
	"fmt"
	"strings"

	"github.com/slack-go/slack"

	"github.com/quorumhq/quorum/commands"
)

// Pages renders a Reply as one or more channel messages, for a post too
// long for one message's 50 blocks (an agenda of hundreds of items): the
// first holds the header, the last the buttons and the small print, and
// each after the first says which part of how many it is. A reply that
// fits is one page, rendered as Message renders it. Nothing is left out.
func Pages(r commands.Reply) []Response {
	one := Message(r)
	var sections []slack.Block
	add := func(text string) {
		for _, chunk := range chunks(text, maxSectionText) {
			sections = append(sections, slack.NewSectionBlock(slack.NewTextBlockObject(slack.MarkdownType, chunk, false, false), nil, nil))
		}
	}
	if r.Text != "" {
		add(r.Text)
	}
	for _, s := range r.Sections {
		text := s.Text
		if s.Title != "" {
			text = "*" + s.Title + "*\n" + text
		}
		if strings.TrimSpace(text) != "" {
			add(text)
		}
	}
	var head, tail []slack.Block
	if h := strings.TrimSpace(r.Header); h != "" {
		head = append(head, slack.NewHeaderBlock(slack.NewTextBlockObject(slack.PlainTextType, truncate(h, maxHeaderText), false, false)))
	}
	if actions := actionsBlock(r.Buttons); actions != nil {
		tail = append(tail, actions)
	}
	if f := strings.TrimSpace(r.Footer); f != "" {
		tail = append(tail, slack.NewDividerBlock(),
			slack.NewContextBlock("", slack.NewTextBlockObject(slack.MarkdownType, truncate(f, maxContextText), false, false)))
	}
	if len(head)+len(sections)+len(tail) <= maxBlocks {
		return []Response{one}
	}
	// Pages after the first begin with a line saying what they continue.
	var pages [][]slack.Block
	page := append([]slack.Block(nil), head...)
	for _, b := range sections {
		if len(page) == maxBlocks {
			pages = append(pages, page)
			page = []slack.Block{nil} // room for the "continued" line
		}
		page = append(page, b)
	}
	if len(page)+len(tail) > maxBlocks {
		pages = append(pages, page)
		page = []slack.Block{nil}
	}
	pages = append(pages, append(page, tail...))
	// The header is plain text; fallback is mrkdwn already escaped.
	title := commands.Escape(strings.TrimSpace(r.Header))
	if title == "" {
		title = fallback(r)
	}
	out := make([]Response, len(pages))
	for i, blocks := range pages {
		text := one.Text
		if i > 0 {
			line := fmt.Sprintf("%s, continued (part %d of %d)", title, i+1, len(pages))
			blocks[0] = slack.NewContextBlock("", slack.NewTextBlockObject(slack.MarkdownType, truncate(line, maxContextText), false, false))
			text = truncate(line, maxSectionText)
		}
		out[i] = Response{ResponseType: one.ResponseType, Text: text, Blocks: blocks}
	}
	return out
}

// partKey is the key under which part n (from 2) of the message posted
// under key is kept.
func partKey(key string, n int) string { return fmt.Sprintf("%s#%d", key, n) }

// unusedPart is what a part no longer needed is edited to, when the
// message it continued has become shorter.
var unusedPart = Response{Text: "(No longer needed: the message above is shorter now.)", Blocks: []slack.Block{
	slack.NewContextBlock("", slack.NewTextBlockObject(slack.MarkdownType, "_(No longer needed: the message above is shorter now.)_", false, false)),
}}
