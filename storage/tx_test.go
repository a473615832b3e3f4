package storage_test

import (
	"context"
	"testing"
	"time"

	"github.com/quorumhq/quorum/storage"
	"github.com/quorumhq/quorum/storage/pgtest"
)

// TestPanicInTransactionRollsBack checks that a panic inside a transaction
// leaves nothing written and the pool usable.
func TestPanicInTransactionRollsBack(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	db.SQL().SetMaxOpenConns(1) // the one connection must come back clean
	func() {
		defer func() {
			if p := recover(); p != "boom" {
				t.Errorf("recovered %v, want the panic to go on up", p)
			}
		}()
		_ = db.InTx(ctx, "panic", func(tx *storage.Tx) error {
			if _, err := tx.ExecContext(ctx, `INSERT INTO committees (name, created_by) VALUES ('Ghost', 'test')`); err != nil {
				t.Fatal(err)
			}
			panic("boom")
		})
	}()
	var n int
	qctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if err := db.SQL().QueryRowContext(qctx, `SELECT count(*) FROM committees WHERE name = 'Ghost'`).Scan(&n); err != nil {
		t.Fatalf("the pool's connection is not usable after the panic: %v", err)
	}
	if n != 0 {
		t.Errorf("%d committees written by a transaction that panicked", n)
	}
}

// TestWarmOpensThePoolAndWritesNothing: after Warm the pool holds its
// connections, ready, and the rehearsal of the busiest write left no trace.
func TestWarmOpensThePoolAndWritesNothing(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	setupCommittee(t, db)
	db.Warm(ctx)
	if open := db.SQL().Stats().OpenConnections; open != 20 {
		t.Errorf("%d connections open after Warm, want the pool's", open)
	}
	var apologies, outbox int
	if err := db.SQL().QueryRowContext(ctx, `SELECT (SELECT count(*) FROM apologies), (SELECT count(*) FROM outbox)`).Scan(&apologies, &outbox); err != nil {
		t.Fatal(err)
	}
	if apologies != 0 || outbox != 0 {
		t.Errorf("Warm wrote %d apologies and %d outbox rows", apologies, outbox)
	}
	// Each connection has the busiest write prepared, alone and batched,
	// and has run each once (so planned it): any one the pool hands out
	// shows both.
	for range 3 {
		var n, run int
		if err := db.SQL().QueryRowContext(ctx, `SELECT count(*), count(*) FILTER (WHERE generic_plans + custom_plans > 0)
			FROM pg_prepared_statements WHERE statement LIKE '%o.m_user_id IS NOT NULL%'`).Scan(&n, &run); err != nil {
			t.Fatal(err)
		}
		if n != 2 || run != 2 {
			t.Errorf("a connection after Warm has %d of the apology's statements prepared and %d run, want 2 of each (alone and batched)", n, run)
		}
	}
}
