package storage

import (
	"context"
	"database/sql"
	"time"

	"github.com/lib/pq"

	"github.com/quorumhq/quorum/commands"
)

// maxMemberships bounds the committees read for one person's Home.
const maxMemberships = 500

// Memberships implements commands.HomeStore.
func (db *DB) Memberships(ctx context.Context, teamID, userID string) ([]commands.Membership, error) {
	var rows []struct {
		committeeRow
		MemberName   string       `db:"member_name"`
		Organisation string       `db:"organisation"`
		Role         string       `db:"role"`
		AddedAt      sql.NullTime `db:"added_at"`
	}
	err := db.x.SelectContext(ctx, &rows, `
		SELECT c.id, c.name, c.team_id, c.channel_id, c.time_zone, c.standard_items, c.reminder_days,
		       to_char(c.reminder_time, 'HH24:MI') AS reminder_time, c.created_at,
		       m.name AS member_name, m.organisation, m.role, m.added_at
		FROM members m JOIN committees c ON c.id = m.committee_id
		WHERE m.user_id = $1 AND m.removed_at IS NULL AND ($2 = '' OR c.team_id = $2)
		ORDER BY lower(c.name), c.id
		LIMIT $3`, userID, teamID, maxMemberships)
	if err != nil {
		return nil, mapErr("memberships", err)
	}
	out := make([]commands.Membership, len(rows))
	for i, r := range rows {
		c := r.committee()
		out[i] = commands.Membership{Committee: c, Member: memberRow{
			CommitteeID: c.ID, UserID: userID, Name: r.MemberName, Organisation: r.Organisation, Role: r.Role, AddedAt: r.AddedAt,
		}.member()}
	}
	return out, nil
}

// NextMeetings implements commands.HomeStore.
func (db *DB) NextMeetings(ctx context.Context, committeeIDs []int64, after time.Time) ([]commands.Meeting, error) {
	if len(committeeIDs) == 0 {
		return nil, nil
	}
	var rows []meetingRow
	err := db.x.SelectContext(ctx, &rows, `SELECT DISTINCT ON (m.committee_id) `+meetingColumns+` FROM meetings m
		WHERE m.committee_id = ANY($1) AND m.starts_at > $2 AND m.status = 'scheduled'
		ORDER BY m.committee_id, m.starts_at`, pq.Array(committeeIDs), after)
	if err != nil {
		return nil, mapErr("next meetings", err)
	}
	out := make([]commands.Meeting, len(rows))
	for i, r := range rows {
		out[i] = r.meeting()
	}
	return out, nil
}

// MemberApologies implements commands.HomeStore.
func (db *DB) MemberApologies(ctx context.Context, userID string, meetingIDs []int64) ([]commands.Apology, error) {
	if len(meetingIDs) == 0 || userID == "" {
		return nil, nil
	}
	var rows []apologyRow
	err := db.x.SelectContext(ctx, &rows, `SELECT `+apologyColumns+` FROM apologies
		WHERE meeting_id = ANY($1) AND member_key = $2 AND NOT withdrawn
		ORDER BY meeting_id`, pq.Array(meetingIDs), memberKey(userID, ""))
	if err != nil {
		return nil, mapErr("member apologies", err)
	}
	out := make([]commands.Apology, len(rows))
	for i, r := range rows {
		out[i] = r.apology()
	}
	return out, nil
}
