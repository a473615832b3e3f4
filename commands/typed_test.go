package commands_test

import (
	"strings"
	"testing"
)

// Text typed with combining accents ("e" and U+0301, as a Mac may send
// "é") is the same text as the accent typed precomposed: names, interests,
// declarations and searches find one another whichever way each was typed.

// TestNameTypedWithCombiningAccentsIsItsExactSpelling: Sian Jones and
// Siân Jones are two members; Siân's name, added from Slack with a
// combining circumflex, is her exact spelling when typed precomposed, and
// Seán's, added precomposed, is his when typed with a combining acute —
// neither is answered as "may be any of 2 members".
func TestNameTypedWithCombiningAccentsIsItsExactSpelling(t *testing.T) {
	k := meetingKit(t)
	k.dir["USIANA"] = "Sian Jones"
	k.dir["USIANB"] = "Sia\u0302n Jones"
	k.dir["USEANA"] = "Sean Evans"
	k.dir["USEANB"] = "Seán Evans"
	for _, u := range []string{"USIANA", "USIANB", "USEANA", "USEANB"} {
		k.must(ian, "/committee member add <@"+u+"> Sefton CVS")
	}
	k.steps([]step{
		{ian, `/apologies for "Siân Jones" Unwell`, []string{"The apologies of <@USIANB> for the meeting"}},
		{ian, "/apologies for \"Sea\u0301n Evans\" Court", []string{"The apologies of <@USEANB> for the meeting"}},
	})
	if got := k.say(ian, "/apologies list"); !strings.Contains(got, "Siân Jones (Sefton CVS)") {
		t.Errorf("Siân is not listed as her name is written precomposed:\n%s", got)
	}
}

// TestDeclarationTypedWithCombiningAccentsIsOneDeclaration: a member who
// declares an interest with a combining accent, then again with the accent
// precomposed, is told it was declared already.
func TestDeclarationTypedWithCombiningAccentsIsOneDeclaration(t *testing.T) {
	k := agendaKit(t)
	k.must(neil, "/declare 7.5 personal Trustee of Cafe\u0301 Bootle")
	wantShown(t, k.say(neil, "/declare 7.5 personal Trustee of Café Bootle"), "You had already declared this interest in Item 7.5")
}

// TestInterestTypedWithCombiningAccentsIsOneEntry: a register entry typed
// with a combining accent, then precomposed, is not added twice.
func TestInterestTypedWithCombiningAccentsIsOneEntry(t *testing.T) {
	k := agendaKit(t)
	k.must(neil, "/interests add other Trustee of Cafe\u0301 Bootle")
	wantShown(t, k.say(neil, "/interests add other Trustee of Café Bootle"), "already has that")
}

// TestResolutionSearchTypedWithCombiningAccents: "café" typed with a
// combining accent finds the minute recorded with it precomposed.
func TestResolutionSearchTypedWithCombiningAccents(t *testing.T) {
	k := decDay(t)
	k.must(ian, "/resolve 7.7 That the community café in Bootle be supported.")
	r := k.must(neil, "/resolution cafe\u0301")
	if got := shown(r); len(r.Sections) != 1 || !strings.Contains(got, "community *café*") {
		t.Errorf("/resolution café (decomposed): want the minute, with *café*:\n%s", got)
	}
}

// TestInterestFormTypedWithCombiningAccents: an entry made in the form with a combining accent is the entry typed precomposed in a
// command: it is not added twice.
func TestInterestFormTypedWithCombiningAccents(t *testing.T) {
	k := agendaKit(t)
	r := k.must(neil, "/interests add")
	if _, errs := k.submit(k.home(neil), r.Form, map[string]string{"category": "other", "description": "Trustee of Cafe\u0301 Bootle", "for": "self"}); len(errs) > 0 {
		t.Fatalf("form: %v", errs)
	}
	wantShown(t, k.say(neil, "/interests add other Trustee of Café Bootle"), "already has that")
}

// TestResolutionSearchTypedHyphens: a word processor's hyphen (U+2010) or
// non-breaking hyphen (U+2011), pasted into /minute as "co‑ordinated", is
// the hyphen it shows: "/resolution coordinated" finds that minute, and
// "co‑ordinated" pasted into a search finds one typed with "-".
func TestResolutionSearchTypedHyphens(t *testing.T) {
	k := decDay(t)
	k.must(ian, "/minute 7.7 The Board heard of the co\u2011ordinated patrols in Bootle parks.")
	k.must(ian, "/minute 7.5 SWACA spoke of its cross-border work with the multi\u2010agency team.")
	k.steps([]step{
		{neil, "/resolution coordinated", []string{"Minute 9 — SEFTON CVS", "co-ordinated patrols"}},
		{neil, "/resolution cross\u2011border", []string{"Minute 8 — SWACA"}},
		{neil, "/resolution multiagency", []string{"Minute 8 — SWACA"}},
	})
}

// TestReportAddressKeepsItsHyphens: a report's address is kept exactly as
// given, a word processor's hyphen in it included, since another
// character would be another address; its title's are the "-" they show.
func TestReportAddressKeepsItsHyphens(t *testing.T) {
	k := agendaKit(t)
	url := "https://example.org/co\u2011ordinated\u2010plan.pdf"
	wantShown(t, k.say(neil, "/report 7.5 "+url+" Co\u2011ordinated plan"), "Report: Co-ordinated plan\nAddress: <"+url+"|"+url+">")
}
