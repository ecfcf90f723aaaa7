// Package lint holds listlint's document model and the engine that runs
// rules over it. A file is parsed once with goldmark into a flat model of
// sections, lists and entries with byte spans; rules read only that model.
package lint

import (
	"bytes"
	"cmp"
	"iter"
	"slices"
	"sort"
	"unicode/utf8"
)

// Span is a half-open byte range [Start, End) in the original source,
// BOM included. An absent part is NoSpan.
type Span struct {
	Start, End int
}

// NoSpan marks a part an entry does not have.
var NoSpan = Span{-1, -1}

// Valid reports whether s names a range of the source.
func (s Span) Valid() bool { return s.Start >= 0 && s.End >= s.Start }

// Len is the byte length of s, 0 when absent.
func (s Span) Len() int {
	if !s.Valid() {
		return 0
	}
	return s.End - s.Start
}

// Document is one parsed Markdown file.
type Document struct {
	Path string
	// Src is the file as read, BOM and line endings included.
	Src []byte
	// BOM is true when Src starts with a UTF-8 byte order mark.
	BOM bool
	// LineEnding is the dominant line ending: "\n", "\r\n" or "\r".
	LineEnding string
	// LineStarts holds the byte offset at which each line starts.
	LineStarts []int
	// Sections in document order. Entries before the first heading belong
	// to a synthetic level-0 section with an empty title.
	Sections []*Section
	// Lists in document order, nested lists included.
	Lists []*List
	// Items holds every list item in document order, entries and
	// non-entries alike.
	Items []*Entry
	// Comments are the spans of HTML comments, block and inline.
	Comments []Span
	// Directives are the inline suppression comments (listlint-disable
	// and friends) in document order; see Suppressed.
	Directives []*Directive
	// Folds are the lines CommonMark folded into the first paragraph of
	// the item above them, in document order (see Fold).
	Folds []Fold
	// Code holds the span of every fenced or indented code block, from
	// the start of its first line (the opening fence) to the end of its
	// last line (the closing fence), in document order.
	Code []Span
	// ConflictMarkers are the lines a merge conflict left outside code
	// blocks ("<<<<<<< HEAD", "=======", ">>>>>>> branch"), without their
	// line endings, in document order. A lone "=======" with no opening
	// or closing marker around it is a setext underline, not one of them.
	ConflictMarkers []Span
	// Fragments are the links to "#anchors" of this document, wherever
	// they stand, in document order.
	Fragments []FragmentLink
	// prose spans the plain text of paragraphs (see Prose), in 32 bits:
	// one or more spans per entry of a large list.
	prose []span32
	// links are the document's links (see Links), collected only when
	// the parse was asked to (withLinks): a large list would otherwise
	// carry a Link per entry that only `listlint links` reads.
	links     []Link
	withLinks bool
	// Contents is the table of contents, nil when the document has none.
	Contents *Contents
	// anchors maps each anchor to its heading (nil for an HTML id);
	// looseAnchors maps heading anchors with trailing "-"s trimmed.
	anchors, looseAnchors map[string]*Section
}

// Section is a heading and what follows it up to the next heading.
type Section struct {
	Level int
	Title string
	// Rendered is the heading's text as GitHub renders it (images and
	// HTML dropped, escapes resolved); Anchor is its GitHub anchor,
	// repeated ones numbered. OmitTOC is true for a heading marked
	// "<!-- omit in toc -->".
	Rendered, Anchor string
	OmitTOC          bool
	// Heading is the span of the heading line; NoSpan for the synthetic
	// section before the first heading.
	Heading Span
	// Setext is true for a heading underlined with "=" or "-" rather
	// than written with "#".
	Setext bool
	// Form is how a bilingual heading joins its two names, one of Forms
	// ("Storage | 存储" is FormPipe); "" for any other heading. Names are
	// then the two names, trimmed, in order.
	Form  string
	Names [2]string
	// Content spans the heading's text in the source, without the "#"s,
	// closing "#"s and blanks; NoSpan for a heading of several lines and
	// for the synthetic section.
	Content Span
	// Parents are the titles of the enclosing sections, outermost first.
	Parents []string
	// Parent is the enclosing section, nil at the top.
	Parent *Section
	// Children counts the direct sub-sections.
	Children int
	// Items are the list items in this section (not its sub-sections),
	// nested items included.
	Items []*Entry
	// HTMLHeading is true when an HTML block of the section holds a
	// heading ("<h3>") or a collapsible section's "<summary>": a level
	// of the outline that Level does not show.
	HTMLHeading bool
	// Blocks counts the other blocks (paragraphs, code, HTML other than
	// comments, ...) directly in this section; thematic breaks are
	// decoration and do not count.
	Blocks int
}

// List is one goldmark List node.
type List struct {
	// Span covers the list from its first marker to the end of its last
	// item's last non-blank line.
	Span    Span
	Marker  byte
	Ordered bool
	Loose   bool
	Depth   int
	Section *Section
	// Parent is the item that holds a nested list, nil at top level.
	Parent *Entry
	Items  []*Entry
	// TOC is true for a table of contents: a list of Document.Contents,
	// or one whose entries all link to "#anchors". It is generated from headings, follows the
	// document's order and no entry style, so rules leave it alone.
	TOC bool
	// Caption spans a paragraph of strong text alone on the line just
	// above a top-level list ("**Tools**"), which stands over the list as
	// a heading would; NoSpan when none.
	Caption Span
	// EntryList is true when the list is not a table of contents and
	// either more than half of its items are entries, or at least half
	// (two at least, one an entry) are linked: entries, or items whose
	// first line leads with a short label to a link ("Topic: [a](u),
	// [b](v)"). Half, not a majority: a list whose linked items alternate
	// with bare ones is the one that most needs its bare items reported.
	// The floor of two keeps a note beside a single link out; prose lists
	// and nested notes stay out because most of their items do not start
	// with a link.
	EntryList bool
	// src is the document's source as a string, which entries' Dest and
	// URLKey slice; keys holds the name keys of the entries (see
	// Entry.NameKey), of this list and others.
	src, keys string
}

// Fold is a line CommonMark folded into the first paragraph of the item
// above it, where a reader sees a line of its own.
type Fold struct {
	Item *Entry
	// Line spans the line's text, from its first non-blank byte to its
	// end (line ending excluded).
	Line Span
	Kind FoldKind
}

// FoldKind tells what a folded line looks like.
type FoldKind uint8

const (
	// FoldItem is a line that reads as an item with no space after its
	// marker ("-[Name](url)", "1.[Name](url)"): CommonMark does not take
	// it for an item, whatever its indentation.
	FoldItem FoldKind = iota + 1
	// FoldEntry is a lazy line (indented less than the item's text) that
	// starts with a link to a page: an entry typed without its bullet.
	FoldEntry
	// FoldBlock is a lazy line that reads as a paragraph of its own: a
	// line wholly in bold or italics, a link to an #anchor ("back to
	// top"), an image.
	FoldBlock
	// FoldText is any other lazy line: text that continues the item's
	// paragraph without being indented under it.
	FoldText
)

// FoldLink returns the offset of the "[" that the link of a folded item
// or entry starts with, the byte after the marker of a FoldItem; -1 for
// the other kinds.
func (d *Document) FoldLink(f Fold) int {
	switch f.Kind {
	case FoldEntry:
		return f.Line.Start
	case FoldItem:
		i := f.Line.Start
		for d.Src[i] >= '0' && d.Src[i] <= '9' {
			i++
		}
		return i + 1
	}
	return -1
}

// Foreign reports whether a line of kind k is not part of the item's
// text: the item's Content ends before the first such line.
func (k FoldKind) Foreign() bool { return k != FoldText }

// LeadPunct returns the span of the punctuation that starts e's
// description, with the spaces after it (": . With…", "- text"); NoSpan
// when none. It is what Desc holds before Sentence.
func (e *Entry) LeadPunct() Span {
	switch {
	case !e.Desc().Valid() || e.Sentence().Start == e.Desc().Start:
		return NoSpan
	case !e.Sentence().Valid():
		return e.Desc() // punctuation only: "-"
	}
	return Span{e.Desc().Start, e.Sentence().Start}
}

// Text returns the source bytes of s as a string ("" when absent).
func (d *Document) Text(s Span) string {
	if !s.Valid() {
		return ""
	}
	return string(d.Src[s.Start:s.End])
}

// Line returns the 1-based line holding byte offset off.
func (d *Document) Line(off int) int {
	return sort.Search(len(d.LineStarts), func(i int) bool { return d.LineStarts[i] > off })
}

// LineCursor finds the lines of offsets that mostly come in document
// order, as items and their parts do: it steps on from the line it found
// last, and searches all lines as Document.Line does only for a jump.
type LineCursor struct {
	starts []int // Document.LineStarts
	n      int   // the line found last, 0 before the first
}

// Cursor returns a LineCursor over d's lines.
func (d *Document) Cursor() LineCursor { return LineCursor{starts: d.LineStarts} }

// Line returns the 1-based line holding byte offset off, as Document.Line
// does.
func (c *LineCursor) Line(off int) int {
	if n := c.n; n >= 1 && c.starts[n-1] <= off {
		for end := min(n+4, len(c.starts)); n < end && c.starts[n] <= off; n++ {
		}
		if n == len(c.starts) || off < c.starts[n] {
			c.n = n
			return n
		}
	}
	c.n = sort.Search(len(c.starts), func(i int) bool { return c.starts[i] > off })
	return c.n
}

// Position returns the 1-based line and column of byte offset off; the
// column counts characters, not bytes.
func (d *Document) Position(off int) (line, col int) {
	if off > len(d.Src) {
		off = len(d.Src)
	}
	line = d.Line(off)
	start := d.LineStarts[line-1]
	if line == 1 && d.BOM && off >= 3 {
		start = 3
	}
	return line, utf8.RuneCount(d.Src[start:off]) + 1
}

// BlankLine reports whether the 1-based line n is blank in CommonMark's
// sense: spaces and tabs only (a no-break space is text).
func (d *Document) BlankLine(n int) bool {
	s := d.LineSpan(n)
	return len(bytes.TrimLeft(d.Src[s.Start:s.End], " \t")) == 0
}

// ItemFrom returns the first item whose marker starts at off or after
// it, nil when none does.
func (d *Document) ItemFrom(off int) *Entry {
	i, _ := slices.BinarySearchFunc(d.Items, off, func(e *Entry, at int) int {
		return cmp.Compare(e.Marker().Start, at)
	})
	if i == len(d.Items) {
		return nil
	}
	return d.Items[i]
}

// LineSpan returns the span of the 1-based line n without its ending (and
// without the BOM on the first line).
func (d *Document) LineSpan(n int) Span {
	start := d.LineStarts[n-1]
	if n == 1 && d.BOM {
		start = len(bom)
	}
	end := len(d.Src)
	if n < len(d.LineStarts) {
		end = d.LineStarts[n]
	}
	for end > start && (d.Src[end-1] == '\n' || d.Src[end-1] == '\r') {
		end--
	}
	return Span{start, end}
}

// LineCount is the number of lines; a final newline ends the last line
// rather than starting an empty one.
func (d *Document) LineCount() int {
	n := len(d.LineStarts)
	if n > 1 && d.LineStarts[n-1] == len(d.Src) {
		n--
	}
	return n
}

// Prose yields the spans of the plain text of paragraphs, list items'
// included, in document order: text outside links, images, code spans
// and HTML, where a word is written by the author rather than quoted.
func (d *Document) Prose() iter.Seq[Span] {
	return func(yield func(Span) bool) {
		for _, s := range d.prose {
			if !yield(s.unpack()) {
				return
			}
		}
	}
}
