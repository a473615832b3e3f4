package storage_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/quorumhq/quorum/commands"
	"github.com/quorumhq/quorum/storage"
	"github.com/quorumhq/quorum/storage/pgtest"
)

// keepKit is a committee with Neil as a member and a meeting tomorrow.
func keepKit(t *testing.T) (*storage.DB, commands.Committee, commands.Meeting) {
	t.Helper()
	db := pgtest.New(t)
	ctx := context.Background()
	c := setupCommittee(t, db)
	if _, err := db.PutMember(ctx, commands.Member{CommitteeID: c.ID, UserID: "UNEIL", Name: "Neil Frackelton", Organisation: "SWACA", Role: commands.RoleMember}, "UOFF"); err != nil {
		t.Fatal(err)
	}
	m, err := db.ScheduleMeeting(ctx, commands.Meeting{CommitteeID: c.ID, StartsAt: time.Now().Add(24 * time.Hour)}, "UOFF")
	if err != nil {
		t.Fatal(err)
	}
	return db, c, m
}

func neilStanding(t *testing.T, db *storage.DB, meetingID int64) string {
	t.Helper()
	as, err := db.Apologies(context.Background(), meetingID)
	if err != nil || len(as) != 1 {
		t.Fatalf("apologies = %+v, %v; want Neil's", as, err)
	}
	return as[0].Reason + " / " + as[0].SubstituteID + " / " + as[0].SubstituteName
}

func TestUpdateApologyKeepsWhatItDoesNotName(t *testing.T) {
	db, _, m := keepKit(t)
	ctx := context.Background()
	update := func(reason, subID, subName string, keep commands.ApologyKeep) commands.ApologySent {
		t.Helper()
		sent, err := db.UpdateApology(ctx, commands.Apology{MeetingID: m.ID, UserID: "UNEIL", Name: "Neil Frackelton",
			Reason: reason, SubstituteID: subID, SubstituteName: subName, By: "UNEIL"}, keep, nil)
		if err != nil {
			t.Fatal(err)
		}
		return sent
	}
	parts := func(reason, subID, subName string) commands.ApologyParts {
		return commands.ApologyParts{Reason: reason, SubstituteID: subID, SubstituteName: subName}
	}
	keepSub := commands.ApologyKeep{Substitute: true}
	keepReason := commands.ApologyKeep{Reason: true}
	type up struct {
		reason, subID, subName string
		keep                   commands.ApologyKeep
	}
	for i, tc := range []struct {
		up       up
		want     commands.ApologySent
		standing string
	}{
		// A first apology: a kept part starts empty, whatever was passed.
		{up{"Attending court", "UG", "Graeme Robson", keepSub}, commands.ApologySent{Outcome: commands.ApologyRecorded, Now: parts("Attending court", "", "")}, "Attending court /  / "},
		{up{"", "UG", "Graeme Robson", keepReason}, commands.ApologySent{Outcome: commands.ApologyChanged,
			Was: &commands.ApologyParts{Reason: "Attending court"}, Now: parts("Attending court", "UG", "Graeme Robson")}, "Attending court / UG / Graeme Robson"},
		{up{"Attending Crown Court", "", "", keepSub}, commands.ApologySent{Outcome: commands.ApologyChanged,
			Was: &commands.ApologyParts{Reason: "Attending court", SubstituteID: "UG", SubstituteName: "Graeme Robson"}, Now: parts("Attending Crown Court", "UG", "Graeme Robson")}, "Attending Crown Court / UG / Graeme Robson"},
		// Keeping both changes nothing, and says what stands.
		{up{"", "", "", commands.ApologyKeep{Reason: true, Substitute: true}}, commands.ApologySent{Outcome: commands.ApologyUnchanged,
			Was: &commands.ApologyParts{Reason: "Attending Crown Court", SubstituteID: "UG", SubstituteName: "Graeme Robson"}, Now: parts("Attending Crown Court", "UG", "Graeme Robson")}, "Attending Crown Court / UG / Graeme Robson"},
		// Set empty: removed.
		{up{"", "", "", keepReason}, commands.ApologySent{Outcome: commands.ApologyChanged,
			Was: &commands.ApologyParts{Reason: "Attending Crown Court", SubstituteID: "UG", SubstituteName: "Graeme Robson"}, Now: parts("Attending Crown Court", "", "")}, "Attending Crown Court /  / "},
		{up{"", "", "Jane Smith (Sefton CVS)", keepReason}, commands.ApologySent{Outcome: commands.ApologyChanged,
			Was: &commands.ApologyParts{Reason: "Attending Crown Court"}, Now: parts("Attending Crown Court", "", "Jane Smith (Sefton CVS)")}, "Attending Crown Court /  / Jane Smith (Sefton CVS)"},
	} {
		if diff := cmp.Diff(tc.want, update(tc.up.reason, tc.up.subID, tc.up.subName, tc.up.keep)); diff != "" {
			t.Errorf("update %d (-want +got):\n%s", i, diff)
		}
		if got := neilStanding(t, db, m.ID); got != tc.standing {
			t.Errorf("update %d: standing %q, want %q", i, got, tc.standing)
		}
	}

	// Withdrawn, an apology keeps nothing: sent again, it starts afresh.
	if err := db.WithdrawApology(ctx, m, "UNEIL", "UNEIL", time.Time{}, nil); err != nil {
		t.Fatal(err)
	}
	sent := update("", "UG", "Graeme Robson", keepReason)
	if diff := cmp.Diff(commands.ApologySent{Outcome: commands.ApologyRenewed, Now: parts("", "UG", "Graeme Robson")}, sent); diff != "" {
		t.Errorf("after a withdrawal (-want +got):\n%s", diff)
	}

	hist, err := db.ApologyHistory(ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, h := range hist {
		got = append(got, h.Action+": "+h.Reason+" / "+h.SubstituteName)
	}
	want := []string{"sent: Attending court / ", "changed: Attending court / Graeme Robson", "changed: Attending Crown Court / Graeme Robson",
		"changed: Attending Crown Court / ", "changed: Attending Crown Court / Jane Smith (Sefton CVS)", "withdrawn:  / ", "sent:  / Graeme Robson"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("history (-want +got):\n%s", diff)
	}
}

// TestRacingUpdatesOfDifferentPartsBothStand: a reason and a substitute
// sent at the same moment, each keeping the other part, both stand: what
// is kept is read from the row as locked, not as the statement first saw
// it. A transaction holding the row makes the two wait, and race, on it.
func TestRacingUpdatesOfDifferentPartsBothStand(t *testing.T) {
	db, c, m := keepKit(t)
	ctx := context.Background()
	if _, err := db.UpdateApology(ctx, commands.Apology{MeetingID: m.ID, UserID: "UNEIL", Name: "Neil Frackelton", Reason: "Unwell", By: "UNEIL"}, commands.ApologyKeep{}, nil); err != nil {
		t.Fatal(err)
	}
	for i := range 5 {
		tx, err := db.SQL().BeginTx(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := tx.Exec(`SELECT id FROM apologies WHERE meeting_id = $1 FOR UPDATE`, m.ID); err != nil {
			t.Fatal(err)
		}
		reason, sub := fmt.Sprintf("Reason %d", i), fmt.Sprintf("Sub %d", i)
		var wg sync.WaitGroup
		wg.Add(2)
		go func() {
			defer wg.Done()
			// The next meeting from its channel, as /apologies sends it.
			_, sent, err := db.SendApologyFrom(ctx, commands.ApologyRequest{TeamID: c.TeamID, ChannelID: c.ChannelID, UserID: "UNEIL",
				Reason: reason, At: time.Now(), Keep: commands.ApologyKeep{Substitute: true}})
			if err != nil || sent.Outcome != commands.ApologyChanged {
				t.Errorf("reason: %+v, %v", sent, err)
			}
		}()
		go func() {
			defer wg.Done()
			_, err := db.UpdateApology(ctx, commands.Apology{MeetingID: m.ID, UserID: "UNEIL", Name: "Neil Frackelton", SubstituteName: sub, By: "UNEIL"},
				commands.ApologyKeep{Reason: true}, nil)
			if err != nil {
				t.Error(err)
			}
		}()
		// Both wait for the row before it is let go: waited for, as a fixed
		// pause can end before a loaded machine has sent them.
		for end := time.Now().Add(15 * time.Second); count(t, db, `SELECT count(*) FROM pg_stat_activity
			WHERE wait_event_type = 'Lock' AND datname = current_database()`) < 2; time.Sleep(5 * time.Millisecond) {
			if time.Now().After(end) {
				t.Fatalf("race %d: the two updates never both waited for the row", i)
			}
		}
		if err := tx.Commit(); err != nil {
			t.Fatal(err)
		}
		wg.Wait()
		if got, want := neilStanding(t, db, m.ID), reason+" /  / "+sub; got != want {
			t.Errorf("race %d: standing %q, want %q", i, got, want)
		}
	}
}
