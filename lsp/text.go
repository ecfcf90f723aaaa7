package lsp

import (
	"bytes"
	"errors"
	"unicode/utf16"
	"unicode/utf8"

	"go.lsp.dev/protocol"
)

// lineIndex maps between byte offsets of a text and LSP positions: a line
// number and a column in UTF-16 code units, as the protocol counts them.
// Lines end at "\n", "\r\n" or "\r", as the protocol says.
type lineIndex struct {
	src []byte
	// starts holds the byte offset at which each line starts.
	starts []int
}

func newLineIndex(src []byte) *lineIndex {
	starts := make([]int, 1, bytes.Count(src, []byte{'\n'})+1)
	for i := 0; i < len(src); i++ {
		switch src[i] {
		case '\n':
			starts = append(starts, i+1)
		case '\r':
			if i+1 < len(src) && src[i+1] == '\n' {
				i++
			}
			starts = append(starts, i+1)
		}
	}
	return &lineIndex{src: src, starts: starts}
}

// lineEnd returns the offset where line n's content ends, before its line
// ending.
func (x *lineIndex) lineEnd(n int) int {
	if n+1 >= len(x.starts) {
		return len(x.src)
	}
	end := x.starts[n+1]
	if end > 0 && x.src[end-1] == '\n' {
		end--
	}
	if end > x.starts[n] && x.src[end-1] == '\r' {
		end--
	}
	return end
}

// position returns the LSP position of byte offset off.
func (x *lineIndex) position(off int) protocol.Position {
	off = min(max(off, 0), len(x.src))
	// The last line starting at or before off.
	lo, hi := 0, len(x.starts)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if x.starts[mid] <= off {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return protocol.Position{Line: uint32(lo), Character: uint32(utf16Len(x.src[x.starts[lo]:off]))}
}

// offset returns the byte offset of an LSP position. A line past the end
// means the end of the text, and a column past the end of its line the
// end of the line, as the protocol asks; a column inside a character
// (half of a surrogate pair) rounds down to its start.
func (x *lineIndex) offset(p protocol.Position) int {
	if int(p.Line) >= len(x.starts) {
		return len(x.src)
	}
	i, end := x.starts[p.Line], x.lineEnd(int(p.Line))
	for units := 0; i < end; {
		r, size := utf8.DecodeRune(x.src[i:end])
		n := utf16.RuneLen(r)
		if units+n > int(p.Character) {
			break
		}
		units += n
		i += size
	}
	return i
}

func (x *lineIndex) rangeOf(start, end int) protocol.Range {
	return protocol.Range{Start: x.position(start), End: x.position(end)}
}

// utf16Len counts the UTF-16 code units of UTF-8 text; an invalid byte
// counts as the one replacement character it decodes to.
func utf16Len(b []byte) int {
	n := 0
	for i := 0; i < len(b); {
		if c := b[i]; c < utf8.RuneSelf {
			n++
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		n += utf16.RuneLen(r)
		i += size
	}
	return n
}

var errBadRange = errors.New("change range ends before it starts")

// applyChange returns src with one content change applied: a range
// replaced, or, without a range, the whole text.
func applyChange(src []byte, rng *protocol.Range, text string) ([]byte, error) {
	if rng == nil {
		return []byte(text), nil
	}
	x := newLineIndex(src)
	start, end := x.offset(rng.Start), x.offset(rng.End)
	if end < start {
		return nil, errBadRange
	}
	out := make([]byte, 0, len(src)-(end-start)+len(text))
	out = append(out, src[:start]...)
	out = append(out, text...)
	return append(out, src[end:]...), nil
}
