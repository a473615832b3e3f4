package minutes

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// notNameWords are capitalised words that appear in agenda titles and
// organisation names but not in people's names. Two capitalised words on a
// line after an item title are usually the presenter ("Kevin Sexton"), unless
// they are an organisation ("Sefton CCG", "Merseyside Police").
var notNameWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`council councils service services team partnership partnerships police report
		reports update updates strategy school schools board boards group groups committee committees meeting meetings
		minutes health youth fire rescue trust hospital centre center plan plans policy review borough county city
		authority agency community communities safety safer together budget housing education care children adults
		social planning application development road street item items agenda apologies
		declarations declaration interest interests date next any other business urgent public questions question
		welcome introductions introduction matters arising previous exclusion press notes action actions forward work
		programme annual quarterly monitoring performance financial finance capital revenue women girls violence abuse
		domestic crime probation justice feedback ccg nhs council's offender management refresh provision settings
		local policing integrated alternative partner partners multi sexual merseyside sefton government national
		the of and for to in on at with by from this that these those officer officers director head manager lead
		chair chairman vice executive cabinet member members leader mayor clerk secretary treasurer chief-executive
		statement accounts audit risk register terms reference governance assembly forum panel scrutiny overview
		consultation response proposal proposals recommendations recommendation verbal written presentation briefing
		noted received approved summary overview strategic assessment needs needs' delivery fund funding grant grants
		representative representatives nurse transport rural association society ltd limited plc cic network alliance
		federation union club foundation college university institute voluntary commission company railway
		ambulance constabulary commerce enterprise enterprises citizens advice residents tenants governor governors
		co-opted headteacher healthwatch`) {
		notNameWords[w] = true
	}
}

// rankRe is the titles and ranks printed before a name, as the minutes
// print them in full and an action table abbreviates them ("Insp.",
// "Supt.", "Ch. Insp.").
var rankRe = compileLater(`^(?:(?:Councillor|Cllr\.?|Cynghorydd|Cyng\.?|Mr\.?|Mrs\.?|Ms\.?|Miss|Dr\.?|Prof(?:essor)?\.?|Rev(?:erend)?\.?|Chief\s+Superintendent|Superintendent|Supt\.?|Chief\s+Inspector|Detective\s+Inspector|Inspector|Insp\.?|(?:Ch|Det)\.?\s+(?:Insp|Supt)\.?|Sergeant|Sgt\.?|PCSO|PC|DCI|DI|DS|Father|Sister|Sir|Dame|Lord|Lady|Alderman)\s+)+`)

var particles = map[string]bool{"de": true, "van": true, "von": true, "der": true, "le": true, "la": true, "du": true, "da": true, "di": true, "bin": true, "al": true}

// NameLike reports whether s reads as one person's name, as the agenda
// reader takes a presenter's (see nameLike): "Cllr Jen Williams", not
// "Partner Reports".
func NameLike(s string) bool {
	return nameLike(s)
}

// nameLike reports whether s reads as one person's name: an optional rank,
// then two to four capitalised words that are not organisation words.
func nameLike(s string) bool {
	s = strings.TrimSpace(strings.TrimRight(s, ". "))
	if s == "" || len(s) > 60 {
		return false
	}
	s = rankRe.ReplaceAllString(s, "")
	words := strings.Fields(s)
	if len(words) < 2 || len(words) > 4 {
		return false
	}
	for i, w := range words {
		if particles[w] && i > 0 && i < len(words)-1 {
			continue
		}
		if notNameWords[strings.ToLower(strings.Trim(w, "'’"))] {
			return false
		}
		if !capitalisedWord(w) {
			return false
		}
	}
	return true
}

// capitalisedWord accepts "Kevin", "McKeating", "O'Neill", "Smith-Jones" and
// initials "J." but not "CCG" or "and".
func capitalisedWord(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return false
	}
	rest := w[n:]
	if rest == "." || rest == "" {
		return true
	}
	lower := false
	for _, c := range rest {
		switch {
		case unicode.IsLower(c):
			lower = true
		case unicode.IsUpper(c), c == '\'', c == '’', c == '-':
		default:
			return false
		}
	}
	return lower
}

// presenterList reads "Jen Williams (NW Probation Lead), James Gillett
// (Police)" into people, each with the organisation printed in brackets
// after their name. ok is false unless every entry is a name.
func presenterList(s string) (people []Person, ok bool) {
	s = strings.TrimSpace(strings.TrimRight(s, ". "))
	if s == "" || len(s) > 200 {
		return nil, false
	}
	for _, p := range splitOutside(s) {
		name, o := splitBracket(p)
		if !nameLike(name) {
			return nil, false
		}
		people = append(people, Person{Name: name, Organisation: o})
	}
	return people, len(people) > 0
}

// presenterText is how Item prints presenters: their names, and the
// organisation they share in Organisation; presenters of different
// organisations (or some of none) keep each their own in brackets, so
// that none is lost or given to someone else.
func presenterText(people []Person) (presenter, org string) {
	if len(people) == 0 {
		return "", ""
	}
	shared := true
	for _, p := range people[1:] {
		if p.Organisation != people[0].Organisation {
			shared = false
		}
	}
	parts := make([]string, len(people))
	for i, p := range people {
		parts[i] = p.Name
		if !shared && p.Organisation != "" {
			parts[i] += " (" + p.Organisation + ")"
		}
	}
	if shared {
		org = people[0].Organisation
	}
	return strings.Join(parts, ", "), org
}

// splitBracket separates "Neil Frackelton (SWACA)" into name and bracket.
func splitBracket(p string) (string, string) {
	i := strings.IndexByte(p, '(')
	if i < 0 {
		return strings.TrimSpace(p), ""
	}
	name := strings.TrimSpace(p[:i])
	rest := p[i+1:]
	if j := strings.LastIndexByte(rest, ')'); j >= 0 {
		if strings.TrimSpace(rest[j+1:]) != "" {
			// "James Gillett (Police) will deliver a" is prose, not a name.
			return strings.TrimSpace(p), ""
		}
		rest = rest[:j]
	}
	return name, strings.TrimSpace(rest)
}
