package storage_test

import (
	"context"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/quorumhq/quorum/commands"
	"github.com/quorumhq/quorum/storage/pgtest"
)

func TestHomeQueries(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	safer := setupCommittee(t, db)
	other, err := db.CreateCommittee(ctx, commands.Committee{Name: "Audit Board", TeamID: "T1", ChannelID: "C2"}, commands.Member{UserID: "UOFF", Name: "Ian Barton"})
	if err != nil {
		t.Fatal(err)
	}
	elsewhere, err := db.CreateCommittee(ctx, commands.Committee{Name: "Wirral Board", TeamID: "T2", ChannelID: "C9"}, commands.Member{UserID: "UOFF", Name: "Ian Barton"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.PutMember(ctx, commands.Member{CommitteeID: safer.ID, UserID: "UNEIL", Name: "Neil Frackelton", Organisation: "SWACA", Role: commands.RoleMember}, "UOFF"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.PutMember(ctx, commands.Member{CommitteeID: other.ID, UserID: "UNEIL", Name: "Neil Frackelton", Organisation: "SWACA", Role: commands.RoleChair}, "UOFF"); err != nil {
		t.Fatal(err)
	}
	if err := db.RemoveMember(ctx, other.ID, "UNEIL", "UOFF"); err != nil {
		t.Fatal(err)
	}

	names := func(ms []commands.Membership) []string {
		var out []string
		for _, m := range ms {
			out = append(out, m.Committee.Name+"/"+string(m.Member.Role))
		}
		return out
	}
	got, err := db.Memberships(ctx, "T1", "UOFF")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(names(got), []string{"Audit Board/officer", "Safer Sefton Together/officer"}); diff != "" {
		t.Errorf("officer's memberships in T1 (-got +want):\n%s", diff)
	}
	if got, _ := db.Memberships(ctx, "", "UOFF"); len(got) != 3 {
		t.Errorf("memberships in any team = %v, want all three", names(got))
	}
	got, err = db.Memberships(ctx, "T1", "UNEIL")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(names(got), []string{"Safer Sefton Together/member"}); diff != "" {
		t.Errorf("a removed membership still counts (-got +want):\n%s", diff)
	}
	if got[0].Member.Organisation != "SWACA" || got[0].Member.Name != "Neil Frackelton" || got[0].Committee.TimeZone != "Europe/London" {
		t.Errorf("membership = %+v", got[0])
	}

	london, _ := time.LoadLocation("Europe/London")
	now := time.Date(2026, 11, 23, 12, 0, 0, 0, london)
	schedule := func(c commands.Committee, day int) commands.Meeting {
		m, err := db.ScheduleMeeting(ctx, commands.Meeting{CommitteeID: c.ID, StartsAt: time.Date(2026, 12, day, 10, 0, 0, 0, london), Venue: "Remote"}, "UOFF")
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	schedule(safer, 20)
	first := schedule(safer, 10)
	cancelled := schedule(other, 1)
	if err := db.SetMeetingStatus(ctx, cancelled.ID, commands.MeetingCancelled, "UOFF"); err != nil {
		t.Fatal(err)
	}
	second := schedule(other, 3)
	schedule(elsewhere, 2)
	if _, err := db.SendApology(ctx, commands.Apology{MeetingID: first.ID, UserID: "UNEIL", Name: "Neil Frackelton", Reason: "Unwell", By: "UNEIL"}); err != nil {
		t.Fatal(err)
	}

	next, err := db.NextMeetings(ctx, []int64{safer.ID, other.ID}, now)
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, m := range next {
		ids = append(ids, m.ID)
	}
	if diff := cmp.Diff(ids, []int64{first.ID, second.ID}); diff != "" {
		t.Errorf("next meetings (-got +want):\n%s", diff)
	}
	if next[0].Apologies != 1 {
		t.Errorf("apologies counted = %d, want 1", next[0].Apologies)
	}

	as, err := db.MemberApologies(ctx, "UNEIL", []int64{first.ID, second.ID})
	if err != nil {
		t.Fatal(err)
	}
	if len(as) != 1 || as[0].MeetingID != first.ID || as[0].Reason != "Unwell" {
		t.Errorf("Neil's apologies = %+v", as)
	}
	if err := db.WithdrawApology(ctx, first.ID, "UNEIL", "UNEIL"); err != nil {
		t.Fatal(err)
	}
	if as, _ := db.MemberApologies(ctx, "UNEIL", []int64{first.ID}); len(as) != 0 {
		t.Errorf("a withdrawn apology still stands: %+v", as)
	}
	if as, err := db.MemberApologies(ctx, "UNEIL", nil); err != nil || len(as) != 0 {
		t.Errorf("no meetings: %v %v", as, err)
	}
}
