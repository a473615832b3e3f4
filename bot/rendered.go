package bot

import (
	"encoding/json"
	"sync"

	"github.com/quorumhq/quorum/commands"
)

// renderedKept is how many large replies' JSON is kept, renderedLarge
// the text, in bytes, from which a reply is large, and renderedBudget the
// bytes the kept replies may hold in all, their text and JSON: a kept
// reply holds its text for comparing, and its text may be far longer than
// a message shows (an agenda of tens of thousands of declarations). Kept
// without a bound, eight of those held 13 MiB, next to a heap serve keeps
// under 18 (serveMemoryLimit), and the collector ran all the time: every
// command cost three times the CPU (BENCHMARKS.md). One reply larger than
// the budget is kept alone.
const (
	renderedKept   = 8
	renderedLarge  = 16 << 10
	renderedBudget = 2 << 20
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
	// held is the size of the kept entries, in all.
	held int
}

type renderedReply struct {
	reply commands.Reply
	json  []byte
	size  int
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
		k.keep(renderedReply{reply: r, json: b, size: textSize(r) + cap(b)})
	}
	return b
}

// keep keeps e in place of the oldest entry, and of as many more of the
// oldest as it takes to hold no more than renderedBudget; one larger than
// that is kept alone.
func (k *renderedReplies) keep(e renderedReply) {
	k.mu.Lock()
	defer k.mu.Unlock()
	// The entries from next on are the oldest first.
	k.drop(k.next)
	for i := 1; i < renderedKept && k.held+e.size > renderedBudget; i++ {
		k.drop((k.next + i) % renderedKept)
	}
	k.entries[k.next] = e
	k.held += e.size
	k.next = (k.next + 1) % renderedKept
}

func (k *renderedReplies) drop(i int) {
	k.held -= k.entries[i].size
	k.entries[i] = renderedReply{}
}

// jsonSize is room enough, mostly, for the JSON of Message(r): the text
// with some escaped, again in part as the fallback, and each block's and
// button's own.
func jsonSize(r commands.Reply) int {
	n := min(textSize(r), maxBlocks*maxSectionText)
	return 128 + n*9/8 + min(n, maxSectionText) + 64*min(len(r.Sections)+1, maxBlocks) + 160*len(r.Buttons)
}

func textSize(r commands.Reply) int {
	n := len(r.Header) + len(r.Text) + len(r.Footer) + len(r.More)
	for _, s := range r.Sections {
		n += len(s.Title) + len(s.Text)
	}
	return n
}

// sameReply reports whether a and b, neither with a form, render alike.
func sameReply(a, b commands.Reply) bool {
	if a.Visibility != b.Visibility || a.Header != b.Header || a.Text != b.Text || a.Footer != b.Footer || a.More != b.More ||
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
