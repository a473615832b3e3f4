package minutes

import (
	"strings"
	"testing"
	"time"
)

// TestLargeInputs guards against work that grows faster than the input:
// each of these shapes once took minutes through repeated string joins.
// Each is read at 32 KB and at eight times that: work in step with the
// input takes about eight times as long, work that grows with its square
// sixty-four. The bound is on that growth, not on a time, which a slower
// machine, a busy one or the race detector would move for every shape
// alike.
func TestLargeInputs(t *testing.T) {
	pack := readTestdata(t, packFile)
	shapes := []struct {
		name string
		text func(size int) string
	}{
		{"pack repeated", func(size int) string { return strings.Repeat(pack, size/len(pack)+1) }},
		{"attendance list", func(size int) string { return "PRESENT:\n" + strings.Repeat("Councillor Jane Smith\n", size/22) }},
		{"endless resolution", func(size int) string {
			return "MINUTES\n1. A\nRESOLVED: That\n" + strings.Repeat("the thing be noted and\n", size/23)
		}},
		{"one long line", func(size int) string { return "MINUTES\n1. A\n" + strings.Repeat("word ", size/5) }},
		{"narrative", func(size int) string {
			return "MINUTES\n1. A\n" + strings.Repeat("some narrative text here\n", size/25)
		}},
		{"agenda description", func(size int) string {
			return "AGENDA\n1. A\n" + strings.Repeat("some description text here\n", size/27)
		}},
		{"bare numbers", func(size int) string { return "MINUTES\n" + strings.Repeat("1.\n2.\n", size/6) }},
		{"hyphens", func(size int) string { return "MINUTES\n1. A\n" + strings.Repeat("re-\n", size/4) }},
		{"dates", func(size int) string {
			return "AGENDA\n1. Date of Next Meeting\n" + strings.Repeat("9 June 2022 at 10am; ", size/21)
		}},
		{"list markers", func(size int) string { return "MINUTES\n1. A\n" + strings.Repeat("A.\n\n", size/4) }},
		{"numbered sentences", func(size int) string {
			return "MINUTES\n" + strings.Repeat("12 The council noted it.\n13 It was RESOLVED to agree.\n", size/50)
		}},
		{"one line of headings", func(size int) string { return "MINUTES " + strings.Repeat("Text. 1. AB CD Apologies: X ", size/28) }},
	}
	read := func(text string) time.Duration {
		start := time.Now()
		_, _ = ParseMinutes(text)
		_, _ = ParseAgenda(text)
		return time.Since(start)
	}
	const small, large = 32 << 10, 256 << 10
	for _, sh := range shapes {
		// The smaller read's time is floored, so that the ratio of two
		// reads of a few milliseconds is not all noise.
		s := max(read(sh.text(small)), 10*time.Millisecond)
		l := read(sh.text(large))
		// A read the scheduler set aside on a busy machine looks slow:
		// measured again, the best of three of each is kept. Work that
		// grows faster than the text is slow every time.
		for try := 0; try < 2 && l > 24*s; try++ {
			s = max(min(s, read(sh.text(small))), 10*time.Millisecond)
			l = min(l, read(sh.text(large)))
		}
		t.Logf("%s: %v at 32 KB, %v at 256 KB (%.1f times)", sh.name, s, l, float64(l)/float64(s))
		if l > 24*s {
			t.Errorf("%s: %v at 256 KB against %v at 32 KB: the work grows faster than the text", sh.name, l, s)
		}
	}
}
