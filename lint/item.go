package lint

// Entry is one list item. IsEntry tells whether it starts with a link.
//
// Entries are most of the model's memory (a large list holds hundreds of
// thousands), so an entry keeps its parts small and rules read them
// through the methods below: the item's start and end as 32-bit offsets
// (Limits never accepts a larger file, see MaxSourceBytes), every other
// part as two 16-bit offsets from the start of the item's line, flags as
// bits, its name key as a range of its list's keys, and the parts few
// entries have (year, tags, label, stray text, nested items, a part too
// far from the line's start) in a record of their own. An entry is 88
// bytes; with a span of two ints per part and strings for its keys it
// was 432.
type Entry struct {
	List *List
	rare *entryRare
	// base is where the item's line starts (after a blockquote's ">"):
	// Indent runs from it to the marker. end is where Item ends.
	base, end int32
	index     int32
	// key is where NameKey stands in its list's keys.
	key      keyRange
	parts    [numParts]span16
	flags    entryFlags
	markup   Markup
	trailing Markup
}

// span16 is a part's offsets from its entry's base; absent16 in start
// marks an absent part, far16 a part kept in the rare record.
type span16 struct{ start, end uint16 }

const (
	absent16 = 0xffff
	far16    = 0xfffe
)

// part names a span every entry has room for.
type part uint8

const (
	partMarker part = iota
	partContent
	partLink
	partText
	partName
	partURL
	partSeparator
	partDesc
	partSentence
	partTrailer
	partURLKey
	numParts
)

// keyRange is a range of a List's keys.
type keyRange struct{ start, len uint32 }

// noParts is every part absent, what a new entry starts from.
var noParts = func() (p [numParts]span16) {
	for i := range p {
		p[i] = span16{absent16, absent16}
	}
	return p
}()

// span32 is a Span in 32-bit offsets, for the rare record.
type span32 struct{ start, end int32 }

var noSpan32 = span32{-1, -1}

func pack(s Span) span32 { return span32{int32(s.Start), int32(s.End)} }

func (s span32) unpack() Span { return Span{int(s.start), int(s.end)} }

// part returns the span of part p.
func (e *Entry) part(p part) Span {
	r := e.parts[p]
	if r.start < far16 {
		return Span{int(e.base) + int(r.start), int(e.base) + int(r.end)}
	}
	if r.start == absent16 {
		return NoSpan
	}
	return e.rare.far[p].unpack()
}

type entryFlags uint8

const (
	flagEmpty entryFlags = 1 << iota
	flagDoubleBullet
	flagLinked
	flagIsEntry
	flagReference
)

// entryRare holds what few entries have; an entry without any has none.
type entryRare struct {
	label, year, yearSep, stray span32
	yearValue                   int32
	tags, wordTags              []Span
	children                    []*Entry
	// dest is the destination of a link without a URL span (a reference,
	// a destination with escapes); the others read theirs from the source.
	dest string
	// urlKey is the URLKey when it is not part of the source.
	urlKey string
	// section is the item's section when it is not its list's (a
	// heading inside an earlier item of the list moved on).
	section *Section
	// far holds the parts too far from the base for 16 bits.
	far *[numParts]span32
}

var noRare = entryRare{label: noSpan32, year: noSpan32, yearSep: noSpan32, stray: noSpan32}

func (e *Entry) setFlag(f entryFlags, on bool) {
	if on {
		e.flags |= f
	} else {
		e.flags &^= f
	}
}

// Index is the item's position in List.Items.
func (e *Entry) Index() int { return int(e.index) }

// Section is the section the item stands in.
func (e *Entry) Section() *Section {
	if e.rare != nil && e.rare.section != nil {
		return e.rare.section
	}
	return e.List.Section
}

// Item covers the whole item block from its marker to the end of its
// last non-blank line (line ending excluded), nested items included.
func (e *Entry) Item() Span { return Span{e.Marker().Start, int(e.end)} }

// Marker is the bullet or ordinal with its delimiter.
func (e *Entry) Marker() Span { return e.part(partMarker) }

// Indent spans the blanks before the marker on its line (after a
// blockquote's ">"); empty at the margin.
func (e *Entry) Indent() Span { return Span{int(e.base), e.Marker().Start} }

// Content covers the item's first paragraph, trimmed, up to the first
// folded line that is not part of it (see FoldKind).
func (e *Entry) Content() Span { return e.part(partContent) }

// Empty is true for an item with nothing after its marker.
func (e *Entry) Empty() bool { return e.flags&flagEmpty != 0 }

// DoubleBullet is true when the item's first block is a list that starts
// on the item's own line ("* * [x](u)").
func (e *Entry) DoubleBullet() bool { return e.flags&flagDoubleBullet != 0 }

// Linked is true for an entry and for an item whose first line leads to
// a link with a short label ("Topic: [a](u), [b](v)").
func (e *Entry) Linked() bool { return e.flags&flagLinked != 0 }

// IsEntry is true when the item's text starts with a link, or with a
// group label and then a link.
func (e *Entry) IsEntry() bool { return e.flags&flagIsEntry != 0 }

// Label spans the text of a group label in bold before the link ("**Go**"
// in "- **Go**: [Title](url) - ..."); NoSpan when absent. Items sharing a
// label form a group, and a list of such items is ordered by label.
func (e *Entry) Label() Span {
	if e.rare == nil {
		return NoSpan
	}
	return e.rare.label.unpack()
}

// Link spans the whole link, from "[" to its closing ")" or "]".
func (e *Entry) Link() Span { return e.part(partLink) }

// Text spans the link text between the brackets.
func (e *Entry) Text() Span { return e.part(partText) }

// Year spans the four digits of a year prefix; NoSpan when absent.
func (e *Entry) Year() Span {
	if e.rare == nil {
		return NoSpan
	}
	return e.rare.year.unpack()
}

// YearSep spans what stands between a year prefix and the name.
func (e *Entry) YearSep() Span {
	if e.rare == nil {
		return NoSpan
	}
	return e.rare.yearSep.unpack()
}

// YearValue is the year of the prefix, 0 when absent.
func (e *Entry) YearValue() int {
	if e.rare == nil {
		return 0
	}
	return int(e.rare.yearValue)
}

// Name spans the link text without year prefix and tags.
func (e *Entry) Name() Span { return e.part(partName) }

// Tags span every #Word# in the link text, hashes included.
func (e *Entry) Tags() []Span {
	if e.rare == nil {
		return nil
	}
	return e.rare.tags
}

// WordTags are the Tags whose inside is letters only ("#Project#"), the
// markers a tagged list puts on its entries; "#v2#" or "#C-3#" inside a
// name are not. It shares Tags' array when every tag is one.
func (e *Entry) WordTags() []Span {
	if e.rare == nil {
		return nil
	}
	return e.rare.wordTags
}

// URL spans the destination in the source; NoSpan for reference links
// (whose destination lives elsewhere). Dest is the destination either way.
func (e *Entry) URL() Span { return e.part(partURL) }

// Dest is the link's destination.
func (e *Entry) Dest() string {
	if e.parts[partURL].start != absent16 {
		u := e.URL()
		return e.List.src[u.Start:u.End]
	}
	if e.rare == nil {
		return ""
	}
	return e.rare.dest
}

// Reference is true for [text][ref] and [text] links.
func (e *Entry) Reference() bool { return e.flags&flagReference != 0 }

// Stray spans characters glued to the link's end that belong to nothing,
// left over from an edit: ")" or "]" ("[x](u))"), or a period with
// nothing after it or before a separator ("[x](u)."); NoSpan when none.
// They are also part of Desc (or Separator).
func (e *Entry) Stray() Span {
	if e.rare == nil {
		return NoSpan
	}
	return e.rare.stray.unpack()
}

// Separator spans what stands between the link and the description, past
// code spans and emoji shortcodes that mark the link ("[Name](url) `⚠` -
// ...", "[Name](url) :zap: - ..."). An arrow ("->", "=>", "→") is one
// separator, taken whole; a colon glued to the link before a port or a
// time ("[host](url):8080") is none.
func (e *Entry) Separator() Span { return e.part(partSeparator) }

// Desc spans the description, trimmed; NoSpan when absent.
func (e *Entry) Desc() Span { return e.part(partDesc) }

// Sentence spans the description's text: Desc without leading
// punctuation (see LeadPunct) and Trailer, trimmed; NoSpan when nothing
// is left.
func (e *Entry) Sentence() Span { return e.part(partSentence) }

// Trailer spans the metadata after the sentence, up to Desc.End: code
// spans, badges, emphasised markers, links, tags after a finished
// sentence ("… in Lisp. **[Deprecated]**", "… tool. [MIT]"); NoSpan when
// none.
func (e *Entry) Trailer() Span { return e.part(partTrailer) }

// SentenceMarkup is the construct the sentence ends with when that may be
// part of it or not: a link ("Client for [imgur](…)", "中文，[x](…)"), a
// bracketed tag, a parenthesis or emphasised words, with MarkupWhole when
// the sentence is nothing else; MarkupEmoji for an emoji, :shortcode: or
// emoticon, which ends a sentence as "!" does.
func (e *Entry) SentenceMarkup() Markup { return e.markup }

// Trailing holds the kinds of constructs in Trailer.
func (e *Entry) Trailing() Markup { return e.trailing }

// NameKey is the normalised name used for sorting and duplicate
// detection; "" for an item that is not an entry.
func (e *Entry) NameKey() string {
	return e.List.keys[e.key.start : e.key.start+e.key.len]
}

// URLKey is the normalised destination used for duplicate detection; ""
// for an item that is not an entry.
func (e *Entry) URLKey() string {
	if e.parts[partURLKey].start != absent16 {
		k := e.part(partURLKey)
		return e.List.src[k.Start:k.End]
	}
	if e.rare == nil {
		return ""
	}
	return e.rare.urlKey
}

// Children are the items of lists nested in this one.
func (e *Entry) Children() []*Entry {
	if e.rare == nil {
		return nil
	}
	return e.rare.children
}
