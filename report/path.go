package report

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// TextPath returns path as text output prints it: as it is, or quoted
// Go-style when it holds a control character, an invalid UTF-8 byte or
// another rune that does not print. A file name is chosen by whoever
// wrote the pull request: a line break in it would forge finding lines,
// an ESC drive the reader's terminal. JSON and SARIF escape it already.
func TextPath(path string) string {
	if printable(path) {
		return path
	}
	return strconv.Quote(path)
}

// EscapeUnprintable returns line with each rune TextPath would quote for
// written as a Go escape ("\n", "\x1b", "\u2028"), and the rest as it is:
// for a message that embeds a file name among other words, such as an
// error line.
func EscapeUnprintable(line string) string {
	if printable(line) {
		return line
	}
	var b strings.Builder
	for i := 0; i < len(line); {
		r, n := utf8.DecodeRuneInString(line[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, `\x%02x`, line[i])
		case unprintable(r):
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteString(line[i : i+n])
		}
		i += n
	}
	return b.String()
}

// printable reports whether s holds no rune TextPath quotes for.
func printable(s string) bool {
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && n == 1) || unprintable(r) {
			return false
		}
		i += n
	}
	return true
}

// unprintable reports whether r is a control character or another rune
// that does not print.
func unprintable(r rune) bool {
	return r < 0x20 || r == 0x7f || (r >= utf8.RuneSelf && !strconv.IsPrint(r))
}
