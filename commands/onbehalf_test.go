package commands_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/quorumhq/quorum/commands"
)

// histApologies is the next meeting's standing apologies, one line each:
// whose, their reason, and who entered them.
func histApologies(k *kit) []string {
	k.t.Helper()
	return standing(k, k.db.Apologies, func(a commands.Apology) string {
		return a.UserID + " " + a.Name + " (" + a.Organisation + "): " + a.Reason + " by " + a.By
	})
}

// TestOnBehalfApologies: an officer sends apologies for a member, and for
// someone not in Slack by name; a member may not. The apology is the
// member's, and the list says who entered it.
func TestOnBehalfApologies(t *testing.T) {
	k := agendaKit(t)
	r := k.run(neil, "/apologies for <@UGRAEME> Unwell")
	if !r.Refused || r.Text != "Only an officer or the chair of Safer Sefton Together can send apologies for someone else." {
		t.Errorf("a member's apologies for another: %+v", r)
	}
	if got := histApologies(k); len(got) != 0 {
		t.Fatalf("a refused apology was saved: %q", got)
	}

	r = k.must(ian, "/apologies for <@UNEIL> Unwell")
	wantShown(t, shown(r), "The apologies of <@UNEIL> for the meeting of *Safer Sefton Together* on Thursday 10 December 2026, 10:00, Remote Meeting are recorded. Their history says you entered them.", "Reason: Unwell")
	if len(r.Buttons) != 0 {
		t.Errorf("the officer is offered buttons that act on their own apologies: %+v", r.Buttons)
	}
	k.steps([]step{
		{ian, `/apologies for "Jen Williams (NW Probation)" 10/12/2026 Attending court`, []string{"The apologies of Jen Williams (NW Probation) for the meeting", "are recorded.", "Reason: Attending court"}},
		// Named rather than mentioned, a member is still the member: no
		// second apology for them.
		{ian, `/apologies for "Neil Frackelton (SWACA)" Flu`, []string{"The apologies of <@UNEIL> for the meeting", "are updated: reason changed."}},
		// For oneself, it is one's own apology.
		{ian, "/apologies for <@UIAN> Busy", []string{"Your apologies for the meeting"}},
		// A member's own reason may start with "for".
		{graeme, "/apologies for family reasons", []string{"Your apologies for the meeting", "Reason: for family reasons"}},
	})
	want := []string{
		"UNEIL Neil Frackelton (SWACA): Flu by UIAN",
		" Jen Williams (NW Probation): Attending court by UIAN",
		"UIAN Ian Barton (): Busy by UIAN",
		"UGRAEME Graeme Robson (Merseyside Police): for family reasons by UGRAEME",
	}
	if diff := cmp.Diff(histApologies(k), want); diff != "" {
		t.Errorf("apologies (-got +want):\n%s", diff)
	}
	wantShown(t, k.say(sue, "/apologies list"),
		"Apologies for absence were received from Neil Frackelton (SWACA), Jen Williams (NW Probation), Ian Barton and Graeme Robson (Merseyside Police).",
		"Entered for them: Neil Frackelton (SWACA) by <@UIAN> and Jen Williams (NW Probation) by <@UIAN>.")
	inOrder(t, k.say(ian, "/history apologies"),
		"<@UNEIL> sent apologies: Unwell _(entered by <@UIAN>)_",
		"Jen Williams sent apologies: Attending court _(entered by <@UIAN>)_",
		"<@UNEIL> changed their apologies: Flu _(entered by <@UIAN>)_")

	// What the officer entered, they withdraw for them.
	k.steps([]step{
		{ian, "/apologies withdraw for <@UNEIL>", []string{"The apologies of <@UNEIL> for the meeting of *Safer Sefton Together* on Thursday 10 December 2026, 10:00, Remote Meeting are withdrawn: they are expected to attend. Their history says you withdrew them."}},
		{ian, `/apologies withdraw for "Jen Williams (NW Probation)"`, []string{"The apologies of Jen Williams (NW Probation)", "are withdrawn"}},
	})
	if diff := cmp.Diff(histApologies(k), want[2:]); diff != "" {
		t.Errorf("apologies after the withdrawals (-got +want):\n%s", diff)
	}
}

// TestOnBehalfMistakes: the officer is told why an entry for someone else
// cannot be made, and nothing is saved.
func TestOnBehalfMistakes(t *testing.T) {
	k := agendaKit(t)
	usage := "Usage:\n• `/apologies [DATE]"
	for _, tc := range []struct{ line, want string }{
		{"/apologies for <@USTRANGER> Unwell", "<@USTRANGER> is not a member of Safer Sefton Together. Add them first (`/committee member add <@USTRANGER> ORGANISATION`), or enter it by name for someone not in Slack: `/apologies for \"Name (Organisation)\" …`."},
		{"/declare for <@USTRANGER> 7.7 personal Volunteer", "<@USTRANGER> is not a member of Safer Sefton Together. Add them first (`/committee member add <@USTRANGER> ORGANISATION`), or enter it by name for someone not in Slack: `/declare for \"Name (Organisation)\" …`."},
		{"/apologies for @neil Unwell", "I could not find @neil: type @ and pick the person, so that Slack links the name.\n" + usage},
		{`/apologies for "Jen Williams (NW Probation) Unwell`, "Put the person's name between quotes: for \"Jen Williams (NW Probation)\".\n" + usage},
		{`/apologies for "(NW Probation)" Unwell`, "Give the person's name, then their organisation in brackets: for \"Jen Williams (NW Probation)\".\n" + usage},
		{`/apologies for "Jen (Williams) (NW Probation)" Unwell`, "Give the person's name, then their organisation in brackets"},
		{`/apologies for "` + strings.Repeat("J", 201) + ` (NW Probation)" Unwell`, "That name is too long.\n" + usage},
		{`/apologies for "Jen Williams (` + strings.Repeat("N", 201) + `)" Unwell`, "That name is too long."},
		{"/apologies for <@UNEIL> sub <@UNEIL>", "<@UNEIL> cannot be their own substitute."},
	} {
		t.Run(tc.line, func(t *testing.T) {
			r := k.run(ian, tc.line)
			if !r.Refused || !strings.HasPrefix(r.Text, tc.want) {
				t.Errorf("got %q\nwant a refusal starting %q", r.Text, tc.want)
			}
		})
	}
	if got := histApologies(k); len(got) != 0 {
		t.Errorf("refused entries were saved: %q", got)
	}
}

// TestOnBehalfDeclarations: the officer and the chair declare interests
// for members and for someone not in Slack; a member may not. The list
// says who entered each.
func TestOnBehalfDeclarations(t *testing.T) {
	k := agendaKit(t)
	k.must(ian, "/committee member add <@USUE> Sefton CVS chair")
	r := k.run(neil, "/declare for <@UGRAEME> 7.7 pecuniary Spouse employed by Sefton CVS")
	if !r.Refused || r.Text != "Only an officer or the chair of Safer Sefton Together can declare an interest for someone else." {
		t.Errorf("a member's declaration for another: %+v", r)
	}
	r = k.must(ian, "/declare for <@UGRAEME> 7.7 pecuniary Spouse employed by Sefton CVS")
	wantShown(t, shown(r), "Recorded: <@UGRAEME> declared a disclosable pecuniary interest in Item 7.7 (Sefton CVS) at the meeting of *Safer Sefton Together* on Thursday 10 December 2026, 10:00, Remote Meeting, entered by you.",
		"Nature: Spouse employed by Sefton CVS")
	if len(r.Buttons) != 1 || r.Buttons[0].Label != "They hold a dispensation" {
		t.Errorf("the officer is offered buttons other than the member's dispensation: %+v", r.Buttons)
	}
	k.steps([]step{
		{ian, `/declare for "Jen Williams (NW Probation)" 10/12/2026 4 personal Trustee of SWACA`, []string{"Recorded: Jen Williams (NW Probation) declared a personal interest in Item 4", "entered by you."}},
		{sue, "/declare for <@UNEIL> 7.5 personal Trustee of SWACA", []string{"Recorded: <@UNEIL> declared a personal interest in Item 7.5 (SWACA)", "entered by you."}},
	})
	got := standing(k, k.db.Declarations, func(d commands.Declaration) string { return d.Item + " " + d.UserID + " " + d.Name + " by " + d.By })
	slices.Sort(got)
	if diff := cmp.Diff(got, []string{"4  Jen Williams by UIAN", "7.5 UNEIL Neil Frackelton by USUE", "7.7 UGRAEME Graeme Robson by UIAN"}); diff != "" {
		t.Errorf("declarations (-got +want):\n%s", diff)
	}
	inOrder(t, k.say(neil, "/declare list"),
		"• Item 4 (Integrated Offender Management (IOM) Refresh Strategy) — Jen Williams: personal interest — Trustee of SWACA (declared Monday 23 November 2026, 12:00) — _entered by <@UIAN>_",
		"• Item 7.5 (SWACA) — Neil Frackelton: personal interest — Trustee of SWACA (declared Monday 23 November 2026, 12:00) — _entered by <@USUE>_",
		"• Item 7.7 (Sefton CVS) — Graeme Robson: disclosable pecuniary interest — Spouse employed by Sefton CVS (declared Monday 23 November 2026, 12:00) — withdraws for this item — _entered by <@UIAN>_")
	if minutes := k.say(ian, "/declare minutes"); strings.Contains(minutes, "entered") {
		t.Errorf("the minutes name who entered the declarations:\n%s", minutes)
	}
}

// TestOnBehalfDispensation: a dispensation the member holds is recorded
// by the officer or the chair, for a declaration they entered or one the
// member made; the history says who recorded it, and the member's Home
// says they may remain.
func TestOnBehalfDispensation(t *testing.T) {
	k := agendaKit(t)
	r := k.must(ian, "/declare for <@USUE> 7.7 pecuniary Spouse employed by Sefton CVS")
	wantShown(t, shown(r), "Unless they hold a dispensation, they must withdraw", "[They hold a dispensation]")
	wantShown(t, shown(k.press(neil, r, "They hold a dispensation")), "That button belongs to someone else's declaration.")
	k.marked()
	wantShown(t, shown(k.press(ian, r, "They hold a dispensation")),
		"Recorded: <@USUE> holds a dispensation for their disclosable pecuniary interest in Item 7.7, so may remain for it. Their history says you recorded it.")
	wantShown(t, shown(k.press(ian, r, "They hold a dispensation")), "The dispensation of <@USUE> for Item 7.7 was already recorded; nothing changed.")
	if got := k.marked(); !slices.Contains(got, sue) {
		t.Errorf("Sue's Home is not refreshed: %q", got)
	}
	wantShown(t, section(t, k.svc, sue, "Your declarations"), "Spouse employed by Sefton CVS _(you hold a dispensation)_")
	wantShown(t, k.say(neil, "/declare list"), "Sue Holden: disclosable pecuniary interest — Spouse employed by Sefton CVS (declared Monday 23 November 2026, 12:00) — holds a dispensation")
	wantShown(t, k.say(sue, "/history declarations"), "item 7.7: dispensation recorded for the declaration of <@USUE>: pecuniary: Spouse employed by Sefton CVS _(entered by <@UIAN>)_")

	// One the member made: the officer, told of it, records it.
	k.must(graeme, "/declare 6 pecuniary Shares in a security firm")
	r = k.must(ian, "/declare for <@UGRAEME> 6 pecuniary Shares in a security firm")
	wantShown(t, shown(r), "<@UGRAEME> had already declared this interest in Item 6", "[They hold a dispensation]")
	wantShown(t, shown(k.press(ian, r, "They hold a dispensation")), "Recorded: <@UGRAEME> holds a dispensation")

	// The vice-chair only for a meeting the chair has sent apologies for.
	k.must(ian, "/committee member add <@UNEIL> SWACA chair")
	k.must(ian, "/committee member add <@UGRAEME> Merseyside Police vice-chair")
	r = k.must(ian, `/declare for "Jen Williams (NW Probation)" 4 pecuniary Paid adviser`)
	wantShown(t, shown(k.press(graeme, r, "They hold a dispensation")), "The vice-chair acts for the chair at a meeting the chair has sent apologies for")
	k.must(neil, "/apologies 10/12/2026 Away")
	wantShown(t, shown(k.press(graeme, r, "They hold a dispensation")), "Recorded: Jen Williams holds a dispensation")
}

// TestMemberDeclaringWhatWasEnteredForThem: a member who declares an
// interest an officer already entered for them is told it stands, entered
// by the officer, not that they had declared it themselves, which they
// never did; their own repeat is still "had already declared".
func TestMemberDeclaringWhatWasEnteredForThem(t *testing.T) {
	k := agendaKit(t)
	k.must(ian, "/declare for <@UGRAEME> 6 pecuniary Shares in a security firm")
	got := k.say(graeme, "/declare 6 pecuniary Shares in a security firm")
	wantShown(t, got, "This interest in Item 6 (Local Policing Update) was already declared for you, entered by <@UIAN> (on Monday 23 November 2026, 12:00); nothing changed.",
		"[I hold a dispensation]")
	if strings.Contains(got, "You had already declared") {
		t.Errorf("the member is told they declared what the officer entered:\n%s", got)
	}
	if got := k.say(ian, "/declare list"); strings.Count(got, "Graeme Robson") != 1 {
		t.Errorf("Graeme Robson's declaration is listed other than once:\n%s", got)
	}
	k.must(sue, "/declare 7.7 personal Trustee of Sefton CVS")
	wantShown(t, k.say(sue, "/declare 7.7 personal Trustee of Sefton CVS"), "You had already declared this interest in Item 7.7 (Sefton CVS)")
}

// TestMemberSendingTheReportEnteredForThem: a member who sends the link
// an officer already attached for them is told it stands, entered by the
// officer and when, not that they had attached it themselves; on an item
// with a presenter and on one without alike. Their own repeat is still
// "had already attached", with when they did; the officer's repeat for
// them says when too. When is the link's, not the repeat's.
func TestMemberSendingTheReportEnteredForThem(t *testing.T) {
	k := agendaKit(t)
	k.must(ian, "/report for <@USUE> 7.7 https://example.org/cvs.pdf CVS report")
	k.now = k.now.Add(26 * time.Hour)
	got := k.say(sue, "/report 7.7 https://example.org/cvs.pdf CVS report")
	wantShown(t, got, "This report for Item 7.7 (Sefton CVS) was already attached for you, entered by <@UIAN> (on Monday 23 November 2026, 12:00); nothing changed.")
	k.must(ian, "/report for <@UNEIL> 5 https://example.org/ed.pdf Education")
	wantShown(t, k.say(neil, "/report 5 https://example.org/ed.pdf Education"),
		"This report for Item 5 (Provision of Alternative Education Settings) was already attached for you, entered by <@UIAN> (on Tuesday 24 November 2026, 14:00); nothing changed.")
	wantShown(t, k.say(ian, "/report for <@UNEIL> 5 https://example.org/ed.pdf Education"),
		"The report of <@UNEIL> for Item 5 (Provision of Alternative Education Settings) was already attached (on Tuesday 24 November 2026, 14:00); nothing changed.")
	k.must(sue, "/report 7.7 https://example.org/cvs2.pdf CVS report")
	k.now = k.now.Add(time.Hour)
	wantShown(t, k.say(sue, "/report 7.7 https://example.org/cvs2.pdf CVS report"), "You had already attached this report to Item 7.7 (Sefton CVS) (on Tuesday 24 November 2026, 14:00); nothing changed.")
}

// TestOnBehalfViceChair: the vice-chair enters records for others only
// at a meeting the chair has sent apologies for.
func TestOnBehalfViceChair(t *testing.T) {
	k := agendaKit(t)
	k.must(ian, "/committee member add <@USUE> Sefton CVS chair")
	k.must(ian, "/committee member add <@UGRAEME> Merseyside Police vice-chair")
	k.must(ian, "/meeting schedule 2027-01-14 10:00 Bootle Town Hall")
	r := k.run(graeme, "/apologies for <@UNEIL> Unwell")
	if !r.Refused || r.Text != "The vice-chair acts for the chair at a meeting the chair has sent apologies for, and Sue Holden has sent none for the meeting on Thursday 10 December 2026: only the chair or an officer can send apologies for someone else." {
		t.Errorf("the vice-chair with the chair attending: %+v", r)
	}
	// A committee with no chair: the vice-chair acts.
	k.press(ian, k.must(ian, "/committee member add <@USUE> Sefton CVS member"), "Confirm: Sue Holden as member")
	wantShown(t, k.say(graeme, "/apologies for <@UNEIL> Unwell"), "The apologies of <@UNEIL> for the meeting", "on Thursday 10 December 2026", "are recorded.")
}

// TestOnBehalfViceChairForADatedMeeting: the meeting the vice-chair acts
// at is the one the entry names by its date, after the person it is for
// (`/apologies for @someone [DATE] …`), not the next meeting: the chair
// is away in January only, so the vice-chair enters January's apologies
// for others and not December's.
func TestOnBehalfViceChairForADatedMeeting(t *testing.T) {
	k := agendaKit(t)
	k.must(ian, "/committee member add <@USUE> Sefton CVS chair")
	k.must(ian, "/committee member add <@UGRAEME> Merseyside Police vice-chair")
	k.must(ian, "/meeting schedule 2027-01-14 10:00 Bootle Town Hall")
	k.must(sue, "/apologies 14/01/2027 Called away")
	k.steps([]step{
		{graeme, "/apologies for <@UNEIL> 14/01/2027 Unwell", []string{"The apologies of <@UNEIL> for the meeting of *Safer Sefton Together* on Thursday 14 January 2027, 10:00, Bootle Town Hall are recorded. Their history says you entered them."}},
		{graeme, "/declare for <@UNEIL> 14/01/2027 4 personal Trustee of SWACA", []string{"Recorded: <@UNEIL> declared a personal interest in Item 4"}},
	})

	// The other way about: away in December only, the chair leaves
	// January's entries to herself and the officer.
	k = agendaKit(t)
	k.must(ian, "/committee member add <@USUE> Sefton CVS chair")
	k.must(ian, "/committee member add <@UGRAEME> Merseyside Police vice-chair")
	k.must(ian, "/meeting schedule 2027-01-14 10:00 Bootle Town Hall")
	k.must(sue, "/apologies 10/12/2026 Called away")
	r := k.run(graeme, "/apologies for <@UNEIL> 14/01/2027 Unwell")
	if !r.Refused || !strings.Contains(r.Text, "Sue Holden has sent none for the meeting on Thursday 14 January 2027") {
		t.Errorf("the vice-chair enters January's apologies while the chair attends: %q", r.Text)
	}
}

// TestOnBehalfMisspeltMember: a member's name typed with a slip ("Sue
// Holdn") is not taken for someone outside the committee, which would
// minute a stranger and leave the member's own record missing: the
// officer is asked whether they meant the member. Someone else of a
// similar name, given with their own organisation, is still entered.
func TestOnBehalfMisspeltMember(t *testing.T) {
	k := agendaKit(t)
	k.must(ian, "/committee member add <@USUE> Sefton CVS chair")
	for _, tc := range []struct{ line, want string }{
		{`/apologies for "Sue Holdn" Unwell`, "\"Sue Holdn\" is not a member of Safer Sefton Together: did you mean Sue Holden (Sefton CVS)? Name them as <@USUE>; for someone not on the committee, give their organisation too: \"Sue Holdn (Organisation)\"."},
		{`/apologies for "Sue Holdn (Sefton CVS)" Unwell`, "did you mean Sue Holden (Sefton CVS)?"},
		{`/declare for "Graeme Robsn" 6 personal Police officer`, "did you mean Graeme Robson (Merseyside Police)?"},
	} {
		attRefused(k, ian, tc.line, tc.want)
	}
	if got := histApologies(k); len(got) != 0 {
		t.Errorf("refused entries were saved: %q", got)
	}
	if got := k.say(ian, "/declare list"); strings.Contains(got, "Robsn") {
		t.Errorf("a refused declaration is listed:\n%s", got)
	}
	// Another person, from another organisation.
	k.must(ian, `/apologies for "Sue Holdn (Bootle Library)" Unwell`)
	wantShown(t, k.say(ian, "/apologies list"), "Apologies for absence were received from Sue Holdn (Bootle Library).")
	// Withdrawing what was entered under a name is never refused.
	k.must(ian, `/apologies withdraw for "Sue Holdn (Bootle Library)"`)

	// At the meeting: attendance, and the owner of an action.
	k.now = time.Date(2026, 12, 10, 10, 30, 0, 0, london)
	k.must(sue, "/meeting start")
	attRefused(k, ian, `/attendance "Graeme Robsn" present`, "did you mean Graeme Robson (Merseyside Police)?")
	if got := k.say(ian, "/meeting status"); strings.Contains(got, "Robsn") {
		t.Errorf("a refused mark stands:\n%s", got)
	}
	decision := k.must(ian, "/resolve 7.7 That the report be noted.")
	attRefused(k, ian, `/action add 9 "Neil Frackleton" 2027-01-10 Circulate the report`, "did you mean Neil Frackelton (SWACA)?")
	f := k.press(ian, decision, "Add an action").Form
	if _, errs := k.submit(k.request(ian, ""), f, map[string]string{"name": "Neil Frackleton", "due": "2027-01-10", "text": "Circulate the report"}); !strings.Contains(errs["name"], "did you mean Neil Frackelton (SWACA)? Choose them above") {
		t.Errorf("the form took a misspelt member: %v", errs)
	}
	if got := k.say(ian, "/action list all"); strings.Contains(got, "Frackleton") {
		t.Errorf("a refused action is listed:\n%s", got)
	}
	k.must(ian, `/action add 9 "Neil Frackelton" 2027-01-10 Circulate the report`)
	attRefused(k, ian, `/action reassign 1 "Graeme Robsn"`, "did you mean Graeme Robson (Merseyside Police)?")
}

// TestOnBehalfNamedWithoutMention: `/apologies for sue Unwell`, a member
// named by a bare word after "for", is not taken for the sender's own
// apology with the reason "for sue Unwell": they are asked whom they
// meant, and told how to give a reason of their own that starts so.
func TestOnBehalfNamedWithoutMention(t *testing.T) {
	k := agendaKit(t)
	for _, tc := range []struct{ user, line, want string }{
		{ian, "/apologies for sue Unwell", "Apologies `for sue …` would be your own, with that as their reason: did you mean Sue Holden (Sefton CVS)? Name them as <@USUE>, or in quotes: `/apologies for \"Sue Holden\" …`. For a reason of your own that starts with \"for\", write `/apologies reason for sue …`."},
		{ian, "/apologies for Holden, unwell", "did you mean Sue Holden (Sefton CVS)?"},
		// A member may not send them for someone else: they are told so,
		// not shown a command they cannot use.
		{graeme, "/apologies for neil", "Apologies `for neil …` would be your own, with that as their reason; only an officer or the chair of Safer Sefton Together can send apologies for someone else. For a reason of your own that starts with \"for\", write `/apologies reason for neil …`."},
	} {
		attRefused(k, tc.user, tc.line, tc.want)
	}
	if got := histApologies(k); len(got) != 0 {
		t.Errorf("refused apologies were saved: %q", got)
	}
	k.steps([]step{
		{ian, "/apologies reason for sue Unwell", []string{"Your apologies for the meeting", "Reason: for sue Unwell"}},
		{graeme, "/apologies for family reasons", []string{"Your apologies for the meeting", "Reason: for family reasons"}},
	})
}

// TestOnBehalfNamedWithoutMentionQuotesSafely: the "did you mean" answer to
// `/apologies for sue …` stays well formed whatever the names hold: a
// backquote, which would end a `code` span (Slack has no escape for one),
// is shown as a look-alike in the words quoted back, and a name that
// cannot be given in quotes is not offered so, only as a mention. Nor is
// a name with brackets: typed in quotes, they would be read as an
// organisation, and the apologies recorded for someone not on the
// committee.
func TestOnBehalfNamedWithoutMentionQuotesSafely(t *testing.T) {
	k := newKit(t)
	k.svc = commands.New(k.db, people{ian: "Ian Barton", sue: "Sue `Sunny` Holden", neil: `Neil "Nifty" Frackelton`, graeme: "Graeme Robson", attAnn: "Ann Lee (she/her)"})
	k.must(ian, "/committee setup Safer Sefton Together")
	k.must(ian, "/committee member add <@UANN> Bootle Library")
	k.must(ian, "/committee member add <@USUE> Sefton CVS")
	k.must(ian, "/committee member add <@UNEIL> SWACA")
	k.must(ian, "/committee member add <@UGRAEME> Merseyside Police")
	k.must(ian, "/meeting schedule 2026-12-10 10:00 Remote Meeting")
	for _, tc := range []struct{ line, want string }{
		{"/apologies for sue Unwell", "Apologies `for sue …` would be your own, with that as their reason: did you mean Sue ˋSunnyˋ Holden (Sefton CVS)? Name them as <@USUE>. For a reason of your own that starts with \"for\", write `/apologies reason for sue …`."},
		{"/apologies for `Sunny` Unwell", "Apologies `for ˋSunnyˋ …` would be your own, with that as their reason: did you mean Sue ˋSunnyˋ Holden (Sefton CVS)? Name them as <@USUE>. For a reason of your own that starts with \"for\", write `/apologies reason for ˋSunnyˋ …`."},
		{"/apologies for neil Unwell", "Apologies `for neil …` would be your own, with that as their reason: did you mean Neil \"Nifty\" Frackelton (SWACA)? Name them as <@UNEIL>. For a reason of your own that starts with \"for\", write `/apologies reason for neil …`."},
		{"/apologies for graeme Unwell", "Apologies `for graeme …` would be your own, with that as their reason: did you mean Graeme Robson (Merseyside Police)? Name them as <@UGRAEME>, or in quotes: `/apologies for \"Graeme Robson\" …`. For a reason of your own that starts with \"for\", write `/apologies reason for graeme …`."},
		{"/apologies for ann Unwell", "Apologies `for ann …` would be your own, with that as their reason: did you mean Ann Lee (she/her) (Bootle Library)? Name them as <@UANN>. For a reason of your own that starts with \"for\", write `/apologies reason for ann …`."},
	} {
		attRefused(k, ian, tc.line, tc.want)
		if r := k.run(ian, tc.line); strings.Count(r.Text, "`")%2 != 0 {
			t.Errorf("%s: an odd number of backquotes:\n%s", tc.line, r.Text)
		}
	}
}

// TestSubstituteMisspelt: a substitute named with a slip in a member's
// name is refused with the member it nearly names, as an entry for
// someone is; someone else of that name, with their own organisation, may
// substitute.
func TestSubstituteMisspelt(t *testing.T) {
	k := agendaKit(t)
	attRefused(k, neil, `/apologies Unwell sub "Graeme Robsn"`, `"Graeme Robsn" is not a member of Safer Sefton Together: did you mean Graeme Robson (Merseyside Police)?`)
	attRefused(k, neil, `/apologies Unwell sub Graeme Robsn`, "did you mean Graeme Robson (Merseyside Police)?")
	attRefused(k, ian, `/apologies for <@UNEIL> sub "Sue Holdn (Sefton CVS)"`, "did you mean Sue Holden (Sefton CVS)?")
	if got := histApologies(k); len(got) != 0 {
		t.Errorf("refused apologies were saved: %q", got)
	}
	wantShown(t, k.say(neil, `/apologies Unwell sub "Graeme Robsn (Bootle Library)"`), "Substitute: Graeme Robsn (Bootle Library)")
}

// TestOnBehalfNamedWithoutMentionSeveral: when a bare word after "for"
// is a word of more than one member's name, the answer names each of
// them, and how to name each, not only the first.
func TestOnBehalfNamedWithoutMentionSeveral(t *testing.T) {
	k := agendaKit(t)
	k.svc = commands.New(k.db, people{ian: "Ian Barton", sue: "Sue Holden", neil: "Neil Frackelton", graeme: "Graeme Robson", "USUE2": "Sue Parry"})
	k.must(ian, "/committee member add <@USUE2> Bootle Library")
	attRefused(k, ian, "/apologies for sue Unwell",
		"Apologies `for sue …` would be your own, with that as their reason: did you mean Sue Holden (Sefton CVS) or Sue Parry (Bootle Library)? Name the one you mean as <@USUE> or <@USUE2>. For a reason of your own that starts with \"for\", write `/apologies reason for sue …`.")
	attRefused(k, ian, "/apologies withdraw for sue",
		"`/apologies withdraw for` names someone by mention or in quotes: did you mean Sue Holden (Sefton CVS) or Sue Parry (Bootle Library)? Name the one you mean as <@USUE> or <@USUE2>.")
	if got := histApologies(k); len(got) != 0 {
		t.Errorf("refused apologies were saved: %q", got)
	}
}

// TestOnBehalfWithdrawNamedWithoutMention: an officer withdraws a
// member's apologies by mention or by name in quotes, as they are sent;
// a bare word of the member's name gets the same advice as for sending
// them, and a member who may not withdraw them for someone else is told
// so; neither is told `withdraw` takes only a date.
func TestOnBehalfWithdrawNamedWithoutMention(t *testing.T) {
	k := agendaKit(t)
	k.must(sue, "/apologies Unwell")
	for _, tc := range []struct{ user, line, want string }{
		{ian, "/apologies withdraw for sue", "`/apologies withdraw for` names someone by mention or in quotes: did you mean Sue Holden (Sefton CVS)? Name them as <@USUE>, or in quotes: `/apologies withdraw for \"Sue Holden\"`."},
		{ian, "/apologies withdraw for sue 10/12/2026", "did you mean Sue Holden (Sefton CVS)?"},
		{ian, "/apologies withdraw for nobody", "`/apologies withdraw for` names someone by mention or in quotes: `/apologies withdraw for @someone`, or `/apologies withdraw for \"Name (Organisation)\"` for someone not in Slack."},
		{graeme, "/apologies withdraw for sue", "Only an officer or the chair of Safer Sefton Together can withdraw apologies for someone else."},
	} {
		attRefused(k, tc.user, tc.line, tc.want)
	}
	if got := histApologies(k); len(got) != 1 {
		t.Fatalf("Sue's apologies do not stand after refusals: %q", got)
	}
	wantShown(t, k.say(ian, `/apologies withdraw for "Sue Holden"`), "The apologies of <@USUE> for the meeting of *Safer Sefton Together* on Thursday 10 December 2026, 10:00, Remote Meeting are withdrawn")
	if got := histApologies(k); len(got) != 0 {
		t.Errorf("Sue's apologies stand after the officer withdrew them: %q", got)
	}
}

// TestOnBehalfDeclareNamedWithoutMention: `/declare for sue 7.7 …` and
// `/declare withdraw for sue 7.7`, a member named by a bare word, are
// answered as `/apologies for sue` is: the officer with the member they
// may mean, a member with who may act for someone else; not with "for"
// taken for an item number.
func TestOnBehalfDeclareNamedWithoutMention(t *testing.T) {
	k := agendaKit(t)
	for _, tc := range []struct{ user, line, want string }{
		{ian, "/declare for sue 7.7 personal Trustee of Sefton CVS", "`/declare for` names someone by mention or in quotes: did you mean Sue Holden (Sefton CVS)? Name them as <@USUE>, or in quotes: `/declare for \"Sue Holden\" …`."},
		{ian, "/declare withdraw for sue 7.7", "`/declare withdraw for` names someone by mention or in quotes: did you mean Sue Holden (Sefton CVS)? Name them as <@USUE>, or in quotes: `/declare withdraw for \"Sue Holden\" …`."},
		{ian, "/declare for nobody 7.7 personal Trustee", "`/declare for` names someone by mention or in quotes: `/declare for @someone …`, or `/declare for \"Name (Organisation)\" …` for someone not in Slack."},
		{graeme, "/declare for sue 7.7 personal Trustee of Sefton CVS", "Only an officer or the chair of Safer Sefton Together can declare an interest for someone else."},
		{graeme, "/declare withdraw for sue 7.7", "Only an officer or the chair of Safer Sefton Together can withdraw a declaration for someone else."},
	} {
		attRefused(k, tc.user, tc.line, tc.want)
	}
	if got := k.say(ian, "/declare list"); strings.Contains(got, "Sue Holden:") {
		t.Errorf("a refused declaration is listed:\n%s", got)
	}
}

// TestOnBehalfMemberWithBracketsInName: a member whose Slack name has
// brackets of its own ("Ann Lee (she/her)"), named in quotes as Slack
// shows it, is that member, as a member named in quotes is: not someone
// not on the committee, Ann Lee of "she/her", while she stays expected.
func TestOnBehalfMemberWithBracketsInName(t *testing.T) {
	k := newKit(t)
	k.svc = commands.New(k.db, people{ian: "Ian Barton", attAnn: "Ann Lee (she/her)"})
	k.must(ian, "/committee setup Safer Sefton Together")
	k.must(ian, "/committee member add <@UANN> Bootle Library")
	k.must(ian, "/meeting schedule 2026-12-10 10:00 Remote Meeting")
	k.must(ian, `/apologies for "Ann Lee (she/her)" Unwell`)
	wantShown(t, k.say(ian, "/apologies list"), "Apologies for absence were received from Ann Lee (she/her) (Bootle Library).")
	k.now = time.Date(2026, 12, 10, 9, 55, 0, 0, london)
	k.must(ian, "/meeting start")
	k.must(ian, `/attendance "Ann Lee (she/her)" present`)
	att := k.say(ian, "/meeting attendance")
	wantShown(t, att, "Present: Ann Lee (she/her) (Bootle Library).")
	if strings.Contains(att, "Also present") || strings.Contains(att, "Apologies") {
		t.Errorf("a member named with her brackets is not the member:\n%s", att)
	}
}

// TestOnBehalfByAFirstNameInQuotes: a name in quotes that is one word of
// members' names, with no organisation, is not taken for a stranger of
// that name, counted apart from the member meant: it is refused with the
// members it may mean.
func TestOnBehalfByAFirstNameInQuotes(t *testing.T) {
	k := agendaKit(t)
	for _, line := range []string{`/apologies for "Sue" Unwell`, `/declare for "Neil" 7.5 personal Trustee of SWACA`} {
		r := k.run(ian, line)
		if !r.Refused || !strings.Contains(r.Text, "did you mean") {
			t.Errorf("%s: %q, want it refused with the member it may mean", line, r.Text)
		}
	}
	if got := k.apologies(); len(got) != 0 {
		t.Errorf("apologies recorded for a stranger: %v", got)
	}
	// With an organisation, it is someone not in Slack, as before.
	k.must(ian, `/apologies for "Sue (Bootle Library)" Unwell`)
}

// TestNamedPersonJoiningKeepsTheirRecords: someone an officer entered
// apologies and a declaration for by name ("Jen Williams (NW Probation)"),
// added to the committee when they join Slack, has those records as their
// own for the meetings still to come: their Home shows them, they are
// not reminded as if expected, and what they send themselves changes them
// rather than counting them twice.
func TestNamedPersonJoiningKeepsTheirRecords(t *testing.T) {
	const jen = "UJEN"
	k := agendaKit(t)
	k.svc = commands.New(k.db, people{ian: "Ian Barton", neil: "Neil Frackelton", graeme: "Graeme Robson", sue: "Sue Holden", jen: "Jen Williams"})
	k.must(ian, `/apologies for "Jen Williams (NW Probation)" 10/12/2026 Attending court`)
	k.must(ian, `/declare for "Jen Williams (NW Probation)" 10/12/2026 4 personal Board member`)
	k.must(ian, "/committee member add <@UJEN> NW Probation")

	home := homeText(t, k, jen)
	wantShown(t, home, "Apologies for the next meeting are recorded for you, entered by <@UIAN>.", "Reason: Attending court",
		"Item 4 (Integrated Offender Management (IOM) Refresh Strategy): Personal interest — Board member")

	wantShown(t, k.say(jen, "/apologies Attending court again"), "are updated")
	k.must(jen, "/declare 4 personal Board member")
	list := k.say(ian, "/apologies list")
	if n := strings.Count(list, "Jen Williams"); n != 2 { // the list and the reasons
		t.Errorf("Jen Williams is named %d times in the apologies, want once and once among the reasons:\n%s", n, list)
	}
	wantShown(t, list, "Apologies for absence were received from Jen Williams (NW Probation).")
	if got := k.say(ian, "/declare list"); strings.Count(got, "Jen Williams") != 1 {
		t.Errorf("Jen Williams's declaration is listed twice:\n%s", got)
	}
	inOrder(t, k.say(ian, "/history apologies"),
		"sent apologies: Attending court _(entered by <@UIAN>)_", "changed their apologies: Attending court again")
}

// TestMemberAddedBackKeepsTheApologiesEnteredByName: a member removed
// (their apologies withdrawn with it), entered by name meanwhile, and
// added back has the apologies entered by name as their own: listed once,
// not expected at the meeting, and not listed twice when they send their
// own.
func TestMemberAddedBackKeepsTheApologiesEnteredByName(t *testing.T) {
	k := agendaKit(t)
	k.must(neil, "/apologies 2026-12-10 Unwell")
	k.must(ian, "/committee member remove <@UNEIL>")
	k.must(ian, `/apologies for "Neil Frackelton (SWACA)" 2026-12-10 On leave sub <@USTRANGER>`)
	k.must(ian, "/committee member add <@UNEIL> SWACA")

	home := homeText(t, k, neil)
	wantShown(t, home, "Apologies for the next meeting are recorded for you, entered by <@UIAN>.", "Reason: On leave")
	wantShown(t, k.say(ian, "/apologies list 2026-12-10"), "Apologies for absence were received from Neil Frackelton (SWACA).",
		"Substitutes: Mallory for Neil Frackelton.")

	k.must(neil, "/apologies 2026-12-10 On leave still")
	list := k.say(ian, "/apologies list 2026-12-10")
	wantShown(t, list, "Apologies for absence were received from Neil Frackelton (SWACA).")
	if n := strings.Count(list, "On leave"); n != 1 {
		t.Errorf("Neil Frackelton's apologies are listed %d times:\n%s", n, list)
	}
}

// TestMemberAddedBackKeepsTheDeclarationEnteredByName: a member removed
// (their declaration withdrawn with it), for whom an officer declared the
// same interest by name meanwhile, and who is added back, has that
// declaration as their own: on their Home, listed once when they declare
// it again, and theirs to withdraw.
func TestMemberAddedBackKeepsTheDeclarationEnteredByName(t *testing.T) {
	k := agendaKit(t)
	k.must(neil, "/declare 2026-12-10 4 personal Trustee")
	k.must(ian, "/committee member remove <@UNEIL>")
	k.must(ian, `/declare for "Neil Frackelton (SWACA)" 2026-12-10 4 personal Trustee`)
	k.must(ian, "/committee member add <@UNEIL> SWACA")

	home := homeText(t, k, neil)
	wantShown(t, home, "Your declarations: • Item 4 (Integrated Offender Management (IOM) Refresh Strategy): Personal interest — Trustee _(entered by <@UIAN>)_")

	wantShown(t, k.say(neil, "/declare 2026-12-10 4 personal Trustee"), "This interest in Item 4 (Integrated Offender Management (IOM) Refresh Strategy) was already declared for you, entered by <@UIAN>")
	if got := k.say(ian, "/declare list 2026-12-10"); strings.Count(got, "Neil Frackelton") != 1 {
		t.Errorf("Neil Frackelton's declaration is listed other than once:\n%s", got)
	}
	k.must(neil, "/declare withdraw 2026-12-10 4")
	wantShown(t, k.say(ian, "/declare list 2026-12-10"), "No interests have been declared.")
}

// TestMemberAddedBackAfterTheirDeclaredItemMoved: a member whose
// declaration removing them withdrew, on an item moved since, for whom an
// officer declared the same interest by name on the item at its new
// number, can be added back (the two are one declaration on one item, not
// two that clash), and has it as theirs, listed once.
func TestMemberAddedBackAfterTheirDeclaredItemMoved(t *testing.T) {
	k := agendaKit(t)
	k.must(neil, "/declare 2026-12-10 5 personal Governor")
	k.must(ian, "/committee member remove <@UNEIL>")
	k.must(ian, "/agenda move 5 7.6")
	k.must(ian, `/declare for "Neil Frackelton (SWACA)" 2026-12-10 7.6 personal Governor`)
	wantShown(t, k.say(ian, "/committee member add <@UNEIL> SWACA"), "<@UNEIL> is back on Safer Sefton Together, as a member, for SWACA.")
	if got := k.say(ian, "/declare list 2026-12-10"); strings.Count(got, "Neil Frackelton") != 1 {
		t.Errorf("Neil Frackelton's declaration is listed other than once:\n%s", got)
	}
	k.must(neil, "/declare withdraw 2026-12-10 7.6")
	wantShown(t, k.say(ian, "/declare list 2026-12-10"), "No interests have been declared.")
}

// TestOnBehalfNameTypedWithoutAccents: an officer on a British keyboard
// types a member's name without its accents, or with the other
// apostrophe, and means the member: "Sian Ni Bhriain" is Siân Ní
// Bhriain, "Seán O'Neill" is Seán O’Neill, and "for sian" is asked about
// as "for siân" is. Taken as given, the apology was a stranger's, and the
// member's own was missing from the quorum.
func TestOnBehalfNameTypedWithoutAccents(t *testing.T) {
	k := meetingKit(t)
	k.dir["USIAN"] = "Siân Ní Bhriain"
	k.dir["USEAN"] = "Seán O’Neill"
	k.dir["UZOE"] = "Zoe\u0308 Schmidt" // as a Mac may send it: e and a combining diaeresis
	k.must(ian, "/committee member add <@USIAN> St Helens & Knowsley Teaching Hospitals NHS Trust")
	k.must(ian, "/committee member add <@USEAN> Merseyside Fire & Rescue Service")
	k.must(ian, "/committee member add <@UZOE> Sefton CVS")
	k.steps([]step{
		{ian, "/apologies for sian Unwell", []string{"Apologies `for sian …` would be your own", "did you mean Siân Ní Bhriain (St Helens &amp; Knowsley Teaching Hospitals NHS Trust)? Name them as <@USIAN>"}},
		{ian, `/apologies for "Sian Ni Bhriain (St Helens & Knowsley Teaching Hospitals NHS Trust)" Unwell`, []string{"The apologies of <@USIAN> for the meeting"}},
		{ian, `/apologies for "Seán O'Neill" Court`, []string{"The apologies of <@USEAN> for the meeting"}},
		{ian, `/apologies for "Zoë Schmidt (Sefton CVS)" Away`, []string{"The apologies of <@UZOE> for the meeting"}},
	})
	want := []string{
		"USIAN Siân Ní Bhriain (St Helens & Knowsley Teaching Hospitals NHS Trust): Unwell by UIAN",
		"USEAN Seán O’Neill (Merseyside Fire & Rescue Service): Court by UIAN",
		// Kept as her name is typed precomposed, however Slack spelt it.
		"UZOE Zoë Schmidt (Sefton CVS): Away by UIAN",
	}
	if diff := cmp.Diff(histApologies(k), want); diff != "" {
		t.Errorf("apologies (-got +want):\n%s", diff)
	}
}

// TestMembersWhoseNamesDifferByAnAccent: Sean Murphy and Seán Murphy are
// two members. A name written as one of them spells is that one, for
// apologies, substitutes, attendance and the reports they owe; a name
// that may be either (neither's spelling) is asked about, not given to
// whichever was added first.
func TestMembersWhoseNamesDifferByAnAccent(t *testing.T) {
	k := attDay(t)
	k.dir["USEANA"] = "Sean Murphy"
	k.dir["USEANB"] = "Seán Murphy"
	k.dir["USEANC"] = "Séan Murphy"
	k.now = attAt(1, 9, 0)
	k.must(ian, "/committee member add <@USEANA> Merseyside Police")
	k.must(ian, "/committee member add <@USEANB> Merseyside Fire & Rescue Service")
	k.must(ian, "/agenda add 7.8 Fire Safety — Seán Murphy")
	if got := section(t, k.svc, "USEANA", "Reports you owe"); strings.Contains(got, "7.8") {
		t.Errorf("Sean Murphy is told he owes Seán Murphy's report: %q", got)
	}
	if got := section(t, k.svc, "USEANB", "Reports you owe"); !strings.Contains(got, "7.8") {
		t.Errorf("Seán Murphy is not told of his report: %q", got)
	}
	k.must(ian, "/committee member add <@USEANC> SWACA")
	k.steps([]step{
		{ian, `/apologies for "Seán Murphy" Court`, []string{"The apologies of <@USEANB> for the meeting"}},
		{ian, `/apologies for "Sean Murphy" Leave sub "Séan Murphy"`, []string{"The apologies of <@USEANA> for the meeting", "<@USEANC>"}},
	})
	if got := k.say(ian, "/apologies list"); !strings.Contains(got, "Seán Murphy (Merseyside Fire") || !strings.Contains(got, "Sean Murphy (Merseyside Police") {
		t.Errorf("the two are not listed apart:\n%s", got)
	}
	k.must(ian, "/apologies withdraw for <@USEANA>")
	k.must(ian, "/apologies withdraw for <@USEANB>")
	k.now = attAt(10, 10, 0)
	k.must(sue, "/meeting start")
	k.steps([]step{
		{ian, `/attendance "Seán Murphy" present`, []string{"Seán Murphy is marked present"}},
		// Seán, Séan: "Sean Murphy" is Sean's own spelling, so it is his.
		{ian, `/attendance "Sean Murphy" present`, []string{"Sean Murphy is marked present"}},
		// Neither's spelling: which is meant is asked.
		{ian, `/attendance "SEÁN MURPHY" late`, []string{"Seán Murphy is marked"}},
		{ian, `/attendance "Sèan Murphy" present`, []string{"may be any of 3 members", "<@USEANA>", "<@USEANB>", "<@USEANC>"}},
	})
}

// TestWithdrawApologiesEnteredUnderANameWithoutItsAccents: apologies
// entered for "Sian Ni Bhriain" before Siân Ní Bhriain was added stay
// under that name, which her own spelling does not claim; withdrawn for
// the name as entered, they are withdrawn, not answered as hers, of which
// she has none.
func TestWithdrawApologiesEnteredUnderANameWithoutItsAccents(t *testing.T) {
	k := meetingKit(t)
	k.dir["USIAN"] = "Siân Ní Bhriain"
	k.must(ian, `/apologies for "Sian Ni Bhriain (St Helens)" Unwell`)
	k.must(ian, "/committee member add <@USIAN> St Helens")
	got := k.say(ian, `/apologies withdraw for "Sian Ni Bhriain (St Helens)"`)
	if !strings.Contains(got, "are withdrawn") {
		t.Errorf("the apologies entered under the name were not withdrawn:\n%s", got)
	}
	if list := k.say(ian, "/apologies list"); strings.Contains(list, "Sian Ni Bhriain") {
		t.Errorf("they still stand:\n%s", list)
	}
}
