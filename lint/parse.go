package lint

import (
	"bytes"
	"errors"
	"fmt"
	"runtime"
	"unicode/utf8"
	"unsafe"

	"github.com/yuin/goldmark/ast"

	"github.com/listlint/listlint/internal/text"
)

// ErrBinary is returned by Parse for input that holds a NUL byte.
var ErrBinary = errors.New("binary file")

var bom = []byte{0xEF, 0xBB, 0xBF}

// Parse builds the document model of src with a single goldmark parse,
// within the default Limits; a large file is parsed and built in pieces
// on all cores (see buildPieces). The model refers to src, which must not
// be modified afterwards.
func Parse(path string, src []byte) (*Document, error) {
	return ParseLimits(path, src, Limits{})
}

// ParseLimits is Parse with explicit limits. It fails on binary input and
// on input beyond the limits; any other text yields a model.
func ParseLimits(path string, src []byte, limits Limits) (*Document, error) {
	d, _, err := parse(path, src, limits, 0)
	return d, err
}

// parse is ParseLimits parsing in up to pieces pieces, or one per core
// when pieces is 0, and returning how many it took; tests compare the
// model with the one parsed whole, and with the one goldmark's default
// parser gives, parsing whole, when pieces is -1 (see plainParsers).
func parse(path string, src []byte, limits Limits, pieces int) (*Document, int, error) {
	if i := bytes.IndexByte(src, 0); i >= 0 {
		return nil, 0, fmt.Errorf("%w: NUL byte at offset %d", ErrBinary, i)
	}
	limits = limits.withDefaults()
	if err := limits.checkSize(src); err != nil {
		return nil, 0, err
	}
	d := &Document{Path: path, Src: src}
	base := 0
	if bytes.HasPrefix(src, bom) {
		d.BOM = true
		base = len(bom)
	}
	d.LineStarts, d.LineEnding = scanLines(src)
	if err := limits.checkDepth(src, d.LineStarts); err != nil {
		return nil, 0, err
	}
	body := src[base:]
	if hasLoneCR(body) {
		// goldmark ends lines at LF only; CommonMark also at a lone CR.
		// Give it LF in their place: one byte for one, offsets unchanged.
		body = append([]byte(nil), body...)
		for i, c := range body {
			if c == '\r' && (i+1 == len(body) || body[i+1] != '\n') {
				body[i] = '\n'
			}
		}
	}
	if pieces == 0 {
		pieces = min(runtime.GOMAXPROCS(0), len(body)/minPiece)
	}
	d.withLinks = limits.Links
	pieces = buildPieces(d, body, base, pieces, limits)
	linkSections(d.Sections)
	// A section's items are contiguous in document order: share d.Items.
	for i := 0; i < len(d.Items); {
		s := d.Items[i].Section()
		j := i + 1
		for j < len(d.Items) && d.Items[j].Section() == s {
			j++
		}
		s.Items = d.Items[i:j:j]
		i = j
	}
	numberAnchors(d)
	findContents(d)
	d.Directives = parseDirectives(d)
	d.ConflictMarkers = conflictMarkers(d)
	return d, pieces, nil
}

// scanLines returns the start offset of every line and the dominant line
// ending (ties go to the one seen first). A lone CR ends a line, as in
// CommonMark.
func scanLines(src []byte) (starts []int, ending string) {
	// Sized exactly (counting is far faster than the scan below): the
	// index of a large list is a tenth of its model, and growing it by
	// appends left up to twice that.
	breaks := bytes.Count(src, []byte{'\n'})
	fast := bytes.IndexByte(src, '\r') < 0
	if !fast {
		breaks += bytes.Count(src, []byte{'\r'})
	}
	starts = make([]int, 1, breaks+1)
	var lf, crlf, cr int
	first := ""
	if fast {
		// LF only, nearly every file: let IndexByte find the breaks.
		for i := 0; ; {
			j := bytes.IndexByte(src[i:], '\n')
			if j < 0 {
				break
			}
			i += j + 1
			starts = append(starts, i)
		}
		lf = len(starts) - 1
		first = "\n"
	}
	for i := 0; !fast && i < len(src); i++ {
		switch src[i] {
		case '\n':
			lf++
			if first == "" {
				first = "\n"
			}
		case '\r':
			if i+1 < len(src) && src[i+1] == '\n' {
				crlf++
				if first == "" {
					first = "\r\n"
				}
				i++
			} else {
				cr++
				if first == "" {
					first = "\r"
				}
			}
		default:
			continue
		}
		starts = append(starts, i+1)
	}
	ending = "\n"
	best := 0
	for _, c := range []struct {
		n int
		s string
	}{{lf, "\n"}, {crlf, "\r\n"}, {cr, "\r"}} {
		if c.n > best || (c.n == best && c.n > 0 && c.s == first) {
			best, ending = c.n, c.s
		}
	}
	return starts, ending
}

// hasLoneCR reports whether src holds a CR not followed by LF.
func hasLoneCR(src []byte) bool {
	for i := bytes.IndexByte(src, '\r'); i >= 0; {
		if i+1 == len(src) || src[i+1] != '\n' {
			return true
		}
		j := bytes.IndexByte(src[i+1:], '\r')
		if j < 0 {
			return false
		}
		i += 1 + j
	}
	return false
}

// build parses body whole and builds its model into d; defs: body may
// hold link reference definitions (mayDefine).
func build(d *Document, body []byte, base int, limits Limits, defs bool) {
	newBuilder(d, body, base, limits, new(blocks)).walk(parseRange(body, 0, len(body), defs))
}

// newBuilder returns a builder of d, whose synthetic first section it adds.
func newBuilder(d *Document, body []byte, base int, limits Limits, blk *blocks) *builder {
	b := &builder{doc: d, body: body, base: base, year: limits.Year, links: limits.Links, str: unsafe.String(unsafe.SliceData(d.Src), len(d.Src)), lines: d.Cursor(), lists: len(d.Lists), blocks: blk}
	b.top = &Section{Heading: NoSpan, Content: NoSpan}
	b.caption = NoSpan
	d.Sections = append(d.Sections, b.top)
	b.cur = b.top
	return b
}

// walk adds the blocks of root to the model. The tree is taken apart on
// the way: rules never see it, and a large file's tree outweighs the
// model, so the collector frees each block once it is visited.
func (b *builder) walk(root ast.Node) {
	b.walkBlocks(root, nil, 0)
	b.flushKeys()
}

// linkSections sets the parents of sections in document order, the first
// being the synthetic one: a heading is nested in the nearest one before
// it of a lower level.
func linkSections(sections []*Section) {
	top := sections[0]
	for i, s := range sections[1:] {
		p := sections[i]
		for p != nil && p.Level >= s.Level {
			p = p.Parent
		}
		if p == nil || p == top {
			continue
		}
		s.Parent = p
		s.Parents = append(append([]string(nil), p.Parents...), p.Title)
		p.Children++
	}
}

// builder turns the goldmark tree into the flat model in one walk.
type builder struct {
	doc   *Document
	year  int    // the current year, which bounds a loosely written year prefix
	links bool   // collect the document's links (Limits.Links)
	body  []byte // src without the BOM: goldmark's offsets index this
	base  int    // len(BOM): add to goldmark offsets to index Src
	top   *Section
	cur   *Section
	// str is Src seen as a string, without a copy, so that destinations
	// are substrings rather than one allocation each. Sound because a
	// Document's Src is never written (see Parse).
	str string
	*blocks
	// keys collects the name keys of the entries until flushKeys makes
	// them one string; lists counts the document's lists made before
	// this builder's.
	keys  []byte
	lists int
	// tags backs the entries' Tags.
	tags []Span
	// lines finds the lines of offsets, which come nearly in order.
	lines LineCursor
	// caption is the strong paragraph just visited that the list after it
	// takes as its Caption; NoSpan otherwise.
	caption Span
}

// blocks hands out entries and their rare records. A worker that builds
// piece after piece of a large file keeps one for all of them: each
// piece's last block, partly used, goes on with the next piece instead of
// being left behind (a megabyte a hundred pieces).
type blocks struct {
	entries slab[Entry]
	rares   slab[entryRare]
}

// slab hands out values in blocks, one allocation per many values.
// Blocks double from 8 values up to 40 KiB, a block the allocator serves
// in whole pages: any value keeps its whole block alive, and a fixed
// block of 40 KiB was 40 KB kept for a file of ten entries, 48 of every
// 49 bytes of a run over 10,000 small files. Values start zeroed.
type slab[T any] struct {
	free []T
	made int
}

func (s *slab[T]) next() *T {
	if len(s.free) == 0 {
		var zero T
		n := min(40<<10/int(unsafe.Sizeof(zero)), max(8, s.made))
		s.free = make([]T, n)
		s.made += n
	}
	v := &s.free[0]
	s.free = s.free[1:]
	return v
}

// newEntry returns the next item of lst, all its optional spans absent.
// Slab entries start zeroed, so only the other fields need setting: far
// cheaper than assigning a whole Entry.
func (b *builder) newEntry(lst *List) *Entry {
	e := b.entries.next()
	e.List, e.index, e.parts = lst, int32(len(lst.Items)), noParts
	if b.cur != lst.Section {
		b.rare(e).section = b.cur
	}
	return e
}

// rare returns e's record of rare parts, making it on first use, from a
// slab (in a tagged list every entry has one).
func (b *builder) rare(e *Entry) *entryRare {
	if e.rare == nil {
		e.rare = b.rares.next()
		*e.rare = noRare
	}
	return e.rare
}

// set sets e's part p to s, in the rare record when it does not fit 16
// bits from the base.
func (b *builder) set(e *Entry, p part, s Span) {
	base := int(e.base)
	switch {
	case s == NoSpan:
		e.parts[p] = span16{absent16, absent16}
	case s.Start >= base && s.End >= s.Start && s.End-base < far16:
		e.parts[p] = span16{uint16(s.Start - base), uint16(s.End - base)}
	default:
		e.parts[p] = span16{far16, far16}
		r := b.rare(e)
		if r.far == nil {
			r.far = new([numParts]span32)
		}
		r.far[p] = pack(s)
	}
}

// walkBlocks visits the block children of n. parent is the item holding
// them (nil outside lists); depth counts enclosing lists. Each child is
// cut from the tree once visited, so that the collector can free the parts
// of a large tree already turned into the model while the rest is built.
func (b *builder) walkBlocks(n ast.Node, parent *Entry, depth int) {
	for c := n.FirstChild(); c != nil; c = n.FirstChild() {
		if b.links {
			switch c.(type) {
			case *ast.List, *ast.Blockquote:
				// Their blocks come through here in turn.
			default:
				b.blockLinks(c)
			}
		}
		switch c := c.(type) {
		case *ast.Heading:
			b.heading(c)
		case *ast.List:
			b.list(c, parent, depth)
		case *ast.HTMLBlock:
			if !b.htmlBlock(c) && parent == nil {
				b.cur.Blocks++
			}
			if !b.cur.HTMLHeading && htmlHeading(c, b.body) {
				b.cur.HTMLHeading = true
			}
		case *ast.Paragraph, *ast.TextBlock:
			b.inlineComments(c)
			b.prose(c)
			if parent == nil {
				b.cur.Blocks++
				if _, ok := c.NextSibling().(*ast.List); ok {
					b.caption = b.strongLine(c)
				}
			}
		case *ast.LinkReferenceDefinition:
			// "[id]: url" renders as nothing: not content of a section.
		case *ast.Blockquote:
			if parent == nil {
				b.cur.Blocks++
			}
			b.walkBlocks(c, parent, depth)
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			b.codeBlock(c)
			if parent == nil {
				b.cur.Blocks++
			}
		case *ast.ThematicBreak:
			// A horizontal rule separates sections; it is not content.
		default:
			if parent == nil {
				b.cur.Blocks++
			}
		}
		n.RemoveChild(n, c)
	}
}

func (b *builder) heading(h *ast.Heading) {
	d := b.doc
	pos := b.pos(h)
	start := b.lineStart(pos)
	endLine := b.lines.Line(start)
	for pos < len(d.Src) && (d.Src[pos] == ' ' || d.Src[pos] == '\t') {
		pos++
	}
	setext := pos >= len(d.Src) || d.Src[pos] != '#'
	if setext {
		// Setext heading: the underline follows the last content line.
		if l := h.Lines(); l.Len() > 0 {
			endLine = b.lines.Line(b.base+l.At(l.Len()-1).Start) + 1
		}
		if endLine > d.LineCount() {
			endLine = d.LineCount()
		}
	}
	s := &Section{
		Level:   h.Level,
		Title:   string(bytes.TrimSpace(inlineText(h, b.body, nil))),
		Heading: Span{start, d.LineSpan(endLine).End},
		Setext:  setext,
		Content: NoSpan,
	}
	s.Form, s.Names, _ = bilingual(s.Title)
	if l := h.Lines(); l.Len() == 1 {
		s.Content = trimSpan(d.Src, Span{b.base + l.At(0).Start, b.base + l.At(0).Stop})
	}
	s.Rendered, s.OmitTOC = renderedText(h, b.body)
	b.cur = s
	d.Sections = append(d.Sections, s)
	b.inlineComments(h)
}

// strongLine returns the span of paragraph p's strong text when p is
// one line of strong text with no link or other markup inside ("**Tools**",
// "__Tools:__"), and nothing after it but blanks and HTML comments;
// NoSpan otherwise.
func (b *builder) strongLine(p ast.Node) Span {
	em, ok := p.FirstChild().(*ast.Emphasis)
	if !ok || em.Level != 2 || p.Lines().Len() != 1 {
		return NoSpan
	}
	for c := em.NextSibling(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			if len(bytes.TrimSpace(c.Segment.Value(b.body))) > 0 {
				return NoSpan
			}
		case *ast.RawHTML:
			if c.Segments.Len() == 0 || !bytes.HasPrefix(b.body[c.Segments.At(0).Start:], []byte("<!--")) {
				return NoSpan
			}
		default:
			return NoSpan
		}
	}
	end := -1
	for c := em.FirstChild(); c != nil; c = c.NextSibling() {
		t, ok := c.(*ast.Text)
		if !ok {
			return NoSpan
		}
		end = b.base + t.Segment.Stop
	}
	if end < 0 {
		return NoSpan
	}
	start := b.base + p.Lines().At(0).Start
	return Span{start, min(end+2, len(b.doc.Src))}
}

// htmlHeading reports whether an HTML block holds a heading ("<h3>") or
// the summary of a collapsible section, which stands where a heading
// would.
func htmlHeading(h *ast.HTMLBlock, body []byte) bool {
	l := h.Lines()
	for i := 0; i < l.Len(); i++ {
		seg := l.At(i)
		line := seg.Value(body)
		for j := bytes.IndexByte(line, '<'); j >= 0 && j+2 < len(line); {
			t := line[j+1:]
			if bytes.HasPrefix(t, []byte("summary")) || (t[0] == 'h' || t[0] == 'H') && t[1] >= '1' && t[1] <= '6' {
				return true
			}
			k := bytes.IndexByte(t, '<')
			if k < 0 {
				break
			}
			j += 1 + k
		}
	}
	return false
}

// htmlBlock records an HTML comment block and reports whether it was one.
func (b *builder) htmlBlock(h *ast.HTMLBlock) bool {
	l := h.Lines()
	if l.Len() == 0 {
		return false
	}
	start := b.base + l.At(0).Start
	if !bytes.HasPrefix(b.doc.Src[start:], []byte("<!--")) {
		return false
	}
	end := b.base + l.At(l.Len()-1).Stop
	if h.HasClosure() {
		end = b.base + h.ClosureLine.Stop
	}
	// A comment block runs to its "-->"; text after it on the last line
	// is still part of the HTML block, so stop at the marker.
	if i := bytes.Index(b.doc.Src[start:end], []byte("-->")); i >= 0 {
		end = start + i + 3
	}
	b.doc.Comments = append(b.doc.Comments, Span{start, end})
	return true
}

// inlineComments records the HTML comments inside the inline content of n.
func (b *builder) inlineComments(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if r, ok := c.(*ast.RawHTML); ok && r.Segments.Len() > 0 {
			start := b.base + r.Segments.At(0).Start
			end := b.base + r.Segments.At(r.Segments.Len()-1).Stop
			if bytes.HasPrefix(b.doc.Src[start:], []byte("<!--")) {
				b.doc.Comments = append(b.doc.Comments, Span{start, end})
			}
			continue
		}
		if l, ok := c.(*ast.Link); ok && len(l.Destination) > 0 && l.Destination[0] == '#' {
			b.fragmentLink(l)
		}
		if c.HasChildren() {
			b.inlineComments(c)
		}
	}
}

func (b *builder) list(l *ast.List, parent *Entry, depth int) {
	lst := &List{
		Marker:  l.Marker,
		Ordered: l.IsOrdered(),
		Loose:   !l.IsTight,
		Depth:   depth,
		Section: b.cur,
		Parent:  parent,
		Items:   make([]*Entry, 0, l.ChildCount()),
		Caption: b.caption,
		src:     b.str,
	}
	b.caption = NoSpan
	b.doc.Lists = append(b.doc.Lists, lst)
	for c := l.FirstChild(); c != nil; c = l.FirstChild() {
		// Cut, like walkBlocks' blocks, once visited.
		l.RemoveChild(l, c)
		li, ok := c.(*ast.ListItem)
		if !ok {
			continue
		}
		e := b.item(li, lst)
		if parent != nil {
			r := b.rare(parent)
			r.children = append(r.children, e)
		}
		b.walkBlocks(li, e, depth+1)
	}
	if n := len(lst.Items); n > 0 {
		lst.Span = Span{lst.Items[0].Item().Start, lst.Items[n-1].Item().End}
	}
	entries, anchors := anchorEntries(lst)
	linked := 0
	for _, it := range lst.Items {
		if it.Linked() {
			linked++
		}
	}
	lst.TOC = entries > 0 && anchors == entries
	n := len(lst.Items)
	lst.EntryList = !lst.TOC && (entries*2 > n || entries > 0 && linked >= 2 && linked*2 >= n)
}

func (b *builder) item(li *ast.ListItem, lst *List) *Entry {
	d := b.doc
	e := b.newEntry(lst)
	marker := b.marker(b.pos(li), lst)
	e.base = int32(indentStart(d.Src, marker.Start))
	b.set(e, partMarker, marker)
	end := b.lineEnd(marker.Start)
	if last := b.blockEnd(li); last > end {
		end = last
	}
	e.end = int32(end)
	lst.Items = append(lst.Items, e)
	d.Items = append(d.Items, e)

	para := li.FirstChild()
	switch para.(type) {
	case nil:
		e.flags |= flagEmpty
		return e
	case *ast.Paragraph, *ast.TextBlock:
	case *ast.List:
		e.setFlag(flagDoubleBullet, b.lines.Line(b.pos(para)) == b.lines.Line(marker.Start))
		return e
	default:
		return e
	}
	lines := para.Lines()
	if lines.Len() == 0 {
		return e
	}
	cs := b.base + lines.At(0).Start
	ce := b.base + lines.At(lines.Len()-1).Stop
	if lines.Len() > 1 {
		ce = b.folds(e, para, ce)
	}
	content := trimSpan(d.Src, Span{cs, ce})
	b.set(e, partContent, content)
	link, ok := para.FirstChild().(*ast.Link)
	if !ok {
		var label Span
		if link, label = b.labelledLink(para, content); label.Valid() {
			b.rare(e).label = pack(label)
		}
		if link == nil {
			e.setFlag(flagLinked, b.labelLeadsToLink(para, content))
			return e
		}
	} else if b.base+link.Pos() != content.Start {
		return e
	}
	b.entry(e, link)
	e.setFlag(flagLinked, e.IsEntry())
	return e
}

// indentStart returns where the blanks before the marker at off start.
func indentStart(src []byte, off int) int {
	for off > 0 && (src[off-1] == ' ' || src[off-1] == '\t') {
		off--
	}
	return off
}

// folds records the lines after the first of e's first paragraph that
// CommonMark folded into it though a reader sees a line of its own, and
// returns where e's text ends: before the first line that is not part of
// it, end when every line is.
func (b *builder) folds(e *Entry, para ast.Node, end int) int {
	d := b.doc
	src := d.Src
	lines := para.Lines()
	first := b.lines.Line(e.Marker().Start)
	// The text's column: a line indented less is lazy.
	col := columns(src[d.LineSpan(first).Start:b.base+lines.At(0).Start], 0)
	inlines := inlineCursor{next: para.FirstChild()}
	for i := 1; i < lines.Len(); i++ {
		start := b.base + lines.At(i).Start
		n := b.lines.Line(start)
		if n == first {
			continue // a segment after a hard break or an inline node
		}
		line := d.LineSpan(n)
		lead := src[line.Start:start]
		if bytes.IndexByte(lead, '>') >= 0 || start >= line.End {
			continue // inside a blockquote: its own margin
		}
		kind := foldKind(src, start, line.End, columns(lead, 0) < col)
		if kind == 0 || !inlines.startsAt(start-b.base) {
			// A line inside a link or code span that runs over lines
			// does not stand on its own.
			continue
		}
		d.Folds = append(d.Folds, Fold{Item: e, Line: Span{start, line.End}, Kind: kind})
		if kind.Foreign() && end > start {
			end = d.LineSpan(n - 1).End
		}
	}
	return end
}

// inlineCursor walks a paragraph's inline nodes for offsets asked in
// increasing order, as the paragraph's lines come: each node is passed
// once, where starting from the first node for every line took time
// quadratic in the lines (100,000 folded lines ran for minutes).
type inlineCursor struct{ next ast.Node }

// startsAt reports whether one of the paragraph's inline nodes starts at
// off, which is after every offset asked before.
func (c *inlineCursor) startsAt(off int) bool {
	for ; c.next != nil; c.next = c.next.NextSibling() {
		if p := c.next.Pos(); p >= off {
			return p == off
		}
	}
	return false
}

// foldKind classifies the line src[start:end] of an item's paragraph:
// 0 when it is plainly part of the item's text.
func foldKind(src []byte, start, end int, lazy bool) FoldKind {
	t := bytes.TrimRight(src[start:end], " \t")
	if markerGlued(t) {
		return FoldItem
	}
	if !lazy || t[0] == '|' {
		// A table row after an item starts a table on GitHub, whatever
		// CommonMark says.
		return 0
	}
	switch {
	case t[0] == '[':
		c := matchBracket(src, start, end)
		if c <= start+1 || c+1 >= end || src[c+1] != '(' {
			break
		}
		if c+2 < end && src[c+2] == '#' {
			return FoldBlock
		}
		// A link that a separator follows, or nothing, is an entry; one
		// that words follow ("[libfoo](u) written in C") continues a
		// sentence.
		if _, after, ok := scanInlineDest(src, c+2, end); ok {
			rest := bytes.TrimLeft(src[after:end], " \t")
			if len(rest) == 0 || bytes.HasPrefix(rest, []byte("<!--")) || separatorEnd(src, end-len(rest), end) > end-len(rest) {
				return FoldEntry
			}
		}
	case bytes.HasPrefix(t, []byte("![")):
		return FoldBlock
	case len(t) > 3 && (t[0] == '*' || t[0] == '_') &&
		(t[1] == '[' || t[1] == t[0] && (t[2] == '[' || t[len(t)-1] == t[0] && t[len(t)-2] == t[0])):
		// An emphasised link ("**[back to top](#contents)**") or a line
		// wholly in bold ("**Tools**"); emphasis that opens a sentence
		// ("*fast* parsing.") may continue the one above.
		return FoldBlock
	}
	return FoldText
}

// markerGlued reports whether t starts with a list marker glued to a
// link: "-[Name](url)", "+[Name]", "1.[Name]", and "*[Name]" unless a
// later "*" makes it emphasis.
func markerGlued(t []byte) bool {
	i := 0
	for i < len(t) && i < 9 && t[i] >= '0' && t[i] <= '9' {
		i++
	}
	if i+1 >= len(t) || t[i+1] != '[' {
		return false
	}
	switch c := t[i]; {
	case i > 0:
		return c == '.' || c == ')'
	case c == '*':
		return bytes.IndexByte(t[2:], '*') < 0
	default:
		return c == '-' || c == '+'
	}
}

// columns returns the column that blanks t reach from column from, tabs
// stopping at multiples of 4; other bytes count one each.
func columns(t []byte, from int) int {
	for _, c := range t {
		if c == '\t' {
			from += 4 - from%4
		} else {
			from++
		}
	}
	return from
}

// labelLeadsToLink reports whether the first line of an item's paragraph
// leads to a link with a short label: at most three words and 24
// characters and a colon before it, such as "Topic: [a](u), [b](v)" or
// "阿里：[Talk](u)". Without the colon the words are a sentence that
// mentions a link ("Eclipse has [a plugin](u)").
func (b *builder) labelLeadsToLink(para ast.Node, content Span) bool {
	src := b.doc.Src
	lineEnd := content.Start + bytes.IndexByte(src[content.Start:content.End], '\n')
	if lineEnd < content.Start {
		lineEnd = content.End
	}
	for c := para.FirstChild(); c != nil; c = c.NextSibling() {
		link, ok := c.(*ast.Link)
		if !ok {
			continue
		}
		pos := b.base + link.Pos()
		if pos < content.Start || pos >= lineEnd {
			return false
		}
		label := bytes.TrimSpace(src[content.Start:pos])
		topic := bytes.TrimRight(label, ":：")
		return len(topic) > 0 && len(topic) < len(label) && !bytes.ContainsAny(topic, "[]()*`<>:：") &&
			len(bytes.Fields(topic)) <= 3 && utf8.RuneCount(topic) <= 24
	}
	return false
}

// labelledLink finds the link of an item that starts with a group label
// in bold, "**Go**: [Title](url)" or "**Go:** [Title](url)": the label's
// text (without a colon) and the link right after it. It returns nil when
// the item does not start so.
func (b *builder) labelledLink(para ast.Node, content Span) (*ast.Link, Span) {
	em, ok := para.FirstChild().(*ast.Emphasis)
	src := b.doc.Src
	start := content.Start
	if !ok || em.Level != 2 || content.Len() < 5 || b.base+em.Pos() != start ||
		(src[start] != '*' && src[start] != '_') || src[start+1] != src[start] {
		return nil, NoSpan
	}
	delim := src[start : start+2]
	i := bytes.Index(src[start+2:content.End], delim)
	if i <= 0 {
		return nil, NoSpan
	}
	label := Span{start + 2, start + 2 + i}
	j := label.End + 2
	if j < content.End && src[j] == ':' {
		j++
	}
	j = skipBlanks(src, j, content.End)
	if label.End > label.Start && src[label.End-1] == ':' {
		label.End--
	}
	label = trimSpan(src, label)
	if label.Len() == 0 || bytes.IndexByte(src[label.Start:label.End], '\n') >= 0 {
		return nil, NoSpan
	}
	for n := em.NextSibling(); n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *ast.Link:
			if b.base+n.Pos() == j {
				return n, label
			}
			return nil, NoSpan
		case *ast.Text:
			// The ":" and blanks between label and link.
		default:
			return nil, NoSpan
		}
	}
	return nil, NoSpan
}

// marker returns the span of the list marker at or after off. goldmark
// points at the marker, except for tab-indented items, where it points at
// the content (which may itself start with "*" or "1."): rescan the line.
func (b *builder) marker(off int, lst *List) Span {
	src := b.doc.Src
	if s, ok := markerAt(src, off, lst); ok {
		return s
	}
	i := b.lineStart(off)
	for i < len(src) && (src[i] == ' ' || src[i] == '\t' || src[i] == '>') {
		i++
	}
	if s, ok := markerAt(src, i, lst); ok {
		return s
	}
	return Span{i, min(i+1, len(src))}
}

// markerAt returns the span of lst's marker at i, if one stands there
// followed by a space, a tab or the end of the line.
func markerAt(src []byte, i int, lst *List) (Span, bool) {
	j := i
	if lst.Ordered {
		for j < len(src) && j-i < 9 && src[j] >= '0' && src[j] <= '9' {
			j++
		}
		if j == i {
			return Span{}, false
		}
	}
	if j >= len(src) || src[j] != lst.Marker {
		return Span{}, false
	}
	j++
	if j < len(src) && src[j] != ' ' && src[j] != '\t' && src[j] != '\n' && src[j] != '\r' {
		return Span{}, false
	}
	return Span{i, j}, true
}

// blockEnd returns the end of the last non-blank source line of any block
// inside n (line ending excluded), or -1 when n holds none. Blocks come in
// source order, so the last one ends last: following last children costs
// the depth of n, not its size.
func (b *builder) blockEnd(n ast.Node) int {
	end := -1
	for c := n; c != nil; {
		l := c.Lines()
		if l.Len() > 0 {
			end = max(end, b.base+l.At(l.Len()-1).Stop)
		}
		switch c := c.(type) {
		case *ast.HTMLBlock:
			if c.HasClosure() {
				end = max(end, b.base+c.ClosureLine.Stop)
			}
		case *ast.FencedCodeBlock:
			// Lines() holds the content only: include the closing fence.
			end = max(end, b.closingFence(c))
		}
		last := c.LastChild()
		if last == nil || last.Type() != ast.TypeBlock {
			if l.Len() == 0 && c != n && c.Pos() >= 0 {
				// An empty block, such as an item with nothing after its
				// marker, still occupies its line.
				end = max(end, b.lineEnd(b.pos(c)))
			}
			break
		}
		c = last
	}
	if end < 0 {
		return -1
	}
	// Stop points past the line's content, sometimes past its ending.
	d := b.doc
	if end > 0 && end <= len(d.Src) && (d.Src[end-1] == '\n' || d.Src[end-1] == '\r') {
		end--
	}
	return b.lineEnd(end)
}

// codeBlock records the line span of a fenced or indented code block.
func (b *builder) codeBlock(c ast.Node) {
	d := b.doc
	l := c.Lines()
	var start, end int
	switch c := c.(type) {
	case *ast.FencedCodeBlock:
		if c.Pos() < 0 {
			return
		}
		start = b.lineStart(b.pos(c))
		end = b.closingFence(c)
	default:
		if l.Len() == 0 {
			return
		}
		start = b.lineStart(b.base + l.At(0).Start)
		end = b.lineEnd(b.base + l.At(l.Len()-1).Start)
	}
	d.Code = append(d.Code, Span{start, end})
}

// closingFence returns the end of a fenced code block's closing fence
// line, or of its last line when it has none.
func (b *builder) closingFence(c *ast.FencedCodeBlock) int {
	d := b.doc
	line := b.lines.Line(b.pos(c))
	if l := c.Lines(); l.Len() > 0 {
		line = b.lines.Line(b.base + l.At(l.Len()-1).Start)
	}
	if line < d.LineCount() {
		next := d.LineSpan(line + 1)
		t := bytes.TrimLeft(d.Src[next.Start:next.End], " \t>")
		if bytes.HasPrefix(t, []byte("```")) || bytes.HasPrefix(t, []byte("~~~")) {
			return next.End
		}
	}
	return d.LineSpan(line).End
}

// pos returns n's start offset in Src. goldmark's positions can point
// past the end of the input (a tab-indented block at the very end), or be
// unknown (-1): clamp them into the source.
func (b *builder) pos(n ast.Node) int {
	return min(max(b.base+n.Pos(), b.base), len(b.doc.Src))
}

// lineStart returns the start of the line holding off, past the BOM on
// the first line.
func (b *builder) lineStart(off int) int {
	return b.doc.LineSpan(b.lines.Line(off)).Start
}

// lineEnd returns the end of the line holding off, its ending excluded.
func (b *builder) lineEnd(off int) int {
	return b.doc.LineSpan(b.lines.Line(off)).End
}

// inlineText appends the text content of n's inline descendants to buf.
func inlineText(n ast.Node, src, buf []byte) []byte {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			buf = append(buf, c.Segment.Value(src)...)
			if c.SoftLineBreak() || c.HardLineBreak() {
				buf = append(buf, ' ')
			}
		case *ast.String:
			buf = append(buf, c.Value...)
		default:
			buf = inlineText(c, src, buf)
		}
	}
	return buf
}

func trimSpan(src []byte, s Span) Span {
	for s.Start < s.End && text.IsSpace(src[s.Start]) {
		s.Start++
	}
	for s.End > s.Start && text.IsSpace(src[s.End-1]) {
		s.End--
	}
	return s
}
