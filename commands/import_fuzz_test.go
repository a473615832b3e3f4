package commands

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/quorumhq/quorum/minutes"
)

// importSeeds are the minutes and agendas the reader is tested on, and
// snippets in the styles it reads.
func importSeeds(f *testing.F) {
	files, _ := filepath.Glob("../minutes/testdata/*.txt")
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	for _, s := range []string{
		"AGENDA\nThursday, 7th March, 2024, at 10.00 am\nA - Committee Business\nA1        Introduction\nA2        Apologies\nB - Key Decisions\nB1        Budget\nB1        Budget again\n",
		"AGENDA\nThursday 10 December 2026 at 10.00 am\n1. Apologies\n7. Partner reports\n7.7. Sefton CVS\n7.7 Sefton CVS again\n",
		"MINUTES of the meeting held on Tuesday 13 February 2024 at 7.00 pm\nMinute 12/24    APOLOGIES FOR ABSENCE\n                Apologies were received from Councillor Marcia Bello.\nMinute 12/24    AGAIN\nMinute 12/24-2    THIRD\n",
		"MINUTES of the meeting held on 8 February 2023\n47.\tMINUTES\nDECISION: That the minutes be approved.\n47.\tAGAIN\nAGREED: noted.\n47-2.\tTHIRD\n",
		"MINUTES of the meeting held on 8 February 2023\n47.\tMINUTES\nACTION: to\n\nACTION: Cllr  to do it by 29 February\n\nMinute  Action  Owner  Due\n\x00  x  y  z\n48  a  b  Complete\n",
		// An action log's agenda items, one whose minute is not known;
		// a table without a heading row.
		"MINUTES of the meeting held on 8 February 2023\n47.\tBUDGET [Item 4]\nRESOLVED: That.\nActions\n\nReview Funding Options    Sue Holden    31/03/2023\n\n| Item | Action | Owner | Due |\n| 4 | a | b | c |\n| 7.5 | a | b | c |\n| 7.5 | \x00 | b | c |\n",
	} {
		f.Add(s)
	}
}

// inTime fails the fuzzer, input saved, when a read does not finish
// within seconds: the documents are small, so that is a read that would
// hold up an import forever. A panic from its own goroutine ends the
// process, which is how the fuzzer learns of a read that never returns.
func inTime() (done func()) {
	stop := make(chan struct{})
	go func() {
		select {
		case <-stop:
		case <-time.After(10 * time.Second):
			panic("reading the document took over 10 seconds")
		}
	}()
	return func() { close(stop) }
}

// FuzzAgendaImport: an agenda, pasted, becomes items each numbered once
// in a form a member can type back (/declare A1 …) to find that item, or
// is refused with a sentence.
func FuzzAgendaImport(f *testing.F) {
	importSeeds(f)
	c := Committee{ID: 1, Name: "Safer Sefton Together", TimeZone: DefaultTimeZone}
	f.Fuzz(func(t *testing.T, text string) {
		defer inTime()()
		a, err := minutes.ParseAgenda(text)
		if err != nil {
			return
		}
		imp, _, err := agendaImport(c, a, text)
		if err != nil {
			var ue *UserError
			if !errors.As(err, &ue) {
				t.Fatalf("agendaImport: %v is not a sentence for the officer", err)
			}
			return
		}
		seen := map[string]bool{}
		for _, it := range imp.Items {
			n, err := ParseItemNumber(it.Number)
			if err != nil || n.String() != it.Number || len(it.Number) > MaxItemLen {
				t.Fatalf("item number %q does not read back: %v", it.Number, err)
			}
			if seen[strings.ToLower(it.Number)] {
				t.Fatalf("item %s imported twice", it.Number)
			}
			seen[strings.ToLower(it.Number)] = true
			if got, ok := findItem(imp.Items, it.Number+"."); !ok || got.Number != it.Number {
				t.Fatalf("item %s. finds %q", it.Number, got.Number)
			}
			if utf8.RuneCountInString(it.Title) > MaxTitleLen || utf8.RuneCountInString(it.Presenter) > MaxPresenterLen ||
				utf8.RuneCountInString(it.Organisation) > MaxNameLen {
				t.Fatalf("item %s over the limits: %+v", it.Number, it)
			}
		}
		for i := 1; i < len(imp.Items); i++ {
			if ItemKey(imp.Items[i-1].Number) > ItemKey(imp.Items[i].Number) {
				t.Fatalf("items out of order: %s before %s", imp.Items[i-1].Number, imp.Items[i].Number)
			}
		}
	})
}

// FuzzMinutesRecord: minutes, pasted, become a record the store can keep
// (each minute numbered once, as the records require), or are refused
// with a sentence.
func FuzzMinutesRecord(f *testing.F) {
	importSeeds(f)
	c := Committee{ID: 1, Name: "Safer Sefton Together", TimeZone: DefaultTimeZone}
	f.Fuzz(func(t *testing.T, text string) {
		defer inTime()()
		read, err := readMinutes(text, []Member{{Name: "Neil Frackelton"}, {Name: "Sue Holden"}})
		if err != nil {
			var ue *UserError
			if !errors.As(err, &ue) {
				t.Fatalf("readMinutes: %v is not a sentence for the officer", err)
			}
			return
		}
		rec, _, err := minutesRecord(c, read, text, "UIAN", nil)
		if err != nil {
			var ue *UserError
			if !errors.As(err, &ue) {
				t.Fatalf("minutesRecord: %v is not a sentence for the officer", err)
			}
			return
		}
		numbers := map[string]bool{}
		for _, m := range rec.Minutes {
			if m.Number == "" || numbers[m.Number] {
				t.Fatalf("minute %q stored twice or without a number", m.Number)
			}
			numbers[m.Number] = true
			for _, r := range m.Resolutions {
				if r.Body == "" {
					t.Fatalf("minute %s: an empty resolution", m.Number)
				}
			}
		}
		keys := map[string]bool{}
		for _, a := range rec.Apologies {
			k := NameKey(a.Name)
			if a.Name == "" || keys[k] || utf8.RuneCountInString(a.Name) > MaxNameLen {
				t.Fatalf("apology %q stored twice, empty or too long", a.Name)
			}
			keys[k] = true
		}
		for _, d := range rec.Declarations {
			if d.Name == "" || d.Nature == "" || utf8.RuneCountInString(d.Nature) > maxNatureLen {
				t.Fatalf("declaration %+v", d)
			}
			switch d.Kind {
			case "pecuniary", "personal", "other":
			default:
				t.Fatalf("declaration kind %q", d.Kind)
			}
		}
		// Every action is one the actions table can keep; its due date is
		// a day, or none (never the meeting's day in its stead).
		for _, a := range rec.Actions {
			// One under no minute (an agenda item's whose minute is not
			// known) is named in a note.
			if a.MinuteNumber == "" && !strings.Contains(strings.Join(rec.actionNotes, "\n"), "under no minute: ") {
				t.Fatalf("action under no minute without a note: %+v", a)
			}
			if len(a.MinuteNumber) > maxMinuteNumLen || a.Text == "" || len(a.Text) > maxActionTextLen ||
				a.OwnerName == "" || len(a.OwnerName) > maxActionOwnerLen || a.CreatedBy == "" {
				t.Fatalf("action %+v", a)
			}
			if !a.Due.IsNext() {
				if _, err := makeDate(a.Due.Year, a.Due.Month, a.Due.Day); err != nil {
					t.Fatalf("action due %+v: %v", a.Due, err)
				}
			}
		}
	})
}
