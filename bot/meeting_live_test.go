package bot_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/slack-go/slack"

	"github.com/quorumhq/quorum/bot"
	"github.com/quorumhq/quorum/bot/fakeslack"
	"github.com/quorumhq/quorum/commands"
	"github.com/quorumhq/quorum/internal/bottest"
	"github.com/quorumhq/quorum/storage/pgtest"
)

const (
	ann = "UANN"
	bob = "UBOB"
	jan = "UJAN"
)

// meetingDay is the committee with sue in the chair, ann and bob, a
// quorum of 3, the meeting of Thursday 10 December 2026 at 10:00 with item
// 7.7 on its agenda, and the clock at 09:55 that morning.
func meetingDay(t *testing.T, k *bottest.Kit) {
	t.Helper()
	for id, name := range map[string]string{sue: "Sue Holden", ann: "Ann Lee", bob: "Bob Dean", jan: "Jan Marlow"} {
		k.AddUser(id, name)
	}
	k.Must(officer, "/committee", "member add <@"+sue+"> Sefton CVS chair")
	k.Must(officer, "/committee", "member add <@"+ann+"> Sefton Council")
	k.Must(officer, "/committee", "member add <@"+bob+"> Sefton Council")
	k.Must(officer, "/meeting", "schedule 2026-12-10 10:00 Bootle Town Hall")
	k.Must(officer, "/agenda", "add 7.7 Sefton CVS — Sue Holden")
	wantText(t, k.Must(officer, "/committee", "quorum 3"), "The quorum of Safer Sefton Together is now 3 members: 3 of its 5 voting members now (officers do not vote).")
	wantText(t, k.Must(neil, "/committee", "quorum"), "The quorum of Safer Sefton Together is 3 members: 3 of its 5 voting members now (officers do not vote).")
	k.Must(neil, "/apologies", "Unwell")
	k.Must(bob, "/apologies", "Annual leave")
	k.SetNow(time.Date(2026, 12, 10, 9, 55, 0, 0, london))
}

// liveMessage is the one message in the channel: the live message.
func liveMessage(t *testing.T, k *bottest.Kit) fakeslack.Message {
	t.Helper()
	msgs := k.Slack.Messages(bottest.Channel)
	if len(msgs) != 1 {
		t.Fatalf("%d messages in the channel, want the live message alone", len(msgs))
	}
	return msgs[0]
}

// messageButtons lists the buttons of a posted message.
func messageButtons(t *testing.T, m fakeslack.Message) []*slack.ButtonBlockElement {
	t.Helper()
	var blocks slack.Blocks
	if err := json.Unmarshal([]byte(m.Blocks), &blocks); err != nil {
		t.Fatal(err)
	}
	var out []*slack.ButtonBlockElement
	for _, b := range blocks.BlockSet {
		if a, ok := b.(*slack.ActionBlock); ok {
			for _, e := range a.Elements.ElementSet {
				if btn, ok := e.(*slack.ButtonBlockElement); ok {
					out = append(out, btn)
				}
			}
		}
	}
	return out
}

func pressHere(t *testing.T, k *bottest.Kit, user string, btn *slack.ButtonBlockElement, want string) {
	t.Helper()
	hook := k.NewHook()
	status, _ := k.Interact(bottest.ButtonPayload(user, btn.ActionID, btn.Value, hook.URL()))
	if status != http.StatusOK {
		t.Fatalf("I'm here: status %d", status)
	}
	if got := hook.Last(); !strings.Contains(got, want) {
		t.Errorf("%s pressed I'm here: %q, want %q", user, got, want)
	}
}

func TestMeetingLive(t *testing.T) {
	k := newCommittee(t)
	meetingDay(t, k)

	wantText(t, k.Must(neil, "/meeting", "start"), "Only an officer or the chair of Safer Sefton Together can open the meeting.")
	wantText(t, k.Must(officer, "/meeting", "close"), "No meeting of Safer Sefton Together is in progress.")
	wantText(t, k.Must(officer, "/here", ""), "No meeting of Safer Sefton Together is in progress.")
	wantText(t, k.Must(sue, "/meeting", "start"), "You opened the meeting of *Safer Sefton Together* at 09:55.")
	wantText(t, k.Must(officer, "/meeting", "start"), "The meeting is already in progress: <@"+sue+"> opened it at 09:55.")
	k.Drain()
	live := liveMessage(t, k)
	wantShown(t, live, "Meeting in progress", "Bootle Town Hall", "Opened at 09:55.", "*Inquorate*: 0 present, quorum 3",
		"Neil Frackelton (SWACA)", "Bob Dean (Sefton Council)")
	btns := messageButtons(t, live)
	if len(btns) != 1 || btns[0].Text.Text != "I'm here" {
		t.Fatalf("live message buttons: %+v", btns)
	}
	here := btns[0]

	// Members press I'm here; the live message is edited in place.
	pressHere(t, k, sue, here, "You are marked present.")
	pressHere(t, k, graeme, here, "You are marked present.")
	pressHere(t, k, graeme, here, "You were marked present already.")
	pressHere(t, k, stranger, here, "You are not a member of Safer Sefton Together")
	wantText(t, k.Must(officer, "/here", ""), "You are marked in attendance.")
	// Neil had sent apologies; turning up clears them, with history.
	wantText(t, k.Must(neil, "/here", ""), "You are marked present. Your apologies for this meeting are withdrawn: you are here. Quorate: 3 present, quorum 3")
	wantText(t, k.Must(officer, "/apologies", "list"), "Bob Dean")
	if strings.Contains(k.Must(officer, "/apologies", "list").Text(), "Neil") {
		t.Error("Neil's apology still stands after he turned up")
	}
	wantText(t, k.Must(officer, "/history", "apologies"), "<@"+neil+"> withdrew their apologies: attended the meeting")
	updates := len(k.Slack.Calls("chat.update"))
	k.Drain()
	if got := len(k.Slack.Calls("chat.update")) - updates; got != 1 {
		t.Errorf("%d edits of the live message for five presses, want them coalesced into 1", got)
	}
	wantShown(t, liveMessage(t, k), "Quorate: 3 present, quorum 3", "Present (3)", "Sue Holden (Sefton CVS) (in the Chair)", "Graeme Robson (Merseyside Police)", "Ian Barton")

	// The officer marks others; members may not.
	wantText(t, k.Must(neil, "/attendance", "<@"+graeme+"> left"), "Only an officer or the chair of Safer Sefton Together can mark someone else.")
	wantText(t, k.Must(officer, "/attendance", "<@"+ann+"> late 25:00"), "25:00 is not a time", "Usage:")
	wantText(t, k.Must(officer, "/attendance", "<@"+stranger+"> present"), "is not a member of Safer Sefton Together", "/committee member add", "by name", "Usage:")
	k.SetNow(time.Date(2026, 12, 10, 10, 25, 0, 0, london))
	wantText(t, k.Must(officer, "/attendance", "<@"+ann+"> late 10:20"), "Ann Lee is marked present, arrived late at 10:20. Quorate: 4 present, quorum 3")
	wantText(t, k.Must(officer, "/attendance", "<@"+jan+"> substitute-for <@"+bob+">"), "Jan Marlow is marked present as substitute for Bob Dean. Quorate: 5 present, quorum 3")
	wantText(t, k.Must(officer, "/attendance", `"Jen Williams (NW Probation)" in-attendance`), "Jen Williams is marked in attendance.")

	// A declaration at the table, after the start time, and the item's quorum.
	k.SetNow(time.Date(2026, 12, 10, 10, 30, 0, 0, london))
	wantText(t, k.Must(sue, "/meeting", "item 7.7"), "Item 7.7 (Sefton CVS) is under discussion. Quorate: 5 present, quorum 3.")
	k.Drain()
	wantText(t, k.Must(sue, "/declare", "7.7 pecuniary Chief Executive of Sefton CVS"), "Recorded")
	wantText(t, k.Must(graeme, "/meeting", "status 7.7"), "Item 7.7: Quorate: 4 present, quorum 3. Sue Holden withdraws for it (disclosable pecuniary interest).",
		"Ann Lee (Sefton Council) — marked by Ian Barton", "Jen Williams (NW Probation) — marked by Ian Barton")
	// The declaration alone brings the live message up to date.
	k.Drain()
	wantShown(t, liveMessage(t, k), "Item 7.7: Quorate: 4 present, quorum 3. Sue Holden withdraws")
	wantShown(t, liveMessage(t, k), "Quorate: 5 present, quorum 3", "Item 7.7: Quorate: 4 present", "Jan Marlow for Bob Dean")

	// People leave; the meeting goes inquorate and the chair and the
	// officer are told once, not at each departure.
	k.SetNow(time.Date(2026, 12, 10, 11, 10, 0, 0, london))
	k.Must(officer, "/attendance", "<@"+graeme+"> left 11:05")
	k.Must(officer, "/attendance", "<@"+neil+"> left 11:06")
	wantText(t, k.Must(officer, "/attendance", "<@"+jan+"> left 11:07"), "*Inquorate*: 2 present, quorum 3")
	wantText(t, k.Must(officer, "/attendance", "<@"+ann+"> left 11:08"), "*Inquorate*: 1 present, quorum 3")
	k.Drain()
	for _, u := range []string{officer, sue} {
		// Sue was told before that she was made the chair.
		var dms []string
		for _, m := range k.Slack.Messages("D" + u) {
			if strings.Contains(m.Text, "inquorate") {
				dms = append(dms, m.Text)
			}
		}
		if len(dms) != 1 || !strings.Contains(dms[0], "is now *inquorate*") {
			t.Errorf("%s was told %d times of the lost quorum, want once: %q", u, len(dms), dms)
		}
	}
	if dms := k.Slack.Messages("D" + neil); len(dms) != 0 {
		t.Errorf("a member was told of the lost quorum: %+v", dms)
	}
	wantShown(t, liveMessage(t, k), "*Inquorate*: 1 present, quorum 3", "Graeme Robson at 11:05")

	// Close: the live message becomes the summary; the attendance
	// paragraphs are ready for the minutes.
	k.SetNow(time.Date(2026, 12, 10, 11, 30, 0, 0, london))
	wantText(t, k.Must(sue, "/meeting", "close"), "You closed the meeting of *Safer Sefton Together* at 11:30")
	wantText(t, k.Must(sue, "/meeting", "close"), "No meeting of Safer Sefton Together is in progress.")
	wantText(t, k.Must(sue, "/meeting", "start"), "was closed at 11:30; it cannot be opened again.")
	wantText(t, k.Must(neil, "/declare", "10/12/2026 7.7 personal Volunteer"), "already been held")
	k.Drain()
	closed := liveMessage(t, k)
	wantShown(t, closed, "Meeting closed", "Opened at 09:55, closed at 11:30.", "Present (5)")
	if strings.Contains(shown(t, closed), "I'm here") || len(messageButtons(t, closed)) != 0 {
		t.Error("the closed meeting's summary still offers I'm here")
	}
	wantText(t, k.Must(neil, "/meeting", "attendance"),
		"Present: Sue Holden (Sefton CVS) (in the Chair), Graeme Robson (Merseyside Police), Neil Frackelton (SWACA), Ann Lee (Sefton Council) and Jan Marlow.",
		"In attendance: Ian Barton", "and Jen Williams (NW Probation).",
		"Apologies for absence were received from Bob Dean (Sefton Council).",
		"Substitutes: Jan Marlow for Bob Dean.",
		"Ann Lee arrived at 10:20.",
		"Graeme Robson left the meeting at 11:05 during consideration of item 7.7.")
}

// TestTwoReplicasAtOnce runs two bots on one database, as two replicas
// behind a load balancer: both open the meeting at once, and a member
// presses I'm here on both at once. Each gets one answer, and one of each
// is recorded.
func TestTwoReplicasAtOnce(t *testing.T) {
	db := pgtest.New(t)
	k := bottest.NewWithDB(t, db)
	k.SetNow(now)
	k.AddUser(officer, "Ian Barton")
	k.SetupCommittee("Safer Sefton Together", officer, map[string]string{neil: "Neil Frackelton|SWACA", graeme: "Graeme Robson|Merseyside Police"})
	meetingDay(t, k)
	k2 := bottest.NewWithDB(t, db)
	k2.SetNow(k.Now())

	var wg sync.WaitGroup
	replies := make([]bottest.Reply, 2)
	for i, kit := range []*bottest.Kit{k, k2} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			replies[i] = kit.Command(officer, "/meeting", "start")
		}()
	}
	wg.Wait()
	opened := 0
	for _, r := range replies {
		switch {
		case strings.Contains(r.Text(), "You opened the meeting"):
			opened++
		case !strings.Contains(r.Text(), "already in progress"):
			t.Errorf("start on two replicas: %q", r.Text())
		}
	}
	if opened != 1 {
		t.Errorf("%d replicas say they opened the meeting, want 1", opened)
	}
	if n := rows(t, k, `SELECT count(*) FROM meeting_sessions WHERE action = 'opened'`); n != 1 {
		t.Errorf("%d opened rows, want 1", n)
	}
	for i, kit := range []*bottest.Kit{k, k2} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			replies[i] = kit.Command(graeme, "/here", "")
		}()
	}
	wg.Wait()
	for _, r := range replies {
		if !strings.Contains(r.Text(), "marked present") {
			t.Errorf("I'm here on two replicas: %q", r.Text())
		}
	}
	if n := rows(t, k, `SELECT count(*) FROM attendance_marks`); n != 1 {
		t.Errorf("%d attendance marks for two presses at once, want 1", n)
	}
	k.Drain()
	if n := len(k.Slack.Messages(bottest.Channel)); n != 1 {
		t.Errorf("%d live messages, want 1", n)
	}
}

// TestMeetingOnHome: a member's Home shows the meeting in progress with
// the I'm here button, and once they are marked, says so.
func TestMeetingOnHome(t *testing.T) {
	k := newCommittee(t)
	meetingDay(t, k)
	openHomes(t, k, graeme)
	k.Must(officer, "/meeting", "start")
	homeText(t, k, graeme, "Meeting in progress")
	hs := homesOf(k, graeme)
	if view := hs[len(hs)-1]; !strings.Contains(view, `"action_id":"meeting_here"`) {
		t.Errorf("the Home offers no I'm here button: %s", view)
	}
	id := strconv.Itoa(rows(t, k, `SELECT id FROM meetings`))
	hook := k.NewHook()
	if status, _ := k.Interact(bottest.ButtonPayload(graeme, "meeting_here", id, hook.URL())); status != http.StatusOK {
		t.Fatalf("I'm here from the Home: status %d", status)
	}
	homeText(t, k, graeme, "Meeting in progress — you are marked present")
}

// TestLiveMessageGolden renders the live message of a committee of 40
// members, most of them here, within Slack's limits.
func TestLiveMessageGolden(t *testing.T) {
	c := commands.Committee{ID: 1, Name: "Safer Sefton Together", TimeZone: "Europe/London"}
	start := time.Date(2026, 12, 10, 10, 0, 0, 0, london)
	m := commands.Meeting{ID: 7, StartsAt: start, Venue: "Bootle Town Hall"}
	var members []commands.Member
	var log []commands.AttendanceMark
	var apologies []commands.Apology
	for i := 1; i <= 40; i++ {
		id := fmt.Sprintf("U%02d", i)
		mem := commands.Member{UserID: id, Name: fmt.Sprintf("Councillor Member Number %02d", i), Organisation: "Sefton Council", Role: commands.RoleMember}
		if i == 1 {
			mem.Role = commands.RoleChair
		}
		members = append(members, mem)
		switch {
		case i <= 34:
			status := commands.AttendPresent
			if i%10 == 0 {
				status = commands.AttendRemote
			}
			log = append(log, commands.AttendanceMark{ID: int64(i), MemberKey: id, Seq: 1, UserID: id, Name: mem.Name, Organisation: mem.Organisation, Status: status, At: start.Add(time.Duration(i) * time.Minute)})
		default:
			apologies = append(apologies, commands.Apology{UserID: id, Name: mem.Name, Organisation: mem.Organisation})
		}
	}
	log = append(log, commands.AttendanceMark{ID: 41, MemberKey: "U05", Seq: 2, UserID: "U05", Name: "Councillor Member Number 05", Status: commands.AttendLeft, At: start.Add(90 * time.Minute)},
		commands.AttendanceMark{ID: 42, MemberKey: "name:jen williams", Seq: 1, Name: "Jen Williams", Organisation: "NW Probation", Status: commands.AttendInAttendance, At: start},
		commands.AttendanceMark{ID: 43, MemberKey: "U99", Seq: 1, UserID: "U99", Name: "Jan Marlow", Status: commands.AttendPresent, SubstituteFor: "U40", At: start})
	events := []commands.SessionEvent{{Seq: 1, Action: commands.ActionOpened, At: start, By: "U01"}, {Seq: 2, Action: commands.ActionItem, Item: "7.7", At: start.Add(time.Hour)}}
	decls := []commands.Declaration{{UserID: "U02", Name: "Councillor Member Number 02", Item: "7.7", Kind: commands.InterestPecuniary}}
	reply := commands.LiveReply(c, m, events, log, nil, members, nil, apologies, decls, commands.QuorumRule{Numerator: 1, Denominator: 4, Minimum: 3})
	msg := bot.Message(reply)
	if len(msg.Blocks) > 50 {
		t.Errorf("%d blocks; Slack allows 50", len(msg.Blocks))
	}
	got, err := json.MarshalIndent(msg, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	var blocks struct {
		Blocks []struct {
			Text struct{ Text string } `json:"text"`
		} `json:"blocks"`
	}
	_ = json.Unmarshal(got, &blocks)
	for _, b := range blocks.Blocks {
		if len(b.Text.Text) > 3000 {
			t.Errorf("a section holds %d characters; Slack allows 3000", len(b.Text.Text))
		}
	}
	if !strings.Contains(string(got), "Quorate: 34 present, quorum 10") || !strings.Contains(string(got), "Item 7.7: Quorate: 33 present, quorum 10. Councillor Member Number 02 withdraws") {
		t.Errorf("quorum lines missing from:\n%s", got)
	}
	golden(t, "meeting-live-40", got)
}

// TestQuorumRuleAndVoting: a fraction of the voting members, with a
// minimum; non-voting members and officers do not count.
func TestQuorumRuleAndVoting(t *testing.T) {
	k := newCommittee(t)
	k.AddUser(ann, "Ann Lee")
	wantText(t, k.Must(neil, "/committee", "quorum"), "has no quorum set")
	wantText(t, k.Must(neil, "/committee", "quorum 3"), "Only an officer of Safer Sefton Together can set the quorum.")
	wantText(t, k.Must(officer, "/committee", "quorum 3/2"), "3/2 is not a fraction of the members", "Usage:")
	wantText(t, k.Must(officer, "/committee", "member add <@"+ann+"> Sefton Council non-voting"), "They do not vote, and do not count to the quorum.")
	wantText(t, k.Must(officer, "/committee", "quorum 1/2 min 3"), "1/2 of the voting members, rounded up, and at least 3")
	// Neil and Graeme vote; Ann does not, nor does the officer.
	wantText(t, k.Must(officer, "/committee", "quorum"), "3 of its 2 voting members now")
	wantText(t, k.Must(officer, "/committee", "quorum 1/2"), "1/2 of the voting members, rounded up: 1 of its 2 voting members now")
	wantText(t, k.Must(officer, "/committee", "quorum"), "1 of its 2 voting members now")
	wantText(t, k.Must(officer, "/committee", "member add <@"+ann+"> Sefton Council"), "They vote, and count to the quorum.")
	wantText(t, k.Must(officer, "/committee", "quorum"), "2 of its 3 voting members now")
}

// TestSubstituteNamedInApology: the substitute a member named in their
// apology presses I'm here and counts for them; someone else who is no
// member is refused.
func TestSubstituteNamedInApology(t *testing.T) {
	k := newCommittee(t)
	meetingDay(t, k)
	day := k.Now()
	k.SetNow(now)
	k.Must(bob, "/apologies", "Annual leave sub <@"+jan+">")
	k.SetNow(day)
	k.Must(officer, "/meeting", "start")
	wantText(t, k.Must(stranger, "/here", ""), "You are not a member of Safer Sefton Together, so I cannot mark you here.")
	wantText(t, k.Must(jan, "/here", ""), "You are marked present as substitute for Bob Dean. *Inquorate*: 1 present, quorum 3")
	wantText(t, k.Must(officer, "/meeting", "status"), "Jan Marlow for Bob Dean")
}

// TestAttendanceOverAYear: two meetings taken from start to close, and
// the statistics every council publishes.
func TestAttendanceOverAYear(t *testing.T) {
	k := newCommittee(t)
	meetingDay(t, k)
	day := k.Now()
	k.SetNow(now)
	k.Must(officer, "/meeting", "schedule 2026-12-17 10:00 Bootle Town Hall")
	k.SetNow(day)
	if _, err := k.DB.SQL().Exec(`UPDATE members SET added_at = '2020-01-01'`); err != nil {
		t.Fatal(err)
	}
	wantText(t, k.Must(officer, "/committee", "attendance"), "No meeting of Safer Sefton Together held in 2026 has attendance recorded.")

	k.Must(officer, "/meeting", "start")
	k.Must(sue, "/here", "")
	k.Must(graeme, "/here", "")
	k.Must(neil, "/here", "remote")
	k.Must(officer, "/attendance", "<@"+jan+"> substitute-for <@"+bob+">")
	k.Must(officer, "/meeting", "close")

	k.SetNow(time.Date(2026, 12, 16, 12, 0, 0, 0, london))
	k.Must(neil, "/apologies", "Away")
	k.SetNow(time.Date(2026, 12, 17, 9, 58, 0, 0, london))
	k.Must(sue, "/meeting", "start")
	k.Must(sue, "/here", "")
	k.Must(ann, "/here", "")
	k.Must(sue, "/meeting", "close")

	wantText(t, k.Must(neil, "/committee", "attendance"), "Only an officer of Safer Sefton Together can see the attendance statistics.")
	wantText(t, k.Must(officer, "/committee", "attendance 20x6"), "20x6 is not a year")
	wantText(t, k.Must(officer, "/committee", "attendance 2026"),
		"*Attendance at Safer Sefton Together in 2026* (2 meetings with attendance taken",
		"• Sue Holden (Sefton CVS): expected 2, attended 2, by substitute 0, apologies 0, absent 0 — *100%*",
		"• Neil Frackelton (SWACA): expected 2, attended 1 (1 remotely), by substitute 0, apologies 1, absent 0 — *50%*",
		"• Graeme Robson (Merseyside Police): expected 2, attended 1, by substitute 0, apologies 0, absent 1 — *50%*",
		"• Ann Lee (Sefton Council): expected 2, attended 1, by substitute 0, apologies 0, absent 1 — *50%*",
		"• Bob Dean (Sefton Council): expected 2, attended 0, by substitute 1, apologies 0, absent 1 — *0%*")
	if strings.Contains(k.Must(officer, "/committee", "attendance").Text(), "Ian Barton") {
		t.Error("the officer, who does not vote, is in the statistics")
	}
}

// TestAdjournAndResume: each is recorded and shown; out of turn, each says
// why not.
func TestAdjournAndResume(t *testing.T) {
	k := newCommittee(t)
	meetingDay(t, k)
	wantText(t, k.Must(sue, "/meeting", "adjourn"), "No meeting of Safer Sefton Together is in progress.")
	k.Must(sue, "/meeting", "start")
	wantText(t, k.Must(sue, "/meeting", "resume"), "The meeting is in progress, not adjourned (opened at 09:55), so there is nothing to resume")
	wantText(t, k.Must(neil, "/meeting", "adjourn"), "Only an officer or the chair of Safer Sefton Together can adjourn the meeting.")
	k.SetNow(time.Date(2026, 12, 10, 11, 0, 0, 0, london))
	r := k.Must(sue, "/meeting", "adjourn")
	wantText(t, r, "The meeting of *Safer Sefton Together* was adjourned at 11:00.")
	if !r.Public() {
		t.Error("the adjournment is not announced in the channel")
	}
	wantText(t, k.Must(sue, "/meeting", "adjourn"), "The meeting is already adjourned (since 11:00): `/meeting resume` resumes it.")
	wantText(t, k.Must(sue, "/meeting", "item 7.7"), "The meeting is adjourned")
	wantText(t, k.Must(sue, "/meeting", "item 99"), "99")
	k.Drain()
	wantShown(t, liveMessage(t, k), "Meeting adjourned", "Opened at 09:55; adjourned.")
	k.SetNow(time.Date(2026, 12, 10, 11, 15, 0, 0, london))
	wantText(t, k.Must(sue, "/meeting", "resume"), "The meeting of *Safer Sefton Together* resumed at 11:15.")
	wantText(t, k.Must(graeme, "/here", ""), "You are marked present.")
	k.Drain()
	wantShown(t, liveMessage(t, k), "Meeting in progress", "Graeme Robson")
	if n := rows(t, k, `SELECT count(*) FROM meeting_sessions WHERE action IN ('adjourned', 'resumed')`); n != 2 {
		t.Errorf("%d adjournments and resumptions recorded, want 2", n)
	}
}

// TestMeetingLeftOpen: a meeting nobody closed does not take the
// declarations meant for the next.
func TestMeetingLeftOpen(t *testing.T) {
	k := newCommittee(t)
	meetingDay(t, k)
	k.Must(officer, "/meeting", "start")
	k.SetNow(time.Date(2026, 12, 10, 12, 0, 0, 0, london))
	wantText(t, k.Must(neil, "/declare", "7.7 personal Volunteer"), "Recorded")
	k.SetNow(now)
	k.Must(officer, "/meeting", "schedule 2027-01-14 10:00")
	k.Must(officer, "/agenda", "add 3 Minutes")
	k.SetNow(time.Date(2027, 1, 5, 12, 0, 0, 0, london))
	wantText(t, k.Must(neil, "/declare", "3 personal Volunteer"), "Recorded", "14 January 2027")
	if n := rows(t, k, `SELECT count(*) FROM declarations d JOIN meetings m ON m.id = d.meeting_id WHERE m.starts_at > '2027-01-01'`); n != 1 {
		t.Errorf("%d declarations for the January meeting, want 1", n)
	}
}
