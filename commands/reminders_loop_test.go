package commands_test

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/quorumhq/quorum/commands"
)

// TestRemindersRunsEveryTick: the loop asks again on each tick, queues the
// 7-day reminder of the meeting on 10 December once its time comes (09:00
// on the 3rd), and returns when its context ends.
func TestRemindersRunsEveryTick(t *testing.T) {
	k := remindersAt9(t)
	svc, db := k.svc, k.db
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
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

// TestRemindersGoOnAfterATickPanics: one tick trips a bug (here the clock
// it reads). It is logged with the panic and its stack, and the loop goes
// on to queue the reminder at the next tick. Before, the panic ended the
// process that runs the loop.
func TestRemindersGoOnAfterATickPanics(t *testing.T) {
	k := remindersAt9(t)
	svc, db := k.svc, k.db
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ticks := 0
	clock := func() time.Time {
		ticks++
		switch ticks {
		case 1:
			var m map[string]int
			m["tick"]++
		case 3:
			cancel()
		}
		return time.Date(2026, 12, 3, 9, 0, 0, 0, london)
	}
	var logs bytes.Buffer
	log := slog.New(slog.NewTextHandler(&logs, nil))
	if err := (&commands.Reminders{Service: svc, Log: log, Now: clock, Every: time.Millisecond}).Run(ctx); err != nil {
		t.Errorf("Run = %v, want nil when stopped", err)
	}
	for _, want := range []string{"reminders: panic", "assignment to entry in nil map", "reminders_loop_test.go"} {
		if !strings.Contains(logs.String(), want) {
			t.Errorf("the log lacks %q:\n%s", want, logs.String())
		}
	}
	k.marked()
	if pending, _, err := db.OutboxDepth(context.Background()); pending != 1 || err != nil {
		t.Errorf("%d messages queued (%v), want the reminder, queued at the tick after the panic", pending, err)
	}
}

// remindersAt9 is the meeting kit with the 7-day reminder at 9am (of the
// meeting on 10 December: due at 09:00 on the 3rd), the Homes the set-up
// changed taken as no messages.
func remindersAt9(t *testing.T) *kit {
	t.Helper()
	k := meetingKit(t)
	on := commands.Request{Command: "/meeting", Text: "reminders 7 9am", TeamID: "T1", ChannelID: "C1", UserID: "UIAN", Now: now}
	if _, err := k.svc.Run(context.Background(), on); err != nil {
		t.Fatal(err)
	}
	k.marked()
	return k
}
