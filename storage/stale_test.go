package storage_test

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/quorumhq/quorum/commands"
	"github.com/quorumhq/quorum/storage/pgtest"
)

// TestWritesMarkAgendaAndHomesStale checks that an apology marks, in its
// own statement, the posted agenda and the Homes of the sender and the
// officers who have opened theirs; that marks coalesce while pending; and
// that a write that changes nothing marks nothing.
func TestWritesMarkAgendaAndHomesStale(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	c := setupCommittee(t, db)
	for _, m := range []commands.Member{
		{CommitteeID: c.ID, UserID: "UNEIL", Name: "Neil Frackelton", Organisation: "SWACA", Role: commands.RoleMember},
		{CommitteeID: c.ID, UserID: "USUE", Name: "Sue Holden", Organisation: "Sefton CVS", Role: commands.RoleMember},
	} {
		if _, err := db.PutMember(ctx, m, "UOFF"); err != nil {
			t.Fatal(err)
		}
	}
	m, err := db.ScheduleMeeting(ctx, commands.Meeting{CommitteeID: c.ID, StartsAt: time.Date(2027, 3, 17, 10, 0, 0, 0, time.UTC)}, "UOFF")
	if err != nil {
		t.Fatal(err)
	}
	pending := func() map[string]int {
		t.Helper()
		rows, err := db.SQL().QueryContext(ctx, `SELECT kind || ' ' || message_key, count(*) FROM outbox WHERE state = 'pending' GROUP BY 1`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		got := map[string]int{}
		for rows.Next() {
			var k string
			var n int
			if err := rows.Scan(&k, &n); err != nil {
				t.Fatal(err)
			}
			got[k] = n
		}
		return got
	}
	send := func(user, reason string) commands.ApologyOutcome {
		t.Helper()
		out, err := db.SendApology(ctx, commands.Apology{MeetingID: m.ID, UserID: user, Name: user, Reason: reason, By: user})
		if err != nil {
			t.Fatal(err)
		}
		return out
	}

	// Nothing posted, nobody has opened a Home: nothing to mark.
	send("UNEIL", "Unwell")
	if got := pending(); len(got) != 0 {
		t.Fatalf("marks with nothing to refresh: %v", got)
	}

	// The agenda is posted; the officer and Neil have opened their Homes.
	if _, err := db.Enqueue(ctx, commands.OutboxMessage{CommitteeID: c.ID, Kind: commands.OutboxPost, ChannelID: "C1",
		MessageKey: "agenda:" + itoa(m.ID), DedupeKey: "agenda:" + itoa(m.ID) + ":post", Reply: commands.Reply{Text: "agenda"}}); err != nil {
		t.Fatal(err)
	}
	for _, u := range []string{"UOFF", "UNEIL"} {
		if err := db.HomeOpened(ctx, "T1", u, time.Now(), ""); err != nil {
			t.Fatal(err)
		}
	}
	agenda, post := "update agenda:"+itoa(m.ID), "post agenda:"+itoa(m.ID)
	send("UNEIL", "Unwell again")
	send("USUE", "On leave") // Sue has not opened her Home; the officer's is marked once
	want := map[string]int{post: 1, agenda: 1, "home home:T1:UOFF": 1, "home home:T1:UNEIL": 1}
	if got := pending(); !equalCounts(got, want) {
		t.Errorf("pending after two apologies = %v, want %v", got, want)
	}

	// Claimed marks leave the coalescing index: a change made while they
	// are being sent is marked afresh.
	claimed, err := db.ClaimOutbox(ctx, time.Now().Add(time.Hour), time.Minute, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(claimed) != 3 { // the update waits for its post
		t.Fatalf("claimed %d, want the post and two Homes", len(claimed))
	}
	if out := send("USUE", "On leave"); out != commands.ApologyUnchanged {
		t.Fatalf("same apology again: %v", out)
	}
	if got := pending(); !equalCounts(got, want) {
		t.Errorf("an unchanged apology marked something: %v", got)
	}
	if err := db.WithdrawApology(ctx, m, "USUE", "USUE", time.Time{}, nil); err != nil {
		t.Fatal(err)
	}
	want["home home:T1:UOFF"] = 2
	if got := pending(); !equalCounts(got, want) {
		t.Errorf("pending after a withdrawal = %v, want %v", got, want)
	}

	// While the officer's first mark is being sent, the newer one waits:
	// a Home built from older records must not land after a newer one.
	if again, err := db.ClaimOutbox(ctx, time.Now().Add(time.Hour), time.Minute, 10); err != nil || len(again) != 0 {
		t.Fatalf("claimed %d marks while their elders are being sent (%v)", len(again), err)
	}
	// Slack fails; the claimed marks are released for a retry. The
	// officer's has a newer mark beside it, which will send the records as
	// they are then: the old one is settled, not put back beside it.
	for _, c := range claimed {
		if err := db.OutboxRetry(ctx, c, time.Now(), "slack down"); err != nil {
			t.Fatalf("retry %s %s: %v", c.Kind, c.MessageKey, err)
		}
	}
	want["home home:T1:UOFF"] = 1
	if got := pending(); !equalCounts(got, want) {
		t.Errorf("pending after the retries = %v, want %v", got, want)
	}

	// An agenda change shows in every member's Home (the reports they
	// owe): Sue, who now has hers open, is marked with the rest; those
	// already marked and unclaimed coalesce.
	if err := db.HomeOpened(ctx, "T1", "USUE", time.Now(), ""); err != nil {
		t.Fatal(err)
	}
	it := commands.AgendaItem{MeetingID: m.ID, Number: "5", Title: "Any Other Business"}
	if err := db.ChangeAgenda(ctx, m.ID, []commands.AgendaChange{{Add: &it}}, "UOFF"); err != nil {
		t.Fatal(err)
	}
	want["home home:T1:USUE"] = 1
	want["home home:T1:UNEIL"] = 1 // released by its retry, it took this change too
	if got := pending(); !equalCounts(got, want) {
		t.Errorf("pending after an agenda change = %v, want %v", got, want)
	}
}

func equalCounts(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
