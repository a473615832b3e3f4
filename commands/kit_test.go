package commands_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/quorumhq/quorum/commands"
	"github.com/quorumhq/quorum/storage"
	"github.com/quorumhq/quorum/storage/pgtest"
)

// The kit drives commands.Service over a real database the way the console
// does: a line such as "/apologies Unwell" from someone goes in, and the
// Reply, as they would read it, comes out. It knows nothing of Slack.

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

var london, _ = time.LoadLocation("Europe/London")

// now is the kit's clock unless a test moves it: Monday 23 November 2026,
// noon.
var now = time.Date(2026, 11, 23, 12, 0, 0, 0, london)

// Where the kit's committee meets, and its people.
const (
	team     = "T1"
	channel  = "C1"
	ian      = "UIAN" // the officer
	neil     = "UNEIL"
	graeme   = "UGRAEME"
	sue      = "USUE"
	stranger = "USTRANGER"
)

// people is the kit's directory of display names, as Slack's users.info
// would give them.
type people map[string]string

func (p people) DisplayName(_ context.Context, userID string) (string, error) {
	if name, ok := p[userID]; ok {
		return name, nil
	}
	return "", fmt.Errorf("user %s: %w", userID, commands.ErrNotFound)
}

type kit struct {
	t   *testing.T
	db  *storage.DB
	svc *commands.Service
	now time.Time
	// dir is the directory the service reads display names from, for a
	// test to rename someone as Slack would.
	dir people
}

// newKit is a service on a fresh database with no committee.
func newKit(t *testing.T) *kit {
	t.Helper()
	db := pgtest.New(t)
	dir := people{ian: "Ian Barton", neil: "Neil Frackelton", graeme: "Graeme Robson", sue: "Sue Holden", stranger: "Mallory"}
	k := &kit{t: t, db: db, svc: commands.New(db, dir), now: now, dir: dir}
	// Everyone has looked at their Home, so that every change marks the
	// Homes it concerns (see marked).
	for user := range dir {
		if err := k.svc.HomeOpened(context.Background(), team, user, now, ""); err != nil {
			t.Fatal(err)
		}
	}
	return k
}

// marked lists, sorted, the people whose Homes the changes since the last
// call marked for publishing again, and settles them as the outbox worker
// would.
func (k *kit) marked() []string {
	k.t.Helper()
	rows, err := k.db.SQL().Query(`UPDATE outbox SET state = 'sent' WHERE kind = 'home' AND state = 'pending' RETURNING user_id`)
	if err != nil {
		k.t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var u string
		if err := rows.Scan(&u); err != nil {
			k.t.Fatal(err)
		}
		out = append(out, u)
	}
	if err := rows.Err(); err != nil {
		k.t.Fatal(err)
	}
	slices.Sort(out)
	return out
}

// committeeKit is Safer Sefton Together, set up in the kit's channel by
// Ian, its officer, with Neil (SWACA) and Graeme (Merseyside Police) as
// members.
func committeeKit(t *testing.T) *kit {
	t.Helper()
	k := newKit(t)
	k.must(ian, "/committee setup Safer Sefton Together")
	k.must(ian, "/committee member add <@UNEIL> SWACA")
	k.must(ian, "/committee member add <@UGRAEME|graeme> Merseyside Police")
	return k
}

// meetingKit is committeeKit with a meeting on Thursday 10 December 2026.
func meetingKit(t *testing.T) *kit {
	t.Helper()
	k := committeeKit(t)
	k.must(ian, "/meeting schedule 2026-12-10 10:00 Remote Meeting")
	return k
}

// agendaKit is meetingKit with Sue (Sefton CVS) as a member and part of
// the seed pack's agenda added to the standard items. SWACA's item is
// presented by someone who is not a member (the pack names Neil, whose
// SWACA trusteeship would then be who he presents for), so that Neil is
// the member with an interest in it.
func agendaKit(t *testing.T) *kit {
	t.Helper()
	k := meetingKit(t)
	k.must(ian, "/committee member add <@USUE> Sefton CVS")
	for _, item := range []string{
		"4 Integrated Offender Management (IOM) Refresh Strategy — Jen Williams (NW Probation)",
		"5 Provision of Alternative Education Settings",
		"6 Local Policing Update — Graeme Robson (Merseyside Police)",
		"7.5 SWACA — Kate Ellis (SWACA)",
		"7.7 Sefton CVS — Sue Holden (Sefton CVS)",
	} {
		k.must(ian, "/agenda add "+item)
	}
	return k
}

// request is user's line ("/apologies Unwell") in the kit's channel.
func (k *kit) request(user, line string) commands.Request {
	command, text, _ := strings.Cut(line, " ")
	return commands.Request{Command: command, Text: text, TeamID: team, ChannelID: channel, UserID: user, Now: k.now}
}

// run runs user's line and returns the reply; an error fails the test.
func (k *kit) run(user, line string) commands.Reply {
	k.t.Helper()
	r, err := k.svc.Run(context.Background(), k.request(user, line))
	if err != nil {
		k.t.Fatalf("%s: %v", line, err)
	}
	return r
}

// runIn is run with the line typed in channel ch: another committee's
// channel, or a direct message ("D…").
func (k *kit) runIn(ch, user, line string) commands.Reply {
	k.t.Helper()
	r := k.request(user, line)
	r.ChannelID = ch
	reply, err := k.svc.Run(context.Background(), r)
	if err != nil {
		k.t.Fatalf("%s: %v", line, err)
	}
	return reply
}

// must runs user's line, which must not be refused.
func (k *kit) must(user, line string) commands.Reply {
	k.t.Helper()
	r := k.run(user, line)
	if r.Refused {
		k.t.Fatalf("%s was refused: %s", line, r.Text)
	}
	return r
}

// say runs user's line and returns what they read.
func (k *kit) say(user, line string) string {
	k.t.Helper()
	return shown(k.run(user, line))
}

// press presses the button labelled label under r, as user, in the kit's
// channel.
func (k *kit) press(user string, r commands.Reply, label string) commands.Reply {
	k.t.Helper()
	for _, b := range r.Buttons {
		if b.Label == label {
			return k.act(k.request(user, ""), b.Action, b.Value)
		}
	}
	k.t.Fatalf("no %q button under:\n%s", label, shown(r))
	return commands.Reply{}
}

// act runs a button's action for r; an error fails the test.
func (k *kit) act(r commands.Request, action, value string) commands.Reply {
	k.t.Helper()
	reply, err := k.svc.Act(context.Background(), r, action, value)
	if err != nil {
		k.t.Fatalf("%s %s: %v", action, value, err)
	}
	return reply
}

// home is user's press or submission on the Home tab: no channel.
func (k *kit) home(user string) commands.Request {
	return commands.Request{TeamID: team, UserID: user, Now: k.now}
}

// submit sends a form's answers as r; an error fails the test.
func (k *kit) submit(r commands.Request, form *commands.Form, values map[string]string) (commands.Reply, map[string]string) {
	k.t.Helper()
	if form == nil {
		k.t.Fatal("no form to submit")
	}
	sub := commands.Submission{Form: form.ID, Metadata: form.Metadata, Values: map[string][]string{}}
	for id, v := range values {
		sub.Values[id] = []string{v}
	}
	reply, fieldErrs, err := k.svc.Submit(context.Background(), r, sub)
	if err != nil {
		k.t.Fatalf("submitting %s: %v", form.ID, err)
	}
	return reply, fieldErrs
}

// committee is the kit's committee, read from the records.
func (k *kit) committee() commands.Committee {
	k.t.Helper()
	c, err := k.db.CommitteeByChannel(context.Background(), team, channel)
	if err != nil {
		k.t.Fatal(err)
	}
	return c
}

// next is the committee's next meeting, read from the records.
func (k *kit) next() commands.Meeting {
	k.t.Helper()
	m, err := k.db.NextMeeting(context.Background(), k.committee().ID, k.now)
	if err != nil {
		k.t.Fatal(err)
	}
	return m
}

// sent runs the outbox as its worker would, until nothing is due at the
// kit's clock, and returns what went to Slack, in order. An update to a
// posted agenda carries the agenda as the records now stand.
func (k *kit) sent() []commands.OutboxMessage {
	k.t.Helper()
	ctx := context.Background()
	var out []commands.OutboxMessage
	for range 100 {
		ms, err := k.db.ClaimOutbox(ctx, k.now, time.Minute, 50)
		if err != nil {
			k.t.Fatal(err)
		}
		if len(ms) == 0 {
			return out
		}
		for _, m := range ms {
			if m.Kind == commands.OutboxHome {
				// Not a message; see marked.
				if _, err := k.db.OutboxSent(ctx, m, "", "", k.now); err != nil {
					k.t.Fatal(err)
				}
				continue
			}
			if m.Kind == commands.OutboxUpdate {
				if current, ok, err := k.svc.CurrentMessage(ctx, m.MessageKey); err != nil {
					k.t.Fatal(err)
				} else if ok {
					m.Reply = current
				}
			}
			if _, err := k.db.OutboxSent(ctx, m, m.ChannelID, fmt.Sprint(m.ID), k.now); err != nil {
				k.t.Fatal(err)
			}
			out = append(out, m)
		}
	}
	k.t.Fatal("the outbox is still busy after 100 rounds")
	return nil
}

// shown is everything a person reads in a reply: its header, text,
// sections with their titles, small print, and the labels of its buttons.
func shown(r commands.Reply) string {
	var parts []string
	if r.Header != "" {
		parts = append(parts, r.Header)
	}
	if r.Text != "" {
		parts = append(parts, r.Text)
	}
	for _, s := range r.Sections {
		if s.Title != "" {
			parts = append(parts, "*"+s.Title+"*")
		}
		parts = append(parts, s.Text)
	}
	if r.Footer != "" {
		parts = append(parts, r.Footer)
	}
	for _, b := range r.Buttons {
		parts = append(parts, "["+b.Label+"]")
	}
	return strings.Join(parts, "\n")
}

// wantShown checks that text holds each of parts.
func wantShown(t *testing.T, text string, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if !strings.Contains(text, p) {
			t.Errorf("lacks %q:\n%s", p, text)
		}
	}
}

// inOrder checks that parts appear in text in the order given.
func inOrder(t *testing.T, text string, parts ...string) {
	t.Helper()
	at := 0
	for _, p := range parts {
		i := strings.Index(text[at:], p)
		if i < 0 {
			t.Errorf("%q missing or out of order in:\n%s", p, text)
			return
		}
		at += i + len(p)
	}
}

// step is a line someone runs and what their reply must say.
type step struct {
	user, line string
	want       []string
}

// steps runs each line in turn and checks its reply.
func (k *kit) steps(steps []step) {
	k.t.Helper()
	for _, s := range steps {
		got := k.say(s.user, s.line)
		for _, w := range s.want {
			if !strings.Contains(got, w) {
				k.t.Errorf("%s %s:\n%s\nlacks %q", s.user, s.line, got, w)
			}
		}
	}
}

func isNotFound(err error) bool { return errors.Is(err, commands.ErrNotFound) }

// standing reads the records of the next meeting that read lists, one
// line each.
func standing[T any](k *kit, read func(context.Context, int64) ([]T, error), line func(T) string) []string {
	k.t.Helper()
	records, err := read(context.Background(), k.next().ID)
	if err != nil {
		k.t.Fatal(err)
	}
	out := []string{}
	for _, r := range records {
		out = append(out, line(r))
	}
	return out
}
