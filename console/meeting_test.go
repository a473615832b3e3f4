package console_test

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/quorumhq/quorum/console"
)

// TestConsoleMeeting is README's walk-through: a meeting is scheduled
// for later today and opened at once, three members say they are here,
// one leaves, the meeting goes inquorate, and is closed; then the
// attendance paragraphs.
func TestConsoleMeeting(t *testing.T) {
	svc := sample(t, nil)
	london, _ := time.LoadLocation("Europe/London")
	var out bytes.Buffer
	// The clock moves on, as it does at the table, within the minute:
	// Graeme leaves after he came, and the meeting he made quorate goes
	// inquorate.
	now := time.Date(2026, 12, 3, 13, 50, 0, 0, london)
	c := &console.Console{
		Service: svc, Out: &out, TeamID: "TCONSOLE", ChannelID: "CCONSOLE",
		Now: func() time.Time { now = now.Add(10 * time.Millisecond); return now },
		In: strings.NewReader(strings.Join([]string{
			"/meeting schedule today 15:30",
			"/committee quorum 3",
			":as trish", "/meeting start", "/here",
			":as neil", "/here",
			":as graeme", "/meeting status", ":press 1",
			":as ian", "/attendance @graeme left",
			"/meeting close",
			"/meeting attendance",
		}, "\n") + "\n"),
	}
	if err := c.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	for _, want := range []string{
		"*Safer Sefton Together* will meet on Thursday 3 December 2026, 15:30.",
		"The quorum of Safer Sefton Together is now 3 members: ",
		"You opened the meeting of *Safer Sefton Together* at 13:50.",
		"You are marked present. *Inquorate*: 1 present, quorum 3",
		"MEETING IN PROGRESS",
		"[1: I'm here]  (:press N)",
		"You are marked present. Quorate: 3 present, quorum 3",
		"Graeme Robson is marked as having left at 13:50. *Inquorate*: 2 present, quorum 3",
		"You closed the meeting of *Safer Sefton Together* at 13:50",
		"Present: Trish Hardy (Sefton Council) (in the Chair), Neil Frackelton (SWACA) and Graeme Robson (Merseyside Police).",
		"Graeme Robson left the meeting at 13:50.\nThe meeting became inquorate at 13:50 (2 voting members present, quorum 3).\nThe meeting was still inquorate when it closed at 13:50.",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the console lacks %q:\n%s", want, got)
		}
	}
}
