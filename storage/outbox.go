package storage

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"sort"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"github.com/quorumhq/quorum/commands"
)

// errDuplicate rolls back an Enqueue whose dedupe key was used before.
var errDuplicate = errors.New("dedupe key already used")

// Enqueue implements commands.OutboxStore.
func (db *DB) Enqueue(ctx context.Context, msgs ...commands.OutboxMessage) (bool, error) {
	err := db.inTx(ctx, "enqueue", func(tx *Tx) error { return enqueueAll(ctx, tx, msgs) })
	if errors.Is(err, errDuplicate) {
		return false, nil
	}
	return err == nil, err
}

// enqueueAll queues msgs in the caller's transaction, as enqueue does
// each.
func enqueueAll(ctx context.Context, tx *Tx, msgs []commands.OutboxMessage) error {
	for _, m := range msgs {
		if err := enqueue(ctx, tx, m); err != nil {
			return err
		}
	}
	return nil
}

// enqueue queues m in the caller's transaction, as Enqueue does: a write
// whose message must not be lost queues it with itself. A message whose
// dedupe key was used before is errDuplicate.
func enqueue(ctx context.Context, tx *Tx, m commands.OutboxMessage) error {
	payload, err := json.Marshal(m.Reply)
	if err != nil {
		return err
	}
	due := m.DueAt
	if due.IsZero() {
		due = time.Now()
	}
	if m.Kind == commands.OutboxUpdate {
		// Coalesce: one pending update per message is enough, carrying
		// the newest payload. One a worker has claimed is not in the
		// index (see migration 00011), so a change made while it is
		// being sent is queued afresh.
		_, err = tx.ExecContext(ctx, `
			INSERT INTO outbox (committee_id, kind, channel_id, user_id, message_key, payload, due_at)
			VALUES ($1, 'update', $2, $3, $4, $5, $6)
			ON CONFLICT (kind, message_key) WHERE kind IN ('update', 'home') AND state = 'pending' AND locked_until IS NULL
			DO UPDATE SET payload = EXCLUDED.payload, version = outbox.version + 1`,
			nullID(m.CommitteeID), m.ChannelID, m.UserID, m.MessageKey, string(payload), due)
		return err
	}
	if m.Kind == commands.OutboxPost && m.CommitteeID != 0 {
		// Officers' Homes say whether the agenda is posted.
		if err := markHomesStale(ctx, tx, m.CommitteeID, []string{}); err != nil {
			return err
		}
	}
	var id int64
	err = tx.GetContext(ctx, &id, `
		INSERT INTO outbox (committee_id, kind, channel_id, user_id, message_key, dedupe_key, payload, due_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
		ON CONFLICT (dedupe_key) DO UPDATE
		SET payload = EXCLUDED.payload, channel_id = EXCLUDED.channel_id, user_id = EXCLUDED.user_id,
		    due_at = EXCLUDED.due_at, state = 'pending', attempts = 0, last_error = '',
		    locked_until = NULL, claim_token = NULL, version = outbox.version + 1
		WHERE outbox.state = 'failed' AND (NOT $9 OR outbox.last_error LIKE $10 || '%')
		RETURNING id`,
		nullID(m.CommitteeID), string(m.Kind), m.ChannelID, m.UserID, m.MessageKey, nullString(m.DedupeKey), string(payload), due,
		m.Repeated, commands.SettledUnsent)
	if errors.Is(err, sql.ErrNoRows) {
		return errDuplicate
	}
	return err
}

// MessagePosted implements commands.OutboxStore.
func (db *DB) MessagePosted(ctx context.Context, key string) (bool, error) {
	var posted bool
	err := db.x.GetContext(ctx, &posted, `SELECT
		EXISTS (SELECT 1 FROM slack_messages WHERE message_key = $1)
		OR EXISTS (SELECT 1 FROM outbox WHERE message_key = $1 AND kind = 'post' AND state = 'pending')`, key)
	return posted, mapErr("message posted", err)
}

type outboxRow struct {
	ID          int64         `db:"id"`
	CommitteeID sql.NullInt64 `db:"committee_id"`
	Kind        string        `db:"kind"`
	ChannelID   string        `db:"channel_id"`
	UserID      string        `db:"user_id"`
	TeamID      string        `db:"team_id"`
	MessageKey  string        `db:"message_key"`
	DedupeKey   string        `db:"dedupe_key"`
	Payload     []byte        `db:"payload"`
	DueAt       time.Time     `db:"due_at"`
	Attempts    int           `db:"attempts"`
	Version     int           `db:"version"`
	Claim       string        `db:"claim_token"`
}

// ClaimOutbox claims up to limit messages due at now for one worker, for
// lease: the claim is committed before anything is sent, so another worker
// (on this replica or another) skips the rows while the lease lasts. An
// update waits while its message's post is still pending, so that it has
// a message to edit.
func (db *DB) ClaimOutbox(ctx context.Context, now time.Time, lease time.Duration, limit int) ([]commands.OutboxMessage, error) {
	var token [12]byte
	_, _ = rand.Read(token[:])
	var rows []outboxRow
	err := db.x.SelectContext(ctx, &rows, `
		UPDATE outbox o SET locked_until = $2, claim_token = $3, attempts = o.attempts + 1
		WHERE o.id IN (
			SELECT c.id FROM outbox c
			WHERE c.state = 'pending' AND (c.locked_until IS NULL OR c.locked_until <= $1)
			  -- A mark that a message or Home is stale is due as soon as it
			  -- is made, whatever the clocks of the writer and the worker
			  -- say; only its retries wait for their time.
			  AND (c.due_at <= $1 OR (c.kind IN ('update', 'home') AND c.attempts = 0))
			  -- One send of a message or Home at a time, so that one built
			  -- from older records never lands after one built from newer.
			  AND NOT (c.kind IN ('update', 'home') AND EXISTS (
			      SELECT 1 FROM outbox p WHERE p.kind = c.kind AND p.message_key = c.message_key
			        AND p.state = 'pending' AND p.locked_until > $1 AND p.id <> c.id))
			  AND NOT (c.kind = 'update' AND EXISTS (
			      SELECT 1 FROM outbox p WHERE p.message_key = c.message_key AND p.kind = 'post' AND p.state = 'pending'))
			ORDER BY c.due_at, c.id
			LIMIT $4
			FOR UPDATE SKIP LOCKED)
		RETURNING o.id, o.committee_id, o.kind, o.channel_id, o.user_id, o.team_id, o.message_key,
			COALESCE(o.dedupe_key, '') AS dedupe_key, o.payload, o.due_at, o.attempts, o.version, o.claim_token`,
		now, now.Add(lease), hex.EncodeToString(token[:]), limit)
	if err != nil {
		return nil, mapErr("claim outbox", err)
	}
	out := make([]commands.OutboxMessage, 0, len(rows))
	for _, r := range rows {
		m := commands.OutboxMessage{
			ID: r.ID, CommitteeID: r.CommitteeID.Int64, Kind: commands.OutboxKind(r.Kind), ChannelID: r.ChannelID,
			UserID: r.UserID, TeamID: r.TeamID, MessageKey: r.MessageKey, DedupeKey: r.DedupeKey, DueAt: r.DueAt,
			Attempts: r.Attempts, Version: r.Version, Claim: r.Claim,
		}
		if err := json.Unmarshal(r.Payload, &m.Reply); err != nil {
			m.Reply = commands.Reply{Text: "(unreadable message)"}
		}
		out = append(out, m)
	}
	// Oldest first, as claimed (RETURNING keeps no order).
	sortByDue(out)
	return out, nil
}

func sortByDue(ms []commands.OutboxMessage) {
	sort.Slice(ms, func(i, j int) bool {
		if !ms[i].DueAt.Equal(ms[j].DueAt) {
			return ms[i].DueAt.Before(ms[j].DueAt)
		}
		return ms[i].ID < ms[j].ID
	})
}

// OutboxSent records that m went to Slack as message ts in channelID. It
// reports false when m is an update that took a newer payload while it was
// being sent: the row stays pending, due at now, to send the newer one.
func (db *DB) OutboxSent(ctx context.Context, m commands.OutboxMessage, channelID, ts string, now time.Time) (bool, error) {
	done := false
	err := db.inTx(ctx, "outbox sent", func(tx *Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE outbox SET state = 'sent', sent_at = $3, locked_until = NULL, last_error = ''
			WHERE id = $1 AND claim_token = $2 AND version = $4 AND state = 'pending'`, m.ID, m.Claim, now, m.Version)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 1 {
			done = true
			if m.Kind == commands.OutboxHome {
				// A Home published is no record worth keeping; without
				// this, every change would leave a row per Home it touched.
				_, err = tx.ExecContext(ctx, `DELETE FROM outbox WHERE id = $1`, m.ID)
				return err
			}
		} else if _, err := tx.ExecContext(ctx, `UPDATE outbox SET locked_until = NULL, due_at = $3
			WHERE id = $1 AND claim_token = $2 AND state = 'pending'`, m.ID, m.Claim, now); err != nil {
			return err
		}
		if m.MessageKey == "" || ts == "" {
			return nil
		}
		switch m.Kind {
		case commands.OutboxPost:
			// The first post of a key is the one updates edit.
			_, err = tx.ExecContext(ctx, `INSERT INTO slack_messages (message_key, channel_id, ts) VALUES ($1, $2, $3)
				ON CONFLICT (message_key) DO NOTHING`, m.MessageKey, channelID, ts)
		case commands.OutboxUpdate:
			_, err = tx.ExecContext(ctx, `UPDATE slack_messages SET updated_at = now() WHERE message_key = $1`, m.MessageKey)
		}
		return err
	})
	return done, err
}

// RenewOutbox extends m's claim to until, just before it is sent; false if
// the claim is no longer m's (its lease ran out and another worker took it).
func (db *DB) RenewOutbox(ctx context.Context, m commands.OutboxMessage, until time.Time) (bool, error) {
	res, err := db.x.ExecContext(ctx, `UPDATE outbox SET locked_until = $3
		WHERE id = $1 AND claim_token = $2 AND state = 'pending'`, m.ID, m.Claim, until)
	if err != nil {
		return false, mapErr("renew outbox claim", err)
	}
	n, _ := res.RowsAffected()
	return n == 1, nil
}

// OutboxRetry puts m back, due again at at, noting why it failed.
//
// A mark (an update or a Home, built when sent) that a newer change marked
// again while it was claimed is not retried: the newer mark, pending
// beside it, sends the records as they will be then. Releasing the old one
// would put two marks for one message in the coalescing index.
func (db *DB) OutboxRetry(ctx context.Context, m commands.OutboxMessage, at time.Time, reason string) error {
	return db.requeue(ctx, "outbox retry", m, at, reason, false)
}

// OutboxDefer puts m back, due at at, without spending the attempt its
// claim counted: Slack did not act on it (the bot's token refused, a
// method rate-limited), so the message itself has not failed.
func (db *DB) OutboxDefer(ctx context.Context, m commands.OutboxMessage, at time.Time, reason string) error {
	return db.requeue(ctx, "outbox defer", m, at, reason, true)
}

// requeue puts m back, due at at, an update or Home superseded by a newer
// mark for its message settled instead; giveBack returns the attempt its
// claim counted, though an update or Home keeps at least one, for a row
// of theirs with none is due at once whatever its due_at (ClaimOutbox).
func (db *DB) requeue(ctx context.Context, op string, m commands.OutboxMessage, at time.Time, reason string, giveBack bool) error {
	_, err := db.x.ExecContext(ctx, `UPDATE outbox o
		SET due_at = $3, locked_until = NULL, last_error = $4,
		    attempts = CASE WHEN NOT $5 THEN o.attempts
		        WHEN o.kind IN ('update', 'home') THEN GREATEST(o.attempts - 1, 1)
		        ELSE GREATEST(o.attempts - 1, 0) END,
		    state = CASE WHEN o.kind IN ('update', 'home') AND EXISTS (
		        SELECT 1 FROM outbox p WHERE p.kind = o.kind AND p.message_key = o.message_key
		          AND p.state = 'pending' AND p.locked_until IS NULL AND p.id <> o.id)
		    THEN 'sent' ELSE 'pending' END
		WHERE o.id = $1 AND o.claim_token = $2 AND o.state = 'pending'`, m.ID, m.Claim, at, clipText(reason, 1000), giveBack)
	if isUniqueViolation(err) {
		// A newer mark arrived between the check and the update.
		_, err = db.x.ExecContext(ctx, `UPDATE outbox SET state = 'sent', locked_until = NULL, last_error = $3
			WHERE id = $1 AND claim_token = $2 AND state = 'pending'`, m.ID, m.Claim, clipText("superseded: "+reason, 1000))
	}
	return mapErr(op, err)
}

func isUniqueViolation(err error) bool {
	var pqErr *pq.Error
	return errors.As(err, &pqErr) && pqErr.Code == "23505"
}

// OutboxFailed gives up on m, noting why.
func (db *DB) OutboxFailed(ctx context.Context, m commands.OutboxMessage, reason string) error {
	_, err := db.x.ExecContext(ctx, `UPDATE outbox SET state = 'failed', locked_until = NULL, last_error = $3
		WHERE id = $1 AND claim_token = $2 AND state = 'pending'`, m.ID, m.Claim, clipText(reason, 1000))
	return mapErr("outbox failed", err)
}

// SlackMessage finds the channel and ts of the message posted under key;
// ErrNotFound if none was.
func (db *DB) SlackMessage(ctx context.Context, key string) (channelID, ts string, err error) {
	err = db.x.QueryRowxContext(ctx, `SELECT channel_id, ts FROM slack_messages WHERE message_key = $1`, key).Scan(&channelID, &ts)
	return channelID, ts, mapErr("slack message", err)
}

// OutboxCounts counts outbox rows by state, for metrics and tests.
func (db *DB) OutboxCounts(ctx context.Context) (map[string]int, error) {
	var rows []struct {
		State string `db:"state"`
		N     int    `db:"n"`
	}
	if err := db.x.SelectContext(ctx, &rows, `SELECT state, count(*) AS n FROM outbox GROUP BY state`); err != nil {
		return nil, mapErr("outbox counts", err)
	}
	out := map[string]int{}
	for _, r := range rows {
		out[r.State] = r.N
	}
	return out, nil
}

func clipText(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return strings.ToValidUTF8(s[:n], "") + "…"
}

// markStale marks, in the caller's transaction, what shows the records of
// meeting meetingID as needing to be sent again: its posted agenda, and the
// Homes of users (nil: every member, for changes such as the agenda's that
// show in everyone's Home) and of the committee's officers (see mark_stale
// in migration 00011).
func markStale(ctx context.Context, q sqlx.ExtContext, meetingID int64, users []string) error {
	_, err := q.ExecContext(ctx, `SELECT mark_stale(committee_id, id, $2) FROM meetings WHERE id = $1`, meetingID, pq.Array(users))
	return err
}

// markHomesStale marks, in the caller's transaction, the Homes of users
// (nil: every member; empty: none but the officers) and of committee
// committeeID's officers as needing to be published again, for changes
// that belong to no one meeting.
func markHomesStale(ctx context.Context, q sqlx.ExtContext, committeeID int64, users []string) error {
	_, err := q.ExecContext(ctx, `SELECT mark_stale($1, NULL, $2)`, committeeID, pq.Array(users))
	return err
}

// ForgetSlackMessage records that the message posted under m's key can no
// longer be updated (Slack answered an update of it with a permanent error
// such as message_not_found: it was deleted, or the bot left the channel).
// In one transaction it forgets the message, so no change queues another
// update of it; settles every pending update of it, m included, as failed
// with reason; and frees its post's dedupe key, so that posting it again
// posts afresh. It reports whether this call forgot it: false when another
// had already, so that officers are told once.
func (db *DB) ForgetSlackMessage(ctx context.Context, m commands.OutboxMessage, reason string) (bool, error) {
	forgot := false
	err := db.inTx(ctx, "forget slack message", func(tx *Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM slack_messages WHERE message_key = $1`, m.MessageKey)
		if err != nil {
			return err
		}
		n, _ := res.RowsAffected()
		forgot = n == 1
		// Its later parts, if it was too long for one message (key#2 …).
		if _, err := tx.ExecContext(ctx, `DELETE FROM slack_messages WHERE starts_with(message_key, $1 || '#')`, m.MessageKey); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE outbox SET state = 'failed', locked_until = NULL, last_error = $2
			WHERE message_key = $1 AND kind = 'update' AND state = 'pending'`, m.MessageKey, clipText(reason, 1000)); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE outbox SET dedupe_key = NULL
			WHERE message_key = $1 AND kind = 'post' AND state = 'sent'`, m.MessageKey); err != nil {
			return err
		}
		if m.CommitteeID != 0 {
			// Officers' Homes say whether the agenda is posted.
			return markHomesStale(ctx, tx, m.CommitteeID, []string{})
		}
		return nil
	})
	return forgot, err
}

// PutSlackMessage records the message kept under key (a later part of a
// long message, "agenda:12#2"), or moves the key to a new message.
func (db *DB) PutSlackMessage(ctx context.Context, key, channelID, ts string) error {
	_, err := db.x.ExecContext(ctx, `INSERT INTO slack_messages (message_key, channel_id, ts) VALUES ($1, $2, $3)
		ON CONFLICT (message_key) DO UPDATE SET channel_id = EXCLUDED.channel_id, ts = EXCLUDED.ts, updated_at = now()`, key, channelID, ts)
	return mapErr("put slack message", err)
}
