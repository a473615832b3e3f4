package main

import (
	"context"
	"encoding/csv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/quorumhq/quorum/commands"
	"github.com/quorumhq/quorum/storage"
	"github.com/quorumhq/quorum/storage/pgtest"
)

// historyRecords fills dsn with a committee whose meeting has an apology
// entered by its officer for a member, a declaration, a report link
// removed by the officer, and an agenda item.
func historyRecords(t *testing.T, dsn string) {
	t.Helper()
	ctx := context.Background()
	db, err := storage.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	c, err := db.CreateCommittee(ctx, commands.Committee{Name: "Safer Sefton Together", TeamID: "T1", ChannelID: "C1"},
		commands.Member{UserID: "UIAN", Name: "Ian Barton"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.PutMember(ctx, commands.Member{CommitteeID: c.ID, UserID: "UNEIL", Name: "Neil Frackelton", Organisation: "SWACA", Role: commands.RoleMember}, "UIAN"); err != nil {
		t.Fatal(err)
	}
	london, _ := time.LoadLocation("Europe/London")
	m, err := db.ScheduleMeeting(ctx, commands.Meeting{CommitteeID: c.ID, StartsAt: time.Date(2026, 12, 10, 10, 0, 0, 0, london), Status: commands.MeetingScheduled,
		Items: []commands.AgendaItem{{Number: "7.5", Title: "SWACA", Presenter: "Neil Frackelton"}}}, "UIAN")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.SendApology(ctx, commands.Apology{MeetingID: m.ID, UserID: "UNEIL", Name: "Neil Frackelton", Reason: "=HYPERLINK(\"x\")", By: "UIAN"}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := db.Declare(ctx, commands.Declaration{MeetingID: m.ID, Item: "7.5", UserID: "UNEIL", Name: "Neil Frackelton",
		Kind: commands.InterestPersonal, Nature: "Trustee of SWACA", By: "UNEIL"}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.SubmitReport(ctx, commands.ReportLink{MeetingID: m.ID, Item: "7.5", UserID: "UNEIL", Name: "Neil Frackelton", URL: "https://example.org/swaca.pdf", By: "UNEIL"}); err != nil {
		t.Fatal(err)
	}
	if err := db.RemoveReport(ctx, m.ID, 0, "7.5", "UNEIL", "", "UIAN", nil); err != nil {
		t.Fatal(err)
	}
}

func TestExportHistory(t *testing.T) {
	dsn := pgtest.DSN(t)
	historyRecords(t, dsn)
	out, stderr, err := quorum(t, dsn, "export", "history", "--committee", "safer sefton  together", "--csv")
	if err != nil {
		t.Fatalf("export: %v\n%s", err, stderr)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("not CSV: %v\n%s", err, out)
	}
	if diff := cmp.Diff(recs[0], []string{"at", "meeting", "record", "action", "item", "member", "member_id", "detail", "by", "by_id"}); diff != "" {
		t.Errorf("header (-got +want):\n%s", diff)
	}
	// Every row but its time, which is the database's.
	var got []string
	for _, r := range recs[1:] {
		if _, err := time.Parse(time.RFC3339, r[0]); err != nil {
			t.Errorf("time %q: %v", r[0], err)
		}
		got = append(got, strings.Join(r[1:], "|"))
	}
	want := []string{
		"2026-12-10 10:00|agenda|added|7.5|Neil Frackelton||SWACA|Ian Barton|UIAN",
		"2026-12-10 10:00|apologies|sent||Neil Frackelton|UNEIL|'=HYPERLINK(\"x\")|Ian Barton|UIAN",
		"2026-12-10 10:00|declarations|declared|7.5|Neil Frackelton|UNEIL|personal: Trustee of SWACA|Neil Frackelton|UNEIL",
		"2026-12-10 10:00|reports|submitted|7.5|Neil Frackelton|UNEIL|https://example.org/swaca.pdf|Neil Frackelton|UNEIL",
		"2026-12-10 10:00|reports|removed|7.5|Neil Frackelton|UNEIL|https://example.org/swaca.pdf|Ian Barton|UIAN",
	}
	if diff := cmp.Diff(got, want); diff != "" {
		t.Errorf("rows (-got +want):\n%s", diff)
	}

	// --since leaves out what came before.
	out, _, err = quorum(t, dsn, "export", "history", "--committee", "Safer Sefton Together", "--since", "2030-01-01", "--csv")
	if err != nil || strings.TrimSpace(out) != strings.Join(recs[0], ",") {
		t.Errorf("--since the future: %v\n%s", err, out)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"export", "history", "--committee", "Safer Sefton Together"}, "say the format: --csv"},
		{[]string{"export", "history", "--csv"}, "say which committee"},
		{[]string{"export", "history", "--committee", "Nobody", "--csv"}, `no committee is called "Nobody"`},
		{[]string{"export", "history", "--committee", "Safer Sefton Together", "--since", "soon", "--csv"}, "is not a date"},
		{[]string{"export", "agendas"}, `cannot export "agendas"`},
	} {
		if _, _, err := quorum(t, dsn, tc.args...); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v: err = %v, want %q", tc.args, err, tc.want)
		}
	}
}

// A meeting whose start time is not known (minutes that print none) is
// exported by its day alone, not as if it met at midnight.
func TestExportHistoryMeetingWithNoTime(t *testing.T) {
	dsn := pgtest.DSN(t)
	historyRecords(t, dsn)
	db, err := storage.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.SQL().Exec(`UPDATE meetings SET time_known = false, starts_at = '2026-12-10 00:00 Europe/London'`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	out, stderr, err := quorum(t, dsn, "export", "history", "--committee", "Safer Sefton Together", "--csv")
	if err != nil {
		t.Fatalf("export: %v\n%s", err, stderr)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(recs) < 2 {
		t.Fatalf("not CSV with rows: %v\n%s", err, out)
	}
	for _, r := range recs[1:] {
		if r[1] != "2026-12-10" {
			t.Errorf("meeting %q, want its day alone, 2026-12-10", r[1])
		}
	}
}

// TestExportHistoryAgendaEdit: an item changed in place is in the
// history's CSV with what it read before, and its row as added keeps the
// title it was added with; moved after the change, it is named as it
// read then.
func TestExportHistoryAgendaEdit(t *testing.T) {
	dsn := pgtest.DSN(t)
	historyRecords(t, dsn)
	ctx := context.Background()
	db, err := storage.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	c, err := db.CommitteeByName(ctx, "Safer Sefton Together")
	if err != nil {
		t.Fatal(err)
	}
	ms, err := db.Meetings(ctx, c.ID, time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC))
	if err != nil || len(ms) != 1 {
		t.Fatalf("meetings: %v %v", ms, err)
	}
	items, err := db.AgendaItems(ctx, ms[0].ID)
	if err != nil || len(items) != 1 {
		t.Fatalf("items: %v %v", items, err)
	}
	edit := items[0]
	edit.Title = "SWACA Services"
	if err := db.ChangeAgenda(ctx, ms[0].ID, []commands.AgendaChange{{Edit: &edit}}, "UIAN"); err != nil {
		t.Fatal(err)
	}
	if err := db.ChangeAgenda(ctx, ms[0].ID, []commands.AgendaChange{{Move: "7.5", To: "7.6"}}, "UIAN"); err != nil {
		t.Fatal(err)
	}
	out, stderr, err := quorum(t, dsn, "export", "history", "--committee", "Safer Sefton Together", "--csv")
	if err != nil {
		t.Fatalf("export: %v\n%s", err, stderr)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("not CSV: %v\n%s", err, out)
	}
	var got []string
	for _, r := range recs[1:] {
		if r[2] == "agenda" {
			got = append(got, strings.Join(r[1:], "|"))
		}
	}
	want := []string{
		"2026-12-10 10:00|agenda|added|7.5|Neil Frackelton||SWACA|Ian Barton|UIAN",
		"2026-12-10 10:00|agenda|edited|7.5|Neil Frackelton||SWACA Services (it read SWACA — Neil Frackelton)|Ian Barton|UIAN",
		"2026-12-10 10:00|agenda|moved|7.5|||to 7.6 — SWACA Services|Ian Barton|UIAN",
	}
	if diff := cmp.Diff(got, want); diff != "" {
		t.Errorf("agenda rows (-got +want):\n%s", diff)
	}
}
