package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/listlint/listlint/fix"
	"github.com/listlint/listlint/lint"
)

// updateFormats rewrites the golden files of the output formats. It has
// its own name so it cannot clash with another -update flag in package
// report's tests.
var updateFormats = flag.Bool("update-formats", false, "rewrite testdata/formats golden files")

// Three small lists: a path with a space and CJK names whose character
// and byte columns differ; a CRLF file with a BOM and a cross-file
// duplicate; and a file whose name and entry were written to break output
// formats (colons, commas, %0A, "::", pipes, backticks, HTML, mentions, a
// real newline in a message).
const (
	cloudPath = "docs/cloud list.md"
	cloudSrc  = "# Cloud\n\n## Tools\n\n" +
		"- [Alpha](https://alpha.example) - Alpha tool\n" +
		"- [存储 Store](https://store.example) - Keeps | things\n" +
		"- [Beta](https://beta.example) - Beta tool.\n" +
		"- [Alpha](https://alpha2.example) - Same name.\n"
	bomPath     = "b.md"
	bomSrc      = "\uFEFF# B\r\n\r\n* [Gamma](https://gamma.example) - Gamma.\r\n* [Delta](https://alpha.example) - Delta.\r\n"
	hostilePath = "odd, name: #1.md"
	hostileSrc  = "# Odd\n\n- [Evil::error::x %0A `pwn`](https://e.example) - a | b <b>@here</b> ```\n"
)

// testRules stand in for the real rules: data in the same shape.
func testRules() []*lint.Rule {
	return []*lint.Rule{
		{ID: "description", Title: "Descriptions end with punctuation", Doc: "A description ends with a period.", Bad: "- [A](https://a.example) - Does things\n", Good: "- [A](https://a.example) - Does things.\n", Severity: lint.Warning, Fixable: true},
		{ID: "duplicate-name", Title: "No two entries share a name", Doc: "An entry's name appears once per file.", Bad: "- [A](https://a.example)\n- [A](https://b.example)\n", Good: "- [A](https://a.example)\n- [B](https://b.example)\n", Severity: lint.Error},
		{ID: "duplicate-url", Title: "No two entries share a URL", Doc: "A project is listed once across the run.", Severity: lint.Error},
		{ID: "list-marker", Title: "Lists use one marker", Doc: "Bullets use the file's dominant marker.", Bad: "* [A](https://a.example)\n", Good: "- [A](https://a.example)\n", Severity: lint.Warning, Fixable: true},
		{ID: "no-bom", Title: "Files have no byte order mark", Doc: "A UTF-8 BOM is noise; remove it.", Severity: lint.Info, Fixable: true},
		{ID: "sort-order", Title: "Entries are sorted", Doc: "Entries of a list are sorted by name; code like `a|b` stays as it is.", Bad: "- [B](https://b.example)\n- [A](https://a.example)\n", Good: "- [A](https://a.example)\n- [B](https://b.example)\n", Severity: lint.Info, Fixable: true},
	}
}

// at returns the offset of the n-th (0-based) occurrence of s in src.
func at(t *testing.T, src, s string, n int) int {
	t.Helper()
	off := -1
	for i := 0; i <= n; i++ {
		j := strings.Index(src[off+1:], s)
		if j < 0 {
			t.Fatalf("%q not found %d times", s, n+1)
		}
		off += 1 + j
	}
	return off
}

func parse(t *testing.T, path, src string) *lint.Document {
	t.Helper()
	doc, err := lint.Parse(path, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// testFindings parses the three lists and resolves hand-made diagnostics
// on them, as the engine would report them.
func testFindings(t *testing.T) []Finding {
	t.Helper()
	cloud, bom, hostile := parse(t, cloudPath, cloudSrc), parse(t, bomPath, bomSrc), parse(t, hostilePath, hostileSrc)

	line5 := cloud.LineSpan(5)
	line6, line7 := cloud.Text(cloud.LineSpan(6)), cloud.Text(cloud.LineSpan(7))
	desc6 := at(t, cloudSrc, "Keeps", 0)
	cloudDiags := []lint.Diagnostic{
		{
			Rule: "description", Severity: lint.Warning, Pos: at(t, cloudSrc, "Alpha tool", 0), End: line5.End,
			Message: `description "Alpha tool" has no terminal punctuation, expected "."`,
			Fix:     &lint.Fix{Message: `add "."`, Edits: []lint.TextEdit{{Pos: line5.End, End: line5.End, NewText: "."}}},
		},
		{
			Rule: "description", Severity: lint.Warning, Pos: desc6, End: desc6 + len("Keeps | things"),
			Message: `description "Keeps | things" has no terminal punctuation, expected "."`,
			Fix: &lint.Fix{Message: `add "."`, Edits: []lint.TextEdit{
				{Pos: desc6 + len("Keeps | things"), End: desc6 + len("Keeps | things"), NewText: "."},
			}},
		},
		{
			Rule: "sort-order", Severity: lint.Info, Pos: cloud.LineSpan(7).Start, End: cloud.LineSpan(7).End,
			Message: `"Beta" belongs before "存储 Store"`,
			Fix: &lint.Fix{Message: "sort the list", Edits: []lint.TextEdit{
				{Pos: cloud.LineSpan(6).Start, End: cloud.LineSpan(7).End, NewText: line7 + "\n" + line6},
			}},
		},
		{
			Rule: "duplicate-name", Severity: lint.Error, Pos: at(t, cloudSrc, "Alpha", 2), End: at(t, cloudSrc, "Alpha", 2) + 5,
			Message: `"Alpha" is listed twice, first at line 5`,
			Related: &lint.Related{Path: cloudPath, Offset: line5.Start, Line: 5, Column: 1},
		},
	}

	m3, m4 := at(t, bomSrc, "* [Gamma", 0), at(t, bomSrc, "* [Delta", 0)
	bomDiags := []lint.Diagnostic{
		{
			Rule: "no-bom", Severity: lint.Info, Pos: 0, End: 3, Message: "file starts with a byte order mark",
			Fix: &lint.Fix{Message: "remove the BOM", Edits: []lint.TextEdit{{Pos: 0, End: 3}}},
		},
		{
			Rule: "list-marker", Severity: lint.Warning, Pos: m3, End: m3 + 1, Message: `marker is "*", expected "-"`,
			Fix: &lint.Fix{Message: `use "-"`, Edits: []lint.TextEdit{{Pos: m3, End: m3 + 1, NewText: "-"}, {Pos: m4, End: m4 + 1, NewText: "-"}}},
		},
		{
			Rule: "duplicate-url", Severity: lint.Error, Pos: at(t, bomSrc, "https://alpha", 0), End: at(t, bomSrc, ") - Delta", 0),
			Message: `https://alpha.example is listed twice, first at docs/cloud list.md:5`,
			Related: &lint.Related{Path: cloudPath, Offset: line5.Start + 3, Line: 5, Column: 4},
		},
	}

	name := at(t, hostileSrc, "Evil", 0)
	hostileDiags := []lint.Diagnostic{{
		Rule: "description", Severity: lint.Warning, Pos: name, End: name + len("Evil::error::x %0A `pwn`"),
		Message: "description \"a | b <b>@here</b> ```\" has no terminal punctuation\n::error::injected %0A, by: [x](javascript:alert(1)) #1 _*",
		Fix:     &lint.Fix{Message: `add "."`, Edits: []lint.TextEdit{{Pos: len(hostileSrc) - 1, End: len(hostileSrc) - 1, NewText: "."}}},
	}}

	return Findings([]lint.Result{
		{Doc: cloud, Diagnostics: cloudDiags},
		{Doc: bom, Diagnostics: bomDiags},
		{Doc: hostile, Diagnostics: hostileDiags},
	})
}

// golden compares got with testdata/formats/name, rewriting it under
// -update-formats.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "formats", name)
	if *updateFormats {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./report -update-formats)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from golden:\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

// applyFix applies f's fix with the fixer, the reference every format's
// rendering of a fix must agree with.
func applyFix(t *testing.T, f *Finding) []byte {
	t.Helper()
	out, n, err := fix.Apply(f.Doc.Src, []lint.Diagnostic{{Pos: f.Offset, End: f.EndOffset, Fix: f.Fix}})
	if err != nil || n != 1 {
		t.Fatalf("%s:%d: fix.Apply: %d applied, %v", f.Path, f.Line, n, err)
	}
	return out
}

// replaceLines replaces the 1-based lines first..last of doc with lines,
// as a line-wise suggestion does, keeping the document's line endings.
func replaceLines(doc *lint.Document, first, last int, lines []string) []byte {
	start := doc.LineStarts[first-1]
	stop := len(doc.Src)
	if last < len(doc.LineStarts) {
		stop = doc.LineStarts[last]
	}
	var b bytes.Buffer
	b.Write(doc.Src[:start])
	for _, l := range lines {
		b.WriteString(l + doc.LineEnding)
	}
	if stop == len(doc.Src) && !bytes.HasSuffix(doc.Src, []byte("\n")) && len(lines) > 0 {
		b.Truncate(b.Len() - len(doc.LineEnding))
	}
	b.Write(doc.Src[stop:])
	return b.Bytes()
}
