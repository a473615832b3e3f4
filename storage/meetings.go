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

	"github.com/quorumhq/quorum/commands"
)

type meetingRow struct {
	ID          int64     `db:"id"`
	CommitteeID int64     `db:"committee_id"`
	StartsAt    time.Time `db:"starts_at"`
	Venue       string    `db:"venue"`
	Status      string    `db:"status"`
	Apologies   int       `db:"apologies"`
	TimeKnown   bool      `db:"time_known"`
	Revision    int       `db:"revision"`
	Sequence    int       `db:"sequence"`
}

func (r meetingRow) meeting() commands.Meeting {
	return commands.Meeting{ID: r.ID, CommitteeID: r.CommitteeID, StartsAt: r.StartsAt, Venue: r.Venue, Status: commands.MeetingStatus(r.Status), Apologies: r.Apologies,
		TimeUnknown: !r.TimeKnown, Revision: r.Revision, Sequence: r.Sequence}
}

const meetingColumns = `m.id, m.committee_id, m.starts_at, m.venue, m.status, m.time_known, m.revision,
	m.revision + m.status_changes AS sequence,
	(SELECT count(*) FROM apologies a WHERE a.meeting_id = m.id AND NOT a.withdrawn) AS apologies`

// meetingBriefColumns are meetingColumns without the count of apologies
// (read as -1), for the commands that find the meeting they are about and
// never show the count: counting walks every apology of the meeting, on
// every /declare, /report and /agenda.
const meetingBriefColumns = `m.id, m.committee_id, m.starts_at, m.venue, m.status, m.time_known, m.revision,
	m.revision + m.status_changes AS sequence, -1 AS apologies`

// ScheduleMeeting implements commands.MeetingStore.
func (db *DB) ScheduleMeeting(ctx context.Context, m commands.Meeting, by string) (commands.Meeting, error) {
	var out commands.Meeting
	err := db.inTx(ctx, "schedule meeting", func(tx *Tx) error {
		var err error
		if m.Reinstates != 0 {
			out, err = reinstateMeeting(ctx, tx, m, by)
		} else {
			out, err = scheduleMeeting(ctx, tx, m, "slack", by)
		}
		if err != nil {
			return err
		}
		// Every member's Home shows the next meeting; a cancelled meeting
		// scheduled again has its posted agenda, which says it is
		// cancelled, to bring up to date.
		return markStale(ctx, tx, out.ID, nil)
	})
	return out, err
}

// scheduleMeeting adds m, or reinstates a cancelled meeting at the same
// time; a scheduled one at that time is a conflict.
func scheduleMeeting(ctx context.Context, q sqlx.ExtContext, m commands.Meeting, source, by string) (commands.Meeting, error) {
	var id int64
	var created bool
	err := q.QueryRowxContext(ctx, `
		INSERT INTO meetings (committee_id, starts_at, venue, status, source, created_by, scheduled_at)
		VALUES ($1, $2, $3, 'scheduled', $4, $5, $6)
		ON CONFLICT (committee_id, starts_at) DO UPDATE
		SET status = 'scheduled', venue = CASE WHEN EXCLUDED.venue = '' THEN meetings.venue ELSE EXCLUDED.venue END,
		    scheduled_at = EXCLUDED.scheduled_at
		WHERE meetings.status = 'cancelled'
		RETURNING id, (xmax = 0)`, m.CommitteeID, m.StartsAt, m.Venue, source, by, nullTime(m.ScheduledAt)).Scan(&id, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return commands.Meeting{}, fmt.Errorf("meeting already scheduled: %w", commands.ErrConflict)
	}
	if err != nil {
		return commands.Meeting{}, err
	}
	if err := auditAt(ctx, q, m.CommitteeID, by, "meeting.schedule", "", map[string]any{"meeting": id, "starts_at": m.StartsAt, "venue": m.Venue}, m.ScheduledAt); err != nil {
		return commands.Meeting{}, err
	}
	if created {
		// A new meeting starts with its standard items; a reinstated one
		// keeps the agenda it had.
		for _, it := range m.Items {
			if err := insertItem(ctx, q, id, it, by, m.ScheduledAt); err != nil {
				return commands.Meeting{}, err
			}
		}
	}
	var row meetingRow
	err = sqlx.GetContext(ctx, q, &row, `SELECT `+meetingColumns+` FROM meetings m WHERE m.id = $1`, id)
	return row.meeting(), err
}

// reinstateMeeting schedules again the cancelled meeting m.Reinstates,
// moved to m's start and venue (its own, if m has none): scheduled, as
// scheduleMeeting records it, and moved, as ChangeMeeting does, so that
// its history and the "moved from" of its lists say both. Its row is
// locked as CancelMeeting locks it; one scheduled again or opened
// meanwhile is ErrConflict, and nothing changes.
func reinstateMeeting(ctx context.Context, tx *Tx, m commands.Meeting, by string) (commands.Meeting, error) {
	var was struct {
		StartsAt  time.Time `db:"starts_at"`
		Venue     string    `db:"venue"`
		TimeKnown bool      `db:"time_known"`
	}
	err := tx.GetContext(ctx, &was, `SELECT starts_at, venue, time_known FROM meetings
		WHERE id = $1 AND committee_id = $2 FOR NO KEY UPDATE`, m.Reinstates, m.CommitteeID)
	if err != nil {
		return commands.Meeting{}, err
	}
	// Scheduled again at its own time and venue, it has not moved: no
	// change to list in its history, nor to number for calendars.
	changed := !was.StartsAt.Equal(m.StartsAt) || !was.TimeKnown || (m.Venue != "" && m.Venue != was.Venue)
	var id int64
	err = tx.GetContext(ctx, &id, `UPDATE meetings SET status = 'scheduled', starts_at = $2,
			venue = CASE WHEN $3 = '' THEN venue ELSE $3 END, time_known = true,
			revision = revision + CASE WHEN $5 THEN 1 ELSE 0 END, scheduled_at = $4
		WHERE id = $1 AND status = 'cancelled' AND NOT EXISTS (SELECT 1 FROM meeting_sessions WHERE meeting_id = $1)
		RETURNING id`, m.Reinstates, m.StartsAt, m.Venue, nullTime(m.ScheduledAt), changed)
	if errors.Is(err, sql.ErrNoRows) {
		return commands.Meeting{}, fmt.Errorf("meeting %d is no longer cancelled: %w", m.Reinstates, commands.ErrConflict)
	}
	if err != nil {
		return commands.Meeting{}, err
	}
	if err := auditAt(ctx, tx, m.CommitteeID, by, "meeting.schedule", "", map[string]any{"meeting": id, "starts_at": m.StartsAt, "venue": m.Venue}, m.ScheduledAt); err != nil {
		return commands.Meeting{}, err
	}
	var row meetingRow
	if err := tx.GetContext(ctx, &row, `SELECT `+meetingColumns+` FROM meetings m WHERE m.id = $1`, id); err != nil {
		return commands.Meeting{}, err
	}
	if !changed {
		return row.meeting(), markSubstituteHomes(ctx, tx, id, m.ScheduledAt)
	}
	var changeID int64
	err = tx.GetContext(ctx, &changeID, `INSERT INTO meeting_changes (meeting_id, committee_id, old_starts_at, new_starts_at,
			old_time_known, new_time_known, old_venue, new_venue, by_user, at)
		VALUES ($1, $2, $3, $4, $5, true, $6, $7, $8, COALESCE($9, now())) RETURNING id`,
		id, m.CommitteeID, was.StartsAt, row.StartsAt, was.TimeKnown, was.Venue, row.Venue, by, nullTime(m.ScheduledAt))
	if err != nil {
		return commands.Meeting{}, err
	}
	if err := audit(ctx, tx, m.CommitteeID, by, "meeting.change", "", map[string]any{
		"meeting": id, "change": changeID, "from": was.StartsAt, "to": row.StartsAt,
		"venue_from": was.Venue, "venue_to": row.Venue}); err != nil {
		return commands.Meeting{}, err
	}
	// The substitutes its apologies name are told on their Homes that
	// they substitute at it again.
	if err := markSubstituteHomes(ctx, tx, id, m.ScheduledAt); err != nil {
		return commands.Meeting{}, err
	}
	return row.meeting(), nil
}

// Meetings implements commands.MeetingStore.
func (db *DB) Meetings(ctx context.Context, committeeID int64, from, to time.Time) ([]commands.Meeting, error) {
	return selectMeetings(ctx, db.x, "meetings", `SELECT `+meetingColumns+` FROM meetings m
		WHERE m.committee_id = $1 AND m.starts_at >= $2 AND m.starts_at < $3
		ORDER BY m.starts_at LIMIT 200`, committeeID, from, to)
}

// selectMeetings reads the meetings query selects (meetingColumns or
// meetingBriefColumns of meetings m), naming what in its error.
func selectMeetings(ctx context.Context, q sqlx.QueryerContext, what, query string, args ...any) ([]commands.Meeting, error) {
	var rows []meetingRow
	if err := sqlx.SelectContext(ctx, q, &rows, query, args...); err != nil {
		return nil, mapErr(what, err)
	}
	out := make([]commands.Meeting, len(rows))
	for i, r := range rows {
		out[i] = r.meeting()
	}
	return out, nil
}

// notOpened is the condition, on the meeting the SQL expression id
// names, that it has not been opened: a meeting still scheduled that was
// opened is in progress (closing it makes it held), even before its
// advertised start, and the next meeting is the one after it.
func notOpened(id string) string {
	return `NOT EXISTS (SELECT 1 FROM meeting_sessions o WHERE o.meeting_id = ` + id + ` AND o.action = 'opened')`
}

// NextMeeting implements commands.MeetingStore. The meeting is read in
// brief: its Apologies count is -1.
func (db *DB) NextMeeting(ctx context.Context, committeeID int64, after time.Time) (commands.Meeting, error) {
	var row meetingRow
	err := db.x.GetContext(ctx, &row, `SELECT `+meetingBriefColumns+` FROM meetings m
		WHERE m.committee_id = $1 AND m.starts_at > $2 AND m.status = 'scheduled' AND `+notOpened("m.id")+`
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
	return db.inTx(ctx, "set meeting status", func(tx *Tx) error {
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

// CancelMeeting implements commands.MeetingStore. The meeting's row is
// locked first, as RecordSession locks it, and whether it was opened is
// read only once the lock is held, by a statement of its own: one reading
// the log while waiting for the lock would read it as it was before the
// opening committed. Apologies being sent or withdrawn hold the row
// shared (meetingShared): the lock waits for them, so they are done
// before the meeting is cancelled, and those that wait for it find the
// status it writes and are refused (apologiesOpen).
func (db *DB) CancelMeeting(ctx context.Context, id int64, by string, at time.Time, substitutes commands.Reply) error {
	return db.inTx(ctx, "cancel meeting", func(tx *Tx) error {
		var committeeID int64
		err := tx.GetContext(ctx, &committeeID, `SELECT committee_id FROM meetings WHERE id = $1 FOR NO KEY UPDATE`, id)
		if err != nil {
			return err
		}
		err = tx.GetContext(ctx, &committeeID, `UPDATE meetings SET status = 'cancelled'
			WHERE id = $1 AND status = 'scheduled' AND NOT EXISTS (SELECT 1 FROM meeting_sessions WHERE meeting_id = $1)
			RETURNING committee_id`, id)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("meeting %d is opened or not scheduled: %w", id, commands.ErrConflict)
		}
		if err != nil {
			return err
		}
		if err := markStale(ctx, tx, id, nil); err != nil {
			return err
		}
		if err := markSubstituteHomes(ctx, tx, id, at); err != nil {
			return err
		}
		if substitutes.Text != "" {
			// Once for each cancelling: a meeting scheduled again and
			// cancelled again tells them again.
			payload, err := json.Marshal(substitutes)
			if err != nil {
				return err
			}
			_, err = tx.ExecContext(ctx, `INSERT INTO outbox (committee_id, kind, user_id, dedupe_key, payload, due_at)
				SELECT DISTINCT ON (a.substitute_id) CAST($1 AS bigint), 'dm', a.substitute_id,
					'meeting-cancel:' || CAST($2 AS bigint) || ':' || CAST($3 AS text) || ':substitute:' || a.substitute_id,
					CAST($4 AS jsonb), COALESCE(CAST($5 AS timestamptz), now())
				FROM apologies a WHERE a.meeting_id = $2 AND NOT a.withdrawn AND a.substitute_id IS NOT NULL AND a.substitute_id <> ''
				ON CONFLICT (dedupe_key) DO NOTHING`,
				committeeID, id, cancelStamp(at), string(payload), nullTime(at))
			if err != nil {
				return err
			}
		}
		return auditAt(ctx, tx, committeeID, by, "meeting."+string(commands.MeetingCancelled), "", map[string]any{"meeting": id}, at)
	})
}

// cancelStamp tells one cancelling of a meeting from another in the
// dedupe keys of its notices: the moment it was cancelled, or now.
func cancelStamp(at time.Time) string {
	if at.IsZero() {
		at = time.Now()
	}
	return strconv.FormatInt(at.UnixNano(), 10)
}

// ChangeMeeting implements commands.MeetingStore. The meeting's revision
// is the lock: a change made against an older revision (someone else
// moved it meanwhile) changes nothing and is ErrConflict, so the history's
// "from" is always what the meeting was. A meeting opened meanwhile is
// not changed either (ErrConflict).
func (db *DB) ChangeMeeting(ctx context.Context, ch commands.MeetingChange, notices commands.MeetingNotices) (commands.Meeting, error) {
	var out commands.Meeting
	err := db.inTx(ctx, "change meeting", func(tx *Tx) error {
		// The lock an opening takes (RecordSession), in a statement of its
		// own: the update's check of the log, a statement later, then reads
		// an opening committed while this waited, which a check in the
		// statement that waited would not.
		var committeeID int64
		err := tx.GetContext(ctx, &committeeID, `SELECT committee_id FROM meetings WHERE id = $1 FOR NO KEY UPDATE`, ch.MeetingID)
		if err != nil {
			return err
		}
		// The substitutes' Homes as the meeting stood (markSubstituteHomes);
		// those as it stands are marked after. Nothing is written if the
		// change is not.
		if err := markSubstituteHomes(ctx, tx, ch.MeetingID, ch.At); err != nil {
			return err
		}
		err = tx.GetContext(ctx, &committeeID, `UPDATE meetings SET starts_at = $3, venue = $4, time_known = $5, revision = revision + 1
			WHERE id = $1 AND revision = $2 AND status = 'scheduled' AND NOT EXISTS (SELECT 1 FROM meeting_sessions WHERE meeting_id = $1)
			RETURNING committee_id`,
			ch.MeetingID, ch.Revision, ch.NewStartsAt, ch.NewVenue, !ch.NewTimeUnknown)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("meeting %d changed meanwhile: %w", ch.MeetingID, commands.ErrConflict)
		}
		if err != nil {
			return err
		}
		var changeID int64
		err = tx.GetContext(ctx, &changeID, `INSERT INTO meeting_changes (meeting_id, committee_id, old_starts_at, new_starts_at,
				old_time_known, new_time_known, old_venue, new_venue, by_user, at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, COALESCE($10, now())) RETURNING id`,
			ch.MeetingID, committeeID, ch.OldStartsAt, ch.NewStartsAt, !ch.OldTimeUnknown, !ch.NewTimeUnknown,
			ch.OldVenue, ch.NewVenue, ch.By, nullTime(ch.At))
		if err != nil {
			return err
		}
		if err := audit(ctx, tx, committeeID, ch.By, "meeting.change", "", map[string]any{
			"meeting": ch.MeetingID, "change": changeID, "from": ch.OldStartsAt, "to": ch.NewStartsAt,
			"venue_from": ch.OldVenue, "venue_to": ch.NewVenue}); err != nil {
			return err
		}
		// Told in the change's own transaction: everyone whose apologies
		// stand when it commits hears of it, and each substitute they
		// named, once.
		for _, n := range []struct {
			reply commands.Reply
			query string
		}{{notices.Apologies, `
			SELECT CAST($1 AS bigint), 'dm', a.user_id, 'meeting-change:' || CAST($2 AS bigint) || ':' || a.user_id,
				CAST($3 AS jsonb), COALESCE(CAST($4 AS timestamptz), now())
			FROM apologies a WHERE a.meeting_id = $5 AND NOT a.withdrawn AND a.user_id IS NOT NULL`,
		}, {notices.Substitutes, `
			SELECT DISTINCT ON (a.substitute_id) CAST($1 AS bigint), 'dm', a.substitute_id, 'meeting-change:' || CAST($2 AS bigint) || ':substitute:' || a.substitute_id,
				CAST($3 AS jsonb), COALESCE(CAST($4 AS timestamptz), now())
			FROM apologies a WHERE a.meeting_id = $5 AND NOT a.withdrawn AND a.substitute_id IS NOT NULL AND a.substitute_id <> ''`,
		}} {
			if n.reply.Text == "" {
				continue
			}
			payload, err := json.Marshal(n.reply)
			if err != nil {
				return err
			}
			_, err = tx.ExecContext(ctx, `INSERT INTO outbox (committee_id, kind, user_id, dedupe_key, payload, due_at)`+n.query+`
				ON CONFLICT (dedupe_key) DO NOTHING`, committeeID, changeID, string(payload), nullTime(ch.At), ch.MeetingID)
			if err != nil {
				return err
			}
		}
		// The posted agenda shows the date, time and venue; every
		// member's Home shows the next meeting.
		if err := markStale(ctx, tx, ch.MeetingID, nil); err != nil {
			return err
		}
		if err := markSubstituteHomes(ctx, tx, ch.MeetingID, ch.At); err != nil {
			return err
		}
		var row meetingRow
		if err := tx.GetContext(ctx, &row, `SELECT `+meetingColumns+` FROM meetings m WHERE m.id = $1`, ch.MeetingID); err != nil {
			return err
		}
		out = row.meeting()
		return nil
	})
	return out, err
}

// MeetingEvents implements commands.MeetingStore. They are read from the
// audit log, where scheduling, cancelling and importing a meeting have
// always been kept.
func (db *DB) MeetingEvents(ctx context.Context, meetingID int64) ([]commands.MeetingEvent, error) {
	var rows []struct {
		Action string    `db:"action"`
		By     string    `db:"actor"`
		At     time.Time `db:"at"`
	}
	err := db.x.SelectContext(ctx, &rows, `SELECT l.action, l.actor, l.at FROM audit_log l
		WHERE l.committee_id = (SELECT committee_id FROM meetings WHERE id = $1)
			AND l.detail->>'meeting' = CAST($1 AS text)
			AND l.action IN ('meeting.schedule', 'meeting.cancelled', 'meeting.import')
		ORDER BY l.at, l.id`, meetingID)
	if err != nil {
		return nil, mapErr("meeting events", err)
	}
	out := make([]commands.MeetingEvent, len(rows))
	for i, r := range rows {
		out[i] = commands.MeetingEvent{Action: map[string]string{
			"meeting.schedule": commands.MeetingEventScheduled, "meeting.cancelled": commands.MeetingEventCancelled,
			"meeting.import": commands.MeetingEventImported,
		}[r.Action], By: r.By, At: r.At}
	}
	return out, nil
}

// MovedOff implements commands.MeetingStore.
func (db *DB) MovedOff(ctx context.Context, committeeID int64, from, to time.Time) (commands.Meeting, error) {
	var row meetingRow
	err := db.x.GetContext(ctx, &row, `SELECT `+meetingBriefColumns+` FROM meeting_changes c JOIN meetings m ON m.id = c.meeting_id
		WHERE c.committee_id = $1 AND c.old_starts_at >= $2 AND c.old_starts_at < $3
		  AND m.status <> 'cancelled' AND NOT (m.starts_at >= $2 AND m.starts_at < $3)
		ORDER BY c.id DESC LIMIT 1`, committeeID, from, to)
	return row.meeting(), mapErr("moved off", err)
}

// ChangedMeeting implements commands.MeetingStore.
func (db *DB) ChangedMeeting(ctx context.Context, changeID int64) (int64, error) {
	var id int64
	err := db.x.GetContext(ctx, &id, `SELECT meeting_id FROM meeting_changes WHERE id = $1`, changeID)
	return id, mapErr("changed meeting", err)
}

// MeetingChanges implements commands.MeetingStore.
func (db *DB) MeetingChanges(ctx context.Context, meetingID int64) ([]commands.MeetingChange, error) {
	var rows []struct {
		ID           int64     `db:"id"`
		MeetingID    int64     `db:"meeting_id"`
		CommitteeID  int64     `db:"committee_id"`
		OldStartsAt  time.Time `db:"old_starts_at"`
		NewStartsAt  time.Time `db:"new_starts_at"`
		OldTimeKnown bool      `db:"old_time_known"`
		NewTimeKnown bool      `db:"new_time_known"`
		OldVenue     string    `db:"old_venue"`
		NewVenue     string    `db:"new_venue"`
		By           string    `db:"by_user"`
		At           time.Time `db:"at"`
	}
	err := db.x.SelectContext(ctx, &rows, `SELECT id, meeting_id, committee_id, old_starts_at, new_starts_at,
			old_time_known, new_time_known, old_venue, new_venue, by_user, at
		FROM meeting_changes WHERE meeting_id = $1 ORDER BY id`, meetingID)
	if err != nil {
		return nil, mapErr("meeting changes", err)
	}
	out := make([]commands.MeetingChange, len(rows))
	for i, r := range rows {
		out[i] = commands.MeetingChange{ID: r.ID, MeetingID: r.MeetingID, CommitteeID: r.CommitteeID,
			OldStartsAt: r.OldStartsAt, NewStartsAt: r.NewStartsAt, OldTimeUnknown: !r.OldTimeKnown, NewTimeUnknown: !r.NewTimeKnown,
			OldVenue: r.OldVenue, NewVenue: r.NewVenue, By: r.By, At: r.At}
	}
	return out, nil
}
