package rules

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/listlint/listlint/lint"
)

// TOC checks that the table of contents matches the headings, and that
// in-page links lead somewhere.
var TOC = &lint.Rule{
	ID:    "toc",
	Title: "the table of contents matches the headings",
	Doc: `A table of contents goes stale: sections are added, renamed or removed,
and its links break. The contents list is the list between
"<!-- toc -->" and "<!-- tocstop -->" (or doctoc's START and END
comments), else the list under a heading titled "Contents", "Table of
Contents" or "目录", else the first list whose links all point at
#anchors, with the other such lists of its section.

Anchors follow GitHub's rules: the heading's rendered text (images and
HTML dropped), lowercased, every character but letters, digits, spaces,
"-" and "_" dropped (so CJK stays, emoji go and a :shortcode: keeps its
name), spaces turned into "-"; a repeated heading gets "-1", "-2", ...
in document order. HTML ids and <a name> anchors count too. A link that
misses an anchor by trailing "-"s only leads to it: GitHub once trimmed
the text before a trailing badge, and lists written then remain.

The rule reports:
  - a contents link that points at no anchor;
  - a heading the contents leave out, at a level they cover (their top
    level, and any level most of whose headings they list), from the
    first heading they list to the last one and its sub-sections: an
    introduction above or a License section below that the contents
    never listed is not missing, nor are the sub-sections of a listed
    section that has several and none of them listed (it is collapsed);
  - a contents entry out of document order, or, when the contents nest,
    one outside the entry of its parent section (deeper nesting, under
    a label or a sibling, is the contents' own grouping);
  - a contents entry whose text differs from its heading's (emphasis,
    emoji and spacing aside);
  - any other link to "#anchor" that leads nowhere ("[back to top](#top)"
    and "#" lead to the top of the page).
A heading marked "<!-- omit in toc -->" is never expected in the
contents.

The fix regenerates a contents list made of one list in place: it keeps
its bullets, indentation and spacing, and the lines of entries whose
heading did not change; it touches nothing outside the list.`,
	Bad: `## Contents

- [Editors](#editors)
- [Tools](#tools)

## Editors

## Databases

## Terminals
`,
	Good: `## Contents

- [Editors](#editors)
- [Databases](#databases)
- [Terminals](#terminals)

## Editors

## Databases

## Terminals
`,
	Severity: lint.Warning,
	Fixable:  true,
	Check:    checkTOC,
}

func checkTOC(p *lint.Pass) {
	doc := p.Doc
	inContents := map[int]bool{}
	if c := doc.Contents; c != nil {
		for _, it := range c.Items {
			inContents[it.Link().Start] = true
		}
		checkContents(p, c)
	}
	for _, f := range doc.Fragments {
		if inContents[f.Link.Start] || doc.HasAnchor(f.Fragment) {
			continue
		}
		p.Report(f.Link.Start, f.Link.End, nil, "link to %s points at no heading or anchor of this file", lint.Quote("#"+f.Fragment))
	}
}

// tocEntry is a contents item that links to an anchor.
type tocEntry struct {
	item    *lint.Entry
	heading *lint.Section // nil for an HTML anchor or none
	depth   int
	text    string // rendered link text
}

// tocPlan is what the contents should hold, read off the contents
// themselves and the headings.
type tocPlan struct {
	entries  []tocEntry
	listed   map[*lint.Section]*tocEntry
	covered  map[int]bool
	expected []*lint.Section
	// flat contents list every covered level at depth 0. Nested ones
	// nest each entry inside its parent section's entry, deeper when they
	// group entries under labels or under a sibling; offset, the level
	// minus the depth most entries have, places a new top heading.
	flat   bool
	offset int
}

// listedParent returns the nearest enclosing section of s that the
// contents list, nil when none is.
func (t *tocPlan) listedParent(s *lint.Section) *lint.Section {
	for p := s.Parent; p != nil; p = p.Parent {
		if t.listed[p] != nil {
			return p
		}
	}
	return nil
}

// wantDepth returns the depth e should have, and whether its nesting
// contradicts the contents' own: only an entry that leaves the entry of
// its parent section does, as the contents may nest deeper to group.
func (t *tocPlan) wantDepth(e *tocEntry) (int, bool) {
	p := t.listedParent(e.heading)
	if t.flat || p == nil {
		return e.depth, true
	}
	pe := t.listed[p]
	if inside(e.item, pe.item) || e.depth == pe.depth+1 {
		return e.depth, true
	}
	return pe.depth + 1, false
}

// inside reports whether item is nested in outer.
func inside(item, outer *lint.Entry) bool {
	return item != outer && outer.Item().Start <= item.Item().Start && item.Item().End <= outer.Item().End
}

func planTOC(doc *lint.Document, c *lint.Contents) *tocPlan {
	texts := make(map[int]string, len(doc.Fragments))
	for _, f := range doc.Fragments {
		texts[f.Link.Start] = f.Text
	}
	t := &tocPlan{listed: map[*lint.Section]*tocEntry{}, covered: map[int]bool{}}
	for _, it := range c.Items {
		if it.IsEntry() && strings.HasPrefix(it.Dest(), "#") {
			t.entries = append(t.entries, tocEntry{it, doc.HeadingAt(it.Dest()[1:]), it.List.Depth, texts[it.Link().Start]})
		}
	}
	for i := range t.entries {
		if e := &t.entries[i]; e.heading != nil && t.listed[e.heading] == nil {
			t.listed[e.heading] = e
		}
	}
	start := c.Lists[0].Span.Start
	total, listed := map[int]int{}, map[int]int{}
	for _, s := range doc.Sections {
		if s.Heading.Valid() && !s.OmitTOC && s != c.Heading && s.Heading.Start > start {
			total[s.Level]++
		}
		if t.listed[s] != nil {
			listed[s.Level]++
		}
	}
	// A level is covered when the contents list most of its headings,
	// their top level always: a few renamed sections must not hide it.
	top := 0
	for lvl := range listed {
		if top == 0 || lvl < top {
			top = lvl
		}
	}
	for lvl, n := range listed {
		t.covered[lvl] = lvl == top || n*2 >= total[lvl]
	}
	first, last := -1, -1
	var offsets []int
	depths := map[int]bool{}
	levels := map[int]bool{}
	for i, s := range doc.Sections {
		e := t.listed[s]
		if e == nil || !t.covered[s.Level] {
			continue
		}
		if first < 0 {
			first = i
		}
		last = i
		offsets = append(offsets, s.Level-e.depth)
		depths[e.depth], levels[s.Level] = true, true
	}
	if first < 0 {
		return t
	}
	t.flat = len(depths) == 1 && depths[0] && len(levels) > 1
	t.offset, _ = lint.Dominant(offsets)
	var title *lint.Section
	if len(doc.Sections) > 1 && doc.Sections[1].Level == 1 {
		title = doc.Sections[1]
	}
	// A listed section with several sub-sections, none of them listed, is
	// collapsed: the contents leave them out on purpose. A lone one left
	// out is more likely forgotten.
	open, subs := map[*lint.Section]bool{}, map[*lint.Section]int{}
	for s := range t.listed {
		open[s.Parent] = true
	}
	for _, s := range doc.Sections {
		subs[s.Parent]++
	}
	for i, s := range doc.Sections[first:] {
		// Past the last listed heading, only the sub-sections of a listed
		// one (the title aside) are expected: a License or Contributing
		// section after the contents' scope is not.
		if first+i > last && (s.Parent == nil || s.Parent == title || t.listed[s.Parent] == nil) {
			continue
		}
		if t.listed[s] == nil && s.Parent != nil && t.listed[s.Parent] != nil && !open[s.Parent] && subs[s.Parent] > 1 {
			continue
		}
		if t.covered[s.Level] && (t.listed[s] != nil || !s.OmitTOC && s != c.Heading) {
			t.expected = append(t.expected, s)
		}
	}
	return t
}

func checkContents(p *lint.Pass, c *lint.Contents) {
	doc := p.Doc
	t := planTOC(doc, c)
	// Every finding carries the one fix that regenerates the list, built
	// at the first finding: most contents lists are right.
	var fix *lint.Fix
	built := false
	report := func(pos, end int, format string, args ...any) {
		if !built {
			fix, built = regenerateTOC(doc, c, t), true
		}
		p.Report(pos, end, fix, format, args...)
	}
	index := make(map[*lint.Section]int, len(t.expected))
	for i, s := range t.expected {
		index[s] = i
	}
	prev := -1
	var prevSec *lint.Section
	for i := range t.entries {
		e := &t.entries[i]
		link := e.item.Link()
		if e.heading == nil {
			if !doc.HasAnchor(e.item.Dest()[1:]) {
				report(link.Start, link.End, "contents link to %s points at no heading or anchor of this file", lint.Quote(e.item.Dest()))
			}
			continue
		}
		if t.listed[e.heading] != e {
			continue
		}
		if k, ok := index[e.heading]; ok {
			if k < prev {
				report(link.Start, link.End, "contents entry %s is out of order, expected before %s as in the document",
					lint.Quote(e.text), lint.Quote(prevSec.Rendered))
			} else {
				prev, prevSec = k, e.heading
			}
			if want, ok := t.wantDepth(e); !ok {
				report(link.Start, link.End, "contents entry %s is nested at depth %d, expected depth %d for a level-%d heading",
					lint.Quote(e.text), e.depth, want, e.heading.Level)
			}
		}
		if tocText(e.text) != tocText(e.heading.Rendered) {
			report(e.item.Text().Start, e.item.Text().End, "contents entry text %s differs from its heading %s",
				lint.Quote(e.text), lint.Quote(e.heading.Rendered))
		}
	}
	for _, s := range t.expected {
		if t.listed[s] == nil {
			report(s.Heading.Start, s.Heading.End, "heading %s is missing from the contents, expected a link to %s",
				lint.Quote(s.Rendered), lint.Quote("#"+s.Anchor))
		}
	}
}

// tocText is a heading's or link's text as the contents compare it:
// emoji, shortcodes and doubled spaces aside.
func tocText(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r == 0xFE0F || r == 0xFE0E || r == 0x200D || unicode.In(r, unicode.So, unicode.Sk, unicode.Cs) {
			continue
		}
		b.WriteRune(r)
	}
	return strings.Join(strings.Fields(shortcodes.ReplaceAllString(b.String(), " ")), " ")
}

// regenerateTOC returns the fix that rewrites the contents list as t
// plans it, nil when the list is not one plain list of links (several
// lists, ordered or loose ones, items with more than their link) or when
// nothing would change.
func regenerateTOC(doc *lint.Document, c *lint.Contents, t *tocPlan) *lint.Fix {
	if len(c.Lists) != 1 || len(t.entries) != len(c.Items) || len(t.expected) == 0 {
		return nil
	}
	src := doc.Src
	type style struct{ prefix, marker string }
	var styles []style
	gap := ""
	for i, e := range t.entries {
		it := e.item
		if it.List.Ordered || it.List.Loose || it.Link().Start != it.Content().Start ||
			doc.Line(it.Content().Start) != doc.Line(it.Content().End) {
			return nil
		}
		if end := doc.LineSpan(doc.Line(it.Item().Start)).End; it.Item().End != end &&
			(len(it.Children()) == 0 || it.Item().End != it.Children()[len(it.Children())-1].Item().End) {
			return nil
		}
		if i == 0 {
			gap = string(src[it.Marker().End:it.Content().Start])
		}
		for len(styles) <= e.depth {
			styles = append(styles, style{})
		}
		if styles[e.depth].marker == "" {
			line := doc.LineSpan(doc.Line(it.Item().Start))
			styles[e.depth] = style{string(src[line.Start:it.Marker().Start]), string(src[it.Marker().Start:it.Marker().End])}
		}
	}
	styleAt := func(depth int) style {
		for len(styles) <= depth {
			styles = append(styles, style{})
		}
		for k := range styles[:depth+1] {
			if styles[k].marker == "" {
				parent := styles[k-1]
				styles[k] = style{parent.prefix + strings.Repeat(" ", len(parent.marker)+len(gap)), parent.marker}
			}
		}
		return styles[depth]
	}
	// The lines in heading order: expected headings and whatever else
	// the contents list that leads somewhere; an entry pointing at an
	// HTML anchor stays after the entry it followed.
	want := map[*lint.Section]bool{}
	for _, s := range t.expected {
		want[s] = true
	}
	after := map[*lint.Section][]*tocEntry{}
	var lead []*tocEntry
	var last *lint.Section
	for i := range t.entries {
		e := &t.entries[i]
		switch {
		case e.heading != nil:
			last = e.heading
		case doc.HasAnchor(e.item.Dest()[1:]):
			if last == nil {
				lead = append(lead, e)
			} else {
				after[last] = append(after[last], e)
			}
		}
	}
	var lines []string
	firstDepth := -1
	// A nested line that stays at its depth keeps its own indentation, and
	// a line added among siblings takes theirs.
	siblings := map[int]style{}
	emit := func(depth int, st style, rest string) {
		lines = append(lines, st.prefix+st.marker+rest)
		siblings[depth] = st
		for d := range siblings {
			if d > depth {
				delete(siblings, d)
			}
		}
	}
	add := func(depth int, rest string) {
		if firstDepth < 0 {
			firstDepth = depth
		}
		st, ok := siblings[depth]
		if !ok {
			st = styleAt(depth)
		}
		emit(depth, st, rest)
	}
	keep := func(e *tocEntry, depth int) {
		line := doc.LineSpan(doc.Line(e.item.Item().Start))
		if depth == e.depth && depth > 0 && firstDepth >= 0 {
			own := style{string(src[line.Start:e.item.Marker().Start]), string(src[e.item.Marker().Start:e.item.Marker().End])}
			emit(depth, own, string(src[e.item.Marker().End:line.End]))
			return
		}
		add(depth, string(src[e.item.Marker().End:line.End]))
	}
	for _, e := range lead {
		keep(e, e.depth)
	}
	// Each line keeps its depth, shifted with its parent section's entry;
	// a new line, or one reported for leaving its parent's entry, goes
	// right inside it.
	depths := map[*lint.Section]int{}
	for _, s := range doc.Sections {
		e := t.listed[s]
		if !want[s] && e == nil {
			continue
		}
		p := s.Parent
		for p != nil && !want[p] && t.listed[p] == nil {
			p = p.Parent
		}
		pe := t.listed[p]
		var depth int
		switch {
		case t.flat:
		case e != nil && pe != nil && inside(e.item, pe.item):
			depth = e.depth + depths[p] - pe.depth
		case e != nil:
			depth = e.depth
			if _, ok := t.wantDepth(e); !ok && t.covered[s.Level] {
				depth = depths[p] + 1
			}
		case p == nil:
			depth = max(s.Level-t.offset, 0)
		default:
			depth = depths[p] + 1
		}
		depths[s] = depth
		if e != nil && tocText(e.text) == tocText(s.Rendered) {
			keep(e, depth)
		} else {
			add(depth, gap+"["+escapeLinkText(s.Rendered)+"](#"+s.Anchor+")")
		}
		for _, e := range after[s] {
			keep(e, e.depth)
		}
	}
	if firstDepth != 0 {
		return nil
	}
	lines[0] = lines[0][len(styles[0].prefix):]
	span := c.Lists[0].Span
	text := strings.Join(lines, doc.LineEnding)
	if text == string(src[span.Start:span.End]) {
		return nil
	}
	return &lint.Fix{
		Message: "regenerate the contents from the headings",
		Edits:   []lint.TextEdit{{Pos: span.Start, End: span.End, NewText: text}},
	}
}

// escapeLinkText escapes what would end a link's text early.
func escapeLinkText(s string) string {
	return strings.NewReplacer(`\`, `\\`, `[`, `\[`, `]`, `\]`).Replace(s)
}

// shortcodes matches emoji shortcodes such as ":rocket:".
var shortcodes = regexp.MustCompile(`:[a-z0-9_+-]+:`)
