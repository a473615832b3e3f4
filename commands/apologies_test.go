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

// apologies lists the apologies standing for the next meeting as
// "Name: reason / substitute".
func (k *kit) apologies() []string {
	k.t.Helper()
	return standing(k, k.db.Apologies, func(a commands.Apology) string { return a.Name + ": " + a.Reason + " / " + a.SubstituteName })
}

func TestApologies(t *testing.T) {
	k := committeeKit(t)
	wantShown(t, k.say(neil, "/apologies Unwell"), "No meeting of Safer Sefton Together is scheduled")
	k.must(ian, "/meeting schedule 2026-12-10 10:00 Remote Meeting")
	k.must(ian, "/meeting schedule 2027-01-14 10:00 Remote Meeting")

	r := k.must(neil, "/apologies")
	if diff := cmp.Diff(shown(r), "Your apologies for the meeting of *Safer Sefton Together* on Thursday 10 December 2026, 10:00, Remote Meeting are recorded.\n[Withdraw apologies]"); diff != "" {
		t.Errorf("first apology (-got +want):\n%s", diff)
	}
	if r.Visibility != commands.Private {
		t.Error("apologies are acknowledged privately")
	}
	k.steps([]step{
		{neil, "/apologies Unwell", []string{"are updated", "Reason: Unwell", "Substitute: none (add `sub @someone` to name one)"}},
		{neil, "/apologies Unwell", []string{"You had already sent these apologies", "nothing changed"}},
		{neil, "/apologies 10/12/2026 Attending court sub <@UGRAEME|graeme>", []string{"are updated", "Reason: Attending court", "Substitute: <@UGRAEME>"}},
		{graeme, "/apologies 14 January Leave", []string{"Thursday 14 January 2027", "are recorded"}},
	})
	if diff := cmp.Diff(k.apologies(), []string{"Neil Frackelton: Attending court / Graeme Robson"}); diff != "" {
		t.Errorf("apologies standing (-got +want):\n%s", diff)
	}

	// The list: the minutes' sentence for all, the reasons for officers.
	list := k.say(graeme, "/apologies list")
	wantShown(t, list, "*Safer Sefton Together* — meeting on Thursday 10 December 2026, 10:00, Remote Meeting",
		"Apologies for absence were received from Neil Frackelton (SWACA).", "Graeme Robson, named as substitute for Neil Frackelton, is a member in their own right and attends as themselves.")
	if strings.Contains(list, "Attending court") {
		t.Error("a member sees another member's reason")
	}
	wantShown(t, k.say(ian, "/apologies list 10 December"), "*Reasons (shown to officers only)*", "• Neil Frackelton: Attending court (sent ")
	wantShown(t, k.say(ian, "/apologies list 14/01/2027"), "Graeme Robson (Merseyside Police)", "Graeme Robson: Leave")

	// Withdraw; the history keeps every step.
	k.steps([]step{
		{neil, "/apologies withdraw", []string{"Your apologies for the meeting of *Safer Sefton Together* on Thursday 10 December 2026, 10:00, Remote Meeting are withdrawn: you are expected to attend."}},
		{neil, "/apologies withdraw", []string{"You have no apologies standing for the meeting on Thursday 10 December 2026."}},
		{neil, "/apologies list", []string{"No apologies for absence have been received."}},
	})
	hist, err := k.db.ApologyHistory(context.Background(), k.next().ID)
	if err != nil {
		t.Fatal(err)
	}
	var steps []string
	for _, h := range hist {
		steps = append(steps, h.Action+" by "+h.By)
	}
	if diff := cmp.Diff(steps, []string{"sent by UNEIL", "changed by UNEIL", "changed by UNEIL", "withdrawn by UNEIL"}); diff != "" {
		t.Errorf("history (-got +want):\n%s", diff)
	}
}

// Length limits count characters, as the replies say, not the bytes a
// character takes: "日" is one character of three bytes.
func TestApologyLimitsCountCharacters(t *testing.T) {
	k := meetingKit(t)
	for _, tc := range []struct{ text, want string }{
		{strings.Repeat("日", 501), "That reason is too long (501 characters; the limit is 500)."},
		{strings.Repeat("日", 1500), "That reason is too long (1500 characters; the limit is 500)."},
		{strings.Repeat("日", commands.MaxTextLen+1), "That is too long for /apologies (4001 characters; the limit is 4000)."},
	} {
		r := k.run(neil, "/apologies "+tc.text)
		if !r.Refused || !strings.HasPrefix(r.Text, tc.want) {
			t.Errorf("/apologies %d × 日: %q, want a refusal starting %q", len([]rune(tc.text)), r.Text, tc.want)
		}
	}
	if got := k.apologies(); len(got) != 0 {
		t.Errorf("apologies stored after refusals: %q", got)
	}
	k.must(neil, "/apologies "+strings.Repeat("日", commands.MaxReasonLen))
	if diff := cmp.Diff(k.apologies(), []string{"Neil Frackelton: " + strings.Repeat("日", commands.MaxReasonLen) + " / "}); diff != "" {
		t.Errorf("a reason of 500 characters (-got +want):\n%s", diff)
	}
}

func TestApologiesRefused(t *testing.T) {
	k := meetingKit(t)
	k.must(ian, "/meeting schedule 2027-01-14 10:00")
	k.must(ian, "/meeting cancel 2027-01-14")
	for _, tc := range []struct{ user, text, want string }{
		{neil, "31/02/2027 Unwell", "There is no 31 February 2027: February 2027 has 28 days.\nUsage:\n• `/apologies [DATE] [REASON | reason none] [sub @someone | sub \"Name (Organisation)\" | sub none]`"},
		{neil, "13/13/2026", "13/13/2026 is not a date: there is no month 13"},
		{neil, "2027-03-04 Unwell", "Safer Sefton Together has no meeting on Thursday 4 March 2027."},
		{neil, "14/01/2027 Away", "The meeting on Thursday 14 January 2027 was cancelled."},
		{neil, "Unwell sub <@UNEIL>", "You cannot be your own substitute."},
		{neil, "Unwell sub @nobody", "I could not find @nobody: type @ and pick the person, so that Slack links the name."},
		{neil, strings.Repeat("word ", 120), "That reason is too long (599 characters; the limit is 500)."},
		{neil, "Unwell sub " + strings.Repeat("Long ", 1) + strings.Repeat("X", 300), "That substitute's name is too long."},
		// Told the command the officer runs, with their own mention: not
		// one they cannot run themselves.
		{stranger, "Unwell", "You are not a member of Safer Sefton Together. Ask its officer to add you: they run `/committee member add <@USTRANGER> ORGANISATION` in its channel."},
		{neil, "withdraw soon please", "`withdraw` takes only a date."},
		{ian, `for "" Unwell`, "The name between the quotes is empty: for \"Jen Williams (NW Probation)\"."},
		{ian, `for " Unwell`, "Put the person's name between quotes: for \"Jen Williams (NW Probation)\"."},
		{neil, "withdraw 2027-01-14", "The meeting on Thursday 14 January 2027 was cancelled."},
		{neil, "list everything", "`list` takes only a date."},
		{stranger, "list", "You are not a member of Safer Sefton Together."},
	} {
		t.Run(tc.text, func(t *testing.T) {
			r := k.run(tc.user, "/apologies "+tc.text)
			if !r.Refused || r.Visibility != commands.Private || !strings.Contains(r.Text, tc.want) {
				t.Errorf("reply = %+v\nwant a private refusal saying %q", r, tc.want)
			}
		})
	}
	if got := k.apologies(); len(got) != 0 {
		t.Errorf("refused apologies were saved: %q", got)
	}

	// Another channel has no committee, and a stranger belongs to none:
	// they are told how to join.
	r := k.request(stranger, "/apologies Unwell")
	r.ChannelID = "COTHER"
	reply, err := k.svc.Run(context.Background(), r)
	if err != nil || !reply.Refused || !strings.Contains(reply.Text, "This channel does not belong to a committee, and you are not a member of one. Ask your committee's officer to add you") {
		t.Errorf("another channel: %+v %v", reply, err)
	}

	// A meeting under way takes no more apologies, nor withdrawals; one
	// past its start that nobody opened, 12 hours on, has taken place.
	k.now = time.Date(2026, 12, 10, 22, 30, 0, 0, london)
	wantShown(t, k.say(neil, "/apologies 10/12/2026 Late"), "The meeting on Thursday 10 December 2026 has already taken place.")
	wantShown(t, k.say(neil, "/apologies withdraw 10/12/2026"), "has already taken place")
	k.now = time.Date(2026, 12, 10, 10, 30, 0, 0, london)
	k.must(ian, "/meeting start")
	wantShown(t, k.say(neil, "/apologies 10/12/2026 Late"), "The meeting on Thursday 10 December 2026 is under way")
	wantShown(t, k.say(neil, "/apologies withdraw 10/12/2026"), "is under way")
}

// TestApologiesFromEveryEntryPoint: the slash command, the apology form and
// the Home's Send button send apologies through one path, so they answer
// alike and record alike.
func TestApologiesFromEveryEntryPoint(t *testing.T) {
	for _, tc := range []struct {
		name string
		send func(k *kit, reason string) commands.Reply
	}{
		{"slash", func(k *kit, reason string) commands.Reply { return k.run(neil, "/apologies "+reason) }},
		{"form", func(k *kit, reason string) commands.Reply {
			k.t.Helper()
			r, errs := k.submit(k.home(neil), commands.ApologyForm(k.committee(), k.next()), map[string]string{"reason": reason})
			if len(errs) > 0 {
				k.t.Fatalf("form: %v", errs)
			}
			return r
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			k := meetingKit(t)
			// The button says the start the reply gave (see
			// TestWithdrawApologiesUnderTheReplyAfterTheMeetingMoved).
			meeting := strconv.FormatInt(k.next().ID, 10) + "@" + strconv.FormatInt(k.next().StartsAt.Unix(), 10) + "@sent"
			want := func(first string) string {
				return first + "\nReason: Unwell\n[Withdraw apologies]"
			}
			k.marked()
			r := tc.send(k, "Unwell")
			if diff := cmp.Diff(shown(r), want("Your apologies for the meeting of *Safer Sefton Together* on Thursday 10 December 2026, 10:00, Remote Meeting are recorded.")); diff != "" {
				t.Errorf("first (-got +want):\n%s", diff)
			}
			// Neil's Home changes, and the officer's, which counts apologies.
			if diff := cmp.Diff(k.marked(), []string{ian, neil}); diff != "" {
				t.Errorf("refresh (-got +want):\n%s", diff)
			}
			if diff := cmp.Diff(r.Buttons, []commands.Button{{Label: "Withdraw apologies", Action: "apologies.withdraw", Value: meeting, Style: "danger"}}); diff != "" {
				t.Errorf("buttons (-got +want):\n%s", diff)
			}
			r = tc.send(k, "Unwell")
			if diff := cmp.Diff(shown(r), want("You had already sent these apologies for the meeting of *Safer Sefton Together* on Thursday 10 December 2026, 10:00, Remote Meeting; nothing changed.")); diff != "" {
				t.Errorf("again (-got +want):\n%s", diff)
			}
			if got := k.marked(); len(got) != 0 {
				t.Errorf("refreshed when nothing changed: %v", got)
			}
			wantShown(t, shown(tc.send(k, "Away")), "are updated", "Reason: Away")
			if diff := cmp.Diff(k.apologies(), []string{"Neil Frackelton: Away / "}); diff != "" {
				t.Errorf("apologies (-got +want):\n%s", diff)
			}
		})
	}
}

// TestHomeSendApologiesButton: the Home's button sends apologies without a
// reason, and leaves standing apologies as they are.
func TestHomeSendApologiesButton(t *testing.T) {
	k := meetingKit(t)
	id := strconv.FormatInt(k.next().ID, 10)
	k.marked()
	r := k.act(k.home(neil), "apologies.send_next", id)
	if diff := cmp.Diff(shown(r), "Your apologies for the meeting of *Safer Sefton Together* on Thursday 10 December 2026, 10:00, Remote Meeting are recorded.\n[Withdraw apologies]"); diff != "" {
		t.Errorf("press (-got +want):\n%s", diff)
	}
	if diff := cmp.Diff(k.marked(), []string{ian, neil}); diff != "" {
		t.Errorf("refresh (-got +want):\n%s", diff)
	}
	k.must(neil, "/apologies Unwell sub Jane Smith")
	r = k.act(k.home(neil), "apologies.send_next", id)
	wantShown(t, shown(r), "You had already sent these apologies", "nothing changed", "Reason: Unwell", "Substitute: Jane Smith")
	if diff := cmp.Diff(k.apologies(), []string{"Neil Frackelton: Unwell / Jane Smith"}); diff != "" {
		t.Errorf("apologies after a second press (-got +want):\n%s", diff)
	}

	// Withdrawing works from the Home too, where there is no channel.
	k.marked()
	r = k.act(k.home(neil), "apologies.withdraw", id)
	if !strings.Contains(r.Text, "are withdrawn") || !cmp.Equal(k.marked(), []string{ian, neil}) {
		t.Errorf("withdraw: %+v", r)
	}

	for _, tc := range []struct {
		name, user, value, want string
		now                     time.Time
	}{
		{"not a member", stranger, id, "That meeting no longer exists, or you are not a member of its committee.", now},
		{"broken value", neil, "x", "That button is broken; use `/apologies` in the committee's channel.", now},
		{"no such meeting", neil, "99999", "That meeting no longer exists, or you are not a member of its committee.", now},
		{"meeting over", neil, id, "The meeting on Thursday 10 December 2026 has already taken place.", time.Date(2026, 12, 10, 22, 0, 0, 0, london)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req := k.home(tc.user)
			req.Now = tc.now
			r := k.act(req, "apologies.send_next", tc.value)
			if r.Text != tc.want {
				t.Errorf("reply = %+v; want %q", r, tc.want)
			}
			if got := k.marked(); len(got) != 0 {
				t.Errorf("a refused press refreshed Homes: %v", got)
			}
		})
	}
	if got := k.apologies(); len(got) != 0 {
		t.Errorf("refused presses saved %q", got)
	}
}

// TestWithdrawApologiesUnderTheReplyAfterTheMeetingMoved: Neil sends
// apologies for Thursday 10 December; the meeting moves to the 17th and
// his apologies go with it. Withdraw apologies, pressed under the reply
// that named the 10th, does not withdraw them from the 17th, a day he was
// never asked about: it says where the meeting is now, that they stand,
// and the command that withdraws them. Pressed before any move, it
// withdraws them.
func TestWithdrawApologiesUnderTheReplyAfterTheMeetingMoved(t *testing.T) {
	k := meetingKit(t)
	sent := k.must(neil, "/apologies Attending court")
	k.must(ian, "/meeting move 10 December 17 December")
	r := k.press(neil, sent, "Withdraw apologies")
	if !r.Refused || r.Text != "The meeting of *Safer Sefton Together* has moved since you sent these apologies: it is now on Thursday 17 December 2026, 10:00, Remote Meeting, and they stand for it. If you can come then, `/apologies withdraw 2026-12-17` withdraws them." {
		t.Errorf("Withdraw under the reply after the meeting moved: %+v", r)
	}
	if diff := cmp.Diff(k.apologies(), []string{"Neil Frackelton: Attending court / "}); diff != "" {
		t.Errorf("apologies (-got +want):\n%s", diff)
	}

	again := k.must(neil, "/apologies Attending court on the 17th")
	wantShown(t, shown(k.press(neil, again, "Withdraw apologies")), "Your apologies for the meeting of *Safer Sefton Together* on Thursday 17 December 2026, 10:00, Remote Meeting are withdrawn")
	if got := k.apologies(); len(got) != 0 {
		t.Errorf("apologies after Withdraw: %q", got)
	}
}

// TestHomeApologyButtonsAfterTheMeetingMoved: Send apologies, or Withdraw
// apologies, pressed on a Home that still shows the meeting where it was
// before it moved does nothing, and says where the meeting is now;
// pressed on the Home as it is now, it does what it says.
func TestHomeApologyButtonsAfterTheMeetingMoved(t *testing.T) {
	k := meetingKit(t)
	button := func(action string) commands.Button {
		t.Helper()
		h, err := k.svc.Home(context.Background(), team, neil, k.now)
		if err != nil {
			t.Fatal(err)
		}
		for _, b := range h.Cards[0].Buttons {
			if b.Action == action {
				return b
			}
		}
		t.Fatalf("no %s on Neil's Home: %+v", action, h.Cards[0])
		return commands.Button{}
	}
	stale := button("apologies.send_next")
	k.must(ian, "/meeting move 10 December 17 December")
	k.marked()
	r := k.act(k.home(neil), stale.Action, stale.Value)
	if !r.Refused || r.Text != "The meeting of *Safer Sefton Together* is no longer when your Home showed it: it is now on Thursday 17 December 2026, 10:00, Remote Meeting. Nothing was sent; if you cannot come then either, press Send apologies again." {
		t.Errorf("press on a Home showing the meeting before it moved: %+v", r)
	}
	if got := k.apologies(); len(got) != 0 {
		t.Errorf("a press on a stale Home saved %q", got)
	}
	if got := k.marked(); len(got) != 0 {
		t.Errorf("a refused press refreshed Homes: %v", got)
	}
	fresh := button("apologies.send_next")
	r = k.act(k.home(neil), fresh.Action, fresh.Value)
	wantShown(t, shown(r), "Your apologies for the meeting of *Safer Sefton Together* on Thursday 17 December 2026, 10:00, Remote Meeting are recorded.")
	if diff := cmp.Diff(k.apologies(), []string{"Neil Frackelton:  / "}); diff != "" {
		t.Errorf("apologies (-got +want):\n%s", diff)
	}

	stale = button("apologies.withdraw")
	k.must(ian, "/meeting move 17 December 18 December")
	r = k.act(k.home(neil), stale.Action, stale.Value)
	if !r.Refused || r.Text != "The meeting of *Safer Sefton Together* is no longer when your Home showed it: it is now on Friday 18 December 2026, 10:00, Remote Meeting. Your apologies were not withdrawn; if you can come then, press Withdraw apologies again." {
		t.Errorf("Withdraw pressed on a Home showing the meeting before it moved: %+v", r)
	}
	if diff := cmp.Diff(k.apologies(), []string{"Neil Frackelton:  / "}); diff != "" {
		t.Errorf("apologies after a stale Withdraw (-got +want):\n%s", diff)
	}
	fresh = button("apologies.withdraw")
	wantShown(t, shown(k.act(k.home(neil), fresh.Action, fresh.Value)), "are withdrawn")
}

func TestApologyForm(t *testing.T) {
	k := meetingKit(t)
	form := commands.ApologyForm(k.committee(), k.next())
	if form.ID != commands.ApologyFormID || form.Fields[0].ID != "reason" || !strings.Contains(form.Fields[0].Hint, "Thursday 10 December 2026, 10:00") {
		t.Errorf("form = %+v", form)
	}
	for _, tc := range []struct {
		name, user, reason, want string
		form                     commands.Form
	}{
		{"long reason", neil, strings.Repeat("x", commands.MaxReasonLen+1), "That reason is too long (501 characters; the limit is 500).", *form},
		{"stranger", stranger, "Away", "That meeting no longer exists, or you are not a member of its committee.", *form},
		{"out of date", neil, "Away", "That form is out of date; use `/apologies` in the committee's channel.", commands.Form{ID: form.ID, Metadata: "x"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, errs := k.submit(k.home(tc.user), &tc.form, map[string]string{"reason": tc.reason})
			if diff := cmp.Diff(errs, map[string]string{"reason": tc.want}); diff != "" {
				t.Errorf("field errors (-got +want):\n%s", diff)
			}
		})
	}
	r, errs := k.submit(k.home(neil), form, map[string]string{"reason": "  Attending court "})
	if len(errs) > 0 || !strings.Contains(r.Text, "Reason: Attending court") {
		t.Errorf("good submission: %+v %v", r, errs)
	}
	if diff := cmp.Diff(k.apologies(), []string{"Neil Frackelton: Attending court / "}); diff != "" {
		t.Errorf("apologies (-got +want):\n%s", diff)
	}
}

func TestApologiesWithdrawButton(t *testing.T) {
	k := meetingKit(t)
	r := k.must(neil, "/apologies Unwell")
	withdrawn := k.press(neil, r, "Withdraw apologies")
	wantShown(t, shown(withdrawn), "are withdrawn: you are expected to attend")
	if got := k.apologies(); len(got) != 0 {
		t.Errorf("after the button: %q", got)
	}
	wantShown(t, shown(k.press(neil, r, "Withdraw apologies")), "You have no apologies standing")
	// Someone else's press of the same button withdraws nothing of theirs.
	wantShown(t, shown(k.press(stranger, r, "Withdraw apologies")), "That meeting no longer exists, or you are not a member of its committee.")
	wantShown(t, shown(k.act(k.request(neil, ""), "apologies.withdraw", "-1")), "That button is broken; use `/apologies withdraw`.")
}

// TestTypedMarkupIsStoredAsTypedAndShownHarmlessly: Slack sends &, < and >
// as entities; the record keeps what the person typed, and replies show it
// without letting it mention anyone.
func TestTypedMarkupIsStoredAsTypedAndShownHarmlessly(t *testing.T) {
	k := meetingKit(t)
	r := k.must(neil, "/apologies Court &amp; tribunal &lt;!channel&gt; &lt;@U0ADMIN&gt;")
	wantShown(t, r.Text, "Reason: Court &amp; tribunal &lt;!channel&gt; &lt;@U0ADMIN&gt;")
	if diff := cmp.Diff(k.apologies(), []string{"Neil Frackelton: Court & tribunal <!channel> <@U0ADMIN> / "}); diff != "" {
		t.Errorf("stored (-got +want):\n%s", diff)
	}
}

// TestSlackMarkupIsKeptAsTheSenderSawIt: Slack turns an e-mail address,
// a web address, a channel and @here typed in a reason into its markup;
// the record keeps what the sender saw, not "<mailto:…|…>", and shows it
// without notifying anyone.
func TestSlackMarkupIsKeptAsTheSenderSawIt(t *testing.T) {
	k := meetingKit(t)
	r := k.must(neil, "/apologies Away, ask <mailto:jo@sefton.gov.uk|jo@sefton.gov.uk> or see <https://sefton.gov.uk/notice?a=1&amp;b=2> and <http://sefton.gov.uk|sefton.gov.uk> in <#C0SAFER|safer-sefton> <!here> <!subteam^S0CLERKS|@clerks>")
	want := "Away, ask jo@sefton.gov.uk or see https://sefton.gov.uk/notice?a=1&b=2 and sefton.gov.uk in #safer-sefton @here @clerks"
	wantShown(t, r.Text, "Reason: "+commands.Escape(want))
	if diff := cmp.Diff(k.apologies(), []string{"Neil Frackelton: " + want + " / "}); diff != "" {
		t.Errorf("stored (-got +want):\n%s", diff)
	}
	if strings.Contains(r.Text, "<!") || strings.Contains(r.Text, "<#") || strings.Contains(r.Text, "<mailto") {
		t.Errorf("the reply keeps Slack's markup, which would notify or show as typed brackets:\n%s", r.Text)
	}
}

// A substitute named in quotes, or by a name alone, is the absent member
// themselves when the name is theirs, whatever its case, spacing or
// organisation: refused as `sub @self` is, for an officer's entry too.
func TestApologiesRefuseOwnNameAsSubstitute(t *testing.T) {
	k := meetingKit(t)
	for _, tc := range []struct{ user, text, want string }{
		{neil, `Unwell sub "Neil Frackelton (SWACA)"`, "You cannot be your own substitute."},
		{neil, `Unwell sub "neil  FRACKELTON (Other Org)"`, "You cannot be your own substitute."},
		{neil, `Unwell sub “Neil Frackelton”`, "You cannot be your own substitute."},
		{neil, `Unwell sub Neil Frackelton`, "You cannot be your own substitute."},
		{ian, `for <@UNEIL> Unwell sub "Neil Frackelton (SWACA)"`, "<@UNEIL> cannot be their own substitute."},
		{ian, `for "Neil Frackelton" Unwell sub "neil frackelton"`, "<@UNEIL> cannot be their own substitute."},
		{ian, `for "Jen Williams (NW Probation)" Unwell sub "Jen Williams (Probation)"`, "Jen Williams (NW Probation) cannot be their own substitute."},
	} {
		t.Run(tc.text, func(t *testing.T) {
			r := k.run(tc.user, "/apologies "+tc.text)
			if !r.Refused || r.Visibility != commands.Private || r.Text != tc.want {
				t.Errorf("reply = %+v\nwant a private refusal saying %q", r, tc.want)
			}
		})
	}
	if got := k.apologies(); len(got) != 0 {
		t.Errorf("refused apologies were saved: %q", got)
	}
	// Someone else of a like name is not the member.
	wantShown(t, k.say(neil, `/apologies Unwell sub "Neil Frackelton Jr (SWACA)"`), "Substitute: Neil Frackelton Jr (SWACA)")
}

// A member whose apologies stand for a meeting will not be there, so
// cannot be named as a substitute at it, by mention or by name; two absent
// members cannot stand in for each other.
func TestApologiesRefuseAbsentSubstitute(t *testing.T) {
	k := agendaKit(t)
	k.must(neil, "/apologies Unwell sub <@USUE|sue>")
	for _, tc := range []struct{ user, text, want string }{
		{sue, "Away sub <@UNEIL|neil>", "Neil Frackelton has sent apologies for that meeting, so cannot substitute."},
		{sue, `Away sub "neil frackelton (SWACA)"`, "Neil Frackelton has sent apologies for that meeting, so cannot substitute."},
		{ian, "for <@UGRAEME> Away sub <@UNEIL>", "Neil Frackelton has sent apologies for that meeting, so cannot substitute."},
		{graeme, "10/12/2026 Away sub Neil Frackelton", "Neil Frackelton has sent apologies for that meeting, so cannot substitute."},
	} {
		t.Run(tc.text, func(t *testing.T) {
			r := k.run(tc.user, "/apologies "+tc.text)
			if !r.Refused || r.Visibility != commands.Private || r.Text != tc.want {
				t.Errorf("reply = %+v\nwant a private refusal saying %q", r, tc.want)
			}
		})
	}
	if diff := cmp.Diff(k.apologies(), []string{"Neil Frackelton: Unwell / Sue Holden"}); diff != "" {
		t.Errorf("apologies after refusals (-got +want):\n%s", diff)
	}
	// Someone whose apologies were withdrawn is expected, and may stand in.
	k.must(ian, `/apologies for "Jen Williams (NW Probation)" Away`)
	wantShown(t, k.say(graeme, `/apologies Away sub "Jen Williams (NW Probation)"`), "Jen Williams has sent apologies for that meeting, so cannot substitute.")
	k.must(ian, `/apologies withdraw for "Jen Williams"`)
	wantShown(t, k.say(graeme, `/apologies Away sub "Jen Williams (NW Probation)"`), "Substitute: Jen Williams (NW Probation)")
	// Neil's own apology still names Sue, and sending it again keeps her.
	wantShown(t, k.say(neil, "/apologies Unwell sub <@USUE|sue>"), "nothing changed")
}

// A member named as another member's substitute is told of at once:
// there in their own right, they count once, and the substitution would
// be not taken up; the reply says so, and how to mark them as the
// substitute at the meeting instead. Someone not a member is not.
func TestApologiesNameAMemberAsSubstitute(t *testing.T) {
	k := agendaKit(t)
	k.must(ian, "/apologies for <@UNEIL> Holiday")
	r := k.must(ian, "/apologies for <@UNEIL> sub <@USUE|sue>")
	wantShown(t, r.Text, "Substitute: <@USUE>",
		"\nNote: Sue Holden is a member of Safer Sefton Together in their own right and counts once: come as a member, they cannot also stand in for <@UNEIL>, and the minutes will name no substitute. To stand in instead, they are marked so at the meeting: `/attendance <@USUE> substitute-for <@UNEIL>`.")
	// The list, the agenda and Neil's Home agree with the note: Sue is
	// not shown as substituting.
	const asHerself = "Sue Holden, named as substitute for Neil Frackelton, is a member in their own right and attends as themselves."
	list, agenda := k.say(neil, "/apologies list"), k.say(neil, "/agenda")
	wantShown(t, list, asHerself)
	wantShown(t, agenda, asHerself)
	if strings.Contains(list+agenda, "Substitutes:") {
		t.Errorf("a member in their own right shown as substituting:\n%s\n%s", list, agenda)
	}
	wantShown(t, homeText(t, k, neil), "Substitute: <@USUE> — a member in their own right, who attends as themselves and cannot also stand in for you")
	wantShown(t, k.say(graeme, `/apologies Away sub "Sue Holden"`), "they cannot also stand in for you,", "`/attendance <@USUE> substitute-for <@UGRAEME>`")
	if r := k.say(ian, `/apologies for <@UNEIL> sub "Jen Williams (NW Probation)"`); strings.Contains(r, "Note:") {
		t.Errorf("a substitute not a member: %q", r)
	}
	// Said when the substitute is named, not again when only the reason
	// changes.
	k.must(ian, "/apologies for <@UNEIL> Holiday sub <@USUE|sue>")
	if r := k.say(ian, "/apologies for <@UNEIL> Away on holiday sub <@USUE|sue>"); !strings.Contains(r, "Away on holiday") || strings.Contains(r, "counts once") {
		t.Errorf("the reason changed alone: %q", r)
	}
	// An officer never counts, so is not said to count once.
	if r := k.say(ian, "/apologies for <@UNEIL> sub <@UIAN|ian>"); !strings.Contains(r, "Substitute: <@UIAN>") || strings.Contains(r, "counts once") {
		t.Errorf("an officer named as substitute: %q", r)
	}
}

// TestApologiesSubstituteMadeAMember: someone named as a member's
// substitute, then added to the committee, attends as themselves: the
// agenda posted before they were added is updated to say so, no longer
// listing them under "Substitutes:", and the Home of the member who named
// them is published again to say so beside their substitute. Removed
// from the committee, they are listed as substitute again.
func TestApologiesSubstituteMadeAMember(t *testing.T) {
	k := agendaKit(t)
	k.must(neil, "/apologies Holiday sub <@USTRANGER|mallory>")
	k.must(ian, "/agenda post")
	if msgs := k.sent(); len(msgs) != 1 || !strings.Contains(shown(msgs[0].Reply), "Substitutes:") {
		t.Fatalf("posted %+v, want the agenda listing Mallory as substitute", msgs)
	}
	k.must(ian, "/committee member add <@USTRANGER> Sefton Council")
	if marked := k.marked(); !slices.Contains(marked, neil) {
		t.Errorf("Homes marked %v, want Neil's, whose substitute is now a member", marked)
	}
	// updated is the posted agenda as the outbox next updates it.
	updated := func() string {
		t.Helper()
		for _, m := range k.sent() {
			if m.Kind == commands.OutboxUpdate && m.MessageKey == fmt.Sprintf("agenda:%d", k.next().ID) {
				return shown(m.Reply)
			}
		}
		t.Fatal("the posted agenda was not updated")
		return ""
	}
	agenda := updated()
	wantShown(t, agenda, "Mallory, named as substitute for Neil Frackelton, is a member in their own right and attends as themselves.")
	if strings.Contains(agenda, "Substitutes:") {
		t.Errorf("the posted agenda still lists a member as substituting:\n%s", agenda)
	}
	// Removed again, they are Neil's substitute once more.
	k.must(ian, "/committee member remove <@USTRANGER>")
	wantShown(t, updated(), "Substitutes:", "Mallory")
}

// A substitute who sends apologies of their own has them recorded, and is
// told who named them; the officers' list points it out.
func TestApologiesFromANamedSubstitute(t *testing.T) {
	k := agendaKit(t)
	k.must(neil, "/apologies Unwell sub <@USUE|sue>")
	r := k.must(sue, "/apologies Away")
	wantShown(t, r.Text, "Your apologies for the meeting of *Safer Sefton Together* on Thursday 10 December 2026, 10:00, Remote Meeting are recorded.",
		"You are named as substitute for Neil Frackelton at this meeting, who will need someone else.")
	if diff := cmp.Diff(k.apologies(), []string{"Neil Frackelton: Unwell / Sue Holden", "Sue Holden: Away / "}); diff != "" {
		t.Errorf("apologies (-got +want):\n%s", diff)
	}
	// The long way, with a date, and an officer's entry, say it too.
	wantShown(t, k.say(sue, "/apologies 10/12/2026 Away on leave"), "You are named as substitute for Neil Frackelton at this meeting")
	wantShown(t, k.say(ian, "/apologies for <@USUE> Away"), "<@USUE> is named as substitute for Neil Frackelton at this meeting")
	wantShown(t, k.say(ian, "/apologies list"), "Substitutes who have sent apologies", "• Sue Holden, substitute for Neil Frackelton, has sent apologies.")
	if l := k.say(neil, "/apologies list"); strings.Contains(l, "Substitutes who have sent apologies") {
		t.Errorf("a member's list shows the officers' note:\n%s", l)
	}
	// Someone not named has nothing to be told.
	if g := k.say(graeme, "/apologies Away"); strings.Contains(g, "named as substitute") {
		t.Errorf("graeme is told he is a substitute:\n%s", g)
	}
}

// TestNextWeekdayIsNotTheNextMeeting: "next Thursday" is a day the sender
// has in mind, not the next meeting with "Thursday" the start of the
// reason: it is refused with the forms a date takes, and nothing is sent.
func TestNextWeekdayIsNotTheNextMeeting(t *testing.T) {
	k := agendaKit(t)
	const want = "`next Thursday` may mean more than one day: give its date, e.g. `26 November`; `next` alone is the next meeting."
	for _, line := range []string{"/apologies next Thursday Holiday", "/apologies next thu Holiday", "/agenda next Thursday", "/declare next Thursday 7.7 personal Volunteer"} {
		r := k.run(neil, line)
		if !r.Refused {
			t.Errorf("%s was not refused:\n%s", line, shown(r))
		}
		if !strings.Contains(r.Text, want) && !strings.Contains(r.Text, "`next thu` may mean more than one day") {
			t.Errorf("%s:\n%s\nlacks %q", line, r.Text, want)
		}
	}
	if got := k.say(ian, "/apologies list"); !strings.Contains(got, "No apologies") {
		t.Errorf("a refused apology was sent:\n%s", got)
	}
	// The date it gives, read aloud or by someone used to months first,
	// is one day and no other, and typed as given it is read so.
	if got := k.say(neil, "/apologies 26 November Holiday"); !strings.Contains(got, "Thursday 26 November 2026") {
		t.Errorf("the date given as an example was not read as that day:\n%s", got)
	}
	// "next" alone, then a reason, is as it was; so is the next meeting
	// then a day named with its weekday.
	wantShown(t, k.say(neil, "/apologies next Holiday"), "Reason: Holiday")
	wantShown(t, k.say(ian, "/meeting move next Thursday 17 December 2026"), "has moved to *Thursday 17 December 2026, 10:00")
}

// TestNextWeekIsNotTheNextMeeting: "next week" (or month, or fortnight)
// is a time the sender has in mind, not the next meeting with "week" the
// start of the reason: it is refused, and nothing is sent.
func TestNextWeekIsNotTheNextMeeting(t *testing.T) {
	k := agendaKit(t)
	for _, line := range []string{"/apologies next week Holiday", "/apologies Next Month away", "/apologies next fortnight", "/declare next week 7.7 personal Volunteer"} {
		r := k.run(neil, line)
		if !r.Refused || !strings.Contains(r.Text, "` is not a date: give its date, e.g. `") || !strings.Contains(r.Text, "`; `next` alone is the next meeting.") {
			t.Errorf("%s:\n%s\nwant it refused as not a date", line, shown(r))
		}
	}
	if got := k.say(ian, "/apologies list"); !strings.Contains(got, "No apologies") {
		t.Errorf("a refused apology was sent:\n%s", got)
	}
	// A reason that starts with another word is as it was.
	wantShown(t, k.say(neil, "/apologies next weekend away"), "Reason: weekend away")
}

// TestNextThenADateIsRefused: "next Thursday 17 December" names a day as
// well as the next meeting; the apologies are not sent to the next
// meeting, whatever its day, with the date taken for the reason.
func TestNextThenADateIsRefused(t *testing.T) {
	k := agendaKit(t)
	k.must(ian, "/meeting schedule 2026-12-17 10:00 Remote Meeting")
	for _, line := range []string{"/apologies next Thursday 17 December Holiday", "/apologies next 17/12 Holiday", "/apologies next, 17 December 2026 Holiday"} {
		r := k.run(neil, line)
		if !r.Refused {
			t.Errorf("%s was not refused:\n%s", line, shown(r))
		}
		if !strings.Contains(r.Text, "`/apologies 17/12/2026 …`") {
			t.Errorf("%s:\n%s\ndoes not say how to send apologies for 17 December", line, r.Text)
		}
	}
	for _, list := range []string{"/apologies list", "/apologies list 17/12/2026"} {
		if got := k.say(ian, list); !strings.Contains(got, "No apologies") {
			t.Errorf("%s: a refused apology was sent:\n%s", list, got)
		}
	}
	wantShown(t, k.say(neil, "/apologies 17/12/2026 Holiday"), "Reason: Holiday")
}

// TestNextAndADateAreOneOrTheOther: `next` then a date, in any command
// that takes a meeting's date, is answered alike: the two cannot both be
// given, and how to give either; not as a date read for an item's number
// or a word not understood.
func TestNextAndADateAreOneOrTheOther(t *testing.T) {
	k := agendaKit(t)
	k.must(ian, "/meeting schedule 2026-12-17 10:00 Remote Meeting")
	for _, tc := range []struct{ line, use string }{
		{"/apologies next 17/12 Holiday", "`/apologies 17/12/2026 …` for the meeting on Thursday 17 December 2026, or `/apologies next …` for the next meeting"},
		{"/declare next 17/12 7.5 personal Trustee of SWACA", "`/declare 17/12/2026 …` for the meeting on Thursday 17 December 2026, or `/declare next …` for the next meeting"},
		{"/declare next Thursday 17 December 7.5 personal Trustee of SWACA", "`/declare 17/12/2026 …`"},
		{"/report next 17/12 7.5 https://example.org/swaca.pdf", "`/report 17/12/2026 …` for the meeting on Thursday 17 December 2026, or `/report next …` for the next meeting"},
		{"/report remove next 17/12 7.5", "`/report remove 17/12/2026 …` for the meeting on Thursday 17 December 2026"},
		{"/history apologies next 17/12", "`/history apologies 17/12/2026` for the meeting on Thursday 17 December 2026, or `/history apologies next` for the next meeting"},
		{"/history declarations next 17/12 <@UNEIL>", "`/history declarations 17/12/2026`"},
		{"/history attendance next 17/12", "`/history attendance 17/12/2026`"},
		{"/history minutes next 17/12", "`/history minutes 17/12/2026`"},
		{"/apologies list next 17/12", "`/apologies list 17/12/2026` for the meeting on Thursday 17 December 2026, or `/apologies list next` for the next meeting"},
	} {
		r := k.run(ian, tc.line)
		if !r.Refused {
			t.Errorf("%s was not refused:\n%s", tc.line, shown(r))
		}
		wantShown(t, r.Text, "gives both `next` and a date: give one or the other, "+tc.use)
	}
	for _, list := range []string{"/declare list 17/12/2026", "/report list 17/12/2026", "/declare list", "/report list"} {
		if got := k.say(ian, list); strings.Contains(got, "Trustee of SWACA") || strings.Contains(got, "swaca.pdf") {
			t.Errorf("%s: a refused line was saved:\n%s", list, got)
		}
	}
}

// A substitute named by a member's name, in quotes or not, is that member,
// as a name after `for` is: the reply mentions them, and when they then
// send apologies of their own they are told whose substitute they were.
func TestApologiesSubstituteNamedIsTheMember(t *testing.T) {
	for _, sub := range []string{`sub "Sue Holden"`, `sub “sue holden (Sefton CVS)”`, `sub Sue Holden`} {
		t.Run(sub, func(t *testing.T) {
			k := agendaKit(t)
			wantShown(t, k.say(neil, "/apologies Unwell "+sub), "are recorded", "Substitute: <@USUE>")
			wantShown(t, k.say(sue, "/apologies Away"), "You are named as substitute for Neil Frackelton at this meeting, who will need someone else.")
			wantShown(t, k.say(ian, "/apologies list"), "• Sue Holden, substitute for Neil Frackelton, has sent apologies.")
		})
	}
}

// `sub` followed by a word of a member's name, neither mentioned nor
// quoted, means that member: it is refused with how to name them, not
// saved as the reason "sub sue". A sub committee is still a reason.
func TestApologiesSubBareWordOfAMember(t *testing.T) {
	k := agendaKit(t)
	r := k.run(neil, "/apologies sub sue")
	want := "`sub sue` names no one: did you mean Sue Holden (Sefton CVS)? Name them as <@USUE>, or in quotes: `/apologies sub \"Sue Holden\"`."
	if !r.Refused || r.Text != want {
		t.Errorf("reply = %q\nwant a refusal saying %q", shown(r), want)
	}
	wantShown(t, k.say(neil, "/apologies Unwell substitute graeme"), "did you mean Graeme Robson (Merseyside Police)?")
	if got := k.apologies(); len(got) != 0 {
		t.Errorf("refused apologies were saved: %q", got)
	}
	wantShown(t, k.say(neil, "/apologies Planning sub committee"), "are recorded", "Reason: Planning sub committee")
	wantShown(t, k.say(neil, "/apologies reason sub sue"), "Reason: sub sue")
}

// The word after `sub` is asked about as the sender meant it: a full
// stop ending the sentence is not quoted back as part of the name, and
// Slack's bold, italics, strike or code around it ("*sue*") do not hide
// the member it names, to be saved as the reason "sub *sue*".
func TestApologiesSubWordWithPunctuationOrEmphasis(t *testing.T) {
	k := agendaKit(t)
	want := "`sub sue` names no one: did you mean Sue Holden (Sefton CVS)? Name them as <@USUE>, or in quotes: `/apologies sub \"Sue Holden\"`."
	for _, line := range []string{"/apologies Unwell sub sue.", "/apologies Unwell sub *sue*", "/apologies Unwell sub _sue_,", "/apologies Unwell sub ~sue~", "/apologies Unwell sub *sue.*", "/apologies Unwell sub `sue`"} {
		r := k.run(neil, line)
		if !r.Refused || r.Text != want {
			t.Errorf("%s: reply = %q\nwant a refusal saying %q", line, shown(r), want)
		}
	}
	if got := k.apologies(); len(got) != 0 {
		t.Errorf("refused apologies were saved: %q", got)
	}
}

// A capitalised word of a member's name after `sub` ("sub Sue") is that
// member, as the same word in lower case is: it is refused with how to
// name them, not saved with a stranger called "Sue" as substitute.
func TestApologiesSubCapitalisedWordOfAMember(t *testing.T) {
	k := agendaKit(t)
	r := k.run(neil, "/apologies sub Sue")
	want := "`sub Sue` names no one: did you mean Sue Holden (Sefton CVS)? Name them as <@USUE>, or in quotes: `/apologies sub \"Sue Holden\"`."
	if !r.Refused || r.Text != want {
		t.Errorf("reply = %q\nwant a refusal saying %q", shown(r), want)
	}
	wantShown(t, k.say(neil, "/apologies Unwell sub Graeme"), "did you mean Graeme Robson (Merseyside Police)?")
	if got := k.apologies(); len(got) != 0 {
		t.Errorf("refused apologies were saved: %q", got)
	}
	wantShown(t, k.say(neil, `/apologies Unwell sub "Jane Smith"`), "Substitute: Jane Smith")
}

// A slip in `withdraw` or `list`, or another word for withdrawing, typed
// alone is not taken for the reason: the sender meant the subcommand, and
// would otherwise have sent (or changed) apologies while meaning to take
// them back. `reason` gives such a word as the reason.
func TestApologiesMistypedSubcommand(t *testing.T) {
	k := agendaKit(t)
	k.must(neil, "/apologies Unwell")
	for line, want := range map[string]string{
		"/apologies witdraw":            "`witdraw` is not read as a reason: did you mean `/apologies withdraw`? For that reason, write `/apologies reason witdraw`.",
		"/apologies Withdrawn":          "did you mean `/apologies withdraw`?",
		"/apologies cancel":             "did you mean `/apologies withdraw`?",
		"/apologies witdraw 10/12/2026": "did you mean `/apologies withdraw`?",
		"/apologies lsit":               "`lsit` is not read as a reason: did you mean `/apologies list`? For that reason, write `/apologies reason lsit`.",
	} {
		r := k.run(neil, line)
		if !r.Refused || !strings.Contains(r.Text, want) {
			t.Errorf("%s: reply = %q\nwant a refusal saying %q", line, shown(r), want)
		}
	}
	if got, want := k.apologies(), []string{"Neil Frackelton: Unwell / "}; !slices.Equal(got, want) {
		t.Errorf("apologies = %q, want %q", got, want)
	}
	wantShown(t, k.say(neil, "/apologies reason cancel"), "Reason: cancel")
	wantShown(t, k.say(neil, "/apologies Lift broken"), "Reason: Lift broken")
}

// A mention at the start of a reason, or after a slip of `for` ("fro
// @neil"), was meant for `for` or `sub`: sent as it stands, the apologies
// would be the sender's own with a mention for their reason. A reason
// that says so is given with `reason`.
func TestApologiesReasonStartingWithAMention(t *testing.T) {
	k := agendaKit(t)
	for _, tc := range []struct{ user, line, want string }{
		{ian, "/apologies fro <@UNEIL|neil> Unwell", "Apologies starting `fro` and a mention would be your own, with that as their reason: to send them for <@UNEIL>, write `for` before the mention (an officer or the chair); to name your substitute, `sub`. For a reason that starts so, write `/apologies reason …`."},
		{neil, "/apologies <@UGRAEME> Unwell", "Apologies starting with a mention would be your own, with that as their reason: to send them for <@UGRAEME>, write `for` before the mention (an officer or the chair); to name your substitute, `sub`."},
	} {
		r := k.run(tc.user, tc.line)
		if !r.Refused || !strings.Contains(r.Text, tc.want) {
			t.Errorf("%s: reply = %q\nwant a refusal saying %q", tc.line, shown(r), tc.want)
		}
	}
	if got := k.apologies(); len(got) != 0 {
		t.Errorf("refused apologies were saved: %q", got)
	}
	wantShown(t, k.say(neil, "/apologies Meeting with <@UGRAEME>"), "are recorded")
	wantShown(t, k.say(graeme, "/apologies reason <@UNEIL> has asked me to attend elsewhere"), "are recorded")
}

// A reason that starts with a day of the week, with no date before it,
// was most likely meant as the meeting's day: it is refused with the day
// of the next meeting and how to give either, not sent with the reason
// "Thursday".
func TestApologiesReasonStartingWithAWeekday(t *testing.T) {
	k := agendaKit(t)
	for _, line := range []string{"/apologies Thursday", "/apologies thu Unwell", "/apologies Friday Holiday sub <@UGRAEME>"} {
		r := k.run(neil, line)
		word := strings.Fields(line)[1]
		want := "`" + word + "` is not read as a date: the next meeting is on Thursday 10 December 2026. `/apologies next …` sends apologies for it, or give a meeting's date, as in `/apologies 10/12/2026 …`; for a reason that starts with `" + word + "`, write `/apologies reason " + word + " …`."
		if !r.Refused || !strings.Contains(r.Text, want) {
			t.Errorf("%s: reply = %q\nwant a refusal saying %q", line, shown(r), want)
		}
	}
	if got := k.apologies(); len(got) != 0 {
		t.Errorf("refused apologies were saved: %q", got)
	}
	wantShown(t, k.say(neil, "/apologies reason Thursday clinic"), "Reason: Thursday clinic")
	wantShown(t, k.say(neil, "/apologies 10/12/2026 Thursday clinic"), "Reason: Thursday clinic")
	wantShown(t, k.say(neil, "/apologies Sun holiday"), "Reason: Sun holiday")
}

// A reason that starts with what looks like a date mistyped — a number
// with a dot that is no date ("14.1"), a slip of `tomorrow`, `today` or a
// day of the week — was meant as the meeting's day: it is refused with
// what it may mean and how to give a date, not saved with the slip as the
// start of the reason.
func TestApologiesReasonStartingWithADateMistyped(t *testing.T) {
	k := agendaKit(t)
	apologiesRefused(t, k, []apologyRefusal{
		{"/apologies 14.1 Holiday", "`14.1` is not read as a date (did you mean `14/01`, Thursday 14 January 2027?): the next meeting is on Thursday 10 December 2026. `/apologies next …` sends apologies for it, or give a meeting's date, as in `/apologies 10/12/2026 …`; for a reason that starts with `14.1`, write `/apologies reason 14.1 …`."},
		{"/apologies 32.1 Holiday", "`32.1` is not read as a date: the next meeting is on Thursday 10 December 2026."},
		{"/apologies 10.12 Holiday", "(did you mean `10/12`, Thursday 10 December 2026?)"},
		{"/apologies tmorrow Holiday", "`tmorrow` is not read as a date (did you mean `tomorrow`?): the next meeting is on Thursday 10 December 2026."},
		{"/apologies Tommorow", "(did you mean `tomorrow`?)"},
		{"/apologies tody Unwell", "(did you mean `today`?)"},
		{"/apologies Thurday Holiday", "`Thurday` is not read as a date (did you mean `Thursday`?): the next meeting is on Thursday 10 December 2026."},
		{"/apologies wensday", "(did you mean `Wednesday`?)"},
	})
	for line, reason := range map[string]string{
		"/apologies Unwell":                        "Unwell",
		"/apologies 10.30 hospital appointment":    "10.30 hospital appointment",
		"/apologies 9.00 clinic":                   "9.00 clinic",
		"/apologies Money matters":                 "Money matters",
		"/apologies Today's clinic overran":        "Today's clinic overran",
		"/apologies Tuesdays are clinic days":      "Tuesdays are clinic days",
		"/apologies reason 14.1 Holiday":           "14.1 Holiday",
		"/apologies reason tmorrow is a long trip": "tmorrow is a long trip",
	} {
		wantShown(t, k.say(neil, line), "Reason: "+reason)
	}
}

// A day with its month mistyped ("14 Janury", "Febuary 3rd") was meant as
// the meeting's day, as a slip of a day's name is: taken as the start of
// the reason, the apologies would go to the next meeting, on another day
// altogether, and the member be down as absent from it. It is refused
// with the day it may mean; a reason that merely starts with a number,
// a day gone or the next meeting's own day stays a reason.
func TestApologiesReasonStartingWithAMonthMistyped(t *testing.T) {
	k := agendaKit(t)
	k.must(ian, "/meeting schedule 2027-01-14 10:00 Remote Meeting")
	apologiesRefused(t, k, []apologyRefusal{
		{"/apologies 14 Janury Unwell", "`14 Janury` is not read as a date (did you mean `14/01/2027`, Thursday 14 January 2027?): the next meeting is on Thursday 10 December 2026."},
		{"/apologies 14th Janaury 2027 Unwell", "`14th Janaury 2027` is not read as a date (did you mean `14/01/2027`, Thursday 14 January 2027?)"},
		{"/apologies Febuary 3rd Holiday", "(did you mean `3/02/2027`, Wednesday 3 February 2027?)"},
		{"/apologies 31 Novmber Holiday", "`31 Novmber` is not read as a date: the next meeting is on Thursday 10 December 2026."},
	})
	for line, reason := range map[string]string{
		"/apologies 3 jury summons":            "3 jury summons",
		"/apologies 2 meetings at once":        "2 meetings at once",
		"/apologies 1 Marching band rehearsal": "1 Marching band rehearsal",
		"/apologies 11 Marsh Lane flooding":    "11 Marsh Lane flooding",
		"/apologies 2 Augur":                   "2 Augur",
		// The day the next meeting is on: the apologies reach it.
		"/apologies 10 Decmber":                  "10 Decmber",
		"/apologies reason 14 Janury conference": "14 Janury conference",
	} {
		wantShown(t, k.say(neil, line), "Reason: "+reason)
	}
	wantShown(t, k.say(neil, "/apologies 14 January Unwell"), "Thursday 14 January 2027", "Reason: Unwell")
}

// A day still to come said as it is said ("on 14/01", "for 14 January",
// "this Thursday") at the start of a reason was meant as the meeting's
// day: it is refused with the day it may mean, not saved as the reason of
// apologies for the next meeting, another day altogether. The next
// meeting's own day, a day gone ("24/7") and "yesterday" are the reason.
// A date followed by a colon ("14/01/2027: on leave") is the date.
func TestApologiesReasonStartingWithADaySaidSo(t *testing.T) {
	k := agendaKit(t)
	k.must(ian, "/meeting schedule 2027-01-14 10:00 Remote Meeting")
	apologiesRefused(t, k, []apologyRefusal{
		{"/apologies on 14/01 Unwell", "`on 14/01` is not read as a date (did you mean `14/01/2027`, Thursday 14 January 2027?): the next meeting is on Thursday 10 December 2026."},
		{"/apologies for 14 January Unwell", "`for 14 January` is not read as a date (did you mean `14/01/2027`, Thursday 14 January 2027?)"},
		{"/apologies on Thursday 14 January Unwell", "(did you mean `14/01/2027`, Thursday 14 January 2027?)"},
		{"/apologies this Thursday Unwell", "`this Thursday` is not read as a date: the next meeting is on Thursday 10 December 2026."},
	})
	wantShown(t, k.say(neil, "/apologies 14/01/2027: On leave"), "Thursday 14 January 2027", "Reason: On leave")
	wantShown(t, k.say(graeme, "/apologies 14 January 2027: On leave"), "Thursday 14 January 2027", "Reason: On leave")
	for line, reason := range map[string]string{
		"/apologies for family reasons":        "for family reasons",
		"/apologies for 2 weeks away":          "for 2 weeks away",
		"/apologies on leave":                  "on leave",
		"/apologies this is late, sorry":       "this is late, sorry",
		"/apologies reason on 14/01 I am away": "on 14/01 I am away",
		"/apologies Yesterday I broke my leg":  "Yesterday I broke my leg",
		"/apologies for 24/7 on-call cover":    "for 24/7 on-call cover",
		// The day the next meeting is on: the apologies reach it.
		"/apologies on 10/12 Unwell": "on 10/12 Unwell",
	} {
		wantShown(t, k.say(sue, line), "Reason: "+reason)
	}
}

// A mention in a reason ("Meeting with @Graeme") reaches the bot as
// Slack's markup for it; it is kept as the person's name, as Slack showed
// it to the sender, wherever the reason is shown — not as the markup.
func TestApologiesReasonWithAMentionIsShownByName(t *testing.T) {
	k := agendaKit(t)
	r := k.must(neil, "/apologies Meeting with <@UGRAEME|graeme> and <@UNOBODY|bob>, about the audit")
	wantShown(t, shown(r), "Reason: Meeting with @Graeme Robson and @bob, about the audit")
	if strings.Contains(shown(r), "UGRAEME") {
		t.Errorf("reply shows the markup:\n%s", shown(r))
	}
	if diff := cmp.Diff(k.apologies(), []string{"Neil Frackelton: Meeting with @Graeme Robson and @bob, about the audit / "}); diff != "" {
		t.Errorf("stored (-got +want):\n%s", diff)
	}
	wantShown(t, k.say(ian, "/apologies list"), "Neil Frackelton: Meeting with @Graeme Robson and @bob, about the audit")
	wantShown(t, k.say(ian, "/apologies for <@USUE> Seeing <@UNEIL>"), "Reason: Seeing @Neil Frackelton")
}

// TestNextShortWeekdayIsNotTheNextMeeting: "next tues" and "next thurs",
// as people shorten the days, are days the sender has in mind as "next
// Tuesday" is: refused with a date to give, not apologies for the next
// meeting with "tues" the start of the reason. A weekday so shortened
// alone, where a date is wanted, is answered with the days it may mean.
func TestNextShortWeekdayIsNotTheNextMeeting(t *testing.T) {
	k := agendaKit(t)
	for line, want := range map[string]string{
		"/apologies next tues Away":    "`next tues` may mean more than one day: give its date, e.g. `24 November`; `next` alone is the next meeting.",
		"/apologies next Thurs Away":   "`next Thurs` may mean more than one day: give its date, e.g. `26 November`; `next` alone is the next meeting.",
		"/apologies next weds Away":    "`next weds` may mean more than one day: give its date, e.g. `25 November`; `next` alone is the next meeting.",
		"/apologies thurs Away":        "`thurs` is not read as a date: the next meeting is on Thursday 10 December 2026.",
		"/meeting history tues":        "`tues` may mean more than one day: give its date, `17/11/2026` for the last, `24/11/2026` for the next.",
		"/declare next thur 7.7 other": "`next thur` may mean more than one day: give its date, e.g. `26 November`",
	} {
		r := k.run(neil, line)
		if !r.Refused {
			t.Errorf("%s was not refused:\n%s", line, shown(r))
		}
		wantShown(t, shown(r), want)
	}
	if got := k.say(ian, "/apologies list"); !strings.Contains(got, "No apologies") {
		t.Errorf("a refused apology was sent:\n%s", got)
	}
}

// TestSubByFirstNameKeepsTheDate: apologies for a meeting other than the
// next, with a substitute named by a word of a member's name, are answered
// with a form that names the same meeting: typed as shown, the form
// without the date would name the substitute at the next meeting instead.
func TestSubByFirstNameKeepsTheDate(t *testing.T) {
	k := meetingKit(t)
	k.must(ian, "/meeting schedule 2027-01-14 10:00 Bootle Town Hall")
	for _, tc := range []struct{ user, line, want string }{
		{neil, "/apologies 14/01/2027 Unwell sub graeme", "`/apologies 2027-01-14 sub \"Graeme Robson\"`"},
		{neil, "/apologies 14/01/2027 Unwell sub Graeme", "`/apologies 2027-01-14 sub \"Graeme Robson\"`"},
		{ian, "/apologies for <@UNEIL> 14/01/2027 Unwell sub graeme", "`/apologies for <@UNEIL> 2027-01-14 sub \"Graeme Robson\"`"},
		{neil, "/apologies Unwell sub graeme", "`/apologies sub \"Graeme Robson\"`"},
	} {
		r := k.run(tc.user, tc.line)
		if !r.Refused || !strings.Contains(r.Text, tc.want) {
			t.Errorf("%s:\n%q\nwant it refused with %s", tc.line, r.Text, tc.want)
		}
	}
}

// TestNamedSubstituteJoinsTheCommittee: a substitute named by name, not
// yet in Slack ("Jen Williams (NW Probation)"), is the member they become
// when added to the committee under that name and organisation: their
// Home says whom they substitute for (and, a member now, that they count
// once, in their own right), the list names them as the member who
// attends as themselves, and their own apologies say whom they leave
// without a substitute. Someone of that name from another organisation
// is someone else.
func TestNamedSubstituteJoinsTheCommittee(t *testing.T) {
	const jen = "UJEN"
	k := agendaKit(t)
	k.svc = commands.New(k.db, people{ian: "Ian Barton", neil: "Neil Frackelton", graeme: "Graeme Robson", sue: "Sue Holden", jen: "Jen Williams"})
	k.must(neil, `/apologies Away sub "Jen Williams (NW Probation)"`)
	k.must(ian, `/apologies for <@UGRAEME> In court sub "Jen Williams (Sefton Council)"`)
	k.must(ian, "/committee member add <@UJEN> NW Probation")

	home := homeText(t, k, jen)
	wantShown(t, home, "Substituting: Neil Frackelton (SWACA) has named you as their substitute at the next meeting.",
		"You are a member yourself: if you attend, you count once, in your own right, and cannot also stand in for them.")
	// The member is not listed as substituting, as their Home says; the
	// other Jen Williams is.
	const subs = "Substitutes: Jen Williams (Sefton Council) for Graeme Robson. Jen Williams, named as substitute for Neil Frackelton, is a member in their own right and attends as themselves."
	wantShown(t, k.say(ian, "/apologies list"), subs)
	wantShown(t, k.say(ian, "/agenda"), subs)
	wantShown(t, k.say(jen, "/apologies Unwell"), "You are named as substitute for Neil Frackelton at this meeting, who will need someone else.")
}

// A substitute named in quotes must have a name: "(Sefton CVS)" or an
// unclosed bracket would stand on the agenda as a substitute no one can
// identify, and a quote inside the name ("Robert "Bob" Jones") would end
// it early and send the rest of it over the reason already given. Each is
// refused and the apologies stand as they were.
func TestApologiesQuotedSubstituteNeedsAName(t *testing.T) {
	k := agendaKit(t)
	k.must(neil, "/apologies Attending court")
	for _, line := range []string{
		`/apologies sub "(Sefton CVS)"`,
		`/apologies sub "Jane Smith ("`,
		`/apologies sub "Jane Smith) (Sefton CVS)"`,
		`/apologies sub "Robert "Bob" Jones (Sefton CVS)"`,
		`/apologies sub “Robert “Bob” Jones”`,
	} {
		if r := k.run(neil, line); !r.Refused {
			t.Errorf("%s was not refused:\n%s", line, shown(r))
		}
	}
	if diff := cmp.Diff(k.apologies(), []string{"Neil Frackelton: Attending court / "}); diff != "" {
		t.Errorf("apologies standing (-got +want):\n%s", diff)
	}
	wantShown(t, k.say(ian, "/agenda"), "Apologies for absence were received from Neil Frackelton (SWACA).")
	if strings.Contains(k.say(ian, "/agenda"), "Substitutes") {
		t.Errorf("a refused substitute is on the agenda:\n%s", k.say(ian, "/agenda"))
	}
	wantShown(t, k.say(neil, `/apologies sub "Jane Smith (Sefton CVS)"`), "Reason: Attending court", "Substitute: Jane Smith (Sefton CVS)")
	wantShown(t, k.say(ian, `/apologies for "Robert "Bob" Jones (SWACA)" Unwell`), "cannot have quotation marks inside it")
}

// apologyRefusal is a line Neil sends and what its refusal says.
type apologyRefusal struct{ line, want string }

// apologiesRefused sends each line as Neil and checks that it is refused,
// saying what it should, and that no apology was saved.
func apologiesRefused(t *testing.T, k *kit, cases []apologyRefusal) {
	t.Helper()
	for _, tc := range cases {
		r := k.run(neil, tc.line)
		if !r.Refused || !strings.Contains(r.Text, tc.want) {
			t.Errorf("%s: reply = %q\nwant a refusal saying %q", tc.line, shown(r), tc.want)
		}
	}
	if got := k.apologies(); len(got) != 0 {
		t.Errorf("refused apologies were saved: %q", got)
	}
}

// An officer's apologies for someone whose reason starts with a day are
// refused with commands that keep `for` and the person: copied without
// them, they would send the officer's own apologies.
func TestApologiesForSomeoneReasonStartingWithADay(t *testing.T) {
	k := agendaKit(t)
	k.must(ian, "/meeting schedule 2027-01-14 10:00 Remote Meeting")
	r := k.run(ian, "/apologies for <@UNEIL> on 14/01 Unwell")
	if !r.Refused {
		t.Fatalf("not refused: %s", shown(r))
	}
	wantShown(t, r.Text, "`/apologies for <@UNEIL> next …` sends apologies for it", "as in `/apologies for <@UNEIL> 10/12/2026 …`",
		"write `/apologies for <@UNEIL> reason on 14/01 …`")
}

// TestMeetingButtonsOfAnotherCommitteeAsIfMissing: the buttons that carry
// a meeting's ID (Send and Withdraw apologies, Withdraw declaration, the
// interest prompts), given the ID of a meeting of Safer Sefton Together
// by someone not on it, answer exactly as for an ID that is no meeting's:
// which meetings exist elsewhere is not told.
func TestMeetingButtonsOfAnotherCommitteeAsIfMissing(t *testing.T) {
	k := meetingKit(t)
	id := strconv.FormatInt(k.next().ID, 10)
	for _, tc := range []struct{ action, real, missing string }{
		{"apologies.send_next", id, "99999"},
		{"apologies.withdraw", id, "99999"},
		{"apologies.withdraw", id + "@sent", "99999@sent"},
		{"declare.withdraw", id + ":6:1", "99999:6:1"},
		{"interests.declare", id + ":1:1", "99999:1:1"},
		{"interests.dismiss", id + ":1:1", "99999:1:1"},
	} {
		real, missing := k.act(k.home(stranger), tc.action, tc.real), k.act(k.home(stranger), tc.action, tc.missing)
		if !real.Refused || shown(real) != shown(missing) {
			t.Errorf("%s: another committee's meeting:\n%s\nno such meeting:\n%s", tc.action, shown(real), shown(missing))
		}
	}
}
