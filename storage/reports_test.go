package storage_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/quorumhq/quorum/commands"
	"github.com/quorumhq/quorum/storage"
	"github.com/quorumhq/quorum/storage/pgtest"
)

// A batch of report links says of each what it would say alone: a first
// link recorded, the same link again unchanged, another replacing it, one
// sent after a removal recorded; each link written goes into the log with
// its own audit entry, and what shows them is marked once.
func TestReportsInOneBatchAreEachCallsOwn(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	m := meetingWithItems(t, db, commands.AgendaItem{Number: "7.5", Title: "SWACA"}, commands.AgendaItem{Number: "6", Title: "Local Policing Update"})
	link := func(user, item, url string) commands.ReportLink {
		return commands.ReportLink{MeetingID: m.ID, Item: item, UserID: user, Name: "Member " + user, URL: url, By: user}
	}
	for _, l := range []commands.ReportLink{link("USUE", "7.5", "https://example.org/sue.pdf"), link("UJO", "6", "https://example.org/jo.pdf"), link("UANN", "6", "https://example.org/ann.pdf")} {
		if _, err := db.SubmitReport(ctx, l, nil); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.RemoveReport(ctx, m.ID, 0, "6", "UANN", "", "UANN", time.Time{}, nil); err != nil {
		t.Fatal(err)
	}
	agenda := "agenda:" + fmt.Sprint(m.ID)
	if _, err := db.Enqueue(ctx, commands.OutboxMessage{CommitteeID: m.CommitteeID, Kind: commands.OutboxPost, ChannelID: "C1",
		MessageKey: agenda, DedupeKey: agenda + ":post", Reply: commands.Reply{Text: "agenda"}}); err != nil {
		t.Fatal(err)
	}
	onBehalf := link("", "9", "https://example.org/jen.pdf")
	onBehalf.Name, onBehalf.By = "Jen Williams", "UOFF"
	at := time.Date(2026, 12, 9, 16, 0, 0, 0, time.UTC)
	neil := link("UNEIL", "7.5", "https://example.org/neil.pdf")
	neil.Title, neil.At = "SWACA perspective", at
	ls := []commands.ReportLink{
		neil,
		link("USUE", "7.5", "https://example.org/sue.pdf"),
		link("UJO", "6", "https://example.org/jo-2.pdf"),
		link("UANN", "6", "https://example.org/ann.pdf"),
		onBehalf,
	}
	got, err := db.ReportsInOneBatch(ctx, ls)
	if err != nil {
		t.Fatal(err)
	}
	want := []commands.ReportOutcome{commands.ReportRecorded, commands.ReportUnchanged, commands.ReportReplaced, commands.ReportRecorded, commands.ReportRecorded}
	if !cmp.Equal(got, want) {
		t.Fatalf("outcomes %v, want %v", got, want)
	}
	links, err := db.ReportLinks(ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	standing := map[string]commands.ReportLink{}
	for _, l := range links {
		standing[l.Name+" "+l.Item] = l
	}
	for _, l := range ls {
		s, ok := standing[l.Name+" "+l.Item]
		if !ok || s.URL != l.URL || s.UserID != l.UserID || s.By != l.By {
			t.Errorf("%s's link on %s: %+v, want %s", l.Name, l.Item, s, l.URL)
		}
	}
	if s := standing["Member UNEIL 7.5"]; s.Title != "SWACA perspective" || !s.At.Equal(at) || s.OnItem.Title != "SWACA" {
		t.Errorf("Neil's link: %+v", s)
	}
	if len(links) != 5 {
		t.Errorf("%d links standing, want 5: %+v", len(links), links)
	}
	// Four links written: four rows of the log, four audit entries.
	if n := count(t, db, `SELECT count(*) FROM report_links`); n != 3+1+4 {
		t.Errorf("%d rows in the log, want 8", n)
	}
	for action, n := range map[string]int{"report.recorded": 3 + 3, "report.replaced": 1, "report.removed": 1} {
		if got := count(t, db, `SELECT count(*) FROM audit_log WHERE action = $1`, action); got != n {
			t.Errorf("%d audit entries %s, want %d", got, action, n)
		}
	}
	if n := count(t, db, `SELECT count(*) FROM outbox WHERE state = 'pending' AND kind = 'update' AND message_key = $1`, agenda); n != 1 {
		t.Errorf("%d marks of the posted agenda, want 1", n)
	}
	// The same batch again changes nothing.
	again, err := db.ReportsInOneBatch(ctx, ls)
	if err != nil || !cmp.Equal(again, []commands.ReportOutcome{"unchanged", "unchanged", "unchanged", "unchanged", "unchanged"}) {
		t.Errorf("the same batch again: %v %v", again, err)
	}
}

// Members sending their links at once, each sent at the same moment to
// two replicas: every link is recorded once and said to be unchanged the
// other time, however the calls fall into batches.
func TestReportsAtOnceOnTwoReplicas(t *testing.T) {
	ctx := context.Background()
	var mu sync.Mutex
	outcomes := map[string][]commands.ReportOutcome{}
	db := atOnceOnTwoReplicas(t, func(db *storage.DB, m commands.Meeting, user, item string) {
		got, err := db.SubmitReport(ctx, commands.ReportLink{MeetingID: m.ID, Item: item, UserID: user, Name: "Member " + user,
			URL: "https://example.org/" + user + "-" + item + ".pdf", By: user}, nil)
		if err != nil {
			t.Errorf("%s on %s: %v", user, item, err)
			return
		}
		mu.Lock()
		defer mu.Unlock()
		outcomes[user+" "+item] = append(outcomes[user+" "+item], got)
	})
	for k, got := range outcomes {
		slices.Sort(got)
		if !cmp.Equal(got, []commands.ReportOutcome{commands.ReportRecorded, commands.ReportUnchanged}) {
			t.Errorf("%s: %v, want one recorded and one unchanged", k, got)
		}
	}
	if len(outcomes) != 2*atOnceMembers {
		t.Errorf("%d links answered, want %d", len(outcomes), 2*atOnceMembers)
	}
	if n := count(t, db, `SELECT count(*) FROM report_links`); n != 2*atOnceMembers {
		t.Errorf("%d rows in the log, want %d", n, 2*atOnceMembers)
	}
	if n := count(t, db, `SELECT count(*) FROM audit_log WHERE action LIKE 'report.%'`); n != 2*atOnceMembers {
		t.Errorf("%d audit entries, want %d", n, 2*atOnceMembers)
	}
}

// The same for report links: a link on a meeting that does not exist
// refuses the batch, and the others are saved on their own.
func TestReportBatchRefusedForOneCall(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	m := meetingWithItems(t, db, commands.AgendaItem{Number: "6", Title: "Local Policing Update"})
	ls := []commands.ReportLink{
		{MeetingID: m.ID, Item: "6", UserID: "USUE", Name: "Sue", URL: "https://example.org/a.pdf", By: "USUE"},
		{MeetingID: m.ID + 1000, Item: "6", UserID: "USUE", Name: "Sue", URL: "https://example.org/b.pdf", By: "USUE"},
		{MeetingID: m.ID, Item: "6", UserID: "UJO", Name: "Jo", URL: "https://example.org/c.pdf", By: "UJO"},
	}
	out, errs, err := db.ReportsThroughBatcher(ctx, ls)
	if err != nil {
		t.Fatal(err)
	}
	if errs[0] != nil || errs[2] != nil || out[0] != commands.ReportRecorded || out[2] != commands.ReportRecorded {
		t.Errorf("the good calls: %v %v", out, errs)
	}
	if errs[1] == nil || errors.Is(errs[1], commands.ErrInDoubt) {
		t.Errorf("the refused call: %v", errs[1])
	}
	if n := count(t, db, `SELECT count(*) FROM report_current`); n != 2 {
		t.Errorf("%d rows of report_current, want 2", n)
	}
}

// One member's links in one batch on an item taken off the agenda (by its
// ID) and under the same number with no item: two links, each with its
// own outcome, log row and audit entry.
func TestReportBatchSameNumberItemAndNoItem(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	m := meetingWithItems(t, db, commands.AgendaItem{Number: "3", Title: "Gone"})
	x := itemID(t, db, m.ID, "3")
	if _, err := db.SQL().ExecContext(ctx, `UPDATE agenda_items SET removed_at = now() WHERE id = $1`, x); err != nil {
		t.Fatal(err)
	}
	onItem := commands.ReportLink{MeetingID: m.ID, Item: "3", ItemID: x, UserID: "USUE", Name: "Sue", URL: "https://example.org/item.pdf", By: "USUE"}
	onNumber := commands.ReportLink{MeetingID: m.ID, Item: "3", UserID: "USUE", Name: "Sue", URL: "https://example.org/number.pdf", By: "USUE"}
	if _, err := db.SubmitReport(ctx, onNumber, nil); err != nil {
		t.Fatal(err)
	}
	onNumber.URL = "https://example.org/number-2.pdf"
	got, err := db.ReportsInOneBatch(ctx, []commands.ReportLink{onItem, onNumber})
	if err != nil {
		t.Fatal(err)
	}
	if !cmp.Equal(got, []commands.ReportOutcome{commands.ReportRecorded, commands.ReportReplaced}) {
		t.Errorf("outcomes %v", got)
	}
	rows, err := db.SQL().QueryContext(ctx, `SELECT a.action, l.url, COALESCE(l.item_id, 0) FROM audit_log a JOIN report_links l ON l.id = CAST(a.detail->>'report' AS bigint) WHERE a.action LIKE 'report.%' ORDER BY l.id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var audits []string
	for rows.Next() {
		var action, url string
		var item int64
		if err := rows.Scan(&action, &url, &item); err != nil {
			t.Fatal(err)
		}
		audits = append(audits, fmt.Sprintf("%s %s %v", action, url, item == x))
	}
	want := []string{"report.recorded https://example.org/number.pdf false", "report.recorded https://example.org/item.pdf true", "report.replaced https://example.org/number-2.pdf false"}
	if !cmp.Equal(audits, want) {
		t.Errorf("audits %q, want %q", audits, want)
	}
}

// TestReportsFromInOneBatch: report links sent together, in one statement
// that also finds each one's committee, member, meeting and item, are
// each what they would have been alone: a first link on an item with no
// presenter; a link on a presenter's item, refused for a member (the long
// way applies the presenter's rule) and taken from an officer; the same
// link again; another replacing one; one on the meeting in progress of
// another committee; and a replay. Only the keys of the links let
// through are recorded.
func TestReportsFromInOneBatch(t *testing.T) {
	db, _, _ := atTableKit(t)
	ctx := context.Background()
	now := time.Now()
	req := func(channel, user, item, url string) commands.ReportRequest {
		return commands.ReportRequest{TeamID: "T1", ChannelID: channel, UserID: user, At: now, Items: []string{item},
			URL: url, Title: "Report", Replay: "sig-" + user + "-" + item + "-" + channel + "-" + url}
	}
	for _, r := range []commands.ReportRequest{req("C1", "UKATH", "4", "https://example.org/k.pdf"), req("C1", "UOFF", "4", "https://example.org/o.pdf")} {
		if _, ok, err := db.SubmitReportFrom(ctx, r); err != nil || !ok {
			t.Fatalf("%s's first link: ok %v, %v", r.UserID, ok, err)
		}
	}
	replayed := req("C1", "UNEIL", "7a", "https://example.org/n.pdf")
	if first, err := db.FirstSeen(ctx, replayed.Replay); err != nil || !first {
		t.Fatalf("first seen: %v, %v", first, err)
	}
	links := count(t, db, `SELECT count(*) FROM report_links`)
	reqs := []commands.ReportRequest{
		req("C1", "UNEIL", "4", "https://example.org/n.pdf"),
		req("C1", "UKATH", "5", "https://example.org/k5.pdf"),
		req("C1", "UOFF", "5", "https://example.org/o5.pdf"),
		req("C1", "UKATH", "4", "https://example.org/k.pdf"),
		req("C2", "UOFF", "4", "https://example.org/c2.pdf"),
		replayed,
	}
	reqs[3].Replay += "-again"
	got, err := db.ReportsFromInOneBatch(ctx, reqs)
	if err != nil {
		t.Fatal(err)
	}
	want := []storage.ReportedInBatch{
		{Found: true, Admitted: true, Outcome: commands.ReportRecorded, Item: "4"},
		{Found: true, Item: "5"},
		{Found: true, Admitted: true, Outcome: commands.ReportRecorded, Item: "5"},
		{Found: true, Admitted: true, Outcome: commands.ReportUnchanged, Item: "4"},
		{Found: true, Admitted: true, Outcome: commands.ReportRecorded, Item: "4"},
		{Found: true, Admitted: true, Replayed: true, Item: "7a"},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("batch (-want +got):\n%s", d)
	}
	if n := count(t, db, `SELECT count(*) FROM report_links`); n != links+3 {
		t.Errorf("%d links written, want 3", n-links)
	}
	// Replacing: Officer's link on 4 again, another address.
	again, err := db.ReportsFromInOneBatch(ctx, []commands.ReportRequest{
		req("C1", "UOFF", "4", "https://example.org/o2.pdf"), req("C1", "UNEIL", "7.1", "https://example.org/n71.pdf"),
	})
	if err != nil {
		t.Fatal(err)
	}
	if again[0].Outcome != commands.ReportReplaced || again[1].Outcome != commands.ReportRecorded || again[1].Item != "7.1" {
		t.Errorf("second batch: %+v", again)
	}
	for i, r := range reqs {
		first, err := db.FirstSeen(ctx, r.Replay)
		if err != nil {
			t.Fatal(err)
		}
		if recorded := !first; recorded != want[i].Admitted {
			t.Errorf("request %d: key recorded %v, want %v", i, recorded, want[i].Admitted)
		}
	}
}
