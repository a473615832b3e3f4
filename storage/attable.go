package storage

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/lib/pq"

	"github.com/quorumhq/quorum/commands"
)

// atTableSQL starts a statement that acts on an item of the meeting at
// the table for each request in the CTE q (ord, team_id, channel_id,
// user_id, at, alias1, alias2, replay_key, replay_nonce, and the columns
// of its own), in the one statement that writes: what dispatch and
// openItem otherwise read first, in a round trip of their own, with the
// whole agenda. For each request from a committee's channel, f reads what
// origin reads (originColumns), the committee's meeting in progress x and
// the meeting at the table w (x, when it opened in the last twelve hours,
// as meetingAtTable takes it, or else the next, n, unless today's waits
// to be opened, when there is none and the request goes the long way),
// and the item of w's
// agenda with the first spelling that any item has, as findItem finds it.
// ok is the requests the rules let through (a member; a meeting at the
// table, which the next always is; the item on its agenda; and the SQL
// condition admit, over f), with q's columns extra: only their keys are
// recorded (seen, in the keys' order, as originsFirstSeenSQL records
// them), so that a request refused goes the long way, which records its
// key and says why. ok.first says the key was new (or there is none):
// only then may the request write.
func atTableSQL(q, admit, extra string) string {
	return `
WITH q AS (` + q + `
), f AS (
	SELECT q.ord, ` + originColumns + `,
		x.id AS r_id, x.starts_at AS r_starts_at, x.venue AS r_venue, x.status AS r_status,
		x.time_known AS r_time_known, x.revision AS r_revision,
		COALESCE(x.starts_at > q.at - interval '12 hours', false) AS on_running,
		w.id AS w_id, it.id AS i_id, it.number AS i_number, it.title AS i_title, it.presenter AS i_presenter
	` + requestsOrigin("q") + meetingJoin("0", "q.at") + runningJoin("x", "true") + `
	CROSS JOIN LATERAL (
		SELECT CASE WHEN x.starts_at > q.at - interval '12 hours' THEN x.id
			-- Today's waits to be opened: it, not the next, is at the
			-- table, and commands finds it the long way (waiting).
			WHEN EXISTS (` + waiting("c.id", "c.time_zone", "q.at") + `) THEN NULL
			ELSE n.id END AS id
	) w
	LEFT JOIN LATERAL (
		SELECT i.id, i.number, i.title, i.presenter FROM agenda_items i
		WHERE i.meeting_id = w.id AND i.removed_at IS NULL AND lower(i.number) IN (q.alias1, q.alias2)
		ORDER BY lower(i.number) = q.alias1 DESC, i.position, i.number
		LIMIT 1
	) it ON true
), passed AS (
	SELECT f.*, q.user_id, q.at, q.replay_key, q.replay_nonce, ` + extra + `
	FROM f JOIN q ON q.ord = f.ord
	WHERE f.m_user_id IS NOT NULL AND f.i_id IS NOT NULL AND (` + admit + `)
), seen AS (
	` + seenInsertSQL + `
	SELECT replay_key, replay_nonce FROM passed WHERE octet_length(replay_key) > 0
	ORDER BY replay_key
	` + seenConflictSQL + `
), ok AS (
	SELECT passed.*, octet_length(replay_key) = 0 OR replay_key IN (SELECT key FROM seen) AS first
	FROM passed
)`
}

// atTableColumns are what atTableSQL says of each request (atTableRow),
// read from the row of a query whose FROM is f LEFT JOIN ok.
const atTableColumns = `f.ord, f.id, f.name, f.team_id, f.channel_id, f.time_zone, f.standard_items, f.reminder_days,
	f.reminder_time, f.created_at, f.calendar_token,
	f.m_user_id, f.m_name, f.m_organisation, f.m_role, f.m_added_at,
	f.n_id, f.n_starts_at, f.n_venue, f.n_status, f.n_time_known, f.n_revision,
	f.r_id, f.r_starts_at, f.r_venue, f.r_status, f.r_time_known, f.r_revision,
	f.on_running, f.i_id, f.i_number, f.i_title,
	ok.ord IS NOT NULL AS admitted, COALESCE(NOT ok.first, false) AS replayed`

// runningRow is a committee's meeting in progress, read as the columns
// r_… (runningJoin's, named as tableColumns names them).
type runningRow struct {
	RunningID        sql.NullInt64  `db:"r_id"`
	RunningStartsAt  sql.NullTime   `db:"r_starts_at"`
	RunningVenue     sql.NullString `db:"r_venue"`
	RunningStatus    sql.NullString `db:"r_status"`
	RunningTimeKnown sql.NullBool   `db:"r_time_known"`
	RunningRevision  sql.NullInt64  `db:"r_revision"`
	// Waits says today's meeting waits to be opened (waiting), where
	// the statement reads it (r_waits).
	Waits bool `db:"r_waits"`
}

// running is the meeting of committee committeeID; nil when none is in
// progress.
func (r runningRow) running(committeeID int64) *commands.Meeting {
	return briefMeeting(committeeID, r.RunningID, r.RunningStartsAt, r.RunningVenue, r.RunningStatus, r.RunningTimeKnown, r.RunningRevision)
}

// atTableRow is a row of atTableColumns.
type atTableRow struct {
	Ord int `db:"ord"`
	originRow
	runningRow
	OnRunning  bool           `db:"on_running"`
	ItemID     sql.NullInt64  `db:"i_id"`
	ItemNumber sql.NullString `db:"i_number"`
	ItemTitle  sql.NullString `db:"i_title"`
	// Admitted: the rules let the request through, and its key was
	// recorded; it wrote unless it was Replayed.
	Admitted bool `db:"admitted"`
	Replayed bool `db:"replayed"`
}

// meetingID is the meeting at the table.
func (r atTableRow) meetingID() int64 {
	if r.OnRunning {
		return r.RunningID.Int64
	}
	return r.NextID.Int64
}

// at is the origin, and, for a request admitted, the meeting at the
// table and the item.
func (r atTableRow) at() (commands.Origin, commands.Meeting, commands.AgendaItem) {
	o := r.origin()
	if !r.Admitted {
		return o, commands.Meeting{}, commands.AgendaItem{}
	}
	m := o.Next
	if r.OnRunning {
		m = r.running(o.Committee.ID)
	}
	return o, *m, commands.AgendaItem{ID: r.ItemID.Int64, MeetingID: m.ID, Number: r.ItemNumber.String, Title: r.ItemTitle.String}
}

// atTableCall is what atTableSQL takes of one request besides its
// origin: the item's first two spellings (itemAliases gives no more), the
// second empty when there is one, and the replay key hashed, with the
// call's own nonce (replayKey).
type atTableCall struct {
	alias1, alias2 string
	key            []byte
	nonce          int64
}

// newAtTableCall is the atTableCall of a request for the item items
// spells, with the replay key replay; op names the request in an error.
func (db *DB) newAtTableCall(op string, items []string, replay string) (atTableCall, error) {
	var c atTableCall
	switch len(items) {
	case 1:
		c.alias1 = items[0]
	case 2:
		c.alias1, c.alias2 = items[0], items[1]
	default:
		return c, fmt.Errorf("storage: %s: %d spellings of an item", op, len(items))
	}
	if replay != "" {
		db.pruneSeenLater()
	}
	c.key, c.nonce = replayKey(replay)
	return c, nil
}

// settleAtTable is the error of a call of atTableSQL: the batch's own,
// mapped; not found when the channel is no committee's (no row); or a
// replay.
func settleAtTable(op string, r *atTableRow, err error) error {
	switch {
	case err != nil:
		return mapErr(op, err)
	case r.Ord == 0:
		return mapErr(op, sql.ErrNoRows)
	case r.Replayed:
		return commands.ErrReplay
	}
	return nil
}

// atTableBatch runs query, a statement begun by atTableSQL, with args for
// n calls, sent on its own (writeAlone), and gives each call its row, by
// its ord (zero for a call with none). check is each row's own check of
// what it wrote. Rows that cannot be told apart, or a check that fails,
// are a fault after the statement committed: what each call came to is
// in doubt.
func atTableBatch[T any](ctx context.Context, db *DB, op, query string, args []any, n int, at func(*T) *atTableRow, check func(*T) error) ([]T, error) {
	st, err := db.prepared(ctx, query)
	if err != nil {
		return nil, err
	}
	out := make([]T, n)
	err = writeAlone(ctx, op, func(ctx context.Context) error {
		rows := make([]T, 0, n)
		if err := st.SelectContext(ctx, &rows, args...); err != nil {
			return err
		}
		for i := range rows {
			r := &rows[i]
			ord := at(r).Ord
			if ord < 1 || ord > n || at(&out[ord-1]).Ord != 0 {
				return fmt.Errorf("storage: %s: a row for call %d of %d", op, ord, n)
			}
			if err := check(r); err != nil {
				return err
			}
			out[ord-1] = *r
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// atTableArgs are the parameters, in q's order, of a statement begun by
// atTableSQL whose q has two text columns of its own after alias2, for n
// calls: scalars for one (the statement for one call, which costs less
// to plan), arrays for more. part is call i's.
func atTableArgs(n int, part func(i int) (team, channel, user string, at time.Time, c atTableCall, a, b string)) []any {
	if n == 1 {
		team, channel, user, at, c, a, b := part(0)
		return []any{team, channel, user, at, c.alias1, c.alias2, a, b, c.key, c.nonce}
	}
	r := newRequestArrays(n)
	alias1s, alias2s := make(pq.StringArray, n), make(pq.StringArray, n)
	as, bs := make(pq.StringArray, n), make(pq.StringArray, n)
	for i := range n {
		team, channel, user, at, c, a, b := part(i)
		r.set(i, team, channel, user, at, c.key, c.nonce)
		alias1s[i], alias2s[i], as[i], bs[i] = c.alias1, c.alias2, a, b
	}
	return []any{r.teams, r.channels, r.users, r.ats, alias1s, alias2s, as, bs, r.keys, r.nonces}
}
