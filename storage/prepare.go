package storage

import (
	"context"
	"database/sql"
	"sync"

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
	stmts *sync.Map // query text → *sqlx.Stmt, prepared on the pool
}

// prepared is query prepared on the pool, once per pool; database/sql
// prepares it on each connection the first time that connection runs it.
func (p pool) prepared(ctx context.Context, query string) (*sqlx.Stmt, error) {
	if st, ok := p.stmts.Load(query); ok {
		return st.(*sqlx.Stmt), nil
	}
	st, err := p.DB.PreparexContext(ctx, query)
	if err != nil {
		return nil, err
	}
	if prev, loaded := p.stmts.LoadOrStore(query, st); loaded {
		_ = st.Close()
		return prev.(*sqlx.Stmt), nil
	}
	return st, nil
}

func (p pool) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if len(args) == 0 {
		return p.DB.QueryContext(ctx, query)
	}
	st, err := p.prepared(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(ctx, args...)
}

func (p pool) QueryxContext(ctx context.Context, query string, args ...any) (*sqlx.Rows, error) {
	if len(args) == 0 {
		return p.DB.QueryxContext(ctx, query)
	}
	st, err := p.prepared(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.QueryxContext(ctx, args...)
}

func (p pool) QueryRowxContext(ctx context.Context, query string, args ...any) *sqlx.Row {
	if len(args) == 0 {
		return p.DB.QueryRowxContext(ctx, query)
	}
	st, err := p.prepared(ctx, query)
	if err != nil {
		// sqlx.Row carries its error unexported: run it unprepared,
		// which meets the same error, if it is the statement's.
		return p.DB.QueryRowxContext(ctx, query, args...)
	}
	return st.QueryRowxContext(ctx, args...)
}

func (p pool) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	if len(args) == 0 {
		return p.DB.QueryRowContext(ctx, query)
	}
	st, err := p.prepared(ctx, query)
	if err != nil {
		return p.DB.QueryRowContext(ctx, query, args...)
	}
	return st.QueryRowContext(ctx, args...)
}

func (p pool) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	if len(args) == 0 {
		return p.DB.ExecContext(ctx, query)
	}
	st, err := p.prepared(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(ctx, args...)
}

func (p pool) GetContext(ctx context.Context, dest any, query string, args ...any) error {
	return sqlx.GetContext(ctx, p, dest, query, args...)
}

func (p pool) SelectContext(ctx context.Context, dest any, query string, args ...any) error {
	return sqlx.SelectContext(ctx, p, dest, query, args...)
}

// Tx is a transaction whose statements are the pool's prepared ones (see
// pool), run on the transaction's connection.
type Tx struct {
	*sqlx.Tx
	p pool
}

// stmt is query prepared on the pool and bound to the transaction:
// database/sql reuses the statement already prepared on the transaction's
// connection, or prepares it there once.
func (tx *Tx) stmt(ctx context.Context, query string) (*sqlx.Stmt, error) {
	st, err := tx.p.prepared(ctx, query)
	if err != nil {
		return nil, err
	}
	return tx.Tx.StmtxContext(ctx, st), nil
}

func (tx *Tx) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if len(args) == 0 {
		return tx.Tx.QueryContext(ctx, query)
	}
	st, err := tx.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(ctx, args...)
}

func (tx *Tx) QueryxContext(ctx context.Context, query string, args ...any) (*sqlx.Rows, error) {
	if len(args) == 0 {
		return tx.Tx.QueryxContext(ctx, query)
	}
	st, err := tx.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.QueryxContext(ctx, args...)
}

func (tx *Tx) QueryRowxContext(ctx context.Context, query string, args ...any) *sqlx.Row {
	if len(args) == 0 {
		return tx.Tx.QueryRowxContext(ctx, query)
	}
	st, err := tx.stmt(ctx, query)
	if err != nil {
		return tx.Tx.QueryRowxContext(ctx, query, args...)
	}
	return st.QueryRowxContext(ctx, args...)
}

func (tx *Tx) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	if len(args) == 0 {
		return tx.Tx.QueryRowContext(ctx, query)
	}
	st, err := tx.stmt(ctx, query)
	if err != nil {
		return tx.Tx.QueryRowContext(ctx, query, args...)
	}
	return st.QueryRowContext(ctx, args...)
}

func (tx *Tx) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	if len(args) == 0 {
		return tx.Tx.ExecContext(ctx, query)
	}
	st, err := tx.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(ctx, args...)
}

func (tx *Tx) GetContext(ctx context.Context, dest any, query string, args ...any) error {
	return sqlx.GetContext(ctx, tx, dest, query, args...)
}

func (tx *Tx) SelectContext(ctx context.Context, dest any, query string, args ...any) error {
	return sqlx.SelectContext(ctx, tx, dest, query, args...)
}
