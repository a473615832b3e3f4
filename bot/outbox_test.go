package bot_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/slack-go/slack"

	"github.com/quorumhq/quorum/bot"
	"github.com/quorumhq/quorum/bot/fakeslack"
	"github.com/quorumhq/quorum/commands"
	"github.com/quorumhq/quorum/internal/bottest"
	"github.com/quorumhq/quorum/storage"
	"github.com/quorumhq/quorum/storage/pgtest"
)

func outboxState(t *testing.T, db *storage.DB) map[string]int {
	t.Helper()
	got, err := db.OutboxCounts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func lastError(t *testing.T, db *storage.DB) (attempts int, msg string) {
	t.Helper()
	err := db.SQL().QueryRow(`SELECT attempts, last_error FROM outbox ORDER BY id DESC LIMIT 1`).Scan(&attempts, &msg)
	if err != nil {
		t.Fatal(err)
	}
	return attempts, msg
}

func TestOutboxRetriesAfter500And429(t *testing.T) {
	k := newCommittee(t)
	k.Must(officer, "/meeting", "schedule 2026-12-10 10:00 Remote Meeting")

	// Slack fails with a 500: the post waits and is tried again.
	k.Slack.Fail("chat.postMessage", fakeslack.Fault{Status: http.StatusInternalServerError, Times: 1})
	k.Must(officer, "/agenda", "post")
	if n := k.Drain(); n != 1 {
		t.Fatalf("drained %d, want the one post tried", n)
	}
	if n := len(k.Slack.Messages(bottest.Channel)); n != 0 {
		t.Fatalf("%d messages after a 500", n)
	}
	if attempts, msg := lastError(t, k.DB); attempts != 1 || !strings.Contains(msg, "500") {
		t.Errorf("after a 500: attempts %d, last error %q", attempts, msg)
	}
	if n := k.Drain(); n != 0 {
		t.Errorf("retried at once (%d); want a backoff", n)
	}
	k.Advance(3 * time.Second)
	k.Drain()
	if n := len(k.Slack.Messages(bottest.Channel)); n != 1 {
		t.Fatalf("%d messages after the retry, want the agenda", n)
	}

	// Slack rate-limits the update with Retry-After: 30; it waits 30 seconds.
	k.Slack.Fail("chat.update", fakeslack.Fault{Status: http.StatusTooManyRequests, RetryAfter: 30, Times: 1})
	k.Must(graeme, "/apologies", "Leave")
	k.Drain()
	if attempts, msg := lastError(t, k.DB); attempts != 1 || !strings.Contains(msg, "rate limit") {
		t.Errorf("after a 429: attempts %d, last error %q", attempts, msg)
	}
	k.Advance(29 * time.Second)
	if n := k.Drain(); n != 0 {
		t.Errorf("retried %d after 29s; Slack said 30", n)
	}
	k.Advance(2 * time.Second)
	k.Drain()
	msgs := k.Slack.Messages(bottest.Channel)
	if len(msgs) != 1 || msgs[0].Edits != 1 {
		t.Fatalf("after the 429: %d messages, edits %d", len(msgs), msgs[0].Edits)
	}
	wantShown(t, msgs[0], "Graeme Robson (Merseyside Police)")
	if got := outboxState(t, k.DB); got["pending"] != 0 || got["failed"] != 0 {
		t.Errorf("outbox = %v, want all sent", got)
	}
}

func TestOutboxGivesUpAndTellsOfficers(t *testing.T) {
	k := newCommittee(t)
	k.Must(officer, "/meeting", "schedule 2026-12-10 10:00 Remote Meeting")

	// Slack refuses for good: no retry, and the officer is told.
	k.Slack.Fail("chat.postMessage", fakeslack.Fault{Error: "not_in_channel", Times: 1})
	k.Must(officer, "/agenda", "post")
	k.Drain()
	if got := outboxState(t, k.DB); got["failed"] != 1 {
		t.Fatalf("outbox = %v, want the post failed", got)
	}
	notices := k.Slack.Messages("D" + officer)
	if len(notices) != 1 {
		t.Fatalf("%d notices to the officer, want 1", len(notices))
	}
	wantShown(t, notices[0], "I could not send a message to <#C1> for *Safer Sefton Together*", "not_in_channel", "Agenda — Safer Sefton Together")

	// Failing again and again: it gives up after MaxAttempts.
	k.Outbox.MaxAttempts = 3
	k.Slack.Fail("chat.postMessage", fakeslack.Fault{Status: http.StatusBadGateway, Times: 3})
	wantText(t, k.Must(officer, "/agenda", "post"), "on its way") // posts afresh: the first never went
	for range 3 {
		k.Drain()
		k.Advance(time.Minute)
	}
	k.Drain()
	if got := outboxState(t, k.DB); got["failed"] != 1 || got["sent"] != 2 {
		t.Errorf("outbox = %v, want the post failed again and two notices sent", got)
	}
	if attempts, _ := lastError(t, k.DB); attempts != 1 {
		t.Errorf("the last notice took %d attempts", attempts)
	}
	if n := len(k.Slack.Messages("D" + officer)); n != 2 {
		t.Errorf("%d notices to the officer, want 2", n)
	}
	if n := len(k.Slack.Messages(bottest.Channel)); n != 0 {
		t.Errorf("%d channel messages, want none", n)
	}
}

// TestTwoWorkersNeverDoublePost runs two workers, each with its own
// connection pool, on one database against a slow Slack: every message is
// posted exactly once.
func TestTwoWorkersNeverDoublePost(t *testing.T) {
	db1, db2 := twoPools(t)
	fake := fakeslack.New()
	t.Cleanup(fake.Close)
	fake.Fail("chat.postMessage", fakeslack.Fault{Status: http.StatusInternalServerError, Times: 5})
	fake.Fail("chat.postMessage", fakeslack.Fault{Delay: 3 * time.Millisecond})
	const n = 60
	ctx := context.Background()
	now := time.Now()
	for i := range n {
		ok, err := db1.Enqueue(ctx, commands.OutboxMessage{Kind: commands.OutboxPost, ChannelID: "C1",
			DedupeKey: fmt.Sprintf("test:%d", i), Reply: commands.Reply{Text: fmt.Sprintf("message %d", i)}, DueAt: now})
		if err != nil || !ok {
			t.Fatal(ok, err)
		}
	}
	client := slack.New("xoxb-test", slack.OptionAPIURL(fake.URL()))
	wctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	workers := []*countingStore{{DB: db1}, {DB: db2}}
	for _, store := range workers {
		w := &bot.Outbox{Store: store, Slack: client, Batch: 4, Poll: 5 * time.Millisecond, BaseBackoff: time.Millisecond}
		wg.Go(func() { _ = w.Run(wctx) })
	}
	deadline := time.Now().Add(30 * time.Second)
	for len(fake.Messages("C1")) < n && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	time.Sleep(50 * time.Millisecond) // time for a double post to show
	cancel()
	wg.Wait()
	seen := map[string]int{}
	for _, m := range fake.Messages("C1") {
		seen[m.Text]++
	}
	for i := range n {
		if c := seen[fmt.Sprintf("message %d", i)]; c != 1 {
			t.Errorf("message %d posted %d times", i, c)
		}
	}
	if got := outboxState(t, db1); got["sent"] != n {
		t.Errorf("outbox = %v, want %d sent", got, n)
	}
	a, b := workers[0].sent.Load(), workers[1].sent.Load()
	if a == 0 || b == 0 {
		t.Errorf("the workers sent %d and %d: both should have had work", a, b)
	}
}

// countingStore counts the messages a worker recorded as sent.
type countingStore struct {
	*storage.DB
	sent atomic.Int64
}

func (c *countingStore) OutboxSent(ctx context.Context, m commands.OutboxMessage, channel, ts string, now time.Time) (bool, error) {
	c.sent.Add(1)
	return c.DB.OutboxSent(ctx, m, channel, ts, now)
}

// TestWorkerStopsCleanly cancels a worker while Slack is slow: the message
// being sent is finished and recorded, the rest of its batch is left
// pending and unclaimed, and the next worker sends them.
func TestWorkerStopsCleanly(t *testing.T) {
	k := newCommittee(t)
	ctx := context.Background()
	for i := range 5 {
		if _, err := k.DB.Enqueue(ctx, commands.OutboxMessage{Kind: commands.OutboxPost, ChannelID: bottest.Channel,
			Reply: commands.Reply{Text: fmt.Sprintf("message %d", i)}, DueAt: k.Now()}); err != nil {
			t.Fatal(err)
		}
	}
	// Stopped while the first post is in flight (Slack takes a second): a
	// wait for it to arrive, where a fixed pause could end before a loaded
	// machine had claimed anything.
	k.Slack.Fail("chat.postMessage", fakeslack.Fault{Delay: time.Second})
	wctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() { _ = k.Outbox.Run(wctx); close(done) }()
	for end := time.Now().Add(15 * time.Second); k.Slack.Arrived("chat.postMessage") == 0; time.Sleep(time.Millisecond) {
		if time.Now().After(end) {
			cancel()
			t.Fatal("the worker posted nothing")
		}
	}
	cancel()
	select {
	case <-done:
	case <-time.After(15 * time.Second):
		t.Fatal("the worker did not stop")
	}
	got := outboxState(t, k.DB)
	if got["sent"] != 1 || got["pending"] != 4 {
		t.Errorf("after stopping: %v, want 1 sent and 4 pending", got)
	}
	var locked int
	if err := k.DB.SQL().QueryRow(`SELECT count(*) FROM outbox WHERE state = 'pending' AND locked_until IS NOT NULL`).Scan(&locked); err != nil {
		t.Fatal(err)
	}
	if locked != 0 {
		t.Errorf("%d rows left claimed by a stopped worker", locked)
	}
	k.Slack.Heal()
	k.Drain()
	if n := len(k.Slack.Messages(bottest.Channel)); n != 5 {
		t.Errorf("%d messages after restarting, want 5", n)
	}
}

// TestSlowBatchOutlivingItsLeaseIsNotPostedTwice: a batch takes longer to
// send than the lease it was claimed with (six sends of 500 ms on a 2 s
// lease; a send may take 1 s, which leaves a loaded machine a second of
// the lease to record it). Each row's claim is renewed as its turn comes,
// so the other worker never takes a row the first is about to send: every
// message goes once.
func TestSlowBatchOutlivingItsLeaseIsNotPostedTwice(t *testing.T) {
	db1, db2 := twoPools(t)
	fake := fakeslack.New()
	t.Cleanup(fake.Close)
	fake.Fail("chat.postMessage", fakeslack.Fault{Delay: 500 * time.Millisecond})
	const n = 8 // one worker claims six, the other two and then comes back for more
	ctx := context.Background()
	for i := range n {
		if ok, err := db1.Enqueue(ctx, commands.OutboxMessage{Kind: commands.OutboxPost, ChannelID: "C1",
			DedupeKey: fmt.Sprintf("slow:%d", i), Reply: commands.Reply{Text: fmt.Sprintf("message %d", i)}, DueAt: time.Now()}); err != nil || !ok {
			t.Fatal(ok, err)
		}
	}
	client := slack.New("xoxb-test", slack.OptionAPIURL(fake.URL()))
	wctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	for _, db := range []*storage.DB{db1, db2} {
		w := &bot.Outbox{Store: db, Slack: client, Batch: 6, Lease: 2 * time.Second, SendTimeout: time.Second, Poll: 20 * time.Millisecond}
		wg.Go(func() { _ = w.Run(wctx) })
	}
	deadline := time.Now().Add(30 * time.Second)
	for outboxState(t, db1)["sent"] < n && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	time.Sleep(time.Second) // time for a double post to show
	cancel()
	wg.Wait()
	seen := map[string]int{}
	for _, m := range fake.Messages("C1") {
		seen[m.Text]++
	}
	for i := range n {
		if c := seen[fmt.Sprintf("message %d", i)]; c != 1 {
			t.Errorf("message %d posted %d times", i, c)
		}
	}
}

// twoPools opens one fresh database twice, as two replicas would: each
// with its own pool of connections.
func twoPools(t *testing.T) (*storage.DB, *storage.DB) {
	t.Helper()
	dsn := pgtest.DSN(t)
	open := func() *storage.DB {
		db, err := storage.Open(context.Background(), dsn)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		return db
	}
	return open(), open()
}

// TestGarbledOpenIsRetriedNotACrash: Slack (or a proxy before it) answers
// conversations.open with {"ok":true} and no channel. The direct message
// waits and goes on the next try; serve's process, which runs the outbox,
// does not fall over.
func TestGarbledOpenIsRetriedNotACrash(t *testing.T) {
	k := newCommittee(t)
	k.Slack.Fail("conversations.open", fakeslack.Fault{Body: `{"ok":true}`, Times: 1})
	// The welcome to each new member's register of interests.
	if n, err := k.Service.EnqueueRegisterReminders(context.Background(), k.Now()); err != nil || n == 0 {
		t.Fatalf("register reminders: %d, %v", n, err)
	}
	k.Drain()
	attempts, msg := 0, ""
	err := k.DB.SQL().QueryRow(`SELECT attempts, last_error FROM outbox WHERE kind = 'dm' AND state = 'pending' AND attempts > 0`).Scan(&attempts, &msg)
	if err != nil {
		t.Fatalf("no direct message waiting after the garbled answer: %v", err)
	}
	if attempts != 1 || !strings.Contains(msg, "no direct-message channel") {
		t.Errorf("attempts %d, last error %q", attempts, msg)
	}
	k.Advance(time.Minute)
	k.Drain()
	if got := outboxState(t, k.DB); got["pending"] != 0 || got["failed"] != 0 {
		t.Errorf("outbox = %v, want every message sent on the retry", got)
	}
	for _, u := range []string{neil, graeme} {
		if n := len(k.Slack.Messages("D" + u)); n != 1 {
			t.Errorf("%d direct messages to %s, want the welcome once", n, u)
		}
	}
}

// lostRecord is the records as a worker killed between Slack's answer and
// the UPDATE saw them: the send happens, its recording never does.
type lostRecord struct{ *storage.DB }

func (lostRecord) OutboxSent(context.Context, commands.OutboxMessage, string, string, time.Time) (bool, error) {
	return false, errors.New("killed before the row was marked sent")
}

// TestCrashedPostIsNotRepeated: a worker posts the agenda and dies before
// recording it. Its claim runs out within DefaultLease (30 s, not two
// minutes); the next worker finds the post in the channel by its marker,
// records it instead of posting again, and keeps that message up to date.
func TestCrashedPostIsNotRepeated(t *testing.T) {
	k := newCommittee(t)
	k.Must(officer, "/meeting", "schedule 2026-12-10 10:00 Remote Meeting")
	k.Must(officer, "/agenda", "post")
	crashed := &bot.Outbox{Store: lostRecord{k.DB}, Slack: k.Client, Service: k.Service, Now: k.Now}
	if n, err := crashed.RunOnce(context.Background()); err != nil || n != 1 {
		t.Fatalf("the crashed worker claimed %d: %v", n, err)
	}
	if n := len(k.Slack.Messages(bottest.Channel)); n != 1 {
		t.Fatalf("%d messages after the crashed worker, want its post", n)
	}
	k.Advance(bot.DefaultLease - time.Second)
	if n := k.Drain(); n != 0 {
		t.Errorf("%d rows sent while the dead worker's claim stood", n)
	}
	k.Advance(2 * time.Second)
	if bot.DefaultLease > 30*time.Second {
		t.Errorf("a crashed worker's rows wait %v", bot.DefaultLease)
	}
	k.Drain()
	msgs := k.Slack.Messages(bottest.Channel)
	// Acknowledged: the one agenda post queued ("on its way"); what the
	// channel holds stands for the database here.
	f := figures{acknowledged: 1, inDatabase: len(msgs)}
	if len(msgs) == 0 {
		f.lost = 1
	} else {
		f.duplicates = len(msgs) - 1
	}
	f.report(t, "crashed-post")
	if len(msgs) != 1 {
		t.Fatalf("%d agendas in the channel after the restart, want the one posted before the crash", len(msgs))
	}
	if n := len(k.Slack.Calls("conversations.history")); n != 1 {
		t.Errorf("%d conversations.history calls, want 1", n)
	}
	if got := outboxState(t, k.DB); got["pending"] != 0 || got["failed"] != 0 {
		t.Errorf("outbox = %v, want the post recorded as sent", got)
	}
	k.Must(neil, "/apologies", "Unwell")
	k.Drain()
	msgs = k.Slack.Messages(bottest.Channel)
	if len(msgs) != 1 || msgs[0].Edits != 1 {
		t.Fatalf("after an apology: %d messages, the first edited %d times; want the found post edited", len(msgs), msgs[0].Edits)
	}
	wantShown(t, msgs[0], "Neil Frackelton (SWACA)")
}

// TestActionChaseSlackWillNotTakeIsGivenUpOnce: a reminder to an action's
// owner that Slack refuses for good (their account gone) is given up and
// the officers told once; the runs of the reminders' loop that follow,
// which queue each chase again while the action is due, neither send it
// again nor tell the officers again.
func TestActionChaseSlackWillNotTakeIsGivenUpOnce(t *testing.T) {
	k := decisionsDay(t)
	k.Must(officer, "/resolve", "7.7 That the figures be circulated to partners.")
	k.Must(officer, "/action", "add 5 <@"+neil+"|neil> 2026-12-20 Circulate the SWACA figures to partners")
	k.Must(sue, "/meeting", "close")
	k.Drain()
	k.Slack.Reset()

	k.SetNow(time.Date(2026, 12, 18, 9, 0, 0, 0, london))
	for run := range 3 {
		// Slack refuses the first direct message of each run: the
		// chase's, were it sent again.
		k.Slack.Fail("conversations.open", fakeslack.Fault{Error: "user_not_found", Times: 1})
		k.Remind()
		k.Drain()
		k.Advance(time.Minute)
		if run == 0 && k.Slack.Arrived("conversations.open") == 0 {
			t.Fatal("no reminder to the action's owner was tried")
		}
	}
	if n := len(k.Slack.Messages("D" + officer)); n != 1 {
		t.Errorf("%d notices to the officer that the reminder was given up, want 1", n)
	}
	for _, m := range k.Slack.Messages("D" + officer) {
		wantShown(t, m, "I could not send a direct message to <@"+neil+">", "user_not_found")
	}
}
