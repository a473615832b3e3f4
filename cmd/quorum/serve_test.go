package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"runtime/debug"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/slack-go/slack"

	"github.com/quorumhq/quorum/bot/fakeslack"
	"github.com/quorumhq/quorum/storage/pgtest"
)

// syncBuffer is a log written by serve while the test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestServeInSocketMode runs `quorum serve` with SLACK_APP_TOKEN set and no
// signing secret: it connects to (fake) Slack over Socket Mode, answers a
// slash command there, reports the connection on /healthz, and stops
// cleanly when told to (as on SIGTERM).
func TestServeInSocketMode(t *testing.T) {
	fake := fakeslack.New()
	defer fake.Close()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	getenv := env(map[string]string{
		"DATABASE_URL": pgtest.DSN(t), "SLACK_BOT_TOKEN": "xoxb-test", "SLACK_APP_TOKEN": "xapp-1-test",
		"SLACK_API_URL": fake.URL(), "LISTEN_ADDR": addr, "LOG_LEVEL": "info",
	})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var logs syncBuffer
	done := make(chan error, 1)
	go func() { done <- run(ctx, []string{"serve"}, nil, io.Discard, &logs, getenv) }()

	if err := fake.Socket.WaitConnections(1, 30*time.Second); err != nil {
		t.Fatalf("%v\n%s", err, logs.String())
	}
	id, err := fake.Socket.Send("slash_commands", slack.SlashCommand{
		TeamID: "T1", ChannelID: "C1", UserID: "UIAN", UserName: "ian", Command: "/committee", Text: "setup Safer Sefton Together",
	})
	if err != nil {
		t.Fatal(err)
	}
	ack, err := fake.Socket.Ack(id, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	var msg struct{ Text, ResponseType string }
	_ = json.Unmarshal(ack, &msg)
	if !strings.Contains(msg.Text, "is now the channel of *Safer Sefton Together*") {
		t.Errorf("acknowledgement = %s", ack)
	}
	if n := len(fake.Calls("apps.connections.open")); n != 1 {
		t.Errorf("apps.connections.open called %d times", n)
	}

	resp, err := http.Get("http://" + addr + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || string(body) != "ok\nsocket: connected\n" {
		t.Errorf("/healthz = %d %q", resp.StatusCode, body)
	}

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve stopped with %v", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not stop within 15s of being told to")
	}
	if !strings.Contains(logs.String(), "stopped") {
		t.Errorf("serve did not say it stopped:\n%s", logs.String())
	}
	if strings.Contains(logs.String(), "xapp-1-test") || strings.Contains(logs.String(), "xoxb-test") {
		t.Error("a token was logged")
	}
}

// TestServeRefusesABadAppToken: Slack refusing the app token stops serve
// with an error rather than retrying for ever.
func TestServeRefusesABadAppToken(t *testing.T) {
	fake := fakeslack.New()
	defer fake.Close()
	fake.Fail("apps.connections.open", fakeslack.Fault{Error: "invalid_auth"})
	getenv := env(map[string]string{
		"DATABASE_URL": pgtest.DSN(t), "SLACK_BOT_TOKEN": "xoxb-test", "SLACK_APP_TOKEN": "xapp-1-test",
		"SLACK_API_URL": fake.URL(), "LISTEN_ADDR": "127.0.0.1:0",
	})
	var logs syncBuffer
	done := make(chan error, 1)
	go func() { done <- run(context.Background(), []string{"serve"}, nil, io.Discard, &logs, getenv) }()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "invalid_auth") {
			t.Errorf("serve with a refused token: %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("serve kept going with a refused app token")
	}
}

func TestServeRefusesABadPublicURL(t *testing.T) {
	getenv := env(map[string]string{"DATABASE_URL": "postgres://x", "SLACK_BOT_TOKEN": "xoxb-test", "SLACK_APP_TOKEN": "xapp-1-test", "PUBLIC_URL": "javascript:alert(1)"})
	err := run(context.Background(), []string{"serve"}, nil, io.Discard, io.Discard, getenv)
	if err == nil || !strings.Contains(err.Error(), "PUBLIC_URL") {
		t.Errorf("serve with a bad PUBLIC_URL: %v", err)
	}
}

// TestServeMemoryLimit: serve runs under its soft memory limit, unless
// GOMEMLIMIT gives one of its own, which the runtime has applied and serve
// leaves alone.
func TestServeMemoryLimit(t *testing.T) {
	was := debug.SetMemoryLimit(-1)
	t.Cleanup(func() { debug.SetMemoryLimit(was) })
	limitServeMemory(func(string) string { return "" })
	if got := debug.SetMemoryLimit(-1); got != serveMemoryLimit {
		t.Errorf("memory limit %d, want %d", got, serveMemoryLimit)
	}
	debug.SetMemoryLimit(was)
	limitServeMemory(func(k string) string {
		if k == "GOMEMLIMIT" {
			return "off"
		}
		return ""
	})
	if got := debug.SetMemoryLimit(-1); got != was {
		t.Errorf("memory limit %d with GOMEMLIMIT set, want the runtime's %d", got, was)
	}
}

// TestVerbsTakeNoArguments: serve, console and migrate refuse a word after
// them, saying what they take instead, rather than run as if it were
// obeyed: "quorum serve :9090" listening on :8080, "quorum migrate down"
// migrating up.
func TestVerbsTakeNoArguments(t *testing.T) {
	dsn := pgtest.DSN(t) // so that a console that ran would not make a private database
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"serve", ":9090"}, `serve takes no arguments (got ":9090"): it is configured by the environment (LISTEN_ADDR for the address`},
		{[]string{"migrate", "down"}, `migrate takes no arguments (got "down"): it brings the schema up to date, and cannot go back`},
		{[]string{"console", "x"}, `console takes no arguments (got "x")`},
	} {
		_, stderr, err := quorum(t, dsn, tc.args...)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v: err = %v, want %q", tc.args, err, tc.want)
		}
		if !strings.Contains(stderr, "Usage: quorum "+tc.args[0]) {
			t.Errorf("%v: no usage on stderr:\n%s", tc.args, stderr)
		}
	}
}

// TestFlagSlipsAreNamed: a flag mistyped is answered with the flag it may
// be a slip of, a flag with its value missing with what the value is, and
// a flag given to a verb that takes none says so: in quorum's words, after
// the usage, not the flag package's "flag provided but not defined".
func TestFlagSlipsAreNamed(t *testing.T) {
	dsn := pgtest.DSN(t)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"import", "minutes", seedPack, "--comittee", "X"}, "import minutes has no flag --comittee: did you mean --committee?"},
		{[]string{"import", "minutes", seedPack, "--dry"}, "import minutes has no flag --dry: did you mean --dry-run?"},
		{[]string{"export", "history", "--committee", "X", "--sinse", "2026-01-01"}, "export history has no flag --sinse: did you mean --since?"},
		{[]string{"export", "minutes", "--dat", "2026-12-10"}, "export minutes has no flag --dat: did you mean --date?"},
		{[]string{"import", "agenda", seedPack, "--channel", "C1"}, "import agenda has no flag --channel: its flags are listed above"},
		{[]string{"import", "minutes", seedPack, "--committee"}, "import minutes: --committee needs its NAME after it: --committee NAME"},
		{[]string{"serve", "--listen", ":9090"}, "serve takes no flags (--listen given)"},
		{[]string{"migrate", "--down"}, "migrate takes no flags (--down given)"},
	} {
		_, stderr, err := quorum(t, dsn, tc.args...)
		if err == nil || err.Error() != tc.want {
			t.Errorf("%v: err = %v, want %q", tc.args, err, tc.want)
		}
		if strings.Contains(stderr, "not defined") || strings.Contains(stderr, "needs an argument") || !strings.Contains(stderr, "Usage: quorum "+tc.args[0]) {
			t.Errorf("%v: stderr should hold the usage alone:\n%s", tc.args, stderr)
		}
	}
}
