package main

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// options say what load to send where.
type options struct {
	Target      string
	Secret      string
	Rate        float64 // per second; 0: closed loop
	Concurrency int
	Duration    time.Duration
	MaxRequests int
	MaxInFlight int
	Users       int
	Command     string
	Text        string
	Team        string
	Channel     string
	UserPrefix  string
	Setup       bool
	Officer     string
	Timeout     time.Duration
	// First is the number of the first request ({n} in its text), so that
	// runs one after another can send texts of their own.
	First int
}

func (o options) check() error {
	if err := checkLoopbackURL(o.Target); err != nil {
		return err
	}
	switch {
	case o.Secret == "":
		return errors.New("give the signing secret serve trusts (-secret or SLACK_SIGNING_SECRET)")
	case o.Rate < 0 || o.Rate > capRate:
		return fmt.Errorf("-rate must be between 0 and %d", capRate)
	case o.Rate == 0 && (o.Concurrency < 1 || o.Concurrency > capConcurrency):
		return fmt.Errorf("-concurrency must be between 1 and %d", capConcurrency)
	case o.Duration <= 0 || o.Duration > capDuration:
		return fmt.Errorf("-duration must be positive and at most %s", capDuration)
	case o.MaxRequests < 1 || o.MaxRequests > capRequests:
		return fmt.Errorf("-max-requests must be between 1 and %d", capRequests)
	case o.MaxInFlight < 1 || o.MaxInFlight > 10_000:
		return errors.New("-max-in-flight must be between 1 and 10000")
	case o.Users < 1 || o.Users > capUsers:
		return fmt.Errorf("-users must be between 1 and %d", capUsers)
	case !strings.HasPrefix(o.Command, "/"):
		return errors.New("-command must start with /")
	case o.Timeout <= 0 || o.Timeout > time.Minute:
		return errors.New("-timeout must be positive and at most 1m")
	}
	return nil
}

// checkLoopbackURL refuses any target that is not on this machine's
// loopback interface. Host names other than localhost are not resolved:
// they are refused.
func checkLoopbackURL(target string) error {
	u, err := url.Parse(target)
	if err != nil || u.Scheme != "http" || u.Host == "" {
		return fmt.Errorf("-target %q must be an http:// URL on this machine", target)
	}
	if !isLoopbackHost(u.Hostname()) {
		return fmt.Errorf("refusing to send load to %q: only 127.0.0.0/8, ::1 and localhost are allowed", u.Hostname())
	}
	return nil
}

// checkLoopbackAddr is checkLoopbackURL for a listen address "host:port".
func checkLoopbackAddr(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("%q is not host:port", addr)
	}
	if !isLoopbackHost(host) {
		return fmt.Errorf("%q is not a loopback address (use 127.0.0.1:PORT)", addr)
	}
	return nil
}

func isLoopbackHost(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func (o options) describe() string {
	mode := fmt.Sprintf("open loop at %g/s", o.Rate)
	if o.Rate == 0 {
		mode = fmt.Sprintf("closed loop with %d senders", o.Concurrency)
	}
	return fmt.Sprintf("sending %s to %s, %s, for %s or %d requests, from %d users",
		o.Command, o.Target, mode, o.Duration, o.MaxRequests, o.Users)
}

func (o options) user(n int) string { return fmt.Sprintf("%s%05d", o.UserPrefix, n%o.Users) }

func (o options) text(n int) string { return strings.ReplaceAll(o.Text, "{n}", strconv.Itoa(n)) }

// Outcome kinds of one request.
const (
	kindOK          = "ok"          // the command was carried out
	kindNotSaved    = "not_saved"   // answered, saying the record was NOT saved
	kindInDoubt     = "in_doubt"    // answered, saying the records went away mid-commit (may be saved)
	kindUnavailable = "unavailable" // answered, saying the records are unavailable (reads)
	kindOtherReply  = "other_reply" // answered 200 with something else (not a member, bad date…)
	kindTimeout     = "timeout"     // no answer within -timeout
	kindConnError   = "conn_error"  // could not connect or the connection broke
)

// result is what a run came to.
type result struct {
	Options  options
	Started  time.Time
	Elapsed  time.Duration
	Sent     int
	Kinds    map[string]int // outcome kinds, and "http_NNN" for other statuses
	Latency  []time.Duration
	Waited   int   // open loop: sends that found -max-in-flight reached
	OK       []int // numbers of the requests that reported success
	NotSaved []int // numbers of the requests that reported NOT saved
}

// client sends signed slash commands.
type client struct {
	o    options
	http *http.Client
}

// requestSeq and runID make each request's trigger_id and response_url its
// own, as Slack's are, across clients and runs: serve refuses a request it
// has seen as a replay.
var (
	requestSeq atomic.Int64
	runID      = strconv.FormatInt(time.Now().UnixNano(), 36)
)

func newClient(o options, conns int) *client {
	tr := &http.Transport{
		Proxy:               nil, // never through a proxy: loopback only
		MaxIdleConns:        conns,
		MaxIdleConnsPerHost: conns,
		IdleConnTimeout:     30 * time.Second,
		DisableCompression:  true,
		DialContext:         (&net.Dialer{Timeout: o.Timeout}).DialContext,
	}
	return &client{o: o, http: &http.Client{Transport: tr, Timeout: o.Timeout}}
}

// form is the body Slack posts for "/command text" from user.
func (c *client) form(user, command, text string) string {
	n := runID + "." + strconv.FormatInt(requestSeq.Add(1), 10)
	return url.Values{
		"token": {"load"}, "team_id": {c.o.Team}, "team_domain": {"load"},
		"channel_id": {c.o.Channel}, "channel_name": {"load-test"},
		"user_id": {user}, "user_name": {strings.ToLower(user)},
		"command": {command}, "text": {text},
		"response_url": {"https://hooks.slack.invalid/commands/load/" + n},
		"trigger_id":   {"1.2.load" + n},
		"api_app_id":   {"ALOAD"},
	}.Encode()
}

// send posts a signed slash command and returns the status and body.
func (c *client) send(ctx context.Context, user, command, text string) (int, []byte, error) {
	body := c.form(user, command, text)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, strings.TrimRight(c.o.Target, "/")+"/slack/commands", strings.NewReader(body))
	if err != nil {
		return 0, nil, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	sign(req.Header, body, c.o.Secret, time.Now())
	resp, err := c.http.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	out, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	return resp.StatusCode, out, err
}

// sign signs a request as Slack does.
func sign(h http.Header, body, secret string, ts time.Time) {
	stamp := strconv.FormatInt(ts.Unix(), 10)
	mac := hmac.New(sha256.New, []byte(secret))
	io.WriteString(mac, "v0:"+stamp+":"+body)
	h.Set("X-Slack-Request-Timestamp", stamp)
	h.Set("X-Slack-Signature", "v0="+hex.EncodeToString(mac.Sum(nil)))
}

// classify says what kind of outcome a request had.
func classify(status int, body []byte, err error) string {
	if err != nil {
		var ne net.Error
		if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, os.ErrDeadlineExceeded) || errors.As(err, &ne) && ne.Timeout() {
			return kindTimeout
		}
		return kindConnError
	}
	if status != http.StatusOK {
		return "http_" + strconv.Itoa(status)
	}
	switch {
	case bytes.Contains(body, []byte("NOT saved")):
		return kindNotSaved
	case bytes.Contains(body, []byte("cannot tell whether")):
		return kindInDoubt
	case bytes.Contains(body, []byte("are recorded")), bytes.Contains(body, []byte("are updated")),
		bytes.Contains(body, []byte("nothing changed")), bytes.Equal(body, []byte(floorRecorded)),
		bytes.Contains(body, []byte(`"text":"Recorded: you declared`)),
		bytes.Contains(body, []byte("is attached.")), bytes.Contains(body, []byte("is replaced (the earlier link")):
		return kindOK
	case bytes.Contains(body, []byte("unavailable")):
		return kindUnavailable
	}
	return kindOtherReply
}

// load runs the requests and gathers the result.
func load(ctx context.Context, o options) (*result, error) {
	conns := o.MaxInFlight
	if o.Rate == 0 {
		conns = o.Concurrency
	}
	c := newClient(o, conns)
	defer c.http.CloseIdleConnections()
	res := &result{Options: o, Kinds: map[string]int{}, Latency: make([]time.Duration, 0, min(o.MaxRequests, 1<<20))}
	var mu sync.Mutex
	record := func(n int, kind string, took time.Duration) {
		mu.Lock()
		defer mu.Unlock()
		res.Kinds[kind]++
		res.Latency = append(res.Latency, took)
		switch kind {
		case kindOK:
			res.OK = append(res.OK, n)
		case kindNotSaved:
			res.NotSaved = append(res.NotSaved, n)
		}
	}
	one := func(n int, from time.Time) {
		// The request's own context is not the run's: a request sent is
		// always seen through (or timed out), even when the run is stopped.
		n += o.First
		status, body, err := c.send(context.Background(), o.user(n), o.Command, o.text(n))
		record(n, classify(status, body, err), time.Since(from))
	}

	ctx, cancel := context.WithTimeout(ctx, o.Duration)
	defer cancel()
	var wg sync.WaitGroup
	res.Started = time.Now()
	if o.Rate > 0 {
		interval := time.Duration(float64(time.Second) / o.Rate)
		sem := make(chan struct{}, o.MaxInFlight)
		timer := time.NewTimer(0)
		defer timer.Stop()
	open:
		for n := 0; n < o.MaxRequests; n++ {
			intended := res.Started.Add(time.Duration(n) * interval)
			if intended.Sub(res.Started) >= o.Duration {
				break
			}
			if d := time.Until(intended); d > 0 {
				timer.Reset(d)
				select {
				case <-ctx.Done():
					break open
				case <-timer.C:
				}
			}
			select {
			case sem <- struct{}{}:
			default:
				res.Waited++
				select {
				case sem <- struct{}{}:
				case <-ctx.Done():
					break open
				}
			}
			res.Sent++
			wg.Add(1)
			go func() {
				defer func() { <-sem; wg.Done() }()
				// Latency counts from when the request should have gone.
				one(n, intended)
			}()
		}
	} else {
		var next int
		var nmu sync.Mutex
		take := func() (int, bool) {
			nmu.Lock()
			defer nmu.Unlock()
			if next >= o.MaxRequests || ctx.Err() != nil {
				return 0, false
			}
			next++
			return next - 1, true
		}
		for range o.Concurrency {
			wg.Go(func() {
				for {
					n, ok := take()
					if !ok {
						return
					}
					one(n, time.Now())
				}
			})
		}
		wg.Wait()
		res.Sent = next
	}
	wg.Wait()
	res.Elapsed = time.Since(res.Started)
	sort.Slice(res.Latency, func(i, j int) bool { return res.Latency[i] < res.Latency[j] })
	sort.Ints(res.OK)
	sort.Ints(res.NotSaved)
	return res, nil
}

// percentile is the q-quantile of the sorted samples (nearest rank).
func percentile(sorted []time.Duration, q float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := int(q*float64(len(sorted))+0.999999) - 1
	i = max(0, min(i, len(sorted)-1))
	return sorted[i]
}

// summary is the report as JSON.
type summary struct {
	Target      string         `json:"target"`
	Command     string         `json:"command"`
	Mode        string         `json:"mode"`
	Rate        float64        `json:"rate,omitempty"`
	Concurrency int            `json:"concurrency,omitempty"`
	Users       int            `json:"users"`
	Sent        int            `json:"sent"`
	Answered    int            `json:"answered"`
	Seconds     float64        `json:"seconds"`
	Throughput  float64        `json:"throughput_per_s"`
	Outcomes    map[string]int `json:"outcomes"`
	WaitedSends int            `json:"sends_that_waited_for_in_flight_limit,omitempty"`
	LatencyMS   map[string]any `json:"latency_ms"`
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func (r *result) summary() summary {
	s := summary{
		Target: r.Options.Target, Command: r.Options.Command, Mode: "open", Rate: r.Options.Rate,
		Users: r.Options.Users, Sent: r.Sent, Seconds: r.Elapsed.Seconds(), Outcomes: r.Kinds, WaitedSends: r.Waited,
	}
	if r.Options.Rate == 0 {
		s.Mode, s.Concurrency = "closed", r.Options.Concurrency
	}
	for k, v := range r.Kinds {
		if k != kindTimeout && k != kindConnError {
			s.Answered += v
		}
	}
	if r.Elapsed > 0 {
		s.Throughput = float64(s.Answered) / r.Elapsed.Seconds()
	}
	s.LatencyMS = map[string]any{
		"p50": ms(percentile(r.Latency, 0.50)), "p90": ms(percentile(r.Latency, 0.90)),
		"p99": ms(percentile(r.Latency, 0.99)), "p99.9": ms(percentile(r.Latency, 0.999)),
		"max": ms(percentile(r.Latency, 1)),
	}
	return s
}

func (r *result) print(w io.Writer) {
	s := r.summary()
	fmt.Fprintf(w, "requests: %d sent, %d answered in %.2fs: %.1f/s\n", s.Sent, s.Answered, s.Seconds, s.Throughput)
	kinds := make([]string, 0, len(r.Kinds))
	for k := range r.Kinds {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	var parts []string
	for _, k := range kinds {
		parts = append(parts, fmt.Sprintf("%s %d", k, r.Kinds[k]))
	}
	fmt.Fprintf(w, "outcomes: %s\n", strings.Join(parts, ", "))
	if r.Waited > 0 {
		fmt.Fprintf(w, "note: %d sends waited because %d requests were already in flight (their wait counts in the latency)\n", r.Waited, r.Options.MaxInFlight)
	}
	from := "from the intended send time"
	if r.Options.Rate == 0 {
		from = "from the send"
	}
	fmt.Fprintf(w, "latency (%s): p50 %s  p90 %s  p99 %s  p99.9 %s  max %s\n", from,
		round(percentile(r.Latency, 0.50)), round(percentile(r.Latency, 0.90)), round(percentile(r.Latency, 0.99)),
		round(percentile(r.Latency, 0.999)), round(percentile(r.Latency, 1)))
}

func round(d time.Duration) time.Duration {
	if d > 10*time.Millisecond {
		return d.Round(100 * time.Microsecond)
	}
	return d.Round(10 * time.Microsecond)
}
