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
		RETURNING id, meeting_id, item_id, url, title
	), ` + auditedAndMarked("$8", "'report.' || (SELECT outcome FROM o)", "$2",
	`jsonb_build_object('report', ins.id, 'item', COALESCE(ins.item_id, 0), 'url', ins.url, 'title', ins.title)`, "$4") + `
	SELECT o.outcome, ` + auditedAndMarkedColumns + ` FROM o`

// SubmitReport implements commands.ReportStore, in one statement
// (submitReportSQL), sent on its own (writeAlone).
func (db *DB) SubmitReport(ctx context.Context, l commands.ReportLink) (commands.ReportOutcome, error) {
	itemID, err := fileOnItem(ctx, db.x, l.MeetingID, l.ItemID, l.Item)
	if err != nil {
		return "", mapErr("submit report", err)
	}
	st, err := db.prepared(ctx, submitReportSQL)
	if err != nil {
		return "", mapErr("submit report", err)
	}
	var outcome commands.ReportOutcome
	err = writeAlone(ctx, "submit report", func(ctx context.Context) error {
		var done struct {
			Outcome string `db:"outcome"`
			auditMarks
		}
		err := st.GetContext(ctx, &done, l.MeetingID, l.Item, memberKey(l.UserID, l.Name), nullString(l.UserID), l.Name, l.URL, l.Title, l.By, nullTime(l.At), itemID)
		if err != nil {
			return err
		}
		outcome = commands.ReportOutcome(done.Outcome)
		switch outcome {
		case commands.ReportUnchanged:
			return nil
		case commands.ReportRecorded, commands.ReportReplaced:
			return done.check(l.MeetingID)
		}
		return fmt.Errorf("storage: submit report: outcome %q", done.Outcome)
	})
	return outcome, err
}

// removeReportSQL marks the member's link standing on an item removed ($1
// meeting, $2 item number, $3 item ID, $4 member key, $5 by, $6 user), as
// a row of the log of its own saying who removed it (by_user): the member
// who sent it, or an officer. The update of report_current waits for
// anyone else writing the row and copies the link as they left it (see
// submitReportSQL); when no link stands, the statement writes nothing and
// returns no row.
var removeReportSQL = `
	WITH cur AS (
		UPDATE report_current c SET action = 'removed', was = c.action
		WHERE c.meeting_id = $1 AND c.filed_on = ` + filedOn("$3", "$2") + ` AND c.member_key = $4 AND c.action = 'submitted'
		RETURNING c.*
	), ins AS (
		INSERT INTO report_links (meeting_id, item_number, item_id, member_key, user_id, name, url, title, action, by_user)
		SELECT meeting_id, item_number, item_id, member_key, user_id, name, url, title, 'removed', $5 FROM cur
		RETURNING id, meeting_id, item_id, url
	), ` + auditedAndMarked("$5", "'report.removed'", "$2",
	`jsonb_build_object('report', ins.id, 'item', COALESCE(ins.item_id, 0), 'member', $6::text, 'url', ins.url)`, "$6") + `
	SELECT ins.id, ` + auditedAndMarkedColumns + ` FROM ins`

// RemoveReport implements commands.ReportStore, in one statement
// (removeReportSQL), sent on its own (writeAlone). With no link standing,
// it is sql.ErrNoRows.
func (db *DB) RemoveReport(ctx context.Context, meetingID, itemID int64, item, userID, by string) error {
	on, err := fileOnItem(ctx, db.x, meetingID, itemID, item)
	if err != nil {
		return mapErr("remove report", err)
	}
	standing := true
	err = writeAlone(ctx, "remove report", func(ctx context.Context) error {
		var done struct {
			ID int64 `db:"id"`
			auditMarks
		}
		err := db.x.GetContext(ctx, &done, removeReportSQL, meetingID, item, on, memberKey(userID, ""), by, userID)
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
	if err == nil && !standing {
		return mapErr("remove report", sql.ErrNoRows)
	}
	return err
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
