package rules

import (
	"bytes"
	"os"
	"testing"

	"github.com/listlint/listlint/fix"
	"github.com/listlint/listlint/internal/corpustest"
	"github.com/listlint/listlint/internal/text"
	"github.com/listlint/listlint/lint"
)

// TestCorpusFixKeepsMarkup fixes every corpus file with all rules, pass
// by pass as fix.File does, and checks every text a fix inserts: never
// between two non-space characters of a URL, a code span or a run of
// emphasis markers, and no final punctuation after trailing metadata (a
// code span, a bracketed tag, a link or image, or emphasis closing one).
// The spans are found by scanning the text, not read off the model, so
// that the model's mistakes show.
func TestCorpusFixKeepsMarkup(t *testing.T) {
	l := &lint.Linter{Rules: All()}
	for _, path := range corpustest.Files(t) {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for range 10 {
			doc, err := lint.Parse(path, src)
			if err != nil {
				break // beyond the parser's limits: not the rules' concern
			}
			diags := l.Run([]*lint.Document{doc})[0].Diagnostics
			inside := markupInteriors(src)
			for _, d := range diags {
				if d.Fix == nil {
					continue
				}
				for _, ed := range d.Fix.Edits {
					if ed.Pos != ed.End || ed.NewText == "" {
						continue // a replacement keeps its own text's markup
					}
					line := doc.Line(ed.Pos)
					if inside[ed.Pos] {
						t.Errorf("%s:%d: %s inserts %q inside a URL, code span or emphasis run: %s",
							path, line, d.Rule, ed.NewText, doc.Text(doc.LineSpan(line)))
					}
					if r := []rune(ed.NewText); len(r) == 1 && lint.IsTerminal(r[0]) && afterMetadata(src, ed.Pos) {
						t.Errorf("%s:%d: %s appends %q after trailing metadata: %s",
							path, line, d.Rule, ed.NewText, doc.Text(doc.LineSpan(line)))
					}
				}
			}
			out, applied, err := fix.Apply(src, diags)
			if err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			if applied == 0 || bytes.Equal(out, src) {
				break
			}
			src = out
		}
	}
}

// markupInteriors marks every offset i of src where src[i-1] and src[i]
// are non-space bytes of one URL (a link destination or a bare
// http(s) URL), one code span on a line, or one run of two or more
// emphasis markers.
func markupInteriors(src []byte) []bool {
	inside := make([]bool, len(src)+1)
	mark := func(start, end int) {
		for i := start + 1; i < end; i++ {
			if !text.IsSpace(src[i-1]) && !text.IsSpace(src[i]) {
				inside[i] = true
			}
		}
	}
	for i := 0; i < len(src); i++ {
		switch c := src[i]; {
		case c == ']' && i+1 < len(src) && src[i+1] == '(':
			if end := text.MatchForward(src, i+1, '(', ')'); end > 0 {
				mark(i+2, end)
			}
		case c == 'h' && (bytes.HasPrefix(src[i:], []byte("http://")) || bytes.HasPrefix(src[i:], []byte("https://"))):
			end := i
			for end < len(src) && !text.IsSpace(src[end]) {
				end++
			}
			mark(i, end)
		case c == '`':
			n := 1
			for i+n < len(src) && src[i+n] == '`' {
				n++
			}
			lineEnd := bytes.IndexByte(src[i+n:], '\n')
			if lineEnd < 0 {
				lineEnd = len(src) - i - n
			}
			if k := bytes.Index(src[i+n:i+n+lineEnd], bytes.Repeat([]byte{'`'}, n)); k >= 0 {
				mark(i, i+n+k+n)
				i += n + k + n - 1
			} else {
				i += n - 1
			}
		case c == '*' || c == '_':
			n := 1
			for i+n < len(src) && src[i+n] == c {
				n++
			}
			if n >= 2 {
				mark(i, i+n)
			}
			i += n - 1
		}
	}
	return inside
}

// afterMetadata reports whether src[:pos] ends with the end of a
// Markdown construct that trails a sentence: a code span, a bracketed
// tag, a link or an image, or emphasis closing one of them.
func afterMetadata(src []byte, pos int) bool {
	i := pos
	for i > 0 && (src[i-1] == '*' || src[i-1] == '_') {
		i--
	}
	if i == 0 {
		return false
	}
	switch src[i-1] {
	case '`', ']':
		return true
	case ')':
		depth := 0
		for j := i - 1; j >= 0; j-- {
			switch src[j] {
			case ')':
				depth++
			case '(':
				depth--
				if depth == 0 {
					return j > 0 && src[j-1] == ']'
				}
			}
		}
	}
	return false
}

// TestMarkupCheckers holds the property's own scanners to what they must
// catch, so that a pass of TestCorpusFixKeepsMarkup means something.
func TestMarkupCheckers(t *testing.T) {
	src := []byte("See [x](https://x.example/a) **[B]** `a b` https://y.example/z.")
	for _, at := range []string{"x.example", "/a)", "**[B]", "b`", "y.example"} {
		i := bytes.Index(src, []byte(at)) + 1
		if !markupInteriors(src)[i] {
			t.Errorf("offset %d (%q) not inside markup", i, src[i-1:i+1])
		}
	}
	for _, at := range []string{"See", "[x]"} {
		if i := bytes.Index(src, []byte(at)); markupInteriors(src)[i] {
			t.Errorf("offset %d (%q) inside markup", i, src[i-1:i+1])
		}
	}
	for s, want := range map[string]bool{
		"A tool. [MIT]": true, "A tool. **[Deprecated]**": true, "For [x](https://x.example)": true,
		"A tool `MIT`": true, "A toolkit (Go)": false, "A tool": false, "Is *fast*": false,
		"A tool (by [x](https://x.example))": false, "A tool ![b](https://b.example/b.svg)": true,
	} {
		if got := afterMetadata([]byte(s), len(s)); got != want {
			t.Errorf("afterMetadata(%q) = %v, want %v", s, got, want)
		}
	}
}
