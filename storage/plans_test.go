package storage_test

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/lib/pq"

	"github.com/quorumhq/quorum/commands"
	"github.com/quorumhq/quorum/storage"
	"github.com/quorumhq/quorum/storage/pgtest"
)

// genericPlanBlocks runs query once under the plan a connection keeps for
// it after its first few runs (the generic plan, which knows nothing of
// the parameters' values), in a transaction it rolls back, and returns the
// shared buffers it touched. A lookup by key touches a handful; one that
// walks an index past other people's rows touches hundreds, and more as
// the tables grow.
func genericPlanBlocks(t *testing.T, db *storage.DB, query string, args ...any) int {
	t.Helper()
	ctx := context.Background()
	conn, err := db.SQL().Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		_ = tx.Rollback()
		// A prepared statement outlives the transaction.
		_, _ = conn.ExecContext(ctx, `DEALLOCATE probe`)
	}()
	if _, err := tx.ExecContext(ctx, `SET LOCAL plan_cache_mode = force_generic_plan`); err != nil {
		t.Fatal(err)
	}
	if _, err := tx.ExecContext(ctx, `PREPARE probe AS `+query); err != nil {
		t.Fatal(err)
	}
	// EXECUTE takes its arguments as SQL, not as parameters.
	values := make([]string, len(args))
	for i, a := range args {
		values[i] = literal(t, a)
	}
	var out []byte
	err = tx.QueryRowContext(ctx, `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) EXECUTE probe(`+strings.Join(values, ", ")+`)`).Scan(&out)
	if err != nil {
		t.Fatal(err)
	}
	var plans []struct {
		Plan struct {
			Hit  int `json:"Shared Hit Blocks"`
			Read int `json:"Shared Read Blocks"`
		}
	}
	if err := json.Unmarshal(out, &plans); err != nil || len(plans) != 1 {
		t.Fatalf("explain: %v: %s", err, out)
	}
	return plans[0].Plan.Hit + plans[0].Plan.Read
}

// literal is v written as an SQL literal, its type left to the statement.
func literal(t *testing.T, v any) string {
	t.Helper()
	if vr, ok := v.(driver.Valuer); ok {
		var err error
		if v, err = vr.Value(); err != nil {
			t.Fatal(err)
		}
	}
	quote := func(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }
	switch x := v.(type) {
	case nil:
		return "NULL"
	case string:
		return quote(x)
	case []byte:
		return quote(`\x` + hex.EncodeToString(x))
	case time.Time:
		return quote(x.Format(time.RFC3339Nano))
	case int, int64, bool:
		return fmt.Sprint(x)
	}
	t.Fatalf("no literal for %T", v)
	return ""
}

// crowd adds n members to committee c, for a crowd to look one out of.
func crowd(t *testing.T, db *storage.DB, c commands.Committee, n int) {
	t.Helper()
	if _, err := db.SQL().ExecContext(context.Background(), `INSERT INTO members (committee_id, user_id, name)
		SELECT $1, 'U' || i, 'Member ' || i FROM generate_series(1, $2) AS i`, c.ID, n); err != nil {
		t.Fatal(err)
	}
}

// A batch of apologies finds each sender by committee and user, however
// many members the committee has: with the member joined on the committee
// alone and the user as a filter, a committee of 1,000 cost every apology
// in the batch a walk through all of its members.
func TestApologyBatchReadsEachSenderOnly(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	c := setupCommittee(t, db)
	if _, err := db.ScheduleMeeting(ctx, commands.Meeting{CommitteeID: c.ID, StartsAt: time.Now().Add(30 * 24 * time.Hour), Venue: "Bootle Town Hall"}, "UOFF"); err != nil {
		t.Fatal(err)
	}
	blocks := func(members int) int {
		reqs := make([]commands.ApologyRequest, 8)
		for i := range reqs {
			reqs[i] = commands.ApologyRequest{TeamID: c.TeamID, ChannelID: c.ChannelID, UserID: fmt.Sprintf("U%d", i*members/8+1), Reason: "Away", At: time.Now()}
		}
		query, args := storage.ApologiesQuery(reqs)
		return genericPlanBlocks(t, db, query, args...)
	}
	// Left unanalysed, as a committee is between its members' arrival and
	// the next look the autovacuum daemon takes: the plan must not depend
	// on the statistics.
	unanalysed(t, db, "members")
	crowd(t, db, c, 16)
	few := blocks(16)
	if _, err := db.SQL().ExecContext(ctx, `DELETE FROM members WHERE user_id LIKE 'U%' AND user_id <> 'UOFF'`); err != nil {
		t.Fatal(err)
	}
	crowd(t, db, c, 2000)
	many := blocks(2000)
	// The same eight apologies from a committee of 2,000 touch about what
	// they touch from one of 16; reading the committee's members would be
	// well over a hundred more.
	if many > few+40 {
		t.Errorf("8 apologies touched %d buffers in a committee of 2,000 members and %d in one of 16", many, few)
	}
}

// A report link is sent, and the member's standing link for the item
// found, directly, for links on an agenda item and for links filed under
// a number no item has, however many links others have sent for it.
func TestLatestReportReadsTheMembersOwn(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	m := meetingWithItems(t, db, commands.AgendaItem{Number: "7.5", Title: "SWACA"})
	itemID := itemID(t, db, m.ID, "7.5")
	// Left unanalysed (see TestApologyBatchReadsEachSenderOnly).
	unanalysed(t, db, "report_links", "report_current")
	cases := []struct {
		item   sql.NullInt64
		number string
		want   string
	}{
		{sql.NullInt64{Int64: itemID, Valid: true}, "7.5", "https://example.org/neil-item.pdf"},
		{sql.NullInt64{}, "9", "https://example.org/neil-nine.pdf"},
	}
	blocks := func() (n int) {
		for _, c := range cases {
			n = max(n, genericPlanBlocks(t, db, storage.SubmitReportSQL,
				m.ID, c.number, "UNEIL", "UNEIL", "Neil Frackelton", "https://example.org/other.pdf", "", "UNEIL", nil, c.item))
		}
		return n
	}
	// The first run of a statement on a connection reads the catalogue.
	blocks()
	few := blocks()
	// 3,000 links from 1,000 members, on the item and on number 9, which
	// no item has; then one of Neil's own on each; then 2,000 more of
	// others'.
	send := func(from, to int, prefix string, members int) {
		t.Helper()
		for i := from; i <= to; i++ {
			l := commands.ReportLink{MeetingID: m.ID, Item: "7.5", UserID: fmt.Sprintf("U%d", i%members), Name: "Member",
				URL: fmt.Sprintf("https://example.org/%s%d.pdf", prefix, i), By: "U"}
			if i%3 == 0 {
				l.Item = "9"
			}
			if _, err := db.SubmitReport(ctx, l, nil); err != nil {
				t.Fatal(err)
			}
		}
	}
	send(1, 3000, "", 1000)
	for _, l := range []commands.ReportLink{
		{MeetingID: m.ID, Item: "7.5", UserID: "UNEIL", Name: "Neil Frackelton", URL: "https://example.org/neil-item.pdf", By: "UNEIL"},
		{MeetingID: m.ID, Item: "9", UserID: "UNEIL", Name: "Neil Frackelton", URL: "https://example.org/neil-nine.pdf", By: "UNEIL"},
	} {
		if got, err := db.SubmitReport(ctx, l, nil); err != nil || got != commands.ReportRecorded {
			t.Fatalf("%s: %s %v, want recorded", l.URL, got, err)
		}
	}
	send(1, 2000, "later", 2000)
	links, err := db.ReportLinks(ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		var got []string
		for _, l := range links {
			if l.UserID == "UNEIL" && l.Item == c.number {
				got = append(got, l.URL)
			}
		}
		if len(got) != 1 || got[0] != c.want {
			t.Errorf("Neil's links standing on %q: %q, want %q", c.number, got, c.want)
		}
	}
	// Neil's row among 5,000 others' touches about what it touched among
	// none (the indexes a level deeper); a walk through the others' would
	// be a hundred more.
	if many := blocks(); many > few+25 {
		t.Errorf("sending a link touched %d buffers among 5,000 links and %d among none", many, few)
	}
	// What SubmitReport and RemoveReport make of it.
	if got, err := db.SubmitReport(ctx, commands.ReportLink{MeetingID: m.ID, Item: "9", UserID: "UNEIL", Name: "Neil Frackelton", URL: "https://example.org/neil-nine.pdf", By: "UNEIL"}, nil); err != nil || got != commands.ReportUnchanged {
		t.Errorf("the same link on 9 again: %s %v, want unchanged", got, err)
	}
	if got, err := db.SubmitReport(ctx, commands.ReportLink{MeetingID: m.ID, Item: "7.5", UserID: "UNEIL", Name: "Neil Frackelton", URL: "https://example.org/neil-nine.pdf", By: "UNEIL"}, nil); err != nil || got != commands.ReportReplaced {
		t.Errorf("9's link on 7.5: %s %v, want replaced", got, err)
	}
	if err := db.RemoveReport(ctx, m.ID, 0, "9", "UNEIL", "", "UNEIL", time.Time{}, nil); err != nil {
		t.Errorf("removing Neil's link on 9: %v", err)
	}
	if got, err := db.SubmitReport(ctx, commands.ReportLink{MeetingID: m.ID, Item: "9", UserID: "UNEIL", Name: "Neil Frackelton", URL: "https://example.org/neil-nine.pdf", By: "UNEIL"}, nil); err != nil || got != commands.ReportRecorded {
		t.Errorf("the link on 9 after its removal: %s %v, want recorded", got, err)
	}
}

// A declaration counts the member's identical ones withdrawn before it,
// finds the one standing when it is made again, and is withdrawn, from the
// member's own declarations on the item (or on the number, when no item
// has it),
// however many others have declared at the meeting: read as one
// condition with an OR, each declaration walked through every other of
// the meeting (8 ms a declaration once there were 4,600).
func TestDeclareReadsTheMembersOwn(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	m := meetingWithItems(t, db, commands.AgendaItem{Number: "7.5", Title: "SWACA"})
	itemID := itemID(t, db, m.ID, "7.5")
	// Left unanalysed (see TestApologyBatchReadsEachSenderOnly).
	unanalysed(t, db, "declarations")
	onItem := sql.NullInt64{Int64: itemID, Valid: true}
	declare := func(on sql.NullInt64, number, nature string) []any {
		return []any{m.ID, number, "UNEIL", "UNEIL", "Neil Frackelton", "personal", nature, false, "UNEIL", nil, on}
	}
	standing := func(on sql.NullInt64, number, nature string) []any {
		return []any{m.ID, number, "UNEIL", "personal", nature, on}
	}
	blocks := func() (n int) {
		for _, c := range []struct {
			on     sql.NullInt64
			number string
		}{{onItem, "7.5"}, {sql.NullInt64{}, "9"}} {
			n = max(n, genericPlanBlocks(t, db, storage.DeclareSQL, declare(c.on, c.number, "Governor of a school")...))
			n = max(n, genericPlanBlocks(t, db, storage.StandingDeclarationSQL, standing(c.on, c.number, "Trustee of SWACA")...))
			n = max(n, genericPlanBlocks(t, db, storage.WithdrawDeclarationsSQL, m.ID, c.number, "UNEIL", "UNEIL", int64(0), c.on, nil))
		}
		return n
	}
	// The first run of a statement on a connection reads the catalogue.
	blocks()
	few := blocks()
	// 20,000 declarations from 1,000 members on the item and on number 9,
	// a quarter of them withdrawn.
	if _, err := db.SQL().ExecContext(ctx, `INSERT INTO declarations (meeting_id, item_number, item_id, member_key, user_id, name, kind, nature, declared_by)
		SELECT $1, CASE WHEN i % 3 = 0 THEN '9' ELSE '7.5' END, CASE WHEN i % 3 = 0 THEN NULL ELSE $2::bigint END,
		       'U' || (i % 1000), 'U' || (i % 1000), 'Member', 'personal', 'Trustee of charity ' || i, 'U' || (i % 1000)
		FROM generate_series(1, 20000) AS i`, m.ID, itemID); err != nil {
		t.Fatal(err)
	}
	if _, err := db.SQL().ExecContext(ctx, `INSERT INTO declaration_withdrawals (declaration_id, withdrawn_by)
		SELECT id, member_key FROM declarations WHERE id % 4 = 0`); err != nil {
		t.Fatal(err)
	}
	// Neil declares on both, withdraws, and declares again: the second of
	// each is a new declaration, and the third is the one standing.
	for _, number := range []string{"7.5", "9"} {
		d := commands.Declaration{MeetingID: m.ID, Item: number, UserID: "UNEIL", Name: "Neil Frackelton", Kind: commands.InterestPersonal, Nature: "Trustee of SWACA", By: "UNEIL"}
		first, ok, err := db.Declare(ctx, d, nil)
		if err != nil || !ok {
			t.Fatalf("declaring on %s: %v %v", number, ok, err)
		}
		if n, err := db.WithdrawDeclarations(ctx, m.ID, 0, number, "UNEIL", "UNEIL", 0, time.Time{}, nil); err != nil || n != 1 {
			t.Fatalf("withdrawing on %s: %d %v", number, n, err)
		}
		again, ok, err := db.Declare(ctx, d, nil)
		if err != nil || !ok || again.ID == first.ID {
			t.Fatalf("declaring again on %s: %+v %v %v", number, again, ok, err)
		}
		same, ok, err := db.Declare(ctx, d, nil)
		if err != nil || ok || same.ID != again.ID {
			t.Errorf("the same on %s a third time: %+v created=%v %v, want the second (%d) standing", number, same, ok, err, again.ID)
		}
	}
	many := blocks()
	// The member's own declarations are a handful of rows; the meeting's
	// are thousands.
	if many > few+20 {
		t.Errorf("a declaration touched %d buffers among 20,000 at the meeting and %d among none", many, few)
	}
}

// The officers' Home reads the declarations of the next meeting, found
// by the meeting: however many meetings the committee has held, and
// however many declarations were made at them, it reads about what it
// reads for a committee with no history.
func TestMeetingsDeclarationsReadsTheMeetingsOwn(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	m := meetingWithItems(t, db, commands.AgendaItem{Number: "7.5", Title: "SWACA"}, commands.AgendaItem{Number: "9", Title: "Grants"})
	unanalysed(t, db, "declarations", "declaration_withdrawals", "meetings")
	for i, number := range []string{"7.5", "9", "7.5", "9", "7.5", "9"} {
		user := fmt.Sprintf("U%d", i)
		if _, _, err := db.Declare(ctx, commands.Declaration{MeetingID: m.ID, Item: number, UserID: user, Name: user, Kind: commands.InterestPersonal, Nature: "Trustee", By: user}, nil); err != nil {
			t.Fatal(err)
		}
	}
	ids := pq.Array([]int64{m.ID})
	blocks := func() int { return genericPlanBlocks(t, db, storage.MeetingsDeclarationsSQL, ids) }
	// The first run of a statement on a connection reads the catalogue.
	blocks()
	few := blocks()
	// 3,000 meetings before it, each with 20 declarations, a quarter of
	// them withdrawn.
	var committeeID int64
	if err := db.SQL().QueryRowContext(ctx, `SELECT committee_id FROM meetings WHERE id = $1`, m.ID).Scan(&committeeID); err != nil {
		t.Fatal(err)
	}
	importedHistory(t, db, committeeID, m.StartsAt)
	if _, err := db.SQL().ExecContext(ctx, `INSERT INTO declarations (meeting_id, item_number, member_key, user_id, name, kind, nature, declared_by)
		SELECT ms.id, '1', 'U' || i, 'U' || i, 'Member', 'personal', 'Trustee of charity ' || i, 'U' || i
		FROM meetings ms, generate_series(1, 20) AS i WHERE ms.committee_id = $1 AND ms.id <> $2`, committeeID, m.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := db.SQL().ExecContext(ctx, `INSERT INTO declaration_withdrawals (declaration_id, withdrawn_by)
		SELECT id, member_key FROM declarations WHERE id % 4 = 0 AND meeting_id <> $1`, m.ID); err != nil {
		t.Fatal(err)
	}
	if many := blocks(); many > few+20 {
		t.Errorf("the next meeting's declarations touched %d buffers among 60,000 at 3,000 other meetings and %d among none", many, few)
	}
}

// The Homes that turn with the day are looked for on every tick of the
// reminders' loop, among the meetings and actions whose moment falls in
// the tick, through indexes on those moments: however many meetings and
// actions the committees have had, a tick reads about what it reads for
// a few.
func TestMarkDayHomesReadsWhatTurns(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	c := setupCommittee(t, db)
	// Left unanalysed, as between the autovacuum daemon's looks.
	unanalysed(t, db, "meetings", "actions")
	now := time.Date(2026, 12, 10, 12, 0, 0, 0, time.UTC)
	held := 0
	// hold adds n meetings held a day apart before the last added, each
	// with an open action due a week after it: none turns at now.
	hold := func(n int) {
		t.Helper()
		if _, err := db.SQL().ExecContext(ctx, `WITH m AS (
			INSERT INTO meetings (committee_id, starts_at, status)
			SELECT $1, CAST($2 AS timestamptz) - interval '3 days' - i * interval '1 day', 'held'
			FROM generate_series($3 + 1, $3 + $4) AS i
			RETURNING id, starts_at)
			INSERT INTO actions (committee_id, meeting_id, minute_number, owner_name, owner_user, due_on, body, created_by)
			SELECT $1, m.id, '1', 'Neil Frackelton', 'UNEIL', (m.starts_at + interval '7 days')::date - 5, 'Circulate the figures', 'UOFF'
			FROM m`, c.ID, now, held, n); err != nil {
			t.Fatal(err)
		}
		held += n
	}
	blocks := func() int {
		t.Helper()
		return genericPlanBlocks(t, db, storage.MarkDayHomesQuery, now.Add(-time.Minute), now)
	}
	hold(10)
	few := blocks()
	hold(20000)
	many := blocks()
	if many > few+40 {
		t.Errorf("a tick touched %d buffers with 20,010 meetings and actions, and %d with 10", many, few)
	}
}

// The previous meeting, looked for by every /minute and every draft, is
// read from the latest held back, however long the committee's history:
// working out when each meeting was held before choosing cost a look at
// every meeting the committee ever had, 3,000 imported minutes and all.
func TestPreviousMeetingReadsFromTheLatestBack(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	c := setupCommittee(t, db)
	// Left unanalysed, as a committee is just after its history is
	// imported: the plan must not depend on the statistics.
	unanalysed(t, db, "meetings")
	first := time.Date(2026, 1, 8, 10, 0, 0, 0, time.UTC)
	held := heldMonthly(t, db, c.ID, first, 10)
	last := held[len(held)-1]
	now := first.AddDate(0, 11, 0)
	blocks := func() int {
		if p, err := db.PreviousMeeting(ctx, c.ID, now); err != nil || p.ID != last.ID {
			t.Fatalf("previous meeting %d, %v; want %d", p.ID, err, last.ID)
		}
		return genericPlanBlocks(t, db, storage.PreviousMeetingSQL, c.ID, now)
	}
	few := blocks()
	if _, err := db.SQL().ExecContext(ctx, `INSERT INTO meetings (committee_id, starts_at, venue, status, source)
		SELECT $1, $2::timestamptz - i * interval '7 days', 'Bootle Town Hall', 'held', 'import' FROM generate_series(1, 3000) i`,
		c.ID, first); err != nil {
		t.Fatal(err)
	}
	// Reading every meeting would be well over a hundred blocks more.
	if many := blocks(); many > few+10 {
		t.Errorf("the previous meeting touched %d buffers with 3,010 meetings on record, %d with 10", many, few)
	}
}

// The reminder settings that stood when a reminder fell due, read on
// every tick of the reminders' loop while one is in its hours of grace,
// are found by the committee and the time, however long the audit log
// of every committee has grown: read as the committee's whole log, or
// everyone's, a tick cost a walk through all of it.
func TestReminderDayOnReadsTheSettingsOnly(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	c := setupCommittee(t, db)
	unanalysed(t, db, "audit_log")
	now := time.Date(2026, 12, 10, 9, 0, 0, 0, time.UTC)
	if err := db.SetReminders(ctx, c.ID, []int{7, 1}, commands.Clock{Hour: 9}, "UOFF", now.AddDate(0, -1, 0)); err != nil {
		t.Fatal(err)
	}
	blocks := func() int {
		if on, err := db.ReminderDayOn(ctx, c.ID, 7, now); err != nil || !on {
			t.Fatalf("7 days on: %v, %v; want on", on, err)
		}
		return genericPlanBlocks(t, db, storage.ReminderDayOnSQL, c.ID, 7, now, pq.Array(commands.SetupReminderDays))
	}
	few := blocks()
	// 20,000 changes to this committee's records and others', since it
	// set its reminders.
	if _, err := db.SQL().ExecContext(ctx, `INSERT INTO audit_log (committee_id, actor, action, subject, detail, at)
		SELECT CASE WHEN i % 2 = 0 THEN $1::bigint END, 'U', 'apology.send', '', '{}', $2::timestamptz - i * interval '1 minute'
		FROM generate_series(1, 20000) i`, c.ID, now); err != nil {
		t.Fatal(err)
	}
	if many := blocks(); many > few+10 {
		t.Errorf("the reminder settings touched %d buffers with 20,000 other entries in the audit log, %d with none", many, few)
	}
}

// The meetings held here with nothing minuted, looked for on every
// officer's and chair's Home, are read from the committee's own meetings
// held here: not by looking at every meeting any committee ever opened
// in Quorum, nor at each of the committee's meetings held elsewhere and
// imported.
func TestUnminutedMeetingsReadsTheCommitteesOwn(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	c := setupCommittee(t, db)
	other := setupCommitteeIn(t, db, 2)
	// Left unanalysed: the plan must not depend on the statistics.
	unanalysed(t, db, "meetings", "meeting_sessions", "minutes")
	first := time.Date(2026, 1, 8, 10, 0, 0, 0, time.UTC)
	held := heldMonthly(t, db, c.ID, first, 10)
	last := held[len(held)-1]
	// All but the last minuted, and confirmed, as they are for a committee
	// that minutes its meetings here.
	if _, err := db.SQL().ExecContext(ctx, `INSERT INTO minutes (meeting_id, committee_id, number, position, title, narrative, held_on, status)
		SELECT m.id, m.committee_id, '1', 1, 'ITEM', 'The Board considered it.', m.starts_at::date, 'confirmed'
		FROM meetings m WHERE m.committee_id = $1 AND m.id <> $2`, c.ID, last.ID); err != nil {
		t.Fatal(err)
	}
	blocks := func() int {
		if ms, err := db.UnminutedMeetings(ctx, c.ID, 5); err != nil || len(ms) != 1 || ms[0].ID != last.ID {
			t.Fatalf("unminuted meetings %v, %v; want %d", ms, err, last.ID)
		}
		return genericPlanBlocks(t, db, storage.UnminutedMeetingsSQL, c.ID, 5)
	}
	few := blocks()
	// The committee's history imported, with its minutes; and another
	// committee's years of meetings held in Quorum, minuted and confirmed.
	importedHistory(t, db, c.ID, first)
	if _, err := db.SQL().ExecContext(ctx, `WITH ms AS (INSERT INTO meetings (committee_id, starts_at, venue, status, opened_at)
			SELECT $1, $2::timestamptz - i * interval '1 day', 'Bootle Town Hall', 'held', $2::timestamptz - i * interval '1 day' FROM generate_series(1, 3000) i
			RETURNING id, starts_at),
		s AS (INSERT INTO meeting_sessions (meeting_id, seq, action, at, by_user)
			SELECT ms.id, k, CASE k WHEN 1 THEN 'opened' ELSE 'closed' END, ms.starts_at, 'UOFF' FROM ms, generate_series(1, 2) k)
		INSERT INTO minutes (meeting_id, committee_id, number, position, title, narrative, held_on, status)
		SELECT ms.id, $1, '1', 1, 'ITEM', 'The Board considered it.', ms.starts_at::date, 'confirmed' FROM ms`,
		other.ID, first); err != nil {
		t.Fatal(err)
	}
	// The minutes' index grows a level with the minutes added: a buffer
	// more for each meeting held here looked at, ten. Reading every
	// meeting would be well over a hundred more.
	many := blocks()
	t.Logf("buffers: %d, %d", few, many)
	if many > few+20 {
		t.Errorf("the meetings held with nothing minuted touched %d buffers with 6,010 meetings on record, %d with 10", many, few)
	}
}

// A committee that has minuted its meetings in Quorum for years is not
// read back through all of them on each officer's Home to find the few
// held since its latest confirmed minutes: none before those is listed.
func TestUnminutedMeetingsReadsSinceTheLatestConfirmed(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	c := setupCommittee(t, db)
	// Left unanalysed: the plan must not depend on the statistics.
	unanalysed(t, db, "meetings", "meeting_sessions", "minutes", "minutes_approvals")
	first := time.Date(2026, 1, 8, 10, 0, 0, 0, time.UTC)
	// heldHere adds n meetings held in Quorum a week apart before from,
	// each minuted and confirmed.
	heldHere := func(n int, from time.Time) {
		if _, err := db.SQL().ExecContext(ctx, `WITH ms AS (INSERT INTO meetings (committee_id, starts_at, venue, status, opened_at)
				SELECT $1, $2::timestamptz - i * interval '7 days', 'Bootle Town Hall', 'held', $2::timestamptz - i * interval '7 days' FROM generate_series(1, $3) i
				RETURNING id, starts_at),
			s AS (INSERT INTO meeting_sessions (meeting_id, seq, action, at, by_user)
				SELECT ms.id, k, CASE k WHEN 1 THEN 'opened' ELSE 'closed' END, ms.starts_at, 'UOFF' FROM ms, generate_series(1, 2) k)
			INSERT INTO minutes (meeting_id, committee_id, number, position, title, narrative, held_on, status)
			SELECT ms.id, $1, '1', 1, 'ITEM', 'The Board considered it.', ms.starts_at::date, 'confirmed' FROM ms`,
			c.ID, from, n); err != nil {
			t.Fatal(err)
		}
	}
	heldHere(10, first)
	// The meeting just held, with nothing minuted yet.
	last, err := db.ScheduleMeeting(ctx, commands.Meeting{CommitteeID: c.ID, StartsAt: first}, "UOFF")
	if err != nil {
		t.Fatal(err)
	}
	openedAndClosed(t, db, last, last.StartsAt)
	blocks := func() int {
		if ms, err := db.UnminutedMeetings(ctx, c.ID, 5); err != nil || len(ms) != 1 || ms[0].ID != last.ID {
			t.Fatalf("unminuted meetings %v, %v; want %d", ms, err, last.ID)
		}
		return genericPlanBlocks(t, db, storage.UnminutedMeetingsSQL, c.ID, 5)
	}
	few := blocks()
	// Years more of them before, minuted here and confirmed.
	heldHere(500, first.AddDate(0, 0, -70))
	many := blocks()
	t.Logf("buffers: %d with 11 meetings held here, %d with 511", few, many)
	if many > few+20 {
		t.Errorf("the meetings held with nothing minuted touched %d buffers with 511 meetings held here, %d with 11", many, few)
	}
}

// The meetings whose minutes are drafted here and not yet confirmed,
// looked for on every officer's and chair's Home, are found from the
// drafts: not by looking at each of the committee's meetings, years of
// them imported with their minutes.
func TestDraftMinutesMeetingsReadsTheDrafts(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	c := setupCommittee(t, db)
	// Left unanalysed: the plan must not depend on the statistics.
	unanalysed(t, db, "meetings", "minutes", "minutes_approvals")
	first := time.Date(2026, 1, 8, 10, 0, 0, 0, time.UTC)
	var last commands.Meeting
	for i := range 10 {
		m, err := db.ScheduleMeeting(ctx, commands.Meeting{CommitteeID: c.ID, StartsAt: first.AddDate(0, i, 0)}, "UOFF")
		if err != nil {
			t.Fatal(err)
		}
		last = m
	}
	// The last minuted, not yet confirmed; the others minuted and
	// confirmed.
	if _, err := db.SQL().ExecContext(ctx, `INSERT INTO minutes (meeting_id, committee_id, number, position, title, narrative, held_on, status)
		SELECT m.id, m.committee_id, '1', 1, 'ITEM', 'The Board considered it.', m.starts_at::date,
			CASE WHEN m.id = $2 THEN 'draft' ELSE 'confirmed' END
		FROM meetings m WHERE m.committee_id = $1`, c.ID, last.ID); err != nil {
		t.Fatal(err)
	}
	blocks := func() int {
		if ms, err := db.DraftMinutesMeetings(ctx, c.ID, 5); err != nil || len(ms) != 1 || ms[0].ID != last.ID {
			t.Fatalf("meetings with minutes drafted %v, %v; want %d", ms, err, last.ID)
		}
		return genericPlanBlocks(t, db, storage.DraftMinutesMeetingsSQL, c.ID, 5)
	}
	few := blocks()
	// The committee's history imported, with its minutes.
	importedHistory(t, db, c.ID, first)
	// Reading every meeting would be thousands of buffers more.
	many := blocks()
	t.Logf("buffers: %d with 10 meetings, %d with 3,010", few, many)
	if many > few+20 {
		t.Errorf("the meetings with minutes drafted touched %d buffers with 3,010 meetings on record, %d with 10", many, few)
	}
}

// unanalysed leaves tables unanalysed for the rest of the test, as
// between the autovacuum daemon's looks: a plan tested must not depend on
// the statistics.
func unanalysed(t *testing.T, db *storage.DB, tables ...string) {
	t.Helper()
	for _, table := range tables {
		if _, err := db.SQL().ExecContext(context.Background(), `ALTER TABLE `+table+` SET (autovacuum_enabled = false)`); err != nil {
			t.Fatal(err)
		}
	}
}

// importedHistory adds to committee committeeID 3,000 meetings held a week
// apart before first, as an import of its published minutes makes them,
// each with five confirmed minutes.
func importedHistory(t *testing.T, db *storage.DB, committeeID int64, first time.Time) {
	t.Helper()
	if _, err := db.SQL().ExecContext(context.Background(), `WITH ms AS (INSERT INTO meetings (committee_id, starts_at, venue, status, source)
			SELECT $1, $2::timestamptz - i * interval '7 days', 'Bootle Town Hall', 'held', 'import' FROM generate_series(1, 3000) i
			RETURNING id, starts_at)
		INSERT INTO minutes (meeting_id, committee_id, number, position, title, narrative, held_on, status)
		SELECT ms.id, $1, n::text, n, 'ITEM', 'The Board considered it.', ms.starts_at::date, 'confirmed' FROM ms, generate_series(1, 5) n`,
		committeeID, first); err != nil {
		t.Fatal(err)
	}
}

// openedAndClosed records meeting m opened and closed in Quorum at at.
func openedAndClosed(tb testing.TB, db *storage.DB, m commands.Meeting, at time.Time) {
	tb.Helper()
	for _, a := range []struct{ action, after commands.SessionAction }{{commands.ActionOpened, ""}, {commands.ActionClosed, commands.ActionOpened}} {
		if _, err := db.RecordSession(context.Background(), commands.SessionEvent{MeetingID: m.ID, Action: a.action, At: at, By: "UOFF"},
			[]commands.SessionAction{a.after}, nil); err != nil {
			tb.Fatal(err)
		}
	}
}

// heldMonthly schedules n meetings of committee committeeID a month
// apart from first, each opened and closed in Quorum at its start.
func heldMonthly(tb testing.TB, db *storage.DB, committeeID int64, first time.Time, n int) []commands.Meeting {
	tb.Helper()
	var held []commands.Meeting
	for i := range n {
		m, err := db.ScheduleMeeting(context.Background(), commands.Meeting{CommitteeID: committeeID, StartsAt: first.AddDate(0, i, 0)}, "UOFF")
		if err != nil {
			tb.Fatal(err)
		}
		openedAndClosed(tb, db, m, m.StartsAt)
		held = append(held, m)
	}
	return held
}

// A member's register is read from their own entries and their endings,
// however many the committee's register holds: with the member's key and
// "everyone" in one condition with an OR, a generic plan read the whole
// committee's register to find one member's three entries, and with the
// endings joined, every ending in it.
func TestMemberRegisterReadsTheirEntriesOnly(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	c := setupCommittee(t, db)
	for i, what := range []string{"Trustee of SWACA", "Director of Sefton CVS", "Shares in a security firm"} {
		e, err := db.AddInterest(ctx, commands.Interest{CommitteeID: c.ID, UserID: "UNEIL", Name: "Neil Frackelton", Category: commands.CategoryOther,
			Description: what, StartedOn: commands.Date{Year: 2026, Month: time.January, Day: 1 + i}, AddedBy: "UNEIL"}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if i == 2 {
			if err := db.EndInterest(ctx, e.ID, commands.Date{Year: 2026, Month: time.June, Day: 1}, "UNEIL", time.Time{}, nil); err != nil {
				t.Fatal(err)
			}
		}
	}
	blocks := func() int {
		return genericPlanBlocks(t, db, storage.InterestsSQL, c.ID, "UNEIL", false)
	}
	few := blocks()
	// 20,000 entries of 1,000 other members.
	if _, err := db.SQL().ExecContext(ctx, `INSERT INTO interests (committee_id, member_key, user_id, name, category, description, started_on)
		SELECT $1, 'U' || (i % 1000), 'U' || (i % 1000), 'Member ' || (i % 1000), 'other', 'Entry ' || i, date '2026-01-01'
		FROM generate_series(1, 20000) AS i`, c.ID); err != nil {
		t.Fatal(err)
	}
	// A quarter of them ended.
	if _, err := db.SQL().ExecContext(ctx, `INSERT INTO interest_endings (interest_id, ended_on)
		SELECT id, date '2026-06-01' FROM interests WHERE committee_id = $1 AND member_key <> 'UNEIL' AND id % 4 = 0`, c.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := db.SQL().ExecContext(ctx, `ANALYZE interests, interest_endings`); err != nil {
		t.Fatal(err)
	}
	many := blocks()
	t.Logf("one member's register under a generic plan: %d buffers among 3 entries, %d among 20,003", few, many)
	// Reading the committee's register would be hundreds of blocks more,
	// and its endings thirty.
	if many > few+10 {
		t.Errorf("one member's register read %d buffers among 20,003 entries, %d among 3", many, few)
	}

	// What it reads is the same: the member's entries, the ended one
	// only when asked for, or everyone's.
	for _, tc := range []struct {
		user      string
		withEnded bool
		want      int
	}{{"UNEIL", false, 2}, {"UNEIL", true, 3}, {"", false, 15002}, {"", true, 20003}} {
		got, err := db.Interests(ctx, c.ID, tc.user, tc.withEnded)
		if err != nil || len(got) != tc.want {
			t.Errorf("Interests(%q, %v) = %d entries, %v; want %d", tc.user, tc.withEnded, len(got), err, tc.want)
		}
	}
}

// A member's actions, as their Home lists them, are read from their own,
// however many the committee has had: with the owner and "anyone's" in
// one condition with an OR, a generic plan read every action the
// committee ever had, done ones and all, to find a member's three.
func TestMemberActionsReadTheirOwn(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	c := setupCommittee(t, db)
	m, err := db.ScheduleMeeting(ctx, commands.Meeting{CommitteeID: c.ID, StartsAt: time.Date(2026, 12, 10, 10, 0, 0, 0, time.UTC), Venue: "Bootle Town Hall"}, "UOFF")
	if err != nil {
		t.Fatal(err)
	}
	add := func(n int, owner, status, due string) {
		t.Helper()
		if _, err := db.SQL().ExecContext(ctx, `INSERT INTO actions (committee_id, meeting_id, minute_number, owner_name, owner_user, due_on, body, created_by, status)
			SELECT $1, $2, '1', 'Member', CASE WHEN $3 = '' THEN 'U' || (i % 200) ELSE $3 END, $5::date + (i % 300), 'Action ' || i, 'UOFF', $4
			FROM generate_series(1, $6) i`, c.ID, m.ID, owner, status, due, n); err != nil {
			t.Fatal(err)
		}
	}
	add(3, "UNEIL", "open", "2026-12-01")
	add(1, "UNEIL", "done", "2026-11-01")
	blocks := func() int {
		args := []any{c.ID, false, "UNEIL", nil}
		return genericPlanBlocks(t, db, storage.CountActionsSQL, args...) +
			genericPlanBlocks(t, db, storage.ListActionsSQL, append(args, int64(0), int64(5))...)
	}
	few := blocks()
	// 5,000 actions of 200 other members, four in five done.
	add(4000, "", "done", "2025-01-01")
	add(1000, "", "open", "2027-01-01")
	if _, err := db.SQL().ExecContext(ctx, `ANALYZE actions`); err != nil {
		t.Fatal(err)
	}
	many := blocks()
	t.Logf("a member's actions under a generic plan: %d buffers among 4 actions, %d among 5,004", few, many)
	// Reading the committee's actions would be well over a hundred more.
	if many > few+10 {
		t.Errorf("a member's actions read %d buffers among 5,004 actions, %d among 4", many, few)
	}

	// What is listed is the same: the member's, done ones when asked
	// for, those due before a day, or anyone's.
	for _, tc := range []struct {
		f          commands.ActionFilter
		rows, want int
	}{
		{commands.ActionFilter{Owner: "UNEIL", Limit: 5}, 3, 3},
		{commands.ActionFilter{Owner: "UNEIL", All: true, Limit: 5}, 4, 4},
		{commands.ActionFilter{Owner: "UNEIL", DueBefore: commands.Date{Year: 2026, Month: time.December, Day: 3}, Limit: 5}, 1, 1},
		{commands.ActionFilter{Limit: 5}, 5, 1003},
		{commands.ActionFilter{All: true, Offset: 5000, Limit: 5}, 4, 5004},
	} {
		tc.f.CommitteeID = c.ID
		got, total, err := db.ListActions(ctx, tc.f)
		if err != nil || len(got) != tc.rows || total != tc.want {
			t.Errorf("ListActions(%+v) = %d of %d, %v; want %d of %d", tc.f, len(got), total, err, tc.rows, tc.want)
		}
	}
	// In order: open first, the soonest due first.
	got, _, err := db.ListActions(ctx, commands.ActionFilter{CommitteeID: c.ID, Owner: "UNEIL", All: true, Limit: 5})
	if err != nil {
		t.Fatal(err)
	}
	var order []string
	for _, a := range got {
		order = append(order, fmt.Sprintf("done %v, due %v", a.Done, a.Due))
	}
	want := []string{"done false, due Wednesday 2 December 2026", "done false, due Thursday 3 December 2026", "done false, due Friday 4 December 2026", "done true, due Monday 2 November 2026"}
	if strings.Join(order, ", ") != strings.Join(want, ", ") {
		t.Errorf("order: %v, want %v", order, want)
	}
}

// The committees a substitute's Home shows are looked for among the
// team's committees only, however many other teams' there are: with the
// team and "every team" in one condition with an OR, a generic plan
// checked every committee of every team.
func TestSubstituteCommitteesReadTheTeamsOnly(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	// Committees from to in the team given ('' for one of 29 others),
	// each with a meeting in ten days.
	add := func(from, to int, team string) {
		t.Helper()
		if _, err := db.SQL().ExecContext(ctx, `WITH c AS (
				INSERT INTO committees (name, team_id, channel_id)
				SELECT 'Committee ' || i, CASE WHEN $3 = '' THEN 'T' || (2 + i % 29) ELSE $3 END, 'C' || i
				FROM generate_series($1::int, $2::int) i RETURNING id)
			INSERT INTO meetings (committee_id, starts_at, venue) SELECT id, now() + interval '10 days', 'Bootle Town Hall' FROM c`, from, to, team); err != nil {
			t.Fatal(err)
		}
	}
	add(1, 100, "T1")
	// Neil substitutes at Committee 1's meeting for Graeme.
	if _, err := db.SQL().ExecContext(ctx, `INSERT INTO apologies (meeting_id, member_key, user_id, name, substitute_id, substitute_name)
		SELECT m.id, 'UGRAEME', 'UGRAEME', 'Graeme Robson', 'UNEIL', 'Neil Frackelton'
		FROM meetings m JOIN committees c ON c.id = m.committee_id WHERE c.name = 'Committee 1'`); err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	blocks := func() int {
		return genericPlanBlocks(t, db, storage.SubstituteCommitteesSQL, "UNEIL", "T1", now, int64(10))
	}
	few := blocks()
	add(101, 3000, "")
	if _, err := db.SQL().ExecContext(ctx, `ANALYZE committees, meetings`); err != nil {
		t.Fatal(err)
	}
	many := blocks()
	t.Logf("a substitute's committees under a generic plan: %d buffers with the team's 100 committees alone, %d among 3,000 in 30 teams", few, many)
	// Each committee checked costs a few buffers: the other teams' 2,900
	// would be thousands more.
	if many > few+20 {
		t.Errorf("a substitute's committees read %d buffers among 3,000 committees, %d among the team's 100", many, few)
	}
	for _, team := range []string{"T1", ""} {
		got, err := db.SubstituteCommittees(ctx, team, "UNEIL", now)
		if err != nil || len(got) != 1 || got[0].Name != "Committee 1" {
			t.Errorf("SubstituteCommittees(%q) = %+v, %v; want Committee 1", team, got, err)
		}
	}
	if got, err := db.SubstituteCommittees(ctx, "T2", "UNEIL", now); err != nil || len(got) != 0 {
		t.Errorf("SubstituteCommittees(T2) = %+v, %v; want none", got, err)
	}
}

// A year's attendance reads who were members at each meeting's close
// from the changes to the members alone: not by walking, for each of the
// year's meetings, every entry the committee's audit log holds before it,
// which every apology, declaration and agenda change lengthens.
func TestMembersAtReadsTheMembersChangesOnly(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	c := setupCommittee(t, db)
	unanalysed(t, db, "audit_log")
	for _, m := range []commands.Member{{UserID: "USUE", Name: "Sue Holden", Role: commands.RoleMember}, {UserID: "UNEIL", Name: "Neil Frackelton", Role: commands.RoleMember}} {
		m.CommitteeID = c.ID
		if _, err := db.PutMember(ctx, m, "UOFF"); err != nil {
			t.Fatal(err)
		}
	}
	held := heldMonthly(t, db, c.ID, time.Date(2026, 1, 8, 10, 0, 0, 0, time.UTC), 12)
	ids := make([]int64, len(held))
	for i, m := range held {
		ids[i] = m.ID
	}
	blocks := func() int {
		at, err := db.MembersAt(ctx, c.ID, ids)
		if err != nil || len(at[ids[11]]) != 2 {
			t.Fatalf("members at the last meeting: %v, %v; want Sue and Neil", at[ids[11]], err)
		}
		return genericPlanBlocks(t, db, storage.MembersAtSQL, c.ID, pq.Array(ids))
	}
	few := blocks()
	// 20,000 other changes to this committee's records, before the
	// meetings closed.
	if _, err := db.SQL().ExecContext(ctx, `INSERT INTO audit_log (committee_id, actor, action, subject, detail, at)
		SELECT $1, 'U', 'apology.send', '', '{}', now() - interval '1 day' - i * interval '1 minute'
		FROM generate_series(1, 20000) i`, c.ID); err != nil {
		t.Fatal(err)
	}
	if many := blocks(); many > few+20 {
		t.Errorf("the members at 12 meetings touched %d buffers with 20,000 other entries in the audit log, %d with none", many, few)
	}
}
