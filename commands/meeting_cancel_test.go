package commands_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/quorumhq/quorum/commands"
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

// waitFor polls ok for up to five seconds, and says whether it held.
func waitFor(ok func() bool) bool {
	for range 250 {
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
	sent := k.runAsync(user, line)
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
