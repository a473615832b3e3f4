package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/quorumhq/quorum/commands"
	"github.com/quorumhq/quorum/minutes"
)

const importUsage = `Usage:
  quorum import minutes FILE --committee NAME [--json]
  quorum import agenda FILE --committee NAME [--json]

Reads a document as councils publish it (text extracted from the PDF; an
agenda pack is searched for the part asked for) and stores it for the
committee, which is made if Quorum does not know it. Importing the same
document twice changes nothing. With --json, prints what was read.
Uses DATABASE_URL.
`

// importArgs are the arguments every import verb takes.
type importArgs struct {
	Verb      string
	File      string
	Committee string
	JSON      bool
}

// importCmd imports published agendas and minutes.
func importCmd(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, importUsage)
		return errors.New("say what to import: minutes or agenda")
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, importUsage)
		return nil
	case "minutes":
		a, err := parseImportArgs(args[0], args[1:], stderr)
		if err != nil {
			return err
		}
		return importMinutes(ctx, a, stdout, stderr, getenv)
	case "agenda":
		return errors.New("import agenda is not available yet")
	}
	fmt.Fprint(stderr, importUsage)
	return fmt.Errorf("cannot import %q: say minutes or agenda", args[0])
}

// parseImportArgs reads "FILE --committee NAME [--json]", flags before or
// after the file.
func parseImportArgs(verb string, args []string, stderr io.Writer) (importArgs, error) {
	a := importArgs{Verb: verb}
	fs := newFlags("import "+verb, "quorum import "+verb+" FILE --committee NAME [--json]", stderr)
	fs.StringVar(&a.Committee, "committee", "", "the committee the document belongs to; made if Quorum does not know it")
	fs.BoolVar(&a.JSON, "json", false, "print what was read, as JSON")
	var files []string
	for {
		if err := fs.Parse(args); err != nil {
			return a, err
		}
		if fs.NArg() == 0 {
			break
		}
		files = append(files, fs.Arg(0))
		args = fs.Args()[1:]
	}
	switch {
	case len(files) == 0:
		fs.Usage()
		return a, fmt.Errorf("import %s: give the file to import", verb)
	case len(files) > 1:
		return a, fmt.Errorf("import %s: give one file (got %s)", verb, strings.Join(files, ", "))
	}
	a.File = files[0]
	a.Committee = strings.Join(strings.Fields(a.Committee), " ")
	switch {
	case a.Committee == "":
		return a, fmt.Errorf("import %s: say which committee: --committee NAME", verb)
	case len(a.Committee) > commands.MaxNameLen:
		return a, fmt.Errorf("import %s: the committee's name is too long (the limit is %d characters)", verb, commands.MaxNameLen)
	}
	return a, nil
}

// readDocument reads a document to import, refusing one too large to be
// minutes or an agenda.
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
		return "", fmt.Errorf("%s is larger than %d MB: is it the text of the document?", path, minutes.MaxInputSize>>20)
	}
	return string(b), nil
}

func importMinutes(ctx context.Context, a importArgs, stdout, stderr io.Writer, getenv func(string) string) error {
	text, err := readDocument(a.File)
	if err != nil {
		return err
	}
	cfg, err := loadConfig(getenv)
	if err != nil {
		return err
	}
	db, closeDB, err := openDatabase(ctx, cfg, stderr)
	if err != nil {
		return err
	}
	defer closeDB()
	if err := db.Migrate(ctx, nil); err != nil {
		return err
	}
	im, err := commands.New(db, nil).ImportMinutesOf(ctx, a.Committee, text, "quorum import")
	if err != nil {
		return err
	}
	if a.JSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(im.Read)
	}
	fmt.Fprintln(stdout, commands.Unescape(commands.ImportSummary(im)))
	for _, w := range im.Read.Warnings {
		fmt.Fprintln(stderr, "warning:", w)
	}
	return nil
}
