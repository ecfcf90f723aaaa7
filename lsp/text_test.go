package lsp

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"go.lsp.dev/protocol"
)

// TestLineIndexRoundTrip holds positions to the protocol's definition on
// random text of ASCII, CJK, emoji (two UTF-16 code units) and every line
// ending: a character offset is the UTF-16 length of the line's text
// before it, and position and offset are inverses at every character
// boundary.
func TestLineIndexRoundTrip(t *testing.T) {
	pieces := []string{"a", " ", "漢", "字", "😀", "🎉", "é", "\n", "\r\n", "\r", "-", "[x](https://example.com)"}
	r := rand.New(rand.NewPCG(1, 2))
	for range 500 {
		var b strings.Builder
		for range r.IntN(40) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		src := b.String()
		x := newLineIndex([]byte(src))
		// The protocol's lines: split at CRLF, CR or LF.
		lines := strings.Split(strings.ReplaceAll(strings.ReplaceAll(src, "\r\n", "\n"), "\r", "\n"), "\n")
		if len(x.starts) != len(lines) {
			t.Fatalf("%q: %d lines, want %d", src, len(x.starts), len(lines))
		}
		for off := 0; off <= len(src); off++ {
			if off < len(src) && !utf8.RuneStart(src[off]) || off > 0 && off < len(src) && src[off-1] == '\r' && src[off] == '\n' {
				continue
			}
			p := x.position(off)
			lineStart := x.starts[p.Line]
			if want := len(utf16.Encode([]rune(src[lineStart:off]))); int(p.Character) != want {
				t.Fatalf("%q offset %d: character %d, want %d", src, off, p.Character, want)
			}
			if back := x.offset(p); back != off {
				t.Fatalf("%q offset %d: position %+v maps back to %d", src, off, p, back)
			}
		}
		// Past the end of a line or of the text, positions clamp.
		last := uint32(len(lines) - 1)
		if got := x.offset(protocol.Position{Line: last + 5}); got != len(src) {
			t.Fatalf("%q: a line past the end maps to %d, want %d", src, got, len(src))
		}
		if got := x.offset(protocol.Position{Line: 0, Character: 1000}); got != x.lineEnd(0) {
			t.Fatalf("%q: a column past the end of line 0 maps to %d, want %d", src, got, x.lineEnd(0))
		}
	}
}

func TestApplyChangeInsideSurrogatePair(t *testing.T) {
	// Character 1 falls inside the emoji's surrogate pair: it rounds down
	// to the emoji's start rather than splitting its bytes.
	got, err := applyChange([]byte("😀b"), &protocol.Range{Start: protocol.Position{Character: 1}, End: protocol.Position{Character: 3}}, "x")
	if err != nil || string(got) != "x" {
		t.Errorf("got %q, %v; want %q", got, err, "x")
	}
	if _, err := applyChange([]byte("ab"), &protocol.Range{Start: protocol.Position{Character: 2}, End: protocol.Position{Character: 1}}, ""); err == nil {
		t.Error("a range that ends before it starts was applied")
	}
}
