package minutes

import (
	"regexp"
	"testing"
)

// The reader's patterns are compiled when first used, so one that does not
// compile would panic in the middle of an import rather than at start:
// compile them all here.
func TestEveryPatternCompiles(t *testing.T) {
	if len(allPatterns) < 200 {
		t.Fatalf("%d patterns registered; the reader has over two hundred", len(allPatterns))
	}
	for _, p := range allPatterns {
		if _, err := regexp.Compile(p.src); err != nil {
			t.Errorf("%q: %v", p.src, err)
		}
	}
}
