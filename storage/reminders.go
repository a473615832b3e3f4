package storage

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/lib/pq"

	"github.com/quorumhq/quorum/commands"
)

// SetReminders implements commands.ReminderStore.
func (db *DB) SetReminders(ctx context.Context, committeeID int64, days []int, at commands.Clock, by string, now time.Time) error {
	if days == nil {
		days = []int{}
	}
	return db.inTx(ctx, "set reminders", func(tx *Tx) error {
		var id int64
		err := tx.GetContext(ctx, &id, `UPDATE committees SET reminder_days = $2, reminder_time = $3 WHERE id = $1 RETURNING id`,
			committeeID, pq.Array(days), at.String())
		if err != nil {
			return err
		}
		// At the command's time: ReminderDayOn reads the settings that
		// stood when a reminder fell due by it.
		return auditAt(ctx, tx, committeeID, by, "committee.reminders", "", map[string]any{"days": days, "at": at.String()}, now)
	})
}

// ReminderDayOn implements commands.ReminderStore, from the history of
// `/meeting reminders`: the settings last set at or before at, or, never
// set by then, those of its setup (commands.SetupReminderDays): a day
// added later was not on when it fell due.
func (db *DB) ReminderDayOn(ctx context.Context, committeeID int64, days int, at time.Time) (bool, error) {
	var on bool
	err := db.x.GetContext(ctx, &on, reminderDayOnSQL, committeeID, days, at, pq.Array(commands.SetupReminderDays))
	if err != nil {
		return false, mapErr("reminder settings", err)
	}
	return on, nil
}

// reminderDayOnSQL is ReminderDayOn's query: the committee's last
// settings at or before $3 ($1: the committee, $2: the days, $4: the
// days of a setup), read through audit_log_reminder_settings.
const reminderDayOnSQL = `
	SELECT COALESCE((SELECT COALESCE(l.detail->'days', '[]') @> to_jsonb($2::int) FROM audit_log l
		WHERE l.committee_id = $1 AND l.action = 'committee.reminders' AND l.at <= $3
		ORDER BY l.at DESC, l.id DESC LIMIT 1), $2 = ANY($4::int[]))`

// LastReminders implements commands.ReminderStore, from the history of
// `/meeting reminders`: the last settings with reminders on, read through
// audit_log_reminder_settings as ReminderDayOn reads them.
func (db *DB) LastReminders(ctx context.Context, committeeID int64) ([]int, string, error) {
	var row struct {
		Days pq.Int64Array `db:"days"`
		At   string        `db:"at"`
	}
	err := db.x.GetContext(ctx, &row, `SELECT ARRAY(SELECT jsonb_array_elements_text(l.detail->'days')::int) AS days, COALESCE(l.detail->>'at', '') AS at
		FROM audit_log l
		WHERE l.committee_id = $1 AND l.action = 'committee.reminders' AND jsonb_array_length(COALESCE(l.detail->'days', '[]')) > 0
		ORDER BY l.at DESC, l.id DESC LIMIT 1`, committeeID)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, "", nil
	}
	if err != nil {
		return nil, "", mapErr("reminder settings", err)
	}
	days := make([]int, len(row.Days))
	for i, d := range row.Days {
		days[i] = int(d)
	}
	return days, row.At, nil
}

// PendingReminders implements commands.ReminderStore. A reminder counts as
// enqueued once the outbox holds its post, whatever became of it. Its
// dedupe key names the meeting, the days before and, once the meeting has
// been moved off the day it was first scheduled for, the day it is for:
// reminder:<meeting>:<days>[:<YYYY-MM-DD>]. So a reminder sent before a
// move does not stand in for the one for the new day, a move of the time
// within the day sends nothing again, and the keys of meetings never
// moved are those used before meetings could move. Since is when the
// meeting was set for its day: scheduled there, or moved there (a new
// time on the same day leaves its reminders as they were).
func (db *DB) PendingReminders(ctx context.Context, from, to time.Time) ([]commands.PendingReminder, error) {
	var rows []struct {
		committeeRow
		MeetingID int64        `db:"meeting_id"`
		StartsAt  time.Time    `db:"starts_at"`
		Venue     string       `db:"venue"`
		Status    string       `db:"status"`
		TimeKnown bool         `db:"time_known"`
		Revision  int          `db:"revision"`
		Days      int          `db:"days"`
		Key       string       `db:"dedupe_key"`
		Scheduled sql.NullTime `db:"scheduled_at"`
		Since     sql.NullTime `db:"since"`
	}
	err := db.x.SelectContext(ctx, &rows, `
		SELECT c.id, c.name, c.team_id, c.channel_id, c.time_zone, c.standard_items, c.reminder_days,
		       to_char(c.reminder_time, 'HH24:MI') AS reminder_time, c.created_at,
		       m.id AS meeting_id, m.starts_at, m.venue, m.status, m.time_known, m.revision, m.scheduled_at, d.days, k.dedupe_key,
		       GREATEST(m.scheduled_at, (SELECT max(mc.at) FROM meeting_changes mc WHERE mc.meeting_id = m.id
				AND (mc.old_starts_at AT TIME ZONE c.time_zone)::date <> (mc.new_starts_at AT TIME ZONE c.time_zone)::date)) AS since
		FROM committees c
		-- A meeting opened before its advertised start is sitting: no
		-- reminder to send apologies for it, or to come to it.
		JOIN meetings m ON m.committee_id = c.id AND m.status = 'scheduled' AND m.starts_at > $1 AND m.starts_at <= $2
			AND `+notOpened("m.id")+`
		CROSS JOIN LATERAL unnest(c.reminder_days) AS d(days)
		CROSS JOIN LATERAL (SELECT 'reminder:' || m.id || ':' || d.days || CASE
			WHEN m.revision = 0 OR (m.starts_at AT TIME ZONE c.time_zone)::date = (
				SELECT (mc.old_starts_at AT TIME ZONE c.time_zone)::date FROM meeting_changes mc
				WHERE mc.meeting_id = m.id ORDER BY mc.id LIMIT 1)
			THEN '' ELSE ':' || to_char(m.starts_at AT TIME ZONE c.time_zone, 'YYYY-MM-DD') END AS dedupe_key) k
		WHERE c.channel_id IS NOT NULL
		  AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.dedupe_key = k.dedupe_key)
		ORDER BY m.starts_at, m.id, d.days DESC`, from, to)
	if err != nil {
		return nil, mapErr("pending reminders", err)
	}
	out := make([]commands.PendingReminder, len(rows))
	for i, r := range rows {
		out[i] = commands.PendingReminder{
			Committee: r.committeeRow.committee(),
			Meeting: commands.Meeting{ID: r.MeetingID, CommitteeID: r.ID, StartsAt: r.StartsAt, Venue: r.Venue, Status: commands.MeetingStatus(r.Status),
				TimeUnknown: !r.TimeKnown, Revision: r.Revision, ScheduledAt: r.Scheduled.Time},
			Days:  r.Days,
			Key:   r.Key,
			Since: r.Since.Time,
		}
	}
	return out, nil
}

// SetYearStart implements commands.ReminderStore.
func (db *DB) SetYearStart(ctx context.Context, committeeID int64, month time.Month, by string) error {
	return db.inTx(ctx, "set year start", func(tx *Tx) error {
		var id int64
		err := tx.GetContext(ctx, &id, `UPDATE committees SET year_start = $2 WHERE id = $1 RETURNING id`, committeeID, int(month))
		if err != nil {
			return err
		}
		return audit(ctx, tx, committeeID, by, "committee.year_start", month.String(), map[string]any{"month": int(month)})
	})
}

// YearStart implements commands.ReminderStore.
func (db *DB) YearStart(ctx context.Context, committeeID int64) (time.Month, error) {
	var m int
	err := db.x.GetContext(ctx, &m, `SELECT year_start FROM committees WHERE id = $1`, committeeID)
	if err != nil {
		return 0, mapErr("year start", err)
	}
	return time.Month(m), nil
}
