package bot_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/quorumhq/quorum/bot/fakeslack"
	"github.com/quorumhq/quorum/internal/bottest"
)

// TestDisguisedReportLink: a report titled with another address is posted
// in the channel's agenda, and listed, with a neutral text and the host it
// really opens; no link anywhere reads as the address it does not open.
func TestDisguisedReportLink(t *testing.T) {
	k := newCommittee(t)
	k.Must(officer, "/meeting", "schedule 2026-12-10 10:00 Remote Meeting")
	k.Must(officer, "/agenda", "add 4 Community Safety — Neil Frackelton")
	k.Must(officer, "/agenda", "add 5 Local Policing Update — Graeme Robson")
	wantText(t, k.Must(neil, "/report", "4 https://evil.example/x https://sefton.gov.uk/official-report.pdf"),
		"<https://evil.example/x|report> (evil.example)", "reads like a web address")
	wantText(t, k.Must(graeme, "/report", "5 <https://police.example/r.pdf|sefton.gov.uk> Community safety report"),
		"<https://police.example/r.pdf|Community safety report> (police.example)")
	k.Must(officer, "/agenda", "post")
	k.Drain()
	msgs := k.Slack.Messages(bottest.Channel)
	if len(msgs) != 1 {
		t.Fatalf("%d messages in the channel, want the agenda", len(msgs))
	}
	wantShown(t, msgs[0], "<https://evil.example/x|report> (evil.example)",
		"<https://police.example/r.pdf|Community safety report> (police.example)")
	list := k.Must(officer, "/report", "list")
	wantText(t, list, "<https://evil.example/x|report> (evil.example)")
	for _, text := range []string{shown(t, msgs[0]), list.Text()} {
		if strings.Contains(text, "|https://sefton") || strings.Contains(text, "|sefton.gov.uk") {
			t.Errorf("a link reads as an address it does not open:\n%s", text)
		}
	}
}

// TestGoneAgendaToldOnce: when Slack refuses updates of the posted agenda
// for good (the message deleted, the bot removed), twenty changes make one
// failed update and one notice to the officer, not one each; posting again
// posts afresh, and that message is kept up to date.
func TestGoneAgendaToldOnce(t *testing.T) {
	for _, slackErr := range []string{"message_not_found", "not_in_channel"} {
		t.Run(slackErr, func(t *testing.T) {
			k := newCommittee(t)
			k.Must(officer, "/meeting", "schedule 2026-12-10 10:00 Remote Meeting")
			k.Must(officer, "/agenda", "post")
			k.Drain()
			k.Slack.Fail("chat.update", fakeslack.Fault{Error: slackErr})
			updates := len(k.Slack.Calls("chat.update"))
			for i := range 20 {
				k.Must(officer, "/agenda", fmt.Sprintf("add %d Item %d", 4+i, i))
				k.Drain()
			}
			if n := len(k.Slack.Calls("chat.update")) - updates; n != 1 {
				t.Errorf("%d chat.update calls after Slack refused the first for good, want 1", n)
			}
			notices := k.Slack.Messages("D" + officer)
			if len(notices) != 1 {
				t.Fatalf("%d notices to the officer, want 1", len(notices))
			}
			wantShown(t, notices[0], "The agenda for the meeting on Thursday 10 December 2026 I posted in <#C1>",
				"can no longer be updated", slackErr, "`/agenda post 2026-12-10`")

			k.Slack.Heal()
			wantText(t, k.Must(officer, "/agenda", "post"), "on its way to <#C1>")
			k.Drain()
			msgs := k.Slack.Messages(bottest.Channel)
			if len(msgs) != 2 {
				t.Fatalf("%d messages in the channel, want the agenda posted again", len(msgs))
			}
			wantShown(t, msgs[1], "*23* Item 19")
			k.Must(neil, "/apologies", "Unwell")
			k.Drain()
			wantShown(t, k.Slack.Messages(bottest.Channel)[1], "Neil Frackelton (SWACA)")
			if n := len(k.Slack.Messages("D" + officer)); n != 1 {
				t.Errorf("%d notices to the officer in all, want 1", n)
			}
		})
	}
}
