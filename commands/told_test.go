package commands_test

import (
	"context"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/quorumhq/quorum/commands"
)

// wantTold checks that user, and no one else, was sent want by direct
// message since the outbox last ran: one message, or none when want is
// empty.
func wantTold(t *testing.T, k *kit, user string, want ...string) {
	t.Helper()
	sent := k.sent()
	for _, m := range sent {
		if m.Kind == commands.OutboxDM && m.UserID != user {
			t.Errorf("%s was sent a direct message: %s", m.UserID, shown(m.Reply))
		}
	}
	got := actDMs(sent, user)
	if len(want) == 0 {
		want = nil
	}
	if diff := cmp.Diff(got, want); diff != "" {
		t.Errorf("%s is told (-got +want):\n%s", user, diff)
	}
}

// wantEntered runs ian's line, which enters a record for whom: the reply
// shows each of shows, and whom alone is told told.
func wantEntered(t *testing.T, k *kit, line, whom, told string, shows ...string) {
	t.Helper()
	wantShown(t, k.say(ian, line), shows...)
	wantTold(t, k, whom, told)
}

// wantAgainUntold runs ian's line, entered for whom already: the reply
// says nothing changed, and no one is told of it.
func wantAgainUntold(t *testing.T, k *kit, whom, line string) {
	t.Helper()
	if r := k.say(ian, line); !strings.Contains(r, "nothing changed") || strings.Contains(r, "told") {
		t.Errorf("%s again: %q", line, r)
	}
	wantTold(t, k, whom)
}

// wantNoneTold runs user's line, which enters a record for someone not in
// Slack, who has nowhere to be told: the reply does not say they are.
func wantNoneTold(t *testing.T, k *kit, user, line string) {
	t.Helper()
	if r := k.say(user, line); strings.Contains(r, "told") {
		t.Errorf("someone not in Slack is said to be told: %s: %q", line, r)
	}
}

// TestApologiesEnteredForAMemberTellThem: apologies the officer sends,
// changes and withdraws for Neil are told to Neil by direct message, who
// did it, for which meeting, and how to undo it; the officer's reply says
// he is told. Neil's own apologies, the same apologies again, a refusal,
// and someone not in Slack tell no one.
func TestApologiesEnteredForAMemberTellThem(t *testing.T) {
	k := agendaKit(t)
	k.sent()
	wantEntered(t, k, "/apologies for <@UNEIL> Attending an incident", neil, "<@UIAN> recorded your apologies for the meeting of *Safer Sefton Together* on Thursday 10 December 2026, 10:00, Remote Meeting: Attending an incident.\n"+
		"If this is wrong, `/apologies withdraw 2026-12-10` in <#C1> withdraws them.",
		"Their history says you entered them.", "They are told by direct message.")

	k.must(ian, "/apologies for <@UNEIL> Court sub <@USUE|sue>")
	wantTold(t, k, neil, "<@UIAN> recorded your apologies for the meeting of *Safer Sefton Together* on Thursday 10 December 2026, 10:00, Remote Meeting: Court.\n"+
		"Substitute: <@USUE>\n"+
		"If this is wrong, `/apologies withdraw 2026-12-10` in <#C1> withdraws them.")

	wantAgainUntold(t, k, neil, "/apologies for <@UNEIL> Court sub <@USUE|sue>")

	wantEntered(t, k, "/apologies withdraw for <@UNEIL>", neil, "<@UIAN> withdrew your apologies for the meeting of *Safer Sefton Together* on Thursday 10 December 2026, 10:00, Remote Meeting: you are expected to attend. "+
		"If you cannot, `/apologies 2026-12-10 REASON` in <#C1> sends them again.",
		"Their history says you withdrew them. They are told by direct message.")

	k.must(neil, "/apologies Unwell")
	k.must(neil, "/apologies withdraw")
	wantTold(t, k, neil)

	intrRefused(t, k, graeme, "/apologies for <@UNEIL> Unwell", "Only an officer or the chair of Safer Sefton Together can send apologies for someone else.")
	intrRefused(t, k, ian, "/apologies withdraw for <@UNEIL>", "<@UNEIL> has no apologies standing")
	wantNoneTold(t, k, ian, `/apologies for "Jen Williams (NW Probation)" Leave`)
	wantTold(t, k, neil)
}

// TestDeclarationsEnteredForAMemberTellThem: a declaration the officer
// enters for Neil, and its withdrawal, are told to Neil; his own, the same
// one again and a refusal are not.
func TestDeclarationsEnteredForAMemberTellThem(t *testing.T) {
	k := agendaKit(t)
	k.sent()
	wantEntered(t, k, "/declare for <@UNEIL> 4 personal Wife works for Probation", neil, "<@UIAN> declared a personal interest for you in Item 4 (Integrated Offender Management (IOM) Refresh Strategy) at the meeting of *Safer Sefton Together* on Thursday 10 December 2026, 10:00, Remote Meeting.\n"+
		"Nature: Wife works for Probation\n"+
		"If this is wrong, `/declare withdraw 2026-12-10 4` in <#C1> withdraws it.",
		"entered by you. They are told by direct message.")

	wantAgainUntold(t, k, neil, "/declare for <@UNEIL> 4 personal Wife works for Probation")

	wantEntered(t, k, "/declare withdraw for <@UNEIL> 4", neil, "<@UIAN> withdrew your declaration of interest in Item 4 (Integrated Offender Management (IOM) Refresh Strategy) at the meeting of *Safer Sefton Together* on Thursday 10 December 2026, 10:00, Remote Meeting. "+
		"It stays on record, with who withdrew it. If it should stand, declare it again with `/declare 2026-12-10 4 KIND NATURE` in <#C1>.",
		"with this withdrawal by you. They are told by direct message.")

	k.must(neil, "/declare 7.5 personal Trustee of SWACA")
	k.must(neil, "/declare withdraw 7.5")
	intrRefused(t, k, graeme, "/declare for <@UNEIL> 4 personal Anything", "Only an officer or the chair of Safer Sefton Together can declare an interest for someone else.")
	intrRefused(t, k, ian, "/declare withdraw for <@UNEIL> 4", "<@UNEIL> has no declaration standing")
	wantTold(t, k, neil)
}

// TestRegisterEntriesForAMemberTellThem: an interest, a gift and a review
// of Sue's register entered by the officer are told to Sue; her own, an
// entry her register has already, and a refusal are not.
func TestRegisterEntriesForAMemberTellThem(t *testing.T) {
	k := agendaKit(t)
	k.sent()
	wantEntered(t, k, "/interests add <@USUE> other Trustee of Sefton Women's Aid", sue, "<@UIAN> added to your register of interests in *Safer Sefton Together*: _other registrable interest_: Trustee of Sefton Women's Aid\n"+
		"If this is wrong, `/interests` in <#C1> lists your entries by number, and `/interests remove NUMBER` ends one, keeping it on record.",
		"on behalf of <@USUE>", "keeping it on record. They are told by direct message.")

	intrRefused(t, k, ian, "/interests add <@USUE> other Trustee of Sefton Women's Aid", "<@USUE>'s register already has that")
	wantTold(t, k, sue)

	wantEntered(t, k, "/interests gift <@USUE> 2026-11-03 £75 Dinner at the Town Hall", sue, "<@UIAN> added to your register of interests in *Safer Sefton Together*: _gifts and hospitality_: Dinner at the Town Hall — £75, received Tuesday 3 November 2026\n"+
		"If this is wrong, `/interests` in <#C1> lists your entries by number, and `/interests remove NUMBER` ends one, keeping it on record.",
		"They are told by direct message.")

	wantEntered(t, k, "/interests review <@USUE>", sue, "<@UIAN> recorded a review of your register of interests in *Safer Sefton Together*: it is up to date as of Monday 23 November 2026 (2 entries). "+
		"If it is not, `/interests` in <#C1> lists your entries, and `/interests add` adds one.",
		"on behalf of <@USUE>", "They are told by direct message.")

	k.must(sue, "/interests add other Governor of Litherland High School")
	k.must(sue, "/interests gift 2026-11-04 £60 Lunch")
	k.must(sue, "/interests review")
	for _, line := range []string{"/interests add <@USUE> other Anything", "/interests gift <@USUE> 2026-11-03 £75 Dinner", "/interests review <@USUE>"} {
		intrRefused(t, k, neil, line, "Only an officer of Safer Sefton Together can change someone else's register.")
	}
	wantTold(t, k, sue)
}

// TestReportLinksForAMemberTellThem: a report link the officer attaches
// for Sue, and one replacing it, are told to Sue; the same link again and
// her own are not.
func TestReportLinksForAMemberTellThem(t *testing.T) {
	k := agendaKit(t)
	k.sent()
	wantEntered(t, k, "/report for <@USUE> 7.7 https://example.org/cvs.pdf", sue, "<@UIAN> attached a report for you to Item 7.7 (Sefton CVS) at the meeting of *Safer Sefton Together* on Thursday 10 December 2026, 10:00, Remote Meeting: <https://example.org/cvs.pdf|https://example.org/cvs.pdf>\n"+
		"If this is wrong, `/report remove 2026-12-10 7.7` in <#C1> removes it.",
		"Its history says you entered it. They are told by direct message.")

	wantAgainUntold(t, k, sue, "/report for <@USUE> 7.7 https://example.org/cvs.pdf")

	k.must(ian, "/report for <@USUE> 7.7 https://example.org/cvs-v2.pdf Sefton CVS update")
	wantTold(t, k, sue, "<@UIAN> attached a report for you to Item 7.7 (Sefton CVS) at the meeting of *Safer Sefton Together* on Thursday 10 December 2026, 10:00, Remote Meeting: <https://example.org/cvs-v2.pdf|Sefton CVS update> (example.org)\n"+
		"If this is wrong, `/report remove 2026-12-10 7.7` in <#C1> removes it.")

	k.must(sue, "/report 7.7 https://example.org/cvs-v3.pdf")
	wantTold(t, k, sue)
}

// TestEnteredForQueuesItsNotice: the message telling a member of a record
// entered for them is queued with the record, not after it: with a store
// that cannot queue a message by itself, each is still told.
func TestEnteredForQueuesItsNotice(t *testing.T) {
	k := agendaKit(t)
	k.sent()
	svc := commands.New(outboxAlone{k.db}, nil)
	for _, line := range []string{
		"/apologies for <@UNEIL> Unwell",
		"/apologies withdraw for <@UNEIL>",
		"/declare for <@UNEIL> 4 personal Wife works for Probation",
		"/declare withdraw for <@UNEIL> 4",
		"/interests add <@UNEIL> other Trustee of SWACA",
		"/interests gift <@UNEIL> 2026-11-03 £75 Dinner",
		"/interests review <@UNEIL>",
		"/report for <@UNEIL> 7.5 https://example.org/swaca.pdf",
	} {
		r, err := svc.Run(context.Background(), k.request(ian, line))
		if err != nil || r.Refused {
			t.Fatalf("%s: %v %s", line, err, shown(r))
		}
		if got := actDMs(k.sent(), neil); len(got) != 1 || !strings.HasPrefix(got[0], "<@UIAN> ") {
			t.Errorf("%s: Neil is told %q, want one message", line, got)
		}
	}
}

// TestActionMovedForItsOwnerTellsThem: an action the officer gives a new
// due date is told to its owner, with the date it had, as the other
// changes someone else makes to it are. The same date again, a done
// action, a refusal, the chair's own action and one owned by someone not
// in Slack tell no one.
func TestActionMovedForItsOwnerTellsThem(t *testing.T) {
	k, _ := actDay(t)
	k.must(ian, "/action add 9 <@UNEIL> 2027-01-10 Circulate the figures")
	k.must(ian, `/action add 9 "Jo Smith" 2027-01-10 Report back on the pilot`)
	k.must(ian, "/action add 9 <@USUE> 2027-01-10 Write to the police")
	k.sent()
	wantEntered(t, k, "/action move 1 2027-02-01", neil, "<@UIAN> re-dated your action 1 in *Safer Sefton Together*: Circulate the figures. It is now due Monday 1 February 2027 (it was due Sunday 10 January 2027). `/action history 1` in <#C1> keeps every date it was given.",
		"Action 1, <@UNEIL>'s, is now due Monday 1 February 2027 (it was due Sunday 10 January 2027). They are told by direct message.")

	wantShown(t, k.say(ian, "/action move 1 2027-02-01"), "Action 1 is already due Monday 1 February 2027; nothing was changed.")
	intrRefused(t, k, graeme, "/action move 1 2027-03-01", "Only an officer or the chair of Safer Sefton Together can re-date actions.")
	k.must(neil, "/action done 1")
	wantShown(t, k.say(ian, "/action move 1 2027-03-01"), "Action 1 is done; it is no longer due.")
	k.must(sue, "/action move 3 2027-02-01")
	wantNoneTold(t, k, ian, "/action move 2 2027-02-01")
	wantTold(t, k, neil)
}

// TestDispensationRecordedForAMemberTellsThem: a dispensation the officer
// records for Sue's declaration is told to Sue, who is then taken to stay
// in the room for the item; the same press again, a member's own, a
// refusal and someone not in Slack tell no one.
func TestDispensationRecordedForAMemberTellsThem(t *testing.T) {
	k := agendaKit(t)
	r := k.must(ian, "/declare for <@USUE> 7.7 pecuniary Spouse employed by Sefton CVS")
	k.sent()
	wantShown(t, shown(k.press(ian, r, "They hold a dispensation")),
		"Recorded: <@USUE> holds a dispensation for their disclosable pecuniary interest in Item 7.7, so may remain for it. Their history says you recorded it. They are told by direct message.")
	wantTold(t, k, sue, "<@UIAN> recorded that you hold a dispensation for your disclosable pecuniary interest in Item 7.7 at the meeting of *Safer Sefton Together* on Thursday 10 December 2026, 10:00, Remote Meeting, so you may remain for it.\n"+
		"Nature: Spouse employed by Sefton CVS\n"+
		"If you hold none, tell the officer: without one, you must withdraw from the meeting room for the whole of the item.")

	if got := shown(k.press(ian, r, "They hold a dispensation")); !strings.Contains(got, "nothing changed") || strings.Contains(got, "told") {
		t.Errorf("the dispensation again: %q", got)
	}
	own := k.must(graeme, "/declare 6 pecuniary Shares in a security firm")
	k.press(graeme, own, "I hold a dispensation")
	neils := k.must(neil, "/declare 7.5 pecuniary Paid trustee of SWACA")
	wantShown(t, shown(k.press(graeme, neils, "I hold a dispensation")), "That button belongs to someone else's declaration.")
	jen := k.must(ian, `/declare for "Jen Williams (NW Probation)" 4 pecuniary Paid adviser`)
	if got := shown(k.press(ian, jen, "They hold a dispensation")); strings.Contains(got, "told") {
		t.Errorf("someone not in Slack is said to be told: %q", got)
	}
	wantTold(t, k, sue)
}

// TestMinuteCommentForAMemberTellsThem: a correction the officer enters
// for Neil is told to Neil, whose it is when the minutes are confirmed;
// the same correction again, his own, a refusal and someone not in Slack
// tell no one.
func TestMinuteCommentForAMemberTellsThem(t *testing.T) {
	k := decDay(t)
	k.must(ian, "/resolve 7.7 That the report be noted.")
	k.sent()
	wantEntered(t, k, "/minutes comment for <@UNEIL> 9 The figures were for the last quarter.", neil, "<@UIAN> entered a correction for you to minute 9 of the meeting of *Safer Sefton Together* on Thursday 10 December 2026: “The figures were for the last quarter.”\n"+
		"The officer sees it as yours with the draft minutes. If it is not yours, tell the officer before the minutes are confirmed.",
		"The correction to minute 9 from <@UNEIL> is recorded; the officer sees it with the draft minutes. They are told by direct message.")

	wantAgainUntold(t, k, neil, "/minutes comment for <@UNEIL> 9 The figures were for the last quarter.")
	k.must(neil, "/minutes comment 9 Please name the presenter.")
	intrRefused(t, k, graeme, "/minutes comment for <@UNEIL> 9 The figures were wrong.", "Only an officer or the chair of Safer Sefton Together can enter a correction for someone else.")
	wantNoneTold(t, k, sue, `/minutes comment for "Jo Smith (Sefton CVS)" 9 Jo Smith presented the report.`)
	wantTold(t, k, neil)
}

// TestApologiesReceivedAtTheMeetingTellThem: apologies the officer
// records for Graeme at the meeting in progress, and their withdrawal
// there, are told to Graeme as apologies entered before it are, with how
// to take them back now that his own withdrawal is closed. The same
// apologies again, the chair's own, a refusal and someone not in Slack
// tell no one.
func TestApologiesReceivedAtTheMeetingTellThem(t *testing.T) {
	k := decDay(t)
	k.sent()
	wantEntered(t, k, "/attendance <@UGRAEME> apologies Called to an incident", graeme, "<@UIAN> recorded your apologies for the meeting of *Safer Sefton Together* on Thursday 10 December 2026, 10:00, Remote Meeting: Called to an incident.\n"+
		"They were received at the meeting, which is in progress: if you come after all, `/here` in <#C1> as you arrive marks you present and withdraws them.",
		"Their history says you entered them.", "They are told by direct message.")

	wantAgainUntold(t, k, graeme, "/attendance <@UGRAEME> apologies Called to an incident")

	wantEntered(t, k, "/attendance <@UGRAEME> apologies withdraw", graeme, "<@UIAN> withdrew your apologies for the meeting of *Safer Sefton Together* on Thursday 10 December 2026, 10:00, Remote Meeting, which is in progress: you are expected to attend. "+
		"If you cannot, tell the officer or the chair, who records them again.",
		"Their history says you withdrew them. They are told by direct message.")

	intrRefused(t, k, ian, "/attendance <@UGRAEME> apologies withdraw", "Graeme Robson (Merseyside Police) has no apologies standing for this meeting.")
	intrRefused(t, k, neil, "/attendance <@UGRAEME> apologies Unwell", "Only an officer or the chair of Safer Sefton Together can mark someone else.")
	k.must(sue, "/attendance <@USUE> apologies Unwell")
	wantNoneTold(t, k, ian, `/attendance "Jen Williams (NW Probation)" apologies Leave`)
	wantTold(t, k, graeme)

	// As the message says, coming after all takes them back.
	k.must(ian, "/attendance <@UGRAEME> apologies Called to an incident")
	wantShown(t, k.say(graeme, "/here"), "Your apologies for this meeting are withdrawn: you are here.")
}

// TestChangesForAMemberQueueTheirNotice: the messages telling a member of
// an action given them or re-dated, a dispensation, a correction to the minutes and
// apologies received or withdrawn at the meeting, each entered by someone
// else, are queued with the record: with a store that cannot queue a
// message by itself, each is still told.
func TestChangesForAMemberQueueTheirNotice(t *testing.T) {
	k, _ := actDay(t)
	k.must(ian, "/action add 9 <@UNEIL> 2027-01-10 Circulate the figures")
	declared := k.must(ian, "/declare for <@UNEIL> 7.5 pecuniary Paid trustee of SWACA")
	k.sent()
	svc := commands.New(outboxAlone{k.db}, nil)
	told := func(what string, r commands.Reply, err error) {
		t.Helper()
		if err != nil || r.Refused {
			t.Fatalf("%s: %v %s", what, err, shown(r))
		}
		if got := actDMs(k.sent(), neil); len(got) != 1 || !strings.HasPrefix(got[0], "<@UIAN> ") {
			t.Errorf("%s: Neil is told %q, want one message", what, got)
		}
	}
	for _, line := range []string{
		"/action add 9 <@UNEIL> 2027-01-10 Book the room",
		"/action move 1 2027-02-01",
		"/minutes comment for <@UNEIL> 9 The figures were for the last quarter.",
		"/attendance <@UNEIL> apologies Unwell",
		"/attendance <@UNEIL> apologies withdraw",
	} {
		r, err := svc.Run(context.Background(), k.request(ian, line))
		told(line, r, err)
	}
	b := declared.Buttons[0]
	r, err := svc.Act(context.Background(), k.request(ian, ""), b.Action, b.Value)
	told(b.Label, r, err)
}

// TestActionGivenToAMemberTellsThem: an action the officer or the chair
// records for a member, by command or with the form, is told to them,
// numbered as it is kept, as one given them by reassignment is; the same
// action again, the officer's own, one for someone not in Slack and a
// refusal tell no one.
func TestActionGivenToAMemberTellsThem(t *testing.T) {
	k, decision := actDay(t)
	wantEntered(t, k, "/action add 9 <@UNEIL> 2027-01-10 Circulate the figures", neil, "<@UIAN> gave you action 1 in *Safer Sefton Together*: Circulate the figures. — due Sunday 10 January 2027 (minute 9). Note progress on it with `/action note 1 NOTE`, and mark it done with `/action done 1 [NOTE]`, in <#C1>.",
		"Action 1 recorded under minute 9: <@UNEIL> — Circulate the figures, due Sunday 10 January 2027. Mark it done with `/action done 1`. They are told by direct message.")

	if got := k.say(ian, "/action add 9 <@UNEIL> 2027-01-10 Circulate the figures"); !strings.Contains(got, "on record already") || strings.Contains(got, "told") {
		t.Errorf("the same action again: %q", got)
	}
	k.must(ian, "/action add 9 <@UIAN> 2027-01-10 Write to the police")
	wantNoneTold(t, k, ian, `/action add 9 "Jo Smith" 2027-01-10 Report back on the pilot`)
	intrRefused(t, k, neil, "/action add 9 <@UGRAEME> 2027-01-10 Book the room", "Only an officer or the chair of Safer Sefton Together can record actions.")
	wantTold(t, k, neil)

	form := k.press(sue, decision, "Add an action").Form
	got, errs := k.submit(k.request(sue, ""), form, map[string]string{"owner": graeme, "due": "2027-01-10", "text": "Book the room"})
	if len(errs) != 0 {
		t.Fatalf("the form: %v", errs)
	}
	wantShown(t, got.Text, "Action 4 recorded under minute 9: <@UGRAEME> — Book the room, due Sunday 10 January 2027. Mark it done with `/action done 4`. They are told by direct message.")
	wantTold(t, k, graeme, "<@USUE> gave you action 4 in *Safer Sefton Together*: Book the room. — due Sunday 10 January 2027 (minute 9). Note progress on it with `/action note 4 NOTE`, and mark it done with `/action done 4 [NOTE]`, in <#C1>.")
}
