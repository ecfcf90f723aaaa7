package rules

import (
	"bytes"
	"strings"

	"github.com/listlint/listlint/internal/text"
	"github.com/listlint/listlint/lint"
)

// ListItem checks that the items of entry lists are well-formed items.
var ListItem = &lint.Rule{
	ID:    "list-item",
	Title: "items of entry lists are well-formed entries",
	Doc: `An entry list is a list that is not a table of contents and either more
than half of whose items start with a link, or at least half of whose
items (two at least) start with a link or with a short label and a colon
before one ("Topic: [a](…), [b](…)"). A list of bare URLs, where no item
has link text, is not an entry list. In an entry list:

- a bullet is followed by a space. "-[Name](url)" is no item in
  CommonMark: it is folded into the text of the item above, which then
  renders with the entry glued to its description;
- an item has one bullet: "* * [Name](url)" is a list inside an item;
- an item is not empty ("- " alone);
- an item starts with a link, not with bare text, a bare URL or bold text.
  An item whose first line holds a link after other text is prose that
  leads to it ("Check out [X](…)", "Title ([mirror](…))"), and a short
  label before its links ("Alibaba：[Talk](…)", "Meetup [Paris](…)") is
  fine where the item has two links or more or the file labels another
  item too; a lone label glued to one link ("name：[link](…) text") is
  an entry whose name slipped out of its link. A label over a nested
  list is a sub-heading;
- an item is indented as its siblings are: one stray space, or a tab
  mixed with spaces, before a bullet is an edit slip that later turns
  into a nesting surprise.

The fix inserts the missing space, drops the outer bullet of a one-line
double bullet, removes an empty item's line, and re-indents an item to its
siblings' indentation (only where that cannot change what nests under it).
Bare items need a human.`,
	Bad: `- [Alpha](https://alpha.example): First project.
-[Beta](https://beta.example): Second project.
* * [Gamma](https://gamma.example): Third project.
 - [Delta](https://delta.example): Fourth project.
- Epsilon
- `,
	Good: `- [Alpha](https://alpha.example): First project.
- [Beta](https://beta.example): Second project.
- [Gamma](https://gamma.example): Third project.
- [Delta](https://delta.example): Fourth project.
- [Epsilon](https://epsilon.example): Fifth project.`,
	Severity: lint.Warning,
	Fixable:  true,
	Check:    checkListItem,
}

func checkListItem(p *lint.Pass) {
	doc := p.Doc
	for i, f := range doc.Folds {
		if f.Kind == lint.FoldItem && (f.Item.List.EntryList || f.Item.IsEntry()) {
			reportGluedMarker(p, f, doc.Folds[i+1:])
		}
	}
	labels := labelCount{n: -1}
	for _, it := range doc.Items {
		if !it.List.EntryList {
			continue
		}
		switch {
		case it.Empty():
			p.Report(it.Marker().Start, it.Marker().End, removeLine(doc, it), "item is empty, expected an entry or no item")
		case it.DoubleBullet():
			reportDoubleBullet(p, it)
		case !it.IsEntry() && it.Content().Valid():
			reportBareItem(p, it, &labels)
		}
	}
	for _, l := range doc.Lists {
		if l.EntryList {
			checkIndents(p, l)
		}
	}
}

// reportGluedMarker reports a line folded into the item above because its
// marker has no space after it; later are the folds after it.
func reportGluedMarker(p *lint.Pass, f lint.Fold, later []lint.Fold) {
	src := p.Doc.Src
	m := p.Doc.FoldLink(f)
	var fix *lint.Fix
	if text := m - p.Doc.LineStarts[p.Doc.Line(m)-1] + 1; !swallowsEntry(p.Doc, f.Item, text, later) && !linkTurnsLazy(p.Doc, f, text, later) {
		fix = &lint.Fix{Message: "insert a space after the bullet", Edits: []lint.TextEdit{{Pos: m, End: m, NewText: " "}}}
	}
	p.Report(f.Line.Start, m, fix, "no space after bullet %q, expected %q: the line is folded into the item above",
		src[f.Line.Start:m], string(src[f.Line.Start:m])+" ")
}

// removeLine returns the fix that deletes an empty item's line, and the
// blank line after it where one stands on each side; nil when the line
// holds more than the item (a blockquote's ">"), or when the line after
// it would fold into the item above.
func removeLine(doc *lint.Document, it *lint.Entry) *lint.Fix {
	n := doc.Line(it.Marker().Start)
	line := doc.LineSpan(n)
	if it.Indent().Start != line.Start || !endsBlock(doc, it, n) {
		return nil
	}
	start, end := doc.LineStarts[n-1], len(doc.Src)
	if n < len(doc.LineStarts) {
		end = doc.LineStarts[n]
	}
	switch {
	case end == len(doc.Src) && n > 1 && line.End == end:
		start = doc.LineSpan(n - 1).End // no line ending: take the one before
	case n > 1 && n < doc.LineCount() && doc.BlankLine(n-1) && doc.BlankLine(n+1):
		if n+1 < len(doc.LineStarts) {
			end = doc.LineStarts[n+1]
		}
	}
	return &lint.Fix{Message: "remove the empty item", Edits: []lint.TextEdit{{Pos: start, End: end}}}
}

// endsBlock reports whether the empty item it on line n stands where
// removing it lets no text fold into the item above: after a blank line,
// or before a blank line, a sibling, a heading or the end.
func endsBlock(doc *lint.Document, it *lint.Entry, n int) bool {
	switch {
	case n == doc.LineCount() || n > 1 && doc.BlankLine(n-1) || doc.BlankLine(n+1):
		return true
	case it.Index()+1 < len(it.List.Items) && doc.Line(it.List.Items[it.Index()+1].Marker().Start) == n+1:
		return true
	}
	next := doc.LineSpan(n + 1)
	return bytes.HasPrefix(bytes.TrimLeft(doc.Src[next.Start:next.End], " "), []byte("#"))
}

// reportDoubleBullet reports an item whose first block is a list on its
// own line, and drops the outer bullet where the item is that one line.
func reportDoubleBullet(p *lint.Pass, it *lint.Entry) {
	doc := p.Doc
	if len(it.Children()) == 0 || !it.Children()[0].IsEntry() {
		return
	}
	inner := it.Children()[0]
	var fix *lint.Fix
	// After a tab the inner bullet's column is not the outer one's plus
	// its bytes: dropping the outer bullet may nest the item elsewhere.
	indent := doc.Src[doc.LineStarts[doc.Line(it.Marker().Start)-1]:it.Marker().Start]
	if len(it.Children()) == 1 && bytes.IndexByte(doc.Src[it.Item().Start:it.Item().End], '\n') < 0 && bytes.IndexByte(indent, '\t') < 0 {
		fix = &lint.Fix{Message: "drop the outer bullet", Edits: []lint.TextEdit{{Pos: it.Marker().Start, End: inner.Marker().Start}}}
	}
	p.Report(it.Marker().Start, inner.Marker().End, fix, "double bullet %q, expected one",
		doc.Text(lint.Span{Start: it.Marker().Start, End: inner.Marker().End}))
}

// reportBareItem reports an item of an entry list that does not start
// with a link, unless it is a label over a nested list, prose that leads
// to a link or a labelled link.
func reportBareItem(p *lint.Pass, it *lint.Entry, labels *labelCount) {
	doc := p.Doc
	if len(it.Children()) > 0 {
		// A label over a nested list ("- Linux" above its entries) is a
		// sub-heading, not a broken entry.
		return
	}
	end := min(it.Content().End, doc.LineSpan(doc.Line(it.Content().Start)).End)
	line := doc.Src[it.Content().Start:end]
	if text.LeadsToLink(line) && !text.Labelled(line) ||
		text.Labelled(line) && (strings.Count(string(line), "](") >= 2 || labels.count(doc) >= 2) {
		// Text that leads to its links ("Check out [X](…)", "Title
		// ([mirror](…) [copy](…))") is prose, not a broken entry; so is
		// a label where the file labels items.
		return
	}
	if bareURL(line) {
		p.Report(it.Content().Start, end, nil, "item starts with a bare URL, expected an entry like [Name](url)")
		return
	}
	p.Report(it.Content().Start, end, nil, "item does not start with a link, expected an entry like [Name](url)")
}

// bareURL reports whether line starts with a web address.
func bareURL(line []byte) bool {
	t := bytes.TrimPrefix(line, []byte("<"))
	return bytes.HasPrefix(t, []byte("https://")) || bytes.HasPrefix(t, []byte("http://"))
}

// checkIndents reports the items of l indented otherwise than a majority
// of its items, when the odd indentation is a slip: one space more or
// less, or a tab mixed with spaces.
func checkIndents(p *lint.Pass, l *lint.List) {
	if len(l.Items) < 3 {
		return
	}
	doc := p.Doc
	first := doc.Src[l.Items[0].Indent().Start:l.Items[0].Indent().End]
	same := true
	for _, it := range l.Items[1:] {
		same = same && bytes.Equal(doc.Src[it.Indent().Start:it.Indent().End], first)
	}
	if same {
		return // nearly every list: nothing to count
	}
	indents := make([]string, len(l.Items))
	for i, it := range l.Items {
		indents[i] = doc.Text(it.Indent())
	}
	c := dominantCount(indents)
	if c.n*2 <= c.of {
		return
	}
	want := c.value
	for i, it := range l.Items {
		got := indents[i]
		if got == want || !indentSlip(got, want) {
			continue
		}
		var fix *lint.Fix
		moved := columnsOf(want) - columnsOf(got)
		if ((moved <= 0 && !foldsEntry(doc, it)) || bytes.IndexByte(doc.Src[it.Item().Start:it.Item().End], '\n') < 0) && !takesLineBelow(doc, it, moved) {
			// Moving the marker left keeps what is indented under the
			// item nested; moving it right might not. It may also indent
			// a lazy line under the item: an entry typed without its
			// bullet would then be part of the item's text, and no longer
			// reported as an entry without a bullet.
			fix = &lint.Fix{Message: "indent the item as its siblings", Edits: []lint.TextEdit{{Pos: it.Indent().Start, End: it.Indent().End, NewText: want}}}
		}
		p.Report(it.Indent().Start, it.Marker().End, fix, "item is indented by %s, expected %s as its siblings",
			describeIndent(got), describeIndent(want))
	}
}

// takesLineBelow reports whether item it, its marker moved by moved
// columns, would take in the first non-blank line below it: one indented
// to its text's new column (a column past the marker, or more), which
// now stands left of it. An empty item there would underline the item's
// text into a heading.
func takesLineBelow(doc *lint.Document, it *lint.Entry, moved int) bool {
	m := it.Marker()
	text := columnsOf(string(doc.Src[doc.LineStarts[doc.Line(m.Start)-1]:m.End])) + moved + 1
	for n := doc.Line(it.Item().End) + 1; n <= len(doc.LineStarts); n++ {
		line := doc.LineSpan(n)
		t := doc.Src[line.Start:line.End]
		rest := bytes.TrimLeft(t, " \t")
		if len(rest) == 0 {
			continue
		}
		return columnsOf(string(t[:len(t)-len(rest)])) >= text
	}
	return false
}

// foldsEntry reports whether an entry without its bullet is folded into
// item it.
func foldsEntry(doc *lint.Document, it *lint.Entry) bool {
	for _, f := range doc.Folds {
		if f.Item == it && f.Kind == lint.FoldEntry {
			return true
		}
	}
	return false
}

// indentSlip reports whether indentation got differs from want by what
// slips in by hand: one space more, or a tab mixed with spaces. An item
// indented less than its siblings is more likely the one at the file's
// margin, its siblings the odd ones.
func indentSlip(got, want string) bool {
	if strings.Contains(got, "\t") && strings.Contains(got, " ") {
		return true
	}
	return got == want+" "
}

// columnsOf returns the width of blanks, tabs stopping at multiples of 4.
func columnsOf(s string) int {
	n := 0
	for _, c := range []byte(s) {
		if c == '\t' {
			n += 4 - n%4
		} else {
			n++
		}
	}
	return n
}

// describeIndent names an indentation for a message.
func describeIndent(s string) string {
	switch {
	case s == "":
		return "nothing"
	case strings.Contains(s, "\t") && strings.Contains(s, " "):
		return "a mix of spaces and tabs"
	case s[0] == '\t':
		return text.Plural(len(s), "tab", "tabs")
	}
	return text.Plural(len(s), "space", "spaces")
}
