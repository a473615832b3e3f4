package storage

import (
	"strings"

	"github.com/quorumhq/quorum/commands"
)

// accentedLetters are the Latin letters with diacritics (Latin-1
// Supplement, Latin Extended-A, and Romanian's ș and ț) that
// minutes.search indexes as the plain letters in the same places of
// plainLetters, so that "Sian" finds "Siân", "cafe" "café", and "Siân"
// a minute that printed "Sian": members type on phones and keyboards
// without accents, and published minutes have them. Migration 00064's
// search_text holds the same table, checked against it by
// TestSearchFoldsLetters; headlines are made with this one.
const (
	accentedLetters = "ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝàáâãäåçèéêëìíîïðñòóôõöøùúûüýÿ" +
		"ĀāĂăĄąĆćĈĉĊċČčĎďĐđĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĦħĨĩĪīĬĭĮįİıĴĵĶķĹĺĻļĽľĿŀŁłŃńŅņŇňŊŋŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŦŧŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžſ" +
		"ȘșȚț"
	plainLetters = "AAAAAACEEEEIIIIDNOOOOOOUUUUYaaaaaaceeeeiiiidnoooooouuuuyy" +
		"AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiJjKkLlLlLlLlLlNnNnNnNnOoOoOoRrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs" +
		"SsTt"
)

// commonFirst are the commonest characters of English text, put first in
// the table of a translate() that makes letters plain, each made itself:
// translate looks for each character of the text in its table from the
// start, and reads the whole of it for a character not in it (about 1 µs
// a character with the letters alone, 0.17 with these first).
const commonFirst = " etaoinsrhldcumfpgwybvkxjqz.,-ETAOINSRHLDCUMFPGWYBVKXJQZ0123456789()/:;&%"

// ligatures are the letters that are two letters when typed without
// them: "Strasse" for "Straße", "Aeron" for "Æron", "Thorsdottir" for
// "Þórsdóttir". The search indexes them so (search_text), but the
// passage shown cannot be made of text of another length (restoreLetters),
// so a word found by them alone is not highlighted.
var ligatures = []string{"ß", "ss", "ẞ", "SS", "Æ", "AE", "æ", "ae", "Œ", "OE", "œ", "oe", "Þ", "TH", "þ", "th", "Ĳ", "IJ", "ĳ", "ij"}

// plainLetter maps accentedLetters to plainLetters, a letter for a letter.
var plainLetter = func() *strings.Replacer {
	from, to := []rune(accentedLetters), []rune(plainLetters)
	pairs := make([]string, 0, 2*len(from))
	for i := range from {
		pairs = append(pairs, string(from[i]), string(to[i]))
	}
	return strings.NewReplacer(pairs...)
}()

// searchText is what the index reads of a text (migration 00064's
// search_text): its typographic punctuation and its letters made plain.
var searchText = func() *strings.Replacer {
	var pairs []string
	for _, t := range []struct{ from, to string }{{typographicRunes, plainRunes}, {accentedLetters, plainLetters}} {
		from, to := []rune(t.from), []rune(t.to)
		for i := range from {
			pairs = append(pairs, string(from[i]), string(to[i]))
		}
	}
	return strings.NewReplacer(append(pairs, ligatures...)...)
}()

// headlineControls are the characters a headline's text is cleared of
// (see headline), with headlineMarkers.
const headlineControls = "\x03\x04\x05\x06\x07\x08\x0E\x0F\x10\x11\x12\x13\x14\x15\x16\x17"

// fragmentMark is what the search puts between the parts of a passage
// (headlinePassages), which commands shows as " … " (passageIn): a mark
// the text cannot hold splits the passage into the parts the search
// found, where " … " would split it too where the narrative prints one,
// and a short part after it be read back from an earlier place in the
// text, in that place's letters.
const fragmentMark = commands.PassageBreak

// headlineMarkers are the marks the search puts in a headline; the text
// is cleared of them first, so that every one in a headline is the
// search's.
const headlineMarkers = commands.HighlightStart + commands.HighlightStop + fragmentMark

// restoreLetters is marked, a headline the search made of text with its
// letters made plain (headline), in text's own letters: "Siân" for
// the "Sian" it highlighted, part by part (split by fragmentMark). Each part of the headline is found in the
// plain text and read from the same place of text, which has as many
// letters. It is false if a part is not found.
func restoreLetters(text, marked string) (string, bool) {
	text = strings.Map(func(r rune) rune {
		if strings.ContainsRune(headlineMarkers+headlineControls, r) {
			return -1
		}
		return r
	}, text)
	plain := plainLetter.Replace(text)
	if plain == text {
		return marked, true
	}
	own := []rune(text)
	parts := strings.Split(marked, fragmentMark)
	from := 0 // bytes of plain read
	for i, part := range parts {
		unmarked := strings.NewReplacer(commands.HighlightStart, "", commands.HighlightStop, "").Replace(part)
		at := strings.Index(plain[from:], unmarked)
		if at >= 0 {
			at += from
		} else if at = strings.Index(plain, unmarked); at < 0 {
			return "", false
		}
		from = at + len(unmarked)
		n := len([]rune(plain[:at]))
		var b strings.Builder
		for _, r := range part {
			if string(r) == commands.HighlightStart || string(r) == commands.HighlightStop {
				b.WriteRune(r)
				continue
			}
			b.WriteRune(own[n])
			n++
		}
		parts[i] = b.String()
	}
	return strings.Join(parts, fragmentMark), true
}

// ownLetters puts the minute's own letters back in the highlight and
// passage of m, found by a search of its text's plain letters. A
// highlight that cannot be is shown unmarked, and a passage not at all,
// rather than in letters the minute does not have.
func ownLetters(m *commands.Minute) {
	if m.Highlight != "" {
		if h, ok := restoreLetters(m.Resolved(), m.Highlight); ok {
			m.Highlight = h
		} else {
			m.Highlight = m.Resolved()
		}
	}
	if m.Passage != "" {
		if p, ok := restoreLetters(m.Narrative, m.Passage); ok {
			m.Passage = p
		} else {
			m.Passage = ""
		}
	}
}
