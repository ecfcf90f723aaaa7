package links

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"golang.org/x/net/html"

	"github.com/listlint/listlint/internal/listgen"
	"github.com/listlint/listlint/lint"
)

// TestModelLinks holds the links the model collects to those the links
// package listed with a goldmark parse of its own before it read the
// model (oldExtract, kept here as the oracle), on every fixture and
// every list of the corpus.
func TestModelLinks(t *testing.T) {
	var paths []string
	for _, root := range []string{"testdata", filepath.Join("..", "testdata"), filepath.Join("..", "..", "shared")} {
		// A trailing separator walks a root that is a symbolic link too.
		_ = filepath.WalkDir(root+string(filepath.Separator), func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && (strings.HasSuffix(p, ".md") || strings.HasSuffix(p, ".markdown")) {
				paths = append(paths, p)
			}
			return nil
		})
	}
	if len(paths) == 0 {
		t.Fatal("no fixtures")
	}
	// And the inputs where the source's bytes and goldmark's differ, or
	// where a destination is not spelled as its URL.
	cases := map[string]string{
		"bom.md":       "\uFEFF# T\n\n- [a](https://example.org/a) - x\n",
		"crlf.md":      "# T\r\n\r\n- [a](https://example.org/a) - x\r\n- <https://example.org/b>\r\n",
		"lone-cr.md":   "# T\r\r- [a](https://example.org/a) - x\r<a href=\"https://example.org/\rb\">b</a>\r",
		"escapes.md":   "- [a](https://example.org/a\\_b) [b](https://example.org/?a=1&amp;b=2) ![i](<https://example.org/i j.png>)\n",
		"reference.md": "- [a][r] [r] [b][]\n\n[r]: https://example.org/r\n[b]: <https://example.org/b> \"t\"\n",
		"code.md":      "`[a](https://example.org/a)`\n\n```\n[b](https://example.org/b)\n```\n\n    <https://example.org/c>\n",
		"html.md":      "<p><a href='https://example.org/a'>a</a><img src=https://example.org/i.png></p>\n\ntext <a href=\"https://example.org/&amp;x\">x</a> <!-- <a href=\"https://example.org/c\"> -->\n",
		"nested.md":    "> - [a](https://example.org/a)\n>   - [b](https://example.org/b)\n>\n>     <https://example.org/c>\n",
	}
	for name := range cases {
		paths = append(paths, name)
	}
	compared, links := 0, 0
	for _, p := range paths {
		src := []byte(cases[p])
		if _, ok := cases[p]; !ok {
			var err error
			if src, err = os.ReadFile(p); err != nil {
				t.Fatal(err)
			}
		}
		doc, err := lint.ParseLimits(p, src, lint.Limits{Links: true})
		if err != nil {
			continue // binary or beyond the limits: no model either way
		}
		got, ok := doc.Links()
		if !ok {
			t.Fatalf("%s: the parse did not collect the links it was asked for", p)
		}
		want := oldExtract(doc)
		if len(got) == 0 && len(want) == 0 {
			compared++
			continue
		}
		if !reflect.DeepEqual(got, want) {
			for i := range max(len(got), len(want)) {
				if i >= len(got) || i >= len(want) || got[i] != want[i] {
					var g, w Link
					if i < len(got) {
						g = got[i]
					}
					if i < len(want) {
						w = want[i]
					}
					t.Errorf("%s: link %d is %+v, the old extraction's %+v", p, i, g, w)
					break
				}
			}
			continue
		}
		compared++
		links += len(got)
	}
	t.Logf("%d files, %d links the same", compared, links)
}

// BenchmarkLinks lists the links of a generated list of 20,000 entries
// as the old extraction did (the model's parse, then a goldmark parse of
// its own) and as the model does, and parses without links for scale.
func BenchmarkLinks(b *testing.B) {
	src := listgen.List(listgen.Awesome, 20000, true)
	for _, c := range []struct {
		name string
		run  func() []Link
	}{
		{"old", func() []Link {
			doc, _ := lint.Parse("list.md", src)
			return oldExtract(doc)
		}},
		{"model", func() []Link {
			doc, _ := lint.ParseLimits("list.md", src, lint.Limits{Links: true})
			ls, _ := doc.Links()
			return ls
		}},
		{"no-links", func() []Link {
			_, _ = lint.Parse("list.md", src)
			return nil
		}},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				c.run()
			}
		})
	}
}

// oldExtract is Extract as it was before the model collected the links.
func oldExtract(doc *lint.Document) []Link {
	base := 0
	if doc.BOM {
		base = 3
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
		if s := oldDestSpan(body, pos, dest); s.Valid() {
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
				out = append(out, oldHTMLLinks(body, base, lines.At(0).Start, end)...)
			}
			return ast.WalkSkipChildren, nil
		case *ast.RawHTML:
			if segs := n.Segments; segs.Len() > 0 {
				out = append(out, oldHTMLLinks(body, base, segs.At(0).Start, segs.At(segs.Len()-1).Stop)...)
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

func oldDestSpan(src []byte, pos int, dest []byte) lint.Span {
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

// oldHTMLLinks is htmlLinks as it was.
func oldHTMLLinks(src []byte, base, start, end int) []Link {
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
