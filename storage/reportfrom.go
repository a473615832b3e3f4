package storage

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/quorumhq/quorum/commands"
)

// reportFromCall is one SubmitReportFrom, as declareFromCall is one
// DeclareFrom.
type reportFromCall struct {
	req commands.ReportRequest
	atTableCall
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
	call, err := db.newAtTableCall("submit report", req.Items, req.Replay)
	if err != nil {
		return commands.ReportedFrom{}, false, err
	}
	f, err := db.reportLinksFrom.do(ctx, reportFromCall{req: req, atTableCall: call})
	if err := settleAtTable("submit report", &f.atTableRow, err); err != nil {
		return commands.ReportedFrom{}, false, err
	}
	var out commands.ReportedFrom
	out.Origin, out.Meeting, out.Item = f.at()
	out.Outcome = commands.ReportOutcome(f.Outcome.String)
	return out, f.Admitted, nil
}

// reportsFrom runs reportFromSQL for calls (see atTableArgs).
func (db *DB) reportsFrom(ctx context.Context, calls []reportFromCall) ([]reportedFrom, error) {
	n := len(calls)
	query := reportManyFromSQL
	if n == 1 {
		query = reportOneFromSQL
	}
	args := atTableArgs(n, func(i int) (string, string, string, time.Time, atTableCall, string, string) {
		r := calls[i].req
		return r.TeamID, r.ChannelID, r.UserID, r.At, calls[i].atTableCall, r.URL, r.Title
	})
	return atTableBatch(ctx, db, "submit report", query, args, n, func(r *reportedFrom) *atTableRow { return &r.atTableRow },
		func(r *reportedFrom) error {
			switch o := commands.ReportOutcome(r.Outcome.String); {
			case !r.Admitted || r.Replayed:
				if r.Outcome.Valid {
					return fmt.Errorf("storage: submit report: call %d wrote %q, not let through", r.Ord, o)
				}
			case o == commands.ReportUnchanged:
			case o == commands.ReportRecorded, o == commands.ReportReplaced:
				return r.check(r.meetingID())
			default:
				return fmt.Errorf("storage: submit report: outcome %q", r.Outcome.String)
			}
			return nil
		})
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
	return atTableSQL(q, headingFree+" OR f.m_role = 'officer'", "q.url, q.title") + `, r AS (
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

// headingFree is, over f, an item with no presenter and none numbered
// under it with one: a link for a heading such as "7. Partner Reports"
// goes the long way, where one from a partner whose own item is 7.7 is
// refused (see headingNotTheirs).
const headingFree = `(btrim(f.i_presenter) = '' AND NOT (f.i_number ~ '^[0-9]+$' AND EXISTS (
		SELECT 1 FROM agenda_items s WHERE s.meeting_id = f.w_id AND s.removed_at IS NULL AND btrim(s.presenter) <> ''
			AND s.number ~* ('^' || f.i_number || '([.][0-9]+|[a-z])$'))))`

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
