package commands_test

import (
	"context"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/quorumhq/quorum/commands"
)

// TestSample: the console's committee is set up once, from the seed pack:
// its members, its next meeting with the pack's agenda, and the minutes
// that /resolution finds.
func TestSample(t *testing.T) {
	k := newKit(t)
	ctx := context.Background()
	loaded, err := k.svc.LoadSampleWithPack(ctx, team, channel, k.now, commands.SamplePack)
	if err != nil || !loaded {
		t.Fatalf("LoadSampleWithPack: %v, %v", loaded, err)
	}
	trish := commands.SampleMembers[1].UserID
	wantShown(t, k.say(trish, "/committee members"), "*Safer Sefton Together* has 12 members:", "• Ian Barton — Sefton Council (officer)", "• Trish Hardy — Sefton Council (chair)")
	wantShown(t, k.say(trish, "/meeting list"), "• Thursday 10 December 2026, 10:00, Remote Meeting — 0 apologies")
	inOrder(t, k.say(trish, "/agenda"), "*1* Apologies for Absence", "*7.5* SWACA — _Neil Frackelton_", "*8* Date of Next Meeting")
	wantShown(t, k.say(trish, "/resolution 28"), "RESOLVED: "+rename)

	// Posting the sample agenda prompts the members whose registers match
	// an item, privately, and no one else.
	k.say(commands.SampleMembers[0].UserID, "/agenda post")
	prompted := map[string]string{}
	for _, m := range k.sent() {
		if m.Kind == commands.OutboxDM {
			prompted[m.UserID] += m.Reply.Text
		}
	}
	neil, kevin := commands.SampleMembers[3].UserID, commands.SampleMembers[10].UserID
	if len(prompted) != 2 || !strings.Contains(prompted[neil], "Item 7.5 (SWACA)") || !strings.Contains(prompted[kevin], "Chesterfield High School") {
		t.Errorf("prompts after posting the sample agenda: %v", prompted)
	}

	// Again: nothing changes.
	if loaded, err := k.svc.LoadSampleWithPack(ctx, team, channel, k.now, commands.SamplePack); err != nil || loaded {
		t.Errorf("a second load: %v, %v", loaded, err)
	}
	if loaded, err := commands.LoadSample(ctx, k.db, team, channel, k.now); err != nil || loaded {
		t.Errorf("LoadSample on a set-up channel: %v, %v", loaded, err)
	}
}

func TestSampleMembers(t *testing.T) {
	for _, tc := range []struct{ who, want string }{
		{"neil", "Neil Frackelton"}, {"@Trish", "Trish Hardy"}, {"kevin sexton", "Kevin Sexton"}, {"Marlow", "Jan Marlow"}, {"", ""}, {"nobody", ""},
		// A part of two names is neither: the console asks which.
		{"kev", ""}, {"@kevin", "Kevin Hollis"},
	} {
		m, ok := commands.FindSampleMember(tc.who)
		if m.Name != tc.want || ok != (tc.want != "") {
			t.Errorf("FindSampleMember(%q) = %q, %v; want %q", tc.who, m.Name, ok, tc.want)
		}
	}
	var dir commands.SampleDirectory
	name, err := dir.DisplayName(context.Background(), commands.SampleMembers[0].UserID)
	if diff := cmp.Diff(name, "Ian Barton"); diff != "" || err != nil {
		t.Errorf("DisplayName: %v (-got +want):\n%s", err, diff)
	}
	if _, err := dir.DisplayName(context.Background(), "UNOBODY"); !isNotFound(err) {
		t.Errorf("an unknown member: %v", err)
	}
}

// TestSampleMembersJoinAtItsTime: the sample committee loaded at a time
// of the console's choosing has every member, its officer too, added then,
// not at the database's today: the registers of interests fall due from
// it.
func TestSampleMembersJoinAtItsTime(t *testing.T) {
	k := newKit(t)
	ctx := context.Background()
	at := daysFromToday(-150)
	if loaded, err := commands.LoadSample(ctx, k.db, "TSAMPLE", "CSAMPLE", at); err != nil || !loaded {
		t.Fatalf("LoadSample: %v, %v", loaded, err)
	}
	c, err := k.db.CommitteeByChannel(ctx, "TSAMPLE", "CSAMPLE")
	if err != nil {
		t.Fatal(err)
	}
	ms, err := k.db.Members(ctx, c.ID)
	if err != nil || len(ms) != len(commands.SampleMembers) {
		t.Fatalf("members: %d, %v", len(ms), err)
	}
	for _, m := range ms {
		if !m.AddedAt.Equal(at) {
			t.Errorf("%s (%s) added at %v, want %v", m.Name, m.Role, m.AddedAt, at)
		}
	}
}
