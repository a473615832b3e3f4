package main

import (
	"context"
	"io"
	"net"
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
