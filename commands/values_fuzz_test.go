package commands

import (
	"maps"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// The values buttons carry come back from Slack as the presser sends
// them, so they are read as hostile text: a forged one is refused, and
// one the bot made reads back as what it was made from.

func FuzzPromptValue(f *testing.F) {
	f.Add("12:34:56", int64(12), int64(34), int64(56))
	f.Add("1:2", int64(1), int64(2), int64(3))
	f.Add("0:1:2", int64(9223372036854775807), int64(1), int64(1))
	f.Add("+1:2:3", int64(-1), int64(2), int64(3))
	f.Add("1:2:3:4", int64(1), int64(0), int64(3))
	f.Add("1::3", int64(1), int64(2), int64(3))
	f.Add("99999999999999999999:1:1", int64(1), int64(2), int64(3))
	f.Fuzz(func(t *testing.T, value string, m, i, e int64) {
		meeting, item, entry, ok := parsePromptValue(value)
		if ok {
			if meeting <= 0 || item <= 0 || entry <= 0 {
				t.Fatalf("parsePromptValue(%q) = %d, %d, %d: an ID that is not positive accepted", value, meeting, item, entry)
			}
			again := promptValue(Meeting{ID: meeting}, interestPrompt{Item: AgendaItem{ID: item}, Entry: Interest{ID: entry}})
			if m2, i2, e2, ok2 := parsePromptValue(again); !ok2 || m2 != meeting || i2 != item || e2 != entry {
				t.Fatalf("%q read as %d, %d, %d, written again as %q, which reads as %d, %d, %d, %v", value, meeting, item, entry, again, m2, i2, e2, ok2)
			}
		} else if meeting != 0 || item != 0 || entry != 0 {
			t.Fatalf("parsePromptValue(%q) refused but gave %d, %d, %d", value, meeting, item, entry)
		}
		if m > 0 && i > 0 && e > 0 {
			v := promptValue(Meeting{ID: m}, interestPrompt{Item: AgendaItem{ID: i}, Entry: Interest{ID: e}})
			if m2, i2, e2, ok2 := parsePromptValue(v); !ok2 || m2 != m || i2 != i || e2 != e {
				t.Fatalf("a prompt's own value %q reads as %d, %d, %d, %v", v, m2, i2, e2, ok2)
			}
		}
	})
}

func FuzzWithdrawValue(f *testing.F) {
	f.Add("12:7.5:345", int64(12), "7.5", int64(345))
	f.Add("12:7.5", int64(12), "7a", int64(0))
	f.Add("12:7.5:", int64(1), "4", int64(1))
	f.Add("12:item 7:3", int64(1), "12", int64(1))
	f.Add("-1:7:3", int64(1), "7.5.1", int64(1))
	f.Add("1:7:-3", int64(1), "7:3", int64(1))
	f.Add("1:7:3:4", int64(1), "", int64(1))
	f.Add("1:12345678901234567:3", int64(1), "x", int64(1))
	f.Fuzz(func(t *testing.T, value string, m int64, it string, d int64) {
		meeting, item, only, ok := parseWithdrawValue(value)
		if ok {
			if meeting <= 0 || only < 0 || !isItemNumber(item) {
				t.Fatalf("parseWithdrawValue(%q) = %d, %q, %d: accepted what no button carries", value, meeting, item, only)
			}
			again := withdrawValue(meeting, item, only)
			if m2, i2, o2, ok2 := parseWithdrawValue(again); !ok2 || m2 != meeting || i2 != item || o2 != only {
				t.Fatalf("%q read as %d, %q, %d, written again as %q, which reads as %d, %q, %d, %v", value, meeting, item, only, again, m2, i2, o2, ok2)
			}
		} else if meeting != 0 || item != "" || only != 0 {
			t.Fatalf("parseWithdrawValue(%q) refused but gave %d, %q, %d", value, meeting, item, only)
		}
		if m > 0 && d >= 0 && isItemNumber(it) {
			v := withdrawValue(m, it, d)
			if m2, i2, o2, ok2 := parseWithdrawValue(v); !ok2 || m2 != m || i2 != it || o2 != d {
				t.Fatalf("a Withdraw button's own value %q reads as %d, %q, %d, %v", v, m2, i2, o2, ok2)
			}
		}
	})
}

// A value typed for a gift is recorded in pence: what is accepted is an
// amount the register can hold, and the register's own way of writing it
// reads back as the same amount.
func FuzzTakeMoney(f *testing.F) {
	for _, s := range []string{"£75 Dinner", "£75.00 Dinner", "75 GBP Dinner", "GBP 75 z", "£1,200 Flights", "£1,200.5 y",
		"9999999.99 a", "£ y", "75 USD", "$75", "€75", "-75", "−75", "£-5", "75.555", "12345678", "1,2345", "75gbp x",
		"75 EUR", "0", "0.0", "£0.01", "1,000,000", "10,000,000", "٣", "75.", ".5", "GBP", "gbp gbp"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		words := strings.Fields(text)
		pence, n, err := takeMoney(words)
		if err != nil {
			if pence != 0 || n != 0 {
				t.Fatalf("takeMoney(%q) refused (%v) but gave %d, %d", words, err, pence, n)
			}
			// A refusal quotes what was typed shortened: a pasted page
			// is not repeated back whole.
			if msg := err.Error(); msg == "" || len(msg) > 400 {
				t.Fatalf("takeMoney(%q) refused with a %d-byte message: %q", words, len(msg), msg)
			}
			return
		}
		if pence < 0 || pence > 999_999_999 {
			t.Fatalf("takeMoney(%q) = %d pence: outside £0 … £9,999,999.99", words, pence)
		}
		if n < 1 || n > 2 || n > len(words) {
			t.Fatalf("takeMoney(%q) used %d words", words, n)
		}
		shown := formatPence(pence)
		if p2, n2, err := takeMoney([]string{shown}); err != nil || p2 != pence || n2 != 1 {
			t.Fatalf("%q read as %d pence, shown as %q, which reads as %d, %d, %v", words, pence, shown, p2, n2, err)
		}
	})
}

// A kind of interest or a category is read in any of its spellings, and
// what is read is one the register knows, which reads back as itself.
func FuzzTakeKind(f *testing.F) {
	for _, p := range kindPhrases {
		f.Add(p.words + " Trustee of SWACA")
	}
	for _, ic := range interestCategories {
		f.Add(ic.synonyms[len(ic.synonyms)-1] + ", Acme Ltd")
	}
	f.Add("DPI: director")
	f.Add("non-pecuniary")
	f.Add("other registrable interest")
	f.Add("disclosable")
	f.Fuzz(func(t *testing.T, text string) {
		words := strings.Fields(text)
		k, n := takeKind(words)
		if (k == "") != (n == 0) || n > len(words) {
			t.Fatalf("takeKind(%q) = %q, %d", words, k, n)
		}
		if n > 0 {
			if k != InterestPecuniary && k != InterestPersonal && k != InterestOther {
				t.Fatalf("takeKind(%q) = %q: not a kind of interest", words, k)
			}
			if k2, ok := ParseKind(strings.Join(words[:n], " ")); !ok || k2 != k {
				t.Fatalf("the words %q read as %q taken alone read as %q, %v", words[:n], k, k2, ok)
			}
			if k2, ok := ParseKind(string(k)); !ok || k2 != k {
				t.Fatalf("the kind %q reads as %q, %v", k, k2, ok)
			}
		}
		if k, ok := ParseKind(text); ok {
			if _, n := takeKind(strings.Fields(text)); n != len(strings.Fields(text)) {
				t.Fatalf("ParseKind(%q) = %q, though takeKind leaves words over", text, k)
			}
		}
		if len(words) > 0 {
			if c, ok := ParseCategory(words[0]); ok {
				if c2, ok := ParseCategory(string(c)); !ok || c2 != c {
					t.Fatalf("%q reads as category %q, which reads as %q, %v", words[0], c, c2, ok)
				}
				known := false
				for _, ic := range interestCategories {
					known = known || ic.cat == c
				}
				if !known {
					t.Fatalf("%q reads as category %q, which the register does not know", words[0], c)
				}
			}
		}
	})
}

// "[DATE] ITEM" starts declarations and reports: what is read is a real
// day and an item number as printed, and the words after it are the rest
// of what was typed, in order.
func FuzzTakeDateItem(f *testing.F) {
	for _, s := range []string{"7.5 personal Trustee", "10/12/2026 7.5 x", "next 4 y", "item 7.5: z", "Item 4", "(7a) w",
		"7.7. v", "2026-12-10", "", "tomorrow", "7.5https://example.org/report.pdf", "https://example.org/r.pdf",
		"10 December HTTP://x.org", "31/02/2026 7", "item", "12345678901234567 x", "7..5", "7.5a.b",
		// A weekday or span after "next" is quoted back; the commas
		// after it are not part of it.
		"next Thursday" + strings.Repeat(",", 500), "next week" + strings.Repeat(",", 500)} {
		f.Add(s, int64(1795000000))
	}
	f.Fuzz(func(t *testing.T, text string, nowN int64) {
		args := strings.Fields(text)
		now := fuzzNow(nowN)
		d, item, rest, err := takeDateItem(args, now, london)
		if err != nil {
			if d != (Date{}) || item != "" || rest != nil {
				t.Fatalf("takeDateItem(%q) refused (%v) but gave %+v, %q, %q", args, err, d, item, rest)
			}
			if len(err.Error()) > 400 {
				t.Fatalf("takeDateItem(%q) refused with a %d-byte message", args, len(err.Error()))
			}
		} else {
			validDate(t, text, d)
			if !isItemNumber(item) {
				t.Fatalf("takeDateItem(%q) read the item %q, which is not an item number", args, item)
			}
			if len(rest) >= len(args) || !slices.Equal(rest, args[len(args)-len(rest):]) {
				t.Fatalf("takeDateItem(%q) left %q, which is not what followed the item", args, rest)
			}
		}
		if err := addressForItem(args, now, london); err != nil {
			// The address is shortened and code-quoted, not repeated
			// whole in the answer.
			if len(err.Error()) > 1200 {
				t.Fatalf("addressForItem(%q) answered %d bytes", args, len(err.Error()))
			}
		}
	})
}

// A committee's name becomes part of its calendar feed's address: only
// letters, digits and single dashes, and the token before it is still
// what the feed is found by.
func FuzzSlug(f *testing.F) {
	for _, s := range []string{"Safer Sefton Together", "  Planning -- Committee  ", "Café Society", "", "---", "Ünïcödé",
		"a/b?c#d", "../../etc/passwd", strings.Repeat("ab ", 40), "Licensing (Sub) Committee 2", "x\x00y", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		s := Slug(name)
		if strings.HasPrefix(s, "-") || strings.HasSuffix(s, "-") || strings.Contains(s, "--") || len(s) > 61 {
			t.Fatalf("Slug(%q) = %q", name, s)
		}
		for _, r := range s {
			if !('a' <= r && r <= 'z' || '0' <= r && r <= '9' || r == '-') {
				t.Fatalf("Slug(%q) = %q: %q in an address", name, s, r)
			}
		}
		if again := Slug(s); again != s {
			t.Fatalf("Slug(%q) = %q, whose slug is %q", name, s, again)
		}
		token := strings.Repeat("0123456789abcdef", 4)
		p := CalendarPath(Committee{Name: name, CalendarToken: token})
		ref, ok := strings.CutSuffix(strings.TrimPrefix(p, "/calendar/"), ".ics")
		if got, _, _ := strings.Cut(ref, "-"); !ok || got != token || !isCalendarToken(got) {
			t.Fatalf("the feed of %q is at %q, whose token reads as %q", name, p, got)
		}
		if u, err := url.Parse("https://quorum.example.org" + p); err != nil || u.Path != p {
			t.Fatalf("the feed of %q is at %q, which an address reads as %q (%v)", name, p, u, err)
		}
	})
}

// LinkHost is what a reader is shown of where a link goes: ASCII in lower
// case, each label that is not ASCII written in the "xn--" form that
// decodes back to it, so that no two hosts are shown alike.
func FuzzLinkHost(f *testing.F) {
	for _, s := range []string{"https://example.org/report.pdf", "https://EXAMPLE.org", "https://аpple.com/", "https://bücher.example/x",
		"https://例え.テスト/", "http://user:pw@host:8080/p", "https://[::1]:443/", "not a url", "https://", "https://xn--80ak6aa92e.com",
		"https://ǅ.example", "https://a..b", "https://%65xample.org", "https://münchen.de.", "mailto:a@b.org", "https://\xff.org"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, rawURL string) {
		host := LinkHost(rawURL)
		for i := 0; i < len(host); i++ {
			if host[i] >= 0x80 || 'A' <= host[i] && host[i] <= 'Z' {
				t.Fatalf("LinkHost(%q) = %q: not lower-case ASCII", rawURL, host)
			}
		}
		u, err := url.Parse(rawURL)
		if err != nil || u.Hostname() == "" {
			if host != "" {
				t.Fatalf("LinkHost(%q) = %q for a link with no host", rawURL, host)
			}
			return
		}
		want := strings.Split(strings.ToLower(u.Hostname()), ".")
		got := strings.Split(host, ".")
		if len(got) != len(want) {
			t.Fatalf("LinkHost(%q) = %q: labels %q, want as many as %q", rawURL, host, got, want)
		}
		for i, l := range want {
			if isASCII(l) {
				if got[i] != l {
					t.Fatalf("LinkHost(%q) = %q: label %q shown as %q", rawURL, host, l, got[i])
				}
				continue
			}
			enc, ok := strings.CutPrefix(got[i], "xn--")
			if !ok {
				t.Fatalf("LinkHost(%q) = %q: label %q shown as %q", rawURL, host, l, got[i])
			}
			if !utf8.ValidString(l) {
				continue // no host a browser opens
			}
			if dec, ok := punyDecode(enc); !ok || dec != l {
				t.Fatalf("LinkHost(%q) = %q: label %q written as %q, which decodes to %q (%v)", rawURL, host, l, got[i], dec, ok)
			}
		}
	})
}

// punyDecode is RFC 3492's decoder, to check punycode against.
func punyDecode(s string) (string, bool) {
	const (
		base, tmin, tmax, skew, damp = 36, 1, 26, 38, 700
		initialBias, initialN        = 72, 128
	)
	adapt := func(delta, points int, first bool) int {
		if first {
			delta /= damp
		} else {
			delta /= 2
		}
		delta += delta / points
		k := 0
		for delta > ((base-tmin)*tmax)/2 {
			delta /= base - tmin
			k += base
		}
		return k + (base-tmin+1)*delta/(delta+skew)
	}
	var out []rune
	if b := strings.LastIndexByte(s, '-'); b >= 0 {
		for i := 0; i < b; i++ {
			if s[i] >= 0x80 {
				return "", false
			}
			out = append(out, rune(s[i]))
		}
		s = s[b+1:]
	}
	n, i, bias := initialN, 0, initialBias
	for pos := 0; pos < len(s); {
		oldi, w := i, 1
		for k := base; ; k += base {
			if pos >= len(s) || i > 1<<40 || w > 1<<40 {
				return "", false
			}
			c := s[pos]
			pos++
			var digit int
			switch {
			case 'a' <= c && c <= 'z':
				digit = int(c - 'a')
			case '0' <= c && c <= '9':
				digit = int(c-'0') + 26
			default:
				return "", false
			}
			i += digit * w
			t := min(max(k-bias, tmin), tmax)
			if digit < t {
				break
			}
			w *= base - t
		}
		bias = adapt(i-oldi, len(out)+1, oldi == 0)
		n += i / (len(out) + 1)
		i %= len(out) + 1
		if n > utf8.MaxRune {
			return "", false
		}
		out = slices.Insert(out, i, rune(n))
		i++
	}
	return string(out), true
}

// A pasted agenda or set of minutes loses the control characters nobody
// can see, and nothing else: every box's text is there, in order.
func FuzzPastedDocument(f *testing.F) {
	f.Add(true, "1. Apologies\n2. Minutes", "3. Planning\x0c", "", "4. AOB")
	f.Add(false, "text\x00with NUL", "more", "x", "")
	f.Add(true, "  ", "\x1b[31mred\x1b[0m", "\r\n", "\xff")
	f.Add(true, "one", "two\n", "\u0085three", "four\u200b")
	f.Add(false, "Unwell\u202egnirob", "\u202d\u202c", "\u2067x\u2069", "\u200f")
	f.Fuzz(func(t *testing.T, agenda bool, b0, b1, b2, b3 string) {
		form, boxes := importMinutesFormID, minutesBoxes
		if agenda {
			form, boxes = importFormID, agendaBoxes
		}
		all := []string{b0, b1, b2, b3}
		sub := Submission{Form: form, Values: map[string][]string{}}
		for i, b := range all[:min(boxes, len(all))] {
			sub.Values[pasteID(i)] = []string{b}
		}
		before := maps.Clone(sub.Values)
		clean := withoutStrays(sub)
		for id, vs := range before {
			if !slices.Equal(sub.Values[id], vs) {
				t.Fatalf("withdrawing strays changed the submission it was given: box %s %q became %q", id, vs, sub.Values[id])
			}
		}
		text := pasted(clean, boxes)
		if utf8.ValidString(text) && (strings.ContainsFunc(text, isControl) || strings.ContainsFunc(text, isOverride)) {
			t.Fatalf("pasted %q kept a control character: %q", all, text)
		}
		rest := text
		for i := range min(boxes, len(all)) {
			v := clean.Values[pasteID(i)][0]
			if strings.TrimSpace(v) == "" {
				continue
			}
			j := strings.Index(rest, strings.TrimSpace(v))
			if j < 0 {
				t.Fatalf("pasted %q: box %d's %q is not in %q in its place", all, i, v, text)
			}
			rest = rest[j+len(strings.TrimSpace(v)):]
		}
	})
}

// An [Add an action] button carries its minute as JSON: what is read is a
// real day and a number a minute could have, and a button the bot made
// reads back as its minute.
func FuzzMinuteRef(f *testing.F) {
	f.Add(`{"c":1,"n":"9","y":2026,"m":12,"d":10}`, int64(1), "9", 2026, 12, 10)
	f.Add(`not json`, int64(1), "150/20", 2026, 2, 28)
	f.Add(`{"c":1}`, int64(7), "7a", 1, 1, 1)
	f.Add(`{"c":1,"n":"9","y":-1,"m":12,"d":10}`, int64(1), "9", 9999, 12, 31)
	f.Add(`{"c":1,"n":"9","y":2026,"m":13,"d":40}`, int64(1), "9", 2026, 13, 40)
	f.Add(`{"c":1,"n":"9\u0000","y":2026,"m":12,"d":10}`, int64(1), "9\x00", 2026, 12, 10)
	f.Add(`{"c":1,"n":"9\u001b[2J","y":2026,"m":12,"d":10}`, int64(1), " 9 ", 2028, 2, 29)
	f.Add(`{"c":1,"n":"9\udc00","y":2026,"m":12,"d":10,"n":"10"}`, int64(1), "12345678901234567", 2026, 2, 29)
	f.Fuzz(func(t *testing.T, value string, c int64, number string, y, m, d int) {
		if ref, ok := readMinuteRef(value); ok {
			if ref.Number == "" || len(ref.Number) > maxMinuteNumLen || unstorable(ref.Number) != "" || strings.ContainsFunc(ref.Number, isControl) {
				t.Fatalf("readMinuteRef(%q) read the number %q, which no minute has", value, ref.Number)
			}
			// Any year the records take, not only those a date typed may be.
			if d := ref.heldOn(); d.Year < 1 || d.Year > 9999 || DateOf(d.Start(time.UTC), time.UTC) != d {
				t.Fatalf("readMinuteRef(%q) read the day %+v, which the calendar has not", value, d)
			}
		} else if ref != (minuteRef{}) {
			t.Fatalf("readMinuteRef(%q) refused but gave %+v", value, ref)
		}
		day := Date{y, time.Month(m), d}
		if y < 1900 || y > 2200 || DateOf(day.Start(time.UTC), time.UTC) != day {
			return
		}
		mi := Minute{CommitteeID: c, Number: clean(number, maxMinuteNumLen), HeldOn: day}
		if mi.Number == "" {
			return
		}
		v := addActionButtonFor(mi).Value
		ref, ok := readMinuteRef(v)
		if !ok || ref.Committee != c || ref.Number != mi.Number || ref.heldOn() != day {
			t.Fatalf("the button of minute %q of %v reads as %+v, %v", mi.Number, day, ref, ok)
		}
	})
}
