package commands_test

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/quorumhq/quorum/commands"
	"github.com/quorumhq/quorum/storage"
	"github.com/quorumhq/quorum/storage/pgtest"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

var london, _ = time.LoadLocation("Europe/London")

var now = time.Date(2026, 11, 23, 12, 0, 0, 0, london)

// committee sets up Safer Sefton Together with an officer, Neil, and a
// meeting on 10 December 2026; it returns the service and the meeting.
func committee(t *testing.T) (*commands.Service, *storage.DB, commands.Meeting) {
	t.Helper()
	db := pgtest.New(t)
	ctx := context.Background()
	c, err := db.CreateCommittee(ctx, commands.Committee{Name: "Safer Sefton Together", TeamID: "T1", ChannelID: "C1"}, commands.Member{UserID: "UIAN", Name: "Ian Barton"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.PutMember(ctx, commands.Member{CommitteeID: c.ID, UserID: "UNEIL", Name: "Neil Frackelton", Organisation: "SWACA", Role: commands.RoleMember}, "UIAN"); err != nil {
		t.Fatal(err)
	}
	m, err := db.ScheduleMeeting(ctx, commands.Meeting{CommitteeID: c.ID, StartsAt: time.Date(2026, 12, 10, 10, 0, 0, 0, london), Venue: "Remote Meeting"}, "UIAN")
	if err != nil {
		t.Fatal(err)
	}
	return commands.New(db, nil), db, m
}

// homeRequest is a press on the Home tab: no channel.
func homeRequest(user string) commands.Request {
	return commands.Request{TeamID: "T1", UserID: user, Now: now}
}

func reasons(t *testing.T, db *storage.DB, m commands.Meeting) []string {
	t.Helper()
	as, err := db.Apologies(context.Background(), m.ID)
	if err != nil {
		t.Fatal(err)
	}
	out := []string{}
	for _, a := range as {
		out = append(out, a.Name+": "+a.Reason)
	}
	return out
}

func TestSendNextApologyAction(t *testing.T) {
	svc, db, m := committee(t)
	ctx := context.Background()
	id := strconv.FormatInt(m.ID, 10)
	for _, u := range []string{"UNEIL", "UIAN", "USUE"} {
		if err := db.HomeOpened(ctx, "T1", u, now, ""); err != nil {
			t.Fatal(err)
		}
	}

	r, err := svc.Act(ctx, homeRequest("UNEIL"), "apologies.send_next", id)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(r.Text, "are recorded") {
		t.Errorf("reply = %+v", r)
	}
	// Neil's Home is to be published again, and the officer's, which
	// counts apologies; not Sue's.
	if diff := cmp.Diff(staleHomes(t, db), []string{"UIAN", "UNEIL"}); diff != "" {
		t.Errorf("Homes marked stale (-got +want):\n%s", diff)
	}
	if diff := cmp.Diff(reasons(t, db, m), []string{"Neil Frackelton: "}); diff != "" {
		t.Errorf("apologies (-got +want):\n%s", diff)
	}

	// Pressing again after giving a reason keeps the reason.
	if _, err := svc.Run(ctx, commands.Request{Command: "/apologies", Text: "Unwell", TeamID: "T1", ChannelID: "C1", UserID: "UNEIL", Now: now}); err != nil {
		t.Fatal(err)
	}
	r, err = svc.Act(ctx, homeRequest("UNEIL"), "apologies.send_next", id)
	if err != nil || !strings.Contains(r.Text, "nothing changed") {
		t.Errorf("second press: %+v %v", r, err)
	}
	if diff := cmp.Diff(reasons(t, db, m), []string{"Neil Frackelton: Unwell"}); diff != "" {
		t.Errorf("apologies (-got +want):\n%s", diff)
	}

	// Withdrawing works from the Home too, where there is no channel.
	settleHomes(t, db)
	r, err = svc.Act(ctx, homeRequest("UNEIL"), "apologies.withdraw", id)
	if err != nil || !strings.Contains(r.Text, "are withdrawn") {
		t.Errorf("withdraw: %+v %v", r, err)
	}
	if diff := cmp.Diff(staleHomes(t, db), []string{"UIAN", "UNEIL"}); diff != "" {
		t.Errorf("Homes marked stale by the withdrawal (-got +want):\n%s", diff)
	}

	for _, tc := range []struct {
		name, user, value, want string
		now                     time.Time
	}{
		{"not a member", "USTRANGER", id, "not a member", now},
		{"broken value", "UNEIL", "x", "button is broken", now},
		{"no such meeting", "UNEIL", "99999", "no longer exists", now},
		{"meeting over", "UNEIL", id, "already taken place", time.Date(2026, 12, 10, 11, 0, 0, 0, london)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			settleHomes(t, db)
			req := homeRequest(tc.user)
			req.Now = tc.now
			r, err := svc.Act(ctx, req, "apologies.send_next", tc.value)
			if err != nil || !strings.Contains(r.Text, tc.want) {
				t.Errorf("reply = %+v, %v; want %q", r, err, tc.want)
			}
			if got := staleHomes(t, db); len(got) > 0 {
				t.Errorf("a refused press marked Homes stale: %v", got)
			}
		})
	}
	if got := reasons(t, db, m); len(got) != 0 {
		t.Errorf("refused presses saved %q", got)
	}
}

func TestApologyForm(t *testing.T) {
	svc, db, m := committee(t)
	ctx := context.Background()
	c, _ := db.CommitteeByChannel(ctx, "T1", "C1")
	form := commands.ApologyForm(c, m)
	if form.ID != commands.ApologyFormID || form.Fields[0].ID != "reason" || !strings.Contains(form.Fields[0].Hint, "Thursday 10 December 2026, 10:00") {
		t.Errorf("form = %+v", form)
	}
	sub := func(reason string) commands.Submission {
		return commands.Submission{Form: form.ID, Metadata: form.Metadata, Values: map[string][]string{"reason": {reason}}}
	}
	_, errs, err := svc.Submit(ctx, homeRequest("UNEIL"), sub(strings.Repeat("x", commands.MaxReasonLen+1)))
	if err != nil || !strings.Contains(errs["reason"], "too long") {
		t.Errorf("long reason: %v %v", errs, err)
	}
	_, errs, err = svc.Submit(ctx, homeRequest("USTRANGER"), sub("Away"))
	if err != nil || !strings.Contains(errs["reason"], "not a member") {
		t.Errorf("stranger: %v %v", errs, err)
	}
	r, errs, err := svc.Submit(ctx, homeRequest("UNEIL"), sub("  Attending court "))
	if err != nil || len(errs) > 0 || !strings.Contains(r.Text, "Reason: Attending court") {
		t.Errorf("good submission: %+v %v %v", r, errs, err)
	}
	if diff := cmp.Diff(reasons(t, db, m), []string{"Neil Frackelton: Attending court"}); diff != "" {
		t.Errorf("apologies (-got +want):\n%s", diff)
	}
}

func TestHome(t *testing.T) {
	svc, _, m := committee(t)
	ctx := context.Background()
	if _, err := svc.Run(ctx, commands.Request{Command: "/apologies", Text: "Unwell sub Graeme Robson", TeamID: "T1", ChannelID: "C1", UserID: "UNEIL", Now: now}); err != nil {
		t.Fatal(err)
	}
	h, err := svc.Home(ctx, "T1", "UNEIL", now)
	if err != nil {
		t.Fatal(err)
	}
	want := commands.Home{UserID: "UNEIL", Intro: "You are a member of 1 committee.", Cards: []commands.HomeCard{{
		CommitteeID: m.CommitteeID, Title: "Safer Sefton Together",
		Text:         "Member for SWACA\nNext meeting: Thursday 10 December 2026, 10:00, Remote Meeting",
		CalendarPath: "/calendar/" + strconv.FormatInt(m.CommitteeID, 10) + "-safer-sefton-together.ics",
		Sections:     []commands.Section{{Title: "Your apologies", Text: "You have sent apologies for the next meeting.\nReason: Unwell\nSubstitute: Graeme Robson"}},
		Buttons:      []commands.Button{{Label: "Withdraw apologies", Action: "apologies.withdraw", Value: strconv.FormatInt(m.ID, 10), Style: "danger"}},
		Summary:      "*Safer Sefton Together* — Thursday 10 December 2026, 10:00 (apologies sent)",
	}}}
	if diff := cmp.Diff(h, want); diff != "" {
		t.Errorf("Neil's Home (-got +want):\n%s", diff)
	}

	h, err = svc.Home(ctx, "T1", "UIAN", now)
	if err != nil {
		t.Fatal(err)
	}
	card := h.Cards[0]
	if !strings.HasPrefix(card.Text, "Officer\n") || len(card.Sections) != 2 || card.Sections[1].Title != "For officers" ||
		card.Sections[1].Text != "1 apology received for the next meeting (`/apologies list` in the channel).\n"+
			"The agenda has no items yet: `/agenda add` or `/agenda import` in the channel.\n"+
			"Agenda not posted yet: `/agenda post` in the channel posts it." {
		t.Errorf("officer's card = %+v", card)
	}
	if card.Buttons[0].Action != "apologies.send_next" {
		t.Errorf("officer's buttons = %+v", card.Buttons)
	}

	h, err = svc.Home(ctx, "T1", "USTRANGER", now)
	if err != nil || len(h.Cards) != 0 || !strings.Contains(h.Intro, "not a member of any committee") {
		t.Errorf("stranger's Home = %+v %v", h, err)
	}
	// Another workspace's committees are not shown.
	if h, _ := svc.Home(ctx, "T2", "UNEIL", now); len(h.Cards) != 0 {
		t.Errorf("Home in another team = %+v", h)
	}
}

// section is the text of the section titled title on user's first card,
// or "" when there is none.
func section(t *testing.T, svc *commands.Service, user, title string) string {
	t.Helper()
	h, err := svc.Home(context.Background(), "T1", user, now)
	if err != nil {
		t.Fatal(err)
	}
	if len(h.Cards) == 0 {
		t.Fatalf("%s's Home has no cards: %+v", user, h)
	}
	for _, sec := range h.Cards[0].Sections {
		if sec.Title == title {
			return sec.Text
		}
	}
	return ""
}

func homeButtons(t *testing.T, svc *commands.Service, user string) []commands.Button {
	t.Helper()
	h, err := svc.Home(context.Background(), "T1", user, now)
	if err != nil || len(h.Cards) == 0 {
		t.Fatalf("%s's Home: %+v %v", user, h, err)
	}
	return h.Cards[0].Buttons
}

// TestHomeDeclarationsAndReports: the Home shows a member's declarations
// and the reports they owe, and an officer what the meeting still lacks;
// each changes as the records do, and the replies that change them ask
// for the Homes concerned to be refreshed.
func TestHomeDeclarationsAndReports(t *testing.T) {
	svc, db, m := committee(t)
	ctx := context.Background()
	for _, u := range []string{"UNEIL", "UIAN"} {
		if err := db.HomeOpened(ctx, "T1", u, now, ""); err != nil {
			t.Fatal(err)
		}
	}
	marks := func(what string, want ...string) {
		t.Helper()
		if diff := cmp.Diff(staleHomes(t, db), want); diff != "" {
			t.Errorf("%s marks Homes stale (-got +want):\n%s", what, diff)
		}
		settleHomes(t, db)
	}
	run := func(user, command, text string) commands.Reply {
		t.Helper()
		r, err := svc.Run(ctx, commands.Request{Command: command, Text: text, TeamID: "T1", ChannelID: "C1", UserID: user, Now: now})
		if err != nil {
			t.Fatal(err)
		}
		if r.Refused {
			t.Fatalf("%s %s refused: %s", command, text, r.Text)
		}
		return r
	}
	run("UIAN", "/agenda", "add 7.5 SWACA — Neil Frackelton (SWACA)")
	marks("/agenda add", "UIAN", "UNEIL")
	run("UIAN", "/agenda", "add 6 Local Policing Update — Superintendent Graeme Robson")

	if got := section(t, svc, "UNEIL", "Your declarations"); got != "" {
		t.Errorf("declarations before any: %q", got)
	}
	if got, want := section(t, svc, "UNEIL", "Reports you owe"), "• Report owed for item 7.5 (SWACA)\nSend each report's link with `/report 7.5 URL` in <#C1>."; got != want {
		t.Errorf("reports owed = %q, want %q", got, want)
	}
	if got := section(t, svc, "UIAN", "Reports you owe"); got != "" {
		t.Errorf("the officer presents nothing but owes %q", got)
	}
	officer := section(t, svc, "UIAN", "For officers")
	for _, want := range []string{"2 reports missing (`/report missing` in the channel):", "• Item 6 (Local Policing Update) — _Superintendent Graeme Robson_",
		"• Item 7.5 (SWACA) — _Neil Frackelton (SWACA)_", "Agenda not posted yet: `/agenda post` in the channel posts it."} {
		if !strings.Contains(officer, want) {
			t.Errorf("officer's section lacks %q:\n%s", want, officer)
		}
	}

	// A declaration, as Slack sends the text (with its escapes).
	run("UNEIL", "/declare", "7.5 pecuniary Paid adviser to SWACA &lt;!channel&gt;")
	marks("/declare", "UIAN", "UNEIL") // officers see declarations in the agenda they keep
	want := "• Item 7.5 (SWACA): Disclosable pecuniary interest — Paid adviser to SWACA &lt;!channel&gt; _(you must leave the room for this item unless you hold a dispensation)_"
	if got := section(t, svc, "UNEIL", "Your declarations"); got != want {
		t.Errorf("declarations = %q, want %q", got, want)
	}
	withdraw := commands.Button{Label: "Withdraw declaration 7.5", Action: "declare.withdraw", Value: strconv.FormatInt(m.ID, 10) + ":7.5:", Style: "danger"}
	if bs := homeButtons(t, svc, "UNEIL"); len(bs) != 2 || bs[1].Label != withdraw.Label || !strings.HasPrefix(bs[1].Value, withdraw.Value) {
		t.Errorf("buttons = %+v, want Send apologies and %+v", bs, withdraw)
	}

	// More declarations than fit: the first five, a count, and a Withdraw
	// button for each shown, which withdraws that declaration alone.
	for i := range 6 {
		run("UNEIL", "/declare", fmt.Sprintf("7.5 personal Interest %d", i))
	}
	lines := strings.Split(section(t, svc, "UNEIL", "Your declarations"), "\n")
	if len(lines) != 6 || lines[5] != "… and 2 more: `/declare list` in the channel shows them all." {
		t.Errorf("many declarations: %q", lines)
	}
	if bs := homeButtons(t, svc, "UNEIL"); len(bs) != 6 {
		t.Errorf("buttons = %+v, want Send apologies and five Withdraws", bs)
	}

	// The report: owed no more, and no longer missing for the officer.
	settleHomes(t, db)
	run("UNEIL", "/report", "7.5 <https://example.org/swaca.pdf> SWACA perspective")
	marks("/report", "UIAN", "UNEIL")
	if got := section(t, svc, "UNEIL", "Reports you owe"); got != "" {
		t.Errorf("reports owed after /report: %q", got)
	}
	officer = section(t, svc, "UIAN", "For officers")
	if !strings.Contains(officer, "1 report missing") || strings.Contains(officer, "7.5") {
		t.Errorf("officer's section after /report:\n%s", officer)
	}
	run("UNEIL", "/report", "remove 7.5")
	if got := section(t, svc, "UNEIL", "Reports you owe"); !strings.Contains(got, "Report owed for item 7.5") {
		t.Errorf("reports owed after /report remove: %q", got)
	}

	// Withdrawing from the Home tab: no channel.
	settleHomes(t, db)
	r, err := svc.Act(ctx, homeRequest("UNEIL"), withdraw.Action, withdraw.Value+"0")
	if err != nil || !strings.Contains(r.Text, "Your declarations in Item 7.5 (SWACA) are withdrawn") {
		t.Errorf("withdraw on the Home: %+v %v", r, err)
	}
	marks("withdrawing on the Home", "UIAN", "UNEIL")
	if got := section(t, svc, "UNEIL", "Your declarations"); got != "" {
		t.Errorf("declarations after withdrawing: %q", got)
	}
	if r, _ := svc.Act(ctx, homeRequest("USTRANGER"), withdraw.Action, withdraw.Value+"0"); !strings.Contains(r.Text, "not a member") {
		t.Errorf("a stranger's press: %+v", r)
	}

	// Posting the agenda.
	settleHomes(t, db)
	run("UIAN", "/agenda", "post")
	marks("/agenda post", "UIAN")
	if officer := section(t, svc, "UIAN", "For officers"); !strings.Contains(officer, "Agenda posted in the channel.") {
		t.Errorf("officer's section after /agenda post:\n%s", officer)
	}
}

// staleHomes lists the people whose Homes are queued for publishing again.
func staleHomes(t *testing.T, db *storage.DB) []string {
	t.Helper()
	rows, err := db.SQL().Query(`SELECT user_id FROM outbox WHERE kind = 'home' AND state = 'pending' ORDER BY user_id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var u string
		if err := rows.Scan(&u); err != nil {
			t.Fatal(err)
		}
		out = append(out, u)
	}
	return out
}

// settleHomes marks the Homes queued for publishing as published, as the
// outbox worker would.
func settleHomes(t *testing.T, db *storage.DB) {
	t.Helper()
	if _, err := db.SQL().Exec(`UPDATE outbox SET state = 'sent' WHERE kind = 'home' AND state = 'pending'`); err != nil {
		t.Fatal(err)
	}
}
