package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"github.com/quorumhq/quorum/commands"
)

type declarationRow struct {
	ID           int64          `db:"id"`
	MeetingID    int64          `db:"meeting_id"`
	Item         string         `db:"item_number"`
	UserID       sql.NullString `db:"user_id"`
	Name         string         `db:"name"`
	Kind         string         `db:"kind"`
	Nature       string         `db:"nature"`
	Dispensation bool           `db:"dispensation"`
	Withdrawn    bool           `db:"withdrawn"`
	DeclaredAt   time.Time      `db:"declared_at"`
	By           string         `db:"declared_by"`
	Imported     bool           `db:"imported"`

	ItemID sql.NullInt64 `db:"item_id"`
	itemNow
}

func (r declarationRow) declaration() commands.Declaration {
	return commands.Declaration{
		ID: r.ID, MeetingID: r.MeetingID, Item: r.Item, ItemID: r.ItemID.Int64, OnItem: r.ref(), UserID: r.UserID.String, Name: r.Name,
		Kind: commands.InterestKind(r.Kind), Nature: r.Nature, Dispensation: r.Dispensation,
		Withdrawn: r.Withdrawn, DeclaredAt: r.DeclaredAt, By: r.By, Imported: r.Imported,
	}
}

// declarationColumns reads a declaration with its dispensation and
// withdrawal, which are rows of their own, in the order queryDeclarations
// scans.
var declarationColumns = `d.id, d.meeting_id, d.item_number, d.item_id, ` + itemNowColumns("d.item_id") + `, d.user_id, d.name, d.kind, d.nature,
	(d.dispensation OR EXISTS (SELECT 1 FROM declaration_dispensations p WHERE p.declaration_id = d.id)) AS dispensation,
	EXISTS (SELECT 1 FROM declaration_withdrawals w WHERE w.declaration_id = d.id) AS withdrawn,
	d.declared_at, d.declared_by, d.source = 'import' AS imported`

// Declare implements commands.DeclarationStore. The declaration is one
// statement, sent on its own (writeAlone) and shared with whatever other
// declarations are being made at the same moment (declarationBatcher);
// only when an identical one stands already is it read. A declaration
// with a notice is made on its own, with the notice, in one transaction
// (declareTelling).
func (db *DB) Declare(ctx context.Context, d commands.Declaration, notice *commands.OutboxMessage) (commands.Declaration, bool, error) {
	itemID, err := fileOnItem(ctx, db.x, d.MeetingID, d.ItemID, d.Item)
	if err != nil {
		return commands.Declaration{}, false, mapErr("declare", err)
	}
	return db.declareFiled(ctx, d, itemID, false, notice)
}

// declareFiled is Declare with the item found (fileOnItem); standing: an
// insert has just found an identical declaration standing, so the first
// try reads it.
func (db *DB) declareFiled(ctx context.Context, d commands.Declaration, itemID sql.NullInt64, standing bool, notice *commands.OutboxMessage) (commands.Declaration, bool, error) {
	key := memberKey(d.UserID, d.Name)
	// A few tries: an identical declaration may be withdrawn between our
	// insert meeting it and our reading it. The conflict target is left
	// out so that whichever of declarations_once (on the item) and
	// declarations_once_unfiled (on the number, when no item has it)
	// applies settles the race.
	for try := 0; try < 3; try++ {
		if try > 0 || !standing {
			made, err := db.declareOne(ctx, declareCall{d: d, key: key, itemID: itemID}, notice)
			switch {
			case err != nil:
				return commands.Declaration{}, false, mapErr("declare", err)
			case made.made:
				return made.row.declaration(), true, nil
			}
		}
		var row declarationRow
		err := db.x.GetContext(ctx, &row, standingDeclarationSQL, d.MeetingID, d.Item, key, string(d.Kind), d.Nature, itemID)
		if err == nil {
			return row.declaration(), false, nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return commands.Declaration{}, false, mapErr("declare", err)
		}
	}
	return commands.Declaration{}, false, mapErr("declare", fmt.Errorf("declaration changing under us: %w", commands.ErrConflict))
}

// declareOne makes c's declaration: shared with others made at the same
// moment (declarationBatcher), or, with a notice, on its own in a
// transaction that queues the notice when the declaration was made.
func (db *DB) declareOne(ctx context.Context, c declareCall, notice *commands.OutboxMessage) (declareMade, error) {
	if notice == nil {
		return db.declarations.do(ctx, c)
	}
	var out declareMade
	err := db.inTx(ctx, "declare", func(tx *Tx) error {
		var made struct {
			declarationRow
			auditMarks
		}
		err := tx.GetContext(ctx, &made, declareSQL, declareArgs(c)...)
		if errors.Is(err, sql.ErrNoRows) {
			// Nothing inserted: one stands already, and nothing is told.
			return nil
		}
		if err != nil {
			return err
		}
		out = declareMade{made: true, row: made.declarationRow}
		if err := made.check(c.d.MeetingID); err != nil {
			return err
		}
		return tell(ctx, tx, notice, true)
	})
	return out, err
}

// declareArgs are declareSQL's parameters for c.
func declareArgs(c declareCall) []any {
	return []any{c.d.MeetingID, c.d.Item, c.key, nullString(c.d.UserID), c.d.Name, string(c.d.Kind), c.d.Nature,
		c.d.Dispensation, c.d.By, nullTime(c.d.DeclaredAt), c.itemID}
}

// declareCall is one Declare: the declaration, its member key and the
// item it is filed on (fileOnItem).
type declareCall struct {
	d      commands.Declaration
	key    string
	itemID sql.NullInt64
}

// declareMade is what a batch did for one call: made, and the row, or
// nothing made because an identical declaration stands.
type declareMade struct {
	made bool
	row  declarationRow
}

// declarationBatcher batches Declare (see batcher): the members of a
// committee declare in the same hour, before a meeting and at its start.
// A batch never holds one declaration twice: both would be the same row.
func declarationBatcher(db *DB) *batcher[declareCall, declareMade] {
	return &batcher[declareCall, declareMade]{
		run: db.declareMany,
		key: func(c declareCall) string {
			return strconv.FormatInt(c.d.MeetingID, 10) + "\x00" + c.d.Item + "\x00" + c.key + "\x00" + string(c.d.Kind) + "\x00" + c.d.Nature
		},
		max: batchMax, workers: batchWorkers, spill: batchSpill,
	}
}

// declareMany records calls' declarations: declareSQL for one,
// declareManySQL for more.
func (db *DB) declareMany(ctx context.Context, calls []declareCall) ([]declareMade, error) {
	n := len(calls)
	out := make([]declareMade, n)
	if n == 1 {
		c := calls[0]
		st, err := db.prepared(ctx, declareSQL)
		if err != nil {
			return nil, err
		}
		err = writeAlone(ctx, "declare", func(ctx context.Context) error {
			var made struct {
				declarationRow
				auditMarks
			}
			err := st.GetContext(ctx, &made, declareArgs(c)...)
			if errors.Is(err, sql.ErrNoRows) {
				// Carried out, and nothing inserted: one stands already.
				return nil
			}
			if err != nil {
				return err
			}
			out[0] = declareMade{made: true, row: made.declarationRow}
			return made.check(c.d.MeetingID)
		})
		return out, err
	}
	meetings, numbers, itemIDs := make(pq.Int64Array, n), make(pq.StringArray, n), make([]sql.NullInt64, n)
	keys, users, names := make(pq.StringArray, n), make([]sql.NullString, n), make(pq.StringArray, n)
	kinds, natures, dispensations := make(pq.StringArray, n), make(pq.StringArray, n), make(pq.BoolArray, n)
	bys, ats := make(pq.StringArray, n), make([]sql.NullString, n)
	for i, c := range calls {
		meetings[i], numbers[i], itemIDs[i] = c.d.MeetingID, c.d.Item, c.itemID
		keys[i], users[i], names[i] = c.key, sql.NullString{String: c.d.UserID, Valid: c.d.UserID != ""}, c.d.Name
		kinds[i], natures[i], dispensations[i] = string(c.d.Kind), c.d.Nature, c.d.Dispensation
		bys[i] = c.d.By
		if !c.d.DeclaredAt.IsZero() {
			ats[i] = sql.NullString{String: c.d.DeclaredAt.UTC().Format(time.RFC3339Nano), Valid: true}
		}
	}
	st, err := db.prepared(ctx, declareManySQL)
	if err != nil {
		return nil, err
	}
	err = writeAlone(ctx, "declare", func(ctx context.Context) error {
		rows := make([]struct {
			Ord int `db:"ord"`
			declarationRow
			auditMarks
		}, 0, n)
		if err := st.SelectContext(ctx, &rows, meetings, numbers, pq.Array(itemIDs), keys, pq.Array(users), names,
			kinds, natures, dispensations, bys, pq.Array(ats)); err != nil {
			return err
		}
		// Rows that cannot be told apart are a fault here, after the
		// statement committed: what each call came to is in doubt.
		for _, r := range rows {
			if r.Ord < 1 || r.Ord > n || out[r.Ord-1].made {
				return fmt.Errorf("storage: declare: a row for call %d of %d", r.Ord, n)
			}
			if err := r.auditMarks.check(r.MeetingID); err != nil {
				return err
			}
			out[r.Ord-1] = declareMade{made: true, row: r.declarationRow}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// standingDeclarationSQL reads the declaration standing that is identical
// to one made ($1 meeting, $2 item number, $3 member key, $4 kind, $5
// nature, $6 item ID).
var standingDeclarationSQL = `SELECT ` + declarationColumns + ` FROM (` + onItemOrNumber(func(on string) string {
	return `SELECT * FROM declarations d WHERE d.meeting_id = $1 AND ` + on + ` AND d.member_key = $3 AND d.kind = $4 AND declaration_nature(d.nature) = declaration_nature($5)
		AND NOT EXISTS (SELECT 1 FROM declaration_withdrawals w WHERE w.declaration_id = d.id)
		ORDER BY d.id DESC LIMIT 1`
}, "d", "$6", "$2", " UNION ALL ") + `) d
	ORDER BY d.id DESC LIMIT 1`

// withdrawnBefore counts the declarations identical to one made that have
// been withdrawn: the new one's revision. The arguments are SQL
// expressions for the meeting, the item ID, the item number, the member
// key, the kind and the nature.
func withdrawnBefore(meeting, id, number, key, kind, nature string) string {
	return onItemOrNumber(func(on string) string {
		return `SELECT count(*) FROM declarations o JOIN declaration_withdrawals w ON w.declaration_id = o.id
		WHERE o.meeting_id = ` + meeting + ` AND ` + on + ` AND o.member_key = ` + key + ` AND o.kind = ` + kind + ` AND declaration_nature(o.nature) = declaration_nature(` + nature + `)`
	}, "o", id, number, " + ")
}

// declareSQL records a declaration ($1 meeting, $2 item number, $11 item
// ID, $3 member key, $4 user, $5 name, $6 kind, $7 nature, $8
// dispensation, $9 by, $10 when), its audit entry and the stale marks of
// what shows it, in one statement, unless an identical one stands; the
// row is read back from the insert itself, which the rest of the
// statement cannot see.
var declareSQL = `
	WITH ins AS (
		INSERT INTO declarations (meeting_id, item_number, item_id, member_key, user_id, name, kind, nature, dispensation, declared_by, declared_at, revision)
		VALUES ($1, $2, $11, $3, $4, $5, $6, $7, $8, $9, COALESCE($10, now()),
			` + withdrawnBefore("$1", "$11", "$2", "$3", "$6", "$7") + `)
		ON CONFLICT DO NOTHING
		RETURNING *
	), ` + auditedAndMarked("ins", "$9", "'declaration.add'", "$2",
	`jsonb_build_object('declaration', ins.id, 'item', COALESCE(ins.item_id, 0), 'kind', ins.kind,
		'nature', ins.nature, 'dispensation', ins.dispensation)`, "$4") + `
	SELECT ` + newDeclarationColumns + `, ` + auditedAndMarkedColumns + `
	FROM ins d LEFT JOIN agenda_items i ON i.id = d.item_id`

// declareManySQL is declareSQL for many declarations, their parameters in
// arrays ($1 meeting, $2 item number, $3 item ID, $4 member key, $5 user,
// $6 name, $7 kind, $8 nature, $9 dispensation, $10 by, $11 when), no two
// the same. Each declaration made has a row, numbered by its call's place
// (ord), with its own audit entry; the stale marks are made once for each
// meeting. The declarations are inserted in the order of their unique
// keys (declarations_once, declarations_once_unfiled: an item's number is
// not part of its key), so that two batches at once (two replicas') that
// share some wait for each other in the same order and cannot deadlock.
var declareManySQL = `
	WITH r AS (
		SELECT * FROM unnest(CAST($1 AS bigint[]), CAST($2 AS text[]), CAST($3 AS bigint[]), CAST($4 AS text[]),
		                     CAST($5 AS text[]), CAST($6 AS text[]), CAST($7 AS text[]), CAST($8 AS text[]),
		                     CAST($9 AS boolean[]), CAST($10 AS text[]), CAST($11 AS timestamptz[]))
		WITH ORDINALITY AS r(meeting_id, item_number, item_id, member_key, user_id, name, kind, nature, dispensation, by_user, at, ord)
	), ` + declareRowsSQL + `
	SELECT r.ord, ` + newDeclarationColumns + `,
		(SELECT count(*) FROM aud WHERE aud.id = d.id) AS audited, COALESCE((SELECT sum(n) FROM stale), 0) AS marked
	FROM ins d JOIN r ON r.meeting_id = d.meeting_id AND r.item_number = d.item_number AND r.member_key = d.member_key
		AND r.kind = d.kind AND r.nature = d.nature
	LEFT JOIN agenda_items i ON i.id = d.item_id
	ORDER BY r.ord`

// declareRowsSQL inserts the declarations in the rows of a CTE named r
// (meeting_id, item_number, item_id, member_key, user_id, name, kind,
// nature, dispensation, by_user, at), no two the same, in the CTE ins,
// with their audit entries (aud) and the stale marks of their meetings
// (stale): see declareManySQL.
var declareRowsSQL = `ins AS (
		INSERT INTO declarations (meeting_id, item_number, item_id, member_key, user_id, name, kind, nature, dispensation, declared_by, declared_at, revision)
		SELECT meeting_id, item_number, item_id, member_key, user_id, name, kind, nature, dispensation, by_user, COALESCE(at, now()),
			` + withdrawnBefore("r.meeting_id", "r.item_id", "r.item_number", "r.member_key", "r.kind", "r.nature") + `
		FROM r ORDER BY meeting_id, item_id, CASE WHEN item_id IS NULL THEN item_number END, member_key, kind, declaration_nature(nature), ord
		ON CONFLICT DO NOTHING
		RETURNING *
	), ` + auditedAndMarked("ins", "ins.declared_by", "'declaration.add'", "ins.item_number",
	`jsonb_build_object('declaration', ins.id, 'item', COALESCE(ins.item_id, 0), 'kind', ins.kind,
		'nature', ins.nature, 'dispensation', ins.dispensation)`, "declaration")

// newDeclarationColumns are declarationColumns for a declaration made in
// the statement, from its item i: it has no dispensation and no
// withdrawal of its own yet, whose rows would be of a later statement.
// Each subquery of declarationColumns is a plan of its own, set up in
// every run; without five of them a declaration costs PostgreSQL 0.04 ms
// less of its 0.9 (BENCHMARKS.md).
var newDeclarationColumns = `d.id, d.meeting_id, d.item_number, d.item_id, COALESCE(i.number, '') AS item_now,
	COALESCE(i.title, '') AS item_title, COALESCE(i.removed_at IS NOT NULL, false) AS item_removed,
	d.user_id, d.name, d.kind, d.nature, d.dispensation, false AS withdrawn, d.declared_at, d.declared_by, false AS imported`

func getDeclaration(ctx context.Context, q sqlx.QueryerContext, out *commands.Declaration, id int64) error {
	var row declarationRow
	if err := sqlx.GetContext(ctx, q, &row, `SELECT `+declarationColumns+` FROM declarations d WHERE d.id = $1`, id); err != nil {
		return err
	}
	*out = row.declaration()
	return nil
}

// auditMeeting appends to the audit log of the committee whose meeting it
// is, made at at (zero: the database's now), as auditAt: one statement,
// which finds the committee as it writes.
func auditMeeting(ctx context.Context, q sqlx.ExtContext, meetingID int64, actor, action, subject string, detail any, at time.Time) error {
	if detail == nil {
		detail = map[string]any{}
	}
	res, err := q.ExecContext(ctx, `INSERT INTO audit_log (committee_id, actor, action, subject, detail, at)
		SELECT committee_id, $2, $3, $4, $5, COALESCE(CAST($6 AS timestamptz), now()) FROM meetings WHERE id = $1`,
		meetingID, actor, action, subject, jsonb{detail}, nullTime(at))
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil || n != 1 {
		return fmt.Errorf("audit of meeting %d: %w", meetingID, sql.ErrNoRows)
	}
	return nil
}

// auditedAndMarked is what a statement that writes rows of meetings'
// records, in a CTE named ins with each row's meeting_id and user_id,
// adds so that each row's audit entry and the stale marks of what shows
// them commit with them: the CTEs aud, which writes auditMeeting's entry
// for each row of the CTE from (ins, or a CTE of ins's rows with more to
// say) from SQL expressions over it for the actor, action, subject and
// detail, and returns each entry's subject ID, the number under key in
// its detail; and stale, which marks what shows the rows (markStale) once
// for each meeting, for the users of its rows. A statement of one row
// reads them with auditedAndMarkedColumns into auditMarks.
func auditedAndMarked(from, actor, action, subject, detail, key string) string {
	return `aud AS (
		INSERT INTO audit_log (committee_id, actor, action, subject, detail)
		SELECT m.committee_id, ` + actor + `, ` + action + `, ` + subject + `, ` + detail + `
		FROM ` + from + ` JOIN meetings m ON m.id = ` + from + `.meeting_id
		RETURNING CAST(detail->>'` + key + `' AS bigint) AS id
	), stale AS (
		SELECT mark_stale(m.committee_id, m.id, array_agg(ins.user_id)) AS n
		FROM ins JOIN meetings m ON m.id = ins.meeting_id
		GROUP BY m.committee_id, m.id
	)`
}

const auditedAndMarkedColumns = `(SELECT count(*) FROM aud) AS audited, COALESCE((SELECT n FROM stale), 0) AS marked`

// auditMarks is what auditedAndMarkedColumns read.
type auditMarks struct {
	Audited int `db:"audited"`
	Marked  int `db:"marked"` // read so that the stale CTE runs
}

// check says whether the row's audit entry was written, as auditMeeting
// does.
func (a auditMarks) check(meetingID int64) error {
	if a.Audited != 1 {
		return fmt.Errorf("audit of meeting %d: %w", meetingID, sql.ErrNoRows)
	}
	return nil
}

// Declaration implements commands.DeclarationStore.
func (db *DB) Declaration(ctx context.Context, id int64) (commands.Declaration, error) {
	var out commands.Declaration
	return out, mapErr("declaration", getDeclaration(ctx, db.x, &out, id))
}

// Declarations implements commands.DeclarationStore.
func (db *DB) Declarations(ctx context.Context, meetingID int64) ([]commands.Declaration, error) {
	out, err := queryDeclarations(ctx, db.x, standingDeclarationsSQL, meetingID)
	if err != nil {
		return nil, mapErr("declarations", err)
	}
	return out, nil
}

// standingDeclarationsSQL reads the declarations standing for meeting $1,
// oldest first.
var standingDeclarationsSQL = `SELECT ` + declarationColumns + ` FROM declarations d
		WHERE d.meeting_id = $1 AND NOT EXISTS (SELECT 1 FROM declaration_withdrawals w WHERE w.declaration_id = d.id)
		ORDER BY d.declared_at, d.id`

// queryDeclarations runs query, which reads declarationColumns, and scans
// its rows by hand: every agenda reads all its meeting's declarations,
// and scanning them by reflection (sqlx) into a slice grown a row at a
// time was a fifth of serve's time for an agenda of a few thousand.
func queryDeclarations(ctx context.Context, q interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}, query string, args ...any) ([]commands.Declaration, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []commands.Declaration
	for rows.Next() {
		var r declarationRow
		if err := rows.Scan(&r.ID, &r.MeetingID, &r.Item, &r.ItemID, &r.ItemNow, &r.ItemTitle, &r.ItemRemoved,
			&r.UserID, &r.Name, &r.Kind, &r.Nature, &r.Dispensation, &r.Withdrawn, &r.DeclaredAt, &r.By, &r.Imported); err != nil {
			return nil, err
		}
		out = append(out, r.declaration())
	}
	return out, rows.Err()
}

// WithdrawDeclarations implements commands.DeclarationStore. The notice,
// when there is one, is queued with the withdrawal, when any was made.
func (db *DB) WithdrawDeclarations(ctx context.Context, meetingID, itemID int64, item, userID, by string, only int64, at time.Time, notice *commands.OutboxMessage) (int, error) {
	var n int
	err := db.inTx(ctx, "withdraw declarations", func(tx *Tx) error {
		on, err := fileOnItem(ctx, tx, meetingID, itemID, item)
		if err != nil {
			return err
		}
		// The declarations on the item (by itself; by its number for
		// those filed on no item), or, for an item no longer on the
		// agenda, on the items of that number taken off it.
		var ids []int64
		err = tx.SelectContext(ctx, &ids, withdrawDeclarationsSQL, meetingID, item, memberKey(userID, ""), by, only, on, nullTime(at))
		if err != nil {
			return err
		}
		n = len(ids)
		if n == 0 {
			return nil
		}
		if err := markStale(ctx, tx, meetingID, []string{userID}); err != nil {
			return err
		}
		if err := tell(ctx, tx, notice, true); err != nil {
			return err
		}
		return auditMeeting(ctx, tx, meetingID, by, "declaration.withdraw", item, map[string]any{"declarations": ids}, at)
	})
	return n, err
}

// withdrawDeclarationsSQL withdraws the member's declarations ($1
// meeting, $2 item number, $3 member key, $4 by, at $7, NULL for the
// database's now): the one with the ID $5,
// or, when $5 is 0, those on the item with the ID $6 and those filed on no
// item under its number, or, when $6 is NULL, on the items of that number
// taken off the agenda. Each kind is found in its own index (see
// onItemOrNumber): as one condition with ORs, a generic plan read every
// declaration of the meeting.
var withdrawDeclarationsSQL = `
	INSERT INTO declaration_withdrawals (declaration_id, withdrawn_by, withdrawn_at)
	SELECT d.id, $4, COALESCE(CAST($7 AS timestamptz), now()) FROM declarations d
	WHERE d.meeting_id = $1 AND d.member_key = $3
	  AND d.id IN (
	    (SELECT CAST($5 AS bigint) WHERE $5 <> 0)
	    UNION ALL
	    (SELECT o.id FROM declarations o WHERE $5 = 0 AND o.meeting_id = $1 AND o.item_id = $6::bigint AND o.member_key = $3)
	    UNION ALL
	    (SELECT o.id FROM declarations o WHERE $5 = 0 AND o.meeting_id = $1 AND o.item_id IS NULL AND o.item_number = $2 AND o.member_key = $3)
	    UNION ALL
	    (SELECT o.id FROM agenda_items i JOIN declarations o ON o.meeting_id = $1 AND o.item_id = i.id AND o.member_key = $3
	     WHERE $5 = 0 AND $6::bigint IS NULL AND i.meeting_id = $1 AND i.number = $2 AND i.removed_at IS NOT NULL))
	  AND NOT EXISTS (SELECT 1 FROM declaration_withdrawals w WHERE w.declaration_id = d.id)
	ON CONFLICT (declaration_id) DO NOTHING
	RETURNING declaration_id`

// RecordDispensation implements commands.DeclarationStore. The notice,
// when there is one, is queued with the dispensation, when it is recorded.
func (db *DB) RecordDispensation(ctx context.Context, declarationID int64, by string, at time.Time, notice *commands.OutboxMessage) (commands.DispensationOutcome, error) {
	var outcome commands.DispensationOutcome
	err := db.inTx(ctx, "record dispensation", func(tx *Tx) error {
		// A withdrawal committed after the command read the declaration
		// must not be answered "Recorded". Its insert into
		// declaration_withdrawals takes the declaration's row FOR KEY
		// SHARE (the foreign key), which FOR UPDATE alone of the row locks
		// waits for; so a withdrawal being committed is waited for, and
		// read below by the statements after this one, and one not yet
		// begun waits for this record and follows it.
		if _, err := tx.ExecContext(ctx, `SELECT id FROM declarations WHERE id = $1 FOR UPDATE`, declarationID); err != nil {
			return err
		}
		var d commands.Declaration
		if err := getDeclaration(ctx, tx, &d, declarationID); err != nil {
			return err
		}
		switch {
		case d.Withdrawn:
			outcome = commands.DispensationWithdrawn
			return nil
		case d.Dispensation:
			outcome = commands.DispensationUnchanged
			return nil
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO declaration_dispensations (declaration_id, recorded_by, recorded_at)
			SELECT $1, $2, COALESCE(CAST($3 AS timestamptz), now())
			WHERE NOT EXISTS (SELECT 1 FROM declaration_withdrawals w WHERE w.declaration_id = $1)
			ON CONFLICT (declaration_id) DO NOTHING`, declarationID, by, nullTime(at))
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			outcome = commands.DispensationUnchanged
			return err
		}
		outcome = commands.DispensationRecorded
		if err := markStale(ctx, tx, d.MeetingID, []string{d.UserID}); err != nil {
			return err
		}
		if err := tell(ctx, tx, notice, true); err != nil {
			return err
		}
		return auditMeeting(ctx, tx, d.MeetingID, by, "declaration.dispensation", d.Item, map[string]any{"declaration": declarationID}, at)
	})
	return outcome, err
}

// itemNow reads the agenda item a declaration or report link is on, as it
// stands now (see itemNowColumns).
type itemNow struct {
	ItemNow     string `db:"item_now"`
	ItemTitle   string `db:"item_title"`
	ItemRemoved bool   `db:"item_removed"`
}

func (r itemNow) ref() commands.ItemRef {
	return commands.ItemRef{Number: r.ItemNow, Title: r.ItemTitle, Removed: r.ItemRemoved}
}

// itemNowColumns reads the item whose id is the column ref for itemNow.
// They are subqueries rather than a join so that the columns can be read
// from any query of declarations or report links.
func itemNowColumns(ref string) string {
	return `COALESCE((SELECT i.number FROM agenda_items i WHERE i.id = ` + ref + `), '') AS item_now,
	COALESCE((SELECT i.title FROM agenda_items i WHERE i.id = ` + ref + `), '') AS item_title,
	COALESCE((SELECT i.removed_at IS NOT NULL FROM agenda_items i WHERE i.id = ` + ref + `), false) AS item_removed`
}

// onItemOrNumber reads the records aliased t that are on the item with
// the id in the parameter id, and those filed on no item under the number
// in the parameter number, as two subqueries made by query from each
// condition and joined by join (" UNION ALL ", or " + " for counts). Read
// apart, each is found in its own partial index (declarations_once,
// declarations_once_unfiled); as one condition with an OR, a generic plan
// read every declaration of the meeting to find them (8 ms a declaration
// once a meeting had 4,600).
func onItemOrNumber(query func(on string) string, t, id, number, join string) string {
	return `(` + query(t+`.item_id = `+id+`::bigint`) + `)` + join +
		`(` + query(t+`.item_id IS NULL AND `+t+`.item_number = `+number) + `)`
}

// fileOnItem is the item a new declaration or report link is filed on:
// the one given or, when none is, the item standing on the meeting's
// agenda with that number; NULL when there is none.
func fileOnItem(ctx context.Context, q sqlx.QueryerContext, meetingID, itemID int64, number string) (sql.NullInt64, error) {
	if itemID != 0 {
		return sql.NullInt64{Int64: itemID, Valid: true}, nil
	}
	var id int64
	err := sqlx.GetContext(ctx, q, &id, `SELECT id FROM agenda_items WHERE meeting_id = $1 AND number = $2 AND removed_at IS NULL`, meetingID, number)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return sql.NullInt64{}, nil
	case err != nil:
		return sql.NullInt64{}, err
	}
	return sql.NullInt64{Int64: id, Valid: true}, nil
}
