package bot

import (
	"bytes"
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/quorumhq/quorum/commands"
)

// TestCommandThatPanicsIsAnsweredAndLogged: a command that fails in a way
// the code did not foresee is answered, with a reference that its log
// entry bears with the panic and where it was raised, and without saying
// whether it was saved. Before, nothing recovered it: on a goroutine of
// its own the panic ended the process, and on its request's, net/http
// closed the connection and Slack showed the member an error of its own.
func TestCommandThatPanicsIsAnsweredAndLogged(t *testing.T) {
	var logs bytes.Buffer
	log := slog.New(slog.NewTextHandler(&logs, nil))
	req := commands.Request{Command: "/apologies", TeamID: "T1", ChannelID: "C1", UserID: "UNEIL"}
	reply, failed := attempt(context.Background(), nil, log, time.Second, req, func(context.Context) (commands.Reply, error) {
		var m map[string]int
		m["boom"]++ // a nil map: a panic of the runtime's own
		return commands.Reply{Text: "done"}, nil
	})
	if !failed {
		t.Error("a command that panicked was not reported as failed")
	}
	if reply.Visibility != commands.Private || !strings.Contains(reply.Text, "something went wrong") ||
		strings.Contains(reply.Text, "NOT saved") {
		t.Errorf("reply = %+v, want a private answer that something went wrong, neither saved nor NOT saved", reply)
	}
	i := strings.Index(reply.Text, "(ref ")
	if i < 0 {
		t.Fatalf("reply %q has no reference", reply.Text)
	}
	ref := strings.TrimSuffix(strings.Fields(reply.Text[i+len("(ref "):])[0], "),")
	got := logs.String()
	for _, want := range []string{"command panicked", "ref=" + ref, "command=/apologies", "user=UNEIL", "assignment to entry in nil map", "server_internal_test.go"} {
		if !strings.Contains(got, want) {
			t.Errorf("the log lacks %q:\n%s", want, got)
		}
	}

	// A command that does not panic is answered as before.
	reply, failed = attempt(context.Background(), nil, log, time.Second, req, func(context.Context) (commands.Reply, error) {
		return commands.Reply{Text: "done"}, nil
	})
	if failed || reply.Text != "done" {
		t.Errorf("reply = %+v, failed %v; want done", reply, failed)
	}
}

// TestCommandThatPanicsCountsAsAnError: the command counter counts a
// command that panicked among the errors, not the commands that went well.
func TestCommandThatPanicsCountsAsAnError(t *testing.T) {
	metrics := NewMetrics()
	// No Service: running the command trips on it, a panic of the kind a
	// bug makes.
	s := NewServer(Config{Metrics: metrics, Log: slog.New(slog.DiscardHandler)})
	reply, replay := s.handle(context.Background(), commands.Request{Command: "/apologies", TeamID: "T1", ChannelID: "C1", UserID: "UNEIL"})
	if replay || !strings.Contains(reply.Text, "something went wrong") {
		t.Fatalf("reply = %+v, replay %v; want the answer to a panic", reply, replay)
	}
	rec := httptest.NewRecorder()
	metrics.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	body := rec.Body.String()
	if !strings.Contains(body, `quorum_commands_total{command="other",outcome="error"} 1`) ||
		strings.Contains(body, `outcome="ok"} 1`) {
		t.Errorf("the command that panicked is not counted as an error:\n%s", grepLines(body, "quorum_commands_total"))
	}
}

// grepLines is the lines of s that contain sub.
func grepLines(s, sub string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, sub) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}
