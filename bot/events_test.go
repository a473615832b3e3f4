package bot_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/quorumhq/quorum/internal/bottest"
)

func TestEventsEndpoint(t *testing.T) {
	k := newCommittee(t)
	k.Must(officer, "/meeting", "schedule 2026-12-10 10:00 Remote Meeting")
	k.Server.Settle()
	const jsonType = "application/json"
	signed := bottest.SignJSON(nil)

	// Slack checks the URL with a challenge, signed like everything else.
	status, body := k.PostRaw("/slack/events", []byte(`{"token":"legacy","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}`), jsonType, signed)
	// Slack reads the key as documented, "challenge": Go's decoding would
	// take "Challenge" too, so the answer is read as a map.
	var challenge map[string]string
	if err := json.Unmarshal(body, &challenge); status != http.StatusOK || err != nil || challenge["challenge"] != "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P" {
		t.Errorf("url_verification: %d %s", status, body)
	}

	// Opening the Home tab publishes it.
	before := len(homesOf(k, neil))
	opened, _ := json.Marshal(homeOpened("Ev100", neil))
	if status, body := k.PostRaw("/slack/events", opened, jsonType, signed); status != http.StatusOK {
		t.Fatalf("app_home_opened: %d %s", status, body)
	}
	home := latestHome(t, k, neil, "Next meeting: Thursday 10 December 2026, 10:00, Remote Meeting")
	if !strings.Contains(home, `"type":"home"`) || !strings.Contains(home, "Member for SWACA") {
		t.Errorf("published Home:\n%s", home)
	}

	// Slack retries an event it thinks went unanswered: handled once.
	retry := bottest.SignJSON(map[string]string{"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"})
	if status, _ := k.PostRaw("/slack/events", opened, jsonType, retry); status != http.StatusOK {
		t.Errorf("retry: status %d, want 200 so that Slack stops retrying", status)
	}
	k.Server.Settle()
	if n := len(homesOf(k, neil)) - before; n != 1 {
		t.Errorf("%d Homes published for one event and its retry, want 1", n)
	}
	// Another event is not mistaken for the retry.
	other, _ := json.Marshal(homeOpened("Ev101", neil))
	k.PostRaw("/slack/events", other, jsonType, signed)
	k.Server.Settle()
	if n := len(homesOf(k, neil)) - before; n != 2 {
		t.Errorf("%d Homes published for two events, want 2", n)
	}
	// The messages tab is not the Home.
	messages, _ := json.Marshal(map[string]any{"type": "event_callback", "team_id": bottest.Team, "event_id": "Ev102",
		"event": map[string]any{"type": "app_home_opened", "user": neil, "channel": "D1", "tab": "messages", "event_ts": "1.2"}})
	k.PostRaw("/slack/events", messages, jsonType, signed)
	// An event Quorum does not subscribe to is answered and ignored.
	unknown := []byte(`{"type":"event_callback","team_id":"T1","event_id":"Ev103","event":{"type":"something_new","user":"UNEIL"}}`)
	if status, _ := k.PostRaw("/slack/events", unknown, jsonType, signed); status != http.StatusOK {
		t.Errorf("unknown event: status %d, want 200", status)
	}
	k.Server.Settle()
	if n := len(homesOf(k, neil)) - before; n != 2 {
		t.Errorf("%d Homes published after the messages tab and an unknown event, want still 2", n)
	}

	// Forged, stale or unsigned events are refused before anything reads them.
	forged, _ := json.Marshal(homeOpened("Ev200", neil))
	for name, sign := range map[string]func(http.Header, []byte){
		"forged":   func(h http.Header, b []byte) { bottest.Sign(h, b, "not-the-secret", time.Now()) },
		"stale":    func(h http.Header, b []byte) { bottest.Sign(h, b, bottest.Secret, time.Now().Add(-10*time.Minute)) },
		"unsigned": nil,
	} {
		if status, _ := k.PostRaw("/slack/events", forged, jsonType, sign); status != http.StatusUnauthorized {
			t.Errorf("%s event: status %d, want 401", name, status)
		}
	}
	if status, _ := k.PostRaw("/slack/events", []byte(`{"type":`), jsonType, signed); status != http.StatusBadRequest {
		t.Errorf("malformed event: status %d, want 400", status)
	}
	k.Server.Settle()
	if n := len(homesOf(k, neil)) - before; n != 2 {
		t.Errorf("a refused event published a Home (%d in all, want 2)", n)
	}
}
