package bot_test

import (
	"strings"
	"testing"
)

// TestEnteredForIsPostedToTheMember: apologies and a declaration the
// officer enters for Neil reach Neil as direct messages in Slack, naming
// the officer; Neil's own apologies send him none.
func TestEnteredForIsPostedToTheMember(t *testing.T) {
	k, _ := agendaCommittee(t)
	wantText(t, k.Must(officer, "/apologies", "for <@"+neil+"> Attending an incident"), "They are told by direct message.")
	wantText(t, k.Must(officer, "/declare", "for <@"+neil+"> 4 personal Wife works for Probation"), "They are told by direct message.")
	k.Drain()
	dms := k.Slack.Messages("D" + neil)
	if len(dms) != 2 {
		t.Fatalf("Neil has %d direct messages, want 2: %+v", len(dms), dms)
	}
	for i, want := range []string{
		"<@" + officer + "> recorded your apologies for the meeting of *Safer Sefton Together* on Thursday 10 December 2026, 10:00, Remote Meeting: Attending an incident.",
		"<@" + officer + "> declared a personal interest for you in Item 4",
	} {
		if !strings.Contains(dms[i].Text, want) {
			t.Errorf("Neil's message %d:\n%s\nwant it to contain %q", i+1, dms[i].Text, want)
		}
	}

	k.Must(graeme, "/apologies", "Unwell")
	k.Drain()
	if dms := k.Slack.Messages("D" + graeme); len(dms) != 0 {
		t.Errorf("Graeme is told of his own apologies: %+v", dms)
	}
}
