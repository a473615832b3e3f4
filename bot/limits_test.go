package bot_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/quorumhq/quorum/bot"
	"github.com/quorumhq/quorum/commands"
)

// TestReplyCutSaysWhereTheRestIs: a reply too long even for the parts a
// command's answer may come in is cut, and the cut says where to read it
// whole.
func TestReplyCutSaysWhereTheRestIs(t *testing.T) {
	var secs []commands.Section
	for i := range 400 {
		secs = append(secs, commands.Section{Title: fmt.Sprintf("Member %d", i), Text: strings.Repeat("Trustee of SWACA. ", 100)})
	}
	msg := bot.Message(commands.Reply{Sections: secs, More: "`/interests register @member` shows one member's in full."})
	b, _ := json.Marshal(msg)
	if !strings.Contains(string(b), "not shown: `/interests register @member` shows one member's in full.") {
		t.Errorf("the cut does not say where the rest is:\n%s", b[max(0, len(b)-400):])
	}
}
