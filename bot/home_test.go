package bot_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/slack-go/slack"

	"github.com/quorumhq/quorum/bot"
	"github.com/quorumhq/quorum/bot/fakeslack"
	"github.com/quorumhq/quorum/commands"
	"github.com/quorumhq/quorum/internal/bottest"
)

func sampleCard(i int, officer bool) commands.HomeCard {
	c := commands.HomeCard{
		CommitteeID: int64(i), Title: fmt.Sprintf("Committee %02d", i),
		Text:         "Member for SWACA\nNext meeting: Thursday 10 December 2026, 10:00, Remote Meeting",
		CalendarPath: fmt.Sprintf("/calendar/%d.ics", i),
		Sections:     []commands.Section{{Title: "Your apologies", Text: "None sent: you are expected at the next meeting."}},
		Buttons:      []commands.Button{{Label: "Send apologies", Action: "apologies.send_next", Value: fmt.Sprint(100 + i)}},
		Summary:      fmt.Sprintf("*Committee %02d* — Thursday 10 December 2026, 10:00", i),
	}
	if officer {
		c.Sections = append(c.Sections, commands.Section{Title: "For officers", Text: "2 apologies received for the next meeting (`/apologies list` in the channel).\n" +
			"1 report missing (`/report missing` in the channel):\n• Item 6 (Local Policing Update) — _Superintendent Graeme Robson (Merseyside Police)_\n" +
			"Agenda not posted yet: `/agenda post` in the channel posts it."})
	}
	return c
}

func TestHomeGolden(t *testing.T) {
	many := commands.Home{UserID: "UNEIL", Intro: "You are a member of 40 committees."}
	for i := range 40 {
		many.Cards = append(many.Cards, sampleCard(i+1, i%3 == 0))
	}
	cases := []struct {
		name      string
		home      commands.Home
		notice    string
		publicURL string
	}{
		{"home-member", commands.Home{UserID: "UNEIL", Intro: "You are a member of 3 committees.", Cards: []commands.HomeCard{
			{CommitteeID: 1, Title: "Safer Sefton Together", Text: "Member for SWACA\nNext meeting: Thursday 10 December 2026, 10:00, Remote Meeting",
				CalendarPath: "/calendar/1.ics",
				Sections: []commands.Section{
					{Title: "Your apologies", Text: "You have sent apologies for the next meeting.\nReason: Unwell &lt;!channel&gt;\nSubstitute: <@UGRAEME>"},
					{Title: "Your declarations", Text: "• Item 7.5 (SWACA): Disclosable pecuniary interest — Paid adviser to SWACA _(you must leave the room for this item unless you hold a dispensation)_\n" +
						"• Item 4 (Integrated Offender Management (IOM) Refresh Strategy): Personal interest — Volunteer with &lt;b&gt;IOM&lt;/b&gt;"},
					{Title: "Reports you owe", Text: "• Report owed for item 7.5 (SWACA)\nSend each report's link with `/report 7.5 URL` in <#C0SAFER>."},
				},
				Buttons: []commands.Button{
					{Label: "Withdraw apologies", Action: "apologies.withdraw", Value: "7", Style: "danger"},
					{Label: "Withdraw declaration 7.5", Action: "declare.withdraw", Value: "7:7.5", Style: "danger"},
					{Label: "Withdraw declaration 4", Action: "declare.withdraw", Value: "7:4", Style: "danger"},
				}},
			sampleCard(2, true),
			{CommitteeID: 3, Title: "Audit Board", Text: "Chair for Sefton Council\nNo meeting is scheduled."},
		}}, "Your apologies for the meeting of *Safer Sefton Together* on Thursday 10 December 2026, 10:00, Remote Meeting are recorded.", bottest.PublicURL},
		{"home-no-public-url", commands.Home{UserID: "UNEIL", Intro: "You are a member of 1 committee.", Cards: []commands.HomeCard{sampleCard(1, false)}}, "", ""},
		{"home-empty", commands.Home{UserID: "UX", Intro: "You are not a member of any committee."}, "", bottest.PublicURL},
		{"home-many", many, "", bottest.PublicURL},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			view := bot.HomeView(tc.home, tc.notice, tc.publicURL)
			got, err := json.MarshalIndent(view, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			if n := len(view.Blocks.BlockSet); n > 100 {
				t.Errorf("%d blocks; Slack allows 100 in a Home tab", n)
			}
			if view.Type != slack.VTHomeTab {
				t.Errorf("view type %q", view.Type)
			}
			path := filepath.Join("testdata", "render", tc.name+".golden.json")
			if *update {
				if err := os.WriteFile(path, append(got, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./bot -run TestHomeGolden -update to create it)", err)
			}
			if string(got)+"\n" != string(want) {
				t.Errorf("rendering of %s changed; got:\n%s", tc.name, got)
			}
		})
	}
	// Every committee of the 40 is on the Home, in full or in a line, also
	// when each card has all its parts (an officer who declared and owes
	// reports everywhere).
	full := commands.Home{UserID: "UIAN", Intro: "You are a member of 40 committees."}
	for i := range 40 {
		c := sampleCard(i+1, true)
		c.Sections = append(c.Sections[:1],
			commands.Section{Title: "Your declarations", Text: strings.Repeat("• Item 7.5 (SWACA): Personal interest — Trustee\n", 5)},
			commands.Section{Title: "Reports you owe", Text: "• Report owed for item 7.5 (SWACA)"},
			c.Sections[1])
		c.Buttons = append(c.Buttons, commands.Button{Label: "Withdraw declaration 7.5", Action: "declare.withdraw", Value: "1:7.5"})
		full.Cards = append(full.Cards, c)
	}
	for _, h := range []commands.Home{many, full} {
		view := bot.HomeView(h, "A notice.", bottest.PublicURL)
		if n := len(view.Blocks.BlockSet); n > 100 {
			t.Errorf("%d blocks; Slack allows 100 in a Home tab", n)
		}
		raw, _ := json.Marshal(view)
		for i := range 40 {
			if !strings.Contains(string(raw), fmt.Sprintf("Committee %02d", i+1)) {
				t.Errorf("committee %d is missing from the Home", i+1)
			}
		}
	}
}

// homeText waits until the Home last published for user holds want (in
// its text, not its JSON), and returns that text with the buttons'
// action IDs and values, one a line. It runs the outbox as it waits: a
// change to the records queues the Homes it concerns there.
func homeText(t *testing.T, k *bottest.Kit, user, want string) string {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	last := "none"
	for time.Now().Before(deadline) {
		k.Drain()
		if hs := homesOf(k, user); len(hs) > 0 {
			last = viewText(t, hs[len(hs)-1])
			if strings.Contains(last, want) {
				return last
			}
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("no Home for %s holds %q; the last published:\n%s", user, want, last)
	return ""
}

// settledHome is the text of the Home last published for user once every
// refresh under way is done.
func settledHome(t *testing.T, k *bottest.Kit, user string) string {
	t.Helper()
	k.Server.Settle()
	k.Drain()
	hs := homesOf(k, user)
	if len(hs) == 0 {
		t.Fatalf("no Home published for %s", user)
	}
	return viewText(t, hs[len(hs)-1])
}

func viewText(t *testing.T, raw string) string {
	t.Helper()
	var view struct {
		Blocks []struct {
			Text *struct {
				Text string `json:"text"`
			} `json:"text"`
			Elements []struct {
				Text     json.RawMessage `json:"text"`
				ActionID string          `json:"action_id"`
				Value    string          `json:"value"`
			} `json:"elements"`
		} `json:"blocks"`
	}
	if err := json.Unmarshal([]byte(raw), &view); err != nil {
		t.Fatalf("published view: %v\n%s", err, raw)
	}
	var b strings.Builder
	for _, blk := range view.Blocks {
		if blk.Text != nil {
			b.WriteString(blk.Text.Text + "\n")
		}
		for _, e := range blk.Elements {
			if e.ActionID != "" {
				fmt.Fprintf(&b, "[%s %s]\n", e.ActionID, e.Value)
			}
		}
	}
	return b.String()
}

// homeButtonPayload is the block_actions payload of a button pressed on
// the Home tab: no channel and no response_url.
func homeButtonPayload(user, actionID, value string) map[string]any {
	p := bottest.ButtonPayload(user, actionID, value, "")
	delete(p, "channel")
	delete(p, "response_url")
	p["container"] = map[string]any{"type": "view", "view_id": "VHOME"}
	p["view"] = map[string]any{"id": "VHOME", "type": "home", "team_id": bottest.Team}
	return p
}

// TestHomeShowsDeclarationsReportsAndWhatIsMissing follows three people's
// Homes as the records change: a member's declaration, with its Withdraw
// button; a presenter's report owed, gone once sent; and the officer's
// missing reports and unposted agenda.
func TestHomeShowsDeclarationsReportsAndWhatIsMissing(t *testing.T) {
	k, meetingID := agendaCommittee(t)
	openHomes(t, k, sue, neil, graeme, officer)

	// The agenda's items are on everyone's Home: Sue presents 7.7,
	// Graeme (as "Graeme Robson") item 6.
	home := homeText(t, k, sue, "Report owed for item 7.7 (Sefton CVS)")
	if !strings.Contains(home, "/report 7.7 URL") {
		t.Errorf("Sue's Home does not say how to send it:\n%s", home)
	}
	homeText(t, k, graeme, "Report owed for item 6 (Local Policing Update)")
	if home := settledHome(t, k, neil); strings.Contains(home, "Report owed") || strings.Contains(home, "Your declarations") {
		t.Errorf("Neil presents nothing and declared nothing:\n%s", home)
	}
	home = homeText(t, k, officer, "For officers")
	for _, want := range []string{"0 apologies received", "4 reports missing (`/report missing` in the channel):",
		"• Item 7.7 (Sefton CVS) — _Sue Holden (Sefton CVS)_", "Agenda not posted yet: `/agenda post` in the channel posts it."} {
		if !strings.Contains(home, want) {
			t.Errorf("officer's Home lacks %q:\n%s", want, home)
		}
	}

	// A pecuniary declaration shows on the declarer's Home, with a
	// button to withdraw it there.
	wantText(t, k.Must(neil, "/declare", "7.5 pecuniary Paid adviser to SWACA"), "Recorded")
	home = homeText(t, k, neil, "Your declarations")
	withdraw := fmt.Sprintf("[declare.withdraw %d:7.5:", meetingID)
	for _, want := range []string{"• Item 7.5 (SWACA): Disclosable pecuniary interest — Paid adviser to SWACA _(you must leave the room for this item unless you hold a dispensation)_", withdraw} {
		if !strings.Contains(home, want) {
			t.Errorf("Neil's Home lacks %q:\n%s", want, home)
		}
	}
	if status, body := k.Interact(homeButtonPayload(neil, "declare.withdraw", fmt.Sprintf("%d:7.5", meetingID))); status != http.StatusOK {
		t.Fatalf("Withdraw on the Home: %d %s", status, body)
	}
	home = homeText(t, k, neil, "Your declaration in Item 7.5 (SWACA) is withdrawn")
	if strings.Contains(home, "Your declarations") || strings.Contains(home, withdraw) {
		t.Errorf("Neil's Home after withdrawing:\n%s", home)
	}
	if n := rows(t, k, `SELECT count(*) FROM declaration_withdrawals`); n != 1 {
		t.Errorf("%d withdrawals recorded, want 1", n)
	}

	// Sue sends her report: no longer owed, no longer missing.
	wantText(t, k.Must(sue, "/report", "7.7 <https://example.org/cvs.pdf> Sefton CVS report"), "is attached")
	if home := settledHome(t, k, sue); strings.Contains(home, "Report owed") {
		t.Errorf("Sue's Home after /report:\n%s", home)
	}
	home = settledHome(t, k, officer)
	if !strings.Contains(home, "3 reports missing") || strings.Contains(home, "Item 7.7") {
		t.Errorf("officer's Home after Sue's report:\n%s", home)
	}

	// Apologies change the officer's count.
	wantText(t, k.Must(graeme, "/apologies", "Unwell"), "are recorded")
	homeText(t, k, officer, "1 apology received for the next meeting")

	// The officer posts the agenda; once the outbox has posted it, the
	// Home says so when opened.
	wantText(t, k.Must(officer, "/agenda", "post"), "on its way")
	if n := k.Drain(); n == 0 {
		t.Fatal("the outbox posted nothing")
	}
	if n := len(k.Slack.Calls("chat.postMessage")); n != 1 {
		t.Fatalf("%d channel posts, want the agenda", n)
	}
	opened, _ := json.Marshal(homeOpened("EvPosted", officer))
	if status, body := k.PostRaw("/slack/events", opened, "application/json", bottest.SignJSON(nil)); status != http.StatusOK {
		t.Fatalf("%d %s", status, body)
	}
	home = homeText(t, k, officer, "Agenda posted in the channel.")
	if strings.Contains(home, "not posted") {
		t.Errorf("officer's Home after posting:\n%s", home)
	}
	// Members see no officers' part.
	if home := settledHome(t, k, sue); strings.Contains(home, "For officers") || strings.Contains(home, "Agenda posted") {
		t.Errorf("a member sees the officers' part:\n%s", home)
	}
}

// TestHomeRefreshesWhenRecordsChange: a change to what a Home shows
// re-publishes the Home of the person it concerns, in the background, and a
// slow Slack never delays the reply.
func TestHomeRefreshesWhenRecordsChange(t *testing.T) {
	k := newCommittee(t)
	openHomes(t, k, officer, neil, graeme, "USUE")
	k.AddUser("USUE", "Sue Holden")
	k.Must(officer, "/committee", "member add <@USUE> Sefton CVS")
	latestHome(t, k, "USUE", "Member for Sefton CVS")

	k.Must(officer, "/meeting", "schedule 2026-12-10 10:00 Remote Meeting")
	for _, user := range []string{officer, neil, graeme, "USUE"} {
		latestHome(t, k, user, "Next meeting: Thursday 10 December 2026, 10:00, Remote Meeting")
	}
	k.Must(officer, "/meeting", "cancel 2026-12-10")
	latestHome(t, k, "USUE", "No meeting is scheduled.")

	k.Must(officer, "/committee", "member remove <@USUE>")
	latestHome(t, k, "USUE", "You are not a member of any committee. An officer adds members")

	// Refused commands change nothing, and publish nothing.
	k.Server.Settle()
	before := len(k.Slack.Calls("views.publish"))
	k.Must(neil, "/committee", "member add <@UX> Sefton CVS")
	k.Must(neil, "/apologies", "Unwell")
	k.Server.Settle()
	if n := len(k.Slack.Calls("views.publish")) - before; n != 0 {
		t.Errorf("refused commands published %d Homes", n)
	}

	k.Must(officer, "/meeting", "schedule 2026-12-17 10:00 Remote Meeting")
	k.Server.Settle()
	// A reply that waited for a Home to be published would take as long as
	// Slack does; a loaded machine can make one take a second or two.
	const slow = 10 * time.Second
	k.Slack.Fail("views.publish", fakeslack.Fault{Delay: slow})
	start := time.Now()
	wantText(t, k.Must(neil, "/apologies", "Unwell"), "are recorded")
	if took := time.Since(start); took >= slow {
		t.Errorf("the reply took %v while Slack was slow to publish the Home", took)
	}
}

// TestHomeOfficerSeesMinutesWaiting: a decision recorded at the meeting
// refreshes the officer's Home, which then says the minutes are being
// taken, with the commands to read them and to confirm them once the
// meeting has closed.
func TestHomeOfficerSeesMinutesWaiting(t *testing.T) {
	k := decisionsDay(t)
	openHomes(t, k, officer, neil)
	k.Must(officer, "/resolve", "7.7 That the report be noted.")
	latestHome(t, k, officer, "*Minutes and actions*\\nMinutes of Thursday 10 December 2026 being taken at the meeting in progress: `/minutes draft 2026-12-10` to read them, `/minutes approve 2026-12-10` to confirm them once it has closed.")
	if hs := homesOf(k, neil); len(hs) > 0 && strings.Contains(hs[len(hs)-1], "Minutes and actions") {
		t.Errorf("a member's Home shows the officers' minutes and actions:\n%s", hs[len(hs)-1])
	}
}

// openHomes opens users' Home tabs, as they would in Slack: only Homes that
// have been opened are refreshed when records change.
func openHomes(t *testing.T, k *bottest.Kit, users ...string) {
	t.Helper()
	for _, u := range users {
		body, _ := json.Marshal(homeOpened("EvOpen"+u, u))
		if status, reply := k.PostRaw("/slack/events", body, "application/json", bottest.SignJSON(nil)); status != 200 {
			t.Fatalf("opening %s's Home: %d %s", u, status, reply)
		}
	}
	k.Server.Settle()
}

// TestClosedHomesAreNotRefreshed: a change does not publish the Home of
// someone who has never opened theirs; it is built when they first do.
func TestClosedHomesAreNotRefreshed(t *testing.T) {
	k := newCommittee(t)
	k.Must(officer, "/meeting", "schedule 2026-12-10 10:00 Remote Meeting")
	k.Must(neil, "/apologies", "Unwell")
	k.Server.Settle()
	if n := len(k.Slack.Calls("views.publish")); n != 0 {
		t.Errorf("%d Homes published for people who never opened theirs", n)
	}
	openHomes(t, k, neil)
	latestHome(t, k, neil, "You have sent apologies for the next meeting.\\nReason: Unwell")
}

// TestOutboxHomeWaitsForAnotherPublisher: while another publisher (here
// standing in for another replica, or the refresh after a button press)
// holds a person's Home, the outbox's refresh of it waits, and then
// publishes the Home as the records stand.
func TestOutboxHomeWaitsForAnotherPublisher(t *testing.T) {
	k := newCommittee(t)
	k.Must(officer, "/meeting", "schedule 2026-12-10 10:00 Remote Meeting")
	openHomes(t, k, graeme)
	before := len(homesOf(k, graeme))
	held, release := make(chan struct{}), make(chan struct{})
	holder := make(chan error, 1)
	go func() {
		holder <- k.DB.WithHomeLock(context.Background(), bottest.Team, graeme, func() error {
			close(held)
			<-release
			return nil
		})
	}()
	<-held
	k.Must(graeme, "/apologies", "Leave") // marks Graeme's Home stale
	drained := make(chan int, 1)
	go func() { drained <- k.Drain() }()
	time.Sleep(300 * time.Millisecond)
	if n := len(homesOf(k, graeme)); n != before {
		t.Fatalf("the outbox published Graeme's Home %d times while another publisher held it", n-before)
	}
	close(release)
	if err := <-holder; err != nil {
		t.Fatal(err)
	}
	select {
	case <-drained:
	case <-time.After(10 * time.Second):
		t.Fatal("the outbox never went on after the other publisher let go")
	}
	hs := homesOf(k, graeme)
	if len(hs) != before+1 || !strings.Contains(hs[len(hs)-1], "You have sent apologies") {
		t.Fatalf("after the other publisher let go: %d Homes published, the last %q", len(hs)-before, hs[len(hs)-1])
	}
}
