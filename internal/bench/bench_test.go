// Package bench measures listlint against goldmark itself on generated
// lists of 1k, 10k and 100k entries. scripts/bench-ratios.sh runs it in
// rounds and prints every benchmark beside Parse, the yardstick:
//
//	go test ./internal/bench -run '^$' -bench . -benchmem > new.txt
//	benchstat -col .name -row /style,/n new.txt
package bench

import (
	"bytes"
	"fmt"
	"testing"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"github.com/listlint/listlint/fix"
	"github.com/listlint/listlint/internal/listgen"
	"github.com/listlint/listlint/lint"
	"github.com/listlint/listlint/rules"
)

var sizes = []int{1_000, 10_000, 100_000}

var styles = []struct {
	name  string
	style listgen.Style
}{{"seed", listgen.Seed}, {"awesome", listgen.Awesome}}

// each runs op as a sub-benchmark for every style and size.
//
// op runs once untimed before the measured loop. The first run grows the
// heap to its working size, faulting in fresh pages: at 100k entries it
// takes 585-632 ms against 460-500 ms for later runs, and a one-second
// benchmark there holds only two runs. That one-off cost of a process
// would skew the 10k-to-100k growth the benchmarks compare.
func each(b *testing.B, clean bool, op func(src []byte) error) {
	for _, st := range styles {
		for _, n := range sizes {
			// key=value names let benchstat put the benchmarks side by
			// side: -col .name -row /style,/n.
			b.Run(fmt.Sprintf("style=%s/n=%dk", st.name, n/1000), func(b *testing.B) {
				// Generated inside the sub-benchmark, so that -bench
				// filters skip the large inputs they do not run.
				src := listgen.List(st.style, n, clean)
				b.SetBytes(int64(len(src)))
				b.ReportAllocs()
				// b.Loop starts the timer and the allocation count
				// afresh on its first call.
				if err := op(src); err != nil {
					b.Fatal(err)
				}
				for b.Loop() {
					if err := op(src); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// BenchmarkParse is the yardstick: a goldmark parse and a walk of the
// whole tree, nothing else.
func BenchmarkParse(b *testing.B) {
	each(b, true, func(src []byte) error {
		root := goldmark.New().Parser().Parse(text.NewReader(src))
		n := 0
		return ast.Walk(root, func(ast.Node, bool) (ast.WalkStatus, error) {
			n++
			return ast.WalkContinue, nil
		})
	})
}

// BenchmarkModel is lint.Parse: the goldmark parse plus the flat model.
func BenchmarkModel(b *testing.B) {
	each(b, true, func(src []byte) error {
		_, err := lint.Parse("list.md", src)
		return err
	})
}

// BenchmarkCheck parses and runs every default rule.
func BenchmarkCheck(b *testing.B) {
	l := &lint.Linter{Rules: rules.All()}
	each(b, true, func(src []byte) error {
		doc, err := lint.Parse("list.md", src)
		if err != nil {
			return err
		}
		l.Run([]*lint.Document{doc})
		return nil
	})
}

// BenchmarkFixClean fixes a list that needs nothing.
func BenchmarkFixClean(b *testing.B) {
	l := &lint.Linter{Rules: rules.All()}
	each(b, true, func(src []byte) error {
		_, err := fix.File(l, "list.md", src)
		return err
	})
}

// BenchmarkFixAll fixes a list where every entry needs a fix and every
// section needs sorting.
func BenchmarkFixAll(b *testing.B) {
	l := &lint.Linter{Rules: rules.All()}
	each(b, false, func(src []byte) error {
		_, err := fix.File(l, "list.md", src)
		return err
	})
}

// TestInputs keeps the benchmarks honest: the clean lists have no finding,
// the dirty ones a fixable finding on every entry, and fixing them takes
// one pass and leaves nothing.
func TestInputs(t *testing.T) {
	l := &lint.Linter{Rules: rules.All()}
	for _, st := range styles {
		clean := listgen.List(st.style, 300, true)
		doc, err := lint.Parse("clean.md", clean)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range l.Run([]*lint.Document{doc})[0].Diagnostics {
			line, col := doc.Position(d.Pos)
			t.Errorf("%s clean list: %d:%d: %s %s", st.name, line, col, d.Rule, d.Message)
		}
		dirty := listgen.List(st.style, 300, false)
		res, err := fix.File(l, "dirty.md", dirty)
		if err != nil {
			t.Fatal(err)
		}
		if res.Fixed < 300 {
			t.Errorf("%s dirty list: %d fixes, want at least one per entry", st.name, res.Fixed)
		}
		// Sorting takes the entries' own fixes along: one pass fixes all,
		// a second confirms.
		if res.Passes != 1 {
			t.Errorf("%s dirty list: fixed in %d passes, want 1", st.name, res.Passes)
		}
		for _, d := range res.Remaining {
			t.Errorf("%s dirty list after fix: %s %s", st.name, d.Rule, d.Message)
		}
	}
}

// TestHostileRules runs every default rule, and a fix, over inputs that
// once made a rule's or the fixer's work grow with the square of their
// size. The bound is generous so the test is not timing-flaky; it
// catches blow-ups (100,000 folded lines took minutes).
func TestHostileRules(t *testing.T) {
	l := &lint.Linter{Rules: rules.All()}
	for _, c := range []struct {
		name string
		src  []byte
	}{
		{"100,000 lines folded into one item", append([]byte("- [a](https://a.example): A.\n"), bytes.Repeat([]byte("![x](https://i.example/x.png)\n"), 100_000)...)},
		{"100,000 unindented lines of one description", append([]byte("- [a](https://a.example): A\n"), bytes.Repeat([]byte("word\n"), 100_000)...)},
	} {
		t.Run(c.name, func(t *testing.T) {
			start := time.Now()
			doc, err := lint.Parse("hostile.md", c.src)
			if err != nil {
				t.Fatal(err)
			}
			l.Run([]*lint.Document{doc})
			if _, err := fix.File(l, "hostile.md", c.src); err != nil {
				t.Fatal(err)
			}
			if took := time.Since(start); took > 10*time.Second {
				t.Errorf("took %v, want under 10s", took)
			}
		})
	}
}
