package commands_test

import (
	"context"
	"testing"
	"time"

	"github.com/quorumhq/quorum/commands"
)

// TestRemindersRunsEveryTick: the loop asks again on each tick, queues the
// 7-day reminder of the meeting on 10 December once its time comes (09:00
// on the 3rd), and returns when its context ends.
func TestRemindersRunsEveryTick(t *testing.T) {
	k := meetingKit(t)
	k.marked() // the Homes the set-up changed are not messages
	svc, db := k.svc, k.db
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	on := commands.Request{Command: "/meeting", Text: "reminders 7 9am", TeamID: "T1", ChannelID: "C1", UserID: "UIAN", Now: now}
	if _, err := svc.Run(ctx, on); err != nil {
		t.Fatal(err)
	}
	ticks := 0
	clock := func() time.Time {
		ticks++
		switch ticks {
		case 1, 2:
			return time.Date(2026, 12, 3, 8, 59, 0, 0, london)
		case 4:
			cancel() // the tick after the reminder was due: enough
		}
		return time.Date(2026, 12, 3, 9, 0, 0, 0, london)
	}
	if err := (&commands.Reminders{Service: svc, Now: clock, Every: time.Millisecond}).Run(ctx); err != nil {
		t.Errorf("Run = %v, want nil when stopped", err)
	}
	k.marked() // a post marks the officers' Homes; not a message either
	if pending, _, err := db.OutboxDepth(context.Background()); pending != 1 || err != nil {
		t.Errorf("%d messages queued (%v), want the reminder", pending, err)
	}
}
