package rules

import (
	"fmt"
	"strings"
	"testing"

	"github.com/listlint/listlint/lint"
)

// sameNameList is a list of n entries that all carry one name: on one
// host, where each later one is a copy of the first, or each in its own
// repository, where none is.
func sameNameList(n int, repos bool) []byte {
	var b strings.Builder
	b.WriteString("# Tools\n\n")
	for i := range n {
		if repos {
			fmt.Fprintf(&b, "- [Same](https://github.com/owner%d/same): Tool %d.\n", i, i)
		} else {
			fmt.Fprintf(&b, "- [Same](https://example.com/same/%d): Tool %d.\n", i, i)
		}
	}
	return []byte(b.String())
}

// BenchmarkDuplicateNameSame guards duplicate-name against quadratic
// time on one name listed many times: 10k and 100k entries must take
// about 10 times as long as each other, not 100.
func BenchmarkDuplicateNameSame(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		for _, repos := range []bool{false, true} {
			src := sameNameList(n, repos)
			doc, err := lint.ParseLimits("list.md", src, lint.Limits{})
			if err != nil {
				b.Fatal(err)
			}
			l := &lint.Linter{Rules: []*lint.Rule{DuplicateName}}
			want := n - 1
			if repos {
				want = 0
			}
			b.Run(fmt.Sprintf("n=%d/repos=%v", n, repos), func(b *testing.B) {
				for b.Loop() {
					res := l.Run([]*lint.Document{doc})
					if got := len(res[0].Diagnostics); got != want {
						b.Fatalf("%d findings, want %d", got, want)
					}
				}
			})
		}
	}
}
