package storage_test

import (
	"context"
	"testing"
	"time"

	"github.com/quorumhq/quorum/commands"
	"github.com/quorumhq/quorum/storage/pgtest"
)

func TestOutboxClaimsLeasesAndCoalesces(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	lease := time.Minute
	reply := func(s string) commands.Reply { return commands.Reply{Text: s} }
	enqueue := func(m commands.OutboxMessage) bool {
		t.Helper()
		m.DueAt = now
		ok, err := db.Enqueue(ctx, m)
		if err != nil {
			t.Fatal(err)
		}
		return ok
	}
	claim := func(at time.Time) []commands.OutboxMessage {
		t.Helper()
		ms, err := db.ClaimOutbox(ctx, at, lease, 10)
		if err != nil {
			t.Fatal(err)
		}
		return ms
	}
	texts := func(ms []commands.OutboxMessage) []string {
		var out []string
		for _, m := range ms {
			out = append(out, string(m.Kind)+":"+m.Reply.Text)
		}
		return out
	}

	post := commands.OutboxMessage{Kind: commands.OutboxPost, ChannelID: "C1", MessageKey: "agenda:1", DedupeKey: "agenda:1:post", Reply: reply("agenda v1")}
	if !enqueue(post) || enqueue(post) {
		t.Fatal("a dedupe key should let a message in once")
	}
	// Updates coalesce: one pending row with the newest payload.
	update := commands.OutboxMessage{Kind: commands.OutboxUpdate, ChannelID: "C1", MessageKey: "agenda:1"}
	update.Reply = reply("agenda v2")
	enqueue(update)
	update.Reply = reply("agenda v3")
	enqueue(update)

	// The update waits for its post.
	got := claim(now)
	if len(got) != 1 || got[0].Kind != commands.OutboxPost {
		t.Fatalf("first claim = %v, want the post alone", texts(got))
	}
	p := got[0]
	if again := claim(now); len(again) != 0 {
		t.Fatalf("claimed while leased and its post pending: %v", texts(again))
	}
	if done, err := db.OutboxSent(ctx, p, "C1", "1700000000.000001", now); err != nil || !done {
		t.Fatalf("sent: %v %v", done, err)
	}
	if ch, ts, err := db.SlackMessage(ctx, "agenda:1"); err != nil || ch != "C1" || ts != "1700000000.000001" {
		t.Fatalf("slack message = %q %q %v", ch, ts, err)
	}

	got = claim(now)
	if len(got) != 1 || got[0].Reply.Text != "agenda v3" {
		t.Fatalf("claim = %v, want the one coalesced update with v3", texts(got))
	}
	u := got[0]
	// A change arrives while the update is being sent: the claimed row
	// has left the coalescing index, so the change is queued as a new
	// update that goes after it with the newest payload.
	update.Reply = reply("agenda v4")
	enqueue(update)
	if done, err := db.OutboxSent(ctx, u, "C1", "1700000000.000001", now); err != nil || !done {
		t.Fatalf("sent: done=%v err=%v", done, err)
	}
	got = claim(now)
	if len(got) != 1 || got[0].Reply.Text != "agenda v4" || got[0].ID == u.ID {
		t.Fatalf("claim = %v, want a new update with v4", texts(got))
	}

	// A lease that runs out lets another worker claim; the first claim can
	// then no longer settle the row.
	first := got[0]
	if len(claim(now.Add(lease-time.Second))) != 0 {
		t.Fatal("claimed before the lease ran out")
	}
	second := claim(now.Add(lease))
	if len(second) != 1 || second[0].Claim == first.Claim {
		t.Fatalf("after the lease: %v", texts(second))
	}
	if done, _ := db.OutboxSent(ctx, first, "C1", "x", now); done {
		t.Error("an expired claim marked the row sent")
	}
	if err := db.OutboxRetry(ctx, first, now, "late"); err != nil {
		t.Fatal(err)
	}
	if len(claim(now.Add(lease))) != 0 {
		t.Error("an expired claim released a row another worker holds")
	}
	if done, err := db.OutboxSent(ctx, second[0], "C1", "1700000000.000001", now); err != nil || !done {
		t.Fatalf("second claim sent: %v %v", done, err)
	}
	counts, err := db.OutboxCounts(ctx)
	if err != nil || counts["sent"] != 3 || counts["pending"] != 0 {
		t.Errorf("outbox = %v %v, want 3 sent", counts, err)
	}

	// A message that failed for good may be queued again under its key.
	dm := commands.OutboxMessage{Kind: commands.OutboxDM, UserID: "U1", DedupeKey: "dm:1", Reply: reply("hello")}
	enqueue(dm)
	got = claim(now.Add(2 * lease))
	if err := db.OutboxFailed(ctx, got[0], "user_not_found"); err != nil {
		t.Fatal(err)
	}
	if !enqueue(dm) {
		t.Error("a failed message could not be queued again")
	}
	if got = claim(now.Add(2 * lease)); len(got) != 1 || got[0].Attempts != 1 {
		t.Errorf("requeued message = %+v", got)
	}
}

// TestOutboxRepeatedMessageFailedStaysFailed: a message a loop queues
// again every run (an action's chase) that Slack would not take is not
// tried afresh each run; one settled unsent because it no longer held is,
// once it holds again. A message queued again by someone (an agenda posted
// again) is tried afresh after a failure, as before.
func TestOutboxRepeatedMessageFailedStaysFailed(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	fail := func(m commands.OutboxMessage, reason string) {
		t.Helper()
		m.DueAt = now
		if ok, err := db.Enqueue(ctx, m); err != nil || !ok {
			t.Fatalf("enqueue %s: %v %v", m.DedupeKey, ok, err)
		}
		ms, err := db.ClaimOutbox(ctx, now, time.Minute, 10)
		if err != nil || len(ms) != 1 {
			t.Fatalf("claim: %v %v", ms, err)
		}
		if err := db.OutboxFailed(ctx, ms[0], reason); err != nil {
			t.Fatal(err)
		}
	}
	again := func(m commands.OutboxMessage) bool {
		t.Helper()
		m.DueAt = now
		ok, err := db.Enqueue(ctx, m)
		if err != nil {
			t.Fatal(err)
		}
		return ok
	}
	chase := commands.OutboxMessage{Kind: commands.OutboxDM, UserID: "UGONE", DedupeKey: "action:1:2026-12-20:UGONE", Repeated: true, Reply: commands.Reply{Text: "A reminder"}}
	fail(chase, "user_not_found")
	if again(chase) {
		t.Error("a chase Slack would not take was queued afresh on the next run")
	}
	post := commands.OutboxMessage{Kind: commands.OutboxPost, ChannelID: "C1", MessageKey: "agenda:1", DedupeKey: "agenda:1:post", Reply: commands.Reply{Text: "agenda"}}
	fail(post, "channel_not_found")
	if !again(post) {
		t.Error("an agenda posted again after a failure was not queued")
	}
	if _, err := db.ClaimOutbox(ctx, now, time.Minute, 10); err != nil {
		t.Fatal(err)
	}
	dropped := chase
	dropped.DedupeKey = "action:2:2026-12-20:UNEIL"
	fail(dropped, commands.SettledUnsent+"its action is done")
	if !again(dropped) {
		t.Error("a chase settled unsent, its action reopened, was not queued again")
	}
}
