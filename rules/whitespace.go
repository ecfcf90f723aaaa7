package rules

import (
	"bytes"
	"unicode/utf8"

	"github.com/listlint/listlint/internal/text"
	"github.com/listlint/listlint/lint"
)

// Whitespace checks trailing white space, blank lines, line endings, the
// final newline and the encoding.
var Whitespace = &lint.Rule{
	ID:    "whitespace",
	Title: "no trailing white space, one blank line at most, one line ending",
	Doc: `Invisible characters make noisy diffs and merge conflicts. The rule
reports:

- spaces, tabs or no-break spaces (U+00A0) at the end of a line; two or
  more plain spaces at the end of a line that the next line continues are
  a Markdown hard line break and are kept;
- more than one blank line in a row; right before a heading, more than
  two when two is the file's habit (most headings that follow a blank
  line follow two, as in lists that set sections apart that way), or
  more than three when three heads some sections too, as generators do;
- a file that does not end with a line break;
- line endings that differ from the file's dominant one (LF, CRLF or CR),
  reported once per file;
- bytes that are not valid UTF-8, reported once per file with the offset of
  the first; there is no fix, since guessing the encoding could corrupt
  the text.

Code blocks (fenced or indented) are content: their trailing white space
and blank lines are left alone; only their line endings are normalised.
The fixes trim, collapse blank lines to one, add the final line break and
rewrite line endings to the dominant one.`,
	Bad: "- [Helix](https://helix-editor.com/): A modal editor.   \n\n\n- [Vim](https://www.vim.org/): An editor.",
	Good: `- [Helix](https://helix-editor.com/): A modal editor.

- [Vim](https://www.vim.org/): An editor.
`,
	Severity: lint.Warning,
	Fixable:  true,
	Check:    checkWhitespace,
}

func checkWhitespace(p *lint.Pass) {
	doc := p.Doc
	src := doc.Src
	inCode := inCodeFunc(doc.Code)
	n := doc.LineCount()
	headingLines, gap := headingGap(doc)
	blankRun := 0 // blank lines seen in a row, outside code
	for i := 1; i <= n; i++ {
		ln := doc.LineSpan(i) // after the BOM on line 1
		if ln.End > ln.Start && !mayEndInSpace(src[ln.End-1]) {
			// Nearly every line: not blank, no trailing white space
			// (trailingSpace would return ln.End), in code or not.
			blankRun = 0
			continue
		}
		if inCode(ln.Start) {
			blankRun = 0
			continue
		}
		ws := trailingSpace(src, ln)
		blank := ws == ln.Start
		if blank {
			blankRun++
			if blankRun >= 2 && (i == n || !isBlankLine(doc, i+1) || inCode(doc.LineStarts[i])) {
				allowed := 1
				for len(headingLines) > 0 && headingLines[0] <= i {
					headingLines = headingLines[1:]
				}
				if len(headingLines) > 0 && headingLines[0] == i+1 || i < n && thematicBreak(doc, i+1) {
					allowed = gap
				}
				if blankRun > allowed {
					reportBlankRun(p, i-blankRun+1, i, allowed)
				}
			}
		} else {
			blankRun = 0
		}
		if ws == ln.End || (!blank && hardBreak(doc, i, ws)) || bareMarker(src[ln.Start:ws]) && contentBelow(doc, i) {
			continue
		}
		p.Report(ws, ln.End, &lint.Fix{
			Message: "trim trailing white space",
			Edits:   []lint.TextEdit{{Pos: ws, End: ln.End}},
		}, "trailing white space, expected none")
	}
	if len(src) > 0 && (!doc.BOM || len(src) > 3) && src[len(src)-1] != '\n' && src[len(src)-1] != '\r' {
		p.Report(len(src), len(src), &lint.Fix{
			Message: "add a final line break",
			Edits:   []lint.TextEdit{{Pos: len(src), End: len(src), NewText: doc.LineEnding}},
		}, "no line break at the end of the file, expected one")
	}
	checkLineEndings(p)
	checkEncoding(p)
}

// trailingSpace returns where the spaces, tabs and no-break spaces at the
// end of line ln start (ln.End when there are none).
func trailingSpace(src []byte, ln lint.Span) int {
	i := ln.End
	for i > ln.Start {
		switch {
		case src[i-1] == ' ' || src[i-1] == '\t':
			i--
		case i-2 >= ln.Start && src[i-2] == 0xC2 && src[i-1] == 0xA0:
			i -= 2
		default:
			return i
		}
	}
	return i
}

// mayEndInSpace reports whether a line's last byte may end trailing
// white space: a space, a tab or the second byte of a no-break space.
func mayEndInSpace(c byte) bool { return c == ' ' || c == '\t' || c == 0xA0 }

func isBlankLine(doc *lint.Document, n int) bool {
	ln := doc.LineSpan(n)
	return trailingSpace(doc.Src, ln) == ln.Start
}

// reportBlankRun reports blank lines first..last (more than allowed)
// and deletes all but the first allowed ones.
func reportBlankRun(p *lint.Pass, first, last, allowed int) {
	doc := p.Doc
	start := doc.LineStarts[first+allowed-1] // start of the first extra blank line
	end := len(doc.Src)
	if last < len(doc.LineStarts) {
		end = doc.LineStarts[last]
	}
	p.Report(start, doc.LineSpan(last).End, &lint.Fix{
		Message: "remove extra blank lines",
		Edits:   []lint.TextEdit{{Pos: start, End: end}},
	}, "%d blank lines in a row, expected at most %d", last-first+1, allowed)
}

// thematicBreak reports whether line n is a thematic break ("---",
// "* * *"), which sets sections apart as a heading does.
func thematicBreak(doc *lint.Document, n int) bool {
	ln := doc.LineSpan(n)
	t := bytes.TrimSpace(doc.Src[ln.Start:ln.End])
	if len(t) < 3 || t[0] != '-' && t[0] != '*' && t[0] != '_' {
		return false
	}
	marks := 0
	for _, c := range t {
		switch c {
		case t[0]:
			marks++
		case ' ', '\t':
		default:
			return false
		}
	}
	return marks >= 3
}

// inCodeFunc returns a test for offsets inside code, to be asked in
// increasing order.
func inCodeFunc(code []lint.Span) func(off int) bool {
	return func(off int) bool {
		for len(code) > 0 && code[0].End < off {
			code = code[1:]
		}
		return len(code) > 0 && code[0].Start <= off
	}
}

// headingGap returns the first lines of the document's headings, in
// order, and how many blank lines may stand right before one: two when
// that is the file's habit (at least three headings, and more of those
// that follow a blank line follow two than one), three when besides at
// least three headings follow three, else one. Blank lines
// right before a heading are never inside a code block: a block's own
// blank lines stand between its lines.
func headingGap(doc *lint.Document) (lines []int, gap int) {
	one, two, three := 0, 0, 0
	for _, s := range doc.Sections {
		if !s.Heading.Valid() {
			continue
		}
		line := doc.Line(s.Heading.Start)
		lines = append(lines, line)
		blanks := 0
		for k := line - 1; k >= 1 && blanks < 4 && isBlankLine(doc, k); k-- {
			blanks++
		}
		switch blanks {
		case 1:
			one++
		case 2:
			two++
		case 3:
			three++
		}
	}
	switch {
	case two >= 3 && two > one && three >= 3:
		// A generator that sets some sections apart by three
		// (awesome-selfhosted after its sections of links elsewhere).
		return lines, 3
	case two >= 3 && two > one:
		return lines, 2
	}
	return lines, 1
}

// bareMarker reports whether the text of a line before its trailing white
// space is only a list marker ("-", "*", "+", "1.", "1)"). With indented
// text below (see contentBelow) it starts an item whose content begins on
// the next line, and its white space stays: goldmark reads a bare marker
// followed by CRLF as text, not as an item, so trimming it would change
// what the file is to listlint.
func bareMarker(t []byte) bool {
	t = bytes.TrimLeft(t, " \t")
	switch {
	case len(t) == 1:
		return t[0] == '-' || t[0] == '*' || t[0] == '+'
	case len(t) >= 2 && len(t) <= 10:
		last := t[len(t)-1]
		digits := bytes.TrimLeft(t[:len(t)-1], "0123456789")
		return len(digits) == 0 && (last == '.' || last == ')')
	}
	return false
}

// contentBelow reports whether line n+1 is indented text: the content of
// an item whose bullet stands alone on line n, not an empty item.
func contentBelow(doc *lint.Document, n int) bool {
	if n >= doc.LineCount() {
		return false
	}
	next := doc.LineSpan(n + 1)
	t := doc.Src[next.Start:next.End]
	return len(t) > 0 && (t[0] == ' ' || t[0] == '\t') && len(bytes.TrimSpace(t)) > 0
}

// hardBreak tells whether the trailing white space of line n, starting at
// ws, is a Markdown hard line break: two or more plain spaces after text
// that the next line continues (it is not blank and opens no block).
func hardBreak(doc *lint.Document, n, ws int) bool {
	ln := doc.LineSpan(n)
	// Only plain spaces make a break; a tab or a no-break space does not.
	if n := ln.End - ws; n < 2 || bytes.Count(doc.Src[ws:ln.End], []byte(" ")) != n {
		return false
	}
	if opensBlock(bytes.TrimLeft(doc.Src[ln.Start:ws], " \t")) == '#' || n == doc.LineCount() {
		return false
	}
	next := doc.LineSpan(n + 1)
	t := bytes.TrimLeft(doc.Src[next.Start:next.End], " \t")
	return len(t) > 0 && opensBlock(t) == 0
}

// opensBlock returns the first byte of a line that starts a Markdown block
// other than a paragraph continuation (heading, quote, list item, fence,
// HTML, table row, thematic break), or 0.
func opensBlock(t []byte) byte {
	if len(t) == 0 {
		return 0
	}
	switch c := t[0]; c {
	case '#', '>', '<', '|':
		return c
	case '-', '*', '+', '=', '_':
		if len(t) == 1 || t[1] == ' ' || t[1] == '\t' || t[1] == c {
			return c
		}
	case '`', '~':
		if bytes.HasPrefix(t, []byte{c, c, c}) {
			return c
		}
	default:
		i := 0
		for i < len(t) && i < 9 && t[i] >= '0' && t[i] <= '9' {
			i++
		}
		if i > 0 && i < len(t) && (t[i] == '.' || t[i] == ')') && (i+1 == len(t) || t[i+1] == ' ') {
			return '1'
		}
	}
	return 0
}

var endingNames = map[string]string{"\n": "LF", "\r\n": "CRLF", "\r": "CR"}

// checkLineEndings reports, once per file, line endings other than the
// dominant one; the fix rewrites every one of them.
func checkLineEndings(p *lint.Pass) {
	doc := p.Doc
	if onlyLF(doc) {
		return // nearly every file: nothing to compare line by line
	}
	edits := lineEndingEdits(doc)
	if len(edits) == 0 {
		return
	}
	first := edits[0]
	p.Report(first.Pos, first.End, &lint.Fix{
		Message: "use " + endingNames[doc.LineEnding] + " line endings",
		Edits:   edits,
	}, "line ends with %s, expected %s like most lines (%s)",
		endingNames[string(doc.Src[first.Pos:first.End])], endingNames[doc.LineEnding], text.Plural(len(edits), "line differs", "lines differ"))
}

// onlyLF reports whether every line of doc ends with LF, the dominant
// ending: the file holds no CR at all.
func onlyLF(doc *lint.Document) bool {
	return doc.LineEnding == "\n" && bytes.IndexByte(doc.Src, '\r') < 0
}

// lineEndingEdits rewrites the line endings that differ from the dominant
// one.
func lineEndingEdits(doc *lint.Document) []lint.TextEdit {
	var edits []lint.TextEdit
	for i := 1; i < len(doc.LineStarts); i++ {
		end := doc.LineSpan(i).End
		// LineSpan trims every CR and LF: the ending is the last one or two.
		start := doc.LineStarts[i] - 1
		if doc.Src[start] == '\n' && start-1 >= end && doc.Src[start-1] == '\r' {
			start--
		}
		if string(doc.Src[start:doc.LineStarts[i]]) != doc.LineEnding {
			edits = append(edits, lint.TextEdit{Pos: start, End: doc.LineStarts[i], NewText: doc.LineEnding})
		}
	}
	return edits
}

// checkEncoding reports the first invalid UTF-8 byte of the file.
func checkEncoding(p *lint.Pass) {
	src := p.Doc.Src
	if utf8.Valid(src) {
		return
	}
	first, count := -1, 0
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size == 1 {
			if first < 0 {
				first = i
			}
			count++
		}
		i += size
	}
	p.Report(first, first+1, nil, "invalid UTF-8 at byte offset %d (%s), expected UTF-8 text",
		first, text.Plural(count, "invalid byte", "invalid bytes"))
}
