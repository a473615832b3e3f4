package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/quorumhq/quorum/bot/fakeslack"
	"github.com/quorumhq/quorum/commands"
	"github.com/quorumhq/quorum/storage"
	"github.com/quorumhq/quorum/storage/pgtest"
)

// serveHelper marks the test binary started as `quorum serve` by
// TestServeKilledWithQueuedPosts, so that the drill kills a real process
// without building the command first.
const serveHelper = "QUORUM_DRILL_SERVE"

// TestServeProcess is quorum serve when started by the drill below; run on
// its own it does nothing.
func TestServeProcess(t *testing.T) {
	if os.Getenv(serveHelper) != "1" {
		t.Skip("started only by TestServeKilledWithQueuedPosts")
	}
	if err := serve(context.Background(), nil, os.Stderr, os.Getenv); err != nil {
		t.Fatal(err)
	}
}

// TestServeKilledWithQueuedPosts queues the agendas of six committees, starts
// quorum serve as a process while Slack answers slowly, kills it with
// SIGKILL after the first posts and starts it again: every agenda is in its
// channel exactly once.
func TestServeKilledWithQueuedPosts(t *testing.T) {
	if testing.Short() {
		t.Skip("waits out a dead worker's 30 s claim")
	}
	dsn := pgtest.DSN(t)
	fake := fakeslack.New()
	t.Cleanup(fake.Close)
	// Every post takes 300 ms, so the kill lands with one in flight.
	fake.Fail("chat.postMessage", fakeslack.Fault{Delay: 300 * time.Millisecond})

	ctx := context.Background()
	db, err := storage.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	svc := commands.New(db, commands.SampleDirectory{})
	const committees = 6
	var queued int
	for i := range committees {
		channel := fmt.Sprintf("C%d", i+1)
		run := func(command, text string) string {
			t.Helper()
			r, err := svc.Run(ctx, commands.Request{Command: command, Text: text, TeamID: "T1", ChannelID: channel, UserID: "UIAN", UserName: "ian", Now: time.Now()})
			if err != nil {
				t.Fatalf("%s %s: %v", command, text, err)
			}
			return r.Text
		}
		run("/committee", fmt.Sprintf("setup Committee %d", i+1))
		// Twenty days ahead: no reminder is due then (they go 7 days and
		// 1 day before, at 09:00), so the agendas are all that is queued,
		// whatever the time of day the test runs.
		day := time.Now().AddDate(0, 0, 20).Format("2006-01-02")
		if r := run("/meeting", "schedule "+day+" 10:00 Remote Meeting"); !strings.Contains(r, "will meet on") {
			t.Fatalf("/meeting schedule: %q", r)
		}
		if r := run("/agenda", "post"); strings.Contains(r, "on its way") {
			queued++
		} else {
			t.Fatalf("/agenda post: %q", r)
		}
	}

	start := func() *exec.Cmd {
		t.Helper()
		cmd := exec.Command(os.Args[0], "-test.run=^TestServeProcess$")
		cmd.Env = append(os.Environ(), serveHelper+"=1",
			"DATABASE_URL="+dsn, "SLACK_BOT_TOKEN=xoxb-test", "SLACK_SIGNING_SECRET=secret",
			"SLACK_API_URL="+fake.URL(), "LISTEN_ADDR=127.0.0.1:0", "LOG_LEVEL=error")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		return cmd
	}
	agendas := func() (total int, per map[string]int) {
		per = map[string]int{}
		for i := range committees {
			channel := fmt.Sprintf("C%d", i+1)
			for _, m := range fake.Messages(channel) {
				if strings.HasPrefix(m.Text, "Agenda — ") {
					per[channel]++
					total++
				}
			}
		}
		return total, per
	}

	first := start()
	deadline := time.Now().Add(30 * time.Second)
	for n, _ := agendas(); n < 2; n, _ = agendas() {
		if time.Now().After(deadline) {
			first.Process.Kill()
			t.Fatalf("after 30s %d agendas posted; the first serve did not start sending", n)
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err := first.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	first.Wait()
	atKill, _ := agendas()
	if atKill == committees {
		t.Fatalf("all %d agendas were posted before the kill; it found nothing queued", atKill)
	}

	second := start()
	t.Cleanup(func() { second.Process.Signal(syscall.SIGTERM); second.Wait() })
	deadline = time.Now().Add(90 * time.Second)
	for {
		pending, failed, err := db.OutboxDepth(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if failed > 0 {
			t.Fatalf("%d messages given up on", failed)
		}
		if n, _ := agendas(); pending == 0 && n >= committees {
			break
		}
		if time.Now().After(deadline) {
			n, _ := agendas()
			t.Fatalf("after 90s: %d pending, %d agendas posted", pending, n)
		}
		time.Sleep(200 * time.Millisecond)
	}
	time.Sleep(time.Second) // a double post would show by now

	total, per := agendas()
	t.Logf("%d of %d agendas posted before the kill", atKill, queued)
	f := figures{acknowledged: queued, inDatabase: total}
	for i := range committees {
		switch n := per[fmt.Sprintf("C%d", i+1)]; {
		case n == 0:
			f.lost++
		case n > 1:
			f.duplicates += n - 1
		}
	}
	for i := range committees {
		for _, m := range fake.Messages(fmt.Sprintf("C%d", i+1)) {
			if !strings.HasPrefix(m.Text, "Agenda — ") {
				t.Errorf("also posted: %q", m.Text)
				f.phantom++
			}
		}
	}
	f.report(t, "sigkill-queued-posts")
}
