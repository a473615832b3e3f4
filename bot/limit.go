package bot

import (
	"context"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/time/rate"
)

// The budget of each client on the unauthenticated routes (/calendar,
// /readyz), which query the database for anyone who asks: a calendar
// application fetches a feed every few hours and a probe asks every few
// seconds, far below this.
const (
	publicRate  = rate.Limit(2) // requests a second, sustained
	publicBurst = 20
	// maxClients bounds the clients remembered. Beyond it, under a flood
	// from many addresses, new clients are refused until the quiet ones
	// are forgotten.
	maxClients = 10000
	// clientIdle is how long a client is remembered after its last
	// request: by then its bucket is full again, so forgetting it changes
	// nothing.
	clientIdle = time.Duration(publicBurst/int(publicRate)) * time.Second
)

// clients limits requests per client address. Signed requests never pass
// through it: Slack sends every command from a few addresses, and a flood
// of the public routes from one of them must not slow the commands.
type clients struct {
	mu    sync.Mutex
	now   func() time.Time
	known map[netip.Prefix]*client
	swept time.Time
}

type client struct {
	lim  *rate.Limiter
	last time.Time
}

func newClients() *clients {
	return &clients{now: time.Now, known: map[netip.Prefix]*client{}}
}

// allow reports whether the client that sent r may be answered now.
func (cs *clients) allow(r *http.Request) bool {
	key := clientOf(r)
	now := cs.now()
	cs.mu.Lock()
	defer cs.mu.Unlock()
	c, ok := cs.known[key]
	if !ok {
		if len(cs.known) >= maxClients && !cs.sweep(now) {
			return false
		}
		c = &client{lim: rate.NewLimiter(publicRate, publicBurst)}
		cs.known[key] = c
	}
	c.last = now
	return c.lim.AllowN(now, 1)
}

// sweep forgets the clients idle for clientIdle, at most once a second so
// that a flood from many addresses does not make every request walk the
// map, and reports whether there is room for another.
func (cs *clients) sweep(now time.Time) bool {
	if now.Sub(cs.swept) >= time.Second {
		cs.swept = now
		for k, c := range cs.known {
			if now.Sub(c.last) >= clientIdle {
				delete(cs.known, k)
			}
		}
	}
	return len(cs.known) < maxClients
}

// clientOf is the address r came from: the IPv4 address, or the /64 of an
// IPv6 address (which one machine has whole). It is the connection's peer,
// never a header the client sets: behind a reverse proxy every public
// request shares the proxy's budget.
func clientOf(r *http.Request) netip.Prefix {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	addr, err := netip.ParseAddr(host)
	if err != nil {
		return netip.Prefix{}
	}
	addr = addr.Unmap()
	bits := 32
	if addr.Is6() {
		bits = 64
	}
	p, _ := addr.Prefix(bits)
	return p
}

// limited serves h to each client within its budget, and answers 429 past
// it, before anything reaches the database.
func (s *Server) limited(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if !s.clients.allow(r) {
			s.cfg.Metrics.reject(RejectRateLimited)
			w.Header().Set("Retry-After", "1")
			http.Error(w, "too many requests", http.StatusTooManyRequests)
			return
		}
		h(w, r)
	}
}

// quietLog logs a line that anyone on the internet can cause (a forged
// signature, a probe while the database is down) at most a few times a
// second. Every such request is counted in the metrics; the log says how
// many lines it left out.
type quietLog struct {
	lim     *rate.Limiter
	dropped atomic.Int64
}

func newQuietLog() *quietLog {
	return &quietLog{lim: rate.NewLimiter(rate.Limit(1), 5)}
}

func (q *quietLog) log(log *slog.Logger, level slog.Level, msg string, args ...any) {
	if !q.lim.Allow() {
		q.dropped.Add(1)
		return
	}
	if n := q.dropped.Swap(0); n > 0 {
		args = append(args, "lines_left_out", n)
	}
	log.Log(context.Background(), level, msg, args...)
}
