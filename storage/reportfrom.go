package storage

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/lib/pq"

	"github.com/quorumhq/quorum/commands"
)

// reportFromCall is one SubmitReportFrom, as declareFromCall is one
// DeclareFrom.
type reportFromCall struct {
	req            commands.ReportRequest
	alias1, alias2 string
	key            []byte
	nonce          int64
}

// reportedFrom is what reportFromSQL says of one call.
type reportedFrom struct {
	atTableRow
	Outcome sql.NullString `db:"outcome"`
	auditMarks
}

// reportFromBatcher batches SubmitReportFrom (see batcher). A batch holds
// one link of a sender in one channel: the item is found in the
// statement, and two links on one item would be the same row of
// report_current.
func reportFromBatcher(db *DB) *batcher[reportFromCall, reportedFrom] {
	return &batcher[reportFromCall, reportedFrom]{
		run: db.reportsFrom,
		key: func(c reportFromCall) string {
			return c.req.TeamID + "\x00" + c.req.ChannelID + "\x00" + c.req.UserID
		},
		max: batchMax, workers: batchWorkers, spill: batchSpill,
	}
}

// SubmitReportFrom implements commands.ReportStore: the read dispatch
// makes for a `/report` and the link, in one statement and one round
// trip, shared with the other links sent at the same moment
// (reportFromBatcher), as DeclareFrom is.
func (db *DB) SubmitReportFrom(ctx context.Context, req commands.ReportRequest) (commands.ReportedFrom, bool, error) {
	if len(req.Items) == 0 || len(req.Items) > 2 {
		return commands.ReportedFrom{}, false, fmt.Errorf("storage: submit report: %d spellings of an item", len(req.Items))
	}
	if req.Replay != "" {
		db.pruneSeenLater()
	}
	call := reportFromCall{req: req}
	call.alias1, call.alias2 = aliases(req.Items)
	call.key, call.nonce = replayKey(req.Replay)
	f, err := db.reportLinksFrom.do(ctx, call)
	switch {
	case err != nil:
		return commands.ReportedFrom{}, false, mapErr("submit report", err)
	case f.Ord == 0:
		return commands.ReportedFrom{}, false, mapErr("submit report", sql.ErrNoRows)
	case f.Replayed:
		return commands.ReportedFrom{}, false, commands.ErrReplay
	}
	var out commands.ReportedFrom
	out.Origin, out.Meeting, out.Item = f.at()
	out.Outcome = commands.ReportOutcome(f.Outcome.String)
	return out, f.Admitted, nil
}

// reportsFrom runs reportFromSQL for calls: alone, with its arrays of one
// element as scalars.
func (db *DB) reportsFrom(ctx context.Context, calls []reportFromCall) ([]reportedFrom, error) {
	n := len(calls)
	var query string
	var args []any
	if n == 1 {
		c := calls[0]
		query, args = reportOneFromSQL, []any{c.req.TeamID, c.req.ChannelID, c.req.UserID, c.req.At,
			c.alias1, c.alias2, c.req.URL, c.req.Title, c.key, c.nonce}
	} else {
		teams, channels, users := make(pq.StringArray, n), make(pq.StringArray, n), make(pq.StringArray, n)
		ats, alias1s, alias2s := make(pq.StringArray, n), make(pq.StringArray, n), make(pq.StringArray, n)
		urls, titles := make(pq.StringArray, n), make(pq.StringArray, n)
		keys, nonces := make(pq.ByteaArray, n), make(pq.Int64Array, n)
		for i, c := range calls {
			teams[i], channels[i], users[i] = c.req.TeamID, c.req.ChannelID, c.req.UserID
			ats[i], alias1s[i], alias2s[i] = c.req.At.UTC().Format(time.RFC3339Nano), c.alias1, c.alias2
			urls[i], titles[i] = c.req.URL, c.req.Title
			keys[i], nonces[i] = c.key, c.nonce
		}
		query, args = reportManyFromSQL, []any{teams, channels, users, ats, alias1s, alias2s, urls, titles, keys, nonces}
	}
	st, err := db.prepared(ctx, query)
	if err != nil {
		return nil, err
	}
	out := make([]reportedFrom, n)
	err = writeAlone(ctx, "submit report", func(ctx context.Context) error {
		rows := make([]reportedFrom, 0, n)
		if err := st.SelectContext(ctx, &rows, args...); err != nil {
			return err
		}
		// Rows that cannot be told apart are a fault here, after the
		// statement committed: what each call came to is in doubt.
		for _, r := range rows {
			if r.Ord < 1 || r.Ord > n || out[r.Ord-1].Ord != 0 {
				return fmt.Errorf("storage: submit report: a row for call %d of %d", r.Ord, n)
			}
			switch o := commands.ReportOutcome(r.Outcome.String); {
			case !r.Admitted || r.Replayed:
				if r.Outcome.Valid {
					return fmt.Errorf("storage: submit report: call %d wrote %q, not let through", r.Ord, o)
				}
			case o == commands.ReportUnchanged:
			case o == commands.ReportRecorded, o == commands.ReportReplaced:
				if err := r.check(r.meetingID()); err != nil {
					return err
				}
			default:
				return fmt.Errorf("storage: submit report: outcome %q", r.Outcome.String)
			}
			out[r.Ord-1] = r
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// reportFromSQL is SubmitReportFrom's statement over the requests in the
// CTE q (ord, team_id, channel_id, user_id, at, alias1, alias2, url,
// title, replay_key, replay_nonce): atTableSQL finds where each came
// from, the meeting at the table and the item, and lets through a link on
// an item with no presenter, or from an officer (the presenter's rule is
// mayReport's, in Go); reportRowsSQL submits those whose keys were new.
// It returns a row for each request from a committee's channel, in
// order, and none for the others.
func reportFromSQL(q string) string {
	return atTableSQL(q, "btrim(f.i_presenter) = '' OR f.m_role = 'officer'", "q.url, q.title") + `, r AS (
	SELECT ok.ord, ok.w_id AS meeting_id, ok.i_number AS item_number, ok.i_id AS item_id,
		ok.user_id AS member_key, ok.user_id, ok.m_name AS name, ok.url, ok.title, ok.user_id AS by_user, ok.at,
		` + filedOn("ok.i_id", "ok.i_number") + ` AS filed_on
	FROM ok WHERE ok.first
), ` + reportRowsSQL + `
SELECT ` + atTableColumns + `, o.outcome,
	(SELECT count(*) FROM aud JOIN done ON done.id = aud.id WHERE done.ord = f.ord) AS audited,
	COALESCE((SELECT sum(n) FROM stale), 0) AS marked
FROM f LEFT JOIN ok ON ok.ord = f.ord
	LEFT JOIN o ON o.ord = f.ord
ORDER BY f.ord`
}

// reportOneFromSQL is reportFromSQL for one request, $1 to $10 in q's
// order.
var reportOneFromSQL = reportFromSQL(`
	SELECT 1 AS ord, CAST($1 AS text) AS team_id, CAST($2 AS text) AS channel_id, CAST($3 AS text) AS user_id,
		CAST($4 AS timestamptz) AS at, CAST($5 AS text) AS alias1, CAST($6 AS text) AS alias2,
		CAST($7 AS text) AS url, CAST($8 AS text) AS title, CAST($9 AS bytea) AS replay_key, CAST($10 AS bigint) AS replay_nonce`)

// reportManyFromSQL is reportFromSQL for many requests, their parameters
// in arrays in q's order.
var reportManyFromSQL = reportFromSQL(`
	SELECT * FROM unnest(CAST($1 AS text[]), CAST($2 AS text[]), CAST($3 AS text[]), CAST($4 AS timestamptz[]),
	                     CAST($5 AS text[]), CAST($6 AS text[]), CAST($7 AS text[]), CAST($8 AS text[]),
	                     CAST($9 AS bytea[]), CAST($10 AS bigint[]))
	WITH ORDINALITY AS q(team_id, channel_id, user_id, at, alias1, alias2, url, title, replay_key, replay_nonce, ord)`)
