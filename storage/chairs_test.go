package storage_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/quorumhq/quorum/commands"
	"github.com/quorumhq/quorum/storage/pgtest"
)

// TestChairsMigration migrates a database whose committee has two chairs,
// as the schema before 00014 allowed: the one made chair last stays chair,
// the other becomes a member with a record in the audit log, and the
// database refuses a second chair from then on.
func TestChairsMigration(t *testing.T) {
	ctx := context.Background()
	db := schemaAt(t, 11)
	for _, q := range []string{
		`INSERT INTO committees (id, name) VALUES (1, 'Safer Sefton Together'), (2, 'Other')`,
		`INSERT INTO members (committee_id, user_id, name, role, added_at) VALUES
			(1, 'UOLD', 'Old Chair', 'chair', '2020-01-01'),
			(1, 'UNEW', 'New Chair', 'chair', '2024-01-01'),
			(1, 'UOFF', 'Ian Barton', 'officer', '2020-01-01'),
			(2, 'UOLD', 'Old Chair', 'chair', '2020-01-01')`,
		`INSERT INTO members (committee_id, user_id, name, role, added_at, removed_at) VALUES
			(1, 'UGONE', 'Gone Chair', 'chair', '2025-01-01', '2025-06-01')`,
	} {
		if _, err := db.SQL().ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.Migrate(ctx, nil); err != nil {
		t.Fatal(err)
	}
	roles := map[string]string{}
	rows, err := db.SQL().QueryContext(ctx, `SELECT committee_id || '/' || user_id, role FROM members`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var who, role string
		if err := rows.Scan(&who, &role); err != nil {
			t.Fatal(err)
		}
		roles[who] = role
	}
	rows.Close()
	want := map[string]string{"1/UOLD": "member", "1/UNEW": "chair", "1/UOFF": "officer", "2/UOLD": "chair", "1/UGONE": "chair"}
	for who, role := range want {
		if roles[who] != role {
			t.Errorf("%s is %q, want %q", who, roles[who], role)
		}
	}
	var audited int
	if err := db.SQL().QueryRowContext(ctx, `SELECT count(*) FROM audit_log WHERE committee_id = 1 AND subject = 'UOLD'
		AND action = 'member.change' AND actor = 'migration' AND detail->>'was' = 'chair'`).Scan(&audited); err != nil || audited != 1 {
		t.Errorf("audit records of the change: %d (%v), want 1", audited, err)
	}

	// From now on: a vice-chair can be added; a second chair cannot.
	if _, err := db.SQL().ExecContext(ctx, `UPDATE members SET role = 'vice-chair' WHERE committee_id = 1 AND user_id = 'UOLD'`); err != nil {
		t.Errorf("vice-chair: %v", err)
	}
	_, err = db.PutMember(ctx, commands.Member{CommitteeID: 1, UserID: "UOLD", Name: "Old Chair", Role: commands.RoleChair}, "UOFF")
	var taken *commands.RoleTaken
	if !errors.As(err, &taken) || taken.Holder.UserID != "UNEW" || !errors.Is(err, commands.ErrConflict) {
		t.Errorf("a second chair: err = %v, want RoleTaken by UNEW", err)
	}
}

// TestHandOver: the chair passes from one member to another in one
// change, and only from the member the officer confirmed.
func TestHandOver(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	c := setupCommittee(t, db)
	put := func(user string, role commands.Role) error {
		_, err := db.PutMember(ctx, commands.Member{CommitteeID: c.ID, UserID: user, Name: user, Role: role}, "UOFF")
		return err
	}
	for _, u := range []string{"UA", "UB", "UC"} {
		if err := put(u, commands.RoleMember); err != nil {
			t.Fatal(err)
		}
	}
	if err := put("UA", commands.RoleChair); err != nil {
		t.Fatal(err)
	}
	// Confirmed against the wrong holder: nothing changes.
	_, err := db.HandOver(ctx, commands.Member{CommitteeID: c.ID, UserID: "UB", Name: "UB", Role: commands.RoleChair}, "UC", "UOFF")
	var taken *commands.RoleTaken
	if !errors.As(err, &taken) || taken.Holder.UserID != "UA" {
		t.Fatalf("hand over from the wrong member: %v", err)
	}
	if _, err := db.HandOver(ctx, commands.Member{CommitteeID: c.ID, UserID: "UB", Name: "UB", Role: commands.RoleChair}, "UA", "UOFF"); err != nil {
		t.Fatal(err)
	}
	for user, want := range map[string]commands.Role{"UA": commands.RoleMember, "UB": commands.RoleChair} {
		m, err := db.Member(ctx, c.ID, user)
		if err != nil || m.Role != want {
			t.Errorf("%s: %v %v, want %s", user, m.Role, err, want)
		}
	}
}

// TestChairsAtTheClose: a meeting's chair and vice-chair are those who
// held the roles when it closed, whatever changed since; a close written
// before the database stamped it (migration 00028) goes by its own time.
func TestChairsAtTheClose(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	c := setupCommittee(t, db)
	put := func(user string, role commands.Role) {
		t.Helper()
		if _, err := db.PutMember(ctx, commands.Member{CommitteeID: c.ID, UserID: user, Name: user, Role: role}, "UOFF"); err != nil {
			t.Fatal(err)
		}
	}
	put("UA", commands.RoleChair)
	put("UB", commands.RoleViceChair)
	put("UC", commands.RoleMember)
	m, err := db.ScheduleMeeting(ctx, commands.Meeting{CommitteeID: c.ID, StartsAt: time.Now().Add(-time.Hour)}, "UOFF")
	if err != nil {
		t.Fatal(err)
	}
	chairs := func() (string, string) {
		t.Helper()
		chair, vice, err := db.ChairsAt(ctx, c.ID, m.ID)
		if err != nil {
			t.Fatal(err)
		}
		return chair, vice
	}
	open := commands.SessionEvent{MeetingID: m.ID, Action: commands.ActionOpened, At: time.Now(), By: "UOFF"}
	if _, err := db.RecordSession(ctx, open, []commands.SessionAction{""}, nil); err != nil {
		t.Fatal(err)
	}
	if chair, vice := chairs(); chair != "" || vice != "" {
		t.Errorf("a meeting not closed: chair %q, vice-chair %q, want none", chair, vice)
	}
	closing := commands.SessionEvent{MeetingID: m.ID, Action: commands.ActionClosed, At: time.Now(), By: "UOFF"}
	if _, err := db.RecordSession(ctx, closing, []commands.SessionAction{commands.ActionOpened}, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := db.HandOver(ctx, commands.Member{CommitteeID: c.ID, UserID: "UC", Name: "UC", Role: commands.RoleChair}, "UA", "UOFF"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.RemoveMember(ctx, c.ID, "UB", "UOFF", time.Time{}, nil); err != nil {
		t.Fatal(err)
	}
	if chair, vice := chairs(); chair != "UA" || vice != "UB" {
		t.Errorf("after a hand-over and the vice-chair's removal: chair %q, vice-chair %q, want UA and UB", chair, vice)
	}
	// Closed, by its own time, after the changes.
	if _, err := db.SQL().ExecContext(ctx, `UPDATE meeting_sessions SET recorded_at = NULL, at = now() WHERE meeting_id = $1 AND action = 'closed'`, m.ID); err != nil {
		t.Fatal(err)
	}
	if chair, vice := chairs(); chair != "UC" || vice != "" {
		t.Errorf("a close not stamped, after the changes: chair %q, vice-chair %q, want UC and none", chair, vice)
	}
}
