package commands_test

import (
	"os"
	"strings"
	"testing"
)

// TestPasteFormErrorsReadAsTyped: what a paste form says against its box
// is shown as plain text, so the item titles it quotes read as they were
// typed ("Fire & Rescue <Update>"), not as Slack's escapes ("Fire &amp;
// Rescue &lt;Update&gt;").
func TestPasteFormErrorsReadAsTyped(t *testing.T) {
	k := newKit(t)
	k.must(ian, "/committee setup Parks &amp; Recreation")
	k.must(ian, "/committee member add <@UNEIL> SWACA")
	k.must(ian, "/meeting schedule 2026-12-10 10:00 Remote Meeting")
	k.must(ian, "/agenda add 5 Fire &amp; Rescue &lt;Update&gt;")

	raw, err := os.ReadFile("testdata/sefton-2022-03-17-agenda.txt")
	if err != nil {
		t.Fatal(err)
	}
	pack := strings.Replace(string(raw), "Thursday 17th March, 2022", "Thursday 10th December, 2026", 1)
	open := k.must(ian, "/agenda import")
	_, errs := k.submit(k.request(ian, ""), open.Form, map[string]string{"text": pack})
	if got := errs["text"]; !strings.Contains(got, "4 Fire & Rescue <Update>") || strings.Contains(got, "&amp;") || strings.Contains(got, "&lt;") {
		t.Errorf("agenda import form says %q, want the item that would go named as typed", got)
	}

}
