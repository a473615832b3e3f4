package bot_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/quorumhq/quorum/internal/bottest"
)

// setupIn runs /committee setup NAME as user from channel.
func setupIn(t *testing.T, k *bottest.Kit, channel, user, name string) string {
	t.Helper()
	form := bottest.CommandForm(user, "/committee", "setup "+name)
	form.Set("channel_id", channel)
	status, body := k.Post("/slack/commands", form)
	if status != http.StatusOK {
		t.Fatalf("setup %q: %d %s", name, status, body)
	}
	var r struct{ Text string }
	if err := json.Unmarshal(body, &r); err != nil {
		t.Fatal(err)
	}
	return r.Text
}

// TestLookAlikeCommitteeNames: a name that differs from an existing
// committee's only by invisible characters, compatibility forms or
// look-alike letters of another alphabet is refused; a name mixing scripts
// is stored normalised, with a warning.
func TestLookAlikeCommitteeNames(t *testing.T) {
	k := newCommittee(t)
	for i, name := range []string{
		"Safer Sefton\u200b Together", // zero-width space
		"Safer \u2067Sefton Together", // right-to-left isolate
		"Ｓafer Sefton Together",       // full-width S
		"S\u00adafer Sefton Together", // soft hyphen
		"S\u0430fer Sefton Together",  // Cyrillic а
		"SAFER SEFT\u041eN TOGETHER",  // capitals, with a Cyrillic О
	} {
		text := setupIn(t, k, fmt.Sprintf("C9%d", i), "UOTHER", name)
		if !strings.Contains(text, "Safer Sefton Together") || strings.Contains(text, "is now the channel of") {
			t.Errorf("setup %q was not refused as Safer Sefton Together's look-alike: %s", name, text)
		}
	}
	text := setupIn(t, k, "C80", "UOTHER", "Bootle\u200d Area \u2066Partnership\u2069 \u0421ommittee")
	if !strings.Contains(text, "is now the channel of *Bootle Area Partnership \u0421ommittee*") ||
		!strings.Contains(text, "mixes letters of Cyrillic and Latin") {
		t.Errorf("a mixed-script name: %s", text)
	}
	if _, err := k.DB.CommitteeByName(context.Background(), "Bootle Area Partnership \u0421ommittee"); err != nil {
		t.Errorf("the name is not stored normalised: %v", err)
	}
	text = setupIn(t, k, "C81", "UOTHER", "Bootle Area Partnership Committee")
	if !strings.Contains(text, "reads the same as *Bootle Area Partnership \u0421ommittee*") {
		t.Errorf("the Latin twin of a mixed-script name: %s", text)
	}
}

// TestSetupRefusedInAGroupsMessages: Slack sends a group of people
// messaging each other with an ID like a private channel's and a name of
// its own kind ("mpdm-…"); /committee setup there is refused as in a
// direct message, while a private channel, whose ID may start with G too,
// is set up.
func TestSetupRefusedInAGroupsMessages(t *testing.T) {
	k := bottest.New(t)
	for _, c := range []struct {
		id, name string
		refused  bool
	}{
		{"G0GROUP", "mpdm-ian--neil--sue-1", true},
		{"D0IAN", "directmessage", true},
		{"G0PRIVATE", "sst-officers", false},
	} {
		form := bottest.CommandForm("UIAN", "/committee", "setup Safer Sefton Together")
		form.Set("channel_id", c.id)
		form.Set("channel_name", c.name)
		r := k.Slash(form)
		refused := strings.Contains(r.Text(), "A committee needs a channel of its own, not a direct message")
		if refused != c.refused {
			t.Errorf("setup in %s (%s): %s", c.id, c.name, r.Text())
		}
	}
}
