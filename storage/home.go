package storage

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"github.com/quorumhq/quorum/commands"
)

// maxMemberships bounds the committees read for one person's Home.
const maxMemberships = 500

// Memberships implements commands.HomeStore.
func (db *DB) Memberships(ctx context.Context, teamID, userID string) ([]commands.Membership, error) {
	var rows []struct {
		committeeRow
		MemberName   string       `db:"member_name"`
		Organisation string       `db:"organisation"`
		Role         string       `db:"role"`
		AddedAt      sql.NullTime `db:"added_at"`
	}
	err := db.x.SelectContext(ctx, &rows, `
		SELECT c.id, c.name, c.team_id, c.channel_id, c.time_zone, c.standard_items, c.reminder_days,
		       to_char(c.reminder_time, 'HH24:MI') AS reminder_time, c.created_at, c.calendar_token,
		       m.name AS member_name, m.organisation, m.role, m.added_at
		FROM members m JOIN committees c ON c.id = m.committee_id
		WHERE m.user_id = $1 AND m.removed_at IS NULL AND ($2 = '' OR c.team_id = $2)
		ORDER BY lower(c.name), c.id
		LIMIT $3`, userID, teamID, maxMemberships)
	if err != nil {
		return nil, mapErr("memberships", err)
	}
	out := make([]commands.Membership, len(rows))
	for i, r := range rows {
		c := r.committee()
		out[i] = commands.Membership{Committee: c, Member: memberRow{
			CommitteeID: c.ID, UserID: userID, Name: r.MemberName, Organisation: r.Organisation, Role: r.Role, AddedAt: r.AddedAt,
		}.member()}
	}
	return out, nil
}

// NextMeetings implements commands.HomeStore.
func (db *DB) NextMeetings(ctx context.Context, committeeIDs []int64, after time.Time) ([]commands.Meeting, error) {
	if len(committeeIDs) == 0 {
		return nil, nil
	}
	return selectMeetings(ctx, db.x, "next meetings", `SELECT DISTINCT ON (m.committee_id) `+meetingColumns+` FROM meetings m
		WHERE m.committee_id = ANY($1) AND m.starts_at > $2 AND m.status = 'scheduled' AND `+notOpened("m.id")+`
		ORDER BY m.committee_id, m.starts_at`, pq.Array(committeeIDs), after)
}

// MemberApologies implements commands.HomeStore.
func (db *DB) MemberApologies(ctx context.Context, userID string, meetingIDs []int64) ([]commands.Apology, error) {
	if len(meetingIDs) == 0 || userID == "" {
		return nil, nil
	}
	rows, err := queryApologies(ctx, db.x, `SELECT `+apologyColumns+` FROM apologies
		WHERE meeting_id = ANY($1) AND member_key = $2 AND NOT withdrawn
		ORDER BY meeting_id`, pq.Array(meetingIDs), memberKey(userID, ""))
	if err != nil {
		return nil, mapErr("member apologies", err)
	}
	out := make([]commands.Apology, len(rows))
	for i, r := range rows {
		out[i] = r.apology()
	}
	return out, nil
}

// SubstituteApologies implements commands.HomeStore. The meetings are
// few (a Home's next meetings), so their apologies are found by the
// meeting's key and the substitute among them, with no index of its own
// for the busiest table to keep up.
func (db *DB) SubstituteApologies(ctx context.Context, userID string, meetingIDs []int64) ([]commands.Apology, error) {
	if len(meetingIDs) == 0 || userID == "" {
		return nil, nil
	}
	rows, err := queryApologies(ctx, db.x, `SELECT `+apologyColumns+` FROM apologies
		WHERE meeting_id = ANY($1) AND substitute_id = $2 AND NOT withdrawn
		ORDER BY meeting_id, sent_at, id`, pq.Array(meetingIDs), userID)
	if err != nil {
		return nil, mapErr("substitute apologies", err)
	}
	out := make([]commands.Apology, len(rows))
	for i, r := range rows {
		out[i] = r.apology()
	}
	return out, nil
}

// SubstituteCommittees implements commands.HomeStore. The team's
// committees are few, and each is checked through its upcoming meetings
// and any under way
// (meetings_upcoming) and their apologies naming a substitute
// (apologies_substitute), so no index on the substitute alone is needed.
func (db *DB) SubstituteCommittees(ctx context.Context, teamID, userID string, after time.Time) ([]commands.Committee, error) {
	if userID == "" {
		return nil, nil
	}
	var rows []committeeRow
	err := db.x.SelectContext(ctx, &rows, substituteCommitteesSQL, userID, teamID, after, maxMemberships)
	if err != nil {
		return nil, mapErr("substitute committees", err)
	}
	out := make([]commands.Committee, len(rows))
	for i, r := range rows {
		out[i] = r.committee()
	}
	return out, nil
}

// substituteCommitteesSQL is SubstituteCommittees's statement: $1 the
// user, $2 the team (empty for every team), $3 after, $4 how many. The
// team's committees and every team's are read apart, the team's from
// committees_channel_key: as one condition with an OR, a generic plan
// checked every team's committees for the team's Home (1,058 buffers with
// 3,000 committees in 30 teams, where the team's 100 alone cost 423;
// apart, 410).
var substituteCommitteesSQL = `SELECT ` + committeeColumns + ` FROM (
		(SELECT * FROM committees WHERE $2 <> '' AND team_id = $2)
		UNION ALL
		(SELECT * FROM committees WHERE $2 = '')) c
		WHERE NOT EXISTS (SELECT 1 FROM members mb WHERE mb.committee_id = c.id AND mb.user_id = $1 AND mb.removed_at IS NULL)
		  AND (EXISTS (SELECT 1 FROM meetings m JOIN apologies a ON a.meeting_id = m.id
		              WHERE m.committee_id = c.id AND m.status = 'scheduled' AND ` + notOpened("m.id") + `
		                -- Begun by the clock and not opened, today's meeting
		                -- waits, and they are expected at it: the Home reads
		                -- which is waiting (commands' awaitingOpening).
		                AND m.starts_at > CAST($3 AS timestamptz) - interval '12 hours'
		                AND a.substitute_id = $1 AND NOT a.withdrawn)
		    -- While the meeting they are named at is under way (sitting),
		    -- they are expected there: the card stays until it closes.
		    OR EXISTS (SELECT 1 FROM apologies a
		              WHERE a.substitute_id = $1 AND NOT a.withdrawn
		                AND a.meeting_id IN (` + sitting("c.id", "CAST($3 AS timestamptz)") + `)))
		ORDER BY lower(c.name), c.id
		LIMIT $4`

// markDayHomesSQL is MarkDayHomes's statement: $1 and $2 are since and
// until.
var markDayHomesSQL = `
		WITH turned AS (
			SELECT m.id, m.committee_id, c.team_id, m.status, t.moves
			FROM meetings m
			JOIN committees c ON c.id = m.committee_id
			CROSS JOIN LATERAL (SELECT (date_trunc('day', m.starts_at AT TIME ZONE c.time_zone) + interval '1 day') AT TIME ZONE c.time_zone) AS d(midnight)
			-- Its start; the midnight after it; and when, never opened,
			-- it stops waiting to be opened: twelve hours after its start,
			-- or the midnight if that comes first (awaitingOpening).
			CROSS JOIN LATERAL (VALUES (m.starts_at, true), (d.midnight, false),
				(LEAST(m.starts_at + interval '12 hours', d.midnight), true)) AS t(at, moves)
			WHERE m.status <> 'cancelled' AND m.starts_at > CAST($1 AS timestamptz) - interval '2 days' AND m.starts_at <= $2
			  AND t.at > $1 AND t.at <= $2
		), moved AS (
			-- A meeting not opened in Quorum stops being the next at its
			-- advertised start, and is shown as today's, waiting to be
			-- opened, until the midnight after it or twelve hours after
			-- its start, whichever comes first; one opened marked every
			-- Home as it opened.
			SELECT id, committee_id, team_id FROM turned
			WHERE moves AND status = 'scheduled' AND ` + notOpened("turned.id") + `
		), kept AS (
			-- Up to when it is marked, for a loop that starts again.
			INSERT INTO day_turns (one, marked_until) VALUES (true, $2)
			ON CONFLICT (one) DO UPDATE SET marked_until = GREATEST(day_turns.marked_until, EXCLUDED.marked_until)
		), overdue AS (
			SELECT a.committee_id, c.team_id, c.channel_id, a.owner_user
			FROM actions a
			JOIN committees c ON c.id = a.committee_id
			WHERE a.status = 'open'
			  AND a.due_on >= (CAST($1 AS timestamptz) AT TIME ZONE 'UTC')::date - 2
			  AND a.due_on <= (CAST($2 AS timestamptz) AT TIME ZONE 'UTC')::date + 1
			  AND ((a.due_on + 1)::timestamp AT TIME ZONE c.time_zone) > $1
			  AND ((a.due_on + 1)::timestamp AT TIME ZONE c.time_zone) <= $2
		), marks AS (
			-- The vice-chair's, at both moments (see Service.MarkDayHomes),
			-- and every member's when the next meeting moves on.
			SELECT t.committee_id, t.team_id, mb.user_id
			FROM turned t
			JOIN members mb ON mb.committee_id = t.committee_id AND mb.removed_at IS NULL
			WHERE mb.role = 'vice-chair' OR t.id IN (SELECT id FROM moved)
			UNION ALL
			-- The substitutes it names, whose card is of that meeting,
			-- and those named at the one after it, now the next, who may
			-- be no members and had no card until now (substituteOf).
			SELECT mv.committee_id, mv.team_id, a.substitute_id
			FROM moved mv
			CROSS JOIN LATERAL (` + substituteOf("mv.id", "mv.committee_id", "$2") + `) AS s(meeting_id)
			JOIN apologies a ON a.meeting_id = s.meeting_id AND a.substitute_id IS NOT NULL AND NOT a.withdrawn
			UNION ALL
			-- An action turning overdue: its owner's Home lists it, and
			-- the officers', the chair's and the vice-chair's count it.
			SELECT o.committee_id, o.team_id, u.user_id
			FROM overdue o
			CROSS JOIN LATERAL (
				SELECT o.owner_user WHERE o.owner_user <> ''
				UNION ALL
				SELECT mb.user_id FROM members mb
				WHERE mb.committee_id = o.committee_id AND mb.removed_at IS NULL AND mb.role IN ('officer', 'chair', 'vice-chair')
			) AS u(user_id)
		), agendas AS (
			-- The agendas posted for the committee's meetings to come list
			-- its open actions, the overdue marked (actionsSection): each
			-- is brought up to date, as mark_stale has a change's. Only
			-- those to come: a meeting whose start passed without being
			-- opened here keeps the agenda posted for it, and a committee
			-- whose clerk never opens meetings in Quorum would otherwise
			-- have every agenda it ever posted rebuilt at each midnight.
			INSERT INTO outbox (committee_id, kind, team_id, user_id, channel_id, message_key, payload)
			SELECT DISTINCT ON (m.id) o.committee_id, 'update', '', '', o.channel_id, 'agenda:' || m.id, '{}'::jsonb
			FROM overdue o
			JOIN meetings m ON m.committee_id = o.committee_id AND m.status = 'scheduled' AND m.starts_at > $2
			JOIN slack_messages s ON s.message_key = 'agenda:' || m.id
			ORDER BY m.id
			ON CONFLICT (kind, message_key) WHERE kind IN ('update', 'home') AND state = 'pending' AND locked_until IS NULL
			DO NOTHING
		)
		INSERT INTO outbox (committee_id, kind, team_id, user_id, channel_id, message_key, payload)
		SELECT DISTINCT ON (v.team_id, v.user_id) x.committee_id, 'home', v.team_id, v.user_id, '', 'home:' || v.team_id || ':' || v.user_id, '{}'::jsonb
		FROM marks x
		JOIN home_viewers v ON v.team_id = x.team_id AND v.user_id = x.user_id
		ORDER BY v.team_id, v.user_id, x.committee_id
		ON CONFLICT (kind, message_key) WHERE kind IN ('update', 'home') AND state = 'pending' AND locked_until IS NULL
		DO NOTHING`

// substituteOf lists meeting, no longer the next of committee, and the
// one that is next after at, as NextMeetings reads it: the meetings whose
// substitutes' Homes change as meeting stops being the next, some of
// them no members, whom no mark of the members' reaches.
func substituteOf(meeting, committee, at string) string {
	return `SELECT ` + meeting + ` UNION ALL (SELECT n.id FROM meetings n
		WHERE n.committee_id = ` + committee + ` AND n.status = 'scheduled' AND n.starts_at > ` + at + ` AND ` + notOpened("n.id") + `
		ORDER BY n.starts_at LIMIT 1)`
}

// markSubstituteHomes marks, in the caller's transaction, the Homes of
// the substitutes named at meeting meetingID and at the meeting next
// after at (now, when at is zero), for meetingID opened, cancelled or
// moved: the change marks its members' Homes, and the substitutes', who
// may be no members, show the meeting too, or gain or lose a card as it
// stops or starts being the next (see substituteOf). A meeting moved is
// marked so before and after its move, as either next may be another.
func markSubstituteHomes(ctx context.Context, q sqlx.ExtContext, meetingID int64, at time.Time) error {
	_, err := q.ExecContext(ctx, `
		SELECT mark_stale(m.committee_id, NULL, array_agg(DISTINCT a.substitute_id))
		FROM meetings m
		CROSS JOIN LATERAL (`+substituteOf("m.id", "m.committee_id", "COALESCE(CAST($2 AS timestamptz), now())")+`) AS s(meeting_id)
		JOIN apologies a ON a.meeting_id = s.meeting_id AND a.substitute_id IS NOT NULL AND NOT a.withdrawn
		WHERE m.id = $1
		GROUP BY m.committee_id`, meetingID, nullTime(at))
	return err
}

// MarkDayHomes implements commands.HomeStore, in one statement a tick
// whatever turns. A mark coalesces with one pending, which is built after
// until as surely, so a moment marked twice (by two replicas' loops, or a
// tick looked at again) is published once.
//
// Each branch reads only what turns in the window, through an index on
// the moment's own column (meetings_starts, actions_open_due), not every
// meeting or action: meetings by their start, as the midnight after a
// start lies at most 25 hours after it (a day the clocks go back), so
// starts up to two days before since are enough; actions by their due
// day, as the midnight after it, in any time zone (UTC-12 to UTC+14),
// falls between the UTC day before since's and the day after until's.
func (db *DB) MarkDayHomes(ctx context.Context, since, until time.Time) (int, error) {
	res, err := db.x.ExecContext(ctx, markDayHomesSQL, since, until)
	if err != nil {
		return 0, mapErr("mark day homes", err)
	}
	n, _ := res.RowsAffected()
	return int(n), nil
}

// DayHomesMarked implements commands.HomeStore.
func (db *DB) DayHomesMarked(ctx context.Context) (time.Time, error) {
	var until time.Time
	err := db.x.GetContext(ctx, &until, `SELECT marked_until FROM day_turns`)
	if errors.Is(err, sql.ErrNoRows) {
		return time.Time{}, nil
	}
	return until, mapErr("day homes marked", err)
}

// AgendaItemsFor implements commands.HomeStore.
func (db *DB) AgendaItemsFor(ctx context.Context, meetingIDs []int64) ([]commands.AgendaItem, error) {
	if len(meetingIDs) == 0 {
		return nil, nil
	}
	var rows []itemRow
	err := db.x.SelectContext(ctx, &rows, `SELECT `+itemColumns+` FROM agenda_items
		WHERE meeting_id = ANY($1) AND removed_at IS NULL ORDER BY meeting_id, position, number`, pq.Array(meetingIDs))
	if err != nil {
		return nil, mapErr("agenda items for meetings", err)
	}
	out := make([]commands.AgendaItem, len(rows))
	for i, r := range rows {
		out[i] = r.item()
	}
	return out, nil
}

// ReportLinksFor implements commands.HomeStore.
func (db *DB) ReportLinksFor(ctx context.Context, meetingIDs []int64) ([]commands.ReportLink, error) {
	if len(meetingIDs) == 0 {
		return nil, nil
	}
	links, err := reportLinks(ctx, db.x, meetingIDs)
	return links, mapErr("report links for meetings", err)
}

// MemberDeclarations implements commands.HomeStore.
func (db *DB) MemberDeclarations(ctx context.Context, userID string, meetingIDs []int64) ([]commands.Declaration, error) {
	if len(meetingIDs) == 0 || userID == "" {
		return nil, nil
	}
	out, err := queryDeclarations(ctx, db.x, `SELECT `+declarationColumns+` FROM declarations d
		WHERE d.meeting_id = ANY($1) AND d.member_key = $2
		  AND NOT EXISTS (SELECT 1 FROM declaration_withdrawals w WHERE w.declaration_id = d.id)
		ORDER BY d.meeting_id, d.declared_at, d.id`, pq.Array(meetingIDs), memberKey(userID, ""))
	if err != nil {
		return nil, mapErr("member declarations", err)
	}
	return out, nil
}

// MeetingsDeclarations implements commands.HomeStore. Each meeting's
// declarations are found in its own part of declarations_meeting, so the
// read grows with the declarations of the meetings asked for, not with
// those on record for the committee's other meetings.
func (db *DB) MeetingsDeclarations(ctx context.Context, meetingIDs []int64) ([]commands.Declaration, error) {
	if len(meetingIDs) == 0 {
		return nil, nil
	}
	out, err := queryDeclarations(ctx, db.x, meetingsDeclarationsSQL, pq.Array(meetingIDs))
	if err != nil {
		return nil, mapErr("meetings' declarations", err)
	}
	return out, nil
}

// meetingsDeclarationsSQL reads the declarations standing for the
// meetings $1, by meeting, oldest first, in declarationColumns' order.
// Their withdrawals and dispensations are looked up a declaration at a
// time, by their keys, in scalar subqueries, which PostgreSQL cannot turn
// into a hash of the whole table: with EXISTS, a generic plan hashed
// every withdrawal ever made (15,000 at 3,000 meetings past) to keep six
// declarations of the next meeting.
var meetingsDeclarationsSQL = `SELECT d.id, d.meeting_id, d.item_number, d.item_id, ` + itemNowColumns("d.item_id") + `, d.user_id, d.name, d.kind, d.nature,
		(d.dispensation OR (SELECT true FROM declaration_dispensations p WHERE p.declaration_id = d.id) IS NOT NULL) AS dispensation,
		false AS withdrawn, d.declared_at, d.declared_by, d.source = 'import' AS imported
	FROM declarations d
	WHERE d.meeting_id = ANY($1)
	  AND (SELECT true FROM declaration_withdrawals w WHERE w.declaration_id = d.id) IS NULL
	ORDER BY d.meeting_id, d.declared_at, d.id`

// PostedMessages implements commands.HomeStore.
func (db *DB) PostedMessages(ctx context.Context, keys []string) ([]string, error) {
	if len(keys) == 0 {
		return nil, nil
	}
	var out []string
	err := db.x.SelectContext(ctx, &out, `
		SELECT message_key FROM slack_messages WHERE message_key = ANY($1)
		UNION
		SELECT message_key FROM outbox WHERE message_key = ANY($1) AND kind = 'post' AND state = 'pending'
		ORDER BY 1`, pq.Array(keys))
	return out, mapErr("posted messages", err)
}

// HomeOpened implements commands.HomeStore.
func (db *DB) HomeOpened(ctx context.Context, teamID, userID string, at time.Time, notice string) error {
	// A notice comes with a fresh mark on the Home: a refresh that the
	// button's own change queued may have read the notice before this
	// one was recorded, and, sent after the publish that shows this
	// notice, would leave the Home showing the one before. The mark is
	// sent after that refresh (one send per Home at a time) and reads
	// this notice.
	return db.execAlone(ctx, "home opened", `WITH v AS (
		INSERT INTO home_viewers (team_id, user_id, opened_at, notice, notice_at)
		VALUES ($1, $2, $3, $4, CASE WHEN $4 <> '' THEN CAST($3 AS timestamptz) END)
		ON CONFLICT (team_id, user_id) DO UPDATE SET opened_at = EXCLUDED.opened_at,
			notice = CASE WHEN EXCLUDED.notice <> '' THEN EXCLUDED.notice ELSE home_viewers.notice END,
			notice_at = CASE WHEN EXCLUDED.notice <> '' THEN EXCLUDED.notice_at ELSE home_viewers.notice_at END
		RETURNING team_id, user_id)
	INSERT INTO outbox (kind, team_id, user_id, message_key, payload)
	SELECT 'home', v.team_id, v.user_id, 'home:' || v.team_id || ':' || v.user_id, '{}'
	FROM v WHERE $4 <> ''
	ON CONFLICT (kind, message_key) WHERE kind IN ('update', 'home') AND state = 'pending' AND locked_until IS NULL
	DO NOTHING`,
		teamID, userID, at, notice)
}

// HomeNotice implements commands.HomeStore.
func (db *DB) HomeNotice(ctx context.Context, teamID, userID string, since time.Time) (string, error) {
	var notice string
	err := db.x.GetContext(ctx, &notice, `SELECT notice FROM home_viewers
		WHERE team_id = $1 AND user_id = $2 AND notice_at >= $3`, teamID, userID, since)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return notice, mapErr("home notice", err)
}

// WithHomeLock implements commands.HomeStore: fn runs holding a lock on
// userID's Home in team teamID, taken in PostgreSQL so that it holds
// across replicas, and for the Homes the outbox sends as for those
// published when a person opens their Home or presses a button on it.
// The lock is a transaction's, released when fn returns; fn reads through
// the pool, not through the transaction, so each publisher holds two
// connections for a moment. Publishers are few (a replica's Home workers
// and its outbox worker), well under the pool's size, so they cannot take
// every connection and wait on each other.
func (db *DB) WithHomeLock(ctx context.Context, teamID, userID string, fn func() error) error {
	return db.inTx(ctx, "home lock", func(tx *Tx) error {
		if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(hashtextextended('home:' || $1 || ':' || $2, 0))`, teamID, userID); err != nil {
			return err
		}
		return fn()
	})
}
