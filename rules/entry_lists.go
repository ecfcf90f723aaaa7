package rules

import "github.com/listlint/listlint/lint"

// entryLists tells, for each list of a document, whether it is an entry
// list: a list the style rules (list-marker, entry-link, separator,
// description, project-tag) look at.
//
// A list is an entry list when more than half of its items are entries
// (items that start with a link) and it is not a table of contents. The
// majority keeps prose lists and nested sub-lists of plain notes out, even
// when a few of their items happen to start with a link. A table of
// contents is a list whose entries all link to "#anchors": its items are
// generated from headings and follow no entry style.
type entryLists map[*lint.List]bool

// newEntryLists classifies every list of doc once, in O(items).
func newEntryLists(doc *lint.Document) entryLists {
	m := make(entryLists, len(doc.Lists))
	for _, l := range doc.Lists {
		entries, anchors := 0, 0
		for _, it := range l.Items {
			if !it.IsEntry {
				continue
			}
			entries++
			if len(it.Dest) > 0 && it.Dest[0] == '#' {
				anchors++
			}
		}
		m[l] = entries*2 > len(l.Items) && anchors < entries
	}
	return m
}

// entries returns the entries of doc that sit in entry lists, in document
// order.
func (m entryLists) entries(doc *lint.Document) []*lint.Entry {
	var out []*lint.Entry
	for _, it := range doc.Items {
		if it.IsEntry && m[it.List] {
			out = append(out, it)
		}
	}
	return out
}
