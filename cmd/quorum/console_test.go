package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/quorumhq/quorum/storage/pgtest"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

func env(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

func runConsole(t *testing.T, getenv func(string) string, input string) string {
	t.Helper()
	var out, errOut bytes.Buffer
	err := run(context.Background(), []string{"console"}, strings.NewReader(input), &out, &errOut, getenv)
	if err != nil {
		t.Fatalf("console: %v\n%s", err, errOut.String())
	}
	return out.String()
}

func TestConsoleOnDatabaseURL(t *testing.T) {
	getenv := env(map[string]string{"DATABASE_URL": pgtest.DSN(t)})
	out := runConsole(t, getenv, "/apologies Unwell\n/apologies list\n:as neil\n/apologies 31/02/2027\n/resolution 28\n/agenda\n:quit\n")
	for _, want := range []string{
		"Your apologies for the meeting of *Safer Sefton Together*",
		"Apologies for absence were received from Ian Barton (Sefton Council).",
		"Ian Barton: Unwell",
		"You are now Neil Frackelton (SWACA).",
		"There is no 31 February 2027",
		// The sample is filled from the seed agenda pack: its minutes and agenda.
		"RESOLVED: That the Sefton Safer Communities Partnership be re-named Safer Sefton Together.",
		"*7.5* SWACA — _Neil Frackelton_",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("console output lacks %q:\n%s", want, out)
		}
	}
}

// TestConsoleKeepsItsPrivateDatabase runs the console twice with no
// DATABASE_URL, as the README's first command does: it starts its own
// PostgreSQL, and what the first run recorded is there in the second.
func TestConsoleKeepsItsPrivateDatabase(t *testing.T) {
	dir := privateConsoleDir(t)
	getenv := env(nil)
	runConsole(t, getenv, ":as neil\n/apologies Unwell sub @graeme\n")
	out := runConsole(t, getenv, "/apologies list\n")
	for _, want := range []string{
		"Apologies for absence were received from Neil Frackelton (SWACA).",
		"Graeme Robson, named as substitute for Neil Frackelton, is a member in their own right and attends as themselves.",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("second console run lacks %q:\n%s", want, out)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "PG_VERSION")); err != nil {
		t.Errorf("no cluster kept in %s: %v", dir, err)
	}
}

// TestExportWithoutDatabaseURLSaysWhereItLooked: an export with no
// DATABASE_URL reads the console's private database, as imports write to
// it; a committee not found there is said to have been looked for there,
// so that an operator who forgot the variable is not told their committee
// is gone.
func TestExportWithoutDatabaseURLSaysWhereItLooked(t *testing.T) {
	privateConsoleDir(t)
	var out, errOut bytes.Buffer
	err := run(context.Background(), []string{"export", "history", "--committee", "Parish Council", "--csv"}, strings.NewReader(""), &out, &errOut, env(nil))
	want := "DATABASE_URL is not set, so this looked in the console's private database: set DATABASE_URL to export from Quorum's own"
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("export with no DATABASE_URL: err = %v, want %q", err, want)
	}
	if out.Len() != 0 {
		t.Errorf("a refused export wrote %q", out.String())
	}
}

// TestHelpOnASubcommand: quorum help import shows what quorum import -h
// shows, not the summary of every subcommand, on stdout.
func TestHelpOnASubcommand(t *testing.T) {
	for _, sub := range []string{"serve", "console", "migrate", "import", "export"} {
		var out, errOut bytes.Buffer
		err := run(context.Background(), []string{"help", sub}, strings.NewReader(""), &out, &errOut, env(nil))
		var wantOut, wantErr bytes.Buffer
		run(context.Background(), []string{sub, "-h"}, strings.NewReader(""), &wantOut, &wantErr, env(nil))
		// On stdout, as quorum help is, to be piped to a pager.
		if !errors.Is(err, flag.ErrHelp) || out.String() != wantErr.String() || errOut.Len() != 0 {
			t.Errorf("help %s: err=%v, stdout %q, stderr %q, want on stdout that of %s -h, %q", sub, err, out.String(), errOut.String(), sub, wantErr.String())
		}
	}
	var out, errOut bytes.Buffer
	if err := run(context.Background(), []string{"help", "rota"}, strings.NewReader(""), &out, &errOut, env(nil)); err == nil || !strings.Contains(err.Error(), `no help on "rota"`) {
		t.Errorf("help rota: %v", err)
	}
	// version and help, which the refusal above names among the
	// subcommands, have their line in quorum help: that is shown.
	for _, sub := range []string{"version", "help"} {
		var out, errOut bytes.Buffer
		err := run(context.Background(), []string{"help", sub}, strings.NewReader(""), &out, &errOut, env(nil))
		if err != nil || out.String() != usage || errOut.Len() != 0 {
			t.Errorf("help %s: err=%v, stdout %q, stderr %q, want quorum help's on stdout", sub, err, out.String(), errOut.String())
		}
	}
}

func TestSubcommandsAnswerHelp(t *testing.T) {
	for _, sub := range []string{"serve", "console", "migrate"} {
		var out, errOut bytes.Buffer
		err := run(context.Background(), []string{sub, "-h"}, strings.NewReader(""), &out, &errOut, env(nil))
		if err == nil || !strings.Contains(errOut.String(), "Usage: quorum "+sub) {
			t.Errorf("%s -h: err=%v, output %q", sub, err, errOut.String())
		}
	}
	var out bytes.Buffer
	if err := run(context.Background(), []string{"version"}, nil, &out, &out, env(nil)); err != nil || !strings.HasPrefix(out.String(), "quorum ") {
		t.Errorf("version: %v %q", err, out.String())
	}
	if err := run(context.Background(), []string{"bogus"}, nil, &out, &out, env(nil)); err == nil {
		t.Error("an unknown subcommand succeeded")
	}
}

// TestImportHelpSaysWhichNeedACommittee: an agenda names its committee, so
// --committee is optional for it, as README and quorum import -h say; minutes
// need it.
func TestImportHelpSaysWhichNeedACommittee(t *testing.T) {
	for sub, want := range map[string]string{
		"agenda":  "Usage: quorum import agenda PATH… [--committee NAME] [--dry-run] [--json] [--replace]",
		"minutes": "Usage: quorum import minutes PATH… --committee NAME [--dry-run] [--json]",
	} {
		var out, errOut bytes.Buffer
		err := run(context.Background(), []string{"import", sub, "-h"}, strings.NewReader(""), &out, &errOut, env(nil))
		if err == nil || !strings.Contains(errOut.String(), want) {
			t.Errorf("import %s -h: err=%v, output %q, want %q", sub, err, errOut.String(), want)
		}
	}
}

// TestUsageListsEveryExport: quorum -h lists each export README describes.
func TestUsageListsEveryExport(t *testing.T) {
	var out bytes.Buffer
	if err := run(context.Background(), []string{"-h"}, nil, &out, &out, env(nil)); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"quorum export history --committee NAME [--since DATE] --csv",
		"quorum export attendance --committee NAME [--year YEAR] --csv",
		"quorum export interests --committee NAME --csv|--html",
		"quorum export minutes --committee NAME --date DATE [--format html|txt|md]",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("quorum -h lacks %q:\n%s", want, out.String())
		}
	}
}

func TestServeRefusesIncompleteConfig(t *testing.T) {
	var out bytes.Buffer
	err := run(context.Background(), []string{"serve"}, nil, &out, &out, env(map[string]string{"DATABASE_URL": "postgres://x"}))
	if err == nil || !strings.Contains(err.Error(), "SLACK_BOT_TOKEN") {
		t.Errorf("serve without a token: %v", err)
	}
	err = run(context.Background(), []string{"serve"}, nil, &out, &out, env(map[string]string{"SLACK_API_URL": "javascript:alert(1)"}))
	if err == nil || !strings.Contains(err.Error(), "SLACK_API_URL") {
		t.Errorf("serve with a bad SLACK_API_URL: %v", err)
	}
}

// privateConsoleDir points the console's private database at a directory
// of the test's own, for the rest of the test, and returns it.
func privateConsoleDir(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "postgres")
	old := consoleDir
	consoleDir = func() (string, error) { return dir, nil }
	t.Cleanup(func() { consoleDir = old })
	if os.Geteuid() == 0 {
		// The postgres account must be able to reach the directory.
		for d := filepath.Dir(dir); d != "/" && d != os.TempDir(); d = filepath.Dir(d) {
			os.Chmod(d, 0o755)
		}
	}
	return dir
}
