package storage

import (
	"context"

	"github.com/quorumhq/quorum/commands"
)

// AgendaFrom implements commands.AgendaStore: the read dispatch makes for
// an `/agenda`, the replay check and the question whether the agenda kept
// from before still stands (RecordsChangedSince), in one statement and one
// round trip. An agenda kept is handed out again without reading anything
// else, so this is all an `/agenda` asks of the database, mostly; it
// otherwise asked twice, and read the whole agenda to find the meeting.
func (db *DB) AgendaFrom(ctx context.Context, req commands.AgendaRequest) (commands.AgendaAsked, error) {
	if req.Replay != "" {
		db.pruneSeenLater()
	}
	key, nonce := replayKey(req.Replay)
	var row struct {
		originRow
		runningRow
		Now      string `db:"now"`
		Changed  bool   `db:"changed"`
		Replayed bool   `db:"replayed"`
	}
	err := db.x.GetContext(ctx, &row, agendaFromSQL, req.TeamID, req.ChannelID, req.UserID, req.At, req.Since, key, nonce)
	switch {
	case err != nil:
		return commands.AgendaAsked{}, mapErr("agenda", err)
	case row.Replayed:
		return commands.AgendaAsked{}, commands.ErrReplay
	}
	o := row.origin()
	return commands.AgendaAsked{
		Origin:   o,
		Running:  row.running(o.Committee.ID),
		Snapshot: row.Now,
		Changed:  row.Changed,
	}, nil
}

// agendaFromSQL is, for the committee of the channel ($1, $2), what
// originSelect reads of it for the sender $3 at $4, its meeting in
// progress (runningJoin), and changedSince of the snapshot $5; with the
// replay key $6 recorded with the nonce $7 as FirstSeen records it, for a
// channel that is a committee's only. It says whether the key was seen
// before; for a channel that is no committee's, it has no row.
var agendaFromSQL = `WITH seen AS (
	` + seenInsertSQL + `
	SELECT CAST($6 AS bytea), CAST($7 AS bigint) FROM committees
	WHERE team_id = $1 AND channel_id = $2 AND octet_length(CAST($6 AS bytea)) > 0
	` + seenConflictSQL + `
)
SELECT ` + originColumns + `,
	x.id AS r_id, x.starts_at AS r_starts_at, x.venue AS r_venue, x.status AS r_status,
	x.time_known AS r_time_known, x.revision AS r_revision,
	` + changedSince("c.id", "CAST($5 AS text)") + `,
	octet_length(CAST($6 AS bytea)) > 0 AND NOT EXISTS (SELECT 1 FROM seen) AS replayed
FROM committees c
LEFT JOIN members m ON m.committee_id = c.id AND m.user_id = $3 AND m.removed_at IS NULL` + meetingJoin("0", "$4") + runningJoin("x", "true") + `
WHERE c.team_id = $1 AND c.channel_id = $2`
