package bot_test

import (
	"context"
	"encoding/json"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/slack-go/slack"

	"github.com/quorumhq/quorum/bot/fakeslack"
	"github.com/quorumhq/quorum/commands"
	"github.com/quorumhq/quorum/internal/bottest"
)

// entryID reads the number an /interests add reply gives the entry.
func entryID(t *testing.T, r bottest.Reply) string {
	t.Helper()
	m := regexp.MustCompile(`Registered #(\d+)`).FindStringSubmatch(r.Text())
	if m == nil {
		t.Fatalf("no entry number in:\n%s", r.Text())
	}
	return m[1]
}

func wantNot(t *testing.T, r bottest.Reply, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if strings.Contains(r.Text(), p) {
			t.Errorf("reply shows %q:\n%s", p, r.Text())
		}
	}
}

func TestInterestsRegister(t *testing.T) {
	k, _ := agendaCommittee(t)

	// Add, list, review, remove.
	r := k.Must(neil, "/interests", "add other Trustee of SWACA")
	wantText(t, r, "Registered #", "_other registrable interest_: Trustee of SWACA")
	swaca := entryID(t, r)
	r = k.Must(neil, "/interests", "add employment Employed by Sefton Libraries for spouse")
	libraries := entryID(t, r)
	wantText(t, k.Must(neil, "/interests", ""), "Trustee of SWACA", "Employed by Sefton Libraries (spouse or civil partner)", "Last reviewed Monday 23 November 2026")
	wantText(t, k.Must(neil, "/interests", "add hobbies Fishing"), "not a category of the register", "`employment`", "/interests add [sensitive] CATEGORY")
	wantText(t, k.Must(neil, "/interests", "gift 2026-11-03 £75 Dinner from Sefton CVS"), "£75, received Tuesday 3 November 2026")
	wantText(t, k.Must(neil, "/interests", "gift 2026-11-04 £40 Lunch"), "worth less than £50", "kept all the same")
	wantText(t, k.Must(neil, "/interests", "threshold £30"), "Only an officer")
	wantText(t, k.Must(officer, "/interests", "threshold £30"), "worth £30 or more must now be registered")
	wantNot(t, k.Must(neil, "/interests", "gift 2026-11-05 £40 Lunch"), "worth less than")
	wantText(t, k.Must(neil, "/interests", "gift 2026-12-03 £75 Dinner"), "still to come")
	wantText(t, k.Must(neil, "/interests", "gift 2026-11-03 $75 Dinner"), "in pounds")
	wantText(t, k.Must(neil, "/interests", "remove "+libraries), "Removed #"+libraries, "stays on record")
	wantNot(t, k.Must(neil, "/interests", ""), "Sefton Libraries")
	wantText(t, k.Must(neil, "/interests", "remove "+libraries), "removed on Monday 23 November 2026 already")
	if n := rows(t, k, `SELECT count(*) FROM interests`); n != 5 {
		t.Errorf("%d entries kept, want 5: nothing is deleted", n)
	}
	k.SetNow(now.Add(48 * time.Hour))
	wantText(t, k.Must(graeme, "/interests", "review"), "up to date as of Wednesday 25 November 2026")

	// Sensitive entries: the member and the officers see them; others do not.
	r = k.Must(graeme, "/interests", "add sensitive land Home at 4 Marine Drive, Bootle")
	bootle := entryID(t, r)
	wantText(t, k.Must(graeme, "/interests", ""), "Marine Drive", "sensitive")
	r = k.Must(neil, "/interests", "<@"+graeme+">")
	wantText(t, r, "A sensitive interest is registered")
	wantNot(t, r, "Marine Drive")
	wantText(t, k.Must(officer, "/interests", "<@"+graeme+">"), "Marine Drive")
	wantText(t, k.Must(neil, "/interests", "remove "+bootle), "someone else's register")
	wantText(t, k.Must(neil, "/interests", "register"), "Only an officer")
	r = k.Must(officer, "/interests", "register")
	wantText(t, r, "Neil Frackelton", "Trustee of SWACA", "Graeme Robson", "Marine Drive", "Sue Holden", "Nothing is registered.")

	// Officers enter on a member's behalf.
	wantText(t, k.Must(officer, "/interests", "add <@"+sue+"> contracts Supplies stationery to Sefton CVS"), "on behalf of <@"+sue+">")
	wantText(t, k.Must(neil, "/interests", "add <@"+sue+"> other Anything"), "Only an officer")

	// Missing: Ian never kept a register and is past 28 days; in a year
	// and more, Neil's review is out of date too.
	k.SetNow(time.Date(2027, 3, 1, 12, 0, 0, 0, london))
	r = k.Must(officer, "/interests", "missing")
	wantText(t, r, "<@"+officer+"> — no register")
	wantNot(t, r, "<@"+neil+">", "<@"+sue+">")
	k.SetNow(time.Date(2027, 12, 1, 12, 0, 0, 0, london))
	wantText(t, k.Must(officer, "/interests", "missing"), "<@"+neil+"> — last reviewed Monday 23 November 2026")
	_ = swaca
}

// msgButton finds a button of a message sent through the fake Slack.
func msgButton(t *testing.T, m fakeslack.Message, label string) *slack.ButtonBlockElement {
	t.Helper()
	var blocks slack.Blocks
	if err := json.Unmarshal([]byte(m.Blocks), &blocks); err != nil {
		t.Fatal(err)
	}
	for _, b := range blocks.BlockSet {
		if a, ok := b.(*slack.ActionBlock); ok {
			for _, e := range a.Elements.ElementSet {
				if btn, ok := e.(*slack.ButtonBlockElement); ok && btn.Text.Text == label {
					return btn
				}
			}
		}
	}
	t.Fatalf("no %q button in %s", label, m.Blocks)
	return nil
}

func TestInterestsPromptsBeforeItems(t *testing.T) {
	k, _ := agendaCommittee(t)
	k.Must(neil, "/interests", "add other Trustee of SWACA")
	k.Must(graeme, "/interests", "add sensitive land Home at 4 Marine Drive, Bootle")
	// Graeme presents item 6 for Merseyside Police: his employment there
	// is who he presents for, not a prompt.
	k.Must(graeme, "/interests", "add employment Employed by Merseyside Police")

	wantText(t, k.Must(officer, "/agenda", "post"), "on its way")
	k.Drain()
	dms := k.Slack.Messages("D" + neil)
	if len(dms) != 1 {
		t.Fatalf("%d direct messages to Neil, want the prompt", len(dms))
	}
	wantShown(t, dms[0], "You registered 'Trustee of SWACA' (other registrable interest)", "Item 7.5 (SWACA)", "“swaca”")
	for _, who := range []string{graeme, sue, officer} {
		if n := len(k.Slack.Messages("D" + who)); n != 0 {
			t.Errorf("%d direct messages to %s, whose register matches no item", n, who)
		}
	}
	// Posting again sends no second prompt.
	k.Must(officer, "/agenda", "post")
	k.Drain()
	if n := len(k.Slack.Messages("D" + neil)); n != 1 {
		t.Errorf("%d direct messages to Neil after a second post, want 1", n)
	}

	// The Declare button opens the /declare form with the item and the
	// entry filled in; Neil still chooses the kind.
	declare := msgButton(t, dms[0], "Declare an interest")
	hook := k.NewHook()
	if status, body := k.Interact(bottest.ButtonPayload(neil, declare.ActionID, declare.Value, hook.URL())); status != 200 {
		t.Fatalf("declare button: %d %s", status, body)
	}
	_, view := openedView(t, k)
	raw, _ := json.Marshal(view)
	for _, want := range []string{`"callback_id":"declare"`, `"initial_option":{"text":{"emoji":false,"text":"7.5 SWACA","type":"plain_text"},"value":"7.5#`, `"initial_value":"Trustee of SWACA"`} {
		if !strings.Contains(string(raw), want) {
			t.Errorf("declare form lacks %s:\n%s", want, raw)
		}
	}
	if n := rows(t, k, `SELECT count(*) FROM declarations`); n != 0 {
		t.Errorf("%d declarations made by opening the form, want none", n)
	}
	// Not relevant is remembered for the item: the Home stops listing it.
	home, err := k.Service.Home(context.Background(), bottest.Team, neil, k.Now())
	if err != nil || !strings.Contains(sectionsText(home.Cards[0].Sections), "Item 7.5 (SWACA) may concern 'Trustee of SWACA'") {
		t.Fatalf("Home before Not relevant (%v): %+v", err, home.Cards)
	}
	dismiss := msgButton(t, dms[0], "Not relevant")
	k.Interact(bottest.ButtonPayload(neil, dismiss.ActionID, dismiss.Value, hook.URL()))
	if !strings.Contains(hook.Last(), "You will not be prompted about it again") {
		t.Errorf("Not relevant answered %q", hook.Last())
	}
	home, err = k.Service.Home(context.Background(), bottest.Team, neil, k.Now())
	if err != nil || strings.Contains(sectionsText(home.Cards[0].Sections), "may concern") {
		t.Errorf("Home after Not relevant (%v) still prompts: %+v", err, home.Cards[0].Sections)
	}
	if n := rows(t, k, `SELECT count(*) FROM interest_dismissals`); n != 1 {
		t.Errorf("%d dismissals, want 1", n)
	}
	// Declared, the declaration is marked as on the register in the list;
	// Graeme's, of nothing registered, is not.
	k.Must(neil, "/declare", "7.5 other Trustee of SWACA")
	k.Must(graeme, "/declare", "4 personal Member of the IOM board")
	list := k.Must(officer, "/declare", "list").Text()
	for _, line := range strings.Split(list, "\n") {
		marked := strings.Contains(line, "— _on the register of interests_")
		if strings.Contains(line, "Neil Frackelton") && !marked || strings.Contains(line, "Graeme Robson") && marked {
			t.Errorf("/declare list marks the registered interest wrongly: %s", line)
		}
	}
	// The posted agenda, brought up to date, says the same.
	k.Drain()
	posted := k.Slack.Messages(bottest.Channel)
	if len(posted) == 0 {
		t.Fatal("no agenda posted")
	}
	wantShown(t, posted[0], "On the register of interests: Neil Frackelton (Item 7.5).")
}

func sectionsText(sections []commands.Section) string {
	var b strings.Builder
	for _, s := range sections {
		b.WriteString(s.Title + "\n" + s.Text + "\n")
	}
	return b.String()
}

// TestInterestsReminders: a new member hears on joining and at 21 days if
// their register is still missing; a member whose review falls due hears a
// month before; each once.
func TestInterestsReminders(t *testing.T) {
	k := newCommittee(t)
	ctx := context.Background()
	// Members joined at the database's clock; the reminders read days
	// from when they joined.
	var joined time.Time
	if err := k.DB.SQL().QueryRowContext(ctx, `SELECT added_at FROM members WHERE user_id = $1`, neil).Scan(&joined); err != nil {
		t.Fatal(err)
	}
	remind := func(at time.Time) int {
		t.Helper()
		k.SetNow(at)
		n, err := k.Service.EnqueueRegisterReminders(ctx, at)
		if err != nil {
			t.Fatal(err)
		}
		k.Drain()
		return n
	}
	if n := remind(joined.Add(time.Hour)); n != 3 {
		t.Errorf("%d reminders on joining, want one each for Ian, Neil and Graeme", n)
	}
	wantShown(t, k.Slack.Messages("D" + neil)[0], "Welcome to *Safer Sefton Together*", "within 28 days", "`/interests add CATEGORY DESCRIPTION`")
	if n := remind(joined.Add(2 * time.Hour)); n != 0 {
		t.Errorf("%d reminders again the same day, want none", n)
	}
	// Graeme completes his register; Neil and Ian do not.
	k.Must(graeme, "/interests", "review")
	if n := remind(joined.AddDate(0, 0, 22)); n != 2 {
		t.Errorf("%d reminders at 22 days, want Ian's and Neil's", n)
	}
	if msgs := k.Slack.Messages("D" + neil); len(msgs) != 2 {
		t.Fatalf("%d direct messages to Neil, want 2", len(msgs))
	} else {
		wantShown(t, msgs[1], "Reminder: your register of interests in *Safer Sefton Together* is due by")
	}
	if n := len(k.Slack.Messages("D" + graeme)); n != 1 {
		t.Errorf("%d direct messages to Graeme, who completed his register, want the welcome only", n)
	}
	if n := remind(joined.AddDate(0, 0, 40)); n != 0 {
		t.Errorf("%d reminders at 40 days, want none: each goes once", n)
	}
	// Eleven months after his review, Graeme is asked to review it, with
	// a button that does.
	if n := remind(joined.AddDate(0, 0, 22).AddDate(0, 11, 5)); n != 1 {
		t.Errorf("%d reminders a month before Graeme's review is due, want 1", n)
	}
	msgs := k.Slack.Messages("D" + graeme)
	wantShown(t, msgs[len(msgs)-1], "its annual review is due by")
	review := msgButton(t, msgs[len(msgs)-1], "Review register")
	hook := k.NewHook()
	k.Interact(bottest.ButtonPayload(graeme, review.ActionID, review.Value, hook.URL()))
	if !strings.Contains(hook.Last(), "is up to date as of") {
		t.Errorf("Review register answered %q", hook.Last())
	}
}

// TestInterestsForm: `/interests add` alone opens a form that adds the same
// entry as the command; mistakes are shown in the form.
func TestInterestsForm(t *testing.T) {
	k := newCommittee(t)
	k.Must(neil, "/interests", "add")
	_, view := openedView(t, k)
	if view["callback_id"] != "interests.add" {
		t.Fatalf("opened %v, want the register form", view["callback_id"])
	}
	values := map[string]map[string]any{
		"category":    {"category": map[string]any{"type": "static_select", "selected_option": nil}},
		"description": {"description": textInput("")},
		"for":         {"for": radio("spouse")},
		"sensitive":   {"sensitive": checked("yes")},
	}
	if s := submit(t, k, neil, view, values); s.Action != "errors" || s.Errors["category"] == "" || s.Errors["description"] == "" {
		t.Errorf("an empty form: %+v, want errors for category and description", s)
	}
	values["category"]["category"] = selected("securities")
	values["description"]["description"] = textInput("Shares in Acme Builders Ltd")
	if s := submit(t, k, neil, view, values); s.Action != "clear" {
		t.Errorf("a filled form: %+v, want it closed", s)
	}
	r := k.Must(neil, "/interests", "")
	wantText(t, r, "_securities_: Shares in Acme Builders Ltd (spouse or civil partner) — _sensitive")
	wantNot(t, k.Must(graeme, "/interests", "<@"+neil+">"), "Acme")
}
