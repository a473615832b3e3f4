package commands

import (
	"errors"
	"strconv"
	"strings"
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
		return map[string]string{"text": ue.Msg}, nil
	}
	return nil, err
}
