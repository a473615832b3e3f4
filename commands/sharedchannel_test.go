package commands_test

import (
	"context"
	"testing"

	"github.com/quorumhq/quorum/commands"
)

// TestSetupInAChannelSharedWithAnotherWorkspace: a channel shared between
// workspaces keeps its ID in each. Someone of the other workspace who sets
// up a committee there is refused, naming the committee the channel has,
// and nothing is made: no second committee posting its agendas into the
// first's channel, and no audit of a setup that did not happen.
func TestSetupInAChannelSharedWithAnotherWorkspace(t *testing.T) {
	k := committeeKit(t)
	r, err := k.svc.Run(context.Background(), commands.Request{
		Command: "/committee", Text: "setup Hijacked Board", TeamID: "T2", ChannelID: channel, UserID: stranger, Now: k.now,
	})
	if err != nil {
		t.Fatal(err)
	}
	want := "This channel already belongs to Safer Sefton Together, set up in another Slack workspace that shares the channel. A committee needs a channel of its own: set this one up in another channel."
	if !r.Refused || r.Text != want {
		t.Errorf("setup from the other workspace: refused=%v %q, want %q", r.Refused, r.Text, want)
	}
	if _, err := k.db.CommitteeByChannel(context.Background(), "T2", channel); !isNotFound(err) {
		t.Errorf("the other workspace has a committee in the channel: %v", err)
	}
	var committees, setups int
	if err := k.db.SQL().QueryRow(`SELECT count(*) FROM committees`).Scan(&committees); err != nil {
		t.Fatal(err)
	}
	if err := k.db.SQL().QueryRow(`SELECT count(*) FROM audit_log WHERE action = 'committee.setup'`).Scan(&setups); err != nil {
		t.Fatal(err)
	}
	if committees != 1 || setups != 1 {
		t.Errorf("%d committees and %d setups on record, want the one", committees, setups)
	}
	// In a channel of its own, the other workspace sets up its committee.
	r, err = k.svc.Run(context.Background(), commands.Request{
		Command: "/committee", Text: "setup Hijacked Board", TeamID: "T2", ChannelID: "C2", UserID: stranger, Now: k.now,
	})
	if err != nil || r.Refused {
		t.Errorf("setup in a channel of its own: %v %q", err, r.Text)
	}
}
