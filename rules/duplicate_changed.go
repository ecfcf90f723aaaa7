package rules

import (
	"iter"

	"github.com/listlint/listlint/lint"
)

// reviewOrder yields the items of docs in the order the duplicate rules
// take them, the later copy of a duplicate being the one reported: files
// in path order and items in source order, except that in pull-request
// mode (lint.ChangedLines.Entry) every unchanged item comes before
// every changed one. A changed entry that duplicates an unchanged one is
// then the later copy, reported on the changed entry and naming the old
// one, even when it stands above the old one or in a file before it.
// Outside pull-request mode no item is changed and the order is the plain
// one.
func reviewOrder(p *lint.RunPass) iter.Seq2[*lint.Document, *lint.Entry] {
	return func(yield func(*lint.Document, *lint.Entry) bool) {
		for _, changed := range []bool{false, true} {
			for _, doc := range p.Docs {
				lines := p.Changed(doc)
				if changed && !lines.Any() {
					continue
				}
				for _, e := range doc.Items {
					if lines.Entry(e) == changed && !yield(doc, e) {
						return
					}
				}
			}
		}
	}
}
