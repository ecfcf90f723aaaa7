package report

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/listlint/listlint/lint"
)

func TestMarkdownGolden(t *testing.T) {
	var buf bytes.Buffer
	if err := Markdown(&buf, testFindings(t)); err != nil {
		t.Fatal(err)
	}
	golden(t, "markdown.md", buf.Bytes())
}

func TestMarkdownClean(t *testing.T) {
	var buf bytes.Buffer
	if err := Markdown(&buf, nil); err != nil {
		t.Fatal(err)
	}
	if got := buf.String(); got != "## listlint\n\nNo findings.\n" {
		t.Errorf("got %q", got)
	}
}

// TestMarkdownSuggestions checks that each suggestion block, put in place
// of the lines it stands for, gives the fixer's bytes.
func TestMarkdownSuggestions(t *testing.T) {
	for _, f := range testFindings(t) {
		if f.Fix == nil {
			continue
		}
		first, last, lines := fixedLines(f.Doc, f.Fix)
		got := replaceLines(f.Doc, first, last, lines)
		if want := applyFix(t, &f); !bytes.Equal(got, want) {
			t.Errorf("%s:%d: lines %d-%d %q give\n%q\nwant\n%q", f.Path, f.Line, first, last, lines, got, want)
		}
	}
}

func TestFixedLines(t *testing.T) {
	src := "a\nbb\nccc\n"
	doc := parse(t, "x.md", src)
	for _, tc := range []struct {
		edits       []lint.TextEdit
		first, last int
		lines       []string
	}{
		{[]lint.TextEdit{{Pos: 2, End: 5}}, 2, 2, nil},                                // delete line 2
		{[]lint.TextEdit{{Pos: 2, End: 4}}, 2, 2, []string{""}},                       // empty line 2
		{[]lint.TextEdit{{Pos: 4, End: 5}}, 2, 3, []string{"bbccc"}},                  // join 2 and 3
		{[]lint.TextEdit{{Pos: 0, End: 0, NewText: "z\n"}}, 1, 1, []string{"z", "a"}}, // insert a line
		{[]lint.TextEdit{{Pos: 0, End: 1, NewText: "A"}, {Pos: 7, End: 8, NewText: "C"}}, 1, 3, []string{"A", "bb", "ccC"}},
		{[]lint.TextEdit{{Pos: 8, End: 8, NewText: "!"}}, 3, 3, []string{"ccc!"}},
		{[]lint.TextEdit{{Pos: 9, End: 9, NewText: "!"}}, 3, 3, []string{"ccc", "!"}}, // after the final newline
	} {
		first, last, lines := fixedLines(doc, &lint.Fix{Edits: tc.edits})
		if first != tc.first || last != tc.last || fmt.Sprint(lines) != fmt.Sprint(tc.lines) || (lines == nil) != (tc.lines == nil) {
			t.Errorf("%v: got %d-%d %q, want %d-%d %q", tc.edits, first, last, lines, tc.first, tc.last, tc.lines)
		}
	}
}

// TestMarkdownLongFix checks that a fix over more lines than a comment
// should hold is named, not pasted.
func TestMarkdownLongFix(t *testing.T) {
	var src strings.Builder
	src.WriteString("# L\n\n")
	for i := 25; i > 0; i-- {
		fmt.Fprintf(&src, "- [P%02d](https://p%d.example) - P.\n", i, i)
	}
	doc := parse(t, "long.md", src.String())
	list := doc.Lists[0].Span
	fs := Findings([]lint.Result{{Doc: doc, Diagnostics: []lint.Diagnostic{{
		Rule: "sort-order", Severity: lint.Warning, Pos: list.Start, End: list.Start + 1, Message: "list is not sorted",
		Fix: &lint.Fix{Message: "sort", Edits: []lint.TextEdit{{Pos: list.Start, End: list.End, NewText: "sorted"}}},
	}}}})
	var buf bytes.Buffer
	if err := Markdown(&buf, fs); err != nil {
		t.Fatal(err)
	}
	if got := buf.String(); strings.Contains(got, "suggestion") || !strings.Contains(got, "The fix rewrites 25 lines (3 to 27); run `listlint fix` to apply it.") {
		t.Errorf("got:\n%s", got)
	}
}

// TestEscapeMarkdown checks that hostile text renders as the same text,
// inert: nothing it holds opens markup, a table cell, HTML, a mention or a
// new line.
func TestEscapeMarkdown(t *testing.T) {
	in := "a | b `c` <b>x</b> [l](javascript:x) @team #1 *e* _f_ ~~s~~ &amp; www.x.com $x$ line\nnext\r\nend \\"
	want := `a \| b \` + "`" + `c\` + "`" + ` \<b\>x\</b\> \[l\](javascript\:x) \@team \#1 \*e\* \_f\_ \~\~s\~\~ \&amp; www\.x\.com \$x\$ line next end \\`
	if got := escapeMarkdown(in); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
