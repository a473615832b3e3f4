package bot_test

import (
	"testing"
	"time"

	"github.com/quorumhq/quorum/internal/bottest"
)

// decisionsDay is meetingDay with the meeting opened by the chair and
// attendance marked, at 10:30.
func decisionsDay(t *testing.T) *bottest.Kit {
	t.Helper()
	k := newCommittee(t)
	meetingDay(t, k)
	wantText(t, k.Must(sue, "/meeting", "start"), "You opened the meeting")
	k.Must(sue, "/here", "")
	k.Must(ann, "/here", "")
	k.Must(graeme, "/here", "")
	k.Must(officer, "/here", "")
	k.SetNow(time.Date(2026, 12, 10, 10, 30, 0, 0, london))
	return k
}

// TestDecisionsRecordedAndFoundAtOnce: /resolve and /minute make an agenda
// item's minute, numbered through the agenda, and /resolution finds the
// decision at once, marked as a draft.
func TestDecisionsRecordedAndFoundAtOnce(t *testing.T) {
	k := decisionsDay(t)
	wantText(t, k.Must(officer, "/resolve", "7.7 That (1) the report be noted; (2) the figures be circulated to partners; and (3) a further report be submitted."),
		"Resolved under item 7.7: minute 5 of the meeting on Thursday 10 December 2026, *draft — not yet confirmed*.")
	wantText(t, k.Must(sue, "/minute", "7.7 The Board considered the report of the Chief Executive of Sefton CVS."), "Minuted under item 7.7: minute 5")
	r := k.Must(neil, "/resolution", "figures circulated partners")
	wantText(t, r, "Minute 5 — SEFTON CVS", "draft — not yet confirmed", "That (1) the report be noted")
	wantText(t, k.Must(neil, "/resolution", "5"), "draft — not yet confirmed", "the figures be circulated")

	// Bad input: a member, an item not on the agenda, no text.
	wantText(t, k.Must(neil, "/resolve", "7.7 That the report be noted."), "Only an officer or the chair of Safer Sefton Together can record decisions.")
	wantText(t, k.Must(officer, "/resolve", "9.9 That the report be noted."), "Item 9.9 is not on the agenda of the meeting on Thursday 10 December 2026.")
	wantText(t, k.Must(officer, "/resolve", "7.7"), "Give the agenda item's number and the text.", "Usage:")
	wantText(t, k.Must(officer, "/resolve", "seven That it be noted."), "is not an agenda item number", "Usage:")
}
