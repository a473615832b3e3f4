package commands_test

import (
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/quorumhq/quorum/commands"
)

// minuteOf is the number of the minute a /resolve reply says it wrote.
func minuteOf(t *testing.T, text string) string {
	t.Helper()
	m := regexp.MustCompile(`: minute (\S+) of the meeting`).FindStringSubmatch(text)
	if m == nil {
		t.Fatalf("no minute number in %q", text)
	}
	return m[1]
}

// TestResolveNoneRefusedAndDecisionRemoved: "none" (or "n/a", "-",
// "nothing") sent as a decision is refused, by /resolve and by /minutes
// amend, rather than printed in the minutes as what was resolved, and the
// answer says how a decision is taken away; `/resolve ITEM remove` takes
// it out of the draft, the minute's history saying who removed what.
func TestResolveNoneRefusedAndDecisionRemoved(t *testing.T) {
	k := decDay(t)
	number := minuteOf(t, k.must(ian, "/resolve 5 That the strategy be approved.").Text)
	for _, line := range []string{"/resolve 5 none", "/resolve 5 N/A", "/resolve 5 -", "/resolve 5 Nothing.", "/minutes amend " + number + " none"} {
		r := k.run(ian, line)
		if !r.Refused {
			t.Errorf("%s was recorded: %s", line, shown(r))
		}
		if word := strings.Fields(line)[2]; word != "-" {
			wantShown(t, shown(r), "is not a decision", "`/resolve 5 remove`")
		}
	}
	if got := k.say(graeme, "/resolution "+number); !strings.Contains(got, "RESOLVED: That the strategy be approved.") {
		t.Errorf("a word for no decision replaced the decision:\n%s", got)
	}
	r := k.must(sue, "/resolve 5 remove")
	wantShown(t, shown(r), "The RESOLVED text of minute "+number+" (item 5)", "is removed from the draft minutes; it is kept in `/history minutes`.",
		"That the strategy be approved.")
	draft := k.say(ian, "/minutes draft")
	if strings.Contains(draft, "That the strategy be approved.") {
		t.Errorf("the decision removed is still in the draft:\n%s", draft)
	}
	wantShown(t, draft, "5. PROVISION OF ALTERNATIVE EDUCATION SETTINGS\n\n[Nothing recorded yet")
	wantShown(t, k.say(ian, "/history minutes"), "minute "+number+": RESOLVED text removed by", "It read: “That the strategy be approved.”")
	wantShown(t, k.say(sue, "/resolve 5 remove"), "No decision is recorded under item 5")
	// What `quorum export history` lists: the removal among the decisions.
	changes, err := k.db.CommitteeHistory(context.Background(), k.committee().ID, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	var decisions []string
	for _, ch := range changes {
		if ch.Record == "decisions" {
			decisions = append(decisions, ch.Action)
		}
	}
	if strings.Join(decisions, ",") != "resolved,removed" {
		t.Errorf("the exported history's decisions: %q; want the decision resolved, then removed", decisions)
	}
	// Recorded again, it stands as any decision.
	k.must(ian, "/resolve 5 That the report be noted.")
	wantShown(t, k.say(ian, "/minutes draft"), "That the report be noted.")
}

// TestResolveNamesAnotherItemThanTheOneUnderDiscussion: a decision
// recorded under another item than the one under discussion is recorded,
// for the clerk may be catching up, with a word that it is not that item
// and how to take it away; an item listed under the heading in hand, or
// the heading itself, is the business in hand.
func TestResolveNamesAnotherItemThanTheOneUnderDiscussion(t *testing.T) {
	k := decDay(t)
	k.must(sue, "/meeting item 4")
	r := k.must(ian, "/resolve 5 That the strategy be approved.")
	wantShown(t, shown(r), "Resolved under item 5", "Item 4 is under discussion, not item 5: if this was meant for item 4, `/resolve 5 remove` takes it away from item 5, and `/resolve 4 That …` records it there.")
	if r := k.must(ian, "/resolve 4 That the strategy be approved."); strings.Contains(r.Text, "under discussion") {
		t.Errorf("a decision under the item under discussion is warned of: %s", r.Text)
	}
	k.must(sue, "/meeting item 7.5")
	if r := k.must(ian, "/resolve 7 That the reports be noted."); strings.Contains(r.Text, "under discussion") {
		t.Errorf("a decision under the heading of the item under discussion is warned of: %s", r.Text)
	}
}

// TestResolveWhileAdjourned: a decision recorded while the meeting stands
// adjourned is recorded, with a word that it is for the minutes only if
// it was decided before the adjournment; once resumed, nothing is said.
func TestResolveWhileAdjourned(t *testing.T) {
	k := decDay(t)
	k.must(sue, "/meeting item 4")
	k.must(sue, "/meeting adjourn")
	r := k.must(ian, "/resolve 4 That the strategy be approved.")
	wantShown(t, shown(r), "Resolved under item 4", "The meeting is *adjourned* (since 10:30): record this only if it was decided before the adjournment. If it was not, `/resolve 4 remove` takes it away from item 4.")
	k.must(sue, "/meeting resume")
	if r := k.must(ian, "/resolve 4 That the strategy be approved, as amended."); strings.Contains(r.Text, "adjourned") {
		t.Errorf("a decision after the meeting resumed is said to be during the adjournment: %s", r.Text)
	}
}

// TestResolutionCarriesTheInquorateNote: a decision the minutes note as
// recorded while the meeting was inquorate carries the same note when
// looked up by number, found by a search and shared in the channel, not
// only in the draft; a quorate one carries none.
func TestResolutionCarriesTheInquorateNote(t *testing.T) {
	k := inquorateAtItem(t)
	k.now = attAt(10, 10, 45)
	number := minuteOf(t, k.must(ian, "/resolve 7.7 That the report be noted.").Text)
	note := "[Note: recorded at 10:45, when the meeting was inquorate (2 voting members present, quorum 3): not a decision of the committee.]"
	looked := k.must(neil, "/resolution "+number)
	wantShown(t, shown(looked), "RESOLVED: That the report be noted.\n"+note)
	wantShown(t, k.say(neil, "/resolution Sefton CVS report noted"), note)
	shared := k.press(neil, looked, "Share minute "+number+" in channel")
	wantShown(t, shown(shared), ">RESOLVED: That the report be noted.\n"+note)
	wantShown(t, k.say(neil, "/resolution share "+number), note)
	// Once quorate again, recorded again: no note anywhere.
	k.now = attAt(10, 10, 55)
	k.must(ian, "/attendance <@UGRAEME> present")
	k.now = attAt(10, 10, 56)
	k.must(ian, "/resolve 7.7 That the report be noted.")
	if got := k.say(neil, "/resolution "+number); strings.Contains(got, "[Note:") {
		t.Errorf("a decision taken again once quorate is still noted:\n%s", got)
	}
}

// TestResolveRemoveRefusedOnceConfirmed: minutes confirmed as a correct
// record keep their decisions: taking one away is refused, and the
// minute still reads as confirmed.
func TestResolveRemoveRefusedOnceConfirmed(t *testing.T) {
	k := decDay(t)
	k.must(ian, "/resolve 5 That the strategy be approved.")
	k.must(sue, "/meeting close")
	decComplete(k)
	k.now = time.Date(2026, 12, 11, 9, 0, 0, 0, london)
	k.must(sue, "/minutes approve 10/12/2026")
	r := k.run(ian, "/resolve 10/12/2026 5 remove")
	if !r.Refused {
		t.Errorf("a confirmed decision was removed: %s", shown(r))
	}
	wantShown(t, shown(r), "are confirmed as a correct record and can no longer be changed")
	wantShown(t, k.say(graeme, "/resolution 10/12/2026 5"), "RESOLVED: That the strategy be approved.")
}

// TestResolutionQuotesConfirmedNoteAsConfirmed: minutes confirmed before
// an inquorate item's note named a declarant left out of the count as one
// who "did not count for the item" are quoted by /resolution, as by the
// minutes themselves, with the note as it was confirmed ("withdrew for the
// item"), not reworded by the rule that came after.
func TestResolutionQuotesConfirmedNoteAsConfirmed(t *testing.T) {
	k := decDay(t)
	k.must(ian, "/committee quorum 2")
	k.must(graeme, "/declare 6 pecuniary Spouse employed by Merseyside Police")
	for _, who := range []string{sue, neil, graeme} {
		k.must(who, "/here")
	}
	k.now = attAt(10, 10, 35)
	k.must(sue, "/meeting item 4")
	k.now = attAt(10, 10, 36)
	k.must(sue, "/attendance <@UNEIL> left")
	k.now = attAt(10, 10, 45)
	k.must(sue, "/meeting item 6")
	k.must(sue, "/resolve 6 That the report be noted.")
	k.now = attAt(10, 10, 50)
	k.must(sue, "/meeting close")
	wantShown(t, k.say(ian, "/resolution 10/12/2026 6"), "Graeme Robson did not count for the item)")
	decNextMeeting(k)
	k.must(sue, "/minutes approve")
	predateRule(k, commands.RuleWithdrawalsAsRecorded)
	wantShown(t, k.say(ian, "/minutes draft 10/12/2026"), "Graeme Robson withdrew for the item)")
	got := k.say(ian, "/resolution 10/12/2026 6")
	wantShown(t, got, "Graeme Robson withdrew for the item)")
	wantNotShown(t, got, "did not count")
}

// TestWrongItemAdvicePutsBackWhatItReplaced: a decision recorded under an
// item other than the one in hand that replaced the item's own decision is
// undone by putting that decision back, which the advice says, not by
// removing the item's decision, which left it with none. Removing a
// decision whose actions stay under its minute says so, rather than that
// nothing is recorded there.
func TestWrongItemAdvicePutsBackWhatItReplaced(t *testing.T) {
	k := decDay(t)
	number := minuteOf(t, k.must(ian, "/resolve 5 That the strategy be approved.").Text)
	k.now = k.now.Add(5 * time.Minute)
	k.must(sue, "/meeting item 6")
	k.now = k.now.Add(5 * time.Minute)
	got := shown(k.must(ian, "/resolve 5 That the report be noted."))
	wantShown(t, got, "Item 6 is under discussion, not item 5: if this was meant for item 6, `/resolve 5` with the text it replaced (below) puts item 5's own decision back, and `/resolve 6 That …` records it there.",
		"It read", "That the strategy be approved.")
	wantNotShown(t, got, "/resolve 5 remove")
	// Put back as advised, the item's own decision stands.
	k.must(ian, "/resolve 5 That the strategy be approved.")
	wantShown(t, k.say(ian, "/minutes draft"), "That the strategy be approved.")

	k.must(ian, "/action add "+number+" <@UNEIL> 2027-01-10 Circulate the strategy")
	got = shown(k.must(ian, "/resolve 5 remove"))
	wantShown(t, got, "Its action stays under it in the minutes: `/action list` shows it")
	wantNotShown(t, got, "Nothing is recorded under item 5 now")
}

// TestRemovedInquorateDecisionTakesItsNote: a decision recorded while the
// meeting was inquorate, taken out with /resolve ITEM remove, takes its
// note with it: the decision recorded under the item after the close is
// not noted as recorded at 10:45, in /resolution or in the draft.
func TestRemovedInquorateDecisionTakesItsNote(t *testing.T) {
	k := inquorateAtItem(t)
	k.now = attAt(10, 10, 45)
	number := minuteOf(t, k.must(ian, "/resolve 7.7 That the report be noted.").Text)
	k.now = attAt(10, 10, 50)
	k.must(ian, "/resolve 7.7 remove")
	k.now = attAt(10, 11, 5)
	k.must(ian, "/attendance <@UGRAEME> present")
	k.now = attAt(10, 11, 30)
	k.must(sue, "/meeting close")
	k.now = attAt(10, 11, 40)
	k.must(ian, "/resolve 7.7 That the report be deferred to the next meeting.")
	if got := k.say(neil, "/resolution "+number); strings.Contains(got, "[Note:") {
		t.Errorf("a decision recorded after the close, once the inquorate one was removed, is noted:\n%s", got)
	}
	draft := k.say(ian, "/minutes draft")
	wantShown(t, draft, "That the report be deferred to the next meeting.")
	if strings.Contains(draft, "recorded at 10:45") {
		t.Errorf("the draft notes the decision recorded after the close as recorded at 10:45:\n%s", draft)
	}
}

// TestAmendNarrativeToNone: a narrative minute is amended to "None." (no
// other business), as it always could be, not refused as a decision the
// item never had; a minute with a decision still refuses it.
func TestAmendNarrativeToNone(t *testing.T) {
	k := decDay(t)
	r := k.must(ian, "/minute 6 There was no update.")
	number := strings.Fields(strings.SplitN(r.Text, "minute ", 2)[1])[0]
	got := k.run(ian, "/minutes amend "+number+" None.")
	if got.Refused {
		t.Fatalf("amending the narrative of minute %s to “None.” is refused: %s", number, shown(got))
	}
	wantShown(t, shown(got), "Minute "+number+" amended", "There was no update.")
	wantShown(t, k.say(ian, "/minutes draft"), "\n\nNone.\n")
	resolved := minuteOf(t, k.must(ian, "/resolve 5 That the strategy be approved.").Text)
	wantShown(t, shown(k.run(ian, "/minutes amend "+resolved+" None.")), "is not a decision", "`/resolve 5 remove`")
}

// TestHistoryConfirmationAddedToADecision: the confirmation of the last
// minutes, approved at a meeting where item 3 has a decision already, is
// added to that minute as a further block; /history minutes says it was
// added, with what, not that it replaced the decision recorded.
func TestHistoryConfirmationAddedToADecision(t *testing.T) {
	k := decDay(t)
	k.must(ian, "/resolve 5 That the strategy be approved.")
	k.must(sue, "/meeting close")
	decNextMeeting(k)
	k.must(ian, "/resolve 3 That the matters arising be noted.")
	k.must(sue, "/minutes approve")
	h := k.say(ian, "/history minutes")
	if strings.Contains(h, "replacing its RESOLVED text") {
		t.Errorf("the confirmation added to minute 3's decision reads as replacing it:\n%s", h)
	}
	wantShown(t, h, "minute 12: resolved, recorded by <@UIAN>: “That the matters arising be noted.”",
		"minute 12: resolved by <@USUE>, added to its RESOLVED text: “That the Minutes of the meeting held on 10 December 2026 be confirmed as a correct record.”")
}

// TestConfirmationOfTheLastMinutesIsNotTakenAway: under the item where
// /minutes approve recorded the confirmation of the last minutes after
// the item's decision, the decision is neither removed nor recorded again
// on its own — either would take the confirmation with it — and the
// answer gives the way that words the whole text; a confirmation typed
// under another item is not held there.
func TestConfirmationOfTheLastMinutesIsNotTakenAway(t *testing.T) {
	k := decDay(t)
	k.must(ian, "/resolve 5 That the strategy be approved.")
	k.must(sue, "/meeting close")
	decNextMeeting(k)
	const confirmation = "That the Minutes of the meeting held on 10 December 2026 be confirmed as a correct record."
	k.must(ian, "/resolve 4 "+confirmation)
	k.must(ian, "/resolve 3 That the matters arising be noted.")
	k.must(sue, "/minutes approve")
	both := "That the matters arising be noted.\n" + confirmation
	wantShown(t, k.say(ian, "/minutes draft"), both)
	for _, line := range []string{"/resolve 3 remove", "/resolve 3 That the matters arising be noted, with thanks.", "/resolve 3 " + confirmation} {
		r := k.run(ian, line)
		if !r.Refused {
			t.Errorf("%s was recorded: %s", line, shown(r))
		}
		wantShown(t, shown(r), "Nothing was", "minute 12 records that the minutes of 10 December 2026 were confirmed at this meeting",
			"`/minutes amend 12 TEXT`")
	}
	draft := k.say(ian, "/minutes draft")
	if strings.Count(draft, confirmation) != 2 || !strings.Contains(draft, both) {
		t.Errorf("the refusals changed minute 12, or minute 13 lost its own text:\n%s", draft)
	}
	// Typed by hand under another item, it is that item's decision.
	wantShown(t, k.say(ian, "/resolve 4 remove"), "The RESOLVED text of minute 13 (item 4)", "is removed")
	const subject = "That the matters arising be noted and the Minutes of the meeting held on 10 December 2026 be confirmed as a correct record."
	k.must(ian, "/minutes amend 12 "+subject)
	if draft := k.say(ian, "/minutes draft"); !strings.Contains(draft, subject) || strings.Contains(draft, confirmation) {
		t.Errorf("the item's whole text, amended, does not stand alone:\n%s", draft)
	}
}
