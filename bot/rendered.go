package bot

import (
	"encoding/json"
	"sync"

	"github.com/quorumhq/quorum/commands"
)

// renderedKept is how many large replies' JSON is kept, and renderedLarge
// the text, in bytes, from which a reply is large.
const (
	renderedKept  = 8
	renderedLarge = 16 << 10
)

// rendered keeps the JSON of the last large replies answered. An agenda
// asked for again is handed back as it was built (commands keeps it while
// its records stand), and laying out and encoding a thousand apologies in
// Block Kit again would be most of what answering it costs. A kept reply's
// strings are those of the reply asked about, so comparing them is
// comparing pointers.
var rendered renderedReplies

type renderedReplies struct {
	mu      sync.Mutex
	entries [renderedKept]renderedReply
	next    int
}

type renderedReply struct {
	reply commands.Reply
	json  []byte
}

// json is the JSON of Message(r), with its trailing newline.
func (k *renderedReplies) json(r commands.Reply) []byte {
	large := textSize(r) >= renderedLarge && r.Form == nil
	if large {
		k.mu.Lock()
		for _, e := range k.entries {
			if e.json != nil && sameReply(e.reply, r) {
				k.mu.Unlock()
				return e.json
			}
		}
		k.mu.Unlock()
	}
	m := Message(r)
	b, ok := appendResponse(make([]byte, 0, jsonSize(r)), m)
	if !ok {
		var err error
		if b, err = json.Marshal(m); err != nil {
			// A Response is strings and slices of them, which always
			// encode; were one not to, the person is still answered.
			return []byte(`{"response_type":"ephemeral","text":"Something went wrong showing the answer. Please try again."}` + "\n")
		}
	}
	b = append(b, '\n')
	if large {
		k.mu.Lock()
		k.entries[k.next] = renderedReply{reply: r, json: b}
		k.next = (k.next + 1) % renderedKept
		k.mu.Unlock()
	}
	return b
}

// jsonSize is room enough, mostly, for the JSON of Message(r): the text
// with some escaped, again in part as the fallback, and each block's and
// button's own.
func jsonSize(r commands.Reply) int {
	n := textSize(r)
	return 128 + n*9/8 + min(n, maxSectionText) + 64*(len(r.Sections)+1) + 160*len(r.Buttons)
}

func textSize(r commands.Reply) int {
	n := len(r.Header) + len(r.Text) + len(r.Footer)
	for _, s := range r.Sections {
		n += len(s.Title) + len(s.Text)
	}
	return n
}

// sameReply reports whether a and b, neither with a form, render alike.
func sameReply(a, b commands.Reply) bool {
	if a.Visibility != b.Visibility || a.Header != b.Header || a.Text != b.Text || a.Footer != b.Footer ||
		a.Refused != b.Refused || len(a.Sections) != len(b.Sections) || len(a.Buttons) != len(b.Buttons) {
		return false
	}
	for i := range a.Sections {
		if a.Sections[i] != b.Sections[i] {
			return false
		}
	}
	for i := range a.Buttons {
		if a.Buttons[i] != b.Buttons[i] {
			return false
		}
	}
	return true
}
