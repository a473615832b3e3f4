package storage_test

import (
	"context"
	"testing"
	"time"

	"github.com/lib/pq"

	"github.com/quorumhq/quorum/storage"
	"github.com/quorumhq/quorum/storage/pgtest"
)

// The table read with the origin finds the committee's meeting in
// progress from its own meetings, as RunningMeetings does, however many
// meetings other committees have opened: not by walking every meeting
// ever opened.
func TestOriginTableReadsTheCommitteesOwnMeetings(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	setupCommittee(t, db)
	// Left unanalysed (see TestApologyBatchReadsEachSenderOnly).
	unanalysed(t, db, "meetings", "meeting_sessions")
	now := time.Now()
	at := now.UTC().Format(time.RFC3339Nano)
	blocks := func() (single, batch int) {
		single = genericPlanBlocks(t, db, storage.OriginTableFirstSeenSQL, "T1", "C1", "UOFF", now, int64(0), []byte{1}, int64(5))
		batch = genericPlanBlocks(t, db, storage.OriginsFirstSeenSQL, pq.StringArray{"T1", "T1"}, pq.StringArray{"C1", "C1"},
			pq.StringArray{"UOFF", "UOFF"}, pq.StringArray{at, at}, pq.ByteaArray{{1}, {2}}, pq.Int64Array{1, 2}, pq.BoolArray{true, true})
		return single, batch
	}
	// The first run of a statement on a connection reads the catalogue.
	blocks()
	single0, batch0 := blocks()
	// 400 other committees with 25 meetings each, every one opened and
	// closed.
	if _, err := db.SQL().ExecContext(ctx, `
		WITH c AS (INSERT INTO committees (name, team_id, channel_id) SELECT 'Committee ' || i, 'T1', 'CX' || i FROM generate_series(1, 400) i RETURNING id),
		m AS (INSERT INTO meetings (committee_id, starts_at, venue) SELECT c.id, now() - j * interval '30 days', 'Hall' FROM c, generate_series(1, 25) j RETURNING id, starts_at)
		INSERT INTO meeting_sessions (meeting_id, seq, action, at, by_user)
		SELECT m.id, k, CASE k WHEN 1 THEN 'opened' ELSE 'closed' END, m.starts_at, 'U' FROM m, generate_series(1, 2) k`); err != nil {
		t.Fatal(err)
	}
	single, batch := blocks()
	if single > single0+10 || batch > batch0+10 {
		t.Errorf("the origin with its table touched %d (alone) and %d (a batch of 2) buffers with 10,000 meetings opened elsewhere, %d and %d with none",
			single, batch, single0, batch0)
	}
}
