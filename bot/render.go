package bot

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/slack-go/slack"

	"github.com/quorumhq/quorum/commands"
)

// Slack's limits on what one message may hold.
const (
	maxBlocks      = 50
	maxSectionText = 3000
	maxButtons     = 25
	maxHeaderText  = 150
	maxContextText = 2000
)

// Response is a reply as Slack takes it, in answer to a slash command or
// posted to a response_url.
type Response struct {
	ResponseType    string        `json:"response_type,omitempty"`
	Text            string        `json:"text"`
	Blocks          []slack.Block `json:"blocks,omitempty"`
	ReplaceOriginal bool          `json:"replace_original,omitempty"`
}

// Message renders a Reply for Slack. All Block Kit is made here.
func Message(r commands.Reply) Response {
	rt := slack.ResponseTypeEphemeral
	if r.Visibility == commands.Public {
		rt = slack.ResponseTypeInChannel
	}
	return Response{ResponseType: rt, Text: fallback(r), Blocks: Blocks(r)}
}

// fallback is the text Slack shows in notifications, and all a phone's
// notification or a screen reader's announcement of a new message reads:
// the heading with the line that says which meeting (Reply.Headline), or
// the text.
func fallback(r commands.Reply) string {
	if h := r.Headline(); h != "" {
		return truncate(h, maxSectionText)
	}
	text := r.Text
	if text == "" && len(r.Sections) > 0 {
		text = r.Sections[0].Title
	}
	return truncate(text, maxSectionText)
}

// Blocks renders a Reply as Block Kit blocks, within Slack's limits.
func Blocks(r commands.Reply) []slack.Block {
	var blocks []slack.Block
	var head, foot []slack.Block
	if h := strings.TrimSpace(r.Header); h != "" {
		head = append(head, slack.NewHeaderBlock(slack.NewTextBlockObject(slack.PlainTextType, truncate(h, maxHeaderText), false, false)))
	}
	if f := strings.TrimSpace(r.Footer); f != "" {
		foot = append(foot, slack.NewDividerBlock(),
			slack.NewContextBlock("", slack.NewTextBlockObject(slack.MarkdownType, truncate(f, maxContextText), false, false)))
	}
	add := func(text string) {
		for _, chunk := range chunks(text, maxSectionText) {
			blocks = append(blocks, slack.NewSectionBlock(slack.NewTextBlockObject(slack.MarkdownType, chunk, false, false), nil, nil))
		}
	}
	if r.Text != "" {
		add(r.Text)
	}
	for _, s := range r.Sections {
		text := s.Text
		if s.Title != "" {
			text = "*" + s.Title + "*\n" + text
		}
		if strings.TrimSpace(text) != "" {
			add(text)
		}
	}
	actions := actionsBlock(r.Buttons)
	room := maxBlocks - len(head) - len(foot)
	if actions != nil {
		room--
	}
	if len(blocks) > room {
		hidden := len(blocks) - (room - 1)
		note := fmt.Sprintf("… %d more %s not shown.", hidden, plural(hidden, "part", "parts"))
		if more := strings.TrimSpace(r.More); more != "" {
			note = strings.TrimSuffix(note, ".") + ": " + more
		}
		blocks = append(blocks[:room-1], slack.NewContextBlock("", slack.NewTextBlockObject(slack.MarkdownType,
			truncate(note, maxContextText), false, false)))
	}
	if actions != nil {
		blocks = append(blocks, actions)
	}
	if len(head)+len(foot) > 0 {
		blocks = append(append(head, blocks...), foot...)
	}
	return blocks
}

// actionsBlock renders buttons as one actions block; nil when there are none.
func actionsBlock(buttons []commands.Button) *slack.ActionBlock {
	if len(buttons) == 0 {
		return nil
	}
	elems := make([]slack.BlockElement, 0, len(buttons))
	seen := map[string]int{}
	for i, b := range buttons {
		if i == maxButtons {
			break
		}
		id := b.Action
		if n := seen[b.Action]; n > 0 {
			id = fmt.Sprintf("%s#%d", b.Action, n)
		}
		seen[b.Action]++
		btn := slack.NewButtonBlockElement(id, b.Value, slack.NewTextBlockObject(slack.PlainTextType, truncate(b.Label, 75), false, false))
		switch b.Style {
		case "primary":
			btn.Style = slack.StylePrimary
		case "danger":
			btn.Style = slack.StyleDanger
		}
		elems = append(elems, btn)
	}
	return slack.NewActionBlock("", elems...)
}

// maxHomeBlocks is Slack's limit on blocks in a Home tab.
const maxHomeBlocks = 100

// HomeView renders a member's Home tab. notice, when set, is shown at the
// top: the outcome of a button pressed there, which has nowhere else to
// go. publicURL is the address Quorum's HTTP server is reached at; without
// it the calendar links are left out. Committees that do not fit in Slack's
// 100 blocks are summarised one line each.
func HomeView(h commands.Home, notice, publicURL string) slack.HomeTabViewRequest {
	mrkdwn := func(text string) *slack.TextBlockObject {
		return slack.NewTextBlockObject(slack.MarkdownType, text, false, false)
	}
	blocks := []slack.Block{slack.NewHeaderBlock(slack.NewTextBlockObject(slack.PlainTextType, "Your committees", false, false))}
	if notice != "" {
		blocks = append(blocks, slack.NewSectionBlock(mrkdwn(truncate(notice, maxSectionText)), nil, nil))
	}
	if h.Intro != "" {
		blocks = append(blocks, slack.NewContextBlock("", mrkdwn(truncate(h.Intro, maxSectionText))))
	}
	var more []string
	for i, card := range h.Cards {
		cb := []slack.Block{slack.NewDividerBlock()}
		for _, chunk := range chunks("*"+card.Title+"*\n"+card.Text, maxSectionText) {
			cb = append(cb, slack.NewSectionBlock(mrkdwn(chunk), nil, nil))
		}
		for _, sec := range card.Sections {
			for _, chunk := range chunks("*"+sec.Title+"*\n"+sec.Text, maxSectionText) {
				cb = append(cb, slack.NewSectionBlock(mrkdwn(chunk), nil, nil))
			}
		}
		if card.CalendarPath != "" && publicURL != "" {
			link := strings.TrimRight(publicURL, "/") + card.CalendarPath
			cb = append(cb, slack.NewContextBlock("", mrkdwn("<"+link+"|Add the meetings to your calendar>")))
		}
		if a := actionsBlock(card.Buttons); a != nil {
			// A screen reader moving from button to button hears each
			// alone: "Send apologies" on every committee's card says not
			// which. The label it reads names the committee after the
			// button's own words, which it begins with, as voice control
			// expects.
			for _, e := range a.Elements.ElementSet {
				if btn, ok := e.(*slack.ButtonBlockElement); ok {
					btn.AccessibilityLabel = accessibilityLabel(btn.Text.Text, commands.Unescape(card.Title))
				}
			}
			cb = append(cb, a)
		}
		// Leave room for the summary of the committees that do not fit.
		if len(blocks)+len(cb) > maxHomeBlocks-4 {
			for _, rest := range h.Cards[i:] {
				more = append(more, rest.Summary)
			}
			break
		}
		blocks = append(blocks, cb...)
	}
	more = append(more, h.More...)
	if len(more) > 0 {
		blocks = append(blocks, slack.NewDividerBlock())
		var lines []string
		for _, m := range more {
			lines = append(lines, "• "+m)
		}
		for _, chunk := range chunks("*Your other committees*\n"+strings.Join(lines, "\n"), maxSectionText) {
			blocks = append(blocks, slack.NewSectionBlock(mrkdwn(chunk), nil, nil))
		}
	}
	if len(blocks) > maxHomeBlocks {
		blocks = append(blocks[:maxHomeBlocks-1], slack.NewContextBlock("", mrkdwn("… more committees than fit here.")))
	}
	return slack.HomeTabViewRequest{Type: slack.VTHomeTab, Blocks: slack.Blocks{BlockSet: blocks}}
}

// maxAccessibilityLabel is Slack's limit on a button's accessibility_label.
const maxAccessibilityLabel = 75

// accessibilityLabel is a button's label for a screen reader: its text,
// then what it acts on, cut to Slack's limit in characters.
func accessibilityLabel(text, of string) string {
	if of == "" || strings.Contains(text, of) {
		return ""
	}
	r := []rune(text + ", " + of)
	if len(r) > maxAccessibilityLabel {
		r = append(r[:maxAccessibilityLabel-1], '…')
	}
	return string(r)
}

// ActionName strips the suffix Blocks adds to tell apart buttons that share
// an action.
func ActionName(actionID string) string {
	name, _, _ := strings.Cut(actionID, "#")
	return name
}

// chunks splits text into pieces of at most n bytes, at line ends where it
// can, and never inside a link, a mention or an entity (see safeCut).
func chunks(text string, n int) []string {
	var out []string
	text = fitLinks(text, n)
	for len(text) > n {
		cut := strings.LastIndex(text[:n], "\n")
		if cut <= 0 {
			cut = safeCut(text, n)
		}
		if cut <= 0 {
			cut = n
			for cut > 0 && !utf8.RuneStart(text[cut]) {
				cut--
			}
			if cut == 0 { // not UTF-8: any cut will do, but one must be made
				cut = n
			}
		}
		out = append(out, text[:cut])
		text = strings.TrimLeft(text[cut:], "\n")
	}
	if text != "" {
		out = append(out, text)
	}
	return out
}

// truncate shortens s to at most n bytes, marking the cut, which is never
// inside a link, a mention or an entity (see safeCut).
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:safeCut(s, n-len("…"))] + "…"
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// Slack's limits on what one modal may hold.
const (
	maxModalBlocks   = 100
	maxModalTitle    = 24 // title, submit and close labels
	maxOptions       = 100
	maxRadioOptions  = 10
	maxOptionText    = 75
	maxPlaceholder   = 150
	maxOptionValue   = 150
	maxLabel         = 2000
	maxInputLength   = 3000
	maxPrivateMeta   = 3000
	maxCallbackIDLen = 255
)

// Modal renders a Form as a Slack modal: one input block per field, whose
// block ID and action ID are both the field's ID, so that a submission's
// view.state.values read back by field. The form's ID is the callback ID and
// its Metadata the private metadata, which the caller keeps within
// maxPrivateMeta.
func Modal(form commands.Form) slack.ModalViewRequest {
	plain := func(s string, n int) *slack.TextBlockObject {
		return slack.NewTextBlockObject(slack.PlainTextType, truncate(s, n), false, false)
	}
	submit := form.Submit
	if submit == "" {
		submit = "Submit"
	}
	view := slack.ModalViewRequest{
		Type:            slack.VTModal,
		Title:           plain(form.Title, maxModalTitle),
		Submit:          plain(submit, maxModalTitle),
		Close:           plain("Cancel", maxModalTitle),
		CallbackID:      truncate(form.ID, maxCallbackIDLen),
		PrivateMetadata: form.Metadata,
	}
	for _, f := range form.Fields {
		if len(view.Blocks.BlockSet) == maxModalBlocks {
			break
		}
		var elem slack.BlockElement
		switch f.Kind {
		case commands.FieldSelect:
			opts, initial := options(f, maxOptions)
			// A screen reader announces a select by its placeholder, not
			// the label above it: "Choose…" alone would not say what is
			// chosen.
			sel := slack.NewOptionsSelectBlockElement(slack.OptTypeStatic, plain(placeholder(f.Label), maxPlaceholder), f.ID, opts...)
			sel.InitialOption = initial
			elem = sel
		case commands.FieldRadio:
			opts, initial := options(f, maxRadioOptions)
			radio := slack.NewRadioButtonsBlockElement(f.ID, opts...)
			radio.InitialOption = initial
			elem = radio
		case commands.FieldCheckbox:
			opts, initial := options(f, maxRadioOptions)
			box := slack.NewCheckboxGroupsBlockElement(f.ID, opts...)
			if initial != nil {
				box.InitialOptions = []*slack.OptionBlockObject{initial}
			}
			elem = box
		default:
			in := slack.NewPlainTextInputBlockElement(nil, f.ID)
			in.Multiline = f.Kind == commands.FieldTextArea
			in.MaxLength = maxInputLength
			if f.MaxLen > 0 && f.MaxLen < maxInputLength {
				in.MaxLength = f.MaxLen
			}
			in.InitialValue = truncate(f.Initial, in.MaxLength)
			elem = in
		}
		hintText := f.Hint
		if f.Kind == commands.FieldSelect && len(f.Options) > maxOptions {
			// Left out, an option would be as good as gone: say so.
			note := fmt.Sprintf("Only the first %d of %d are listed", maxOptions, len(f.Options))
			if more := strings.TrimSpace(f.More); more != "" {
				note += ": " + commands.PlainCode(more)
			}
			hintText = strings.TrimSpace(note + ". " + hintText)
		}
		var hint *slack.TextBlockObject
		if hintText != "" {
			hint = plain(hintText, maxLabel)
		}
		block := slack.NewInputBlock(f.ID, plain(f.Label, maxLabel), hint, elem).WithOptional(f.Optional)
		view.Blocks.BlockSet = append(view.Blocks.BlockSet, block)
	}
	return view
}

// placeholder is a select's placeholder, which names what it chooses.
func placeholder(label string) string {
	if label = strings.TrimSpace(label); label != "" {
		return label + ": choose…"
	}
	return "Choose…"
}

// options renders a field's choices, at most n, and the one chosen at first.
func options(f commands.Field, n int) ([]*slack.OptionBlockObject, *slack.OptionBlockObject) {
	var out []*slack.OptionBlockObject
	var initial *slack.OptionBlockObject
	for i, o := range f.Options {
		if i == n {
			break
		}
		label := o.Label
		if label == "" {
			label = o.Value
		}
		opt := slack.NewOptionBlockObject(truncate(o.Value, maxOptionValue),
			slack.NewTextBlockObject(slack.PlainTextType, truncate(label, maxOptionText), false, false), nil)
		if f.Initial != "" && o.Value == f.Initial {
			initial = opt
		}
		out = append(out, opt)
	}
	return out, initial
}
