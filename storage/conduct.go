package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"github.com/quorumhq/quorum/commands"
)

// liveKey names the "Meeting in progress" message of a meeting; see
// commands.LiveKey.
func liveKey(meetingID int64) string { return commands.LiveKey(meetingID) }

// markLive marks, in the caller's transaction, the live message of the
// meeting as needing an update, when it was posted or is queued for
// posting. Like mark_stale, marks coalesce: while one is pending and not
// yet claimed, another adds nothing, so forty people pressing I'm here at
// once leave one or two edits, each built from the records when sent.
func markLive(ctx context.Context, q sqlx.ExtContext, meetingID int64) error {
	key := liveKey(meetingID)
	_, err := q.ExecContext(ctx, `
		INSERT INTO outbox (committee_id, kind, channel_id, message_key, payload)
		SELECT c.id, 'update', c.channel_id, $2, '{}' FROM meetings m JOIN committees c ON c.id = m.committee_id
		WHERE m.id = $1 AND (
			EXISTS (SELECT 1 FROM slack_messages WHERE message_key = $2)
			OR EXISTS (SELECT 1 FROM outbox WHERE message_key = $2 AND kind = 'post' AND state = 'pending'))
		ON CONFLICT (kind, message_key) WHERE kind IN ('update', 'home') AND state = 'pending' AND locked_until IS NULL
		DO NOTHING`, meetingID, key)
	return err
}

// markLiveOf marks, in the caller's transaction, the live messages of the
// committee's meetings in progress, for a change they show that is no
// record of the meeting's own: the quorum rule, who is a member and who
// votes.
func markLiveOf(ctx context.Context, q sqlx.ExtContext, committeeID int64) error {
	var running []int64
	err := sqlx.SelectContext(ctx, q, &running, `SELECT m.id FROM meetings m WHERE m.committee_id = $1
		AND EXISTS (SELECT 1 FROM meeting_sessions s WHERE s.meeting_id = m.id AND s.action = 'opened')
		AND NOT EXISTS (SELECT 1 FROM meeting_sessions s WHERE s.meeting_id = m.id AND s.action = 'closed')`, committeeID)
	if err != nil {
		return err
	}
	for _, id := range running {
		if err := markLive(ctx, q, id); err != nil {
			return err
		}
	}
	return nil
}

// RecordSession implements commands.ConductStore. The row takes the next
// number in the meeting's log: two replicas opening the same meeting at
// once both read the same state and number, and the unique key lets one
// of them in. The meeting's row is locked, as CancelMeeting locks it, so
// that a meeting is never opened as it is cancelled: one cancelled is not
// opened. Apologies being sent for the meeting hold the row shared
// (meetingShared), so the opening waits for them and they are part of
// what it starts from; those sent after it find opened_at set. The live
// message post was built from the apologies read before the lock: when
// they are not those standing once it is held, the opening marks the
// message for an update (markLive) in its own transaction, as every
// write marks what it changes, and the edit is built from the records
// when it is sent.
func (db *DB) RecordSession(ctx context.Context, e commands.SessionEvent, after []commands.SessionAction, post *commands.LivePost) (bool, error) {
	added := false
	err := db.inTx(ctx, "record session", func(tx *Tx) error {
		var status string
		if err := tx.GetContext(ctx, &status, `SELECT status FROM meetings WHERE id = $1 FOR NO KEY UPDATE`, e.MeetingID); err != nil {
			return err
		}
		if e.Action == commands.ActionOpened && status != string(commands.MeetingScheduled) {
			return nil
		}
		// The number taken by another action committed meanwhile (the
		// officer taking up an item as the chair adjourns) is read on the
		// next round, which decides again from the state it left; the same
		// action taken twice at once is recorded once.
		for round := 0; ; round++ {
			var seq int
			var state, lastAction, lastItem string
			err := tx.QueryRowxContext(ctx, `SELECT COALESCE(max(seq), 0),
				COALESCE((SELECT action FROM meeting_sessions WHERE meeting_id = $1 AND action NOT IN ('item', 'item undone') ORDER BY seq DESC LIMIT 1), ''),
				COALESCE((SELECT action FROM meeting_sessions WHERE meeting_id = $1 ORDER BY seq DESC LIMIT 1), ''),
				COALESCE((SELECT item FROM meeting_sessions WHERE meeting_id = $1 ORDER BY seq DESC LIMIT 1), '')
				FROM meeting_sessions WHERE meeting_id = $1`, e.MeetingID).Scan(&seq, &state, &lastAction, &lastItem)
			if err != nil {
				return err
			}
			if !slices.Contains(after, commands.SessionAction(state)) ||
				round > 0 && lastAction == string(e.Action) && lastItem == e.Item {
				return nil
			}
			if round == 5 {
				return fmt.Errorf("the meeting's log kept changing: %w", commands.ErrConflict)
			}
			res, err := tx.ExecContext(ctx, `INSERT INTO meeting_sessions (meeting_id, seq, action, item, at, by_user)
				VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
				e.MeetingID, seq+1, string(e.Action), e.Item, e.At, e.By)
			if err != nil {
				return err
			}
			if n, _ := res.RowsAffected(); n > 0 {
				break
			}
		}
		added = true
		if e.Action == commands.ActionOpened {
			// Apologies for the meeting take its row, shared, on
			// condition that this is not set (meetingShared): those sent
			// before are committed before the lock taken above is
			// granted, and those sent as this commits find it set.
			if _, err := tx.ExecContext(ctx, `UPDATE meetings SET opened_at = $2 WHERE id = $1 AND opened_at IS NULL`, e.MeetingID, e.At); err != nil {
				return err
			}
			// No longer the next meeting: the Homes of its substitutes,
			// and of those at the one after, move on, as the members'
			// do (markStale, below).
			if err := markSubstituteHomes(ctx, tx, e.MeetingID, e.At); err != nil {
				return err
			}
		}
		if e.Action == commands.ActionClosed {
			// A closed meeting was held: declarations and apologies for it
			// are closed, and /minutes draft finds it. Apologies received
			// at it take its row, shared, on condition that it is still
			// scheduled (receiveApologySQL), so they are received before
			// this or refused.
			if _, err := tx.ExecContext(ctx, `UPDATE meetings SET status = 'held' WHERE id = $1 AND status = 'scheduled'`, e.MeetingID); err != nil {
				return err
			}
			// Its substitutes' Homes showed it under way: they drop it.
			if err := markSubstituteHomes(ctx, tx, e.MeetingID, e.At); err != nil {
				return err
			}
		}
		if e.Action == commands.ActionAdjourned || e.Action == commands.ActionResumed {
			// Its substitutes' Homes say whether it is adjourned, as the
			// members' do (markStale, below).
			if err := markSubstituteHomes(ctx, tx, e.MeetingID, e.At); err != nil {
				return err
			}
		}
		if e.Action == commands.ActionItem {
			// The officers', the chair's and the vice-chair's Homes give
			// the quorum of the item taken up, as the live message does;
			// no one else's changes, nor the posted agenda.
			if _, err := tx.ExecContext(ctx, `SELECT mark_stale(committee_id, NULL, $2) FROM meetings WHERE id = $1`,
				e.MeetingID, pq.Array([]string{})); err != nil {
				return err
			}
			return markLive(ctx, tx, e.MeetingID)
		}
		// Every member's Home says whether a meeting is in progress, and
		// mark_stale marks the live message too (migration 00018). It runs
		// before the live message is queued, so that opening the meeting
		// posts it without an edit straight after.
		if err := markStale(ctx, tx, e.MeetingID, nil); err != nil {
			return err
		}
		if post == nil {
			return nil
		}
		msg := post.Message
		payload, err := json.Marshal(msg.Reply)
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `
			INSERT INTO outbox (committee_id, kind, channel_id, message_key, dedupe_key, payload, due_at)
			VALUES ($1, 'post', $2, $3, $4, $5, $6) ON CONFLICT (dedupe_key) DO NOTHING`,
			nullID(msg.CommitteeID), msg.ChannelID, msg.MessageKey, nullString(msg.DedupeKey), string(payload), msg.DueAt)
		if err != nil {
			return err
		}
		changed, err := apologiesChanged(ctx, tx, e.MeetingID, post.Apologies)
		if err != nil || !changed {
			return err
		}
		// After the post, which markLive needs to find: the update is
		// claimed once the post has gone.
		return markLive(ctx, tx, e.MeetingID)
	})
	return added, err
}

// apologiesChanged says whether the apologies standing for the meeting
// are other than was, by id and when each was last changed: every send,
// change or withdrawal sets updated_at, or takes an apology out of those
// standing.
func apologiesChanged(ctx context.Context, q sqlx.QueryerContext, meetingID int64, was []commands.Apology) (bool, error) {
	ids := make(pq.Int64Array, len(was))
	at := make(pq.StringArray, len(was))
	for i, a := range was {
		ids[i], at[i] = a.ID, a.UpdatedAt.Format(time.RFC3339Nano)
	}
	var changed bool
	err := sqlx.GetContext(ctx, q, &changed, `
		WITH now AS (
			SELECT id, updated_at FROM apologies WHERE meeting_id = $1 AND NOT withdrawn
		), was AS (
			SELECT id, updated_at FROM unnest(CAST($2 AS bigint[]), CAST($3 AS timestamptz[])) AS w(id, updated_at)
		)
		SELECT EXISTS (SELECT * FROM now EXCEPT SELECT * FROM was)
		    OR EXISTS (SELECT * FROM was EXCEPT SELECT * FROM now)`, meetingID, ids, at)
	return changed, err
}

type sessionRow struct {
	MeetingID int64     `db:"meeting_id"`
	Seq       int       `db:"seq"`
	Action    string    `db:"action"`
	Item      string    `db:"item"`
	At        time.Time `db:"at"`
	By        string    `db:"by_user"`
}

// Sessions implements commands.ConductStore.
func (db *DB) Sessions(ctx context.Context, meetingID int64) ([]commands.SessionEvent, error) {
	out, err := sessions(ctx, db.x, meetingID)
	return out, mapErr("sessions", err)
}

// sessions reads meeting meetingID's log in q.
func sessions(ctx context.Context, q sqlx.QueryerContext, meetingID int64) ([]commands.SessionEvent, error) {
	var rows []sessionRow
	err := sqlx.SelectContext(ctx, q, &rows, `SELECT meeting_id, seq, action, item, at, by_user
		FROM meeting_sessions WHERE meeting_id = $1 ORDER BY seq`, meetingID)
	if err != nil {
		return nil, err
	}
	out := make([]commands.SessionEvent, len(rows))
	for i, r := range rows {
		out[i] = commands.SessionEvent{MeetingID: r.MeetingID, Seq: r.Seq, Action: commands.SessionAction(r.Action), Item: r.Item, At: r.At, By: r.By}
	}
	return out, nil
}

// TakeChair implements commands.ConductStore. The meeting's row is
// locked, as RecordSession locks it, so that the chair is not taken as
// the meeting closes: it is taken before the close or refused after it.
// The row takes c.Seq, the number after the last in the log its caller
// read, and only while that is still the next: two records made at once
// from the same reading leave one, and the other is told so. Whether the
// member may take the chair again is not for the log to say: a member who
// took it, handed it back when the chair returned, and takes it again as
// the chair leaves a second time is a new entry.
func (db *DB) TakeChair(ctx context.Context, c commands.ChairTaken) (bool, error) {
	added := false
	err := db.inTx(ctx, "take chair", func(tx *Tx) error {
		var running bool
		if err := tx.GetContext(ctx, &running, `SELECT EXISTS (SELECT 1 FROM meeting_sessions s WHERE s.meeting_id = m.id AND s.action = 'opened')
				AND NOT EXISTS (SELECT 1 FROM meeting_sessions s WHERE s.meeting_id = m.id AND s.action = 'closed')
			FROM meetings m WHERE m.id = $1 FOR NO KEY UPDATE`, c.MeetingID); err != nil || !running {
			return err
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO chair_taken (meeting_id, seq, member_key, at, by_user)
			SELECT $1, $2, $3, $4, $5 FROM chair_taken WHERE meeting_id = $1
			HAVING COALESCE(max(seq), 0) = $2 - 1`,
			c.MeetingID, c.Seq, c.MemberKey, c.At, c.By)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return nil
		}
		added = true
		// The live message and the Homes of those who run the meeting
		// name whoever presides.
		return markStale(ctx, tx, c.MeetingID, nil)
	})
	return added, mapErr("take chair", err)
}

// ChairsTaken implements commands.ConductStore.
func (db *DB) ChairsTaken(ctx context.Context, meetingID int64) ([]commands.ChairTaken, error) {
	var rows []struct {
		MeetingID int64     `db:"meeting_id"`
		Seq       int       `db:"seq"`
		MemberKey string    `db:"member_key"`
		At        time.Time `db:"at"`
		By        string    `db:"by_user"`
	}
	err := sqlx.SelectContext(ctx, db.x, &rows, `SELECT meeting_id, seq, member_key, at, by_user
		FROM chair_taken WHERE meeting_id = $1 ORDER BY seq`, meetingID)
	if err != nil {
		return nil, mapErr("chairs taken", err)
	}
	out := make([]commands.ChairTaken, len(rows))
	for i, r := range rows {
		out[i] = commands.ChairTaken{MeetingID: r.MeetingID, Seq: r.Seq, MemberKey: r.MemberKey, At: r.At, By: r.By}
	}
	return out, nil
}

// RunningMeetings implements commands.ConductStore.
func (db *DB) RunningMeetings(ctx context.Context, committeeIDs []int64) ([]commands.Meeting, error) {
	return selectMeetings(ctx, db.x, "running meetings", `SELECT `+meetingColumns+` FROM meetings m
		WHERE m.committee_id = ANY ($1)
		  AND EXISTS (SELECT 1 FROM meeting_sessions s WHERE s.meeting_id = m.id AND s.action = 'opened')
		  AND NOT EXISTS (SELECT 1 FROM meeting_sessions s WHERE s.meeting_id = m.id AND s.action = 'closed')
		ORDER BY m.starts_at`, pq.Array(committeeIDs))
}

// MarkAttendance implements commands.ConductStore. The mark takes the
// next number in the person's log, so two presses of I'm here at once,
// on one replica or two, leave one mark: the second finds its number
// taken and the mark already standing.
//
// A mark that may lose the quorum reads the meeting's log for lost under
// the meeting's attendance lock, held alone; every other mark holds it
// shared from its insert to its commit, so that none commits between
// that read and the commit of the mark read with it. Those others, the
// presses of I'm here, wait for none of each other and add no round
// trip.
func (db *DB) MarkAttendance(ctx context.Context, m commands.AttendanceMark, lost func([]commands.AttendanceMark) []commands.OutboxMessage) (bool, error) {
	added, err := db.markAttendance(ctx, m, lost, false)
	if errors.Is(err, errLockAlone) {
		// Taken for one that could not lose it, the person's number was
		// taken meanwhile by a mark after which this one may: marked again
		// from the start under the lock held alone, rather than waiting
		// for it while holding it shared.
		added, err = db.markAttendance(ctx, m, lost, true)
	}
	return added, err
}

// errLockAlone rolls back a mark that needs the attendance lock held alone
// after it took it shared.
var errLockAlone = errors.New("the mark needs the attendance lock alone")

// attendanceLock is the key of a meeting's attendance lock.
const attendanceLock = `hashtextextended('attendance:' || CAST($1 AS bigint), 0)`

func (db *DB) markAttendance(ctx context.Context, m commands.AttendanceMark, lost func([]commands.AttendanceMark) []commands.OutboxMessage, alone bool) (bool, error) {
	added := false
	err := db.inTx(ctx, "mark attendance", func(tx *Tx) error {
		shared := false
		// A mark that takes the person away (left, absent, in attendance)
		// may lose the quorum whatever went before it: it takes the lock
		// with its first read.
		alone = alone || lost != nil && !counts(m.Status)
		// A substitute who must be the member's only one takes it too:
		// read under it, the others here stand until the mark commits.
		alone = alone || m.Sole
		// A mark that took the number first is committed by the time the
		// insert finds the number taken, so the log read again holds it:
		// the same mark is then standing, and a different one (an officer
		// marking someone absent as they press I'm here) follows it
		// instead of being lost and answered as if it stood.
		for round := range 5 {
			same, last, err := standing(ctx, tx, m, alone && round == 0)
			if err != nil || same {
				return err
			}
			if m.Sole {
				if err := soleSubstitute(ctx, tx, m); err != nil {
					return err
				}
			}
			// A mark that counts the person takes no one counted away,
			// unless it ends their being counted for someone else (for
			// the member they stood in for, or for themselves).
			may := lost != nil && (!counts(m.Status) || last.Seq > 0 && counts(commands.AttendanceStatus(last.Status)) && last.SubFor != m.SubstituteFor)
			switch {
			case may && shared:
				return errLockAlone
			case may && !alone:
				if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(`+attendanceLock+`)`, m.MeetingID); err != nil {
					return err
				}
				alone = true
			}
			var id int64
			if added, id, err = markAs(ctx, tx, m, last.Seq+1, !alone); err != nil {
				return err
			}
			shared = shared || !alone
			if !added {
				continue
			}
			if !may {
				return nil
			}
			return queueLost(ctx, tx, m.MeetingID, id, lost)
		}
		return fmt.Errorf("the person's log kept changing: %w", commands.ErrConflict)
	})
	return added, err
}

// soleSubstitute fails with ErrConflict when someone other than m's
// person is here, by their latest mark, as the substitute of the member m
// has them stand in for. The caller holds the meeting's attendance lock
// alone, which every mark takes, so no other mark commits between this
// read and m's commit: two substitutes for one member sent at once are
// not both marked.
func soleSubstitute(ctx context.Context, tx *Tx, m commands.AttendanceMark) error {
	var other bool
	err := tx.GetContext(ctx, &other, `SELECT EXISTS (
		SELECT 1 FROM (SELECT DISTINCT ON (member_key) member_key, status, substitute_for
			FROM attendance_marks WHERE meeting_id = $1 ORDER BY member_key, seq DESC) l
		WHERE l.member_key <> $2 AND l.substitute_for = $3 AND l.status IN ($4, $5, $6, $7))`,
		m.MeetingID, m.MemberKey, m.SubstituteFor, string(commands.AttendPresent), string(commands.AttendLate),
		string(commands.AttendRemote), string(commands.AttendInAttendance))
	if err != nil {
		return err
	}
	if other {
		return fmt.Errorf("someone else is here as %s's substitute: %w", m.SubstituteFor, commands.ErrConflict)
	}
	return nil
}

// counts says whether a mark of status counts the person to the quorum.
func counts(s commands.AttendanceStatus) bool {
	return s == commands.AttendPresent || s == commands.AttendLate || s == commands.AttendRemote
}

// queueLost reads the meeting's log, made by the mark numbered id, and
// queues what lost makes of it.
func queueLost(ctx context.Context, tx *Tx, meetingID, id int64, lost func([]commands.AttendanceMark) []commands.OutboxMessage) error {
	log, err := attendanceLog(ctx, tx, meetingID)
	if err != nil {
		return err
	}
	if len(log) == 0 || log[len(log)-1].ID != id {
		// Under the lock no mark follows this one; should one, the
		// notice would be made of a log that is not the one committed.
		return fmt.Errorf("mark %d is not the last of meeting %d's log", id, meetingID)
	}
	for _, msg := range lost(log) {
		// A notice of this loss queued before (the same key) stands.
		if err := enqueue(ctx, tx, msg); err != nil && !errors.Is(err, errDuplicate) {
			return err
		}
	}
	return nil
}

// lastMark is the person's last mark; Seq 0 when they have none.
type lastMark struct {
	Seq    int       `db:"seq"`
	Status string    `db:"status"`
	SubFor string    `db:"substitute_for"`
	At     time.Time `db:"at"`
}

// standing reports whether mark m is the person's standing mark already,
// so that marking them so again adds nothing, and their last mark. lock
// takes the meeting's attendance lock alone with the read.
func standing(ctx context.Context, tx *Tx, m commands.AttendanceMark, lock bool) (same bool, last lastMark, err error) {
	query := `SELECT seq, status, substitute_for, at FROM attendance_marks
		WHERE meeting_id = $1 AND member_key = $2 ORDER BY seq DESC LIMIT 1`
	if lock {
		// The lock is the outer side of the join, so that it is taken
		// whether or not the person has a mark.
		query = `SELECT COALESCE(a.seq, 0) AS seq, COALESCE(a.status, '') AS status, COALESCE(a.substitute_for, '') AS substitute_for,
				COALESCE(a.at, 'epoch') AS at
			FROM (SELECT pg_advisory_xact_lock(` + attendanceLock + `)) l
			LEFT JOIN LATERAL (SELECT seq, status, substitute_for, at FROM attendance_marks
				WHERE meeting_id = $1 AND member_key = $2 ORDER BY seq DESC LIMIT 1) a ON true`
	}
	err = tx.GetContext(ctx, &last, query, m.MeetingID, m.MemberKey)
	switch {
	case m.Corrects && (errors.Is(err, sql.ErrNoRows) || err == nil && (last.Seq == 0 || last.Status != string(commands.AttendLeft))):
		// The departure it withdraws is no longer their latest mark: they
		// were marked again meanwhile.
		return false, lastMark{}, fmt.Errorf("the departure to withdraw is not the person's latest mark: %w", commands.ErrConflict)
	case errors.Is(err, sql.ErrNoRows), err == nil && last.Seq == 0:
		return false, lastMark{}, nil
	case err != nil:
		return false, lastMark{}, err
	}
	return last.Status == string(m.Status) && last.SubFor == m.SubstituteFor &&
		(last.At.Equal(m.At) || m.Status != commands.AttendLate && m.Status != commands.AttendLeft), last, nil
}

// attendedReason, an SQL literal, is the reason of an apology's
// withdrawal made by marking its sender here: the mark's doing, which
// marking them absent undoes, and not a change to the apology.
const attendedReason = `'attended the meeting'`

// markAs adds m as number seq in the person's log, with what follows from
// it; added is false when that number was taken meanwhile. shared holds
// the meeting's attendance lock shared, from before the insert.
func markAs(ctx context.Context, tx *Tx, m commands.AttendanceMark, seq int, shared bool) (added bool, id int64, err error) {
	from := ``
	if shared {
		from = ` FROM pg_advisory_xact_lock_shared(` + attendanceLock + `)`
	}
	// entered_at stays on the database's clock: FormerMembers compares
	// it with members' removal, which is stamped by that clock too, to
	// tell who was a member when marked. The apology rows below take the
	// request's time, as the apologies' history does.
	err = tx.GetContext(ctx, &id, `INSERT INTO attendance_marks
		(meeting_id, member_key, seq, user_id, name, organisation, status, at, substitute_for, entered_by, corrects)
		SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11`+from+` ON CONFLICT DO NOTHING RETURNING id`,
		m.MeetingID, m.MemberKey, seq, m.UserID, m.Name, m.Organisation, string(m.Status), m.At, m.SubstituteFor, m.By, m.Corrects)
	if errors.Is(err, sql.ErrNoRows) {
		return false, 0, nil
	}
	if err != nil {
		return false, 0, err
	}
	switch m.Status {
	case commands.AttendPresent, commands.AttendLate, commands.AttendRemote:
		// Here after all: their apology no longer stands, and its
		// history says who recorded them here.
		_, err = tx.ExecContext(ctx, `WITH w AS (
				UPDATE apologies SET withdrawn = true, updated_at = COALESCE(CAST($4 AS timestamptz), now())
				WHERE meeting_id = $1 AND member_key = $2 AND NOT withdrawn RETURNING id)
			INSERT INTO apology_history (apology_id, action, reason, by_user, at)
			SELECT id, 'withdrawn', `+attendedReason+`, $3, COALESCE(CAST($4 AS timestamptz), now()) FROM w`,
			m.MeetingID, m.MemberKey, m.By, nullTime(m.EnteredAt))
		if err != nil {
			return false, 0, err
		}
	case commands.AttendAbsent:
		// Absent after all: apologies that a mark of them here took back
		// (their last change) stand again, as sent. Apologies they
		// withdrew themselves stay withdrawn.
		_, err = tx.ExecContext(ctx, `WITH last AS (
				SELECT DISTINCT ON (h.apology_id) h.apology_id, h.action, h.reason
				FROM apology_history h JOIN apologies a ON a.id = h.apology_id
				WHERE a.meeting_id = $1 AND a.member_key = $2 AND a.withdrawn
				ORDER BY h.apology_id, h.id DESC),
			r AS (
				UPDATE apologies a SET withdrawn = false, updated_at = COALESCE(CAST($4 AS timestamptz), now())
				FROM last WHERE a.id = last.apology_id AND last.action = 'withdrawn' AND last.reason = `+attendedReason+`
				RETURNING a.id, a.reason, a.substitute_name)
			INSERT INTO apology_history (apology_id, action, reason, substitute_name, by_user, at)
			SELECT id, 'restored', reason, substitute_name, $3, COALESCE(CAST($4 AS timestamptz), now()) FROM r`,
			m.MeetingID, m.MemberKey, m.By, nullTime(m.EnteredAt))
		if err != nil {
			return false, 0, err
		}
	}
	// mark_stale marks the live message too (migration 00018).
	users := []string{}
	if m.UserID != "" {
		users = append(users, m.UserID)
	}
	return true, id, markStale(ctx, tx, m.MeetingID, users)
}

type markRow struct {
	ID           int64     `db:"id"`
	MeetingID    int64     `db:"meeting_id"`
	MemberKey    string    `db:"member_key"`
	Seq          int       `db:"seq"`
	UserID       string    `db:"user_id"`
	Name         string    `db:"name"`
	Organisation string    `db:"organisation"`
	Status       string    `db:"status"`
	At           time.Time `db:"at"`
	SubFor       string    `db:"substitute_for"`
	By           string    `db:"entered_by"`
	EnteredAt    time.Time `db:"entered_at"`
	Corrects     bool      `db:"corrects"`
}

// AttendanceLog implements commands.ConductStore.
func (db *DB) AttendanceLog(ctx context.Context, meetingID int64) ([]commands.AttendanceMark, error) {
	log, err := attendanceLog(ctx, db.x, meetingID)
	return log, mapErr("attendance", err)
}

func attendanceLog(ctx context.Context, q sqlx.QueryerContext, meetingID int64) ([]commands.AttendanceMark, error) {
	var rows []markRow
	err := sqlx.SelectContext(ctx, q, &rows, `SELECT id, meeting_id, member_key, seq, user_id, name, organisation,
		status, at, substitute_for, entered_by, entered_at, corrects
		FROM attendance_marks WHERE meeting_id = $1 ORDER BY id`, meetingID)
	if err != nil {
		return nil, err
	}
	out := make([]commands.AttendanceMark, len(rows))
	for i, r := range rows {
		out[i] = commands.AttendanceMark{ID: r.ID, MeetingID: r.MeetingID, MemberKey: r.MemberKey, Seq: r.Seq,
			UserID: r.UserID, Name: r.Name, Organisation: r.Organisation, Status: commands.AttendanceStatus(r.Status),
			At: r.At, SubstituteFor: r.SubFor, By: r.By, EnteredAt: r.EnteredAt, Corrects: r.Corrects}
	}
	return out, nil
}

// QuorumRule implements commands.ConductStore.
func (db *DB) QuorumRule(ctx context.Context, committeeID int64) (commands.QuorumRule, error) {
	var r struct {
		Fixed sql.NullInt64 `db:"fixed"`
		Num   sql.NullInt64 `db:"numerator"`
		Den   sql.NullInt64 `db:"denominator"`
		Min   int           `db:"minimum"`
	}
	err := db.x.GetContext(ctx, &r, `SELECT fixed, numerator, denominator, minimum FROM quorum_rules WHERE committee_id = $1`, committeeID)
	if errors.Is(err, sql.ErrNoRows) {
		return commands.QuorumRule{}, nil
	}
	if err != nil {
		return commands.QuorumRule{}, mapErr("quorum rule", err)
	}
	return commands.QuorumRule{Fixed: int(r.Fixed.Int64), Numerator: int(r.Num.Int64), Denominator: int(r.Den.Int64), Minimum: r.Min}, nil
}

// QuorumRules implements commands.ConductStore. The audit log keeps each
// rule set, at the request's time, and is the rule's history: the row in
// quorum_rules is only the latest. A rule in the row that the log has no
// entry for (written before the log kept it) stands from when it was set.
func (db *DB) QuorumRules(ctx context.Context, committeeID int64) ([]commands.QuorumRuleSet, error) {
	var rows []struct {
		Rule string    `db:"rule"`
		At   time.Time `db:"at"`
	}
	err := db.x.SelectContext(ctx, &rows, `SELECT COALESCE(detail->>'rule', '') AS rule, at FROM audit_log
		WHERE committee_id = $1 AND action = 'quorum.set' ORDER BY at, id`, committeeID)
	if err != nil {
		return nil, mapErr("quorum rules", err)
	}
	if len(rows) == 0 {
		r, err := db.QuorumRule(ctx, committeeID)
		if err != nil || !r.Set() {
			return nil, err
		}
		var at time.Time
		if err := db.x.GetContext(ctx, &at, `SELECT set_at FROM quorum_rules WHERE committee_id = $1`, committeeID); err != nil {
			return nil, mapErr("quorum rule", err)
		}
		return []commands.QuorumRuleSet{{Rule: r, At: at}}, nil
	}
	out := make([]commands.QuorumRuleSet, 0, len(rows))
	for _, row := range rows {
		// Every rule is logged as `/committee quorum` takes it; one that
		// does not read back is skipped rather than taken for no rule.
		r, err := commands.ReadQuorumRule(row.Rule)
		if err != nil {
			continue
		}
		out = append(out, commands.QuorumRuleSet{Rule: r, At: row.At})
	}
	return out, nil
}

// SetQuorumRule implements commands.ConductStore.
func (db *DB) SetQuorumRule(ctx context.Context, committeeID int64, r commands.QuorumRule, by string, at time.Time) error {
	return db.inTx(ctx, "set quorum rule", func(tx *Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO quorum_rules (committee_id, fixed, numerator, denominator, minimum, set_by, set_at)
			VALUES ($1, $2, $3, $4, $5, $6, COALESCE(CAST($7 AS timestamptz), now()))
			ON CONFLICT (committee_id) DO UPDATE SET fixed = EXCLUDED.fixed, numerator = EXCLUDED.numerator,
				denominator = EXCLUDED.denominator, minimum = EXCLUDED.minimum, set_by = EXCLUDED.set_by, set_at = EXCLUDED.set_at`,
			committeeID, nullInt(r.Fixed), nullInt(r.Numerator), nullInt(r.Denominator), r.Minimum, by, nullTime(at))
		if err != nil {
			return err
		}
		if err := auditAt(ctx, tx, committeeID, by, "quorum.set", "", map[string]string{"rule": r.String()}, at); err != nil {
			return err
		}
		// The live message of a meeting in progress shows the quorum, and
		// so do the officers', the chair's and the vice-chair's Homes.
		if err := markHomesStale(ctx, tx, committeeID, []string{}); err != nil {
			return err
		}
		return markLiveOf(ctx, tx, committeeID)
	})
}

func nullInt(n int) sql.NullInt64 { return sql.NullInt64{Int64: int64(n), Valid: n > 0} }

// NonVoting implements commands.ConductStore.
func (db *DB) NonVoting(ctx context.Context, committeeID int64) ([]string, error) {
	var ids []string
	err := db.x.SelectContext(ctx, &ids, `SELECT user_id FROM members
		WHERE committee_id = $1 AND removed_at IS NULL AND NOT voting ORDER BY user_id`, committeeID)
	return ids, mapErr("non-voting members", err)
}

// setVoting sets, in the caller's transaction, whether a member votes,
// with its audit at at (zero: the database's clock); changed is false when
// it was so already or they are not a member.
func setVoting(ctx context.Context, tx *Tx, committeeID int64, userID string, voting bool, by string, at time.Time) (changed bool, err error) {
	res, err := tx.ExecContext(ctx, `UPDATE members SET voting = $3
		WHERE committee_id = $1 AND user_id = $2 AND removed_at IS NULL AND voting <> $3`, committeeID, userID, voting)
	if err != nil {
		return false, err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return false, nil
	}
	if err := auditAt(ctx, tx, committeeID, by, "member.voting", userID, map[string]bool{"voting": voting}, at); err != nil {
		return false, err
	}
	// The live message of a meeting in progress counts the voters.
	return true, markLiveOf(ctx, tx, committeeID)
}
