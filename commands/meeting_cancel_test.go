package commands_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/quorumhq/quorum/commands"
	"github.com/quorumhq/quorum/storage"
)

// raced is what became of an opening and a cancelling sent at once.
type raced struct {
	start, cancel       commands.Reply
	startErr, cancelErr error
	opened, cancelled   bool
}

// runAsync sends line as user on its own goroutine; the answer comes on the
// channel returned.
func (k *kit) runAsync(user, line string) <-chan result {
	out := make(chan result, 1)
	r := k.request(user, line)
	go func() {
		reply, err := k.svc.Run(context.Background(), r)
		out <- result{reply, err}
	}()
	return out
}

type result struct {
	reply commands.Reply
	err   error
}

// whileHeld sends each command at once, as the user paired with it,
// while another transaction holds what lock takes (a statement given
// meeting id): it waits until every one is waiting for the lock, then lets
// it go and returns the answers in the order sent.
func whileHeld(k *kit, what, lock string, id int64, sends [][2]string) []result {
	k.t.Helper()
	return whileHeldMeanwhile(k, what, lock, id, sends, nil)
}

// whileHeldMeanwhile is whileHeld that, once every command is waiting for
// the lock and before it is let go, runs meanwhile (when not nil): what
// does not wait for that lock, done while the commands wait.
func whileHeldMeanwhile(k *kit, what, lock string, id int64, sends [][2]string, meanwhile func()) []result {
	k.t.Helper()
	hold, err := k.db.SQL().Begin()
	if err != nil {
		k.t.Fatal(err)
	}
	defer hold.Rollback()
	if _, err := hold.Exec(lock, id); err != nil {
		k.t.Fatal(err)
	}
	var sent []<-chan result
	for _, s := range sends {
		sent = append(sent, k.runAsync(s[0], s[1]))
	}
	if !waitFor(func() bool { return lockWaiters(k) >= len(sends) }) {
		k.t.Fatalf("the commands never waited for %s", what)
	}
	if meanwhile != nil {
		meanwhile()
	}
	if err := hold.Rollback(); err != nil {
		k.t.Fatal(err)
	}
	out := make([]result, len(sends))
	for i, c := range sent {
		out[i] = <-c
	}
	return out
}

// oneDoneOneRefused checks that of two commands sent at once, one was
// done (its reply holding done) and the other refused with refusal, as
// it would be sent after the first.
func oneDoneOneRefused(t *testing.T, rs []result, done, refusal string) {
	t.Helper()
	did, refused := 0, 0
	for _, r := range rs {
		switch {
		case r.err != nil:
			t.Fatalf("error: %v", r.err)
		case r.reply.Refused:
			refused++
			wantShown(t, shown(r.reply), refusal)
		case strings.Contains(r.reply.Text, done):
			did++
		default:
			t.Errorf("unexpected answer: %s", shown(r.reply))
		}
	}
	if did != 1 || refused != 1 {
		t.Errorf("%d done and %d refused, want one of each", did, refused)
	}
}

// lockWaiters counts the statements waiting for a lock.
func lockWaiters(k *kit) int {
	k.t.Helper()
	var n int
	if err := k.db.SQL().QueryRow(`SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`).Scan(&n); err != nil {
		k.t.Fatal(err)
	}
	return n
}

// waitFor polls ok for up to 15 seconds, and says whether it held.
func waitFor(ok func() bool) bool {
	for range 750 {
		if ok() {
			return true
		}
		time.Sleep(20 * time.Millisecond)
	}
	return false
}

// outcome reads what the records say of meeting id after a race.
func outcome(k *kit, id int64, start, cancel result) raced {
	k.t.Helper()
	ctx := context.Background()
	events, err := k.db.Sessions(ctx, id)
	if err != nil {
		k.t.Fatal(err)
	}
	m, err := k.db.Meeting(ctx, id)
	if err != nil {
		k.t.Fatal(err)
	}
	return raced{start: start.reply, cancel: cancel.reply, startErr: start.err, cancelErr: cancel.err,
		opened: len(events) > 0, cancelled: m.Status == commands.MeetingCancelled}
}

// check fails the test unless the meeting was either cancelled and not
// opened, the opening refused because it was cancelled, or opened, the
// cancelling refused because it is under way.
func (r raced) check(t *testing.T) {
	t.Helper()
	if r.startErr != nil || r.cancelErr != nil {
		t.Fatalf("errors: start %v, cancel %v", r.startErr, r.cancelErr)
	}
	switch {
	case r.opened && r.cancelled:
		t.Errorf("the meeting was both opened and cancelled:\nstart: %s\ncancel: %s", shown(r.start), shown(r.cancel))
	case r.opened:
		if !r.cancel.Refused || !strings.Contains(shown(r.cancel), "is under way (opened at") || !strings.Contains(shown(r.cancel), "it cannot be cancelled") {
			t.Errorf("opened, but the cancelling said: %s", shown(r.cancel))
		}
	case r.cancelled:
		if s := shown(r.start); !r.start.Refused || !strings.Contains(s, "was cancelled, so it cannot be opened") && !strings.Contains(s, "has no meeting today") {
			t.Errorf("cancelled, but the opening said: %s", s)
		}
	default:
		t.Errorf("neither opened nor cancelled:\nstart: %s\ncancel: %s", shown(r.start), shown(r.cancel))
	}
}

// whileOpening opens meeting id (sue's /meeting start) and, while the
// opening is held in its transaction, its entry in the log written and not
// committed (another writer holds the live message's key), sends line as
// user; it then lets the opening go and returns both answers.
func whileOpening(k *kit, id int64, user, line string) (start, other result) {
	k.t.Helper()
	return whileOpeningDo(k, id, func() <-chan result { return k.sendAsync(user, line, id) })
}

// whileOpeningDo is whileOpening for what send sends.
func whileOpeningDo(k *kit, id int64, send func() <-chan result) (start, other result) {
	k.t.Helper()
	hold, err := k.db.SQL().Begin()
	if err != nil {
		k.t.Fatal(err)
	}
	defer hold.Rollback()
	if _, err := hold.Exec(`INSERT INTO outbox (kind, channel_id, message_key, dedupe_key, payload) VALUES ('post', $1, $2, $2, '{}')`,
		channel, commands.LiveKey(id)); err != nil {
		k.t.Fatal(err)
	}
	opening := k.runAsync(sue, "/meeting start")
	if !waitFor(func() bool { return lockWaiters(k) >= 1 }) {
		k.t.Fatal("the opening never waited")
	}
	sent := send()
	var answered *result
	waitFor(func() bool {
		select {
		case r := <-sent:
			answered = &r
			return true
		default:
			return lockWaiters(k) >= 2
		}
	})
	if err := hold.Rollback(); err != nil {
		k.t.Fatal(err)
	}
	if answered == nil {
		r := <-sent
		answered = &r
	}
	return <-opening, *answered
}

// TestMeetingCancelledAsItOpensIsOneOrTheOther: the cancelling sent while
// the meeting is being opened waits for the opening and is refused, saying
// why; it never cancels a meeting that is then opened.
func TestMeetingCancelledAsItOpensIsOneOrTheOther(t *testing.T) {
	k := attDay(t)
	id := k.next().ID
	start, cancel := whileOpening(k, id, ian, "/meeting cancel 10 December")
	r := outcome(k, id, start, cancel)
	r.check(t)
	if !r.opened {
		t.Errorf("the opening, begun first, did not stand: %s", shown(r.start))
	}
}

// TestMeetingCancelAndStartAtOnce sends the two at once, day after day:
// each time, one of them is carried out and the other refused, saying why.
func TestMeetingCancelAndStartAtOnce(t *testing.T) {
	k := attDay(t)
	k.now = now
	for day := 11; day <= 22; day++ {
		k.must(ian, fmt.Sprintf("/meeting schedule 2026-12-%d 10:00 Remote Meeting", day))
	}
	for day := 11; day <= 22; day++ {
		k.now = attAt(day, 9, 55)
		id := k.next().ID
		var start, cancel <-chan result
		if day%2 == 0 {
			start, cancel = k.runAsync(sue, "/meeting start"), k.runAsync(ian, fmt.Sprintf("/meeting cancel %d December", day))
		} else {
			cancel, start = k.runAsync(ian, fmt.Sprintf("/meeting cancel %d December", day)), k.runAsync(sue, "/meeting start")
		}
		s, c := <-start, <-cancel
		t.Run(fmt.Sprint(day), outcome(k, id, s, c).check)
	}
}

// TestMeetingMovedAsItOpensIsRefused: a move sent while the meeting is
// being opened waits for the opening and is refused, saying why; a
// meeting under way is never moved to another day.
func TestMeetingMovedAsItOpensIsRefused(t *testing.T) {
	k := attDay(t)
	m := k.next()
	start, moved := whileOpening(k, m.ID, ian, "/meeting move 10 December 17 December")
	if start.err != nil || start.reply.Refused {
		t.Fatalf("the opening, begun first: %v %s", start.err, shown(start.reply))
	}
	if moved.err != nil {
		t.Fatal(moved.err)
	}
	if s := shown(moved.reply); !moved.reply.Refused || !strings.Contains(s, "is under way (opened at") {
		t.Errorf("the meeting opened, but the move said: %s", s)
	}
	after, err := k.db.Meeting(context.Background(), m.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !after.StartsAt.Equal(m.StartsAt) {
		t.Errorf("the meeting under way was moved from %s to %s", m.StartsAt, after.StartsAt)
	}
}

// apologyRace is apologies sent, or withdrawn, as the meeting is opened
// or closed: by whom, the line, what the reply says when refused and
// when done, and the person whose apologies they are.
type apologyRace struct {
	name, user, line string
	refusal, done    string
	key, listed      string // the person's member key, and how the attendance lists them
	stands           bool   // done, their apologies stand
}

// apologyRaces are apologies sent each way there is, the first two
// through one statement, the others the long way, and withdrawn.
var apologyRaces = []apologyRace{
	{"sent", attAnn, "/apologies Delayed", "apologies for it are closed", "Your apologies for the meeting", attAnn, "Ann (Sefton Council)", true},
	{"home", attAnn, homeSend, "apologies for it are closed", "Your apologies for the meeting", attAnn, "Ann (Sefton Council)", true},
	{"dated", attAnn, "/apologies 10/12/2026 Delayed", "apologies for it are closed", "Your apologies for the meeting", attAnn, "Ann (Sefton Council)", true},
	{"substitute", attAnn, "/apologies Delayed sub <@UGRAEME>", "apologies for it are closed", "Your apologies for the meeting", attAnn, "Ann (Sefton Council)", true},
	{"for", ian, "/apologies for <@UANN> Delayed", "apologies for it are closed", "The apologies of", attAnn, "Ann (Sefton Council)", true},
	{"withdrawn", neil, "/apologies withdraw", "its apologies can no longer be withdrawn", "are withdrawn", neil, "Neil Frackelton (SWACA)", false},
}

// check fails the test unless what became of the apologies, sent as the
// meeting opened (other), is one of the two outcomes that agree with the
// opening: done, and shown by the live message as it now stands in the
// channel, or refused as once the meeting is open, the records as they
// were. openedFirst says the opening was answered while the apologies
// were still held back: done after it, they would not have been.
func (c apologyRace) check(t *testing.T, k *kit, id int64, start, other result, openedFirst bool) {
	t.Helper()
	if start.err != nil || start.reply.Refused {
		t.Fatalf("the opening: %v %s", start.err, shown(start.reply))
	}
	if other.err != nil {
		t.Fatalf("%s: %v", c.line, other.err)
	}
	stands := apologyStands(k, id, c.key)
	live, listed := liveApologies(k, id, c.listed)
	switch {
	case other.reply.Refused:
		wantShown(t, shown(other.reply), "is under way (opened at 09:55)", c.refusal)
		if stands == c.stands {
			t.Errorf("%s was refused, but the records changed", c.line)
		}
	case strings.Contains(shown(other.reply), c.done):
		if openedFirst {
			t.Errorf("%s was done after the meeting opened: %s", c.line, shown(other.reply))
		}
		if stands != c.stands {
			t.Errorf("%s was done, but the records did not change", c.line)
		}
	default:
		t.Fatalf("%s: unexpected answer: %s", c.line, shown(other.reply))
	}
	if listed != stands {
		t.Errorf("after %s, the live message lists %s among the apologies: %t; their apologies stand: %t\n%s", c.line, c.listed, listed, stands, shown(live))
	}
}

// TestApologiesAsTheMeetingOpens: apologies sent or withdrawn while the
// meeting is being opened, its opening written and not yet committed,
// are either part of what the live message shows or refused as they are
// once it is open: never recorded beside an opening that did not have
// them.
func TestApologiesAsTheMeetingOpens(t *testing.T) {
	for _, c := range apologyRaces {
		t.Run(c.name, func(t *testing.T) {
			k := attDay(t)
			id := k.next().ID
			start, other := whileOpening(k, id, c.user, c.line)
			c.check(t, k, id, start, other, false)
		})
	}
}

// TestMeetingOpensAsApologiesAreSent: the meeting opened while apologies
// are being sent or withdrawn, their statement under way and held back
// (another writer holds the apology's row), waits for them and shows
// them, or, opened first, has them refused.
func TestMeetingOpensAsApologiesAreSent(t *testing.T) {
	for _, c := range apologyRaces {
		t.Run(c.name, func(t *testing.T) {
			k := attDay(t)
			id := k.next().ID
			hold := `INSERT INTO apologies (meeting_id, member_key, user_id, name) VALUES ($1, $2, $2, 'held')`
			if !c.stands {
				hold = `SELECT id FROM apologies WHERE meeting_id = $1 AND member_key = $2 FOR UPDATE`
			}
			other, start, otherFirst := whileWriting(k, hold, []any{id, c.key}, c.user, c.line, sue, "/meeting start")
			c.check(t, k, id, start, other, !otherFirst)
		})
	}
}

// TestApologiesAtTheMeetingAsItCloses: apologies received at the
// meeting, or withdrawn there, while it is being closed, are received or
// withdrawn before it closed, and its record says so, or refused because
// it has closed.
func TestApologiesAtTheMeetingAsItCloses(t *testing.T) {
	for _, c := range []struct {
		name, line, done string
		key, listed      string
		stands           bool // done, their apologies stand
	}{
		{"received", "/attendance <@UANN> apologies Delayed", "The apologies of <@UANN> for the meeting", attAnn, "Ann (Sefton Council)", true},
		{"withdrawn", "/attendance <@UNEIL> apologies withdraw", "The apologies of <@UNEIL> for the meeting", neil, "Neil Frackelton (SWACA)", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			k := attDay(t)
			id := k.next().ID
			k.must(sue, "/meeting start")
			k.now = attAt(10, 11, 30)
			hold := `INSERT INTO apologies (meeting_id, member_key, user_id, name) VALUES ($1, $2, $2, 'held')`
			if !c.stands {
				hold = `SELECT id FROM apologies WHERE meeting_id = $1 AND member_key = $2 FOR UPDATE`
			}
			at, closing, atFirst := whileWriting(k, hold, []any{id, c.key}, ian, c.line, sue, "/meeting close")
			if closing.err != nil || closing.reply.Refused {
				t.Fatalf("the closing: %v %s", closing.err, shown(closing.reply))
			}
			if at.err != nil {
				t.Fatal(at.err)
			}
			stands := apologyStands(k, id, c.key)
			switch {
			case at.reply.Refused:
				wantShown(t, shown(at.reply), "No meeting of Safer Sefton Together is in progress. Today's closed at 11:30.")
				if stands == c.stands {
					t.Errorf("%s was refused, but the records changed", c.line)
				}
			case strings.Contains(shown(at.reply), c.done):
				if !atFirst {
					t.Errorf("%s was done after the meeting closed: %s", c.line, shown(at.reply))
				}
				if stands != c.stands {
					t.Errorf("%s was done, but the records did not change", c.line)
				}
			default:
				t.Fatalf("%s: unexpected answer: %s", c.line, shown(at.reply))
			}
			if live, listed := liveApologies(k, id, c.listed); listed != stands {
				t.Errorf("the meeting's summary lists %s among the apologies: %t; their apologies stand: %t\n%s", c.listed, listed, stands, shown(live))
			}
		})
	}
}

// apologyStands says whether the apologies of the person of member key
// key stand for meeting id.
func apologyStands(k *kit, id int64, key string) bool {
	k.t.Helper()
	return attRows(k, fmt.Sprintf(`SELECT count(*) FROM apologies WHERE meeting_id = %d AND member_key = '%s' AND NOT withdrawn`, id, key)) == 1
}

// liveApologies runs the outbox and returns the live message of meeting
// id as the channel last got it, and whether it lists name among the
// apologies.
func liveApologies(k *kit, id int64, name string) (commands.Reply, bool) {
	k.t.Helper()
	live, _ := attLive(k, id)
	for _, s := range live.Sections {
		if s.Title == "Apologies" && strings.Contains(s.Text, name) {
			return live, true
		}
	}
	return live, false
}

// whileWriting sends line as user while another transaction holds
// back its write (hold, a statement run with args, takes what it would
// write), and, once it waits, sends second as by; it lets the write go
// once the second command waits too, or has answered, and returns both
// answers, and whether the first was answered first.
func whileWriting(k *kit, hold string, args []any, user, line, by, second string) (first, then result, firstFirst bool) {
	k.t.Helper()
	tx, err := k.db.SQL().Begin()
	if err != nil {
		k.t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.Exec(hold, args...); err != nil {
		k.t.Fatal(err)
	}
	sent := k.sendAsync(user, line, args[0].(int64))
	if !waitFor(func() bool { return lockWaiters(k) >= 1 }) {
		k.t.Fatalf("%s never waited for the write held", line)
	}
	next := k.runAsync(by, second)
	var answered *result
	waitFor(func() bool {
		select {
		case r := <-next:
			answered = &r
			return true
		default:
			return lockWaiters(k) >= 2
		}
	})
	if err := tx.Rollback(); err != nil {
		k.t.Fatal(err)
	}
	first = <-sent
	if answered == nil {
		return first, <-next, true
	}
	return first, *answered, false
}

// homeSend stands for a press of the Home's Send apologies button.
const homeSend = "[Send apologies]"

// sendAsync is runAsync, or for line homeSend user's press of the Home's
// Send apologies button for meeting id.
func (k *kit) sendAsync(user, line string, id int64) <-chan result {
	if line != homeSend {
		return k.runAsync(user, line)
	}
	out := make(chan result, 1)
	r := k.home(user)
	go func() {
		reply, err := k.svc.Act(context.Background(), r, "apologies.send_next", fmt.Sprint(id))
		out <- result{reply, err}
	}()
	return out
}

// TestMeetingOpenedWithoutAnEdit: with nothing sent as the meeting opens,
// the live message is posted as the opening built it, and not edited
// straight after.
func TestMeetingOpenedWithoutAnEdit(t *testing.T) {
	k := attDay(t)
	id := k.next().ID
	k.must(sue, "/meeting start")
	_, sent := attLive(k, id)
	var kinds []commands.OutboxKind
	for _, m := range sent {
		if m.MessageKey == commands.LiveKey(id) {
			kinds = append(kinds, m.Kind)
		}
	}
	if len(kinds) != 1 || kinds[0] != commands.OutboxPost {
		t.Errorf("the live message went as %v, want one post", kinds)
	}
}

// whileCancelling cancels meeting id (ian's /meeting cancel) and, while
// the cancelling is held in its transaction, the meeting's status written
// and not committed (another writer holds the officer's Home mark, which
// the cancelling queues), sends line as user; it then lets the
// cancelling go and returns both answers.
func whileCancelling(k *kit, id int64, user, line string) (cancel, other result) {
	k.t.Helper()
	return whileChanging(k, id, "/meeting cancel 10 December", user, line)
}

// whileChanging is whileCancelling for change, an officer's (ian's)
// change to the meeting that marks the Homes as the cancelling does.
func whileChanging(k *kit, id int64, change, user, line string) (changed, other result) {
	k.t.Helper()
	k.marked()
	hold, err := k.db.SQL().Begin()
	if err != nil {
		k.t.Fatal(err)
	}
	defer hold.Rollback()
	if _, err := hold.Exec(`INSERT INTO outbox (kind, team_id, user_id, message_key, payload) VALUES ('home', $1, $2, 'home:' || $1 || ':' || $2, '{}')`,
		team, ian); err != nil {
		k.t.Fatal(err)
	}
	changing := k.runAsync(ian, change)
	if !waitFor(func() bool { return lockWaiters(k) >= 1 }) {
		k.t.Fatalf("%s never waited", change)
	}
	sent := k.sendAsync(user, line, id)
	var answered *result
	waitFor(func() bool {
		select {
		case r := <-sent:
			answered = &r
			return true
		default:
			return lockWaiters(k) >= 2
		}
	})
	if err := hold.Rollback(); err != nil {
		k.t.Fatal(err)
	}
	if answered == nil {
		r := <-sent
		answered = &r
	}
	return <-changing, *answered
}

// TestApologiesAsTheMeetingIsCancelled: apologies sent, changed or
// withdrawn while the meeting is being cancelled, its status written and
// not committed, wait for the cancelling and are refused as apologies
// for a cancelled meeting are: never recorded for a meeting cancelled
// before them.
func TestApologiesAsTheMeetingIsCancelled(t *testing.T) {
	for _, c := range apologyRaces {
		t.Run(c.name, func(t *testing.T) {
			k := attDay(t)
			k.now = attAt(3, 12, 0)
			id := k.next().ID
			before := apologyStands(k, id, c.key)
			cancel, other := whileCancelling(k, id, c.user, c.line)
			if cancel.err != nil || cancel.reply.Refused {
				t.Fatalf("the cancelling: %v %s", cancel.err, shown(cancel.reply))
			}
			if other.err != nil {
				t.Fatalf("%s: %v", c.line, other.err)
			}
			if !other.reply.Refused {
				t.Errorf("%s, sent as the meeting was cancelled, was done after it: %s", c.line, shown(other.reply))
			} else {
				wantShown(t, shown(other.reply), "The meeting on Thursday 10 December 2026 was cancelled.")
			}
			if apologyStands(k, id, c.key) != before {
				t.Errorf("%s changed the apologies of a meeting cancelled before it", c.line)
			}
		})
	}
}

// TestMeetingCancelledAsApologiesAreSent: the meeting cancelled while
// apologies are being sent or withdrawn, their statement under way and
// held back (another writer holds the apology's row), waits for them:
// they are done before the cancelling, and stand, or are withdrawn, as
// those of any meeting cancelled after them do.
func TestMeetingCancelledAsApologiesAreSent(t *testing.T) {
	for _, c := range apologyRaces {
		t.Run(c.name, func(t *testing.T) {
			k := attDay(t)
			k.now = attAt(3, 12, 0)
			id := k.next().ID
			hold := `INSERT INTO apologies (meeting_id, member_key, user_id, name) VALUES ($1, $2, $2, 'held')`
			if !c.stands {
				hold = `SELECT id FROM apologies WHERE meeting_id = $1 AND member_key = $2 FOR UPDATE`
			}
			other, cancel, otherFirst := whileWriting(k, hold, []any{id, c.key}, c.user, c.line, ian, "/meeting cancel 10 December")
			if cancel.err != nil || cancel.reply.Refused {
				t.Fatalf("the cancelling: %v %s", cancel.err, shown(cancel.reply))
			}
			if other.err != nil || other.reply.Refused || !strings.Contains(shown(other.reply), c.done) {
				t.Fatalf("%s, held back before the cancelling: %v %s", c.line, other.err, shown(other.reply))
			}
			if !otherFirst {
				t.Errorf("the cancelling was answered before %s, which it should have waited for", c.line)
			}
			if apologyStands(k, id, c.key) != c.stands {
				t.Errorf("%s was done, but the records did not change", c.line)
			}
			if m, err := k.db.Meeting(context.Background(), id); err != nil || m.Status != commands.MeetingCancelled {
				t.Errorf("the meeting is %q (%v), want cancelled", m.Status, err)
			}
		})
	}
}

// outboxRefused is the kit's records refusing, from when refuse is set,
// every message queued on its own: the opening's own transaction is all
// that can bring the live message up to date then.
type outboxRefused struct {
	*storage.DB
	refuse *atomic.Bool
}

func (o outboxRefused) Enqueue(ctx context.Context, msgs ...commands.OutboxMessage) (bool, error) {
	if o.refuse.Load() {
		return false, errors.New("the outbox refused the message")
	}
	return o.DB.Enqueue(ctx, msgs...)
}

// TestLiveMessageShowsApologiesSentAsItOpened: apologies held back as
// the meeting opens, and so sent before it but missing from the live
// message as built, are shown by the message in the channel though
// nothing can be queued once the opening has committed: the opening
// marks the message for an update in its own transaction.
func TestLiveMessageShowsApologiesSentAsItOpened(t *testing.T) {
	k := attDay(t)
	var refuse atomic.Bool
	k.svc = commands.New(outboxRefused{k.db, &refuse}, people{ian: "Ian Barton", neil: "Neil Frackelton", graeme: "Graeme Robson", sue: "Sue Holden", stranger: "Mallory"})
	id := k.next().ID
	refuse.Store(true)
	hold := `INSERT INTO apologies (meeting_id, member_key, user_id, name) VALUES ($1, $2, $2, 'held')`
	sent, start, sentFirst := whileWriting(k, hold, []any{id, attAnn}, attAnn, "/apologies Delayed", sue, "/meeting start")
	refuse.Store(false)
	if start.err != nil || start.reply.Refused {
		t.Fatalf("the opening: %v %s", start.err, shown(start.reply))
	}
	if sent.err != nil || !sentFirst || !strings.Contains(shown(sent.reply), "Your apologies for the meeting") {
		t.Fatalf("the apologies, held back before the opening: %v %s", sent.err, shown(sent.reply))
	}
	if live, listed := liveApologies(k, id, "Ann (Sefton Council)"); !listed {
		t.Errorf("the live message does not list the apologies sent before the meeting opened:\n%s", shown(live))
	}
}

// TestApologiesAsTheMeetingIsMoved: apologies sent, changed or
// withdrawn while the meeting is being moved to another day, the move
// written and not committed, wait for it and are refused, saying so: never
// recorded for the new day with their sender told the old one, and left
// out of the notice the move sends to those whose apologies stand.
func TestApologiesAsTheMeetingIsMoved(t *testing.T) {
	for _, c := range apologyRaces {
		t.Run(c.name, func(t *testing.T) {
			k := attDay(t)
			k.now = attAt(3, 12, 0)
			id := k.next().ID
			before := apologyStands(k, id, c.key)
			moved, other := whileChanging(k, id, "/meeting move 10 December 17 December", c.user, c.line)
			if moved.err != nil || moved.reply.Refused {
				t.Fatalf("the move: %v %s", moved.err, shown(moved.reply))
			}
			if other.err != nil {
				t.Fatalf("%s: %v", c.line, other.err)
			}
			if !other.reply.Refused {
				t.Errorf("%s, sent as the meeting moved, was done after it: %s", c.line, shown(other.reply))
			} else {
				wantShown(t, shown(other.reply), "The meeting on Thursday 10 December 2026 has just moved to Thursday 17 December 2026, 10:00, Remote Meeting; nothing changed.")
			}
			if apologyStands(k, id, c.key) != before {
				t.Errorf("%s changed the apologies of a meeting moved before it", c.line)
			}
		})
	}
}

// TestMeetingMovedAsApologiesAreSent: the meeting moved while apologies
// are being sent or withdrawn, their statement under way and held back,
// waits for them: they are done before the move, and its notice goes to
// those whose apologies then stand.
func TestMeetingMovedAsApologiesAreSent(t *testing.T) {
	for _, c := range apologyRaces {
		t.Run(c.name, func(t *testing.T) {
			k := attDay(t)
			k.now = attAt(3, 12, 0)
			id := k.next().ID
			hold := `INSERT INTO apologies (meeting_id, member_key, user_id, name) VALUES ($1, $2, $2, 'held')`
			if !c.stands {
				hold = `SELECT id FROM apologies WHERE meeting_id = $1 AND member_key = $2 FOR UPDATE`
			}
			other, moved, otherFirst := whileWriting(k, hold, []any{id, c.key}, c.user, c.line, ian, "/meeting move 10 December 17 December")
			if moved.err != nil || moved.reply.Refused {
				t.Fatalf("the move: %v %s", moved.err, shown(moved.reply))
			}
			if other.err != nil || other.reply.Refused || !strings.Contains(shown(other.reply), c.done) || !otherFirst {
				t.Fatalf("%s, held back before the move: %v %s", c.line, other.err, shown(other.reply))
			}
			told := false
			for _, m := range k.sent() {
				told = told || m.Kind == commands.OutboxDM && m.UserID == c.key && strings.Contains(shown(m.Reply), "has moved to Thursday 17 December 2026")
			}
			if told != c.stands {
				t.Errorf("after %s, the move told them it moved: %t; their apologies stand: %t", c.line, told, c.stands)
			}
		})
	}
}

// TestApologiesAsTheMeetingIsRetimed: apologies sent as the meeting is
// given a new time are refused as those sent as it moves are.
func TestApologiesAsTheMeetingIsRetimed(t *testing.T) {
	k := attDay(t)
	k.now = attAt(3, 12, 0)
	id := k.next().ID
	retimed, other := whileChanging(k, id, "/meeting time 10 December 2pm", attAnn, "/apologies 10/12/2026 Delayed")
	if retimed.err != nil || retimed.reply.Refused {
		t.Fatalf("the new time: %v %s", retimed.err, shown(retimed.reply))
	}
	if other.err != nil || !other.reply.Refused {
		t.Fatalf("apologies sent as the meeting was given a new time: %v %s", other.err, shown(other.reply))
	}
	wantShown(t, shown(other.reply), "The meeting on Thursday 10 December 2026 has just moved to Thursday 10 December 2026, 14:00, Remote Meeting; nothing changed.")
	if apologyStands(k, id, attAnn) {
		t.Error("the apologies were recorded after the new time")
	}
}

// TestCancelTellsTheSubstitutes: a substitute named in a member's
// apologies, who may not be in the channel, is told by direct message
// that the meeting they were to attend is cancelled, as they are told of
// a move; once, however often the outbox runs, and again if it is
// scheduled again and cancelled again.
func TestCancelTellsTheSubstitutes(t *testing.T) {
	k := meetingKit(t)
	k.must(ian, "/committee member add <@USUE> Sefton CVS")
	k.must(neil, "/apologies Unwell sub <@USUE>")
	k.must(graeme, "/apologies Away")
	k.sent()
	cancel := func() []string {
		t.Helper()
		k.must(ian, "/meeting cancel 10/12/2026")
		var got []string
		for _, m := range k.sent() {
			if m.Kind == commands.OutboxDM {
				got = append(got, m.UserID+": "+m.Reply.Text)
			}
		}
		return got
	}
	want := []string{"USUE: The meeting of *Safer Sefton Together* on Thursday 10 December 2026, 10:00, Remote Meeting, which you are named to attend as a substitute, is cancelled."}
	if diff := cmp.Diff(cancel(), want); diff != "" {
		t.Errorf("direct messages on cancelling (-got +want):\n%s", diff)
	}
	k.must(ian, "/meeting schedule 2026-12-10 10:00 Remote Meeting")
	k.sent()
	k.now = k.now.Add(time.Hour)
	if diff := cmp.Diff(cancel(), want); diff != "" {
		t.Errorf("direct messages on cancelling again (-got +want):\n%s", diff)
	}
}

// TestMoveNoticeHeldBackThenCancelled: the notice that a meeting moved,
// to a member whose apologies stood and their substitute, held back by
// Slack until the meeting was cancelled, is not sent: it would give a day
// for a meeting that will not be held. One for a meeting still to come
// goes.
func TestMoveNoticeHeldBackThenCancelled(t *testing.T) {
	k := meetingKit(t)
	k.must(ian, "/committee member add <@USUE> Sefton CVS")
	k.must(neil, "/apologies Unwell sub <@USUE>")
	k.must(ian, "/meeting move 10 December 17 December")
	notices := overdueAt(k)
	if len(notices) != 2 {
		t.Fatalf("notices of the move queued: %v, want Neil's and Sue's", notices)
	}
	for key, late := range notices {
		if !strings.HasPrefix(key, "meeting-change:") || late {
			t.Errorf("%s: dropped %v, want a move notice sent", key, late)
		}
	}
	k.must(ian, "/meeting cancel 17/12/2026")
	for key := range notices {
		m := commands.OutboxMessage{Kind: commands.OutboxDM, DedupeKey: key}
		late, err := k.svc.ReminderOverdue(context.Background(), m, k.now)
		if err != nil || !late {
			t.Errorf("%s, the meeting since cancelled: dropped %v (%v), want dropped", key, late, err)
		}
	}
}

// TestMeetingCancelledThenScheduledAtItsOwnTimeElsewhere: a meeting
// cancelled and scheduled again at its own time but at another venue is
// that meeting scheduled again: the reply says its apologies and
// declarations stand, as it does at another time, and its history says
// the venue changed rather than showing the new venue as if it had
// always been.
func TestMeetingCancelledThenScheduledAtItsOwnTimeElsewhere(t *testing.T) {
	k := agendaKit(t)
	k.must(neil, "/apologies 2026-12-10 Unwell")
	k.must(ian, "/meeting cancel 2026-12-10")
	wantShown(t, k.say(ian, "/meeting schedule 2026-12-10 10:00 Bootle Town Hall"),
		"*Safer Sefton Together* will meet on Thursday 10 December 2026, 10:00, Bootle Town Hall.",
		"The meeting cancelled at this time is scheduled again, with its agenda, apologies and declarations.")
	wantShown(t, k.say(ian, "/apologies list 2026-12-10"), "Apologies for absence were received from Neil Frackelton (SWACA).")
	inOrder(t, k.say(ian, "/meeting history 2026-12-10"),
		"Ian Barton cancelled it", "Ian Barton scheduled it again",
		"Ian Barton changed the venue from Remote Meeting to Bootle Town Hall")
	// At its own time and venue nothing changed but that it is on again:
	// no change to list, none counted.
	rev := k.next().Revision
	k.must(ian, "/meeting cancel 2026-12-10")
	k.must(ian, "/meeting schedule 2026-12-10 10:00")
	h := k.say(ian, "/meeting history 2026-12-10")
	if n := strings.Count(h, "Ian Barton changed") + strings.Count(h, "Ian Barton moved"); n != 1 {
		t.Errorf("scheduled again unchanged, the history lists %d changes, want the venue's alone:\n%s", n, h)
	}
	wantShown(t, h, "Thursday 10 December 2026, 10:00, Bootle Town Hall")
	if strings.Contains(h+"\n", "Ian Barton \n") {
		t.Errorf("scheduled again unchanged, the history lists an empty change:\n%s", h)
	}
	if got := k.next().Revision; got != rev {
		t.Errorf("scheduled again unchanged, the meeting's revision went from %d to %d", rev, got)
	}
}

// TestMeetingCancelledThenScheduledAtAnotherTime: a meeting cancelled and
// scheduled again on its day at another time is that meeting, scheduled
// again and moved: its agenda, the apologies sent for it and the
// declarations made on it stand for it at the new time, and the reply
// and its history say so. Nobody who apologised for the day is taken as
// coming.
func TestMeetingCancelledThenScheduledAtAnotherTime(t *testing.T) {
	k := agendaKit(t)
	k.must(neil, "/apologies 2026-12-10 Unwell sub <@USTRANGER>")
	k.must(sue, "/declare 2026-12-10 5 personal My son attends one")
	k.must(ian, "/meeting cancel 2026-12-10")
	k.now = time.Date(2026, 11, 24, 9, 0, 0, 0, london)
	wantShown(t, k.say(ian, "/meeting schedule 2026-12-10 14:00 Bootle Town Hall"),
		"*Safer Sefton Together* will meet on Thursday 10 December 2026, 14:00, Bootle Town Hall.",
		"The meeting cancelled for 10:00 that day is scheduled again at this time, with its agenda, apologies and declarations.")
	wantShown(t, k.say(ian, "/apologies list 2026-12-10"), "Thursday 10 December 2026, 14:00, Bootle Town Hall",
		"Apologies for absence were received from Neil Frackelton (SWACA).", "Substitutes: Mallory for Neil Frackelton.")
	wantShown(t, k.say(ian, "/agenda 2026-12-10"), "*5* Provision of Alternative Education Settings",
		"Sue Holden declared a personal interest in Item 5")
	list := k.say(ian, "/meeting list")
	wantShown(t, list, "• Thursday 10 December 2026, 14:00, Bootle Town Hall (moved from Thursday 10 December 2026, 10:00) — 1 apology")
	if strings.Contains(list, "cancelled") {
		t.Errorf("the meeting scheduled again is still listed cancelled:\n%s", list)
	}
	inOrder(t, k.say(ian, "/meeting history 2026-12-10"),
		"Ian Barton cancelled it", "Ian Barton scheduled it again",
		"Ian Barton moved it from Thursday 10 December 2026, 10:00 to Thursday 10 December 2026, 14:00 and changed the venue from Remote Meeting to Bootle Town Hall")
	h, err := k.svc.Home(context.Background(), team, neil, k.now)
	if err != nil {
		t.Fatal(err)
	}
	wantShown(t, h.Cards[0].Sections[0].Text, "You have sent apologies for the next meeting.")
}
