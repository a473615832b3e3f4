package commands

import (
	"errors"
	"strings"
	"testing"
)

// FuzzAgendaDate: the date an agenda change may start with is a real day
// or none, and what follows it is left whole.
func FuzzAgendaDate(f *testing.F) {
	for _, s := range append(dateSeeds, "11/02/2027 4 Budget", "7 May Elections", "next 4 X", "30/02/2027 4 X", "11 February 2027 5a", "4 5") {
		f.Add(s, int64(1795000000))
	}
	f.Fuzz(func(t *testing.T, text string, nowN int64) {
		words := strings.Fields(text)
		d, n, err := agendaDate(words, fuzzNow(nowN), london)
		if err != nil {
			var ue *UserError
			if !errors.As(err, &ue) || n != 0 {
				t.Fatalf("agendaDate(%q): %v (took %d words)", text, err, n)
			}
			return
		}
		if n < 0 || n > len(words) {
			t.Fatalf("agendaDate(%q) took %d of %d words", text, n, len(words))
		}
		if n == 0 && !d.IsNext() {
			t.Fatalf("agendaDate(%q) = %+v from no words", text, d)
		}
		validDate(t, text, d)
		if n > 0 && n < len(words) {
			if _, err := ParseItemNumber(words[n]); err != nil {
				t.Fatalf("agendaDate(%q) took a date followed by %q, not an item number", text, words[n])
			}
		}
	})
}

// FuzzParseNewDate: "/meeting move DATE [to] NEW-DATE [TIME]" reads a
// real day and a real time of day, or refuses with a sentence.
func FuzzParseNewDate(f *testing.F) {
	for _, s := range append(dateSeeds, "17/12/2026 2pm", "to 17 December 14:00", "to 18 Mar 1500", "Thursday 11 February 0930", "11 March 2025 10:00", "to", "17/12/2026 teatime", "31/02/2027", "17/12/2026 25:00",
		"17/12/2026 "+strings.Repeat("q", 2000)) {
		f.Add(s, int64(1795000000))
	}
	f.Fuzz(func(t *testing.T, text string, nowN int64) {
		d, clock, k, err := parseNewDate(strings.Fields(text), fuzzNow(nowN), london)
		if err != nil {
			var ue *UserError
			if !errors.As(err, &ue) {
				t.Fatalf("parseNewDate(%q): %v is not a UserError", text, err)
			}
			// A refusal quotes what was typed shortened, never whole: it
			// is posted back to the sender.
			if len(err.Error()) > 400 {
				t.Fatalf("parseNewDate(%.60q…) refused with a %d-byte message", text, len(err.Error()))
			}
			return
		}
		validDate(t, text, d)
		if d.IsNext() && (k != 0 || clock != (Clock{})) {
			t.Fatalf("parseNewDate(%q): a time (%v) with no date", text, clock)
		}
		if clock.Hour < 0 || clock.Hour > 23 || clock.Minute < 0 || clock.Minute > 59 || k < 0 || k > 2 {
			t.Fatalf("parseNewDate(%q) = %v, %d words", text, clock, k)
		}
	})
}

// FuzzAgendaWordsUnread: words after `/agenda` that are not a date alone
// are answered with a mistake the officer can fix, showing forms to use,
// never a failure or a panic.
func FuzzAgendaWordsUnread(f *testing.F) {
	for _, s := range append(dateSeeds, "ad 8 Any Other Business", "psot", "rename 6 Policing", "Thursday", "thu", "yesterday",
		"10/12/2026 7.5", "next 17/12", "next Thursday", "nonsense", "a`b", "<@U1>", "Ad", "x", "presenter 7.5 Neil", "edit", "title X", "rename 999999 X") {
		f.Add(s, int64(1795000000))
	}
	cmd := agendaCommand()
	f.Fuzz(func(t *testing.T, text string, nowN int64) {
		words := strings.Fields(text)
		if len(words) == 0 {
			return
		}
		in := &Input{Request: Request{Now: fuzzNow(nowN)}, Args: words, cmd: cmd, sub: &cmd.Subs[0]}
		_, n, err := takeDate(words, in.Now, london)
		if err != nil || n == len(words) {
			return
		}
		var ue *UserError
		if err := agendaWordsUnread(in, n); !errors.As(err, &ue) || ue.Msg == "" {
			t.Fatalf("agendaWordsUnread(%q) = %v, want a mistake to fix", text, err)
		}
	})
}
