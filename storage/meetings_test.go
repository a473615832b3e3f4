package storage_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/quorumhq/quorum/commands"
	"github.com/quorumhq/quorum/storage/pgtest"
)

var meetingZone, _ = time.LoadLocation("Europe/London")

// TestMeetingTimesMigration fills a database as the schema before
// migration 00013 held it — meetings imported from minutes with and
// without a printed time, one scheduled in Slack, a reminder already
// sent — and migrates it: only the imported meeting at midnight loses its
// time, and the reminder sent still counts as sent.
func TestMeetingTimesMigration(t *testing.T) {
	ctx := context.Background()
	db := schemaAt(t, 12)
	sqlDB := db.SQL()
	var committee int64
	if err := sqlDB.QueryRow(`INSERT INTO committees (name, team_id, channel_id) VALUES ('Safer Sefton Together', 'T1', 'C1') RETURNING id`).Scan(&committee); err != nil {
		t.Fatal(err)
	}
	meetings := []struct {
		name     string
		starts   time.Time
		source   string
		status   string
		wantTime bool
	}{
		{"imported, no time (GMT)", time.Date(2021, 12, 9, 0, 0, 0, 0, meetingZone), "import", "held", false},
		{"imported, no time (BST)", time.Date(2022, 6, 9, 0, 0, 0, 0, meetingZone), "import", "held", false},
		{"imported at 10:00", time.Date(2022, 3, 17, 10, 0, 0, 0, meetingZone), "import", "held", true},
		{"scheduled in Slack", time.Date(2027, 1, 14, 10, 0, 0, 0, meetingZone), "slack", "scheduled", true},
	}
	ids := map[string]int64{}
	for _, m := range meetings {
		var id int64
		if err := sqlDB.QueryRow(`INSERT INTO meetings (committee_id, starts_at, status, source) VALUES ($1, $2, $3, $4) RETURNING id`,
			committee, m.starts, m.status, m.source).Scan(&id); err != nil {
			t.Fatal(err)
		}
		ids[m.name] = id
	}
	// The 7-day reminder of the January meeting went out under the old key.
	if _, err := sqlDB.Exec(`INSERT INTO outbox (committee_id, kind, channel_id, message_key, dedupe_key, payload, state)
		VALUES ($1, 'post', 'C1', $2, $2, '{}', 'sent')`, committee, "reminder:"+itoa(ids["scheduled in Slack"])+":7"); err != nil {
		t.Fatal(err)
	}

	if err := db.Migrate(ctx, nil); err != nil {
		t.Fatal(err)
	}
	for _, m := range meetings {
		got, err := db.Meeting(ctx, ids[m.name])
		if err != nil {
			t.Fatal(err)
		}
		if got.TimeUnknown == m.wantTime || !got.StartsAt.Equal(m.starts) || got.Revision != 0 {
			t.Errorf("%s: TimeUnknown %v, starts %v, revision %d; want time known %v, starts %v, revision 0",
				m.name, got.TimeUnknown, got.StartsAt, got.Revision, m.wantTime, m.starts)
		}
	}
	pending, err := db.PendingReminders(ctx, time.Date(2027, 1, 7, 9, 0, 0, 0, meetingZone), time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, p := range pending {
		keys = append(keys, p.Key)
	}
	want := []string{"reminder:" + itoa(ids["scheduled in Slack"]) + ":1"}
	if diff := cmp.Diff(keys, want); diff != "" {
		t.Errorf("pending reminders after migrating (-got +want):\n%s", diff)
	}
}

// TestChangeMeetingKeepsHistory: a change is made against the revision
// read; a second change against the same revision (someone else moved it
// meanwhile) changes nothing. Reminders of a meeting moved to another day
// are keyed by that day, and a move back to its first day takes the first
// keys again.
func TestChangeMeetingKeepsHistory(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	c := setupCommittee(t, db)
	first := time.Date(2027, 1, 14, 10, 0, 0, 0, meetingZone)
	m, err := db.ScheduleMeeting(ctx, commands.Meeting{CommitteeID: c.ID, StartsAt: first, Venue: "Remote Meeting"}, "UOFF")
	if err != nil {
		t.Fatal(err)
	}
	keys := func() []string {
		t.Helper()
		pending, err := db.PendingReminders(ctx, time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC))
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, p := range pending {
			out = append(out, p.Key)
		}
		return out
	}
	id := itoa(m.ID)
	if diff := cmp.Diff(keys(), []string{"reminder:" + id + ":7", "reminder:" + id + ":1"}); diff != "" {
		t.Errorf("keys before any move (-got +want):\n%s", diff)
	}

	moved := time.Date(2027, 1, 21, 14, 0, 0, 0, meetingZone)
	ch := commands.MeetingChange{MeetingID: m.ID, Revision: m.Revision, OldStartsAt: first, NewStartsAt: moved,
		OldVenue: "Remote Meeting", NewVenue: "Remote Meeting", By: "UOFF", At: time.Date(2027, 1, 2, 12, 0, 0, 0, time.UTC)}
	got, err := db.ChangeMeeting(ctx, ch, commands.MeetingNotices{})
	if err != nil {
		t.Fatal(err)
	}
	if !got.StartsAt.Equal(moved) || got.Revision != 1 {
		t.Errorf("after the move: %v, revision %d", got.StartsAt, got.Revision)
	}
	if _, err := db.ChangeMeeting(ctx, ch, commands.MeetingNotices{}); !errors.Is(err, commands.ErrConflict) {
		t.Errorf("a second change against revision 0: %v, want a conflict", err)
	}
	if diff := cmp.Diff(keys(), []string{"reminder:" + id + ":7:2027-01-21", "reminder:" + id + ":1:2027-01-21"}); diff != "" {
		t.Errorf("keys after a move (-got +want):\n%s", diff)
	}
	back := commands.MeetingChange{MeetingID: m.ID, Revision: 1, OldStartsAt: moved, NewStartsAt: first.Add(time.Hour),
		OldVenue: "Remote Meeting", NewVenue: "Remote Meeting", By: "UOFF"}
	if _, err := db.ChangeMeeting(ctx, back, commands.MeetingNotices{}); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(keys(), []string{"reminder:" + id + ":7", "reminder:" + id + ":1"}); diff != "" {
		t.Errorf("keys after moving back to the first day (-got +want):\n%s", diff)
	}
	changes, err := db.MeetingChanges(ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(changes) != 2 || !changes[0].OldStartsAt.Equal(first) || !changes[0].NewStartsAt.Equal(moved) || changes[0].By != "UOFF" ||
		!changes[0].At.Equal(ch.At) || !changes[1].NewStartsAt.Equal(first.Add(time.Hour)) {
		t.Errorf("changes = %+v", changes)
	}

	// Onto another meeting's time: a conflict, and nothing changes.
	other, err := db.ScheduleMeeting(ctx, commands.Meeting{CommitteeID: c.ID, StartsAt: moved}, "UOFF")
	if err != nil {
		t.Fatal(err)
	}
	clash := commands.MeetingChange{MeetingID: m.ID, Revision: 2, OldStartsAt: first.Add(time.Hour), NewStartsAt: other.StartsAt, By: "UOFF"}
	if _, err := db.ChangeMeeting(ctx, clash, commands.MeetingNotices{}); !errors.Is(err, commands.ErrConflict) {
		t.Errorf("moving onto another meeting's time: %v, want a conflict", err)
	}
	if changes, _ := db.MeetingChanges(ctx, m.ID); len(changes) != 2 {
		t.Errorf("%d changes after a refused one, want 2", len(changes))
	}
}

// TestMigrationCountsMeetingsCancelledBefore fills a database as the
// schema before migration 00055 was: a meeting cancelled, one cancelled
// and scheduled again, one cancelled twice and scheduled again once, one
// never cancelled, and one of another committee cancelled (its audit entry
// names a meeting ID of the first committee's). Migrating gives each the
// calendar SEQUENCE of a meeting changed that many times: more than the
// one its subscribers' calendars hold, for each changed.
func TestMigrationCountsMeetingsCancelledBefore(t *testing.T) {
	ctx := context.Background()
	db := schemaAt(t, 54)
	q := db.SQL()
	var first, other int64
	for _, c := range []struct {
		id      *int64
		channel string
	}{{&first, "C1"}, {&other, "C2"}} {
		if err := q.QueryRowContext(ctx, `INSERT INTO committees (name, team_id, channel_id) VALUES ($1, 'T1', $1) RETURNING id`, c.channel).Scan(c.id); err != nil {
			t.Fatal(err)
		}
	}
	meeting := func(committee int64, days int, status string, revision, cancellings int) int64 {
		t.Helper()
		var id int64
		if err := q.QueryRowContext(ctx, `INSERT INTO meetings (committee_id, starts_at, status, revision)
			VALUES ($1, now() + make_interval(days => $2), $3, $4) RETURNING id`, committee, days, status, revision).Scan(&id); err != nil {
			t.Fatal(err)
		}
		for range cancellings {
			if _, err := q.ExecContext(ctx, `INSERT INTO audit_log (committee_id, actor, action, detail)
				VALUES ($1, 'UOFF', 'meeting.cancelled', jsonb_build_object('meeting', $2::bigint))`, committee, id); err != nil {
				t.Fatal(err)
			}
		}
		return id
	}
	cancelled := meeting(first, 9, "cancelled", 0, 1)
	back := meeting(first, 16, "scheduled", 1, 1)
	twice := meeting(first, 23, "scheduled", 0, 2)
	never := meeting(first, 30, "scheduled", 2, 0)
	elsewhere := meeting(other, 9, "cancelled", 0, 0)
	if _, err := q.ExecContext(ctx, `INSERT INTO audit_log (committee_id, actor, action, detail)
		VALUES ($1, 'UOFF', 'meeting.cancelled', jsonb_build_object('meeting', $2::bigint))`, other, never); err != nil {
		t.Fatal(err)
	}

	if err := db.Migrate(ctx, nil); err != nil {
		t.Fatal(err)
	}
	sequences := map[int64]int{}
	for _, c := range []int64{first, other} {
		ms, err := db.Meetings(ctx, c, time.Now(), time.Now().AddDate(1, 0, 0))
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range ms {
			sequences[m.ID] = m.Sequence
		}
	}
	for _, want := range []struct {
		name     string
		id       int64
		sequence int
	}{
		{"cancelled", cancelled, 1}, {"cancelled and scheduled again, moved once", back, 3},
		{"cancelled twice, scheduled again", twice, 4}, {"never cancelled, moved twice", never, 2},
		{"of another committee, no cancelling recorded", elsewhere, 0},
	} {
		if got := sequences[want.id]; got != want.sequence {
			t.Errorf("%s: SEQUENCE %d, want %d", want.name, got, want.sequence)
		}
	}

	// From now on each change of status counts as it is made.
	if err := db.CancelMeeting(ctx, never, "UOFF", time.Now(), commands.Reply{}); err != nil {
		t.Fatal(err)
	}
	ms, err := db.Meetings(ctx, first, time.Now(), time.Now().AddDate(1, 0, 0))
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		if m.ID == never && m.Sequence != 3 {
			t.Errorf("cancelled after the migration: SEQUENCE %d, want 3", m.Sequence)
		}
	}
}
