package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/slack-go/slack"

	"github.com/quorumhq/quorum/bot/fakeslack"
	"github.com/quorumhq/quorum/commands"
)

// TestOneHomeAtATimePerPerson: a person presses two buttons on their Home
// in quick succession. The Home for the second press is published after
// the one for the first, never beside it, so the one built from the newer
// records lands last; another person's Home does not wait.
func TestOneHomeAtATimePerPerson(t *testing.T) {
	srv := NewServer(Config{Slack: slack.New("xoxb-test")}) // never called: publish is replaced below
	h := srv.homes
	var mu sync.Mutex
	var published []string
	inFlight := map[string]int{}
	release := make(chan struct{})
	h.publish = func(ctx context.Context, team, user, notice string) error {
		mu.Lock()
		inFlight[user]++
		if inFlight[user] > 1 {
			t.Errorf("%s's Home published by two workers at once", user)
		}
		mu.Unlock()
		if notice == "first" {
			<-release // the first press's Home is slow to build
		}
		mu.Lock()
		inFlight[user]--
		published = append(published, user+":"+notice)
		mu.Unlock()
		return nil
	}
	h.refresh("T1", "U1", "first")
	waitFor(t, func() bool { mu.Lock(); defer mu.Unlock(); return inFlight["U1"] == 1 })
	h.refresh("T1", "U1", "second")
	h.refresh("T1", "U2", "other")
	waitFor(t, func() bool { mu.Lock(); defer mu.Unlock(); return len(published) == 1 })
	mu.Lock()
	if published[0] != "U2:other" {
		t.Errorf("published %v; want U2's Home while U1's first is still building", published)
	}
	mu.Unlock()
	close(release)
	h.wait()
	want := []string{"U2:other", "U1:first", "U1:second"}
	mu.Lock()
	defer mu.Unlock()
	if len(published) != len(want) {
		t.Fatalf("published %v, want %v", published, want)
	}
	for i := range want {
		if published[i] != want[i] {
			t.Fatalf("published %v, want %v", published, want)
		}
	}
}

func waitFor(t *testing.T, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatal("timed out")
		}
		time.Sleep(time.Millisecond)
	}
}

// TestHomeThatPanicsFailsAlone: building one person's Home trips a bug.
// It is logged with the panic and its stack, and the worker goes on:
// another person's Home, and the same person's next, are published. Before,
// the panic ended serve's process.
func TestHomeThatPanicsFailsAlone(t *testing.T) {
	// The workers write it; h.wait orders their writes before the reads.
	var logs bytes.Buffer
	srv := NewServer(Config{Slack: slack.New("xoxb-test"), Log: slog.New(slog.NewTextHandler(&logs, nil))})
	h := srv.homes
	var mu sync.Mutex
	var published []string
	h.publish = func(ctx context.Context, team, user, notice string) error {
		if notice == "trips" {
			var m map[string]int
			m[user]++
		}
		mu.Lock()
		published = append(published, user+":"+notice)
		mu.Unlock()
		return nil
	}
	h.refresh("T1", "U1", "trips")
	h.wait()
	h.refresh("T1", "U2", "other")
	h.refresh("T1", "U1", "again")
	h.wait()
	mu.Lock()
	got := strings.Join(published, " ")
	mu.Unlock()
	if got != "U2:other U1:again" && got != "U1:again U2:other" {
		t.Errorf("published %q after a Home that panicked; want U2's and U1's next", got)
	}
	for _, want := range []string{"home not published: panic", "user=U1", "assignment to entry in nil map", "home_internal_test.go"} {
		if !strings.Contains(logs.String(), want) {
			t.Errorf("the log lacks %q:\n%s", want, logs.String())
		}
	}
}

// TestHomeButtonLabelWithinSlackLimit: a committee's name may be long, and
// Slack refuses a whole Home whose button's accessibility_label is over 75
// characters; the label is cut, still starting with the button's words.
func TestHomeButtonLabelWithinSlackLimit(t *testing.T) {
	name := strings.Repeat("Très Long Committee ", 10)
	view := HomeView(commands.Home{Cards: []commands.HomeCard{{Title: commands.Escape(name), Buttons: []commands.Button{
		{Label: "Send apologies", Action: "apologies.send_next", Value: "1"},
	}}}}, "", "")
	raw, err := json.Marshal(view)
	if err != nil {
		t.Fatal(err)
	}
	if problems := fakeslack.CheckView(jsonValue(t, raw)); len(problems) > 0 {
		t.Fatalf("Slack would refuse the Home: %v", problems)
	}
	var label string
	for _, b := range view.Blocks.BlockSet {
		if a, ok := b.(*slack.ActionBlock); ok {
			label = a.Elements.ElementSet[0].(*slack.ButtonBlockElement).AccessibilityLabel
		}
	}
	if !strings.HasPrefix(label, "Send apologies, Très Long Committee") || utf8.RuneCountInString(label) != 75 {
		t.Errorf("accessibility_label = %q", label)
	}
}

func jsonValue(t *testing.T, raw []byte) any {
	t.Helper()
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatal(err)
	}
	return v
}
