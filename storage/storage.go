// Package storage keeps Quorum's committee records in PostgreSQL. It is the
// only package that speaks SQL: it implements commands.Store with explicit
// queries through sqlx, maps driver errors to the sentinels of package
// commands at its boundary, and carries its schema as embedded migrations.
package storage

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"github.com/quorumhq/quorum/commands"
)

// maxConns bounds the pool: enough for every request Slack can have in
// flight on a replica to hold one, few enough for PostgreSQL's default of
// 100 connections to serve several replicas.
const maxConns = 20

// DB is the committee records in a PostgreSQL database.
type DB struct {
	// x runs every statement with parameters prepared, once per
	// connection (see pool).
	x pool
	// pruned is when (Unix nanoseconds) this replica last deleted the old
	// rows of seen_requests.
	pruned atomic.Int64
	// changesMark is the snapshot this replica will prune records_changes
	// by, and when it was taken (pruneChanges).
	changesMark struct {
		sync.Mutex
		snapshot string
		at       time.Time
	}
	// apologies batches SendApologyFrom, seen FirstSeen, origins
	// OriginFirstSeen, declarations Declare, declarationsFrom
	// DeclareFrom, reports SubmitReport, reportLinksFrom
	// SubmitReportFrom, agendasFrom AgendaFrom, searchesFrom the
	// searches of FindMinutesFrom.
	apologies        *batcher[commands.ApologyRequest, apologyFrom]
	seen             *batcher[seenCall, bool]
	origins          *batcher[originCall, originFound]
	declarations     *batcher[declareCall, declareMade]
	declarationsFrom *batcher[declareFromCall, declaredFrom]
	reports          *batcher[reportCall, commands.ReportOutcome]
	reportLinksFrom  *batcher[reportFromCall, reportedFrom]
	agendasFrom      *batcher[agendaCall, agendaRow]
	searchesFrom     *batcher[findCall, []foundRow]
	// findSeq numbers the calls of FindMinutesFrom (findCall).
	findSeq atomic.Int64
}

// batchMax is the most calls a batch takes, batchWorkers the most
// batches of one kind in the database at once, and batchSpill how long one
// may be there before a second is sent beside it (batcher). A call costs
// about a quarter as much in a batch of 8 as alone, and little less in one
// of 16 (0.12 and 0.10 ms against 0.48 alone, BENCHMARKS.md). So one
// batch at a time, gathering every call that arrives while it is written,
// takes least of the database: under sixteen senders a quarter less per
// apology than two at a time, whose batches are half the size. A batch
// takes 1 to 3 ms; one held up ten times as long is waiting on something
// (a lock, a slow disk), and the calls behind it go beside it.
const (
	batchMax     = 32
	batchWorkers = 2
	batchSpill   = 10 * time.Millisecond
)

var _ commands.Store = (*DB)(nil)

// Open connects to the database at dsn and checks that it answers. The pool
// is bounded, and connections that break are replaced as the database comes
// back, so the bot recovers by itself after a restart of PostgreSQL.
func Open(ctx context.Context, dsn string) (*DB, error) {
	cfg, err := pq.NewConfig(dsn)
	if err != nil {
		var bad *url.Error
		if errors.As(err, &bad) {
			// url.Error quotes the URL it could not parse, password and
			// all (and what it found wrong may be a piece of the
			// password), and serve logs this error: say what is wrong
			// without it.
			return nil, fmt.Errorf("storage: open %s: not a valid URL (escape special characters in the password, e.g. %%25 for %%, %%2F for /)", Redact(dsn))
		}
		return nil, fmt.Errorf("storage: open %s: %w", Redact(dsn), err)
	}
	// Send each query's parameters with the query itself: one round trip
	// per statement instead of two, which is most of a command's cost
	// (see BENCHMARKS.md). Only []byte parameters change format (they go
	// as binary, which a jsonb column refuses): pass JSON as a string, as
	// jsonb does. A DSN that says binary_parameters decides for itself.
	if !strings.Contains(dsn, "binary_parameters") {
		cfg.BinaryParameters = true
	}
	conn, err := pq.NewConnectorConfig(cfg)
	if err != nil {
		return nil, fmt.Errorf("storage: open %s: %w", Redact(dsn), err)
	}
	conn.Dialer(sentDialer{})
	var connector driver.Connector = sentConnector{conn}
	if _, set := cfg.Runtime["jit"]; !set && !strings.Contains(cfg.Options, "jit") {
		connector = noJIT{connector}
	}
	x := sqlx.NewDb(sql.OpenDB(connector), "postgres")
	// Keep every connection the pool opens: a connection closed for being
	// idle one moment too many is a new PostgreSQL backend the next, and
	// its statements are prepared and planned afresh (under load that
	// churn, not the queries, was most of the time; see BENCHMARKS.md).
	x.SetMaxOpenConns(maxConns)
	x.SetMaxIdleConns(maxConns)
	x.SetConnMaxLifetime(30 * time.Minute)
	x.SetConnMaxIdleTime(5 * time.Minute)
	pctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := x.PingContext(pctx); err != nil {
		x.Close()
		return nil, fmt.Errorf("storage: connect to %s: %w", Redact(dsn), err)
	}
	db := &DB{x: pool{DB: x, stmts: new(sync.Map), pending: new(sync.Map)}}
	db.apologies = apologyBatcher(db)
	db.seen = seenBatcher(db)
	db.origins = originBatcher(db)
	db.declarations = declarationBatcher(db)
	db.declarationsFrom = declareFromBatcher(db)
	db.reportLinksFrom = reportFromBatcher(db)
	db.agendasFrom = agendaBatcher(db)
	db.searchesFrom = searchBatcher(db)
	db.reports = reportBatcher(db)
	return db, nil
}

// noJIT opens connections that compile no statement just in time. PostgreSQL
// compiles any statement whose estimated cost passes jit_above_cost, and an
// estimate is easily that high with a subquery per row (the agenda's
// apologies, for a meeting with a thousand: 14 ms compiling a statement
// that then ran in 26). Every statement here is short; compiling never
// pays. It is a SET on each new connection, not a startup parameter, which
// a connection pooler such as PgBouncer would refuse; a DSN that sets jit
// (jit=on, or in options) decides for itself.
type noJIT struct{ driver.Connector }

func (c noJIT) Connect(ctx context.Context) (driver.Conn, error) {
	conn, err := c.Connector.Connect(ctx)
	if err != nil {
		return nil, err
	}
	if ex, ok := conn.(driver.ExecerContext); ok {
		if _, err := ex.ExecContext(ctx, `SET jit = off`, nil); err != nil {
			_ = conn.Close()
			return nil, err
		}
	}
	return conn, nil
}

// Warm opens the pool's connections before the first requests need them,
// and has each run the busiest write once, for a channel that has no
// committee, in a transaction it rolls back: starting a PostgreSQL backend,
// and its first look at each table and at mark_stale, take milliseconds,
// and a burst of requests just after a start would otherwise wait for all
// of them (p99 over 100 ms at 500 requests/s). Best effort: the pool opens
// what is missing later as usual. Serve calls it once the schema is
// migrated.
func (db *DB) Warm(ctx context.Context) {
	// Prepared on the pool first, while no connection is held here, so
	// that each connection below prepares them for itself as the requests
	// will run them: one apology alone, and a batch.
	one, err := db.prepared(ctx, sendApologyFromSQL)
	if err != nil {
		return
	}
	many, err := db.prepared(ctx, sendApologiesFromSQL)
	if err != nil {
		return
	}
	conns := make([]*sql.Conn, 0, maxConns)
	defer func() {
		for _, c := range conns {
			_ = c.Close() // back to the pool, which keeps it
		}
	}()
	for range maxConns {
		c, err := db.x.Conn(ctx)
		if err != nil {
			return
		}
		conns = append(conns, c)
		tx, err := c.BeginTx(ctx, nil)
		if err != nil {
			continue
		}
		_, _ = tx.StmtContext(ctx, one.Stmt).ExecContext(ctx, "", "", "", time.Now(), 0, "", "", "", false, false, []byte{}, 0)
		e, now := pq.StringArray{"", ""}, time.Now().UTC().Format(time.RFC3339Nano)
		_, _ = tx.StmtContext(ctx, many.Stmt).ExecContext(ctx, e, e, e, pq.StringArray{now, now},
			pq.Int64Array{0, 0}, e, e, e, pq.BoolArray{false, false}, pq.BoolArray{false, false},
			pq.ByteaArray{{}, {}}, pq.Int64Array{0, 0})
		_, _ = tx.ExecContext(ctx, `SELECT mark_stale(0, NULL, '{}')`)
		_ = tx.Rollback()
	}
}

// Close closes the pool.
func (db *DB) Close() error { return db.x.Close() }

// Ping checks that the database answers, for readiness probes.
func (db *DB) Ping(ctx context.Context) error {
	return mapErr("ping", db.x.PingContext(ctx))
}

// SQL is the underlying pool, for tools and tests that need plain SQL.
func (db *DB) SQL() *sql.DB { return db.x.DB.DB }

// Redact hides the password in a DSN, URL or key=value form, for logs.
func Redact(dsn string) string {
	// An unescaped "/", "?" or "#" in a password can still leave a URL
	// that parses, with the rest of the password as path, query or
	// fragment ("user:pass" even read as host and port): when an "@"
	// comes after the host, go by the last "@" instead.
	if u, err := url.Parse(dsn); err == nil && u.Scheme != "" && !atAfterHost(dsn) {
		if _, ok := u.User.Password(); ok {
			u.User = url.UserPassword(u.User.Username(), "xxxxx")
		}
		// lib/pq also takes the password as a query parameter
		// (?password=s3cret). Mask it in place, keeping the other
		// parameters as they were written.
		params := strings.Split(u.RawQuery, "&")
		for i, p := range params {
			k, _, _ := strings.Cut(p, "=")
			if k, err := url.QueryUnescape(k); err == nil && strings.EqualFold(k, "password") {
				params[i] = k + "=xxxxx"
			}
		}
		u.RawQuery = strings.Join(params, "&")
		return u.String()
	}
	if pw := urlPassword(dsn); pw != "" {
		// A URL that does not parse (a "%" or "/" in the password not
		// escaped): the password is still there to hide.
		i := strings.Index(dsn, "://") + len("://")
		user, _, _ := strings.Cut(dsn[i:], ":")
		return dsn[:i] + user + ":xxxxx" + dsn[i+len(user)+1+len(pw):]
	}
	return redactKeywords(dsn)
}

// redactKeywords masks each password of a keyword/value DSN, reading it as
// lib/pq does: spaces may surround the "=" ("password = s3cret"), and a
// quoted value ('correct horse') may hold spaces and \-escapes, all of
// which is the password. Splitting on spaces left all but the first word
// of such a password in the log.
func redactKeywords(dsn string) string {
	space := func(i int) int { // the length of a space at dsn[i], or 0
		r, n := utf8.DecodeRuneInString(dsn[i:])
		if unicode.IsSpace(r) {
			return n
		}
		return 0
	}
	skip := func(i int) int {
		for i < len(dsn) && space(i) > 0 {
			i += space(i)
		}
		return i
	}
	var b strings.Builder
	// A word that is no key=value after a password is most often the rest
	// of it, a space in it not quoted ("password=ab cd"): it is hidden too.
	afterPassword := false
	for i := 0; i < len(dsn); {
		k := skip(i)
		if k == len(dsn) {
			b.WriteString(dsn[i:])
			break
		}
		e := k
		for e < len(dsn) && space(e) == 0 && dsn[e] != '=' {
			e++
		}
		key := dsn[k:e]
		if e = skip(e); e >= len(dsn) || dsn[e] != '=' {
			// Not "key=value": keep the word and read on.
			if afterPassword {
				b.WriteString(dsn[i:k] + "xxxxx" + dsn[k+len(key):e])
			} else {
				b.WriteString(dsn[i:e])
			}
			i = e
			continue
		}
		afterPassword = strings.EqualFold(key, "password")
		v := skip(e + 1)
		end := v
		if end < len(dsn) && dsn[end] == '\'' {
			for end++; end < len(dsn) && dsn[end] != '\''; end++ {
				if dsn[end] == '\\' {
					end++
				}
			}
			end++ // the closing quote
		} else {
			for ; end < len(dsn) && space(end) == 0; end++ {
				if dsn[end] == '\\' {
					end++
				}
			}
		}
		end = min(end, len(dsn))
		b.WriteString(dsn[i:v])
		if strings.EqualFold(key, "password") && end > v {
			b.WriteString("xxxxx")
		} else {
			b.WriteString(dsn[v:end])
		}
		i = end
	}
	return b.String()
}

// inTx runs fn in a transaction, committing if it returns nil and rolling
// back otherwise. It is the only place that begins and ends transactions.
// A panic in fn rolls the transaction back before it goes on up, so the
// connection goes back to the pool clean.
func (db *DB) inTx(ctx context.Context, op string, fn func(tx *Tx) error) (err error) {
	sx, err := db.x.BeginTxx(ctx, nil)
	if err != nil {
		return mapErr(op, err)
	}
	tx := &Tx{Tx: sx, p: db.x}
	defer func() {
		if p := recover(); p != nil {
			_ = tx.Rollback()
			panic(p)
		}
	}()
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return mapErr(op, err)
	}
	if ctx.Err() != nil {
		// Past the deadline before COMMIT was sent: database/sql would roll
		// back without sending it, so this is definitely not saved.
		_ = tx.Rollback()
		return mapErr(op, ctx.Err())
	}
	err = mapErr(op, tx.Commit())
	if errors.Is(err, commands.ErrUnavailable) {
		// The COMMIT may have reached the database and been made durable
		// before the connection broke or the deadline passed: the caller
		// must not say it was not saved.
		return fmt.Errorf("%w: %w", commands.ErrInDoubt, err)
	}
	return err
}

// prepared is query prepared on the pool (see pool.prepared).
func (db *DB) prepared(ctx context.Context, query string) (*sqlx.Stmt, error) {
	return db.x.prepared(ctx, query)
}

// write runs a single statement that changes the records, prepared once
// per connection, on its own (writeAlone), and reads its one row into
// dest.
func (db *DB) write(ctx context.Context, op string, dest any, query string, args ...any) error {
	st, err := db.prepared(ctx, query)
	if err != nil {
		return mapErr(op, err)
	}
	return writeAlone(ctx, op, func(ctx context.Context) error { return st.GetContext(ctx, dest, args...) })
}

// writeTelling is write, with notice, when there is one, queued in the
// statement's own transaction if wrote, asked once the statement has run,
// says that it wrote: a record entered for someone else and the message
// telling them of it commit together or not at all. Such entries are few,
// so the transaction's two extra round trips cost little.
func (db *DB) writeTelling(ctx context.Context, op string, notice *commands.OutboxMessage, wrote func() bool, dest any, query string, args ...any) error {
	if notice == nil {
		return db.write(ctx, op, dest, query, args...)
	}
	return db.inTx(ctx, op, func(tx *Tx) error {
		if err := tx.GetContext(ctx, dest, query, args...); err != nil {
			return err
		}
		return tell(ctx, tx, notice, wrote())
	})
}

// tell queues notice, when there is one, in tx, when the write it tells
// of was made: nothing written, there is nothing to tell.
func tell(ctx context.Context, tx *Tx, notice *commands.OutboxMessage, made bool) error {
	if notice == nil || !made {
		return nil
	}
	return enqueue(ctx, tx, *notice)
}

// execAlone is write for a statement that returns no rows.
func (db *DB) execAlone(ctx context.Context, op string, query string, args ...any) error {
	return writeAlone(ctx, op, func(ctx context.Context) error {
		_, err := db.x.ExecContext(ctx, query, args...)
		return err
	})
}

// writeAlone runs send, which sends one statement that changes the
// records, under the context it is given, and reads the whole of its
// answer. The statement goes outside any transaction: PostgreSQL commits
// it as it finishes, so it needs no BEGIN or COMMIT of its own, two round
// trips of three. What a failure means is as inTx's. The statement is
// not saved when none of it left (the deadline had passed, no connection
// could be had, or it could not be encoded: sentConn counts what it
// writes) or when PostgreSQL refused it (an error aborts the statement's
// own transaction). It is in doubt otherwise: something of it left and
// then the connection broke, or its answer was not read to the end,
// which comes only after the commit.
func writeAlone(ctx context.Context, op string, send func(ctx context.Context) error) error {
	if err := ctx.Err(); err != nil {
		return mapErr(op, err)
	}
	st := &sendState{}
	err := send(context.WithValue(ctx, sendKey{}, st))
	var pqErr *pq.Error
	switch {
	case err == nil && st.done.Load():
		return nil
	case err == nil:
		err = errors.New("the end of the answer was not read")
	case !st.sent.Load(), errors.As(err, &pqErr):
		return mapErr(op, err)
	}
	// The cause is kept as text: it must not pass for a refusal (a
	// batch refused for its data is sent again call by call) or for
	// anything else a caller looks for.
	return fmt.Errorf("storage: %s: %w: %w: %v", op, commands.ErrInDoubt, commands.ErrUnavailable, err)
}

// mapErr wraps err with the operation and, where it applies, the sentinel
// of package commands that says what it means to the user.
func mapErr(op string, err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, commands.ErrNotFound) || errors.Is(err, commands.ErrConflict) || errors.Is(err, commands.ErrUnavailable) {
		if strings.HasPrefix(err.Error(), "storage: ") {
			return err
		}
		return fmt.Errorf("storage: %s: %w", op, err)
	}
	var sentinel error
	var pqErr *pq.Error
	var netErr net.Error
	var sent *sentError
	switch {
	case errors.Is(err, sql.ErrNoRows):
		sentinel = commands.ErrNotFound
	case errors.As(err, &sent):
		sentinel = commands.ErrUnavailable
	case errors.As(err, &pqErr):
		switch {
		case pqErr.Code == "23505", pqErr.Code == "23P01":
			sentinel = commands.ErrConflict
		case pqErr.Code.Class() == "08", pqErr.Code.Class() == "53", pqErr.Code.Class() == "57":
			// connection failures, insufficient resources, operator
			// intervention (shutdown, cannot connect now, query canceled)
			sentinel = commands.ErrUnavailable
		}
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled),
		errors.Is(err, driver.ErrBadConn), errors.Is(err, sql.ErrConnDone),
		errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF),
		errors.Is(err, syscall.ECONNREFUSED), errors.Is(err, syscall.ECONNRESET),
		errors.Is(err, syscall.ENOENT), errors.Is(err, syscall.EPIPE),
		errors.As(err, &netErr):
		sentinel = commands.ErrUnavailable
	}
	switch {
	case sentinel != nil:
		return fmt.Errorf("storage: %s: %w: %w", op, sentinel, err)
	case strings.HasPrefix(err.Error(), "storage: "):
		// Mapped already, where it happened (writeAlone, under a
		// batcher): named once is enough.
		return err
	}
	return fmt.Errorf("storage: %s: %w", op, err)
}

// audit appends to the audit log.
func audit(ctx context.Context, q sqlx.ExtContext, committeeID int64, actor, action, subject string, detail any) error {
	return auditAt(ctx, q, committeeID, actor, action, subject, detail, time.Time{})
}

// auditAt appends to the audit log an entry made at at (zero: the
// database's now), for the entries a history shows with their time: the
// time the command was given, as the rest of its records keep it.
func auditAt(ctx context.Context, q sqlx.ExtContext, committeeID int64, actor, action, subject string, detail any, at time.Time) error {
	if detail == nil {
		detail = map[string]any{}
	}
	_, err := q.ExecContext(ctx, `INSERT INTO audit_log (committee_id, actor, action, subject, detail, at) VALUES ($1, $2, $3, $4, $5, COALESCE($6, now()))`,
		nullID(committeeID), actor, action, subject, jsonb{detail}, nullTime(at))
	return err
}

func nullID(id int64) sql.NullInt64 { return sql.NullInt64{Int64: id, Valid: id != 0} }

func nullTime(t time.Time) sql.NullTime { return sql.NullTime{Time: t, Valid: !t.IsZero()} }

func nullString(s string) sql.NullString { return sql.NullString{String: s, Valid: s != ""} }

// spacedName is name with its spaces collapsed, for a statement to
// compare with lower() on both sides: Go's lower case of "Órla" is "órla",
// which a database under the C locale, whose lower() leaves "Ó" as it
// is, never gives for the stored name.
func spacedName(name string) string {
	return strings.Join(strings.Fields(name), " ")
}

// urlPassword is the password in a URL-form dsn, found without parsing it
// as a URL, which it may fail to be: what lies between the first ":" after
// "://" and the last "@" (a host has no "@"; a password may). Empty when
// there is none.
// atAfterHost reports whether dsn has a password by urlPassword whose "@"
// comes after the end of the URL's host, which is where a parser stops.
func atAfterHost(dsn string) bool {
	_, rest, _ := strings.Cut(dsn, "://")
	end := strings.IndexAny(rest, "/?#")
	return end >= 0 && strings.Contains(rest[end:], "@") && urlPassword(dsn) != ""
}

func urlPassword(dsn string) string {
	_, rest, ok := strings.Cut(dsn, "://")
	if !ok {
		return ""
	}
	at := strings.LastIndexByte(rest, '@')
	if at < 0 {
		return ""
	}
	_, pw, _ := strings.Cut(rest[:at], ":")
	return pw
}
