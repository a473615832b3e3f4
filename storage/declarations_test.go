package storage_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/quorumhq/quorum/commands"
	"github.com/quorumhq/quorum/storage"
	"github.com/quorumhq/quorum/storage/pgtest"
)

// meetingWithItems schedules a meeting and puts items on its agenda with
// plain SQL (the agenda's own commands live elsewhere).
func meetingWithItems(t *testing.T, db *storage.DB, items ...commands.AgendaItem) commands.Meeting {
	t.Helper()
	ctx := context.Background()
	c := setupCommittee(t, db)
	m, err := db.ScheduleMeeting(ctx, commands.Meeting{CommitteeID: c.ID, StartsAt: time.Date(2026, 12, 10, 10, 0, 0, 0, time.UTC), Venue: "Remote Meeting"}, "UOFF")
	if err != nil {
		t.Fatal(err)
	}
	for i, it := range items {
		if _, err := db.SQL().ExecContext(ctx, `INSERT INTO agenda_items (meeting_id, number, position, title, presenter, organisation) VALUES ($1, $2, $3, $4, $5, $6)`,
			m.ID, it.Number, i+1, it.Title, it.Presenter, it.Organisation); err != nil {
			t.Fatal(err)
		}
	}
	return m
}

func count(t *testing.T, db *storage.DB, query string, args ...any) int {
	t.Helper()
	var n int
	if err := db.SQL().QueryRowContext(context.Background(), query, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestAgendaItems(t *testing.T) {
	db := pgtest.New(t)
	m := meetingWithItems(t, db, commands.AgendaItem{Number: "4", Title: "IOM Refresh"}, commands.AgendaItem{Number: "7.5", Title: "SWACA", Presenter: "Neil Frackleton", Organisation: "SWACA", References: []string{}})
	ctx := context.Background()
	if _, err := db.SQL().ExecContext(ctx, `INSERT INTO agenda_items (meeting_id, number, position, title, removed_at) VALUES ($1, '9', 9, 'Gone', now())`, m.ID); err != nil {
		t.Fatal(err)
	}
	got, err := db.AgendaItems(ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	for i := range got {
		got[i].ID = 0
	}
	want := []commands.AgendaItem{
		{MeetingID: m.ID, Number: "4", Title: "IOM Refresh", References: []string{}},
		{MeetingID: m.ID, Number: "7.5", Title: "SWACA", Presenter: "Neil Frackleton", Organisation: "SWACA", References: []string{}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("agenda items (-want +got):\n%s", diff)
	}
}

func TestDeclarationsAreKeptOnceWithHistory(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	m := meetingWithItems(t, db, commands.AgendaItem{Number: "7.5", Title: "SWACA"})
	d := commands.Declaration{MeetingID: m.ID, Item: "7.5", UserID: "UNEIL", Name: "Neil Frackelton", Kind: commands.InterestPersonal, Nature: "Trustee of SWACA", By: "UNEIL"}

	// A double submit: many identical declarations at once store one row.
	var wg sync.WaitGroup
	var mu sync.Mutex
	created, ids := 0, map[int64]bool{}
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got, ok, err := db.Declare(ctx, d)
			if err != nil {
				t.Error(err)
				return
			}
			mu.Lock()
			defer mu.Unlock()
			ids[got.ID] = true
			if ok {
				created++
			}
		}()
	}
	wg.Wait()
	if created != 1 || len(ids) != 1 {
		t.Fatalf("8 identical declarations at once: %d created, %d ids; want 1 and 1", created, len(ids))
	}
	if n := count(t, db, `SELECT count(*) FROM declarations`); n != 1 {
		t.Fatalf("%d rows, want 1", n)
	}
	var first int64
	for id := range ids {
		first = id
	}

	// A different nature or kind is another declaration.
	other := d
	other.Kind = commands.InterestPecuniary
	if _, ok, err := db.Declare(ctx, other); err != nil || !ok {
		t.Fatalf("pecuniary declaration: created=%v err=%v", ok, err)
	}
	standing, err := db.Declarations(ctx, m.ID)
	if err != nil || len(standing) != 2 {
		t.Fatalf("standing = %d, %v; want 2", len(standing), err)
	}

	// Withdrawal keeps the originals; declaring again makes a new row.
	n, err := db.WithdrawDeclarations(ctx, m.ID, 0, "7.5", "UNEIL", "UNEIL", 0)
	if err != nil || n != 2 {
		t.Fatalf("withdraw: n=%d err=%v, want 2", n, err)
	}
	if n, _ := db.WithdrawDeclarations(ctx, m.ID, 0, "7.5", "UNEIL", "UNEIL", 0); n != 0 {
		t.Errorf("second withdrawal withdrew %d", n)
	}
	if standing, _ := db.Declarations(ctx, m.ID); len(standing) != 0 {
		t.Errorf("after withdrawal %d stand", len(standing))
	}
	old, err := db.Declaration(ctx, first)
	if err != nil || !old.Withdrawn || old.Nature != "Trustee of SWACA" {
		t.Errorf("withdrawn declaration = %+v, %v", old, err)
	}
	again, ok, err := db.Declare(ctx, d)
	if err != nil || !ok || again.ID == first {
		t.Fatalf("declaring again after withdrawal: %+v created=%v err=%v", again, ok, err)
	}
	if _, ok, _ := db.Declare(ctx, d); ok {
		t.Error("the renewed declaration was stored twice")
	}
	if n := count(t, db, `SELECT count(*) FROM declarations`); n != 3 {
		t.Errorf("%d rows, want 3 (two withdrawn, one standing)", n)
	}

	// A dispensation is a record of its own, recorded once.
	if ok, err := db.RecordDispensation(ctx, again.ID, "UNEIL"); err != nil || !ok {
		t.Fatalf("dispensation: %v %v", ok, err)
	}
	if ok, err := db.RecordDispensation(ctx, again.ID, "UNEIL"); err != nil || ok {
		t.Errorf("second dispensation: created=%v err=%v", ok, err)
	}
	if got, _ := db.Declaration(ctx, again.ID); !got.Dispensation {
		t.Error("dispensation not shown on the declaration")
	}
	if _, err := db.Declaration(ctx, 999999); !errors.Is(err, commands.ErrNotFound) {
		t.Errorf("missing declaration: %v", err)
	}
	if n := count(t, db, `SELECT count(*) FROM audit_log WHERE action LIKE 'declaration.%'`); n != 5 {
		t.Errorf("%d audit entries for declarations, want 5", n)
	}
}

// TestReportSentTwiceAtOnce: a member whose link is sent twice at the
// same moment (a double tap, or Slack's retry) has one link, recorded
// once; the other sending is told it is the same link. The lock is taken
// before the statement that reads the latest link, so that statement sees
// what the first sending wrote.
func TestReportSentTwiceAtOnce(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	m := meetingWithItems(t, db, commands.AgendaItem{Number: "7.5", Title: "SWACA"})
	l := commands.ReportLink{MeetingID: m.ID, Item: "7.5", UserID: "UNEIL", Name: "Neil Frackelton", URL: "https://example.org/a.pdf", Title: "SWACA", By: "UNEIL"}
	const n = 8
	outcomes := make(chan commands.ReportOutcome, n)
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got, err := db.SubmitReport(ctx, l)
			if err != nil {
				t.Error(err)
			}
			outcomes <- got
		}()
	}
	wg.Wait()
	close(outcomes)
	count := map[commands.ReportOutcome]int{}
	for o := range outcomes {
		count[o]++
	}
	if count[commands.ReportRecorded] != 1 || count[commands.ReportUnchanged] != n-1 {
		t.Errorf("outcomes %v, want one recorded and %d unchanged", count, n-1)
	}
	var rows, audited int
	if err := db.SQL().QueryRowContext(ctx, `SELECT (SELECT count(*) FROM report_links), (SELECT count(*) FROM audit_log WHERE action LIKE 'report.%')`).Scan(&rows, &audited); err != nil {
		t.Fatal(err)
	}
	if rows != 1 || audited != 1 {
		t.Errorf("%d links and %d audit entries, want one of each", rows, audited)
	}
}

func TestReportLinksKeepHistory(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	m := meetingWithItems(t, db, commands.AgendaItem{Number: "7.5", Title: "SWACA"})
	l := commands.ReportLink{MeetingID: m.ID, Item: "7.5", UserID: "UNEIL", Name: "Neil Frackelton", URL: "https://example.org/a.pdf", Title: "SWACA", By: "UNEIL"}
	steps := []struct {
		link commands.ReportLink
		want commands.ReportOutcome
	}{
		{l, commands.ReportRecorded},
		{l, commands.ReportUnchanged},
		{func() commands.ReportLink { x := l; x.URL = "https://example.org/b.pdf"; return x }(), commands.ReportReplaced},
	}
	for i, s := range steps {
		got, err := db.SubmitReport(ctx, s.link)
		if err != nil || got != s.want {
			t.Fatalf("step %d: %s %v, want %s", i, got, err, s.want)
		}
	}
	links, err := db.ReportLinks(ctx, m.ID)
	if err != nil || len(links) != 1 || links[0].URL != "https://example.org/b.pdf" {
		t.Fatalf("standing links = %+v, %v", links, err)
	}
	if err := db.RemoveReport(ctx, m.ID, 0, "7.5", "UNEIL", "UNEIL"); err != nil {
		t.Fatal(err)
	}
	if err := db.RemoveReport(ctx, m.ID, 0, "7.5", "UNEIL", "UNEIL"); !errors.Is(err, commands.ErrNotFound) {
		t.Errorf("second removal: %v, want ErrNotFound", err)
	}
	if links, _ := db.ReportLinks(ctx, m.ID); len(links) != 0 {
		t.Errorf("removed link still stands: %+v", links)
	}
	if got, _ := db.SubmitReport(ctx, l); got != commands.ReportRecorded {
		t.Errorf("after removal: %s, want recorded", got)
	}
	var actions []string
	rows, err := db.SQL().QueryContext(ctx, `SELECT action || ' ' || url FROM report_links ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var s string
		_ = rows.Scan(&s)
		actions = append(actions, s)
	}
	want := []string{"submitted https://example.org/a.pdf", "submitted https://example.org/b.pdf", "removed https://example.org/b.pdf", "submitted https://example.org/a.pdf"}
	if diff := cmp.Diff(want, actions); diff != "" {
		t.Errorf("history (-want +got):\n%s", diff)
	}
	// Each link sent is audited with what it was; the same again is not.
	var audited []string
	arows, err := db.SQL().QueryContext(ctx, `SELECT a.action || ' ' || a.actor || ' ' || a.subject || ' ' || (a.detail->>'url') || ' ' || (a.detail->>'title')
		|| ' ' || ((a.detail->>'report')::bigint = r.id) || ' ' || ((a.detail->>'item')::bigint = r.item_id)
		FROM audit_log a LEFT JOIN report_links r ON r.id = (a.detail->>'report')::bigint
		WHERE a.action LIKE 'report.%' AND a.action <> 'report.removed' ORDER BY a.id`)
	if err != nil {
		t.Fatal(err)
	}
	defer arows.Close()
	for arows.Next() {
		var s string
		_ = arows.Scan(&s)
		audited = append(audited, s)
	}
	wantAudit := []string{
		"report.recorded UNEIL 7.5 https://example.org/a.pdf SWACA true true",
		"report.replaced UNEIL 7.5 https://example.org/b.pdf SWACA true true",
		"report.recorded UNEIL 7.5 https://example.org/a.pdf SWACA true true",
	}
	if diff := cmp.Diff(wantAudit, audited); diff != "" {
		t.Errorf("audit (-want +got):\n%s", diff)
	}
}

// TestDeclarationIsAudited: a declaration made is in the audit log, with
// who made it, on which item, and what was declared; one that was already
// standing adds nothing.
func TestDeclarationIsAudited(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	m := meetingWithItems(t, db, commands.AgendaItem{Number: "5", Title: "Youth Anti-Social Behaviour"})
	d := commands.Declaration{MeetingID: m.ID, Item: "5", UserID: "UNEIL", Name: "Neil Frackelton",
		Kind: commands.InterestPecuniary, Nature: "Employed by SWACA", By: "UOFF"}
	made, created, err := db.Declare(ctx, d)
	if err != nil || !created || made.ID == 0 || made.Nature != d.Nature || made.Item != "5" || made.ItemID == 0 || made.By != "UOFF" {
		t.Fatalf("Declare = %+v, %v, %v", made, created, err)
	}
	var actor, subject string
	var detail map[string]any
	var raw []byte
	if err := db.SQL().QueryRowContext(ctx, `SELECT actor, subject, detail FROM audit_log WHERE action = 'declaration.add'`).Scan(&actor, &subject, &raw); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &detail); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{"declaration": float64(made.ID), "item": float64(made.ItemID), "kind": string(commands.InterestPecuniary),
		"nature": "Employed by SWACA", "dispensation": false}
	if actor != "UOFF" || subject != "5" || !cmp.Equal(detail, want) {
		t.Errorf("audit: %s on %s, %v; want UOFF on 5, %v", actor, subject, detail, want)
	}
	if _, created, err := db.Declare(ctx, d); err != nil || created {
		t.Fatalf("the same again: created %v, %v", created, err)
	}
	if n := count(t, db, `SELECT count(*) FROM audit_log WHERE action = 'declaration.add'`); n != 1 {
		t.Errorf("%d audit entries, want 1", n)
	}
}

// A batch of declarations makes each as it would be made alone: on its
// item or under a number no item has, for a member or for a name, with its
// own time, its audit entry and a revision counting the identical ones
// withdrawn; one identical to a declaration standing is not made again.
func TestDeclarationsInOneBatchAreEachCallsOwn(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	m := meetingWithItems(t, db, commands.AgendaItem{Number: "7.5", Title: "SWACA"}, commands.AgendaItem{Number: "6", Title: "Local Policing Update"})
	neil := commands.Declaration{MeetingID: m.ID, Item: "7.5", UserID: "UNEIL", Name: "Neil Frackelton", Kind: commands.InterestPersonal, Nature: "Trustee of SWACA", By: "UNEIL"}
	if _, ok, err := db.Declare(ctx, neil); err != nil || !ok {
		t.Fatalf("Neil's first declaration: %v %v", ok, err)
	}
	withdrawn := neil
	withdrawn.Item, withdrawn.Nature = "6", "Spouse employed by Merseyside Police"
	if _, ok, err := db.Declare(ctx, withdrawn); err != nil || !ok {
		t.Fatalf("Neil's declaration on 6: %v %v", ok, err)
	}
	if n, err := db.WithdrawDeclarations(ctx, m.ID, 0, "6", "UNEIL", "UNEIL", 0); err != nil || n != 1 {
		t.Fatalf("withdrawing on 6: %d %v", n, err)
	}
	at := time.Date(2026, 12, 10, 10, 5, 0, 0, time.UTC)
	ds := []commands.Declaration{
		neil,      // stands already
		withdrawn, // made again after its withdrawal
		{MeetingID: m.ID, Item: "7.5", UserID: "USUE", Name: "Sue Holden", Kind: commands.InterestPecuniary, Nature: "Paid adviser to SWACA", By: "USUE", DeclaredAt: at},
		{MeetingID: m.ID, Item: "9", UserID: "USUE", Name: "Sue Holden", Kind: commands.InterestOther, Nature: "Member of the IOM board", By: "USUE"},
		{MeetingID: m.ID, Item: "6", Name: "Jen Williams", Kind: commands.InterestPersonal, Nature: "Trustee of SWACA", Dispensation: true, By: "UOFF"},
	}
	// The agenda is posted and Sue has opened her Home: the batch marks
	// both, once.
	agenda := "agenda:" + fmt.Sprint(m.ID)
	if _, err := db.Enqueue(ctx, commands.OutboxMessage{CommitteeID: m.CommitteeID, Kind: commands.OutboxPost, ChannelID: "C1",
		MessageKey: agenda, DedupeKey: agenda + ":post", Reply: commands.Reply{Text: "agenda"}}); err != nil {
		t.Fatal(err)
	}
	if err := db.HomeOpened(ctx, "T1", "USUE", time.Now(), ""); err != nil {
		t.Fatal(err)
	}
	made, got, err := db.DeclarationsInOneBatch(ctx, ds)
	if err != nil {
		t.Fatal(err)
	}
	if n := count(t, db, `SELECT count(*) FROM outbox WHERE state = 'pending' AND kind = 'update' AND message_key = $1`, agenda); n != 1 {
		t.Errorf("%d marks of the posted agenda, want 1", n)
	}
	if n := count(t, db, `SELECT count(*) FROM outbox WHERE state = 'pending' AND kind = 'home' AND message_key = 'home:T1:USUE'`); n != 1 {
		t.Errorf("%d marks of Sue's Home, want 1", n)
	}
	if want := []bool{false, true, true, true, true}; !cmp.Equal(made, want) {
		t.Fatalf("made %v, want %v", made, want)
	}
	for i, d := range got {
		if !made[i] {
			continue
		}
		stored, err := db.Declaration(ctx, d.ID)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(stored, d); diff != "" {
			t.Errorf("%s's on %s: the batch's answer and the record differ (-record +answer):\n%s", ds[i].Name, ds[i].Item, diff)
		}
		if d.Item != ds[i].Item || d.Nature != ds[i].Nature || d.Kind != ds[i].Kind || d.UserID != ds[i].UserID || d.Name != ds[i].Name ||
			d.Dispensation != ds[i].Dispensation || d.By != ds[i].By || d.Withdrawn {
			t.Errorf("call %d made %+v, want %+v", i, d, ds[i])
		}
	}
	if !got[2].DeclaredAt.Equal(at) {
		t.Errorf("Sue's declaration at %v, want %v", got[2].DeclaredAt, at)
	}
	if got[1].OnItem.Title != "Local Policing Update" || got[3].ItemID != 0 || got[2].OnItem.Title != "SWACA" {
		t.Errorf("items: %+v, %+v, %+v", got[1].OnItem, got[2].OnItem, got[3])
	}
	var revision int
	if err := db.SQL().QueryRowContext(ctx, `SELECT revision FROM declarations WHERE id = $1`, got[1].ID).Scan(&revision); err != nil || revision != 1 {
		t.Errorf("revision of the declaration made again: %d %v, want 1", revision, err)
	}
	if n := count(t, db, `SELECT count(*) FROM audit_log WHERE action = 'declaration.add'`); n != 2+4 {
		t.Errorf("%d audit entries, want 6", n)
	}
	for _, d := range got[1:] {
		if n := count(t, db, `SELECT count(*) FROM audit_log WHERE action = 'declaration.add' AND detail->>'declaration' = $1`, fmt.Sprint(d.ID)); n != 1 {
			t.Errorf("declaration %d has %d audit entries", d.ID, n)
		}
	}
	// The same batch again makes nothing.
	again, _, err := db.DeclarationsInOneBatch(ctx, ds)
	if err != nil || !cmp.Equal(again, []bool{false, false, false, false, false}) {
		t.Errorf("the same batch again made %v, %v", again, err)
	}
}

// Members declaring at once, each declaration sent at the same moment to
// two replicas (a retry, or a double tap landing on both): every
// declaration is made once, however the calls fall into batches, and
// none is refused.
func TestDeclarationsAtOnceOnTwoReplicas(t *testing.T) {
	replicas := openReplicas(t, 2)
	ctx := context.Background()
	m := meetingWithItems(t, replicas[0], commands.AgendaItem{Number: "7.5", Title: "SWACA"}, commands.AgendaItem{Number: "6", Title: "Local Policing Update"})
	const members = 24
	var wg sync.WaitGroup
	var mu sync.Mutex
	made := map[string]int{}
	errs := 0
	for i := range members {
		for _, db := range replicas {
			for _, item := range []string{"7.5", "6"} {
				wg.Add(1)
				go func() {
					defer wg.Done()
					user := fmt.Sprintf("U%02d", i)
					d, ok, err := db.Declare(ctx, commands.Declaration{MeetingID: m.ID, Item: item, UserID: user, Name: "Member " + user,
						Kind: commands.InterestPersonal, Nature: "Trustee of SWACA", By: user})
					mu.Lock()
					defer mu.Unlock()
					switch {
					case err != nil:
						errs++
						t.Errorf("%s on %s: %v", user, item, err)
					case d.UserID != user || d.Item != item:
						t.Errorf("%s on %s was answered with %+v", user, item, d)
					case ok:
						made[user+" "+item]++
					}
				}()
			}
		}
	}
	wg.Wait()
	if len(made) != 2*members || errs > 0 {
		t.Errorf("%d declarations made, %d refused; want %d made", len(made), errs, 2*members)
	}
	for k, n := range made {
		if n != 1 {
			t.Errorf("%s made %d times", k, n)
		}
	}
	if n := count(t, replicas[0], `SELECT count(*) FROM declarations`); n != 2*members {
		t.Errorf("%d declarations stored, want %d", n, 2*members)
	}
	if n := count(t, replicas[0], `SELECT count(*) FROM audit_log WHERE action = 'declaration.add'`); n != 2*members {
		t.Errorf("%d audit entries, want %d", n, 2*members)
	}
}
