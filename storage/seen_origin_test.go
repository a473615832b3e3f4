package storage_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/quorumhq/quorum/commands"
	"github.com/quorumhq/quorum/storage/pgtest"
)

// TestOriginFirstSeenOncePerKey: the read of the origin with the replay check
// is first once per key, in a committee's channel and elsewhere, across
// replicas at once; a statement sent again with its own nonce (database/sql
// retrying) is still first; another nonce is a replay.
func TestOriginFirstSeenOncePerKey(t *testing.T) {
	replicas := openReplicas(t, 4)
	db := replicas[0]
	ctx := context.Background()
	if _, err := db.CreateCommittee(ctx, commands.Committee{Name: "Safer Sefton Together", TeamID: "T1", ChannelID: "C1"},
		commands.Member{UserID: "UOFF", Name: "Ian Barton"}); err != nil {
		t.Fatal(err)
	}

	// Sent again with the same nonce: first both times.
	for _, channel := range []string{"C1", "DNOWHERE"} {
		key := "signature:retry-" + channel
		for try := range 2 {
			first, committee, err := db.OriginFirstSeenWithNonce(ctx, "T1", channel, "UOFF", key, 42)
			if err != nil {
				t.Fatal(err)
			}
			if committee && !first {
				t.Errorf("%s try %d: the same nonce taken for a replay", channel, try)
			}
		}
		if _, err := db.OriginFirstSeen(ctx, "T1", channel, "UOFF", time.Now(), key, false); !errors.Is(err, commands.ErrReplay) {
			t.Errorf("%s: another nonce: %v; want ErrReplay", channel, err)
		}
	}

	// Concurrent: first exactly once per key and channel.
	for _, channel := range []string{"C1", "DNOWHERE"} {
		var mu sync.Mutex
		firsts, replays := 0, 0
		var wg sync.WaitGroup
		for _, rdb := range replicas {
			for range 4 {
				wg.Go(func() {
					_, err := rdb.OriginFirstSeen(ctx, "T1", channel, "UOFF", time.Now(), "signature:race-"+channel, false)
					mu.Lock()
					defer mu.Unlock()
					switch {
					case errors.Is(err, commands.ErrReplay):
						replays++
					case err == nil || errors.Is(err, commands.ErrNotFound):
						firsts++
					default:
						t.Error(err)
					}
				})
			}
		}
		wg.Wait()
		if firsts != 1 || replays != 15 {
			t.Errorf("%s: %d firsts, %d replays; want 1 and 15", channel, firsts, replays)
		}
	}
}

// The table read with the origin (Sub.AtTable) is what the reads it saves
// would have found: the meeting in progress, as RunningMeetings finds it,
// and the agenda items standing on it, or on the next meeting when none
// is in progress, as AgendaItems lists them. With a replay key, the key
// is checked in the same statement.
func TestOriginTableIsWhatTheReadsFind(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	c := setupCommittee(t, db)
	at := time.Now().Add(-time.Hour).Truncate(time.Second)
	today, err := db.ScheduleMeeting(ctx, commands.Meeting{CommitteeID: c.ID, StartsAt: at, Venue: "Bootle Town Hall"}, "UOFF")
	if err != nil {
		t.Fatal(err)
	}
	next, err := db.ScheduleMeeting(ctx, commands.Meeting{CommitteeID: c.ID, StartsAt: at.Add(30 * 24 * time.Hour), Venue: "Remote Meeting"}, "UOFF")
	if err != nil {
		t.Fatal(err)
	}
	for i, it := range []struct {
		meeting int64
		number  string
		title   string
		removed bool
	}{
		{today.ID, "7.5", "SWACA", false}, {today.ID, "4", "Declarations of Interest", false}, {today.ID, "9", "Withdrawn", true},
		{next.ID, "1", "Apologies for Absence", false}, {next.ID, "6", "Local Policing Update", false},
	} {
		if _, err := db.SQL().ExecContext(ctx, `INSERT INTO agenda_items (meeting_id, number, position, title, refs, removed_at, removed_by)
			VALUES ($1, $2, $3, $4, ARRAY['Minute No. 26 refers'], CASE WHEN $5 THEN now() END, CASE WHEN $5 THEN 'UOFF' END)`,
			it.meeting, it.number, i+1, it.title, it.removed); err != nil {
			t.Fatal(err)
		}
	}
	// One with no references, a description, a presenter and a comma,
	// brace and quote in its title, as standard.
	if _, err := db.SQL().ExecContext(ctx, `INSERT INTO agenda_items (meeting_id, number, position, title, presenter, organisation, description, standard)
		VALUES ($1, '2', 2, 'Declarations, {of} "Interest"', 'Jen Williams', 'NW Probation', 'Members declare', true)`, next.ID); err != nil {
		t.Fatal(err)
	}
	check := func(when string, running *commands.Meeting, itemsOf int64) {
		t.Helper()
		for _, replay := range []string{"", "signature:" + when} {
			o, err := db.OriginFirstSeen(ctx, c.TeamID, c.ChannelID, "UOFF", time.Now(), replay, true)
			if err != nil || o.Table == nil {
				t.Fatalf("%s, replay %q: %+v %v", when, replay, o, err)
			}
			if o.Next == nil || o.Next.ID != next.ID {
				t.Errorf("%s: next meeting %+v, want %d", when, o.Next, next.ID)
			}
			got := o.Table
			switch {
			case running == nil && got.Running != nil:
				t.Errorf("%s: meeting in progress %+v, want none", when, got.Running)
			case running != nil && (got.Running == nil || got.Running.ID != running.ID || !got.Running.StartsAt.Equal(running.StartsAt) ||
				got.Running.Venue != running.Venue || got.Running.Status != running.Status || got.Running.Revision != running.Revision):
				t.Errorf("%s: meeting in progress %+v, want %+v", when, got.Running, running)
			}
			want, err := db.AgendaItems(ctx, itemsOf)
			if err != nil {
				t.Fatal(err)
			}
			if got.ItemsOf != itemsOf || !cmp.Equal(got.Items, want) {
				t.Errorf("%s: items of %d %+v, want of %d %+v", when, got.ItemsOf, got.Items, itemsOf, want)
			}
		}
		if _, err := db.OriginFirstSeen(ctx, c.TeamID, c.ChannelID, "UOFF", time.Now(), "signature:"+when, true); !errors.Is(err, commands.ErrReplay) {
			t.Errorf("%s: the same key again: %v, want a replay", when, err)
		}
	}
	check("none in progress", nil, next.ID)

	opened := commands.SessionEvent{MeetingID: today.ID, Action: commands.ActionOpened, At: at, By: "UOFF"}
	if ok, err := db.RecordSession(ctx, opened, []commands.SessionAction{""}, nil); err != nil || !ok {
		t.Fatalf("opening: %v %v", ok, err)
	}
	ms, err := db.RunningMeetings(ctx, []int64{c.ID})
	if err != nil || len(ms) != 1 {
		t.Fatalf("running meetings: %+v %v", ms, err)
	}
	check("in progress", &ms[0], today.ID)

	closed := commands.SessionEvent{MeetingID: today.ID, Action: commands.ActionClosed, At: at.Add(time.Hour), By: "UOFF"}
	if ok, err := db.RecordSession(ctx, closed, []commands.SessionAction{commands.ActionOpened}, nil); err != nil || !ok {
		t.Fatalf("closing: %v %v", ok, err)
	}
	check("closed", nil, next.ID)
}

// A batch of origin reads answers each call as the call alone would be
// answered: the committee, the sender's membership, the next meeting and,
// for the calls that ask, the table; nothing for a channel that is no
// committee's; and each key first once, a key seen before not first.
func TestOriginsInOneBatchAreEachCallsOwn(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	c := setupCommittee(t, db)
	other, err := db.CreateCommittee(ctx, commands.Committee{Name: "Sefton Health and Wellbeing Board", TeamID: "T1", ChannelID: "C2"},
		commands.Member{UserID: "USUE", Name: "Sue Holden"})
	if err != nil {
		t.Fatal(err)
	}
	crowd(t, db, c, 50)
	next, err := db.ScheduleMeeting(ctx, commands.Meeting{CommitteeID: c.ID, StartsAt: time.Now().Add(72 * time.Hour), Venue: "Bootle Town Hall"}, "UOFF")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.SQL().ExecContext(ctx, `INSERT INTO agenda_items (meeting_id, number, position, title) VALUES ($1, '7.5', 1, 'SWACA')`, next.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := db.FirstSeen(ctx, "signature:old"); err != nil {
		t.Fatal(err)
	}
	type call struct {
		channel, user, replay string
		table                 bool
	}
	calls := []call{
		{c.ChannelID, "UOFF", "signature:1", true},
		{c.ChannelID, "U7", "signature:2", false},
		{"CNONE", "UOFF", "signature:3", true},
		{other.ChannelID, "UOFF", "signature:4", true},
		{c.ChannelID, "USTRANGER", "signature:old", false},
		{other.ChannelID, "USUE", "signature:6", false},
	}
	var teams, channels, users, replays []string
	var tables []bool
	for _, cl := range calls {
		teams, channels, users, replays, tables = append(teams, "T1"), append(channels, cl.channel), append(users, cl.user), append(replays, cl.replay), append(tables, cl.table)
	}
	committees, firsts, origins, err := db.OriginsInOneBatch(ctx, teams, channels, users, replays, tables)
	if err != nil {
		t.Fatal(err)
	}
	for i, cl := range calls {
		if want := cl.channel != "CNONE"; committees[i] != want {
			t.Errorf("%+v: a committee's channel %v, want %v", cl, committees[i], want)
			continue
		}
		if !committees[i] {
			continue
		}
		if want := cl.replay != "signature:old"; firsts[i] != want {
			t.Errorf("%+v: first %v, want %v", cl, firsts[i], want)
		}
		// The same read alone, without the replay check.
		alone, err := db.OriginFirstSeen(ctx, "T1", cl.channel, cl.user, time.Now(), "", cl.table)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(alone, origins[i]); diff != "" {
			t.Errorf("%+v: batch and alone differ (-alone +batch):\n%s", cl, diff)
		}
	}
	if origins[0].Table == nil || len(origins[0].Table.Items) != 1 || origins[0].Member == nil || origins[0].Next == nil || origins[0].Next.ID != next.ID {
		t.Errorf("the officer's own read: %+v", origins[0])
	}
	if origins[1].Table != nil || origins[1].Member == nil || origins[1].Member.UserID != "U7" {
		t.Errorf("member U7's read, without the table: %+v", origins[1])
	}
	if origins[4].Member != nil {
		t.Errorf("a stranger is read as a member: %+v", origins[4].Member)
	}
	// The keys the batch recorded are seen again.
	for _, cl := range calls {
		if _, err := db.OriginFirstSeen(ctx, "T1", c.ChannelID, "UOFF", time.Now(), cl.replay, false); !errors.Is(err, commands.ErrReplay) {
			t.Errorf("%s sent again: %v, want a replay", cl.replay, err)
		}
	}
}

// Calls of OriginFirstSeen at once, batched, each get their own answer: a
// channel that is no committee's is not found (not a replay), a
// committee's is read with its table when asked, and every key is first
// once and a replay after.
func TestOriginsAtOnceEachGetTheirOwn(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	c := setupCommittee(t, db)
	next, err := db.ScheduleMeeting(ctx, commands.Meeting{CommitteeID: c.ID, StartsAt: time.Now().Add(72 * time.Hour), Venue: "Bootle Town Hall"}, "UOFF")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.SQL().ExecContext(ctx, `INSERT INTO agenda_items (meeting_id, number, position, title) VALUES ($1, '7.5', 1, 'SWACA')`, next.ID); err != nil {
		t.Fatal(err)
	}
	const n = 96
	var wg sync.WaitGroup
	for round := range 3 {
		for i := range n {
			wg.Go(func() {
				channel := c.ChannelID
				if i%3 == 0 {
					channel = fmt.Sprintf("CNONE%d", i)
				}
				table := i%2 == 0
				key := fmt.Sprintf("signature:%d-%d", round, i)
				o, err := db.OriginFirstSeen(ctx, "T1", channel, "UOFF", time.Now(), key, table)
				switch {
				case channel != c.ChannelID:
					if !errors.Is(err, commands.ErrNotFound) {
						t.Errorf("%s in %s: %v, want not found", key, channel, err)
					}
				case err != nil:
					t.Errorf("%s: %v", key, err)
				case o.Committee.ID != c.ID || o.Member == nil || o.Next == nil || o.Next.ID != next.ID:
					t.Errorf("%s: %+v", key, o)
				case table && (o.Table == nil || o.Table.ItemsOf != next.ID || len(o.Table.Items) != 1):
					t.Errorf("%s with the table: %+v", key, o.Table)
				case !table && o.Table != nil:
					t.Errorf("%s without the table: %+v", key, o.Table)
				}
				if _, err := db.OriginFirstSeen(ctx, "T1", channel, "UOFF", time.Now(), key, table); !errors.Is(err, commands.ErrReplay) {
					t.Errorf("%s again: %v, want a replay", key, err)
				}
			})
		}
		wg.Wait()
	}
}
