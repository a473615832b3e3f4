package commands_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/quorumhq/quorum/commands"
)

func TestEveryCommandAnswersHelp(t *testing.T) {
	k := newKit(t)
	for _, c := range k.svc.Commands() {
		t.Run(c.Name, func(t *testing.T) {
			help := k.run(stranger, c.Name+" help")
			if help.Visibility != commands.Private || help.Refused {
				t.Errorf("help: %+v", help)
			}
			wantShown(t, help.Text, "*"+c.Name+"* — "+c.Summary)
			for _, sub := range c.Subs {
				for _, u := range sub.Usage {
					// Each form, and whose it is where it is not everyone's.
					switch {
					case strings.Contains(u, "(officer"):
						wantShown(t, help.Text, "• `"+u+"`")
					case sub.Who == commands.Officers:
						wantShown(t, help.Text, "• `"+u+"   (officer)`")
					case sub.Who == commands.Chairs:
						wantShown(t, help.Text, "• `"+u+"   (officer or chair)`")
					default:
						wantShown(t, help.Text, "• `"+u+"`")
					}
				}
				for _, e := range sub.Examples {
					wantShown(t, help.Text, "• `"+e+"`")
				}
				if sub.Name == "" {
					continue
				}
				// Each subcommand explains itself, asked either way round.
				one := k.run(stranger, c.Name+" help "+sub.Name)
				if other := k.run(stranger, c.Name+" "+sub.Name+" help"); other.Text != one.Text {
					t.Errorf("%s help %s and %s %s help differ:\n%s\n---\n%s", c.Name, sub.Name, c.Name, sub.Name, one.Text, other.Text)
				}
				wantShown(t, one.Text, "*"+c.Name+" "+sub.Name+"*")
				for _, u := range sub.Usage {
					wantShown(t, one.Text, "• `"+u+"`")
				}
			}
		})
	}
	if got := k.run(stranger, "/apologies ?"); !strings.HasPrefix(got.Text, "*/apologies* —") {
		t.Errorf("? asks for help too: %q", got.Text)
	}
}

func TestHelpOfOneSubcommand(t *testing.T) {
	k := newKit(t)
	want := "*/agenda add* — Add an item to the agenda of the next meeting, or the one on DATE; the presenter follows an em dash (or a spaced hyphen before a member's name, or a name with an organisation in brackets).\n" +
		"For officers.\n" +
		"• `/agenda add [DATE] NUMBER TITLE [— PRESENTER]`\n" +
		"Examples:\n" +
		"• `/agenda add 7.5 SWACA — Neil Frackelton`\n" +
		"• `/agenda add 4 Integrated Offender Management (IOM) Refresh Strategy — Jen Williams, James Gillett`\n" +
		"• `/agenda add 11/02/2027 4 Budget Consultation — Sue Holden`\n" +
		"DATE is `next` or the meeting's day: 2026-12-10, 10/12/2026 (day first) or 10 December 2026. Without one, the meeting in progress (which no longer takes this) or today's waiting to be opened, else the next; `next` is the next even then."
	for _, line := range []string{"/agenda help add", "/agenda add help", "/agenda HELP Add", "/agenda help delete"} {
		got := k.say(stranger, line)
		if line == "/agenda help delete" {
			want = strings.Replace(want, "*/agenda add* — Add an item", "*/agenda remove* — Take an item", 1)
			wantShown(t, got, "*/agenda remove* — Take an item off the agenda of the next meeting, or the one on DATE.", "• `/agenda remove [DATE] NUMBER [confirm]`")
			continue
		}
		if diff := cmp.Diff(got, want); diff != "" {
			t.Errorf("%s (-got +want):\n%s", line, diff)
		}
	}
	wantShown(t, k.say(stranger, "/apologies help list"), "*/apologies list* — The apologies received", "• `/apologies list [DATE]`", "Without one, the meeting in progress or today's waiting to be opened, else the next")
	wantShown(t, k.say(stranger, "/committee help member add"), "*/committee member add* — Add a member", "For officers.")
	if diff := cmp.Diff(k.say(stranger, "/meeting help reminders"), "*/meeting reminders*\n"+
		"• `/meeting reminders` — When reminders go to the channel before each meeting.\n"+
		"• `/meeting reminders DAYS [TIME]|off|on [TIME]` — Set the days before each meeting, and the time, that reminders go; or turn them off, or on again as last set. (officers)\n"+
		"Examples:\n• `/meeting reminders 7,1 09:00`\n• `/meeting reminders off`\n• `/meeting reminders on`"); diff != "" {
		t.Errorf("/meeting help reminders (-got +want):\n%s", diff)
	}
	// An unknown subcommand's help says so, then gives the command's.
	inOrder(t, k.say(stranger, "/agenda help adjourn"), "`/agenda` has no subcommand `adjourn`.", "*/agenda* — See the agenda", "`/agenda help post` explains one of them.")
}

// Help for a word that is no subcommand says so before the help, rather
// than giving the whole help as if that were the answer; a slip of a
// subcommand's name is shown that subcommand, and a word for a form that
// has no name of its own (`/report add`) that form; a word of a form
// (`/here remote`) is said to be one, not refused and then offered.
func TestHelpForNoSuchSubcommand(t *testing.T) {
	k := newKit(t)
	for _, tc := range []struct {
		line string
		want []string
	}{
		{"/agenda help nonsense", []string{"`/agenda` has no subcommand `nonsense`.\n*/agenda* — See the agenda", "`/agenda help post` explains one of them."}},
		{"/agenda help pots", []string{"`/agenda` has no subcommand `pots`: did you mean `/agenda post`?\n*/agenda post* — "}},
		{"/agenda pots help", []string{"`/agenda` has no subcommand `pots`: did you mean `/agenda post`?\n*/agenda post* — "}},
		{"/report help add", []string{"`/report` has no subcommand `add`: for that, use `/report [DATE] ITEM URL [TITLE]`.\n*/report* — Attach the link to your report", "• `/report [DATE] ITEM URL [TITLE]`", "• `/report 7.5 https://example.org/swaca-vawg.pdf SWACA perspective on VAWG`"}},
		{"/report add help", []string{"`/report` has no subcommand `add`: for that, use `/report [DATE] ITEM URL [TITLE]`."}},
		{"/apologies help send", []string{"`/apologies` has no subcommand `send`: for that, use `/apologies [DATE] [REASON | reason none]", "\n*/apologies* — Send apologies for the next meeting"}},
		{"/committee help member", []string{"`/committee help member` is followed by `add` or `remove`.\n*/committee* — "}},
		// A word of a form with no name of its own is answered with that
		// form, not that there is no such subcommand.
		{"/apologies help for", []string{"`for` is no subcommand of `/apologies` but a word of this form: `/apologies for @someone|\"Name (Organisation)\" [DATE] [REASON …] [sub …]   (officer or chair)`.\n*/apologies* — Send apologies"}},
		{"/apologies help sub", []string{"`sub` is no subcommand of `/apologies` but a word of this form: `/apologies [DATE] [REASON | reason none] [sub @someone"}},
		{"/apologies help reason", []string{"`reason` is no subcommand of `/apologies` but a word of this form: `/apologies [DATE] [REASON | reason none]"}},
		{"/declare help for", []string{"`for` is no subcommand of `/declare` but a word of this form: `/declare for @someone", "\n*/declare* — Declare an interest in an agenda item"}},
		{"/report help for", []string{"`for` is no subcommand of `/report` but a word of this form: `/report for @someone"}},
		{"/attendance help late", []string{"`late` is no subcommand of `/attendance` but a word of this form: `/attendance @person present|late [HH:MM]|left", "\n*/attendance* — Record who is at the meeting"}},
		{"/attendance help substitute-for", []string{"`substitute-for` is no subcommand of `/attendance` but a word of this form: `/attendance @person substitute-for @member`."}},
		{"/here help remote", []string{"`remote` is no subcommand of `/here` but a word of this form: `/here remote`.\n*/here* — Mark yourself present"}},
		// A word for a form other than the first is answered with that form.
		{"/resolution help search", []string{"`/resolution` has no subcommand `search`: for that, use `/resolution WORDS…`.\n*/resolution* — "}},
		{"/resolution find help", []string{"`/resolution` has no subcommand `find`: for that, use `/resolution WORDS…`."}},
		{"/resolution help show", []string{"`/resolution` has no subcommand `show`: for that, use `/resolution NUMBER`."}},
	} {
		got := k.say(stranger, tc.line)
		inOrder(t, got, tc.want...)
		if strings.Contains(tc.line, "report") && strings.Contains(got, "/report list") {
			t.Errorf("%s shows every form:\n%s", tc.line, got)
		}
	}
}

// Help says what DATE is for each command: a meeting, the next by default,
// unless the command's DATE is another day or defaults to another meeting.
func TestHelpSaysWhatDateIs(t *testing.T) {
	k := newKit(t)
	const usual = "DATE is `next` (the default), 2026-12-10, 10/12/2026 (day first) or 10 December 2026."
	// Undated, /history reads the meeting in progress, as the lists do.
	const atTable = "DATE is `next` or the meeting's day: 2026-12-10, 10/12/2026 (day first) or 10 December 2026. Without one, the meeting in progress or today's waiting to be opened, else the next; `next` is the next even then."
	// Undated, /apologies and an agenda change are for the meeting in
	// progress, which refuses them, not silently for the meeting after.
	const closed = "DATE is `next` or the meeting's day: 2026-12-10, 10/12/2026 (day first) or 10 December 2026. Without one, the meeting in progress (which no longer takes this) or today's waiting to be opened, else the next; `next` is the next even then."
	for _, tc := range []struct {
		line     string
		want     []string
		notUsual bool
	}{
		// Undated, /agenda and the lists read at the table read the
		// meeting in progress; what such a meeting refuses is refused.
		{"/agenda help", []string{"In `/agenda`, " + atTable, "In `/agenda post`, `/agenda add`, `/agenda remove`, `/agenda edit` and `/agenda move`, " + closed, "In `/agenda import`, DATE is the meeting whose agenda alone is taken"}, true},
		{"/agenda help add", []string{"\n" + closed}, true},
		{"/apologies help", []string{"In `/apologies` and `/apologies withdraw`, " + closed, "In `/apologies list`, " + atTable}, true},
		{"/apologies help list", []string{"\n" + atTable}, true},
		{"/report help", []string{"\n" + atTable}, true},
		{"/report help list", []string{"\n" + atTable}, true},
		{"/report help remove", []string{"\n" + atTable}, true},
		{"/resolution help", []string{"• `/resolution DATE`\n", "DATE is the day of a meeting held: 2021-12-09, 9/12/2021 (day first) or 9 December 2021; alone, it lists that meeting's minutes."}, true},
		{"/action help", []string{"DATE is the day the action is due by, today or later: 2027-03-01, 1/3/2027 (day first) or 1 March 2027."}, true},
		{"/interests help gift", []string{"DATE is the day it was received, today or earlier"}, true},
		{"/resolve help", []string{"DATE is the day of the meeting: 2026-12-10, 10/12/2026 (day first) or 10 December 2026; without one, the meeting in progress, else today's once it has started, else the last one held."}, true},
		{"/minute help", []string{"without one, the meeting in progress"}, true},
		{"/history help", []string{"In `/history apologies`, `/history declarations`, `/history reports` and `/history agenda`, " + atTable, "In `/history minutes`, DATE is the day of the meeting"}, true},
		{"/history help apologies", []string{"\n" + atTable}, true},
		{"/history help agenda", []string{"\n" + atTable}, true},
		{"/declare help", []string{"• `/declare [DATE] ITEM KIND NATURE`", "In `/declare`, `/declare list` and `/declare withdraw`, " + atTable, "In `/declare minutes`, DATE is `next` or the meeting's day: 2026-12-10, 10/12/2026 (day first) or 10 December 2026. Without one, the meeting in progress or today's waiting to be opened, else one held earlier today, else the next;"}, true},
		{"/declare help list", []string{"\n" + atTable}, true},
		{"/meeting help schedule", []string{"DATE is the day of the new meeting: 2026-12-10"}, true},
		{"/meeting help cancel", []string{"DATE is the meeting's day, which must be given: `next`, 2026-12-10"}, true},
		{"/meeting help start", []string{"without one, today's."}, true},
		{"/meeting help attendance", []string{"without one, the meeting in progress, else the last one held."}, true},
		{"/history help attendance", []string{"without one, the meeting in progress, else the last one held."}, true},
		{"/minutes help draft", []string{"DATE is the day of the meeting: 2026-12-10, 10/12/2026 (day first) or 10 December 2026; without one, the meeting in progress, else the last one if it began in the last 12 hours or its minutes are still a draft, else the next; `next`, the next."}, true},
		{"/minutes post help", []string{"without one, the meeting in progress, else the last one if it began in the last 12 hours"}, true},
		{"/minutes approve help", []string{"DATE is the day of the meeting whose minutes are confirmed: 2026-12-10, 10/12/2026 (day first) or 10 December 2026; without one, the last meeting's before the one in progress (or before now)."}, true},
		{"/minutes help", []string{"In `/minutes draft` and `/minutes post`, DATE is the day of the meeting", "In `/minutes approve`, DATE is the day of the meeting whose minutes are confirmed"}, true},
		{"/meeting help", []string{"In `/meeting history`, " + atTable, "In `/meeting schedule`, DATE is the day of the new meeting", "In `/meeting start`, DATE is the day of the meeting to open"}, true},
	} {
		got := k.say(neil, tc.line)
		for _, w := range tc.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s:\n%s\nlacks %q", tc.line, got, w)
			}
		}
		if tc.notUsual && strings.Contains(got, "`next` (the default)") {
			t.Errorf("%s:\n%s\nsays DATE is the next meeting by default", tc.line, got)
		}
	}
}

// A command that is none of ours, but a slip of one, or the name of one
// of their subcommands (`/reminders`, `/adjourn`), is answered with the
// command meant: `/remind`, Slack's own reminders, is pointed to the
// committee's.
func TestUnknownCommandMeant(t *testing.T) {
	k := newKit(t)
	for line, want := range map[string]string{
		"/remind me to send apologies": "I don't know the command /remind: did you mean `/meeting reminders`? `/meeting help reminders` explains it.",
		"/reminders 7,1 09:00":         "did you mean `/meeting reminders`?",
		"/apology Unwell":              "I don't know the command /apology: did you mean `/apologies`? `/apologies help` explains it.",
		"/adjourn":                     "did you mean `/meeting adjourn`?",
		"/quorum 4":                    "did you mean `/committee quorum`?",
	} {
		r := k.run(neil, line)
		if !r.Refused || !strings.Contains(r.Text, want) {
			t.Errorf("%s: reply = %q\nwant %q", line, r.Text, want)
		}
	}
	wantShown(t, k.say(ian, "/meeting remind 7,1"), "did you mean `/meeting reminders`?")
}

func TestUnknownCommandsAndLongText(t *testing.T) {
	k := newKit(t)
	r := k.run(neil, "/quorate hello")
	if !r.Refused || r.Text != "I don't know the command /quorate. I know `/action`, `/agenda`, `/apologies`, `/attendance`, `/committee`, `/declare`, `/here`, `/history`, `/interests`, `/meeting`, `/minute`, `/minutes`, `/report`, `/resolution` and `/resolve`; each answers `help`." {
		t.Errorf("unknown command: %+v", r)
	}
	if r := k.run(neil, "/<!channel>"); strings.Contains(r.Text, "<!channel>") {
		t.Errorf("an unknown command is quoted as markup: %q", r.Text)
	}
	r = k.run(neil, "/apologies "+strings.Repeat("x", commands.MaxTextLen+1))
	if !r.Refused || r.Text != "That is too long for /apologies (4001 characters; the limit is 4000). Nothing was saved; a reason may be up to 500 characters." {
		t.Errorf("long text: %+v", r)
	}
	if r := k.act(k.request(neil, ""), "nothing.here", "1"); !r.Refused || r.Text != "That button no longer does anything; try the command again." {
		t.Errorf("unknown button: %+v", r)
	}
	r, errs := k.submit(k.request(neil, ""), &commands.Form{ID: "nothing.here"}, nil)
	if !r.Refused || errs != nil || r.Text != "That form is out of date; run the command again." {
		t.Errorf("unknown form: %+v %v", r, errs)
	}
}

// flaky is the records when the database stops answering: the lookups
// every command, button and form starts with fail as storage says a
// database that cannot be reached fails.
type flaky struct {
	commands.Store
	down bool
}

var errDown = fmt.Errorf("storage: %w: connection refused", commands.ErrUnavailable)

func (f *flaky) CommitteeByChannel(ctx context.Context, team, channel string) (commands.Committee, error) {
	if f.down {
		return commands.Committee{}, errDown
	}
	return f.Store.CommitteeByChannel(ctx, team, channel)
}

func (f *flaky) Origin(ctx context.Context, team, channel, user string, after time.Time) (commands.Origin, error) {
	if f.down {
		return commands.Origin{}, errDown
	}
	return f.Store.Origin(ctx, team, channel, user, after)
}

func (f *flaky) OriginFirstSeen(ctx context.Context, team, channel, user string, after time.Time, replay string, table bool) (commands.Origin, error) {
	if f.down {
		return commands.Origin{}, errDown
	}
	return f.Store.OriginFirstSeen(ctx, team, channel, user, after, replay, table)
}

func (f *flaky) SendApologyFrom(ctx context.Context, req commands.ApologyRequest) (commands.Origin, commands.ApologySent, error) {
	if f.down {
		return commands.Origin{}, commands.ApologySent{}, errDown
	}
	return f.Store.SendApologyFrom(ctx, req)
}

func (f *flaky) DeclareFrom(ctx context.Context, req commands.DeclareRequest) (commands.DeclaredFrom, bool, error) {
	if f.down {
		return commands.DeclaredFrom{}, false, errDown
	}
	return f.Store.DeclareFrom(ctx, req)
}

func (f *flaky) SubmitReportFrom(ctx context.Context, req commands.ReportRequest) (commands.ReportedFrom, bool, error) {
	if f.down {
		return commands.ReportedFrom{}, false, errDown
	}
	return f.Store.SubmitReportFrom(ctx, req)
}

func (f *flaky) FindMinutesFrom(ctx context.Context, req commands.FindRequest) (commands.Origin, []commands.Minute, bool, error) {
	if f.down {
		return commands.Origin{}, nil, false, errDown
	}
	return f.Store.FindMinutesFrom(ctx, req)
}

func (f *flaky) AgendaFrom(ctx context.Context, req commands.AgendaRequest) (commands.AgendaAsked, error) {
	if f.down {
		return commands.AgendaAsked{}, errDown
	}
	return f.Store.AgendaFrom(ctx, req)
}

func (f *flaky) Meeting(ctx context.Context, id int64) (commands.Meeting, error) {
	if f.down {
		return commands.Meeting{}, errDown
	}
	return f.Store.Meeting(ctx, id)
}

// TestFailuresSayWhetherAnythingWasLost: when the records cannot be
// reached, a write says what was NOT saved and a read never does.
func TestFailuresSayWhetherAnythingWasLost(t *testing.T) {
	k := agendaKit(t)
	store := &flaky{Store: k.db}
	svc := commands.New(store, nil)
	r := k.must(neil, "/declare 7.5 personal Trustee of SWACA")
	store.down = true

	const (
		read   = "Sorry — the committee records are unavailable right now; please try again in a minute."
		notNow = "Sorry — the committee records are unavailable, %s was NOT saved; please try again."
	)
	for _, tc := range []struct{ line, want string }{
		{"/apologies Unwell", fmt.Sprintf(notNow, "your apology")},
		{"/apologies withdraw", fmt.Sprintf(notNow, "your apology")},
		{"/apologies list", read},
		{"/agenda", read},
		{"/agenda 10/12/2026", read},
		{"/agenda post", fmt.Sprintf(notNow, "the change")},
		{"/agenda add 8 Any Other Business", fmt.Sprintf(notNow, "the change")},
		{"/agenda import", read},
		{"/declare", read},
		{"/declare 7.5 personal Trustee", fmt.Sprintf(notNow, "your declaration")},
		{"/declare withdraw 7.5", fmt.Sprintf(notNow, "your declaration")},
		{"/declare list", read},
		{"/declare minutes", read},
		{"/report 7.5 https://example.org/r.pdf", fmt.Sprintf(notNow, "your report link")},
		{"/report list", read},
		{"/report missing", read},
		{"/report remove 7.5", fmt.Sprintf(notNow, "your report link")},
		{"/meeting schedule 2027-01-14 10:00", fmt.Sprintf(notNow, "the change")},
		{"/meeting list", read},
		{"/meeting reminders", read},
		{"/meeting reminders off", fmt.Sprintf(notNow, "the change")},
		{"/committee setup Another", fmt.Sprintf(notNow, "the change")},
		{"/committee members", read},
		{"/committee member add <@USUE> Sefton CVS", fmt.Sprintf(notNow, "the change")},
		{"/minutes draft", read},
		{"/minutes import", read},
		{"/resolution 28", read},
		{"/resolution rename partnership", read},
	} {
		t.Run(tc.line, func(t *testing.T) {
			_, err := svc.Run(context.Background(), k.request(ian, tc.line))
			if err == nil {
				t.Fatal("no error while the records were down")
			}
			if got := commands.FailureReply(err, "7f3a").Text; got != tc.want {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}

	// Buttons and forms say what their command saves.
	for _, b := range r.Buttons {
		_, err := svc.Act(context.Background(), k.request(neil, ""), b.Action, b.Value)
		if got := commands.FailureReply(err, "7f3a").Text; got != fmt.Sprintf(notNow, "your declaration") {
			t.Errorf("%s: %q", b.Label, got)
		}
	}
	_, err := svc.Act(context.Background(), k.request(neil, ""), "resolution.share", "1")
	if got := commands.FailureReply(err, "7f3a").Text; got != read {
		t.Errorf("share: %q", got)
	}
	for form, saves := range map[string]string{"declare": "your declaration", commands.ApologyFormID: "your apology", "agenda.import": "the change", "minutes.import": "the minutes"} {
		_, _, err := svc.Submit(context.Background(), k.request(ian, ""), commands.Submission{Form: form, Metadata: "1", Values: map[string][]string{"text": {"x"}}})
		if got := commands.FailureReply(err, "7f3a").Text; got != fmt.Sprintf(notNow, saves) {
			t.Errorf("form %s: %q", form, got)
		}
	}

	// Anything else is a bug, reported with its reference.
	if got := commands.FailureReply(errors.New("boom"), "7f3a").Text; got != "Sorry, that did not work — your change was NOT saved (ref 7f3a)." {
		t.Errorf("a bug outside Run: %q", got)
	}
	_, err = svc.Run(context.Background(), k.request(ian, "/resolution 28"))
	if !errors.Is(err, commands.ErrUnavailable) || !commands.IsUnavailable(err) {
		t.Errorf("the failure does not wrap the store's error: %v", err)
	}
}

// TestCommitteeChoiceFallsBackToChannels: a member of several committees
// is offered a button for each, unless the command's text would not fit
// in a button's value (Slack takes 2,000 characters): then the channels.
func TestCommitteeChoiceFallsBackToChannels(t *testing.T) {
	k := meetingKit(t)
	second := k.request(ian, "/committee setup Sefton Youth Forum")
	second.ChannelID = "C2"
	if _, err := k.svc.Run(context.Background(), second); err != nil {
		t.Fatal(err)
	}
	dm := func(text string) commands.Reply {
		r := k.request(ian, "/apologies "+text)
		r.ChannelID = "DIAN"
		reply, err := k.svc.Run(context.Background(), r)
		if err != nil {
			t.Fatal(err)
		}
		return reply
	}
	r := dm("Unwell")
	if len(r.Buttons) != 2 || r.Buttons[0].Action != "apologies.committee" || !strings.HasSuffix(r.Buttons[0].Value, " Unwell") {
		t.Errorf("short text: %+v", r)
	}
	long := strings.Repeat("very ", 420)
	r = dm(long)
	if len(r.Buttons) != 0 || !strings.Contains(r.Text, "you are a member of Safer Sefton Together (<#C1>) and Sefton Youth Forum (<#C2>): use this in the committee's channel") {
		t.Errorf("long text: %+v", r)
	}
}

// A committee's button pressed by someone who never belonged to it (its
// value changed on the way) does not tell them they left it.
func TestCommitteeChoiceOfOneNeverJoined(t *testing.T) {
	k := meetingKit(t)
	second := k.request(ian, "/committee setup Sefton Youth Forum")
	second.ChannelID = "C2"
	if _, err := k.svc.Run(context.Background(), second); err != nil {
		t.Fatal(err)
	}
	press := func(user string, committeeID int64) string {
		r := k.request(user, "")
		r.ChannelID = "D" + user
		reply, err := k.svc.Act(context.Background(), r, "apologies.committee", fmt.Sprintf("%d Unwell", committeeID))
		if err != nil {
			t.Fatal(err)
		}
		return shown(reply)
	}
	first := k.committee().ID
	youth, err := k.db.CommitteeByChannel(context.Background(), team, "C2")
	if err != nil {
		t.Fatal(err)
	}
	wantShown(t, press(neil, youth.ID), "You are not a member of that committee; run the command again.")
	wantShown(t, press(neil, first+1000), "You are not a member of that committee; run the command again.")
	k.must(ian, "/committee member remove <@UNEIL>")
	wantShown(t, press(neil, first), "You are not a member of that committee any more; run the command again.")
}

// TestReplayRefused: a request carrying a key seen before (a captured
// request sent again) is refused with ErrReplay and changes nothing,
// whichever way its command goes: the apology written with its check in
// one statement, an officer's apology for someone else, a declaration and
// reads, checked in the read of the committee or, from a channel that is
// no committee's, after it. Without a key (the console) nothing is
// checked.
func TestReplayRefused(t *testing.T) {
	k := agendaKit(t)
	ctx := context.Background()
	for i, tc := range []struct{ user, line, channel string }{
		{neil, "/apologies Unwell", ""},
		{ian, "/apologies for <@UGRAEME> Ill", ""},
		{neil, "/declare 7.5 personal Trustee of SWACA", ""},
		{neil, "/agenda", ""},
		{neil, "/resolution youth", ""},
		{neil, "/resolution youth", "DNEIL"},
	} {
		r := k.request(tc.user, tc.line)
		if tc.channel != "" {
			r.ChannelID = tc.channel
		}
		r.Replay = fmt.Sprintf("signature:v0=%d", i)
		if reply, err := k.svc.Run(ctx, r); err != nil || reply.Refused {
			t.Fatalf("%s: %v %s", tc.line, err, shown(reply))
		}
		before := len(standing(k, k.db.ApologyHistory, func(e commands.ApologyEvent) string { return e.Reason }))
		if reply, err := k.svc.Run(ctx, r); !errors.Is(err, commands.ErrReplay) {
			t.Errorf("%s sent again: %v, %q; want ErrReplay", tc.line, err, shown(reply))
		}
		if after := len(standing(k, k.db.ApologyHistory, func(e commands.ApologyEvent) string { return e.Reason })); after != before {
			t.Errorf("%s sent again changed the history: %d entries, then %d", tc.line, before, after)
		}
	}
	if got := k.say(neil, "/declare list"); strings.Count(got, "Trustee of SWACA") != 1 {
		t.Errorf("declarations after a replay:\n%s", got)
	}
	for range 2 {
		k.must(neil, "/apologies Unwell again")
	}
}

// actionsDown is a store whose actions cannot be read.
type actionsDown struct{ commands.Store }

func (actionsDown) ActionPoints(context.Context, int64, bool) ([]commands.ActionPoint, error) {
	return nil, errDown
}

// TestMemberRemovedIsNotSaidUnsaved: removing a member reads their
// outstanding actions for the reply; when that read fails, the reply says
// the removal was NOT saved only if it was not.
func TestMemberRemovedIsNotSaidUnsaved(t *testing.T) {
	k := agendaKit(t)
	svc := commands.New(actionsDown{k.db}, nil)
	_, err := svc.Run(context.Background(), k.request(ian, "/committee member remove <@USUE>"))
	if err == nil {
		t.Fatal("the removal answered without its actions")
	}
	said := commands.FailureReply(err, "7f3a").Text
	if !strings.Contains(said, "NOT saved") {
		t.Fatalf("the failure says %q", said)
	}
	if _, err := k.db.Member(context.Background(), k.committee().ID, "USUE"); err != nil {
		t.Errorf("%q, but Sue is no longer a member: %v", said, err)
	}
}

// TestMeetingSummaryNamesTheDay: the list of commands is where an officer
// looks for how to open the meeting; /meeting's line says it runs the
// meeting on the day, not only that it schedules.
func TestMeetingSummaryNamesTheDay(t *testing.T) {
	k := newKit(t)
	first, _, _ := strings.Cut(k.run(stranger, "/meeting help").Text, "\n")
	wantShown(t, first, "open", "attendance", "close")
}

// Text too long to read at all is refused with what the command can take,
// so that someone who shortens it to just under the outer limit is not
// refused again for a reason or a minute that has a shorter one.
func TestTooLongTextSaysWhatFits(t *testing.T) {
	k := agendaKit(t)
	long := strings.Repeat("x", 5000)
	k.steps([]step{
		{neil, "/apologies " + long, []string{"That is too long for /apologies (5000 characters; the limit is 4000). Nothing was saved; a reason may be up to 500 characters."}},
		{ian, "/attendance <@UNEIL> apologies " + long, []string{"Nothing was saved; a reason may be up to 500 characters."}},
		{ian, "/minute 4 " + long, []string{"Nothing was saved; a minute may be up to 3000 characters."}},
		{ian, "/resolve 4 That " + long, []string{"Nothing was saved; a minute may be up to 3000 characters."}},
		{ian, "/minutes amend 4 " + long, []string{"Nothing was saved; a minute may be up to 3000 characters."}},
		{ian, "/action add 4 <@UNEIL> 31/12/2026 " + long, []string{"Nothing was saved; an action, or a note of what was done, may be up to 1000 characters."}},
		{neil, "/interests add other " + long, []string{"Nothing was saved; a description may be up to 1000 characters."}},
		{neil, "/declare 4 personal " + long, []string{"Nothing was saved; the nature of an interest may be up to 1000 characters."}},
		{ian, "/meeting schedule 2027-01-14 10:00 " + long, []string{"That is too long for /meeting (5026 characters; the limit is 4000). Nothing was saved; send it again, shorter."}},
	})
	if got := k.apologies(); len(got) != 0 {
		t.Errorf("apologies stored after refusals: %q", got)
	}
}

// `/help`, where a workspace or the console sends it, lists the commands
// with what each is for, rather than saying it is unknown.
func TestHelpCommandListsTheCommands(t *testing.T) {
	k := committeeKit(t)
	r := k.run(neil, "/help")
	if r.Refused || r.Visibility != commands.Private {
		t.Errorf("/help refused or not private: %+v", r)
	}
	got := shown(r)
	if strings.Contains(got, "I don't know") {
		t.Errorf("/help is answered as unknown:\n%s", got)
	}
	inOrder(t, got, "each answers `help`",
		"• `/action` — Record the actions the minutes give people",
		"• `/apologies` — Send apologies for absence from a meeting",
		"• `/resolve` — Record what the meeting resolved")
}

// A number too long, or a year cut short, is answered as what it is, not
// as if no item, minute or date had been given.
func TestMalformedNumbersSaidSo(t *testing.T) {
	k := agendaKit(t)
	k.steps([]step{
		{ian, "/minutes approve 1 January 1", []string{"`1 January 1` is not a date: give the year in full, e.g. `1 January 2027`."}},
		{ian, "/minutes approve 1 January 2027 1", []string{"`approve` takes only a date."}},
		{neil, "/declare withdraw 7.55555555555", []string{`"7.55555555555" is not an agenda item number: start with the item's number as printed, e.g. 4, 7.5 or 7a.`}},
		{neil, "/report remove 99999999999999999999", []string{`"99999999999999999999" is not an agenda item number: start with the item's number as printed, e.g. 4, 7.5 or 7a.`}},
		{neil, "/report remove 31/02 4", []string{"There is no 31 February: February has 28 days, 29 in a leap year."}},
		{neil, "/resolution 2021-12-09 1234567890123", []string{"There is no minute 1234567890123: give the minute's number as printed in the minutes, e.g. `/resolution 2021-12-09 28`."}},
	})
}

// TestAwayReplyNamesCommittee: an answer given outside the committee's
// channel says which committee it was for when its words do not. Graeme
// sits on two committees meeting the same morning; Mallory sits on one
// and keeps her register of interests there. In a direct message neither
// could otherwise tell which meeting they were marked at, or which
// committee's register took the entry.
func TestAwayReplyNamesCommittee(t *testing.T) {
	k := meetingKit(t)
	in := k.runIn
	in("C2", ian, "/committee setup Sefton Youth Board")
	in("C2", ian, "/committee member add <@UGRAEME> Merseyside Police")
	in("C2", ian, "/committee member add <@USTRANGER> Youth Council chair")
	in("C2", ian, "/meeting schedule 2026-12-10 10:15 Bootle Town Hall")

	reg := shown(in("DUSTRANGER", stranger, "/interests add other Trustee of SWACA"))
	wantShown(t, reg, "Registered #1", "Committee: *Sefton Youth Board* (<#C2>).")

	k.now = time.Date(2026, 12, 10, 10, 30, 0, 0, london)
	in("C1", ian, "/meeting start")
	in("C2", stranger, "/meeting start")
	ask := in("DUGRAEME", graeme, "/here")
	dm := k.request(graeme, "")
	dm.ChannelID = "DUGRAEME"
	var here commands.Reply
	for _, b := range ask.Buttons {
		if b.Label == "Sefton Youth Board" {
			here = k.act(dm, b.Action, b.Value)
		}
	}
	wantShown(t, shown(here), "You are marked present.", "Committee: *Sefton Youth Board* (<#C2>).")

	// In the channel, and where the answer names the committee, nothing
	// is added.
	if got := shown(in("C1", graeme, "/here")); strings.Contains(got, "Committee:") {
		t.Errorf("in the committee's channel: %s", got)
	}
	if got := shown(in("DUSTRANGER", stranger, "/interests review")); strings.Contains(got, "Committee:") || !strings.Contains(got, "Sefton Youth Board") {
		t.Errorf("an answer naming the committee: %s", got)
	}
}

// TestAwayFormReplyNamesCommittee: Graeme sits on two committees and
// opens a form in a direct message, choosing the committee when asked.
// What he reads once he submits it names the committee, as the reply of
// a command typed there does; in the committee's channel it does not.
func TestAwayFormReplyNamesCommittee(t *testing.T) {
	k := meetingKit(t)
	in := k.runIn
	in("C2", ian, "/committee setup Sefton Youth Board")
	in("C2", ian, "/committee member add <@UGRAEME> Merseyside Police")
	in("C2", ian, "/meeting schedule 2026-12-10 10:15 Bootle Town Hall")
	in("C2", ian, "/agenda add 4 Youth Voice")
	dm := k.request(graeme, "")
	dm.ChannelID = "DUGRAEME"
	chosen := func(line string) *commands.Form {
		t.Helper()
		ask := in("DUGRAEME", graeme, line)
		for _, b := range ask.Buttons {
			if b.Label == "Sefton Youth Board" {
				return k.act(dm, b.Action, b.Value).Form
			}
		}
		t.Fatalf("%s was not asked which committee:\n%s", line, shown(ask))
		return nil
	}

	got, errs := k.submit(dm, chosen("/interests add"), map[string]string{"category": "other", "description": "Trustee of SWACA"})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	wantShown(t, shown(got), "Registered #1", "Committee: *Sefton Youth Board* (<#C2>).")

	form := chosen("/declare")
	values := map[string]string{"item": form.Fields[0].Options[0].Value, "kind": "personal", "nature": "Trustee of SWACA"}
	if _, errs := k.submit(dm, form, values); len(errs) > 0 {
		t.Fatal(errs)
	}
	again, errs := k.submit(dm, form, values)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	wantShown(t, shown(again), "You had already declared this interest", "Committee: *Sefton Youth Board* (<#C2>).")

	// In the committee's channel, nothing is added.
	c1 := k.request(graeme, "")
	got, _ = k.submit(c1, k.must(graeme, "/interests add").Form, map[string]string{"category": "other", "description": "Member of Sefton Rotary"})
	if s := shown(got); !strings.Contains(s, "Registered #") || strings.Contains(s, "Committee:") {
		t.Errorf("in the committee's channel: %s", s)
	}
}
