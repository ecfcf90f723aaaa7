// Package rules holds listlint's rules, one per file, each with its doc.
package rules

import "github.com/listlint/listlint/lint"

// All returns every rule, sorted by ID. The list is kept by hand: no init()
// registration, so what runs is visible here.
func All() []*lint.Rule {
	return []*lint.Rule{
		ConflictMarker,
		Continuation,
		Description,
		DuplicateName,
		DuplicateURL,
		EmptySection,
		EntryLink,
		HeadingIncrement,
		HeadingStyle,
		LinkDead,
		LinkRedirect,
		ListItem,
		ListMarker,
		ListSpacing,
		ProjectTag,
		Separator,
		SortOrder,
		Spelling,
		TOC,
		UnusedSuppression,
		URLShortener,
		Whitespace,
		YearPrefix,
	}
}

// ByID returns the rule with the given ID, or nil.
func ByID(id string) *lint.Rule {
	for _, r := range All() {
		if r.ID == id {
			return r
		}
	}
	return nil
}

// Conventions returns the rules that read their convention off a file
// (those with an Infer), in the order `listlint init` writes them: how an
// entry is written, how headings are, then how lists are ordered.
func Conventions() []*lint.Rule {
	return []*lint.Rule{Separator, ListMarker, ListSpacing, YearPrefix, ProjectTag, HeadingStyle, SortOrder}
}
