package storage_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/quorumhq/quorum/commands"
	"github.com/quorumhq/quorum/storage"
	"github.com/quorumhq/quorum/storage/pgtest"
)

// TestConductMigration migrates a database filled by the schema before
// 00018: its members vote, and its meetings were never opened.
func TestConductMigration(t *testing.T) {
	ctx := context.Background()
	db, err := storage.Open(ctx, pgtest.EmptyDSN(t))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.MigrateUpTo(ctx, 15); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`INSERT INTO committees (id, name) VALUES (1, 'Safer Sefton Together')`,
		`INSERT INTO members (committee_id, user_id, name, role) VALUES (1, 'UNEIL', 'Neil Frackelton', 'member'), (1, 'UIAN', 'Ian Barton', 'officer')`,
		`INSERT INTO meetings (id, committee_id, starts_at) VALUES (1, 1, '2026-12-10 10:00+00')`,
	} {
		if _, err := db.SQL().ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.Migrate(ctx, nil); err != nil {
		t.Fatal(err)
	}
	nv, err := db.NonVoting(ctx, 1)
	if err != nil || len(nv) != 0 {
		t.Errorf("non-voting after the migration: %v, %v; want none", nv, err)
	}
	running, err := db.RunningMeetings(ctx, []int64{1})
	if err != nil || len(running) != 0 {
		t.Errorf("running meetings after the migration: %v, %v; want none", running, err)
	}
	rule, err := db.QuorumRule(ctx, 1)
	if err != nil || rule.Set() {
		t.Errorf("quorum rule after the migration: %+v, %v; want none", rule, err)
	}
	// Down and up again: the schema before it comes back whole.
	if err := db.MigrateDownTo(ctx, 15); err != nil {
		t.Fatal(err)
	}
	if _, err := db.SQL().ExecContext(ctx, `SELECT mark_stale(1, 1, NULL)`); err != nil {
		t.Errorf("mark_stale after going down: %v", err)
	}
	if err := db.Migrate(ctx, nil); err != nil {
		t.Fatal(err)
	}
}

// TestConductRaces: many writers at once leave one mark, one opening and
// one close, and the database refuses a second opening however it is
// written.
func TestConductRaces(t *testing.T) {
	ctx := context.Background()
	db := pgtest.New(t)
	at := time.Date(2026, 12, 10, 10, 0, 0, 0, time.UTC)
	c := conductCommittee(t, db)
	m := conductMeeting(t, db, c, at)
	race := func(n int, f func() (bool, error)) int {
		var wg sync.WaitGroup
		var mu sync.Mutex
		added := 0
		for i := 0; i < n; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				ok, err := f()
				if err != nil {
					t.Error(err)
				}
				if ok {
					mu.Lock()
					added++
					mu.Unlock()
				}
			}()
		}
		wg.Wait()
		return added
	}
	open := commands.SessionEvent{MeetingID: m.ID, Action: commands.ActionOpened, At: at, By: "UIAN"}
	if n := race(8, func() (bool, error) { return db.RecordSession(ctx, open, []commands.SessionAction{""}, nil) }); n != 1 {
		t.Errorf("%d of 8 openings at once were added, want 1", n)
	}
	here := commands.AttendanceMark{MeetingID: m.ID, MemberKey: "UNEIL", UserID: "UNEIL", Name: "Neil Frackelton", Status: commands.AttendPresent, At: at, By: "UNEIL"}
	if n := race(10, func() (bool, error) { return db.MarkAttendance(ctx, here, nil) }); n != 1 {
		t.Errorf("%d of 10 presses at once were added, want 1", n)
	}
	left := here
	left.Status, left.At = commands.AttendLeft, at.Add(time.Hour)
	if n := race(5, func() (bool, error) { return db.MarkAttendance(ctx, left, nil) }); n != 1 {
		t.Errorf("%d of 5 departures at once were added, want 1", n)
	}
	log, err := db.AttendanceLog(ctx, m.ID)
	if err != nil || len(log) != 2 || log[0].Seq != 1 || log[1].Seq != 2 {
		t.Errorf("attendance log: %+v, %v", log, err)
	}
	if _, err := db.SQL().ExecContext(ctx, `INSERT INTO meeting_sessions (meeting_id, seq, action, at, by_user) VALUES ($1, 9, 'opened', now(), 'x')`, m.ID); err == nil {
		t.Error("the database took a second opening of one meeting")
	}
	closing := commands.SessionEvent{MeetingID: m.ID, Action: commands.ActionClosed, At: at.Add(2 * time.Hour), By: "UIAN"}
	after := []commands.SessionAction{commands.ActionOpened, commands.ActionResumed, commands.ActionAdjourned}
	if n := race(4, func() (bool, error) { return db.RecordSession(ctx, closing, after, nil) }); n != 1 {
		t.Errorf("%d of 4 closings at once were added, want 1", n)
	}
	got, err := db.Meeting(ctx, m.ID)
	if err != nil || got.Status != commands.MeetingHeld {
		t.Errorf("a closed meeting: %+v, %v; want it held", got, err)
	}
}

// TestMarkAttendanceRaceOfDifferentMarks: two officers marking one person
// differently at the same moment (present, absent) both have their marks
// recorded, one after the other; neither is dropped and answered as if it
// already stood.
func TestMarkAttendanceRaceOfDifferentMarks(t *testing.T) {
	ctx := context.Background()
	db := pgtest.New(t)
	at := time.Date(2026, 12, 10, 10, 0, 0, 0, time.UTC)
	c := conductCommittee(t, db)
	m := conductMeeting(t, db, c, at)
	for i := range 30 {
		key := "U" + string(rune('A'+i))
		var wg sync.WaitGroup
		start := make(chan struct{})
		added := make([]bool, 2)
		for j, status := range []commands.AttendanceStatus{commands.AttendPresent, commands.AttendAbsent} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				mark := commands.AttendanceMark{MeetingID: m.ID, MemberKey: key, UserID: key, Name: key, Status: status, At: at, By: "UIAN"}
				ok, err := db.MarkAttendance(ctx, mark, nil)
				if err != nil {
					t.Error(err)
				}
				added[j] = ok
			}()
		}
		close(start)
		wg.Wait()
		if !added[0] || !added[1] {
			t.Fatalf("%s marked present and absent at once: added %v, want both recorded", key, added)
		}
	}
}

// TestRecordSessionRaceOfDifferentActions: the chair adjourning as the
// officer takes up an item, at the same moment: the adjournment follows the
// item rather than being refused as if the meeting could not be adjourned.
func TestRecordSessionRaceOfDifferentActions(t *testing.T) {
	ctx := context.Background()
	db := pgtest.New(t)
	c := conductCommittee(t, db)
	for i := range 20 {
		at := time.Date(2026, 12, 1+i, 10, 0, 0, 0, time.UTC)
		m := conductMeeting(t, db, c, at)
		open := commands.SessionEvent{MeetingID: m.ID, Action: commands.ActionOpened, At: at, By: "UIAN"}
		if _, err := db.RecordSession(ctx, open, []commands.SessionAction{""}, nil); err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		start := make(chan struct{})
		var adjourned bool
		for _, e := range []commands.SessionEvent{
			{MeetingID: m.ID, Action: commands.ActionItem, Item: "7.7", At: at.Add(time.Hour), By: "UIAN"},
			{MeetingID: m.ID, Action: commands.ActionAdjourned, At: at.Add(time.Hour), By: "USUE"},
		} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				after := []commands.SessionAction{commands.ActionOpened, commands.ActionResumed}
				ok, err := db.RecordSession(ctx, e, after, nil)
				if err != nil {
					t.Error(err)
				}
				if e.Action == commands.ActionAdjourned {
					adjourned = ok
				}
			}()
		}
		close(start)
		wg.Wait()
		if !adjourned {
			t.Fatalf("meeting %d: the adjournment made as an item was taken up was refused", i+1)
		}
	}
}

// conductCommittee is a committee with Ian as its officer.
func conductCommittee(t *testing.T, db *storage.DB) commands.Committee {
	t.Helper()
	c, err := db.CreateCommittee(context.Background(), commands.Committee{Name: "Safer Sefton Together", TeamID: "T1", ChannelID: "C1"},
		commands.Member{UserID: "UIAN", Name: "Ian Barton", Role: commands.RoleOfficer})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// conductMeeting is a meeting of c scheduled at at.
func conductMeeting(t *testing.T, db *storage.DB, c commands.Committee, at time.Time) commands.Meeting {
	t.Helper()
	m, err := db.ScheduleMeeting(context.Background(), commands.Meeting{CommitteeID: c.ID, StartsAt: at, Status: commands.MeetingScheduled}, "UIAN")
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestMeetingOpenedEarlyIsPreviousMeeting: a meeting opened before its
// advertised start was held from when it was opened: it is the previous
// meeting from then on, running or closed, and not the previous meeting
// of itself.
func TestMeetingOpenedEarlyIsPreviousMeeting(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	c := setupCommittee(t, db)
	old, err := db.ScheduleMeeting(ctx, commands.Meeting{CommitteeID: c.ID, StartsAt: time.Date(2022, 3, 17, 14, 0, 0, 0, time.UTC)}, "UOFF")
	if err != nil {
		t.Fatal(err)
	}
	if err := db.SetMeetingStatus(ctx, old.ID, commands.MeetingHeld, "UOFF"); err != nil {
		t.Fatal(err)
	}
	starts := time.Date(2026, 12, 3, 15, 30, 0, 0, time.UTC)
	m, err := db.ScheduleMeeting(ctx, commands.Meeting{CommitteeID: c.ID, StartsAt: starts}, "UOFF")
	if err != nil {
		t.Fatal(err)
	}
	opened := starts.Add(-100 * time.Minute) // 13:50
	previous := func(before time.Time) int64 {
		t.Helper()
		p, err := db.PreviousMeeting(ctx, c.ID, before)
		if err != nil {
			t.Fatal(err)
		}
		return p.ID
	}
	if got := previous(opened.Add(10 * time.Minute)); got != old.ID {
		t.Errorf("before the meeting was opened: previous meeting %d, want %d", got, old.ID)
	}
	if _, err := db.RecordSession(ctx, commands.SessionEvent{MeetingID: m.ID, Action: commands.ActionOpened, At: opened, By: "UOFF"},
		[]commands.SessionAction{""}, nil); err != nil {
		t.Fatal(err)
	}
	if got := previous(opened.Add(10 * time.Minute)); got != m.ID {
		t.Errorf("opened at 13:50, at 14:00: previous meeting %d, want %d", got, m.ID)
	}
	if _, err := db.RecordSession(ctx, commands.SessionEvent{MeetingID: m.ID, Action: commands.ActionClosed, At: opened, By: "UOFF"},
		[]commands.SessionAction{commands.ActionOpened}, nil); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		before time.Time
		want   int64
	}{
		{"closed, at 14:00", opened.Add(10 * time.Minute), m.ID},
		{"closed, after its advertised start", starts.Add(time.Hour), m.ID},
		{"the meeting before it", opened, old.ID},
	} {
		if got := previous(tc.before); got != tc.want {
			t.Errorf("%s: previous meeting %d, want %d", tc.name, got, tc.want)
		}
	}
}

// TestReceiveApologyRaces: apologies received at the meeting and a mark
// of the same person here, sent at once, never both stand: either the
// mark comes second and withdraws the apology, or the apology comes
// second and is refused. Before the meeting opens, and once it is
// closed, nothing is received.
func TestReceiveApologyRaces(t *testing.T) {
	ctx := context.Background()
	db := pgtest.New(t)
	at := time.Date(2026, 12, 10, 10, 0, 0, 0, time.UTC)
	c := conductCommittee(t, db)
	m := conductMeeting(t, db, c, at)
	apology := func(key string) commands.Apology {
		return commands.Apology{MeetingID: m.ID, UserID: key, Name: "Member " + key, Reason: "Unwell", By: "UIAN"}
	}
	if _, err := db.ReceiveApology(ctx, apology("UEARLY"), commands.ApologyKeep{}, nil); !errors.Is(err, commands.ErrConflict) {
		t.Fatalf("apologies received before the meeting opened: %v, want ErrConflict", err)
	}
	if _, err := db.RecordSession(ctx, commands.SessionEvent{MeetingID: m.ID, Action: commands.ActionOpened, At: at, By: "UIAN"}, []commands.SessionAction{""}, nil); err != nil {
		t.Fatal(err)
	}
	for i := range 12 {
		key := fmt.Sprintf("UM%d", i)
		var wg sync.WaitGroup
		var markErr, apErr error
		wg.Add(2)
		go func() {
			defer wg.Done()
			_, markErr = db.MarkAttendance(ctx, commands.AttendanceMark{MeetingID: m.ID, MemberKey: key, UserID: key, Name: "Member " + key,
				Status: commands.AttendPresent, At: at, By: key}, func([]commands.AttendanceMark) []commands.OutboxMessage { return nil })
		}()
		go func() {
			defer wg.Done()
			_, apErr = db.ReceiveApology(ctx, apology(key), commands.ApologyKeep{}, nil)
		}()
		wg.Wait()
		if markErr != nil || apErr != nil && !errors.Is(apErr, commands.ErrConflict) {
			t.Fatalf("%s: mark %v, apology %v", key, markErr, apErr)
		}
		var standing int
		if err := db.SQL().QueryRowContext(ctx, `SELECT count(*) FROM apologies WHERE meeting_id = $1 AND member_key = $2 AND NOT withdrawn`, m.ID, key).Scan(&standing); err != nil {
			t.Fatal(err)
		}
		if standing != 0 {
			t.Errorf("%s is marked present and their apologies received at the meeting stand (apology error %v)", key, apErr)
		}
	}
	// Marked absent, they may send them; the history says they were
	// received at the meeting, entered by the officer.
	if _, err := db.MarkAttendance(ctx, commands.AttendanceMark{MeetingID: m.ID, MemberKey: "UABS", UserID: "UABS", Name: "Member UABS",
		Status: commands.AttendAbsent, At: at, By: "UIAN"}, nil); err != nil {
		t.Fatal(err)
	}
	sent, err := db.ReceiveApology(ctx, apology("UABS"), commands.ApologyKeep{}, nil)
	if err != nil || sent.Outcome != commands.ApologyRecorded {
		t.Fatalf("apologies of someone marked absent: %+v, %v", sent, err)
	}
	hist, err := db.ApologyHistory(ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	if last := hist[len(hist)-1]; last.UserID != "UABS" || last.Action != "received" || last.By != "UIAN" || last.Reason != "Unwell" {
		t.Errorf("history of apologies received: %+v", last)
	}
	if _, err := db.RecordSession(ctx, commands.SessionEvent{MeetingID: m.ID, Action: commands.ActionClosed, At: at.Add(time.Hour), By: "UIAN"},
		[]commands.SessionAction{commands.ActionOpened, commands.ActionResumed, commands.ActionAdjourned}, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := db.ReceiveApology(ctx, apology("ULATE"), commands.ApologyKeep{}, nil); !errors.Is(err, commands.ErrConflict) {
		t.Errorf("apologies received once the meeting closed: %v, want ErrConflict", err)
	}
}

// TestWithdrawApologyAtMeetingWhileOpen: apologies are withdrawn at the
// meeting only while it is open; once it is closed the withdrawal is
// refused with ErrConflict and the apologies stand as they were.
func TestWithdrawApologyAtMeetingWhileOpen(t *testing.T) {
	ctx := context.Background()
	db := pgtest.New(t)
	at := time.Date(2026, 12, 10, 10, 0, 0, 0, time.UTC)
	c := conductCommittee(t, db)
	m := conductMeeting(t, db, c, at)
	if _, err := db.RecordSession(ctx, commands.SessionEvent{MeetingID: m.ID, Action: commands.ActionOpened, At: at, By: "UIAN"}, []commands.SessionAction{""}, nil); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"UANN", "UBOB"} {
		if _, err := db.ReceiveApology(ctx, commands.Apology{MeetingID: m.ID, UserID: key, Name: "Member " + key, Reason: "Unwell", By: "UIAN"}, commands.ApologyKeep{}, nil); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.WithdrawApologyAtMeeting(ctx, m.ID, "UANN", "UIAN", time.Time{}, nil); err != nil {
		t.Fatalf("withdrawn while open: %v", err)
	}
	if err := db.WithdrawApologyAtMeeting(ctx, m.ID, "UANN", "UIAN", time.Time{}, nil); !errors.Is(err, commands.ErrNotFound) {
		t.Errorf("withdrawn twice: %v, want ErrNotFound", err)
	}
	if _, err := db.RecordSession(ctx, commands.SessionEvent{MeetingID: m.ID, Action: commands.ActionClosed, At: at.Add(time.Hour), By: "UIAN"},
		[]commands.SessionAction{commands.ActionOpened}, nil); err != nil {
		t.Fatal(err)
	}
	if err := db.WithdrawApologyAtMeeting(ctx, m.ID, "UBOB", "UIAN", time.Time{}, nil); !errors.Is(err, commands.ErrConflict) {
		t.Errorf("withdrawn once the meeting closed: %v, want ErrConflict", err)
	}
	aps, err := db.Apologies(ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(aps) != 1 || aps[0].UserID != "UBOB" {
		t.Errorf("apologies standing after the close: %+v, want UBOB's", aps)
	}
}

// TestMigrationOpenedAt: migration 00040 gives the meetings opened before
// it their time of opening, from their log, so that apologies for them
// are refused by the statement that would write them; meetings not
// opened still take them. Down and up again, the same.
func TestMigrationOpenedAt(t *testing.T) {
	ctx := context.Background()
	db := pgtest.New(t)
	at := time.Now().Add(time.Hour)
	c := conductCommittee(t, db)
	opened, later := conductMeeting(t, db, c, at), conductMeeting(t, db, c, at.Add(24*time.Hour))
	if _, err := db.RecordSession(ctx, commands.SessionEvent{MeetingID: opened.ID, Action: commands.ActionOpened, At: time.Now(), By: "UIAN"}, []commands.SessionAction{""}, nil); err != nil {
		t.Fatal(err)
	}
	if err := db.MigrateDownTo(ctx, 39); err != nil {
		t.Fatal(err)
	}
	if err := db.Migrate(ctx, nil); err != nil {
		t.Fatal(err)
	}
	apology := func(m commands.Meeting) commands.Apology {
		return commands.Apology{MeetingID: m.ID, UserID: "UIAN", Name: "Ian Barton", Reason: "Unwell", By: "UIAN"}
	}
	if _, err := db.SendApology(ctx, apology(opened)); !errors.Is(err, commands.ErrConflict) {
		t.Errorf("apologies for a meeting opened before the migration: %v, want ErrConflict", err)
	}
	if _, err := db.SendApology(ctx, apology(later)); err != nil {
		t.Errorf("apologies for a meeting not opened: %v", err)
	}
	if n := count(t, db, `SELECT count(*) FROM apologies`); n != 1 {
		t.Errorf("%d apologies stand, want the one for the meeting not opened", n)
	}
}

// TestOpeningMarksTheLiveMessage: the opening marks its live message for
// an update in its own transaction when the apologies standing are not
// those the message was built from, and only then; the mark commits with
// the opening, or, the opening failing as it commits, neither does.
func TestOpeningMarksTheLiveMessage(t *testing.T) {
	at := time.Date(2026, 12, 10, 10, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name                              string
		sentMeanwhile, withdrawnMeanwhile bool
		failAtCommit                      bool
		wantMarked                        bool
	}{
		{name: "as built"},
		{name: "sent meanwhile", sentMeanwhile: true, wantMarked: true},
		{name: "withdrawn meanwhile", withdrawnMeanwhile: true, wantMarked: true},
		{name: "failing as it commits", sentMeanwhile: true, failAtCommit: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			db := pgtest.New(t)
			c := conductCommittee(t, db)
			m := conductMeeting(t, db, c, at)
			send := func(user string) {
				t.Helper()
				if _, err := db.SendApology(ctx, commands.Apology{MeetingID: m.ID, UserID: user, Name: "Member " + user, By: user}); err != nil {
					t.Fatal(err)
				}
			}
			send("UNEIL")
			built, err := db.Apologies(ctx, m.ID)
			if err != nil {
				t.Fatal(err)
			}
			if tc.sentMeanwhile {
				send("UANN")
			}
			if tc.withdrawnMeanwhile {
				if err := db.WithdrawApology(ctx, m, "UNEIL", "UNEIL", time.Time{}, nil); err != nil {
					t.Fatal(err)
				}
			}
			if tc.failAtCommit {
				// Checked at commit, after every row the opening writes.
				for _, q := range []string{
					`CREATE FUNCTION refuse_post() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused at commit'; END $$`,
					`CREATE CONSTRAINT TRIGGER refuse_post AFTER INSERT ON outbox DEFERRABLE INITIALLY DEFERRED
						FOR EACH ROW WHEN (NEW.kind = 'post') EXECUTE FUNCTION refuse_post()`,
				} {
					if _, err := db.SQL().ExecContext(ctx, q); err != nil {
						t.Fatal(err)
					}
				}
			}
			key := commands.LiveKey(m.ID)
			added, err := db.RecordSession(ctx, commands.SessionEvent{MeetingID: m.ID, Action: commands.ActionOpened, At: at.Add(-5 * time.Minute), By: "UIAN"},
				[]commands.SessionAction{""}, &commands.LivePost{Apologies: built, Message: commands.OutboxMessage{CommitteeID: c.ID, Kind: commands.OutboxPost,
					ChannelID: c.ChannelID, MessageKey: key, DedupeKey: key, Reply: commands.Reply{Text: "Meeting in progress"}, DueAt: at}})
			if tc.failAtCommit != (err != nil) || !tc.failAtCommit && !added {
				t.Fatalf("the opening: added %t, %v", added, err)
			}
			count := func(q string) int {
				t.Helper()
				var n int
				if err := db.SQL().QueryRowContext(ctx, q, key).Scan(&n); err != nil {
					t.Fatal(err)
				}
				return n
			}
			posts := count(`SELECT count(*) FROM outbox WHERE message_key = $1 AND kind = 'post'`)
			marks := count(`SELECT count(*) FROM outbox WHERE message_key = $1 AND kind = 'update' AND state = 'pending'`)
			if want := map[bool]int{true: 0, false: 1}[tc.failAtCommit]; posts != want {
				t.Errorf("%d posts of the live message, want %d", posts, want)
			}
			if marked := marks > 0; marked != tc.wantMarked {
				t.Errorf("the live message marked for an update: %t (%d), want %t", marked, marks, tc.wantMarked)
			}
		})
	}
}

// TestPreviousMeetingOnTheSameDay: meetings of one afternoon, one known
// only by an apology sent for it, one opened early at that one's start,
// one cancelled after apologies were sent for it, and a date of the
// programme with nothing recorded: each is the previous meeting only once
// held, two held from the same minute go by their advertised start, and
// neither the cancelled meeting nor the bare date ever is.
func TestPreviousMeetingOnTheSameDay(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	c := setupCommittee(t, db)
	at := func(h, m int) time.Time { return time.Date(2026, 12, 3, h, m, 0, 0, time.UTC) }
	schedule := func(starts time.Time) commands.Meeting {
		t.Helper()
		m, err := db.ScheduleMeeting(ctx, commands.Meeting{CommitteeID: c.ID, StartsAt: starts}, "UOFF")
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	apology := func(m commands.Meeting) {
		t.Helper()
		if _, err := db.SendApology(ctx, commands.Apology{MeetingID: m.ID, UserID: "UOFF", Name: "Ian Barton", Reason: "Away", By: "UOFF"}); err != nil {
			t.Fatal(err)
		}
	}
	old := schedule(time.Date(2026, 11, 5, 14, 0, 0, 0, time.UTC))
	if err := db.SetMeetingStatus(ctx, old.ID, commands.MeetingHeld, "UOFF"); err != nil {
		t.Fatal(err)
	}
	bare := schedule(at(13, 0))
	known := schedule(at(14, 0))
	apology(known)
	early := schedule(at(15, 30))
	openedAndClosed(t, db, early, at(14, 0))
	cancelled := schedule(at(17, 0))
	apology(cancelled)
	if err := db.CancelMeeting(ctx, cancelled.ID, "UOFF", at(12, 0), commands.Reply{}); err != nil {
		t.Fatal(err)
	}
	names := map[int64]string{old.ID: "the meeting of November", bare.ID: "the bare date", known.ID: "the one with an apology",
		early.ID: "the one opened early", cancelled.ID: "the cancelled one"}
	for _, tc := range []struct {
		before time.Time
		want   int64
	}{
		{at(13, 30), old.ID},
		{at(14, 0), old.ID},
		{at(14, 1), early.ID},
		{at(15, 31), early.ID},
		{at(18, 0), early.ID},
	} {
		p, err := db.PreviousMeeting(ctx, c.ID, tc.before)
		if err != nil {
			t.Fatal(err)
		}
		if p.ID != tc.want {
			t.Errorf("before %s: previous meeting is %s, want %s", tc.before.Format("15:04"), names[p.ID], names[tc.want])
		}
	}
}

// TestQuorumRulesKeepTheirDates: each rule set is kept with the time it
// was asked for, so a meeting's record reads the rule it met under; a rule
// set before the log kept it stands from when it was set.
func TestQuorumRulesKeepTheirDates(t *testing.T) {
	ctx := context.Background()
	db := pgtest.New(t)
	c := conductCommittee(t, db)
	first := time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)
	second := time.Date(2026, 12, 11, 12, 0, 0, 0, time.UTC)
	if err := db.SetQuorumRule(ctx, c.ID, commands.QuorumRule{Fixed: 3}, "UIAN", first); err != nil {
		t.Fatal(err)
	}
	if err := db.SetQuorumRule(ctx, c.ID, commands.QuorumRule{Numerator: 1, Denominator: 4, Minimum: 2}, "UIAN", second); err != nil {
		t.Fatal(err)
	}
	got, err := db.QuorumRules(ctx, c.ID)
	want := []commands.QuorumRuleSet{{Rule: commands.QuorumRule{Fixed: 3}, At: first}, {Rule: commands.QuorumRule{Numerator: 1, Denominator: 4, Minimum: 2}, At: second}}
	if err != nil || len(got) != 2 || got[0].Rule != want[0].Rule || !got[0].At.Equal(first) || got[1].Rule != want[1].Rule || !got[1].At.Equal(second) {
		t.Errorf("rules = %+v, %v; want %+v", got, err, want)
	}
	// A rule whose setting the log does not hold.
	if _, err := db.SQL().ExecContext(ctx, `DELETE FROM audit_log WHERE committee_id = $1 AND action = 'quorum.set'`, c.ID); err != nil {
		t.Fatal(err)
	}
	got, err = db.QuorumRules(ctx, c.ID)
	if err != nil || len(got) != 1 || got[0].Rule != want[1].Rule || !got[0].At.Equal(second) {
		t.Errorf("rules with none logged = %+v, %v; want %+v", got, err, want[1:])
	}
}

// TestTakeChairRaces: the same member recorded taking the chair from one
// reading of the log, by several at once, is recorded once; taking it
// again on a later reading, as after the chair came back and left again,
// is a new entry; and an entry made from a reading someone else's entry
// has overtaken is refused, for its maker to decide again.
func TestTakeChairRaces(t *testing.T) {
	ctx := context.Background()
	db := pgtest.New(t)
	at := time.Date(2026, 12, 10, 10, 0, 0, 0, time.UTC)
	m := conductMeeting(t, db, conductCommittee(t, db), at)
	open := commands.SessionEvent{MeetingID: m.ID, Action: commands.ActionOpened, At: at, By: "UIAN"}
	if _, err := db.RecordSession(ctx, open, []commands.SessionAction{""}, nil); err != nil {
		t.Fatal(err)
	}
	graeme := commands.ChairTaken{MeetingID: m.ID, Seq: 1, MemberKey: "UGRAEME", At: at.Add(11 * time.Minute), By: "UIAN"}
	var wg sync.WaitGroup
	var added atomic.Int32
	for range 6 {
		wg.Go(func() {
			ok, err := db.TakeChair(ctx, graeme)
			if err != nil {
				t.Error(err)
			}
			if ok {
				added.Add(1)
			}
		})
	}
	wg.Wait()
	if n := added.Load(); n != 1 {
		t.Errorf("%d of 6 records of Graeme taking the chair at once were added, want 1", n)
	}
	again := graeme
	again.Seq, again.At = 2, at.Add(31*time.Minute)
	if ok, err := db.TakeChair(ctx, again); err != nil || !ok {
		t.Errorf("Graeme taking the chair a second time: added %v, %v; want it recorded", ok, err)
	}
	stale := again
	stale.MemberKey = "UANN"
	if ok, err := db.TakeChair(ctx, stale); err != nil || ok {
		t.Errorf("Ann taking the chair from a reading overtaken: added %v, %v; want it refused", ok, err)
	}
	log, err := db.ChairsTaken(ctx, m.ID)
	if err != nil || len(log) != 2 || log[0].Seq != 1 || log[1].Seq != 2 || log[1].MemberKey != "UGRAEME" {
		t.Errorf("chairs taken: %+v, %v", log, err)
	}
}
