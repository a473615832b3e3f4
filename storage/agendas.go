package storage

import (
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

// CommitteeByID implements commands.AgendaStore.
func (db *DB) CommitteeByID(ctx context.Context, id int64) (commands.Committee, error) {
	c, err := getCommittee(ctx, db.x, `id = $1`, id)
	return c, mapErr("committee by id", err)
}

type itemRow struct {
	ID           int64          `db:"id"`
	MeetingID    int64          `db:"meeting_id"`
	Number       string         `db:"number"`
	Title        string         `db:"title"`
	Presenter    string         `db:"presenter"`
	Organisation string         `db:"organisation"`
	Description  string         `db:"description"`
	Refs         pq.StringArray `db:"refs"`
	Standard     bool           `db:"standard"`
	Urgency      string         `db:"urgency"`
}

func (r itemRow) item() commands.AgendaItem {
	return commands.AgendaItem{
		ID: r.ID, MeetingID: r.MeetingID, Number: r.Number, Title: r.Title, Presenter: r.Presenter,
		Organisation: r.Organisation, Description: r.Description, References: []string(r.Refs), Standard: r.Standard,
		Urgency: r.Urgency,
	}
}

const itemColumns = `id, meeting_id, number, title, presenter, organisation, description, refs, standard, urgency`

func agendaItems(ctx context.Context, q sqlx.QueryerContext, meetingID int64) ([]commands.AgendaItem, error) {
	var rows []itemRow
	err := sqlx.SelectContext(ctx, q, &rows, `SELECT `+itemColumns+` FROM agenda_items
		WHERE meeting_id = $1 AND removed_at IS NULL ORDER BY position, number`, meetingID)
	if err != nil {
		return nil, err
	}
	out := make([]commands.AgendaItem, len(rows))
	for i, r := range rows {
		out[i] = r.item()
	}
	commands.SortItems(out)
	return out, nil
}

// AgendaItems implements commands.AgendaStore.
func (db *DB) AgendaItems(ctx context.Context, meetingID int64) ([]commands.AgendaItem, error) {
	items, err := agendaItems(ctx, db.x, meetingID)
	return items, mapErr("agenda items", err)
}

// RemovedItem implements commands.AgendaStore.
func (db *DB) RemovedItem(ctx context.Context, meetingID int64, numbers []string) (commands.AgendaItem, time.Time, error) {
	var r struct {
		itemRow
		RemovedAt time.Time `db:"removed_at"`
	}
	err := sqlx.GetContext(ctx, db.x, &r, `SELECT `+itemColumns+`, removed_at FROM agenda_items
		WHERE meeting_id = $1 AND removed_at IS NOT NULL AND lower(number) = ANY($2)
		ORDER BY removed_at DESC, id DESC LIMIT 1`, meetingID, pq.Array(numbers))
	if err != nil {
		return commands.AgendaItem{}, time.Time{}, mapErr("removed item", err)
	}
	return r.item(), r.RemovedAt, nil
}

// insertItem adds it to a meeting's agenda; ErrConflict if its number stands.
// It is added at at (zero: the database's now).
func insertItem(ctx context.Context, q sqlx.ExtContext, meetingID int64, it commands.AgendaItem, by string, at time.Time) error {
	refs := it.References
	if refs == nil {
		refs = []string{}
	}
	_, err := q.ExecContext(ctx, `
		INSERT INTO agenda_items (meeting_id, number, position, title, presenter, organisation, description, refs, standard, added_by, added_at, urgency)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, COALESCE($11, now()), $12)`,
		meetingID, it.Number, commands.ItemKey(it.Number), it.Title, it.Presenter, it.Organisation,
		it.Description, pq.Array(refs), it.Standard, by, nullTime(at), it.Urgency)
	return err
}

// notAddedBefore fails with ErrConflict when the same item as it stands
// on the meeting's agenda. Read under the meeting's row lock, which every
// change to the agenda takes first, it settles the race the command's own
// check, made before the lock, leaves open: the same item sent twice at
// once is added by the first, and the second finds it.
func notAddedBefore(ctx context.Context, tx *Tx, meetingID int64, it commands.AgendaItem) error {
	items, err := agendaItems(ctx, tx, meetingID)
	if err != nil {
		return err
	}
	for _, cur := range items {
		if commands.SameItem(cur, it) {
			return fmt.Errorf("item %s is already on the agenda as %s: %w", it.Number, cur.Number, commands.ErrConflict)
		}
	}
	return nil
}

// ChangeAgenda implements commands.AgendaStore.
func (db *DB) ChangeAgenda(ctx context.Context, meetingID int64, changes []commands.AgendaChange, by string) error {
	return db.inTx(ctx, "change agenda", func(tx *Tx) error {
		// Lock the meeting so that concurrent changes to one agenda queue
		// up, and so that a declaration or report link on its items (whose
		// rows name the meeting) made while a change waits has committed
		// by the time the change reads them for Ask.
		var m struct {
			CommitteeID int64     `db:"committee_id"`
			StartsAt    time.Time `db:"starts_at"`
			Status      string    `db:"status"`
		}
		if err := tx.GetContext(ctx, &m, `SELECT committee_id, starts_at, status FROM meetings WHERE id = $1 FOR UPDATE`, meetingID); err != nil {
			return err
		}
		// Cancelling takes the row too (CancelMeeting): one cancelled
		// while the change waited keeps the agenda it was cancelled with.
		if m.Status == string(commands.MeetingCancelled) {
			return fmt.Errorf("meeting %d is cancelled: %w", meetingID, commands.ErrConflict)
		}
		// Opening the meeting takes its row too (RecordSession): one opened
		// while the change waited, after the command found it not yet
		// opened, is in the log read now, and keeps its agenda.
		events, err := sessions(ctx, tx, meetingID)
		if err != nil {
			return err
		}
		if sit := commands.SittingOf(events); sit.State != "" && !(sit.State != commands.ActionClosed && urgentOnly(changes, sit)) {
			under := &commands.MeetingUnderWay{StartsAt: m.StartsAt, Opened: sit.Opened}
			if sit.State == commands.ActionClosed {
				under.Closed = sit.Closed
			}
			return under
		}
		committeeID := m.CommitteeID
		for _, ch := range changes {
			switch {
			case ch.Add != nil:
				if ch.Once {
					if err := notAddedBefore(ctx, tx, meetingID, *ch.Add); err != nil {
						return err
					}
				}
				if err := insertItem(ctx, tx, meetingID, *ch.Add, by, ch.At); err != nil {
					return err
				}
				detail := map[string]any{
					"meeting": meetingID, "title": ch.Add.Title, "presenter": ch.Add.Presenter, "organisation": ch.Add.Organisation}
				if ch.Add.Urgency != "" {
					detail["urgency"] = ch.Add.Urgency
				}
				if err := auditAt(ctx, tx, committeeID, by, "agenda.add", ch.Add.Number, detail, ch.At); err != nil {
					return err
				}
			case ch.Edit != nil:
				var found bool
				if err := tx.GetContext(ctx, &found, editItemSQL, meetingID, ch.Edit.ID, ch.Edit.Title, ch.Edit.Presenter,
					ch.Edit.Organisation, by, committeeID, nullTime(ch.At)); err != nil {
					return err
				}
				if !found {
					return fmt.Errorf("item %d: %w", ch.Edit.ID, sql.ErrNoRows)
				}
			case ch.Remove != "":
				if ch.Ask != nil {
					if err := askRemoving(ctx, tx, meetingID, m.StartsAt, ch); err != nil {
						return err
					}
				}
				var id int64
				err := tx.GetContext(ctx, &id, `UPDATE agenda_items SET removed_at = COALESCE($4, now()), removed_seq = nextval('recorded_order'), removed_by = $3
					WHERE meeting_id = $1 AND number = $2 AND removed_at IS NULL RETURNING id`, meetingID, ch.Remove, by, nullTime(ch.At))
				if err != nil {
					return fmt.Errorf("item %s: %w", ch.Remove, err)
				}
				if err := auditAt(ctx, tx, committeeID, by, "agenda.remove", ch.Remove, map[string]any{"meeting": meetingID}, ch.At); err != nil {
					return err
				}
			case ch.Move != "":
				if err := moveItem(ctx, tx, committeeID, meetingID, ch.Move, ch.To, by, ch.At); err != nil {
					return err
				}
			}
		}
		return markStale(ctx, tx, meetingID, nil)
	})
}

// urgentOnly reports whether changes, made while the meeting sits, are
// the addition of urgent business alone: the item, and the closing item
// moved on to make room for it, so long as the meeting has not taken
// that item up (the log names the item it takes up by its number, which
// would then be the urgent item's).
func urgentOnly(changes []commands.AgendaChange, sit commands.Sitting) bool {
	added := false
	for _, ch := range changes {
		switch {
		case !ch.Urgent:
			return false
		case ch.Add != nil && ch.Add.Urgency != "":
			added = true
		case ch.Move != "":
			for _, e := range sit.Events {
				if e.Action == commands.ActionItem && e.Item == ch.Move {
					return false
				}
			}
		default:
			return false
		}
	}
	return added
}

// moveItem renumbers the item standing at from on meeting meetingID's
// agenda to to, and writes the audit entry of committee committeeID that
// /history agenda reads the move from: the item's records, which are on
// the item and not on its number, go with it. An item not standing is
// sql.ErrNoRows.
func moveItem(ctx context.Context, q sqlx.ExtContext, committeeID, meetingID int64, from, to, by string, at time.Time) error {
	var id int64
	err := sqlx.GetContext(ctx, q, &id, `UPDATE agenda_items SET number = $3, position = $4
		WHERE meeting_id = $1 AND number = $2 AND removed_at IS NULL RETURNING id`,
		meetingID, from, to, commands.ItemKey(to))
	if err != nil {
		return fmt.Errorf("item %s: %w", from, err)
	}
	return auditAt(ctx, q, committeeID, by, "agenda.move", from, map[string]any{"meeting": meetingID, "to": to}, at)
}

// askRemoving calls ch.Ask with the item ch removes from meeting
// meetingID's agenda and what stands on record for the meeting, as read
// in q. An item not standing is sql.ErrNoRows, as the removal would be.
func askRemoving(ctx context.Context, q sqlx.ExtContext, meetingID int64, startsAt time.Time, ch commands.AgendaChange) error {
	items, err := agendaItems(ctx, q, meetingID)
	if err != nil {
		return err
	}
	g := commands.AgendaGoing{StartsAt: startsAt}
	for _, it := range items {
		if it.Number == ch.Remove {
			g.Items = append(g.Items, it)
		}
	}
	if len(g.Items) == 0 {
		return fmt.Errorf("item %s: %w", ch.Remove, sql.ErrNoRows)
	}
	if g.Declarations, err = queryDeclarations(ctx, q, standingDeclarationsSQL, meetingID); err != nil {
		return err
	}
	if g.ReportLinks, err = reportLinks(ctx, q, []int64{meetingID}); err != nil {
		return err
	}
	return ch.Ask(g)
}

// editItemSQL changes the title, presenter and organisation of item $2,
// standing on meeting $1's agenda, to $3, $4 and $5, for $6, and in the
// same statement keeps what it read before in agenda_item_edits and
// writes the audit entry of committee $7, both at $8 (NULL: the
// database's now): the change cannot be saved without its history. An item that already reads so is left alone. It
// answers whether the item stands.
const editItemSQL = `WITH was AS (
		SELECT id, number, title, presenter, organisation FROM agenda_items
		WHERE id = $2 AND meeting_id = $1 AND removed_at IS NULL
	), up AS (
		UPDATE agenda_items i SET title = $3, presenter = $4, organisation = $5
		FROM was WHERE i.id = was.id
		  AND (was.title, was.presenter, was.organisation) IS DISTINCT FROM (CAST($3 AS text), CAST($4 AS text), CAST($5 AS text))
		RETURNING i.id
	), hist AS (
		INSERT INTO agenda_item_edits (item_id, number, was_title, was_presenter, was_organisation, title, presenter, organisation, edited_by, edited_at)
		SELECT was.id, was.number, was.title, was.presenter, was.organisation, $3, $4, $5, $6, COALESCE(CAST($8 AS timestamptz), now())
		FROM up JOIN was ON was.id = up.id
		RETURNING item_id
	), aud AS (
		INSERT INTO audit_log (committee_id, actor, action, subject, detail, at)
		SELECT $7, $6, 'agenda.edit', was.number, jsonb_build_object('meeting', CAST($1 AS bigint), 'item', was.id,
			'was', jsonb_build_object('title', was.title, 'presenter', was.presenter, 'organisation', was.organisation),
			'title', CAST($3 AS text), 'presenter', CAST($4 AS text), 'organisation', CAST($5 AS text)), COALESCE(CAST($8 AS timestamptz), now())
		FROM up JOIN was ON was.id = up.id
	)
	SELECT EXISTS (SELECT 1 FROM was)`

// ImportAgenda implements commands.AgendaStore.
func (db *DB) ImportAgenda(ctx context.Context, imp commands.AgendaImport, by string) (commands.AgendaImportResult, error) {
	var res commands.AgendaImportResult
	err := db.inTx(ctx, "import agenda", func(tx *Tx) error {
		res = commands.AgendaImportResult{}
		// Serialise imports into one committee. FOR NO KEY UPDATE, not FOR
		// UPDATE: the rows that name the committee (the audit log's), which
		// a change to the agenda writes while holding the meeting's row,
		// must not wait for this lock while the import waits for that row.
		if _, err := tx.ExecContext(ctx, `SELECT id FROM committees WHERE id = $1 FOR NO KEY UPDATE`, imp.CommitteeID); err != nil {
			return err
		}
		var err error
		res.MeetingID, res.StartsAt, res.MeetingCreated, err = ensureMeeting(ctx, tx, imp.CommitteeID, imp.StartsAt, imp.Venue, nil, by)
		if err != nil {
			return err
		}
		// Lock the meeting as ChangeAgenda does, so that the agenda and
		// what is on record for its items, read below, are what the import
		// replaces: a change to the agenda, and a declaration or report
		// link (whose rows name the meeting), wait until it is done, and
		// one made before has committed by the time it is read.
		if _, err := tx.ExecContext(ctx, `SELECT id FROM meetings WHERE id = $1 FOR UPDATE`, res.MeetingID); err != nil {
			return err
		}
		// Opening the meeting locks its row too (RecordSession): one
		// opened while the import waited is in the log read now, and
		// keeps its agenda.
		events, err := sessions(ctx, tx, res.MeetingID)
		if err != nil {
			return err
		}
		if sit := commands.SittingOf(events); sit.Running() {
			return &commands.MeetingUnderWay{StartsAt: res.StartsAt, Opened: sit.Opened}
		}
		var seen bool
		err = tx.GetContext(ctx, &seen, `SELECT EXISTS (SELECT 1 FROM minute_documents
			WHERE meeting_id = $1 AND kind = 'agenda' AND (sha256 = $2 OR sha256 = ANY($3)))`,
			res.MeetingID, imp.SHA256, pq.Array(nonNil(imp.FormerSHA256)))
		if err != nil {
			return err
		}
		if seen {
			res.Unchanged = true
			return nil
		}
		current, err := agendaItems(ctx, tx, res.MeetingID)
		if err != nil {
			return err
		}
		settings, err := itemSettings(ctx, tx, res.MeetingID)
		if err != nil {
			return err
		}
		if err := tx.GetContext(ctx, &res.Revised, `SELECT EXISTS (SELECT 1 FROM minute_documents
			WHERE meeting_id = $1 AND kind = 'agenda')`, res.MeetingID); err != nil {
			return err
		}
		plan := replacing(current, imp.Items, settings)
		if imp.Ask != nil && len(plan.going) > 0 {
			g := commands.AgendaGoing{StartsAt: res.StartsAt, Items: plan.going}
			if g.Declarations, err = queryDeclarations(ctx, tx, standingDeclarationsSQL, res.MeetingID); err != nil {
				return err
			}
			if g.ReportLinks, err = reportLinks(ctx, tx, []int64{res.MeetingID}); err != nil {
				return err
			}
			if err := imp.Ask(g); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, `UPDATE minute_documents SET replaced_at = now()
			WHERE meeting_id = $1 AND kind = 'agenda' AND replaced_at IS NULL`, res.MeetingID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO minute_documents (committee_id, meeting_id, kind, sha256, imported_by)
			VALUES ($1, $2, 'agenda', $3, $4)`, imp.CommitteeID, res.MeetingID, imp.SHA256, by); err != nil {
			return err
		}
		if err := plan.apply(ctx, tx, imp.CommitteeID, res.MeetingID, current, by, imp.At); err != nil {
			return err
		}
		res.ItemsAdded, res.ItemsRemoved = len(plan.adds), len(plan.going)
		res.ItemsMoved, res.ItemsChanged = len(plan.moves), plan.changed
		res.CorrectionsKept, res.CorrectionsReplaced = plan.kept, plan.replaced
		for _, t := range imp.Future {
			_, _, created, err := ensureMeeting(ctx, tx, imp.CommitteeID, t, "", imp.FutureItems, by)
			if err != nil {
				return err
			}
			if created {
				res.FutureAdded++
			}
		}
		if err := markStale(ctx, tx, res.MeetingID, nil); err != nil {
			return err
		}
		return auditAt(ctx, tx, imp.CommitteeID, by, "agenda.import", imp.SHA256, map[string]any{
			"meeting": res.MeetingID, "items": len(imp.Items), "added": res.ItemsAdded,
			"removed": res.ItemsRemoved, "moved": res.ItemsMoved, "changed": res.ItemsChanged,
			"future": res.FutureAdded, "printed": plan.printed}, imp.At)
	})
	return res, err
}

// ensureMeeting finds the committee's meeting on the day of starts, in
// its time zone, or schedules one at starts with items; at is the start
// of the meeting found or made. A published agenda's printed time (or the
// one assumed when it prints none) need not be the one the officer
// scheduled: the day's meeting is the one it is for, rather than a second
// the same day. One at starts is preferred, and one not cancelled over
// one that is. A venue fills in one the meeting lacks.
func ensureMeeting(ctx context.Context, q sqlx.ExtContext, committeeID int64, starts time.Time, venue string, items []commands.AgendaItem, by string) (id int64, at time.Time, created bool, err error) {
	var curVenue string
	err = q.QueryRowxContext(ctx, `SELECT m.id, m.venue, m.starts_at FROM meetings m JOIN committees c ON c.id = m.committee_id
		WHERE m.committee_id = $1
		  AND (m.starts_at = $2 OR (m.starts_at AT TIME ZONE c.time_zone)::date = (CAST($2 AS timestamptz) AT TIME ZONE c.time_zone)::date)
		ORDER BY m.status <> 'cancelled' DESC, m.starts_at = $2 DESC, m.starts_at
		LIMIT 1`, committeeID, starts).Scan(&id, &curVenue, &at)
	switch {
	case err == nil:
		if curVenue == "" && venue != "" {
			if _, err := q.ExecContext(ctx, `UPDATE meetings SET venue = $2 WHERE id = $1`, id, venue); err != nil {
				return 0, time.Time{}, false, err
			}
		}
		return id, at, false, nil
	case !errors.Is(err, sql.ErrNoRows):
		return 0, time.Time{}, false, err
	}
	m, err := scheduleMeeting(ctx, q, commands.Meeting{CommitteeID: committeeID, StartsAt: starts, Venue: venue, Items: items}, "import", by)
	return m.ID, m.StartsAt, err == nil, err
}

// itemSettingsSQL reads, for meeting $1's standing items, what is on
// record of how each came to read as it does (commands.ItemSetting).
//
// What the last import printed of an item is read from the import's
// audit entry ("printed", by item), which it writes last, or, for an
// import whose entry does not list it, from what the import wrote (added
// it, or changed it in place): its writes are those between its
// document's seq and its audit entry's, and the meeting's row, locked by
// every change to its agenda, keeps any other out of that span. The item
// then read as it did before the first edit made since. An item no
// import printed or wrote reads as it was added: before its first edit.
// Either way, an import made before imports were placed in the recorded
// order printed what it wrote of the item: the item reads as it did
// before the first edit made after that import's last.
//
// Who set a title, or a presenter with their organisation, is the last
// edit that changed it (by seq, then id: edits recorded before the
// recorded order all have seq 0): the officer's where no import made it,
// an import's being one in its span, or, for an import made before
// imports were placed in the recorded order (its document's seq is 0),
// one made at the time and by the actor of its agenda.import audit entry,
// written in the same transaction; with none,
// the officer who typed it, where the item was added with /agenda add
// (its agenda.add audit entry, written with it), rather than scheduled
// with the meeting's standard items.
//
// An item neither standard, nor added with /agenda add, nor known to an
// import was added by an import made before imports were placed in the
// recorded order: its changes are not known to be the officer's, and it
// is not read.
const itemSettingsSQL = `WITH documents AS (
		SELECT d.seq AS first, a.seq AS last, a.at, a.actor, a.detail FROM minute_documents d
		JOIN audit_log a ON a.committee_id = d.committee_id AND a.action = 'agenda.import'
			AND a.subject = d.sha256 AND a.detail->>'meeting' = d.meeting_id::text
		WHERE d.meeting_id = $1 AND d.kind = 'agenda'
	), imports AS (
		SELECT first, last, detail FROM documents WHERE first > 0
	), earlier AS (
		SELECT at, actor FROM documents WHERE first = 0
	), items AS (
		SELECT i.id, i.meeting_id, i.title, i.presenter, i.organisation, i.standard, i.added_by, i.added_at, i.seq
		FROM agenda_items i WHERE i.meeting_id = $1 AND i.removed_at IS NULL
	), edits AS (
		SELECT e.id, e.item_id, e.seq, e.edited_at, e.edited_by, e.was_title, e.was_presenter, e.was_organisation,
			e.title, e.presenter, e.organisation,
			EXISTS (SELECT 1 FROM imports p WHERE e.seq > p.first AND e.seq < p.last)
			OR EXISTS (SELECT 1 FROM earlier p WHERE p.at = e.edited_at AND p.actor = e.edited_by) AS imported
		FROM agenda_item_edits e JOIN items ON items.id = e.item_id
	), written AS (
		SELECT w.id, max(w.seq) AS seq FROM (
			SELECT id, seq FROM items
			UNION ALL
			SELECT item_id, seq FROM edits WHERE imported
		) w JOIN imports p ON w.seq > p.first AND w.seq < p.last
		GROUP BY w.id
	), printed AS (
		SELECT DISTINCT ON (x.item) x.item AS id, p.last AS seq, x.title, x.presenter, x.organisation
		FROM imports p CROSS JOIN LATERAL jsonb_to_recordset(CASE jsonb_typeof(p.detail->'printed') WHEN 'array' THEN p.detail->'printed' ELSE '[]' END)
			AS x(item bigint, title text, presenter text, organisation text)
		ORDER BY x.item, p.last DESC
	)
	SELECT i.id,
		COALESCE(pr.title, b.was_title, i.title) AS title,
		COALESCE(pr.presenter, b.was_presenter, i.presenter) AS presenter,
		COALESCE(pr.organisation, b.was_organisation, i.organisation) AS organisation,
		CASE WHEN t.imported THEN '' WHEN t.imported IS NOT NULL THEN '/agenda edit' WHEN hand.typed THEN '/agenda add' ELSE '' END AS title_with,
		COALESCE(t.edited_at, i.added_at) AS title_at, COALESCE(t.edited_by, i.added_by) AS title_by,
		CASE WHEN pe.imported THEN '' WHEN pe.imported IS NOT NULL THEN '/agenda edit' WHEN hand.typed THEN '/agenda add' ELSE '' END AS presenter_with,
		COALESCE(pe.edited_at, i.added_at) AS presenter_at, COALESCE(pe.edited_by, i.added_by) AS presenter_by
	FROM items i
	LEFT JOIN written w ON w.id = i.id
	LEFT JOIN printed pr ON pr.id = i.id AND pr.seq > COALESCE(w.seq, 0)
	LEFT JOIN LATERAL (SELECT e.was_title, e.was_presenter, e.was_organisation FROM edits e
		WHERE e.item_id = i.id AND e.seq > COALESCE(w.seq, 0)
		  AND NOT EXISTS (SELECT 1 FROM edits l WHERE l.item_id = i.id AND l.imported AND (l.seq, l.id) >= (e.seq, e.id))
		ORDER BY e.seq, e.id LIMIT 1) b ON true
	LEFT JOIN LATERAL (SELECT e.edited_at, e.edited_by, e.imported FROM edits e
		WHERE e.item_id = i.id AND e.was_title <> e.title ORDER BY e.seq DESC, e.id DESC LIMIT 1) t ON true
	LEFT JOIN LATERAL (SELECT e.edited_at, e.edited_by, e.imported FROM edits e
		WHERE e.item_id = i.id AND (e.was_presenter, e.was_organisation) <> (e.presenter, e.organisation) ORDER BY e.seq DESC, e.id DESC LIMIT 1) pe ON true
	CROSS JOIN LATERAL (SELECT NOT i.standard AND EXISTS (
		SELECT 1 FROM audit_log a JOIN meetings m ON m.id = i.meeting_id
		WHERE a.committee_id = m.committee_id AND a.action = 'agenda.add' AND a.detail->>'meeting' = i.meeting_id::text
		  AND a.at = i.added_at AND a.actor = i.added_by
		  AND a.detail->>'title' = COALESCE((SELECT e.was_title FROM edits e WHERE e.item_id = i.id ORDER BY e.seq, e.id LIMIT 1), i.title)
	) AS typed) hand
	WHERE w.id IS NOT NULL OR pr.id IS NOT NULL OR i.standard OR hand.typed`

// itemSettings is what itemSettingsSQL reads, by item.
func itemSettings(ctx context.Context, q sqlx.QueryerContext, meetingID int64) (map[int64]commands.ItemSetting, error) {
	var rows []struct {
		ID            int64     `db:"id"`
		Title         string    `db:"title"`
		Presenter     string    `db:"presenter"`
		Organisation  string    `db:"organisation"`
		TitleWith     string    `db:"title_with"`
		TitleAt       time.Time `db:"title_at"`
		TitleBy       string    `db:"title_by"`
		PresenterWith string    `db:"presenter_with"`
		PresenterAt   time.Time `db:"presenter_at"`
		PresenterBy   string    `db:"presenter_by"`
	}
	if err := sqlx.SelectContext(ctx, q, &rows, itemSettingsSQL, meetingID); err != nil {
		return nil, err
	}
	out := make(map[int64]commands.ItemSetting, len(rows))
	for _, r := range rows {
		out[r.ID] = commands.ItemSetting{
			Printed:   commands.AgendaItem{ID: r.ID, Title: r.Title, Presenter: r.Presenter, Organisation: r.Organisation},
			Title:     commands.SetBy{With: r.TitleWith, By: r.TitleBy, At: r.TitleAt},
			Presenter: commands.SetBy{With: r.PresenterWith, By: r.PresenterBy, At: r.PresenterAt},
		}
	}
	return out, nil
}

// printedItem is what an import's document printed of a standing item
// it kept, by the item's ID, as its audit entry lists it ("printed") for
// the next import to read (itemSettingsSQL).
type printedItem struct {
	ID           int64  `json:"item"`
	Title        string `json:"title"`
	Presenter    string `json:"presenter"`
	Organisation string `json:"organisation"`
}

// itemsPlan is what making an imported agenda a meeting's agenda does to
// the items standing: those it takes off (going), renumbers (moves) or
// changes in place (edits), and the items it adds.
type itemsPlan struct {
	going []commands.AgendaItem
	moves []itemMove
	// edits are the standing items (by ID) that take the title, presenter
	// and organisation they have here; changed counts those not moved.
	edits   []commands.AgendaItem
	changed int
	adds    []commands.AgendaItem
	// kept and replaced are the officer's corrections the import keeps
	// and those the document replaces (commands.ReconcileItem).
	kept, replaced []commands.AgendaCorrection
	// printed is what the document prints of each standing item it
	// keeps, which the import records for the next to weigh the
	// officer's changes against.
	printed []printedItem
}

// itemMove renumbers a standing item.
type itemMove struct{ from, to string }

// replacing says what making items a meeting's agenda does to its
// standing items (current), keeping what is the same item, as /agenda
// move and /agenda edit would, so that its declarations of interest and
// report links, which are on the item, stay where the meeting will take
// it:
//  1. an item of the same number, title, presenter and organisation is
//     kept as it is;
//  2. one of the same number and title (TitleKey) is changed in place to
//     the presenter and organisation it has now;
//  3. one whose title (TitleKey) stands under another number is
//     renumbered, and changed in place to the presenter and organisation
//     it has now, when its title is the title of no other item, standing
//     or imported: a title that repeats (two "Any Other Business") does
//     not say which item is which.
//
// Any other standing item goes, and any other item of items is added.
//
// Before all these, an item the officer changed since the agenda was
// last printed (set, by item ID, with what was printed then: see
// itemSettingsSQL) is the item of its number whose title (TitleKey) is
// the one printed then, even where the officer changed the title, or,
// under another number, the one item printed just as it was then. Each
// item kept reads as commands.ReconcileItem says, field by field: the
// officer's corrections the document did not revise are kept, and those
// it did are replaced, with the line that says so.
func replacing(current, items []commands.AgendaItem, set map[int64]commands.ItemSetting) itemsPlan {
	var p itemsPlan
	at := map[string]int{}
	for i, it := range items {
		at[it.Number] = i
	}
	taken := make([]bool, len(items))
	pair := make([]int, len(current))
	// renumbered are the items paired by their title alone, under
	// another number, which are counted as moved, not changed.
	renumbered := make([]bool, len(current))
	for c, cur := range current {
		pair[c] = -1
		fix, ok := set[cur.ID]
		if !ok || sameText(cur, fix.Printed) {
			continue
		}
		// An item the document prints as it now reads is that item, found
		// by its wording below, not the one it read before the officer
		// rewrote it: two items swapped by hand, or one put to another
		// purpose, would otherwise take each other's place.
		if printedAnywhere(items, cur) {
			continue
		}
		i, printed := at[cur.Number]
		if printed && commands.TitleKey(fix.Printed.Title) != commands.TitleKey(items[i].Title) {
			printed = false
		}
		if !printed {
			// Under another number (the revision inserts an item before
			// it, or the officer moved it): the one item the document
			// prints just as the last import recorded it, renumbered as
			// the document numbers it, as an item it finds by its title
			// alone is (below).
			j, once := printedOnce(items, fix.Printed)
			if !once || taken[j] {
				continue
			}
			i = j
			p.moves = append(p.moves, itemMove{from: cur.Number, to: items[i].Number})
		}
		pair[c], taken[i] = i, true
	}
	for c, cur := range current {
		if pair[c] >= 0 {
			continue
		}
		if i, ok := at[cur.Number]; ok && !taken[i] && sameText(cur, items[i]) {
			pair[c], taken[i] = i, true
		}
	}
	for c, cur := range current {
		if i, ok := at[cur.Number]; ok && pair[c] < 0 && !taken[i] && commands.TitleKey(cur.Title) == commands.TitleKey(items[i].Title) {
			pair[c], taken[i] = i, true
		}
	}
	standing, imported := map[string]int{}, map[string]int{}
	only := map[string]int{}
	for _, cur := range current {
		standing[commands.TitleKey(cur.Title)]++
	}
	for i, it := range items {
		imported[commands.TitleKey(it.Title)]++
		only[commands.TitleKey(it.Title)] = i
	}
	for c, cur := range current {
		key := commands.TitleKey(cur.Title)
		if pair[c] >= 0 || standing[key] != 1 || imported[key] != 1 {
			continue
		}
		if i := only[key]; !taken[i] {
			pair[c], taken[i], renumbered[c] = i, true, true
			p.moves = append(p.moves, itemMove{from: cur.Number, to: items[i].Number})
		}
	}
	for c, cur := range current {
		i := pair[c]
		if i < 0 {
			p.going = append(p.going, cur)
			continue
		}
		now := items[i]
		p.printed = append(p.printed, printedItem{ID: cur.ID, Title: now.Title, Presenter: now.Presenter, Organisation: now.Organisation})
		setting, ok := set[cur.ID]
		if !ok {
			setting.Printed = cur
		}
		reads, kept, replaced := commands.ReconcileItem(cur, now, setting)
		p.kept, p.replaced = append(p.kept, kept...), append(p.replaced, replaced...)
		if !sameText(cur, reads) {
			reads.ID = cur.ID
			p.edits = append(p.edits, reads)
			if !renumbered[c] {
				p.changed++
			}
		}
	}
	for i, it := range items {
		if !taken[i] {
			p.adds = append(p.adds, it)
		}
	}
	return p
}

// printedOnce is the index of the one item of items that reads as it
// does (sameText); false when none does, or more than one.
func printedOnce(items []commands.AgendaItem, it commands.AgendaItem) (int, bool) {
	found := -1
	for i, x := range items {
		if sameText(x, it) {
			if found >= 0 {
				return -1, false
			}
			found = i
		}
	}
	return found, found >= 0
}

// printedAnywhere reports whether some item of items reads as it does
// (sameText), under whatever number.
func printedAnywhere(items []commands.AgendaItem, it commands.AgendaItem) bool {
	return slices.ContainsFunc(items, func(x commands.AgendaItem) bool { return sameText(x, it) })
}

// sameText reports whether a and b read alike, to the letter.
func sameText(a, b commands.AgendaItem) bool {
	return a.Title == b.Title && a.Presenter == b.Presenter && a.Organisation == b.Organisation
}

// apply makes the plan's changes to meeting meetingID's agenda, whose
// standing items were current, in the order its history reads them in:
// the items going are marked removed, those moved renumbered, the new
// ones added, and those changed edited. Each change is recorded as
// /agenda remove, move and edit record theirs, at at (zero: the
// database's now), the time the import was asked for.
//
// Only one item may stand at a number (agenda_items_number_key, which is
// checked row by row), so the moves go one at a time, each to a number
// free by then: along a chain (5 to 6, 6 to 7, 7 to 8) the last first. In
// a ring (5 and 6 swapped) no number is free, and one item steps aside to
// a spare number first ("5~"), as an officer would with /agenda move; the
// history shows that step, and reads each move as the item's own.
func (p itemsPlan) apply(ctx context.Context, q sqlx.ExtContext, committeeID, meetingID int64, current []commands.AgendaItem, by string, at time.Time) error {
	for _, cur := range p.going {
		if _, err := q.ExecContext(ctx, `UPDATE agenda_items SET removed_at = COALESCE($3, now()), removed_seq = nextval('recorded_order'), removed_by = $2 WHERE id = $1`, cur.ID, by, nullTime(at)); err != nil {
			return err
		}
	}
	held := map[string]bool{}
	for _, cur := range current {
		held[cur.Number] = true
	}
	for _, cur := range p.going {
		held[cur.Number] = false
	}
	move := func(from, to string) error {
		held[from], held[to] = false, true
		return moveItem(ctx, q, committeeID, meetingID, from, to, by, at)
	}
	pending := p.moves
	for len(pending) > 0 {
		var left []itemMove
		for _, mv := range pending {
			if held[mv.to] {
				left = append(left, mv)
				continue
			}
			if err := move(mv.from, mv.to); err != nil {
				return err
			}
		}
		if len(left) == len(pending) {
			spare := spareNumber(held, left[0].from)
			if err := move(left[0].from, spare); err != nil {
				return err
			}
			left[0].from = spare
		}
		pending = left
	}
	for _, it := range p.adds {
		if err := insertItem(ctx, q, meetingID, it, by, at); err != nil {
			return err
		}
	}
	for _, ed := range p.edits {
		var found bool
		if err := sqlx.GetContext(ctx, q, &found, editItemSQL, meetingID, ed.ID, ed.Title, ed.Presenter,
			ed.Organisation, by, committeeID, nullTime(at)); err != nil {
			return err
		}
		if !found {
			return fmt.Errorf("item %d: %w", ed.ID, sql.ErrNoRows)
		}
	}
	return nil
}

// spareNumber is a number no item holds, near number: "5~", or "5~2"
// and on, within the 16 characters a number may have.
func spareNumber(held map[string]bool, number string) string {
	base := number
	if len(base) > commands.MaxItemLen-4 {
		base = base[:commands.MaxItemLen-4]
	}
	spare := base + "~"
	for n := 2; held[spare]; n++ {
		spare = fmt.Sprintf("%s~%d", base, n)
	}
	return spare
}
