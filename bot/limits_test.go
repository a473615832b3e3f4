package bot_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/quorumhq/quorum/bot"
	"github.com/quorumhq/quorum/commands"
	"github.com/quorumhq/quorum/internal/bottest"
)

// pad makes s n characters long.
func pad(s string, n int, fill string) string {
	for utf8.RuneCountInString(s) < n {
		s += fill
	}
	r := []rune(s)
	return string(r[:n])
}

// TestBigCommitteeWithinSlackLimits walks a large committee — 80 members
// with long names, 64 agenda items, 40 reports, 80 declarations, 600
// register entries, 40 long minutes and 300 actions — through what a
// member, the chair and the officer see: every reply, form, button's
// answer, post and Home must be one Slack takes (the kit and the fake
// Slack check each against Block Kit's limits), and a reply too long for
// one message comes in parts, or says where the rest is.
func TestBigCommitteeWithinSlackLimits(t *testing.T) {
	start := time.Now()
	ctx := context.Background()
	k := bottest.New(t)
	k.SetNow(now)
	k.AddUser(officer, pad("Ian Barton-Ødegård 🦉 ", 80, "é"))
	k.Must(officer, "/committee", "setup "+pad("Safer Sefton Together — Community Safety Partnership 🛡️ ", 80, "ß"))
	run := func(user, cmd, text string) commands.Reply {
		t.Helper()
		r, err := k.Service.Run(ctx, commands.Request{Command: cmd, Text: text, TeamID: bottest.Team, ChannelID: bottest.Channel, UserID: user, UserName: strings.ToLower(user), Now: k.Now()})
		if err != nil {
			t.Fatalf("%s %s: %v", cmd, text, err)
		}
		return r
	}
	c := mustCommittee(t, k.DB)
	var members []string
	for i := range 80 {
		id := fmt.Sprintf("UM%03d", i)
		members = append(members, id)
		name := pad(fmt.Sprintf("Zoë%02d Åsa Øvergård-Ñúñez 🦊 ", i), 80, "ł")
		k.AddUser(id, name)
		role := commands.RoleMember
		if i == 0 {
			role = commands.RoleChair
		}
		m := commands.Member{CommitteeID: c.ID, UserID: id, Name: name, Role: role,
			Organisation: pad(fmt.Sprintf("Organisation %02d of Sefton Voluntary Services ☕ ", i), 80, "ø")}
		if _, err := k.DB.PutMember(ctx, m, officer); err != nil {
			t.Fatal(err)
		}
	}
	chair := members[0]
	run(officer, "/meeting", "schedule 2026-11-23 14:00 "+pad("The Council Chamber, Bootle Town Hall, Oriel Road 🏛️ ", 120, "ñ"))
	for i := 5; i <= 64; i++ {
		text := fmt.Sprintf("add %d %s", i, pad(fmt.Sprintf("Item %d: Violence against Women and Girls — partner reports «ünïcödé» 📊 ", i), 200, "x"))
		if i%2 == 0 {
			text += " — Jen Williams-Ødegård 🦉 (NW Probation)"
		}
		if r := run(officer, "/agenda", text); !strings.Contains(r.Text, "Added item") {
			t.Fatalf("/agenda %s: %s", text, r.Text)
		}
	}
	for i := 1; i <= 40; i++ {
		r := run(officer, "/report", fmt.Sprintf("for <@%s> %d https://example.org/reports/%s.pdf %s", members[i], i, pad("r", 150, "r"), pad("Report of the partner ✨ ", 150, "é")))
		if !strings.Contains(r.Text, "is attached") {
			t.Fatalf("/report: %s", r.Text)
		}
	}
	for i, m := range members {
		run(m, "/declare", fmt.Sprintf("%d personal %s", i%60+1, pad("Trustee of the Sefton Women’s and Children’s Aid charity 🎗️ ", 200, "ü")))
		if i%3 == 0 {
			run(m, "/apologies", pad("Unwell — at the hospital all morning 🤒 ", 200, "á"))
		}
	}
	for _, m := range members[:20] {
		for j := range 30 {
			run(m, "/interests", fmt.Sprintf("add other %s", pad(fmt.Sprintf("Member %d of the Board of Sefton CVS 🤝 ", j), 200, "ö")))
		}
	}
	k.SetNow(now.Add(2 * time.Hour))
	run(officer, "/meeting", "start")
	for _, m := range members[1:] {
		if m[3]%3 != 0 {
			run(m, "/here", "")
		}
	}
	for i := 1; i <= 40; i++ {
		r1 := run(officer, "/minute", fmt.Sprintf("%d %s", i, pad("The committee heard the partner’s report and discussed it at length 🗣️ ", 1500, "é")))
		r2 := run(officer, "/resolve", fmt.Sprintf("%d That %s", i, pad("the partnership note the report and ask for a further update «ü» ", 1200, "ö")))
		if !strings.Contains(r1.Text, "Minuted") || !strings.Contains(r2.Text, "Resolved") {
			t.Fatalf("minuting item %d: %s\n%s", i, r1.Text, r2.Text)
		}
	}
	k.SetNow(now.Add(4 * time.Hour))
	run(officer, "/meeting", "close")
	for i := range 300 {
		r := run(officer, "/action", fmt.Sprintf("add 2026-11-23 %d <@%s> 2027-01-%02d %s", i%40+1, members[i%80], i%28+1, pad("Write to the Home Office about the funding 📨 ", 200, "ę")))
		if !strings.Contains(r.Text, "recorded") {
			t.Fatalf("/action add: %s", r.Text)
		}
	}
	run(officer, "/meeting", "schedule 2026-12-10 10:00 Remote Meeting")

	look := func(user, cmd, text string) bottest.Reply {
		t.Helper()
		r := k.Command(user, cmd, text)
		if r.Status != 200 {
			t.Errorf("%s %s (as %s): status %d", cmd, text, user, r.Status)
		}
		// A reply cut to fit says how to see the rest.
		for _, part := range append([]bottest.Reply{r}, r.Parts...) {
			if i := strings.Index(part.Raw, "not shown"); i >= 0 && !strings.Contains(part.Raw, "not shown:") {
				t.Errorf("%s %s (as %s) leaves parts out without saying where to see them:\n%.300s", cmd, text, user, part.Raw[max(0, i-40):])
			}
		}
		return r
	}
	var buttons [][2]string
	for _, u := range []string{officer, chair, members[5]} {
		for _, c := range [][2]string{
			{"/agenda", ""}, {"/agenda", "2026-11-23"}, {"/action", ""}, {"/action", "list all"}, {"/action", "list mine"},
			{"/meeting", "attendance 2026-11-23"}, {"/meeting", "list"}, {"/meeting", "history 2026-11-23"},
			{"/history", "apologies 2026-11-23"}, {"/history", "declarations 2026-11-23"}, {"/history", "reports 2026-11-23"},
			{"/history", "agenda 2026-11-23"}, {"/history", "attendance 2026-11-23"}, {"/history", "minutes 2026-11-23"},
			{"/history", "committee"}, {"/history", "resolution 2026-11-23 5"},
			{"/interests", ""}, {"/interests", "<@" + members[3] + ">"}, {"/interests", "history"}, {"/interests", "register"}, {"/interests", "missing"},
			{"/resolution", "partnership"}, {"/resolution", "2026-11-23"}, {"/resolution", "7"},
			{"/minutes", "draft 2026-11-23"}, {"/declare", "list 2026-11-23"}, {"/declare", "minutes 2026-11-23"},
			{"/report", "list 2026-11-23"}, {"/report", "missing 2026-11-23"}, {"/apologies", "list 2026-11-23"},
			{"/committee", "members"}, {"/committee", "attendance"},
			// Forms: the fake Slack refuses one that breaks the limits.
			{"/declare", ""}, {"/interests", "add"}, {"/agenda", "import"}, {"/minutes", "import"},
		} {
			r := look(u, c[0], c[1])
			for action, values := range buttonValues(r) {
				for _, v := range values {
					buttons = append(buttons, [2]string{action, v})
				}
			}
		}
	}
	// The longest replies come whole, in parts.
	if got := strings.Count(look(officer, "/minutes", "draft 2026-11-23").Text(), "the partnership note the report"); got != 40 {
		t.Errorf("the draft minutes show %d of the 40 resolutions", got)
	}
	if got := strings.Count(look(officer, "/interests", "register").Text(), "Member 29 of the Board"); got != 20 {
		t.Errorf("the register shows the last entry of %d of the 20 members with 30", got)
	}
	// The buttons the replies offer, pressed by the officer: what they
	// answer, and the forms they open, are within the limits too.
	hook := k.NewHook()
	for _, b := range buttons {
		k.Interact(bottest.ButtonPayload(officer, b[0], b[1], hook.URL()))
	}
	k.Server.Settle()
	look(officer, "/minutes", "post 2026-11-23")
	look(officer, "/agenda", "post")
	k.Drain()
	if n := len(k.Slack.Messages(bottest.Channel)); n < 2 {
		t.Errorf("%d messages in the channel; want the minutes and the agenda", n)
	}
	openHomes(t, k, officer, chair, members[5])
	k.Server.Settle()
	k.Drain()
	for _, u := range []string{officer, chair, members[5]} {
		if len(homesOf(k, u)) == 0 {
			t.Errorf("no Home published for %s", u)
		}
	}
	if home := settledHome(t, k, officer); !strings.Contains(home, "300 outstanding actions") {
		t.Errorf("the officer's Home does not count the 300 actions:\n%s", home)
	}
	if took := time.Since(start); took > 20*time.Second {
		t.Logf("the walk took %v", took)
	}
}

// TestReplyCutSaysWhereTheRestIs: a reply too long even for the parts a
// command's answer may come in is cut, and the cut says where to read it
// whole.
func TestReplyCutSaysWhereTheRestIs(t *testing.T) {
	var secs []commands.Section
	for i := range 400 {
		secs = append(secs, commands.Section{Title: fmt.Sprintf("Member %d", i), Text: strings.Repeat("Trustee of SWACA. ", 100)})
	}
	msg := bot.Message(commands.Reply{Sections: secs, More: "`/interests register @member` shows one member's in full."})
	b, _ := json.Marshal(msg)
	if !strings.Contains(string(b), "not shown: `/interests register @member` shows one member's in full.") {
		t.Errorf("the cut does not say where the rest is:\n%s", b[max(0, len(b)-400):])
	}
}

// TestDeclareFormSaysWhichItemsItLeavesOut: a select lists at most 100
// options, so the declare form of an agenda of 120 items cannot offer
// them all; it says so, and how to declare in the others.
func TestDeclareFormSaysWhichItemsItLeavesOut(t *testing.T) {
	k := newCommittee(t)
	k.Must(officer, "/meeting", "schedule 2026-12-10 10:00 Remote Meeting")
	for i := 5; i <= 120; i++ {
		r, err := k.Service.Run(context.Background(), commands.Request{Command: "/agenda", Text: fmt.Sprintf("add %d Partner update %d", i, i),
			TeamID: bottest.Team, ChannelID: bottest.Channel, UserID: officer, UserName: "ian", Now: k.Now()})
		if err != nil || !strings.Contains(r.Text, "Added item") {
			t.Fatalf("adding item %d: %v %s", i, err, r.Text)
		}
	}
	k.Must(neil, "/declare", "")
	opened := k.Slack.Calls("views.open")
	if len(opened) != 1 {
		t.Fatalf("%d forms opened, want the declare form", len(opened))
	}
	if view := opened[0].Arg("view"); !strings.Contains(view, "Only the first 100 of 120 are listed: “/declare ITEM KIND NATURE” in the channel declares an interest in any item") {
		t.Errorf("the form does not say it leaves items out, or how to declare in them:\n%.2000s", view[strings.Index(view, `"hint"`):])
	}
	if view := opened[0].Arg("view"); !strings.Contains(view, `"Agenda item: choose…"`) {
		t.Errorf("the item select does not say what it chooses:\n%.2000s", view)
	}
}

// TestChosenCommitteeReplyComesWhole: a command sent outside any
// committee's channel is answered with a button for each committee; the
// reply the button brings, when too long for one message, comes whole in
// parts like the command's own.
func TestChosenCommitteeReplyComesWhole(t *testing.T) {
	k := newCommittee(t)
	ctx := context.Background()
	run := func(channel, user, cmd, text string) commands.Reply {
		t.Helper()
		r, err := k.Service.Run(ctx, commands.Request{Command: cmd, Text: text, TeamID: bottest.Team, ChannelID: channel, UserID: user, UserName: strings.ToLower(user), Now: k.Now()})
		if err != nil {
			t.Fatalf("%s %s: %v", cmd, text, err)
		}
		return r
	}
	run("C2", officer, "/committee", "setup Sefton Health and Wellbeing Board")
	for j := range 100 {
		for _, m := range []string{officer, neil, graeme} {
			run(bottest.Channel, m, "/interests", fmt.Sprintf("add other %s", pad(fmt.Sprintf("Entry %d: member of the Board of Sefton CVS ", j), 300, "ö")))
		}
	}
	form := bottest.CommandForm(officer, "/interests", "register")
	form.Set("channel_id", "D1")
	form.Set("channel_name", "directmessage")
	r := k.Slash(form)
	values := buttonValues(r)["interests.committee"]
	if len(values) != 2 {
		t.Fatalf("buttons %v, want one for each committee:\n%s", buttonValues(r), r.Text())
	}
	hook := k.NewHook()
	for _, v := range values {
		k.Interact(bottest.ButtonPayload(officer, "interests.committee", v, hook.URL()))
	}
	// The parts after the first follow the button's answer.
	var all strings.Builder
	for end := time.Now().Add(10 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		all.Reset()
		for _, p := range hook.Posts() {
			all.WriteString(bottest.PostText(p))
		}
		if strings.Count(all.String(), "Entry 99: member") >= 3 || time.Now().After(end) {
			break
		}
	}
	if got := strings.Count(all.String(), "Entry 99: member"); got != 3 {
		t.Errorf("the register the button brings shows the last entry of %d of the 3 members with 100:\n%s", got, all.String()[max(0, all.Len()-600):])
	}
}

// overLimit is a test the kit's response_url reports to, which records
// what it is told is wrong rather than failing the test it runs in.
type overLimit struct {
	testing.TB
	mu   sync.Mutex
	errs []string
}

func (o *overLimit) Helper() {}
func (o *overLimit) Errorf(format string, args ...any) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.errs = append(o.errs, fmt.Sprintf(format, args...))
}

// TestReplyInPartsWithinFivePosts: a reply too long for one message comes
// by its command's response_url in parts, in order, within the five posts
// Slack takes to one; the kit fails a test whose bot posts a sixth, which
// Slack would refuse and the member never see.
func TestReplyInPartsWithinFivePosts(t *testing.T) {
	ctx := context.Background()
	k := bottest.New(t)
	k.SetupCommittee("Safer Sefton Together", officer, map[string]string{neil: "Neil Frackelton|SWACA"})
	for i := range 60 {
		r, err := k.Service.Run(ctx, commands.Request{Command: "/interests", Text: fmt.Sprintf("add other %s", pad(fmt.Sprintf("Entry %02d: trustee of the Sefton Women’s and Children’s Aid charity ", i), 1000, "é")),
			TeamID: bottest.Team, ChannelID: bottest.Channel, UserID: neil, UserName: "neil", Now: k.Now()})
		if err != nil || r.Refused {
			t.Fatalf("/interests add: %v %s", err, r.Text)
		}
	}
	r := k.Must(neil, "/interests", "")
	m := regexp.MustCompile(`\(part 1 of (\d+)\)$`).FindStringSubmatch(r.Response.Text)
	if m == nil || len(r.Parts) < 1 {
		t.Fatalf("the register of 60 long entries did not come in parts: %.300s", r.Raw)
	}
	if n, _ := strconv.Atoi(m[1]); len(r.Parts) != n-1 {
		t.Errorf("said to come in %d parts; %d came", n, len(r.Parts)+1)
	}
	// In order: the entries run on from one part's blocks to the next's
	// (each part's fallback text repeats its start).
	last := -1
	for _, part := range append([]bottest.Reply{r}, r.Parts...) {
		part.Parts, part.Response.Text = nil, ""
		for _, e := range regexp.MustCompile(`Entry (\d\d):`).FindAllStringSubmatch(part.Text(), -1) {
			i, _ := strconv.Atoi(e[1])
			if i <= last {
				t.Errorf("entry %02d after entry %02d: the parts came out of order", i, last)
			}
			last = i
		}
	}
	if last != 59 {
		t.Errorf("the last entry shown is %02d, want 59", last)
	}

	// The same parts posted again to that one response_url, as a bot
	// sending them twice would: the sixth post fails the test.
	o := &overLimit{TB: t}
	hook := bottest.NewHook(o)
	at := hook.At("/commands/T1/1/x")
	var bodies []string
	for _, part := range r.Parts {
		bodies = append(bodies, part.Raw)
	}
	for len(bodies) < 6 {
		bodies = append(bodies, bodies...)
	}
	for i, body := range bodies[:6] {
		resp, err := http.Post(at, "application/json; charset=utf-8", strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if want := i < 5; (resp.StatusCode == http.StatusOK) != want {
			t.Errorf("post %d to one response_url answered %d", i+1, resp.StatusCode)
		}
	}
	if len(o.errs) != 1 || !strings.Contains(o.errs[0], "post 6 to the response_url /commands/T1/1/x: Slack takes at most 5 to one") {
		t.Errorf("six posts to one response_url reported as %q", o.errs)
	}
	if got := len(hook.AllPostedTo("/commands/T1/1/x")); got != 6 {
		t.Errorf("%d posts recorded, want all 6", got)
	}
}
