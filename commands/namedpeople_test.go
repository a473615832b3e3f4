package commands_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/quorumhq/quorum/commands"
)

// TestNamedPersonOneHoweverTyped: someone not in Slack, entered by name,
// is one person however their name is typed — without its accents, with
// the other apostrophe, without their organisation: a second apology
// updates the first, marked present at the table their apologies are
// withdrawn, and the spelling and organisation on record are kept. The
// first apology is kept under the key of its own spelling, as apologies
// entered before names were matched so are.
func TestNamedPersonOneHoweverTyped(t *testing.T) {
	k := attDay(t)
	k.now = attAt(9, 9, 0)
	k.must(ian, `/apologies for "Seán O’Neill (Sefton CVS)" 10/12/2026 Holiday`)
	k.must(ian, `/apologies for "Sean O'Neill (Sefton CVS)" 10/12/2026 Holiday, back on 20th`)
	// One apology, under the key an apology for him has always had.
	if n := attRows(k, `SELECT count(*) FROM apologies WHERE member_key LIKE 'name:%'`); n != 1 {
		t.Errorf("%d apologies by name, want 1", n)
	}
	if n := attRows(k, `SELECT count(*) FROM apologies WHERE member_key = 'name:seán o’neill'`); n != 1 {
		t.Errorf("the apology is not under the key of the name first entered")
	}
	list := k.say(ian, "/apologies list 10/12/2026")
	wantShown(t, list, "Seán O’Neill (Sefton CVS)", "Holiday, back on 20th")
	if strings.Contains(list, "Sean O'Neill") {
		t.Errorf("the second apology, typed plainer, is of someone else:\n%s", list)
	}
	k.now = attAt(10, 9, 55)
	k.must(sue, "/meeting start")
	k.must(ian, `/attendance "sean o'neill" present`)
	att := k.say(ian, "/meeting attendance")
	wantShown(t, att, "Also present: Seán O’Neill (Sefton CVS).")
	if strings.Contains(att, "O'Neill") || strings.Contains(att, "Apologies: Neil Frackelton (SWACA) and") {
		t.Errorf("marked present by a plainer spelling, he is someone else, or his apologies stand:\n%s", att)
	}
}

// TestNamedPersonDeclarationWithApologiesNotMinuted: the declaration of
// someone not in Slack whose apologies stand is not minuted, as a
// member's is not: they were not there to declare it.
func TestNamedPersonDeclarationWithApologiesNotMinuted(t *testing.T) {
	k := attDay(t)
	k.now = attAt(9, 9, 0)
	k.must(ian, `/apologies for "Jen Williams (NW Probation)" 10/12/2026 Unwell`)
	k.must(ian, `/declare for "Jen Williams (NW Probation)" 10/12/2026 7.7 personal Employed by NW Probation`)
	k.now = attAt(10, 9, 55)
	k.must(sue, "/meeting start")
	k.must(sue, "/here")
	k.now = attAt(10, 11, 0)
	k.must(sue, "/meeting close")
	draft := k.say(ian, "/minutes draft")
	wantShown(t, draft, "Not minuted: the declarations of Jen Williams (who sent apologies).")
	for _, r := range []string{draft, k.say(ian, "/declare minutes 10/12/2026")} {
		if strings.Contains(r, "Jen Williams declared") {
			t.Errorf("the declaration of someone whose apologies stand is minuted:\n%s", r)
		}
	}
}

// TestNamedPersonKeepsSpellingOnRecord: a name typed at the table in a
// plainer form — without the accents of the substitute a member's
// apologies named, without the organisation the apologies gave — is
// minuted as spelt on record.
func TestNamedPersonKeepsSpellingOnRecord(t *testing.T) {
	k := attDay(t)
	k.now = attAt(9, 9, 0)
	k.must(neil, `/apologies 10/12/2026 Court sub "José Núñez (SWACA)"`)
	k.must(ian, `/apologies for "Jen Williams (NW Probation)" 10/12/2026 Unwell`)
	k.now = attAt(10, 9, 55)
	k.must(sue, "/meeting start")
	k.must(ian, `/attendance "Jose Nunez (SWACA)" substitute-for <@UNEIL>`)
	k.must(ian, `/attendance "Jen Williams" present`)
	att := k.say(ian, "/meeting attendance")
	wantShown(t, att, "José Núñez (SWACA) for Neil Frackelton", "Also present: Jen Williams (NW Probation).")
	if strings.Contains(att, "Jose Nunez") {
		t.Errorf("the substitute's name lost its accents:\n%s", att)
	}
}

// TestNamedPeopleOfOtherOrganisationsApart: two people of one name from
// different organisations are not merged: the second is refused, with
// how to tell them apart, and the first's apology stands as it was. The
// name without an organisation is the one on record.
func TestNamedPeopleOfOtherOrganisationsApart(t *testing.T) {
	k := attDay(t)
	k.now = attAt(9, 9, 0)
	k.must(ian, `/apologies for "Jo Smith (Merseyside Police)" 10/12/2026 Unwell`)
	r := k.run(ian, `/apologies for "Jo Smith (Sefton Council)" 10/12/2026 Training`)
	if !r.Refused {
		t.Fatalf("a second Jo Smith was taken for the first:\n%s", shown(r))
	}
	wantShown(t, shown(r), `"Jo Smith (Sefton Council)" has the name of Jo Smith (Merseyside Police), who is already on record for this meeting`)
	k.must(ian, `/apologies for "Jo Smith" 10/12/2026 Unwell, back next week`)
	list := k.say(ian, "/apologies list 10/12/2026")
	wantShown(t, list, "Jo Smith (Merseyside Police)", "Unwell, back next week")
	if strings.Contains(list, "Sefton Council") || strings.Contains(list, "Training") {
		t.Errorf("the apology of one Jo Smith was changed by another's:\n%s", list)
	}
}

// TestNamedActionOwnerOneHoweverTyped: actions given by name to the same
// person, typed once with accents and once without, have one owner, spelt
// as first given.
func TestNamedActionOwnerOneHoweverTyped(t *testing.T) {
	k, _ := actDay(t)
	k.must(ian, "/action add 9 <@UNEIL> 2026-12-20 Circulate the figures")
	k.must(ian, "/action add 9 <@UNEIL> 2026-12-21 Book the room")
	k.must(ian, `/action reassign 1 "Seán O’Neill (Sefton CVS)"`)
	wantShown(t, k.say(ian, `/action reassign 2 "Sean O'Neill"`), "Action 2 is now Seán O’Neill (Sefton CVS)'s.")
	wantShown(t, k.say(ian, `/action reassign 2 "sean o'neill (sefton cvs)"`), "Action 2 is Seán O’Neill (Sefton CVS)'s already; nothing was changed.")
	if list := k.say(ian, "/action list"); strings.Contains(list, "Sean O'Neill") {
		t.Errorf("the action given by a plainer spelling has another owner:\n%s", list)
	}
}

// TestNamedPersonWithdrawnHoweverTyped: the apologies and declaration of
// someone entered by name are withdrawn by their name typed in a plainer
// form, rather than said not to stand.
func TestNamedPersonWithdrawnHoweverTyped(t *testing.T) {
	k := attDay(t)
	k.now = attAt(9, 9, 0)
	k.must(ian, `/apologies for "Seán O’Neill (Sefton CVS)" 10/12/2026 Holiday`)
	k.must(ian, `/declare for "Seán O’Neill (Sefton CVS)" 10/12/2026 7.7 personal Volunteer at Sefton CVS`)
	k.must(ian, `/apologies withdraw for "Sean O'Neill" 10/12/2026`)
	k.must(ian, `/declare withdraw for "Sean O'Neill" 10/12/2026 7.7`)
	if list := k.say(ian, "/apologies list 10/12/2026"); strings.Contains(list, "Neill") {
		t.Errorf("his apologies stand:\n%s", list)
	}
	if list := k.say(ian, "/declare list 10/12/2026"); strings.Contains(list, "Neill") {
		t.Errorf("his declaration stands:\n%s", list)
	}
}

// TestNamedPersonReportReplacedHoweverTyped: a report link entered again
// for someone not in Slack, their name typed without its accents,
// replaces the first, as a member's second link does, rather than
// standing beside it as another person's.
func TestNamedPersonReportReplacedHoweverTyped(t *testing.T) {
	k := agendaKit(t)
	k.must(ian, `/report for "Siân Ní Bhriain (NW Probation)" 4 https://example.org/iom.pdf`)
	wantShown(t, k.say(ian, `/report for "Sian Ni Bhriain" 4 https://example.org/iom-v2.pdf`),
		"The report of Siân Ní Bhriain for Item 4 (Integrated Offender Management (IOM) Refresh Strategy) at the meeting on Thursday 10 December 2026 is replaced")
	if list := k.say(ian, "/report list"); strings.Contains(list, "iom.pdf|") || strings.Contains(list, "Sian") {
		t.Errorf("the first link stands beside the second:\n%s", list)
	}
}

// TestNamedPeopleOfOtherOrganisationsApartOnceDeclared: a second Jo Smith
// from another organisation is refused as well once the first has a
// declaration or a report link, which keep no organisation, rather than
// taking over the first's apology and changing its organisation.
func TestNamedPeopleOfOtherOrganisationsApartOnceDeclared(t *testing.T) {
	for _, also := range []string{
		`/declare for "Jo Smith (Merseyside Police)" 10/12/2026 7.7 personal Employed by Merseyside Police`,
		`/report for "Jo Smith (Merseyside Police)" 7.7 https://example.org/policing.pdf`,
	} {
		k := attDay(t)
		k.now = attAt(9, 9, 0)
		k.must(ian, `/apologies for "Jo Smith (Merseyside Police)" 10/12/2026 Unwell`)
		k.must(ian, also)
		r := k.run(ian, `/apologies for "Jo Smith (Sefton Council)" 10/12/2026 Training`)
		if !r.Refused {
			t.Errorf("after %s, a second Jo Smith was taken for the first:\n%s", also, shown(r))
		}
		wantShown(t, shown(r), `"Jo Smith (Sefton Council)" has the name of Jo Smith (Merseyside Police), who is already on record for this meeting`)
		list := k.say(ian, "/apologies list 10/12/2026")
		wantShown(t, list, "Jo Smith (Merseyside Police)", "Unwell")
		if strings.Contains(list, "Sefton Council") || strings.Contains(list, "Training") {
			t.Errorf("after %s, the apology of one Jo Smith was changed by another's:\n%s", also, list)
		}
	}
}

// TestNamedSubstituteOfOtherOrganisationApart: the substitute a member's
// apologies name by name is on record too. Apologies for another of that
// name from another organisation are refused, as their records would be
// the substitute's; the substitute is then marked at the table for the
// member; and withdrawing apologies for the substitute says they have
// none, rather than that they would share someone's records.
func TestNamedSubstituteOfOtherOrganisationApart(t *testing.T) {
	k := attDay(t)
	k.now = attAt(9, 9, 0)
	k.must(neil, `/apologies 10/12/2026 Court sub "Jo Smith (Sefton Council)"`)
	r := k.run(ian, `/apologies for "Jo Smith (Merseyside Police)" 10/12/2026 Unwell`)
	if !r.Refused {
		t.Errorf("apologies for another of the substitute's name were taken:\n%s", shown(r))
	}
	wantShown(t, shown(r), `"Jo Smith (Merseyside Police)" has the name of Jo Smith (Sefton Council), who is already on record for this meeting`)
	wantShown(t, k.say(ian, `/apologies withdraw for "Jo Smith (Sefton Council)" 10/12/2026`),
		"Jo Smith (Sefton Council) has no apologies standing for the meeting on")
	k.now = attAt(10, 9, 55)
	k.must(sue, "/meeting start")
	k.must(ian, `/attendance "Jo Smith (Sefton Council)" substitute-for <@UNEIL>`)
	wantShown(t, k.say(ian, "/meeting attendance"), "Jo Smith (Sefton Council) for Neil Frackelton")
}

// TestNamedActionOwnerOfTwoKeptAsTyped: given by a name that two owners
// from different organisations have, an action is neither's: it keeps
// the name as typed, rather than going to whichever came first.
func TestNamedActionOwnerOfTwoKeptAsTyped(t *testing.T) {
	k, _ := actDay(t)
	k.must(ian, "/action add 9 <@UNEIL> 2026-12-20 Circulate the figures")
	k.must(ian, "/action add 9 <@UNEIL> 2026-12-21 Book the room")
	k.must(ian, "/action add 9 <@UNEIL> 2026-12-22 Write to the police")
	k.must(ian, `/action reassign 1 "Jo Smith (Merseyside Police)"`)
	k.must(ian, `/action reassign 2 "Jo Smith (Sefton Council)"`)
	r := k.say(ian, `/action reassign 3 "Jo Smith"`)
	wantShown(t, r, "Action 3 is now Jo Smith's.")
	if strings.Contains(r, "Merseyside Police") || strings.Contains(r, "Sefton Council") {
		t.Errorf("the action went to one of the two Jo Smiths:\n%s", r)
	}
}

// TestNamedActionOwnerFoundAmongManyActions: the owner of an action given
// by name is found however many actions the committee has, not only
// among those a list reads, so that an action given again by their name
// typed plainer is theirs, spelt as first given.
func TestNamedActionOwnerFoundAmongManyActions(t *testing.T) {
	k, _ := actDay(t)
	var first, last int
	fmt.Sscanf(k.say(ian, "/action add 9 <@UNEIL> 2027-01-30 Circulate the figures"), "Action %d", &first)
	k.must(ian, fmt.Sprintf(`/action reassign %d "Seán O’Neill (Sefton CVS)"`, first))
	for i := range commands.MaxActionsListed {
		fmt.Sscanf(k.say(ian, fmt.Sprintf("/action add 9 <@UNEIL> 2026-12-20 Book room %d", i+1)), "Action %d", &last)
	}
	wantShown(t, k.say(ian, fmt.Sprintf(`/action reassign %d "Sean O'Neill"`, last)),
		fmt.Sprintf("Action %d is now Seán O’Neill (Sefton CVS)'s.", last))
}

// TestNamedPersonRecordsOfTwoSpellingsWithdrawn: records entered before
// names were matched may be kept under two spellings of one name. The
// declaration kept under the spelling typed is withdrawn by it, rather
// than said not to stand because the apology, under the other, was found
// first.
func TestNamedPersonRecordsOfTwoSpellingsWithdrawn(t *testing.T) {
	k := attDay(t)
	k.now = attAt(9, 9, 0)
	k.must(ian, `/apologies for "Seán O’Neill (Sefton CVS)" 10/12/2026 Holiday`)
	k.must(ian, `/declare for "Seán O’Neill (Sefton CVS)" 10/12/2026 7.7 personal Volunteer at Sefton CVS`)
	if _, err := k.db.SQL().Exec(`UPDATE declarations SET member_key = 'name:sean o''neill', name = 'Sean O''Neill' WHERE member_key = 'name:seán o’neill'`); err != nil {
		t.Fatal(err)
	}
	k.must(ian, `/declare withdraw for "Sean O'Neill" 10/12/2026 7.7`)
	if list := k.say(ian, "/declare list 10/12/2026"); strings.Contains(list, "Neill") {
		t.Errorf("the declaration stands:\n%s", list)
	}
}
