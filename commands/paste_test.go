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
	wantShown(t, agenda, "Thursday 17 March 2022, 10:00", "*7.5* SWACA — _Neil Frackleton_")
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
