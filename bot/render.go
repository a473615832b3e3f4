package bot

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/slack-go/slack"

	"github.com/quorumhq/quorum/commands"
)

// Slack's limits on what one message may hold.
const (
	maxBlocks      = 50
	maxSectionText = 3000
	maxButtons     = 25
	maxHeaderText  = 150
	maxContextText = 2000
)

// Response is a reply as Slack takes it, in answer to a slash command or
// posted to a response_url.
type Response struct {
	ResponseType    string        `json:"response_type,omitempty"`
	Text            string        `json:"text"`
	Blocks          []slack.Block `json:"blocks,omitempty"`
	ReplaceOriginal bool          `json:"replace_original,omitempty"`
}

// Message renders a Reply for Slack. All Block Kit is made here.
func Message(r commands.Reply) Response {
	rt := slack.ResponseTypeEphemeral
	if r.Visibility == commands.Public {
		rt = slack.ResponseTypeInChannel
	}
	return Response{ResponseType: rt, Text: fallback(r), Blocks: Blocks(r)}
}

// fallback is the plain text Slack shows in notifications.
func fallback(r commands.Reply) string {
	if r.Header != "" {
		return truncate(r.Header, maxSectionText)
	}
	text := r.Text
	if text == "" && len(r.Sections) > 0 {
		text = r.Sections[0].Title
	}
	return truncate(text, maxSectionText)
}

// Blocks renders a Reply as Block Kit blocks, within Slack's limits.
func Blocks(r commands.Reply) []slack.Block {
	var blocks []slack.Block
	var head, foot []slack.Block
	if h := strings.TrimSpace(r.Header); h != "" {
		head = append(head, slack.NewHeaderBlock(slack.NewTextBlockObject(slack.PlainTextType, truncate(h, maxHeaderText), false, false)))
	}
	if f := strings.TrimSpace(r.Footer); f != "" {
		foot = append(foot, slack.NewDividerBlock(),
			slack.NewContextBlock("", slack.NewTextBlockObject(slack.MarkdownType, truncate(f, maxContextText), false, false)))
	}
	add := func(text string) {
		for _, chunk := range chunks(text, maxSectionText) {
			blocks = append(blocks, slack.NewSectionBlock(slack.NewTextBlockObject(slack.MarkdownType, chunk, false, false), nil, nil))
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
	var actions *slack.ActionBlock
	if len(r.Buttons) > 0 {
		elems := make([]slack.BlockElement, 0, len(r.Buttons))
		seen := map[string]int{}
		for i, b := range r.Buttons {
			if i == maxButtons {
				break
			}
			id := b.Action
			if n := seen[b.Action]; n > 0 {
				id = fmt.Sprintf("%s#%d", b.Action, n)
			}
			seen[b.Action]++
			btn := slack.NewButtonBlockElement(id, b.Value, slack.NewTextBlockObject(slack.PlainTextType, truncate(b.Label, 75), false, false))
			switch b.Style {
			case "primary":
				btn.Style = slack.StylePrimary
			case "danger":
				btn.Style = slack.StyleDanger
			}
			elems = append(elems, btn)
		}
		actions = slack.NewActionBlock("", elems...)
	}
	room := maxBlocks - len(head) - len(foot)
	if actions != nil {
		room--
	}
	if len(blocks) > room {
		hidden := len(blocks) - (room - 1)
		blocks = append(blocks[:room-1], slack.NewContextBlock("", slack.NewTextBlockObject(slack.MarkdownType,
			fmt.Sprintf("… %d more %s not shown.", hidden, plural(hidden, "part", "parts")), false, false)))
	}
	if actions != nil {
		blocks = append(blocks, actions)
	}
	if len(head)+len(foot) > 0 {
		blocks = append(append(head, blocks...), foot...)
	}
	return blocks
}

// ActionName strips the suffix Blocks adds to tell apart buttons that share
// an action.
func ActionName(actionID string) string {
	name, _, _ := strings.Cut(actionID, "#")
	return name
}

// chunks splits text into pieces of at most n bytes, at line ends where it can.
func chunks(text string, n int) []string {
	var out []string
	for len(text) > n {
		cut := strings.LastIndex(text[:n], "\n")
		if cut <= 0 {
			cut = n
			for cut > 0 && !utf8.RuneStart(text[cut]) {
				cut--
			}
		}
		out = append(out, text[:cut])
		text = strings.TrimLeft(text[cut:], "\n")
	}
	if text != "" {
		out = append(out, text)
	}
	return out
}

// truncate shortens s to at most n bytes, on a rune boundary, marking the cut.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n - len("…")
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
