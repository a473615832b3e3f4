package storage

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"time"

	"github.com/lib/pq"
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
// on an unlogged table, so it costs a round trip but no disk flush, and
// the round trip is shared with the other requests checked at the same
// moment (batcher).
//
// The statement is retried safely: database/sql sends a statement again on
// another connection when the driver says the first one broke, which lib/pq
// may say after the statement reached the server. Each call carries a
// nonce of its own, and a row with the call's own nonce counts as first,
// so a call is never taken for its own replay.
func (db *DB) FirstSeen(ctx context.Context, key string) (bool, error) {
	db.pruneSeenLater()
	first, err := db.seen.do(ctx, seenCall{key: sha256.Sum256([]byte(key)), nonce: newNonce()})
	if err != nil {
		return false, mapErr("first seen", err)
	}
	return first, nil
}

// seenCall is one FirstSeen: the key's hash and the call's nonce.
type seenCall struct {
	key   [sha256.Size]byte
	nonce int64
}

// seenBatcher batches FirstSeen. A batch holds a key once (a statement may
// not change one row twice); a replay sent at the very moment of the first
// goes in another batch, and the unique key decides which of the two is
// first. A caller that gives up on the check (the request is refused)
// does not wait for its answer.
func seenBatcher(db *DB) *batcher[seenCall, bool] {
	return &batcher[seenCall, bool]{
		run: db.firstSeen,
		key: func(c seenCall) string { return string(c.key[:]) },
		max: batchMax, workers: batchWorkers, spill: batchSpill, leave: true,
	}
}

// firstSeen records calls' keys and says which were seen first.
func (db *DB) firstSeen(ctx context.Context, calls []seenCall) ([]bool, error) {
	keys := make(pq.ByteaArray, len(calls))
	nonces := make(pq.Int64Array, len(calls))
	for i := range calls {
		keys[i], nonces[i] = calls[i].key[:], calls[i].nonce
	}
	// In the order of the key, so that two batches at once (two replicas')
	// that share keys lock them in the same order.
	st, err := db.prepared(ctx, seenInsertSQL+`
		SELECT * FROM unnest(CAST($1 AS bytea[]), CAST($2 AS bigint[])) AS c(key, nonce) ORDER BY key
		`+seenConflictSQL)
	if err != nil {
		return nil, err
	}
	var firsts [][]byte
	if err := st.SelectContext(ctx, &firsts, keys, nonces); err != nil {
		return nil, err
	}
	// The rows come back in the statement's order, not the calls': each
	// is found by its key, which no two calls in a batch share.
	first := make(map[string]bool, len(firsts))
	for _, k := range firsts {
		first[string(k)] = true
	}
	out := make([]bool, len(calls))
	for i := range calls {
		out[i] = first[string(calls[i].key[:])]
	}
	return out, nil
}

// seenInsertSQL and seenConflictSQL, around a query of keys and nonces,
// record them as FirstSeen does and return the keys seen first: a key
// already held with another nonce returns nothing.
const (
	seenInsertSQL   = `INSERT INTO seen_requests (key, nonce)`
	seenConflictSQL = `ON CONFLICT (key) DO UPDATE SET nonce = excluded.nonce WHERE seen_requests.nonce = excluded.nonce
	RETURNING key`
)

// replayKey is a Request.Replay key as seen_requests holds it, with a
// nonce of its own (see FirstSeen); none for an empty key.
func replayKey(key string) ([]byte, int64) {
	if key == "" {
		return []byte{}, 0
	}
	sum := sha256.Sum256([]byte(key))
	return sum[:], newNonce()
}

// newNonce is a call's own nonce (see FirstSeen).
func newNonce() int64 {
	var n [8]byte
	_, _ = rand.Read(n[:])
	return int64(binary.LittleEndian.Uint64(n[:]))
}

// pruneSeenLater deletes the requests remembered for longer than seenFor,
// at most once every pruneEvery on this replica, so that the table holds
// only the last ten minutes' requests whatever the traffic. It deletes
// apart from the request that finds it due: the DELETE reads the whole
// table (ten minutes of requests: 300,000 rows at 500 a second), which
// that request would otherwise wait for. A prune that fails is tried
// again by the next request.
func (db *DB) pruneSeenLater() {
	now := time.Now().UnixNano()
	last := db.pruned.Load()
	if now-last < int64(pruneEvery) || !db.pruned.CompareAndSwap(last, now) {
		return
	}
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), pruneEvery/2)
		defer cancel()
		if _, err := db.x.ExecContext(ctx, `DELETE FROM seen_requests WHERE seen_at < now() - $1 * interval '1 second'`, seenFor.Seconds()); err != nil {
			db.pruned.CompareAndSwap(now, last)
		}
		_ = db.pruneChanges(ctx, changesKept)
	}()
}
