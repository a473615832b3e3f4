package commands_test

import (
	"context"
	"strings"
	"testing"
)

// urgentKit is meetingKit with Sue (Sefton CVS) in the chair and item 4
// on the agenda, which ends with Date of Next Meeting as item 5.
func urgentKit(t *testing.T) *kit {
	t.Helper()
	k := meetingKit(t)
	k.must(ian, "/committee member add <@USUE> Sefton CVS chair")
	k.must(ian, "/agenda add 4 Local Policing Update — Graeme Robson (Merseyside Police)")
	return k
}

const urgentLine = "/agenda urgent Flooding at Marsh Lane because the Environment Agency's flood warning came after the agenda was published"

// TestUrgentBusinessAtTheMeetingInProgress: an item not on the agenda is
// taken at the meeting in progress as urgent business, with the reason
// for it. The officer trying `/agenda add` is told how; a member may not
// add it; the chair is asked for the reason when it is missing. The item
// comes before Date of Next Meeting, is marked urgent on the posted
// agenda and the Home, is taken up, declared in and minuted like any
// other, its addition is in the agenda's history, and the draft minutes
// give the reason for the urgency.
func TestUrgentBusinessAtTheMeetingInProgress(t *testing.T) {
	k := urgentKit(t)
	k.svc.SetPublicURL("https://quorum.example.org/")
	k.must(ian, "/agenda post")
	k.sent()
	k.now = attAt(10, 9, 55)
	k.must(sue, "/meeting start")

	attRefused(k, ian, "/agenda add 10 Urgent business — flooding",
		"The meeting on Thursday 10 December 2026 is under way (opened at 09:55); its agenda cannot be changed, and nothing was changed. "+
			"An item not on the agenda that cannot wait is taken as urgent business: the chair or an officer adds it with `/agenda urgent TITLE because REASON`")
	attRefused(k, neil, urgentLine, "Only an officer or the chair of Safer Sefton Together can add urgent business.")
	attRefused(k, sue, "/agenda urgent Flooding at Marsh Lane",
		"Why can *Flooding at Marsh Lane* not wait for the next meeting? The minutes must give the reason the chair agreed to take it as urgent business: `/agenda urgent Flooding at Marsh Lane because REASON`.")

	k.now = attAt(10, 10, 5)
	r := k.must(sue, urgentLine)
	wantShown(t, shown(r), "Added item *5* Flooding at Marsh Lane to the agenda for Thursday 10 December 2026, 10:00, Remote Meeting as urgent business, "+
		"because the Environment Agency's flood warning came after the agenda was published. Date of Next Meeting is now item 6.",
		"`/meeting item 5`")
	agenda := k.say(neil, "/agenda")
	inOrder(t, agenda, "*4* Local Policing Update", "*5* Flooding at Marsh Lane · *urgent business*", "*6* Date of Next Meeting")
	var posted string
	for _, m := range k.sent() {
		if strings.HasPrefix(m.MessageKey, "agenda:") {
			posted = shown(m.Reply)
		}
	}
	wantShown(t, posted, "*5* Flooding at Marsh Lane · *urgent business*", "*6* Date of Next Meeting")
	wantShown(t, homeText(t, k, neil), "Urgent business: • Item 5 Flooding at Marsh Lane — taken as urgent business because the Environment Agency's flood warning came after the agenda was published.")

	wantShown(t, k.say(sue, "/meeting item 5"), "Item 5 (Flooding at Marsh Lane) is under discussion.")
	k.must(graeme, "/declare 5 personal Lives in Marsh Lane")
	k.must(ian, "/minute 5 The Committee noted the flood warning and the response under way.")
	wantShown(t, k.say(ian, "/history agenda"),
		"added as urgent business: Flooding at Marsh Lane (urgent because the Environment Agency's flood warning came after the agenda was published) _(entered by <@USUE>)_")

	k.now = attAt(10, 11, 0)
	k.must(sue, "/meeting close")
	r = k.must(ian, "/minutes draft 10 December 2026")
	draft := shown(r)
	inOrder(t, draft, "Graeme Robson declared a personal interest in Minute No. 5 (Flooding at Marsh Lane) as Lives in Marsh Lane.",
		"FLOODING AT MARSH LANE",
		"The Chair agreed to consider the following item as a matter of urgency, in accordance with Section 100B(4)(b) of the Local Government Act 1972, because the Environment Agency's flood warning came after the agenda was published.",
		"The Committee noted the flood warning and the response under way.",
		"DATE OF NEXT MEETING")
	// The printable page says it too.
	_, link, _ := strings.Cut(r.Footer, "Printable page: https://quorum.example.org/minutes/")
	link, _, _ = strings.Cut(link, " ")
	page, err := k.svc.MinutesPage(context.Background(), link, k.now)
	if err != nil {
		t.Fatal(err)
	}
	inOrder(t, string(page), "FLOODING AT MARSH LANE",
		"The Chair agreed to consider the following item as a matter of urgency, in accordance with Section 100B(4)(b) of the Local Government Act 1972, because the Environment Agency&#39;s flood warning came after the agenda was published.",
		"The Committee noted the flood warning")
}

// TestUrgentBusinessOnlyAtTheMeetingAtHand: urgent business is for the
// meeting in progress, or the day's before it opens; with none due
// today, or once the day's has closed, nothing is added and the officer
// is told where the item goes.
func TestUrgentBusinessOnlyAtTheMeetingAtHand(t *testing.T) {
	k := urgentKit(t)
	attRefused(k, ian, urgentLine,
		"No meeting of Safer Sefton Together is in progress or due today, and nothing was added: urgent business is taken at the meeting in progress, or added on its day before it opens. The next meeting is on Thursday 10 December 2026; add the item to its agenda with `/agenda add NUMBER TITLE`.")

	// On the day, before the meeting opens, even once its advertised
	// start has passed.
	k.now = attAt(10, 8, 0)
	wantShown(t, shown(k.must(ian, urgentLine)), "Added item *5* Flooding at Marsh Lane")
	k.now = attAt(10, 10, 10)
	wantShown(t, shown(k.must(ian, "/agenda urgent Road closures because the council's notice came this morning")),
		"Added item *6* Road closures", "Date of Next Meeting is now item 7.")
	k.now = attAt(10, 10, 15)
	k.must(sue, "/meeting start")
	// Date of Next Meeting taken up keeps its number: the item comes after it.
	k.must(sue, "/meeting item 7")
	wantShown(t, shown(k.must(sue, "/agenda urgent Storm damage because the storm was last night")), "Added item *8* Storm damage")
	inOrder(t, k.say(neil, "/agenda"), "*5* Flooding at Marsh Lane · *urgent business*", "*6* Road closures · *urgent business*",
		"*7* Date of Next Meeting", "*8* Storm damage · *urgent business*")
	k.now = attAt(10, 11, 0)
	k.must(sue, "/meeting close")
	attRefused(k, ian, "/agenda urgent Bridge repairs because the council's notice came today",
		"The meeting on Thursday 10 December 2026 has already taken place (closed at 11:00); urgent business is taken only while it sits, and nothing was added.")
	if agenda := k.say(ian, "/agenda 10 December 2026"); strings.Contains(agenda, "Bridge repairs") {
		t.Errorf("urgent business was added to the meeting closed:\n%s", agenda)
	}
}

// TestUrgentBusinessAfterTheClosingItemWasMinuted: Date of Next Meeting
// already minuted keeps its number, as one taken up does: its minute is
// filed under that number, and would otherwise read under the urgent item.
func TestUrgentBusinessAfterTheClosingItemWasMinuted(t *testing.T) {
	k := urgentKit(t)
	k.now = attAt(10, 10, 0)
	k.must(sue, "/meeting start")
	k.must(ian, "/minute 5 The next meeting will be held on 14 January 2027.")
	wantShown(t, shown(k.must(sue, urgentLine)), "Added item *6* Flooding at Marsh Lane")
	draft := k.say(ian, "/minutes draft")
	inOrder(t, draft, "DATE OF NEXT MEETING", "The next meeting will be held on 14 January 2027.", "FLOODING AT MARSH LANE")
}
