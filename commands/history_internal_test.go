package commands

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
)

func FuzzHistoryArgs(f *testing.F) {
	for _, s := range []string{"", "next", "10 December", "10/12/2026 <@UNEIL>", "<@UNEIL|neil>", "<@UNEIL> 10 December",
		"17 March 2022 <@U1> <@U2>", "next <@U1>", "<@U1> next", "next next", "31/02/2027", "<@>", "tomorrow <@U1|<!channel>>", strings.Repeat("x ", 50),
		"next 17/12", "next Thursday 17 December <@U1>", "<@U1> next, 17 December 2026", "next 31/02", "next <@U1> 17/12",
		"neil", "10/12/2026 Neil Frackelton", "10 December sue`s", "<@U1> neil", `"Jo Smith" 10/12 neil`,
		"9/12/2021 Tony Harland", "Jen Williams (NW Probation)", "10/12 Tony Harland (MFRA) <@U1>"} {
		f.Add(s, int64(1795000000))
	}
	f.Fuzz(func(t *testing.T, text string, nowN int64) {
		words := strings.Fields(text)
		d, who, _, stray, err := readHistoryArgs("/history apologies", words, fuzzNow(nowN), london)
		if stray.word != "" {
			// The stray word, and the date before it, are words typed.
			// So are the words from it on, the name it may begin.
			if err == nil || !slices.Contains(words, stray.word) || len(stray.date) >= len(words) || len(stray.rest) == 0 || stray.rest[0] != stray.word {
				t.Fatalf("readHistoryArgs(%q): stray %+v with %v", text, stray, err)
			}
		}
		if err != nil {
			var ue *UserError
			if !errors.As(err, &ue) {
				t.Fatalf("parseHistoryArgs(%q): %v is not a UserError", text, err)
			}
			if strings.ContainsAny(ue.Msg, "<>") {
				t.Fatalf("parseHistoryArgs(%q): the error quotes markup: %q", text, ue.Msg)
			}
			return
		}
		if who != "" && strings.ContainsAny(who, " <>@|") {
			t.Fatalf("parseHistoryArgs(%q): member %q", text, who)
		}
		if !d.IsNext() && (d.Month < 1 || d.Month > 12 || d.Day < 1 || d.Day > 31) {
			t.Fatalf("parseHistoryArgs(%q): date %+v", text, d)
		}
	})
}

// TestHistoryArgsMemberFirst: the member may be named before the date, as
// after it.
func TestHistoryArgsMemberFirst(t *testing.T) {
	now := time.Date(2026, 12, 3, 12, 0, 0, 0, london)
	for _, text := range []string{"<@UNEIL|neil> 10 December 2026", "10 December 2026 <@UNEIL|neil>"} {
		d, who, _, err := parseHistoryArgs("/history apologies", strings.Fields(text), now, london)
		if err != nil || who != "UNEIL" || d != (Date{2026, time.December, 10}) {
			t.Errorf("parseHistoryArgs(%q) = %v, %q, %v", text, d, who, err)
		}
	}
	if d, who, _, err := parseHistoryArgs("/history apologies", []string{"<@UNEIL>", "next"}, now, london); err != nil || who != "UNEIL" || !d.IsNext() {
		t.Errorf("parseHistoryArgs(<@UNEIL> next) = %v, %q, %v", d, who, err)
	}
}
