package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/quorumhq/quorum/commands"
)

type meetingRow struct {
	ID          int64     `db:"id"`
	CommitteeID int64     `db:"committee_id"`
	StartsAt    time.Time `db:"starts_at"`
	Venue       string    `db:"venue"`
	Status      string    `db:"status"`
	Apologies   int       `db:"apologies"`
}

func (r meetingRow) meeting() commands.Meeting {
	return commands.Meeting{ID: r.ID, CommitteeID: r.CommitteeID, StartsAt: r.StartsAt, Venue: r.Venue, Status: commands.MeetingStatus(r.Status), Apologies: r.Apologies}
}

const meetingColumns = `m.id, m.committee_id, m.starts_at, m.venue, m.status,
	(SELECT count(*) FROM apologies a WHERE a.meeting_id = m.id AND NOT a.withdrawn) AS apologies`

// ScheduleMeeting implements commands.MeetingStore.
func (db *DB) ScheduleMeeting(ctx context.Context, m commands.Meeting, by string) (commands.Meeting, error) {
	var out commands.Meeting
	err := db.inTx(ctx, "schedule meeting", func(tx *sqlx.Tx) error {
		var err error
		if out, err = scheduleMeeting(ctx, tx, m, "slack", by); err != nil {
			return err
		}
		// Every member's Home shows the next meeting.
		return markHomesStale(ctx, tx, m.CommitteeID, nil)
	})
	return out, err
}

// scheduleMeeting adds m, or reinstates a cancelled meeting at the same
// time; a scheduled one at that time is a conflict.
func scheduleMeeting(ctx context.Context, q sqlx.ExtContext, m commands.Meeting, source, by string) (commands.Meeting, error) {
	var id int64
	var created bool
	err := q.QueryRowxContext(ctx, `
		INSERT INTO meetings (committee_id, starts_at, venue, status, source, created_by)
		VALUES ($1, $2, $3, 'scheduled', $4, $5)
		ON CONFLICT (committee_id, starts_at) DO UPDATE
		SET status = 'scheduled', venue = CASE WHEN EXCLUDED.venue = '' THEN meetings.venue ELSE EXCLUDED.venue END
		WHERE meetings.status = 'cancelled'
		RETURNING id, (xmax = 0)`, m.CommitteeID, m.StartsAt, m.Venue, source, by).Scan(&id, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return commands.Meeting{}, fmt.Errorf("meeting already scheduled: %w", commands.ErrConflict)
	}
	if err != nil {
		return commands.Meeting{}, err
	}
	if err := audit(ctx, q, m.CommitteeID, by, "meeting.schedule", "", map[string]any{"meeting": id, "starts_at": m.StartsAt, "venue": m.Venue}); err != nil {
		return commands.Meeting{}, err
	}
	if created {
		// A new meeting starts with its standard items; a reinstated one
		// keeps the agenda it had.
		for _, it := range m.Items {
			if err := insertItem(ctx, q, id, it, by); err != nil {
				return commands.Meeting{}, err
			}
		}
	}
	var row meetingRow
	err = sqlx.GetContext(ctx, q, &row, `SELECT `+meetingColumns+` FROM meetings m WHERE m.id = $1`, id)
	return row.meeting(), err
}

// Meetings implements commands.MeetingStore.
func (db *DB) Meetings(ctx context.Context, committeeID int64, from, to time.Time) ([]commands.Meeting, error) {
	var rows []meetingRow
	err := db.x.SelectContext(ctx, &rows, `SELECT `+meetingColumns+` FROM meetings m
		WHERE m.committee_id = $1 AND m.starts_at >= $2 AND m.starts_at < $3
		ORDER BY m.starts_at LIMIT 200`, committeeID, from, to)
	if err != nil {
		return nil, mapErr("meetings", err)
	}
	out := make([]commands.Meeting, len(rows))
	for i, r := range rows {
		out[i] = r.meeting()
	}
	return out, nil
}

// NextMeeting implements commands.MeetingStore.
func (db *DB) NextMeeting(ctx context.Context, committeeID int64, after time.Time) (commands.Meeting, error) {
	var row meetingRow
	err := db.x.GetContext(ctx, &row, `SELECT `+meetingColumns+` FROM meetings m
		WHERE m.committee_id = $1 AND m.starts_at > $2 AND m.status = 'scheduled'
		ORDER BY m.starts_at LIMIT 1`, committeeID, after)
	return row.meeting(), mapErr("next meeting", err)
}

// Meeting implements commands.MeetingStore.
func (db *DB) Meeting(ctx context.Context, id int64) (commands.Meeting, error) {
	var row meetingRow
	err := db.x.GetContext(ctx, &row, `SELECT `+meetingColumns+` FROM meetings m WHERE m.id = $1`, id)
	return row.meeting(), mapErr("meeting", err)
}

// SetMeetingStatus implements commands.MeetingStore.
func (db *DB) SetMeetingStatus(ctx context.Context, id int64, status commands.MeetingStatus, by string) error {
	return db.inTx(ctx, "set meeting status", func(tx *sqlx.Tx) error {
		var committeeID int64
		err := tx.GetContext(ctx, &committeeID, `UPDATE meetings SET status = $2 WHERE id = $1 RETURNING committee_id`, id, string(status))
		if err != nil {
			return err
		}
		if err := markStale(ctx, tx, id, nil); err != nil {
			return err
		}
		return audit(ctx, tx, committeeID, by, "meeting."+string(status), "", map[string]any{"meeting": id})
	})
}
