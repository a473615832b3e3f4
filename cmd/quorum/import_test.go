package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/quorumhq/quorum/commands"
	"github.com/quorumhq/quorum/minutes"
	"github.com/quorumhq/quorum/storage"
	"github.com/quorumhq/quorum/storage/pgtest"
)

const seedPack = "../../commands/sample/safer-sefton-together-2022-03-17-agenda-pack.txt"

func importAgenda(t *testing.T, dsn string, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	return quorum(t, dsn, append([]string{"import"}, args...)...)
}

// counts is how many rows the records hold, to show that a second import
// changes nothing.
func counts(t *testing.T, db *storage.DB) map[string]int {
	t.Helper()
	out := map[string]int{}
	for _, table := range []string{"committees", "meetings", "agenda_items", "minute_documents", "minutes", "resolutions",
		"apologies", "apology_history", "declarations", "meeting_attendance", "actions", "action_log", "audit_log"} {
		var n int
		if err := db.SQL().QueryRow(`SELECT count(*) FROM ` + table).Scan(&n); err != nil {
			t.Fatal(err)
		}
		out[table] = n
	}
	return out
}

func TestImportSeedAgenda(t *testing.T) {
	dsn := pgtest.DSN(t)
	stdout, stderr, err := importAgenda(t, dsn, "agenda", seedPack, "--committee", "Safer Sefton Together", "--json")
	if err != nil {
		t.Fatalf("import: %v\n%s", err, stderr)
	}
	if !strings.Contains(stderr, "Imported the agenda of Safer Sefton Together for the meeting on Thursday 17 March 2022: 17 items") {
		t.Errorf("summary on stderr: %q", stderr)
	}
	// What was read, with what became of the file.
	var a struct {
		minutes.Agenda
		File    string `json:"file"`
		Kind    string `json:"kind"`
		Outcome string `json:"outcome"`
	}
	dec := json.NewDecoder(strings.NewReader(stdout))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&a); err != nil {
		t.Fatalf("--json did not print one agenda object: %v\n%s", err, stdout)
	}
	if dec.More() {
		t.Error("--json printed more than one JSON value")
	}
	if a.File != seedPack || a.Kind != "agenda" || a.Outcome != "imported" || len(a.Items) != 17 {
		t.Errorf("--json: file %q, kind %q, outcome %q, %d items", a.File, a.Kind, a.Outcome, len(a.Items))
	}

	db, err := storage.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	c, err := db.CommitteeByName(ctx, "Safer Sefton Together")
	if err != nil {
		t.Fatal(err)
	}
	london, _ := time.LoadLocation("Europe/London")
	ms, err := db.Meetings(ctx, c.ID, time.Date(2022, 1, 1, 0, 0, 0, 0, london), time.Date(2024, 1, 1, 0, 0, 0, 0, london))
	if err != nil {
		t.Fatal(err)
	}
	var when []string
	for _, m := range ms {
		when = append(when, m.StartsAt.In(london).Format("2006-01-02 15:04")+" "+m.Venue)
	}
	wantWhen := []string{"2022-03-17 10:00 Remote Meeting", "2022-06-09 10:00 ", "2022-09-08 10:00 ", "2022-12-08 10:00 ", "2023-03-16 10:00 "}
	if diff := cmp.Diff(wantWhen, when); diff != "" {
		t.Fatalf("meetings (-want +got):\n%s", diff)
	}

	items, err := db.AgendaItems(ctx, ms[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, it := range items {
		line := it.Number + " " + it.Title
		if it.Presenter != "" {
			line += " — " + it.Presenter
		}
		got = append(got, line)
	}
	want := []string{
		"1 Apologies for Absence",
		"2 Declarations of Interest",
		"3 Minutes of Previous Meeting",
		"4 Integrated Offender Management (IOM) Refresh Strategy — Jen Williams (NW Probation Lead), James Gillett (Police)",
		"5 Provision of Alternative Education Settings — Tracy McKeating",
		"6 Local Policing Update — Superintendent Graeme Robson",
		"7 Violence against Women and Girls - Partner Reports",
		"7.1 Sefton Council and Domestic Abuse Multi Agency Partnership — Janette Maxwell",
		"7.2 Sefton CCG — Tracy Forshaw",
		"7.3 Merseyside Police — Superintendent Graeme Robson",
		"7.4 Merseyside Fire and Rescue Service — Kevin Hollis",
		"7.5 SWACA — Neil Frackleton",
		"7.6 Sefton Youth Justice Service — Adele Maddocks",
		"7.7 Sefton CVS — Sue Holden",
		"7.8 Schools Sexual Abuse Report- Chesterfield High School — Kevin Sexton",
		"7.9 Probation Service - Feedback From Merseyside Women's Team — Jan Marlow",
		"8 Date of Next Meeting",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("items (-want +got):\n%s", diff)
	}
	if items[4].References[0] != "Minute No. 26 refers" {
		t.Errorf("item 5 references = %q", items[4].References)
	}
	// The programme's meetings start with the standard items.
	future, err := db.AgendaItems(ctx, ms[1].ID)
	if err != nil || len(future) != 4 || future[3].Title != "Date of Next Meeting" {
		t.Errorf("a programme meeting's items = %+v, %v", future, err)
	}

	// The same document again changes nothing, with or without --json.
	before := counts(t, db)
	for _, args := range [][]string{
		{"agenda", seedPack, "--committee", "Safer Sefton Together"},
		{"agenda", "--committee", "safer sefton together", "--json", seedPack},
	} {
		out, errOut, err := importAgenda(t, dsn, args...)
		if err != nil {
			t.Fatalf("import again %v: %v\n%s", args, err, errOut)
		}
		if !strings.Contains(out+errOut, "was imported before; nothing changed") {
			t.Errorf("import again: %q %q", out, errOut)
		}
	}
	if diff := cmp.Diff(before, counts(t, db)); diff != "" {
		t.Errorf("a second import changed the records (-before +after):\n%s", diff)
	}
}

func TestImportAgendaChangedAndCommitteeFromDocument(t *testing.T) {
	dsn := pgtest.DSN(t)
	// No --committee: the name printed in the document.
	if _, stderr, err := importAgenda(t, dsn, "agenda", seedPack); err != nil {
		t.Fatalf("import: %v\n%s", err, stderr)
	}
	// A revised agenda changes in place the item whose presenter changed.
	pack, err := os.ReadFile(seedPack)
	if err != nil {
		t.Fatal(err)
	}
	revised := strings.Replace(string(pack), "SWACA\nNeil Frackleton", "SWACA\nNeil Frackelton", 1)
	path := t.TempDir() + "/revised.txt"
	if err := os.WriteFile(path, []byte(revised), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout, stderr, err := importAgenda(t, dsn, "agenda", path)
	if err != nil {
		t.Fatalf("import revised: %v\n%s", err, stderr)
	}
	if !strings.Contains(stdout, "17 items (1 item changed in place)") {
		t.Errorf("revised import: %q", stdout)
	}
}

func TestImportArguments(t *testing.T) {
	dsn := pgtest.DSN(t)
	cases := []struct {
		args []string
		err  string
	}{
		{nil, "say what to import"},
		{[]string{"agenda"}, "takes at least one FILE"},
		{[]string{"agenda", "a.txt", "b.txt"}, "a.txt: no such file or directory, so nothing was imported"},
		{[]string{"rota", seedPack}, `cannot import "rota"`},
		{[]string{"agenda", "testdata/missing.txt"}, "testdata/missing.txt: no such file or directory, so nothing was imported"},
		{[]string{"agenda", "import_test.go", "--committee", "X"}, "I could not find an agenda in that text: it should start with the committee's name"},
		{[]string{"agenda", "../../minutes/testdata/minutes-parish-item-style.txt"}, "it looks like minutes, so import it as minutes"},
	}
	for _, tc := range cases {
		_, _, err := importAgenda(t, dsn, tc.args...)
		if err == nil || !strings.Contains(err.Error(), tc.err) {
			t.Errorf("import %v: err = %v, want %q", tc.args, err, tc.err)
		}
	}
	db, err := storage.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if n := counts(t, db)["committees"]; n != 0 {
		t.Errorf("failed imports made %d committees", n)
	}
	if _, _, err := importAgenda(t, dsn, "agenda", "-h"); !errors.Is(err, flag.ErrHelp) {
		t.Errorf("-h: %v", err)
	}
}

// TestImportAgendaWithoutDateMakesNoCommittee: an agenda that fails for want
// of a date leaves the records as they were, as a dry run says it would.
func TestImportAgendaWithoutDateMakesNoCommittee(t *testing.T) {
	dsn := pgtest.DSN(t)
	raw, err := os.ReadFile("../../commands/testdata/sefton-2022-03-17-agenda.txt")
	if err != nil {
		t.Fatal(err)
	}
	undated := strings.Replace(string(raw), "Thursday 17th March, 2022\n", "", 1)
	path := t.TempDir() + "/undated.txt"
	if err := os.WriteFile(path, []byte(undated), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"agenda", path, "--committee", "New Board", "--dry-run"},
		{"agenda", path, "--committee", "New Board"},
	} {
		if _, _, err := importAgenda(t, dsn, args...); err == nil || !strings.Contains(err.Error(), "date") {
			t.Errorf("import %v: err = %v, want one about the date", args, err)
		}
	}
	if n := countRows(t, dsn)["committees"]; n != 0 {
		t.Errorf("a failed import made %d committees", n)
	}
}

// TestImportAgendaNearCommitteeName: an agenda imported for a committee
// whose name is near one that exists ("Safer Sefton" beside "Safer Sefton
// Together") is refused with the name it may mean, and no committee is
// made; the name given exactly goes to that committee, and a name near
// no other makes its committee, as before.
func TestImportAgendaNearCommitteeName(t *testing.T) {
	dsn := pgtest.DSN(t)
	if _, stderr, err := importAgenda(t, dsn, "agenda", seedPack, "--committee", "Safer Sefton Together"); err != nil {
		t.Fatalf("import: %v\n%s", err, stderr)
	}
	before := countRows(t, dsn)
	for _, name := range []string{"Safer Sefton", "Safer Sefton Togther", "Safer Sefton Together Partnership", "Sаfer Sefton Together"} {
		_, _, err := importAgenda(t, dsn, "agenda", seedPack, "--committee", name)
		want := `No committee is called "` + name + `"; did you mean "Safer Sefton Together"? Nothing was imported.`
		if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "/committee setup "+name) {
			t.Errorf("--committee %q: err = %v, want %q and how to make a new committee", name, err, want)
		}
	}
	// Minutes likewise.
	if _, _, err := quorum(t, dsn, "import", "minutes", seedPack, "--committee", "Safer Sefton"); err == nil || !strings.Contains(err.Error(), `did you mean "Safer Sefton Together"?`) {
		t.Errorf("minutes for a near name: err = %v", err)
	}
	if diff := cmp.Diff(countRows(t, dsn), before); diff != "" {
		t.Errorf("refused imports changed the records (-got +want):\n%s", diff)
	}
	if _, stderr, err := importAgenda(t, dsn, "agenda", seedPack, "--committee", "safer sefton  TOGETHER"); err != nil {
		t.Errorf("the name in another case: %v\n%s", err, stderr)
	}
	if _, stderr, err := importAgenda(t, dsn, "agenda", seedPack, "--committee", "Wirral Community Safety Partnership"); err != nil {
		t.Errorf("a committee of a new name: %v\n%s", err, stderr)
	}
	if n := countRows(t, dsn)["committees"]; n != 2 {
		t.Errorf("%d committees, want Safer Sefton Together and the new one", n)
	}
}

// seedAgendaImported imports the sample agenda pack into a new database
// and gives its address, the store open on it, and the meeting the
// agenda is for.
func seedAgendaImported(t *testing.T) (dsn string, db *storage.DB, meetingID int64) {
	t.Helper()
	dsn = pgtest.DSN(t)
	if _, stderr, err := importAgenda(t, dsn, "agenda", seedPack); err != nil {
		t.Fatalf("import: %v\n%s", err, stderr)
	}
	ctx := context.Background()
	db, err := storage.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if err := db.SQL().QueryRowContext(ctx, `SELECT id FROM meetings WHERE starts_at::date = '2022-03-17'`).Scan(&meetingID); err != nil {
		t.Fatal(err)
	}
	return dsn, db, meetingID
}

// TestImportAgendaKeepsItemsWithRecords: a revised agenda that would take
// off an item with a declaration of interest on record is refused, naming
// the item and the declaration, and nothing is imported; with --replace it
// is imported, and the declaration stays on record under the item
// removed. Items with nothing on record are replaced without asking, and
// an item whose presenter changed is changed in place.
func TestImportAgendaKeepsItemsWithRecords(t *testing.T) {
	dsn, db, meetingID := seedAgendaImported(t)
	ctx := context.Background()
	if _, _, err := db.Declare(ctx, commands.Declaration{MeetingID: meetingID, Item: "7.5", UserID: "UNEIL", Name: "Neil Frackelton",
		Kind: commands.InterestPersonal, Nature: "Trustee of SWACA", By: "UNEIL"}, nil); err != nil {
		t.Fatal(err)
	}
	pack, err := os.ReadFile(seedPack)
	if err != nil {
		t.Fatal(err)
	}
	// 7.5, declared on, is another item; 7.6, with nothing on record, has
	// another presenter.
	revised := strings.Replace(string(pack), "SWACA\nNeil Frackleton", "Domestic Abuse Services\nNeil Frackelton", 1)
	revised = strings.Replace(revised, "Sefton Youth Justice Service\nAdele Maddocks", "Sefton Youth Justice Service\nAdele Maddox", 1)
	path := t.TempDir() + "/revised.txt"
	if err := os.WriteFile(path, []byte(revised), 0o644); err != nil {
		t.Fatal(err)
	}
	before := counts(t, db)

	_, _, err = importAgenda(t, dsn, "agenda", path)
	want := path + `: This agenda would take 1 item with records off the agenda for Thursday 17 March 2022: 7.5 SWACA — Neil Frackleton, ` +
		`with 1 declaration of interest (Neil Frackelton, personal). Nothing was imported. ` +
		`To import it all the same, run ` + "`" + `quorum import agenda FILE --committee "Safer Sefton Together" --replace` + "`" +
		`; what the items have stays on record, under the items removed.`
	if err == nil || err.Error() != want {
		t.Errorf("import over a declaration:\n got %v\nwant %s", err, want)
	}
	if diff := cmp.Diff(before, counts(t, db)); diff != "" {
		t.Errorf("the refused import changed the records (-before +after):\n%s", diff)
	}

	stdout, stderr, err := importAgenda(t, dsn, "agenda", path, "--replace")
	if err != nil {
		t.Fatalf("import --replace: %v\n%s", err, stderr)
	}
	if !strings.Contains(stdout, "17 items (1 item changed in place, 1 earlier item replaced)") {
		t.Errorf("import --replace: %q", stdout)
	}
	ds, err := db.Declarations(ctx, meetingID)
	if err != nil {
		t.Fatal(err)
	}
	if len(ds) != 1 || ds[0].Nature != "Trustee of SWACA" || ds[0].Withdrawn {
		t.Errorf("declarations after the items were replaced: %+v", ds)
	}
}

// TestImportAgendaRevisedRenumbersItems: a revised agenda that inserts an
// item renumbers the items after it, which keep their declarations and
// report links under their new numbers; nothing with records is going, so
// nothing is refused.
func TestImportAgendaRevisedRenumbersItems(t *testing.T) {
	dsn, db, meetingID := seedAgendaImported(t)
	ctx := context.Background()
	if _, _, err := db.Declare(ctx, commands.Declaration{MeetingID: meetingID, Item: "7.5", UserID: "UNEIL", Name: "Neil Frackelton",
		Kind: commands.InterestPersonal, Nature: "Trustee of SWACA", By: "UNEIL"}, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := db.SubmitReport(ctx, commands.ReportLink{MeetingID: meetingID, Item: "7.6", UserID: "UADELE", Name: "Adele Maddocks",
		URL: "https://example.org/yjs.pdf", By: "UADELE"}, nil); err != nil {
		t.Fatal(err)
	}
	pack, err := os.ReadFile(seedPack)
	if err != nil {
		t.Fatal(err)
	}
	// A new 7.3: Merseyside Police's 7.3 is now 7.4, and so on to 7.10.
	revised := string(pack)
	for n := 9; n >= 3; n-- {
		revised = strings.Replace(revised, fmt.Sprintf("\n7.%d\n", n), fmt.Sprintf("\n7.%d\n", n+1), 1)
	}
	revised = strings.Replace(revised, "\n7.4\n\nMerseyside Police", "\n7.3\n\nSefton Women's Aid\nJo Hughes\n\n7.4\n\nMerseyside Police", 1)
	path := t.TempDir() + "/revised.txt"
	if err := os.WriteFile(path, []byte(revised), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout, stderr, err := importAgenda(t, dsn, "agenda", path)
	if err != nil {
		t.Fatalf("import revised: %v\n%s", err, stderr)
	}
	if !strings.Contains(stdout, "18 items (7 items renumbered).") {
		t.Errorf("revised import: %q", stdout)
	}
	ds, err := db.Declarations(ctx, meetingID)
	if err != nil {
		t.Fatal(err)
	}
	if len(ds) != 1 || ds[0].OnItem != (commands.ItemRef{Number: "7.6", Title: "SWACA"}) {
		t.Errorf("declarations after the revised agenda: %+v, want one on 7.6 SWACA", ds)
	}
	ls, err := db.ReportLinks(ctx, meetingID)
	if err != nil {
		t.Fatal(err)
	}
	if len(ls) != 1 || ls[0].OnItem != (commands.ItemRef{Number: "7.7", Title: "Sefton Youth Justice Service"}) {
		t.Errorf("report links after the revised agenda: %+v, want one on 7.7 Sefton Youth Justice Service", ls)
	}
}

// TestImportAgendaRefusedWhileMeetingUnderWay: the agenda of a meeting
// opened and not closed is not imported from a file either: its items keep
// their numbers until it closes.
func TestImportAgendaRefusedWhileMeetingUnderWay(t *testing.T) {
	dsn, db, meetingID := seedAgendaImported(t)
	ctx := context.Background()
	london, _ := time.LoadLocation("Europe/London")
	open := commands.SessionEvent{MeetingID: meetingID, Action: commands.ActionOpened, At: time.Date(2022, 3, 17, 9, 30, 0, 0, london), By: "UIAN"}
	if _, err := db.RecordSession(ctx, open, []commands.SessionAction{""}, nil); err != nil {
		t.Fatal(err)
	}
	pack, err := os.ReadFile(seedPack)
	if err != nil {
		t.Fatal(err)
	}
	path := t.TempDir() + "/revised.txt"
	if err := os.WriteFile(path, []byte(strings.Replace(string(pack), "Sefton Youth Justice Service\nAdele Maddocks", "Sefton Youth Justice Service\nAdele Maddox", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	before := counts(t, db)
	_, _, err = importAgenda(t, dsn, "agenda", path)
	want := path + ": The meeting on Thursday 17 March 2022 is under way (opened at 09:30); its agenda cannot be changed, and nothing was imported."
	if err == nil || err.Error() != want {
		t.Errorf("import into a meeting under way:\n got %v\nwant %s", err, want)
	}
	if diff := cmp.Diff(before, counts(t, db)); diff != "" {
		t.Errorf("the refused import changed the records (-before +after):\n%s", diff)
	}
}

// TestImportFilesThatAreNoDocument: a file that cannot hold a document
// (empty, a word processor's, text in another encoding, too large) is
// refused by what is wrong with it, the file named once, before the
// database is touched: no committee is made.
func TestImportFilesThatAreNoDocument(t *testing.T) {
	dsn := pgtest.DSN(t)
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		path := dir + "/" + name
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	huge := write("huge.txt", bytes.Repeat([]byte("1. Item\n"), (minutes.MaxInputSize/8)+1))
	for _, tc := range []struct {
		path, want string
	}{
		{write("empty.txt", []byte(" \n\n")), "the file is empty"},
		{write("bom.txt", []byte("\xef\xbb\xbf \r\n")), "the file is empty"},
		{write("report.txt", []byte("PK\x03\x04\x00\x00word/document.xml\x00\x00")), "the file is not plain text"},
		{write("utf16.txt", []byte("\xff\xfeM\x00i\x00n\x00")), "saved as UTF-16"},
		{huge, "the file is larger than 5 MB"},
	} {
		for _, args := range [][]string{
			{"minutes", tc.path, "--committee", "Little Parva"},
			{"agenda", tc.path, "--committee", "Little Parva"},
			{"minutes", tc.path, "--committee", "Little Parva", "--dry-run"},
		} {
			_, _, err := importAgenda(t, dsn, args...)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("import %v: err = %v, want %q", args, err, tc.want)
				continue
			}
			if n := strings.Count(err.Error(), tc.path); n != 1 {
				t.Errorf("import %v: %q names the file %d times, want once", args, err, n)
			}
		}
	}
	if n := countRows(t, dsn)["committees"]; n != 0 {
		t.Errorf("refused files made %d committees", n)
	}
}

// TestImportAFileForTheVerb: "quorum import pack.txt" is told to say
// whether the file is an agenda or minutes, with the forms to type, not to
// give a FILE under a usage line that takes pack.txt for the verb; and the
// help of import minutes does not describe --committee as an agenda's.
func TestImportAFileForTheVerb(t *testing.T) {
	dsn := pgtest.DSN(t)
	_, stderr, err := importAgenda(t, dsn, seedPack)
	want := `cannot import "` + seedPack + `": say whether it is an agenda or minutes: quorum import agenda ` + seedPack + `, or quorum import minutes ` + seedPack + ` --committee NAME`
	if err == nil || err.Error() != want {
		t.Errorf("import FILE: err = %v, want %q", err, want)
	}
	if strings.Contains(stderr, "quorum import "+seedPack) {
		t.Errorf("import FILE: the usage takes the file for the verb:\n%s", stderr)
	}
	_, stderr, err = importAgenda(t, dsn, "minutes", "-h")
	if !errors.Is(err, flag.ErrHelp) {
		t.Fatalf("import minutes -h: %v", err)
	}
	if strings.Contains(stderr, "agendas") || !strings.Contains(stderr, "minutes often print a former name") {
		t.Errorf("import minutes -h describes --committee as for agendas:\n%s", stderr)
	}
}

// TestImportFlagsOfTheOtherVerb: --replace given to minutes, or
// --replace-drafts to an agenda, is answered with the flag that verb has;
// and a flag there is not is said once, after the usage, not above it too.
func TestImportFlagsOfTheOtherVerb(t *testing.T) {
	dsn := pgtest.DSN(t)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"minutes", seedPack, "--committee", "X", "--replace"}, "import minutes: --replace is for agendas; minutes drafted in Quorum are replaced with --replace-drafts"},
		{[]string{"agenda", "--replace-drafts", seedPack}, "import agenda: --replace-drafts is for minutes; an agenda that takes off items with records is imported with --replace"},
		{[]string{"agenda", seedPack, "--channel", "C1"}, "import agenda has no flag --channel: its flags are listed above"},
	} {
		_, stderr, err := importAgenda(t, dsn, tc.args...)
		if err == nil || err.Error() != tc.want {
			t.Errorf("import %v: err = %v, want %q", tc.args, err, tc.want)
		}
		if strings.Contains(stderr, "not defined") || !strings.Contains(stderr, "Usage: quorum import "+tc.args[0]) {
			t.Errorf("import %v: stderr should hold the usage alone:\n%s", tc.args, stderr)
		}
	}
	if n := countRows(t, dsn)["committees"]; n != 0 {
		t.Errorf("refused imports made %d committees", n)
	}
}

// TestImportWindows1252Text: text saved as Windows-1252 (Latin-1), as
// older word processors and Notepad save "£" and curly quotes, is read as
// that: imported with its pound signs and quotes, as it reads, rather
// than refused, or imported with them dropped as agendas once were.
func TestImportWindows1252Text(t *testing.T) {
	dsn := pgtest.DSN(t)
	path := t.TempDir() + "/latin1.txt"
	text := "MINUTES of the meeting of Little Parva Parish Council held on Monday 5 June 2023\n" +
		"Present: Cllr A Smith\n1. APOLOGIES\nNone.\n2. FINANCE\nPayments of \xa3500 for the caf\xe9\x92s \x93Summer Fair\x94 were approved.\nRESOLVED: That the payments be approved.\n"
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := importAgenda(t, dsn, "minutes", path, "--committee", "Little Parva", "--dry-run"); err != nil {
		t.Fatalf("dry run: %v", err)
	}
	if _, _, err := importAgenda(t, dsn, "minutes", path, "--committee", "Little Parva"); err != nil {
		t.Fatalf("import: %v", err)
	}
	db, err := storage.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var narrative string
	if err := db.SQL().QueryRowContext(context.Background(), `SELECT string_agg(narrative, ' ') FROM minutes`).Scan(&narrative); err != nil {
		t.Fatal(err)
	}
	if want := "Payments of £500 for the café’s “Summer Fair” were approved."; !strings.Contains(narrative, want) {
		t.Errorf("minutes read %q, want %q in them", narrative, want)
	}
	// UTF-8 with a byte damaged is read as UTF-8, the byte dropped: its
	// quotes are not made "â€™".
	damaged := strings.ReplaceAll(strings.ReplaceAll(text, "5 June", "6 June"), "\x92", "\xe2\x80\x99\xff")
	damaged = strings.NewReplacer("\xa3", "£", "\xe9", "é", "\x93", "“", "\x94", "”").Replace(damaged)
	if err := os.WriteFile(path, []byte(damaged), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := importAgenda(t, dsn, "minutes", path, "--committee", "Little Parva"); err != nil {
		t.Fatalf("import of damaged UTF-8: %v", err)
	}
	if err := db.SQL().QueryRowContext(context.Background(), `SELECT string_agg(narrative, ' ') FROM minutes WHERE held_on = '2023-06-06'`).Scan(&narrative); err != nil {
		t.Fatal(err)
	}
	if want := "Payments of £500 for the café’s “Summer Fair” were approved."; !strings.Contains(narrative, want) {
		t.Errorf("damaged UTF-8 minutes read %q, want %q in them", narrative, want)
	}
}

// TestImportAgendaByteOrderMark: an agenda saved with a byte order mark
// (as Notepad saves "UTF-8") and the same agenda without one are one
// document: importing either after the other changes nothing, and so does
// importing either after the agenda was stored under the hash earlier
// versions gave text with its mark.
func TestImportAgendaByteOrderMark(t *testing.T) {
	pack, err := os.ReadFile(seedPack)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	plain, marked := dir+"/plain.txt", dir+"/marked.txt"
	if err := os.WriteFile(plain, pack, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(marked, append([]byte("\xef\xbb\xbf"), pack...), 0o644); err != nil {
		t.Fatal(err)
	}
	// earlierHash is how the agenda's text was hashed before the mark
	// was left out: the mark kept, line endings and trailing spaces not.
	earlierHash := func(text string) string {
		lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
		for i, l := range lines {
			lines[i] = strings.TrimRight(l, " \t\r")
		}
		sum := sha256.Sum256([]byte(strings.TrimSpace(strings.Join(lines, "\n"))))
		return hex.EncodeToString(sum[:])
	}
	for _, tc := range []struct {
		name, first, again string
		stored             string // the hash the first import is stored under, "" for today's
	}{
		{"marked, then plain", marked, plain, ""},
		{"plain, then marked", plain, marked, ""},
		{"marked before, then marked", marked, marked, earlierHash("\uFEFF" + string(pack))},
		{"marked before, then plain", marked, plain, earlierHash("\uFEFF" + string(pack))},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dsn := pgtest.DSN(t)
			if _, errOut, err := importAgenda(t, dsn, "agenda", tc.first, "--committee", "Safer Sefton Together"); err != nil {
				t.Fatalf("first import: %v\n%s", err, errOut)
			}
			db, err := storage.Open(context.Background(), dsn)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			if tc.stored != "" {
				if _, err := db.SQL().Exec(`UPDATE minute_documents SET sha256 = $1 WHERE kind = 'agenda'`, tc.stored); err != nil {
					t.Fatal(err)
				}
			}
			before := counts(t, db)
			out, errOut, err := importAgenda(t, dsn, "agenda", tc.again, "--committee", "Safer Sefton Together")
			if err != nil {
				t.Fatalf("import again: %v\n%s", err, errOut)
			}
			if !strings.Contains(out, "was imported before; nothing changed") {
				t.Errorf("import again: %q", out)
			}
			if diff := cmp.Diff(before, counts(t, db)); diff != "" {
				t.Errorf("the same agenda again changed the records (-before +after):\n%s", diff)
			}
		})
	}
}

// TestImportReadsTheFileBeforeStartingTheDatabase: without DATABASE_URL an
// import starts the console's private database, which a file that cannot
// be imported (no document, no minutes, no date) must not cost: it is
// refused first. A file that can be imported does start it.
func TestImportReadsTheFileBeforeStartingTheDatabase(t *testing.T) {
	started := 0
	old := consoleDir
	consoleDir = func() (string, error) {
		started++
		return "", errors.New("the test has no private database")
	}
	t.Cleanup(func() { consoleDir = old })
	dir := t.TempDir()
	write := func(name, text string) string {
		path := dir + "/" + name
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	noEnv := func(string) string { return "" }
	undated := "Minutes of the Finance Committee\n\nPresent: Councillor A Smith (Chair), Councillor B Jones\n\n1. Apologies\nNone.\n\n2. Budget\nRESOLVED: That the budget be approved.\n"
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"minutes", write("empty.txt", "\n"), "--committee", "Finance"}, "the file is empty"},
		{[]string{"minutes", write("letter.txt", "Dear resident,\nThank you for your letter.\n"), "--committee", "Finance"}, "I could not find any numbered minutes"},
		{[]string{"minutes", write("undated.txt", undated), "--committee", "Finance"}, "I could not find the date of the meeting"},
		{[]string{"agenda", write("letter2.txt", "Dear resident,\nThank you for your letter.\n")}, "I could not find an agenda"},
	} {
		var out, errOut bytes.Buffer
		err := run(context.Background(), append([]string{"import"}, tc.args...), strings.NewReader(""), &out, &errOut, noEnv)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("import %v: err = %v, want %q", tc.args, err, tc.want)
		}
		if started != 0 {
			t.Errorf("import %v started the private database for a file it refused", tc.args)
			started = 0
		}
	}
	var out, errOut bytes.Buffer
	err := run(context.Background(), []string{"import", "minutes", seedPack, "--committee", "Safer Sefton Together"}, strings.NewReader(""), &out, &errOut, noEnv)
	if started != 1 || err == nil || !strings.Contains(err.Error(), "the test has no private database") {
		t.Errorf("import of minutes that can be imported: started %d times, err = %v", started, err)
	}
}
