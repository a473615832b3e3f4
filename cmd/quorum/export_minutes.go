package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/quorumhq/quorum/commands"
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
		return err
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
	d, err := commands.ParseDate(*date, time.Now(), c.Location())
	if err != nil || d.IsNext() {
		return fmt.Errorf("export minutes: --date %q is not a date: try 2026-12-10", *date)
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
