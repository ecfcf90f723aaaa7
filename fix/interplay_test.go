package fix

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/listlint/listlint/lint"
	"github.com/listlint/listlint/rules"
)

// TestInterplay fixes lists where the fixes of several rules meet, with
// every default rule, and compares the result with NAME.md.golden (written
// by hand; -update rewrites it). Each fixture names the rules whose
// findings it must start with, so that it keeps testing what it was
// written for; it is skipped until those rules are in rules.All().
func TestInterplay(t *testing.T) {
	for _, c := range []struct {
		name   string
		rules  []string
		passes int
	}{
		// A description fix on entries a sort moves, one of them with a
		// continuation line and one with a nested list: the sort takes the
		// fixes inside the entries along, one pass.
		{"description-sort.md", []string{"description", "sort-order"}, 1},
		// The same in a loose CRLF list with a BOM and no final newline:
		// the entry that was last moves up and gains the line ending, the
		// new last one goes without.
		{"description-sort-crlf.md", []string{"description", "sort-order"}, 1},
		// A "*" item splits the list in three; once its bullet is fixed the
		// whole list is one run and gets sorted: two passes.
		{"marker-sort.md", []string{"list-marker", "sort-order"}, 2},
		// Bullet fixes inside a nested list, which needs sorting, inside an
		// entry the outer sort moves: the bullet fixes go inside the inner
		// sort, which goes inside the outer one, all in one pass.
		{"marker-sort-nested.md", []string{"list-marker", "sort-order"}, 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			for _, id := range c.rules {
				if rules.ByID(id) == nil {
					t.Skipf("rule %s is not in rules.All() yet", id)
				}
			}
			path := filepath.Join("testdata", "interplay", c.name)
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			l := &lint.Linter{Rules: rules.All(), Configure: sortByName}
			doc, err := lint.Parse(c.name, src)
			if err != nil {
				t.Fatal(err)
			}
			found := map[string]bool{}
			for _, d := range l.Run([]*lint.Document{doc})[0].Diagnostics {
				found[d.Rule] = found[d.Rule] || d.Fix != nil
			}
			for _, id := range c.rules {
				if !found[id] {
					t.Errorf("no fixable %s finding in the fixture", id)
				}
			}
			res, err := File(l, c.name, src)
			if err != nil {
				t.Fatal(err)
			}
			golden := path + ".golden"
			if *update {
				if err := os.WriteFile(golden, res.Src, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if res.Passes != c.passes {
				t.Errorf("fixed in %d passes, want %d", res.Passes, c.passes)
			}
			if !bytes.Equal(res.Src, want) {
				t.Errorf("fixed output differs from %s:\n%s", golden, Diff(c.name, want, res.Src))
			}
			for _, d := range res.Remaining {
				line, _ := res.Doc.Position(d.Pos)
				t.Errorf("%d: %s finding remains: %s", line, d.Rule, d.Message)
			}
			again, err := File(l, c.name, res.Src)
			if err != nil {
				t.Fatal(err)
			}
			if again.Fixed != 0 {
				t.Errorf("not idempotent:\n%s", Diff(c.name, res.Src, again.Src))
			}
		})
	}
}
