package storage

import (
	"context"
	"database/sql"
	"time"

	"github.com/jmoiron/sqlx"

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
}

// apologyColumns reads an apology with whether it came from imported
// minutes (only people named in minutes, who have no Slack user, can
// have: the CASE spares a look through the history of every apology sent
// from Slack, which a busy member's may make long) and who made its
// latest change.
const apologyColumns = `id, meeting_id, user_id, name, organisation, reason, substitute_id, substitute_name, withdrawn, sent_at, updated_at,
	CASE WHEN user_id IS NULL
	     THEN EXISTS (SELECT 1 FROM apology_history h WHERE h.apology_id = apologies.id AND h.action = 'imported')
	     ELSE false END AS imported,
	COALESCE((SELECT h.by_user FROM apology_history h WHERE h.apology_id = apologies.id ORDER BY h.id DESC LIMIT 1), '') AS by_user`

func (r apologyRow) apology() commands.Apology {
	return commands.Apology{
		ID: r.ID, MeetingID: r.MeetingID, UserID: r.UserID.String, Name: r.Name, Organisation: r.Organisation,
		Reason: r.Reason, SubstituteID: r.SubstituteID.String, SubstituteName: r.SubstituteName,
		Withdrawn: r.Withdrawn, SentAt: r.SentAt, UpdatedAt: r.UpdatedAt, Imported: r.Imported, By: r.By,
	}
}

// memberKey identifies a person within a meeting's records: their Slack
// user, or their name for people known only from imported documents.
func memberKey(userID, name string) string {
	if userID != "" {
		return userID
	}
	return "name:" + normaliseName(name)
}

// SendApology implements commands.ApologyStore: UpdateApology setting
// every part of the apology.
func (db *DB) SendApology(ctx context.Context, a commands.Apology) (commands.ApologyOutcome, error) {
	r, err := db.UpdateApology(ctx, a, commands.ApologyKeep{})
	return r.Outcome, err
}

// UpdateApology implements commands.ApologyStore. It is one statement,
// sent on its own: the apology, its history and the marks that bring the
// posted agenda and the officers' Homes up to date commit together.
func (db *DB) UpdateApology(ctx context.Context, a commands.Apology, keep commands.ApologyKeep) (commands.ApologySent, error) {
	var r apologyWritten
	err := db.write(ctx, "send apology", &r, sendApologySQL, apologyArgs(a).sqlArgs("sent", true, keep)...)
	if err != nil {
		return commands.ApologySent{}, err
	}
	return r.sent(), nil
}

// SendApologyFrom implements commands.ApologyStore: what Origin reads and
// what UpdateApology writes, in one statement and one round trip.
func (db *DB) SendApologyFrom(ctx context.Context, req commands.ApologyRequest) (commands.Origin, commands.ApologySent, error) {
	var r struct {
		originRow
		apologyWritten
	}
	reason, subID, subName := keptEmpty(req.Keep, req.Reason, req.SubstituteID, req.SubstituteName)
	err := db.write(ctx, "send apology", &r, sendApologyFromSQL,
		req.TeamID, req.ChannelID, req.UserID, req.At, req.MeetingID,
		reason, nullString(subID), subName, req.Keep.Reason, req.Keep.Substitute)
	if err != nil {
		return commands.Origin{}, commands.ApologySent{}, err
	}
	o := r.originRow.origin()
	if !r.Sent {
		return o, commands.ApologySent{}, nil
	}
	return o, r.apologyWritten.sent(), nil
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

// apologyWriteSQL records the apology described by the one row of a CTE
// named src, in the statement that defines src: it inserts or updates the
// standing apology only if something changed, writes the history row for
// the change and, when src.mark, marks what shows the apology stale
// (mark_stale). Two sends at once are ordered by the row lock the upsert
// takes (or, for a first send, by the unique key): the second sees the
// first's row and, if it says the same, changes nothing. The parts src
// keeps (keep_reason, keep_substitute: the sender did not mention them)
// are read from that locked row, not from the statement's snapshot, so
// that two updates of different parts at once both stand; an apology
// withdrawn keeps nothing. Whether the row was inserted or updated is read
// from the insert itself (xmax is 0 for a new row): two first sends racing
// both find no row before them, and the second must still count as a
// change. was is the row as it was before this statement (its snapshot),
// for saying what changed; the history records the row as written.
const apologyWriteSQL = `
was AS (
	SELECT o.reason, o.substitute_id, o.substitute_name, o.withdrawn
	FROM apologies o JOIN src ON o.meeting_id = src.meeting_id AND o.member_key = src.member_key
), up AS (
	INSERT INTO apologies AS a (meeting_id, member_key, user_id, name, organisation, reason, substitute_id, substitute_name)
	SELECT meeting_id, member_key, user_id, name, organisation, reason, substitute_id, substitute_name FROM src
	ON CONFLICT (meeting_id, member_key) DO UPDATE
	SET name = EXCLUDED.name, organisation = EXCLUDED.organisation,
	    reason = CASE WHEN (SELECT keep_reason FROM src) AND NOT a.withdrawn THEN a.reason ELSE EXCLUDED.reason END,
	    substitute_id = CASE WHEN (SELECT keep_substitute FROM src) AND NOT a.withdrawn THEN a.substitute_id ELSE EXCLUDED.substitute_id END,
	    substitute_name = CASE WHEN (SELECT keep_substitute FROM src) AND NOT a.withdrawn THEN a.substitute_name ELSE EXCLUDED.substitute_name END,
	    withdrawn = false, updated_at = now(),
	    sent_at = CASE WHEN a.withdrawn THEN now() ELSE a.sent_at END
	WHERE a.withdrawn
	   OR NOT (SELECT keep_reason FROM src) AND a.reason IS DISTINCT FROM EXCLUDED.reason
	   OR NOT (SELECT keep_substitute FROM src) AND (a.substitute_id IS DISTINCT FROM EXCLUDED.substitute_id
	                                                 OR a.substitute_name IS DISTINCT FROM EXCLUDED.substitute_name)
	RETURNING a.id, (a.xmax = 0) AS inserted, a.reason, a.substitute_id, a.substitute_name
), hist AS (
	INSERT INTO apology_history (apology_id, action, reason, substitute_name, by_user)
	SELECT up.id,
	       CASE WHEN up.inserted OR COALESCE((SELECT withdrawn FROM was), false) THEN src.first_action
	            ELSE 'changed' END,
	       up.reason, up.substitute_name, src.by_user
	FROM up, src
	RETURNING apology_id
), stale AS (
	SELECT mark_stale(src.committee_id, src.meeting_id, ARRAY[src.user_id]) AS n
	FROM up, src
	WHERE src.mark
)`

// apologyWrittenColumns say what apologyWriteSQL did (apologyWritten).
// Unchanged, the apology is as it was.
const apologyWrittenColumns = `EXISTS (SELECT 1 FROM src) AS sent,
	COALESCE((SELECT NOT inserted FROM up), false) AS existed,
	COALESCE((SELECT withdrawn FROM was), false) AS was_withdrawn,
	EXISTS (SELECT 1 FROM up) AS written,
	COALESCE((SELECT n FROM stale), 0) AS marked,
	EXISTS (SELECT 1 FROM was WHERE NOT withdrawn) AS stood,
	COALESCE((SELECT reason FROM was), '') AS was_reason,
	(SELECT substitute_id FROM was) AS was_substitute_id,
	COALESCE((SELECT substitute_name FROM was), '') AS was_substitute_name,
	COALESCE((SELECT reason FROM up), (SELECT reason FROM was), '') AS now_reason,
	CASE WHEN EXISTS (SELECT 1 FROM up) THEN (SELECT substitute_id FROM up) ELSE (SELECT substitute_id FROM was) END AS now_substitute_id,
	COALESCE((SELECT substitute_name FROM up), (SELECT substitute_name FROM was), '') AS now_substitute_name`

// sendApologySQL records an apology for meeting $1 (see sqlArgs).
const sendApologySQL = `
WITH src AS (
	SELECT CAST($1 AS bigint) AS meeting_id, m.committee_id, CAST($2 AS text) AS member_key,
	       CAST($3 AS text) AS user_id, CAST($4 AS text) AS name, CAST($5 AS text) AS organisation,
	       CAST($6 AS text) AS reason, CAST($7 AS text) AS substitute_id, CAST($8 AS text) AS substitute_name,
	       CAST($9 AS text) AS first_action, CAST($10 AS text) AS by_user,
	       CAST($11 AS boolean) AS mark, CAST($12 AS boolean) AS keep_reason, CAST($13 AS boolean) AS keep_substitute
	FROM (VALUES (1)) AS one LEFT JOIN meetings m ON m.id = $1
), ` + apologyWriteSQL + `
SELECT ` + apologyWrittenColumns

// sendApologyFromSQL is an apology sent from a channel ($1, $2) by $3 at
// $4 for meeting $5 (0: the next), with reason $6 and substitute $7, $8,
// keeping the reason ($9) or the substitute ($10) standing: originSelect
// finds the committee, the member and the meeting, and the
// apology is written only if the sender is a member and the meeting is
// scheduled and still to come — the rules package commands applies,
// applied here too so that the read and the write are one. The statement
// returns the origin row whatever was written, and no row when the channel
// has no committee.
const sendApologyFromSQL = `
WITH o AS (` + originSelect + `
), src AS (
	SELECT o.n_id AS meeting_id, o.id AS committee_id, CAST($3 AS text) AS member_key,
	       CAST($3 AS text) AS user_id, o.m_name AS name, o.m_organisation AS organisation,
	       CAST($6 AS text) AS reason, CAST($7 AS text) AS substitute_id, CAST($8 AS text) AS substitute_name,
	       'sent' AS first_action, CAST($3 AS text) AS by_user, true AS mark,
	       CAST($9 AS boolean) AS keep_reason, CAST($10 AS boolean) AS keep_substitute
	FROM o
	WHERE o.m_user_id IS NOT NULL AND o.n_status = 'scheduled' AND o.n_starts_at > $4
), ` + apologyWriteSQL + `
SELECT o.*, ` + apologyWrittenColumns + ` FROM o`

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
	if r.Stood {
		out.Was = &commands.ApologyParts{Reason: r.WasReason, SubstituteID: r.WasSubstituteID.String, SubstituteName: r.WasSubstituteName}
	}
	return out
}

// sqlArgs are sendApologySQL's parameters for a, with firstAction
// ("sent", "imported") as the history's word for a first one.
func (a apologyArgs) sqlArgs(firstAction string, mark bool, keep commands.ApologyKeep) []any {
	reason, subID, subName := keptEmpty(keep, a.Reason, a.SubstituteID, a.SubstituteName)
	return []any{a.MeetingID, memberKey(a.UserID, a.Name), nullString(a.UserID), a.Name, a.Organisation,
		reason, nullString(subID), subName, firstAction, a.By, mark, keep.Reason, keep.Substitute}
}

type apologyArgs commands.Apology

// sendApology records a's apology inside a transaction of the caller's,
// as imports do: their records are not on any posted agenda or Home yet.
func sendApology(ctx context.Context, q sqlx.ExtContext, a commands.Apology, firstAction string) (commands.ApologyOutcome, error) {
	var r apologyWritten
	if err := sqlx.GetContext(ctx, q, &r, sendApologySQL, apologyArgs(a).sqlArgs(firstAction, false, commands.ApologyKeep{})...); err != nil {
		return "", err
	}
	return r.outcome(), nil
}

// WithdrawApology implements commands.ApologyStore: one statement, like
// SendApology.
func (db *DB) WithdrawApology(ctx context.Context, meetingID int64, userID, by string) error {
	var r struct {
		ID     sql.NullInt64 `db:"id"`
		Marked int           `db:"marked"` // read so that the stale CTE runs
	}
	err := db.write(ctx, "withdraw apology", &r, `
		WITH w AS (
			UPDATE apologies SET withdrawn = true, updated_at = now()
			WHERE meeting_id = $1 AND member_key = $2 AND NOT withdrawn
			RETURNING id
		), hist AS (
			INSERT INTO apology_history (apology_id, action, by_user) SELECT id, 'withdrawn', $3 FROM w
		), stale AS (
			SELECT mark_stale(m.committee_id, m.id, ARRAY[CAST($4 AS text)]) AS n FROM w JOIN meetings m ON m.id = $1
		)
		SELECT (SELECT id FROM w) AS id, COALESCE((SELECT n FROM stale), 0) AS marked`,
		meetingID, memberKey(userID, ""), by, userID)
	if err != nil {
		return err
	}
	if !r.ID.Valid {
		return mapErr("withdraw apology", sql.ErrNoRows)
	}
	return nil
}

// Apologies implements commands.ApologyStore.
func (db *DB) Apologies(ctx context.Context, meetingID int64) ([]commands.Apology, error) {
	var rows []apologyRow
	err := db.x.SelectContext(ctx, &rows, `SELECT `+apologyColumns+` FROM apologies
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
