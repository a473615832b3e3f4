package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"time"

	"github.com/lib/pq"

	"github.com/quorumhq/quorum/storage"
)

// The floor is the least a server can do for a slash command and still do
// it properly: verify Slack's signature, read the form, make one durable
// write, answer. It is what quorum serve is measured against, so that a
// figure for serve can be read as "so many times the floor" on the same
// machine, the same PostgreSQL and the same load, rather than against a
// number taken on other hardware.
//
// For every slash command, whatever its name or text, the floor:
//
//   - refuses with 401 a request without Slack's headers, whose timestamp is
//     more than five minutes from now, or whose v0 HMAC-SHA256 signature
//     over "v0:TIMESTAMP:BODY" does not match (compared in constant time);
//   - reads at most floorMaxBody bytes (413 beyond), and answers 400 to a
//     body that is not a form with team_id, channel_id and user_id;
//   - runs one prepared INSERT … ON CONFLICT DO UPDATE into floor_apologies
//     (one row per team, channel and user; the command's text is the
//     reason), and answers 200 {"response_type":"ephemeral","text":"recorded"}.
//
// When the write fails the answer says what is known, as serve's does:
// 200 with a private reply saying it was NOT saved when PostgreSQL
// reported the statement failed (an ERROR: it was rolled back) or no
// connection could be made; 503 in every other case (the connection broke,
// the server shut down, the deadline passed: floorWriteTimeout, inside
// Slack's 3 seconds), since the statement is its own transaction and may
// then have been committed without the floor being told.
type floor struct {
	secret  []byte
	upsert  *sql.Stmt
	now     func() time.Time
	timeout time.Duration // for the write
	log     *slog.Logger
}

// Limits of the floor.
const (
	floorMaxBody      = 64 << 10 // as serve's bot.MaxBodyBytes
	floorWriteTimeout = 2500 * time.Millisecond
	floorMaxSkew      = 5 * time.Minute
)

// Replies of the floor. classify counts floorRecorded as ok and
// floorNotSaved as not_saved.
const (
	floorRecorded = `{"response_type":"ephemeral","text":"recorded"}`
	floorNotSaved = `{"response_type":"ephemeral","text":"Sorry — the records could not take this, so it was NOT saved; please try again."}`
)

// floorSchema is the floor's one table, made in whatever database the
// floor is pointed at. Quorum's own tables are never touched.
const floorSchema = `
CREATE TABLE IF NOT EXISTS floor_apologies (
	team_id    text        NOT NULL,
	channel_id text        NOT NULL,
	user_id    text        NOT NULL,
	reason     text        NOT NULL,
	updated_at timestamptz NOT NULL,
	PRIMARY KEY (team_id, channel_id, user_id)
);
COMMENT ON TABLE floor_apologies IS 'Written by quorum-load''s floor handler, the baseline quorum serve is measured against; not read by Quorum. Safe to drop.'`

const floorUpsert = `
INSERT INTO floor_apologies (team_id, channel_id, user_id, reason, updated_at)
VALUES ($1, $2, $3, $4, $5)
ON CONFLICT (team_id, channel_id, user_id)
DO UPDATE SET reason = EXCLUDED.reason, updated_at = EXCLUDED.updated_at`

// openFloorDB connects to dsn with a pool bounded as serve's is, makes the
// floor's table and prepares its one statement.
func openFloorDB(ctx context.Context, dsn string) (*sql.DB, *sql.Stmt, error) {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return nil, nil, fmt.Errorf("floor: open %s: %w", storage.Redact(dsn), err)
	}
	db.SetMaxOpenConns(20)
	db.SetMaxIdleConns(20) // as serve: a connection closed when idle is a new backend when next needed
	db.SetConnMaxLifetime(30 * time.Minute)
	db.SetConnMaxIdleTime(5 * time.Minute)
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if _, err := db.ExecContext(ctx, floorSchema); err != nil {
		db.Close()
		return nil, nil, fmt.Errorf("floor: create table in %s: %w", storage.Redact(dsn), err)
	}
	st, err := db.PrepareContext(ctx, floorUpsert)
	if err != nil {
		db.Close()
		return nil, nil, fmt.Errorf("floor: prepare: %w", err)
	}
	return db, st, nil
}

func (f *floor) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, ok := f.verified(w, r)
	if !ok {
		return
	}
	form, err := url.ParseQuery(string(body))
	team, channel, user := form.Get("team_id"), form.Get("channel_id"), form.Get("user_id")
	if err != nil || team == "" || channel == "" || user == "" {
		http.Error(w, "malformed slash command", http.StatusBadRequest)
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), f.timeout)
	defer cancel()
	_, err = f.upsert.ExecContext(ctx, team, channel, user, form.Get("text"), f.now())
	w.Header().Set("Content-Type", "application/json")
	switch {
	case err == nil:
		io.WriteString(w, floorRecorded)
	case notSent(err):
		f.log.Warn("floor: write refused; answered NOT saved", "err", err)
		io.WriteString(w, floorNotSaved)
	default:
		f.log.Warn("floor: write may or may not have been made; answered 503", "err", err)
		http.Error(w, "the records stopped answering; this may or may not have been saved", http.StatusServiceUnavailable)
	}
}

// notSent reports whether err says for certain that the write was not
// made: PostgreSQL reported that the statement failed, or no connection
// could be made to send it on. A fatal error, a connection failure
// (class 08) or operator intervention (class 57: shutdown, a cancelled
// statement) may come after the commit, so they do not count.
func notSent(err error) bool {
	var pqErr *pq.Error
	if errors.As(err, &pqErr) {
		class := pqErr.Code.Class()
		return !pqErr.Fatal() && pqErr.Severity != "PANIC" && class != "08" && class != "57"
	}
	var opErr *net.OpError
	return errors.As(err, &opErr) && opErr.Op == "dial"
}

// verified reads r's body, bounded, and checks Slack's signature over it
// before anything parses it. It answers the request itself when the check
// fails.
func (f *floor) verified(w http.ResponseWriter, r *http.Request) ([]byte, bool) {
	stamp := r.Header.Get("X-Slack-Request-Timestamp")
	sig := r.Header.Get("X-Slack-Signature")
	ts, err := strconv.ParseInt(stamp, 10, 64)
	if err != nil || sig == "" {
		http.Error(w, "invalid signature", http.StatusUnauthorized)
		return nil, false
	}
	if skew := f.now().Sub(time.Unix(ts, 0)); skew > floorMaxSkew || skew < -floorMaxSkew {
		http.Error(w, "invalid signature", http.StatusUnauthorized)
		return nil, false
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, floorMaxBody))
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		http.Error(w, "request body too large", http.StatusRequestEntityTooLarge)
		return nil, false
	}
	if err != nil {
		http.Error(w, "could not read body", http.StatusBadRequest)
		return nil, false
	}
	mac := hmac.New(sha256.New, f.secret)
	mac.Write([]byte("v0:" + stamp + ":"))
	mac.Write(body)
	want := "v0=" + hex.EncodeToString(mac.Sum(nil))
	if !hmac.Equal([]byte(sig), []byte(want)) {
		http.Error(w, "invalid signature", http.StatusUnauthorized)
		return nil, false
	}
	return body, true
}

// floorServer is a floor listening on a loopback address.
type floorServer struct {
	db  *sql.DB
	srv *http.Server
	ln  net.Listener
}

// startFloor serves the floor on addr (loopback only), writing to the
// database dsn names.
func startFloor(ctx context.Context, addr, dsn, secret string, log *slog.Logger) (*floorServer, error) {
	if err := checkLoopbackAddr(addr); err != nil {
		return nil, fmt.Errorf("floor: %w", err)
	}
	if secret == "" {
		return nil, errors.New("floor: no signing secret")
	}
	db, st, err := openFloorDB(ctx, dsn)
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("floor: %w", err)
	}
	mux := http.NewServeMux()
	mux.Handle("POST /slack/commands", &floor{secret: []byte(secret), upsert: st, now: time.Now, timeout: floorWriteTimeout, log: log})
	fs := &floorServer{db: db, ln: ln, srv: &http.Server{
		Handler: mux, ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 10 * time.Second,
		WriteTimeout: 15 * time.Second, IdleTimeout: 2 * time.Minute,
	}}
	go func() { _ = fs.srv.Serve(ln) }()
	return fs, nil
}

// URL is the floor's base URL, to send load to.
func (fs *floorServer) URL() string { return "http://" + fs.ln.Addr().String() }

// Close finishes the requests in flight, for up to ten seconds, and closes
// the database.
func (fs *floorServer) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	err := fs.srv.Shutdown(ctx)
	fs.db.Close()
	return err
}

// runFloor is `quorum-load floor`: the floor on its own, until stopped, so
// that it can be driven like serve (quorum-load -target) or from another
// machine's process list.
func runFloor(ctx context.Context, args []string, stderr io.Writer, getenv func(string) string) error {
	fs := flag.NewFlagSet("quorum-load floor", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: quorum-load floor [flags]\n\nServes the floor, the least a slash-command handler can do (verify, parse, one upsert,\nanswer), at POST /slack/commands, until interrupted. It makes its own table,\nfloor_apologies, in the database it is given.\n\n")
		fs.PrintDefaults()
	}
	listen := fs.String("listen", "127.0.0.1:8089", "loopback address to listen on")
	dsn := fs.String("database", "", "PostgreSQL to write to (default $DATABASE_URL)")
	secret := fs.String("secret", "", "signing secret to verify requests with (default $SLACK_SIGNING_SECRET)")
	// Set after, so that -h never prints them.
	*dsn, *secret = getenv("DATABASE_URL"), getenv("SLACK_SIGNING_SECRET")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	if *dsn == "" {
		return errors.New("give the database to write to (-database or DATABASE_URL)")
	}
	log := slog.New(slog.NewTextHandler(stderr, nil))
	f, err := startFloor(ctx, *listen, *dsn, *secret, log)
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "floor at %s, writing to %s; stop with Ctrl-C\n", f.URL(), storage.Redact(*dsn))
	<-ctx.Done()
	return f.Close()
}

// floorProcess is `quorum-load floor` run by compare as a process of its
// own. serve is one: a floor inside the load tool would answer without a
// process boundary to cross, sharing the senders' scheduler and
// collector, and measure as more than the least a server does.
type floorProcess struct {
	cmd    *exec.Cmd
	url    string
	copied chan struct{} // closed once its output has all been read
	// later is what it wrote after it started, given to compare's stderr
	// when it has stopped rather than while compare writes there itself.
	later bytes.Buffer
}

// floorStartWithin bounds the wait for the floor to listen: it gives up on
// its database after ten seconds by itself.
const floorStartWithin = 15 * time.Second

// startFloorProcess runs this program's floor on addr, writing to dsn,
// and waits until it listens. The database and the secret go to it in its
// environment, where no other user's process list shows them. It is
// killed when ctx ends, and (on Linux) when this process dies without
// stopping it.
func startFloorProcess(ctx context.Context, addr, dsn, secret string) (*floorProcess, error) {
	if err := checkLoopbackAddr(addr); err != nil {
		return nil, fmt.Errorf("floor: %w", err)
	}
	exe, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("floor: %w", err)
	}
	cmd := exec.CommandContext(ctx, exe, "floor", "-listen", addr)
	cmd.Env = append(os.Environ(), "DATABASE_URL="+dsn, "SLACK_SIGNING_SECRET="+secret)
	dieWithParent(cmd)
	out, err := cmd.StderrPipe()
	if err != nil {
		return nil, fmt.Errorf("floor: %w", err)
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("floor: %w", err)
	}
	f := &floorProcess{cmd: cmd, copied: make(chan struct{})}
	// Killing it ends its output, and so the wait below.
	late := time.AfterFunc(floorStartWithin, func() { _ = cmd.Process.Kill() })
	lines := bufio.NewReader(out)
	var said []string
	for {
		line, err := lines.ReadString('\n')
		rest, ok := strings.CutPrefix(line, "floor at ")
		if u, _, found := strings.Cut(rest, ","); ok && found {
			f.url = u
			break
		}
		if s := strings.TrimSpace(line); s != "" {
			said = append(said, s)
		}
		if err != nil {
			break
		}
	}
	if inTime := late.Stop(); !inTime || f.url == "" {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		if !inTime {
			said = append(said, "not listening after "+floorStartWithin.String())
		}
		return nil, fmt.Errorf("floor: did not start: %s", strings.Join(said, "; "))
	}
	go func() {
		defer close(f.copied)
		_, _ = io.Copy(&f.later, lines)
	}()
	return f, nil
}

// Close stops the floor as Ctrl-C would, letting the requests in flight
// finish, kills it if it has not stopped in fifteen seconds, and passes on
// what it wrote while it ran, each line marked as the floor's.
func (f *floorProcess) Close(stderr io.Writer) error {
	_ = f.cmd.Process.Signal(os.Interrupt)
	stopped := time.AfterFunc(15*time.Second, func() { _ = f.cmd.Process.Kill() })
	defer stopped.Stop()
	<-f.copied
	err := f.cmd.Wait()
	for line := range strings.Lines(f.later.String()) {
		fmt.Fprint(stderr, "floor: ", line)
	}
	return err
}
