package storage

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"time"
)

// seenFor is how long a request is remembered: longer than the five
// minutes either side of now that a signature's timestamp may be off, by
// the replicas' clocks or the database's.
const seenFor = 10 * time.Minute

// pruneEvery is how often a replica deletes the requests remembered for
// longer than seenFor. Pruning is one DELETE a minute, not a cost of each
// request.
const pruneEvery = time.Minute

// FirstSeen records key (a request's signature, or an event's ID) as seen
// and reports whether it was seen for the first time in the last ten
// minutes, across every replica sharing the database. It is one statement
// on an unlogged table, so it costs a round trip but no disk flush.
//
// The statement is retried safely: database/sql sends a statement again on
// another connection when the driver says the first one broke, which lib/pq
// may say after the statement reached the server. Each call carries a
// nonce of its own, and a row with the call's own nonce counts as first,
// so a call is never taken for its own replay.
func (db *DB) FirstSeen(ctx context.Context, key string) (bool, error) {
	if err := db.pruneSeen(ctx); err != nil {
		return false, err
	}
	sum := sha256.Sum256([]byte(key))
	var n [8]byte
	_, _ = rand.Read(n[:])
	nonce := int64(binary.LittleEndian.Uint64(n[:]))
	var first []bool
	st, err := db.prepared(ctx, `INSERT INTO seen_requests (key, nonce) VALUES ($1, $2)
		ON CONFLICT (key) DO UPDATE SET nonce = excluded.nonce WHERE seen_requests.nonce = excluded.nonce
		RETURNING true`)
	if err == nil {
		err = st.SelectContext(ctx, &first, sum[:], nonce)
	}
	if err != nil {
		return false, mapErr("first seen", err)
	}
	return len(first) == 1, nil
}

// pruneSeen deletes the requests remembered for longer than seenFor, at
// most once every pruneEvery on this replica, so that the table holds
// only the last ten minutes' requests whatever the traffic.
func (db *DB) pruneSeen(ctx context.Context) error {
	now := time.Now().UnixNano()
	last := db.pruned.Load()
	if now-last < int64(pruneEvery) || !db.pruned.CompareAndSwap(last, now) {
		return nil
	}
	_, err := db.x.ExecContext(ctx, `DELETE FROM seen_requests WHERE seen_at < now() - $1 * interval '1 second'`, seenFor.Seconds())
	if err != nil {
		db.pruned.Store(last)
		return mapErr("prune seen requests", err)
	}
	return nil
}
