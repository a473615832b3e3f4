package commands_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/quorumhq/quorum/commands"
)

// TestHereAfterBusinessStartedIsALateArrival: a member who marks
// themselves here once the first item has been taken up is minuted as
// arriving then, as the officer's `late` mark would have them, rather
// than listed as present for decisions taken before they came. Pressed
// again, the arrival stands; a member here before business is not late.
func TestHereAfterBusinessStartedIsALateArrival(t *testing.T) {
	k := attDay(t)
	k.must(sue, "/meeting start")
	k.must(sue, "/here")
	k.now = attAt(10, 10, 2)
	wantShown(t, k.say(graeme, "/here"), "You are marked present.")
	k.now = attAt(10, 10, 5)
	k.must(sue, "/meeting item 7.7")
	k.now = attAt(10, 10, 12)
	wantShown(t, k.say(attAnn, "/here"), "You are marked present, arrived late at 10:12.")
	k.now = attAt(10, 10, 14)
	wantShown(t, k.say(attAnn, "/here"), "You were marked present, arrived late at 10:12 already.")
	k.now = attAt(10, 10, 30)
	k.must(sue, "/meeting close")
	att := k.say(ian, "/meeting attendance")
	wantShown(t, att, "Ann arrived at 10:12 during consideration of item 7.7.")
	if strings.Contains(att, "Graeme Robson arrived") {
		t.Errorf("a member here before business is minuted as arriving late:\n%s", att)
	}
}

// TestOfficerCannotSubstitute: the officer, who never votes, marked as a
// member's substitute is refused with nothing saved, as a substitute for
// an officer is, rather than counted to the quorum in the member's place.
func TestOfficerCannotSubstitute(t *testing.T) {
	k := attDay(t)
	k.must(sue, "/meeting start")
	k.must(sue, "/here")
	k.must(graeme, "/here")
	attRefused(k, sue, "/attendance <@UIAN> substitute-for <@UNEIL>",
		"Ian Barton is an officer of Safer Sefton Together and does not vote, so cannot substitute for Neil Frackelton: officers are in attendance however they are marked. Mark them present with `/attendance <@UIAN> present`.")
	status := k.say(ian, "/meeting status")
	wantShown(t, status, "*Inquorate*: 2 present, quorum 3")
	if strings.Contains(status, "Ian Barton") {
		t.Errorf("the refused mark was saved:\n%s", status)
	}
}

// TestMisspeltNamedSubstitute: the substitute a member's apologies name,
// marked by a name one letter out, is asked about, with nothing saved, as
// a slip of a member's name is, rather than marked present as a guest
// with the member left unrepresented. A slip of a member's name given
// with their organisation is not told to give one.
func TestMisspeltNamedSubstitute(t *testing.T) {
	k := attDay(t)
	k.must(graeme, `/apologies 10/12/2026 Court sub "Jane Smith (Sefton CVS)"`)
	k.must(sue, "/meeting start")
	k.must(sue, "/here")
	attRefused(k, ian, `/attendance "Sue Holdn (Sefton CVS)" present`,
		"\"Sue Holdn (Sefton CVS)\" is not a member of Safer Sefton Together: did you mean Sue Holden (Sefton CVS)? Name them as <@USUE>.")
	attRefused(k, ian, `/attendance "Jane Smyth (Sefton CVS)" present`,
		"Graeme Robson's apologies name Jane Smith (Sefton CVS) as substitute: did you mean them? Name them as the apologies do, \"Jane Smith (Sefton CVS)\"; nothing is recorded for \"Jane Smyth (Sefton CVS)\".")
	attRefused(k, ian, `/attendance "Jane Smyth" present`, "did you mean them?")
	if got := k.say(ian, "/meeting status"); strings.Contains(got, "Smyth") || strings.Contains(got, "Holdn") {
		t.Errorf("a refused mark stands:\n%s", got)
	}
	// Someone else of the name, from another organisation, is still marked.
	wantShown(t, k.say(ian, `/attendance "Jane Smyth (Bootle Library)" in-attendance`), "Jane Smyth is marked in attendance.")
	wantShown(t, k.say(ian, `/attendance "Jane Smith (Sefton CVS)" present`), "Jane Smith is marked present as substitute for Graeme Robson.")
}

// TestAttendanceOneWordOfAMembersName: a first name or a surname alone,
// in quotes, is asked about with nothing saved, as /apologies for "Sue"
// is, rather than marked as a stranger beside the member meant, who would
// not count to the quorum and would keep their apologies. Someone called
// by one word is marked with their organisation.
func TestAttendanceOneWordOfAMembersName(t *testing.T) {
	k := attDay(t)
	k.dir["UJO"] = "Jo Smith"
	k.must(ian, "/committee member add <@UJO> Sefton CVS")
	k.must(sue, "/meeting start")
	k.must(ian, "/here")
	for _, tc := range []struct{ line, want string }{
		{`/attendance "Sue" present`, `"Sue" is not a member of Safer Sefton Together: did you mean Sue Holden (Sefton CVS)? Name them as <@USUE>. For someone not on the committee, give their organisation too: "Sue (Organisation)".`},
		{`/attendance "Holden" present`, `"Holden" is not a member of Safer Sefton Together: did you mean Sue Holden (Sefton CVS)?`},
		{`/attendance "Graeme" apologies Court`, `"Graeme" is not a member of Safer Sefton Together: did you mean Graeme Robson (Merseyside Police)?`},
		// A name of two letters in quotes is a name, as a longer one is.
		{`/attendance "Jo" present`, `"Jo" is not a member of Safer Sefton Together: did you mean Jo Smith (Sefton CVS)?`},
	} {
		attRefused(k, ian, tc.line, tc.want)
	}
	if n := attRows(k, `SELECT count(*) FROM attendance_marks WHERE user_id = ''`); n != 0 {
		t.Errorf("%d marks by name stand:\n%s", n, k.say(ian, "/meeting status"))
	}
	if n := attRows(k, `SELECT count(*) FROM apologies WHERE coalesce(user_id, '') = ''`); n != 0 {
		t.Errorf("%d apologies by name stand:\n%s", n, k.say(ian, "/apologies list"))
	}
	wantShown(t, k.say(ian, `/attendance "Sue (Bootle Library)" in-attendance`), "Sue is marked in attendance.")
}

// itemUnderWay is the meeting of 10 December sitting with Sue, the chair,
// Graeme and Ann here, and item 7.7 taken up at 10:05, for the chair to
// leave during it.
func itemUnderWay(t *testing.T) *kit {
	k := attDay(t)
	k.must(sue, "/meeting start")
	for _, who := range []string{sue, graeme, attAnn} {
		k.must(who, "/here")
	}
	k.now = attAt(10, 10, 5)
	k.must(sue, "/meeting item 7.7")
	return k
}

// TestMemberTakesTheChair: with the chair out of the room and no
// vice-chair, the officer is asked who takes the chair, records the
// member present who does, and the live message and the minutes name
// them, rather than leave no one in the chair for what is decided.
func TestMemberTakesTheChair(t *testing.T) {
	k := itemUnderWay(t)
	k.now = attAt(10, 10, 10)
	wantShown(t, k.say(ian, "/attendance <@USUE> left"),
		"Sue Holden is marked as having left at 10:10. No one is in the Chair now: `/attendance @member chair` records the member present who takes it. *Inquorate*: 2 present, quorum 3")
	if got := k.say(ian, "/meeting status"); strings.Contains(got, "(in the Chair)") {
		t.Errorf("someone is in the chair with the chair out:\n%s", got)
	}
	attRefused(k, attAnn, "/attendance <@UANN> chair", "Only an officer or the chair of Safer Sefton Together records who takes the chair.")
	attRefused(k, ian, "/attendance <@UIAN> chair", "Ian Barton is an officer of Safer Sefton Together and does not take the chair")
	attRefused(k, ian, "/attendance <@UNEIL> chair", "Neil Frackelton is not marked here, so cannot take the chair")
	k.now = attAt(10, 10, 11)
	wantShown(t, k.say(ian, "/attendance <@UGRAEME> chair"), "Graeme Robson takes the Chair at 10:11; the minutes will say so.")
	wantShown(t, k.say(ian, "/attendance <@UGRAEME> chair"), "Graeme Robson is in the Chair already; nothing changed.")
	wantShown(t, k.say(ian, "/meeting status"), "*Present (2)*\nGraeme Robson (Merseyside Police) (in the Chair)\nAnn (Sefton Council)")
	k.must(ian, "/resolve 7.7 That the report be noted.")
	k.now = attAt(10, 10, 20)
	k.must(ian, "/attendance <@USUE> present")
	wantShown(t, k.say(ian, "/meeting status"), "*Present (3)*\nSue Holden (Sefton CVS) (in the Chair) — marked by Ian Barton\nGraeme Robson (Merseyside Police)\n")
	k.now = attAt(10, 10, 30)
	k.must(sue, "/meeting close")
	inOrder(t, k.say(ian, "/meeting attendance"),
		"Present: Sue Holden (Sefton CVS) (in the Chair), Graeme Robson (Merseyside Police) and Ann (Sefton Council).",
		"Sue Holden left the meeting at 10:10 during consideration of item 7.7 and returned at 10:20.\n",
		"Graeme Robson took the Chair at 10:11 in the absence of Sue Holden.")
	wantShown(t, k.say(ian, "/history attendance 10/12/2026"), "<@UGRAEME> took the chair _(entered by <@UIAN>)_")
	changes, err := k.db.CommitteeHistory(context.Background(), k.committee().ID, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(changes, func(c commands.Change) bool {
		return c.Action == "took the chair" && c.UserID == graeme && c.Name == "Graeme Robson" && c.By == ian
	}) {
		t.Errorf("the export does not say who took the chair: %+v", changes)
	}
}

// TestMemberTakesTheChairAgain: a member who took the chair, handed it
// back when the chair returned, and takes it again as the chair leaves a
// second time is recorded taking it again, presides, and is minuted both
// times, rather than be told it is recorded with nothing saved and no
// one in the chair; while they preside, recording it again changes
// nothing and says so.
func TestMemberTakesTheChairAgain(t *testing.T) {
	k := itemUnderWay(t)
	k.now = attAt(10, 10, 10)
	k.must(ian, "/attendance <@USUE> left")
	k.now = attAt(10, 10, 11)
	k.must(ian, "/attendance <@UGRAEME> chair")
	k.now = attAt(10, 10, 20)
	k.must(ian, "/attendance <@USUE> present")
	k.now = attAt(10, 10, 30)
	k.must(ian, "/attendance <@USUE> left")
	k.now = attAt(10, 10, 31)
	wantShown(t, k.say(ian, "/attendance <@UGRAEME> chair"), "Graeme Robson takes the Chair at 10:31; the minutes will say so.")
	wantShown(t, k.say(ian, "/meeting status"), "Graeme Robson (Merseyside Police) (in the Chair)")
	k.now = attAt(10, 10, 32)
	wantShown(t, k.say(ian, "/attendance <@UGRAEME> chair"), "Graeme Robson is in the Chair already; nothing changed.")
	k.now = attAt(10, 10, 40)
	k.must(ian, "/meeting close anyway")
	got := k.say(ian, "/meeting attendance")
	inOrder(t, got,
		"Graeme Robson took the Chair at 10:11 in the absence of Sue Holden.",
		"Graeme Robson took the Chair at 10:31 in the absence of Sue Holden.")
	if strings.Contains(got, "10:32") {
		t.Errorf("the minutes record the repeat as taking the chair again:\n%s", got)
	}
}
