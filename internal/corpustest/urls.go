package corpustest

import (
	"cmp"
	"slices"
	"strings"

	"github.com/listlint/listlint/lint"
)

// EntryURLs is the sorted multiset of doc's entry destinations, which
// fixing must keep. It counts the entries CommonMark folded into the item
// above ("-[Name](url)", or an entry typed without its bullet), which a
// reader sees and fixing gives their own item: they are read from the
// document with every such line given its space or bullet, parsed whole,
// so that each is read where it stands, until no line folds. It leaves out tables of contents,
// which the toc fix regenerates from the headings, and links to in-page
// anchors, since fixing an item beside them can make or unmake a table of
// contents.
func EntryURLs(doc *lint.Document) []string {
	// Until nothing folds: unfolding a line can end the emphasis or code
	// span that hid the next one, as fixing does, pass after pass.
	for range 10 {
		unfolded := unfold(doc)
		if unfolded == nil {
			break
		}
		d, err := lint.Parse(doc.Path, unfolded)
		if err != nil {
			break
		}
		doc = d
	}
	var urls []string
	for _, e := range doc.Items {
		if e.IsEntry() && !e.List.TOC && !strings.HasPrefix(e.Dest(), "#") {
			urls = append(urls, e.Dest())
		}
	}
	slices.Sort(urls)
	return urls
}

// unfold returns doc's text with a space after the bullet of every folded
// item and a bullet before every folded entry, or nil when nothing folds.
// Empty items in the lines under a folded item, up to the next blank
// line, go where fixing removes them: under the unfolded item, a lone
// bullet would underline the item's text and make it a heading.
func unfold(doc *lint.Document) []byte {
	type edit struct {
		at, end int // delete src[at:end], then insert text
		text    string
	}
	var edits []edit
	// Lines of empty items that fixing removes: those with nothing
	// under them that would fold into the item above, a blank line, the
	// end or another item.
	items := map[int]bool{}
	for _, e := range doc.Items {
		items[doc.Line(e.Marker().Start)] = true
	}
	empty := map[int]bool{}
	for _, e := range doc.Items {
		n := doc.Line(e.Marker().Start)
		if !e.Empty() {
			continue
		}
		if n == len(doc.LineStarts) || items[n+1] {
			empty[n] = true
		} else if doc.BlankLine(n + 1) {
			empty[n] = true
		}
	}
	for _, f := range doc.Folds {
		at := doc.FoldLink(f)
		if at < 0 {
			continue
		}
		if f.Kind != lint.FoldItem {
			edits = append(edits, edit{at, at, "- "})
			continue
		}
		edits = append(edits, edit{at, at, " "})
		for n := doc.Line(f.Line.Start) + 1; n <= len(doc.LineStarts); n++ {
			if doc.BlankLine(n) {
				break
			}
			if empty[n] {
				end := len(doc.Src)
				if n < len(doc.LineStarts) {
					end = doc.LineStarts[n]
				}
				edits = append(edits, edit{doc.LineStarts[n-1], end, ""})
			}
		}
	}
	if len(edits) == 0 {
		return nil
	}
	slices.SortStableFunc(edits, func(a, b edit) int { return cmp.Compare(a.at, b.at) })
	var out []byte
	last := 0
	for _, e := range edits {
		if e.at < last {
			continue // inside a line already deleted
		}
		out = append(append(out, doc.Src[last:e.at]...), e.text...)
		last = e.end
	}
	return append(out, doc.Src[last:]...)
}
