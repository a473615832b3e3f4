package commands

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

var testNow = time.Date(2026, 11, 23, 12, 0, 0, 0, london)

func TestParseDeclaration(t *testing.T) {
	cases := []struct {
		text    string
		want    declareArgs
		wantErr string
	}{
		{"7.5 personal Trustee of SWACA", declareArgs{Item: "7.5", Kind: InterestPersonal, Nature: "Trustee of SWACA"}, ""},
		{"7.7 pecuniary Spouse employed by Sefton CVS", declareArgs{Item: "7.7", Kind: InterestPecuniary, Nature: "Spouse employed by Sefton CVS"}, ""},
		{"4 other Member of the IOM board", declareArgs{Item: "4", Kind: InterestOther, Nature: "Member of the IOM board"}, ""},
		{"7.7 dpi Shares in Acme", declareArgs{Item: "7.7", Kind: InterestPecuniary, Nature: "Shares in Acme"}, ""},
		{"7.7 Disclosable Pecuniary Interest: Shares in Acme", declareArgs{Item: "7.7", Kind: InterestPecuniary, Nature: "Shares in Acme"}, ""},
		{"7.7 disclosable pecuniary Shares", declareArgs{Item: "7.7", Kind: InterestPecuniary, Nature: "Shares"}, ""},
		{"7a non-pecuniary Volunteer", declareArgs{Item: "7a", Kind: InterestPersonal, Nature: "Volunteer"}, ""},
		{"item 6 personal interest — Neighbour of the station", declareArgs{Item: "6", Kind: InterestPersonal, Nature: "Neighbour of the station"}, ""},
		{"6 other registrable interest Governor", declareArgs{Item: "6", Kind: InterestOther, Nature: "Governor"}, ""},
		{"6 non-registrable Friend of the applicant", declareArgs{Item: "6", Kind: InterestOther, Nature: "Friend of the applicant"}, ""},
		{"10/12/2026 7.5 personal Trustee", declareArgs{Date: Date{2026, time.December, 10}, Item: "7.5", Kind: InterestPersonal, Nature: "Trustee"}, ""},
		{"", declareArgs{}, "start with the agenda item"},
		{"personal Trustee", declareArgs{}, `"personal" is not an agenda item number`},
		{"7.5 Trustee of SWACA", declareArgs{}, "say what kind of interest"},
		{"7.5 personal", declareArgs{}, "must give its nature"},
		{"7.5 personal interest", declareArgs{}, "must give its nature"},
		{"7.5 personal " + strings.Repeat("x", 1001), declareArgs{}, "too long"},
		{"31/02/2027 7.5 personal Trustee", declareArgs{}, "no 31 February"},
	}
	for _, tc := range cases {
		got, err := parseDeclaration(strings.Fields(tc.text), testNow, london)
		if tc.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("parseDeclaration(%q) error = %v, want %q", tc.text, err, tc.wantErr)
			}
			continue
		}
		if err != nil {
			t.Errorf("parseDeclaration(%q): %v", tc.text, err)
			continue
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("parseDeclaration(%q) (-want +got):\n%s", tc.text, diff)
		}
	}
}

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
		{"//example.org/r", "only http and https"},
		{"example.org/r", "only http and https"},
		{"https://example.org/a b", "spaces or control"},
		{"https://example.org/a\tb", "spaces or control"},
		{"https://example.org/\x00", "spaces or control"},
		{"https://example.org/\u202e", "spaces or control"},
		{"https://example.org/" + strings.Repeat("a", 10<<10), "too long"},
		{"https://exa_mple.org/", "host name is not valid"},
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
		{"https://example.org/r.pdf", "SWACA perspective on VAWG", "<https://example.org/r.pdf|SWACA perspective on VAWG>"},
		{"https://example.org/r.pdf?a=1&b=2", "", "<https://example.org/r.pdf?a=1&amp;b=2|https://example.org/r.pdf?a=1&amp;b=2>"},
		{"https://example.org/r.pdf", "<!channel> read this", "<https://example.org/r.pdf|&lt;!channel&gt; read this>"},
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
		{"7.5 <https://example.org/r&gt;|x>", reportArgs{Item: "7.5", URL: "https://example.org/r>"}, ""},
		{"7.5", reportArgs{}, "give the report's web address"},
		{"https://example.org/r.pdf", reportArgs{}, "not an agenda item number"},
		{"7.5 javascript:alert(1)", reportArgs{}, "only http and https"},
		{"7.5 <javascript:alert(1)|https://example.org>", reportArgs{}, "only http and https"},
		{"7.5 https://u:p@example.org/r", reportArgs{}, "user name or password"},
		{"7.5 https://example.org/r " + strings.Repeat("t", 201), reportArgs{}, "title is too long"},
	}
	for _, tc := range cases {
		got, err := parseReport(strings.Fields(tc.text), testNow, london)
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

func TestFindItem(t *testing.T) {
	items := []AgendaItem{{Number: "4", Title: "IOM"}, {Number: "7.1", Title: "Probation"}, {Number: "7.5", Title: "SWACA"}, {Number: "8a", Title: "Extra"}}
	for _, tc := range []struct{ in, want string }{
		{"", ""}, {".", ""}, {"a", ""}, {"4", "4"}, {"7.5", "7.5"}, {"7e", "7.5"}, {"7E", "7.5"}, {"7a", "7.1"}, {"8.1", "8a"}, {"8A", "8a"}, {"9", ""}, {"7.9", ""},
	} {
		it, ok := findItem(items, tc.in)
		if got := it.Number; got != tc.want || ok != (tc.want != "") {
			t.Errorf("findItem(%q) = %q, %v; want %q", tc.in, got, ok, tc.want)
		}
	}
}

func TestDeclarationsParagraph(t *testing.T) {
	items := []AgendaItem{{Number: "4", Title: "Integrated Offender Management (IOM) Refresh Strategy"}, {Number: "7.5", Title: "SWACA"}, {Number: "7.7", Title: "Sefton CVS"}}
	at := testNow
	ds := []Declaration{
		{Item: "7.7", Name: "Sue Holden", Kind: InterestPecuniary, Nature: "Spouse employed by Sefton CVS", DeclaredAt: at},
		{Item: "7.5", Name: "Neil Frackelton", Kind: InterestPersonal, Nature: "Trustee of SWACA.", DeclaredAt: at.Add(time.Minute)},
		{Item: "4", Name: "Jan Marlow", Kind: InterestOther, Nature: "being a member of the IOM board", DeclaredAt: at.Add(2 * time.Minute)},
		{Item: "7.7", Name: "Tony Harland", Kind: InterestPecuniary, Nature: "Director of a supplier", Dispensation: true, DeclaredAt: at.Add(3 * time.Minute)},
		{Item: "7.5", Name: "Withdrawn Person", Kind: InterestPersonal, Nature: "x", Withdrawn: true},
	}
	got := DeclarationsParagraph(ds, items)
	want := "Jan Marlow declared an other interest in Item 4 (Integrated Offender Management (IOM) Refresh Strategy) being a member of the IOM board. " +
		"Neil Frackelton declared a personal interest in Item 7.5 (SWACA) as Trustee of SWACA. " +
		"Sue Holden declared a disclosable pecuniary interest in Item 7.7 (Sefton CVS) as Spouse employed by Sefton CVS, and left the meeting for that item. " +
		"Tony Harland declared a disclosable pecuniary interest in Item 7.7 (Sefton CVS) as Director of a supplier, and remained in the meeting under a dispensation."
	if got != want {
		t.Errorf("paragraph:\n got %s\nwant %s", got, want)
	}
	if got := DeclarationsParagraph(nil, items); got != "No declarations of any disclosable pecuniary interests or personal interests were received." {
		t.Errorf("no declarations: %s", got)
	}
	if got := DeclarationsParagraph(ds[4:], items); got != NoDeclarations {
		t.Errorf("only withdrawn declarations: %s", got)
	}
}

// FuzzParseDeclaration: no input makes the parser panic, and what it
// accepts is within the limits and made of the input's own words.
func FuzzParseDeclaration(f *testing.F) {
	for _, s := range []string{"7.5 personal Trustee of SWACA", "7.7 dpi x", "item 4: other registrable interest — y", "10/12/2026 7a non-pecuniary z", "", "31/02/2026", "7.5 disclosable", "9 June 7.5 personal x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		a, err := parseDeclaration(strings.Fields(text), testNow, london)
		if err != nil {
			return
		}
		if !isItemNumber(a.Item) || a.Nature == "" || len(a.Nature) > MaxNatureLen {
			t.Fatalf("accepted %q as %+v", text, a)
		}
		if a.Kind != InterestPecuniary && a.Kind != InterestPersonal && a.Kind != InterestOther {
			t.Fatalf("kind %q from %q", a.Kind, text)
		}
		if !strings.Contains(text, strings.Fields(a.Nature)[0]) {
			t.Fatalf("nature %q not from %q", a.Nature, text)
		}
	})
}

// FuzzParseReport: no input makes the parser panic, and every address it
// accepts passes CheckURL and renders without breaking out of its link.
func FuzzParseReport(f *testing.F) {
	for _, s := range []string{"7.5 https://example.org/r.pdf SWACA", "7.5 <https://example.org/r|x> t", "7.5 javascript:alert(1)", "7.5 https://u:p@h/", "7.5 https://a|b>", "7h <https://x.org>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		a, err := parseReport(strings.Fields(text), testNow, london)
		if err != nil {
			return
		}
		if err := CheckURL(a.URL); err != nil {
			t.Fatalf("accepted %q: %v", a.URL, err)
		}
		checkLinkText(t, a.URL, a.Title)
	})
}

// FuzzCheckURL: whatever CheckURL accepts is an http(s) address with a host
// and no credentials, and LinkText never lets it break out of its link.
func FuzzCheckURL(f *testing.F) {
	for _, s := range []string{"https://example.org/r.pdf", "javascript:alert(1)", "https://a|b>", "https://u:p@h/", "file:///etc/passwd", "https://x.org/a&b<c", "http://[::1]:80/"} {
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

// checkLinkText: the rendering holds no raw < or > except one link's own
// brackets, and no | outside the link's separator.
func checkLinkText(t *testing.T, u, title string) {
	t.Helper()
	got := LinkText(u, title)
	inner := got
	if strings.HasPrefix(got, "<") && strings.HasSuffix(got, ">") {
		inner = got[1 : len(got)-1]
		if strings.Count(inner, "|") < 1 {
			t.Fatalf("LinkText(%q, %q) = %q: link without label", u, title, got)
		}
		if addr, _, _ := strings.Cut(inner, "|"); addr != strings.ReplaceAll(u, "&", "&amp;") {
			t.Fatalf("LinkText(%q, %q) = %q: address changed", u, title, got)
		}
	}
	if strings.ContainsAny(inner, "<>") {
		t.Fatalf("LinkText(%q, %q) = %q: unescaped bracket", u, title, got)
	}
}

// FuzzFindItem: item numbers come from forms as well as from text; none
// makes the lookup panic, and a match is one of the item's spellings.
func FuzzFindItem(f *testing.F) {
	for _, s := range []string{"", "7.5", "7e", "8.1", ".", "a", "7.27", "x.1"} {
		f.Add(s)
	}
	items := []AgendaItem{{Number: "4"}, {Number: "7.5"}, {Number: "8a"}}
	f.Fuzz(func(t *testing.T, n string) {
		it, ok := findItem(items, n)
		if !ok {
			return
		}
		for _, alias := range itemAliases(it.Number) {
			if strings.EqualFold(alias, n) {
				return
			}
		}
		t.Fatalf("findItem(%q) = %q, which is not one of its spellings", n, it.Number)
	})
}
