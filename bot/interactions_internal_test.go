package bot

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/slack-go/slack"

	"github.com/quorumhq/quorum/commands"
)

func TestOpenFormRefusesMetadataOverSlacksLimit(t *testing.T) {
	var calls atomic.Int32
	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		_, _ = w.Write([]byte(`{"ok":true}`))
	}))
	defer api.Close()
	s := NewServer(Config{Slack: slack.New("xoxb-test", slack.OptionAPIURL(api.URL+"/api/"))})
	req := commands.Request{TeamID: "T1", ChannelID: "C1", UserID: "U1"}
	form := commands.Form{ID: "declare", Title: "Declare an interest", Metadata: strings.Repeat("x", 2990)}
	err := s.openForm(context.Background(), req, "trigger", form, time.Now().Add(time.Second))
	if !errors.Is(err, errMetadataTooLong) {
		t.Errorf("err = %v, want errMetadataTooLong", err)
	}
	if calls.Load() != 0 {
		t.Error("views.open was called with metadata Slack would refuse")
	}
	form.Metadata = "42"
	if err := s.openForm(context.Background(), req, "trigger", form, time.Now().Add(time.Second)); err != nil || calls.Load() != 1 {
		t.Errorf("small metadata: err = %v, calls = %d", err, calls.Load())
	}
}

func TestRespondGivesUpOnSlowOrBadEndpoints(t *testing.T) {
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(5 * time.Second):
		case <-r.Context().Done():
		}
	}))
	defer slow.Close()
	failing := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "used_url", http.StatusNotFound)
	}))
	defer failing.Close()
	s := NewServer(Config{})
	start := time.Now()
	if err := s.respond(context.Background(), slow.URL, Response{Text: "x"}); err == nil {
		t.Error("a response_url that never answers: no error")
	}
	// The endpoint would answer after 5 s; a loaded machine may give up a
	// little after the 2 s.
	if took := time.Since(start); took > responseTimeout+2*time.Second {
		t.Errorf("gave up after %v, want about %v", took, responseTimeout)
	}
	if err := s.respond(context.Background(), failing.URL, Response{Text: "x"}); err == nil || !strings.Contains(err.Error(), "404") {
		t.Errorf("404: err = %v", err)
	}
	for _, u := range []string{"", "file:///etc/passwd", "javascript:alert(1)", "https://"} {
		if err := s.respond(context.Background(), u, Response{Text: "x"}); err == nil {
			t.Errorf("respond(%q): no error", u)
		}
	}
}
