package storage_test

import (
	"context"
	"testing"
	"time"

	"github.com/quorumhq/quorum/storage"
	"github.com/quorumhq/quorum/storage/pgtest"
)

// preparedLike counts the statements prepared on the pool's one
// connection whose text contains s.
func preparedLike(t *testing.T, db *storage.DB, s string) int {
	t.Helper()
	var n int
	if err := db.SQL().QueryRow(`SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE '%' || $1 || '%'`, s).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestStatementsArePreparedOncePerConnection: a read with parameters is
// prepared on the connection the first time it runs there and reused after
// (not parsed and planned again), in a transaction as outside one; a text
// of several statements without parameters still runs.
func TestStatementsArePreparedOncePerConnection(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	db.SQL().SetMaxOpenConns(1) // one connection, so its prepared statements can be counted
	const marker = "m.committee_id = $1 AND m.starts_at >= $2"
	before := preparedLike(t, db, marker)
	for range 3 {
		if _, err := db.Meetings(ctx, 1, time.Now(), time.Now().Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
	}
	if got := preparedLike(t, db, marker); got != before+1 {
		t.Errorf("after three runs the meetings read is prepared %d times on the connection, want once", got-before)
	}

	// In a transaction, with the pool's one connection held by it: a
	// statement the pool has not prepared runs unprepared (preparing it on
	// the pool would wait for a connection that never comes back), and is
	// prepared once the connection is free; later transactions use it.
	const inTx = "m.venue = $1 AND m.status = $2"
	run := func() {
		t.Helper()
		err := db.InTx(ctx, "test", func(tx *storage.Tx) error {
			var ids []int64
			return tx.SelectContext(ctx, &ids, `SELECT m.id FROM meetings m WHERE `+inTx, "Town Hall", "scheduled")
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	done := make(chan struct{})
	go func() { defer close(done); run() }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("a transaction on the pool's only connection waited for another")
	}
	deadline := time.Now().Add(5 * time.Second)
	for preparedLike(t, db, inTx) == 0 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	run()
	run()
	if got := preparedLike(t, db, inTx); got != 1 {
		t.Errorf("a statement run in three transactions is prepared %d times on the connection, want once", got)
	}

	// Without parameters: several statements in one text, as the simple
	// protocol allows and a prepared statement would not.
	if _, err := db.SQL().Exec(`SELECT 1; SELECT 2`); err != nil {
		t.Fatal(err)
	}
	err := db.InTx(ctx, "test", func(tx *storage.Tx) error {
		_, err := tx.ExecContext(ctx, `CREATE TEMP TABLE scratch (n int); DROP TABLE scratch`)
		return err
	})
	if err != nil {
		t.Errorf("several statements without parameters in a transaction: %v", err)
	}
}
