package storage_test

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/lib/pq"

	"github.com/quorumhq/quorum/commands"
	"github.com/quorumhq/quorum/storage"
)

// batchKit is keepKit with more members: Kath, Ann and Bob.
func batchKit(t *testing.T) (*storage.DB, commands.Committee, commands.Meeting) {
	t.Helper()
	db, c, m := keepKit(t)
	for _, p := range [][2]string{{"UKATH", "Kath Doyle"}, {"UANN", "Ann Price"}, {"UBOB", "Bob Hale"}} {
		if _, err := db.PutMember(context.Background(), commands.Member{CommitteeID: c.ID, UserID: p[0], Name: p[1], Organisation: "Merseyside Police", Role: commands.RoleMember}, "UOFF"); err != nil {
			t.Fatal(err)
		}
	}
	return db, c, m
}

func historyOf(t *testing.T, db *storage.DB, meetingID int64) []string {
	t.Helper()
	evs, err := db.ApologyHistory(context.Background(), meetingID)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range evs {
		out = append(out, e.UserID+" "+e.Action+" "+e.Reason)
	}
	return out
}

// TestApologiesInOneBatch: apologies sent together, in one statement, are
// each what they would have been alone: a first one, a change that keeps
// the substitute, one sent again after a withdrawal, the same again, one
// from someone who is not a member, and one from a channel with no
// committee; the history has one entry for each change and none for the
// rest.
func TestApologiesInOneBatch(t *testing.T) {
	db, c, m := batchKit(t)
	ctx := context.Background()
	req := func(user, reason string) commands.ApologyRequest {
		return commands.ApologyRequest{TeamID: c.TeamID, ChannelID: c.ChannelID, UserID: user, Reason: reason, At: time.Now()}
	}
	send := func(r commands.ApologyRequest) {
		t.Helper()
		if _, _, err := db.SendApologyFrom(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	kath := req("UKATH", "Leave")
	kath.SubstituteID, kath.SubstituteName = "UJO", "Jo Smith"
	send(kath)
	send(req("UANN", "Away"))
	if err := db.WithdrawApology(ctx, m, "UANN", "UANN", time.Time{}, nil); err != nil {
		t.Fatal(err)
	}
	send(req("UBOB", "Training"))
	before := len(historyOf(t, db, m.ID))

	kathAgain := req("UKATH", "Ill")
	kathAgain.Keep = commands.ApologyKeep{Substitute: true}
	elsewhere := req("UNEIL", "Away")
	elsewhere.ChannelID = "CNONE"
	reqs := []commands.ApologyRequest{
		req("UNEIL", "On holiday"), kathAgain, req("UANN", "Away again"), req("UBOB", "Training"),
		req("UNOBODY", "Not a member"), elsewhere,
	}
	found, origins, sent, err := db.ApologiesInOneBatch(ctx, reqs)
	if err != nil {
		t.Fatal(err)
	}
	wantFound := []bool{true, true, true, true, true, false}
	wantOutcome := []commands.ApologyOutcome{commands.ApologyRecorded, commands.ApologyChanged, commands.ApologyRenewed, commands.ApologyUnchanged, "", ""}
	for i := range reqs {
		if found[i] != wantFound[i] || sent[i].Outcome != wantOutcome[i] {
			t.Errorf("%s: found %v, outcome %q; want %v, %q", reqs[i].UserID, found[i], sent[i].Outcome, wantFound[i], wantOutcome[i])
		}
		if found[i] && (origins[i].Committee.ID != c.ID || origins[i].Next == nil || origins[i].Next.ID != m.ID) {
			t.Errorf("%s: origin %+v; want the committee and its meeting", reqs[i].UserID, origins[i])
		}
	}
	if origins[0].Member == nil || origins[0].Member.Name != "Neil Frackelton" || origins[4].Member != nil {
		t.Errorf("members: %+v and %+v; want Neil, then none", origins[0].Member, origins[4].Member)
	}
	if got := sent[1]; got.Was == nil || got.Was.Reason != "Leave" || got.Now.Reason != "Ill" || got.Now.SubstituteID != "UJO" {
		t.Errorf("Kath's change: %+v (was %+v); want Leave → Ill, Jo kept", got.Now, got.Was)
	}
	if sent[2].Was != nil {
		t.Errorf("Ann's renewal says an apology stood: %+v", sent[2].Was)
	}

	as, err := db.Apologies(ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	var standing []string
	for _, a := range as {
		standing = append(standing, a.UserID+": "+a.Reason+" / "+a.SubstituteName)
	}
	sort.Strings(standing)
	want := []string{"UANN: Away again / ", "UBOB: Training / ", "UKATH: Ill / Jo Smith", "UNEIL: On holiday / "}
	if fmt.Sprint(standing) != fmt.Sprint(want) {
		t.Errorf("standing = %q, want %q", standing, want)
	}
	added := historyOf(t, db, m.ID)[before:]
	sort.Strings(added)
	wantAdded := []string{"UANN sent Away again", "UKATH changed Ill", "UNEIL sent On holiday"}
	if fmt.Sprint(added) != fmt.Sprint(wantAdded) {
		t.Errorf("history added = %q, want %q", added, wantAdded)
	}
}

// TestApologyReplaysInOneBatch: the replay check goes with the write. In
// one batch, a request whose key was seen before (by FirstSeen, or by an
// earlier apology) writes nothing and says so; the others, with new keys
// or none, are written; and a key seen first here is then known to
// FirstSeen. Alone, a request sent twice is written once.
func TestApologyReplaysInOneBatch(t *testing.T) {
	db, c, m := batchKit(t)
	ctx := context.Background()
	req := func(user, reason, key string) commands.ApologyRequest {
		return commands.ApologyRequest{TeamID: c.TeamID, ChannelID: c.ChannelID, UserID: user, Reason: reason, At: time.Now(), Replay: key}
	}
	if first, err := db.FirstSeen(ctx, "signature:v0=seen"); err != nil || !first {
		t.Fatalf("FirstSeen: %v, %v", first, err)
	}
	if _, _, err := db.SendApologyFrom(ctx, req("UANN", "Away", "signature:v0=ann")); err != nil {
		t.Fatal(err)
	}
	before := historyOf(t, db, m.ID)

	reqs := []commands.ApologyRequest{
		req("UKATH", "Leave", "signature:v0=seen"), req("UANN", "Away again", "signature:v0=ann"),
		req("UBOB", "Training", "signature:v0=bob"), req("UNEIL", "On holiday", ""),
	}
	replayed, err := db.ApologyReplaysInOneBatch(ctx, reqs)
	if err != nil {
		t.Fatal(err)
	}
	if want := []bool{true, true, false, false}; !cmp.Equal(replayed, want) {
		t.Errorf("replayed %v, want %v", replayed, want)
	}
	added := historyOf(t, db, m.ID)[len(before):]
	sort.Strings(added)
	if want := []string{"UBOB sent Training", "UNEIL sent On holiday"}; !cmp.Equal(added, want) {
		t.Errorf("history added = %q, want %q", added, want)
	}
	if first, err := db.FirstSeen(ctx, "signature:v0=bob"); err != nil || first {
		t.Errorf("FirstSeen of a key an apology recorded: %v, %v; want seen before", first, err)
	}
	if _, _, err := db.SendApologyFrom(ctx, req("UBOB", "Changed my mind", "signature:v0=bob")); !errors.Is(err, commands.ErrReplay) {
		t.Errorf("alone, sent again: %v, want ErrReplay", err)
	}
	if got := historyOf(t, db, m.ID); len(got) != len(before)+2 {
		t.Errorf("history %q after a replay alone", got)
	}
}

// TestApologyBatchRefusedWritesNothing: a batch with text PostgreSQL cannot
// store is refused whole, as data (so that the batcher runs its calls
// again one by one), with nothing written.
func TestApologyBatchRefusedWritesNothing(t *testing.T) {
	db, c, m := batchKit(t)
	ctx := context.Background()
	reqs := []commands.ApologyRequest{
		{TeamID: c.TeamID, ChannelID: c.ChannelID, UserID: "UNEIL", Reason: "Away", At: time.Now()},
		{TeamID: c.TeamID, ChannelID: c.ChannelID, UserID: "UKATH", Reason: "Away\x00", At: time.Now()},
	}
	_, _, _, err := db.ApologiesInOneBatch(ctx, reqs)
	var pqErr *pq.Error
	if !errors.As(err, &pqErr) || pqErr.Code.Class() != "22" {
		t.Fatalf("err = %v; want PostgreSQL's data exception", err)
	}
	if as, err := db.Apologies(ctx, m.ID); err != nil || len(as) != 0 {
		t.Errorf("apologies = %+v, %v; want none written", as, err)
	}
}

// TestApologiesSentAtOnce: forty members send at the same moment, one of
// them twice, and one with text that cannot be stored; every other
// apology stands with its own reason and a history entry, the one sent
// twice is recorded then changed, and only the bad one is refused.
func TestApologiesSentAtOnce(t *testing.T) {
	db, c, m := keepKit(t)
	ctx := context.Background()
	const n = 40
	for i := range n {
		if _, err := db.PutMember(ctx, commands.Member{CommitteeID: c.ID, UserID: fmt.Sprintf("UM%02d", i), Name: fmt.Sprintf("Member %d", i), Organisation: "Sefton Council", Role: commands.RoleMember}, "UOFF"); err != nil {
			t.Fatal(err)
		}
	}
	type call struct {
		user, reason string
		outcome      commands.ApologyOutcome
		err          error
	}
	calls := make([]call, 0, n+2)
	for i := range n {
		calls = append(calls, call{user: fmt.Sprintf("UM%02d", i), reason: fmt.Sprintf("Away %d", i)})
	}
	calls = append(calls, call{user: "UM00", reason: "Away 0, and again"}, call{user: "UNEIL", reason: "bad\x00"})
	start := make(chan struct{})
	var wg sync.WaitGroup
	for i := range calls {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			_, sent, err := db.SendApologyFrom(ctx, commands.ApologyRequest{TeamID: c.TeamID, ChannelID: c.ChannelID,
				UserID: calls[i].user, Reason: calls[i].reason, At: time.Now()})
			calls[i].outcome, calls[i].err = sent.Outcome, err
		}()
	}
	close(start)
	wg.Wait()

	twice := map[commands.ApologyOutcome]bool{calls[0].outcome: true, calls[n].outcome: true}
	if !twice[commands.ApologyRecorded] || !twice[commands.ApologyChanged] {
		t.Errorf("UM00 twice: %q and %q; want recorded and changed", calls[0].outcome, calls[n].outcome)
	}
	for _, cl := range calls[1:n] {
		if cl.err != nil || cl.outcome != commands.ApologyRecorded {
			t.Errorf("%s: %q, %v; want recorded", cl.user, cl.outcome, cl.err)
		}
	}
	if bad := calls[n+1]; bad.err == nil || errors.Is(bad.err, commands.ErrInDoubt) {
		t.Errorf("the bad one: %q, %v; want refused, not in doubt", bad.outcome, bad.err)
	}
	as, err := db.Apologies(ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, a := range as {
		got[a.UserID] = a.Reason
	}
	if len(got) != n {
		t.Errorf("%d apologies stand, want %d", len(got), n)
	}
	for i := 1; i < n; i++ {
		if u := fmt.Sprintf("UM%02d", i); got[u] != fmt.Sprintf("Away %d", i) {
			t.Errorf("%s: %q", u, got[u])
		}
	}
	if h := historyOf(t, db, m.ID); len(h) != n+1 {
		t.Errorf("%d history entries, want %d: %q", len(h), n+1, h)
	}
}

// TestApologiesInOneBatchAcrossMeetings: one batch holding apologies for
// two committees' meetings, for a meeting named by its ID, one that keeps
// the reason and names a substitute, one that keeps the reason and drops
// the substitute ("sub none"), and one for a committee with no meeting
// to come: each is what it would have been alone, and each meeting's
// posted agenda is marked to be brought up to date once.
func TestApologiesInOneBatchAcrossMeetings(t *testing.T) {
	db, c, m := batchKit(t)
	ctx := context.Background()
	other, err := db.CreateCommittee(ctx, commands.Committee{Name: "Sefton Youth Board", TeamID: c.TeamID, ChannelID: "C2"},
		commands.Member{UserID: "UOFF", Name: "Ian Barton"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.PutMember(ctx, commands.Member{CommitteeID: other.ID, UserID: "UANN", Name: "Ann Price", Organisation: "Sefton CVS", Role: commands.RoleMember}, "UOFF"); err != nil {
		t.Fatal(err)
	}
	m2, err := db.ScheduleMeeting(ctx, commands.Meeting{CommitteeID: other.ID, StartsAt: time.Now().Add(48 * time.Hour)}, "UOFF")
	if err != nil {
		t.Fatal(err)
	}
	idle, err := db.CreateCommittee(ctx, commands.Committee{Name: "Idle Panel", TeamID: c.TeamID, ChannelID: "C3"},
		commands.Member{UserID: "UNEIL", Name: "Neil Frackelton"})
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []int64{m.ID, m2.ID} {
		if _, err := db.SQL().ExecContext(ctx, `INSERT INTO slack_messages (message_key, channel_id, ts) VALUES ($1, 'C', '1.1')`, fmt.Sprint("agenda:", id)); err != nil {
			t.Fatal(err)
		}
	}
	req := func(channel, user, reason string) commands.ApologyRequest {
		return commands.ApologyRequest{TeamID: c.TeamID, ChannelID: channel, UserID: user, Reason: reason, At: time.Now()}
	}
	standing := []commands.ApologyRequest{req(c.ChannelID, "UNEIL", "Away"), req(c.ChannelID, "UKATH", "Leave")}
	standing[1].SubstituteID, standing[1].SubstituteName = "UJO", "Jo Smith"
	for _, r := range standing {
		if _, _, err := db.SendApologyFrom(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.SQL().ExecContext(ctx, `DELETE FROM outbox`); err != nil {
		t.Fatal(err)
	}

	neil := req(c.ChannelID, "UNEIL", "")
	neil.SubstituteID, neil.SubstituteName, neil.Keep = "UJO", "Jo Smith", commands.ApologyKeep{Reason: true}
	kath := req(c.ChannelID, "UKATH", "")
	kath.Keep = commands.ApologyKeep{Reason: true} // sub none
	bob := req(c.ChannelID, "UBOB", "Training")
	bob.MeetingID = m.ID
	reqs := []commands.ApologyRequest{neil, kath, req("C2", "UANN", "School run"), bob, req("C3", "UNEIL", "Away")}
	found, origins, sent, err := db.ApologiesInOneBatch(ctx, reqs)
	if err != nil {
		t.Fatal(err)
	}
	type result struct {
		Found     bool
		Committee int64
		Meeting   int64
		Outcome   commands.ApologyOutcome
		Now       commands.ApologyParts
	}
	var got []result
	for i := range reqs {
		r := result{Found: found[i], Committee: origins[i].Committee.ID, Outcome: sent[i].Outcome, Now: sent[i].Now}
		if origins[i].Next != nil {
			r.Meeting = origins[i].Next.ID
		}
		got = append(got, r)
	}
	want := []result{
		{true, c.ID, m.ID, commands.ApologyChanged, commands.ApologyParts{Reason: "Away", SubstituteID: "UJO", SubstituteName: "Jo Smith"}},
		{true, c.ID, m.ID, commands.ApologyChanged, commands.ApologyParts{Reason: "Leave"}},
		{true, other.ID, m2.ID, commands.ApologyRecorded, commands.ApologyParts{Reason: "School run"}},
		{true, c.ID, m.ID, commands.ApologyRecorded, commands.ApologyParts{Reason: "Training"}},
		{true, idle.ID, 0, "", commands.ApologyParts{}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("batch (-want +got):\n%s", diff)
	}
	var marks []string
	rows, err := db.SQL().QueryContext(ctx, `SELECT message_key FROM outbox WHERE kind = 'update' ORDER BY message_key`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var k string
		_ = rows.Scan(&k)
		marks = append(marks, k)
	}
	wantMarks := []string{fmt.Sprint("agenda:", m.ID), fmt.Sprint("agenda:", m2.ID)}
	sort.Strings(wantMarks)
	if fmt.Sprint(marks) != fmt.Sprint(wantMarks) {
		t.Errorf("posted agendas marked = %v, want %v", marks, wantMarks)
	}
}

// lockWaiters counts the statements waiting for a lock.
func lockWaiters(t *testing.T, db *storage.DB) int {
	t.Helper()
	return count(t, db, `SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`)
}

// waitWaiters waits up to ten seconds for n statements to wait for a
// lock, or for done to be closed, and says which came first: true for
// the waiters.
func waitWaiters(t *testing.T, db *storage.DB, n int, done <-chan struct{}) bool {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		select {
		case <-done:
			return false
		default:
		}
		if lockWaiters(t, db) >= n {
			return true
		}
	}
	t.Fatalf("%d statements never waited for a lock", n)
	return false
}

// openingHeld opens meeting m of c, RecordSession as /meeting start
// calls it, on its own goroutine; with hold, it is held in its
// transaction, its opening written and not committed, until release is
// called. done is closed once it has returned, with added and err set.
func openingHeld(t *testing.T, db *storage.DB, c commands.Committee, m commands.Meeting, hold bool) (release func(), done <-chan struct{}, added *bool, err *error) {
	t.Helper()
	ctx := context.Background()
	key := commands.LiveKey(m.ID)
	tx, txErr := db.SQL().BeginTx(ctx, nil)
	if txErr != nil {
		t.Fatal(txErr)
	}
	if hold {
		// The opening's post waits for this one's key.
		if _, err := tx.ExecContext(ctx, `INSERT INTO outbox (kind, channel_id, message_key, dedupe_key, payload) VALUES ('post', $1, $2, $2, '{}')`, c.ChannelID, key); err != nil {
			t.Fatal(err)
		}
	}
	ch := make(chan struct{})
	added, err = new(bool), new(error)
	go func() {
		defer close(ch)
		*added, *err = db.RecordSession(ctx, commands.SessionEvent{MeetingID: m.ID, Action: commands.ActionOpened, At: time.Now(), By: "UOFF"},
			[]commands.SessionAction{""}, &commands.LivePost{Message: commands.OutboxMessage{CommitteeID: c.ID, Kind: commands.OutboxPost, ChannelID: c.ChannelID,
				MessageKey: key, DedupeKey: key, Reply: commands.Reply{Text: "Meeting in progress"}, DueAt: time.Now()}})
	}()
	return func() { _ = tx.Rollback() }, ch, added, err
}

// TestApologiesInOneBatchAsTheMeetingOpens: apologies sent together, in
// one statement (or one alone, in the statement for one), while the
// meeting is being opened wait for the opening and are not written; the
// opening, sent while they are being written, waits for them. Either way,
// none is recorded after the opening.
func TestApologiesInOneBatchAsTheMeetingOpens(t *testing.T) {
	for _, users := range [][]string{{"UNEIL", "UANN"}, {"UANN"}} {
		t.Run(fmt.Sprint(len(users)), func(t *testing.T) { apologiesAsTheMeetingOpens(t, users) })
	}
}

// apologiesAsTheMeetingOpens is TestApologiesInOneBatchAsTheMeetingOpens
// for apologies from users, Ann last.
func apologiesAsTheMeetingOpens(t *testing.T, users []string) {
	ctx := context.Background()
	req := func(c commands.Committee, user string) commands.ApologyRequest {
		return commands.ApologyRequest{TeamID: c.TeamID, ChannelID: c.ChannelID, UserID: user, Reason: "Delayed", At: time.Now(), Replay: "signature:v0=" + user}
	}
	standing := func(t *testing.T, db *storage.DB, m commands.Meeting) int {
		return count(t, db, `SELECT count(*) FROM apologies WHERE meeting_id = $1 AND NOT withdrawn`, m.ID)
	}
	reqs := func(c commands.Committee) []commands.ApologyRequest {
		var out []commands.ApologyRequest
		for _, u := range users {
			out = append(out, req(c, u))
		}
		return out
	}
	t.Run("opening first", func(t *testing.T) {
		db, c, m := batchKit(t)
		release, opened, added, openErr := openingHeld(t, db, c, m, true)
		waitWaiters(t, db, 1, opened)
		var sent []commands.ApologySent
		var err error
		batch := make(chan struct{})
		go func() {
			defer close(batch)
			_, _, sent, err = db.ApologiesInOneBatch(ctx, reqs(c))
		}()
		waitWaiters(t, db, 2, batch)
		release()
		<-opened
		<-batch
		if *openErr != nil || !*added {
			t.Fatalf("the opening: %v, %v", *added, *openErr)
		}
		if err != nil {
			t.Fatal(err)
		}
		for i, s := range sent {
			if s.Outcome != "" {
				t.Errorf("apology %d sent as the meeting opened: %s", i, s.Outcome)
			}
		}
		if n := standing(t, db, m); n != 0 {
			t.Errorf("%d apologies stand for the meeting opened before them", n)
		}
	})
	t.Run("apologies first", func(t *testing.T) {
		db, c, m := batchKit(t)
		// Another writer holds Ann's apology back, once the statement
		// is under way.
		hold, err := db.SQL().BeginTx(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer hold.Rollback()
		if _, err := hold.ExecContext(ctx, `INSERT INTO apologies (meeting_id, member_key, user_id, name) VALUES ($1, 'UANN', 'UANN', 'held')`, m.ID); err != nil {
			t.Fatal(err)
		}
		var sent []commands.ApologySent
		batch := make(chan struct{})
		go func() {
			defer close(batch)
			_, _, sent, err = db.ApologiesInOneBatch(ctx, reqs(c))
		}()
		waitWaiters(t, db, 1, batch)
		release, opened, added, openErr := openingHeld(t, db, c, m, false)
		defer release()
		waited := waitWaiters(t, db, 2, opened)
		if err := hold.Rollback(); err != nil {
			t.Fatal(err)
		}
		<-batch
		<-opened
		if *openErr != nil || !*added {
			t.Fatalf("the opening: %v, %v", *added, *openErr)
		}
		if err != nil {
			t.Fatal(err)
		}
		if !waited {
			t.Error("the meeting opened while apologies for it were being written")
		}
		for i, s := range sent {
			if s.Outcome != commands.ApologyRecorded {
				t.Errorf("apology %d, begun before the opening: %q, want recorded", i, s.Outcome)
			}
		}
		if n := standing(t, db, m); n != len(users) {
			t.Errorf("%d apologies stand, want %d", n, len(users))
		}
	})
}
