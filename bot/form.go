package bot

import (
	"errors"
	"net/url"
	"strings"
)

// slashForm is what Quorum reads of a slash command's form.
type slashForm struct {
	command, text, teamID, channelID, userID, userName, triggerID, responseURL, channelName string
}

var errFormSemicolon = errors.New("invalid semicolon separator in form")

// parseSlashForm reads the fields of slashForm from an
// application/x-www-form-urlencoded body as url.ParseQuery and
// url.Values.Get would (the first value of a field; an error for a body
// ParseQuery refuses), without building the map of every field Slack
// sends, most of which Quorum never reads: every command's request is
// parsed, and the map and its slices were nearly a tenth of what answering one
// allocated.
func parseSlashForm(body string) (slashForm, error) {
	var f slashForm
	var firstErr error
	var got uint16 // the fields read, by their bit
	for body != "" {
		var pair string
		pair, body, _ = strings.Cut(body, "&")
		if strings.Contains(pair, ";") {
			if firstErr == nil {
				firstErr = errFormSemicolon
			}
			continue
		}
		if pair == "" {
			continue
		}
		rawKey, rawValue, _ := strings.Cut(pair, "=")
		key, err := url.QueryUnescape(rawKey)
		if err != nil {
			if firstErr == nil {
				firstErr = err
			}
			continue
		}
		i := slashFields[key]
		if i == 0 || got&(1<<i) != 0 {
			// Not read, or read already: only whether it is well formed
			// matters.
			if err := checkEscapes(rawValue); err != nil && firstErr == nil {
				firstErr = err
			}
			continue
		}
		value, err := url.QueryUnescape(rawValue)
		if err != nil {
			if firstErr == nil {
				firstErr = err
			}
			continue
		}
		got |= 1 << i
		*f.field(i) = value
	}
	return f, firstErr
}

// slashFields numbers the fields of slashForm, from 1.
var slashFields = map[string]int{
	"command": 1, "text": 2, "team_id": 3, "channel_id": 4,
	"user_id": 5, "user_name": 6, "trigger_id": 7, "response_url": 8, "channel_name": 9,
}

// field is the field numbered i in slashFields.
func (f *slashForm) field(i int) *string {
	switch i {
	case 1:
		return &f.command
	case 2:
		return &f.text
	case 3:
		return &f.teamID
	case 4:
		return &f.channelID
	case 5:
		return &f.userID
	case 6:
		return &f.userName
	case 7:
		return &f.triggerID
	case 9:
		return &f.channelName
	}
	return &f.responseURL
}

// checkEscapes is the error url.QueryUnescape would return for s, without
// unescaping it.
func checkEscapes(s string) error {
	for i := strings.IndexByte(s, '%'); i >= 0; i = strings.IndexByte(s, '%') {
		if i+2 >= len(s) || !isHex(s[i+1]) || !isHex(s[i+2]) {
			_, err := url.QueryUnescape(s)
			return err
		}
		s = s[i+3:]
	}
	return nil
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
