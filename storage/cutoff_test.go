package storage_test

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"net"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/quorumhq/quorum/commands"
	"github.com/quorumhq/quorum/storage"
	"github.com/quorumhq/quorum/storage/pgtest"
)

// cutter is a TCP proxy in front of PostgreSQL's socket that, once the
// client has sent a message holding mark and then one holding then, passes
// that last message on, cuts the client off and refuses every connection
// after: the database has the write (and perhaps its commit), the client
// never hears how it went, and cannot reach the database to ask.
type cutter struct {
	ln         net.Listener
	target     string
	mark, then []byte
	// reopen lets connections through again after the cut, so that a
	// statement sent again would reach the database.
	reopen bool

	mu      sync.Mutex
	cut     bool
	seen    bool
	clients []net.Conn
}

func newCutter(t *testing.T, socket string, mark, then string) *cutter {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	c := &cutter{ln: ln, target: socket, mark: []byte(mark), then: []byte(then)}
	t.Cleanup(func() { ln.Close() })
	go c.serve()
	return c
}

func (c *cutter) serve() {
	for {
		client, err := c.ln.Accept()
		if err != nil {
			return
		}
		c.mu.Lock()
		cut := c.cut
		c.clients = append(c.clients, client)
		c.mu.Unlock()
		if cut {
			client.Close()
			continue
		}
		server, err := net.Dial("unix", c.target)
		if err != nil {
			client.Close()
			continue
		}
		go c.back(server, client)
		go c.forward(client, server)
	}
}

// dropAll closes every connection made so far, as a server does when it
// restarts, and lets new ones through.
func (c *cutter) dropAll() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, cl := range c.clients {
		cl.Close()
	}
	c.clients = nil
}

// relay copies from one side of a proxied connection to the other until
// either fails. each sees a chunk before it is passed on: pass false drops
// it and stops, stop true stops once it is passed on.
func relay(from, to net.Conn, each func(chunk []byte) (pass, stop bool)) {
	buf := make([]byte, 64<<10)
	for {
		n, err := from.Read(buf)
		if n > 0 {
			pass, stop := each(buf[:n])
			if !pass {
				return
			}
			if _, werr := to.Write(buf[:n]); werr != nil || stop {
				return
			}
		}
		if err != nil {
			return
		}
	}
}

// back copies the server's answers to the client until the cut: from
// then on the client hears nothing more.
func (c *cutter) back(server, client net.Conn) {
	defer client.Close()
	relay(server, client, func([]byte) (bool, bool) {
		c.mu.Lock()
		defer c.mu.Unlock()
		return !c.cut, false
	})
}

// forward copies what the client sends to the server, watching for the
// messages that end the connection.
func (c *cutter) forward(client, server net.Conn) {
	defer server.Close()
	last := false
	relay(client, server, func(chunk []byte) (bool, bool) {
		c.mu.Lock()
		defer c.mu.Unlock()
		if bytes.Contains(chunk, c.mark) {
			c.seen = true
		}
		last = c.seen && bytes.Contains(chunk, c.then)
		if last {
			c.cut = true
		}
		return true, last
	})
	if !last {
		return
	}
	// Let the server act on it, then leave the client with no answer and
	// no way back.
	time.Sleep(300 * time.Millisecond)
	c.mu.Lock()
	for _, cl := range c.clients {
		cl.Close()
	}
	c.clients = nil
	if c.reopen {
		c.cut, c.seen = false, false
	}
	c.mu.Unlock()
	if !c.reopen {
		c.ln.Close()
	}
}

// TestWriteCutOffIsNeverReportedNotSavedWhenSaved cuts the connection at
// the moments a write can be lost in — just after a statement sent on its
// own reached the server (it commits as it finishes), and just after a
// transaction's COMMIT did — with the database out of reach afterwards.
// Whatever the record's fate, the error must not say NOT saved for one
// that was saved, and the statement must have run once: database/sql
// sends a statement again on another connection when the driver says the
// first broke, and lib/pq says so even after sending.
func TestWriteCutOffIsNeverReportedNotSavedWhenSaved(t *testing.T) {
	dsn := pgtest.DSN(t)
	socket := socketOf(t, dsn)
	ctx := context.Background()

	for i, tc := range []struct {
		name, then string
		reopen     bool
		// write sends the record marked reason through db, and counts
		// through direct the records and history rows holding it.
		write func(db *storage.DB, c commands.Committee, reason string) error
		count func(direct *storage.DB, reason string) (saved, histories int)
	}{
		{"an apology, after the statement", "CUT-ME", false, sendMarkedApology, countMarkedApologies},
		{"a declaration, after the statement", "CUT-ME", false, declareMarked, countMarkedDeclarations},
		{"a report link, after the statement", "CUT-ME", false, reportMarked, countMarkedReports},
		{"an entry on the register, after the commit", "COMMIT", false, interestMarked, countMarkedInterests},
		{"an action, after the commit", "COMMIT", false, actionMarked, countMarkedActions},
		// What was saved is read back to be shown: cut there, the action
		// or minute is in the records, or it is not, as the error says.
		{"an action, when it is read back", "WHERE a.id = $1", false, actionMarked, countMarkedActions},
		{"a minute, after the commit", "COMMIT", false, minuteMarked, countMarkedMinutes},
		{"a minute, when it is read back", "WHERE mi.id = $1", false, minuteMarked, countMarkedMinutes},
		{"an action done, after the commit", "COMMIT", false, actionDoneMarked, countMarkedActionsDone},
		{"an attendance mark, after the commit", "COMMIT", false, attendanceMarked, countMarkedAttendance},
		// The notice that the mark lost the quorum is queued with it.
		{"a departure losing the quorum, after the commit", "COMMIT", false, departureMarked, countMarkedDepartures},
		// The live message is queued with the opening, or not at all.
		{"a meeting opened, after the commit", "COMMIT", false, openingMarked, countMarkedOpenings},
		// Here the database can be reached again at once: a statement
		// sent again on a new connection would be carried out twice.
		{"a statement alone, reachable again", "CUT-ME", true, auditMarked, countMarkedAudits},
		{"a statement alone by Exec, reachable again", "CUT-ME", true, auditMarkedByExec, countMarkedAudits},
	} {
		t.Run(tc.name, func(t *testing.T) {
			direct := openDirect(t, dsn)
			reason := "CUT-ME " + tc.name
			if _, err := direct.SQL().ExecContext(ctx, `DELETE FROM apology_history; DELETE FROM apologies`); err != nil {
				t.Fatal(err)
			}
			c := setupCommitteeIn(t, direct, i)
			if _, err := direct.PutMember(ctx, commands.Member{CommitteeID: c.ID, UserID: "UNEIL", Name: "Neil Frackelton", Role: commands.RoleMember}, "UOFF"); err != nil {
				t.Fatal(err)
			}
			if _, err := direct.ScheduleMeeting(ctx, commands.Meeting{CommitteeID: c.ID, StartsAt: time.Now().Add(72 * time.Hour)}, "UOFF"); err != nil {
				t.Fatal(err)
			}

			if o, out, err := direct.SendApologyFrom(ctx, commands.ApologyRequest{TeamID: c.TeamID, ChannelID: c.ChannelID, UserID: "UNEIL", Reason: "probe", At: time.Now()}); err != nil || out.Outcome != commands.ApologyRecorded {
				t.Fatalf("the apology cannot be sent at all: %+v %+v %v", o, out, err)
			}
			cut := newCutter(t, socket, "CUT-ME", tc.then)
			cut.mu.Lock()
			cut.reopen = tc.reopen
			cut.mu.Unlock()
			viaProxy := viaTCP(dsn, cut.ln)
			db, err := storage.Open(ctx, viaProxy)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()

			err = tc.write(db, c, reason)
			saved, histories := tc.count(direct, reason)
			inDoubt := errors.Is(err, commands.ErrInDoubt)
			t.Logf("err = %v; saved %d, history rows %d", err, saved, histories)
			switch {
			case err == nil:
				t.Errorf("the write was cut off, but no error was returned")
			case saved > 0 && !inDoubt:
				t.Errorf("a saved record was reported as not saved: %v", err)
			}
			if histories > 1 {
				t.Errorf("the statement ran %d times", histories)
			}
			if saved != histories {
				t.Errorf("half written: %d saved, with %d history rows", saved, histories)
			}
		})
	}
}

func sendMarkedApology(db *storage.DB, c commands.Committee, reason string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	_, _, err := db.SendApologyFrom(ctx, commands.ApologyRequest{
		TeamID: c.TeamID, ChannelID: c.ChannelID, UserID: "UNEIL", Reason: reason, At: time.Now(),
	})
	return err
}

func countMarkedApologies(direct *storage.DB, reason string) (saved, histories int) {
	ctx := context.Background()
	_ = direct.SQL().QueryRowContext(ctx, `SELECT count(*) FROM apologies WHERE reason = $1`, reason).Scan(&saved)
	_ = direct.SQL().QueryRowContext(ctx, `SELECT count(*) FROM apology_history WHERE reason = $1`, reason).Scan(&histories)
	return saved, histories
}

func declareMarked(db *storage.DB, c commands.Committee, reason string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	o, err := db.Origin(ctx, c.TeamID, c.ChannelID, "UNEIL", time.Now())
	if err != nil || o.Next == nil {
		return fmt.Errorf("no meeting to declare for: %v", err)
	}
	_, _, err = db.Declare(ctx, commands.Declaration{MeetingID: o.Next.ID, Item: "1", UserID: "UNEIL", Name: "Neil Frackelton",
		Kind: commands.InterestPersonal, Nature: reason, By: "UNEIL"}, nil)
	return err
}

func reportMarked(db *storage.DB, c commands.Committee, reason string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	o, err := db.Origin(ctx, c.TeamID, c.ChannelID, "UNEIL", time.Now())
	if err != nil || o.Next == nil {
		return fmt.Errorf("no meeting to report to: %v", err)
	}
	_, err = db.SubmitReport(ctx, commands.ReportLink{MeetingID: o.Next.ID, Item: "1", UserID: "UNEIL", Name: "Neil Frackelton",
		URL: "https://example.org/report.pdf", Title: reason, By: "UNEIL"}, nil)
	return err
}

func countMarkedReports(direct *storage.DB, reason string) (saved, histories int) {
	ctx := context.Background()
	_ = direct.SQL().QueryRowContext(ctx, `SELECT count(*) FROM report_links WHERE title = $1`, reason).Scan(&saved)
	_ = direct.SQL().QueryRowContext(ctx, `SELECT count(*) FROM audit_log WHERE action LIKE 'report.%' AND detail->>'title' = $1`, reason).Scan(&histories)
	return saved, histories
}

func interestMarked(db *storage.DB, c commands.Committee, reason string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	_, err := db.AddInterest(ctx, commands.Interest{CommitteeID: c.ID, UserID: "UNEIL", Name: "Neil Frackelton",
		Category: commands.CategoryOther, Description: reason, StartedOn: commands.DateOf(time.Now(), time.UTC), AddedBy: "UNEIL", AddedAt: time.Now()}, nil)
	return err
}

func countMarkedInterests(direct *storage.DB, reason string) (saved, histories int) {
	ctx := context.Background()
	_ = direct.SQL().QueryRowContext(ctx, `SELECT count(*) FROM interests WHERE description = $1`, reason).Scan(&saved)
	_ = direct.SQL().QueryRowContext(ctx, `SELECT count(*) FROM audit_log a JOIN interests i ON i.id = (a.detail->>'interest')::bigint
		WHERE a.action = 'interest.add' AND i.description = $1`, reason).Scan(&histories)
	return saved, histories
}

func countMarkedDeclarations(direct *storage.DB, reason string) (saved, histories int) {
	ctx := context.Background()
	_ = direct.SQL().QueryRowContext(ctx, `SELECT count(*) FROM declarations WHERE nature = $1`, reason).Scan(&saved)
	_ = direct.SQL().QueryRowContext(ctx, `SELECT count(*) FROM audit_log WHERE action = 'declaration.add' AND detail->>'nature' = $1`, reason).Scan(&histories)
	return saved, histories
}

func actionMarked(db *storage.DB, c commands.Committee, reason string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	o, err := db.Origin(ctx, c.TeamID, c.ChannelID, "UNEIL", time.Now())
	if err != nil || o.Next == nil {
		return fmt.Errorf("no meeting to record the action under: %v", err)
	}
	_, _, err = db.AddAction(ctx, commands.ActionPoint{CommitteeID: c.ID, MeetingID: o.Next.ID, MinuteNumber: "26",
		OwnerUser: "UNEIL", OwnerName: "Neil Frackelton", Due: commands.DateOf(time.Now().AddDate(0, 1, 0), time.UTC),
		Text: reason, CreatedBy: "UOFF"}, time.Time{}, nil)
	return err
}

func countMarkedActions(direct *storage.DB, reason string) (saved, histories int) {
	ctx := context.Background()
	_ = direct.SQL().QueryRowContext(ctx, `SELECT count(*) FROM actions WHERE body = $1`, reason).Scan(&saved)
	_ = direct.SQL().QueryRowContext(ctx, `SELECT count(*) FROM action_log l JOIN actions a ON a.id = l.action_id WHERE a.body = $1`, reason).Scan(&histories)
	return saved, histories
}

func minuteMarked(db *storage.DB, c commands.Committee, reason string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	o, err := db.Origin(ctx, c.TeamID, c.ChannelID, "UNEIL", time.Now())
	if err != nil || o.Next == nil {
		return fmt.Errorf("no meeting to minute: %v", err)
	}
	_, err = db.WriteMinute(ctx, commands.MinuteWrite{CommitteeID: c.ID, MeetingID: o.Next.ID, HeldOn: commands.DateOf(o.Next.StartsAt, time.UTC),
		Item: "4", Number: "26", Position: 1, Title: "Finance", Narrative: &reason, Action: "minuted", By: "UOFF"})
	return err
}

func countMarkedMinutes(direct *storage.DB, reason string) (saved, histories int) {
	ctx := context.Background()
	_ = direct.SQL().QueryRowContext(ctx, `SELECT count(*) FROM minutes WHERE narrative = $1`, reason).Scan(&saved)
	_ = direct.SQL().QueryRowContext(ctx, `SELECT count(*) FROM minute_history WHERE narrative = $1`, reason).Scan(&histories)
	return saved, histories
}

func actionDoneMarked(db *storage.DB, c commands.Committee, reason string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	o, err := db.Origin(ctx, c.TeamID, c.ChannelID, "UNEIL", time.Now())
	if err != nil || o.Next == nil {
		return fmt.Errorf("no meeting to record the action under: %v", err)
	}
	a, _, err := db.AddAction(ctx, commands.ActionPoint{CommitteeID: c.ID, MeetingID: o.Next.ID, MinuteNumber: "26",
		OwnerUser: "UNEIL", OwnerName: "Neil Frackelton", Due: commands.DateOf(time.Now().AddDate(0, 1, 0), time.UTC),
		Text: strings.ReplaceAll(reason, "CUT-ME", "to be done"), CreatedBy: "UOFF"}, time.Time{}, nil)
	if err != nil {
		return fmt.Errorf("the action to mark done: %v", err)
	}
	return db.CompleteAction(ctx, a.ID, reason, "UNEIL", time.Time{})
}

func countMarkedActionsDone(direct *storage.DB, reason string) (saved, histories int) {
	ctx := context.Background()
	_ = direct.SQL().QueryRowContext(ctx, `SELECT count(*) FROM actions WHERE done_note = $1 AND status = 'done'`, reason).Scan(&saved)
	_ = direct.SQL().QueryRowContext(ctx, `SELECT count(*) FROM action_log WHERE kind = 'done' AND note = $1`, reason).Scan(&histories)
	return saved, histories
}

func attendanceMarked(db *storage.DB, c commands.Committee, reason string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	o, err := db.Origin(ctx, c.TeamID, c.ChannelID, "UNEIL", time.Now())
	if err != nil || o.Next == nil {
		return fmt.Errorf("no meeting to attend: %v", err)
	}
	_, err = db.MarkAttendance(ctx, commands.AttendanceMark{MeetingID: o.Next.ID, MemberKey: "UNEIL", UserID: "UNEIL", Name: reason,
		Status: commands.AttendPresent, At: time.Now(), By: "UOFF"}, nil)
	return err
}

func countMarkedAttendance(direct *storage.DB, reason string) (saved, histories int) {
	// The log of marks is the record and its history at once.
	_ = direct.SQL().QueryRowContext(context.Background(), `SELECT count(*) FROM attendance_marks WHERE name = $1`, reason).Scan(&saved)
	return saved, saved
}

// departureMarked marks someone as having left, and has the mark tell
// the officer reason, as one that lost the quorum does.
func departureMarked(db *storage.DB, c commands.Committee, reason string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	o, err := db.Origin(ctx, c.TeamID, c.ChannelID, "UNEIL", time.Now())
	if err != nil || o.Next == nil {
		return fmt.Errorf("no meeting to leave: %v", err)
	}
	_, err = db.MarkAttendance(ctx, commands.AttendanceMark{MeetingID: o.Next.ID, MemberKey: "UNEIL", UserID: "UNEIL", Name: reason,
		Status: commands.AttendLeft, At: time.Now(), By: "UOFF"}, func(log []commands.AttendanceMark) []commands.OutboxMessage {
		return []commands.OutboxMessage{{CommitteeID: c.ID, Kind: commands.OutboxDM, UserID: "UOFF",
			DedupeKey: fmt.Sprintf("inquorate:%d:%d:UOFF", o.Next.ID, log[len(log)-1].ID), Reply: commands.Reply{Text: reason}}}
	})
	return err
}

func countMarkedDepartures(direct *storage.DB, reason string) (saved, told int) {
	ctx := context.Background()
	_ = direct.SQL().QueryRowContext(ctx, `SELECT count(*) FROM attendance_marks WHERE name = $1`, reason).Scan(&saved)
	_ = direct.SQL().QueryRowContext(ctx, `SELECT count(*) FROM outbox WHERE kind = 'dm' AND payload->>'Text' = $1`, reason).Scan(&told)
	return saved, told
}

func openingMarked(db *storage.DB, c commands.Committee, reason string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	o, err := db.Origin(ctx, c.TeamID, c.ChannelID, "UNEIL", time.Now())
	if err != nil || o.Next == nil {
		return fmt.Errorf("no meeting to open: %v", err)
	}
	key := commands.LiveKey(o.Next.ID)
	_, err = db.RecordSession(ctx, commands.SessionEvent{MeetingID: o.Next.ID, Action: commands.ActionOpened, At: time.Now(), By: reason},
		[]commands.SessionAction{""}, &commands.LivePost{Message: commands.OutboxMessage{CommitteeID: c.ID, Kind: commands.OutboxPost, ChannelID: c.ChannelID,
			MessageKey: key, DedupeKey: key, Reply: commands.Reply{Text: reason}, DueAt: time.Now()}})
	return err
}

func countMarkedOpenings(direct *storage.DB, reason string) (saved, posts int) {
	ctx := context.Background()
	_ = direct.SQL().QueryRowContext(ctx, `SELECT count(*) FROM meeting_sessions WHERE by_user = $1`, reason).Scan(&saved)
	_ = direct.SQL().QueryRowContext(ctx, `SELECT count(*) FROM outbox WHERE kind = 'post' AND payload->>'Text' = $1`, reason).Scan(&posts)
	return saved, posts
}

func auditMarked(db *storage.DB, c commands.Committee, reason string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	var id int64
	return db.Write(ctx, "audit", &id, `INSERT INTO audit_log (committee_id, actor, action, subject, detail)
		VALUES ($1, 'UNEIL', 'test.cut', $2, '{}') RETURNING id`, c.ID, reason)
}

func auditMarkedByExec(db *storage.DB, c commands.Committee, reason string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	return db.ExecAlone(ctx, "audit", `INSERT INTO audit_log (committee_id, actor, action, subject, detail)
		VALUES ($1, 'UNEIL', 'test.cut', $2, '{}')`, c.ID, reason)
}

func countMarkedAudits(direct *storage.DB, reason string) (saved, histories int) {
	_ = direct.SQL().QueryRowContext(context.Background(), `SELECT count(*) FROM audit_log WHERE subject = $1`, reason).Scan(&saved)
	return saved, saved
}

// A write after the server closed the connections idle in the pool (as
// it does when it restarts) goes on a new connection and is saved, once:
// the closed ones are found before anything is written to them, where a
// write sent on one could not be told from a write cut off after it
// arrived.
func TestWriteAfterIdleConnectionsClosedIsSaved(t *testing.T) {
	dsn := pgtest.DSN(t)
	ctx := context.Background()
	direct := openDirect(t, dsn)
	c := setupCommitteeIn(t, direct, 0)
	proxy := newCutter(t, socketOf(t, dsn), "never sent", "never sent")
	viaProxy := viaTCP(dsn, proxy.ln)
	db, err := storage.Open(ctx, viaProxy)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	// Fill the pool with idle connections, then close them all.
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			if err := auditMarked(db, c, "warm"); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	proxy.dropAll()
	time.Sleep(100 * time.Millisecond)
	for i := range 3 {
		reason := fmt.Sprintf("after the restart %d", i)
		if err := auditMarked(db, c, reason); err != nil {
			t.Errorf("write %d after the connections were closed: %v", i, err)
		}
		if saved, _ := countMarkedAudits(direct, reason); saved != 1 {
			t.Errorf("write %d is in the database %d times", i, saved)
		}
	}
}

// openDirect opens the records on dsn, straight to the database, for the
// test's own setting up and counting.
func openDirect(t *testing.T, dsn string) *storage.DB {
	t.Helper()
	db, err := storage.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// setupCommitteeIn makes a committee of its own channel for subtest i.
func setupCommitteeIn(t *testing.T, db *storage.DB, i int) commands.Committee {
	t.Helper()
	c, err := db.CreateCommittee(context.Background(), commands.Committee{
		Name: fmt.Sprintf("Committee %d", i), TeamID: "T1", ChannelID: fmt.Sprintf("C%d", i),
	}, commands.Member{UserID: "UOFF", Name: "Ian Barton"})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// halfCutter is a TCP proxy in front of PostgreSQL's socket that, once the
// client has sent a message holding mark, passes the server's answer on
// message by message up to and including the first of type stopAt, then
// closes both sides: the statement ran and, sent on its own, committed;
// the client has part of its answer and never the end.
type halfCutter struct {
	ln     net.Listener
	mark   []byte
	stopAt byte
	mu     sync.Mutex
	armed  bool
	done   bool
}

func newHalfCutter(t *testing.T, socket, mark string, stopAt byte) *halfCutter {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	h := &halfCutter{ln: ln, mark: []byte(mark), stopAt: stopAt}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			client, err := ln.Accept()
			if err != nil {
				return
			}
			server, err := net.Dial("unix", socket)
			if err != nil {
				client.Close()
				continue
			}
			go h.forward(client, server)
			go h.back(server, client)
		}
	}()
	return h
}

func (h *halfCutter) forward(client, server net.Conn) {
	defer server.Close()
	relay(client, server, func(chunk []byte) (bool, bool) {
		h.mu.Lock()
		defer h.mu.Unlock()
		if !h.done && bytes.Contains(chunk, h.mark) {
			h.armed = true
		}
		return true, false
	})
}

func (h *halfCutter) back(server, client net.Conn) {
	defer client.Close()
	buf := make([]byte, 64<<10)
	var pending []byte
	for {
		n, err := server.Read(buf)
		h.mu.Lock()
		armed := h.armed
		h.mu.Unlock()
		if !armed {
			if n > 0 {
				if _, werr := client.Write(buf[:n]); werr != nil {
					return
				}
			}
			if err != nil {
				return
			}
			continue
		}
		// Message by message: a type byte, then a length that counts itself.
		pending = append(pending, buf[:n]...)
		for len(pending) >= 5 {
			l := int(binary.BigEndian.Uint32(pending[1:5]))
			if len(pending) < 1+l {
				break
			}
			msg := pending[:1+l]
			pending = pending[1+l:]
			if _, werr := client.Write(msg); werr != nil {
				return
			}
			if msg[0] == h.stopAt {
				h.mu.Lock()
				h.armed, h.done = false, true
				h.mu.Unlock()
				time.Sleep(50 * time.Millisecond)
				server.Close()
				return
			}
		}
		if err != nil {
			return
		}
	}
}

// A write whose answer is cut after its first row (the row came; the end
// of the answer, which follows the commit, did not) is in doubt, whether
// its row was read by Get (the rest of the answer is read on closing the
// rows) or it was sent by Exec.
func TestAnswerCutAfterItsFirstRowIsInDoubt(t *testing.T) {
	dsn := pgtest.DSN(t)
	ctx := context.Background()
	direct := openDirect(t, dsn)
	c := setupCommitteeIn(t, direct, 0)
	for _, tc := range []struct {
		name  string
		write func(db *storage.DB, c commands.Committee, reason string) error
		stop  byte
	}{
		{"a row read by Get", auditMarked, 'D'},              // DataRow
		{"a statement sent by Exec", auditMarkedByExec, 'C'}, // CommandComplete
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newHalfCutter(t, socketOf(t, dsn), "CUT-ME", tc.stop)
			viaProxy := viaTCP(dsn, h.ln)
			db, err := storage.Open(ctx, viaProxy)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			reason := "CUT-ME " + tc.name
			err = tc.write(db, c, reason)
			saved, _ := countMarkedAudits(direct, reason)
			switch {
			case saved != 1:
				t.Fatalf("the write is in the database %d times, want once (%v)", saved, err)
			case err == nil:
				t.Errorf("the answer was cut off, but no error was returned")
			case !errors.Is(err, commands.ErrInDoubt) || !errors.Is(err, commands.ErrUnavailable):
				t.Errorf("a saved write was reported as %v, want in doubt", err)
			}
		})
	}
}

// A write that could not get a connection before its deadline was never
// sent: it is NOT saved, not in doubt.
func TestWriteNeverSentIsNotSaved(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	c := setupCommitteeIn(t, db, 0)
	// Hold every connection of the pool.
	var held []*sql.Conn
	for range storage.MaxConns {
		conn, err := db.SQL().Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		held = append(held, conn)
	}
	defer func() {
		for _, conn := range held {
			conn.Close()
		}
	}()
	wctx, cancel := context.WithTimeout(ctx, 200*time.Millisecond)
	defer cancel()
	var id int64
	err := db.Write(wctx, "audit", &id, `INSERT INTO audit_log (committee_id, actor, action, subject, detail)
		VALUES ($1, 'UNEIL', 'test.never', 'never sent', '{}') RETURNING id`, c.ID)
	if err == nil || errors.Is(err, commands.ErrInDoubt) || !errors.Is(err, commands.ErrUnavailable) {
		t.Errorf("a write that never left: %v, want NOT saved (unavailable, not in doubt)", err)
	}
}

// socketOf is the path of the Unix socket of the test cluster dsn names.
func socketOf(t *testing.T, dsn string) string {
	t.Helper()
	var dir, port string
	for _, f := range strings.Fields(dsn) {
		if v, ok := strings.CutPrefix(f, "host="); ok {
			dir = v
		}
		if v, ok := strings.CutPrefix(f, "port="); ok {
			port = v
		}
	}
	if !strings.HasPrefix(dir, "/") {
		t.Fatalf("this test needs the test cluster's Unix socket; DSN %q", dsn)
	}
	return filepath.Join(dir, ".s.PGSQL."+port)
}

// viaTCP is dsn reaching the database through the proxy listening on ln.
func viaTCP(dsn string, ln net.Listener) string {
	var out []string
	for _, f := range strings.Fields(dsn) {
		switch {
		case strings.HasPrefix(f, "host="):
			f = "host=127.0.0.1"
		case strings.HasPrefix(f, "port="):
			f = fmt.Sprintf("port=%d", ln.Addr().(*net.TCPAddr).Port)
		}
		out = append(out, f)
	}
	return strings.Join(out, " ")
}
