package storage

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/lib/pq"

	"github.com/quorumhq/quorum/commands"
)

// declareFromCall is one DeclareFrom: the request, its item's first two
// spellings (itemAliases gives no more) and its replay key hashed, with
// the call's own nonce (replayKey).
type declareFromCall struct {
	req            commands.DeclareRequest
	alias1, alias2 string
	key            []byte
	nonce          int64
}

// declaredFrom is what declareFromSQL says of one call: the origin, the
// meeting at the table and the item, and what was written.
type declaredFrom struct {
	Ord int `db:"ord"`
	originRow
	RunningID        sql.NullInt64  `db:"r_id"`
	RunningStartsAt  sql.NullTime   `db:"r_starts_at"`
	RunningVenue     sql.NullString `db:"r_venue"`
	RunningStatus    sql.NullString `db:"r_status"`
	RunningTimeKnown sql.NullBool   `db:"r_time_known"`
	RunningRevision  sql.NullInt64  `db:"r_revision"`
	OnRunning        bool           `db:"on_running"`
	ItemID           sql.NullInt64  `db:"i_id"`
	ItemNumber       sql.NullString `db:"i_number"`
	ItemTitle        sql.NullString `db:"i_title"`
	// Admitted: the sender is a member, a meeting is at the table and the
	// item is on its agenda. Only then is the key recorded, and the
	// declaration made unless it is Replayed or one stands (no ID).
	Admitted   bool          `db:"admitted"`
	Replayed   bool          `db:"replayed"`
	MadeID     sql.NullInt64 `db:"d_id"`
	DeclaredAt sql.NullTime  `db:"d_declared_at"`
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
	if len(req.Items) == 0 || len(req.Items) > 2 {
		return commands.DeclaredFrom{}, false, fmt.Errorf("storage: declare: %d spellings of an item", len(req.Items))
	}
	if req.Replay != "" {
		db.pruneSeenLater()
	}
	call := declareFromCall{req: req, alias1: req.Items[0]}
	if len(req.Items) > 1 {
		call.alias2 = req.Items[1]
	}
	call.key, call.nonce = replayKey(req.Replay)
	f, err := db.declarationsFrom.do(ctx, call)
	switch {
	case err != nil:
		return commands.DeclaredFrom{}, false, mapErr("declare", err)
	case f.Ord == 0:
		return commands.DeclaredFrom{}, false, mapErr("declare", sql.ErrNoRows)
	case !f.Admitted:
		return commands.DeclaredFrom{Origin: f.origin()}, false, nil
	case f.Replayed:
		return commands.DeclaredFrom{}, false, commands.ErrReplay
	}
	out := commands.DeclaredFrom{Origin: f.origin()}
	if f.OnRunning {
		out.Meeting = *briefMeeting(out.Origin.Committee.ID, f.RunningID, f.RunningStartsAt, f.RunningVenue, f.RunningStatus, f.RunningTimeKnown, f.RunningRevision)
	} else {
		out.Meeting = *out.Origin.Next
	}
	out.Item = commands.AgendaItem{ID: f.ItemID.Int64, MeetingID: out.Meeting.ID, Number: f.ItemNumber.String, Title: f.ItemTitle.String}
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
	out.Declaration, out.Created, err = db.declareFiled(ctx, d, f.ItemID, true)
	if err != nil {
		return commands.DeclaredFrom{}, false, err
	}
	return out, true, nil
}

// declaresFrom runs declareFromSQL for calls: alone, with its arrays of
// one element as scalars, which costs less to plan for one.
func (db *DB) declaresFrom(ctx context.Context, calls []declareFromCall) ([]declaredFrom, error) {
	n := len(calls)
	var query string
	var args []any
	if n == 1 {
		c := calls[0]
		query, args = declareOneFromSQL, []any{c.req.TeamID, c.req.ChannelID, c.req.UserID, c.req.At,
			c.alias1, c.alias2, string(c.req.Kind), c.req.Nature, c.key, c.nonce}
	} else {
		teams, channels, users := make(pq.StringArray, n), make(pq.StringArray, n), make(pq.StringArray, n)
		ats, alias1s, alias2s := make(pq.StringArray, n), make(pq.StringArray, n), make(pq.StringArray, n)
		kinds, natures := make(pq.StringArray, n), make(pq.StringArray, n)
		keys, nonces := make(pq.ByteaArray, n), make(pq.Int64Array, n)
		for i, c := range calls {
			teams[i], channels[i], users[i] = c.req.TeamID, c.req.ChannelID, c.req.UserID
			ats[i], alias1s[i], alias2s[i] = c.req.At.UTC().Format(time.RFC3339Nano), c.alias1, c.alias2
			kinds[i], natures[i] = string(c.req.Kind), c.req.Nature
			keys[i], nonces[i] = c.key, c.nonce
		}
		query, args = declareManyFromSQL, []any{teams, channels, users, ats, alias1s, alias2s, kinds, natures, keys, nonces}
	}
	st, err := db.prepared(ctx, query)
	if err != nil {
		return nil, err
	}
	out := make([]declaredFrom, n)
	err = writeAlone(ctx, "declare", func(ctx context.Context) error {
		rows := make([]declaredFrom, 0, n)
		if err := st.SelectContext(ctx, &rows, args...); err != nil {
			return err
		}
		// Rows that cannot be told apart are a fault here, after the
		// statement committed: what each call came to is in doubt.
		for _, r := range rows {
			if r.Ord < 1 || r.Ord > n || out[r.Ord-1].Ord != 0 {
				return fmt.Errorf("storage: declare: a row for call %d of %d", r.Ord, n)
			}
			if r.MadeID.Valid {
				meeting := r.NextID
				if r.OnRunning {
					meeting = r.RunningID
				}
				if err := r.auditMarks.check(meeting.Int64); err != nil {
					return err
				}
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

// declareFromSQL is DeclareFrom's statement over the requests in the
// CTE q (ord, team_id, channel_id, user_id, at, alias1, alias2, kind,
// nature, replay_key, replay_nonce). For each request from a committee's
// channel, o reads what origin reads (originColumns), the committee's
// meeting in progress x and the meeting at the table w (x, when it opened
// in the last twelve hours, as meetingAtTable takes it, or else the next,
// n), and the item of w's agenda with the first spelling that any has, as
// findItem finds it. The rules dispatch and declareCmd apply (a member; a
// meeting at the table, which the next always is; an item on its agenda)
// are applied here too, so that the read and the write are one; the key
// is recorded (seen, in the keys' order, as originsFirstSeenSQL records
// them) only for a request they let through, so that one they do not is
// sent the long way, which records it and says why. The declarations are
// made by declareRowsSQL. The statement returns a row for each request
// from a committee's channel, in order, and none for the others.
func declareFromSQL(q string) string {
	return `
WITH q AS (` + q + `
), o AS (
	SELECT q.ord, ` + originColumns + `,
		x.id AS r_id, x.starts_at AS r_starts_at, x.venue AS r_venue, x.status AS r_status,
		x.time_known AS r_time_known, x.revision AS r_revision,
		COALESCE(x.starts_at > q.at - interval '12 hours', false) AS on_running,
		w.id AS w_id, it.id AS i_id, it.number AS i_number, it.title AS i_title
	FROM q JOIN committees c ON c.team_id = q.team_id AND c.channel_id = q.channel_id
	LEFT JOIN LATERAL (
		SELECT user_id, name, organisation, role, added_at FROM members
		WHERE committee_id = c.id AND user_id = q.user_id AND removed_at IS NULL
		LIMIT 1
	) m ON true` + meetingJoin("0", "q.at") + runningJoin("x", "true") + `
	CROSS JOIN LATERAL (
		SELECT CASE WHEN x.starts_at > q.at - interval '12 hours' THEN x.id ELSE n.id END AS id
	) w
	LEFT JOIN LATERAL (
		SELECT i.id, i.number, i.title FROM agenda_items i
		WHERE i.meeting_id = w.id AND i.removed_at IS NULL AND lower(i.number) IN (q.alias1, q.alias2)
		ORDER BY lower(i.number) = q.alias1 DESC, i.position, i.number
		LIMIT 1
	) it ON true
), ok AS (
	SELECT o.*, q.user_id, q.kind, q.nature, q.at, q.replay_key, q.replay_nonce
	FROM o JOIN q ON q.ord = o.ord
	WHERE o.m_user_id IS NOT NULL AND o.i_id IS NOT NULL
), seen AS (
	` + seenInsertSQL + `
	SELECT replay_key, replay_nonce FROM ok WHERE octet_length(replay_key) > 0
	ORDER BY replay_key
	` + seenConflictSQL + `
), r AS (
	SELECT ok.ord, ok.w_id AS meeting_id, ok.i_number AS item_number, ok.i_id AS item_id,
		ok.user_id AS member_key, ok.user_id, ok.m_name AS name, ok.kind, ok.nature,
		false AS dispensation, ok.user_id AS by_user, ok.at
	FROM ok
	WHERE octet_length(ok.replay_key) = 0 OR ok.replay_key IN (SELECT key FROM seen)
), ` + declareRowsSQL + `
SELECT o.ord, ` + originOutColumns + `, o.r_id, o.r_starts_at, o.r_venue, o.r_status, o.r_time_known, o.r_revision,
	o.on_running, o.i_id, o.i_number, o.i_title,
	ok.ord IS NOT NULL AS admitted,
	ok.ord IS NOT NULL AND octet_length(ok.replay_key) > 0 AND ok.replay_key NOT IN (SELECT key FROM seen) AS replayed,
	d.id AS d_id, d.declared_at AS d_declared_at,
	(SELECT count(*) FROM aud WHERE aud.id = d.id) AS audited, COALESCE((SELECT sum(n) FROM stale), 0) AS marked
FROM o LEFT JOIN ok ON ok.ord = o.ord
	LEFT JOIN r ON r.ord = o.ord
	LEFT JOIN ins d ON d.meeting_id = r.meeting_id AND d.item_id = r.item_id AND d.member_key = r.member_key
		AND d.kind = r.kind AND d.nature = r.nature
ORDER BY o.ord`
}

// originOutColumns are originColumns as o of declareFromSQL names them.
const originOutColumns = `o.id, o.name, o.team_id, o.channel_id, o.time_zone, o.standard_items, o.reminder_days,
	o.reminder_time, o.created_at, o.calendar_token,
	o.m_user_id, o.m_name, o.m_organisation, o.m_role, o.m_added_at,
	o.n_id, o.n_starts_at, o.n_venue, o.n_status, o.n_time_known, o.n_revision`

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
