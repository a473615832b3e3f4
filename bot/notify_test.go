package bot_test

import (
	"testing"
	"time"

	"github.com/quorumhq/quorum/internal/bottest"
)

// TestNotificationTextSaysWhichMeeting: a phone's notification of a posted
// message shows its top-level text and nothing else, and a screen reader
// announces it. A member of two committees must learn from it which
// committee and which meeting: a heading alone ("Meeting in progress")
// does not say.
func TestNotificationTextSaysWhichMeeting(t *testing.T) {
	k := newCommittee(t) // Monday 23 November 2026, noon
	k.Must(officer, "/meeting", "schedule 2026-12-10 10:00 Bootle Town Hall")
	k.Must(officer, "/agenda", "post")
	k.Drain()
	k.SetNow(time.Date(2026, 12, 9, 9, 0, 0, 0, london))
	k.Remind()
	k.Drain()
	k.SetNow(time.Date(2026, 12, 10, 9, 55, 0, 0, london))
	k.Must(officer, "/meeting", "start")
	k.Drain()
	msgs := k.Slack.Messages(bottest.Channel)
	if len(msgs) != 3 {
		t.Fatalf("%d messages in the channel, want the agenda, the reminder and the live message", len(msgs))
	}
	for i, want := range []string{
		"Agenda — Safer Sefton Together. Thursday 10 December 2026, 10:00 (Europe/London time)",
		"Reminder: Safer Sefton Together meets tomorrow. Thursday 10 December 2026, 10:00 (Europe/London time)",
		"Meeting in progress. Safer Sefton Together — Thursday 10 December 2026, 10:00, Bootle Town Hall",
	} {
		if msgs[i].Text != want {
			t.Errorf("notification of message %d = %q, want %q", i+1, msgs[i].Text, want)
		}
	}
}
