package storage

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/lib/pq"
)

// originCall is one OriginFirstSeen with a replay key: key is the key
// hashed (replayKey), nonce the call's own.
type originCall struct {
	team, channel, user string
	after               time.Time
	key                 []byte
	nonce               int64
	table               bool
}

// originFound is what a batch read for one call: whether the channel is
// a committee's, and if it is, whether the key was seen first, the origin
// and the table (read only for a call that asked for it).
type originFound struct {
	committee bool
	First     bool `db:"first"`
	originRow
	tableRow
}

// originBatcher batches OriginFirstSeen, as seenBatcher does FirstSeen:
// every command but an apology starts with it, so under load each would
// otherwise cost a round trip and a statement of its own. A batch holds a
// key once; a caller that gives up on the read does not wait for it.
func originBatcher(db *DB) *batcher[originCall, originFound] {
	return &batcher[originCall, originFound]{
		run: db.originsFirstSeen,
		key: func(c originCall) string { return string(c.key) },
		max: batchMax, workers: batchWorkers, spill: batchSpill, leave: true,
	}
}

// originFirstSeenSQL is originSelect ($1 to $5) recording the replay key
// $6 with the nonce $7 as FirstSeen does, and saying whether it was new:
// a batch of one. The insert runs to its end whether or not the channel
// is a committee's.
var originFirstSeenSQL = seenFirst + originColumns + originFrom

// originTableFirstSeenSQL is originFirstSeenSQL with the table (see
// originTableSQL).
var originTableFirstSeenSQL = seenFirst + originColumns + tableColumns("true", "CAST($4 AS timestamptz)") + originJoins + tableJoins("true") + originWhere

// seenFirst is the start of originFirstSeenSQL and its table's: the key
// recorded, and the column saying whether it was new.
const seenFirst = `WITH seen AS (
	` + seenInsertSQL + ` VALUES ($6, $7)
	` + seenConflictSQL + `
)
SELECT EXISTS (SELECT 1 FROM seen) AS first, `

// originsFirstSeenSQL is originTableFirstSeenSQL for many calls, their
// parameters in arrays ($1 team, $2 channel, $3 user, $4 time, $5 replay
// key, $6 nonce, $7 whether the table is wanted), each call's row
// numbered by its place (ord). A call whose channel is no committee's has
// no row (requestsOrigin). The keys are recorded in their order, so that
// two batches at once (two replicas') that share keys lock them in the
// same order.
var originsFirstSeenSQL = `
WITH q AS (
	SELECT * FROM unnest(CAST($1 AS text[]), CAST($2 AS text[]), CAST($3 AS text[]), CAST($4 AS timestamptz[]),
	                     CAST($5 AS bytea[]), CAST($6 AS bigint[]), CAST($7 AS boolean[]))
	WITH ORDINALITY AS q(team_id, channel_id, user_id, after, replay_key, replay_nonce, wanted, ord)
), seen AS (
	` + seenInsertSQL + `
	SELECT replay_key, replay_nonce FROM q ORDER BY replay_key
	` + seenConflictSQL + `
)
SELECT q.ord, q.replay_key IN (SELECT key FROM seen) AS first, ` + originColumns + tableColumns("q.wanted", "q.after") + `
` + requestsOrigin("q") + meetingJoin("0", "q.after") + tableJoins("q.wanted") + `
ORDER BY q.ord`

// originsFirstSeen runs calls: a call alone by originFirstSeenSQL (or its
// table's), which costs less than the batch's statement for one.
func (db *DB) originsFirstSeen(ctx context.Context, calls []originCall) ([]originFound, error) {
	out := make([]originFound, len(calls))
	if len(calls) == 1 {
		c := calls[0]
		query := originFirstSeenSQL
		if c.table {
			query = originTableFirstSeenSQL
		}
		err := db.x.GetContext(ctx, &out[0], query, c.team, c.channel, c.user, c.after, 0, c.key, c.nonce)
		if errors.Is(err, sql.ErrNoRows) {
			return out, nil
		}
		out[0].committee = err == nil
		return out, err
	}
	a, wanted := newRequestArrays(len(calls)), make(pq.BoolArray, len(calls))
	for i, c := range calls {
		a.set(i, c.team, c.channel, c.user, c.after, c.key, c.nonce)
		wanted[i] = c.table
	}
	st, err := db.prepared(ctx, originsFirstSeenSQL)
	if err != nil {
		return nil, err
	}
	rows := make([]struct {
		Ord int `db:"ord"`
		originFound
	}, 0, len(calls))
	if err := st.SelectContext(ctx, &rows, a.teams, a.channels, a.users, a.ats, a.keys, a.nonces, wanted); err != nil {
		return nil, err
	}
	for _, r := range rows {
		r.committee = true
		out[r.Ord-1] = r.originFound
	}
	return out, nil
}
