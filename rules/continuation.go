package rules

import (
	"bytes"

	"github.com/listlint/listlint/lint"
)

// Continuation checks that an entry's text is not split over lines that
// read as lines of their own.
var Continuation = &lint.Rule{
	ID:    "continuation",
	Title: "text that belongs to an entry stays on its line",
	Doc: `An entry is one line: its link, a separator and its description. In an
entry list (see list-item), text that belongs to an entry but stands on a
line of its own is reported:

- a lazy continuation line: a line right after an item, not indented
  under it, that CommonMark folds into the item's text. A line that reads
  as a paragraph of its own (an emphasised link, a line wholly in bold, a
  link to an #anchor such as "back to top", an image) then renders glued
  to the last entry; a link to a page followed by a separator or nothing
  is an entry typed without its bullet; other text continues the
  description unindented;
- a description moved to the next line ("- [Name](url):" and then the
  description on an indented line of its own), where most entries of the
  file keep theirs on the link's line. A line ending with a hard break
  (two spaces or "\") is kept apart on purpose and is not reported.

The fix puts a blank line before a lazy line that reads as a paragraph of
its own; adds the list's bullet to an entry typed without one when the
line stands at the list's margin in an unordered list, so that it can only
be a sibling; and joins a lazy line of text, or a moved description, onto
the line above with one space.`,
	Bad: `- [Alpha](https://alpha.example): First project.
- [Beta](https://beta.example):
  Second project.
- [Gamma](https://gamma.example): Third project.
**[Back to top](#contents)**`,
	Good: `- [Alpha](https://alpha.example): First project.
- [Beta](https://beta.example): Second project.
- [Gamma](https://gamma.example): Third project.

**[Back to top](#contents)**`,
	Severity: lint.Warning,
	Fixable:  true,
	Check:    checkContinuation,
}

func checkContinuation(p *lint.Pass) {
	doc := p.Doc
	blanks := blankFinder{doc: doc}
	entryAfter := entriesFollow(doc.Folds)
	glued := false // a fold above in the same item is a glued bullet
	for i, f := range doc.Folds {
		if i > 0 && doc.Folds[i-1].Item != f.Item {
			glued = false
		}
		if f.Item.List.EntryList && f.Item.IsEntry() {
			// Below a glued bullet, which list-item may give its space in
			// the same pass, a line is the new item's, not this one's:
			// it is not joined.
			keep := glued || i > 0 && foreignAbove(doc, doc.Folds[i-1], f)
			reportLazyLine(p, f, doc.Folds[i+1:], entryAfter[i], keep, &blanks)
		}
		glued = glued || f.Kind == lint.FoldItem
	}
	checkMovedDescriptions(p)
}

// entriesFollow tells for each fold whether a later fold of the same
// item is an entry (one without its bullet, or with no space after it):
// a blank line put before the fold's line would take it out of the list
// too. Filled from the end, so many folds of one item cost one pass.
func entriesFollow(folds []lint.Fold) []bool {
	after := make([]bool, len(folds))
	for i := len(folds) - 2; i >= 0; i-- {
		if g := folds[i+1]; g.Item == folds[i].Item {
			after[i] = g.Kind == lint.FoldEntry || g.Kind == lint.FoldItem || after[i+1]
		}
	}
	return after
}

// foreignAbove reports whether prev, the fold before f, is the line just
// above f's in the same item and not text of its own (an entry without
// its bullet, a glued bullet, a block): joining f onto it would make f
// part of that line, and change what the line is.
func foreignAbove(doc *lint.Document, prev, f lint.Fold) bool {
	return prev.Item == f.Item && prev.Kind.Foreign() &&
		doc.Line(prev.Line.Start)+1 == doc.Line(f.Line.Start)
}

// reportLazyLine reports line f folded into its item; later are the
// folds after it. entryAfter tells that an entry folds into the same
// item below f's line, keep that the line is not to be joined onto the
// line above (a fold that is not the item's text is above it, or a
// glued bullet); blanks finds the blank line that ends its paragraph.
func reportLazyLine(p *lint.Pass, f lint.Fold, later []lint.Fold, entryAfter, keep bool, blanks *blankFinder) {
	doc := p.Doc
	n := doc.Line(f.Line.Start)
	line := doc.LineSpan(n)
	switch f.Kind {
	case lint.FoldBlock:
		var fix *lint.Fix
		blank := blanks.after(n)
		if !entryAfter && !holdsMore(doc, f.Item, blank) && !fragileItemAfter(doc, n, f.Line.Start-line.Start, blank) {
			fix = &lint.Fix{Message: "put a blank line before it", Edits: []lint.TextEdit{{Pos: line.Start, End: line.Start, NewText: doc.LineEnding}}}
		}
		p.Report(f.Line.Start, f.Line.End, fix, "line is folded into the item above, expected a blank line before it")
	case lint.FoldEntry:
		var fix *lint.Fix
		l := f.Item.List
		if !l.Ordered && l.Depth == 0 && l.Items[0].Indent().Len() == 0 && f.Line.Start == line.Start && !swallowsEntry(doc, f.Item, 2, later) {
			fix = &lint.Fix{Message: "add the bullet", Edits: []lint.TextEdit{{Pos: line.Start, End: line.Start, NewText: string(l.Marker) + " "}}}
		}
		p.Report(f.Line.Start, f.Line.End, fix, "entry has no bullet and is folded into the item above, expected %q before it",
			string(l.Marker)+" ")
	case lint.FoldText:
		if endsWithBreak(doc, n-1) {
			return
		}
		var fix *lint.Fix
		if !keep {
			fix = joinLine(doc, n)
		}
		p.Report(f.Line.Start, f.Line.End, fix,
			"line is folded into the item above without being indented under it, expected it on the item's line")
	}
}

// fragileItemAfter reports whether an item that could not interrupt a
// paragraph starts after line n, whose text starts at column col, before
// blank, the blank line after it, or right after the blank lines there:
// an empty item, an ordered one
// numbered other than 1 (CommonMark), or one indented four columns or
// more past col (or with a tab before it). It is an item only because
// the lines above it are folded into the item above; once a blank line
// makes line n and the lines after it a paragraph of its own, it would
// fold into that paragraph. Only the first item counts: one that can
// interrupt the paragraph ends it there.
func fragileItemAfter(doc *lint.Document, n, col, blank int) bool {
	if n >= len(doc.LineStarts) {
		return false
	}
	it := doc.ItemFrom(doc.LineStarts[n])
	if it == nil {
		return false
	}
	// Past the blank line, only blank lines may come before the item:
	// list-spacing may take them out in the same pass, and the item then
	// follows the paragraph as closely. A long run of them is taken as
	// blank all through, so that many folds before it stay linear.
	at := doc.Line(it.Marker().Start)
	for m := blank; m < min(at, blank+maxBlankRun); m++ {
		if !doc.BlankLine(m) {
			return false
		}
	}
	indent := doc.Src[doc.LineStarts[at-1]:it.Marker().Start]
	marker := doc.Src[it.Marker().Start:it.Marker().End]
	// A double bullet ("- 1)") may lose its outer bullet to list-item
	// in the same pass and leave an item of any kind.
	return it.Empty() || it.DoubleBullet() || it.List.Ordered && string(bytes.TrimLeft(marker[:len(marker)-1], "0")) != "1" ||
		bytes.IndexByte(indent, '\t') >= 0 || len(indent)-col >= 4
}

// maxBlankRun bounds how many lines after a paragraph fragileItemAfter
// reads in search of text.
const maxBlankRun = 100

// holdsMore reports whether item, or an item it is nested in, holds
// blocks after blank, the blank line that ends the paragraph of a line
// folded into item. A blank line before that line closes those items
// there: what they held after it would leave them (a nested list
// indented under the item would become a code block).
func holdsMore(doc *lint.Document, item *lint.Entry, blank int) bool {
	if blank > len(doc.LineStarts) {
		return false
	}
	end := doc.LineStarts[blank-1]
	for it := item; it != nil; it = it.List.Parent {
		if it.Item().End > end {
			return true
		}
	}
	return false
}

// blankFinder finds the first blank line after a line. Asked about lines
// in order, as the folds come, it reads each line once.
type blankFinder struct {
	doc *lint.Document
	// blank is the first blank line after line from, the line last asked
	// about.
	from, blank int
}

// after returns the number of the first blank line after line n, or one
// past the last line when none is.
func (b *blankFinder) after(n int) int {
	if b.from <= n && n < b.blank {
		return b.blank
	}
	doc := b.doc
	m := n + 1
	for ; m <= len(doc.LineStarts); m++ {
		if doc.BlankLine(m) {
			break
		}
	}
	b.from, b.blank = n, m
	return m
}

// joinLine returns the fix that joins line n onto the line above with one
// space.
func joinLine(doc *lint.Document, n int) *lint.Fix {
	above := doc.LineSpan(n - 1)
	end := above.End
	for end > above.Start && (doc.Src[end-1] == ' ' || doc.Src[end-1] == '\t') {
		end--
	}
	line := doc.LineSpan(n)
	start := line.Start
	for start < line.End && (doc.Src[start] == ' ' || doc.Src[start] == '\t') {
		start++
	}
	return &lint.Fix{Message: "join it onto the line above", Edits: []lint.TextEdit{{Pos: end, End: start, NewText: " "}}}
}

// endsWithBreak reports whether line n ends with a hard line break: two
// spaces or a backslash.
func endsWithBreak(doc *lint.Document, n int) bool {
	s := doc.LineSpan(n)
	t := doc.Src[s.Start:s.End]
	return bytes.HasSuffix(t, []byte("  ")) || bytes.HasSuffix(t, []byte(`\`))
}

// checkMovedDescriptions reports the entries whose description stands on
// the line after their link, where most entries with a description keep it
// on the link's line.
func checkMovedDescriptions(p *lint.Pass) {
	doc := p.Doc
	lines := doc.Cursor()
	kept, moved := 0, 0
	for _, e := range doc.Items {
		if !e.IsEntry() || !e.List.EntryList || !e.Link().Valid() || e.Content().End <= e.Link().End {
			continue
		}
		if movedLine(doc, &lines, e) > 0 {
			moved++
		} else {
			kept++
		}
	}
	if moved == 0 || moved*2 >= kept+moved {
		return
	}
	lines = doc.Cursor()
	for _, e := range doc.Items {
		if !e.IsEntry() || !e.List.EntryList || !e.Link().Valid() || e.Content().End <= e.Link().End {
			continue
		}
		n := movedLine(doc, &lines, e)
		if n == 0 || folded(doc, n) {
			continue
		}
		var fix *lint.Fix
		if !bytes.Contains(doc.Src[e.Link().End:doc.LineSpan(n-1).End], []byte("<!--")) {
			// Text joined after a comment would read as part of it.
			fix = joinLine(doc, n)
		}
		p.Report(e.Link().Start, e.Link().End, fix, "description is on the line after the link, expected it on the link's line")
	}
}

// movedLine returns the line e's description starts on when the link's
// line holds nothing after the link but blanks and a separator, and no
// hard break; 0 otherwise.
func movedLine(doc *lint.Document, lines *lint.LineCursor, e *lint.Entry) int {
	n := lines.Line(e.Link().End - 1)
	end := doc.LineSpan(n).End
	if end >= e.Content().End || endsWithBreak(doc, n) {
		return 0
	}
	rest := doc.Src[e.Link().End:end]
	if i := bytes.Index(rest, []byte("<!--")); i >= 0 && bytes.HasSuffix(bytes.TrimSpace(rest), []byte("-->")) {
		rest = rest[:i] // a comment is no text
	}
	switch string(bytes.TrimSpace(rest)) {
	case "", ":", "-", "–", "—", "：":
		return n + 1
	}
	return 0
}

// folded reports whether line n is a lazy line, which the lazy-line
// check reports.
func folded(doc *lint.Document, n int) bool {
	for _, f := range doc.Folds {
		if doc.Line(f.Line.Start) == n {
			return true
		}
	}
	return false
}
