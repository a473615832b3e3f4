package fakeslack_test

import (
	"context"
	"strings"
	"testing"

	"github.com/slack-go/slack"

	"github.com/quorumhq/quorum/bot/fakeslack"
)

// Slack refuses a post or a view that breaks Block Kit's limits; the fake
// must too, or the bot's tests pass where Slack would drop the message.
func TestFakeRefusesWhatSlackRefuses(t *testing.T) {
	f := fakeslack.New()
	defer f.Close()
	api := slack.New("xoxb-test", slack.OptionAPIURL(f.URL()))
	ctx := context.Background()
	section := func(text string) slack.Block {
		return slack.NewSectionBlock(slack.NewTextBlockObject(slack.MarkdownType, text, false, false), nil, nil)
	}
	many := make([]slack.Block, 51)
	for i := range many {
		many[i] = section("item")
	}
	button := func(id, label string) slack.BlockElement {
		return slack.NewButtonBlockElement(id, "v", slack.NewTextBlockObject(slack.PlainTextType, label, false, false))
	}
	for name, blocks := range map[string][]slack.Block{
		"51 blocks":       many,
		"section of 3001": {section(strings.Repeat("é", 3001))},
		"empty section":   {section("")},
		"header of 151":   {slack.NewHeaderBlock(slack.NewTextBlockObject(slack.PlainTextType, strings.Repeat("h", 151), false, false))},
		"button label 76": {slack.NewActionBlock("", button("a", strings.Repeat("b", 76)))},
		"same action_id":  {slack.NewActionBlock("", button("a", "one"), button("a", "two"))},
		"same block_id":   {slack.NewDividerBlock(), slack.NewDividerBlock()},
	} {
		if name == "same block_id" {
			blocks[0].(*slack.DividerBlock).BlockID = "x"
			blocks[1].(*slack.DividerBlock).BlockID = "x"
		}
		_, _, err := api.PostMessageContext(ctx, "C1", slack.MsgOptionText("t", false), slack.MsgOptionBlocks(blocks...))
		if err == nil || err.Error() != "invalid_blocks" {
			t.Errorf("%s: posted with %v, want invalid_blocks", name, err)
		}
	}
	// Within the limits, counted in characters: 3000 "é" are 6000 bytes.
	ok := []slack.Block{section(strings.Repeat("é", 3000)), slack.NewActionBlock("", button("a", "one"), button("b", "two"))}
	if _, _, err := api.PostMessageContext(ctx, "C1", slack.MsgOptionText("t", false), slack.MsgOptionBlocks(ok...)); err != nil {
		t.Errorf("a message within the limits: %v", err)
	}
	modal := slack.ModalViewRequest{Type: slack.VTModal,
		Title:  slack.NewTextBlockObject(slack.PlainTextType, "A title of twenty-five ch", false, false),
		Submit: slack.NewTextBlockObject(slack.PlainTextType, "Save", false, false),
	}
	if _, err := api.OpenViewContext(ctx, "trigger", modal); err == nil || err.Error() != "invalid_blocks" {
		t.Errorf("a modal titled in 25 characters opened with %v, want invalid_blocks", err)
	}
	if got := len(f.Invalid()); got != 8 {
		t.Errorf("%d calls noted as breaking the limits, want 8", got)
	}
}
