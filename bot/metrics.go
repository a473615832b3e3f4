package bot

import (
	"context"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/quorumhq/quorum/commands"
)

// Outcomes of a command, as counted in quorum_commands_total.
const (
	OutcomeOK          = "ok"          // carried out (or answered, for reads)
	OutcomeUserError   = "user_error"  // refused: a mistake the user can fix
	OutcomeUnavailable = "unavailable" // the records could not be reached in time; nothing saved
	OutcomeError       = "error"       // anything unexpected
)

// Reasons an HTTP request is rejected before a command runs, as counted in
// quorum_http_rejected_total.
const (
	RejectSignature = "signature" // 401: missing, forged or stale signature
	RejectTooLarge  = "too_large" // 413: body over MaxBodyBytes
	RejectMalformed = "malformed" // 400: unreadable body or form
	RejectReplay    = "replay"    // 401: a signed request already acted on
	// RejectRateLimited: 429, a client over its budget on /calendar or
	// /readyz.
	RejectRateLimited = "rate_limited"
)

// otherCommand labels commands that are not registered, so that what a
// caller types never becomes a label of its own.
const otherCommand = "other"

// Metrics are the bot's Prometheus metrics, on a registry of their own
// (never the global one), served at GET /metrics.
type Metrics struct {
	reg      *prometheus.Registry
	commands *prometheus.CounterVec
	latency  *prometheus.HistogramVec
	rejected *prometheus.CounterVec
	// lateAnswers counts slash commands whose outcome followed by
	// response_url, not being ready by the deadline.
	lateAnswers prometheus.Counter
}

// NewMetrics builds the metrics on a fresh registry, with the Go runtime
// and process collectors (memory, goroutines, file descriptors).
func NewMetrics() *Metrics {
	m := &Metrics{
		reg: prometheus.NewRegistry(),
		commands: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "quorum_commands_total",
			Help: "Slash commands handled, by command and outcome (ok, user_error, unavailable, error).",
		}, []string{"command", "outcome"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "quorum_command_duration_seconds",
			Help:    "Time to handle a slash command, from verified request to reply, by command.",
			Buckets: []float64{.001, .002, .005, .01, .02, .05, .1, .25, .5, 1, 2.5, 5},
		}, []string{"command"}),
		rejected: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "quorum_http_rejected_total",
			Help: "HTTP requests rejected before any command ran, by reason (signature, too_large, malformed, replay, rate_limited).",
		}, []string{"reason"}),
		lateAnswers: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "quorum_commands_late_total",
			Help: "Slash commands answered \"on its way\" at the deadline, their outcome posted to response_url when it came.",
		}),
	}
	m.reg.MustRegister(m.commands, m.latency, m.rejected, m.lateAnswers,
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	for _, r := range []string{RejectSignature, RejectTooLarge, RejectMalformed, RejectReplay, RejectRateLimited} {
		m.rejected.WithLabelValues(r)
	}
	return m
}

// Registry is where the metrics live, for tests and for adding more.
func (m *Metrics) Registry() *prometheus.Registry { return m.reg }

// Handler serves the metrics in Prometheus' text format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{})
}

// OutboxDepth counts the outbox rows waiting to be sent and those that
// failed for good.
type OutboxDepth func(ctx context.Context) (pending, failed int, err error)

// WatchOutbox exports the outbox's depth as the gauges
// quorum_outbox_pending and quorum_outbox_failed, read from depth at each
// scrape (one query serves both). A failed read is logged and reported as
// -1, so that an alert on depth does not mistake it for an empty outbox.
func (m *Metrics) WatchOutbox(depth OutboxDepth, log *slog.Logger) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	r := &outboxReader{depth: depth, log: log}
	m.reg.MustRegister(
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "quorum_outbox_pending",
			Help: "Messages in the outbox waiting to be sent to Slack (-1: the database could not be read).",
		}, func() float64 { p, _ := r.read(); return p }),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "quorum_outbox_failed",
			Help: "Messages in the outbox that failed for good (-1: the database could not be read).",
		}, func() float64 { _, f := r.read(); return f }),
	)
}

// WatchSlackRefusal exports refused (Outbox.Refused) as the gauge
// quorum_slack_refused: 1 while Slack refuses the bot's token or one of
// its scopes and messages wait for an operator. It is a metric, not a
// failing /readyz: the bot still takes commands, and a load balancer must
// not stop sending it them.
func (m *Metrics) WatchSlackRefusal(refused func() bool) {
	m.reg.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "quorum_slack_refused",
		Help: "1 while Slack refuses the bot's token or one of its scopes: messages wait, unsent, until it is put right (the log says how).",
	}, func() float64 {
		if refused() {
			return 1
		}
		return 0
	}))
}

// outboxReader reads the depth once per scrape for both gauges.
type outboxReader struct {
	depth OutboxDepth
	log   *slog.Logger

	mu              sync.Mutex
	at              time.Time
	pending, failed float64
}

func (r *outboxReader) read() (pending, failed float64) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if time.Since(r.at) < time.Second {
		return r.pending, r.failed
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	p, f, err := r.depth(ctx)
	if err != nil {
		r.log.Warn("metrics: could not read the outbox depth", "err", err)
		r.pending, r.failed = -1, -1
	} else {
		r.pending, r.failed = float64(p), float64(f)
	}
	r.at = time.Now()
	return r.pending, r.failed
}

// observe counts one handled command. A nil Metrics counts nothing.
func (m *Metrics) observe(command, outcome string, took time.Duration) {
	if m == nil {
		return
	}
	m.commands.WithLabelValues(command, outcome).Inc()
	m.latency.WithLabelValues(command).Observe(took.Seconds())
}

// late counts one command answered before its outcome was ready. A nil
// Metrics counts nothing.
func (m *Metrics) late() {
	if m == nil {
		return
	}
	m.lateAnswers.Inc()
}

// reject counts one rejected request. A nil Metrics counts nothing.
func (m *Metrics) reject(reason string) {
	if m == nil {
		return
	}
	m.rejected.WithLabelValues(reason).Inc()
}

// known prepares the series of the registered commands, so that they read
// 0 rather than being absent before the first use.
func (m *Metrics) known(names []string) {
	if m == nil {
		return
	}
	for _, name := range append(names, otherCommand) {
		for _, o := range []string{OutcomeOK, OutcomeUserError, OutcomeUnavailable, OutcomeError} {
			m.commands.WithLabelValues(name, o)
		}
		m.latency.WithLabelValues(name)
	}
}

// outcome classifies what handling a command came to.
func outcome(reply commands.Reply, err error) string {
	switch {
	case err == nil && reply.Refused:
		return OutcomeUserError
	case err == nil:
		return OutcomeOK
	case commands.IsUnavailable(err):
		return OutcomeUnavailable
	}
	return OutcomeError
}
