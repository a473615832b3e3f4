package main

import (
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"strings"
	"sync/atomic"
	"time"
)

// fakeSlack answers the Web API calls serve makes, at once and without
// recording them, so that a load run needs no Slack: users.info gives every
// user a name made from their ID, auth.test and chat.* succeed.
type fakeSlack struct {
	srv *http.Server
	ln  net.Listener
	seq atomic.Int64
}

func startFakeSlack(addr string) (*fakeSlack, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("fake Slack: %w", err)
	}
	f := &fakeSlack{ln: ln}
	f.srv = &http.Server{Handler: f, ReadHeaderTimeout: 5 * time.Second}
	go func() { _ = f.srv.Serve(ln) }()
	return f, nil
}

// URL is the base URL to give serve as SLACK_API_URL.
func (f *fakeSlack) URL() string { return "http://" + f.ln.Addr().String() + "/api/" }

func (f *fakeSlack) Close() error { return f.srv.Close() }

func (f *fakeSlack) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	method := strings.TrimPrefix(r.URL.Path, "/api/")
	_ = r.ParseForm()
	var v map[string]any
	switch method {
	case "auth.test":
		v = map[string]any{"ok": true, "user_id": "UQUORUM", "team_id": "TLOAD", "bot_id": "BQUORUM"}
	case "users.info":
		id := r.Form.Get("user")
		name := "Load User " + strings.TrimLeft(strings.TrimPrefix(id, "ULOAD"), "0")
		v = map[string]any{"ok": true, "user": map[string]any{
			"id": id, "name": strings.ToLower(id), "real_name": name,
			"profile": map[string]any{"real_name": name, "display_name": name},
		}}
	case "conversations.open":
		v = map[string]any{"ok": true, "channel": map[string]any{"id": "D" + r.Form.Get("users")}}
	case "chat.postMessage", "chat.update", "chat.postEphemeral", "chat.scheduleMessage":
		ts := fmt.Sprintf("%d.%06d", time.Now().Unix(), f.seq.Add(1)%1e6)
		v = map[string]any{"ok": true, "channel": r.Form.Get("channel"), "ts": ts, "message_ts": ts, "scheduled_message_id": "Q" + ts}
	default:
		v = map[string]any{"ok": true}
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}
