package storage_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/lib/pq"

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
			got, ok, err := db.Declare(ctx, d, nil)
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
	if _, ok, err := db.Declare(ctx, other, nil); err != nil || !ok {
		t.Fatalf("pecuniary declaration: created=%v err=%v", ok, err)
	}
	standing, err := db.Declarations(ctx, m.ID)
	if err != nil || len(standing) != 2 {
		t.Fatalf("standing = %d, %v; want 2", len(standing), err)
	}

	// Withdrawal keeps the originals; declaring again makes a new row.
	n, err := db.WithdrawDeclarations(ctx, m.ID, 0, "7.5", "UNEIL", "UNEIL", 0, time.Time{}, nil)
	if err != nil || n != 2 {
		t.Fatalf("withdraw: n=%d err=%v, want 2", n, err)
	}
	if n, _ := db.WithdrawDeclarations(ctx, m.ID, 0, "7.5", "UNEIL", "UNEIL", 0, time.Time{}, nil); n != 0 {
		t.Errorf("second withdrawal withdrew %d", n)
	}
	if standing, _ := db.Declarations(ctx, m.ID); len(standing) != 0 {
		t.Errorf("after withdrawal %d stand", len(standing))
	}
	old, err := db.Declaration(ctx, first)
	if err != nil || !old.Withdrawn || old.Nature != "Trustee of SWACA" {
		t.Errorf("withdrawn declaration = %+v, %v", old, err)
	}
	again, ok, err := db.Declare(ctx, d, nil)
	if err != nil || !ok || again.ID == first {
		t.Fatalf("declaring again after withdrawal: %+v created=%v err=%v", again, ok, err)
	}
	if _, ok, _ := db.Declare(ctx, d, nil); ok {
		t.Error("the renewed declaration was stored twice")
	}
	if n := count(t, db, `SELECT count(*) FROM declarations`); n != 3 {
		t.Errorf("%d rows, want 3 (two withdrawn, one standing)", n)
	}

	// A dispensation is a record of its own, recorded once.
	if got, err := db.RecordDispensation(ctx, again.ID, "UNEIL", time.Time{}, nil); err != nil || got != commands.DispensationRecorded {
		t.Fatalf("dispensation: %v %v", got, err)
	}
	if got, err := db.RecordDispensation(ctx, again.ID, "UNEIL", time.Time{}, nil); err != nil || got != commands.DispensationUnchanged {
		t.Errorf("second dispensation: %v err=%v", got, err)
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

// TestDispensationOnAWithdrawnDeclaration: a dispensation asked for on a
// declaration withdrawn after the command read it standing is refused,
// with nothing recorded, whether the withdrawal was committed before the
// call or was being committed as it was made.
func TestDispensationOnAWithdrawnDeclaration(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	m := meetingWithItems(t, db, commands.AgendaItem{Number: "7.5", Title: "SWACA"}, commands.AgendaItem{Number: "8", Title: "Budget"})
	declare := func(item string) commands.Declaration {
		t.Helper()
		d, ok, err := db.Declare(ctx, commands.Declaration{MeetingID: m.ID, Item: item, UserID: "UNEIL", Name: "Neil Frackelton", Kind: commands.InterestPecuniary, Nature: "Trustee of SWACA", By: "UNEIL"}, nil)
		if err != nil || !ok {
			t.Fatalf("declare on %s: %v %v", item, ok, err)
		}
		return d
	}
	notRecorded := func(d commands.Declaration) {
		t.Helper()
		if got, err := db.Declaration(ctx, d.ID); err != nil || got.Dispensation || !got.Withdrawn {
			t.Errorf("declaration on %s after the refusal = %+v, %v; want withdrawn with no dispensation", d.Item, got, err)
		}
		if n := count(t, db, `SELECT count(*) FROM declaration_dispensations WHERE declaration_id = $1`, d.ID); n != 0 {
			t.Errorf("%d dispensations recorded on the withdrawn declaration on %s", n, d.Item)
		}
		if n := count(t, db, `SELECT count(*) FROM audit_log WHERE action = 'declaration.dispensation'`); n != 0 {
			t.Errorf("%d dispensations in the history", n)
		}
	}

	// Withdrawn after the command's check, before the call.
	before := declare("7.5")
	if n, err := db.WithdrawDeclarations(ctx, m.ID, itemID(t, db, m.ID, "7.5"), "7.5", "UNEIL", "UNEIL", 0, time.Time{}, nil); err != nil || n != 1 {
		t.Fatalf("withdraw: %d %v", n, err)
	}
	if got, err := db.RecordDispensation(ctx, before.ID, "UOFF", time.Time{}, nil); err != nil || got != commands.DispensationWithdrawn {
		t.Errorf("dispensation on a withdrawn declaration: %q %v; want %q", got, err, commands.DispensationWithdrawn)
	}
	notRecorded(before)

	// Being withdrawn as the call is made: the withdrawal's transaction
	// has written its row and not yet committed. The dispensation waits
	// for it and then sees it.
	during := declare("8")
	w, err := db.SQL().BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Rollback()
	if _, err := w.ExecContext(ctx, storage.WithdrawDeclarationsSQL, m.ID, "8", "UNEIL", "UNEIL", during.ID, nil, nil); err != nil {
		t.Fatal(err)
	}
	type result struct {
		outcome commands.DispensationOutcome
		err     error
	}
	done := make(chan result, 1)
	go func() {
		got, err := db.RecordDispensation(ctx, during.ID, "UOFF", time.Time{}, nil)
		done <- result{got, err}
	}()
	for deadline := time.Now().Add(10 * time.Second); ; {
		select {
		case r := <-done:
			t.Fatalf("the dispensation did not wait for the withdrawal: %q %v", r.outcome, r.err)
		default:
		}
		if count(t, db, `SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`) == 1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the dispensation never waited for the withdrawal")
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	if r := <-done; r.err != nil || r.outcome != commands.DispensationWithdrawn {
		t.Errorf("dispensation as the declaration was withdrawn: %q %v; want %q", r.outcome, r.err, commands.DispensationWithdrawn)
	}
	notRecorded(during)
}

// TestReportSentTwiceAtOnce: a member whose link is sent twice at the
// same moment (a double tap, or Slack's retry) has one link, recorded
// once; the other sending is told it is the same link. The upsert of the
// member's row of report_current waits for the first sending and works
// from what it wrote.
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
			got, err := db.SubmitReport(ctx, l, nil)
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
		got, err := db.SubmitReport(ctx, s.link, nil)
		if err != nil || got != s.want {
			t.Fatalf("step %d: %s %v, want %s", i, got, err, s.want)
		}
	}
	links, err := db.ReportLinks(ctx, m.ID)
	if err != nil || len(links) != 1 || links[0].URL != "https://example.org/b.pdf" {
		t.Fatalf("standing links = %+v, %v", links, err)
	}
	if err := db.RemoveReport(ctx, m.ID, 0, "7.5", "UNEIL", "", "UNEIL", time.Time{}, nil); err != nil {
		t.Fatal(err)
	}
	if err := db.RemoveReport(ctx, m.ID, 0, "7.5", "UNEIL", "", "UNEIL", time.Time{}, nil); !errors.Is(err, commands.ErrNotFound) {
		t.Errorf("second removal: %v, want ErrNotFound", err)
	}
	if links, _ := db.ReportLinks(ctx, m.ID); len(links) != 0 {
		t.Errorf("removed link still stands: %+v", links)
	}
	if got, _ := db.SubmitReport(ctx, l, nil); got != commands.ReportRecorded {
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
	made, created, err := db.Declare(ctx, d, nil)
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
	if _, created, err := db.Declare(ctx, d, nil); err != nil || created {
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
	if _, ok, err := db.Declare(ctx, neil, nil); err != nil || !ok {
		t.Fatalf("Neil's first declaration: %v %v", ok, err)
	}
	withdrawn := neil
	withdrawn.Item, withdrawn.Nature = "6", "Spouse employed by Merseyside Police"
	if _, ok, err := db.Declare(ctx, withdrawn, nil); err != nil || !ok {
		t.Fatalf("Neil's declaration on 6: %v %v", ok, err)
	}
	if n, err := db.WithdrawDeclarations(ctx, m.ID, 0, "6", "UNEIL", "UNEIL", 0, time.Time{}, nil); err != nil || n != 1 {
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
	ctx := context.Background()
	var mu sync.Mutex
	made := map[string]int{}
	errs := 0
	db := atOnceOnTwoReplicas(t, func(db *storage.DB, m commands.Meeting, user, item string) {
		d, ok, err := db.Declare(ctx, commands.Declaration{MeetingID: m.ID, Item: item, UserID: user, Name: "Member " + user,
			Kind: commands.InterestPersonal, Nature: "Trustee of SWACA", By: user}, nil)
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
	})
	if len(made) != 2*atOnceMembers || errs > 0 {
		t.Errorf("%d declarations made, %d refused; want %d made", len(made), errs, 2*atOnceMembers)
	}
	for k, n := range made {
		if n != 1 {
			t.Errorf("%s made %d times", k, n)
		}
	}
	if n := count(t, db, `SELECT count(*) FROM declarations`); n != 2*atOnceMembers {
		t.Errorf("%d declarations stored, want %d", n, 2*atOnceMembers)
	}
	if n := count(t, db, `SELECT count(*) FROM audit_log WHERE action = 'declaration.add'`); n != 2*atOnceMembers {
		t.Errorf("%d audit entries, want %d", n, 2*atOnceMembers)
	}
}

// atOnceMembers is how many members atOnceOnTwoReplicas sends for.
const atOnceMembers = 24

// atOnceOnTwoReplicas opens two replicas of one database with a meeting
// whose agenda has items 7.5 and 6, and calls send at once for each of
// atOnceMembers members (U00, U01, …) on each item, each on both
// replicas, as a retry or a double tap landing on both would; it returns
// once every call has, with one of the replicas.
func atOnceOnTwoReplicas(t *testing.T, send func(db *storage.DB, m commands.Meeting, user, item string)) *storage.DB {
	t.Helper()
	replicas := openReplicas(t, 2)
	m := meetingWithItems(t, replicas[0], commands.AgendaItem{Number: "7.5", Title: "SWACA"}, commands.AgendaItem{Number: "6", Title: "Local Policing Update"})
	var wg sync.WaitGroup
	for i := range atOnceMembers {
		for _, db := range replicas {
			for _, item := range []string{"7.5", "6"} {
				wg.Go(func() { send(db, m, fmt.Sprintf("U%02d", i), item) })
			}
		}
	}
	wg.Wait()
	return replicas[0]
}

func itemID(t *testing.T, db *storage.DB, meetingID int64, number string) int64 {
	t.Helper()
	var id int64
	if err := db.SQL().QueryRowContext(context.Background(), `SELECT id FROM agenda_items WHERE meeting_id = $1 AND number = $2 ORDER BY removed_at IS NULL DESC, id DESC LIMIT 1`, meetingID, number).Scan(&id); err != nil {
		t.Fatal(err)
	}
	return id
}

// Two calls in one batch for the same item under two numbers (the item
// renumbered between them) are the same declaration: one is made, the
// other finds it, and neither is given the other's row or an error.
func TestDeclarationBatchOneItemTwoNumbers(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	m := meetingWithItems(t, db, commands.AgendaItem{Number: "6", Title: "Local Policing Update"})
	x := itemID(t, db, m.ID, "6")
	d := commands.Declaration{MeetingID: m.ID, Item: "6", ItemID: x, UserID: "UNEIL", Name: "Neil", Kind: commands.InterestPersonal, Nature: "Trustee of SWACA", By: "UNEIL"}
	e := d
	e.Item = "6a"
	made, got, err := db.DeclarationsInOneBatch(ctx, []commands.Declaration{d, e})
	if err != nil {
		t.Fatal(err)
	}
	if !cmp.Equal(made, []bool{true, false}) || got[0].Item != "6" {
		t.Errorf("made %v, %+v", made, got)
	}
	stood, ok, err := db.Declare(ctx, e, nil)
	if err != nil || ok || stood.ID != got[0].ID {
		t.Errorf("declaring again under 6a: %+v %v %v", stood, ok, err)
	}
}

// Natures differing only in case, in spaces or in a full stop at the end
// are one declaration: in one batch the first call's is made, and the
// others find it standing (Declare reads it for them). The same words on
// behalf of the member by name are a declaration of their own.
func TestDeclarationBatchNaturesDifferingInCase(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	m := meetingWithItems(t, db, commands.AgendaItem{Number: "6", Title: "Local Policing Update"})
	natures := []string{"Trustee of SWACA", "trustee of swaca", "Trustee of SWACA ", " Trustee of SWACA", "Trustee  of SWACA."}
	var ds []commands.Declaration
	for _, n := range natures {
		ds = append(ds, commands.Declaration{MeetingID: m.ID, Item: "6", UserID: "UNEIL", Name: "Neil", Kind: commands.InterestPersonal, Nature: n, By: "UNEIL"})
	}
	// And the same member on behalf (name only) and a dispensation.
	ds = append(ds, commands.Declaration{MeetingID: m.ID, Item: "6", Name: "Neil", Kind: commands.InterestPersonal, Nature: "Trustee of SWACA", Dispensation: true, By: "UOFF"})
	made, got, err := db.DeclarationsInOneBatch(ctx, ds)
	if err != nil {
		t.Fatal(err)
	}
	for i := range ds {
		first := i == 0 || i == len(ds)-1
		if made[i] != first || first && (got[i].Nature != ds[i].Nature || got[i].UserID != ds[i].UserID || got[i].Dispensation != ds[i].Dispensation) {
			t.Errorf("call %d (%q): made %v, %+v", i, ds[i].Nature, made[i], got[i])
		}
	}
	stood, ok, err := db.Declare(ctx, ds[4], nil)
	if err != nil || ok || stood.ID != got[0].ID || stood.Nature != "Trustee of SWACA" {
		t.Errorf("declaring %q again: %+v %v %v", ds[4].Nature, stood, ok, err)
	}
}

// A batch refused for one call's data is run again call by call: the
// others are saved, and the refused one is refused (not saved), not in
// doubt.
func TestDeclarationBatchRefusedForOneCall(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	m := meetingWithItems(t, db, commands.AgendaItem{Number: "6", Title: "Local Policing Update"})
	ds := []commands.Declaration{
		{MeetingID: m.ID, Item: "6", UserID: "UNEIL", Name: "Neil", Kind: commands.InterestPersonal, Nature: "Trustee of SWACA", By: "UNEIL"},
		{MeetingID: m.ID, Item: "6", UserID: "USUE", Name: "Sue", Kind: commands.InterestPersonal, Nature: strings.Repeat("x", 1001), By: "USUE"},
		{MeetingID: m.ID, Item: "6", UserID: "UJO", Name: "Jo", Kind: commands.InterestOther, Nature: "Neighbour", By: "UJO"},
	}
	made, errs, err := db.DeclarationsThroughBatcher(ctx, ds)
	if err != nil {
		t.Fatal(err)
	}
	if errs[0] != nil || errs[2] != nil || !made[0] || !made[2] {
		t.Errorf("the good calls: %v %v", made, errs)
	}
	var pqErr *pq.Error
	if errs[1] == nil || errors.Is(errs[1], commands.ErrInDoubt) || !errors.As(errs[1], &pqErr) || pqErr.Code != "23514" {
		t.Errorf("the refused call: %v", errs[1])
	}
	if n := count(t, db, `SELECT count(*) FROM declarations`); n != 2 {
		t.Errorf("%d declarations, want 2", n)
	}
	if n := count(t, db, `SELECT count(*) FROM audit_log WHERE action = 'declaration.add'`); n != 2 {
		t.Errorf("%d audit entries, want 2", n)
	}
	// Refused alone, it says so once, naming what was refused.
	_, _, err = db.Declare(ctx, ds[1], nil)
	if err == nil || strings.Count(err.Error(), "storage: ") != 1 || !strings.HasPrefix(err.Error(), "storage: declare: ") {
		t.Errorf("the refusal as Declare gives it: %v", err)
	}
}

// withdrawDeclarationsSQL withdraws the rows the condition with ORs it
// replaced did, for every kind of call.
func TestWithdrawDeclarationsSQLSameRowsAsBefore(t *testing.T) {
	const old = `
			INSERT INTO declaration_withdrawals (declaration_id, withdrawn_by)
			SELECT d.id, $4 FROM declarations d
			WHERE d.meeting_id = $1 AND d.member_key = $3
			  AND ($5 <> 0 AND d.id = $5
			    OR $5 = 0 AND (d.item_id = $6
			      OR d.item_id IS NULL AND d.item_number = $2
			      OR $6::bigint IS NULL AND d.item_id IN (SELECT i.id FROM agenda_items i
			        WHERE i.meeting_id = $1 AND i.number = $2 AND i.removed_at IS NOT NULL)))
			  AND NOT EXISTS (SELECT 1 FROM declaration_withdrawals w WHERE w.declaration_id = d.id)
			ON CONFLICT (declaration_id) DO NOTHING
			RETURNING declaration_id`
	db := pgtest.New(t)
	ctx := context.Background()
	m := meetingWithItems(t, db, commands.AgendaItem{Number: "5", Title: "A"}, commands.AgendaItem{Number: "6", Title: "B"},
		commands.AgendaItem{Number: "7", Title: "D"})
	other, err := db.ScheduleMeeting(ctx, commands.Meeting{CommitteeID: m.CommitteeID, StartsAt: time.Date(2027, 1, 10, 10, 0, 0, 0, time.UTC), Venue: "Remote Meeting"}, "UOFF")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.SQL().ExecContext(ctx, `INSERT INTO agenda_items (meeting_id, number, position, title) VALUES ($1, '6', 1, 'Other')`, other.ID); err != nil {
		t.Fatal(err)
	}
	// 6: two items taken off; 7: one taken off and one standing.
	if _, err := db.SQL().ExecContext(ctx, `UPDATE agenda_items SET removed_at = now() WHERE meeting_id = $1 AND number IN ('6', '7')`, m.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := db.SQL().ExecContext(ctx, `INSERT INTO agenda_items (meeting_id, number, position, title, removed_at) VALUES ($1, '6', 10, 'C', now()), ($1, '7', 11, 'E', NULL)`, m.ID); err != nil {
		t.Fatal(err)
	}
	var items []int64
	if err := db.SQL().QueryRowContext(ctx, `SELECT array_agg(id ORDER BY id) FROM agenda_items WHERE meeting_id = $1`, m.ID).Scan((*pq.Int64Array)(&items)); err != nil {
		t.Fatal(err)
	}
	otherItem := itemID(t, db, other.ID, "6")
	ins := func(meeting int64, number string, item any, member, nature string) int64 {
		var id int64
		if err := db.SQL().QueryRowContext(ctx, `INSERT INTO declarations (meeting_id, item_number, item_id, member_key, user_id, name, kind, nature) VALUES ($1, $2, $3, $4, $4, 'x', 'personal', $5) RETURNING id`,
			meeting, number, item, member, nature).Scan(&id); err != nil {
			t.Fatal(err)
		}
		return id
	}
	var ids []int64
	for _, member := range []string{"U", "V"} {
		for i, it := range items {
			ids = append(ids, ins(m.ID, []string{"5", "6", "7", "6", "7"}[i], it, member, "n"))
		}
		for _, number := range []string{"5", "6", "7", "8"} {
			ids = append(ids, ins(m.ID, number, nil, member, "unfiled"))
		}
		ids = append(ids, ins(other.ID, "6", otherItem, member, "n"), ins(other.ID, "6", nil, member, "unfiled"))
	}
	// One already withdrawn.
	if _, err := db.SQL().ExecContext(ctx, `INSERT INTO declaration_withdrawals (declaration_id) VALUES ($1)`, ids[1]); err != nil {
		t.Fatal(err)
	}
	run := func(query string, args ...any) []int64 {
		tx, err := db.SQL().BeginTx(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer tx.Rollback()
		rows, err := tx.QueryContext(ctx, query, args...)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var out []int64
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				t.Fatal(err)
			}
			out = append(out, id)
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		slices.Sort(out)
		return out
	}
	onChoices := []any{nil, otherItem}
	for _, it := range items {
		onChoices = append(onChoices, it)
	}
	onlyChoices := append([]int64{0, 999999}, ids...)
	cases, nonEmpty := 0, 0
	for _, meeting := range []int64{m.ID, other.ID} {
		for _, number := range []string{"5", "6", "7", "8", "x"} {
			for _, member := range []string{"U", "V", "W"} {
				for _, on := range onChoices {
					for _, only := range onlyChoices {
						if only != 0 && on != nil {
							continue // an ID is given with no item
						}
						args := []any{meeting, number, member, "UOFF", only, on}
						was, now := run(old, args...), run(storage.WithdrawDeclarationsSQL, append(args, nil)...)
						cases++
						if len(was) > 0 {
							nonEmpty++
						}
						if !cmp.Equal(was, now) {
							t.Errorf("%v: before %v, now %v", args, was, now)
						}
					}
				}
			}
		}
	}
	t.Logf("%d cases, %d withdrawing something", cases, nonEmpty)
}

// Two replicas' batches holding declarations on the same item under two
// numbers (the item renumbered between the calls) take its unique keys in
// the same order, and neither is refused as a deadlock: sorted by the
// number before the member, as declarations_once is not (it has no
// number), they took them in opposite orders.
func TestDeclareManySQLLockOrder(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	m := meetingWithItems(t, db, commands.AgendaItem{Number: "2", Title: "Moved"})
	x := itemID(t, db, m.ID, "2")
	// Z holds the middle row of each batch, so that each has taken its
	// first key before either goes on.
	z, err := db.SQL().BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Rollback()
	for _, k := range []string{"ZA", "ZB"} {
		if _, err := z.ExecContext(ctx, `INSERT INTO declarations (meeting_id, item_number, item_id, member_key, user_id, name, kind, nature) VALUES ($1, '25', $2, $3, $3, 'z', 'personal', 'n')`, m.ID, x, k); err != nil {
			t.Fatal(err)
		}
	}
	batch := func(rows [][2]string) []any {
		n := len(rows)
		meetings, numbers, items := make(pq.Int64Array, n), make(pq.StringArray, n), make(pq.Int64Array, n)
		keys, kinds, natures, disp, ats := make(pq.StringArray, n), make(pq.StringArray, n), make(pq.StringArray, n), make(pq.BoolArray, n), make(pq.StringArray, n)
		for i, r := range rows {
			meetings[i], numbers[i], items[i], keys[i], kinds[i], natures[i] = m.ID, r[0], x, r[1], "personal", "n"
			ats[i] = time.Now().UTC().Format(time.RFC3339Nano)
		}
		return []any{meetings, numbers, items, keys, keys, keys, kinds, natures, disp, keys, ats}
	}
	a := batch([][2]string{{"2", "P"}, {"25", "ZA"}, {"3", "M"}})
	b := batch([][2]string{{"2", "M"}, {"25", "ZB"}, {"3", "P"}})
	var wg sync.WaitGroup
	errs := make([]error, 2)
	for i, args := range [][]any{a, b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, errs[i] = db.SQL().ExecContext(ctx, storage.DeclareManySQL, args...)
		}()
	}
	for deadline := time.Now().Add(10 * time.Second); ; {
		if count(t, db, `SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`) == 2 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the batches never both waited")
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err := z.Rollback(); err != nil {
		t.Fatal(err)
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("batch %d: %v", i, err)
		}
	}
}

// TestDeclarationsFromInOneBatch: declarations sent together, in one
// statement that also finds each one's committee, member, meeting and
// item, are each what they would have been alone: made on the item the
// first spelling that any item has names; found standing; refused, with nothing written and the
// replay key not recorded, for someone who is not a member or an item
// not on the agenda; left alone for a channel with no committee; made on
// another committee's meeting in progress; and refused as a replay.
func TestDeclarationsFromInOneBatch(t *testing.T) {
	db, next, running := atTableKit(t)
	ctx := context.Background()
	now := time.Now()
	req := func(channel, user string, items ...string) commands.DeclareRequest {
		return commands.DeclareRequest{TeamID: "T1", ChannelID: channel, UserID: user, At: now, Items: items,
			Kind: commands.InterestPersonal, Nature: "Trustee of SWACA", Replay: "sig-" + user + "-" + strings.Join(items, "/") + "-" + channel}
	}
	stands := req("C1", "UKATH", "4")
	stands.Replay = ""
	if _, ok, err := db.DeclareFrom(ctx, stands); err != nil || !ok {
		t.Fatalf("Kath's first declaration: ok %v, %v", ok, err)
	}
	replayed := req("C1", "UNEIL", "4")
	if first, err := db.FirstSeen(ctx, replayed.Replay); err != nil || !first {
		t.Fatalf("first seen: %v, %v", first, err)
	}
	declarations := count(t, db, `SELECT count(*) FROM declarations`)
	audits := count(t, db, `SELECT count(*) FROM audit_log WHERE action = 'declaration.add'`)

	reqs := []commands.DeclareRequest{
		req("C1", "UNEIL", "7a", "7.1"),
		stands,
		req("C1", "UNOBODY", "4"),
		req("C1", "UKATH", "9"),
		req("CNONE", "UNEIL", "4"),
		req("C2", "UOFF", "4"),
		replayed,
	}
	got, err := db.DeclarationsFromInOneBatch(ctx, reqs)
	if err != nil {
		t.Fatal(err)
	}
	want := []storage.DeclaredInBatch{
		{Found: true, Admitted: true, Made: true, MeetingID: next.ID, Item: "7a"},
		{Found: true, Admitted: true, MeetingID: next.ID, Item: "4"},
		{Found: true, MeetingID: next.ID, Item: "4"},
		{Found: true, MeetingID: next.ID},
		{},
		{Found: true, Admitted: true, Made: true, OnRunning: true, MeetingID: running.ID, Item: "4"},
		{Found: true, Admitted: true, Replayed: true, MeetingID: next.ID, Item: "4"},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("batch (-want +got):\n%s", d)
	}
	if n := count(t, db, `SELECT count(*) FROM declarations`); n != declarations+2 {
		t.Errorf("%d declarations made, want 2", n-declarations)
	}
	if n := count(t, db, `SELECT count(*) FROM audit_log WHERE action = 'declaration.add'`); n != audits+2 {
		t.Errorf("%d audit entries, want 2", n-audits)
	}
	if n := count(t, db, `SELECT count(*) FROM declarations WHERE meeting_id = $1 AND user_id = 'UNEIL' AND item_number = '7a'`, next.ID); n != 1 {
		t.Errorf("Neil's declarations on 7a: %d, want 1", n)
	}
	// The keys of the requests let through are recorded; of the others,
	// which go the long way and record them there, none is.
	for i, r := range reqs {
		if r.Replay == "" {
			continue
		}
		first, err := db.FirstSeen(ctx, r.Replay)
		if err != nil {
			t.Fatal(err)
		}
		if recorded := !first; recorded != want[i].Admitted {
			t.Errorf("request %d: key recorded %v, want %v", i, recorded, want[i].Admitted)
		}
	}
}

// atTableKit is a committee (C1) with members UNEIL and UKATH, besides
// its officer UOFF, and a meeting tomorrow with items 4, 5 (which Jen
// Williams presents), 7.1 and 7a; and a committee (C2) whose meeting
// began an hour ago and is open, with item 4.
func atTableKit(t *testing.T) (db *storage.DB, next, running commands.Meeting) {
	t.Helper()
	db = pgtest.New(t)
	ctx := context.Background()
	now := time.Now()
	c := setupCommittee(t, db)
	for _, u := range []string{"UNEIL", "UKATH"} {
		if _, err := db.PutMember(ctx, commands.Member{CommitteeID: c.ID, UserID: u, Name: u, Organisation: "SWACA", Role: commands.RoleMember}, "UOFF"); err != nil {
			t.Fatal(err)
		}
	}
	next, err := db.ScheduleMeeting(ctx, commands.Meeting{CommitteeID: c.ID, StartsAt: now.Add(24 * time.Hour)}, "UOFF")
	if err != nil {
		t.Fatal(err)
	}
	other := setupCommitteeIn(t, db, 2)
	running, err = db.ScheduleMeeting(ctx, commands.Meeting{CommitteeID: other.ID, StartsAt: now.Add(-time.Hour)}, "UOFF")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.ScheduleMeeting(ctx, commands.Meeting{CommitteeID: other.ID, StartsAt: now.Add(48 * time.Hour)}, "UOFF"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.RecordSession(ctx, commands.SessionEvent{MeetingID: running.ID, Action: commands.ActionOpened, At: now.Add(-time.Hour), By: "UOFF"}, []commands.SessionAction{""}, nil); err != nil {
		t.Fatal(err)
	}
	for _, it := range []struct {
		meeting           int64
		number, presenter string
	}{{next.ID, "4", ""}, {next.ID, "5", "Jen Williams (NW Probation)"}, {next.ID, "7.1", ""}, {next.ID, "7a", ""}, {running.ID, "4", ""}} {
		if _, err := db.SQL().ExecContext(ctx, `INSERT INTO agenda_items (meeting_id, number, position, title, presenter) VALUES ($1, $2, 1, 'Item', $3)`, it.meeting, it.number, it.presenter); err != nil {
			t.Fatal(err)
		}
	}
	return db, next, running
}

// TestMigrationKeepsTwinDeclarations: declarations made before 00063 that
// are the same in other words ("Trustee of Sefton CVS", "trustee of Sefton
// CVS."), standing side by side, do not stop the migration: both are kept
// as they were, and declaring the same again after it finds one standing
// rather than making a third. Migrating down and up again holds too.
func TestMigrationKeepsTwinDeclarations(t *testing.T) {
	ctx := context.Background()
	db := schemaAt(t, 62)
	x := db.SQL()
	id := func(q string, args ...any) int64 {
		t.Helper()
		return queryID(t, x, q, args...)
	}
	c := id(`INSERT INTO committees (name, team_id, channel_id) VALUES ('Safer Sefton Together', 'T1', 'C1') RETURNING id`)
	m := id(`INSERT INTO meetings (committee_id, starts_at, venue) VALUES ($1, '2026-12-10 10:00 Europe/London', 'Remote Meeting') RETURNING id`, c)
	item := id(`INSERT INTO agenda_items (meeting_id, number, position, title) VALUES ($1, '6', $2, 'Local Policing Update') RETURNING id`, m, commands.ItemKey("6"))
	declare := func(itemID any, number, nature string) int64 {
		t.Helper()
		return id(`INSERT INTO declarations (meeting_id, item_number, item_id, member_key, user_id, name, kind, nature, declared_by)
			VALUES ($1, $2, $3, 'UNEIL', 'UNEIL', 'Neil Frackelton', 'other', $4, 'UNEIL') RETURNING id`, m, number, itemID, nature)
	}
	twins := []int64{
		declare(item, "6", "Trustee of Sefton CVS"), declare(item, "6", "trustee of  Sefton CVS."), declare(item, "6", "Employed by Sefton Council"),
		declare(nil, "9", "Governor of a school"), declare(nil, "9", "governor of a school"),
	}
	if err := db.Migrate(ctx, nil); err != nil {
		t.Fatalf("migrating twin declarations: %v", err)
	}
	var standing int
	if err := x.QueryRowContext(ctx, `SELECT count(*) FROM declarations d WHERE d.id = ANY($1)
		AND NOT EXISTS (SELECT 1 FROM declaration_withdrawals w WHERE w.declaration_id = d.id)`, pq.Array(twins)).Scan(&standing); err != nil || standing != len(twins) {
		t.Errorf("standing after the migration: %d of %d (%v)", standing, len(twins), err)
	}
	for _, d := range []commands.Declaration{
		{MeetingID: m, Item: "6", UserID: "UNEIL", Name: "Neil Frackelton", Kind: commands.InterestOther, Nature: "TRUSTEE OF SEFTON CVS", By: "UNEIL"},
		{MeetingID: m, Item: "9", UserID: "UNEIL", Name: "Neil Frackelton", Kind: commands.InterestOther, Nature: "Governor of a school.", By: "UNEIL"},
	} {
		got, made, err := db.Declare(ctx, d, nil)
		if err != nil || made {
			t.Errorf("declaring %q again: made %v, %+v, %v", d.Nature, made, got, err)
		}
	}
	if err := db.MigrateDownTo(ctx, 62); err != nil {
		t.Fatalf("migrating down: %v", err)
	}
	if err := db.Migrate(ctx, nil); err != nil {
		t.Fatalf("migrating up again: %v", err)
	}
}

// TestDeclarationNatureWhateverTheSession: the plain form the unique
// indexes hold of a declaration's nature is the same in a session with
// standard_conforming_strings off, under which the function's body is
// parsed again: a pattern with a backslash would then read otherwise, and
// that session's look-ups miss what the indexes hold. A word processor's
// hyphen is "-" to it, as commands make it of what is typed.
func TestDeclarationNatureWhateverTheSession(t *testing.T) {
	ctx := context.Background()
	db := pgtest.New(t)
	conn, err := db.SQL().Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	for _, setting := range []string{"on", "off"} {
		if _, err := conn.ExecContext(ctx, "SET standard_conforming_strings = "+setting); err != nil {
			t.Fatal(err)
		}
		var same bool
		if err := conn.QueryRowContext(ctx, `SELECT declaration_nature('Trustee of  Sefton CVS.') = declaration_nature('trustee of Sefton CVS')
			AND declaration_nature('Co`+"\u2011"+`ordinator of Sefton CVS') = declaration_nature('co-ordinator of Sefton CVS')`).Scan(&same); err != nil {
			t.Fatal(err)
		}
		if !same {
			t.Errorf("with standard_conforming_strings %s, two spellings of one nature are told apart", setting)
		}
	}
}
