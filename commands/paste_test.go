package commands_test

import (
	"os"
	"strings"
	"testing"
)

// stray puts control characters a copy from a PDF or a terminal can carry
// (an escape sequence, a bell, a backspace, a NUL) into text, after the
// first line break, and keeps the tabs and line breaks (form feed
// included) that are text.
func stray(text string) string {
	return strings.Replace(text, "\n", "\n\x1b[2J\x07\x08\x00\f", 1)
}

// TestPastedDocumentsDropStrayControlCharacters: a control character in a
// document pasted into the agenda or the minutes import form is dropped,
// and the rest is imported as if it had not been there, rather than the
// whole paste refused. Command text keeps being refused for one.
func TestPastedDocumentsDropStrayControlCharacters(t *testing.T) {
	k := committeeKit(t)
	text, err := os.ReadFile("testdata/sefton-2022-03-17-agenda.txt")
	if err != nil {
		t.Fatal(err)
	}
	open := k.must(ian, "/agenda import")
	got, errs := k.submit(k.request(ian, ""), open.Form, map[string]string{"text": stray(string(text))})
	if len(errs) > 0 {
		t.Fatalf("agenda with stray control characters: the form stays open with %v", errs)
	}
	wantShown(t, got.Text, "Imported the agenda of *Safer Sefton Together* for the meeting on Thursday 17 March 2022: 17 items.")
	agenda := k.say(neil, "/agenda 17 March 2022")
	wantShown(t, agenda, "Thursday 17 March 2022, 10:00", "*7.5* SWACA — _Neil Frackelton_")
	if strings.ContainsAny(agenda, "\x1b\x07\x08\x00") {
		t.Errorf("the imported agenda keeps control characters:\n%q", agenda)
	}

	r, errs := k.importMinutes(ian, stray(seedMinutes(t)))
	if want := "Imported the minutes of the meeting of Safer Sefton Together on Thursday 9 December 2021: 10 minutes (20–29), 8 resolutions, 14 present, 3 apologies, no declarations of interest.\nNote: the document is headed SEFTON SAFER COMMUNITIES PARTNERSHIP."; r.Text != want || errs != nil {
		t.Errorf("minutes with stray control characters: %q %v\nwant %q", r.Text, errs, want)
	}

	if r := k.run(ian, "/agenda add 9 Any other business\x1b[2J"); !r.Refused || !strings.Contains(r.Text, "control character") {
		t.Errorf("command text with a control character: %+v, want it refused", r)
	}
}

// TestDirectionOverridesAreRefused: a right-to-left override in a reason,
// a nature or a title would show the rest of its line turned round in the
// officers' lists and the agenda, the bot's own words among them, so that
// a record reads otherwise than it says. It is refused as a control
// character is, and nothing is saved; one pasted with a document is
// dropped, as those are.
func TestDirectionOverridesAreRefused(t *testing.T) {
	k := agendaKit(t)
	for _, c := range []struct{ who, line string }{
		{neil, "/apologies Unwell \u202e)0002 yraunaJ 1 deyaleD("},
		{neil, "/declare 7.5 personal Trustee\u202d of SWACA"},
		{sue, "/report 7.7 https://example.org/cvs.pdf \u202efdp.tropeR"},
		{ian, "/agenda add 8 Budget \u202eteg"},
	} {
		r := k.run(c.who, c.line)
		if !r.Refused || !strings.Contains(r.Text, "direction override") || !strings.Contains(r.Text, "nothing was saved") {
			t.Errorf("%s: reply %q, want it refused for the direction override", c.line, shown(r))
		}
	}
	if got := k.apologies(); len(got) != 0 {
		t.Errorf("refused apologies were saved: %q", got)
	}
	wantShown(t, k.say(ian, "/declare list"), "No interests have been declared.")
	wantShown(t, k.say(ian, "/report list"), "No reports")
	if agenda := k.say(ian, "/agenda"); strings.Contains(agenda, "Budget") {
		t.Errorf("the refused item is on the agenda:\n%s", agenda)
	}
	// Right-to-left text itself, with the marks it may carry, is text.
	wantShown(t, k.say(neil, "/apologies \u200fשלום\u200f"), "are recorded")

	text, err := os.ReadFile("testdata/sefton-2022-03-17-agenda.txt")
	if err != nil {
		t.Fatal(err)
	}
	open := k.must(ian, "/agenda import")
	got, errs := k.submit(k.request(ian, ""), open.Form, map[string]string{"text": strings.Replace(string(text), "\n", "\n\u202e", 1)})
	if len(errs) > 0 {
		t.Fatalf("agenda with a stray direction override: the form stays open with %v", errs)
	}
	wantShown(t, got.Text, "Imported the agenda of *Safer Sefton Together* for the meeting on Thursday 17 March 2022: 17 items.")
	if agenda := k.say(neil, "/agenda 17 March 2022"); strings.ContainsRune(agenda, '\u202e') {
		t.Errorf("the imported agenda keeps the direction override:\n%q", agenda)
	}
}
