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

// TestMunicipalYearStartPerCommittee: a committee whose municipal year
// starts in January numbers the minutes of its first meeting in January
// afresh from 1, where one starting in May (the default) numbers on.
func TestMunicipalYearStartPerCommittee(t *testing.T) {
	k := decisionsDay(t)
	wantText(t, k.Must(neil, "/committee", "year-start"), "The municipal year of *Safer Sefton Together* starts in May")
	k.Must(officer, "/resolve", "7.7 That the report be noted.")
	k.Must(sue, "/meeting", "close")
	k.Must(officer, "/meeting", "schedule 2027-01-14 10:00 Bootle Town Hall")

	wantText(t, k.Must(neil, "/committee", "year-start January"), "Only an officer of Safer Sefton Together can change the municipal year.")
	wantText(t, k.Must(officer, "/committee", "year-start Smarch"), `"Smarch" is not a month.`, "Usage:")
	wantText(t, k.Must(officer, "/committee", "year-start jan"), "The municipal year of *Safer Sefton Together* starts in January")
	wantText(t, k.Must(graeme, "/committee", "year-start"), "starts in January")

	k.SetNow(time.Date(2027, 1, 14, 10, 5, 0, 0, london))
	k.Must(sue, "/meeting", "start")
	wantText(t, k.Must(officer, "/resolve", "4 That the next meeting be held on 11 February 2027."),
		"Resolved under item 4: minute 4 of the meeting on Thursday 14 January 2027")
	wantText(t, k.Must(officer, "/minutes", "draft"),
		"Numbering starts again at 1: the last minutes on record (minute 5, Thursday 10 December 2026) are of the previous municipal year.")
	wantText(t, k.Must(officer, "/committee", "year-start 5"), "starts in May")
}
