package commands_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/quorumhq/quorum/commands"
)

// minutesForms are the minutes of the kit's meeting on 10 December 2026
// in each of their forms: as /minutes draft shows them in Slack, and as
// exported in Markdown, plain text and the printable page.
func minutesForms(k *kit) (slack, md, txt, page string) {
	k.t.Helper()
	doc, err := k.svc.MinutesDocumentOf(context.Background(), k.committee(), decHeldOn, k.now)
	if err != nil {
		k.t.Fatal(err)
	}
	html, err := commands.MinutesHTML(doc)
	if err != nil {
		k.t.Fatal(err)
	}
	return k.say(ian, "/minutes draft 10 December 2026"), doc.Markdown(), doc.PlainText(), string(html)
}

// TestActionsPrintedUnderTheirMinute: an action recorded at the meeting
// prints under its minute, after the RESOLVED text, in every form of the
// minutes, in the order the actions were added, each with the owner and
// due date first agreed: re-dated, reassigned and done afterwards, the
// minutes print them as agreed, and /action list shows where they stand.
// The line reads back as the same action when the minutes are imported.
func TestActionsPrintedUnderTheirMinute(t *testing.T) {
	k := decDay(t)
	k.must(ian, "/resolve 4 That the strategy be endorsed.")
	k.must(ian, `/action add 4 "Jen Williams" Circulate the refreshed IOM strategy & <b>plan</b> to partners by 31 March 2027`)
	k.must(ian, "/action add 4 <@UNEIL> 2027-01-29 to report the SWACA figures")
	k.must(ian, "/resolve 6 That the update be noted.")
	k.must(ian, `/action add 6 "Jo Smith" Share the IOM figures by 15 January 2027`)

	k.must(ian, "/action move 1 2027-04-30")
	k.must(ian, "/action reassign 2 <@UGRAEME>")
	k.must(ian, "/action done 3 Shared")
	wantShown(t, k.say(ian, "/action list"),
		"Circulate the refreshed IOM strategy &amp; &lt;b&gt;plan&lt;/b&gt; to partners — Jen Williams, due Friday 30 April 2027",
		"to report the SWACA figures — <@UGRAEME>, due Friday 29 January 2027")

	first := "ACTION: Jen Williams to circulate the refreshed IOM strategy & <b>plan</b> to partners (by 31 March 2027)."
	second := "ACTION: Neil Frackelton to report the SWACA figures (by 29 January 2027)."
	third := "ACTION: Jo Smith to share the IOM figures (by 15 January 2027)."
	slack, md, txt, page := minutesForms(k)
	inOrder(t, slack, "4. INTEGRATED OFFENDER MANAGEMENT", "RESOLVED:\nThat the strategy be endorsed.\n\n"+commands.Escape(first)+"\n\n"+commands.Escape(second)+"\n```",
		"6. LOCAL POLICING UPDATE", "That the update be noted.\n\n"+third+"\n```")
	inOrder(t, txt, "That the strategy be endorsed.\n\n"+first+"\n\n"+second+"\n\n5. PROVISION OF ALTERNATIVE EDUCATION SETTINGS", "That the update be noted.\n\n"+third)
	inOrder(t, md, `ACTION: Jen Williams to circulate the refreshed IOM strategy & \<b\>plan\</b\> to partners (by 31 March 2027).`, second, third)
	inOrder(t, page, "<p>ACTION: Jen Williams to circulate the refreshed IOM strategy &amp; &lt;b&gt;plan&lt;/b&gt; to partners (by 31 March 2027).</p>",
		"<p>"+second+"</p>", "<p>"+third+"</p>")
	for _, later := range []string{"30 April 2027", "Graeme Robson to", "Shared"} {
		if strings.Contains(txt, later) {
			t.Errorf("the minutes print %q, which was changed after the meeting:\n%s", later, txt)
		}
	}

	read, err := commands.ReadMinutes(txt)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range read.Actions {
		got = append(got, a.Minute+" "+a.Owner+" "+a.Due)
	}
	if want := []string{"4 Jen Williams 2027-03-31", "4 Neil Frackelton 2027-01-29", "6 Jo Smith 2027-01-15"}; strings.Join(got, "; ") != strings.Join(want, "; ") {
		t.Errorf("the printed actions read back as %q, want %q", got, want)
	}
}

// TestImportedActionsPrintedOnce: the actions of imported minutes are
// printed by the minutes' own text, once, and not again from the actions
// they were recorded as; one added under an imported minute is not
// printed in those published minutes, and its reply says so.
func TestImportedActionsPrintedOnce(t *testing.T) {
	k := committeeKit(t)
	if _, errs := k.importMinutes(ian, actionMinutes); len(errs) != 0 {
		t.Fatal(errs)
	}
	wantShown(t, k.say(ian, "/action add 12/11/2026 2 <@UGRAEME> 2027-02-01 Book the briefing room"),
		"Action 4 recorded under minute 2",
		"The minutes of the meeting on Thursday 12 November 2026 are confirmed already, so the action is not printed in them: it is kept on the action list as a follow-up to minute 2.")
	doc, err := k.svc.MinutesDocumentOf(context.Background(), k.committee(), commands.Date{Year: 2026, Month: time.November, Day: 12}, k.now)
	if err != nil {
		t.Fatal(err)
	}
	txt := doc.PlainText()
	for _, printed := range []string{"SWACA figures", "Operation Sceptre"} {
		if n := strings.Count(txt, printed); n != 1 {
			t.Errorf("%q is printed %d times in the imported minutes:\n%s", printed, n, txt)
		}
	}
	if strings.Contains(txt, "briefing room") {
		t.Errorf("the published minutes print an action added after they were imported:\n%s", txt)
	}
}

// confirmedWithAction is decDay's meeting closed, with action 1 (Sue to
// circulate the CVS report) agreed under minute 9, and its minutes
// confirmed the next morning.
func confirmedWithAction(t *testing.T) *kit {
	t.Helper()
	k := decDay(t)
	k.must(ian, "/resolve 7.7 That the report be noted.")
	k.must(ian, "/action add 9 <@USUE> 2027-01-29 Circulate the CVS report")
	k.must(sue, "/meeting close")
	decComplete(k)
	k.now = time.Date(2026, 12, 11, 9, 0, 0, 0, london)
	k.must(ian, "/minutes approve")
	return k
}

// TestActionsAfterConfirmationNotPrinted: confirmed minutes read as they
// were confirmed: an action added under one of their minutes afterwards,
// even at the same minute by the clock, is kept but not printed in them,
// and the reply says so; those agreed before still print, and changing
// them changes nothing in the minutes.
func TestActionsAfterConfirmationNotPrinted(t *testing.T) {
	k := confirmedWithAction(t)
	before, _, _, _ := minutesForms(k)
	wantShown(t, before, "ACTION: Sue Holden to circulate the CVS report (by 29 January 2027).")

	wantShown(t, k.say(ian, `/action add 9 "Jo Smith" 2027-02-05 Write to the funders`),
		"Action 2 recorded under minute 9: Jo Smith — Write to the funders, due Friday 5 February 2027.",
		"The minutes of the meeting on Thursday 10 December 2026 are confirmed already, so the action is not printed in them: it is kept on the action list as a follow-up to minute 9.")
	k.now = k.now.Add(time.Hour)
	k.must(ian, "/action move 1 2027-03-01")
	k.must(ian, "/action done 1")
	slack, md, txt, page := minutesForms(k)
	if slack != before {
		t.Errorf("the confirmed minutes changed:\n%s\nwere:\n%s", slack, before)
	}
	for _, form := range []string{md, txt, page} {
		if strings.Contains(form, "funders") || !strings.Contains(form, "Sue Holden to circulate the CVS report (by 29 January 2027).") {
			t.Errorf("the confirmed minutes print the action added after, or not the one agreed:\n%s", form)
		}
	}
	wantShown(t, k.say(ian, "/action list"), "Write to the funders — Jo Smith, due Friday 5 February 2027 (minute 9, Thursday 10 December 2026)")
}

// TestResolutionFollowUpsNotAgreed: an action added under a minute after
// its minutes were confirmed — approved, or imported from published
// minutes — is not shown by /resolution, nor shared, as agreed by that
// meeting: it stands apart, as a follow-up, with who added it and when,
// while the minute's own actions stay "Actions agreed".
func TestResolutionFollowUpsNotAgreed(t *testing.T) {
	k := confirmedWithAction(t)
	k.must(ian, `/action add 9 "Jo Smith" 2027-02-05 Write to the funders`)

	looked := k.run(neil, "/resolution 9")
	inOrder(t, shown(looked), "Actions agreed:",
		"• 1. Circulate the CVS report — <@USUE>, due Friday 29 January 2027",
		"Follow-up actions since:",
		"• 2. Write to the funders — Jo Smith, due Friday 5 February 2027 — added by <@UIAN> on Friday 11 December 2026")
	shared := k.act(k.request(neil, ""), "resolution.share", buttonValues(looked)["resolution.share"][0])
	inOrder(t, shared.Text, "Actions agreed:", "• 1. Circulate the CVS report",
		"Follow-up actions since:", "• 2. Write to the funders")

	// Minutes imported were confirmed by being published: the actions
	// they print are agreed, one added under them since is not.
	k = committeeKit(t)
	if _, errs := k.importMinutes(ian, actionMinutes); len(errs) != 0 {
		t.Fatal(errs)
	}
	k.must(ian, "/action add 12/11/2026 2 <@UGRAEME> 2027-02-01 Book the briefing room")
	looked = k.run(neil, "/resolution 2026-11-12 2")
	inOrder(t, shown(looked), "Actions agreed:", "SWACA figures", "Operation Sceptre",
		"Follow-up actions since:", "• 4. Book the briefing room — <@UGRAEME>, due Monday 1 February 2027 — added by <@UIAN> on")
	shared = k.act(k.request(neil, ""), "resolution.share", buttonValues(looked)["resolution.share"][0])
	inOrder(t, shared.Text, "Actions agreed:", "SWACA figures", "Follow-up actions since:", "• 4. Book the briefing room")
}

// TestActionLinesAsTypedAndImportedOnce: an instruction is printed with
// its owner before "to"; a text naming who acts, or no instruction, as
// typed with its owner and day after it, its capitals kept; and minutes
// exported and imported again give each action once, not a second copy
// read from its printed line.
func TestActionLinesAsTypedAndImportedOnce(t *testing.T) {
	k := decDay(t)
	k.must(ian, "/resolve 4 That the strategy be endorsed.")
	for _, line := range []string{
		`/action add 4 "Jen Williams" Circulate the strategy to partners by 31 March 2027`,
		`/action add 4 "Jen Williams" To brief the board by 31 March 2027`,
		`/action add 4 "Sue Holden" Sefton CVS to circulate the bulletin by 31 March 2027`,
		`/action add 4 "Jo Smith" Figures to be circulated by 31 March 2027`,
	} {
		k.must(ian, line)
	}
	k.must(sue, "/meeting close")
	_, _, txt, _ := minutesForms(k)
	wantShown(t, txt,
		"ACTION: Jen Williams to circulate the strategy to partners (by 31 March 2027).",
		"ACTION: Jen Williams to brief the board (by 31 March 2027).",
		"ACTION: Sefton CVS to circulate the bulletin (Sue Holden, by 31 March 2027).",
		"ACTION: Figures to be circulated (Jo Smith, by 31 March 2027).")

	if _, err := k.svc.ImportMinutesWith(context.Background(), k.committee().Name, txt, ian, commands.MinutesImportOptions{ReplaceDrafts: true, At: k.now}); err != nil {
		t.Fatal(err)
	}
	list := strings.ToLower(k.say(ian, "/action list all"))
	for _, text := range []string{"circulate the strategy", "brief the board", "circulate the bulletin", "figures to be circulated"} {
		if n := strings.Count(list, text); n != 1 {
			t.Errorf("%q is on the action list %d times after the exported minutes were imported again:\n%s", text, n, list)
		}
	}
}

// TestResolutionShowsActionsUnderMinute: a decision looked up with
// /resolution, by number or by its words, shows the actions agreed under
// it as they stand now — owner, due date, done or overdue — with the
// number /action takes; and Share posts them with it. Actions under
// another minute are not shown with it.
func TestResolutionShowsActionsUnderMinute(t *testing.T) {
	k := decDay(t)
	k.must(ian, "/resolve 4 That the refreshed IOM strategy be endorsed.")
	k.must(ian, `/action add 4 "Jen Williams" Circulate the refreshed IOM strategy to partners by 31 March 2027`)
	k.must(ian, "/action add 4 <@UNEIL> 2026-12-20 to report the SWACA figures")
	k.must(ian, "/resolve 6 That the policing update be noted.")
	k.must(ian, `/action add 6 "Jo Smith" Share the policing figures by 15 January 2027`)
	k.must(ian, "/action done 1 Circulated on 11 December")

	found := k.run(neil, "/resolution refreshed IOM strategy")
	text := shown(found)
	inOrder(t, text, "strategy* be endorsed.", "Actions agreed:",
		"• 1. Circulate the refreshed IOM strategy to partners — Jen Williams, due Wednesday 31 March 2027 — done: Circulated on 11 December",
		"• 2. to report the SWACA figures — <@UNEIL>, due Sunday 20 December 2026")
	if strings.Contains(text, "Share the policing figures") {
		t.Errorf("a look-up of minute 4 shows minute 6's action:\n%s", text)
	}

	// A week after it was due, the one outstanding is shown overdue.
	k.now = time.Date(2026, 12, 28, 9, 0, 0, 0, london)
	number := strings.Fields(found.Sections[0].Title)[1]
	byNumber := k.say(neil, "/resolution "+number)
	wantShown(t, byNumber, "Actions agreed:", "• 2. to report the SWACA figures — <@UNEIL>, due Sunday 20 December 2026 — *overdue*")

	shared := k.act(k.request(neil, ""), "resolution.share", buttonValues(found)["resolution.share"][0])
	inOrder(t, shared.Text, "That the refreshed IOM strategy be endorsed.", "Actions agreed:", "• 1. Circulate the refreshed IOM strategy", "• 2. to report the SWACA figures")

	// Past five, a minute says how many more and where to list them,
	// rather than running on.
	for _, due := range []string{"2027-02-01", "2027-02-02", "2027-02-03", "2027-02-04"} {
		k.must(ian, "/action add 4 <@UNEIL> "+due+" Report back on "+due)
	}
	wantShown(t, k.say(neil, "/resolution "+number), "• 6. Report back on 2027-02-03", "… and 1 more: `/action list all`")
	if strings.Contains(k.say(neil, "/resolution "+number), "Report back on 2027-02-04") {
		t.Errorf("the sixth action is shown under the minute")
	}

	// A minute with no actions says nothing of them.
	if policing := k.say(neil, "/resolution policing update be noted"); !strings.Contains(policing, "• 3. Share the policing figures") || strings.Contains(policing, "SWACA") {
		t.Errorf("minute 6's look-up shows the wrong actions:\n%s", policing)
	}
}
