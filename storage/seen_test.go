package storage_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/quorumhq/quorum/storage"
	"github.com/quorumhq/quorum/storage/pgtest"
)

// TestFirstSeenOnceAmongConcurrentReplicas: the same signature arriving at
// once at four replicas (each with its own pool and batches), four times
// at each, among other signatures, is first exactly once; every other
// signature is first.
func TestFirstSeenOnceAmongConcurrentReplicas(t *testing.T) {
	replicas := openReplicas(t, 4)
	db := replicas[0]
	var mu sync.Mutex
	var firsts, others int
	var wg sync.WaitGroup
	for r, rdb := range replicas {
		for i := range 4 {
			wg.Go(func() {
				first, err := rdb.FirstSeen(context.Background(), "signature:v0=abc")
				other, oerr := rdb.FirstSeen(context.Background(), fmt.Sprintf("signature:v0=other-%d-%d", r, i))
				if err != nil || oerr != nil {
					t.Error(err, oerr)
				}
				mu.Lock()
				defer mu.Unlock()
				if first {
					firsts++
				}
				if other {
					others++
				}
			})
		}
	}
	wg.Wait()
	if firsts != 1 || others != 16 {
		t.Errorf("%d of 16 sightings of one signature were first, want 1; %d of 16 others, want 16", firsts, others)
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
	// The old ones go apart from the request, soon after it.
	var n int
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		if err := db.SQL().QueryRowContext(ctx, `SELECT count(*) FROM seen_requests`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n == 2 || time.Now().After(deadline) {
			break
		}
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

// TestFirstSeenInOneBatch: checked together, each signature gets its own
// answer, whatever its place in the batch; and the same batch sent again
// with the same nonces (as database/sql sends a statement again when the
// connection broke after sending it) gets the same answers, so that no
// request is taken for its own replay.
func TestFirstSeenInOneBatch(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	for _, k := range []string{"k1", "k3"} {
		if first, err := db.FirstSeen(ctx, k); err != nil || !first {
			t.Fatalf("%s: %v, %v", k, first, err)
		}
	}
	keys, nonces := []string{"k1", "k2", "k3", "k4"}, []int64{11, 12, 13, 14}
	for try := range 2 {
		got, err := db.FirstSeenInOneBatch(ctx, keys, nonces)
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(got) != "[false true false true]" {
			t.Errorf("try %d: %v, want [false true false true] (k1 and k3 seen before)", try, got)
		}
	}
	if got, err := db.FirstSeenInOneBatch(ctx, []string{"k2", "k4"}, []int64{21, 22}); err != nil || fmt.Sprint(got) != "[false false]" {
		t.Errorf("k2 and k4 again: %v, %v; want both replays", got, err)
	}
}

// openReplicas is n replicas' records on one database: each its own pool
// and batches.
func openReplicas(t *testing.T, n int) []*storage.DB {
	t.Helper()
	dsn := pgtest.DSN(t)
	replicas := make([]*storage.DB, n)
	for i := range replicas {
		db, err := storage.Open(context.Background(), dsn)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		replicas[i] = db
	}
	return replicas
}
