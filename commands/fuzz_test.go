package commands

import (
	"errors"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// The parsers of user text never panic, and what they accept is valid.
// `make fuzz` runs each for longer; crashers found become files under
// testdata/fuzz/ and run with every `go test`.

// fuzzNow turns any number into an instant between 1970 and about 2100.
func fuzzNow(n int64) time.Time {
	const span = 130 * 365 * 24 * 3600
	n %= span
	if n < 0 {
		n += span
	}
	return time.Unix(n, 0)
}

// validDate checks that d names a real day.
func validDate(t *testing.T, what string, d Date) {
	t.Helper()
	if d.IsNext() {
		if d != (Date{}) {
			t.Fatalf("%s: a 'next' date with parts set: %+v", what, d)
		}
		return
	}
	got := DateOf(d.Start(time.UTC), time.UTC)
	if got != d || d.Year < 1900 || d.Year > 2200 {
		t.Fatalf("%s: %+v is not a real day (normalises to %+v)", what, d, got)
	}
}

var dateSeeds = []string{
	"", "next", "1 January 1", "today", "tomorrow", "2026-12-10", "10/12/2026", "10.12.26", "10-12-2026",
	"31/02/2026", "29/02/2028", "29 February", "13/13/2026", "10 December", "10th of December 2026",
	"Thursday 10th December, 2026", "December 10", "Dec 10 2026", "sept 9", "0/0/0", "9999-99-99",
	"1/1/1", "Thursday", "10 December 99999", "-1/-1/-1", "１０/１２/２０２６", "10 décembre",
	"next Thursday", "next thu", "next week", "Next Month", "next fortnight", "next week 17 December", "next Thursday 17 December", "next Thursday, 17/12", "next friday 31/02",
	"31/02", "30/02", "29/02", "31/04", "31/4", "00/00", "31 April", "February 30th", "next 31/02",
	"Tue 9 Dec", "Tuesday 9/12/2026", "Wed, 9 December 2026", "next Tue 9 Dec", "Thu 29/02",
	// A slash date whose part is any number of digits is refused by name,
	// and the name shortened.
	"1/1/" + strings.Repeat("1", 2000),
}

func FuzzTakeDate(f *testing.F) {
	for _, s := range dateSeeds {
		f.Add(s+" Unwell", int64(1795000000))
	}
	f.Fuzz(func(t *testing.T, text string, nowN int64) {
		words := strings.Fields(text)
		now := fuzzNow(nowN)
		d, n, err := takeDate(words, now, london)
		if err != nil {
			if n != 0 || d != (Date{}) {
				t.Fatalf("takeDate(%q) = %+v, %d with error %v", text, d, n, err)
			}
		} else {
			if n < 0 || n > len(words) {
				t.Fatalf("takeDate(%q) used %d of %d words", text, n, len(words))
			}
			if n == 0 && !d.IsNext() {
				t.Fatalf("takeDate(%q) = %+v using no words", text, d)
			}
			validDate(t, "takeDate("+text+")", d)
			_ = d.String()
			// "next Thursday" is refused: read as the next meeting, the
			// weekday would start a reason. Only a date after it makes
			// "next" the next meeting again.
			// Nor is "next week": "week" would start a reason.
			if n == 1 && d.IsNext() && len(words) > 1 {
				if _, span := nextSpan[strings.ToLower(strings.TrimRight(words[1], ","))]; span {
					t.Fatalf("takeDate(%q) reads the next meeting and leaves %q", text, words[1])
				}
			}
			if n == 1 && d.IsNext() && len(words) > 1 && weekdays[strings.ToLower(strings.TrimRight(words[1], ","))] {
				if _, k, _ := takeDate(words[1:], now, london); k == 0 {
					t.Fatalf("takeDate(%q) reads the next meeting and leaves the weekday", text)
				}
			}
		}
		// A refusal quotes what was typed shortened, never whole: it is
		// posted back to the sender.
		if err != nil && len(err.Error()) > 400 {
			t.Fatalf("takeDate(%.60q…) refused with a %d-byte message", text, len(err.Error()))
		}
		// A refusal names no year the officer did not type (31/02 is no
		// day in any year).
		if err != nil && !typedYear(words) {
			if y := yearRe.FindString(err.Error()); y != "" {
				t.Fatalf("takeDate(%q): %v names the year %s", text, err, y)
			}
		}
		if d, err := ParseDate(text, now, london); err == nil {
			validDate(t, "ParseDate("+text+")", d)
		}
	})
}

var (
	yearRe  = regexp.MustCompile(`\b(19|20|21|22)\d\d\b`)
	fourDig = regexp.MustCompile(`\d{4}`)
)

// typedYear says whether words hold something a date's year may have come
// from: a number of four digits, or one of three parts, "10/12/26".
func typedYear(words []string) bool {
	for _, w := range words {
		if fourDig.MatchString(w) {
			return true
		}
		if _, ok, _ := numericDate(w); ok {
			return true
		}
	}
	return false
}

func FuzzTakeClock(f *testing.F) {
	for _, s := range []string{"10:00", "10.00", "10.00am", "10.00 am", "10am", "2 pm", "14:30", "12am", "12pm", "0:00",
		"24:00", "9.5", "10:60", "13pm", "p.m.", "1a.m.", "10:00:00", "-1:00", "+1:+1", "10 a.m. Remote"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		words := strings.Fields(text)
		c, n, err := takeClock(words)
		if err != nil {
			if n != 0 {
				t.Fatalf("takeClock(%q) used %d words with error %v", text, n, err)
			}
			return
		}
		if n < 0 || n > 2 || n > len(words) {
			t.Fatalf("takeClock(%q) used %d of %d words", text, n, len(words))
		}
		if n > 0 && (c.Hour < 0 || c.Hour > 23 || c.Minute < 0 || c.Minute > 59) {
			t.Fatalf("takeClock(%q) = %v", text, c)
		}
	})
}

func FuzzParseApology(f *testing.F) {
	for _, s := range []string{"", "Unwell", "10/12/2026 Attending court sub @graeme", "Unwell sub <@UGRAEME|graeme>",
		"sub", "sub Jane Smith", "sub committee meeting", "31/02/2027 Unwell", "Away substitute: <@U1>", "sub <@>", "sub <@U1|<!channel>>",
		"Reason sub Évelyne Ödön", strings.Repeat("word ", 120), "sub none", "reason none", "Reason: Unwell sub none",
		`sub "Jane Smith (Sefton CVS)"`, "Court sub “Jane Smith” today", `sub "`, `sub ""`, "sub ”x“", "sub <@U1> sub <@U2>",
		"reason", "reason none sub none", "sub \"a\xff\"",
		"for sue Unwell", "next Thursday Unwell", "next Unwell", "31/02 Unwell", "next 31/02 Unwell", "reason for sue", "sub sue Holdn",
		"next Thursday 17 December Holiday", "next 17/12 Holiday", "next, today", "next next Holiday", "next 17/12", "next tomorrow Unwell",
		"sub sue", "Unwell substitute graeme", "reason sub sue", "Planning sub committee", "sub: sue", "sub sue sub <@U1>", "Unwell sub sue.", "sub *sue*", "sub *", "sub `_~x~_`.",
		"witdraw", "Withdrawn 10/12/2026", "cancel", "lsit", "reason lsit", "lsit next", "Lift broken", "sub Graeme", "withdraw 31/02",
		"fro <@U1|neil> Unwell", "<@U1> Unwell", "fo <@U1>", "reason <@U1> away", "Meeting with <@U1>", "for <@U1> Unwell", "fro",
		"Thursday", "thu Unwell", "reason Thursday clinic", "10/12/2026 Thursday", "Sun holiday", "Friday, sub <@U1>",
		"14.1 Holiday", "32.1", "10.30 clinic", "9.00", "10.12.", "tmorrow Holiday", "Tommorow", "tody", "Thurday sub <@U1>", "Tuesdays", "reason 14.1",
		"Meeting with <@U1|neil>, about it", "Seeing <@U1> and <@U2|x|y>", "reason <@U1|a\x00b> \x00", "Away ask <mailto:a@b.org|a@b.org> <#C1|general> <!here> sub <!channel>", "sub <@U1|<!c annel>>", "sub |@U1|<!c annel>>", "x <!c sub annel> y", "sub \xe2\x80\x00\x80“", "Away sub &lt;graeme&gt;",
		"on 14/01 Unwell", "for 14 January x", "this Thursday", "on Thursday 14 January", "yesterday", "14/01/2027: x", "14 January 2027: x", "on", "for 2 weeks", "this",
		"14 Janury Unwell", "Febuary 3rd Holiday", "14th Janaury 2027", "31 Novmber", "45 Decmber x", "3 jury summons", "Janury", "1 Marching",
		`Court sub "(Sefton CVS)"`, `sub "Jane Smith ("`, `Court sub "Robert "Bob" Jones (Sefton CVS)"`, `sub “a “b” c”`} {
		f.Add(s, int64(1795000000))
	}
	c := Committee{TimeZone: DefaultTimeZone}
	f.Fuzz(func(t *testing.T, text string, nowN int64) {
		r := Request{Command: "/apologies", Text: text, Now: fuzzNow(nowN)}
		a, err := parseApology(strings.Fields(text), r.Now, c.Location())
		if err != nil {
			return
		}
		validDate(t, "parseApology("+text+")", a.Date)
		// "next" then a day is not the next meeting with the day for a
		// reason.
		if words := strings.Fields(text); saidNextFirst(words) {
			if day, k, err := takeDate(words[1:], r.Now, c.Location()); err == nil && k > 0 && !day.IsNext() {
				t.Fatalf("parseApology(%q) = %+v: the day after next taken for the reason", text, a)
			}
		}
		if utf8.RuneCountInString(a.Reason) > MaxReasonLen || utf8.RuneCountInString(a.SubstituteName) > MaxNameLen {
			t.Fatalf("parseApology(%q): reason %d, substitute %d characters, over the limits", text, utf8.RuneCountInString(a.Reason), utf8.RuneCountInString(a.SubstituteName))
		}
		if a.SubstituteID != "" && strings.ContainsAny(a.SubstituteID, " <>@|") {
			t.Fatalf("parseApology(%q): substitute ID %q", text, a.SubstituteID)
		}
		if strings.TrimSpace(a.Reason) != a.Reason || strings.TrimSpace(a.SubstituteName) != a.SubstituteName {
			t.Fatalf("parseApology(%q): reason %q or substitute %q not trimmed", text, a.Reason, a.SubstituteName)
		}
		// What is not named is kept, so it must be empty: nothing of it is written.
		if !a.SetReason && a.Reason != "" || !a.SetSubstitute && a.SubstituteID+a.SubstituteName != "" {
			t.Fatalf("parseApology(%q) = %+v: a part not named has a value", text, a)
		}
		if a.SubstituteID != "" && !a.SetSubstitute {
			t.Fatalf("parseApology(%q) = %+v: a substitute not set", text, a)
		}
		// The word after "sub" is in one of the reason's, left there only
		// when no substitute was named; the reason keeps Slack's markup as
		// the sender saw it (ShownMarkup), the word is without it.
		if a.SubWord != "" && (a.SetSubstitute || !slices.ContainsFunc(strings.Fields(a.Reason), func(w string) bool { return strings.Contains(w, a.SubWord) })) {
			t.Fatalf("parseApology(%q) = %+v: word after sub %q not of the reason", text, a, a.SubWord)
		}
	})
}

func FuzzMention(f *testing.F) {
	for _, s := range []string{"<@U123>", "<@U123|neil>", "<@>", "<@|x>", "<@U1|<!channel>>", "<@U 1>", "@neil", "<!channel>", "<@U1|a|b>", "<@@>", "<@U" + strings.Repeat("Q", 40) + ">", "<@U1|" + strings.Repeat("q", 90) + ">"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, w string) {
		id, name, ok := mention(w)
		if !ok {
			if id != "" || name != "" {
				t.Fatalf("mention(%q) failed but returned %q, %q", w, id, name)
			}
			return
		}
		if id == "" || strings.ContainsAny(id, " <>@|") || len(id) > maxUserID || utf8.RuneCountInString(name) > maxUserHint {
			t.Fatalf("mention(%q): user ID %q", w, id)
		}
		if w != "<@"+id+">" && w != "<@"+id+"|"+name+">" {
			t.Fatalf("mention(%q) = %q, %q: does not rebuild the input", w, id, name)
		}
	})
}

func FuzzMemberAdd(f *testing.F) {
	for _, s := range []string{"<@UNEIL> SWACA", "<@UGRAEME|graeme> Merseyside Police chair", "<@U1> officer", "<@U1>",
		"neil SWACA", "", "<@U1> Sefton CVS MEMBER", "<@U1> " + strings.Repeat("x", 300),
		"<@U1> Merseyside Police vice-chair", "<@U1> Sefton Council vice chair", "<@U1> vice chair", "<@U1> Vice-Chair",
		"<@U1> chair Sefton CVS", "<@U1> vice chair, Merseyside Police", "<@U1> vice chair member", "<@U1> chair chair"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		userID, _, org, role, err := parseMemberAdd(strings.Fields(text))
		if err != nil {
			var ue *UserError
			if !errors.As(err, &ue) {
				t.Fatalf("parseMemberAdd(%q): %v is not a UserError", text, err)
			}
			return
		}
		if userID == "" || strings.ContainsAny(userID, " <>@|") {
			t.Fatalf("parseMemberAdd(%q): user ID %q", text, userID)
		}
		if org == "" || utf8.RuneCountInString(org) > MaxNameLen {
			t.Fatalf("parseMemberAdd(%q): organisation %q", text, org)
		}
		switch role {
		case "", RoleMember, RoleOfficer, RoleChair, RoleViceChair: // "": none named, kept as it is
		default:
			t.Fatalf("parseMemberAdd(%q): role %q", text, role)
		}
	})
}

func FuzzEscape(f *testing.F) {
	for _, s := range []string{"<!channel>", "&lt;", "a & b", "<@U1|x>", "", "&amp;lt;"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		e := Escape(s)
		if strings.ContainsAny(e, "<>") {
			t.Fatalf("Escape(%q) = %q still holds markup", s, e)
		}
		if got := Unescape(e); got != s {
			t.Fatalf("Unescape(Escape(%q)) = %q", s, got)
		}
	})
}

// TestPlainCodeLoneBacktick: a form's text with a backtick left over from
// its code spans (one in a name quoted back, "O`Brien") reads with every
// quotation mark it opens closed, and the lone backtick as typed.
func TestPlainCodeLoneBacktick(t *testing.T) {
	for in, want := range map[string]string{
		"`/minutes approve` for O`Brien": "“/minutes approve” for O`Brien",
		"O`Brien":                        "O`Brien",
		"`a` and `b` and `":              "“a” and “b” and `",
		"`/action list` &amp; `x`":       "“/action list” & “x”",
	} {
		if got := PlainCode(in); got != want {
			t.Errorf("PlainCode(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzPlainCode: plain text closes every quotation mark it opens for a
// code span, and keeps a backtick only when one is left unpaired.
func FuzzPlainCode(f *testing.F) {
	for _, s := range []string{"`/minutes approve` to confirm them", "O`Brien", "`a` and `b` and `", "", "&lt;`x`&gt;", "``"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		u, got := Unescape(s), PlainCode(s)
		opened := strings.Count(got, "“") - strings.Count(u, "“")
		closed := strings.Count(got, "”") - strings.Count(u, "”")
		if opened != closed {
			t.Fatalf("PlainCode(%q) = %q opens %d quotations and closes %d", s, got, opened, closed)
		}
		if n := strings.Count(got, "`"); n != strings.Count(u, "`")%2 {
			t.Fatalf("PlainCode(%q) = %q keeps %d backticks", s, got, n)
		}
	})
}

// FuzzParseMonth: a month read is a real month.
func FuzzParseMonth(f *testing.F) {
	for _, s := range []string{"May", "sept.", "12", "0", "13", "", "Smarch", " april "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		m, err := ParseMonth(text)
		if err == nil && (m < time.January || m > time.December) {
			t.Fatalf("ParseMonth(%q) = %d", text, m)
		}
		if err != nil && m != 0 {
			t.Fatalf("ParseMonth(%q) = %d with error %v", text, m, err)
		}
	})
}

// FuzzAgreedActionText: whatever an action's text and owner, its line in
// the minutes is made without a panic, keeps valid text valid, and holds
// the text's words.
func FuzzAgreedActionText(f *testing.F) {
	for _, s := range []string{"Circulate the strategy to partners", "To brief the board", "Sefton CVS to circulate", "Figures to be circulated", "Is it?", "to", "T", "É to be", ""} {
		f.Add(s, "Jen Williams")
	}
	f.Fuzz(func(t *testing.T, text, owner string) {
		a := AgreedAction{Text: text, First: ActionChange{OwnerName: owner, Due: Date{Year: 2027, Month: time.March, Day: 31}}}
		got := AgreedActionText(a)
		if utf8.ValidString(text) && utf8.ValidString(owner) && !utf8.ValidString(got) {
			t.Fatalf("AgreedActionText(%q, %q) = %q, not valid text", text, owner, got)
		}
		for _, w := range strings.Fields(strings.TrimSuffix(strings.TrimSpace(text), ".")) {
			if !strings.Contains(strings.ToLower(got), strings.ToLower(strings.TrimSuffix(w, "."))) {
				t.Fatalf("AgreedActionText(%q, %q) = %q, without %q", text, owner, got, w)
			}
		}
	})
}
