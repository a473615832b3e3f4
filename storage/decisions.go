package storage

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"github.com/quorumhq/quorum/commands"
)

// minutesConfirmed reports whether the minutes of a meeting are confirmed:
// approved, or imported (published minutes are confirmed by being
// published).
func minutesConfirmed(ctx context.Context, q sqlx.ExtContext, meetingID int64) (bool, error) {
	var confirmed bool
	err := sqlx.GetContext(ctx, q, &confirmed, `SELECT
		EXISTS (SELECT 1 FROM minutes_approvals WHERE meeting_id = $1)
		OR EXISTS (SELECT 1 FROM minutes WHERE meeting_id = $1 AND status = 'confirmed')`, meetingID)
	return confirmed, err
}

// WriteMinute implements commands.DecisionStore.
func (db *DB) WriteMinute(ctx context.Context, w commands.MinuteWrite) (commands.Minute, error) {
	var m commands.Minute
	err := db.inTx(ctx, "write minute", func(tx *Tx) error {
		id, err := writeMinute(ctx, tx, w)
		if err != nil {
			return err
		}
		m, err = minuteWritten(ctx, tx, w.CommitteeID, id)
		return err
	})
	if err != nil {
		return commands.Minute{}, err
	}
	return m, nil
}

// minuteWritten marks the Homes minute id's write changes, and reads the
// minute back.
func minuteWritten(ctx context.Context, tx *Tx, committeeID, id int64) (commands.Minute, error) {
	// Officers' Homes list the minutes waiting to be confirmed; the
	// Homes of those who proposed corrections to the minute say
	// whether it was amended after them.
	if _, err := tx.ExecContext(ctx, `SELECT mark_stale($1, NULL, `+correctors+`)
		FROM minutes mi WHERE mi.id = $2`, committeeID, id); err != nil {
		return commands.Minute{}, err
	}
	// Read back before the commit: a read that failed after it would
	// say NOT saved of a minute that was.
	return minuteByID(ctx, tx, id)
}

// correctors is the Slack users who proposed corrections to the minute
// mi, as mark_stale takes them: '{}' when none did.
const correctors = `COALESCE((SELECT array_agg(DISTINCT k.by_user) FROM minute_comments k WHERE k.minute_id = mi.id AND k.by_user <> ''), '{}')`

func writeMinute(ctx context.Context, tx *Tx, w commands.MinuteWrite) (int64, error) {
	// One writer at a time per meeting, so that a confirmation cannot
	// slip between the check and the write.
	if _, err := tx.ExecContext(ctx, `SELECT id FROM meetings WHERE id = $1 FOR UPDATE`, w.MeetingID); err != nil {
		return 0, err
	}
	confirmed, err := minutesConfirmed(ctx, tx, w.MeetingID)
	if err != nil {
		return 0, err
	}
	if confirmed {
		return 0, fmt.Errorf("storage: write minute: confirmed: %w", commands.ErrConflict)
	}
	// A decision on an item deferred at the meeting would have its minute
	// read both; read under the meeting's lock, which DeferItem takes, so
	// that neither slips past the other.
	if !w.AddResolution && w.Resolution != nil && w.Resolution.Body != "" && w.Item != "" {
		var deferred bool
		if err := tx.GetContext(ctx, &deferred, `SELECT EXISTS (SELECT 1 FROM deferrals
			WHERE meeting_id = $1 AND item_number = $2 AND undone_at IS NULL)`, w.MeetingID, w.Item); err != nil {
			return 0, err
		}
		if deferred {
			return 0, fmt.Errorf("storage: write minute: item %q deferred: %w", w.Item, commands.ErrDeferred)
		}
	}
	// Under the meeting's lock, which CommentMinute waits for: a
	// correction sent since the write read those it answers would be
	// taken as answered without being named. Every write of a minute
	// (a deferral, the confirmation an approval adds) answers them alike.
	if w.Corrections != nil {
		var n int
		if err := tx.GetContext(ctx, &n, `SELECT count(*) FROM minute_comments k JOIN minutes mi ON mi.id = k.minute_id
			WHERE mi.meeting_id = $1`, w.MeetingID); err != nil {
			return 0, err
		}
		if n != *w.Corrections {
			return 0, fmt.Errorf("storage: write minute: %d corrections, %d read: %w", n, *w.Corrections, commands.ErrMinutesChanged)
		}
	}
	if err := enqueueAll(ctx, tx, w.Told); err != nil {
		return 0, err
	}
	// The number of an item's first minute was worked out from the agenda
	// and the minutes before the lock: an item renumbered and minuted
	// since may have taken it. The minutes' unique number would refuse
	// the insert all the same, but as a bare conflict, which reads as
	// minutes confirmed; the officer is told the minutes changed. An item
	// with a minute keeps that minute's number, so is not asked about.
	var taken bool
	if err := tx.GetContext(ctx, &taken, `SELECT $3 <> ''
		AND EXISTS (SELECT 1 FROM minutes WHERE meeting_id = $1 AND number = $2 AND item_number <> $3)
		AND NOT EXISTS (SELECT 1 FROM minutes WHERE meeting_id = $1 AND item_number = $3)`,
		w.MeetingID, w.Number, w.Item); err != nil {
		return 0, err
	}
	if taken {
		return 0, fmt.Errorf("storage: write minute: number %q taken by another item's minute: %w", w.Number, commands.ErrMinutesChanged)
	}
	narrative, setNarrative := "", w.Narrative != nil
	if setNarrative {
		narrative = *w.Narrative
	}
	resolved, setResolved, word := "", w.Resolution != nil, ""
	if setResolved {
		resolved, word = w.Resolution.Body, w.Resolution.Word()
	}
	if w.IfChanged && !w.AddResolution {
		// Read under the meeting's lock taken above, so that the text
		// compared is the text the write would replace.
		var same bool
		// The same text under another word (NOTED for RESOLVED) is a change.
		err := tx.GetContext(ctx, &same, `SELECT (NOT $3 OR narrative = $4) AND (NOT $5 OR resolved = $6
				AND NOT EXISTS (SELECT 1 FROM resolutions r WHERE r.minute_id = minutes.id AND r.recorded_as <> $7))
			FROM minutes WHERE meeting_id = $1 AND item_number = $2 AND item_number <> ''`,
			w.MeetingID, w.Item, setNarrative, narrative, setResolved, resolved, word)
		switch {
		case err == nil && same:
			return 0, fmt.Errorf("storage: write minute: %w", commands.ErrUnchanged)
		case err != nil && !errors.Is(err, sql.ErrNoRows):
			return 0, err
		}
	}
	if w.Replaces != nil && w.Item != "" {
		// Read under the meeting's lock, as the comparison above. (A
		// minute under no item, imported, is not found by its item.)
		var now string
		err := tx.GetContext(ctx, &now, `SELECT CASE WHEN $3 THEN resolved ELSE narrative END
			FROM minutes WHERE meeting_id = $1 AND item_number = $2 AND item_number <> ''`,
			w.MeetingID, w.Item, setResolved)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return 0, err
		}
		if now != *w.Replaces {
			return 0, fmt.Errorf("storage: write minute: minute %q changed since it was read: %w", w.Number, commands.ErrMinutesChanged)
		}
	}
	// What the draft drew from the records stood as the part the write
	// sets until now, though never the minute's text: kept (below) as what
	// it read before, so that the history says what the officer's text
	// replaced. Only where that part has no text of its own, read under
	// the lock: one written meanwhile was shown as recorded.
	drawn := w.Drawn
	if drawn != "" {
		var had bool
		err := tx.GetContext(ctx, &had, `SELECT ($2 AND narrative <> '') OR ($3 AND resolved <> '')
			FROM minutes WHERE meeting_id = $1 AND item_number = $4 AND item_number <> ''`,
			w.MeetingID, setNarrative, setResolved, w.Item)
		switch {
		case err == nil && had:
			drawn = ""
		case err != nil && !errors.Is(err, sql.ErrNoRows):
			return 0, err
		}
	}
	var id int64
	err = tx.GetContext(ctx, &id, `
		INSERT INTO minutes (meeting_id, committee_id, number, position, title, narrative, refs, held_on, resolved, status, item_number)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'draft', $10)
		ON CONFLICT (meeting_id, item_number) WHERE item_number <> '' DO UPDATE SET
			narrative = CASE WHEN $11 THEN EXCLUDED.narrative ELSE minutes.narrative END,
			resolved = CASE WHEN NOT $12 THEN minutes.resolved
				WHEN $13 AND minutes.resolved <> '' THEN minutes.resolved || E'\n' || EXCLUDED.resolved
				ELSE EXCLUDED.resolved END,
			updated_at = now()
		RETURNING id`,
		w.MeetingID, w.CommitteeID, w.Number, w.Position, w.Title, narrative, pq.Array(nonNil(w.References)), dateArg(w.HeldOn), resolved, w.Item,
		setNarrative, setResolved, w.AddResolution)
	if err != nil {
		return 0, err
	}
	if setResolved {
		if !w.AddResolution {
			if _, err := tx.ExecContext(ctx, `DELETE FROM resolutions WHERE minute_id = $1`, id); err != nil {
				return 0, err
			}
		}
		if resolved != "" {
			if _, err := tx.ExecContext(ctx, `INSERT INTO resolutions (minute_id, position, body, parts, recorded_as)
				SELECT $1, COALESCE(max(position), 0) + 1, $2, $3, $4 FROM resolutions WHERE minute_id = $1`,
				id, resolved, pq.Array(nonNil(w.Resolution.Parts)), word); err != nil {
				return 0, err
			}
		}
	}
	// The drawn part's line holds the minute as it stood before the write:
	// the drawn text in the part set, the other part as recorded (the
	// write left it), so that the history compares like with like.
	if drawn != "" {
		if _, err := tx.ExecContext(ctx, `INSERT INTO minute_history (minute_id, action, narrative, resolved, recorded_as, by_user, at)
			SELECT id, 'drawn', CASE WHEN $3 THEN $2 ELSE narrative END, CASE WHEN $4 THEN $2 ELSE resolved END,
				CASE WHEN $4 THEN '' ELSE COALESCE((SELECT CASE WHEN count(DISTINCT r.recorded_as) = 1 THEN min(r.recorded_as) ELSE 'RESOLVED' END
					FROM resolutions r WHERE r.minute_id = minutes.id HAVING count(*) > 0), '') END, '', COALESCE(CAST($5 AS timestamptz), now())
			FROM minutes WHERE id = $1`,
			id, drawn, setNarrative, setResolved, nullTime(w.At)); err != nil {
			return 0, err
		}
	}
	// The word is kept as the minute is quoted under it (Minute.Word):
	// the one its resolutions share, or RESOLVED where they differ.
	if _, err := tx.ExecContext(ctx, `INSERT INTO minute_history (minute_id, action, narrative, resolved, recorded_as, by_user, at)
		SELECT id, $2, narrative, resolved,
			COALESCE((SELECT CASE WHEN count(DISTINCT r.recorded_as) = 1 THEN min(r.recorded_as) ELSE 'RESOLVED' END
				FROM resolutions r WHERE r.minute_id = minutes.id HAVING count(*) > 0), ''), $3, COALESCE(CAST($4 AS timestamptz), now())
		FROM minutes WHERE id = $1`, id, w.Action, w.By, nullTime(w.At)); err != nil {
		return 0, err
	}
	return id, auditAt(ctx, tx, w.CommitteeID, w.By, "minute."+w.Action, w.Item, map[string]any{"meeting": w.MeetingID, "minute": id}, w.At)
}

// ApproveMinutes implements commands.DecisionStore.
func (db *DB) ApproveMinutes(ctx context.Context, a commands.MinutesApproval) error {
	return db.inTx(ctx, "approve minutes", func(tx *Tx) error {
		if _, err := tx.ExecContext(ctx, `SELECT id FROM meetings WHERE id = $1 FOR UPDATE`, a.MeetingID); err != nil {
			return err
		}
		var n struct {
			All   int `db:"all_minutes"`
			Draft int `db:"drafts"`
		}
		if err := tx.GetContext(ctx, &n, `SELECT count(*) AS all_minutes, count(*) FILTER (WHERE status = 'draft') AS drafts
			FROM minutes WHERE meeting_id = $1`, a.MeetingID); err != nil {
			return err
		}
		if n.All == 0 {
			return fmt.Errorf("storage: approve minutes: none: %w", commands.ErrNotFound)
		}
		confirmed, err := minutesConfirmed(ctx, tx, a.MeetingID)
		if err != nil {
			return err
		}
		if confirmed {
			return fmt.Errorf("storage: approve minutes: confirmed already: %w", commands.ErrConflict)
		}
		// A correction sent since the approval weighed them (see
		// CommentMinute, which waits for this lock) would be confirmed
		// over unweighed, or left out of what it sets aside.
		if a.CommentsWeighed {
			var n int
			if err := tx.GetContext(ctx, &n, `SELECT count(*) FROM minute_comments k JOIN minutes mi ON mi.id = k.minute_id
				WHERE mi.meeting_id = $1`, a.MeetingID); err != nil {
				return err
			}
			if n != a.CommentsSeen {
				return fmt.Errorf("storage: approve minutes: %d corrections, %d weighed: %w", n, a.CommentsSeen, commands.ErrMinutesChanged)
			}
			// Which corrections stand turns on the changes after them
			// (WriteMinute takes this lock too); with none, no change
			// can answer one.
			if n > 0 {
				if err := tx.GetContext(ctx, &n, `SELECT count(*) FROM minute_history h JOIN minutes mi ON mi.id = h.minute_id
					WHERE mi.meeting_id = $1`, a.MeetingID); err != nil {
					return err
				}
				if n != a.EditsSeen {
					return fmt.Errorf("storage: approve minutes: %d changes, %d weighed: %w", n, a.EditsSeen, commands.ErrMinutesChanged)
				}
			}
		}
		if a.Record != nil {
			// The approving meeting's own minutes confirmed since the
			// approval looked is a change to the minutes, not these
			// confirmed already: sent again, it is by correspondence.
			if _, err := writeMinute(ctx, tx, *a.Record); errors.Is(err, commands.ErrConflict) && !errors.Is(err, commands.ErrMinutesChanged) {
				return fmt.Errorf("storage: approve minutes: approving meeting's own confirmed meanwhile: %w", commands.ErrMinutesChanged)
			} else if err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO minutes_approvals (meeting_id, approved_at, approved_by, at_meeting_id, set_aside)
			VALUES ($1, $2, $3, $4, $5)`, a.MeetingID, a.At, a.By, nullID(a.AtMeetingID), pq.StringArray(nonNil(a.SetAside))); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE minutes SET status = 'confirmed', updated_at = now() WHERE meeting_id = $1`, a.MeetingID); err != nil {
			return err
		}
		// Officers' Homes list the minutes waiting to be confirmed; the
		// Homes of those who proposed corrections say they are confirmed.
		if _, err := tx.ExecContext(ctx, `SELECT mark_stale(m.committee_id, NULL, COALESCE((SELECT array_agg(DISTINCT k.by_user)
				FROM minute_comments k JOIN minutes mi ON mi.id = k.minute_id WHERE mi.meeting_id = m.id AND k.by_user <> ''), '{}'))
			FROM meetings m WHERE m.id = $1`, a.MeetingID); err != nil {
			return err
		}
		detail := map[string]any{"meeting": a.MeetingID, "at_meeting": a.AtMeetingID}
		if len(a.SetAside) > 0 {
			detail["as_they_stand"], detail["set_aside"] = true, a.SetAside
		}
		if len(a.Answered) > 0 {
			// Which corrections an amendment was taken to answer, as the
			// notice names them: by minute, and whose.
			answered := make([]map[string]string, len(a.Answered))
			for i, k := range a.Answered {
				answered[i] = map[string]string{"minute": k.MinuteNumber, "by": cmp.Or(k.By, k.ByName)}
			}
			detail["answered"] = answered
		}
		return auditMeeting(ctx, tx, a.MeetingID, a.By, "minutes.approve", "", detail, a.At)
	})
}

// DraftMinutesMeetings implements commands.DecisionStore. The meetings are
// read in brief: their Apologies count is -1.
func (db *DB) DraftMinutesMeetings(ctx context.Context, committeeID int64, limit int) ([]commands.Meeting, error) {
	return selectMeetings(ctx, db.x, "draft minutes meetings", draftMinutesMeetingsSQL, committeeID, limit)
}

// draftMinutesMeetingsSQL is DraftMinutesMeetings' statement: at most $2
// of committee $1's meetings. They are found from the committee's draft
// minutes (minutes_drafts), which confirming empties, not by looking at
// each of its meetings, of which years may be imported.
const draftMinutesMeetingsSQL = `SELECT ` + meetingBriefColumns + ` FROM meetings m
		WHERE m.id IN (SELECT mi.meeting_id FROM minutes mi
			WHERE mi.committee_id = $1 AND mi.status = 'draft' AND` + minuteHasText + `)
		AND m.committee_id = $1 AND m.status <> 'cancelled'
		AND NOT EXISTS (SELECT 1 FROM minutes_approvals ap WHERE ap.meeting_id = m.id)
		ORDER BY m.starts_at LIMIT $2`

// UnminutedMeetings implements commands.DecisionStore: meetings opened
// here and closed since, with no minute recorded and none confirmed. A
// meeting marked held by an import of its minutes was never opened here;
// one whose minutes were imported has them confirmed.
func (db *DB) UnminutedMeetings(ctx context.Context, committeeID int64, limit int) ([]commands.Meeting, error) {
	return selectMeetings(ctx, db.x, "unminuted meetings", unminutedMeetingsSQL, committeeID, max(limit, 0))
}

// unminutedMeetingsSQL is UnminutedMeetings' statement: at most $2 of
// committee $1's meetings. Opened here is read from the meeting's own row
// (opened_at, written with the log's only 'opened' row), so that the
// committee's meetings held here are read from an index
// (meetings_held_here), the latest first: not every meeting any
// committee opened here, nor those held elsewhere whose minutes were
// imported. One held on a day before that of the committee's latest
// confirmed minutes had its own minutes dealt with elsewhere, and is not
// listed: the meetings are read from the start of that day in the
// committee's time zone, so that the index stops there rather than
// reading back through every meeting minuted here since the committee
// began. The latest confirmed is read from minutes_committee_held, the
// latest first; status <> 'draft' is confirmed (the only other status),
// written so because a planner without statistics reads the index in
// order for it, where for = 'confirmed' it reads all of the committee's
// minutes.
const unminutedMeetingsSQL = `SELECT ` + meetingBriefColumns + ` FROM meetings m
		WHERE m.committee_id = $1 AND m.status = 'held' AND m.opened_at IS NOT NULL
		AND m.starts_at >= COALESCE((SELECT later.held_on::timestamp AT TIME ZONE (SELECT c.time_zone FROM committees c WHERE c.id = $1)
			FROM minutes later WHERE later.committee_id = $1 AND later.held_on IS NOT NULL AND later.status <> 'draft'
			ORDER BY later.held_on DESC, later.id DESC LIMIT 1), '-infinity')
		AND NOT EXISTS (SELECT 1 FROM minutes mi WHERE mi.meeting_id = m.id AND (mi.status <> 'draft' OR` + minuteHasText + `))
		AND NOT EXISTS (SELECT 1 FROM minutes_approvals ap WHERE ap.meeting_id = m.id)
		ORDER BY m.starts_at DESC LIMIT $2`

// MinutesApprovalOf implements commands.DecisionStore.
func (db *DB) MinutesApprovalOf(ctx context.Context, meetingID int64) (commands.MinutesApproval, error) {
	var row struct {
		At       time.Time      `db:"approved_at"`
		By       string         `db:"approved_by"`
		AtID     sql.NullInt64  `db:"at_meeting_id"`
		SetAside pq.StringArray `db:"set_aside"`
		Seq      int64          `db:"seq"`
		Earlier  pq.StringArray `db:"earlier_rules"`
	}
	// Confirmed no later than the last confirmation before a rule of
	// wording came in (record_rules), the minutes keep the wording they
	// were confirmed with: the approval names each such rule.
	err := db.x.GetContext(ctx, &row, `SELECT approved_at, approved_by, at_meeting_id, set_aside, seq,
			ARRAY(SELECT r.rule FROM record_rules r WHERE ap.seq <= r.approvals_before ORDER BY r.rule) AS earlier_rules
		FROM minutes_approvals ap WHERE meeting_id = $1`, meetingID)
	if err != nil {
		return commands.MinutesApproval{}, mapErr("minutes approval", err)
	}
	out := commands.MinutesApproval{MeetingID: meetingID, At: row.At, By: row.By, AtMeetingID: row.AtID.Int64, SetAside: row.SetAside, Seq: row.Seq,
		EarlierRules: row.Earlier}
	if slices.Contains(out.EarlierRules, commands.RuleNamesAsMarked) {
		if out.NamesConfirmed, err = db.namesConfirmed(ctx, meetingID); err != nil {
			return commands.MinutesApproval{}, err
		}
	}
	return out, nil
}

// namesConfirmed are the members of the committee of meeting meetingID by
// Slack user, named as their last addition or change before the meeting's
// minutes were confirmed left them, in the order the records were written
// (at, then seq, as the minutes' histories are ordered). A member whose
// entry gives no name (written before the log kept one) is left out.
func (db *DB) namesConfirmed(ctx context.Context, meetingID int64) (map[string]commands.Member, error) {
	var rows []struct {
		UserID       string `db:"user_id"`
		Name         string `db:"name"`
		Organisation string `db:"organisation"`
	}
	err := db.x.SelectContext(ctx, &rows, `SELECT user_id, name, organisation FROM (
			SELECT DISTINCT ON (l.subject) l.subject AS user_id, COALESCE(l.detail->>'name', '') AS name, COALESCE(l.detail->>'organisation', '') AS organisation
			FROM minutes_approvals ap JOIN meetings m ON m.id = ap.meeting_id
			JOIN audit_log l ON l.committee_id = m.committee_id AND l.action IN ('member.add', 'member.change')
			 AND (l.at, l.seq) < (ap.approved_at, ap.seq)
			WHERE ap.meeting_id = $1
			ORDER BY l.subject, l.at DESC, l.seq DESC, l.id DESC) latest
		WHERE name <> ''`, meetingID)
	if err != nil {
		return nil, mapErr("names confirmed", err)
	}
	out := map[string]commands.Member{}
	for _, r := range rows {
		out[r.UserID] = commands.Member{UserID: r.UserID, Name: r.Name, Organisation: r.Organisation}
	}
	return out, nil
}

// CommentMinute implements commands.DecisionStore.
func (db *DB) CommentMinute(ctx context.Context, minuteID int64, item *commands.MinuteWrite, k commands.MinuteComment, notice *commands.OutboxMessage) error {
	var added int64
	// Under the meeting's lock, as the approval takes it: a correction is
	// either on record before the minutes are confirmed, and weighed by
	// the approval, or refused after. Shared for a minute on record;
	// for one to be made, held as writeMinute holds it.
	err := db.inTx(ctx, "comment minute", func(tx *Tx) error {
		var meetingID int64
		var err error
		if item == nil {
			err = tx.GetContext(ctx, &meetingID, `SELECT m.id FROM meetings m JOIN minutes mi ON mi.meeting_id = m.id
				WHERE mi.id = $1 FOR SHARE OF m`, minuteID)
		} else {
			err = tx.GetContext(ctx, &meetingID, `SELECT id FROM meetings WHERE id = $1 FOR UPDATE`, item.MeetingID)
		}
		if err != nil {
			return err
		}
		confirmed, err := minutesConfirmed(ctx, tx, meetingID)
		if err != nil {
			return err
		}
		if confirmed {
			return fmt.Errorf("storage: comment minute: confirmed: %w", commands.ErrConflict)
		}
		if item != nil {
			// A minute the draft shows but nothing is recorded under yet
			// (one written from the records, or an item not yet minuted)
			// is made with no text for the correction to hang on: the
			// draft goes on showing what it drew from the records, and the
			// minute keeps the number the member read, whatever is
			// minuted before it later.
			if minuteID, err = itemMinute(ctx, tx, *item); err != nil {
				return err
			}
		}
		if added, err = commentMinute(ctx, tx, minuteID, k); err != nil {
			return err
		}
		return tell(ctx, tx, notice, added != 0)
	})
	if err != nil {
		return err
	}
	if added == 0 {
		return fmt.Errorf("storage: comment minute: the same on record: %w", commands.ErrUnchanged)
	}
	return nil
}

// itemMinute is the id of item's minute, made empty if it has none, in
// q, which holds the meeting's row.
func itemMinute(ctx context.Context, q *Tx, item commands.MinuteWrite) (int64, error) {
	// The number was worked out from the agenda and the minutes before
	// the lock: an item renumbered and minuted since may have taken it.
	// The minutes' unique number would refuse the insert all the same,
	// but as a bare conflict, which reads as minutes confirmed; the
	// member is told the minutes changed.
	var taken bool
	if err := q.GetContext(ctx, &taken, `SELECT EXISTS (SELECT 1 FROM minutes WHERE meeting_id = $1 AND number = $2 AND item_number <> $3)`,
		item.MeetingID, item.Number, item.Item); err != nil {
		return 0, err
	}
	if taken {
		return 0, fmt.Errorf("storage: comment minute: number %q taken by another item's minute: %w", item.Number, commands.ErrMinutesChanged)
	}
	var id int64
	err := q.GetContext(ctx, &id, `
		WITH made AS (
			INSERT INTO minutes (meeting_id, committee_id, number, position, title, narrative, refs, held_on, resolved, status, item_number)
			VALUES ($1, $2, $3, $4, $5, '', $6, $7, '', 'draft', $8)
			ON CONFLICT (meeting_id, item_number) WHERE item_number <> '' DO NOTHING
			RETURNING id
		)
		SELECT id FROM made UNION ALL
		SELECT id FROM minutes WHERE meeting_id = $1 AND item_number = $8 AND item_number <> ''`,
		item.MeetingID, item.CommitteeID, item.Number, item.Position, item.Title, pq.Array(nonNil(item.References)), dateArg(item.HeldOn), item.Item)
	return id, err
}

// commentMinute adds k to minute minuteID and says how many comments it
// added: 0 when the same was on record.
func commentMinute(ctx context.Context, q sqlx.QueryerContext, minuteID int64, k commands.MinuteComment) (int64, error) {
	// The same correction sent again from the same person is the one on
	// record, whoever entered it: sending again after an answer in doubt,
	// or an officer entering what the member already sent, adds nothing,
	// and ErrUnchanged lets the reply say so. One the minute was amended
	// after is taken as answered by the amendment: sent again, it stands
	// again, for the amendment did not answer it.
	// The officers' Homes count the corrections no amendment has followed,
	// and its author's lists it: they are marked for refresh in the same
	// statement.
	var added int64
	err := sqlx.GetContext(ctx, q, &added, `
		WITH ins AS (
			INSERT INTO minute_comments (minute_id, body, by_user, by_name, entered_by, at)
			SELECT $1, CAST($2 AS text), CAST($3 AS text), CAST($4 AS text), CAST($5 AS text), COALESCE(CAST($6 AS timestamptz), now()) WHERE NOT EXISTS (
				SELECT 1 FROM minute_comments k WHERE k.minute_id = $1 AND k.body = $2 AND k.by_user = $3 AND k.by_name = $4
					AND NOT EXISTS (SELECT 1 FROM minute_history h WHERE h.minute_id = k.minute_id AND (h.at, h.seq) > (k.at, k.seq)))
			RETURNING minute_id, by_user
		), stale AS (
			SELECT mark_stale(mi.committee_id, NULL, CASE WHEN ins.by_user = '' THEN '{}'::text[] ELSE ARRAY[ins.by_user] END)
			FROM minutes mi JOIN ins ON ins.minute_id = mi.id
		)
		SELECT (SELECT count(*) FROM ins) + 0 * (SELECT count(*) FROM stale)`, minuteID, k.Body, k.By, k.ByName, k.EnteredBy, nullTime(k.At))
	return added, err
}

// MinuteComments implements commands.DecisionStore.
func (db *DB) MinuteComments(ctx context.Context, meetingID int64) ([]commands.MinuteComment, error) {
	var rows []struct {
		Number string    `db:"number"`
		Body   string    `db:"body"`
		By     string    `db:"by_user"`
		ByName string    `db:"by_name"`
		Entry  string    `db:"entered_by"`
		At     time.Time `db:"at"`
		Seq    int64     `db:"seq"`
	}
	err := db.x.SelectContext(ctx, &rows, `SELECT mi.number, k.body, k.by_user, k.by_name, k.entered_by, k.at, k.seq FROM minute_comments k
		JOIN minutes mi ON mi.id = k.minute_id WHERE mi.meeting_id = $1 ORDER BY k.id`, meetingID)
	if err != nil {
		return nil, mapErr("minute comments", err)
	}
	out := make([]commands.MinuteComment, len(rows))
	for i, r := range rows {
		out[i] = commands.MinuteComment{MinuteNumber: r.Number, Body: r.Body, By: r.By, ByName: r.ByName, EnteredBy: r.Entry, At: r.At, Seq: r.Seq}
	}
	return out, nil
}

// MemberCorrections implements commands.DecisionStore.
func (db *DB) MemberCorrections(ctx context.Context, committeeID int64, userID string, since time.Time, limit int) ([]commands.ProposedCorrection, int, error) {
	var rows []struct {
		MeetingID int64     `db:"meeting_id"`
		Starts    time.Time `db:"starts_at"`
		Number    string    `db:"number"`
		Body      string    `db:"body"`
		At        time.Time `db:"at"`
		EnteredBy string    `db:"entered_by"`
		Amended   bool      `db:"amended"`
		Confirmed bool      `db:"confirmed"`
		Total     int       `db:"total"`
	}
	err := db.x.SelectContext(ctx, &rows, `SELECT m.id AS meeting_id, m.starts_at, mi.number, k.body, k.at, k.entered_by,
			EXISTS (SELECT 1 FROM minute_history h WHERE h.minute_id = k.minute_id AND (h.at, h.seq) > (k.at, k.seq)) AS amended,
			EXISTS (SELECT 1 FROM minutes_approvals ap WHERE ap.meeting_id = m.id) AS confirmed,
			count(*) OVER () AS total
		FROM minute_comments k JOIN minutes mi ON mi.id = k.minute_id JOIN meetings m ON m.id = mi.meeting_id
		WHERE m.committee_id = $1 AND k.by_user = $2 AND k.by_user <> '' AND m.starts_at > $3
		ORDER BY m.starts_at DESC, k.id DESC LIMIT $4`, committeeID, userID, since, limit)
	if err != nil {
		return nil, 0, mapErr("member corrections", err)
	}
	out := make([]commands.ProposedCorrection, len(rows))
	total := 0
	for i, r := range rows {
		out[i] = commands.ProposedCorrection{MeetingID: r.MeetingID, MeetingStarts: r.Starts, MinuteNumber: r.Number, Body: r.Body, At: r.At,
			EnteredBy: r.EnteredBy, Amended: r.Amended, Confirmed: r.Confirmed}
		total = r.Total
	}
	return out, total, nil
}

// MeetingMinutes implements commands.DecisionStore.
func (db *DB) MeetingMinutes(ctx context.Context, meetingID int64) ([]commands.Minute, error) {
	var rows []minuteRow
	err := db.x.SelectContext(ctx, &rows, `SELECT `+minuteColumns+minuteFrom+`
		WHERE mi.meeting_id = $1 ORDER BY mi.position, mi.id`, meetingID)
	if err != nil {
		return nil, mapErr("meeting minutes", err)
	}
	out, err := db.withResolutions(ctx, rows)
	if err != nil {
		return nil, mapErr("meeting minutes", err)
	}
	// Read apart from minuteColumns, which searches share column by
	// column: only the minutes compiled show which were imported and
	// what follows their resolutions.
	var imported []struct {
		ID    int64  `db:"id"`
		After string `db:"after_resolutions"`
	}
	if err := db.x.SelectContext(ctx, &imported, `SELECT id, after_resolutions FROM minutes
		WHERE meeting_id = $1 AND document_id IS NOT NULL`, meetingID); err != nil {
		return nil, mapErr("meeting minutes", err)
	}
	for _, a := range imported {
		for i := range out {
			if out[i].ID == a.ID {
				out[i].Imported, out[i].After = true, a.After
			}
		}
	}
	var between []struct {
		ID    int64  `db:"id"`
		After string `db:"after_text"`
	}
	if err := db.x.SelectContext(ctx, &between, `SELECT r.id, r.after_text FROM resolutions r
		JOIN minutes mi ON mi.id = r.minute_id WHERE mi.meeting_id = $1 AND mi.document_id IS NOT NULL AND r.after_text <> ''`, meetingID); err != nil {
		return nil, mapErr("meeting minutes", err)
	}
	for _, a := range between {
		for i := range out {
			for j := range out[i].Resolutions {
				if out[i].Resolutions[j].ID == a.ID {
					out[i].Resolutions[j].After = a.After
				}
			}
		}
	}
	return out, nil
}

// ImportedAttendance implements commands.DecisionStore.
func (db *DB) ImportedAttendance(ctx context.Context, meetingID int64) (commands.PublishedAttendance, error) {
	var out commands.PublishedAttendance
	var rows []struct {
		Name         string `db:"name"`
		Absent       bool   `db:"absent"`
		InAttendance bool   `db:"in_attendance"`
		Closing      string `db:"closing"`
	}
	err := db.x.SelectContext(ctx, &rows, `SELECT a.name, a.absent, a.in_attendance, d.closing FROM meeting_attendance a
		JOIN minute_documents d ON d.id = a.document_id AND d.replaced_at IS NULL
		WHERE a.meeting_id = $1 ORDER BY a.position`, meetingID)
	if err != nil {
		return out, mapErr("imported attendance", err)
	}
	for _, r := range rows {
		switch {
		case r.Absent:
			out.Absent = append(out.Absent, r.Name)
		case r.InAttendance:
			out.InAttendance = append(out.InAttendance, r.Name)
		default:
			out.Present = append(out.Present, r.Name)
		}
		out.Closing = r.Closing
	}
	if len(rows) == 0 {
		// Minutes that list no one may still say when the meeting closed.
		err = db.x.GetContext(ctx, &out.Closing, `SELECT closing FROM minute_documents
			WHERE meeting_id = $1 AND kind = 'minutes' AND replaced_at IS NULL ORDER BY id DESC LIMIT 1`, meetingID)
		if errors.Is(err, sql.ErrNoRows) {
			err = nil
		}
	}
	return out, mapErr("imported attendance", err)
}

// MinutesPage implements commands.DecisionStore.
func (db *DB) MinutesPage(ctx context.Context, meetingID int64, token string) (string, error) {
	if token != "" {
		if err := db.execAlone(ctx, "minutes page", `INSERT INTO minutes_pages (meeting_id, token) VALUES ($1, $2) ON CONFLICT (meeting_id) DO NOTHING`, meetingID, token); err != nil {
			return "", err
		}
	}
	var stored string
	err := db.x.GetContext(ctx, &stored, `SELECT token FROM minutes_pages WHERE meeting_id = $1`, meetingID)
	return stored, mapErr("minutes page", err)
}

// MinuteHistory implements commands.DecisionStore.
func (db *DB) MinuteHistory(ctx context.Context, meetingID int64) ([]commands.MinuteEdit, error) {
	var rows []struct {
		Number    string    `db:"number"`
		Action    string    `db:"action"`
		Narrative string    `db:"narrative"`
		Resolved  string    `db:"resolved"`
		Word      string    `db:"recorded_as"`
		At        time.Time `db:"at"`
		Seq       int64     `db:"seq"`
		By        string    `db:"by_user"`
	}
	err := db.x.SelectContext(ctx, &rows, `SELECT mi.number, h.action, h.narrative, h.resolved, h.recorded_as, h.at, h.seq, h.by_user FROM minute_history h
		JOIN minutes mi ON mi.id = h.minute_id WHERE mi.meeting_id = $1 ORDER BY h.id`, meetingID)
	if err != nil {
		return nil, mapErr("minute history", err)
	}
	out := make([]commands.MinuteEdit, len(rows))
	for i, r := range rows {
		out[i] = commands.MinuteEdit{MinuteNumber: r.Number, Action: r.Action, Narrative: r.Narrative, Resolved: r.Resolved, Word: r.Word, At: r.At, Seq: r.Seq, By: r.By}
	}
	return out, nil
}
