package storage_test

import (
	"context"
	"database/sql"
	"fmt"
	"testing"
	"time"

	"github.com/quorumhq/quorum/commands"
	"github.com/quorumhq/quorum/storage"
	"github.com/quorumhq/quorum/storage/pgtest"
)

// apologyState is whether userID's apology for meetingID is withdrawn, and
// its history's actions, oldest first.
func apologyState(t *testing.T, db *storage.DB, meetingID int64, userID string) (bool, string) {
	t.Helper()
	var withdrawn bool
	var actions string
	err := db.SQL().QueryRowContext(context.Background(), `SELECT a.withdrawn, string_agg(h.action, ',' ORDER BY h.id)
		FROM apologies a JOIN apology_history h ON h.apology_id = a.id
		WHERE a.meeting_id = $1 AND a.user_id = $2 GROUP BY a.withdrawn`, meetingID, userID).Scan(&withdrawn, &actions)
	if err != nil {
		t.Fatal(err)
	}
	return withdrawn, actions
}

// neilRemovedSueStays makes, in a schema before the migrations tested
// here, the committee Safer Sefton Together, with Neil removed (by UOFF)
// and Sue still a member, and returns its ID.
func neilRemovedSueStays(t *testing.T, q *sql.DB) int64 {
	t.Helper()
	var committee int64
	if err := q.QueryRow(`INSERT INTO committees (name, team_id, channel_id) VALUES ('Safer Sefton Together', 'T1', 'C1') RETURNING id`).Scan(&committee); err != nil {
		t.Fatal(err)
	}
	if _, err := q.Exec(`INSERT INTO members (committee_id, user_id, name, organisation, removed_at, removed_by)
		VALUES ($1, 'UNEIL', 'Neil Frackelton', 'SWACA', now(), 'UOFF'), ($1, 'USUE', 'Sue Holden', 'Sefton CVS', NULL, NULL)`, committee); err != nil {
		t.Fatal(err)
	}
	return committee
}

// TestMigrationWithdrawsRemovedMembersApologies fills a database as the
// schema before migration 00015 was: a member with apologies for a meeting
// to come and for one held, then removed. Migrating withdraws the first,
// with its history, and leaves the second; a member still in the
// committee keeps theirs.
func TestMigrationWithdrawsRemovedMembersApologies(t *testing.T) {
	ctx := context.Background()
	db := schemaAt(t, 11)
	var committee, coming, held int64
	q := db.SQL()
	committee = neilRemovedSueStays(t, q)
	if err := q.QueryRowContext(ctx, `INSERT INTO meetings (committee_id, starts_at) VALUES ($1, now() + interval '9 days') RETURNING id`, committee).Scan(&coming); err != nil {
		t.Fatal(err)
	}
	if err := q.QueryRowContext(ctx, `INSERT INTO meetings (committee_id, starts_at, status) VALUES ($1, now() - interval '90 days', 'held') RETURNING id`, committee).Scan(&held); err != nil {
		t.Fatal(err)
	}
	for _, a := range []struct {
		meeting int64
		user    string
	}{{coming, "UNEIL"}, {held, "UNEIL"}, {coming, "USUE"}} {
		if _, err := q.ExecContext(ctx, `WITH a AS (INSERT INTO apologies (meeting_id, member_key, user_id, name) VALUES ($1, $2, $2, $2) RETURNING id)
			INSERT INTO apology_history (apology_id, action, by_user) SELECT id, 'sent', $2 FROM a`, a.meeting, a.user); err != nil {
			t.Fatal(err)
		}
	}

	if err := db.Migrate(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if w, h := apologyState(t, db, coming, "UNEIL"); !w || h != "sent,withdrawn" {
		t.Errorf("removed member's apology for the meeting to come: withdrawn %v, history %s; want withdrawn, sent,withdrawn", w, h)
	}
	if w, h := apologyState(t, db, held, "UNEIL"); w || h != "sent" {
		t.Errorf("removed member's apology for the meeting held: withdrawn %v, history %s; want it standing", w, h)
	}
	if w, _ := apologyState(t, db, coming, "USUE"); w {
		t.Error("a member still in the committee lost their apology")
	}
	as, err := db.Apologies(ctx, coming)
	if err != nil {
		t.Fatal(err)
	}
	if len(as) != 1 || as[0].UserID != "USUE" {
		t.Errorf("apologies standing for the meeting to come = %+v, want Sue's only", as)
	}
}

// TestRemoveMemberWithdrawsApologiesToCome: removing a member withdraws
// their apologies for meetings to come, kept in the history.
func TestRemoveMemberWithdrawsApologiesToCome(t *testing.T) {
	ctx := context.Background()
	db := pgtest.New(t)
	c := setupCommittee(t, db)
	if _, err := db.PutMember(ctx, commands.Member{CommitteeID: c.ID, UserID: "UNEIL", Name: "Neil Frackelton", Organisation: "SWACA", Role: commands.RoleMember}, "UOFF"); err != nil {
		t.Fatal(err)
	}
	m, err := db.ScheduleMeeting(ctx, commands.Meeting{CommitteeID: c.ID, StartsAt: time.Now().Add(9 * 24 * time.Hour)}, "UOFF")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.SendApology(ctx, commands.Apology{MeetingID: m.ID, UserID: "UNEIL", Name: "Neil Frackelton", By: "UNEIL"}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.RemoveMember(ctx, c.ID, "UNEIL", "UOFF", time.Time{}, nil); err != nil {
		t.Fatal(err)
	}
	if w, h := apologyState(t, db, m.ID, "UNEIL"); !w || h != "sent,withdrawn" {
		t.Errorf("withdrawn %v, history %s; want withdrawn, sent,withdrawn", w, h)
	}
}

// TestRemoveMemberKeepsApologiesForMeetingOpened: a meeting opened before
// its advertised start has started; removing a member then leaves their
// apologies for it standing, part of its record, as for a meeting held.
func TestRemoveMemberKeepsApologiesForMeetingOpened(t *testing.T) {
	ctx := context.Background()
	db := pgtest.New(t)
	c := setupCommittee(t, db)
	if _, err := db.PutMember(ctx, commands.Member{CommitteeID: c.ID, UserID: "UNEIL", Name: "Neil Frackelton", Organisation: "SWACA", Role: commands.RoleMember}, "UOFF"); err != nil {
		t.Fatal(err)
	}
	m, err := db.ScheduleMeeting(ctx, commands.Meeting{CommitteeID: c.ID, StartsAt: time.Now().Add(30 * time.Minute)}, "UOFF")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.SendApology(ctx, commands.Apology{MeetingID: m.ID, UserID: "UNEIL", Name: "Neil Frackelton", By: "UNEIL"}); err != nil {
		t.Fatal(err)
	}
	open := commands.SessionEvent{MeetingID: m.ID, Action: commands.ActionOpened, At: time.Now(), By: "UOFF"}
	if _, err := db.RecordSession(ctx, open, []commands.SessionAction{""}, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := db.RemoveMember(ctx, c.ID, "UNEIL", "UOFF", time.Time{}, nil); err != nil {
		t.Fatal(err)
	}
	if w, h := apologyState(t, db, m.ID, "UNEIL"); w || h != "sent" {
		t.Errorf("withdrawn %v, history %s; want standing, sent", w, h)
	}
}

// TestMigrationWithdrawsRemovedMembersApologiesForCancelled fills a
// database as the schema before migration 00053 was: a member removed
// with apologies standing for a meeting cancelled, still to come.
// Migrating withdraws them, with their history, so that the meeting,
// scheduled again, does not count them; a member still in the committee
// keeps theirs.
func TestMigrationWithdrawsRemovedMembersApologiesForCancelled(t *testing.T) {
	ctx := context.Background()
	db := schemaAt(t, 52)
	var committee, cancelled int64
	q := db.SQL()
	committee = neilRemovedSueStays(t, q)
	if err := q.QueryRowContext(ctx, `INSERT INTO meetings (committee_id, starts_at, status) VALUES ($1, now() + interval '9 days', 'cancelled') RETURNING id`, committee).Scan(&cancelled); err != nil {
		t.Fatal(err)
	}
	for _, user := range []string{"UNEIL", "USUE"} {
		if _, err := q.ExecContext(ctx, `WITH a AS (INSERT INTO apologies (meeting_id, member_key, user_id, name) VALUES ($1, $2, $2, $2) RETURNING id)
			INSERT INTO apology_history (apology_id, action, by_user) SELECT id, 'sent', $2 FROM a`, cancelled, user); err != nil {
			t.Fatal(err)
		}
	}

	if err := db.Migrate(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if w, h := apologyState(t, db, cancelled, "UNEIL"); !w || h != "sent,withdrawn" {
		t.Errorf("removed member's apology for the meeting cancelled: withdrawn %v, history %s; want withdrawn, sent,withdrawn", w, h)
	}
	if w, _ := apologyState(t, db, cancelled, "USUE"); w {
		t.Error("a member still in the committee lost their apology")
	}
}

// TestMigrationWithdrawsRemovedMembersDeclarations fills a database as the
// schema before migration 00053 was: a member removed with a declaration
// standing for a meeting still to come and one for a meeting held.
// Migrating withdraws the first, by whoever removed them; the held
// meeting's, and a member's still in the committee, stand.
func TestMigrationWithdrawsRemovedMembersDeclarations(t *testing.T) {
	ctx := context.Background()
	db := schemaAt(t, 52)
	q := db.SQL()
	var committee, coming, held int64
	committee = neilRemovedSueStays(t, q)
	if err := q.QueryRowContext(ctx, `INSERT INTO meetings (committee_id, starts_at) VALUES ($1, now() + interval '9 days') RETURNING id`, committee).Scan(&coming); err != nil {
		t.Fatal(err)
	}
	if err := q.QueryRowContext(ctx, `INSERT INTO meetings (committee_id, starts_at) VALUES ($1, now() - interval '9 days') RETURNING id`, committee).Scan(&held); err != nil {
		t.Fatal(err)
	}
	for _, d := range []struct {
		meeting int64
		user    string
	}{{coming, "UNEIL"}, {held, "UNEIL"}, {coming, "USUE"}} {
		if _, err := q.ExecContext(ctx, `INSERT INTO declarations (meeting_id, item_number, member_key, user_id, name, kind, nature)
			VALUES ($1, '5', $2, $2, $2, 'personal', 'Trustee of SWACA')`, d.meeting, d.user); err != nil {
			t.Fatal(err)
		}
	}

	if err := db.Migrate(ctx, nil); err != nil {
		t.Fatal(err)
	}
	var got string
	if err := q.QueryRowContext(ctx, `SELECT COALESCE(string_agg(d.member_key || '@' || CASE d.meeting_id WHEN $1 THEN 'coming' ELSE 'held' END || ' by ' || w.withdrawn_by, ',' ORDER BY d.id), '')
		FROM declaration_withdrawals w JOIN declarations d ON d.id = w.declaration_id`, coming).Scan(&got); err != nil {
		t.Fatal(err)
	}
	if got != "UNEIL@coming by UOFF" {
		t.Errorf("withdrawn by the migration: %q, want only the removed member's for the meeting to come, by who removed them", got)
	}
}

// joinedWithRecords is a committee with Neil and Graeme, a meeting opened
// and one to come, each with a report link entered by name for Jen
// Williams, and apologies from Neil naming "Jen Williams (NW Probation)"
// as substitute and from Graeme naming "Jen Williams (Sefton Council)";
// then Jen, of NW Probation, is added to the committee.
func joinedWithRecords(t *testing.T, db *storage.DB) (opened, coming commands.Meeting) {
	t.Helper()
	ctx := context.Background()
	c := setupCommittee(t, db)
	for _, who := range []string{"UNEIL", "UGRAEME"} {
		if _, err := db.PutMember(ctx, commands.Member{CommitteeID: c.ID, UserID: who, Name: who, Organisation: "SWACA", Role: commands.RoleMember}, "UOFF"); err != nil {
			t.Fatal(err)
		}
	}
	opened, err := db.ScheduleMeeting(ctx, commands.Meeting{CommitteeID: c.ID, StartsAt: time.Now().Add(30 * time.Minute)}, "UOFF")
	if err != nil {
		t.Fatal(err)
	}
	coming, err = db.ScheduleMeeting(ctx, commands.Meeting{CommitteeID: c.ID, StartsAt: time.Now().Add(9 * 24 * time.Hour)}, "UOFF")
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range []int64{opened.ID, coming.ID} {
		if _, err := db.SubmitReport(ctx, commands.ReportLink{MeetingID: m, Item: "4", Name: "Jen Williams", URL: "https://example.org/iom.pdf", By: "UOFF"}, nil); err != nil {
			t.Fatal(err)
		}
		for who, sub := range map[string]string{"UNEIL": "Jen  williams (NW Probation)", "UGRAEME": "Jen Williams (Sefton Council)"} {
			if _, err := db.SendApology(ctx, commands.Apology{MeetingID: m, UserID: who, Name: who, SubstituteName: sub, By: who}); err != nil {
				t.Fatal(err)
			}
		}
	}
	open := commands.SessionEvent{MeetingID: opened.ID, Action: commands.ActionOpened, At: time.Now(), By: "UOFF"}
	if _, err := db.RecordSession(ctx, open, []commands.SessionAction{""}, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := db.PutMember(ctx, commands.Member{CommitteeID: c.ID, UserID: "UJEN", Name: "Jen Williams", Organisation: "NW Probation", Role: commands.RoleMember}, "UOFF"); err != nil {
		t.Fatal(err)
	}
	return opened, coming
}

// TestJoiningTakesOverReportLinksToCome: someone entered by name who joins
// the committee has the report link entered under their name for the
// meeting still to come as their own; a meeting opened keeps it as it
// was entered.
func TestJoiningTakesOverReportLinksToCome(t *testing.T) {
	db := pgtest.New(t)
	opened, coming := joinedWithRecords(t, db)
	for _, m := range []struct {
		id   int64
		user string
	}{{coming.ID, "UJEN"}, {opened.ID, ""}} {
		links, err := db.ReportLinks(context.Background(), m.id)
		if err != nil {
			t.Fatal(err)
		}
		if len(links) != 1 || links[0].UserID != m.user {
			t.Errorf("meeting %d: report links %+v, want one, of user %q", m.id, links, m.user)
		}
	}
}

// TestJoiningTakesOverSubstitutesToCome: someone named by name as a
// substitute who joins the committee is that substitute, by their Slack
// user and name, at the meeting still to come, where the name and
// organisation match; a meeting opened keeps the name as it was entered,
// and a substitute of the same name from another organisation stays
// someone else.
func TestJoiningTakesOverSubstitutesToCome(t *testing.T) {
	db := pgtest.New(t)
	opened, coming := joinedWithRecords(t, db)
	for _, m := range []struct {
		id   int64
		neil [2]string
	}{{coming.ID, [2]string{"UJEN", "Jen Williams"}}, {opened.ID, [2]string{"", "Jen  williams (NW Probation)"}}} {
		as, err := db.Apologies(context.Background(), m.id)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range as {
			got, want := [2]string{a.SubstituteID, a.SubstituteName}, m.neil
			if a.UserID == "UGRAEME" {
				want = [2]string{"", "Jen Williams (Sefton Council)"}
			}
			if got != want {
				t.Errorf("meeting %d: %s's substitute = %q, want %q", m.id, a.UserID, got, want)
			}
		}
	}
}

// TestMembershipChangeUpdatesAgendaOfTheirActions: removing a member who
// owns outstanding actions, and adding them back, updates the posted
// agenda of the meeting to come, whose actions from previous meetings
// mark an owner no longer a member; removing one who owns none does not.
func TestMembershipChangeUpdatesAgendaOfTheirActions(t *testing.T) {
	ctx := context.Background()
	db := pgtest.New(t)
	c := setupCommittee(t, db)
	for _, who := range []string{"UNEIL", "UGRAEME"} {
		if _, err := db.PutMember(ctx, commands.Member{CommitteeID: c.ID, UserID: who, Name: who, Organisation: "SWACA", Role: commands.RoleMember}, "UOFF"); err != nil {
			t.Fatal(err)
		}
	}
	m, err := db.ScheduleMeeting(ctx, commands.Meeting{CommitteeID: c.ID, StartsAt: time.Now().Add(9 * 24 * time.Hour)}, "UOFF")
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := db.AddAction(ctx, commands.ActionPoint{CommitteeID: c.ID, MeetingID: m.ID, MinuteNumber: "26",
		OwnerUser: "UNEIL", OwnerName: "Neil Frackelton", Due: commands.DateOf(time.Now().AddDate(0, 1, 0), time.UTC),
		Text: "Circulate the figures", CreatedBy: "UOFF"}, time.Time{}, nil); err != nil {
		t.Fatal(err)
	}
	agenda := fmt.Sprint("agenda:", m.ID)
	if _, err := db.SQL().ExecContext(ctx, `INSERT INTO slack_messages (message_key, channel_id, ts) VALUES ($1, 'C', '1.1')`, agenda); err != nil {
		t.Fatal(err)
	}
	marks := func() int {
		t.Helper()
		var n int
		if err := db.SQL().QueryRowContext(ctx, `WITH d AS (DELETE FROM outbox WHERE kind = 'update' AND message_key = $1 RETURNING 1)
			SELECT count(*) FROM d`, agenda).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	marks()
	for _, step := range []struct {
		what string
		do   func() error
		want int
	}{
		{"Graeme, who owns none, removed", func() error { _, err := db.RemoveMember(ctx, c.ID, "UGRAEME", "UOFF", time.Time{}, nil); return err }, 0},
		{"Neil removed", func() error { _, err := db.RemoveMember(ctx, c.ID, "UNEIL", "UOFF", time.Time{}, nil); return err }, 1},
		{"Neil added back", func() error {
			_, err := db.PutMember(ctx, commands.Member{CommitteeID: c.ID, UserID: "UNEIL", Name: "Neil Frackelton", Organisation: "SWACA", Role: commands.RoleMember}, "UOFF")
			return err
		}, 1},
	} {
		if err := step.do(); err != nil {
			t.Fatal(err)
		}
		if n := marks(); n != step.want {
			t.Errorf("%s: %d marks of the posted agenda, want %d", step.what, n, step.want)
		}
	}
}

// TestMigrationMarksWithdrawalsOfRemovals fills a database as the schema
// before migration 00056 was: a member removed, whose apology and
// declaration the removal withdrew (in its transaction: at the moment of
// its audit entry, by the officer who removed them), and another member
// who withdrew their own apology themselves. Migrating marks the first two
// as withdrawn with the removal, and not the third.
func TestMigrationMarksWithdrawalsOfRemovals(t *testing.T) {
	ctx := context.Background()
	db := schemaAt(t, 55)
	q := db.SQL()
	var committee, meeting int64
	if err := q.QueryRowContext(ctx, `INSERT INTO committees (name, team_id, channel_id) VALUES ('Safer Sefton Together', 'T1', 'C1') RETURNING id`).Scan(&committee); err != nil {
		t.Fatal(err)
	}
	if err := q.QueryRowContext(ctx, `INSERT INTO meetings (committee_id, starts_at) VALUES ($1, now() + interval '9 days') RETURNING id`, committee).Scan(&meeting); err != nil {
		t.Fatal(err)
	}
	removedAt := time.Date(2026, 11, 30, 15, 0, 0, 0, time.UTC)
	for _, s := range []struct {
		sql  string
		args []any
	}{
		{`INSERT INTO members (committee_id, user_id, name, removed_at, removed_by) VALUES ($1, 'UNEIL', 'Neil Frackelton', $2, 'UOFF'), ($1, 'USUE', 'Sue Holden', NULL, NULL)`,
			[]any{committee, removedAt}},
		{`INSERT INTO audit_log (committee_id, actor, action, subject, at) VALUES ($1, 'UOFF', 'member.remove', 'UNEIL', $2)`, []any{committee, removedAt}},
		{`WITH a AS (INSERT INTO apologies (meeting_id, member_key, user_id, name, withdrawn) VALUES ($1, 'UNEIL', 'UNEIL', 'Neil Frackelton', true) RETURNING id)
		 INSERT INTO apology_history (apology_id, action, by_user, at) SELECT id, 'sent', 'UNEIL', $2::timestamptz - interval '1 day' FROM a
		 UNION ALL SELECT id, 'withdrawn', 'UOFF', $2 FROM a`, []any{meeting, removedAt}},
		{`WITH a AS (INSERT INTO apologies (meeting_id, member_key, user_id, name, withdrawn) VALUES ($1, 'USUE', 'USUE', 'Sue Holden', true) RETURNING id)
		 INSERT INTO apology_history (apology_id, action, by_user, at) SELECT id, 'sent', 'USUE', $2::timestamptz - interval '1 day' FROM a
		 UNION ALL SELECT id, 'withdrawn', 'USUE', $2 FROM a`, []any{meeting, removedAt}},
		{`WITH d AS (INSERT INTO declarations (meeting_id, item_number, member_key, user_id, name, kind, nature, declared_by)
			VALUES ($1, '5', 'UNEIL', 'UNEIL', 'Neil Frackelton', 'personal', 'Trustee of SWACA', 'UNEIL') RETURNING id)
		 INSERT INTO declaration_withdrawals (declaration_id, withdrawn_by, withdrawn_at) SELECT id, 'UOFF', $2 FROM d`, []any{meeting, removedAt}},
	} {
		if _, err := q.ExecContext(ctx, s.sql, s.args...); err != nil {
			t.Fatalf("%v\n%s", err, s.sql)
		}
	}

	if err := db.Migrate(ctx, nil); err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, record := range []commands.HistoryRecord{commands.HistoryApologies, commands.HistoryDeclarations} {
		changes, err := db.History(ctx, meeting, record)
		if err != nil {
			t.Fatal(err)
		}
		for _, ch := range changes {
			if ch.Action == "withdrawn" {
				got[string(record)+" "+ch.UserID] = ch.WithRemoval
			}
		}
	}
	want := map[string]bool{"apologies UNEIL": true, "apologies USUE": false, "declarations UNEIL": true}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("withdrawn with a removal: %v, want %v", got, want)
	}
}
