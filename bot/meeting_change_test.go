package bot_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/quorumhq/quorum/bot/fakeslack"
	"github.com/quorumhq/quorum/commands"
	"github.com/quorumhq/quorum/internal/bottest"
)

// calendarFeed is the committee's calendar feed as a subscriber reads it,
// its long lines unfolded.
func calendarFeed(t *testing.T, k *bottest.Kit) string {
	t.Helper()
	resp, err := http.Get(k.HTTP.URL + commands.CalendarPath(mustCommittee(t, k.DB)))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("calendar: %d %v", resp.StatusCode, err)
	}
	return strings.ReplaceAll(string(b), "\r\n ", "")
}

// movedNotices are the direct messages to user saying a meeting moved.
func movedNotices(t *testing.T, k *bottest.Kit, user string) []fakeslack.Message {
	t.Helper()
	var out []fakeslack.Message
	for _, m := range k.Slack.Messages("D" + user) {
		if strings.Contains(shown(t, m), "has moved to") {
			out = append(out, m)
		}
	}
	return out
}

// TestAgendaOfAnyMeeting: every /agenda form takes the date of the meeting
// it is about, so an officer can build the agenda of a meeting after the
// next one.
func TestAgendaOfAnyMeeting(t *testing.T) {
	k := newCommittee(t) // Monday 23 November 2026
	k.Must(officer, "/meeting", "schedule 2026-12-10 10:00 Remote Meeting")
	k.Must(officer, "/meeting", "schedule 2027-02-11 10:00 Bootle Town Hall")

	wantText(t, k.Must(officer, "/agenda", "add 11/02/2027 4 Budget Consultation — Sue Holden"),
		"Added item *4* Budget Consultation — _Sue Holden_ to the agenda for Thursday 11 February 2027, 10:00, Bootle Town Hall.")
	wantText(t, k.Must(officer, "/agenda", "add 11 February 2027 5 SWACA — Neil Frackelton"), "Added item *5* SWACA", "11 February 2027")
	wantText(t, k.Must(officer, "/agenda", "move 2027-02-11 5 5a"), "Item 5 is now item *5a*.")
	wantText(t, k.Must(officer, "/agenda", "remove 11/02/2027 5a"), "Removed item *5a*", "Thursday 11 February 2027")
	// Words that only look like a date, followed by no item number, are
	// the item's own.
	wantText(t, k.Must(officer, "/agenda", "add 7 May Elections — Ian Barton"), "Added item *4* May Elections", "Thursday 10 December 2026")

	later := k.Must(neil, "/agenda", "11/02/2027")
	wantText(t, later, "Thursday 11 February 2027, 10:00", "*4* Budget Consultation — _Sue Holden_")
	if strings.Contains(later.Text(), "May Elections") || strings.Contains(later.Text(), "SWACA") {
		t.Errorf("the February agenda shows items it does not have:\n%s", later.Text())
	}
	next := k.Must(neil, "/agenda", "")
	if strings.Contains(next.Text(), "Budget Consultation") {
		t.Errorf("the next meeting's agenda shows the February item:\n%s", next.Text())
	}

	wantText(t, k.Must(officer, "/agenda", "post 11/02/2027"), "Thursday 11 February 2027")
	k.Drain()
	msgs := k.Slack.Messages(bottest.Channel)
	if len(msgs) != 1 {
		t.Fatalf("%d channel messages, want the February agenda", len(msgs))
	}
	wantShown(t, msgs[0], "Thursday 11 February 2027, 10:00", "Budget Consultation")

	// A day with no meeting, and an impossible day, are refused.
	wantText(t, k.Must(officer, "/agenda", "add 12/02/2027 4 Budget"), "has no meeting on Friday 12 February 2027")
	wantText(t, k.Must(officer, "/agenda", "add 30/02/2027 4 Budget"), "There is no 30 February 2027")

	// The import form opened for a date takes that meeting's agenda only.
	k.Must(officer, "/agenda", "import 11/02/2027")
	_, view := openedView(t, k)
	seed, err := os.ReadFile("../commands/testdata/sefton-2022-03-17-agenda.txt")
	if err != nil {
		t.Fatal(err)
	}
	if s := submit(t, k, officer, view, importValues(string(seed), "")); s.Action != "errors" ||
		!strings.Contains(s.Errors["text"], "That is the agenda of the meeting on Thursday 17 March 2022, not of the one on Thursday 11 February 2027; nothing was imported.") {
		t.Errorf("another meeting's agenda pasted into the form for 11 February 2027: %+v", s)
	}
	if n := rows(t, k, `SELECT count(*) FROM meetings WHERE starts_at < '2023-01-01'`); n != 0 {
		t.Errorf("the refused import made %d meetings", n)
	}
	wantText(t, k.Must(officer, "/agenda", "import 11/02/2027 please"), "I don't know `please`: only a date and `confirm` may follow `/agenda import`.")
}

// TestMeetingMoveFollowsEverywhere: an officer moves a meeting; the
// posted agenda, the calendar feed and the reminders follow, members with
// apologies are told, and the change is kept.
func TestMeetingMoveFollowsEverywhere(t *testing.T) {
	ctx := context.Background()
	k := newCommittee(t) // Monday 23 November 2026; reminders 7 and 1 days before, at 09:00
	k.Must(officer, "/meeting", "schedule 2026-12-10 10:00 Remote Meeting")
	id := nextMeetingID(t, k)
	k.Must(officer, "/agenda", "add 4 SWACA — Neil Frackelton")
	k.Must(neil, "/apologies", "Unwell")
	k.Must(officer, "/agenda", "post")
	k.Drain()

	// The 7-day reminder for 10 December goes on 3 December.
	k.SetNow(time.Date(2026, 12, 3, 9, 0, 0, 0, london))
	if n := k.Remind(); n != 1 {
		t.Fatalf("%d reminders on 3 December, want the 7-day one", n)
	}
	k.Drain()
	k.Slack.Reset()
	k.SetNow(time.Date(2026, 12, 3, 10, 0, 0, 0, london))

	openHomes(t, k, graeme)
	wantText(t, k.Must(neil, "/meeting", "move 10/12/2026 17/12/2026"), "Only an officer of Safer Sefton Together can move meetings")
	r := k.Must(officer, "/meeting", "move 10/12/2026 17/12/2026 2pm")
	wantText(t, r, "The meeting of *Safer Sefton Together* on Thursday 10 December 2026, 10:00, Remote Meeting has moved to *Thursday 17 December 2026, 14:00, Remote Meeting*")
	if !r.Public() {
		t.Error("a move is told to the channel")
	}
	k.Drain()

	agenda := k.Slack.Messages(bottest.Channel)
	if len(agenda) != 2 || agenda[0].Edits != 1 {
		t.Fatalf("%d channel messages; want the posted agenda, edited once, and the reminder", len(agenda))
	}
	wantShown(t, agenda[0], "Thursday 17 December 2026, 14:00", "Moved from Thursday 10 December 2026, 10:00", "*4* SWACA",
		"Apologies for absence were received from Neil Frackelton (SWACA).")
	dms := movedNotices(t, k, neil)
	if len(dms) != 1 {
		t.Fatalf("%d notices of the move to Neil, want 1", len(dms))
	}
	wantShown(t, dms[0], "has moved to Thursday 17 December 2026, 14:00", "Your apologies for it stand", "`/apologies withdraw 2026-12-17`")
	if n := len(movedNotices(t, k, graeme)); n != 0 {
		t.Errorf("Graeme, who sent no apologies, got %d notices of the move", n)
	}
	wantText(t, k.Must(neil, "/apologies", "list 17/12/2026"), "Neil Frackelton")
	wantText(t, k.Must(neil, "/meeting", "list"), "Thursday 17 December 2026, 14:00, Remote Meeting (moved from Thursday 10 December 2026, 10:00) — 1 apology")
	latestHome(t, k, graeme, "Next meeting: Thursday 17 December 2026, 14:00, Remote Meeting (moved from Thursday 10 December 2026, 10:00)")

	feed := calendarFeed(t, k)
	for _, want := range []string{"DTSTART:20261217T140000Z", "SEQUENCE:1"} {
		if !strings.Contains(feed, want) {
			t.Errorf("the calendar lacks %q:\n%s", want, feed)
		}
	}
	if strings.Contains(feed, "20261210") {
		t.Errorf("the calendar still has the old date:\n%s", feed)
	}

	// Changing the venue: the agenda says where, nobody is messaged.
	wantText(t, k.Must(officer, "/meeting", "venue 17/12/2026 Bootle Town Hall"), "will now be held at Bootle Town Hall")
	k.Drain()
	wantShown(t, k.Slack.Messages(bottest.Channel)[0], "*Venue:* Bootle Town Hall")
	if n := len(movedNotices(t, k, neil)); n != 1 {
		t.Errorf("Neil got %d notices after a venue change, want still 1", n)
	}

	// The reminder sent for 10 December does not stand in for the one
	// for 17 December; none goes twice.
	k.SetNow(time.Date(2026, 12, 10, 9, 0, 0, 0, london))
	if n := k.Remind(); n != 1 {
		t.Fatalf("%d reminders on 10 December, want the 7-day one for 17 December", n)
	}
	if n := k.Remind(); n != 0 {
		t.Errorf("the 7-day reminder was queued again: %d", n)
	}
	k.Drain()
	if msgs := k.Slack.Messages(bottest.Channel); len(msgs) != 3 {
		t.Fatalf("%d channel messages, want the agenda and two reminders", len(msgs))
	} else {
		wantShown(t, msgs[2], "meets in 7 days", "Thursday 17 December 2026, 14:00", "Bootle Town Hall")
	}
	k.SetNow(time.Date(2026, 12, 16, 9, 0, 0, 0, london))
	if n := k.Remind(); n != 1 {
		t.Fatalf("%d reminders on 16 December, want the 1-day one", n)
	}
	// A new time on the same day sends no reminder again.
	k.SetNow(time.Date(2026, 12, 16, 10, 0, 0, 0, london))
	wantText(t, k.Must(officer, "/meeting", "time 17/12/2026 10:00"), "has moved to *Thursday 17 December 2026, 10:00, Bootle Town Hall*")
	if n := k.Remind(); n != 0 {
		t.Errorf("%d reminders after a change of time within the day, want none", n)
	}

	wantText(t, k.Must(neil, "/meeting", "history 17/12/2026"),
		"• Thursday 3 December 2026, 10:00 — Ian Barton moved it from Thursday 10 December 2026, 10:00 to Thursday 17 December 2026, 14:00\n"+
			"• Thursday 3 December 2026, 10:00 — Ian Barton changed the venue from Remote Meeting to Bootle Town Hall\n"+
			"• Wednesday 16 December 2026, 10:00 — Ian Barton moved it from Thursday 17 December 2026, 14:00 to Thursday 17 December 2026, 10:00")

	// Refused: another meeting's day, the past, a cancelled or held
	// meeting, impossible dates, nothing to change.
	k.Must(officer, "/meeting", "schedule 2027-01-07 10:00 Remote Meeting")
	k.Must(officer, "/meeting", "schedule 2027-01-14 10:00 Remote Meeting")
	k.Must(officer, "/meeting", "cancel 2027-01-14")
	for _, tc := range []struct{ text, want string }{
		{"move 17/12/2026 7/1/2027 2pm", "Safer Sefton Together already meets on Thursday 7 January 2027, 10:00, Remote Meeting"},
		{"move 17/12/2026 14/1/2027", "cancelled for Thursday 14 January 2027, 10:00 was at that time"},
		{"move 17/12/2026 1/12/2026", "Tuesday 1 December 2026, 10:00 has already passed"},
		{"move 17/12/2026 16/12/2026 9am", "Wednesday 16 December 2026, 09:00 has already passed"},
		{"move 14/1/2027 21/1/2027", "The meeting on Thursday 14 January 2027 was cancelled"},
		{"move 17/12/2026 31/02/2027", "There is no 31 February 2027"},
		{"move 17/12/2026 13/13/2027", "there is no month 13"},
		{"move 18/12/2026 19/12/2026", "has no meeting on Friday 18 December 2026"},
		{"move 17/12/2026", "Give the new date"},
		{"move 17/12/2026 18/12/2026 teatime", "I don't know `teatime`"},
		{"time 17/12/2026 10:00", "already on Thursday 17 December 2026, 10:00"},
		{"time 17/12/2026 25:00", "25:00 is not a time"},
		{"venue 17/12/2026", "Give the new venue"},
	} {
		wantText(t, k.Must(officer, "/meeting", tc.text), tc.want)
	}
	// Begun by the clock and not opened, it stands as advertised; the
	// next day, it has taken place.
	k.SetNow(time.Date(2026, 12, 17, 11, 0, 0, 0, london))
	wantText(t, k.Must(officer, "/meeting", "move 17/12/2026 24/12/2026"), "began at 10:00 by the clock, so its day, time and venue stand as advertised")
	k.SetNow(time.Date(2026, 12, 18, 9, 0, 0, 0, london))
	wantText(t, k.Must(officer, "/meeting", "move 17/12/2026 24/12/2026"), "has already taken place")

	// The history: who, when, from what to what.
	rows, err := k.DB.SQL().QueryContext(ctx, `SELECT by_user, old_starts_at, new_starts_at, old_venue, new_venue
		FROM meeting_changes WHERE meeting_id = $1 ORDER BY id`, id)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var got []string
	for rows.Next() {
		var by, oldVenue, newVenue string
		var from, to time.Time
		if err := rows.Scan(&by, &from, &to, &oldVenue, &newVenue); err != nil {
			t.Fatal(err)
		}
		got = append(got, fmt.Sprintf("%s: %s, %s → %s, %s", by, from.In(london).Format("2006-01-02 15:04"), oldVenue, to.In(london).Format("2006-01-02 15:04"), newVenue))
	}
	want := []string{
		officer + ": 2026-12-10 10:00, Remote Meeting → 2026-12-17 14:00, Remote Meeting",
		officer + ": 2026-12-17 14:00, Remote Meeting → 2026-12-17 14:00, Bootle Town Hall",
		officer + ": 2026-12-17 14:00, Bootle Town Hall → 2026-12-17 10:00, Bootle Town Hall",
	}
	if diff := cmp.Diff(got, want); diff != "" {
		t.Errorf("meeting changes (-got +want):\n%s", diff)
	}
}

// TestPostedAgendaTense: before the meeting the posted agenda says that a
// member with a pecuniary interest will withdraw; once the meeting has
// begun it claims no departure, which only the attendance records (the
// minutes say it when it does), and a dispensation in the past tense.
func TestPostedAgendaTense(t *testing.T) {
	ctx := context.Background()
	k := newCommittee(t)
	k.Must(officer, "/meeting", "schedule 2026-12-10 10:00 Remote Meeting")
	k.Must(officer, "/agenda", "add 4 SWACA — Neil Frackelton")
	k.Must(officer, "/agenda", "add 5 Merseyside Police — Graeme Robson")
	k.Must(neil, "/declare", "4 pecuniary Spouse employed by SWACA")
	k.Must(graeme, "/declare", "5 pecuniary Shareholder of a security firm")
	m, err := k.DB.NextMeeting(ctx, mustCommittee(t, k.DB).ID, k.Now())
	if err != nil {
		t.Fatal(err)
	}
	var id int64
	if err := k.DB.SQL().QueryRow(`SELECT id FROM declarations WHERE user_id = $1`, graeme).Scan(&id); err != nil {
		t.Fatal(err)
	}
	if _, err := k.DB.RecordDispensation(ctx, id, officer, time.Time{}, nil); err != nil {
		t.Fatal(err)
	}
	k.Must(officer, "/agenda", "post")
	k.Drain()
	posted := shown(t, k.Slack.Messages(bottest.Channel)[0])
	for _, want := range []string{
		"as Spouse employed by SWACA, and will withdraw from the meeting for that item.",
		"and will remain in the meeting under a dispensation.",
	} {
		if !strings.Contains(posted, want) {
			t.Errorf("the agenda before the meeting lacks %q:\n%s", want, posted)
		}
	}
	for _, past := range []string{"left the meeting", "remained in the meeting"} {
		if strings.Contains(posted, past) {
			t.Errorf("the agenda before the meeting says %q:\n%s", past, posted)
		}
	}

	// Once it has started, /agenda speaks in the past tense; once it is
	// marked held, the posted agenda does too. Nobody marked Neil leaving
	// for item 4, so neither says he did.
	k.SetNow(time.Date(2026, 12, 10, 12, 0, 0, 0, london))
	asked := k.Must(neil, "/agenda", "10/12/2026")
	wantText(t, asked, "as Spouse employed by SWACA.", "and remained in the meeting under a dispensation.")
	if err := k.DB.SetMeetingStatus(ctx, m.ID, commands.MeetingHeld, officer); err != nil {
		t.Fatal(err)
	}
	k.Drain()
	after := k.Slack.Messages(bottest.Channel)[0]
	wantShown(t, after, "as Spouse employed by SWACA.", "and remained in the meeting under a dispensation.")
	for _, said := range []string{asked.Text(), shown(t, after)} {
		for _, claim := range []string{"left the meeting", "will withdraw"} {
			if strings.Contains(said, claim) {
				t.Errorf("the agenda of a meeting begun says %q though no one recorded it:\n%s", claim, said)
			}
		}
	}
}

// TestImportedMeetingWithNoTime: minutes that print no start time make a
// meeting with no time, shown without one (not as 00:00) and in the
// calendar as an all-day event.
func TestImportedMeetingWithNoTime(t *testing.T) {
	k := newCommittee(t)
	text, err := os.ReadFile("../minutes/testdata/minutes-parish-item-style.txt")
	if err != nil {
		t.Fatal(err)
	}
	minutes := strings.Replace(string(text), "Held on Monday 5th June 2023 at 7.30pm in", "Held on Monday 5th June 2023 in", 1)
	if minutes == string(text) {
		t.Fatal("the sample minutes changed: they no longer print their time where this test removes it")
	}
	if _, err := k.Service.ImportMinutes(context.Background(), mustCommittee(t, k.DB), minutes, officer); err != nil {
		t.Fatal(err)
	}
	r := k.Must(neil, "/agenda", "5/6/2023")
	wantText(t, r, "*Monday 5 June 2023* (start time not known)")
	if strings.Contains(r.Text(), "00:00") {
		t.Errorf("the agenda shows a time no one printed:\n%s", r.Text())
	}
	if r := k.Must(officer, "/apologies", "list 5/6/2023"); strings.Contains(r.Text(), "00:00") || !strings.Contains(r.Text(), "Monday 5 June 2023") {
		t.Errorf("the apologies show a time no one printed:\n%s", r.Text())
	}
	k.SetNow(time.Date(2023, 6, 10, 12, 0, 0, 0, london)) // the feed goes a year back
	feed := calendarFeed(t, k)
	if !strings.Contains(feed, "DTSTART;VALUE=DATE:20230605") || !strings.Contains(feed, "DTEND;VALUE=DATE:20230606") {
		t.Errorf("the calendar lacks the all-day event of 5 June 2023:\n%s", feed)
	}
	if strings.Contains(feed, "20230604T230000Z") {
		t.Errorf("the calendar has the meeting at midnight:\n%s", feed)
	}
}

// TestSameDayReminderAfterStart: a reminder on the day at 14:30 is
// refused while the next meeting starts at 10:00, since it could never
// go; and a reminder due after its meeting has started never goes.
func TestSameDayReminderAfterStart(t *testing.T) {
	ctx := context.Background()
	k := newCommittee(t)
	k.SetNow(time.Date(2026, 12, 10, 8, 0, 0, 0, london))
	k.Must(officer, "/meeting", "schedule 2026-12-10 10:00 Remote Meeting")
	wantText(t, k.Must(officer, "/meeting", "reminders 0 14:30"),
		"A reminder on the day at 14:30 would come after the next meeting has started (Thursday 10 December 2026, 10:00), so it would never go. Choose a time before 10:00.")
	wantText(t, k.Must(officer, "/meeting", "reminders"), "7 days before and 1 day before each meeting, at 09:00")
	wantText(t, k.Must(officer, "/meeting", "reminders 0 9am"), "on the day of each meeting, at 09:00")

	// Queued in time, but Slack fails until the meeting has started: the
	// reminder is dropped rather than posted late.
	k.Drain()
	k.Slack.Fail("chat.postMessage", fakeslack.Fault{Status: http.StatusInternalServerError, Times: 1})
	k.SetNow(time.Date(2026, 12, 10, 9, 0, 0, 0, london))
	if n := k.Remind(); n != 1 {
		t.Fatalf("%d reminders at 09:00, want the one on the day", n)
	}
	k.Drain()
	k.SetNow(time.Date(2026, 12, 10, 10, 1, 0, 0, london))
	k.Drain()
	if n := len(k.Slack.Messages(bottest.Channel)); n != 0 {
		t.Errorf("%d messages in the channel: the reminder went after the meeting started", n)
	}
	if n := len(k.Slack.Calls("chat.postMessage")); n != 1 {
		t.Errorf("%d posts tried, want only the one that failed before the start", n)
	}

	// Set behind the command's back, the late reminder still never goes.
	if err := k.DB.SetReminders(ctx, mustCommittee(t, k.DB).ID, []int{0}, commands.Clock{Hour: 14, Minute: 30}, officer, time.Now()); err != nil {
		t.Fatal(err)
	}
	k.Drain()
	k.Slack.Reset()
	for _, at := range []time.Time{time.Date(2026, 12, 10, 14, 30, 0, 0, london), time.Date(2026, 12, 10, 20, 0, 0, 0, london)} {
		k.SetNow(at)
		if n := k.Remind(); n != 0 {
			t.Errorf("%d reminders queued at %v, after the meeting started", n, at)
		}
	}
	k.Drain()
	if n := len(k.Slack.Messages(bottest.Channel)); n != 0 {
		t.Errorf("%d messages in the channel after the meeting started", n)
	}
	// A meeting scheduled at a time the reminder on the day would follow
	// is accepted, with a note that it will get none.
	wantText(t, k.Must(officer, "/meeting", "schedule 2026-12-17 10:00 Remote Meeting"), "after this meeting starts, so none will go on its day")
}

// TestQueuedReminderDroppedWhenMeetingMoves: a reminder queued in time
// that Slack kept back until after its meeting moved to another day is
// not posted: it would tell the channel the meeting is tomorrow, on the
// day it moved from. The reminders of the new day go at their time.
func TestQueuedReminderDroppedWhenMeetingMoves(t *testing.T) {
	k := newCommittee(t) // reminders 7 and 1 days before, at 09:00
	k.SetNow(time.Date(2026, 12, 8, 12, 0, 0, 0, london))
	k.Must(officer, "/meeting", "schedule 2026-12-10 10:00 Remote Meeting")
	k.Drain()
	k.Slack.Reset()

	// Wednesday 9 December, 09:00: "meets tomorrow" is queued, but Slack
	// fails and the outbox is to try again later.
	k.Slack.Fail("chat.postMessage", fakeslack.Fault{Status: http.StatusInternalServerError, Times: 1})
	k.SetNow(time.Date(2026, 12, 9, 9, 0, 0, 0, london))
	if n := k.Remind(); n != 1 {
		t.Fatalf("%d reminders at 09:00, want the 1-day one", n)
	}
	k.Drain()
	// Meanwhile the meeting is put back a week.
	k.SetNow(time.Date(2026, 12, 9, 9, 5, 0, 0, london))
	k.Must(officer, "/meeting", "move 10/12/2026 17/12/2026")
	k.SetNow(time.Date(2026, 12, 9, 9, 30, 0, 0, london))
	k.Drain()
	for _, m := range k.Slack.Messages(bottest.Channel) {
		if s := shown(t, m); strings.Contains(s, "Reminder:") {
			t.Errorf("a reminder for the day the meeting moved from went out after the move:\n%s", s)
		}
	}

	// Its own "meets tomorrow" goes on Wednesday 16 December.
	k.SetNow(time.Date(2026, 12, 16, 9, 0, 0, 0, london))
	if n := k.Remind(); n != 1 {
		t.Fatalf("%d reminders on 16 December, want the 1-day one for 17 December", n)
	}
	k.Drain()
	var reminders []string
	for _, m := range k.Slack.Messages(bottest.Channel) {
		if s := shown(t, m); strings.Contains(s, "Reminder:") {
			reminders = append(reminders, s)
		}
	}
	if len(reminders) != 1 || !strings.Contains(reminders[0], "Thursday 17 December 2026, 10:00") {
		t.Errorf("reminders posted: %q, want the one for 17 December alone", reminders)
	}
}

// TestCalendarFollowsACancelledMeeting: a calendar takes a changed event
// only from a higher SEQUENCE. A meeting cancelled, scheduled again at its
// time, cancelled again and brought back at another time that day has a
// higher one at each step, and the status it has; before, cancelling left
// the SEQUENCE as it was, and a subscriber's calendar could keep showing
// the meeting as going ahead.
func TestCalendarFollowsACancelledMeeting(t *testing.T) {
	k := newCommittee(t)
	k.Must(officer, "/meeting", "schedule 2026-12-10 10:00 Remote Meeting")
	event := func() (sequence, status string) {
		t.Helper()
		feed := calendarFeed(t, k)
		var summary, description string
		for line := range strings.SplitSeq(strings.ReplaceAll(feed, "\r\n ", ""), "\r\n") {
			if v, ok := strings.CutPrefix(line, "SEQUENCE:"); ok {
				sequence = v
			}
			if v, ok := strings.CutPrefix(line, "STATUS:"); ok {
				status = v
			}
			if v, ok := strings.CutPrefix(line, "SUMMARY:"); ok {
				summary = v
			}
			if v, ok := strings.CutPrefix(line, "DESCRIPTION:"); ok {
				description = v
			}
		}
		// A calendar that shows a cancelled event as any other (Google
		// Calendar does) still tells its reader it is cancelled, and
		// does not ask for apologies.
		cancelled := status == "CANCELLED"
		if want := map[bool]string{true: "Cancelled: Safer Sefton Together", false: "Safer Sefton Together"}[cancelled]; summary != want {
			t.Errorf("STATUS %s, SUMMARY %q; want %q", status, summary, want)
		}
		if strings.Contains(description, "/apologies") == cancelled {
			t.Errorf("STATUS %s, DESCRIPTION %q", status, description)
		}
		if strings.Count(feed, "BEGIN:VEVENT") != 1 {
			t.Fatalf("the calendar should have the one meeting:\n%s", feed)
		}
		return sequence, status
	}
	steps := []struct {
		command, text, sequence, status string
	}{
		{"", "", "0", "CONFIRMED"},
		{"/meeting", "cancel 2026-12-10", "1", "CANCELLED"},
		{"/meeting", "schedule 2026-12-10 10:00", "2", "CONFIRMED"},
		{"/meeting", "cancel 2026-12-10", "3", "CANCELLED"},
		// Brought back at another time: moved (the revision) and no
		// longer cancelled.
		{"/meeting", "schedule 2026-12-10 14:00", "5", "CONFIRMED"},
	}
	for _, s := range steps {
		if s.command != "" {
			k.Must(officer, s.command, s.text)
		}
		if seq, status := event(); seq != s.sequence || status != s.status {
			t.Errorf("after %q: SEQUENCE %s, STATUS %s; want %s, %s", s.text, seq, status, s.sequence, s.status)
		}
	}
}
