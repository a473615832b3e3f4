package bot

import (
	"context"
	"sync"
	"time"

	"github.com/slack-go/slack"
)

// Bounds on refreshing Home tabs.
const (
	homeWorkers    = 4
	maxPendingHome = 1000
	homeTimeout    = 10 * time.Second
	maxViewers     = 100000
)

// homes re-publishes people's Home tabs after the records behind them
// change, off the request path so that no reply waits for it. It is best
// effort: a bounded queue of people (each at most once), at most
// homeWorkers goroutines publishing, each publish under its own timeout;
// failures are logged. A Home that misses a refresh is rebuilt whenever its
// owner opens it, which is why this is not an outbox row: a Home is a view
// of the records, not a message that must not be lost.
//
// Only the Homes of people who have opened theirs since this process
// started are refreshed when records change: a Home nobody has looked at
// is built when it is first opened, so refreshing it before then is work
// for nothing (on a busy channel, most of the work). With several
// replicas, a replica that has not seen someone open their Home leaves it
// as it is until they open it again, when it is rebuilt.
type homes struct {
	srv *Server

	mu      sync.Mutex
	viewers map[homeKey]struct{} // people who have opened their Home
	queue   []homeKey
	pending map[homeKey]string // notice to show, by person queued
	running int
	closed  bool
	idle    *sync.Cond // signalled when running falls to 0
}

type homeKey struct{ team, user string }

func newHomes(srv *Server) *homes {
	h := &homes{srv: srv, pending: map[homeKey]string{}, viewers: map[homeKey]struct{}{}}
	h.idle = sync.NewCond(&h.mu)
	return h
}

// changed queues user's Home for publishing after records behind it
// changed, if they have opened it.
func (h *homes) changed(team, user string) {
	h.mu.Lock()
	_, seen := h.viewers[homeKey{team, user}]
	h.mu.Unlock()
	if seen {
		h.refresh(team, user, "")
	}
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
	if len(h.viewers) >= maxViewers {
		h.viewers = map[homeKey]struct{}{} // bounded; refills as people open their Homes
	}
	h.viewers[k] = struct{}{}
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

func (h *homes) work() {
	for {
		h.mu.Lock()
		if len(h.queue) == 0 {
			h.running--
			if h.running == 0 {
				h.idle.Broadcast()
			}
			h.mu.Unlock()
			return
		}
		k := h.queue[0]
		h.queue = h.queue[1:]
		notice := h.pending[k]
		delete(h.pending, k)
		h.mu.Unlock()

		ctx, cancel := context.WithTimeout(context.Background(), homeTimeout)
		if err := h.srv.publishHome(ctx, k.team, k.user, notice); err != nil {
			h.srv.log.Warn("home not published", "team", k.team, "user", k.user, "err", err)
		}
		cancel()
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
	home, err := s.cfg.Service.Home(ctx, team, user, s.cfg.Now())
	if err != nil {
		return err
	}
	_, err = s.cfg.Slack.PublishViewContext(ctx, slack.PublishViewContextRequest{
		UserID: user, View: HomeView(home, notice, s.cfg.PublicURL),
	})
	return err
}
