package bot

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"

	"github.com/slack-go/slack"
)

// An interaction payload is whatever its sender posts under a valid
// signature, or over Socket Mode: it is refused or acted on in a
// workspace, never read as one naming none, and a form's values are read
// only from the blocks it has.
func FuzzInteractionPayload(f *testing.F) {
	for _, s := range []string{
		`{"type":"block_actions","user":{"id":"UNEIL"},"team":{"id":"T1"},"actions":[]}`,
		`{"type":"block_actions","user":{"id":"UNEIL","team_id":"T2"},"actions":[{"action_id":"apologies.withdraw#3","value":"12"}],"response_url":"https://hooks.slack.com/x"}`,
		`{"type":"block_actions","user":{"id":"UNEIL"},"actions":[{"action_id":"x"}],"view":{"type":"home"}}`,
		`{"type":"view_submission","user":{"id":"UNEIL"},"team":{"id":"T1"}}`,
		`{"type":"view_submission","user":{"id":"UNEIL"},"team":{"id":"T1"},"view":{"callback_id":"apologies.send","private_metadata":"{\"c\":"}}`,
		`{"type":"view_submission","user":{"id":"UNEIL"},"view":{"callback_id":"agenda.import","private_metadata":"{\"t\":\"T1\",\"c\":\"C1\",\"m\":\"x\"}",` +
			`"blocks":[{"type":"input","block_id":"text","element":{"type":"plain_text_input","action_id":"v"},"label":{"type":"plain_text","text":"Agenda"}}],` +
			`"state":{"values":{"text":{"v":{"type":"plain_text_input","value":"1. Apologies"}},"more":{"v":{"type":"datepicker","selected_date":"2026-12-10"}},` +
			`"who":{"v":{"type":"users_select","selected_user":"U1"}},"pick":{"v":{"type":"multi_static_select","selected_options":[{"value":"a"},{"value":"b"}]}}}}}}`,
		`{"type":"view_submission","user":{"id":"UNEIL"},"view":{"state":{"values":{"b":{"a":{"selected_date":5}}}}}}`,
		`{"type":"block_actions","user":"UNEIL"}`,
		`{"type":"view_closed","user":{"id":"U"}}`,
		`{"type":"shortcut","user":{"id":"U"},"team":null}`,
		`{}`, `null`, `[]`, ``,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, payload string) {
		// Over HTTP the payload is a form field; reading it there must
		// give back what was sent.
		form, err := url.ParseQuery("payload=" + url.QueryEscape(payload))
		if err != nil || form.Get("payload") != payload {
			t.Fatalf("payload %q read back from its form as %q (%v)", payload, form.Get("payload"), err)
		}
		var cb slack.InteractionCallback
		if err := json.Unmarshal([]byte(payload), &cb); err != nil {
			return
		}
		sent := cb.Team.ID
		err = checkInteraction(&cb)
		switch cb.Type {
		case slack.InteractionTypeBlockActions, slack.InteractionTypeViewSubmission:
			if err == nil && cb.Team.ID == "" {
				t.Fatalf("%s accepted with no workspace: %q", cb.Type, payload)
			}
			if err == nil && sent != "" && cb.Team.ID != sent {
				t.Fatalf("%s sent from workspace %q acted on in %q", cb.Type, sent, cb.Team.ID)
			}
			if err == nil && cb.Type == slack.InteractionTypeBlockActions {
				act := cb.ActionCallback.BlockActions[0]
				if name := ActionName(act.ActionID); strings.Contains(name, "#") || !strings.HasPrefix(act.ActionID, name) {
					t.Fatalf("action %q named %q", act.ActionID, name)
				}
			}
		default:
			if err != nil {
				t.Fatalf("a %q payload, which does nothing, refused: %v", cb.Type, err)
			}
		}
		values := formValues(cb.View.State)
		for id, vs := range values {
			if cb.View.State == nil || cb.View.State.Values[id] == nil {
				t.Fatalf("form values %v name block %q, which the form has not", values, id)
			}
			// An option chosen with an empty value is kept as sent: the
			// forms' handlers look for the values their options carry.
			sent := map[string]bool{}
			for _, in := range cb.View.State.Values[id] {
				for _, o := range in.SelectedOptions {
					sent[o.Value] = true
				}
				for _, v := range []string{in.SelectedOption.Value, in.SelectedDate, in.SelectedUser, in.Value} {
					sent[v] = true
				}
			}
			for _, v := range vs {
				if !sent[v] {
					t.Fatalf("form values %v hold %q for %q, which the form did not send", values, v, id)
				}
			}
		}
		if id := firstInput(cb.View.Blocks); id != "" {
			found := false
			for _, b := range cb.View.Blocks.BlockSet {
				if in, ok := b.(*slack.InputBlock); ok && in.BlockID == id {
					found = true
				}
			}
			if !found {
				t.Fatalf("first input %q is not an input block of the form", id)
			}
		}
	})
}
