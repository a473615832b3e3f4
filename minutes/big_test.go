package minutes

import (
	"strings"
	"testing"
	"time"
)

// TestLargeInputs guards against work that grows faster than the input:
// each of these shapes once took minutes through repeated string joins.
func TestLargeInputs(t *testing.T) {
	const size = 512 << 10
	pack := readTestdata(t, packFile)
	inputs := []struct{ name, text string }{
		{"pack repeated", strings.Repeat(pack, size/len(pack)+1)},
		{"attendance list", "PRESENT:\n" + strings.Repeat("Councillor Jane Smith\n", size/22)},
		{"endless resolution", "MINUTES\n1. A\nRESOLVED: That\n" + strings.Repeat("the thing be noted and\n", size/23)},
		{"one long line", "MINUTES\n1. A\n" + strings.Repeat("word ", size/5)},
		{"narrative", "MINUTES\n1. A\n" + strings.Repeat("some narrative text here\n", size/25)},
		{"agenda description", "AGENDA\n1. A\n" + strings.Repeat("some description text here\n", size/27)},
		{"bare numbers", "MINUTES\n" + strings.Repeat("1.\n2.\n", size/6)},
		{"hyphens", "MINUTES\n1. A\n" + strings.Repeat("re-\n", size/4)},
		{"dates", "AGENDA\n1. Date of Next Meeting\n" + strings.Repeat("9 June 2022 at 10am; ", size/21)},
		{"list markers", "MINUTES\n1. A\n" + strings.Repeat("A.\n\n", size/4)},
		{"numbered sentences", "MINUTES\n" + strings.Repeat("12 The council noted it.\n13 It was RESOLVED to agree.\n", size/50)},
		{"one line of headings", "MINUTES " + strings.Repeat("Text. 1. AB CD Apologies: X ", size/28)},
	}
	for _, in := range inputs {
		start := time.Now()
		_, _ = ParseMinutes(in.text)
		_, _ = ParseAgenda(in.text)
		t.Logf("%s %v", in.name, time.Since(start))
		if d := time.Since(start); d > 20*time.Second {
			t.Errorf("%s (%d KB): took %v", in.name, len(in.text)/1024, d)
		}
	}
}
