package storage_test

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/quorumhq/quorum/commands"
	"github.com/quorumhq/quorum/storage"
	"github.com/quorumhq/quorum/storage/pgtest"
)

// TestRecordsChangedSince checks what a kept agenda relies on: a snapshot
// vouches for the records until a transaction it did not see commits a
// change to them, including one already running when it was taken, and a
// change to another committee's records is not one; and that pruning the
// changes keeps those a snapshot taken since the last prune did not see.
func TestRecordsChangedSince(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	c := setupCommittee(t, db)
	other, err := db.CreateCommittee(ctx, commands.Committee{Name: "Sefton Health and Wellbeing Board", TeamID: "T1", ChannelID: "C2"},
		commands.Member{UserID: "UOFF", Name: "Ian Barton"})
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2027, 3, 17, 10, 0, 0, 0, time.UTC)
	m, err := db.ScheduleMeeting(ctx, commands.Meeting{CommitteeID: c.ID, StartsAt: at}, "UOFF")
	if err != nil {
		t.Fatal(err)
	}
	om, err := db.ScheduleMeeting(ctx, commands.Meeting{CommitteeID: other.ID, StartsAt: at}, "UOFF")
	if err != nil {
		t.Fatal(err)
	}
	since := func(snapshot string) (string, bool) {
		t.Helper()
		now, changed, err := db.RecordsChangedSince(ctx, c.ID, snapshot)
		if err != nil {
			t.Fatal(err)
		}
		return now, changed
	}
	apology := func(meetingID int64, user string) {
		t.Helper()
		if _, err := db.SendApology(ctx, commands.Apology{MeetingID: meetingID, UserID: user, Name: user, Reason: "Away", By: user}); err != nil {
			t.Fatal(err)
		}
	}

	s0, changed := since("")
	if !changed {
		t.Error("with no snapshot to go by, the records count as changed")
	}
	if _, changed := since(s0); changed {
		t.Error("nothing was written, yet the records changed")
	}
	apology(om.ID, "UNEIL")
	if _, changed := since(s0); changed {
		t.Error("an apology to another committee's meeting changed this committee's records")
	}
	apology(m.ID, "UNEIL")
	s1, changed := since(s0)
	if !changed {
		t.Error("an apology did not change the records")
	}

	// A change still being made when the snapshot is taken: the reads
	// after it do not see it, so it must count once committed.
	tx, err := db.SQL().BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `UPDATE meetings SET venue = 'Bootle Town Hall' WHERE id = $1`, m.ID); err != nil {
		t.Fatal(err)
	}
	s2, _ := since(s1)
	if _, changed := since(s2); changed {
		t.Error("a change not yet committed counts as made")
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if _, changed := since(s2); !changed {
		t.Error("a change running when the snapshot was taken, committed since, was not seen")
	}

	// A TRUNCATE has no rows to say whose records it changed: everyone's.
	s3, _ := since("")
	if _, err := db.SQL().ExecContext(ctx, `TRUNCATE declaration_withdrawals`); err != nil {
		t.Fatal(err)
	}
	if _, changed := since(s3); !changed {
		t.Error("a TRUNCATE of a table agendas read was not seen")
	}
	// A snapshot from ahead of the database's transaction IDs, as after a
	// failover to a standby that was behind, vouches for nothing.
	if _, changed := since("999999999:999999999:"); !changed {
		t.Error("a snapshot from ahead of the database vouched for its records")
	}

	// Pruning: the first prune takes the snapshot the next goes by; a
	// change after it stays, the rest go.
	if err := db.PruneChanges(ctx, 0); err != nil {
		t.Fatal(err)
	}
	s4, _ := since("")
	apology(m.ID, "USUE")
	if err := db.PruneChanges(ctx, 0); err != nil {
		t.Fatal(err)
	}
	var left int
	if err := db.SQL().QueryRowContext(ctx, `SELECT count(*) FROM records_changes`).Scan(&left); err != nil {
		t.Fatal(err)
	}
	if left != 1 {
		t.Errorf("%d changes left after pruning, want the one made since the last prune", left)
	}
	if _, changed := since(s4); !changed {
		t.Error("pruning lost a change that a snapshot taken since the last prune did not see")
	}
	// Kept a while: a prune too soon after the last deletes nothing.
	if err := db.PruneChanges(ctx, time.Hour); err != nil {
		t.Fatal(err)
	}
	if err := db.SQL().QueryRowContext(ctx, `SELECT count(*) FROM records_changes`).Scan(&left); err != nil {
		t.Fatal(err)
	}
	if left != 1 {
		t.Errorf("%d changes left after a prune too soon, want 1", left)
	}
}

// Asking whether a committee's records changed, alone or in an
// /agenda's one read, reads a few index pages however many changes are
// kept: a busy committee notes one every batch
// of apologies, thousands a minute, and a check that walked them took
// longer than building the agenda it was meant to spare.
func TestRecordsChangedReadsAFewPages(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	c := setupCommittee(t, db)
	snapshot, _, err := db.RecordsChangedSince(ctx, c.ID, "")
	if err != nil {
		t.Fatal(err)
	}
	few := genericPlanBlocks(t, db, storage.RecordsChangedSQL, c.ID, snapshot)
	// An /agenda asks the same in its one read, of the committee it finds.
	agenda := func(snapshot string) int {
		return genericPlanBlocks(t, db, storage.AgendaFromSQL, c.TeamID, c.ChannelID, "UOFF", time.Now(), snapshot, []byte{}, int64(0))
	}
	fewAgenda := agenda(snapshot)
	// 10,000 changes by transactions of their own, as a busy committee's
	// are, all committed before the next snapshot.
	conn, err := db.SQL().Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 10000; i++ {
		if _, err := conn.ExecContext(ctx, `INSERT INTO records_changes (committee_id, xid) VALUES ($1, pg_current_xact_id())`, c.ID); err != nil {
			t.Fatal(err)
		}
	}
	conn.Close()
	// As autovacuum would, once a busy committee had written them.
	if _, err := db.SQL().ExecContext(ctx, `ANALYZE records_changes`); err != nil {
		t.Fatal(err)
	}
	snapshot, changed, err := db.RecordsChangedSince(ctx, c.ID, snapshot)
	if err != nil || !changed {
		t.Fatalf("changes noted since the snapshot were not seen: %v", err)
	}
	if _, changed, _ := db.RecordsChangedSince(ctx, c.ID, snapshot); changed {
		t.Fatal("no change since the snapshot, yet the records changed")
	}
	if many := genericPlanBlocks(t, db, storage.RecordsChangedSQL, c.ID, snapshot); many > few+8 {
		t.Errorf("among 10,000 changes the check touched %d buffers, against %d among none", many, few)
	}
	if many := agenda(snapshot); many > fewAgenda+8 {
		t.Errorf("among 10,000 changes an /agenda's read touched %d buffers, against %d among none", many, fewAgenda)
	}
}

// TestAgendaFrom: the one read of an `/agenda` finds the committee of the
// channel, the sender's membership, the next meeting and the one in
// progress, and says of the snapshot asked about what
// RecordsChangedSince says; its replay is refused, and from a channel
// that is no committee's nothing is found and the key is not recorded.
func TestAgendaFrom(t *testing.T) {
	db, next, running := atTableKit(t)
	ctx := context.Background()
	ask := func(channel, since, replay string) (commands.AgendaAsked, error) {
		return db.AgendaFrom(ctx, commands.AgendaRequest{TeamID: "T1", ChannelID: channel, UserID: "UNEIL", At: time.Now(), Since: since, Replay: replay})
	}
	a, err := ask("C1", "", "sig-1")
	if err != nil {
		t.Fatal(err)
	}
	if a.Origin.Member == nil || a.Origin.Member.UserID != "UNEIL" || a.Origin.Next == nil || a.Origin.Next.ID != next.ID || a.Running != nil || !a.Changed {
		t.Errorf("from C1: member %+v, next %+v, running %+v, changed %v", a.Origin.Member, a.Origin.Next, a.Running, a.Changed)
	}
	if _, err := ask("C1", "", "sig-1"); !errors.Is(err, commands.ErrReplay) {
		t.Errorf("sent again: %v, want a replay", err)
	}
	b, err := ask("C1", a.Snapshot, "")
	if err != nil || b.Changed {
		t.Errorf("nothing written since: changed %v, %v", b.Changed, err)
	}
	if _, err := db.SendApology(ctx, commands.Apology{MeetingID: next.ID, UserID: "UKATH", Name: "UKATH", Reason: "Away", By: "UKATH"}); err != nil {
		t.Fatal(err)
	}
	if b, err := ask("C1", a.Snapshot, ""); err != nil || !b.Changed {
		t.Errorf("an apology sent since: changed %v, %v", b.Changed, err)
	}
	// The other committee's meeting is in progress; Neil is no member.
	o, err := ask("C2", a.Snapshot, "")
	if err != nil {
		t.Fatal(err)
	}
	if o.Origin.Member != nil || o.Running == nil || o.Running.ID != running.ID {
		t.Errorf("from C2: member %+v, running %+v", o.Origin.Member, o.Running)
	}
	// Asked together, in one statement, each says what it would alone.
	req := func(channel, since, replay string) commands.AgendaRequest {
		return commands.AgendaRequest{TeamID: "T1", ChannelID: channel, UserID: "UNEIL", At: time.Now(), Since: since, Replay: replay}
	}
	now, err := ask("C1", "", "")
	if err != nil {
		t.Fatal(err)
	}
	found, replayed, changed, inProgress, err := db.AgendasInOneBatch(ctx, []commands.AgendaRequest{
		req("C1", now.Snapshot, "sig-b1"), req("C1", a.Snapshot, "sig-b2"), req("C1", "", "sig-1"),
		req("CNONE", "", "sig-b3"), req("C2", "", "sig-b4"),
	})
	if err != nil {
		t.Fatal(err)
	}
	want := [][]bool{{true, true, true, false, true}, {false, false, true, false, false}, {false, true, true, false, true}}
	if d := cmp.Diff(want, [][]bool{found, replayed, changed}); d != "" || !slices.Equal(inProgress, []int64{0, 0, 0, 0, running.ID}) {
		t.Errorf("in one batch: found, replayed, changed (-want +got):\n%s\nin progress %v", d, inProgress)
	}
	if first, err := db.FirstSeen(ctx, "sig-b3"); err != nil || !first {
		t.Errorf("the key of an /agenda from no committee's channel, in a batch, was recorded: first %v, %v", first, err)
	}
	if _, err := ask("CNONE", "", "sig-elsewhere"); !errors.Is(err, commands.ErrNotFound) {
		t.Errorf("from no committee's channel: %v, want not found", err)
	}
	if first, err := db.FirstSeen(ctx, "sig-elsewhere"); err != nil || !first {
		t.Errorf("the key of an /agenda from no committee's channel was recorded: first %v, %v", first, err)
	}
}
