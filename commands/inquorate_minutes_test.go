package commands_test

import (
	"strings"
	"testing"

	"github.com/quorumhq/quorum/commands"
)

// inquorateAtItem is inquorateDay with item 7.7 taken up at 10:30 and
// Graeme leaving during it at 10:40, which loses the quorum of 3.
func inquorateAtItem(t *testing.T) *kit {
	k := inquorateDay(t)
	k.now = attAt(10, 10, 30)
	k.must(sue, "/meeting item 7.7")
	k.now = attAt(10, 10, 40)
	k.must(ian, "/attendance <@UGRAEME> left")
	return k
}

// TestInquorateInAttendanceParagraphs: the record of the meeting says when
// it lost its quorum, during which item, and when it was quorate again.
func TestInquorateInAttendanceParagraphs(t *testing.T) {
	k := inquorateAtItem(t)
	k.now = attAt(10, 11, 5)
	k.must(ian, "/attendance <@UGRAEME> present")
	got := k.say(ian, "/meeting attendance")
	for _, want := range []string{
		"Graeme Robson left the meeting at 10:40 during consideration of item 7.7 and returned at 11:05.\nThe meeting became inquorate at 10:40 during consideration of item 7.7 (2 voting members present, quorum 3).",
		"The meeting was quorate again at 11:05 during consideration of item 7.7.",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("/meeting attendance lacks %q:\n%s", want, got)
		}
	}
	k.now = attAt(10, 11, 30)
	k.must(sue, "/meeting close")
	if got := k.say(ian, "/meeting attendance"); strings.Contains(got, "still inquorate") {
		t.Errorf("a meeting closed quorate is said to have closed inquorate:\n%s", got)
	}
}

// TestInquorateResolutionNotedInDraft: a decision recorded while the
// meeting is inquorate is minuted with a note that it is not the
// committee's; recorded again once the quorum is back, it stands without.
func TestInquorateResolutionNotedInDraft(t *testing.T) {
	k := inquorateAtItem(t)
	k.now = attAt(10, 10, 45)
	k.must(ian, "/resolve 7.7 That the report be noted.")
	note := "RESOLVED:\nThat the report be noted.\n\n[Note: recorded at 10:45, when the meeting was inquorate (2 voting members present, quorum 3): not a decision of the committee.]"
	if got := k.say(ian, "/minutes draft"); !strings.Contains(got, note) {
		t.Errorf("the draft does not say the decision was taken while inquorate:\n%s", got)
	}
	k.now = attAt(10, 10, 55)
	k.must(ian, "/attendance <@UGRAEME> present")
	k.now = attAt(10, 10, 56)
	k.must(ian, "/resolve 7.7 That the report be noted, and the figures circulated.")
	k.must(sue, "/meeting close")
	got := k.say(ian, "/minutes draft")
	if !strings.Contains(got, "That the report be noted, and the figures circulated.") || strings.Contains(got, "[Note:") {
		t.Errorf("a decision recorded once quorate again is still noted as inquorate:\n%s", got)
	}
}

// TestInquorateRecordKeepsTheRuleInForce: a quorum rule changed after the
// meeting does not change its record: the minutes say it became inquorate
// by the rule it met under, and a decision taken then is still noted.
func TestInquorateRecordKeepsTheRuleInForce(t *testing.T) {
	k := inquorateAtItem(t)
	k.now = attAt(10, 10, 45)
	k.must(ian, "/resolve 7.7 That the report be noted.")
	k.now = attAt(10, 10, 50)
	k.must(sue, "/meeting close")
	k.now = attAt(10, 12, 0)
	k.must(ian, "/committee quorum 2")
	for _, line := range []string{"/meeting attendance", "/minutes draft"} {
		got := k.say(ian, line)
		if !strings.Contains(got, "The meeting became inquorate at 10:40 during consideration of") ||
			!strings.Contains(got, "(2 voting members present, quorum 3).") {
			t.Errorf("%s does not say the meeting became inquorate by the rule then:\n%s", line, got)
		}
		if !strings.Contains(got, "The meeting was still inquorate when it closed at 10:50.") {
			t.Errorf("%s does not say the meeting closed inquorate:\n%s", line, got)
		}
		if line == "/minutes draft" && !strings.Contains(got, "[Note: recorded at 10:45, when the meeting was inquorate (2 voting members present, quorum 3)") {
			t.Errorf("the draft no longer notes the decision taken while inquorate:\n%s", got)
		}
	}
}

// TestInquorateRecordCountsMembersRemovedSince: a member removed from the
// committee after the meeting still counted at it, so its record does not
// change: it still became inquorate when Graeme left.
func TestInquorateRecordCountsMembersRemovedSince(t *testing.T) {
	k := inquorateAtItem(t)
	k.now = attAt(10, 10, 50)
	k.must(sue, "/meeting close")
	k.now = attAt(10, 12, 0)
	k.must(ian, "/committee member remove <@UANN>")
	got := k.say(ian, "/meeting attendance")
	if !strings.Contains(got, "The meeting became inquorate at 10:40 during consideration of item 7.7 (2 voting members present, quorum 3).") {
		t.Errorf("the record changed with a member removed since:\n%s", got)
	}
}

// TestInquorateNoteOnThePrintablePage: the printable minutes carry the
// note under the decision too, as the draft in Slack does.
func TestInquorateNoteOnThePrintablePage(t *testing.T) {
	note := "[Note: recorded at 10:45, when the meeting was inquorate (2 voting members present, quorum 3): not a decision of the committee.]"
	page, err := commands.MinutesHTML(commands.MinutesDocument{Committee: "Safer Sefton Together", Minutes: []commands.DocMinute{
		{Number: "5", Title: "SEFTON CVS", Resolved: []string{"That the report be noted."}, Note: note},
	}})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(page), "That the report be noted.</p>\n<p class=\"refs\">"+note+"</p>") {
		t.Errorf("the printable page lacks the note under the decision:\n%s", page)
	}
}

// TestInquorateDecisionTakenAgainOnceQuorate: once the meeting is quorate
// again, the chair puts the same decision again, and the clerk sends the
// same line: the committee has now decided it, so the draft's note goes.
// Refused as "already reads so", the decision would stay noted as no
// decision of the committee whatever the clerk did short of rewording it.
func TestInquorateDecisionTakenAgainOnceQuorate(t *testing.T) {
	k := inquorateAtItem(t)
	k.now = attAt(10, 10, 45)
	k.must(ian, "/resolve 7.7 That the report be noted.")
	k.now = attAt(10, 10, 55)
	k.must(ian, "/attendance <@UGRAEME> present")
	k.now = attAt(10, 10, 56)
	got := k.say(ian, "/resolve 7.7 That the report be noted.")
	if strings.Contains(got, "already reads so") || !strings.Contains(got, "now quorate") {
		t.Errorf("the decision taken again once quorate was not recorded as taken again:\n%s", got)
	}
	// Sent once more, it is the same line twice, as before.
	k.now = attAt(10, 10, 57)
	if got := k.say(ian, "/resolve 7.7 That the report be noted."); !strings.Contains(got, "already reads so") {
		t.Errorf("the same decision sent a third time was not answered as unchanged:\n%s", got)
	}
	k.must(sue, "/meeting close")
	draft := k.say(ian, "/minutes draft")
	if !strings.Contains(draft, "That the report be noted.") || strings.Contains(draft, "[Note:") {
		t.Errorf("the decision taken again once quorate is still noted as inquorate:\n%s", draft)
	}
}
