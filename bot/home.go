package bot

import (
	"context"
	"runtime/debug"
	"sync"
	"time"

	"github.com/slack-go/slack"
)

// Bounds on refreshing Home tabs.
const (
	homeWorkers    = 4
	maxPendingHome = 1000
	homeTimeout    = 10 * time.Second
)

// homes publishes people's Home tabs when they open them or press a button
// on them, off the request path so that no answer to Slack waits for it.
// It is best effort: a bounded queue of people (each at most once), at
// most homeWorkers goroutines publishing, each publish under its own
// timeout; failures are logged, and the Home is rebuilt when next opened.
// Publishing records the person as one who looks at their Home: from then
// on, a change to the records behind it queues it in the outbox (a row
// written with the change), which any replica sends.
//
// One person's Home is published by one worker at a time: a Home built a
// moment earlier and published a moment later would otherwise land after
// the newer one (a press of Withdraw answered by the Home of the press of
// Send before it).
type homes struct {
	srv *Server
	// publish builds and publishes a Home (Server.publishHome; a test
	// may slow it down).
	publish func(ctx context.Context, team, user, notice string) error

	mu      sync.Mutex
	queue   []homeKey
	pending map[homeKey]string // notice to show, by person queued
	busy    map[homeKey]bool   // people whose Home a worker is publishing
	running int
	closed  bool
	idle    *sync.Cond // signalled when running falls to 0
}

type homeKey struct{ team, user string }

func newHomes(srv *Server) *homes {
	h := &homes{srv: srv, publish: srv.publishHome, pending: map[homeKey]string{}, busy: map[homeKey]bool{}}
	h.idle = sync.NewCond(&h.mu)
	return h
}

// refresh queues user's Home for publishing: they have opened it, or acted
// on it. A notice replaces the one already queued; a person already queued
// is not queued twice.
func (h *homes) refresh(team, user, notice string) {
	if user == "" || h.srv.cfg.Slack == nil {
		return
	}
	k := homeKey{team, user}
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return
	}
	if old, ok := h.pending[k]; ok {
		if notice == "" {
			notice = old
		}
		h.pending[k] = notice
		return
	}
	if len(h.pending) >= maxPendingHome {
		h.srv.log.Warn("home refresh dropped: too many pending", "user", user)
		return
	}
	h.pending[k] = notice
	h.queue = append(h.queue, k)
	if h.running < homeWorkers {
		h.running++
		go h.work()
	}
}

// work publishes queued Homes until none is left that another worker is
// not already publishing; that worker takes the person's next refresh
// when it is done.
func (h *homes) work() {
	for {
		h.mu.Lock()
		i := 0
		for i < len(h.queue) && h.busy[h.queue[i]] {
			i++
		}
		if i == len(h.queue) {
			h.running--
			if h.running == 0 {
				h.idle.Broadcast()
			}
			h.mu.Unlock()
			return
		}
		k := h.queue[i]
		h.queue = append(h.queue[:i], h.queue[i+1:]...)
		notice := h.pending[k]
		delete(h.pending, k)
		h.busy[k] = true
		h.mu.Unlock()

		h.publishRecovered(k, notice)
		h.mu.Lock()
		delete(h.busy, k)
		h.mu.Unlock()
	}
}

// publishRecovered publishes k's Home under its own timeout, logging a
// failure. A panic is one too: a Home that trips a bug must fail alone,
// not end serve's process (as the outbox's sendRecovered does for the
// Homes it refreshes), nor leave the person marked busy for good.
func (h *homes) publishRecovered(k homeKey, notice string) {
	ctx, cancel := context.WithTimeout(context.Background(), homeTimeout)
	defer cancel()
	defer func() {
		if p := recover(); p != nil {
			h.srv.log.Error("home not published: panic", "team", k.team, "user", k.user, "panic", p, "stack", string(debug.Stack()))
		}
	}()
	if err := h.publish(ctx, k.team, k.user, notice); err != nil {
		h.srv.log.Warn("home not published", "team", k.team, "user", k.user, "err", err)
	}
}

// wait waits until no refresh is queued or under way.
func (h *homes) wait() {
	h.mu.Lock()
	defer h.mu.Unlock()
	for h.running > 0 {
		h.idle.Wait()
	}
}

// close stops taking refreshes and waits for those under way.
func (h *homes) close() {
	h.mu.Lock()
	h.closed = true
	h.mu.Unlock()
	h.wait()
}

// publishHome builds user's Home from the records and publishes it.
func (s *Server) publishHome(ctx context.Context, team, user, notice string) error {
	// From now on, changes to the records behind this Home queue it for
	// publishing again (an outbox row, on whichever replica).
	if err := s.cfg.Service.HomeOpened(ctx, team, user, s.cfg.Now(), notice); err != nil {
		s.log.Warn("home viewer not recorded", "team", team, "user", user, "err", err)
	}
	return s.cfg.Service.PublishingHome(ctx, team, user, func() error {
		home, err := s.cfg.Service.Home(ctx, team, user, s.cfg.Now())
		if err != nil {
			return err
		}
		_, err = s.cfg.Slack.PublishViewContext(ctx, slack.PublishViewContextRequest{
			UserID: user, View: HomeView(home, notice, s.cfg.PublicURL),
		})
		return err
	})
}
