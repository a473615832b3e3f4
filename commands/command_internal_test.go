package commands

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

// FuzzChoose: whatever follows a command, dispatch picks one of its
// subcommands, its help, or a usage error that quotes no markup, and never
// panics.
func FuzzChoose(f *testing.F) {
	for _, s := range []string{"", "help", "help add", "add help", "member", "member add <@U1> X", "member <!channel>", "reminders",
		"reminders off", "list 10/12/2026", "<@U1>", "?", "HELP member remove", "Unwell sub @x", "x y z",
		"add 9/12/2021 28 <@U1> 2027-03-01 Circulate the figures", "add 26 \"Jo Smith\" 1 March 2027 Write", "reopen 12", "history 12",
		"history <@U1|neil>", "history", "apologies next <@U1>", "list next", "approve", "approve 9 December 2021", "approve next",
		"<@U1> left 11:05", "<@U1> left", `"Jen Williams" 10/12/2026`, "10/12/2026", "<@U1|a<b>", "next",
		"strat", "clsoe today", "remiders 7", "<@U1x", "opne", "memebr", "add <@U1> Org", "Remove <@U1>", "reset", "role <@U1> chair", "ADD",
		"help nonsense", "help pots", "pots help", "add help", "help add", "member help", "help member", "youth help", "help <@U1>", "share 28"} {
		f.Add(s)
	}
	cmds := registry()
	f.Fuzz(func(t *testing.T, text string) {
		for _, cmd := range cmds {
			sub, rest, help, err := cmd.choose(strings.Fields(text))
			var ue *UserError
			switch {
			case err != nil && !errors.As(err, &ue):
				t.Fatalf("%s %q: %v is not a UserError", cmd.Name, text, err)
			case err != nil && strings.ContainsAny(ue.Msg, "<>"):
				t.Fatalf("%s %q: %q shows markup", cmd.Name, text, ue.Msg)
			case err != nil:
			case sub != nil && !slices.ContainsFunc(cmd.Subs, func(s Sub) bool { return s.Name == sub.Name && s.Alone == sub.Alone }):
				t.Fatalf("%s %q: chose %q, not one of its subcommands", cmd.Name, text, sub.Name)
			case !help && sub == nil:
				t.Fatalf("%s %q: no subcommand, no help and no error", cmd.Name, text)
			case !help && sub.Alone && len(rest) > 0:
				t.Fatalf("%s %q: %q is for its name alone, given %q", cmd.Name, text, sub.Name, rest)
			}
		}
	})
}

// TestChoose: how dispatch reads the words after a command, on a command
// that has each kind of record.
func TestChoose(t *testing.T) {
	cmd := &Command{Name: "/x", Subs: []Sub{
		{Name: "", Alone: true, Usage: []string{"/x"}},
		{Name: "", Usage: []string{"/x WORDS"}},
		{Name: "list", Aliases: []string{"ls"}, Usage: []string{"/x list"}},
		{Name: "show", Alone: true, Usage: []string{"/x show"}},
		{Name: "member add", Usage: []string{"/x member add @user"}},
		{Name: "member remove", Usage: []string{"/x member remove @user"}},
	}}
	for _, tc := range []struct {
		text, sub, rest, err string
		alone, help          bool
	}{
		{text: "", sub: "/x", alone: true},
		{text: "hello there", sub: "/x WORDS", rest: "hello there"},
		{text: "LIST 1", sub: "/x list", rest: "1"},
		{text: "ls", sub: "/x list"},
		{text: "show", sub: "/x show", alone: true},
		{text: "show 2", err: "`show` takes nothing after it."},
		{text: "member add <@U1>", sub: "/x member add @user", rest: "<@U1>"},
		{text: "member", err: "Say `add` or `remove`."},
		{text: "member <b>", err: "I don't know `member &lt;b&gt;`."},
		{text: "help", help: true},
		{text: "help nothing", rest: "nothing", help: true},
		{text: "lst help", rest: "lst", help: true},
		{text: "hello help", sub: "/x WORDS", rest: "hello help"},
		{text: "help member remove", sub: "/x member remove @user", help: true},
		{text: "list help", sub: "/x list", help: true},
		{text: "list help me", sub: "/x list", rest: "help me"},
	} {
		t.Run(tc.text, func(t *testing.T) {
			sub, rest, help, err := cmd.choose(strings.Fields(tc.text))
			var got, gotErr string
			if sub != nil {
				got = sub.Usage[0]
				if sub.Alone != tc.alone {
					t.Errorf("alone = %v", sub.Alone)
				}
			}
			if err != nil {
				gotErr = err.Error()
			}
			if got != tc.sub || strings.Join(rest, " ") != tc.rest || help != tc.help || gotErr != tc.err {
				t.Errorf("choose(%q) = %q %q %v %q; want %q %q %v %q", tc.text, got, rest, help, gotErr, tc.sub, tc.rest, tc.help, tc.err)
			}
		})
	}
	bare := &Command{Name: "/y", Subs: []Sub{{Name: "go"}}}
	if sub, _, help, err := bare.choose(nil); sub != nil || !help || err != nil {
		t.Errorf("a command with no default, alone: %v %v %v; want its help", sub, help, err)
	}
	if _, _, _, err := bare.choose([]string{"stop"}); err == nil || err.Error() != "I don't know `stop`." {
		t.Errorf("an unknown subcommand: %v", err)
	}
	// The second word of two subcommands' names names neither.
	two := &Command{Name: "/z", Subs: []Sub{{Name: "member add", Usage: []string{"/z member add"}}, {Name: "item add", Usage: []string{"/z item add"}}, {Name: "item move", Usage: []string{"/z item move"}}}}
	for text, want := range map[string]string{
		"add x":  "I don't know `add`: did you mean `/z member add` or `/z item add`?",
		"move 1": "I don't know `move`: did you mean `/z item move`?",
		"moved":  "I don't know `moved`.",
	} {
		if _, _, _, err := two.choose(strings.Fields(text)); err == nil || err.Error() != want {
			t.Errorf("choose(%q): %v; want %q", text, err, want)
		}
	}
}

// TestShownMarkup: each kind of Slack markup in free text is kept as the
// sender saw it, entities still escaped for Unescape.
func TestShownMarkup(t *testing.T) {
	for in, want := range map[string]string{
		"<#C1|general>":                      "#general",
		"<#C1>":                              "#C1",
		"<!here>":                            "@here",
		"<!here|here>":                       "@here",
		"<!channel> and <!everyone>":         "@channel and @everyone",
		"<!subteam^S1|@clerks>":              "@clerks",
		"<!subteam^S1>":                      "@subteam",
		"<!date^1392734382^{date}|18 Feb>":   "18 Feb",
		"<mailto:jo@x.org|jo@x.org>":         "jo@x.org",
		"<mailto:jo@x.org>":                  "jo@x.org",
		"<tel:+441519342000|0151 934 2000>":  "0151 934 2000",
		"<https://x.org/a?b=1&amp;c=2>":      "https://x.org/a?b=1&amp;c=2",
		"<http://x.org|x.org>":               "x.org",
		"<https://evil.example/login|click>": "click (https://evil.example/login)",
		"<mailto:jo@x.org|Jo>":               "Jo (jo@x.org)",
		"&lt;!here&gt; typed as text":        "&lt;!here&gt; typed as text",
		"<@U1|neil> is a mention":            "<@U1|neil> is a mention",
	} {
		if got := ShownMarkup(in); got != want {
			t.Errorf("ShownMarkup(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestSlips: the letters typed, left out, changed or swapped that turn
// one word into another, for short words (whose table is on the stack)
// and long ones alike, as the suggestions "did you mean" rests on count
// them.
func TestSlips(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"", "abc", 3},
		{"abc", "", 3},
		{"tmorrow", "tomorrow", 1},
		{"thurday", "thursday", 1},
		{"teh", "the", 1},
		{"apologeis", "apologies", 1},
		{"monday", "sunday", 2},
		{"ca", "abc", 3},
		{"declarationsofinterest", "declarationsofintrest", 1},
		{"declarationsofinterest", "declarationsofinterets", 1},
		{"representativesfromthepolice", "representativesofthepolice", 3},
		{"abcdefghijklmnopqrstuvwxyz", "bacdefghijklmnopqrstuvwxzy", 2},
	} {
		if got := slips([]rune(c.a), []rune(c.b)); got != c.want {
			t.Errorf("slips(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
		if got := slips([]rune(c.b), []rune(c.a)); got != c.want {
			t.Errorf("slips(%q, %q) = %d, want %d", c.b, c.a, got, c.want)
		}
	}
}
