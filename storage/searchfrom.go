package storage

import (
	"context"
	"database/sql"
	"strings"

	"github.com/quorumhq/quorum/commands"
)

// SearchMinutesFrom implements commands.MinutesStore: what Origin reads,
// the replay check and the search, in one statement and one round trip.
// `/resolution` is asked during meetings by anyone in the channel, and
// its answer otherwise waited on two.
func (db *DB) SearchMinutesFrom(ctx context.Context, req commands.SearchRequest) (commands.Origin, []commands.Minute, bool, error) {
	if req.Replay != "" {
		db.pruneSeenLater()
	}
	key, nonce := replayKey(req.Replay)
	var rows []struct {
		Origin   originRow `db:"o"`
		Replayed bool      `db:"replayed"`
		searchRow
	}
	err := db.x.SelectContext(ctx, &rows, searchFromSQL, req.TeamID, req.Words, req.Limit, commands.HighlightStart+commands.HighlightStop,
		headlineAll, headlinePassages, searchWindow, phraseWindowCommon, req.ChannelID, req.UserID, req.At, key, nonce)
	switch {
	case err != nil:
		return commands.Origin{}, nil, false, mapErr("search minutes", err)
	case len(rows) == 0:
		return commands.Origin{}, nil, false, mapErr("search minutes", sql.ErrNoRows)
	case rows[0].Replayed:
		return commands.Origin{}, nil, false, commands.ErrReplay
	}
	found := make([]searchRow, len(rows))
	for i, r := range rows {
		found[i] = r.searchRow
	}
	ms, recentOnly, err := db.found(ctx, found)
	if err != nil {
		return commands.Origin{}, nil, false, err
	}
	return rows[0].Origin.origin(), ms, recentOnly, nil
}

// searchFromSQL is searchMinutesSQL for the committee of the channel ($1
// team, $9 channel), with what Origin reads of it for the sender $10 at
// $11 (originColumns, named "o.…" beside the minute's own), and the
// replay key $12 recorded with the nonce $13 as FirstSeen records it:
// for a channel that is no committee's, there is no row, and no key
// recorded. Each row says whether the key was seen before.
var searchFromSQL = `WITH origin AS (
	SELECT ` + originColumns + `
	FROM committees c
	LEFT JOIN members m ON m.committee_id = c.id AND m.user_id = $10 AND m.removed_at IS NULL` + meetingJoin("0", "$11") + `
	WHERE c.team_id = $1 AND c.channel_id = $9
), seen AS (
	` + seenInsertSQL + `
	SELECT CAST($12 AS bytea), CAST($13 AS bigint) FROM origin WHERE octet_length(CAST($12 AS bytea)) > 0
	` + seenConflictSQL + `
), ` + searchCTEs("(SELECT id FROM origin)") + `, hits AS (` + searchFound + `
)
SELECT ` + prefixed("origin", "o", originNames) + `,
	octet_length(CAST($12 AS bytea)) > 0 AND NOT EXISTS (SELECT 1 FROM seen) AS replayed, hits.*
FROM origin CROSS JOIN hits
ORDER BY hits.pos`

// originNames are the names of originColumns.
var originNames = []string{"id", "name", "team_id", "channel_id", "time_zone", "standard_items", "reminder_days",
	"reminder_time", "created_at", "calendar_token", "m_user_id", "m_name", "m_organisation", "m_role", "m_added_at",
	"n_id", "n_starts_at", "n_venue", "n_status", "n_time_known", "n_revision"}

// prefixed lists the columns names of the relation from, each named
// "prefix.name": the columns of a struct field tagged prefix.
func prefixed(from, prefix string, names []string) string {
	cols := make([]string, len(names))
	for i, n := range names {
		cols[i] = from + "." + n + ` AS "` + prefix + "." + n + `"`
	}
	return strings.Join(cols, ", ")
}
