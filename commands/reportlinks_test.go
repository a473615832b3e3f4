package commands

import "testing"

func TestLinkTextShowsTheRealHost(t *testing.T) {
	cases := []struct{ url, title, want string }{
		{"https://evil.example/x", "https://sefton.gov.uk/official-report.pdf", "<https://evil.example/x|report> (evil.example)"},
		{"https://evil.example/x", "sefton.gov.uk", "<https://evil.example/x|report> (evil.example)"},
		{"https://evil.example/x", "Official report at sefton.gov.uk/report.pdf", "<https://evil.example/x|report> (evil.example)"},
		{"https://evil.example/x", "www.sefton.gov.uk", "<https://evil.example/x|report> (evil.example)"},
		{"https://evil.example/x", "sefton\uFF0Egov\uFF0Euk", "<https://evil.example/x|report> (evil.example)"},
		{"https://evil.example/x", "10.0.0.1", "<https://evil.example/x|report> (evil.example)"},
		{"https://evil.example/x", "Community safety report", "<https://evil.example/x|Community safety report> (evil.example)"},
		{"https://Sefton.GOV.uk/r.pdf", "Budget 2026.pdf", "<https://Sefton.GOV.uk/r.pdf|Budget 2026.pdf> (sefton.gov.uk)"},
		{"https://s\u0435fton.gov.uk/r.pdf", "Report", "<https://s\u0435fton.gov.uk/r.pdf|Report> (xn--sfton-zwe.gov.uk)"},
		{"https://bücher.example/", "Report", "<https://bücher.example/|Report> (xn--bcher-kva.example)"},
		{"https://x.example/a|b", "sefton.gov.uk", "report — https://x.example/a|b"},
	}
	for _, c := range cases {
		if got := LinkText(c.url, c.title); got != c.want {
			t.Errorf("LinkText(%q, %q) = %q, want %q", c.url, c.title, got, c.want)
		}
	}
}

func TestPunycode(t *testing.T) {
	for in, want := range map[string]string{"bücher": "bcher-kva", "münchen": "mnchen-3ya", "мир": "h1ahn", "ü": "tda"} {
		if got := punycode(in); got != want {
			t.Errorf("punycode(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzLooksLikeAddress(f *testing.F) {
	for _, s := range []string{"sefton.gov.uk", "Report.pdf", "https://x", "a.b.c/d", "1.2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		LooksLikeAddress(s)
		checkLinkText(t, "https://evil.example/x", s)
		if label := linkLabel(s); label != neutralLabel && LooksLikeAddress(label) {
			t.Fatalf("label %q from %q looks like an address", label, s)
		}
	})
}
