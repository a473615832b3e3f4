package storage_test

import (
	"context"
	"testing"

	"github.com/quorumhq/quorum/storage/pgtest"
)

func TestOutboxDepthCountsPendingAndFailed(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	pending, failed, err := db.OutboxDepth(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if pending != 0 || failed != 0 {
		t.Fatalf("empty outbox: pending %d, failed %d", pending, failed)
	}
	for _, state := range []string{"pending", "pending", "pending", "failed", "sent", "sent"} {
		if _, err := db.SQL().ExecContext(ctx, `INSERT INTO outbox (kind, channel_id, payload, state) VALUES ('post', 'C1', '{}', $1)`, state); err != nil {
			t.Fatal(err)
		}
	}
	pending, failed, err = db.OutboxDepth(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if pending != 3 || failed != 1 {
		t.Errorf("pending %d, failed %d; want 3 and 1", pending, failed)
	}
}
