package commands

import (
	"context"
	"sync"
	"time"
)

// AgendaKeptFor is how long a built agenda is kept for asking again. An
// agenda is rebuilt whenever its committee's records changed since, so
// this bounds only how long the records of changes must be kept (see
// storage's pruning of them) and how stale an entry can be in a way the
// records do not show.
const AgendaKeptFor = time.Minute

// agendasKept is how many built agendas a Service keeps, the least
// recently built going first: one a meeting coming up in each busy
// committee. An agenda of a thousand apologies is about 60 KB.
// agendasBudget is the text they may hold in all: an agenda of tens of
// thousands of declarations is megabytes, and thirty-two of those would
// hold more than the whole of serve's heap is meant to (serveMemoryLimit).
// One larger than the budget is kept alone.
const (
	agendasKept   = 32
	agendasBudget = 4 << 20
)

// builtAgendas keeps built agenda messages, so that asking again for an
// agenda whose records have not changed costs one small read, not every
// apology, declaration and report link of its meeting read and laid out
// again: 13 ms of CPU for a meeting of a thousand apologies, where a
// recorded apology costs 0.4 (BENCHMARKS.md). The database says whether
// anything changed (AgendaStore.RecordsChangedSince), so an agenda kept by
// one replica is never older than a change made through another.
type builtAgendas struct {
	mu      sync.Mutex
	entries map[int64]*builtAgenda
	// turns has a turn for each of a few stripes of meetings: those
	// asking at once for one meeting's agenda take its turn one after
	// another, so that the first builds it and the others find it built
	// (turn).
	turns [8]chan struct{}
	// builds counts the agendas built.
	builds int
	// held is the size of the entries' replies, in all (Reply.size).
	held int
}

// builtAgenda is an agenda as built from the records a snapshot saw, for
// the committee and meeting as they were read then, at a moment whose
// tense (held) and day (actions overdue) it shows.
type builtAgenda struct {
	snapshot  string
	committee Committee
	meeting   Meeting
	held      bool
	day       Date
	built     time.Time
	reply     Reply
}

// fits reports whether e was built for c and m as they stand, at a moment
// shown alike, no longer than AgendaKeptFor ago.
func (e *builtAgenda) fits(c Committee, m Meeting, held bool, day Date) bool {
	return e.committee.ID == c.ID && e.committee.Name == c.Name && e.committee.TimeZone == c.TimeZone &&
		e.meeting.ID == m.ID && e.meeting.StartsAt.Equal(m.StartsAt) && e.meeting.Venue == m.Venue &&
		e.meeting.Status == m.Status && e.meeting.TimeUnknown == m.TimeUnknown && e.meeting.Revision == m.Revision &&
		e.held == held && e.day == day && time.Since(e.built) < AgendaKeptFor
}

func (b *builtAgendas) get(meetingID int64) *builtAgenda {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.entries[meetingID]
}

// sinceFor is the snapshot of the agenda built last for the committee of
// the channel (team, channel), or empty: what an `/agenda` from that
// channel asks about in its one read (AgendaFrom), before it knows which
// meeting's agenda it wants.
func (b *builtAgendas) sinceFor(team, channel string) string {
	b.mu.Lock()
	defer b.mu.Unlock()
	var last *builtAgenda
	for _, e := range b.entries {
		if e.committee.TeamID == team && e.committee.ChannelID == channel && (last == nil || e.built.After(last.built)) {
			last = e
		}
	}
	if last == nil {
		return ""
	}
	return last.snapshot
}

// turn is the turn to build the agenda of meeting meetingID: a channel
// of one place, taken by sending and given back by receiving.
func (b *builtAgendas) turn(meetingID int64) chan struct{} {
	b.mu.Lock()
	defer b.mu.Unlock()
	i := uint64(meetingID) % uint64(len(b.turns))
	if b.turns[i] == nil {
		b.turns[i] = make(chan struct{}, 1)
	}
	return b.turns[i]
}

// put keeps e in place of the agenda kept for its meeting, and of as many
// of the least recently built as it takes to keep no more than
// agendasKept agendas and agendasBudget bytes. An agenda larger than the
// budget is kept alone: building it again at each ask would cost far more
// (22 ms of CPU for one of 34,000 declarations) than holding one.
func (b *builtAgendas) put(e *builtAgenda) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.builds++
	if b.entries == nil {
		b.entries = map[int64]*builtAgenda{}
	}
	b.remove(e.meeting.ID)
	size := e.reply.size()
	for len(b.entries) > 0 && (len(b.entries) >= agendasKept || b.held+size > agendasBudget) {
		var oldest *builtAgenda
		for _, o := range b.entries {
			if oldest == nil || o.built.Before(oldest.built) {
				oldest = o
			}
		}
		b.remove(oldest.meeting.ID)
	}
	b.entries[e.meeting.ID] = e
	b.held += size
}

func (b *builtAgendas) remove(meetingID int64) {
	if e, ok := b.entries[meetingID]; ok {
		b.held -= e.reply.size()
		delete(b.entries, meetingID)
	}
}

// keptAgenda is the agenda of m kept from before, when the records it was
// built from are unchanged, with the snapshot to build it from afresh
// otherwise. asked, when the request's own read asked already (see
// agendaFrom), answers for the snapshot it asked about; otherwise the
// database is asked here. A failure to ask is returned: the caller's
// reads would fail alike.
func (s *Service) keptAgenda(ctx context.Context, c Committee, m Meeting, held bool, day Date, asked *askedSince) (Reply, bool, string, error) {
	e := s.built.get(m.ID)
	since := ""
	if e != nil && e.fits(c, m, held, day) {
		since = e.snapshot
	}
	if asked != nil && (since == "" || since == asked.since) {
		if since == "" || asked.changed {
			return Reply{}, false, asked.snapshot, nil
		}
		return e.reply.clone(), true, "", nil
	}
	snapshot, changed, err := s.store.RecordsChangedSince(ctx, c.ID, since)
	if err != nil {
		return Reply{}, false, "", err
	}
	if since == "" || changed {
		return Reply{}, false, snapshot, nil
	}
	return e.reply.clone(), true, "", nil
}

// askedSince is what a request's one read found (AgendaFrom): whether
// its committee's records changed since the snapshot since, and the
// snapshot taken then.
type askedSince struct {
	since, snapshot string
	changed         bool
}

// size is the bytes of r's text.
func (r Reply) size() int {
	n := len(r.Header) + len(r.Text) + len(r.Footer)
	for _, s := range r.Sections {
		n += len(s.Title) + len(s.Text)
	}
	return n
}

// clone is r with its lists its own, for a reply kept and handed out again.
func (r Reply) clone() Reply {
	r.Sections = append([]Section(nil), r.Sections...)
	r.Buttons = append([]Button(nil), r.Buttons...)
	return r
}
