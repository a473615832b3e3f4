// Package fakeslack is a small recording fake of Slack's Web API for tests:
// an httptest server that answers the methods Quorum calls, records every
// call, and can be told to fail, rate-limit or be slow. Point a slack-go
// client at it with slack.OptionAPIURL(f.URL()).
package fakeslack

import (
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Call is one recorded Web API call.
type Call struct {
	Method string     // "chat.postMessage"
	Form   url.Values // form-encoded arguments
	JSON   map[string]any
	At     time.Time
	// Faulted says the call was answered as a Fault said (an error or a
	// garbled body), not as Slack answers it normally.
	Faulted bool
	// Invalid lists the Block Kit limits the call's message or view broke
	// (see CheckMessage, CheckView). Slack refuses such a call with
	// invalid_blocks, and so does the fake; a text over Slack's length is
	// listed too, though it is only cut.
	Invalid []string
}

// Arg is an argument of the call, from the form or the JSON body.
func (c Call) Arg(name string) string {
	if v := c.Form.Get(name); v != "" {
		return v
	}
	if v, ok := c.JSON[name]; ok {
		switch v := v.(type) {
		case string:
			return v
		default:
			b, _ := json.Marshal(v)
			return string(b)
		}
	}
	return ""
}

// User is a person the fake's users.info knows.
type User struct {
	ID, Name, RealName, DisplayName string
}

// Fault is how the fake answers a method's next calls instead of normally.
type Fault struct {
	Status int    // HTTP status to answer (500, 429 …); 0: 200 with ok=false
	Error  string // Slack error string when Status is 0
	// Needed is the scope Slack names as missing with Error
	// "missing_scope" (its "needed" field).
	Needed     string
	RetryAfter int           // seconds, for 429
	Delay      time.Duration // wait this long before answering
	Body       string        // answer 200 with exactly this body (a garbled or partial answer)
	Times      int           // how many calls; 0 means every call
}

// Server is the fake.
type Server struct {
	srv *httptest.Server
	// Socket is the Socket Mode endpoint apps.connections.open points to.
	Socket *Socket

	mu     sync.Mutex
	calls  []Call
	users  map[string]User
	faults map[string][]*Fault
	// arrived counts calls by method as they arrive, before any Delay.
	arrived map[string]int
	seq     int
	msgs    []*Message
}

// Message is a channel message as it stands in the fake: what
// chat.postMessage made of it and chat.update changed since.
type Message struct {
	Channel string
	TS      string
	Text    string
	Blocks  string // the blocks argument, JSON
	Edits   int    // how many times chat.update changed it
	// Metadata is the metadata argument, JSON, as conversations.history
	// gives it back.
	Metadata string
}

// New starts a fake. Close it when done.
func New() *Server {
	f := &Server{users: map[string]User{}, faults: map[string][]*Fault{}, arrived: map[string]int{}, Socket: newSocket()}
	mux := http.NewServeMux()
	mux.HandleFunc("/link/", f.Socket.serve)
	mux.HandleFunc("/", f.serve)
	f.srv = httptest.NewServer(mux)
	return f
}

// URL is the API base URL, ending in a slash as slack-go expects.
func (f *Server) URL() string { return f.srv.URL + "/api/" }

// Close stops the fake.
func (f *Server) Close() { f.srv.Close() }

// AddUser makes users.info know u.
func (f *Server) AddUser(u User) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.users[u.ID] = u
}

// Fail makes method answer with fault (for fault.Times calls, or all).
func (f *Server) Fail(method string, fault Fault) {
	f.mu.Lock()
	defer f.mu.Unlock()
	fc := fault
	f.faults[method] = append(f.faults[method], &fc)
}

// Heal removes every fault.
func (f *Server) Heal() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.faults = map[string][]*Fault{}
}

// Calls returns the recorded calls of method ("" for all).
func (f *Server) Calls(method string) []Call {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []Call
	for _, c := range f.calls {
		if method == "" || c.Method == method {
			out = append(out, c)
		}
	}
	return out
}

// Arrived is how many calls of method have arrived, answered or not: a
// call held by a Fault's Delay counts from its arrival, where Calls has it
// once answered. A test waits on it to act while a call is in flight.
func (f *Server) Arrived(method string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.arrived[method]
}

// Messages returns the messages in channel ("" for all), oldest first, as
// they stand after any updates.
func (f *Server) Messages(channel string) []Message {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []Message
	for _, m := range f.msgs {
		if channel == "" || m.Channel == channel {
			out = append(out, *m)
		}
	}
	return out
}

// Reset forgets the recorded calls.
func (f *Server) Reset() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = nil
	f.arrived = map[string]int{}
}

func (f *Server) serve(w http.ResponseWriter, r *http.Request) {
	method := strings.TrimPrefix(r.URL.Path, "/api/")
	call := Call{Method: method, Form: url.Values{}, At: time.Now()}
	body, _ := io.ReadAll(io.LimitReader(r.Body, 10<<20))
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch ct {
	case "application/json":
		_ = json.Unmarshal(body, &call.JSON)
	default:
		call.Form, _ = url.ParseQuery(string(body))
	}
	for k, v := range r.URL.Query() {
		call.Form[k] = v
	}

	f.mu.Lock()
	f.arrived[method]++
	fault := f.takeFault(method)
	f.mu.Unlock()
	if fault != nil {
		if fault.Delay > 0 {
			select {
			case <-time.After(fault.Delay):
			case <-r.Context().Done():
				return
			}
		}
		call.Faulted = fault.Body != "" || fault.Status != 0 || fault.Error != ""
		if fault.Body != "" {
			f.record(call)
			w.Header().Set("Content-Type", "application/json")
			_, _ = io.WriteString(w, fault.Body)
			return
		}
		if fault.Status != 0 || fault.Error != "" {
			f.record(call)
			if fault.Status == http.StatusTooManyRequests {
				w.Header().Set("Retry-After", strconv.Itoa(fault.RetryAfter))
			}
			if fault.Status != 0 {
				w.WriteHeader(fault.Status)
				fmt.Fprintf(w, `{"ok":false,"error":"fake_%d"}`, fault.Status)
				return
			}
			ans := map[string]any{"ok": false, "error": fault.Error}
			if fault.Needed != "" {
				ans["needed"], ans["provided"] = fault.Needed, "commands,users:read"
			}
			writeJSON(w, ans)
			return
		}
	}
	if ans := f.refuse(&call); ans != nil {
		f.record(call)
		writeJSON(w, ans)
		return
	}
	f.record(call)
	writeJSON(w, f.answer(method, call))
}

// refuse checks the message or view of a call that posts one against
// Slack's limits, noting in call what it breaks, and answers as Slack
// does when blocks break them; nil when the call goes on as usual.
func (f *Server) refuse(call *Call) map[string]any {
	switch call.Method {
	case "chat.postMessage", "chat.update", "chat.postEphemeral":
		text := call.Arg("text")
		call.Invalid = CheckMessage(text, Decode(call.Arg("blocks")))
		if len(call.Invalid) == 1 && TextCut(text) {
			// Slack posts a long text cut, and says nothing.
			cut := []rune(text)[:MaxMessageText]
			if call.Form.Get("text") != "" {
				call.Form.Set("text", string(cut))
			} else {
				call.JSON["text"] = string(cut)
			}
			return nil
		}
	case "views.open", "views.update", "views.push", "views.publish":
		call.Invalid = CheckView(Decode(call.Arg("view")))
	}
	if len(call.Invalid) == 0 {
		return nil
	}
	return map[string]any{"ok": false, "error": "invalid_blocks", "errors": call.Invalid}
}

// Invalid returns the calls whose message or view broke Slack's limits.
func (f *Server) Invalid() []Call {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []Call
	for _, c := range f.calls {
		if len(c.Invalid) > 0 {
			out = append(out, c)
		}
	}
	return out
}

func (f *Server) takeFault(method string) *Fault {
	fs := f.faults[method]
	if len(fs) == 0 {
		return nil
	}
	fault := fs[0]
	if fault.Times > 0 {
		fault.Times--
		if fault.Times == 0 {
			f.faults[method] = fs[1:]
		}
	}
	return fault
}

func (f *Server) record(c Call) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, c)
}

func (f *Server) nextTS() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.seq++
	return fmt.Sprintf("%d.%06d", time.Now().Unix(), f.seq)
}

func (f *Server) answer(method string, c Call) map[string]any {
	switch method {
	case "auth.test":
		return map[string]any{"ok": true, "user_id": "UQUORUM", "team_id": "T1", "bot_id": "BQUORUM"}
	case "users.info":
		f.mu.Lock()
		u, ok := f.users[c.Arg("user")]
		f.mu.Unlock()
		if !ok {
			return map[string]any{"ok": false, "error": "user_not_found"}
		}
		return map[string]any{"ok": true, "user": map[string]any{
			"id": u.ID, "name": u.Name, "real_name": u.RealName,
			"profile": map[string]any{"real_name": u.RealName, "display_name": u.DisplayName},
		}}
	case "chat.postMessage":
		ts := f.nextTS()
		f.mu.Lock()
		f.msgs = append(f.msgs, &Message{Channel: c.Arg("channel"), TS: ts, Text: c.Arg("text"), Blocks: c.Arg("blocks"), Metadata: c.Arg("metadata")})
		f.mu.Unlock()
		return map[string]any{"ok": true, "channel": c.Arg("channel"), "ts": ts}
	case "chat.update":
		f.mu.Lock()
		defer f.mu.Unlock()
		for _, m := range f.msgs {
			if m.Channel == c.Arg("channel") && m.TS == c.Arg("ts") {
				m.Text, m.Blocks = c.Arg("text"), c.Arg("blocks")
				m.Edits++
				return map[string]any{"ok": true, "channel": m.Channel, "ts": m.TS, "text": m.Text}
			}
		}
		return map[string]any{"ok": false, "error": "message_not_found"}
	case "chat.postEphemeral":
		ts := f.nextTS()
		return map[string]any{"ok": true, "channel": c.Arg("channel"), "ts": ts, "message_ts": ts}
	case "conversations.history":
		// The channel's messages, newest first, with their metadata when
		// asked for.
		f.mu.Lock()
		defer f.mu.Unlock()
		var out []map[string]any
		for i := len(f.msgs) - 1; i >= 0; i-- {
			m := f.msgs[i]
			if m.Channel != c.Arg("channel") {
				continue
			}
			msg := map[string]any{"type": "message", "ts": m.TS, "text": m.Text}
			var meta map[string]any
			if c.Arg("include_all_metadata") == "1" && json.Unmarshal([]byte(m.Metadata), &meta) == nil {
				msg["metadata"] = meta
			}
			out = append(out, msg)
		}
		return map[string]any{"ok": true, "messages": out, "has_more": false}
	case "conversations.open":
		users := c.Arg("users")
		return map[string]any{"ok": true, "channel": map[string]any{"id": "D" + strings.ReplaceAll(users, ",", "")}}
	case "views.open", "views.publish", "views.update", "views.push":
		return map[string]any{"ok": true, "view": map[string]any{"id": "V" + f.nextTS()}}
	case "apps.connections.open":
		return map[string]any{"ok": true, "url": "ws" + strings.TrimPrefix(f.srv.URL, "http") + "/link/?ticket=" + f.nextTS()}
	case "chat.scheduleMessage":
		return map[string]any{"ok": true, "scheduled_message_id": "Q" + f.nextTS()}
	}
	return map[string]any{"ok": true}
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}
