package commands

import "strings"

// Visibility says who sees a Reply.
type Visibility int

const (
	// Private replies are shown only to the person who asked.
	Private Visibility = iota
	// Public replies are shown to everyone in the channel.
	Public
)

// Reply is what a command answers. Text and section bodies are Slack
// "mrkdwn": *bold*, _italic_, <@U123> mentions; anything that came from a
// user has been passed through Escape, so it cannot mention or link.
type Reply struct {
	Visibility Visibility
	// Header is a short plain-text heading shown above the text; channel
	// posts such as agendas have one.
	Header   string
	Text     string
	Sections []Section
	Buttons  []Button
	// Footer is small print shown last ("send apologies with /apologies").
	Footer string
	// More says where to read the whole of a reply that may be too long to
	// show in one message ("`/interests register @member` shows one
	// member's in full"): the transport says it where it has to cut.
	More string
	// Form, when set, asks the transport to open a form (a Slack modal).
	Form *Form
	// Refused marks a reply that turns the request down for a mistake the
	// user can fix (a bad date, not a member, unknown command): nothing was
	// done. Transports count these apart from requests carried out.
	Refused bool
}

// Section is a titled block of text within a Reply.
type Section struct {
	Title string
	Text  string
}

// Button is an action a person can take from a Reply. Action names a
// registered action; Value is passed back with it.
type Button struct {
	Label  string
	Action string
	Value  string
	Style  string // "", "primary" or "danger"
}

// Form is a small input form: the transport shows it and sends the answers
// back as a Submission.
type Form struct {
	ID       string // the action that receives the submission
	Title    string
	Submit   string
	Metadata string // opaque state carried through the form
	Fields   []Field
}

// FieldKind is the kind of input a Field asks for.
type FieldKind string

// Field kinds.
const (
	FieldText     FieldKind = "text"
	FieldTextArea FieldKind = "textarea"
	FieldSelect   FieldKind = "select"
	FieldRadio    FieldKind = "radio"
	FieldCheckbox FieldKind = "checkbox"
)

// Field is one input of a Form.
type Field struct {
	ID       string
	Label    string
	Kind     FieldKind
	Hint     string
	Optional bool
	Initial  string
	MaxLen   int
	Options  []Option
	// More says how to choose an option the form may not have room for
	// (a select lists at most 100): the transport adds it to the hint
	// where it leaves options out.
	More string
}

// Option is a choice in a select, radio or checkbox field.
type Option struct {
	Value string
	Label string
}

// Escape makes user-supplied text safe to place in reply text: it cannot
// form mentions (<!channel>, <@U…>) or links.
//
// *, _, ~ and ` are left as they are, so a name such as "*Sam*" shows in
// bold in Slack. mrkdwn has no escape for them: `verbatim` on a text
// object stops only links and mentions being made, a zero-width space
// beside the mark is read as a word break and makes the formatting
// rather than stopping it, and a look-alike character (∗ for *) or the
// fallback of a deliberately invalid <!date…> token would change what a
// reader copies, or put Slack's markup into the console, the printable
// minutes and the exports, which show the same text. A name shown
// formatted still reads as its letters; one changed would not.
func Escape(s string) string {
	return escaper.Replace(s)
}

var escaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// Unescape reverses Escape, for transports that show plain text.
func Unescape(s string) string {
	return unescaper.Replace(s)
}

var unescaper = strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&")

// Headline is r's heading followed by its text's first line, in Slack's
// escaped form: what a phone's notification of a posted message, or an
// officer told it could not be sent, reads of it. A heading alone
// ("Meeting in progress", "Agenda — Safer Sefton Together") does not say
// which meeting; the first line does. Bold markers are left out: read
// aloud or shown bare, they are noise. "" when r has no heading.
func (r Reply) Headline() string {
	h := Escape(strings.TrimSpace(r.Header))
	if h == "" {
		return ""
	}
	line, _, _ := strings.Cut(strings.TrimSpace(r.Text), "\n")
	if line = strings.TrimSpace(strings.ReplaceAll(line, "*", "")); line == "" {
		return h
	}
	if !strings.ContainsAny(h[len(h)-1:], ".:?!") {
		h += "."
	}
	return h + " " + line
}

// PlainCode is mrkdwn as plain text shows it (a form's error or hint):
// unescaped, and each code span in quotation marks, since plain text
// shows a code span's backticks as typed and a screen reader reads them
// out. A backtick left over when the others are paired (one typed in a
// name quoted back) opens no span, as Slack shows it: it stays, rather
// than open a quotation never closed.
func PlainCode(s string) string {
	s = Unescape(s)
	paired := strings.Count(s, "`") &^ 1
	var b strings.Builder
	opened := false
	for _, r := range s {
		if r == '`' && paired > 0 {
			paired--
			opened = !opened
			r = '”'
			if opened {
				r = '“'
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

// private returns a private reply with the given text.
func private(format string, args ...any) Reply {
	return Reply{Visibility: Private, Text: sprintf(format, args...)}
}

// listing is a private reply that lists: head, then the lines one a line,
// or none when there are no lines.
func listing(head, none string, lines []string) Reply {
	if len(lines) == 0 {
		return private("%s\n%s", head, none)
	}
	return private("%s\n%s", head, strings.Join(lines, "\n"))
}
