package commands

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestFailureRepliesSayWhatHappened(t *testing.T) {
	inDoubt := fmt.Errorf("storage: send apology: %w: %w", ErrInDoubt, fmt.Errorf("%w: connection reset", ErrUnavailable))
	for _, tc := range []struct {
		name string
		err  error
		what string
		want string
		not  string
	}{
		{"down", fmt.Errorf("x: %w", ErrUnavailable), "your apology", "your apology was NOT saved", ""},
		{"deadline", context.DeadlineExceeded, "your apology", "your apology was NOT saved", ""},
		{"in doubt", inDoubt, "your apology", "cannot tell whether it was; please send it again", "NOT saved"},
		{"read", fmt.Errorf("x: %w", ErrUnavailable), "", "unavailable right now", "NOT saved"},
		{"bug", errors.New("boom"), "your apology", "NOT saved (ref 7f3a)", ""},
	} {
		got := failureReply(tc.err, tc.what, "7f3a").Text
		if !strings.Contains(got, tc.want) || tc.not != "" && strings.Contains(got, tc.not) {
			t.Errorf("%s: %q; want %q and not %q", tc.name, got, tc.want, tc.not)
		}
	}
	if !IsUnavailable(inDoubt) {
		t.Error("an in-doubt commit is not counted as unavailable")
	}
}
