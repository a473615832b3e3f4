package commands

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

var updateGolden = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")

// TestCompileMinutesGolden: the document compiled from a meeting's records
// — heading, attendance, apologies, every agenda item as a numbered minute,
// what was recorded standing over the standard text, references, an item
// not yet minuted — as text.
func TestCompileMinutesGolden(t *testing.T) {
	loc, _ := time.LoadLocation("Europe/London")
	c := Committee{Name: "Safer Sefton Together", TimeZone: "Europe/London"}
	src := MinutesSource{
		Committee: c,
		Meeting:   Meeting{ID: 7, StartsAt: time.Date(2026, 12, 10, 10, 0, 0, 0, loc), Venue: "Bootle Town Hall"},
		Items: append(standardItems(),
			AgendaItem{Number: "7.5", Title: "SWACA", References: []string{"Minute No. 28 refers"}},
			AgendaItem{Number: "7.7", Title: "Sefton CVS"}),
		Minutes: []Minute{
			{Number: "34", Item: "7.5", Draft: true, Narrative: "The Board considered the report of the Chief Executive of SWACA.",
				Resolutions: []Resolution{ParseResolution("That (1) the report be noted; (2) the figures be circulated; and (3) a further report be submitted.")}},
			{Number: "33", Item: "4", Draft: true, Resolutions: []Resolution{{Body: "That the next meeting be held on 14 January 2027."}}},
		},
		Base:         30,
		Recorded:     true,
		Present:      []string{"Sue Holden (Sefton CVS) (in the Chair)", "Ann Lee (Sefton Council)"},
		AlsoPresent:  []string{"Jen Williams (NW Probation)"},
		InAttendance: []string{"Ian Barton"},
		Substitutes:  []string{"Jan Marlow for Bob Dean"},
		Apologies:    []string{"Neil Frackelton (SWACA)", "Bob Dean (Sefton Council)"},
		Notes:        []string{"Ann Lee arrived at 10:20 during consideration of Minute No. 34."},
		Declarations: "Sue Holden declared a personal interest in Item 7.7 (Sefton CVS) as Chief Executive of Sefton CVS.",
		Previous:     "12 November 2026",
	}
	got := CompileMinutes(src).Text()
	path := "testdata/minutes_compiled.golden"
	if *updateGolden {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(got, string(want)); diff != "" {
		t.Errorf("compiled minutes (-got +want):\n%s", diff)
	}

	// The apologies and substitutes are said once, in their minute.
	for _, once := range []string{"Apologies for absence were received from", "Substitutes: Jan Marlow for Bob Dean."} {
		if n := strings.Count(got, once); n != 1 {
			t.Errorf("%q is in the minutes %d times", once, n)
		}
	}
	if !strings.Contains(got, "30. APOLOGIES FOR ABSENCE\n\nApologies for absence were received from Neil Frackelton (SWACA) and Bob Dean (Sefton Council).\n\nSubstitutes: Jan Marlow for Bob Dean.\n") {
		t.Errorf("the apologies minute does not name the substitutes:\n%s", got)
	}
	// A decision in parts has each part on a line of its own.
	if !strings.Contains(got, "RESOLVED:\nThat\n(1) the report be noted;\n(2) the figures be circulated; and\n(3) a further report be submitted.") {
		t.Errorf("the decision in parts is not set out part by part:\n%s", got)
	}
	// An agenda without the item has them under those present.
	bare := src
	bare.Items = bare.Items[len(standardItems()):]
	if text := CompileMinutes(bare).Text(); !strings.Contains(text, "In attendance: Ian Barton.\n\nApologies for absence were received from Neil Frackelton (SWACA) and Bob Dean (Sefton Council).\n\nSubstitutes: Jan Marlow for Bob Dean.\n") {
		t.Errorf("minutes without an apologies item:\n%s", text)
	}

	// The printable page is the same document as HTML.
	page, err := MinutesHTML(CompileMinutes(src))
	if err != nil {
		t.Fatal(err)
	}
	htmlPath := "testdata/minutes_compiled.golden.html"
	if *updateGolden {
		if err := os.WriteFile(htmlPath, page, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	wantPage, err := os.ReadFile(htmlPath)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(page), string(wantPage)); diff != "" {
		t.Errorf("minutes page (-got +want):\n%s", diff)
	}

	// Confirmed, the status says when and where.
	src.Approval = &MinutesApproval{MeetingID: 7, AtMeetingID: 8, At: time.Date(2027, 1, 14, 10, 10, 0, 0, loc)}
	src.ApprovedAt = "14 January 2027"
	if doc := CompileMinutes(src); doc.Draft || !strings.Contains(doc.Text(), "Confirmed as a correct record at the meeting held on 14 January 2027.") {
		t.Errorf("confirmed minutes:\n%s", doc.Text())
	}

	// The previous minutes are RESOLVED only when confirmed at this
	// meeting; elsewhere, the minute says where.
	for _, tc := range []struct {
		approval *MinutesApproval
		at, want string
	}{
		{&MinutesApproval{AtMeetingID: 7}, "12 November 2026", "RESOLVED:\nThat the Minutes of the meeting held on 12 November 2026 be confirmed as a correct record."},
		{&MinutesApproval{AtMeetingID: 6}, "3 December 2026", "The Minutes of the meeting held on 12 November 2026 were confirmed as a correct record at the meeting held on 3 December 2026."},
		{nil, "", "To confirm the Minutes of the meeting held on 12 November 2026 as a correct record."},
	} {
		src.PreviousApproval, src.PreviousApprovedAt = tc.approval, tc.at
		if text := CompileMinutes(src).Text(); !strings.Contains(text, "32. MINUTES OF PREVIOUS MEETING\n\n"+tc.want+"\n") {
			t.Errorf("previous minutes confirmed %+v at %q:\n%s", tc.approval, tc.at, text)
		}
	}
	// In a draft, previous minutes nothing confirmed are not recorded as
	// the agenda put them: nothing is recorded yet, and the minutes wait
	// for it (confirmed above with the agenda's words, they keep them).
	src.Approval, src.ApprovedAt, src.PreviousApproval, src.PreviousApprovedAt = nil, "", nil, ""
	doc := CompileMinutes(src)
	if text := doc.Text(); !strings.Contains(text, "32. MINUTES OF PREVIOUS MEETING\n\n[Nothing recorded yet: the minutes to confirm are those of the meeting held on 12 November 2026. Confirmed, /minutes approve 12 November 2026 records it here and in them; not confirmed, /minute this item (deferred, say).]\n") || strings.Contains(text, "To confirm the Minutes") {
		t.Errorf("draft minutes with the previous minutes unconfirmed:\n%s", text)
	}
}

func TestParseResolution(t *testing.T) {
	for _, tc := range []struct {
		in    string
		parts []string
	}{
		{"That the report be noted.", nil},
		{"That (1) the reports be noted; (2) the figures be circulated; and (3) a further report be submitted.",
			[]string{"the reports be noted", "the figures be circulated", "a further report be submitted."}},
		{"RESOLVED: That (1) the band play; and (2) the brand stand.", []string{"the band play", "the brand stand."}},
		{"That (2) is out of order (1).", nil},
		{"That (a) the Partnership be re-named; and (b) its terms of reference be amended.", []string{"the Partnership be re-named", "its terms of reference be amended."}},
		{"That (i) the report be noted; (ii) the figures be circulated; and (iii) a report be submitted.", []string{"the report be noted", "the figures be circulated", "a report be submitted."}},
		// A mark of another kind, or within a word, is text of its part.
		{"That (1) the report on (a) be noted; and (2) Section 100B(4)(b) apply.", []string{"the report on (a) be noted", "Section 100B(4)(b) apply."}},
		{"That (a) the report be noted; (c) out of order.", nil},
		{"That the report under Section 100(a) and 100(b) be noted.", nil},
		// Parts within a part, numbered (i), (ii) in a decision lettered
		// (a), (b); and a mark of the text before the first part.
		{"That (a) the following be approved: (i) the patrol plan; and (ii) the budget; and (b) a further report be submitted.",
			[]string{"the following be approved: (i) the patrol plan; and (ii) the budget", "a further report be submitted."}},
		{"That, subject to condition (c) of the licence, (1) the report be noted; and (2) the figures be circulated.",
			[]string{"the report be noted", "the figures be circulated."}},
		// A mark of its kind out of order is a reference: the decision
		// stays whole.
		{"That the Board note section (4) and that officers (1) publish the plan and (2) report back.", nil},
		{"That (a) a; (b) b; (c) c; (d) d; (e) e; (f) f; (g) g; (h) h; (i) i; and (j) j.",
			[]string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j."}},
	} {
		r := ParseResolution(tc.in)
		if diff := cmp.Diff(r.Parts, tc.parts); diff != "" {
			t.Errorf("ParseResolution(%q) parts (-got +want):\n%s", tc.in, diff)
		}
		if strings.HasPrefix(r.Body, "RESOLVED") {
			t.Errorf("ParseResolution(%q) keeps the RESOLVED: %q", tc.in, r.Body)
		}
	}
}

// FuzzParseResolution: parts are never empty, and every part is in the
// body; the word it is recorded under is one a resolution may have.
func FuzzParseResolution(f *testing.F) {
	f.Add("That (1) the reports be noted; (2) …; and (3) more.")
	f.Add("(1)(2)(3)")
	f.Add("NOTED: The report was noted.")
	f.Add("agreed:That (1) a; (2) b")
	f.Add(" Decision :")
	f.Add("Noted that: the report")
	f.Add("RESOLVED That (1) a; and (2) b")
	f.Add("Resolved that the report be noted.")
	f.Add("That (a) x: (i) y; and (ii) z; and (b) w.")
	f.Add("That, under (c), (1) a; and (2) b.")
	f.Add("NOTED  ")
	f.Add("agreed that")
	f.Add("AGREED that x")
	f.Add("That (a) x; and (b) y")
	f.Add("That (i) x; (ii) y; (iii) z (v)")
	f.Add("(a)(b)(i)(ii)")
	f.Fuzz(func(t *testing.T, s string) {
		r := ParseResolution(s)
		if !recordedWords[r.Word()] || r.RecordedAs == "RESOLVED" {
			t.Fatalf("ParseResolution(%q): recorded as %q", s, r.RecordedAs)
		}
		for _, p := range r.Parts {
			if p == "" || !strings.Contains(r.Body, p) {
				t.Fatalf("ParseResolution(%q): part %q", s, p)
			}
		}
	})
}

// FuzzParseOwner: an owner is a mention or a non-empty name, and never
// takes more words than it was given.
func FuzzParseOwner(f *testing.F) {
	f.Add(`"Jo Smith" 2027-01-01 text`)
	f.Add(`<@U1|neil> 2027-01-01`)
	f.Add(`"“ ”"`)
	f.Add(`"Neil Frackelton" 1 March 2027 Circulate the figures`)
	f.Fuzz(func(t *testing.T, s string) {
		args := strings.Fields(s)
		id, name, n, err := parseOwner(args)
		if err != nil {
			return
		}
		if n < 1 || n > len(args) || id == "" && name == "" {
			t.Fatalf("parseOwner(%q) = %q, %q, %d", s, id, name, n)
		}
	})
}

// TestFencedPartsKeepEveryCharacter: a minute cut into code blocks of
// Slack's size loses nothing but the line break or space it is cut at: a
// line's indentation opens the next part, and no part is empty.
func TestFencedPartsKeepEveryCharacter(t *testing.T) {
	var b strings.Builder
	for i := 0; b.Len() < 9000; i++ {
		fmt.Fprintf(&b, "    (%d) indented line of the minute, é and ∗\n", i)
	}
	text := b.String() + "\n\n"
	parts := fenced(nil, text)
	var got []string
	for _, p := range parts {
		if len(p.Text) > blockText || !strings.HasPrefix(p.Text, "```\n") || !strings.HasSuffix(p.Text, "\n```") || strings.TrimSpace(strings.Trim(p.Text, "`")) == "" {
			t.Fatalf("part of %d bytes:\n%q", len(p.Text), p.Text)
		}
		inner := strings.TrimSuffix(strings.TrimPrefix(p.Text, "```\n"), "\n```")
		if !strings.HasPrefix(inner, "    (") {
			t.Errorf("a part starts without the line's indentation: %.30q", inner)
		}
		got = append(got, inner)
	}
	if len(parts) < 3 || strings.TrimRight(strings.Join(got, "\n"), "\n") != strings.TrimRight(text, "\n") {
		t.Errorf("%d parts do not join to the minute", len(parts))
	}
}

// TestMinutesMarkdownShowsTextAsTyped: the Markdown export shows what was
// typed as it reads, as the printable page does: a narrative's lines that
// look like a heading, a list, a quote or a rule stay lines of text, and a
// character reference stays as typed.
func TestMinutesMarkdownShowsTextAsTyped(t *testing.T) {
	d := MinutesDocument{Committee: "Safer Sefton Together", Heading: "Minutes", Status: "Draft.",
		Minutes: []DocMinute{{Number: "7", Title: "SWACA *figures*", Narrative: "# Budget\n1. first\n  - second\n&gt; quoted &amp;copy; 5 + 3\n==="}}}
	want := "SAFER SEFTON TOGETHER  \nMinutes  \nDraft.\n\n**7. SWACA \\*figures\\***\n\n" +
		"\\# Budget  \n1\\. first  \n\\- second  \n\\> quoted \\&copy; 5 + 3  \n\\===\n"
	if got := d.Markdown(); got != want {
		t.Errorf("Markdown:\n%s\nwant:\n%s", got, want)
	}
}

// TestMinutesPlainTextKeepsWhatWasTyped: the plain-text export leaves out
// the bold of the minutes' titles, not a member's own asterisks.
func TestMinutesPlainTextKeepsWhatWasTyped(t *testing.T) {
	d := MinutesDocument{Committee: "Safer Sefton Together", Heading: "Minutes", Status: "Draft.",
		Minutes: []DocMinute{{Number: "7", Title: "SWACA", Narrative: "The figures marked **provisional** were noted &amp; kept."}}}
	want := "SAFER SEFTON TOGETHER\nMinutes\nDraft.\n\n7. SWACA\n\nThe figures marked **provisional** were noted & kept.\n"
	if got := d.PlainText(); got != want {
		t.Errorf("plain text:\n%s\nwant:\n%s", got, want)
	}
}

// TestImportedBetweenOnPage: the printable page shows what imported
// minutes print between two resolutions between them, the second under
// its word again, and the text before them above them.
func TestImportedBetweenOnPage(t *testing.T) {
	doc := CompileMinutes(MinutesSource{Committee: Committee{Name: "Licensing Sub-Committee"}, Minutes: []Minute{{
		ID: 1, Number: "17", Title: "Premises licence", Imported: true,
		Narrative:   "The report was presented.\n\nThe agent asked for shorter hours on Sundays.",
		Resolutions: []Resolution{{Body: "That the licence be granted.", After: "The agent asked for shorter hours on Sundays."}, {Body: "That Sunday hours end at 10.00 pm."}},
	}}})
	page, err := MinutesHTML(doc)
	if err != nil {
		t.Fatal(err)
	}
	want := "<p>The report was presented.</p>\n<p class=\"resolved\">RESOLVED:</p>\n<p>That the licence be granted.</p>\n<p>The agent asked for shorter hours on Sundays.</p>\n<p class=\"resolved\">RESOLVED:</p>\n<p>That Sunday hours end at 10.00 pm.</p>\n"
	if !strings.Contains(string(page), want) {
		t.Errorf("page does not show the text between the resolutions where printed:\n%s", page)
	}
}
