package commands

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

var resolutionNow = time.Date(2022, 3, 17, 9, 0, 0, 0, london)

func TestParseResolutionQuery(t *testing.T) {
	dec9 := Date{2021, time.December, 9}
	cases := []struct {
		text string
		want resolutionQuery
		err  string
	}{
		{text: "28", want: resolutionQuery{Number: "28"}},
		{text: "28.", want: resolutionQuery{Number: "28"}},
		{text: "minute 28", want: resolutionQuery{Number: "28"}},
		{text: "Minute No. 28", want: resolutionQuery{Number: "28"}},
		{text: "no.28", want: resolutionQuery{Number: "28"}},
		{text: "#28", want: resolutionQuery{Number: "28"}},
		{text: "150/20", want: resolutionQuery{Number: "150/20"}},
		{text: "7A", want: resolutionQuery{Number: "7a"}},
		// Minutes numbered through the year ("41/23": minute 41 of 2023)
		// are not day/month dates.
		{text: "41/23", want: resolutionQuery{Number: "41/23"}},
		{text: "minute 41/23", want: resolutionQuery{Number: "41/23"}},
		{text: "12/21.", want: resolutionQuery{Number: "12/21"}},
		{text: "P061/24", want: resolutionQuery{Number: "P061/24"}},
		{text: "rmd.31.23.", want: resolutionQuery{Number: "RMD.31.23"}},
		{text: "S-1", want: resolutionQuery{Number: "S-1"}},
		{text: "fc/23/003", want: resolutionQuery{Number: "FC/23/003"}},
		{text: "SSP 16/22", want: resolutionQuery{Number: "SSP 16/22"}},
		{text: "minute ssp 16/22.", want: resolutionQuery{Number: "SSP 16/22"}},
		{text: "ssp 16/22 violence", want: resolutionQuery{Words: "ssp 16/22 violence"}},
		{text: "CO2", want: resolutionQuery{Words: "CO2"}},
		{text: "2023-06-05 41/23", want: resolutionQuery{On: Date{2023, time.June, 5}, Number: "41/23"}},
		{text: "2021-12-09 28", want: resolutionQuery{On: dec9, Number: "28"}},
		{text: "09/12/2021 28", want: resolutionQuery{On: dec9, Number: "28"}},
		{text: "9 December 2021 minute 28", want: resolutionQuery{On: dec9, Number: "28"}},
		{text: "9th December 28", want: resolutionQuery{On: dec9, Number: "28", Yearless: true}},
		{text: "2021-12-09", want: resolutionQuery{On: dec9}},
		{text: "rename partnership", want: resolutionQuery{Words: "rename partnership"}},
		{text: `"alternative provision"`, want: resolutionQuery{Words: `"alternative provision"`}},
		{text: "next meeting", want: resolutionQuery{Words: "next meeting"}},
		{text: "28 rename", want: resolutionQuery{Words: "28 rename"}},
		{text: "minute", want: resolutionQuery{Words: "minute"}},
		{text: "28th", want: resolutionQuery{Words: "28th"}},
		{text: "2021-12-09 rename", err: "after a date, give a minute number"},
		{text: "31/02/2021 28", err: "there is no 31 February 2021"},
		{text: "“ ” --", err: "give a minute number or some words"},
		{text: strings.Repeat("word ", 50), err: "too much to search for"},
		{text: "-noted", err: "give at least one word to look for"},
		{text: `-"report noted" -rename`, err: "give at least one word to look for"},
		{text: "the -noted", err: "give at least one word to look for"},
		{text: "The", err: "the word “The” is too common to search for"},
		{text: "to be or not", err: "the words “to be or not” are all too common"},
		{text: "partnership -noted", want: resolutionQuery{Words: "partnership -noted"}},
		{text: "re-named", want: resolutionQuery{Words: "re-named"}},
		{text: `"the -noted"`, want: resolutionQuery{Words: `"the -noted"`}},
		{text: "the 2021", want: resolutionQuery{Words: "the 2021"}},
	}
	for _, tc := range cases {
		t.Run(tc.text, func(t *testing.T) {
			got, err := parseResolutionQuery(strings.Fields(tc.text), resolutionNow, london)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("err = %v, want one saying %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(got, tc.want); diff != "" {
				t.Errorf("(-got +want):\n%s", diff)
			}
		})
	}
}

func TestHighlightCannotBeSpoofed(t *testing.T) {
	cases := []struct {
		marked string
		want   string
	}{
		{"That the \x01report\x02 be noted.", "That the *report* be noted."},
		// The text's own asterisks cannot pair with the highlighting.
		{"That *all* \x01reports\x02 be noted", "That ∗all∗ *reports* be noted"},
		// Nor can it mention or link.
		{"<!channel> \x01rename\x02 <@U123> <http://x|y>", "&lt;!channel&gt; *rename* &lt;@U123&gt; &lt;http://x|y&gt;"},
		// Matches side by side are one stretch of bold.
		{"at \x01www.sefton.gov.uk\x02\x01/budget\x02 be noted", "at *www.sefton.gov.uk/budget* be noted"},
	}
	for _, tc := range cases {
		if got := Highlight(tc.marked); got != tc.want {
			t.Errorf("Highlight(%q) = %q, want %q", tc.marked, got, tc.want)
		}
	}
}

func TestCleanTextDropsMarkers(t *testing.T) {
	got := cleanText("That the\x01 report\x02 be noted\x1b[31m.\n(2) next")
	if want := "That the report be noted[31m.\n(2) next"; got != want {
		t.Errorf("cleanText = %q, want %q", got, want)
	}
}

func TestMunicipalYear(t *testing.T) {
	cases := []struct {
		d    Date
		want int
	}{
		{Date{2021, time.December, 9}, 2021},
		{Date{2022, time.March, 17}, 2021},
		{Date{2022, time.May, 26}, 2022},
		{Date{2022, time.April, 30}, 2021},
	}
	for _, tc := range cases {
		if got := municipalYear(tc.d, time.May); got != tc.want {
			t.Errorf("municipalYear(%s) = %d, want %d", tc.d, got, tc.want)
		}
	}
}

func FuzzParseResolutionQuery(f *testing.F) {
	for _, s := range []string{"28", "2021-12-09 28", "rename partnership", `"alternative provision"`, "minute no. 150/20",
		"9 December 28", "31/02/2021 28", "#", "no.", "Thursday 9th of December, 2021 7A", "-- or \"\"", "2021-12-09",
		"-noted", "the", "the -noted", `-"report noted"`, `"the -noted"`, "to be or not", "partnership -noted", `"a" -"b c" d`,
		"9/12", "9/12 28", "9 December minute 28", "29/02", "29 February 2024", "today", "tomorrow 3", "Thursday 9 December 28",
		"2021-12-09 1234567890123", "2021-12-09 #", "<http://www.sefton.gov.uk/budget|www.sefton.gov.uk/budget>", "<!channel> <#C1|general>",
		"youth NOT offending", `"youth NOT offending"`, "NOT", "youth NOT", "NOT youth", "NOT NOT x", `a NOT "b c" d`, "a NOT -b", `"a NOT" b`,
		"min28", "Minute28", "min.28", "item7.5", "minutes2", "min", "9/12/2021 minute28", "min123456789", "item7.5.",
		"December 2021", "dec 2021", "December", "december budget", "May 2021 28", "last month", "this month", "last meeting", "previous minutes", "last meeting 28"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > MaxTextLen {
			return
		}
		q, err := parseResolutionQuery(strings.Fields(text), resolutionNow, london)
		if err != nil {
			return
		}
		n := 0
		for _, set := range []bool{q.Number != "", q.Words != "", q.Number == "" && q.Words == "" && q.On.Year != 0, q.Month.Year != 0, q.Last} {
			if set {
				n++
			}
		}
		if n != 1 {
			t.Fatalf("%q: %+v is not exactly one of a number, words, a day, a month or the last meeting", text, q)
		}
		if q.Number != "" && (len(q.Number) > maxMinuteNumLen || strings.ContainsAny(q.Number, "\t\n") || strings.Contains(q.Number, "  ")) {
			t.Fatalf("%q: number %q", text, q.Number)
		}
		// A date alone that names its year is that year's.
		if q.Yearless && (q.On.Year == 0 || q.Number == "" && strings.Contains(text, strconv.Itoa(q.On.Year))) {
			t.Fatalf("%q: %+v read as a day without its year", text, q)
		}
		if q.Month.Year != 0 && (q.Month.Day != 0 || q.Month.Month < time.January || q.Month.Month > time.December) {
			t.Fatalf("%q: month %+v", text, q.Month)
		}
		if len(q.Words) > maxSearchLen {
			t.Fatalf("%q: words %q too long", text, q.Words)
		}
		if looked, _ := searchedWords(q.Words); q.Words != "" && !looked {
			t.Fatalf("%q: words %q hold nothing to look for", text, q.Words)
		}
	})
}

func FuzzHighlight(f *testing.F) {
	for _, s := range []string{"That the \x01report\x02 be noted", "*a* <!here> & \x02", "∗", "\x01a\x02\x01b\x02"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		// Text without markers never comes out bold, linked or mentioning.
		plain := strings.NewReplacer(HighlightStart, "", HighlightStop, "").Replace(s)
		got := Highlight(plain)
		if strings.ContainsAny(got, "*<>") {
			t.Fatalf("Highlight(%q) = %q: formatting from the text itself", plain, got)
		}
	})
}

// TestSpelledOut: the words before an acronym in brackets are what it
// stands for when their initials spell it, hyphenated words giving one
// for each part and small joining words left out.
func TestSpelledOut(t *testing.T) {
	for _, tc := range []struct{ before, acronym, want string }{
		{"4 Violence Against Women and Girls ", "VAWG", "violence against women and girls"},
		{"experiences of Youth anti-social behaviour ", "ASB", "anti-social behaviour"},
		{"4. Integrated Offender Management ", "IOM", "integrated offender management"},
		{"met the Police Community Support Officer ", "PCSO", "police community support officer"},
		{"the report ", "VAWG", ""},
		{"Women and Girls ", "VAWG", ""},
		{"", "IOM", ""},
		{"Offender Management and ", "OM", ""},
		// "of" is a joining word here, not the O of Office.
		{"to the Office of the Police and Crime Commissioner ", "OPCC", "office of the police and crime commissioner"},
		// and here it gives its letter.
		{"the Department of Health ", "DOH", "department of health"},
	} {
		if got := spelledOut(tc.before, tc.acronym); got != tc.want {
			t.Errorf("spelledOut(%q, %q) = %q, want %q", tc.before, tc.acronym, got, tc.want)
		}
	}
}
