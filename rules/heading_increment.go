package rules

import (
	"github.com/listlint/listlint/internal/text"
	"github.com/listlint/listlint/lint"
)

// HeadingIncrement reports a heading more than one level below the one
// before it.
var HeadingIncrement = &lint.Rule{
	ID:    "heading-increment",
	Title: "heading levels go down one at a time",
	Doc: `A heading is at most one level deeper than the heading before it: "##"
then "####" skips a level. The table of contents, the outline GitHub
shows and screen readers nest sections by level, so a skipped level
leaves a hole in them, and it usually means a section was moved or its
parent heading lost.

Every Markdown heading counts, "#" and setext ("===", "---") alike, the
document's title included; the first heading may have any level.
Headings written as HTML ("<h3>", or a collapsible section's
"<summary>") are not levels listlint can count: the heading after a
section holding one may have any level. Notes set in large type (a
sentence of four words or more, "#### *Pull requests welcome!*") are not
part of the outline. Going back up any number of levels is fine.

There is no fix: whether the heading or its parent is at the wrong level
takes a human.`,
	Bad: `## Editors

#### Terminal`,
	Good: `## Editors

### Terminal`,
	Severity: lint.Warning,
	Check:    checkHeadingIncrement,
}

func checkHeadingIncrement(p *lint.Pass) {
	prev := 0
	for _, s := range p.Doc.Sections {
		if !s.Heading.Valid() {
			continue
		}
		if text.IsNote(s.Title) {
			continue // a sentence set in large type, not part of the outline
		}
		if prev > 0 && s.Level > prev+1 {
			p.Report(s.Heading.Start, s.Heading.End, nil,
				"heading %s is level %d after a level %d heading, expected level %d at most",
				lint.Quote(s.Title), s.Level, prev, prev+1)
		}
		prev = s.Level
		if s.HTMLHeading {
			// An HTML heading or <summary> under it may be the level
			// between: compare the next heading with nothing.
			prev = 0
		}
	}
}
