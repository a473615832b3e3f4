package commands

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

func TestCheckURL(t *testing.T) {
	cases := []struct {
		url     string
		wantErr string // "" means accepted
	}{
		{"https://example.org/swaca-vawg.pdf", ""},
		{"http://modgov.sefton.gov.uk/documents/s12345/Report.pdf?x=1&y=2#p3", ""},
		{"HTTPS://EXAMPLE.ORG/A", ""},
		{"https://[2001:db8::1]:8443/r", ""},
		{"https://bücher.example/r", ""},
		{"https://example.org/a|b", ""}, // accepted, but never made into a link
		{"javascript:alert(1)", "only http and https"},
		{"JavaScript://example.org/%0aalert(1)", "only http and https"},
		{"file:///etc/passwd", "only http and https"},
		{"data:text/html,<script>", "only http and https"},
		{"ftp://example.org/r", "only http and https"},
		{"https://user:pass@example.org/r", "user name or password"},
		{"https://user@example.org/r", "user name or password"},
		{"https://a|b>", "not a web address"},
		{"https://a<b", "host name is not valid"},
		{"https:example.org", "not a full web address"},
		{"https:///r", "no host"},
		{"https://", "no host"},
		{"//example.org/r", "give the full address, starting https://, e.g. `https://example.org/r`"},
		{"example.org/r", "give the full address, starting https://, e.g. `https://example.org/r`"},
		{"example.org:8080/r", "give the full address, starting https://"},
		{"mailto:a@example.org", "only http and https"},
		{"https://example.org/a b", "spaces or control"},
		{"https://example.org/a\tb", "spaces or control"},
		{"https://example.org/\x00", "spaces or control"},
		{"https://example.org/\u202e", "spaces or control"},
		{"https://example.org/" + strings.Repeat("a", 10<<10), "too long"},
		{"https://exa_mple.org/", "host name is not valid"},
		{"https://example.org:443/x", ""},
		{"https://example.org:1/x", ""},
		{"https://example.org:65535/x", ""},
		{"https://example.org:99999/x", "ports run from 1 to 65535"},
		{"https://example.org:65536/x", "ports run from 1 to 65535"},
		{"https://example.org:0/x", "ports run from 1 to 65535"},
		{"https://[2001:db8::1]:70000/r", "ports run from 1 to 65535"},
		{"https://example.org/" + strings.Repeat("日", MaxURLLen-20), ""},
		{"", "give the report's web address"},
		{"https://example.org/\xff", "not valid text"},
	}
	for _, tc := range cases {
		err := CheckURL(tc.url)
		switch {
		case tc.wantErr == "" && err != nil:
			t.Errorf("CheckURL(%.60q) = %v, want it accepted", tc.url, err)
		case tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)):
			t.Errorf("CheckURL(%.60q) = %v, want %q", tc.url, err, tc.wantErr)
		}
	}
}

func TestLinkText(t *testing.T) {
	cases := []struct{ url, title, want string }{
		{"https://example.org/r.pdf", "SWACA perspective on VAWG", "<https://example.org/r.pdf|SWACA perspective on VAWG> (example.org)"},
		{"https://example.org/r.pdf?a=1&b=2", "", "<https://example.org/r.pdf?a=1&amp;b=2|https://example.org/r.pdf?a=1&amp;b=2>"},
		{"https://example.org/r.pdf", "<!channel> read this", "<https://example.org/r.pdf|&lt;!channel&gt; read this> (example.org)"},
		{"https://example.org/a|<!channel>", "Report", "Report — https://example.org/a|&lt;!channel&gt;"},
		{"https://example.org/a>b", "", "https://example.org/a&gt;b"},
		{"javascript:alert(1)", "x", "x — javascript:alert(1)"},
	}
	for _, tc := range cases {
		if got := LinkText(tc.url, tc.title); got != tc.want {
			t.Errorf("LinkText(%q, %q) = %q, want %q", tc.url, tc.title, got, tc.want)
		}
	}
}

func TestParseReport(t *testing.T) {
	cases := []struct {
		text    string
		want    reportArgs
		wantErr string
	}{
		{"7.5 https://example.org/r.pdf SWACA perspective on VAWG", reportArgs{Item: "7.5", URL: "https://example.org/r.pdf", Title: "SWACA perspective on VAWG"}, ""},
		{"7.5 <https://example.org/r.pdf> SWACA", reportArgs{Item: "7.5", URL: "https://example.org/r.pdf", Title: "SWACA"}, ""},
		{"7.5 <https://example.org/r.pdf|example.org/r.pdf>", reportArgs{Item: "7.5", URL: "https://example.org/r.pdf"}, ""},
		{"7h https://example.org/p.pdf", reportArgs{Item: "7h", URL: "https://example.org/p.pdf"}, ""},
		{"7.5 <https://example.org/r?a=1&amp;b=2>", reportArgs{Item: "7.5", URL: "https://example.org/r?a=1&b=2"}, ""},
		{"7.5 <https://example.org/r&gt;|x>", reportArgs{Item: "7.5", URL: "https://example.org/r>", Title: "x"}, ""},
		// A link made in Slack's composer keeps the words the sender gave
		// it, spaces and all: they are its title, unless one follows or
		// they are an address, as Slack's own for an address typed is.
		{"7.9 <https://example.org/r2.pdf|My report>", reportArgs{Item: "7.9", URL: "https://example.org/r2.pdf", Title: "My report"}, ""},
		{"7.9 <https://example.org/r2.pdf|Crime &amp; disorder  figures> ", reportArgs{Item: "7.9", URL: "https://example.org/r2.pdf", Title: "Crime & disorder figures"}, ""},
		{"7.9 <https://example.org/r2.pdf|My report> Annual figures", reportArgs{Item: "7.9", URL: "https://example.org/r2.pdf", Title: "Annual figures"}, ""},
		{"7.9 <https://example.org/r2.pdf|example.org/r2.pdf>", reportArgs{Item: "7.9", URL: "https://example.org/r2.pdf"}, ""},
		{"7.9 <https://example.org/r2.pdf|see www.example.org here>", reportArgs{Item: "7.9", URL: "https://example.org/r2.pdf"}, ""},
		{"7.9 <https://example.org/r2.pdf|My report", reportArgs{}, "not a web address"},
		{"7.9 <https://example.org/r2.pdf|My\treport>", reportArgs{Item: "7.9", URL: "https://example.org/r2.pdf", Title: "My report"}, ""},
		{"7.5", reportArgs{}, "give the report's web address"},
		{"https://example.org/r.pdf", reportArgs{}, "give the item's number before the address"},
		{"SWACA https://example.org/r.pdf", reportArgs{}, "not an agenda item number"},
		{"7.5 javascript:alert(1)", reportArgs{}, "only http and https"},
		{"7.5 <javascript:alert(1)|https://example.org>", reportArgs{}, "only http and https"},
		{"7.5 https://u:p@example.org/r", reportArgs{}, "user name or password"},
		{"7.5 https://example.org/r " + strings.Repeat("t", 201), reportArgs{}, "title is too long"},
		{"7.5 https://example.org/r " + strings.Repeat("日", 200), reportArgs{Item: "7.5", URL: "https://example.org/r", Title: strings.Repeat("日", 200)}, ""},
		{"7.5 https://example.org/r\n", reportArgs{Item: "7.5", URL: "https://example.org/r"}, ""},
		{"7.5\thttps://example.org/r  SWACA", reportArgs{Item: "7.5", URL: "https://example.org/r", Title: "SWACA"}, ""},
		{"7.5 https://example.org:99999/x", reportArgs{}, "ports run from 1 to 65535"},
		{"next 17/12 7.5 https://example.org/r", reportArgs{}, "`next 17/12` gives both `next` and a date: give one or the other, `/report 17/12/2026 …`"},
	}
	// An address with any white space but a plain space in it is refused,
	// not read cut short with the rest for its title.
	for _, sp := range []string{"\t", "\v", "\r", "\n", "\f", "\r\n", "\u0085", "\u00a0", "\u1680", "\u2000", "\u2007", "\u200a", "\u2028", "\u2029", "\u202f", "\u205f", "\u3000", " \t"} {
		cases = append(cases, struct {
			text    string
			want    reportArgs
			wantErr string
		}{"7.5 https://exa" + sp + "mple.org/x", reportArgs{}, "broken by a tab, a line break or another kind of space"})
	}
	for _, tc := range cases {
		got, err := parseReport(tc.text, testNow, london)
		if tc.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("parseReport(%q) error = %v, want %q", tc.text, err, tc.wantErr)
			}
			continue
		}
		if err != nil {
			t.Errorf("parseReport(%q): %v", tc.text, err)
			continue
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("parseReport(%q) (-want +got):\n%s", tc.text, diff)
		}
	}
}

// FuzzParseReport: no input makes the parser panic, and every address it
// accepts passes CheckURL and renders without breaking out of its link.
func FuzzParseReport(f *testing.F) {
	for _, s := range []string{"7.5 https://example.org/r.pdf SWACA", "7.5 <https://example.org/r|x> t", "7.5 javascript:alert(1)", "7.5 https://u:p@h/", "7.5 https://a|b>", "7h <https://x.org>",
		"7.5 https://exa\tmple.org/x", "7.5 https://exa\vmple.org/x", "7.5 https://exa\r\nmple.org/x", "7.5 https://exa\u2028mple.org/x", "7.5 https://exa\u0085mple.org/x",
		"7.5 https://example.org:99999/x", "7.5 https://example.org:0/x", "7.5 https://example.org/r\n",
		"7.5 https://example.org/getfile.php?name=Annual Report.pdf", "7.5 https://example.org/d?x=1&amp;file=a%zz b.pdf", "7.5 https://example.org/d?name= b.pdf",
		"7.5 example.org/x", "7.5 example.org:8080/x", "7.5 //example.org/x", "7.5 www.example.org",
		"next 7.5 https://example.org/r.pdf SWACA", "next Thursday 7.5 https://example.org/r.pdf", "A1 https://example.org/a", "b2. https://example.org/a t",
		"7.7. https://example.org/a - t", "31/02 7.5 https://example.org/a",
		"next 17/12 7.5 https://example.org/a", "next Thursday 17 December 7.5 https://example.org/a", "next 7 https://example.org/a",
		"https://example.org/a.pdf", "<https://example.org/a.pdf>", "7.5https://example.org/a.pdf", "10/12/2026 https://example.org/a.pdf", "xhttp://", "7ahttps://a.b/c", "HTTP://A", "7.5 https://example.org/a.pdf <#C1|general> <!here> <mailto:a@b.org|a@b.org>",
		"7.5 https://exa mple.org/x", "7.5 https://www.sefton .gov.uk/r", "7.5 https://a.org /b", "7.5 https://a.org/r .pdf", "7.5 https://a.org/r .", "7.5 https://a.org .", "7.5 https://a.org /", "7.5 https://a.org - b.org/x", "7.5 https://a.org 2024/25 x", "7.5 https://a.org .ÿ",
		"7.9 <https://example.org/r2.pdf|My report>", "7.9 <https://example.org/r2.pdf|My report> t", "7.9 <https://a.org|x <b> y>", "7.9 <https://a.org|x y>z w>", "7.9 <https://a.org|x\ty> t"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		a, err := parseReport(text, testNow, london)
		if err != nil {
			return
		}
		if err := CheckURL(a.URL); err != nil {
			t.Fatalf("accepted %q: %v", a.URL, err)
		}
		// An address is never read cut short at white space other than
		// plain spaces.
		if i := strings.Index(text, a.URL); i >= 0 && a.Title != "" {
			if after := strings.TrimLeft(text[i+len(a.URL):], " "); after != "" && unicode.IsSpace([]rune(after)[0]) {
				t.Fatalf("%q: address %q read cut short", text, a.URL)
			}
		}
		checkLinkText(t, a.URL, a.Title)
		if !isItemNumber(a.Item) {
			t.Fatalf("%q: item %q", text, a.Item)
		}
		if saidNextFirst(strings.Fields(text)) && !a.Date.IsNext() {
			t.Fatalf("%q: next read as %v", text, a.Date)
		}
	})
}

// FuzzCheckURL: whatever CheckURL accepts is an http(s) address with a host
// and no credentials, and LinkText never lets it break out of its link.
func FuzzCheckURL(f *testing.F) {
	for _, s := range []string{"https://example.org/r.pdf", "javascript:alert(1)", "https://a|b>", "https://u:p@h/", "file:///etc/passwd", "https://x.org/a&b<c", "http://[::1]:80/", "example.org/x", "example.org:8080/x", "//example.org/x"} {
		f.Add(s, "title")
	}
	f.Fuzz(func(t *testing.T, u, title string) {
		if CheckURL(u) == nil {
			lower := strings.ToLower(u)
			if !strings.HasPrefix(lower, "http://") && !strings.HasPrefix(lower, "https://") {
				t.Fatalf("accepted %q", u)
			}
			if len(u) > MaxURLLen || strings.ContainsAny(u, " \t\r\n") || !utf8.ValidString(u) {
				t.Fatalf("accepted %q", u)
			}
		}
		checkLinkText(t, u, title)
	})
}

// TestOneEdit: the slips a presenter's name may carry and still be the
// member's, and those it may not.
func TestOneEdit(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"frackelton", "frackleton", true}, // two letters swapped
		{"holden", "holdan", true},         // one changed
		{"holden", "holdenn", true},        // one added
		{"robson", "robsn", true},          // one left out
		{"holden", "holden", false},        // the same: not a slip
		{"holden", "hodlan", false},        // two slips
		{"holden", "nedloh", false},
		{"holden", "holdenss", false},
		{"", "a", true},
		{"", "", false},
		{"ö", "o", true},
	} {
		if got := oneEdit(c.a, c.b); got != c.want {
			t.Errorf("oneEdit(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
		if got := oneEdit(c.b, c.a); got != c.want {
			t.Errorf("oneEdit(%q, %q) = %v, want %v", c.b, c.a, got, c.want)
		}
	}
}

// TestTextFrom: the words after a `for` clause keep the white space they
// were typed with, so that an address broken by a tab is still refused
// rather than read cut short, its rest taken for the title.
func TestTextFrom(t *testing.T) {
	for _, tc := range []struct {
		text string
		want string
	}{
		{"for <@U1> 6 https://exa\tmple.org/x Title", " 6 https://exa\tmple.org/x Title"},
		{"for  \"Jen Williams (NW Probation)\"\t4 https://example.org/x", "\t4 https://example.org/x"},
		{"for \"Jen Williams\"4 https://example.org/x", "4 https://example.org/x"},
		{"for <@U1>", ""},
	} {
		b, rest, found, err := takeFor(strings.Fields(tc.text))
		if err != nil || !found {
			t.Fatalf("%q: for clause %+v, %v, %v", tc.text, b, found, err)
		}
		if got := textFrom(tc.text, len(strings.Fields(tc.text))-len(rest), rest); got != tc.want {
			t.Errorf("%q: got %q, want %q", tc.text, got, tc.want)
		}
	}
	if _, err := parseReport(" 6 https://exa\tmple.org/x Title", testNow, london); err == nil || !strings.Contains(err.Error(), "broken by a tab") {
		t.Errorf("an address broken by a tab after a for clause: %v", err)
	}
}

// FuzzReportFor: whatever follows `/report for`, the words handed on
// after the person are the words takeFor left, and reading them never
// panics.
func FuzzReportFor(f *testing.F) {
	for _, s := range []string{"for <@U1> 6 https://example.org/r.pdf Title", "for <@U1|graeme> next 7.5 https://example.org/r", `for "Jen Williams (NW Probation)" 10/12/2026 4 https://example.org/iom.pdf`,
		"for \"Jen Williams\"4 https://example.org/x", "for “Jen” 4 https://exa\tmple.org/x t", "for <@U1>", "for graeme 6 https://example.org/x", `for "" 6 x`, "for \"Jen 4 https://example.org/x",
		"for\t<@U1>\n6\thttps://example.org/x", "for <@U1> \u2028 6 https://example.org/x", "FOR <@U1> 6 https://example.org/x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		words := strings.Fields(text)
		_, rest, found, err := takeFor(words)
		if err != nil || !found {
			return
		}
		after := textFrom(text, len(words)-len(rest), rest)
		if got := strings.Fields(after); !slices.Equal(got, rest) {
			t.Fatalf("%q: words after the person %q, want %q", text, got, rest)
		}
		if a, err := parseReport(after, testNow, london); err == nil && CheckURL(a.URL) != nil {
			t.Fatalf("%q: accepted %q", text, a.URL)
		}
	})
}

// FuzzParseReportRemove: whatever follows `/report remove`, reading it
// never panics, and what it reads names at most one person: a member by
// mention, or someone in quotes with a name.
func FuzzParseReportRemove(f *testing.F) {
	for _, s := range []string{"7.5", "7.5 <@U1>", "11/02/2027 5 <@U1|sue>", `4 "Jen Williams (NW Probation)"`, `4 “Jen Williams”`, `10 December 2026 4 "Jen"`,
		`4 "Jen`, `4 ""`, `4 "Jen" x`, `4 "(NW)"`, "4 @jen", "4 jen williams", "next 7.5", "", `4 "<@U1>"`, "4 <@U1> <@U2>", "99999999999999999999", "31/02 4"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		_, item, whose, named, ok := parseReportRemove(strings.Fields(text), testNow, london)
		if !ok {
			return
		}
		if item == "" {
			t.Fatalf("%q: read with no item", text)
		}
		if named != nil && (whose != "" || strings.TrimSpace(named.Name) == "" || named.UserID != "") {
			t.Fatalf("%q: named %+v, whose %q", text, *named, whose)
		}
	})
}
