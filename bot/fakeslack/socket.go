package fakeslack

import (
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/gorilla/websocket"
)

// Socket is the fake's Socket Mode endpoint: apps.connections.open hands
// out its address, and it speaks Slack's protocol over the websocket —
// a hello on connecting, envelopes with an envelope_id, acknowledgements
// back, pings, and a disconnect message asking the client to reconnect.
type Socket struct {
	upgrader websocket.Upgrader

	mu      sync.Mutex
	changed *sync.Cond
	conn    *websocket.Conn
	opened  int // connections accepted
	acks    map[string]json.RawMessage
	seq     int
	// invalid lists the limits broken by acknowledgements' payloads,
	// which Slack drops.
	invalid []string
}

// Invalid lists the Block Kit limits broken by the replies the client
// acknowledged envelopes with (see CheckReply).
func (s *Socket) Invalid() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.invalid...)
}

func newSocket() *Socket {
	s := &Socket{acks: map[string]json.RawMessage{}}
	// socketmode dials with Origin https://api.slack.com, which Slack accepts.
	s.upgrader.CheckOrigin = func(*http.Request) bool { return true }
	s.changed = sync.NewCond(&s.mu)
	return s
}

// WaitConnections waits until the client has opened n connections and the
// last is up, or fails after timeout.
func (s *Socket) WaitConnections(n int, timeout time.Duration) error {
	return s.wait(timeout, func() bool { return s.opened >= n && s.conn != nil }, func() string {
		return fmt.Sprintf("%d connections opened, want %d", s.opened, n)
	})
}

// wait waits, holding s.mu, until ok or the timeout.
func (s *Socket) wait(timeout time.Duration, ok func() bool, why func() string) error {
	deadline := time.Now().Add(timeout)
	timer := time.AfterFunc(timeout, func() {
		s.mu.Lock()
		s.changed.Broadcast()
		s.mu.Unlock()
	})
	defer timer.Stop()
	s.mu.Lock()
	defer s.mu.Unlock()
	for !ok() {
		if time.Now().After(deadline) {
			return fmt.Errorf("fakeslack socket: %s after %v", why(), timeout)
		}
		s.changed.Wait()
	}
	return nil
}

// Send sends an envelope of the given type ("slash_commands",
// "interactive", "events_api") with payload over the current connection,
// and returns its envelope ID.
func (s *Socket) Send(typ string, payload any) (string, error) {
	return s.SendRetry(typ, payload, 0)
}

// SendRetry sends an envelope as Slack's retry number attempt of it.
func (s *Socket) SendRetry(typ string, payload any, attempt int) (string, error) {
	raw, err := json.Marshal(payload)
	if err != nil {
		return "", err
	}
	s.mu.Lock()
	conn := s.conn
	s.seq++
	id := fmt.Sprintf("env-%d", s.seq)
	s.mu.Unlock()
	if conn == nil {
		return "", fmt.Errorf("fakeslack socket: no connection")
	}
	msg := map[string]any{
		"type": typ, "envelope_id": id, "payload": json.RawMessage(raw),
		"accepts_response_payload": typ != "events_api", "retry_attempt": attempt,
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return id, conn.WriteJSON(msg)
}

// Ack waits for the client's acknowledgement of envelope id and returns
// its payload ("null" when empty).
func (s *Socket) Ack(id string, timeout time.Duration) (json.RawMessage, error) {
	var out json.RawMessage
	err := s.wait(timeout, func() bool {
		p, ok := s.acks[id]
		out = p
		return ok
	}, func() string { return "no acknowledgement of " + id })
	return out, err
}

// Disconnect sends Slack's "disconnect" message, asking the client to open
// a new connection.
func (s *Socket) Disconnect() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.conn == nil {
		return fmt.Errorf("fakeslack socket: no connection")
	}
	return s.conn.WriteJSON(map[string]any{"type": "disconnect", "reason": "refresh_requested", "debug_info": map[string]any{"host": "fakeslack"}})
}

// Drop closes the connection without a word, as a network failure would.
func (s *Socket) Drop() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.conn != nil {
		_ = s.conn.Close()
		s.conn = nil
	}
}

func (s *Socket) serve(w http.ResponseWriter, r *http.Request) {
	conn, err := s.upgrader.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	s.mu.Lock()
	s.opened++
	n := s.opened
	if s.conn != nil {
		// Slack lets an app hold several connections; the fake speaks
		// over the newest only.
		_ = s.conn.Close()
	}
	s.conn = conn
	err = conn.WriteJSON(map[string]any{
		"type": "hello", "num_connections": 1,
		"connection_info": map[string]any{"app_id": "A1"},
		"debug_info":      map[string]any{"host": "fakeslack", "approximate_connection_time": 3600},
	})
	s.changed.Broadcast()
	s.mu.Unlock()
	if err != nil {
		return
	}
	done := make(chan struct{})
	defer close(done)
	go func() {
		t := time.NewTicker(time.Second)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				_ = conn.WriteControl(websocket.PingMessage, []byte(fmt.Sprint(n)), time.Now().Add(time.Second))
			}
		}
	}()
	for {
		var ack struct {
			EnvelopeID string          `json:"envelope_id"`
			Payload    json.RawMessage `json:"payload"`
		}
		if err := conn.ReadJSON(&ack); err != nil {
			s.mu.Lock()
			if s.conn == conn {
				s.conn = nil
			}
			s.changed.Broadcast()
			s.mu.Unlock()
			_ = conn.Close()
			return
		}
		if ack.Payload == nil {
			ack.Payload = json.RawMessage("null")
		}
		problems := CheckReply(ack.Payload)
		s.mu.Lock()
		s.invalid = append(s.invalid, problems...)
		s.acks[ack.EnvelopeID] = ack.Payload
		s.changed.Broadcast()
		s.mu.Unlock()
	}
}
