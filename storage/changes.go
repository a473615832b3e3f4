package storage

import (
	"context"
	"time"

	"github.com/quorumhq/quorum/commands"
)

// RecordsChangedSince implements commands.AgendaStore. The snapshot is
// PostgreSQL's (pg_current_snapshot), taken before the reads it vouches
// for: a transaction it shows as committed was seen by them; one it does
// not was running then (its xip list) or began since (at or after its
// xmax), and is seen here once it commits (records_changes, migration
// 00029). So the records changed if the committee's latest change is at
// or after xmax, or one is by a transaction in xip: two probes of the
// primary key, whatever the table holds. Asked as one condition ("not
// visible in the snapshot"), the generic plan read every row since xmin,
// all of them for a busy committee: 1.7 ms at 10,000 rows. A snapshot
// from ahead of the database's transaction IDs (a failover to a standby
// behind the primary, a restore) vouches for nothing: the IDs it counts
// as seen are being handed out again.
func (db *DB) RecordsChangedSince(ctx context.Context, committeeID int64, since string) (string, bool, error) {
	var row struct {
		Now     string `db:"now"`
		Changed bool   `db:"changed"`
	}
	err := db.x.GetContext(ctx, &row, recordsChangedSQL, committeeID, since)
	if err != nil {
		return "", false, mapErr("records changed", err)
	}
	return row.Now, row.Changed, nil
}

var recordsChangedSQL = `SELECT ` + changedSince("$1", "$2")

// changedSince are the columns now and changed of RecordsChangedSince,
// for the committee whose ID is the SQL expression committee and the
// snapshot in the parameter since. Each transaction the snapshot saw
// running is looked up by the primary key, a scalar subquery each, which
// the planner cannot turn into a join: as "xid = ANY (the running)", a
// plan for a committee that is a column, not a parameter (AgendaFrom),
// read every change of the committee and filtered them (0.33 ms of the
// statement's 0.42 among 2,800).
func changedSince(committee, since string) string {
	return `pg_current_snapshot()::text AS now,
	` + since + ` = ''
	OR pg_snapshot_xmax(NULLIF(` + since + `, '')::pg_snapshot) > pg_snapshot_xmax(pg_current_snapshot())
	OR COALESCE((SELECT max(r.xid) FROM records_changes r WHERE r.committee_id = ` + committee + `), '0'::xid8)
	   >= pg_snapshot_xmax(NULLIF(` + since + `, '')::pg_snapshot)
	OR EXISTS (SELECT 1 FROM pg_snapshot_xip(NULLIF(` + since + `, '')::pg_snapshot) AS x(xid)
		WHERE (SELECT true FROM records_changes r WHERE r.committee_id = ` + committee + ` AND r.xid = x.xid LIMIT 1)) AS changed`
}

// changesKept is how long a snapshot this replica took must be old before
// the changes it saw are pruned: longer than any replica keeps a built
// agenda (commands.AgendaKeptFor) with the snapshot taken before it was
// built, with room to spare. Every snapshot taken since saw all that the
// old one did, so no agenda kept anywhere needs a row it saw.
const changesKept = 4 * commands.AgendaKeptFor

// pruneChanges deletes the rows of records_changes that the snapshot it
// took last time saw, once that snapshot is kept old (changesKept), and
// takes the next. It goes by snapshots rather than by the rows' times
// because a row is stamped when its transaction wrote it, which may be
// long before it committed, and it is the commit that agendas kept must
// learn of.
// Replicas prune alike, each by its own snapshots. A snapshot from ahead
// of the database's transaction IDs (see RecordsChangedSince) prunes
// nothing: it would count as seen the changes made since.
func (db *DB) pruneChanges(ctx context.Context, kept time.Duration) error {
	m := &db.changesMark
	m.Lock()
	snapshot, at := m.snapshot, m.at
	m.Unlock()
	if snapshot != "" && time.Since(at) < kept {
		return nil
	}
	taken := time.Now()
	var next string
	err := db.x.GetContext(ctx, &next, `WITH gone AS (
			DELETE FROM records_changes WHERE $1 <> '' AND pg_visible_in_snapshot(xid, NULLIF($1, '')::pg_snapshot)
			  AND pg_snapshot_xmax(NULLIF($1, '')::pg_snapshot) <= pg_snapshot_xmax(pg_current_snapshot())
		)
		SELECT pg_current_snapshot()::text`, snapshot)
	if err != nil {
		return mapErr("prune records changes", err)
	}
	m.Lock()
	m.snapshot, m.at = next, taken
	m.Unlock()
	return nil
}
