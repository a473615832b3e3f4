package bot

import (
	"strings"
	"unicode/utf8"
)

// safeCut is the largest cut at or before n (n < len(text)) that leaves
// Slack's markup whole on both sides: not inside a link or mention
// ("<https://…|label>", "<@U123>"), not inside an entity ("&amp;"), and on
// a rune boundary. It is 0 when no such cut exists, as when a link longer
// than n starts the text. User text reaches here escaped, so a raw '<' or
// '&' is always markup.
func safeCut(text string, n int) int {
	cut := n
	if open := strings.LastIndexByte(text[:cut], '<'); open >= 0 && strings.IndexByte(text[open:cut], '>') < 0 {
		cut = open
	}
	if amp := strings.LastIndexByte(text[:cut], '&'); amp >= 0 && isEntityAt(text, amp) && amp+strings.IndexByte(text[amp:], ';')+1 > cut {
		cut = amp
	}
	for cut > 0 && !utf8.RuneStart(text[cut]) {
		cut--
	}
	return cut
}

// maxEntity is the longest entity looked for, "&#x10FFFF;" and the like.
const maxEntity = 10

// isEntityAt reports whether an entity ("&amp;", "&#8212;") starts at i.
func isEntityAt(text string, i int) bool {
	for j := i + 1; j < len(text) && j-i < maxEntity; j++ {
		switch c := text[j]; {
		case c == ';':
			return j > i+1
		case c == '#', c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		default:
			return false
		}
	}
	return false
}

// fitLinks shortens each link longer than n, which no piece of n bytes
// could hold whole: its label is cut to fit, or, when the address alone
// is too long, the label is shown without the link.
func fitLinks(text string, n int) string {
	if len(text) <= n {
		return text
	}
	var b strings.Builder
	for {
		open := strings.IndexByte(text, '<')
		if open < 0 {
			break
		}
		end := strings.IndexByte(text[open:], '>')
		if end < 0 {
			break
		}
		end += open + 1
		b.WriteString(text[:open])
		b.WriteString(fitLink(text[open:end], n))
		text = text[end:]
	}
	b.WriteString(text)
	return b.String()
}

// fitLink is link ("<address|label>" or "<address>") in at most n bytes.
func fitLink(link string, n int) string {
	if len(link) <= n {
		return link
	}
	addr, label, _ := strings.Cut(link[1:len(link)-1], "|")
	if room := n - len("<"+addr+"|…>"); room >= len("…") {
		return "<" + addr + "|" + truncate(label, room+len("…")) + ">"
	}
	const gone = " (address too long to show)"
	if label == "" {
		label = "link"
	}
	if n-len(gone) <= len("…") {
		return truncate(label, n)
	}
	return truncate(label, n-len(gone)) + gone
}
