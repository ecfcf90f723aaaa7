package report

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"

	"github.com/listlint/listlint/internal/text"
	"github.com/listlint/listlint/lint"
)

// maxSuggestionLines bounds the suggestion blocks of the markdown format: a
// fix that rewrites a longer stretch (a whole list reordered) is left to
// listlint fix rather than pasted into a comment.
const maxSuggestionLines = 20

// Markdown writes a summary of fs for $GITHUB_STEP_SUMMARY or a
// pull-request comment: a heading with totals, a table of counts per rule,
// then every finding with its location and message and, for a fixable one,
// a suggestion block holding the corrected lines. Text taken from the
// linted files is escaped so it cannot change the layout.
func Markdown(w io.Writer, fs []Finding) error {
	// Built in memory, written once: a Buffer cannot fail.
	var bw bytes.Buffer
	bw.WriteString("## listlint\n\n")
	if len(fs) == 0 {
		bw.WriteString("No findings.\n")
		return writeMarkdown(w, &bw)
	}
	writeTotals(&bw, fs)
	writeRuleTable(&bw, fs)
	path := ""
	for i := range fs {
		f := &fs[i]
		if i == 0 || f.Path != path {
			path = f.Path
			fmt.Fprintf(&bw, "\n### %s\n", escapeMarkdown(filepath.ToSlash(path)))
		}
		fmt.Fprintf(&bw, "\n**%d:%d** %s `%s`: %s\n", f.Line, f.Column, f.Severity, f.Rule, escapeMarkdown(f.Message))
		writeSuggestion(&bw, f)
	}
	return writeMarkdown(w, &bw)
}

func writeMarkdown(w io.Writer, bw *bytes.Buffer) error {
	if _, err := w.Write(bw.Bytes()); err != nil {
		return fmt.Errorf("writing markdown summary: %w", err)
	}
	return nil
}

func writeTotals(bw *bytes.Buffer, fs []Finding) {
	var bySev [lint.Error + 1]int
	files, fixable := map[string]bool{}, 0
	for i := range fs {
		files[fs[i].Path] = true
		if fs[i].Severity >= lint.Info && fs[i].Severity <= lint.Error {
			bySev[fs[i].Severity]++
		}
		if fs[i].Fixable() {
			fixable++
		}
	}
	fmt.Fprintf(bw, "**%s** in %s: %s, %s, %d info; %d fixable with `listlint fix`.\n",
		text.Plural(len(fs), "finding", "findings"), text.Plural(len(files), "file", "files"),
		text.Plural(bySev[lint.Error], "error", "errors"), text.Plural(bySev[lint.Warning], "warning", "warnings"), bySev[lint.Info], fixable)
}

func writeRuleTable(bw *bytes.Buffer, fs []Finding) {
	type row struct {
		rule           string
		count, fixable int
	}
	index := map[string]int{}
	var rows []row
	for i := range fs {
		j, ok := index[fs[i].Rule]
		if !ok {
			j = len(rows)
			index[fs[i].Rule] = j
			rows = append(rows, row{rule: fs[i].Rule})
		}
		rows[j].count++
		if fs[i].Fixable() {
			rows[j].fixable++
		}
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].rule < rows[j].rule })
	bw.WriteString("\n| Rule | Findings | Fixable |\n| --- | ---: | ---: |\n")
	for _, r := range rows {
		fmt.Fprintf(bw, "| %s | %d | %d |\n", escapeMarkdown(r.rule), r.count, r.fixable)
	}
}

// writeSuggestion writes the corrected lines of a fixable finding as a
// suggestion block, which GitHub turns into a one-click change in a review
// comment and shows as code elsewhere.
func writeSuggestion(bw *bytes.Buffer, f *Finding) {
	if f.Fix == nil || len(f.Fix.Edits) == 0 || f.Doc == nil {
		return
	}
	first, last, lines := fixedLines(f.Doc, f.Fix)
	if n := last - first + 1; n > maxSuggestionLines {
		fmt.Fprintf(bw, "\nThe fix rewrites %d lines (%d to %d); run `listlint fix` to apply it.\n", n, first, last)
		return
	}
	fence := "```"
	for _, l := range lines {
		fence = strings.Repeat("`", max(len(fence), longestRun(l, '`')+1))
	}
	bw.WriteString("\n" + fence + "suggestion\n")
	for _, l := range lines {
		bw.WriteString(l + "\n")
	}
	bw.WriteString(fence + "\n")
}

// fixedLines applies fix to the whole lines it touches. It returns their
// 1-based range and the lines that replace them, without line endings;
// no lines means the fix deletes them. A BOM stays part of line 1, as it is
// in the file: a suggestion that dropped it would remove it.
func fixedLines(doc *lint.Document, fix *lint.Fix) (first, last int, lines []string) {
	pos, end := fix.Edits[0].Pos, fix.Edits[0].End
	for _, e := range fix.Edits {
		pos, end = min(pos, e.Pos), max(end, e.End)
	}
	n := doc.LineCount()
	first = min(doc.Line(pos), n)
	last = first
	if end > pos {
		last = min(doc.Line(end-1), n)
	}
	var text string
	for {
		start, stop := doc.LineStarts[first-1], len(doc.Src)
		if last < len(doc.LineStarts) {
			stop = doc.LineStarts[last]
		}
		text = applyEdits(doc.Src, start, stop, fix.Edits)
		// A fix that removes the last line break joins the next line to
		// the last one: take that line in too.
		if text != "" && !endsLine(text) && endsLine(string(doc.Src[start:stop])) && last < n {
			last++
			continue
		}
		break
	}
	for text != "" {
		i := strings.IndexAny(text, "\r\n")
		if i < 0 {
			lines = append(lines, text)
			break
		}
		lines = append(lines, text[:i])
		if strings.HasPrefix(text[i:], "\r\n") {
			i++
		}
		text = text[i+1:]
	}
	return first, last, lines
}

// applyEdits returns src[start:stop] with the edits, which lie inside it,
// applied.
func applyEdits(src []byte, start, stop int, edits []lint.TextEdit) string {
	var b strings.Builder
	at := start
	for _, e := range edits {
		b.Write(src[at:e.Pos])
		b.WriteString(e.NewText)
		at = e.End
	}
	b.Write(src[at:stop])
	return b.String()
}

func endsLine(s string) bool {
	return s != "" && (s[len(s)-1] == '\n' || s[len(s)-1] == '\r')
}

func longestRun(s string, c byte) int {
	best, run := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			run++
			best = max(best, run)
		} else {
			run = 0
		}
	}
	return best
}

// markdownSpecial are the characters escapeMarkdown escapes: emphasis,
// code, links and images, HTML and entities, table cells, strikethrough,
// GitHub mentions, references, emoji, math, and the ":" and "." that
// autolinks need. Escaped text never starts a line, so list and heading
// markers need nothing.
const markdownSpecial = "\\`*_[]<>|~&@#:.$"

// escapeMarkdown makes text from a linted file inert in Markdown: the
// characters of markdownSpecial are backslash-escaped (CommonMark's escape
// for ASCII punctuation, so the text renders unchanged), and line breaks
// become spaces so the text stays on its line.
func escapeMarkdown(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\r' && i+1 < len(s) && s[i+1] == '\n':
		case c == '\r' || c == '\n':
			b.WriteByte(' ')
		case strings.IndexByte(markdownSpecial, c) >= 0:
			b.WriteByte('\\')
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}
