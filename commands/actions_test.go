package commands_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/quorumhq/quorum/commands"
)

// actDay is the meeting of decDay with a decision recorded under item
// 7.7, minute 9, for actions to hang from; the reply offers [Add an
// action].
func actDay(t *testing.T) (*kit, commands.Reply) {
	t.Helper()
	k := decDay(t)
	r := k.must(ian, "/resolve 7.7 That the figures be circulated to partners.")
	k.sent()
	return k, r
}

// actLog reads the action log, one line each: what, owner, due (none for
// no due date), by whom.
func actLog(k *kit) []string {
	k.t.Helper()
	rows, err := k.db.SQL().Query(`SELECT kind || ' ' || owner_name || ' ' || COALESCE(due_on::text, 'none') || ' ' || by_user FROM action_log ORDER BY id`)
	if err != nil {
		k.t.Fatal(err)
	}
	defer rows.Close()
	out := []string{}
	for rows.Next() {
		var l string
		if err := rows.Scan(&l); err != nil {
			k.t.Fatal(err)
		}
		out = append(out, l)
	}
	if err := rows.Err(); err != nil {
		k.t.Fatal(err)
	}
	return out
}

// actDMs are the direct messages to user among msgs.
func actDMs(msgs []commands.OutboxMessage, user string) []string {
	var out []string
	for _, m := range msgs {
		if m.Kind == commands.OutboxDM && m.UserID == user {
			out = append(out, shown(m.Reply))
		}
	}
	return out
}

// actChase runs the action chaser at the kit's clock and sends what it
// queued.
func actChase(k *kit) (int, []commands.OutboxMessage) {
	k.t.Helper()
	n, err := k.svc.EnqueueActionChases(context.Background(), k.now)
	if err != nil {
		k.t.Fatal(err)
	}
	return n, k.sent()
}

// TestActionUnderLastYearsMinuteSaysSo: at the first meeting of a new
// municipal year, numbering has started again and the meeting's minute 4
// is not recorded yet: an action added under "minute 4" goes under last
// year's, the only one on record, and the reply says whose minute that
// is and how to put it right, rather than leave the clerk thinking it is
// today's. In the same municipal year, where the meeting will never have
// that number, nothing more is said.
func TestActionUnderLastYearsMinuteSaysSo(t *testing.T) {
	k := committeeKit(t)
	k.must(ian, "/committee member add <@USUE> Sefton CVS chair")
	for _, day := range []string{"2027-03-11", "2027-04-15", "2027-06-10"} {
		k.must(ian, "/meeting schedule "+day+" 10:00 Remote Meeting")
	}
	meet := func(month time.Month, day int, lines ...string) {
		k.now = time.Date(2027, month, day, 10, 0, 0, 0, london)
		k.must(sue, "/meeting start")
		for _, line := range lines {
			k.must(ian, line)
		}
	}
	meet(time.March, 11, "/resolve 4 That the next meeting be on 15 April.")
	k.must(sue, "/meeting close")
	lastYears := "That is minute 4 of the meeting on Thursday 11 March 2027, of an earlier municipal year"

	// April is of the same municipal year: its minutes number on from 4.
	meet(time.April, 15)
	if got := k.say(ian, "/action add 4 <@UGRAEME> 2027-05-01 Book the room"); !strings.Contains(got, "Action 1 recorded under minute 4") || strings.Contains(got, "municipal year") {
		t.Errorf("an action under this year's minute 4:\n%s", got)
	}
	k.must(sue, "/meeting close")

	meet(time.June, 10)
	got := k.say(ian, "/action add 4 <@UGRAEME> 2027-07-01 Print the report")
	wantShown(t, got, "Action 2 recorded under minute 4: <@UGRAEME> — Print the report, due Thursday 1 July 2027.",
		lastYears+": the meeting on Thursday 10 June 2027 has no minute 4 on record yet. If the action is that meeting's, close this one with `/action done 2 Added under last year's minute` and add it again once its minute 4 is recorded.")
	// Once today's minute 4 is recorded, the action goes under it.
	k.must(ian, "/resolve 4 That the next meeting be in September.")
	got = k.say(ian, "/action add 4 <@UGRAEME> 2027-07-01 Print the report")
	wantShown(t, got, "Action 3 recorded under minute 4", "That is minute 4 of the meeting on Thursday 10 June 2027.")
	if strings.Contains(got, "municipal year") {
		t.Errorf("an action under today's minute 4 is said to be last year's:\n%s", got)
	}
}

// TestActionUnderAnEarlierMinute: minute numbers start again each year,
// so an action may name its meeting's day before the minute's number; with
// none, it goes under the latest, and the reply says which and how to
// have the other.
func TestActionUnderAnEarlierMinute(t *testing.T) {
	k := importedKit(t)
	if _, errs := k.importMinutes(ian, strings.Replace(seedMinutes(t), "ON 9 DECEMBER 2021", "ON 8 DECEMBER 2022", 1)); len(errs) != 0 {
		t.Fatal(errs)
	}
	k.steps([]step{
		{ian, "/action add 28 <@UNEIL> 2027-03-01 Circulate the youth ASB figures", []string{
			"Action 1 recorded under minute 28: <@UNEIL> — Circulate the youth ASB figures, due Monday 1 March 2027.",
			"That is minute 28 of the meeting on Thursday 8 December 2022. For another meeting's minute 28, give its day first: `/action add 2021-12-09 28 …`."}},
		{ian, "/action add 9/12/2021 28 <@UNEIL> 2027-03-01 Report back on the pilot", []string{
			"Action 2 recorded under minute 28: <@UNEIL> — Report back on the pilot, due Monday 1 March 2027."}},
		{ian, `/action add 9 December 2021 28 "Jo Smith" 1 March 2027 Book the room`, []string{
			"Action 3 recorded under minute 28: Jo Smith — Book the room, due Monday 1 March 2027."}},
		{ian, "/action add 10/12/2021 28 <@UNEIL> 2027-03-01 Nothing", []string{
			"No minute 28 of the meeting on Friday 10 December 2021 is on record."}},
		{ian, "/action add 31/02/2021 28 <@UNEIL> 2027-03-01 Nothing", []string{"There is no 31 February"}},
	})
	list := k.say(neil, "/action list mine")
	for _, want := range []string{"Circulate the youth ASB figures — <@UNEIL>, due Monday 1 March 2027 (minute 28, Thursday 8 December 2022)",
		"Report back on the pilot — <@UNEIL>, due Monday 1 March 2027 (minute 28, Thursday 9 December 2021)"} {
		if !strings.Contains(list, want) {
			t.Errorf("list lacks %q:\n%s", want, list)
		}
	}
	if r := k.run(ian, "/action add 9/12/2021 28 <@UNEIL> 2027-03-01 Report back on the pilot"); strings.Contains(r.Text, "That is minute 28") {
		t.Errorf("a minute named with its day is said to be ambiguous:\n%s", r.Text)
	}
}

// TestActionsCarriedForward: actions recorded under a minute are listed,
// shown on the owner's Home, carried into the next meeting's agenda,
// chased by one direct message before they fall due and again before the
// next meeting, re-dated, reassigned and completed, with a log of each.
func TestActionsCarriedForward(t *testing.T) {
	k, _ := actDay(t)

	r := k.must(ian, "/action add 9 <@UNEIL|neil> 2026-12-20 Circulate the SWACA figures to partners")
	if r.Visibility != commands.Private || r.Text != "Action 1 recorded under minute 9: <@UNEIL> — Circulate the SWACA figures to partners, due Sunday 20 December 2026. Mark it done with `/action done 1`. They are told by direct message." {
		t.Errorf("add: %+v", r)
	}
	// The chair records one for someone who is not a member, by name.
	wantShown(t, k.say(sue, `/action add 9 "Jo Smith" 1 February 2027 Report back on the pilot`),
		"Action 2 recorded under minute 9: Jo Smith — Report back on the pilot, due Monday 1 February 2027.")
	wantShown(t, k.say(ian, "/action add 9 “Jo” 2027-01-31 Send the terms of reference"),
		"Action 3 recorded under minute 9: Jo — Send the terms of reference, due Sunday 31 January 2027.")

	// Anyone in the channel reads the list; a member reads their own.
	want := "Outstanding actions of *Safer Sefton Together*:\n" +
		"• 1. Circulate the SWACA figures to partners — <@UNEIL>, due Sunday 20 December 2026 (minute 9, Thursday 10 December 2026)\n" +
		"• 3. Send the terms of reference — Jo, due Sunday 31 January 2027 (minute 9, Thursday 10 December 2026)\n" +
		"• 2. Report back on the pilot — Jo Smith, due Monday 1 February 2027 (minute 9, Thursday 10 December 2026)"
	if diff := cmp.Diff(k.say(graeme, "/action"), want); diff != "" {
		t.Errorf("/action (-got +want):\n%s", diff)
	}
	if diff := cmp.Diff(k.say(stranger, "/action list"), want); diff != "" {
		t.Errorf("/action list by someone outside the committee (-got +want):\n%s", diff)
	}
	if got := k.say(neil, "/action list mine"); !strings.Contains(got, "Your outstanding actions of *Safer Sefton Together*:") || !strings.Contains(got, "Circulate") || strings.Contains(got, "pilot") {
		t.Errorf("/action list mine:\n%s", got)
	}
	wantShown(t, k.say(graeme, "/action list mine"), "Your outstanding actions of *Safer Sefton Together*: none.")
	wantShown(t, k.say(graeme, "/action list overdue"), "Overdue actions of *Safer Sefton Together*: none.")

	// Neil's Home shows his action, and how to mark it done.
	home, err := k.svc.Home(context.Background(), team, neil, k.now)
	if err != nil {
		t.Fatal(err)
	}
	var yours string
	for _, c := range home.Cards {
		for _, s := range c.Sections {
			if s.Title == "Your actions" {
				yours = s.Text
			}
		}
	}
	// It is his own Home: the line does not name him as the owner.
	if diff := cmp.Diff(yours, "• 1. Circulate the SWACA figures to partners — due Sunday 20 December 2026 (minute 9, Thursday 10 December 2026)\nTo note progress on one: `/action note ID NOTE`; when one is done: `/action done ID [NOTE]`."); diff != "" {
		t.Errorf("Neil's Home (-got +want):\n%s", diff)
	}

	// The next meeting's agenda carries them forward.
	k.must(sue, "/meeting close")
	k.must(ian, "/meeting schedule 2027-01-14 10:00 Bootle Town Hall")
	wantShown(t, k.say(graeme, "/agenda 2027-01-14"), "*Actions from previous meetings*",
		"• 1. Circulate the SWACA figures to partners — <@UNEIL>, due Sunday 20 December 2026 (minute 9, Thursday 10 December 2026)")
	if got := k.say(graeme, "/agenda 2026-12-10"); strings.Contains(got, "Actions from previous meetings") {
		t.Errorf("the meeting that gave the actions lists them as from previous meetings:\n%s", got)
	}
	k.sent()

	// Three days before it falls due Neil is reminded, once however often
	// the chaser runs; Jo Smith, not a member, is not.
	k.now = time.Date(2026, 12, 17, 9, 30, 0, 0, london)
	n, msgs := actChase(k)
	if diff := cmp.Diff(actDMs(msgs, neil), []string{"A reminder from *Safer Sefton Together*: action 1, from minute 9, is due by Sunday 20 December 2026 — Circulate the SWACA figures to partners. When it is done: `/action done 1 [NOTE]`."}); diff != "" || n != 1 || len(msgs) != 1 {
		t.Errorf("%d chases queued, %d sent; to Neil (-got +want):\n%s", n, len(msgs), diff)
	}
	k.now = k.now.Add(24 * time.Hour)
	if n, msgs := actChase(k); n != 0 || len(msgs) != 0 {
		t.Errorf("a day later, %d more chases queued, %d sent", n, len(msgs))
	}

	// Done by its owner, not by another member.
	k.steps([]step{
		{graeme, "/action done 1", []string{"Only the action's owner, an officer or the chair of Safer Sefton Together can mark action 1 done."}},
		{neil, "/action done 1 Sent on 18 December", []string{"Action 1 is done: Circulate the SWACA figures to partners. Note: Sent on 18 December."}},
		{neil, "/action done #1", []string{"Action 1 is already done. If it was marked done by mistake, `/action reopen 1` makes it outstanding again."}},
		// An officer completes one for someone who is not in Slack.
		{ian, "/action done 3", []string{"Action 3, Jo's, is done: Send the terms of reference. Its history says you marked it done."}},
	})
	if got := k.say(graeme, "/agenda 2027-01-14"); strings.Contains(got, "Circulate") {
		t.Errorf("a done action is still carried forward:\n%s", got)
	}
	wantShown(t, k.say(graeme, "/action list all"), "All actions of *Safer Sefton Together*:",
		"• 1. Circulate the SWACA figures to partners — <@UNEIL>, due Sunday 20 December 2026 (minute 9, Thursday 10 December 2026) — done: Sent on 18 December",
		"• 3. Send the terms of reference — Jo, due Sunday 31 January 2027 (minute 9, Thursday 10 December 2026) — done")

	// Overdue once its day has passed.
	k.now = time.Date(2027, 2, 2, 9, 0, 0, 0, london)
	wantShown(t, k.say(graeme, "/action list overdue"), "Overdue actions of *Safer Sefton Together*:",
		"• 2. Report back on the pilot — Jo Smith, due Monday 1 February 2027 (minute 9, Thursday 10 December 2026) — *overdue*")

	// Re-dated and reassigned by an officer; done ones stay done.
	k.steps([]step{
		{neil, "/action move 2 2027-03-01", []string{"Only an officer or the chair of Safer Sefton Together can re-date actions."}},
		{ian, "/action move 2 2027-01-01", []string{"The due date, Friday 1 January 2027, is in the past.", "/action move ID DATE"}},
		{ian, "/action move 2", []string{"Give the new due date after the action's number: `/action move 2 2027-04-01`."}},
		{ian, "/action move 2 2027-03-01 please", []string{"Give the new due date after the action's number"}},
		{ian, "/action move 2 2027-03-01", []string{"Action 2, Jo Smith's, is now due Monday 1 March 2027 (it was due Monday 1 February 2027)."}},
		{ian, "/action move 1 2027-03-01", []string{"Action 1 is done; it is no longer due."}},
		{neil, "/action reassign 2 <@UNEIL>", []string{"Only an officer or the chair of Safer Sefton Together can reassign actions."}},
		{ian, "/action reassign 2 <@USTRANGER>", []string{"<@USTRANGER> is not a member of Safer Sefton Together. Give the person's name, in quotes, instead: \"Jo Smith\"."}},
		{ian, "/action reassign 2 <@UGRAEME> now", []string{"`reassign` takes the action's number and its new owner only."}},
		{ian, "/action reassign 2 Graeme", []string{"An action's owner is named by mention or in quotes: did you mean Graeme Robson (Merseyside Police)? Name them as <@UGRAEME>, or in quotes: `/action reassign 2 \"Graeme Robson\"`."}},
		{ian, "/action reassign 2 @nobody", []string{"I could not find @nobody: type @ and pick the person, so that Slack links the name, or give a name in quotes (\"Jo Smith\") for someone not in Slack."}},
		{ian, "/action reassign 2 Jo", []string{"Give the action's owner as @someone, or a name in quotes (\"Jo Smith\"), not `Jo`."}},
		{ian, "/action reassign 2", []string{"Give the action's owner: @someone, or a name in quotes."}},
		{ian, "/action reassign 2 <@UGRAEME>", []string{"Action 2 is now <@UGRAEME>'s. They are told by direct message."}},
		{graeme, "/action list mine", []string{"Report back on the pilot — <@UGRAEME>, due Monday 1 March 2027"}},
		{ian, `/action reassign 1 "Jo Smith"`, []string{"Action 1 is done; it cannot be reassigned."}},
	})
	if got := k.say(graeme, "/action list overdue"); strings.Contains(got, "pilot") {
		t.Errorf("a re-dated action is still overdue:\n%s", got)
	}

	// Before the next meeting, three days ahead, its owner is reminded
	// once more, once.
	k.must(ian, "/meeting schedule 2027-02-04 10:00 Bootle Town Hall")
	k.sent()
	n, msgs = actChase(k)
	if diff := cmp.Diff(actDMs(msgs, graeme), []string{"Before the meeting of *Safer Sefton Together* on Thursday 4 February 2027, 10:00: action 2, from minute 9, is yours and due by Monday 1 March 2027 — Report back on the pilot. The agenda lists it under Actions from previous meetings; when it is done: `/action done 2 [NOTE]`."}); diff != "" || n != 1 {
		t.Errorf("%d queued; to Graeme (-got +want):\n%s", n, diff)
	}
	k.now = k.now.Add(24 * time.Hour)
	if n, _ := actChase(k); n != 0 {
		t.Errorf("a day later, %d more reminders before the meeting", n)
	}

	if diff := cmp.Diff(actLog(k), []string{
		"added Neil Frackelton 2026-12-20 UIAN", "added Jo Smith 2027-02-01 USUE", "added Jo 2027-01-31 UIAN",
		"done Neil Frackelton 2026-12-20 UNEIL", "done Jo 2027-01-31 UIAN",
		"redated Jo Smith 2027-03-01 UIAN", "reassigned Graeme Robson 2027-03-01 UIAN",
	}); diff != "" {
		t.Errorf("action log (-got +want):\n%s", diff)
	}
}

// meanwhile is the records with someone else's change landing the moment
// an action is read: between the read of a command and its write.
type meanwhile struct {
	commands.Store
	then func()
}

func (m *meanwhile) ActionPointByID(ctx context.Context, id int64) (commands.ActionPoint, error) {
	a, err := m.Store.ActionPointByID(ctx, id)
	if f := m.then; f != nil {
		m.then = nil
		f()
	}
	return a, err
}

// TestActionChangesAtOnceBothStand: an officer re-dates an action while the
// chair reassigns it, and the other way round; each changes only what it
// names, so neither undoes the other.
func TestActionChangesAtOnceBothStand(t *testing.T) {
	k, _ := actDay(t)
	k.must(ian, "/action add 9 <@UNEIL> 2027-03-01 Circulate the figures")
	k.must(ian, "/action add 9 <@UNEIL> 2027-03-01 Report back")
	store := &meanwhile{Store: k.db}
	svc := commands.New(store, nil)
	run := func(user, line string) {
		t.Helper()
		if r, err := svc.Run(context.Background(), k.request(user, line)); err != nil || r.Refused {
			t.Fatalf("%s: %v %s", line, err, shown(r))
		}
	}

	store.then = func() { k.must(sue, "/action reassign 1 <@UGRAEME>") }
	run(ian, "/action move 1 2027-04-01")
	store.then = func() { k.must(sue, "/action move 2 2027-04-01") }
	run(ian, "/action reassign 2 <@UGRAEME>")

	for _, id := range []int64{1, 2} {
		a, err := k.db.ActionPointByID(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		if a.OwnerUser != graeme || a.Due != (commands.Date{Year: 2027, Month: time.April, Day: 1}) {
			t.Errorf("action %d is %s's, due %s; want Graeme's, due 1 April 2027", id, a.OwnerName, a.Due)
		}
	}
	if diff := cmp.Diff(actLog(k)[2:], []string{
		"reassigned Graeme Robson 2027-03-01 USUE", "redated Graeme Robson 2027-04-01 UIAN",
		"redated Neil Frackelton 2027-04-01 USUE", "reassigned Graeme Robson 2027-04-01 UIAN",
	}); diff != "" {
		t.Errorf("action log (-got +want):\n%s", diff)
	}
}

// TestActionAddUnderAnItemNumber: /resolve takes the agenda item's
// number and /action add the minute's; an action given the item's number
// (7.7, minuted as minute 9) is refused with the minute's number to type,
// rather than told to record a decision that is on record, and nothing is
// recorded.
func TestActionAddUnderAnItemNumber(t *testing.T) {
	k, _ := actDay(t)
	for _, line := range []string{
		"/action add 7.7 <@UNEIL> 2026-12-20 Circulate the figures",
		"/action add Item 7.7 <@UNEIL> 2026-12-20 Circulate the figures",
	} {
		r := k.run(ian, line)
		if !r.Refused {
			t.Errorf("%s was not refused:\n%s", line, shown(r))
		}
		wantShown(t, shown(r), "No minute 7.7 of Safer Sefton Together is on record: item 7.7 of the meeting on Thursday 10 December 2026 is minute 9. Give the minute's number: `/action add 9 …`.")
	}
	r := k.run(ian, "/action add 10/12/2026 7.7 <@UNEIL> 2026-12-20 Circulate the figures")
	wantShown(t, shown(r), "No minute 7.7 of the meeting on Thursday 10 December 2026 is on record: its item 7.7 is minute 9. Give the minute's number: `/action add 2026-12-10 9 …`.")
	if got := actLog(k); len(got) != 0 {
		t.Errorf("refused lines recorded actions: %q", got)
	}
	k.steps([]step{{ian, "/action add 9 <@UNEIL> 2026-12-20 Circulate the figures", []string{"Action 1 recorded under minute 9"}}})
}

// TestActionDueDateAtTheEnd: an action said as it is minuted, "Circulate
// the figures by 20 December", takes the date after the last "by" as its
// due date and the words before it as its text; a "by" that no whole date
// follows is part of the text, and without a date the action is refused.
func TestActionDueDateAtTheEnd(t *testing.T) {
	k, _ := actDay(t)
	k.steps([]step{
		{ian, "/action add 9 <@UNEIL> Circulate the figures by 20 December 2026.", []string{"Action 1 recorded under minute 9: <@UNEIL> — Circulate the figures, due Sunday 20 December 2026."}},
		{ian, `/action add 9 "Jo Smith" Report on the pilot run by SWACA by 2027-01-15`, []string{"Action 2 recorded under minute 9: Jo Smith — Report on the pilot run by SWACA, due Friday 15 January 2027."}},
	})
	for _, line := range []string{`/action add 9 "Jo Smith" Meet by the river`, `/action add 9 "Jo Smith" Report by next`, `/action add 9 "Jo Smith" Cut the waiting list by 3/4`} {
		if r := k.run(ian, line); !r.Refused || !strings.Contains(r.Text, "Give the date the action is due by") {
			t.Errorf("%s:\n%s", line, shown(r))
		}
	}
	// A date mistaken after the last "by" is answered as that mistake.
	for line, want := range map[string]string{
		`/action add 9 "Jo Smith" Do it by 31/02/2027`:          "There is no 31 February 2027",
		`/action add 9 "Jo Smith" Do it by Mon 12 January 2027`: "Tuesday",
		// A month mistyped is answered with the day it may mean, after
		// the owner or after the last "by".
		`/action add 9 "Jo Smith" 14 Janaury Book the room`:           "`14 Janaury` is not read as a date: did you mean `14/01/2027`, Thursday 14 January 2027?",
		`/action add 9 "Jo Smith" Book the room by 14 Janaury.`:       "`14 Janaury` is not read as a date: did you mean `14/01/2027`, Thursday 14 January 2027?",
		`/action add 9 "Jo Smith" Book the room by 14th Febuary 2027`: "`14th Febuary 2027` is not read as a date: did you mean `14/02/2027`, Sunday 14 February 2027?",
	} {
		if r := k.run(ian, line); !r.Refused || !strings.Contains(r.Text, want) {
			t.Errorf("%s:\n%s\nwant %q", line, shown(r), want)
		}
	}
	if diff := cmp.Diff(actLog(k), []string{"added Neil Frackelton 2026-12-20 UIAN", "added Jo Smith 2027-01-15 UIAN"}); diff != "" {
		t.Errorf("action log (-got +want):\n%s", diff)
	}
	if got := k.say(ian, "/action list"); strings.Contains(got, "by 20 December") || strings.Contains(got, "by 2027-01-15") {
		t.Errorf("the due date kept in the text:\n%s", got)
	}
}

// TestActionAddRefused: a line that cannot be an action is refused with
// the reason and the usage, and nothing is recorded.
func TestActionAddRefused(t *testing.T) {
	k, _ := actDay(t)
	for _, tc := range []struct {
		user, line, want string
	}{
		{neil, "/action add 9 <@UNEIL> 2026-12-20 Do it", "Only an officer or the chair of Safer Sefton Together can record actions."},
		{stranger, "/action add 9 <@UNEIL> 2026-12-20 Do it", "not a member of Safer Sefton Together"},
		{ian, "/action add 9 <@UNEIL> 2026-12-20", "Say what is to be done, after the date."},
		{ian, "/action add 9 <@UNEIL>", "Give the minute's number, the owner, the due date and what is to be done."},
		{ian, "/action add nine <@UNEIL> 2026-12-20 Do it", "`nine` is not a minute number."},
		{ian, "/action add 9 <@USTRANGER> 2026-12-20 Do it", `<@USTRANGER> is not a member of Safer Sefton Together. Record the action by the person's name, in quotes: ` + "`/action add 9 \"Jo Smith\" …`."},
		{ian, "/action add 9 @nobody 2026-12-20 Do it", "I could not find @nobody: type @ and pick the person, so that Slack links the name, or give a name in quotes (\"Jo Smith\") for someone not in Slack."},
		{ian, "/action add 9 Jo 2026-12-20 Do it", "Give the action's owner as @someone, or a name in quotes (\"Jo Smith\"), not `Jo`."},
		{ian, `/action add 9 "Jo Smith 2026-12-20 Do it`, "The owner's name has no closing quote."},
		{ian, `/action add 9 " " 2026-12-20 Do it`, "The owner's name is empty."},
		{ian, `/action add 9 "" 2026-12-20 Do it`, "The owner's name is empty."},
		{ian, `/action add 9 "Jo Smith" 2026-12-01 Do it`, "The due date, Tuesday 1 December 2026, is in the past."},
		{ian, `/action add 9 "Jo Smith" Do it now`, "Give the date the action is due by, after the owner (`2027-03-01`) or at the end of the text (`… by 1 March 2027`)."},
		{ian, `/action add 9 "Jo Smith" 31/02/2027 Do it`, "There is no 31 February 2027"},
		{ian, `/action add 9 "Jo Smith" 2026-12-20 ` + strings.Repeat("x", 1001), "That is too long for an action (1001 characters; the limit is 1000)."},
		{ian, "/action add 9 <@UNEIL> 1 March 2027", "Say what is to be done, after the date."},
		{stranger, "/action done 1", "not a member of Safer Sefton Together"},
		{ian, `/action add 99 "Jo Smith" 2026-12-20 Do it`, "No minute 99 of Safer Sefton Together is on record. Record the decision first with `/resolve`."},
		{ian, "/action done 999", "There is no action 999 of Safer Sefton Together. `/action list` shows them."},
		{ian, "/action done twelve", "`twelve` is not an action number."},
		{ian, "/action done 0", "`0` is not an action number."},
		{ian, "/action done", "Give the action's number, as `/action list` shows it."},
		{ian, "/action list soon", "`list` takes mine, overdue or all, and a page: `/action list mine page 2`."},
		{ian, "/action list mine all", "`list` takes mine, overdue or all, and a page: `/action list mine page 2`."},
	} {
		r := k.run(tc.user, tc.line)
		if !r.Refused {
			t.Errorf("%s %s was not refused:\n%s", tc.user, tc.line, shown(r))
		}
		wantShown(t, shown(r), tc.want)
	}
	if got := actLog(k); len(got) != 0 {
		t.Errorf("refused lines recorded actions: %q", got)
	}
}

// TestActionChasedAgainWhenRedated: an action given a new due date is
// chased again before that date, once; one whose owner is known only by
// name is never chased, as there is no one to message.
func TestActionChasedAgainWhenRedated(t *testing.T) {
	k, _ := actDay(t)
	k.must(ian, "/action add 9 <@UNEIL> 2026-12-20 Circulate the figures")
	k.must(ian, `/action add 9 "Jo Smith" 2026-12-20 Report back`)
	k.must(ian, "/action move 1 2026-12-30")
	k.must(sue, "/meeting close")
	k.sent()

	// Three days before the old date, nothing: it is no longer due then.
	k.now = time.Date(2026, 12, 17, 15, 0, 0, 0, london)
	if n, msgs := actChase(k); n != 0 || len(msgs) != 0 {
		t.Errorf("%d chases queued before the old due date, %d sent", n, len(msgs))
	}
	k.now = time.Date(2026, 12, 27, 15, 0, 0, 0, london)
	n, msgs := actChase(k)
	if diff := cmp.Diff(actDMs(msgs, neil), []string{"A reminder from *Safer Sefton Together*: action 1, from minute 9, is due by Wednesday 30 December 2026 — Circulate the figures. When it is done: `/action done 1 [NOTE]`."}); diff != "" || n != 1 {
		t.Errorf("%d queued; to Neil (-got +want):\n%s", n, diff)
	}
	// Moved again, and given to Neil by name only: no one to chase.
	k.must(ian, `/action reassign 1 "Neil F"`)
	k.must(ian, "/action move 1 2027-01-05")
	k.sent() // Neil told the action is no longer his
	k.now = time.Date(2027, 1, 3, 15, 0, 0, 0, london)
	if n, msgs := actChase(k); n != 0 || len(msgs) != 0 {
		t.Errorf("%d chases queued for actions with no member to message, %d sent", n, len(msgs))
	}
	// Given back by mention, the member's name is the committee's record
	// of it, not what the mention carried.
	wantShown(t, k.say(ian, "/action reassign 1 <@UNEIL|neil>"), "Action 1 is now <@UNEIL>'s. They are told by direct message.")
	if log := actLog(k); log[len(log)-1] != "reassigned Neil Frackelton 2027-01-05 UIAN" {
		t.Errorf("action log ends %q", log[len(log)-1])
	}
}

// TestActionReassignedAfterItsChase: an action given to someone else
// after its owner was reminded of it is its new owner's to be reminded
// of, once, before the same due date and before the next meeting.
func TestActionReassignedAfterItsChase(t *testing.T) {
	k, _ := actDay(t)
	k.must(ian, "/action add 9 <@UNEIL> 2026-12-20 Circulate the figures")
	k.must(sue, "/meeting close")
	k.must(ian, "/meeting schedule 2026-12-19 10:00 Bootle Town Hall")
	k.sent()

	k.now = time.Date(2026, 12, 17, 9, 0, 0, 0, london)
	if n, msgs := actChase(k); n != 2 || len(actDMs(msgs, neil)) != 2 {
		t.Fatalf("%d chases queued; to Neil: %q", n, actDMs(msgs, neil))
	}
	k.must(ian, "/action reassign 1 <@UGRAEME>")
	k.sent()
	k.now = k.now.Add(time.Hour)
	n, msgs := actChase(k)
	if diff := cmp.Diff(actDMs(msgs, graeme), []string{
		"A reminder from *Safer Sefton Together*: action 1, from minute 9, is due by Sunday 20 December 2026 — Circulate the figures. When it is done: `/action done 1 [NOTE]`.",
		"Before the meeting of *Safer Sefton Together* on Saturday 19 December 2026, 10:00: action 1, from minute 9, is yours and due by Sunday 20 December 2026 — Circulate the figures. The agenda lists it under Actions from previous meetings; when it is done: `/action done 1 [NOTE]`.",
	}); diff != "" || n != 2 {
		t.Errorf("%d queued after the reassignment; to Graeme (-got +want):\n%s", n, diff)
	}
	k.now = k.now.Add(time.Hour)
	if n, _ := actChase(k); n != 0 {
		t.Errorf("an hour later, %d more chases", n)
	}
}

// TestActionOfAnotherCommittee: an action is found only in its own
// committee's channel. Someone on both committees is pointed to that
// channel; someone on the other committee alone learns nothing of it.
func TestActionOfAnotherCommittee(t *testing.T) {
	k, _ := actDay(t)
	k.must(ian, "/action add 9 <@UNEIL> 2026-12-20 Circulate the figures")
	other := k.request(ian, "/committee setup Sefton Youth Board")
	other.ChannelID = "C2"
	if r, err := k.svc.Run(context.Background(), other); err != nil || r.Refused {
		t.Fatalf("setting up another committee: %+v %v", r, err)
	}
	add := k.request(ian, "/committee member add <@USTRANGER> Sefton Youth Council")
	add.ChannelID = "C2"
	if r, err := k.svc.Run(context.Background(), add); err != nil || r.Refused {
		t.Fatalf("adding a member to the other committee: %+v %v", r, err)
	}
	for _, line := range []string{"/action done 1", "/action move 1 2027-01-10", "/action reassign 1 \"Jo Smith\""} {
		for _, tc := range []struct{ user, want string }{
			{ian, "Action 1 is of Safer Sefton Together, not of Sefton Youth Board: use the command in <#C1>."},
			{stranger, "There is no action 1 of Sefton Youth Board."},
		} {
			if tc.user == stranger && line != "/action done 1" {
				continue // a member is refused the officers' commands first
			}
			r := k.request(tc.user, line)
			r.ChannelID = "C2"
			reply, err := k.svc.Run(context.Background(), r)
			if err != nil {
				t.Fatal(err)
			}
			wantShown(t, shown(reply), tc.want)
			// The command was typed right; its usage would say otherwise.
			if got := shown(reply); tc.user == ian && strings.Contains(got, "Usage:") {
				t.Errorf("%s in the other committee's channel is answered with the usage:\n%s", line, got)
			}
		}
	}
	if a, err := k.db.ActionPointByID(context.Background(), 1); err != nil || a.Done || a.OwnerUser != neil || !strings.Contains(a.Due.String(), "20 December 2026") {
		t.Errorf("the action after commands in the other channel: %+v %v", a, err)
	}
	r := k.request(ian, "/action")
	r.ChannelID = "C2"
	if reply, err := k.svc.Run(context.Background(), r); err != nil || !strings.Contains(reply.Text, "Outstanding actions of *Sefton Youth Board*: none.") {
		t.Errorf("the other committee's list: %+v %v", reply, err)
	}
	wantShown(t, k.say(neil, "/action"), "• 1. Circulate the figures")
}

// TestActionFormFromDecision: the [Add an action] button under a decision
// opens a form, for officers and the chair only, listing the members;
// the form keeps the rules of /action add and records under that minute.
func TestActionFormFromDecision(t *testing.T) {
	k, decision := actDay(t)

	// A member who may not record actions gets no form.
	r := k.press(neil, decision, "Add an action")
	if r.Form != nil || !strings.Contains(r.Text, "Only an officer or the chair of Safer Sefton Together can record actions.") {
		t.Errorf("member's press: %+v", r)
	}

	r = k.press(ian, decision, "Add an action")
	if r.Form == nil {
		t.Fatalf("no form: %s", shown(r))
	}
	wantShown(t, r.Text, "Opening the form to add an action under minute 9… (Where no form opens: `/action add 2026-12-10 9 @owner DATE TEXT`.)")
	f := r.Form
	var owners []string
	var hint string
	for _, fl := range f.Fields {
		if fl.ID == "owner" {
			for _, o := range fl.Options {
				owners = append(owners, o.Value+" "+o.Label)
			}
		}
		if fl.ID == "text" {
			hint = fl.Hint
		}
	}
	if f.Title != "Add an action" || hint != "Minute 9, Thursday 10 December 2026" {
		t.Errorf("form %q, text hint %q", f.Title, hint)
	}
	for _, want := range []string{"UNEIL Neil Frackelton", "UGRAEME Graeme Robson", "USUE Sue Holden"} {
		if !strings.Contains(strings.Join(owners, "\n"), want) {
			t.Errorf("the owners offered lack %q: %q", want, owners)
		}
	}

	by := k.request(ian, "")
	for _, tc := range []struct {
		name   string
		values map[string]string
		want   map[string]string
	}{
		{"empty", map[string]string{"due": "2026-12-01"}, map[string]string{
			"owner": "Choose the member the action is for, or give a name below.",
			"due":   "The due date, Tuesday 1 December 2026, is in the past.",
			"text":  "Say what is to be done.",
		}},
		{"both owners", map[string]string{"owner": neil, "name": "Jo Smith", "due": "2026-12-20", "text": "Do it"}, map[string]string{
			"name": "Choose a member or give a name, not both.",
		}},
		{"never a member", map[string]string{"owner": stranger, "due": "tomorrow please", "text": strings.Repeat("y", 1001)}, map[string]string{
			"owner": "That person is not a member of Safer Sefton Together; give their name below.",
			"due":   "Give the date the action is due by: 2027-03-01.",
			"text":  "That is too long (1001 characters; the limit is 1000).",
		}},
		{"impossible date", map[string]string{"name": "Jo Smith", "due": "31/02/2027", "text": "Do it"}, map[string]string{
			"due": "There is no 31 February 2027: February 2027 has 28 days.",
		}},
		// Plain text, as a form's errors are: no backticks to be read out,
		// and nothing of "the next meeting", which no action is due at.
		{"a weekday after next", map[string]string{"name": "Jo Smith", "due": "next Friday", "text": "Do it"}, map[string]string{
			"due": "“next Friday” may mean more than one day: give its date, e.g. “11 December”.",
		}},
		{"no date", map[string]string{"name": "Jo Smith", "text": "Do it"}, map[string]string{
			"due": "Give the date the action is due by: 2027-03-01.",
		}},
	} {
		_, errs := k.submit(by, f, tc.values)
		if diff := cmp.Diff(errs, tc.want); diff != "" {
			t.Errorf("%s (-got +want):\n%s", tc.name, diff)
		}
	}
	if got := actLog(k); len(got) != 0 {
		t.Fatalf("a refused form recorded %q", got)
	}

	got, errs := k.submit(by, f, map[string]string{"owner": neil, "due": "2026-12-20", "text": "Circulate the SWACA figures to partners"})
	if len(errs) != 0 || got.Text != "Action 1 recorded under minute 9: <@UNEIL> — Circulate the SWACA figures to partners, due Sunday 20 December 2026. Mark it done with `/action done 1`. They are told by direct message." {
		t.Errorf("good submission: %+v %v", got, errs)
	}
	// The chair adds one for someone outside the committee.
	got, errs = k.submit(k.request(sue, ""), f, map[string]string{"name": "Jo Smith", "due": "1 February 2027", "text": "Report back on the pilot"})
	if len(errs) != 0 || !strings.Contains(got.Text, "Action 2 recorded under minute 9: Jo Smith — Report back on the pilot, due Monday 1 February 2027.") {
		t.Errorf("by name: %+v %v", got, errs)
	}
	wantShown(t, k.say(graeme, "/action"), "• 1. Circulate the SWACA figures to partners — <@UNEIL>", "• 2. Report back on the pilot — Jo Smith")
	if diff := cmp.Diff(actLog(k), []string{"added Neil Frackelton 2026-12-20 UIAN", "added Jo Smith 2027-02-01 USUE"}); diff != "" {
		t.Errorf("action log (-got +want):\n%s", diff)
	}
	// One removed while the form was open was a member, and is told so.
	k.must(ian, "/committee member remove <@UGRAEME>")
	if _, errs := k.submit(by, f, map[string]string{"owner": graeme, "due": "2026-12-20", "text": "Do it"}); errs["owner"] != "That person is no longer a member; give their name below." {
		t.Errorf("removed member: %q", errs)
	}
}

// TestActionButtonOutOfDate: a button or form whose minute cannot be
// found, or which belongs to another committee, says so and records
// nothing.
func TestActionButtonOutOfDate(t *testing.T) {
	k, _ := actDay(t)
	id := k.committee().ID
	for _, tc := range []struct{ value, want string }{
		{"not json", "That button is out of date; record the action with `/action add MINUTE @owner DATE TEXT`."},
		{`{"c":1}`, "That button is out of date"},
		{fmt.Sprintf(`{"c":%d,"n":"99","y":2026,"m":12,"d":10}`, id), "Minute 99 of Thursday 10 December 2026 is no longer on record."},
		{fmt.Sprintf(`{"c":%d,"n":"9","y":2026,"m":12,"d":10}`, id+1000), "That button belongs to another committee's channel."},
		{fmt.Sprintf(`{"c":%d,"n":"9","y":-1,"m":12,"d":10}`, id), "That button is out of date"},
		{fmt.Sprintf(`{"c":%d,"n":"9","y":2026,"m":13,"d":40}`, id), "That button is out of date"},
		// A number no minute has, nor the records could hold, is not
		// looked for: the presser was told the records had failed.
		{fmt.Sprintf(`{"c":%d,"n":"9\u0000","y":2026,"m":12,"d":10}`, id), "That button is out of date"},
		{fmt.Sprintf(`{"c":%d,"n":"9\u001b[2J","y":2026,"m":12,"d":10}`, id), "That button is out of date"},
		{fmt.Sprintf(`{"c":%d,"n":%q,"y":2026,"m":12,"d":10}`, id, strings.Repeat("9", 2000)), "That button is out of date"},
	} {
		r := k.act(k.request(ian, ""), "action.add_from_minute", tc.value)
		if r.Form != nil {
			t.Errorf("%s opened a form", tc.value)
		}
		wantShown(t, shown(r), tc.want)
		reply, errs := k.submit(k.request(ian, ""), &commands.Form{ID: "action_add", Metadata: tc.value},
			map[string]string{"name": "Jo Smith", "due": "2026-12-20", "text": "Do it"})
		if len(errs) != 0 {
			t.Errorf("%s: field errors %v", tc.value, errs)
		}
		wantShown(t, shown(reply), tc.want)
	}
	if got := actLog(k); len(got) != 0 {
		t.Errorf("out-of-date buttons recorded %q", got)
	}
}

// TestActionsInReminders: the reminder posted before the next meeting
// lists the actions still owed from earlier meetings, as the agenda does,
// and not those done.
func TestActionsInReminders(t *testing.T) {
	k, _ := actDay(t)
	k.must(ian, "/action add 9 <@UNEIL> 2027-01-20 Circulate the SWACA figures to partners")
	k.must(ian, `/action add 9 "Jo Smith" 2027-01-20 Report back on the pilot`)
	k.must(ian, "/action done 2")
	k.must(sue, "/meeting close")
	k.must(ian, "/meeting schedule 2027-01-14 10:00 Bootle Town Hall")
	k.sent()

	k.now = time.Date(2027, 1, 7, 9, 0, 0, 0, london)
	if n, err := k.svc.EnqueueDueReminders(context.Background(), k.now); err != nil || n == 0 {
		t.Fatalf("%d reminders queued 7 days before the meeting: %v", n, err)
	}
	var reminder string
	for _, m := range k.sent() {
		if s := shown(m.Reply); m.ChannelID == channel && strings.Contains(s, "Reminder: Safer Sefton Together meets in 7 days") {
			reminder = s
		}
	}
	if reminder == "" {
		t.Fatal("no reminder posted to the channel")
	}
	wantShown(t, reminder, "Actions from previous meetings",
		"Circulate the SWACA figures to partners — <@UNEIL>, due Wednesday 20 January 2027 (minute 9, Thursday 10 December 2026)")
	if strings.Contains(reminder, "Report back on the pilot") {
		t.Errorf("the reminder lists a done action:\n%s", reminder)
	}
}

// TestActionForAMemberNamed: an action given to a member by their name in
// quotes, rather than a mention, is theirs all the same: listed as theirs,
// on their Home, theirs to mark done; so is one reassigned or added by the
// form that way.
func TestActionForAMemberNamed(t *testing.T) {
	k, decision := actDay(t)
	k.steps([]step{
		{ian, `/action add 9 "neil frackelton (SWACA)" 2026-12-20 Circulate the figures`, []string{"Action 1 recorded under minute 9: <@UNEIL> — Circulate the figures"}},
		{neil, "/action list mine", []string{"• 1. Circulate the figures — <@UNEIL>"}},
		{ian, `/action add 9 "Jo Smith" 2026-12-20 Report back`, []string{"Action 2 recorded under minute 9: Jo Smith — Report back"}},
		{ian, `/action reassign 2 "Graeme Robson"`, []string{"Action 2 is now <@UGRAEME>'s. They are told by direct message."}},
		{graeme, "/action done 2 Reported", []string{"Action 2 is done: Report back. Note: Reported."}},
		{neil, "/action done 1", []string{"Action 1 is done: Circulate the figures."}},
	})
	f := k.press(ian, decision, "Add an action").Form
	if got, errs := k.submit(k.request(ian, ""), f, map[string]string{"name": "Sue Holden", "due": "2026-12-20", "text": "Book the room"}); len(errs) != 0 || !strings.Contains(got.Text, "Action 3 recorded under minute 9: <@USUE> — Book the room") {
		t.Errorf("by the form: %+v %v", got, errs)
	}
	if got := section(t, k.svc, sue, "Your actions"); !strings.Contains(got, "Book the room") {
		t.Errorf("Sue's Home lacks her action: %q", got)
	}
}

// TestActionHistory: anyone in the committee reads an action's log — who
// added, re-dated, reassigned and completed it, and when — as it was kept.
func TestActionHistory(t *testing.T) {
	k, _ := actDay(t)
	k.must(ian, "/action add 9 <@UNEIL> 2026-12-20 Circulate the figures")
	k.must(sue, "/action move 1 2027-01-10")
	k.must(ian, `/action reassign 1 "Jo Smith"`)
	k.must(ian, "/action done 1 Sent on 5 January")
	got := k.run(graeme, "/action history 1")
	if got.Visibility != commands.Private || got.Refused {
		t.Errorf("history: %+v", got)
	}
	inOrder(t, shown(got),
		"*History of action 1* of *Safer Sefton Together*: Circulate the figures (minute 9, Thursday 10 December 2026).",
		" — added for <@UNEIL>, due Sunday 20 December 2026 _(by <@UIAN>)_",
		" — re-dated: due Sunday 10 January 2027 _(by <@USUE>)_",
		" — reassigned to Jo Smith _(by <@UIAN>)_",
		" — marked done: Sent on 5 January _(by <@UIAN>)_")
	for _, tc := range []struct{ line, want string }{
		{"/action history", "Give the action's number, as `/action list` shows it."},
		{"/action history 99", "There is no action 99 of Safer Sefton Together."},
		{"/action history 1 please", "`history` takes the action's number only: `/action history 1`."},
		// The number alone, as the list shows it, is pointed to the ways
		// to see or close it rather than not understood.
		{"/action 1", "To see action 1 and its changes, say `/action history 1`; to note progress on it, `/action note 1 NOTE`; to mark it done, `/action done 1`."},
		{"/action #1", "say `/action history 1`"},
	} {
		if r := k.run(graeme, tc.line); !r.Refused || !strings.Contains(shown(r), tc.want) {
			t.Errorf("%s:\n%s\nwant refused with %q", tc.line, shown(r), tc.want)
		}
	}
	// Who changed what, and when, is the committee's: someone in the
	// channel who is not a member reads the list, not the history.
	if r := k.run(stranger, "/action history 1"); !r.Refused || strings.Contains(shown(r), "marked done") ||
		!strings.Contains(shown(r), "You are not a member of Safer Sefton Together.") {
		t.Errorf("/action history by someone outside the committee:\n%s", shown(r))
	}
}

// Each change to an action is in its history at the time it was asked
// for, as the request has it, not by the database's clock.
func TestActionHistoryAtTheRequestsTimes(t *testing.T) {
	k, _ := actDay(t)
	var want []string
	for _, line := range []string{"/action add 9 <@UNEIL> 2026-12-20 Circulate the figures", "/action move 1 2027-01-10",
		`/action reassign 1 "Jo Smith"`, "/action done 1 Sent on 5 January", "/action reopen 1"} {
		k.now = k.now.Add(time.Hour)
		k.must(ian, line)
		want = append(want, "• "+k.now.In(london).Format("2 Jan 2006 15:04")+" — ")
	}
	inOrder(t, k.say(graeme, "/action history 1"), want...)
}

// TestActionDoneNoteTooLong: a note longer than an action may hold is
// refused, not cut short, and the action stays outstanding.
func TestActionDoneNoteTooLong(t *testing.T) {
	k, _ := actDay(t)
	k.must(ian, "/action add 9 <@UNEIL> 2026-12-20 Circulate the figures")
	r := k.run(neil, "/action done 1 "+strings.Repeat("é", 1001))
	if !r.Refused || !strings.HasPrefix(r.Text, "That note is too long (1001 characters; the limit is 1000). Nothing was saved.") {
		t.Errorf("a long note: %+v", r)
	}
	wantShown(t, k.say(neil, "/action list mine"), "• 1. Circulate the figures")
	wantShown(t, k.say(neil, "/action done 1 "+strings.Repeat("é", 1000)), "Action 1 is done")
}

// TestActionReopenedBesideItsTwin: an action reopened after the same one
// was added again while it was done says the other stands too, with how
// to close it, rather than leave two to be chased unremarked; one that
// differs is not named.
func TestActionReopenedBesideItsTwin(t *testing.T) {
	k, _ := actDay(t)
	k.must(ian, "/action add 9 <@UNEIL> 2026-12-20 Circulate the figures")
	k.must(neil, "/action done 1 Sent")
	k.must(ian, "/action add 9 <@UNEIL> 2026-12-20 Circulate the figures")
	k.must(ian, "/action add 9 <@UNEIL> 2026-12-21 Circulate the figures")
	r := k.must(neil, "/action reopen 1")
	wantShown(t, r.Text, "Action 1 is outstanding again:",
		"\nAction 2, outstanding too, is the same (minute, owner, due date and text): if it stands for this one, `/action done 2 Same as action 1` closes it.")
	if strings.Contains(r.Text, "Action 3") {
		t.Errorf("an action due another day is named as the same:\n%s", r.Text)
	}
}

// TestActionReopened: an action marked done by mistake is made
// outstanding again by its owner, an officer or the chair — back on the list, the
// agenda and the owner's Home — and its log keeps that it was done.
func TestActionReopened(t *testing.T) {
	k, _ := actDay(t)
	k.must(ian, "/action add 9 <@UNEIL> 2026-12-20 Circulate the figures")
	k.must(ian, `/action add 9 "Jo Smith" 2026-12-20 Report back`)
	k.must(neil, "/action done 1 Sent")
	k.must(ian, "/action done 2")
	k.steps([]step{
		{graeme, "/action reopen 1", []string{"Only the action's owner, an officer or the chair of Safer Sefton Together can reopen action 1."}},
		{neil, "/action reopen 1 please", []string{"`reopen` takes the action's number only: `/action reopen 1`."}},
		{neil, "/action reopen 1", []string{"Action 1 is outstanding again:\n• 1. Circulate the figures — <@UNEIL>, due Sunday 20 December 2026 (minute 9, Thursday 10 December 2026)"}},
		{neil, "/action reopen 1", []string{"Action 1 is not done; it is still outstanding."}},
		{ian, "/action reopen 2", []string{"Action 2 is outstanding again:"}},
		{graeme, "/action", []string{"• 1. Circulate the figures", "• 2. Report back"}},
		{graeme, "/action history 1", []string{"— marked done: Sent _(by <@UNEIL>)_", "— reopened: outstanding again _(by <@UNEIL>)_"}},
	})
	if got := section(t, k.svc, neil, "Your actions"); !strings.Contains(got, "Circulate the figures") || strings.Contains(got, "— done") {
		t.Errorf("Neil's Home: %q", got)
	}
	k.must(sue, "/meeting close")
	k.must(ian, "/meeting schedule 2027-01-14 10:00 Bootle Town Hall")
	wantShown(t, k.say(graeme, "/agenda 2027-01-14"), "*Actions from previous meetings*", "• 1. Circulate the figures — <@UNEIL>")
	if got := actLog(k); got[len(got)-1] != "reopened Jo Smith 2026-12-20 UIAN" {
		t.Errorf("action log: %q", got)
	}
}

// TestActionChangedToWhatItIs: re-dating an action to the day it is due,
// or giving it to its owner, changes nothing and adds nothing to its log.
func TestActionChangedToWhatItIs(t *testing.T) {
	k, _ := actDay(t)
	k.must(ian, "/action add 9 <@UNEIL> 2026-12-20 Circulate the figures")
	k.steps([]step{
		{ian, "/action move 1 20 December 2026", []string{"Action 1 is already due Sunday 20 December 2026; nothing was changed."}},
		{ian, "/action reassign 1 <@UNEIL>", []string{"Action 1 is <@UNEIL>'s already; nothing was changed."}},
		{ian, `/action reassign 1 "Neil Frackelton"`, []string{"Action 1 is <@UNEIL>'s already; nothing was changed."}},
	})
	if diff := cmp.Diff(actLog(k), []string{"added Neil Frackelton 2026-12-20 UIAN"}); diff != "" {
		t.Errorf("action log (-got +want):\n%s", diff)
	}
}

// TestActionsOnAFullHome: a member with many actions sees the five due
// soonest on their Home, and how many more there are, as other long lists
// on a card do.
func TestActionsOnAFullHome(t *testing.T) {
	k, _ := actDay(t)
	for day := 20; day <= 27; day++ {
		k.must(ian, fmt.Sprintf("/action add 9 <@UNEIL> 2026-12-%d Task %d", day, day))
	}
	got := section(t, k.svc, neil, "Your actions")
	inOrder(t, got, "Task 20", "Task 24", "… and 3 more: `/action list mine` in the channel shows them all.", "when one is done: `/action done ID [NOTE]`.")
	if strings.Contains(got, "Task 25") {
		t.Errorf("Neil's Home lists more than five actions:\n%s", got)
	}
}

// TestActionsOfARemovedMember: a member removed from the committee is no
// longer reminded of actions they can no longer mark done; the officer
// removing them is told which are theirs, to give to someone else.
func TestActionsOfARemovedMember(t *testing.T) {
	k, _ := actDay(t)
	k.must(ian, "/action add 9 <@UNEIL> 2026-12-20 Circulate the figures")
	k.must(ian, "/action add 9 <@UNEIL> 2027-01-20 Report back")
	k.must(ian, "/action add 9 <@UGRAEME> 2026-12-20 Brief the partners")
	k.must(sue, "/meeting close")
	wantShown(t, k.say(ian, "/committee member remove <@UNEIL>"),
		"<@UNEIL> is no longer a member of Safer Sefton Together.\nThey have 2 actions outstanding (numbers 1 and 2), of which they will not be reminded: give each to someone else with `/action reassign 1 @someone`.")
	wantShown(t, k.say(ian, "/committee member remove <@UGRAEME>"),
		"They have 1 action outstanding (number 3), of which they will not be reminded: give it to someone else with `/action reassign 3 @someone`.")
	if got := k.say(ian, "/committee member remove <@USUE>"); strings.Contains(got, "outstanding") {
		t.Errorf("removing Sue, who has no actions:\n%s", got)
	}
	k.must(ian, "/committee member add <@USUE> Sefton CVS")
	k.sent()
	k.now = time.Date(2026, 12, 17, 9, 30, 0, 0, london)
	if _, msgs := actChase(k); len(actDMs(msgs, neil))+len(actDMs(msgs, graeme)) != 0 {
		t.Errorf("members no longer are chased: %q %q", actDMs(msgs, neil), actDMs(msgs, graeme))
	}
	// Given to a member, the action is chased again.
	k.must(ian, "/action reassign 1 <@USUE>")
	k.sent() // Sue told it is hers
	if _, msgs := actChase(k); len(actDMs(msgs, sue)) != 1 {
		t.Errorf("Sue is not chased for the action she was given: %q", actDMs(msgs, sue))
	}
}

// TestActionOfARemovedMemberNoted: someone removed from the committee
// whose action is still theirs is told, by /action note, done or reopen,
// that it is theirs until an officer or the chair gives it to someone
// else, and to tell them how it stands, rather than told to ask to be
// added back; nothing is recorded. Another's action is not theirs to
// hear of, and someone who never was a member is answered as before.
func TestActionOfARemovedMemberNoted(t *testing.T) {
	k, _ := actDay(t)
	k.must(ian, "/action add 9 <@UNEIL> 2027-01-20 Circulate the figures")
	k.must(ian, "/action add 9 <@UNEIL> 2027-01-20 Book the room")
	k.must(ian, "/action done 2 Booked")
	k.must(ian, "/action add 9 <@UGRAEME> 2027-01-20 Brief the partners")
	k.must(ian, "/committee member remove <@UNEIL>")
	const yours = "It is listed as yours until an officer or the chair gives it to someone else (`/action reassign 1 @someone`): tell them how it stands, for them to note."
	attRefused(k, neil, "/action note 1 Figures requested", "You are no longer a member of Safer Sefton Together, so you cannot note progress on action 1. "+yours)
	attRefused(k, neil, "/action done 1 Circulated", "You are no longer a member of Safer Sefton Together, so you cannot mark action 1 done. "+yours)
	attRefused(k, neil, "/action reopen 2", "You are no longer a member of Safer Sefton Together, so you cannot reopen action 2. It is done; if there is more to do, an officer or the chair can reopen it (`/action reopen 2`).")
	attRefused(k, neil, "/action note 3 Briefed", "You are no longer a member of Safer Sefton Together, so this is not yours to do.")
	attRefused(k, stranger, "/action note 1 Figures requested", "You are not a member of Safer Sefton Together. Ask its officer to add you")
	if got, want := actLog(k), []string{"added Neil Frackelton 2027-01-20 UIAN", "added Neil Frackelton 2027-01-20 UIAN", "done Neil Frackelton 2027-01-20 UIAN", "added Graeme Robson 2027-01-20 UIAN"}; !slices.Equal(got, want) {
		t.Errorf("the action log:\ngot  %q\nwant %q", got, want)
	}
}

// TestActionsListedWhenMany: a committee with more actions than a page
// lists the outstanding ones and the latest done first, and says how to
// read the next page, rather than dropping the earliest done without a
// word.
func TestActionsListedWhenMany(t *testing.T) {
	k, _ := actDay(t)
	first := time.Date(2026, 12, 20, 0, 0, 0, 0, london)
	for i := range commands.MaxActionsListed + 1 {
		k.must(ian, fmt.Sprintf("/action add 9 <@UNEIL> %s Task %d", first.AddDate(0, 0, i).Format("2006-01-02"), i+1))
	}
	k.must(ian, "/action done 1")
	k.must(ian, fmt.Sprintf("/action done %d Finished last", commands.MaxActionsListed+1))
	got := k.say(ian, "/action list all")
	wantShown(t, got, "Task 2 —", fmt.Sprintf("Task %d — <@UNEIL>, due Thursday 8 July 2027 (minute 9, Thursday 10 December 2026) — done: Finished last", commands.MaxActionsListed+1),
		"Page 1 of 2, 200 of 201 actions: `/action list all page 2` shows the next.")
	if strings.Contains(got, "Task 1 —") {
		t.Errorf("the earliest done is listed rather than the latest")
	}
	wantShown(t, k.say(ian, "/action list all page 2"), "Task 1 — <@UNEIL>, due Sunday 20 December 2026 (minute 9, Thursday 10 December 2026) — done")
	if got := k.say(ian, "/action list"); strings.Contains(got, "page") {
		t.Errorf("199 outstanding actions are said to be more than a page:\n%s", got[len(got)-300:])
	}
}

// TestMeetingRecordsFailuresSayWhetherAnythingWasLost: when the records
// cannot be reached, the commands of the meeting's records (its minutes,
// actions, attendance and the register of interests) say what was NOT
// saved when they write, and never when they only read, buttons included.
func TestMeetingRecordsFailuresSayWhetherAnythingWasLost(t *testing.T) {
	k, resolved := actDay(t)
	k.must(ian, "/action add 9 <@UNEIL> 2027-03-01 Circulate the figures")
	store := &flaky{Store: k.db}
	svc := commands.New(store, nil)
	store.down = true

	const (
		read   = "Sorry — the committee records are unavailable right now; please try again in a minute."
		notNow = "Sorry — the committee records are unavailable, %s was NOT saved; please try again."
	)
	for _, tc := range []struct{ line, want string }{
		{"/action", read},
		{"/action list all", read},
		{"/action history 1", read},
		{"/action add 9 <@UNEIL> 2027-03-01 Report back", fmt.Sprintf(notNow, "the action")},
		{"/action done 1", fmt.Sprintf(notNow, "the action")},
		{"/interests", read},
		{"/interests add", read},
		{"/interests history", read},
		{"/interests add other Trustee of SWACA", fmt.Sprintf(notNow, "your register entry")},
		{"/resolve 7.7 That the report be noted.", fmt.Sprintf(notNow, "the resolution")},
		{"/minute 7.7 The Board heard the report.", fmt.Sprintf(notNow, "the minute")},
		{"/history minutes", read},
		{"/history attendance", read},
		{"/attendance <@UNEIL> present", fmt.Sprintf(notNow, "the attendance")},
		{"/here", fmt.Sprintf(notNow, "your attendance")},
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

	// A button that only opens a form saves nothing.
	for _, b := range resolved.Buttons {
		if b.Label != "Add an action" {
			continue
		}
		_, err := svc.Act(context.Background(), k.request(ian, ""), b.Action, b.Value)
		if got := commands.FailureReply(err, "7f3a").Text; got != read {
			t.Errorf("%s: %q", b.Label, got)
		}
	}
	_, err := svc.Act(context.Background(), k.request(neil, ""), "interests.declare", "1:1:1")
	if got := commands.FailureReply(err, "7f3a").Text; got != read {
		t.Errorf("Declare an interest: %q", got)
	}
}

// TestActionAddTwiceIsOneAction: the same action sent again (as the answer
// to a write whose outcome was in doubt asks) is the action on record, not
// a second one; the same words for another owner, date or minute are
// another action.
func TestActionAddTwiceIsOneAction(t *testing.T) {
	k, _ := actDay(t)
	k.must(ian, "/action add 9 <@UNEIL> 2027-03-01 Circulate the figures")
	r := k.must(ian, "/action add 9 <@UNEIL> 2027-03-01 Circulate the figures")
	if r.Text != "Action 1 is on record already under minute 9: <@UNEIL> — Circulate the figures, due Monday 1 March 2027. Nothing was added; mark it done with `/action done 1`." {
		t.Errorf("the same action again: %q", r.Text)
	}
	k.must(ian, "/action add 9 <@UGRAEME> 2027-03-01 Circulate the figures")
	k.must(ian, "/action add 9 <@UNEIL> 2027-03-02 Circulate the figures")
	k.must(ian, "/action done 1")
	wantShown(t, k.say(ian, "/action add 9 <@UNEIL> 2027-03-01 Circulate the figures"), "Action 4 recorded under minute 9")
	if diff := cmp.Diff(actLog(k), []string{
		"added Neil Frackelton 2027-03-01 UIAN", "added Graeme Robson 2027-03-01 UIAN", "added Neil Frackelton 2027-03-02 UIAN",
		"done Neil Frackelton 2027-03-01 UIAN", "added Neil Frackelton 2027-03-01 UIAN",
	}); diff != "" {
		t.Errorf("action log (-got +want):\n%s", diff)
	}
}

// TestActionAddedTwice: the same action sent again — the command
// repeated, or the form submitted after it — is not a second action to
// chase and list: the reply names the one on record. Another text, owner
// or date is another action, and so is one added again after it was done.
func TestActionAddedTwice(t *testing.T) {
	k, decision := actDay(t)
	k.steps([]step{
		{ian, "/action add 9 <@UNEIL> 2026-12-20 Circulate the figures", []string{"Action 1 recorded under minute 9: <@UNEIL> — Circulate the figures, due Sunday 20 December 2026."}},
		{ian, "/action add 9 <@UNEIL> 20/12/2026 Circulate the figures", []string{"Action 1 is on record already under minute 9: <@UNEIL> — Circulate the figures, due Sunday 20 December 2026. Nothing was added"}},
		{ian, `/action add 9 "Neil Frackelton" 2026-12-20 Circulate the figures`, []string{"Action 1 is on record already"}},
		{ian, "/action add 9 <@UNEIL> 2026-12-21 Circulate the figures", []string{"Action 2 recorded under minute 9"}},
	})
	f := k.press(ian, decision, "Add an action").Form
	if got, errs := k.submit(k.request(ian, ""), f, map[string]string{"owner": neil, "due": "2026-12-20", "text": "Circulate the figures"}); len(errs) != 0 || !strings.Contains(got.Text, "Action 1 is on record already") {
		t.Errorf("by the form: %+v %v", got, errs)
	}
	k.must(neil, "/action done 1")
	wantShown(t, k.say(ian, "/action add 9 <@UNEIL> 2026-12-20 Circulate the figures"), "Action 3 recorded under minute 9")
	added := 0
	for _, l := range actLog(k) {
		if strings.HasPrefix(l, "added ") {
			added++
		}
	}
	if added != 3 {
		t.Errorf("%d actions added, want 3: %q", added, actLog(k))
	}
}

// actionMinutes are minutes of Safer Sefton Together that give three
// actions: one to a member by name (with her title), one to someone who is
// not a member, and one, in the action table, with no day to be due by.
const actionMinutes = `SAFER SEFTON TOGETHER

Minutes of the meeting held on Thursday 12 November 2026 at 10.00 am, Remote Meeting

Present: Ian Barton (Chair), Neil Frackelton (SWACA), Graeme Robson (Merseyside Police)

1. APOLOGIES FOR ABSENCE

There were no apologies.

2. KNIFE CRIME FIGURES

The Partnership considered the figures for the quarter.

ACTION: Neil Frackelton to circulate the SWACA figures by 31 January.

ACTION: Chief Inspector Smith to brief the Partnership on Operation Sceptre by 15 January 2027.

RESOLVED: That the figures be noted.

3. DATE OF NEXT MEETING

RESOLVED: That the next meeting be held on 11 March 2027.

Minute   Action                            Owner              Due
3        Book the room for March           Mr Graeme Robson   Next meeting
`

// TestImportedMinutesActions: the actions minutes give people are imported
// with them, under their minutes, a member's by name theirs; the reply
// says how many and whose owner is no member; importing the minutes again,
// or a re-issued version, adds none; and their history does not say the
// importer added them.
func TestImportedMinutesActions(t *testing.T) {
	k := committeeKit(t)
	r, errs := k.importMinutes(ian, actionMinutes)
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	wantShown(t, shown(r), "3 actions",
		"Actions whose owner is not a member, kept under the name printed and assigned to no one: Chief Inspector Smith (minute 2).",
		"Actions with no day printed to be due by, kept without a due date (`/action move ID DATE` gives one): minute 3, Book the room for March (printed: Next meeting).")
	list := shown(k.run(ian, "/action list"))
	inOrder(t, list,
		"• 2. Brief the Partnership on Operation Sceptre — Chief Inspector Smith, due Friday 15 January 2027 (minute 2, Thursday 12 November 2026)",
		"• 1. Circulate the SWACA figures — <@UNEIL>, due Sunday 31 January 2027 (minute 2, Thursday 12 November 2026)",
		"• 3. Book the room for March — <@UGRAEME>, due: no date given (minute 3, Thursday 12 November 2026)")
	hist := shown(k.run(ian, "/action history 1"))
	wantShown(t, hist, " — recorded from the minutes for <@UNEIL>, due Sunday 31 January 2027")
	if strings.Contains(hist, "(by ") {
		t.Errorf("the history says who imported the action:\n%s", hist)
	}

	r, _ = k.importMinutes(ian, actionMinutes)
	wantShown(t, shown(r), "were already imported; nothing changed.")
	// A re-issued version, with a typo corrected, has the same actions.
	r, _ = k.importMinutes(ian, strings.Replace(actionMinutes, "for the quarter", "for the third quarter", 1))
	wantShown(t, shown(r), "Replaced the earlier version", "no new actions (3 on record already)")
	again := shown(k.run(ian, "/action list"))
	if strings.Contains(again, "• 4.") || again != list {
		t.Errorf("re-import changed the actions:\n%s\nwas:\n%s", again, list)
	}
}

// TestImportedActionWithNoDueDate: an action the minutes print with no
// day to be due by is kept with none, not due on the day of the meeting:
// it is not overdue in the list, on its owner's Home or the officer's, and
// no reminder says it is due; the reminder before the next meeting says it
// has no date, its history says so, and `/action move` gives it one.
func TestImportedActionWithNoDueDate(t *testing.T) {
	k := committeeKit(t)
	if _, errs := k.importMinutes(ian, actionMinutes); len(errs) != 0 {
		t.Fatal(errs)
	}
	undated := "• 3. Book the room for March — <@UGRAEME>, due: no date given (minute 3, Thursday 12 November 2026)"
	if got := shown(k.run(graeme, "/action list mine")); !strings.HasSuffix(got, undated) {
		t.Errorf("Graeme's list:\n%s\nwant it to end %q", got, undated)
	}
	if got, want := shown(k.run(ian, "/action list overdue")), "Overdue actions of *Safer Sefton Together*: none."; got != want {
		t.Errorf("overdue:\n got %q\nwant %q", got, want)
	}
	// His own Home does not name him as the owner.
	ownUndated := strings.Replace(undated, "<@UGRAEME>, ", "", 1)
	if got := section(t, k.svc, graeme, "Your actions"); !strings.Contains(got, ownUndated+"\n") {
		t.Errorf("Graeme's Home:\n%s\nwant %q, not overdue", got, ownUndated)
	}
	wantShown(t, section(t, k.svc, ian, "Minutes and actions"), "3 outstanding actions (`/action list` in the channel); none overdue.")
	wantShown(t, shown(k.run(ian, "/action history 3")), " — recorded from the minutes for <@UGRAEME>, with no due date given")
	if got := actLog(k); len(got) != 3 || got[2] != "imported Graeme Robson none UIAN" {
		t.Errorf("action log %q, want the third with no due date", got)
	}

	// No reminder that it is due, day after day; before the next meeting,
	// one that it has no date.
	for day := 23; day <= 30; day++ {
		k.now = time.Date(2026, 11, day, 9, 30, 0, 0, london)
		if _, msgs := actChase(k); len(actDMs(msgs, graeme)) != 0 {
			t.Fatalf("reminded on %d November: %q", day, actDMs(msgs, graeme))
		}
	}
	k.must(ian, "/meeting schedule 2026-12-03 10:00 Bootle Town Hall")
	k.now = time.Date(2026, 12, 1, 9, 30, 0, 0, london)
	_, msgs := actChase(k)
	if diff := cmp.Diff(actDMs(msgs, graeme), []string{"Before the meeting of *Safer Sefton Together* on Thursday 3 December 2026, 10:00: action 3, from minute 3, is yours, with no due date given — Book the room for March. The agenda lists it under Actions from previous meetings; when it is done: `/action done 3 [NOTE]`."}); diff != "" {
		t.Errorf("reminder before the meeting (-got +want):\n%s", diff)
	}

	if got, want := k.say(ian, "/action move 3 2027-03-01"), "Action 3, <@UGRAEME>'s, is now due Monday 1 March 2027 (it had no due date). They are told by direct message."; got != want {
		t.Errorf("move:\n got %q\nwant %q", got, want)
	}
	wantShown(t, shown(k.run(ian, "/action history 3")), " — re-dated: due Monday 1 March 2027")
}

// TestImportedActionsOnlyFromTheLatestMinutes: each set of minutes prints
// the actions outstanding when it was written. Minutes older than others
// on record add none, and say why; minutes imported without their
// actions (an archive's) add them when imported again with them, once.
func TestImportedActionsOnlyFromTheLatestMinutes(t *testing.T) {
	k := committeeKit(t)
	later := strings.Replace(strings.Replace(actionMinutes, "12 November 2026", "10 December 2026", 1), "by 15 January 2027", "by 19 February 2027", 1)
	if r, errs := k.importMinutes(ian, later); len(errs) != 0 || !strings.Contains(shown(r), "3 actions") {
		t.Fatalf("later minutes: %q %v", shown(r), errs)
	}
	r, errs := k.importMinutes(ian, actionMinutes)
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	got := shown(r)
	wantShown(t, got, "The 3 actions these minutes print were not added: the minutes of a later meeting, on Thursday 10 December 2026, are on record, and the actions still outstanding are theirs.")
	if strings.Contains(got, "Chief Inspector Smith (minute 2)") || strings.Contains(got, ", 3 actions") {
		t.Errorf("the import speaks of actions it did not add:\n%s", got)
	}
	if n := attRows(k, `SELECT count(*) FROM actions`); n != 3 {
		t.Errorf("%d actions, want the later minutes' 3", n)
	}

	// Imported without their actions, then again with them.
	k2 := committeeKit(t)
	im, err := k2.svc.ImportMinutesWith(context.Background(), "Safer Sefton Together", actionMinutes, ian, commands.MinutesImportOptions{SkipActions: true})
	if err != nil {
		t.Fatal(err)
	}
	wantShown(t, commands.MinutesImportSummary(im), "Imported the minutes")
	wantShown(t, strings.Join(im.Notes, "\n"), "The 3 actions these minutes print were not added: the actions still outstanding are those of the latest minutes")
	if n := attRows(k2, `SELECT count(*) FROM actions`); n != 0 {
		t.Errorf("%d actions after an import without them", n)
	}
	// In this order: the first import with them adds them, the next nothing.
	for _, tc := range []struct {
		want  string
		added int
	}{{"added the 3 actions they print.", 3}, {"nothing changed.", 0}} {
		want, added := tc.want, tc.added
		im, err = k2.svc.ImportMinutesWith(context.Background(), "Safer Sefton Together", actionMinutes, ian, commands.MinutesImportOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if got := commands.MinutesImportSummary(im); !strings.HasSuffix(got, want) || im.Actions != added {
			t.Errorf("imported again: %q, %d actions added; want …%q", got, im.Actions, want)
		}
	}
	if n := attRows(k2, `SELECT count(*) FROM actions`); n != 3 {
		t.Errorf("%d actions, want 3", n)
	}
}

// TestImportedActionsBesideMinutesDraftedLater: minutes drafted in Quorum
// for a later meeting record that meeting's own actions, not those it
// carries forward; the published minutes of the meeting before it still
// bring theirs.
func TestImportedActionsBesideMinutesDraftedLater(t *testing.T) {
	k := committeeKit(t)
	k.must(ian, "/meeting schedule 2026-12-10 10:00 Bootle Town Hall")
	k.must(ian, "/agenda add 2026-12-10 4 Budget")
	k.now = time.Date(2026, 12, 10, 10, 0, 0, 0, london)
	k.must(ian, "/meeting start")
	k.must(ian, "/resolve 4 That the budget be approved.")
	r, errs := k.importMinutes(ian, actionMinutes)
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	if got := shown(r); !strings.Contains(got, "3 actions") || strings.Contains(got, "not added") {
		t.Errorf("the November minutes beside December's drafts:\n%s", got)
	}
	if n := attRows(k, `SELECT count(*) FROM actions`); n != 3 {
		t.Errorf("%d actions, want the November minutes' 3", n)
	}
}

// An action imported from minutes is often a sentence with its own full
// stop ("ACTION: Neil Frackelton to circulate … by 31 January."), stored
// as what is to be done ("Circulate the SWACA figures"): the replies and
// reminders that quote it end it once, not with "..", nor with none.
func TestActionTextEndsWithOneFullStop(t *testing.T) {
	k := committeeKit(t)
	if _, errs := k.importMinutes(ian, actionMinutes); len(errs) != 0 {
		t.Fatal(errs)
	}
	k.now = time.Date(2027, 1, 28, 9, 30, 0, 0, london)
	_, msgs := actChase(k)
	if diff := cmp.Diff(actDMs(msgs, neil), []string{"A reminder from *Safer Sefton Together*: action 1, from minute 2, is due by Sunday 31 January 2027 — Circulate the SWACA figures. When it is done: `/action done 1 [NOTE]`."}); diff != "" {
		t.Errorf("reminder to Neil (-got +want):\n%s", diff)
	}
	if got, want := k.say(neil, "/action done 1 Sent round on Monday"), "Action 1 is done: Circulate the SWACA figures. Note: Sent round on Monday."; got != want {
		t.Errorf("done:\n got %q\nwant %q", got, want)
	}
	// Text without one gets one.
	k.must(ian, `/action add 2 "Jo Smith" 2027-03-01 Book the room`)
	if got, want := k.say(ian, "/action done 4"), "Action 4, Jo Smith's, is done: Book the room. Its history says you marked it done."; got != want {
		t.Errorf("done:\n got %q\nwant %q", got, want)
	}
}

// TestActionOwnerByBareName: an owner typed as a word of a member's
// name, neither mentioned nor quoted ("graeme", "Graeme Robson"), is
// answered with the member it may mean and how to name them, as `for`
// is elsewhere; nothing is recorded.
func TestActionOwnerByBareName(t *testing.T) {
	k, _ := actDay(t)
	k.must(ian, `/action add 9 "Jo Smith" 2026-12-20 Report back`)
	lead := "An action's owner is named by mention or in quotes: did you mean Graeme Robson (Merseyside Police)? Name them as <@UGRAEME>, or in quotes: "
	for _, tc := range []struct{ line, want string }{
		{"/action add 9 graeme 2026-12-20 Do it", lead + "`/action add 9 \"Graeme Robson\" …`."},
		{"/action add 9 Graeme Robson 20/12 Do it", lead + "`/action add 9 \"Graeme Robson\" …`."},
		{"/action reassign 1 graeme", lead + "`/action reassign 1 \"Graeme Robson\"`."},
	} {
		r := k.run(ian, tc.line)
		if got := shown(r); !r.Refused || got != tc.want {
			t.Errorf("%s:\ngot  %q (refused %v)\nwant %q", tc.line, got, r.Refused, tc.want)
		}
	}
	if got := actLog(k); len(got) != 1 {
		t.Errorf("the action log after the refusals: %q", got)
	}
}

// TestActionOwnerByQuotedFirstName: an owner in quotes that is one word
// of one member's name ("neil"), alone or with their organisation, is
// asked about as a bare word is: taken as given, the action would be a
// stranger's, missing from the member's own list. Nothing is recorded; a
// stranger's full name, or a word with another organisation, is taken.
func TestActionOwnerByQuotedFirstName(t *testing.T) {
	k, _ := actDay(t)
	for _, tc := range []struct{ line, want string }{
		{`/action add 9 "neil" 2027-03-02 Send the figures`,
			`"neil" is not a member of Safer Sefton Together: did you mean Neil Frackelton (SWACA)? Name them as <@UNEIL>. For someone not on the committee, give their full name.`},
		{`/action add 9 "Graeme (Merseyside Police)" 2027-03-02 Send the figures`,
			`"Graeme (Merseyside Police)" is not a member of Safer Sefton Together: did you mean Graeme Robson (Merseyside Police)? Name them as <@UGRAEME>. For someone not on the committee, give their full name.`},
	} {
		r := k.run(ian, tc.line)
		if got := shown(r); !r.Refused || got != tc.want {
			t.Errorf("%s:\ngot  %q (refused %v)\nwant %q", tc.line, got, r.Refused, tc.want)
		}
	}
	if got := actLog(k); len(got) != 0 {
		t.Errorf("the action log after the refusals: %q", got)
	}
	k.must(ian, `/action add 9 "Neil Armstrong" 2027-03-02 Send the figures`)
	k.must(ian, `/action add 9 "Graeme (SWACA)" 2027-03-02 Send the figures`)
	if got, want := actLog(k), []string{"added Neil Armstrong 2027-03-02 UIAN", "added Graeme (SWACA) 2027-03-02 UIAN"}; !slices.Equal(got, want) {
		t.Errorf("the action log:\ngot  %q\nwant %q", got, want)
	}
}

// TestActionOwnerFirstNameOfTwo: an owner in quotes that is one word of
// two members' names ("Neil", with Neil Frackelton and Neil Parry on the
// committee) is asked about, naming both, by /action add, /action
// reassign and the form alike, and nothing is recorded: taken as given,
// the action was a stranger's, on neither member's list or Home, and
// neither was reminded of it. Someone outside the committee, named in
// full, is still an owner.
func TestActionOwnerFirstNameOfTwo(t *testing.T) {
	k, decision := actDay(t)
	k.dir["UNEIL2"] = "Neil Parry"
	k.must(ian, "/committee member add <@UNEIL2> Bootle Library")
	k.must(ian, "/action add 9 <@UGRAEME> 2027-03-02 Book the room")
	const both = "did you mean Neil Frackelton (SWACA) or Neil Parry (Bootle Library)? Name the one you mean as <@UNEIL> or <@UNEIL2>. For someone not on the committee, give their full name."
	attRefused(k, ian, `/action add 9 "Neil" 2027-03-02 Send the figures`, `"Neil" is not a member of Safer Sefton Together: `+both)
	attRefused(k, ian, `/action reassign 1 "Neil"`, `"Neil" is not a member of Safer Sefton Together: `+both)
	attRefused(k, ian, `/action add 9 "neil (bootle library)" 2027-03-02 Send the figures`, "did you mean Neil Parry (Bootle Library)? Name them as <@UNEIL2>.")
	// A name of two letters in quotes is a name, as a longer one is.
	k.dir["UJO"] = "Jo Smith"
	k.must(ian, "/committee member add <@UJO> Sefton CVS")
	attRefused(k, ian, `/action add 9 "Jo" 2027-03-02 Send the figures`, `"Jo" is not a member of Safer Sefton Together: did you mean Jo Smith (Sefton CVS)?`)
	form := k.press(ian, decision, "Add an action").Form
	if _, errs := k.submit(k.request(ian, ""), form, map[string]string{"name": "Neil", "due": "2027-03-02", "text": "Send the figures"}); errs["name"] !=
		"Neil is not a member: did you mean Neil Frackelton (SWACA) or Neil Parry (Bootle Library)? Choose the one you mean above; for someone not on the committee, give their organisation too: Neil (Organisation)." {
		t.Errorf("the form given a first name of two members: %q", errs)
	}
	if got, want := actLog(k), []string{"added Graeme Robson 2027-03-02 UIAN"}; !slices.Equal(got, want) {
		t.Errorf("the action log after the refusals:\ngot  %q\nwant %q", got, want)
	}
	wantShown(t, k.say(ian, `/action add 9 "Ms A Kerr (Sefton CVS)" 2027-03-02 Send the figures`), "Action 2 recorded under minute 9: Ms A Kerr (Sefton CVS) — Send the figures")
	wantShown(t, k.say(ian, `/action reassign 1 "Neil (Sefton CVS)"`), "Action 1 is now Neil (Sefton CVS)'s.")
}

// TestActionOwnerAsTheMeetingNamesThem: an action given by name to
// someone the meeting's records name already (marked present, declaring
// an interest) is theirs however the name is typed, with the other
// apostrophe or without the organisation: its owner is spelt as the
// attendance and declarations are, and the minutes name one person.
func TestActionOwnerAsTheMeetingNamesThem(t *testing.T) {
	k, _ := actDay(t)
	k.must(ian, `/attendance "Mary O’Neill (SWACA)" present`)
	k.must(ian, `/declare for "Mary O'Neill (SWACA)" 7.7 personal Trustee of SWACA`)
	wantShown(t, k.say(ian, `/action add 9 "Mary O'Neill" 2027-01-10 Send the report`), "Action 1 recorded under minute 9: Mary O’Neill (SWACA) — Send the report")
	k.must(ian, "/action add 9 <@UNEIL> 2027-01-10 Book the room")
	wantShown(t, k.say(ian, `/action reassign 2 "mary o'neill"`), "Action 2 is now Mary O’Neill (SWACA)'s.")
	k.must(sue, "/meeting close")
	draft := k.say(ian, "/minutes draft")
	wantShown(t, draft, "Also present: Mary O’Neill (SWACA).", "Mary O’Neill declared", "ACTION: Mary O’Neill (SWACA) to send the report")
	if strings.Contains(draft, "O'Neill") {
		t.Errorf("the minutes spell one person two ways:\n%s", draft)
	}
}

// TestActionTwoOwners: an action given to two owners is answered with
// one action for each, not with a due date the clerk has given; nothing
// is recorded. Text that starts with words in quotes is text.
func TestActionTwoOwners(t *testing.T) {
	k, _ := actDay(t)
	both := "An action has one owner: record one action for each (`/action add 9 <@UNEIL> …`, `/action add 9 <@UGRAEME> …`), or name one owner and the other in the text. Nothing was added."
	for _, tc := range []struct{ line, want string }{
		{"/action add 9 <@UNEIL|neil> <@UGRAEME|graeme> 2027-03-01 Joint report",
			"An action has one owner: record one action for each (`/action add 9 <@UNEIL> …`, `/action add 9 <@UGRAEME> …`), or name one owner and the other in the text. Nothing was added."},
		{`/action add 9 <@UNEIL> and "Jo Smith" 2027-03-01 Joint report`,
			"An action has one owner: record one action for each (`/action add 9 <@UNEIL> …`, `/action add 9 \"Jo Smith\" …`), or name one owner and the other in the text. Nothing was added."},
		{`/action add 9 "Jo Smith" &amp; <@UGRAEME> 2027-03-01 Joint report`,
			"An action has one owner: record one action for each (`/action add 9 \"Jo Smith\" …`, `/action add 9 <@UGRAEME> …`), or name one owner and the other in the text. Nothing was added."},
		{"/action add 9 <@UNEIL> + <@UGRAEME> 2027-03-01 Joint report", both},
		{"/action add 9 <@UNEIL> with <@UGRAEME> 2027-03-01 Joint report", both},
		{"/action add 9 <@UNEIL>, <@UGRAEME> 2027-03-01 Joint report", both},
		{"/action add 9 <@UNEIL> , <@UGRAEME> 2027-03-01 Joint report", both},
	} {
		r := k.run(ian, tc.line)
		if got := shown(r); !r.Refused || got != tc.want {
			t.Errorf("%s:\ngot  %q (refused %v)\nwant %q", tc.line, got, r.Refused, tc.want)
		}
	}
	if got := actLog(k); len(got) != 0 {
		t.Errorf("the action log after the refusals: %q", got)
	}
	k.must(ian, `/action add 9 <@UNEIL> "Safer Streets" leaflet by 1 March 2027`)
	if got := actLog(k); len(got) != 1 {
		t.Errorf("the action log: %q", got)
	}
	// Words in quotes after "and" are the text, not an owner, unless the
	// due date follows them where an owner's would.
	k.must(ian, `/action add 9 <@UNEIL> and "Safer Streets" leaflet by 1 March 2027`)
	k.must(ian, "/action add 9 <@UNEIL>, 2027-03-01 Draft the letter")
	if got := actLog(k); len(got) != 3 {
		t.Errorf("the action log: %q", got)
	}
}

// TestDayNamesAskForTheDate: a weekday alone where a date is wanted is
// answered with the dates it may mean, rather than as if no date had been
// given: the next for a due date, the last for a gift, both for a
// meeting's day. Nothing is recorded.
func TestDayNamesAskForTheDate(t *testing.T) {
	k, _ := actDay(t) // Thursday 10 December 2026, the meeting sitting
	k.must(ian, "/action add 9 <@UNEIL> 2026-12-20 Circulate the figures")
	either := "`Thursday` may mean more than one day: give its date, `3/12/2026` for the last, `17/12/2026` for the next."
	for _, tc := range []struct{ user, line, want string }{
		{ian, "/action add 9 <@UNEIL> Thursday Do it", "`Thursday` may mean more than one day: give its date, e.g. `17/12/2026`."},
		{ian, "/action move 1 fri", "`fri` may mean more than one day: give its date, e.g. `11/12/2026`."},
		{neil, "/interests gift Monday £75 Dinner from Sefton CVS", "`Monday` may mean more than one day: give its date, e.g. `7/12/2026`."},
		{ian, "/minutes approve Thursday", either},
		{ian, "/history minutes Thursday", either},
		{neil, "/history declarations Thursday", either},
		{neil, "/declare list Thursday", either},
	} {
		r := k.run(tc.user, tc.line)
		if !r.Refused || !strings.HasPrefix(r.Text, tc.want) {
			t.Errorf("%s %s:\ngot  %q (refused %v)\nwant it to start %q", tc.user, tc.line, r.Text, r.Refused, tc.want)
		}
	}
	if got := actLog(k); len(got) != 1 {
		t.Errorf("the action log after the refusals: %q", got)
	}
	if es := intrEntries(k, "", true); len(es) != 0 {
		t.Errorf("refused gifts were saved: %+v", es)
	}
}

// TestThisWeekdayAsksForTheDate: "this Thursday" is no clearer than
// "Thursday", and is answered alike wherever a date is wanted, rather than
// as a date not understood or "this" taken for the text. Nothing is
// recorded.
func TestThisWeekdayAsksForTheDate(t *testing.T) {
	k, _ := actDay(t) // Thursday 10 December 2026, the meeting sitting
	k.must(ian, "/action add 9 <@UNEIL> 2026-12-20 Circulate the figures")
	either := "`this Thursday` may mean more than one day: give its date, `3/12/2026` for the last, `17/12/2026` for the next."
	for _, tc := range []struct{ user, line, want string }{
		{ian, "/action add 9 <@UNEIL> this Thursday Do it", "`this Thursday` may mean more than one day: give its date, e.g. `17/12/2026`."},
		{ian, "/action move 1 this fri", "`this fri` may mean more than one day: give its date, e.g. `11/12/2026`."},
		{neil, "/interests gift this Monday £75 Dinner from Sefton CVS", "`this Monday` may mean more than one day: give its date, e.g. `7/12/2026`."},
		{neil, "/agenda this Thursday", either},
		{ian, "/agenda import this Thursday", either},
		{ian, "/history minutes this Thursday", either},
		{neil, "/history declarations this Thursday", either},
	} {
		r := k.run(tc.user, tc.line)
		if !r.Refused || !strings.HasPrefix(r.Text, tc.want) {
			t.Errorf("%s %s:\ngot  %q (refused %v)\nwant it to start %q", tc.user, tc.line, r.Text, r.Refused, tc.want)
		}
	}
	if got := actLog(k); len(got) != 1 {
		t.Errorf("the action log after the refusals: %q", got)
	}
	if es := intrEntries(k, "", true); len(es) != 0 {
		t.Errorf("refused gifts were saved: %+v", es)
	}
}

// TestActionDoneByTheChair: the chair, who gives and re-dates actions,
// also marks one done when its owner reports it at the meeting, and
// reopens it; the reply names whose action it was, and the log says who
// did. Other members still cannot.
func TestActionDoneByTheChair(t *testing.T) {
	k, _ := actDay(t)
	k.must(ian, "/action add 9 <@UNEIL> 2026-12-20 Circulate the figures")
	k.must(ian, `/action add 9 "Jo Smith" 2026-12-20 Report back`)
	k.steps([]step{
		{graeme, "/action done 1", []string{"Only the action's owner, an officer or the chair of Safer Sefton Together can mark action 1 done."}},
		{sue, "/action done 1 Reported at the meeting", []string{"Action 1, <@UNEIL>'s, is done: Circulate the figures. Note: Reported at the meeting. Its history says you marked it done."}},
		{sue, "/action done 2", []string{"Action 2, Jo Smith's, is done: Report back. Its history says you marked it done."}},
		{graeme, "/action reopen 1", []string{"Only the action's owner, an officer or the chair of Safer Sefton Together can reopen action 1."}},
		{sue, "/action reopen 2", []string{"Action 2 is outstanding again:"}},
		{neil, "/action history 1", []string{"— marked done: Reported at the meeting _(by <@USUE>)_"}},
		{neil, "/action history 2", []string{"— marked done _(by <@USUE>)_", "— reopened: outstanding again _(by <@USUE>)_"}},
	})
}

// TestActionsBeyondAPage: a member whose actions come after the first
// page of the committee's still sees them all, on their Home and in
// `/action list mine`, counted in full; a list longer than a page says
// how many there are and how to read the next page, which lists the rest.
func TestActionsBeyondAPage(t *testing.T) {
	k, _ := actDay(t)
	k.must(ian, "/action add 9 <@UGRAEME> 2027-02-01 Brief the police")
	// 210 of Graeme's due before any of Neil's 7, as a long set of minutes
	// imported would give them.
	for _, q := range []string{
		`SELECT 'UGRAEME', 'Graeme Robson', '2027-02-01'::date + g % 20, 'Graeme task ' || g FROM generate_series(1, 209) g`,
		`SELECT 'UNEIL', 'Neil Frackelton', '2027-06-01'::date + g, 'Neil task ' || g FROM generate_series(1, 7) g`,
	} {
		if _, err := k.db.SQL().Exec(`INSERT INTO actions (committee_id, meeting_id, minute_id, minute_number, owner_user, owner_name, due_on, body, status, created_by)
			SELECT a.committee_id, a.meeting_id, a.minute_id, a.minute_number, n.owner_user, n.owner_name, n.due, n.body, 'open', a.created_by
			FROM actions a, (` + q + `) AS n(owner_user, owner_name, due, body) WHERE a.id = 1`); err != nil {
			t.Fatal(err)
		}
	}

	mine := k.say(neil, "/action list mine")
	wantShown(t, mine, "Your outstanding actions of *Safer Sefton Together*:", "Neil task 1 —", "Neil task 7 —")
	if strings.Contains(mine, "Graeme task") || strings.Contains(mine, "page") {
		t.Errorf("Neil's own actions, on one page:\n%s", mine)
	}
	got := section(t, k.svc, neil, "Your actions")
	wantShown(t, got, "Neil task 1 —", "Neil task 5 —", "… and 2 more: `/action list mine` in the channel shows them all.")

	first := k.say(ian, "/action list")
	wantShown(t, first, "Outstanding actions of *Safer Sefton Together* (217; page 1 of 2):",
		"Page 1 of 2, 200 of 217 actions: `/action list page 2` shows the next.")
	if strings.Contains(first, "Neil task") {
		t.Errorf("page 1 lists actions due after the first 200:\n%s", first)
	}
	second := k.say(ian, "/action list page 2")
	wantShown(t, second, "Outstanding actions of *Safer Sefton Together* (217; page 2 of 2):", "Neil task 1 —", "Neil task 7 —")
	if strings.Contains(second, "Brief the police") {
		t.Errorf("page 2 repeats page 1:\n%s", second)
	}
	if n := strings.Count(second, "\n• "); n != 17 {
		t.Errorf("page 2 lists %d actions, want 17:\n%s", n, second)
	}
	for _, tc := range []struct{ user, line, want string }{
		{ian, "/action list page 3", "There are 2 pages of outstanding actions: `/action list page 2` is the last."},
		{neil, "/action list mine page 2", "There is 1 page of your outstanding actions: `/action list mine` shows it."},
		{ian, "/action list page 0", "A page is a number from 1: `/action list page 2`."},
		{ian, "/action list page", "A page is a number from 1: `/action list page 2`."},
		{ian, "/action list overdue page two", "A page is a number from 1: `/action list overdue page 2`."},
		{ian, "/action list soon", "`list` takes mine, overdue or all, and a page: `/action list mine page 2`."},
	} {
		if r := k.run(tc.user, tc.line); !r.Refused || !strings.Contains(r.Text, tc.want) {
			t.Errorf("%s: got %q (refused %v), want %q", tc.line, r.Text, r.Refused, tc.want)
		}
	}
}

// TestImportedActionsUnderAgendaItems: an action log whose "Item" column
// holds agenda items puts each action under the minute the minutes print
// that item with; one whose minute cannot be known is kept on the meeting
// under no minute, rather than a minute its number only looks like, and
// the reply says so by agenda item. Importing again adds neither twice.
func TestImportedActionsUnderAgendaItems(t *testing.T) {
	k := committeeKit(t)
	text := `SAFER SEFTON TOGETHER

Minutes of the meeting held on Thursday 12 November 2026 at 10.00 am, Remote Meeting

Present: Ian Barton (Chair), Neil Frackelton (SWACA), Graeme Robson (Merseyside Police)

41. APOLOGIES FOR ABSENCE

There were no apologies.

42. KNIFE CRIME FIGURES [Item 4]

RESOLVED: That the figures be noted.

Action log

Item    Action                          Owner              Due
4       Circulate the SWACA figures     Neil Frackelton    31/01/2027
7.5     Review Funding Options          Graeme Robson      Next meeting
`
	r, errs := k.importMinutes(ian, text)
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	wantShown(t, shown(r), "2 actions",
		"Actions under an agenda item these minutes do not say which minute covers, kept on the meeting under no minute: agenda item 7.5, Review Funding Options.",
		"Actions with no day printed to be due by, kept without a due date (`/action move ID DATE` gives one): agenda item 7.5, Review Funding Options (printed: Next meeting).")
	list := shown(k.run(ian, "/action list"))
	inOrder(t, list,
		"• 1. Circulate the SWACA figures — <@UNEIL>, due Sunday 31 January 2027 (minute 42, Thursday 12 November 2026)",
		"• 2. Review Funding Options — <@UGRAEME>, due: no date given (no minute, Thursday 12 November 2026)")
	wantShown(t, shown(k.run(ian, "/action history 2")), "*History of action 2* of *Safer Sefton Together*: Review Funding Options (no minute, Thursday 12 November 2026).")

	r, _ = k.importMinutes(ian, strings.Replace(text, "There were no apologies.", "There were no apologies received.", 1))
	wantShown(t, shown(r), "Replaced the earlier version", "no new actions (2 on record already)")
}

// TestImportedActionsOwnerByMember: in an action table printed without a
// heading row, a member's surname tells the owner's column from the
// action's even when the member is not in the minutes' attendance and the
// actions name a body ("SWACA Figures"); and a surname that is one
// member's alone is that member, whose actions they are.
func TestImportedActionsOwnerByMember(t *testing.T) {
	k := committeeKit(t)
	text := `SAFER SEFTON TOGETHER

Minutes of the meeting held on Thursday 12 November 2026 at 10.00 am, Remote Meeting

Present: Ian Barton (Chair), Graeme Robson (Merseyside Police)

1. KNIFE CRIME FIGURES

RESOLVED: That the figures be noted.

Actions

Frackelton      SWACA Figures               31/01/2027
Frackelton      SWACA Referrals Data        28/02/2027
`
	r, errs := k.importMinutes(ian, text)
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	wantShown(t, shown(r), "2 actions")
	if strings.Contains(shown(r), "not a member") {
		t.Errorf("Frackelton told as not a member:\n%s", shown(r))
	}
	inOrder(t, shown(k.run(ian, "/action list")),
		"• 1. SWACA Figures — <@UNEIL>, due Sunday 31 January 2027 (minute 1, Thursday 12 November 2026)",
		"• 2. SWACA Referrals Data — <@UNEIL>, due Sunday 28 February 2027 (minute 1, Thursday 12 November 2026)")
	inOrder(t, shown(k.run(neil, "/action list mine")), "SWACA Figures", "SWACA Referrals Data")
}

// The help lists `/action` alone, which the README gives first, before
// the subcommands.
func TestActionHelpListsTheCommandAlone(t *testing.T) {
	k := agendaKit(t)
	inOrder(t, k.say(neil, "/action help"), "*/action*", "• `/action`", "• `/action add ")
	wantShown(t, k.say(neil, "/action"), "Outstanding actions of *Safer Sefton Together*")
}

// A mention in the note of an action done is kept as the name the sender
// saw, as in the action's text, not as Slack's markup in its history.
func TestActionDoneNoteNamesAMention(t *testing.T) {
	k, _ := actDay(t)
	k.must(ian, "/action add 9 <@UNEIL> 2026-12-20 Circulate the figures")
	k.must(neil, "/action done 1 Sent to <@UGRAEME|graeme> on 18 December")
	got := k.say(graeme, "/action history 1")
	wantShown(t, got, " — marked done: Sent to @Graeme Robson on 18 December _(by <@UNEIL>)_")
	if strings.Contains(got, "UGRAEME") {
		t.Errorf("the note keeps mention markup:\n%s", got)
	}
}

// TestPostedAgendaShowsAnActionTurningOverdue: the agenda posted for the
// next meeting lists the actions from meetings before it, marking those
// overdue; at the midnight after an action's due day, with nothing
// recorded then, the reminders' loop has the posted message brought up
// to date, so the channel does not go on showing it as merely due.
func TestPostedAgendaShowsAnActionTurningOverdue(t *testing.T) {
	k, _ := actDay(t)
	k.must(ian, "/action add 9 <@UNEIL> 2026-12-15 Circulate the figures")
	k.must(sue, "/meeting close")
	k.must(ian, "/meeting schedule 2027-01-14 10:00 Bootle Town Hall")
	k.now = time.Date(2026, 12, 11, 9, 0, 0, 0, london)
	k.must(ian, "/agenda post")
	var key string
	for _, m := range k.sent() {
		if strings.HasPrefix(m.MessageKey, "agenda:") {
			key = m.MessageKey
			wantShown(t, shown(m.Reply), "Circulate the figures")
			if strings.Contains(shown(m.Reply), "overdue") {
				t.Errorf("the agenda posted before the action was due shows it overdue:\n%s", shown(m.Reply))
			}
		}
	}
	if key == "" {
		t.Fatal("no agenda was posted")
	}
	at := func(day, hour, minute int) time.Time { return time.Date(2026, 12, day, hour, minute, 0, 0, london) }
	dayTicks(t, k, at(14, 23, 59), at(15, 0, 1))
	for _, m := range k.sent() {
		if m.MessageKey == key {
			t.Errorf("the posted agenda was brought up to date at a midnight when nothing turned")
		}
	}
	dayTicks(t, k, at(15, 23, 59), at(16, 0, 1))
	updated := false
	for _, m := range k.sent() {
		updated = updated || m.Kind == commands.OutboxUpdate && m.MessageKey == key
	}
	if !updated {
		t.Error("the posted agenda was not brought up to date as the action turned overdue")
	}
	r, ok, err := k.svc.CurrentMessageAt(context.Background(), key, k.now)
	if err != nil || !ok {
		t.Fatal(ok, err)
	}
	wantShown(t, shown(r), "Circulate the figures", "*overdue*")
}

// TestOverdueLeavesPastAgendasAsPosted: at the midnight an action turns
// overdue only the agendas of the meetings still to come are brought up
// to date; the agenda posted for a meeting whose day has passed, never
// opened in Quorum (held elsewhere, or not held), stays as it was posted,
// however many such meetings the committee has.
func TestOverdueLeavesPastAgendasAsPosted(t *testing.T) {
	k, _ := actDay(t)
	k.must(ian, "/action add 9 <@UNEIL> 2026-12-15 Circulate the figures")
	k.must(sue, "/meeting close")
	k.must(ian, "/meeting schedule 2026-12-12 10:00 Bootle Town Hall")
	k.now = time.Date(2026, 12, 11, 9, 0, 0, 0, london)
	k.must(ian, "/agenda post")
	k.must(ian, "/meeting schedule 2027-01-14 10:00 Bootle Town Hall")
	k.now = time.Date(2026, 12, 13, 9, 0, 0, 0, london)
	k.must(ian, "/agenda post")
	var keys []string
	for _, m := range k.sent() {
		if strings.HasPrefix(m.MessageKey, "agenda:") && !slices.Contains(keys, m.MessageKey) {
			keys = append(keys, m.MessageKey)
		}
	}
	if len(keys) != 2 {
		t.Fatalf("agendas posted: %v", keys)
	}
	past, next := keys[0], keys[1]
	at := func(day, hour, minute int) time.Time { return time.Date(2026, 12, day, hour, minute, 0, 0, london) }
	dayTicks(t, k, at(15, 23, 59), at(16, 0, 1))
	updated := map[string]bool{}
	for _, m := range k.sent() {
		if m.Kind == commands.OutboxUpdate {
			updated[m.MessageKey] = true
		}
	}
	if !updated[next] {
		t.Error("the agenda of the meeting to come was not brought up to date as the action turned overdue")
	}
	if updated[past] {
		t.Error("the agenda posted for a meeting whose day has passed was changed as the action turned overdue")
	}
}

// TestActionLeavesPastAgendasAsPosted: an action added or done brings up
// to date the agendas posted for meetings to come, which list the open
// actions, but not one posted for a meeting whose day has passed without
// its being opened here: its message stays as it was posted.
func TestActionLeavesPastAgendasAsPosted(t *testing.T) {
	k := agendaKit(t)
	k.must(ian, "/committee member add <@USUE> Sefton CVS chair")
	// The database's clock decides what is past: one meeting long before
	// any day this runs on, one long after.
	k.must(ian, "/meeting schedule 2026-11-26 10:00 Bootle Town Hall")
	k.must(ian, "/agenda post 26/11/2026")
	k.must(ian, "/meeting schedule 2099-06-11 10:00 Bootle Town Hall")
	k.must(ian, "/agenda post 11/06/2099")
	keys := map[string]string{}
	for _, m := range k.sent() {
		if strings.HasPrefix(m.MessageKey, "agenda:") {
			keys[m.MessageKey] = shown(m.Reply)
		}
	}
	var past, later string
	for key, text := range keys {
		switch {
		case strings.Contains(text, "26 November 2026"):
			past = key
		case strings.Contains(text, "11 June 2099"):
			later = key
		}
	}
	if past == "" || later == "" {
		t.Fatalf("agendas posted: %v", keys)
	}
	k.now = time.Date(2026, 12, 10, 10, 30, 0, 0, london)
	k.must(sue, "/meeting start")
	k.must(ian, "/resolve 7.7 That the figures be circulated to partners.")
	k.sent()
	for _, line := range []string{"/action add 9 <@UNEIL> 2026-12-15 Circulate the figures", "/action done 1"} {
		k.must(ian, line)
		updated := map[string]bool{}
		for _, m := range k.sent() {
			if m.Kind == commands.OutboxUpdate {
				updated[m.MessageKey] = true
			}
		}
		if !updated[later] {
			t.Errorf("%s: the agenda of the meeting to come was not brought up to date", line)
		}
		if updated[past] {
			t.Errorf("%s: the agenda posted for a meeting whose day has passed was changed", line)
		}
	}
}

// TestActionOverdueBeforeTheMeeting: the owner of an action whose due date
// has passed is told, before the next meeting, that it was due and is
// overdue, not that it "is due by" a day gone by.
func TestActionOverdueBeforeTheMeeting(t *testing.T) {
	k, _ := actDay(t)
	k.must(ian, "/action add 9 <@UNEIL> 2026-12-20 Circulate the figures")
	k.must(sue, "/meeting close")
	k.must(ian, "/meeting schedule 2027-01-14 10:00 Bootle Town Hall")
	k.sent()
	k.now = time.Date(2027, 1, 12, 9, 0, 0, 0, london)
	_, msgs := actChase(k)
	if diff := cmp.Diff(actDMs(msgs, neil), []string{"Before the meeting of *Safer Sefton Together* on Thursday 14 January 2027, 10:00: action 1, from minute 9, is yours and was due by Sunday 20 December 2026: it is overdue — Circulate the figures. The agenda lists it under Actions from previous meetings; when it is done: `/action done 1 [NOTE]`."}); diff != "" {
		t.Errorf("to Neil (-got +want):\n%s", diff)
	}
}

// overdueAt claims what the outbox holds at the kit's clock, as its worker
// would, and says, by dedupe key, which messages would be dropped as
// overdue (true) and which sent (false).
func overdueAt(k *kit) map[string]bool {
	k.t.Helper()
	ctx := context.Background()
	ms, err := k.db.ClaimOutbox(ctx, k.now, time.Minute, 50)
	if err != nil {
		k.t.Fatal(err)
	}
	out := map[string]bool{}
	for _, m := range ms {
		if m.Kind != commands.OutboxDM {
			continue
		}
		late, err := k.svc.ReminderOverdue(ctx, m, k.now)
		if err != nil {
			k.t.Fatal(err)
		}
		out[m.DedupeKey] = late
	}
	return out
}

// TestActionReminderHeldBackThenChanged: a reminder to an action's owner
// that Slack held back is not sent once the action is done, is given to
// someone else, or its owner has left the committee: they would be
// chased for what is no longer theirs to do. One still theirs goes.
func TestActionReminderHeldBackThenChanged(t *testing.T) {
	k, _ := actDay(t)
	k.must(ian, "/committee member add <@USUE> Sefton CVS chair")
	k.must(ian, "/action add 9 <@UNEIL> 2026-12-20 Circulate the figures")
	k.must(ian, "/action add 9 <@UGRAEME> 2026-12-20 Brief the partners")
	k.must(ian, "/action add 9 <@USUE> 2026-12-20 Book the room")
	k.must(ian, "/action add 9 <@UNEIL> 2026-12-19 Send the minutes")
	k.must(sue, "/meeting close")
	k.sent()
	k.now = time.Date(2026, 12, 17, 9, 30, 0, 0, london)
	if n, err := k.svc.EnqueueActionChases(context.Background(), k.now); err != nil || n != 4 {
		t.Fatalf("%d reminders queued (%v), want 4", n, err)
	}
	// Before Slack takes them: Neil does his first, Graeme leaves, and
	// Sue's is given to Neil.
	k.must(neil, "/action done 1")
	k.must(ian, "/committee member remove <@UGRAEME>")
	k.must(ian, "/action reassign 3 <@UNEIL>")
	want := map[string]bool{
		"action:1:2026-12-20:UNEIL":   true,
		"action:2:2026-12-20:UGRAEME": true,
		"action:3:2026-12-20:USUE":    true,
		"action:4:2026-12-19:UNEIL":   false,
	}
	got := overdueAt(k)
	for key, w := range want {
		if g, ok := got[key]; !ok || g != w {
			t.Errorf("%s: dropped %v (queued %v), want dropped %v", key, g, ok, w)
		}
	}
}

// TestReportReminderHeldBackThenPresenterLeft: a presenter's reminder of
// their report that Slack held back is not sent once they have left the
// committee; another presenter's still goes.
func TestReportReminderHeldBackThenPresenterLeft(t *testing.T) {
	k := agendaKit(t) // Graeme presents item 6, Sue item 7.7
	k.sent()
	k.now = time.Date(2026, 12, 3, 9, 0, 0, 0, london)
	if _, err := k.svc.EnqueueDueReminders(context.Background(), k.now); err != nil {
		t.Fatal(err)
	}
	k.must(ian, "/committee member remove <@UGRAEME>")
	got := overdueAt(k)
	if late, ok := got["reminder:1:7:dm:UGRAEME"]; !ok || !late {
		t.Errorf("Graeme's reminder, after he left: dropped %v (queued %v), want dropped", late, ok)
	}
	if late, ok := got["reminder:1:7:dm:USUE"]; !ok || late {
		t.Errorf("Sue's reminder: dropped %v (queued %v), want sent", late, ok)
	}
}

// TestActionReminderHeldBackThenMeetingMoved: the reminder to an action's
// owner before a meeting names the meeting's day; held back by Slack until
// the meeting has moved, it is not sent naming the day it moved from. The
// next run queues it again naming the new day, once.
func TestActionReminderHeldBackThenMeetingMoved(t *testing.T) {
	k, _ := actDay(t)
	k.must(ian, "/action add 9 <@UNEIL> 2026-12-20 Circulate the figures")
	k.must(sue, "/meeting close")
	k.must(ian, "/meeting schedule 2027-01-14 10:00 Bootle Town Hall")
	k.sent()
	k.now = time.Date(2027, 1, 12, 9, 0, 0, 0, london)
	if _, err := k.svc.EnqueueActionChases(context.Background(), k.now); err != nil {
		t.Fatal(err)
	}
	k.must(ian, "/meeting move 14 January 13 January")
	key := "action:1:meeting:2:UNEIL"
	if late, ok := overdueAt(k)[key]; !ok || !late {
		t.Fatalf("%s after the meeting moved: dropped %v (queued %v), want dropped", key, late, ok)
	}
	_, msgs := actChase(k)
	if diff := cmp.Diff(actDMs(msgs, neil), []string{"Before the meeting of *Safer Sefton Together* on Wednesday 13 January 2027, 10:00: action 1, from minute 9, is yours and was due by Sunday 20 December 2026: it is overdue — Circulate the figures. The agenda lists it under Actions from previous meetings; when it is done: `/action done 1 [NOTE]`."}); diff != "" {
		t.Errorf("to Neil, after the move (-got +want):\n%s", diff)
	}
	if n, msgs := actChase(k); n != 0 || len(msgs) != 0 {
		t.Errorf("run again: %d queued, %d sent, want none", n, len(msgs))
	}
}

// TestActionOwnedByNameJoinsTheCommittee: an action given by name to
// someone not in Slack ("Jen Williams (NW Probation)") becomes theirs when
// they are added to the committee: their Home and `/action list mine`
// show it, they may mark it done, and its history says it was given to
// them, by the officer who added them.
func TestActionOwnedByNameJoinsTheCommittee(t *testing.T) {
	const jen = "UJEN"
	k, _ := actDay(t)
	k.svc = commands.New(k.db, people{ian: "Ian Barton", neil: "Neil Frackelton", graeme: "Graeme Robson", sue: "Sue Holden", jen: "Jen Williams"})
	k.must(ian, `/action add 9 "Jen Williams (NW Probation)" 2026-12-20 Circulate the figures`)
	k.must(ian, `/action add 9 "Jo Smith" 2026-12-20 Book the room`)
	k.must(sue, "/meeting close")
	k.must(ian, "/committee member add <@UJEN> NW Probation")

	wantShown(t, k.say(jen, "/action list mine"), "• 1. Circulate the figures — <@UJEN>, due Sunday 20 December 2026")
	home, err := k.svc.Home(context.Background(), team, jen, k.now)
	if err != nil {
		t.Fatal(err)
	}
	var sections []string
	for _, c := range home.Cards {
		for _, s := range c.Sections {
			sections = append(sections, s.Title+": "+s.Text)
		}
	}
	wantShown(t, strings.Join(sections, "\n"), "Your actions: • 1. Circulate the figures — due Sunday 20 December 2026")
	wantShown(t, k.say(ian, "/action history 1"), "added for Jen Williams (NW Probation)", "reassigned to <@UJEN> _(by <@UIAN>)_")
	wantShown(t, k.say(jen, "/action done 1"), "Action 1 is done: Circulate the figures.")
	if got := k.say(ian, "/action list"); !strings.Contains(got, "Book the room — Jo Smith") {
		t.Errorf("someone else's action given by name changed:\n%s", got)
	}
}

// TestActionsOfAFormerMemberMarked: an outstanding action whose owner has
// been removed from the committee says so in `/action list` and among the
// agenda's actions from previous meetings, and an officer listing them is
// given the command that gives them to someone else; added back, the
// owner is no longer marked.
func TestActionsOfAFormerMemberMarked(t *testing.T) {
	k, _ := actDay(t)
	k.must(ian, "/action add 9 <@UNEIL> 2026-12-20 Circulate the figures")
	k.must(ian, "/action add 9 <@UGRAEME> 2026-12-20 Brief the partners")
	k.must(sue, "/meeting close")
	k.must(ian, "/meeting schedule 2027-01-14 10:00 Bootle Town Hall")
	k.must(ian, "/committee member remove <@UNEIL>")

	const left = "• 1. Circulate the figures — <@UNEIL> (no longer a member), due Sunday 20 December 2026"
	const reassign = "Action 1 is of someone no longer a member, who is not reminded of it: give it to someone else with `/action reassign 1 @someone`."
	wantShown(t, k.say(ian, "/action list"), left, "• 2. Brief the partners — <@UGRAEME>, due Sunday 20 December 2026", reassign)
	wantShown(t, k.say(sue, "/action list"), left, reassign) // the chair
	got := k.say(graeme, "/action list")
	wantShown(t, got, left)
	if strings.Contains(got, "/action reassign") {
		t.Errorf("a member who cannot reassign actions is told how:\n%s", got)
	}
	wantShown(t, k.say(graeme, "/agenda 2027-01-14"), "*Actions from previous meetings*", left)

	k.must(ian, "/committee member add <@UNEIL> SWACA")
	for _, line := range []string{"/action list", "/agenda 2027-01-14"} {
		if got := k.say(ian, line); strings.Contains(got, "no longer a member") {
			t.Errorf("%s: Neil, added back, is still marked:\n%s", line, got)
		}
	}
}

// TestMinuteButtonsInADirectMessage: someone on two committees who looks
// a minute up, or records a decision, in a direct message (choosing the
// committee) can use the buttons under the answer there: Share shows
// them the minute, and [Add an action] opens its form, which records the
// action under that minute. They were refused, asked which committee
// with nothing to run again.
func TestMinuteButtonsInADirectMessage(t *testing.T) {
	k := decDay(t)
	for _, line := range []string{"/committee setup Sefton Youth Board", "/committee member add <@UGRAEME> Merseyside Police"} {
		r := k.request(ian, line)
		r.ChannelID = "C2"
		if reply, err := k.svc.Run(context.Background(), r); err != nil || reply.Refused {
			t.Fatalf("%s: %+v %v", line, reply, err)
		}
	}
	dm := func(user string) commands.Request {
		r := k.request(user, "")
		r.ChannelID = "D" + user
		return r
	}
	choose := func(user, line string) commands.Reply {
		t.Helper()
		r := dm(user)
		r.Command, r.Text, _ = strings.Cut(line, " ")
		ask, err := k.svc.Run(context.Background(), r)
		if err != nil {
			t.Fatal(err)
		}
		for _, b := range ask.Buttons {
			if b.Label == "Safer Sefton Together" {
				return k.act(dm(user), b.Action, b.Value)
			}
		}
		t.Fatalf("%s was not asked which committee:\n%s", line, shown(ask))
		return commands.Reply{}
	}
	pressIn := func(user string, r commands.Reply, label string) commands.Reply {
		t.Helper()
		for _, b := range r.Buttons {
			if b.Label == label {
				return k.act(dm(user), b.Action, b.Value)
			}
		}
		t.Fatalf("no %q button under:\n%s", label, shown(r))
		return commands.Reply{}
	}

	resolved := choose(ian, "/resolve 7.7 That the figures be circulated to partners.")
	form := pressIn(ian, resolved, "Add an action")
	if form.Refused || form.Form == nil {
		t.Fatalf("[Add an action] in a direct message: %s", shown(form))
	}
	added, errs := k.submit(dm(ian), form.Form, map[string]string{"owner": graeme, "due": "2026-12-20", "text": "Circulate the figures"})
	if len(errs) > 0 || added.Refused {
		t.Fatalf("the form submitted in a direct message: %v %s", errs, shown(added))
	}
	wantShown(t, k.say(graeme, "/action"), "• 1. Circulate the figures — <@UGRAEME>, due Sunday 20 December 2026 (minute 9, Thursday 10 December 2026)")

	found := choose(graeme, "/resolution figures")
	shared := pressIn(graeme, found, "Share minute 9 in channel")
	if shared.Refused || shared.Visibility == commands.Public {
		t.Errorf("Share in a direct message: %+v", shared)
	}
	wantShown(t, shown(shared), "<@UGRAEME> shared *Safer Sefton Together*, meeting of Thursday 10 December 2026 — minute 9", "Only you can see this: it was not sent in <#C1>")

	// Sue sits on Safer Sefton Together alone: its buttons, pressed in a
	// direct message, work as before; a minute of a committee she is not
	// on is not shown to her.
	wantShown(t, shown(pressIn(sue, found, "Share minute 9 in channel")), "<@USUE> shared *Safer Sefton Together*")
	youth := dm(ian)
	youth.ChannelID = "C2"
	youth.Command, youth.Text = "/meeting", "schedule 2026-12-10 11:00"
	if r, err := k.svc.Run(context.Background(), youth); err != nil || r.Refused {
		t.Fatalf("%+v %v", r, err)
	}
	k.now = time.Date(2026, 12, 10, 11, 0, 0, 0, london)
	youth.Text = "start"
	if r, err := k.svc.Run(context.Background(), youth); err != nil || r.Refused {
		t.Fatalf("%+v %v", r, err)
	}
	youth.Command, youth.Text = "/resolve", "4 That the youth figures be shared."
	theirs, err := k.svc.Run(context.Background(), youth)
	if err != nil || theirs.Refused {
		t.Fatalf("%+v %v", theirs, err)
	}
	if got := pressIn(sue, theirs, "Share minute 4 in channel"); !got.Refused || strings.Contains(shown(got), "youth figures") {
		t.Errorf("another committee's minute shared to Sue: %s", shown(got))
	}
}

// TestActionCommandInADirectMessage: the reminder of an action, in a
// direct message, says `/action done N`; typed there by someone on two
// committees it is the action's committee's, rather than a question which
// committee (one of which would refuse it). Someone not on the action's
// committee learns nothing of it.
func TestActionCommandInADirectMessage(t *testing.T) {
	k, _ := actDay(t)
	k.must(ian, "/action add 9 <@UGRAEME> 2026-12-20 Circulate the figures")
	for _, line := range []string{"/committee setup Sefton Youth Board", "/committee member add <@UGRAEME> Merseyside Police", "/committee member add <@USTRANGER> Youth Council"} {
		r := k.request(ian, line)
		r.ChannelID = "C2"
		if reply, err := k.svc.Run(context.Background(), r); err != nil || reply.Refused {
			t.Fatalf("%s: %+v %v", line, reply, err)
		}
	}
	dm := func(user, line string) commands.Reply {
		t.Helper()
		r := k.request(user, line)
		r.ChannelID = "D" + user
		reply, err := k.svc.Run(context.Background(), r)
		if err != nil {
			t.Fatal(err)
		}
		return reply
	}
	wantShown(t, shown(dm(graeme, "/action history 1")), "*History of action 1* of *Safer Sefton Together*")
	done := dm(graeme, "/action done 1 Sent to partners")
	if done.Refused || len(done.Buttons) > 0 {
		t.Fatalf("/action done in a direct message: %s", shown(done))
	}
	wantShown(t, shown(done), "Action 1 is done", "Committee: *Safer Sefton Together* (<#C1>).")
	if a, err := k.db.ActionPointByID(context.Background(), 1); err != nil || !a.Done {
		t.Errorf("the action after /action done: %+v %v", a, err)
	}
	wantShown(t, shown(dm(stranger, "/action done 1")), "There is no action 1 of Sefton Youth Board.")
	// A number no action has: the committee is asked, as for any command.
	if got := dm(graeme, "/action done 99"); len(got.Buttons) != 2 {
		t.Errorf("/action done 99: %s", shown(got))
	}
}

// TestActionByNameBecomesTheirsWhenTheyJoinWithAnAccentedName: an action
// given by name to Órla Quinn, not yet on the committee, is hers once she
// is added under the name Slack gives her, as Jo Smith's would be: listed
// as hers and on her Home. The database's lower() leaves "Ó" as it is
// under the C locale while the name looked for was lower-cased as "ó", so
// the action stayed a stranger's and was never chased.
func TestActionByNameBecomesTheirsWhenTheyJoinWithAnAccentedName(t *testing.T) {
	k, _ := actDay(t)
	k.dir["UORLA"] = "Órla Quinn"
	k.must(ian, `/action add 9 "Órla Quinn" 2026-12-20 Circulate the figures`)
	k.must(ian, "/committee member add <@UORLA> Sefton CVS")
	wantShown(t, k.say(ian, "/action list"), "Circulate the figures — <@UORLA>")
}

// TestActionNote: an action's owner notes progress on it without closing
// it, or an officer or the chair does for them (the owner is told); the
// latest note is shown beside the action on the list, the owner's Home
// and the next agenda's actions from previous meetings, and every note is
// in its history and the committee's exported history. Bad input is
// refused with what to do instead, and nothing is written.
func TestActionNote(t *testing.T) {
	k, _ := actDay(t)
	k.must(ian, "/action add 9 <@UGRAEME> 2027-01-10 Ask the police for the cohort figures")
	k.must(ian, `/action add 9 "Jo Smith" 2027-01-10 Report back on the pilot`)
	k.must(ian, "/action add 9 <@UNEIL> 2027-01-10 Circulate the figures")
	k.must(neil, "/action done 3 Sent")
	k.sent()
	k.steps([]step{
		{graeme, "/action note 2 Cohort figures requested from the police", []string{"Only the action's owner, an officer or the chair of Safer Sefton Together can note progress on action 2."}},
		{graeme, "/action note 1", []string{"Give the note after the action's number: `/action note 1 Cohort figures requested from the police`."}},
		{graeme, "/action note 99 Requested", []string{"There is no action 99 of Safer Sefton Together."}},
		{graeme, "/action note 3 Requested", []string{"Only the action's owner, an officer or the chair of Safer Sefton Together can note progress on action 3."}},
		{neil, "/action note 3 Sent again", []string{"Action 3 is done, so progress can no longer be noted on it. If there is more to do, `/action reopen 3` makes it outstanding again."}},
		{graeme, "/action note 1 " + strings.Repeat("é", 1001), []string{"That note is too long (1001 characters; the limit is 1000). Nothing was saved."}},
		{graeme, "/action note 1 Cohort figures requested from the police", []string{"Noted on action 1: Cohort figures requested from the police. `/action history 1` keeps every note."}},
	})
	if msgs := k.sent(); len(actDMs(msgs, graeme)) != 0 {
		t.Errorf("the owner is told of their own note: %q", actDMs(msgs, graeme))
	}
	k.now = k.now.Add(48 * time.Hour)
	k.steps([]step{
		{ian, "/action note 1 Police say the figures come in January", []string{"Noted on action 1, <@UGRAEME>'s: Police say the figures come in January. `/action history 1` keeps it, and that you noted it. They are told by direct message."}},
		{sue, "/action note 2 Jo reports the pilot is running", []string{"Noted on action 2: Jo reports the pilot is running."}},
	})
	if diff := cmp.Diff(actDMs(k.sent(), graeme), []string{"<@UIAN> noted progress on your action 1 in *Safer Sefton Together* (Ask the police for the cohort figures): Police say the figures come in January.\n`/action history 1` in <#C1> keeps every note."}); diff != "" {
		t.Errorf("Graeme told of Ian's note (-got +want):\n%s", diff)
	}
	if got := actLog(k); !slices.Contains(got, "noted Graeme Robson 2027-01-10 UGRAEME") || !slices.Contains(got, "noted Graeme Robson 2027-01-10 UIAN") {
		t.Errorf("action log: %q", got)
	}
	latest := "• 1. Ask the police for the cohort figures — <@UGRAEME>, due Sunday 10 January 2027 (minute 9, Thursday 10 December 2026) — latest note (Saturday 12 December 2026): Police say the figures come in January"
	wantShown(t, k.say(neil, "/action list"), latest, "• 2. Report back on the pilot — Jo Smith, due Sunday 10 January 2027 (minute 9, Thursday 10 December 2026) — latest note (Saturday 12 December 2026): Jo reports the pilot is running")
	if got := k.say(neil, "/action list"); strings.Contains(got, "Cohort figures requested") {
		t.Errorf("the list shows more than the latest note:\n%s", got)
	}
	home, err := k.svc.Home(context.Background(), team, graeme, k.now)
	if err != nil {
		t.Fatal(err)
	}
	wantShown(t, shown(commands.Reply{Sections: home.Cards[0].Sections}),
		"• 1. Ask the police for the cohort figures — due Sunday 10 January 2027 (minute 9, Thursday 10 December 2026) — latest note (Saturday 12 December 2026): Police say the figures come in January",
		"To note progress on one: `/action note ID NOTE`")
	inOrder(t, k.say(neil, "/action history 1"),
		" — added for <@UGRAEME>",
		" — progress noted: Cohort figures requested from the police _(by <@UGRAEME>)_",
		" — progress noted: Police say the figures come in January _(by <@UIAN>)_")

	// The chair sees the progress meeting by meeting, under the agenda's
	// actions from previous meetings.
	k.must(sue, "/meeting close")
	k.must(ian, "/meeting schedule 2027-01-14 10:00 Bootle Town Hall")
	wantShown(t, k.say(graeme, "/agenda 2027-01-14"), "*Actions from previous meetings*", latest)

	changes, err := k.db.CommitteeHistory(context.Background(), k.committee().ID, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	var noted []string
	for _, c := range changes {
		if c.Action == "noted" {
			noted = append(noted, c.Detail+" by "+c.By)
		}
	}
	if diff := cmp.Diff(noted, []string{
		"action 1 — minute 9: Ask the police for the cohort figures; due 2027-01-10; Cohort figures requested from the police by UGRAEME",
		"action 1 — minute 9: Ask the police for the cohort figures; due 2027-01-10; Police say the figures come in January by UIAN",
		"action 2 — minute 9: Report back on the pilot; due 2027-01-10; Jo reports the pilot is running by USUE",
	}); diff != "" {
		t.Errorf("exported history's notes (-got +want):\n%s", diff)
	}
}

// TestActionOwnerToldOfChanges: an action given to a member, or marked
// done or reopened by someone else, is told to its owner by direct
// message, so that they know it is theirs (or no longer); changes the
// owner makes themselves are not.
func TestActionOwnerToldOfChanges(t *testing.T) {
	k, _ := actDay(t)
	k.must(ian, "/action add 9 <@UNEIL> 2027-01-10 Circulate the figures")
	k.sent()
	wantShown(t, k.say(ian, "/action reassign 1 <@UGRAEME>"), "Action 1 is now <@UGRAEME>'s. They are told by direct message.")
	msgs := k.sent()
	if diff := cmp.Diff(actDMs(msgs, graeme), []string{"<@UIAN> gave you action 1 in *Safer Sefton Together*: Circulate the figures. — due Sunday 10 January 2027 (minute 9). Note progress on it with `/action note 1 NOTE`, and mark it done with `/action done 1 [NOTE]`, in <#C1>."}); diff != "" {
		t.Errorf("the new owner (-got +want):\n%s", diff)
	}
	if diff := cmp.Diff(actDMs(msgs, neil), []string{"<@UIAN> gave your action 1 in *Safer Sefton Together* to <@UGRAEME>: Circulate the figures. It is no longer on your list."}); diff != "" {
		t.Errorf("the former owner (-got +want):\n%s", diff)
	}
	wantShown(t, k.say(sue, "/action done 1 Reported at the meeting"), "Action 1, <@UGRAEME>'s, is done: Circulate the figures. Note: Reported at the meeting. Its history says you marked it done. They are told by direct message.")
	if diff := cmp.Diff(actDMs(k.sent(), graeme), []string{"<@USUE> marked your action 1 in *Safer Sefton Together* done: Circulate the figures. Note: Reported at the meeting. If it is not done, `/action reopen 1` in <#C1> makes it outstanding again."}); diff != "" {
		t.Errorf("the owner, of it done (-got +want):\n%s", diff)
	}
	k.must(ian, "/action reopen 1")
	if diff := cmp.Diff(actDMs(k.sent(), graeme), []string{"<@UIAN> reopened your action 1 in *Safer Sefton Together*: it is outstanding again: Circulate the figures. — due Sunday 10 January 2027. `/action history 1` in <#C1> keeps that it was done."}); diff != "" {
		t.Errorf("the owner, of it reopened (-got +want):\n%s", diff)
	}
	// The owner's own changes tell nobody; given to someone named only,
	// who is not in Slack, the action's former owner alone is told.
	k.must(graeme, "/action done 1")
	k.must(graeme, "/action reopen 1")
	wantShown(t, k.say(ian, `/action reassign 1 "Jo Smith"`), "Action 1 is now Jo Smith's.")
	if diff := cmp.Diff(actDMs(k.sent(), graeme), []string{"<@UIAN> gave your action 1 in *Safer Sefton Together* to Jo Smith: Circulate the figures. It is no longer on your list."}); diff != "" {
		t.Errorf("the owner's own changes, then given by name (-got +want):\n%s", diff)
	}
}

// TestImportedActionsOfTheSameTask: two people given the same task under
// one minute, and one person given it twice by different dates, are
// imported as three actions, none taken for another on record already.
func TestImportedActionsOfTheSameTask(t *testing.T) {
	k := committeeKit(t)
	doc := strings.Replace(actionMinutes,
		"ACTION: Chief Inspector Smith to brief the Partnership on Operation Sceptre by 15 January 2027.",
		"ACTION: Graeme Robson to circulate the SWACA figures by 28 February.\n\nACTION: Neil Frackelton to circulate the SWACA figures by 31 March.", 1)
	r, errs := k.importMinutes(ian, doc)
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	if got := shown(r); !strings.Contains(got, "4 actions") || strings.Contains(got, "on record already") {
		t.Errorf("the import's reply:\n%s", got)
	}
	wantShown(t, shown(k.run(ian, "/action list all")), "<@UNEIL>, due Sunday 31 January 2027", "<@UGRAEME>, due Sunday 28 February 2027", "<@UNEIL>, due Wednesday 31 March 2027")
	if _, errs := k.importMinutes(ian, doc); len(errs) != 0 {
		t.Fatal(errs)
	}
	if n := strings.Count(shown(k.run(ian, "/action list all")), "Circulate the SWACA figures"); n != 3 {
		t.Errorf("%d actions to circulate the figures after importing the minutes again, want 3", n)
	}
}
