package commands_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/quorumhq/quorum/commands"
)

func TestCommitteeSetupAndMembers(t *testing.T) {
	k := newKit(t)
	wantShown(t, k.say(ian, "/committee members"), "This channel does not belong to a committee, and you are not a member of one.", "An officer can set up a committee in its own channel with `/committee setup NAME`.")
	wantShown(t, k.say(ian, "/committee setup"), "Give the committee's name.", "• `/committee setup NAME`")
	r := k.must(ian, "/committee setup Safer Sefton Together")
	if diff := cmp.Diff(r.Text, "This channel is now the channel of *Safer Sefton Together*, and <@UIAN> is its officer.\n"+
		"Next: add members with `/committee member add @user ORGANISATION` and schedule a meeting with `/meeting schedule DATE TIME [VENUE]`."); diff != "" {
		t.Errorf("setup (-got +want):\n%s", diff)
	}
	if r.Visibility != commands.Public || !cmp.Equal(k.marked(), []string{ian}) {
		t.Errorf("setup is announced in the channel and refreshes the officer's Home: %+v", r)
	}

	k.steps([]step{
		{ian, "/committee member add <@UNEIL> SWACA", []string{"<@UNEIL> is now a member of Safer Sefton Together, for SWACA."}},
		{ian, "/committee member add <@UGRAEME|graeme> Merseyside Police", []string{"<@UGRAEME> is now a member"}},
		{ian, "/committee member add <@USUE|sue> Sefton CVS chair", []string{"<@USUE> is now the chair of Safer Sefton Together, for Sefton CVS."}},
		{ian, "/committee member add <@UNEIL> SWACA officer", []string{"<@UNEIL> is now recorded as an officer of Safer Sefton Together, for SWACA. (Was a member.)"}},
		{ian, "/committee member add <@UNEIL> SWACA member", []string{"<@UNEIL> is now recorded as a member of Safer Sefton Together, for SWACA. (Was an officer.)"}},
		{ian, "/committee member add <@UNEIL> Sefton CVS", []string{"<@UNEIL> is now recorded as a member of Safer Sefton Together, for Sefton CVS. (Was for SWACA.)"}},
		{ian, "/committee member add <@UNEIL> SWACA officer", []string{"for SWACA. (Was for Sefton CVS, a member.)"}},
		{ian, "/committee member add <@UNEIL> SWACA member", []string{"(Was an officer.)"}},
		{ian, "/committee member remove <@USUE>", []string{"<@USUE> is no longer a member of Safer Sefton Together."}},
		{ian, "/committee member remove <@USUE>", []string{"<@USUE> is not a member of Safer Sefton Together."}},
		{ian, "/committee member remove <@UIAN>", []string{"<@UIAN> is the last officer of Safer Sefton Together; make someone else an officer first."}},
		{ian, "/committee member add <@UIAN> Sefton Council member", []string{"Ian Barton is the last officer of Safer Sefton Together; add another officer first."}},
		// The officer who set the committee up has no organisation until
		// one is given.
		{ian, "/committee member add <@UIAN> Sefton Council officer", []string{"<@UIAN> is now recorded as an officer of Safer Sefton Together, for Sefton Council. (Was for no organisation.)"}},
	})
	// Names come from the directory, not from the mention.
	if diff := cmp.Diff(k.say(neil, "/committee members"), "*Safer Sefton Together* has 3 members:\n"+
		"• Ian Barton — Sefton Council (officer)\n• Graeme Robson — Merseyside Police\n• Neil Frackelton — SWACA"); diff != "" {
		t.Errorf("members (-got +want):\n%s", diff)
	}
}

func TestCommitteeMistakes(t *testing.T) {
	k := committeeKit(t)
	for _, tc := range []struct{ user, line, want string }{
		{ian, "/committee setup Another Board", "This channel already belongs to Safer Sefton Together."},
		{stranger, "/committee setup Hijacked Committee", "This channel already belongs to Safer Sefton Together."},
		{ian, "/committee setup " + strings.Repeat("x", 201), "That name is too long (the limit is 200 characters)."},
		{ian, "/committee member add neil SWACA", "`neil` is not a mention: type @ and pick the person so Slack links their name."},
		// Slack sends <, > and & typed in the text as entities: they are
		// quoted back as sent, not escaped again.
		{ian, "/committee member add &lt;@U999|x&gt; Org", "`&lt;@U999|x&gt;` is not a mention: type @ and pick the person so Slack links their name."},
		{ian, "/committee member add x&amp;y Org", "`x&amp;y` is not a mention"},
		{ian, "/committee member remove &lt;b&gt;", "`&lt;b&gt;` is not a mention: type @ and pick the person."},
		{ian, "/committee member add <@UNEIL>", "Give their organisation, e.g. `SWACA` or `Merseyside Police`."},
		{ian, "/committee member add", "Mention the person to add."},
		{ian, "/committee member add <@UNEIL> " + strings.Repeat("x", 201), "That organisation is too long (the limit is 200 characters)."},
		{ian, "/committee member remove", "Mention the one person to remove."},
		{ian, "/committee member remove sue", "`sue` is not a mention: type @ and pick the person."},
		{ian, "/committee member", "Say `add` or `remove`.\nUsage:\n• `/committee member add @user ORGANISATION [member|officer|chair|vice-chair] [non-voting|voting]`\n• `/committee member remove @user`"},
		{ian, "/committee member promote <@UNEIL>", "I don't know `member promote`."},
		{ian, "/committee role <@UNEIL> chair", "I don't know `role`: a member's role is set with `/committee member add @user ORGANISATION ROLE`, their organisation given again, e.g. `/committee member add @trish Sefton Council chair`."},
		{ian, "/committee disband", "I don't know `disband`.\nUsage:\n• `/committee setup NAME`"},
	} {
		t.Run(tc.line, func(t *testing.T) {
			r := k.run(tc.user, tc.line)
			if !r.Refused || !strings.HasPrefix(r.Text, tc.want) {
				t.Errorf("got %q\nwant a refusal starting %q", r.Text, tc.want)
			}
		})
	}

	// A committee's name belongs to one channel.
	other := k.request(ian, "/committee setup Safer Sefton Together")
	other.ChannelID = "C2"
	r, err := k.svc.Run(context.Background(), other)
	if err != nil || r.Text != "A committee called Safer Sefton Together already has another channel: <#C1>." {
		t.Errorf("same name in another channel: %+v %v", r, err)
	}
	// Typed in other case, it is named as it is, not as typed.
	other = k.request(ian, "/committee setup safer sefton TOGETHER")
	other.ChannelID = "C2"
	r, err = k.svc.Run(context.Background(), other)
	if err != nil || r.Text != "A committee called Safer Sefton Together already has another channel: <#C1>." {
		t.Errorf("same name in other case in another channel: %+v %v", r, err)
	}
}

// TestSecondWordOfASubcommand: the second word of a subcommand of two
// words, typed without the first (`/committee add`), is answered with the
// form it belongs to, not with every form of the command.
func TestSecondWordOfASubcommand(t *testing.T) {
	k := committeeKit(t)
	for _, tc := range []struct{ line, want string }{
		{"/committee add <@USUE> Sefton CVS", "I don't know `add`: did you mean `/committee member add`?\nUsage:\n• `/committee member add @user ORGANISATION [member|officer|chair|vice-chair] [non-voting|voting]`"},
		{"/committee Remove <@UNEIL>", "I don't know `Remove`: did you mean `/committee member remove`?\nUsage:\n• `/committee member remove @user`"},
		{"/meeting reset", "I don't know `reset`: did you mean `/meeting calendar reset`?\nUsage:\n• `/meeting calendar reset`"},
	} {
		t.Run(tc.line, func(t *testing.T) {
			r := k.run(ian, tc.line)
			if !r.Refused || r.Text != tc.want {
				t.Errorf("got %q\nwant a refusal %q", r.Text, tc.want)
			}
		})
	}
	if got := k.say(ian, "/committee members"); strings.Contains(got, "Sue") {
		t.Errorf("Sue was added by `/committee add`: %s", got)
	}
}

// TestOfficerOnlyCommands: members and non-members are refused everything
// that changes the committee, and nothing changes.
func TestOfficerOnlyCommands(t *testing.T) {
	k := meetingKit(t)
	snapshot := func() string {
		return k.say(ian, "/committee members") + "\n" + k.say(ian, "/meeting list") + "\n" + k.say(ian, "/agenda") + "\n" + k.say(ian, "/meeting reminders")
	}
	before := snapshot()
	for _, line := range []string{
		"/committee member add <@USUE> Sefton CVS",
		"/committee member add <@UNEIL> SWACA officer",
		"/committee member remove <@UIAN>",
		"/committee member remove <@UGRAEME>",
		"/meeting schedule 2026-12-17 10:00 Bootle Town Hall",
		"/meeting cancel 10/12/2026",
		"/meeting reminders 3 10:00",
		"/agenda post",
		"/agenda add 5 X",
		"/agenda remove 1",
		"/agenda move 1 9",
		"/agenda import",
		"/declare minutes",
		"/report missing",
		"/minutes draft",
		"/minutes import",
	} {
		for _, who := range []struct{ user, want string }{
			{neil, "Only an officer "},
			{stranger, "You are not a member of Safer Sefton Together."},
		} {
			r := k.run(who.user, line)
			if !strings.HasPrefix(r.Text, who.want) || r.Visibility != commands.Private || !r.Refused || r.Form != nil {
				t.Errorf("%s: %s → %q; want a private %q", who.user, line, r.Text, who.want)
			}
		}
	}
	if diff := cmp.Diff(snapshot(), before); diff != "" {
		t.Errorf("refused commands changed the records (-got +want):\n%s", diff)
	}
	if got := k.sent(); len(got) != 0 {
		t.Errorf("refused commands queued %d messages", len(got))
	}
}

// TestHostileTextIsStoredVerbatimAndShownHarmlessly puts hostile text in
// the free-text fields a committee's set-up takes — its name, an
// organisation, a venue, an apology's reason and substitute — and reads it
// all back: the records hold what was typed, and no reply carries live
// markup from it.
func TestHostileTextIsStoredVerbatimAndShownHarmlessly(t *testing.T) {
	hostile := []string{
		`'; DROP TABLE apologies; --`,
		`$1 $2::text \ \\ \'; SELECT pg_sleep(10); --`,
		`<!channel> <!here> <@U0ADMIN> <#C0GENERAL>`,
		`<https://evil.example/login|click> <javascript:alert(1)|x>`,
	}
	forbidden := []string{"<!channel>", "<!here>", "<@U0ADMIN", "<#C0GENERAL", "<https://evil", "<javascript:"}
	for i, typed := range hostile {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			k := newKit(t)
			text := commands.Escape(typed) // as Slack sends what was typed
			// A Reply's Header is plain text, never markup; the rest is mrkdwn.
			var replies []string
			say := func(user, line string) string {
				r := k.run(user, line)
				r.Header = ""
				return shown(r)
			}
			for _, line := range []string{
				"/committee setup " + text,
				"/committee member add <@UNEIL> " + text,
				"/meeting schedule 2026-12-10 10:00 " + text,
				"/apologies " + text,
				"/committee members",
				"/meeting list",
				"/agenda",
			} {
				replies = append(replies, say(ian, line))
			}
			replies = append(replies, say(neil, "/apologies Unwell sub Jane "+text), say(ian, "/apologies list"))
			for _, r := range replies {
				for _, f := range forbidden {
					if strings.Contains(r, f) {
						t.Errorf("a reply carries %q:\n%s", f, r)
					}
				}
			}
			c := k.committee()
			if c.Name != strings.Join(strings.Fields(typed), " ") {
				t.Errorf("committee name stored as %q, want %q", c.Name, typed)
			}
			ms, err := k.db.Members(context.Background(), c.ID)
			if err != nil {
				t.Fatal(err)
			}
			orgs := map[string]string{}
			for _, m := range ms {
				orgs[m.UserID] = m.Organisation
			}
			if orgs[neil] != strings.Join(strings.Fields(typed), " ") {
				t.Errorf("organisation stored as %q, want %q", orgs[neil], typed)
			}
			if got := k.next().Venue; got != strings.Join(strings.Fields(typed), " ") {
				t.Errorf("venue stored as %q, want %q", got, typed)
			}
		})
	}
}

// TestYearStart: anyone in the committee reads the month its municipal
// year starts in (May unless set); an officer sets it, by name or number.
func TestYearStart(t *testing.T) {
	k := committeeKit(t)
	k.steps([]step{
		{neil, "/committee year-start", []string{"The municipal year of *Safer Sefton Together* starts in May: minutes are numbered afresh from 1 at its first meeting in or after May."}},
		{ian, "/committee year-start jan", []string{"The municipal year of *Safer Sefton Together* starts in January: minutes are numbered afresh from 1 at its first meeting in or after January."}},
		{graeme, "/committee year-start", []string{"starts in January"}},
		{ian, "/committee year-start Sept.", []string{"starts in September"}},
		{ian, "/committee year-start 4", []string{"starts in April"}},
		{neil, "/committee year-start", []string{"starts in April"}},
	})
	for _, tc := range []struct{ user, line, want string }{
		{neil, "/committee year-start January", "Only an officer of Safer Sefton Together can change the municipal year."},
		{ian, "/committee year-start Smarch", "\"Smarch\" is not a month.\nUsage:"},
		{ian, "/committee year-start 13", "\"13\" is not a month."},
		{ian, "/committee year-start 0", "\"0\" is not a month."},
	} {
		r := k.run(tc.user, tc.line)
		if !r.Refused || !strings.HasPrefix(r.Text, tc.want) {
			t.Errorf("%s %s: got %q, want a refusal starting %q", tc.user, tc.line, r.Text, tc.want)
		}
	}
	// Reading it is open to anyone in the channel, as the meetings are.
	if got := k.say(stranger, "/committee year-start"); !strings.Contains(got, "starts in April") {
		t.Errorf("refused changes changed the year's start: %s", got)
	}
	start, err := k.db.YearStart(context.Background(), k.committee().ID)
	if err != nil || start.String() != "April" {
		t.Errorf("the records hold %v (%v), want April", start, err)
	}
}

// TestYearStartAskedWithoutItsHyphen: "/committee year May", or "year
// start May" as it is said, is answered with `/committee year-start`, the
// form meant, not with "I don't know `year`"; the year's start is left as
// it was.
func TestYearStartAskedWithoutItsHyphen(t *testing.T) {
	k := committeeKit(t)
	for _, line := range []string{"/committee year May", "/committee year start April", "/committee Year"} {
		r := k.run(ian, line)
		wantShown(t, shown(r), "did you mean `/committee year-start`?", "• `/committee year-start MONTH`")
		if !r.Refused {
			t.Errorf("%s was not refused", line)
		}
	}
	wantShown(t, k.say(ian, "/committee year-start"), "starts in May")
}

// TestCommitteeChairConfirmPressedLate: Confirm pressed twice says the
// second time that nothing changed; pressed after the chair it names was
// removed from the committee, it does not say they are now a member.
func TestCommitteeChairConfirmPressedLate(t *testing.T) {
	k := committeeKit(t)
	k.must(ian, "/committee member add <@USUE> Sefton CVS chair")
	r := k.must(ian, "/committee member add <@UNEIL> SWACA chair")
	k.press(ian, r, "Confirm: Neil Frackelton as chair")
	if got := k.press(ian, r, "Confirm: Neil Frackelton as chair"); got.Text != "<@UNEIL> is already the chair of Safer Sefton Together, for SWACA; nothing changed." {
		t.Errorf("pressed twice: %q", got.Text)
	}

	k = committeeKit(t)
	k.must(ian, "/committee member add <@USUE> Sefton CVS chair")
	r = k.must(ian, "/committee member add <@UNEIL> SWACA chair")
	k.must(ian, "/committee member remove <@USUE>")
	if got := k.press(ian, r, "Confirm: Neil Frackelton as chair"); got.Text != "<@UNEIL> is now recorded as the chair of Safer Sefton Together, for SWACA. (Was a member.) They are told by direct message." {
		t.Errorf("pressed after the chair was removed: %q", got.Text)
	}
	members := k.say(ian, "/committee members")
	wantShown(t, members, "• Neil Frackelton — SWACA (chair)")
	if strings.Contains(members, "Sue Holden") {
		t.Errorf("the chair removed is a member again:\n%s", members)
	}
}

// TestCommitteeChairStepsDownPressedAfterAnotherRole: Ian is asked whether
// Sue, the chair, is to become a member, and then whether she is to be
// vice-chair instead, and confirms that. A late press of the first
// question does not take the vice-chair from her without asking: it is
// out of date, and she stays vice-chair.
func TestCommitteeChairStepsDownPressedAfterAnotherRole(t *testing.T) {
	k := committeeKit(t)
	k.must(ian, "/committee member add <@USUE> Sefton CVS chair")
	q1 := k.must(ian, "/committee member add <@USUE> Sefton CVS member")
	q2 := k.must(ian, "/committee member add <@USUE> Sefton CVS vice-chair")
	k.press(ian, q2, "Confirm: Sue Holden as vice-chair")
	got := k.press(ian, q1, "Confirm: Sue Holden as member")
	if want := "That button is out of date: <@USUE> is no longer the chair of Safer Sefton Together; nothing changed."; !got.Refused || !strings.HasPrefix(got.Text, want) {
		t.Errorf("late press (refused %v):\n%s\nwant it to start:\n%s", got.Refused, got.Text, want)
	}
	wantShown(t, k.say(ian, "/committee members"), "• Sue Holden — Sefton CVS (vice-chair)")
}

// TestCommitteeChairConfirmAfterTheMemberWasRemoved: Ian is asked whether
// Neil, a member, is to be the chair in Sue's place; before he presses
// Confirm, another officer removes Neil from the committee. The press
// does not put Neil back, undoing the removal: nothing changes, and the
// answer says why and how to add him back as the chair.
func TestCommitteeChairConfirmAfterTheMemberWasRemoved(t *testing.T) {
	k := committeeKit(t)
	k.must(ian, "/committee member add <@USUE> Sefton CVS chair")
	r := k.must(ian, "/committee member add <@UNEIL> SWACA chair")
	k.must(ian, "/committee member add <@UGRAEME> Merseyside Police officer")
	k.must(graeme, "/committee member remove <@UNEIL>")
	got := k.press(ian, r, "Confirm: Neil Frackelton as chair")
	if want := "<@UNEIL> has been removed from Safer Sefton Together since you were asked; nothing changed. `/committee member add <@UNEIL> SWACA chair` adds them back as the chair."; !got.Refused || got.Text != want {
		t.Errorf("Confirm after the removal (refused %v):\n%s\nwant:\n%s", got.Refused, got.Text, want)
	}
	members := k.say(ian, "/committee members")
	wantShown(t, members, "• Sue Holden — Sefton CVS (chair)")
	if strings.Contains(members, "Neil") {
		t.Errorf("the member removed is back:\n%s", members)
	}

	// Someone not yet a member when asked is added by the press, as asked.
	k.must(ian, "/committee member remove <@USUE>")
	k.must(ian, "/committee member add <@USUE> Sefton CVS chair")
	q := k.must(ian, "/committee member add <@UNEIL> SWACA chair")
	wantShown(t, shown(k.press(ian, q, "Confirm: Neil Frackelton as chair")), "<@UNEIL> is back on Safer Sefton Together, as the chair, for SWACA.")
}

// TestCommitteeChairHandOver: naming a second chair asks the officer to
// confirm; only an officer's press counts; the former chair becomes a
// member. A stale or foreign button changes nothing.
func TestCommitteeChairHandOver(t *testing.T) {
	k := committeeKit(t)
	k.must(ian, "/committee member add <@USUE> Sefton CVS chair")
	r := k.must(ian, "/committee member add <@UNEIL> SWACA chair")
	if shown(r) != "<@USUE> is the chair of Safer Sefton Together. Make <@UNEIL> the chair instead? <@USUE> would become a member. Nothing changes unless you press Confirm.\n[Confirm: Neil Frackelton as chair]" || r.Visibility != commands.Private {
		t.Fatalf("the question: %+v", r)
	}
	members := func() string { return k.say(ian, "/committee members") + "\n" }
	before := members()
	wantShown(t, before, "• Sue Holden — Sefton CVS (chair)", "• Neil Frackelton — SWACA\n")

	if got := k.press(neil, r, "Confirm: Neil Frackelton as chair"); !got.Refused || !strings.HasPrefix(got.Text, "Only an officer of Safer Sefton Together can change the chair.") {
		t.Errorf("Neil's press: %+v", got)
	}
	if got := members(); got != before {
		t.Errorf("a member's press changed the committee:\n%s", got)
	}
	k.sent()
	got := k.press(ian, r, "Confirm: Neil Frackelton as chair")
	if got.Text != "<@UNEIL> is now recorded as the chair of Safer Sefton Together, for SWACA. (Was a member.) <@USUE> is now a member; the audit log keeps the change. Both are told by direct message." {
		t.Errorf("confirmed: %q", got.Text)
	}
	wantShown(t, members(), "• Neil Frackelton — SWACA (chair)", "• Sue Holden — Sefton CVS\n")
	// Sue, who was the chair, hears of it as Neil does, each once.
	dms := map[string]string{}
	for _, m := range k.sent() {
		if m.Kind == commands.OutboxDM {
			dms[m.UserID] += shown(m.Reply)
		}
	}
	if want := "<@UIAN> made <@UNEIL> the chair of *Safer Sefton Together* in your place: you are a member now. What you entered for others stays on record."; dms["USUE"] != want {
		t.Errorf("Sue was told %q, want %q", dms["USUE"], want)
	}
	wantShown(t, dms["UNEIL"], "<@UIAN> made you the chair of *Safer Sefton Together*.")
	if again := k.press(ian, r, "Confirm: Neil Frackelton as chair"); strings.Contains(again.Text, "told") || len(k.sent()) != 0 {
		t.Errorf("pressed again: %q, and told again", again.Text)
	}

	// Two questions asked before either is answered: once one is
	// confirmed, the other asks afresh rather than replacing the wrong
	// person.
	toGraeme := k.must(ian, "/committee member add <@UGRAEME> Merseyside Police chair")
	toSue := k.must(ian, "/committee member add <@USUE> Sefton CVS chair")
	k.press(ian, toGraeme, "Confirm: Graeme Robson as chair")
	again := k.press(ian, toSue, "Confirm: Sue Holden as chair")
	wantShown(t, shown(again), "<@UGRAEME> is the chair of Safer Sefton Together. Make <@USUE> the chair instead? <@UGRAEME> would become a member.")
	wantShown(t, members(), "• Graeme Robson — Merseyside Police (chair)\n", "• Sue Holden — Sefton CVS\n", "• Neil Frackelton — SWACA\n")

	// The vice-chair likewise, written "vice chair".
	k.must(ian, "/committee member add <@UNEIL> SWACA vice-chair")
	v := k.must(ian, "/committee member add <@USUE> Sefton CVS vice chair")
	wantShown(t, shown(v), "<@UNEIL> is the vice-chair of Safer Sefton Together. Make <@USUE> the vice-chair instead?", "[Confirm: Sue Holden as vice-chair]")

	// Ian sets up a second committee in another channel.
	other := k.request(ian, "/committee setup Sefton Youth Board")
	other.ChannelID = "C2"
	if r, err := k.svc.Run(context.Background(), other); err != nil || r.Refused {
		t.Fatalf("second committee: %+v %v", r, err)
	}

	// Buttons out of date, or from another committee's channel.
	value := v.Buttons[0].Value
	for _, tc := range []struct{ value, channel, want string }{
		{"{", channel, "That button is out of date; run `/committee member add` again."},
		{strings.Replace(value, `"r":"vice-chair"`, `"r":"officer"`, 1), channel, "That button is out of date"},
		{strings.Replace(value, `"f":"UNEIL"`, `"f":""`, 1), channel, "That button is out of date"},
		{value, "C2", "That button belongs to another committee's channel."},
	} {
		req := k.request(ian, "")
		req.ChannelID = tc.channel
		if got := k.act(req, v.Buttons[0].Action, tc.value); !got.Refused || !strings.HasPrefix(got.Text, tc.want) {
			t.Errorf("%s in %s: got %q, want %q", tc.value, tc.channel, got.Text, tc.want)
		}
	}
	wantShown(t, members(), "• Neil Frackelton — SWACA (vice-chair)\n", "• Sue Holden — Sefton CVS\n")
}

// TestCommitteeChairStepsDown: the chair added again with another role
// is asked about, as a second chair is, since it leaves the committee
// with no chair; only an officer's press makes the change, and the
// answer says there is no chair now. Added again with no role, the chair
// stays the chair.
func TestCommitteeChairStepsDown(t *testing.T) {
	k := committeeKit(t)
	k.must(ian, "/committee member add <@USUE> Sefton CVS chair")
	members := func() string { return k.say(ian, "/committee members") + "\n" }
	r := k.must(ian, "/committee member add <@USUE> Sefton CVS member")
	if got, want := shown(r), "<@USUE> is the chair of Safer Sefton Together. Make them a member instead? Safer Sefton Together would have no chair. Nothing changes unless you press Confirm.\n[Confirm: Sue Holden as member]"; got != want || r.Visibility != commands.Private {
		t.Fatalf("the question:\n got %q\nwant %q", got, want)
	}
	wantShown(t, members(), "• Sue Holden — Sefton CVS (chair)\n")
	if got := k.press(neil, r, "Confirm: Sue Holden as member"); !got.Refused || !strings.HasPrefix(got.Text, "Only an officer of Safer Sefton Together can change the chair.") {
		t.Errorf("Neil's press: %+v", got)
	}
	wantShown(t, members(), "• Sue Holden — Sefton CVS (chair)\n")
	k.sent()
	if got, want := k.press(ian, r, "Confirm: Sue Holden as member").Text, "<@USUE> is now recorded as a member of Safer Sefton Together, for Sefton CVS. (Was the chair.) Safer Sefton Together has no chair now. They are told by direct message."; got != want {
		t.Errorf("confirmed:\n got %q\nwant %q", got, want)
	}
	// Told, as she was when given the chair: a command refused would
	// otherwise be how she found out.
	if sent := k.sent(); len(sent) != 1 || sent[0].UserID != "USUE" || shown(sent[0].Reply) != "<@UIAN> made you a member of *Safer Sefton Together*: you are no longer the chair. What you entered for others stays on record." {
		t.Errorf("Sue told: %+v", sent)
	}
	wantShown(t, members(), "• Sue Holden — Sefton CVS\n")

	// The vice-chair likewise; a change of organisation alone keeps the
	// role without asking.
	k.must(ian, "/committee member add <@UNEIL> SWACA vice-chair")
	wantShown(t, k.say(ian, "/committee member add <@UNEIL> Sefton CVS"), "<@UNEIL> is now recorded as the vice-chair of Safer Sefton Together, for Sefton CVS. (Was for SWACA.)")
	v := k.must(ian, "/committee member add <@UNEIL> SWACA officer")
	wantShown(t, shown(v), "<@UNEIL> is the vice-chair of Safer Sefton Together. Make them an officer instead? Safer Sefton Together would have no vice-chair.", "[Confirm: Neil Frackelton as officer]")
	bad := strings.Replace(v.Buttons[0].Value, `"r":"officer"`, `"r":"vice-chair"`, 1)
	if got := k.act(k.request(ian, ""), v.Buttons[0].Action, bad); !got.Refused || !strings.HasPrefix(got.Text, "That button is out of date") {
		t.Errorf("a button giving up a role for the same role: %q", got.Text)
	}
	wantShown(t, members(), "• Neil Frackelton — Sefton CVS (vice-chair)\n")

	// The vice-chair made chair while another holds the chair: one
	// question, naming both, and one press makes the change.
	k.must(ian, "/committee member add <@USUE> Sefton CVS chair")
	up := k.must(ian, "/committee member add <@UNEIL> Sefton CVS chair")
	if got, want := shown(up), "<@USUE> is the chair of Safer Sefton Together, and <@UNEIL> the vice-chair. Make <@UNEIL> the chair instead? <@USUE> would become a member, and Safer Sefton Together would have no vice-chair. Nothing changes unless you press Confirm.\n[Confirm: Neil Frackelton as chair]"; got != want {
		t.Fatalf("the question:\n got %q\nwant %q", got, want)
	}
	wantShown(t, k.press(ian, up, "Confirm: Neil Frackelton as chair").Text, "<@UNEIL> is now recorded as the chair of Safer Sefton Together", "<@USUE> is now a member", "Safer Sefton Together has no vice-chair now.")
	wantShown(t, members(), "• Neil Frackelton — Sefton CVS (chair)\n", "• Sue Holden — Sefton CVS\n")
}

// TestCommitteeOfficersToldOfAGoneMessage: when a posted message can no
// longer be updated, each officer is told once, by direct message, what
// it was and how to post it again.
func TestCommitteeOfficersToldOfAGoneMessage(t *testing.T) {
	k := meetingKit(t)
	k.must(ian, "/committee member add <@UGRAEME> Merseyside Police officer")
	k.sent() // Graeme told he is an officer
	k.must(ian, "/agenda post")
	posts := k.sent()
	if len(posts) != 1 {
		t.Fatalf("sent %d messages, want the agenda", len(posts))
	}
	ctx := context.Background()
	if err := k.svc.NotifyMessageGone(ctx, posts[0], "message_not_found", k.now); err != nil {
		t.Fatal(err)
	}
	notices := k.sent()
	if len(notices) != 2 || notices[0].UserID != graeme || notices[1].UserID != ian || notices[0].Kind != commands.OutboxDM {
		t.Fatalf("notices: %+v, want a direct message to each officer", notices)
	}
	want := "The agenda for the meeting on Thursday 10 December 2026 I posted in <#C1> for *Safer Sefton Together* can no longer be updated, so I have stopped updating it and changes will not show there.\n" +
		"Slack said: `message_not_found` (the message was deleted, or Quorum was removed from the channel).\n" +
		"To show it again, make sure Quorum is in the channel (`/invite @Quorum`), then post it again with `/agenda post 2026-12-10`."
	if notices[0].Reply.Text != want {
		t.Errorf("notice:\n%s\nwant:\n%s", notices[0].Reply.Text, want)
	}
	// Told once.
	if err := k.svc.NotifyMessageGone(ctx, posts[0], "message_not_found", k.now); err != nil {
		t.Fatal(err)
	}
	if again := k.sent(); len(again) != 0 {
		t.Errorf("told again: %+v", again)
	}

	// Another message, and a message of no committee.
	other := commands.OutboxMessage{ID: 77, CommitteeID: k.committee().ID, Kind: commands.OutboxUpdate, ChannelID: channel, MessageKey: "live:9"}
	if err := k.svc.NotifyMessageGone(ctx, other, "channel_not_found <!here>", k.now); err != nil {
		t.Fatal(err)
	}
	if err := k.svc.NotifyMessageGone(ctx, commands.OutboxMessage{ID: 78, Kind: commands.OutboxUpdate, ChannelID: channel}, "message_not_found", k.now); err != nil {
		t.Fatal(err)
	}
	got := k.sent()
	if len(got) != 2 || !strings.HasPrefix(got[0].Reply.Text, "A message I posted in <#C1> for *Safer Sefton Together* can no longer be updated") ||
		!strings.Contains(got[0].Reply.Text, "Slack said: `channel_not_found &lt;!here&gt;`") || !strings.HasSuffix(got[0].Reply.Text, "then post it again.") {
		t.Errorf("notices of another message: %+v", got)
	}
}

// TestCommitteeChairQuestionChangesNoVote: asking whether a member should
// replace the chair changes nothing, their vote included, until the
// officer confirms; the confirmed change is the one asked for, non-voting
// included.
func TestCommitteeChairQuestionChangesNoVote(t *testing.T) {
	k := committeeKit(t)
	k.must(ian, "/committee member add <@USUE> Sefton CVS chair")
	k.must(ian, "/committee member add <@UNEIL> SWACA non-voting")
	nonVoting := func() []string {
		t.Helper()
		ids, err := k.db.NonVoting(context.Background(), k.committee().ID)
		if err != nil {
			t.Fatal(err)
		}
		return ids
	}

	r := k.must(ian, "/committee member add <@UNEIL> SWACA chair")
	wantShown(t, shown(r), "Nothing changes unless you press Confirm.")
	if strings.Contains(r.Text, "vote") {
		t.Errorf("the question speaks of the vote: %q", r.Text)
	}
	if got := nonVoting(); len(got) != 1 || got[0] != neil {
		t.Errorf("the question alone changed Neil's vote: non-voting %v", got)
	}

	q := k.must(ian, "/committee member add <@UGRAEME> Merseyside Police chair non-voting")
	if got := nonVoting(); len(got) != 1 || got[0] != neil {
		t.Errorf("the question alone changed Graeme's vote: non-voting %v", got)
	}
	got := k.press(ian, q, "Confirm: Graeme Robson as chair")
	wantShown(t, shown(got), "<@UGRAEME> is now recorded as the chair of Safer Sefton Together", "They do not vote")
	if got := nonVoting(); len(got) != 2 || got[0] != graeme || got[1] != neil {
		t.Errorf("confirmed as non-voting: non-voting %v", got)
	}
}

// whileMembershipChanges sends change as Ian while another transaction
// holds Graeme's row of the membership, so that the change has taken the
// committee's row and waits with it, as a change does while it writes;
// then it sends other, and lets Graeme's row go once other has answered
// or waits too. It returns both answers.
func whileMembershipChanges(k *kit, change string, other func() <-chan result) (result, result) {
	k.t.Helper()
	hold, err := k.db.SQL().Begin()
	if err != nil {
		k.t.Fatal(err)
	}
	defer hold.Rollback()
	if _, err := hold.Exec(`SELECT 1 FROM members WHERE committee_id = $1 AND user_id = 'UGRAEME' FOR UPDATE`, k.committee().ID); err != nil {
		k.t.Fatal(err)
	}
	changed := k.runAsync(ian, change)
	if !waitFor(func() bool { return lockWaiters(k) >= 1 }) {
		k.t.Fatalf("%s never waited for the member's row", change)
	}
	sent := other()
	var got *result
	if !waitFor(func() bool {
		select {
		case r := <-sent:
			got = &r
		default:
		}
		return got != nil || lockWaiters(k) >= 2
	}) {
		k.t.Fatal("the other neither answered nor waited")
	}
	if err := hold.Rollback(); err != nil {
		k.t.Fatal(err)
	}
	c := <-changed
	if got == nil {
		r := <-sent
		got = &r
	}
	return c, *got
}

// submitAsync submits values to form as ian on its own goroutine; the
// answer comes on the channel returned, a refusal of a field as a reply
// refused with the field's message.
func (k *kit) submitAsync(form *commands.Form, values map[string]string) <-chan result {
	out := make(chan result, 1)
	r := k.request(ian, "")
	sub := commands.Submission{Form: form.ID, Metadata: form.Metadata, Values: map[string][]string{}}
	for id, v := range values {
		sub.Values[id] = []string{v}
	}
	go func() {
		reply, errs, err := k.svc.Submit(context.Background(), r, sub)
		if len(errs) > 0 {
			reply = commands.Reply{Refused: true, Text: fmt.Sprint(errs)}
		}
		out <- result{reply, err}
	}()
	return out
}

// notMember is the refusal of a command from someone not a member of the
// kit's committee.
const notMember = "You are not a member of Safer Sefton Together."

// noLongerMember is the refusal of a command from someone removed from
// the committee.
const noLongerMember = "You are no longer a member of Safer Sefton Together"

// TestMembershipChangesDoNotDeadlock: a change to the membership and a
// member's apologies, declaration, an agenda change, an import, an
// opening or a cancelling, sent at once, are both done, the one after
// the other; neither is answered "not saved" because each waited for the
// other. The change marks the officers' Homes, as the other does, and a
// member's removal withdraws their apologies: what the other wrote before
// the change had the committee is what the change waits for, and the
// other must not wait for the change in turn, to write the rows that name
// the committee.
func TestMembershipChangesDoNotDeadlock(t *testing.T) {
	const change = "/committee member add <@UGRAEME> Merseyside Police (Sefton)"
	slash := func(user, line string) func(k *kit) func() <-chan result {
		return func(k *kit) func() <-chan result { return func() <-chan result { return k.runAsync(user, line) } }
	}
	agenda := "Safer Sefton Together\nThursday 10 December 2026\n10.00 am, Remote Meeting\n" +
		"1. Apologies for Absence\n2. Declarations of Interest\n3. Minutes of Previous Meeting\n5. Date of Next Meeting\n"
	for _, tc := range []struct {
		name   string
		change string
		// other is made before the race, and sent in it.
		other func(k *kit) func() <-chan result
		want  []string // in the change's reply, then the other's
		check func(t *testing.T, k *kit)
	}{
		{"member add, apologies", change, slash(neil, "/apologies Unwell"),
			[]string{"Merseyside Police (Sefton)", "are recorded"}, func(t *testing.T, k *kit) {
				wantShown(t, k.say(ian, "/apologies list"), "Neil Frackelton (SWACA)")
			}},
		{"member add, declaration", change, slash(neil, "/declare 7.7 personal Trustee of SWACA"),
			[]string{"Merseyside Police (Sefton)", "Trustee of SWACA"}, func(t *testing.T, k *kit) {
				wantShown(t, k.say(ian, "/declare list"), "Trustee of SWACA")
			}},
		{"member add, agenda add", change, slash(ian, "/agenda add 4.1 Youth Service — Ann Lee"),
			[]string{"Merseyside Police (Sefton)", "4.1"}, func(t *testing.T, k *kit) {
				wantShown(t, k.say(neil, "/agenda"), "*4.1* Youth Service — _Ann Lee_")
			}},
		{"member add, cancelling", change, slash(ian, "/meeting cancel 10 December"),
			[]string{"Merseyside Police (Sefton)", "cancelled"}, func(t *testing.T, k *kit) {
				wantShown(t, k.say(ian, "/meeting history 10/12/2026"), "cancelled")
			}},
		{"member add, opening", change, func(k *kit) func() <-chan result {
			k.now = time.Date(2026, 12, 10, 9, 30, 0, 0, london)
			return func() <-chan result { return k.runAsync(ian, "/meeting start") }
		}, []string{"Merseyside Police (Sefton)", "You opened the meeting"}, func(t *testing.T, k *kit) {
			wantShown(t, k.say(ian, "/meeting status"), "Opened at 09:30.")
		}},
		{"member add, agenda import", change, func(k *kit) func() <-chan result {
			form := k.must(ian, "/agenda import confirm").Form
			return func() <-chan result { return k.submitAsync(form, map[string]string{"text": agenda}) }
		}, []string{"Merseyside Police (Sefton)", "Imported the agenda"}, func(t *testing.T, k *kit) {
			if got := k.say(neil, "/agenda"); strings.Contains(got, "7.7") {
				t.Errorf("the agenda was not imported:\n%s", got)
			}
		}},
		{"member add, minutes import", change, func(k *kit) func() <-chan result {
			form := k.must(ian, "/minutes import").Form
			values := k.minutesValues(form, strings.Replace(seedMinutes(t), "ON 9 DECEMBER 2021", "ON 10 DECEMBER 2026", 1))
			return func() <-chan result { return k.submitAsync(form, values) }
		}, []string{"Merseyside Police (Sefton)", "Imported the minutes"}, func(t *testing.T, k *kit) {
			wantShown(t, k.say(neil, "/resolution 28"), "minute 28 of the meeting on Thursday 10 December 2026")
		}},
		// The apology waits for the member's row behind the removal, and
		// is refused as sent after it (TestRemovedMemberLeavesNoApology).
		{"member remove, their apologies", "/committee member remove <@UGRAEME>", slash(graeme, "/apologies Attending Crown Court"),
			[]string{"is no longer a member", noLongerMember}, func(t *testing.T, k *kit) {
				if got := k.say(ian, "/apologies list"); strings.Contains(got, "Graeme") {
					t.Errorf("the apologies of a member removed stand:\n%s", got)
				}
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			k := agendaKit(t)
			k.must(graeme, "/apologies Attending court")
			other := tc.other(k)
			// The outbox worker has published the Homes: both commands
			// mark the officers' afresh.
			k.marked()
			changed, got := whileMembershipChanges(k, tc.change, other)
			for i, r := range []result{changed, got} {
				what := []string{tc.change, "the other"}[i]
				if r.err != nil || r.reply.Refused && tc.want[i] != noLongerMember {
					t.Errorf("%s: %v %s", what, r.err, shown(r.reply))
					continue
				}
				wantShown(t, shown(r.reply), tc.want[i])
			}
			tc.check(t, k)
		})
	}
}

// TestRemovedMemberLeavesNoApology: a member's removal and their
// apologies, sent at once, are ordered by the member's row. Apologies
// that found the sender a member as they began, and write once the
// removal has withdrawn what it found, are refused as from someone who is
// not a member, and nothing is saved; apologies written as the removal
// begins to withdraw are among those it withdraws. Either way no apology
// stands for someone no longer on the committee.
func TestRemovedMemberLeavesNoApology(t *testing.T) {
	for _, tc := range []struct {
		name string
		// lock is held while the apology is sent and the member removed:
		// the meeting's row, which the apology takes before it writes,
		// or an apology of Neil's being inserted, which the apology
		// waits for as it writes its own.
		lock string
		// line is the apology's: the short way, one statement that reads
		// the membership too, or the long way, with a substitute.
		line       string
		sender     string
		want       string // in the apology's reply
		withdrawn  bool   // the apology is on record, withdrawn by the removal
		removalWas string // the removal's reply
	}{
		{"written after the removal", `SELECT id FROM meetings WHERE committee_id = $1 FOR NO KEY UPDATE`,
			"/apologies Unwell", neil, noLongerMember, false, "is no longer a member"},
		{"written after the removal, with a substitute", `SELECT id FROM meetings WHERE committee_id = $1 FOR NO KEY UPDATE`,
			"/apologies Unwell sub <@UGRAEME>", neil, noLongerMember, false, "is no longer a member"},
		{"entered by the officer, written after the removal", `SELECT id FROM meetings WHERE committee_id = $1 FOR NO KEY UPDATE`,
			"/apologies for <@UNEIL> Unwell", ian, "<@UNEIL> is not a member of Safer Sefton Together, and nothing was saved.", false, "is no longer a member"},
		{"written as the removal withdraws", `INSERT INTO apologies (meeting_id, member_key, user_id, name, organisation, reason)
			SELECT id, 'UNEIL', 'UNEIL', 'Neil Frackelton', 'SWACA', 'held' FROM meetings WHERE committee_id = $1`,
			"/apologies Unwell", neil, "are recorded", true, "is no longer a member"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			k := agendaKit(t)
			hold, err := k.db.SQL().Begin()
			if err != nil {
				t.Fatal(err)
			}
			defer hold.Rollback()
			if _, err := hold.Exec(tc.lock, k.committee().ID); err != nil {
				t.Fatal(err)
			}
			sent := k.runAsync(tc.sender, tc.line)
			if !waitFor(func() bool { return lockWaiters(k) >= 1 }) {
				t.Fatal("the apology never waited")
			}
			removed := k.runAsync(ian, "/committee member remove <@UNEIL>")
			// The removal either goes through or waits for the apology.
			var rm *result
			if !waitFor(func() bool {
				select {
				case r := <-removed:
					rm = &r
				default:
				}
				return rm != nil || lockWaiters(k) >= 2
			}) {
				t.Fatal("the removal neither answered nor waited")
			}
			if err := hold.Rollback(); err != nil {
				t.Fatal(err)
			}
			got := <-sent
			if rm == nil {
				r := <-removed
				rm = &r
			}
			if rm.err != nil || rm.reply.Refused {
				t.Fatalf("the removal: %v %s", rm.err, shown(rm.reply))
			}
			wantShown(t, shown(rm.reply), tc.removalWas)
			if got.err != nil {
				t.Fatalf("%s: %v", tc.line, got.err)
			}
			wantShown(t, shown(got.reply), tc.want)
			if refused := !tc.withdrawn; got.reply.Refused != refused {
				t.Errorf("%s: refused %v, want %v: %s", tc.line, got.reply.Refused, refused, shown(got.reply))
			}
			if list := k.say(ian, "/apologies list"); strings.Contains(list, "Neil") {
				t.Errorf("the apologies of a member removed stand:\n%s", list)
			}
			var rows, withdrawn int
			if err := k.db.SQL().QueryRow(`SELECT count(*), count(*) FILTER (WHERE withdrawn) FROM apologies WHERE user_id = 'UNEIL'`).Scan(&rows, &withdrawn); err != nil {
				t.Fatal(err)
			}
			if want := map[bool]int{true: 1, false: 0}[tc.withdrawn]; rows != want || withdrawn != want {
				t.Errorf("%d apologies of Neil's on record, %d withdrawn; want %d withdrawn", rows, withdrawn, want)
			}
		})
	}
}

// TestMemberAddedBackAfterRemoval: the answer that adds back someone
// removed says they are back, not that they are "now recorded as" a
// member, which reads as a change to someone who was one all along.
func TestMemberAddedBackAfterRemoval(t *testing.T) {
	k := committeeKit(t)
	k.must(ian, "/committee member remove <@UNEIL>")
	k.steps([]step{
		{ian, "/committee member add <@UNEIL> SWACA", []string{"<@UNEIL> is back on Safer Sefton Together, as a member, for SWACA."}},
		{ian, "/committee member remove <@UNEIL>", []string{"<@UNEIL> is no longer a member of Safer Sefton Together."}},
		{ian, "/committee member add <@UNEIL> Sefton CVS vice-chair", []string{"<@UNEIL> is back on Safer Sefton Together, as the vice-chair, for Sefton CVS."}},
	})
}

// TestMemberAddTwoPeopleAtOnce: a second mention where the organisation
// goes, as an officer adding two people in one go types it, is refused,
// rather than recorded as the first one's organisation with the second
// not added at all.
func TestMemberAddTwoPeopleAtOnce(t *testing.T) {
	k := committeeKit(t)
	for _, line := range []string{
		"/committee member add <@USUE> <@UNEIL> Sefton CVS",
		"/committee member add <@USUE|sue> <@UGRAEME|graeme>, Sefton CVS",
	} {
		attRefused(k, ian, line, "Add one person at a time, each with their organisation: `/committee member add @neil SWACA`, then `/committee member add @sue Sefton CVS`; nothing was saved.")
	}
	if diff := cmp.Diff(k.say(ian, "/committee members"), "*Safer Sefton Together* has 3 members:\n"+
		"• Ian Barton (officer)\n• Graeme Robson — Merseyside Police\n• Neil Frackelton — SWACA"); diff != "" {
		t.Errorf("members (-got +want):\n%s", diff)
	}
	// A comma after the one mention, as in a sentence, is no second person.
	wantShown(t, k.say(ian, "/committee member add <@USUE|sue>, Sefton CVS"), "Sefton CVS")
	if got := k.say(ian, "/committee members"); !strings.Contains(got, "• Sue Holden — Sefton CVS") {
		t.Errorf("Sue not added with a comma after her mention:\n%s", got)
	}
}

// TestMemberAddedAgainAsTheyStand: adding a member again with their
// organisation and role as they stand says nothing changed, rather than
// that they are now what they were; a change still says what it was.
func TestMemberAddedAgainAsTheyStand(t *testing.T) {
	k := committeeKit(t)
	k.must(ian, "/committee member add <@USUE> Sefton CVS non-voting")
	k.steps([]step{
		{ian, "/committee member add <@UNEIL> SWACA", []string{"<@UNEIL> is already a member of Safer Sefton Together, for SWACA; nothing changed."}},
		{ian, "/committee member add <@UIAN> Sefton Council officer", []string{"<@UIAN> is now recorded as an officer of Safer Sefton Together, for Sefton Council. (Was for"}},
		{ian, "/committee member add <@UIAN> Sefton Council officer", []string{"<@UIAN> is already an officer of Safer Sefton Together, for Sefton Council; nothing changed."}},
		{ian, "/committee member add <@USUE> Sefton CVS non-voting", []string{"<@USUE> is already a member of Safer Sefton Together, for Sefton CVS; nothing changed. They do not vote, and do not count to the quorum."}},
		{ian, "/committee member add <@USUE> Sefton CVS", []string{"<@USUE> is now recorded as a member of Safer Sefton Together, for Sefton CVS. They vote, and count to the quorum."}},
		{ian, "/committee member add <@UNEIL> SWACA vice-chair", []string{"<@UNEIL> is now recorded as the vice-chair of Safer Sefton Together, for SWACA. (Was a member.)"}},
		// Added again with no role named, someone keeps theirs; to
		// change it the officer names it.
		{ian, "/committee member add <@UNEIL> SWACA", []string{"<@UNEIL> is already the vice-chair of Safer Sefton Together, for SWACA; nothing changed."}},
		{ian, "/committee member add <@UNEIL> SWACA Trustees", []string{"<@UNEIL> is now recorded as the vice-chair of Safer Sefton Together, for SWACA Trustees. (Was for SWACA.)"}},
	})
	// Giving up the vice-chair is asked about first (see
	// TestCommitteeChairStepsDown).
	q := k.must(ian, "/committee member add <@UNEIL> SWACA member")
	wantShown(t, k.press(ian, q, "Confirm: Neil Frackelton as member").Text, "<@UNEIL> is now recorded as a member of Safer Sefton Together, for SWACA. (Was for SWACA Trustees, the vice-chair.)")
	k.steps([]step{
		// Officers never vote: added again without the word, an officer
		// is not told they now vote.
		{ian, "/committee member add <@UIAN> Sefton Council officer non-voting", []string{"They do not vote, and do not count to the quorum."}},
		{ian, "/committee member add <@UIAN> Sefton Council", []string{"<@UIAN> is now recorded as an officer of Safer Sefton Together, for Sefton Council. As an officer, they do not vote, and do not count to the quorum."}},
	})
}

func TestMemberAddRoleSlip(t *testing.T) {
	k := committeeKit(t)
	k.must(ian, "/committee member add <@USUE> Sefton CVS chair")
	for _, tc := range []struct{ line, want string }{
		{"/committee member add <@UNEIL> chiar", "Did you mean chair? Give their organisation and then the role, e.g. `/committee member add @trish Sefton Council chair`; nothing was saved.\nUsage:\n• `/committee member add @user ORGANISATION"},
		{"/committee member add <@UNEIL> vice chiar", "Did you mean vice-chair?"},
		{"/committee member add <@UNEIL> vicechiar", "Did you mean vice-chair?"},
		{"/committee member add <@UNEIL> offcier", "Did you mean officer?"},
		{"/committee member add <@UNEIL> memebr", "Did you mean member?"},
		{"/committee member add <@UNEIL> substitute", "A substitute is not a member"},
		// Nor is it part of an organisation, first or last.
		{"/committee member add <@UNEIL> Sefton Council substitute", "A substitute is not a member: they are named in the apologies of the member they stand in for (`/apologies for @member sub @someone`), or at the meeting (`/attendance @someone substitute-for @member`). Nothing was saved."},
		{"/committee member add <@UNEIL> Sefton Council sub", "A substitute is not a member"},
		{"/committee member add <@UNEIL> substitute, Sefton Council", "A substitute is not a member"},
		{"/committee member add <@UNEIL> SWACA Substitute member", "A substitute is not a member"},
		{"/committee member add <@UNEIL> non-voting", "Give their organisation before `non-voting`"},
	} {
		r := k.run(ian, tc.line)
		wantShown(t, shown(r), tc.want)
		if !r.Refused {
			t.Errorf("%s was not refused", tc.line)
		}
	}
	wantShown(t, k.say(ian, "/committee help member add"), "added again with no role named, they keep the one they have.")
	k.steps([]step{
		{neil, "/committee members", []string{"Neil Frackelton — SWACA", "Sue Holden — Sefton CVS (chair)"}},
		// Real organisations are what they say.
		{ian, "/committee member add <@UNEIL> NHS", []string{"for NHS. (Was for SWACA.)"}},
		{ian, "/committee member add <@UNEIL> Merseyside Police", []string{"for Merseyside Police. (Was for NHS.)"}},
		{ian, "/committee member add <@UNEIL> Home Office", []string{"for Home Office. (Was for Merseyside Police.)"}},
		{ian, "/committee member add <@UNEIL> Sub-Aqua Club", []string{"for Sub-Aqua Club. (Was for Home Office.)"}},
		{ian, "/committee member add <@UNEIL> Home Office", []string{"for Home Office. (Was for Sub-Aqua Club.)"}},
		// A one-word organisation like a role is taken as typed when the
		// role follows it.
		{ian, "/committee member add <@UNEIL> Choir member", []string{"for Choir. (Was for Home Office.)"}},
		// The chair added again without a role stays the chair.
		{ian, "/committee member add <@USUE> Sefton CVS", []string{"<@USUE> is already the chair of Safer Sefton Together, for Sefton CVS; nothing changed."}},
		{neil, "/committee members", []string{"Sue Holden — Sefton CVS (chair)"}},
	})
}

// TestMemberAddRoleWithLettersSwappedAfterTheOrganisation: a role typed
// with two letters swapped after the organisation (`SWACA chiar`) is
// refused with the role, rather than stored as part of the organisation
// with the member's role left as it was; an organisation whose last word
// is near a role in other ways is taken as typed.
func TestMemberAddRoleWithLettersSwappedAfterTheOrganisation(t *testing.T) {
	k := committeeKit(t)
	for _, tc := range []struct{ line, want string }{
		{"/committee member add <@UNEIL> SWACA chiar", "Did you mean chair? Give their organisation and then the role, e.g. `/committee member add @trish Sefton Council chair`; if `chiar` is part of the organisation's name, end with the role: `… SWACA chiar member`. Nothing was saved."},
		{"/committee member add <@UNEIL> Sefton CVS vice chiar", "Did you mean vice-chair?"},
		{"/committee member add <@UNEIL> Sefton Council offcier", "Did you mean officer?"},
		{"/committee member add <@UNEIL> SWACA memebr", "Did you mean member?"},
	} {
		r := k.run(ian, tc.line)
		wantShown(t, shown(r), tc.want)
		if !r.Refused {
			t.Errorf("%s was not refused", tc.line)
		}
	}
	if got := k.say(neil, "/committee members"); !strings.HasSuffix(got, "\n• Neil Frackelton — SWACA") {
		t.Errorf("members:\n%s", got)
	}
	k.steps([]step{
		{ian, "/committee member add <@USUE> Sefton Choir", []string{"<@USUE> is now a member of Safer Sefton Together, for Sefton Choir."}},
		{ian, "/committee member add <@USUE> Sefton Choir chair", []string{"<@USUE> is now recorded as the chair of Safer Sefton Together, for Sefton Choir."}},
		// A name with a capital is a name: Cahir, a town.
		{ian, "/committee member add <@UGRAEME> Friends of Cahir", []string{"of Safer Sefton Together, for Friends of Cahir."}},
		{ian, "/committee member add <@UKEVIN> SWACA chiar member", []string{"of Safer Sefton Together, for SWACA chiar."}},
	})
}

// TestMemberAddRoleBeforeTheOrganisation: a role said before the
// organisation, as it is spoken, is the member's role, not the start of
// their organisation's name; a name with a capital is taken as typed.
func TestMemberAddRoleBeforeTheOrganisation(t *testing.T) {
	k := committeeKit(t)
	k.steps([]step{
		{ian, "/committee member add <@USUE> chair Sefton CVS", []string{"<@USUE> is now the chair of Safer Sefton Together, for Sefton CVS."}},
		{ian, "/committee member add <@UGRAEME> vice chair, Merseyside Police", []string{"the vice-chair of Safer Sefton Together, for Merseyside Police."}},
		{ian, "/committee member add <@UKEVIN> officer Sefton Council", []string{"an officer of Safer Sefton Together, for Sefton Council."}},
		{ian, "/committee member add <@UNEIL> Member Services", []string{"for Member Services."}},
		{neil, "/committee members", []string{"Sue Holden — Sefton CVS (chair)", "Graeme Robson — Merseyside Police (vice-chair)"}},
	})
}

// slackDown is a directory that cannot be asked for down's name, as when
// Slack's users.info times out or is rate limited.
type slackDown struct {
	people
	down string
}

func (d slackDown) DisplayName(ctx context.Context, userID string) (string, error) {
	if userID == d.down {
		return "", errors.New("users.info: context deadline exceeded")
	}
	return d.people.DisplayName(ctx, userID)
}

// TestMemberAddWhileSlackGivesNoName: a member added while Slack cannot
// be asked for their name is not added under their Slack ID, which the
// minutes and lists would show for their name; the officer is told to
// try again, and nothing is saved. Someone Slack does not know at all is
// added under their ID, as before, and a mention carrying a name is added
// under it.
func TestMemberAddWhileSlackGivesNoName(t *testing.T) {
	k := committeeKit(t)
	k.svc = commands.New(k.db, slackDown{k.dir, sue})
	r := k.run(ian, "/committee member add <@USUE> Sefton CVS")
	wantShown(t, shown(r), "Slack did not give <@USUE>'s name just now, and the minutes and lists name members by it, so they were not added. Try again in a moment.")
	if got := k.say(neil, "/committee members"); strings.Contains(got, "USUE") || strings.Contains(got, "Sefton CVS") {
		t.Errorf("added under their ID:\n%s", got)
	}
	k.steps([]step{
		{ian, "/committee member add <@USUE|sue> Sefton CVS", []string{"<@USUE> is now a member of Safer Sefton Together, for Sefton CVS."}},
		{ian, "/committee member add <@UKEVIN> SWACA", []string{"<@UKEVIN> is now a member of Safer Sefton Together, for SWACA."}},
		{neil, "/committee members", []string{"• sue — Sefton CVS", "• UKEVIN — SWACA"}},
	})
}

// TestMemberAddRoleInOtherWords: a role given in other words (chairman,
// vice-chairman) is refused with the role's name, however many words the
// organisation before it: kept, it would be part of the organisation,
// and the member's role left as it was.
func TestMemberAddRoleInOtherWords(t *testing.T) {
	k := committeeKit(t)
	k.must(ian, "/committee member add <@USUE> Sefton CVS")
	for _, tc := range []struct{ line, want string }{
		{"/committee member add <@USUE> Sefton CVS chairman", "Did you mean chair? Give their organisation and then the role, e.g. `/committee member add @trish Sefton Council chair`; nothing was saved."},
		{"/committee member add <@USUE> Sefton CVS Chairperson", "Did you mean chair?"},
		{"/committee member add <@USUE> chairwoman", "Did you mean chair?"},
		{"/committee member add <@USUE> Sefton CVS vice-chairman", "Did you mean vice-chair?"},
		{"/committee member add <@USUE> Sefton CVS vice chairman", "Did you mean vice-chair?"},
	} {
		r := k.run(ian, tc.line)
		wantShown(t, shown(r), tc.want)
		if !r.Refused {
			t.Errorf("%s was not refused", tc.line)
		}
	}
	if got := k.say(neil, "/committee members"); !strings.Contains(got, "Sue Holden — Sefton CVS\n") && !strings.HasSuffix(got, "Sue Holden — Sefton CVS") {
		t.Errorf("members:\n%s", got)
	}
}

// TestMemberAddNonVotingBeforeTheRole: non-voting typed before the role
// is read as the word it is, not kept as part of the organisation.
func TestMemberAddNonVotingBeforeTheRole(t *testing.T) {
	k := committeeKit(t)
	k.steps([]step{
		{ian, "/committee member add <@USUE> Sefton CVS non-voting member", []string{"<@USUE> is now a member of Safer Sefton Together, for Sefton CVS. They do not vote, and do not count to the quorum."}},
		{ian, "/committee member add <@UNEIL> SWACA non-voting vice chair", []string{"<@UNEIL> is now recorded as the vice-chair of Safer Sefton Together, for SWACA. (Was a member.) They do not vote, and do not count to the quorum. They are told by direct message."}},
	})
	if got := k.say(neil, "/committee members"); strings.Contains(got, "non-voting") || !strings.Contains(got, "Neil Frackelton — SWACA (vice-chair)") {
		t.Errorf("members:\n%s", got)
	}
}

// TestMemberSubcommandSlip: a slip of the first word of `member add` or
// `member remove`, before the second ("/committee memebr add @neil SWACA"),
// is answered with that form, not with `/committee members`, a word as
// near; nothing is saved.
func TestMemberSubcommandSlip(t *testing.T) {
	k := committeeKit(t)
	for line, want := range map[string]string{
		"/committee memebr add <@USUE> Sefton CVS": "I don't know `memebr add`: did you mean `/committee member add`?\nUsage:\n• `/committee member add @user ORGANISATION",
		"/committee mmber remove <@UNEIL>":         "I don't know `mmber remove`: did you mean `/committee member remove`?\nUsage:\n• `/committee member remove @user`",
		"/committee memebrs":                       "I don't know `memebrs`: did you mean `/committee members`?",
	} {
		r := k.run(ian, line)
		if !r.Refused || !strings.HasPrefix(shown(r), want) {
			t.Errorf("%s:\n%s\nwant a refusal starting %q", line, shown(r), want)
		}
	}
	if got := k.say(ian, "/committee members"); strings.Contains(got, "Sue") {
		t.Errorf("a refused member was added:\n%s", got)
	}
}

// TestSetupRefusesANameDifferingOnlyInAccents: a second committee whose
// name is another's with an accent added or taken off would read as that
// one on a Home or a choice of committees, so it is refused, as a name
// differing only in case is.
func TestSetupRefusesANameDifferingOnlyInAccents(t *testing.T) {
	k := committeeKit(t)
	for _, name := range []string{"Safer Séfton Together", "Safer Sefto\u0301n Together", "SAFER SÉFTON TOGETHER"} {
		r := k.request(ian, "/committee setup "+name)
		r.ChannelID = "C2"
		reply, err := k.svc.Run(context.Background(), r)
		if err != nil {
			t.Fatal(err)
		}
		if !reply.Refused || !strings.HasPrefix(reply.Text, "That name reads the same as *Safer Sefton Together*, another committee's, though some of its letters differ (accents, ") {
			t.Errorf("/committee setup %s in another channel: %q, want it refused naming Safer Sefton Together", name, reply.Text)
		}
	}
	// The other way about: an accented name is not set up again without it.
	r := k.request(ian, "/committee setup Café Forum")
	r.ChannelID = "C2"
	if reply, err := k.svc.Run(context.Background(), r); err != nil || reply.Refused {
		t.Fatalf("Café Forum: %+v %v", reply, err)
	}
	r = k.request(ian, "/committee setup Cafe Forum")
	r.ChannelID = "C3"
	if reply, err := k.svc.Run(context.Background(), r); err != nil || !reply.Refused || !strings.Contains(reply.Text, "*Café Forum*") {
		t.Errorf("Cafe Forum beside Café Forum: %+v %v", reply, err)
	}
}

// TestSetupClaimsAnImportedCommitteeInItsOwnWords: a committee made by
// an import of an agenda headed in capitals, as councils print them, is
// claimed by its setup under the name the officer types, which the
// channel, the Home and every agenda then read, rather than kept in the
// heading's capitals.
func TestSetupClaimsAnImportedCommitteeInItsOwnWords(t *testing.T) {
	k := newKit(t)
	imported, err := k.db.EnsureCommittee(context.Background(), "BOOTLE AREA PARTNERSHIP", "import")
	if err != nil {
		t.Fatal(err)
	}
	wantShown(t, k.say(ian, "/committee setup Bootle Area Partnership"), "This channel is now the channel of *Bootle Area Partnership*")
	if c := k.committee(); c.ID != imported.ID || c.Name != "Bootle Area Partnership" {
		t.Errorf("the channel's committee is %d %q, want the imported %d as Bootle Area Partnership", c.ID, c.Name, imported.ID)
	}
	wantShown(t, k.say(ian, "/committee members"), "*Bootle Area Partnership* has 1 member")
}

// TestSetupRefusedInADirectMessage: a direct message (the transport says
// so: bot/TestSetupRefusedInAGroupsMessages) is no committee's channel: its agendas could not be
// posted there, and the colleague in it would find every command they
// typed there taken for that committee.
func TestSetupRefusedInADirectMessage(t *testing.T) {
	k := newKit(t)
	r := k.request(ian, "/committee setup Safer Sefton Together")
	r.ChannelID, r.DirectMessage = "DIAN", true
	reply, err := k.svc.Run(context.Background(), r)
	if err != nil {
		t.Fatal(err)
	}
	want := "A committee needs a channel of its own, not a direct message: create one (or choose one) for it, invite Quorum, and type `/committee setup Safer Sefton Together` there."
	if !reply.Refused || reply.Text != want {
		t.Errorf("setup in a direct message: %q\nwant %q", reply.Text, want)
	}
	if _, err := k.db.CommitteeByName(context.Background(), "Safer Sefton Together"); !isNotFound(err) {
		t.Errorf("a committee was made: %v", err)
	}
	k.must(ian, "/committee setup Safer Sefton Together")
}

// TestRemovedMembersApologiesStayWithdrawnWhenTheMeetingIsScheduledAgain:
// a member removed while the meeting they sent apologies for is
// cancelled is no more expected at it when it is scheduled again: the
// agenda, the apologies and the officers' Home do not count their
// apologies, and the substitute they named is not told they substitute.
func TestRemovedMembersApologiesStayWithdrawnWhenTheMeetingIsScheduledAgain(t *testing.T) {
	k := agendaKit(t)
	k.must(neil, "/apologies 2026-12-10 Unwell sub <@USTRANGER>")
	k.must(sue, "/apologies 2026-12-10 Away")
	k.must(ian, "/meeting cancel 2026-12-10")
	k.must(ian, "/committee member remove <@UNEIL>")
	k.must(ian, "/meeting schedule 2026-12-10 10:00")
	for _, line := range []string{"/apologies list 2026-12-10", "/agenda 2026-12-10"} {
		got := k.say(ian, line)
		wantShown(t, got, "Apologies for absence were received from Sue Holden (Sefton CVS).")
		if strings.Contains(got, "Neil") || strings.Contains(got, "Mallory") {
			t.Errorf("%s counts the apologies of a member removed:\n%s", line, got)
		}
	}
	if got := k.say(ian, "/meeting list"); !strings.Contains(got, "— 1 apology") {
		t.Errorf("the meeting list counts the apologies of a member removed:\n%s", got)
	}
	for _, card := range homeAt(t, k, stranger).Cards {
		for _, s := range card.Sections {
			if strings.Contains(s.Text, "Neil") {
				t.Errorf("the substitute of a member removed is told they substitute:\n%s", s.Text)
			}
		}
	}
	wantShown(t, k.say(ian, "/history apologies 2026-12-10"), "apologies of <@UNEIL> withdrawn on removal from the committee")
}

// TestRemovedMembersDeclarationsWithdrawn: a member removed has their
// declarations for meetings still to come withdrawn with their apologies:
// the list, the minute of declarations and the officers' Home do not name
// them as declaring at a meeting they will not sit at as a member; the
// history keeps the declaration, withdrawn by the officer who removed
// them. Another member's declaration stands.
func TestRemovedMembersDeclarationsWithdrawn(t *testing.T) {
	k := agendaKit(t)
	k.must(neil, "/declare 7.5 personal Trustee of SWACA")
	k.must(neil, "/apologies Unwell")
	k.must(sue, "/declare 7.7 personal Trustee of Sefton CVS")
	// The officer is told what went with the member.
	if got, want := k.say(ian, "/committee member remove <@UNEIL>"), "<@UNEIL> is no longer a member of Safer Sefton Together. Withdrawn with them, and kept in the history: their apologies for a meeting to come and their declaration of interest for a meeting to come. They are told by direct message."; got != want {
		t.Errorf("removal:\n got %q\nwant %q", got, want)
	}
	if got := k.say(ian, "/committee member remove <@UGRAEME>"); got != "<@UGRAEME> is no longer a member of Safer Sefton Together. They are told by direct message." {
		t.Errorf("removal of one with nothing standing: %q", got)
	}
	for _, line := range []string{"/declare list", "/declare minutes"} {
		got := k.say(ian, line)
		wantShown(t, got, "Sue Holden")
		if strings.Contains(got, "Neil") || strings.Contains(got, "Trustee of SWACA") {
			t.Errorf("%s names a member removed as declaring:\n%s", line, got)
		}
	}
	for _, card := range homeAt(t, k, ian).Cards {
		for _, s := range card.Sections {
			if strings.Contains(s.Text, "Neil") && strings.Contains(s.Text, "personal") {
				t.Errorf("the officers' Home counts the declaration of a member removed:\n%s", s.Text)
			}
		}
	}
	// The history keeps the declaration, withdrawn by removing him: not,
	// as it read before, withdrawn by Neil and entered by Ian.
	got := k.say(ian, "/history declarations")
	wantShown(t, got, "item 7.5: declaration of <@UNEIL> withdrawn on removal from the committee: personal: Trustee of SWACA _(removed by <@UIAN>)_")
	if strings.Contains(got, "withdrew") {
		t.Errorf("the history says Neil withdrew it:\n%s", got)
	}
	wantShown(t, k.say(ian, "/history apologies"), "apologies of <@UNEIL> withdrawn on removal from the committee _(removed by <@UIAN>)_")
}

// TestMemberMadeVotingAgainByTheWord: `voting` where `non-voting` goes
// makes a non-voting member vote again, as adding them again without the
// word does, rather than ending their organisation's name, which the
// minutes would print ("Graeme Robson (Merseyside Police voting)").
func TestMemberMadeVotingAgainByTheWord(t *testing.T) {
	k := committeeKit(t)
	k.must(ian, "/committee member add <@UGRAEME> Merseyside Police non-voting")
	k.steps([]step{
		{ian, "/committee member add <@UGRAEME> Merseyside Police voting", []string{"<@UGRAEME> is now recorded as a member of Safer Sefton Together, for Merseyside Police. They vote, and count to the quorum."}},
		{ian, "/committee member add <@UNEIL> SWACA Voting chair", []string{"<@UNEIL> is now recorded as the chair of Safer Sefton Together, for SWACA. (Was a member.)"}},
	})
	if got := k.say(ian, "/committee members"); strings.Contains(got, "oting") {
		t.Errorf("the word is kept in an organisation:\n%s", got)
	}
}

// TestOrganisationWithTheWordVoting: `voting` is taken off an
// organisation only where `non-voting` goes, last or before the role; an
// organisation with the word in its name ("Merseyside Voting Access
// Group") is kept as typed, not printed in the minutes without it.
func TestOrganisationWithTheWordVoting(t *testing.T) {
	k := committeeKit(t)
	k.steps([]step{
		{ian, "/committee member add <@UGRAEME> Merseyside Voting Access Group", []string{"<@UGRAEME> is now recorded as a member of Safer Sefton Together, for Merseyside Voting Access Group. (Was for Merseyside Police.)"}},
		{ian, "/committee member add <@UGRAEME> Merseyside Voting Access vice chair", []string{"for Merseyside Voting Access."}},
	})
	q := k.must(ian, "/committee member add <@UGRAEME> Merseyside Voting Access Group voting member")
	wantShown(t, k.press(ian, q, "Confirm: Graeme Robson as member").Text, "a member of Safer Sefton Together, for Merseyside Voting Access Group. (Was for Merseyside Voting Access, the vice-chair.)")
}

// whileHalfDone runs line as user while tx, a change half done (its record
// written, what shows it not yet marked), holds its locks: line waits for
// it, then the change marks what shows it (mark_stale of committeeID,
// meetingID and users, an SQL array) and commits, and line's result is
// returned. Either given up as deadlocked fails t.
func (k *kit) whileHalfDone(t *testing.T, tx *sql.Tx, committeeID, meetingID int64, users, user, line string) result {
	t.Helper()
	done := k.runAsync(user, line)
	if !waitFor(func() bool { return lockWaiters(k) >= 1 }) {
		t.Fatalf("%s never waited for the change", line)
	}
	if _, err := tx.Exec(`SELECT mark_stale($1, $2, $3)`, committeeID, meetingID, users); err != nil {
		t.Fatalf("the change: %v", err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatalf("the change: %v", err)
	}
	r := <-done
	if r.err != nil {
		t.Fatalf("%s: %v", line, r.err)
	}
	return r
}

// TestMemberJoiningWhileTheirApologyByNameIsChanged: an officer adds
// someone (Jen) to the committee while another officer's change to the
// apologies entered by her name is half done — the apology written, what
// shows it not yet marked. The addition waits for the change and then
// makes the changed apology hers; it is not given up as deadlocked ("not
// saved") because each waited for the other.
func TestMemberJoiningWhileTheirApologyByNameIsChanged(t *testing.T) {
	const jen = "UJEN"
	k := meetingKit(t)
	k.svc = commands.New(k.db, people{ian: "Ian Barton", neil: "Neil Frackelton", graeme: "Graeme Robson", sue: "Sue Holden", jen: "Jen Williams"})
	k.must(ian, `/apologies for "Jen Williams (NW Probation)" 2026-12-10 Court`)
	k.marked()

	// The change, as its one statement makes it: the apology first, then
	// the marks of the posted agenda and the officers' Homes.
	ctx := context.Background()
	tx, err := k.db.SQL().BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	var meetingID, committeeID int64
	if err := tx.QueryRow(`UPDATE apologies a SET reason = 'Court all day' FROM meetings m
		WHERE m.id = a.meeting_id AND a.member_key = 'name:jen williams' RETURNING a.meeting_id, m.committee_id`).Scan(&meetingID, &committeeID); err != nil {
		t.Fatal(err)
	}
	// With the fix the addition waits for the apology, first; without it,
	// for the apology after marking the Homes. Either way, it waits.
	r := k.whileHalfDone(t, tx, committeeID, meetingID, "{}", ian, "/committee member add <@UJEN> NW Probation")
	wantShown(t, shown(r.reply), "<@UJEN> is now a member of Safer Sefton Together, for NW Probation.")
	list := k.say(ian, "/apologies list")
	wantShown(t, list, "Apologies for absence were received from Jen Williams (NW Probation).", "Jen Williams: Court all day")
	if n := strings.Count(list, "Court"); n != 1 {
		t.Errorf("Jen Williams's apologies are listed %d times:\n%s", n, list)
	}
	wantShown(t, homeText(t, k, jen), "Apologies for the next meeting are recorded for you, entered by <@UIAN>.", "Reason: Court all day")
}

// TestMemberRemovedWhileWithdrawingTheirDeclaration: an officer removes
// Neil, who has apologies and a declaration for the next meeting, while
// Neil's withdrawal of that declaration is half done — the withdrawal
// written, what shows it not yet marked. The removal waits for it and is
// done; it is not given up as deadlocked ("not saved") because each
// waited for the other.
func TestMemberRemovedWhileWithdrawingTheirDeclaration(t *testing.T) {
	k := agendaKit(t)
	k.must(neil, "/apologies 2026-12-10 Unwell")
	k.must(neil, "/declare 2026-12-10 7.5 personal Trustee")
	k.marked()

	// The withdrawal, as its transaction makes it: the withdrawal first,
	// then the marks of the posted agenda and the Homes.
	ctx := context.Background()
	tx, err := k.db.SQL().BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	var meetingID, committeeID int64
	if err := tx.QueryRow(`WITH w AS (
			INSERT INTO declaration_withdrawals (declaration_id, withdrawn_by)
			SELECT id, 'UNEIL' FROM declarations WHERE member_key = 'UNEIL' RETURNING declaration_id)
		SELECT d.meeting_id, m.committee_id FROM w JOIN declarations d ON d.id = w.declaration_id
		JOIN meetings m ON m.id = d.meeting_id`).Scan(&meetingID, &committeeID); err != nil {
		t.Fatal(err)
	}
	r := k.whileHalfDone(t, tx, committeeID, meetingID, "{UNEIL}", ian, "/committee member remove <@UNEIL>")
	wantShown(t, shown(r.reply), "<@UNEIL> is no longer a member of Safer Sefton Together.")
	wantShown(t, k.say(ian, "/declare list 2026-12-10"), "No interests have been declared.")
	wantShown(t, k.say(ian, "/apologies list 2026-12-10"), "No apologies")
}

// TestMemberChangeConflictIsNotTheLastOfficer: a change of members the
// database refuses as a conflict for another reason than the last officer
// (a record kept once clashing with another) is answered as not saved,
// with a reference to find it by, and not as "the last officer", which
// would send the officer off to add another officer for nothing. The last
// officer is still answered as such.
func TestMemberChangeConflictIsNotTheLastOfficer(t *testing.T) {
	k := committeeKit(t)
	// The records refuse, as a clash of unique keys, any change to Sue's
	// membership (she is not a member yet) or Neil's (he is).
	if _, err := k.db.SQL().Exec(`CREATE FUNCTION clash() RETURNS trigger LANGUAGE plpgsql AS $$
		BEGIN IF NEW.user_id IN ('USUE', 'UNEIL') THEN RAISE EXCEPTION 'clash' USING ERRCODE = 'unique_violation'; END IF; RETURN NEW; END $$;
		CREATE TRIGGER clash BEFORE INSERT OR UPDATE ON members FOR EACH ROW EXECUTE FUNCTION clash()`); err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{"/committee member add <@USUE> Sefton CVS", "/committee member remove <@UNEIL>", "/committee member add <@UNEIL> Sefton CVS"} {
		r, err := k.svc.Run(context.Background(), k.request(ian, text))
		if err != nil {
			r = commands.FailureReply(err, "ref")
		}
		if got := shown(r); strings.Contains(got, "last officer") || !strings.Contains(got, "NOT saved") {
			t.Errorf("%s, refused as a clash: %s", text, got)
		}
	}
	wantShown(t, k.say(ian, "/committee member remove <@UIAN>"), "is the last officer of Safer Sefton Together; make someone else an officer first.")
	wantShown(t, k.say(ian, "/committee member add <@UIAN> Sefton Council member"), "is the last officer of Safer Sefton Together; add another officer first.")
}

// TestSetupNameWithoutEmphasis: a name typed bold, italic or struck
// through to set it off is kept without the marks, which would otherwise
// stand in it for good; marks inside a name stay.
func TestSetupNameWithoutEmphasis(t *testing.T) {
	k := newKit(t)
	wantShown(t, k.say(ian, "/committee setup *_Bootle Area Partnership_*"), "This channel is now the channel of *Bootle Area Partnership*")
	if c := k.committee(); c.Name != "Bootle Area Partnership" {
		t.Errorf("the committee is called %q", c.Name)
	}
	r := k.request(ian, "/committee setup Sefton *Youth* Panel")
	r.ChannelID = "COTHER"
	if _, err := k.svc.Run(context.Background(), r); err != nil {
		t.Fatal(err)
	}
	if _, err := k.db.CommitteeByName(context.Background(), "Sefton *Youth* Panel"); err != nil {
		t.Errorf("marks inside the name: %v", err)
	}
}

// TestOfficerOfTwoInADirectMessage: an officer of two committees who
// chooses the committee for a command in a direct message can finish it
// there: the Confirm of a new chair, and the forms of /minutes import and
// /agenda import, each for the committee chosen. They were refused as
// sent from no committee's channel, the pasted document thrown away.
func TestOfficerOfTwoInADirectMessage(t *testing.T) {
	k := committeeKit(t)
	k.must(ian, "/committee member add <@UGRAEME> Merseyside Police chair")
	k.must(ian, "/committee member add <@USUE> Sefton CVS")
	youth := k.request(ian, "/committee setup Sefton Youth Board")
	youth.ChannelID = "C2"
	if r, err := k.svc.Run(context.Background(), youth); err != nil || r.Refused {
		t.Fatalf("%+v %v", r, err)
	}
	dm := k.request(ian, "")
	dm.ChannelID = "DIAN"
	chosen := func(line string) commands.Reply {
		t.Helper()
		r := dm
		r.Command, r.Text, _ = strings.Cut(line, " ")
		ask, err := k.svc.Run(context.Background(), r)
		if err != nil {
			t.Fatal(err)
		}
		for _, b := range ask.Buttons {
			if b.Label == "Safer Sefton Together" {
				return k.act(dm, b.Action, b.Value)
			}
		}
		t.Fatalf("%s was not asked which committee:\n%s", line, shown(ask))
		return commands.Reply{}
	}

	ask := chosen("/committee member add <@USUE> Sefton CVS chair")
	var confirmed commands.Reply
	for _, b := range ask.Buttons {
		if b.Label == "Confirm: Sue Holden as chair" {
			confirmed = k.act(dm, b.Action, b.Value)
		}
	}
	wantShown(t, shown(confirmed), "<@USUE> is now recorded as the chair of Safer Sefton Together")
	wantShown(t, k.say(neil, "/committee members"), "• Sue Holden — Sefton CVS (chair)")

	minutesText, err := os.ReadFile("../minutes/testdata/minutes-cabinet-decisions.txt")
	if err != nil {
		t.Fatal(err)
	}
	form := chosen("/minutes import")
	got, errs := k.submit(dm, form.Form, map[string]string{"text": string(minutesText)})
	if len(errs) > 0 || got.Refused || !strings.Contains(got.Text, "Imported the minutes of the meeting of Safer Sefton Together") {
		t.Errorf("minutes imported in a direct message: %v %s", errs, shown(got))
	}

	agendaText, err := os.ReadFile("testdata/sefton-2022-03-17-agenda.txt")
	if err != nil {
		t.Fatal(err)
	}
	form = chosen("/agenda import")
	got, errs = k.submit(dm, form.Form, map[string]string{"text": string(agendaText)})
	if len(errs) > 0 || got.Refused || !strings.Contains(got.Text, "Imported the agenda of *Safer Sefton Together* for the meeting on Thursday 17 March 2022") {
		t.Errorf("agenda imported in a direct message: %v %s", errs, shown(got))
	}

	// The form, submitted from the other committee's channel, imports
	// nothing there.
	other := dm
	other.ChannelID = "C2"
	if got, _ := k.submit(other, form.Form, map[string]string{"text": string(agendaText)}); !strings.Contains(got.Text, "That form belongs to another committee's channel; nothing was imported.") {
		t.Errorf("the form from another committee's channel: %s", shown(got))
	}
}

// TestMembersListedInAlphabeticalOrder: the member list reads as a
// reader looks a name up, Órla under O and Éamon under E, and a name
// written in lower case among the others, not after Zoë, where a
// database sorting by character code puts them.
func TestMembersListedInAlphabeticalOrder(t *testing.T) {
	k := committeeKit(t)
	k.dir["UORLA"] = "Órla Quinn"
	k.dir["UEAMON"] = "Éamon Walsh"
	k.dir["UZOE"] = "Zoë Schmidt"
	k.dir["UDANI"] = "dani morris"
	for _, line := range []string{
		"/committee member add <@UORLA> Sefton CVS",
		"/committee member add <@UEAMON> Merseyside Fire & Rescue Service",
		"/committee member add <@UZOE> Sefton Council",
		"/committee member add <@UDANI> SWACA",
	} {
		k.must(ian, line)
	}
	inOrder(t, k.say(neil, "/committee members"), "Ian Barton (officer)",
		"dani morris", "Éamon Walsh", "Graeme Robson", "Neil Frackelton", "Órla Quinn", "Zoë Schmidt")
}

// TestRemovedMemberIsTold: a member removed from the committee is told so
// by direct message, by whom, with what was withdrawn with them, what
// becomes of their register, and which actions stay theirs; the officer's
// reply says what becomes of the register, and that they are told.
func TestRemovedMemberIsTold(t *testing.T) {
	k, _ := actDay(t)
	k.must(ian, "/action add 9 <@UNEIL> 2027-01-10 Circulate the figures")
	k.must(sue, "/meeting close")
	k.must(ian, "/meeting schedule 2027-01-14 10:00 Remote Meeting")
	k.must(ian, "/declare for <@UNEIL> 3 personal Governor of Litherland High")
	k.must(ian, "/apologies for <@UNEIL> Unwell")
	k.must(ian, "/interests add <@UNEIL> other Governor of Litherland High")
	k.sent()
	wantShown(t, k.say(ian, "/committee member remove <@UNEIL>"),
		"<@UNEIL> is no longer a member of Safer Sefton Together. Withdrawn with them, and kept in the history: their apologies for a meeting to come and their declaration of interest for a meeting to come.",
		" Their register of interests (1 entry) leaves the committee's published register and stays on record, its entries not ended: `/interests history <@UNEIL>` shows it.",
		"give it to someone else with `/action reassign 1 @someone`. They are told by direct message.")
	wantTold(t, k, neil, "<@UIAN> removed you from *Safer Sefton Together*. Withdrawn with you, and kept in the history: your apologies for a meeting to come and your declaration of interest for a meeting to come."+
		" Your register of interests (1 entry) leaves the committee's published register and stays on record: `/interests` in <#C1> still shows it to you."+
		" Action 1 stays yours until an officer or the chair gives it to someone else; you will not be reminded of it.")

	// Removed with nothing standing, they are told only that; an officer
	// who leaves of their own accord is told nothing.
	k.must(ian, "/committee member remove <@UGRAEME>")
	wantTold(t, k, graeme, "<@UIAN> removed you from *Safer Sefton Together*.")
	k.must(ian, "/committee member add <@USUE> Sefton CVS officer")
	k.sent()
	if r := k.say(ian, "/committee member remove <@UIAN>"); strings.Contains(r, "told") {
		t.Errorf("an officer leaving is said to be told: %q", r)
	}
	wantTold(t, k, ian)
}

// TestRoleGivenIsTold: someone made an officer, the chair or the
// vice-chair is told by direct message once, with what the role lets
// them do; giving themselves a role, they are not; the chair or
// vice-chair replaced is told they are a member now.
func TestRoleGivenIsTold(t *testing.T) {
	k := committeeKit(t)
	k.sent()
	wantShown(t, k.say(ian, "/committee member add <@UGRAEME> Merseyside Police vice-chair"),
		"<@UGRAEME> is now recorded as the vice-chair of Safer Sefton Together, for Merseyside Police. (Was a member.) They are told by direct message.")
	wantTold(t, k, graeme, "<@UIAN> made you the vice-chair of *Safer Sefton Together*. At a meeting the chair has sent apologies for (or when there is no chair), the vice-chair may do what the chair does for its conduct and its minutes: open, adjourn and close it (`/meeting start`), record attendance for others, record resolutions and minutes (`/resolve`, `/minute`, `/minutes draft`, `/minutes approve`), and add, move and reassign actions. The history of everyone's records is open to you, but for the reasons members give for their apologies, which only officers read.")
	// Added again as they stand, or for another organisation, they are
	// not told again.
	if r := k.say(ian, "/committee member add <@UGRAEME> Merseyside Police"); strings.Contains(r, "told") {
		t.Errorf("a vice-chair added again is said to be told: %q", r)
	}
	k.must(ian, "/committee member add <@UGRAEME> Sefton Police vice-chair")
	wantTold(t, k, graeme)

	// A new member made chair straight away is told; the chair handed
	// over by Confirm tells the new one and the one replaced, once.
	wantShown(t, k.say(ian, "/committee member add <@USUE|sue> Sefton CVS chair"), "They are told by direct message.")
	wantTold(t, k, sue, "<@UIAN> made you the chair of *Safer Sefton Together*. The chair may do what an officer does for a meeting's conduct and its minutes: open, adjourn and close it (`/meeting start`), record attendance for others, record resolutions and minutes (`/resolve`, `/minute`, `/minutes draft`, `/minutes approve`), and add, move and reassign actions. The history of everyone's records is open to you, but for the reasons members give for their apologies, which only officers read.")
	r := k.must(ian, "/committee member add <@UNEIL> SWACA chair")
	if len(r.Buttons) != 1 {
		t.Fatalf("no Confirm: %+v", r)
	}
	wantTold(t, k, neil)
	wantShown(t, shown(k.act(k.request(ian, ""), r.Buttons[0].Action, r.Buttons[0].Value)), "Both are told by direct message.")
	sent := k.sent()
	if diff := cmp.Diff(actDMs(sent, neil), []string{"<@UIAN> made you the chair of *Safer Sefton Together*. The chair may do what an officer does for a meeting's conduct and its minutes: open, adjourn and close it (`/meeting start`), record attendance for others, record resolutions and minutes (`/resolve`, `/minute`, `/minutes draft`, `/minutes approve`), and add, move and reassign actions. The history of everyone's records is open to you, but for the reasons members give for their apologies, which only officers read."}); diff != "" {
		t.Errorf("Neil is told (-got +want):\n%s", diff)
	}
	if diff := cmp.Diff(actDMs(sent, sue), []string{"<@UIAN> made <@UNEIL> the chair of *Safer Sefton Together* in your place: you are a member now. What you entered for others stays on record."}); diff != "" {
		t.Errorf("Sue, the chair replaced, is told (-got +want):\n%s", diff)
	}
	k.act(k.request(ian, ""), r.Buttons[0].Action, r.Buttons[0].Value)
	wantTold(t, k, neil)

	wantShown(t, k.say(ian, "/committee member add <@USUE> Sefton CVS officer"), "They are told by direct message.")
	wantTold(t, k, sue, "<@UIAN> made you an officer of *Safer Sefton Together*. An officer manages the committee's members, meetings, agendas and minutes, and may enter or withdraw apologies, declarations, register entries and actions on anyone's behalf; each member is told when you do.")
	// An officer giving themselves a role is not told; the vice-chair
	// they replace, made a member, is.
	r = k.must(sue, "/committee member add <@USUE> Sefton CVS vice-chair")
	if len(r.Buttons) != 1 {
		t.Fatalf("no Confirm: %+v", r)
	}
	if got := shown(k.act(k.request(sue, ""), r.Buttons[0].Action, r.Buttons[0].Value)); strings.Contains(got, "They are told") || strings.Contains(got, "Both") || !strings.Contains(got, "<@UGRAEME> is told by direct message.") {
		t.Errorf("taking a role oneself: %q", got)
	}
	wantTold(t, k, graeme, "<@USUE> took the vice-chair of *Safer Sefton Together* in your place: you are a member now. What you entered for others stays on record.")
}

// TestFormerMemberToldTheyAreNoLongerOne: a member removed from the
// committee who sends apologies, declares or attaches a report is told
// they are no longer a member and where their records stand, not asked to
// have themselves added as if they never were; someone who never was is
// told as before. Nothing is recorded.
func TestFormerMemberToldTheyAreNoLongerOne(t *testing.T) {
	k := agendaKit(t)
	k.must(ian, "/committee member remove <@UNEIL>")
	for _, line := range []string{"/apologies Unwell", "/apologies 10/12/2026 Unwell", "/declare 7.5 personal Trustee of SWACA", "/report 7.5 https://example.org/swaca.pdf"} {
		r := k.run(neil, line)
		if !r.Refused || strings.Contains(shown(r), "Ask its officer to add you") {
			t.Errorf("%s from Neil, removed: refused %v\n%s", line, r.Refused, shown(r))
		}
		wantShown(t, shown(r), "You are no longer a member of Safer Sefton Together", "`/history apologies`")
		r = k.run("UJAN", line)
		wantShown(t, shown(r), "You are not a member of Safer Sefton Together. Ask its officer to add you")
	}
	for _, line := range []string{"/apologies list", "/declare list", "/report list"} {
		if got := k.say(ian, line); strings.Contains(got, "Neil") || strings.Contains(got, "Unwell") {
			t.Errorf("%s names what Neil sent once removed:\n%s", line, got)
		}
	}
}
