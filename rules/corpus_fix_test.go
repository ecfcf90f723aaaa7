package rules

import (
	"bytes"
	"fmt"
	"os"
	"slices"
	"testing"

	"github.com/listlint/listlint/fix"
	"github.com/listlint/listlint/internal/corpustest"
	"github.com/listlint/listlint/lint"
)

// TestCorpusFixProperties fixes every corpus file with each rule alone,
// then with all of them, and checks what any fix must keep: findings inside the file, the multiset of
// entry URLs, the line ending, idempotence, no fixable finding left, and
// untouched bytes for a file without fixable findings.
func TestCorpusFixProperties(t *testing.T) {
	files := corpustest.Files(t)
	all := All()
	sets := map[string][]*lint.Rule{"together": all}
	for _, r := range all {
		sets[r.ID] = []*lint.Rule{r}
	}
	for name, rs := range sets {
		t.Run(name, func(t *testing.T) {
			if dump && name != "together" {
				t.Skip("LISTLINT_DUMP prints the findings of all rules together")
			}
			// Rules off by default (spelling) are on here too.
			l := &lint.Linter{Rules: rs, Configure: func(_ string, r *lint.Rule) lint.Settings {
				s := r.Defaults()
				s.Off = false
				return s
			}}
			for _, path := range files {
				checkCorpusFile(t, l, path)
			}
		})
	}
}

// dump is set by LISTLINT_DUMP=1: the corpus tests then print every
// finding with its line, for reading them.
var dump = os.Getenv("LISTLINT_DUMP") != ""

func checkCorpusFile(t *testing.T, l *lint.Linter, path string) {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := lint.Parse(path, src)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	fixable := false
	for _, d := range l.Run([]*lint.Document{doc})[0].Diagnostics {
		if d.Pos < 0 || d.End < d.Pos || d.End > len(src) {
			t.Errorf("%s: finding %q spans [%d,%d) outside the file", path, d.Message, d.Pos, d.End)
			continue
		}
		line := doc.Line(d.Pos)
		if d.Fix != nil {
			if err := fix.Validate(d.Fix, src); err != nil {
				t.Errorf("%s:%d: %s: %v", path, line, d.Rule, err)
			}
		}
		if dump {
			fmt.Printf("%s\t%s:%d\t%s\t%s\n", d.Rule, path, line, d.Message, doc.Text(doc.LineSpan(line)))
		}
		fixable = fixable || d.Fix != nil
	}
	res, err := fix.File(l, path, src)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if !fixable {
		if !bytes.Equal(res.Src, src) {
			t.Errorf("%s: changed without a fixable finding", path)
		}
		return
	}
	if got, want := corpustest.EntryURLs(res.Doc), corpustest.EntryURLs(doc); !slices.Equal(got, want) {
		t.Errorf("%s: fixing changed the entry URLs: %d before, %d after", path, len(want), len(got))
	}
	if res.Doc.LineEnding != doc.LineEnding && bytes.Count(src, []byte("\n")) > 1 {
		t.Errorf("%s: line ending %q became %q", path, doc.LineEnding, res.Doc.LineEnding)
	}
	for _, d := range res.Remaining {
		if d.Fix != nil {
			line, _ := res.Doc.Position(d.Pos)
			t.Errorf("%s:%d: fixable finding remains after fix: %s", path, line, d.Message)
		}
	}
	again, err := fix.File(l, path, res.Src)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if !bytes.Equal(again.Src, res.Src) {
		t.Errorf("%s: fix is not idempotent", path)
	}
}
