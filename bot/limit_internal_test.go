package bot

import (
	"fmt"
	"net/http"
	"testing"
	"time"
)

// TestClientsAreBounded: under a flood from more addresses than it
// remembers, new clients are refused until the idle ones are forgotten;
// the map never grows past maxClients.
func TestClientsAreBounded(t *testing.T) {
	now := time.Date(2026, 12, 2, 1, 0, 0, 0, time.UTC)
	cs := newClients()
	cs.now = func() time.Time { return now }
	from := func(i int) *http.Request {
		return &http.Request{RemoteAddr: fmt.Sprintf("10.%d.%d.%d:4000", i>>16&255, i>>8&255, i&255)}
	}
	for i := range maxClients {
		if !cs.allow(from(i)) {
			t.Fatalf("client %d refused its first request", i)
		}
	}
	if cs.allow(from(maxClients)) {
		t.Error("a new client was let in past maxClients")
	}
	if !cs.allow(from(7)) {
		t.Error("a known client within its budget was refused")
	}
	now = now.Add(clientIdle + time.Second)
	if !cs.allow(from(maxClients)) {
		t.Error("a new client was refused after the idle ones could be forgotten")
	}
	if n := len(cs.known); n > maxClients {
		t.Errorf("%d clients remembered, want at most %d", n, maxClients)
	}
	// IPv6: one /64 is one client.
	a := clientOf(&http.Request{RemoteAddr: "[2001:db8:1:2::1]:5000"})
	b := clientOf(&http.Request{RemoteAddr: "[2001:db8:1:2:ffff::9]:5001"})
	if a != b {
		t.Errorf("two addresses of one /64 are clients %v and %v", a, b)
	}
}
