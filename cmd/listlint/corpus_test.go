package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/listlint/listlint/internal/corpustest"
)

// TestCorpus runs listlint check over every real list in ../shared/corpus
// as one run: no usage or I/O error, valid JSON, and every finding's span
// inside its file, on the line and column it names.
func TestCorpus(t *testing.T) {
	root := filepath.Join(corpustest.Shared(t), "corpus")
	var stdout, stderr bytes.Buffer
	code := run([]string{"check", "--format", "json", root}, &stdout, &stderr)
	if code != exitClean && code != exitFindings {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr.String())
	}
	if stderr.Len() > 0 {
		t.Errorf("stderr:\n%s", stderr.String())
	}
	var findings []struct {
		Path               string
		Line, Column       int
		EndLine, EndColumn int
		Offset, EndOffset  int
		Rule               string
	}
	if err := json.Unmarshal(stdout.Bytes(), &findings); err != nil {
		t.Fatalf("output is not JSON: %v", err)
	}
	srcs := make(map[string][]byte)
	for _, f := range findings {
		src, ok := srcs[f.Path]
		if !ok {
			var err error
			if src, err = os.ReadFile(f.Path); err != nil {
				t.Fatal(err)
			}
			srcs[f.Path] = src
		}
		if f.Offset < 0 || f.Offset > f.EndOffset || f.EndOffset > len(src) {
			t.Errorf("%s:%d: %s: span [%d,%d) outside the file (%d bytes)", f.Path, f.Line, f.Rule, f.Offset, f.EndOffset, len(src))
			continue
		}
		line, col := position(src, f.Offset)
		if line != f.Line || col != f.Column {
			t.Errorf("%s: %s: offset %d is at %d:%d, finding says %d:%d", f.Path, f.Rule, f.Offset, line, col, f.Line, f.Column)
		}
		line, col = position(src, f.EndOffset)
		if line != f.EndLine || col != f.EndColumn {
			t.Errorf("%s: %s: end offset %d is at %d:%d, finding says %d:%d", f.Path, f.Rule, f.EndOffset, line, col, f.EndLine, f.EndColumn)
		}
	}
	t.Logf("%d findings in %d files", len(findings), len(srcs))
}

// position computes the 1-based line and character column of off
// independently of the lint package: lines end at "\n", a UTF-8 BOM does
// not count as a column.
func position(src []byte, off int) (line, col int) {
	start := bytes.LastIndexByte(src[:off], '\n') + 1
	line = bytes.Count(src[:off], []byte("\n")) + 1
	if start == 0 && bytes.HasPrefix(src, []byte("\xEF\xBB\xBF")) && off >= 3 {
		start = 3
	}
	return line, utf8.RuneCount(src[start:off]) + 1
}
