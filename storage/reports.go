package storage

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"time"

	"github.com/jmoiron/sqlx"

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
}

func (r reportRow) link() commands.ReportLink {
	return commands.ReportLink{ID: r.ID, MeetingID: r.MeetingID, Item: r.Item, UserID: r.UserID.String, Name: r.Name, URL: r.URL, Title: r.Title, At: r.At, By: r.By}
}

const reportColumns = `id, meeting_id, item_number, user_id, name, url, title, action, at, by_user`

// latestReport locks the member's links for an item (so that two
// submissions at once are ordered) and reads the latest.
func latestReport(ctx context.Context, q sqlx.ExtContext, meetingID int64, item, key string) (reportRow, error) {
	lock := "report:" + strconv.FormatInt(meetingID, 10) + ":" + item + ":" + key
	if _, err := q.ExecContext(ctx, `SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, lock); err != nil {
		return reportRow{}, err
	}
	var row reportRow
	err := sqlx.GetContext(ctx, q, &row, `SELECT `+reportColumns+` FROM report_links
		WHERE meeting_id = $1 AND item_number = $2 AND member_key = $3 ORDER BY id DESC LIMIT 1`, meetingID, item, key)
	return row, err
}

// SubmitReport implements commands.ReportStore.
func (db *DB) SubmitReport(ctx context.Context, l commands.ReportLink) (commands.ReportOutcome, error) {
	var outcome commands.ReportOutcome
	err := db.inTx(ctx, "submit report", func(tx *sqlx.Tx) error {
		key := memberKey(l.UserID, l.Name)
		cur, err := latestReport(ctx, tx, l.MeetingID, l.Item, key)
		switch {
		case errors.Is(err, sql.ErrNoRows) || err == nil && cur.Action == "removed":
			outcome = commands.ReportRecorded
		case err != nil:
			return err
		case cur.URL == l.URL && cur.Title == l.Title:
			outcome = commands.ReportUnchanged
			return nil
		default:
			outcome = commands.ReportReplaced
		}
		var id int64
		err = tx.GetContext(ctx, &id, `INSERT INTO report_links (meeting_id, item_number, member_key, user_id, name, url, title, action, by_user, at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, 'submitted', $8, COALESCE($9, now())) RETURNING id`,
			l.MeetingID, l.Item, key, nullString(l.UserID), l.Name, l.URL, l.Title, l.By, nullTime(l.At))
		if err != nil {
			return err
		}
		if err := markStale(ctx, tx, l.MeetingID, []string{l.UserID}); err != nil {
			return err
		}
		return auditMeeting(ctx, tx, l.MeetingID, l.By, "report."+string(outcome), l.Item, map[string]any{"report": id, "url": l.URL, "title": l.Title})
	})
	return outcome, err
}

// RemoveReport implements commands.ReportStore.
func (db *DB) RemoveReport(ctx context.Context, meetingID int64, item, userID, by string) error {
	return db.inTx(ctx, "remove report", func(tx *sqlx.Tx) error {
		cur, err := latestReport(ctx, tx, meetingID, item, memberKey(userID, ""))
		if err != nil {
			return err
		}
		if cur.Action != "submitted" {
			return sql.ErrNoRows
		}
		var id int64
		err = tx.GetContext(ctx, &id, `INSERT INTO report_links (meeting_id, item_number, member_key, user_id, name, url, title, action, by_user)
			SELECT meeting_id, item_number, member_key, user_id, name, url, title, 'removed', $2 FROM report_links WHERE id = $1
			RETURNING id`, cur.ID, by)
		if err != nil {
			return err
		}
		if err := markStale(ctx, tx, meetingID, []string{userID}); err != nil {
			return err
		}
		return auditMeeting(ctx, tx, meetingID, by, "report.removed", item, map[string]any{"report": id, "url": cur.URL})
	})
}

// ReportLinks implements commands.ReportStore.
func (db *DB) ReportLinks(ctx context.Context, meetingID int64) ([]commands.ReportLink, error) {
	var rows []reportRow
	err := db.x.SelectContext(ctx, &rows, `SELECT `+reportColumns+` FROM (
			SELECT DISTINCT ON (item_number, member_key) `+reportColumns+` FROM report_links
			WHERE meeting_id = $1 ORDER BY item_number, member_key, id DESC
		) latest WHERE action = 'submitted' ORDER BY id`, meetingID)
	if err != nil {
		return nil, mapErr("report links", err)
	}
	out := make([]commands.ReportLink, len(rows))
	for i, r := range rows {
		out[i] = r.link()
	}
	return out, nil
}
