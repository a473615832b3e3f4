package bot_test

import (
	"strings"
	"testing"
	"time"

	"github.com/quorumhq/quorum/internal/bottest"
)

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
