package commands_test

import (
	"context"
	"strings"
	"testing"
	"time"
)

// A slash command's text may be 4,000 characters, and a word in it as
// long. A refusal that quotes such a word whole is a wall of text in the
// channel: each refusal below quotes what was typed shortened, if at all.

// longWords are words of many characters in the shapes the commands read:
// plain, a number, an item's number, a date, a value, a time, a mention,
// a name in quotes. Each is a run of one character, which a refusal must
// not repeat at length.
var longWords = []struct{ word, run string }{
	{strings.Repeat("q", 3000), "q"},
	{strings.Repeat("7", 3000), "7"},
	{"7." + strings.Repeat("7", 3000), "7"},
	{"7" + strings.Repeat("a", 3000), "a"},
	{"1/1/" + strings.Repeat("7", 3000), "7"},
	{"2026-12-" + strings.Repeat("7", 3000), "7"},
	{"£" + strings.Repeat("7", 3000), "7"},
	{"10:" + strings.Repeat("7", 3000), "7"},
	{"<@U" + strings.Repeat("Q", 3000) + ">", "Q"},
	{"<@UX|" + strings.Repeat("q", 3000) + ">", "q"},
	{"@" + strings.Repeat("q", 3000), "q"},
	{`"` + strings.Repeat("q", 3000) + `"`, "q"},
	{`"` + strings.Repeat("q", 3000) + ` (SWACA)"`, "q"},
	{"https://" + strings.Repeat("q", 3000) + ".org/x.pdf", "q"},
	{"Tue" + strings.Repeat("s", 3000), "s"},
}

// longWordLines are lines in which W stands for the long word: after each
// command and subcommand, and where each takes a date, a number, a person
// or a time.
var longWordLines = []string{
	"/W", "/help W",
	"/apologies W", "/apologies W Unwell", "/apologies sub W", "/apologies Unwell sub W", "/apologies for W Unwell",
	"/apologies withdraw W", "/apologies withdraw for W", "/apologies list W", "/apologies next W", "/apologies last W",
	"/apologies 10 W", "/apologies Tue W", "/apologies 10 December W Unwell",
	"/action W", "/action add W", "/action add 1 W", "/action add 1 <@UNEIL> W", "/action add W 1 <@UNEIL> Do it",
	"/action add 1 W Do it by 1 March 2027", "/action add 1 <@UNEIL> Do it by W",
	"/action done W", "/action move W", "/action move 1 W", "/action reassign W", "/action reassign 1 W",
	"/action reopen W", "/action history W", "/action list W", "/action list page W",
	"/agenda W", "/agenda next W", "/agenda add W", "/agenda add W Title", "/agenda edit W", "/agenda edit 4 W",
	"/agenda move W 9", "/agenda move 4 W", "/agenda remove W", "/agenda remove 4 W", "/agenda post W",
	"/agenda import W", "/agenda urgent W",
	"/attendance W", "/attendance W present", "/attendance <@UNEIL> W", "/attendance <@UNEIL> late W",
	"/attendance <@UNEIL> left W", "/attendance <@UNEIL> substitute-for W", "/attendance <@UNEIL> present W",
	"/attendance <@UNEIL> apologies W",
	"/committee W", "/committee attendance W", "/committee member W", "/committee member add W SWACA",
	"/committee member add <@USUE> W", "/committee member remove W", "/committee quorum W", "/committee quorum 1/3 min W",
	"/committee year-start W", "/committee members W",
	"/declare W", "/declare 4 W", "/declare W personal Trustee of SWACA", "/declare list W", "/declare minutes W",
	"/declare withdraw W", "/declare withdraw 4 W", "/declare for W 4 personal Trustee", "/declare next W",
	"/here W", "/history W", "/history attendance W", "/history committee W", "/history minutes W",
	"/history resolution W", "/history minutes last W",
	"/interests W", "/interests add W", "/interests gift W £5 Dinner", "/interests gift 2026-11-03 W Dinner",
	"/interests gift next W £5 Dinner", "/interests history W", "/interests register W", "/interests remove W",
	"/interests review W", "/interests threshold W",
	"/meeting W", "/meeting attendance W", "/meeting cancel W", "/meeting cancel next W", "/meeting history W",
	"/meeting item W", "/meeting move W", "/meeting move 10/12/2026 W", "/meeting move 10/12/2026 17/12/2026 W",
	"/meeting reminders W", "/meeting reminders 7,1 W", "/meeting reminders on W", "/meeting schedule W",
	"/meeting schedule 2027-01-14 W", "/meeting schedule 14 January W", "/meeting start W", "/meeting status W",
	"/meeting time W", "/meeting time 10/12/2026 W", "/meeting venue W", "/meeting calendar W",
	"/minute W", "/minute W The report was noted.", "/minute 10/12/2026 W The report was noted.",
	"/minutes W", "/minutes amend W", "/minutes amend W Text", "/minutes approve W", "/minutes comment W",
	"/minutes comment W Text", "/minutes comment for W 1 Text", "/minutes draft W", "/minutes post W", "/minutes import W",
	"/report W", "/report 4 W", "/report W https://example.org/x.pdf", "/report for W 4 https://example.org/x.pdf",
	"/report list W", "/report missing W", "/report remove W", "/report remove 4 W",
	"/resolution share W", "/resolution W 1", "/resolution 10/12/2026 W",
	"/resolve W", "/resolve W That the report be noted.", "/resolve 10/12/2026 W That the report be noted.",
	"/agenda add 8 Title — W", "/agenda edit 4 Title — W", "/agenda urgent Title — W because it cannot wait",
	"/agenda 10/12/2026 W", "/agenda post 10/12/2026 W", "/agenda import 10/12/2026 W", "/agenda remove 10/12/2026 4 W",
	"/interests add W Trustee", "/interests add other Trustee for W", "/interests threshold £5 W", "/interests remove 1 W",
	"/meeting venue 10/12/2026 W", "/meeting cancel 10/12/2026 W", "/meeting start 10/12/2026 W",
	"/meeting attendance 10/12/2026 W", "/meeting schedule 2027-01-14 10:00 W",
	"/committee member add <@USUE> SWACA W", "/committee attendance 2026 W", "/committee year-start April W",
	"/report 4 W Title", "/report remove 4 <@UNEIL> W", "/report list 10/12/2026 W",
	"/resolution W", "/resolution 10/12/2026 1 W", "/history resolution 10/12/2026 W", "/history W <@UNEIL>",
	"/apologies withdraw 10/12/2026 W", "/apologies list 10/12/2026 W", "/declare list 10/12/2026 W",
	"/declare 4 personal W", "/declare withdraw 10/12/2026 4 W",
	"/minutes approve 10/12/2026 W", "/minutes draft 10/12/2026 W", "/minutes post 10/12/2026 W",
	"/action list mine W", "/action add 4 W 2027-03-01 Circulate", "/action add 4 <@UNEIL> W Circulate", "/action done 1 W", "/action move 1 2027-04-01 W", "/action reassign 1 <@UGRAEME> W",
	"/here remote W", "/help apologies W", "/attendance <@UNEIL> late 10:20 W", "/attendance <@UNEIL> W present",
}

func TestRefusalsQuoteLongWordsShortened(t *testing.T) {
	k := agendaKit(t)
	check := func(when string) {
		t.Helper()
		for _, line := range longWordLines {
			for _, lw := range longWords {
				for _, user := range []string{ian, neil} {
					text := strings.Replace(line, "W", lw.word, 1)
					r, err := k.svc.Run(context.Background(), k.request(user, text))
					if err != nil {
						t.Errorf("%s, %s: %s with W %.20q…: %v", when, user, line, lw.word, err)
						continue
					}
					if r.Refused && strings.Contains(shown(r), strings.Repeat(lw.run, 300)) {
						t.Errorf("%s, %s: %s with W %.20q… was refused quoting it whole (%d bytes): %.300s…", when, user, line, lw.word, len(shown(r)), shown(r))
					}
				}
			}
		}
	}
	check("before the meeting")
	k.now = time.Date(2026, 12, 10, 10, 5, 0, 0, london)
	k.must(ian, "/meeting start")
	// A minute and an action, for the lines that name them.
	k.must(ian, "/resolve 4 That the report be noted.")
	k.must(ian, "/action add 4 <@UNEIL> 2027-03-01 Circulate the figures")
	check("during the meeting")
}

// A word short enough to quote whole is quoted without "…", though its
// letters take more than a byte each: the "…" would say it was cut.
func TestRefusalQuotesShortAccentedWordWhole(t *testing.T) {
	k := committeeKit(t)
	word := strings.Repeat("ŵ", 30) // 30 letters, 60 bytes
	r := k.run(neil, "/action done "+word)
	if !r.Refused {
		t.Fatalf("/action done %s was not refused: %s", word, shown(r))
	}
	wantShown(t, shown(r), "`"+word+"` is not an action number.")
}
