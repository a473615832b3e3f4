package storage_test

import (
	"context"
	"database/sql"
	"errors"
	"net/url"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/quorumhq/quorum/commands"
	"github.com/quorumhq/quorum/storage"
	"github.com/quorumhq/quorum/storage/pgtest"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// schemaAt is a new database migrated up to version and no further, for
// tests of a later migration on records made under the schema before it.
func schemaAt(t *testing.T, version int64) *storage.DB {
	t.Helper()
	ctx := context.Background()
	db, err := storage.Open(ctx, pgtest.EmptyDSN(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if err := db.MigrateUpTo(ctx, version); err != nil {
		t.Fatal(err)
	}
	return db
}

func setupCommittee(t *testing.T, db *storage.DB) commands.Committee {
	t.Helper()
	c, err := db.CreateCommittee(context.Background(), commands.Committee{
		Name: "Safer Sefton Together", TeamID: "T1", ChannelID: "C1", ReminderDays: []int{7, 1},
	}, commands.Member{UserID: "UOFF", Name: "Ian Barton"})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestCommitteeSetupAndMembers(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	c := setupCommittee(t, db)

	got, err := db.CommitteeByChannel(ctx, "T1", "C1")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(c, got); diff != "" {
		t.Errorf("committee by channel (-created +got):\n%s", diff)
	}
	if got.TimeZone != "Europe/London" || got.ReminderTime != "09:00" || !cmp.Equal(got.ReminderDays, []int{7, 1}) {
		t.Errorf("defaults = %q %q %v", got.TimeZone, got.ReminderTime, got.ReminderDays)
	}
	if _, err := db.CommitteeByChannel(ctx, "T1", "C2"); !errors.Is(err, commands.ErrNotFound) {
		t.Errorf("unknown channel: err = %v, want ErrNotFound", err)
	}
	// The same name in another channel is a conflict, whatever its case.
	_, err = db.CreateCommittee(ctx, commands.Committee{Name: "SAFER SEFTON TOGETHER", TeamID: "T1", ChannelID: "C2"}, commands.Member{UserID: "U2", Name: "X"})
	if !errors.Is(err, commands.ErrConflict) {
		t.Errorf("duplicate name: err = %v, want ErrConflict", err)
	}

	if _, err := db.PutMember(ctx, commands.Member{CommitteeID: c.ID, UserID: "UNEIL", Name: "Neil Frackelton", Organisation: "SWACA", Role: commands.RoleMember}, "UOFF"); err != nil {
		t.Fatal(err)
	}
	created, err := db.PutMember(ctx, commands.Member{CommitteeID: c.ID, UserID: "UNEIL", Name: "Neil Frackelton", Organisation: "SWACA", Role: commands.RoleChair}, "UOFF")
	if err != nil || created {
		t.Fatalf("second put: created=%v err=%v, want an update", created, err)
	}
	ms, err := db.Members(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, m := range ms {
		names = append(names, m.Name+"/"+string(m.Role))
	}
	if diff := cmp.Diff([]string{"Neil Frackelton/chair", "Ian Barton/officer"}, names); diff != "" {
		t.Errorf("members (-want +got):\n%s", diff)
	}

	// The last officer cannot be removed or demoted.
	if _, err := db.RemoveMember(ctx, c.ID, "UOFF", "UOFF", time.Time{}, nil); !errors.Is(err, commands.ErrConflict) {
		t.Errorf("remove last officer: err = %v, want ErrConflict", err)
	}
	if _, err := db.PutMember(ctx, commands.Member{CommitteeID: c.ID, UserID: "UOFF", Name: "Ian Barton", Role: commands.RoleMember}, "UOFF"); !errors.Is(err, commands.ErrConflict) {
		t.Errorf("demote last officer: err = %v, want ErrConflict", err)
	}
	if _, err := db.RemoveMember(ctx, c.ID, "UNEIL", "UOFF", time.Time{}, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Member(ctx, c.ID, "UNEIL"); !errors.Is(err, commands.ErrNotFound) {
		t.Errorf("removed member: err = %v, want ErrNotFound", err)
	}
	if _, err := db.RemoveMember(ctx, c.ID, "UNEIL", "UOFF", time.Time{}, nil); !errors.Is(err, commands.ErrNotFound) {
		t.Errorf("remove twice: err = %v, want ErrNotFound", err)
	}
}

func TestImportedCommitteeIsClaimedBySetup(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	imported, err := db.EnsureCommittee(ctx, "Safer Sefton Together", "import")
	if err != nil {
		t.Fatal(err)
	}
	c := setupCommittee(t, db)
	if c.ID != imported.ID || c.ChannelID != "C1" {
		t.Errorf("setup made committee %d in %q; want the imported %d claimed", c.ID, c.ChannelID, imported.ID)
	}
}

func TestMeetingsAndApologiesKeepHistory(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	c := setupCommittee(t, db)
	starts := time.Date(2026, 12, 10, 10, 0, 0, 0, time.UTC)
	m, err := db.ScheduleMeeting(ctx, commands.Meeting{CommitteeID: c.ID, StartsAt: starts, Venue: "Remote Meeting"}, "UOFF")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.ScheduleMeeting(ctx, commands.Meeting{CommitteeID: c.ID, StartsAt: starts}, "UOFF"); !errors.Is(err, commands.ErrConflict) {
		t.Errorf("same time twice: err = %v, want ErrConflict", err)
	}
	next, err := db.NextMeeting(ctx, c.ID, starts.Add(-time.Hour))
	if err != nil || next.ID != m.ID {
		t.Fatalf("next meeting = %+v, %v", next, err)
	}

	send := func(reason, sub string) commands.ApologyOutcome {
		t.Helper()
		o, err := db.SendApology(ctx, commands.Apology{MeetingID: m.ID, UserID: "UNEIL", Name: "Neil Frackelton", Organisation: "SWACA", Reason: reason, SubstituteName: sub, By: "UNEIL"})
		if err != nil {
			t.Fatal(err)
		}
		return o
	}
	var outcomes []commands.ApologyOutcome
	outcomes = append(outcomes, send("Unwell", ""), send("Unwell", ""), send("Attending court", "Graeme Robson"))
	if err := db.WithdrawApology(ctx, m, "UNEIL", "UNEIL", time.Time{}, nil); err != nil {
		t.Fatal(err)
	}
	if err := db.WithdrawApology(ctx, m, "UNEIL", "UNEIL", time.Time{}, nil); !errors.Is(err, commands.ErrNotFound) {
		t.Errorf("withdraw twice: err = %v, want ErrNotFound", err)
	}
	outcomes = append(outcomes, send("Unwell", ""))
	want := []commands.ApologyOutcome{commands.ApologyRecorded, commands.ApologyUnchanged, commands.ApologyChanged, commands.ApologyRenewed}
	if diff := cmp.Diff(want, outcomes); diff != "" {
		t.Errorf("outcomes (-want +got):\n%s", diff)
	}
	as, err := db.Apologies(ctx, m.ID)
	if err != nil || len(as) != 1 || as[0].Reason != "Unwell" {
		t.Fatalf("apologies = %+v, %v; want one, Unwell", as, err)
	}
	hist, err := db.ApologyHistory(ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	var actions []string
	for _, h := range hist {
		actions = append(actions, h.Action+":"+h.Reason+":"+h.SubstituteName)
	}
	wantHist := []string{"sent:Unwell:", "changed:Attending court:Graeme Robson", "withdrawn::", "sent:Unwell:"}
	if diff := cmp.Diff(wantHist, actions); diff != "" {
		t.Errorf("history (-want +got):\n%s", diff)
	}
	ms, err := db.Meetings(ctx, c.ID, starts.Add(-time.Hour), starts.Add(time.Hour))
	if err != nil || len(ms) != 1 || ms[0].Apologies != 1 {
		t.Errorf("meetings = %+v, %v; want one with 1 apology", ms, err)
	}
}

func TestConcurrentApologiesMakeOneRecord(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	c := setupCommittee(t, db)
	m, err := db.ScheduleMeeting(ctx, commands.Meeting{CommitteeID: c.ID, StartsAt: time.Now().Add(24 * time.Hour)}, "UOFF")
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 10)
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := db.SendApology(ctx, commands.Apology{MeetingID: m.ID, UserID: "UNEIL", Name: "Neil Frackelton", Reason: "Unwell", By: "UNEIL"})
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	hist, err := db.ApologyHistory(ctx, m.ID)
	if err != nil || len(hist) != 1 {
		t.Errorf("history after 10 identical sends = %d entries (%v), want 1", len(hist), err)
	}
}

func TestRedactHidesPasswords(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"postgres://quorum:s3cret@db:5432/quorum?sslmode=disable", "postgres://quorum:xxxxx@db:5432/quorum?sslmode=disable"},
		{"host=db user=quorum password=s3cret dbname=quorum", "host=db user=quorum password=xxxxx dbname=quorum"},
		{"host=/tmp port=5432 user=postgres", "host=/tmp port=5432 user=postgres"},
		{"postgres://quorum:s3cret%zz@db:5432/quorum", "postgres://quorum:xxxxx@db:5432/quorum"},
		{"postgres://quorum:s3cret/pw@db:5432/quorum", "postgres://quorum:xxxxx@db:5432/quorum"},
		// A space in a password not quoted: the rest is no key=value.
		{"host=db password=ab cdsecret efg dbname=quorum", "host=db password=xxxxx xxxxx xxxxx dbname=quorum"},
		{"host=db user=quorum words apart", "host=db user=quorum words apart"},
	} {
		if got := storage.Redact(tc.in); got != tc.want {
			t.Errorf("Redact(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestReplicasMigrateAtOnce starts four migrations of one empty database
// at the same moment, as four replicas starting together do: the advisory
// lock makes them take turns, so all succeed and the schema is whole.
func TestReplicasMigrateAtOnce(t *testing.T) {
	dsn := pgtest.EmptyDSN(t)
	ctx := context.Background()
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			db, err := storage.Open(ctx, dsn)
			if err != nil {
				errs <- err
				return
			}
			defer db.Close()
			errs <- db.Migrate(ctx, nil)
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Errorf("migrating at once: %v", err)
		}
	}
	db, err := storage.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.CreateCommittee(ctx, commands.Committee{Name: "Safer Sefton Together", TeamID: "T1", ChannelID: "C1"}, commands.Member{UserID: "U1", Name: "Ian Barton"}); err != nil {
		t.Errorf("the migrated schema does not work: %v", err)
	}
}

func TestOriginInOneQuery(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	c := setupCommittee(t, db)
	if _, err := db.PutMember(ctx, commands.Member{CommitteeID: c.ID, UserID: "UNEIL", Name: "Neil Frackelton", Organisation: "SWACA", Role: commands.RoleMember}, "UOFF"); err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	o, err := db.Origin(ctx, "T1", "C1", "UNEIL", now)
	if err != nil || o.Committee.ID != c.ID || o.Member == nil || o.Member.Name != "Neil Frackelton" || o.Member.Organisation != "SWACA" || o.Member.Role != commands.RoleMember {
		t.Fatalf("member: %+v %v", o, err)
	}
	if o.Next != nil {
		t.Errorf("next meeting %+v, want none scheduled", o.Next)
	}
	// The next meeting is the first scheduled one after now: not a past
	// one, not a cancelled one.
	var ms []commands.Meeting
	for _, at := range []time.Time{now.AddDate(0, 0, -7), now.AddDate(0, 0, 7), now.AddDate(0, 0, 14)} {
		m, err := db.ScheduleMeeting(ctx, commands.Meeting{CommitteeID: c.ID, StartsAt: at, Venue: "Bootle"}, "UOFF")
		if err != nil {
			t.Fatal(err)
		}
		ms = append(ms, m)
	}
	if err := db.SetMeetingStatus(ctx, ms[1].ID, commands.MeetingCancelled, "UOFF"); err != nil {
		t.Fatal(err)
	}
	if o, err := db.Origin(ctx, "T1", "C1", "UNEIL", now); err != nil || o.Next == nil || o.Next.ID != ms[2].ID || o.Next.Venue != "Bootle" || !o.Next.StartsAt.Equal(ms[2].StartsAt) {
		t.Errorf("next meeting = %+v, %v; want the one on %v", o.Next, err, ms[2].StartsAt)
	}
	if o, err := db.Origin(ctx, "T1", "C1", "USTRANGER", now); err != nil || o.Member != nil {
		t.Errorf("stranger: member %+v, err %v; want none", o.Member, err)
	}
	if _, err := db.RemoveMember(ctx, c.ID, "UNEIL", "UOFF", time.Time{}, nil); err != nil {
		t.Fatal(err)
	}
	if o, err := db.Origin(ctx, "T1", "C1", "UNEIL", now); err != nil || o.Member != nil {
		t.Errorf("removed member: %+v, %v; want none", o.Member, err)
	}
	if _, err := db.Origin(ctx, "T1", "CNONE", "UNEIL", now); !errors.Is(err, commands.ErrNotFound) {
		t.Errorf("no committee: err = %v, want ErrNotFound", err)
	}
}

// TestRacingFirstApologiesAreSentThenChanged: two first sends that race
// with different reasons are one apology sent and then changed — never
// "sent" twice in the history.
func TestRacingFirstApologiesAreSentThenChanged(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	c := setupCommittee(t, db)
	for i := 0; i < 20; i++ {
		m, err := db.ScheduleMeeting(ctx, commands.Meeting{CommitteeID: c.ID, StartsAt: time.Now().Add(time.Duration(24+i) * time.Hour)}, "UOFF")
		if err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		outcomes := make([]commands.ApologyOutcome, 2)
		for j, reason := range []string{"Unwell", "Away"} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				o, err := db.SendApology(ctx, commands.Apology{MeetingID: m.ID, UserID: "UNEIL", Name: "Neil Frackelton", Reason: reason, By: "UNEIL"})
				if err != nil {
					t.Error(err)
				}
				outcomes[j] = o
			}()
		}
		wg.Wait()
		hist, err := db.ApologyHistory(ctx, m.ID)
		if err != nil {
			t.Fatal(err)
		}
		var actions []string
		for _, h := range hist {
			actions = append(actions, h.Action)
		}
		if strings.Join(actions, ",") != "sent,changed" {
			t.Errorf("race %d: history %v, outcomes %v; want sent then changed", i, actions, outcomes)
		}
		if !slices.Contains(outcomes, commands.ApologyRecorded) || !slices.Contains(outcomes, commands.ApologyChanged) {
			t.Errorf("race %d: outcomes %v; want one recorded and one changed", i, outcomes)
		}
	}
}

// TestNoJustInTimeCompilation: the pool's connections, every one of them,
// do not compile statements just in time (a statement estimated costly
// enough was compiled on every run, for longer than it ran), unless the
// DSN says so.
func TestNoJustInTimeCompilation(t *testing.T) {
	dsn := pgtest.DSN(t)
	for _, tc := range []struct{ dsn, want string }{{dsn, "off"}, {dsn + " jit=on", "on"}, {dsn + " options='-c jit=on'", "on"}} {
		db, err := storage.Open(context.Background(), tc.dsn)
		if err != nil {
			t.Fatal(err)
		}
		// Three connections at once, so that none is the one tested before.
		var wg sync.WaitGroup
		jits := make([]string, 3)
		tx := make([]*sql.Tx, 3)
		for i := range tx {
			if tx[i], err = db.SQL().Begin(); err != nil {
				t.Fatal(err)
			}
		}
		for i := range tx {
			wg.Add(1)
			go func() { defer wg.Done(); _ = tx[i].QueryRow(`SHOW jit`).Scan(&jits[i]) }()
		}
		wg.Wait()
		for i := range tx {
			_ = tx[i].Rollback()
		}
		db.Close()
		for _, jit := range jits {
			if jit != tc.want {
				t.Errorf("%q: jit = %q, want %s", tc.dsn, jit, tc.want)
			}
		}
	}
}

// TestOpenErrorsHidePasswords: a DATABASE_URL that cannot be read (a
// password with a "%" or a "/" not escaped, a mistyped port) is refused
// with an error, which serve logs, that does not show the password.
func TestOpenErrorsHidePasswords(t *testing.T) {
	for _, dsn := range []string{
		"postgres://quorum:s3cret%zz@db:5432/quorum",
		"postgres://quorum:s3cret/pw@db:5432/quorum",
		"postgres://quorum:s3cret@db:notaport/quorum",
		"postgresql://quorum:s3cret@db:5432/quorum?sslmode=bogus",
		"host=db password=s3cret sslmode=bogus",
	} {
		_, err := storage.Open(context.Background(), dsn)
		if err == nil {
			t.Errorf("Open(%q) succeeded, want an error", dsn)
			continue
		}
		if strings.Contains(err.Error(), "s3cret") {
			t.Errorf("Open(%q): the error shows the password: %v", dsn, err)
		}
	}
}

// FuzzRedact checks that Redact hides the password of a DSN in each form
// lib/pq accepts one (URL userinfo, escaped or not; URL query parameter;
// keyword/value, bare or quoted, with or without spaces around the "="),
// and that a DSN with no password comes back as it was.
func FuzzRedact(f *testing.F) {
	for _, s := range []struct {
		user, pw, host string
		form           uint8
	}{
		{"quorum", "s3cret", "db:5432", 0},
		{"quorum", "s3cret%zz", "db:5432", 1},
		{"quorum", "s3cret/pw@x", "localhost", 1},
		{"quorum", "correct horse", "db", 2},
		{"quorum", `it's \ here`, "db", 2},
		{"quorum", "s3cret", "db", 3},
		{"quorum", "s3cret&x=1", "db.internal", 4},
	} {
		f.Add(s.user, s.pw, s.host, s.form)
	}
	safe := func(s string) bool {
		return s != "" && !strings.ContainsFunc(s, func(r rune) bool {
			return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '.' || r == '-' || r == '_')
		})
	}
	quote := func(v string) string { // as libpq reads a keyword value
		if v != "" && !strings.ContainsAny(v, " \t\n\r\v\f'\\") {
			return v
		}
		return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(v) + "'"
	}
	f.Fuzz(func(t *testing.T, user, pw, host string, form uint8) {
		_ = storage.Redact(pw) // any text at all: no panic
		host = strings.TrimSuffix(host, ":5432")
		if !safe(user) || !safe(host) {
			return
		}
		for _, dsn := range []string{"postgres://" + user + "@" + host + "/quorum?sslmode=disable", "host=" + host + " user=" + user + " dbname=quorum"} {
			if got := storage.Redact(dsn); got != dsn {
				t.Fatalf("Redact(%q) = %q: no password to hide, yet changed", dsn, got)
			}
		}
		if len(pw) < 4 || !utf8.ValidString(pw) || strings.ContainsFunc(pw, func(r rune) bool { return !unicode.IsPrint(r) && r != ' ' }) {
			return
		}
		build := func(pw string) (dsn, enc string) {
			switch form % 5 {
			case 0: // URL, password escaped
				enc = strings.TrimPrefix(url.UserPassword("", pw).String(), ":")
				return "postgres://" + user + ":" + enc + "@" + host + ":5432/quorum?sslmode=disable", enc
			case 1: // URL, password as typed
				return "postgres://" + user + ":" + pw + "@" + host + ":5432/quorum", pw
			case 2: // keyword/value
				enc = quote(pw)
				return "host=" + host + " user=" + user + " password=" + enc + " dbname=quorum", enc
			case 3: // keyword/value, spaces around "="
				enc = quote(pw)
				return "host=" + host + " password = " + enc + " user=" + user, enc
			default: // URL query parameter
				enc = url.QueryEscape(pw)
				return "postgres://" + user + "@" + host + "/quorum?password=" + enc + "&sslmode=disable", enc
			}
		}
		// Nothing of the password, not even a piece of it, is left: the
		// DSN redacts to just what the same DSN with another password does.
		dsn, _ := build(pw)
		masked, _ := build("xxxxx")
		if got, want := storage.Redact(dsn), storage.Redact(masked); got != want {
			t.Fatalf("Redact(%q) = %q, want %q: password %q not hidden", dsn, got, want, pw)
		}
	})
}
