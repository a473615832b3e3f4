package storage_test

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/quorumhq/quorum/storage"
	"github.com/quorumhq/quorum/storage/pgtest"
)

// TestFirstSeenOnceAmongConcurrentReplicas: the same signature arriving at
// once on many connections (as at several replicas) is first exactly once.
func TestFirstSeenOnceAmongConcurrentReplicas(t *testing.T) {
	db := pgtest.New(t)
	var mu sync.Mutex
	var firsts int
	var wg sync.WaitGroup
	for range 16 {
		wg.Go(func() {
			first, err := db.FirstSeen(context.Background(), "signature:v0=abc")
			if err != nil {
				t.Error(err)
			}
			if first {
				mu.Lock()
				firsts++
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if firsts != 1 {
		t.Errorf("%d of 16 sightings of one signature were first, want 1", firsts)
	}
	if first, err := db.FirstSeen(context.Background(), "signature:v0=abd"); err != nil || !first {
		t.Errorf("another signature: first %v, %v", first, err)
	}
}

// TestSeenRequestsAreBounded: what is remembered for longer than ten
// minutes is deleted, so the table holds only the window's requests.
func TestSeenRequestsAreBounded(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	for i := range 100 {
		if _, err := db.SQL().ExecContext(ctx, `INSERT INTO seen_requests (key, nonce, seen_at) VALUES ($1, 0, now() - interval '11 minutes')`, []byte(fmt.Sprint("old", i))); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.SQL().ExecContext(ctx, `INSERT INTO seen_requests (key, nonce, seen_at) VALUES ('recent', 0, now() - interval '4 minutes')`); err != nil {
		t.Fatal(err)
	}
	if _, err := db.FirstSeen(ctx, "signature:v0=new"); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := db.SQL().QueryRowContext(ctx, `SELECT count(*) FROM seen_requests`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 2 {
		t.Errorf("%d requests remembered, want 2 (the recent one and the new one)", n)
	}
}

// BenchmarkFirstSeen is the replay check on its own, on a PostgreSQL with
// fsync on: the cost every signed request pays. "logged" is the same table
// made an ordinary (WAL-logged) one, for comparison: each check then waits
// for a disk flush at commit.
func BenchmarkFirstSeen(b *testing.B) {
	_, dsn := pgtest.DurableServer(b)
	db, err := storage.Open(context.Background(), dsn)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	ctx := context.Background()
	i := 0
	run := func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			i++
			if first, err := db.FirstSeen(ctx, fmt.Sprint("signature:v0=", i)); err != nil || !first {
				b.Fatalf("request %d: first %v, %v", i, first, err)
			}
		}
	}
	b.Run("unlogged", run)
	if _, err := db.SQL().ExecContext(ctx, `ALTER TABLE seen_requests SET LOGGED`); err != nil {
		b.Fatal(err)
	}
	b.Run("logged", run)
}
