package bench

import (
	"testing"

	"github.com/listlint/listlint/internal/listgen"
	"github.com/listlint/listlint/lint"
	"github.com/listlint/listlint/rules"
)

func BenchmarkSortOnly(b *testing.B) {
	for _, st := range []listgen.Style{listgen.Seed, listgen.Awesome} {
		for _, clean := range []bool{true, false} {
			src := listgen.List(st, 20000, clean)
			doc, err := lint.Parse("l.md", src)
			if err != nil {
				b.Fatal(err)
			}
			l := &lint.Linter{Rules: []*lint.Rule{rules.SortOrder}, Configure: func(_ string, r *lint.Rule) lint.Settings {
				s := r.Defaults()
				s.Options["by"] = "name"
				return s
			}}
			name := map[bool]string{true: "clean", false: "dirty"}[clean]
			b.Run(map[listgen.Style]string{listgen.Seed: "seed", listgen.Awesome: "awesome"}[st]+"/"+name, func(b *testing.B) {
				for b.Loop() {
					l.Run([]*lint.Document{doc})
				}
			})
		}
	}
}
