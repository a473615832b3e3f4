package storage_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/quorumhq/quorum/commands"
	"github.com/quorumhq/quorum/storage/pgtest"
)

// parseItems reads "5 Title — Presenter (Organisation)" lines as an
// agenda import has them.
func parseItems(lines ...string) []commands.AgendaItem {
	var out []commands.AgendaItem
	for _, l := range lines {
		number, rest, _ := strings.Cut(l, " ")
		title, who, _ := strings.Cut(rest, " — ")
		presenter, org, _ := strings.Cut(who, " (")
		out = append(out, commands.AgendaItem{Number: number, Title: title, Presenter: presenter, Organisation: strings.TrimSuffix(org, ")")})
	}
	return out
}

// itemLine is an item as parseItems reads it.
func itemLine(it commands.AgendaItem) string {
	line := it.Number + " " + it.Title
	if it.Presenter != "" {
		line += " — " + it.Presenter
	}
	if it.Organisation != "" {
		line += " (" + it.Organisation + ")"
	}
	return line
}

// TestImportAgendaKeepsTheSameItems: a revised agenda imported over one
// on record keeps the rows of the items it still has, renumbered or with
// another presenter, so that what was declared or reported on them stays
// on them; only what it does not have in any form is taken off (and
// asked about), and added afresh. Chains and rings of renumbering are
// made in the one transaction without tripping over the rule that one
// item stands at a number.
func TestImportAgendaKeepsTheSameItems(t *testing.T) {
	cases := []struct {
		name                 string
		before, after        []string
		going                []string // what Ask is given
		moved, changed       int
		added, removed       int
		keeps                map[string]string // TitleKey of a title: the number its row has now
		historyMoves         []string          // "from to" of the agenda's moves, in order
		historyEditedNumbers []string
	}{
		{
			name:   "a new item inserted renumbers the rest",
			before: []string{"7.1 Sefton Council — Janette Maxwell", "7.2 Sefton CCG — Tracy Forshaw", "7.3 SWACA — Kate Ellis (SWACA)", "7.4 Sefton CVS — Sue Holden (Sefton CVS)", "8 Date of Next Meeting"},
			after:  []string{"7.1 Sefton Council — Janette Maxwell", "7.2 Sefton CCG — Tracy Forshaw", "7.3 Merseyside Police — Graeme Robson", "7.4 SWACA — Kate Ellis (SWACA)", "7.5 Sefton CVS — Sue Holden (Sefton CVS)", "8 Date of Next Meeting"},
			moved:  2, added: 1,
			keeps:        map[string]string{"swaca": "7.4", "sefton cvs": "7.5", "sefton ccg": "7.2"},
			historyMoves: []string{"7.4 7.5", "7.3 7.4"},
		},
		{
			name:                 "a new presenter is a change in place",
			before:               []string{"6 Local Policing Update — Graeme Robson (Merseyside Police)", "7 SWACA — Kate Ellis (SWACA)"},
			after:                []string{"6 Local Policing Update — Superintendent Mark Wiggins (Merseyside Police)", "7 swaca — Neil Frackelton"},
			changed:              2,
			keeps:                map[string]string{"local policing update": "6", "swaca": "7"},
			historyEditedNumbers: []string{"6", "7"},
		},
		{
			name:   "two items swapped",
			before: []string{"5 Provision of Alternative Education Settings", "6 Local Policing Update — Graeme Robson (Merseyside Police)"},
			after:  []string{"5 Local Policing Update — Graeme Robson (Merseyside Police)", "6 Provision of Alternative Education Settings"},
			moved:  2,
			keeps:  map[string]string{"provision of alternative education settings": "6", "local policing update": "5"},
			// One steps aside to a spare number, as an officer would.
			historyMoves: []string{"6 5", "5 6"},
		},
		{
			name:         "a ring of three and a chain",
			before:       []string{"5 Alpha", "6 Beta", "7 Gamma", "8 Delta", "9 Epsilon"},
			after:        []string{"5 Gamma", "6 Alpha", "7 Beta", "9 Delta", "10 Epsilon"},
			moved:        5,
			keeps:        map[string]string{"alpha": "6", "beta": "7", "gamma": "5", "delta": "9", "epsilon": "10"},
			historyMoves: []string{"9 10", "8 9", "7 5", "6 7", "5 6"},
		},
		{
			// Two items of one title are not told apart by it: both go, and
			// the one the revised agenda has is added; the items of a title
			// of their own are renumbered.
			name:   "a title that repeats is not matched",
			before: []string{"4 Any Other Business", "5 Youth Justice — Adele Maddocks", "6 Any Other Business", "7 Date of Next Meeting"},
			after:  []string{"4 Youth Justice — Adele Maddocks", "5 Any Other Business", "6 Date of Next Meeting"},
			going:  []string{"4 Any Other Business", "6 Any Other Business"},
			moved:  2, added: 1, removed: 2,
			keeps:        map[string]string{"youth justice": "4", "date of next meeting": "6"},
			historyMoves: []string{"5 4", "7 6"},
		},
		{
			// One of them stands where it stood: it is kept, and only the
			// other goes.
			name:   "a title that repeats, one kept",
			before: []string{"4 Any Other Business", "5 Youth Justice — Adele Maddocks", "6 Any Other Business", "7 Date of Next Meeting"},
			after:  []string{"4 Any Other Business", "5 Youth Justice — Adele Maddocks", "6 Date of Next Meeting"},
			going:  []string{"6 Any Other Business"},
			moved:  1, removed: 1,
			keeps:        map[string]string{"youth justice": "5", "date of next meeting": "6"},
			historyMoves: []string{"7 6"},
		},
		{
			// A title that stands once on each agenda is the same item
			// under another number, whoever presents it now: renumbered,
			// then changed in place.
			name:   "moved and changed keeps the item",
			before: []string{"5 SWACA — Kate Ellis (SWACA)", "6 Date of Next Meeting"},
			after:  []string{"5 Sefton CVS — Sue Holden", "6 SWACA — Neil Frackelton", "7 Date of Next Meeting"},
			moved:  2, added: 1,
			keeps:                map[string]string{"swaca": "6", "date of next meeting": "7"},
			historyMoves:         []string{"6 7", "5 6"},
			historyEditedNumbers: []string{"6"},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			db := pgtest.New(t)
			ctx := context.Background()
			c := setupCommittee(t, db)
			starts := time.Date(2026, 12, 10, 10, 0, 0, 0, meetingZone)
			first, err := db.ImportAgenda(ctx, commands.AgendaImport{CommitteeID: c.ID, SHA256: "first", StartsAt: starts, Items: parseItems(tc.before...)}, "UOFF")
			if err != nil {
				t.Fatal(err)
			}
			was, err := db.AgendaItems(ctx, first.MeetingID)
			if err != nil {
				t.Fatal(err)
			}
			idOf := map[string]int64{}
			for _, it := range was {
				idOf[commands.TitleKey(it.Title)] = it.ID
			}

			var asked []string
			res, err := db.ImportAgenda(ctx, commands.AgendaImport{CommitteeID: c.ID, SHA256: "revised", StartsAt: starts, Items: parseItems(tc.after...),
				Ask: func(g commands.AgendaGoing) error {
					for _, it := range g.Items {
						asked = append(asked, itemLine(it))
					}
					return nil
				}}, "UOFF")
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(asked, tc.going); diff != "" {
				t.Errorf("asked about (-got +want):\n%s", diff)
			}
			got := [4]int{res.ItemsMoved, res.ItemsChanged, res.ItemsAdded, res.ItemsRemoved}
			if want := [4]int{tc.moved, tc.changed, tc.added, tc.removed}; got != want {
				t.Errorf("moved, changed, added, removed: %v, want %v", got, want)
			}

			now, err := db.AgendaItems(ctx, first.MeetingID)
			if err != nil {
				t.Fatal(err)
			}
			var lines []string
			for _, it := range now {
				lines = append(lines, itemLine(it))
				if number, ok := tc.keeps[commands.TitleKey(it.Title)]; ok {
					if it.ID != idOf[commands.TitleKey(it.Title)] || it.Number != number {
						t.Errorf("%s is item %s (row %d), want the row it had (%d) as item %s", it.Title, it.Number, it.ID, idOf[commands.TitleKey(it.Title)], number)
					}
				}
			}
			if diff := cmp.Diff(lines, tc.after); diff != "" {
				t.Errorf("the agenda after the import (-got +want):\n%s", diff)
			}

			changes, err := db.History(ctx, first.MeetingID, commands.HistoryAgenda)
			if err != nil {
				t.Fatal(err)
			}
			var moves, edited []string
			for _, ch := range changes {
				switch ch.Action {
				case "moved":
					to, _, _ := strings.Cut(strings.TrimPrefix(ch.Detail, "to "), " — ")
					moves = append(moves, ch.Item+" "+to)
				case "edited":
					edited = append(edited, ch.Item)
				}
			}
			if diff := cmp.Diff(moves, tc.historyMoves); diff != "" {
				t.Errorf("the moves in the history (-got +want):\n%s", diff)
			}
			if diff := cmp.Diff(edited, tc.historyEditedNumbers); diff != "" {
				t.Errorf("the changes in place in the history (-got +want):\n%s", diff)
			}
			// Each item's entry as added has the number it was added under,
			// read back through the moves.
			var added []string
			for _, ch := range changes {
				if ch.Action == "added" && ch.At.Equal(changes[0].At) {
					added = append(added, ch.Item+" "+ch.Detail)
				}
			}
			var wantAdded []string
			for _, it := range parseItems(tc.before...) {
				wantAdded = append(wantAdded, it.Number+" "+it.Title)
			}
			if diff := cmp.Diff(added, wantAdded); diff != "" {
				t.Errorf("the items as first added, in the history (-got +want):\n%s", diff)
			}
		})
	}
}

// TestImportAgendaShuffled imports one revised agenda after another into
// a meeting, each its items shuffled, some dropped and some new: every
// import makes the agenda what it has, and each item of a title both have
// keeps its row, wherever the numbers take it.
func TestImportAgendaShuffled(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	c := setupCommittee(t, db)
	starts := time.Date(2026, 12, 10, 10, 0, 0, 0, meetingZone)
	rng := rand.New(rand.NewPCG(11, 3))
	rowOf := map[string]int64{}
	addedAs := map[string]string{}
	var meetingID int64
	fresh := 0
	var titles []string
	for round := 0; round < 25; round++ {
		// Keep most titles, drop some, add some, then shuffle them over
		// the numbers 1 to len.
		var next []string
		for _, title := range titles {
			if rng.IntN(6) > 0 {
				next = append(next, title)
			}
		}
		for n := rng.IntN(3); n >= 0 || len(next) < 2; n-- {
			fresh++
			next = append(next, fmt.Sprintf("Item %d", fresh))
		}
		rng.Shuffle(len(next), func(i, j int) { next[i], next[j] = next[j], next[i] })
		titles = next
		var items []commands.AgendaItem
		for i, title := range titles {
			items = append(items, commands.AgendaItem{Number: strconv.Itoa(i + 1), Title: title})
			if _, ok := addedAs[title]; !ok {
				addedAs[title] = strconv.Itoa(i + 1)
			}
		}
		res, err := db.ImportAgenda(ctx, commands.AgendaImport{CommitteeID: c.ID, SHA256: fmt.Sprintf("round %d", round), StartsAt: starts, Items: items}, "UOFF")
		if err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		meetingID = res.MeetingID
		now, err := db.AgendaItems(ctx, res.MeetingID)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, it := range now {
			got = append(got, it.Number+" "+it.Title)
			if id, ok := rowOf[it.Title]; ok && id != it.ID {
				t.Errorf("round %d: %s is row %d, was row %d", round, it.Title, it.ID, id)
			}
			rowOf[it.Title] = it.ID
		}
		var want []string
		for _, it := range items {
			want = append(want, it.Number+" "+it.Title)
		}
		if diff := cmp.Diff(got, want); diff != "" {
			t.Fatalf("round %d: the agenda (-got +want):\n%s", round, diff)
		}
	}
	// The history, read back through every move, has each item added
	// under the number it was added with.
	changes, err := db.History(ctx, meetingID, commands.HistoryAgenda)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, ch := range changes {
		if strings.Contains(ch.Item, "~") || strings.Contains(ch.Detail, "~") {
			t.Errorf("the history shows a spare number: %+v", ch)
		}
		if ch.Action == "added" {
			got[ch.Detail] = ch.Item
		}
	}
	var spares int
	if err := db.SQL().QueryRowContext(ctx, `SELECT count(*) FROM audit_log
		WHERE action = 'agenda.move' AND detail->>'to' LIKE '%~%'`).Scan(&spares); err != nil {
		t.Fatal(err)
	}
	if spares == 0 {
		t.Error("no round renumbered items in a ring; the test no longer tries one")
	}
	if diff := cmp.Diff(got, addedAs); diff != "" {
		t.Errorf("the items as added, in the history (-got +want):\n%s", diff)
	}
}
