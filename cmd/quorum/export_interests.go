package main

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"html/template"
	"io"
	"strings"

	"github.com/quorumhq/quorum/commands"
)

// exportInterests writes a committee's register of interests for
// publication, sensitive details withheld: `quorum export interests
// --committee NAME --csv|--html`.
func exportInterests(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string) error {
	fs := newFlags("export interests", "quorum export interests --committee NAME --csv|--html", stderr)
	name := fs.String("committee", "", "the committee's `NAME`")
	asCSV := fs.Bool("csv", false, "write CSV")
	asHTML := fs.Bool("html", false, "write an HTML page")
	if err := fs.Parse(args); err != nil {
		return flagMistake(fs, err)
	}
	switch {
	case fs.NArg() > 0:
		return fmt.Errorf("export interests takes flags only (got %q)", fs.Arg(0))
	case strings.TrimSpace(*name) == "":
		return errors.New("export interests: say which committee: --committee NAME")
	case *asCSV && *asHTML:
		return errors.New("export interests: give one format, --csv or --html, not both")
	case !*asCSV && !*asHTML:
		return errors.New("export interests: say the format: --csv or --html")
	}
	db, c, closeDB, err := openCommittee(ctx, "export interests", *name, stderr, getenv)
	if err != nil {
		return err
	}
	defer closeDB()
	members, err := db.Members(ctx, c.ID)
	if err != nil {
		return err
	}
	es, err := db.Interests(ctx, c.ID, "", false)
	if err != nil {
		return err
	}
	reviews, err := db.InterestReviews(ctx, c.ID)
	if err != nil {
		return err
	}
	rows := commands.PublishedRegister(members, es, reviews)
	if *asHTML {
		return registerPage.Execute(stdout, struct {
			Committee string
			Columns   []string
			Rows      []commands.RegisterRow
		}{c.Name, commands.RegisterColumns, rows})
	}
	out := csv.NewWriter(stdout)
	if err := out.Write(commands.RegisterColumns); err != nil {
		return err
	}
	for _, r := range rows {
		cells := r.Cells()
		for i, v := range cells {
			cells[i] = inert(v)
		}
		if err := out.Write(cells); err != nil {
			return err
		}
	}
	out.Flush()
	return out.Error()
}

// registerPage is the published register as a page; html/template escapes
// what members typed.
var registerPage = template.Must(template.New("register").Parse(`<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Register of interests — {{.Committee}}</title></head>
<body>
<h1>Register of interests — {{.Committee}}</h1>
<table>
<thead><tr>{{range .Columns}}<th>{{.}}</th>{{end}}</tr></thead>
<tbody>
{{range .Rows}}<tr>{{range .Cells}}<td>{{.}}</td>{{end}}</tr>
{{end}}</tbody>
</table>
</body>
</html>
`))
