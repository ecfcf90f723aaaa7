package rules

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/listlint/listlint/fix"
	"github.com/listlint/listlint/lint"
)

// entryStyleRules are the rules TestEntryStyleCorpus runs.
func entryStyleRules() []*lint.Rule {
	return []*lint.Rule{Description, EntryLink, ListMarker, ProjectTag, Separator}
}

// TestEntryStyleCorpus runs the entry-style rules over every real list in
// ../shared/corpus (skipped when absent): no panic, every finding inside
// the file and on one line, every fix valid; fixing with these rules is
// idempotent, leaves no fixable finding and keeps the entries' URLs.
// LISTLINT_DUMP=1 prints the findings, for reading them.
func TestEntryStyleCorpus(t *testing.T) {
	root := filepath.Join("..", "..", "shared", "corpus")
	if _, err := os.Stat(root); err != nil {
		t.Skipf("no corpus at %s", root)
	}
	var docs []*lint.Document
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		doc, err := lint.Parse(path, src)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		docs = append(docs, doc)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	dump := os.Getenv("LISTLINT_DUMP") != ""
	l := &lint.Linter{Rules: entryStyleRules()}
	for _, res := range l.Run(docs) {
		doc := res.Doc
		checkCorpusFix(t, l, doc)
		for _, d := range res.Diagnostics {
			if d.Pos < 0 || d.End < d.Pos || d.End > len(doc.Src) {
				t.Errorf("%s: %s finding [%d,%d) outside the file", doc.Path, d.Rule, d.Pos, d.End)
				continue
			}
			line := doc.Line(d.Pos)
			if ls := doc.LineSpan(line); d.End > ls.End && d.End > d.Pos {
				t.Errorf("%s:%d: %s finding [%d,%d) runs past its line", doc.Path, line, d.Rule, d.Pos, d.End)
			}
			if d.Fix != nil {
				if err := fix.Validate(d.Fix, len(doc.Src)); err != nil {
					t.Errorf("%s:%d: %s: %v", doc.Path, line, d.Rule, err)
				}
			}
			if dump {
				mark := " "
				if d.Fix != nil {
					mark = "*"
				}
				fmt.Printf("%s\t%s:%d\t%s %s\t%s\n", d.Rule, doc.Path, line, mark, d.Message,
					doc.Text(doc.LineSpan(line)))
			}
		}
	}
}

// checkCorpusFix fixes doc with l and checks the fixer's properties.
func checkCorpusFix(t *testing.T, l *lint.Linter, doc *lint.Document) {
	t.Helper()
	res, err := fix.File(l, doc.Path, doc.Src)
	if err != nil {
		t.Error(err)
		return
	}
	for _, d := range res.Remaining {
		if d.Fix != nil {
			t.Errorf("%s:%d: fixable %s finding remains after fix: %s", doc.Path, res.Doc.Line(d.Pos), d.Rule, d.Message)
		}
	}
	again, err := fix.File(l, doc.Path, res.Src)
	if err != nil {
		t.Error(err)
		return
	}
	if !bytes.Equal(again.Src, res.Src) {
		t.Errorf("%s: fixing twice changes the output", doc.Path)
	}
	if a, b := entryURLs(doc), entryURLs(res.Doc); a != b {
		t.Errorf("%s: fixing changed the entries' URLs", doc.Path)
	}
}

// entryURLs is the sorted multiset of entry destinations of doc.
func entryURLs(doc *lint.Document) string {
	var urls []string
	for _, it := range doc.Items {
		if it.IsEntry {
			urls = append(urls, it.Dest)
		}
	}
	sort.Strings(urls)
	return strings.Join(urls, "\n")
}
