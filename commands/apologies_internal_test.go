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
		{"Unwell", apologyArgs{Reason: "Unwell", SetReason: true}},
		{"10/12/2026 Attending court sub <@UG|graeme>", apologyArgs{Date: Date{2026, 12, 10}, Reason: "Attending court", SetReason: true, SubstituteID: "UG", SubstituteName: "graeme", SetSubstitute: true}},
		{"Attending court substitute Jane Smith", apologyArgs{Reason: "Attending court", SetReason: true, SubstituteName: "Jane Smith", SetSubstitute: true}},
		// The word after "sub" is kept, to be looked for among the members'
		// names (subNotNamed); none has "committee" in it.
		{"At the sub committee meeting", apologyArgs{Reason: "At the sub committee meeting", SetReason: true, SubWord: "committee"}},
		{"reason sub sue", apologyArgs{Reason: "sub sue", SetReason: true}},
		{"Unwell sub", apologyArgs{Reason: "Unwell sub", SetReason: true}},
		// An update names what it changes.
		{"sub <@UG|graeme>", apologyArgs{SubstituteID: "UG", SubstituteName: "graeme", SetSubstitute: true}},
		{"sub none", apologyArgs{SetSubstitute: true}},
		{"Sub: NONE", apologyArgs{SetSubstitute: true}},
		{"reason none", apologyArgs{SetReason: true}},
		{"Reason: Attending court", apologyArgs{Reason: "Attending court", SetReason: true}},
		{"reason none sub none", apologyArgs{SetReason: true, SetSubstitute: true}},
		{"sub none Unwell", apologyArgs{Reason: "Unwell", SetReason: true, SetSubstitute: true}},
		{"reason None of your business", apologyArgs{Reason: "None of your business", SetReason: true}},
		{"none", apologyArgs{Reason: "none", SetReason: true}},
		// A substitute in quotes, straight or curly, need not be on Slack.
		{`sub "Jane Smith (Sefton CVS)"`, apologyArgs{SubstituteName: "Jane Smith (Sefton CVS)", SetSubstitute: true}},
		{"Attending court sub “Jane Smith (Sefton CVS)”", apologyArgs{Reason: "Attending court", SetReason: true, SubstituteName: "Jane Smith (Sefton CVS)", SetSubstitute: true}},
		{`sub ”jane smith” Attending court`, apologyArgs{Reason: "Attending court", SetReason: true, SubstituteName: "jane smith", SetSubstitute: true}},
		{`sub "Sam &amp; Co"`, apologyArgs{SubstituteName: "Sam & Co", SetSubstitute: true}},
		{"Attending court sub <@UG> today", apologyArgs{Reason: "Attending court today", SetReason: true, SubstituteID: "UG", SetSubstitute: true}},
		{"Chairing the planning sub", apologyArgs{Reason: "Chairing the planning sub", SetReason: true}},
	}
	for _, tc := range cases {
		got, err := parseApology(strings.Fields(tc.in), now, c.Location())
		if err != nil || got != tc.want {
			t.Errorf("parseApology(%q) = %+v, %v; want %+v", tc.in, got, err, tc.want)
		}
	}
}

func TestParseApologyRefuses(t *testing.T) {
	now := time.Date(2026, 11, 23, 12, 0, 0, 0, london)
	for in, want := range map[string]string{
		`sub "Jane Smith`:          "put the substitute's name between quotes",
		`sub "" Unwell`:            "put the substitute's name between quotes",
		"reason":                   "say `reason none` to remove the reason",
		"sub":                      `name the substitute after "sub"`,
		"10/12/2026 Substitute:":   `name the substitute after "substitute"`,
		"sub <@UA> sub <@UB>":      "name one substitute only",
		"sub @graeme Unwell":       "I could not find @graeme",
		`Unwell sub none sub "Jo"`: "name one substitute only",
	} {
		_, err := parseApology(strings.Fields(in), now, london)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("parseApology(%q) = %v, want an error saying %q", in, err, want)
		}
	}
}
