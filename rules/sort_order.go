package rules

import (
	"bytes"
	"slices"
	"strings"

	"github.com/listlint/listlint/lint"
)

// Options of sort-order.
var (
	sortBy = lint.EnumOption("by", "auto",
		`what orders a run: "auto" (the file's own order), "name", "year" (dated entries ascending), "year-desc" (newest first) or "none"`,
		"auto", "name", "year", "year-desc", "none")
	sortLocale = lint.StringOption("locale", "root", `BCP 47 tag of the language whose collation orders names, or "root"`)
)

// SortOrder checks that the entries of each list are in order.
var SortOrder = &lint.Rule{
	ID:    "sort-order",
	Title: "entries of a list are in order",
	Doc: `Readers scan a long list for a name; an alphabetical list lets them find
it, and lets contributors see where a new entry goes. Many lists are kept
in another order on purpose (by date, by popularity, new entries at the
bottom), so by default the rule follows the order the file already keeps.

The rule looks at runs of entries: consecutive items of one list that start
with a link. A heading, an HTML comment at the start of a line, a change of
bullet or an item without a link ends a run, so a maintainer can split a
list into groups that are sorted on their own. Nested lists are sorted
independently of their parent. A table of contents (a list whose links all
point at "#anchors") follows the document's order and is not checked.

Names are compared the way a reader compares them, with the Unicode
collation of a locale: case and accents are ignored ("Łódź" sorts among
the L names), numbers compare by value ("Part 2" before "Part 10"), a run
of punctuation, spaces or symbols is a word break, which sorts before
letters and digits ("RSS-Bridge" before "RSS Monster", "go-mode" before
"gocode"), and the year prefix and the #Tag# do not count. Where word
breaks alone decide, byte order is accepted too, as many lists keep it
("Go plugin" before "go-mode"). In the root locale, so is byte order
for a name that starts with a symbol ("#elixir-lang" first) and for two
names that first differ in letters beyond ASCII ("µStreamer" and "üWave",
or two CJK names, whose code point order means nothing to a reader);
and, in a file that mostly puts a name after the names that extend it
(sorted by link text: "[Calibre Web]" after "[Calibre Web Automated]"),
that order. Items grouped by a label in bold ("- **Go**:
[Title](url)") are in order when their labels are; items with the same
label keep their order. Entries with equal keys keep their order.

With "by: auto" (the default) the file decides: name order when more
than half of its runs of three entries or more are in name order
already, year order when most of its dated runs ("2019-Name") go up in
time, newest first when most go down, and no check otherwise. Name
order also needs four in five neighbouring entries in name order (85% of
twenty pairs or more tell name order alone, where slips broke the runs), and
any order four neighbouring pairs in it, so that short runs sorted by
chance decide nothing. In a file auto finds in name order, a run of
five entries or more with fewer than three in five neighbours in order
is a list kept otherwise (news by date, versions newest first) and is
left alone; "owner/repo" names may be sorted by the repository's name.
"listlint check --show-config FILE" shows what
auto resolves to and why. The examples below are checked by name.

One finding per unsorted run, at the first entry that sorts before the one
above it. The fix reorders the whole run in one edit: each entry moves with
its nested items, continuation lines and indented comments, and the blank
lines between entries stay where they are, so the list keeps its style.

Options:
  by      "auto" (default) as above; "name" sorts by name; "year" checks
          that dated entries ascend by year, "year-desc" that they
          descend (newest first), undated entries may stand anywhere;
          "none" turns the check off.
  locale  the BCP 47 tag of the language whose collation orders names
          ("sv", "de-u-co-phonebk"); "root" (default) is the order
          common to most languages. An unknown tag means root.`,
	Bad: `- [LightVM](https://example.org/lightvm): A tiny VM.
- [gVisor](https://example.org/gvisor): A user-space kernel.
- [Kata](https://example.org/kata): Light VMs.
`,
	Good: `- [gVisor](https://example.org/gvisor): A user-space kernel.
- [Kata](https://example.org/kata): Light VMs.
- [LightVM](https://example.org/lightvm): A tiny VM.
`,
	Severity: lint.Warning,
	Fixable:  true,
	Options:  []lint.Option{sortBy.Decl(), sortLocale.Decl()},
	Presets: map[string]lint.Preset{
		"awesome": {Options: []lint.OptionValue{sortBy.Is(byName)}},
		"tagged":  {Options: []lint.OptionValue{sortBy.Is(byName)}},
	},
	Check: checkSortOrder,
	Infer: inferSortOrder,
}

// Orders a run can be checked in.
const (
	byName     = "name"
	byYear     = "year"
	byYearDesc = "year-desc"
)

func checkSortOrder(p *lint.Pass) {
	by := sortBy.Get(p)
	if by == "none" {
		return
	}
	s := &sorter{doc: p.Doc, coll: newCollation(sortLocale.Get(p))}
	var sorted []bool // with auto, whether each run is in name order
	var good []int    // with auto, how many neighbours of each run are
	if by == "auto" {
		s.auto = true
		var st orderStats
		sorted = st.tally(s)
		good = st.good
		if by = st.by(); by != byName {
			sorted = nil
		}
		if by == "" || by == "none" {
			return
		}
	}
	s.by = by
	var unkept map[*lint.Section]bool
	if s.auto && by == byName {
		unkept = s.unkeptChapters(good)
	}
	k := 0
	s.eachRun(func(l *lint.List, run []*lint.Entry) {
		known := k < len(sorted) && sorted[k]
		k++
		if !known && !unkept[chapter(run[0].Section(), s.chapterLevel)] {
			s.run(p, l, run)
		}
	}, func(items []*lint.Entry, i int) { s.pinned(p, items, i) })
}

// eachRun calls f on each run of two entries or more, in document order,
// and pinned on each pinned entry (suppressed, or carrying a suppression
// comment): it bounds the runs around it and never moves. Tables of
// contents have no runs.
func (s *sorter) eachRun(f func(l *lint.List, run []*lint.Entry), pinned func(items []*lint.Entry, i int)) {
	for _, l := range s.doc.Lists {
		if l.TOC {
			continue
		}
		start := 0
		for i := 0; i <= len(l.Items); i++ {
			isPinned := i < len(l.Items) && l.Items[i].IsEntry() && s.doc.Pinned(l.Items[i], "sort-order")
			if i < len(l.Items) && l.Items[i].IsEntry() && !isPinned {
				continue
			}
			if i-start >= 2 {
				f(l, l.Items[start:i])
			}
			if isPinned && pinned != nil {
				pinned(l.Items, i)
			}
			start = i + 1
		}
	}
}

// pinned reports, without a fix, a pinned entry that is out of order with
// the entry above or below it: a suppression must see the finding it
// silences.
func (s *sorter) pinned(p *lint.Pass, items []*lint.Entry, i int) {
	e := items[i]
	less := func(a, b *lint.Entry) bool {
		switch s.by {
		case byYear:
			return a.YearValue() != 0 && b.YearValue() != 0 && a.YearValue() < b.YearValue()
		case byYearDesc:
			return a.YearValue() != 0 && b.YearValue() != 0 && a.YearValue() > b.YearValue()
		}
		return s.nameBefore(a, b)
	}
	switch {
	case i > 0 && items[i-1].IsEntry() && less(e, items[i-1]):
		p.Report(e.Link().Start, e.Link().End, nil, "%s is out of order: it belongs before %s",
			lint.Quote(display(s.doc, e)), lint.Quote(display(s.doc, items[i-1])))
	case i+1 < len(items) && items[i+1].IsEntry() && less(items[i+1], e):
		p.Report(e.Link().Start, e.Link().End, nil, "%s is out of order: it belongs after %s",
			lint.Quote(display(s.doc, e)), lint.Quote(display(s.doc, items[i+1])))
	}
}

// sorter checks and fixes runs of one document.
type sorter struct {
	doc  *lint.Document
	by   string // byName, byYear or byYearDesc
	coll *collation
	// longFirstKnown caches longFirst: 1 yes, -1 no, 0 not counted yet.
	longFirstKnown int8
	// auto is true when the file's own order was inferred, not
	// configured.
	auto bool
	// chapterLevel is the heading level of the document's chapters.
	chapterLevel int
}

func (s *sorter) run(p *lint.Pass, l *lint.List, run []*lint.Entry) {
	if s.by == byName && s.namesSorted(run) {
		// A clean run, the common case, needs no keys.
		return
	}
	if s.auto && s.by == byName && len(run) >= 5 && !s.keptSorted(run) {
		// A file kept in name order may hold lists kept otherwise (news
		// by date, versions newest first): a long run with fewer than
		// three in five neighbours in order is one of them.
		return
	}
	// Keys are needed only while this run is checked: reuse the buffer.
	s.coll.collator()
	s.coll.keys.Reset()
	// keys[i] orders run[i]; by year, undated entries have no key and
	// do not take part.
	keys := make([][]byte, len(run))
	var ranked []int // indexes of the entries that take part
	for i, e := range run {
		switch {
		case s.by == byName:
			keys[i] = s.coll.key(s.coll.keys, sortText(s.doc, e))
		case e.YearValue() == 0:
			continue
		case s.by == byYearDesc:
			keys[i] = []byte{byte(^e.YearValue() >> 8), byte(^e.YearValue())}
		default:
			keys[i] = []byte{byte(e.YearValue() >> 8), byte(e.YearValue())}
		}
		ranked = append(ranked, i)
	}
	// less orders two entries of the run for the check; by name it
	// accepts what byte order accepts (collation.order), the keys only
	// sort the fix.
	less := func(i, j int) bool { return bytes.Compare(keys[i], keys[j]) < 0 }
	if s.by == byName {
		less = func(i, j int) bool { return s.nameBefore(run[i], run[j]) }
	}
	// The first entry that sorts before the one above it, and the first
	// entry above it that it belongs before (the prefix is sorted).
	bad, before := -1, -1
	for k := 1; k < len(ranked); k++ {
		if less(ranked[k], ranked[k-1]) {
			bad = ranked[k]
			for _, j := range ranked[:k] {
				if less(bad, j) {
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
	if s.reportChanged(p, run, less, ranked, fix) {
		return
	}
	e := run[bad]
	p.Report(e.Link().Start, e.Link().End, fix,
		"%s is out of order: it belongs before %s", lint.Quote(display(s.doc, e)), lint.Quote(display(s.doc, run[before])))
}

// namesSorted reports whether no entry of run sorts by name before the
// one above it.
// unkeptChapters returns the chapters of a file kept in name order
// whose runs are not, from how many neighbours of each run are in name
// order (orderStats.good): six neighbours or more, fewer than three in five
// of them in name order (awesome-kubernetes keeps its catalogues
// sorted, and the short lists of its chapter of articles by date).
func (s *sorter) unkeptChapters(good []int) map[*lint.Section]bool {
	s.chapterLevel = chapterLevel(s.doc)
	type tally struct{ pairs, good int }
	byChapter := map[*lint.Section]*tally{}
	k := 0
	s.eachRun(func(_ *lint.List, run []*lint.Entry) {
		k++
		c := chapter(run[0].Section(), s.chapterLevel)
		if c == nil || k > len(good) {
			return
		}
		t := byChapter[c]
		if t == nil {
			t = &tally{}
			byChapter[c] = t
		}
		t.pairs += len(run) - 1
		t.good += good[k-1]
	}, nil)
	var unkept map[*lint.Section]bool
	for c, t := range byChapter {
		if t.pairs >= 6 && t.good*5 < t.pairs*3 {
			if unkept == nil {
				unkept = map[*lint.Section]bool{}
			}
			unkept[c] = true
		}
	}
	return unkept
}

// chapterLevel is the heading level of a document's chapters: the
// highest level in use, or the next one when a single heading (the
// title) has the highest.
func chapterLevel(doc *lint.Document) int {
	top, n, next := 0, 0, 0
	for _, sec := range doc.Sections {
		switch l := sec.Level; {
		case l == 0:
		case top == 0 || l < top:
			next, top, n = top, l, 1
		case l == top:
			n++
		case next == 0 || l < next:
			next = l
		}
	}
	if n == 1 && next > 0 {
		return next
	}
	return top
}

// chapter returns the section at level that holds sec (sec itself at
// that level), or nil above the first chapter.
func chapter(sec *lint.Section, level int) *lint.Section {
	for sec != nil && sec.Level > level {
		sec = sec.Parent
	}
	if sec == nil || sec.Level != level {
		return nil
	}
	return sec
}

// keepsOtherwise reports whether a file kept in name order holds runs
// that "auto" leaves alone: a chapter or a long run kept otherwise.
// good is orderStats.good for the file.
func (s *sorter) keepsOtherwise(good []int) bool {
	if len(s.unkeptChapters(good)) > 0 {
		return true
	}
	found := false
	s.eachRun(func(_ *lint.List, run []*lint.Entry) {
		found = found || len(run) >= 5 && !s.keptSorted(run)
	}, nil)
	return found
}

// keptSorted reports whether at least three in five neighbours of run
// are in name order.
func (s *sorter) keptSorted(run []*lint.Entry) bool {
	good := 0
	for k := 1; k < len(run); k++ {
		if !s.nameBefore(run[k], run[k-1]) {
			good++
		}
	}
	return good*5 >= (len(run)-1)*3
}

func (s *sorter) namesSorted(run []*lint.Entry) bool {
	for k := 1; k < len(run); k++ {
		if s.nameBefore(run[k], run[k-1]) {
			return false
		}
	}
	return true
}

// nameBefore reports whether a belongs before b by name, or by label
// where they have one, as collation.before says.
func (s *sorter) nameBefore(a, b *lint.Entry) bool {
	ta, tb := sortText(s.doc, a), sortText(s.doc, b)
	if !s.coll.before(ta, tb) || s.coll.extends(tb, ta) && s.longFirst() {
		return false
	}
	// "owner/repo" names may be sorted by the repository's name.
	if i, j := repoSlash(ta), repoSlash(tb); i > 0 && j > 0 {
		return s.coll.before(ta[i+1:], tb[j+1:])
	}
	return true
}

// repoSlash returns the offset of the slash of an "owner/repo" name: one
// slash, no space or bracket; -1 for any other name.
func repoSlash(name []byte) int {
	i := bytes.IndexByte(name, '/')
	if i <= 0 || i == len(name)-1 || bytes.IndexByte(name[i+1:], '/') >= 0 || bytes.ContainsAny(name, " []()") {
		return -1
	}
	return i
}

// longFirst reports whether the file puts a name after the names that
// extend it ("Calibre Web Automated", "Calibre Web", "Calibre"), as a
// list sorted by its link text ("[Calibre Web]") does: in two pairs of
// neighbours or more, and more often than the other way round. Asked only
// of a pair out of order, it is counted once per file.
func (s *sorter) longFirst() bool {
	if s.longFirstKnown == 0 {
		long, short := 0, 0
		s.eachRun(func(_ *lint.List, run []*lint.Entry) {
			for k := 1; k < len(run); k++ {
				a, b := sortText(s.doc, run[k-1]), sortText(s.doc, run[k])
				switch {
				case s.coll.extends(a, b):
					long++
				case s.coll.extends(b, a):
					short++
				}
			}
		}, nil)
		s.longFirstKnown = -1
		if long >= 2 && long > short {
			s.longFirstKnown = 1
		}
	}
	return s.longFirstKnown > 0
}

// sortText is what orders an entry by name: its group label, else its
// name without year prefix and tags.
func sortText(doc *lint.Document, e *lint.Entry) []byte {
	if e.Label().Valid() {
		return doc.Src[e.Label().Start:e.Label().End]
	}
	return doc.Src[e.Name().Start:e.Name().End]
}

// display is the link text an entry is known by: year prefix and name,
// without tags, after its group label if it has one.
func display(doc *lint.Document, e *lint.Entry) string {
	start := e.Name().Start
	if e.Year().Valid() {
		start = e.Year().Start
	}
	name := doc.Text(lint.Span{Start: start, End: e.Name().End})
	if e.Label().Valid() {
		return doc.Text(e.Label()) + ": " + name
	}
	return name
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
		if s.column(e) != col || e.Marker().Len() != run[0].Marker().Len() {
			return nil
		}
		if i > 0 && !allBlank(src[run[i-1].Item().End:e.Item().Start]) {
			return nil
		}
	}
	if n := len(run) - 1; order[n] != n && s.textFollows(run[n]) {
		// Text right under the last item stays out of it only because
		// that item ends in a block that cannot take lazy lines (a
		// heading, a fence); another item moved there could take it in.
		return nil
	}
	// An ordered list keeps its numbers in place; bullets travel.
	body := func(e *lint.Entry) lint.Span {
		if l.Ordered {
			return lint.Span{Start: e.Marker().End, End: e.Item().End}
		}
		return e.Item()
	}
	start := body(run[first]).Start
	end := run[last].Item().End
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

// textFollows reports whether the line after e could continue a
// paragraph: not blank, not an item's (of any list: an item interrupts a
// paragraph), and not a heading, quote, fence or HTML block.
func (s *sorter) textFollows(e *lint.Entry) bool {
	doc := s.doc
	n := doc.Line(e.Item().End) + 1
	if n > len(doc.LineStarts) {
		return false
	}
	line := doc.LineSpan(n)
	t := bytes.TrimLeft(doc.Src[line.Start:line.End], " \t")
	if len(t) == 0 || strings.IndexByte("#>`~<", t[0]) >= 0 {
		return false
	}
	it := doc.ItemFrom(line.Start)
	return it == nil || doc.Line(it.Marker().Start) != n
}

// column is the byte offset of an item's marker in its line.
func (s *sorter) column(e *lint.Entry) int {
	line := s.doc.Line(e.Marker().Start)
	start := s.doc.LineStarts[line-1]
	if line == 1 && s.doc.BOM {
		start += 3
	}
	return e.Marker().Start - start
}

func allBlank(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			return false
		}
	}
	return true
}
