package storage

import (
	"context"
	"database/sql"
	"sync"
	"time"

	"github.com/jmoiron/sqlx"
)

// pool is the connection pool as the storage functions use it: every
// statement that has parameters is prepared, once per connection, the
// first time that connection runs it, and runs from then on as a prepared
// statement. A statement sent unprepared is parsed and planned on every
// call, and for most of the statements here planning took longer than
// running (0.1–1.4 ms against 0.01–0.2 ms: pg_stat_statements with
// track_planning, BENCHMARKS.md); prepared, PostgreSQL plans a statement
// for its first few runs and then keeps a generic plan when that is no
// worse. Statements without parameters go as they are, by the simple
// protocol, so that a text of several statements still runs.
//
// Every statement text here is a constant (values are always parameters),
// so the statements prepared are the few hundred the code holds, not one
// per request.
type pool struct {
	*sqlx.DB
	stmts   *sync.Map // query text → *sqlx.Stmt, prepared on the pool
	pending *sync.Map // query text → struct{}: being prepared by prepareLater
}

// prepared is query prepared on the pool, once per pool; database/sql
// prepares it on each connection the first time that connection runs it.
func (p pool) prepared(ctx context.Context, q string) (*sqlx.Stmt, error) {
	if st, ok := p.stmts.Load(q); ok {
		return st.(*sqlx.Stmt), nil
	}
	st, err := p.DB.PreparexContext(ctx, q)
	if err != nil {
		return nil, err
	}
	if prev, loaded := p.stmts.LoadOrStore(q, st); loaded {
		_ = st.Close()
		return prev.(*sqlx.Stmt), nil
	}
	return st, nil
}

// prepareLater prepares q on the pool in the background, once at a time.
// A transaction cannot wait for it: preparing on the pool takes a
// connection of the pool's, and with every connection held by a
// transaction waiting for one, none would come back.
func (p pool) prepareLater(q string) {
	if _, busy := p.pending.LoadOrStore(q, struct{}{}); busy {
		return
	}
	go func() {
		defer p.pending.Delete(q)
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		_, _ = p.prepared(ctx, q) // best effort: until it is, q runs unprepared
	}()
}

// prepares is what pool and Tx have in common: the statement prepared
// for where it runs, and the same without preparing (for statements
// without parameters, and to meet a statement's own error).
type prepares interface {
	// stmt is q prepared, or nil to run q unprepared.
	stmt(ctx context.Context, q string) (*sqlx.Stmt, error)
	plain() runner
}

// runner is the statements' side of *sqlx.DB and *sqlx.Tx.
type runner interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryxContext(ctx context.Context, query string, args ...any) (*sqlx.Rows, error)
	QueryRowxContext(ctx context.Context, query string, args ...any) *sqlx.Row
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

func query(ctx context.Context, p prepares, q string, args []any) (*sql.Rows, error) {
	if len(args) == 0 {
		return p.plain().QueryContext(ctx, q)
	}
	st, err := p.stmt(ctx, q)
	if err != nil {
		return nil, err
	}
	if st == nil {
		return p.plain().QueryContext(ctx, q, args...)
	}
	return st.QueryContext(ctx, args...)
}

func queryx(ctx context.Context, p prepares, q string, args []any) (*sqlx.Rows, error) {
	if len(args) == 0 {
		return p.plain().QueryxContext(ctx, q)
	}
	st, err := p.stmt(ctx, q)
	if err != nil {
		return nil, err
	}
	if st == nil {
		return p.plain().QueryxContext(ctx, q, args...)
	}
	return st.QueryxContext(ctx, args...)
}

// queryRowx runs q unprepared when it cannot be prepared: sqlx.Row keeps
// its error unexported, and the statement meets the same error there.
func queryRowx(ctx context.Context, p prepares, q string, args []any) *sqlx.Row {
	if len(args) == 0 {
		return p.plain().QueryRowxContext(ctx, q)
	}
	st, err := p.stmt(ctx, q)
	if err != nil || st == nil {
		return p.plain().QueryRowxContext(ctx, q, args...)
	}
	return st.QueryRowxContext(ctx, args...)
}

func queryRow(ctx context.Context, p prepares, q string, args []any) *sql.Row {
	if len(args) == 0 {
		return p.plain().QueryRowContext(ctx, q)
	}
	st, err := p.stmt(ctx, q)
	if err != nil || st == nil {
		return p.plain().QueryRowContext(ctx, q, args...)
	}
	return st.QueryRowContext(ctx, args...)
}

func exec(ctx context.Context, p prepares, q string, args []any) (sql.Result, error) {
	if len(args) == 0 {
		return p.plain().ExecContext(ctx, q)
	}
	st, err := p.stmt(ctx, q)
	if err != nil {
		return nil, err
	}
	if st == nil {
		return p.plain().ExecContext(ctx, q, args...)
	}
	return st.ExecContext(ctx, args...)
}

func (p pool) stmt(ctx context.Context, q string) (*sqlx.Stmt, error) { return p.prepared(ctx, q) }
func (p pool) plain() runner                                          { return p.DB }

func (p pool) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	return query(ctx, p, q, args)
}
func (p pool) QueryxContext(ctx context.Context, q string, args ...any) (*sqlx.Rows, error) {
	return queryx(ctx, p, q, args)
}
func (p pool) QueryRowxContext(ctx context.Context, q string, args ...any) *sqlx.Row {
	return queryRowx(ctx, p, q, args)
}
func (p pool) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	return queryRow(ctx, p, q, args)
}
func (p pool) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	return exec(ctx, p, q, args)
}
func (p pool) GetContext(ctx context.Context, dest any, q string, args ...any) error {
	return sqlx.GetContext(ctx, p, dest, q, args...)
}
func (p pool) SelectContext(ctx context.Context, dest any, q string, args ...any) error {
	return sqlx.SelectContext(ctx, p, dest, q, args...)
}

// Tx is a transaction whose statements are the pool's prepared ones (see
// pool), run on the transaction's connection.
type Tx struct {
	*sqlx.Tx
	p pool
}

// stmt is q as the pool has prepared it, bound to the transaction:
// database/sql reuses the statement already prepared on the transaction's
// connection, or prepares it there once. A statement the pool has not
// prepared yet runs unprepared this time, and is prepared in the
// background for the next (see prepareLater).
func (tx *Tx) stmt(ctx context.Context, q string) (*sqlx.Stmt, error) {
	st, ok := tx.p.stmts.Load(q)
	if !ok {
		tx.p.prepareLater(q)
		return nil, nil
	}
	return tx.Tx.StmtxContext(ctx, st.(*sqlx.Stmt)), nil
}

func (tx *Tx) plain() runner { return tx.Tx }

func (tx *Tx) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	return query(ctx, tx, q, args)
}
func (tx *Tx) QueryxContext(ctx context.Context, q string, args ...any) (*sqlx.Rows, error) {
	return queryx(ctx, tx, q, args)
}
func (tx *Tx) QueryRowxContext(ctx context.Context, q string, args ...any) *sqlx.Row {
	return queryRowx(ctx, tx, q, args)
}
func (tx *Tx) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	return queryRow(ctx, tx, q, args)
}
func (tx *Tx) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	return exec(ctx, tx, q, args)
}
func (tx *Tx) GetContext(ctx context.Context, dest any, q string, args ...any) error {
	return sqlx.GetContext(ctx, tx, dest, q, args...)
}
func (tx *Tx) SelectContext(ctx context.Context, dest any, q string, args ...any) error {
	return sqlx.SelectContext(ctx, tx, dest, q, args...)
}
