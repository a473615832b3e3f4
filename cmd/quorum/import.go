package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/quorumhq/quorum/commands"
	"github.com/quorumhq/quorum/minutes"
	"github.com/quorumhq/quorum/storage"
)

const importUsage = `Usage:
  quorum import agenda FILE --committee NAME [--json]
  quorum import minutes FILE --committee NAME [--json]

Reads a published document (plain text; a whole agenda pack will do) and
records it for the committee, which is created if missing. Importing the
same document twice changes nothing. With --json, prints what was read as
one JSON object on standard output.
`

// importArgs are the arguments every import verb takes.
type importArgs struct {
	verb      string
	file      string
	committee string
	json      bool
}

// parseImportArgs reads "VERB FILE --committee NAME [--json]", with the
// flags before or after FILE.
func parseImportArgs(args []string, stderr io.Writer) (importArgs, error) {
	var ia importArgs
	if len(args) == 0 || args[0] == "-h" || args[0] == "-help" || args[0] == "--help" {
		fmt.Fprint(stderr, importUsage)
		if len(args) == 0 {
			return ia, errors.New("say what to import: agenda or minutes")
		}
		return ia, flag.ErrHelp
	}
	ia.verb = args[0]
	fs := newFlags("import "+ia.verb, "quorum import "+ia.verb+" FILE --committee NAME [--json]", stderr)
	fs.StringVar(&ia.committee, "committee", "", "the committee's `NAME` (default: the name printed in the document)")
	fs.BoolVar(&ia.json, "json", false, "print what was read as one JSON object")
	rest := args[1:]
	var files []string
	for {
		if err := fs.Parse(rest); err != nil {
			return ia, err
		}
		if fs.NArg() == 0 {
			break
		}
		files = append(files, fs.Arg(0))
		rest = fs.Args()[1:]
	}
	if len(files) != 1 {
		fs.Usage()
		return ia, fmt.Errorf("import %s takes one FILE (got %d)", ia.verb, len(files))
	}
	ia.file = files[0]
	return ia, nil
}

// importCmd imports published agendas and minutes.
func importCmd(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string) error {
	ia, err := parseImportArgs(args, stderr)
	if err != nil {
		return err
	}
	switch ia.verb {
	case "agenda":
	case "minutes":
		return importMinutes(ctx, ia, stdout, stderr, getenv)
	default:
		fmt.Fprint(stderr, importUsage)
		return fmt.Errorf("cannot import %q: say agenda or minutes", ia.verb)
	}
	text, db, closeDB, err := openImport(ctx, ia, getenv, stderr)
	if err != nil {
		return err
	}
	defer closeDB()
	// Read the document before touching the records, so that a file that
	// is not an agenda creates no committee.
	parsed, err := minutes.ParseAgenda(text)
	if err != nil {
		return fmt.Errorf("%s: %w", ia.file, err)
	}
	name := strings.TrimSpace(ia.committee)
	if name == "" {
		if parsed.Meeting.Committee == "" {
			return errors.New("the document names no committee I can read: give --committee NAME")
		}
		name = parsed.Meeting.Committee
	}
	if len(name) > commands.MaxNameLen {
		return fmt.Errorf("committee name too long (the limit is %d characters)", commands.MaxNameLen)
	}
	c, err := db.EnsureCommittee(ctx, name, "import")
	if err != nil {
		return err
	}
	a, res, err := commands.ImportAgenda(ctx, db, c, text, "import")
	if err != nil {
		var ue *commands.UserError
		if errors.As(err, &ue) {
			return fmt.Errorf("%s: %s", ia.file, plainText(ue.Msg))
		}
		return err
	}
	summary := plainText(commands.AgendaImportSummary(c, a, res))
	if !ia.json {
		fmt.Fprintln(stdout, summary)
		return nil
	}
	fmt.Fprintln(stderr, summary)
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(a)
}

// openImport reads the document to import and opens the records, migrated.
func openImport(ctx context.Context, ia importArgs, getenv func(string) string, stderr io.Writer) (string, *storage.DB, func(), error) {
	text, err := readDocument(ia.file)
	if err != nil {
		return "", nil, nil, err
	}
	cfg, err := loadConfig(getenv)
	if err != nil {
		return "", nil, nil, err
	}
	db, closeDB, err := openMigrated(ctx, cfg, stderr)
	if err != nil {
		return "", nil, nil, err
	}
	return text, db, closeDB, nil
}

// readDocument reads a document to import, refusing files too large to be one.
func readDocument(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, minutes.MaxInputSize+1))
	if err != nil {
		return "", fmt.Errorf("read %s: %w", path, err)
	}
	if len(b) > minutes.MaxInputSize {
		return "", fmt.Errorf("%s is larger than %d MB: not a document I can import", path, minutes.MaxInputSize>>20)
	}
	return string(b), nil
}

// plainText turns a reply's Slack markup into terminal text.
func plainText(s string) string {
	return strings.NewReplacer("*", "", "_", "").Replace(commands.Unescape(s))
}

// importMinutes imports published minutes. The committee must be named:
// minutes often print a former name (Minute 28 renamed the partnership).
func importMinutes(ctx context.Context, ia importArgs, stdout, stderr io.Writer, getenv func(string) string) error {
	name := strings.Join(strings.Fields(ia.committee), " ")
	switch {
	case name == "":
		return errors.New("import minutes: say which committee: --committee NAME")
	case len(name) > commands.MaxNameLen:
		return fmt.Errorf("import minutes: the committee's name is too long (the limit is %d characters)", commands.MaxNameLen)
	}
	text, db, closeDB, err := openImport(ctx, ia, getenv, stderr)
	if err != nil {
		return err
	}
	defer closeDB()
	im, err := commands.New(db, nil).ImportMinutesOf(ctx, name, text, "quorum import")
	if err != nil {
		var ue *commands.UserError
		if errors.As(err, &ue) {
			return fmt.Errorf("%s: %s", ia.file, plainText(ue.Msg))
		}
		return err
	}
	summary := plainText(commands.MinutesImportSummary(im))
	for _, w := range im.Read.Warnings {
		fmt.Fprintln(stderr, "warning:", w)
	}
	if !ia.json {
		fmt.Fprintln(stdout, summary)
		return nil
	}
	fmt.Fprintln(stderr, summary)
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(im.Read)
}
