package main

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/quorumhq/quorum/commands"
	"github.com/quorumhq/quorum/minutes"
)

// TestReadmeLinksResolve: every file README.md links to or names (a
// relative link, or a NAME.md) is in the repository. README once sent
// readers to a DESIGN.md that is not.
func TestReadmeLinksResolve(t *testing.T) {
	raw, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, m := range regexp.MustCompile(`\]\(([^)#\s]+)`).FindAllStringSubmatch(string(raw), -1) {
		if !strings.Contains(m[1], "://") && !strings.HasPrefix(m[1], "mailto:") {
			paths = append(paths, m[1])
		}
	}
	for _, m := range regexp.MustCompile(`(?:^|[\s(\x60])((?:[\w.-]+/)*[\w.-]+\.md)\b`).FindAllStringSubmatch(string(raw), -1) {
		paths = append(paths, m[1])
	}
	if len(paths) == 0 {
		t.Fatal("found no links in README.md; the test reads it wrong")
	}
	for _, p := range paths {
		if strings.HasPrefix(p, "../") || filepath.IsAbs(p) {
			t.Errorf("README.md points outside the repository: %s", p)
			continue
		}
		if _, err := os.Stat(filepath.Join("../..", p)); err != nil {
			t.Errorf("README.md names %s, which is not in the repository", p)
		}
	}
}

// TestImportJSONDocumented: docs/import-json.md names every field that
// `quorum import … --json` prints, so the document keeps up with the types.
func TestImportJSONDocumented(t *testing.T) {
	raw, err := os.ReadFile("../../docs/import-json.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(raw)
	seen := map[reflect.Type]bool{}
	var walk func(reflect.Type)
	walk = func(typ reflect.Type) {
		for typ.Kind() == reflect.Slice || typ.Kind() == reflect.Pointer {
			typ = typ.Elem()
		}
		if typ.Kind() != reflect.Struct || seen[typ] {
			return
		}
		seen[typ] = true
		for i := 0; i < typ.NumField(); i++ {
			f := typ.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name == "" || name == "-" {
				continue
			}
			if !strings.Contains(doc, "| `"+name+"` |") && !strings.Contains(doc, "`"+name+"` (") && !strings.Contains(doc, "`"+name+"`,") {
				t.Errorf("docs/import-json.md does not describe %s.%s (%q)", typ.Name(), f.Name, name)
			}
			walk(f.Type)
		}
	}
	walk(reflect.TypeOf(minutes.Minutes{}))
	walk(reflect.TypeOf(minutes.Agenda{}))
	walk(reflect.TypeOf(importResult{})) // the fields each document's object adds
}

// TestReadmeCommandTableListsEverySubcommand: README's table of commands
// names every subcommand each command declares, so that a subcommand
// added or renamed is not missing from the page people learn the
// commands from.
func TestReadmeCommandTableListsEverySubcommand(t *testing.T) {
	raw, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	// The table is headed "| command | forms |"; its rows start
	// "| `/command`", and a command may have more than one ("`/meeting`
	// (on the day)", "`/committee quorum`").
	_, table, _ := strings.Cut(string(raw), "\n| command | forms |\n")
	table, _, _ = strings.Cut(table, "\n\n")
	forms := map[string]string{}
	row := regexp.MustCompile("(?m)^\\| `(/[a-z]+)[^`]*`[^|]*\\|.*$")
	for _, m := range row.FindAllStringSubmatch(table, -1) {
		forms[m[1]] += " " + m[0]
	}
	if len(forms) == 0 {
		t.Fatal("found no command table in README.md; the test reads it wrong")
	}
	for _, c := range commands.New(nil, nil).Commands() {
		got, ok := forms[c.Name]
		if !ok {
			t.Errorf("README's table of commands has no row for %s", c.Name)
			continue
		}
		for _, sub := range c.Subs {
			if sub.Name == "" {
				continue
			}
			// "`member add @user …`", "`/committee quorum`", "· `done
			// ID`" or "`apologies\|declarations`": the name starts a
			// form in backticks, or one of a form's alternatives.
			if !regexp.MustCompile("(`|\\\\\\|)(" + regexp.QuoteMeta(c.Name) + " )?" + regexp.QuoteMeta(sub.Name) + "\\b").MatchString(got) {
				t.Errorf("README's table of commands does not list %s %s", c.Name, sub.Name)
			}
		}
	}
}
