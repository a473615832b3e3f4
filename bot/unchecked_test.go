package bot_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/quorumhq/quorum/internal/bottest"
)

// TestInteractionsWhileTheDatabaseIsDown: with PostgreSQL stopped, a form
// submitted or a button pressed cannot be checked for a replay, so nothing
// is done. The form stays open saying that nothing was saved, and a
// button's presser is told so through its response_url, rather than left
// with Slack's own error for a failed request, which says neither.
func TestInteractionsWhileTheDatabaseIsDown(t *testing.T) {
	srv, k := stoppableKit(t)
	k.Must(neil, "/apologies", "Unwell")
	k.Must(neil, "/declare", "")
	_, view := openedView(t, k)

	if err := srv.Stop(); err != nil {
		t.Fatal(err)
	}
	s := submit(t, k, neil, view, declareValues("1", "personal", "Trustee of SWACA", false))
	if s.Action != "errors" || !strings.Contains(s.Errors["item"], "NOT saved") {
		t.Errorf("form submitted with the database down answered %+v, want it kept open saying nothing was saved", s)
	}
	hook := k.NewHook()
	status, body := k.Interact(bottest.ButtonPayload(neil, "apologies.withdraw", "1", hook.URL()))
	if status != http.StatusOK {
		t.Errorf("button pressed with the database down: status %d (%s), want 200 with the presser told", status, body)
	}
	deadline := time.Now().Add(5 * time.Second)
	for hook.Last() == "" && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if got := hook.Last(); !strings.Contains(got, "NOT saved") {
		t.Errorf("button pressed with the database down told %q, want that nothing was saved", got)
	}

	if err := srv.Restart(context.Background()); err != nil {
		t.Fatal(err)
	}
	wantText(t, k.Must(neil, "/declare", "list"), "No interests have been declared.")
	wantText(t, k.Must(neil, "/apologies", "list"), "Neil Frackelton")
}
