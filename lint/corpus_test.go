package lint_test

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/listlint/listlint/fix"
	"github.com/listlint/listlint/internal/corpustest"
	"github.com/listlint/listlint/lint"
	"github.com/listlint/listlint/rules"
)

// within reports whether inner lies inside outer (absent parts always do).
func within(inner, outer lint.Span) bool {
	return !inner.Valid() || (outer.Valid() && outer.Start <= inner.Start && inner.End <= outer.End)
}

// checkModel checks the invariants of a document model: every span inside
// the file, the parts of an entry nested in order, items in source order.
func checkModel(t *testing.T, d *lint.Document) {
	t.Helper()
	file := lint.Span{Start: 0, End: len(d.Src)}
	bad := func(e *lint.Entry, format string, args ...any) {
		t.Helper()
		line, _ := d.Position(max(e.Item().Start, 0))
		t.Errorf("%s:%d: "+format, append([]any{d.Path, line}, args...)...)
	}
	for _, s := range d.Sections {
		if !within(s.Heading, file) {
			t.Errorf("%s: heading span %v outside the file", d.Path, s.Heading)
		}
	}
	for _, c := range d.Comments {
		if !c.Valid() || !within(c, file) || !strings.HasPrefix(d.Text(c), "<!--") {
			t.Errorf("%s: comment span %v", d.Path, c)
		}
	}
	for _, l := range d.Lists {
		if !within(l.Span, file) {
			t.Errorf("%s: list span %v outside the file", d.Path, l.Span)
		}
		for i, e := range l.Items {
			if e.List != l || e.Index() != i || !within(e.Item(), l.Span) {
				bad(e, "item %d of its list: list, index or span wrong", i)
			}
		}
	}
	// Prose is in order, disjoint, and never inside a link or a heading: what spelling rewrites is text the author typed.
	end := -1
	for p := range d.Prose() {
		if !p.Valid() || p.Len() == 0 || !within(p, file) || p.Start < end {
			t.Errorf("%s: prose span %v out of order or outside the file", d.Path, p)
		}
		end = p.End
		for _, f := range d.Fragments {
			if p.Start < f.Link.End && f.Link.Start < p.End {
				t.Errorf("%s: prose span %v overlaps link %v", d.Path, p, f.Link)
			}
		}
		for _, s := range d.Sections {
			if p.Start < s.Heading.End && s.Heading.Start < p.End {
				t.Errorf("%s: prose span %v overlaps heading %v", d.Path, p, s.Heading)
			}
		}
	}
	for _, f := range d.Fragments {
		if !within(f.Link, file) || !strings.HasPrefix(d.Text(f.Link), "[") {
			t.Errorf("%s: fragment link span %v", d.Path, f.Link)
		}
	}
	prev := -1
	for _, e := range d.Items {
		if !e.Item().Valid() || !within(e.Item(), file) || e.Marker().Start != e.Item().Start || !within(e.Marker(), e.Item()) {
			bad(e, "item %v marker %v", e.Item(), e.Marker())
			continue
		}
		if e.Item().Start <= prev {
			bad(e, "items out of source order")
		}
		prev = e.Item().Start
		if !within(e.Content(), e.Item()) || (e.Content().Valid() && e.Content().Start < e.Marker().End) {
			bad(e, "content %v outside item %v or before the marker", e.Content(), e.Item())
		}
		for _, c := range e.Children() {
			if !within(c.Item(), e.Item()) || c.List.Parent != e {
				bad(e, "child %v outside its parent %v", c.Item(), e.Item())
			}
		}
		if !e.IsEntry() {
			if e.Link() != lint.NoSpan || e.Text() != lint.NoSpan || e.Name() != lint.NoSpan || e.URL() != lint.NoSpan || e.Desc() != lint.NoSpan {
				bad(e, "a non-entry has entry spans")
			}
			continue
		}
		// A group label in bold stands between the marker and the link.
		linkFirst := e.Link().Start == e.Content().Start ||
			e.Label().Valid() && e.Label().Start > e.Content().Start && e.Label().End < e.Link().Start
		ok := linkFirst && within(e.Link(), e.Content()) &&
			e.Text().Start == e.Link().Start+1 && within(e.Text(), e.Link()) &&
			e.Name().Valid() && within(e.Name(), e.Text()) &&
			within(e.Year(), e.Text()) && within(e.YearSep(), e.Text()) &&
			within(e.URL(), e.Link()) && (!e.URL().Valid() || e.URL().Start > e.Text().End) &&
			within(e.Separator(), e.Content()) && (!e.Separator().Valid() || e.Separator().Start == e.Link().End || marks(d.Text(lint.Span{Start: e.Link().End, End: e.Separator().Start}))) &&
			within(e.Desc(), e.Content()) && (!e.Desc().Valid() || e.Desc().Start >= e.Link().End) &&
			(!e.Separator().Valid() || !e.Desc().Valid() || e.Separator().End <= e.Desc().Start)
		if e.Year().Valid() {
			ok = ok && e.Year().Len() == 4 && e.YearSep().Start == e.Year().End && e.YearSep().End <= e.Name().Start && e.YearValue() > 0
		}
		for _, tag := range e.Tags() {
			ok = ok && within(tag, e.Text()) && strings.HasPrefix(d.Text(tag), "#") && strings.HasSuffix(d.Text(tag), "#")
		}
		if e.URL().Valid() && d.Text(e.URL()) != e.Dest() {
			ok = false
		}
		if !ok {
			bad(e, "entry spans not nested: link %v text %v year %v/%v name %v url %v sep %v desc %v content %v",
				e.Link(), e.Text(), e.Year(), e.YearSep(), e.Name(), e.URL(), e.Separator(), e.Desc(), e.Content())
		}
	}
}

// TestCorpus parses every real list and runs every rule over all of them
// as one run: the model holds its invariants, and every finding lies in
// its file, on the line Position names, with a valid fix.
func TestCorpus(t *testing.T) {
	files := corpustest.Files(t)
	docs := make([]*lint.Document, 0, len(files))
	marked := 0
	for _, p := range files {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		d, err := lint.Parse(p, src)
		if err != nil {
			t.Errorf("%s: %v", p, err)
			continue
		}
		checkModel(t, d)
		marked += checkMarks(t, d)
		docs = append(docs, d)
	}
	if marked == 0 {
		t.Error("no entry with code-span or shortcode marks before its separator; awesome-selfhosted has dozens")
	}
	byPath := make(map[string]*lint.Document, len(docs))
	for _, d := range docs {
		byPath[d.Path] = d
	}
	l := &lint.Linter{Rules: rules.All()}
	n := 0
	for _, res := range l.Run(docs) {
		d := res.Doc
		for _, f := range res.Diagnostics {
			n++
			if f.Pos < 0 || f.End < f.Pos || f.End > len(d.Src) {
				t.Errorf("%s: %s finding %q at [%d,%d) outside the file", d.Path, f.Rule, f.Message, f.Pos, f.End)
				continue
			}
			line, _ := d.Position(f.Pos)
			if ls := d.LineSpan(line); f.Pos < ls.Start || f.Pos > ls.End {
				t.Errorf("%s:%d: %s finding at %d is not on the line Position names (%v)", d.Path, line, f.Rule, f.Pos, ls)
			}
			if f.Fix != nil {
				if err := fix.Validate(f.Fix, d.Src); err != nil {
					t.Errorf("%s:%d: %s: %v", d.Path, line, f.Rule, err)
				}
			}
			if r := f.Related; r != nil {
				other := byPath[r.Path]
				if other == nil || r.Offset < 0 || r.Offset > len(other.Src) {
					t.Errorf("%s:%d: %s: related %+v outside its file", d.Path, line, f.Rule, r)
				} else if l, c := other.Position(r.Offset); l != r.Line || c != r.Column {
					t.Errorf("%s:%d: %s: related %+v, Position says %d:%d", d.Path, line, f.Rule, r, l, c)
				}
			}
		}
	}
	t.Logf("%d files, %d findings", len(docs), n)
}

// marks reports whether s, what stands between a link and a separator
// that does not follow it directly, is code spans or emoji shortcodes
// and blanks.
func marks(s string) bool {
	return markRun.MatchString(s)
}

// markRun is what may stand between a link and its separator: code spans
// and emoji shortcodes.
var markRun = regexp.MustCompile("^[ \t]*((`+[^`]+`+|:[a-z0-9_+-]+:)[ \t]*)+$")

// markedTail is what follows the link of an entry whose link carries
// code-span or shortcode marks before its separator ("[Name](url) `⚠` - ...").
var markedTail = regexp.MustCompile("^[ \t]*((`[^`]+`|:[a-z0-9_+-]+:)[ \t]+)+(-|:|：|–|—)")

// checkMarks checks that every such entry has its separator after the
// marks, and returns how many there are.
func checkMarks(t *testing.T, d *lint.Document) int {
	n := 0
	for _, e := range d.Items {
		if !e.IsEntry() || !markedTail.Match(d.Src[e.Link().End:e.Content().End]) {
			continue
		}
		n++
		if !e.Separator().Valid() || e.Separator().Start == e.Link().End {
			line, _ := d.Position(e.Link().End)
			t.Errorf("%s:%d: separator %v not found after the marks", d.Path, line, e.Separator())
		}
	}
	return n
}
