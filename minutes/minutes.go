package minutes

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

var (
	// presentLegendRe is the key of a membership list whose members who
	// attended are marked with a star: "(Present = *)".
	presentLegendRe = compileLater(`(?i)^(?:members\s*:?\s*)?\(\s*present\s*=\s*\*\s*\)$`)
	// A Scottish council's minutes head the members present "Sederunt".
	presentRe = compileLater(`(?i)^(?:members\s+|councillors\s+)?(?:present|sederunt)\s*(?:[:–—-]|$)|^attendance\s*:?$|^(?i:present)\s+(?:councillors?|cllrs?)\b`)
	// welshPresentRe heads the members present in minutes printed only
	// in Welsh: "YN BRESENNOL:", "PRESENNOL:". It is tried only on a
	// line holding the word (welshPresent).
	welshPresentRe = compileLater(`(?i)^(?:yn\s+bresennol|presennol)\s*(?:[:–—-]\s*|$)`)
	// "COFNODION" is "minutes" in Welsh.
	minutesHeadingRe = compileLater(`(?i)^(?:the\s+)?minutes\b|\bset\s+of\s+minutes\b|^(?:draft|confirmed|unconfirmed)\s+minutes\b|^cofnodion\b`)
	// minutesTitleRe is a document's title that names the minutes further
	// in ("04 July 2023 – Minutes of the Planning Meeting"; a council web
	// page's "Agenda and minutes"), told apart from an agenda's item
	// "4 Minutes of the Previous Meeting" in minutesTitle.
	minutesTitleRe  = compileLater(`(?i)\bminutes\s+(?:of|for)\s+(?:the|an?)\b|^agenda\s+and\s+minutes$`)
	reportToRe      = compileLater(`(?i)^report\s+(?:to|of)\s*:`)
	apologiesLineRe = compileLater(`(?i)\bapologies\s+(?:for\s+absence\s+)?(?:were|had\s+been)\s+(?:also\s+)?received\s+from\b`)
	endMarkerRe     = compileLater(`(?i)^(?:the\s+)?meeting\s+(?:closed|ended|finished|concluded|terminated)\b|^(?:the\s+)?meeting\s+(?:commenced|started|began|opened)\b.{0,60}\b(?:closed|ended|finished|concluded|terminated)\b|` + signLinePat)
	// signLineRe is the line the chair signs, which ends the minutes
	// unless it is printed at the foot of every page.
	signLineRe = compileLater(`(?i)` + signLinePat)

	minuteAloneRe = compileLater(`^(?i:(item|minute)\s+(?:no\.?\s*)?)?(` + minuteNumPat + `)(\s*[.):])?$`)
	minuteTitleRe = compileLater(`^(?i:(item|minute)\s+(?:no\.?\s*)?)?(` + minuteNumPat + `)(\s*[.):]\s*|\s*[-–—]\s+|\s+)(\S.*)$`)
	// letterRefRe is a minute reference with letters before the number
	// ("P061/24", "RMD.31.23", "FC/23/001", "SSP 12/22").
	letterRefRe = compileLater(`^[A-Z]{1,4}[./]?\d{1,4}[./]\d|^[A-Z]{2,4} \d{1,4}/\d`)

	// decisionRe is a cabinet's record of what it decided, "DECISION:" or
	// "Decision –", a label starting its line ("Reasons for Decision:" is
	// not one).
	decisionRe = compileLater(`(?i)^(?:\d{1,3}(?:\.\d{1,3}){1,2}\s+)?decisions?\s*(?:[:–—-]\s*|$)(.*)$`)
	// agreedRe is "AGREED:" as a label starting its line, as joint
	// committees and boards record outcomes; "Members agreed that …" and
	// "Unanimously AGREED to recommend" are narrative.
	agreedRe = compileLater(`(?i)^(?:\d{1,3}(?:\.\d{1,3}){1,2}\s+)?agreed\s*(?:[:–—-]\s*|$)(.*)$`)
	// resolvedFurtherRe is "RESOLVED FURTHER:" opening its line, the
	// second (or later) resolution of a minute recorded as going further
	// than the first: it is quoted under that label, not as a resolution
	// whose text begins "FURTHER:".
	// "Resolved further to the report, that …" is no such label.
	resolvedFurtherRe = compileLater(`^(?:\d{1,3}(?:\.\d{1,3}){1,2}\s+)?(?:RESOLVED|Resolved)\s+(?:FURTHER|[Ff]urther)(?:\s*\([^)]{0,40}\))?(?:\s*[:–—,-]|\s*$|\s+(?:THAT|[Tt]hat)\b)`)
	// furtherResolvedRe is "FURTHER RESOLVED: That …" opening its line,
	// the same said the other way round, and quoted as printed.
	furtherResolvedRe = compileLater(`^(?:\d{1,3}(?:\.\d{1,3}){1,2}\s+)?(?:FURTHER|Further)\s+(?:RESOLVED|[Rr]esolved)\b\s*(?:[:–—,-]\s*)?((?:[Tt]hat|[Tt]o)\b.*)?$`)
	// furtherRe is the word "FURTHER" and its colon at the start of what
	// a line resolvedFurtherRe opens resolves, a bracket after the word
	// ("(unanimously)") kept as it is after RESOLVED.
	furtherRe = compileLater(`^(?:FURTHER|[Ff]urther)\s*(\([^)]{0,40}\))?\s*(?:[:–—,-]\s*)?`)
	// recommendedRe is a Northern Irish council committee's record of
	// what it recommends to the Council, "RECOMMENDED –" (or
	// "Recommended: that …") as a label starting its line; "It was
	// recommended that …" is narrative, and so are an officer's
	// "Recommended: Approve subject to conditions." quoted in a planning
	// minute and "… the following grants were" over "Recommended". An
	// English committee names whom it recommends to: "RECOMMENDED to
	// Council that …", "RECOMMENDED TO CABINET: That …", kept as printed
	// from "to".
	recommendedRe = compileLater(`^(?:\d{1,3}(?:\.\d{1,3}){1,2}\s+)?(?:RECOMMENDED\s*(?:[:–—-]\s*|$)(.*)|Recommended\s*[:–—-]\s*((?i:that|to)\b.*)|RECOMMENDED\s+((?i:to)\s+(?:(?i:the)\s+)?[A-Z][A-Za-z]*(?:\s+[A-Za-z]+){0,3}?\s*(?:[:–—-]\s*)?(?i:that)\b.*))$`)
	// bodyAgreedRe is a Scottish council's record of a decision: "The
	// Committee agreed:-" over the lettered decisions, or "The Committee
	// agreed to approve …" opening its paragraph. "Members agreed that …",
	// "The Board agreed the plan" in a decision's text and "The Committee
	// agreed" ending a line in mid-sentence are narrative.
	bodyAgreedRe = compileLater(`^(?:[Tt]he\s+)?(?:Committee|Sub-Committee|Council|Board|Panel|Cabinet|Authority)\s+(?:unanimously\s+)?(?:agreed|AGREED)(?:\s*(?::-?|[–—])\s*(.*)|\s+((?:to|that)\s.*))$`)
	// agreedAndRe is a health and wellbeing board's record: "The Board
	// NOTED the chapter and AGREED that …", the word in capitals; what it
	// noted stays in the narrative.
	agreedAndRe = compileLater(`^(.*?\S)\s+and\s+(?:(?i:unanimously)\s+)?AGREED\s+((?:to|that)\s.*)$`)
	// notedRe is a body's record that it noted something, the word in
	// capitals: "The Board NOTED the action log.", a parish's "Members
	// NOTED the report", or "NOTED:" as a label starting its line, as
	// "RESOLVED:" is printed. It is the minute's outcome wherever it
	// stands; "Members noted …", a lower-case "noted" and a bare "Noted."
	// are narrative here (see notedOutcome for the one exception), but
	// "Noted:" with its colon is the label.
	notedRe = compileLater(`^(?:(?:[Tt]he\s+)?(?:` + notingBodyPat + `|Members)\s+(?:(?i:unanimously)\s+)?NOTED\b\s*(?:[:–—-]\s*)?|(?:\d{1,3}(?:\.\d{1,3}){1,2}\s+)?(?:NOTED\s*[:–—-]|Noted\s*:)\s*)(.*)$`)
	// minutesAgreedRe is "The minutes of the meeting held on … were AGREED
	// as a correct record", the word in capitals.
	minutesAgreedRe = compileLater(`^(?:[Tt]he\s+)?[Mm]inutes\b.*\s(?:were|was)\s+AGREED\b`)
	// A paragraph number may come first: "5.2 RESOLVED: That …".
	resolvedRe = compileLater(`(?i)^(?:\d{1,3}(?:\.\d{1,3}){1,2}\s+)?(?:and\s+(unanimously\s+)?|(unanimously\s+)|it\s+was\s+(?:therefore\s+|further\s+|also\s+|accordingly\s+|(unanimously\s+))?)?resolved\b\s*(\([^)]{0,40}\))?\s*(unanimously\s*)?(?:[:–—,-]\s*)?(.*)$`)
	// "… and it\nwas resolved that …": the sentence broken across lines.
	wasResolvedRe = compileLater(`(?i)^was\s+(unanimously\s+)?resolved\s+((?:that|to)\b.*)$`)
	// "Council resolved to approve the minutes": the body, then resolved.
	// "The Panel RESOLVED:" may stand over its numbered parts. The text
	// before the body is taken only when there is some, so that "The" of
	// "The Committee RESOLVED" is not left behind as narrative.
	resolvedBodyRe = compileLater(`^(?:(.*?\S)\s+)??(?:[Tt]he\s+)?(?:Council|Committee|Cabinet|Board|Panel|Sub-Committee|Members)\s+(unanimously\s+)?(?:resolved|RESOLVED)(?:\s+((?:to|that|in\s+terms\s+of)\b.*)|\s*[:–—-]\s*(.*))$`)
	// resolvedItemRe is a resolution under a lettered sub-item of its
	// minute, after the sub-item's subject: "a) Payments: RESOLVED to
	// approve the schedule of payments", "(ii) RESOLVED that …".
	resolvedItemRe = compileLater(`^((?:\(?[a-z]{1,4}\)|[a-z]\.|\d{1,2}\))\s+(?:[^:]{1,60}:\s+)?)(?:RESOLVED|Resolved)\b\s*(?:[:–—,-]\s*)?(.*)$`)
	resolvedMidRe  = compileLater(`(?i)^(.*?\S)\s+it\s+was\s+(?:therefore\s+|further\s+|also\s+|accordingly\s+|(unanimously\s+))?resolved\b\s*(?:[:–—,-]\s*)?(.*)$`)
	// "It was proposed by Cllr A, seconded by Cllr B and RESOLVED that …":
	// the mover and seconder, then the resolution, in one sentence. The
	// word in capitals is enough; in lower case it must follow a
	// seconder, or "the matter was discussed and resolved" would count.
	resolvedSecondedRe = compileLater(`(?i)^(.*?\bseconded\s+by\b.*?)\s+and\s+(?:it\s+was\s+)?(unanimously\s+)?resolved\b\s*(\([^)]{0,40}\))?\s*(?:[:–—,-]\s*)?(.*)$`)
	resolvedAndRe      = compileLater(`^(.*?\S)\s+and\s+((?i:unanimously)\s+)?RESOLVED\b\s*(\([^)]{0,40}\))?\s*(?:[:–—,-]\s*)?(.*)$`)
	// "… Bequest.It was RESOLVED", "Land at Hoggs Farm – RESOLVED to
	// object": RESOLVED in capitals after a sentence or a dash.
	// "The following payments were RESOLVED for approval:": the word in
	// capitals after "was" or "were"; a sentence before it is not part of
	// the resolution.
	passiveResolvedRe = compileLater(`^(?:(.*?[.!?])\s+)?(\S.*?\s(?:was|were)\s+(?:(?i:unanimously)\s+)?RESOLVED\b.*)$`)
	resolvedGluedRe   = compileLater(`^(.*?[.!?]|.*?\S\s[–—-])\s*(?:It\s+was\s+)?RESOLVED\b\s*(?:[:–—,-]\s*)?(.*)$`)
	partStartRe       = compileLater(`^(?:\(\d{1,2}\)|\d{1,2}[.)]|\([a-z]\)|[a-z]\)|\([ivx]{1,5}\))(?:\s|$)`)
	sentenceEndRe     = compileLater(`[.!?]["”’)]*$`)
	// officersLabelRe is a label of attendLabelRe that heads those in
	// attendance, advising the meeting rather than members of it: "In
	// attendance:", "Officers present:", "The following officers were in
	// attendance:". "Also present:" may head members of other bodies, and
	// stays with those present.
	officersLabelRe = compileLater(`(?i)^(?:the\s+following\s+officers\s+were\s+(?:also\s+)?(?:in\s+attendance|present)|also\s+in\s+attendance|others\s+in\s+attendance|in\s+attendance|officers(?:\s+present|\s+in\s+attendance)?)\b`)
	// closedAtRe is the line that says when the meeting closed ("The
	// meeting closed at 3.25 pm."), of the lines that end the minutes.
	closedAtRe = compileLater(`(?i)^(?:the\s+)?meeting\s+(?:closed|ended|finished|concluded|terminated)\b|^(?:the\s+)?meeting\s+(?:commenced|started|began|opened)\b.{0,60}\b(?:closed|ended|finished|concluded|terminated)\b`)
	// attendLabelRe heads a group of those at the meeting; "Hefyd yn
	// bresennol" is Welsh for "also present".
	attendLabelRe  = compileLater(`(?i)^(?:the\s+following\s+officers\s+were\s+(?:also\s+)?(?:in\s+attendance|present)|also\s+present|also\s+in\s+attendance|others\s+in\s+attendance|in\s+attendance|officers(?:\s+present|\s+in\s+attendance)?|members\s+present|present|attendance|sederunt|substitutes?|observers?|hefyd\s+yn\s+bresennol)(?:\s*[:–—-])*\s*`)
	smallTitleWord = map[string]bool{"a": true, "an": true, "the": true, "and": true, "of": true, "in": true, "on": true, "at": true, "to": true, "for": true, "or": true, "by": true, "with": true, "from": true, "-": true, "–": true, "&": true}
)

// notingBodyPat is the body that notes something as a minute's outcome.
const notingBodyPat = `(?:Board|Committee|Sub-Committee|Panel|Cabinet|Council|Authority|Partnership|Executive|Forum)`

// lowerNotedRe is the same record in lower case: "The Committee noted the
// appeal decisions received since the last meeting." It is taken only as
// the one sentence of a minute that resolved nothing (notedOutcome).
var lowerNotedRe = compileLater(`^(?:[Tt]he\s+)?` + notingBodyPat + `\s+(?:unanimously\s+)?noted\s+(\S.*[.!])$`)

// notedEndRe ends the sentence of a NOTED record where another sentence
// follows ("The Board NOTED the action log. Actions HWB/23/14 … were
// complete"); a part's marker ("1. the report") does not end one.
var notedEndRe = compileLater(`\p{Ll}[.!?]["”’)]*\s+\p{Lu}`)

// welshHalfRe is a resolution printed in Welsh, a slash, then in
// English, under a label in both languages: the Welsh half ends a
// sentence before the slash.
var welshHalfRe = compileLater(`^(.*[.!?;])\s+/\s+(\S.*)$`)

// innerSentenceEndRe is the end of a sentence followed by another.
var innerSentenceEndRe = compileLater(`[.!?]["”’)]*\s+\S`)

// notedOutcome reads the paragraph that closes a minute with nothing
// resolved as its outcome when it is one sentence saying that the body
// noted something ("The Committee noted the report."), and returns what
// was noted. "The Committee noted that the figures were provisional"
// reports a point of the discussion, and a paragraph of several sentences
// is narrative: only a sole outcome sentence is taken.
func notedOutcome(para string) (string, bool) {
	g := lowerNotedRe.FindStringSubmatch(para)
	if g == nil || innerSentenceEndRe.MatchString(para) || hasPrefixFold(g[1], "that ") {
		return "", false
	}
	return g[1], true
}

// minuteNumPat is a minute number: "20", "41/23", a number with a
// sequence after a point ("24.31", "2409.01", "1.0") or a reference with
// letters ("P061/24", "RMD.31.23", "FC/23/001"). Letters apart from the
// number by a space are taken only before a number and its year ("SSP
// 12/22"), so that "AT 7.30" is not a minute.
const minuteNumPat = `\d{1,4}(?:/\d{2,4}|\.\d{1,2})?|[A-Z]{1,4}[./]?\d{1,4}(?:[./]\d{1,4}){1,2}|[A-Z]{2,4} \d{1,4}/\d{2,4}|S-\d{1,3}`

// minuteNum is a minute number as found on a line.
type minuteNum struct {
	number  string
	primary int
	title   string
	bare    bool // printed without prefix or punctuation: could be a page number
}

func parseMinuteHeader(l string) (minuteNum, bool) {
	if l == "" || !isDigit(l[0]) && !hasPrefixFold(l, "item") && !hasPrefixFold(l, "minute") && !(isUpper(l[0]) && letterRefRe.MatchString(l)) && !strings.HasPrefix(l, "S-") {
		return minuteNum{}, false
	}
	if g := minuteAloneRe.FindStringSubmatch(l); g != nil {
		n, ok := primaryNumber(g[2])
		return minuteNum{number: g[2], primary: n, bare: g[1] == "" && g[3] == "" && isDigits(g[2])}, ok
	}
	g := minuteTitleRe.FindStringSubmatch(l)
	if g == nil {
		return minuteNum{}, false
	}
	title := strings.TrimSpace(g[4])
	sep := strings.TrimSpace(g[3])
	if !startsUpper(title) || startsWithMonth(title) || !hasLetter(title) {
		return minuteNum{}, false
	}
	if r := []rune(title)[0]; r >= '0' && r <= '9' {
		return minuteNum{}, false
	}
	strong := sep != "" || g[1] != ""
	switch {
	case !isDigits(g[2]):
		// "2409.02 Disclosure of Interests None.": a number of that shape
		// is a minute's whatever follows it.
		if len(title) > 160 {
			return minuteNum{}, false
		}
		title = strings.TrimRight(title, ".")
	case g[1] != "" && len(strings.Fields(title)) <= 20 && !strings.HasSuffix(title, "."):
		// "Item 1 To agree the minutes of the Full Council meeting of 8th
		// January 2018": the word Item makes it a heading.
	case strong:
		if !headingLike(title) {
			return minuteNum{}, false
		}
	case !titleLike(title) || !isUpperLine(title) && len(strings.Fields(title)) > 8:
		return minuteNum{}, false
	}
	n, ok := primaryNumber(g[2])
	return minuteNum{number: g[2], primary: n, title: title, bare: sep == "" && g[1] == "" && isDigits(g[2])}, ok
}

// isDigits reports a number printed as digits alone, which could be a page
// number; "41/23" or "RMD.31.23" could not.
func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

func primaryNumber(s string) (int, bool) {
	s = strings.TrimPrefix(s, "S-")
	s = strings.TrimLeft(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZ./ ")
	if i := strings.IndexAny(s, "/."); i >= 0 {
		s = s[:i]
	}
	n, err := strconv.Atoi(s)
	return n, err == nil && n >= 0
}

// titleLike accepts headings: capitals, or mostly capitalised words without
// sentence punctuation at the end.
func titleLike(s string) bool {
	if s == "" || len(s) > 160 || !hasLetter(s) {
		return false
	}
	if !startsUpper(s) && !strings.HasPrefix(s, "(") && !strings.HasPrefix(s, "\"") && !strings.HasPrefix(s, "“") {
		return false
	}
	if resolvedRe.MatchString(s) {
		return false
	}
	if isUpperLine(s) {
		return true
	}
	if strings.HasSuffix(s, ".") || strings.HasSuffix(s, ",") || strings.HasSuffix(s, ";") || strings.HasSuffix(s, ":") {
		return false
	}
	sig, capd := 0, 0
	for _, w := range strings.Fields(s) {
		if smallTitleWord[strings.ToLower(w)] {
			continue
		}
		sig++
		if startsUpper(w) || strings.HasPrefix(w, "(") {
			capd++
		}
	}
	return sig > 0 && capd*2 >= sig
}

// headingLike is the looser test for text printed after a clear minute
// number ("4. Primary care access plan"): sentence case is common there.
func headingLike(s string) bool {
	if titleLike(s) {
		return true
	}
	if !startsUpper(s) || resolvedRe.MatchString(s) || len(s) > 120 {
		return false
	}
	return !strings.HasSuffix(s, ".") && !strings.HasSuffix(s, ",") && !strings.HasSuffix(s, ";") && len(strings.Fields(s)) <= 12
}

// recordedAs is the word line l, which opens a resolution (splitResolved),
// records it under: a cabinet's "DECISION:" is kept as a decision and a
// board's "AGREED:" as agreed, so that each is quoted as the minutes print
// it.
func recordedAs(l string) string {
	if g := welshFirstLabelRe.FindStringSubmatch(l); g != nil {
		l = g[1]
	}
	switch {
	case decisionRe.MatchString(l):
		return "DECISION"
	case agreedRe.MatchString(l), bodyAgreedRe.MatchString(l), agreedAndRe.MatchString(l), minutesAgreedRe.MatchString(l):
		return "AGREED"
	case recommendedRe.MatchString(l):
		return "RECOMMENDED"
	case resolvedFurtherRe.MatchString(l):
		return "RESOLVED FURTHER"
	case furtherResolvedRe.MatchString(l):
		return "FURTHER RESOLVED"
	case indexFold(l, 0, "resolved") < 0 && notedRe.MatchString(l):
		return "NOTED"
	}
	return "RESOLVED"
}

func splitResolved(l string) (pre, rest string, ok bool) {
	// Each label is tried only on a line that has what it needs: a
	// slash, its first letter or its word as printed. Most lines are
	// narrative that none of them matches.
	if strings.IndexByte(l, '/') >= 0 {
		if g := welshFirstLabelRe.FindStringSubmatch(l); g != nil {
			l = g[1]
		}
	}
	first := byte(0)
	if l != "" {
		first = l[0]
	}
	if isDigit(first) || first|0x20 == 'd' {
		if g := decisionRe.FindStringSubmatch(l); g != nil {
			return "", strings.TrimSpace(g[1]), true
		}
	}
	if isDigit(first) || first|0x20 == 'a' {
		if g := agreedRe.FindStringSubmatch(l); g != nil {
			return "", strings.TrimSpace(g[1]), true
		}
	}
	if isDigit(first) || first == 'R' {
		if g := recommendedRe.FindStringSubmatch(l); g != nil {
			return "", strings.TrimSpace(g[1] + g[2] + g[3]), true
		}
	}
	if upper := strings.Contains(l, "AGREED"); upper || strings.Contains(l, "agreed") {
		if g := bodyAgreedRe.FindStringSubmatch(l); g != nil {
			return "", strings.TrimSpace(g[1] + g[2]), true
		}
		if upper {
			if g := agreedAndRe.FindStringSubmatch(l); g != nil {
				return g[1], strings.TrimSpace(g[2]), true
			}
			if minutesAgreedRe.MatchString(l) {
				return "", l, true
			}
		}
	}
	if indexFold(l, 0, "resolved") < 0 {
		// "The Board NOTED the report and RESOLVED that …" is a
		// resolution, read below; noting alone is the outcome.
		if !strings.Contains(l, "NOTED") && !strings.Contains(l, "Noted") {
			return "", "", false
		}
		if g := notedRe.FindStringSubmatch(l); g != nil {
			return "", strings.TrimSpace(g[1]), true
		}
		return "", "", false
	}
	if strings.HasPrefix(l, "resolved") && !resolvedRunsOn(l[len("resolved"):]) {
		// "… the figures were as\nresolved at the previous meeting": a
		// sentence run on from the line before, in lower case, not the
		// label; a label in lower case goes on as one does.
		return "", "", false
	}
	if strings.HasPrefix(l, "Resolved ") && resolvedNounRe.MatchString(l[len("Resolved "):]) {
		// "Resolved actions:" heading an action log, "Resolved issues
		// from the last meeting were noted.": the word describing what
		// follows it, not the label.
		return "", "", false
	}
	// The bracket after the word, "RESOLVED (unanimously)", "RESOLVED (by
	// 5 votes to 2)", is part of what was resolved: it is kept, first. So
	// is "unanimously" unbracketed, before the word or after it, printed
	// as the bracket is so that every resolution says it alike.
	if isDigit(first) || first == 'F' {
		if g := furtherResolvedRe.FindStringSubmatch(l); g != nil {
			return "", withVote("", g[1]), true
		}
	}
	if g := resolvedRe.FindStringSubmatch(l); g != nil {
		return "", withVote(unanimous(g[4], g[1]+g[2]+g[3]+g[5]), g[6]), true
	}
	if g := wasResolvedRe.FindStringSubmatch(l); g != nil {
		return "", withVote(unanimous("", g[1]), g[2]), true
	}
	if g := resolvedItemRe.FindStringSubmatch(l); g != nil {
		return strings.TrimSpace(g[1]), strings.TrimSpace(g[2]), true
	}
	if g := resolvedMidRe.FindStringSubmatch(l); g != nil {
		return strings.TrimSpace(g[1]), withVote(unanimous("", g[2]), g[3]), true
	}
	for _, re := range []*lazyRegexp{resolvedSecondedRe, resolvedAndRe} {
		if g := re.FindStringSubmatch(l); g != nil {
			return strings.TrimRight(strings.TrimSpace(g[1]), ","), withVote(unanimous(g[3], g[2]), g[4]), true
		}
	}
	if g := resolvedBodyRe.FindStringSubmatch(l); g != nil {
		return strings.TrimSpace(g[1]), withVote(unanimous("", g[2]), g[3]+g[4]), true
	}
	if g := passiveResolvedRe.FindStringSubmatch(l); g != nil {
		return strings.TrimSpace(g[1]), strings.TrimSpace(g[2]), true
	}
	if g := resolvedGluedRe.FindStringSubmatch(l); g != nil {
		return strings.TrimSpace(g[1]), strings.TrimSpace(g[2]), true
	}
	return "", "", false
}

// unanimous is the bracket said of a resolution: bracket as printed, else
// "(unanimously)" when word, the word printed without one, is there.
func unanimous(bracket, word string) string {
	if bracket != "" || strings.TrimSpace(word) == "" {
		return bracket
	}
	return "(unanimously)"
}

// withVote is rest, what follows "RESOLVED", after bracket, the bracket
// printed between them, if any.
func withVote(bracket, rest string) string {
	rest = strings.TrimSpace(rest)
	if bracket == "" {
		return rest
	}
	return strings.TrimSpace(bracket + " " + rest)
}

// dropDanglingAnd takes the "and" (Welsh "ac") off the end of the last of
// lines when it ends so: "The Committee discussed the report and" over
// "RESOLVED that …" leaves the narrative at "discussed the report", as
// "… and RESOLVED that …" on one line does.
func dropDanglingAnd(lines []string) {
	for i := len(lines) - 1; i >= 0; i-- {
		l := strings.TrimRight(lines[i], " \t")
		if l == "" {
			continue
		}
		for _, and := range []string{" and", " ac"} {
			if strings.HasSuffix(l, and) && len(l) > len(and) {
				lines[i] = strings.TrimRight(strings.TrimSuffix(l, and), " ,")
				return
			}
		}
		return
	}
}

// resolvedNounRe is what "Resolved" starting a line may describe, as
// an action log heads what was done: "Resolved actions", "Resolved
// issues", "Resolved complaints".
var resolvedNounRe = compileLater(`^(?:actions?|issues?|matters?|complaints?|items?|cases?|queries|query|problems?|concerns?|disputes?|tickets?|risks?)\b`)

// passiveEndRe is a line ending in a verb that makes "resolved" starting
// the next line in lower case a passive verb: "… the complaint had been"
// over "resolved to the satisfaction of residents".
var passiveEndRe = compileLater(`(?:^|\s)(?:was|were|is|are|be|been|being)$`)

// itWasRe is "It was" ending a line over "resolved that …": the
// resolution, said in the passive.
var itWasRe = compileLater(`(?i)(?:^|\s)it\s+(?:(?:was|is|has\s+been|had\s+been)(?:\s+(?:therefore|then|accordingly|thereupon))?)$`)

// passiveResolved reports whether l, starting with "resolved" in lower
// case, runs on a sentence whose line before ends in "was", "been", "be"
// …: the matter was resolved, whatever follows ("to the satisfaction of
// residents", "that morning"), not a resolution of the committee.
func (b *minuteBuilder) passiveResolved(l string) bool {
	if !strings.HasPrefix(l, "resolved") {
		return false
	}
	lines := b.narrative
	switch {
	case b.inRes:
		lines = b.res[len(b.res)-1]
	case len(b.res) > 0:
		lines = b.trailing
	}
	for i := len(lines) - 1; i >= 0; i-- {
		if prev := strings.TrimSpace(lines[i]); prev != "" {
			return passiveEndRe.MatchString(prev) && !itWasRe.MatchString(prev)
		}
	}
	return false
}

// resolvedRunsOn reports whether rest, what follows "resolved" starting
// a line in lower case, goes on as a resolution's label does: nothing,
// a colon or dash, brackets, or "that", "to", "unanimously".
func resolvedRunsOn(rest string) bool {
	rest = strings.TrimLeft(rest, " \t")
	if rest == "" || strings.ContainsRune(":–—-,(", []rune(rest)[0]) {
		return true
	}
	for _, w := range []string{"that", "to", "unanimously", "accordingly"} {
		if hasPrefixFold(rest, w) && (len(rest) == len(w) || wordEnds(rest[len(w)])) {
			return true
		}
	}
	return false
}

type minuteBuilder struct {
	line      int // where the minute starts in the document, for warnings
	m         Minute
	narrative []string
	res       [][]string
	words     []string // what each block of res was recorded as (recordedAs)
	welsh     []bool   // whether each block was opened by a label in Welsh and English
	trailing  []string
	between   []string // what is printed after each block of res but the open one
	inRes     bool
	resOpener string // the line that opened the open block, as printed
	resLast   string // last non-blank line of the open RESOLVED block
	resLetter bool   // whether the open block has any words yet
}

func (b *minuteBuilder) openBlock(opener, first, word string) {
	b.res = append(b.res, []string{first})
	b.words = append(b.words, word)
	b.welsh = append(b.welsh, welshFirstLabelRe.MatchString(opener))
	b.inRes = true
	b.resOpener = opener
	b.resLast, b.resLetter = "", false
	b.noteRes(first)
}

// unnote takes back the open NOTED block when the sentence it opened
// ends "… and AGREED that …" on a later line: "The Board NOTED the
// timetable for the\nAssessment and AGREED to delegate …" is recorded as
// agreed, what was noted staying in the narrative, as on one line
// (agreedAndRe). It returns the block's lines as printed.
func (b *minuteBuilder) unnote() []string {
	last := len(b.res) - 1
	lines := append([]string{b.resOpener}, b.res[last][1:]...)
	b.res, b.words, b.welsh = b.res[:last], b.words[:last], b.welsh[:last]
	b.between = b.between[:max(last-1, 0)]
	b.inRes = false
	return lines
}

func (b *minuteBuilder) noteRes(l string) {
	if l != "" {
		b.resLast = l
		b.resLetter = b.resLetter || hasLetter(l)
	}
}

// resComplete reports whether the open RESOLVED block reads as finished: it
// has words and its last line ends a sentence.
func (b *minuteBuilder) resComplete() bool {
	return b.resLetter && sentenceEndRe.MatchString(b.resLast) && !isListMarker(b.resLast)
}

// ParseMinutes finds the minutes in text (which may be a whole agenda pack)
// and reads them.
func ParseMinutes(text string) (*Minutes, error) {
	return ParseMinutesWith(text, Options{})
}

// Options are what the caller knows of the committee whose minutes are
// read.
type Options struct {
	// People are the names of the committee's members, which tell an
	// action table's owner from its action as the names the minutes list
	// do (see owners.go), for members the minutes do not list, and
	// name the owner an action table prints by surname alone.
	People []string
}

// ParseMinutesWith is ParseMinutes knowing what o says.
func ParseMinutesWith(text string, o Options) (*Minutes, error) {
	if len(text) > MaxInputSize {
		return nil, ErrTooLarge
	}
	lines, origin, itemAt := normaliseStyles(cleanLines(text))
	welshOnlyLabels(lines)
	start, anchor, end, hasPresent, ok := locateMinutes(lines)
	if !ok {
		return nil, ErrNoMinutes
	}
	out := &Minutes{Present: []string{}, Apologies: []Person{}, Declarations: []Declaration{}, Minutes: []Minute{}, Warnings: []string{}}
	warn := func(format string, a ...any) { out.Warnings = append(out.Warnings, fmt.Sprintf(format, a...)) }

	// Meeting details come before the attendance list, or before the first
	// minute when there is none.
	headerEnd := anchor
	if !hasPresent {
		headerEnd = min(end, anchor+15)
		// dated is whether the details read so far hold a date: until
		// they do, a long sentence or a word of declaring ("to declare a
		// casual vacancy") is more likely the details run on than the
		// minutes begun, and ending there lost the date.
		dated := false
		for _, l := range lines[start:anchor] {
			dated = dated || len(findDateLike(l)) > 0
		}
		for i := anchor; i < headerEnd; i++ {
			if _, ok := parseMinuteHeader(lines[i]); ok && i > anchor {
				headerEnd = i
				break
			}
			if presentRe.MatchString(lines[i]) || welshPresent(lines[i]) || strings.HasPrefix(strings.ToLower(lines[i]), "apolog") || apologiesLineRe.MatchString(lines[i]) ||
				hasPrefixFold(lines[i], "roll call") || dated && headerEnds(lines[i]) {
				headerEnd = i
				break
			}
			dated = dated || len(findDateLike(lines[i])) > 0
		}
		headerEnd = max(headerEnd, anchor+1)
	}
	out.Meeting = readMeeting(lines[start:min(headerEnd, end)])
	if w := dateWarning(lines[start:min(headerEnd, end)], out.Meeting); w != "" {
		warn("%s", w)
	}

	for k, l := range lines[start:min(headerEnd, end)] {
		above := ""
		if k > 0 {
			above = lines[start+k-1]
		}
		if unplacedHeading(l, above, out.Meeting) {
			warn("line %d: heading before the first minute not placed: %q", origin[start+k], clip(l))
		}
	}

	headers := runningHeaders(lines[start:end], out.Meeting.Committee, out.Meeting.Date)
	body := make([]string, 0, end-headerEnd)
	bodyLines := make([]int, 0, end-headerEnd)
	for k, l := range lines[headerEnd:end] {
		if headers[l] || isPageNoise(l) || labelRe.MatchString(l) || pageNumberBy(lines, headerEnd+k, headers) {
			continue
		}
		body = append(body, l)
		bodyLines = append(bodyLines, origin[headerEnd+k])
	}

	p := &minutesParser{out: out, warn: warn, last: -1, lineNo: bodyLines, people: o.People, itemAt: itemAt}
	var chair []string
	if hasPresent {
		chair = chairAbove(lines[start:headerEnd])
	}
	p.run(body, hasPresent)
	p.readApologies()
	who := p.chairTaken(chair)
	out.Present = p.presentOf(p.present, chair, who)
	if len(p.inAttendance) > 0 {
		out.InAttendance = presentList(p.inAttendance)
		out.earlierPresent = p.presentOf(p.asReadBefore, chair, who)
	}
	if len(out.Minutes) == 0 && len(out.Present) == 0 && !p.sawResolved && len(out.Apologies) == 0 {
		return nil, ErrNoMinutes
	}
	if len(out.Minutes) == 0 {
		warn("no numbered minutes found")
	}
	p.readDeclarations()
	p.readActions(text, origin, end)
	absent, unread := presenceRest(text, origin[start]-1, origin[end-1])
	out.Absent = absent
	for _, n := range p.absent {
		if !slices.Contains(out.Absent, n) {
			out.Absent = append(out.Absent, n)
		}
	}
	out.Warnings = append(out.Warnings, unread...)
	return out, nil
}

// headerEnds reports a line that cannot be a meeting's details, so that
// the heading of minutes with no attendance ends before it: the
// declarations ("DECLARATIONS OF INTEREST", or a declaration itself) and
// a sentence of the minutes' own. Read as the heading, they were lost
// without a word. It is asked only once the details have given a date.
func headerEnds(l string) bool {
	return indexFold(l, 0, "declar") >= 0 || len(l) > 80 && strings.HasSuffix(l, ".")
}

// pageNumberBy reports whether lines[k] is a page's number printed on the
// line under or over its running header ("Planning Committee 2 March
// 2026" over "5"): read as a minute's number, it became a minute of no
// title that swallowed the real one under it. A number over a heading in
// capitals is a minute's, as minutes numbered without a full stop print
// it.
func pageNumberBy(lines []string, k int, headers map[string]bool) bool {
	l := lines[k]
	if len(l) > 3 || !isDigits(l) {
		return false
	}
	if !(k > 0 && headers[lines[k-1]] || k+1 < len(lines) && headers[lines[k+1]]) {
		return false
	}
	for _, next := range lines[k+1:] {
		if next == "" || headers[next] {
			continue
		}
		if _, numbered := parseMinuteHeader(next); !numbered && isUpperLine(next) && titleLike(next) {
			return false
		}
		break
	}
	return true
}

// welshOnlyLabels reads "PENDERFYNWYD" (resolved) as "RESOLVED" in
// minutes printed only in Welsh: starting a line with a capital ("fel y
// penderfynwyd" broken before the word is a sentence going on, "as was
// decided"), in capitals after a paragraph's number ("4.1 PENDERFYNWYD:
// bod …") or in a sentence ("… ac PENDERFYNWYD bod …", "… a
// PHENDERFYNWYD …", the word mutated after "a"), where "ac" and "a" are
// "and". Where the minutes also print
// "RESOLVED" the Welsh is the translation beside the English resolution
// and stays in the narrative (see welshOutcomeRe), so the label is read
// only when no line of the minutes is an outcome in English
// ("RESOLVED:", "AGREED:", "DECISION:"), or in the items without one of
// minutes mostly in Welsh (see welshOnlyItems). Most lines are looked at
// only for their first letter and the word in capitals.
func welshOnlyLabels(lines []string) {
	var at []int
	for i, l := range lines {
		if l != "" && (l[0] == 'P' && hasPrefixFold(l, "penderfynwyd") && (len(l) == len("penderfynwyd") || wordEnds(l[len("penderfynwyd")])) ||
			strings.Contains(l, "ENDERFYNWYD")) {
			at = append(at, i)
		}
	}
	if len(at) == 0 {
		return
	}
	for _, l := range lines {
		// An outcome in English, however labelled ("RESOLVED:", "AGREED:",
		// "PENDERFYNWYD / AGREED:"), not the word: "the unresolved
		// drainage problem" in a letter read out is no English beside the
		// Welsh.
		if _, _, ok := splitResolved(l); ok {
			welshOnlyItems(lines, at)
			return
		}
	}
	for _, i := range at {
		lines[i] = welshResolved(lines[i])
	}
}

// welshOnlyItems reads "PENDERFYNWYD" as "RESOLVED" (see
// welshOnlyLabels) in minutes that print an outcome in English too,
// item by item: an item with an outcome in English has the Welsh beside
// it as its translation, and one without resolved in Welsh alone. It
// does so only in minutes mostly in Welsh, where more items resolve in
// Welsh alone than items have an outcome in English; a bilingual
// council that prints each item in both languages, and an item whose
// English is worded another way ("Cytunwyd. / It was agreed."), keep
// the Welsh in the narrative as before. An item runs from its number to
// the next that is not one of its paragraphs ("4.1" under "4").
func welshOnlyItems(lines []string, at []int) {
	type item struct {
		welsh   []int // the lines saying PENDERFYNWYD
		english bool  // whether a line is an outcome in English
	}
	items := []item{{}}
	cur := ""
	next := 0 // the next of at
	for i, l := range lines {
		if h, ok := parseMinuteHeader(l); ok && h.number != cur && !strings.HasPrefix(h.number, cur+".") {
			items = append(items, item{})
			cur = h.number
		}
		it := &items[len(items)-1]
		if next < len(at) && at[next] == i {
			it.welsh = append(it.welsh, i)
			next++
		}
		if l != "" && !it.english {
			_, _, it.english = splitResolved(l)
		}
	}
	welshOnly, english := 0, 0
	for _, it := range items {
		switch {
		case it.english:
			english++
		case len(it.welsh) > 0:
			welshOnly++
		}
	}
	if welshOnly <= english {
		return
	}
	for _, it := range items {
		if !it.english {
			for _, i := range it.welsh {
				lines[i] = welshResolved(lines[i])
			}
		}
	}
}

// welshResolved is line l with its "PENDERFYNWYD" read as "RESOLVED"
// (see welshOnlyLabels), or l as it is when it has none.
func welshResolved(l string) string {
	if l != "" && l[0] == 'P' && hasPrefixFold(l, "penderfynwyd") && (len(l) == len("penderfynwyd") || wordEnds(l[len("penderfynwyd")])) {
		return "RESOLVED" + l[len("penderfynwyd"):]
	}
	for from := 0; from < len(l); {
		j := strings.Index(l[from:], "ENDERFYNWYD")
		if j < 0 {
			return l
		}
		j += from
		end := j + len("ENDERFYNWYD")
		start := j - 1 // the P of PENDERFYNWYD
		if start >= 1 && l[start] == 'H' {
			start-- // PHENDERFYNWYD
		}
		from = end
		if start < 0 || l[start] != 'P' || start > 0 && !wordEnds(l[start-1]) || end < len(l) && !wordEnds(l[end]) {
			continue
		}
		before := l[:start]
		// "… ac PENDERFYNWYD bod …", "a PHENDERFYNWYD": "and RESOLVED".
		for _, and := range []string{"ac ", "a ", "Ac ", "A "} {
			if strings.HasSuffix(before, and) && (len(before) == len(and) || before[len(before)-len(and)-1] == ' ') {
				before = before[:len(before)-len(and)] + "and "
				break
			}
		}
		return before + "RESOLVED" + l[end:]
	}
	return l
}

// welshClosed reports whether l says, in Welsh alone, that the meeting
// closed ("Daeth y cyfarfod i ben am 8.05 y.h."), which ends the minutes
// as "The meeting closed …" does.
func welshClosed(l string) bool {
	return l[0]|0x20 == 'd' && hasPrefixFold(l, "daeth y cyfarfod i ben")
}

// welshPresent reports whether l heads the members present in Welsh
// (welshPresentRe), trying the pattern only on a line that starts as it
// must ("Yn", "Presennol") and holds the word, as few lines do.
func welshPresent(l string) bool {
	if l == "" || l[0]|0x20 != 'y' && l[0]|0x20 != 'p' {
		return false
	}
	return indexFold(l, 0, "esennol") >= 0 && welshPresentRe.MatchString(l)
}

// wordEnds reports whether byte c, after a word, ends it.
func wordEnds(c byte) bool { return c < 0x80 && !isLetterASCII(c) && !isDigit(c) }

// minutesHeading reports whether l heads a set of minutes: "Minutes of the
// meeting …", "Cofnodion …".
func minutesHeading(l string) bool {
	return len(l) < 200 && !strings.HasSuffix(l, ".") && (indexFold(l, 0, "minutes") >= 0 || hasPrefixFold(l, "cofnodion")) && (minutesHeadingRe.MatchString(l) || minutesTitle(l))
}

// minuteStarts reports whether l heads a minute, and is not a number alone,
// which may be a page's: an attendance read only before the first minute
// (see locateMinutes and presenceTablesIn) is not lost to a page number
// printed above it.
func minuteStarts(l string) bool {
	m, ok := parseMinuteHeader(l)
	return ok && !m.bare
}

// locateMinutes finds where the minutes start and end. An agenda pack puts
// them after the agenda and before the reports, marked by "Agenda Item n"
// labels, so the attendance list or a "Minutes of …" heading anchors them.
func locateMinutes(lines []string) (start, anchor, end int, hasPresent, ok bool) {
	present, heading, resolved, apologies := -1, -1, -1, -1
	// minuteSeen is whether a minute's heading has been read since the
	// "Minutes of …" heading (or the top): a plain "Attendance" heading
	// after one is a subheading of that minute ("Attendance" of pupils,
	// under the Headteacher's report), not the list of those present,
	// which comes before the first minute.
	minuteSeen := false
	for i, l := range lines {
		if present < 0 && ((indexFold(l, 0, "present") >= 0 || indexFold(l, 0, "sederunt") >= 0 || indexFold(l, 0, "attendance") >= 0 && !minuteSeen) && (presentRe.MatchString(l) || presentLegendRe.MatchString(l)) || welshPresent(l)) {
			present = i
		}
		if heading < 0 && minutesHeading(l) {
			heading = i
			minuteSeen = false
		} else if minuteStarts(l) {
			minuteSeen = true
		}
		if resolved < 0 {
			if _, _, ok := splitResolved(l); ok {
				resolved = i
			}
		}
		if apologies < 0 && apologiesLineRe.MatchString(l) {
			apologies = i
		}
		if present >= 0 && heading >= 0 && resolved >= 0 {
			break
		}
	}
	switch {
	case present >= 0 && (heading < 0 || heading > present || present-heading <= 20):
		anchor, hasPresent = present, true
	case heading >= 0:
		anchor = heading
	case resolved >= 0:
		anchor = 0
	case apologies >= 0:
		// A web page holding one item: "Apologies were received from …".
		anchor = 0
	default:
		return 0, 0, 0, false, false
	}
	start = anchor
	startLabel := ""
	for i, steps := anchor-1, 0; i >= 0 && steps < 12; i-- {
		l := lines[i]
		if g := labelRe.FindStringSubmatch(l); g != nil {
			startLabel = strings.ToLower(g[1])
			break
		}
		if strings.Contains(l, "@") || strings.HasPrefix(strings.ToLower(l), "telephone") {
			break
		}
		start = i
		if l != "" {
			steps++
		}
		if minutesHeadingRe.MatchString(l) {
			// A heading or two may sit above "Minutes of …", no more.
			steps = max(steps, 9)
		}
	}
	end = len(lines)
	for i := anchor + 1; i < len(lines); i++ {
		l := lines[i]
		if g := labelRe.FindStringSubmatch(l); g != nil && strings.ToLower(g[1]) != startLabel {
			end = i
			break
		}
		if reportToRe.MatchString(l) {
			end = i
			break
		}
	}
	return start, anchor, end, hasPresent, true
}

func minutesTitle(l string) bool {
	// A title is short; "It was proposed that the minutes of the meeting
	// of 8th January 2018 should be approved …" is a sentence.
	if !minutesTitleRe.MatchString(l) || hasPrefixFold(l, "item") || len(strings.Fields(l)) > 14 {
		return false
	}
	if _, numbered := parseMinuteHeader(l); numbered {
		return false
	}
	lower := strings.ToLower(l)
	return !strings.Contains(lower, "previous") && !strings.Contains(lower, "last meeting") && !strings.HasPrefix(lower, "to ")
}

type minutesParser struct {
	lineNo     []int // each body line's line number in the document
	at         int   // the body line being read
	out        *Minutes
	warn       func(string, ...any)
	last       int
	cur        *minuteBuilder
	builders   []*minuteBuilder
	preamble   []string
	preambleAt []int // line numbers of preamble
	present    []string
	// inAttendance are the lines under "In attendance:" (the officers
	// advising the meeting), kept apart from those present; asReadBefore
	// is every line of both, in the order printed, as they were read
	// before that list was its own (Minutes.AsReadBefore).
	inAttendance, asReadBefore []string
	sawResolved                bool
	lastSpecial                int      // the last special item's number ("S-2": 2)
	stop                       int      // the line the minutes end at ("The meeting closed …"); 0 at the end of the text
	people                     []string // Options.People
	// itemAt is the agenda item of the minute that starts at a line of
	// the document, where the agenda's number is printed above the
	// minute's (see agendaNumbersAbove).
	itemAt map[int]string
	// chairNotes are the lines among the attendance that say who took
	// the chair ("Councillor Lee in the Chair"): no one's name as printed.
	chairNotes []string
	// substitutes are those named in the apologies as attending in an
	// absent member's place ("(substituted by Cllr B)").
	substitutes []string
	// absent are those a list before the first minute names absent
	// ("Absent: Councillor P Kelly"), read after the minutes
	// (absentLists).
	absent []string
}

const (
	statePreamble = iota
	statePresent
	stateMinute
)

func (p *minutesParser) accept(h minuteNum) bool {
	if special(h.number) {
		// "S-1", "S-2": special items, a series of their own beside the
		// numbered ones.
		return h.title != "" && h.primary == p.lastSpecial+1
	}
	if p.last < 0 {
		return !h.bare || h.title != ""
	}
	if p.cur != nil && nextInSeries(p.cur.m.Number, h.number) {
		return true
	}
	return h.primary > p.last && h.primary <= p.last+20
}

// pageNumberOver reports whether l is a page's number alone on its line
// over the heading of the next minute ("9" over "5. PLANNING
// DECISIONS"): read as minute 9, it swallowed the minutes after it. One
// over "The meeting closed …" is the last page's, not the last minute's
// words.
func (p *minutesParser) pageNumberOver(l string, body []string, next int) bool {
	if len(l) > 3 || !isDigits(l) || next < 0 || p.last < 0 {
		return false
	}
	if endMarkerRe.MatchString(body[next]) && !signLineRe.MatchString(body[next]) {
		return true
	}
	h, ok := parseMinuteHeader(body[next])
	return ok && !h.bare && h.title != "" && p.accept(h)
}

// nextMinuteAhead reports whether the minute numbered next after the
// last one read is printed in rest, before the label of an agenda item
// ("Agenda Item 6") that starts the next paper of a pack. Only the very
// next number counts, so that a report's numbered paragraphs printed
// after the signed minutes are not taken for them.
func (p *minutesParser) nextMinuteAhead(rest []string) bool {
	if p.cur == nil {
		return false
	}
	for _, l := range rest {
		if labelRe.MatchString(l) {
			return false
		}
		h, ok := parseMinuteHeader(l)
		if !ok || h.bare {
			continue
		}
		if h.primary == p.last+1 || strings.ContainsAny(p.cur.m.Number, "./") && nextInSeries(p.cur.m.Number, h.number) && nextNumber(p.cur.m.Number, h.number) {
			return true
		}
	}
	return false
}

// nextNumber reports whether number is the one straight after cur in a
// series numbered after a point or a slash ("23/071", "23/072").
func nextNumber(cur, number string) bool {
	ci, ni := strings.LastIndexAny(cur, "./"), strings.LastIndexAny(number, "./")
	c, err1 := strconv.Atoi(cur[ci+1:])
	n, err2 := strconv.Atoi(number[ni+1:])
	return err1 == nil && err2 == nil && n == c+1
}

// partWordingRe is how the numbered parts of a resolution begin.
var partWordingRe = compileLater(`^(?:That|that|To|to)\s`)

// resolutionPart reports whether line l, read as minute h, is the next
// part of the resolution being read: "3. That the Treasurer report again
// in June" after "RESOLVED: 1. That … 2. That …", where no full stop ends
// the parts. "Item 2 To agree the minutes" is a heading.
func (p *minutesParser) resolutionPart(l string, h minuteNum, body []string, next int) bool {
	if p.cur == nil || !p.cur.inRes || p.cur.resComplete() || !isDigits(h.number) || !isDigit(l[0]) {
		return false
	}
	title := h.title
	if title == "" && next >= 0 {
		title = body[next]
	}
	return partWordingRe.MatchString(title)
}

// nextInSeries reports whether number follows cur in a series numbered
// after a point ("2409.01", "2409.02") or after the year and a slash
// ("23/071", "23/072"; "FC/23/001", "FC/23/002"). "516.1" after "516" is
// a sub-item, not the next minute.
func nextInSeries(cur, number string) bool {
	ci, ni := strings.LastIndexByte(cur, '.'), strings.LastIndexByte(number, '.')
	if ci < 0 && strings.Contains(cur, "/") {
		ci, ni = strings.LastIndexByte(cur, '/'), strings.LastIndexByte(number, '/')
	}
	if ci < 0 || ni < 0 || cur[:ci] != number[:ni] {
		return false
	}
	c, err1 := strconv.Atoi(cur[ci+1:])
	n, err2 := strconv.Atoi(number[ni+1:])
	return err1 == nil && err2 == nil && n > c && n <= c+20
}

// takeTitle reads a heading starting at line j, with the lines that continue
// it, and returns the index after it.
// outcomeWordRe is a minute's outcome in one word on its own line,
// "NOTED.", which a title in capitals above it does not go on into.
var outcomeWordRe = compileLater(`^(?:NOTED|AGREED|APPROVED|RECEIVED|ADOPTED|ACCEPTED|DEFERRED|WITHDRAWN)\.?$`)

func takeTitle(body []string, j int, first string) (string, int) {
	title := first
	k := j
	for k < len(body) && body[k] != "" && k-j < 6 {
		next := body[k]
		if yearRe.MatchString(next) && monthEndRe.MatchString(title) {
			// "… held on Thursday 7 November" over "2024": the date
			// broken at the title's width, not a minute 2024.
			title = title + " " + next
			k++
			continue
		}
		if _, ok := parseMinuteHeader(next); ok {
			break
		}
		if _, _, ok := splitResolved(next); ok {
			break
		}
		cont := false
		if isUpperLine(title) {
			cont = isUpperLine(next) && len(next) < 120 && !outcomeWordRe.MatchString(next)
		} else {
			w := strings.Fields(title)
			lastWord := strings.ToLower(w[len(w)-1])
			cont = (smallTitleWord[lastWord] || strings.HasSuffix(title, "-") || strings.HasSuffix(title, ",")) && len(next) < 100 && !strings.HasSuffix(next, ".") ||
				// "… - The Old Forge, 4 Mill" over "Lane, Westmoor": a
				// long title broken at the page's width, its last words
				// below it.
				k == j && len(title) >= 70 && len(next) <= 40 && startsUpper(next) && !strings.HasSuffix(next, ".") && !strings.HasSuffix(next, ":")
		}
		if !cont {
			break
		}
		title = joinPair(title, next)
		k++
	}
	return title, k
}

func (p *minutesParser) addPreamble(l string) {
	p.preamble = append(p.preamble, l)
	p.preambleAt = append(p.preambleAt, p.line(p.at))
}

var (
	// absentLabelRe is the label of a list of members absent printed
	// with those present: "Absent: Councillor P Kelly", "ABSENT:" over
	// the names, "Also absent: Councillors P Kelly and R Lane". A US
	// roll call's "Absent: Councilmember Evans (excused)" within its line
	// is read as apologies (excusedRe).
	absentLabelRe = compileLater(`(?is)^(?:also\s+|members\s+|councillors\s+)?absent\s*(?::|[–—-]\s|$)\s*(.*)$`)
	// noneAbsentRe is a list of the absent that names no one.
	noneAbsentRe = compileLater(`(?i)\b(?:no\s+(?:member|one|councillor)s?\s+(?:was|were)\s+absent|none|nil)\b`)
)

// absentLists reads the lists of members absent before the first minute
// (absentLabelRe): the names after the label, or in the paragraph under
// it. A list read, or one that says no one was absent, is taken out of
// the preamble; one whose names do not read as names stays, to be warned
// of as text not placed.
func (p *minutesParser) absentLists() {
	for i := 0; i < len(p.preamble); i++ {
		g := absentLabelRe.FindStringSubmatch(p.preamble[i])
		if g == nil {
			continue
		}
		from, to := i, i+1
		if strings.TrimSpace(g[1]) == "" {
			// The names under the label, after a blank line or not.
			if to < len(p.preamble) && p.preamble[to] == "" {
				to++
			}
			for to < len(p.preamble) && p.preamble[to] != "" && !absentLabelRe.MatchString(p.preamble[to]) {
				to++
			}
		}
		list := append([]string{g[1]}, p.preamble[i+1:to]...)
		read, none := false, false
		for _, l := range list {
			if l = strings.TrimRight(strings.TrimSpace(l), "."); l == "" || len(l) > 3000 {
				continue
			}
			if noneAbsentRe.MatchString(l) {
				none = true
				continue
			}
			sep := separateNames(l)
			for _, n := range expandCouncillors(sep, splitOutside(sep)) {
				n = strings.TrimSpace(n)
				if name, _ := splitBracket(n); name == "" || len(n) > 120 || !(honorificRe.MatchString(name) || nameLike(name)) {
					continue
				}
				read = true
				if !slices.Contains(p.absent, n) {
					p.absent = append(p.absent, n)
				}
			}
		}
		if read || none {
			for j := from; j < to; j++ {
				p.preamble[j] = ""
			}
		}
		i = to - 1
	}
}

// preambleLine is the line where a paragraph of the preamble starts.
func (p *minutesParser) preambleLine(para string) int {
	for i, l := range p.preamble {
		if l != "" && strings.HasPrefix(para, l) {
			return p.preambleAt[i]
		}
	}
	return 0
}

// line is body line i's line number in the document, counted from 1.
func (p *minutesParser) line(i int) int {
	if i >= 0 && i < len(p.lineNo) {
		return p.lineNo[i]
	}
	return 0
}

func (p *minutesParser) startMinute(h minuteNum, title string) {
	p.finish(false)
	p.cur = &minuteBuilder{m: Minute{Number: h.number, Title: title, Resolutions: []string{}, References: []string{}}, line: p.line(p.at)}
	if special(h.number) {
		p.lastSpecial = h.primary
	} else {
		p.last = h.primary
	}
}

// attend takes l, a line of the attendance, as one of those present, or
// of those in attendance when officers (under "In attendance:").
func (p *minutesParser) attend(l string, officers bool) {
	p.asReadBefore = append(p.asReadBefore, l)
	if officers {
		p.inAttendance = append(p.inAttendance, l)
	} else {
		p.present = append(p.present, l)
	}
}

// presentOf is the list of those present that lines of the attendance
// give, with who (chairTaken) or the chair labelled above the list put
// first, and the substitutes the apologies name added.
func (p *minutesParser) presentOf(lines, chair []string, who string) []string {
	out := p.out
	present := presentList(lines)
	// "Councillor Lee took the chair.": they chaired the meeting, listed
	// as "(in the Chair)", so a chair labelled above is not.
	if who != "" {
		lines = append(slices.Clip(lines), who+" (in the Chair)")
		present = presentList(lines)
		// Listed first, as the chair labelled above would be.
		for i := len(present) - 1; i > 0; i-- {
			if strings.HasSuffix(present[i], "in the Chair)") {
				present = append(append([]string{present[i]}, present[:i]...), present[i+1:]...)
				break
			}
		}
	}
	// Listed first, as minutes that print the chair in the list do; read
	// only now, since a chair who sent apologies, or another "in the
	// Chair", shows the chair was not there.
	if len(chair) > 0 && !chairAway(chair[0], out, present) {
		present = presentList(append(slices.Clip(chair), lines...))
	}
	// A substitute the apologies name attended, though the attendance
	// may list only the committee's members. Minutes that list no one
	// present are left so: the substitute alone would read as the
	// whole attendance.
	if len(present) > 0 {
	subs:
		for _, s := range p.substitutes {
			for _, n := range present {
				if maySamePerson(n, s) {
					continue subs
				}
			}
			present = append(present, s)
		}
	}
	return present
}

// special reports a special item's number ("S-1"), which does not count
// in the sequence of the numbered items.
func special(number string) bool { return strings.HasPrefix(number, "S-") }

func (p *minutesParser) run(body []string, hasPresent bool) {
	state := statePreamble
	starred := false  // the members present are the ones marked "*"
	officers := false // the names are under "In attendance:"
	if hasPresent && len(body) > 0 {
		state = statePresent
		starred = presentLegendRe.MatchString(body[0])
		first := attendLabelRe.ReplaceAllString(body[0], "")
		if welshPresent(body[0]) {
			first = welshPresentRe.ReplaceAllString(body[0], "")
		}
		officers = officersLabelRe.MatchString(body[0])
		if first != "" && !starred {
			p.attend(first, officers)
		}
		body = body[1:]
		p.lineNo = p.lineNo[1:]
	}
	var pending *minuteNum
	nextNonBlank := func(i int) int {
		for j := i + 1; j < len(body) && j <= i+4; j++ {
			if body[j] != "" {
				return j
			}
		}
		return -1
	}
	tableRows := false // in the rows of an action table, up to a blank line
	for i := 0; i < len(body); i++ {
		p.at = i
		l := body[i]
		if l == "" {
			tableRows = false
			switch {
			case state == stateMinute:
				p.addLine(l)
			case state == statePreamble:
				p.addPreamble(l)
			}
			continue
		}
		if (endMarkerRe.MatchString(l) || welshClosed(l)) && !signedAsRe.MatchString(l) && !sentenceEndsChair(body, i) {
			if signLineRe.MatchString(l) && (p.nextMinuteAhead(body[i+1:]) || slices.Contains(body[i+1:], l)) {
				// "Chairman ……… Date ………" at the foot of a page, with
				// the minutes going on over the page (the next minute
				// follows, or the foot is printed again on a later page):
				// ending them here lost every minute after it without a
				// word.
				continue
			}
			p.stop = p.line(i)
			if closedAtRe.MatchString(l) {
				p.out.Closed = l
			}
			break
		}
		if p.cur != nil && (p.continued(l) || isDigits(l) && len(l) <= 3 && i+1 < len(body) && p.continued(body[i+1])) {
			continue // "4. (continued)" at the top of a page, and the page number above it
		}
		if actionTableRe.MatchString(l) || paymentsTableRe.MatchString(l) {
			// "Ref Action Owner Due": the rows' references
			// ("HWB/24/01") are actions, not minutes; "Payee Details
			// Amount": the payments a resolution approved, not part of
			// its words.
			tableRows = true
		}
		if tableRows {
			p.addTableLine(l)
			continue
		}
		if p.pageNumberOver(l, body, nextNonBlank(i)) {
			continue
		}
		if h, ok := parseMinuteHeader(l); ok && p.accept(h) && !p.resolutionPart(l, h, body, nextNonBlank(i)) {
			if h.title != "" {
				title, k := takeTitle(body, i+1, h.title)
				p.startMinute(h, title)
				state, pending, i = stateMinute, nil, k-1
				continue
			}
			j := nextNonBlank(i)
			if state == statePresent {
				if j >= 0 && isUpperLine(body[j]) && titleLike(body[j]) && !honorificRe.MatchString(body[j]) {
					title, k := takeTitle(body, j+1, body[j])
					p.startMinute(h, title)
					state, pending, i = stateMinute, nil, k-1
				} else {
					hh := h
					pending = &hh
					p.last = h.primary
				}
				continue
			}
			if j >= 0 && (titleLike(body[j]) || !h.bare && headingLike(body[j])) {
				if _, isHdr := parseMinuteHeader(body[j]); !isHdr {
					title, k := takeTitle(body, j+1, body[j])
					p.startMinute(h, title)
					state, pending, i = stateMinute, nil, k-1
					continue
				}
			}
			if state == stateMinute && h.bare && (i == 0 || body[i-1] == "") && (i+1 == len(body) || body[i+1] == "") {
				// A page number standing between blank lines, in the middle
				// of a minute: no title follows it.
				continue
			}
			p.startMinute(h, "")
			state, pending = stateMinute, nil
			continue
		}
		switch state {
		case statePresent:
			if pending != nil && titleLike(l) && !presentish(l) {
				title, k := takeTitle(body, i+1, l)
				p.startMinute(*pending, title)
				state, pending, i = stateMinute, nil, k-1
				continue
			}
			_, _, isRes := splitResolved(l)
			lower := strings.ToLower(l)
			// A part of the meeting ("Part 1 – Public") ends the list
			// too, in capitals or not: run on into the last name, it was
			// stored as someone present.
			// So does a list of those absent ("Absent: Councillor P
			// Kelly", "Also absent: …"): run on, it made them present.
			if isRes || strings.HasPrefix(lower, "apolog") || (isUpperLine(l) && !honorificRe.MatchString(l) && !attendLabelRe.MatchString(l)) || partHeadingRe.MatchString(l) || absentLabelRe.MatchString(l) && !strings.Contains(lower, "(excused)") {
				if pending != nil {
					p.startMinute(*pending, "")
					pending = nil
					state = stateMinute
					p.addLine(l)
					continue
				}
				state = statePreamble
				p.addPreamble(l)
				if isRes {
					p.sawResolved = true
					p.warn("line %d: RESOLVED outside any minute: %q", p.line(i), clip(l))
				}
				continue
			}
			if attendLabelRe.FindString(l) != "" {
				officers = officersLabelRe.MatchString(l)
			}
			if starred {
				switch {
				case strings.HasPrefix(l, "*"):
					l = strings.TrimSpace(l[1:])
				case attendLabelRe.FindString(l) != "":
					starred = false // "In attendance:": all of them
				default:
					continue // a member not marked was absent
				}
			}
			// "(10.00 am – 12.15 pm)" under the attendance: the hours
			// the meeting sat, when the heading gives no time.
			if l[0] == '(' && len(l) < 40 && hoursSatRe.MatchString(l) {
				if p.out.Meeting.Time == "" {
					p.out.Meeting.Time = firstTime(l)
				}
				continue
			}
			if who, whole, ok := tookChair(l); ok {
				if whole && who != "" {
					p.chairNotes = append(p.chairNotes, l)
				} else {
					// In the chair for part of the meeting: present, but
					// not placed in the chair.
					p.addPreamble(l)
					p.attend(who, false)
				}
				continue
			}
			p.attend(l, officers)
		case stateMinute:
			if isDigits(l) && len(l) <= 3 && i > 0 && body[i-1] == "" && (i+1 == len(body) || body[i+1] == "") {
				continue // a page number, lower than the minute's
			}
			p.addLine(l)
		default:
			if _, _, isRes := splitResolved(l); isRes {
				p.sawResolved = true
				p.warn("line %d: RESOLVED outside any minute: %q", p.line(i), clip(l))
			}
			p.addPreamble(l)
		}
	}
	if pending != nil {
		p.startMinute(*pending, "")
	}
	p.finish(true)
	p.out.Present = presentList(p.present)
	if len(p.inAttendance) > 0 {
		p.out.InAttendance = presentList(p.inAttendance)
	}
	p.absentLists()
	lead := false // the paragraph before announced the names in this one
	for _, para := range strings.Split(paragraphs(p.preamble), "\n\n") {
		lp := strings.ToLower(para)
		afterLead := lead
		lead = apologiesLeadRe.MatchString(strings.Join(strings.Fields(para), " "))
		if para == "" || afterLead && namesFirst(para) || strings.Contains(lp, "apolog") || strings.Contains(lp, "declar") || strings.Contains(lp, "interest") || attendLabelRe.MatchString(para) {
			continue
		}
		if isUpperLine(para) && !partHeadingRe.MatchString(para) {
			// A banner or the minutes' status ("UNCONFIRMED", "DRAFT -
			// SUBJECT TO APPROVAL", the council's name) is no business
			// of the meeting's; a part of the meeting ("PART I") is
			// kept nowhere, so is warned of.
			continue
		}
		if _, _, isRes := splitResolved(para); isRes {
			continue // warned about as it was read
		}
		if aboutDocumentRe.MatchString(para) {
			continue
		}
		p.warn("line %d: text before the first minute not placed: %q", p.preambleLine(para), clip(para))
	}
}

var (
	// actionTableRe heads a table of actions: "Ref Action Owner Due",
	// "Minute Action Owner Deadline".
	actionTableRe   = compileLater(`(?i)^(?:(?:ref(?:erence)?|no|item|min(?:ute)?\.?(?:\s+no)?)\.?\s+)?actions?\s+(?:owner|lead|by\s+whom|responsible|who)\b.{0,30}\b(?:due|date|by\s+when|deadline|timescale)\b`)
	paymentsTableRe = compileLater(`(?i)^(?:payee|supplier|paid\s+to|recipient)\b.{0,60}\b(?:amount|total|net|gross|£)`)
	continuedRe     = compileLater(`(?i)^(\S+?)\.?\s+\((?:continued|cont(?:'d|’d|\.)?)\)$`)
)

// continued reports the heading of the current minute printed again at the
// top of a page: "4. (continued)".
func (p *minutesParser) continued(l string) bool {
	g := continuedRe.FindStringSubmatch(l)
	return g != nil && p.cur != nil && g[1] == p.cur.m.Number
}

// partHeadingRe is the part of the meeting a heading opens: "PART I",
// "Part 1 – Public".
var partHeadingRe = compileLater(`(?i)^part\s+(?:[ivx]{1,4}|\d|[ab]|one|two)\b`)

// unplacedHeading reports a short heading in the lines that head the
// minutes that none of the meeting's details were read from: a part of
// the meeting ("PART I"), or a committee's subtitle ("TAXI AND PRIVATE
// HIRE PANEL") printed under the line above, which names the committee.
// Neither is kept, so the import says so rather than losing it without a
// word.
func unplacedHeading(l, above string, m Meeting) bool {
	if partHeadingRe.MatchString(l) {
		return true
	}
	c := committeeFromLine(l)
	if c == "" || l == above || !isUpperLine(l) || strings.Contains(l, ",") || councilName(c) || venueWordRe.MatchString(l) ||
		m.Committee == "" || !strings.EqualFold(committeeFromLine(above), m.Committee) {
		return false
	}
	return !strings.Contains(strings.ToLower(m.Committee), strings.ToLower(c))
}

// aboutDocumentRe is a note on the document itself before the minutes
// ("This notice records the decisions taken at the meeting."), which
// records no business.
var aboutDocumentRe = compileLater(`(?i)^(?:this|these)\s+(?:decision\s+)?(?:notice|minutes|record)\s+(?:records?|sets?\s+out|lists?|is|are)\b`)

// presentish reports lines of the attendance list rather than a heading.
func presentish(l string) bool {
	return honorificRe.MatchString(l) || strings.Contains(l, ",") || nameLike(l) || attendLabelRe.MatchString(l) || strings.Contains(l, "(")
}

func clip(s string) string {
	s = strings.ReplaceAll(s, "\n", " ")
	if r := []rune(s); len(r) > 80 {
		return string(r[:80]) + "…"
	}
	return s
}

func (p *minutesParser) addLine(l string) {
	b := p.cur
	if b == nil {
		p.addPreamble(l)
		return
	}
	if l == "" {
		switch {
		case b.inRes:
			b.res[len(b.res)-1] = append(b.res[len(b.res)-1], l)
		case len(b.res) > 0:
			b.trailing = append(b.trailing, l)
		default:
			b.narrative = append(b.narrative, l)
		}
		return
	}
	if pre, rest, ok := splitResolved(l); ok && !b.passiveResolved(l) {
		p.sawResolved = true
		word := recordedAs(l)
		if word == "AGREED" && pre != "" && b.inRes && b.words[len(b.words)-1] == "NOTED" && !b.resComplete() && agreedAndRe.MatchString(l) {
			pre = joinAll(append(nonBlank(b.unnote()), pre))
		}
		if pre != "" {
			if len(b.res) > 0 {
				b.trailing = append(b.trailing, pre)
			} else {
				b.narrative = append(b.narrative, pre)
			}
		} else if len(b.res) > 0 {
			dropDanglingAnd(b.trailing)
		} else {
			dropDanglingAnd(b.narrative)
		}
		if len(b.res) > 0 {
			// Printed between the last block and this one, where it is
			// shown, though the narrative holds it for searching.
			b.between = append(b.between, paragraphs(b.trailing))
		}
		if len(b.trailing) > 0 {
			b.narrative = append(append(b.narrative, ""), b.trailing...)
			b.trailing = nil
		}
		b.openBlock(l, rest, word)
		return
	}
	if b.inRes && welshOutcomeRe.MatchString(l) {
		// The Welsh text of the resolution after the English one, whose
		// last part may lack a full stop: it ends the English block and
		// stays in the narrative with the parts under it.
		b.inRes = false
		b.trailing = append(b.trailing, l)
		return
	}
	if b.inRes {
		if b.resComplete() && !partStartRe.MatchString(l) && !startsLower(l) {
			b.inRes = false
			b.trailing = append(b.trailing, l)
			return
		}
		b.res[len(b.res)-1] = append(b.res[len(b.res)-1], l)
		b.noteRes(l)
		return
	}
	if len(b.res) > 0 {
		b.trailing = append(b.trailing, l)
		return
	}
	b.narrative = append(b.narrative, l)
}

// addTableLine adds a row of a table printed in the minute: it ends any
// resolution being read and stays in the narrative.
func (p *minutesParser) addTableLine(l string) {
	b := p.cur
	if b == nil {
		p.addPreamble(l)
		return
	}
	b.inRes = false
	if len(b.res) > 0 {
		b.trailing = append(b.trailing, l)
		return
	}
	b.narrative = append(b.narrative, l)
}

// agendaItemRe is the agenda's number printed after a minute's title:
// "SERIOUS VIOLENCE DUTY [Item 5]", "Minutes (Agenda Item 3)".
var agendaItemRe = compileLater(`(?i)\s*[\[(](?:agenda\s+)?item\s+(?:no\.?\s*)?\d{1,3}(?:\.\d{1,2}|[a-z])?[\])]$`)

// finish closes the current minute. Text after the last resolution of the
// last minute is dropped: in a pack it is the first report.
func (p *minutesParser) finish(last bool) {
	b := p.cur
	if b == nil {
		return
	}
	p.cur = nil
	narr := b.narrative
	if !last && len(b.trailing) > 0 {
		narr = append(append(narr, ""), b.trailing...)
	}
	b.m.Narrative = paragraphs(narr)
	if before := paragraphs(b.narrative); len(b.trailing) > 0 && len(b.res) > 0 && strings.HasPrefix(b.m.Narrative, before) {
		// What the minutes print after the resolutions, kept in the
		// narrative, which is searched as a whole, and named, so that
		// it is shown after them as printed. Paragraphs joined across
		// the two leave it unnamed: the narrative is shown whole.
		b.m.After = strings.TrimSpace(b.m.Narrative[len(before):])
	}
	if len(b.res) == 0 {
		// "The Committee noted the report." closing a minute that
		// resolved nothing is its outcome, as the council publishes it.
		paras := strings.Split(b.m.Narrative, "\n\n")
		if noted, ok := notedOutcome(paras[len(paras)-1]); ok {
			b.m.Narrative = strings.Join(paras[:len(paras)-1], "\n\n")
			b.res, b.words, b.welsh = [][]string{{noted}}, []string{"NOTED"}, []bool{false}
		}
	}
	b.m.Title = strings.TrimRight(agendaItemRe.ReplaceAllString(b.m.Title, ""), " :")
	if b.m.Title == "" {
		p.warn("line %d: minute %s: no title found", b.line, b.m.Number)
	}
	var parts [][]string
	var words []string
	anyParts, anyWord := false, false
	between := len(b.between) == len(b.res)-1
	for i, blk := range b.res {
		r := normaliseResolution(joinAll(nonBlank(blk)))
		asRead := ""
		if b.words[i] == "RESOLVED FURTHER" {
			// The word and its colon are the label. Readings before
			// the label was known kept them at the head of the text
			// (asRead), as imports then stored it.
			asRead, r = r, normaliseResolution(furtherRe.ReplaceAllString(r, "$1 "))
		}
		if r == "" {
			p.warn("line %d: minute %s: empty %s block", b.line, b.m.Number, b.words[i])
			between = false // what it printed after would follow another block
			continue
		}
		if g := welshHalfRe.FindStringSubmatch(r); b.welsh[i] && g != nil {
			// "PENDERFYNWYD / RESOLVED: Cymeradwyo'r cofnodion. / To
			// approve the minutes.": the English half is the
			// resolution, the Welsh one stays in the narrative.
			r = g[2]
			if b.m.Narrative != "" {
				b.m.Narrative += "\n\n"
			}
			b.m.Narrative += g[1]
		}
		if loc := notedEndRe.FindStringIndex(r); b.words[i] == "NOTED" && loc != nil {
			// What was noted is the one sentence; what follows it
			// is the minute's narrative.
			_, capital := utf8.DecodeLastRuneInString(r[:loc[1]])
			rest := r[loc[1]-capital:]
			r = strings.TrimSpace(r[:loc[1]-capital])
			if b.m.Narrative != "" {
				b.m.Narrative += "\n\n"
			}
			b.m.Narrative += rest
		}
		if asRead != "" {
			b.m.earlier = append(b.m.earlier, make([]string, len(b.m.Resolutions)-len(b.m.earlier))...)
			b.m.earlier = append(b.m.earlier, asRead)
		}
		b.m.Resolutions = append(b.m.Resolutions, r)
		words = append(words, b.words[i])
		anyWord = anyWord || b.words[i] != "RESOLVED"
		ps := resolutionParts(r)
		if len(ps) > 0 {
			anyParts = true
		} else {
			ps = []string{}
		}
		parts = append(parts, ps)
	}
	if anyParts {
		b.m.Parts = parts
	}
	if anyWord {
		b.m.RecordedAs = words
	}
	if !strings.HasSuffix(b.m.Narrative, b.m.After) {
		// Text read from the resolutions (a Welsh half, what follows a
		// NOTED sentence) went after it.
		b.m.After = ""
	}
	if between && slices.ContainsFunc(b.between, func(s string) bool { return s != "" }) && betweenInOrder(b.m.Narrative, b.m.After, b.between) {
		b.m.Between = b.between
	}
	b.m.References = references(append([]string{b.m.Narrative}, b.m.Resolutions...)...)
	p.out.Minutes = append(p.out.Minutes, b.m)
	p.builders = append(p.builders, b)
}

// betweenInOrder reports whether narrative ends with between, each
// paragraph of it in turn, and then after: what is printed between the
// resolutions can be told from the text before them only then. Text read
// from the resolutions into the narrative (a Welsh half) leaves it whole.
func betweenInOrder(narrative, after string, between []string) bool {
	rest, ok := strings.CutSuffix(narrative, after)
	for i := len(between) - 1; ok && i >= 0; i-- {
		rest, ok = strings.CutSuffix(strings.TrimSpace(rest), between[i])
	}
	return ok
}

func nonBlank(ls []string) []string {
	out := make([]string, 0, len(ls))
	for _, l := range ls {
		if l != "" {
			out = append(out, l)
		}
	}
	return out
}

func normaliseResolution(s string) string {
	s = fixGlue(strings.Join(strings.Fields(s), " "))
	s = strings.TrimLeft(s, ":–—-, ")
	if s == "" || !hasLetter(s) {
		return ""
	}
	for _, w := range []string{"that", "to", "the", "in"} {
		if strings.HasPrefix(s, w+" ") || strings.HasPrefix(s, w+":") || s == w {
			s = strings.ToUpper(s[:1]) + s[1:]
			break
		}
	}
	return s
}

var (
	parenMarkRe = compileLater(`\((\d{1,2}|[a-z]|[ivx]{1,5})\)`)
	dotMarkRe   = compileLater(`(?:^|[\s:;])(\d{1,2}|[a-z]|[ivx]{1,5})[.)]\s`)
)

var romans = []string{"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv"}

// resolutionParts splits "That (1) …; and (2) …" into its parts. Only a run
// of markers counting up from one is taken, so "(IOM)" or a stray "(a)" in a
// numbered resolution stays part of the text.
func resolutionParts(s string) []string {
	// "(1) …", "(a) …": a marker is taken after a space, a colon or a
	// semicolon, or at the start.
	marks := countUp(s, parenMarkRe.FindAllStringSubmatchIndex(s, -1), func(g []int) (int, bool) {
		return g[0], g[0] == 0 || s[g[0]-1] == ' ' || s[g[0]-1] == ':' || s[g[0]-1] == ';'
	})
	if len(marks) < 2 {
		// "1. … 2. …", "a. … b. …", "i. … ii. …".
		marks = countUp(s, dotMarkRe.FindAllStringSubmatchIndex(s, -1), func(g []int) (int, bool) { return g[2], true })
	}
	if len(marks) < 2 {
		return nil
	}
	out := make([]string, 0, len(marks))
	for i, m := range marks {
		stop := len(s)
		if i+1 < len(marks) {
			stop = marks[i+1].start
		}
		out = append(out, trimPart(s[m.end:stop]))
	}
	return out
}

// partMark is where a part of a resolution starts, its marker, and where
// its text starts, after the marker.
type partMark struct{ start, end int }

// countUp keeps, of the markers of s found at locs (group 1 the marker),
// the run that counts up from one in the scheme of the first ("1", "a"
// or "i"); at says where each starts, and whether it stands where a
// marker may.
func countUp(s string, locs [][]int, at func(g []int) (int, bool)) []partMark {
	var marks []partMark
	scheme := ""
	for _, g := range locs {
		start, ok := at(g)
		if !ok {
			continue
		}
		v := s[g[2]:g[3]]
		if scheme == "" {
			switch v {
			case "1":
				scheme = "num"
			case "a":
				scheme = "alpha"
			case "i":
				scheme = "roman"
			default:
				continue
			}
		}
		if v == PartLabel(scheme, len(marks)) {
			marks = append(marks, partMark{start, g[1]})
		}
	}
	return marks
}

// PartLabel is the mark of the part after n of a resolution whose parts
// are marked in scheme ("num", "alpha" or "roman"): "3", "c", "iii".
func PartLabel(scheme string, n int) string {
	switch scheme {
	case "num":
		return strconv.Itoa(n + 1)
	case "alpha":
		if n < 26 {
			return string(rune('a' + n))
		}
	case "roman":
		if n < len(romans) {
			return romans[n]
		}
	}
	return ""
}

func trimPart(s string) string {
	s = strings.TrimSpace(s)
	for {
		t := s
		for _, suf := range []string{"; and", "; or", ", and", " and", ";", ".", ","} {
			t = strings.TrimSpace(strings.TrimSuffix(t, suf))
		}
		if t == s {
			return s
		}
		s = t
	}
}

// audienceRe is the public and the press counted in the attendance ("2
// members of the public"): no one to record as present.
var audienceRe = compileLater(`(?i)^(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|several|many|some|no)\s+(?:members?\s+of\s+(?:the\s+)?(?:public|press)|(?:press|public|residents?|parishioners?|observers?|visitors?)\b)`)

// chairLabelRe is the chair named by a label of their own among the
// meeting's details, above those present: "Chair:   Mr R Halloran".
var chairLabelRe = compileLater(`(?i)^(?:chair(?:man|person)?|in\s+the\s+chair)\s*:\s*(\S.{0,80})$`)

// chairAbove is the chair named in the heading (lines) by a label of
// their own, as one present, "Mr R Halloran (Chair)": a clerk counts the
// chair among those at the meeting, as minutes that print the chair in
// the list do.
func chairAbove(lines []string) []string {
	for _, l := range lines {
		if l == "" || l[0]|0x20 != 'c' && l[0]|0x20 != 'i' {
			continue
		}
		if g := chairLabelRe.FindStringSubmatch(l); g != nil && (nameLike(g[1]) || rankedSurname(g[1])) {
			return []string{strings.TrimRight(g[1], ". ") + " (Chair)"}
		}
	}
	return nil
}

// chairAway reports whether the chair named by a label (chair, "Mr R
// Halloran (Chair)") was away from the meeting out records: among the
// apologies, or another present was in the chair.
func chairAway(chair string, out *Minutes, present []string) bool {
	if len(personWords(chair)) == 0 {
		return false
	}
	same := func(name string) bool { return maySamePerson(name, chair) }
	for _, a := range out.Apologies {
		if same(a.Name) {
			return true
		}
	}
	for _, n := range present {
		_, b := splitBracket(n)
		b = strings.ToLower(b)
		// "(Vice-Chair, presiding)" is in the chair as "(in the Chair)" is.
		if (b == "chair" || b == "chairman" || b == "chairperson" || b == "chairwoman" || inTheChair(b)) && !same(n) {
			return true
		}
	}
	return false
}

// inTheChair reports whether b, the lower-cased brackets after a name
// among those present, says they chaired the meeting: "(in the Chair)",
// "(Vice-Chair, presiding)", "(Vice-Chairman in the Chair)"; not
// "(Presiding Officer, Youth Parliament)", a post elsewhere, nor "(in the
// chair for item 6)", part of it.
func inTheChair(b string) bool {
	for _, part := range strings.Split(b, ",") {
		part = strings.TrimSpace(part)
		if strings.HasSuffix(part, "in the chair") || part == "presiding" || strings.HasSuffix(part, " presiding") {
			return true
		}
	}
	return false
}

// maySamePerson reports whether two names may be one person's: the same
// surname, and forenames that may be one person's, titles aside.
func maySamePerson(a, b string) bool {
	aw, bw := personWords(a), personWords(b)
	return len(aw) > 0 && len(bw) > 0 && aw[len(aw)-1] == bw[len(bw)-1] && sameForename(aw[:len(aw)-1], bw[:len(bw)-1])
}

// takeChairRe is a sentence saying who chaired: "Councillor Jones took
// the chair.", "In the absence of the Chair, Councillor Lee (Vice-Chair)
// presided.", "Councillor Lee in the Chair". Its first group is who, its
// second what follows ("for item 7", "for the remainder of the
// meeting").
var takeChairRe = compileLater(`(?i)^(?:in\s+the\s+absence\s+of\s+[^,;:]{2,60}?,\s*)?([^,;:]{2,80}?(?:,\s*[^,;:]{2,60}?,)?)\s+(?:took\s+the\s+chair|(?:was\s+)?in\s+the\s+chair|presided|chaired\s+the\s+meeting)\b\s*(.*?)\s*\.?$`)

// wholeMeetingRe is what may follow a sentence about who chaired when
// they chaired the whole meeting: nothing, or "for the meeting".
var wholeMeetingRe = compileLater(`(?i)^(?:for\s+(?:the|this)\s+meeting|throughout(?:\s+the\s+meeting)?)?$`)

// partWayRe is a word before taking the chair that says someone chaired
// before: "Councillor Lenihan then took the chair".
var partWayRe = compileLater(`(?i)\b(?:then|thereupon|again|now|subsequently|later)\b`)

// tookChair reads a sentence saying who took the chair: who, as
// printed ("Councillor Lee"), and whether for the whole meeting; ok is
// false for any other sentence, and for a name with a post after it
// ("Councillor Ian Wardle, Leader, in the Chair"), which is an entry of
// the attendance.
func tookChair(sent string) (who string, whole, ok bool) {
	if indexFold(sent, 0, "chair") < 0 && indexFold(sent, 0, "presided") < 0 {
		return "", false, false
	}
	g := takeChairRe.FindStringSubmatch(strings.TrimSpace(sent))
	if g == nil {
		return "", false, false
	}
	lead := strings.TrimRight(strings.TrimSpace(g[1]), ",")
	if i := strings.LastIndex(lead, ", "); i >= 0 {
		if !chairPost(lead[:i]) {
			return "", false, false
		}
		lead = lead[i+2:] // "the Vice-Chair, Councillor Lee"
	}
	name, bracket := splitBracket(lead)
	if chairPost(name) && (honorificRe.MatchString(bracket) || nameLike(bracket)) {
		name = bracket // "The Vice-Chair (Councillor Lee)"
	}
	// "An Cathaoirleach Councillor Fergal Hennessy": from the title on.
	words := strings.Fields(name)
	for i, w := range words {
		if honorificRe.MatchString(w) {
			name = strings.Join(words[i:], " ")
			break
		}
	}
	// Only a name chairs: "Councillor Jones reported that Councillor Brown
	// had been in the chair" names no one by its words before it.
	if chairPost(name) || !nameLike(name) && !rankedSurname(name) {
		return "", false, false
	}
	// "Councillor Moss in the Chair;" heading the attendance, the
	// others after it, is for the whole meeting.
	whole = wholeMeetingRe.MatchString(strings.TrimRight(g[2], ";,")) && !partWayRe.MatchString(g[1])
	return name, whole, true
}

// chairTaken is who the minutes say took the chair for the whole meeting,
// as printed ("Councillor Lee"), or "". Only what is said before any
// business was resolved is for the whole meeting: "Councillor Lee took the
// chair." further on, or "took the chair for item 7", "for the
// remainder of the meeting", "then took the chair", is for part of it,
// with the chair there before; the record names one chair, so theirs
// stands and the sentence stays in the narrative. Nor is anyone taken
// for it when someone listed is in the chair already ("(in the Chair)",
// "(Vice-Chair, presiding)"), nor when it is the chair ("(Chair)", or
// labelled above: labelled).
func (p *minutesParser) chairTaken(labelled []string) string {
	texts := append([]string(nil), p.chairNotes...)
	texts = append(texts, paragraphs(p.preamble))
	for _, m := range p.out.Minutes {
		texts = append(texts, m.Narrative)
		if len(m.Resolutions) > 0 {
			break
		}
	}
	who := ""
	for _, t := range texts {
		if indexFold(t, 0, "chair") < 0 && indexFold(t, 0, "presided") < 0 {
			continue
		}
		for _, sent := range sentences(t) {
			if name, whole, ok := tookChair(sent); ok && whole {
				who = name
				break
			}
		}
		if who != "" {
			break
		}
	}
	if who == "" {
		return ""
	}
	for _, n := range p.out.Present {
		_, b := splitBracket(n)
		b = strings.ToLower(b)
		if inTheChair(b) || chairPost(b) && !strings.Contains(b, "vice") && !strings.Contains(b, "deputy") && maySamePerson(n, who) {
			return ""
		}
	}
	for _, c := range labelled {
		if maySamePerson(c, who) {
			return "" // the chair labelled above, in the chair
		}
	}
	return who
}

// hoursSatRe is the hours a meeting sat, printed in brackets under its
// attendance: "(10.00 am – 12.15 pm)".
var hoursSatRe = compileLater(`(?i)^\(\s*\d{1,2}(?:[.:]\d{2})?\s*(?:[ap]\.?\s?m|y\.?\s?[bph])\.?\s*(?:[-–—]|to|i)\s*\d{1,2}(?:[.:]\d{2})?\s*(?:[ap]\.?\s?m|y\.?\s?[bph])\.?\s*\)$`)

// councillorsAloneRe is "Councillors:" alone on its line, over the
// members' names.
var councillorsAloneRe = compileLater(`^(?:Councillors|Cllrs)\s*:$`)

// councillorsLabelRe is "Councillors:" heading the members' names, read
// as "Councillors A, B and C" are.
var councillorsLabelRe = compileLater(`^(Councillors|Cllrs)\s*:\s*`)

// noteRe is a note among the attendance, not a person: "Simultaneous
// translation was provided", "Quorum: the meeting was quorate
// throughout".
var noteRe = compileLater(`\s(?:was|were)\s+(?:provided|available|given|offered|quorate)\b`)

// chairRe is the chair's post printed after a name as a post is:
// "Councillor Mallon, Chair".
var chairRe = compileLater(`(?i)^(?:(?:deputy|vice)[- ])?(?:chair(?:man|person|woman)?|convener|mayor|town\s+mayor|lord\s+mayor)$`)

// rankedSurname reports a person printed by title and surname alone, as
// Northern Irish councils list members: "Councillor Mallon", "Mr Toner".
func rankedSurname(s string) bool {
	rank := rankRe.FindString(s)
	w := strings.Fields(s[len(rank):])
	return rank != "" && len(w) == 1 && capitalisedWord(w[0]) && !notNameWords[strings.ToLower(w[0])]
}

var (
	yearRe     = compileLater(`^(?:19|20)\d\d$`)
	monthEndRe = compileLater(`(?i)\b\d{1,2}(?:st|nd|rd|th)?\s+(?:` + monthAlt + `)$`)
)

const signLinePat = `^(?:chair|chairman|chairperson|chairwoman|chair\s+of\s+the\s+meeting)\s*:?\s*[._… ]*(?:date\s*:?[._…/ ]*)?$|^signed\b|^[._]{5,}|^…[._…]|^cadeirydd\s*/\s*chair(?:man|person)?\b.{0,40}$`

// chairStopRe is "Chair." alone on a line.
var chairStopRe = compileLater(`(?i)^chair(?:man|person|woman)?\.$`)

// sentenceEndsChair reports whether body[i], "Chair." alone on a line,
// is the last word of the sentence on the line before ("… and signed by
// the" over "Chair."), not the chair's signature line that ends the
// minutes.
func sentenceEndsChair(body []string, i int) bool {
	if i == 0 || !chairStopRe.MatchString(body[i]) {
		return false
	}
	prev := body[i-1]
	if prev == "" {
		return false
	}
	w := strings.Fields(prev)
	last := w[len(w)-1]
	return last == "the" || last == "The" || last == "by" || last == "to" || last == "and"
}

// signedAsRe is a resolution's words carried onto a line of their own
// that start with "signed" ("signed as accurate and correct."), not the
// chair's signature that ends the minutes.
var signedAsRe = compileLater(`(?i)^signed\s+(?:as|and|off|in)\b`)

// footnoteKeyRe is the key to marks printed after names in the
// attendance, "* Denotes Members present in remote attendance" (the
// "**" of "** Denotes" is gone by then, read as bold), or the time the
// meeting began printed under it: neither names anyone.
var footnoteKeyRe = compileLater(`(?i)^(?:\*+\s*)?denotes\b|^the\s+meeting\s+(?:commenced|started|began|opened)\b`)

// presentList turns the attendance lines into one entry per person.
func presentList(lines []string) []string {
	var groups []string
	var joined joiner
	named := false       // the line before started with a name and a comma
	afterLabel := false  // the line before was "Councillors:" alone
	councillors := false // the names are under "Councillors:" alone
	for _, l := range lines {
		if footnoteKeyRe.MatchString(l) {
			continue
		}
		labelled := attendLabelRe.MatchString(l) && attendLabelRe.FindString(l) != ""
		l = twoColumns(attendLabelRe.ReplaceAllString(l, ""))
		if labelled && !joined.empty() {
			groups = append(groups, joined.String())
			joined = joiner{}
		}
		if labelled {
			councillors = false
		}
		// "Councillors:" alone over the names: a group of its own,
		// read as "Councillors: A, B and C" printed on one line is.
		if councillorsAloneRe.MatchString(l) {
			if !joined.empty() {
				groups = append(groups, joined.String())
			}
			joined = joiner{}
			joined.add("", strings.TrimRight(l, ": ")+":")
			named, afterLabel, councillors = false, true, true
			continue
		}
		if afterLabel {
			joined.add(" ", l)
			afterLabel = false
			continue
		}
		if councillors && !strings.Contains(l, ",") && nameLike(l) && !strings.HasSuffix(joined.tail(), ",") {
			joined.add(", ", l) // one to a line: "A Smith" over "B Jones"
			continue
		}
		if l == "" {
			continue
		}
		wasNamed := named
		named = nameFirst(l)
		if joined.empty() {
			joined.add("", l)
			continue
		}
		tail := joined.tail()
		prevEnd := lastRune(tail)
		w := strings.Fields(tail)
		prevWord := w[len(w)-1]
		if wasNamed && named && prevEnd != ',' && prevWord != "and" {
			// One person to a line, each with their post: "Alison
			// Crewe, Police and Crime Commissioner".
			joined.add("; ", strings.TrimRight(l, ";"))
			continue
		}
		// "H. Evans" over "S. Jenkins" or "Mary Blige": a name of initials
		// and a surname is whole, so a name on the line after it is
		// another person's, as a title starting a line is.
		initials := len(w) >= 2 && isInitial(w[len(w)-2]) && !isInitial(prevWord) && startsUpper(prevWord) &&
			(isInitial(strings.SplitN(l, " ", 2)[0]) || strings.Contains(l, " ") && nameLike(l))
		if prevEnd == ')' || prevEnd == '.' || prevEnd == ';' || prevEnd == ':' || initials ||
			honorificRe.MatchString(l) && prevEnd != ',' && prevWord != "and" && !honorificRe.MatchString(prevWord) ||
			endsWithPost(tail) && prevEnd != ',' && prevWord != "and" && nameLike(strings.Split(l, ",")[0]) {
			joined.add(", ", l)
		} else {
			joined.join(l)
		}
	}
	groups = append(groups, joined.String())
	out := []string{}
	for _, g := range groups {
		first := len(out)
		// The entry given a post (or a body) after a comma just before:
		// "Jane Lee, Chief Executive, Sefton CVS" gives her both.
		gotPost, gotBody := -1, -1
		// attach gives n to the entry just before it as its post or body
		// (got marks which entry took it): inside the brackets of the
		// other (other is that entry), else in new brackets after a name.
		attach := func(n string, got *int, other int) bool {
			k := len(out) - 1
			switch {
			case k == other:
				out[k] = strings.TrimSuffix(out[k], ")") + ", " + n + ")"
			case (nameLike(out[k]) || rankedSurname(out[k])) && !strings.Contains(out[k], "("):
				out[k] += " (" + n + ")"
			default:
				return false
			}
			*got = k
			return true
		}
		g = councillorsLabelRe.ReplaceAllString(g, "$1 ")
		for _, n := range expandCouncillors(g, splitPeople(g)) {
			// "Councillor Quinn*": the mark the footnote keys.
			n = strings.TrimSpace(strings.TrimRight(n, "*"))
			if !hasLetter(n) || len(n) >= 120 || !startsUpper(n) || audienceRe.MatchString(n) || noteRe.MatchString(n) {
				continue
			}
			// "Rebecca Vine, Community Safety Manager": the post of the
			// person named before it.
			if k := len(out) - 1; k >= first && (postRe.MatchString(n) || chairRe.MatchString(n)) && !nameLike(n) && !personTitleRe.MatchString(n) && !strings.Contains(n, "(") && k != gotPost && attach(n, &gotPost, gotBody) {
				continue
			}
			// "Mr Colm Doherty, Sperrin Rural Transport": the body the
			// person named before it represents, kept as the brackets
			// after a name keep it. Only words that cannot be a person
			// are taken so: in "Cllr A, Cllr B, Cllr C" and "Ann Lee,
			// Tom Hart" each piece is a name, and is a person of its own.
			if k := len(out) - 1; k >= first && bodyName(n) && k != gotBody && attach(n, &gotBody, gotPost) {
				continue
			}
			out = append(out, holderFirst(n))
		}
	}
	return onePerPerson(out)
}

// holderFirst gives a post printed with its holder's name in brackets,
// "Director of Environmental Services (Mr R Brannigan)", as Northern
// Irish councils list their officers, as the rest of the attendance is
// given: the name, then the post in brackets. Any other n is as it is.
func holderFirst(n string) string {
	i := strings.LastIndexByte(n, '(')
	if i <= 0 || !strings.HasSuffix(n, ")") {
		return n
	}
	post, who := strings.TrimSpace(n[:i]), strings.TrimSpace(n[i+1:len(n)-1])
	if strings.ContainsAny(post, "()") || !postRe.MatchString(post) || nameLike(post) || personTitleRe.MatchString(post) ||
		!personTitleRe.MatchString(who) || !nameLike(who) && !rankedSurname(who) {
		return n
	}
	return who + " (" + post + ")"
}

// bodyName reports whether n, printed in the attendance after a person's
// name and a comma, names a body rather than a person or a post: no title
// or name of a person, and a word that only a body's name has
// ("Transport", "Association", "Council") or its initials ("Sefton CVS",
// "NIHE").
func bodyName(n string) bool {
	if !startsUpper(n) || strings.ContainsAny(n, "()0123456789") || len(n) > 80 || personTitleRe.MatchString(n) || honorificRe.MatchString(n) ||
		nameLike(n) || rankedSurname(n) || postRe.MatchString(n) || chairRe.MatchString(n) {
		return false
	}
	for i, w := range strings.Fields(n) {
		w = strings.Trim(w, ".,'’")
		if lw := strings.ToLower(w); (notNameWords[lw] || i > 0 && bodyWords[lw]) && !smallWords[lw] && capitalisedWord(w) || acronymRe.MatchString(w) {
			return true
		}
	}
	return false
}

// bodyWords end a body's name but may begin a person's: "Sefton Carers
// Charity", and Charity Okafor.
var bodyWords = map[string]bool{"charity": true}

// onePerPerson lists each person once: minutes often name the chair twice,
// once in the list and once as "Cllr J Ferris (Chair)". Names are matched
// as an action's owner is matched to a member (personWords, sameForename):
// the same surname, and forenames that may be one person's ("J" and
// "John", or none printed), without titles or brackets; "Mr Smith" and
// "Mrs Smith" are two people, as are two who print different wards or
// organisations in brackets (sameBrackets), and a name that may be either
// of two listed is left alone. The entry kept is where the person was first
// listed, with the fuller name and what either printed in brackets, so
// that "(Chair)" is not lost.
func onePerPerson(names []string) []string {
	out := make([]string, 0, len(names))
	for _, n := range names {
		words := personWords(n)
		if !personName(n, words) {
			out = append(out, n)
			continue
		}
		same := -1
		for k, o := range out {
			ow := personWords(o)
			if !personName(o, ow) || ow[len(ow)-1] != words[len(words)-1] ||
				!sameForename(ow[:len(ow)-1], words[:len(words)-1]) || !sameTitle(o, n, ow[:len(ow)-1], words[:len(words)-1]) || !sameBrackets(o, n) {
				continue
			}
			if same >= 0 {
				same = -2 // either of two: not guessed
				break
			}
			same = k
		}
		if same < 0 {
			out = append(out, n)
			continue
		}
		out[same] = samePerson(out[same], n)
	}
	return out
}

// personName reports whether the entry n (its words, personWords) names a
// person, not a post: "Cllr Ferris", "J Ferris", not "Chief Executive".
func personName(n string, words []string) bool {
	name, _ := splitBracket(n)
	if len(words) == 0 || len(words) == 1 && rankRe.FindString(name) == "" {
		return false
	}
	for _, w := range strings.Fields(rankRe.ReplaceAllString(name, "")) {
		if notNameWords[strings.ToLower(strings.Trim(w, ".,'’"))] || !capitalisedWord(strings.TrimRight(w, ".,")) {
			return false
		}
	}
	return true
}

var (
	genderTitleRe = compileLater(`^(?i:(mr|mrs|ms|miss))\b`)
	// titleRe is a title of a person's own, the one that opens a name
	// printed as a pair with another's ("Dr and Mrs Patel").
	titleRe = compileLater(`^(?i:(mrs|mr|ms|miss|dr|prof|rev)(?:essor|erend)?)\b`)
)

// sameTitle reports whether a and b, with the forenames fa and fb, are not
// told apart by their titles: "Mr Smith" is not "Mrs Smith". Nor is "Dr
// Patel" "Mrs Patel", printed as a pair ("Dr and Mrs Patel"): two titles
// of one surname are two people unless both print the same forenames, as
// one person may be "Dr J Patel" in one place and "Mrs J Patel" in another.
func sameTitle(a, b string, fa, fb []string) bool {
	ta, tb := genderTitleRe.FindString(a), genderTitleRe.FindString(b)
	if ta != "" && tb != "" && !strings.EqualFold(ta, tb) {
		return false
	}
	ga, gb := titleRe.FindStringSubmatch(a), titleRe.FindStringSubmatch(b)
	return ga == nil || gb == nil || strings.EqualFold(ga[1], gb[1]) || len(fa) > 0 && slices.Equal(fa, fb)
}

// chairMarkRe finds the chair in what a name prints in brackets:
// "Chair", "in the Chair", "Chairman", "Mayor".
var chairMarkRe = compileLater(`(?i)\b(?:chair|convener|mayor)`)

// sameBrackets reports whether a and b are not told apart by what they
// print in brackets: two councillors of one name are printed with their
// wards ("Cllr A Jones (Ainsdale)", "Cllr A Jones (Ford)"), two members
// with their organisations. The chair's mark is said of one of them, and
// tells no one apart.
func sameBrackets(a, b string) bool {
	_, ba := splitBracket(a)
	_, bb := splitBracket(b)
	return ba == "" || bb == "" || strings.EqualFold(ba, bb) || chairMarkRe.MatchString(ba) || chairMarkRe.MatchString(bb)
}

// samePerson is one entry for a person listed as a and as b: the fuller
// of the two names, with what each printed in brackets.
func samePerson(a, b string) string {
	na, ba := splitBracket(a)
	nb, bb := splitBracket(b)
	name := na
	if len(personWords(nb)) > len(personWords(na)) || len(personWords(nb)) == len(personWords(na)) && len(nb) > len(na) {
		name = nb
	}
	brackets := ba
	switch {
	case brackets == "":
		brackets = bb
	case bb != "" && !strings.EqualFold(ba, bb):
		brackets += ", " + bb
	}
	if brackets == "" {
		return name
	}
	return name + " (" + brackets + ")"
}

// splitPeople splits a group of the attendance into people. A list joined
// by semicolons ("Chief Executive; Director of Law and Governance;
// Democratic Services Manager") is split there only where what stands
// between them is a post, whose "and" is part of it.
func splitPeople(g string) []string {
	if !strings.Contains(g, ";") {
		return joinPosts(g, splitOutside(g))
	}
	var out []string
	for _, seg := range strings.Split(g, ";") {
		seg = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(seg), "and "))
		// "Fiona Strachan, Director of Education and Children's
		// Services", "Martin Oyelaran, Chief Executive, Office of the
		// Police and Crime Commissioner": a name and the post after it,
		// whose "and" and commas are part of the post.
		if name, post, ok := strings.Cut(seg, ", "); ok && nameLike(name) && !pluralTitled(name) && postAfterName(post) {
			out = append(out, name+" ("+strings.TrimRight(post, ". ")+")")
			continue
		}
		if postRe.MatchString(seg) && !personTitleRe.MatchString(seg) && !strings.ContainsAny(seg, ",()") && !nameLike(seg) {
			if seg = strings.TrimRight(seg, ". "); seg != "" {
				out = append(out, seg)
			}
			continue
		}
		out = append(out, joinPosts(seg, splitOutside(seg))...)
	}
	return out
}

// postNamedRe is a post with the holder's name in brackets after it:
// "Monitoring Officer (Rachel Dunmore)".
var postNamedRe = compileLater(`^([^()]+?)\s*\(([^()]+)\)$`)

// joinPosts puts back together what the list split at an "and" that is
// part of a post: two posts one person holds ("Clerk and Monitoring
// Officer (Rachel Dunmore)" is one officer, not a "Clerk" and a
// "Monitoring Officer"), and a post's own "and" ("Director of Highways
// and Transport" is one officer, not a "Director of Highways" and a
// "Transport"; see postGoesOn).
func joinPosts(g string, pieces []string) []string {
	out := pieces[:0:0]
	for i := 0; i < len(pieces); i++ {
		// "Mr and Mrs Smith": a title alone before "and" is a person of
		// the surname after it.
		if i+1 < len(pieces) && bareTitleRe.MatchString(pieces[i]) && personTitleRe.MatchString(pieces[i+1]) {
			// The list drops the full stop of "Rev. and Mrs Lloyd": the
			// title keeps it.
			dot := ""
			if !strings.HasSuffix(pieces[i], ".") && strings.Contains(g, pieces[i]+". and "+pieces[i+1]) {
				dot = "."
			}
			if w := strings.Fields(bracketTailRe.ReplaceAllString(pieces[i+1], "")); len(w) > 1 && (dot != "" || strings.Contains(g, pieces[i]+" and "+pieces[i+1])) {
				pieces[i] += dot + " " + w[len(w)-1]
			}
		}
		for i+1 < len(pieces) {
			first, next := pieces[i], pieces[i+1]
			m := postNamedRe.FindStringSubmatch(next)
			twoPosts := m != nil && postRe.MatchString(first) && postRe.MatchString(m[1]) && nameLike(m[2]) &&
				!strings.Contains(first, "(") && !nameLike(first) && !personTitleRe.MatchString(first)
			// Checked last: g is the whole list, and most pairs are two
			// people.
			if !(twoPosts || postGoesOn(first, next) || bodyGoesOn(first, next)) || !strings.Contains(g, first+" and "+next) {
				break
			}
			pieces[i+1] = first + " and " + next
			i++
		}
		out = append(out, pieces[i])
	}
	return out
}

// bareTitleRe is a person's title printed alone: "Mr" of "Mr and Mrs
// Smith", "Dr" of "Dr and Mrs Patel".
var bareTitleRe = compileLater(`^(?:Mr|Mrs|Ms|Miss|Dr|Prof(?:essor)?|Rev(?:erend)?)\.?$`)

// postOfRe is a post that names what it is of or for: "Director of
// Highways", "Head of Law", "Cabinet Member for Transport".
var postOfRe = compileLater(`(?i)^(?:[\pL'’-]+\s+){1,4}(?:of|for)\s+\S`)

// postGoesOn reports whether next, printed after first and "and", is the
// rest of the post first starts ("Director of Highways" and "Transport",
// "Head of Law" and "Governance"), not another person or post: it names
// no one and holds no word of a post of its own. "Cllr A and Cllr B",
// "Director of Finance and Head of Legal Services" and "Head of Law and
// Ms Lee" are still two.
func postGoesOn(first, next string) bool {
	if !postOfRe.MatchString(first) || !postRe.MatchString(first) && !strings.Contains(strings.ToLower(first), "member for") ||
		strings.Contains(first, "(") || personTitleRe.MatchString(first) || nameLike(first) {
		return false
	}
	rest, _ := splitBracket(next)
	if rest == "" || !startsUpper(rest) || len(strings.Fields(rest)) > 5 {
		return false
	}
	return !postRe.MatchString(rest) && !chairRe.MatchString(rest) && !honorificRe.MatchString(rest) && !nameLike(rest) && !rankedSurname(rest)
}

// bodyGoesOn reports whether next, printed after first and "and", is the
// rest of the body's name first starts ("Merseyside Fire" and "Rescue
// Service", "Department for Work" and "Pensions"), not a person or a post:
// "Sefton CVS and Ms Lee" are still two.
func bodyGoesOn(first, next string) bool {
	// "… and 4 members of the public" is more people.
	if !bodyName(first) || strings.ContainsAny(next, "()0123456789") {
		return false
	}
	return startsUpper(next) && len(strings.Fields(next)) <= 5 && !personTitleRe.MatchString(next) && !honorificRe.MatchString(next) &&
		!nameLike(next) && !rankedSurname(next) && !postRe.MatchString(next) && !chairRe.MatchString(next)
}

// postAfterName reports whether s, printed after a name and a comma, is
// that person's post or body rather than more people.
func postAfterName(s string) bool {
	s = strings.TrimRight(s, ". ")
	if s == "" || !startsUpper(s) || strings.ContainsAny(s, "()") {
		return false
	}
	for _, piece := range splitOutside(s) {
		if nameLike(piece) || personTitleRe.MatchString(piece) {
			return false
		}
	}
	return true
}

// nameFirst reports an attendance line that starts with one person's name
// and a comma ("Councillors Bhatti, Cotton" is a list).
func nameFirst(l string) bool {
	name, _, ok := strings.Cut(l, ", ")
	return ok && nameLike(name) && !pluralTitled(name)
}

// twoColumns separates the people of an attendance table printed in two
// columns, which text extraction runs together on one line: "Councillor
// Kirsty Baird Councillor Alasdair MacLeod". Only a title that starts a
// person's name after a whole name starts a new one, so "Councillor Sir
// John Smith" stays one person.
func twoColumns(l string) string {
	words := strings.Fields(l)
	if len(words) < 5 || !personTitleRe.MatchString(l) {
		return l
	}
	last := 0 // where the current name starts
	for i := 2; i < len(words); i++ {
		prev := words[i-1]
		if !personTitleRe.MatchString(words[i]) || i-last < 3 || !startsUpper(prev) || honorificRe.MatchString(prev) ||
			titleQualifier[strings.ToLower(prev)] || strings.HasSuffix(prev, ",") || strings.HasSuffix(prev, ";") || !nameLike(strings.Join(words[last:i], " ")) {
			continue
		}
		words[i-1] += ","
		last = i
	}
	return strings.Join(words, " ")
}

// endsWithPost reports attendance text that ends with a person's post
// ("Rebecca Vine, Community Safety Manager"), so that the next line,
// starting with a name, is the next person.
func endsWithPost(s string) bool {
	last := s[strings.LastIndexByte(s, ',')+1:]
	return postRe.MatchString(last) && !nameLike(last)
}

// personTitleRe starts a person's name, never a post ("Chief Executive"
// is a post, "Chief Inspector Khan" a name).
var personTitleRe = compileLater(`^(?:Councillors?|Cllrs?\.?|Cynghorydd|Cynghorwyr|Cyng\.?|Mr|Mrs|Ms|Miss|Dr|Prof(?:essor)?|Rev(?:erend)?|Sir|Dame|Lord|Lady|Alderman)\b`)

// postRe is a post printed after a name in the attendance.
var postRe = compileLater(`(?i)\b(?:manager|officer|analyst|clerk|director|head|lead|leader|executive|adviser|advisor|co-?ordinator|secretary|solicitor|treasurer|engineer|planner|accountant|commissioner)\b`)
