package main

import (
	"context"
	"encoding/csv"
	"fmt"
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
// historyCSV is `quorum export history` of Safer Sefton Together as CSV,
// and its rows, the header first.
func historyCSV(t *testing.T, dsn string) (string, [][]string) {
	t.Helper()
	out, stderr, err := quorum(t, dsn, "export", "history", "--committee", "Safer Sefton Together", "--csv")
	if err != nil {
		t.Fatalf("export: %v\n%s", err, stderr)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("not CSV: %v\n%s", err, out)
	}
	return out, recs
}

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
		Kind: commands.InterestPersonal, Nature: "Trustee of SWACA", By: "UNEIL"}, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := db.SubmitReport(ctx, commands.ReportLink{MeetingID: m.ID, Item: "7.5", UserID: "UNEIL", Name: "Neil Frackelton", URL: "https://example.org/swaca.pdf", By: "UNEIL"}, nil); err != nil {
		t.Fatal(err)
	}
	if err := db.RemoveReport(ctx, m.ID, 0, "7.5", "UNEIL", "", "UIAN", time.Time{}, nil); err != nil {
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
		"|membership|added||Ian Barton|UIAN|role: officer|Ian Barton|UIAN",
		"|committee|set up||||Safer Sefton Together|Ian Barton|UIAN",
		"|membership|added||Neil Frackelton|UNEIL|role: member; SWACA|Ian Barton|UIAN",
		"2026-12-10 10:00|meeting|scheduled|||||Ian Barton|UIAN",
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
		{[]string{"export", "history", "--committee", "Nobody", "--csv"}, `no committee is called "Nobody" (the committees are "Safer Sefton Together"). Nothing was exported`},
		{[]string{"export", "history", "--committee", "Safer Sefton", "--csv"}, `no committee is called "Safer Sefton"; did you mean "Safer Sefton Together"? Give --committee "Safer Sefton Together". Nothing was exported`},
		{[]string{"export", "minutes", "--committee", "Safer Sefton Togther", "--date", "2026-12-10"}, `did you mean "Safer Sefton Together"?`},
		{[]string{"export"}, "say what to export: history, attendance, interests or minutes"},
		{[]string{"export", "history", "--committee", "Safer Sefton Together", "--since", "soon", "--csv"}, "is not a date"},
		{[]string{"export", "history", "--committee", "Safer Sefton Together", "--since", "31/04/2026", "--csv"}, `export history: --since "31/04/2026": There is no 31 April 2026: April 2026 has 30 days`},
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
	out, recs := historyCSV(t, dsn)
	if len(recs) < 2 {
		t.Fatalf("no rows:\n%s", out)
	}
	for _, r := range recs[1:] {
		if r[2] == "membership" || r[2] == "committee" {
			continue // the committee's, not the meeting's
		}
		if r[1] != "2026-12-10" {
			t.Errorf("meeting %q, want its day alone, 2026-12-10", r[1])
		}
	}
}

// TestExportHistoryMeetingTheClocksPassTwice: of two meetings at 01:30 on
// the night the clocks go back, an hour apart, the export says which is
// which, as the bot's answers do, rather than giving both as 01:30.
func TestExportHistoryMeetingTheClocksPassTwice(t *testing.T) {
	dsn, db, c := safer(t)
	ctx := context.Background()
	for _, at := range []time.Time{time.Date(2027, 10, 31, 0, 30, 0, 0, time.UTC), time.Date(2027, 10, 31, 1, 30, 0, 0, time.UTC)} {
		if _, err := db.ScheduleMeeting(ctx, commands.Meeting{CommitteeID: c.ID, StartsAt: at, Venue: "Bootle Town Hall", Status: commands.MeetingScheduled}, "UIAN"); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	out, recs := historyCSV(t, dsn)
	var meetings []string
	for _, r := range recs[1:] {
		if r[2] == "meeting" {
			meetings = append(meetings, r[1])
		}
	}
	if diff := cmp.Diff(meetings, []string{"2027-10-31 01:30 BST", "2027-10-31 01:30 GMT"}); diff != "" {
		t.Errorf("meetings (-got +want):\n%s\n%s", diff, out)
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
	_, recs := historyCSV(t, dsn)
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

// TestExportHistoryEveryRecord: the history's CSV has every record of the
// committee that keeps a history, not only those /history shows: who was
// at the meeting (a departure entered by mistake withdrawn), its opening
// and closing, a minute written and amended, a decision recorded, the
// minutes approved, an action added and done, an entry in the register of
// interests registered and ended, and a member added and removed, each
// with who did it. The register and membership are the committee's, and
// name no meeting.
func TestExportHistoryEveryRecord(t *testing.T) {
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
	london, _ := time.LoadLocation("Europe/London")
	at := time.Date(2026, 12, 10, 10, 0, 0, 0, london)
	ms, err := db.Meetings(ctx, c.ID, at.AddDate(0, 0, -1), at.AddDate(0, 0, 1))
	if err != nil || len(ms) != 1 {
		t.Fatalf("meetings: %v %v", ms, err)
	}
	m := ms[0]
	for _, e := range []commands.SessionEvent{{Action: commands.ActionOpened, At: at.Add(2 * time.Minute)}, {Action: commands.ActionClosed, At: at.Add(time.Hour)}} {
		e.MeetingID, e.By = m.ID, "UIAN"
		if _, err := db.RecordSession(ctx, e, []commands.SessionAction{"", commands.ActionOpened}, nil); err != nil {
			t.Fatal(err)
		}
	}
	for _, mark := range []commands.AttendanceMark{
		{Status: commands.AttendPresent, At: at.Add(5 * time.Minute)},
		{Status: commands.AttendLeft, At: at.Add(30 * time.Minute)},
		{Status: commands.AttendPresent, At: at.Add(30 * time.Minute), Corrects: true},
	} {
		mark.MeetingID, mark.MemberKey, mark.UserID, mark.Name, mark.By = m.ID, "UIAN", "UIAN", "Ian Barton", "UIAN"
		if _, err := db.MarkAttendance(ctx, mark, nil); err != nil {
			t.Fatal(err)
		}
	}
	written, amended := "The board heard from SWACA.", "The board heard from SWACA's chief officer."
	for _, w := range []commands.MinuteWrite{
		{Narrative: &written, Action: "minuted"},
		{Narrative: &amended, Action: "amended"},
	} {
		w.CommitteeID, w.MeetingID, w.HeldOn, w.Item, w.Number, w.Position, w.Title, w.By = c.ID, m.ID, commands.DateOf(at, london), "7.5", "12", 1, "SWACA", "UIAN"
		if _, err := db.WriteMinute(ctx, w); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.WriteMinute(ctx, commands.MinuteWrite{CommitteeID: c.ID, MeetingID: m.ID, HeldOn: commands.DateOf(at, london), Item: "7.6",
		Number: "13", Position: 2, Title: "Budget", Resolution: &commands.Resolution{Body: "That the budget be agreed."}, Action: "resolved", By: "UIAN"}); err != nil {
		t.Fatal(err)
	}
	if err := db.ApproveMinutes(ctx, commands.MinutesApproval{MeetingID: m.ID, At: time.Now(), By: "UIAN"}); err != nil {
		t.Fatal(err)
	}
	a, _, err := db.AddAction(ctx, commands.ActionPoint{CommitteeID: c.ID, MeetingID: m.ID, MinuteNumber: "12", OwnerUser: "UNEIL", OwnerName: "Neil Frackelton",
		Due: commands.Date{Year: 2027, Month: time.January, Day: 14}, Text: "Circulate the SWACA report", CreatedBy: "UIAN"}, time.Time{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.CompleteAction(ctx, a.ID, "Sent round", "UNEIL", time.Time{}); err != nil {
		t.Fatal(err)
	}
	e, err := db.AddInterest(ctx, commands.Interest{CommitteeID: c.ID, UserID: "UNEIL", Name: "Neil Frackelton", Category: commands.CategoryOther,
		Description: "Trustee of SWACA", StartedOn: commands.Date{Year: 2026, Month: time.November, Day: 1}, AddedBy: "UNEIL", AddedAt: time.Now()}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.EndInterest(ctx, e.ID, commands.Date{Year: 2026, Month: time.December, Day: 31}, "UIAN", time.Now(), nil); err != nil {
		t.Fatal(err)
	}
	if _, err := db.PutMember(ctx, commands.Member{CommitteeID: c.ID, UserID: "USUE", Name: "Sue Holden", Organisation: "Sefton CVS", Role: commands.RoleMember}, "UIAN"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.RemoveMember(ctx, c.ID, "USUE", "UIAN", time.Time{}, nil); err != nil {
		t.Fatal(err)
	}
	if err := db.SetReminders(ctx, c.ID, []int{1, 7}, commands.Clock{Hour: 9}, "UIAN", time.Now()); err != nil {
		t.Fatal(err)
	}
	if err := db.SetReminders(ctx, c.ID, []int{0}, commands.Clock{Hour: 8, Minute: 30}, "UIAN", time.Now()); err != nil {
		t.Fatal(err)
	}
	if err := db.SetReminders(ctx, c.ID, nil, commands.Clock{Hour: 9}, "UIAN", time.Now()); err != nil {
		t.Fatal(err)
	}
	if err := db.SetYearStart(ctx, c.ID, time.January, "UIAN"); err != nil {
		t.Fatal(err)
	}
	if err := db.SetQuorumRule(ctx, c.ID, commands.QuorumRule{Numerator: 1, Denominator: 3, Minimum: 3}, "UIAN", time.Time{}); err != nil {
		t.Fatal(err)
	}
	if err := db.SetGiftThreshold(ctx, c.ID, 10000, "UIAN"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.ResetCalendarToken(ctx, c.ID, "UIAN"); err != nil {
		t.Fatal(err)
	}

	out, recs := historyCSV(t, dsn)
	// Each row as meeting|record|action|item|member|member_id|detail|by|by_id.
	got := map[string]bool{}
	var last time.Time
	for _, r := range recs[1:] {
		when, err := time.Parse(time.RFC3339, r[0])
		if err != nil {
			t.Errorf("time %q: %v", r[0], err)
		}
		if when.Before(last) {
			t.Errorf("row %q is older than the one before it (%s): want oldest first", r, last)
		}
		last = when
		got[strings.Join(r[1:], "|")] = true
	}
	for _, want := range []string{
		"2026-12-10 10:00|meeting|scheduled|||||Ian Barton|UIAN",
		"2026-12-10 10:00|meeting|opened||||at 10:02|Ian Barton|UIAN",
		"2026-12-10 10:00|meeting|closed||||at 11:00|Ian Barton|UIAN",
		"2026-12-10 10:00|attendance|present||Ian Barton|UIAN|at 10:05|Ian Barton|UIAN",
		"2026-12-10 10:00|attendance|left||Ian Barton|UIAN|at 10:30|Ian Barton|UIAN",
		"2026-12-10 10:00|attendance|departure withdrawn||Ian Barton|UIAN|at 10:30|Ian Barton|UIAN",
		"2026-12-10 10:00|minutes|minuted|7.5|||minute 12 SWACA — The board heard from SWACA.|Ian Barton|UIAN",
		"2026-12-10 10:00|minutes|amended|7.5|||minute 12 SWACA — The board heard from SWACA's chief officer.|Ian Barton|UIAN",
		"2026-12-10 10:00|decisions|resolved|7.6|||minute 13 Budget — RESOLVED: That the budget be agreed.|Ian Barton|UIAN",
		"2026-12-10 10:00|minutes|approved||||by correspondence|Ian Barton|UIAN",
		fmt.Sprintf("2026-12-10 10:00|actions|added||Neil Frackelton|UNEIL|action %d — minute 12: Circulate the SWACA report; due 2027-01-14|Ian Barton|UIAN", a.ID),
		fmt.Sprintf("2026-12-10 10:00|actions|done||Neil Frackelton|UNEIL|action %d — minute 12: Circulate the SWACA report; due 2027-01-14; Sent round|Neil Frackelton|UNEIL", a.ID),
		"|interests|registered||Neil Frackelton|UNEIL|other: Trustee of SWACA|Neil Frackelton|UNEIL",
		"|interests|ended||Neil Frackelton|UNEIL|other: Trustee of SWACA; ended on 2026-12-31|Ian Barton|UIAN",
		"|membership|added||Neil Frackelton|UNEIL|role: member; SWACA|Ian Barton|UIAN",
		"|membership|added||Sue Holden|USUE|role: member; Sefton CVS|Ian Barton|UIAN",
		"|membership|removed||Sue Holden|USUE||Ian Barton|UIAN",
		"|committee|set up||||Safer Sefton Together|Ian Barton|UIAN",
		"|committee|reminders||||7 days before, 1 day before, at 09:00|Ian Barton|UIAN",
		"|committee|reminders||||on the day, at 08:30|Ian Barton|UIAN",
		"|committee|reminders||||off|Ian Barton|UIAN",
		"|committee|year start||||starts in January|Ian Barton|UIAN",
		"|committee|quorum||||1/3 min 3|Ian Barton|UIAN",
		"|committee|gift threshold||||from £50.00 to £100.00|Ian Barton|UIAN",
		"|committee|calendar link reset|||||Ian Barton|UIAN",
	} {
		if !got[want] {
			t.Errorf("no row %q in:\n%s", want, out)
		}
	}
}

// TestExportHistoryWithholdsSensitiveInterests: an entry in the register
// marked sensitive is in the history's CSV as the published register
// gives it, as registered and ended by whom and when, with nothing of
// what it is: neither its description nor its category (a home address
// registered under land says where the member lives as surely). Nor does
// another committee's register reach this committee's export.
func TestExportHistoryWithholdsSensitiveInterests(t *testing.T) {
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
	other, err := db.CreateCommittee(ctx, commands.Committee{Name: "Bootle Partnership", TeamID: "T1", ChannelID: "C2"},
		commands.Member{UserID: "UNEIL", Name: "Neil Frackelton"})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range []commands.Interest{
		{CommitteeID: c.ID, Category: commands.CategoryLand, Description: "Home at 4 Marine Drive"},
		{CommitteeID: other.ID, Category: commands.CategoryEmployment, Description: "Chief officer of the Bootle Trust"},
	} {
		e.UserID, e.Name, e.Sensitive, e.AddedBy, e.AddedAt = "UNEIL", "Neil Frackelton", true, "UNEIL", time.Now()
		e.StartedOn = commands.Date{Year: 2026, Month: time.November, Day: 1}
		added, err := db.AddInterest(ctx, e, nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := db.EndInterest(ctx, added.ID, commands.Date{Year: 2026, Month: time.December, Day: 31}, "UIAN", time.Now(), nil); err != nil {
			t.Fatal(err)
		}
	}

	out, recs := historyCSV(t, dsn)
	var got []string
	for _, r := range recs[1:] {
		if r[2] == "interests" {
			got = append(got, strings.Join(r[1:], "|"))
		}
	}
	want := []string{
		"|interests|registered||Neil Frackelton|UNEIL|a sensitive interest: its details are withheld|Neil Frackelton|UNEIL",
		"|interests|ended||Neil Frackelton|UNEIL|a sensitive interest: its details are withheld; ended on 2026-12-31|Ian Barton|UIAN",
	}
	if diff := cmp.Diff(got, want); diff != "" {
		t.Errorf("the register's rows (-got +want):\n%s", diff)
	}
	for _, secret := range []string{"Marine Drive", "land", "employment", "Bootle"} {
		if strings.Contains(out, secret) {
			t.Errorf("the export has %q:\n%s", secret, out)
		}
	}
}

// TestExportHistoryActionUnderNoMinute: an action under no minute (one
// imported from an action log under an item whose minute the minutes did
// not give) is exported as under no minute, as `/action list` says it,
// not under a minute with no number.
func TestExportHistoryActionUnderNoMinute(t *testing.T) {
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
	london, _ := time.LoadLocation("Europe/London")
	at := time.Date(2026, 12, 10, 10, 0, 0, 0, london)
	ms, err := db.Meetings(ctx, c.ID, at.AddDate(0, 0, -1), at.AddDate(0, 0, 1))
	if err != nil || len(ms) != 1 {
		t.Fatalf("meetings: %v %v", ms, err)
	}
	a, _, err := db.AddAction(ctx, commands.ActionPoint{CommitteeID: c.ID, MeetingID: ms[0].ID, OwnerUser: "UNEIL", OwnerName: "Neil Frackelton",
		Due: commands.Date{Year: 2027, Month: time.January, Day: 14}, Text: "Book the room", CreatedBy: "UIAN"}, time.Time{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	out, stderr, err := quorum(t, dsn, "export", "history", "--committee", "Safer Sefton Together", "--csv")
	if err != nil {
		t.Fatalf("export: %v\n%s", err, stderr)
	}
	want := fmt.Sprintf("2026-12-10 10:00,actions,added,,Neil Frackelton,UNEIL,action %d — no minute: Book the room; due 2027-01-14,Ian Barton,UIAN", a.ID)
	if !strings.Contains(out, want) {
		t.Errorf("no row %q in:\n%s", want, out)
	}
}

// TestExportHistoryWithdrawnOnRemoval: the apologies and declaration of a
// member removed from the committee are in the history's CSV withdrawn by
// the officer who removed them, and say it was on their removal, not a
// withdrawal of theirs.
func TestExportHistoryWithdrawnOnRemoval(t *testing.T) {
	dsn := pgtest.DSN(t)
	historyRecords(t, dsn)
	db, err := storage.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	c, err := db.CommitteeByName(context.Background(), "Safer Sefton Together")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.RemoveMember(context.Background(), c.ID, "UNEIL", "UIAN", time.Time{}, nil); err != nil {
		t.Fatal(err)
	}
	db.Close()
	out, recs := historyCSV(t, dsn)
	found := map[string]bool{}
	for _, r := range recs[1:] {
		if r[3] != "withdrawn" {
			continue
		}
		found[r[2]] = true
		if !strings.HasSuffix(r[7], "(withdrawn on removal from the committee)") || r[9] != "UIAN" {
			t.Errorf("%s withdrawn: detail %q by %q; want it on removal, by UIAN", r[2], r[7], r[9])
		}
	}
	if !found["apologies"] || !found["declarations"] {
		t.Errorf("withdrawals in the CSV: %v; want the apologies and the declaration\n%s", found, out)
	}
}

// TestExportHistoryMemberAddedAgain: a member removed and added back is
// exported as added again, not as changed.
func TestExportHistoryMemberAddedAgain(t *testing.T) {
	dsn, db, c := safer(t)
	ctx := context.Background()
	graeme := commands.Member{CommitteeID: c.ID, UserID: "UGRAEME", Name: "Graeme Robson", Organisation: "Merseyside Police", Role: commands.RoleMember}
	if _, err := db.PutMember(ctx, graeme, "UIAN"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.RemoveMember(ctx, c.ID, "UGRAEME", "UIAN", time.Time{}, nil); err != nil {
		t.Fatal(err)
	}
	graeme.Role = commands.RoleViceChair
	if _, err := db.PutMember(ctx, graeme, "UIAN"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	_, recs := historyCSV(t, dsn)
	var actions []string
	for _, r := range recs[1:] {
		if r[2] == "membership" && r[6] == "UGRAEME" {
			actions = append(actions, r[3]+" "+r[7])
		}
	}
	if diff := cmp.Diff(actions, []string{"added role: member; Merseyside Police", "removed ", "added again role: vice-chair; Merseyside Police"}); diff != "" {
		t.Errorf("Graeme's membership exported (-got +want):\n%s", diff)
	}
}
