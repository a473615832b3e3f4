package fakeslack

import (
	"encoding/json"
	"fmt"
	"unicode/utf8"
)

// Slack's Block Kit limits, as its reference gives them. Slack refuses a
// message or view that breaks one with invalid_blocks: a post fails
// whole, a slash command's answer is dropped, a modal does not open.
const (
	MaxMessageBlocks = 50
	MaxViewBlocks    = 100 // a modal or a Home tab
	MaxMessageText   = 40000
	MaxSectionText   = 3000
	MaxFieldText     = 2000
	MaxFields        = 10
	MaxHeaderText    = 150
	MaxTextObject    = 3000 // any text object, as in a context block
	MaxContextElems  = 10
	MaxActionsElems  = 25
	MaxButtonText    = 75
	MaxA11yLabel     = 75 // a button's accessibility_label
	MaxButtonValue   = 2000
	MaxURL           = 3000
	MaxID            = 255 // action_id, block_id, callback_id
	MaxOptions       = 100 // static select
	MaxRadioOptions  = 10  // radio buttons, checkboxes
	MaxOptionText    = 75
	MaxOptionValue   = 150
	MaxPlaceholder   = 150
	MaxLabel         = 2000 // an input block's label and hint
	MaxInputLength   = 3000
	MaxViewTitle     = 24 // a modal's title, submit and close
	MaxPrivateMeta   = 3000
)

// CheckMessage lists the limits a message breaks, each as a sentence
// naming where: its text and its blocks (JSON, as posted). Text too long
// is not refused but cut, which a reader would not notice either, so that
// is listed too (see TextCut).
func CheckMessage(text string, blocks any) []string {
	c := &checker{}
	if TextCut(text) {
		c.add("text", "has %d characters, over %d (Slack cuts the rest)", chars(text), MaxMessageText)
	}
	c.blocks("blocks", blocks, MaxMessageBlocks)
	return c.problems
}

// TextCut reports whether Slack would cut a message's text.
func TextCut(text string) bool { return chars(text) > MaxMessageText }

// CheckView lists the limits a modal or Home tab view (JSON, as posted)
// breaks.
func CheckView(view any) []string {
	c := &checker{}
	v, ok := view.(map[string]any)
	if !ok {
		c.add("view", "is not an object")
		return c.problems
	}
	if v["type"] == "modal" {
		c.plain("view.title", v["title"], MaxViewTitle, true)
		c.plain("view.submit", v["submit"], MaxViewTitle, false)
		c.plain("view.close", v["close"], MaxViewTitle, false)
		if v["submit"] == nil && hasInput(v["blocks"]) {
			c.add("view.submit", "is missing, which a modal with inputs needs")
		}
	}
	c.str("view.private_metadata", v["private_metadata"], MaxPrivateMeta)
	c.str("view.callback_id", v["callback_id"], MaxID)
	c.blocks("view.blocks", v["blocks"], MaxViewBlocks)
	return c.problems
}

// CheckReply lists the limits broken by body, JSON an app answers Slack
// with or posts to a response_url: a message, or an interaction's
// response, which may carry a view. A body that is empty, null or not a
// JSON object carries neither, and breaks nothing.
func CheckReply(body []byte) []string {
	var m map[string]any
	if len(body) == 0 || json.Unmarshal(body, &m) != nil || m == nil {
		return nil
	}
	switch {
	case m["view"] != nil:
		return CheckView(m["view"])
	case m["response_action"] != nil:
		return nil
	}
	text, _ := m["text"].(string)
	return CheckMessage(text, m["blocks"])
}

// Decode reads a JSON argument (blocks or a view) as CheckMessage and
// CheckView take it; an argument already decoded is returned as it is.
func Decode(arg any) any {
	s, ok := arg.(string)
	if !ok {
		return arg
	}
	if s == "" {
		return nil
	}
	var v any
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		return s
	}
	return v
}

type checker struct {
	problems []string
}

func (c *checker) add(where, format string, args ...any) {
	c.problems = append(c.problems, where+" "+fmt.Sprintf(format, args...))
}

// chars counts as Slack's limits do: characters, not bytes.
func chars(s string) int { return utf8.RuneCountInString(s) }

func (c *checker) str(where string, v any, max int) {
	if v == nil {
		return
	}
	s, ok := v.(string)
	if !ok {
		c.add(where, "is not a string")
		return
	}
	if n := chars(s); n > max {
		c.add(where, "has %d characters, over %d", n, max)
	}
}

// text checks a text object of either type.
func (c *checker) text(where string, v any, max int, required bool) {
	c.textOf(where, v, max, required, "")
}

// plain checks a text object that must be plain_text.
func (c *checker) plain(where string, v any, max int, required bool) {
	c.textOf(where, v, max, required, "plain_text")
}

func (c *checker) textOf(where string, v any, max int, required bool, typ string) {
	if v == nil {
		if required {
			c.add(where, "is missing")
		}
		return
	}
	t, ok := v.(map[string]any)
	if !ok {
		c.add(where, "is not a text object")
		return
	}
	if typ != "" && t["type"] != typ {
		c.add(where, "is of type %v, not %s", t["type"], typ)
	}
	s, _ := t["text"].(string)
	if s == "" {
		c.add(where, "has no text")
		return
	}
	if n := chars(s); n > max {
		c.add(where, "has %d characters, over %d", n, max)
	}
}

func hasInput(blocks any) bool {
	list, _ := blocks.([]any)
	for _, b := range list {
		if m, ok := b.(map[string]any); ok && m["type"] == "input" {
			return true
		}
	}
	return false
}

func (c *checker) blocks(where string, v any, max int) {
	if v == nil {
		return
	}
	list, ok := v.([]any)
	if !ok {
		c.add(where, "is not an array")
		return
	}
	if len(list) > max {
		c.add(where, "has %d blocks, over %d", len(list), max)
	}
	ids := map[string]bool{}
	for i, b := range list {
		at := fmt.Sprintf("%s[%d]", where, i)
		m, ok := b.(map[string]any)
		if !ok {
			c.add(at, "is not an object")
			continue
		}
		if id, _ := m["block_id"].(string); id != "" {
			c.str(at+".block_id", id, MaxID)
			if ids[id] {
				c.add(at+".block_id", "%q is used twice", id)
			}
			ids[id] = true
		}
		at += " (" + fmt.Sprint(m["type"]) + ")"
		switch m["type"] {
		case "section":
			fields, _ := m["fields"].([]any)
			c.text(at+".text", m["text"], MaxSectionText, len(fields) == 0)
			if len(fields) > MaxFields {
				c.add(at+".fields", "has %d, over %d", len(fields), MaxFields)
			}
			for j, f := range fields {
				c.text(fmt.Sprintf("%s.fields[%d]", at, j), f, MaxFieldText, true)
			}
			if acc, ok := m["accessory"].(map[string]any); ok {
				c.element(at+".accessory", acc, map[string]bool{})
			}
		case "header":
			c.plain(at+".text", m["text"], MaxHeaderText, true)
		case "context":
			elems := c.elements(at, m, MaxContextElems)
			for j, e := range elems {
				if em, ok := e.(map[string]any); ok && em["type"] == "image" {
					continue
				}
				c.text(fmt.Sprintf("%s.elements[%d]", at, j), e, MaxTextObject, true)
			}
		case "actions":
			elems := c.elements(at, m, MaxActionsElems)
			// Slack wants each action_id unique within its block.
			seen := map[string]bool{}
			for j, e := range elems {
				em, _ := e.(map[string]any)
				c.element(fmt.Sprintf("%s.elements[%d]", at, j), em, seen)
			}
		case "input":
			c.plain(at+".label", m["label"], MaxLabel, true)
			c.plain(at+".hint", m["hint"], MaxLabel, false)
			em, _ := m["element"].(map[string]any)
			if em == nil {
				c.add(at+".element", "is missing")
			} else {
				c.element(at+".element", em, map[string]bool{})
			}
		}
	}
}

// element checks an interactive element; seen holds the action IDs of the
// block so far.
// elements are the elements of the block m at at, which Slack wants
// one to max of.
func (c *checker) elements(at string, m map[string]any, max int) []any {
	elems, _ := m["elements"].([]any)
	if len(elems) == 0 {
		c.add(at+".elements", "is empty")
	}
	if len(elems) > max {
		c.add(at+".elements", "has %d, over %d", len(elems), max)
	}
	return elems
}

func (c *checker) element(at string, e map[string]any, seen map[string]bool) {
	if e == nil {
		c.add(at, "is not an object")
		return
	}
	at += " (" + fmt.Sprint(e["type"]) + ")"
	if id, _ := e["action_id"].(string); id != "" {
		c.str(at+".action_id", id, MaxID)
		if seen[id] {
			c.add(at+".action_id", "%q is used twice in its block", id)
		}
		seen[id] = true
	}
	switch e["type"] {
	case "button":
		c.plain(at+".text", e["text"], MaxButtonText, true)
		c.str(at+".value", e["value"], MaxButtonValue)
		c.str(at+".url", e["url"], MaxURL)
		c.str(at+".accessibility_label", e["accessibility_label"], MaxA11yLabel)
	case "static_select", "multi_static_select":
		c.plain(at+".placeholder", e["placeholder"], MaxPlaceholder, false)
		c.options(at, e, MaxOptions)
	case "radio_buttons", "checkboxes":
		c.options(at, e, MaxRadioOptions)
	case "overflow":
		c.options(at, e, 5)
	case "plain_text_input":
		c.plain(at+".placeholder", e["placeholder"], MaxPlaceholder, false)
		max := MaxInputLength
		if v, ok := e["max_length"].(float64); ok {
			if v < 1 || v > MaxInputLength {
				c.add(at+".max_length", "is %v, outside 1 to %d", v, MaxInputLength)
			} else {
				max = int(v)
			}
		}
		// A value longer than the input takes could not be sent back
		// unchanged: the person would be told it is too long.
		c.str(at+".initial_value", e["initial_value"], max)
	}
}

func (c *checker) options(at string, e map[string]any, max int) {
	opts, _ := e["options"].([]any)
	if groups, ok := e["option_groups"].([]any); ok {
		for _, g := range groups {
			if gm, ok := g.(map[string]any); ok {
				more, _ := gm["options"].([]any)
				opts = append(opts, more...)
			}
		}
	}
	if len(opts) > max {
		c.add(at+".options", "has %d, over %d", len(opts), max)
	}
	for j, o := range opts {
		om, _ := o.(map[string]any)
		if om == nil {
			c.add(fmt.Sprintf("%s.options[%d]", at, j), "is not an object")
			continue
		}
		c.text(fmt.Sprintf("%s.options[%d].text", at, j), om["text"], MaxOptionText, true)
		c.str(fmt.Sprintf("%s.options[%d].value", at, j), om["value"], MaxOptionValue)
	}
}
