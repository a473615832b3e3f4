package storage

import (
	"context"
	"database/sql"
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

// lockReports locks the member's links for an item, so that two
// submissions or removals at once are ordered. It is a statement of its
// own: a statement's snapshot is taken when it starts, so a read in the
// statement that waited for the lock would not see what the holder wrote.
func lockReports(ctx context.Context, q sqlx.ExecerContext, meetingID int64, itemID sql.NullInt64, item, key string) error {
	on := "number:" + item
	if itemID.Valid {
		on = "item:" + strconv.FormatInt(itemID.Int64, 10)
	}
	lock := "report:" + strconv.FormatInt(meetingID, 10) + ":" + on + ":" + key
	_, err := q.ExecContext(ctx, `SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, lock)
	return err
}

// latestReport locks the member's links for an item and reads the latest.
func latestReport(ctx context.Context, q sqlx.ExtContext, meetingID int64, itemID sql.NullInt64, item, key string) (reportRow, error) {
	if err := lockReports(ctx, q, meetingID, itemID, item, key); err != nil {
		return reportRow{}, err
	}
	var row reportRow
	err := sqlx.GetContext(ctx, q, &row, `SELECT `+reportRead+` FROM `+latestReportSQL("$1", "$4", "$2", "$3"),
		meetingID, item, key, itemID)
	return row, err
}

// latestReportSQL is the latest row of the report log, called latest,
// for the member in the parameter key on the meeting in meeting and the
// item with the id in id, or filed on no item under the number in number.
// The two are read apart, each from the end of its own stretch of
// report_links_member, so that finding the latest reads one row of each
// whatever the log holds: read as one condition with an OR, the generic
// plan walked back through every link on the item, each member's among
// the others' (0.8 ms a link once an item had 6,000).
func latestReportSQL(meeting, id, number, key string) string {
	return `(SELECT * FROM (
		(SELECT * FROM report_links WHERE meeting_id = ` + meeting + ` AND item_id = ` + id + `::bigint AND member_key = ` + key + `
		 ORDER BY id DESC LIMIT 1)
		UNION ALL
		(SELECT * FROM report_links WHERE meeting_id = ` + meeting + ` AND item_id IS NULL AND item_number = ` + number + ` AND member_key = ` + key + `
		 ORDER BY id DESC LIMIT 1)
	) l ORDER BY id DESC LIMIT 1) latest`
}

// SubmitReport implements commands.ReportStore. Once the member's links
// for the item are locked, one statement reads the latest, says what the
// submission is (a first link, a replacement, or the same link again) and,
// unless it is the same, writes the link with its audit entry and the
// stale marks of what shows it.
func (db *DB) SubmitReport(ctx context.Context, l commands.ReportLink) (commands.ReportOutcome, error) {
	var outcome commands.ReportOutcome
	err := db.inTx(ctx, "submit report", func(tx *Tx) error {
		key := memberKey(l.UserID, l.Name)
		itemID, err := fileOnItem(ctx, tx, l.MeetingID, l.ItemID, l.Item)
		if err != nil {
			return err
		}
		if err := lockReports(ctx, tx, l.MeetingID, itemID, l.Item, key); err != nil {
			return err
		}
		var done struct {
			Outcome string `db:"outcome"`
			auditMarks
		}
		err = tx.GetContext(ctx, &done, `
			WITH cur AS (
				SELECT url, title, action FROM `+latestReportSQL("$1", "$10", "$2", "$3")+`
			), o AS (
				SELECT CASE WHEN cur.action IS NULL OR cur.action = 'removed' THEN 'recorded'
				            WHEN cur.url = $6 AND cur.title = $7 THEN 'unchanged'
				            ELSE 'replaced' END AS outcome
				FROM (VALUES (1)) AS one LEFT JOIN cur ON true
			), ins AS (
				INSERT INTO report_links (meeting_id, item_number, item_id, member_key, user_id, name, url, title, action, by_user, at)
				SELECT $1, $2, $10, $3, $4, $5, $6, $7, 'submitted', $8, COALESCE($9, now())
				FROM o WHERE o.outcome <> 'unchanged'
				RETURNING id, meeting_id, item_id, url, title
			), `+auditedAndMarked("$8", "'report.' || (SELECT outcome FROM o)", "$2",
			`jsonb_build_object('report', ins.id, 'item', COALESCE(ins.item_id, 0), 'url', ins.url, 'title', ins.title)`, "$4")+`
			SELECT o.outcome, `+auditedAndMarkedColumns+` FROM o`,
			l.MeetingID, l.Item, key, nullString(l.UserID), l.Name, l.URL, l.Title, l.By, nullTime(l.At), itemID)
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

// RemoveReport implements commands.ReportStore. The removal is a row of
// the log of its own, saying who removed the link (by_user): the member
// who sent it, or an officer.
func (db *DB) RemoveReport(ctx context.Context, meetingID, itemID int64, item, userID, by string) error {
	return db.inTx(ctx, "remove report", func(tx *Tx) error {
		on, err := fileOnItem(ctx, tx, meetingID, itemID, item)
		if err != nil {
			return err
		}
		cur, err := latestReport(ctx, tx, meetingID, on, item, memberKey(userID, ""))
		if err != nil {
			return err
		}
		if cur.Action != "submitted" {
			return sql.ErrNoRows
		}
		var id int64
		err = tx.GetContext(ctx, &id, `INSERT INTO report_links (meeting_id, item_number, item_id, member_key, user_id, name, url, title, action, by_user)
			SELECT meeting_id, item_number, item_id, member_key, user_id, name, url, title, 'removed', $2 FROM report_links WHERE id = $1
			RETURNING id`, cur.ID, by)
		if err != nil {
			return err
		}
		if err := markStale(ctx, tx, meetingID, []string{userID}); err != nil {
			return err
		}
		return auditMeeting(ctx, tx, meetingID, by, "report.removed", item, map[string]any{"report": id, "item": on.Int64, "member": userID, "url": cur.URL})
	})
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
