package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"github.com/quorumhq/quorum/commands"
)

type reportRow struct {
	ID        int64          `db:"id"`
	MeetingID int64          `db:"meeting_id"`
	Item      string         `db:"item_number"`
	UserID    sql.NullString `db:"user_id"`
	Name      string         `db:"name"`
	URL       string         `db:"url"`
	Title     string         `db:"title"`
	Action    string         `db:"action"`
	At        time.Time      `db:"at"`
	By        string         `db:"by_user"`

	ItemID sql.NullInt64 `db:"item_id"`
	itemNow
}

func (r reportRow) link() commands.ReportLink {
	return commands.ReportLink{ID: r.ID, MeetingID: r.MeetingID, Item: r.Item, ItemID: r.ItemID.Int64, OnItem: r.ref(), UserID: r.UserID.String, Name: r.Name, URL: r.URL, Title: r.Title, At: r.At, By: r.By}
}

const reportColumns = `id, meeting_id, item_number, item_id, user_id, name, url, title, action, at, by_user`

// reportRead reads a link with its item as it stands, from a query of
// report_links (or of its columns) called latest.
var reportRead = reportColumns + `, ` + itemNowColumns("latest.item_id")

// latestLinks are the latest rows of the report log for each item and
// member of the meetings in the array $1: the links standing are those
// whose action is 'submitted'. A link filed on no item is one per number.
var latestLinks = `SELECT DISTINCT ON (meeting_id, item_id, CASE WHEN item_id IS NULL THEN item_number END, member_key) ` + reportColumns + `
	FROM report_links WHERE meeting_id = ANY($1)
	ORDER BY meeting_id, item_id, CASE WHEN item_id IS NULL THEN item_number END, member_key, id DESC`

// filedOn is report_current's filed_on for a link on the item with the
// ID in the parameter id, or, when it is NULL, on no item under the number
// in the parameter number.
func filedOn(id, number string) string {
	return `CASE WHEN ` + id + `::bigint IS NULL THEN 'number:' || ` + number + ` ELSE 'item:' || ` + id + `::bigint END`
}

// submitReportSQL records a link ($1 meeting, $2 item number, $10 item
// ID, $3 member key, $4 user, $5 name, $6 url, $7 title, $8 by, $9 when)
// unless it is the one standing already, and says which it was: a first
// link (or one after a removal), a replacement, or the same link again.
// The member's row of report_current is written first: when someone else
// is writing it, the upsert waits for them and works from what they
// wrote, so two sendings at once are ordered and the second sees the
// first. The link goes into the log with its audit entry and the stale
// marks of what shows it, in the same statement.
var submitReportSQL = `
	WITH cur AS (
		INSERT INTO report_current AS c (meeting_id, filed_on, member_key, item_number, item_id, user_id, name, url, title, action)
		VALUES ($1, ` + filedOn("$10", "$2") + `, $3, $2, $10, $4, $5, $6, $7, 'submitted')
		ON CONFLICT (meeting_id, filed_on, member_key) DO UPDATE
			SET item_number = excluded.item_number, user_id = excluded.user_id, name = excluded.name,
			    url = excluded.url, title = excluded.title, action = 'submitted', was = c.action
			WHERE c.action <> 'submitted' OR c.url <> excluded.url OR c.title <> excluded.title
		RETURNING c.was
	), o AS (
		SELECT CASE WHEN cur.was IS NULL THEN 'unchanged'
		            WHEN cur.was = 'submitted' THEN 'replaced'
		            ELSE 'recorded' END AS outcome
		FROM (VALUES (1)) AS one LEFT JOIN cur ON true
	), ins AS (
		INSERT INTO report_links (meeting_id, item_number, item_id, member_key, user_id, name, url, title, action, by_user, at)
		SELECT $1, $2, $10, $3, $4, $5, $6, $7, 'submitted', $8, COALESCE($9, now())
		FROM o WHERE o.outcome <> 'unchanged'
		RETURNING id, meeting_id, item_id, user_id, url, title
	), ` + auditedAndMarked("ins", "$8", "'report.' || (SELECT outcome FROM o)", "$2",
	`jsonb_build_object('report', ins.id, 'item', COALESCE(ins.item_id, 0), 'url', ins.url, 'title', ins.title)`, "report") + `
	SELECT 1 AS ord, o.outcome, CAST($1 AS bigint) AS meeting_id, ` + auditedAndMarkedColumns + ` FROM o`

// submitReportsSQL is submitReportSQL for many links, their parameters in
// arrays ($1 meeting, $2 item number, $3 item ID, $4 member key, $5 user,
// $6 name, $7 url, $8 title, $9 by, $10 when), no two for one member's
// link on one item. Each call has a row, numbered by its place (ord),
// with its outcome and, for a link written, its own audit entry; the
// stale marks are made once for each meeting. The rows of report_current
// are written in the order of their key, so that two batches at once (two
// replicas') that share some wait for each other in the same order and
// cannot deadlock.
var submitReportsSQL = `
	WITH r AS (
		SELECT *, ` + filedOn("item_id", "item_number") + ` AS filed_on
		FROM unnest(CAST($1 AS bigint[]), CAST($2 AS text[]), CAST($3 AS bigint[]), CAST($4 AS text[]), CAST($5 AS text[]),
		            CAST($6 AS text[]), CAST($7 AS text[]), CAST($8 AS text[]), CAST($9 AS text[]), CAST($10 AS timestamptz[]))
		WITH ORDINALITY AS r(meeting_id, item_number, item_id, member_key, user_id, name, url, title, by_user, at, ord)
	), ` + reportRowsSQL + `
	SELECT o.ord, o.outcome, o.meeting_id,
		(SELECT count(*) FROM aud JOIN done ON done.id = aud.id WHERE done.ord = o.ord) AS audited,
		COALESCE((SELECT sum(n) FROM stale), 0) AS marked
	FROM o ORDER BY o.ord`

// reportRowsSQL submits the links in the rows of a CTE named r
// (meeting_id, item_number, item_id, member_key, user_id, name, url,
// title, by_user, at, ord, filed_on), no two for one member's link on one
// item, as submitReportsSQL says: o is each row with its outcome, done
// each link written with its row's ord, aud and stale their audit
// entries and stale marks.
var reportRowsSQL = `cur AS (
		INSERT INTO report_current AS c (meeting_id, filed_on, member_key, item_number, item_id, user_id, name, url, title, action)
		SELECT meeting_id, filed_on, member_key, item_number, item_id, user_id, name, url, title, 'submitted'
		FROM r ORDER BY meeting_id, filed_on, member_key
		ON CONFLICT (meeting_id, filed_on, member_key) DO UPDATE
			SET item_number = excluded.item_number, user_id = excluded.user_id, name = excluded.name,
			    url = excluded.url, title = excluded.title, action = 'submitted', was = c.action
			WHERE c.action <> 'submitted' OR c.url <> excluded.url OR c.title <> excluded.title
		RETURNING c.meeting_id, c.filed_on, c.member_key, c.was
	), o AS (
		SELECT r.*, CASE WHEN cur.was IS NULL THEN 'unchanged'
		                 WHEN cur.was = 'submitted' THEN 'replaced'
		                 ELSE 'recorded' END AS outcome
		FROM r LEFT JOIN cur ON cur.meeting_id = r.meeting_id AND cur.filed_on = r.filed_on AND cur.member_key = r.member_key
	), ins AS (
		INSERT INTO report_links (meeting_id, item_number, item_id, member_key, user_id, name, url, title, action, by_user, at)
		SELECT meeting_id, item_number, item_id, member_key, user_id, name, url, title, 'submitted', by_user, COALESCE(at, now())
		FROM o WHERE o.outcome <> 'unchanged' ORDER BY o.ord
		RETURNING id, meeting_id, item_number, item_id, member_key, user_id, url, title, by_user
	), done AS (
		SELECT o.ord, o.outcome, ins.* FROM ins JOIN o ON o.meeting_id = ins.meeting_id AND o.member_key = ins.member_key
			AND o.item_number = ins.item_number AND o.item_id IS NOT DISTINCT FROM ins.item_id
	), ` + auditedAndMarked("done", "done.by_user", "'report.' || done.outcome", "done.item_number",
	`jsonb_build_object('report', done.id, 'item', COALESCE(done.item_id, 0), 'url', done.url, 'title', done.title)`, "report")

// SubmitReport implements commands.ReportStore, in one statement
// (submitReportSQL), sent on its own (writeAlone) and shared with
// whatever other links are being sent at the same moment (reportBatcher).
// A link with a notice is sent on its own, with the notice, in one
// transaction (reportTelling).
func (db *DB) SubmitReport(ctx context.Context, l commands.ReportLink, notice *commands.OutboxMessage) (commands.ReportOutcome, error) {
	itemID, err := fileOnItem(ctx, db.x, l.MeetingID, l.ItemID, l.Item)
	if err != nil {
		return "", mapErr("submit report", err)
	}
	call := reportCall{l: l, key: memberKey(l.UserID, l.Name), itemID: itemID}
	if notice != nil {
		return db.reportTelling(ctx, call, notice)
	}
	outcome, err := db.reports.do(ctx, call)
	return outcome, mapErr("submit report", err)
}

// reportTelling records c's link and queues notice with it, in one
// transaction; the same link again is no change, and nothing is told.
func (db *DB) reportTelling(ctx context.Context, c reportCall, notice *commands.OutboxMessage) (commands.ReportOutcome, error) {
	var r struct {
		Ord       int    `db:"ord"`
		Outcome   string `db:"outcome"`
		MeetingID int64  `db:"meeting_id"`
		auditMarks
	}
	err := db.inTx(ctx, "submit report", func(tx *Tx) error {
		if err := tx.GetContext(ctx, &r, submitReportSQL, reportOneArgs(c)...); err != nil {
			return err
		}
		if commands.ReportOutcome(r.Outcome) == commands.ReportUnchanged {
			return nil
		}
		if err := r.check(r.MeetingID); err != nil {
			return err
		}
		return tell(ctx, tx, notice, true)
	})
	return commands.ReportOutcome(r.Outcome), err
}

// reportOneArgs are submitReportSQL's parameters for c.
func reportOneArgs(c reportCall) []any {
	l := c.l
	return []any{l.MeetingID, l.Item, c.key, nullString(l.UserID), l.Name, l.URL, l.Title, l.By, nullTime(l.At), c.itemID}
}

// reportCall is one SubmitReport: the link, its member key and the item
// it is filed on (fileOnItem).
type reportCall struct {
	l      commands.ReportLink
	key    string
	itemID sql.NullInt64
}

// reportBatcher batches SubmitReport (see batcher): members send their
// reports' links in the same days before a meeting. A batch never holds
// two links of one member on one item: both would be the same row of
// report_current.
func reportBatcher(db *DB) *batcher[reportCall, commands.ReportOutcome] {
	return &batcher[reportCall, commands.ReportOutcome]{
		run: db.submitReports,
		key: func(c reportCall) string {
			on := "number:" + c.l.Item
			if c.itemID.Valid {
				on = "item:" + strconv.FormatInt(c.itemID.Int64, 10)
			}
			return strconv.FormatInt(c.l.MeetingID, 10) + "\x00" + on + "\x00" + c.key
		},
		max: batchMax, workers: batchWorkers, spill: batchSpill,
	}
}

// submitReports records calls' links: submitReportSQL for one,
// submitReportsSQL for more.
func (db *DB) submitReports(ctx context.Context, calls []reportCall) ([]commands.ReportOutcome, error) {
	n := len(calls)
	var query string
	var args []any
	if n == 1 {
		query, args = submitReportSQL, reportOneArgs(calls[0])
	} else {
		query, args = submitReportsSQL, reportArgs(calls)
	}
	st, err := db.prepared(ctx, query)
	if err != nil {
		return nil, err
	}
	out := make([]commands.ReportOutcome, n)
	err = writeAlone(ctx, "submit report", func(ctx context.Context) error {
		rows := make([]struct {
			Ord       int    `db:"ord"`
			Outcome   string `db:"outcome"`
			MeetingID int64  `db:"meeting_id"`
			auditMarks
		}, 0, n)
		if err := st.SelectContext(ctx, &rows, args...); err != nil {
			return err
		}
		// Rows that cannot be told apart are a fault here, after the
		// statement committed: what each call came to is in doubt.
		if len(rows) != n {
			return fmt.Errorf("storage: submit report: %d rows for %d links", len(rows), n)
		}
		for _, r := range rows {
			if r.Ord < 1 || r.Ord > n || out[r.Ord-1] != "" {
				return fmt.Errorf("storage: submit report: a row for call %d of %d", r.Ord, n)
			}
			out[r.Ord-1] = commands.ReportOutcome(r.Outcome)
			switch out[r.Ord-1] {
			case commands.ReportUnchanged:
			case commands.ReportRecorded, commands.ReportReplaced:
				if err := r.check(r.MeetingID); err != nil {
					return err
				}
			default:
				return fmt.Errorf("storage: submit report: outcome %q", r.Outcome)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// reportArgs are submitReportsSQL's arrays for calls.
func reportArgs(calls []reportCall) []any {
	n := len(calls)
	meetings, numbers, itemIDs := make(pq.Int64Array, n), make(pq.StringArray, n), make([]sql.NullInt64, n)
	keys, users, names := make(pq.StringArray, n), make([]sql.NullString, n), make(pq.StringArray, n)
	urls, titles, bys, ats := make(pq.StringArray, n), make(pq.StringArray, n), make(pq.StringArray, n), make([]sql.NullString, n)
	for i, c := range calls {
		l := c.l
		meetings[i], numbers[i], itemIDs[i] = l.MeetingID, l.Item, c.itemID
		keys[i], users[i], names[i] = c.key, sql.NullString{String: l.UserID, Valid: l.UserID != ""}, l.Name
		urls[i], titles[i], bys[i] = l.URL, l.Title, l.By
		if !l.At.IsZero() {
			ats[i] = sql.NullString{String: l.At.UTC().Format(time.RFC3339Nano), Valid: true}
		}
	}
	return []any{meetings, numbers, pq.Array(itemIDs), keys, pq.Array(users), names, urls, titles, bys, pq.Array(ats)}
}

// removeReportSQL marks the member's link standing on an item removed ($1
// meeting, $2 item number, $3 item ID, $4 member key, $5 by, $6 user, $9
// when, the database's clock when NULL), as a row of the log of its own
// saying who removed it (by_user): the member
// who sent it, or an officer. The update of report_current waits for
// anyone else writing the row and copies the link as they left it (see
// submitReportSQL); when no link stands, the statement writes nothing and
// returns no row. The direct message telling the member ($7, a payload,
// due at $8; none when NULL) is queued by the same statement, so that the
// removal never stands without it.
var removeReportSQL = `
	WITH cur AS (
		UPDATE report_current c SET action = 'removed', was = c.action
		WHERE c.meeting_id = $1 AND c.filed_on = ` + filedOn("$3", "$2") + ` AND c.member_key = $4 AND c.action = 'submitted'
		RETURNING c.*
	), ins AS (
		INSERT INTO report_links (meeting_id, item_number, item_id, member_key, user_id, name, url, title, action, by_user, at)
		SELECT meeting_id, item_number, item_id, member_key, user_id, name, url, title, 'removed', $5, COALESCE(CAST($9 AS timestamptz), now()) FROM cur
		RETURNING id, meeting_id, item_id, user_id, url
	), told AS (
		INSERT INTO outbox (committee_id, kind, user_id, payload, due_at)
		SELECT m.committee_id, 'dm', $6::text, CAST($7 AS jsonb), COALESCE(CAST($8 AS timestamptz), now())
		FROM ins JOIN meetings m ON m.id = ins.meeting_id
		WHERE $7 IS NOT NULL
		RETURNING id
	), ` + auditedAndMarked("ins", "$5", "'report.removed'", "$2",
	`jsonb_build_object('report', ins.id, 'item', COALESCE(ins.item_id, 0), 'member', $6::text, 'url', ins.url)`, "report") + `
	SELECT ins.id, (SELECT count(*) FROM told) AS told, ` + auditedAndMarkedColumns + ` FROM ins`

// RemoveReport implements commands.ReportStore, in one statement
// (removeReportSQL), sent on its own (writeAlone). itemID 0 is a link
// filed on no item, under the number item; when the member never had one
// there, the member's link on the item of that number standing on the
// agenda, as before the links were filed on items. The link is userID's,
// or, with userID empty, that of someone not in Slack entered by name. A member who had one
// under the number, and removes it again (a double tap, or a retry), is
// told it is gone, and the link on the item stays. With no link standing,
// it is ErrNotFound.
func (db *DB) RemoveReport(ctx context.Context, meetingID, itemID int64, item, userID, name, by string, at time.Time, notice *commands.OutboxMessage) error {
	var n reportNotice
	if notice != nil {
		payload, err := json.Marshal(notice.Reply)
		if err != nil {
			return err
		}
		n.payload = sql.NullString{String: string(payload), Valid: true}
		n.due = nullTime(notice.DueAt)
	}
	on := sql.NullInt64{Int64: itemID, Valid: itemID != 0}
	key := memberKey(userID, name)
	standing, err := db.removeReport(ctx, meetingID, on, item, key, userID, by, nullTime(at), n)
	if err == nil && !standing && itemID == 0 {
		var filed bool
		if err := db.x.GetContext(ctx, &filed, `SELECT EXISTS (SELECT 1 FROM report_current
			WHERE meeting_id = $1 AND filed_on = 'number:' || $2 AND member_key = $3)`, meetingID, item, key); err != nil {
			return mapErr("remove report", err)
		}
		if filed {
			return mapErr("remove report", sql.ErrNoRows)
		}
		if on, err = fileOnItem(ctx, db.x, meetingID, 0, item); err != nil {
			return mapErr("remove report", err)
		}
		if on.Valid {
			standing, err = db.removeReport(ctx, meetingID, on, item, key, userID, by, nullTime(at), n)
		}
	}
	if err == nil && !standing {
		return mapErr("remove report", sql.ErrNoRows)
	}
	return err
}

// reportNotice is the direct message removeReportSQL queues: its payload,
// none when not valid, and when it is due.
type reportNotice struct {
	payload sql.NullString
	due     sql.NullTime
}

// removeReport runs removeReportSQL for the link filed on the item on (or,
// when it is NULL, under the number item), and says whether one stood.
func (db *DB) removeReport(ctx context.Context, meetingID int64, on sql.NullInt64, item, key, userID, by string, at sql.NullTime, n reportNotice) (bool, error) {
	standing := true
	err := writeAlone(ctx, "remove report", func(ctx context.Context) error {
		var done struct {
			ID   int64 `db:"id"`
			Told int   `db:"told"`
			auditMarks
		}
		err := db.x.GetContext(ctx, &done, removeReportSQL, meetingID, item, on, key, by, userID, n.payload, n.due, at)
		if errors.Is(err, sql.ErrNoRows) {
			// Carried out, and nothing written: no link stands.
			standing = false
			return nil
		}
		if err != nil {
			return err
		}
		return done.check(meetingID)
	})
	return standing, err
}

// ReportLinks implements commands.ReportStore.
func (db *DB) ReportLinks(ctx context.Context, meetingID int64) ([]commands.ReportLink, error) {
	links, err := reportLinks(ctx, db.x, []int64{meetingID})
	return links, mapErr("report links", err)
}

// reportLinks lists the links standing for the meetings, oldest first.
func reportLinks(ctx context.Context, q sqlx.QueryerContext, meetingIDs []int64) ([]commands.ReportLink, error) {
	var rows []reportRow
	err := sqlx.SelectContext(ctx, q, &rows, `SELECT `+reportRead+` FROM (`+latestLinks+`) latest
		WHERE action = 'submitted' ORDER BY id`, pq.Array(meetingIDs))
	if err != nil {
		return nil, err
	}
	out := make([]commands.ReportLink, len(rows))
	for i, r := range rows {
		out[i] = r.link()
	}
	return out, nil
}
