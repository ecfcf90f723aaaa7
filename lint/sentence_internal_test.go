package lint

import (
	"bytes"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/listlint/listlint/internal/text"
)

// descriptionTails are endings of descriptions that exercise the
// trailer and decoration scans.
var descriptionTails = func() []string {
	out := []string{""}
	for _, part := range [][]string{
		{"", "x", "Tool", "A tool.", "工具", "a b"},
		{"", " ", "  ", "\t", ":", "(", "."},
		{
			"", ".", ":)", ":-)", ";)", ":D", ":P", "^_^", "D", "P", ")", "]", "^", "*", "_",
			"🚀", "✨🚀", "⚛️", "\u200d", "é", "。", ":rocket:", ":+1:", "::", "x:",
			"`MIT`", "![b](u)", "([Demo](u), [Src](v))", "**[top](#t)**", "\xff", "\xe2\x9c",
			"[MIT]", "[...]", "**[Deprecated]**", "*(See also [x](u))*", "(beta)", "[Demo](u)",
			"*fast*", "__x__", "[![b](u)](v)",
		},
	} {
		var next []string
		for _, prefix := range out {
			for _, s := range part {
				next = append(next, prefix+s)
			}
		}
		out = next
	}
	return out
}()

// decorationGeneral is decoration without its shortcuts: every rune
// decoded, every emoticon compared.
func decorationGeneral(src []byte, start, end int) int {
	i, emoji := end, false
	for i > start {
		r, size := utf8.DecodeLastRune(src[start:i])
		if r < utf8.RuneSelf || !unicode.In(r, unicode.So, unicode.Sk, unicode.Mn, unicode.Cf) {
			break
		}
		emoji = emoji || isEmoji(r)
		i -= size
	}
	if i < end && i > start && (emoji || text.IsSpace(src[i-1])) {
		return i
	}
	b := src[start:end]
	for _, emo := range []string{":)", ":-)", ";)", ":D", ":P", "^_^"} {
		if bytes.HasSuffix(b, []byte(emo)) && len(b) > len(emo) && text.IsSpace(b[len(b)-len(emo)-1]) {
			return end - len(emo)
		}
	}
	if len(b) > 2 && b[len(b)-1] == ':' {
		j := len(b) - 2
		for j >= 0 && isShortcodeByte(b[j]) {
			j--
		}
		if j > 0 && j < len(b)-2 && b[j] == ':' && text.IsSpace(b[j-1]) {
			return start + j
		}
	}
	return end
}

func TestDecorationFastPath(t *testing.T) {
	check := func(src []byte, start, end int) {
		if got, want := decoration(src, start, end), decorationGeneral(src, start, end); got != want {
			t.Errorf("decoration(%q) = %d, the general path says %d", src[start:end], got, want)
		}
	}
	for _, s := range descriptionTails {
		src := []byte("- [x](u): " + s)
		for start := 0; start <= len(src); start++ {
			check(src, start, len(src))
		}
	}
	for _, doc := range corpusDocs(t) {
		for _, e := range doc.Items {
			if e.Desc().Valid() {
				check(doc.Src, e.Desc().Start, e.Desc().End)
			}
		}
	}
}

// TestSentenceFastPath holds the builder's shortcut for descriptions
// whose last byte mayEndMarkup rejects: splitTrailer finds nothing there.
func TestSentenceFastPath(t *testing.T) {
	check := func(src []byte, start, end int) {
		t.Helper()
		if mayEndMarkup[src[end-1]] {
			return
		}
		s, tr, kinds, last := splitTrailer(src, start, end)
		if s != (Span{start, end}) || tr.Valid() || kinds != 0 || last != 0 {
			t.Errorf("splitTrailer(%q) = %v %v %d %d, the fast path says no trailer", src[start:end], s, tr, kinds, last)
		}
	}
	for _, s := range descriptionTails {
		src := []byte("- [x](u): " + s)
		for start := 1; start < len(src); start++ {
			check(src, start, len(src))
		}
	}
	for c := range 256 {
		src := []byte{' ', 'x', ' ', byte(c)}
		check(src, 1, len(src))
	}
	for _, doc := range corpusDocs(t) {
		for _, e := range doc.Items {
			if e.Sentence().Valid() {
				check(doc.Src, e.Sentence().Start, e.Desc().End)
			}
		}
	}
}

// TestSplitTrailerAfterEmphasisMark: a description that is all emphasis
// marks, right after a "*" or "_" that is not its own, once made the
// trailer scan call itself for ever (it looked back past the start).
func TestSplitTrailerAfterEmphasisMark(t *testing.T) {
	for _, s := range []string{"**", "_x_", "**[a](b)**", "*", "__"} {
		src := []byte("*" + s)
		if sent, tr, _, _ := splitTrailer(src, 1, len(src)); sent != (Span{1, len(src)}) || tr.Valid() {
			t.Errorf("splitTrailer(%q) = %v %v, want no trailer", s, sent, tr)
		}
	}
}
