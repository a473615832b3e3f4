package main

import (
	"context"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/quorumhq/quorum/commands"
	"github.com/quorumhq/quorum/storage"
)

const exportUsage = `Usage:
  quorum export history --committee NAME [--since DATE] --csv
  quorum export attendance --committee NAME [--year YEAR] --csv
  quorum export interests --committee NAME --csv|--html
  quorum export minutes --committee NAME --date DATE [--format html|txt|md]

export history writes every change to the committee's records on standard
output as CSV, oldest first: apologies, declarations of interest, report
links, agenda items, attendance, the meetings themselves (scheduled, moved,
opened, closed, cancelled), minutes and their approval, decisions, actions,
the register of interests, membership and the committee's settings. Each
row gives when, the meeting (empty for the register, membership and the
settings), the record, what was done, the
item, the member, the detail, and who made the change. --since keeps the changes made on or
after DATE (2026-12-10, 10/12/2026 or 10 December 2026), in the committee's
time zone.

export attendance writes each member's attendance over YEAR (this year by
default): meetings expected, attended, remotely, by substitute, apologies,
absent and the percentage, as /committee attendance shows them.

export interests writes the committee's register of interests for publication: each
member's standing entries, the details of sensitive ones withheld.

export minutes writes the minutes of the committee's meeting on DATE,
compiled from the records as /minutes draft compiles them: the printable
page (html, the default), plain text (txt) or Markdown (md).
`

// exportCmd writes records out for audits.
func exportCmd(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "-help" || args[0] == "--help" {
		fmt.Fprint(stderr, exportUsage)
		if len(args) == 0 {
			return errors.New("say what to export: history, attendance, interests or minutes")
		}
		return flag.ErrHelp
	}
	if args[0] == "attendance" {
		return exportAttendance(ctx, args[1:], stdout, stderr, getenv)
	}
	if args[0] == "interests" {
		return exportInterests(ctx, args[1:], stdout, stderr, getenv)
	}
	if args[0] == "minutes" {
		return exportMinutes(ctx, args[1:], stdout, stderr, getenv)
	}
	if args[0] != "history" {
		fmt.Fprint(stderr, exportUsage)
		return fmt.Errorf("cannot export %q: say history, attendance, interests or minutes", args[0])
	}
	fs := newFlags("export history", "quorum export history --committee NAME [--since DATE] --csv", stderr)
	name := fs.String("committee", "", "the committee's `NAME`")
	since := fs.String("since", "", "only changes made on or after `DATE`")
	asCSV := fs.Bool("csv", false, "write CSV (the one format there is)")
	if err := fs.Parse(args[1:]); err != nil {
		return flagMistake(fs, err)
	}
	switch {
	case fs.NArg() > 0:
		return fmt.Errorf("export history takes flags only (got %q)", fs.Arg(0))
	case strings.TrimSpace(*name) == "":
		return errors.New("export history: say which committee: --committee NAME")
	case !*asCSV:
		return errors.New("export history: say the format: --csv")
	}
	db, c, closeDB, err := openCommittee(ctx, "export history", *name, stderr, getenv)
	if err != nil {
		return err
	}
	defer closeDB()
	loc := c.Location()
	var from time.Time
	if *since != "" {
		d, err := flagDate("export history", "--since", *since, loc)
		if err != nil {
			return err
		}
		from = d.Start(loc)
	}
	changes, err := db.CommitteeHistory(ctx, c.ID, from)
	if err != nil {
		return err
	}
	return writeHistoryCSV(stdout, changes, loc)
}

// historyColumns are the columns of the history CSV.
var historyColumns = []string{"at", "meeting", "record", "action", "item", "member", "member_id", "detail", "by", "by_id"}

// writeHistoryCSV writes changes as CSV, times in loc.
func writeHistoryCSV(w io.Writer, changes []commands.Change, loc *time.Location) error {
	out := csv.NewWriter(w)
	if err := out.Write(historyColumns); err != nil {
		return err
	}
	for _, ch := range changes {
		by := ch.ByName
		if by == "" {
			by = ch.By
		}
		// A meeting with no known time (minutes that print none) is
		// given by its day: its midnight would read as a time it met.
		// One at a time the clocks read twice carries its zone.
		meeting := commands.ClockIn(ch.MeetingStarts, loc, "2006-01-02 15:04")
		switch {
		case ch.MeetingID == 0:
			// The register of interests, membership and the
			// settings are the committee's, not a meeting's.
			meeting = ""
		case ch.MeetingTimeUnknown:
			meeting = ch.MeetingStarts.In(loc).Format("2006-01-02")
		}
		detail := ch.Detail
		if ch.WithRemoval {
			// Withdrawn by removing the member (by), not by them.
			detail = strings.TrimSpace(detail + " (withdrawn on removal from the committee)")
		}
		if ch.Was != "" {
			// An item changed in place: what it read before.
			detail += " (it read " + ch.Was + ")"
		}
		row := []string{
			ch.At.In(loc).Format(time.RFC3339), meeting,
			string(ch.Record), ch.Action, ch.Item, ch.Name, ch.UserID, detail, by, ch.By,
		}
		for i, v := range row {
			row[i] = inert(v)
		}
		if err := out.Write(row); err != nil {
			return err
		}
	}
	out.Flush()
	return out.Error()
}

// inert keeps a cell that people typed from being read as a formula when
// the CSV is opened in a spreadsheet: one starting with =, +, -, @ or a
// control character gets a leading apostrophe, as OWASP advises.
func inert(v string) string {
	if v != "" && strings.ContainsRune("=+-@\t\r", rune(v[0])) {
		return "'" + v
	}
	return v
}

// openCommittee opens the migrated database and finds the committee
// called name, for the export verb what; closeDB closes the database.
func openCommittee(ctx context.Context, what, name string, stderr io.Writer, getenv func(string) string) (db *storage.DB, c commands.Committee, closeDB func(), err error) {
	cfg, err := loadConfig(getenv)
	if err != nil {
		return nil, commands.Committee{}, nil, err
	}
	db, closeDB, err = openMigrated(ctx, cfg, stderr)
	if err != nil {
		return nil, commands.Committee{}, nil, err
	}
	c, err = db.CommitteeByName(ctx, strings.Join(strings.Fields(name), " "))
	if err != nil {
		defer closeDB()
		if errors.Is(err, commands.ErrNotFound) {
			where := ""
			if cfg.DatabaseURL == "" {
				// An operator who forgot DATABASE_URL would otherwise
				// be told that their committee is not there.
				where = ". DATABASE_URL is not set, so this looked in the console's private database: set DATABASE_URL to export from Quorum's own"
			}
			return nil, commands.Committee{}, nil, fmt.Errorf("%s: no committee is called %q%s. Nothing was exported%s", what, name, committeesHint(ctx, db, name), where)
		}
		return nil, commands.Committee{}, nil, err
	}
	return db, c, closeDB, nil
}

// committeesHint says which committee a name not found may mean, or which
// there are, so that an export with a slip in the name can be typed again
// without looking the name up elsewhere.
func committeesHint(ctx context.Context, db *storage.DB, name string) string {
	names, err := db.CommitteeNames(ctx)
	if err != nil {
		return "" // the refusal stands without the hint
	}
	near := commands.NearNames(name, names)
	want := commands.NameSkeleton(name)
	for _, n := range names {
		if commands.NameSkeleton(n) == want && !slices.Contains(near, n) {
			near = append(near, n)
		}
	}
	quote := func(ns []string, and string) string {
		q := make([]string, len(ns))
		for i, n := range ns {
			q[i] = fmt.Sprintf("%q", n)
		}
		if len(q) == 1 {
			return q[0]
		}
		return strings.Join(q[:len(q)-1], ", ") + " " + and + " " + q[len(q)-1]
	}
	const listed = 10 // more would bury the message
	switch {
	case len(near) > 0:
		return "; did you mean " + quote(near, "or") + "? Give --committee " + fmt.Sprintf("%q", near[0])
	case len(names) == 0:
		return " (there are no committees yet: set one up in Slack, or import its agendas or minutes)"
	case len(names) <= listed:
		return " (the committees are " + quote(names, "and") + ")"
	}
	return ""
}

// flagDate reads flag's value s, for cmd, as a date in loc. A day that
// does not exist ("2026-02-30") is answered with the reason the bot gives
// for it, "There is no 30 February 2026", rather than as no date at all,
// which would leave the reader looking for a typo in the form.
func flagDate(cmd, flag, s string, loc *time.Location) (commands.Date, error) {
	d, err := commands.ParseDate(s, time.Now(), loc)
	switch {
	case err != nil && !errors.Is(err, commands.ErrNotADate):
		msg := commands.Unescape(err.Error())
		return commands.Date{}, fmt.Errorf("%s: %s %q: %s", cmd, flag, s, strings.ToUpper(msg[:1])+msg[1:])
	case err != nil || d.IsNext():
		return commands.Date{}, fmt.Errorf("%s: %s %q is not a date: try 2026-12-10", cmd, flag, s)
	}
	return d, nil
}
