package commands_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/quorumhq/quorum/commands"
)

func TestMeetings(t *testing.T) {
	k := committeeKit(t)
	k.marked()
	r := k.must(ian, "/meeting schedule 2026-12-10 10:00 Remote Meeting")
	if diff := cmp.Diff(r.Text, "*Safer Sefton Together* will meet on Thursday 10 December 2026, 10:00, Remote Meeting. Members can send apologies with `/apologies 2026-12-10`."); diff != "" {
		t.Errorf("schedule (-got +want):\n%s", diff)
	}
	if r.Visibility != commands.Public || len(k.marked()) != 3 {
		t.Errorf("a scheduled meeting is announced in the channel and on every member's Home: %+v", r)
	}
	k.steps([]step{
		// A meeting after the next is announced with its day in the
		// command: `/apologies` alone would be for the next meeting.
		{ian, "/meeting schedule 14/01/2027 10.00am Bootle Town Hall", []string{"Thursday 14 January 2027, 10:00, Bootle Town Hall. Members can send apologies with `/apologies 2027-01-14`."}},
		{ian, "/meeting schedule 11 March 2.30 pm", []string{"Thursday 11 March 2027, 14:30."}},
		{ian, "/meeting schedule 10/12/2026 10:00", []string{"Safer Sefton Together already has a meeting on Thursday 10 December 2026, 10:00; nothing changed. `/meeting venue 2026-12-10 VENUE` changes its venue, `/meeting time 2026-12-10 TIME` its time; `/meeting list` shows the meetings scheduled."}},
		{ian, "/meeting schedule 10/12/2026 14:00", []string{"Safer Sefton Together already meets on Thursday 10 December 2026, at 10:00. Cancel that meeting first (`/meeting cancel 2026-12-10`) or choose another day."}},
		{ian, "/meeting schedule 28/03/2027 01:30", []string{"There is no 01:30 on Sunday 28 March 2027: the clocks go forward that night."}},
		{ian, "/meeting schedule 31/02/2027 10:00", []string{"There is no 31 February 2027"}},
		{ian, "/meeting schedule 2026-11-01 10:00", []string{"Sunday 1 November 2026, 10:00 has already passed."}},
		{ian, "/meeting schedule 2026-12-17", []string{"Give the start time after the date, e.g. `10:00` or `2.30pm`.", "• `/meeting schedule DATE TIME [VENUE]`"}},
		{ian, "/meeting schedule 2026-12-17 25:00", []string{"25:00 is not a time"}},
		{ian, "/meeting schedule next 10:00", []string{"Start with the meeting's date."}},
		{ian, "/meeting schedule 2026-12-17 10:00 " + strings.Repeat("v", 201), []string{"That venue is too long (the limit is 200 characters)."}},
		{neil, "/meeting schedule 2026-12-17 10:00", []string{"Only an officer of Safer Sefton Together can schedule meetings."}},
		{ian, "/meeting postpone", []string{"I don't know `postpone`.", "• `/meeting list`"}},
	})

	k.must(neil, "/apologies Unwell")
	if diff := cmp.Diff(k.say(neil, "/meeting list"), "Meetings of *Safer Sefton Together* (times are Europe/London):\n"+
		"• Thursday 10 December 2026, 10:00, Remote Meeting — 1 apology\n"+
		"• Thursday 14 January 2027, 10:00, Bootle Town Hall — 0 apologies\n"+
		"• Thursday 11 March 2027, 14:30 — 0 apologies\n"+
		"Calendar feed (subscribe in Outlook or Google Calendar): /calendar/"+k.committee().CalendarToken+"-safer-sefton-together.ics\n"+
		"The address is private to the committee; an officer can replace it with `/meeting calendar reset` if it is shared too widely."); diff != "" {
		t.Errorf("list (-got +want):\n%s", diff)
	}

	r = k.must(ian, "/meeting cancel 14/01/2027")
	if r.Text != "The meeting of *Safer Sefton Together* on Thursday 14 January 2027, 10:00, Bootle Town Hall is cancelled. The apologies, declarations of interest and reports sent for it stay on record with it; if it is scheduled again on the same day they stand again, and a meeting on another day needs them sent again." || r.Visibility != commands.Public {
		t.Errorf("cancel: %+v", r)
	}
	k.steps([]step{
		{neil, "/meeting list", []string{"• ~Thursday 14 January 2027, 10:00, Bootle Town Hall~ — cancelled"}},
		{neil, "/apologies 14/01/2027 Away", []string{"The meeting on Thursday 14 January 2027 was cancelled."}},
		{ian, "/meeting cancel 14/01/2027", []string{"was cancelled"}},
		{ian, "/meeting cancel 2027-02-02", []string{"Safer Sefton Together has no meeting on Tuesday 2 February 2027."}},
		{ian, "/meeting cancel", []string{"Say which meeting to cancel by its date."}},
		{ian, "/meeting cancel 2027-03-11 please", []string{"`cancel` takes only a date."}},
		// A cancelled day can be scheduled again.
		{ian, "/meeting schedule 14/01/2027 10:00", []string{"will meet on Thursday 14 January 2027, 10:00"}},
	})
}

// TestMeetingTimeAsWritten: a time after "at", and the 24-hour clock
// written without its colon, are read wherever a meeting's time is, for
// scheduling, moving and retiming it and for reminders; a word after the
// date that is no time is named, not said to be missing.
func TestMeetingTimeAsWritten(t *testing.T) {
	k := committeeKit(t)
	k.steps([]step{
		{ian, "/meeting schedule 11/02/2027 1400 Bootle Town Hall", []string{"will meet on Thursday 11 February 2027, 14:00, Bootle Town Hall."}},
		{ian, "/meeting schedule 11/03/2027 at 2pm Bootle Town Hall", []string{"will meet on Thursday 11 March 2027, 14:00, Bootle Town Hall."}},
		{ian, "/meeting schedule 08/04/2027 at 0930 Bootle Town Hall", []string{"will meet on Thursday 8 April 2027, 09:30, Bootle Town Hall."}},
		{ian, "/meeting schedule 10/06/2027 2400 Bootle Town Hall", []string{"2400 is not a time"}},
		{ian, "/meeting schedule 10/06/2027 noonish Bootle Town Hall", []string{"I could not read `noonish` as the start time: give it after the date, e.g. `10:00`, `14:00` or `2.30pm`."}},
		{ian, "/meeting schedule 10/06/2027 at Bootle Town Hall", []string{"I could not read `at` as the start time"}},
		{ian, "/meeting time 2027-02-11 at 1030", []string{"10:30"}},
		{ian, "/meeting move 2027-03-11 to 2027-03-18 1500", []string{"Thursday 18 March 2027, 15:00"}},
		{ian, "/meeting reminders 7,1 at 0830", []string{"at 08:30 (Europe/London time)."}},
		{ian, "/meeting reminders 3 1430", []string{"3 days before each meeting, at 14:30 (Europe/London time)."}},
	})
}

// TestMeetingTimeAfterDayAndMonth: four figures after a day and its month
// that are a time on the 24-hour clock and no year a meeting could be in
// are the start time, for scheduling, moving and retiming a meeting; a
// year from this one on, or one a time follows, stays the year.
func TestMeetingTimeAfterDayAndMonth(t *testing.T) {
	k := committeeKit(t)
	k.steps([]step{
		{ian, "/meeting schedule 11 February 1400 Town Hall", []string{"will meet on Thursday 11 February 2027, 14:00, Town Hall."}},
		{ian, "/meeting schedule Thursday 11 Mar 0930 Town Hall", []string{"will meet on Thursday 11 March 2027, 09:30, Town Hall."}},
		{ian, "/meeting schedule 8th of April 2027 10:00 Town Hall", []string{"will meet on Thursday 8 April 2027, 10:00, Town Hall."}},
		{ian, "/meeting schedule 13 May 2025 10:00 Town Hall", []string{"has already passed"}},
		{ian, "/meeting time 11 February 1530", []string{"15:30"}},
		{ian, "/meeting move 11 March 2027 to 18 Mar 1500", []string{"Thursday 18 March 2027, 15:00"}},
	})
	wantShown(t, k.say(ian, "/meeting list"), "Thursday 11 February 2027, 15:30", "Thursday 18 March 2027, 15:00")
	for _, sub := range []string{"schedule", "move", "time"} {
		wantShown(t, k.say(ian, "/meeting help "+sub), "`11 February 1400` is 14:00")
	}
}

// TestMeetingYearGoneIsNoTime: a year gone typed by a slip after a day
// and its month is a year, refused as gone, not a time: every year from
// 2000 to 2059 is also a clock, and read as one "17 December 2025" would
// move the meeting to 20:25 and tell its members so. Figures before 1900
// are the time still, and 19:30 takes its colon.
func TestMeetingYearGoneIsNoTime(t *testing.T) {
	k := meetingKit(t) // Thursday 10 December 2026, 10:00
	k.steps([]step{
		{ian, "/meeting move 10 December 17 December 2025", []string{"Wednesday 17 December 2025, 10:00 has already passed: a meeting can only move to a time still to come."}},
		{ian, "/meeting time 17 December 2024", []string{"Safer Sefton Together has no meeting on Tuesday 17 December 2024."}},
		{ian, "/meeting schedule 11 February 2025 Town Hall", []string{"I could not read `Town` as the start time", "`2025` is read as the year; for the time 20:25, type it with its colon."}},
		{ian, "/meeting schedule 11 February 1930 Town Hall", []string{"I could not read `Town` as the start time", "`1930` is read as the year; for the time 19:30, type it with its colon."}},
		{ian, "/meeting schedule 11 February 1830 Town Hall", []string{"will meet on Thursday 11 February 2027, 18:30, Town Hall."}},
	})
	got := k.say(ian, "/meeting list")
	wantShown(t, got, "Thursday 10 December 2026, 10:00")
	if strings.Contains(got, "20:") {
		t.Errorf("/meeting list after the refusals: %q; want no meeting at a year read as a time", got)
	}
}

// TestMeetingListLeavesOutAMeetingUnderWay: a meeting opened before its
// advertised start is under way, and once closed held; either way it is
// no longer listed as to come.
func TestMeetingListLeavesOutAMeetingUnderWay(t *testing.T) {
	k := committeeKit(t)
	k.must(ian, "/committee member add <@USUE> Sefton CVS chair")
	k.must(ian, "/meeting schedule 2026-12-10 15:30 Bootle Town Hall")
	k.must(ian, "/meeting schedule 2027-01-14 10:00 Remote Meeting")
	k.now = time.Date(2026, 12, 10, 13, 50, 0, 0, london)
	k.must(sue, "/meeting start")
	for _, when := range []string{"in progress", "closed"} {
		if when == "closed" {
			k.must(sue, "/meeting close")
		}
		got := k.say(neil, "/meeting list")
		if strings.Contains(got, "10 December 2026") {
			t.Errorf("%s at 13:50, the meeting of 15:30 is listed as to come:\n%s", when, got)
		}
		wantShown(t, got, "• Thursday 14 January 2027, 10:00, Remote Meeting — 0 apologies")
	}
}

// TestMeetingHeldEarlyKeepsItsDay: a meeting opened before its
// advertised start and closed has taken place: it cannot be cancelled,
// and another meeting that day is refused without suggesting cancelling
// it. Nothing changes.
func TestMeetingHeldEarlyKeepsItsDay(t *testing.T) {
	k := committeeKit(t)
	k.must(ian, "/meeting schedule 2026-12-03 15:30")
	k.now = time.Date(2026, 12, 3, 14, 21, 0, 0, london)
	k.must(ian, "/meeting start")
	attRefused(k, ian, "/meeting schedule 2026-12-03 17:00",
		"The meeting of Safer Sefton Together on Thursday 3 December 2026 is under way (opened at 14:21), and a committee meets at most once a day. Choose another day.")
	k.now = time.Date(2026, 12, 3, 14, 26, 0, 0, london)
	k.must(ian, "/meeting close")
	for _, c := range []struct{ line, want string }{
		{"/meeting cancel 2026-12-03", "The meeting on Thursday 3 December 2026 has already taken place (closed at 14:26); it cannot be cancelled."},
		{"/meeting schedule 2026-12-03 17:00", "Safer Sefton Together has already met on Thursday 3 December 2026 (its meeting closed at 14:26), and meets at most once a day. Choose another day."},
		{"/meeting move 2026-12-03 2026-12-17", "has already taken place; it cannot be changed."},
	} {
		r := k.run(ian, c.line)
		if !r.Refused || strings.Contains(r.Text, "/meeting cancel") {
			t.Errorf("%s: %+v, want refused without suggesting a cancel", c.line, r)
		}
		wantShown(t, shown(r), c.want)
	}
	if n := attRows(k, `SELECT count(*) FROM meetings WHERE status = 'held'`); n != 1 {
		t.Errorf("%d meetings held, want the one closed", n)
	}
	if n := attRows(k, `SELECT count(*) FROM meetings`); n != 1 {
		t.Errorf("%d meetings, want the one closed alone", n)
	}
}

// TestMeetingScheduledBesideOnePassed: another meeting on the day of one
// whose time has passed but that nobody has opened is refused, pointing
// to opening that one or to cancelling it, which an officer can do until
// it is opened; once it is cancelled, the other is scheduled.
func TestMeetingScheduledBesideOnePassed(t *testing.T) {
	k := committeeKit(t)
	k.must(ian, "/meeting schedule 2026-12-03 10:00")
	k.now = time.Date(2026, 12, 3, 14, 21, 0, 0, london)
	r := k.run(ian, "/meeting schedule 2026-12-03 17:00")
	if !r.Refused || r.Text != "Safer Sefton Together already meets today, at 10:00, and meets at most once a day; that meeting has not been opened: `/meeting start` opens it, or `/meeting cancel 2026-12-03` cancels it." {
		t.Errorf("schedule beside a meeting passed: %+v", r)
	}
	if n := attRows(k, `SELECT count(*) FROM meetings`); n != 1 {
		t.Errorf("%d meetings, want one", n)
	}
	k.must(ian, "/meeting cancel 2026-12-03")
	wantShown(t, k.say(ian, "/meeting schedule 2026-12-03 17:00"), "will meet on Thursday 3 December 2026, 17:00.")
}

func TestMeetingListWithoutMeetings(t *testing.T) {
	k := committeeKit(t)
	k.svc.SetPublicURL("https://quorum.example.org/")
	want := "No meetings of Safer Sefton Together are scheduled. An officer can schedule one with `/meeting schedule DATE TIME [VENUE]`.\n" +
		"Calendar feed (subscribe in Outlook or Google Calendar): https://quorum.example.org/calendar/" + k.committee().CalendarToken + "-safer-sefton-together.ics\n" +
		"The address is private to the committee; an officer can replace it with `/meeting calendar reset` if it is shared too widely."
	if diff := cmp.Diff(k.say(stranger, "/meeting list"), want); diff != "" {
		t.Errorf("list (-got +want):\n%s", diff)
	}
}

func TestCalendar(t *testing.T) {
	k := committeeKit(t)
	k.must(ian, "/meeting schedule 2026-12-10 10:00 Remote Meeting")
	k.must(ian, "/meeting schedule 2027-06-10 10:00 Bootle Town Hall")
	k.must(ian, "/meeting schedule 2027-01-14 14:30")
	k.must(ian, "/meeting cancel 2027-01-14")
	token := k.committee().CalendarToken
	if len(token) != 64 || strings.Trim(token, "0123456789abcdef") != "" {
		t.Fatalf("token = %q, want 64 hex digits", token)
	}
	path := commands.CalendarPath(k.committee())
	if path != "/calendar/"+token+"-safer-sefton-together.ics" {
		t.Errorf("path = %q", path)
	}
	ctx := context.Background()
	for _, ref := range []string{token + "-safer-sefton-together", token, token + "-an-old-name"} {
		c, ms, err := k.svc.Calendar(ctx, ref, k.now)
		if err != nil {
			t.Fatalf("%s: %v", ref, err)
		}
		var got []string
		for _, m := range ms {
			got = append(got, m.StartsAt.In(london).Format("2006-01-02 15:04")+" "+string(m.Status))
		}
		if diff := cmp.Diff(got, []string{"2026-12-10 10:00 scheduled", "2027-01-14 14:30 cancelled", "2027-06-10 10:00 scheduled"}); diff != "" || c.Name != "Safer Sefton Together" {
			t.Errorf("%s: %s (-got +want):\n%s", ref, c.Name, diff)
		}
	}
	// The committee's ID, as feeds had before their tokens, finds nothing.
	for _, ref := range []string{"1-safer-sefton-together", "1", "999-nobody", "safer-sefton-together", "", "-1",
		strings.ToUpper(token), token[1:], strings.Repeat("0", 64)} {
		if _, _, err := k.svc.Calendar(ctx, ref, k.now); !isNotFound(err) {
			t.Errorf("%q: %v, want not found", ref, err)
		}
	}

	// An officer replaces the token: the old address stops working.
	k.steps([]step{
		{neil, "/meeting calendar reset", []string{"Only an officer of Safer Sefton Together can reset the calendar feed."}},
		{neil, "/meeting calendar", []string{"/calendar/" + token + "-safer-sefton-together.ics"}},
	})
	r := k.must(ian, "/meeting calendar reset")
	fresh := k.committee().CalendarToken
	if fresh == token || !strings.Contains(r.Text, "has a new address: /calendar/"+fresh+"-safer-sefton-together.ics") || !strings.Contains(r.Text, "The old address no longer works") {
		t.Errorf("reset: %q (token %s, was %s)", r.Text, fresh, token)
	}
	if _, _, err := k.svc.Calendar(ctx, token+"-safer-sefton-together", k.now); !isNotFound(err) {
		t.Errorf("old token after reset: %v, want not found", err)
	}
	if c, _, err := k.svc.Calendar(ctx, fresh, k.now); err != nil || c.Name != "Safer Sefton Together" {
		t.Errorf("new token: %v %v", c.Name, err)
	}
}

func TestReminderSettings(t *testing.T) {
	k := meetingKit(t)
	k.steps([]step{
		{neil, "/meeting reminders", []string{"Reminders for *Safer Sefton Together* go to the channel 7 days before and 1 day before each meeting, at 09:00 (Europe/London time)."}},
		{neil, "/meeting reminder", []string{"7 days before and 1 day before"}},
		{ian, "/meeting reminders 3 2.30pm", []string{"go to the channel 3 days before each meeting, at 14:30 (Europe/London time)."}},
		{ian, "/meeting reminders 0,1 days before", []string{"A reminder on the day at 14:30 would come after the next meeting has started (Thursday 10 December 2026, 10:00), so it would never go. Choose a time before 10:00."}},
		{ian, "/meeting reminders 0,1 days before 8am", []string{"1 day before and on the day of each meeting, at 08:00"}},
		{ian, "/meeting reminders 99 9am", []string{"99 days is too far ahead: reminders go at most 60 days before.", "• `/meeting reminders DAYS [TIME]|off|on [TIME]`"}},
		{ian, "/meeting reminders 7,1 teatime", []string{`"teatime" is not a time of day: use 09:00 or 9am.`}},
		{ian, "/meeting reminders 1 week", []string{"Give the days before each meeting: `7` for 1 week."}},
		{ian, "/meeting reminders 2 weeks 9am", []string{"Give the days before each meeting: `14` for 2 weeks."}},
		{ian, "/meeting reminders 1,2,3,4,5,6", []string{"That is 6 reminders; the limit is 5 a meeting."}},
		{ian, "/meeting reminders soon", []string{"Give the days before each meeting, e.g. `7,1`, or `off` or `on`."}},
		{neil, "/meeting reminders off", []string{"Only an officer of Safer Sefton Together can change reminders."}},
		{ian, "/meeting reminders off", []string{"Reminders for *Safer Sefton Together* are off."}},
		{neil, "/meeting reminders", []string{"are off"}},
	})
}

// TestRemindersOnAgain: `/meeting reminders on` turns reminders on again
// as they were last set before `off`, read from the committee's history,
// and says what they are; never set, on the days a committee starts with.
func TestRemindersOnAgain(t *testing.T) {
	k := meetingKit(t)
	k.steps([]step{
		{ian, "/meeting reminders on", []string{"Reminders for *Safer Sefton Together* go to the channel 7 days before and 1 day before each meeting, at 09:00 (Europe/London time). Nothing was changed: they are on."}},
		{ian, "/meeting reminders off", []string{"are off"}},
		{ian, "/meeting reminders on", []string{"Reminders are on again, on the days a committee starts with. Reminders for *Safer Sefton Together* go to the channel 7 days before and 1 day before each meeting, at 09:00 (Europe/London time)."}},
		{ian, "/meeting reminders 3 2.30pm", []string{"3 days before each meeting, at 14:30"}},
		{ian, "/meeting reminders off", []string{"are off"}},
		{ian, "/meeting reminders off", []string{"are off"}},
		{neil, "/meeting reminders on", []string{"Only an officer of Safer Sefton Together can change reminders."}},
		{ian, "/meeting reminders on", []string{"Reminders are on again, as last set. Reminders for *Safer Sefton Together* go to the channel 3 days before each meeting, at 14:30 (Europe/London time)."}},
		{neil, "/meeting reminders", []string{"Reminders for *Safer Sefton Together* go to the channel 3 days before each meeting, at 14:30 (Europe/London time)."}},
		// With a time: on again as last set, at the time given.
		{ian, "/meeting reminders off", []string{"are off"}},
		{ian, "/meeting reminders on 14:00", []string{"Reminders are on again, as last set. Reminders for *Safer Sefton Together* go to the channel 3 days before each meeting, at 14:00 (Europe/London time)."}},
		{ian, "/meeting reminders on at 9am", []string{"Reminders for *Safer Sefton Together* go to the channel 3 days before each meeting, at 09:00 (Europe/London time)."}},
		{ian, "/meeting reminders on 9am", []string{"Nothing was changed: they are on."}},
		{ian, "/meeting reminders on soon", []string{"is not a time of day"}},
	})
}

// TestRemindersAtLocalTimeAcrossClockChange: a meeting on Friday 2 April
// 2027 at 10:00; the clocks go forward on Sunday 28 March. The 7-day
// reminder goes at 09:00 GMT on 26 March and the 1-day one at 09:00 BST on
// 1 April — not a minute before — each once, however often the scheduler
// runs.
func TestRemindersAtLocalTimeAcrossClockChange(t *testing.T) {
	k := committeeKit(t)
	k.now = time.Date(2027, 3, 20, 12, 0, 0, 0, london)
	k.must(ian, "/meeting schedule 2 April 2027 10:00 Remote Meeting")
	k.must(ian, "/agenda add 4 Local Policing Update — Superintendent Graeme Robson")
	k.must(ian, "/agenda add 5 SWACA — Neil Frackelton")
	k.must(ian, "/agenda add 6 Sefton CVS — Sue Holden")
	k.must(neil, "/report 5 https://example.org/swaca.pdf")
	k.must(neil, "/apologies Unwell")
	k.sent()

	remind := func(at time.Time) int {
		t.Helper()
		k.now = at
		return k.enqueueReminders(at)
	}
	if n := remind(time.Date(2027, 3, 26, 8, 59, 0, 0, time.UTC)); n != 0 {
		t.Fatalf("%d reminders at 08:59 on 26 March; the 7-day reminder is due at 09:00", n)
	}
	if n := remind(time.Date(2027, 3, 26, 9, 0, 0, 0, time.UTC)); n != 1 {
		t.Fatalf("%d reminders at 09:00 on 26 March, want the 7-day one", n)
	}
	msgs := k.sent()
	if len(msgs) != 2 {
		t.Fatalf("%d messages sent, want the reminder and one direct message", len(msgs))
	}
	post := shown(msgs[0].Reply)
	wantShown(t, post, "Reminder: Safer Sefton Together meets in 7 days", "*Friday 2 April 2027, 10:00* (Europe/London time)",
		"Apologies for absence were received from Neil Frackelton (SWACA).",
		"*Reports still missing*", "• *4* Local Policing Update — _Superintendent Graeme Robson_", "• *6* Sefton CVS — _Sue Holden_")
	if strings.Contains(post, "• *5* SWACA") || msgs[0].ChannelID != channel || msgs[0].Reply.Visibility != commands.Public {
		t.Errorf("reminder to %s:\n%s", msgs[0].ChannelID, post)
	}
	// The presenter who is a member and owes a report hears directly; the
	// one whose report is in, and the one who is not a member, do not.
	dm := msgs[1]
	if dm.Kind != commands.OutboxDM || dm.UserID != graeme {
		t.Fatalf("direct message %+v, want one to Graeme", dm)
	}
	if diff := cmp.Diff(dm.Reply.Text, "Your report for the meeting of *Safer Sefton Together* on Friday 2 April 2027, 10:00, Remote Meeting has not arrived yet:\n"+
		"• *4* Local Policing Update\nPlease send its link from <#C1> with `/report 4 URL`. If you can't come, send apologies there with `/apologies`."); diff != "" {
		t.Errorf("direct message (-got +want):\n%s", diff)
	}

	// Again, later, and from a freshly started service: nothing more.
	if n := remind(time.Date(2027, 3, 26, 9, 30, 0, 0, time.UTC)); n != 0 {
		t.Errorf("the 7-day reminder was queued %d more times", n)
	}
	if n, err := commands.New(k.db, nil).EnqueueDueReminders(context.Background(), k.now); n != 0 || err != nil {
		t.Errorf("after a restart: %d reminders, %v", n, err)
	}

	// The day before, after the clocks went forward: 09:00 BST is 08:00 UTC.
	if n := remind(time.Date(2027, 4, 1, 7, 59, 0, 0, time.UTC)); n != 0 {
		t.Fatalf("%d reminders at 08:59 BST on 1 April", n)
	}
	if n := remind(time.Date(2027, 4, 1, 8, 0, 0, 0, time.UTC)); n != 1 {
		t.Fatalf("%d reminders at 09:00 BST on 1 April, want the 1-day one", n)
	}
	msgs = k.sent()
	if len(msgs) == 0 || msgs[0].Reply.Header != "Reminder: Safer Sefton Together meets tomorrow" {
		t.Errorf("1-day reminder: %+v", msgs)
	}
}

// TestPresenterRemindedAfterApologies: a presenter who owes reports and
// has sent apologies is asked for the reports, not told to send the
// apologies they have sent; one who owes two is asked for both.
func TestPresenterRemindedAfterApologies(t *testing.T) {
	k := agendaKit(t) // Graeme presents item 6, Sue item 7.7
	k.must(ian, "/agenda add 6.1 Neighbourhood Watch — Graeme Robson")
	k.must(graeme, "/apologies Away on a course")
	k.now = time.Date(2026, 12, 3, 9, 0, 0, 0, london)
	if _, err := k.svc.EnqueueDueReminders(context.Background(), k.now); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, m := range k.sent() {
		if m.Kind == commands.OutboxDM {
			got[m.UserID] = m.Reply.Text
		}
	}
	want := map[string]string{
		graeme: "Your 2 reports for the meeting of *Safer Sefton Together* on Thursday 10 December 2026, 10:00, Remote Meeting have not arrived yet:\n" +
			"• *6* Local Policing Update\n• *6.1* Neighbourhood Watch\n" +
			"Please send each one's link from <#C1> with `/report ITEM URL`, e.g. `/report 6 URL`. Your apologies for the meeting are recorded; the reports are wanted all the same.",
		sue: "Your report for the meeting of *Safer Sefton Together* on Thursday 10 December 2026, 10:00, Remote Meeting has not arrived yet:\n" +
			"• *7.7* Sefton CVS\n" +
			"Please send its link from <#C1> with `/report 7.7 URL`. If you can't come, send apologies there with `/apologies`.",
	}
	if diff := cmp.Diff(got, want); diff != "" {
		t.Errorf("presenters' direct messages (-got +want):\n%s", diff)
	}
}

// TestReminderOfALaterMeetingNamesItsDay: meeting weekly, the 7-day
// reminder of the meeting on 17 December goes on the morning of the one
// on 10 December, which /apologies, /declare and /report act on without a
// date. The reminder and the presenter's message give the day, and the
// commands as written act on the meeting reminded of.
func TestReminderOfALaterMeetingNamesItsDay(t *testing.T) {
	k := meetingKit(t) // Thursday 10 December 2026, 10:00
	k.must(ian, "/meeting schedule 2026-12-17 10:00 Remote Meeting")
	k.must(ian, "/agenda add 2026-12-17 4 Local Policing Update — Graeme Robson")
	k.sent()
	k.now = time.Date(2026, 12, 10, 9, 0, 0, 0, london)
	if _, err := k.svc.EnqueueDueReminders(context.Background(), k.now); err != nil {
		t.Fatal(err)
	}
	var post, dm string
	for _, m := range k.sent() {
		switch {
		case m.Kind == commands.OutboxPost && strings.Contains(m.Reply.Header, "in 7 days"):
			post = m.Reply.Footer
		case m.Kind == commands.OutboxDM && m.UserID == graeme:
			dm = m.Reply.Text
		}
	}
	if want := "Can't come? Send apologies with `/apologies 2026-12-17`. Declare an interest with `/declare 2026-12-17 ITEM KIND NATURE`. Send your report's link with `/report 2026-12-17 ITEM URL`. The full agenda: `/agenda 2026-12-17`."; post != want {
		t.Errorf("the 7-day reminder's footer:\n%s\nwant\n%s", post, want)
	}
	wantShown(t, dm, "with `/report 2026-12-17 4 URL`.", "send apologies there with `/apologies 2026-12-17`.")
	wantShown(t, k.say(neil, "/apologies 2026-12-17"), "Thursday 17 December 2026")
	wantShown(t, k.say(graeme, "/report 2026-12-17 4 https://example.org/police.pdf"), "17 December")
	// The reminder of the next meeting, the day before it, needs no date.
	k.now = time.Date(2026, 12, 16, 9, 0, 0, 0, london)
	if _, err := k.svc.EnqueueDueReminders(context.Background(), k.now); err != nil {
		t.Fatal(err)
	}
	for _, m := range k.sent() {
		if m.Kind == commands.OutboxPost {
			wantShown(t, m.Reply.Footer, "Can't come? Send apologies with `/apologies`. Declare an interest with `/declare ITEM KIND NATURE`.")
		}
	}
}

// TestRemindersNotSentLateOrWhenOff: a meeting scheduled after its 7-day
// reminder was due gets no 7-day reminder, but does get the 1-day one,
// late when the scheduler was stopped, unless stale; reminders that are
// off do not go.
func TestRemindersNotSentLateOrWhenOff(t *testing.T) {
	k := committeeKit(t)
	k.must(ian, "/meeting schedule 2026-11-27 10:00 Remote Meeting")
	remind := k.enqueueReminders
	if n := remind(k.now); n != 0 {
		t.Errorf("%d reminders for a meeting scheduled 4 days ahead; its 7-day reminder was due 3 days ago", n)
	}
	if n := remind(time.Date(2026, 11, 26, 15, 0, 0, 0, london)); n != 1 {
		t.Errorf("%d reminders when back 6 hours late, want the 1-day one", n)
	}

	k.must(ian, "/meeting reminders 1 09:00")
	k.must(ian, "/meeting schedule 2026-12-17 10:00 Remote Meeting")
	if n := remind(time.Date(2026, 12, 16, 22, 0, 0, 0, london)); n != 0 {
		t.Errorf("%d reminders 13 hours after they were due", n)
	}
	k.must(ian, "/meeting reminders off")
	k.must(ian, "/meeting schedule 2026-12-24 10:00 Remote Meeting")
	for _, at := range []time.Time{time.Date(2026, 12, 17, 9, 0, 0, 0, london), time.Date(2026, 12, 23, 9, 0, 0, 0, london)} {
		if n := remind(at); n != 0 {
			t.Errorf("reminders off, yet %d queued at %v", n, at)
		}
	}
}

// TestRemindersOffWhenDueStayUnsent: a reminder that fell due while
// reminders were off (or its day left out) is not sent when they are
// turned on again within the hours a reminder missed by a stopped bot
// may still go: the officer had stopped it. One whose day stood, only
// its time moved earlier past now, still goes.
func TestRemindersOffWhenDueStayUnsent(t *testing.T) {
	k := committeeKit(t)
	k.must(ian, "/meeting schedule 2026-12-17 10:00 Remote Meeting")
	remind := k.enqueueReminders
	// Off the evening before the 7-day reminder (10 December, 09:00), on
	// again at 11:00 that day.
	k.now = time.Date(2026, 12, 9, 18, 0, 0, 0, london)
	k.must(ian, "/meeting reminders off")
	if n := remind(time.Date(2026, 12, 10, 9, 0, 0, 0, london)); n != 0 {
		t.Errorf("reminders off, yet %d queued", n)
	}
	k.now = time.Date(2026, 12, 10, 11, 0, 0, 0, london)
	k.must(ian, "/meeting reminders 7,1 09:00")
	if n := remind(time.Date(2026, 12, 10, 11, 1, 0, 0, london)); n != 0 {
		t.Errorf("%d reminders queued on turning reminders on two hours after the 7-day one fell due while off, want none", n)
	}
	// The 1-day reminder, due while they were on, goes.
	if n := remind(time.Date(2026, 12, 16, 9, 0, 0, 0, london)); n != 1 {
		t.Errorf("%d reminders the day before, want the 1-day one", n)
	}

	// A day added after its time has passed: not sent either.
	k.must(ian, "/meeting schedule 2027-01-14 10:00 Remote Meeting")
	k.now = time.Date(2027, 1, 11, 10, 0, 0, 0, london)
	k.must(ian, "/meeting reminders 7,3,1 09:00")
	if n := remind(time.Date(2027, 1, 11, 10, 1, 0, 0, london)); n != 0 {
		t.Errorf("%d reminders queued for a day added an hour after it fell due, want none", n)
	}
	// The time moved earlier past now, the day kept: it goes now.
	k.must(ian, "/meeting schedule 2027-01-21 10:00 Remote Meeting")
	k.now = time.Date(2027, 1, 14, 8, 30, 0, 0, london)
	k.must(ian, "/meeting reminders 7,3,1 08:00")
	if n := remind(time.Date(2027, 1, 14, 8, 31, 0, 0, london)); n != 1 {
		t.Errorf("%d reminders queued when the 7-day one's time was moved from 09:00 to 08:00 at 08:30, want it", n)
	}
}

// TestReminderDayAddedLateOnANewCommittee: a committee whose reminders
// stand as set up (7 and 1 days before) has a day added an hour after
// that day's reminder fell due: it is not sent, as it would not be had
// the reminders been changed before.
func TestReminderDayAddedLateOnANewCommittee(t *testing.T) {
	k := committeeKit(t)
	k.must(ian, "/meeting schedule 2027-01-14 10:00 Remote Meeting")
	k.now = time.Date(2027, 1, 11, 10, 0, 0, 0, london)
	k.must(ian, "/meeting reminders 7,3,1 09:00")
	if n := k.enqueueReminders(time.Date(2027, 1, 11, 10, 1, 0, 0, london)); n != 0 {
		t.Errorf("%d reminders queued for a day added an hour after it fell due, want none", n)
	}
	if n := k.enqueueReminders(time.Date(2027, 1, 13, 9, 0, 0, 0, london)); n != 1 {
		t.Errorf("%d reminders the day before, want the 1-day one, on since setup", n)
	}
}

// enqueueReminders runs the reminders' loop once at at, and returns how
// many reminders it queued.
func (k *kit) enqueueReminders(at time.Time) int {
	k.t.Helper()
	n, err := k.svc.EnqueueDueReminders(context.Background(), at)
	if err != nil {
		k.t.Fatal(err)
	}
	return n
}

// A venue's limit is in characters, as its message says: a venue of 200
// letters each two bytes long is within it.
func TestVenueLimitCountsCharacters(t *testing.T) {
	k := committeeKit(t)
	venue := strings.Repeat("ŵ", commands.MaxVenueLen)
	k.steps([]step{
		{ian, "/meeting schedule 2027-02-11 10:00 " + venue + "x", []string{"That venue is too long (the limit is 200 characters)."}},
		{ian, "/meeting schedule 2027-02-11 10:00 " + venue, []string{"Thursday 11 February 2027, 10:00, " + venue + "."}},
		{ian, "/meeting venue 2027-02-11 " + venue + "x", []string{"That venue is too long (the limit is 200 characters)."}},
	})
}

// TestNextIsTheMeetingAfterOneInProgress: a meeting opened before its
// advertised start is in progress, and `next` is the meeting after it:
// in lists, the agenda, the history, the Home and apologies. Apologies
// sent or withdrawn without a date mean the meeting sitting, and are
// refused rather than changed for the meeting after it; no reminder
// chases the meeting sitting, nor goes once it has opened.
func TestNextIsTheMeetingAfterOneInProgress(t *testing.T) {
	k := committeeKit(t)
	k.must(ian, "/committee member add <@USUE> Sefton CVS chair")
	k.must(ian, "/meeting schedule 2026-12-10 15:30 Bootle Town Hall")
	k.must(ian, "/meeting schedule 2027-01-14 10:00 Remote Meeting")
	k.must(ian, "/meeting reminders 0 14:00")
	k.sent()
	k.now = time.Date(2026, 12, 10, 13, 50, 0, 0, london)
	k.must(sue, "/meeting start")
	for _, line := range []string{"/apologies list next", "/agenda next", "/history apologies next"} {
		got := k.say(ian, line)
		if strings.Contains(got, "10 December 2026") || !strings.Contains(got, "14 January 2027") {
			t.Errorf("%s with the meeting of 10 December in progress, want the one of 14 January:\n%s", line, got)
		}
	}
	attRefused(k, neil, "/apologies Unwell",
		"The meeting on Thursday 10 December 2026 is under way (opened at 13:50); apologies for it are closed (`/apologies next …` sends them for the meeting after it).")
	// Entered for someone, the way to the meeting after it keeps them:
	// `/apologies next …` would be the officer's own.
	// Apologies received on the day are recorded with the attendance.
	attRefused(k, ian, "/apologies for <@UGRAEME> Unwell", "is under way (opened at 13:50); apologies for it are closed (`/apologies for <@UGRAEME> next …` sends them for the meeting after it; `/attendance <@UGRAEME> apologies REASON` records those received at it).")
	attRefused(k, ian, `/apologies for "Jen Williams (NW Probation)" Unwell`, "apologies for it are closed (`/apologies for \"Jen Williams (NW Probation)\" next …` sends them for the meeting after it; `/attendance \"Jen Williams (NW Probation)\" apologies REASON` records those received at it).")
	// A name that cannot stand in quotes in a `code` span is not put there.
	attRefused(k, ian, "/apologies for \"Jo `JJ` Bloggs (Sefton CVS)\" Unwell", "apologies for it are closed (`/apologies for \"Name (Organisation)\" next …` sends them for the meeting after it; `/attendance \"Name (Organisation)\" apologies REASON` records those received at it).")
	attRefused(k, ian, "/apologies withdraw for \"Jo `JJ` Bloggs (Sefton CVS)\"", "its apologies can no longer be withdrawn with `/apologies` (`/attendance \"Name (Organisation)\" apologies withdraw` withdraws those entered by mistake).")
	if n := attRows(k, `SELECT count(*) FROM apologies`); n != 0 {
		t.Fatalf("%d apologies recorded by apologies without a date, want none", n)
	}
	wantShown(t, k.say(neil, "/apologies next Unwell"), "Your apologies for the meeting of *Safer Sefton Together* on Thursday 14 January 2027, 10:00, Remote Meeting are recorded.")
	if n := attRows(k, `SELECT count(*) FROM apologies a JOIN meetings m ON m.id = a.meeting_id WHERE m.starts_at > '2027-01-01'`); n != 1 {
		t.Errorf("%d apologies for 14 January, want Neil's", n)
	}
	attRefused(k, neil, "/apologies withdraw", "The meeting on Thursday 10 December 2026 is under way (opened at 13:50); its apologies can no longer be withdrawn")
	wantShown(t, k.say(neil, "/apologies withdraw next"), "Your apologies for the meeting of *Safer Sefton Together* on Thursday 14 January 2027, 10:00, Remote Meeting are withdrawn")
	h, err := k.svc.Home(context.Background(), team, neil, k.now)
	if err != nil {
		t.Fatal(err)
	}
	if len(h.Cards) == 0 || !strings.Contains(h.Cards[0].Text, "Next meeting: Thursday 14 January 2027") {
		t.Errorf("Neil's Home with the meeting of 10 December in progress:\n%+v", h.Cards)
	}
	k.now = time.Date(2026, 12, 10, 14, 5, 0, 0, london)
	if n, err := k.svc.EnqueueDueReminders(context.Background(), k.now); err != nil || n != 0 {
		t.Errorf("%d reminders (%v) at 14:05 for the meeting sitting since 13:50, want none", n, err)
	}
}

// TestReminderQueuedBeforeOpeningNotSent: a reminder queued for a meeting
// that is then opened before its advertised start does not go.
func TestReminderQueuedBeforeOpeningNotSent(t *testing.T) {
	k := committeeKit(t)
	k.must(ian, "/committee member add <@USUE> Sefton CVS chair")
	k.must(ian, "/meeting schedule 2026-12-10 15:30 Bootle Town Hall")
	k.must(ian, "/meeting reminders 0 13:00")
	k.sent()
	ctx := context.Background()
	k.now = time.Date(2026, 12, 10, 13, 0, 0, 0, london)
	if n, err := k.svc.EnqueueDueReminders(ctx, k.now); err != nil || n != 1 {
		t.Fatalf("%d reminders (%v) at 13:00, want the one on the day", n, err)
	}
	k.now = time.Date(2026, 12, 10, 13, 50, 0, 0, london)
	k.must(sue, "/meeting start")
	ms, err := k.db.ClaimOutbox(ctx, k.now, time.Minute, 50)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, m := range ms {
		if !strings.HasPrefix(m.DedupeKey, "reminder:") {
			continue
		}
		found = true
		if late, err := k.svc.ReminderOverdue(ctx, m, k.now); err != nil || !late {
			t.Errorf("the reminder queued at 13:00, after the meeting opened at 13:50: overdue %v (%v), want it dropped", late, err)
		}
	}
	if !found {
		t.Fatal("no reminder queued")
	}
}

// TestNextWhileSittingDeclareReportPost: with a meeting in progress,
// `next` said to /declare or /report names the meeting after it, as it
// does for apologies, and `/agenda post` without a date is refused with
// the way to post the next meeting's, not told the meeting "has already
// taken place".
func TestNextWhileSittingDeclareReportPost(t *testing.T) {
	k := committeeKit(t)
	k.must(ian, "/committee member add <@USUE> Sefton CVS chair")
	k.must(ian, "/meeting schedule 2026-12-10 15:30 Bootle Town Hall")
	k.must(ian, "/meeting schedule 2027-01-14 10:00 Remote Meeting")
	k.must(ian, "/agenda add 2026-12-10 4 Budget")
	k.must(ian, "/agenda add 2027-01-14 4 Youth services")
	k.now = time.Date(2026, 12, 10, 13, 50, 0, 0, london)
	k.must(sue, "/meeting start")
	for _, line := range []string{"/declare next 4 personal Trustee of SWACA", "/report next 4 https://example.org/youth.pdf"} {
		got := k.say(neil, line)
		if strings.Contains(got, "10 December 2026") || !strings.Contains(got, "14 January 2027") {
			t.Errorf("%s with the meeting of 10 December in progress, want the one of 14 January:\n%s", line, got)
		}
	}
	if n := attRows(k, `SELECT count(*) FROM declarations d JOIN meetings m ON m.id = d.meeting_id WHERE m.starts_at > '2027-01-01'`); n != 1 {
		t.Errorf("%d declarations for 14 January, want Neil's", n)
	}
	got := k.say(ian, "/agenda post")
	if strings.Contains(got, "already taken place") || !strings.Contains(got, "is under way") || !strings.Contains(got, "/agenda post next") {
		t.Errorf("/agenda post with the meeting of 10 December in progress:\n%s", got)
	}
	wantShown(t, k.say(ian, "/agenda post next"), "14 January 2027")
}

// TestDeclareWithdrawNextWhileSitting: with a meeting in progress,
// `/declare withdraw next ITEM` withdraws from the meeting after it, as
// `/declare next ITEM …` declares there; without `next`, from the meeting
// in progress.
func TestDeclareWithdrawNextWhileSitting(t *testing.T) {
	k := committeeKit(t)
	k.must(ian, "/committee member add <@USUE> Sefton CVS chair")
	k.must(ian, "/meeting schedule 2026-12-10 15:30 Bootle Town Hall")
	k.must(ian, "/meeting schedule 2027-01-14 10:00 Remote Meeting")
	k.must(ian, "/agenda add 2026-12-10 4 Budget")
	k.must(ian, "/agenda add 2027-01-14 4 Youth services")
	k.must(neil, "/declare 2026-12-10 4 personal Trustee of SWACA")
	k.must(neil, "/declare 2027-01-14 4 personal Trustee of SWACA")
	k.now = time.Date(2026, 12, 10, 13, 50, 0, 0, london)
	k.must(sue, "/meeting start")
	wantShown(t, k.say(neil, "/declare withdraw next 4"), "Your declaration in Item 4 (Youth services) is withdrawn.")
	standing := `SELECT count(*) FROM declarations d JOIN meetings m ON m.id = d.meeting_id WHERE NOT EXISTS (SELECT FROM declaration_withdrawals w WHERE w.declaration_id = d.id) AND m.starts_at %s '2027-01-01'`
	if n := attRows(k, fmt.Sprintf(standing, ">")); n != 0 {
		t.Errorf("%d declarations standing for 14 January, want Neil's withdrawn", n)
	}
	if n := attRows(k, fmt.Sprintf(standing, "<")); n != 1 {
		t.Errorf("%d declarations standing for 10 December, want Neil's kept", n)
	}
	wantShown(t, k.say(neil, "/declare withdraw 4"), "Your declaration in Item 4 (Budget) is withdrawn.")
}

// A number after a list of days written with commas ("7,1 9") is most
// likely the hour: it is refused with both ways to write it, rather than
// taken for a third day before each meeting.
func TestReminderHourAfterDays(t *testing.T) {
	k := meetingKit(t)
	k.steps([]step{
		{ian, "/meeting reminders 7,1 9", []string{"`9` after `7,1` may be a time or another day: write the time as `09:00` or `9am` (`/meeting reminders 7,1 09:00`), or the day in the list (`/meeting reminders 7,1,9`)."}},
		{ian, "/meeting reminders 7, 1 8", []string{"`8` after `7, 1` may be a time or another day: write the time as `08:00` or `8am` (`/meeting reminders 7,1 08:00`), or the day in the list (`/meeting reminders 7,1,8`)."}},
		{neil, "/meeting reminders", []string{"7 days before and 1 day before each meeting, at 09:00"}},
		{ian, "/meeting reminders 1, 7", []string{"7 days before and 1 day before each meeting, at 09:00"}},
		{ian, "/meeting reminders 14 7 1", []string{"14 days before, 7 days before and 1 day before each meeting"}},
	})
}

// TestMeetingScheduledOnceBegun: an officer at a meeting that has begun
// and was never scheduled in Quorum schedules it for its real start, today,
// and opens it; a day gone by stays refused.
func TestMeetingScheduledOnceBegun(t *testing.T) {
	k := committeeKit(t)
	r := k.must(ian, "/meeting schedule today 10:00 Bootle Town Hall")
	if want := "*Safer Sefton Together* meets today, Monday 23 November 2026, 10:00, Bootle Town Hall: it has begun by the clock, and `/meeting start` opens it. Until then members can send apologies with `/apologies 2026-11-23`."; r.Text != want || r.Visibility != commands.Public {
		t.Errorf("scheduling a meeting begun today:\ngot  %q (%v)\nwant %q", r.Text, r.Visibility, want)
	}
	k.steps([]step{
		{ian, "/meeting schedule 22/11/2026 10:00", []string{"Sunday 22 November 2026, 10:00 has already passed."}},
		{ian, "/meeting schedule today 13:00", []string{"Safer Sefton Together already meets today, at 10:00, and meets at most once a day; that meeting has not been opened: `/meeting start` opens it, or `/meeting cancel 2026-11-23` cancels it."}},
		{ian, "/meeting start", []string{"You opened the meeting of *Safer Sefton Together* at 12:00."}},
		{neil, "/here", []string{"You are marked present."}},
	})

	// A start 12 hours gone or more (8:00 typed for 20:00) is past: a
	// meeting runs for at most 12 hours, and could not be opened.
	k = committeeKit(t)
	k.now = time.Date(2026, 11, 23, 20, 30, 0, 0, london)
	k.steps([]step{
		{ian, "/meeting schedule today 8:00", []string{"Monday 23 November 2026, 08:00 has already passed: a meeting that started 12 hours ago or more cannot be opened."}},
		{ian, "/meeting schedule today 20:00", []string{"*Safer Sefton Together* meets today, Monday 23 November 2026, 20:00: it has begun"}},
	})
}

// TestMeetingLateOpening: at five past a meeting's start, the chair not
// yet there and nobody having run `/meeting start`, the meeting has not
// taken place: apologies are still sent and entered for it, and the
// minutes record them; its agenda is refused as a meeting begun by the
// clock but not opened, with the way to open it; and `/meeting list`
// shows it. Once opened, apologies are taken with the attendance.
func TestMeetingLateOpening(t *testing.T) {
	k := meetingKit(t)
	k.must(ian, "/committee member add <@USUE> Sefton CVS")
	k.now = time.Date(2026, 12, 10, 10, 5, 0, 0, london)
	k.steps([]step{
		{neil, "/apologies today Stuck in traffic", []string{"Thursday 10 December 2026", "recorded", "Stuck in traffic"}},
		{ian, "/apologies for <@UGRAEME> today Car broke down", []string{"<@UGRAEME>", "Thursday 10 December 2026"}},
		{ian, "/attendance <@UNEIL> apologies Stuck in traffic", []string{"today's began at 10:00 by the clock but has not been opened yet", "`/apologies for <@UNEIL> today Stuck in traffic`", "`/meeting start`"}},
		{ian, "/agenda add today 4 Late paper", []string{"The meeting on Thursday 10 December 2026 began at 10:00 by the clock but has not been opened yet: the officer or the chair opens it with `/meeting start`."}},
		{ian, "/meeting time today 10:30", []string{"The meeting on Thursday 10 December 2026 began at 10:00 by the clock, so its day, time and venue stand as advertised; it has not been opened yet: the officer or the chair opens it with `/meeting start`."}},
		{ian, "/meeting venue today Bootle Town Hall", []string{"began at 10:00 by the clock, so its day, time and venue stand as advertised"}},
		{sue, "/meeting list", []string{"Thursday 10 December 2026, 10:00, Remote Meeting", "not yet opened", "2 apologies"}},
		{ian, "/apologies list today", []string{"Neil Frackelton", "Stuck in traffic", "Graeme Robson", "Car broke down"}},
		// With no meeting after it, undated is still today's.
		{ian, "/history apologies", []string{"Thursday 10 December 2026", "<@UNEIL> sent apologies: Stuck in traffic", "<@UGRAEME> sent apologies"}},
	})
	const waiting = "Officer\nToday's meeting: Thursday 10 December 2026, 10:00, Remote Meeting\nIt began by the clock and has not been opened yet; apologies can still be sent for it until it is. `/meeting start` in the channel opens it.\nNo further meeting is scheduled."
	if h := homeAt(t, k, ian); len(h.Cards) == 0 || h.Cards[0].Text != waiting {
		t.Errorf("the officer's Home at 10:05 does not show today's meeting waiting to be opened: %+v", h.Cards)
	}
	// A member is told of it too, without the command only those who run
	// it can use.
	if h := homeAt(t, k, sue); len(h.Cards) == 0 || h.Cards[0].Text != "Member for Sefton CVS\nToday's meeting: Thursday 10 December 2026, 10:00, Remote Meeting\nIt began by the clock and has not been opened yet; apologies can still be sent for it until it is.\nNo further meeting is scheduled." {
		t.Errorf("a member's Home at 10:05 does not show today's meeting waiting to be opened: %+v", h.Cards)
	}
	k.now = time.Date(2026, 12, 10, 10, 10, 0, 0, london)
	k.must(ian, "/meeting start")
	wantShown(t, k.say(sue, "/apologies today Unwell"), "under way")
	if h := homeAt(t, k, ian); len(h.Cards) == 0 || strings.Contains(h.Cards[0].Text, waiting) {
		t.Errorf("the officer's Home still shows the meeting opened as waiting: %+v", h.Cards)
	}
	if h := homeAt(t, k, sue); len(h.Cards) == 0 || !strings.HasPrefix(h.Cards[0].Text, "Member for Sefton CVS\nNo further meeting is scheduled.") {
		t.Errorf("a member's Home says no meeting is scheduled beside the one in progress: %+v", h.Cards)
	}
	wantShown(t, k.say(ian, "/minutes draft"), "Neil Frackelton", "Graeme Robson")
}

// TestMeetingLateOpeningUndated: at 10:05 the chair is late and nobody
// has opened today's 10:00 meeting. The members are at its table, so what
// they send without a date is for it, as while it is in progress, and
// each reply names it: apologies, their withdrawal and their list, a
// declaration or a report link for item 5 (refused until it is opened,
// not recorded on January's item 5) and the agenda. `next` is January's.
func TestMeetingLateOpeningUndated(t *testing.T) {
	k := agendaKit(t) // Thursday 10 December 2026, 10:00, item 5 on its agenda
	k.must(ian, "/meeting schedule 2027-01-14 10:00 Bootle Town Hall")
	k.must(ian, "/agenda add 2027-01-14 5 Budget Monitoring")
	k.now = time.Date(2026, 12, 10, 10, 5, 0, 0, london)
	// The Home shows today's meeting, as the commands without a date
	// act on it.
	wantShown(t, homeText(t, k, neil), "None sent: you are expected at today's meeting. `/apologies REASON` in the channel gives a reason or a substitute")
	wantShown(t, homeText(t, k, ian), "received for today's meeting (`/apologies list` in the channel)")
	const waiting = "The meeting on Thursday 10 December 2026 began at 10:00 by the clock but has not been opened yet: the officer or the chair opens it with `/meeting start`. Until then, `next` where a date goes is for the meeting after it, as in `/declare next 5 …`."
	k.steps([]step{
		{neil, "/apologies Stuck in traffic", []string{"Thursday 10 December 2026, 10:00, Remote Meeting are recorded", "Stuck in traffic"}},
		{graeme, "/apologies next Holiday", []string{"Thursday 14 January 2027"}},
		{sue, "/apologies list", []string{"Thursday 10 December 2026", "Neil Frackelton"}},
		{sue, "/declare 5 personal Trustee of the academy trust", []string{waiting}},
		{sue, "/report 5 https://example.org/ap.pdf Alternative provision", []string{waiting}},
		{sue, "/agenda", []string{"Thursday 10 December 2026", "Provision of Alternative Education Settings"}},
		{graeme, "/apologies withdraw", []string{"You have no apologies standing for the meeting on Thursday 10 December 2026 (`/apologies withdraw next` is for the meeting after it)."}},
		{graeme, "/apologies Monday clinic", []string{"`Monday` is not read as a date: today's meeting, Thursday 10 December 2026, waits to be opened. `/apologies today …` sends apologies for it"}},
		{sue, "/report list", []string{"Thursday 10 December 2026"}},
		{sue, "/declare list", []string{"Thursday 10 December 2026"}},
		{ian, "/agenda add 8 Late paper", []string{waiting}},
		{sue, "/declare withdraw 5", []string{waiting}},
		{sue, "/report remove 5", []string{waiting}},
	})
	january := k.say(sue, "/apologies list next")
	wantShown(t, january, "Thursday 14 January 2027", "Graeme Robson")
	wantNotShown(t, january, "an apology sent at 10:05 without a date is for today's meeting", "Neil Frackelton")
	wantNotShown(t, k.say(sue, "/declare list next"), "a declaration refused for today's item 5 is not January's", "Sue Holden")
	wantNotShown(t, k.say(sue, "/agenda"), "the agenda at 10:05 is today's", "Budget Monitoring")
	wantShown(t, k.say(neil, "/apologies withdraw"), "Thursday 10 December 2026")

	// Sent with a replay key, as Slack's requests are, the apology is
	// recorded once, for today's meeting, and the request sent again is
	// refused as a replay.
	r := k.request(neil, "/apologies Still stuck")
	r.Replay = "signature:v0=late"
	reply, err := k.svc.Run(context.Background(), r)
	if err != nil {
		t.Fatal(err)
	}
	wantShown(t, shown(reply), "Thursday 10 December 2026, 10:00", "Still stuck")
	if _, err := k.svc.Run(context.Background(), r); !errors.Is(err, commands.ErrReplay) {
		t.Errorf("the same request sent again: %v, want ErrReplay", err)
	}
	wantShown(t, k.say(ian, "/minutes draft 2026-12-10"), "Neil Frackelton")

	k.now = time.Date(2026, 12, 10, 10, 10, 0, 0, london)
	k.must(ian, "/meeting start")
	k.steps([]step{
		{sue, "/declare 5 personal Trustee of the academy trust", []string{"Thursday 10 December 2026", "Provision of Alternative Education Settings"}},
	})
}

// TestMeetingSecondOfTheDayWaiting: records from earlier releases can
// hold two meetings on one day. The 10:00 was opened and closed; at 14:05
// the 14:00 has begun by the clock and nobody has opened it. An apology
// without a date is recorded for the 14:00, the one waiting, rather than
// failing with nothing recorded.
func TestMeetingSecondOfTheDayWaiting(t *testing.T) {
	k := agendaKit(t) // Thursday 10 December 2026, 10:00
	k.must(ian, "/meeting schedule 2027-01-14 10:00 Bootle Town Hall")
	if _, err := k.db.SQL().Exec(`INSERT INTO meetings (committee_id, starts_at, venue)
		SELECT committee_id, starts_at + interval '4 hours', venue FROM meetings WHERE starts_at = '2026-12-10 10:00:00+00'`); err != nil {
		t.Fatal(err)
	}
	k.now = time.Date(2026, 12, 10, 10, 5, 0, 0, london)
	k.must(ian, "/meeting start")
	k.now = time.Date(2026, 12, 10, 11, 0, 0, 0, london)
	k.must(ian, "/meeting close")
	k.now = time.Date(2026, 12, 10, 14, 5, 0, 0, london)
	reply, err := k.svc.Run(context.Background(), k.request(neil, "/apologies Stuck in traffic"))
	if err != nil {
		t.Fatalf("an apology while the day's second meeting waits to be opened: %v", err)
	}
	wantShown(t, shown(reply), "Thursday 10 December 2026, 14:00", "Stuck in traffic")
	wantShown(t, k.say(sue, "/apologies list"), "Thursday 10 December 2026, 14:00", "Neil Frackelton")
}

// TestMeetingStartOnADayOfTwo: records from earlier releases can hold two
// meetings on one day, at 10:00 and 14:00. `/meeting start` without a date
// opens the one whose start is nearest and that has not been held, never
// reopening one closed; when the two are about as near, it is refused,
// naming both with the commands that open each, which a time after the
// date does.
func TestMeetingStartOnADayOfTwo(t *testing.T) {
	// twoMeetings is the kit with a second meeting on 10 December, at
	// 14:00, as an earlier release could schedule it.
	twoMeetings := func(t *testing.T) *kit {
		k := agendaKit(t) // Thursday 10 December 2026, 10:00
		if _, err := k.db.SQL().Exec(`INSERT INTO meetings (committee_id, starts_at, venue)
			SELECT committee_id, starts_at + interval '4 hours', venue FROM meetings WHERE starts_at = '2026-12-10 10:00:00+00'`); err != nil {
			t.Fatal(err)
		}
		return k
	}
	// opened says which of the day's meetings have been opened.
	opened := func(k *kit) string {
		var at []string
		rows, err := k.db.SQL().Query(`SELECT to_char(m.starts_at, 'HH24:MI') FROM meeting_sessions s JOIN meetings m ON m.id = s.meeting_id
			WHERE s.action = 'opened' ORDER BY m.starts_at`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		for rows.Next() {
			var s string
			if err := rows.Scan(&s); err != nil {
				t.Fatal(err)
			}
			at = append(at, s)
		}
		return strings.Join(at, " ")
	}
	t.Run("the first closed", func(t *testing.T) {
		k := twoMeetings(t)
		k.now = time.Date(2026, 12, 10, 10, 0, 0, 0, london)
		k.must(ian, "/meeting start")
		k.now = time.Date(2026, 12, 10, 11, 0, 0, 0, london)
		k.must(ian, "/meeting close")
		k.now = time.Date(2026, 12, 10, 13, 55, 0, 0, london)
		k.must(ian, "/meeting start")
		if got := opened(k); got != "10:00 14:00" {
			t.Errorf("opened %q, want the 10:00 and then the 14:00", got)
		}
	})
	// The first never opened: at 13:55 the 14:00 is meant, at 10:20
	// the 10:00, late.
	for _, tc := range []struct{ at, want string }{{"13:55", "14:00"}, {"10:20", "10:00"}} {
		t.Run("the first never opened, at "+tc.at, func(t *testing.T) {
			k := twoMeetings(t)
			at, _ := time.ParseInLocation("2006-01-02 15:04", "2026-12-10 "+tc.at, london)
			k.now = at
			k.must(ian, "/meeting start")
			if got := opened(k); got != tc.want {
				t.Errorf("opened %q, want the %s", got, tc.want)
			}
		})
	}
	t.Run("between them", func(t *testing.T) {
		k := twoMeetings(t)
		k.now = time.Date(2026, 12, 10, 12, 0, 0, 0, london)
		wantShown(t, k.say(ian, "/meeting start"), "Safer Sefton Together has two meetings today not yet held, at 10:00 and 14:00: say which to open, `/meeting start 2026-12-10 10:00` or `/meeting start 2026-12-10 14:00`.")
		if got := opened(k); got != "" {
			t.Errorf("opened %q, want neither", got)
		}
		k.must(ian, "/meeting start 2026-12-10 14:00")
		if got := opened(k); got != "14:00" {
			t.Errorf("opened %q, want the 14:00", got)
		}
		wantShown(t, k.say(ian, "/meeting start today 16:00"), "Safer Sefton Together has no meeting at 16:00 on Thursday 10 December 2026: its meetings that day are at 10:00 and 14:00.")
		wantShown(t, k.say(ian, "/meeting help start"), "a time after the date names one: `/meeting start today 14:00`")
	})
	// The 10:00 sitting past noon is the one meant, nearer or not: marks
	// meant for it must not go to the 14:00 opened beside it.
	t.Run("the first sitting", func(t *testing.T) {
		k := twoMeetings(t)
		k.now = time.Date(2026, 12, 10, 10, 0, 0, 0, london)
		k.must(ian, "/meeting start")
		for _, at := range []int{12, 13} {
			k.now = time.Date(2026, 12, 10, at, 0, 0, 0, london)
			wantShown(t, k.say(ian, "/meeting start"), "The meeting is already in progress: <@UIAN> opened it at 10:00.")
		}
		wantShown(t, k.say(ian, "/meeting start today 14:00"), "The meeting at 10:00 is in progress: `/meeting close` closes it before the one at 14:00 is opened.")
		if got := opened(k); got != "10:00" {
			t.Errorf("opened %q, want the 10:00 alone", got)
		}
		k.must(ian, "/meeting close")
		k.must(ian, "/meeting start today 14:00")
		if got := opened(k); got != "10:00 14:00" {
			t.Errorf("opened %q, want the 10:00 and then the 14:00", got)
		}
	})
	t.Run("the first cancelled", func(t *testing.T) {
		k := twoMeetings(t)
		if _, err := k.db.SQL().Exec(`UPDATE meetings SET status = 'cancelled' WHERE starts_at = '2026-12-10 10:00:00+00'`); err != nil {
			t.Fatal(err)
		}
		k.now = time.Date(2026, 12, 10, 9, 55, 0, 0, london)
		wantShown(t, k.say(ian, "/meeting start today 10:00"), "The meeting on Thursday 10 December 2026 was cancelled, so it cannot be opened.")
		if got := opened(k); got != "" {
			t.Errorf("opened %q, want neither", got)
		}
	})
}

// TestMeetingCancelledBeforeItIsOpened: the chair never arrives, and at
// 10:40 the officer cancels today's 10:00 meeting, begun by the clock and
// not opened. It is cancelled as any is, with the channel and the
// substitute told; its apologies close, and it is not opened after.
func TestMeetingCancelledBeforeItIsOpened(t *testing.T) {
	k := meetingKit(t)
	k.must(ian, "/committee member add <@USUE> Sefton CVS")
	k.must(neil, "/apologies Unwell sub <@USUE>")
	k.now = time.Date(2026, 12, 10, 10, 40, 0, 0, london)
	k.sent()
	r := k.must(ian, "/meeting cancel today")
	if want := "The meeting of *Safer Sefton Together* on Thursday 10 December 2026, 10:00, Remote Meeting is cancelled. The apologies, declarations of interest and reports sent for it stay on record with it; if it is scheduled again on the same day they stand again, and a meeting on another day needs them sent again."; r.Text != want || r.Visibility != commands.Public {
		t.Errorf("cancelling a meeting waiting to be opened: %q (%v), want %q in the channel", r.Text, r.Visibility, want)
	}
	var told []string
	for _, m := range k.sent() {
		if m.Kind == commands.OutboxDM {
			told = append(told, m.UserID+": "+m.Reply.Text)
		}
	}
	if diff := cmp.Diff(told, []string{"USUE: The meeting of *Safer Sefton Together* on Thursday 10 December 2026, 10:00, Remote Meeting, which you are named to attend as a substitute, is cancelled."}); diff != "" {
		t.Errorf("direct messages on cancelling (-got +want):\n%s", diff)
	}
	k.steps([]step{
		{graeme, "/apologies today Away", []string{"The meeting on Thursday 10 December 2026 was cancelled."}},
		{ian, "/meeting start", []string{"Safer Sefton Together has no meeting today"}},
	})
	if n := attRows(k, `SELECT count(*) FROM meetings WHERE status = 'cancelled'`); n != 1 {
		t.Errorf("%d meetings cancelled, want the one waiting", n)
	}
}

// `/meeting history` without a date, while a meeting is in progress, is
// that meeting's, and its help says so rather than that the next is the
// default.
func TestMeetingHistoryHelpSaysWhichMeeting(t *testing.T) {
	k := meetingKit(t)
	k.must(ian, "/meeting schedule 2027-01-14 10:00")
	k.now = time.Date(2026, 12, 10, 9, 30, 0, 0, london)
	k.must(ian, "/meeting start")
	k.steps([]step{
		{neil, "/meeting history", []string{"changes to the meeting on Thursday 10 December 2026"}},
		{neil, "/meeting history next", []string{"changes to the meeting on Thursday 14 January 2027"}},
		{neil, "/meeting help history", []string{"Without one, the meeting in progress or today's waiting to be opened, else the next; `next` is the next even then."}},
	})
	if got := k.say(neil, "/meeting help"); strings.Contains(got, "`next` (the default)") {
		t.Errorf("/meeting help says DATE is the next meeting by default:\n%s", got)
	}
}

// TestMeetingScheduleAsksForTheDateOfADayName: a weekday or "yesterday"
// where a meeting's date is wanted is answered with the date it may mean,
// not with "Start with the meeting's date", which the officer thought they
// had done.
func TestMeetingScheduleAsksForTheDateOfADayName(t *testing.T) {
	k := meetingKit(t) // Monday 23 November 2026; a meeting on Thursday 10 December
	k.steps([]step{
		{ian, "/meeting schedule Thursday 10:00", []string{"`Thursday` may mean more than one day: give its date, e.g. `26/11/2026`.", "• `/meeting schedule DATE TIME [VENUE]`"}},
		{ian, "/meeting schedule yesterday 10:00", []string{"`yesterday` is not read as a date: give its date, `22/11/2026`."}},
		{ian, "/meeting move thu", []string{"`thu` may mean more than one day: give its date, `19/11/2026` for the last, `26/11/2026` for the next."}},
		{ian, "/meeting time Thursday 11:00", []string{"`Thursday` may mean more than one day"}},
		{ian, "/meeting venue Thursday Bootle Town Hall", []string{"`Thursday` may mean more than one day"}},
		{ian, "/meeting schedule Bootle 10:00", []string{"Start with the meeting's date."}},
	})
}

// TestMeetingDateWithItsMonthMistyped: a meeting's date whose month is
// mistyped is answered with the date it may mean, not with "Start with the
// meeting's date", which the officer had done; nothing is scheduled.
func TestMeetingDateWithItsMonthMistyped(t *testing.T) {
	k := meetingKit(t) // Monday 23 November 2026; a meeting on Thursday 10 December
	k.steps([]step{
		{ian, "/meeting schedule 14 Janaury 2027 10:00 Bootle Town Hall", []string{"`14 Janaury 2027` is not read as a date: did you mean `14/01/2027`, Thursday 14 January 2027?", "• `/meeting schedule DATE TIME [VENUE]`"}},
		{ian, "/meeting schedule 14 Janury 10:00", []string{"`14 Janury` is not read as a date: did you mean `14/01/2027`, Thursday 14 January 2027?"}},
		{ian, "/meeting schedule 31 Novmber 2027 10:00", []string{"`31 Novmber 2027` is not read as a date: give the meeting's date, 2026-12-10, 10/12/2026 (day first) or 10 December 2026."}},
		{ian, "/meeting time 10 Decmber 2pm", []string{"`10 Decmber` is not read as a date: did you mean `10/12/2026`, Thursday 10 December 2026?", "• `/meeting time DATE TIME`"}},
		{ian, "/meeting cancel 10 Decmber", []string{"`10 Decmber` is not read as a date: did you mean `10/12/2026`, Thursday 10 December 2026?"}},
		{neil, "/meeting list", []string{"• Thursday 10 December 2026, 10:00, Remote Meeting — 0 apologies\nCalendar feed"}},
	})
}

// TestPastDateWithItsMonthMistyped: a command that takes a day gone (the
// attendance of a meeting held) asks about a mistyped month there too,
// rather than answering that it takes only a date, which it was given.
func TestPastDateWithItsMonthMistyped(t *testing.T) {
	k := meetingKit(t) // Monday 23 November 2026
	k.steps([]step{
		{ian, "/meeting attendance 12 Novmber 2026", []string{"`12 Novmber 2026` is not read as a date: did you mean `12/11/2026`, Thursday 12 November 2026?"}},
		{ian, "/declare list 12 Novmber 2026", []string{"`12 Novmber 2026` is not read as a date: did you mean `12/11/2026`, Thursday 12 November 2026?"}},
		{ian, "/meeting schedule 12 Novmber 2026 10:00", []string{"`12 Novmber 2026` is not read as a date: did you mean `12/11/2026`, Thursday 12 November 2026?"}},
	})
	// In an apology's reason a day gone is words of the reason.
	k.steps([]step{
		{neil, "/apologies 2 Augst 2026 hearing", []string{"are recorded.\nReason: 2 Augst 2026 hearing\n[Withdraw apologies]"}},
	})
}

// TestMeetingScheduledAgainAtItsTime: scheduling a meeting at the very
// time one is scheduled says nothing changed and how to change what may
// have been meant; once that meeting is under way or held, the answer is
// the one any other meeting that day gets.
func TestMeetingScheduledAgainAtItsTime(t *testing.T) {
	k := meetingKit(t) // Thursday 10 December 2026, 10:00, Remote Meeting
	k.steps([]step{
		{ian, "/meeting schedule 10/12/2026 10:00 Bootle Town Hall", []string{"already has a meeting on Thursday 10 December 2026, 10:00; nothing changed. `/meeting venue 2026-12-10 VENUE` changes its venue"}},
	})
	k.now = time.Date(2026, 12, 10, 9, 30, 0, 0, london)
	k.must(ian, "/meeting start")
	k.steps([]step{
		{ian, "/meeting schedule 10/12/2026 10:00", []string{"The meeting of Safer Sefton Together on Thursday 10 December 2026 is under way (opened at 09:30), and a committee meets at most once a day. Choose another day."}},
	})
	k.must(ian, "/meeting close")
	k.steps([]step{
		{ian, "/meeting schedule 10/12/2026 10:00", []string{"Safer Sefton Together has already met on Thursday 10 December 2026 (its meeting closed at 09:30), and meets at most once a day. Choose another day."}},
	})
}

// TestReminderDuringAMeetingNamesItsDay: the 7-day reminder of the meeting
// on 17 December, sent at 10:30 while the one on 10 December is under
// way, or waits to be opened (begun at 10:00 by the clock, the chair
// late), gives its day: without one, /apologies in the channel would be
// taken for that meeting.
func TestReminderDuringAMeetingNamesItsDay(t *testing.T) {
	for _, opened := range []bool{true, false} {
		k := meetingKit(t) // Thursday 10 December 2026, 10:00
		k.must(ian, "/meeting schedule 2026-12-17 10:00 Remote Meeting")
		if opened {
			k.now = time.Date(2026, 12, 10, 10, 0, 0, 0, london)
			k.must(ian, "/meeting start")
		}
		k.sent()
		k.now = time.Date(2026, 12, 10, 10, 30, 0, 0, london)
		if _, err := k.svc.EnqueueDueReminders(context.Background(), k.now); err != nil {
			t.Fatal(err)
		}
		post := ""
		for _, m := range k.sent() {
			if m.Kind == commands.OutboxPost && strings.Contains(m.Reply.Header, "in 7 days") {
				post = m.Reply.Footer
			}
		}
		wantShown(t, post, "Send apologies with `/apologies 2026-12-17`.")
		wantShown(t, k.say(neil, "/apologies 2026-12-17"), "Thursday 17 December 2026")
	}
}

// TestDateWithTheWrongWeekdayIsRefused: "Tue 9 Dec", when 9 December is a
// Wednesday, names two days; neither a meeting nor apologies go on the
// date alone, and the answer says which day the date is. A weekday that
// agrees is read as before.
func TestDateWithTheWrongWeekdayIsRefused(t *testing.T) {
	k := meetingKit(t) // Monday 23 November 2026; a meeting on Thursday 10 December
	k.steps([]step{
		{ian, "/meeting schedule Tue 9 Dec 10:00 Bootle Town Hall", []string{"`Tue 9 Dec` names two days: the nearest 9 December is a Wednesday, not a Tuesday. Give the date again: `9 December` alone, or with its year"}},
		{ian, "/meeting schedule Tuesday 9/12/2026 10:00", []string{"`Tuesday 9/12/2026` names two days: 9 December 2026 is a Wednesday, not a Tuesday. Give the date again, e.g. `9/12/2026`"}},
		{neil, "/apologies Wed 10 December Unwell", []string{"`Wed 10 December` names two days: the nearest 10 December is a Thursday, not a Wednesday."}},
		{neil, "/apologies Thu 10 December Unwell", []string{"Your apologies for the meeting of *Safer Sefton Together* on Thursday 10 December 2026, 10:00, Remote Meeting are recorded."}},
	})
	if got := k.say(ian, "/meeting list"); strings.Contains(got, "9 December") {
		t.Errorf("a meeting was scheduled on the date alone:\n%s", got)
	}
}

// TestMeetingAtATimeTheClocksPassTwice: on Sunday 31 October 2027 the
// clocks go back at 02:00 BST, and 01:30 comes twice. A meeting at 01:30
// is at the first, 00:30 UTC, as a calendar reads the time, and the
// answer says which with its zone; one at 01:30 the night the clocks go
// forward is refused. Apologies sent in the hour that comes twice are
// listed in the order they were sent, their zones saying why 01:20 comes
// after 01:40.
func TestMeetingAtATimeTheClocksPassTwice(t *testing.T) {
	k := committeeKit(t)
	k.now = time.Date(2027, 3, 1, 12, 0, 0, 0, london)
	k.must(ian, "/meeting schedule 2027-11-04 10:00 Remote Meeting")
	k.steps([]step{
		{ian, "/meeting schedule 2027-03-28 01:30", []string{"There is no 01:30 on Sunday 28 March 2027: the clocks go forward that night."}},
		{ian, "/meeting schedule 2027-10-31 01:30 Bootle Town Hall", []string{"*Safer Sefton Together* will meet on Sunday 31 October 2027, 01:30 BST, Bootle Town Hall."}},
		{ian, "/meeting list", []string{"• Sunday 31 October 2027, 01:30 BST, Bootle Town Hall", "• Thursday 4 November 2027, 10:00, Remote Meeting"}},
	})
	if got, want := k.next().StartsAt, time.Date(2027, 10, 31, 0, 30, 0, 0, time.UTC); !got.Equal(want) {
		t.Errorf("the meeting at 01:30 on 31 October starts at %s, want %s (01:30 BST)", got.UTC(), want)
	}

	k.now = time.Date(2027, 10, 31, 0, 40, 0, 0, time.UTC) // 01:40 BST
	k.must(neil, "/apologies 2027-11-04 Unwell")
	k.now = time.Date(2027, 10, 31, 1, 20, 0, 0, time.UTC) // 01:20 GMT
	k.must(graeme, "/apologies 2027-11-04 Court")
	inOrder(t, k.say(ian, "/history apologies 2027-11-04"),
		"• 31 Oct 2027 01:40 BST — <@UNEIL> sent apologies: Unwell",
		"• 31 Oct 2027 01:20 GMT — <@UGRAEME> sent apologies: Court")
}

// TestReminderSentAfterMidnightSaysToday: the reminder a day before the
// meeting of Thursday 10 December, at 21:00, missed while the bot was
// stopped and sent once it is back at 07:00 on the day, says the committee
// meets today, not tomorrow; a 7-day one at 23:30 on the Thursday before,
// sent 00:30 on the Friday, says in 6 days.
func TestReminderSentAfterMidnightSaysToday(t *testing.T) {
	k := meetingKit(t) // Thursday 10 December 2026, 10:00
	k.must(ian, "/meeting reminders 1 21:00")
	k.sent()
	k.now = time.Date(2026, 12, 10, 7, 0, 0, 0, london)
	if n := k.enqueueReminders(k.now); n != 1 {
		t.Fatalf("%d reminders at 07:00 on the day, want the one missed at 21:00 the day before", n)
	}
	if msgs := k.sent(); len(msgs) == 0 || msgs[0].Reply.Header != "Reminder: Safer Sefton Together meets today" {
		t.Errorf("the reminder sent on the meeting's day: %s", headers(msgs))
	}

	k.must(ian, "/meeting reminders 7 23:30")
	k.must(ian, "/meeting schedule 2026-12-17 10:00 Remote Meeting")
	k.sent()
	k.now = time.Date(2026, 12, 11, 0, 30, 0, 0, london)
	if n := k.enqueueReminders(k.now); n != 1 {
		t.Fatalf("%d reminders at 00:30 on Friday 11 December, want the 7-day one missed at 23:30", n)
	}
	if msgs := k.sent(); len(msgs) == 0 || msgs[0].Reply.Header != "Reminder: Safer Sefton Together meets in 6 days" {
		t.Errorf("the 7-day reminder sent after midnight: %s", headers(msgs))
	}
}

// headers are the headers of the messages sent, one a line.
func headers(msgs []commands.OutboxMessage) string {
	var out []string
	for _, m := range msgs {
		out = append(out, m.Reply.Header)
	}
	return strings.Join(out, "\n")
}

// TestMeetingScheduledOnADayWithoutItsYear: "14 Jan" said in June is the
// nearest 14 January, which has passed; the refusal gives the command for
// next January's, which schedules it. Given with its year, the day passed
// is refused as before.
func TestMeetingScheduledOnADayWithoutItsYear(t *testing.T) {
	k := committeeKit(t)
	k.now = time.Date(2027, 6, 10, 12, 0, 0, 0, london)
	k.steps([]step{
		{ian, "/meeting schedule 14 Jan 10:00 Bootle Town Hall", []string{"Thursday 14 January 2027, 10:00 has already passed. For Friday 14 January 2028, give the year: `/meeting schedule 14/01/2028 10:00`."}},
		{ian, "/meeting schedule 14/01 10:00", []string{"For Friday 14 January 2028, give the year"}},
		{ian, "/meeting schedule 14/01/2028 10:00", []string{"*Safer Sefton Together* will meet on Friday 14 January 2028, 10:00."}},
	})
	if got := k.say(ian, "/meeting schedule 14 January 2027 10:00"); got != "Thursday 14 January 2027, 10:00 has already passed." {
		t.Errorf("a day passed, given with its year: %q", got)
	}
	// A day passed in the last month is no meeting a year off.
	if got := k.say(ian, "/meeting schedule 9/06 10:00"); got != "Wednesday 9 June 2027, 10:00 has already passed." {
		t.Errorf("yesterday, given without its year: %q", got)
	}
}

// TestMeetingThisWeekdayAsksForTheDate: "this Thursday", like "Thursday",
// is answered with the date it may mean, not with a request to start with
// a date as if none had been given.
func TestMeetingThisWeekdayAsksForTheDate(t *testing.T) {
	k := meetingKit(t) // Monday 23 November 2026; a meeting on Thursday 10 December
	k.steps([]step{
		{ian, "/meeting schedule this Thursday 10:00", []string{"`this Thursday` may mean more than one day: give its date, e.g. `26/11/2026`."}},
		{ian, "/meeting move 10/12/2026 this thu", []string{"`this thu` may mean more than one day: give its date, e.g. `26/11/2026`."}},
		{ian, "/meeting cancel this Thursday", []string{"`this Thursday` may mean more than one day: give its date, `19/11/2026` for the last, `26/11/2026` for the next."}},
		{ian, "/meeting schedule this 10:00", []string{"Start with the meeting's date."}},
	})
}
