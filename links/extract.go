// Package links checks the links of Markdown lists: over HTTP for web
// links, on the file system for relative ones. It backs `listlint links`
// and supplies the checks of the link-dead and link-redirect rules, which
// the rules registry holds for configuration and inline suppression.
package links

import (
	"bytes"
	"net/url"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"golang.org/x/net/html"

	"github.com/listlint/listlint/lint"
)

// Link is one link of a document.
type Link struct {
	// URL is the destination as a browser follows it: backslash escapes
	// and character references resolved.
	URL string
	// At spans what a finding points at: the link, image, autolink or
	// reference definition.
	At lint.Span
	// Dest spans the destination's bytes when they spell URL exactly, so
	// that a fix may rewrite them; NoSpan otherwise.
	Dest lint.Span
}

var bom = []byte{0xEF, 0xBB, 0xBF}

// Extract lists every link of doc in document order: inline links and
// images, autolinks, and reference definitions. A reference link ([x][y])
// is its definition's: the definition is where the URL is written and
// fixed, so it is listed once, there. Links inside code are no links.
func Extract(doc *lint.Document) []Link {
	base := 0
	if doc.BOM {
		base = len(bom)
	}
	body := doc.Src[base:]
	if bytes.IndexByte(body, '\r') >= 0 {
		// goldmark ends lines at LF only: give it LF for a lone CR, one
		// byte for one, as the document model does.
		body = bytes.Clone(body)
		for i, c := range body {
			if c == '\r' && (i+1 == len(body) || body[i+1] != '\n') {
				body[i] = '\n'
			}
		}
	}
	root := goldmark.New().Parser().Parse(text.NewReader(body))
	var out []Link
	add := func(pos int, dest []byte) {
		if pos < 0 || len(dest) == 0 {
			return
		}
		at := lint.Span{Start: base + pos, End: base + pos + 1}
		u := string(dest)
		if bytes.IndexByte(dest, '\\') >= 0 || bytes.IndexByte(dest, '&') >= 0 {
			u = string(util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(dest))))
		}
		l := Link{URL: u, At: at, Dest: lint.NoSpan}
		if s := destSpan(body, pos, dest); s.Valid() {
			l.Dest = lint.Span{Start: base + s.Start, End: base + s.End}
			l.At.End = l.Dest.End
		}
		out = append(out, l)
	}
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
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
				out = append(out, htmlLinks(body, base, lines.At(0).Start, end)...)
			}
			return ast.WalkSkipChildren, nil
		case *ast.RawHTML:
			if segs := n.Segments; segs.Len() > 0 {
				out = append(out, htmlLinks(body, base, segs.At(0).Start, segs.At(segs.Len()-1).Stop)...)
			}
			return ast.WalkSkipChildren, nil
		case *ast.Link:
			if n.Reference == nil {
				add(n.Pos(), n.Destination)
			}
		case *ast.Image:
			if n.Reference == nil {
				add(n.Pos(), n.Destination)
			}
		case *ast.AutoLink:
			if n.AutoLinkType == ast.AutoLinkURL {
				add(n.Pos(), n.URL(body))
			}
		case *ast.LinkReferenceDefinition:
			add(n.Pos(), n.Destination)
		}
		return ast.WalkContinue, nil
	})
	return out
}

// destSpan finds dest's bytes after the construct that starts at pos: the
// first copy that stands where a destination does, after "(", "<" or
// white space and before ")", ">", white space or the end. It returns
// NoSpan when there is none nearby.
func destSpan(src []byte, pos int, dest []byte) lint.Span {
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
			return lint.Span{Start: start, End: end}
		}
		i = start + 1
	}
	return lint.NoSpan
}

// Kind says how a link is checked.
type Kind int

// The kinds of links.
const (
	// Skip: an in-page anchor, mailto: or another scheme listlint does not check.
	Skip Kind = iota
	// Web: http or https, checked over the network.
	Web
	// File: a relative path, checked on the file system.
	File
)

// Classify tells how raw is checked.
func Classify(raw string) Kind {
	if raw == "" || raw[0] == '#' {
		return Skip
	}
	u, err := url.Parse(raw)
	if err != nil {
		// Unparsable as a URL: a web link is still reported, as dead.
		if hasScheme(raw, "http") || hasScheme(raw, "https") {
			return Web
		}
		return Skip
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		return Web
	case "":
		if u.Host != "" { // protocol-relative: //host/path
			return Web
		}
		if u.Path == "" {
			return Skip // "?query" or "#anchor"
		}
		return File
	}
	return Skip
}

func hasScheme(raw, scheme string) bool {
	return len(raw) > len(scheme) && strings.EqualFold(raw[:len(scheme)], scheme) && raw[len(scheme)] == ':'
}

// htmlLinks lists the href and src attributes of the HTML in
// src[start:end] ("<a href=…>", "<img src=…>"), read with an HTML
// tokenizer: comments hold none. An attribute's bytes are its Dest when
// they spell the value as the tokenizer read it (no character references).
func htmlLinks(src []byte, base, start, end int) []Link {
	var out []Link
	z := html.NewTokenizer(bytes.NewReader(src[start:end]))
	off := start
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return out
		}
		tok := lint.Span{Start: off, End: off + len(z.Raw())}
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
			l := Link{URL: string(val), At: lint.Span{Start: base + tok.Start, End: base + tok.End}, Dest: lint.NoSpan}
			if i := bytes.Index(src[from:tok.End], val); i >= 0 {
				vs, ve := from+i, from+i+len(val)
				if q := src[vs-1]; (q == '"' || q == '\'' || q == '=') && ve < tok.End && bytes.IndexByte([]byte("\"' \t\n>"), src[ve]) >= 0 {
					l.Dest = lint.Span{Start: base + vs, End: base + ve}
					l.At = l.Dest
					from = ve
				}
			}
			out = append(out, l)
		}
	}
}
