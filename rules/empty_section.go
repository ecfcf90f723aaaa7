package rules

import (
	"github.com/listlint/listlint/internal/text"
	"github.com/listlint/listlint/lint"
)

// EmptySection reports headings with nothing under them.
var EmptySection = &lint.Rule{
	ID:    "empty-section",
	Title: "a section has entries, sub-sections or text",
	Doc: `A heading with nothing under it is a promise the list does not keep: a
reader who follows it from the table of contents finds nothing.

A section counts as empty when, up to the next heading of any level, it
holds no list item (entry or not), no sub-section and no other content: no
paragraph, code block, table, quote or HTML other than comments. So a
License or Contributing section with only prose is not empty, while one
holding only an HTML comment ("<!-- TODO -->") or a horizontal rule is.
A document's first heading is not reported when another heading follows
it directly (a title above the first section), nor is a heading that is a
sentence of four words or more ending with ".", "!" or "。": a note set
in large type ("#### *Pull requests are welcome!*"), not a section.`,
	Bad: `# Tools

## Databases

## Editors

- [Helix](https://helix-editor.com/): A modal editor.
`,
	Good: `# Tools

## Editors

- [Helix](https://helix-editor.com/): A modal editor.
`,
	Severity: lint.Warning,
	Check:    checkEmptySection,
}

func checkEmptySection(p *lint.Pass) {
	secs := p.Doc.Sections
	for i, s := range secs {
		if !s.Heading.Valid() || len(s.Items) > 0 || s.Children > 0 || s.Blocks > 0 {
			continue
		}
		// A title heading straight above the first section heading
		// introduces the document; it is not an empty section.
		if i == 1 && i+1 < len(secs) || text.IsNote(s.Title) {
			continue
		}
		p.Report(s.Heading.Start, s.Heading.End, nil,
			"section %s is empty, expected entries, sub-sections or text", lint.Quote(s.Title))
	}
}
