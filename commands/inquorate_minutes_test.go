package commands_test

import (
	"strings"
	"testing"
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
}
