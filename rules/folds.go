package rules

import (
	"bytes"

	"github.com/listlint/listlint/lint"
)

// Helpers for fixes that turn a line folded into an item above
// (lint.Fold) into an item of its own: list-item's space after a glued
// bullet, continuation's bullet before an entry typed without one.

// swallowsEntry reports whether a new item of item's list, made by a
// fix on a folded line with its text at column text, would take in an
// entry typed without its bullet below it: a later lazy line of item
// that stands at column text or further continues the new item's text,
// and is no longer an entry of its own. Tabs are taken to reach it. The
// search ends at a fold that becomes an item of its own.
func swallowsEntry(doc *lint.Document, item *lint.Entry, text int, later []lint.Fold) bool {
	for _, g := range later {
		if g.Item != item || g.Kind == lint.FoldItem {
			return false
		}
		if g.Kind != lint.FoldEntry {
			continue
		}
		indent := doc.Src[doc.LineStarts[doc.Line(g.Line.Start)-1]:g.Line.Start]
		return len(indent) >= text || bytes.IndexByte(indent, '\t') >= 0
	}
	return false
}
