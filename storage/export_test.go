package storage

import (
	"context"

	"github.com/quorumhq/quorum/commands"
)

// InTx exposes inTx to the external tests.
func (db *DB) InTx(ctx context.Context, op string, fn func(tx *Tx) error) error {
	return db.inTx(ctx, op, fn)
}

// ApologiesInOneBatch is one batch of SendApologyFrom (sendApologiesFrom),
// for the external tests: for each request, whether its channel is a
// committee's, the origin and what was written.
func (db *DB) ApologiesInOneBatch(ctx context.Context, reqs []commands.ApologyRequest) ([]bool, []commands.Origin, []commands.ApologySent, error) {
	rs, err := db.sendApologiesFrom(ctx, reqs)
	if err != nil {
		return nil, nil, nil, err
	}
	found, origins, sent := make([]bool, len(rs)), make([]commands.Origin, len(rs)), make([]commands.ApologySent, len(rs))
	for i, r := range rs {
		found[i], origins[i], sent[i] = r.found, r.origin, r.sent
	}
	return found, origins, sent, nil
}
