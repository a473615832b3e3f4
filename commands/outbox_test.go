package commands_test

import (
	"context"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/quorumhq/quorum/commands"
)

// TestOutboxFailureTellsOfficers: a message Slack would not take is
// reported to the committee's officers by direct message, saying what and
// why; a notice that fails is not reported in turn.
func TestOutboxFailureTellsOfficers(t *testing.T) {
	k := meetingKit(t)
	k.must(ian, "/committee member add <@UGRAEME> Merseyside Police officer")
	k.sent() // Graeme told he is an officer
	k.must(ian, "/agenda post")
	posts := k.sent()
	if len(posts) != 1 {
		t.Fatalf("sent %d messages, want the agenda", len(posts))
	}
	ctx := context.Background()
	if err := k.svc.NotifyOutboxFailure(ctx, posts[0], "not_in_channel <!channel>", k.now); err != nil {
		t.Fatal(err)
	}
	notices := k.sent()
	var to []string
	for _, n := range notices {
		to = append(to, string(n.Kind)+" "+n.UserID)
	}
	if diff := cmp.Diff(to, []string{"dm UGRAEME", "dm UIAN"}); diff != "" {
		t.Fatalf("notices (-got +want):\n%s", diff)
	}
	if diff := cmp.Diff(notices[0].Reply.Text, "I could not send a message to <#C1> for *Safer Sefton Together*, and have stopped trying.\n"+
		"Slack said: `not_in_channel &lt;!channel&gt;`\nThe message began: Agenda — Safer Sefton Together. Thursday 10 December 2026, 10:00 (Europe/London time)\n"+
		"Check that Quorum is in the channel, then send it again (for an agenda: `/agenda post`)."); diff != "" {
		t.Errorf("notice (-got +want):\n%s", diff)
	}

	// A failed update and a failed direct message say so; the header, or
	// else the first line, says which message.
	for _, tc := range []struct {
		msg  commands.OutboxMessage
		want string
	}{
		{commands.OutboxMessage{ID: 90, CommitteeID: k.committee().ID, Kind: commands.OutboxUpdate, ChannelID: channel, Reply: commands.Reply{Header: "A <b> header"}},
			"I could not send an update to a message in <#C1>"},
		{commands.OutboxMessage{ID: 91, CommitteeID: k.committee().ID, Kind: commands.OutboxDM, UserID: neil, Reply: commands.Reply{Text: "First line\nsecond"}},
			"I could not send a direct message to <@UNEIL>"},
	} {
		if err := k.svc.NotifyOutboxFailure(ctx, tc.msg, strings.Repeat("e", 400), k.now); err != nil {
			t.Fatal(err)
		}
		sent := k.sent()
		if len(sent) != 2 || !strings.Contains(sent[0].Reply.Text, tc.want) || !strings.Contains(sent[0].Reply.Text, strings.Repeat("e", 299)+"…`") {
			t.Errorf("notices %+v, want two saying %q", sent, tc.want)
		}
	}

	// Notices are not reported, nor messages of no committee, nor Homes
	// (a view, rebuilt when opened: there is nothing to send again).
	home := commands.OutboxMessage{ID: 92, CommitteeID: k.committee().ID, Kind: commands.OutboxHome, TeamID: team, UserID: neil}
	for _, m := range []commands.OutboxMessage{notices[0], {Kind: commands.OutboxDM, UserID: neil}, home} {
		if err := k.svc.NotifyOutboxFailure(ctx, m, "account_inactive", k.now); err != nil {
			t.Fatal(err)
		}
	}
	if sent := k.sent(); len(sent) != 0 {
		t.Errorf("notices about notices: %+v", sent)
	}
}
