package rules

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"math/bits"
	"slices"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/listlint/listlint/lint"
)

// SortOrder checks that the entries of each list are in order.
var SortOrder = &lint.Rule{
	ID:    "sort-order",
	Title: "entries of a list are in alphabetical order",
	Doc: `Readers scan a long list for a name; an alphabetical list lets them find
it, and lets contributors see where a new entry goes.

The rule looks at runs of entries: consecutive items of one list that start
with a link. A heading, an HTML comment at the start of a line, a change of
bullet or an item without a link ends a run, so a maintainer can split a
list into groups that are sorted on their own. Nested lists are sorted
independently of their parent. A table of contents (a run whose links all
point at "#anchors") follows the document's order and is not checked.

Names are compared the way a reader compares them: case and accents are
ignored, and so are the year prefix, the #Tag# and any leading punctuation,
so "gVisor" sorts between "Firecracker" and "Hyper", "1Backend" before
"faas", and "2017-REX-Ray" as "REX-Ray". Entries with equal keys keep their
order.

One finding per unsorted run, at the first entry that sorts before the one
above it. The fix reorders the whole run in one edit: each entry moves with
its nested items, continuation lines and indented comments, and the blank
lines between entries stay where they are, so the list keeps its style.

Options:
  by   "name" (default) sorts by name; "year" checks that dated entries
       ("2019-Name") ascend by year, undated entries may stand anywhere;
       "none" turns the check off.`,
	Bad: `- [LightVM](https://example.org/lightvm): A tiny VM.
- [gVisor](https://example.org/gvisor): A user-space kernel.
`,
	Good: `- [gVisor](https://example.org/gvisor): A user-space kernel.
- [LightVM](https://example.org/lightvm): A tiny VM.
`,
	Severity: lint.Warning,
	Fixable:  true,
	Options: []lint.Option{{
		Name:    "by",
		Default: "name",
		Doc:     `what orders a run: "name", "year" (dated entries ascending) or "none"`,
		Allowed: []string{"name", "year", "none"},
	}},
	Check: checkSortOrder,
}

func checkSortOrder(p *lint.Pass) {
	by := p.String("by")
	if by == "none" {
		return
	}
	s := sorter{doc: p.Doc, byYear: by == "year"}
	for _, l := range p.Doc.Lists {
		start := 0
		for i := 0; i <= len(l.Items); i++ {
			pinned := i < len(l.Items) && l.Items[i].IsEntry && p.Doc.Pinned(l.Items[i], "sort-order")
			if i < len(l.Items) && l.Items[i].IsEntry && !pinned {
				continue
			}
			if i-start >= 2 {
				s.run(p, l, l.Items[start:i])
			}
			if pinned {
				s.pinned(p, l.Items, i)
			}
			start = i + 1
		}
	}
}

// pinned reports, without a fix, a pinned entry (suppressed, or carrying
// a suppression comment) that is out of order with the entry above or
// below it: it bounds the runs around it and never moves, but a
// suppression must see the finding it silences.
func (s *sorter) pinned(p *lint.Pass, items []*lint.Entry, i int) {
	e := items[i]
	less := func(a, b *lint.Entry) bool {
		if s.byYear {
			return a.YearValue != 0 && b.YearValue != 0 && a.YearValue < b.YearValue
		}
		return s.compareNames(a, b) < 0
	}
	switch {
	case i > 0 && items[i-1].IsEntry && less(e, items[i-1]):
		p.Report(e.Link.Start, e.Link.End, nil, "%s is out of order: it belongs before %s",
			lint.Quote(display(s.doc, e)), lint.Quote(display(s.doc, items[i-1])))
	case i+1 < len(items) && items[i+1].IsEntry && less(items[i+1], e):
		p.Report(e.Link.Start, e.Link.End, nil, "%s is out of order: it belongs after %s",
			lint.Quote(display(s.doc, e)), lint.Quote(display(s.doc, items[i+1])))
	}
}

// sorter checks and fixes runs of one document.
type sorter struct {
	doc    *lint.Document
	byYear bool
	runes  []rune // scratch for nameKey
	arena  []byte // backs the keys nameKey returns
}

func (s *sorter) run(p *lint.Pass, l *lint.List, run []*lint.Entry) {
	if isTOC(run) {
		return
	}
	if !s.byYear && s.namesSorted(run) {
		// A clean run, the common case, needs no keys.
		return
	}
	// Keys are needed only while this run is checked: reuse the arena.
	s.arena = s.arena[:0]
	// keys[i] orders run[i]; with byYear, undated entries have no key and
	// do not take part.
	keys := make([][]byte, len(run))
	var ranked []int // indexes of the entries that take part
	for i, e := range run {
		if s.byYear {
			if e.YearValue == 0 {
				continue
			}
			keys[i] = []byte{byte(e.YearValue >> 8), byte(e.YearValue)}
		} else {
			keys[i] = s.nameKey(e)
		}
		ranked = append(ranked, i)
	}
	// The first entry that sorts before the one above it, and the first
	// entry above it that it belongs before (the prefix is sorted).
	bad, before := -1, -1
	for k := 1; k < len(ranked); k++ {
		if bytes.Compare(keys[ranked[k]], keys[ranked[k-1]]) < 0 {
			bad = ranked[k]
			for _, j := range ranked[:k] {
				if bytes.Compare(keys[bad], keys[j]) < 0 {
					before = j
					break
				}
			}
			break
		}
	}
	if bad < 0 {
		return
	}
	sorted := slices.Clone(ranked)
	slices.SortStableFunc(sorted, func(a, b int) int { return bytes.Compare(keys[a], keys[b]) })
	order := make([]int, len(run)) // order[k] is the entry that goes to position k
	for k := range order {
		order[k] = k
	}
	for k, pos := range ranked {
		order[pos] = sorted[k]
	}
	fix := s.fix(l, run, order)
	if s.reportChanged(p, run, keys, ranked, fix) {
		return
	}
	e := run[bad]
	p.Report(e.Link.Start, e.Link.End, fix,
		"%s is out of order: it belongs before %s", lint.Quote(display(s.doc, e)), lint.Quote(display(s.doc, run[before])))
}

// namesSorted reports whether no entry of run sorts by name before the
// one above it.
func (s *sorter) namesSorted(run []*lint.Entry) bool {
	for k := 1; k < len(run); k++ {
		if s.compareNames(run[k], run[k-1]) < 0 {
			return false
		}
	}
	return true
}

// compareNames orders two entries by name: its sign is that of
// bytes.Compare(s.nameKey(a), s.nameKey(b)). Two ASCII names, the common
// case, are compared without building keys; otherwise it compares the
// keys, and drops them from the arena again, so keys the caller holds
// stay valid.
func (s *sorter) compareNames(a, b *lint.Entry) int {
	na := s.doc.Src[a.Name.Start:a.Name.End]
	nb := s.doc.Src[b.Name.Start:b.Name.End]
	if isASCII(na) && isASCII(nb) {
		if c, ok := compareASCIINames(na, nb); ok {
			return c
		}
	}
	start := len(s.arena)
	c := bytes.Compare(s.nameKey(a), s.nameKey(b))
	s.arena = s.arena[:start]
	return c
}

// compareASCIINames compares two ASCII names as their nameKeys compare,
// walking both in step: the same letter or punctuation is the same unit,
// letters compare without case, a run of white space is one space, and
// numbers compare by length without leading zeros, then by digits. It
// gives up (false) on two numbers whose lengths differ by a multiple of
// 65536, which the keys encode alike.
func compareASCIINames(a, b []byte) (int, bool) {
	a, b = trimToAlnum(a), trimToAlnum(b)
	// Skip the bytes both names share, back to the start of a number or
	// white space they end in, which may go on differently: up to there
	// both yield the same units.
	p := commonPrefix(a, b)
	for p > 0 && (isDigitByte(a[p-1]) || isFoldSpace(a[p-1])) {
		p--
	}
	a, b = a[p:], b[p:]
	for len(a) > 0 && len(b) > 0 {
		x, y := a[0], b[0]
		if x == y && x > ' ' && (x < '0' || x > '9') {
			// Same letter or punctuation: the common prefix.
			a, b = a[1:], b[1:]
			continue
		}
		dx, dy := isDigitByte(x), isDigitByte(y)
		switch {
		case dx && dy:
			i, j := digitsEnd(a), digitsEnd(b)
			na, nb := trimZeros(a[:i]), trimZeros(b[:j])
			if len(na) != len(nb) {
				if len(na)&0xffff == len(nb)&0xffff {
					return 0, false
				}
				return cmp.Compare(len(na)&0xffff, len(nb)&0xffff), true
			}
			if c := bytes.Compare(na, nb); c != 0 {
				return c, true
			}
			a, b = a[i:], b[j:]
			continue
		case dx:
			// A number (class digit) against a letter or any other unit.
			return cmp.Compare(1, unitOf(y)>>8), true
		case dy:
			return cmp.Compare(unitOf(x)>>8, 1), true
		}
		ux, uy := unitOf(x), unitOf(y)
		if ux != uy {
			return cmp.Compare(ux, uy), true
		}
		if ux == ' ' {
			a, b = trimSpace(a), trimSpace(b)
		} else {
			a, b = a[1:], b[1:]
		}
	}
	return cmp.Compare(len(a), len(b)), true
}

// unitOf is the key unit of an ASCII byte that is not a digit, as class
// and folded byte: letters lower case, white space as a space.
func unitOf(c byte) uint16 {
	switch {
	case 'a' <= c && c <= 'z':
		return 2<<8 | uint16(c)
	case 'A' <= c && c <= 'Z':
		return 2<<8 | uint16(c+'a'-'A')
	case isFoldSpace(c):
		return ' '
	}
	return uint16(c)
}

// commonPrefix is the length of the longest common prefix of a and b.
func commonPrefix(a, b []byte) int {
	n := min(len(a), len(b))
	p := 0
	for ; p+8 <= n; p += 8 {
		if x := binary.LittleEndian.Uint64(a[p:]) ^ binary.LittleEndian.Uint64(b[p:]); x != 0 {
			return p + bits.TrailingZeros64(x)/8
		}
	}
	for p < n && a[p] == b[p] {
		p++
	}
	return p
}

// trimToAlnum drops what precedes the first ASCII letter or digit.
func trimToAlnum(b []byte) []byte {
	for len(b) > 0 && !isAlnumByte(b[0]) {
		b = b[1:]
	}
	return b
}

// trimSpace drops leading white space.
func trimSpace(b []byte) []byte {
	for len(b) > 0 && isFoldSpace(b[0]) {
		b = b[1:]
	}
	return b
}

// trimZeros drops the leading zeros of a number, keeping one digit.
func trimZeros(b []byte) []byte {
	for len(b) > 1 && b[0] == '0' {
		b = b[1:]
	}
	return b
}

// digitsEnd is the length of the run of digits b starts with.
func digitsEnd(b []byte) int {
	i := 0
	for i < len(b) && isDigitByte(b[i]) {
		i++
	}
	return i
}

func isDigitByte(c byte) bool { return '0' <= c && c <= '9' }

// isAlnumByte reports an ASCII letter or digit; c|0x20 lowers a letter.
func isAlnumByte(c byte) bool {
	lower := c | 0x20
	return isDigitByte(c) || 'a' <= lower && lower <= 'z'
}

// isFoldSpace reports the white space foldRune turns into a space.
func isFoldSpace(c byte) bool { return c == ' ' || '\t' <= c && c <= '\r' }

// nameKey is the sort key of an entry's name without year prefix, tags
// and leading punctuation. Letters are compared without case, accents or
// width ("Bärner" as "barner", "Ｇo" as "go"); numbers by value ("Part 2"
// before "Part 10"); spaces and punctuation sort before digits and digits
// before letters, and punctuation among itself in ASCII order, as in the
// byte order most sorted lists keep ("Go plugin" < "go-mode" < "go_json" <
// "go2" < "goa"). Each unit is encoded as a class byte and three bytes so
// that bytes.Compare orders keys.
func (s *sorter) nameKey(e *lint.Entry) []byte {
	name := s.doc.Src[e.Name.Start:e.Name.End]
	for len(name) > 0 {
		r, size := utf8.DecodeRune(name)
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			break
		}
		name = name[size:]
	}
	// Fold first: NFKD, drop accents, lower case, one space per run.
	runes := s.runes[:0]
	if isASCII(name) {
		// Nothing to decompose: skip the normaliser, the common case.
		for _, c := range name {
			runes = foldRune(runes, rune(c))
		}
	} else {
		var it norm.Iter
		it.Init(norm.NFKD, name)
		for !it.Done() {
			for seg := it.Next(); len(seg) > 0; {
				r, size := utf8.DecodeRune(seg)
				seg = seg[size:]
				runes = foldRune(runes, r)
			}
		}
	}
	s.runes = runes
	// Keys live in one arena, reset for each run: one allocation for many
	// keys. Growing it leaves earlier keys in the old array, still valid.
	start := len(s.arena)
	key := s.arena
	for i := 0; i < len(runes); i++ {
		r := runes[i]
		switch {
		case r >= '0' && r <= '9':
			// A number: its length without leading zeros, then its digits.
			j := i
			for j < len(runes) && runes[j] >= '0' && runes[j] <= '9' {
				j++
			}
			for i < j-1 && runes[i] == '0' {
				i++
			}
			key = append(key, 1, 0, byte((j-i)>>8), byte(j-i))
			for ; i < j; i++ {
				key = append(key, 1, 0, 0, byte(runes[i]))
			}
			i--
			continue
		case unicode.IsLetter(r):
			key = append(key, 2)
		case unicode.IsDigit(r):
			key = append(key, 1)
		default:
			key = append(key, 0)
		}
		key = append(key, byte(r>>16), byte(r>>8), byte(r))
	}
	s.arena = key
	return key[start:len(key):len(key)]
}

// foldRune appends r folded for comparison: accents (once decomposed)
// dropped, lower case, one space for a run of white space.
func foldRune(runes []rune, r rune) []rune {
	switch {
	case r < utf8.RuneSelf:
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		} else if r == ' ' || '\t' <= r && r <= '\r' {
			if n := len(runes); n > 0 && runes[n-1] == ' ' {
				return runes
			}
			r = ' '
		}
	case unicode.Is(unicode.Mn, r):
		return runes
	case unicode.IsSpace(r):
		if n := len(runes); n > 0 && runes[n-1] == ' ' {
			return runes
		}
		r = ' '
	default:
		r = unicode.ToLower(r)
	}
	return append(runes, r)
}

func isASCII(b []byte) bool {
	// Eight bytes at a time: names are checked on every comparison.
	for len(b) >= 8 {
		if binary.LittleEndian.Uint64(b)&0x8080808080808080 != 0 {
			return false
		}
		b = b[8:]
	}
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// display is the link text an entry is known by: year prefix and name,
// without tags.
func display(doc *lint.Document, e *lint.Entry) string {
	start := e.Name.Start
	if e.Year.Valid() {
		start = e.Year.Start
	}
	return doc.Text(lint.Span{Start: start, End: e.Name.End})
}

// isTOC reports whether every link of the run points into the document:
// a table of contents follows the document's order, not the alphabet.
func isTOC(run []*lint.Entry) bool {
	for _, e := range run {
		if len(e.Dest) == 0 || e.Dest[0] != '#' {
			return false
		}
	}
	return true
}

// fix moves the entries of run so that order[k] stands at position k. The
// text between entries (line breaks, blank lines, indentation) stays in
// place. It returns nil when moving text could change the Markdown: items
// at different indentations, ordinals of different widths, or something
// other than white space between items.
func (s *sorter) fix(l *lint.List, run []*lint.Entry, order []int) *lint.Fix {
	src := s.doc.Src
	first, last := -1, -1
	for k, i := range order {
		if k != i {
			if first < 0 {
				first = k
			}
			last = k
		}
	}
	if first < 0 {
		return nil
	}
	col := s.column(run[0])
	for i, e := range run {
		if s.column(e) != col || e.Marker.Len() != run[0].Marker.Len() {
			return nil
		}
		if i > 0 && !allBlank(src[run[i-1].Item.End:e.Item.Start]) {
			return nil
		}
	}
	// An ordered list keeps its numbers in place; bullets travel.
	body := func(e *lint.Entry) lint.Span {
		if l.Ordered {
			return lint.Span{Start: e.Marker.End, End: e.Item.End}
		}
		return e.Item
	}
	start := body(run[first]).Start
	end := run[last].Item.End
	var b bytes.Buffer
	b.Grow(end - start)
	moves := make([]lint.Span, 0, last-first+1)
	for k := first; k <= last; k++ {
		if k > first {
			b.Write(src[body(run[k-1]).End:body(run[k]).Start])
		}
		sp := body(run[order[k]])
		b.Write(src[sp.Start:sp.End])
		moves = append(moves, sp)
	}
	return &lint.Fix{
		Message: "sort the list",
		Edits:   []lint.TextEdit{{Pos: start, End: end, NewText: b.String()}},
		Moves:   moves,
	}
}

// column is the byte offset of an item's marker in its line.
func (s *sorter) column(e *lint.Entry) int {
	line := s.doc.Line(e.Marker.Start)
	start := s.doc.LineStarts[line-1]
	if line == 1 && s.doc.BOM {
		start += 3
	}
	return e.Marker.Start - start
}

func allBlank(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			return false
		}
	}
	return true
}
