package storage_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/quorumhq/quorum/commands"
	"github.com/quorumhq/quorum/storage"
	"github.com/quorumhq/quorum/storage/pgtest"
)

func TestHomeQueries(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	safer := setupCommittee(t, db)
	other, err := db.CreateCommittee(ctx, commands.Committee{Name: "Audit Board", TeamID: "T1", ChannelID: "C2"}, commands.Member{UserID: "UOFF", Name: "Ian Barton"})
	if err != nil {
		t.Fatal(err)
	}
	elsewhere, err := db.CreateCommittee(ctx, commands.Committee{Name: "Wirral Board", TeamID: "T2", ChannelID: "C9"}, commands.Member{UserID: "UOFF", Name: "Ian Barton"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.PutMember(ctx, commands.Member{CommitteeID: safer.ID, UserID: "UNEIL", Name: "Neil Frackelton", Organisation: "SWACA", Role: commands.RoleMember}, "UOFF"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.PutMember(ctx, commands.Member{CommitteeID: other.ID, UserID: "UNEIL", Name: "Neil Frackelton", Organisation: "SWACA", Role: commands.RoleChair}, "UOFF"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.RemoveMember(ctx, other.ID, "UNEIL", "UOFF", time.Time{}, nil); err != nil {
		t.Fatal(err)
	}

	names := func(ms []commands.Membership) []string {
		var out []string
		for _, m := range ms {
			out = append(out, m.Committee.Name+"/"+string(m.Member.Role))
		}
		return out
	}
	got, err := db.Memberships(ctx, "T1", "UOFF")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(names(got), []string{"Audit Board/officer", "Safer Sefton Together/officer"}); diff != "" {
		t.Errorf("officer's memberships in T1 (-got +want):\n%s", diff)
	}
	if got, _ := db.Memberships(ctx, "", "UOFF"); len(got) != 3 {
		t.Errorf("memberships in any team = %v, want all three", names(got))
	}
	got, err = db.Memberships(ctx, "T1", "UNEIL")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(names(got), []string{"Safer Sefton Together/member"}); diff != "" {
		t.Errorf("a removed membership still counts (-got +want):\n%s", diff)
	}
	if got[0].Member.Organisation != "SWACA" || got[0].Member.Name != "Neil Frackelton" || got[0].Committee.TimeZone != "Europe/London" {
		t.Errorf("membership = %+v", got[0])
	}

	london, _ := time.LoadLocation("Europe/London")
	now := time.Date(2026, 11, 23, 12, 0, 0, 0, london)
	schedule := func(c commands.Committee, day int) commands.Meeting {
		m, err := db.ScheduleMeeting(ctx, commands.Meeting{CommitteeID: c.ID, StartsAt: time.Date(2026, 12, day, 10, 0, 0, 0, london), Venue: "Remote"}, "UOFF")
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	schedule(safer, 20)
	first := schedule(safer, 10)
	cancelled := schedule(other, 1)
	if err := db.SetMeetingStatus(ctx, cancelled.ID, commands.MeetingCancelled, "UOFF"); err != nil {
		t.Fatal(err)
	}
	second := schedule(other, 3)
	schedule(elsewhere, 2)
	if _, err := db.SendApology(ctx, commands.Apology{MeetingID: first.ID, UserID: "UNEIL", Name: "Neil Frackelton", Reason: "Unwell", By: "UNEIL"}); err != nil {
		t.Fatal(err)
	}

	next, err := db.NextMeetings(ctx, []int64{safer.ID, other.ID}, now)
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, m := range next {
		ids = append(ids, m.ID)
	}
	if diff := cmp.Diff(ids, []int64{first.ID, second.ID}); diff != "" {
		t.Errorf("next meetings (-got +want):\n%s", diff)
	}
	if next[0].Apologies != 1 {
		t.Errorf("apologies counted = %d, want 1", next[0].Apologies)
	}

	as, err := db.MemberApologies(ctx, "UNEIL", []int64{first.ID, second.ID})
	if err != nil {
		t.Fatal(err)
	}
	if len(as) != 1 || as[0].MeetingID != first.ID || as[0].Reason != "Unwell" {
		t.Errorf("Neil's apologies = %+v", as)
	}
	if err := db.WithdrawApology(ctx, first, "UNEIL", "UNEIL", time.Time{}, nil); err != nil {
		t.Fatal(err)
	}
	if as, _ := db.MemberApologies(ctx, "UNEIL", []int64{first.ID}); len(as) != 0 {
		t.Errorf("a withdrawn apology still stands: %+v", as)
	}
	if as, err := db.MemberApologies(ctx, "UNEIL", nil); err != nil || len(as) != 0 {
		t.Errorf("no meetings: %v %v", as, err)
	}

	// Apologies that name Graeme as substitute: those standing, at the
	// meetings asked about.
	for _, a := range []commands.Apology{
		{MeetingID: first.ID, UserID: "USUE", Name: "Sue Holden", Organisation: "Sefton CVS", SubstituteID: "UGRAEME", By: "USUE"},
		{MeetingID: first.ID, UserID: "UNEIL", Name: "Neil Frackelton", SubstituteID: "UGRAEME", By: "UNEIL"},
		{MeetingID: second.ID, UserID: "UIAN", Name: "Ian Barton", SubstituteID: "UGRAEME", By: "UIAN"},
	} {
		if _, err := db.SendApology(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.WithdrawApology(ctx, first, "UNEIL", "UNEIL", time.Time{}, nil); err != nil {
		t.Fatal(err)
	}
	subs, err := db.SubstituteApologies(ctx, "UGRAEME", []int64{first.ID})
	if err != nil || len(subs) != 1 || subs[0].Name != "Sue Holden" || subs[0].Organisation != "Sefton CVS" {
		t.Errorf("Graeme substitutes for %+v %v; want Sue alone", subs, err)
	}
	if subs, err := db.SubstituteApologies(ctx, "USUE", []int64{first.ID, second.ID}); err != nil || len(subs) != 0 {
		t.Errorf("Sue substitutes for %+v %v", subs, err)
	}
}

// TestHomePapersQueries reads the papers of several meetings at once: their
// agendas, the report links standing, one member's standing declarations,
// and which agendas are posted.
func TestHomePapersQueries(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	c := setupCommittee(t, db)
	london, _ := time.LoadLocation("Europe/London")
	var ms []commands.Meeting
	for _, day := range []int{10, 17, 24} {
		m, err := db.ScheduleMeeting(ctx, commands.Meeting{CommitteeID: c.ID, StartsAt: time.Date(2026, 12, day, 10, 0, 0, 0, london)}, "UOFF")
		if err != nil {
			t.Fatal(err)
		}
		ms = append(ms, m)
	}
	a, b, other := ms[0], ms[1], ms[2]
	add := func(m commands.Meeting, number, presenter string) {
		t.Helper()
		it := commands.AgendaItem{MeetingID: m.ID, Number: number, Title: "Item " + number, Presenter: presenter}
		if err := db.ChangeAgenda(ctx, m.ID, []commands.AgendaChange{{Add: &it}}, "UOFF"); err != nil {
			t.Fatal(err)
		}
	}
	add(a, "7.5", "Neil Frackelton")
	add(a, "4", "Jen Williams")
	add(a, "10", "")
	add(b, "6", "Graeme Robson")
	add(other, "1", "Sue Holden")
	if err := db.ChangeAgenda(ctx, a.ID, []commands.AgendaChange{{Remove: "10"}}, "UOFF"); err != nil {
		t.Fatal(err)
	}
	ids := []int64{a.ID, b.ID}

	items, err := db.AgendaItemsFor(ctx, ids)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, it := range items {
		got = append(got, fmt.Sprintf("%d:%s:%s", it.MeetingID, it.Number, it.Presenter))
	}
	if diff := cmp.Diff(got, []string{
		fmt.Sprintf("%d:4:Jen Williams", a.ID), fmt.Sprintf("%d:7.5:Neil Frackelton", a.ID), fmt.Sprintf("%d:6:Graeme Robson", b.ID),
	}); diff != "" {
		t.Errorf("items (-got +want):\n%s", diff)
	}

	report := func(m commands.Meeting, item, user, url string) {
		t.Helper()
		if _, err := db.SubmitReport(ctx, commands.ReportLink{MeetingID: m.ID, Item: item, UserID: user, Name: user, URL: url, At: time.Now(), By: user}, nil); err != nil {
			t.Fatal(err)
		}
	}
	report(a, "7.5", "UNEIL", "https://example.org/old.pdf")
	report(a, "7.5", "UNEIL", "https://example.org/new.pdf")
	report(a, "4", "UJEN", "https://example.org/iom.pdf")
	report(b, "6", "UGRAEME", "https://example.org/police.pdf")
	report(other, "1", "USUE", "https://example.org/cvs.pdf")
	if err := db.RemoveReport(ctx, a.ID, 0, "4", "UJEN", "", "UJEN", time.Time{}, nil); err != nil {
		t.Fatal(err)
	}
	links, err := db.ReportLinksFor(ctx, ids)
	if err != nil {
		t.Fatal(err)
	}
	got = nil
	for _, l := range links {
		got = append(got, fmt.Sprintf("%d:%s:%s", l.MeetingID, l.Item, l.URL))
	}
	if diff := cmp.Diff(got, []string{
		fmt.Sprintf("%d:7.5:https://example.org/new.pdf", a.ID), fmt.Sprintf("%d:6:https://example.org/police.pdf", b.ID),
	}); diff != "" {
		t.Errorf("report links (-got +want):\n%s", diff)
	}

	declare := func(m commands.Meeting, item, user string, kind commands.InterestKind, nature string) {
		t.Helper()
		if _, _, err := db.Declare(ctx, commands.Declaration{MeetingID: m.ID, Item: item, UserID: user, Name: user, Kind: kind, Nature: nature, By: user}, nil); err != nil {
			t.Fatal(err)
		}
	}
	declare(a, "7.5", "UNEIL", commands.InterestPecuniary, "Paid adviser to SWACA")
	declare(a, "4", "UNEIL", commands.InterestPersonal, "Volunteer")
	declare(b, "6", "UNEIL", commands.InterestOther, "Neighbour")
	declare(a, "7.5", "USUE", commands.InterestPersonal, "Trustee")
	declare(other, "1", "UNEIL", commands.InterestOther, "Not shown")
	if _, err := db.WithdrawDeclarations(ctx, a.ID, 0, "4", "UNEIL", "UNEIL", 0, time.Time{}, nil); err != nil {
		t.Fatal(err)
	}
	ds, err := db.MemberDeclarations(ctx, "UNEIL", ids)
	if err != nil {
		t.Fatal(err)
	}
	got = nil
	for _, d := range ds {
		got = append(got, fmt.Sprintf("%d:%s:%s:%s", d.MeetingID, d.Item, d.Kind, d.Nature))
	}
	if diff := cmp.Diff(got, []string{
		fmt.Sprintf("%d:7.5:pecuniary:Paid adviser to SWACA", a.ID), fmt.Sprintf("%d:6:other:Neighbour", b.ID),
	}); diff != "" {
		t.Errorf("Neil's declarations (-got +want):\n%s", diff)
	}
	if ds, err := db.MemberDeclarations(ctx, "", ids); err != nil || len(ds) != 0 {
		t.Errorf("no user: %v %v", ds, err)
	}
	// Everyone's, for the officers' Home: of the meetings asked for
	// only, withdrawn ones left out.
	ds, err = db.MeetingsDeclarations(ctx, ids)
	if err != nil {
		t.Fatal(err)
	}
	got = nil
	for _, d := range ds {
		got = append(got, fmt.Sprintf("%d:%s:%s:%s", d.MeetingID, d.Item, d.UserID, d.Nature))
	}
	if diff := cmp.Diff(got, []string{
		fmt.Sprintf("%d:7.5:UNEIL:Paid adviser to SWACA", a.ID), fmt.Sprintf("%d:7.5:USUE:Trustee", a.ID), fmt.Sprintf("%d:6:UNEIL:Neighbour", b.ID),
	}); diff != "" {
		t.Errorf("the meetings' declarations (-got +want):\n%s", diff)
	}
	if ds, err := db.MeetingsDeclarations(ctx, nil); err != nil || len(ds) != 0 {
		t.Errorf("no meetings: %v %v", ds, err)
	}

	// One agenda queued for posting, one posted, one neither.
	key := func(m commands.Meeting) string { return fmt.Sprintf("agenda:%d", m.ID) }
	for _, m := range []commands.Meeting{a, b} {
		if _, err := db.Enqueue(ctx, commands.OutboxMessage{CommitteeID: c.ID, Kind: commands.OutboxPost, ChannelID: "C1",
			MessageKey: key(m), DedupeKey: key(m) + ":post", Reply: commands.Reply{Text: "Agenda"}, DueAt: time.Now()}); err != nil {
			t.Fatal(err)
		}
	}
	claimed, err := db.ClaimOutbox(ctx, time.Now().Add(time.Minute), time.Minute, 10)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range claimed {
		if m.MessageKey == key(a) {
			if _, err := db.OutboxSent(ctx, m, "C1", "1700000000.000100", time.Now()); err != nil {
				t.Fatal(err)
			}
		}
	}
	posted, err := db.PostedMessages(ctx, []string{key(a), key(b), key(other)})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(posted, []string{key(a), key(b)}); diff != "" {
		t.Errorf("posted (-got +want):\n%s", diff)
	}
	if err := db.OutboxFailed(ctx, claimedOf(claimed, key(b)), "channel_not_found"); err != nil {
		t.Fatal(err)
	}
	if posted, _ := db.PostedMessages(ctx, []string{key(b)}); len(posted) != 0 {
		t.Errorf("an agenda whose post failed counts as posted: %v", posted)
	}
	for _, empty := range [][]int64{nil, {}} {
		if items, err := db.AgendaItemsFor(ctx, empty); err != nil || len(items) != 0 {
			t.Errorf("no meetings: %v %v", items, err)
		}
	}
}

func claimedOf(ms []commands.OutboxMessage, key string) commands.OutboxMessage {
	for _, m := range ms {
		if m.MessageKey == key {
			return m
		}
	}
	return commands.OutboxMessage{}
}

// TestHomeNoticeMarksTheHome: a button's outcome recorded on a Home comes
// with a fresh mark, sent after any refresh already claimed, so the last
// Home published shows it; opening the Home without one marks nothing.
func TestHomeNoticeMarksTheHome(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	marks := func() int {
		t.Helper()
		var n int
		if err := db.SQL().QueryRowContext(ctx, `SELECT count(*) FROM outbox WHERE kind = 'home' AND message_key = 'home:T1:UNEIL' AND state = 'pending'`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	now := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	if err := db.HomeOpened(ctx, "T1", "UNEIL", now, ""); err != nil {
		t.Fatal(err)
	}
	if n := marks(); n != 0 {
		t.Fatalf("opening the Home left %d marks, want 0", n)
	}
	// A refresh already claimed (leased) does not stand in for the mark.
	if _, err := db.SQL().ExecContext(ctx, `INSERT INTO outbox (kind, team_id, user_id, message_key, payload, locked_until)
		VALUES ('home', 'T1', 'UNEIL', 'home:T1:UNEIL', '{}', now() + interval '1 minute')`); err != nil {
		t.Fatal(err)
	}
	if err := db.HomeOpened(ctx, "T1", "UNEIL", now, "Your apologies are withdrawn."); err != nil {
		t.Fatal(err)
	}
	if n := marks(); n != 2 {
		t.Fatalf("%d pending Home rows after the notice, want the claimed one and a fresh mark", n)
	}
	if err := db.HomeOpened(ctx, "T1", "UNEIL", now, "Your apologies are recorded."); err != nil {
		t.Fatal(err)
	}
	if n := marks(); n != 2 {
		t.Fatalf("%d pending Home rows after a second notice, want the marks to coalesce", n)
	}
	if got, err := db.HomeNotice(ctx, "T1", "UNEIL", now); err != nil || got != "Your apologies are recorded." {
		t.Fatalf("HomeNotice = %q, %v", got, err)
	}
}

// TestHomeLockOnePublisherAtATime: while one publisher holds a person's
// Home (on any connection: another replica's, say), a second waits for it;
// another person's Home does not wait.
func TestHomeLockOnePublisherAtATime(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.DSN(t)
	open := func() *storage.DB {
		db, err := storage.Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		return db
	}
	db, other := open(), open() // two pools on one database, as two replicas have
	held, release := make(chan struct{}), make(chan struct{})
	done := make(chan error, 1)
	go func() {
		done <- db.WithHomeLock(ctx, "T1", "U1", func() error {
			close(held)
			<-release
			return nil
		})
	}()
	<-held
	if err := other.WithHomeLock(ctx, "T1", "U2", func() error { return nil }); err != nil {
		t.Fatalf("another person's Home: %v", err)
	}
	second := make(chan error, 1)
	go func() { second <- other.WithHomeLock(ctx, "T1", "U1", func() error { return nil }) }()
	select {
	case err := <-second:
		t.Fatalf("a second publisher of the same Home ran while the first held it (%v)", err)
	case <-time.After(300 * time.Millisecond):
	}
	close(release)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-second:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the second publisher never ran after the first let go")
	}
}
