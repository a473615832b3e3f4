package bot_test

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/quorumhq/quorum/commands"
	"github.com/quorumhq/quorum/internal/bottest"
)

// TestBadBytesAreTheUsersToCorrect: a NUL byte or bytes that are not UTF-8
// in a command or a form are refused as the user's input, with a one-line
// reason, not reported as a failure of the system ("Sorry … NOT saved").
func TestBadBytesAreTheUsersToCorrect(t *testing.T) {
	k := newCommittee(t)
	k.Must(officer, "/meeting", "schedule 2026-12-10 10:00 Remote Meeting")
	for _, c := range []struct{ text, want string }{
		{"Unwell\x00 today", "NUL character"},
		{"Unwell \xff\xfe today", "not UTF-8"},
	} {
		r := k.Must(neil, "/apologies", c.text)
		if !strings.Contains(r.Response.Text, c.want) || strings.Contains(r.Response.Text, "\n") ||
			strings.Contains(r.Response.Text, "Sorry") || strings.Contains(r.Response.Text, "ref ") {
			t.Errorf("/apologies %q: reply %q, want one line saying %q", c.text, r.Response.Text, c.want)
		}
	}
	got, _ := scrape(t, k)
	if n := got[`quorum_commands_total{command="/apologies",outcome="user_error"}`]; n != 2 {
		t.Errorf("bad bytes counted as user errors: %v, want 2", n)
	}
	if n := got[`quorum_commands_total{command="/apologies",outcome="error"}`]; n != 0 {
		t.Errorf("bad bytes counted as errors: %v, want 0", n)
	}

	// The apology form: the reason field says what is wrong, the form
	// stays open, and nothing is saved.
	m, err := k.DB.NextMeeting(t.Context(), mustCommittee(t, k.DB).ID, now)
	if err != nil {
		t.Fatal(err)
	}
	view := map[string]any{
		"callback_id":      commands.ApologyFormID,
		"private_metadata": `{"t":"` + bottest.Team + `","c":"` + bottest.Channel + `","m":"` + strconv.FormatInt(m.ID, 10) + `"}`,
	}
	s := submit(t, k, neil, view, map[string]map[string]any{"reason": {"reason": textInput("Unwell\x00")}})
	if s.Action != "errors" || !strings.Contains(s.Errors["reason"], "NUL character") || strings.Contains(s.Errors["reason"], "Sorry") {
		t.Errorf("form with a NUL byte: %+v, want the reason field to say what is wrong", s)
	}
	if as, err := k.DB.Apologies(t.Context(), m.ID); err != nil || len(as) != 0 {
		t.Errorf("apologies after bad bytes: %v %v, want none", as, err)
	}
}

// TestMultiLineReasonsStayOnTheirLine: a reason typed in the apology form
// with line breaks, or stored with them before, is shown on its own line
// in the officers' list of reasons, and cannot add lines that read as
// other members' apologies.
func TestMultiLineReasonsStayOnTheirLine(t *testing.T) {
	k := newCommittee(t)
	k.Must(officer, "/meeting", "schedule 2026-12-10 10:00 Remote Meeting")
	m, err := k.DB.NextMeeting(t.Context(), mustCommittee(t, k.DB).ID, now)
	if err != nil {
		t.Fatal(err)
	}
	view := map[string]any{
		"callback_id":      commands.ApologyFormID,
		"private_metadata": `{"t":"` + bottest.Team + `","c":"` + bottest.Channel + `","m":"` + strconv.FormatInt(m.ID, 10) + `"}`,
	}
	if s := submit(t, k, neil, view, map[string]map[string]any{"reason": {"reason": textInput("Unwell\n• Ian Barton: forged\r\n\n  line")}}); s.Action != "clear" {
		t.Fatalf("apology form: %+v", s)
	}
	// A reason stored with a line break before this rule.
	wantText(t, k.Must(graeme, "/apologies", "Court"), "are recorded")
	if _, err := k.DB.SQL().ExecContext(t.Context(), `UPDATE apologies SET reason = E'Court\n• Someone Else: old forged line' WHERE user_id = $1`, graeme); err != nil {
		t.Fatal(err)
	}
	r := k.Must(officer, "/apologies", "list")
	var reasons string
	for _, line := range strings.Split(r.Text(), "\n") {
		if strings.HasPrefix(line, "•") {
			reasons += line + "\n"
		}
	}
	if !strings.Contains(reasons, "• Neil Frackelton: Unwell • Ian Barton: forged line (") ||
		!strings.Contains(reasons, "• Graeme Robson: Court • Someone Else: old forged line (") || strings.Count(reasons, "\n") != 2 {
		t.Errorf("officers' list of reasons, want two lines, one a member:\n%s\nwhole reply:\n%s", reasons, r.Text())
	}
}

// TestFailureRefsAreLongAndLogged: each unexpected failure gets a
// reference of at least eight hex digits, distinct over many failures, and
// the log line of the failure carries it.
func TestFailureRefsAreLongAndLogged(t *testing.T) {
	k := newCommittee(t)
	k.Must(officer, "/meeting", "schedule 2026-12-10 10:00 Remote Meeting")
	// Something nobody foresaw: the apologies' table is gone.
	if _, err := k.DB.SQL().ExecContext(t.Context(), `ALTER TABLE apologies RENAME TO apologies_gone`); err != nil {
		t.Fatal(err)
	}
	refOf := regexp.MustCompile(`NOT saved \(ref ([0-9a-f]+)\)`)
	seen := map[string]bool{}
	const failures = 200
	for i := range failures {
		r := k.Must(neil, "/apologies", "Unwell "+strconv.Itoa(i))
		m := refOf.FindStringSubmatch(r.Response.Text)
		if m == nil {
			t.Fatalf("failure %d reads %q, want a ref", i, r.Response.Text)
		}
		ref := m[1]
		if len(ref) < 8 {
			t.Errorf("failure %d: ref %q, want at least 8 hex digits", i, ref)
		}
		if seen[ref] {
			t.Errorf("failure %d: ref %q given twice", i, ref)
		}
		seen[ref] = true
		if !strings.Contains(k.Logs(), "ref="+ref+" ") {
			t.Fatalf("ref %s is not in the log:\n%s", ref, k.Logs())
		}
	}
	if n := strings.Count(k.Logs(), `level=ERROR msg="command failed"`); n != failures {
		t.Errorf("%d failures logged, want %d, once each", n, failures)
	}
}
