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
			h.user_id, h.name, h.detail, h.by_user, COALESCE(bm.name, '') AS by_name, h.presenter, h.branch, h.id, h.member_key, h.was,
			h.with_removal, m.status = 'cancelled' AS meeting_cancelled, h.seq, '' AS time_zone,
			CAST(NULL AS timestamptz) AS clock_at, CAST(NULL AS timestamptz) AS moved_from, CAST(NULL AS timestamptz) AS moved_to,
			false AS from_known, false AS to_known
		FROM (
			SELECT h.at, a.meeting_id, 'apologies' AS record, h.action, '' AS item, a.user_id, a.name,
				concat_ws('; ', NULLIF(h.reason, ''), 'substitute: ' || NULLIF(h.substitute_name, '')) AS detail,
				h.by_user, '' AS presenter, 1 AS branch, h.id, a.member_key, COALESCE(h.reason, '') AS was, h.with_removal, CAST(0 AS bigint) AS seq
			FROM apology_history h JOIN apologies a ON a.id = h.apology_id
			JOIN meetings m ON m.id = a.meeting_id WHERE ` + meetingFilter + `
			UNION ALL
			SELECT d.declared_at, d.meeting_id, 'declarations',
				CASE WHEN d.source = 'slack' THEN 'declared' ELSE 'imported' END,
				d.item_number, d.user_id, d.name,
				d.kind || ': ' || d.nature || CASE WHEN d.dispensation THEN ' (dispensation held)' ELSE '' END,
				d.declared_by, '', 2, d.id, d.member_key, '', false, 0
			FROM declarations d JOIN meetings m ON m.id = d.meeting_id WHERE ` + meetingFilter + `
			UNION ALL
			SELECT w.withdrawn_at, d.meeting_id, 'declarations', 'withdrawn', d.item_number, d.user_id, d.name,
				d.kind || ': ' || d.nature, w.withdrawn_by, '', 3, d.id, d.member_key, '', w.with_removal, 0
			FROM declaration_withdrawals w JOIN declarations d ON d.id = w.declaration_id
			JOIN meetings m ON m.id = d.meeting_id WHERE ` + meetingFilter + `
			UNION ALL
			SELECT p.recorded_at, d.meeting_id, 'declarations', 'dispensation', d.item_number, d.user_id, d.name,
				d.kind || ': ' || d.nature, p.recorded_by, '', 4, d.id, d.member_key, '', false, 0
			FROM declaration_dispensations p JOIN declarations d ON d.id = p.declaration_id
			JOIN meetings m ON m.id = d.meeting_id WHERE ` + meetingFilter + `
			UNION ALL
			SELECT r.at, r.meeting_id, 'reports', r.action, r.item_number, r.user_id, r.name,
				concat_ws(' ', r.url, '(' || NULLIF(r.title, '') || ')'), r.by_user, '', 5, r.id, r.member_key, '', false, 0
			FROM report_links r JOIN meetings m ON m.id = r.meeting_id WHERE ` + meetingFilter + `
			UNION ALL
			SELECT i.added_at, i.meeting_id, 'agenda', 'added', i.number, NULL, COALESCE(e.was_presenter, i.presenter),
				COALESCE(e.was_title, i.title), i.added_by, COALESCE(e.was_presenter, i.presenter), 6, i.id, NULL, i.urgency, false, i.seq
			FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id
			LEFT JOIN LATERAL (SELECT e.was_title, e.was_presenter FROM agenda_item_edits e
				WHERE e.item_id = i.id ORDER BY e.id LIMIT 1) e ON true
			WHERE ` + meetingFilter + `
			UNION ALL
			SELECT i.removed_at, i.meeting_id, 'agenda', 'removed', i.number, NULL, i.presenter,
				i.title, COALESCE(i.removed_by, ''), i.presenter, 7, i.id, NULL, '', false, i.removed_seq
			FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id
			WHERE i.removed_at IS NOT NULL AND ` + meetingFilter + `
			UNION ALL
			SELECT l.at, m.id, 'agenda', 'moved', l.subject, NULL, '',
				'to ' || COALESCE(l.detail->>'to', ''), l.actor, '', 8, l.id, NULL, '', false, l.seq
			FROM audit_log l JOIN meetings m ON m.committee_id = l.committee_id
				AND l.detail->>'meeting' = m.id::text
			WHERE l.action = 'agenda.move' AND ` + meetingFilter + `
			UNION ALL
			SELECT e.edited_at, i.meeting_id, 'agenda', 'edited', e.number, NULL, e.presenter,
				e.title, e.edited_by, e.presenter || COALESCE(' (' || NULLIF(e.organisation, '') || ')', ''), 9, e.id, NULL,
				concat_ws(' — ', e.was_title, NULLIF(e.was_presenter || COALESCE(' (' || NULLIF(e.was_organisation, '') || ')', ''), '')), false, e.seq
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
	StartsAt    sql.NullTime   `db:"starts_at"` // NULL for a record of no meeting
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
	// Was is what an agenda item read before; for an apology (branch 1),
	// its reason alone, which detail begins with, so that the reason can
	// be left out of detail whatever it reads.
	Was string `db:"was"`
	// WithRemoval: a withdrawal made by removing the member.
	WithRemoval bool `db:"with_removal"`
	// MeetingCancelled: the meeting the record is for has been cancelled.
	MeetingCancelled bool `db:"meeting_cancelled"`
	// Seq orders the agenda's changes of one time (historyOrder).
	Seq int64 `db:"seq"`
	// TimeZone is the committee's, for the times below ("" where there
	// are none): ClockAt, the time an attendance mark records or a
	// session began; MovedFrom and MovedTo, where a meeting moved, each
	// with whether its time of day is known.
	TimeZone  string       `db:"time_zone"`
	ClockAt   sql.NullTime `db:"clock_at"`
	MovedFrom sql.NullTime `db:"moved_from"`
	MovedTo   sql.NullTime `db:"moved_to"`
	FromKnown bool         `db:"from_known"`
	ToKnown   bool         `db:"to_known"`
}

// withTimes writes r's times into its detail, in its committee's zone:
// "at 01:30" ahead of a mark's substitute, "from 2027-10-30 10:00 to
// 2027-10-31 01:30" ahead of a venue changed with the move.
func (r *changeRow) withTimes() {
	if !r.ClockAt.Valid && !r.MovedFrom.Valid {
		return
	}
	loc := commands.Committee{TimeZone: r.TimeZone}.Location()
	var first string
	if r.ClockAt.Valid {
		first = "at " + commands.ClockIn(r.ClockAt.Time, loc, "15:04")
	}
	if r.MovedFrom.Valid && r.MovedTo.Valid {
		day := func(t time.Time, known bool) string {
			if !known {
				return t.In(loc).Format("2006-01-02")
			}
			return commands.ClockIn(t, loc, "2006-01-02 15:04")
		}
		first = "from " + day(r.MovedFrom.Time, r.FromKnown) + " to " + day(r.MovedTo.Time, r.ToKnown)
	}
	if r.Detail == "" {
		r.Detail = first
	} else {
		r.Detail = first + "; " + r.Detail
	}
}

func (r changeRow) change() commands.Change {
	var reason string
	if r.Record == string(commands.HistoryApologies) {
		reason, r.Was = r.Was, ""
	}
	return commands.Change{Reason: reason,
		At: r.At, CommitteeID: r.CommitteeID, MeetingID: r.MeetingID, MeetingStarts: r.StartsAt.Time, MeetingTimeUnknown: !r.TimeKnown,
		Record: commands.HistoryRecord(r.Record), Action: r.Action, Item: r.Item, UserID: r.UserID.String,
		Name: r.Name, Detail: r.Detail, By: r.By, ByName: r.ByName, Presenter: r.Presenter, Was: r.Was, WithRemoval: r.WithRemoval,
		MeetingCancelled: r.MeetingCancelled,
	}
}

func (db *DB) changes(ctx context.Context, op, query string, args ...any) ([]commands.Change, error) {
	var rows []changeRow
	if err := db.x.SelectContext(ctx, &rows, query, args...); err != nil {
		return nil, mapErr(op, err)
	}
	numberAgendaAsThen(rows)
	rows = foldSpareSteps(rows)
	out := make([]commands.Change, len(rows))
	for i, r := range rows {
		r.withTimes()
		out[i] = r.change()
	}
	return out, nil
}

// foldSpareSteps shows an item that a revised agenda moved through a
// spare number ("5~", which no one can type), to let another take its
// place, as the one move it was: "item 5: moved to 6", not a step to "5~"
// and another from it. The steps stay in the audit log, whose numbers
// numberAgendaAsThen has already gone back through.
func foldSpareSteps(rows []changeRow) []changeRow {
	type key struct {
		meeting int64
		number  string
	}
	from := map[key]string{}
	out := rows[:0]
	for _, r := range rows {
		if r.Branch == branchItemMoved {
			to, _, _ := strings.Cut(strings.TrimPrefix(r.Detail, "to "), " ")
			if orig, ok := from[key{r.MeetingID, r.Item}]; ok {
				delete(from, key{r.MeetingID, r.Item})
				r.Item = orig
			}
			if strings.Contains(to, "~") {
				from[key{r.MeetingID, to}] = r.Item
				continue
			}
		}
		out = append(out, r)
	}
	return out
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
	presenter := map[key]string{}
	standing := map[key]bool{}
	for _, r := range rows {
		k := key{r.MeetingID, r.ID}
		switch r.Branch {
		case branchItemAdded:
			if _, ok := number[k]; !ok {
				number[k], standing[k], title[k], presenter[k] = r.Item, true, r.Detail, r.Presenter
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
			title[k], presenter[k] = r.Detail, r.Presenter
		case branchItemMoved:
			if title[k] != "" {
				r.Detail += " — " + title[k]
			}
			// Its presenter, for whoever reads the history of the items
			// they present: a move of theirs is theirs too.
			r.Presenter = presenter[k]
		}
	}
}

// historyOrder puts changes in the order they were made; changes made in
// one transaction share a time, and keep the order of the branches and
// rows, but for an agenda's, which go as ChangeAgenda makes them: items
// removed, then moved, then added. Date of Next Meeting moves off a number
// before an item is added at it, and back into the number of an item
// removed; listed the other way, its move would read as that item's. A
// meeting scheduled, imported or cancelled (committeeRecordsSelect's
// branch 23) goes before what was done to its records with it: its agenda
// as scheduled, the apologies its cancelling withdrew. Before all that,
// the agenda's changes of one time are ordered by seq (recorded_order),
// as they were written, for those made one after another under one
// clock (the console's, the tests'); those kept before it, and the other
// records, have 0 and keep the order above.
const historyOrder = ` ORDER BY h.at, h.seq, CASE h.branch WHEN 23 THEN 0 WHEN 7 THEN 6 WHEN 8 THEN 7 WHEN 6 THEN 8 ELSE h.branch END, h.id`

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
			user_id, name, detail, by_user, by_name, presenter, branch, id, member_key, was, with_removal, meeting_cancelled
		FROM (
			SELECT c.*, row_number() OVER (PARTITION BY c.committee_id ORDER BY c.at DESC, c.branch DESC, c.id DESC) AS n
			FROM (` + historySelect(`m.committee_id = ANY($1) AND m.starts_at > $4`) + ` WHERE h.member_key = $2) c
		) ranked WHERE n <= $3 ORDER BY committee_id, at DESC, branch DESC, id DESC`

// CommitteeHistory implements commands.HistoryStore: the changes
// /history shows, and those to the committee's other records, which the
// export alone reads (committeeRecordsSelect).
func (db *DB) CommitteeHistory(ctx context.Context, committeeID int64, since time.Time) ([]commands.Change, error) {
	return db.changes(ctx, "committee history", `SELECT `+changeColumns+` FROM (`+historySelect(`m.committee_id = $1`)+
		` UNION ALL `+committeeRecordsSelect+`) h WHERE h.at >= $2`+historyOrder, committeeID, since)
}

// CommitteeLog implements commands.HistoryStore: the latest limit
// changes to the committee's membership and settings (or to one member's
// membership), oldest first: by the times the commands were given, and
// in the order the audit log, which keeps both, wrote those of one time.
// The records named
// leave out committeeRecordsSelect's other branches, their constant
// records failing the test as the plan is made.
func (db *DB) CommitteeLog(ctx context.Context, committeeID int64, userID, name string, limit int) ([]commands.Change, error) {
	return db.changes(ctx, "committee log", `SELECT `+changeColumns+` FROM (SELECT * FROM (`+committeeRecordsSelect+`) r
		WHERE r.record IN ('membership', 'committee')
			AND ($3 = '' AND $4 = '' OR r.record = 'membership' AND (r.member_key = $3 AND $3 <> '' OR $4 <> '' AND lower(r.name) = lower($4)))
		ORDER BY r.at DESC, r.id DESC LIMIT $2) h ORDER BY h.at, h.id`, committeeID, limit, userID, name)
}

// changeColumns are the columns of historySelect, as changeRow reads them.
const changeColumns = `h.at, h.committee_id, h.meeting_id, h.starts_at, h.time_known, h.record, h.action, h.item,
	h.user_id, h.name, h.detail, h.by_user, h.by_name, h.presenter, h.branch, h.id, h.member_key, h.was, h.with_removal,
	h.meeting_cancelled, h.time_zone, h.clock_at, h.moved_from, h.moved_to, h.from_known, h.to_known`

// committeeRecordsSelect is every change to the records of committee $1
// that historySelect leaves out, in its columns, read from where each
// record keeps its history: attendance (attendance_marks, a departure
// withdrawn included); the meeting itself, opened, adjourned, resumed,
// closed and its items taken up (meeting_sessions), who took the chair
// (chair_taken), moved or its venue
// changed (meeting_changes), and scheduled, cancelled, imported or held
// (the audit log, where those have always been kept); minutes written in
// Quorum (minute_history, a resolution's recording and its removal under
// decisions), corrections proposed to them (from their author, by whoever entered
// them), their approval, documents imported and
// drafts they replaced; actions (action_log); the register of interests,
// a sensitive entry's details withheld as the register's export withholds
// them, and reviews made on their own (those made with an entry added or
// ended have its time, as ReviewsOf tells them apart); and membership and
// the committee's settings (the audit log). The register, membership and
// the settings are not a meeting's:
// their meeting_id is 0 and starts_at NULL. Branches are numbered from 20,
// after historySelect's, so that historyOrder keeps theirs. The minutes'
// records carry their seq, so that those of one time go as they were
// written (a correction before the amendment that answered it); the
// others 0.
//
// Only the export reads these: /history shows one kind of a meeting's
// records, and a member's, through historySelect alone.
const committeeRecordsSelect = `SELECT h.at, h.committee_id, COALESCE(m.id, 0) AS meeting_id, m.starts_at,
		COALESCE(m.time_known, true) AS time_known, h.record, h.action, h.item, NULLIF(h.user_id, '') AS user_id, h.name,
		h.detail, h.by_user, COALESCE(bm.name, '') AS by_name, '' AS presenter, h.branch, h.id, h.member_key, '' AS was,
		false AS with_removal, COALESCE(m.status = 'cancelled', false) AS meeting_cancelled,
		CASE h.branch WHEN 24 THEN (SELECT mh.seq FROM minute_history mh WHERE mh.id = h.id)
			WHEN 25 THEN (SELECT k.seq FROM minute_comments k WHERE k.id = h.id)
			WHEN 26 THEN (SELECT ap.seq FROM minutes_approvals ap WHERE ap.meeting_id = h.id)
			ELSE CAST(0 AS bigint) END AS seq,
		hc.time_zone, COALESCE(ha.at, hs.at) AS clock_at, hx.old_starts_at AS moved_from, hx.new_starts_at AS moved_to,
		COALESCE(hx.old_time_known, false) AS from_known, COALESCE(hx.new_time_known, false) AS to_known
	FROM (
		SELECT a.entered_at AS at, m.committee_id, m.id AS meeting_id, 'attendance' AS record,
			CASE WHEN a.corrects THEN 'departure withdrawn' ELSE a.status END AS action, '' AS item,
			a.user_id, a.name || COALESCE(' (' || NULLIF(a.organisation, '') || ')', '') AS name,
			concat_ws('; ', 'substitute for ' || COALESCE(sm.name, NULLIF(regexp_replace(a.substitute_for, '^name:', ''), ''))) AS detail,
			a.entered_by AS by_user, 20 AS branch, a.id, a.member_key
		FROM attendance_marks a JOIN meetings m ON m.id = a.meeting_id
		LEFT JOIN members sm ON sm.committee_id = m.committee_id AND sm.user_id = a.substitute_for
		WHERE m.committee_id = $1
		UNION ALL
		-- at, the request's time, not recorded_at: the export lists every
		-- change by the clock the commands were given under, as the
		-- apologies and declarations (recorded_at is the database's, for
		-- the chair at the close; see migration 00028). The attendance
		-- marks above are listed by the database's clock (see markAs).
		SELECT s.at, m.committee_id, m.id, 'meeting',
			CASE s.action WHEN 'item' THEN 'took up' WHEN 'item undone' THEN 'took back' ELSE s.action END, s.item, '', '',
			'', s.by_user, 21, s.id, NULL
		FROM meeting_sessions s JOIN meetings m ON m.id = s.meeting_id
		WHERE m.committee_id = $1
		UNION ALL
		-- Who took the chair at a meeting in progress (migration 00080),
		-- named as the committee names them.
		SELECT c.at, m.committee_id, m.id, 'meeting', 'took the chair', '',
			c.member_key, COALESCE(cm.name, c.member_key), '', c.by_user, 37, c.id, c.member_key
		FROM chair_taken c JOIN meetings m ON m.id = c.meeting_id
		LEFT JOIN members cm ON cm.committee_id = m.committee_id AND cm.user_id = c.member_key
		WHERE m.committee_id = $1
		UNION ALL
		SELECT x.at, x.committee_id, x.meeting_id, 'meeting',
			CASE WHEN x.old_starts_at <> x.new_starts_at OR x.old_time_known <> x.new_time_known THEN 'moved' ELSE 'venue changed' END,
			'', '', '',
			CASE WHEN x.old_venue <> x.new_venue THEN 'venue ' || COALESCE(NULLIF(x.old_venue, ''), 'none')
				|| ' to ' || COALESCE(NULLIF(x.new_venue, ''), 'none') ELSE '' END,
			x.by_user, 22, x.id, NULL
		FROM meeting_changes x
		WHERE x.committee_id = $1
		UNION ALL
		SELECT l.at, l.committee_id, m.id, 'meeting',
			CASE l.action WHEN 'meeting.schedule' THEN 'scheduled' WHEN 'meeting.import' THEN 'imported' ELSE substr(l.action, 9) END,
			'', '', '', COALESCE('venue ' || NULLIF(l.detail->>'venue', ''), ''), l.actor, 23, l.id, NULL
		FROM audit_log l JOIN meetings m ON m.committee_id = l.committee_id AND l.detail->>'meeting' = m.id::text
		WHERE l.committee_id = $1 AND l.action LIKE 'meeting.%' AND l.action <> 'meeting.change'
		UNION ALL
		SELECT mh.at, mi.committee_id, mi.meeting_id, CASE WHEN mh.action IN ('resolved', 'removed') THEN 'decisions' ELSE 'minutes' END,
			mh.action, mi.item_number, '', '',
			concat_ws(' — ', 'minute ' || mi.number || COALESCE(' ' || NULLIF(mi.title, ''), ''), NULLIF(mh.narrative, ''),
				CASE WHEN mh.resolved <> '' THEN COALESCE(NULLIF(mh.recorded_as, ''), 'RESOLVED') || ': ' || mh.resolved END),
			mh.by_user, 24, mh.id, NULL
		FROM minute_history mh JOIN minutes mi ON mi.id = mh.minute_id
		WHERE mi.committee_id = $1
		UNION ALL
		SELECT k.at, mi.committee_id, mi.meeting_id, 'minutes', 'correction proposed', mi.item_number,
			k.by_user, COALESCE(NULLIF(k.by_name, ''), km.name, ''),
			'minute ' || mi.number || ' — ' || k.body, COALESCE(NULLIF(k.entered_by, ''), k.by_user), 25, k.id, NULLIF(k.by_user, '')
		FROM minute_comments k JOIN minutes mi ON mi.id = k.minute_id
		LEFT JOIN members km ON km.committee_id = mi.committee_id AND km.user_id = k.by_user
		WHERE mi.committee_id = $1
		UNION ALL
		SELECT ap.approved_at, m.committee_id, m.id, 'minutes', 'approved', '', '', '',
			concat_ws('; ', COALESCE('at the meeting of ' || to_char(am.starts_at AT TIME ZONE c.time_zone, 'YYYY-MM-DD'), 'by correspondence'),
				-- Confirmed as they stood: the corrections set aside, and
				-- their minutes in the order they were proposed, in the
				-- words the channel was given ("minutes 4, 5 and 9").
				CASE WHEN cardinality(ap.set_aside) > 0 THEN 'as they stood, setting aside ' || cardinality(ap.set_aside)
					|| CASE cardinality(ap.set_aside) WHEN 1 THEN ' correction' ELSE ' corrections' END || ' to '
					|| (SELECT CASE WHEN cardinality(ns) = 1 THEN 'minute ' || ns[1]
							ELSE 'minutes ' || array_to_string(ns[1:cardinality(ns) - 1], ', ') || ' and ' || ns[cardinality(ns)] END
						FROM (SELECT array_agg(sa.number ORDER BY sa.first) AS ns
							FROM (SELECT x.number, min(x.n) AS first FROM unnest(ap.set_aside) WITH ORDINALITY AS x(number, n) GROUP BY x.number) sa) agg)
					|| ' that members proposed and no amendment followed' END),
			ap.approved_by, 26, m.id, NULL
		FROM minutes_approvals ap JOIN meetings m ON m.id = ap.meeting_id JOIN committees c ON c.id = m.committee_id
		LEFT JOIN meetings am ON am.id = ap.at_meeting_id
		WHERE m.committee_id = $1
		UNION ALL
		SELECT d.imported_at, d.committee_id, d.meeting_id, CASE d.kind WHEN 'minutes' THEN 'minutes' ELSE 'agenda' END,
			'imported', '', '', '', 'document sha256 ' || d.sha256, d.imported_by, 27, d.id, NULL
		FROM minute_documents d WHERE d.committee_id = $1
		UNION ALL
		SELECT d.replaced_at, d.committee_id, d.meeting_id, CASE d.kind WHEN 'minutes' THEN 'minutes' ELSE 'agenda' END,
			'replaced', '', '', '', 'document sha256 ' || d.sha256, '', 28, d.id, NULL
		FROM minute_documents d WHERE d.committee_id = $1 AND d.replaced_at IS NOT NULL
		UNION ALL
		SELECT l.at, l.committee_id, m.id, 'minutes', 'drafts replaced', '', '', '',
			'minutes ' || COALESCE((SELECT string_agg(e->>'number', ', ') FROM jsonb_array_elements(l.detail->'drafts') e), ''),
			l.actor, 29, l.id, NULL
		FROM audit_log l JOIN meetings m ON m.committee_id = l.committee_id AND l.detail->>'meeting' = m.id::text
		WHERE l.committee_id = $1 AND l.action = 'minutes.drafts_replaced'
		UNION ALL
		SELECT al.at, a.committee_id, a.meeting_id, 'actions', al.kind, '', al.owner_user, al.owner_name,
			-- Under no minute, as minuteLabel says it: imported from an
			-- action log under an item whose minute was not given. The
			-- action's number first, as /action history takes it: two
			-- actions of one text under one minute are otherwise one to
			-- whoever follows a reassignment down the rows.
			concat_ws('; ', 'action ' || a.id || ' — ' || COALESCE('minute ' || NULLIF(a.minute_number, ''), 'no minute') || ': ' || a.body,
				'due ' || to_char(al.due_on, 'YYYY-MM-DD'), NULLIF(al.note, '')),
			al.by_user, 30, al.id, NULLIF(al.owner_user, '')
		FROM action_log al JOIN actions a ON a.id = al.action_id
		WHERE a.committee_id = $1
		UNION ALL
		SELECT i.added_at, i.committee_id, NULL, 'interests', 'registered', '', i.user_id, i.name, ` + interestDetail + `,
			i.added_by, 31, i.id, i.member_key
		FROM interests i WHERE i.committee_id = $1
		UNION ALL
		SELECT e.ended_at, i.committee_id, NULL, 'interests', 'ended', '', i.user_id, i.name,
			` + interestDetail + ` || '; ended on ' || to_char(e.ended_on, 'YYYY-MM-DD'), e.ended_by, 32, i.id, i.member_key
		FROM interest_endings e JOIN interests i ON i.id = e.interest_id
		WHERE i.committee_id = $1
		UNION ALL
		SELECT r.reviewed_at, r.committee_id, NULL, 'interests', 'reviewed', '',
			CASE WHEN r.member_key LIKE 'name:%' THEN '' ELSE r.member_key END, COALESCE(rm.name, ''), '',
			r.reviewed_by, 33, r.id, r.member_key
		FROM interest_reviews r LEFT JOIN members rm ON rm.committee_id = r.committee_id AND rm.user_id = r.member_key
		WHERE r.committee_id = $1
		  AND NOT EXISTS (SELECT 1 FROM interests i LEFT JOIN interest_endings e ON e.interest_id = i.id
			WHERE i.committee_id = r.committee_id AND i.member_key = r.member_key
			  AND (i.added_at = r.reviewed_at OR e.ended_at = r.reviewed_at))
		UNION ALL
		SELECT n.dismissed_at, m.committee_id, m.id, 'interests', 'not relevant', ai.number,
			CASE WHEN n.member_key LIKE 'name:%' THEN '' ELSE n.member_key END, COALESCE(nm.name, ''), ai.title,
			n.dismissed_by, 34, ai.id, n.member_key
		FROM interest_dismissals n JOIN agenda_items ai ON ai.id = n.item_id JOIN meetings m ON m.id = ai.meeting_id
		LEFT JOIN members nm ON nm.committee_id = m.committee_id AND nm.user_id = n.member_key
		WHERE m.committee_id = $1
		UNION ALL
		SELECT l.at, l.committee_id, NULL, 'membership',
			CASE l.action WHEN 'member.add' THEN CASE WHEN (l.detail->>'rejoined')::boolean THEN 'added again' ELSE 'added' END
				-- A member added back was written, before "rejoined" was
				-- kept, as a change following their removal.
				WHEN 'member.change' THEN CASE WHEN l.before = 'member.remove' THEN 'added again' ELSE 'changed' END
				WHEN 'member.remove' THEN 'removed'
				ELSE CASE WHEN (l.detail->>'voting')::boolean THEN 'voting' ELSE 'non-voting' END END,
			'', l.subject, COALESCE(NULLIF(l.detail->>'name', ''), lm.name, ''),
			concat_ws('; ', 'role: ' || NULLIF(l.detail->>'role', ''), NULLIF(l.detail->>'organisation', '')),
			l.actor, 35, l.id, l.subject
		-- before is the member's entry before this one, from the rows this
		-- branch reads anyway: no further look-up for each.
		FROM (SELECT l.*, lag(l.action) OVER (PARTITION BY l.subject ORDER BY l.at, l.id) AS before
			FROM audit_log l
			WHERE l.committee_id = $1 AND l.action IN ('member.add', 'member.change', 'member.remove', 'member.voting')) l
		LEFT JOIN members lm ON lm.committee_id = l.committee_id AND lm.user_id = l.subject
		UNION ALL
		-- The committee's own settings, as the audit log keeps them.
		SELECT l.at, l.committee_id, NULL, 'committee',
			CASE l.action WHEN 'committee.setup' THEN 'set up' WHEN 'committee.reminders' THEN 'reminders'
				WHEN 'committee.year_start' THEN 'year start' WHEN 'quorum.set' THEN 'quorum'
				WHEN 'interest.gift_threshold' THEN 'gift threshold' ELSE 'calendar link reset' END,
			'', '', '',
			CASE l.action
				WHEN 'committee.setup' THEN l.subject
				WHEN 'committee.reminders' THEN CASE WHEN COALESCE(jsonb_array_length(l.detail->'days'), 0) = 0 THEN 'off'
					-- Each day as /meeting reminders says it: 0 is the day itself.
					ELSE (SELECT string_agg(CASE d WHEN '0' THEN 'on the day' WHEN '1' THEN '1 day before' ELSE d || ' days before' END,
							', ' ORDER BY d::int DESC) FROM jsonb_array_elements_text(l.detail->'days') d)
						|| ', at ' || (l.detail->>'at') END
				WHEN 'committee.year_start' THEN 'starts in ' || l.subject
				WHEN 'quorum.set' THEN COALESCE(NULLIF(l.detail->>'rule', ''), 'none')
				WHEN 'interest.gift_threshold' THEN concat_ws(' ', 'from £' || to_char((l.detail->>'from')::numeric / 100, 'FM999999990.00'),
					'to £' || to_char((l.detail->>'to')::numeric / 100, 'FM999999990.00'))
				ELSE '' END,
			l.actor, 36, l.id, NULL
		FROM audit_log l
		WHERE l.committee_id = $1 AND l.action IN ('committee.setup', 'committee.reminders', 'committee.year_start', 'quorum.set',
			'interest.gift_threshold', 'calendar_reset')
	) h
	LEFT JOIN meetings m ON m.id = h.meeting_id
	LEFT JOIN members bm ON bm.committee_id = h.committee_id AND bm.user_id = h.by_user
	-- The times of attendance marks, sessions and moves, written into the
	-- detail by withTimes: in the hour the clocks pass twice they need
	-- the zone's name ("01:30 BST"), which only Go's zone data gives.
	JOIN committees hc ON hc.id = h.committee_id
	LEFT JOIN attendance_marks ha ON h.branch = 20 AND ha.id = h.id AND (ha.status <> 'absent' OR ha.corrects)
	LEFT JOIN meeting_sessions hs ON h.branch = 21 AND hs.id = h.id
	LEFT JOIN meeting_changes hx ON h.branch = 22 AND hx.id = h.id
		AND (hx.old_starts_at <> hx.new_starts_at OR hx.old_time_known <> hx.new_time_known)`

// interestDetail is an entry in the register i, as the export of the
// history gives it: its category and description, whom it is for, and a
// gift's value, giver and day; of a sensitive entry, only that it is one,
// as the published register says it (PublishedRegister): its category
// tells what the description withholds (land, for a home address).
const interestDetail = `CASE WHEN i.sensitive THEN 'a sensitive interest: its details are withheld'
	ELSE concat_ws('; ', i.category || ': ' || i.description, CASE WHEN i.for_whom = 'spouse' THEN 'spouse or partner' END,
		'£' || to_char(i.value_pence / 100.0, 'FM999999990.00'), 'from ' || NULLIF(i.gift_from, ''),
		'received ' || to_char(i.gift_on, 'YYYY-MM-DD')) END`
