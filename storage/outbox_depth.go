package storage

import "context"

// OutboxDepth counts the outbox's messages waiting to be sent and those
// that failed for good, for the metrics.
func (db *DB) OutboxDepth(ctx context.Context) (pending, failed int, err error) {
	err = db.x.QueryRowxContext(ctx, `SELECT count(*) FILTER (WHERE state = 'pending'), count(*) FILTER (WHERE state = 'failed') FROM outbox`).Scan(&pending, &failed)
	if err != nil {
		return 0, 0, mapErr("outbox depth", err)
	}
	return pending, failed, nil
}
