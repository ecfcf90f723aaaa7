package rules

import (
	"bytes"

	"github.com/listlint/listlint/lint"
)

// spacingStyle is the spacing list-spacing holds lists to.
var spacingStyle = lint.EnumOption("style", "dominant", `"dominant", "loose" (a blank line between entries) or "tight"`, "dominant", "loose", "tight")

// ListSpacing checks that entry lists are all loose or all tight.
var ListSpacing = &lint.Rule{
	ID:    "list-spacing",
	Title: "blank lines between entries follow one style",
	Doc: `A list is loose when a blank line separates its entries and tight when
none does. Both are fine; a file that mixes them looks unkempt, and a
contributor cannot tell which to follow.

The rule looks at the top-level lists of entries (lists with two items or
more, most of them starting with a link; tables of contents, whose links
all point at "#anchors", are left out). Each list votes for the style most
of its gaps have; the file's style is the one most lists have, ties going
to the first. A list with a gap of the other style is reported once, at
the first such gap. Nested lists are not checked: sub-lists of a loose list
are commonly tight. Gaps next to an empty item ("-" alone on its line) or
after an item that ends with an empty quote line ("  >", a spacer) say
nothing about the style and are left alone.

The fix adds or removes blank lines between the items of the list. It does
not remove the blank line after an item that ends in an HTML block, which
would otherwise swallow the next item.

Options:
  style  "dominant" (default), "loose" or "tight"`,
	Bad: `- [Helix](https://helix-editor.com/): A modal editor.

- [Kakoune](https://kakoune.org/): A modal editor.
- [Vim](https://www.vim.org/): A modal editor.
`,
	Good: `- [Helix](https://helix-editor.com/): A modal editor.

- [Kakoune](https://kakoune.org/): A modal editor.

- [Vim](https://www.vim.org/): A modal editor.
`,
	Severity: lint.Warning,
	Fixable:  true,
	Options:  []lint.Option{spacingStyle.Decl()},
	Presets: map[string]lint.Preset{
		"awesome": {Options: []lint.OptionValue{spacingStyle.Is("tight")}},
		"tagged":  {Options: []lint.OptionValue{spacingStyle.Is("loose")}},
	},
	Check: checkListSpacing,
	Infer: inferListSpacing,
}

func checkListSpacing(p *lint.Pass) {
	doc := p.Doc
	lines := doc.Cursor()
	var lists []spacedList
	var votes []bool // loose?
	for _, l := range doc.Lists {
		if !isEntryList(l) {
			continue
		}
		loose, firstLoose, gaps := 0, false, 0
		for i := 1; i < len(l.Items); i++ {
			if !judged(doc, l.Items[i-1], l.Items[i]) {
				continue
			}
			gaps++
			if gapIsLoose(&lines, l.Items[i-1], l.Items[i]) {
				loose++
				firstLoose = firstLoose || gaps == 1
			}
		}
		if gaps == 0 {
			continue
		}
		vote := loose*2 > gaps
		if loose*2 == gaps {
			vote = firstLoose
		}
		lists = append(lists, spacedList{l, loose, gaps})
		votes = append(votes, vote)
	}
	var wantLoose bool
	switch spacingStyle.Get(p) {
	case "loose":
		wantLoose = true
	case "tight":
	default:
		d, ok := lint.Dominant(votes)
		if !ok {
			return
		}
		wantLoose = d
	}
	for _, sl := range lists {
		if wantLoose && sl.loose == sl.gaps || !wantLoose && sl.loose == 0 {
			continue // every gap as wanted
		}
		checkSpacing(p, sl.List, wantLoose, &lines)
	}
}

// spacedList is an entry list, the number of its loose gaps and of all
// its judged gaps.
type spacedList struct {
	*lint.List
	loose, gaps int
}

// isEntryList tells whether l is a top-level entry list with a gap to
// judge (the model's EntryList already leaves tables of contents out).
func isEntryList(l *lint.List) bool {
	return l.Depth == 0 && len(l.Items) >= 2 && l.EntryList
}

// judged tells whether the gap between two items of doc says anything
// about the list's spacing: an empty item ("-" alone on its line) is a
// slip of its own, and adding or removing a blank line around it would
// keep it; an item that ends with an empty quote line ("  >") sets
// itself apart that way.
func judged(doc *lint.Document, a, b *lint.Entry) bool {
	if a.Content().Len() == 0 || b.Content().Len() == 0 {
		return false
	}
	end := a.Item().End
	return end < 1 || doc.Src[end-1] != '>' || len(bytes.TrimSpace(doc.Src[doc.LineSpan(doc.Line(end-1)).Start:end])) != 1
}

// gapIsLoose tells whether a blank line stands between two items.
func gapIsLoose(lines *lint.LineCursor, a, b *lint.Entry) bool {
	end := lines.Line(a.Item().End)
	return lines.Line(b.Item().Start)-end > 1
}

func checkSpacing(p *lint.Pass, l *lint.List, wantLoose bool, lines *lint.LineCursor) {
	doc := p.Doc
	first := -1
	var edits []lint.TextEdit
	for i := 1; i < len(l.Items); i++ {
		a, b := l.Items[i-1], l.Items[i]
		if !judged(doc, a, b) || gapIsLoose(lines, a, b) == wantLoose {
			continue
		}
		if first < 0 {
			first = i
		}
		next := doc.LineStarts[doc.Line(b.Item().Start)-1] // start of b's line
		if wantLoose {
			edits = append(edits, lint.TextEdit{Pos: next, End: next, NewText: doc.LineEnding})
			continue
		}
		if endsInHTML(doc, a) {
			continue
		}
		after := doc.LineStarts[doc.Line(a.Item().End)] // line after a's last
		edits = append(edits, lint.TextEdit{Pos: after, End: next})
	}
	if first < 0 {
		return
	}
	var fix *lint.Fix
	if len(edits) > 0 {
		fix = &lint.Fix{Message: "make the list tight", Edits: edits}
		if wantLoose {
			fix.Message = "make the list loose"
		}
	}
	e := l.Items[first]
	at := lint.Span{Start: e.Marker().Start, End: doc.LineSpan(doc.Line(e.Marker().Start)).End}
	if wantLoose {
		p.Report(at.Start, at.End, fix, "no blank line before this item, expected loose lists (blank line between entries)")
		return
	}
	p.Report(at.Start, at.End, fix, "blank line before this item, expected tight lists (no blank line between entries)")
}

// endsInHTML tells whether an item's last line is raw HTML other than a
// closed comment: an HTML block runs to the next blank line, so removing
// it would pull the next item into the HTML.
func endsInHTML(doc *lint.Document, e *lint.Entry) bool {
	line := bytes.TrimSpace(doc.Src[doc.LineSpan(doc.Line(e.Item().End)).Start:e.Item().End])
	return bytes.HasPrefix(line, []byte("<")) && !bytes.HasSuffix(line, []byte("-->"))
}

// inferListSpacing reads whether most lists of two entries or more have
// a blank line between entries.
func inferListSpacing(docs []*lint.Document) lint.Inference {
	var spacing []string
	for _, doc := range docs {
		for _, l := range doc.Lists {
			entries := 0
			for _, e := range l.Items {
				if e.IsEntry() {
					entries++
				}
			}
			if entries < 2 {
				continue
			}
			if l.Loose {
				spacing = append(spacing, "loose")
			} else {
				spacing = append(spacing, "tight")
			}
		}
	}
	c := dominantCount(spacing)
	if c.of == 0 {
		return lint.Inference{}
	}
	what := "no blank line"
	if c.value == "loose" {
		what = "a blank line"
	}
	return pinned(spacingStyle.Is(c.value), "%d of %d lists have %s between entries.", c.n, c.of, what)
}
