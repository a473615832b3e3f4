package commands_test

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"

	"github.com/quorumhq/quorum/commands"
)

// inquorateTold lists, sorted, who was sent the notice that the meeting
// is inquorate among msgs.
func inquorateTold(msgs []commands.OutboxMessage) []string {
	var told []string
	for _, m := range msgs {
		if m.Kind == commands.OutboxDM && m.Reply.Text != "" && slices.Contains([]string{ian, sue}, m.UserID) {
			told = append(told, m.UserID)
		}
	}
	slices.Sort(told)
	return told
}

// inquorateDay is attDay's meeting opened, with Sue, Graeme and Ann
// present: quorate, with a quorum of 3.
func inquorateDay(t *testing.T) *kit {
	k := attDay(t)
	k.must(sue, "/meeting start")
	for _, who := range []string{sue, graeme, attAnn} {
		k.must(who, "/here")
	}
	k.sent()
	return k
}

// TestInquorateNoticeQueuedWithTheMark: the departure that loses the
// quorum and the notice to the chair and the officer are saved together;
// nothing queued apart from the mark can lose the notice.
func TestInquorateNoticeQueuedWithTheMark(t *testing.T) {
	k := inquorateDay(t)
	svc := commands.New(outboxAlone{k.db}, nil)
	r, err := svc.Run(context.Background(), k.request(ian, "/attendance <@UGRAEME> left"))
	if err != nil {
		t.Fatal(err)
	}
	wantShown(t, shown(r), "Graeme Robson is marked as having left at 09:55. *Inquorate*: 2 present, quorum 3")
	if told := inquorateTold(k.sent()); !slices.Equal(told, []string{ian, sue}) {
		t.Errorf("told the meeting is inquorate: %v, want the officer and the chair", told)
	}
}

// TestInquorateAtOnce: people leaving and arriving at once, the chair and
// the officer are told once for each time the meeting went inquorate, as
// the log committed has it, and never for a departure the meeting stayed
// quorate after.
func TestInquorateAtOnce(t *testing.T) {
	k := inquorateDay(t)
	// Three of the four present, quorate: the fourth comes as the two
	// others leave, over and over. Whether the meeting lost the quorum
	// once or twice depends on which is saved first.
	three := []string{neil, graeme, attAnn}
	for round := range 9 {
		come := three[round%3]
		var wg sync.WaitGroup
		run := func(who, line string) {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if _, err := k.svc.Run(context.Background(), k.request(who, line)); err != nil {
					t.Errorf("%s: %v", line, err)
				}
			}()
		}
		run(come, "/here")
		for _, who := range three {
			if who != come {
				run(ian, fmt.Sprintf("/attendance <@%s> left", who))
			}
		}
		wg.Wait()
		for _, who := range three {
			k.must(who, "/here")
		}
		k.must(ian, fmt.Sprintf("/attendance <@%s> left", three[(round+1)%3]))
	}
	// The meeting in progress: no longer the next (that is the one after).
	var meetingID int64
	if err := k.db.SQL().QueryRow(`SELECT DISTINCT meeting_id FROM attendance_marks`).Scan(&meetingID); err != nil {
		t.Fatal(err)
	}
	log, err := k.db.AttendanceLog(context.Background(), meetingID)
	if err != nil {
		t.Fatal(err)
	}
	// The losses, as the log committed has them, one mark after another.
	rule := commands.QuorumRule{Fixed: 3}
	voters := []commands.Voter{{Key: neil, Voting: true}, {Key: graeme, Voting: true}, {Key: sue, Voting: true}, {Key: attAnn, Voting: true}}
	losses := 0
	for i := range log {
		before := commands.CountQuorum(rule, voters, commands.Standing(log[:i]), nil).Quorate()
		if before && !commands.CountQuorum(rule, voters, commands.Standing(log[:i+1]), nil).Quorate() {
			losses++
		}
	}
	told := inquorateTold(k.sent())
	if len(told) != 2*losses {
		t.Errorf("told %d times (%v) for %d losses of the quorum", len(told), told, losses)
	}
	t.Logf("%d losses", losses)
}
