// Package text holds the small byte and word helpers that the model,
// the rules and the reports share, so that each exists once.
package text

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// IsSpace reports whether c is an ASCII space, tab or line break: the
// white space of Markdown's structure (not Unicode's).
func IsSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// Plural writes n followed by the singular or the plural noun: "1 file",
// "2 files".
func Plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// IsCJK reports whether r belongs to a script written without spaces
// that ends sentences with "。".
func IsCJK(r rune) bool {
	// Below U+2E80 (the CJK radicals) no rune is CJK: skip the tables.
	return r >= 0x2E80 && unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana)
}

// MatchForward returns the index of the closer matching the opener at
// b[open], or -1.
func MatchForward(b []byte, open int, opener, closer byte) int {
	depth := 0
	for i := open; i < len(b); i++ {
		switch b[i] {
		case opener:
			depth++
		case closer:
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// IsNote reports whether a heading's title reads as a sentence: four
// words or more, ending with terminal punctuation (emphasis aside).
func IsNote(title string) bool {
	t := strings.TrimRight(title, "*_ ")
	if !strings.HasSuffix(t, ".") && !strings.HasSuffix(t, "!") && !strings.HasSuffix(t, "。") && !strings.HasSuffix(t, "！") {
		return false
	}
	return len(strings.Fields(t)) >= 4 || utf8.RuneCountInString(t) >= 12 && !strings.Contains(t, " ")
}

// Labelled reports whether an item's first line is a short label, of
// three words and 24 characters at most, followed by a link: "阿里：
// [Talk](…)", "Meetup [Paris](…)".
func Labelled(line []byte) bool {
	i := strings.Index(string(line), "[")
	if i <= 0 || !strings.Contains(string(line[i:]), "](") {
		return false
	}
	label := strings.TrimRight(strings.TrimSpace(string(line[:i])), ":：")
	if label == "" || strings.ContainsAny(label, "[]()*`<>") {
		return false
	}
	return len(strings.Fields(label)) <= 3 && utf8.RuneCountInString(label) <= 24
}

// LeadsToLink reports whether line holds a link after words: not after
// markup alone, as in a bold entry ("**[Name](…)**").
func LeadsToLink(line []byte) bool {
	i := strings.Index(string(line), "[")
	if i < 0 || !strings.Contains(string(line[i:]), "](") {
		return false
	}
	return strings.IndexFunc(string(line[:i]), func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}
