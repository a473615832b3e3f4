package main

import (
	"context"
	"io"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/quorumhq/quorum/bot/fakeslack"
	"github.com/quorumhq/quorum/commands"
	"github.com/quorumhq/quorum/storage"
	"github.com/quorumhq/quorum/storage/pgtest"
)

// TestTwoServesShareADatabaseWhileSlackFails runs two quorum serve
// processes' code on one database while an agenda post and a reminder are
// due and Slack fails: three 500s, a 429 asking for a second's wait, then a
// slow answer. When Slack recovers, the agenda and the reminder are each in
// the channel exactly once.
func TestTwoServesShareADatabaseWhileSlackFails(t *testing.T) {
	dsn := pgtest.DSN(t)
	fake := fakeslack.New()
	t.Cleanup(fake.Close)
	fake.Fail("chat.postMessage", fakeslack.Fault{Status: 500, Times: 3})
	fake.Fail("chat.postMessage", fakeslack.Fault{Status: 429, RetryAfter: 1, Times: 1})
	fake.Fail("chat.postMessage", fakeslack.Fault{Delay: 2 * time.Second, Times: 1})

	ctx := context.Background()
	db, err := storage.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	svc := commands.New(db, commands.SampleDirectory{})
	at := time.Time{} // the request's clock; zero: now
	run := func(command, text string) commands.Reply {
		t.Helper()
		now := at
		if now.IsZero() {
			now = time.Now()
		}
		r, err := svc.Run(ctx, commands.Request{Command: command, Text: text, TeamID: "T1", ChannelID: "C1", UserID: "UIAN", UserName: "ian", Now: now})
		if err != nil {
			t.Fatalf("%s %s: %v", command, text, err)
		}
		return r
	}
	// A reminder one day before the meeting fell due five minutes ago, for
	// a meeting scheduled before then: no serve was running to send it.
	london, _ := time.LoadLocation("Europe/London")
	due := time.Now().In(london).Add(-5 * time.Minute)
	meetingDay := due.AddDate(0, 0, 1).Format("2006-01-02")
	at = due.Add(-time.Hour)
	run("/committee", "setup Safer Sefton Together")
	for _, want := range []struct{ text, says string }{
		{"schedule " + meetingDay + " 23:00 Remote Meeting", "will meet on"},
		{"reminders 1 " + due.Format("15:04"), "1 day before"},
	} {
		if r := run("/meeting", want.text); !strings.Contains(r.Text, want.says) {
			t.Fatalf("/meeting %s: %q", want.text, r.Text)
		}
	}
	at = time.Time{}
	if r := run("/agenda", "post"); !strings.Contains(r.Text, "on its way") {
		t.Fatalf("/agenda post: %q", r.Text)
	}

	env := map[string]string{
		"DATABASE_URL": dsn, "SLACK_BOT_TOKEN": "xoxb-test", "SLACK_SIGNING_SECRET": "secret",
		"SLACK_API_URL": fake.URL(), "LISTEN_ADDR": "127.0.0.1:0", "LOG_LEVEL": "error",
	}
	sctx, stop := context.WithCancel(ctx)
	var wg sync.WaitGroup
	for range 2 {
		wg.Go(func() {
			if err := serve(sctx, nil, io.Discard, func(k string) string { return env[k] }); err != nil {
				t.Errorf("serve: %v", err)
			}
		})
	}
	defer func() { stop(); wg.Wait() }()

	deadline := time.Now().Add(90 * time.Second)
	for {
		pending, failed, err := db.OutboxDepth(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if failed > 0 {
			t.Fatalf("%d messages given up on", failed)
		}
		if pending == 0 && len(fake.Messages("C1")) >= 2 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("after 90s: %d pending, %d messages in the channel", pending, len(fake.Messages("C1")))
		}
		time.Sleep(200 * time.Millisecond)
	}
	time.Sleep(time.Second) // a double post would show by now
	var agendas, reminders int
	for _, m := range fake.Messages("C1") {
		switch {
		case strings.HasPrefix(m.Text, "Agenda — Safer Sefton Together"):
			agendas++
		case strings.HasPrefix(m.Text, "Reminder: Safer Sefton Together"):
			reminders++
		default:
			t.Errorf("unexpected message %q", m.Text)
		}
	}
	// Acknowledged: the agenda post and the reminder, both queued; the
	// channel stands for the database. Any other message is phantom.
	f := figures{acknowledged: 2, inDatabase: agendas + reminders}
	for _, n := range []int{agendas, reminders} {
		if n == 0 {
			f.lost++
		} else {
			f.duplicates += n - 1
		}
	}
	f.phantom = len(fake.Messages("C1")) - agendas - reminders
	f.report(t, "slack-failing")
	if agendas != 1 || reminders != 1 {
		t.Errorf("channel has %d agendas and %d reminders; want each once", agendas, reminders)
	}
	if n := len(fake.Calls("chat.postMessage")); n < 6 { // 3 × 500, a 429, a slow success and one more
		t.Errorf("%d chat.postMessage calls; the faults were not all met", n)
	}
}

// figures are what a drill counts, printed in the format of bot's drills
// (bot/fault_test.go) so that one grep shows them all.
type figures struct{ acknowledged, inDatabase, lost, phantom, inDoubt, duplicates int }

// report prints the figures and fails the drill if anything was lost,
// appeared unasked for, or was done twice.
func (f figures) report(t *testing.T, drill string) {
	t.Helper()
	t.Logf("drill %s: acknowledged=%d in-database=%d lost=%d phantom=%d in-doubt=%d duplicates=%d",
		drill, f.acknowledged, f.inDatabase, f.lost, f.phantom, f.inDoubt, f.duplicates)
	if f.lost != 0 || f.phantom != 0 || f.duplicates != 0 {
		t.Errorf("drill %s: %d lost, %d phantom, %d duplicates; want none", drill, f.lost, f.phantom, f.duplicates)
	}
}
