package main

import (
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/quorumhq/quorum/storage/pgtest"
)

// serveFor runs serve with vars as its environment, as an operator would
// start it, for at most limit, and returns its error and its log.
func serveFor(t *testing.T, limit time.Duration, vars map[string]string) (error, string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	var logs syncBuffer
	err := run(ctx, []string{"serve"}, nil, io.Discard, &logs, env(vars))
	return err, logs.String()
}

// TestServeRefusesAnUnreadableDatabaseURL: a DATABASE_URL that cannot be
// read stops serve at once with one line naming it and how to write it,
// rather than a minute of retries each logging lib/pq's message, which
// quoted the whole string, password and all.
func TestServeRefusesAnUnreadableDatabaseURL(t *testing.T) {
	for _, tc := range []struct{ dsn, want string }{
		{"mysql://quorum:s3cretpw@db/quorum", "DATABASE_URL mysql://quorum:xxxxx@db/quorum begins mysql://: a PostgreSQL URL begins postgres://"},
		{"postgres://quorum:s3c%retpw@db/quorum", "DATABASE_URL postgres://quorum:xxxxx@db/quorum cannot be read (not a valid URL): write it as postgres://"},
		{"host=db user=quorum password=s3cretpw sslmode=bogus", `cannot be read (wrong value for "sslmode": "bogus" is not supported`},
		// A space in a password not quoted: lib/pq reads the rest as a
		// setting of its own.
		{"host=db user=quorum password=ab s3cretpw dbname=quorum", `DATABASE_URL host=db user=quorum password=xxxxx … dbname=quorum cannot be read (missing "=" after "…" in connection info string)`},
	} {
		start := time.Now()
		err, logs := serveFor(t, 10*time.Second, map[string]string{
			"DATABASE_URL": tc.dsn, "SLACK_BOT_TOKEN": "xoxb-test", "SLACK_SIGNING_SECRET": "secret", "LISTEN_ADDR": "127.0.0.1:0",
		})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("DATABASE_URL=%s: err = %v, want %q", tc.dsn, err, tc.want)
		}
		if took := time.Since(start); took > 3*time.Second {
			t.Errorf("DATABASE_URL=%s: serve took %v to give up on a string no wait will mend", tc.dsn, took.Round(time.Second))
		}
		if strings.Contains(logs+"\n"+errString(err), "s3c") {
			t.Errorf("DATABASE_URL=%s: the password was shown:\n%s\n%v", tc.dsn, logs, err)
		}
	}
}

// TestServeStopsWhenTheDatabaseRefusesIt: a database that answers and
// refuses the connection (a user or database that does not exist, a wrong
// password) stops serve at once naming DATABASE_URL; only a database not
// answering yet is waited for.
func TestServeStopsWhenTheDatabaseRefusesIt(t *testing.T) {
	dsn := pgtest.DSN(t)
	for _, wrong := range []struct{ key, value, want string }{
		{"dbname", "no_such_database", `database "no_such_database" does not exist`},
		{"user", "no_such_role", `role "no_such_role" does not exist`},
	} {
		bad := withSetting(t, dsn, wrong.key, wrong.value)
		start := time.Now()
		err, _ := serveFor(t, 20*time.Second, map[string]string{
			"DATABASE_URL": bad, "SLACK_BOT_TOKEN": "xoxb-test", "SLACK_SIGNING_SECRET": "secret", "LISTEN_ADDR": "127.0.0.1:0",
		})
		if err == nil || !strings.HasPrefix(err.Error(), "DATABASE_URL: PostgreSQL answered and refused it") || !strings.Contains(err.Error(), wrong.want) {
			t.Errorf("%s=%s: err = %v", wrong.key, wrong.value, err)
		}
		if took := time.Since(start); took > 5*time.Second {
			t.Errorf("%s=%s: serve took %v to give up", wrong.key, wrong.value, took.Round(time.Second))
		}
	}
}

// TestServeNamesLISTEN_ADDRInUse: a second serve started on an address in
// use stops at once saying which variable to change, before it waits for
// the database or migrates it.
func TestServeNamesLISTEN_ADDRInUse(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	addr := ln.Addr().String()
	for _, tc := range []struct{ addr, want string }{
		{addr, "LISTEN_ADDR " + addr + " is in use (another quorum serve, or another program, listens there): stop it, or set LISTEN_ADDR to a free address"},
		{"8080", `LISTEN_ADDR "8080": listen tcp: address 8080: missing port in address: give a host and port, e.g. :8080`},
	} {
		start := time.Now()
		// A database that does not answer: serve would wait a minute for
		// it if it tried it before its address.
		err, logs := serveFor(t, 10*time.Second, map[string]string{
			"DATABASE_URL": "host=127.0.0.1 port=1 dbname=quorum sslmode=disable", "SLACK_BOT_TOKEN": "xoxb-test",
			"SLACK_SIGNING_SECRET": "secret", "LISTEN_ADDR": tc.addr,
		})
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("LISTEN_ADDR=%s: err = %v, want %q", tc.addr, err, tc.want)
		}
		if took := time.Since(start); took > 3*time.Second || strings.Contains(logs, "database not reachable") {
			t.Errorf("LISTEN_ADDR=%s: serve waited for the database (%v) before finding its address taken:\n%s", tc.addr, took.Round(time.Second), logs)
		}
	}
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// withSetting sets key in a key=value DSN or a URL's user or path.
func withSetting(t *testing.T, dsn, key, value string) string {
	t.Helper()
	if strings.Contains(dsn, "://") {
		t.Fatalf("pgtest gave a URL, %s; the test reads key=value settings", dsn)
	}
	var out []string
	for _, f := range strings.Fields(dsn) {
		if !strings.HasPrefix(f, key+"=") {
			out = append(out, f)
		}
	}
	return strings.Join(append(out, key+"="+value), " ")
}

// TestServeRefusesSlackCredentialsInTheWrongPlace: the placeholders of
// .env.example left in, a token swapped into the other variable, and a
// PUBLIC_URL without its scheme stop serve with a line naming the variable
// and what to put there, rather than a serve that starts and fails every
// post and every request.
func TestServeRefusesSlackCredentialsInTheWrongPlace(t *testing.T) {
	example, err := os.ReadFile("../../.env.example")
	if err != nil {
		t.Fatal(err)
	}
	placeholder := func(key string) string {
		m := regexp.MustCompile(`(?m)^` + key + `=(\S+)$`).FindSubmatch(example)
		if m == nil {
			t.Fatalf(".env.example gives no %s", key)
		}
		return string(m[1])
	}
	for _, tc := range []struct {
		vars map[string]string
		want string
	}{
		{map[string]string{"SLACK_BOT_TOKEN": placeholder("SLACK_BOT_TOKEN"), "SLACK_SIGNING_SECRET": "8f742231b10e8888abcd99aabbcc85a5"},
			"SLACK_BOT_TOKEN is still the placeholder of .env.example: put the app's Bot User OAuth Token (xoxb-…, under OAuth & Permissions)"},
		{map[string]string{"SLACK_BOT_TOKEN": "xoxb-1-real", "SLACK_SIGNING_SECRET": placeholder("SLACK_SIGNING_SECRET")},
			"SLACK_SIGNING_SECRET is still the placeholder of .env.example: put the app's Signing Secret (under Basic Information → App Credentials)"},
		{map[string]string{"SLACK_BOT_TOKEN": "xapp-1-A1-2-abc", "SLACK_SIGNING_SECRET": "8f742231b10e8888abcd99aabbcc85a5"},
			"SLACK_BOT_TOKEN holds an app-level token (xapp-…), which belongs in SLACK_APP_TOKEN"},
		{map[string]string{"SLACK_BOT_TOKEN": "8f742231b10e8888abcd99aabbcc85a5", "SLACK_SIGNING_SECRET": "xoxb-1-real"},
			"SLACK_BOT_TOKEN is not a bot token (those begin xoxb-)"},
		{map[string]string{"SLACK_BOT_TOKEN": "xoxb-1-real", "SLACK_SIGNING_SECRET": "xoxb-1-real"},
			"SLACK_SIGNING_SECRET holds a token, not the signing secret"},
		{map[string]string{"SLACK_BOT_TOKEN": "xoxb-1-real", "SLACK_SIGNING_SECRET": "secret", "PUBLIC_URL": "quorum.council.gov.uk"},
			`PUBLIC_URL "quorum.council.gov.uk" has no scheme: write it as people open it, https://quorum.council.gov.uk`},
		// Socket Mode: the placeholder is refused, saying it may be left out.
		{map[string]string{"SLACK_BOT_TOKEN": "xoxb-1-real", "SLACK_APP_TOKEN": "xapp-1-A1-2-abc", "SLACK_SIGNING_SECRET": placeholder("SLACK_SIGNING_SECRET")},
			"SLACK_SIGNING_SECRET is still the placeholder of .env.example, which anyone could sign requests to the HTTP routes with: put the app's Signing Secret (under Basic Information → App Credentials), or leave SLACK_SIGNING_SECRET out when using SLACK_APP_TOKEN"},
	} {
		// A database that does not answer: a serve that let these through
		// would wait for it rather than stop.
		tc.vars["DATABASE_URL"] = "host=127.0.0.1 port=1 dbname=quorum sslmode=disable"
		tc.vars["LISTEN_ADDR"] = "127.0.0.1:0"
		err, _ := serveFor(t, 5*time.Second, tc.vars)
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%v: err = %v, want %q", tc.vars, err, tc.want)
		}
	}
}

// TestServeTakesARotatingBotToken: a bot token with token rotation on
// (xoxe.xoxb-…) is a bot token: serve starts with it (here, to wait for a
// database not answering), not refused as no bot token.
func TestServeTakesARotatingBotToken(t *testing.T) {
	err, logs := serveFor(t, 2*time.Second, map[string]string{
		"DATABASE_URL": "host=127.0.0.1 port=1 dbname=quorum sslmode=disable", "SLACK_BOT_TOKEN": "xoxe.xoxb-1-rotating",
		"SLACK_SIGNING_SECRET": "8f742231b10e8888abcd99aabbcc85a5", "LISTEN_ADDR": "127.0.0.1:0",
	})
	if err != nil && strings.Contains(err.Error(), "SLACK_BOT_TOKEN") || !strings.Contains(logs, "database not reachable") {
		t.Errorf("serve with a rotating bot token: %v\n%s", err, logs)
	}
}

// TestServeSaysWhatItLeavesOutWithoutPublicURL: PUBLIC_URL is optional,
// and serve without it starts, saying in its log which links it leaves out
// and what to set; with it, it says nothing of the kind.
func TestServeSaysWhatItLeavesOutWithoutPublicURL(t *testing.T) {
	dsn := pgtest.DSN(t)
	for _, publicURL := range []string{"", "https://quorum.council.gov.uk"} {
		addrs := make(chan net.Addr, 1)
		old := listening
		listening = func(a net.Addr) { addrs <- a }
		ctx, cancel := context.WithCancel(context.Background())
		var logs syncBuffer
		done := make(chan error, 1)
		go func() {
			done <- run(ctx, []string{"serve"}, nil, io.Discard, &logs, env(map[string]string{
				"DATABASE_URL": dsn, "SLACK_BOT_TOKEN": "xoxb-test", "SLACK_SIGNING_SECRET": "secret",
				"SLACK_API_URL": "http://127.0.0.1:1/api/", "LISTEN_ADDR": "127.0.0.1:0", "PUBLIC_URL": publicURL,
			}))
		}()
		select {
		case <-addrs:
		case err := <-done:
			t.Fatalf("serve stopped: %v\n%s", err, logs.String())
		case <-time.After(30 * time.Second):
			t.Fatalf("serve did not start:\n%s", logs.String())
		}
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
		listening = old
		said := strings.Contains(logs.String(), "PUBLIC_URL is not set: /meeting list shows the calendar feed as a path without its address")
		if said != (publicURL == "") {
			t.Errorf("PUBLIC_URL=%q: serve said it was not set: %v\n%s", publicURL, said, logs.String())
		}
	}
}

// TestMigrateTwiceSaysWhatItDid: quorum migrate on an empty database says
// how many migrations it applied; run again it says that nothing was to
// do, in words unlike the first run's, and applies nothing.
func TestMigrateTwiceSaysWhatItDid(t *testing.T) {
	dsn := pgtest.EmptyDSN(t)
	_, first, err := quorum(t, dsn, "migrate")
	if err != nil {
		t.Fatalf("migrate: %v\n%s", err, first)
	}
	if !regexp.MustCompile(`msg="schema is up to date" applied=[1-9]\d*\n$`).MatchString(first) {
		t.Errorf("first migrate did not say how many it applied:\n%s", first)
	}
	_, second, err := quorum(t, dsn, "migrate")
	if err != nil {
		t.Fatalf("migrate again: %v\n%s", err, second)
	}
	if strings.Contains(second, "msg=migrated") || !strings.HasSuffix(second, `msg="schema was already up to date: nothing applied"`+"\n") {
		t.Errorf("second migrate:\n%s", second)
	}
}

// TestServeHelpListsItsEnvironment: serve takes no flags, so its -h says
// what it reads from the environment, each variable the README's
// Configuration table gives it, rather than a usage line alone.
func TestServeHelpListsItsEnvironment(t *testing.T) {
	var out, errOut strings.Builder
	run(context.Background(), []string{"serve", "-h"}, nil, &out, &errOut, env(nil))
	for _, v := range []string{"DATABASE_URL", "SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN", "PUBLIC_URL", "LISTEN_ADDR", "LOG_LEVEL", "SLACK_API_URL", "GOMEMLIMIT"} {
		if !regexp.MustCompile(`(?m)^  ` + v + ` +\S`).MatchString(errOut.String()) {
			t.Errorf("serve -h does not list %s:\n%s", v, errOut.String())
		}
	}
}

// TestToolsNameDATABASE_URLWhenRefused: migrate, import and export told
// by PostgreSQL that the database or user does not exist say, as serve
// does, that DATABASE_URL is what to check.
func TestToolsNameDATABASE_URLWhenRefused(t *testing.T) {
	bad := withSetting(t, pgtest.DSN(t), "dbname", "no_such_database")
	for _, args := range [][]string{
		{"migrate"},
		{"export", "history", "--committee", "Safer Sefton Together", "--csv"},
		{"import", "agenda", seedPack},
	} {
		_, _, err := quorum(t, bad, args...)
		if err == nil || !strings.Contains(err.Error(), "DATABASE_URL: PostgreSQL answered and refused it, which waiting will not change: check the user, password and database name in DATABASE_URL") || !strings.Contains(err.Error(), `database "no_such_database" does not exist`) {
			t.Errorf("%v: err = %v", args, err)
		}
	}
}

// TestServeAnswersWhileItWaitsForTheDatabase: while serve waits for a
// database not answering yet, its address answers at once: a Slack
// request and /readyz that it is starting (503), /healthz that it runs;
// not held unanswered, for Slack to give up on a command it would then
// carry out once serve began.
func TestServeAnswersWhileItWaitsForTheDatabase(t *testing.T) {
	free, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := free.Addr().String()
	free.Close()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"serve"}, nil, io.Discard, io.Discard, env(map[string]string{
			"DATABASE_URL": "host=127.0.0.1 port=1 dbname=quorum sslmode=disable", "SLACK_BOT_TOKEN": "xoxb-test",
			"SLACK_SIGNING_SECRET": "secret", "LISTEN_ADDR": addr,
		}))
	}()
	defer func() { cancel(); <-done }()
	client := &http.Client{Timeout: time.Second}
	get := func(method, path string) (int, error) {
		req, _ := http.NewRequest(method, "http://"+addr+path, strings.NewReader("token=x"))
		resp, err := client.Do(req)
		if err != nil {
			return 0, err
		}
		resp.Body.Close()
		return resp.StatusCode, nil
	}
	var status int
	for range 50 { // serve takes its address before anything else
		if status, err = get(http.MethodGet, "/healthz"); err == nil {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if status != http.StatusOK {
		t.Errorf("/healthz while starting: %d %v", status, err)
	}
	for _, tc := range []struct{ method, path string }{{http.MethodGet, "/readyz"}, {http.MethodPost, "/slack/commands"}} {
		if status, err := get(tc.method, tc.path); status != http.StatusServiceUnavailable {
			t.Errorf("%s %s while starting: %d %v, want 503 at once", tc.method, tc.path, status, err)
		}
	}
}
