// Package fix applies the text edits that rules attach to their findings,
// repeating parse, lint and apply until nothing changes; it also renders
// the unified diff of a fix and writes fixed files atomically.
package fix

import (
	"bytes"
	"cmp"
	"fmt"
	"hash/maphash"
	"slices"
	"sort"
	"unicode/utf8"

	"github.com/listlint/listlint/lint"
)

// MaxPasses bounds the parse-lint-apply loop: a rule whose fix keeps
// producing new fixes must not hang the fixer.
const MaxPasses = 10

// Validate reports a fix that has no edits or whose edits are out of
// bounds, unsorted or overlapping: such a fix is a bug in its rule.
// Adjacent edits and several insertions at one offset are valid; they
// apply in the order given.
func Validate(f *lint.Fix, size int) error {
	if len(f.Edits) == 0 {
		return fmt.Errorf("fix %q has no edits", f.Message)
	}
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

// splitsRune reports whether offset off of src falls inside a valid
// multi-byte UTF-8 sequence. Offsets next to invalid bytes do not count:
// there is no character there to break.
func splitsRune(src []byte, off int) bool {
	if off <= 0 || off >= len(src) || utf8.RuneStart(src[off]) {
		return false
	}
	for start := off - 1; start >= 0 && start >= off-utf8.UTFMax+1; start-- {
		if utf8.RuneStart(src[start]) {
			r, size := utf8.DecodeRune(src[start:])
			return r != utf8.RuneError && start+size > off
		}
	}
	return false
}

// check validates f against src: Validate, and no edit boundary inside a
// UTF-8 character, which would corrupt the text.
func check(f *lint.Fix, src []byte) error {
	if err := Validate(f, len(src)); err != nil {
		return err
	}
	for i, e := range f.Edits {
		if splitsRune(src, e.Pos) || splitsRune(src, e.End) {
			return fmt.Errorf("fix %q: edit %d [%d,%d) splits a UTF-8 character", f.Message, i, e.Pos, e.End)
		}
	}
	return nil
}

// span is the byte range a fix touches, for ordering and overlap checks.
func span(f *lint.Fix) (start, end int) {
	return f.Edits[0].Pos, f.Edits[len(f.Edits)-1].End
}

// Apply applies the fixes of diags to src. Fixes are taken whole, smaller
// spans first (ties in source order), and a fix that overlaps or touches
// one already taken is left for the next pass: two insertions at one
// offset, or edits on both sides of a boundary, would otherwise depend on
// the order of the fixes. Apply returns the new bytes and how many fixes
// it applied; when it applies none, it returns src itself. An invalid fix
// is an error naming its rule.
func Apply(src []byte, diags []lint.Diagnostic) ([]byte, int, error) {
	fixes := make([]*lint.Fix, 0, len(diags))
	for i := range diags {
		f := diags[i].Fix
		if f == nil {
			continue
		}
		if err := check(f, src); err != nil {
			return nil, 0, fmt.Errorf("rule %s: %w", diags[i].Rule, err)
		}
		fixes = append(fixes, f)
	}
	slices.SortStableFunc(fixes, func(a, b *lint.Fix) int {
		sa, ea := span(a)
		sb, eb := span(b)
		return cmp.Or(cmp.Compare(ea-sa, eb-sb), cmp.Compare(sa, sb))
	})
	var taken [][2]int // spans of accepted fixes, sorted and disjoint
	var edits []lint.TextEdit
	for _, f := range fixes {
		s, e := span(f)
		// The first taken span that ends at or after s is the only one
		// that can overlap or touch [s, e].
		i := sort.Search(len(taken), func(i int) bool { return taken[i][1] >= s })
		if i < len(taken) && taken[i][0] <= e {
			continue
		}
		taken = slices.Insert(taken, i, [2]int{s, e})
		edits = append(edits, f.Edits...)
	}
	if len(edits) == 0 {
		return src, 0, nil
	}
	// Fixes are disjoint and each one's edits sorted, so a stable sort by
	// position keeps the order of insertions at one offset.
	slices.SortStableFunc(edits, func(a, b lint.TextEdit) int { return cmp.Compare(a.Pos, b.Pos) })
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
	// Doc is the final document, and Remaining its findings. Fixable
	// findings remain only when the loop was cut short: the content
	// repeated or MaxPasses was reached.
	Doc       *lint.Document
	Remaining []lint.Diagnostic
}

// File fixes src, re-parsing and re-linting after each pass, until no fix
// applies, the content repeats, or MaxPasses passes have applied fixes.
// Rules that look across files see only this one.
func File(l *lint.Linter, path string, src []byte) (Result, error) {
	// Contents seen so far, by hash: copies of a large file per pass would
	// cost more than the pass. A collision would only end the loop early.
	seed := maphash.MakeSeed()
	seen := map[uint64]bool{maphash.Bytes(seed, src): true}
	res := Result{Src: src}
	for pass := 0; ; pass++ {
		doc, err := l.Parse(path, res.Src)
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
		h := maphash.Bytes(seed, out)
		if n == 0 || seen[h] {
			return res, nil
		}
		seen[h] = true
		res.Src = out
		res.Fixed += n
	}
}
