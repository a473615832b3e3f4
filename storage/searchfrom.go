package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/lib/pq"

	"github.com/quorumhq/quorum/commands"
)

// FindMinutesFrom implements commands.MinutesStore: what Origin reads,
// the replay check, and the minutes found by number (as MinutesByNumber
// finds them) or by words (as SearchMinutes does) with their resolutions,
// in one statement and one round trip; a search shares its statement with
// the others sent at the same moment (searchBatcher). `/resolution` is
// asked during meetings by anyone in the channel, and its answer
// otherwise waited on three round trips.
func (db *DB) FindMinutesFrom(ctx context.Context, req commands.FindRequest) (commands.Origin, []commands.Minute, bool, error) {
	if (req.Number == "") == (req.Words == "") {
		return commands.Origin{}, nil, false, fmt.Errorf("storage: find minutes: a number or words, not both")
	}
	if req.Replay != "" {
		db.pruneSeenLater()
	}
	call := findCall{req: req, seq: db.findSeq.Add(1)}
	call.key, call.nonce = replayKey(req.Replay)
	var rows []foundRow
	var err error
	if req.Number != "" {
		err = db.x.SelectContext(ctx, &rows, numberFromSQL, req.TeamID, req.Number, req.Limit, req.ChannelID, req.UserID, req.At, call.key, call.nonce)
	} else {
		rows, err = db.searchesFrom.do(ctx, call)
	}
	switch {
	case err != nil:
		return commands.Origin{}, nil, false, mapErr("find minutes", err)
	case len(rows) == 0:
		return commands.Origin{}, nil, false, mapErr("find minutes", sql.ErrNoRows)
	case rows[0].Replayed:
		return commands.Origin{}, nil, false, commands.ErrReplay
	}
	o := rows[0].Origin.origin()
	if len(rows) == 1 && rows[0].ID == 0 {
		return o, nil, rows[0].RecentOnly, nil
	}
	out := make([]commands.Minute, len(rows))
	for i, r := range rows {
		out[i] = r.minute()
		n := len(r.ResolutionIDs)
		if len(r.ResolutionBodies) != n || len(r.ResolutionParts) != n || len(r.ResolutionWords) != n {
			return commands.Origin{}, nil, false, fmt.Errorf("storage: find minutes: %d resolutions, %d bodies, %d parts, %d words", n, len(r.ResolutionBodies), len(r.ResolutionParts), len(r.ResolutionWords))
		}
		for j := range n {
			res := commands.Resolution{ID: r.ResolutionIDs[j], Body: r.ResolutionBodies[j], RecordedAs: r.ResolutionWords[j]}
			if err := json.Unmarshal([]byte(r.ResolutionParts[j]), &res.Parts); err != nil {
				return commands.Origin{}, nil, false, fmt.Errorf("storage: find minutes: parts: %w", err)
			}
			out[i].Resolutions = append(out[i].Resolutions, res)
		}
		ownLetters(&out[i])
	}
	return o, out, rows[0].RecentOnly, nil
}

// foundRow is a row of fromHits: one of the minutes a request found, or
// none (ID 0), with where the request came from; Ord is the request's
// place in its batch.
type foundRow struct {
	Ord      int       `db:"ord"`
	Origin   originRow `db:"o"`
	Replayed bool      `db:"replayed"`
	searchRow
	ResolutionIDs    pq.Int64Array  `db:"res_ids"`
	ResolutionBodies pq.StringArray `db:"res_bodies"`
	ResolutionParts  pq.StringArray `db:"res_parts"` // each resolution's, as a JSON array
	ResolutionWords  pq.StringArray `db:"res_words"`
}

// findCall is one FindMinutesFrom: the request, its replay key hashed
// with the call's own nonce (replayKey), and its sequence number, which
// tells apart in a batch the calls that have no key.
type findCall struct {
	req   commands.FindRequest
	key   []byte
	nonce int64
	seq   int64
}

// searchBatcher batches the searches of FindMinutesFrom (see batcher):
// during a meeting, members look a resolution up at the same moment. A
// batch holds a key once; a caller that gives up on the read does not
// wait for it.
func searchBatcher(db *DB) *batcher[findCall, []foundRow] {
	return &batcher[findCall, []foundRow]{
		run: db.searches,
		key: func(c findCall) string {
			if len(c.key) == 0 {
				return fmt.Sprint("call ", c.seq)
			}
			return string(c.key)
		},
		max: batchMax, workers: batchWorkers, spill: batchSpill, leave: true,
	}
}

// searches runs the searches of calls: searchFromSQL for one,
// searchesFromSQL for more, whose rows it deals out by ord.
func (db *DB) searches(ctx context.Context, calls []findCall) ([][]foundRow, error) {
	n := len(calls)
	out := make([][]foundRow, n)
	// The search's own parameters, $3 to $8, are the same for every call.
	limit := calls[0].req.Limit
	for _, c := range calls {
		if c.req.Limit != limit {
			return nil, fmt.Errorf("storage: find minutes: limits %d and %d in one batch", limit, c.req.Limit)
		}
	}
	if n == 1 {
		r := calls[0].req
		err := db.x.SelectContext(ctx, &out[0], searchFromSQL, r.TeamID, plainWords(r.Words), limit, headlineMarkers,
			headlineAll, headlinePassages, searchWindow, phraseWindowCommon, r.ChannelID, r.UserID, r.At, calls[0].key, calls[0].nonce)
		return out, err
	}
	a, words := newRequestArrays(n), make(pq.StringArray, n)
	for i, c := range calls {
		a.set(i, c.req.TeamID, c.req.ChannelID, c.req.UserID, c.req.At, c.key, c.nonce)
		words[i] = plainWords(c.req.Words)
	}
	var rows []foundRow
	err := db.x.SelectContext(ctx, &rows, searchesFromSQL, a.teams, a.channels, limit, headlineMarkers,
		headlineAll, headlinePassages, searchWindow, phraseWindowCommon, a.users, a.ats, words, a.keys, a.nonces)
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		if r.Ord < 1 || r.Ord > n {
			return nil, fmt.Errorf("storage: find minutes: a row for call %d of %d", r.Ord, n)
		}
		out[r.Ord-1] = append(out[r.Ord-1], r)
	}
	return out, nil
}

// fromOrigin starts a statement that finds minutes for a request from a
// channel: origin, what Origin reads of the committee of the channel (the
// SQL expressions team and channel) for the sender user at the time at;
// and seen, the replay key recorded with the nonce as FirstSeen records
// it, for a channel that is a committee's only.
func fromOrigin(team, channel, user, at, key, nonce string) string {
	return `WITH origin AS (
	SELECT ` + originColumns + `
	FROM committees c
	LEFT JOIN members m ON m.committee_id = c.id AND m.user_id = ` + user + ` AND m.removed_at IS NULL` + meetingJoin("0", at) + `
	WHERE c.team_id = ` + team + ` AND c.channel_id = ` + channel + `
), seen AS (
	` + seenInsertSQL + `
	SELECT CAST(` + key + ` AS bytea), CAST(` + nonce + ` AS bigint) FROM origin WHERE octet_length(CAST(` + key + ` AS bytea)) > 0
	` + seenConflictSQL + `
)`
}

// fromHits ends a statement begun by fromOrigin whose CTE hits holds the
// minutes found (searchRow's columns, or one row of ID 0 for none): a row
// for each, in order, with the origin (named "o.…"), whether the key
// (the SQL expression key) was seen before, and the minute's
// resolutions, in order, a column's array each. For a channel that is no
// committee's, there is no row.
func fromHits(key string) string {
	return `
SELECT 1 AS ord, ` + prefixed("origin", "o", originNames) + `,
	octet_length(CAST(` + key + ` AS bytea)) > 0 AND NOT EXISTS (SELECT 1 FROM seen) AS replayed, hits.*,
	rs.res_ids, rs.res_bodies, rs.res_parts, rs.res_words
FROM origin CROSS JOIN hits
LEFT JOIN LATERAL (
	SELECT array_agg(r.id ORDER BY r.position) AS res_ids, array_agg(r.body ORDER BY r.position) AS res_bodies,
		array_agg(CAST(array_to_json(r.parts) AS text) ORDER BY r.position) AS res_parts,
		array_agg(r.recorded_as ORDER BY r.position) AS res_words
	FROM resolutions r WHERE r.minute_id = hits.id
) rs ON true
ORDER BY hits.pos`
}

// searchFromSQL is searchMinutesSQL ($2 to $8) for the committee of the
// channel ($1 team, $9 channel), for the sender $10 at $11, with the
// replay key $12 and nonce $13.
var searchFromSQL = fromOrigin("$1", "$9", "$10", "$11", "$12", "$13") + `, ` + searchCTEs("(SELECT id FROM origin)", "$2") +
	`, hits AS (` + searchFound + `
)` + fromHits("$12")

// numberFromSQL is MinutesByNumber of any day (the number $2, at most $3)
// for the committee of the channel ($1 team, $4 channel), for the sender
// $5 at $6, with the replay key $7 and nonce $8.
var numberFromSQL = fromOrigin("$1", "$4", "$5", "$6", "$7", "$8") + `, numbered AS (
	SELECT ` + minuteColumns + `, CAST(NULL AS text) AS highlight, CAST(NULL AS text) AS passage,
		row_number() OVER (ORDER BY mi.held_on DESC, mi.id DESC) AS pos
	` + minuteFrom + `
	WHERE mi.committee_id = (SELECT id FROM origin) AND mi.number = $2 AND` + minuteHasText + `
	ORDER BY mi.held_on DESC, mi.id DESC LIMIT $3
), hits AS (
	SELECT n.id, n.committee_id, n.committee_name, n.meeting_id, n.held_on, n.number, n.title, n.narrative, n.refs,
		n.draft, n.item_number, n.highlight, n.passage, false AS recent_only, n.pos
	FROM numbered n
	UNION ALL
	SELECT 0, 0, '', 0, '', '', '', '', '{}', false, '', NULL, NULL, false, 0
	WHERE NOT EXISTS (SELECT 1 FROM numbered)
)` + fromHits("$7")

// searchesFromSQL is searchFromSQL for many requests, their parameters
// in arrays ($1 team, $2 channel, $9 sender, $10 time, $11 words, $12
// replay key, $13 nonce) and the search's own ($3 to $8) shared: each
// request's minutes found by a search of its own (a LATERAL subquery, its
// steps correlated with the request), with the request's place (ord),
// in order. The keys are recorded in their order, as the batch of
// originsFirstSeenSQL records them.
var searchesFromSQL = `WITH req AS (
	SELECT * FROM unnest(CAST($1 AS text[]), CAST($2 AS text[]), CAST($9 AS text[]), CAST($10 AS timestamptz[]),
	                     CAST($11 AS text[]), CAST($12 AS bytea[]), CAST($13 AS bigint[]))
	WITH ORDINALITY AS req(team_id, channel_id, user_id, at, words, replay_key, replay_nonce, ord)
), origin AS (
	SELECT req.ord, ` + originColumns + requestsOrigin("req") + meetingJoin("0", "req.at") + `
), seen AS (
	` + seenInsertSQL + `
	SELECT req.replay_key, req.replay_nonce FROM req JOIN origin ON origin.ord = req.ord
	WHERE octet_length(req.replay_key) > 0
	ORDER BY req.replay_key
	` + seenConflictSQL + `
)
SELECT origin.ord, ` + prefixed("origin", "o", originNames) + `,
	octet_length(req.replay_key) > 0 AND req.replay_key NOT IN (SELECT key FROM seen) AS replayed, hits.*,
	rs.res_ids, rs.res_bodies, rs.res_parts, rs.res_words
FROM origin JOIN req ON req.ord = origin.ord
CROSS JOIN LATERAL (
	WITH ` + searchCTEs("origin.id", "req.words") + searchFound + `
) hits
LEFT JOIN LATERAL (
	SELECT array_agg(r.id ORDER BY r.position) AS res_ids, array_agg(r.body ORDER BY r.position) AS res_bodies,
		array_agg(CAST(array_to_json(r.parts) AS text) ORDER BY r.position) AS res_parts,
		array_agg(r.recorded_as ORDER BY r.position) AS res_words
	FROM resolutions r WHERE r.minute_id = hits.id
) rs ON true
ORDER BY origin.ord, hits.pos`

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
