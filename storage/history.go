package storage

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"github.com/lib/pq"

	"github.com/quorumhq/quorum/commands"
)

// historySelect is every change to the records of the meetings that
// meetingFilter (a condition on meetings m, with the query's parameters)
// picks, one row a change, read from the records' own histories:
// apology_history; declarations with their withdrawals and dispensations;
// the append-only report_links; agenda items added and removed, and their
// moves from the audit log, and their changes in place
// (agenda_item_edits), each with what the item read before (was).
// Declarations and report links give the item's number as it was when
// they were made; an item's entry as added reads as it was added, before
// any change in place. Each branch filters on m itself, so that a query
// for one meeting reads that meeting's rows only.
func historySelect(meetingFilter string) string {
	return `SELECT h.at, m.committee_id, m.id AS meeting_id, m.starts_at, m.time_known, h.record, h.action, h.item,
			h.user_id, h.name, h.detail, h.by_user, COALESCE(bm.name, '') AS by_name, h.presenter, h.branch, h.id, h.member_key, h.was
		FROM (
			SELECT h.at, a.meeting_id, 'apologies' AS record, h.action, '' AS item, a.user_id, a.name,
				concat_ws('; ', NULLIF(h.reason, ''), 'substitute: ' || NULLIF(h.substitute_name, '')) AS detail,
				h.by_user, '' AS presenter, 1 AS branch, h.id, a.member_key, '' AS was
			FROM apology_history h JOIN apologies a ON a.id = h.apology_id
			JOIN meetings m ON m.id = a.meeting_id WHERE ` + meetingFilter + `
			UNION ALL
			SELECT d.declared_at, d.meeting_id, 'declarations',
				CASE WHEN d.source = 'slack' THEN 'declared' ELSE 'imported' END,
				d.item_number, d.user_id, d.name,
				d.kind || ': ' || d.nature || CASE WHEN d.dispensation THEN ' (dispensation held)' ELSE '' END,
				d.declared_by, '', 2, d.id, d.member_key, ''
			FROM declarations d JOIN meetings m ON m.id = d.meeting_id WHERE ` + meetingFilter + `
			UNION ALL
			SELECT w.withdrawn_at, d.meeting_id, 'declarations', 'withdrawn', d.item_number, d.user_id, d.name,
				d.kind || ': ' || d.nature, w.withdrawn_by, '', 3, d.id, d.member_key, ''
			FROM declaration_withdrawals w JOIN declarations d ON d.id = w.declaration_id
			JOIN meetings m ON m.id = d.meeting_id WHERE ` + meetingFilter + `
			UNION ALL
			SELECT p.recorded_at, d.meeting_id, 'declarations', 'dispensation', d.item_number, d.user_id, d.name,
				d.kind || ': ' || d.nature, p.recorded_by, '', 4, d.id, d.member_key, ''
			FROM declaration_dispensations p JOIN declarations d ON d.id = p.declaration_id
			JOIN meetings m ON m.id = d.meeting_id WHERE ` + meetingFilter + `
			UNION ALL
			SELECT r.at, r.meeting_id, 'reports', r.action, r.item_number, r.user_id, r.name,
				concat_ws(' ', r.url, '(' || NULLIF(r.title, '') || ')'), r.by_user, '', 5, r.id, r.member_key, ''
			FROM report_links r JOIN meetings m ON m.id = r.meeting_id WHERE ` + meetingFilter + `
			UNION ALL
			SELECT i.added_at, i.meeting_id, 'agenda', 'added', i.number, NULL, COALESCE(e.was_presenter, i.presenter),
				COALESCE(e.was_title, i.title), i.added_by, COALESCE(e.was_presenter, i.presenter), 6, i.id, NULL, ''
			FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id
			LEFT JOIN LATERAL (SELECT e.was_title, e.was_presenter FROM agenda_item_edits e
				WHERE e.item_id = i.id ORDER BY e.id LIMIT 1) e ON true
			WHERE ` + meetingFilter + `
			UNION ALL
			SELECT i.removed_at, i.meeting_id, 'agenda', 'removed', i.number, NULL, i.presenter,
				i.title, COALESCE(i.removed_by, ''), i.presenter, 7, i.id, NULL, ''
			FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id
			WHERE i.removed_at IS NOT NULL AND ` + meetingFilter + `
			UNION ALL
			SELECT l.at, m.id, 'agenda', 'moved', l.subject, NULL, '',
				'to ' || COALESCE(l.detail->>'to', ''), l.actor, '', 8, l.id, NULL, ''
			FROM audit_log l JOIN meetings m ON m.committee_id = l.committee_id
				AND l.detail->>'meeting' = m.id::text
			WHERE l.action = 'agenda.move' AND ` + meetingFilter + `
			UNION ALL
			SELECT e.edited_at, i.meeting_id, 'agenda', 'edited', e.number, NULL, e.presenter,
				e.title, e.edited_by, e.presenter || COALESCE(' (' || NULLIF(e.organisation, '') || ')', ''), 9, e.id, NULL,
				concat_ws(' — ', e.was_title, NULLIF(e.was_presenter || COALESCE(' (' || NULLIF(e.was_organisation, '') || ')', ''), ''))
			FROM agenda_item_edits e JOIN agenda_items i ON i.id = e.item_id JOIN meetings m ON m.id = i.meeting_id
			WHERE ` + meetingFilter + `
		) h
		JOIN meetings m ON m.id = h.meeting_id
		LEFT JOIN members bm ON bm.committee_id = m.committee_id AND bm.user_id = h.by_user`
}

type changeRow struct {
	At          time.Time      `db:"at"`
	CommitteeID int64          `db:"committee_id"`
	MeetingID   int64          `db:"meeting_id"`
	StartsAt    time.Time      `db:"starts_at"`
	TimeKnown   bool           `db:"time_known"`
	Record      string         `db:"record"`
	Action      string         `db:"action"`
	Item        string         `db:"item"`
	UserID      sql.NullString `db:"user_id"`
	Name        string         `db:"name"`
	Detail      string         `db:"detail"`
	By          string         `db:"by_user"`
	ByName      string         `db:"by_name"`
	Presenter   string         `db:"presenter"`
	// Branch and ID order changes made at the same time.
	Branch int   `db:"branch"`
	ID     int64 `db:"id"`
	// MemberKey is the record's member_key: the Slack user, as indexed.
	MemberKey sql.NullString `db:"member_key"`
	Was       string         `db:"was"`
}

func (r changeRow) change() commands.Change {
	return commands.Change{
		At: r.At, CommitteeID: r.CommitteeID, MeetingID: r.MeetingID, MeetingStarts: r.StartsAt, MeetingTimeUnknown: !r.TimeKnown,
		Record: commands.HistoryRecord(r.Record), Action: r.Action, Item: r.Item, UserID: r.UserID.String,
		Name: r.Name, Detail: r.Detail, By: r.By, ByName: r.ByName, Presenter: r.Presenter, Was: r.Was,
	}
}

func (db *DB) changes(ctx context.Context, op, query string, args ...any) ([]commands.Change, error) {
	var rows []changeRow
	if err := db.x.SelectContext(ctx, &rows, query, args...); err != nil {
		return nil, mapErr(op, err)
	}
	numberAgendaAsThen(rows)
	out := make([]commands.Change, len(rows))
	for i, r := range rows {
		out[i] = r.change()
	}
	return out, nil
}

// Branches of historySelect that numberAgendaAsThen reads.
const (
	branchItemAdded   = 6
	branchItemRemoved = 7
	branchItemMoved   = 8
	branchItemEdited  = 9
)

// numberAgendaAsThen gives each agenda item's added and removed rows, in
// rows (in the order the changes were made), the number the item had at
// the time. An item's row holds its number now (or when it was removed);
// the moves since, in the audit log, say what it was before: going back
// through the changes, a move from F to T was of the item numbered T then,
// which was F before it. A move's row, which the audit log gives only
// numbers, is given that item's title too, as it read when it moved:
// "to 5 — Date of Next Meeting". The title is found going forward, from
// the item as added through its changes in place, because an edit's row
// names the item only by its number then, which is known once the moves
// after it have been gone back through.
func numberAgendaAsThen(rows []changeRow) {
	type key struct{ meeting, item int64 }
	number := map[key]string{}
	title := map[key]string{}
	standing := map[key]bool{}
	for _, r := range rows {
		k := key{r.MeetingID, r.ID}
		switch r.Branch {
		case branchItemAdded:
			if _, ok := number[k]; !ok {
				number[k], standing[k], title[k] = r.Item, true, r.Detail
			}
		case branchItemRemoved:
			number[k], standing[k] = r.Item, false
		}
	}
	// standingAt is the item standing at number n of meeting, as going
	// back through the changes has numbered them.
	standingAt := func(meeting int64, n string) (key, bool) {
		for other, on := range standing {
			if on && other.meeting == meeting && number[other] == n {
				return other, true
			}
		}
		return key{}, false
	}
	itemOf := map[int]key{}
	for i := len(rows) - 1; i >= 0; i-- {
		r := &rows[i]
		k := key{r.MeetingID, r.ID}
		switch r.Branch {
		case branchItemRemoved:
			standing[k] = true
		case branchItemAdded:
			r.Item = number[k]
			standing[k] = false
		case branchItemEdited:
			if other, ok := standingAt(r.MeetingID, r.Item); ok {
				itemOf[i] = other
			}
		case branchItemMoved:
			if other, ok := standingAt(r.MeetingID, strings.TrimPrefix(r.Detail, "to ")); ok {
				number[other] = r.Item
				itemOf[i] = other
			}
		}
	}
	for i := range rows {
		r := &rows[i]
		k, ok := itemOf[i]
		if !ok {
			continue
		}
		switch r.Branch {
		case branchItemEdited:
			title[k] = r.Detail
		case branchItemMoved:
			if title[k] != "" {
				r.Detail += " — " + title[k]
			}
		}
	}
}

// historyOrder puts changes in the order they were made; changes made in
// one transaction share a time, and keep the order of the branches and
// rows, but for an agenda's, which go as ChangeAgenda makes them: items
// removed, then moved, then added. Date of Next Meeting moves off a number
// before an item is added at it, and back into the number of an item
// removed; listed the other way, its move would read as that item's.
const historyOrder = ` ORDER BY h.at, CASE h.branch WHEN 7 THEN 6 WHEN 8 THEN 7 WHEN 6 THEN 8 ELSE h.branch END, h.id`

// History implements commands.HistoryStore.
func (db *DB) History(ctx context.Context, meetingID int64, record commands.HistoryRecord) ([]commands.Change, error) {
	return db.changes(ctx, "history", historySelect(`m.id = $1`)+` WHERE h.record = $2`+historyOrder, meetingID, string(record))
}

// MemberHistory implements commands.HistoryStore.
func (db *DB) MemberHistory(ctx context.Context, userID string, committeeIDs []int64, since time.Time, limit int) ([]commands.Change, error) {
	return db.changes(ctx, "member history", memberHistorySQL,
		pq.Array(committeeIDs), userID, limit, since)
}

// memberHistorySQL reads a member's latest changes in committees ($1):
// those to records whose member_key is the member ($2; the Slack user ID),
// so that each meeting's records are found through the indexes on
// (meeting, member_key), at most $3 a committee, for the meetings starting
// after $4.
var memberHistorySQL = `SELECT at, committee_id, meeting_id, starts_at, time_known, record, action, item,
			user_id, name, detail, by_user, by_name, presenter, branch, id, member_key, was
		FROM (
			SELECT c.*, row_number() OVER (PARTITION BY c.committee_id ORDER BY c.at DESC, c.branch DESC, c.id DESC) AS n
			FROM (` + historySelect(`m.committee_id = ANY($1) AND m.starts_at > $4`) + ` WHERE h.member_key = $2) c
		) ranked WHERE n <= $3 ORDER BY committee_id, at DESC, branch DESC, id DESC`

// CommitteeHistory implements commands.HistoryStore.
func (db *DB) CommitteeHistory(ctx context.Context, committeeID int64, since time.Time) ([]commands.Change, error) {
	return db.changes(ctx, "committee history", historySelect(`m.committee_id = $1`)+` WHERE h.at >= $2`+historyOrder, committeeID, since)
}
