package commands

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// unstorable says what in s the records cannot keep, or "" when they can
// keep it all. PostgreSQL's text holds no NUL character and only UTF-8;
// text with either is the user's to correct, not a failure of the system,
// so it is refused before anything runs. So is a control character other
// than whitespace: no one types one on purpose, Slack shows it as nothing,
// and one stored (an escape sequence) would act on the terminal of anyone
// reading the records with quorum's own commands. So is a direction
// override (isOverride).
func unstorable(s string) string {
	switch {
	case strings.IndexByte(s, 0) >= 0:
		return "a NUL character"
	case !utf8.ValidString(s):
		return "bytes that are not UTF-8 text"
	case strings.IndexFunc(s, isControl) >= 0:
		return "a control character"
	case strings.IndexFunc(s, isOverride) >= 0:
		return directionOverride
	}
	return ""
}

// directionOverride is what unstorable says of text with an override.
const directionOverride = "a direction override (U+202D or U+202E)"

// isOverride reports whether r is a left-to-right or right-to-left
// override. No one types one on purpose either, and Slack honours it: one
// in a reason or a title turns round what follows it on the line, the
// bot's own words among them ("(sent Monday …)" in the officers' list),
// so that the records read otherwise than they say. Embeddings, isolates
// and marks, which right-to-left text needs, are text.
func isOverride(r rune) bool {
	return r == '\u202d' || r == '\u202e'
}

// isControl reports whether r is a control character that is not
// whitespace: tabs, line breaks (U+0085 among them), and the vertical tab
// and form feed that text pasted from a word processor carries, are text,
// and the commands that read them say what they make of them.
func isControl(r rune) bool {
	return unicode.IsControl(r) && !unicode.IsSpace(r)
}

// unstorableText is the one-line answer to text that has what unstorable
// found.
func unstorableText(what string) string {
	if what == directionOverride {
		return "That text contains " + what + ", which would show the words after it reversed: nothing was saved. Type it again without it."
	}
	return "That text contains " + what + ", which cannot be stored: nothing was saved. Type it again without it."
}

// unstorableFields are the fields of sub that hold what cannot be stored,
// each with the reason, to show in the form.
func unstorableFields(sub Submission) map[string]string {
	var errs map[string]string
	for id, vs := range sub.Values {
		for _, v := range vs {
			if what := unstorable(v); what != "" {
				if errs == nil {
					errs = map[string]string{}
				}
				errs[id] = unstorableText(what)
			}
		}
	}
	return errs
}

// echoWord is a word of command text quoted back in a reply, shortened if
// long. Slack sends &, < and > in the text as entities, as replies need
// them: the word is unescaped before it is escaped, never escaped twice.
func echoWord(w string) string {
	return Escape(truncateText(Unescape(w), 40))
}
