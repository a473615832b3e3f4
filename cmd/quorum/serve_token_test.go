package main

import (
	"context"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/quorumhq/quorum/bot/fakeslack"
	"github.com/quorumhq/quorum/commands"
	"github.com/quorumhq/quorum/storage"
	"github.com/quorumhq/quorum/storage/pgtest"
)

// TestServeRefusesATokenSlackRefuses: a well-formed SLACK_BOT_TOKEN that
// Slack does not take (revoked, from another app) stops serve at once with
// one line naming it, before anything queued is tried with it: the message
// waiting stays pending for the start with the right token.
func TestServeRefusesATokenSlackRefuses(t *testing.T) {
	dsn, db := migratedDB(t)
	if _, err := db.Enqueue(context.Background(), commands.OutboxMessage{Kind: commands.OutboxPost, ChannelID: "C1",
		Reply: commands.Reply{Text: "the agenda"}, DueAt: time.Now()}); err != nil {
		t.Fatal(err)
	}
	for _, code := range []string{"invalid_auth", "token_revoked", "account_inactive"} {
		fake := fakeslack.New()
		for _, method := range []string{"auth.test", "chat.postMessage"} {
			fake.Fail(method, fakeslack.Fault{Error: code})
		}
		start := time.Now()
		err, _ := serveFor(t, 8*time.Second, map[string]string{
			"DATABASE_URL": dsn, "SLACK_BOT_TOKEN": "xoxb-1-from-another-app", "SLACK_SIGNING_SECRET": "secret",
			"SLACK_API_URL": fake.URL(), "LISTEN_ADDR": "127.0.0.1:0",
		})
		fake.Close()
		want := "SLACK_BOT_TOKEN is refused by Slack (" + code + "): put the app's current Bot User OAuth Token"
		if err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("%s: err = %v, want %q", code, err, want)
		}
		if took := time.Since(start); took > 5*time.Second {
			t.Errorf("%s: serve took %v to stop", code, took.Round(time.Second))
		}
		if n := len(fake.Calls("chat.postMessage")); n != 0 {
			t.Errorf("%s: %d posts tried with a token Slack refuses", code, n)
		}
	}
	if counts, err := db.OutboxCounts(context.Background()); err != nil || counts["pending"] != 1 {
		t.Errorf("outbox = %v %v, want the message still pending", counts, err)
	}
}

// migratedDB is a fresh database with Quorum's tables, for serve to start
// on with records already in it.
func migratedDB(t *testing.T) (string, *storage.DB) {
	t.Helper()
	dsn := pgtest.DSN(t)
	db, err := storage.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if err := db.Migrate(context.Background(), slog.New(slog.DiscardHandler)); err != nil {
		t.Fatal(err)
	}
	return dsn, db
}

// TestServeStartsWhenSlackIsAway: Slack not answering auth.test at start
// is logged, and serve starts anyway to take commands.
func TestServeStartsWhenSlackIsAway(t *testing.T) {
	err, logs := serveFor(t, 6*time.Second, map[string]string{
		"DATABASE_URL": pgtest.DSN(t), "SLACK_BOT_TOKEN": "xoxb-test", "SLACK_SIGNING_SECRET": "secret",
		"SLACK_API_URL": "http://127.0.0.1:1/api/", "LISTEN_ADDR": "127.0.0.1:0", "PUBLIC_URL": "https://quorum.example.org",
	})
	if err != nil {
		t.Errorf("serve: %v, want it to start and stop when told", err)
	}
	if !strings.Contains(logs, "could not ask Slack whether SLACK_BOT_TOKEN is good") || !strings.Contains(logs, "msg=serving") {
		t.Errorf("log lacks the warning or the start:\n%s", logs)
	}
}

// TestServeSaysWhenTheTokenIsOfAnotherWorkspace: a good bot token of a
// workspace where no committee is (a test install's, say) would have every
// post refused; serve says so at start, naming the workspaces, and starts.
// A token of the committees' workspace is not warned about.
func TestServeSaysWhenTheTokenIsOfAnotherWorkspace(t *testing.T) {
	dsn, db := migratedDB(t)
	if _, err := db.CreateCommittee(context.Background(), commands.Committee{Name: "Safer Sefton Together", TeamID: "T2", ChannelID: "C1"},
		commands.Member{UserID: "UIAN", Name: "Ian Barton"}); err != nil {
		t.Fatal(err)
	}
	const warning = "SLACK_BOT_TOKEN is the bot's in a workspace where no committee is"
	// The fake Slack's token is of workspace T1.
	for _, warn := range []bool{true, false} {
		if !warn {
			if _, err := db.CreateCommittee(context.Background(), commands.Committee{Name: "Bootle Partnership", TeamID: "T1", ChannelID: "C9"},
				commands.Member{UserID: "UIAN", Name: "Ian Barton"}); err != nil {
				t.Fatal(err)
			}
		}
		fake := fakeslack.New()
		err, logs := serveFor(t, 6*time.Second, map[string]string{
			"DATABASE_URL": dsn, "SLACK_BOT_TOKEN": "xoxb-test", "SLACK_SIGNING_SECRET": "secret",
			"SLACK_API_URL": fake.URL(), "LISTEN_ADDR": "127.0.0.1:0", "PUBLIC_URL": "https://quorum.example.org",
		})
		fake.Close()
		if err != nil {
			t.Errorf("serve: %v, want it to start", err)
		}
		if got := strings.Contains(logs, warning); got != warn {
			t.Errorf("warned %v, want %v:\n%s", got, warn, logs)
		}
		if warn && !strings.Contains(logs, "committee_team_ids=T2") {
			t.Errorf("the warning does not name the committees' workspace:\n%s", logs)
		}
	}
}
