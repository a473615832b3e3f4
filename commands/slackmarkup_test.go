package commands_test

import (
	"context"
	"strings"
	"testing"
)

// TestMarkupKeptAsTheSenderSawIt: a web address, a channel or @here typed
// in a venue, an agenda item, an organisation or a committee's name
// reaches Quorum as Slack's markup; it is kept as the sender saw it, as in
// reasons, and so reads in the agenda, the list of members, the meetings
// and the committee's name, never as "<https://…|…>".
func TestMarkupKeptAsTheSenderSawIt(t *testing.T) {
	k := agendaKit(t)
	k.must(ian, "/meeting venue 2026-12-10 Microsoft Teams <https://teams.microsoft.com/l/meetup-join/19abc>")
	k.must(ian, "/meeting schedule 2027-01-14 10:00 Bootle Town Hall, see <http://www.sefton.gov.uk/bootle|www.sefton.gov.uk/bootle>")
	k.must(ian, "/agenda add 8 Budget consultation <http://www.sefton.gov.uk/budget|www.sefton.gov.uk/budget> for <!here> — Jo Bloggs (<#C123|finance>)")
	k.must(ian, "/agenda edit 5 Alternative Education <mailto:ae@sefton.gov.uk|ae@sefton.gov.uk>")
	k.must(ian, "/committee member add <@USTRANGER> Bootle Library <http://bootle.example|bootle.example>")

	agenda := k.say(neil, "/agenda")
	wantShown(t, agenda,
		"*Venue:* Microsoft Teams https://teams.microsoft.com/l/meetup-join/19abc",
		"Budget consultation www.sefton.gov.uk/budget for @here — _Jo Bloggs (#finance)_",
		"Alternative Education ae@sefton.gov.uk")
	wantShown(t, k.say(neil, "/meeting list"), "Bootle Town Hall, see www.sefton.gov.uk/bootle")
	wantShown(t, k.say(neil, "/committee members"), "Mallory — Bootle Library bootle.example")
	for _, text := range []string{agenda, k.say(neil, "/meeting list"), k.say(neil, "/committee members")} {
		if strings.Contains(text, "&lt;") || strings.Contains(text, "|") {
			t.Errorf("Slack's markup shown as text:\n%s", text)
		}
	}

	setup := k.request(stranger, "/committee setup Bootle <!here> Forum <http://bootle.example|bootle.example>")
	setup.ChannelID = "C5"
	r, err := k.svc.Run(context.Background(), setup)
	if err != nil {
		t.Fatal(err)
	}
	wantShown(t, r.Text, "This channel is now the channel of *Bootle @here Forum bootle.example*")
}
