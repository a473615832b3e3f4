package commands_test

import (
	"strings"
	"testing"
	"time"
)

// TestHistoryRefusalNamesWhoMay: a member who asks for someone else's
// history is told who can read it — the officers, the chair and the
// vice-chair, who sees everyone's — and the vice-chair, asked, can.
func TestHistoryRefusalNamesWhoMay(t *testing.T) {
	k := agendaKit(t)
	k.must(ian, "/committee member add <@USTRANGER> Bootle Library vice-chair")
	k.must(sue, "/apologies Unwell")
	k.now = time.Date(2026, 12, 10, 9, 50, 0, 0, london)
	k.must(ian, "/meeting start")
	k.must(ian, "/attendance <@USUE> present")
	for _, line := range []string{"/history apologies <@USUE>", "/history committee <@USUE>", "/history attendance <@USUE>"} {
		r := k.run(neil, line)
		if !r.Refused || !strings.Contains(r.Text, "An officer, the chair or the vice-chair of Safer Sefton Together can.") {
			t.Errorf("%s from a member: %q, want it to name who can read it", line, r.Text)
		}
		if r := k.run(stranger, line); r.Refused || !strings.Contains(shown(r), "<@USUE>") {
			t.Errorf("%s from the vice-chair: %q, want Sue's history", line, shown(r))
		}
	}
}
