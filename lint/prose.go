package lint

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
)

// prose records the plain text of paragraph n in Document.prose: its text
// outside links, images, autolinks, code spans and inline HTML (tags and
// what stands between them), adjacent pieces merged.
func (b *builder) prose(n ast.Node) {
	open := 0
	b.proseText(n, &open)
}

// proseText adds the text of n's inline children; open counts the inline
// HTML elements open at that point.
func (b *builder) proseText(n ast.Node, open *int) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			s := Span{b.base + c.Segment.Start, b.base + c.Segment.Stop}
			if s.Len() == 0 || *open > 0 {
				continue
			}
			if p := b.doc.prose; len(p) > 0 && int(p[len(p)-1].end) == s.Start {
				p[len(p)-1].end = int32(s.End)
				continue
			}
			b.doc.prose = append(b.doc.prose, pack(s))
		case *ast.RawHTML:
			if c.Segments.Len() > 0 {
				seg := c.Segments.At(0)
				*open = max(*open+htmlNesting(seg.Value(b.body)), 0)
			}
		case *ast.Link, *ast.Image, *ast.AutoLink, *ast.CodeSpan:
		default:
			b.proseText(c, open)
		}
	}
}

// htmlNesting is how an inline HTML tag changes the number of open
// elements: +1 for an opening tag, -1 for a closing one, 0 for a comment,
// a self-closing or a void element.
func htmlNesting(tag []byte) int {
	switch {
	case bytes.HasPrefix(tag, []byte("</")):
		return -1
	case bytes.HasPrefix(tag, []byte("<!")) || bytes.HasPrefix(tag, []byte("<?")) || bytes.HasSuffix(tag, []byte("/>")):
		return 0
	}
	name := bytes.ToLower(tag[1:])
	if i := bytes.IndexAny(name, " \t\n/>"); i >= 0 {
		name = name[:i]
	}
	switch string(name) {
	case "br", "img", "hr", "input", "wbr", "source", "meta", "link":
		return 0
	}
	return 1
}
