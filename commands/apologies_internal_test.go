package commands

import (
	"strings"
	"testing"
	"time"
)

func TestParseApology(t *testing.T) {
	now := time.Date(2026, 11, 23, 12, 0, 0, 0, london)
	c := Committee{TimeZone: DefaultTimeZone}
	cases := []struct {
		in   string
		want apologyArgs
	}{
		{"", apologyArgs{}},
		{"Unwell", apologyArgs{Reason: "Unwell"}},
		{"10/12/2026 Attending court sub <@UG|graeme>", apologyArgs{Date: Date{2026, 12, 10}, Reason: "Attending court", SubstituteID: "UG", SubstituteName: "graeme"}},
		{"Attending court substitute Jane Smith", apologyArgs{Reason: "Attending court", SubstituteName: "Jane Smith"}},
		{"At the sub committee meeting", apologyArgs{Reason: "At the sub committee meeting"}},
		{"Unwell sub", apologyArgs{Reason: "Unwell sub"}},
	}
	for _, tc := range cases {
		got, err := parseApology(strings.Fields(tc.in), now, c.Location())
		if err != nil || got != tc.want {
			t.Errorf("parseApology(%q) = %+v, %v; want %+v", tc.in, got, err, tc.want)
		}
	}
}
