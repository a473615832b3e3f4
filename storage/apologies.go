package storage

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"github.com/quorumhq/quorum/commands"
)

type apologyRow struct {
	ID             int64          `db:"id"`
	MeetingID      int64          `db:"meeting_id"`
	UserID         sql.NullString `db:"user_id"`
	Name           string         `db:"name"`
	Organisation   string         `db:"organisation"`
	Reason         string         `db:"reason"`
	SubstituteID   sql.NullString `db:"substitute_id"`
	SubstituteName string         `db:"substitute_name"`
	Withdrawn      bool           `db:"withdrawn"`
	SentAt         time.Time      `db:"sent_at"`
	UpdatedAt      time.Time      `db:"updated_at"`
	Imported       bool           `db:"imported"`
	By             string         `db:"by_user"`
	ReceivedBy     string         `db:"received_by"`
	SubMember      bool           `db:"substitute_member"`
}

// apologyColumns reads an apology, in the order queryApologies scans,
// with whether it came from imported minutes (only people named in
// minutes, who have no Slack user, can have: the CASE spares a look
// through the history of every apology sent from Slack, which a busy
// member's may make long), who made its latest change, and who entered
// it if it was received at the meeting: the apology as it stands began
// with its latest 'sent', 'received' or 'imported' (a change keeps how it
// came; sent again after a withdrawal, it came anew). Apologies standing
// again once their member, marked here, was marked absent stand as sent:
// the withdrawal the mark made and the restoring are the marks', not a
// change to the apologies, and do not make them the officer's. Whether
// the substitute is a member in their own right is read as the apology
// is, so that every list of apologies says it alike.
const apologyColumns = `id, meeting_id, user_id, name, organisation, reason, substitute_id, substitute_name, withdrawn, sent_at, updated_at,
	CASE WHEN user_id IS NULL
	     THEN EXISTS (SELECT 1 FROM apology_history h WHERE h.apology_id = apologies.id AND h.action = 'imported')
	     ELSE false END AS imported,
	COALESCE((SELECT h.by_user FROM apology_history h WHERE h.apology_id = apologies.id
	          AND (apologies.withdrawn OR h.action <> 'restored' AND NOT (h.action = 'withdrawn' AND COALESCE(h.reason, '') = ` + attendedReason + `))
	          ORDER BY h.id DESC LIMIT 1), '') AS by_user,
	COALESCE((SELECT CASE WHEN h.action = 'received' THEN h.by_user ELSE '' END FROM apology_history h
	          WHERE h.apology_id = apologies.id AND h.action IN ('sent', 'received', 'imported') ORDER BY h.id DESC LIMIT 1), '') AS received_by,
	substitute_id IS NOT NULL AND EXISTS (SELECT 1 FROM members mb JOIN meetings mt ON mt.committee_id = mb.committee_id
	          WHERE mt.id = apologies.meeting_id AND mb.user_id = apologies.substitute_id AND mb.removed_at IS NULL
	          AND mb.role <> 'officer') AS substitute_member`

// queryApologies runs query, which reads apologyColumns, and scans its
// rows by hand: an agenda lists every apology of its meeting, a thousand
// in a large partnership, and scanning them by reflection (sqlx) took two
// thirds of serve's time for /agenda.
func queryApologies(ctx context.Context, q interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}, query string, args ...any) ([]apologyRow, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []apologyRow
	for rows.Next() {
		var r apologyRow
		if err := rows.Scan(&r.ID, &r.MeetingID, &r.UserID, &r.Name, &r.Organisation, &r.Reason, &r.SubstituteID,
			&r.SubstituteName, &r.Withdrawn, &r.SentAt, &r.UpdatedAt, &r.Imported, &r.By, &r.ReceivedBy, &r.SubMember); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

func (r apologyRow) apology() commands.Apology {
	return commands.Apology{
		ID: r.ID, MeetingID: r.MeetingID, UserID: r.UserID.String, Name: r.Name, Organisation: r.Organisation,
		Reason: r.Reason, SubstituteID: r.SubstituteID.String, SubstituteName: r.SubstituteName,
		Withdrawn: r.Withdrawn, SentAt: r.SentAt, UpdatedAt: r.UpdatedAt, Imported: r.Imported, By: r.By, ReceivedBy: r.ReceivedBy,
		SubstituteMember: r.SubMember,
	}
}

// memberKey identifies a person within a meeting's records: their Slack
// user, or their name for people known only from imported documents.
func memberKey(userID, name string) string {
	if userID != "" {
		return userID
	}
	return commands.NameKey(name)
}

// SendApology implements commands.ApologyStore: UpdateApology setting
// every part of the apology.
func (db *DB) SendApology(ctx context.Context, a commands.Apology) (commands.ApologyOutcome, error) {
	r, err := db.UpdateApology(ctx, a, commands.ApologyKeep{}, nil)
	return r.Outcome, err
}

// UpdateApology implements commands.ApologyStore. It is one statement,
// sent on its own: the apology, its history and the marks that bring the
// posted agenda and the officers' Homes up to date commit together. The
// meeting opened or cancelled meanwhile, nothing is written: ErrConflict.
// The notice, when there is one, is queued with it when it changed
// anything (writeTelling).
func (db *DB) UpdateApology(ctx context.Context, a commands.Apology, keep commands.ApologyKeep, notice *commands.OutboxMessage) (commands.ApologySent, error) {
	var r apologyWritten
	err := db.writeTelling(ctx, "send apology", notice, func() bool { return r.Sent && r.Written }, &r, sendApologySQL,
		apologyArgs(a).sqlArgs("sent", true, keep, true)...)
	if err != nil {
		return commands.ApologySent{}, err
	}
	if !r.Sent {
		return commands.ApologySent{}, mapErr("send apology", fmt.Errorf("meeting %d is opened, cancelled, moved or gone: %w", a.MeetingID, commands.ErrConflict))
	}
	return r.sent(), nil
}

// SendApologyFrom implements commands.ApologyStore: what Origin reads and
// what UpdateApology writes, in one statement and one round trip, shared
// with whatever other apologies are being sent at the same moment
// (batcher): an apology is sent far more often than anything else, by
// every member in the days before a meeting, and mostly all at once after
// a reminder.
func (db *DB) SendApologyFrom(ctx context.Context, req commands.ApologyRequest) (commands.Origin, commands.ApologySent, error) {
	if req.Replay != "" {
		db.pruneSeenLater()
	}
	r, err := db.apologies.do(ctx, req)
	switch {
	case err != nil:
		return commands.Origin{}, commands.ApologySent{}, mapErr("send apology", err)
	case !r.found:
		return commands.Origin{}, commands.ApologySent{}, mapErr("send apology", sql.ErrNoRows)
	case r.replayed:
		return commands.Origin{}, commands.ApologySent{}, commands.ErrReplay
	}
	return r.origin, r.sent, nil
}

// apologyFrom is what sendApologiesFrom says of one apology: whether the
// channel is a committee's, and if so the origin and what was written, or
// that the request was a replay (its key seen before) and nothing was.
type apologyFrom struct {
	found    bool
	replayed bool
	origin   commands.Origin
	sent     commands.ApologySent
}

// apologyBatcher batches SendApologyFrom (see batcher). A batch never
// holds two apologies from one person in one channel: both would be the
// same row.
func apologyBatcher(db *DB) *batcher[commands.ApologyRequest, apologyFrom] {
	return &batcher[commands.ApologyRequest, apologyFrom]{
		run: db.sendApologiesFrom,
		key: func(r commands.ApologyRequest) string {
			return r.TeamID + "\x00" + r.ChannelID + "\x00" + r.UserID
		},
		max: batchMax, workers: batchWorkers, spill: batchSpill,
	}
}

// sendApologiesFrom runs sendApologiesFromSQL for reqs.
func (db *DB) sendApologiesFrom(ctx context.Context, reqs []commands.ApologyRequest) ([]apologyFrom, error) {
	n := len(reqs)
	// Room for every row from the start: a row is large, and growing the
	// slice a row at a time was an eighth of what serve allocates.
	rows := make([]struct {
		Ord int `db:"ord"`
		originRow
		apologyWritten
		Replayed bool `db:"replayed"`
	}, 0, n)
	query, args := apologiesQuery(reqs)
	st, err := db.prepared(ctx, query)
	if err != nil {
		return nil, err
	}
	out := make([]apologyFrom, n)
	err = writeAlone(ctx, "send apologies", func(ctx context.Context) error {
		if err := st.SelectContext(ctx, &rows, args...); err != nil {
			return err
		}
		// Rows that cannot be told apart are a fault here, after the
		// statement committed: what each call's apology came to is in
		// doubt.
		for _, r := range rows {
			if r.Ord < 1 || r.Ord > n || out[r.Ord-1].found {
				return fmt.Errorf("storage: send apologies: a row for call %d of %d", r.Ord, n)
			}
			f := &out[r.Ord-1]
			f.found, f.origin, f.replayed = true, r.originRow.origin(), r.Replayed
			if r.Sent && !r.Replayed {
				f.sent = r.apologyWritten.sent()
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// apologiesQuery is the statement that sends reqs, and its parameters:
// sendApologiesFromSQL, or sendApologyFromSQL for one.
func apologiesQuery(reqs []commands.ApologyRequest) (query string, args []any) {
	n := len(reqs)
	a := newRequestArrays(n)
	reasons, subIDs, subNames := make(pq.StringArray, n), make(pq.StringArray, n), make(pq.StringArray, n)
	meetings := make(pq.Int64Array, n)
	keepReason, keepSub := make(pq.BoolArray, n), make(pq.BoolArray, n)
	for i, req := range reqs {
		key, nonce := replayKey(req.Replay)
		a.set(i, req.TeamID, req.ChannelID, req.UserID, req.At, key, nonce)
		meetings[i] = req.MeetingID
		reasons[i], subIDs[i], subNames[i] = keptEmpty(req.Keep, req.Reason, req.SubstituteID, req.SubstituteName)
		keepReason[i], keepSub[i] = req.Keep.Reason, req.Keep.Substitute
	}
	if n == 1 {
		return sendApologyFromSQL, []any{a.teams[0], a.channels[0], a.users[0], reqs[0].At, meetings[0],
			reasons[0], subIDs[0], subNames[0], keepReason[0], keepSub[0], a.keys[0], a.nonces[0]}
	}
	return sendApologiesFromSQL, []any{a.teams, a.channels, a.users, a.ats,
		meetings, reasons, subIDs, subNames, keepReason, keepSub, a.keys, a.nonces}
}

// keptEmpty blanks the parts keep keeps: they are what a first apology
// (or one sent again after a withdrawal) starts with.
func keptEmpty(keep commands.ApologyKeep, reason, subID, subName string) (string, string, string) {
	if keep.Reason {
		reason = ""
	}
	if keep.Substitute {
		subID, subName = "", ""
	}
	return reason, subID, subName
}

// apologyWriteSQL records the apologies described by the rows of a CTE
// named src, in the statement that defines src, each row told by its ord
// and no two for one apology: for each, it inserts or updates the standing
// apology only if something changed, writes the history row for the
// change and, when src.mark, marks what shows the apology stale
// (mark_stale, once for each meeting): with the sender's Home, the Homes
// of the substitutes it names and no longer names, whose Homes say who
// has named them, but not for a change of reason alone, which they do
// not show. Two sends at once are ordered by
// the row lock the upsert takes (or, for a first send, by the unique key):
// the second sees the first's row and, if it says the same, changes
// nothing. The upsert takes its rows in the order of the unique key, so
// that two statements at once that write some of the same apologies lock
// them in the same order and cannot deadlock. The parts a row keeps
// (keep_reason, keep_substitute: the sender did not mention them) are read
// from the locked row, not from the statement's snapshot, so that two
// updates of different parts at once both stand; an apology withdrawn
// keeps nothing. Whether the row was inserted or updated is read from the
// insert itself (xmax is 0 for a new row): two first sends racing both
// find no row before them, and the second must still count as a change.
// was is the row as it was before this statement (its snapshot), for
// saying what changed; the history records the row as written. src.at is
// when the change was asked for (the request's time, NULL for the
// database's now), which the history, sent_at and updated_at keep, so
// that a history reads in the order things were done under any clock the
// requests carry.
const apologyWriteSQL = `
was AS (
	SELECT src.ord, o.reason, o.substitute_id, o.substitute_name, o.withdrawn
	FROM apologies o JOIN src ON o.meeting_id = src.meeting_id AND o.member_key = src.member_key
), up AS (
	INSERT INTO apologies AS a (meeting_id, member_key, user_id, name, organisation, reason, substitute_id, substitute_name, sent_at, updated_at)
	SELECT meeting_id, member_key, user_id, name, organisation, reason, substitute_id, substitute_name,
	       COALESCE(at, now()), COALESCE(at, now()) FROM src
	ORDER BY meeting_id, member_key
	ON CONFLICT (meeting_id, member_key) DO UPDATE
	SET name = EXCLUDED.name, organisation = EXCLUDED.organisation,
	    reason = CASE WHEN (SELECT k.keep_reason FROM src k WHERE k.meeting_id = EXCLUDED.meeting_id AND k.member_key = EXCLUDED.member_key)
	                   AND NOT a.withdrawn THEN a.reason ELSE EXCLUDED.reason END,
	    substitute_id = CASE WHEN (SELECT k.keep_substitute FROM src k WHERE k.meeting_id = EXCLUDED.meeting_id AND k.member_key = EXCLUDED.member_key)
	                          AND NOT a.withdrawn THEN a.substitute_id ELSE EXCLUDED.substitute_id END,
	    substitute_name = CASE WHEN (SELECT k.keep_substitute FROM src k WHERE k.meeting_id = EXCLUDED.meeting_id AND k.member_key = EXCLUDED.member_key)
	                            AND NOT a.withdrawn THEN a.substitute_name ELSE EXCLUDED.substitute_name END,
	    withdrawn = false, updated_at = EXCLUDED.updated_at,
	    sent_at = CASE WHEN a.withdrawn THEN EXCLUDED.sent_at ELSE a.sent_at END
	WHERE a.withdrawn
	   OR NOT (SELECT k.keep_reason FROM src k WHERE k.meeting_id = EXCLUDED.meeting_id AND k.member_key = EXCLUDED.member_key)
	      AND a.reason IS DISTINCT FROM EXCLUDED.reason
	   OR NOT (SELECT k.keep_substitute FROM src k WHERE k.meeting_id = EXCLUDED.meeting_id AND k.member_key = EXCLUDED.member_key)
	      AND (a.substitute_id IS DISTINCT FROM EXCLUDED.substitute_id OR a.substitute_name IS DISTINCT FROM EXCLUDED.substitute_name)
	RETURNING a.id, a.meeting_id, a.member_key, (a.xmax = 0) AS inserted, a.reason, a.substitute_id, a.substitute_name
), upd AS (
	SELECT src.ord, src.committee_id, src.user_id, src.first_action, src.by_user, src.mark, src.at,
	       up.id, up.meeting_id, up.inserted, up.reason, up.substitute_id, up.substitute_name
	FROM up JOIN src ON src.meeting_id = up.meeting_id AND src.member_key = up.member_key
), hist AS (
	INSERT INTO apology_history (apology_id, action, reason, substitute_name, by_user, at)
	SELECT upd.id,
	       CASE WHEN upd.inserted OR COALESCE(was.withdrawn, false) THEN upd.first_action ELSE 'changed' END,
	       upd.reason, upd.substitute_name, upd.by_user, COALESCE(upd.at, now())
	FROM upd LEFT JOIN was ON was.ord = upd.ord
	ORDER BY upd.ord
	RETURNING apology_id
), stale AS (
	SELECT upd.committee_id, upd.meeting_id, mark_stale(upd.committee_id, upd.meeting_id, array_agg(upd.user_id)
	       || array_agg(upd.substitute_id) FILTER (WHERE upd.substitute_id IS DISTINCT FROM was.substitute_id OR was.withdrawn)
	       || array_agg(was.substitute_id) FILTER (WHERE upd.substitute_id IS DISTINCT FROM was.substitute_id AND NOT was.withdrawn)) AS n
	FROM upd LEFT JOIN was ON was.ord = upd.ord
	WHERE upd.mark
	GROUP BY upd.committee_id, upd.meeting_id
)`

// apologyWrittenColumns say what apologyWriteSQL did for the row ord of
// src (apologyWritten), read from the row of a query whose FROM ends with
// apologyWrittenJoins. Unchanged, the apology is as it was. substitute_for
// names whoever has named the sender as their substitute at the meeting,
// read from the statement's snapshot: a substitute who sends apologies is
// not refused (their apology must never be lost), but told.
const apologyWrittenColumns = `src.ord IS NOT NULL AS sent,
	COALESCE(NOT upd.inserted, false) AS existed,
	COALESCE(was.withdrawn, false) AS was_withdrawn,
	upd.ord IS NOT NULL AS written,
	COALESCE(stale.n, 0) AS marked,
	COALESCE(NOT was.withdrawn, false) AS stood,
	COALESCE(was.reason, '') AS was_reason,
	was.substitute_id AS was_substitute_id,
	COALESCE(was.substitute_name, '') AS was_substitute_name,
	COALESCE(upd.reason, was.reason, '') AS now_reason,
	CASE WHEN upd.ord IS NOT NULL THEN upd.substitute_id ELSE was.substitute_id END AS now_substitute_id,
	COALESCE(upd.substitute_name, was.substitute_name, '') AS now_substitute_name,
	ARRAY(SELECT x.name FROM apologies x
	      WHERE x.meeting_id = src.meeting_id AND x.substitute_id = src.user_id
	        AND x.member_key <> src.member_key AND NOT x.withdrawn
	      ORDER BY x.sent_at, x.id) AS substitute_for`

// apologyWrittenJoins joins to a relation q with the column ord what
// apologyWrittenColumns read. Reading stale here is also what runs it.
const apologyWrittenJoins = `
	LEFT JOIN src ON src.ord = q.ord
	LEFT JOIN was ON was.ord = q.ord
	LEFT JOIN upd ON upd.ord = q.ord
	LEFT JOIN stale ON stale.committee_id = upd.committee_id AND stale.meeting_id = upd.meeting_id`

// sitting is a query whose row, the meeting's id, says the committee (the
// SQL expression committee) has a meeting in progress at the time at: opened, not closed,
// and not left open from long before (commands.runningAtTable). An
// apology without a date means that meeting, whose apologies are closed,
// not the next meeting after it.
func sitting(committee, at string) string {
	return `SELECT sm.id FROM meetings sm WHERE sm.committee_id = ` + committee + ` AND sm.starts_at > ` + at + ` - interval '12 hours'
		AND EXISTS (SELECT 1 FROM meeting_sessions so WHERE so.meeting_id = sm.id AND so.action = 'opened')
		AND NOT EXISTS (SELECT 1 FROM meeting_sessions sc WHERE sc.meeting_id = sm.id AND sc.action = 'closed')`
}

// waiting is a query whose row says the committee (the SQL expression
// committee, in the time zone zone) has a meeting awaiting opening at the
// time at: still scheduled, not opened, and begun by the clock earlier
// the same day, less than 12 hours before. The rule is
// commands.awaitingOpening, and is kept there; it is repeated here only
// for the statements that read and write in one round trip
// (sendApologiesFromSQL, atTableSQL), which decline while a meeting
// waits, and for the reads of the meeting at the table (tableColumns,
// agendaFromSQL), which say that one does, so that the few commands sent
// while it waits go the long way, where commands finds it (inFront), and
// every other costs no round trip more. It must say what awaitingOpening
// says: a request it declined that commands then found not waiting would
// be answered with neither.
func waiting(committee, zone, at string) string {
	return `SELECT 1 FROM meetings wm WHERE wm.committee_id = ` + committee + ` AND wm.status = 'scheduled'
		AND wm.starts_at <= ` + at + ` AND wm.starts_at > ` + at + ` - interval '12 hours'
		AND CAST(wm.starts_at AT TIME ZONE ` + zone + ` AS date) = CAST(` + at + ` AT TIME ZONE ` + zone + ` AS date)
		AND ` + notOpened("wm.id")
}

// meetingShared is a CTE, lk, that takes the row lm of the meeting of
// each row of the relation from (the meeting's id in its column meeting)
// shared, on condition cond on lm, and lists the ord of the rows whose
// meeting it took. A statement that writes only for those is ordered with
// a transaction that locks the meeting's row and changes it, as opening
// and closing the meeting do (RecordSession): the transaction waits for
// the statement to commit, and reads what it wrote; a statement that
// waits for the transaction is re-checked against the row it wrote. The
// condition must be on that row: under READ COMMITTED, a check of another
// table (the meeting's log) is read as it stood when the statement began,
// not re-checked, and the statement would write, after the opening had
// read the apologies, for a meeting already sitting, or for one closed.
func meetingShared(from, meeting, cond string) string {
	return `lk AS (
	SELECT r.ord FROM ` + from + ` AS r JOIN meetings lm ON lm.id = r.` + meeting + `
	WHERE ` + cond + `
	FOR SHARE OF lm
)`
}

// memberShared is a CTE, lmb, that takes shared, after lk, the row of
// each row's sender (the user in the column user of from) on the
// committee in its column committee, on condition that they are still on
// it, and lists the ord of the rows whose member it took. RemoveMember
// changes that row before it withdraws the member's apologies, so an
// apology written only for those rows is ordered with the removal: taken
// first, the removal waits for it to commit and withdraws it; waiting for
// the removal, it is re-checked against the row the removal wrote and
// writes nothing. The membership read with the origin, from the
// statement's snapshot, would let an apology in after the removal had
// withdrawn what it found: one standing for someone no longer a member.
// lk is taken first, so that every statement takes the meeting's row,
// then the member's.
func memberShared(from, committee, user string) string {
	return `lmb AS (
	SELECT r.ord FROM ` + from + ` AS r JOIN members mb ON mb.committee_id = r.` + committee + ` AND mb.user_id = r.` + user + `
	WHERE mb.removed_at IS NULL AND r.ord IN (SELECT ord FROM lk)
	ORDER BY mb.user_id
	FOR SHARE OF mb
)`
}

// apologiesOpen is meetingShared's condition that apologies for the
// meeting may still be sent or withdrawn: it has been neither opened (its
// opening sets opened_at) nor cancelled, nor held. Cancelling, like
// opening, locks the row and changes it (CancelMeeting), so an apology
// sent as the meeting is cancelled is either committed before the
// cancelling is granted the row, or re-checked against the cancelled row
// and refused: the status read by the statement's own snapshot is the
// meeting's before the cancelling committed.
const apologiesOpen = `lm.opened_at IS NULL AND lm.status = 'scheduled'`

// unmoved is meetingShared's condition that the meeting still starts at
// at, an SQL expression for when its sender was shown it starting. A move
// (ChangeMeeting) locks the row as a cancelling does, and tells, in its
// transaction, those whose apologies stand: an apology sent as the
// meeting moves, waiting for it, would otherwise be recorded for the new
// day, its sender told the old one and not among those the move told.
func unmoved(at string) string { return `lm.starts_at = ` + at }

// sendApologySQL records an apology for meeting $1 (see sqlArgs), unless
// $14 and apologies for the meeting are closed (meetingShared,
// apologiesOpen) or it no longer starts at $15 (unmoved; NULL: wherever
// it starts): then, as for a meeting not found, sent is false and nothing
// is written.
var sendApologySQL = `
WITH one AS (
	SELECT 1 AS ord, CAST($1 AS bigint) AS meeting_id, (SELECT committee_id FROM meetings WHERE id = $1) AS committee_id,
	       CAST($3 AS text) AS user_id
), ` + meetingShared("one", "meeting_id", "("+apologiesOpen+" AND (CAST($15 AS timestamptz) IS NULL OR "+unmoved("$15")+")) OR NOT CAST($14 AS boolean)") + `,
` + memberShared("one", "committee_id", "user_id") + `, src AS (
	SELECT 1 AS ord, CAST($1 AS bigint) AS meeting_id, m.committee_id, CAST($2 AS text) AS member_key,
	       CAST($3 AS text) AS user_id, CAST($4 AS text) AS name, CAST($5 AS text) AS organisation,
	       CAST($6 AS text) AS reason, CAST($7 AS text) AS substitute_id, CAST($8 AS text) AS substitute_name,
	       CAST($9 AS text) AS first_action, CAST($10 AS text) AS by_user,
	       CAST($11 AS boolean) AS mark, CAST($12 AS boolean) AS keep_reason, CAST($13 AS boolean) AS keep_substitute,
	       CAST($16 AS timestamptz) AS at
	FROM meetings m WHERE m.id = $1 AND EXISTS (SELECT 1 FROM lk)
	  -- One who never was a member has no row to be removed from.
	  AND (NOT CAST($14 AS boolean) OR CAST($3 AS text) IS NULL OR EXISTS (SELECT 1 FROM lmb)
	       OR NOT EXISTS (SELECT 1 FROM members mb WHERE mb.committee_id = m.committee_id AND mb.user_id = $3))
), ` + apologyWriteSQL + `
SELECT ` + apologyWrittenColumns + `
FROM (VALUES (1)) AS q(ord)` + apologyWrittenJoins

// sendApologyFromSQL is sendApologiesFromSQL for one apology, its arrays
// of one element each as scalars, $1 to $10: a batch of one, which is what a
// call mostly is when the database is not busy, costs half as much this
// way (0.29 against 0.55 ms under pg_stat_statements) as the statement
// planned for many.
var sendApologyFromSQL = `
WITH o AS (
	SELECT 1 AS ord, ` + originColumns + originFrom + `
), seen AS (
	` + seenInsertSQL + `
	SELECT CAST($11 AS bytea), CAST($12 AS bigint) FROM o WHERE octet_length(CAST($11 AS bytea)) > 0
	` + seenConflictSQL + `
), ` + meetingShared("o", "n_id", apologiesOpen+" AND "+unmoved("r.n_starts_at")) + `,
` + memberShared("o", "id", "m_user_id") + `, src AS (
	SELECT o.ord, o.n_id AS meeting_id, o.id AS committee_id, CAST($3 AS text) AS member_key,
	       CAST($3 AS text) AS user_id, o.m_name AS name, o.m_organisation AS organisation,
	       CAST($6 AS text) AS reason, NULLIF(CAST($7 AS text), '') AS substitute_id, CAST($8 AS text) AS substitute_name,
	       'sent' AS first_action, CAST($3 AS text) AS by_user, true AS mark,
	       CAST($9 AS boolean) AS keep_reason, CAST($10 AS boolean) AS keep_substitute, CAST($4 AS timestamptz) AS at
	FROM o
	WHERE o.m_user_id IS NOT NULL AND o.n_status = 'scheduled' AND o.n_starts_at > $4
	  AND NOT EXISTS (SELECT 1 FROM meeting_sessions s WHERE s.meeting_id = o.n_id)
	  AND EXISTS (SELECT 1 FROM lmb)
	  AND NOT (CAST($5 AS bigint) = 0 AND (EXISTS (` + sitting("o.id", "CAST($4 AS timestamptz)") + `)
	           OR EXISTS (` + waiting("o.id", "o.time_zone", "CAST($4 AS timestamptz)") + `)))
	  AND (octet_length(CAST($11 AS bytea)) = 0 OR EXISTS (SELECT 1 FROM seen))
), ` + apologyWriteSQL + `
SELECT q.*, ` + apologyWrittenColumns + `,
	octet_length(CAST($11 AS bytea)) > 0 AND NOT EXISTS (SELECT 1 FROM seen) AS replayed
FROM o AS q` + apologyWrittenJoins

// sendApologiesFromSQL is apologies sent from channels, one for each
// element of its arrays: from channel ($1, $2) by $3 at $4 for meeting $5
// (0: the next), with reason $6 and substitute $7 (empty for none), $8,
// keeping the reason ($9) or the substitute ($10) standing. originSelect's
// reading, for each, finds the committee, the member and the meeting, and
// an apology is written only if its sender is a member, the meeting is
// scheduled, still to come and not opened (a meeting may be opened before
// its start; meetingShared orders the apology and the opening, and the
// apology and a cancelling), and, for
// the next meeting, no meeting is in progress
// (sitting) nor waits to be opened (waiting) — the rules package commands applies, applied here too so
// that the read and the write are one. The rules on who may substitute
// (not the sender, not someone whose apologies stand) are not: commands
// sends an apology that names a substitute the other way, through
// UpdateApology, after reading the apologies standing. The statement
// returns, in order, a row for each apology sent from a committee's
// channel, with its origin whatever was written, and none for the others.
var sendApologiesFromSQL = `
WITH r AS (
	SELECT * FROM unnest(CAST($1 AS text[]), CAST($2 AS text[]), CAST($3 AS text[]), CAST($4 AS timestamptz[]),
	                     CAST($5 AS bigint[]), CAST($6 AS text[]), CAST($7 AS text[]), CAST($8 AS text[]),
	                     CAST($9 AS boolean[]), CAST($10 AS boolean[]), CAST($11 AS bytea[]), CAST($12 AS bigint[]))
	WITH ORDINALITY AS r(team_id, channel_id, user_id, at, meeting_id, reason, substitute_id, substitute_name,
	                     keep_reason, keep_substitute, replay_key, replay_nonce, ord)
), o AS (
	SELECT r.ord, ` + originColumns + requestsOrigin("r") + `
	LEFT JOIN LATERAL (
		(SELECT id, starts_at, venue, status, time_known, revision FROM meetings
		 WHERE id = r.meeting_id AND committee_id = c.id)
		UNION ALL
		(SELECT id, starts_at, venue, status, time_known, revision FROM meetings
		 WHERE r.meeting_id = 0 AND committee_id = c.id AND starts_at > r.at AND status = 'scheduled'
		   AND ` + notOpened("meetings.id") + `
		 ORDER BY starts_at LIMIT 1)
	) n ON true
), seen AS (
	` + seenInsertSQL + `
	SELECT r.replay_key, r.replay_nonce FROM r JOIN o ON o.ord = r.ord WHERE octet_length(r.replay_key) > 0
	ORDER BY r.replay_key
	` + seenConflictSQL + `
), ` + meetingShared("o", "n_id", apologiesOpen+" AND "+unmoved("r.n_starts_at")) + `,
` + memberShared("o", "id", "m_user_id") + `, src AS (
	SELECT o.ord, o.n_id AS meeting_id, o.id AS committee_id, r.user_id AS member_key,
	       r.user_id, o.m_name AS name, o.m_organisation AS organisation,
	       r.reason, NULLIF(r.substitute_id, '') AS substitute_id, r.substitute_name,
	       'sent' AS first_action, r.user_id AS by_user, true AS mark,
	       r.keep_reason, r.keep_substitute, r.at
	FROM o JOIN r ON r.ord = o.ord
	WHERE o.m_user_id IS NOT NULL AND o.n_status = 'scheduled' AND o.n_starts_at > r.at
	  AND NOT EXISTS (SELECT 1 FROM meeting_sessions s WHERE s.meeting_id = o.n_id)
	  AND o.ord IN (SELECT ord FROM lmb)
	  AND NOT (r.meeting_id = 0 AND (EXISTS (` + sitting("o.id", "r.at") + `)
	           OR EXISTS (` + waiting("o.id", "o.time_zone", "r.at") + `)))
	  AND (octet_length(r.replay_key) = 0 OR r.replay_key IN (SELECT key FROM seen))
), ` + apologyWriteSQL + `
SELECT q.*, ` + apologyWrittenColumns + `,
	octet_length(rq.replay_key) > 0 AND rq.replay_key NOT IN (SELECT key FROM seen) AS replayed
FROM o AS q JOIN r AS rq ON rq.ord = q.ord` + apologyWrittenJoins + `
ORDER BY q.ord`

// apologyWritten is what apologyWriteSQL says it did.
type apologyWritten struct {
	Sent              bool           `db:"sent"` // the rules let it through
	Existed           bool           `db:"existed"`
	WasWithdrawn      bool           `db:"was_withdrawn"`
	Written           bool           `db:"written"`
	Marked            int            `db:"marked"` // read so that the stale CTE, which nothing else uses, runs
	Stood             bool           `db:"stood"`  // an apology stood before, not withdrawn
	WasReason         string         `db:"was_reason"`
	WasSubstituteID   sql.NullString `db:"was_substitute_id"`
	WasSubstituteName string         `db:"was_substitute_name"`
	NowReason         string         `db:"now_reason"`
	NowSubstituteID   sql.NullString `db:"now_substitute_id"`
	NowSubstituteName string         `db:"now_substitute_name"`
	SubstituteFor     pq.StringArray `db:"substitute_for"`
}

func (r apologyWritten) outcome() commands.ApologyOutcome {
	switch {
	case !r.Written:
		return commands.ApologyUnchanged
	case !r.Existed:
		return commands.ApologyRecorded
	case r.WasWithdrawn:
		return commands.ApologyRenewed
	}
	return commands.ApologyChanged
}

func (r apologyWritten) sent() commands.ApologySent {
	out := commands.ApologySent{Outcome: r.outcome(), Now: commands.ApologyParts{
		Reason: r.NowReason, SubstituteID: r.NowSubstituteID.String, SubstituteName: r.NowSubstituteName,
	}}
	if len(r.SubstituteFor) > 0 {
		out.SubstituteFor = []string(r.SubstituteFor)
	}
	if r.Stood {
		out.Was = &commands.ApologyParts{Reason: r.WasReason, SubstituteID: r.WasSubstituteID.String, SubstituteName: r.WasSubstituteName}
	}
	return out
}

// sqlArgs are sendApologySQL's parameters for a, with firstAction
// ("sent", "imported") as the history's word for a first one; notOpened
// sends it only while apologies for the meeting are open (apologiesOpen)
// and, a.MeetingStartsAt set, it has not moved from then (unmoved); a.At
// is when it was sent ($16).
func (a apologyArgs) sqlArgs(firstAction string, mark bool, keep commands.ApologyKeep, notOpened bool) []any {
	reason, subID, subName := keptEmpty(keep, a.Reason, a.SubstituteID, a.SubstituteName)
	return []any{a.MeetingID, memberKey(a.UserID, a.Name), nullString(a.UserID), a.Name, a.Organisation,
		reason, nullString(subID), subName, firstAction, a.By, mark, keep.Reason, keep.Substitute, notOpened, nullTime(a.MeetingStartsAt),
		nullTime(a.At)}
}

type apologyArgs commands.Apology

// sendApology records a's apology inside a transaction of the caller's,
// as imports do: their records are not on any posted agenda or Home yet.
func sendApology(ctx context.Context, q sqlx.ExtContext, a commands.Apology, firstAction string) (commands.ApologyOutcome, error) {
	var r apologyWritten
	if err := sqlx.GetContext(ctx, q, &r, sendApologySQL, apologyArgs(a).sqlArgs(firstAction, false, commands.ApologyKeep{}, false)...); err != nil {
		return "", err
	}
	if !r.Sent {
		return "", fmt.Errorf("meeting %d: %w", a.MeetingID, sql.ErrNoRows)
	}
	return r.outcome(), nil
}

// withdrawApologySQL withdraws the apologies of $2 for meeting $1, by $3
// at $5 (NULL: the database's now; $4 the user whose Home shows them), in
// one statement that takes the
// meeting's row shared on condition cond (meetingShared): with the
// apology's history and the marks that bring the posted agenda and the
// Homes of the officers and of the substitute it named up to date, or,
// the condition failing, nothing.
func withdrawApologySQL(cond string) string {
	return `
		WITH one AS (
			SELECT 1 AS ord, CAST($1 AS bigint) AS meeting_id
		), ` + meetingShared("one", "meeting_id", cond) + `, w AS (
			UPDATE apologies SET withdrawn = true, updated_at = COALESCE(CAST($5 AS timestamptz), now())
			WHERE meeting_id = $1 AND member_key = $2 AND NOT withdrawn AND EXISTS (SELECT 1 FROM lk)
			RETURNING id, substitute_id
		), hist AS (
			INSERT INTO apology_history (apology_id, action, by_user, at)
			SELECT id, 'withdrawn', $3, COALESCE(CAST($5 AS timestamptz), now()) FROM w
		), stale AS (
			SELECT mark_stale(m.committee_id, m.id, ARRAY[CAST($4 AS text), w.substitute_id]) AS n FROM w JOIN meetings m ON m.id = $1
		)
		SELECT EXISTS (SELECT 1 FROM lk) AS open, (SELECT id FROM w) AS id, COALESCE((SELECT n FROM stale), 0) AS marked`
}

// apologyWithdrawn is what withdrawApologySQL says it did.
type apologyWithdrawn struct {
	Open   bool          `db:"open"` // the condition held
	ID     sql.NullInt64 `db:"id"`
	Marked int           `db:"marked"` // read so that the stale CTE runs
}

// result is the error for what r says, op naming the write and closed
// saying why the condition failed.
func (r apologyWithdrawn) result(op, closed string) error {
	switch {
	case !r.Open:
		return mapErr(op, fmt.Errorf("%s: %w", closed, commands.ErrConflict))
	case !r.ID.Valid:
		return mapErr(op, sql.ErrNoRows)
	}
	return nil
}

// WithdrawApology implements commands.ApologyStore: one statement, like
// SendApology, on condition that the meeting has been neither opened nor
// cancelled (apologiesOpen) and still starts when m says (unmoved), so
// that a withdrawal is ordered with the opening, the cancelling and a move
// as apologies sent are. Apologies withdrawn at the meeting go through
// WithdrawApologyAtMeeting. The notice, when there is one, is queued
// with the withdrawal (writeTelling).
func (db *DB) WithdrawApology(ctx context.Context, m commands.Meeting, userID, by string, at time.Time, notice *commands.OutboxMessage) error {
	var r apologyWithdrawn
	err := db.writeTelling(ctx, "withdraw apology", notice, func() bool { return r.Open && r.ID.Valid }, &r,
		withdrawApologySQL(apologiesOpen+" AND "+unmoved("CAST($6 AS timestamptz)")),
		m.ID, memberKey(userID, ""), by, userID, nullTime(at), m.StartsAt)
	if err != nil {
		return err
	}
	return r.result("withdraw apology", fmt.Sprintf("meeting %d is opened, cancelled, moved or gone", m.ID))
}

// WithdrawApologyAtMeeting implements commands.ConductStore. It takes the
// meeting's attendance lock alone, as ReceiveApology does and for the same
// reason, and then withdraws on condition that the meeting was opened and
// is still scheduled: closing makes it held, so the withdrawal is done
// before the meeting closed or, with nothing written, refused
// (ErrConflict); a meeting closed since the command read it keeps its
// apologies as they stood when it closed. The notice, when there is one,
// is queued with the withdrawal, when one was made.
func (db *DB) WithdrawApologyAtMeeting(ctx context.Context, meetingID int64, userID, by string, at time.Time, notice *commands.OutboxMessage) error {
	var r apologyWithdrawn
	err := db.inTx(ctx, "withdraw apology at meeting", func(tx *Tx) error {
		if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(`+attendanceLock+`)`, meetingID); err != nil {
			return err
		}
		if err := tx.GetContext(ctx, &r, withdrawApologySQL("lm.opened_at IS NOT NULL AND lm.status = 'scheduled'"),
			meetingID, memberKey(userID, ""), by, userID, nullTime(at)); err != nil {
			return err
		}
		return tell(ctx, tx, notice, r.Open && r.ID.Valid)
	})
	if err != nil {
		return err
	}
	return r.result("withdraw apology at meeting", "the meeting is not in progress")
}

// Apologies implements commands.ApologyStore.
func (db *DB) Apologies(ctx context.Context, meetingID int64) ([]commands.Apology, error) {
	rows, err := queryApologies(ctx, db.x, `SELECT `+apologyColumns+` FROM apologies
		WHERE meeting_id = $1 AND NOT withdrawn ORDER BY sent_at, id`, meetingID)
	if err != nil {
		return nil, mapErr("apologies", err)
	}
	out := make([]commands.Apology, len(rows))
	for i, r := range rows {
		out[i] = r.apology()
	}
	return out, nil
}

// ApologyHistory implements commands.ApologyStore.
func (db *DB) ApologyHistory(ctx context.Context, meetingID int64) ([]commands.ApologyEvent, error) {
	var rows []struct {
		UserID         sql.NullString `db:"user_id"`
		Name           string         `db:"name"`
		Action         string         `db:"action"`
		Reason         string         `db:"reason"`
		SubstituteName string         `db:"substitute_name"`
		By             string         `db:"by_user"`
		At             time.Time      `db:"at"`
	}
	err := db.x.SelectContext(ctx, &rows, `SELECT a.user_id, a.name, h.action, h.reason, h.substitute_name, h.by_user, h.at
		FROM apology_history h JOIN apologies a ON a.id = h.apology_id
		WHERE a.meeting_id = $1 ORDER BY h.id`, meetingID)
	if err != nil {
		return nil, mapErr("apology history", err)
	}
	out := make([]commands.ApologyEvent, len(rows))
	for i, r := range rows {
		out[i] = commands.ApologyEvent{UserID: r.UserID.String, Name: r.Name, Action: r.Action, Reason: r.Reason, SubstituteName: r.SubstituteName, By: r.By, At: r.At}
	}
	return out, nil
}

// receiveApologySQL records apologies received at meeting $1, in
// progress (opened, not closed), for the person of member key $2 ($3
// user, $4 name, $5 organisation) with reason $6, unless kept ($8), entered
// by $7 at $9: see ReceiveApology. The substitute an apology standing names is
// kept. Nothing is written, and sent is false, when the meeting is not in
// progress or the person's latest attendance mark has them at it: only
// no mark, or absent, lets apologies stand beside the attendance. The
// meeting's row is taken shared on condition that it is still scheduled
// (meetingShared): closing the meeting makes it held, so apologies are
// received before it closed or refused.
var receiveApologySQL = `
WITH one AS (
	SELECT 1 AS ord, CAST($1 AS bigint) AS meeting_id
), ` + meetingShared("one", "meeting_id", "lm.status = 'scheduled'") + `, src AS (
	SELECT 1 AS ord, m.id AS meeting_id, m.committee_id, CAST($2 AS text) AS member_key,
	       CAST($3 AS text) AS user_id, CAST($4 AS text) AS name, CAST($5 AS text) AS organisation,
	       CAST($6 AS text) AS reason, CAST(NULL AS text) AS substitute_id, '' AS substitute_name,
	       'received' AS first_action, CAST($7 AS text) AS by_user, true AS mark,
	       CAST($8 AS boolean) AS keep_reason, true AS keep_substitute, CAST($9 AS timestamptz) AS at
	FROM meetings m
	WHERE m.id = $1 AND EXISTS (SELECT 1 FROM lk)
	  AND EXISTS (SELECT 1 FROM meeting_sessions s WHERE s.meeting_id = m.id AND s.action = 'opened')
	  AND NOT EXISTS (SELECT 1 FROM meeting_sessions s WHERE s.meeting_id = m.id AND s.action = 'closed')
	  AND COALESCE((SELECT l.status FROM attendance_marks l WHERE l.meeting_id = m.id AND l.member_key = $2
	                ORDER BY l.seq DESC LIMIT 1), 'absent') = 'absent'
), ` + apologyWriteSQL + `
SELECT ` + apologyWrittenColumns + `
FROM (VALUES (1)) AS q(ord)` + apologyWrittenJoins

// ReceiveApology implements commands.ConductStore. The meeting's
// attendance lock, held alone, comes first, in a statement of its own:
// every mark holds it, shared or alone, from its insert to its commit, so
// the statement after it reads every mark committed, and none commits
// before the apology does. Without it, a mark of the person here sent at
// the same moment would find no apology to withdraw, and the apology
// would find no mark: both would stand, and the minutes would list them
// present and apologising. A mark after it withdraws the apology, as it
// does any (markAs). The notice, when there is one, is queued with the
// apologies when they changed anything.
func (db *DB) ReceiveApology(ctx context.Context, a commands.Apology, keep commands.ApologyKeep, notice *commands.OutboxMessage) (commands.ApologySent, error) {
	var r apologyWritten
	err := db.inTx(ctx, "receive apology", func(tx *Tx) error {
		if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(`+attendanceLock+`)`, a.MeetingID); err != nil {
			return err
		}
		reason, _, _ := keptEmpty(keep, a.Reason, "", "")
		if err := tx.GetContext(ctx, &r, receiveApologySQL, a.MeetingID, memberKey(a.UserID, a.Name), nullString(a.UserID),
			a.Name, a.Organisation, reason, a.By, keep.Reason, nullTime(a.At)); err != nil {
			return err
		}
		return tell(ctx, tx, notice, r.Sent && r.Written)
	})
	if err != nil {
		return commands.ApologySent{}, err
	}
	if !r.Sent {
		return commands.ApologySent{}, mapErr("receive apology", fmt.Errorf("the meeting is not in progress or the person is marked at it: %w", commands.ErrConflict))
	}
	return r.sent(), nil
}
