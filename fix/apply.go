// Package fix applies the text edits that rules attach to their findings,
// repeating parse, lint and apply until nothing changes.
package fix

import (
	"bytes"
	"fmt"
	"sort"

	"github.com/listlint/listlint/lint"
)

// MaxPasses bounds the parse-lint-apply loop: a rule whose fix keeps
// producing new fixes must not hang the fixer.
const MaxPasses = 10

// Validate reports a fix whose edits are out of bounds, unsorted or
// overlapping: such a fix is a bug in its rule.
func Validate(f *lint.Fix, size int) error {
	prev := 0
	for i, e := range f.Edits {
		if e.Pos < 0 || e.End < e.Pos || e.End > size {
			return fmt.Errorf("fix %q: edit %d [%d,%d) out of bounds (size %d)", f.Message, i, e.Pos, e.End, size)
		}
		if e.Pos < prev {
			return fmt.Errorf("fix %q: edit %d at %d overlaps or precedes the edit before it", f.Message, i, e.Pos)
		}
		prev = e.End
	}
	return nil
}

// span is the byte range a fix touches, for ordering and overlap checks.
func span(f *lint.Fix) (start, end int) {
	return f.Edits[0].Pos, f.Edits[len(f.Edits)-1].End
}

// Apply applies the fixes of diags to src. Fixes are taken whole, smaller
// spans first, and a fix that overlaps (or touches) one already taken is
// left for the next pass. It returns the new bytes and how many fixes it
// applied; an invalid fix is an error.
func Apply(src []byte, diags []lint.Diagnostic) ([]byte, int, error) {
	fixes := make([]*lint.Fix, 0, len(diags))
	for i := range diags {
		f := diags[i].Fix
		if f == nil || len(f.Edits) == 0 {
			continue
		}
		if err := Validate(f, len(src)); err != nil {
			return nil, 0, fmt.Errorf("rule %s: %w", diags[i].Rule, err)
		}
		fixes = append(fixes, f)
	}
	sort.SliceStable(fixes, func(i, j int) bool {
		si, ei := span(fixes[i])
		sj, ej := span(fixes[j])
		if ei-si != ej-sj {
			return ei-si < ej-sj
		}
		return si < sj
	})
	var taken [][2]int // spans of accepted fixes, kept sorted
	var edits []lint.TextEdit
	for _, f := range fixes {
		s, e := span(f)
		i := sort.Search(len(taken), func(i int) bool { return taken[i][1] >= s })
		// Touching counts as overlap: two insertions at one offset would
		// otherwise depend on order.
		if i < len(taken) && taken[i][0] <= e {
			continue
		}
		taken = append(taken, [2]int{})
		copy(taken[i+1:], taken[i:])
		taken[i] = [2]int{s, e}
		edits = append(edits, f.Edits...)
	}
	if len(edits) == 0 {
		return src, 0, nil
	}
	sort.SliceStable(edits, func(i, j int) bool { return edits[i].Pos < edits[j].Pos })
	var out bytes.Buffer
	out.Grow(len(src))
	last := 0
	for _, e := range edits {
		out.Write(src[last:e.Pos])
		out.WriteString(e.NewText)
		last = e.End
	}
	out.Write(src[last:])
	return out.Bytes(), len(taken), nil
}

// Result is the outcome of fixing one file.
type Result struct {
	// Src is the fixed content; it is the input slice itself when nothing
	// changed.
	Src []byte
	// Fixed counts the fixes applied over all passes.
	Fixed int
	// Doc is the final document, and Remaining its findings.
	Doc       *lint.Document
	Remaining []lint.Diagnostic
}

// File fixes src, re-parsing and re-linting after each pass, until no fix
// applies, the content repeats, or MaxPasses is reached.
func File(l *lint.Linter, path string, src []byte) (Result, error) {
	seen := map[string]bool{string(src): true}
	res := Result{Src: src}
	for pass := 0; ; pass++ {
		doc, err := lint.Parse(path, res.Src)
		if err != nil {
			return res, fmt.Errorf("%s: %w", path, err)
		}
		diags := l.Run([]*lint.Document{doc})[0].Diagnostics
		res.Doc, res.Remaining = doc, diags
		if pass == MaxPasses {
			return res, nil
		}
		out, n, err := Apply(res.Src, diags)
		if err != nil {
			return res, fmt.Errorf("%s: %w", path, err)
		}
		if n == 0 || seen[string(out)] {
			return res, nil
		}
		seen[string(out)] = true
		res.Src = out
		res.Fixed += n
	}
}
