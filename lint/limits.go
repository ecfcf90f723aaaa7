package lint

import (
	"errors"
	"fmt"
	"math"
	"time"
)

// Limits bound what Parse accepts. goldmark's time grows faster than the
// input on deeply nested containers (a thousand nested list levels take
// seconds, "> - " repeated ten thousand times minutes), so such input is
// refused with a clear error instead of hanging. Zero fields take the
// defaults.
type Limits struct {
	// MaxBytes is the largest file accepted.
	MaxBytes int
	// MaxDepth is the deepest nesting of block quotes and list items.
	MaxDepth int
	// Year is the current year: a loosely written year prefix ("2019
	// Name") counts up to the year after it. Zero takes the clock's; the
	// CLI reads the clock once, tests pin a year so that they do not
	// change with the calendar.
	Year int
	// Links asks the parse to collect the document's links (see
	// Document.Links). It rides with the limits because they are what
	// every parse of a Linter takes (Linter.Parse, the fixer's parses
	// after each round), so a linter whose rules read links asks once for
	// all of them; check, whose rules never read links, leaves it off and
	// pays nothing for them: on a 500,000-entry list they would be as
	// many Link values more.
	Links bool
}

// Default limits: far above any real list (the deepest in our corpus
// nests 6 levels; the largest is 400 KB).
const (
	DefaultMaxBytes = 64 << 20
	DefaultMaxDepth = 64
	// MaxSourceBytes is the largest file the model can hold: it keeps
	// offsets in 32 bits (see Entry). A larger MaxBytes means this.
	MaxSourceBytes = math.MaxInt32
)

// ErrLimit is wrapped by the errors of input beyond Limits.
var ErrLimit = errors.New("input beyond limits")

func (l Limits) withDefaults() Limits {
	if l.MaxBytes <= 0 {
		l.MaxBytes = DefaultMaxBytes
	}
	l.MaxBytes = min(l.MaxBytes, MaxSourceBytes)
	if l.MaxDepth <= 0 {
		l.MaxDepth = DefaultMaxDepth
	}
	if l.Year <= 0 {
		l.Year = time.Now().Year()
	}
	return l
}

// checkSize refuses src when it is larger than l allows.
func (l Limits) checkSize(src []byte) error {
	if len(src) > l.MaxBytes {
		return fmt.Errorf("%w: file is %d bytes, the limit is %d (--max-bytes)", ErrLimit, len(src), l.MaxBytes)
	}
	return nil
}

// checkDepth refuses src when a line nests deeper than l allows. Only
// the prefix of each line is read.
func (l Limits) checkDepth(src []byte, lineStarts []int) error {
	for n, start := range lineStarts {
		if depth := prefixDepth(src, start); depth > l.MaxDepth {
			return fmt.Errorf("%w: line %d nests about %d levels deep, the limit is %d (--max-depth)", ErrLimit, n+1, depth, l.MaxDepth)
		}
	}
	return nil
}

// prefixDepth estimates the container nesting a line opens: each ">" and
// list marker in its prefix counts one level, and indentation before a
// marker counts one level per two columns (the least a nested list item
// needs).
func prefixDepth(src []byte, i int) (depth int) {
	cols := 0
	for i < len(src) {
		c := src[i]
		switch {
		case c == ' ':
			cols++
		case c == '\t':
			cols += 4
		case c == '>':
			depth++
			cols = 0
		case (c == '-' || c == '*' || c == '+') && i+1 < len(src) && (src[i+1] == ' ' || src[i+1] == '\t'):
			depth += 1 + cols/2
			cols = 0
		case c >= '0' && c <= '9':
			j := i
			for j < len(src) && j-i < 9 && src[j] >= '0' && src[j] <= '9' {
				j++
			}
			if j+1 >= len(src) || (src[j] != '.' && src[j] != ')') || (src[j+1] != ' ' && src[j+1] != '\t') {
				return depth
			}
			depth += 1 + cols/2
			cols = 0
			i = j
		default:
			return depth
		}
		i++
	}
	return depth
}
