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

// attAnn is a member whom Slack's directory does not know: she is named
// as the officer's mention names her.
const attAnn = "UANN"

// attDay is the meeting of Thursday 10 December 2026 at 10:00 on the day:
// Sue (Sefton CVS) in the chair, Ann (Sefton Council) a member besides
// Neil and Graeme, a quorum of 3 of those four voting members, item 7.7
// on the agenda, Neil's apologies sent, and the clock at 09:55 that
// morning.
func attDay(t *testing.T) *kit {
	t.Helper()
	k := meetingKit(t)
	k.must(ian, "/committee member add <@USUE> Sefton CVS chair")
	k.must(ian, "/committee member add <@UANN|Ann> Sefton Council")
	k.must(ian, "/agenda add 7.7 Sefton CVS — Sue Holden")
	k.must(ian, "/committee quorum 3")
	k.must(neil, "/apologies Unwell")
	k.now = attAt(10, 9, 55)
	return k
}

// attAt is a moment in December 2026 in London.
func attAt(day, hour, minute int) time.Time {
	return time.Date(2026, 12, day, hour, minute, 0, 0, london)
}

// attLive runs the outbox and returns the live message of meeting id as
// the channel last got it, and everything sent.
func attLive(k *kit, id int64) (commands.Reply, []commands.OutboxMessage) {
	k.t.Helper()
	var live *commands.Reply
	sent := k.sent()
	for _, m := range sent {
		if m.MessageKey == commands.LiveKey(id) {
			live = &m.Reply
		}
	}
	if live == nil {
		k.t.Fatalf("no live message for meeting %d went to the channel", id)
	}
	return *live, sent
}

// attRefused runs user's line, which must be refused with a reply holding
// each of want.
func attRefused(k *kit, user, line string, want ...string) {
	k.t.Helper()
	r := k.run(user, line)
	if !r.Refused {
		k.t.Errorf("%s %s was not refused:\n%s", user, line, shown(r))
	}
	wantShown(k.t, shown(r), want...)
}

// attSection is the section whose title starts with title on user's Home
// card (empty when there is none), and the card's buttons.
func attSection(k *kit, user, title string) (commands.Section, []commands.Button) {
	k.t.Helper()
	h, err := k.svc.Home(context.Background(), team, user, k.now)
	if err != nil {
		k.t.Fatal(err)
	}
	if len(h.Cards) == 0 {
		k.t.Fatalf("%s's Home has no cards", user)
	}
	for _, s := range h.Cards[0].Sections {
		if strings.HasPrefix(s.Title, title) {
			return s, h.Cards[0].Buttons
		}
	}
	return commands.Section{}, h.Cards[0].Buttons
}

func attHasButton(bs []commands.Button, label string) bool {
	return slices.ContainsFunc(bs, func(b commands.Button) bool { return b.Label == label })
}

// TestMeetingStartOnTheDay follows a meeting from the chair's opening to
// the paragraphs for the minutes: members press I'm here on the live
// message, the officer marks the rest, an item is taken up, people leave
// until the meeting is inquorate (the chair and the officer are told
// once), and the chair closes it.
func TestMeetingStartOnTheDay(t *testing.T) {
	k := attDay(t)
	id := k.next().ID
	none := "No meeting of Safer Sefton Together is in progress. The officer or the chair opens today's with `/meeting start`."
	attRefused(k, neil, "/meeting start", "Only an officer or the chair of Safer Sefton Together can open the meeting.")
	attRefused(k, ian, "/meeting close", none)
	attRefused(k, ian, "/here", none)
	attRefused(k, ian, "/meeting status", none)
	attRefused(k, ian, "/attendance <@UGRAEME> present", none)

	r := k.must(sue, "/meeting start")
	// The chair who opens it is told that doing so has not marked them
	// here: the minutes would otherwise have no one in the chair.
	if r.Text != "You opened the meeting of *Safer Sefton Together* at 09:55. The live message is going to the channel; members press *I'm here* or type `/here`. Opening it does not mark you here: type `/here` yourself. `/meeting close` ends it." ||
		r.Visibility != commands.Private {
		t.Errorf("start: %+v", r)
	}
	attRefused(k, ian, "/meeting start", "The meeting is already in progress: <@USUE> opened it at 09:55.", "Meeting in progress")

	live, _ := attLive(k, id)
	text := shown(live)
	inOrder(t, text, "Meeting in progress", "*Safer Sefton Together* — Thursday 10 December 2026, 10:00, Remote Meeting\nOpened at 09:55.\n*Inquorate*: 0 present, quorum 3",
		"*Apologies*", "Neil Frackelton (SWACA)", "Press *I'm here* or type `/here`.", "[I'm here]")
	// The footer also says how apologies are received now that members'
	// own are closed, and by whom.
	wantShown(t, text, "Press *I'm here* or type `/here`. Officer or chair: `/attendance @person late 10:20`, `… left 11:05`, `… substitute-for @member`, `… apologies [REASON]` (received at the meeting).")
	if live.Visibility != commands.Public {
		t.Errorf("the live message is not public: %+v", live)
	}

	// Members press I'm here on the live message.
	for _, p := range []struct{ user, want string }{
		{sue, "You are marked present. *Inquorate*: 1 present, quorum 3"},
		{graeme, "You are marked present. *Inquorate*: 2 present, quorum 3"},
		{graeme, "You were marked present already. *Inquorate*: 2 present, quorum 3"},
	} {
		if got := shown(k.press(p.user, live, "I'm here")); got != p.want {
			t.Errorf("%s pressed I'm here: %q, want %q", p.user, got, p.want)
		}
	}
	if got := k.press(stranger, live, "I'm here"); !got.Refused || !strings.Contains(got.Text, "You are not a member of Safer Sefton Together, so I cannot mark you here.") {
		t.Errorf("a stranger pressed I'm here: %+v", got)
	}
	// The officer serves the meeting: in attendance, not counted.
	k.steps([]step{
		{ian, "/here", []string{"You are marked in attendance. *Inquorate*: 2 present, quorum 3"}},
		{ian, "/attendance <@USTRANGER> substitute-for <@UNEIL>", []string{"Mallory is marked present as substitute for Neil Frackelton. Quorate: 3 present, quorum 3"}},
		{ian, `/attendance "Jen Williams (NW Probation)" in-attendance`, []string{"Jen Williams is marked in attendance. Quorate: 3 present, quorum 3"}},
	})
	k.now = attAt(10, 10, 25)
	k.steps([]step{
		{ian, "/attendance <@UANN> late 10:20", []string{"Ann is marked present, arrived late at 10:20. Quorate: 4 present, quorum 3"}},
	})
	// So many marks at once edit the live message once.
	var updates int
	for _, m := range k.sent() {
		if m.MessageKey == commands.LiveKey(id) {
			updates++
		}
	}
	if updates != 1 {
		t.Errorf("%d edits of the live message, want the marks coalesced into 1", updates)
	}

	// An item, and a pecuniary interest declared at the table.
	k.now = attAt(10, 10, 30)
	// The item is named as the agenda has it, and its quorum said once.
	if got := k.say(sue, "/meeting item 7.7"); got != "Item 7.7 (Sefton CVS) is under discussion. Quorate: 4 present, quorum 3." {
		t.Errorf("item: %q", got)
	}
	k.must(sue, "/declare 7.7 pecuniary Chief Executive of Sefton CVS")
	if got := k.say(sue, "/meeting item 7.7"); got != "Item 7.7 (Sefton CVS) is under discussion already, since 10:30; nothing changed. Quorate: 3 present, quorum 3. Sue Holden withdraws for it (disclosable pecuniary interest).\nAs Sue Holden leaves, mark it: `/attendance <@USUE> left`, and `/attendance <@USUE> present` on their return, for the minutes to say they withdrew." {
		t.Errorf("item taken up again: %q", got)
	}
	if got := strings.Count(k.say(sue, "/history attendance"), "item 7.7 taken up"); got != 1 {
		t.Errorf("the item taken up twice in a row is in the meeting's history %d times, want once", got)
	}
	status := k.say(graeme, "/meeting status 7.7")
	wantShown(t, status, "Item 7.7: Quorate: 3 present, quorum 3. Sue Holden withdraws for it (disclosable pecuniary interest).",
		"Ann (Sefton Council) — marked by Ian Barton", "Jen Williams (NW Probation) — marked by Ian Barton", "Mallory — marked by Ian Barton",
		"*Substitutes*\nMallory for Neil Frackelton")
	if strings.Contains(status, "Graeme Robson (Merseyside Police) — marked by") {
		t.Errorf("Graeme marked himself, yet the status names someone else:\n%s", status)
	}
	// The declaration alone brings the live message up to date.
	after, _ := attLive(k, id)
	text = shown(after)
	wantShown(t, text, "Quorate: 4 present, quorum 3\nItem 7.7: Quorate: 3 present, quorum 3. Sue Holden withdraws", "*Present (4)*")
	if strings.Contains(text, "marked by") {
		t.Error("the channel's live message names who marked whom")
	}

	// People leave; the meeting goes inquorate, and the chair and the
	// officer hear once, not at each departure.
	k.now = attAt(10, 11, 10)
	k.steps([]step{
		{ian, "/attendance <@UGRAEME> left 11:05", []string{"Graeme Robson is marked as having left at 11:05. Quorate: 3 present, quorum 3"}},
		{ian, "/attendance <@UANN> left 11:06", []string{"Ann is marked as having left at 11:06. *Inquorate*: 2 present, quorum 3"}},
		{ian, "/attendance <@USTRANGER> left 11:07", []string{"Mallory is marked as having left at 11:07. *Inquorate*: 1 present, quorum 3"}},
	})
	live, sent := attLive(k, id)
	var told []string
	for _, m := range sent {
		if m.Kind == commands.OutboxDM {
			told = append(told, m.UserID)
			if m.Reply.Text != "The meeting of *Safer Sefton Together* is now *inquorate*: 2 voting members present, quorum 3. `/meeting adjourn` adjourns it." {
				t.Errorf("notice to %s: %q", m.UserID, m.Reply.Text)
			}
		}
	}
	slices.Sort(told)
	if !slices.Equal(told, []string{ian, sue}) {
		t.Errorf("told of the lost quorum: %v, want the officer and the chair once each", told)
	}
	text = shown(live)
	// Those who left are listed as such, in the order they were first
	// marked.
	wantShown(t, text, "*Inquorate*: 1 present, quorum 3", "*Present (1)*\nSue Holden (Sefton CVS) (in the Chair)", "*Left*\nGraeme Robson at 11:05\nAnn at 11:06\nMallory at 11:07")

	// Closing: the live message becomes the summary, and the paragraphs
	// are ready for the minutes.
	k.now = attAt(10, 11, 30)
	r = k.must(sue, "/meeting close")
	if r.Text != "You closed the meeting of *Safer Sefton Together* at 11:30; the live message now shows its summary. `/meeting attendance` gives the paragraphs for the minutes." {
		t.Errorf("close: %q", r.Text)
	}
	attRefused(k, sue, "/meeting close", "No meeting of Safer Sefton Together is in progress. Today's closed at 11:30.")
	attRefused(k, sue, "/meeting start", "The meeting on Thursday 10 December 2026 was closed at 11:30; it cannot be opened again.")
	closed, _ := attLive(k, id)
	text = shown(closed)
	inOrder(t, text, "Meeting closed", "Opened at 09:55, closed at 11:30.", "*Present (4)*", "*Substitutes*", "*In attendance*", "*Apologies*", "*Left*")
	if len(closed.Buttons) != 0 || strings.Contains(text, "Inquorate") || strings.Contains(text, "Press *I'm here*") {
		t.Errorf("the closed meeting's summary still reads as live:\n%s", text)
	}
	if got := k.press(graeme, live, "I'm here"); !got.Refused || got.Text != "The meeting on Thursday 10 December 2026 is not in progress." {
		t.Errorf("I'm here after the close: %+v", got)
	}

	att := k.say(neil, "/meeting attendance")
	want := "Attendance at the meeting of *Safer Sefton Together* on Thursday 10 December 2026:\n\n" +
		"Present: Sue Holden (Sefton CVS) (in the Chair), Graeme Robson (Merseyside Police), Mallory and Ann (Sefton Council).\n\n" +
		"In attendance: Ian Barton and Jen Williams (NW Probation).\n\n" +
		"Apologies for absence were received from Neil Frackelton (SWACA).\n\n" +
		"Substitutes: Mallory for Neil Frackelton.\n\n" +
		// Comings and goings in the order they happened.
		"Ann arrived at 10:20.\n" +
		"Graeme Robson left the meeting at 11:05 during consideration of item 7.7.\n" +
		"Ann left the meeting at 11:06 during consideration of item 7.7.\n" +
		// Sue and Mallory (for Neil) are two, where the quorum is three.
		"The meeting became inquorate at 11:06 during consideration of item 7.7 (2 voting members present, quorum 3).\n" +
		"Mallory left the meeting at 11:07 during consideration of item 7.7.\n" +
		"The meeting was still inquorate when it closed at 11:30."
	if att != want {
		t.Errorf("attendance:\n%s\nwant:\n%s", att, want)
	}
	// The next day, the last meeting held is the one meant.
	k.now = attAt(11, 9, 0)
	if got := k.say(graeme, "/meeting attendance"); got != want {
		t.Errorf("attendance the next day:\n%s", got)
	}
}

// TestMeetingOpenIsStart: the chair in front of the room says "open the
// meeting", and `/meeting open` does what `/meeting start` does rather
// than answer with the list of every /meeting form.
func TestMeetingOpenIsStart(t *testing.T) {
	k := attDay(t)
	attRefused(k, neil, "/meeting open", "Only an officer or the chair of Safer Sefton Together can open the meeting.")
	r := k.must(sue, "/meeting open")
	wantShown(t, shown(r), "You opened the meeting of *Safer Sefton Together* at 09:55.")
	attRefused(k, ian, "/meeting open", "The meeting is already in progress: <@USUE> opened it at 09:55.")
	wantShown(t, k.say(ian, "/meeting help open"), "/meeting start [DATE] [TIME]` — also `/meeting open`")
	// The commands' list names the other word too, where a member looks
	// for how to open the meeting; one that is only the plural does not.
	help := k.say(neil, "/meeting help")
	wantShown(t, help, "• `/meeting start [DATE] [TIME]   (officer or chair)` — also `/meeting open`")
	if strings.Contains(help, "`reminder`") {
		t.Errorf("/meeting help names `reminder` beside `reminders`:\n%s", help)
	}
	wantShown(t, k.say(neil, "/agenda help"), "— also `/agenda delete`", "— also `/agenda rename` or `/agenda retitle`", "— also `/agenda renumber`")
}

// TestSubcommandTypoSuggested: a slip of the keyboard in front of the
// room is answered with the form meant and its usage, not "I don't
// know" and every form of the command.
func TestSubcommandTypoSuggested(t *testing.T) {
	k := attDay(t)
	for _, c := range []struct{ line, want string }{
		{"/meeting strat", "I don't know `strat`: did you mean `/meeting start`?\nUsage:\n• `/meeting start [DATE] [TIME]`"},
		{"/meeting clsoe", "I don't know `clsoe`: did you mean `/meeting close`?\nUsage:\n• `/meeting close [anyway]`"},
		{"/meeting adjurn", "I don't know `adjurn`: did you mean `/meeting adjourn`?"},
		{"/minutes aprove", "I don't know `aprove`: did you mean `/minutes approve`?"},
		// A slip nearer one name than another is the nearer: "minuets" is
		// one slip from `minutes`, two from `minute` (`/history resolution`).
		{"/history minuets", "I don't know `minuets`: did you mean `/history minutes`?\nUsage:\n• `/history minutes [DATE]`"},
	} {
		r := k.run(sue, c.line)
		if got := shown(r); !r.Refused || !strings.HasPrefix(got, c.want) {
			t.Errorf("%s:\n%s\nwant it to start %q", c.line, got, c.want)
		}
	}
	// A word near none of them still lists them all.
	wantShown(t, k.say(sue, "/meeting dance"), "I don't know `dance`.\nUsage:", "/meeting close")
}

// TestMeetingStartRefused: the meeting opens only on its day, from three
// hours before its start, and not when cancelled; each refusal says why
// and what to type instead.
func TestMeetingStartRefused(t *testing.T) {
	k := attDay(t)
	k.now = now
	k.must(ian, "/meeting schedule 2026-12-17 10:00")
	k.must(ian, "/meeting cancel 2026-12-17")
	for _, c := range []struct {
		at         time.Time
		user, line string
		want       string
	}{
		// The next meeting is days away: its date, given, would be refused
		// too, so the answer says when it can be opened instead.
		{now, ian, "/meeting start", "Safer Sefton Together has no meeting today. The next is on Thursday 10 December 2026, 10:00, and can be opened on the day from 07:00. If the committee meets today, an officer schedules the meeting first: `/meeting schedule today TIME`."},
		{now, ian, "/meeting start 10/12/2026", "The meeting on Thursday 10 December 2026 starts at 10:00: it can be opened on the day, from 07:00."},
		{attAt(10, 6, 59), sue, "/meeting start", "The meeting on Thursday 10 December 2026 starts at 10:00: it can be opened from 07:00."},
		{attAt(10, 9, 0), ian, "/meeting start 11/12/2026", "Safer Sefton Together has no meeting on Friday 11 December 2026."},
		{attAt(10, 9, 0), neil, "/meeting start", "Only an officer or the chair of Safer Sefton Together can open the meeting."},
		{attAt(17, 9, 50), ian, "/meeting start 17/12/2026", "The meeting on Thursday 17 December 2026 was cancelled, so it cannot be opened."},
		// A cancelled meeting is no meeting of the day; with none to come,
		// the answer says how to schedule one.
		{attAt(17, 9, 50), ian, "/meeting start", "Safer Sefton Together has no meeting today, and none is scheduled: an officer schedules one with `/meeting schedule DATE TIME`."},
	} {
		k.now = c.at
		attRefused(k, c.user, c.line, c.want)
	}
	k.must(ian, "/meeting schedule 2027-01-14 10:00")
	attRefused(k, ian, "/meeting start", "Safer Sefton Together has no meeting today. The next is on Thursday 14 January 2027, 10:00, and can be opened on the day from 07:00.")
	// A meeting due within the hours it may be opened before its start
	// (one just after midnight) is the one meant: its date is the example.
	k.must(ian, "/meeting schedule 2026-12-18 00:30")
	k.now = attAt(17, 22, 0)
	attRefused(k, ian, "/meeting start", "Safer Sefton Together has no meeting today. Give the date of the one you mean: `/meeting start 18/12/2026`.")
	if n := attRows(k, `SELECT count(*) FROM meeting_sessions`); n != 0 {
		t.Errorf("%d conduct records after refusals, want none", n)
	}
	// A stranger is not let in at all.
	k.now = attAt(10, 9, 0)
	if r := k.run(stranger, "/meeting start"); !r.Refused {
		t.Errorf("a stranger opened the meeting: %s", shown(r))
	}

	// From 07:00 the meeting opens, by its date as well.
	k.now = attAt(10, 7, 0)
	wantShown(t, k.say(ian, "/meeting start 10/12/2026"), "You opened the meeting of *Safer Sefton Together* at 07:00.")
	if n := attRows(k, `SELECT count(*) FROM meeting_sessions WHERE action = 'opened' AND by_user = 'UIAN'`); n != 1 {
		t.Errorf("%d openings recorded, want 1", n)
	}
}

// attRows is a count from the records.
func attRows(k *kit, query string) int {
	k.t.Helper()
	var n int
	if err := k.db.SQL().QueryRow(query).Scan(&n); err != nil {
		k.t.Fatal(err)
	}
	return n
}

// TestAttendanceMarks: what the officer types at /attendance and what
// they read back; a member marks only themselves; bad input says what is
// wrong and how to put it right.
func TestAttendanceMarks(t *testing.T) {
	k := attDay(t)
	attRefused(k, ian, "/attendance <@UANN> present", "No meeting of Safer Sefton Together is in progress.")
	k.must(sue, "/meeting start")
	k.now = attAt(10, 10, 40)
	k.steps([]step{
		{ian, "/attendance <@UGRAEME> present", []string{"Graeme Robson is marked present. *Inquorate*: 1 present, quorum 3"}},
		// Marked again as they stand, nothing changes.
		{ian, "/attendance <@UGRAEME> here", []string{"Graeme Robson is marked present already."}},
		{ian, "/attendance <@UANN> late at 10.20am", []string{"Ann is marked present, arrived late at 10:20. *Inquorate*: 2 present, quorum 3"}},
		{neil, "/attendance <@UNEIL> remote", []string{"You are marked present remotely. Your apologies for this meeting are withdrawn: you are here. Quorate: 3 present, quorum 3"}},
		{sue, "/attendance <@USUE> arrived", []string{"You are marked present, arrived late at 10:40. Quorate: 4 present, quorum 3"}},
		// The chair marks others as the officer does.
		{sue, "/attendance <@UANN> absent", []string{"Ann is marked absent. Quorate: 3 present, quorum 3"}},
		{sue, `/attendance “Jen Williams (NW Probation)” attending`, []string{"Jen Williams is marked in attendance."}},
		{ian, "/attendance <@USTRANGER> in attendance", []string{"Mallory is marked in attendance."}},
		{ian, "/attendance <@UGRAEME> gone", []string{"Graeme Robson is marked as having left at 10:40. *Inquorate*: 2 present, quorum 3"}},
		// Back in the room.
		{ian, "/attendance <@UGRAEME> present", []string{"Graeme Robson is marked present. Quorate: 3 present, quorum 3"}},
		{ian, `/attendance "Tom Hill" present`, []string{"Tom Hill is marked present."}},
	})
	status := k.say(graeme, "/meeting status")
	wantShown(t, status, "Quorate: 3 present, quorum 3",
		"Graeme Robson (Merseyside Police) — marked by Ian Barton",
		"Neil Frackelton (SWACA) (remotely)",
		"Sue Holden (Sefton CVS) (in the Chair)",
		// As the minutes print them: a guest present is also present, not
		// in attendance.
		"*Also present*\nTom Hill — marked by Ian Barton\n*In attendance*\nJen Williams (NW Probation) — marked by Sue Holden\nMallory — marked by Ian Barton")
	// Ann, marked absent, is listed as such, not as here.
	if here, _, _ := strings.Cut(status, "*Absent*\nAnn (Sefton Council)\n"); strings.Contains(here, "Ann (Sefton Council)") || here == status {
		t.Errorf("Ann, marked absent, is listed as here, or not as absent:\n%s", status)
	}
	att := k.say(ian, "/meeting attendance")
	wantShown(t, att, "Present: Sue Holden (Sefton CVS) (in the Chair), Graeme Robson (Merseyside Police) and Neil Frackelton (SWACA) (remotely).",
		"Also present: Tom Hill.", "In attendance: Jen Williams (NW Probation) and Mallory.", "Absent: Ann (Sefton Council).",
		"Sue Holden arrived at 10:40.")
	// Neil turned up remotely: his apology no longer stands.
	if strings.Contains(att, "Apologies") {
		t.Errorf("Neil's apology still stands after he turned up:\n%s", att)
	}

	for _, c := range []struct{ user, line, want string }{
		{neil, "/attendance <@UGRAEME> left", "Only an officer or the chair of Safer Sefton Together can mark someone else. You can mark yourself with `/here` or the *I'm here* button."},
		{ian, "/attendance <@UANN> late 25:00", "25:00 is not a time"},
		{ian, "/attendance <@UANN> late soon", "Soon is not a time: use 10:20 or 10.20am."},
		{ian, "/attendance <@UJAN> present", "<@UJAN> is not a member of Safer Sefton Together. Add them first (`/committee member add <@UJAN> ORGANISATION`), record them as in attendance (`/attendance <@UJAN> in-attendance`), or by name (`/attendance \"Name (Organisation)\" present`)."},
		{ian, "/attendance neil present", "Start with the person's mention: `/attendance <@UNEIL> present` for Neil Frackelton (SWACA)."},
		// The whole name typed, with or without the organisation: the
		// line suggested has the mention in its place, not after a first word.
		{ian, "/attendance Neil Frackelton present", "Start with the person's mention: `/attendance <@UNEIL> present` for Neil Frackelton (SWACA)."},
		{ian, "/attendance neil frackelton (SWACA) late 10:20", "Start with the person's mention: `/attendance <@UNEIL> late 10:20` for Neil Frackelton (SWACA)."},
		{ian, "/attendance Frackelton left", "Start with the person's mention: `/attendance <@UNEIL> left` for Neil Frackelton (SWACA)."},
		{ian, "/attendance helen apologies Unwell", "Start with the person: @name, or \"Name (Organisation)\" for someone not in Slack."},
		{ian, "/attendance ann apologies Unwell", "Start with the person's mention: `/attendance <@UANN> apologies Unwell` for Ann (Sefton Council)."},
		{ian, "/attendance @nobody present", "I could not find @nobody: type @ and pick the person, so that Slack links the name, or give \"Name (Organisation)\" for someone not in Slack."},
		{ian, "/attendance <@ present", "&lt;@ is not a mention: type @ and pick the person."},
		// What is quoted back is escaped: no one is notified by a refusal.
		{ian, "/attendance <@UANN> late <!channel>", "&lt;!channel&gt; is not a time: use 10:20 or 10.20am."},
		{ian, `/attendance "Jen Williams present`, "Close the name's quotation marks."},
		{ian, `/attendance "" present`, "Give the person's name in quotation marks, e.g. \"Jen Williams (NW Probation)\""},
		{ian, "/attendance <@UANN>", "Say what to record: present, late HH:MM, left HH:MM, absent, apologies [REASON], remote, in-attendance, substitute-for @member or chair"},
		{ian, "/attendance <@UANN> dancing", `I don't know "dancing": say present, late HH:MM`},
		// Several people in one line: each is marked with a line of their
		// own, given to copy, not Slack's markup quoted as a word unknown.
		{ian, "/attendance <@UNEIL|neil> <@UGRAEME|graeme> present", "Mark one person at a time: `/attendance <@UNEIL> present`, then `/attendance <@UGRAEME> present`."},
		{ian, "/attendance <@UNEIL|neil>, <@UGRAEME|graeme> and <@UANN|ann> late 10:20", "Mark one person at a time: `/attendance <@UNEIL> late 10:20`, then `/attendance <@UGRAEME> late 10:20`, then `/attendance <@UANN> late 10:20`."},
		{ian, `/attendance "Jen Williams (NW Probation)" <@UGRAEME|graeme> in-attendance`, "Mark one person at a time: `/attendance \"Jen Williams (NW Probation)\" in-attendance`, then `/attendance <@UGRAEME> in-attendance`."},
		{ian, "/attendance <@UANN> <!channel>", `I don't know "&lt;!channel&gt;": say present`},
		{ian, "/attendance <@UANN> present now", "Present takes nothing after it."},
		{ian, "/attendance <@USTRANGER> substitute-for", "Name the member they stand in for: substitute-for @member."},
		{ian, "/attendance <@USTRANGER> substitute-for Ann", "Ann is not a mention: type @ and pick the member they stand in for."},
		{ian, "/attendance <@USTRANGER> substitute-for <@UJAN>", "<@UJAN> is not a member of Safer Sefton Together, so no one can substitute for them."},
		{ian, "/attendance <@USUE> substitute-for <@USUE>", "Sue Holden cannot substitute for themselves: a substitute stands in for another member. Mark them present with `/attendance <@USUE> present`."},
		{ian, `/attendance "Sue Holden" substitute-for <@USUE>`, "Sue Holden cannot substitute for themselves"},
	} {
		attRefused(k, c.user, c.line, c.want)
	}
	// Bad input shows how to type the command.
	wantShown(t, k.say(ian, "/attendance <@UANN> dancing"), "/attendance @person substitute-for @member")
	if r := k.run(stranger, "/attendance <@USTRANGER> present"); !r.Refused {
		t.Errorf("a stranger marked themselves with /attendance: %s", shown(r))
	}
}

// TestAttendanceTimesDuringTheMeeting: a time given for an arrival or a
// departure is one during the meeting, on its day: before it was opened,
// or still to come, it is refused and nothing is recorded.
func TestAttendanceTimesDuringTheMeeting(t *testing.T) {
	k := committeeKit(t)
	k.must(ian, "/meeting schedule 2026-12-03 15:30")
	k.now = attAt(3, 13, 50)
	k.must(ian, "/meeting start")
	k.must(graeme, "/here")
	k.now = attAt(3, 13, 53)
	for _, c := range []struct{ line, want string }{
		{"/attendance <@UGRAEME> left 10:40", "The meeting opened at 13:50, so no one left at 10:40. Give a time from 13:50 to now (13:53), or leave the time out for now."},
		// The morning of the meeting's day, not the next morning.
		{"/attendance <@UGRAEME> late 09:00", "The meeting opened at 13:50, so no one arrived late at 09:00. Give a time from 13:50 to now (13:53), or leave the time out for now."},
		{"/attendance <@UGRAEME> left 23:59", "23:59 is still to come: it is 13:53 now. Give a time from 13:50 to now, or leave the time out for now."},
		{"/attendance <@UNEIL> late 13:54", "13:54 is still to come"},
	} {
		attRefused(k, ian, c.line, c.want)
	}
	if n := attRows(k, `SELECT count(*) FROM attendance_marks`); n != 1 {
		t.Errorf("%d attendance marks after the refusals, want Graeme's own", n)
	}
	k.steps([]step{
		{ian, "/attendance <@UNEIL> late 13:50", []string{"Neil Frackelton is marked present, arrived late at 13:50."}},
		{ian, "/attendance <@UGRAEME> left 13:53", []string{"Graeme Robson is marked as having left at 13:53."}},
	})
	// "none" is not "now": after a time, it would withdraw the departure
	// the refusal was about (or, after late, be no time at all), so the
	// refusals above say to leave the time out.
	for _, line := range []string{"/attendance <@UGRAEME> left 10:40", "/attendance <@UNEIL> late 09:00"} {
		if got := k.say(ian, line); strings.Contains(got, "none") {
			t.Errorf("%s: the refusal offers none, which is not now: %s", line, got)
		}
	}
	k.now = attAt(3, 13, 55)
	k.must(ian, "/meeting close")
	inOrder(t, k.say(ian, "/history attendance"), "<@UNEIL> marked present, arrived late at 13:50", "<@UGRAEME> marked as having left at 13:53", "meeting closed")
	inOrder(t, k.say(ian, "/meeting attendance"), "Neil Frackelton arrived at 13:50.", "Graeme Robson left the meeting at 13:53.")
}

// TestAttendanceLeftOnlyAfterArriving: a departure is recorded only for
// someone marked present, and not before they arrived: otherwise the
// minutes would have them leave before they came, or list them nowhere.
// Refused, nothing is recorded.
func TestAttendanceLeftOnlyAfterArriving(t *testing.T) {
	k := committeeKit(t)
	k.must(ian, "/committee member add <@USUE> Sefton CVS")
	k.must(ian, "/meeting schedule 2026-12-03 15:30")
	k.now = attAt(3, 14, 21)
	k.must(ian, "/meeting start")
	k.now = attAt(3, 14, 25)
	k.must(ian, "/attendance <@UNEIL> late")
	k.must(ian, "/attendance <@UGRAEME> absent")
	k.must(ian, `/attendance "Jen Williams (NW Probation)" in-attendance`)
	k.now = attAt(3, 14, 27)
	before := k.say(ian, "/history attendance")
	for _, c := range []struct{ user, line, want string }{
		{ian, "/attendance <@UNEIL> left 14:24", "Neil Frackelton arrived at 14:25, so cannot have left at 14:24. Give a time from 14:25 to now (14:27), or leave the time out for now."},
		{neil, "/attendance <@UNEIL> left 14:22", "You arrived at 14:25, so you cannot have left at 14:22. Give a time from 14:25 to now (14:27), or leave the time out for now."},
		{ian, "/attendance <@USUE> left", "Sue Holden is not marked present at this meeting, so cannot be marked as having left. Mark them present first: `/attendance <@USUE> present`, or `/attendance <@USUE> late HH:MM` if they came late."},
		{ian, "/attendance <@UGRAEME> left 14:26", "Graeme Robson is not marked present at this meeting, so cannot be marked as having left."},
		{sue, "/attendance <@USUE> left", "You are not marked present at this meeting, so you cannot be marked as having left. Mark yourself present first with `/here`."},
		{ian, `/attendance "Sam Reed (Sefton Council)" left`, "Sam Reed is not marked present at this meeting, so cannot be marked as having left. Mark them present first: `/attendance \"Sam Reed (Sefton Council)\" present`"},
	} {
		attRefused(k, c.user, c.line, c.want)
	}
	if after := k.say(ian, "/history attendance"); after != before {
		t.Errorf("a refused departure was recorded:\n%s\nwas:\n%s", after, before)
	}
	k.steps([]step{
		{ian, "/attendance <@UNEIL> left 14:25", []string{"Neil Frackelton is marked as having left at 14:25."}},
		{ian, `/attendance "Jen Williams" left 14:26`, []string{"Jen Williams is marked as having left at 14:26."}},
		// Back after leaving, they leave again after they came back.
		{ian, "/attendance <@UNEIL> present", []string{"Neil Frackelton is marked present."}},
		{ian, "/attendance <@UNEIL> left 14:26", []string{"Neil Frackelton arrived at 14:27, so cannot have left at 14:26."}},
	})
	k.must(ian, "/attendance <@UNEIL> left")
	att := k.say(ian, "/meeting attendance")
	inOrder(t, att, "Neil Frackelton arrived at 14:25.", "Neil Frackelton left the meeting at 14:27.")
	if strings.Contains(att, "14:24") || strings.Contains(att, "Sue Holden") {
		t.Errorf("a refused departure is in the minutes:\n%s", att)
	}
}

// TestAttendanceLeftAfterLaterMark: someone who arrived at 14:25 and
// moved to the call at 14:40 is told of the move, not that they arrived at
// 14:40, when a departure is given before it; a departure given again, to
// correct its time, is taken from when they arrived.
func TestAttendanceLeftAfterLaterMark(t *testing.T) {
	k := committeeKit(t)
	k.must(ian, "/meeting schedule 2026-12-03 15:30")
	k.now = attAt(3, 14, 21)
	k.must(ian, "/meeting start")
	k.now = attAt(3, 14, 25)
	k.must(ian, "/attendance <@UNEIL> present")
	k.now = attAt(3, 14, 40)
	k.must(neil, "/here remote")
	k.now = attAt(3, 14, 50)
	attRefused(k, ian, "/attendance <@UNEIL> left 14:35",
		"Neil Frackelton was marked present remotely at 14:40, so cannot have left at 14:35. Give a time from 14:40 to now (14:50), or leave the time out for now.")
	attRefused(k, neil, "/attendance <@UNEIL> left 14:35",
		"You were marked present remotely at 14:40, so you cannot have left at 14:35.")
	k.steps([]step{
		{ian, "/attendance <@UNEIL> left 14:45", []string{"Neil Frackelton is marked as having left at 14:45."}},
		// The departure was earlier than first given: still after 14:40.
		{ian, "/attendance <@UNEIL> left 14:42", []string{"Neil Frackelton is marked as having left at 14:42."}},
	})
	attRefused(k, ian, "/attendance <@UNEIL> left 14:38", "was marked present remotely at 14:40, so cannot have left at 14:38.")
	attRefused(k, ian, "/attendance <@UNEIL> left 14:22", "Neil Frackelton arrived at 14:25, so cannot have left at 14:22.")
}

// TestAttendanceNoneInProgress: with no meeting in progress, what takes
// one says what there is instead, and suggests /meeting start only for a
// meeting of the day not yet opened; nothing is recorded. Once today's has
// closed, a mark is told too that its attendance stands, and how to put
// the minutes right.
func TestAttendanceNoneInProgress(t *testing.T) {
	k := committeeKit(t)
	lines := []string{"/here", "/meeting close", "/meeting status", "/meeting item 3", "/attendance <@UGRAEME> present"}
	stands := ""
	refused := func(want string) {
		t.Helper()
		for _, line := range lines {
			r := k.run(ian, line)
			want := want
			if strings.HasPrefix(line, "/attendance") {
				want += stands
			}
			if !r.Refused || r.Text != want {
				t.Errorf("%s: %+v, want refused with %q", line, r, want)
			}
		}
	}
	refused("No meeting of Safer Sefton Together is in progress, and none is scheduled: an officer schedules one with `/meeting schedule DATE TIME`.")

	k.must(ian, "/meeting schedule 2026-12-10 10:00")
	k.must(ian, "/meeting schedule 2026-12-03 15:30")
	k.now = attAt(2, 14, 21)
	refused("No meeting of Safer Sefton Together is in progress, and there is none today. The next is on Thursday 3 December 2026.")

	k.now = attAt(3, 8, 0)
	refused("No meeting of Safer Sefton Together is in progress. Today's starts at 15:30; the officer or the chair can open it with `/meeting start` from 12:30.")

	k.now = attAt(3, 14, 21)
	refused("No meeting of Safer Sefton Together is in progress. The officer or the chair opens today's with `/meeting start`.")
	k.must(ian, "/meeting start")
	k.must(graeme, "/here")
	k.now = attAt(3, 14, 26)
	k.must(ian, "/meeting close")
	history := k.say(ian, "/history attendance")
	stands = " Its attendance now stands and can no longer be marked: to put the minutes right, an officer amends the minute concerned with `/minutes amend 2026-12-03 MINUTE TEXT` (`/minutes draft 2026-12-03` gives the numbers); a declaration they leave out goes in the declarations minute."
	refused("No meeting of Safer Sefton Together is in progress. Today's closed at 14:26. The next is on Thursday 10 December 2026.")
	attRefused(k, ian, "/meeting start", "The meeting on Thursday 3 December 2026 was closed at 14:26; it cannot be opened again.")
	if got := k.say(ian, "/history attendance"); got != history {
		t.Errorf("something was recorded after the meeting closed:\n%s\nwas:\n%s", got, history)
	}
	if n := attRows(k, `SELECT count(*) FROM attendance_marks`); n != 1 {
		t.Errorf("%d attendance marks, want Graeme's alone", n)
	}

	k.must(ian, "/meeting cancel 2026-12-10")
	k.now = attAt(3, 18, 0)
	refused("No meeting of Safer Sefton Together is in progress. Today's closed at 14:26.")
}

// strangerSubForAnn is the attendance kit with Ann's apologies sent, the
// week before, naming someone not a member as her substitute, and the
// meeting opened.
func strangerSubForAnn(t *testing.T) *kit {
	t.Helper()
	k := attDay(t)
	day := k.now
	k.now = now
	k.must(attAnn, "/apologies Annual leave sub <@USTRANGER>")
	k.now = day
	k.must(ian, "/meeting start")
	return k
}

// TestAttendanceHereAndSubstitutes: /here and /here remote; a member who
// sent apologies and turns up has them withdrawn, with history; the
// substitute a member named in their apology marks themselves and counts
// for them; anyone else not a member is refused.
func TestAttendanceHereAndSubstitutes(t *testing.T) {
	k := strangerSubForAnn(t)
	k.steps([]step{
		{graeme, "/here later", []string{"`/here` takes nothing, or `remote`."}},
		// Someone named: /here is one's own; the answer gives the form
		// that marks them.
		{ian, "/here <@UNEIL|neil>", []string{"`/here` marks only you. To mark someone else, the officer or the chair types `/attendance <@UNEIL> present`."}},
		{ian, `/here "Jen Williams (NW Probation)" remote`, []string{"`/here` marks only you. To mark someone else, the officer or the chair types `/attendance \"Jen Williams (NW Probation)\" remote`."}},
		{"UJAN", "/here", []string{"You are not a member of Safer Sefton Together, so I cannot mark you here. The officer or the chair can record you: `/attendance @you in-attendance`, or `/attendance @you substitute-for @member`."}},
		{stranger, "/here", []string{"You are marked present as substitute for Ann. *Inquorate*: 1 present, quorum 3"}},
		{stranger, "/here", []string{"You were marked present as substitute for Ann already."}},
		// "Remotely" and "online", as /attendance takes them.
		{graeme, "/here remotely", []string{"You are marked present remotely. *Inquorate*: 2 present, quorum 3"}},
		{graeme, "/here online", []string{"You were marked present remotely already."}},
		{neil, "/here", []string{"You are marked present. Your apologies for this meeting are withdrawn: you are here. Quorate: 3 present, quorum 3"}},
		// The officer, even remotely, serves the meeting.
		{ian, "/here remote", []string{"You are marked in attendance, remotely. Quorate: 3 present, quorum 3"}},
	})
	wantShown(t, k.say(sue, "/meeting status"), "*Substitutes*\nMallory for Ann", "Graeme Robson (Merseyside Police) (remotely)", "*In attendance*\nIan Barton (remotely)")
	apologies := k.say(ian, "/apologies list")
	if strings.Contains(apologies, "Neil") || !strings.Contains(apologies, "Ann") {
		t.Errorf("apologies after Neil turned up:\n%s", apologies)
	}
	wantShown(t, k.say(ian, "/history apologies"), "<@UNEIL> withdrew their apologies: attended the meeting")

	// The substitute's later marks keep them the substitute.
	k.now = attAt(10, 11, 0)
	wantShown(t, k.say(ian, "/attendance <@USTRANGER> left 10:50"), "Mallory is marked as having left at 10:50. *Inquorate*: 2 present, quorum 3")
	wantShown(t, k.say(ian, "/meeting attendance"), "Substitutes: Mallory for Ann.", "Apologies for absence were received from Ann (Sefton Council).", "Mallory left the meeting at 10:50.")

	k.must(ian, "/meeting close")
	attRefused(k, stranger, "/here", "No meeting of Safer Sefton Together is in progress.")
}

// TestHistoryAttendanceOfASubstitute: a substitute who is not a member
// reads their own marks, and no one else's, nor the meeting's conduct;
// someone not a member with no mark at the meeting is told they are not a
// member.
func TestHistoryAttendanceOfASubstitute(t *testing.T) {
	k := strangerSubForAnn(t)
	k.must(stranger, "/here")
	k.must(graeme, "/here")
	k.now = attAt(10, 11, 0)
	k.must(ian, "/attendance <@USTRANGER> left 10:50")

	want := "*History of the attendance* at the meeting of *Safer Sefton Together* on Thursday 10 December 2026: your marks.\n" +
		"• 10 Dec 2026 09:55 — <@USTRANGER> marked present as substitute for Ann\n" +
		"• 10 Dec 2026 10:50 — <@USTRANGER> marked as having left at 10:50 _(entered by <@UIAN>)_\n" +
		"Times are Europe/London: when the meeting was opened, or the time a mark records."
	for _, line := range []string{"/history attendance", "/history attendance <@USTRANGER>", "/history attendance 10/12/2026"} {
		if got := k.say(stranger, line); got != want {
			t.Errorf("%s reads:\n%s\nwant:\n%s", line, got, want)
		}
	}
	attRefused(k, stranger, "/history attendance <@UGRAEME>",
		"You can read your own attendance marks only, so I can't show you <@UGRAEME>'s. An officer, the chair or the vice-chair of Safer Sefton Together can. Yours: `/history attendance`.")
	attRefused(k, stranger, `/history attendance "Jen Williams"`, "You can read your own attendance marks only")
	for _, line := range []string{"/history attendance", "/history attendance <@USTRANGER>", "/history attendance <@UGRAEME>", "/history attendance 03/12/2026"} {
		attRefused(k, "UJAN", line, "You are not a member of Safer Sefton Together.")
	}
	// Their marks at this meeting are not a membership: another meeting's
	// are not theirs to read.
	attRefused(k, stranger, "/history attendance next", "You are not a member of Safer Sefton Together.")
}

// A member who turns up while their substitute is here counts once, as
// the quorum counts them: the live message's list of those present
// agrees with its count, and says how the substitute stands.
func TestMemberAndSubstituteBothPresentCountOnce(t *testing.T) {
	k := attDay(t)
	id := k.next().ID
	k.must(sue, "/meeting start")
	k.must(sue, "/here")
	k.must(graeme, "/here")
	wantShown(t, k.say(ian, "/attendance <@USTRANGER> substitute-for <@UNEIL>"), "Quorate: 3 present, quorum 3")
	wantShown(t, k.say(neil, "/here"), "Quorate: 3 present, quorum 3")
	const note = "*Substitutes*\nMallory for Neil Frackelton — not counted while Neil Frackelton is here: a member and their substitute count once"
	live, _ := attLive(k, id)
	inOrder(t, shown(live), "Quorate: 3 present, quorum 3", "*Present (3)*", note)
	if strings.Contains(shown(live), "Present (4)") {
		t.Errorf("the list and the count disagree:\n%s", shown(live))
	}
	inOrder(t, k.say(graeme, "/meeting status"), "Quorate: 3 present, quorum 3", "*Present (3)*", note)
	// Once the member has left, the substitute counts for them again.
	k.now = attAt(10, 10, 30)
	wantShown(t, k.say(ian, "/attendance <@UNEIL> left 10:30"), "Quorate: 3 present, quorum 3")
	inOrder(t, k.say(graeme, "/meeting status"), "Quorate: 3 present, quorum 3", "*Present (3)*", "Mallory", "*Substitutes*\nMallory for Neil Frackelton\n")
}

// An item typed with a comma for its dot ("7,7", as a phone's keypad
// offers it), or with a leading nought ("02"), is answered with the item
// meant; resuming a meeting that is
// not adjourned says what state it is in and what can be done instead.
func TestMeetingRepliesSayWhatWasMeant(t *testing.T) {
	k := attDay(t)
	k.must(sue, "/meeting start")
	attRefused(k, sue, "/meeting item 7,7", "Item 7,7 is not on the agenda for the meeting on Thursday 10 December 2026. Did you mean item 7.7? Its items are")
	attRefused(k, graeme, "/meeting status 7,7", "Did you mean item 7.7?")
	// Figures with a leading nought, as some keypads and habits give them.
	attRefused(k, sue, "/meeting item 02", "Item 02 is not on the agenda for the meeting on Thursday 10 December 2026. Did you mean item 2? Its items are")
	attRefused(k, sue, "/meeting item 7.07", "Did you mean item 7.7?")
	attRefused(k, sue, "/meeting resume", "The meeting is in progress, not adjourned (opened at 09:55), so there is nothing to resume: `/meeting adjourn` adjourns it, `/meeting close` closes it.")
	k.must(sue, "/meeting item 7.7")
	attRefused(k, sue, "/meeting resume", "The meeting is in progress, not adjourned (opened at 09:55; item 7.7 under discussion), so there is nothing to resume")
}

// TestAttendanceAdjournAndResume: adjourning and resuming are announced
// in the channel and shown on the live message; out of turn, each says
// why not; moving to an item names it and its quorum.
func TestAttendanceAdjournAndResume(t *testing.T) {
	k := attDay(t)
	id := k.next().ID
	attRefused(k, sue, "/meeting adjourn", "No meeting of Safer Sefton Together is in progress.")
	attRefused(k, sue, "/meeting item 7.7", "No meeting of Safer Sefton Together is in progress.")
	k.must(sue, "/meeting start")
	k.must(graeme, "/here")
	k.steps([]step{
		{sue, "/meeting resume", []string{"The meeting is in progress, not adjourned"}},
		{neil, "/meeting adjourn", []string{"Only an officer or the chair of Safer Sefton Together can adjourn the meeting."}},
		{neil, "/meeting item 7.7", []string{"Only an officer or the chair of Safer Sefton Together can move the meeting on."}},
		{sue, "/meeting item", []string{"Give the item's number, e.g. `/meeting item 7.7`."}},
		{sue, "/meeting item 7.7 now", []string{"Give the item's number, e.g. `/meeting item 7.7`."}},
		{sue, "/meeting item 99", []string{"99"}},
		{sue, "/meeting close now", []string{"`close` takes nothing after it."}},
		{sue, "/meeting adjourn briefly", []string{"`adjourn` takes nothing after it."}},
		{graeme, "/meeting status 7.7 4", []string{"`status` takes at most an item's number."}},
		{graeme, "/meeting status 99", []string{"99"}},
	})
	if n := attRows(k, `SELECT count(*) FROM meeting_sessions`); n != 1 {
		t.Errorf("%d conduct records after refusals, want the opening alone", n)
	}

	k.now = attAt(10, 11, 0)
	r := k.must(sue, "/meeting adjourn")
	if r.Text != "The meeting of *Safer Sefton Together* was adjourned at 11:00." || r.Visibility != commands.Public {
		t.Errorf("adjourn: %+v", r)
	}
	k.steps([]step{
		{sue, "/meeting adjourn", []string{"The meeting is already adjourned (since 11:00): `/meeting resume` resumes it."}},
		{sue, "/meeting item 7.7", []string{"The meeting is adjourned: `/meeting resume` resumes it first."}},
		// Reconvening is resuming: "start" is answered with the command.
		{sue, "/meeting start", []string{"The meeting is adjourned (since 11:00), not closed: `/meeting resume` reconvenes it. <@USUE> opened it at 09:55."}},
		// People may still arrive while it is adjourned.
		{neil, "/here", []string{"You are marked present. Your apologies for this meeting are withdrawn: you are here. *Inquorate*: 2 present, quorum 3"}},
	})
	live, _ := attLive(k, id)
	inOrder(t, shown(live), "Meeting adjourned", "Opened at 09:55; adjourned.", "*Inquorate*: 2 present, quorum 3", "[I'm here]")
	wantShown(t, k.say(graeme, "/meeting status"), "Meeting adjourned")

	k.now = attAt(10, 11, 15)
	r = k.must(sue, "/meeting resume")
	if r.Text != "The meeting of *Safer Sefton Together* resumed at 11:15." || r.Visibility != commands.Public {
		t.Errorf("resume: %+v", r)
	}
	attRefused(k, sue, "/meeting resume", "The meeting is in progress, not adjourned (opened at 09:55), so there is nothing to resume")
	k.must(sue, "/here")
	// "Item 7.7", as the chair reads it from the agenda, is the item too.
	if got := k.say(sue, "/meeting item Item 7.7"); got != "Item 7.7 (Sefton CVS) is under discussion. Quorate: 3 present, quorum 3." {
		t.Errorf("item: %q", got)
	}
	live, _ = attLive(k, id)
	inOrder(t, shown(live), "Meeting in progress", "Opened at 09:55.", "Quorate: 3 present, quorum 3", "Item 7.7: Quorate: 3 present, quorum 3.")
	// The item's line on its own, for anyone who asks.
	if got := k.run(neil, "/meeting status 7.7"); !strings.HasPrefix(got.Text, "Item 7.7: Quorate: 3 present, quorum 3.\n*Safer Sefton Together*") || got.Visibility != commands.Private {
		t.Errorf("status 7.7: %+v", got)
	}
	// Closing while adjourned is allowed.
	k.now = attAt(10, 11, 30)
	k.must(sue, "/meeting adjourn")
	wantShown(t, k.say(ian, "/meeting close"), "You closed the meeting of *Safer Sefton Together* at 11:30")
	if n := attRows(k, `SELECT count(*) FROM meeting_sessions WHERE action IN ('adjourned', 'resumed')`); n != 3 {
		t.Errorf("%d adjournments and resumptions recorded, want 3", n)
	}
	attRefused(k, sue, "/meeting resume", "No meeting of Safer Sefton Together is in progress.")
	if got := k.say(neil, "/meeting attendance"); !strings.Contains(got, "Present: Sue Holden (Sefton CVS) (in the Chair), Graeme Robson (Merseyside Police) and Neil Frackelton (SWACA).") {
		t.Errorf("attendance:\n%s", got)
	}
	// The minutes record the adjournments, among the comings and goings.
	wantShown(t, k.say(ian, "/minutes draft"), "Present: Sue Holden (Sefton CVS) (in the Chair), Graeme Robson (Merseyside Police) and Neil Frackelton (SWACA).\n\n"+
		"The meeting was adjourned at 11:00 and reconvened at 11:15.\n"+
		"The meeting was adjourned at 11:30.")
}

// TestDepartureAfterResumeNamesItem: the item under discussion before an
// adjournment is under discussion again once the meeting resumes, as
// `/meeting item` and the live message say; the minutes name it for a
// departure after the resumption, and for none during the adjournment.
func TestDepartureAfterResumeNamesItem(t *testing.T) {
	k := attDay(t)
	k.must(sue, "/meeting start")
	k.must(sue, "/here")
	k.must(graeme, "/here")
	k.must(attAnn, "/here")
	k.now = attAt(10, 10, 30)
	k.must(sue, "/meeting item 7.7")
	k.now = attAt(10, 11, 0)
	k.must(sue, "/meeting adjourn")
	k.now = attAt(10, 11, 5)
	k.must(ian, "/attendance <@UANN> left")
	k.now = attAt(10, 11, 15)
	k.must(sue, "/meeting resume")
	wantShown(t, k.say(sue, "/meeting item 7.7"), "is under discussion already, since 10:30; nothing changed.")
	k.now = attAt(10, 11, 20)
	k.must(ian, "/attendance <@UGRAEME> left")
	wantShown(t, k.say(ian, "/meeting attendance"),
		"The meeting was adjourned at 11:00 and reconvened at 11:15.\n"+
			"Ann left the meeting at 11:05.\n"+
			"The meeting became inquorate at 11:05 (2 voting members present, quorum 3).\n"+
			"Graeme Robson left the meeting at 11:20 during consideration of item 7.7.")
}

// TestReconvenedOnAnotherDay: a meeting adjourned and continued on a later
// day is minuted with the day it reconvened, not a time that reads as
// earlier on the day it was adjourned.
func TestReconvenedOnAnotherDay(t *testing.T) {
	k := attDay(t)
	k.must(sue, "/meeting start")
	k.must(sue, "/here")
	k.must(graeme, "/here")
	k.now = attAt(10, 11, 0)
	k.must(sue, "/meeting adjourn")
	k.now = attAt(11, 10, 0)
	k.must(sue, "/meeting resume")
	k.now = attAt(11, 10, 30)
	k.must(graeme, "/attendance <@UGRAEME> left")
	k.must(sue, "/meeting close")
	wantShown(t, k.say(ian, "/meeting attendance 10/12/2026"),
		"The meeting was adjourned at 11:00 and reconvened on Friday 11 December 2026 at 10:00.\n"+
			"Graeme Robson left the meeting at 10:30.")
	wantShown(t, k.say(ian, "/minutes draft 10/12/2026"),
		"The meeting was adjourned at 11:00 and reconvened on Friday 11 December 2026 at 10:00.")
}

// TestAbsentClearsRemote: someone marked remote by mistake and then
// absent has no attendance left to show; marked present when they come
// into the room, the minutes do not say they attended remotely.
func TestAbsentClearsRemote(t *testing.T) {
	k := attDay(t)
	k.must(sue, "/meeting start")
	k.must(sue, "/here")
	k.must(ian, "/attendance <@UGRAEME> remote")
	k.must(ian, "/attendance <@UGRAEME> absent")
	k.now = attAt(10, 10, 5)
	k.must(ian, "/attendance <@UGRAEME> present")
	att := k.say(ian, "/meeting attendance")
	wantShown(t, att, "Present: Sue Holden (Sefton CVS) (in the Chair) and Graeme Robson (Merseyside Police).")
	if strings.Contains(att, "remotely") {
		t.Errorf("the minutes have someone attend remotely whose remote mark was cleared:\n%s", att)
	}
}

// TestAbsentListsOnlyMembers: "Absent" in the minutes is for members
// who neither came nor sent apologies. A guest or a substitute who is
// not a member, marked absent to undo a mark made by mistake, is not
// listed there.
func TestAbsentListsOnlyMembers(t *testing.T) {
	k := attDay(t)
	k.must(sue, "/meeting start")
	k.must(sue, "/here")
	k.must(ian, `/attendance "Jen Williams (NW Probation)" in-attendance`)
	k.must(ian, `/attendance "Jen Williams (NW Probation)" absent`)
	k.must(ian, `/attendance "Jo Bloggs (SWACA)" substitute-for <@UNEIL>`)
	k.must(ian, `/attendance "Jo Bloggs (SWACA)" absent`)
	k.must(ian, "/attendance <@UANN> absent")
	// The officer, who attends in attendance and never as a member who
	// takes part, is not "absent" either.
	k.must(sue, "/attendance <@UIAN> absent")
	att := k.say(ian, "/meeting attendance")
	wantShown(t, att, "Absent: Ann (Sefton Council).")
	for _, not := range []string{"Jen Williams", "Jo Bloggs", "Ian Barton"} {
		if strings.Contains(att, not) {
			t.Errorf("the minutes list %s, who takes no part as a member, and was marked absent:\n%s", not, att)
		}
	}
}

// TestLiveMessageListsTheAbsent: the live message lists under Absent the
// members marked absent who sent no apologies, the names the minutes give
// in their order, so that the chair sees at the table whom the minutes
// will record absent; those whose apologies stand, the officer and a
// guest marked absent by mistake are not among them. Closed, its summary
// lists them too.
func TestLiveMessageListsTheAbsent(t *testing.T) {
	k := attDay(t)
	m := k.next()
	k.must(sue, "/meeting start")
	k.must(sue, "/here")
	k.must(ian, "/attendance <@UGRAEME> absent")
	k.must(ian, "/attendance <@UNEIL> absent")
	k.must(ian, "/attendance <@UANN> absent")
	k.must(sue, "/attendance <@UIAN> absent")
	k.must(ian, `/attendance "Jen Williams (NW Probation)" in-attendance`)
	k.must(ian, `/attendance "Jen Williams (NW Probation)" absent`)
	const absent = "*Absent*\nGraeme Robson (Merseyside Police)\nAnn (Sefton Council)"
	wantShown(t, k.say(ian, "/meeting attendance"), "Absent: Graeme Robson (Merseyside Police) and Ann (Sefton Council).")
	status := k.say(ian, "/meeting status")
	live, _ := attLive(k, m.ID)
	for _, got := range []string{status, shown(live)} {
		inOrder(t, got, "*Apologies*\nNeil Frackelton (SWACA)\n", absent)
		if strings.Count(got, "Neil Frackelton") != 1 || strings.Contains(got, "Ian Barton") || strings.Contains(got, "Jen Williams") {
			t.Errorf("the live message lists as absent someone the minutes do not:\n%s", got)
		}
	}
	k.must(sue, "/meeting close")
	live, _ = attLive(k, m.ID)
	wantShown(t, shown(live), "Meeting closed", absent)
}

// TestMinutesListTheAbsent: the minutes list under Absent, after the
// apologies, the members marked absent who sent none, as /meeting
// attendance does: in the draft, the printable page and the exports.
// Minutes confirmed before they did keep having no such line.
func TestMinutesListTheAbsent(t *testing.T) {
	k := decDay(t)
	k.must(sue, "/here")
	k.must(ian, "/attendance <@UNEIL> apologies Unwell")
	k.must(ian, "/attendance <@UNEIL> absent")
	k.must(ian, "/attendance <@UGRAEME> absent")
	k.must(sue, "/meeting close")
	const absent = "Absent: Graeme Robson (Merseyside Police)."
	draft := k.say(ian, "/minutes draft 10/12/2026")
	wantShown(t, draft, "Apologies for absence were received from Neil Frackelton (SWACA).\n\n"+absent)
	doc, err := k.svc.MinutesDocumentOf(context.Background(), k.committee(), decHeldOn, k.now)
	if err != nil {
		t.Fatal(err)
	}
	page, err := commands.MinutesHTML(doc)
	if err != nil {
		t.Fatal(err)
	}
	for _, got := range []string{doc.Markdown(), doc.PlainText(), string(page)} {
		wantShown(t, got, absent)
		if strings.Contains(got, "Absent: Neil") {
			t.Errorf("a member who sent apologies is listed as absent:\n%s", got)
		}
	}
	decNextMeeting(k)
	k.must(sue, "/minutes approve")
	wantShown(t, k.say(ian, "/minutes draft 10/12/2026"), absent)
	// The same minutes, as if confirmed before the minutes listed the
	// absent: they read as they were confirmed.
	predateRule(k, "absent listed")
	if got := k.say(ian, "/minutes draft 10/12/2026"); strings.Contains(got, "Absent:") {
		t.Errorf("minutes confirmed before the absent were listed list them:\n%s", got)
	}
	// /meeting attendance is no part of the minutes, and lists them still.
	wantShown(t, k.say(ian, "/meeting attendance 10/12/2026"), absent)
}

// TestRecordNamesMembersAsAtTheMeeting: Graeme attended for Merseyside
// Police; his organisation changed after the meeting. The record of the
// meeting, its minutes draft and confirmed, /meeting attendance, the
// exports and the year's attendance figures, still name him as he attended, and so do the minutes of a
// meeting confirmed before the record did, as they read when confirmed.
// The next meeting's live message names him as he is now.
func TestRecordNamesMembersAsAtTheMeeting(t *testing.T) {
	k := decDay(t)
	k.must(sue, "/here")
	k.must(graeme, "/here")
	k.must(ian, "/attendance <@UNEIL> absent")
	k.must(sue, "/meeting close")
	const then, now = "Graeme Robson (Merseyside Police)", "Graeme Robson (Sefton MBC)"
	const absentThen = "Absent: Neil Frackelton (SWACA)."
	k.must(ian, "/committee member add <@UGRAEME> Sefton MBC")
	k.must(ian, "/committee member add <@UNEIL> Sefton Council")
	record := func() []string {
		t.Helper()
		doc, err := k.svc.MinutesDocumentOf(context.Background(), k.committee(), decHeldOn, k.now)
		if err != nil {
			t.Fatal(err)
		}
		return []string{k.say(ian, "/minutes draft 10/12/2026"), k.say(ian, "/meeting attendance 10/12/2026"), doc.Markdown(), doc.PlainText()}
	}
	for _, got := range record() {
		wantShown(t, got, then, absentThen)
		if strings.Contains(got, "Sefton MBC") || strings.Contains(got, "Sefton Council") {
			t.Errorf("the record of a meeting held names members as they are now:\n%s", got)
		}
	}
	wantShown(t, k.say(ian, "/committee attendance 2026"), "• "+then+": expected 1, attended 1", "• Neil Frackelton (SWACA): expected 1, attended 0")
	decNextMeeting(k)
	k.must(graeme, "/here")
	wantShown(t, k.say(ian, "/meeting status"), now)
	k.must(sue, "/minutes approve 10/12/2026")
	wantShown(t, k.say(ian, "/minutes draft 10/12/2026"), then)
	// Minutes confirmed before the record named people as marked named
	// them as the committee did when they were confirmed: Graeme was of
	// Sefton MBC by then, and moves on again after, which they do not
	// follow.
	predateRule(k, "names as marked")
	k.now = time.Date(2027, 1, 14, 15, 40, 0, 0, london)
	k.must(ian, "/committee member add <@UGRAEME> Sefton Council")
	got := k.say(ian, "/minutes draft 10/12/2026")
	wantShown(t, got, now, "Absent: Neil Frackelton (Sefton Council).")
	if strings.Contains(got, then) || strings.Contains(got, "Graeme Robson (Sefton Council)") {
		t.Errorf("minutes confirmed before the rule do not read as they were confirmed:\n%s", got)
	}
}

// TestRestoredApologiesStayTheirs: apologies a member sent, taken back
// when the officer marked them here and restored when the officer marked
// them absent, stand as sent: the list does not say the officer entered
// them.
func TestRestoredApologiesStayTheirs(t *testing.T) {
	k := attDay(t)
	k.must(sue, "/meeting start")
	k.must(ian, "/attendance <@UNEIL> present")
	k.must(ian, "/attendance <@UNEIL> absent")
	list := k.say(ian, "/apologies list")
	wantShown(t, list, "Apologies for absence were received from Neil Frackelton (SWACA).")
	if strings.Contains(list, "Entered for them") {
		t.Errorf("apologies Neil sent are listed as entered for him:\n%s", list)
	}
	// His Home says his apologies stand, not that he is marked absent.
	s, buttons := attSection(k, neil, "Meeting in progress")
	if !strings.HasSuffix(s.Text, "\nYou sent apologies for this meeting. Here after all? *I'm here* marks you present and withdraws them.") || !attHasButton(buttons, "I'm here") {
		t.Errorf("Neil's Home, his apologies restored: %+v %+v", s, buttons)
	}
}

// TestHomeCommandsForNextWhileSitting: while a meeting sits, the Home's
// next meeting is the one after it, and the commands the Home gives for
// it name `next`: without it they would be for the meeting in progress,
// and refused (apologies) or answered for the wrong meeting.
func TestHomeCommandsForNextWhileSitting(t *testing.T) {
	k := attDay(t)
	k.must(ian, "/meeting schedule 2027-01-14 10:00")
	k.must(ian, "/agenda add 2027-01-14 4 Local Policing Update — Graeme Robson (Merseyside Police)")
	k.must(sue, "/meeting start")
	apologies, _ := attSection(k, graeme, "Your apologies")
	wantShown(t, apologies.Text, "`/apologies next REASON`")
	owed, _ := attSection(k, graeme, "Reports you owe")
	wantShown(t, owed.Text, "`/report next 4 URL`")
	officer, _ := attSection(k, ian, "For officers")
	wantShown(t, officer.Text, "`/apologies list next`", "`/report missing next`", "`/agenda post next`")
	// The lines work as given, for the next meeting, not the one sitting.
	k.must(graeme, "/apologies next Unwell")
	k.must(graeme, "/report next 4 https://example.org/policing.pdf")
	wantShown(t, k.say(ian, "/apologies list 2027-01-14"), "Graeme Robson")
	wantShown(t, k.say(ian, "/report list 2027-01-14"), "https://example.org/policing.pdf")
	if got := k.say(ian, "/report list"); strings.Contains(got, "policing.pdf") {
		t.Errorf("the report sent for the next meeting is listed for the one sitting:\n%s", got)
	}
}

// TestQuorumOnHome: while a meeting sits, the officers' and the chair's
// Homes give its quorum, as the live message does, and are published
// again as it changes: with the marks, with a declaration on the item
// taken up, and with the rule. A member's Home does not.
func TestQuorumOnHome(t *testing.T) {
	k := attDay(t)
	k.must(sue, "/meeting start")
	quorum := func(user string) string {
		t.Helper()
		s, _ := attSection(k, user, "Meeting in progress")
		return s.Text
	}
	wantShown(t, quorum(ian), "Thursday 10 December 2026, 10:00, Remote Meeting\n*Inquorate*: 0 present, quorum 3\nYou are not marked here yet.")
	k.marked()
	k.must(graeme, "/here")
	k.must(sue, "/here")
	k.must(ian, "/attendance <@UANN> present")
	if got := k.marked(); !slices.Contains(got, ian) || !slices.Contains(got, sue) {
		t.Errorf("the officer's and the chair's Homes are not refreshed by the marks: %q", got)
	}
	wantShown(t, quorum(ian), "\nQuorate: 3 present, quorum 3\n")
	wantShown(t, quorum(sue), "\nQuorate: 3 present, quorum 3\n")
	k.must(sue, "/meeting item 7.7")
	k.must(graeme, "/declare 7.7 pecuniary Spouse employed by Sefton CVS")
	wantShown(t, quorum(ian), "\nQuorate: 3 present, quorum 3\nItem 7.7: *Inquorate*: 2 present, quorum 3. Graeme Robson withdraws for it")
	k.marked()
	k.must(ian, "/committee quorum 2")
	if got := k.marked(); !slices.Contains(got, ian) || !slices.Contains(got, sue) {
		t.Errorf("the officer's and the chair's Homes are not refreshed by the new quorum: %q", got)
	}
	wantShown(t, quorum(sue), "\nQuorate: 3 present, quorum 2\nItem 7.7: Quorate: 2 present, quorum 2")
	if got := quorum(graeme); strings.Contains(got, "quorum") {
		t.Errorf("a member's Home gives the quorum:\n%s", got)
	}
}

// TestQuorumOnHomeFollowsTheItem: the chair taking up another item
// publishes the officers' and the chair's Homes again, so that the quorum
// they give is the item's now up, not that of the item before, whose
// withdrawals no longer apply.
func TestQuorumOnHomeFollowsTheItem(t *testing.T) {
	k := attDay(t)
	k.must(ian, "/agenda add 8 Any other business")
	k.must(sue, "/meeting start")
	k.must(graeme, "/here")
	k.must(sue, "/here")
	k.must(ian, "/attendance <@UANN> present")
	k.must(graeme, "/declare 7.7 pecuniary Spouse employed by Sefton CVS")
	for _, item := range []string{"7.7", "8"} {
		k.marked()
		k.must(sue, "/meeting item "+item)
		if got := k.marked(); !slices.Contains(got, ian) || !slices.Contains(got, sue) || slices.Contains(got, graeme) {
			t.Errorf("taking up item %s marks the Homes of %q, not the officer's and the chair's alone", item, got)
		}
	}
	s, _ := attSection(k, ian, "Meeting in progress")
	wantShown(t, s.Text, "\nQuorate: 3 present, quorum 3\nItem 8: Quorate: 3 present, quorum 3.")
}

// TestDeclarationsAtTheTableOnHome: while a meeting sits, the member's
// Home shows, under the meeting in progress, the declarations standing
// for it — those entered for them by the officer at the table too, and
// whether they leave the room — and no longer one withdrawn.
func TestDeclarationsAtTheTableOnHome(t *testing.T) {
	k := attDay(t)
	k.must(sue, "/meeting start")
	k.must(graeme, "/here")
	k.marked()
	r := k.must(ian, "/declare for <@UGRAEME> 7.7 pecuniary Spouse employed by Sefton CVS")
	k.must(graeme, "/declare 7.7 personal Volunteer at Sefton CVS")
	if got := k.marked(); !slices.Contains(got, graeme) {
		t.Errorf("Graeme's Home is not refreshed: %q", got)
	}
	s, _ := attSection(k, graeme, "Meeting in progress")
	wantShown(t, s.Text, "You are marked present.\nYour declarations at this meeting:\n"+
		"• Item 7.7 (Sefton CVS): Disclosable pecuniary interest — Spouse employed by Sefton CVS _(you must leave the room for this item unless you hold a dispensation)_ _(entered by <@UIAN>)_\n"+
		"• Item 7.7 (Sefton CVS): Personal interest — Volunteer at Sefton CVS")
	k.press(ian, r, "They hold a dispensation")
	s, _ = attSection(k, graeme, "Meeting in progress")
	wantShown(t, s.Text, "Spouse employed by Sefton CVS _(you hold a dispensation)_ _(entered by <@UIAN>)_")
	k.must(ian, "/declare withdraw for <@UGRAEME> 7.7")
	if s, _ := attSection(k, graeme, "Meeting in progress"); strings.Contains(s.Text, "declarations") {
		t.Errorf("withdrawn declarations are still on Graeme's Home:\n%s", s.Text)
	}
	if s, _ := attSection(k, sue, "Meeting in progress"); strings.Contains(s.Text, "declarations") {
		t.Errorf("Sue's Home shows Graeme's declarations:\n%s", s.Text)
	}
}

// TestAttendanceOnHome: a member's Home shows the meeting in progress
// with the I'm here button until they are marked, then says how they are
// marked.
func TestAttendanceOnHome(t *testing.T) {
	k := attDay(t)
	id := k.next().ID
	if s, _ := attSection(k, graeme, "Meeting in progress"); s.Title != "" {
		t.Errorf("a Home shows a meeting in progress before it opened: %+v", s)
	}
	k.must(sue, "/meeting start")
	s, buttons := attSection(k, graeme, "Meeting in progress")
	if s.Title != "Meeting in progress" || s.Text != "Thursday 10 December 2026, 10:00, Remote Meeting\nYou are not marked here yet." || !attHasButton(buttons, "I'm here") {
		t.Errorf("Graeme's Home: %+v %+v", s, buttons)
	}
	// Pressed on the Home, where there is no channel.
	for _, b := range buttons {
		if b.Label == "I'm here" {
			wantShown(t, shown(k.act(k.home(graeme), b.Action, b.Value)), "You are marked present.")
		}
	}
	k.must(neil, "/here remote")
	k.must(ian, "/here")
	k.must(ian, "/attendance <@UANN> absent")
	k.must(ian, "/attendance <@USUE> present")
	k.now = attAt(10, 10, 30)
	k.must(ian, "/attendance <@USUE> left 10:25")
	for _, c := range []struct {
		user, title, text string
		button            bool
	}{
		{graeme, "Meeting in progress — you are marked present", "You are marked present.", false},
		{neil, "Meeting in progress — you are marked present", "You are marked present remotely.", false},
		{ian, "Meeting in progress — you are marked in attendance", "You are marked in attendance.", false},
		{attAnn, "Meeting in progress", "You are marked absent, by <@UIAN>.", true},
		{sue, "Meeting in progress", "You are marked as having left at 10:25, by <@UIAN>.", true},
	} {
		s, buttons := attSection(k, c.user, "Meeting in progress")
		if s.Title != c.title || !strings.HasSuffix(s.Text, "\n"+c.text) || attHasButton(buttons, "I'm here") != c.button {
			t.Errorf("%s's Home: %+v, I'm here offered: %v, want %q, %q, %v", c.user, s, attHasButton(buttons, "I'm here"), c.title, c.text, c.button)
		}
	}
	// Buttons out of date.
	for _, c := range []struct{ value, want string }{
		{"soon", "That button is out of date; type `/here` instead."},
		{"0", "That button is out of date; type `/here` instead."},
		{"999999", "That meeting no longer exists, or you are not a member of its committee."},
	} {
		if r := k.act(k.home(graeme), "meeting_here", c.value); !r.Refused || r.Text != c.want {
			t.Errorf("I'm here with %q: %+v, want %q", c.value, r, c.want)
		}
	}
	k.must(sue, "/meeting close")
	if s, _ := attSection(k, graeme, "Meeting in progress"); s.Title != "" {
		t.Errorf("a Home shows the meeting in progress after it closed: %+v", s)
	}
	if r := k.act(k.home(graeme), "meeting_here", strconv.FormatInt(id, 10)); !r.Refused || r.Text != "The meeting on Thursday 10 December 2026 is not in progress." {
		t.Errorf("I'm here after the close: %+v", r)
	}
}

// TestQuorumSetAndShown: a number of members, or a fraction of the voting
// members with a minimum; non-voting members and officers do not count.
func TestQuorumSetAndShown(t *testing.T) {
	k := committeeKit(t)
	k.steps([]step{
		{neil, "/committee quorum", []string{"Safer Sefton Together has no quorum set. An officer sets one with `/committee quorum 4`, `/committee quorum 1/3` or `/committee quorum 1/4 min 3`."}},
		{neil, "/committee quorum 3", []string{"Only an officer of Safer Sefton Together can set the quorum."}},
		{ian, "/committee quorum 3/2", []string{"3/2 is not a fraction of the members", "/committee quorum 1/4 min 3"}},
		// A quorum as standing orders word it is answered with its figures.
		{ian, "/committee quorum half", []string{"Write the fraction in figures: 1/2 (or 1/2 min 3)"}},
		{ian, "/committee quorum one third", []string{"Write the fraction in figures: 1/3 (or 1/3 min 3)"}},
		{ian, "/committee quorum a quarter min 3", []string{"Write the fraction in figures: 1/4 min 3."}},
		{ian, "/committee quorum one third minimum 4", []string{"Write the fraction in figures: 1/3 min 4."}},
		{ian, "/committee member add <@USUE> Sefton CVS non-voting", []string{"They do not vote, and do not count to the quorum."}},
		// Neil and Graeme vote; Sue does not, nor does the officer. A quorum
		// of more than vote is taken, and the officer told what it means.
		{ian, "/committee quorum 1/2 min 3", []string{"The quorum of Safer Sefton Together is now 1/2 of the voting members, rounded up, and at least 3: 3 of its 2 voting members now (officers do not vote). No meeting can be quorate until it has more voting members."}},
		{neil, "/committee quorum", []string{"The quorum of Safer Sefton Together is 1/2 of the voting members, rounded up, and at least 3: 3 of its 2 voting members now (officers do not vote). No meeting can be quorate until it has more voting members."}},
		{ian, "/committee quorum 1/2", []string{"The quorum of Safer Sefton Together is now 1/2 of the voting members, rounded up: 1 of its 2 voting members now (officers do not vote)."}},
		{ian, "/committee quorum", []string{"1 of its 2 voting members now"}},
		{ian, "/committee member add <@USUE> Sefton CVS", []string{"They vote, and count to the quorum."}},
		{ian, "/committee quorum", []string{"2 of its 3 voting members now"}},
		{ian, "/committee member add <@USUE> Sefton CVS NonVoting", []string{"They do not vote"}},
		{ian, "/committee quorum 1", []string{"The quorum of Safer Sefton Together is now 1 member: 1 of its 2 voting members now"}},
		{ian, "/committee quorum 2", []string{"The quorum of Safer Sefton Together is now 2 members: 2 of its 2 voting members now"}},
		{graeme, "/committee quorum", []string{"The quorum of Safer Sefton Together is 2 members: 2 of its 2 voting members now (officers do not vote)."}},
		// As it is said, or mistyped: spaced, "minimum", nought.
		{ian, "/committee quorum 1 / 3", []string{"The quorum of Safer Sefton Together is now 1/3 of the voting members, rounded up: 1 of its 2 voting members now"}},
		{ian, "/committee quorum 1/4 minimum 2", []string{"The quorum of Safer Sefton Together is now 1/4 of the voting members, rounded up, and at least 2"}},
		{ian, "/committee quorum 0", []string{"A quorum is at least 1 member: give a number of members (4) or a fraction of the voting members (1/3, or 1/4 min 3)."}},
		{ian, "/committee quorum 2", []string{"now 2 members"}},
	})
	// Adding a voting member again changes nothing, and says nothing of
	// the vote.
	if got := k.say(ian, "/committee member add <@UNEIL> SWACA"); strings.Contains(got, "vote") {
		t.Errorf("re-adding a voting member: %q", got)
	}

	// On the day, Sue (non-voting) and the officer are here but do not
	// count.
	k.must(ian, "/meeting schedule 2026-12-10 10:00 Remote Meeting")
	k.now = attAt(10, 9, 55)
	k.must(ian, "/meeting start")
	k.steps([]step{
		{sue, "/here", []string{"You are marked present. *Inquorate*: 0 present, quorum 2"}},
		{ian, "/here", []string{"*Inquorate*: 0 present, quorum 2"}},
		{neil, "/here", []string{"*Inquorate*: 1 present, quorum 2"}},
		{graeme, "/here", []string{"Quorate: 2 present, quorum 2"}},
	})
}

// TestAttendanceWithoutQuorum: a committee with no quorum counts its
// voting members and says how to set one, in sentences that end once.
func TestAttendanceWithoutQuorum(t *testing.T) {
	k := meetingKit(t)
	k.now = attAt(10, 9, 55)
	k.must(ian, "/meeting start")
	if got := k.say(neil, "/here"); got != "You are marked present. 1 voting member present; no quorum is set (`/committee quorum N`)" {
		t.Errorf("here: %q", got)
	}
	wantShown(t, k.say(graeme, "/here"), "2 voting members present; no quorum is set")
	if got := k.say(ian, "/meeting item 3"); got != "Item 3 (Minutes of Previous Meeting) is under discussion. 2 voting members present; no quorum is set (`/committee quorum N`)." {
		t.Errorf("item: %q", got)
	}
	status := k.say(ian, "/meeting status 3")
	wantShown(t, status, "Item 3: 2 voting members present; no quorum is set (`/committee quorum N`).\n",
		"Opened at 09:55.\n2 voting members present; no quorum is set (`/committee quorum N`)\n")
	if strings.Contains(status, "..") {
		t.Errorf("status ends a sentence twice:\n%s", status)
	}
	// Nobody is told the meeting is inquorate when no quorum is set.
	k.must(ian, "/attendance <@UNEIL> left")
	k.must(ian, "/attendance <@UGRAEME> left")
	for _, m := range k.sent() {
		if m.Kind == commands.OutboxDM {
			t.Errorf("a notice went with no quorum set: %+v", m)
		}
	}
}

// TestAttendanceOverAYearKeepsMembersAsTheyWere: the year's attendance
// counts a meeting for those who were members when it closed, as its
// record names them: one removed since is still counted (and one removed
// and added back keeps the meetings before), one added since is not
// expected at it, and one made an officer since still has the meetings
// they sat as a member.
func TestAttendanceOverAYearKeepsMembersAsTheyWere(t *testing.T) {
	k := attDay(t)
	k.must(ian, "/meeting start")
	k.must(sue, "/here")
	k.must(graeme, "/here")
	k.must(ian, "/meeting close")
	k.now = attAt(11, 9, 0)
	k.must(ian, "/committee member remove <@UGRAEME>")
	k.must(ian, "/committee member remove <@UNEIL>")
	k.must(ian, "/committee member add <@UNEIL> SWACA")
	k.must(ian, "/committee member add <@USTRANGER> Acme")
	k.must(ian, "/committee member add <@UANN|Ann> Sefton Council officer")
	got := k.say(ian, "/committee attendance 2026")
	for _, line := range []string{
		"• Sue Holden (Sefton CVS): expected 1, attended 1, by substitute 0, apologies 0, absent 0 — *100%*",
		"• Graeme Robson (Merseyside Police): expected 1, attended 1, by substitute 0, apologies 0, absent 0 — *100%*",
		"• Neil Frackelton (SWACA): expected 1, attended 0, by substitute 0, apologies 1, absent 0 — *0%*",
		"• Ann (Sefton Council): expected 1, attended 0, by substitute 0, apologies 0, absent 1 — *0%*",
	} {
		wantShown(t, got, line)
	}
	if strings.Contains(got, "Mallory") || strings.Contains(got, "Ian Barton") {
		t.Errorf("someone who was no member at the meeting is counted:\n%s", got)
	}
}

// TestMeetingAttendanceOfACancelledMeeting: asked for the attendance at a
// meeting that was cancelled, the clerk is told it was cancelled, not that
// no attendance was recorded, which reads as a meeting held with no one
// marked, or marks lost.
func TestMeetingAttendanceOfACancelledMeeting(t *testing.T) {
	k := meetingKit(t)
	k.must(ian, "/meeting schedule 2026-12-17 10:00 Bootle Town Hall")
	k.must(ian, "/meeting cancel 2026-12-17")
	cancelled := "The meeting on Thursday 17 December 2026 was cancelled: it did not meet, so no attendance was taken."
	if got := k.say(ian, "/meeting attendance 17/12/2026"); got != cancelled {
		t.Errorf("before its day:\n got %q\nwant %q", got, cancelled)
	}
	k.now = attAt(18, 9, 0)
	if got := k.say(neil, "/meeting attendance 17/12/2026"); got != cancelled {
		t.Errorf("after its day:\n got %q\nwant %q", got, cancelled)
	}
}

// TestCommitteeAttendanceAskedForAMunicipalYear: the figures are by
// calendar year; asked for a municipal year ("2026/27"), the officer is
// told so and given the two years it spans, rather than "use 2026", which
// would pass January to December 2026 off as 2026/27; and a word that is
// no year is answered with this year as the example, not a fixed one.
func TestCommitteeAttendanceAskedForAMunicipalYear(t *testing.T) {
	k := committeeKit(t)
	k.now = time.Date(2027, 7, 20, 9, 0, 0, 0, london)
	byCalendar := "The attendance figures are by calendar year, January to December, not by municipal year: give one, `/committee attendance 2026` or `/committee attendance 2027`."
	for _, asked := range []string{"2026/27", "2026-27", "2026/2027"} {
		r := k.run(ian, "/committee attendance "+asked)
		if !r.Refused || !strings.HasPrefix(r.Text, byCalendar) {
			t.Errorf("%s: %q, want %q", asked, r.Text, byCalendar)
		}
	}
	wantShown(t, k.say(ian, "/committee attendance last"), "last is not a year: use 2027.")
	// A year and a month, or two years apart, are no municipal year.
	for _, asked := range []string{"2026-12", "2026/2028", "1999/01"} {
		wantShown(t, k.say(ian, "/committee attendance "+asked), asked+" is not a year: use 2027.")
	}
}

// TestAttendanceOverAYear: two meetings taken from start to close, and
// each member's attendance as councils publish it; the officer, who does
// not vote, is not in it.
func TestAttendanceOverAYear(t *testing.T) {
	k := attDay(t)
	day := k.now
	k.now = now
	k.must(ian, "/meeting schedule 2026-12-17 10:00 Bootle Town Hall")
	k.now = day
	// Everyone was a member all year.
	if _, err := k.db.SQL().Exec(`UPDATE members SET added_at = '2020-01-01'`); err != nil {
		t.Fatal(err)
	}
	k.steps([]step{
		{ian, "/committee attendance", []string{"No meeting of Safer Sefton Together held in 2026 has attendance recorded. Attendance is taken from `/meeting start` to `/meeting close`."}},
		{ian, "/meeting attendance", []string{"Safer Sefton Together has held no meeting yet, and `/meeting attendance` is for a meeting in progress or held. Its first is on Thursday 10 December 2026, 10:00, Remote Meeting; the officer or the chair opens it with `/meeting start`."}},
		{ian, "/meeting attendance 17/12/2026", []string{"The meeting on Thursday 17 December 2026 has not been held yet: attendance is taken on the day, from `/meeting start` to `/meeting close`."}},
		{ian, "/meeting attendance 18/12/2026", []string{"Safer Sefton Together has no meeting on Friday 18 December 2026."}},
	})

	k.must(ian, "/meeting start")
	k.must(sue, "/here")
	k.must(graeme, "/here")
	k.must(neil, "/here remote")
	k.must(ian, "/attendance <@USTRANGER> substitute-for <@UANN>")
	k.must(ian, "/meeting close")

	k.now = attAt(16, 12, 0)
	k.must(neil, "/apologies Away")
	k.now = attAt(17, 9, 58)
	k.must(sue, "/meeting start")
	k.must(sue, "/here")
	k.must(attAnn, "/here")
	k.must(sue, "/meeting close")

	k.steps([]step{
		{neil, "/committee attendance", []string{"Only an officer of Safer Sefton Together can see the attendance statistics."}},
		{ian, "/committee attendance 20x6", []string{"20x6 is not a year: use 2026."}},
		{ian, "/committee attendance 1066", []string{"1066 is not a year: use 2026."}},
		{ian, "/committee attendance 2026 2027", []string{"`attendance` takes only a year."}},
		{ian, "/committee attendance 2025", []string{"No meeting of Safer Sefton Together held in 2025 has attendance recorded."}},
	})
	got := k.say(ian, "/committee attendance 2026")
	inOrder(t, got, "*Attendance at Safer Sefton Together in 2026* (2 meetings with attendance taken; attended ÷ expected, where apologies and substitutes do not count as attended):")
	for _, line := range []string{
		"• Sue Holden (Sefton CVS): expected 2, attended 2, by substitute 0, apologies 0, absent 0 — *100%*",
		"• Neil Frackelton (SWACA): expected 2, attended 1 (1 remotely), by substitute 0, apologies 1, absent 0 — *50%*",
		"• Graeme Robson (Merseyside Police): expected 2, attended 1, by substitute 0, apologies 0, absent 1 — *50%*",
		"• Ann (Sefton Council): expected 2, attended 1, by substitute 1, apologies 0, absent 0 — *50%*",
	} {
		wantShown(t, got, line)
	}
	if strings.Contains(got, "Ian Barton") || strings.Contains(got, "Mallory") {
		t.Errorf("the officer or the substitute is in the statistics:\n%s", got)
	}
	if this := k.say(ian, "/committee attendance"); this != got {
		t.Errorf("this year's attendance differs from 2026's:\n%s", this)
	}
	// The export reads the same records.
	members, recs, err := k.svc.AttendanceYear(context.Background(), k.committee(), 2026)
	if err != nil || len(members) != 4 || len(recs) != 2 {
		t.Errorf("AttendanceYear: %d members, %d meetings, %v; want 4 and 2", len(members), len(recs), err)
	}

	// After the second meeting, the last held is the one meant; the first
	// is found by its date.
	k.now = attAt(18, 9, 0)
	wantShown(t, k.say(neil, "/meeting attendance"), "on Thursday 17 December 2026", "Present: Sue Holden (Sefton CVS) (in the Chair) and Ann (Sefton Council).",
		"Apologies for absence were received from Neil Frackelton (SWACA).")
	wantShown(t, k.say(neil, "/meeting attendance 10/12/2026"), "on Thursday 10 December 2026", "Substitutes: Mallory for Ann.")
}

// TestAttendanceHistory: /history attendance gives the officer and the
// chair the conduct log and every mark with who entered it; a member sees
// their own marks only.
func TestAttendanceHistory(t *testing.T) {
	k := attDay(t)
	k.must(sue, "/meeting start")
	k.must(attAnn, "/here")
	k.must(ian, `/attendance "Jen Williams (NW Probation)" in-attendance`)
	k.now = attAt(10, 10, 25)
	k.must(ian, "/attendance <@UGRAEME> late 10:20")
	k.now = attAt(10, 10, 30)
	k.must(sue, "/meeting item 7.7")
	k.now = attAt(10, 11, 10)
	k.must(ian, "/attendance <@UANN> left 11:05")
	k.now = attAt(10, 11, 30)
	k.must(sue, "/meeting adjourn")
	k.now = attAt(10, 11, 40)
	k.must(sue, "/meeting resume")
	k.now = attAt(10, 12, 0)
	k.must(sue, "/meeting close")

	all := k.say(sue, "/history attendance")
	wantShown(t, all, "*History of the attendance* at the meeting of *Safer Sefton Together* on Thursday 10 December 2026.",
		"• 10 Dec 2026 09:55 — meeting opened by <@USUE>\n"+
			"• 10 Dec 2026 09:55 — <@UANN> marked present\n"+
			"• 10 Dec 2026 09:55 — Jen Williams (NW Probation) marked in attendance _(entered by <@UIAN>)_\n"+
			"• 10 Dec 2026 10:20 — <@UGRAEME> marked present, arrived late at 10:20 _(entered by <@UIAN>)_\n"+
			"• 10 Dec 2026 10:30 — item 7.7 taken up by <@USUE>\n"+
			"• 10 Dec 2026 11:05 — <@UANN> marked as having left at 11:05 _(entered by <@UIAN>)_\n"+
			"• 10 Dec 2026 11:30 — meeting adjourned by <@USUE>\n"+
			"• 10 Dec 2026 11:40 — meeting resumed by <@USUE>\n"+
			"• 10 Dec 2026 12:00 — meeting closed by <@USUE>")
	wantShown(t, k.say(ian, "/history attendance 10/12/2026 <@UGRAEME>"), "<@UGRAEME>'s marks", "<@UGRAEME> marked present, arrived late at 10:20 _(entered by <@UIAN>)_")
	mine := k.say(attAnn, "/history attendance")
	wantShown(t, mine, "your marks", "<@UANN> marked present\n", "<@UANN> marked as having left at 11:05 _(entered by <@UIAN>)_")
	for _, not := range []string{"UGRAEME", "Jen Williams", "opened by"} {
		if strings.Contains(mine, not) {
			t.Errorf("a member's own history shows %q:\n%s", not, mine)
		}
	}
	wantShown(t, k.say(attAnn, "/history attendance <@UGRAEME>"), "You can read your own attendance marks only")
	// Neil sent apologies, and has no marks: where they are is said, not
	// only that nothing is on record.
	wantShown(t, k.say(ian, "/history attendance 10/12/2026 <@UNEIL>"), "Nothing is on record. Their apologies for the meeting stand: `/history apologies 2026-12-10 <@UNEIL>` shows them.")
	wantShown(t, k.say(neil, "/history attendance 10/12/2026"), "Nothing is on record. Your apologies for the meeting stand: `/history apologies 2026-12-10` shows them.")
	// Graeme arrived at 10:20, before item 7.7 was taken up; Ann left
	// during it.
	wantShown(t, k.say(ian, "/meeting attendance"), "Graeme Robson arrived at 10:20.\nAnn left the meeting at 11:05 during consideration of item 7.7.")
}

// TestAttendanceInTheChair: with the chair away, the vice-chair present
// is in the chair; with the chair marked absent likewise.
func TestAttendanceInTheChair(t *testing.T) {
	k := attDay(t)
	k.must(ian, "/committee member add <@UGRAEME> Merseyside Police vice-chair")
	k.must(ian, "/meeting start")
	k.must(graeme, "/here")
	k.must(neil, "/here")
	wantShown(t, k.say(ian, "/meeting status"), "Graeme Robson (Merseyside Police) (in the Chair)")
	// The chair arrives late and takes the chair.
	k.must(sue, "/here")
	status := k.say(ian, "/meeting status")
	wantShown(t, status, "Sue Holden (Sefton CVS) (in the Chair)")
	if strings.Contains(status, "Graeme Robson (Merseyside Police) (in the Chair)") {
		t.Errorf("two people in the chair:\n%s", status)
	}
	// Marked absent after all (pressed by mistake), she is not.
	k.must(ian, "/attendance <@USUE> absent")
	wantShown(t, k.say(ian, "/meeting status"), "Graeme Robson (Merseyside Police) (in the Chair)")
}

// TestAttendanceChairListedFirst: the minutes list whoever is in the
// chair first among those present, as councils print them, whenever they
// were marked.
func TestAttendanceChairListedFirst(t *testing.T) {
	k := attDay(t)
	k.must(ian, "/meeting start")
	k.must(graeme, "/here")
	k.must(attAnn, "/here")
	k.must(sue, "/here")
	want := "Present: Sue Holden (Sefton CVS) (in the Chair), Graeme Robson (Merseyside Police) and Ann (Sefton Council)."
	wantShown(t, k.say(ian, "/meeting attendance"), want)
	wantShown(t, k.say(ian, "/meeting status"), "*Present (3)*\nSue Holden (Sefton CVS) (in the Chair)\n")
	k.now = attAt(10, 11, 0)
	k.must(ian, "/meeting close")
	wantShown(t, k.say(ian, "/minutes draft"), want)
}

// TestAttendanceInAttendanceWhoLeave: someone in attendance (an adviser,
// a guest) who leaves before the end is still listed in attendance in the
// minutes, not as a member of the public also present.
func TestAttendanceInAttendanceWhoLeave(t *testing.T) {
	k := attDay(t)
	k.must(ian, "/meeting start")
	k.must(ian, `/attendance "Tom Hill (Sefton Council)" in-attendance`)
	k.must(ian, "/attendance <@USTRANGER> in-attendance")
	k.now = attAt(10, 11, 0)
	k.steps([]step{
		{ian, `/attendance "Tom Hill (Sefton Council)" left 10:50`, []string{"Tom Hill is marked as having left at 10:50."}},
		{ian, "/attendance <@USTRANGER> left 10:52", []string{"Mallory is marked as having left at 10:52."}},
	})
	att := k.say(ian, "/meeting attendance")
	wantShown(t, att, "In attendance: Tom Hill (Sefton Council) and Mallory.",
		"Tom Hill left the meeting at 10:50.", "Mallory left the meeting at 10:52.")
	if strings.Contains(att, "Also present") {
		t.Errorf("those in attendance who left are listed as also present:\n%s", att)
	}
}

// TestAttendanceByNameKeepsOrganisation: someone not in Slack, named with
// their organisation, is the same person when marked again by name alone,
// however it is typed, and keeps their name and organisation, as someone
// in Slack does.
func TestAttendanceByNameKeepsOrganisation(t *testing.T) {
	k := attDay(t)
	k.must(ian, "/meeting start")
	k.must(ian, `/attendance "Jen Williams (NW Probation)" present`)
	k.now = attAt(10, 11, 0)
	wantShown(t, k.say(ian, `/attendance "jen  williams" left 10:55`), "Jen Williams is marked as having left at 10:55.")
	wantShown(t, k.say(ian, "/meeting attendance"), "Also present: Jen Williams (NW Probation).", "Jen Williams left the meeting at 10:55.")
}

// TestAttendancePastMidnight: a meeting that runs past midnight takes a
// departure at 00:10 as the next morning's, not that evening's.
func TestAttendancePastMidnight(t *testing.T) {
	k := committeeKit(t)
	k.must(ian, "/meeting schedule 2026-12-10 22:00 Bootle Town Hall")
	k.now = attAt(10, 21, 50)
	k.must(ian, "/meeting start")
	k.must(neil, "/here")
	k.now = attAt(11, 0, 20)
	wantShown(t, k.say(ian, "/attendance <@UNEIL> left 00:10"), "Neil Frackelton is marked as having left at 00:10.")
	var left time.Time
	if err := k.db.SQL().QueryRow(`SELECT at FROM attendance_marks WHERE status = 'left'`).Scan(&left); err != nil {
		t.Fatal(err)
	}
	if want := attAt(11, 0, 10); !left.Equal(want) {
		t.Errorf("left at %v, want %v", left.In(london), want)
	}
	// After midnight, the meeting of the day is still the one in progress.
	wantShown(t, k.say(graeme, "/meeting attendance"), "on Thursday 10 December 2026", "Neil Frackelton left the meeting at 00:10.")
}

// TestAttendanceLiveReplyFromRecords: the live message the outbox builds
// from the records is the one the channel is sent.
func TestAttendanceLiveReplyFromRecords(t *testing.T) {
	k := attDay(t)
	m := k.next()
	k.must(sue, "/meeting start")
	k.must(sue, "/here")
	k.must(ian, "/attendance <@USTRANGER> substitute-for <@UNEIL>")
	k.must(ian, "/committee member add <@UANN|Ann> Sefton Council non-voting")
	k.must(attAnn, "/here remote")
	sent, _ := attLive(k, m.ID)

	ctx, c := context.Background(), k.committee()
	events, err := k.db.Sessions(ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	log, err := k.db.AttendanceLog(ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	members, err := k.db.Members(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	nonVoting, err := k.db.NonVoting(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	apologies, err := k.db.Apologies(ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	decls, err := k.db.Declarations(ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	rule, err := k.db.QuorumRule(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	got := shown(commands.LiveReply(c, m, events, log, nil, members, nonVoting, apologies, decls, rule))
	if got != shown(sent) {
		t.Errorf("LiveReply:\n%s\nthe channel got:\n%s", got, shown(sent))
	}
	// Ann does not vote: Sue and Neil's substitute count, she does not.
	wantShown(t, got, "*Inquorate*: 2 present, quorum 3", "Ann (Sefton Council) (remotely)", "Mallory for Neil Frackelton")
}

// TestAttendanceStatsInAttendanceWhoLeft: a member who came in attendance
// (advising, not as a member) has not attended as a member, whether they
// stayed to the end or left early; nor were they absent: they were there.
func TestAttendanceStatsInAttendanceWhoLeft(t *testing.T) {
	start := time.Date(2026, 12, 10, 10, 0, 0, 0, time.UTC)
	mem := commands.Member{CommitteeID: 1, UserID: "UNEIL", Name: "Neil", Role: commands.RoleMember, AddedAt: start.AddDate(-1, 0, 0)}
	m := commands.Meeting{ID: 1, CommitteeID: 1, StartsAt: start, Status: commands.MeetingHeld}
	in := commands.AttendanceMark{ID: 1, MeetingID: 1, MemberKey: "UNEIL", Seq: 1, UserID: "UNEIL", Name: "Neil", Status: commands.AttendInAttendance, At: start}
	left := commands.AttendanceMark{ID: 2, MeetingID: 1, MemberKey: "UNEIL", Seq: 2, UserID: "UNEIL", Name: "Neil", Status: commands.AttendLeft, At: start.Add(time.Hour)}
	for _, log := range [][]commands.AttendanceMark{{in}, {in, left}} {
		st := commands.AttendanceStats([]commands.Member{mem}, []commands.MeetingRecord{{Meeting: m, Log: log}})
		if len(st) != 1 || st[0].Attended != 0 || st[0].Absent != 0 || st[0].InAttendance != 1 {
			t.Errorf("marks %d: %+v; want not attended as a member, and in attendance, not absent", len(log), st)
		}
	}
}

// TestMeetingOpenedEarlyCannotBeChanged: a meeting opened before its
// advertised start is under way, so it cannot be moved, retimed, given
// another venue or cancelled; nothing of it changes.
func TestMeetingOpenedEarlyCannotBeChanged(t *testing.T) {
	k := attDay(t) // 09:55, the meeting at 10:00
	k.now = attAt(10, 9, 30)
	k.must(sue, "/meeting start")
	k.must(graeme, "/here")
	for _, line := range []string{
		"/meeting move 10/12/2026 17/12/2026",
		"/meeting time 10/12/2026 11:00",
		"/meeting venue 10/12/2026 Bootle Town Hall",
		"/meeting cancel 10/12/2026",
	} {
		attRefused(k, ian, line, "under way")
	}
	m, err := k.db.Meeting(context.Background(), attMeetingID(k))
	if err != nil {
		t.Fatal(err)
	}
	if !m.StartsAt.Equal(attAt(10, 10, 0)) || m.Status != commands.MeetingScheduled || m.Venue != "Remote Meeting" || m.Revision != 0 {
		t.Errorf("the meeting in progress was changed: %+v", m)
	}
	wantShown(t, k.say(neil, "/meeting status"), "Meeting in progress")
}

// attMeetingID is the ID of the meeting of 10 December 2026.
func attMeetingID(k *kit) int64 {
	k.t.Helper()
	return int64(attRows(k, `SELECT id FROM meetings WHERE starts_at = '2026-12-10 10:00:00+00'`))
}

// TestAttendanceOfAMemberByName: a member named in quotation marks rather
// than mentioned is still the member, as for apologies and declarations
// entered for them: they count to the quorum, once, and are listed once.
func TestAttendanceOfAMemberByName(t *testing.T) {
	k := attDay(t)
	k.must(sue, "/meeting start")
	k.steps([]step{
		{ian, `/attendance "Graeme Robson (Merseyside Police)" present`, []string{"Graeme Robson is marked present. *Inquorate*: 1 present, quorum 3"}},
		{graeme, "/here", []string{"You were marked present already. *Inquorate*: 1 present, quorum 3"}},
		{ian, `/attendance "neil  frackelton" remote`, []string{"Neil Frackelton is marked present remotely. Their apologies for this meeting are withdrawn: they are here. *Inquorate*: 2 present, quorum 3"}},
	})
	att := k.say(ian, "/meeting attendance")
	wantShown(t, att, "Present: Graeme Robson (Merseyside Police) and Neil Frackelton (SWACA) (remotely).")
	if strings.Contains(att, "Also present") || strings.Contains(att, "Apologies") {
		t.Errorf("a member marked by name is not the member:\n%s", att)
	}
}

// TestAttendanceItemQuorumFollowsRenumberedItem: a pecuniary interest
// declared in an item that is renumbered afterwards follows the item, as
// its declarations do, so the member withdraws for that item under its new
// number, and not for another item given the old one.
func TestAttendanceItemQuorumFollowsRenumberedItem(t *testing.T) {
	k := attDay(t)
	k.now = now
	k.must(graeme, "/declare 7.7 pecuniary Spouse employed by Sefton CVS")
	k.must(ian, "/agenda move 7.7 7.8")
	k.must(ian, "/agenda add 7.7 Late item")
	k.now = attAt(10, 9, 55)
	k.must(sue, "/meeting start")
	for _, u := range []string{sue, graeme, attAnn} {
		k.must(u, "/here")
	}
	k.steps([]step{
		{neil, "/meeting status 7.8", []string{"Item 7.8: *Inquorate*: 2 present, quorum 3. Graeme Robson withdraws for it (disclosable pecuniary interest)."}},
		{neil, "/meeting status 7.7", []string{"Item 7.7: Quorate: 3 present, quorum 3."}},
	})
	if got := k.say(neil, "/meeting status 7.7"); strings.Contains(got, "withdraws") {
		t.Errorf("Graeme withdraws for the item that took his item's old number:\n%s", got)
	}
}

// TestMeetingStatusOfItemUnderDiscussion: asking for the status of the
// item under discussion gives its line once, first, not again under the
// meeting's count.
func TestMeetingStatusOfItemUnderDiscussion(t *testing.T) {
	k := attDay(t)
	k.now = attAt(10, 9, 55)
	k.must(sue, "/meeting start")
	for _, u := range []string{sue, graeme, attAnn} {
		k.must(u, "/here")
	}
	k.must(sue, "/meeting item 7.7")
	got := k.say(neil, "/meeting status 7.7")
	if n := strings.Count(got, "Item 7.7: Quorate: 3 present, quorum 3."); n != 1 {
		t.Errorf("the item's line is shown %d times, want once:\n%s", n, got)
	}
	inOrder(t, got, "Item 7.7: Quorate: 3 present, quorum 3.", "Opened at 09:55.", "Quorate: 3 present, quorum 3")
	// Another item's status still names the item under discussion too.
	wantShown(t, k.say(neil, "/meeting status 4"), "Item 4: ", "Item 7.7: Quorate: 3 present, quorum 3.")
}

// TestMeetingStartRefusedForPastMeetings: a meeting held already (its
// minutes imported) or long past is not opened again: it would show as in
// progress on every member's Home and take attendance now.
func TestMeetingStartRefusedForPastMeetings(t *testing.T) {
	k := importedKit(t) // held on Thursday 9 December 2021
	k.must(ian, "/meeting schedule 2026-12-10 10:00")
	attRefused(k, ian, "/meeting start 09/12/2021", "The meeting on Thursday 9 December 2021 was held; it cannot be opened again.")
	k.now = attAt(11, 10, 30) // the day after
	attRefused(k, ian, "/meeting start 10/12/2026", "The meeting on Thursday 10 December 2026 started at 10:00 more than 12 hours ago; it cannot be opened now.")
	if n := attRows(k, `SELECT count(*) FROM meeting_sessions`); n != 0 {
		t.Errorf("%d conduct records after refusals, want none", n)
	}
	if s, _ := attSection(k, neil, "Meeting in progress"); s.Title != "" {
		t.Errorf("Neil's Home shows a meeting in progress: %+v", s)
	}
}

// TestAttendanceMarkedByTheViceChairInTheChair: the vice-chair, chairing
// a meeting the chair sent apologies for, opens it and marks others as the
// chair would; otherwise they mark only themselves.
func TestAttendanceMarkedByTheViceChairInTheChair(t *testing.T) {
	k := attDay(t)
	k.must(ian, "/committee member add <@UGRAEME> Merseyside Police vice-chair")
	k.must(sue, "/apologies Unwell")
	k.must(graeme, "/meeting start")
	k.steps([]step{
		{graeme, "/attendance <@UANN> present", []string{"Ann is marked present."}},
		{graeme, `/attendance "Jen Williams (NW Probation)" in-attendance`, []string{"Jen Williams is marked in attendance."}},
	})
	wantShown(t, k.say(ian, "/meeting status"), "Ann (Sefton Council) — marked by Graeme Robson")

	// With the chair at the meeting, the vice-chair is a member like any other.
	k2 := attDay(t)
	k2.must(ian, "/committee member add <@UGRAEME> Merseyside Police vice-chair")
	k2.must(sue, "/meeting start")
	attRefused(k2, graeme, "/attendance <@UANN> present", "only the chair or an officer can mark someone else")
	if n := attRows(k2, `SELECT count(*) FROM attendance_marks`); n != 0 {
		t.Errorf("%d marks after a refusal, want none", n)
	}
}

// TestAttendanceLateArrivalCorrected: the officer who marks someone late
// after they were marked here (pressed I'm here on arriving, or a time
// typed wrong) corrects their arrival: the minutes print the late arrival
// the reply confirmed.
func TestAttendanceLateArrivalCorrected(t *testing.T) {
	k := attDay(t)
	k.must(sue, "/meeting start")
	k.now = attAt(10, 10, 20)
	k.must(graeme, "/here")
	k.now = attAt(10, 10, 40)
	k.steps([]step{
		{ian, "/attendance <@UGRAEME> late 10:20", []string{"Graeme Robson is marked present, arrived late at 10:20."}},
		{ian, "/attendance <@UANN> late 10:25", []string{"Ann is marked present, arrived late at 10:25."}},
		{ian, "/attendance <@UANN> late 10:35", []string{"Ann is marked present, arrived late at 10:35."}},
	})
	att := k.say(ian, "/meeting attendance")
	wantShown(t, att, "Graeme Robson arrived at 10:20.", "Ann arrived at 10:35.")
	if strings.Contains(att, "10:25") {
		t.Errorf("the corrected time stands in the minutes:\n%s", att)
	}
}

// TestApologiesRefusedOnceOpened: a meeting opened before its advertised
// start has started: it takes no more apologies, by any path, so the
// minutes never list someone present among the apologies.
func TestApologiesRefusedOnceOpened(t *testing.T) {
	k := attDay(t)
	k.now = attAt(10, 9, 30)
	k.must(sue, "/meeting start")
	k.must(graeme, "/here")
	for _, c := range []struct{ user, line string }{
		{graeme, "/apologies Unwell"},
		{graeme, "/apologies 10/12/2026 Unwell"},
		{ian, "/apologies for <@UANN> Unwell"},
	} {
		attRefused(k, c.user, c.line, "The meeting on Thursday 10 December 2026 is under way (opened at 09:30); apologies for it are closed")
	}
	att := k.say(ian, "/meeting attendance")
	wantShown(t, att, "Present: Graeme Robson (Merseyside Police).", "Apologies for absence were received from Neil Frackelton (SWACA).")
	if n := attRows(k, `SELECT count(*) FROM apologies WHERE NOT withdrawn`); n != 1 {
		t.Errorf("%d apologies standing, want Neil's alone", n)
	}
}

// TestLiveMessageFollowsMembership: the live message counts the voting
// members, so adding or removing one while the meeting is in progress
// edits it, as changing the quorum or a member's vote does.
func TestLiveMessageFollowsMembership(t *testing.T) {
	k := attDay(t) // Neil, Graeme, Sue (chair) and Ann vote
	k.must(ian, "/committee quorum 1/2")
	id := k.next().ID
	k.must(sue, "/meeting start")
	k.must(sue, "/here")
	live, _ := attLive(k, id)
	wantShown(t, shown(live), "*Inquorate*: 1 present, quorum 2")

	k.must(ian, "/committee member remove <@UANN>")
	k.must(ian, "/committee member remove <@UNEIL>")
	live, _ = attLive(k, id)
	wantShown(t, shown(live), "Quorate: 1 present, quorum 1")
	k.must(ian, "/committee member add <@UANN|Ann> Sefton Council")
	live, _ = attLive(k, id)
	wantShown(t, shown(live), "*Inquorate*: 1 present, quorum 2")
}

// TestAgendaFixedOnceOpened: a meeting opened before its advertised start
// has started, and its agenda is fixed: the item under discussion keeps
// its number, and the per-item quorum its declarations.
func TestAgendaFixedOnceOpened(t *testing.T) {
	k := attDay(t)
	k.now = attAt(10, 9, 30)
	k.must(sue, "/meeting start")
	k.must(sue, "/meeting item 7.7")
	for _, line := range []string{
		"/agenda add 8 Late item",
		"/agenda move 7.7 7.9",
		"/agenda remove 7.7",
		"/agenda add 10/12/2026 8 Late item",
	} {
		attRefused(k, ian, line, "The meeting on Thursday 10 December 2026 is under way (opened at 09:30); its agenda cannot be changed, and nothing was changed")
	}
	if n := attRows(k, `SELECT count(*) FROM agenda_items WHERE number = '7.7' AND removed_at IS NULL`); n != 1 {
		t.Errorf("item 7.7 changed under the meeting in progress: %d standing", n)
	}
}

// TestAttendanceSubstituteMarkCorrected: a member marked by mistake as
// substituting for another, then marked present, counts for themselves
// again: both count when the other arrives, and the minutes name no
// substitute.
func TestAttendanceSubstituteMarkCorrected(t *testing.T) {
	k := attDay(t)
	k.must(sue, "/meeting start")
	k.steps([]step{
		// Leaving, a member standing in for another still stood in for them.
		{ian, "/attendance <@UGRAEME> substitute-for <@UANN>", []string{"Graeme Robson is marked present as substitute for Ann. *Inquorate*: 1 present, quorum 3"}},
		{ian, "/attendance <@UGRAEME> left", []string{"*Inquorate*: 0 present, quorum 3"}},
		{ian, "/meeting status", []string{"*Substitutes*\nGraeme Robson (Merseyside Police) for Ann"}},
		{ian, "/attendance <@UGRAEME> substitute-for <@UANN>", []string{"*Inquorate*: 1 present, quorum 3"}},
		{ian, "/attendance <@UGRAEME> present", []string{"Graeme Robson is marked present. *Inquorate*: 1 present, quorum 3"}},
		{attAnn, "/here", []string{"You are marked present. *Inquorate*: 2 present, quorum 3"}},
	})
	if att := k.say(ian, "/meeting attendance"); strings.Contains(att, "Substitutes") {
		t.Errorf("the corrected mark still names a substitute:\n%s", att)
	}
	// A substitute who is no member stays the member's substitute as they
	// come and go.
	k.steps([]step{
		{ian, "/attendance <@USTRANGER> substitute-for <@UNEIL>", []string{"Quorate: 3 present, quorum 3"}},
		{ian, "/attendance <@USTRANGER> left", []string{"*Inquorate*: 2 present, quorum 3"}},
		{ian, "/attendance <@USTRANGER> present", []string{"Quorate: 3 present, quorum 3"}},
	})
	wantShown(t, k.say(ian, "/meeting attendance"), "Substitutes: Mallory for Neil Frackelton.")
}

// A member whom the officer marked as another's substitute and who then
// presses I'm here is confirming they are here, not undoing the mark: the
// officer corrects a mistaken one with /attendance.
func TestAttendanceSubstituteConfirmsWithHere(t *testing.T) {
	k := attDay(t)
	k.must(sue, "/meeting start")
	k.steps([]step{
		{ian, "/attendance <@UGRAEME> substitute-for <@UANN>", []string{"Graeme Robson is marked present as substitute for Ann."}},
		{graeme, "/here", []string{"You were marked present as substitute for Ann already."}},
		{attAnn, "/here", []string{"*Inquorate*: 1 present, quorum 3"}},
	})
	wantShown(t, k.say(ian, "/meeting attendance"), "Substitutes: Graeme Robson (Merseyside Police) for Ann.")
}

// While a meeting is in progress, /agenda shows it: its start has passed,
// but it is the meeting the members have in front of them.
func TestAgendaShowsTheMeetingInProgress(t *testing.T) {
	k := attDay(t)
	k.must(sue, "/meeting start")
	k.now = attAt(10, 10, 40)
	got := k.say(graeme, "/agenda")
	for _, want := range []string{"Thursday 10 December 2026", "Sefton CVS"} {
		if !strings.Contains(got, want) {
			t.Errorf("/agenda during the meeting lacks %q:\n%s", want, got)
		}
	}
	// Once it has closed, /agenda is the next meeting's again.
	k.must(sue, "/meeting close")
	if got := k.say(graeme, "/agenda"); strings.Contains(got, "Thursday 10 December 2026") {
		t.Errorf("/agenda after the meeting closed still shows it:\n%s", got)
	}
}

// TestListsShowTheMeetingInProgress: at the table, the lists the officer
// reads from — apologies, declarations, reports and the declarations
// minute — are the meeting's in progress, not the next one's, even when
// no other meeting is scheduled; a date still names another.
func TestListsShowTheMeetingInProgress(t *testing.T) {
	k := attDay(t)
	k.must(sue, "/meeting start")
	k.now = attAt(10, 10, 5)
	k.must(graeme, "/declare 7.7 personal Trustee of Sefton CVS")
	k.must(sue, "/report 7.7 https://example.org/cvs.pdf CVS report")
	for _, c := range []struct{ user, line, want string }{
		{ian, "/apologies list", "Apologies for absence were received from Neil Frackelton (SWACA)."},
		{ian, "/declare list", "Item 7.7 (Sefton CVS) — Graeme Robson: personal interest — Trustee of Sefton CVS"},
		{ian, "/declare minutes", "Graeme Robson declared a personal interest in Item 7.7 (Sefton CVS) as Trustee of Sefton CVS."},
		{ian, "/report list", "CVS report"},
		{ian, "/history declarations", "Trustee of Sefton CVS"},
		{graeme, "/history declarations", "Trustee of Sefton CVS"},
		{ian, "/history reports", "https://example.org/cvs.pdf"},
	} {
		wantShown(t, k.say(c.user, c.line), "Thursday 10 December 2026", c.want)
	}
	// With a later meeting scheduled, the one in progress is still meant.
	k.must(ian, "/meeting schedule 2027-01-14 10:00")
	wantShown(t, k.say(ian, "/declare list"), "Thursday 10 December 2026", "Trustee of Sefton CVS")
	wantShown(t, k.say(ian, "/history declarations"), "Thursday 10 December 2026", "Trustee of Sefton CVS")
	wantShown(t, k.say(ian, "/history declarations 14/01/2027"), "Thursday 14 January 2027")
	// "next" in words is the next meeting, not the one in progress.
	for _, line := range []string{"/apologies list next", "/declare list next", "/history declarations next"} {
		if got := k.say(ian, line); !strings.Contains(got, "Thursday 14 January 2027") || strings.Contains(got, "Trustee of Sefton CVS") {
			t.Errorf("%s:\n%s", line, got)
		}
	}
	wantShown(t, k.say(ian, "/apologies list 14/01/2027"), "Thursday 14 January 2027")
}

// TestMinutesKeepMembersRemovedSince: a member who attended a meeting and
// was removed from the committee afterwards was a member at it: the
// attendance paragraphs of that meeting still list them as present, not
// among those also present.
func TestMinutesKeepMembersRemovedSince(t *testing.T) {
	k := attDay(t)
	heldThenNextDay(k, sue, sue, graeme)
	k.must(ian, "/committee member remove <@UGRAEME>")
	att := k.say(ian, "/meeting attendance 10/12/2026")
	wantShown(t, att, "Present: Sue Holden (Sefton CVS) (in the Chair) and Graeme Robson (Merseyside Police).")
	if strings.Contains(att, "Also present") {
		t.Errorf("a member at the meeting, removed since, is listed as also present:\n%s", att)
	}
}

// TestMemberRemovedDuringTheMeetingStillCounts: a member marked present
// and removed from the committee while the meeting sits was a member at
// it: the live count keeps them present, towards the quorum, as the
// minutes list them, rather than moving them to those also present and
// the meeting nearer inquorate than its record says.
func TestMemberRemovedDuringTheMeetingStillCounts(t *testing.T) {
	k := itemUnderWay(t)
	k.must(ian, "/committee member remove <@UGRAEME>")
	status := k.say(ian, "/meeting status")
	wantShown(t, status, "Quorate: 3 present, quorum 3", "*Present (3)*", "Graeme Robson (Merseyside Police)")
	if strings.Contains(status, "Also present") {
		t.Errorf("a member removed during the meeting is listed as also present:\n%s", status)
	}
	k.must(sue, "/meeting close")
	wantShown(t, k.say(ian, "/meeting attendance"), "Present: Sue Holden (Sefton CVS) (in the Chair), Graeme Robson (Merseyside Police) and Ann (Sefton Council).")
}

// TestChairNotRemovedWhileInTheChair: the chair presiding at the meeting
// under way is not removed from the committee, which would leave no one
// in the Chair and the minutes naming no one for the time she held it;
// once the meeting has closed, she is, and its minutes still name her in
// the Chair.
func TestChairNotRemovedWhileInTheChair(t *testing.T) {
	k := itemUnderWay(t)
	attRefused(k, ian, "/committee member remove <@USUE>", "<@USUE> is in the Chair of the meeting under way, so is not removed; nothing changed. Remove them once the meeting has closed.")
	wantShown(t, k.say(ian, "/meeting status"), "Sue Holden (Sefton CVS) (in the Chair)")
	k.now = attAt(10, 11, 0)
	k.must(sue, "/meeting close")
	k.must(ian, "/committee member remove <@USUE>")
	wantShown(t, k.say(ian, "/meeting attendance"), "Present: Sue Holden (Sefton CVS) (in the Chair), Graeme Robson (Merseyside Police) and Ann (Sefton Council).")
}

// heldThenNextDay holds the meeting of 10 December 2026, opened and
// closed (at 11:30) by chair with present pressing I'm here, and moves the
// clock to 09:00 the next day.
func heldThenNextDay(k *kit, chair string, present ...string) {
	k.t.Helper()
	k.must(chair, "/meeting start")
	for _, p := range present {
		k.must(p, "/here")
	}
	k.now = attAt(10, 11, 30)
	k.must(chair, "/meeting close")
	k.now = attAt(11, 9, 0)
}

// TestPastMeetingNamesItsOwnChair: the record of a meeting held names the
// chair who chaired it "(in the Chair)", not whoever the committee made
// chair afterwards.
func TestPastMeetingNamesItsOwnChair(t *testing.T) {
	k := attDay(t)
	heldThenNextDay(k, sue, sue, graeme)
	ask := k.run(ian, "/committee member add <@UGRAEME> Merseyside Police chair")
	k.press(ian, ask, "Confirm: Graeme Robson as chair")
	att := k.say(ian, "/meeting attendance 10/12/2026")
	wantShown(t, att, "Present: Sue Holden (Sefton CVS) (in the Chair) and Graeme Robson (Merseyside Police).")
	if strings.Contains(att, "Robson (Merseyside Police) (in the Chair)") {
		t.Errorf("the chair made since is named in the Chair of a meeting held before:\n%s", att)
	}
}

// TestPastMeetingNamesTheViceChairWhoChairedIt: the vice-chair who took
// the chair in the chair's absence stays "(in the Chair)" in that
// meeting's record after someone present at it is made chair.
func TestPastMeetingNamesTheViceChairWhoChairedIt(t *testing.T) {
	k := attDay(t)
	k.must(ian, "/committee member add <@UGRAEME> Merseyside Police vice-chair")
	heldThenNextDay(k, ian, graeme, "UANN")
	ask := k.run(ian, "/committee member add <@UANN> Sefton Council chair")
	k.press(ian, ask, "Confirm: UANN as chair")
	att := k.say(ian, "/meeting attendance 10/12/2026")
	wantShown(t, att, "Graeme Robson (Merseyside Police) (in the Chair)")
	if n := strings.Count(att, "(in the Chair)"); n != 1 {
		t.Errorf("%d named in the Chair of a meeting held before a new chair was made, want the vice-chair alone:\n%s", n, att)
	}
}

// TestAttendanceNamedSubstituteMarkedPresent: the substitute a member's
// apology names, marked present by the officer (by name, or by mention
// when not a member), attends in that member's place: listed as their
// substitute and counted, not a guest also present.
func TestAttendanceNamedSubstituteMarkedPresent(t *testing.T) {
	k := attDay(t)
	k.now = attAt(9, 9, 0)
	k.must(attAnn, `/apologies 10/12/2026 Unwell sub "Jane Smith (Sefton CVS)"`)
	k.must(neil, "/apologies 10/12/2026 Unwell sub <@USTRANGER>")
	k.now = attAt(10, 9, 55)
	k.must(sue, "/meeting start")
	k.steps([]step{
		{ian, `/attendance "jane smith" present`, []string{"Jane Smith is marked present as substitute for Ann. *Inquorate*: 1 present, quorum 3"}},
		{ian, "/attendance <@USTRANGER> present", []string{"Mallory is marked present as substitute for Neil Frackelton. *Inquorate*: 2 present, quorum 3"}},
		// Someone not named is still a guest.
		{ian, `/attendance "Tom Hill" present`, []string{"Tom Hill is marked present. *Inquorate*: 2 present, quorum 3"}},
	})
	att := k.say(ian, "/meeting attendance")
	wantShown(t, att, "Present: Jane Smith (Sefton CVS) and Mallory.", "Also present: Tom Hill.",
		"Substitutes: Jane Smith (Sefton CVS) for Ann and Mallory for Neil Frackelton.")
}

// TestAttendanceLeftAndReturned: someone who withdraws for an item and
// comes back is still recorded as having left, with when they returned;
// one who leaves twice is recorded twice.
func TestAttendanceLeftAndReturned(t *testing.T) {
	k := attDay(t)
	k.must(sue, "/meeting start")
	k.must(sue, "/here")
	k.must(graeme, "/here")
	k.must(attAnn, "/here")
	k.now = attAt(10, 10, 30)
	k.must(ian, "/meeting item 7.7")
	k.now = attAt(10, 10, 40)
	k.must(ian, "/attendance <@UGRAEME> left 10:35")
	// The departure was corrected, then he came back.
	k.must(ian, "/attendance <@UGRAEME> left 10:32")
	// Nobody comes back before they left.
	attRefused(k, ian, "/attendance <@UGRAEME> late 10:20",
		"Graeme Robson left at 10:32, so cannot have come back at 10:20. Give a time from 10:32 to now (10:40), or leave the time out for now.")
	k.now = attAt(10, 10, 50)
	k.must(ian, "/attendance <@UGRAEME> present")
	k.now = attAt(10, 11, 0)
	k.must(ian, "/attendance <@UANN> left")
	k.now = attAt(10, 11, 5)
	k.must(ian, "/attendance <@UANN> present")
	k.now = attAt(10, 11, 10)
	k.must(ian, "/attendance <@UANN> left")
	k.now = attAt(10, 11, 30)
	k.must(sue, "/meeting close")
	att := k.say(ian, "/meeting attendance")
	// Each departure lost the quorum of three, and each return found it.
	wantShown(t, att, "Graeme Robson left the meeting at 10:32 during consideration of item 7.7 and returned at 10:50.\n"+
		"The meeting became inquorate at 10:32 during consideration of item 7.7 (2 voting members present, quorum 3).\n"+
		"The meeting was quorate again at 10:50 during consideration of item 7.7.\n"+
		"Ann left the meeting at 11:00 during consideration of item 7.7 and returned at 11:05.\n"+
		"The meeting became inquorate at 11:00 during consideration of item 7.7 (2 voting members present, quorum 3).\n"+
		"The meeting was quorate again at 11:05 during consideration of item 7.7.\n"+
		"Ann left the meeting at 11:10 during consideration of item 7.7.\n"+
		"The meeting became inquorate at 11:10 during consideration of item 7.7 (2 voting members present, quorum 3).")
	if strings.Contains(att, "10:35") {
		t.Errorf("the corrected departure stands in the minutes:\n%s", att)
	}
	// The minutes name the item by its minute's number: item 7.7 is
	// minute 5 (after the four standard items).
	draft := k.say(ian, "/minutes draft")
	wantShown(t, draft, "Graeme Robson left the meeting at 10:32 during consideration of Minute No. 5 and returned at 10:50.", "```\n5. SEFTON CVS")
	if strings.Contains(draft, "item 7.7") {
		t.Errorf("the minutes name an agenda item's number, which they do not print:\n%s", draft)
	}
}

// TestAttendanceReturnIsNotALateArrival: `late HH:MM` for someone marked
// as having left records their return, and the reply and the history say
// so, as the minutes do; it is not an arrival, late or otherwise.
func TestAttendanceReturnIsNotALateArrival(t *testing.T) {
	k := attDay(t)
	k.must(sue, "/meeting start")
	k.must(graeme, "/here")
	k.now = attAt(10, 10, 40)
	k.must(ian, "/attendance <@UGRAEME> left 10:30")
	k.now = attAt(10, 10, 50)
	k.steps([]step{
		{ian, "/attendance <@UGRAEME> late 10:45", []string{"Graeme Robson is marked as having returned at 10:45."}},
		{graeme, "/attendance <@UGRAEME> late 10:45", []string{"You were marked as having returned at 10:45 already."}},
		// A late arrival is still one.
		{ian, "/attendance <@UANN> late 10:48", []string{"Ann is marked present, arrived late at 10:48."}},
	})
	hist := k.say(ian, "/history attendance <@UGRAEME>")
	wantShown(t, hist, "<@UGRAEME> marked present\n", "<@UGRAEME> marked as having left at 10:30 _(entered by <@UIAN>)_", "<@UGRAEME> marked as having returned at 10:45 _(entered by <@UIAN>)_")
	if strings.Contains(hist, "arrived late") {
		t.Errorf("the history calls a return a late arrival:\n%s", hist)
	}
}

// TestAttendanceAbsentAfterAMistakenMark: marking a member present took
// back the apologies they had sent; when the officer corrects the mark to
// absent, those apologies stand again — in the list, the minutes and the
// history — rather than the member being minuted as neither there nor
// apologising, and they are not listed as absent as well. Apologies the
// member withdrew themselves stay withdrawn.
func TestAttendanceAbsentAfterAMistakenMark(t *testing.T) {
	k := attDay(t)
	k.must(graeme, "/apologies Holiday")
	k.must(graeme, "/apologies withdraw")
	k.must(sue, "/meeting start")
	k.must(ian, "/attendance <@UNEIL> present")
	wantShown(t, k.say(ian, "/attendance <@UNEIL> absent"), "Neil Frackelton is marked absent. Their apologies stand.")
	k.must(ian, "/attendance <@UGRAEME> absent")
	wantShown(t, k.say(ian, "/apologies list"), "Apologies for absence were received from Neil Frackelton (SWACA).")
	inOrder(t, k.say(ian, "/history apologies <@UNEIL>"),
		"<@UNEIL> sent apologies: Unwell",
		"<@UNEIL> withdrew their apologies: attended the meeting _(entered by <@UIAN>)_",
		"<@UNEIL> had their apologies restored on being marked absent: Unwell _(entered by <@UIAN>)_")
	k.must(sue, "/meeting close")
	att := k.say(ian, "/meeting attendance")
	wantShown(t, att, "Apologies for absence were received from Neil Frackelton (SWACA).\n\nAbsent: Graeme Robson (Merseyside Police).")
}

// TestAttendanceOneSubstituteAtATime: a member has one substitute at a
// time; marking a second while the first is still marked so is refused,
// with how to correct the first. Once the first has left, another may
// stand in.
func TestAttendanceOneSubstituteAtATime(t *testing.T) {
	k := attDay(t)
	k.must(sue, "/meeting start")
	k.must(ian, "/attendance <@UGRAEME> substitute-for <@UNEIL>")
	attRefused(k, ian, "/attendance <@UANN> substitute-for <@UNEIL>",
		"Graeme Robson is already marked as substitute for Neil Frackelton, so nothing was recorded for Ann (Sefton Council). If that was a mistake, mark them as themselves first: `/attendance <@UGRAEME> present`; then mark them again.")
	attRefused(k, ian, `/attendance "Jo Bloggs (Sefton CVS)" substitute-for <@UNEIL>`,
		"Graeme Robson is already marked as substitute for Neil Frackelton, so nothing was recorded for Jo Bloggs (Sefton CVS).")
	st := k.say(ian, "/meeting status")
	if strings.Count(st, "for Neil Frackelton") != 1 {
		t.Errorf("Neil has more than one substitute:\n%s", st)
	}
	k.now = attAt(10, 10, 30)
	k.must(ian, "/attendance <@UGRAEME> left")
	wantShown(t, k.say(ian, "/attendance <@UANN> substitute-for <@UNEIL>"), "Ann is marked present as substitute for Neil Frackelton.")
}

// TestAttendanceApologiesWithdrawnAsTheMeetingCloses: apologies withdrawn
// at the meeting as the chair closes it are withdrawn under the meeting's
// attendance lock, which the withdrawal waits for, and only if the meeting
// is still open once it holds it: closed meanwhile, the withdrawal is
// refused, saying so, and the closed meeting's apologies stand as minuted.
func TestAttendanceApologiesWithdrawnAsTheMeetingCloses(t *testing.T) {
	k := attDay(t)
	id := k.next().ID
	k.must(sue, "/meeting start")
	k.now = attAt(10, 10, 5)
	k.must(ian, "/attendance <@UANN> apologies Unwell")
	k.now = attAt(10, 11, 0)
	var closed result
	rs := whileHeldMeanwhile(k, "the attendance lock", `SELECT pg_advisory_xact_lock(hashtextextended('attendance:' || CAST($1 AS bigint), 0))`, id,
		[][2]string{{ian, "/attendance <@UANN> apologies withdraw"}}, func() { closed = <-k.runAsync(sue, "/meeting close") })
	oneDoneOneRefused(t, append(rs, closed), "You closed the meeting", "No meeting of Safer Sefton Together is in progress. Today's closed at 11:00.")
	wantShown(t, k.say(ian, "/apologies list 10 December"), "Apologies for absence were received from Neil Frackelton (SWACA) and Ann (Sefton Council).")
	if h := k.say(ian, "/history apologies <@UANN>"); strings.Contains(h, "withdrew") {
		t.Errorf("the closed meeting's apologies were withdrawn:\n%s", h)
	}
}

// whileAttendanceLocked sends each line at once, as the user paired with
// it, while a mark at meeting id holds the meeting's attendance lock
// alone, as one that may lose the quorum does: each has read the meeting
// and waits to mark. It then lets the mark go and returns the answers in
// the order sent.
func whileAttendanceLocked(k *kit, id int64, sends ...[2]string) []result {
	k.t.Helper()
	return whileHeld(k, "the attendance lock", `SELECT pg_advisory_xact_lock(hashtextextended('attendance:' || CAST($1 AS bigint), 0))`, id, sends)
}

// substitutesOf counts those marked here now as substitute for member at
// meeting id.
func substitutesOf(k *kit, id int64, member string) int {
	k.t.Helper()
	log, err := k.db.AttendanceLog(context.Background(), id)
	if err != nil {
		k.t.Fatal(err)
	}
	n := 0
	for _, a := range commands.Standing(log) {
		if a.SubstituteFor == member && a.Status != commands.AttendLeft && a.Status != commands.AttendAbsent {
			n++
		}
	}
	return n
}

// TestAttendanceTwoSubstitutesAtOnce: two substitutes for one member sent
// at once, each checked against the meeting as it was before either, are
// not both marked: one is, and the other is refused as it would be sent
// after, naming the one who stands in.
func TestAttendanceTwoSubstitutesAtOnce(t *testing.T) {
	k := attDay(t)
	id := k.next().ID
	k.must(sue, "/meeting start")
	rs := whileAttendanceLocked(k, id,
		[2]string{ian, "/attendance <@UGRAEME> substitute-for <@UNEIL>"},
		[2]string{sue, "/attendance <@UANN> substitute-for <@UNEIL>"})
	oneDoneOneRefused(t, rs, "marked present as substitute for Neil Frackelton",
		"is already marked as substitute for Neil Frackelton, so nothing was recorded for ")
	if n := substitutesOf(k, id, neil); n != 1 {
		t.Errorf("Neil has %d substitutes:\n%s", n, k.say(ian, "/meeting status"))
	}
}

// TestAttendanceManySubstitutesAtOnce sends substitutes for one member
// from many officers at once, again and again: each time, one stands in
// and every other is refused.
func TestAttendanceManySubstitutesAtOnce(t *testing.T) {
	k := attDay(t)
	id := k.next().ID
	k.must(sue, "/meeting start")
	names := []string{"Jo Bloggs", "Kim Lee", "Pat Moss", "Sam Hart"}
	for round := range 3 {
		var sent []<-chan result
		for i, name := range names {
			who := ian
			if i%2 == 1 {
				who = sue
			}
			sent = append(sent, k.runAsync(who, fmt.Sprintf(`/attendance "%s %d (Sefton CVS)" substitute-for <@UNEIL>`, name, round)))
		}
		marked := 0
		for _, c := range sent {
			r := <-c
			switch {
			case r.err != nil:
				t.Fatalf("error: %v", r.err)
			case r.reply.Refused:
				wantShown(t, shown(r.reply), "is already marked as substitute for Neil Frackelton, so nothing was recorded for ")
			default:
				marked++
			}
		}
		if n := substitutesOf(k, id, neil); marked != 1 || n != 1 {
			t.Fatalf("round %d: %d marked, Neil has %d substitutes:\n%s", round, marked, n, k.say(ian, "/meeting status"))
		}
		// The one standing in leaves; the next round finds the place free.
		log, err := k.db.AttendanceLog(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range commands.Standing(log) {
			if a.SubstituteFor == neil && a.Status != commands.AttendLeft {
				k.must(ian, fmt.Sprintf(`/attendance "%s (%s)" left`, a.Name, a.Organisation))
			}
		}
	}
}

// A member marks only themselves: they cannot record themselves as
// standing in for another member, which the minutes would print as that
// member's substitute, unless that member's apologies name them. The
// officer or the chair records any other substitute.
func TestAttendanceMemberSubstitutesOnlyWhereNamed(t *testing.T) {
	k := attDay(t)
	k.must(attAnn, "/apologies 10/12/2026 Annual leave sub <@UGRAEME>")
	k.must(sue, "/meeting start")
	attRefused(k, graeme, "/attendance <@UGRAEME> substitute-for <@USUE>",
		"Only an officer or the chair of Safer Sefton Together can record you as another member's substitute: Sue Holden's apologies for this meeting do not name you.")
	attRefused(k, graeme, "/attendance <@UGRAEME> substitute-for <@UNEIL>",
		"Neil Frackelton's apologies for this meeting do not name you.")
	if att := k.say(ian, "/meeting attendance"); strings.Contains(att, "Substitutes") {
		t.Errorf("a member recorded themselves as another's substitute:\n%s", att)
	}
	k.steps([]step{
		{graeme, "/attendance <@UGRAEME> substitute-for <@UANN>", []string{"You are marked present as substitute for Ann."}},
		{sue, "/attendance <@UNEIL> absent", []string{"Neil Frackelton is marked absent."}},
	})
	wantShown(t, k.say(ian, "/meeting attendance"), "Substitutes: Graeme Robson (Merseyside Police) for Ann.")
}

// TestMemberAddedNonVotingAtOnce: a member added as non-voting is saved
// with their vote in one change, or not at all: never added as a voting
// member, to count to the quorum, while the answer says nothing was saved.
func TestMemberAddedNonVotingAtOnce(t *testing.T) {
	k := committeeKit(t)
	// The records refuse to write down the vote.
	if _, err := k.db.SQL().Exec(`CREATE FUNCTION refuse_vote() RETURNS trigger LANGUAGE plpgsql AS $$
		BEGIN IF NEW.action = 'member.voting' THEN RAISE EXCEPTION 'vote refused'; END IF; RETURN NEW; END $$;
		CREATE TRIGGER refuse_vote BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION refuse_vote()`); err != nil {
		t.Fatal(err)
	}
	r, err := k.svc.Run(context.Background(), k.request(ian, "/committee member add <@USUE> Sefton CVS non-voting"))
	if err != nil {
		r = commands.FailureReply(err, "ref")
	}
	if !strings.Contains(r.Text, "NOT saved") {
		t.Fatalf("the vote could not be written, yet: %s", shown(r))
	}
	if m, err := k.db.Member(context.Background(), k.committee().ID, sue); err == nil {
		t.Errorf("NOT saved, but Sue is a member, as %s, voting", m.Role)
	}
}

// TestAttendanceDepartureWithdrawn: a departure entered by mistake is
// withdrawn with `left none`: the person is as they were before it, counts
// again, and the minutes do not have them leave and return; the history
// keeps both marks. Only a departure standing can be withdrawn.
func TestAttendanceDepartureWithdrawn(t *testing.T) {
	k := attDay(t)
	k.must(sue, "/meeting start")
	k.must(sue, "/here")
	k.must(graeme, "/here")
	k.now = attAt(10, 10, 20)
	k.must(attAnn, "/here remote")
	k.now = attAt(10, 10, 40)
	k.must(ian, "/attendance <@UANN> left 10:35")
	k.must(ian, "/attendance <@UANN> left 10:32")
	k.now = attAt(10, 10, 45)
	k.steps([]step{
		{ian, "/attendance <@UANN> left none", []string{"Ann is marked as not having left at 10:32 after all (the departure was entered by mistake). Quorate: 3 present, quorum 3"}},
		{ian, "/meeting status", []string{"*Present (3)*"}},
	})
	attRefused(k, ian, "/attendance <@UANN> left none", "<@UANN> is not marked as having left, so there is no departure to withdraw.")
	attRefused(k, ian, "/attendance <@UGRAEME> left none", "Graeme Robson is not marked as having left, so there is no departure to withdraw.")
	k.now = attAt(10, 11, 30)
	k.must(sue, "/meeting close")
	for _, line := range []string{"/meeting attendance", "/minutes draft"} {
		got := k.say(ian, line)
		wantShown(t, got, "Ann (Sefton Council) (remotely)")
		if strings.Contains(got, "Ann left") || strings.Contains(got, "returned") || strings.Contains(got, "10:32") {
			t.Errorf("%s: the departure withdrawn stands:\n%s", line, got)
		}
	}
	inOrder(t, k.say(ian, "/history attendance <@UANN>"),
		"<@UANN> marked as having left at 10:32 _(entered by <@UIAN>)_",
		"<@UANN> marked as not having left at 10:32 after all (the departure was entered by mistake) _(entered by <@UIAN>)_")
	if n := attRows(k, `SELECT count(*) FROM attendance_marks WHERE member_key = 'UANN'`); n != 4 {
		t.Errorf("%d marks for Ann, want all 4 kept", n)
	}
}

// TestAttendanceSuggestionsKeepCodeSpansWhole: the commands an attendance
// refusal suggests stay well formed whatever the names hold. A backquote
// would end a `code` span (Slack has no escape for one): in a name shown
// beside one it is shown as a look-alike, and a name not in Slack that
// holds one is not put into a suggested command, which could not then be
// typed as shown, but left for the officer to give.
func TestAttendanceSuggestionsKeepCodeSpansWhole(t *testing.T) {
	k := committeeKit(t)
	k.svc = commands.New(k.db, people{ian: "Ian Barton", sue: "Sue `Sunny` Holden", neil: `Neil "Nifty" Frackelton`, graeme: "Graeme Robson"})
	k.must(ian, "/committee member add <@USUE> Sefton CVS chair")
	k.must(ian, "/meeting schedule 2026-12-10 10:00 Remote Meeting")
	k.now = attAt(10, 9, 55)
	k.must(sue, "/meeting start")
	k.must(ian, "/attendance \"Jo `JJ` Bloggs (Sefton CVS)\" substitute-for <@UNEIL>")
	for _, tc := range []struct{ line, want string }{
		{"/attendance <@UGRAEME> substitute-for <@UNEIL>",
			"Jo ˋJJˋ Bloggs is already marked as substitute for Neil Frackelton, so nothing was recorded for Graeme Robson (Merseyside Police). If that was a mistake, mark them as themselves first: `/attendance \"Name (Organisation)\" present`, with their name as it was given; then mark them again."},
		{"/attendance \"Al `Ace` Jones (Sefton CVS)\" left",
			"Al ˋAceˋ Jones is not marked present at this meeting, so cannot be marked as having left. Mark them present first: `/attendance \"Name (Organisation)\" present`, or `/attendance \"Name (Organisation)\" late HH:MM` if they came late, with their name as it was given."},
		{"/attendance <@USUE> left",
			"Sue ˋSunnyˋ Holden is not marked present at this meeting, so cannot be marked as having left. Mark them present first: `/attendance <@USUE> present`, or `/attendance <@USUE> late HH:MM` if they came late."},
	} {
		attRefused(k, ian, tc.line, tc.want)
		if r := k.run(ian, tc.line); strings.Count(r.Text, "`")%2 != 0 {
			t.Errorf("%s: an odd number of backquotes:\n%s", tc.line, r.Text)
		}
	}
	// Sue, in Slack, stands in for Graeme: the suggestion names her by
	// mention, and her name beside it keeps the span whole.
	k.must(ian, "/attendance <@USUE> substitute-for <@UGRAEME>")
	attRefused(k, ian, "/attendance \"Ann Lee (Sefton CVS)\" substitute-for <@UGRAEME>",
		"Sue ˋSunnyˋ Holden is already marked as substitute for Graeme Robson, so nothing was recorded for Ann Lee (Sefton CVS). If that was a mistake, mark them as themselves first: `/attendance <@USUE> present`; then mark them again.")
}

// TestAttendanceApologiesOnTheDay: apologies received at the meeting are
// recorded by the officer or the chair with `/attendance … apologies`,
// once the meeting has opened and `/apologies` is closed: listed and
// minuted among the apologies (not as absent), counted as not present,
// and their history says who entered them.
func TestAttendanceApologiesOnTheDay(t *testing.T) {
	k := attDay(t)
	k.must(sue, "/meeting start")
	k.now = attAt(10, 10, 5)
	k.must(ian, "/attendance <@UGRAEME> present")
	k.must(ian, "/attendance <@USUE> present")
	k.must(ian, "/attendance <@UANN> absent")
	k.steps([]step{
		{ian, "/attendance <@UANN> apologies Unwell", []string{
			"The apologies of <@UANN> for the meeting of *Safer Sefton Together* on Thursday 10 December 2026, 10:00, Remote Meeting are recorded. Their history says you entered them.",
			"Reason: Unwell", "*Inquorate*: 2 present, quorum 3"}},
		// Sent before the meeting, they stand already.
		{sue, "/attendance <@UNEIL> apologies", []string{"already stood as these; nothing changed"}},
		{ian, `/attendance "Jen Williams (NW Probation)" apologies Held up in court`, []string{`The apologies of Jen Williams (NW Probation)`, "Reason: Held up in court"}},
	})
	att := k.say(ian, "/meeting attendance")
	wantShown(t, att, "Apologies for absence were received from Neil Frackelton (SWACA), Ann (Sefton Council) and Jen Williams (NW Probation).")
	if strings.Contains(att, "Absent:") {
		t.Errorf("Ann, who sent apologies on the day, is listed as absent:\n%s", att)
	}
	wantShown(t, k.say(ian, "/minutes draft"), "Apologies for absence were received from Neil Frackelton (SWACA), Ann (Sefton Council) and Jen Williams (NW Probation).")
	list := k.say(ian, "/apologies list")
	wantShown(t, list, "Neil Frackelton (SWACA), Ann (Sefton Council) and Jen Williams (NW Probation)", "Entered for them: Ann", "by <@UIAN>",
		// The officers' reasons say how each came: sent beforehand, or
		// received at the meeting and entered by whom.
		"• Neil Frackelton: Unwell (sent ", "• Ann: Unwell (received at the meeting, entered by <@UIAN>)",
		"• Jen Williams: Held up in court (received at the meeting, entered by <@UIAN>)")
	wantShown(t, k.say(ian, "/history apologies"), "apologies of <@UANN> received at the meeting: Unwell _(entered by <@UIAN>)_")
	wantShown(t, k.say(ian, "/meeting status"), "Inquorate*: 2 present, quorum 3")

	// Someone marked here is at the meeting: the answer says how to
	// correct a mark made by mistake.
	attRefused(k, ian, "/attendance <@UGRAEME> apologies Unwell",
		"Graeme Robson is marked present at this meeting, so cannot send apologies for it. If that mark was a mistake, mark them absent first (`/attendance <@UGRAEME> absent`), then record their apologies.")
	// Only the officer or the chair records them, for anyone, themselves
	// included: members' own apologies closed when the meeting opened.
	attRefused(k, graeme, "/attendance <@UANN> apologies", "Only an officer or the chair of Safer Sefton Together can mark someone else.")
	attRefused(k, graeme, "/attendance <@UGRAEME> apologies", "Only an officer or the chair of Safer Sefton Together can record apologies at the meeting.")
	attRefused(k, ian, "/attendance <@USTRANGER> apologies", "<@USTRANGER> is not a member of Safer Sefton Together. Add them first",
		"or record apologies by name for someone not in Slack: `/attendance \"Name (Organisation)\" apologies`.")
	attRefused(k, ian, "/attendance <@UANN> apologies Unwell sub <@UGRAEME>", "mark the substitute with `/attendance @person substitute-for @member`")
	if n := attRows(k, `SELECT count(*) FROM apologies WHERE NOT withdrawn`); n != 3 {
		t.Errorf("%d apologies standing, want Neil's, Ann's and Jen's", n)
	}

	// Ann turns up after all: her apologies are withdrawn, as for any.
	k.now = attAt(10, 10, 30)
	k.must(attAnn, "/here")
	wantShown(t, k.say(ian, "/meeting status"), "Quorate: 3 present, quorum 3")

	// Closed, the meeting takes no more.
	k.must(sue, "/meeting close")
	attRefused(k, ian, "/attendance <@UANN> apologies", "No meeting of Safer Sefton Together is in progress.")
}

// TestAttendanceApologiesChangedNoSubAdvice: apologies received at the
// meeting that change those sent before are answered without the advice
// to add `sub @someone`, which `/attendance … apologies` refuses: a
// substitute who comes is marked with substitute-for.
func TestAttendanceApologiesChangedNoSubAdvice(t *testing.T) {
	k := attDay(t)
	k.must(sue, "/meeting start")
	k.now = attAt(10, 10, 5)
	r := k.must(ian, "/attendance <@UNEIL> apologies Stuck on a train")
	got := shown(r)
	wantShown(t, got, "are updated", "Reason: Stuck on a train")
	if strings.Contains(got, "sub @someone") {
		t.Errorf("the answer advises a form /attendance refuses:\n%s", got)
	}
	wantShown(t, got, "Substitute: none (one who comes is marked with `/attendance @person substitute-for <@UNEIL>`)")
}

// TestAttendanceNamedSubstituteAfterAnother: the substitute a member named
// in their apology, marking themselves here, is refused while someone
// else is marked here as that member's substitute, as the officer's
// /attendance is: a member has one substitute at a time.
func TestAttendanceNamedSubstituteAfterAnother(t *testing.T) {
	k := strangerSubForAnn(t)
	k.must(ian, "/attendance <@UGRAEME> substitute-for <@UANN>")
	attRefused(k, stranger, "/here", "Graeme Robson is already marked as substitute for Ann, so you are not marked as their substitute.")
	if n := attRows(k, `SELECT count(DISTINCT member_key) FROM attendance_marks WHERE substitute_for = 'UANN'`); n != 1 {
		t.Errorf("%d people marked as Ann's substitute, want Graeme alone", n)
	}
	wantShown(t, k.say(sue, "/meeting status"), "*Substitutes*\nGraeme Robson (Merseyside Police) for Ann\n*Apologies*")

	// Marked here already, the substitute named is told only that they
	// are not marked as Ann's: their mark stands.
	k = strangerSubForAnn(t)
	k.must(ian, "/attendance <@USTRANGER> in-attendance")
	k.must(ian, "/attendance <@UGRAEME> substitute-for <@UANN>")
	got := shown(k.run(stranger, "/here"))
	if strings.Contains(got, "not marked here") {
		t.Errorf("someone marked in attendance is told they are not marked here: %q", got)
	}
}

// TestAttendanceApologiesWithdrawnAtTheMeeting: apologies entered at the
// meeting by mistake are withdrawn there by the officer or the chair with
// `/attendance … apologies withdraw`, as `/apologies withdraw for` does
// before it: gone from the list, the live message and the minutes, the
// history saying who withdrew them, and not brought back by marking the
// person present and then absent.
func TestAttendanceApologiesWithdrawnAtTheMeeting(t *testing.T) {
	k := attDay(t)
	id := k.next().ID
	k.must(sue, "/meeting start")
	k.now = attAt(10, 10, 5)
	k.must(ian, "/attendance <@UANN> apologies Unwell")
	k.must(ian, `/attendance "Jen Williams (NW Probation)" apologies Held up in court`)
	k.steps([]step{
		{ian, "/attendance <@UANN> apologies withdraw", []string{
			"The apologies of <@UANN> for the meeting of *Safer Sefton Together* on Thursday 10 December 2026, 10:00, Remote Meeting are withdrawn. Their history says you withdrew them."}},
		{sue, `/attendance "Jen Williams (NW Probation)" apologies withdraw`, []string{"The apologies of Jen Williams (NW Probation) for the meeting"}},
	})
	attRefused(k, ian, "/attendance <@UANN> apologies withdraw", "Ann (Sefton Council) has no apologies standing for this meeting.")
	// `/apologies withdraw for`, closed, says how.
	attRefused(k, ian, "/apologies withdraw for <@UNEIL>", "its apologies can no longer be withdrawn with `/apologies` (`/attendance <@UNEIL> apologies withdraw` withdraws those entered by mistake)")
	attRefused(k, graeme, "/attendance <@UNEIL> apologies withdraw", "Only an officer or the chair of Safer Sefton Together can mark someone else.")
	attRefused(k, graeme, "/attendance <@UGRAEME> apologies withdraw", "Only an officer or the chair of Safer Sefton Together can withdraw apologies at the meeting.")

	list := k.say(ian, "/apologies list")
	wantShown(t, list, "Apologies for absence were received from Neil Frackelton (SWACA).")
	wantShown(t, k.say(ian, "/history apologies <@UANN>"),
		"apologies of <@UANN> received at the meeting: Unwell _(entered by <@UIAN>)_",
		"<@UANN> withdrew their apologies _(entered by <@UIAN>)_")
	live, _ := attLive(k, id)
	if text := shown(live); strings.Contains(text, "Ann") || strings.Contains(text, "Jen Williams") {
		t.Errorf("the live message still lists apologies withdrawn:\n%s", text)
	}

	// Marked present and then absent, Ann is absent: the apologies
	// withdrawn do not come back.
	k.must(ian, "/attendance <@UANN> present")
	k.must(ian, "/attendance <@UANN> absent")
	wantShown(t, k.say(ian, "/apologies list"), "Apologies for absence were received from Neil Frackelton (SWACA).")
	k.must(sue, "/meeting close")
	wantShown(t, k.say(ian, "/meeting attendance"), "Apologies for absence were received from Neil Frackelton (SWACA).", "Absent: Ann (Sefton Council).")
	if d := k.say(ian, "/minutes draft"); !strings.Contains(d, "Apologies for absence were received from Neil Frackelton (SWACA).") || strings.Contains(d, "Jen Williams") {
		t.Errorf("the draft minutes keep apologies withdrawn:\n%s", d)
	}
}

// A member whom another member's apologies name as their substitute, and
// who comes, attends in their own right: they count once, for themselves,
// and cannot also stand in for the member who named them. The reply, the
// live message and /meeting status say so, the substitution standing
// recorded but not taken up; the minutes name no substitute.
func TestAttendanceMemberNamedAsSubstituteCountsOnce(t *testing.T) {
	k := attDay(t)
	id := k.next().ID
	k.must(attAnn, "/apologies 10/12/2026 Annual leave sub <@UGRAEME>")
	k.must(sue, "/meeting start")
	k.must(sue, "/here")
	const note = "Ann named you as their substitute, but you are here as a member in your own right and count once: you cannot also stand in for them, so Ann is not represented."
	wantShown(t, k.say(graeme, "/here"), "You are marked present. "+note+" *Inquorate*: 2 present, quorum 3")
	const notTaken = "*Substitutes*\nGraeme Robson (Merseyside Police) for Ann — not taken up: Graeme Robson is here as a member in their own right, and counts once"
	live, _ := attLive(k, id)
	inOrder(t, shown(live), "*Inquorate*: 2 present, quorum 3", "*Present (2)*", notTaken)
	inOrder(t, k.say(ian, "/meeting status"), "*Inquorate*: 2 present, quorum 3", "*Present (2)*", notTaken)
	// The button on the live message is the same action.
	wantShown(t, shown(k.press(graeme, live, "I'm here")), "You were marked present already. "+note)
	att := k.say(ian, "/meeting attendance")
	wantShown(t, att, "Apologies for absence were received from Neil Frackelton (SWACA) and Ann (Sefton Council).")
	if strings.Contains(att, "Substitutes") {
		t.Errorf("the minutes name a substitute not taken up:\n%s", att)
	}

	// Another substitute marked for Ann represents her: the note no longer
	// says she is not.
	wantShown(t, k.say(ian, "/attendance <@USTRANGER> substitute-for <@UANN>"), "Quorate: 3 present, quorum 3")
	got := k.say(graeme, "/here")
	wantShown(t, got, "Ann named you as their substitute, but you are here as a member in your own right and count once: you cannot also stand in for them.")
	if strings.Contains(got, "not represented") {
		t.Errorf("Ann, represented by Mallory, is said not to be:\n%s", got)
	}
	wantShown(t, k.say(ian, "/meeting attendance"), "Substitutes: Mallory for Ann.")
}

// TestAttendanceOfficerRemotelyIsInAttendance: an officer who joins from
// the call is listed in attendance, remotely, as the live message and the
// minutes list them; the answer, the history and the Home say so rather
// than call them present, which would have the officer look for a count
// that never moves.
func TestAttendanceOfficerRemotelyIsInAttendance(t *testing.T) {
	k := attDay(t)
	k.must(sue, "/meeting start")
	k.steps([]step{
		{ian, "/here remote", []string{"You are marked in attendance, remotely. *Inquorate*: 0 present, quorum 3"}},
		{sue, "/attendance <@UIAN> present", []string{"Ian Barton is marked in attendance. *Inquorate*: 0 present, quorum 3"}},
		{sue, "/attendance <@UIAN> remote", []string{"Ian Barton is marked in attendance, remotely."}},
		{sue, "/meeting status", []string{"*In attendance*\nIan Barton (remotely) — marked by Sue Holden"}},
		{ian, "/history attendance", []string{"<@UIAN> marked in attendance, remotely\n", "<@UIAN> marked in attendance _(entered by <@USUE>)_"}},
		// A member from the call is present, and counts.
		{neil, "/here remote", []string{"You are marked present remotely. Your apologies for this meeting are withdrawn: you are here. *Inquorate*: 1 present, quorum 3"}},
	})
	s, _ := attSection(k, ian, "Meeting in progress")
	if s.Title != "Meeting in progress — you are marked in attendance" || !strings.HasSuffix(s.Text, "\nYou are marked in attendance, remotely, by <@USUE>.") {
		t.Errorf("the officer's Home: %+v", s)
	}
}

// TestAttendancePersonAsTyped: a mention followed by a comma, or put in
// quotation marks, is the member; "@name" in quotation marks, not picked
// in Slack, or @channel picked there, is refused rather than recorded as
// a guest called "@neil" or "@channel", whom the minutes would then list.
func TestAttendancePersonAsTyped(t *testing.T) {
	k := attDay(t)
	k.must(sue, "/meeting start")
	k.steps([]step{
		{ian, "/attendance <@UGRAEME|graeme>, present", []string{"Graeme Robson is marked present. *Inquorate*: 1 present, quorum 3"}},
		{ian, "/attendance <@UANN>: late", []string{"Ann is marked present, arrived late at 09:55. *Inquorate*: 2 present, quorum 3"}},
		{ian, `/attendance "<@UNEIL|neil>" remote`, []string{"Neil Frackelton is marked present remotely. Their apologies for this meeting are withdrawn: they are here. Quorate: 3 present, quorum 3"}},
		{graeme, `/here "<@UNEIL|neil>"`, []string{"`/here` marks only you. To mark someone else, the officer or the chair types `/attendance <@UNEIL> present`."}},
	})
	attRefused(k, ian, `/attendance "@sue" present`, `I could not find @sue: type @ and pick the person, so that Slack links the name, or give "Name (Organisation)" for someone not in Slack.`)
	attRefused(k, ian, `/attendance "<!channel>" present`, `I could not find @channel: type @ and pick the person, so that Slack links the name, or give "Name (Organisation)" for someone not in Slack.`)
	attRefused(k, ian, "/attendance <@UANN>x present", "&lt;@UANN&gt;x is not a mention")
	if att := k.say(ian, "/meeting attendance"); strings.Contains(att, "@sue") || strings.Contains(att, "@channel") || strings.Contains(att, "<@") {
		t.Errorf("the attendance lists a mention as a person:\n%s", att)
	}
}

// TestSubstituteMarkedWhileTheMemberIsHere: a substitute marked while the
// member they replace is here does not count, and the answer says why the
// count did not move, as the live message does.
func TestSubstituteMarkedWhileTheMemberIsHere(t *testing.T) {
	k := attDay(t)
	k.must(sue, "/meeting start")
	k.must(sue, "/here")
	k.must(graeme, "/here")
	k.steps([]step{
		{ian, "/attendance <@USTRANGER> substitute-for <@UGRAEME>", []string{"Mallory is marked present as substitute for Graeme Robson. They are not counted while Graeme Robson is here: a member and their substitute count once. *Inquorate*: 2 present, quorum 3"}},
	})
	k.now = attAt(10, 10, 30)
	k.must(ian, "/attendance <@UGRAEME> left")
	k.must(ian, "/attendance <@USTRANGER> absent")
	// With the member gone, a substitute marked counts, and nothing is said.
	k.steps([]step{
		{ian, "/attendance <@USTRANGER> substitute-for <@UGRAEME>", []string{"Mallory is marked present as substitute for Graeme Robson. *Inquorate*: 2 present, quorum 3"}},
	})
}

// TestAttendanceNoSubstituteForAnOfficer: officers never vote, so no one
// substitutes for them; a member marked so would stop counting in their
// own right, and the chair with them.
func TestAttendanceNoSubstituteForAnOfficer(t *testing.T) {
	k := attDay(t)
	k.must(sue, "/meeting start")
	k.must(sue, "/here")
	attRefused(k, ian, "/attendance <@USUE> substitute-for <@UIAN>",
		"Ian Barton is an officer of Safer Sefton Together and does not vote, so no one substitutes for them. Mark the person present, or in attendance, instead.")
	attRefused(k, ian, `/attendance "Tom Hill (Sefton Council)" substitute-for <@UIAN>`, "is an officer of Safer Sefton Together and does not vote")
	k.steps([]step{
		{graeme, "/meeting status", []string{"*Present (1)*\nSue Holden (Sefton CVS) (in the Chair)"}},
	})
}

// TestAttendanceOverAYearOfAMemberInAttendance: a member who came to
// advise (marked in attendance) is not counted as attending, nor as
// absent: the year's line says they were there in attendance.
func TestAttendanceOverAYearOfAMemberInAttendance(t *testing.T) {
	k := attDay(t)
	k.must(ian, "/meeting start")
	k.must(sue, "/here")
	k.must(ian, "/attendance <@UGRAEME> in-attendance")
	k.must(ian, "/meeting close")
	got := k.say(ian, "/committee attendance 2026")
	wantShown(t, got,
		"• Sue Holden (Sefton CVS): expected 1, attended 1, by substitute 0, apologies 0, absent 0 — *100%*",
		"• Graeme Robson (Merseyside Police): expected 1, attended 0, by substitute 0, apologies 0, in attendance (not as a member) 1, absent 0 — *0%*")
}

// A guest marked by name must have one: "(Y)" or "Jane (" would be listed
// in the minutes' Also present as if someone of that name came.
func TestAttendanceQuotedGuestNeedsAName(t *testing.T) {
	k := attDay(t)
	k.must(ian, "/meeting start")
	for _, line := range []string{`/attendance "(Sefton CVS)" present`, `/attendance "Jane Smith (" present`, `/attendance "Jane) (Sefton CVS)" present`} {
		attRefused(k, ian, line, `Give the person's name, then their organisation in brackets`)
	}
	if got := k.say(ian, "/meeting attendance"); strings.Contains(got, "Also present") || strings.Contains(got, "Jane") {
		t.Errorf("a refused guest is in the attendance:\n%s", got)
	}
	wantShown(t, k.say(ian, `/attendance "Jane Smith (Sefton CVS)" present`), "Jane Smith is marked present")
}

// TestAttendanceHelpNamesTheChair: the help says what the README does,
// that the officer or the chair marks anyone, and that someone not in
// Slack is theirs to mark, rather than the officers alone.
func TestAttendanceHelpNamesTheChair(t *testing.T) {
	k := agendaKit(t)
	got := k.say(neil, "/attendance help")
	wantShown(t, got,
		"Record who is at the meeting in progress: the officer or the chair marks anyone; members mark themselves.",
		"`/attendance \"Name (Organisation)\" present|in-attendance|apologies|…   (officer or chair: someone not in Slack)`")
	if strings.Contains(got, "officers mark anyone") {
		t.Errorf("the help leaves the chair out:\n%s", got)
	}
}

// TestAttendanceInTheHourTheClocksPassTwice: on 31 October 2027 the clocks
// go back at 02:00 BST. A meeting opened at the second 01:00 (01:00 GMT)
// takes a late arrival at 01:30 as the 01:30 that followed, not the one an
// hour before it opened.
func TestAttendanceInTheHourTheClocksPassTwice(t *testing.T) {
	k := committeeKit(t)
	k.now = time.Date(2027, 10, 1, 12, 0, 0, 0, london)
	k.must(ian, "/meeting schedule 2027-10-31 00:30 Bootle Town Hall")
	k.now = time.Date(2027, 10, 31, 1, 0, 0, 0, time.UTC) // 01:00 GMT
	k.must(ian, "/meeting start")
	k.now = time.Date(2027, 10, 31, 1, 40, 0, 0, time.UTC) // 01:40 GMT
	wantShown(t, k.say(ian, "/attendance <@UNEIL> late 01:30"), "Neil Frackelton is marked present, arrived late at 01:30 GMT.")
	var late time.Time
	if err := k.db.SQL().QueryRow(`SELECT at FROM attendance_marks WHERE status = 'late'`).Scan(&late); err != nil {
		t.Fatal(err)
	}
	if want := time.Date(2027, 10, 31, 1, 30, 0, 0, time.UTC); !late.Equal(want) {
		t.Errorf("arrived at %v, want %v (01:30 GMT)", late.UTC(), want)
	}
}

// TestHistoryInTheHourTheClocksPassTwice: on 31 October 2027, when the
// clocks pass 01:00–02:00 twice, /history attendance and the export of
// the history say which 01:30 a late arrival was, the time the meeting
// was opened, and that it was moved to the first 01:30, as the times the
// history lists them at do; a time in no doubt reads as before.
func TestHistoryInTheHourTheClocksPassTwice(t *testing.T) {
	k := committeeKit(t)
	k.now = time.Date(2027, 10, 1, 12, 0, 0, 0, london)
	k.must(ian, "/meeting schedule 2027-10-30 10:00 Bootle Town Hall")
	k.must(ian, "/meeting move 2027-10-30 2027-10-31 01:30")
	k.now = time.Date(2027, 10, 31, 1, 0, 0, 0, time.UTC) // 01:00 GMT
	k.must(ian, "/meeting start")
	k.now = time.Date(2027, 10, 31, 1, 40, 0, 0, time.UTC) // 01:40 GMT
	k.must(ian, "/attendance <@UNEIL> late 01:30")
	wantShown(t, k.say(ian, "/history attendance"), "<@UNEIL> marked present, arrived late at 01:30 GMT")

	changes, err := k.db.CommitteeHistory(context.Background(), k.committee().ID, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range changes {
		if c.Record == "attendance" || c.Action == "opened" || c.Action == "moved" {
			got = append(got, string(c.Record)+" "+c.Action+": "+c.Detail)
		}
	}
	// Sorted: the marks are listed by the database's clock (see storage's
	// markAs), which the kit's does not move.
	slices.Sort(got)
	want := []string{
		"attendance late: at 01:30 GMT",
		"meeting moved: from 2027-10-30 10:00 to 2027-10-31 01:30 BST",
		"meeting opened: at 01:00 GMT",
	}
	if diff := cmp.Diff(got, want); diff != "" {
		t.Errorf("the export (-got +want):\n%s", diff)
	}
}

// TestVariedOrderOfBusinessMinuted: the chair taking an item ahead of its
// place on the agenda is minuted, as minutes say it, since the minutes
// keep the agenda's order and would read as if the meeting had too.
func TestVariedOrderOfBusinessMinuted(t *testing.T) {
	k := agendaKit(t)
	k.now = attAt(10, 9, 55)
	k.must(ian, "/meeting start")
	k.must(neil, "/here")
	k.must(sue, "/here")
	for i, item := range []string{"4", "7.7", "5", "6", "7.7"} {
		k.now = attAt(10, 10, 10*i)
		k.must(ian, "/meeting item "+item)
	}
	k.must(ian, "/meeting close")
	att := k.say(ian, "/meeting attendance 10/12/2026")
	wantShown(t, att, "The Chair agreed to vary the order of business: item 7.7 was considered before item 5.")
	if n := strings.Count(att, "considered before"); n != 1 {
		t.Errorf("the order is said to have been varied %d times, want once:\n%s", n, att)
	}
	wantShown(t, k.say(ian, "/minutes draft 10/12/2026"),
		"The Chair agreed to vary the order of business: Minute No. 9 was considered before Minute No. 5.")
}

// TestItemTakenUpInErrorUndone: the chair types 6 for 5 and takes it
// back with `/meeting item undo`. The minutes neither say the order of
// business was varied nor place Neil's departure, marked at that moment,
// during item 6; the history keeps both entries; with nothing taken up
// since the meeting opened, there is nothing to take back.
func TestItemTakenUpInErrorUndone(t *testing.T) {
	k := agendaKit(t)
	k.now = attAt(10, 9, 55)
	k.must(ian, "/meeting start")
	attRefused(k, ian, "/meeting item undo", "No item has been taken up since the meeting opened or resumed, so there is none to take back.")
	k.must(neil, "/here")
	k.must(sue, "/here")
	k.now = attAt(10, 10, 0)
	k.must(ian, "/meeting item 4")
	k.now = attAt(10, 10, 10)
	k.must(ian, "/meeting item 6")
	k.must(ian, "/attendance <@UNEIL> left")
	k.now = attAt(10, 10, 11)
	wantShown(t, k.say(ian, "/meeting item undo"), "Item 6, taken up at 10:10, is taken back: the minutes read as though the meeting never moved to it. Item 4 is under discussion again.")
	wantShown(t, k.say(ian, "/meeting status"), "Item 4")
	k.now = attAt(10, 10, 20)
	k.must(ian, "/meeting item 5")
	k.now = attAt(10, 10, 30)
	k.must(ian, "/meeting item 6")
	k.must(ian, "/meeting close")
	att := k.say(ian, "/meeting attendance 10/12/2026")
	wantShown(t, att, "Neil Frackelton left the meeting at 10:10 during consideration of item 4.")
	if strings.Contains(att, "considered before") {
		t.Errorf("an item taken up in error is minuted as varying the order of business:\n%s", att)
	}
	wantShown(t, k.say(ian, "/history attendance 10/12/2026"), "item 6 taken up by <@UIAN>", "item 6 taken back, taken up in error, by <@UIAN>")
}

// TestViceChairTakesTheChair: while the chair is out of the room (gone for
// an item in which they have an interest, say), the vice-chair presides:
// the live message names them in the chair until the chair returns, and
// the minutes say they took it.
func TestViceChairTakesTheChair(t *testing.T) {
	k := attDay(t)
	k.must(ian, "/committee member add <@UGRAEME> Merseyside Police vice-chair")
	k.must(sue, "/meeting start")
	for _, who := range []string{sue, graeme, attAnn} {
		k.must(who, "/here")
	}
	k.now = attAt(10, 10, 5)
	k.must(sue, "/meeting item 7.7")
	k.now = attAt(10, 10, 10)
	k.must(ian, "/attendance <@USUE> left")
	inOrder(t, k.say(ian, "/meeting status"), "*Present (2)*\nGraeme Robson (Merseyside Police) (in the Chair)\nAnn (Sefton Council)", "*Left*\nSue Holden at 10:10")
	k.now = attAt(10, 10, 20)
	k.must(ian, "/attendance <@USUE> late")
	wantShown(t, k.say(ian, "/meeting status"), "*Present (3)*\nSue Holden (Sefton CVS) (in the Chair) — marked by Ian Barton\nGraeme Robson (Merseyside Police)\n")
	k.must(sue, "/meeting close")
	wantShown(t, k.say(ian, "/minutes draft 10/12/2026"),
		"Present: Sue Holden (Sefton CVS) (in the Chair), Graeme Robson (Merseyside Police) and Ann (Sefton Council).\n\n"+
			"Sue Holden left the meeting at 10:10 during consideration of Minute No. 5 and returned at 10:20.\n"+
			"Graeme Robson (Vice-Chair) took the Chair in the absence of Sue Holden.")
	// Renamed since, he took the chair under the name he was marked by.
	k.dir[graeme] = "Graeme R. Robson"
	k.must(ian, "/committee member add <@UGRAEME> Merseyside Police vice-chair")
	if got := k.say(ian, "/minutes draft 10/12/2026"); !strings.Contains(got, "Graeme Robson (Vice-Chair) took the Chair") || strings.Contains(got, "Graeme R.") {
		t.Errorf("the minutes name the vice-chair who took the chair as he is named now:\n%s", got)
	}
}

// TestViceChairArrivesWhileTheChairIsOut: the vice-chair arriving after
// the chair left is shown in the chair from then, and the minutes say so,
// with the time, rather than leaving the chair empty in the record.
func TestViceChairArrivesWhileTheChairIsOut(t *testing.T) {
	k := attDay(t)
	k.must(ian, "/committee member add <@UGRAEME> Merseyside Police vice-chair")
	k.must(sue, "/meeting start")
	for _, who := range []string{sue, attAnn} {
		k.must(who, "/here")
	}
	k.now = attAt(10, 10, 10)
	k.must(ian, "/attendance <@USUE> left")
	k.now = attAt(10, 10, 12)
	k.must(graeme, "/here")
	wantShown(t, k.say(ian, "/meeting status"), "Graeme Robson (Merseyside Police) (in the Chair)")
	k.now = attAt(10, 10, 30)
	k.must(ian, "/meeting close")
	wantShown(t, k.say(ian, "/minutes draft 10/12/2026"),
		"Sue Holden left the meeting at 10:10.\n",
		"Graeme Robson (Vice-Chair) took the Chair at 10:12 in the absence of Sue Holden.")
}

// TestMeetingAdjournedToAnotherDayIsResumedNotReplaced: with a meeting
// adjourned to be continued, `/meeting start` the next day (the natural
// thing to type on reconvening) is refused with how to reconvene it, not
// answered by opening the next meeting beside it, which left the
// adjourned one never to be resumed.
func TestMeetingAdjournedToAnotherDayIsResumedNotReplaced(t *testing.T) {
	k := attDay(t)
	k.must(ian, "/meeting schedule 2026-12-11 10:00 Bootle Town Hall")
	k.must(sue, "/meeting start")
	k.must(sue, "/here")
	k.now = attAt(10, 11, 0)
	k.must(sue, "/meeting adjourn")
	k.now = attAt(11, 9, 50)
	attRefused(k, sue, "/meeting start", "The meeting on Thursday 10 December 2026 is adjourned (since Thursday 10 December 2026, 11:00), not closed: `/meeting resume` reconvenes it, or `/meeting close` closes it before another is opened.")
	wantShown(t, k.say(sue, "/meeting resume"), "resumed at 09:50")
	wantShown(t, k.say(sue, "/meeting status"), "Meeting in progress\n*Safer Sefton Together* — Thursday 10 December 2026")
	k.must(sue, "/meeting close")
	wantShown(t, k.say(sue, "/meeting start"), "You opened the meeting of *Safer Sefton Together* at 09:50.")
	wantShown(t, k.say(sue, "/meeting status"), "*Safer Sefton Together* — Friday 11 December 2026")
}

// TestHereInADirectMessageAsSubstituteElsewhere: Mallory sits on the
// Youth Board only, and Neil has named her as his substitute at Safer
// Sefton Together; both meet on the same morning. `/here` in a direct
// message asks which meeting she is at rather than marking her at her
// own; each button marks her at that one. Graeme, on one committee and
// named nowhere, is marked without being asked.
func TestHereInADirectMessageAsSubstituteElsewhere(t *testing.T) {
	k := meetingKit(t)
	in := k.runIn
	in("C2", ian, "/committee setup Sefton Youth Board")
	in("C2", ian, "/committee member add <@USTRANGER> Youth Council chair")
	in("C2", ian, "/meeting schedule 2026-12-10 10:15 Bootle Town Hall")
	k.must(neil, "/apologies 2026-12-10 Unwell sub <@USTRANGER>")
	k.now = time.Date(2026, 12, 10, 10, 30, 0, 0, london)
	k.must(ian, "/meeting start")
	in("C2", ian, "/meeting start")

	dm := k.request(stranger, "")
	dm.ChannelID = "DUSTRANGER"
	chosen := func(label string) commands.Reply {
		t.Helper()
		ask := in("DUSTRANGER", stranger, "/here")
		wantShown(t, shown(ask), "Which meeting is `/here` for?", "[Safer Sefton Together]", "[Sefton Youth Board]")
		for _, b := range ask.Buttons {
			if b.Label == label {
				return k.act(dm, b.Action, b.Value)
			}
		}
		t.Fatalf("no %s button:\n%s", label, shown(ask))
		return commands.Reply{}
	}
	wantShown(t, shown(chosen("Safer Sefton Together")), "as substitute for Neil Frackelton", "Committee: *Safer Sefton Together* (<#C1>).")
	wantShown(t, k.say(ian, "/meeting status"), "*Present (1)*\nMallory\n*Substitutes*\nMallory for Neil Frackelton")
	wantShown(t, shown(chosen("Sefton Youth Board")), "You are marked present.", "Committee: *Sefton Youth Board* (<#C2>).")

	wantShown(t, k.say(stranger, "/here"), "You were marked present as substitute for Neil Frackelton already.")

	alone := shown(in("DUGRAEME", graeme, "/here"))
	if !strings.Contains(alone, "You are marked present.") || strings.Contains(alone, "Which meeting") {
		t.Errorf("a member of one committee named nowhere:\n%s", alone)
	}
}

// TestHereInADirectMessageMarksTheNamedSubstitute: Neil has named Mallory
// as his substitute at Safer Sefton Together's meeting in progress. Sitting
// on no committee, or on the Youth Board, which is not meeting, she types
// `/here` in a direct message and is marked at the meeting she was named
// for, the reply saying which; named at two meetings in progress, she is
// asked which; on two committees of her own besides, she is offered all
// four.
func TestHereInADirectMessageMarksTheNamedSubstitute(t *testing.T) {
	k := meetingKit(t)
	in := k.runIn
	k.must(neil, "/apologies 2026-12-10 Unwell sub <@USTRANGER>")
	k.now = time.Date(2026, 12, 10, 10, 30, 0, 0, london)
	k.must(ian, "/meeting start")

	wantShown(t, shown(in("DUSTRANGER", stranger, "/here")), "You are marked present as substitute for Neil Frackelton", "Safer Sefton Together")
	wantShown(t, k.say(ian, "/meeting status"), "Mallory for Neil Frackelton")
	k.must(ian, "/attendance <@USTRANGER> left")

	in("C2", ian, "/committee setup Sefton Youth Board")
	in("C2", ian, "/committee member add <@USTRANGER> Youth Council chair")
	k.now = k.now.Add(5 * time.Minute)
	wantShown(t, shown(in("DUSTRANGER", stranger, "/here")), "as substitute for Neil Frackelton", "Safer Sefton Together")

	in("C3", ian, "/committee setup Sefton Schools Forum")
	in("C3", ian, "/committee member add <@UGRAEME> Merseyside Police")
	in("C3", ian, "/committee member add <@UNEIL> Head teachers")
	in("C3", ian, "/meeting schedule 2026-12-10 11:00 Bootle Town Hall")
	in("C3", graeme, "/apologies 2026-12-10 Away sub <@USTRANGER>")
	in("C3", ian, "/meeting start")
	ask := shown(in("DUSTRANGER", stranger, "/here"))
	wantShown(t, ask, "Which meeting is `/here` for?", "[Safer Sefton Together]", "[Sefton Schools Forum]")
	if strings.Contains(ask, "[Sefton Youth Board]") {
		t.Errorf("offered her own committee, which is not meeting:\n%s", ask)
	}

	in("C4", ian, "/committee setup Sefton Carers Panel")
	in("C4", ian, "/committee member add <@USTRANGER> Carers")
	in("C3", graeme, "/apologies withdraw 2026-12-10")
	ask = shown(in("DUSTRANGER", stranger, "/here"))
	wantShown(t, ask, "[Sefton Youth Board]", "[Sefton Carers Panel]", "[Safer Sefton Together]", "[Sefton Schools Forum]")
	// Words too many for a button's value, which Slack refuses with the
	// whole reply, are not put in buttons.
	for _, b := range in("DUSTRANGER", stranger, "/here "+strings.Repeat("remote ", 300)).Buttons {
		if len(b.Value) > 2000 {
			t.Errorf("a button's value of %d bytes, over Slack's 2000", len(b.Value))
		}
	}
}

// TestHereButtonOfAnotherCommitteeAsIfMissing: the I'm here button, given
// the ID of Safer Sefton Together's meeting in progress by someone not on
// it and named nowhere, pressed on their Home or in a direct message,
// answers exactly as for an ID that is no meeting's, without the
// committee's name; in the committee's channel it still says they are not
// a member, and the substitute Neil named is marked from their Home.
func TestHereButtonOfAnotherCommitteeAsIfMissing(t *testing.T) {
	k := meetingKit(t)
	id := strconv.FormatInt(k.next().ID, 10)
	k.must(neil, "/apologies Unwell sub <@UJANE>")
	k.now = time.Date(2026, 12, 10, 10, 5, 0, 0, london)
	k.must(ian, "/meeting start")
	dm := k.request(stranger, "")
	dm.ChannelID = "DUSTRANGER"
	for _, r := range []commands.Request{k.home(stranger), dm} {
		got, missing := k.act(r, "meeting_here", id), k.act(r, "meeting_here", "999999")
		if !got.Refused || shown(got) != shown(missing) || strings.Contains(shown(got), "Safer Sefton Together") {
			t.Errorf("in %q: another committee's meeting:\n%s\nno such meeting:\n%s", r.ChannelID, shown(got), shown(missing))
		}
	}
	wantShown(t, shown(k.act(k.request(stranger, ""), "meeting_here", id)), "You are not a member of Safer Sefton Together")
	wantShown(t, shown(k.act(k.home("UJANE"), "meeting_here", id)), "as substitute for Neil Frackelton")
}

// TestHereButtonOfASubstituteForSomeoneNamed: someone named as substitute
// for a person an officer entered by name, whose Home shows them the
// meeting's I'm here, is answered about that meeting when they press it,
// not told it does not exist.
func TestHereButtonOfASubstituteForSomeoneNamed(t *testing.T) {
	k := meetingKit(t)
	id := strconv.FormatInt(k.next().ID, 10)
	k.must(ian, "/apologies for \"Jen Williams (NW Probation)\" 2026-12-10 Court sub <@"+stranger+">")
	k.now = time.Date(2026, 12, 10, 10, 5, 0, 0, london)
	k.must(ian, "/meeting start")
	h, err := k.svc.Home(context.Background(), team, stranger, k.now)
	if err != nil {
		t.Fatal(err)
	}
	offered := false
	for _, card := range h.Cards {
		for _, b := range card.Buttons {
			offered = offered || b.Action == "meeting_here" && b.Value == id
		}
	}
	if !offered {
		t.Fatalf("the Home of a substitute for someone named offers no I'm here: %+v", h.Cards)
	}
	got := shown(k.act(k.home(stranger), "meeting_here", id))
	if strings.Contains(got, "no longer exists") {
		t.Errorf("I'm here pressed on the Home of a substitute for someone named:\n%s", got)
	}
	wantShown(t, got, "Safer Sefton Together")
}

// TestAttendanceApologiesBeforeOpeningGiveTheCommand: apologies recorded,
// or withdrawn, with the attendance while today's meeting waits to be
// opened are refused with the command that takes them then, for the
// person and with the reason given, ready to send: sent as it reads, it
// works.
func TestAttendanceApologiesBeforeOpeningGiveTheCommand(t *testing.T) {
	k := agendaKit(t)
	k.now = attAt(10, 10, 5)
	send := "`/apologies for <@USUE> today Unwell`"
	r := k.run(ian, "/attendance <@USUE> apologies Unwell")
	if !r.Refused {
		t.Fatalf("apologies with the attendance before the opening were taken: %s", r.Text)
	}
	wantShown(t, r.Text, "apologies for it are sent as before its start: "+send+".")
	k.must(ian, strings.Trim(send, "`"))
	wantShown(t, k.say(ian, "/apologies list today"), "Sue Holden")
	withdraw := "`/apologies withdraw for <@USUE> today`"
	r = k.run(ian, "/attendance <@USUE> apologies withdraw")
	if !r.Refused {
		t.Fatalf("a withdrawal with the attendance before the opening was taken: %s", r.Text)
	}
	wantShown(t, r.Text, "apologies for it are withdrawn as before its start: "+withdraw+".")
	k.must(ian, strings.Trim(withdraw, "`"))
	if got := k.say(ian, "/apologies list today"); strings.Contains(got, "Sue Holden") {
		t.Errorf("Sue's apologies stand after the command given withdrew them:\n%s", got)
	}
	// Someone not in Slack is named as given.
	wantShown(t, k.say(ian, `/attendance "Jen Williams (NW Probation)" apologies`), "`/apologies for \"Jen Williams (NW Probation)\" today`.")
}

// TestSubstituteDeclaresAtTheTable: someone in Slack who is not a member
// but comes as a member's substitute declares an interest at the table,
// themselves or entered by the chair or an officer (by mention, or by the
// name the meeting knows them by), and withdraws it; their declaration is
// minuted under their one mark in the attendance. Anyone else not a member
// is refused, nothing recorded.
func TestSubstituteDeclaresAtTheTable(t *testing.T) {
	k := strangerSubForAnn(t)
	attRefused(k, "UJAN", "/declare 7.7 personal Volunteer at Sefton CVS",
		"You are not a member of Safer Sefton Together.", "Someone who comes as a member's substitute declares here once the member's apologies name them, or the meeting's attendance marks them.")
	attRefused(k, sue, "/declare for <@UJAN> 7.7 personal Volunteer at Sefton CVS",
		"<@UJAN> is not a member of Safer Sefton Together.", "`/attendance <@UJAN> substitute-for @member`")

	// Named in Ann's apologies, not yet marked: recorded, and told to mark
	// themselves; no buttons, which act for members.
	r := k.run(stranger, "/declare 7.7 pecuniary Employed by Sefton CVS")
	wantShown(t, shown(r), "Recorded: you declared a disclosable pecuniary interest in Item 7.7",
		"If you hold one, an officer or the chair records it.", "`/here` marks you present.", "`/declare withdraw 2026-12-10 7.7` withdraws it.")
	if r.Refused || len(r.Buttons) > 0 {
		t.Errorf("the substitute's declaration: refused %v, buttons %v", r.Refused, r.Buttons)
	}
	k.must(stranger, "/here")
	wantShown(t, k.say(sue, `/declare for <@USTRANGER> 3 personal Trustee of SWACA`), "Recorded: <@USTRANGER> declared a personal interest in Item 3")
	// Named by the name the meeting knows them by: the same person, not a
	// second one by name.
	wantShown(t, k.say(ian, `/declare for "Mallory" 4 other Member of the IOM board`), "Recorded: <@USTRANGER> declared an interest in Item 4")
	wantShown(t, k.say(stranger, "/declare withdraw 4"), "Your declaration in Item 4")
	wantShown(t, k.say(sue, "/declare withdraw for <@USTRANGER> 3"), "The declaration of <@USTRANGER> in Item 3")
	attRefused(k, stranger, "/declare for <@UGRAEME> 7.7 personal Volunteer", "You are not a member of Safer Sefton Together.")
	attRefused(k, "UJAN", "/declare withdraw 7.7", "You are not a member of Safer Sefton Together.")

	list := k.say(ian, "/declare list")
	wantShown(t, list, "Mallory", "Employed by Sefton CVS")
	if strings.Contains(list, "IOM board") || strings.Contains(list, "Trustee of SWACA") || strings.Contains(list, "Volunteer") {
		t.Errorf("withdrawn or refused declarations listed:\n%s", list)
	}
	k.must(ian, "/meeting close anyway")
	minute := k.say(ian, "/declare minutes")
	wantShown(t, minute, "Mallory declared a disclosable pecuniary interest in Item 7.7")
	if strings.Contains(minute, "Not minuted") {
		t.Errorf("the substitute's declaration is not minuted:\n%s", minute)
	}
}

// TestOfficerMarksPresentOnceBusinessHasStarted: someone marked present
// for the first time by the officer after an item was taken up is listed
// as present from the start, which may be wrong: the officer is told, with
// the mark that records when they came. Marked before business, or late,
// nothing is said.
func TestOfficerMarksPresentOnceBusinessHasStarted(t *testing.T) {
	k := attDay(t)
	k.must(ian, "/meeting start")
	got := k.say(ian, "/attendance <@UGRAEME> present")
	wantNotShown(t, got, "Business has started")
	k.now = attAt(10, 10, 20)
	k.must(sue, "/meeting item 7.7")
	k.now = attAt(10, 10, 30)
	wantShown(t, k.say(ian, "/attendance <@USUE> present"), "Sue Holden is marked present. Business has started, and the minutes list them as present from the start; if they came in later, `/attendance <@USUE> late 10:30` records when.")
	wantShown(t, k.say(ian, `/attendance "Jen Williams (NW Probation)" present`), "`/attendance \"Jen Williams (NW Probation)\" late 10:30` records when.")
	wantNotShown(t, k.say(ian, "/attendance <@UANN> late 10:25"), "Business has started")
	// Marked again, they are not arriving.
	wantNotShown(t, k.say(ian, "/attendance <@USUE> present"), "Business has started")
}

// TestStrangerDeclarationWithdrawnOnceNoLongerAtTheTable: a substitute's
// declaration made before the meeting stays theirs to withdraw, and the
// officer's, when the member who named them comes after all: it does not
// stand for good.
func TestStrangerDeclarationWithdrawnOnceNoLongerAtTheTable(t *testing.T) {
	k := attDay(t)
	k.must(graeme, "/apologies Away sub <@USTRANGER|mallory>")
	wantShown(t, k.say(stranger, "/declare 7.7 other Trustee of Sefton CVS"), "`/declare withdraw 2026-12-10 7.7` withdraws it.")
	k.must(stranger, "/declare 3 other Volunteer")
	k.must(graeme, "/apologies withdraw")
	wantShown(t, k.say(stranger, "/declare withdraw 2026-12-10 7.7"), "Your declaration in Item 7.7 (Sefton CVS) is withdrawn.")
	wantShown(t, k.say(ian, "/declare withdraw for <@USTRANGER> 3"), "The declaration of <@USTRANGER> in Item 3")
	attRefused(k, stranger, "/declare 7.7 other Trustee of Sefton CVS", "You are not a member of Safer Sefton Together.")
	if got := k.say(ian, "/declare list"); strings.Contains(got, "Trustee") || strings.Contains(got, "Volunteer") {
		t.Errorf("the substitute's withdrawn declarations are listed:\n%s", got)
	}
}

// TestDeclarationByNameNotTakenForASlackNamesake: a person not in Slack
// whom the meeting has on record by name keeps their declarations by
// name, though someone in Slack of the same first name is at the table;
// of two at the table the name could mean, the officer is asked which.
func TestDeclarationByNameNotTakenForASlackNamesake(t *testing.T) {
	k := attDay(t)
	k.must(sue, "/meeting start")
	k.must(ian, `/attendance "Mallory (Sefton Council)" in-attendance`)
	k.must(ian, "/attendance <@USTRANGER> in-attendance")
	k.must(stranger, "/declare 7.7 other Volunteer at Sefton CVS")
	wantShown(t, k.say(ian, `/declare for "Mallory (Sefton Council)" 7.7 other Trustee of Sefton CVS`), "Recorded: Mallory (Sefton Council) declared")
	wantShown(t, k.say(ian, `/declare withdraw for "Mallory (Sefton Council)" 7.7`), "The declaration of Mallory (Sefton Council) in Item 7.7")
	list := k.say(ian, "/declare list")
	if !strings.Contains(list, "Volunteer at Sefton CVS") || strings.Contains(list, "Trustee of Sefton CVS") {
		t.Errorf("the by-name withdrawal took the wrong declaration:\n%s", list)
	}

	k = attDay(t)
	k.must(sue, "/meeting start")
	k.must(ian, "/attendance <@USTRANGER> in-attendance")
	k.must(ian, "/attendance <@UMALLORY2|Mallory> in-attendance")
	attRefused(k, ian, `/declare for "Mallory" 7.7 other Trustee of Sefton CVS`, "name the one meant by mention. Nothing was recorded.")
}
