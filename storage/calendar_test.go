package storage_test

import (
	"context"
	"errors"
	"regexp"
	"testing"

	"github.com/quorumhq/quorum/commands"
)

var tokenForm = regexp.MustCompile(`^[0-9a-f]{64}$`)

// TestCalendarTokensMigration: committees made before feeds had tokens
// each get their own, which finds them; committees made after get one too,
// and a reset replaces it, in the audit log without the token.
func TestCalendarTokensMigration(t *testing.T) {
	ctx := context.Background()
	db := schemaAt(t, 17)
	if _, err := db.SQL().ExecContext(ctx, `INSERT INTO committees (name, team_id, channel_id) VALUES
		('Safer Sefton Together', 'T1', 'C1'), ('Other', 'T1', 'C2'), ('Imported', NULL, NULL)`); err != nil {
		t.Fatal(err)
	}
	if err := db.Migrate(ctx, nil); err != nil {
		t.Fatal(err)
	}
	var ids []int64
	rows, err := db.SQL().QueryContext(ctx, `SELECT id FROM committees ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	rows.Close()
	if len(ids) != 3 {
		t.Fatalf("committees %v", ids)
	}
	seen := map[string]int64{}
	for _, id := range ids {
		c, err := db.CommitteeByID(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if !tokenForm.MatchString(c.CalendarToken) {
			t.Fatalf("committee %d: token %q, want 64 hex digits", id, c.CalendarToken)
		}
		if other, ok := seen[c.CalendarToken]; ok {
			t.Fatalf("committees %d and %d share a token", other, id)
		}
		seen[c.CalendarToken] = id
		found, err := db.CommitteeByCalendarToken(ctx, c.CalendarToken)
		if err != nil || found.ID != id {
			t.Fatalf("committee %d by its token: %d %v", id, found.ID, err)
		}
	}

	made, err := db.CreateCommittee(ctx, commands.Committee{Name: "New", TeamID: "T1", ChannelID: "C3"}, commands.Member{UserID: "UOFF", Name: "Ian Barton"})
	if err != nil {
		t.Fatal(err)
	}
	if !tokenForm.MatchString(made.CalendarToken) || seen[made.CalendarToken] != 0 {
		t.Fatalf("a new committee's token %q", made.CalendarToken)
	}
	fresh, err := db.ResetCalendarToken(ctx, made.ID, "UOFF")
	if err != nil || !tokenForm.MatchString(fresh) || fresh == made.CalendarToken {
		t.Fatalf("reset: %q %v (was %q)", fresh, err, made.CalendarToken)
	}
	if _, err := db.CommitteeByCalendarToken(ctx, made.CalendarToken); !errors.Is(err, commands.ErrNotFound) {
		t.Errorf("the old token after a reset: %v, want not found", err)
	}
	var n int
	if err := db.SQL().QueryRowContext(ctx, `SELECT count(*) FROM audit_log WHERE committee_id = $1 AND action = 'calendar_reset' AND actor = 'UOFF'
		AND strpos(detail::text, $2) = 0 AND strpos(detail::text, $3) = 0`, made.ID, fresh, made.CalendarToken).Scan(&n); err != nil || n != 1 {
		t.Errorf("audit rows of the reset: %d %v, want 1", n, err)
	}
}
