package storage

import (
	"context"

	"github.com/jmoiron/sqlx"
)

// InTx exposes inTx to the external tests.
func (db *DB) InTx(ctx context.Context, op string, fn func(tx *sqlx.Tx) error) error {
	return db.inTx(ctx, op, fn)
}
