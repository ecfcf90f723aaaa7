package bench

import (
	"bytes"
	"os"
	"testing"

	"github.com/listlint/listlint/lint"
	"github.com/listlint/listlint/rules"
)

// awesomeGo is a real list from the shared corpus beside the repository
// (see rules/corpus_test.go): the benchmarks that read it skip without it.
const awesomeGo = "../../../shared/corpus/mainstream/avelino__awesome-go@c4bc4eb4/README.md"

// BenchmarkRule times each rule alone, with its default settings, on
// awesome-go's README and on that README 20 times over (8 MB, every
// entry a duplicate), both parsed once beforehand: what each rule adds
// to check. Rules off by default cost next to nothing here. Compare with
// BenchmarkRule/.../model, the parse and model build of the same input.
func BenchmarkRule(b *testing.B) {
	one, err := os.ReadFile(awesomeGo)
	if err != nil {
		b.Skip("no shared corpus:", err)
	}
	for _, in := range []struct {
		name string
		src  []byte
	}{{"awesome-go", one}, {"awesome-go-x20", bytes.Repeat(one, 20)}} {
		b.Run("in="+in.name+"/rule=model", func(b *testing.B) {
			b.SetBytes(int64(len(in.src)))
			for b.Loop() {
				if _, err := lint.Parse("README.md", in.src); err != nil {
					b.Fatal(err)
				}
			}
		})
		doc, err := lint.Parse("README.md", in.src)
		if err != nil {
			b.Fatal(err)
		}
		docs := []*lint.Document{doc}
		for _, r := range rules.All() {
			l := &lint.Linter{Rules: []*lint.Rule{r}}
			b.Run("in="+in.name+"/rule="+r.ID, func(b *testing.B) {
				b.SetBytes(int64(len(in.src)))
				b.ReportAllocs()
				for b.Loop() {
					l.Run(docs)
				}
			})
		}
	}
}
