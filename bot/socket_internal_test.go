package bot

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"testing"
)

// TestSocketEnvelopeThatPanicsFailsAlone: handling one Socket Mode
// envelope trips a bug. It is logged with the panic and its stack, and the
// connection goes on handling the next. Before, the panic ended the
// process, and every envelope under way with it.
func TestSocketEnvelopeThatPanicsFailsAlone(t *testing.T) {
	// Written by the envelopes' goroutines; wg.Wait orders their writes
	// before the reads.
	var logs bytes.Buffer
	srv := NewServer(Config{Log: slog.New(slog.NewTextHandler(&logs, nil))})
	k := NewSocket(srv, nil)
	k.spawn(context.Background(), func(context.Context) {
		var m map[string]int
		m["envelope"]++
	})
	handled := make(chan struct{})
	k.spawn(context.Background(), func(context.Context) { close(handled) })
	<-handled
	k.wg.Wait()
	for _, want := range []string{"socket mode: panic while handling an envelope", "assignment to entry in nil map", "socket_internal_test.go"} {
		if !strings.Contains(logs.String(), want) {
			t.Errorf("the log lacks %q:\n%s", want, logs.String())
		}
	}
}
