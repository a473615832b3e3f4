package storage

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/lib/pq"

	"github.com/quorumhq/quorum/commands"
)

// AgendaFrom implements commands.AgendaStore: the read dispatch makes for
// an `/agenda`, the replay check and the question whether the agenda kept
// from before still stands (RecordsChangedSince), in one statement and one
// round trip, shared with the other agendas asked for at the same moment
// (agendaBatcher). An agenda kept is handed out again without reading
// anything else, so this is all an `/agenda` asks of the database, mostly;
// it otherwise asked twice, and read the whole agenda to find the meeting.
func (db *DB) AgendaFrom(ctx context.Context, req commands.AgendaRequest) (commands.AgendaAsked, error) {
	if req.Replay != "" {
		db.pruneSeenLater()
	}
	call := agendaCall{req: req}
	call.key, call.nonce = replayKey(req.Replay)
	row, err := db.agendasFrom.do(ctx, call)
	switch {
	case err != nil:
		return commands.AgendaAsked{}, mapErr("agenda", err)
	case row.Ord == 0:
		return commands.AgendaAsked{}, mapErr("agenda", sql.ErrNoRows)
	case row.Replayed:
		return commands.AgendaAsked{}, commands.ErrReplay
	}
	o := row.origin()
	return commands.AgendaAsked{
		Origin:   o,
		Running:  row.running(o.Committee.ID),
		Waits:    row.Waits,
		Snapshot: row.Now,
		Changed:  row.Changed,
	}, nil
}

// agendaCall is one AgendaFrom: the request, and its replay key hashed,
// with the call's own nonce (replayKey).
type agendaCall struct {
	req   commands.AgendaRequest
	key   []byte
	nonce int64
}

// agendaRow is what agendaFromSQL reads for one call; Ord is 0 for a call
// from a channel that is no committee's.
type agendaRow struct {
	Ord int `db:"ord"`
	originRow
	runningRow
	Now      string `db:"now"`
	Changed  bool   `db:"changed"`
	Replayed bool   `db:"replayed"`
}

// agendaBatcher batches AgendaFrom (see batcher), as originBatcher does
// the read every other command starts with: members look at the agenda
// in the minutes before a meeting, and at its start, all at once. A batch
// holds a key once; a caller that gives up on the read does not wait for
// it.
func agendaBatcher(db *DB) *batcher[agendaCall, agendaRow] {
	return &batcher[agendaCall, agendaRow]{
		run: db.agendas,
		key: func(c agendaCall) string { return string(c.key) },
		max: batchMax, workers: batchWorkers, spill: batchSpill, leave: true,
	}
}

// agendas runs agendaFromSQL for calls: alone, with its arrays of one
// element as scalars, which costs less to plan for one.
func (db *DB) agendas(ctx context.Context, calls []agendaCall) ([]agendaRow, error) {
	n := len(calls)
	query := agendasFromSQL
	var args []any
	if n == 1 {
		r := calls[0].req
		query, args = agendaFromSQL, []any{r.TeamID, r.ChannelID, r.UserID, r.At, r.Since, calls[0].key, calls[0].nonce}
	} else {
		a, sinces := newRequestArrays(n), make(pq.StringArray, n)
		for i, c := range calls {
			a.set(i, c.req.TeamID, c.req.ChannelID, c.req.UserID, c.req.At, c.key, c.nonce)
			sinces[i] = c.req.Since
		}
		args = []any{a.teams, a.channels, a.users, a.ats, sinces, a.keys, a.nonces}
	}
	st, err := db.prepared(ctx, query)
	if err != nil {
		return nil, err
	}
	rows := make([]agendaRow, 0, n)
	if err := st.SelectContext(ctx, &rows, args...); err != nil {
		return nil, err
	}
	out := make([]agendaRow, n)
	for _, r := range rows {
		if r.Ord < 1 || r.Ord > n || out[r.Ord-1].Ord != 0 {
			return nil, fmt.Errorf("storage: agenda: a row for call %d of %d", r.Ord, n)
		}
		out[r.Ord-1] = r
	}
	return out, nil
}

// agendaFromSQL is, for the committee of the channel ($1, $2), what
// originSelect reads of it for the sender $3 at $4, its meeting in
// progress (runningJoin), and changedSince of the snapshot $5, in a row
// numbered 1 (ord); with the replay key $6 recorded with the nonce $7 as
// FirstSeen records it, for a channel that is a committee's only. It says
// whether the key was seen before; for a channel that is no committee's,
// it has no row.
var agendaFromSQL = `WITH seen AS (
	` + seenInsertSQL + `
	SELECT CAST($6 AS bytea), CAST($7 AS bigint) FROM committees
	WHERE team_id = $1 AND channel_id = $2 AND octet_length(CAST($6 AS bytea)) > 0
	` + seenConflictSQL + `
)
SELECT 1 AS ord, ` + originColumns + `,
	x.id AS r_id, x.starts_at AS r_starts_at, x.venue AS r_venue, x.status AS r_status,
	x.time_known AS r_time_known, x.revision AS r_revision,
	EXISTS (` + waiting("c.id", "c.time_zone", "CAST($4 AS timestamptz)") + `) AS r_waits,
	` + changedSince("c.id", "CAST($5 AS text)") + `,
	octet_length(CAST($6 AS bytea)) > 0 AND NOT EXISTS (SELECT 1 FROM seen) AS replayed
FROM committees c
LEFT JOIN members m ON m.committee_id = c.id AND m.user_id = $3 AND m.removed_at IS NULL` + meetingJoin("0", "$4") + runningJoin("x", "true") + `
WHERE c.team_id = $1 AND c.channel_id = $2`

// agendasFromSQL is agendaFromSQL for many calls, their parameters in
// arrays in its order, each call's row numbered by its place (ord). The
// keys are recorded in their order, so that two batches at once (two
// replicas') that share keys lock them in the same order.
var agendasFromSQL = `WITH q AS (
	SELECT * FROM unnest(CAST($1 AS text[]), CAST($2 AS text[]), CAST($3 AS text[]), CAST($4 AS timestamptz[]),
	                     CAST($5 AS text[]), CAST($6 AS bytea[]), CAST($7 AS bigint[]))
	WITH ORDINALITY AS q(team_id, channel_id, user_id, at, since, replay_key, replay_nonce, ord)
), seen AS (
	` + seenInsertSQL + `
	SELECT q.replay_key, q.replay_nonce FROM q JOIN committees c ON c.team_id = q.team_id AND c.channel_id = q.channel_id
	WHERE octet_length(q.replay_key) > 0
	ORDER BY q.replay_key
	` + seenConflictSQL + `
)
SELECT q.ord, ` + originColumns + `,
	x.id AS r_id, x.starts_at AS r_starts_at, x.venue AS r_venue, x.status AS r_status,
	x.time_known AS r_time_known, x.revision AS r_revision,
	EXISTS (` + waiting("c.id", "c.time_zone", "q.at") + `) AS r_waits,
	` + changedSince("c.id", "q.since") + `,
	octet_length(q.replay_key) > 0 AND q.replay_key NOT IN (SELECT key FROM seen) AS replayed
` + requestsOrigin("q") + meetingJoin("0", "q.at") + runningJoin("x", "true") + `
ORDER BY q.ord`
