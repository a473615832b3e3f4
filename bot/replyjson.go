package bot

import (
	"strconv"
	"unicode/utf8"

	"github.com/slack-go/slack"
)

// appendResponse appends the JSON of m, byte for byte what json.Marshal
// makes of it, for the blocks Message makes (header, section, context,
// divider, and actions of buttons); ok is false, and dst as it was, for
// any other block or field, which json.Marshal must then encode. Every
// reply to a command is encoded, and through reflection, interfaces and
// slack-go's own MarshalJSON (whose output encoding/json parses again to
// compact it) that was the largest part of answering one that was not the
// database or net/http.
func appendResponse(dst []byte, m Response) ([]byte, bool) {
	if out, ok := appendMessage(dst, m); ok {
		return out, true
	}
	return dst, false
}

func appendMessage(dst []byte, m Response) (_ []byte, ok bool) {
	dst = append(dst, '{')
	if m.ResponseType != "" {
		dst = append(dst, `"response_type":`...)
		dst = appendString(dst, m.ResponseType)
		dst = append(dst, ',')
	}
	dst = append(dst, `"text":`...)
	dst = appendString(dst, m.Text)
	if len(m.Blocks) > 0 {
		dst = append(dst, `,"blocks":`...)
		if dst, ok = appendList(dst, m.Blocks, appendBlock); !ok {
			return dst, false
		}
	}
	if m.ReplaceOriginal {
		dst = append(dst, `,"replace_original":true`...)
	}
	return append(dst, '}'), true
}

// appendBlock appends one block's JSON, in the order of its type's fields.
func appendBlock(dst []byte, b slack.Block) (_ []byte, ok bool) {
	switch b := b.(type) {
	case *slack.HeaderBlock:
		if b == nil || b.Level != 0 {
			return dst, false
		}
		dst = appendTextBlock(dst, string(b.Type), b.Text, b.BlockID)
	case *slack.SectionBlock:
		if b == nil || b.Fields != nil || b.Accessory != nil || b.Expand {
			return dst, false
		}
		dst = appendTextBlock(dst, string(b.Type), b.Text, b.BlockID)
	case *slack.DividerBlock:
		if b == nil {
			return dst, false
		}
		dst = appendType(dst, string(b.Type))
		dst = appendBlockID(dst, b.BlockID)
	case *slack.ContextBlock:
		if b == nil {
			return dst, false
		}
		dst = appendType(dst, string(b.Type))
		dst = appendBlockID(dst, b.BlockID)
		dst = append(dst, `,"elements":`...)
		if dst, ok = appendList(dst, b.ContextElements.Elements, func(dst []byte, e slack.MixedElement) ([]byte, bool) {
			t, isText := e.(*slack.TextBlockObject)
			if !isText || t == nil {
				return dst, false
			}
			return appendText(dst, t), true
		}); !ok {
			return dst, false
		}
	case *slack.ActionBlock:
		if b == nil {
			return dst, false
		}
		dst = appendType(dst, string(b.Type))
		dst = appendBlockID(dst, b.BlockID)
		dst = append(dst, `,"elements":`...)
		var elems []slack.BlockElement
		if b.Elements != nil {
			elems = b.Elements.ElementSet
		}
		if dst, ok = appendList(dst, elems, func(dst []byte, e slack.BlockElement) ([]byte, bool) {
			btn, isButton := e.(*slack.ButtonBlockElement)
			if !isButton || btn == nil {
				return dst, false
			}
			return appendButton(dst, btn)
		}); !ok {
			return dst, false
		}
	default:
		return dst, false
	}
	return append(dst, '}'), true
}

// appendList appends elems as a JSON array (null when nil, as
// encoding/json writes a nil slice), each by one; false if one is.
func appendList[E any](dst []byte, elems []E, one func([]byte, E) ([]byte, bool)) (_ []byte, ok bool) {
	if elems == nil {
		return append(dst, "null"...), true
	}
	dst = append(dst, '[')
	for i, e := range elems {
		if i > 0 {
			dst = append(dst, ',')
		}
		if dst, ok = one(dst, e); !ok {
			return dst, false
		}
	}
	return append(dst, ']'), true
}

// appendTextBlock appends the fields a header and a section share, which
// are all a header or section of Message's has.
func appendTextBlock(dst []byte, typ string, text *slack.TextBlockObject, blockID string) []byte {
	dst = appendType(dst, typ)
	if text != nil {
		dst = append(dst, `,"text":`...)
		dst = appendText(dst, text)
	}
	return appendBlockID(dst, blockID)
}

// appendType opens an object with its "type", which every block has.
func appendType(dst []byte, t string) []byte {
	dst = append(dst, `{"type":`...)
	return appendString(dst, t)
}

func appendBlockID(dst []byte, id string) []byte {
	if id == "" {
		return dst
	}
	dst = append(dst, `,"block_id":`...)
	return appendString(dst, id)
}

// appendButton appends a button with the fields Message sets.
func appendButton(dst []byte, b *slack.ButtonBlockElement) (_ []byte, ok bool) {
	if b.URL != "" || b.Confirm != nil || b.AccessibilityLabel != "" || b.AgentPrompt != "" ||
		b.AgentPromptDisplay != "" || b.VisibleToUserIDs != nil {
		return dst, false
	}
	dst = append(dst, '{')
	if b.Type != "" {
		dst = append(dst, `"type":`...)
		dst = appendString(dst, string(b.Type))
		dst = append(dst, ',')
	}
	dst = append(dst, `"text":`...)
	if b.Text == nil {
		dst = append(dst, "null"...)
	} else {
		dst = appendText(dst, b.Text)
	}
	for _, f := range [...]struct{ name, value string }{
		{`,"action_id":`, b.ActionID}, {`,"value":`, b.Value}, {`,"style":`, string(b.Style)},
	} {
		if f.value != "" {
			dst = append(dst, f.name...)
			dst = appendString(dst, f.value)
		}
	}
	return append(dst, '}'), true
}

// appendText appends a text object.
func appendText(dst []byte, t *slack.TextBlockObject) []byte {
	dst = appendType(dst, t.Type)
	dst = append(dst, `,"text":`...)
	dst = appendString(dst, t.Text)
	if t.Emoji != nil {
		dst = append(dst, `,"emoji":`...)
		dst = strconv.AppendBool(dst, *t.Emoji)
	}
	if t.Verbatim {
		dst = append(dst, `,"verbatim":true`...)
	}
	return append(dst, '}')
}

const hex = "0123456789abcdef"

// appendString appends s as encoding/json writes a string: quoted, with
// <, > and & escaped for HTML, U+2028 and U+2029 escaped for JavaScript,
// and each invalid UTF-8 byte as U+FFFD.
func appendString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= ' ' && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch c {
			case '"', '\\':
				dst = append(dst, '\\', c)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hex[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}
