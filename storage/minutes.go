package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"github.com/quorumhq/quorum/commands"
)

type minuteRow struct {
	ID            int64          `db:"id"`
	CommitteeID   int64          `db:"committee_id"`
	CommitteeName string         `db:"committee_name"`
	MeetingID     int64          `db:"meeting_id"`
	HeldOn        string         `db:"held_on"`
	Number        string         `db:"number"`
	Title         string         `db:"title"`
	Narrative     string         `db:"narrative"`
	Refs          pq.StringArray `db:"refs"`
	Highlight     sql.NullString `db:"highlight"`
	Passage       sql.NullString `db:"passage"`
	Draft         bool           `db:"draft"`
	Item          string         `db:"item_number"`
}

const minuteColumns = `mi.id, mi.committee_id, c.name AS committee_name, mi.meeting_id,
	to_char(mi.held_on, 'YYYY-MM-DD') AS held_on, mi.number, mi.title, mi.narrative, mi.refs,
	mi.status = 'draft' AS draft, mi.item_number`

const minuteFrom = ` FROM minutes mi JOIN committees c ON c.id = mi.committee_id `

// minuteHasText leaves out, where minutes are looked up, listed,
// searched and numbered on from, a minute of an agenda item made in Quorum with no text: one
// made only for a correction proposed to a minute the draft writes from the
// records (see CommentMinute). The draft, which reads them all, shows the
// paragraph drawn from the records instead.
const minuteHasText = ` (mi.item_number = '' OR mi.narrative <> '' OR mi.resolved <> '') `

func (r minuteRow) minute() commands.Minute {
	m := commands.Minute{
		ID: r.ID, CommitteeID: r.CommitteeID, CommitteeName: r.CommitteeName, MeetingID: r.MeetingID,
		Number: r.Number, Title: r.Title, Narrative: r.Narrative, References: []string(r.Refs), Highlight: r.Highlight.String, Passage: r.Passage.String,
		Draft: r.Draft, Item: r.Item,
	}
	if t, err := time.Parse("2006-01-02", r.HeldOn); err == nil {
		m.HeldOn = commands.DateOf(t, time.UTC)
	}
	if m.References == nil {
		m.References = []string{}
	}
	return m
}

// dateArg is d as a date parameter; NULL for the zero Date.
func dateArg(d commands.Date) sql.NullString {
	if d.IsNext() {
		return sql.NullString{}
	}
	return sql.NullString{String: d.Start(time.UTC).Format("2006-01-02"), Valid: true}
}

// ImportMinutes implements commands.MinutesStore.
func (db *DB) ImportMinutes(ctx context.Context, rec commands.MinutesRecord) (commands.MinutesStored, error) {
	var stored commands.MinutesStored
	err := db.inTx(ctx, "import minutes", func(tx *Tx) error {
		var err error
		stored, err = importMinutes(ctx, tx, rec)
		return err
	})
	return stored, err
}

func importMinutes(ctx context.Context, tx *Tx, rec commands.MinutesRecord) (commands.MinutesStored, error) {
	// One import at a time per committee, so that two imports of the same
	// meeting cannot both make it. FOR NO KEY UPDATE, not FOR UPDATE, as
	// ImportAgenda: a change to the meeting's agenda, holding the
	// meeting's row, writes rows that name the committee (the audit
	// log's), and must not wait for this lock while the import waits for
	// that row (the minutes' rows name the meeting).
	if _, err := tx.ExecContext(ctx, `SELECT id FROM committees WHERE id = $1 FOR NO KEY UPDATE`, rec.CommitteeID); err != nil {
		return commands.MinutesStored{}, err
	}
	var meeting struct {
		ID     int64  `db:"id"`
		Status string `db:"status"`
	}
	err := tx.GetContext(ctx, &meeting, `SELECT id, status FROM meetings
		WHERE committee_id = $1 AND starts_at >= $2 AND starts_at < $3
		ORDER BY status = 'cancelled', starts_at LIMIT 1`, rec.CommitteeID, rec.DayStart, rec.DayEnd)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		meeting.Status = string(commands.MeetingHeld)
		// Minutes that print no start time put the meeting at the start
		// of its day (see commands.MinutesRecord): its time is not known.
		err = tx.GetContext(ctx, &meeting.ID, `
			INSERT INTO meetings (committee_id, starts_at, venue, status, source, created_by, time_known)
			VALUES ($1, $2, $3, 'held', 'import', $4, $5) RETURNING id`, rec.CommitteeID, rec.StartsAt, rec.Venue, rec.By, !rec.StartsAt.Equal(rec.DayStart))
		if err != nil {
			return commands.MinutesStored{}, err
		}
		if err := audit(ctx, tx, rec.CommitteeID, rec.By, "meeting.import", "", map[string]any{"meeting": meeting.ID, "starts_at": rec.StartsAt, "venue": rec.Venue}); err != nil {
			return commands.MinutesStored{}, err
		}
	case err != nil:
		return commands.MinutesStored{}, err
	default:
		// Minutes confirmed in Quorum are the record: an import would
		// delete them, with their history, below.
		confirmed := false
		if err := tx.GetContext(ctx, &confirmed, `SELECT EXISTS (SELECT 1 FROM minutes_approvals WHERE meeting_id = $1)`, meeting.ID); err != nil {
			return commands.MinutesStored{}, err
		}
		if confirmed {
			return commands.MinutesStored{}, fmt.Errorf("storage: import minutes: meeting %d confirmed in quorum: %w", meeting.ID, commands.ErrConflict)
		}
		// Minutes drafted in Quorum are the officer's work, with their
		// history and the corrections members proposed: deleted below
		// only when the import was told to replace them, and then kept in
		// the audit log.
		if err := draftsReplaced(ctx, tx, meeting.ID, rec); err != nil {
			return commands.MinutesStored{}, err
		}
	}

	var doc struct {
		ID         int64        `db:"id"`
		ReplacedAt sql.NullTime `db:"replaced_at"`
	}
	err = tx.GetContext(ctx, &doc, `SELECT id, replaced_at FROM minute_documents
		WHERE meeting_id = $1 AND kind = 'minutes' AND sha256 = $2`, meeting.ID, rec.Hash)
	switch {
	case err == nil && !doc.ReplacedAt.Valid:
		// The same minutes again: nothing of theirs changes, but their
		// actions are added if they were left out before (an archive's
		// latest minutes, imported again with them; see
		// commands.MinutesImportOptions), once.
		stored := commands.MinutesStored{Outcome: commands.MinutesUnchanged, MeetingID: meeting.ID}
		actions, err := actionsToAdd(ctx, tx, meeting.ID, rec, &stored)
		if err != nil || len(actions) == 0 {
			return stored, err
		}
		minuteIDs := map[string]int64{}
		rows, err := tx.QueryxContext(ctx, `SELECT number, id FROM minutes WHERE meeting_id = $1`, meeting.ID)
		if err != nil {
			return stored, err
		}
		defer rows.Close()
		for rows.Next() {
			var number string
			var id int64
			if err := rows.Scan(&number, &id); err != nil {
				return stored, err
			}
			minuteIDs[number] = id
		}
		if err := rows.Err(); err != nil {
			return stored, err
		}
		stored.ActionsAdded, err = importActions(ctx, tx, meeting.ID, minuteIDs, rec, actions)
		return stored, err
	case err != nil && !errors.Is(err, sql.ErrNoRows):
		return commands.MinutesStored{}, err
	}
	known := err == nil // an earlier version, replaced since, comes back

	outcome := commands.MinutesImported
	res, err := tx.ExecContext(ctx, `UPDATE minute_documents SET replaced_at = now()
		WHERE meeting_id = $1 AND kind = 'minutes' AND replaced_at IS NULL`, meeting.ID)
	if err != nil {
		return commands.MinutesStored{}, err
	}
	if n, _ := res.RowsAffected(); n > 0 {
		outcome = commands.MinutesReplaced
	}
	// The minutes are rebuilt from the document; the earlier document
	// stays, marked replaced, with its text and what was read from it.
	if _, err := tx.ExecContext(ctx, `DELETE FROM minutes WHERE meeting_id = $1`, meeting.ID); err != nil {
		return commands.MinutesStored{}, err
	}
	// Drafts replaced are no longer waiting on the officers' Homes.
	if err := markHomesStale(ctx, tx, rec.CommitteeID, []string{}); err != nil {
		return commands.MinutesStored{}, err
	}
	if known {
		_, err = tx.ExecContext(ctx, `UPDATE minute_documents SET replaced_at = NULL, imported_at = now(), imported_by = $2, closing = $3 WHERE id = $1`, doc.ID, rec.By, rec.Closing)
	} else {
		err = tx.GetContext(ctx, &doc.ID, `
			INSERT INTO minute_documents (committee_id, meeting_id, kind, sha256, imported_by, body, record, closing)
			VALUES ($1, $2, 'minutes', $3, $4, $5, $6, $7) RETURNING id`,
			rec.CommitteeID, meeting.ID, rec.Hash, rec.By, rec.Body, string(rec.Record), rec.Closing)
	}
	if err != nil {
		return commands.MinutesStored{}, err
	}
	// Minutes say the meeting took place, whatever Quorum expected of it.
	if meeting.Status != string(commands.MeetingHeld) {
		if _, err := tx.ExecContext(ctx, `UPDATE meetings SET status = 'held',
			venue = CASE WHEN venue = '' THEN $2 ELSE venue END WHERE id = $1`, meeting.ID, rec.Venue); err != nil {
			return commands.MinutesStored{}, err
		}
		if err := audit(ctx, tx, rec.CommitteeID, rec.By, "meeting.held", "", map[string]any{"meeting": meeting.ID, "was": meeting.Status}); err != nil {
			return commands.MinutesStored{}, err
		}
	}
	// Those in attendance follow those present, and those marked absent
	// follow them, as the minutes print the lists.
	names := append(append(slices.Clip(rec.Present), rec.InAttendance...), rec.Absent...)
	if _, err := tx.ExecContext(ctx, `
		INSERT INTO meeting_attendance (document_id, meeting_id, position, name, in_attendance, absent)
		SELECT $1, $2, t.ord, t.name, t.ord > $4 AND t.ord <= $5, t.ord > $5 FROM unnest($3::text[]) WITH ORDINALITY AS t(name, ord)
		ON CONFLICT DO NOTHING`, doc.ID, meeting.ID, pq.Array(names), len(rec.Present), len(rec.Present)+len(rec.InAttendance)); err != nil {
		return commands.MinutesStored{}, err
	}
	heldOn := dateArg(rec.HeldOn)
	minuteIDs := map[string]int64{}
	for i, m := range rec.Minutes {
		var id int64
		err := tx.GetContext(ctx, &id, `
			INSERT INTO minutes (meeting_id, committee_id, document_id, number, position, title, narrative, refs, held_on, resolved, after_resolutions)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
			meeting.ID, rec.CommitteeID, doc.ID, m.Number, i+1, m.Title, m.Narrative, pq.Array(nonNil(m.References)), heldOn, m.Resolved(), m.After)
		if err != nil {
			return commands.MinutesStored{}, err
		}
		minuteIDs[m.Number] = id
		for j, r := range m.Resolutions {
			if _, err := tx.ExecContext(ctx, `INSERT INTO resolutions (minute_id, position, body, parts, recorded_as, after_text) VALUES ($1, $2, $3, $4, $5, $6)`,
				id, j+1, r.Body, pq.Array(nonNil(r.Parts)), r.Word(), r.After); err != nil {
				return commands.MinutesStored{}, err
			}
		}
	}
	if err := importApologies(ctx, tx, meeting.ID, rec); err != nil {
		return commands.MinutesStored{}, err
	}
	if err := importDeclarations(ctx, tx, meeting.ID, rec); err != nil {
		return commands.MinutesStored{}, err
	}
	stored := commands.MinutesStored{Outcome: outcome, MeetingID: meeting.ID}
	actions, err := actionsToAdd(ctx, tx, meeting.ID, rec, &stored)
	if err != nil {
		return commands.MinutesStored{}, err
	}
	added, err := importActions(ctx, tx, meeting.ID, minuteIDs, rec, actions)
	if err != nil {
		return commands.MinutesStored{}, err
	}
	stored.ActionsAdded = added
	action := "minutes.import"
	if outcome == commands.MinutesReplaced {
		action = "minutes.replace"
	}
	return stored, audit(ctx, tx, rec.CommitteeID, rec.By, action, "", map[string]any{
		"meeting": meeting.ID, "document": doc.ID, "sha256": rec.Hash, "minutes": len(rec.Minutes), "actions": added,
	})
}

// draftsReplaced refuses, with a *commands.DraftMinutesError, an import
// of rec over minutes of the meeting drafted in Quorum and not yet
// confirmed, unless rec.ReplaceDrafts; then it writes the drafts, each
// with its history and comments, into the audit log, which is all that
// will remain of them.
func draftsReplaced(ctx context.Context, tx *Tx, meetingID int64, rec commands.MinutesRecord) error {
	if !rec.ReplaceDrafts {
		var drafts struct {
			Numbers  pq.StringArray `db:"numbers"`
			Comments int            `db:"comments"`
		}
		err := tx.GetContext(ctx, &drafts, `SELECT COALESCE(array_agg(mi.number ORDER BY mi.position, mi.id), '{}') AS numbers,
				(SELECT count(*) FROM minute_comments k WHERE k.minute_id = ANY (array_agg(mi.id))) AS comments
			FROM minutes mi WHERE mi.meeting_id = $1 AND mi.status = 'draft'
			  AND (`+minuteHasText+` OR EXISTS (SELECT 1 FROM minute_comments k WHERE k.minute_id = mi.id))`, meetingID)
		if err != nil {
			return err
		}
		if len(drafts.Numbers) > 0 {
			return &commands.DraftMinutesError{MeetingID: meetingID, Numbers: []string(drafts.Numbers), Comments: drafts.Comments}
		}
		return nil
	}
	_, err := tx.ExecContext(ctx, `
		INSERT INTO audit_log (committee_id, actor, action, subject, detail, at)
		SELECT $2, $3, 'minutes.drafts_replaced', '', jsonb_build_object('meeting', CAST($1 AS bigint), 'drafts',
			jsonb_agg(jsonb_build_object('number', mi.number, 'item', mi.item_number, 'title', mi.title,
				'narrative', mi.narrative, 'resolved', mi.resolved,
				'history', (SELECT COALESCE(jsonb_agg(jsonb_build_object('action', h.action, 'narrative', h.narrative,
						'resolved', h.resolved, 'at', h.at, 'by', h.by_user) ORDER BY h.id), '[]')
					FROM minute_history h WHERE h.minute_id = mi.id),
				'comments', (SELECT COALESCE(jsonb_agg(jsonb_build_object('body', k.body, 'at', k.at, 'by', k.by_user) ORDER BY k.id), '[]')
					FROM minute_comments k WHERE k.minute_id = mi.id))
				ORDER BY mi.position, mi.id)), COALESCE(CAST($4 AS timestamptz), now())
		FROM minutes mi WHERE mi.meeting_id = $1 AND mi.status = 'draft'
		HAVING count(*) > 0`, meetingID, rec.CommitteeID, rec.By, nullTime(rec.At))
	return err
}

// actionsToAdd is which of rec's actions to add to the meeting: none when
// rec says to leave them out, or when a later meeting of the committee has
// published minutes on record (stored.LaterMinutes is then set): each set of minutes
// prints the actions outstanding when it was written, and only the
// latest's still are. Minutes imported oldest first leave the actions of
// each earlier set added while it was the latest; those stand, as any
// action does, until someone marks them done.
func actionsToAdd(ctx context.Context, tx *Tx, meetingID int64, rec commands.MinutesRecord, stored *commands.MinutesStored) ([]commands.ActionPoint, error) {
	if rec.SkipActions || len(rec.Actions) == 0 {
		return nil, nil
	}
	var later sql.NullTime
	// Published minutes of a later meeting, not minutes drafted in
	// Quorum: those record that meeting's own actions, not the ones it
	// carried forward, which are still to come from these.
	err := tx.GetContext(ctx, &later, `SELECT max(m.starts_at) FROM meetings m
		WHERE m.committee_id = $1 AND m.starts_at > (SELECT starts_at FROM meetings WHERE id = $2)
		AND EXISTS (SELECT 1 FROM minute_documents d WHERE d.meeting_id = m.id AND d.kind = 'minutes' AND d.replaced_at IS NULL)`, rec.CommitteeID, meetingID)
	if err != nil || later.Valid {
		stored.LaterMinutes = later.Time
		return nil, err
	}
	return rec.Actions, nil
}

// importActions adds actions (rec's, or none) to the meeting, each under its minute
// (minuteIDs: the minutes just stored, by number), and returns how many it
// added. An action the meeting has already under that minute with the same
// text, or with the words the minutes print (which releases before stored
// as its text), is not added again, whatever has become of it since: re-dated,
// reassigned or done; nor is one the minutes print as Quorum printed an
// action it has under that minute (commands.AgreedActionText): minutes
// exported and imported again. The actions of the meeting's earlier minutes,
// unlinked when those were deleted above, are linked to the minutes of the
// same number again.
func importActions(ctx context.Context, tx *Tx, meetingID int64, minuteIDs map[string]int64, rec commands.MinutesRecord, actions []commands.ActionPoint) (int, error) {
	if _, err := tx.ExecContext(ctx, `UPDATE actions a SET minute_id = mi.id FROM minutes mi
		WHERE a.meeting_id = $1 AND a.minute_id IS NULL AND mi.meeting_id = $1 AND mi.number = a.minute_number`, meetingID); err != nil {
		return 0, err
	}
	agreed, err := meetingActions(ctx, tx, meetingID)
	if err != nil {
		return 0, err
	}
	// An action by its minute and its words, however the lines fell.
	key := func(minute, text string) string { return minute + "\x00" + strings.Join(strings.Fields(text), " ") }
	printed := map[string]bool{}
	for _, a := range agreed {
		if a.First.Kind != "imported" {
			printed[key(a.MinuteNumber, commands.AgreedActionText(a))] = true
		}
	}
	added := 0
	for _, a := range actions {
		if printed[key(a.MinuteNumber, a.Text)] || printed[key(a.MinuteNumber, a.AsPrinted)] {
			continue
		}
		// One statement: the action, unless the meeting has it, and its log.
		// Had by its words as printed (stored so before), or by its task
		// with the same owner and date: two people given the same task
		// under one minute are two actions.
		var id sql.NullInt64
		err := tx.GetContext(ctx, &id, `
			WITH a AS (
				INSERT INTO actions (committee_id, meeting_id, minute_id, minute_number, owner_user, owner_name, due_on, body, created_by)
				SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9
				WHERE NOT EXISTS (SELECT 1 FROM actions WHERE meeting_id = $2 AND minute_number = $4
					AND (body = $10 OR body = $8 AND owner_name = $6 AND due_on IS NOT DISTINCT FROM $7))
				RETURNING id, owner_user, owner_name, due_on, created_by
			), l AS (
				INSERT INTO action_log (action_id, kind, owner_user, owner_name, due_on, by_user)
				SELECT id, 'imported', owner_user, owner_name, due_on, created_by FROM a
			)
			SELECT (SELECT id FROM a) AS id`,
			rec.CommitteeID, meetingID, nullID(minuteIDs[a.MinuteNumber]), a.MinuteNumber, a.OwnerUser, a.OwnerName, dateArg(a.Due), a.Text, rec.By, a.AsPrinted)
		if err != nil {
			return 0, err
		}
		if !id.Valid {
			continue
		}
		added++
		if err := actionsStale(ctx, tx, rec.CommitteeID, a.OwnerUser); err != nil {
			return 0, err
		}
		if err := audit(ctx, tx, rec.CommitteeID, rec.By, "action.import", a.OwnerUser, map[string]any{"action": id.Int64, "meeting": meetingID}); err != nil {
			return 0, err
		}
	}
	return added, nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// importApologies makes the meeting's imported apologies those of rec.
// Apologies sent from Slack stand; a person who sent one is not recorded
// twice. Imported apologies the new version no longer lists are withdrawn.
func importApologies(ctx context.Context, tx *Tx, meetingID int64, rec commands.MinutesRecord) error {
	rows, err := queryApologies(ctx, tx, `SELECT `+apologyColumns+` FROM apologies WHERE meeting_id = $1 ORDER BY id FOR UPDATE`, meetingID)
	if err != nil {
		return err
	}
	fromSlack := map[string]bool{}
	imported := map[string]apologyRow{}
	for _, r := range rows {
		if r.UserID.Valid {
			if !r.Withdrawn {
				fromSlack[commands.FoldName(r.Name)] = true
			}
		} else {
			imported[commands.FoldName(r.Name)] = r
		}
	}
	listed := map[string]bool{}
	for _, a := range rec.Apologies {
		key := commands.FoldName(a.Name)
		listed[key] = true
		if fromSlack[key] {
			continue
		}
		a.MeetingID = meetingID
		a.By = rec.By
		if _, err := sendApology(ctx, tx, a, "imported"); err != nil {
			return err
		}
	}
	for key, r := range imported {
		if listed[key] || r.Withdrawn {
			continue
		}
		if _, err := tx.ExecContext(ctx, `UPDATE apologies SET withdrawn = true, updated_at = now() WHERE id = $1`, r.ID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO apology_history (apology_id, action, by_user) VALUES ($1, 'withdrawn', $2)`, r.ID, rec.By); err != nil {
			return err
		}
	}
	return nil
}

// importDeclarations makes the meeting's imported declarations those of
// rec. Declarations are never edited: one the new version no longer lists
// is withdrawn, and a changed one is a withdrawal and a new declaration.
func importDeclarations(ctx context.Context, tx *Tx, meetingID int64, rec commands.MinutesRecord) error {
	var rows []struct {
		ID     int64  `db:"id"`
		Name   string `db:"name"`
		Item   string `db:"item_number"`
		Kind   string `db:"kind"`
		Nature string `db:"nature"`
	}
	err := tx.SelectContext(ctx, &rows, `SELECT d.id, d.name, d.item_number, d.kind, d.nature FROM declarations d
		WHERE d.meeting_id = $1 AND d.source = 'import'
		AND NOT EXISTS (SELECT 1 FROM declaration_withdrawals w WHERE w.declaration_id = d.id)
		ORDER BY d.id`, meetingID)
	if err != nil {
		return err
	}
	key := func(name, item, kind, nature string) string {
		return commands.FoldName(name) + "\x00" + item + "\x00" + kind + "\x00" + nature
	}
	standing := map[string][]int64{}
	for _, r := range rows {
		k := key(r.Name, r.Item, r.Kind, r.Nature)
		standing[k] = append(standing[k], r.ID)
	}
	var add []commands.DeclaredInterest
	for _, d := range rec.Declarations {
		k := key(d.Name, d.Item, d.Kind, d.Nature)
		if ids := standing[k]; len(ids) > 0 {
			standing[k] = ids[1:]
			continue
		}
		add = append(add, d)
	}
	// Withdrawn first: a declaration reworded in the new version ("Trustee"
	// printed now as "trustee.") is the same declaration to the unique
	// index, and would meet the old one still standing.
	for _, ids := range standing {
		for _, id := range ids {
			if _, err := tx.ExecContext(ctx, `INSERT INTO declaration_withdrawals (declaration_id, withdrawn_by) VALUES ($1, $2)`, id, rec.By); err != nil {
				return err
			}
		}
	}
	for _, d := range add {
		// As Declare does: an identical declaration withdrawn before (by an
		// earlier version of these minutes) counts up the revision, and one
		// printed twice in a document is stored once.
		_, err := tx.ExecContext(ctx, `
			INSERT INTO declarations (meeting_id, item_number, member_key, name, kind, nature, source, declared_by, revision)
			VALUES ($1, $2, $3, $4, $5, $6, 'import', $7,
				(SELECT count(*) FROM declarations o JOIN declaration_withdrawals w ON w.declaration_id = o.id
				 WHERE o.meeting_id = $1 AND o.item_number = $2 AND o.member_key = $3 AND o.kind = $5 AND declaration_nature(o.nature) = declaration_nature($6)))
			ON CONFLICT (meeting_id, item_number, member_key, kind, declaration_nature(nature), revision) WHERE item_id IS NULL DO NOTHING`,
			meetingID, d.Item, memberKey("", d.Name), d.Name, d.Kind, d.Nature, rec.By)
		if err != nil {
			return err
		}
	}
	return nil
}

// withResolutions loads the resolutions of ms.
func (db *DB) withResolutions(ctx context.Context, rows []minuteRow) ([]commands.Minute, error) {
	return withResolutions(ctx, db.x, rows)
}

func withResolutions(ctx context.Context, q sqlx.QueryerContext, rows []minuteRow) ([]commands.Minute, error) {
	out := make([]commands.Minute, len(rows))
	ids := make([]int64, len(rows))
	at := map[int64]int{}
	for i, r := range rows {
		out[i] = r.minute()
		ids[i] = r.ID
		at[r.ID] = i
	}
	if len(rows) == 0 {
		return out, nil
	}
	var res []struct {
		MinuteID int64          `db:"minute_id"`
		ID       int64          `db:"id"`
		Body     string         `db:"body"`
		Parts    pq.StringArray `db:"parts"`
		Word     string         `db:"recorded_as"`
	}
	err := sqlx.SelectContext(ctx, q, &res, `SELECT minute_id, id, body, parts, recorded_as FROM resolutions
		WHERE minute_id = ANY($1) ORDER BY minute_id, position`, pq.Array(ids))
	if err != nil {
		return nil, err
	}
	for _, r := range res {
		m := &out[at[r.MinuteID]]
		m.Resolutions = append(m.Resolutions, commands.Resolution{ID: r.ID, Body: r.Body, Parts: []string(r.Parts), RecordedAs: r.Word})
	}
	return out, nil
}

// MinutesByNumber implements commands.MinutesStore.
func (db *DB) MinutesByNumber(ctx context.Context, committeeID int64, number string, on commands.Date, limit int) ([]commands.Minute, error) {
	var rows []minuteRow
	err := db.x.SelectContext(ctx, &rows, `SELECT `+minuteColumns+minuteFrom+`
		WHERE mi.committee_id = $1 AND mi.number = $2 AND ($3::date IS NULL OR mi.held_on = $3::date) AND`+minuteHasText+`
		ORDER BY mi.held_on DESC, mi.id DESC LIMIT $4`, committeeID, number, dateArg(on), limit)
	if err != nil {
		return nil, mapErr("minutes by number", err)
	}
	out, err := db.withResolutions(ctx, rows)
	return out, mapErr("minutes by number", err)
}

// MinutesOn implements commands.MinutesStore.
func (db *DB) MinutesOn(ctx context.Context, committeeID int64, day commands.Date) ([]commands.Minute, error) {
	var rows []minuteRow
	err := db.x.SelectContext(ctx, &rows, `SELECT `+minuteColumns+minuteFrom+`
		WHERE mi.committee_id = $1 AND mi.held_on = $2::date AND`+minuteHasText+`
		ORDER BY mi.meeting_id, mi.position LIMIT 200`, committeeID, dateArg(day))
	if err != nil {
		return nil, mapErr("minutes on", err)
	}
	out := make([]commands.Minute, len(rows))
	for i, r := range rows {
		out[i] = r.minute()
	}
	return out, nil
}

// Options of ts_headline. The markers are control characters, which
// imported text never holds (and translate removes from the text in any
// case), so every marker in a headline is one the search put there.
var (
	headlineAll      = fmt.Sprintf("StartSel=%s, StopSel=%s, HighlightAll=true", commands.HighlightStart, commands.HighlightStop)
	headlinePassages = fmt.Sprintf(`StartSel=%s, StopSel=%s, MaxWords=40, MinWords=15, MaxFragments=2, FragmentDelimiter=%s`, commands.HighlightStart, commands.HighlightStop, fragmentMark)
)

// searchWindow is how many of a committee's most recent minutes a search
// ranks first. It covers the whole history of most committees (ten
// meetings a year of ten minutes each is two decades); only a committee
// with more minutes than this has older minutes left out when recent ones
// match enough. See SearchMinutes.
const searchWindow = commands.RecentMinutes

// phraseWindowCommon is how many of the searchWindow most recent minutes
// (one in two hundred) must hold all the words of a phrase for the words
// to count as common, in which case the phrase is looked for in those
// recent minutes only. Each minute that holds the words must be read to
// see whether they stand side by side, at 6–7 µs a minute, and how many
// hold them in all is what this threshold bounds: in the largest committee
// of the benchmark corpus (62,876 minutes), words held by just under ten
// of its recent minutes are held by 160–590 in all, read within the
// search's 10 ms; at twenty, by up to 885, which was not (p99 11–12 ms).
// See SearchMinutes.
const phraseWindowCommon = 10

// SearchMinutes implements commands.MinutesStore.
//
// Ranking reads the search column of every row it ranks, so ranking every
// match of a common word in a large committee ("report noted" matches half
// of its minutes) would take time in proportion to the committee's
// history. Instead the search ranks the matches among the committee's
// searchWindow most recent minutes, read in order from the (committee_id,
// held_on, id) index, and only if fewer than limit of them match does it
// look through all the committee's minutes, with the GIN index, where a
// word that few recent minutes hold is rare enough to rank every match.
// A committee whose minutes all fit in the window has nothing older to
// look through.
//
// A phrase ("report noted", or a hyphenated word) is the exception to
// "rare enough". The GIN index keeps no word positions: it finds the
// minutes that hold all the words, and each has to be read to see whether
// they stand side by side. When the words are common (at least
// phraseWindowCommon of the recent minutes hold them all) that is tens of
// thousands of minutes in a large committee, every one of which must be
// read to find that none holds the phrase. So a phrase of common words is
// looked for among the searchWindow most recent minutes only: the same
// "most recent matches" as common words get, and for a committee whose
// minutes fit in the window, every minute. A phrase of less common words
// is looked for in all the committee's minutes, however few of those hold
// it among however many hold the words.
//
// Headlines, which read the text, are made for the rows shown only.
func (db *DB) SearchMinutes(ctx context.Context, committeeID int64, words string, limit int) ([]commands.Minute, bool, error) {
	var rows []searchRow
	err := db.x.SelectContext(ctx, &rows, searchMinutesSQL, committeeID, plainWords(words), limit, headlineMarkers,
		headlineAll, headlinePassages, searchWindow, phraseWindowCommon)
	if err != nil {
		return nil, false, mapErr("search minutes", err)
	}
	return db.found(ctx, rows)
}

// WordsNotInMinutes implements commands.MinutesStore. Each word is looked
// for in the GIN index, as a rare word is by SearchMinutes; a word that
// holds no letter the search reads (or a word too common) is in none.
func (db *DB) WordsNotInMinutes(ctx context.Context, committeeID int64, words []string) ([]string, error) {
	plain := make([]string, len(words))
	for i, w := range words {
		plain[i] = plainWords(w)
	}
	var at []int
	err := db.x.SelectContext(ctx, &at, `SELECT t.n FROM unnest($2::text[]) WITH ORDINALITY AS t(w, n)
		WHERE NOT EXISTS (SELECT 1 FROM minutes mi WHERE mi.committee_id = $1 AND mi.search @@ `+searchQuery("plainto_tsquery", "t.w")+`
			AND`+minuteHasText+`)
		ORDER BY t.n`, committeeID, pq.Array(plain))
	// The words as typed, for the answer to quote.
	out := []string{}
	for _, n := range at {
		if n >= 1 && n <= len(words) {
			out = append(out, words[n-1])
		}
	}
	return out, mapErr("words not in minutes", err)
}

// acronymMeetings and acronymDocuments bound what AcronymDefinitions
// reads: the agenda items of the committee's latest acronymMeetings
// meetings, and the documents of its latest acronymDocuments, whose text
// runs to pages (30 of 60 kB each are read in about 10 ms). An acronym
// spelt out only in older records is not found: one in use is spelt out
// again, agenda after agenda.
const (
	acronymMeetings  = 200
	acronymDocuments = 30
)

// AcronymDefinitions implements commands.MinutesStore. Minutes that hold
// the acronym are found by the search itself; this reads where a search
// that found nothing may still find it spelt out: the titles and
// descriptions of the committee's agenda items, and the documents it
// imported (agenda packs, and minutes with the reports printed in them).
// Both are read through the committee's latest meetings
// (agenda_items_meeting, and minute_documents' (meeting_id, …) key), and
// only the texts holding "(ACRONYM)" are read with the expression.
func (db *DB) AcronymDefinitions(ctx context.Context, committeeID int64, acronym string, limit int) ([]string, error) {
	out := []string{}
	// The acronym is put into a regular expression.
	if !commands.IsAcronym(acronym) {
		return out, nil
	}
	err := db.x.SelectContext(ctx, &out, `
		WITH ms AS MATERIALIZED (
			SELECT m.id, m.starts_at FROM meetings m WHERE m.committee_id = $1
			ORDER BY m.starts_at DESC LIMIT $4
		),
		-- Materialized, so that "(ACRONYM)" is looked for in these
		-- texts only, not in every document before the join.
		items AS MATERIALIZED (
			SELECT ms.starts_at, i.title || ' ' || i.description AS text
			FROM ms JOIN agenda_items i ON i.meeting_id = ms.id WHERE i.removed_at IS NULL
		),
		docs AS MATERIALIZED (
			SELECT ms.starts_at, d.body AS text
			FROM (SELECT * FROM ms ORDER BY ms.starts_at DESC LIMIT $5) ms JOIN minute_documents d ON d.meeting_id = ms.id
			WHERE d.replaced_at IS NULL
		),
		texts AS (
			SELECT i.starts_at, 0 AS n, i.text FROM items i WHERE strpos(i.text, $2) > 0
			UNION ALL
			SELECT d.starts_at, 1, d.text FROM docs d WHERE strpos(d.text, $2) > 0
		),
		defined AS (
			SELECT t.n, t.starts_at, (regexp_match(t.text, '([^()]{1,120})\(' || $3 || '\)'))[1] AS before FROM texts t
		)
		SELECT d.before FROM defined d WHERE d.before IS NOT NULL
		ORDER BY d.n, d.starts_at DESC LIMIT $6`, committeeID, "("+acronym+")", acronym, acronymMeetings, acronymDocuments, limit)
	return out, mapErr("acronym definitions", err)
}

// searchRow is a row of searchFound: a minute found, or none (ID 0).
type searchRow struct {
	minuteRow
	RecentOnly bool `db:"recent_only"`
	Pos        int  `db:"pos"`
}

// found is what SearchMinutes returns for the rows of searchFound.
func (db *DB) found(ctx context.Context, rows []searchRow) ([]commands.Minute, bool, error) {
	if len(rows) == 1 && rows[0].ID == 0 {
		return nil, rows[0].RecentOnly, nil
	}
	mrows := make([]minuteRow, len(rows))
	for i, r := range rows {
		mrows[i] = r.minuteRow
	}
	out, err := db.withResolutions(ctx, mrows)
	if err != nil {
		return nil, false, mapErr("search minutes", err)
	}
	for i := range out {
		ownLetters(&out[i])
	}
	return out, len(rows) > 0 && rows[0].RecentOnly, nil
}

// searchQuery is the SQL expression of the tsquery that fn (websearch_to_tsquery
// or plainto_tsquery) makes of the SQL expression words, or of words as
// another member may spell them: a hyphenated word joined up
// ("anti-social" as "antisocial", which the English parser reads as
// another word) and "-ize" words as British minutes spell them
// ("organization", which stems to 'organ', as "organisation"). The two
// queries are joined by "or", which for words left out ("-anti-social")
// would keep the minutes that spell the word the other way; so a search
// that leaves words out is searched as typed.
func searchQuery(fn, words string) string {
	spelt := `CASE WHEN ` + words + ` ~ '(^|[^[:alnum:]])-' THEN ` + words + ` ELSE regexp_replace(regexp_replace(` + words +
		`, '([[:alnum:]])-([[:alnum:]])', '\1\2', 'g'), '([[:alpha:]]{3})iz(e|es|ed|ing|ation|ations)\M', '\1is\2', 'gi') END`
	// An expression of the parameters only, not a subquery, so that the
	// GIN index is read for it as for websearch_to_tsquery alone.
	return `CASE WHEN ` + spelt + ` = ` + words + ` THEN ` + fn + `('english', ` + words + `) ELSE ` + fn + `('english', ` + words + `) || ` + fn + `('english', ` + spelt + `) END`
}

// typographicRunes are the curly apostrophes and quotation marks, dashes,
// ellipsis and no-break and thin spaces that minutes.search indexes as the
// plain characters in the same places of plainRunes (migration 00062):
// under LC_CTYPE C the parser takes them for letters of the words beside
// them. typographic is them as an SQL string.
const (
	typographicRunes = "\u2018\u2019\u201A\u201B\u02BC\u201C\u201D\u201E\u201F\u2013\u2014\u2026\u00A0\u202F\u2009"
	plainRunes       = `'''''""""--.   `
	typographic      = "'" + typographicRunes + "'"
)

// plainWords is the words of a search as the index reads them
// (search_text): its typographic punctuation and its letters made plain,
// here rather than in the statement, where the recheck of every row a
// phrase's words are in would make it again (about 2 ms of a phrase's 6 on
// a million resolutions).
func plainWords(words string) string { return searchText.Replace(words) }

// headline is the SQL of ts_headline of the column col for the search's
// query, with the options opts, the text as it is stored. A passage's
// headline leaves out what the parser reads as an HTML tag ("<to be
// confirmed>", "<b>"), which a minute means as text; and the index reads
// typographic punctuation as plain (typographic), which the parser, under
// LC_CTYPE C, would read as part of the words beside it, so that
// "council’s" had no word "council" to highlight. Each of those characters
// is shown to the headline as a control character of its own (which
// translate has taken out of the text first, with the highlight markers,
// $4) and put back in the headline. Its letters with diacritics are
// shown to it as their plain letters, which the query is made of, a letter
// for a letter, and the minute's own are put back after (ownLetters); only
// in text that holds one, and the common characters first (commonFirst).
func headline(col, opts string) string {
	const controls = `E'` + headlineControls + `'`
	shown := `'<' || ` + typographic
	plain := `CASE WHEN ` + col + ` ~ '[À-ț]' THEN translate(` + col + `, '` + commonFirst + accentedLetters + `', '` + commonFirst + plainLetters + `') ELSE ` + col + ` END`
	return `translate(ts_headline('english', translate(translate(` + plain + `, $4 || ` + controls + `, ''), ` + shown + `, ` + controls + `), q.query, ` + opts + `), ` + controls + `, ` + shown + `)`
}

// searchCTEs are the steps of SearchMinutes's search ($3 to $8) for the
// words in the SQL expression words of the minutes of the committee whose
// ID is the SQL expression committee, ending with found; searchFound
// reads them.
func searchCTEs(committee, words string) string {
	return `
		q AS MATERIALIZED (
			-- A phrase operator (<-> or <N>) is the only part of a tsquery's
			-- text that starts with a space and "<": lexemes hold no spaces.
			SELECT query, words, position(' <' IN query::text) > 0 AS phrase
			FROM (SELECT ` + searchQuery("websearch_to_tsquery", words) + ` AS query, ` + searchQuery("plainto_tsquery", words) + ` AS words) t
		),
		recent AS MATERIALIZED (
			SELECT mi.id, mi.held_on, mi.search, mi.search @@ (SELECT query FROM q) AS hit,
				(SELECT phrase FROM q) AND mi.search @@ (SELECT words FROM q) AS holds_words
			FROM minutes mi
			WHERE mi.committee_id = ` + committee + ` AND` + minuteHasText + `
			ORDER BY mi.held_on DESC, mi.id DESC LIMIT $7
		),
		-- Whether to look beyond the window: too few matches in it, older
		-- minutes to look at, and not a phrase of common words.
		scope AS MATERIALIZED (
			SELECT count(*) FILTER (WHERE r.hit) < $3 AND count(*) >= $7
				AND count(*) FILTER (WHERE r.holds_words) < $8 AS all_minutes,
				count(*) >= $7 AND count(*) FILTER (WHERE r.holds_words) >= $8 AS recent_only
			FROM recent r
		),
		older AS MATERIALIZED (
			SELECT mi.id, mi.held_on, mi.search FROM minutes mi
			WHERE mi.committee_id = ` + committee + ` AND mi.search @@ ` + searchQuery("websearch_to_tsquery", words) + `
			AND` + minuteHasText + `AND (SELECT s.all_minutes FROM scope s)
		),
		top AS MATERIALIZED (
			SELECT c.id, c.held_on, ts_rank_cd(c.search, q.query) AS rank
			FROM (
				SELECT r.id, r.held_on, r.search FROM recent r WHERE r.hit AND NOT (SELECT s.all_minutes FROM scope s)
				UNION ALL
				SELECT o.id, o.held_on, o.search FROM older o
			) c, q
			ORDER BY rank DESC, c.held_on DESC, c.id DESC
			LIMIT $3
		),
		found AS (
			SELECT ` + minuteColumns + `,
				` + headline("mi.resolved", "$5") + ` AS highlight,
				CASE WHEN mi.narrative <> '' THEN ` + headline("mi.narrative", "$6") + ` END AS passage,
				top.rank, top.held_on AS top_held_on
			FROM top JOIN minutes mi ON mi.id = top.id JOIN committees c ON c.id = mi.committee_id, q
		)`
}

// searchFound is the minutes found by searchCTEs, in order (pos).
const searchFound = `
		-- The minutes found, each saying whether the search was of the
		-- recent minutes only, or when none is, one row of ID 0 that says
		-- only that.
		SELECT f.id, f.committee_id, f.committee_name, f.meeting_id, f.held_on, f.number, f.title, f.narrative, f.refs,
			f.draft, f.item_number, f.highlight, f.passage, s.recent_only,
			row_number() OVER (ORDER BY f.rank DESC, f.top_held_on DESC, f.id DESC) AS pos
		FROM (SELECT * FROM found
		      UNION ALL
		      SELECT 0, 0, '', 0, '', '', '', '', '{}', false, '', NULL, NULL, 0, NULL
		      WHERE NOT EXISTS (SELECT 1 FROM found)) f, scope s
		ORDER BY f.rank DESC, f.top_held_on DESC, f.id DESC`

// searchMinutesSQL is SearchMinutes's statement: the search of the
// minutes of committee $1.
var searchMinutesSQL = `WITH ` + searchCTEs("$1", "$2") + searchFound

// Minute implements commands.MinutesStore.
func (db *DB) Minute(ctx context.Context, id int64) (commands.Minute, error) {
	m, err := minuteByID(ctx, db.x, id)
	return m, mapErr("minute", err)
}

func minuteByID(ctx context.Context, q sqlx.QueryerContext, id int64) (commands.Minute, error) {
	var rows []minuteRow
	if err := sqlx.SelectContext(ctx, q, &rows, `SELECT `+minuteColumns+minuteFrom+` WHERE mi.id = $1`, id); err != nil {
		return commands.Minute{}, err
	}
	if len(rows) == 0 {
		return commands.Minute{}, sql.ErrNoRows
	}
	out, err := withResolutions(ctx, q, rows)
	if err != nil {
		return commands.Minute{}, err
	}
	return out[0], nil
}

// LastMinute implements commands.MinutesStore. Of minutes written in
// Quorum, the last is the one of the highest number: an item's minute
// keeps its number whatever is written after it, so numbers need not
// follow the agenda's order (see commands.minuteNumbers). Imported minutes
// go by their place in the published document, as their numbers may not
// start with one. A minute made only for a correction to stand on has
// nothing recorded in it (minuteHasText): it keeps its number in its own
// meeting's draft, but the next meeting numbers on from what is recorded,
// so that proposing a correction renumbers no other meeting's minutes.
func (db *DB) LastMinute(ctx context.Context, committeeID int64, before time.Time) (commands.Minute, error) {
	var row minuteRow
	err := db.x.GetContext(ctx, &row, `SELECT `+minuteColumns+minuteFrom+`
		WHERE mi.committee_id = $1 AND mi.held_on < ($2::timestamptz AT TIME ZONE c.time_zone)::date AND`+minuteHasText+`
		ORDER BY mi.held_on DESC,
			CASE WHEN mi.item_number <> '' THEN CAST(substring(mi.number FROM '^[0-9]{1,6}') AS integer) END DESC NULLS LAST,
			mi.position DESC LIMIT 1`, committeeID, before)
	if err != nil {
		return commands.Minute{}, mapErr("last minute", err)
	}
	return row.minute(), nil
}

// PreviousMeeting implements commands.MinutesStore. A meeting counts as
// held when it is marked held (closed, or its minutes were imported), when
// it was opened, or when Quorum holds records of it: a document imported
// for it (its agenda), its agenda posted to the channel, or apologies,
// declarations or report links sent for it. A date of a published
// programme that passed with none of these is taken not to have been
// held: programmes list dates that are moved or dropped, and the draft
// must not name one as the previous meeting. A meeting opened before its
// advertised start was held from when it was opened: one scheduled for
// 15:30, opened and closed at 13:50, is the last held at 14:00. When it
// was opened is read from the meeting's own row (opened_at, written with
// the log's only 'opened' row), so that the meetings are read in that
// order from an index (meetings_held), from the latest back to the first
// held, not all of a committee's history on every look.
func (db *DB) PreviousMeeting(ctx context.Context, committeeID int64, before time.Time) (commands.Meeting, error) {
	var row meetingRow
	err := db.x.GetContext(ctx, &row, previousMeetingSQL, committeeID, before)
	return row.meeting(), mapErr("previous meeting", err)
}

// previousMeetingSQL is PreviousMeeting's statement: the meeting of
// committee $1 last held before $2.
const previousMeetingSQL = `SELECT ` + meetingColumns + ` FROM meetings m
		WHERE m.committee_id = $1 AND LEAST(m.starts_at, m.opened_at) < $2 AND m.status <> 'cancelled'
		AND (m.status = 'held' OR m.opened_at IS NOT NULL
			OR EXISTS (SELECT 1 FROM minute_documents d WHERE d.meeting_id = m.id)
			OR EXISTS (SELECT 1 FROM slack_messages s WHERE s.message_key = 'agenda:' || m.id)
			OR EXISTS (SELECT 1 FROM apologies a WHERE a.meeting_id = m.id)
			OR EXISTS (SELECT 1 FROM declarations d WHERE d.meeting_id = m.id)
			OR EXISTS (SELECT 1 FROM report_links r WHERE r.meeting_id = m.id))
		ORDER BY LEAST(m.starts_at, m.opened_at) DESC, m.starts_at DESC LIMIT 1`
