package report

import (
	"strconv"
	"unicode/utf8"
)

// TextPath returns path as text output prints it: as it is, or quoted
// Go-style when it holds a control character, an invalid UTF-8 byte or
// another rune that does not print. A file name is chosen by whoever
// wrote the pull request: a line break in it would forge finding lines,
// an ESC drive the reader's terminal. JSON and SARIF escape it already.
func TextPath(path string) string {
	for i := 0; i < len(path); {
		if c := path[i]; c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7f {
				return strconv.Quote(path)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(path[i:])
		if (r == utf8.RuneError && n == 1) || !strconv.IsPrint(r) {
			return strconv.Quote(path)
		}
		i += n
	}
	return path
}
