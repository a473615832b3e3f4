package bot_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/quorumhq/quorum/commands"
	"github.com/quorumhq/quorum/internal/bottest"
)

// TestRemindersAtLocalTimeAcrossClockChange: a meeting on Friday 2 April
// 2027 at 10:00; the clocks go forward on Sunday 28 March. The 7-day
// reminder goes at 09:00 GMT on 26 March and the 1-day one at 09:00 BST on
// 1 April — not a minute before — each once, even when the scheduler runs
// again or the bot restarts.
func TestRemindersAtLocalTimeAcrossClockChange(t *testing.T) {
	k := bottest.New(t)
	k.SetNow(time.Date(2027, 3, 20, 12, 0, 0, 0, london))
	k.AddUser(officer, "Ian Barton")
	k.SetupCommittee("Safer Sefton Together", officer, map[string]string{
		neil:   "Neil Frackelton|SWACA",
		graeme: "Graeme Robson|Merseyside Police",
	})
	k.Must(officer, "/meeting", "schedule 2 April 2027 10:00 Remote Meeting")
	k.Must(officer, "/agenda", "add 4 Local Policing Update — Superintendent Graeme Robson")
	k.Must(officer, "/agenda", "add 5 SWACA — Neil Frackelton")
	k.Must(officer, "/agenda", "add 6 Sefton CVS — Sue Holden")
	submitReport(t, k, nextMeetingID(t, k), "5", neil, "Neil Frackelton", "https://example.org/swaca.pdf", "", "submitted")
	k.Must(neil, "/apologies", "Unwell")
	k.Drain()
	k.Slack.Reset()

	k.SetNow(time.Date(2027, 3, 26, 8, 59, 0, 0, time.UTC)) // 08:59 GMT
	if n := k.Remind(); n != 0 {
		t.Fatalf("%d reminders at 08:59 on 26 March; the 7-day reminder is due at 09:00", n)
	}
	k.SetNow(time.Date(2027, 3, 26, 9, 0, 0, 0, time.UTC)) // 09:00 GMT
	if n := k.Remind(); n != 1 {
		t.Fatalf("%d reminders at 09:00 on 26 March, want the 7-day one", n)
	}
	k.Drain()
	msgs := k.Slack.Messages(bottest.Channel)
	if len(msgs) != 1 {
		t.Fatalf("%d channel messages, want the reminder", len(msgs))
	}
	wantShown(t, msgs[0], "Reminder: Safer Sefton Together meets in 7 days", "Friday 2 April 2027, 10:00",
		"Apologies for absence were received from Neil Frackelton (SWACA).",
		"Reports still missing", "*4* Local Policing Update — _Superintendent Graeme Robson_", "*6* Sefton CVS — _Sue Holden_")
	if strings.Contains(shown(t, msgs[0]), "• *5* SWACA") {
		t.Error("an item whose report arrived is listed as missing")
	}
	// The presenter who is a member and owes a report hears directly; the
	// one whose report is in, and the one who is not a member, do not.
	opens := k.Slack.Calls("conversations.open")
	if len(opens) != 1 || opens[0].Arg("users") != graeme {
		t.Fatalf("conversations.open calls = %+v, want one with %s", opens, graeme)
	}
	dms := k.Slack.Messages("D" + graeme)
	if len(dms) != 1 {
		t.Fatalf("%d direct messages to Graeme, want 1", len(dms))
	}
	wantShown(t, dms[0], "Your report for the meeting of *Safer Sefton Together*", "*4* Local Policing Update", "`/report 4 URL`")

	// Again, later, and from a freshly started service: nothing more.
	k.SetNow(time.Date(2027, 3, 26, 9, 30, 0, 0, time.UTC))
	if n := k.Remind(); n != 0 {
		t.Errorf("the 7-day reminder was queued %d more times", n)
	}
	restarted := commands.New(k.DB, nil)
	if n, err := restarted.EnqueueDueReminders(context.Background(), k.Now()); n != 0 || err != nil {
		t.Errorf("after a restart: %d reminders, %v", n, err)
	}

	// The day before, after the clocks went forward: 09:00 BST is 08:00 UTC.
	k.SetNow(time.Date(2027, 4, 1, 7, 59, 0, 0, time.UTC))
	if n := k.Remind(); n != 0 {
		t.Fatalf("%d reminders at 08:59 BST on 1 April", n)
	}
	k.SetNow(time.Date(2027, 4, 1, 8, 0, 0, 0, time.UTC))
	if n := k.Remind(); n != 1 {
		t.Fatalf("%d reminders at 09:00 BST on 1 April, want the 1-day one", n)
	}
	k.Drain()
	msgs = k.Slack.Messages(bottest.Channel)
	if len(msgs) != 2 {
		t.Fatalf("%d channel messages, want 2 reminders", len(msgs))
	}
	wantShown(t, msgs[1], "Reminder: Safer Sefton Together meets tomorrow")
}

func TestReminderSettings(t *testing.T) {
	k := newCommittee(t) // Monday 23 November 2026, noon
	wantText(t, k.Must(neil, "/meeting", "reminders"), "7 days before and 1 day before each meeting, at 09:00")
	wantText(t, k.Must(officer, "/meeting", "reminders 3 2.30pm"), "3 days before each meeting, at 14:30 (Europe/London time)")
	wantText(t, k.Must(officer, "/meeting", "reminders 99 9am"), "too far ahead", "/meeting reminders DAYS [TIME]|off|on [TIME]")
	wantText(t, k.Must(officer, "/meeting", "reminders 7,1 teatime"), "not a time of day")
	k.Must(officer, "/meeting", "schedule 2026-12-10 10:00 Remote Meeting")

	k.SetNow(time.Date(2026, 12, 7, 14, 29, 0, 0, london))
	if n := k.Remind(); n != 0 {
		t.Errorf("%d reminders a minute early", n)
	}
	k.SetNow(time.Date(2026, 12, 7, 14, 30, 0, 0, london))
	if n := k.Remind(); n != 1 {
		t.Errorf("%d reminders at 14:30 three days before, want 1", n)
	}

	// Off means off.
	wantText(t, k.Must(officer, "/meeting", "reminders off"), "Reminders for *Safer Sefton Together* are off.")
	k.SetNow(time.Date(2026, 12, 6, 12, 0, 0, 0, london))
	k.Must(officer, "/meeting", "schedule 2026-12-17 10:00 Remote Meeting")
	for _, at := range []time.Time{time.Date(2026, 12, 10, 9, 0, 0, 0, london), time.Date(2026, 12, 16, 9, 0, 0, 0, london), time.Date(2026, 12, 16, 14, 30, 0, 0, london)} {
		k.SetNow(at)
		if n := k.Remind(); n != 0 {
			t.Errorf("reminders off, yet %d queued at %v", n, at)
		}
	}
}

// TestReminderNotSentLate: a meeting scheduled after its 7-day reminder
// would have gone gets no 7-day reminder, but does get the 1-day one; and
// one missed while the bot was stopped goes out when it starts, if not
// stale.
func TestReminderNotSentLate(t *testing.T) {
	k := newCommittee(t) // Monday 23 November 2026, noon
	k.Must(officer, "/meeting", "schedule 2026-11-27 10:00 Remote Meeting")
	if n := k.Remind(); n != 0 {
		t.Errorf("%d reminders for a meeting scheduled 4 days ahead; its 7-day reminder was due 3 days ago", n)
	}
	// Stopped over the reminder time (09:00 on the 26th); back at 15:00.
	k.SetNow(time.Date(2026, 11, 26, 15, 0, 0, 0, london))
	if n := k.Remind(); n != 1 {
		t.Errorf("%d reminders when back 6 hours late, want the 1-day one", n)
	}
}

// TestRemindersCarryOutstandingActions: the reminder posted before the
// next meeting lists the actions still owed from earlier meetings, as the
// agenda does, and no longer lists one once it is done.
func TestRemindersCarryOutstandingActions(t *testing.T) {
	k := decisionsDay(t)
	k.Must(officer, "/resolve", "7.7 That the figures be circulated to partners.")
	k.Must(officer, "/action", "add 5 <@"+neil+"|neil> 2027-01-20 Circulate the SWACA figures to partners")
	k.Must(officer, "/action", `add 5 "Jo Smith" 2027-01-20 Report back on the pilot`)
	k.Must(officer, "/action", "done 2")
	k.Must(sue, "/meeting", "close")
	k.Must(officer, "/meeting", "schedule 2027-01-14 10:00 Bootle Town Hall")
	k.Drain()
	k.Slack.Reset()

	k.SetNow(time.Date(2027, 1, 7, 9, 0, 0, 0, london))
	if n := k.Remind(); n == 0 {
		t.Fatal("no reminder queued 7 days before the meeting")
	}
	k.Drain()
	var reminder string
	for _, m := range k.Slack.Messages(bottest.Channel) {
		if s := shown(t, m); strings.Contains(s, "Reminder: Safer Sefton Together meets in 7 days") {
			reminder = s
		}
	}
	if reminder == "" {
		t.Fatal("no reminder posted to the channel")
	}
	for _, want := range []string{"Actions from previous meetings", "Circulate the SWACA figures to partners — <@" + neil + ">, due Wednesday 20 January 2027 (minute 5, Thursday 10 December 2026)"} {
		if !strings.Contains(reminder, want) {
			t.Errorf("the reminder lacks %q:\n%s", want, reminder)
		}
	}
	if strings.Contains(reminder, "Report back on the pilot") {
		t.Errorf("the reminder lists a done action:\n%s", reminder)
	}
}

// TestReminderNotSentForMeetingScheduledAfterIt: a meeting scheduled for
// tomorrow after today's reminder time gets no "meets tomorrow" reminder,
// not one posted the moment it is scheduled.
func TestReminderNotSentForMeetingScheduledAfterIt(t *testing.T) {
	k := newCommittee(t) // Monday 23 November 2026, noon
	k.Must(officer, "/meeting", "schedule 2026-11-24 10:00 Remote Meeting")
	if n := k.Remind(); n != 0 {
		t.Errorf("%d reminders queued at noon for a meeting scheduled at noon for tomorrow; its 1-day reminder was due at 09:00, before it was scheduled", n)
	}
}
