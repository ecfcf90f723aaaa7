package rules

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/listlint/listlint/fix"
	"github.com/listlint/listlint/lint"
)

// TestAwesomeGoMergedItem holds issue 13's acceptance check on the corpus
// copy of awesome-go: the item typed without a space after its bullet
// (line 270) and the empty item (line 838) are list-item findings, and
// fix gives the entry above line 270, into which CommonMark folded it, no
// final period of its own.
func TestAwesomeGoMergedItem(t *testing.T) {
	path := filepath.Join("..", "..", "shared", "corpus", "mainstream", "avelino__awesome-go@c4bc4eb4", "README.md")
	src, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("corpus not available: %v", err)
	}
	doc, err := lint.Parse(path, src)
	if err != nil {
		t.Fatal(err)
	}
	l := &lint.Linter{Rules: All()}
	found := map[int]bool{}
	for _, d := range l.Run([]*lint.Document{doc})[0].Diagnostics {
		line := doc.Line(d.Pos)
		switch {
		case d.Rule == "list-item":
			found[line] = true
		case d.Rule == "description" && (line == 269 || line == 270):
			t.Errorf("%d: %s finding on the entry that holds the folded item: %s", line, d.Rule, d.Message)
		}
	}
	for _, line := range []int{270, 838} {
		if !found[line] {
			t.Errorf("line %d: no list-item finding", line)
		}
	}
	res, err := fix.File(l, path, src)
	if err != nil {
		t.Fatal(err)
	}
	above := doc.Text(doc.LineSpan(269)) // the entry the item was folded into
	if !bytes.Contains(res.Src, []byte(above+"\n- [")) {
		t.Errorf("fix changed line 269 or did not split the folded item off it")
	}
}
