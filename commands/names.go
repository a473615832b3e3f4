package commands

import (
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Committee names are compared, and shown to people choosing between
// committees, so two that read the same must not both exist: one with a
// zero-width space, a right-to-left mark or a Cyrillic "а" in it would pass
// for the other. Names are normalised before they are compared or stored,
// compared by their look-alike skeleton, and a name mixing scripts is
// pointed out to the officer who chose it.

// NormalizeName is a committee's name as it is stored: Unicode NFKC (so
// full-width and compatibility letters become their plain forms), without
// invisible format characters (zero-width spaces and joiners, bidi
// controls, soft hyphens, byte-order marks) or invisible fillers, and with
// its white space collapsed to single spaces.
func NormalizeName(s string) string {
	s = norm.NFKC.String(s)
	s = strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Cf, r) || invisibleFillers[r] {
			return -1
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// invisibleFillers are letters that show as nothing, which NFKC keeps.
var invisibleFillers = map[rune]bool{'\u115F': true, '\u1160': true, '\u3164': true, '\uFFA0': true, '\u034F': true}

// NameSkeleton is what a name looks like, for telling whether two names
// would be mistaken for each other: normalised, with the Cyrillic and Greek
// letters that look like Latin ones read as those (before folding case, as
// an upper-case letter can look like another letter than its lower case
// does), then in lower case.
func NameSkeleton(s string) string {
	s = strings.Map(func(r rune) rune {
		if l, ok := latinLookAlikes[r]; ok {
			return l
		}
		return r
	}, NormalizeName(s))
	return strings.ToLower(s)
}

// latinLookAlikes maps letters of other scripts to the Latin letters they
// cannot be told from in most typefaces (after Unicode's confusables list,
// UTS #39).
var latinLookAlikes = map[rune]rune{
	// Cyrillic
	'А': 'A', 'В': 'B', 'Е': 'E', 'К': 'K', 'М': 'M', 'Н': 'H', 'О': 'O', 'Р': 'P', 'С': 'C', 'Т': 'T',
	'Х': 'X', 'У': 'Y', 'Ѕ': 'S', 'І': 'I', 'Ј': 'J', 'Ԛ': 'Q', 'Ԝ': 'W', 'Һ': 'H', 'Ӏ': 'I',
	'а': 'a', 'е': 'e', 'о': 'o', 'р': 'p', 'с': 'c', 'у': 'y', 'х': 'x', 'ѕ': 's', 'і': 'i', 'ј': 'j',
	'һ': 'h', 'ԁ': 'd', 'ԛ': 'q', 'ԝ': 'w', 'ӏ': 'l', 'ѵ': 'v',
	// Greek
	'Α': 'A', 'Β': 'B', 'Ε': 'E', 'Ζ': 'Z', 'Η': 'H', 'Ι': 'I', 'Κ': 'K', 'Μ': 'M', 'Ν': 'N', 'Ο': 'O',
	'Ρ': 'P', 'Τ': 'T', 'Υ': 'Y', 'Χ': 'X',
	'α': 'a', 'ο': 'o', 'ρ': 'p', 'ν': 'v', 'ι': 'i', 'κ': 'k', 'υ': 'u',
}

// scriptsToTell are the scripts whose mixing in one name is pointed out.
var scriptsToTell = []struct {
	name  string
	table *unicode.RangeTable
}{
	{"Latin", unicode.Latin}, {"Cyrillic", unicode.Cyrillic}, {"Greek", unicode.Greek},
	{"Armenian", unicode.Armenian}, {"Cherokee", unicode.Cherokee}, {"Georgian", unicode.Georgian},
	{"Hebrew", unicode.Hebrew}, {"Arabic", unicode.Arabic}, {"Han", unicode.Han},
	{"Hiragana", unicode.Hiragana}, {"Katakana", unicode.Katakana}, {"Hangul", unicode.Hangul},
	{"Devanagari", unicode.Devanagari}, {"Thai", unicode.Thai},
}

// MixedScripts names the scripts of the letters in s, in order, when they
// are more than one (a name in Latin letters with a Cyrillic "а" is
// "Cyrillic, Latin"); nil when s is written in one script.
func MixedScripts(s string) []string {
	seen := map[string]bool{}
	for _, r := range s {
		if !unicode.IsLetter(r) {
			continue
		}
		for _, sc := range scriptsToTell {
			if unicode.Is(sc.table, r) {
				seen[sc.name] = true
				break
			}
		}
	}
	if len(seen) < 2 {
		return nil
	}
	var out []string
	for name := range seen {
		out = append(out, name)
	}
	sort.Strings(out)
	return out
}

// LookAlike is the error of a committee name that reads the same as an
// existing committee's (Name), though its characters differ.
type LookAlike struct{ Name string }

func (e *LookAlike) Error() string { return "name looks like committee " + e.Name }

// Unwrap makes a LookAlike an ErrConflict.
func (e *LookAlike) Unwrap() error { return ErrConflict }
