package commands

import (
	"errors"
	"strconv"
	"strings"
	"unicode/utf8"
)

// maxPasteBox is the most one of Slack's text areas holds.
const maxPasteBox = 3000

// pasteFields are the text areas of a form that takes a pasted document:
// the first, required, then boxes-1 more for what did not fit. Their IDs
// are "text", "more", "more2", "more3" …
func pasteFields(label, hint string, boxes int) []Field {
	fields := []Field{{ID: "text", Label: label, Kind: FieldTextArea, MaxLen: maxPasteBox, Hint: hint}}
	for i := 1; i < boxes; i++ {
		fields = append(fields, Field{ID: pasteID(i), Label: "…continued", Kind: FieldTextArea, MaxLen: maxPasteBox, Optional: true,
			Hint: "If it did not fit, paste the rest here."})
	}
	return fields
}

func pasteID(i int) string {
	switch i {
	case 0:
		return "text"
	case 1:
		return "more"
	}
	return "more" + strconv.Itoa(i)
}

// pasteForms are the forms that take a pasted document, with their
// number of boxes.
var pasteForms = map[string]int{importFormID: agendaBoxes, importMinutesFormID: minutesBoxes}

// withoutStrays is sub with the control characters that are not text
// (isControl, NUL among them) and direction overrides (isOverride)
// dropped from the boxes of a pasted
// document. A copy from a PDF or a terminal can carry one nobody sees;
// refusing a whole agenda or set of minutes for it would ask the clerk to
// find what they cannot see. Text typed into other forms, and into
// commands, is still refused for one (unstorable).
func withoutStrays(sub Submission) Submission {
	boxes, ok := pasteForms[sub.Form]
	if !ok {
		return sub
	}
	values := make(map[string][]string, len(sub.Values))
	for id, vs := range sub.Values {
		values[id] = vs
	}
	for i := 0; i < boxes; i++ {
		id := pasteID(i)
		if vs, ok := values[id]; ok {
			clean := make([]string, len(vs))
			for j, v := range vs {
				if !utf8.ValidString(v) {
					// strings.Map would replace the bytes that are not
					// text; unstorable refuses them, as ever.
					clean[j] = v
					continue
				}
				clean[j] = strings.Map(func(r rune) rune {
					if isControl(r) || isOverride(r) {
						return -1
					}
					return r
				}, v)
			}
			values[id] = clean
		}
	}
	sub.Values = values
	return sub
}

// pasted is the document pasted into a form's pasteFields, joined: a box
// ends at a line break.
func pasted(sub Submission, boxes int) string {
	var b strings.Builder
	for i := 0; i < boxes; i++ {
		v := sub.Values[pasteID(i)]
		if len(v) == 0 || strings.TrimSpace(v[0]) == "" {
			continue
		}
		if b.Len() > 0 && !strings.HasSuffix(b.String(), "\n") {
			b.WriteString("\n")
		}
		b.WriteString(v[0])
	}
	return strings.TrimSpace(b.String())
}

// importPasted runs imp on the document pasted into a form's boxes. A
// mistake (nothing pasted, or text imp cannot import) comes back as a
// field error against the first box, so the form stays open.
func importPasted(sub Submission, boxes int, empty string, imp func(text string) error) (map[string]string, error) {
	text := pasted(sub, boxes)
	if text == "" {
		return map[string]string{"text": empty}, nil
	}
	err := imp(text)
	var ue *UserError
	if errors.As(err, &ue) {
		// A form's errors are plain text, where an escape reads as typed.
		return map[string]string{"text": Unescape(ue.Msg)}, nil
	}
	return nil, err
}
