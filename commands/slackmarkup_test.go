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

// TestNamesInQuotesKeepWhatTheSenderSaw: an organisation typed with a
// name in quotes ("Jo Smyth (sefton.gov.uk)") reaches Quorum as a link,
// and is read as the sender saw it, as a member's organisation is: a slip
// in a member's name is caught by their organisation, and someone not in
// Slack, their substitute, a guest at the meeting and an action's owner
// are listed under what was typed, never "<http://…|…>"; a member named
// without their mention is offered it in place of name and organisation.
func TestNamesInQuotesKeepWhatTheSenderSaw(t *testing.T) {
	k := agendaKit(t)
	k.must(ian, "/committee member add <@UGRAEME> <http://sefton.gov.uk|sefton.gov.uk>")
	r := k.run(ian, `/apologies for "Graeme Robsn (<http://sefton.gov.uk|sefton.gov.uk>)" Unwell`)
	if !r.Refused || !strings.Contains(r.Text, `"Graeme Robsn (sefton.gov.uk)" is not a member of Safer Sefton Together: did you mean Graeme Robson (sefton.gov.uk)? Name them as <@UGRAEME>.`) {
		t.Errorf("a slip in a member's name, with their organisation:\n%s", r.Text)
	}
	k.must(ian, `/apologies for "Jo Smyth (<http://x.org|x.org>)" Unwell sub "Al Jones (<http://y.org|y.org>)"`)
	list := k.say(ian, "/apologies list")
	wantShown(t, list, "Apologies for absence were received from Jo Smyth (x.org).", "Substitutes: Al Jones (y.org) for Jo Smyth.")

	k, _ = actDay(t) // the meeting sitting, minute 9 on record
	k.must(ian, `/attendance "Kim Lee (<http://z.org|z.org>)" present`)
	k.must(ian, `/action add 9 "Lee Kim (<http://w.org|w.org>)" 2026-12-20 Circulate the figures`)
	// A member named without their mention is answered with the mark as
	// it would be made, their organisation taken off with their name.
	k.must(ian, "/committee member add <@UGRAEME> <http://sefton.gov.uk|sefton.gov.uk>")
	if r := k.run(ian, "/attendance Graeme Robson (<http://sefton.gov.uk|sefton.gov.uk>) present"); !strings.Contains(r.Text, "`/attendance <@UGRAEME> present`") {
		t.Errorf("a member named without their mention:\n%s", r.Text)
	}
	wantShown(t, k.say(ian, "/meeting attendance"), "Kim Lee (z.org)")
	wantShown(t, k.say(ian, "/action list"), "Lee Kim (w.org)")
	for _, text := range []string{list, k.say(ian, "/meeting attendance"), k.say(ian, "/action list")} {
		if strings.Contains(text, "http") || strings.Contains(text, "|") {
			t.Errorf("Slack's markup kept in a name:\n%s", text)
		}
	}
}
