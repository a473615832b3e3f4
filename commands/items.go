package commands

import (
	"context"
	"strconv"
	"strings"
)

// MaxItemLen bounds an agenda item number as typed ("7.5", "12a").
const MaxItemLen = 16

// takeItem reads an agenda item number from the start of words: "7.5",
// "Item 7.5", "7a", "item 4:". It says how many words it used (0: none).
func takeItem(words []string) (string, int) {
	if len(words) == 0 {
		return "", 0
	}
	used := 0
	w := words[0]
	if strings.EqualFold(strings.TrimRight(w, ":"), "item") && len(words) > 1 {
		w, used = words[1], 1
	}
	w = strings.TrimRight(w, ":,;)")
	w = strings.TrimLeft(w, "(")
	if !isItemNumber(w) {
		return "", 0
	}
	return w, used + 1
}

// isItemNumber accepts agenda numbers as printed: digits, then optional
// ".digits" parts or one letter: 4, 7.5, 7a, 10.2.1.
func isItemNumber(w string) bool {
	if w == "" || len(w) > MaxItemLen || w[0] < '0' || w[0] > '9' {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= '0' && c <= '9':
		case c == '.' && i > 0 && w[i-1] != '.' && i < len(w)-1:
		case (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') && i == len(w)-1 && w[i-1] >= '0' && w[i-1] <= '9':
		default:
			return false
		}
	}
	return true
}

// itemAliases are the ways an item's number may be written: the reports
// behind items 7.1 … 7.9 are labelled "Agenda Item 7a" … "7i".
func itemAliases(n string) []string {
	n = strings.ToLower(n)
	if n == "" {
		return nil
	}
	out := []string{n}
	if last := n[len(n)-1]; last >= 'a' && last <= 'z' {
		out = append(out, n[:len(n)-1]+"."+strconv.Itoa(int(last-'a'+1)))
	} else if head, tail, ok := cutLast(n, "."); ok {
		if k, err := strconv.Atoi(tail); err == nil && k >= 1 && k <= 26 && strconv.Itoa(k) == tail {
			out = append(out, head+string(rune('a'+k-1)))
		}
	}
	return out
}

func cutLast(s, sep string) (string, string, bool) {
	i := strings.LastIndex(s, sep)
	if i < 0 {
		return s, "", false
	}
	return s[:i], s[i+len(sep):], true
}

// findItem finds the item numbered n (in any of its spellings).
func findItem(items []AgendaItem, n string) (AgendaItem, bool) {
	if len(n) > MaxItemLen {
		return AgendaItem{}, false
	}
	for _, alias := range itemAliases(n) {
		for _, it := range items {
			if strings.EqualFold(it.Number, alias) {
				return it, true
			}
		}
	}
	return AgendaItem{}, false
}

// itemLabel is how replies name an item: "Item 7.5 (SWACA)".
func itemLabel(it AgendaItem) string {
	if it.Title == "" {
		return "Item " + it.Number
	}
	return "Item " + it.Number + " (" + it.Title + ")"
}

// agendaItem finds item n on m's agenda, or says why it cannot be used.
func (s *Service) agendaItem(ctx context.Context, c Committee, m Meeting, n string) (AgendaItem, []AgendaItem, error) {
	items, err := s.store.AgendaItems(ctx, m.ID)
	if err != nil {
		return AgendaItem{}, nil, err
	}
	it, ok := findItem(items, n)
	if !ok {
		return AgendaItem{}, items, userErr("%s", notOnAgenda(c, m, n, items))
	}
	return it, items, nil
}

// notOnAgenda explains that item n is not on m's agenda.
func notOnAgenda(c Committee, m Meeting, n string, items []AgendaItem) string {
	day := formatDay(m.StartsAt, c.Location())
	if len(items) == 0 {
		return "The agenda for the meeting on " + day + " has no items yet, so there is no item " + Escape(n) + "."
	}
	nums := make([]string, 0, len(items))
	for _, it := range items {
		nums = append(nums, Escape(it.Number))
	}
	if len(nums) > 30 {
		nums = append(nums[:30], "…")
	}
	return "Item " + Escape(n) + " is not on the agenda for the meeting on " + day + ". Its items are " + strings.Join(nums, ", ") + "."
}
