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

// linkTurnsLazy reports whether a new item made by a fix on folded line
// f, with its text at column text, would make a link line below it lazy
// that is not now: a line of f's item, before the next blank line or
// the next line that becomes an item, that starts with "[" left of
// column text and is part of the item's text now, not a fold. Lazy under
// the new item, it would read as an entry typed without its bullet.
func linkTurnsLazy(doc *lint.Document, f lint.Fold, text int, later []lint.Fold) bool {
	end := doc.Line(f.Item.Item().End)
	for n := doc.Line(f.Line.Start) + 1; n <= end; n++ {
		line := doc.LineSpan(n)
		t := doc.Src[line.Start:line.End]
		rest := bytes.TrimLeft(t, " \t")
		if len(rest) == 0 {
			return false
		}
		for len(later) > 0 && later[0].Line.Start < line.Start {
			later = later[1:]
		}
		folded := len(later) > 0 && later[0].Line.Start < line.End && later[0].Item == f.Item
		if folded && later[0].Kind == lint.FoldItem {
			return false
		}
		if !folded && rest[0] == '[' && len(t)-len(rest) < text {
			return true
		}
	}
	return false
}
