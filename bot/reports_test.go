package bot_test

import (
	"strings"
	"testing"

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
		"Report: report\nAddress: <https://evil.example/x|https://evil.example/x>", "reads like a web address")
	wantText(t, k.Must(graeme, "/report", "5 <https://police.example/r.pdf|sefton.gov.uk> Community safety report"),
		"Report: Community safety report\nAddress: <https://police.example/r.pdf|https://police.example/r.pdf>")
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
