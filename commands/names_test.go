package commands

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

func TestNormalizeName(t *testing.T) {
	cases := map[string]string{
		"Safer Sefton Together":                "Safer Sefton Together",
		"  Safer\u00a0Sefton\tTogether ":       "Safer Sefton Together",
		"Safer\u200b Sefton\u200c\u200d":       "Safer Sefton",
		"\u202eSafer\u202c \u2066Sefton\u2069": "Safer Sefton",
		"\ufeffＳａｆｅｒ Sefton":                   "Safer Sefton",
		"S\u00adafer \u3164Sefton":             "Safer Sefton",
		"Ca\u0301fe\u0301":                     "C\u00e1f\u00e9",
		// An accent parted from its letter by an invisible character is
		// the accented letter once that is gone.
		"A\u200b\u0300rea Forum": "\u00c0rea Forum",
		"\u1100\uffa0\u1161":     "\uac00",
	}
	for in, want := range cases {
		if got := NormalizeName(in); got != want {
			t.Errorf("NormalizeName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNameSkeleton(t *testing.T) {
	base := NameSkeleton("Safer Sefton Together")
	for _, alike := range []string{"S\u0430fer Sefton Together", "SAFER SEFT\u041eN TOGETHER", "Safer Sefton\u200b Together", "Ѕafer Sеfton Tοgether", "Safer Séfton Together", "Safer Sefto\u0301n Togéther"} {
		if got := NameSkeleton(alike); got != base {
			t.Errorf("NameSkeleton(%q) = %q, want %q", alike, got, base)
		}
	}
	// A zero-width space between a letter and its accent does not make
	// another name of "Àrea Forum".
	if got, want := NameSkeleton("A\u200b\u0300rea Forum"), NameSkeleton("\u00c0rea Forum"); got != want {
		t.Errorf("NameSkeleton(%q) = %+q, want %+q as for %q", "A\u200b\u0300rea Forum", got, want, "\u00c0rea Forum")
	}
	if NameSkeleton("Safer Sefton Togethers") == base {
		t.Error("a different name has the same skeleton")
	}
}

func TestMixedScripts(t *testing.T) {
	cases := map[string][]string{
		"Safer Sefton Together":     nil,
		"Café 2026 — Bootle":        nil,
		"S\u0430fer":                {"Cyrillic", "Latin"},
		"Комитет":                   nil,
		"Safer Sefton Τogether (α)": {"Greek", "Latin"},
	}
	for in, want := range cases {
		if diff := cmp.Diff(MixedScripts(in), want); diff != "" {
			t.Errorf("MixedScripts(%q) (-got +want):\n%s", in, diff)
		}
	}
}

func FuzzNormalizeName(f *testing.F) {
	for _, s := range []string{"Safer Sefton Together", "S\u200bafer", "\u202eabc", "Ｓafer", "S\u0430fer", "\u0300A\u200b\u0300A", "\u1100\uffa0\u1161"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		n := NormalizeName(s)
		if NormalizeName(n) != n {
			t.Fatalf("NormalizeName(%q) = %q is not stable", s, n)
		}
		for _, r := range n {
			if unicode.Is(unicode.Cf, r) {
				t.Fatalf("NormalizeName(%q) = %q keeps %U", s, n, r)
			}
		}
		if n != strings.Join(strings.Fields(n), " ") {
			t.Fatalf("NormalizeName(%q) = %q has loose white space", s, n)
		}
		if NameSkeleton(n) != NameSkeleton(s) {
			t.Fatalf("skeletons of %q and its normal form differ", s)
		}
	})
}

func TestNearNames(t *testing.T) {
	names := []string{"Safer Sefton Together", "Planning Committee", "Wirral Community Safety Partnership", "Health and Wellbeing Board"}
	for name, want := range map[string][]string{
		"Safer Sefton":                      {"Safer Sefton Together"},
		"safer sefton togther":              {"Safer Sefton Together"},
		"Safer Sefton Together Partnership": {"Safer Sefton Together"},
		"Sаfer Sefton Together":             {"Safer Sefton Together"},
		"Planing Committee":                 {"Planning Committee"},
		// Committees told apart by a number, a letter, a direction or
		// a word before or inside the name are other committees.
		"Wirral Safety Partnership":             nil,
		"Planning Committee (South)":            nil,
		"Strategic Planning Committee":          nil,
		"Children's Health and Wellbeing Board": nil,
		"Health & Wellbeing Board":              {"Health and Wellbeing Board"},
		"Committee":                             nil,
		"Board":                                 nil,
		"Licensing Committee":                   nil,
		"Sefton Council Cabinet":                nil,
		"Knowsley Safer Communities":            nil,
	} {
		if diff := cmp.Diff(NearNames(name, names), want); diff != "" {
			t.Errorf("NearNames(%q) (-got +want):\n%s", name, diff)
		}
	}
	for _, pair := range [][2]string{
		{"Licensing Sub-Committee B", "Licensing Sub-Committee A"}, {"Area Committee 2", "Area Committee 1"},
		{"Area Committee 12", "Area Committee 2"}, {"Planning Committee South", "Planning Committee North"},
		{"Planning Committee", "Strategic Planning Committee"}, {"Health Scrutiny Panel", "Children's Health Scrutiny Panel"},
		{"Scrutiny Panel II", "Scrutiny Panel III"},
	} {
		if got := NearNames(pair[0], []string{pair[1]}); got != nil {
			t.Errorf("%q is taken for %q: they are two committees", pair[0], pair[1])
		}
	}
}
