package storage

import (
	"context"
	"database/sql/driver"
	"errors"
	"io"
	"net"
	"reflect"
	"sync/atomic"
	"time"
)

// A write sent on its own, outside a transaction, is committed by
// PostgreSQL as it finishes. If the connection then breaks before the
// answer arrives, lib/pq says driver.ErrBadConn, the same as for a
// connection found dead before anything was sent; and database/sql, told
// ErrBadConn, sends the statement again on another connection. A write
// could so be carried out twice, or be reported not saved when it was.
// The connections opened here tell the two apart by counting what they
// write to the socket: a statement that broke its connection before a
// byte of it left keeps ErrBadConn (and is sent again elsewhere, which is
// safe); one that broke it after is a *sentError, which database/sql does
// not retry and which the caller reports as in doubt (see writeAlone).
// Connections the server has closed while idle in the pool, as it does
// when it restarts, are found before they are used (ResetSession), so
// that a write after a restart goes on a live connection rather than
// being cut off in doubt.

// sentError is a statement's failure after some of it reached the
// server: whether it was carried out cannot be known from here.
type sentError struct{ err error }

func (e *sentError) Error() string {
	return "the connection to PostgreSQL broke after the statement was sent: " + e.err.Error()
}

// sendState is what one statement sent by writeAlone came to: whether any
// byte of it left for the server (sent), and whether its answer was read
// to the end, the server's ReadyForQuery, which follows the commit of a
// statement sent on its own (done). It travels in the statement's
// context, under sendKey.
type sendState struct{ sent, done atomic.Bool }

type sendKey struct{}

func stateOf(ctx context.Context) *sendState {
	st, _ := ctx.Value(sendKey{}).(*sendState)
	return st
}

// sentConnector opens connections through sentDialer and wraps them.
type sentConnector struct{ driver.Connector }

// slotKey keys the connSlot in which sentDialer leaves the socket it
// dialled for the Connect that asked for it.
type slotKey struct{}

type connSlot struct{ raw *countedConn }

func (c sentConnector) Connect(ctx context.Context) (driver.Conn, error) {
	slot := &connSlot{}
	cn, err := c.Connector.Connect(context.WithValue(ctx, slotKey{}, slot))
	if err != nil {
		return nil, err
	}
	// A connection not dialled by sentDialer has no count (raw nil):
	// every failure of its statements counts as after sending.
	return &sentConn{inner: cn, raw: slot.raw}, nil
}

// sentDialer dials as lib/pq's own dialer does and counts what is written.
type sentDialer struct{ d net.Dialer }

func (d sentDialer) Dial(network, address string) (net.Conn, error) {
	return d.DialContext(context.Background(), network, address)
}

func (d sentDialer) DialTimeout(network, address string, timeout time.Duration) (net.Conn, error) {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	return d.DialContext(ctx, network, address)
}

func (d sentDialer) DialContext(ctx context.Context, network, address string) (net.Conn, error) {
	c, err := d.d.DialContext(ctx, network, address)
	if err != nil {
		return nil, err
	}
	raw := &countedConn{Conn: c}
	if slot, ok := ctx.Value(slotKey{}).(*connSlot); ok {
		slot.raw = raw
	}
	return raw, nil
}

// countedConn is a socket that counts the bytes written to it.
type countedConn struct {
	net.Conn
	written atomic.Int64
}

func (c *countedConn) Write(b []byte) (int, error) {
	n, err := c.Conn.Write(b)
	c.written.Add(int64(n))
	return n, err
}

// sentConn is a lib/pq connection whose statements' failures say whether
// they were sent (see sentError). It has every optional method lib/pq's
// connection has, for database/sql looks for them on the connection it
// is given.
type sentConn struct {
	inner driver.Conn
	raw   *countedConn // nil: unknown, taken as sent
}

var (
	_ driver.ConnBeginTx        = (*sentConn)(nil)
	_ driver.ConnPrepareContext = (*sentConn)(nil)
	_ driver.ExecerContext      = (*sentConn)(nil)
	_ driver.QueryerContext     = (*sentConn)(nil)
	_ driver.NamedValueChecker  = (*sentConn)(nil)
	_ driver.Pinger             = (*sentConn)(nil)
	_ driver.SessionResetter    = (*sentConn)(nil)
	_ driver.Validator          = (*sentConn)(nil)
	_ driver.StmtExecContext    = (*sentStmt)(nil)
	_ driver.StmtQueryContext   = (*sentStmt)(nil)
)

// mark is how much the connection has written so far.
func (c *sentConn) mark() int64 {
	if c.raw == nil {
		return -1
	}
	return c.raw.written.Load()
}

// failed is err as a statement begun at mark should report it:
// driver.ErrBadConn, which database/sql answers by sending the statement
// again elsewhere, becomes a *sentError once something of it was written;
// anything else is as it was (what it means for the write is writeAlone's
// to say, from the statement's sendState).
func (c *sentConn) failed(err error, mark int64) error {
	if !errors.Is(err, driver.ErrBadConn) {
		return err
	}
	if mark >= 0 && c.raw.written.Load() == mark {
		return err
	}
	return &sentError{err: err}
}

func (c *sentConn) Prepare(query string) (driver.Stmt, error) {
	return c.PrepareContext(context.Background(), query)
}

// PrepareContext prepares as lib/pq does; preparing changes nothing, so
// its failures are left for database/sql to retry as it sees fit.
func (c *sentConn) PrepareContext(ctx context.Context, query string) (driver.Stmt, error) {
	st, err := c.inner.(driver.ConnPrepareContext).PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	return &sentStmt{Stmt: st, c: c}, nil
}

func (c *sentConn) Close() error { return c.inner.Close() }

// Begin and BeginTx start a transaction as lib/pq does: BEGIN changes
// nothing, so it may be sent again.
func (c *sentConn) Begin() (driver.Tx, error) {
	return c.BeginTx(context.Background(), driver.TxOptions{})
}

func (c *sentConn) BeginTx(ctx context.Context, opts driver.TxOptions) (driver.Tx, error) {
	return c.inner.(driver.ConnBeginTx).BeginTx(ctx, opts)
}

func (c *sentConn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	st, mark := stateOf(ctx), c.mark()
	r, err := c.inner.(driver.ExecerContext).ExecContext(ctx, query, args)
	return r, c.finished(st, err, mark)
}

func (c *sentConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	st, mark := stateOf(ctx), c.mark()
	rows, err := c.inner.(driver.QueryerContext).QueryContext(ctx, query, args)
	if err != nil {
		return nil, c.note(st, err, mark)
	}
	c.note(st, nil, mark)
	return &sentRows{Rows: rows, c: c, st: st}, nil
}

// note records in st (when there is one) what a statement begun at mark
// wrote, and err as the statement should report it (failed).
func (c *sentConn) note(st *sendState, err error, mark int64) error {
	if st != nil && (mark < 0 || c.raw.written.Load() != mark) {
		st.sent.Store(true)
	}
	return c.failed(err, mark)
}

// finished is note for an Exec, which lib/pq returns from only once it
// has read the whole answer.
func (c *sentConn) finished(st *sendState, err error, mark int64) error {
	err = c.note(st, err, mark)
	if err == nil && st != nil {
		st.done.Store(true)
	}
	return err
}

func (c *sentConn) CheckNamedValue(v *driver.NamedValue) error {
	return c.inner.(driver.NamedValueChecker).CheckNamedValue(v)
}

func (c *sentConn) Ping(ctx context.Context) error { return c.inner.(driver.Pinger).Ping(ctx) }

func (c *sentConn) IsValid() bool { return c.inner.(driver.Validator).IsValid() }

// ResetSession is called before a connection is taken from the pool
// again. Besides lib/pq's own check, it looks, without waiting, whether
// the server has closed the connection meanwhile: a write on such a
// connection would reach nothing, but could not be told from one cut off
// after it arrived.
func (c *sentConn) ResetSession(ctx context.Context) error {
	if err := c.inner.(driver.SessionResetter).ResetSession(ctx); err != nil {
		return err
	}
	if c.raw != nil && closedByPeer(c.raw.Conn) {
		return driver.ErrBadConn
	}
	return nil
}

// sentStmt is a prepared statement of a sentConn.
type sentStmt struct {
	driver.Stmt
	c *sentConn
}

func (s *sentStmt) ExecContext(ctx context.Context, args []driver.NamedValue) (driver.Result, error) {
	st, mark := stateOf(ctx), s.c.mark()
	var r driver.Result
	var err error
	if ec, ok := s.Stmt.(driver.StmtExecContext); ok {
		r, err = ec.ExecContext(ctx, args)
	} else {
		// lib/pq's COPY, which has only Exec.
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		r, err = s.Stmt.Exec(values(args))
	}
	return r, s.c.finished(st, err, mark)
}

func (s *sentStmt) QueryContext(ctx context.Context, args []driver.NamedValue) (driver.Rows, error) {
	st, mark := stateOf(ctx), s.c.mark()
	var rows driver.Rows
	var err error
	if qc, ok := s.Stmt.(driver.StmtQueryContext); ok {
		rows, err = qc.QueryContext(ctx, args)
	} else {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		rows, err = s.Stmt.Query(values(args))
	}
	if err != nil {
		return nil, s.c.note(st, err, mark)
	}
	s.c.note(st, nil, mark)
	return &sentRows{Rows: rows, c: s.c, st: st}, nil
}

func values(args []driver.NamedValue) []driver.Value {
	out := make([]driver.Value, len(args))
	for i, a := range args {
		out[i] = a.Value
	}
	return out
}

// sentRows are the rows of a statement already sent: a failure while
// reading them, or while reading the rest of the answer on Close, is
// always after sending. The end of the rows is, for a single statement,
// the end of its answer (lib/pq's Close reads on to it).
type sentRows struct {
	driver.Rows
	c  *sentConn
	st *sendState
}

func (r *sentRows) Next(dest []driver.Value) error {
	err := r.Rows.Next(dest)
	if err == io.EOF && r.st != nil {
		r.st.done.Store(true)
	}
	return r.c.failed(err, -1)
}

func (r *sentRows) Close() error {
	err := r.Rows.Close()
	if err == nil && r.st != nil {
		r.st.done.Store(true)
	}
	return r.c.failed(err, -1)
}

func (r *sentRows) HasNextResultSet() bool {
	n, ok := r.Rows.(driver.RowsNextResultSet)
	return ok && n.HasNextResultSet()
}

func (r *sentRows) NextResultSet() error {
	n, ok := r.Rows.(driver.RowsNextResultSet)
	if !ok {
		return io.EOF
	}
	return r.c.failed(n.NextResultSet(), -1)
}

func (r *sentRows) ColumnTypeScanType(i int) reflect.Type {
	if t, ok := r.Rows.(driver.RowsColumnTypeScanType); ok {
		return t.ColumnTypeScanType(i)
	}
	return reflect.TypeFor[any]()
}

func (r *sentRows) ColumnTypeDatabaseTypeName(i int) string {
	if t, ok := r.Rows.(driver.RowsColumnTypeDatabaseTypeName); ok {
		return t.ColumnTypeDatabaseTypeName(i)
	}
	return ""
}

func (r *sentRows) ColumnTypeLength(i int) (int64, bool) {
	if t, ok := r.Rows.(driver.RowsColumnTypeLength); ok {
		return t.ColumnTypeLength(i)
	}
	return 0, false
}

func (r *sentRows) ColumnTypePrecisionScale(i int) (int64, int64, bool) {
	if t, ok := r.Rows.(driver.RowsColumnTypePrecisionScale); ok {
		return t.ColumnTypePrecisionScale(i)
	}
	return 0, 0, false
}
