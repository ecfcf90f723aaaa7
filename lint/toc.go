package lint

import (
	"regexp"
	"strings"
)

// shortcodeRe matches an emoji shortcode such as ":book:".
var shortcodeRe = regexp.MustCompile(`:[a-z0-9_+-]+:`)

// Contents is a document's table of contents: the list of links to its
// own headings that a reader starts from.
type Contents struct {
	// Heading is the section the contents stand under when its title
	// names them ("Contents", "Table of Contents", "目录"); nil otherwise.
	Heading *Section
	// Lists are the top-level lists that make up the contents, in
	// document order: usually one, several when group labels split it.
	Lists []*List
	// Items are the items of Lists, nested ones included, in document
	// order.
	Items []*Entry
}

// contentsTitles are the anchors of the headings a contents list stands
// under.
var contentsTitles = []string{"contents", "table-of-contents", "toc", "content", "目录", "目錄", "内容目录"}

// findContents decides which lists are the document's table of contents,
// first found of: the lists between "<!-- toc -->" and "<!-- tocstop -->"
// (or doctoc's START and END comments), the lists under a heading titled
// as contents, the lists of the section holding the first list whose
// links all point at anchors. A contents list under markers or a title
// needs most of its links pointing at anchors.
func findContents(d *Document) {
	var c *Contents
	if start, end, ok := tocMarkers(d); ok {
		c = collectContents(d, nil, func(l *List) bool {
			return l.Span.Start >= start && l.Span.End <= end && mostlyAnchors(l)
		})
	}
	if c == nil {
		for _, s := range d.Sections {
			if s.Heading.Valid() && isContentsTitle(s) {
				c = collectContents(d, s, func(l *List) bool { return l.Section == s && mostlyAnchors(l) })
				if c != nil {
					break
				}
			}
		}
	}
	if c == nil {
		for _, l := range d.Lists {
			if l.Depth == 0 && l.TOC {
				sec := l.Section
				c = collectContents(d, nil, func(l *List) bool { return l.Section == sec && l.TOC })
				break
			}
		}
	}
	if c == nil {
		return
	}
	d.Contents = c
	in := map[*List]bool{}
	for _, l := range c.Lists {
		in[l] = true
	}
	for _, l := range d.Lists {
		if in[l] || l.Parent != nil && in[l.Parent.List] {
			in[l] = true
			l.TOC, l.EntryList = true, false
		}
	}
	for _, it := range d.Items {
		if in[it.List] {
			c.Items = append(c.Items, it)
		}
	}
}

// collectContents returns the contents made of the top-level lists that
// match, nil when none does.
func collectContents(d *Document, heading *Section, match func(*List) bool) *Contents {
	c := &Contents{Heading: heading}
	for _, l := range d.Lists {
		if l.Depth == 0 && match(l) {
			c.Lists = append(c.Lists, l)
		}
	}
	if len(c.Lists) == 0 {
		return nil
	}
	return c
}

// mostlyAnchors reports whether more than half of l's entries link to
// "#anchors".
func mostlyAnchors(l *List) bool {
	entries, anchors := anchorEntries(l)
	return anchors*2 > entries
}

// anchorEntries counts l's entries, and those of them that link to
// "#anchors".
func anchorEntries(l *List) (entries, anchors int) {
	for _, it := range l.Items {
		if it.IsEntry() {
			entries++
			if strings.HasPrefix(it.Dest(), "#") {
				anchors++
			}
		}
	}
	return entries, anchors
}

// isContentsTitle reports whether s's title names a table of contents,
// emoji aside ("Contents :book:").
func isContentsTitle(s *Section) bool {
	slug := strings.Trim(Slug(shortcodeRe.ReplaceAllString(s.Rendered, "")), "-_")
	for _, t := range contentsTitles {
		if slug == t {
			return true
		}
	}
	return false
}

// tocMarkers returns the region between a table-of-contents generator's
// start and end comments: markdown-toc's "<!-- toc -->" and
// "<!-- tocstop -->" (or "<!-- /toc -->"), doctoc's "START doctoc" and
// "END doctoc". Without an end comment the region ends at the next
// heading.
func tocMarkers(d *Document) (start, end int, ok bool) {
	start = -1
	for _, c := range d.Comments {
		text := strings.ToLower(strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(string(d.Src[c.Start:c.End]), "<!--"), "-->")))
		switch {
		case start < 0 && (text == "toc" || strings.HasPrefix(text, "start doctoc")):
			start = c.End
		case start >= 0 && (text == "tocstop" || text == "/toc" || strings.HasPrefix(text, "end doctoc")):
			return start, c.Start, true
		}
	}
	if start < 0 {
		return 0, 0, false
	}
	for _, s := range d.Sections {
		if s.Heading.Start > start {
			return start, s.Heading.Start, true
		}
	}
	return start, len(d.Src), true
}
