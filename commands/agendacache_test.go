package commands_test

import (
	"context"
	"testing"

	"github.com/quorumhq/quorum/commands"
)

// An agenda asked for again is kept from before while its records stand;
// a change made through another replica, or by SQL outside Quorum (an
// import run from the command line), shows the next time it is asked for.
func TestAgendaAskedAgainShowsChangesMadeElsewhere(t *testing.T) {
	k := agendaKit(t)
	other := commands.New(k.db, people{ian: "Ian Barton", neil: "Neil Frackelton", graeme: "Graeme Robson", sue: "Sue Holden"})
	elsewhere := func(user, line string) {
		t.Helper()
		r, err := other.Run(context.Background(), k.request(user, line))
		if err != nil || r.Refused {
			t.Fatalf("%s through the other replica: %v %s", line, err, shown(r))
		}
	}
	agenda := func() string {
		t.Helper()
		a := k.say(neil, "/agenda")
		if again := k.say(neil, "/agenda"); again != a {
			t.Fatalf("the same agenda asked for twice differs:\n%s\n---\n%s", a, again)
		}
		return a
	}
	before := agenda()
	wantShown(t, before, "No apologies for absence have been received.")

	steps := []struct {
		user, line string
		want       string
	}{
		{graeme, "/apologies Unwell", "Apologies for absence were received from Graeme Robson"},
		{sue, "/declare 7.7 pecuniary Spouse employed by Sefton CVS", "Spouse employed by Sefton CVS"},
		{sue, "/interests add employment Spouse employed by Sefton CVS", "On the register of interests: Sue Holden"},
		{ian, "/agenda add 8 Any Other Business", "Any Other Business"},
		{neil, "/report 5 https://example.org/education.pdf Alternative education", "example.org/education.pdf"},
	}
	for _, s := range steps {
		elsewhere(s.user, s.line)
		wantShown(t, agenda(), s.want)
	}

	elsewhere(graeme, "/apologies withdraw")
	wantShown(t, agenda(), "*Apologies*\nNo apologies for absence have been received.")

	// Written by SQL, as an import or an administrator would.
	if _, err := k.db.SQL().Exec(`UPDATE agenda_items SET title = 'Provision of Alternative Education' WHERE title = 'Provision of Alternative Education Settings'`); err != nil {
		t.Fatal(err)
	}
	wantShown(t, agenda(), "*5* Provision of Alternative Education ·")
}
