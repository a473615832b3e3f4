package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/quorumhq/quorum/storage/pgtest"
)

// archive lays out a directory as an officer's download of a council's
// website might be: minutes in nested folders, a file that is not minutes,
// and files the import must not read.
func archive(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	copyFile := func(from, to string) {
		b, err := os.ReadFile(from)
		if err != nil {
			t.Fatal(err)
		}
		to = filepath.Join(dir, to)
		if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(to, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	copyFile(seedPack, "2021/2021-12-09.txt")
	copyFile("../../minutes/testdata/minutes-parish-item-style.txt", "2022/parish.txt")
	copyFile("import_test.go", "2022/notes.txt")
	copyFile(seedPack, ".trash/old.txt")
	copyFile(seedPack, "2022/scan.jpg")
	return dir
}

func TestImportArchive(t *testing.T) {
	dsn := pgtest.DSN(t)
	dir := archive(t)

	// A dry run reads every document and writes nothing.
	out, _, err := quorum(t, dsn, "import", "minutes", "--dry-run", dir, "--committee", "Parish Council")
	if err == nil || !strings.Contains(err.Error(), "1 of 3 documents failed") {
		t.Errorf("dry run: err = %v, want 1 of 3 failed", err)
	}
	for _, want := range []string{
		"2021/2021-12-09.txt  minutes  Parish Council  2021-12-09  10     8            3          0             ",
		"2022/notes.txt       minutes  Parish Council",
		"3 documents: 2 read, 1 failed.",
		"2022/notes.txt: I could not find any numbered minutes in that text",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("dry-run table lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "old.txt") || strings.Contains(out, "scan.jpg") {
		t.Errorf("dry run read a hidden folder or a picture:\n%s", out)
	}
	if n := countRows(t, dsn)["minute_documents"]; n != 0 {
		t.Fatalf("a dry run stored %d documents", n)
	}
	out, _, err = quorum(t, dsn, "import", "minutes", "--dry-run", filepath.Join(dir, "2022", "parish.txt"), "--committee", "Parish Council")
	if err != nil || !strings.Contains(out, "2023-06-05  5      4            2          0             0         read") {
		t.Errorf("dry run of one file: %v\n%s", err, out)
	}

	// The real import stores the two that read, despite the one that fails.
	out, _, err = quorum(t, dsn, "import", "minutes", dir, "--committee", "Parish Council")
	if err == nil || !strings.Contains(err.Error(), "1 of 3 documents failed") {
		t.Errorf("import: err = %v", err)
	}
	if strings.Count(out, "imported\n") != 2 {
		t.Errorf("want two documents imported:\n%s", out)
	}
	if n := countRows(t, dsn)["minute_documents"]; n != 2 {
		t.Errorf("%d documents stored, want 2", n)
	}

	// Again, as JSON: nothing changes, and each document is one object.
	out, _, _ = quorum(t, dsn, "import", "minutes", "--json", "--committee", "Parish Council", filepath.Join(dir, "2021"), filepath.Join(dir, "2022"))
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 {
		t.Fatalf("--json printed %d lines, want 3:\n%s", len(lines), out)
	}
	var got []string
	for _, l := range lines {
		var r struct {
			File, Kind, Outcome, Error string
			Minutes                    []any
		}
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatalf("not a JSON object: %v\n%s", err, l)
		}
		got = append(got, filepath.Base(r.File)+" "+r.Kind+" "+r.Outcome+" "+strings.TrimPrefix(r.Error, r.File+": "))
	}
	want := []string{
		"2021-12-09.txt minutes unchanged ",
		"notes.txt minutes failed I could not find any numbered minutes in that text.",
		"parish.txt minutes unchanged ",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("--json results:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if n := countRows(t, dsn)["minute_documents"]; n != 2 {
		t.Errorf("%d documents stored after importing again, want 2", n)
	}
}

// Two documents of one meeting in an archive are a conflict the clerk must
// settle: neither replaces the other, run after run, and a dry run says so.
func TestImportArchiveSameMeetingTwice(t *testing.T) {
	dsn := pgtest.DSN(t)
	dir := t.TempDir()
	for _, name := range []string{"minutes-district-signature-footer.txt", "minutes-finance-committee-hours-venue.txt"} {
		b, err := os.ReadFile(filepath.Join("../../minutes/testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// A copy of the same minutes is no conflict, though its bytes differ
	// (line ends, spacing, as cut from another pack): sameness is judged
	// on what was read, as the import judges it, and importing it changes
	// nothing.
	b, _ := os.ReadFile("../../minutes/testdata/minutes-parish-item-style.txt")
	copied := []byte("\r\n" + strings.ReplaceAll(string(b), "\n", "  \r\n"))
	for name, text := range map[string][]byte{"parish.txt": b, "parish-copy.txt": copied} {
		if err := os.WriteFile(filepath.Join(dir, name), text, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	a, f := filepath.Join(dir, "minutes-district-signature-footer.txt"), filepath.Join(dir, "minutes-finance-committee-hours-venue.txt")
	want := []string{
		"failed: " + a + ": the minutes of the meeting on 2026-03-03 are also in " + f + ", which differs: neither was imported",
		"failed: " + f + ": the minutes of the meeting on 2026-03-03 are also in " + a + ", which differs: neither was imported",
		"4 documents: 2 read, 2 failed.",
	}
	out, _, err := quorum(t, dsn, "import", "minutes", "--dry-run", dir, "--committee", "X")
	if err == nil || !strings.Contains(err.Error(), "2 of 4 documents failed") {
		t.Errorf("dry run: err = %v, want 2 of 4 failed", err)
	}
	for _, w := range want {
		if !strings.Contains(out, w) {
			t.Errorf("dry run lacks %q:\n%s", w, out)
		}
	}
	for run := 1; run <= 2; run++ {
		out, _, err = quorum(t, dsn, "import", "minutes", dir, "--committee", "X")
		if err == nil || !strings.Contains(err.Error(), "2 of 4 documents failed") {
			t.Errorf("run %d: err = %v, want 2 of 4 failed", run, err)
		}
		for _, w := range want {
			if !strings.Contains(out, w) {
				t.Errorf("run %d lacks %q:\n%s", run, w, out)
			}
		}
		if strings.Contains(out, "replaced") {
			t.Errorf("run %d replaced minutes:\n%s", run, out)
		}
		if n := countRows(t, dsn)["minute_documents"]; n != 1 {
			t.Errorf("run %d: %d documents stored, want the parish minutes alone", run, n)
		}
	}
}

// TestImportArchiveSameAgendaTwice: two agendas of one meeting that read
// otherwise (a revised agenda beside the original) are neither imported,
// as two minutes documents are not, rather than each replacing the other
// on every run; a copy spaced otherwise is the same agenda.
func TestImportArchiveSameAgendaTwice(t *testing.T) {
	dsn := pgtest.DSN(t)
	dir := t.TempDir()
	b, err := os.ReadFile("../../minutes/testdata/agenda-district-part-two-bracketed.txt")
	if err != nil {
		t.Fatal(err)
	}
	revised := strings.Replace(string(b), "4. Town Centre Masterplan", "4. Town Centre Masterplan (revised)", 1)
	spaced := strings.ReplaceAll(string(b), "\n", "  \r\n")
	files := map[string]string{"agenda.txt": string(b), "agenda-copy.txt": spaced, "agenda-revised.txt": revised}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for run := 1; run <= 2; run++ {
		out, _, err := quorum(t, dsn, "import", "agenda", dir, "--committee", "Planning and Regeneration Committee")
		if err == nil || !strings.Contains(err.Error(), "3 of 3 documents failed") {
			t.Errorf("run %d: err = %v, want 3 of 3 failed", run, err)
		}
		want := "failed: " + filepath.Join(dir, "agenda-revised.txt") + ": the agenda of the meeting on 2026-03-09 is also in " +
			filepath.Join(dir, "agenda-copy.txt") + " and " + filepath.Join(dir, "agenda.txt") + ", which differ: neither was imported"
		if !strings.Contains(out, want) {
			t.Errorf("run %d lacks %q:\n%s", run, want, out)
		}
		if n := countRows(t, dsn)["agenda_items"]; n != 0 {
			t.Errorf("run %d: %d agenda items stored, want none", run, n)
		}
	}
	if err := os.Remove(filepath.Join(dir, "agenda-revised.txt")); err != nil {
		t.Fatal(err)
	}
	if out, _, err := quorum(t, dsn, "import", "agenda", dir, "--committee", "Planning and Regeneration Committee"); err != nil {
		t.Errorf("the agenda and its copy: %v\n%s", err, out)
	}
	if n := countRows(t, dsn)["agenda_items"]; n != 6 {
		t.Errorf("%d agenda items stored from the agenda and its copy, want 6", n)
	}
}

// TestImportArchiveTwoCommitteesOneDay: without --committee each agenda
// goes to the committee its heading names, so two committees' agendas of
// one day are two meetings, not a conflict.
func TestImportArchiveTwoCommitteesOneDay(t *testing.T) {
	dsn := pgtest.DSN(t)
	dir := t.TempDir()
	b, err := os.ReadFile("../../minutes/testdata/agenda-district-part-two-bracketed.txt")
	if err != nil {
		t.Fatal(err)
	}
	licensing := strings.Replace(strings.Replace(string(b), "PLANNING AND REGENERATION COMMITTEE", "LICENSING COMMITTEE", 1),
		"4. Town Centre Masterplan", "4. Taxi Licensing Policy", 1)
	for name, text := range map[string]string{"planning.txt": string(b), "licensing.txt": licensing} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if out, _, err := quorum(t, dsn, "import", "agenda", dir); err != nil {
		t.Fatalf("two committees' agendas of one day: %v\n%s", err, out)
	}
	if n := countRows(t, dsn)["meetings"]; n != 2 {
		t.Errorf("%d meetings, want one for each committee", n)
	}
}
