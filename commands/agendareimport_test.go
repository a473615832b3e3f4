package commands_test

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/quorumhq/quorum/commands"
)

// march2022Text is the agenda of 17 March 2022 as published, with each
// pair of its revisions made: the block of an item as printed, and as
// the revision prints it.
func march2022Text(t *testing.T, revisions ...string) string {
	t.Helper()
	raw, err := os.ReadFile("testdata/sefton-2022-03-17-agenda.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := string(raw)
	for i := 0; i+1 < len(revisions); i += 2 {
		if !strings.Contains(text, revisions[i]) {
			t.Fatalf("the agenda does not print %q", revisions[i])
		}
		text = strings.Replace(text, revisions[i], revisions[i+1], 1)
	}
	return text
}

// importMarch2022 pastes text into the agenda form as ian, and returns
// the reply.
func importMarch2022(k *kit, text string) string {
	k.t.Helper()
	form := k.must(ian, "/agenda import").Form
	got, errs := k.submit(k.request(ian, ""), form, map[string]string{"text": text})
	if len(errs) > 0 {
		k.t.Fatalf("importing the agenda: %v", errs)
	}
	return got.Text
}

// march2022Corrected is march2022 with the officer's edits of its
// agenda made on Tuesday 1 March 2022, after it was imported.
func march2022Corrected(t *testing.T, edits ...string) *kit {
	t.Helper()
	k := march2022(t)
	k.now = time.Date(2022, 3, 1, 9, 0, 0, 0, london)
	for _, e := range edits {
		k.must(ian, "/agenda edit 2022-03-17 "+e)
	}
	return k
}

// wantNotShown checks that text says none of parts, each of which would
// say of an item what is not so: why.
func wantNotShown(t *testing.T, text, why string, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if strings.Contains(text, p) {
			t.Errorf("reply says %q, %s:\n%s", p, why, text)
		}
	}
}

// A presenter's name put right with /agenda edit after the agenda was
// imported survives the agenda imported again, as published or revised
// elsewhere: the document did not revise that item, and the printed slip
// does not come back. The reply says which correction was kept; the
// revision's own change applies.
func TestRevisedAgendaKeepsOfficersCorrection(t *testing.T) {
	k := march2022Corrected(t, "7.6 — Adele Maddox")

	wantShown(t, importMarch2022(k, march2022Text(t)), "was imported before; nothing changed")
	revised := march2022Text(t, "Kevin Hollis\n\n7.5", "Kevin Hollins\n\n7.5")
	got := importMarch2022(k, revised)
	wantShown(t, got, "(1 item changed in place)",
		"Item 7.6 keeps Adele Maddox, set with `/agenda edit` by <@UIAN> on Tuesday 1 March 2022; the agenda still prints Adele Maddocks.")
	agenda := k.say(ian, "/agenda 2022-03-17")
	wantShown(t, agenda, "*7.6* Sefton Youth Justice Service — _Adele Maddox_", "*7.4* Merseyside Fire and Rescue Service — _Kevin Hollins_")

	// A later revision still finds the correction made after the first
	// import: the one between kept it, and wrote nothing of the item.
	got = importMarch2022(k, march2022Text(t, "Kevin Hollis\n\n7.5", "Kevin Hollins\n\n7.5", "Sue Holden\n\n7.8", "Sue Holden (Sefton CVS)\n\n7.8"))
	wantShown(t, got, "Item 7.6 keeps Adele Maddox")
	wantShown(t, k.say(ian, "/agenda 2022-03-17"), "*7.6* Sefton Youth Justice Service — _Adele Maddox_")

	// The correction stays in the agenda's history as it was made.
	wantShown(t, k.say(ian, "/history agenda 2022-03-17"), "Adele Maddox")
}

// A revised agenda that prints a new presenter for an item the officer
// corrected revised it: the document's presenter replaces the officer's,
// and the reply says so.
func TestRevisedAgendaReplacesCorrectionItRevises(t *testing.T) {
	k := march2022Corrected(t, "7.6 — Adele Maddox")

	got := importMarch2022(k, march2022Text(t, "Adele Maddocks", "Jo Smith"))
	wantShown(t, got, "(1 item changed in place)",
		"Item 7.6 now reads Jo Smith, as the revised agenda prints it, in place of Adele Maddox, set with `/agenda edit` by <@UIAN> on Tuesday 1 March 2022.")
	wantNotShown(t, got, "of a correction the agenda revised", "keeps")
	wantShown(t, k.say(ian, "/agenda 2022-03-17"), "*7.6* Sefton Youth Justice Service — _Jo Smith_")
}

// An item whose title the officer put right is the item the agenda
// imported again prints under the title it printed before: it keeps the
// officer's title, its declaration and its report, and is neither taken
// off and added again nor refused as going, from the form or from a
// file.
func TestRevisedAgendaKeepsCorrectedTitle(t *testing.T) {
	k := march2022Corrected(t, "7.8 Schools Sexual Abuse Report - Chesterfield High School — Kevin Sexton")
	k.must(neil, "/declare 2022-03-17 7.8 personal governor")
	k.must(kevin, "/report 2022-03-17 7.8 https://example.org/chesterfield.pdf Report")

	got := importMarch2022(k, march2022Text(t, "Kevin Hollis\n\n7.5", "Kevin Hollins\n\n7.5"))
	wantShown(t, got, "(1 item changed in place)",
		"Item 7.8 keeps “Schools Sexual Abuse Report - Chesterfield High School”, set with `/agenda edit` by <@UIAN> on Tuesday 1 March 2022; the agenda still prints “Schools Sexual Abuse Report- Chesterfield High School”.")
	wantNotShown(t, got, "of an item kept with its corrected title", "would take", "replaced")
	c := k.committee()
	_, res, err := commands.ImportAgendaWith(context.Background(), k.db, c,
		march2022Text(t, "Kevin Hollis\n\n7.5", "Kevin Hollins\n\n7.5", "Sue Holden\n\n7.8", "Sue Holden (Sefton CVS)\n\n7.8"), ian,
		commands.AgendaImportOptions{At: k.now})
	if err != nil {
		t.Fatalf("importing from a file: %v", err)
	}
	if res.ItemsAdded != 0 || res.ItemsRemoved != 0 || len(res.CorrectionsKept) != 1 {
		t.Errorf("file import: %d added, %d removed, %d corrections kept; want 0, 0 and 1", res.ItemsAdded, res.ItemsRemoved, len(res.CorrectionsKept))
	}
	agenda := k.say(ian, "/agenda 2022-03-17")
	wantShown(t, agenda, "*7.8* Schools Sexual Abuse Report - Chesterfield High School — _Kevin Sexton_",
		"Neil Frackelton declared a personal interest in Item 7.8 (Schools Sexual Abuse Report - Chesterfield High School)",
		"chesterfield.pdf")
	if n := strings.Count(agenda, "Chesterfield High School —"); n != 1 {
		t.Errorf("item 7.8 is on the agenda %d times:\n%s", n, agenda)
	}
}

// An item that keeps the officer's presenter is not said to have had its
// printed presenter read as a member: the item does not record it. The
// reply quotes the presenter as the agenda prints it, slip and all.
func TestRevisedAgendaKeepsCorrectionOverPresenterRead(t *testing.T) {
	k := march2022Corrected(t, "7.5 — Kate Ellis (SWACA)")

	got := importMarch2022(k, march2022Text(t, "Kevin Hollis\n\n7.5", "Kevin Hollins\n\n7.5"))
	wantShown(t, got, "Item 7.5 keeps Kate Ellis (SWACA), set with `/agenda edit` by <@UIAN> on Tuesday 1 March 2022; the agenda still prints Neil Frackleton.")
	wantNotShown(t, got, "of the presenter printed for an item kept as corrected", "read as")
	wantShown(t, k.say(ian, "/agenda 2022-03-17"), "*7.5* SWACA — _Kate Ellis (SWACA)_")
}

// TestRevisedAgendaKeepsReadPresenterWithCorrectedTitle: an item whose
// title alone the officer corrected keeps the presenter printed with a
// slip read as the member, and the import says so as it does without the
// correction.
func TestRevisedAgendaKeepsReadPresenterWithCorrectedTitle(t *testing.T) {
	k := march2022Corrected(t, "7.5 SWACA Partner Report")
	got := importMarch2022(k, march2022Text(t, "Kevin Hollis\n\n7.5", "Kevin Hollins\n\n7.5"))
	wantShown(t, got, "Item 7.5 keeps “SWACA Partner Report”", "Item 7.5: “Neil Frackleton” read as Neil Frackelton, a member")
}

// revisionInserting76 is the agenda of 17 March 2022 revised with an item
// inserted as 7.6, the partner reports from 7.6 on numbered on by one.
func revisionInserting76(t *testing.T, more ...string) string {
	t.Helper()
	return march2022Text(t, append([]string{
		"7.9\n\nProbation", "7.10\n\nProbation", "7.8\n\nSchools", "7.9\n\nSchools", "7.7\n\nSefton CVS", "7.8\n\nSefton CVS",
		"7.6\n\nSefton Youth", "7.6\n\nKnife Crime Update\nJan Marlow\n\n7.7\n\nSefton Youth"}, more...)...)
}

// TestRevisedAgendaRenumberingKeepsCorrections: a revision that inserts
// an item and numbers the reports after it on by one keeps the
// officer's corrections to them, under their new numbers — a presenter,
// and a title on an item with a declaration, which is neither refused
// nor taken off and added again.
func TestRevisedAgendaRenumberingKeepsCorrections(t *testing.T) {
	k := march2022Corrected(t, "7.6 — Adele Maddox", "7.8 Schools Sexual Abuse Report - Chesterfield High School")
	k.must(neil, "/declare 2022-03-17 7.8 personal governor")
	got := importMarch2022(k, revisionInserting76(t))
	wantShown(t, got, "Item 7.7 keeps Adele Maddox", "Item 7.9 keeps “Schools Sexual Abuse Report - Chesterfield High School”")
	agenda := k.say(ian, "/agenda 2022-03-17")
	wantShown(t, agenda, "*7.6* Knife Crime Update — _Jan Marlow_", "*7.7* Sefton Youth Justice Service — _Adele Maddox_",
		"*7.9* Schools Sexual Abuse Report - Chesterfield High School — _Kevin Sexton_")
	wantShown(t, k.say(neil, "/declare list 2022-03-17"), "Item 7.9 (Schools Sexual Abuse Report - Chesterfield High School) — Neil Frackelton: personal interest")
}

// march2022Scheduled is the committee with the meeting of 17 March 2022
// scheduled, on Sunday 20 February 2022, before its agenda is imported:
// it starts with the standard items, and the officer adds items by hand.
func march2022Scheduled(t *testing.T, items ...string) *kit {
	t.Helper()
	k := replayKit(t)
	sitting(k)
	k.now = time.Date(2022, 2, 20, 9, 0, 0, 0, london)
	k.must(ian, "/meeting schedule 2022-03-17 10:00 Remote Meeting")
	for _, it := range items {
		k.must(ian, "/agenda add 2022-03-17 "+it)
	}
	return k
}

// An officer's correction to an item no import wrote — a standard item
// the meeting was scheduled with, or one added by hand — where the
// agenda imported prints just what the correction replaced, is kept, and
// the reply says so as it does for an item an import wrote.
func TestAgendaImportKeepsCorrectionToItemNoImportWrote(t *testing.T) {
	k := march2022Scheduled(t, "7.6 Sefton Youth Justice Service — Adele Maddocks")
	k.now = time.Date(2022, 2, 21, 9, 0, 0, 0, london)
	k.must(ian, "/agenda edit 2022-03-17 7.6 — Adele Maddox")
	k.must(ian, "/agenda edit 2022-03-17 3 Minutes of the Previous Meeting")

	k.now = time.Date(2022, 2, 24, 9, 0, 0, 0, london)
	got := importMarch2022(k, march2022Text(t))
	wantShown(t, got, "17 items",
		"Item 7.6 keeps Adele Maddox, set with `/agenda edit` by <@UIAN> on Monday 21 February 2022; the agenda still prints Adele Maddocks.",
		"Item 3 keeps “Minutes of the Previous Meeting”, set with `/agenda edit` by <@UIAN> on Monday 21 February 2022; the agenda still prints “Minutes of Previous Meeting”.")
	wantShown(t, k.say(ian, "/agenda 2022-03-17"), "*7.6* Sefton Youth Justice Service — _Adele Maddox_", "*3* Minutes of the Previous Meeting")
}

// An agenda imported over items an officer typed by hand, or corrected
// with /agenda edit, where no import wrote them, takes the document's
// reading where it prints something else, and the reply says what it
// replaced, and with which command, by whom and when that was set: here
// another officer's correction.
func TestAgendaImportSaysWhatItReplacesOfItemNoImportWrote(t *testing.T) {
	k := march2022Scheduled(t, "7.7 Sefton CVS — Sue Holdon", "7.6 Sefton Youth Justice Service — Jo Smith")
	k.now = time.Date(2022, 2, 21, 9, 0, 0, 0, london)
	k.must(andrea, "/agenda edit 2022-03-17 7.6 — Adele Maddox")

	k.now = time.Date(2022, 2, 24, 9, 0, 0, 0, london)
	got := importMarch2022(k, march2022Text(t))
	wantShown(t, got,
		"Item 7.7 now reads Sue Holden, as the agenda prints it, in place of Sue Holdon, set with `/agenda add` by <@UIAN> on Sunday 20 February 2022.",
		"Item 7.6 now reads Adele Maddocks, as the agenda prints it, in place of Adele Maddox, set with `/agenda edit` by <@UANDREA> on Monday 21 February 2022.")
	wantNotShown(t, got, "of a reading the agenda replaced", "keeps")
	wantShown(t, k.say(ian, "/agenda 2022-03-17"), "*7.7* Sefton CVS — _Sue Holden_", "*7.6* Sefton Youth Justice Service — _Adele Maddocks_")
}

// A revision that prints anew one field of an item the officer corrected
// takes the document's reading of that field alone: the officer's
// correction of the other, which the document prints as before, is kept,
// and the reply says which field kept what.
func TestRevisedAgendaKeepsCorrectedFieldItDidNotRevise(t *testing.T) {
	k := march2022Corrected(t, "7.6 — Adele Maddox", "7.8 Schools Sexual Abuse Report - Chesterfield High School")

	got := importMarch2022(k, march2022Text(t,
		"Sefton Youth Justice Service\nAdele Maddocks", "Sefton Youth Justice service\nAdele Maddocks",
		"Chesterfield High School\nKevin Sexton", "Chesterfield High School\nJo Smith"))
	wantShown(t, got, "(2 items changed in place)",
		"Item 7.6 keeps Adele Maddox, set with `/agenda edit` by <@UIAN> on Tuesday 1 March 2022; the agenda still prints Adele Maddocks.",
		"Item 7.8 keeps “Schools Sexual Abuse Report - Chesterfield High School”, set with `/agenda edit` by <@UIAN> on Tuesday 1 March 2022; the agenda still prints “Schools Sexual Abuse Report- Chesterfield High School”.")
	wantNotShown(t, got, "of a correction the revision did not revise", "in place of")
	wantShown(t, k.say(ian, "/agenda 2022-03-17"), "*7.6* Sefton Youth Justice service — _Adele Maddox_",
		"*7.8* Schools Sexual Abuse Report - Chesterfield High School — _Jo Smith_")
}

// A revision that prints the officer's correction of one field (the
// council adopted it) says nothing of that field, while the officer's
// correction of the other, printed as before, is kept; a later revision
// that prints the old reading again changed that field since the last
// import, and takes it, saying what it replaced.
func TestRevisedAgendaAdoptingCorrectionSaysNothingOfIt(t *testing.T) {
	k := march2022Corrected(t, "7.6 Sefton Youth Justice Service Update — Adele Maddox")

	got := importMarch2022(k, march2022Text(t, "Adele Maddocks", "Adele Maddox"))
	wantShown(t, got, "Item 7.6 keeps “Sefton Youth Justice Service Update”, set with `/agenda edit` by <@UIAN> on Tuesday 1 March 2022; the agenda still prints “Sefton Youth Justice Service”.")
	wantNotShown(t, got, "of a correction the agenda adopted", "Adele Maddox", "in place of")
	wantShown(t, k.say(ian, "/agenda 2022-03-17"), "*7.6* Sefton Youth Justice Service Update — _Adele Maddox_")

	got = importMarch2022(k, march2022Text(t, "Kevin Hollis\n\n7.5", "Kevin Hollins\n\n7.5"))
	wantShown(t, got, "Item 7.6 keeps “Sefton Youth Justice Service Update”",
		"Item 7.6 now reads Adele Maddocks, as the revised agenda prints it, in place of Adele Maddox, set with `/agenda edit` by <@UIAN> on Tuesday 1 March 2022.")
	wantNotShown(t, got, "of a presenter the revision changed since the last import", "keeps Adele Maddox")
	wantShown(t, k.say(ian, "/agenda 2022-03-17"), "*7.6* Sefton Youth Justice Service Update — _Adele Maddocks_")
}

// A correction the officer has since set back to what the agenda prints
// is not said to be kept: of an item whose title and presenter were
// corrected, with the presenter set back, the reply names the title alone.
func TestRevisedAgendaCorrectionSetBackIsNotKept(t *testing.T) {
	k := march2022Corrected(t, "7.6 Sefton Youth Justice Service Update — Adele Maddox", "7.8 — Kevin Saxton")
	got := importMarch2022(k, march2022Text(t, "Kevin Hollis\n\n7.5", "Kevin Hollins\n\n7.5"))
	wantShown(t, got, "Item 7.6 keeps “Sefton Youth Justice Service Update” — Adele Maddox", "Item 7.8 keeps Kevin Saxton")

	k.now = time.Date(2022, 3, 2, 9, 0, 0, 0, london)
	k.must(ian, "/agenda edit 2022-03-17 7.6 — Adele Maddocks")
	k.must(ian, "/agenda edit 2022-03-17 7.8 — Kevin Sexton")
	got = importMarch2022(k, march2022Text(t, "Sue Holden\n\n7.8", "Sue Holden (Sefton CVS)\n\n7.8"))
	wantShown(t, got, "Item 7.6 keeps “Sefton Youth Justice Service Update”, set with `/agenda edit` by <@UIAN>")
	wantNotShown(t, got, "of a correction set back to what the agenda prints", "Maddox", "Maddocks", "Item 7.8", "in place of")
}

// Two items an officer swapped by hand with /agenda edit, which the
// agenda imported prints as they now stand, stay as they are: neither is
// said to keep the other's wording, and a declaration made under one
// stays with the item it was made under.
func TestAgendaImportKeepsItemsSwappedByHandAsPrinted(t *testing.T) {
	k := march2022Scheduled(t, "7.6 Sefton Youth Justice Service — Adele Maddocks", "7.7 Sefton CVS — Sue Holden")
	k.now = time.Date(2022, 2, 21, 9, 0, 0, 0, london)
	k.must(ian, "/agenda edit 2022-03-17 7.6 Sefton CVS — Sue Holden")
	k.must(ian, "/agenda edit 2022-03-17 7.7 Sefton Youth Justice Service — Adele Maddocks")
	k.must(neil, "/declare 2022-03-17 7.6 personal trustee of Sefton CVS")

	k.now = time.Date(2022, 2, 24, 9, 0, 0, 0, london)
	got := importMarch2022(k, march2022Text(t,
		"7.6\n\nSefton Youth Justice Service\nAdele Maddocks\n\n7.7\n\nSefton CVS\nSue Holden",
		"7.6\n\nSefton CVS\nSue Holden\n\n7.7\n\nSefton Youth Justice Service\nAdele Maddocks"))
	wantShown(t, k.say(ian, "/agenda 2022-03-17"), "*7.6* Sefton CVS — _Sue Holden_", "*7.7* Sefton Youth Justice Service — _Adele Maddocks_",
		"declared a personal interest in Item 7.6 (Sefton CVS)")
	wantNotShown(t, got, "of items the agenda prints as they stand", "keeps", "in place of")
}

// An item added by hand and then put to another purpose with /agenda
// edit is the item the agenda imported prints as it now reads, under
// whatever number: it moves there, and the item it was first added as,
// which the agenda prints at its old number, comes in anew, so neither
// is lost nor printed twice.
func TestAgendaImportMovesItemPutToAnotherPurposeByHand(t *testing.T) {
	k := march2022Scheduled(t, "7.7 Sefton CVS — Sue Holden")
	k.now = time.Date(2022, 2, 21, 9, 0, 0, 0, london)
	k.must(ian, "/agenda edit 2022-03-17 7.7 Knife Crime Update — Jan Marlow")

	k.now = time.Date(2022, 2, 24, 9, 0, 0, 0, london)
	got := importMarch2022(k, march2022Text(t,
		"Team\nJan Marlow", "Team\nJan Marlow\n\n7.10\n\nKnife Crime Update\nJan Marlow"))
	agenda := k.say(ian, "/agenda 2022-03-17")
	wantShown(t, agenda, "*7.7* Sefton CVS — _Sue Holden_", "*7.10* Knife Crime Update — _Jan Marlow_")
	wantNotShown(t, agenda, "of an item the agenda prints once", "*7.7* Knife Crime Update")
	wantNotShown(t, got, "of an item the agenda prints as it stands", "keeps", "in place of")
}

// The line saying what an item now reads, in place of a presenter the
// officer typed, names the item by the number the agenda gives it, not
// the one it stood at before the import moved it.
func TestAgendaImportNamesReplacedItemByItsNewNumber(t *testing.T) {
	k := march2022Scheduled(t, "7.9 Sefton CVS — Sue Holdon")
	k.now = time.Date(2022, 2, 24, 9, 0, 0, 0, london)
	got := importMarch2022(k, march2022Text(t))
	wantShown(t, got, "Item 7.7 now reads Sue Holden, as the agenda prints it, in place of Sue Holdon, set with `/agenda add` by <@UIAN> on Sunday 20 February 2022.")
	wantNotShown(t, got, "of the item now numbered 7.7", "Item 7.9 now reads")
}

// An item the revision renumbers that keeps the presenter the officer
// set is not said to have had its printed presenter read as a member:
// the item records the officer's presenter, as the reply says, under its
// new number, quoting the presenter as the agenda prints it.
func TestRevisedAgendaRenumberedItemKeepingPresenterIsNotSaidRead(t *testing.T) {
	k := march2022Corrected(t, "7.5 — Kate Ellis (SWACA)")
	got := importMarch2022(k, march2022Text(t,
		"7.9\n\nProbation", "7.10\n\nProbation", "7.8\n\nSchools", "7.9\n\nSchools", "7.7\n\nSefton CVS", "7.8\n\nSefton CVS",
		"7.6\n\nSefton Youth", "7.7\n\nSefton Youth",
		"7.5\n\nSWACA", "7.5\n\nKnife Crime Update\nJan Marlow\n\n7.6\n\nSWACA"))
	wantShown(t, got, "Item 7.6 keeps Kate Ellis (SWACA), set with `/agenda edit` by <@UIAN> on Tuesday 1 March 2022; the agenda still prints Neil Frackleton.")
	wantShown(t, k.say(ian, "/agenda 2022-03-17"), "*7.6* SWACA — _Kate Ellis (SWACA)_")
	wantNotShown(t, got, "of an item that keeps the officer's presenter", "read as")
}

// march2022ImportedByEarlierRelease is a meeting with item 7.7 added by
// hand with its presenter misspelt, whose agenda, imported on Thursday 24
// February 2022, put the name right in place, as a release made before
// imports were placed in the recorded order recorded it: its document
// with seq 0.
func march2022ImportedByEarlierRelease(t *testing.T) *kit {
	t.Helper()
	k := march2022Scheduled(t, "7.7 Sefton CVS — Sue Holdon")
	k.now = time.Date(2022, 2, 24, 9, 0, 0, 0, london)
	importMarch2022(k, march2022Text(t))
	if _, err := k.db.SQL().Exec(`UPDATE minute_documents SET seq = 0 WHERE kind = 'agenda'`); err != nil {
		t.Fatal(err)
	}
	return k
}

// A presenter an import made by an earlier release put right in place
// (its document recorded before imports were placed in the recorded
// order) is the import's, not an officer's: an agenda imported since that
// prints another presenter does not say it replaces a reading set with
// /agenda edit.
func TestAgendaImportDoesNotCallEarlierReleasesImportAnEdit(t *testing.T) {
	k := march2022ImportedByEarlierRelease(t)

	k.now = time.Date(2022, 3, 1, 9, 0, 0, 0, london)
	got := importMarch2022(k, march2022Text(t, "Sefton CVS\nSue Holden", "Sefton CVS\nJo Smith"))
	wantNotShown(t, got, "of a presenter an import set, not /agenda edit", "set with `/agenda edit`")
	wantShown(t, k.say(ian, "/agenda 2022-03-17"), "*7.7* Sefton CVS — _Jo Smith_")
}

// An officer's correction made after an import by an earlier release is
// still the officer's: an agenda imported since that prints the item as
// that import left it keeps the correction, and says so.
func TestAgendaImportKeepsCorrectionMadeAfterEarlierReleasesImport(t *testing.T) {
	k := march2022ImportedByEarlierRelease(t)
	k.now = time.Date(2022, 2, 26, 9, 0, 0, 0, london)
	k.must(ian, "/agenda edit 2022-03-17 7.7 — Susan Holden")

	k.now = time.Date(2022, 3, 1, 9, 0, 0, 0, london)
	got := importMarch2022(k, march2022Text(t, "Kevin Hollis\n\n7.5", "Kevin Hollins\n\n7.5"))
	wantShown(t, got, "Item 7.7 keeps Susan Holden, set with `/agenda edit` by <@UIAN> on Saturday 26 February 2022; the agenda still prints Sue Holden.")
	wantNotShown(t, got, "of a presenter the import's own change set", "Holdon")
	wantShown(t, k.say(ian, "/agenda 2022-03-17"), "*7.7* Sefton CVS — _Susan Holden_")
}
