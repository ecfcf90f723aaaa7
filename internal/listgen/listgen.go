// Package listgen writes synthetic awesome-style lists of any size for
// benchmarks and robustness tests, so no large file is committed.
package listgen

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// Style selects the conventions of a generated list.
type Style int

const (
	// Seed is the tagged style: "- [2019-Name #Project#](url): Desc.",
	// loose lists, H1 sections.
	Seed Style = iota
	// Awesome is the awesome-go style: "- [Name](url) - Desc.", tight
	// lists, H2 sections.
	Awesome
)

// PerSection is how many entries each generated section holds.
const PerSection = 25

var words = []string{
	"atlas", "beacon", "cobalt", "delta", "ember", "falcon", "garnet", "harbor",
	"indigo", "juniper", "kestrel", "lumen", "meridian", "nimbus", "onyx",
	"pylon", "quartz", "raven", "sierra", "tundra", "umbra", "vertex",
	"willow", "xenon", "yarrow", "zephyr",
}

// List returns a list of n entries in style. When clean, the list has no
// finding: sorted, well formed, no duplicates. When not clean, every entry
// needs a fix (separator, final period) and every section needs sorting.
func List(style Style, n int, clean bool) []byte {
	rng := rand.New(rand.NewPCG(uint64(n), uint64(style)))
	var b strings.Builder
	b.Grow(n * 110)
	b.WriteString("# Generated List\n\nA list written by a program for benchmarks.\n")
	for s := 0; s*PerSection < n; s++ {
		count := min(PerSection, n-s*PerSection)
		names := make([]string, count)
		for i := range names {
			// The section and position make every name unique and sorted;
			// a random word keeps the text varied.
			w := words[rng.IntN(len(words))]
			names[i] = fmt.Sprintf("Item %04d-%02d %s%s", s, i, strings.ToUpper(w[:1]), w[1:])
		}
		if !clean {
			// Reverse order: every section is out of order.
			for i, j := 0, len(names)-1; i < j; i, j = i+1, j-1 {
				names[i], names[j] = names[j], names[i]
			}
		}
		if style == Seed {
			fmt.Fprintf(&b, "\n# Section %04d\n\n", s)
		} else {
			fmt.Fprintf(&b, "\n## Section %04d\n\n", s)
		}
		for i, name := range names {
			url := fmt.Sprintf("https://example.com/%d/%d/%s", s, i, strings.ReplaceAll(strings.ToLower(name), " ", "-"))
			desc := fmt.Sprintf("A %s tool for %s work", words[rng.IntN(len(words))], words[rng.IntN(len(words))])
			end := "."
			if !clean {
				end = ""
			}
			switch style {
			case Seed:
				sep := ": "
				if !clean {
					sep = ":"
				}
				year := 2010 + (s+i)%10
				if i > 0 {
					b.WriteByte('\n') // loose list
				}
				fmt.Fprintf(&b, "- [%d-%s #Project#](%s)%s%s%s\n", year, name, url, sep, desc, end)
			case Awesome:
				sep := " - "
				if !clean {
					// A variant of " - ": an en dash throughout would be
					// the list's own style.
					sep = "  - "
				}
				fmt.Fprintf(&b, "- [%s](%s)%s%s%s\n", name, url, sep, desc, end)
			}
		}
	}
	return []byte(b.String())
}
