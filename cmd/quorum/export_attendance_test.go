package main

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/quorumhq/quorum/commands"
	"github.com/quorumhq/quorum/storage"
)

func TestExportAttendance(t *testing.T) {
	dsn, db, c := safer(t)
	ctx := context.Background()
	for _, m := range []commands.Member{{UserID: "UNEIL", Name: "Neil Frackelton", Organisation: "SWACA"}, {UserID: "USUE", Name: "=Sue Holden", Organisation: "Sefton CVS"},
		{UserID: "UKATE", Name: "Kate Ellis", Organisation: "SWACA"}} {
		m.CommitteeID, m.Role = c.ID, commands.RoleMember
		if _, err := db.PutMember(ctx, m, "UIAN"); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.SQL().Exec(`UPDATE members SET added_at = '2020-01-01'`); err != nil {
		t.Fatal(err)
	}
	london, _ := time.LoadLocation("Europe/London")
	at := time.Date(2026, 12, 10, 10, 0, 0, 0, london)
	m := openedAndClosed(t, db, c, at)
	if _, err := db.MarkAttendance(ctx, commands.AttendanceMark{MeetingID: m.ID, MemberKey: "UNEIL", UserID: "UNEIL", Name: "Neil Frackelton", Organisation: "SWACA",
		Status: commands.AttendRemote, At: at, By: "UNEIL"}, nil); err != nil {
		t.Fatal(err)
	}
	// Kate came to advise: there, so not absent, but not attended.
	if _, err := db.MarkAttendance(ctx, commands.AttendanceMark{MeetingID: m.ID, MemberKey: "UKATE", UserID: "UKATE", Name: "Kate Ellis", Organisation: "SWACA",
		Status: commands.AttendInAttendance, At: at, By: "UIAN"}, nil); err != nil {
		t.Fatal(err)
	}
	db.Close()

	out, stderr, err := quorum(t, dsn, "export", "attendance", "--committee", "safer sefton together", "--year", "2026", "--csv")
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	want := "member,member_id,organisation,expected,attended,remotely,by_substitute,apologies,absent,percent,in_attendance\n" +
		"'=Sue Holden,USUE,Sefton CVS,1,0,0,0,0,1,0,0\n" +
		"Kate Ellis,UKATE,SWACA,1,0,0,0,0,0,0,1\n" +
		"Neil Frackelton,UNEIL,SWACA,1,1,1,0,0,0,100,0\n"
	if out != want {
		t.Errorf("export attendance:\n%s\nwant:\n%s", out, want)
	}
	for _, year := range []string{"20x1", "0"} {
		want := `export attendance: --year "` + year + `" is not a year to export: try ` + strconv.Itoa(time.Now().Year())
		if _, _, err := quorum(t, dsn, "export", "attendance", "--committee", "Safer Sefton Together", "--year", year, "--csv"); err == nil || err.Error() != want {
			t.Errorf("--year %s: %v, want %q", year, err, want)
		}
	}
	if _, _, err := quorum(t, dsn, "export", "attendance", "--committee", "Nobody", "--csv"); err == nil || !strings.Contains(err.Error(), `no committee is called "Nobody"`) {
		t.Errorf("unknown committee: %v", err)
	}
}

// TestExportAttendanceNothingToCount: a year with no meeting whose
// attendance was taken is refused, as /committee attendance answers it,
// rather than published as 0% for everyone; a member who joined after the
// meetings counted, expected at none, has no percentage, not 0.
func TestExportAttendanceNothingToCount(t *testing.T) {
	dsn, db, c := safer(t)
	ctx := context.Background()
	join := func(m commands.Member) {
		t.Helper()
		m.CommitteeID, m.Role = c.ID, commands.RoleMember
		if _, err := db.PutMember(ctx, m, "UIAN"); err != nil {
			t.Fatal(err)
		}
	}
	join(commands.Member{UserID: "UNEIL", Name: "Neil Frackelton", Organisation: "SWACA"})
	if _, err := db.SQL().Exec(`UPDATE members SET added_at = '2020-01-01'`); err != nil {
		t.Fatal(err)
	}
	out, stderr, err := quorum(t, dsn, "export", "attendance", "--committee", "Safer Sefton Together", "--year", "2025", "--csv")
	if want := "export attendance: no meeting of Safer Sefton Together held in 2025 has attendance recorded (it is taken from /meeting start to /meeting close). Nothing was exported"; err == nil || err.Error() != want || out != "" {
		t.Errorf("export attendance of a year with none taken: %v, want %q; wrote:\n%s%s", err, want, out, stderr)
	}

	london, _ := time.LoadLocation("Europe/London")
	at := time.Date(2025, 3, 13, 10, 0, 0, 0, london)
	m := openedAndClosed(t, db, c, at)
	if _, err := db.MarkAttendance(ctx, commands.AttendanceMark{MeetingID: m.ID, MemberKey: "UNEIL", UserID: "UNEIL", Name: "Neil Frackelton", Organisation: "SWACA",
		Status: commands.AttendPresent, At: at, By: "UNEIL"}, nil); err != nil {
		t.Fatal(err)
	}
	// Graeme joined after the meeting closed: none was expected of him.
	join(commands.Member{UserID: "UGRAEME", Name: "Graeme Robson", Organisation: "Merseyside Police"})
	db.Close()
	out, stderr, err = quorum(t, dsn, "export", "attendance", "--committee", "Safer Sefton Together", "--year", "2025", "--csv")
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	want := "member,member_id,organisation,expected,attended,remotely,by_substitute,apologies,absent,percent,in_attendance\n" +
		"Graeme Robson,UGRAEME,Merseyside Police,0,0,0,0,0,0,,0\n" +
		"Neil Frackelton,UNEIL,SWACA,1,1,0,0,0,0,100,0\n"
	if out != want {
		t.Errorf("export attendance:\n%s\nwant:\n%s", out, want)
	}
}

// openedAndClosed is a meeting of c at at, opened and closed then, so
// that its attendance counts.
func openedAndClosed(t *testing.T, db *storage.DB, c commands.Committee, at time.Time) commands.Meeting {
	t.Helper()
	ctx := context.Background()
	m, err := db.ScheduleMeeting(ctx, commands.Meeting{CommitteeID: c.ID, StartsAt: at, Status: commands.MeetingScheduled}, "UIAN")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range []commands.SessionEvent{{Action: commands.ActionOpened}, {Action: commands.ActionClosed}} {
		e.MeetingID, e.At, e.By = m.ID, at, "UIAN"
		if _, err := db.RecordSession(ctx, e, []commands.SessionAction{"", commands.ActionOpened}, nil); err != nil {
			t.Fatal(err)
		}
	}
	return m
}
