package commands_test

import (
	"strings"
	"testing"
)

// TestSlackNamesStayOnTheirLine: a name comes from Slack, not typed to
// Quorum, so nothing refused what it holds. A line break in it does not
// start a line of its own in a list ("• Neil Frackelton: forged"), a
// direction override does not turn round the words after it, and a NUL
// does not keep the member from being added: each is left out, and the
// name reads as the rest of it.
func TestSlackNamesStayOnTheirLine(t *testing.T) {
	k := meetingKit(t)
	k.dir[stranger] = "Mallory\u202e Evil\n• Neil Frackelton: forged"
	k.dir[sue] = "Sue\x00 Holden"
	k.must(ian, "/committee member add <@USTRANGER> Bootle Library")
	k.must(ian, "/committee member add <@USUE> Sefton CVS")
	k.must(stranger, "/apologies Unwell")

	members := k.say(ian, "/committee members")
	wantShown(t, members, "• Mallory Evil • Neil Frackelton: forged — Bootle Library", "• Sue Holden — Sefton CVS")
	list := k.say(ian, "/apologies list")
	wantShown(t, list, "• Mallory Evil • Neil Frackelton: forged: Unwell (sent")
	for _, text := range []string{members, list} {
		if strings.ContainsAny(text, "\u202e\x00") || strings.Contains(text, "\n• Neil Frackelton: forged") {
			t.Errorf("a name from Slack shown as it came:\n%q", text)
		}
	}
}
