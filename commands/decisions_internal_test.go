package commands

import "testing"

// TestSequenceNumber: a minute's number is counted on from its leading
// figures, or its only ones; not from one whose figures stand apart, as
// the minute's and the year's do in "LSC/16/26".
func TestSequenceNumber(t *testing.T) {
	for _, tc := range []struct {
		number string
		want   int
		ok     bool
	}{
		{"29", 29, true},
		{"150/20", 150, true},
		{"Minute 45", 45, true},
		{"P064", 64, true},
		{"LSC/16/26", 0, false},
		{"FC/23/003", 0, false},
		{"A", 0, false},
	} {
		if n, ok := sequenceNumber(tc.number); n != tc.want || ok != tc.ok {
			t.Errorf("sequenceNumber(%q) = %d, %v; want %d, %v", tc.number, n, ok, tc.want, tc.ok)
		}
	}
}
