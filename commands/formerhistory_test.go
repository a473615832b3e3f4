package commands_test

import (
	"strings"
	"testing"
	"time"
)

// TestFormerMemberReadsTheirOwnHistory: someone removed from the committee
// still reads the history of their own records (apologies, declarations,
// membership, register, the actions they own, the corrections they
// proposed), as a member does, and nothing of anyone else's that only
// members may see. A former chair keeps no more than any other former
// member.
func TestFormerMemberReadsTheirOwnHistory(t *testing.T) {
	k := decDay(t)
	k.must(ian, "/resolve 7.7 That the report be noted.")
	k.must(neil, "/here")
	k.must(sue, "/meeting close")
	k.must(ian, "/meeting schedule 2027-01-14 15:30 Bootle Town Hall")
	k.now = time.Date(2026, 12, 11, 9, 0, 0, 0, london)
	for _, s := range []struct{ user, line string }{
		{neil, "/minutes comment 9 The report was by the deputy."},
		{sue, "/minutes comment 9 The figures were for the quarter."},
		{neil, "/apologies Unwell"},
		{neil, "/declare 3 personal Trustee of SWACA"},
		{neil, "/interests add other Trustee of SWACA"},
		{sue, "/apologies Leave"},
		{ian, "/action add 9 <@UNEIL> 2027-03-01 Circulate the SWACA figures"},
		{ian, "/action add 9 <@USUE> 2027-03-01 Book the room"},
		{ian, "/committee member remove <@UNEIL>"},
		{ian, "/committee member remove <@USUE>"},
	} {
		k.must(s.user, s.line)
	}
	k.steps([]step{
		{neil, "/history apologies", []string{"on Thursday 14 January 2027: your records.",
			"<@UNEIL> sent apologies: Unwell",
			"apologies of <@UNEIL> withdrawn on removal from the committee _(removed by <@UIAN>)_"}},
		{neil, "/history declarations", []string{"item 3: <@UNEIL> declared: personal: Trustee of SWACA"}},
		{neil, "/history committee", []string{"*History of your membership* of Safer Sefton Together.", "<@UNEIL> removed, by <@UIAN>"}},
		{neil, "/interests history", []string{"*History of the register of interests* — Neil Frackelton", "Trustee of SWACA"}},
		{neil, "/action history 1", []string{"*History of action 1*", "added for <@UNEIL>"}},
		{neil, "/history attendance 10 December 2026", []string{"on Thursday 10 December 2026: your marks.", "<@UNEIL> marked present"}},
		// The minutes' trail is a public record: a former member reads it
		// with the corrections they proposed, and no one else's.
		{neil, "/history minutes 10 December 2026", []string{"minute 9: resolved, recorded by <@UIAN>: “That the report be noted.”",
			"correction proposed by <@UNEIL>: “The report was by the deputy.”", "Corrections proposed by other members are shown only to them"}},
		{neil, "/history resolution 10 December 2026 9", []string{"*History of minute 9*", "correction proposed by <@UNEIL>"}},
		// Others' records stay the committee's.
		{neil, "/history apologies <@USUE>", []string{"You can read the history of your own records only, so I can't show you <@USUE>'s."}},
		{neil, "/interests history <@UIAN>", []string{"You can read the history of your own register only"}},
		{neil, "/action history 2", []string{"You are no longer a member of Safer Sefton Together, so you can read the history of your own actions only: action 2 is not yours."}},
		// The chair who has left reads as any former member.
		{sue, "/history apologies", []string{"your records.", "<@USUE> sent apologies: Leave"}},
		{sue, "/history apologies <@UNEIL>", []string{"You can read the history of your own records only"}},
		// Someone who never was a member has no records to read.
		{stranger, "/history apologies", []string{"You are not a member of Safer Sefton Together."}},
		{stranger, "/history minutes 10 December 2026", []string{"You are not a member of Safer Sefton Together."}},
	})
	for _, line := range []string{"/history apologies", "/history minutes 10 December 2026"} {
		if got := k.say(neil, line); strings.Contains(got, "USUE") {
			t.Errorf("%s shows Neil Sue's records:\n%s", line, got)
		}
	}
	if got := k.say(sue, "/history committee"); strings.Contains(got, "UNEIL") {
		t.Errorf("Sue reads Neil's membership:\n%s", got)
	}
}
