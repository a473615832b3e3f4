package main

import (
	"context"
	"io"
	"testing"
	"time"

	"github.com/quorumhq/quorum/bot/fakeslack"
	"github.com/quorumhq/quorum/commands"
	"github.com/quorumhq/quorum/storage"
	"github.com/quorumhq/quorum/storage/pgtest"
)

// TestServeRunsOutboxAndStops starts quorum serve: its outbox worker sends
// what is queued, and on SIGTERM (ctx cancelled) it stops promptly, leaving
// what is not yet due in the outbox.
func TestServeRunsOutboxAndStops(t *testing.T) {
	dsn := pgtest.DSN(t)
	fake := fakeslack.New()
	t.Cleanup(fake.Close)
	env := map[string]string{
		"DATABASE_URL": dsn, "SLACK_BOT_TOKEN": "xoxb-test", "SLACK_SIGNING_SECRET": "secret",
		"SLACK_API_URL": fake.URL(), "LISTEN_ADDR": "127.0.0.1:0", "LOG_LEVEL": "error",
	}
	db, err := storage.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- serve(ctx, nil, io.Discard, func(k string) string { return env[k] }) }()

	now := time.Now()
	for i, due := range []time.Time{now, now.Add(time.Hour)} {
		if _, err := db.Enqueue(context.Background(), commands.OutboxMessage{Kind: commands.OutboxPost, ChannelID: "C1",
			Reply: commands.Reply{Text: []string{"now", "later"}[i]}, DueAt: due}); err != nil {
			t.Fatal(err)
		}
	}
	deadline := time.Now().Add(10 * time.Second)
	for len(fake.Messages("C1")) == 0 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if msgs := fake.Messages("C1"); len(msgs) != 1 || msgs[0].Text != "now" {
		t.Fatalf("messages = %+v, want the one due now", msgs)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("serve did not stop within 5 seconds of SIGTERM")
	}
	counts, err := db.OutboxCounts(context.Background())
	if err != nil || counts["pending"] != 1 || counts["sent"] != 1 {
		t.Errorf("outbox after stopping = %v %v, want 1 sent and 1 pending", counts, err)
	}
}
