package lint

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
	"golang.org/x/net/html"
)

// Link is one link of a document, as `listlint links` checks it: an
// inline link or image, a URL autolink, a reference definition, or an
// href or src attribute of HTML. A reference link ([x][y]) is its
// definition's: the definition is where the URL is written and fixed, so
// it is listed once, there. Links inside code are no links.
type Link struct {
	// URL is the destination as a browser follows it: backslash escapes
	// and character references resolved.
	URL string
	// At spans what a finding points at: the link, image, autolink or
	// reference definition.
	At Span
	// Dest spans the destination's bytes when they spell URL exactly, so
	// that a fix may rewrite them; NoSpan otherwise.
	Dest Span
}

// Links returns every link of d in document order, and whether the parse
// collected them (Limits.Links); without it there are none to return.
func (d *Document) Links() ([]Link, bool) {
	return d.links, d.withLinks
}

// blockLinks adds the links of block n, which holds no blocks the builder
// walks itself (lists, quotes), to the model.
func (b *builder) blockLinks(n ast.Node) {
	_ = ast.Walk(n, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.CodeBlock, *ast.FencedCodeBlock, *ast.CodeSpan:
			return ast.WalkSkipChildren, nil
		case *ast.HTMLBlock:
			if lines := n.Lines(); lines.Len() > 0 {
				end := lines.At(lines.Len() - 1).Stop
				if n.HasClosure() {
					end = max(end, n.ClosureLine.Stop)
				}
				b.htmlLinks(lines.At(0).Start, end)
			}
			return ast.WalkSkipChildren, nil
		case *ast.RawHTML:
			if segs := n.Segments; segs.Len() > 0 {
				b.htmlLinks(segs.At(0).Start, segs.At(segs.Len()-1).Stop)
			}
			return ast.WalkSkipChildren, nil
		case *ast.Link:
			if n.Reference == nil {
				b.addLink(n.Pos(), n.Destination)
			}
		case *ast.Image:
			if n.Reference == nil {
				b.addLink(n.Pos(), n.Destination)
			}
		case *ast.AutoLink:
			if n.AutoLinkType == ast.AutoLinkURL {
				b.addLink(n.Pos(), n.URL(b.body))
			}
		case *ast.LinkReferenceDefinition:
			b.addLink(n.Pos(), n.Destination)
		}
		return ast.WalkContinue, nil
	})
}

// addLink adds the link whose construct starts at pos in body and whose
// destination is dest, as goldmark read it.
func (b *builder) addLink(pos int, dest []byte) {
	if pos < 0 || len(dest) == 0 {
		return
	}
	l := Link{At: Span{b.base + pos, b.base + pos + 1}, Dest: NoSpan}
	if s := destSpan(b.body, pos, dest); s.Valid() {
		l.Dest = Span{b.base + s.Start, b.base + s.End}
		l.At.End = l.Dest.End
	}
	if bytes.IndexByte(dest, '\\') >= 0 || bytes.IndexByte(dest, '&') >= 0 {
		l.URL = string(util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(dest))))
	} else {
		l.URL = b.srcString(l.Dest, dest)
	}
	b.doc.links = append(b.doc.links, l)
}

// srcString returns v as a string: the source's bytes at s when they
// spell it, without a copy (one allocation less a link), else a copy. The
// check matters where a lone CR in the source reads as LF in body.
func (b *builder) srcString(s Span, v []byte) string {
	if s.Valid() {
		if t := b.str[s.Start:s.End]; t == string(v) {
			return t
		}
	}
	return string(v)
}

// destSpan finds dest's bytes after the construct that starts at pos: the
// first copy that stands where a destination does, after "(", "<" or
// white space and before ")", ">", white space or the end. It returns
// NoSpan when there is none nearby.
func destSpan(src []byte, pos int, dest []byte) Span {
	limit := min(len(src), pos+64<<10)
	for i := pos; i < limit; {
		k := bytes.Index(src[i:limit], dest)
		if k < 0 {
			break
		}
		start, end := i+k, i+k+len(dest)
		before := byte(' ')
		if start > 0 {
			before = src[start-1]
		}
		after := byte(' ')
		if end < len(src) {
			after = src[end]
		}
		if strings.IndexByte("(< \t\n", before) >= 0 && strings.IndexByte(")> \t\n", after) >= 0 {
			return Span{start, end}
		}
		i = start + 1
	}
	return NoSpan
}

// htmlLinks adds the href and src attributes of the HTML in
// body[start:end] ("<a href=…>", "<img src=…>"), read with an HTML
// tokenizer: comments hold none. An attribute's bytes are its Dest when
// they spell the value as the tokenizer read it (no character references).
func (b *builder) htmlLinks(start, end int) {
	src := b.body
	z := html.NewTokenizer(bytes.NewReader(src[start:end]))
	off := start
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return
		}
		tok := Span{off, off + len(z.Raw())}
		off = tok.End
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		_, more := z.TagName()
		from := tok.Start
		for more {
			var key, val []byte
			key, val, more = z.TagAttr()
			if k := string(key); k != "href" && k != "src" || len(val) == 0 {
				continue
			}
			l := Link{At: Span{b.base + tok.Start, b.base + tok.End}, Dest: NoSpan}
			if i := bytes.Index(src[from:tok.End], val); i >= 0 {
				vs, ve := from+i, from+i+len(val)
				if q := src[vs-1]; (q == '"' || q == '\'' || q == '=') && ve < tok.End && bytes.IndexByte([]byte("\"' \t\n>"), src[ve]) >= 0 {
					l.Dest = Span{b.base + vs, b.base + ve}
					l.At = l.Dest
					from = ve
				}
			}
			l.URL = b.srcString(l.Dest, val)
			b.doc.links = append(b.doc.links, l)
		}
	}
}
