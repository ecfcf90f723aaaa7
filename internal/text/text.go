// Package text holds the small byte and word helpers that the model,
// the rules and the reports share, so that each exists once.
package text

import "strconv"

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
