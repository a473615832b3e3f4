package main

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

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
