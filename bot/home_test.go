package bot_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/slack-go/slack"

	"github.com/quorumhq/quorum/bot"
	"github.com/quorumhq/quorum/bot/bottest"
	"github.com/quorumhq/quorum/bot/fakeslack"
	"github.com/quorumhq/quorum/commands"
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
		c.Sections = append(c.Sections, commands.Section{Title: "For officers", Text: "2 apologies received for the next meeting."})
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
				Sections:     []commands.Section{{Title: "Your apologies", Text: "You have sent apologies for the next meeting.\nReason: Unwell &lt;!channel&gt;\nSubstitute: <@UGRAEME>"}},
				Buttons:      []commands.Button{{Label: "Withdraw apologies", Action: "apologies.withdraw", Value: "7", Style: "danger"}}},
			sampleCard(2, true),
			{CommitteeID: 3, Title: "Audit Board", Text: "Chair for Sefton Council\nNo meeting is scheduled."},
		}}, "Your apologies for the meeting of *Safer Sefton Together* on Thursday 10 December 2026, 10:00, Remote Meeting are recorded.", bottest.PublicURL},
		{"home-no-public-url", commands.Home{UserID: "UNEIL", Intro: "You are a member of 1 committee.", Cards: []commands.HomeCard{sampleCard(1, false)}}, "", ""},
		{"home-empty", commands.Home{UserID: "UX", Intro: "You are not a member of any committee yet."}, "", bottest.PublicURL},
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
	// Every committee of the 40 is on the Home, in full or in a line.
	raw, _ := json.Marshal(bot.HomeView(many, "", ""))
	for i := range 40 {
		if !strings.Contains(string(raw), fmt.Sprintf("Committee %02d", i+1)) {
			t.Errorf("committee %d is missing from the Home", i+1)
		}
	}
}

// TestHomeOfAMemberOfManyCommittees builds the Home of a member of 40
// committees from the records: the soonest meetings in full, the rest one
// line each, within Slack's 100 blocks.
func TestHomeOfAMemberOfManyCommittees(t *testing.T) {
	k := bottest.New(t)
	k.SetNow(now)
	ctx := context.Background()
	for i := range 40 {
		c, err := k.DB.CreateCommittee(ctx, commands.Committee{Name: fmt.Sprintf("Committee %02d", i+1), TeamID: bottest.Team, ChannelID: fmt.Sprintf("C%02d", i)},
			commands.Member{UserID: officer, Name: "Ian Barton"})
		if err != nil {
			t.Fatal(err)
		}
		if i%4 == 3 {
			continue // no meeting scheduled
		}
		// Committee 40 meets first, committee 1 last.
		starts := time.Date(2026, 12, 1, 10, 0, 0, 0, london).AddDate(0, 0, 40-i)
		if _, err := k.DB.ScheduleMeeting(ctx, commands.Meeting{CommitteeID: c.ID, StartsAt: starts, Venue: "Bootle Town Hall"}, officer); err != nil {
			t.Fatal(err)
		}
	}
	home, err := k.Service.Home(ctx, bottest.Team, officer, now)
	if err != nil {
		t.Fatal(err)
	}
	if len(home.Cards) != commands.MaxHomeCards || len(home.Cards)+len(home.More) != 40 {
		t.Fatalf("%d cards and %d lines, want %d and the rest", len(home.Cards), len(home.More), commands.MaxHomeCards)
	}
	if home.Cards[0].Title != "Committee 39" || !strings.Contains(home.Cards[0].Text, "Thursday 3 December 2026, 10:00, Bootle Town Hall") {
		t.Errorf("first card: %+v, want the soonest meeting first", home.Cards[0])
	}
	if last := home.More[len(home.More)-1]; !strings.Contains(last, "no meeting scheduled") {
		t.Errorf("last line %q, want committees without meetings last", last)
	}
	if !strings.Contains(home.Cards[0].Sections[1].Text, "0 apologies received") {
		t.Errorf("officer's card: %+v", home.Cards[0].Sections)
	}

	opened, _ := json.Marshal(homeOpened("Ev1", officer))
	if status, body := k.PostRaw("/slack/events", opened, "application/json", bottest.SignJSON(nil)); status != 200 {
		t.Fatalf("%d %s", status, body)
	}
	var view struct {
		Blocks []json.RawMessage `json:"blocks"`
	}
	if err := json.Unmarshal([]byte(latestHome(t, k, officer, "Your other committees")), &view); err != nil {
		t.Fatal(err)
	}
	if n := len(view.Blocks); n > 100 || n < 20 {
		t.Errorf("the Home has %d blocks; want the cards and a summary, within Slack's 100", n)
	}
}

// TestHomeRefreshesWhenRecordsChange: a change to what a Home shows
// re-publishes the Home of the person it concerns, in the background, and a
// slow Slack never delays the reply.
func TestHomeRefreshesWhenRecordsChange(t *testing.T) {
	k := newCommittee(t)
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
	latestHome(t, k, "USUE", "You are not a member of any committee yet.")

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
	k.Slack.Fail("views.publish", fakeslack.Fault{Delay: 3 * time.Second})
	start := time.Now()
	wantText(t, k.Must(neil, "/apologies", "Unwell"), "are recorded")
	if took := time.Since(start); took > time.Second {
		t.Errorf("the reply took %v while Slack was slow to publish the Home", took)
	}
}
