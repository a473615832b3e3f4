package commands

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/quorumhq/quorum/minutes"
)

// TestMinutesRecordRenamesARepeatedNumberToAFreeOne: a number printed
// twice is stored the second time under a number of its own, one that no
// other minute of the document is printed with, so that the real minute
// "12-2" keeps its number and the repeated 12 does not take it.
func TestMinutesRecordRenamesARepeatedNumberToAFreeOne(t *testing.T) {
	c := Committee{ID: 1, Name: "Safer Sefton Together", TimeZone: DefaultTimeZone}
	minute := func(number, title string) minutes.Minute {
		return minutes.Minute{Number: number, Title: title, Resolutions: []string{"That the report be noted."}, References: []string{}}
	}
	cases := []struct {
		name      string
		printed   []minutes.Minute
		want      []string
		wantNotes []string
	}{
		{
			name:      "the real N-2 after the repeated N",
			printed:   []minutes.Minute{minute("12", "MINUTES"), minute("12", "AGAIN"), minute("12-2", "THIRD")},
			want:      []string{"12", "12-3", "12-2"},
			wantNotes: []string{"minute 12 appears more than once; this one is stored as 12-3"},
		},
		{
			name:      "the real N-2 before the repeated N",
			printed:   []minutes.Minute{minute("12-2", "FIRST"), minute("12", "MINUTES"), minute("12", "AGAIN")},
			want:      []string{"12-2", "12", "12-3"},
			wantNotes: []string{"minute 12 appears more than once; this one is stored as 12-3"},
		},
		{
			name:    "N-2 and N-3 both printed, N three times",
			printed: []minutes.Minute{minute("7", "A"), minute("7-2", "B"), minute("7", "C"), minute("7-3", "D"), minute("7", "E")},
			want:    []string{"7", "7-2", "7-4", "7-3", "7-5"},
			wantNotes: []string{
				"minute 7 appears more than once; this one is stored as 7-4",
				"minute 7 appears more than once; this one is stored as 7-5",
			},
		},
		{
			name:      "no N-2 printed",
			printed:   []minutes.Minute{minute("5", "A"), minute("5", "B")},
			want:      []string{"5", "5-2"},
			wantNotes: []string{"minute 5 appears more than once; this one is stored as 5-2"},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			read := &minutes.Minutes{
				Meeting: minutes.Meeting{Date: "2023-02-08"},
				Present: []string{}, Apologies: []minutes.Person{}, Declarations: []minutes.Declaration{},
				Minutes: tc.printed, Warnings: []string{},
			}
			rec, notes, err := minutesRecord(c, read, "text", "UIAN", nil)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, m := range rec.Minutes {
				got = append(got, m.Number)
			}
			if diff := cmp.Diff(got, tc.want); diff != "" {
				t.Errorf("stored numbers (-got +want):\n%s", diff)
			}
			if diff := cmp.Diff(notes, tc.wantNotes); diff != "" {
				t.Errorf("notes (-got +want):\n%s", diff)
			}
		})
	}
}

// TestInstruction: the owner's name goes before an instruction only, so
// that no action prints as "Jo Smith to neil to send the figures".
func TestInstruction(t *testing.T) {
	for text, want := range map[string]bool{
		"Circulate the strategy to partners":   true,
		"Report back on the pilot":             true,
		"Brief Neil on the figures":            true,
		"Sefton CVS to circulate the bulletin": false,
		"SWACA to report the figures":          false,
		"Neil to send the figures":             false,
		"Write to the council":                 false,
		"Figures to be circulated":             false,
		"The figures to be circulated":         false,
		"Is the grant still available?":        false,
		"Ask Safer Streets to confirm":         false,
		"":                                     false,
		"X":                                    false,
	} {
		if got := instruction(text); got != want {
			t.Errorf("instruction(%q) = %v, want %v", text, got, want)
		}
	}
}
