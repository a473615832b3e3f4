package commands

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

var testNow = time.Date(2026, 11, 23, 12, 0, 0, 0, london)

func TestParseDeclaration(t *testing.T) {
	cases := []struct {
		text    string
		want    declareArgs
		wantErr string
	}{
		{"7.5 personal Trustee of SWACA", declareArgs{Item: "7.5", Kind: InterestPersonal, Nature: "Trustee of SWACA"}, ""},
		{"7.7 pecuniary Spouse employed by Sefton CVS", declareArgs{Item: "7.7", Kind: InterestPecuniary, Nature: "Spouse employed by Sefton CVS"}, ""},
		{"4 other Member of the IOM board", declareArgs{Item: "4", Kind: InterestOther, Nature: "Member of the IOM board"}, ""},
		{"7.7 dpi Shares in Acme", declareArgs{Item: "7.7", Kind: InterestPecuniary, Nature: "Shares in Acme"}, ""},
		{"7.7 Disclosable Pecuniary Interest: Shares in Acme", declareArgs{Item: "7.7", Kind: InterestPecuniary, Nature: "Shares in Acme"}, ""},
		{"7.7 disclosable pecuniary Shares", declareArgs{Item: "7.7", Kind: InterestPecuniary, Nature: "Shares"}, ""},
		{"7a non-pecuniary Volunteer", declareArgs{Item: "7a", Kind: InterestPersonal, Nature: "Volunteer"}, ""},
		{"item 6 personal interest — Neighbour of the station", declareArgs{Item: "6", Kind: InterestPersonal, Nature: "Neighbour of the station"}, ""},
		{"6 other registrable interest Governor", declareArgs{Item: "6", Kind: InterestOther, Nature: "Governor"}, ""},
		{"6 non-registrable Friend of the applicant", declareArgs{Item: "6", Kind: InterestOther, Nature: "Friend of the applicant"}, ""},
		{"10/12/2026 7.5 personal Trustee", declareArgs{Date: Date{2026, time.December, 10}, Item: "7.5", Kind: InterestPersonal, Nature: "Trustee"}, ""},
		{"", declareArgs{}, "start with the agenda item"},
		{"personal Trustee", declareArgs{}, `"personal" is not an agenda item number`},
		{"7.5 Trustee of SWACA", declareArgs{}, "say what kind of interest"},
		{"7.5 personal", declareArgs{}, "must give its nature"},
		{"7.5 personal interest", declareArgs{}, "must give its nature"},
		{"7.5 personal " + strings.Repeat("x", 1001), declareArgs{}, "too long"},
		{"31/02/2027 7.5 personal Trustee", declareArgs{}, "no 31 February"},
		{"next 17/12 7.5 personal Trustee", declareArgs{}, "`next 17/12` gives both `next` and a date: give one or the other, `/declare 17/12/2026 …`"},
		{"next 7 personal Trustee", declareArgs{Item: "7", Kind: InterestPersonal, Nature: "Trustee"}, ""},
	}
	for _, tc := range cases {
		got, err := parseDeclaration(strings.Fields(tc.text), testNow, london)
		if tc.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("parseDeclaration(%q) error = %v, want %q", tc.text, err, tc.wantErr)
			}
			continue
		}
		if err != nil {
			t.Errorf("parseDeclaration(%q): %v", tc.text, err)
			continue
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("parseDeclaration(%q) (-want +got):\n%s", tc.text, diff)
		}
	}
}

func TestDeclarationsParagraph(t *testing.T) {
	items := []AgendaItem{{Number: "4", Title: "Integrated Offender Management (IOM) Refresh Strategy"}, {Number: "7.5", Title: "SWACA"}, {Number: "7.7", Title: "Sefton CVS"}}
	at := testNow
	ds := []Declaration{
		{Item: "7.7", Name: "Sue Holden", Kind: InterestPecuniary, Nature: "Spouse employed by Sefton CVS", DeclaredAt: at},
		{Item: "7.5", Name: "Neil Frackelton", Kind: InterestPersonal, Nature: "Trustee of SWACA.", DeclaredAt: at.Add(time.Minute)},
		{Item: "4", Name: "Jan Marlow", Kind: InterestOther, Nature: "being a member of the IOM board", DeclaredAt: at.Add(2 * time.Minute)},
		{Item: "7.7", Name: "Tony Harland", Kind: InterestPecuniary, Nature: "Director of a supplier", Dispensation: true, DeclaredAt: at.Add(3 * time.Minute)},
		{Item: "7.5", Name: "Withdrawn Person", Kind: InterestPersonal, Nature: "x", Withdrawn: true},
	}
	// Sue is recorded leaving while item 7.7 was under discussion, and not
	// back by the close.
	sue := "name:" + personKey("Sue Holden")
	st := meetingState{
		sit: SittingOf([]SessionEvent{{Action: ActionItem, Item: "7.7", At: at.Add(10 * time.Minute)}, {Action: ActionClosed, At: at.Add(30 * time.Minute)}}),
		log: []AttendanceMark{
			{ID: 1, MemberKey: sue, Seq: 1, Name: "Sue Holden", Status: AttendPresent, At: at},
			{ID: 2, MemberKey: sue, Seq: 2, Name: "Sue Holden", Status: AttendLeft, At: at.Add(11 * time.Minute)},
		},
	}
	st.att = Standing(st.log)
	got := declarationsParagraph(ds, items, false, nil, nil, st.leaving, false)
	want := "Jan Marlow declared an interest in Item 4 (Integrated Offender Management (IOM) Refresh Strategy) being a member of the IOM board. " +
		"Neil Frackelton declared a personal interest in Item 7.5 (SWACA) as Trustee of SWACA. " +
		"Sue Holden declared a disclosable pecuniary interest in Item 7.7 (Sefton CVS) as Spouse employed by Sefton CVS, and left the meeting for that item. " +
		"Tony Harland declared a disclosable pecuniary interest in Item 7.7 (Sefton CVS) as Director of a supplier, and remained in the meeting under a dispensation."
	if got != want {
		t.Errorf("paragraph:\n got %s\nwant %s", got, want)
	}
	// Without the attendance, nothing says Sue left, nor that she stayed.
	if got := DeclarationsParagraph(ds, items); !strings.Contains(got, "as Spouse employed by Sefton CVS. Tony Harland") {
		t.Errorf("without the attendance:\n%s", got)
	}
	if got := DeclarationsParagraph(nil, items); got != "No declarations of any disclosable pecuniary interests or personal interests were received." {
		t.Errorf("no declarations: %s", got)
	}
	if got := DeclarationsParagraph(ds[4:], items); got != NoDeclarations {
		t.Errorf("only withdrawn declarations: %s", got)
	}
}

// TestFirstPerson: a nature is in the first person by its pronouns,
// wherever they stand, but not by words in capitals ("US", "ME"), an "I"
// in an initialism, nor the "I" of a name ("Grade I").
func TestFirstPerson(t *testing.T) {
	for words, want := range map[string]bool{
		"My partner works for SWACA":                           true,
		"I am a trustee of SWACA":                              true,
		"Shares held by my wife":                               true,
		"I’m employed by Sefton CVS":                           true,
		"our family business supplies the board":               true,
		"Trustee of SWACA":                                     false,
		"Director of a US company":                             false,
		"Spouse employed by Sefton CVS":                        false,
		"Member of the IOM board":                              false,
		"Owner of a Grade I listed building let to SWACA":      false,
		"Trustee of the ME Association":                        false,
		"Director of an I.T. firm supplying the police":        false,
		"Member of WE CARE and OUR PLACE":                      false,
		"Director of a US firm":                                false,
		"I am a trustee":                                       true,
		"My partner is a Grade I listed building's owner":      true,
		"Since I joined the board of SWACA":                    true,
		"We own a Grade II listed building let to the council": true,
		"Owner of a building. I let it to SWACA":               true,
		"Partner and I own shares in G4S":                      true,
	} {
		if got := firstPerson(words); got != want {
			t.Errorf("firstPerson(%q) = %v, want %v", words, got, want)
		}
	}
}

// FuzzParseDeclaration: no input makes the parser panic, and what it
// accepts is within the limits and made of the input's own words.
func FuzzParseDeclaration(f *testing.F) {
	for _, s := range []string{"7.5 personal Trustee of SWACA", "7.7 dpi x", "item 4: other registrable interest — y", "10/12/2026 7a non-pecuniary z", "", "31/02/2026", "7.5 disclosable", "9 June 7.5 personal x",
		"next 7.5 pecuniary x", "next Thursday 7.5 personal x", "next, 7.7. other y", "A1 personal x", "b2. other y", "7.7. pecuniary x",
		"item B2: personal z", "(A1) other z", "31/02 7.5 personal x", "next 31/02 7.5 personal x", "A1.1 personal x",
		"next 17/12 7.5 personal x", "next Thursday 17 December 7.5 personal x", "next, 10 December 2026 7a other y", "next 7 personal x",
		"7.5 personal é" + strings.Repeat("x", MaxNatureLen-1), "6 Trustee of SWACA", "7.5 Trustee of `SWACA", "10/12 7`.5 x &lt;y&gt;", "next 7.5",
		"1 other 0\x000", "7.5 personal <@U1|neil> and &lt;@U2&gt;", "7.5 personal &lt;y&gt;", "1 other <@U1|neil> a friend", "7.5 personal <#C1|general> <!here> <mailto:a@b.org|a@b.org>",
		"7.5 personal <#C1\xff\x7feneraal|<\x00\x00!hereilto:a@b\vR.\x81 o@rab.org6_\xdd(\xfb=>5\x9aKX", "7.5 personal <\x00!here> x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		a, err := parseDeclaration(strings.Fields(text), testNow, london)
		// The kind left out is asked for with what was typed, in a code
		// span that stays whole.
		if nk := (*noKindError)(nil); errors.As(err, &nk) {
			if reply := nk.reply("").Error(); strings.Count(reply, "`")%2 != 0 {
				t.Fatalf("%q: an odd number of backquotes in %q", text, reply)
			}
		}
		if err != nil {
			return
		}
		if !isItemNumber(a.Item) || a.Nature == "" || unnamedLen(a.Nature) > MaxNatureLen {
			t.Fatalf("accepted %q as %+v", text, a)
		}
		if a.Kind != InterestPecuniary && a.Kind != InterestPersonal && a.Kind != InterestOther {
			t.Fatalf("kind %q from %q", a.Kind, text)
		}
		// The nature's first word is the input's, as plainMarked keeps it:
		// Slack's entities undone, no mention mark typed, and a mention
		// marked with its user's ID. The mark is dropped from the text as
		// shown, as plainMarked does, not before: Slack sends no NUL, and
		// "<\x00!here>" is not the markup "<!here>" read with a NUL lost.
		typed := strings.ReplaceAll(Unescape(ShownMarkup(text)), mentionMark, "")
		parts := strings.Split(strings.Fields(a.Nature)[0], mentionMark)
		for i, p := range parts {
			id, _, _ := strings.Cut(p, "|")
			if i%2 == 0 && !strings.Contains(typed, p) || i%2 == 1 && !strings.Contains(text, "<@"+id) {
				t.Fatalf("nature %q not from %q", a.Nature, text)
			}
		}
		if saidNextFirst(strings.Fields(text)) && !a.Date.IsNext() {
			t.Fatalf("%q: next read as %v", text, a.Date)
		}
	})
}

// checkLinkText: the rendering holds no raw < or > except one link's own
// brackets, and no | outside the link's separator.
func checkLinkText(t *testing.T, u, title string) {
	t.Helper()
	got := LinkText(u, title)
	inner := got
	if i := strings.LastIndex(got, "> ("); i >= 0 && strings.HasSuffix(got, ")") {
		got = got[:i+1] // the host shown beside the link
		inner = got
	}
	if strings.HasPrefix(got, "<") && strings.HasSuffix(got, ">") {
		inner = got[1 : len(got)-1]
		if strings.Count(inner, "|") < 1 {
			t.Fatalf("LinkText(%q, %q) = %q: link without label", u, title, got)
		}
		if addr, _, _ := strings.Cut(inner, "|"); addr != strings.ReplaceAll(u, "&", "&amp;") {
			t.Fatalf("LinkText(%q, %q) = %q: address changed", u, title, got)
		}
	}
	if strings.ContainsAny(inner, "<>") {
		t.Fatalf("LinkText(%q, %q) = %q: unescaped bracket", u, title, got)
	}
}
