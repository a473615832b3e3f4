package storage_test

import (
	"context"
	"database/sql"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/quorumhq/quorum/commands"
)

// TestMigrationFilesRecordsOnItems fills a database under the schema
// before migration 00012, when declarations and report links named their
// item by number only, migrates it and checks that every record is kept,
// with its number, and filed on the item of that number: the one standing,
// else the one removed last, else none.
func TestMigrationFilesRecordsOnItems(t *testing.T) {
	ctx := context.Background()
	db := schemaAt(t, 11)
	x := db.SQL()
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := x.ExecContext(ctx, q, args...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	id := func(q string, args ...any) int64 {
		t.Helper()
		return queryID(t, x, q, args...)
	}
	c := id(`INSERT INTO committees (name, team_id, channel_id) VALUES ('Safer Sefton Together', 'T1', 'C1') RETURNING id`)
	exec(`INSERT INTO members (committee_id, user_id, name, organisation, role) VALUES ($1, 'UOFF', 'Ian Barton', 'Sefton Council', 'officer'),
		($1, 'UNEIL', 'Neil Frackelton', 'SWACA', 'member'), ($1, 'USUE', 'Sue Holden', 'Sefton CVS', 'member')`, c)
	m := id(`INSERT INTO meetings (committee_id, starts_at, venue) VALUES ($1, '2026-12-10 10:00 Europe/London', 'Remote Meeting') RETURNING id`, c)
	item := func(number, title string, removed string) int64 {
		t.Helper()
		if removed == "" {
			return id(`INSERT INTO agenda_items (meeting_id, number, position, title) VALUES ($1, $2, $3, $4) RETURNING id`, m, number, commands.ItemKey(number), title)
		}
		return id(`INSERT INTO agenda_items (meeting_id, number, position, title, removed_at, removed_by) VALUES ($1, $2, $3, $4, $5, 'UOFF') RETURNING id`,
			m, number, commands.ItemKey(number), title, removed)
	}
	policing := item("6", "Local Policing Update", "")
	item("7a", "Withdrawn late item", "2026-11-01")
	late := item("7a", "Late item", "")
	item("9", "Taken off first", "2026-11-01")
	offLast := item("9", "Taken off last", "2026-11-20")

	declare := func(number, member, userID, name, kind, nature string, revision int, source string) int64 {
		t.Helper()
		return id(`INSERT INTO declarations (meeting_id, item_number, member_key, user_id, name, kind, nature, source, declared_by, revision)
			VALUES ($1, $2, $3, NULLIF($4, ''), $5, $6, $7, $8, $4, $9) RETURNING id`, m, number, member, userID, name, kind, nature, source, revision)
	}
	withdrawn := declare("6", "USUE", "USUE", "Sue Holden", "pecuniary", "Spouse employed by Merseyside Police", 0, "slack")
	exec(`INSERT INTO declaration_withdrawals (declaration_id, withdrawn_by) VALUES ($1, 'USUE')`, withdrawn)
	again := declare("6", "USUE", "USUE", "Sue Holden", "pecuniary", "Spouse employed by Merseyside Police", 1, "slack")
	onLate := declare("7a", "USUE", "USUE", "Sue Holden", "personal", "Volunteer", 0, "slack")
	onRemoved := declare("9", "UNEIL", "UNEIL", "Neil Frackelton", "other", "Governor", 0, "slack")
	imported := declare("12", "name:ann smith", "", "Ann Smith", "personal", "Trustee of Bootle Youth Trust", 0, "import")

	link := func(number, userID, url, action string) int64 {
		t.Helper()
		return id(`INSERT INTO report_links (meeting_id, item_number, member_key, user_id, name, url, action, by_user)
			VALUES ($1, $2, $3, $3, $3, $4, $5, $3) RETURNING id`, m, number, userID, url, action)
	}
	link("6", "UNEIL", "https://example.org/old.pdf", "submitted")
	link("6", "UNEIL", "https://example.org/old.pdf", "removed")
	policingLink := link("6", "USUE", "https://example.org/policing.pdf", "submitted")
	lateLink := link("7a", "USUE", "https://example.org/late.pdf", "submitted")
	noItemLink := link("15", "UNEIL", "https://example.org/none.pdf", "submitted")

	if err := db.Migrate(ctx, nil); err != nil {
		t.Fatalf("migrating records made under 00011: %v", err)
	}

	type filed struct {
		Number string
		Item   int64
	}
	read := func(table string) map[int64]filed {
		t.Helper()
		rows, err := x.QueryContext(ctx, `SELECT id, item_number, COALESCE(item_id, 0) FROM `+table)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		out := map[int64]filed{}
		for rows.Next() {
			var rid int64
			var f filed
			if err := rows.Scan(&rid, &f.Number, &f.Item); err != nil {
				t.Fatal(err)
			}
			out[rid] = f
		}
		return out
	}
	if diff := cmp.Diff(read("declarations"), map[int64]filed{
		withdrawn: {"6", policing}, again: {"6", policing}, onLate: {"7a", late}, onRemoved: {"9", offLast}, imported: {"12", 0},
	}); diff != "" {
		t.Errorf("declarations after migrating (-got +want):\n%s", diff)
	}
	links := read("report_links")
	if len(links) != 5 || links[policingLink] != (filed{"6", policing}) || links[lateLink] != (filed{"7a", late}) || links[noItemLink] != (filed{"15", 0}) {
		t.Errorf("report links after migrating: %v", links)
	}

	// The records read as before, with the items they are on.
	ds, err := db.Declarations(ctx, m)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range ds {
		got = append(got, d.Item+">"+d.OnItem.Number+" "+d.Name)
		if d.OnItem.Removed {
			got[len(got)-1] += " (removed)"
		}
	}
	if diff := cmp.Diff(got, []string{"6>6 Sue Holden", "7a>7a Sue Holden", "9>9 Neil Frackelton (removed)", "12> Ann Smith"}); diff != "" {
		t.Errorf("declarations standing (-got +want):\n%s", diff)
	}
	ls, err := db.ReportLinks(ctx, m)
	if err != nil {
		t.Fatal(err)
	}
	got = nil
	for _, l := range ls {
		got = append(got, l.Item+">"+l.OnItem.Number+" "+l.URL)
	}
	if diff := cmp.Diff(got, []string{"6>6 https://example.org/policing.pdf", "7a>7a https://example.org/late.pdf", "15> https://example.org/none.pdf"}); diff != "" {
		t.Errorf("report links standing (-got +want):\n%s", diff)
	}

	// The same declaration again is the one standing, now on the item.
	d, created, err := db.Declare(ctx, commands.Declaration{MeetingID: m, Item: "6", ItemID: policing, UserID: "USUE", Name: "Sue Holden",
		Kind: commands.InterestPecuniary, Nature: "Spouse employed by Merseyside Police", By: "USUE", DeclaredAt: time.Now()}, nil)
	if err != nil || created || d.ID != again {
		t.Errorf("declaring again after migrating: %d created %v, %v; want %d standing", d.ID, created, err, again)
	}
}

// TestMigrationKeepsTheLinksStanding fills a database under the schema
// before migration 00026, which keeps each member's standing link beside
// the log, migrates it, and checks that what a member sends or removes
// next is judged against the link that stood: the same link again is
// unchanged, another replaces it, a removed one is sent afresh, and a
// link filed on no item stands under its number.
func TestMigrationKeepsTheLinksStanding(t *testing.T) {
	ctx := context.Background()
	db := schemaAt(t, 25)
	x := db.SQL()
	id := func(q string, args ...any) int64 {
		t.Helper()
		return queryID(t, x, q, args...)
	}
	c := id(`INSERT INTO committees (name, team_id, channel_id) VALUES ('Safer Sefton Together', 'T1', 'C1') RETURNING id`)
	m := id(`INSERT INTO meetings (committee_id, starts_at, venue) VALUES ($1, '2026-12-10 10:00 Europe/London', 'Remote Meeting') RETURNING id`, c)
	item := id(`INSERT INTO agenda_items (meeting_id, number, position, title) VALUES ($1, '6', $2, 'Local Policing Update') RETURNING id`, m, commands.ItemKey("6"))
	link := func(number string, itemID any, member, url, action string) {
		t.Helper()
		id(`INSERT INTO report_links (meeting_id, item_number, item_id, member_key, user_id, name, url, action, by_user)
			VALUES ($1, $2, $3, $4, $4, 'Member', $5, $6, $4) RETURNING id`, m, number, itemID, member, url, action)
	}
	link("6", item, "UNEIL", "https://example.org/neil-old.pdf", "submitted")
	link("6", item, "UNEIL", "https://example.org/neil.pdf", "submitted")
	link("6", item, "USUE", "https://example.org/sue.pdf", "submitted")
	link("6", item, "USUE", "https://example.org/sue.pdf", "removed")
	link("9", nil, "UJO", "https://example.org/jo.pdf", "submitted")
	if err := db.Migrate(ctx, nil); err != nil {
		t.Fatal(err)
	}

	send := func(member, number, url string, want commands.ReportOutcome) {
		t.Helper()
		got, err := db.SubmitReport(ctx, commands.ReportLink{MeetingID: m, Item: number, UserID: member, Name: "Member", URL: url, By: member}, nil)
		if err != nil || got != want {
			t.Errorf("%s sends %s on %s: %s %v, want %s", member, url, number, got, err, want)
		}
	}
	send("UNEIL", "6", "https://example.org/neil.pdf", commands.ReportUnchanged)
	send("UNEIL", "6", "https://example.org/neil-new.pdf", commands.ReportReplaced)
	send("USUE", "6", "https://example.org/sue.pdf", commands.ReportRecorded)
	if err := db.RemoveReport(ctx, m, 0, "9", "UJO", "", "UOFF", time.Time{}, nil); err != nil {
		t.Errorf("removing Jo's link on 9: %v", err)
	}
	if err := db.RemoveReport(ctx, m, 0, "9", "UJO", "", "UOFF", time.Time{}, nil); !errors.Is(err, commands.ErrNotFound) {
		t.Errorf("removing Jo's link on 9 again: %v, want not found", err)
	}
	links, err := db.ReportLinks(ctx, m)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range links {
		got = append(got, l.UserID+" "+l.Item+" "+l.URL)
	}
	want := []string{"UNEIL 6 https://example.org/neil-new.pdf", "USUE 6 https://example.org/sue.pdf"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("links standing (-want +got):\n%s", diff)
	}
}

// queryID runs q, which returns one number (an ID), on x.
func queryID(t *testing.T, x *sql.DB, q string, args ...any) int64 {
	t.Helper()
	var n int64
	if err := x.QueryRowContext(context.Background(), q, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}
