package commands

import "testing"

// TestCutEscaped: the start of a message an officer is told could not be
// sent is cut without leaving half an escape, which Slack would show as
// "&am" before the "…".
func TestCutEscaped(t *testing.T) {
	for _, tc := range []struct {
		in   string
		n    int
		want string
	}{
		{"Health &amp; Wellbeing", 30, "Health &amp; Wellbeing"},
		{"Health &amp; Wellbeing", 10, "Health …"},
		{"Health &amp; Wellbeing", 13, "Health &amp;…"},
		{"a &lt;b&gt; c", 9, "a &lt;b…"},
	} {
		if got := cutEscaped(tc.in, tc.n); got != tc.want {
			t.Errorf("cutEscaped(%q, %d) = %q, want %q", tc.in, tc.n, got, tc.want)
		}
	}
}
