package main

import (
	"context"
	"database/sql"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/quorumhq/quorum/internal/bottest"
	"github.com/quorumhq/quorum/storage/pgtest"
)

// startTestFloor serves the floor on a fresh database and returns its URL
// and the database, to look at what it wrote.
func startTestFloor(t *testing.T) (string, *sql.DB) {
	t.Helper()
	dsn := pgtest.DSN(t)
	f, err := startFloor(context.Background(), "127.0.0.1:0", dsn, bottest.Secret, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return f.URL(), db
}

// postFloor posts body to the floor's /slack/commands; sign sets the headers.
func postFloor(t *testing.T, base, body string, sign func(http.Header)) (int, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, base+"/slack/commands", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	sign(req.Header)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	out, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(out)
}

func signedNow(body string) func(http.Header) {
	return func(h http.Header) { sign(h, body, bottest.Secret, time.Now()) }
}

func commandBody(user, command, text string) string {
	return bottest.CommandForm(user, command, text).Encode()
}

type floorRow struct {
	Team, Channel, User, Reason string
	Updated                     time.Time
}

func floorRows(t *testing.T, db *sql.DB) []floorRow {
	t.Helper()
	rows, err := db.Query(`SELECT team_id, channel_id, user_id, reason, updated_at FROM floor_apologies ORDER BY user_id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []floorRow
	for rows.Next() {
		var r floorRow
		if err := rows.Scan(&r.Team, &r.Channel, &r.User, &r.Reason, &r.Updated); err != nil {
			t.Fatal(err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestFloorRefusesBadSignaturesAndWritesNothing(t *testing.T) {
	base, db := startTestFloor(t)
	body := commandBody("U1", "/apologies", "Unwell")
	for _, tc := range []struct {
		name string
		sign func(http.Header)
		want int
	}{
		{"no signature", func(http.Header) {}, http.StatusUnauthorized},
		{"wrong secret", func(h http.Header) { sign(h, body, "not-the-secret", time.Now()) }, http.StatusUnauthorized},
		{"signed over another body", func(h http.Header) {
			sign(h, commandBody("U1", "/apologies", "Well"), bottest.Secret, time.Now())
		}, http.StatusUnauthorized},
		{"signature not hex", func(h http.Header) {
			sign(h, body, bottest.Secret, time.Now())
			h.Set("X-Slack-Signature", "v0=zz")
		}, http.StatusUnauthorized},
		{"timestamp not a number", func(h http.Header) {
			sign(h, body, bottest.Secret, time.Now())
			h.Set("X-Slack-Request-Timestamp", "soon")
		}, http.StatusUnauthorized},
		// Correctly signed, but replayed from six minutes ago, or from
		// six minutes ahead.
		{"stale", func(h http.Header) { sign(h, body, bottest.Secret, time.Now().Add(-6*time.Minute)) }, http.StatusUnauthorized},
		{"from the future", func(h http.Header) { sign(h, body, bottest.Secret, time.Now().Add(6*time.Minute)) }, http.StatusUnauthorized},
	} {
		status, reply := postFloor(t, base, body, tc.sign)
		if status != tc.want || strings.Contains(reply, "recorded") {
			t.Errorf("%s: %d %q, want %d", tc.name, status, reply, tc.want)
		}
	}
	// Four minutes old is within the window.
	late := commandBody("U2", "/apologies", "Late")
	status, _ := postFloor(t, base, late, func(h http.Header) {
		sign(h, late, bottest.Secret, time.Now().Add(-4*time.Minute))
	})
	if status != http.StatusOK {
		t.Errorf("four minutes old: %d, want 200", status)
	}

	// Signed, but not a slash command's form; and a body over the limit.
	noUser := url.Values{"team_id": {"T1"}, "channel_id": {"C1"}, "command": {"/apologies"}}.Encode()
	if status, _ := postFloor(t, base, noUser, signedNow(noUser)); status != http.StatusBadRequest {
		t.Errorf("form without user_id: %d, want 400", status)
	}
	huge := commandBody("U3", "/apologies", strings.Repeat("x", floorMaxBody))
	if status, _ := postFloor(t, base, huge, signedNow(huge)); status != http.StatusRequestEntityTooLarge {
		t.Errorf("oversized body: %d, want 413", status)
	}
	// Only POST /slack/commands is served.
	resp, err := http.Get(base + "/slack/commands")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("GET: %d, want 405", resp.StatusCode)
	}

	rows := floorRows(t, db)
	if len(rows) != 1 || rows[0].User != "U2" {
		t.Errorf("rows %+v, want only U2's", rows)
	}
}

func TestFloorUpsertsOneRowPerUser(t *testing.T) {
	base, db := startTestFloor(t)
	before := time.Now()
	body := commandBody("U1", "/apologies", "Unwell")
	status, reply := postFloor(t, base, body, signedNow(body))
	if status != http.StatusOK || reply != floorRecorded {
		t.Fatalf("first: %d %q", status, reply)
	}
	if got := classify(status, []byte(reply), nil); got != kindOK {
		t.Errorf("the floor's reply is classified %s, want ok", got)
	}
	rows := floorRows(t, db)
	if len(rows) != 1 {
		t.Fatalf("after one request: %+v", rows)
	}
	first := rows[0]
	if first.Team != bottest.Team || first.Channel != bottest.Channel || first.User != "U1" || first.Reason != "Unwell" || first.Updated.Before(before.Truncate(time.Microsecond)) {
		t.Errorf("row %+v", first)
	}

	// Any command name is answered alike; the same user updates the row.
	body = commandBody("U1", "/declare", "7.5 personal Trustee")
	if status, reply := postFloor(t, base, body, signedNow(body)); status != http.StatusOK || reply != floorRecorded {
		t.Fatalf("second: %d %q", status, reply)
	}
	rows = floorRows(t, db)
	if len(rows) != 1 || rows[0].Reason != "7.5 personal Trustee" || !rows[0].Updated.After(first.Updated) {
		t.Errorf("after the second request: %+v (first %+v)", rows, first)
	}

	// The same user in another channel is another row.
	form := bottest.CommandForm("U1", "/apologies", "Away")
	form.Set("channel_id", "C2")
	body = form.Encode()
	if status, _ := postFloor(t, base, body, signedNow(body)); status != http.StatusOK {
		t.Fatalf("other channel: %d", status)
	}
	if rows := floorRows(t, db); len(rows) != 2 {
		t.Errorf("rows %+v, want 2", rows)
	}
}

// TestFloorSaysWhenNothingWasSaved breaks the floor's database under it in
// two ways: a statement PostgreSQL refuses is NOT saved (200, as serve
// answers); a statement still running at the deadline may or may not be
// saved, and is answered 503.
func TestFloorSaysWhenNothingWasSaved(t *testing.T) {
	dsn := pgtest.DSN(t)
	ctx := context.Background()
	fdb, st, err := openFloorDB(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer fdb.Close()
	f := &floor{secret: []byte(bottest.Secret), upsert: st, now: time.Now, timeout: 300 * time.Millisecond, log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	srv := httptest.NewServer(f)
	defer srv.Close()
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()

	body := commandBody("U1", "/apologies", "Unwell")
	if status, reply := postFloor(t, srv.URL, body, signedNow(body)); status != http.StatusOK || reply != floorRecorded {
		t.Fatalf("first: %d %q", status, reply)
	}

	// Another transaction holds U1's row: the write waits past its deadline.
	tx, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(`SELECT 1 FROM floor_apologies WHERE user_id = 'U1' FOR UPDATE`); err != nil {
		t.Fatal(err)
	}
	body = commandBody("U1", "/apologies", "Stuck")
	start := time.Now()
	status, reply := postFloor(t, srv.URL, body, signedNow(body))
	if status != http.StatusServiceUnavailable || time.Since(start) > 2*time.Second {
		t.Errorf("write blocked past the deadline: %d %q after %v, want 503 soon after 300ms", status, reply, time.Since(start))
	}
	if err := tx.Rollback(); err != nil {
		t.Fatal(err)
	}
	if rows := floorRows(t, db); len(rows) != 1 || rows[0].Reason != "Unwell" {
		t.Errorf("after the blocked write: %+v", rows)
	}

	// The table is gone: PostgreSQL refuses the statement.
	if _, err := db.Exec(`DROP TABLE floor_apologies`); err != nil {
		t.Fatal(err)
	}
	body = commandBody("U2", "/apologies", "Unwell")
	status, reply = postFloor(t, srv.URL, body, signedNow(body))
	if status != http.StatusOK || reply != floorNotSaved {
		t.Errorf("table dropped: %d %q, want 200 NOT saved", status, reply)
	}
	if got := classify(status, []byte(reply), nil); got != kindNotSaved {
		t.Errorf("NOT saved is classified %s", got)
	}
}

func TestFloorOnlyOnLoopback(t *testing.T) {
	for _, addr := range []string{"0.0.0.0:0", ":0", "10.0.0.1:8089"} {
		if _, err := startFloor(context.Background(), addr, "postgres://unused", "s", slog.New(slog.NewTextHandler(io.Discard, nil))); err == nil {
			t.Errorf("floor started on %s", addr)
		}
	}
}
