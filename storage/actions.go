package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"github.com/quorumhq/quorum/commands"
)

type actionRow struct {
	ID           int64         `db:"id"`
	CommitteeID  int64         `db:"committee_id"`
	MeetingID    int64         `db:"meeting_id"`
	HeldOn       string        `db:"held_on"`
	MinuteID     sql.NullInt64 `db:"minute_id"`
	MinuteNumber string        `db:"minute_number"`
	OwnerUser    string        `db:"owner_user"`
	OwnerName    string        `db:"owner_name"`
	DueOn        string        `db:"due_on"`
	Body         string        `db:"body"`
	Status       string        `db:"status"`
	DoneNote     string        `db:"done_note"`
	CreatedBy    string        `db:"created_by"`
	Progress     string        `db:"progress"`
	ProgressAt   sql.NullTime  `db:"progress_at"`
}

const actionColumns = `a.id, a.committee_id, a.meeting_id,
	to_char((m.starts_at AT TIME ZONE c.time_zone)::date, 'YYYY-MM-DD') AS held_on,
	a.minute_id, a.minute_number, a.owner_user, a.owner_name, COALESCE(to_char(a.due_on, 'YYYY-MM-DD'), '') AS due_on,
	a.body, a.status, a.done_note, a.created_by, COALESCE(pn.note, '') AS progress, pn.at AS progress_at`

// actionFrom joins an action's latest note of progress (pn), found by
// action_log_action from the log's end.
const actionFrom = ` FROM actions a JOIN meetings m ON m.id = a.meeting_id JOIN committees c ON c.id = a.committee_id
	LEFT JOIN LATERAL (SELECT l.note, l.at FROM action_log l WHERE l.action_id = a.id AND l.kind = 'noted' ORDER BY l.id DESC LIMIT 1) pn ON true `

// ownerIsMember holds for an action whose owner is still a member of its
// committee: one who has left is not reminded of actions they can no
// longer mark done.
const ownerIsMember = `EXISTS (SELECT 1 FROM members mb
	WHERE mb.committee_id = a.committee_id AND mb.user_id = a.owner_user AND mb.removed_at IS NULL)`

// dayOfText reads a date column scanned as text (2006-01-02); the zero
// Date when it is empty, as an action's due date with none is read.
func dayOfText(s string) commands.Date {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return commands.Date{}
	}
	return commands.DateOf(t, time.UTC)
}

func (r actionRow) action() commands.ActionPoint {
	return commands.ActionPoint{
		ID: r.ID, CommitteeID: r.CommitteeID, MeetingID: r.MeetingID, HeldOn: dayOfText(r.HeldOn), MinuteID: r.MinuteID.Int64,
		MinuteNumber: r.MinuteNumber, OwnerUser: r.OwnerUser, OwnerName: r.OwnerName, Due: dayOfText(r.DueOn), Text: r.Body,
		Done: r.Status == "done", DoneNote: r.DoneNote, CreatedBy: r.CreatedBy, Progress: r.Progress, ProgressAt: r.ProgressAt.Time,
	}
}

// actionsStale marks, in the caller's transaction, what shows a
// committee's actions: the agendas of its meetings to come, and the Home of
// the action's owner (and the officers'). A meeting still scheduled whose
// day has passed (held elsewhere, never opened here) keeps its agenda as
// posted: edited now, it would list actions as they stand today under a
// meeting long gone. One that began in the last twelve hours may be in
// progress (the meeting at the table), and its agenda is marked.
func actionsStale(ctx context.Context, q sqlx.ExtContext, committeeID int64, owner string) error {
	return actionsStaleAt(ctx, q, committeeID, owner, time.Time{})
}

// actionsStaleAt is actionsStale for a request made at at (zero: the
// database's clock), whose meetings to come are those after it.
func actionsStaleAt(ctx context.Context, q sqlx.ExtContext, committeeID int64, owner string, at time.Time) error {
	users := []string{}
	if owner != "" {
		users = append(users, owner)
	}
	if _, err := q.ExecContext(ctx, `SELECT mark_stale(committee_id, id, $2) FROM meetings
		WHERE committee_id = $1 AND status = 'scheduled' AND starts_at > COALESCE(CAST($3 AS timestamptz), now()) - interval '12 hours'`,
		committeeID, pq.Array(users), nullTime(at)); err != nil {
		return err
	}
	return markHomesStale(ctx, q, committeeID, users)
}

// AddAction implements commands.ActionStore. What told returns for the
// action added is queued with it, numbered as it is recorded.
func (db *DB) AddAction(ctx context.Context, a commands.ActionPoint, at time.Time, told func(commands.ActionPoint) []commands.OutboxMessage) (commands.ActionPoint, bool, error) {
	var id int64
	added := false
	err := db.inTx(ctx, "add action", func(tx *Tx) error {
		// One add at a time per meeting, so that an action sent again
		// while the first is being saved finds it.
		if _, err := tx.ExecContext(ctx, `SELECT id FROM meetings WHERE id = $1 FOR UPDATE`, a.MeetingID); err != nil {
			return err
		}
		err := tx.GetContext(ctx, &id, `SELECT id FROM actions
			WHERE committee_id = $1 AND meeting_id = $2 AND minute_number = $3 AND owner_user = $4 AND owner_name = $5
			  AND due_on IS NOT DISTINCT FROM $6::date AND body = $7 AND status = 'open'
			ORDER BY id LIMIT 1`,
			a.CommitteeID, a.MeetingID, a.MinuteNumber, a.OwnerUser, a.OwnerName, dateArg(a.Due), a.Text)
		if err == nil {
			a, err = actionByID(ctx, tx, id)
			return err
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		added = true
		err = tx.GetContext(ctx, &id, `
			WITH a AS (
				INSERT INTO actions (committee_id, meeting_id, minute_id, minute_number, owner_user, owner_name, due_on, body, created_by, created_at)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, COALESCE(CAST($10 AS timestamptz), now())) RETURNING id, owner_user, owner_name, due_on, created_by, created_at
			)
			INSERT INTO action_log (action_id, kind, owner_user, owner_name, due_on, by_user, at)
			SELECT id, 'added', owner_user, owner_name, due_on, created_by, created_at FROM a RETURNING action_id`,
			a.CommitteeID, a.MeetingID, nullID(a.MinuteID), a.MinuteNumber, a.OwnerUser, a.OwnerName, dateArg(a.Due), a.Text, a.CreatedBy, nullTime(at))
		if err != nil {
			return err
		}
		if err := actionsStale(ctx, tx, a.CommitteeID, a.OwnerUser); err != nil {
			return err
		}
		if err := auditAt(ctx, tx, a.CommitteeID, a.CreatedBy, "action.add", a.OwnerUser, map[string]any{"action": id}, at); err != nil {
			return err
		}
		// Read back before the commit: a read that failed after it would
		// say NOT saved of an action that was.
		if a, err = actionByID(ctx, tx, id); err != nil || told == nil {
			return err
		}
		return enqueueAll(ctx, tx, told(a))
	})
	if err != nil {
		return commands.ActionPoint{}, false, err
	}
	return a, added, nil
}

// ActionPointByID implements commands.ActionStore.
func (db *DB) ActionPointByID(ctx context.Context, id int64) (commands.ActionPoint, error) {
	a, err := actionByID(ctx, db.x, id)
	return a, mapErr("action", err)
}

func actionByID(ctx context.Context, q sqlx.QueryerContext, id int64) (commands.ActionPoint, error) {
	var row actionRow
	err := sqlx.GetContext(ctx, q, &row, `SELECT `+actionColumns+actionFrom+` WHERE a.id = $1`, id)
	return row.action(), err
}

// CompleteAction implements commands.ActionStore.
func (db *DB) CompleteAction(ctx context.Context, id int64, note, by string, at time.Time, notices ...commands.OutboxMessage) error {
	return db.inTx(ctx, "complete action", func(tx *Tx) error {
		return loggedChange(ctx, tx, "complete action: not open", "action.done", id, by, at, notices, `
			WITH a AS (
				UPDATE actions SET status = 'done', done_note = $2 WHERE id = $1 AND status = 'open'
				RETURNING id, committee_id, owner_user, owner_name, due_on
			), l AS (
				INSERT INTO action_log (action_id, kind, owner_user, owner_name, due_on, note, by_user, at)
				SELECT id, 'done', owner_user, owner_name, due_on, $2, $3, COALESCE(CAST($4 AS timestamptz), now()) FROM a
			)
			SELECT committee_id, owner_user FROM a`, id, note, by, nullTime(at))
	})
}

// NoteAction implements commands.ActionStore. The action is locked while
// its note is written, so that a note and its being marked done at once
// are kept in the order made.
func (db *DB) NoteAction(ctx context.Context, id int64, note, by string, at time.Time, notices ...commands.OutboxMessage) error {
	return db.inTx(ctx, "note action", func(tx *Tx) error {
		return loggedChange(ctx, tx, "note action: not open", "action.note", id, by, at, notices, `
			WITH a AS (
				SELECT id, committee_id, owner_user, owner_name, due_on FROM actions WHERE id = $1 AND status = 'open' FOR UPDATE
			), l AS (
				INSERT INTO action_log (action_id, kind, owner_user, owner_name, due_on, note, by_user, at)
				SELECT id, 'noted', owner_user, owner_name, due_on, $2, $3, COALESCE(CAST($4 AS timestamptz), now()) FROM a
			)
			SELECT committee_id, owner_user FROM a`, id, note, by, nullTime(at))
	})
}

// ReopenAction implements commands.ActionStore.
func (db *DB) ReopenAction(ctx context.Context, id int64, by string, at time.Time, notices ...commands.OutboxMessage) error {
	return db.inTx(ctx, "reopen action", func(tx *Tx) error {
		return loggedChange(ctx, tx, "reopen action: not done", "action.reopen", id, by, at, notices, `
			WITH a AS (
				UPDATE actions SET status = 'open', done_note = '' WHERE id = $1 AND status = 'done'
				RETURNING id, committee_id, owner_user, owner_name, due_on
			), l AS (
				INSERT INTO action_log (action_id, kind, owner_user, owner_name, due_on, by_user, at)
				SELECT id, 'reopened', owner_user, owner_name, due_on, $2, COALESCE(CAST($3 AS timestamptz), now()) FROM a
			)
			SELECT committee_id, owner_user FROM a`, id, by, nullTime(at))
	})
}

// loggedChange makes, in tx, a change to action id by query, which writes
// it and its log and returns the action's committee and owner, or no row
// when the action is not in the state the change is made from (ErrConflict,
// said as refused). What shows the action is marked stale, notices are
// queued with the change, and the change is audited as audit.
func loggedChange(ctx context.Context, tx *Tx, refused, audit string, id int64, by string, at time.Time, notices []commands.OutboxMessage, query string, args ...any) error {
	var a struct {
		CommitteeID int64  `db:"committee_id"`
		Owner       string `db:"owner_user"`
	}
	err := tx.GetContext(ctx, &a, query, args...)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("storage: %s: %w", refused, commands.ErrConflict)
	}
	if err != nil {
		return err
	}
	if err := actionsStale(ctx, tx, a.CommitteeID, a.Owner); err != nil {
		return err
	}
	if err := enqueueAll(ctx, tx, notices); err != nil {
		return err
	}
	return auditAt(ctx, tx, a.CommitteeID, by, audit, a.Owner, map[string]any{"action": id}, at)
}

// ActionLog implements commands.ActionStore.
func (db *DB) ActionLog(ctx context.Context, id int64) ([]commands.ActionChange, error) {
	var rows []struct {
		At        time.Time `db:"at"`
		Kind      string    `db:"kind"`
		OwnerUser string    `db:"owner_user"`
		OwnerName string    `db:"owner_name"`
		DueOn     string    `db:"due_on"`
		Note      string    `db:"note"`
		By        string    `db:"by_user"`
		ByName    string    `db:"by_name"`
	}
	err := db.x.SelectContext(ctx, &rows, `SELECT l.at, l.kind, l.owner_user, l.owner_name,
			COALESCE(to_char(l.due_on, 'YYYY-MM-DD'), '') AS due_on, l.note, l.by_user, COALESCE(bm.name, '') AS by_name
		FROM action_log l JOIN actions a ON a.id = l.action_id
		LEFT JOIN members bm ON bm.committee_id = a.committee_id AND bm.user_id = l.by_user
		WHERE l.action_id = $1 ORDER BY l.id`, id)
	if err != nil {
		return nil, mapErr("action log", err)
	}
	out := make([]commands.ActionChange, len(rows))
	for i, r := range rows {
		out[i] = commands.ActionChange{At: r.At, Kind: r.Kind, OwnerUser: r.OwnerUser, OwnerName: r.OwnerName,
			Due: dayOfText(r.DueOn), Note: r.Note, By: r.By, ByName: r.ByName}
	}
	return out, nil
}

// MeetingActions implements commands.ActionStore: the meeting's actions,
// by actions_meeting, each with its log's first line, found by
// action_log_action.
func (db *DB) MeetingActions(ctx context.Context, meetingID int64) ([]commands.AgreedAction, error) {
	return meetingActions(ctx, db.x, meetingID)
}

// meetingActions is MeetingActions read by q.
func meetingActions(ctx context.Context, q sqlx.QueryerContext, meetingID int64) ([]commands.AgreedAction, error) {
	var rows []struct {
		ID        int64         `db:"id"`
		MinuteID  sql.NullInt64 `db:"minute_id"`
		Number    string        `db:"minute_number"`
		Body      string        `db:"body"`
		At        time.Time     `db:"at"`
		Kind      string        `db:"kind"`
		OwnerUser string        `db:"owner_user"`
		OwnerName string        `db:"owner_name"`
		DueOn     string        `db:"due_on"`
		By        string        `db:"by_user"`
		Seq       int64         `db:"seq"`
	}
	err := sqlx.SelectContext(ctx, q, &rows, `SELECT a.id, a.minute_id, a.minute_number, a.body, l.at, l.kind, l.owner_user, l.owner_name,
			COALESCE(to_char(l.due_on, 'YYYY-MM-DD'), '') AS due_on, l.by_user, l.seq
		FROM actions a
		JOIN LATERAL (SELECT * FROM action_log WHERE action_id = a.id ORDER BY id LIMIT 1) l ON true
		WHERE a.meeting_id = $1 ORDER BY a.id`, meetingID)
	if err != nil {
		return nil, mapErr("meeting actions", err)
	}
	out := make([]commands.AgreedAction, len(rows))
	for i, r := range rows {
		out[i] = commands.AgreedAction{ID: r.ID, MinuteID: r.MinuteID.Int64, MinuteNumber: r.Number, Text: r.Body, Seq: r.Seq,
			First: commands.ActionChange{At: r.At, Kind: r.Kind, OwnerUser: r.OwnerUser, OwnerName: r.OwnerName, Due: dayOfText(r.DueOn), By: r.By}}
	}
	return out, nil
}

// ActionPoints implements commands.ActionStore.
func (db *DB) ActionPoints(ctx context.Context, committeeID int64, all bool) ([]commands.ActionPoint, error) {
	var rows []actionRow
	err := db.x.SelectContext(ctx, &rows, `SELECT `+actionColumns+actionFrom+`
		WHERE a.committee_id = $1 AND ($2 OR a.status = 'open')
		ORDER BY a.status = 'done',
			CASE WHEN a.status = 'open' THEN a.due_on END NULLS LAST, a.due_on DESC NULLS LAST, a.id LIMIT $3`, committeeID, all, commands.MaxActionsListed)
	if err != nil {
		return nil, mapErr("actions", err)
	}
	out := make([]commands.ActionPoint, len(rows))
	for i, r := range rows {
		out[i] = r.action()
	}
	return out, nil
}

// ActionOwnerNames implements commands.ActionStore.
func (db *DB) ActionOwnerNames(ctx context.Context, committeeID int64) ([]string, error) {
	var names []string
	err := db.x.SelectContext(ctx, &names, `SELECT owner_name FROM actions
		WHERE committee_id = $1 AND owner_user = ''
		GROUP BY owner_name ORDER BY min(id)`, committeeID)
	if err != nil {
		return nil, mapErr("action owners", err)
	}
	return names, nil
}

// MinuteActions implements commands.ActionStore, by actions_minute.
func (db *DB) MinuteActions(ctx context.Context, minuteIDs []int64) ([]commands.ActionPoint, error) {
	if len(minuteIDs) == 0 {
		return nil, nil
	}
	var rows []actionRow
	err := db.x.SelectContext(ctx, &rows, `SELECT `+actionColumns+actionFrom+`
		WHERE a.minute_id = ANY($1) ORDER BY a.minute_id, a.id`, pq.Array(minuteIDs))
	if err != nil {
		return nil, mapErr("minute actions", err)
	}
	out := make([]commands.ActionPoint, len(rows))
	for i, r := range rows {
		out[i] = r.action()
	}
	return out, nil
}

// ListActions implements commands.ActionStore. The page and the count are
// two statements: a list read while actions change may be off by those
// changes, as any list read a moment later would be.
func (db *DB) ListActions(ctx context.Context, f commands.ActionFilter) ([]commands.ActionPoint, int, error) {
	args := []any{f.CommitteeID, f.All, f.Owner, dateArg(f.DueBefore)}
	var total int
	if err := db.x.GetContext(ctx, &total, countActionsSQL, args...); err != nil {
		return nil, 0, mapErr("count actions", err)
	}
	var rows []actionRow
	err := db.x.SelectContext(ctx, &rows, listActionsSQL, append(args, f.Offset, f.Limit)...)
	if err != nil {
		return nil, 0, mapErr("list actions", err)
	}
	out := make([]commands.ActionPoint, len(rows))
	for i, r := range rows {
		out[i] = r.action()
	}
	return out, total, nil
}

// actionsOwnedOrAll reads the actions of committee $1 (done ones too when
// $2; only those open and due before $4 when it is not NULL) as two
// subqueries made by query from each condition, joined by join: those
// owned by $3, found in actions_owner, or, when $3 is empty, all of
// them. As one condition with an OR, a generic plan read every action
// the committee ever had to find a member's few for their Home (148
// buffers, count and page, for three open among 5,000; apart, 18).
func actionsOwnedOrAll(query func(where string) string, join string) string {
	const rest = ` AND a.committee_id = $1 AND ($2 OR a.status = 'open')
		AND ($4::date IS NULL OR a.status = 'open' AND a.due_on < $4::date)`
	// owner_user <> '' lets the plan use the partial index, whose
	// condition it cannot prove from $3 alone.
	return `(` + query(`$3 <> '' AND a.owner_user = $3 AND a.owner_user <> ''`+rest) + `)` + join +
		`(` + query(`$3 = ''`+rest) + `)`
}

var countActionsSQL = `SELECT ` + actionsOwnedOrAll(func(where string) string {
	return `SELECT count(*) FROM actions a WHERE ` + where
}, ` + `)

// listActionsSQL orders as ActionPoints does, by due_on as actionColumns
// gives it: a day as YYYY-MM-DD, which sorts as the day does, or empty
// for none.
var listActionsSQL = `SELECT * FROM (` + actionsOwnedOrAll(func(where string) string {
	return `SELECT ` + actionColumns + actionFrom + `WHERE ` + where
}, ` UNION ALL `) + `) a
	ORDER BY status = 'done', CASE WHEN status = 'open' THEN NULLIF(due_on, '') END NULLS LAST, NULLIF(due_on, '') DESC NULLS LAST, id
	OFFSET $5 LIMIT $6`

// ActionCounts implements commands.ActionStore.
func (db *DB) ActionCounts(ctx context.Context, committeeID int64, today commands.Date) (open, overdue int, err error) {
	var r struct {
		Open    int `db:"open"`
		Overdue int `db:"overdue"`
	}
	err = db.x.GetContext(ctx, &r, `SELECT count(*) AS open, count(*) FILTER (WHERE due_on < $2) AS overdue
		FROM actions WHERE committee_id = $1 AND status = 'open'`, committeeID, dateArg(today))
	if err != nil {
		return 0, 0, mapErr("action counts", err)
	}
	return r.Open, r.Overdue, nil
}

// ActionsDueBy implements commands.ActionStore. An action with no due
// date is never due: its comparisons are NULL.
func (db *DB) ActionsDueBy(ctx context.Context, now time.Time, days int) ([]commands.ActionPoint, error) {
	var rows []actionRow
	err := db.x.SelectContext(ctx, &rows, `SELECT `+actionColumns+actionFrom+`
		WHERE a.status = 'open' AND a.owner_user <> '' AND `+ownerIsMember+`
		AND a.due_on >= ($1::timestamptz AT TIME ZONE c.time_zone)::date
		AND a.due_on <= ($1::timestamptz AT TIME ZONE c.time_zone)::date + $2::int
		ORDER BY a.id LIMIT 1000`, now, days)
	if err != nil {
		return nil, mapErr("actions due", err)
	}
	out := make([]commands.ActionPoint, len(rows))
	for i, r := range rows {
		out[i] = r.action()
	}
	return out, nil
}

// ChangeAction implements commands.ActionStore.
func (db *DB) ChangeAction(ctx context.Context, id int64, ownerUser, ownerName string, due commands.Date, by string, at time.Time, notices ...commands.OutboxMessage) error {
	return db.inTx(ctx, "change action", func(tx *Tx) error {
		var a struct {
			CommitteeID int64  `db:"committee_id"`
			Owner       string `db:"owner_user"`
			Was         string `db:"was_owner"`
		}
		// What is not given is kept as it stands now, not as the caller
		// read it: a re-dating and a reassignment made at once both stand.
		err := tx.GetContext(ctx, &a, `
			WITH prior AS (
				SELECT id, owner_user, owner_name, due_on FROM actions WHERE id = $1 AND status = 'open' FOR UPDATE
			), a AS (
				UPDATE actions SET
					owner_user = CASE WHEN $3 <> '' THEN $2 ELSE prior.owner_user END,
					owner_name = CASE WHEN $3 <> '' THEN $3 ELSE prior.owner_name END,
					due_on = COALESCE($4::date, prior.due_on)
				FROM prior WHERE actions.id = prior.id
				RETURNING actions.id, actions.committee_id, actions.owner_user, actions.owner_name, actions.due_on,
					CASE WHEN $3 <> '' AND (prior.owner_user <> $2 OR prior.owner_name <> $3) THEN 'reassigned' ELSE 'redated' END AS kind,
					prior.owner_user AS was_owner
			), l AS (
				INSERT INTO action_log (action_id, kind, owner_user, owner_name, due_on, by_user, at)
				SELECT id, kind, owner_user, owner_name, due_on, $5, COALESCE(CAST($6 AS timestamptz), now()) FROM a
			)
			SELECT committee_id, owner_user, was_owner FROM a`, id, ownerUser, ownerName, dateArg(due), by, nullTime(at))
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("storage: change action: not open: %w", commands.ErrConflict)
		}
		if err != nil {
			return err
		}
		if err := actionsStale(ctx, tx, a.CommitteeID, a.Owner); err != nil {
			return err
		}
		if a.Was != "" && a.Was != a.Owner {
			if err := markHomesStale(ctx, tx, a.CommitteeID, []string{a.Was}); err != nil {
				return err
			}
		}
		if err := enqueueAll(ctx, tx, notices); err != nil {
			return err
		}
		return auditAt(ctx, tx, a.CommitteeID, by, "action.change", a.Owner, map[string]any{"action": id}, at)
	})
}

// ActionsBeforeMeetings implements commands.ActionStore.
func (db *DB) ActionsBeforeMeetings(ctx context.Context, now time.Time, days int) ([]commands.ActionPoint, []int64, error) {
	var rows []struct {
		actionRow
		NextID int64 `db:"next_id"`
	}
	err := db.x.SelectContext(ctx, &rows, `SELECT `+actionColumns+`, n.id AS next_id`+actionFrom+`
		JOIN LATERAL (
			SELECT nm.id FROM meetings nm
			WHERE nm.committee_id = a.committee_id AND nm.status = 'scheduled'
			AND nm.starts_at > $1 AND nm.starts_at <= $1::timestamptz + make_interval(days => $2::int)
			AND nm.id <> a.meeting_id AND `+notOpened("nm.id")+`
			ORDER BY nm.starts_at LIMIT 1
		) n ON true
		WHERE a.status = 'open' AND a.owner_user <> '' AND `+ownerIsMember+`
		ORDER BY a.id LIMIT 1000`, now, days)
	if err != nil {
		return nil, nil, mapErr("actions before meetings", err)
	}
	out := make([]commands.ActionPoint, len(rows))
	ids := make([]int64, len(rows))
	for i, r := range rows {
		out[i], ids[i] = r.action(), r.NextID
	}
	return out, ids, nil
}
