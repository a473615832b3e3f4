package console_test

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/quorumhq/quorum/commands"
	"github.com/quorumhq/quorum/console"
)

// runAt gives a function that runs lines through a console on svc, its
// clock at the time given, and returns what it printed.
func runAt(t *testing.T, svc *commands.Service) func(at time.Time, lines ...string) string {
	return func(at time.Time, lines ...string) string {
		t.Helper()
		var out bytes.Buffer
		c := &console.Console{
			Service: svc, Out: &out, TeamID: "TCONSOLE", ChannelID: "CCONSOLE",
			Now: func() time.Time { return at },
			In:  strings.NewReader(strings.Join(lines, "\n") + "\n"),
		}
		if err := c.Run(context.Background()); err != nil {
			t.Fatal(err)
		}
		return out.String()
	}
}

// TestConsoleMinutesCycle is the cycle on the sample committee: decisions
// and an action recorded at the sample meeting, its minutes drafted, and
// confirmed at the next.
func TestConsoleMinutesCycle(t *testing.T) {
	svc := sample(t, nil)
	london, _ := time.LoadLocation("Europe/London")
	run := runAt(t, svc)
	want := func(got string, parts ...string) {
		t.Helper()
		for _, p := range parts {
			if !strings.Contains(got, p) {
				t.Errorf("the console lacks %q:\n%s", p, got)
			}
		}
	}
	run(time.Date(2026, 12, 9, 12, 0, 0, 0, london), "/agenda add 4 Date of Next Meeting", "/agenda add 5 SWACA — Neil Frackelton")
	got := run(time.Date(2026, 12, 10, 10, 5, 0, 0, london),
		":as trish", "/meeting start", "/here",
		":as ian",
		"/resolve 4 That (1) the report be noted; and (2) the figures be circulated.",
		"/resolve 5 That the next meeting be held on 14 January 2027.",
		"/action add 1 @neil 2027-01-12 Circulate the figures to partners",
		"/minutes draft",
		":as trish", "/meeting close",
		":as ian", "/meeting schedule 2027-01-14 10:00 Remote Meeting")
	// The closing item stays last: SWACA is item 4, minute 1.
	want(got, "Resolved under item 4: minute 1 of the meeting on Thursday 10 December 2026",
		"Action 1 recorded under minute 1",
		"```\n1. SWACA", "```\n2. DATE OF NEXT MEETING", "That (1) the report be noted; and (2) the figures be circulated.")

	got = run(time.Date(2027, 1, 9, 9, 0, 0, 0, london), ":as neil", "/action list mine")
	want(got, "Your outstanding actions", "Circulate the figures to partners")

	got = run(time.Date(2027, 1, 14, 10, 5, 0, 0, london),
		":as trish", "/meeting start", "/minutes approve", "/resolution 1", ":as neil", "/action done 1 Sent")
	want(got, "are confirmed as a correct record, at the meeting on Thursday 14 January 2027",
		"Minute 5 of this meeting records it.", "Action 1 is done")
	if strings.Contains(got, commands.DraftMark) {
		t.Errorf("confirmed minutes are marked draft:\n%s", got)
	}
}

// TestConsoleMinuteOfParagraphs: a minute of two paragraphs, as Slack
// takes them from Shift+Enter, typed in the console with a backslash at
// the end of each line but the last; a command whose input ends on such
// a line, or followed by a line of the console's own, is said to be
// unsent, not sent cut short.
func TestConsoleMinuteOfParagraphs(t *testing.T) {
	svc := sample(t, nil)
	london, _ := time.LoadLocation("Europe/London")
	run := runAt(t, svc)
	run(time.Date(2026, 12, 9, 12, 0, 0, 0, london), "/agenda add 4 SWACA — Neil Frackelton")
	at := time.Date(2026, 12, 10, 10, 5, 0, 0, london)
	got := run(at,
		":as trish", "/meeting start", ":as ian",
		`/minute 4 The Board received a presentation from Neil Frackelton on the scheme.\`,
		`\`,
		"Members asked how referrals would be made.",
		"/minutes draft")
	if want := "The Board received a presentation from Neil Frackelton on the scheme.\n\nMembers asked how referrals would be made."; !strings.Contains(got, want) {
		t.Errorf("the minute's two paragraphs are not in the draft as typed:\n%s", got)
	}
	if strings.Contains(got, `scheme.\`) {
		t.Errorf("the backslash that continues a line is in the minute:\n%s", got)
	}

	got = run(at, ":as ian", `/minute 4 The Board noted the report.\`)
	if !strings.Contains(got, `/minute was not sent: its last line ended with \`) {
		t.Errorf("a command cut off by the end of input is not said to be unsent:\n%s", got)
	}
	if d := run(at, ":as ian", "/minutes draft"); strings.Contains(d, "The Board noted the report.") {
		t.Errorf("a command cut off by the end of input was sent:\n%s", d)
	}

	// A console line after it, :quit, is no line of the minute: the
	// command is not sent, and the console does as the line says.
	got = run(at, ":as ian", `/minute 4 The Board deferred the report.\`, ":quit", "/minutes draft")
	if !strings.Contains(got, `/minute was not sent`) || strings.Contains(got, "DRAFT") {
		t.Errorf(":quit after a continued line did not leave the command unsent and quit:\n%s", got)
	}
	if d := run(at, ":as ian", "/minutes draft"); strings.Contains(d, "The Board deferred") {
		t.Errorf("a command left by :quit was sent:\n%s", d)
	}
}
