package lint

import (
	"bytes"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// FragmentLink is a link to a place in the same document: "[Tools](#tools)".
type FragmentLink struct {
	// Link spans the link from "[" to its closing ")".
	Link Span
	// Fragment is the destination without its "#", as written.
	Fragment string
	// Text is the link's text as GitHub renders it.
	Text string
}

// Slug returns the anchor GitHub gives a heading whose rendered text is
// text, before duplicates are numbered: lowercase, every character that is
// not a letter, mark, digit, connector ("_"), "-" or space dropped, spaces
// turned into "-". Emoji characters are dropped, but a :shortcode: keeps
// its name ("Launch :rocket:" is "launch-rocket"): GitHub slugs the text
// before it turns shortcodes into emoji.
func Slug(text string) string {
	var b strings.Builder
	b.Grow(len(text))
	for _, r := range strings.ToLower(text) {
		switch {
		case r == ' ':
			b.WriteByte('-')
		case r == '-' || r < 0x80 && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_'):
			b.WriteRune(r)
		case r >= 0x80 && unicode.In(r, unicode.L, unicode.M, unicode.N, unicode.Pc):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// renderedText returns the text of n's inline content as GitHub renders
// it, which is what its anchor is computed from: escapes and entities
// resolved, markup and HTML tags gone, images contributing nothing (their
// alt text is not text). omit is true when the content holds the comment
// "<!-- omit in toc -->" (or "omit from toc") with which markdown-toc
// users keep a heading out of the contents.
func renderedText(n ast.Node, src []byte) (text string, omit bool) {
	var buf []byte
	var walk func(n ast.Node)
	walk = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				buf = append(buf, util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(c.Segment.Value(src))))...)
				if c.SoftLineBreak() || c.HardLineBreak() {
					buf = append(buf, ' ')
				}
			case *ast.String:
				buf = append(buf, c.Value...)
			case *ast.Image:
			case *ast.RawHTML:
				if c.Segments.Len() > 0 {
					raw := bytes.ToLower(src[c.Segments.At(0).Start:c.Segments.At(c.Segments.Len()-1).Stop])
					omit = omit || bytes.HasPrefix(raw, []byte("<!--")) &&
						(bytes.Contains(raw, []byte("omit in toc")) || bytes.Contains(raw, []byte("omit from toc")))
				}
			case *ast.AutoLink:
				buf = append(buf, c.Label(src)...)
			default:
				walk(c)
			}
		}
	}
	walk(n)
	// No trimming: GitHub keeps the spaces before a trailing badge or
	// comment, and they become "-" in the anchor ("awesome-c--").
	return string(buf), omit
}

// fragmentLink records a link whose destination is a "#fragment".
func (b *builder) fragmentLink(l *ast.Link) {
	start := b.base + l.Pos()
	if l.Pos() < 0 || start >= len(b.doc.Src) {
		return
	}
	end := b.lineEnd(start)
	if i := bytes.Index(b.doc.Src[start:], append(append([]byte("]("), l.Destination...), ')')); i >= 0 {
		end = start + i + len(l.Destination) + 3
	}
	text, _ := renderedText(l, b.body)
	b.doc.Fragments = append(b.doc.Fragments, FragmentLink{
		Link:     Span{start, end},
		Fragment: string(l.Destination[1:]),
		Text:     text,
	})
}

// htmlIDRe finds the explicit anchors of HTML: <a name="x"> and id="x".
// A quoted value is taken whole: id="data visualization" is not "data".
var htmlIDRe = regexp.MustCompile(`(?i)<[a-z][^>]*?\s(?:id|name)\s*=\s*("[^"]*"|'[^']*'|[^"'\s>]+)`)

// numberAnchors gives each heading its GitHub anchor, numbering repeated
// ones in document order ("tools", "tools-1", ...), and collects the
// explicit HTML anchors outside code blocks.
func numberAnchors(d *Document) {
	seen := map[string]int{}
	d.anchors = map[string]*Section{}
	d.looseAnchors = map[string]*Section{}
	for _, s := range d.Sections {
		if !s.Heading.Valid() {
			continue
		}
		slug := Slug(s.Rendered)
		n, dup := seen[slug]
		seen[slug] = n + 1
		if dup {
			slug += "-" + strconv.Itoa(n)
		}
		s.Anchor = slug
		if d.anchors[slug] == nil {
			d.anchors[slug] = s
		}
		if loose := strings.TrimRight(slug, "-"); d.looseAnchors[loose] == nil {
			d.looseAnchors[loose] = s
		}
	}
	if !bytes.Contains(d.Src, []byte("<")) {
		return
	}
	for _, m := range htmlIDRe.FindAllSubmatchIndex(d.Src, -1) {
		id := strings.ToLower(strings.Trim(string(d.Src[m[2]:m[3]]), `"'`))
		if !d.inCode(m[0]) && d.anchors[id] == nil {
			d.anchors[id] = nil
		}
	}
}

// inCode reports whether off lies in a code block.
func (d *Document) inCode(off int) bool {
	for _, c := range d.Code {
		if c.Start <= off && off < c.End {
			return true
		}
	}
	return false
}

// HasAnchor reports whether "#"+fragment leads somewhere in d: a heading's
// anchor or an HTML id or name, matched as GitHub's page script does
// (percent-decoded, case aside, with or without "user-content-"), or a
// heading's anchor but for trailing "-"s. The empty fragment and "top"
// lead to the top of the page.
func (d *Document) HasAnchor(fragment string) bool {
	fragment = anchorKey(fragment)
	if _, ok := d.anchors[fragment]; ok || fragment == "" || fragment == "top" {
		return true
	}
	return d.looseAnchors[strings.TrimRight(fragment, "-")] != nil
}

// HeadingAt returns the section whose anchor fragment names, or nil. A
// fragment that differs from a heading's anchor only in trailing "-"s
// names it too: GitHub's slugger once trimmed the text before a trailing
// badge or emoji ("#awesome-c" for "Awesome C++ [badge]", now
// "#awesome-c--"), and lists written under either remain.
func (d *Document) HeadingAt(fragment string) *Section {
	fragment = anchorKey(fragment)
	if s, ok := d.anchors[fragment]; ok {
		return s
	}
	return d.looseAnchors[strings.TrimRight(fragment, "-")]
}

func anchorKey(fragment string) string {
	if f, err := url.PathUnescape(fragment); err == nil {
		fragment = f
	}
	return strings.TrimPrefix(strings.ToLower(fragment), "user-content-")
}
