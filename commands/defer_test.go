package commands_test

import (
	"strings"
	"testing"
	"time"
)

// The command the officer is offered to put item 5, deferred on 10
// December, on the agenda of 14 January: its title carried, and the
// number Date of Next Meeting has, which moves on.
const addDeferred = "/agenda add 2027-01-14 4 Provision of Alternative Education Settings"

// deferredOnHome is what Ian's Home lists as deferred to the next meeting.
func deferredOnHome(k *kit) string {
	k.t.Helper()
	sec, _ := attSection(k, ian, "Deferred to the next meeting")
	return sec.Text
}

// TestDeferredItemReachesTheNextMeeting is the clerk's walk-through: an
// item deferred at the meeting is minuted so, and the next meeting,
// scheduled after, has it offered on its agenda and the officer's Home
// until the officer adds it with the command given.
func TestDeferredItemReachesTheNextMeeting(t *testing.T) {
	k := decDay(t)
	r := k.say(ian, "/minute defer 5 the report was not ready")
	wantShown(t, r, "Deferred to the next meeting: item 5, Provision of Alternative Education Settings. Minute 5 of the meeting on Thursday 10 December 2026, *draft — not yet confirmed*, records it.",
		"Consideration of this item was deferred to the next meeting. The report was not ready.",
		"No later meeting is scheduled yet: once one is, its agenda",
		"`/minute defer undo 5` undoes the deferral")
	wantShown(t, k.say(ian, "/minutes draft"), "Consideration of this item was deferred to the next meeting. The report was not ready.")
	k.must(sue, "/meeting close")

	k.must(ian, "/meeting schedule 14 January 2027 10:00")
	agenda := k.say(ian, "/agenda 14 January 2027")
	wantShown(t, agenda, "Deferred to this meeting, not yet on its agenda (officers)",
		"• Item 5, Provision of Alternative Education Settings, deferred at the meeting on Thursday 10 December 2026: the report was not ready\n",
		"Add it: `"+addDeferred+"` · Not coming back: `/minute defer dismiss 2026-12-10 5`")
	wantShown(t, k.say(ian, "/agenda"), "Deferred to this meeting, not yet on its agenda (officers)", addDeferred)
	wantNotShown(t, k.say(neil, "/agenda 14 January 2027"), "a member does not add items to the agenda", "Deferred to this meeting")
	wantNotShown(t, k.say(neil, "/agenda"), "a member does not add items to the agenda", "Deferred to this meeting")
	wantShown(t, deferredOnHome(k), "• Item 5, Provision of Alternative Education Settings, deferred at the meeting on Thursday 10 December 2026", addDeferred)

	wantShown(t, k.say(ian, addDeferred), "Provision of Alternative Education Settings")
	agenda = k.say(ian, "/agenda 14 January 2027")
	wantShown(t, agenda, "*4* Provision of Alternative Education Settings\n*5* Date of Next Meeting")
	wantNotShown(t, agenda, "the item is on the agenda now", "Deferred to this meeting")
	if sec := deferredOnHome(k); sec != "" {
		t.Errorf("the Home still offers the item added:\n%s", sec)
	}
}

// TestDeferredItemTellsTheNextMeetingAtOnce: with the next meeting
// scheduled, the officer is given the command that adds the item at the
// deferral, presenter and all.
func TestDeferredItemTellsTheNextMeetingAtOnce(t *testing.T) {
	k := decDay(t)
	k.must(ian, "/meeting schedule 14 January 2027 10:00")
	wantShown(t, k.say(ian, "/minute defer 4"),
		"Deferred to the next meeting: item 4, Integrated Offender Management (IOM) Refresh Strategy.",
		"To put it on the agenda of the next meeting, on Thursday 14 January 2027: `/agenda add 2027-01-14 4 Integrated Offender Management (IOM) Refresh Strategy — Jen Williams (NW Probation)`.")
	wantShown(t, k.say(ian, "/minutes draft"), "INTEGRATED OFFENDER MANAGEMENT (IOM) REFRESH STRATEGY\n\nConsideration of this item was deferred to the next meeting.")
}

// TestDeferralUndoneAndDismissed: a deferral undone puts the minute back
// as it was and the offer goes; one dismissed is offered no more, its
// minute unchanged; once the minutes are confirmed it cannot be undone.
func TestDeferralUndoneAndDismissed(t *testing.T) {
	k := decDay(t)
	k.must(ian, "/minute 5 The Board heard a short introduction.")
	wantShown(t, k.say(ian, "/minute defer 5"), "The Board heard a short introduction.\n\nConsideration of this item was deferred to the next meeting.")
	wantShown(t, k.say(ian, "/minute defer 5"), "Item 5 of the meeting on Thursday 10 December 2026 is deferred already; nothing changed.")
	wantShown(t, k.say(ian, "/minute defer undo 5"), "Item 5 of the meeting on Thursday 10 December 2026 is no longer deferred: minute 5 reads again as before the deferral")
	draft := k.say(ian, "/minutes draft")
	wantShown(t, draft, "The Board heard a short introduction.")
	wantNotShown(t, draft, "the deferral was undone", "deferred to the next meeting")
	wantShown(t, k.say(ian, "/minute defer undo 5"), "Item 5 of the meeting on Thursday 10 December 2026 is not deferred; nothing changed.")
	wantShown(t, k.say(ian, "/history minutes"), "Consideration of this item was deferred to the next meeting.")

	k.must(ian, "/minute defer 6 Awaiting the new inspector")
	k.must(sue, "/meeting close")
	k.must(ian, "/meeting schedule 14 January 2027 10:00")
	wantShown(t, k.say(ian, "/agenda 14 January 2027"), "Item 6, Local Policing Update — _Graeme Robson (Merseyside Police)_")
	wantShown(t, k.say(ian, "/minute defer dismiss 2026-12-10 6"), "Item 6, Local Policing Update, deferred at the meeting on Thursday 10 December 2026, is no longer offered for the next meeting's agenda.")
	wantNotShown(t, k.say(ian, "/agenda 14 January 2027"), "it was dismissed", "Deferred to this meeting")
	wantShown(t, k.say(ian, "/minute defer dismiss 2026-12-10 6"), "No item 6 deferred at the meeting on Thursday 10 December 2026 is waiting for an agenda; nothing changed.")
	wantShown(t, k.say(ian, "/minutes draft 2026-12-10"), "Consideration of this item was deferred to the next meeting. Awaiting the new inspector.")

	decComplete(k)
	k.must(ian, "/minutes approve 10/12/2026")
	// Confirmation is the reason given, before what the item holds, with
	// the way on: a correction at a later meeting.
	confirmed := "The minutes of the meeting on Thursday 10 December 2026 are confirmed as a correct record and can no longer be changed. A correction now is for the committee to make: an officer puts it on the next meeting's agenda (`/agenda add next NUMBER Correction to the minutes of 10 December 2026`) and minutes it there."
	wantShown(t, k.say(ian, "/minute defer undo 2026-12-10 6"), confirmed)
	wantShown(t, k.say(ian, "/minute defer 2026-12-10 4"), confirmed)
	wantShown(t, k.say(ian, "/minute defer 2026-12-10 7.7"), confirmed)
}

// TestDeferralRefused: an item not on the agenda, an item decided, a
// member who is not the officer or the chair, and a committee that has
// held no meeting are each refused, and nothing is written.
func TestDeferralRefused(t *testing.T) {
	k := meetingKit(t)
	attRefused(k, ian, "/minute defer 5", "has held no meeting yet")

	k = decDay(t)
	attRefused(k, ian, "/minute defer 99", "Item 99 is not on the agenda of the meeting on Thursday 10 December 2026.")
	attRefused(k, ian, "/minute defer", "Give the agenda item's number")
	attRefused(k, ian, "/minute defer soon", "`soon` is not an agenda item number")
	k.must(ian, "/resolve 6 That the update be noted.")
	attRefused(k, ian, "/minute defer 6", "Item 6 of the meeting on Thursday 10 December 2026 has a decision recorded (minute 6, RESOLVED: That the update be noted.); an item decided is not deferred. Nothing was saved.")
	attRefused(k, neil, "/minute defer 5", "Only an officer or the chair of Safer Sefton Together can defer agenda items.")
	attRefused(k, neil, "/minute defer dismiss 2026-12-10 5", "Only an officer of Safer Sefton Together can dismiss deferred items.")
	draft := k.say(ian, "/minutes draft")
	wantNotShown(t, draft, "nothing was deferred", "deferred to the next meeting")

	// The other way round: an item deferred is not decided at the same
	// meeting, for its minute would read both; undone, it is.
	k.must(ian, "/minute defer 5 The report was not ready.")
	attRefused(k, ian, "/resolve 5 That the settings be approved.",
		"Item 5 was deferred to the next meeting at the meeting on Thursday 10 December 2026; a deferred item is not decided there, and its minute would say both. Nothing was saved. If it was taken after all, `/minute defer undo 2026-12-10 5` takes the deferral back; then record the decision.")
	draft = k.say(ian, "/minutes draft")
	wantNotShown(t, draft, "That the settings be approved.")
	wantShown(t, draft, "Consideration of this item was deferred to the next meeting. The report was not ready.")
	// Nor by an amendment of its minute that gives it a decision.
	attRefused(k, ian, "/minutes amend 2026-12-10 5 RESOLVED: That the settings be approved.",
		"Item 5 was deferred to the next meeting at the meeting on Thursday 10 December 2026; a deferred item is not decided there")
	wantNotShown(t, k.say(ian, "/minutes draft"), "That the settings be approved.")
	k.must(ian, "/minute defer undo 5")
	wantShown(t, k.say(ian, "/resolve 5 That the settings be approved."), "Resolved under item 5")

	k.now = k.now.Add(time.Hour)
	help := k.say(ian, "/minute help")
	for _, usage := range []string{"/minute defer [DATE] ITEM [REASON]", "/minute defer undo [DATE] ITEM", "/minute defer dismiss [DATE] ITEM"} {
		if !strings.Contains(help, usage) {
			t.Errorf("/minute help does not give %q:\n%s", usage, help)
		}
	}
}
