package commands_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/quorumhq/quorum/commands"
)

// TestMoveMeeting drives /meeting move, time and venue through the core:
// what the channel is told, whose Homes are marked, who is messaged.
func TestMoveMeeting(t *testing.T) {
	k := meetingKit(t) // Thursday 10 December 2026, 10:00, Remote Meeting
	k.must(neil, "/apologies Unwell")
	k.must(graeme, "/apologies Annual leave sub <@USUE>")
	k.sent()
	k.marked()

	r := k.must(ian, "/meeting move 10/12/2026 to 17/12/2026")
	want := "The meeting of *Safer Sefton Together* on Thursday 10 December 2026, 10:00, Remote Meeting has moved to *Thursday 17 December 2026, 10:00, Remote Meeting*. " +
		"Its agenda, apologies and declarations go with it; members whose apologies stand are told by direct message."
	if diff := cmp.Diff(r.Text, want); diff != "" || r.Visibility != commands.Public {
		t.Errorf("move (-got +want):\n%s", diff)
	}
	// Sue, no member, is Graeme's substitute: her Home shows the day too.
	if diff := cmp.Diff(k.marked(), []string{graeme, ian, neil, sue}); diff != "" {
		t.Errorf("Homes marked by a move (-got +want):\n%s", diff)
	}
	var dms []string
	for _, m := range k.sent() {
		if m.Kind == commands.OutboxDM {
			dms = append(dms, m.UserID+": "+m.Reply.Text)
		}
	}
	slices.Sort(dms)
	stand := " The meeting of *Safer Sefton Together* on Thursday 10 December 2026, 10:00, Remote Meeting has moved to Thursday 17 December 2026, 10:00, Remote Meeting.\n" +
		"Your apologies for it stand: you are not expected. If you can come now, withdraw them with `/apologies withdraw 2026-12-17` in <#C1>."
	if diff := cmp.Diff(dms, []string{
		graeme + ":" + stand,
		neil + ":" + stand,
		sue + ": The meeting of *Safer Sefton Together* on Thursday 10 December 2026, 10:00, Remote Meeting, which you are named to attend as a substitute, has moved to Thursday 17 December 2026, 10:00, Remote Meeting.",
	}); diff != "" {
		t.Errorf("direct messages (-got +want):\n%s", diff)
	}
	m := k.next()
	if !m.StartsAt.Equal(time.Date(2026, 12, 17, 10, 0, 0, 0, london)) || m.Revision != 1 {
		t.Errorf("next meeting after the move: %+v", m)
	}
	if aps, err := k.db.Apologies(context.Background(), m.ID); err != nil || len(aps) != 2 {
		t.Errorf("apologies standing after the move: %d, %v; want both kept", len(aps), err)
	}

	k.steps([]step{
		{ian, "/meeting venue 17/12/2026 none", []string{"The meeting of *Safer Sefton Together* on Thursday 17 December 2026, 10:00 will now be held at a venue still to be announced."}},
		{ian, "/meeting time 17/12/2026 2.30pm", []string{"has moved to *Thursday 17 December 2026, 14:30*"}},
		{ian, "/meeting move 17/12/2026", []string{"Give the new date after the meeting's, e.g. `/meeting move 2026-12-17 2026-12-24`.", "• `/meeting move DATE NEW-DATE [TIME]`"}},
		// A weekday for the new date is answered with the day it may be,
		// as a meeting scheduled for "Tuesday" is.
		{ian, "/meeting move 17/12/2026 Tuesday", []string{"`Tuesday` may mean more than one day: give its date, e.g. `24/11/2026`.", "• `/meeting move DATE NEW-DATE [TIME]`"}},
		{ian, "/meeting move 17/12/2026 tues 2pm", []string{"`tues` may mean more than one day: give its date, e.g. `24/11/2026`."}},
		{ian, "/meeting move next 28/03/2027 1.30am", []string{"There is no 01:30 on Sunday 28 March 2027: the clocks go forward that night."}},
		{ian, "/meeting move", []string{"Start with the meeting's date."}},
		{ian, "/meeting time 17/12/2026", []string{"Give the new start time after the date"}},
		{ian, "/meeting venue 17/12/2026 " + strings.Repeat("v", 201), []string{"That venue is too long (the limit is 200 characters)."}},
		{neil, "/meeting time 17/12/2026 10:00", []string{"Only an officer of Safer Sefton Together can change meetings."}},
		{neil, "/meeting history", []string{
			"*Safer Sefton Together* — changes to the meeting on Thursday 17 December 2026, 14:30",
			"• Monday 23 November 2026, 12:00 — Ian Barton moved it from Thursday 10 December 2026, 10:00 to Thursday 17 December 2026, 10:00",
			"• Monday 23 November 2026, 12:00 — Ian Barton changed the venue from Remote Meeting to a venue still to be announced",
		}},
	})
	k.must(ian, "/meeting schedule 2027-01-14 10:00")
	k.steps([]step{
		{neil, "/meeting history 14/01/2027", []string{"It has not been changed since it was scheduled."}},
	})
}

// TestReminderOnTheDayAfterLaterMeetingStarts: a reminder on the day that
// suits the next meeting but comes after a later one starts is accepted,
// and the answer names the meeting that gets none.
func TestReminderOnTheDayAfterLaterMeetingStarts(t *testing.T) {
	k := meetingKit(t) // Thursday 10 December 2026, 10:00
	k.must(ian, "/meeting schedule 2027-01-14 09:00")
	k.steps([]step{
		{ian, "/meeting reminders 0 9.30am", []string{
			"Reminders for *Safer Sefton Together* go to the channel on the day of each meeting, at 09:30 (Europe/London time).\n" +
				"Note: the meeting on Thursday 14 January 2027, 09:00 starts before 09:30, so it gets no reminder on the day."}},
		{ian, "/meeting reminders 7,1 9.30am", []string{"7 days before and 1 day before each meeting, at 09:30 (Europe/London time)."}},
	})
	if strings.Contains(k.say(ian, "/meeting reminders 7,1 9.30am"), "Note:") {
		t.Error("reminders before the day need no note")
	}
}

// A cancelled meeting's history does not say it is unchanged.
func TestMeetingHistoryOfACancelledMeeting(t *testing.T) {
	k := meetingKit(t)
	k.must(ian, "/meeting cancel 10/12/2026")
	got := k.say(neil, "/meeting history 10/12/2026")
	if strings.Contains(got, "It has not been changed since it was scheduled.") {
		t.Errorf("the history of a cancelled meeting says it is unchanged:\n%s", got)
	}
	if !strings.Contains(got, "cancelled") {
		t.Errorf("the history of a cancelled meeting does not say it is cancelled:\n%s", got)
	}
}

// TestMovedMeetingReminders: a meeting moved to another day gets the
// reminders of its new day that are still to come, at their time. One
// whose time had already passed when the meeting was moved is not sent
// at once on the move (the channel has just been told of the move), so
// members are not told "meets tomorrow" twice, nor "meets in 7 days" an
// hour after the move. A new time on the same day leaves its reminders as
// they were: one missed while the bot was stopped still goes. A reminder
// of a meeting moved or re-timed says where it moved from, as its agenda
// does, for members who read the earlier reminder.
func TestMovedMeetingReminders(t *testing.T) {
	k := meetingKit(t) // Thursday 10 December 2026, 10:00; reminders 7 and 1 day before, at 09:00
	remind := func(at time.Time) []string {
		t.Helper()
		k.now = at
		if _, err := k.svc.EnqueueDueReminders(context.Background(), at); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, m := range k.sent() {
			if m.Kind == commands.OutboxPost && strings.HasPrefix(m.Reply.Header, "Reminder:") {
				got = append(got, m.Reply.Header+" — "+m.Reply.Text)
			}
		}
		return got
	}
	day := func(d, h, m int) time.Time { return time.Date(2026, 12, d, h, m, 0, 0, london) }
	check := func(what string, got []string, want ...string) {
		t.Helper()
		if diff := cmp.Diff(got, want); diff != "" {
			t.Errorf("%s (-got +want):\n%s", what, diff)
		}
	}
	k.sent()
	check("on Thursday 3 December at 09:00", remind(day(3, 9, 0)),
		"Reminder: Safer Sefton Together meets in 7 days — *Thursday 10 December 2026, 10:00* (Europe/London time)\n*Venue:* Remote Meeting")
	check("on Wednesday 9 December at 09:00", remind(day(9, 9, 0)),
		"Reminder: Safer Sefton Together meets tomorrow — *Thursday 10 December 2026, 10:00* (Europe/London time)\n*Venue:* Remote Meeting")

	// At 09:30 on the day it is put back to Friday: Friday's "meets
	// tomorrow" was due at 09:00, before the move, and does not go.
	k.now = day(10, 9, 30)
	k.must(ian, "/meeting move 10/12/2026 11/12/2026")
	check("just after the move to Friday", remind(day(10, 9, 31)))
	check("at noon on Thursday", remind(day(10, 12, 0)))

	// At noon it is moved again, to Thursday 17 December: its 7-day
	// reminder was due at 09:00 today, before the move, and does not go;
	// its 1-day one goes on Wednesday 16 December at 09:00.
	k.must(ian, "/meeting move 11/12/2026 17/12/2026")
	check("just after the move to the 17th", remind(day(10, 12, 1)))
	check("on Wednesday 16 December at 08:59", remind(day(16, 8, 59)))
	check("on Wednesday 16 December at 09:00", remind(day(16, 9, 0)),
		"Reminder: Safer Sefton Together meets tomorrow — *Thursday 17 December 2026, 10:00* (Europe/London time)\n_Moved from Thursday 10 December 2026, 10:00._\n*Venue:* Remote Meeting")

	// A meeting whose reminder was missed while the bot was stopped, and
	// whose time (not day) changed after it was due, still gets it when
	// the bot starts again.
	k.now = day(20, 12, 0)
	k.must(ian, "/meeting schedule 2027-01-14 10:00 Remote Meeting")
	k.now = time.Date(2027, 1, 13, 9, 30, 0, 0, london)
	k.must(ian, "/meeting time 14/01/2027 2pm")
	check("back on Wednesday 13 January at 10:00", remind(time.Date(2027, 1, 13, 10, 0, 0, 0, london)),
		"Reminder: Safer Sefton Together meets tomorrow — *Thursday 14 January 2027, 14:00* (Europe/London time)\n_Moved from Thursday 14 January 2027, 10:00._\n*Venue:* Remote Meeting")
}

// TestMeetingHistorySaysWhoScheduledAndCancelled: /meeting history names
// who scheduled a meeting, who cancelled it and who scheduled it again,
// and when, among its moves, in the order they happened.
func TestMeetingHistorySaysWhoScheduledAndCancelled(t *testing.T) {
	k := meetingKit(t) // scheduled by Ian at the kit's clock, Monday 23 November 2026, 12:00
	k.must(ian, "/committee member add <@USUE> Sefton CVS officer")
	k.now = time.Date(2026, 11, 24, 9, 30, 0, 0, london)
	k.must(sue, "/meeting cancel 10/12/2026")
	k.now = time.Date(2026, 11, 25, 16, 45, 0, 0, london)
	k.must(ian, "/meeting schedule 2026-12-10 10:00")
	k.now = time.Date(2026, 11, 26, 8, 0, 0, 0, london)
	k.must(ian, "/meeting time 10/12/2026 2pm")
	got := k.say(neil, "/meeting history 10/12/2026")
	inOrder(t, got,
		"• Monday 23 November 2026, 12:00 — Ian Barton scheduled it",
		"• Tuesday 24 November 2026, 09:30 — Sue Holden cancelled it",
		"• Wednesday 25 November 2026, 16:45 — Ian Barton scheduled it again",
		"• Thursday 26 November 2026, 08:00 — Ian Barton moved it from Thursday 10 December 2026, 10:00 to Thursday 10 December 2026, 14:00")

	k.must(ian, "/meeting schedule 2027-01-14 10:00")
	got = k.say(neil, "/meeting history 14/01/2027")
	wantShown(t, got, "• Thursday 26 November 2026, 08:00 — Ian Barton scheduled it", "It has not been changed since it was scheduled.")
}

// TestMeetingMoveOntoADayAlreadyMet: a meeting moved onto the day of one
// held, or under way, is refused with that meeting's state, not with the
// advice to move or cancel it, which it can no longer be; onto the day
// of one still to come, that advice stands. The example of a new date is
// another day than the meeting's own.
func TestMeetingMoveOntoADayAlreadyMet(t *testing.T) {
	k := meetingKit(t) // Thursday 10 December 2026, 10:00
	k.must(ian, "/meeting schedule 2027-01-14 10:00")
	k.must(ian, "/meeting schedule 2027-01-21 10:00")
	k.now = time.Date(2026, 12, 10, 9, 30, 0, 0, london)
	k.must(ian, "/meeting start")
	k.steps([]step{
		{ian, "/meeting move 14/01/2027 10/12/2026 18:00", []string{"The meeting of Safer Sefton Together on Thursday 10 December 2026 is under way (opened at 09:30), and a committee meets at most once a day. Choose another day."}},
		{ian, "/meeting move 14/01/2027 next", []string{"Give the new date after the meeting's, e.g. `/meeting move 2027-01-14 2027-01-21`."}},
		{ian, "/meeting move 14/01/2027 21/01/2027", []string{"Safer Sefton Together already meets on Thursday 21 January 2027, 10:00. Move or cancel that meeting first, or choose another day."}},
	})
	k.must(ian, "/meeting close")
	k.steps([]step{
		{ian, "/meeting move 14/01/2027 10/12/2026 18:00", []string{"Safer Sefton Together has already met on Thursday 10 December 2026 (its meeting closed at 09:30), and meets at most once a day. Choose another day."}},
	})
}

// TestCommandsNamingTheDayAMeetingMovedOff: someone who names the day a
// meeting was first due on, as the reminders and direct messages sent
// before the move did, is told where it moved rather than that the
// committee has no meeting that day; nothing is saved.
func TestCommandsNamingTheDayAMeetingMovedOff(t *testing.T) {
	k := agendaKit(t) // Thursday 10 December 2026, 10:00, Remote Meeting
	k.must(ian, "/meeting move 2026-12-10 2026-12-17 14:00")
	moved := "Safer Sefton Together has no meeting on Thursday 10 December 2026: the meeting due that day has moved to Thursday 17 December 2026, 14:00, Remote Meeting. Give its new date, 2026-12-17."
	for _, line := range []string{"/apologies 2026-12-10 Away", "/declare 2026-12-10 5 personal Son at the school", "/apologies list 2026-12-10"} {
		r := k.run(sue, line)
		if !r.Refused || !strings.Contains(shown(r), moved) {
			t.Errorf("%s:\n%s\nwant a refusal saying %q", line, shown(r), moved)
		}
	}
	if got := k.say(ian, "/apologies list 2026-12-17"); !strings.Contains(got, "No apologies for absence have been received.") {
		t.Errorf("something was saved for the meeting moved:\n%s", got)
	}
	if got := k.say(sue, "/apologies 2026-12-11 Away"); !strings.Contains(got, "Safer Sefton Together has no meeting on Friday 11 December 2026. `/meeting list` shows the meetings scheduled.") {
		t.Errorf("a day no meeting was due on:\n%s", got)
	}
}

// TestMeetingVenueUnchanged: a venue given as the meeting has it already,
// or none for a meeting with none, is answered about the venue, which the
// officer asked about, not with the meeting's day as if it were moved;
// nothing is written.
func TestMeetingVenueUnchanged(t *testing.T) {
	k := committeeKit(t)
	k.must(ian, "/meeting schedule 2027-01-14 14:00")
	k.must(ian, "/meeting schedule 2027-01-21 14:00 Bootle Town Hall")
	for _, tc := range []struct{ user, line, want string }{
		{ian, "/meeting venue 14/01/2027 none", "The meeting on Thursday 14 January 2027, 14:00 has no venue yet: it is to be announced; nothing changed. `/meeting venue 2027-01-14 VENUE` sets one."},
		{ian, "/meeting venue 21/01/2027 Bootle Town Hall", "The meeting on Thursday 21 January 2027, 14:00 is already at Bootle Town Hall; nothing changed."},
		{neil, "/meeting venue 14/01/2027 none", "Only an officer of Safer Sefton Together can change meetings."},
	} {
		r := k.run(tc.user, tc.line)
		if !r.Refused || r.Text != tc.want {
			t.Errorf("%s: refused=%v\n%s\nwant %q", tc.line, r.Refused, r.Text, tc.want)
		}
	}
	wantShown(t, k.say(ian, "/meeting history 21/01/2027"), "Ian Barton scheduled it")
	if got := k.say(ian, "/meeting history 21/01/2027"); strings.Contains(got, "venue") {
		t.Errorf("the venue given again was recorded as a change:\n%s", got)
	}
}
