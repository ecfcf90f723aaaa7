package corpustest

import (
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
// An empty item right under a folded item goes, as fixing removes it:
// under the unfolded item, its lone bullet would underline the item's
// text and make it a heading.
func unfold(doc *lint.Document) []byte {
	var out []byte
	last := 0
	for _, f := range doc.Folds {
		at := doc.FoldLink(f)
		if at < 0 || at < last {
			continue
		}
		insert := "- "
		if f.Kind == lint.FoldItem {
			insert = " "
		}
		out = append(append(out, doc.Src[last:at]...), insert...)
		last = at
		if f.Kind != lint.FoldItem {
			continue
		}
		if n := doc.Line(f.Line.Start) + 1; emptyItemOn(doc, n) {
			end := len(doc.Src)
			if n < len(doc.LineStarts) {
				end = doc.LineStarts[n]
			}
			out = append(out, doc.Src[last:doc.LineStarts[n-1]]...)
			last = end
		}
	}
	if out == nil {
		return nil
	}
	return append(out, doc.Src[last:]...)
}

// emptyItemOn reports whether an empty item's marker is on line n.
func emptyItemOn(doc *lint.Document, n int) bool {
	for _, e := range doc.Items {
		if e.Empty() && doc.Line(e.Marker().Start) == n {
			return true
		}
	}
	return false
}
