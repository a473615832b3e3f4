package commands_test

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"github.com/quorumhq/quorum/commands"
)

// TestRemindersRunsEveryTick: the loop asks again on each tick, queues the
// 7-day reminder of the meeting on 10 December once its time comes
// (09:00 on the 3rd), and stops when told to.
func TestRemindersRunsEveryTick(t *testing.T) {
	svc, db, _ := committee(t)
	on := commands.Request{Command: "/meeting", Text: "reminders 7 9am", TeamID: "T1", ChannelID: "C1", UserID: "UIAN", Now: now}
	if _, err := svc.Run(context.Background(), on); err != nil {
		t.Fatal(err)
	}
	var ticks atomic.Int32
	clock := func() time.Time {
		if ticks.Add(1) < 3 {
			return time.Date(2026, 12, 3, 8, 59, 0, 0, london)
		}
		return time.Date(2026, 12, 3, 9, 0, 0, 0, london)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- (&commands.Reminders{Service: svc, Now: clock, Every: 5 * time.Millisecond}).Run(ctx) }()

	deadline := time.Now().Add(5 * time.Second)
	for {
		pending, _, err := db.OutboxDepth(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if pending > 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("nothing queued after %d ticks", ticks.Load())
		}
		time.Sleep(5 * time.Millisecond)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Run = %v, want nil when stopped", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Run did not stop within 5s of being told to")
	}
	if n := ticks.Load(); n < 3 {
		t.Errorf("%d ticks; the reminder was queued before its time", n)
	}
	if n, err := svc.EnqueueDueReminders(context.Background(), clock()); n != 0 || err != nil {
		t.Errorf("the reminder was not queued once: %d more, %v", n, err)
	}
}
