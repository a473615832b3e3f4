package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/quorumhq/quorum/commands"
	"github.com/quorumhq/quorum/storage"
	"github.com/quorumhq/quorum/storage/pgtest"
)

func TestExportMinutes(t *testing.T) {
	dsn, db, c := safer(t)
	ctx := context.Background()
	london, _ := time.LoadLocation("Europe/London")
	at := time.Date(2026, 12, 10, 10, 0, 0, 0, london)
	m, err := db.ScheduleMeeting(ctx, commands.Meeting{CommitteeID: c.ID, StartsAt: at, Venue: "Bootle Town Hall", Status: commands.MeetingScheduled}, "UIAN")
	if err != nil {
		t.Fatal(err)
	}
	body := "That the report be noted & circulated, its *draft* <b>figures</b> kept [unpublished](x)."
	if _, err := db.WriteMinute(ctx, commands.MinuteWrite{CommitteeID: c.ID, MeetingID: m.ID, HeldOn: commands.DateOf(at, london), Item: "7",
		Number: "1", Position: 1, Title: "SWACA", Resolution: &commands.Resolution{Body: body}, Action: "resolved", By: "UIAN"}); err != nil {
		t.Fatal(err)
	}
	held(t, db, m)
	db.Close()

	for _, tc := range []struct{ format, want string }{
		{"txt", "SAFER SEFTON TOGETHER\nMinutes of the meeting held on Thursday 10 December 2026 at 10:00, Bootle Town Hall\nDRAFT — not yet confirmed as a correct record.\n\n1. SWACA\n\nRESOLVED:\nThat the report be noted & circulated, its *draft* <b>figures</b> kept [unpublished](x).\n"},
		// Markdown shows what was typed as typed, as the page does: no
		// emphasis, HTML or link of it, and each line its own.
		{"md", "SAFER SEFTON TOGETHER  \nMinutes of the meeting held on Thursday 10 December 2026 at 10:00, Bootle Town Hall  \nDRAFT — not yet confirmed as a correct record.\n\n**1. SWACA**\n\nRESOLVED:  \nThat the report be noted & circulated, its \\*draft\\* \\<b\\>figures\\</b\\> kept \\[unpublished\\](x).\n"},
		{"html", "<p>That the report be noted &amp; circulated, its *draft* &lt;b&gt;figures&lt;/b&gt; kept [unpublished](x).</p>"},
	} {
		out, stderr, err := quorum(t, dsn, "export", "minutes", "--committee", "Safer Sefton Together", "--date", "2026-12-10", "--format", tc.format)
		if err != nil {
			t.Fatalf("%s: %v\n%s", tc.format, err, stderr)
		}
		if !strings.Contains(out, tc.want) {
			t.Errorf("export minutes --format %s lacks %q:\n%s", tc.format, tc.want, out)
		}
	}
	// A day without a meeting is answered with the days that have one,
	// to give --date, not with a Slack command.
	for _, tc := range []struct{ date, want string }{
		{"2026-12-11", "export minutes: Safer Sefton Together has no meeting on Friday 11 December 2026; its meeting nearest that day is on 2026-12-10: give that to --date. Nothing was exported"},
		{"2020-12-10", "export minutes: Safer Sefton Together has no meeting on Thursday 10 December 2020 (nor any within a year of it). Nothing was exported"},
		// A day that does not exist is answered as the bot answers it.
		{"2026-02-30", `export minutes: --date "2026-02-30": There is no 30 February 2026: February 2026 has 28 days`},
		{"soon", `export minutes: --date "soon" is not a date: try 2026-12-10`},
	} {
		if _, _, err := quorum(t, dsn, "export", "minutes", "--committee", "Safer Sefton Together", "--date", tc.date); err == nil || err.Error() != tc.want {
			t.Errorf("--date %s: %v, want %q", tc.date, err, tc.want)
		}
	}
	if _, _, err := quorum(t, dsn, "export", "minutes", "--committee", "Safer Sefton Together", "--date", "2026-12-10", "--format", "pdf"); err == nil {
		t.Error("--format pdf was accepted")
	}
}

// TestExportMinutesNameWithAmpersand: a committee called "Health &
// Wellbeing Board" heads its minutes HEALTH & WELLBEING BOARD in every
// format, not with the capitals of an escape, HEALTH &AMP; WELLBEING.
func TestExportMinutesNameWithAmpersand(t *testing.T) {
	dsn := pgtest.DSN(t)
	db, err := storage.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	c, err := db.CreateCommittee(ctx, commands.Committee{Name: "Health & Wellbeing <Board>", TeamID: "T1", ChannelID: "C1"},
		commands.Member{UserID: "UIAN", Name: "Ian Barton", Role: commands.RoleOfficer})
	if err != nil {
		t.Fatal(err)
	}
	london, _ := time.LoadLocation("Europe/London")
	at := time.Date(2026, 12, 10, 10, 0, 0, 0, london)
	m, err := db.ScheduleMeeting(ctx, commands.Meeting{CommitteeID: c.ID, StartsAt: at, Venue: "Bootle Town Hall", Status: commands.MeetingScheduled}, "UIAN")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.WriteMinute(ctx, commands.MinuteWrite{CommitteeID: c.ID, MeetingID: m.ID, HeldOn: commands.DateOf(at, london), Item: "7",
		Number: "1", Position: 1, Title: "SWACA", Resolution: &commands.Resolution{Body: "That the report be noted."}, Action: "resolved", By: "UIAN"}); err != nil {
		t.Fatal(err)
	}
	held(t, db, m)
	db.Close()
	for format, want := range map[string]string{"txt": "HEALTH & WELLBEING <BOARD>\n", "md": "HEALTH & WELLBEING \\<BOARD\\>  \n", "html": "<h1>Health &amp; Wellbeing &lt;Board&gt;</h1>"} {
		out, stderr, err := quorum(t, dsn, "export", "minutes", "--committee", "Health & Wellbeing <Board>", "--date", "2026-12-10", "--format", format)
		if err != nil {
			t.Fatalf("%s: %v\n%s", format, err, stderr)
		}
		if !strings.Contains(out, want) {
			t.Errorf("export minutes --format %s lacks %q:\n%s", format, want, out)
		}
	}
}

// TestExportMinutesTheClocksPassTwice: minutes of a meeting at 01:30 on
// the night the clocks go back say which 01:30, as the bot's answers do.
func TestExportMinutesTheClocksPassTwice(t *testing.T) {
	dsn, db, c := safer(t)
	ctx := context.Background()
	london, _ := time.LoadLocation("Europe/London")
	at := time.Date(2027, 10, 31, 1, 30, 0, 0, time.UTC) // after the clocks went back
	m, err := db.ScheduleMeeting(ctx, commands.Meeting{CommitteeID: c.ID, StartsAt: at, Venue: "Bootle Town Hall", Status: commands.MeetingScheduled}, "UIAN")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.WriteMinute(ctx, commands.MinuteWrite{CommitteeID: c.ID, MeetingID: m.ID, HeldOn: commands.DateOf(at, london), Item: "7",
		Number: "1", Position: 1, Title: "SWACA", Resolution: &commands.Resolution{Body: "That the report be noted."}, Action: "resolved", By: "UIAN"}); err != nil {
		t.Fatal(err)
	}
	held(t, db, m)
	db.Close()
	out, stderr, err := quorum(t, dsn, "export", "minutes", "--committee", "Safer Sefton Together", "--date", "2027-10-31", "--format", "txt")
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	if want := "Minutes of the meeting held on Sunday 31 October 2027 at 01:30 GMT, Bootle Town Hall\n"; !strings.Contains(out, want) {
		t.Errorf("export minutes lacks %q:\n%s", want, out)
	}
}

// TestExportMinutesForEveryone: minutes exported are circulated, so every
// format reads as the channel reads them: an item with nothing recorded
// says so, without the commands the officer's draft gives (/resolve,
// /minutes approve). A meeting still to come has no minutes to export,
// and the refusal says where its draft is.
func TestExportMinutesForEveryone(t *testing.T) {
	dsn, db, c := safer(t)
	ctx := context.Background()
	london, _ := time.LoadLocation("Europe/London")
	for _, at := range []time.Time{time.Date(2025, 11, 13, 10, 0, 0, 0, london), time.Date(2025, 12, 11, 10, 0, 0, 0, london)} {
		m, err := db.ScheduleMeeting(ctx, commands.Meeting{CommitteeID: c.ID, StartsAt: at, Status: commands.MeetingScheduled,
			Items: []commands.AgendaItem{{Number: "1", Title: "Minutes of Previous Meeting"}, {Number: "2", Title: "SWACA"}}}, "UIAN")
		if err != nil {
			t.Fatal(err)
		}
		held(t, db, m)
	}
	future := time.Now().In(london).AddDate(0, 1, 0)
	if _, err := db.ScheduleMeeting(ctx, commands.Meeting{CommitteeID: c.ID, StartsAt: future, Status: commands.MeetingScheduled,
		Items: []commands.AgendaItem{{Number: "1", Title: "SWACA"}}}, "UIAN"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	for _, format := range []string{"txt", "md", "html"} {
		out, stderr, err := quorum(t, dsn, "export", "minutes", "--committee", "Safer Sefton Together", "--date", "2025-12-11", "--format", format)
		if err != nil {
			t.Fatalf("%s: %v\n%s", format, err, stderr)
		}
		if n := strings.Count(out, "Nothing recorded yet."); n != 2 {
			t.Errorf("export minutes --format %s says %d times that nothing is recorded, want 2:\n%s", format, n, out)
		}
		for _, hint := range []string{"/resolve", "/minute", "approve"} {
			if strings.Contains(out, hint) {
				t.Errorf("export minutes --format %s gives the officer's %q:\n%s", format, hint, out)
			}
		}
	}
	day := future.Format("2006-01-02")
	want := "export minutes: The meeting on " + future.Format("Monday 2 January 2006") + " has not taken place yet, so it has no minutes to circulate. The draft being prepared for it is shown in Slack by `/minutes draft " + day + "`."
	for _, format := range []string{"txt", "md", "html"} {
		out, _, err := quorum(t, dsn, "export", "minutes", "--committee", "Safer Sefton Together", "--date", day, "--format", format)
		if err == nil || err.Error() != want || out != "" {
			t.Errorf("export minutes --format %s of a meeting still to come: %v, want %q; wrote:\n%s", format, err, want, out)
		}
	}
}

// held marks meeting m held, as closing it does: the minutes exported
// are those of a meeting that has taken place.
func held(t *testing.T, db *storage.DB, m commands.Meeting) {
	t.Helper()
	if err := db.SetMeetingStatus(context.Background(), m.ID, commands.MeetingHeld, "UIAN"); err != nil {
		t.Fatal(err)
	}
}

// safer is Safer Sefton Together on a fresh database, with Ian Barton as
// its officer: the database's URL, the store and the committee.
func safer(t *testing.T) (string, *storage.DB, commands.Committee) {
	t.Helper()
	dsn := pgtest.DSN(t)
	db, err := storage.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	c, err := db.CreateCommittee(context.Background(), commands.Committee{Name: "Safer Sefton Together", TeamID: "T1", ChannelID: "C1"},
		commands.Member{UserID: "UIAN", Name: "Ian Barton", Role: commands.RoleOfficer})
	if err != nil {
		t.Fatal(err)
	}
	return dsn, db, c
}
