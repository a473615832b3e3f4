package storage

import (
	"context"
	"database/sql"
	"time"

	"github.com/quorumhq/quorum/commands"
)

// declareFromCall is one DeclareFrom.
type declareFromCall struct {
	req commands.DeclareRequest
	atTableCall
}

// declaredFrom is what declareFromSQL says of one call: the origin, the
// meeting at the table and the item, and what was written.
type declaredFrom struct {
	atTableRow
	MadeID     sql.NullInt64 `db:"d_id"`
	DeclaredAt sql.NullTime  `db:"d_declared_at"`
	// Attending: the attendance of the meeting at the table marks the
	// declarant.
	Attending bool `db:"d_attending"`
	auditMarks
}

// declareFromBatcher batches DeclareFrom (see batcher). A batch holds one
// sender's declaration of one kind and nature in one channel once: the
// item is found in the statement, and two spellings of one item would be
// the same declaration, which the statement could not tell apart.
func declareFromBatcher(db *DB) *batcher[declareFromCall, declaredFrom] {
	return &batcher[declareFromCall, declaredFrom]{
		run: db.declaresFrom,
		key: func(c declareFromCall) string {
			r := c.req
			return r.TeamID + "\x00" + r.ChannelID + "\x00" + r.UserID + "\x00" + string(r.Kind) + "\x00" + r.Nature
		},
		max: batchMax, workers: batchWorkers, spill: batchSpill,
	}
}

// DeclareFrom implements commands.DeclarationStore: the read dispatch
// makes for a `/declare` and the declaration, in one statement and one
// round trip, shared with the other declarations made at the same moment
// (declareFromBatcher). At the start of a meeting every member declares
// at once; each otherwise cost two round trips, the first reading the
// whole agenda to find one item.
func (db *DB) DeclareFrom(ctx context.Context, req commands.DeclareRequest) (commands.DeclaredFrom, bool, error) {
	call, err := db.newAtTableCall("declare", req.Items, req.Replay)
	if err != nil {
		return commands.DeclaredFrom{}, false, err
	}
	f, err := db.declarationsFrom.do(ctx, declareFromCall{req: req, atTableCall: call})
	if err := settleAtTable("declare", &f.atTableRow, err); err != nil {
		return commands.DeclaredFrom{}, false, err
	}
	var out commands.DeclaredFrom
	out.Origin, out.Meeting, out.Item = f.at()
	if !f.Admitted {
		return out, false, nil
	}
	out.Unmarked = f.OnRunning && !f.Attending
	d := commands.Declaration{
		MeetingID: out.Meeting.ID, Item: out.Item.Number, ItemID: out.Item.ID,
		OnItem: commands.ItemRef{Number: out.Item.Number, Title: out.Item.Title},
		UserID: req.UserID, Name: out.Origin.Member.Name, Kind: req.Kind, Nature: req.Nature,
		DeclaredAt: req.At, By: req.UserID,
	}
	if f.MadeID.Valid {
		d.ID, d.DeclaredAt = f.MadeID.Int64, f.DeclaredAt.Time
		out.Declaration, out.Created = d, true
		return out, true, nil
	}
	// An identical declaration stands: read it, as Declare does. The key
	// is recorded, so this goes on without it.
	out.Declaration, out.Created, err = db.declareFiled(ctx, d, f.ItemID, true, nil)
	if err != nil {
		return commands.DeclaredFrom{}, false, err
	}
	return out, true, nil
}

// declaresFrom runs declareFromSQL for calls (see atTableArgs).
func (db *DB) declaresFrom(ctx context.Context, calls []declareFromCall) ([]declaredFrom, error) {
	n := len(calls)
	query := declareManyFromSQL
	if n == 1 {
		query = declareOneFromSQL
	}
	args := atTableArgs(n, func(i int) (string, string, string, time.Time, atTableCall, string, string) {
		r := calls[i].req
		return r.TeamID, r.ChannelID, r.UserID, r.At, calls[i].atTableCall, string(r.Kind), r.Nature
	})
	return atTableBatch(ctx, db, "declare", query, args, n, func(r *declaredFrom) *atTableRow { return &r.atTableRow },
		func(r *declaredFrom) error {
			if !r.MadeID.Valid {
				return nil
			}
			return r.auditMarks.check(r.meetingID())
		})
}

// declareFromSQL is DeclareFrom's statement over the requests in the
// CTE q (ord, team_id, channel_id, user_id, at, alias1, alias2, kind,
// nature, replay_key, replay_nonce): atTableSQL finds where each came
// from, the meeting at the table and the item, and records the keys of
// those it lets through, whose declarations declareRowsSQL makes. It
// returns a row for each request from a committee's channel, in order,
// and none for the others.
func declareFromSQL(q string) string {
	return atTableSQL(q, "true", "q.kind, q.nature") + `, r AS (
	SELECT ok.ord, ok.w_id AS meeting_id, ok.i_number AS item_number, ok.i_id AS item_id,
		ok.user_id AS member_key, ok.user_id, ok.m_name AS name, ok.kind, ok.nature,
		false AS dispensation, ok.user_id AS by_user, ok.at
	FROM ok WHERE ok.first
), ` + declareRowsSQL + `
SELECT ` + atTableColumns + `,
	d.id AS d_id, d.declared_at AS d_declared_at,
	(SELECT count(*) FROM aud WHERE aud.id = d.id) AS audited, COALESCE((SELECT sum(n) FROM stale), 0) AS marked,
	EXISTS (SELECT 1 FROM attendance_marks am WHERE am.meeting_id = ok.w_id AND am.user_id = ok.user_id) AS d_attending
FROM f LEFT JOIN ok ON ok.ord = f.ord
	LEFT JOIN r ON r.ord = f.ord
	LEFT JOIN ins d ON d.meeting_id = r.meeting_id AND d.item_id = r.item_id AND d.member_key = r.member_key
		AND d.kind = r.kind AND d.nature = r.nature
ORDER BY f.ord`
}

// declareOneFromSQL is declareFromSQL for one request, $1 to $10 in q's
// order.
var declareOneFromSQL = declareFromSQL(`
	SELECT 1 AS ord, CAST($1 AS text) AS team_id, CAST($2 AS text) AS channel_id, CAST($3 AS text) AS user_id,
		CAST($4 AS timestamptz) AS at, CAST($5 AS text) AS alias1, CAST($6 AS text) AS alias2,
		CAST($7 AS text) AS kind, CAST($8 AS text) AS nature, CAST($9 AS bytea) AS replay_key, CAST($10 AS bigint) AS replay_nonce`)

// declareManyFromSQL is declareFromSQL for many requests, their
// parameters in arrays in q's order.
var declareManyFromSQL = declareFromSQL(`
	SELECT * FROM unnest(CAST($1 AS text[]), CAST($2 AS text[]), CAST($3 AS text[]), CAST($4 AS timestamptz[]),
	                     CAST($5 AS text[]), CAST($6 AS text[]), CAST($7 AS text[]), CAST($8 AS text[]),
	                     CAST($9 AS bytea[]), CAST($10 AS bigint[]))
	WITH ORDINALITY AS q(team_id, channel_id, user_id, at, alias1, alias2, kind, nature, replay_key, replay_nonce, ord)`)
