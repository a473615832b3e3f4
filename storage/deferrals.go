package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/quorumhq/quorum/commands"
)

// deferralColumns are a deferral's columns as deferralRow reads them.
const deferralColumns = `d.id, d.committee_id, d.meeting_id, dm.starts_at, d.item_number, d.title, d.presenter, d.organisation, d.reason, d.deferred_by, d.deferred_at`

type deferralRow struct {
	ID            int64     `db:"id"`
	CommitteeID   int64     `db:"committee_id"`
	MeetingID     int64     `db:"meeting_id"`
	MeetingStarts time.Time `db:"starts_at"`
	Item          string    `db:"item_number"`
	Title         string    `db:"title"`
	Presenter     string    `db:"presenter"`
	Organisation  string    `db:"organisation"`
	Reason        string    `db:"reason"`
	By            string    `db:"deferred_by"`
	At            time.Time `db:"deferred_at"`
}

func (r deferralRow) deferral() commands.Deferral {
	return commands.Deferral{ID: r.ID, CommitteeID: r.CommitteeID, MeetingID: r.MeetingID, MeetingStarts: r.MeetingStarts,
		Item: r.Item, Title: r.Title, Presenter: r.Presenter, Organisation: r.Organisation, Reason: r.Reason, By: r.By, At: r.At}
}

// DeferItem implements commands.DeferralStore.
func (db *DB) DeferItem(ctx context.Context, w commands.MinuteWrite, d commands.Deferral) (commands.Minute, error) {
	var m commands.Minute
	err := db.inTx(ctx, "defer item", func(tx *Tx) error {
		// Under the meeting's lock, which writeMinute takes first, so
		// that a decision recorded meanwhile is seen: a decided item is
		// not deferred, and the minute would read both.
		if _, err := tx.ExecContext(ctx, `SELECT id FROM meetings WHERE id = $1 FOR UPDATE`, w.MeetingID); err != nil {
			return err
		}
		var before struct {
			Narrative string `db:"narrative"`
			Decided   bool   `db:"decided"`
		}
		err := tx.GetContext(ctx, &before, `SELECT narrative, resolved <> '' AS decided
			FROM minutes WHERE meeting_id = $1 AND item_number = $2 AND item_number <> ''`, w.MeetingID, w.Item)
		switch {
		case err != nil && !errors.Is(err, sql.ErrNoRows):
			return err
		case before.Decided:
			return fmt.Errorf("storage: defer item %q: %w", w.Item, commands.ErrDecided)
		}
		var deferred bool
		if err := tx.GetContext(ctx, &deferred, `SELECT EXISTS (SELECT 1 FROM deferrals
			WHERE meeting_id = $1 AND item_number = $2 AND undone_at IS NULL)`, w.MeetingID, w.Item); err != nil {
			return err
		}
		if deferred {
			return fmt.Errorf("storage: defer item %q: %w", w.Item, commands.ErrDeferred)
		}
		id, err := writeMinute(ctx, tx, w)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO deferrals (committee_id, meeting_id, item_number, title, presenter, organisation, reason, narrative_before, deferred_by, deferred_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, COALESCE(CAST($10 AS timestamptz), now()))`,
			w.CommitteeID, w.MeetingID, w.Item, d.Title, d.Presenter, d.Organisation, d.Reason, before.Narrative, w.By, nullTime(w.At)); err != nil {
			return err
		}
		if err := auditAt(ctx, tx, w.CommitteeID, w.By, "item.deferred", w.Item, map[string]any{"meeting": w.MeetingID, "reason": d.Reason}, w.At); err != nil {
			return err
		}
		// The officers' Homes, marked with the minute's, offer the item
		// for the next meeting.
		m, err = minuteWritten(ctx, tx, w.CommitteeID, id)
		return err
	})
	if err != nil {
		return commands.Minute{}, err
	}
	return m, nil
}

// UndoDeferral implements commands.DeferralStore.
func (db *DB) UndoDeferral(ctx context.Context, w commands.MinuteWrite) (commands.Minute, commands.Deferral, error) {
	var m commands.Minute
	var d deferralRow
	err := db.inTx(ctx, "undo deferral", func(tx *Tx) error {
		if _, err := tx.ExecContext(ctx, `SELECT id FROM meetings WHERE id = $1 FOR UPDATE`, w.MeetingID); err != nil {
			return err
		}
		var before string
		if err := tx.GetContext(ctx, &before, `UPDATE deferrals SET undone_by = $3, undone_at = COALESCE(CAST($4 AS timestamptz), now())
			WHERE meeting_id = $1 AND item_number = $2 AND undone_at IS NULL
			RETURNING narrative_before`, w.MeetingID, w.Item, w.By, nullTime(w.At)); err != nil {
			return err
		}
		if err := tx.GetContext(ctx, &d, `SELECT `+deferralColumns+` FROM deferrals d JOIN meetings dm ON dm.id = d.meeting_id
			WHERE d.meeting_id = $1 AND d.item_number = $2 ORDER BY d.id DESC LIMIT 1`, w.MeetingID, w.Item); err != nil {
			return err
		}
		// The minute reads again as it did before the deferral: its
		// narrative was the standard text only because of it. The
		// write refuses minutes confirmed since.
		w.Narrative = &before
		id, err := writeMinute(ctx, tx, w)
		if err != nil {
			return err
		}
		if err := auditAt(ctx, tx, w.CommitteeID, w.By, "item.deferral_undone", w.Item, map[string]any{"meeting": w.MeetingID}, w.At); err != nil {
			return err
		}
		m, err = minuteWritten(ctx, tx, w.CommitteeID, id)
		return err
	})
	if err != nil {
		return commands.Minute{}, commands.Deferral{}, err
	}
	return m, d.deferral(), nil
}

// DismissDeferral implements commands.DeferralStore.
func (db *DB) DismissDeferral(ctx context.Context, committeeID, meetingID int64, item, by string, at time.Time) (commands.Deferral, error) {
	var d deferralRow
	err := db.inTx(ctx, "dismiss deferral", func(tx *Tx) error {
		var id int64
		if err := tx.GetContext(ctx, &id, `UPDATE deferrals SET dismissed_by = $3, dismissed_at = COALESCE(CAST($4 AS timestamptz), now())
			WHERE meeting_id = $1 AND item_number = $2 AND undone_at IS NULL AND dismissed_at IS NULL
			RETURNING id`, meetingID, item, by, nullTime(at)); err != nil {
			return err
		}
		if err := tx.GetContext(ctx, &d, `SELECT `+deferralColumns+` FROM deferrals d JOIN meetings dm ON dm.id = d.meeting_id
			WHERE d.id = $1`, id); err != nil {
			return err
		}
		if err := auditAt(ctx, tx, committeeID, by, "item.deferral_dismissed", item, map[string]any{"meeting": meetingID}, at); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `SELECT mark_stale($1, NULL, '{}')`, committeeID)
		return err
	})
	if err != nil {
		return commands.Deferral{}, err
	}
	return d.deferral(), nil
}

// OpenDeferrals implements commands.DeferralStore. An item is taken to be
// on a later agenda when an item of the same title, give or take case and
// spacing (commands.TitleKey), stands on the agenda of a meeting after the
// one that deferred it that is not cancelled.
func (db *DB) OpenDeferrals(ctx context.Context, committeeID int64, before time.Time) ([]commands.Deferral, error) {
	var rows []deferralRow
	err := db.x.SelectContext(ctx, &rows, `SELECT `+deferralColumns+`
		FROM deferrals d JOIN meetings dm ON dm.id = d.meeting_id
		WHERE d.committee_id = $1 AND d.undone_at IS NULL AND d.dismissed_at IS NULL AND dm.starts_at < $2
		AND NOT EXISTS (SELECT 1 FROM agenda_items ai JOIN meetings am ON am.id = ai.meeting_id
			WHERE am.committee_id = d.committee_id AND am.starts_at > dm.starts_at AND am.status <> 'cancelled'
			AND ai.removed_at IS NULL
			AND lower(regexp_replace(btrim(ai.title), '\s+', ' ', 'g')) = lower(regexp_replace(btrim(d.title), '\s+', ' ', 'g')))
		ORDER BY dm.starts_at, d.id`, committeeID, before)
	if err != nil {
		return nil, mapErr("open deferrals", err)
	}
	out := make([]commands.Deferral, len(rows))
	for i, r := range rows {
		out[i] = r.deferral()
	}
	return out, nil
}
