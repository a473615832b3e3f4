package minutes

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden.json from the current parser output")

// goldenDoc records both parsers' view of one document, so that a pack, an
// agenda, a set of minutes and an unrelated report are all pinned down.
type goldenDoc struct {
	Agenda       *Agenda  `json:"agenda,omitempty"`
	AgendaError  string   `json:"agenda_error,omitempty"`
	Minutes      *Minutes `json:"minutes,omitempty"`
	MinutesError string   `json:"minutes_error,omitempty"`
}

func render(t *testing.T, text string) []byte {
	t.Helper()
	var doc goldenDoc
	a, err := ParseAgenda(text)
	if err != nil {
		doc.AgendaError = err.Error()
	} else {
		doc.Agenda = a
	}
	m, err := ParseMinutes(text)
	if err != nil {
		doc.MinutesError = err.Error()
	} else {
		doc.Minutes = m
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 6 {
		t.Fatalf("found %d testdata documents, want at least 6", len(files))
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			text, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			got := render(t, string(text))
			goldenPath := strings.TrimSuffix(f, ".txt") + ".golden.json"
			if *update {
				if err := os.WriteFile(goldenPath, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(goldenPath)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if diff := cmp.Diff(string(want), string(got)); diff != "" {
				t.Errorf("%s mismatch (-want +got):\n%s", goldenPath, diff)
			}
		})
	}
}
