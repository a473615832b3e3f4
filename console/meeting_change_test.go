package console_test

import (
	"strings"
	"testing"
)

// TestConsoleMovesAMeeting: an officer moves the sample meeting and adds
// to the agenda of a later one from the console, as in Slack.
func TestConsoleMovesAMeeting(t *testing.T) {
	svc := sample(t, nil)
	out := session(t, svc, "/meeting move 10/12/2026 17/12/2026 2pm\n/meeting schedule 2027-02-11 10:00\n"+
		"/agenda add 11/02/2027 4 Budget Consultation — Sue Holden\n/meeting history 17/12/2026\n")
	for _, want := range []string{
		"has moved to *Thursday 17 December 2026, 14:00, Remote Meeting*",
		"Added item *4* Budget Consultation — _Sue Holden_ to the agenda for Thursday 11 February 2027, 10:00.",
		"Ian Barton moved it from Thursday 10 December 2026, 10:00 to Thursday 17 December 2026, 14:00",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("console output lacks %q:\n%s", want, out)
		}
	}
}
