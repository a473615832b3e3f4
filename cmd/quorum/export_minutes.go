package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/quorumhq/quorum/commands"
	"github.com/quorumhq/quorum/storage"
)

const exportMinutesUsage = "quorum export minutes --committee NAME --date DATE [--format html|txt|md]"

// exportMinutes writes a meeting's minutes, compiled from the records as
// /minutes draft compiles them: the printable page, plain text or
// Markdown.
func exportMinutes(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string) error {
	fs := newFlags("export minutes", exportMinutesUsage, stderr)
	name := fs.String("committee", "", "the committee's `NAME`")
	date := fs.String("date", "", "the meeting's `DATE`")
	format := fs.String("format", "html", "`html`, txt or md")
	if err := fs.Parse(args); err != nil {
		return flagMistake(fs, err)
	}
	switch {
	case fs.NArg() > 0:
		return fmt.Errorf("export minutes takes flags only (got %q)", fs.Arg(0))
	case strings.TrimSpace(*name) == "":
		return errors.New("export minutes: say which committee: --committee NAME")
	case strings.TrimSpace(*date) == "":
		return errors.New("export minutes: say which meeting: --date DATE")
	case *format != "html" && *format != "txt" && *format != "md":
		return fmt.Errorf("export minutes: --format %q: say html, txt or md", *format)
	}
	db, c, closeDB, err := openCommittee(ctx, "export minutes", *name, stderr, getenv)
	if err != nil {
		return err
	}
	defer closeDB()
	d, err := flagDate("export minutes", "--date", *date, c.Location())
	if err != nil {
		return err
	}
	if hint, err := nearestMeetings(ctx, db, c, d); err != nil {
		return err
	} else if hint != "" {
		// The records' own refusal points to /meeting list, a Slack
		// command that shows the meetings to come, not those minuted.
		return fmt.Errorf("export minutes: %s has no meeting on %s%s. Nothing was exported", c.Name, d, hint)
	}
	doc, err := commands.New(db, nil).MinutesDocumentOf(ctx, c, d, time.Now())
	var ue *commands.UserError
	if errors.As(err, &ue) {
		return fmt.Errorf("export minutes: %s", commands.Unescape(ue.Msg))
	}
	if err != nil {
		return err
	}
	switch *format {
	case "txt":
		_, err = io.WriteString(stdout, doc.PlainText())
	case "md":
		_, err = io.WriteString(stdout, doc.Markdown())
	default:
		var page []byte
		if page, err = commands.MinutesHTML(doc); err == nil {
			_, err = stdout.Write(page)
		}
	}
	return err
}

// nearestMeetings is "" when the committee has a meeting on d; otherwise
// what to give --date instead: the days of its meetings nearest d, within
// a year either side, or that it has none.
func nearestMeetings(ctx context.Context, db *storage.DB, c commands.Committee, d commands.Date) (string, error) {
	loc := c.Location()
	day := d.Start(loc)
	ms, err := db.Meetings(ctx, c.ID, day.AddDate(-1, 0, 0), day.AddDate(1, 0, 1))
	if err != nil {
		return "", err
	}
	var days []time.Time
	for _, m := range ms {
		start := m.StartsAt.In(loc)
		if start.Format(time.DateOnly) == day.Format(time.DateOnly) {
			return "", nil
		}
		days = append(days, start)
	}
	if len(days) == 0 {
		return " (nor any within a year of it)", nil
	}
	distance := func(t time.Time) time.Duration { return max(t.Sub(day), day.Sub(t)) }
	slices.SortStableFunc(days, func(a, b time.Time) int { return cmp.Compare(distance(a), distance(b)) })
	days = days[:min(3, len(days))]
	slices.SortFunc(days, func(a, b time.Time) int { return a.Compare(b) })
	dates := make([]string, len(days))
	for i, t := range days {
		dates[i] = t.Format(time.DateOnly)
	}
	if len(dates) == 1 {
		// "were" would not do for a meeting still to come, nor "those"
		// for one.
		return "; its meeting nearest that day is on " + dates[0] + ": give that to --date", nil
	}
	return "; its meetings nearest that day are on " + strings.Join(dates, ", ") + ": give one of those to --date", nil
}
