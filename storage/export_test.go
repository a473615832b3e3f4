package storage

import (
	"context"
)

// InTx exposes inTx to the external tests.
func (db *DB) InTx(ctx context.Context, op string, fn func(tx *Tx) error) error {
	return db.inTx(ctx, op, fn)
}
