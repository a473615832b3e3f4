package commands_test

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/quorumhq/quorum/commands"
)

func TestHome(t *testing.T) {
	k := meetingKit(t)
	svc, m, ctx := k.svc, k.next(), context.Background()
	k.must(neil, "/apologies Unwell sub Graeme Robson")
	h, err := svc.Home(ctx, "T1", "UNEIL", now)
	if err != nil {
		t.Fatal(err)
	}
	// The latest changes are listed at the times their commands were given.
	if n := len(h.Cards[0].Sections); n != 2 || h.Cards[0].Sections[1].Title != "Your latest changes" ||
		!strings.Contains(h.Cards[0].Sections[1].Text, " — sent apologies: Unwell; substitute: Graeme Robson (meeting on 10 Dec 2026)") {
		t.Errorf("Neil's latest changes: %+v", h.Cards[0].Sections)
	} else {
		h.Cards[0].Sections = h.Cards[0].Sections[:1]
	}
	want := commands.Home{UserID: "UNEIL", Intro: "You are a member of 1 committee.", Cards: []commands.HomeCard{{
		CommitteeID: m.CommitteeID, Title: "Safer Sefton Together",
		Text:         "Member for SWACA\nNext meeting: Thursday 10 December 2026, 10:00, Remote Meeting",
		CalendarPath: "/calendar/" + k.committee().CalendarToken + "-safer-sefton-together.ics",
		Sections:     []commands.Section{{Title: "Your apologies", Text: "You have sent apologies for the next meeting.\nReason: Unwell\nSubstitute: <@UGRAEME> — a member in their own right, who attends as themselves and cannot also stand in for you"}},
		Buttons:      []commands.Button{{Label: "Withdraw apologies", Action: "apologies.withdraw", Value: strconv.FormatInt(m.ID, 10) + "@" + strconv.FormatInt(m.StartsAt.Unix(), 10), Style: "danger"}},
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
			"Every item with a presenter has its report.\n"+
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

// TestHomeOfACommitteeJustSetUp: the officer of a committee with no
// meeting yet is shown how to schedule one, rather than a card that says
// only that none is; a member, who cannot, is not told to.
func TestHomeOfACommitteeJustSetUp(t *testing.T) {
	k := committeeKit(t)
	if got := homeAt(t, k, ian).Cards[0].Text; got != "Officer\nNo meeting is scheduled. `/meeting schedule DATE TIME [VENUE]` in the channel schedules one." {
		t.Errorf("the officer's card: %q", got)
	}
	if got := homeAt(t, k, neil).Cards[0].Text; got != "Member for SWACA\nNo meeting is scheduled." {
		t.Errorf("a member's card: %q", got)
	}
}

// TestHomeReportsOwedUnderAMisprint: an agenda that misprints a
// presenter's name by a letter, as the published pack does ("Neil
// Frackleton (SWACA)"), still tells them of the report they owe when it
// names their organisation; not when it names another, nor a name two
// slips away.
func TestHomeReportsOwedUnderAMisprint(t *testing.T) {
	k := meetingKit(t)
	k.must(ian, "/committee member add <@USUE> Sefton CVS")
	k.must(ian, "/agenda add 7.5 SWACA — Neil Frackleton (SWACA)")
	k.must(ian, "/agenda add 7.6 Merseyside Police — Supt Graeme Robsen, Merseyside Police")
	k.must(ian, "/agenda add 7.7 Sefton CVS — Neil Frackleton (Sefton CVS)")
	k.must(ian, "/agenda add 7.8 Sefton CVS — Sue Holdan and Sue Holdenn (Sefton CVS)")
	k.must(ian, "/agenda add 7.9 Sefton CVS — Sue Hodlan (Sefton CVS)")
	// Titled with the organisation, as partner reports are, the item
	// names it without brackets.
	k.must(ian, "/agenda add 7.10 Merseyside Police — Graeme Robsen")
	for _, c := range []struct{ user, want string }{
		{"UNEIL", "• Report owed for item 7.5 (SWACA)\nSend each report's link with `/report 7.5 URL` in <#C1>."},
		{"UGRAEME", "• Report owed for item 7.6 (Merseyside Police)\n• Report owed for item 7.10 (Merseyside Police)\n"},
		{"USUE", "• Report owed for item 7.8 (Sefton CVS)\nSend each report's link with `/report 7.8 URL` in <#C1>."},
	} {
		if got := section(t, k.svc, c.user, "Reports you owe"); !strings.HasPrefix(got, c.want) {
			t.Errorf("%s owes %q, want %q", c.user, got, c.want)
		}
	}
}

// TestHomeReportsOwedNotToANearName: a presenter printed exactly as one
// member's name is theirs, not another member's whose name is a letter
// away; a misprint is the member's it is closest to.
func TestHomeReportsOwedNotToANearName(t *testing.T) {
	k := meetingKit(t)
	k.svc = commands.New(k.db, people{ian: "Ian Barton", "UJSMITH": "John Smith", "UJSMYTH": "John Smyth"})
	k.must(ian, "/committee member add <@UJSMITH> SWACA")
	k.must(ian, "/committee member add <@UJSMYTH> SWACA")
	k.must(ian, "/agenda add 7.5 SWACA — John Smyth (SWACA)")
	k.must(ian, "/agenda add 7.6 SWACA funding — John Smiht (SWACA)")
	for user, want := range map[string]string{"UJSMYTH": "• Report owed for item 7.5 (SWACA)\nSend", "UJSMITH": "• Report owed for item 7.6 (SWACA funding)\nSend"} {
		if got := section(t, k.svc, user, "Reports you owe"); !strings.HasPrefix(got, want) {
			t.Errorf("%s owes %q, want %q", user, got, want)
		}
	}
}

// TestHomeDeclarationsAndReports: the Home shows a member's declarations
// and the reports they owe, and an officer what the meeting still lacks;
// each changes as the records do, and the replies that change them ask
// for the Homes concerned to be refreshed.
func TestHomeDeclarationsAndReports(t *testing.T) {
	k := meetingKit(t)
	svc, m, ctx := k.svc, k.next(), context.Background()
	run := func(user, command, text string) commands.Reply {
		t.Helper()
		return k.must(user, command+" "+text)
	}
	k.marked()
	run("UIAN", "/agenda", "add 7.5 SWACA — Neil Frackelton (SWACA)")
	if diff := cmp.Diff(k.marked(), []string{"UGRAEME", "UIAN", "UNEIL"}); diff != "" {
		t.Errorf("/agenda add refreshes (-got +want):\n%s", diff)
	}
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
	k.marked()
	run("UNEIL", "/declare", "7.5 pecuniary Paid adviser to SWACA &lt;!channel&gt;")
	if diff := cmp.Diff(k.marked(), []string{"UIAN", "UNEIL"}); diff != "" {
		t.Errorf("/declare refreshes (-got +want):\n%s", diff)
	}
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
	k.marked()
	run("UNEIL", "/report", "7.5 <https://example.org/swaca.pdf> SWACA perspective")
	if diff := cmp.Diff(k.marked(), []string{"UIAN", "UNEIL"}); diff != "" {
		t.Errorf("/report refreshes (-got +want):\n%s", diff)
	}
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
	k.marked()
	r, err := svc.Act(ctx, k.home(neil), withdraw.Action, withdraw.Value+"0")
	if err != nil || !strings.Contains(r.Text, "Your declarations in Item 7.5 (SWACA) are withdrawn") || !cmp.Equal(k.marked(), []string{"UIAN", "UNEIL"}) {
		t.Errorf("withdraw on the Home: %+v %v", r, err)
	}
	if got := section(t, svc, "UNEIL", "Your declarations"); got != "" {
		t.Errorf("declarations after withdrawing: %q", got)
	}
	if r, _ := svc.Act(ctx, k.home(stranger), withdraw.Action, withdraw.Value+"0"); !strings.Contains(r.Text, "not a member") {
		t.Errorf("a stranger's press: %+v", r)
	}

	// Posting the agenda.
	k.marked()
	run("UIAN", "/agenda", "post")
	if got := k.marked(); !slices.Contains(got, "UIAN") {
		t.Errorf("/agenda post refreshes %v", got)
	}
	if officer := section(t, svc, "UIAN", "For officers"); !strings.Contains(officer, "Agenda posted in the channel.") {
		t.Errorf("officer's section after /agenda post:\n%s", officer)
	}
}

// TestHomeOfAMemberOfManyCommittees builds the Home of a member of 40
// committees from the records: the soonest meetings in full, the rest one
// line each, committees with no meeting last.
func TestHomeOfAMemberOfManyCommittees(t *testing.T) {
	k := newKit(t)
	ctx := context.Background()
	for i := range 40 {
		c, err := k.db.CreateCommittee(ctx, commands.Committee{Name: fmt.Sprintf("Committee %02d", i+1), TeamID: team, ChannelID: fmt.Sprintf("C%02d", i)},
			commands.Member{UserID: ian, Name: "Ian Barton"})
		if err != nil {
			t.Fatal(err)
		}
		if i%4 == 3 {
			continue // no meeting scheduled
		}
		// Committee 40 meets first, committee 1 last.
		starts := time.Date(2026, 12, 1, 10, 0, 0, 0, london).AddDate(0, 0, 40-i)
		if _, err := k.db.ScheduleMeeting(ctx, commands.Meeting{CommitteeID: c.ID, StartsAt: starts, Venue: "Bootle Town Hall"}, ian); err != nil {
			t.Fatal(err)
		}
	}
	home, err := k.svc.Home(ctx, team, ian, now)
	if err != nil {
		t.Fatal(err)
	}
	if home.Intro != "You are a member of 40 committees." || len(home.Cards) != commands.MaxHomeCards || len(home.Cards)+len(home.More) != 40 {
		t.Fatalf("%q, %d cards and %d lines, want %d and the rest", home.Intro, len(home.Cards), len(home.More), commands.MaxHomeCards)
	}
	if home.Cards[0].Title != "Committee 39" || !strings.Contains(home.Cards[0].Text, "Thursday 3 December 2026, 10:00, Bootle Town Hall") {
		t.Errorf("first card: %+v, want the soonest meeting first", home.Cards[0])
	}
	if diff := cmp.Diff(home.More[0], "*Committee 26* — Wednesday 16 December 2026, 10:00"); diff != "" {
		t.Errorf("first line (-got +want):\n%s", diff)
	}
	if diff := cmp.Diff(home.More[len(home.More)-1], "*Committee 40* — no meeting scheduled"); diff != "" {
		t.Errorf("last line (-got +want):\n%s", diff)
	}
	if !strings.Contains(home.Cards[0].Sections[1].Text, "0 apologies received") {
		t.Errorf("officer's card: %+v", home.Cards[0].Sections)
	}
}

// TestHomeOfficerMinutesAndActions: an officer's Home says which meetings'
// minutes are drafted and not yet confirmed, with the commands to read and
// confirm them, and how many of the committee's actions are outstanding,
// the oldest overdue first; a member's says neither. Writing minutes and
// confirming them refresh the officers' Homes.
func TestHomeOfficerMinutesAndActions(t *testing.T) {
	k, _ := actDay(t)
	k.marked()
	k.must(ian, "/minute 6 The Board heard the policing update.")
	if got := k.marked(); !slices.Contains(got, ian) {
		t.Errorf("writing a minute marked %v, not the officer's Home", got)
	}
	for i, due := range []string{"2026-12-20", "2026-12-12", "2026-12-14", "2026-12-16", "2026-12-18", "2026-12-15", "2027-02-01"} {
		k.must(ian, fmt.Sprintf("/action add 9 <@UNEIL> %s Task %d", due, i+1))
	}
	k.must(sue, "/meeting close")
	k.now = time.Date(2026, 12, 19, 9, 0, 0, 0, london)

	home := func(user string) string {
		t.Helper()
		h, err := k.svc.Home(context.Background(), team, user, k.now)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range h.Cards[0].Sections {
			if s.Title == "Minutes and actions" {
				return s.Text
			}
		}
		return ""
	}
	want := "Minutes of Thursday 10 December 2026 drafted, not yet confirmed: `/minutes draft 2026-12-10` to read them, `/minutes approve 2026-12-10` to confirm them by correspondence.\n" +
		"7 outstanding actions (`/action list` in the channel); 5 overdue, the oldest first:\n" +
		"• 2. Task 2 — <@UNEIL>, due Saturday 12 December 2026 (minute 9, Thursday 10 December 2026) — *overdue*\n" +
		"• 3. Task 3 — <@UNEIL>, due Monday 14 December 2026 (minute 9, Thursday 10 December 2026) — *overdue*\n" +
		"• 6. Task 6 — <@UNEIL>, due Tuesday 15 December 2026 (minute 9, Thursday 10 December 2026) — *overdue*\n" +
		"• 4. Task 4 — <@UNEIL>, due Wednesday 16 December 2026 (minute 9, Thursday 10 December 2026) — *overdue*\n" +
		"• 5. Task 5 — <@UNEIL>, due Friday 18 December 2026 (minute 9, Thursday 10 December 2026) — *overdue*"
	if diff := cmp.Diff(home(ian), want); diff != "" {
		t.Errorf("the officer's Home (-got +want):\n%s", diff)
	}
	if got := home(neil); got != "" {
		t.Errorf("a member's Home shows the officers' minutes and actions:\n%s", got)
	}

	// More overdue than shown are counted, with where to see them all.
	k.now = time.Date(2027, 1, 5, 9, 0, 0, 0, london)
	wantShown(t, home(ian), "7 outstanding actions (`/action list` in the channel); 6 overdue, the oldest first:\n",
		"• 2. Task 2", "… and 1 more: `/action list overdue` in the channel lists them all.")

	// A correction a member proposes is counted, until an amendment
	// follows it.
	k.marked()
	k.must(neil, "/minutes comment 9 The figures go to partners.")
	if got := k.marked(); !slices.Contains(got, ian) {
		t.Errorf("a correction proposed marked %v, not the officer's Home", got)
	}
	wantShown(t, home(ian), "`/minutes approve 2026-12-10` to confirm them by correspondence. 1 correction proposed by members that no amendment has followed.")
	k.must(ian, "/minutes amend 9 RESOLVED: That the report be noted and the figures go to partners.")
	if got := home(ian); strings.Contains(got, "correction") {
		t.Errorf("the officer's Home counts a correction an amendment followed:\n%s", got)
	}

	// Confirmed, the minutes are no longer waiting.
	for _, n := range []string{"4", "5", "7", "7.5"} {
		k.must(ian, "/minute 2026-12-10 "+n+" The item was deferred.")
	}
	k.marked()
	k.must(ian, "/minutes approve 2026-12-10")
	if got := k.marked(); !slices.Contains(got, ian) {
		t.Errorf("confirming the minutes marked %v, not the officer's Home", got)
	}
	if got := home(ian); strings.Contains(got, "Minutes of") {
		t.Errorf("confirmed minutes are still shown as waiting:\n%s", got)
	}
	// With nothing waiting and nothing outstanding, the section is not shown.
	for i := 1; i <= 7; i++ {
		k.must(ian, fmt.Sprintf("/action done %d", i))
	}
	if got := home(ian); got != "" {
		t.Errorf("with nothing waiting, the officer's Home shows:\n%s", got)
	}
}

// TestHomeOfficerActionsCountedBeyondAList: with more outstanding actions
// than a list reads (MaxActionsListed), the officer's Home still gives how
// many are outstanding and how many overdue, counted, not the length of
// the list read, nor "at least"; actions done are not counted.
func TestHomeOfficerActionsCountedBeyondAList(t *testing.T) {
	k, _ := actDay(t)
	k.must(ian, "/action add 9 <@UNEIL> 2027-02-01 Circulate the figures")
	k.must(sue, "/meeting close")
	// So many actions are added at once, as a long set of minutes
	// imported would: 240 overdue by the day below, 20 not, 5 done.
	for _, q := range []string{
		`SELECT 240, '2026-12-11'::date + g % 20, 'open' FROM generate_series(1, 240) g`,
		`SELECT 20, '2027-03-01'::date + g, 'open' FROM generate_series(1, 20) g`,
		`SELECT 5, '2026-12-12'::date, 'done' FROM generate_series(1, 5) g`,
	} {
		if _, err := k.db.SQL().Exec(`INSERT INTO actions (committee_id, meeting_id, minute_id, minute_number, owner_user, owner_name, due_on, body, status, created_by)
			SELECT a.committee_id, a.meeting_id, a.minute_id, a.minute_number, a.owner_user, a.owner_name, n.due, 'Bulk task', n.status, a.created_by
			FROM actions a, (` + q + `) AS n(count, due, status) WHERE a.id = 1`); err != nil {
			t.Fatal(err)
		}
	}
	k.now = time.Date(2027, 1, 5, 9, 0, 0, 0, london)
	h, err := k.svc.Home(context.Background(), team, ian, k.now)
	if err != nil {
		t.Fatal(err)
	}
	var got string
	for _, s := range h.Cards[0].Sections {
		if s.Title == "Minutes and actions" {
			got = s.Text
		}
	}
	wantShown(t, got, "261 outstanding actions (`/action list` in the channel); 240 overdue, the oldest first:\n",
		fmt.Sprintf("… and %d more: `/action list overdue` in the channel lists them all, %d a page.", 240-5, commands.MaxActionsListed))
	if strings.Contains(got, "At least") {
		t.Errorf("the Home says \"at least\" of a number it can count:\n%s", got)
	}
}

// TestHomeGifts: a member's Home lists the gifts and hospitality they have
// registered, the latest received first, and no one else's; a gift
// removed from the register leaves the Home, and a long list is counted
// with the command that shows it all.
func TestHomeGifts(t *testing.T) {
	k := meetingKit(t)
	if got := section(t, k.svc, neil, "Your gifts and hospitality"); got != "" {
		t.Errorf("Neil's Home lists gifts before he registered any:\n%s", got)
	}
	k.marked()
	dinner := intrEntryID(t, k.must(neil, "/interests gift 2026-11-03 £75 Dinner from Sefton CVS"))
	if !slices.Contains(k.marked(), neil) {
		t.Error("registering a gift does not mark the member's Home")
	}
	lunch := intrEntryID(t, k.must(ian, "/interests gift <@UNEIL> 2026-11-10 £40 Lunch from Merseyside Police"))
	k.must(graeme, "/interests gift 2026-11-05 £60 Tickets from Everton FC")
	k.must(neil, "/interests add other Trustee of SWACA")
	got := section(t, k.svc, neil, "Your gifts and hospitality")
	want := fmt.Sprintf("• #%d Lunch from Merseyside Police — £40, received Tuesday 10 November 2026 _(entered by <@UIAN>)_\n", lunch) +
		fmt.Sprintf("• #%d Dinner from Sefton CVS — £75, received Tuesday 3 November 2026\n", dinner) +
		"`/interests` in the channel shows your register; `/interests gift DATE VALUE DESCRIPTION` registers another."
	if diff := cmp.Diff(got, want); diff != "" {
		t.Errorf("Neil's gifts on his Home (-got +want):\n%s", diff)
	}
	if got := section(t, k.svc, graeme, "Your gifts and hospitality"); strings.Contains(got, "Dinner") || !strings.Contains(got, "Tickets from Everton FC") {
		t.Errorf("Graeme's gifts on his Home:\n%s", got)
	}

	k.must(neil, fmt.Sprintf("/interests remove %d", lunch))
	if got := section(t, k.svc, neil, "Your gifts and hospitality"); strings.Contains(got, "Lunch") || !strings.Contains(got, "Dinner") {
		t.Errorf("Neil's gifts after the lunch was removed:\n%s", got)
	}

	for day := 11; day <= 16; day++ {
		k.must(neil, fmt.Sprintf("/interests gift 2026-11-%d £55 Gift %d", day, day))
	}
	got = section(t, k.svc, neil, "Your gifts and hospitality")
	wantShown(t, got, "Gift 16", "… and 2 more: `/interests` in the channel shows them all.")
	if strings.Contains(got, "Dinner") {
		t.Errorf("the oldest gift is shown before the latest:\n%s", got)
	}
}

// TestHomeSaysWhoEnteredForThem: apologies and a declaration an officer
// entered for a member are on the member's Home as the officer's doing,
// not as sent by the member; once the member changes them, they are.
func TestHomeSaysWhoEnteredForThem(t *testing.T) {
	k := agendaKit(t)
	k.must(ian, "/apologies for <@UNEIL> Unwell")
	k.must(ian, "/declare for <@UNEIL> 7.5 personal Trustee of SWACA")
	if diff := cmp.Diff(section(t, k.svc, neil, "Your apologies"), "Apologies for the next meeting are recorded for you, entered by <@UIAN>.\nReason: Unwell"); diff != "" {
		t.Errorf("Neil's apologies on his Home (-got +want):\n%s", diff)
	}
	wantShown(t, section(t, k.svc, neil, "Your declarations"), "Personal interest — Trustee of SWACA _(entered by <@UIAN>)_")
	k.must(neil, "/apologies Hospital appointment")
	k.must(neil, "/declare 7.5 personal Trustee of SWACA since 2019")
	if diff := cmp.Diff(section(t, k.svc, neil, "Your apologies"), "You have sent apologies for the next meeting.\nReason: Hospital appointment"); diff != "" {
		t.Errorf("Neil's apologies on his Home once he changed them (-got +want):\n%s", diff)
	}
	if got := section(t, k.svc, neil, "Your declarations"); !strings.HasSuffix(got, "Trustee of SWACA since 2019") {
		t.Errorf("Neil's own declaration is said to be entered by someone else:\n%s", got)
	}
}

// TestHomeCorrectionsProposed: the corrections a member proposed to draft
// minutes are on their Home with what became of them — not acted on yet,
// the minute amended after, the minutes confirmed with or without an
// amendment after — and their Home is refreshed as that changes; no one
// else's corrections are shown to them.
func TestHomeCorrectionsProposed(t *testing.T) {
	k := decDay(t)
	home := func(user string) string {
		t.Helper()
		h, err := k.svc.Home(context.Background(), "T1", user, k.now)
		if err != nil {
			t.Fatal(err)
		}
		for _, sec := range h.Cards[0].Sections {
			if sec.Title == "Your corrections to the minutes" {
				return sec.Text
			}
		}
		return ""
	}
	k.must(ian, "/resolve 7.7 That the report be noted.")
	if got := home(neil); got != "" {
		t.Errorf("Neil's Home lists corrections before he proposed any:\n%s", got)
	}
	k.marked()
	k.must(neil, "/minutes comment 9 Please record that the figures go to partners.")
	if marked := k.marked(); !slices.Contains(marked, neil) {
		t.Errorf("Homes marked by Neil's correction: %v; want his among them", marked)
	}
	want := "• Minute 9 of 10 Dec 2026: “Please record that the figures go to partners.” — _proposed; not acted on yet_\n" +
		"`/history minutes 2026-12-10` in the channel shows what became of each."
	if diff := cmp.Diff(home(neil), want); diff != "" {
		t.Errorf("Neil's corrections (-got +want):\n%s", diff)
	}

	k.must(ian, "/minutes amend 9 That the report be noted and the figures circulated to partners.")
	if marked := k.marked(); !slices.Contains(marked, neil) {
		t.Errorf("Homes marked by the amendment: %v; want Neil's among them", marked)
	}
	wantShown(t, home(neil), "“Please record that the figures go to partners.” — _the minute was amended after it_")
	k.must(graeme, "/minutes comment 9 The figures were for the last quarter.")
	if got := home(neil); strings.Contains(got, "last quarter") {
		t.Errorf("Neil's Home shows Graeme's correction:\n%s", got)
	}
	wantShown(t, home(graeme), "“The figures were for the last quarter.” — _proposed; not acted on yet_")

	k.must(sue, "/meeting close")
	decComplete(k)
	k.must(ian, "/meeting schedule 2027-01-14 10:00 Bootle Town Hall")
	k.now = time.Date(2027, 1, 14, 10, 5, 0, 0, london)
	k.must(sue, "/meeting start")
	k.marked()
	k.must(sue, "/minutes approve as they stand")
	if marked := k.marked(); !slices.Contains(marked, neil) || !slices.Contains(marked, graeme) {
		t.Errorf("Homes marked by the confirmation: %v; want Neil's and Graeme's among them", marked)
	}
	wantShown(t, home(neil), "— _confirmed, amended after it_")
	wantShown(t, home(graeme), "— _confirmed without an amendment after it_")
}

// TestHomeSubstituteNamedByAnOfficer: apologies an officer entered for a
// member, naming a substitute, say on the substitute's Home who entered
// them, as /apologies list does; once the member changes them themselves,
// it no longer does.
func TestHomeSubstituteNamedByAnOfficer(t *testing.T) {
	k := meetingKit(t)
	k.must(ian, "/committee member add <@USUE> Sefton CVS")
	k.must(ian, "/apologies for <@USUE> Holiday sub <@UNEIL>")
	const title = "Substituting"
	if got, want := section(t, k.svc, neil, title), "Sue Holden (Sefton CVS) has named you as their substitute at the next meeting.\n"+
		"Entered for them: Sue Holden (Sefton CVS) by <@UIAN>.\n"+
		"You are a member yourself: if you attend, you count once, in your own right, and cannot also stand in for them."; got != want {
		t.Errorf("Neil's Home = %q, want %q", got, want)
	}
	k.must(sue, "/apologies Family holiday")
	if got := section(t, k.svc, neil, title); strings.Contains(got, "Entered for them") {
		t.Errorf("Neil's Home after Sue changed her apologies herself = %q", got)
	}
}

// TestHomeNamedAsSubstitute: a member named as someone's substitute at the
// next meeting reads it on their Home, which the apology's write marks
// for publishing again, as it does when the substitute is changed, or the
// apology withdrawn, and the Home no longer says so.
func TestHomeNamedAsSubstitute(t *testing.T) {
	k := meetingKit(t)
	k.must(ian, "/committee member add <@USUE> Sefton CVS")
	const title = "Substituting"
	if got := section(t, k.svc, neil, title); got != "" {
		t.Errorf("Neil's Home before anyone named him: %q", got)
	}

	k.marked()
	k.must(sue, "/apologies Holiday sub <@UNEIL>")
	if got := k.marked(); !slices.Contains(got, neil) {
		t.Errorf("Sue naming Neil marked %v, not Neil's Home", got)
	}
	if got, want := section(t, k.svc, neil, title), "Sue Holden (Sefton CVS) has named you as their substitute at the next meeting.\n"+
		"You are a member yourself: if you attend, you count once, in your own right, and cannot also stand in for them."; got != want {
		t.Errorf("Neil's Home = %q, want %q", got, want)
	}

	// A second names him too; and he sends apologies himself.
	k.must(graeme, "/apologies Court sub <@UNEIL>")
	k.must(neil, "/apologies Unwell")
	if got, want := section(t, k.svc, neil, title), "Sue Holden (Sefton CVS) and Graeme Robson (Merseyside Police) have named you as their substitute at the next meeting.\n"+
		"You have sent apologies for it yourself: tell them, so that they can name someone else."; got != want {
		t.Errorf("Neil's Home = %q, want %q", got, want)
	}
	k.must(graeme, "/apologies withdraw")
	k.must(neil, "/apologies withdraw")

	// A change of reason alone leaves the substitute's Home as it was.
	k.marked()
	k.must(sue, "/apologies Family holiday")
	if got := k.marked(); slices.Contains(got, neil) {
		t.Errorf("a new reason marked %v, Neil's Home among them", got)
	}

	// Another substitute: both Homes change.
	k.must(sue, "/apologies sub <@UGRAEME>")
	if got := k.marked(); !slices.Contains(got, neil) || !slices.Contains(got, graeme) {
		t.Errorf("a new substitute marked %v, not both substitutes' Homes", got)
	}
	if got := section(t, k.svc, neil, title); got != "" {
		t.Errorf("Neil's Home after Sue named Graeme: %q", got)
	}
	if got := section(t, k.svc, graeme, title); !strings.HasPrefix(got, "Sue Holden (Sefton CVS) has named you") {
		t.Errorf("Graeme's Home = %q", got)
	}

	// Withdrawn: the substitute's Home changes.
	k.must(sue, "/apologies withdraw")
	if got := k.marked(); !slices.Contains(got, graeme) {
		t.Errorf("withdrawing marked %v, not the substitute's Home", got)
	}
	if got := section(t, k.svc, graeme, title); got != "" {
		t.Errorf("Graeme's Home after Sue withdrew: %q", got)
	}
}

// TestHomeForTheChair: the chair's Home, and the vice-chair's, say what
// the officers' does of the next meeting and of the minutes and actions
// left over, read-only: without the commands only an officer can use.
// What changes it marks their Home for refreshing, as it does the
// officers'.
func TestHomeForTheChair(t *testing.T) {
	k, _ := actDay(t)
	k.must(ian, "/committee member add <@UGRAEME> Merseyside Police vice-chair")
	k.must(ian, "/action add 9 <@UNEIL> 2026-12-12 Circulate the figures")
	k.must(ian, "/action add 9 <@UNEIL> 2027-02-01 Book the room")
	k.must(sue, "/meeting close")
	k.now = time.Date(2026, 12, 19, 9, 0, 0, 0, london)
	k.must(ian, "/meeting schedule 2027-01-14 10:00 Bootle Town Hall")
	k.marked()
	k.must(neil, "/apologies Unwell")
	if got := k.marked(); !slices.Contains(got, sue) || !slices.Contains(got, graeme) {
		t.Errorf("apologies sent marked %v, not the chair's and vice-chair's Homes", got)
	}

	home := func(user string) commands.HomeCard {
		t.Helper()
		h, err := k.svc.Home(context.Background(), team, user, k.now)
		if err != nil || len(h.Cards) == 0 {
			t.Fatalf("%s's Home: %+v %v", user, h, err)
		}
		return h.Cards[0]
	}
	titled := func(card commands.HomeCard, title string) string {
		for _, s := range card.Sections {
			if s.Title == title {
				return s.Text
			}
		}
		return ""
	}
	want := "1 apology received for the next meeting (`/apologies list` in the channel).\n" +
		"Every item with a presenter has its report.\n" +
		"Agenda not posted yet.\n" +
		"Minutes of Thursday 10 December 2026 drafted, for confirmation at the meeting on Thursday 14 January 2027 (item 3): `/minutes draft 2026-12-10` to read them; `/minutes approve 2026-12-10` at that meeting confirms them (before it, that confirms them by correspondence).\n" +
		"2 outstanding actions (`/action list` in the channel); 1 overdue, the oldest first:\n" +
		"• 1. Circulate the figures — <@UNEIL>, due Saturday 12 December 2026 (minute 9, Thursday 10 December 2026) — *overdue*"
	// The vice-chair confirms minutes only in the chair's absence (see
	// TestHomeForTheViceChair).
	viceWant := strings.Replace(want, "to read them; `/minutes approve 2026-12-10` at that meeting confirms them (before it, that confirms them by correspondence).", "to read them; the chair or an officer confirms them there.", 1)
	for user, want := range map[string]string{sue: want, graeme: viceWant} {
		card := home(user)
		if diff := cmp.Diff(titled(card, "For the chair"), want); diff != "" {
			t.Errorf("%s's Home, for the chair (-got +want):\n%s", user, diff)
		}
		if got := titled(card, "For officers") + titled(card, "Minutes and actions"); got != "" {
			t.Errorf("%s's Home shows the officers' sections:\n%s", user, got)
		}
	}
	if got := titled(home(neil), "For the chair"); got != "" {
		t.Errorf("a member's Home shows the chair's section:\n%s", got)
	}
	if got := titled(home(ian), "For the chair"); got != "" {
		t.Errorf("the officer's Home shows the chair's section too:\n%s", got)
	}

	// The agenda posted, the chair's Home says so, refreshed.
	k.marked()
	k.must(ian, "/agenda post")
	if got := k.marked(); !slices.Contains(got, sue) {
		t.Errorf("/agenda post marked %v, not the chair's Home", got)
	}
	if got := titled(home(sue), "For the chair"); !strings.Contains(got, "\nAgenda posted in the channel.\n") {
		t.Errorf("the chair's Home after /agenda post:\n%s", got)
	}
}

// TestHomeDeclarationsReceived: the officer's Home, the chair's and the
// vice-chair's sum up the declarations of interest standing for the next
// meeting, an item a line in agenda order — who declared what kind, who
// holds a dispensation and who withdraws for the item, and who declared
// on an item since taken off the agenda — kept up to date as
// declarations are made and withdrawn and dispensations recorded; a
// member's Home shows their own only.
func TestHomeDeclarationsReceived(t *testing.T) {
	k := agendaKit(t)
	k.must(ian, "/committee member add <@USUE> Sefton CVS chair")
	k.must(ian, "/committee member add <@UGRAEME> Merseyside Police vice-chair")
	presiders := []string{ian, sue, graeme}
	markedAll := func(what string, got []string) {
		t.Helper()
		for _, user := range presiders {
			if !slices.Contains(got, user) {
				t.Errorf("%s marked %v, not %s's Home", what, got, user)
			}
		}
	}
	for _, user := range []string{ian, sue, graeme, neil} {
		if got := section(t, k.svc, user, "Declarations of interest"); got != "" {
			t.Errorf("%s's Home with nothing declared:\n%s", user, got)
		}
	}

	k.marked()
	k.must(neil, "/declare 7.5 pecuniary Paid adviser to SWACA")
	markedAll("a declaration", k.marked())
	k.must(sue, "/declare 7.7 personal Trustee of Sefton CVS")
	k.must(graeme, "/declare 6 other Neighbour of the station")
	k.must(neil, "/declare 7.5 personal Volunteer at SWACA")
	r := k.must(ian, "/declare for <@UGRAEME> 7.5 pecuniary Spouse employed by SWACA")
	k.press(ian, r, "They hold a dispensation")
	k.must(ian, "/agenda remove 6 confirm")

	want := "5 interests declared by 3 members for the next meeting (`/declare list 2026-12-10` in the channel lists them):\n" +
		"• Item 7.5 (SWACA) — Neil Frackelton: disclosable pecuniary, withdraws for the item; personal · Graeme Robson: disclosable pecuniary, holds a dispensation\n" +
		"• Item 7.7 (Sefton CVS) — Sue Holden: personal\n" +
		"• Item 6 (Local Policing Update, removed from the agenda) — Graeme Robson: other"
	for _, user := range presiders {
		if diff := cmp.Diff(section(t, k.svc, user, "Declarations of interest"), want); diff != "" {
			t.Errorf("%s's Home (-got +want):\n%s", user, diff)
		}
	}
	// The command it points at lists them in full.
	wantShown(t, k.say(ian, "/declare list 2026-12-10"), "Neighbour of the station", "Spouse employed by SWACA")
	// A member sees their own declarations, and nobody else's.
	h, err := k.svc.Home(context.Background(), team, neil, now)
	if err != nil {
		t.Fatal(err)
	}
	var all []string
	for _, sec := range h.Cards[0].Sections {
		all = append(all, "*"+sec.Title+"*\n"+sec.Text)
	}
	neils := strings.Join(all, "\n")
	wantShown(t, neils, "*Your declarations*", "Paid adviser to SWACA")
	for _, other := range []string{"Declarations of interest", "Graeme", "Sue Holden", "Neighbour", "Trustee of Sefton CVS", "Spouse employed"} {
		if strings.Contains(neils, other) {
			t.Errorf("a member's Home shows %q:\n%s", other, neils)
		}
	}

	// Withdrawn, a declaration leaves the summary, and the officer's Home
	// is marked to show it.
	k.marked()
	k.must(neil, "/declare withdraw 7.5")
	markedAll("a withdrawal", k.marked())
	if got := section(t, k.svc, ian, "Declarations of interest"); strings.Contains(got, "Neil") || !strings.HasPrefix(got, "3 interests declared by 2 members ") {
		t.Errorf("the officer's Home after Neil withdrew:\n%s", got)
	}

	// A dispensation recorded, by the member or for them, changes who
	// leaves the room: the Homes that say so are marked to show it.
	r = k.must(neil, "/declare 7.7 pecuniary Paid adviser to Sefton CVS")
	k.marked()
	k.press(neil, r, "I hold a dispensation")
	markedAll("a dispensation", k.marked())
	r = k.must(ian, "/declare for <@UNEIL> 7.5 pecuniary Director of SWACA")
	k.marked()
	k.press(ian, r, "They hold a dispensation")
	markedAll("a dispensation recorded for a member", k.marked())
	for _, user := range presiders {
		got := section(t, k.svc, user, "Declarations of interest")
		wantShown(t, got, "Neil Frackelton: disclosable pecuniary, holds a dispensation\n", "Sue Holden: personal · Neil Frackelton: disclosable pecuniary, holds a dispensation")
	}

	// Many items: five lines, and a count of the rest, with those no
	// longer on the agenda among them.
	for i := 1; i <= 6; i++ {
		k.must(ian, fmt.Sprintf("/agenda add 8.%d Grant round %d", i, i))
		k.must(neil, fmt.Sprintf("/declare 8.%d personal Applicant %d", i, i))
	}
	lines := strings.Split(section(t, k.svc, ian, "Declarations of interest"), "\n")
	if len(lines) != 7 || lines[6] != "… and 4 more items, 1 of them no longer on the agenda." {
		t.Errorf("many items:\n%s", strings.Join(lines, "\n"))
	}
}

// TestHomeDeclarationsReceivedOffAgenda: a pecuniary interest declared in
// an item since taken off the agenda is not summed up on the officers'
// Home as one its member withdraws for, as the member's own Home and the
// list do not say so: the item is not taken.
func TestHomeDeclarationsReceivedOffAgenda(t *testing.T) {
	k := agendaKit(t)
	k.must(neil, "/declare 6 pecuniary Paid adviser to the police")
	k.must(ian, "/agenda remove 6 confirm")
	want := "1 interest declared by 1 member for the next meeting (`/declare list 2026-12-10` in the channel lists them):\n" +
		"• Item 6 (Local Policing Update, removed from the agenda) — Neil Frackelton: disclosable pecuniary"
	if diff := cmp.Diff(section(t, k.svc, ian, "Declarations of interest"), want); diff != "" {
		t.Errorf("the officer's Home (-got +want):\n%s", diff)
	}
}

// TestHomeDeclarationsOnALongItemRemoved: an item with a long title taken
// off the agenda is still marked so on the officers' Home and the
// member's, where the line has room for little: its title is cut, not the
// mark.
func TestHomeDeclarationsOnALongItemRemoved(t *testing.T) {
	k := agendaKit(t)
	k.must(neil, "/declare 4 pecuniary Paid adviser to NW Probation")
	k.must(ian, "/agenda remove 4 confirm")
	if got, want := section(t, k.svc, ian, "Declarations of interest"), "• Item 4 (Integrated Offender Management (IOM) Refresh Strategy, removed from the agenda) — Neil Frackelton: disclosable pecuniary"; !strings.HasSuffix(got, want) {
		t.Errorf("the officer's Home:\n%s\nwant it to end\n%s", got, want)
	}
	if got, want := section(t, k.svc, neil, "Your declarations"), "• Item 4 (Integrated Offender Management (IOM) Refresh Strategy, removed from the agenda): Disclosable pecuniary interest — Paid adviser to NW Probation"; !strings.HasPrefix(got, want) {
		t.Errorf("Neil's Home:\n%s\nwant it to start\n%s", got, want)
	}
	// A title longer than the line has room for is cut before the mark.
	k.must(ian, "/agenda add 7.9 "+strings.Repeat("Community Safety Partnership Plan ", 4)+"— Jen Williams (NW Probation)")
	k.must(neil, "/declare 7.9 personal Volunteer")
	k.must(ian, "/agenda remove 7.9 confirm")
	if got := section(t, k.svc, ian, "Declarations of interest"); !strings.Contains(got, "Partnership Plan Co…, removed from the agenda) — Neil Frackelton: personal") {
		t.Errorf("the officer's Home with a long title:\n%s", got)
	}
}

// registerHome is the officers' register section on user's Home at at.
func registerHome(t *testing.T, k *kit, user string, at time.Time) string {
	t.Helper()
	h, err := k.svc.Home(context.Background(), "T1", user, at)
	if err != nil || len(h.Cards) == 0 {
		t.Fatalf("%s's Home: %+v %v", user, h, err)
	}
	for _, sec := range h.Cards[0].Sections {
		if sec.Title == "Register of interests" {
			return sec.Text
		}
	}
	return ""
}

// TestHomeOfficerRegister: an officer's Home counts the registers missing
// or out of date, with the command that names them, and lists the gifts
// and hospitality registered in the last 30 days, the latest first, with
// a sensitive entry's details withheld; members and the chair are not
// shown it, and every change to a register marks the officers' Homes.
func TestHomeOfficerRegister(t *testing.T) {
	k := agendaKit(t)
	intrJoined(k, time.Date(2026, 11, 2, 9, 0, 0, 0, london))
	k.must(ian, "/committee member add <@USUE> Sefton CVS chair")
	if got := registerHome(t, k, ian, now); got != "" {
		t.Errorf("the register section with nothing overdue and no gifts:\n%s", got)
	}

	k.marked()
	k.now = time.Date(2026, 10, 10, 10, 0, 0, 0, london)
	old := intrEntryID(t, k.must(neil, "/interests gift 2026-10-09 £90 Match tickets from Everton FC"))
	if diff := cmp.Diff(k.marked(), []string{"UIAN", "UNEIL", "USUE"}); diff != "" {
		t.Errorf("a gift marks (-got +want):\n%s", diff)
	}
	k.now = time.Date(2026, 10, 30, 10, 0, 0, 0, london)
	dinner := intrEntryID(t, k.must(neil, "/interests gift 2026-10-28 £75 Dinner from Sefton CVS <!channel>"))
	k.now = now
	lunch := intrEntryID(t, k.must(ian, "/interests gift <@UGRAEME> 2026-11-21 £40 Lunch from Merseyside Police"))
	secret, err := k.db.AddInterest(context.Background(), commands.Interest{
		CommitteeID: k.committee().ID, UserID: sue, Name: "Sue Holden", Category: commands.CategoryGifts, Description: "Hospitality from a named patient",
		Sensitive: true, StartedOn: commands.Date{Year: 2026, Month: 11, Day: 22}, GiftOn: commands.Date{Year: 2026, Month: 11, Day: 22},
		ValuePence: 5000, AddedBy: sue, AddedAt: now.Add(-time.Hour),
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	k.must(neil, "/interests add other Trustee of SWACA")
	k.marked()

	want := "3 gifts or hospitality registered in the last 30 days (`/interests register` in the channel shows the whole register):\n" +
		fmt.Sprintf("• #%d Graeme Robson — Lunch from Merseyside Police — £40, received Saturday 21 November 2026\n", lunch) +
		fmt.Sprintf("• #%d Sue Holden — a sensitive entry (its details are withheld here)\n", secret.ID) +
		fmt.Sprintf("• #%d Neil Frackelton — Dinner from Sefton CVS @channel — £75, received Wednesday 28 October 2026", dinner)
	if diff := cmp.Diff(registerHome(t, k, ian, now), want); diff != "" {
		t.Errorf("the officer's register section (-got +want):\n%s", diff)
	}
	if section(t, k.svc, sue, "For the chair") == "" {
		t.Fatal("Sue is not the chair")
	}
	for _, user := range []string{neil, sue} {
		if got := registerHome(t, k, user, now); got != "" {
			t.Errorf("%s is shown the officers' register section:\n%s", user, got)
		}
	}

	// Past the 28 days, the one without a register is counted (a gift
	// registered for a member counts as a review of their register); the
	// gifts registered more than 30 days before are no longer listed.
	late := time.Date(2026, 12, 1, 9, 0, 0, 0, london)
	want = "1 member's register missing or out of date: `/interests missing` in the channel lists it.\n" +
		"2 gifts or hospitality registered in the last 30 days (`/interests register` in the channel shows the whole register):\n" +
		fmt.Sprintf("• #%d Graeme Robson — Lunch from Merseyside Police — £40, received Saturday 21 November 2026\n", lunch) +
		fmt.Sprintf("• #%d Sue Holden — a sensitive entry (its details are withheld here)", secret.ID)
	k.now = late
	if diff := cmp.Diff(registerHome(t, k, ian, late), want); diff != "" {
		t.Errorf("the officer's register section on 1 December (-got +want):\n%s", diff)
	}

	// A gift removed, a register reviewed: the officers' Homes are marked
	// and show it.
	k.must(neil, fmt.Sprintf("/interests remove %d", old))
	if got := k.marked(); !slices.Contains(got, ian) {
		t.Errorf("removing a gift marks %v, not the officer", got)
	}
	k.must(ian, fmt.Sprintf("/interests remove %d", lunch))
	if got := k.marked(); !slices.Contains(got, ian) || !slices.Contains(got, graeme) {
		t.Errorf("an officer removing a gift marks %v", got)
	}
	k.must(neil, "/interests review")
	if got := k.marked(); !slices.Contains(got, ian) {
		t.Errorf("a member's review marks %v, not the officer", got)
	}
	k.must(ian, "/interests review")
	want = "1 gift or hospitality registered in the last 30 days (`/interests register` in the channel shows the whole register):\n" +
		fmt.Sprintf("• #%d Sue Holden — a sensitive entry (its details are withheld here)", secret.ID)
	if diff := cmp.Diff(registerHome(t, k, ian, late), want); diff != "" {
		t.Errorf("the officer's register section after a removal and a review (-got +want):\n%s", diff)
	}
}

// TestHomeOfARemovedMembersSubstitute: removing a member withdraws their
// apologies, and with them the substitute they named: the substitute's
// Home is marked for publishing again and no longer says they substitute.
func TestHomeOfARemovedMembersSubstitute(t *testing.T) {
	k := meetingKit(t)
	k.must(ian, "/committee member add <@USUE> Sefton CVS")
	const title = "Substituting"
	k.must(sue, "/apologies Holiday sub <@UNEIL>")
	if got := section(t, k.svc, neil, title); got == "" {
		t.Fatal("Neil's Home does not say he substitutes for Sue")
	}
	k.marked()
	k.must(ian, "/committee member remove <@USUE>")
	if got := k.marked(); !slices.Contains(got, neil) {
		t.Errorf("removing Sue marked %v, not the Home of Neil, her substitute", got)
	}
	if got := section(t, k.svc, neil, title); got != "" {
		t.Errorf("Neil's Home after Sue was removed: %q", got)
	}
}

// TestHomeForTheViceChair: the vice-chair's Home offers `/minutes approve`
// only where they could use it, chairing a meeting the chair has sent
// apologies for; otherwise it says who confirms the minutes.
func TestHomeForTheViceChair(t *testing.T) {
	k, _ := actDay(t)
	k.must(ian, "/committee member add <@UGRAEME> Merseyside Police vice-chair")
	k.must(sue, "/meeting close")
	decComplete(k)
	k.now = time.Date(2026, 12, 19, 9, 0, 0, 0, london)
	k.must(ian, "/meeting schedule 2027-01-14 10:00 Bootle Town Hall")
	forChair := func(user string) string {
		t.Helper()
		h, err := k.svc.Home(context.Background(), team, user, k.now)
		if err != nil || len(h.Cards) == 0 {
			t.Fatalf("%s's Home: %+v %v", user, h, err)
		}
		for _, s := range h.Cards[0].Sections {
			if s.Title == "For the chair" {
				return s.Text
			}
		}
		return ""
	}
	const prompt = "`/minutes approve 2026-12-10` to confirm them"
	const notYours = "Minutes of Thursday 10 December 2026 drafted, for confirmation at the meeting on Thursday 14 January 2027 (item 3): `/minutes draft 2026-12-10` to read them; the chair or an officer confirms them there."

	// The chair sends apologies for the next meeting: until it sits, the
	// vice-chair does not chair anything.
	k.must(sue, "/apologies 2027-01-14 Holiday")
	got := forChair(graeme)
	wantShown(t, got, notYours)
	if strings.Contains(got, prompt) {
		t.Errorf("the vice-chair, not chairing, is offered /minutes approve:\n%s", got)
	}
	attRefused(k, graeme, "/minutes approve 2026-12-10", "only the chair or an officer can confirm minutes")
	wantShown(t, forChair(sue), "`/minutes approve 2026-12-10` at that meeting confirms them")

	// At the meeting the chair sent apologies for, the vice-chair chairs,
	// and confirms the minutes as the Home says.
	k.now = time.Date(2027, 1, 14, 10, 5, 0, 0, london)
	k.marked()
	k.must(ian, "/meeting start")
	if got := k.marked(); !slices.Contains(got, graeme) {
		t.Errorf("the meeting's start marked %v, not the vice-chair's Home", got)
	}
	got = forChair(graeme)
	wantShown(t, got, prompt)
	if strings.Contains(got, "the chair or an officer confirms them") {
		t.Errorf("the vice-chair, chairing, is told the chair confirms the minutes:\n%s", got)
	}
	k.must(graeme, "/minutes approve 2026-12-10")
}

// TestHomeOfASubstituteWhoIsNoMember: someone who is no member of the
// committee, named by a member's apologies as their substitute, finds
// on their Home that they substitute at the next meeting, with its day
// and where to say they are there; only that, with no apologies of their
// own to send. Once the apologies no longer name them, it is gone.
func TestHomeOfASubstituteWhoIsNoMember(t *testing.T) {
	k := meetingKit(t)
	ctx := context.Background()
	k.marked()
	k.must(neil, "/apologies Unwell sub <@USTRANGER>")
	if got := k.marked(); !slices.Contains(got, stranger) {
		t.Errorf("naming the substitute marked %v, not their Home", got)
	}
	h, err := k.svc.Home(ctx, team, stranger, k.now)
	if err != nil {
		t.Fatal(err)
	}
	want := commands.Home{UserID: stranger, Intro: "You are named as a substitute at the next meeting of 1 committee.", Cards: []commands.HomeCard{{
		CommitteeID: k.committee().ID, Title: "Safer Sefton Together",
		Text:         "Substitute\nNext meeting: Thursday 10 December 2026, 10:00, Remote Meeting",
		CalendarPath: "/calendar/" + k.committee().CalendarToken + "-safer-sefton-together.ics",
		Sections: []commands.Section{{Title: "Substituting", Text: "Neil Frackelton (SWACA) has named you as their substitute at the next meeting." +
			"\nWhen it opens, press *I'm here* on its message in <#C1>, or type `/here` there."}},
		Summary: "*Safer Sefton Together* — Thursday 10 December 2026, 10:00 (substituting)",
	}}}
	if diff := cmp.Diff(h, want); diff != "" {
		t.Errorf("the substitute's Home (-got +want):\n%s", diff)
	}
	// Another workspace's committees are not shown.
	if h, _ := k.svc.Home(ctx, "T2", stranger, k.now); len(h.Cards) != 0 {
		t.Errorf("Home in another team = %+v", h)
	}

	k.must(neil, "/apologies sub none")
	if got := k.marked(); !slices.Contains(got, stranger) {
		t.Errorf("removing the substitute marked %v, not their Home", got)
	}
	if h, err := k.svc.Home(ctx, team, stranger, k.now); err != nil || len(h.Cards) != 0 || !strings.Contains(h.Intro, "not a member of any committee") {
		t.Errorf("the Home of a substitute no longer named = %+v %v", h, err)
	}
}

// dayTicks runs the reminders' loop once at each of times, then stops
// it, and says whose Homes it marked (see kit.marked). The kit's clock is
// left at the last of times.
func dayTicks(t *testing.T, k *kit, times ...time.Time) []string {
	t.Helper()
	k.marked()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	i := 0
	clock := func() time.Time {
		if i == len(times) {
			cancel() // the tick after the last: enough
		}
		k.now = times[min(i, len(times)-1)]
		i++
		return k.now
	}
	if err := (&commands.Reminders{Service: k.svc, Now: clock, Every: time.Millisecond}).Run(ctx); err != nil {
		t.Fatal(err)
	}
	return k.marked()
}

// TestHomeForTheViceChairTurnsWithTheDay: whether the vice-chair may
// confirm minutes turns on the day — from the advertised start of a
// meeting the chair sent apologies for, to the midnight after it — and
// nothing they do changes then: the reminders' loop marks their Home for
// publishing again at both moments, so that a Home left open does not
// go on offering `/minutes approve` the next day, or withhold it on the
// day.
func TestHomeForTheViceChairTurnsWithTheDay(t *testing.T) {
	k, _ := actDay(t)
	k.must(ian, "/committee member add <@UGRAEME> Merseyside Police vice-chair")
	k.must(sue, "/meeting close")
	decComplete(k)
	k.now = time.Date(2026, 12, 19, 9, 0, 0, 0, london)
	k.must(ian, "/meeting schedule 2027-01-14 10:00 Bootle Town Hall")
	k.must(sue, "/apologies 2027-01-14 Holiday")
	forChair := func() string {
		t.Helper()
		h, err := k.svc.Home(context.Background(), team, graeme, k.now)
		if err != nil || len(h.Cards) == 0 {
			t.Fatalf("the vice-chair's Home: %+v %v", h, err)
		}
		for _, s := range h.Cards[0].Sections {
			if s.Title == "For the chair" {
				return s.Text
			}
		}
		return ""
	}
	loop := func(times ...time.Time) []string {
		t.Helper()
		return dayTicks(t, k, times...)
	}
	const prompt = "`/minutes approve 2026-12-10` to confirm them"
	const notYours = "the chair or an officer confirms them"

	// Nothing to turn: no Home is marked.
	if got := loop(time.Date(2027, 1, 13, 3, 0, 0, 0, london), time.Date(2027, 1, 13, 3, 2, 0, 0, london)); len(got) != 0 {
		t.Errorf("a night before the meeting marked %v", got)
	}
	// The meeting's advertised start: it is held today, not opened in
	// Quorum, and the vice-chair chairs it. (Everyone's Home is marked
	// then, as it is no longer the next meeting: see
	// TestHomeNextMeetingMovesOnWithTheDay.)
	got := loop(time.Date(2027, 1, 14, 9, 59, 0, 0, london), time.Date(2027, 1, 14, 10, 1, 0, 0, london))
	if !slices.Contains(got, graeme) {
		t.Errorf("the meeting's start marked %v, not the vice-chair's Home", got)
	}
	wantShown(t, forChair(), prompt)

	// Twelve hours after its start, never opened, it no longer waits to
	// be opened, and everyone's Home is marked (see
	// TestHomeNextMeetingMovesOnWithTheDay).
	loop(time.Date(2027, 1, 14, 21, 59, 0, 0, london), time.Date(2027, 1, 14, 22, 1, 0, 0, london))
	// The midnight after it: the minutes are the chair's or an officer's
	// to confirm again.
	got = loop(time.Date(2027, 1, 14, 23, 59, 0, 0, london), time.Date(2027, 1, 15, 0, 1, 0, 0, london))
	if !slices.Contains(got, graeme) || slices.Contains(got, neil) {
		t.Errorf("the midnight after the meeting marked %v, not the vice-chair's Home alone", got)
	}
	if got := forChair(); !strings.Contains(got, notYours) || strings.Contains(got, prompt) {
		t.Errorf("the vice-chair's Home the day after the meeting:\n%s", got)
	}
	// Once each: the next minutes mark nothing.
	if got := loop(time.Date(2027, 1, 15, 0, 2, 0, 0, london), time.Date(2027, 1, 15, 0, 3, 0, 0, london)); len(got) != 0 {
		t.Errorf("the minutes after midnight marked %v again", got)
	}
}

// homeAt is user's Home at the kit's clock.
func homeAt(t *testing.T, k *kit, user string) commands.Home {
	t.Helper()
	h, err := k.svc.Home(context.Background(), team, user, k.now)
	if err != nil {
		t.Fatalf("%s's Home: %v", user, err)
	}
	return h
}

// homeText is every section of user's Home at the kit's clock, a line
// "Title: text" each, to read as the user would.
func homeText(t *testing.T, k *kit, user string) string {
	t.Helper()
	var lines []string
	for _, c := range homeAt(t, k, user).Cards {
		for _, s := range c.Sections {
			lines = append(lines, s.Title+": "+s.Text)
		}
	}
	return strings.Join(lines, "\n")
}

// cardSection is the text of the section titled title on user's first
// card, at the kit's clock; "" when there is none.
func cardSection(t *testing.T, k *kit, user, title string) string {
	t.Helper()
	h := homeAt(t, k, user)
	if len(h.Cards) == 0 {
		t.Fatalf("%s's Home has no cards: %+v", user, h)
	}
	for _, s := range h.Cards[0].Sections {
		if s.Title == title {
			return s.Text
		}
	}
	return ""
}

// TestHomeActionsTurnOverdueWithTheDay: an action turns overdue at the
// midnight after its due day, in the committee's time zone, and nothing
// is written then: the reminders' loop marks for publishing again the
// owner's Home, which lists it, and the officers', the chair's and the
// vice-chair's, which count the overdue, so that a Home left open shows
// it overdue. Other members' Homes are left alone, and each is marked
// once.
func TestHomeActionsTurnOverdueWithTheDay(t *testing.T) {
	k, _ := actDay(t)
	k.must(ian, "/committee member add <@UGRAEME> Merseyside Police vice-chair")
	k.must(ian, "/action add 9 <@UNEIL> 2026-12-15 Circulate the figures")
	k.must(ian, `/action add 9 "Jo Smith" 2026-12-17 Book the room`)
	k.must(sue, "/meeting close")
	at := func(day, hour, minute int) time.Time { return time.Date(2026, 12, day, hour, minute, 0, 0, london) }

	// A night with nothing due: no Home is marked.
	if got := dayTicks(t, k, at(14, 23, 59), at(15, 0, 1)); len(got) != 0 {
		t.Errorf("a night with nothing turning overdue marked %v", got)
	}
	k.now = at(15, 23, 59)
	if got := cardSection(t, k, neil, "Your actions"); strings.Contains(got, "overdue") {
		t.Errorf("Neil's actions on their due day:\n%s", got)
	}
	// The midnight after Neil's due day: his Home and those that count
	// the overdue.
	got := dayTicks(t, k, at(15, 23, 59), at(16, 0, 1))
	if diff := cmp.Diff(got, []string{graeme, ian, neil, sue}); diff != "" {
		t.Errorf("the midnight after an action's due day marked (-got +want):\n%s", diff)
	}
	wantShown(t, cardSection(t, k, neil, "Your actions"), "• 1. Circulate the figures — due Tuesday 15 December 2026 (minute 9, Thursday 10 December 2026) — *overdue*")
	wantShown(t, cardSection(t, k, ian, "Minutes and actions"), "2 outstanding actions (`/action list` in the channel); 1 overdue, the oldest first:")
	wantShown(t, cardSection(t, k, sue, "For the chair"), "1 overdue")
	// An action of someone named only: the officers', the chair's and
	// the vice-chair's Homes, not Neil's.
	got = dayTicks(t, k, at(17, 23, 58), at(18, 0, 0))
	if diff := cmp.Diff(got, []string{graeme, ian, sue}); diff != "" {
		t.Errorf("the midnight after Jo Smith's action was due marked (-got +want):\n%s", diff)
	}
	wantShown(t, cardSection(t, k, ian, "Minutes and actions"), "2 overdue")

	// One done before it was due turns nothing.
	k.now = at(18, 9, 0)
	k.must(ian, "/action add 9 <@UNEIL> 2026-12-20 Report back")
	k.must(neil, "/action done 3")
	if got := dayTicks(t, k, at(20, 23, 59), at(21, 0, 1)); len(got) != 0 {
		t.Errorf("the midnight after a done action's due day marked %v", got)
	}
}

// TestHomeNextMeetingMovesOnWithTheDay: the Home's next meeting is the
// first not yet begun, so at a meeting's advertised start — when it is
// not opened in Quorum, whose opening marks every Home — it moves on to
// the one after, and nothing is written then: the reminders' loop marks
// the Homes that showed it, its members' and those of the substitutes
// it names. Marked twice, as two replicas' loops may, each Home is
// published once.
func TestHomeNextMeetingMovesOnWithTheDay(t *testing.T) {
	k := meetingKit(t)
	k.must(ian, "/meeting schedule 2027-01-14 10:00 Bootle Town Hall")
	k.must(neil, "/apologies Holiday sub <@USTRANGER>")
	at := func(month time.Month, day, hour, minute int) time.Time {
		year := 2026
		if month == time.January {
			year = 2027
		}
		return time.Date(year, month, day, hour, minute, 0, 0, london)
	}
	card := func(user string) string {
		t.Helper()
		h := homeAt(t, k, user)
		if len(h.Cards) == 0 {
			return ""
		}
		return h.Cards[0].Text
	}
	k.now = at(time.December, 10, 9, 59)
	wantShown(t, card(graeme), "Next meeting: Thursday 10 December 2026, 10:00")
	wantShown(t, card(stranger), "Next meeting: Thursday 10 December 2026, 10:00")

	// The night before: nothing turns.
	if got := dayTicks(t, k, at(time.December, 9, 23, 59), at(time.December, 10, 0, 1)); len(got) != 0 {
		t.Errorf("the night before the meeting marked %v", got)
	}
	// Its advertised start, never opened in Quorum.
	got := dayTicks(t, k, at(time.December, 10, 9, 59), at(time.December, 10, 10, 1))
	if diff := cmp.Diff(got, []string{graeme, ian, neil, stranger}); diff != "" {
		t.Errorf("the meeting's advertised start marked (-got +want):\n%s", diff)
	}
	// Not opened, it is today's meeting, waiting to be opened, with
	// January's after it.
	wantShown(t, card(graeme), "Today's meeting: Thursday 10 December 2026, 10:00", "The meeting after it: Thursday 14 January 2027, 10:00, Bootle Town Hall")
	// The substitute named at it is expected there while it waits.
	wantShown(t, card(stranger), "Today's meeting: Thursday 10 December 2026, 10:00")
	// Twelve hours after its start, never opened, it no longer waits to
	// be opened: the members' Homes show January's as the next.
	if diff := cmp.Diff(dayTicks(t, k, at(time.December, 10, 21, 59), at(time.December, 10, 22, 1)), []string{graeme, ian, neil, stranger}); diff != "" {
		t.Errorf("twelve hours after the meeting's start marked (-got +want):\n%s", diff)
	}
	k.now = at(time.December, 10, 22, 1)
	wantShown(t, card(graeme), "Next meeting: Thursday 14 January 2027, 10:00, Bootle Town Hall")
	if got := homeAt(t, k, stranger); len(got.Cards) != 0 {
		t.Errorf("the substitute's Home once the meeting stopped waiting: %+v", got)
	}
	// The midnight after it changes nothing on a member's Home.
	if got := dayTicks(t, k, at(time.December, 10, 23, 59), at(time.December, 11, 0, 1)); len(got) != 0 {
		t.Errorf("the midnight after the meeting marked %v", got)
	}

	// A meeting opened in Quorum moved the Homes on as it opened: its
	// advertised start marks none.
	k.now = at(time.January, 14, 9, 0)
	k.must(ian, "/meeting schedule 2027-02-11 10:00")
	k.now = at(time.January, 14, 9, 30)
	k.must(ian, "/meeting start")
	if got := k.marked(); len(got) == 0 {
		t.Error("opening the meeting marked no Home")
	}
	if got := dayTicks(t, k, at(time.January, 14, 9, 59), at(time.January, 14, 10, 1)); len(got) != 0 {
		t.Errorf("the advertised start of a meeting already opened marked %v", got)
	}

	// Marked twice over the same moment, each Home waits once.
	ctx := context.Background()
	k.marked()
	for range 2 {
		if _, err := k.svc.MarkDayHomes(ctx, time.Date(2027, 2, 11, 9, 59, 0, 0, london), time.Date(2027, 2, 11, 10, 1, 0, 0, london)); err != nil {
			t.Fatal(err)
		}
	}
	if diff := cmp.Diff(k.marked(), []string{graeme, ian, neil}); diff != "" {
		t.Errorf("two marks of the next meeting's start (-got +want):\n%s", diff)
	}
}

// TestHomesTurnedWhileTheBotWasDown: the reminders' loop starting again
// looks back to where the marking left off, so a meeting's advertised
// start passed while the bot was down still moves on the Homes left open
// that showed it, as it would have at the time.
func TestHomesTurnedWhileTheBotWasDown(t *testing.T) {
	k := meetingKit(t)
	k.must(ian, "/meeting schedule 2027-01-14 10:00 Bootle Town Hall")
	// Running the evening before, then stopped overnight and past the
	// meeting's start.
	dayTicks(t, k, time.Date(2026, 12, 9, 18, 0, 0, 0, london), time.Date(2026, 12, 9, 18, 1, 0, 0, london))
	got := dayTicks(t, k, time.Date(2026, 12, 10, 11, 30, 0, 0, london))
	if diff := cmp.Diff(got, []string{graeme, ian, neil}); diff != "" {
		t.Errorf("started again after the meeting's start (-got +want):\n%s", diff)
	}
	// Not opened, today's meeting is still the one in front of them, with
	// January's after it.
	if h := homeAt(t, k, graeme); len(h.Cards) == 0 || !strings.Contains(h.Cards[0].Text, "The meeting after it: Thursday 14 January 2027, 10:00, Bootle Town Hall") {
		t.Errorf("the Home after the meeting's start: %+v", h)
	}
	// Started again a minute later, nothing new has turned.
	if got := dayTicks(t, k, time.Date(2026, 12, 10, 11, 31, 0, 0, london)); len(got) != 0 {
		t.Errorf("started again a minute later marked %v", got)
	}
}

// TestHomeOfASubstituteAtTheMeetingAfter: someone who is no member, named
// as a substitute at the meeting after the next, has no card for it
// until the next meeting begins, and then has one: at the next meeting's
// advertised start, the reminders' loop marks their Home with its
// members'; opened in Quorum before its start, the opening does. Named
// at the meeting opened, they lose its card as it opens, and their Home
// is marked then too.
func TestHomeOfASubstituteAtTheMeetingAfter(t *testing.T) {
	k := meetingKit(t)
	k.must(ian, "/meeting schedule 2027-01-14 10:00 Bootle Town Hall")
	k.must(ian, "/meeting schedule 2027-02-11 10:00 Bootle Town Hall")
	k.must(neil, "/apologies 14/01/2027 Holiday sub <@USTRANGER>")
	k.must(graeme, "/apologies 11/02/2027 Training sub <@USTRANGER>")
	card := func() string {
		t.Helper()
		h := homeAt(t, k, stranger)
		if len(h.Cards) == 0 {
			return ""
		}
		return h.Cards[0].Text
	}
	k.now = time.Date(2026, 12, 10, 9, 59, 0, 0, london)
	if got := card(); got != "" {
		t.Errorf("the substitute's Home before the meeting they are not named at began: %q", got)
	}
	// Its advertised start, never opened in Quorum.
	got := dayTicks(t, k, time.Date(2026, 12, 10, 9, 59, 0, 0, london), time.Date(2026, 12, 10, 10, 1, 0, 0, london))
	if !slices.Contains(got, stranger) {
		t.Errorf("the advertised start of the meeting before the one they substitute at marked %v, not the substitute's Home", got)
	}
	wantShown(t, card(), "Next meeting: Thursday 14 January 2027, 10:00")

	// Opened before its advertised start: the card moves on to February.
	k.now = time.Date(2027, 1, 14, 9, 30, 0, 0, london)
	k.marked()
	k.must(ian, "/meeting start")
	if got := k.marked(); !slices.Contains(got, stranger) {
		t.Errorf("opening the meeting they substitute at marked %v, not the substitute's Home", got)
	}
	wantShown(t, card(), "Next meeting: Thursday 11 February 2027, 10:00")
}

// TestHomeOfASubstituteAsTheMeetingIsCancelledOrMoved: a substitute who
// is no member sees the next meeting on their Home as its members do, and
// their Home is marked as theirs are when it is cancelled or moved: named
// at the meeting cancelled, their card goes; named at the one after it,
// now the next, they gain one; named at a meeting moved, its card shows
// the new day, or goes when another meeting is then the next.
func TestHomeOfASubstituteAsTheMeetingIsCancelledOrMoved(t *testing.T) {
	k := meetingKit(t)
	k.must(ian, "/meeting schedule 2027-01-14 10:00 Bootle Town Hall")
	k.must(ian, "/meeting schedule 2027-02-11 10:00 Bootle Town Hall")
	k.must(neil, "/apologies Holiday sub <@USTRANGER>")
	k.must(graeme, "/apologies 14/01/2027 Training sub <@USUE>")
	card := func(user string) string {
		t.Helper()
		h := homeAt(t, k, user)
		if len(h.Cards) == 0 {
			return ""
		}
		return h.Cards[0].Text
	}
	k.marked()
	k.must(ian, "/meeting cancel 10 December")
	got := k.marked()
	for _, who := range []string{stranger, sue} {
		if !slices.Contains(got, who) {
			t.Errorf("cancelling the next meeting marked %v, not %s's Home", got, who)
		}
	}
	if got := card(stranger); got != "" {
		t.Errorf("the Home of the substitute at the meeting cancelled: %q", got)
	}
	wantShown(t, card(sue), "Next meeting: Thursday 14 January 2027, 10:00")

	// Moved after the meeting in February, which is then the next.
	k.must(ian, "/meeting move 14/01/2027 11/03/2027 10:00")
	if got := k.marked(); !slices.Contains(got, sue) {
		t.Errorf("moving the meeting they substitute at marked %v, not the substitute's Home", got)
	}
	if got := card(sue); got != "" {
		t.Errorf("the Home of the substitute at a meeting moved after the next: %q", got)
	}
	// And back before it: the next again, and February's substitute,
	// no longer at the next meeting, loses its card.
	k.must(neil, "/apologies 11/02/2027 Holiday sub <@USTRANGER>")
	wantShown(t, card(stranger), "Next meeting: Thursday 11 February 2027, 10:00")
	k.marked()
	k.must(ian, "/meeting move 11/03/2027 04/02/2027 10:00")
	got = k.marked()
	for _, who := range []string{stranger, sue} {
		if !slices.Contains(got, who) {
			t.Errorf("moving a meeting back before the next marked %v, not %s's Home", got, who)
		}
	}
	wantShown(t, card(sue), "Next meeting: Thursday 4 February 2027, 10:00")
	if got := card(stranger); got != "" {
		t.Errorf("the Home of the substitute at the meeting no longer the next: %q", got)
	}
}

// TestHomeMeetingInProgressAfterApologies: the Home of a member who sent
// apologies for the meeting under way says so, and what pressing I'm
// here does, rather than that they are not marked here yet, as if they
// were expected.
func TestHomeMeetingInProgressAfterApologies(t *testing.T) {
	k := attDay(t)
	k.must(neil, "/apologies Unwell sub Kate Ellis")
	k.must(sue, "/meeting start")
	s, buttons := attSection(k, neil, "Meeting in progress")
	want := "Thursday 10 December 2026, 10:00, Remote Meeting\n" +
		"You sent apologies for this meeting (substitute: Kate Ellis). Here after all? *I'm here* marks you present and withdraws them."
	if s.Text != want || !attHasButton(buttons, "I'm here") {
		t.Errorf("Neil's Home: %q %+v, want %q", s.Text, buttons, want)
	}
	k.must(neil, "/here")
	if s, _ := attSection(k, neil, "Meeting in progress"); !strings.HasSuffix(s.Text, "\nYou are marked present.") {
		t.Errorf("Neil's Home once here: %q", s.Text)
	}
}

// TestHomeMeetingInProgressSaysWhoMarked: a member marked at the meeting
// by the officer, or whose apologies the officer received there, reads on
// their Home who did it, not that they sent them.
func TestHomeMeetingInProgressSaysWhoMarked(t *testing.T) {
	k := attDay(t)
	k.must(sue, "/meeting start")
	k.must(ian, "/attendance <@UNEIL> remote")
	k.must(ian, "/attendance <@UGRAEME> apologies Unwell")
	if s, _ := attSection(k, neil, "Meeting in progress"); !strings.HasSuffix(s.Text, "\nYou are marked present remotely, by <@UIAN>.") {
		t.Errorf("Neil's Home once the officer marked him: %q", s.Text)
	}
	s, buttons := attSection(k, graeme, "Meeting in progress")
	if want := "<@UIAN> entered apologies for you for this meeting. Here after all? *I'm here* marks you present and withdraws them."; !strings.HasSuffix(s.Text, "\n"+want) || !attHasButton(buttons, "I'm here") {
		t.Errorf("Graeme's Home once the officer received his apologies: %q, want it to end %q", s.Text, want)
	}
	k.must(neil, "/here")
	if s, _ := attSection(k, neil, "Meeting in progress"); !strings.HasSuffix(s.Text, "\nYou are marked present.") {
		t.Errorf("Neil's Home once he marked himself: %q", s.Text)
	}
}

// TestHomeOfSubstituteAtMeetingInProgress: someone who is no member,
// named as a substitute, keeps the committee's card while the meeting
// is under way, with I'm here, rather than a Home that says they are in
// no committee just when they are expected.
func TestHomeOfSubstituteAtMeetingInProgress(t *testing.T) {
	k := attDay(t)
	k.must(neil, "/apologies Unwell sub <@USTRANGER>")
	k.must(sue, "/meeting start")
	if h, err := k.svc.Home(context.Background(), team, stranger, k.now); err != nil || h.Intro != "You are named as a substitute at a meeting of 1 committee." {
		t.Errorf("the substitute's Home: %q %v", h.Intro, err)
	}
	s, buttons := attSection(k, stranger, "Meeting in progress")
	want := "Thursday 10 December 2026, 10:00, Remote Meeting\nYou are named as substitute for Neil Frackelton (SWACA): you are not marked here yet."
	if s.Text != want || !attHasButton(buttons, "I'm here") {
		t.Errorf("the substitute's Home: %q %+v, want %q", s.Text, buttons, want)
	}
	for _, b := range buttons {
		if b.Label == "I'm here" {
			wantShown(t, shown(k.act(k.home(stranger), b.Action, b.Value)), "as substitute for Neil Frackelton")
		}
	}
	if s, buttons := attSection(k, stranger, "Meeting in progress"); s.Title != "Meeting in progress — you are marked present" || attHasButton(buttons, "I'm here") {
		t.Errorf("the substitute's Home once here: %+v %+v", s, buttons)
	}
	k.marked()
	k.must(sue, "/meeting close")
	if !slices.Contains(k.marked(), stranger) {
		t.Errorf("the close left the substitute's Home showing the meeting under way")
	}
	if h, err := k.svc.Home(context.Background(), team, stranger, k.now); err != nil || len(h.Cards) != 0 {
		t.Errorf("the substitute's Home after the meeting: %+v %v", h, err)
	}
}

// TestHomePromptsToMinuteTheMeetingJustHeld: once a meeting held in
// Quorum closes, the officers' and the chair's Homes say it has nothing
// minuted yet and how to write it up, before a first minute makes it a
// draft to confirm; a member's Home does not, nor does anyone's for a
// meeting still sitting.
func TestHomePromptsToMinuteTheMeetingJustHeld(t *testing.T) {
	k := decDay(t)
	section := func(user, title string) string {
		t.Helper()
		h, err := k.svc.Home(context.Background(), team, user, k.now)
		if err != nil || len(h.Cards) == 0 {
			t.Fatalf("%s's Home: %+v %v", user, h, err)
		}
		for _, s := range h.Cards[0].Sections {
			if s.Title == title {
				return s.Text
			}
		}
		return ""
	}
	const prompt = "Meeting of Thursday 10 December 2026 held, nothing minuted yet: `/minutes draft 2026-12-10` to read the draft written from its records, `/minute 2026-12-10 ITEM TEXT` in the channel to record an item's minute."
	if got := section(ian, "Minutes and actions"); strings.Contains(got, "nothing minuted yet") {
		t.Errorf("the officer's Home, the meeting sitting:\n%s", got)
	}

	k.marked()
	k.must(sue, "/meeting close")
	if got := k.marked(); !slices.Contains(got, ian) {
		t.Errorf("closing the meeting marked %v, not the officer's Home", got)
	}
	k.now = time.Date(2026, 12, 11, 9, 0, 0, 0, london)
	wantShown(t, section(ian, "Minutes and actions"), prompt)
	wantShown(t, section(sue, "For the chair"), prompt)
	if got := section(neil, "Minutes and actions") + section(neil, "For the chair"); got != "" {
		t.Errorf("a member's Home shows the officers' minutes:\n%s", got)
	}

	// The vice-chair, not chairing, is told who writes it.
	k.must(ian, "/committee member add <@UGRAEME> Merseyside Police vice-chair")
	wantShown(t, section(graeme, "For the chair"),
		"Meeting of Thursday 10 December 2026 held, nothing minuted yet: `/minutes draft 2026-12-10` to read the draft written from its records; the chair or an officer minutes it.")

	// A correction a member proposes to what the records say is counted.
	k.must(neil, "/minutes comment 2026-12-10 1 I sent my apologies by email.")
	wantShown(t, section(ian, "Minutes and actions"), prompt+" 1 correction proposed by members that no amendment has followed.")

	// A first minute makes it minutes drafted, to confirm.
	k.must(ian, "/minute 7.7 The Board heard the report.")
	got := section(ian, "Minutes and actions")
	wantShown(t, got, "Minutes of Thursday 10 December 2026 drafted, not yet confirmed: `/minutes draft 2026-12-10` to read them, `/minutes approve 2026-12-10` to confirm them by correspondence.")
	if strings.Contains(got, "nothing minuted yet") {
		t.Errorf("the officer's Home after a minute was written:\n%s", got)
	}
}

// TestHomeLeavesImportedMinutesUnprompted: a meeting marked held by
// importing its published minutes was not held in Quorum, and its
// minutes are confirmed: the officer is not asked to minute it.
func TestHomeLeavesImportedMinutesUnprompted(t *testing.T) {
	k := agendaKit(t)
	k.now = time.Date(2026, 12, 11, 9, 0, 0, 0, london)
	text := "SAFER SEFTON TOGETHER\nMEETING HELD AS A MICROSOFT TEAMS REMOTE MEETING\nON 10 DECEMBER 2026\n\nPRESENT:\n\nCouncillor Hardy (in the Chair)\nSuperintendent Graeme Robson.\n\nThe Board discussed partnership matters.\n"
	if _, errs := k.importMinutes(ian, text); len(errs) != 0 {
		t.Fatal(errs)
	}
	h, err := k.svc.Home(context.Background(), team, ian, k.now)
	if err != nil || len(h.Cards) == 0 {
		t.Fatalf("the officer's Home: %+v %v", h, err)
	}
	for _, s := range h.Cards[0].Sections {
		if strings.Contains(s.Text, "10 December 2026") {
			t.Errorf("the officer's Home names the meeting whose minutes were imported, in %q:\n%s", s.Title, s.Text)
		}
	}
}

// homeSection is the text of the section titled title on user's Home
// card, empty when there is none.
func homeSection(k *kit, user, title string) string {
	k.t.Helper()
	h, err := k.svc.Home(context.Background(), team, user, k.now)
	if err != nil || len(h.Cards) == 0 {
		k.t.Fatalf("%s's Home: %+v %v", user, h, err)
	}
	for _, s := range h.Cards[0].Sections {
		if s.Title == title {
			return s.Text
		}
	}
	return ""
}

// TestHomePromptToMinuteNamesTheMeeting: the Home's prompt to minute a
// meeting held with nothing minuted gives its date, for /minute without
// one writes to the meeting in progress, or the last held: typed as the
// Home gives it during the next meeting, it minutes the meeting listed.
func TestHomePromptToMinuteNamesTheMeeting(t *testing.T) {
	k := decDay(t)
	k.must(sue, "/meeting close")
	k.now = time.Date(2026, 12, 19, 9, 0, 0, 0, london)
	k.must(ian, "/meeting schedule 2027-01-14 10:00 Bootle Town Hall")
	k.now = time.Date(2027, 1, 14, 10, 5, 0, 0, london)
	k.must(sue, "/meeting start")
	got := homeSection(k, ian, "Minutes and actions")
	const prompt = "Meeting of Thursday 10 December 2026 held, nothing minuted yet: `/minutes draft 2026-12-10` to read the draft written from its records, `/minute 2026-12-10 ITEM TEXT` in the channel to record an item's minute."
	wantShown(t, got, prompt)
	wantShown(t, k.say(ian, "/minute 2026-12-10 7.7 The Board heard the report."), "of the meeting on Thursday 10 December 2026")
}

// TestHomeOffersTheViceChairMinutingByTheMeetingMinuted: the vice-chair
// may minute a meeting only if they chaired it for an absent chair, which
// the meeting they chair now does not change: chairing the next meeting
// for the chair, they are not offered /minute for one the chair chaired.
func TestHomeOffersTheViceChairMinutingByTheMeetingMinuted(t *testing.T) {
	k := decDay(t)
	k.must(ian, "/committee member add <@UGRAEME> Merseyside Police vice-chair")
	k.must(sue, "/meeting close")
	k.now = time.Date(2026, 12, 19, 9, 0, 0, 0, london)
	k.must(ian, "/meeting schedule 2027-01-14 10:00 Bootle Town Hall")
	k.must(sue, "/apologies 2027-01-14 Holiday")
	k.now = time.Date(2027, 1, 14, 10, 5, 0, 0, london)
	k.must(ian, "/meeting start")
	got := homeSection(k, graeme, "For the chair")
	wantShown(t, got, "Meeting of Thursday 10 December 2026 held, nothing minuted yet: `/minutes draft 2026-12-10` to read the draft written from its records; the chair or an officer minutes it.")
	attRefused(k, graeme, "/minute 2026-12-10 7.7 The Board heard the report.", "only the chair or an officer can record minutes")
}

// TestHomeOffersTheViceChairMinutingTheMeetingTheyChaired: the
// vice-chair who chaired a meeting for an absent chair may minute it,
// and is offered /minute for it on their Home, though the chair is back
// in the chair at the meeting in progress.
func TestHomeOffersTheViceChairMinutingTheMeetingTheyChaired(t *testing.T) {
	k := agendaKit(t)
	k.must(ian, "/committee member add <@USUE> Sefton CVS chair")
	k.must(ian, "/committee member add <@UGRAEME> Merseyside Police vice-chair")
	k.must(sue, "/apologies 2026-12-10 Holiday")
	k.now = time.Date(2026, 12, 10, 10, 30, 0, 0, london)
	k.must(ian, "/meeting start")
	k.must(ian, "/meeting close")
	k.now = time.Date(2026, 12, 19, 9, 0, 0, 0, london)
	k.must(ian, "/meeting schedule 2027-01-14 10:00 Bootle Town Hall")
	k.now = time.Date(2027, 1, 14, 10, 5, 0, 0, london)
	k.must(sue, "/meeting start")
	wantShown(t, homeSection(k, graeme, "For the chair"), "Meeting of Thursday 10 December 2026 held, nothing minuted yet: `/minutes draft 2026-12-10` to read the draft written from its records, `/minute 2026-12-10 ITEM TEXT` in the channel to record an item's minute.")
	k.must(graeme, "/minute 2026-12-10 7.7 The Board heard the report.")
}

// TestHomePromptsForTheMeetingJustHeldAfterManyUnminuted: a committee
// that closes its meetings in Quorum and minutes them elsewhere still
// finds the meeting just closed on the officers' Home, and the minutes
// awaiting confirmation, however many meetings before it were left with
// nothing minuted; the oldest of those give way.
func TestHomePromptsForTheMeetingJustHeldAfterManyUnminuted(t *testing.T) {
	k := decDay(t)
	k.must(sue, "/meeting close")
	k.must(ian, "/minute 7.7 The Board heard the report.")
	holdMeetings(t, k, "2027-01-14", "2027-02-11", "2027-03-11", "2027-04-08", "2027-05-13")
	k.now = time.Date(2027, 5, 14, 9, 0, 0, 0, london)
	got := homeSection(k, ian, "Minutes and actions")
	wantShown(t, got,
		"Minutes of Thursday 10 December 2026 drafted, not yet confirmed",
		"Meeting of Thursday 13 May 2027 held, nothing minuted yet: `/minutes draft 2027-05-13`")
	inOrder(t, got, "10 December 2026", "11 February 2027", "13 May 2027")
	if strings.Contains(got, "14 January 2027") {
		t.Errorf("the officer's Home lists the oldest meeting left unminuted over the latest:\n%s", got)
	}
}

// holdMeetings schedules, opens and closes a meeting at 10:00 on each of
// days (2006-01-02), the officer doing each on its day.
func holdMeetings(t *testing.T, k *kit, days ...string) {
	t.Helper()
	for _, day := range days {
		d, err := time.ParseInLocation("2006-01-02", day, london)
		if err != nil {
			t.Fatal(err)
		}
		k.now = d.Add(-15 * time.Hour)
		k.must(ian, "/meeting schedule "+day+" 10:00 Bootle Town Hall")
		k.now = d.Add(10*time.Hour + 5*time.Minute)
		k.must(ian, "/meeting start")
		k.must(ian, "/meeting close")
	}
}

// TestHomePromptsForTheMeetingJustHeldBehindManyDrafts: a committee
// slow to confirm its minutes, with more drafts waiting than the Home has
// lines, is still asked for the meeting just held, and told that more
// drafts wait than are listed.
func TestHomePromptsForTheMeetingJustHeldBehindManyDrafts(t *testing.T) {
	k := decDay(t)
	k.must(sue, "/meeting close")
	k.must(ian, "/minute 7.7 The Board heard the report.")
	days := []string{"2027-01-14", "2027-02-11", "2027-03-11", "2027-04-08", "2027-05-13", "2027-06-10"}
	holdMeetings(t, k, days...)
	for _, day := range days[:len(days)-1] {
		k.must(ian, "/minute "+day+" 1 The Board met.")
	}
	k.now = time.Date(2027, 6, 11, 9, 0, 0, 0, london)
	got := homeSection(k, ian, "Minutes and actions")
	wantShown(t, got,
		"Minutes of Thursday 10 December 2026 drafted, not yet confirmed",
		"Meeting of Thursday 10 June 2027 held, nothing minuted yet: `/minutes draft 2027-06-10`",
		"… and minutes of later meetings drafted, not yet confirmed")
	inOrder(t, got, "10 December 2026", "14 January 2027", "11 February 2027", "10 June 2027")
	if n := strings.Count(got, "drafted, not yet confirmed: `/minutes draft 20"); n != 3 {
		t.Errorf("the officer's Home lists %d drafts, want 3 beside the meeting just held and the line saying more wait:\n%s", n, got)
	}
	if got := homeSection(k, sue, "For the chair"); !strings.Contains(got, "Meeting of Thursday 10 June 2027 held, nothing minuted yet") {
		t.Errorf("the chair's Home does not ask for the meeting just held behind many drafts:\n%s", got)
	}
}

// TestHomeLeavesMeetingsMinutedElsewhere: a meeting held in Quorum whose
// minutes were written elsewhere is listed as having nothing minuted only
// until the minutes of a later meeting are confirmed: by then its own
// were dealt with, and the Home stops asking for them.
func TestHomeLeavesMeetingsMinutedElsewhere(t *testing.T) {
	k := decDay(t)
	k.must(sue, "/meeting close")
	k.now = time.Date(2027, 1, 13, 9, 0, 0, 0, london)
	k.must(ian, "/meeting schedule 2027-01-14 10:00 Bootle Town Hall")
	k.now = time.Date(2027, 1, 14, 10, 5, 0, 0, london)
	k.must(ian, "/meeting start")
	k.must(ian, "/meeting close")
	k.now = time.Date(2027, 2, 20, 9, 0, 0, 0, london)
	got := homeSection(k, ian, "Minutes and actions")
	wantShown(t, got, "Meeting of Thursday 10 December 2026 held, nothing minuted yet", "Meeting of Thursday 14 January 2027 held, nothing minuted yet")

	// The published minutes of the February meeting, imported.
	if _, errs := k.importMinutes(ian, strings.Replace(seedMinutes(t), "ON 9 DECEMBER 2021", "ON 11 FEBRUARY 2027", 1)); len(errs) != 0 {
		t.Fatal(errs)
	}
	if got := homeSection(k, ian, "Minutes and actions"); strings.Contains(got, "nothing minuted yet") {
		t.Errorf("the officer's Home still asks for minutes of meetings before one whose minutes are confirmed:\n%s", got)
	}
}

// TestHomeWithdrawButtonsOfARemovedItemAndItsSuccessor: a member who
// declared on an item taken off the agenda, and on the item given its
// number after, has two Withdraw buttons on their Home that say which is
// which; each withdraws the declaration it names.
func TestHomeWithdrawButtonsOfARemovedItemAndItsSuccessor(t *testing.T) {
	k := agendaKit(t)
	k.must(neil, "/declare 7.5 personal Trustee of SWACA")
	k.must(ian, "/agenda remove 7.5 confirm")
	k.must(ian, "/agenda add 7.5 SWACA Services — Kate Ellis (SWACA)")
	k.must(neil, "/declare 7.5 personal Trustee of SWACA")
	var labels []string
	var removed commands.Button
	for _, b := range homeAt(t, k, neil).Cards[0].Buttons {
		if strings.HasPrefix(b.Label, "Withdraw declaration") {
			labels = append(labels, b.Label)
			if strings.Contains(b.Label, "removed") {
				removed = b
			}
		}
	}
	if want := []string{"Withdraw declaration 7.5 (removed)", "Withdraw declaration 7.5"}; !slices.Equal(sorted(labels), sorted(want)) {
		t.Fatalf("Neil's Withdraw buttons: %q, want %q", labels, want)
	}
	wantShown(t, shown(k.act(k.request(neil, ""), removed.Action, removed.Value)), "removed from the agenda) is withdrawn")
	wantShown(t, k.say(neil, "/declare list"), "Item 7.5 (SWACA Services) — Neil Frackelton: personal interest")
}

func sorted(s []string) []string {
	out := slices.Clone(s)
	slices.Sort(out)
	return out
}

// TestHomeMeetingAdjourned: while the meeting is adjourned its card says
// so, and since when, as the live message does, rather than that it is in
// progress; resumed, it is in progress again.
func TestHomeMeetingAdjourned(t *testing.T) {
	k := attDay(t)
	k.must(sue, "/meeting start")
	k.must(graeme, "/here")
	k.now = attAt(10, 10, 40)
	k.must(sue, "/meeting adjourn")
	s, buttons := attSection(k, graeme, "Meeting")
	want := "Thursday 10 December 2026, 10:00, Remote Meeting\nAdjourned at 10:40.\nYou are marked present."
	if s.Title != "Meeting adjourned — you are marked present" || s.Text != want || attHasButton(buttons, "I'm here") {
		t.Errorf("Graeme's Home while adjourned: %q %q %+v, want %q", s.Title, s.Text, buttons, want)
	}
	s, buttons = attSection(k, sue, "Meeting")
	if s.Title != "Meeting adjourned" || !strings.HasPrefix(s.Text, "Thursday 10 December 2026, 10:00, Remote Meeting\nAdjourned at 10:40.\n") || !attHasButton(buttons, "I'm here") {
		t.Errorf("the chair's Home while adjourned: %q %q %+v", s.Title, s.Text, buttons)
	}
	k.now = attAt(10, 10, 55)
	k.must(sue, "/meeting resume")
	s, _ = attSection(k, graeme, "Meeting")
	if s.Title != "Meeting in progress — you are marked present" || strings.Contains(s.Text, "Adjourned") {
		t.Errorf("Graeme's Home once resumed: %q %q", s.Title, s.Text)
	}
}

// TestHomeMeetingInProgressSaysLateArrival: a member marked as arriving
// late reads the time on their Home, as the minutes will give it, not
// only that they are present.
func TestHomeMeetingInProgressSaysLateArrival(t *testing.T) {
	k := attDay(t)
	k.must(sue, "/meeting start")
	k.now = attAt(10, 10, 30)
	k.must(ian, "/attendance <@UGRAEME> late 10:20")
	if s, _ := attSection(k, graeme, "Meeting in progress"); !strings.HasSuffix(s.Text, "\nYou are marked present, by <@UIAN>, arriving late at 10:20.") {
		t.Errorf("Graeme's Home once marked late: %q", s.Text)
	}
	k.must(ian, "/attendance <@UANN> late 10:25")
	k.must(ian, "/attendance <@UANN> remote")
	if s, _ := attSection(k, attAnn, "Meeting in progress"); !strings.HasSuffix(s.Text, "\nYou are marked present remotely, by <@UIAN>, arriving late at 10:25.") {
		t.Errorf("Ann's Home once marked late, then on the call: %q", s.Text)
	}
	// On time, they are told nothing of lateness.
	k.must(sue, "/here")
	if s, _ := attSection(k, sue, "Meeting in progress"); strings.Contains(s.Text, "late") {
		t.Errorf("the chair's Home, marked on pressing I'm here: %q", s.Text)
	}
}

// TestHomeMeetingInProgressSaysWhomASubstituteStandsFor: a substitute
// marked here reads on their Home whom they are marked as standing in
// for, by themselves or by the officer, not only that they are present.
func TestHomeMeetingInProgressSaysWhomASubstituteStandsFor(t *testing.T) {
	k := attDay(t)
	k.must(neil, "/apologies Unwell sub <@USTRANGER>")
	k.must(sue, "/meeting start")
	k.must(stranger, "/here")
	if s, _ := attSection(k, stranger, "Meeting in progress"); !strings.HasSuffix(s.Text, "\nYou are marked present as substitute for Neil Frackelton.") {
		t.Errorf("the substitute's Home once here: %q", s.Text)
	}
	k.must(ian, "/attendance <@USTRANGER> remote")
	k.must(ian, "/attendance <@USTRANGER> substitute-for <@UGRAEME>")
	if s, _ := attSection(k, stranger, "Meeting in progress"); !strings.HasSuffix(s.Text, "\nYou are marked present as substitute for Graeme Robson, by <@UIAN>.") {
		t.Errorf("the substitute's Home once the officer marked them for Graeme: %q", s.Text)
	}
	// Graeme removed from the committee during the meeting: still named,
	// not by his user ID.
	k.must(ian, "/committee member remove <@UGRAEME>")
	if s, _ := attSection(k, stranger, "Meeting in progress"); !strings.HasSuffix(s.Text, "\nYou are marked present as substitute for Graeme Robson, by <@UIAN>.") {
		t.Errorf("the substitute's Home once Graeme was removed: %q", s.Text)
	}
}

// TestSubstituteHomeFollowsAnAdjournment: the Home of a substitute who is
// no member, which says whether the meeting is adjourned as the members'
// Homes do, is brought up to date when it is adjourned and resumed.
func TestSubstituteHomeFollowsAnAdjournment(t *testing.T) {
	k := attDay(t)
	k.now = attAt(9, 12, 0)
	k.must(neil, "/apologies Unwell sub <@USTRANGER|Mallory>")
	k.now = attAt(10, 9, 55)
	if err := k.svc.HomeOpened(context.Background(), team, "USTRANGER", k.now, ""); err != nil {
		t.Fatal(err)
	}
	k.must(sue, "/meeting start")
	k.must("USTRANGER", "/here")
	for _, step := range []string{"adjourn", "resume"} {
		k.marked()
		k.now = k.now.Add(10 * time.Minute)
		k.must(sue, "/meeting "+step)
		if marked := k.marked(); !slices.Contains(marked, "USTRANGER") {
			t.Errorf("/meeting %s marked the Homes of %v, not the substitute's", step, marked)
		}
	}
}

// An apology for a meeting cancelled since is listed among the member's
// latest changes as for a cancelled meeting, and the cancelling refreshes
// their Home: read as it stood, it would say they sent apologies for a
// meeting still to come.
func TestHomeChangesSayMeetingCancelled(t *testing.T) {
	k := agendaKit(t)
	k.must(ian, "/meeting schedule 2027-02-11 10:00 Town Hall")
	k.must(sue, "/apologies 2027-02-11 Holiday")
	wantShown(t, cardSection(t, k, sue, "Your latest changes"), "sent apologies: Holiday (meeting on 11 Feb 2027)\n")
	k.marked()
	k.must(ian, "/meeting cancel 2027-02-11")
	if marked := k.marked(); !slices.Contains(marked, sue) {
		t.Errorf("the cancelling refreshed the Homes of %v, not Sue's", marked)
	}
	wantShown(t, cardSection(t, k, sue, "Your latest changes"), "sent apologies: Holiday (meeting on 11 Feb 2027, cancelled)\n")
}

// TestHomeMarksOverdueActionsOfFormerMembers: a member who leaves mid-year
// with an action overdue is no longer reminded of it and cannot mark it
// done; the officers' and the chair's Homes, which list the overdue
// actions, mark its owner as `/action list` does, so that someone gives it
// to another rather than wait on them.
func TestHomeMarksOverdueActionsOfFormerMembers(t *testing.T) {
	k := decDay(t)
	k.must(ian, "/resolve 7.7 That the report be noted.")
	k.must(ian, "/action add 9 <@UNEIL> 2026-12-15 Circulate the figures")
	k.must(ian, "/action add 9 <@UGRAEME> 2026-12-16 Book the room")
	k.must(sue, "/meeting close")
	k.now = time.Date(2027, 1, 20, 9, 0, 0, 0, london)
	k.must(ian, "/committee member remove <@UNEIL>")
	for _, who := range []struct{ user, title string }{{ian, "Minutes and actions"}, {sue, "For the chair"}} {
		got := cardSection(t, k, who.user, who.title)
		wantShown(t, got, "• 1. Circulate the figures — <@UNEIL> (no longer a member), due Tuesday 15 December 2026",
			"• 2. Book the room — <@UGRAEME>, due Wednesday 16 December 2026")
		if strings.Contains(got, "<@UGRAEME> (no longer") {
			t.Errorf("%s's Home marks a member as gone:\n%s", who.user, got)
		}
	}
}

// TestHomeReportsOwedUnderANameWithoutItsAccents: an agenda typed on a
// British keyboard names Siân Ní Bhriain as "Sian Ni Bhriain", and Seán
// O’Neill with a straight apostrophe; each is still told of the report
// they owe, as when the agenda spells their name as Slack does.
func TestHomeReportsOwedUnderANameWithoutItsAccents(t *testing.T) {
	k := meetingKit(t)
	k.dir["USIAN"] = "Siân Ní Bhriain"
	k.dir["USEAN"] = "Seán O’Neill"
	k.must(ian, "/committee member add <@USIAN> St Helens & Knowsley Teaching Hospitals NHS Trust")
	k.must(ian, "/committee member add <@USEAN> Merseyside Fire & Rescue Service")
	k.must(ian, "/agenda add 7.5 Health Inequalities — Sian Ni Bhriain")
	k.must(ian, "/agenda add 7.6 Fire Safety — Dr Sean O'Neill (Merseyside Fire & Rescue Service)")
	for user, want := range map[string]string{"USIAN": "• Report owed for item 7.5 (Health Inequalities)\nSend", "USEAN": "• Report owed for item 7.6 (Fire Safety)\nSend"} {
		if got := section(t, k.svc, user, "Reports you owe"); !strings.HasPrefix(got, want) {
			t.Errorf("%s owes %q, want %q", user, got, want)
		}
	}
}

// TestHomeTodaysMeetingWaiting: at 10:05 the chair is late and nobody has
// opened today's 10:00 meeting. A member's Home shows it, not January's,
// saying that apologies can still be sent for it until it is opened, with
// January's after it; Send apologies and Withdraw apologies pressed there
// act on it, as `/apologies` without a date does, not on January's.
func TestHomeTodaysMeetingWaiting(t *testing.T) {
	k := meetingKit(t) // Thursday 10 December 2026, 10:00, Remote Meeting
	k.must(ian, "/meeting schedule 2027-01-14 10:00 Bootle Town Hall")
	k.now = time.Date(2026, 12, 10, 10, 5, 0, 0, london)
	press := func(label string) commands.Reply {
		t.Helper()
		h := homeAt(t, k, neil)
		if len(h.Cards) == 0 {
			t.Fatalf("Neil's Home has no cards: %+v", h)
		}
		for _, b := range h.Cards[0].Buttons {
			if b.Label == label {
				return k.act(k.home(neil), b.Action, b.Value)
			}
		}
		t.Fatalf("no %q button on Neil's Home: %+v", label, h.Cards[0])
		return commands.Reply{}
	}
	h := homeAt(t, k, neil)
	if len(h.Cards) == 0 {
		t.Fatalf("Neil's Home has no cards: %+v", h)
	}
	wantShown(t, h.Cards[0].Text, "\nToday's meeting: Thursday 10 December 2026, 10:00, Remote Meeting\nIt began by the clock and has not been opened yet; apologies can still be sent for it until it is.\nThe meeting after it: Thursday 14 January 2027, 10:00, Bootle Town Hall")
	wantNotShown(t, h.Cards[0].Text, "a member cannot open the meeting", "/meeting start")
	wantShown(t, homeText(t, k, neil), "None sent: you are expected at today's meeting. `/apologies REASON` in the channel gives a reason or a substitute.")

	wantShown(t, shown(press("Send apologies")), "Your apologies for the meeting of *Safer Sefton Together* on Thursday 10 December 2026, 10:00, Remote Meeting are recorded.")
	wantShown(t, k.say(ian, "/apologies list today"), "Neil Frackelton")
	wantNotShown(t, k.say(ian, "/apologies list next"), "apologies sent from the Home at 10:05 are for today's meeting", "Neil Frackelton")
	wantShown(t, homeText(t, k, neil), "You have sent apologies for today's meeting.")

	press("Withdraw apologies")
	wantNotShown(t, k.say(ian, "/apologies list today"), "the apologies withdrawn from the Home are today's", "Neil Frackelton")
	wantShown(t, homeText(t, k, neil), "None sent: you are expected at today's meeting.")

	// Opened, it is in progress, and January's is the next again.
	k.now = time.Date(2026, 12, 10, 10, 10, 0, 0, london)
	k.must(ian, "/meeting start")
	wantShown(t, homeAt(t, k, neil).Cards[0].Text, "Next meeting: Thursday 14 January 2027, 10:00, Bootle Town Hall")
	wantShown(t, homeText(t, k, neil), "None sent: you are expected at the next meeting. `/apologies next REASON`")
}

// TestHomeTodaysMeetingWaitingOffersWhatWorks: while today's meeting
// waits to be opened, the Home offers nothing that is refused until it
// is: no Declare button for an item that may concern the register, and
// no `/agenda post` for the officer to type; before its start, Declare is
// offered.
func TestHomeTodaysMeetingWaitingOffersWhatWorks(t *testing.T) {
	k := agendaKit(t) // Thursday 10 December 2026, 10:00
	k.must(neil, "/interests add other Trustee of SWACA")
	k.now = time.Date(2026, 12, 10, 10, 5, 0, 0, london)
	wantShown(t, homeText(t, k, neil), "• Item 7.5 (SWACA) may concern 'Trustee of SWACA'\nOnce the meeting is opened, *Declare* is offered here for each.")
	h := homeText(t, k, ian)
	wantShown(t, h, "Agenda not posted yet: once the meeting is opened, `/agenda post` in the channel posts it.")
	wantNotShown(t, h, "the officer is not told to post the agenda before it can be", "Agenda not posted yet: `/agenda post`")
	const refused = "has not been opened yet"
	var labels []string
	for _, c := range homeAt(t, k, neil).Cards {
		for _, b := range c.Buttons {
			labels = append(labels, b.Label)
			if r := shown(k.act(k.home(neil), b.Action, b.Value)); strings.Contains(r, refused) && b.Action != "apologies.send_next" {
				t.Errorf("Neil's Home at 10:05 offers %q, which is refused: %q", b.Label, r)
			}
		}
	}
	if slices.Contains(labels, "Declare: item 7.5") {
		t.Errorf("Neil's Home at 10:05 offers Declare: %q", labels)
	}
	// Before its start, the meeting is still to come, and Declare is
	// offered.
	k2 := agendaKit(t)
	k2.must(neil, "/interests add other Trustee of SWACA")
	k2.now = time.Date(2026, 12, 10, 9, 55, 0, 0, london)
	var before []string
	for _, c := range homeAt(t, k2, neil).Cards {
		for _, b := range c.Buttons {
			before = append(before, b.Label)
		}
	}
	if !slices.Contains(before, "Declare: item 7.5") {
		t.Errorf("Neil's Home at 09:55, before the meeting's start, offers %q; want Declare: item 7.5", before)
	}
}

// TestHomeTodaysMeetingWaitingSubstitute: someone who is no member, named
// as substitute at today's meeting, is expected at it while it waits to
// be opened, as the member who named them is told: their Home still
// shows it at 10:05, as it did at 09:55. Named at January's alone, they
// are shown January's.
func TestHomeTodaysMeetingWaitingSubstitute(t *testing.T) {
	k := agendaKit(t) // Thursday 10 December 2026, 10:00
	k.must(ian, "/meeting schedule 2027-01-14 10:00 Bootle Town Hall")
	k.must(neil, "/apologies 2026-12-10 Away sub <@USTRANGER>")
	k.must(sue, "/apologies 2027-01-14 Away sub <@USTRANGER2>")
	k.now = time.Date(2026, 12, 10, 10, 5, 0, 0, london)
	wantShown(t, homeText(t, k, neil), "You have sent apologies for today's meeting.")
	h := homeAt(t, k, stranger)
	if len(h.Cards) != 1 {
		t.Fatalf("the substitute's Home at 10:05, today's meeting waiting to be opened: %+v; want its card", h)
	}
	wantShown(t, h.Intro, "You are named as a substitute at a meeting of 1 committee.")
	wantShown(t, h.Cards[0].Text, "Substitute\nToday's meeting: Thursday 10 December 2026, 10:00, Remote Meeting\nIt began by the clock and has not been opened yet.\nThe meeting after it: Thursday 14 January 2027, 10:00, Bootle Town Hall")
	wantShown(t, homeText(t, k, stranger), "Neil Frackelton (SWACA) has named you as their substitute at today's meeting.\nWhen it opens, press *I'm here* on its message in <#C1>, or type `/here` there.")
	h = homeAt(t, k, stranger+"2")
	if len(h.Cards) != 1 {
		t.Fatalf("the substitute named for January's: %+v; want its card", h)
	}
	wantShown(t, h.Cards[0].Text, "Next meeting: Thursday 14 January 2027, 10:00, Bootle Town Hall")
	wantShown(t, homeText(t, k, stranger+"2"), "Sue Holden (Sefton CVS) has named you as their substitute at the next meeting.")
}
