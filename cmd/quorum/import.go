package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"
	"unicode/utf8"

	"github.com/quorumhq/quorum/commands"
	"github.com/quorumhq/quorum/minutes"
	"github.com/quorumhq/quorum/storage"
)

const importUsage = `Usage:
  quorum import agenda PATH… [--committee NAME] [--dry-run] [--json] [--replace]
  quorum import minutes PATH… --committee NAME [--dry-run] [--json] [--replace-drafts]

Reads published documents (plain text; a whole agenda pack will do) and
records each for the committee, which is created if missing (unless its
name is near another committee's: that is refused, naming it). A PATH may be
a file or a directory, read recursively for .txt, .text, .md and .pdf
files (a PDF is read with pdftotext, from poppler-utils).
Each document is imported on its own: one that fails does not stop the
others, and one imported before changes nothing. Two documents of one
meeting (minutes, or agendas) that read otherwise are neither imported:
each fails, naming the other. With several documents a
table at the end lists what each held and what failed. --dry-run reads
without writing; --json prints one JSON object per document on standard
output. The exit status is non-zero if any document failed.
Minutes of a meeting drafted in Quorum and not yet confirmed are not
replaced: the import of that document is refused, naming them, unless
--replace-drafts is given (the drafts are then kept in the audit log).
A revised agenda keeps the items it still has, renumbered or with another
presenter, and their records with them. One that would take off its
meeting's agenda items with declarations of interest or report links on
record is refused likewise, naming them, unless --replace is given (the
records stay, under the items removed).
`

// importArgs are the arguments every import verb takes.
type importArgs struct {
	verb      string
	paths     []string
	committee string
	json      bool
	dryRun    bool
	// replaceDrafts lets minutes replace those drafted in Quorum.
	replaceDrafts bool
	// replace lets an agenda take off items with records.
	replace bool
}

// parseImportArgs reads "VERB PATH… [--committee NAME] [--dry-run]
// [--json]", with the flags before, between or after the paths.
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
	// Say what can be imported before reading flags for a verb there is
	// not: "quorum import pack.txt" would otherwise be told to give a
	// FILE, under a usage line that takes pack.txt for the verb.
	committeeFlag, extra, committeeHelp := "", "", ""
	switch ia.verb {
	case "minutes":
		committeeFlag, extra = "--committee NAME", " [--replace-drafts]"
		committeeHelp = "the committee's `NAME` (needed: minutes often print a former name)"
	case "agenda":
		committeeFlag, extra = "[--committee NAME]", " [--replace]" // an agenda prints its committee's name
		committeeHelp = "the committee's `NAME` (default: the name printed in the document)"
	default:
		fmt.Fprint(stderr, importUsage)
		if _, err := os.Stat(ia.verb); err == nil {
			return ia, fmt.Errorf("cannot import %q: say whether it is an agenda or minutes: quorum import agenda %[1]s, or quorum import minutes %[1]s --committee NAME", ia.verb)
		}
		return ia, fmt.Errorf("cannot import %q: say agenda or minutes", ia.verb)
	}
	fs := newFlags("import "+ia.verb, "quorum import "+ia.verb+" PATH… "+committeeFlag+" [--dry-run] [--json]"+extra, stderr)
	fs.StringVar(&ia.committee, "committee", "", committeeHelp)
	fs.BoolVar(&ia.json, "json", false, "print one JSON object per document: what was read and what happened")
	fs.BoolVar(&ia.dryRun, "dry-run", false, "read the documents and report, writing nothing")
	if ia.verb == "minutes" {
		fs.BoolVar(&ia.replaceDrafts, "replace-drafts", false, "replace minutes drafted in Quorum and not yet confirmed (kept in the audit log) instead of refusing")
	}
	if ia.verb == "agenda" {
		fs.BoolVar(&ia.replace, "replace", false, "take off the agenda items with declarations of interest or report links (which stay on record) instead of refusing")
	}
	rest := args[1:]
	for {
		if err := fs.Parse(rest); err != nil {
			// Each verb has its own way to replace what is there: say
			// which, to the one who gave the other's.
			switch msg := err.Error(); {
			case ia.verb == "minutes" && strings.HasSuffix(msg, "not defined: -replace"):
				return ia, errors.New("import minutes: --replace is for agendas; minutes drafted in Quorum are replaced with --replace-drafts")
			case ia.verb == "agenda" && strings.HasSuffix(msg, "not defined: -replace-drafts"):
				return ia, errors.New("import agenda: --replace-drafts is for minutes; an agenda that takes off items with records is imported with --replace")
			}
			return ia, flagMistake(fs, err)
		}
		if fs.NArg() == 0 {
			break
		}
		ia.paths = append(ia.paths, fs.Arg(0))
		rest = fs.Args()[1:]
	}
	if len(ia.paths) == 0 {
		fs.Usage()
		return ia, fmt.Errorf("import %s takes at least one FILE or directory", ia.verb)
	}
	return ia, nil
}

// importCmd imports published agendas and minutes.
func importCmd(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string) error {
	ia, err := parseImportArgs(args, stderr)
	if err != nil {
		return err
	}
	ia.committee = strings.Join(strings.Fields(ia.committee), " ")
	switch ia.verb {
	case "minutes":
		// The committee must be named: minutes often print a former
		// name (Minute 28 renamed the partnership).
		if ia.committee == "" {
			return errors.New("import minutes: say which committee: --committee NAME")
		}
	}
	if len(ia.committee) > commands.MaxNameLen {
		return fmt.Errorf("import %s: the committee's name is too long (the limit is %d characters)", ia.verb, commands.MaxNameLen)
	}
	files, others, hidden, err := collectDocuments(ia.paths)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		if len(others) == 0 && len(hidden) > 0 {
			return fmt.Errorf("import %s: no .txt, .text, .md or .pdf files under %s, only %s, whose names start with a dot and are not read (hidden files, as an editor's or version control's); name a document without the dot to import it", ia.verb, strings.Join(ia.paths, ", "), listFiles(hidden))
		}
		if len(others) == 0 {
			return fmt.Errorf("import %s: no .txt, .text, .md or .pdf files under %s: it holds no files at all", ia.verb, strings.Join(ia.paths, ", "))
		}
		// Name what was passed over: a folder of Word documents looks,
		// to the person who made it, like a folder of minutes.
		return fmt.Errorf("import %s: no .txt, .text, .md or .pdf files under %s, only %s, which are not read: save Word documents as PDF or plain text, and import those", ia.verb, strings.Join(ia.paths, ", "), listFiles(others))
	}
	imp := &importer{ia: ia}
	// Each set of minutes prints the actions outstanding when it was
	// written; of an archive, only the latest's still are. The archive is
	// imported without them, then its latest minutes again with theirs.
	imp.skipActions = ia.verb == "minutes" && len(files) > 1
	if !ia.dryRun {
		cfg, err := loadConfig(getenv)
		if err != nil {
			return err
		}
		// The database is opened for the first document read and found
		// fit to import: without DATABASE_URL that starts a server, which
		// a file that is no agenda, or minutes without a date, should not
		// cost.
		var closeDB func()
		imp.open = func(ctx context.Context) (*storage.DB, error) {
			db, c, err := openMigrated(ctx, cfg, stderr)
			closeDB = c
			return db, err
		}
		defer func() {
			if closeDB != nil {
				closeDB()
			}
		}()
	}
	// Two documents of one meeting would each replace the other on every
	// run, the last read winning: the clerk must choose, so neither is
	// imported.
	var conflicts map[string]string
	if len(files) > 1 {
		// A first pass over every document: on a terminal, its own
		// progress line, for an archive of PDFs takes a while to read.
		check := newProgress(stderr, len(files))
		check.what = "documents read for their meetings"
		conflicts = sameMeeting(ctx, ia.verb, ia.committee == "", files, check.step)
		check.done()
	}
	prog := newProgress(stderr, len(files))
	results := make([]importResult, 0, len(files))
	for i, f := range files {
		if ctx.Err() != nil {
			break
		}
		var r importResult
		if msg, ok := conflicts[f]; ok {
			r = importResult{File: f, Kind: ia.verb, Committee: ia.committee, Outcome: "failed", Err: f + ": " + msg}
		} else {
			r = imp.one(ctx, f)
		}
		if imp.openErr != nil {
			return imp.openErr
		}
		results = append(results, r)
		prog.step(i + 1)
		if ia.json {
			if err := writeResultJSON(stdout, r); err != nil {
				return err
			}
		} else if r.summary != "" {
			fmt.Fprintln(stdout, r.summary)
		}
		if len(files) == 1 && !ia.json {
			for _, w := range r.warnings {
				fmt.Fprintln(stderr, "warning:", w)
			}
		} else if ia.json && r.summary != "" {
			fmt.Fprintln(stderr, r.summary)
		}
	}
	prog.done()
	var actionsErr error
	if imp.skipActions && imp.db != nil && ctx.Err() == nil {
		actionsErr = imp.latestActions(ctx, results, stdout, stderr)
	}
	if len(files) > 1 || ia.dryRun {
		// The table goes to stderr with --json so that stdout stays JSON;
		// a dry run has no other report, even of one document.
		w := stdout
		if ia.json {
			w = stderr
		}
		writeTable(w, results)
	}
	failed := 0
	for _, r := range results {
		if r.Err != "" {
			failed++
		}
	}
	switch {
	case actionsErr != nil:
		// The documents listed were saved, each in its own transaction.
		return fmt.Errorf("import %s: the documents above were imported as listed, but the actions of the latest minutes were not added (%w); import that document again on its own to add them", ia.verb, actionsErr)
	case ctx.Err() != nil:
		return fmt.Errorf("import %s: stopped after %d of %d documents: %w", ia.verb, len(results), len(files), ctx.Err())
	case len(files) == 1 && failed == 1:
		return errors.New(results[0].Err)
	case failed > 0:
		return fmt.Errorf("import %s: %d of %d documents failed", ia.verb, failed, len(files))
	}
	return nil
}

// documentExts are the files a directory is searched for.
var documentExts = map[string]bool{".txt": true, ".text": true, ".md": true, ".pdf": true}

// collectDocuments expands directories into the documents under them, in
// lexical order; a file named on the command line is taken whatever its
// name. others are the files under the directories that are not read;
// hidden, those passed over for their names (a dot first: an editor's
// lock file, a Mac's folder settings, a copy kept by version control).
func collectDocuments(paths []string) (out, others, hidden []string, err error) {
	for _, p := range paths {
		st, err := os.Stat(p)
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil, nil, fmt.Errorf("%s: no such file or directory, so nothing was imported", p)
		}
		if err != nil {
			return nil, nil, nil, fmt.Errorf("%w, so nothing was imported", err)
		}
		if !st.IsDir() {
			out = append(out, p)
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			name := d.Name()
			if d.IsDir() {
				if path != p && strings.HasPrefix(name, ".") {
					hidden = append(hidden, path)
					return filepath.SkipDir
				}
				return nil
			}
			switch {
			case strings.HasPrefix(name, "."):
				hidden = append(hidden, path)
			case !d.Type().IsRegular():
			case documentExts[strings.ToLower(filepath.Ext(name))]:
				out = append(out, path)
			default:
				others = append(others, path)
			}
			return nil
		})
		if err != nil {
			return nil, nil, nil, err
		}
	}
	return out, others, hidden, nil
}

// listFiles names the first three of files, and how many more there are.
func listFiles(files []string) string {
	shown := files[:min(3, len(files))]
	if len(files) > len(shown) {
		return fmt.Sprintf("%s and %d more", strings.Join(shown, ", "), len(files)-len(shown))
	}
	return strings.Join(shown, ", ")
}

// sameMeeting reads the minutes (or agendas, as verb says) among files and
// says, of each that is of the same meeting as another file that reads
// otherwise, which files those are. A file that cannot be read, or read as
// the kind asked for, is left to the import to report; a copy of the same
// minutes or agenda is no conflict, as its import changes nothing.
func sameMeeting(ctx context.Context, verb string, byHeading bool, files []string, step func(done int)) map[string]string {
	type doc struct {
		file string
		sum  [sha256.Size]byte
	}
	byDate := map[string][]doc{}
	var dates []string
	for i, f := range files {
		if ctx.Err() != nil {
			return nil
		}
		step(i + 1)
		text, err := readDocument(ctx, f)
		if err != nil {
			continue
		}
		d, committee, sum, ok := meetingRead(verb, text)
		if !ok {
			continue
		}
		// Without --committee each document goes to the committee its
		// heading names: two committees meeting on one day are two
		// meetings.
		if byHeading {
			d += "\x00" + strings.ToLower(strings.Join(strings.Fields(committee), " "))
		}
		if byDate[d] == nil {
			dates = append(dates, d)
		}
		byDate[d] = append(byDate[d], doc{f, sum})
	}
	out := map[string]string{}
	for _, d := range dates {
		docs := byDate[d]
		differ := false
		for _, o := range docs[1:] {
			differ = differ || o.sum != docs[0].sum
		}
		if !differ {
			continue
		}
		for _, doc := range docs {
			var others []string
			for _, o := range docs {
				if o.sum != doc.sum {
					others = append(others, o.file)
				}
			}
			differs := "which differs"
			if len(others) > 1 {
				differs = "which differ"
			}
			what := "the minutes of the meeting on %s are also in %s, %s"
			if verb == "agenda" {
				what = "the agenda of the meeting on %s is also in %s, %s"
			}
			day, _, _ := strings.Cut(d, "\x00")
			out[doc.file] = fmt.Sprintf(what+": neither was imported, as each would replace the other; import the right one on its own, and take the other out of the archive", day, strings.Join(others, " and "), differs)
		}
	}
	return out
}

// meetingRead is the day of the meeting whose minutes (or agenda) text
// holds, the committee its heading names, and a hash of what was read: as the import judges sameness, the
// same minutes cut from two packs, or spaced otherwise, are one document,
// whatever their bytes. ok is false for text that does not read as one.
func meetingRead(verb, text string) (day, committee string, sum [sha256.Size]byte, ok bool) {
	var read any
	if verb == "agenda" {
		a, err := commands.ReadAgenda(text)
		if err != nil || a.Meeting.Date == "" {
			return "", "", sum, false
		}
		canon := *a
		canon.Warnings = nil
		day, committee, read = a.Meeting.Date, a.Meeting.Committee, canon
	} else {
		m, err := commands.ReadMinutes(text)
		if err != nil {
			return "", "", sum, false
		}
		canon := *m
		canon.Warnings = nil
		day, committee, read = m.Meeting.Date, m.Meeting.Committee, canon
	}
	b, err := json.Marshal(read)
	if err != nil {
		return "", "", sum, false
	}
	return day, committee, sha256.Sum256(b), true
}

// importer imports documents one at a time; open is nil on a dry run.
type importer struct {
	ia importArgs
	// open opens the database, once db is needed; openErr is why it
	// could not be, which stops the import.
	open    func(context.Context) (*storage.DB, error)
	openErr error
	db      *storage.DB
	// skipActions imports minutes without their actions: see the second
	// pass in importCmd.
	skipActions bool
}

// importResult is what became of one document: a row of the table and a
// JSON object.
type importResult struct {
	File         string `json:"file"`
	Kind         string `json:"kind"`
	Outcome      string `json:"outcome"` // imported, replaced, unchanged, read (dry run) or failed
	Err          string `json:"error,omitempty"`
	Committee    string `json:"-"`
	Date         string `json:"-"`
	Items        int    `json:"-"`
	Resolutions  int    `json:"-"`
	Apologies    int    `json:"-"`
	Declarations int    `json:"-"`
	warnings     []string
	summary      string
	read         any
}

// latestActions imports the latest of the minutes in results again, with
// their actions, and says what it added.
func (imp *importer) latestActions(ctx context.Context, results []importResult, stdout, stderr io.Writer) error {
	latest := -1
	for i, r := range results {
		if r.Err == "" && (latest < 0 || r.Date > results[latest].Date) {
			latest = i
		}
	}
	if latest < 0 {
		return nil
	}
	if read, ok := results[latest].read.(*minutes.Minutes); !ok || len(read.Actions) == 0 {
		return nil
	}
	imp.skipActions = false
	r := imp.one(ctx, results[latest].File)
	if r.Err != "" {
		return errors.New(r.Err)
	}
	w := stdout
	if imp.ia.json {
		w = stderr
	}
	fmt.Fprintln(w, r.summary)
	return nil
}

// database is the database to import into, opened by the first call; nil
// on a dry run, or when it cannot be opened (openErr says why).
func (imp *importer) database(ctx context.Context) *storage.DB {
	if imp.db == nil && imp.open != nil && imp.openErr == nil {
		imp.db, imp.openErr = imp.open(ctx)
	}
	return imp.db
}

func (imp *importer) one(ctx context.Context, file string) importResult {
	r := importResult{File: file, Kind: imp.ia.verb, Committee: imp.ia.committee}
	fail := func(err error) importResult {
		var ue *commands.UserError
		msg := err.Error()
		if errors.As(err, &ue) {
			msg = plainText(ue.Msg)
		}
		r.Outcome, r.Err = "failed", file+": "+msg
		return r
	}
	text, err := readDocument(ctx, file)
	if err != nil {
		return fail(err)
	}
	if imp.ia.verb == "agenda" {
		return imp.agenda(ctx, r, text, fail)
	}
	return imp.minutes(ctx, r, text, fail)
}

func (imp *importer) agenda(ctx context.Context, r importResult, text string, fail func(error) importResult) importResult {
	// Read the document before touching the records, so that a file that
	// is not an agenda creates no committee.
	parsed, err := commands.ReadAgenda(text)
	if err != nil {
		return fail(err)
	}
	if r.Committee == "" {
		if parsed.Meeting.Committee == "" {
			return fail(errors.New("the document names no committee I can read: give --committee NAME"))
		}
		r.Committee = parsed.Meeting.Committee
	}
	if len(r.Committee) > commands.MaxNameLen {
		return fail(fmt.Errorf("committee name too long (the limit is %d characters)", commands.MaxNameLen))
	}
	a := parsed
	// An agenda without a date cannot be imported: say so before the
	// committee is made.
	if a.Meeting.Date == "" {
		return fail(errors.New("I could not find the meeting's date in that agenda."))
	}
	if imp.open == nil {
		r.Outcome = "read"
	} else {
		if imp.database(ctx) == nil {
			return fail(imp.openErr)
		}
		c, err := commands.ImportCommittee(ctx, imp.db, r.Committee, "import")
		if err != nil {
			return fail(err)
		}
		var res commands.AgendaImportResult
		a, res, err = commands.ImportAgendaWith(ctx, imp.db, c, text, "import", commands.AgendaImportOptions{Replace: imp.ia.replace, At: time.Now()})
		if err != nil {
			return fail(err)
		}
		r.Outcome = "imported"
		if res.Unchanged {
			r.Outcome = "unchanged"
		}
		r.summary = plainText(commands.AgendaImportSummary(c, a, res))
	}
	r.Date, r.Items, r.warnings, r.read = a.Meeting.Date, len(a.Items), a.Warnings, a
	return r
}

func (imp *importer) minutes(ctx context.Context, r importResult, text string, fail func(error) importResult) importResult {
	// Minutes the import would refuse are refused before the database
	// is touched, in the words the import uses.
	read, err := commands.ReadMinutes(text)
	if err != nil {
		return fail(err)
	}
	if imp.open == nil {
		r.Outcome = "read"
	} else {
		if imp.database(ctx) == nil {
			return fail(imp.openErr)
		}
		svc := commands.New(imp.db, nil)
		opts := commands.MinutesImportOptions{ReplaceDrafts: imp.ia.replaceDrafts, SkipActions: imp.skipActions, At: time.Now()}
		im, err := svc.ImportMinutesWith(ctx, r.Committee, text, "quorum import", opts)
		if err != nil {
			return fail(err)
		}
		read, r.Outcome = im.Read, string(im.Outcome)
		r.summary = plainText(commands.MinutesImportSummary(im))
	}
	r.Date, r.Items, r.Apologies, r.Declarations = read.Meeting.Date, len(read.Minutes), len(read.Apologies), len(read.Declarations)
	for _, m := range read.Minutes {
		r.Resolutions += len(m.Resolutions)
	}
	r.warnings, r.read = read.Warnings, read
	return r
}

// writeResultJSON prints one document's result on one line: what was read
// (the shape in docs/import-json.md) with the file, kind, outcome and any
// error added, so that a script can follow an archive's import.
func writeResultJSON(w io.Writer, r importResult) error {
	head, err := json.Marshal(r)
	if err != nil {
		return err
	}
	line := head
	if r.read != nil {
		body, err := json.Marshal(r.read)
		if err != nil {
			return err
		}
		if len(body) > 2 {
			line = append(append(head[:len(head)-1:len(head)-1], ','), body[1:]...)
		}
	}
	_, err = fmt.Fprintf(w, "%s\n", line)
	return err
}

// writeTable lists each document: what it held, or why it failed.
func writeTable(w io.Writer, results []importResult) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "FILE\tKIND\tCOMMITTEE\tDATE\tITEMS\tRESOLUTIONS\tAPOLOGIES\tDECLARATIONS\tWARNINGS\tRESULT")
	failed := 0
	for _, r := range results {
		if r.Err != "" {
			failed++
			fmt.Fprintf(tw, "%s\t%s\t%s\t\t\t\t\t\t\tfailed\n", r.File, r.Kind, r.Committee)
			continue
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%d\t%d\t%d\t%d\t%s\n", r.File, r.Kind, r.Committee, r.Date,
			r.Items, r.Resolutions, r.Apologies, r.Declarations, len(r.warnings), r.Outcome)
	}
	tw.Flush()
	docs := "documents"
	if len(results) == 1 {
		docs = "document"
	}
	fmt.Fprintf(w, "%d %s: %d read, %d failed.\n", len(results), docs, len(results)-failed, failed)
	for _, r := range results {
		if r.Err != "" {
			fmt.Fprintln(w, "failed:", r.Err)
		}
	}
}

// progress shows documents done, rate and time left on a terminal; it
// writes nothing when stderr is a file or a pipe, so logs stay clean.
type progress struct {
	w     io.Writer
	total int
	start time.Time
	on    bool
	// what is counted: "documents" unless said.
	what string
}

func newProgress(stderr io.Writer, total int) *progress {
	p := &progress{w: stderr, total: total, start: time.Now()}
	if f, ok := stderr.(*os.File); ok && total > 1 {
		if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
			p.on = true
		}
	}
	return p
}

func (p *progress) step(done int) {
	if !p.on {
		return
	}
	el := time.Since(p.start).Seconds()
	rate := float64(done) / max(el, 0.001)
	left := time.Duration(float64(p.total-done)/rate) * time.Second
	what := p.what
	if what == "" {
		what = "documents"
	}
	fmt.Fprintf(p.w, "\r%d/%d %s, %.1f/s, %s left   ", done, p.total, what, rate, left.Round(time.Second))
}

func (p *progress) done() {
	if p.on {
		fmt.Fprint(p.w, "\r\033[K")
	}
}

// pdfHeaderWithin is how far into a file its PDF header may be: PDF
// readers, and pdftotext, take one after stray bytes (a line break a web
// page's script sent first), within the first kilobyte.
const pdfHeaderWithin = 1024

// readDocument reads a document to import, refusing files too large to be
// one. A PDF is read through poppler's pdftotext -layout, which keeps each
// printed line a line: measured against a pure-Go reader on minutes laid out
// as word processors write them, it was the one that kept words and lines
// in order (BENCHMARKS.md).
func readDocument(ctx context.Context, path string) (string, error) {
	// The caller names the file before each error, so these do not.
	f, err := os.Open(path)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			return "", fmt.Errorf("cannot open it: %w", pe.Err)
		}
		return "", err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, minutes.MaxInputSize+1))
	if err != nil {
		return "", fmt.Errorf("cannot read it: %w", err)
	}
	switch {
	case bytes.Contains(b[:min(len(b), pdfHeaderWithin)], []byte("%PDF-")):
		return pdfText(ctx, path)
	case len(b) > minutes.MaxInputSize:
		return "", fmt.Errorf("the file is larger than %d MB: not a document I can import", minutes.MaxInputSize>>20)
	case len(bytes.TrimSpace(bytes.TrimPrefix(b, []byte("\uFEFF")))) == 0:
		// A byte order mark alone, as Notepad saves an empty file "UTF-8
		// with BOM", is no text either.
		return "", errors.New("the file is empty: there is nothing in it to import")
	case strings.EqualFold(filepath.Ext(path), ".pdf"):
		// Read as text it would be refused for holding no agenda or
		// minutes "in that text", which says nothing of what went wrong.
		head := bytes.ToLower(b[:min(len(b), pdfHeaderWithin)])
		if bytes.Contains(head, []byte("<html")) || bytes.Contains(head, []byte("<!doctype html")) {
			return "", errors.New("the file is named .pdf but is a web page, not a PDF (an error or sign-in page the web site sent in the document's place?): download the PDF again, and import that")
		}
		return "", errors.New("the file is named .pdf but is not a PDF: open it to see what it is, save it as PDF or as plain text (UTF-8), and import that")
	case bytes.IndexByte(b, 0) >= 0:
		// Text has no NUL bytes; a word processor's file, or text
		// saved as UTF-16 ("Unicode" in Notepad), has many.
		return "", errors.New("the file is not plain text (a Word document, or text saved as UTF-16?): save it as plain text (UTF-8) or as PDF, and import that")
	case !utf8.Valid(b):
		// Text that is not UTF-8 and has no NUL byte is, from a council,
		// Windows-1252 (Latin-1 and curly quotes), as older word
		// processors and Notepad save it: read so, its "£" and quotes
		// are kept, where read as UTF-8 they would be dropped. Text with
		// UTF-8 in it as well is UTF-8 with a few bytes damaged: read as
		// Windows-1252 its "’" would become "â€™", so the damaged bytes
		// are dropped instead.
		if hasUTF8(b) {
			return strings.ToValidUTF8(string(b), ""), nil
		}
		return windows1252(b), nil
	}
	return string(b), nil
}

// windows1252High are the characters Windows-1252 puts at 0x80 to 0x9F,
// where Latin-1 has control codes; the five it leaves undefined stay the
// control code of that number.
var windows1252High = [32]rune{
	'€', 0x81, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0x8D, 'Ž', 0x8F,
	0x90, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0x9D, 'ž', 'Ÿ',
}

// hasUTF8 reports whether b holds a character UTF-8 writes in more than
// one byte.
func hasUTF8(b []byte) bool {
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if n > 1 && r != utf8.RuneError {
			return true
		}
		b = b[n:]
	}
	return false
}

// windows1252 is b, Windows-1252 text, as UTF-8.
func windows1252(b []byte) string {
	var out strings.Builder
	out.Grow(len(b) + len(b)/8)
	for _, c := range b {
		switch {
		case c < 0x80:
			out.WriteByte(c)
		case c < 0xA0:
			out.WriteRune(windows1252High[c-0x80])
		default:
			out.WriteRune(rune(c)) // Latin-1 is Unicode's first 256
		}
	}
	return out.String()
}

// pdfText is the text of a PDF, laid out as printed.
func pdfText(ctx context.Context, path string) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "pdftotext", "-layout", "-enc", "UTF-8", "-q", path, "-")
	var out, errOut bytes.Buffer
	cmd.Stdout = &limitedBuffer{b: &out, n: minutes.MaxInputSize + 1}
	cmd.Stderr = &limitedBuffer{b: &errOut, n: 4 << 10}
	err := cmd.Run()
	switch {
	case errors.Is(err, exec.ErrNotFound):
		return "", errors.New("reading a PDF needs pdftotext (Debian: apt-get install poppler-utils); or convert the file to text and import that")
	case err != nil:
		// -q keeps pdftotext's own words out of the way: say what is
		// likely, and what to do.
		detail := strings.TrimSpace(errOut.String())
		if detail != "" {
			detail = ": " + detail
		}
		return "", fmt.Errorf("pdftotext could not read it (%v%s): it may be damaged or protected by a password; open it and save or print it as a new PDF, or as text, and import that", err, detail)
	case out.Len() > minutes.MaxInputSize:
		return "", fmt.Errorf("its text is larger than %d MB: not a document I can import", minutes.MaxInputSize>>20)
	case strings.TrimSpace(out.String()) == "":
		return "", errors.New("the PDF holds no text (a scan? run it through OCR first)")
	}
	return out.String(), nil
}

// limitedBuffer keeps at most n bytes and swallows the rest, so that a
// huge PDF cannot fill memory.
type limitedBuffer struct {
	b *bytes.Buffer
	n int
}

func (l *limitedBuffer) Write(p []byte) (int, error) {
	if room := l.n - l.b.Len(); room > 0 {
		l.b.Write(p[:min(len(p), room)])
	}
	return len(p), nil
}

// plainText turns a reply's Slack markup into terminal text.
func plainText(s string) string {
	return strings.NewReplacer("*", "", "_", "").Replace(commands.Unescape(s))
}
