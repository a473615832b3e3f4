package commands_test

import (
	"strings"
	"testing"
)

// TestFormerMemberReadsTheirOwnHistory: someone removed from the committee
// still reads the history of their own records (apologies, declarations,
// membership, register, the actions they own), as a member does, and
// nothing of anyone else's that only members may see. A former chair
// keeps no more than any other former member.
func TestFormerMemberReadsTheirOwnHistory(t *testing.T) {
	k := agendaKit(t)
	k.importMinutes(ian, seedMinutes(t))
	k.must(ian, "/committee member add <@USUE> Sefton CVS chair")
	for _, s := range []struct{ user, line string }{
		{neil, "/apologies Unwell"},
		{neil, "/declare 7.5 personal Trustee of SWACA"},
		{neil, "/interests add other Trustee of SWACA"},
		{sue, "/apologies Leave"},
		{ian, "/action add 28 <@UNEIL> 2027-03-01 Circulate the youth ASB figures"},
		{ian, "/action add 28 <@USUE> 2027-03-01 Book the room"},
		{ian, "/committee member remove <@UNEIL>"},
		{ian, "/committee member remove <@USUE>"},
	} {
		k.must(s.user, s.line)
	}
	k.steps([]step{
		{neil, "/history apologies", []string{"on Thursday 10 December 2026: your records.",
			"<@UNEIL> sent apologies: Unwell",
			"apologies of <@UNEIL> withdrawn on removal from the committee _(removed by <@UIAN>)_"}},
		{neil, "/history declarations", []string{"item 7.5: <@UNEIL> declared: personal: Trustee of SWACA"}},
		{neil, "/history committee", []string{"*History of your membership* of Safer Sefton Together.", "<@UNEIL> removed, by <@UIAN>"}},
		{neil, "/interests history", []string{"*History of the register of interests* — Neil Frackelton", "Trustee of SWACA"}},
		{neil, "/action history 1", []string{"*History of action 1*", "added for <@UNEIL>"}},
		// Others' records stay the committee's.
		{neil, "/history apologies <@USUE>", []string{"You can read the history of your own records only, so I can't show you <@USUE>'s."}},
		{neil, "/interests history <@UIAN>", []string{"You can read the history of your own register only"}},
		{neil, "/action history 2", []string{"You are no longer a member of Safer Sefton Together, so you can read the history of your own actions only: action 2 is not yours."}},
		{neil, "/history minutes 9 December 2021", []string{"You are not a member of Safer Sefton Together."}},
		// The chair who has left reads as any former member.
		{sue, "/history apologies", []string{"your records.", "<@USUE> sent apologies: Leave"}},
		{sue, "/history apologies <@UNEIL>", []string{"You can read the history of your own records only"}},
		// Someone who never was a member has no records to read.
		{stranger, "/history apologies", []string{"You are not a member of Safer Sefton Together."}},
	})
	if got := k.say(neil, "/history apologies"); strings.Contains(got, "USUE") {
		t.Errorf("Neil reads Sue's apologies:\n%s", got)
	}
	if got := k.say(sue, "/history committee"); strings.Contains(got, "UNEIL") {
		t.Errorf("Sue reads Neil's membership:\n%s", got)
	}
}
