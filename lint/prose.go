package lint

import "github.com/yuin/goldmark/ast"

// prose records the plain text of paragraph n in Document.Prose: its text
// outside links, images, autolinks, code spans and HTML, adjacent pieces
// merged.
func (b *builder) prose(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			s := Span{b.base + c.Segment.Start, b.base + c.Segment.Stop}
			if s.Len() == 0 {
				continue
			}
			if p := b.doc.Prose; len(p) > 0 && p[len(p)-1].End == s.Start {
				p[len(p)-1].End = s.End
				continue
			}
			b.doc.Prose = append(b.doc.Prose, s)
		case *ast.Link, *ast.Image, *ast.AutoLink, *ast.CodeSpan, *ast.RawHTML:
		default:
			b.prose(c)
		}
	}
}
