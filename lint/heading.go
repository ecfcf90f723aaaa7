package lint

import (
	"strings"
	"unicode"
)

// The forms of a bilingual heading ("Storage | 存储"): how its two
// names stand side by side, A the first, B the second. "A：B" with a
// full-width colon reads as FormColon.
const (
	FormPipe      = "A | B"
	FormColon     = "A: B"
	FormFullParen = "A（B）"
	FormParen     = "A (B)"
)

// Forms lists the bilingual heading forms.
var Forms = []string{FormPipe, FormColon, FormFullParen, FormParen}

// bilingual reads a heading title as two names in two scripts, one with
// CJK characters and one without, joined by one of the Forms: the form
// and the two names, trimmed. ok is false for any other title.
func bilingual(title string) (form string, names [2]string, ok bool) {
	var a, b string
	switch {
	case strings.Count(title, "|") == 1:
		form = FormPipe
		a, b, _ = strings.Cut(title, "|")
	case strings.HasSuffix(title, "）") && strings.Count(title, "（") == 1:
		form = FormFullParen
		a, b, _ = strings.Cut(strings.TrimSuffix(title, "）"), "（")
	case strings.HasSuffix(title, ")") && strings.Count(title, " (") == 1 && strings.Count(title, "(") == 1:
		form = FormParen
		a, b, _ = strings.Cut(strings.TrimSuffix(title, ")"), " (")
	case strings.Count(title, ": ") == 1 && !strings.Contains(title, "："):
		form = FormColon
		a, b, _ = strings.Cut(title, ": ")
	case strings.Count(title, "：") == 1 && !strings.Contains(title, ":"):
		form = FormColon
		a, b, _ = strings.Cut(title, "：")
	default:
		return "", names, false
	}
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	other := a // the name without CJK
	if hasCJK(a) {
		other = b
	}
	if a == "" || b == "" || hasCJK(a) == hasCJK(b) || !hasLatin(other) {
		return "", names, false
	}
	return form, [2]string{a, b}, true
}

// Bilingual renders two names in form.
func Bilingual(form string, names [2]string) string {
	switch form {
	case FormColon:
		return names[0] + ": " + names[1]
	case FormFullParen:
		return names[0] + "（" + names[1] + "）"
	case FormParen:
		return names[0] + " (" + names[1] + ")"
	}
	return names[0] + " | " + names[1]
}

func hasCJK(s string) bool {
	for _, r := range s {
		if r >= 0x2E80 && (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) ||
			unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r)) {
			return true
		}
	}
	return false
}

func hasLatin(s string) bool {
	for _, r := range s {
		if r < 0x80 && unicode.IsLetter(r) {
			return true
		}
	}
	return false
}
