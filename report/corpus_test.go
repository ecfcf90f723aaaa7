package report

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/listlint/listlint/internal/corpustest"
	"github.com/listlint/listlint/lint"
)

// corpusFindings parses the real lists under ../../shared/corpus/wx and
// puts a finding on the description of each entry (up to 20 a file), with
// a fix appending "." and the file's first entry as related place, so the
// formats meet real paths (spaces, "&"), CJK text, CRLF and BOM files.
func corpusFindings(t *testing.T) []Finding {
	t.Helper()
	root := filepath.Join(corpustest.Shared(t), "corpus", "wx")
	var results []lint.Result
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, path)
		if err != nil {
			return err
		}
		doc, err := lint.Parse(rel, src)
		if err != nil {
			return nil // binary files are not lists
		}
		var diags []lint.Diagnostic
		var first *lint.Entry
		for _, e := range doc.Items {
			if !e.IsEntry() || !e.Desc().Valid() || len(diags) == 20 {
				continue
			}
			if first == nil {
				first = e
				continue
			}
			line, col := doc.Position(first.Item().Start)
			diags = append(diags, lint.Diagnostic{
				Rule: "description", Severity: lint.Severity(len(diags) % 3), Pos: e.Desc().Start, End: e.Desc().End,
				Message: "description " + lint.Quote(doc.Text(e.Desc())) + " needs a period",
				Fix:     &lint.Fix{Message: `add "."`, Edits: []lint.TextEdit{{Pos: e.Desc().End, End: e.Desc().End, NewText: "."}}},
				Related: &lint.Related{Path: rel, Offset: first.Item().Start, Line: line, Column: col},
			})
		}
		results = append(results, lint.Result{Doc: doc, Diagnostics: diags})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return Findings(results)
}

func TestFormatsOnCorpus(t *testing.T) {
	fs := corpusFindings(t)
	t.Logf("%d findings in the corpus run", len(fs))
	if len(fs) < 1000 {
		t.Fatalf("only %d findings from the corpus", len(fs))
	}
	var gh, sarif, rd, md bytes.Buffer
	if err := GitHub(&gh, fs); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(gh.String(), "\n"), "\n")
	if len(lines) != len(fs) {
		t.Fatalf("%d annotation lines for %d findings", len(lines), len(fs))
	}
	for i, l := range lines {
		if _, props, msg := parseCommand(t, l); props["file"] != fs[i].Path || msg != fs[i].Message {
			t.Fatalf("annotation %d decodes to %q %q", i, props["file"], msg)
		}
	}
	if err := SARIF(&sarif, fs, testRules(), "dev"); err != nil {
		t.Fatal(err)
	}
	if err := validateSARIF(sarifSchema(t), sarif.Bytes()); err != nil {
		t.Fatalf("corpus SARIF is invalid: %v", err)
	}
	if err := RDJSON(&rd, fs); err != nil {
		t.Fatal(err)
	}
	if err := Markdown(&md, fs); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(md.String(), "```suggestion\n"); n != len(fs) {
		t.Errorf("%d suggestion blocks for %d fixable findings", n, len(fs))
	}
	for i := range fs {
		f := &fs[i]
		first, last, lines := fixedLines(f.Doc, f.Fix)
		if got, want := replaceLines(f.Doc, first, last, lines), applyFix(t, f); !bytes.Equal(got, want) {
			t.Fatalf("%s:%d: suggestion differs from the fix", f.Path, f.Line)
		}
	}
}
