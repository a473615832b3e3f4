package storage_test

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"sync"
	"testing"
	"time"

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
	if err := db.WithdrawApology(ctx, m.ID, "UANN", "UANN"); err != nil {
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
