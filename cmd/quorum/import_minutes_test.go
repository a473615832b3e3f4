package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/quorumhq/quorum/commands"
	"github.com/quorumhq/quorum/storage"
	"github.com/quorumhq/quorum/storage/pgtest"
)

// quorum runs the command line against the database at dsn.
func quorum(t *testing.T, dsn string, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	var out, errOut bytes.Buffer
	getenv := func(k string) string {
		if k == "DATABASE_URL" {
			return dsn
		}
		return ""
	}
	err = run(context.Background(), args, strings.NewReader(""), &out, &errOut, getenv)
	return out.String(), errOut.String(), err
}

func countRows(t *testing.T, dsn string) map[string]int {
	t.Helper()
	db, err := storage.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	return counts(t, db)
}

func TestImportMinutes(t *testing.T) {
	dsn := pgtest.DSN(t)
	out, _, err := quorum(t, dsn, "import", "minutes", seedPack, "--committee", "Safer Sefton Together")
	if err != nil {
		t.Fatal(err)
	}
	// The minutes print the partnership's former name: imported under
	// the name given, with a note of the one printed, as an agenda's.
	want := "Imported the minutes of the meeting of Safer Sefton Together on Thursday 9 December 2021: 10 minutes (20–29), 8 resolutions, 14 present, 3 apologies, no declarations of interest.\n" +
		"Note: the document is headed SEFTON SAFER COMMUNITIES PARTNERSHIP.\n"
	if out != want {
		t.Errorf("output:\n%s\nwant\n%s", out, want)
	}
	counts := countRows(t, dsn)
	if counts["minutes"] != 10 || counts["resolutions"] != 8 || counts["apologies"] != 3 || counts["committees"] != 1 {
		t.Errorf("rows after import: %v", counts)
	}

	// Flags before the file, and --json: the same document again changes
	// nothing, and prints what was read.
	out, _, err = quorum(t, dsn, "import", "minutes", "--json", "--committee=safer sefton together", seedPack)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(countRows(t, dsn), counts); diff != "" {
		t.Errorf("rows after importing again (-got +want):\n%s", diff)
	}
	var read struct {
		Meeting struct {
			Date  string `json:"date"`
			Venue string `json:"venue"`
		} `json:"meeting"`
		Present   []string `json:"present"`
		Apologies []struct {
			Name         string `json:"name"`
			Organisation string `json:"organisation"`
		} `json:"apologies"`
		Declarations   []any `json:"declarations"`
		NoDeclarations bool  `json:"no_declarations"`
		Minutes        []struct {
			Number      string   `json:"number"`
			Title       string   `json:"title"`
			Resolutions []string `json:"resolutions"`
			References  []string `json:"references"`
		} `json:"minutes"`
		Warnings []string `json:"warnings"`
	}
	if err := json.Unmarshal([]byte(out), &read); err != nil {
		t.Fatalf("--json output is not one JSON object: %v\n%s", err, out)
	}
	if read.Meeting.Date != "2021-12-09" || len(read.Present) != 14 || len(read.Minutes) != 10 || !read.NoDeclarations || read.Warnings == nil {
		t.Errorf("read: date %s, %d present, %d minutes, no declarations %v, warnings %v",
			read.Meeting.Date, len(read.Present), len(read.Minutes), read.NoDeclarations, read.Warnings)
	}
	if got := read.Minutes[8]; got.Number != "28" || got.Title != "FUTURE NAME OF PARTNERSHIP" ||
		!cmp.Equal(got.Resolutions, []string{"That the Sefton Safer Communities Partnership be re-named Safer Sefton Together."}) {
		t.Errorf("minute 28 as read: %+v", got)
	}
	if got := read.Apologies[0]; got.Name != "Neil Frackelton" || got.Organisation != "SWACA" {
		t.Errorf("first apology: %+v", got)
	}

	out, _, err = quorum(t, dsn, "import", "minutes", seedPack, "--committee", "Safer Sefton Together")
	if err != nil || !strings.Contains(out, "were already imported; nothing changed") {
		t.Errorf("third import: %q, %v", out, err)
	}
}

// TestImportMinutesActions: the actions in minutes are imported with them
// and printed in the JSON; the summary counts them, the warnings name the
// owners who are no member; importing again adds none.
func TestImportMinutesActions(t *testing.T) {
	dsn := pgtest.DSN(t)
	const doc = "../../minutes/testdata/minutes-parish-action-table.txt"
	out, errOut, err := quorum(t, dsn, "import", "minutes", doc, "--committee", "Hollowmere Parish Council")
	if err != nil {
		t.Fatalf("import: %v\n%s", err, errOut)
	}
	if want := "Imported the minutes of the meeting of Hollowmere Parish Council on Monday 3 March 2025: 6 minutes (25/31–25/36), 3 resolutions, 5 present, 1 in attendance, 1 apology, no declarations of interest, 3 actions.\n"; out != want {
		t.Errorf("output:\n%s\nwant\n%s", out, want)
	}
	for _, w := range []string{
		"warning: Actions whose owner is not a member, kept under the name printed and assigned to no one: Clerk (minute 25/34); Cllr Pike (minute 25/34); Clerk (minute 25/35).",
		"warning: Actions with no day printed to be due by, kept without a due date (`/action move ID DATE` gives one): minute 25/35, Order the swing chains (printed: Next meeting).",
	} {
		if !strings.Contains(errOut, w) {
			t.Errorf("stderr lacks %q:\n%s", w, errOut)
		}
	}
	counts := countRows(t, dsn)
	if counts["actions"] != 3 || counts["action_log"] != 3 {
		t.Errorf("rows after import: %v", counts)
	}

	// Again, with --json: nothing changes, and the actions are printed.
	out, errOut, err = quorum(t, dsn, "import", "minutes", doc, "--committee", "Hollowmere Parish Council", "--json")
	if err != nil || !strings.Contains(errOut, "were already imported; nothing changed") {
		t.Errorf("second import: %q, %v", errOut, err)
	}
	var read struct {
		Actions []struct {
			Minute string `json:"minute"`
			Owner  string `json:"owner"`
			Due    string `json:"due"`
		} `json:"actions"`
	}
	if err := json.Unmarshal([]byte(out), &read); err != nil || len(read.Actions) != 3 || read.Actions[1].Owner != "Cllr Pike" || read.Actions[1].Due != "2025-03-31" {
		t.Errorf("--json actions: %+v, %v\n%s", read.Actions, err, out)
	}
	if diff := cmp.Diff(countRows(t, dsn), counts); diff != "" {
		t.Errorf("rows after importing again (-got +want):\n%s", diff)
	}
}

func TestImportMinutesArguments(t *testing.T) {
	dsn := pgtest.DSN(t)
	empty := t.TempDir() + "/notes.txt"
	if err := os.WriteFile(empty, []byte("Notes of a chat about the weather.\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		args []string
		err  string
	}{
		{[]string{"import"}, "say what to import"},
		{[]string{"import", "reports", seedPack}, `cannot import "reports"`},
		{[]string{"import", "minutes", seedPack}, "say which committee: --committee NAME"},
		{[]string{"import", "minutes", "--committee", "X"}, "takes at least one FILE"},
		{[]string{"import", "minutes", "missing.txt", "--committee", "X"}, "no such file"},
		{[]string{"import", "minutes", seedPack, "--committee", strings.Repeat("x", 201)}, "too long"},
		{[]string{"import", "minutes", empty, "--committee", "X"}, "could not find any numbered minutes"},
		{[]string{"import", "minutes", seedPack, "--committee"}, "--committee needs its NAME after it"},
		{[]string{"import", "minutes", "../../minutes/testdata/corpus/style-moderngov-year-title-undated.txt", "--committee", "X"}, "could not find the date of the meeting"},
	}
	for _, tc := range cases {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			_, _, err := quorum(t, dsn, tc.args...)
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("err = %v, want one saying %q", err, tc.err)
			}
		})
	}
	if _, stderr, err := quorum(t, dsn, "import", "minutes", "-h"); !errors.Is(err, flag.ErrHelp) || !strings.Contains(stderr, "--committee") && !strings.Contains(stderr, "-committee") {
		t.Errorf("-h: %v\n%s", err, stderr)
	}
	if _, stderr, err := quorum(t, dsn, "import", "-h"); !errors.Is(err, flag.ErrHelp) || !strings.Contains(stderr, "quorum import minutes PATH… --committee NAME [--dry-run] [--json]") {
		t.Errorf("import -h: %v\n%s", err, stderr)
	}
	if got := countRows(t, dsn)["committees"]; got != 0 {
		t.Errorf("%d committees made by failed imports, want 0", got)
	}
}

// TestImportMinutesOverDrafts: published minutes of a meeting whose
// minutes are being drafted in Quorum are refused, naming the drafts, so
// that an import does not throw the officer's work away; with
// --replace-drafts they replace the drafts, which the audit log keeps with
// their history and the corrections proposed.
func TestImportMinutesOverDrafts(t *testing.T) {
	dsn, db, c := safer(t)
	ctx := context.Background()
	london, _ := time.LoadLocation("Europe/London")
	at := time.Date(2021, 12, 9, 10, 0, 0, 0, london) // the seed pack's minutes are of this meeting
	m, err := db.ScheduleMeeting(ctx, commands.Meeting{CommitteeID: c.ID, StartsAt: at, Venue: "Remote Meeting", Status: commands.MeetingScheduled}, "UIAN")
	if err != nil {
		t.Fatal(err)
	}
	draft, err := db.WriteMinute(ctx, commands.MinuteWrite{CommitteeID: c.ID, MeetingID: m.ID, HeldOn: commands.DateOf(at, london), Item: "7.5",
		Number: "27", Position: 1, Title: "SWACA", Resolution: &commands.Resolution{Body: "That the SWACA report be noted."}, Action: "resolved", By: "UIAN"})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.CommentMinute(ctx, draft.ID, nil, commands.MinuteComment{Body: "Say that the figures go to partners.", By: "UNEIL"}, nil); err != nil {
		t.Fatal(err)
	}
	db.Close()

	_, _, err = quorum(t, dsn, "import", "minutes", seedPack, "--committee", "Safer Sefton Together")
	if err == nil || !strings.Contains(err.Error(), "The minutes of the meeting on Thursday 9 December 2021 are being drafted in Quorum (minute 27, not yet confirmed, with 1 correction proposed)") ||
		!strings.Contains(err.Error(), `quorum import minutes FILE --committee "Safer Sefton Together" --replace-drafts`) {
		t.Errorf("import over draft minutes: %v, want a refusal naming the draft", err)
	}
	if n := countRows(t, dsn); n["minutes"] != 1 || n["minute_documents"] != 0 {
		t.Errorf("rows after the refused import: %v, want the draft alone", n)
	}

	out, stderr, err := quorum(t, dsn, "import", "minutes", seedPack, "--committee", "Safer Sefton Together", "--replace-drafts")
	if err != nil {
		t.Fatalf("import --replace-drafts: %v\n%s", err, stderr)
	}
	if !strings.Contains(out, "Imported the minutes of the meeting of Safer Sefton Together on Thursday 9 December 2021: 10 minutes (20–29)") {
		t.Errorf("output: %q", out)
	}
	db, err = storage.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var kept string
	if err := db.SQL().QueryRowContext(ctx, `SELECT detail::text FROM audit_log WHERE action = 'minutes.drafts_replaced'`).Scan(&kept); err != nil {
		t.Fatalf("the replaced drafts are not in the audit log: %v", err)
	}
	for _, want := range []string{`"number": "27"`, `"title": "SWACA"`, `"resolved": "That the SWACA report be noted."`, `"action": "resolved"`, `"body": "Say that the figures go to partners."`, `"by": "UNEIL"`} {
		if !strings.Contains(kept, want) {
			t.Errorf("the drafts kept lack %s: %s", want, kept)
		}
	}
	var drafts int
	if err := db.SQL().QueryRowContext(ctx, `SELECT count(*) FROM minutes WHERE meeting_id = $1 AND status = 'draft'`, m.ID).Scan(&drafts); err != nil || drafts != 0 {
		t.Errorf("%d drafts left after replacing them, %v", drafts, err)
	}
}

// TestImportArchiveActionsFromTheLatest: an archive of a committee's
// minutes, imported oldest first, adds only the latest minutes' actions:
// each set prints the actions outstanding when it was written.
func TestImportArchiveActionsFromTheLatest(t *testing.T) {
	dsn := pgtest.DSN(t)
	dir := t.TempDir()
	for name, src := range map[string]string{
		"1-january.txt": "../../minutes/testdata/minutes-police-panel-action-lines.txt", // 14 January 2025
		"2-march.txt":   "../../minutes/testdata/minutes-parish-action-table.txt",       // 3 March 2025
	} {
		b, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, errOut, err := quorum(t, dsn, "import", "minutes", dir, "--committee", "Hollowmere Parish Council")
	if err != nil {
		t.Fatalf("import: %v\n%s", err, errOut)
	}
	if want := "These minutes of the meeting of Hollowmere Parish Council on Monday 3 March 2025 were already imported; added the 3 actions they print."; !strings.Contains(out, want) {
		t.Errorf("output lacks %q:\n%s", want, out)
	}
	if counts := countRows(t, dsn); counts["actions"] != 3 {
		t.Errorf("%d actions, want the March minutes' 3", counts["actions"])
	}
}

// TestImportMinutesDateNotReal: minutes dated with a day no calendar has,
// in words or in figures, are refused, quoting the date, and nothing is
// imported; minutes whose weekday is not their date's are imported under
// the date, with a warning that says so.
func TestImportMinutesDateNotReal(t *testing.T) {
	dsn := pgtest.DSN(t)
	dir := t.TempDir()
	body := "\nPresent: Cllr A Moss (Chair), Cllr D Oyelaran\n\n1. APOLOGIES\nNone.\n\n2. FINANCE\nRESOLVED: That the accounts be approved.\n"
	for _, printed := range []string{"31 February 2026", "30th Febuary 2026", "29 February 2025", "31/02/2026", "30.02.26"} {
		path := dir + "/minutes.txt"
		if err := os.WriteFile(path, []byte("MINUTES OF THE FINANCE COMMITTEE held on "+printed+" at 7pm\n"+body), 0o644); err != nil {
			t.Fatal(err)
		}
		for _, extra := range [][]string{nil, {"--dry-run"}} {
			_, _, err := quorum(t, dsn, append([]string{"import", "minutes", path, "--committee", "Finance Committee"}, extra...)...)
			want := path + ": The minutes are dated “" + printed + "”, which is not a real date, so nothing was imported. Correct the date in the document and import it again."
			if err == nil || err.Error() != want {
				t.Errorf("import of minutes dated %s %v: %v\nwant %s", printed, extra, err, want)
			}
		}
	}
	if n := countRows(t, dsn)["committees"]; n != 0 {
		t.Errorf("minutes with no real date made %d committees", n)
	}

	path := dir + "/weekday.txt"
	if err := os.WriteFile(path, []byte("MINUTES OF THE FINANCE COMMITTEE held on Thursday, 5 December 2026 at 7pm\n"+body), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, err := quorum(t, dsn, "import", "minutes", path, "--committee", "Finance Committee")
	if err != nil || !strings.HasPrefix(out, "Imported the minutes of the meeting of Finance Committee on Saturday 5 December 2026") {
		t.Fatalf("import of minutes with the wrong weekday: %v\n%s", err, out)
	}
	if want := `warning: the date printed, "Thursday, 5 December 2026", names the wrong day of the week: 2026-12-05 was a Saturday; the date is read as 2026-12-05`; !strings.Contains(errOut, want) {
		t.Errorf("warnings:\n%s\nwant %s", errOut, want)
	}
}

// TestImportMinutesPresentOnce: a member printed twice under "Present",
// in the list and as chair, is stored once as attending, as chair.
func TestImportMinutesPresentOnce(t *testing.T) {
	dsn := pgtest.DSN(t)
	path := t.TempDir() + "/minutes.txt"
	text := "MINUTES OF THE FINANCE COMMITTEE held on 5 March 2026\n\nPresent:\nCouncillors A Moss, D Oyelaran and J Ferris\nCouncillor J Ferris (Chair)\n\n" +
		"1. APOLOGIES\nNone.\n\n2. FINANCE\nRESOLVED: That the accounts be approved.\n"
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, err := quorum(t, dsn, "import", "minutes", path, "--committee", "Finance Committee")
	if err != nil || !strings.Contains(out, "3 present") {
		t.Fatalf("import: %v\n%s", err, out)
	}
	db, err := storage.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.SQL().Query(`SELECT name FROM meeting_attendance ORDER BY position`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			t.Fatal(err)
		}
		names = append(names, n)
	}
	if diff := cmp.Diff(names, []string{"Councillor A Moss", "Councillor D Oyelaran", "Councillor J Ferris (Chair)"}); diff != "" {
		t.Errorf("stored as attending (-got +want):\n%s", diff)
	}
}
