// Package fix applies the text edits that rules attach to their findings,
// repeating parse, lint and apply until nothing changes; it also renders
// the unified diff of a fix and writes fixed files atomically.
package fix

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"hash/maphash"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/listlint/listlint/lint"
)

// MaxPasses bounds the parse-lint-apply loop: a rule whose fix keeps
// producing new fixes must not hang the fixer.
const MaxPasses = 10

// Validate reports a fix that has no edits, whose edits are out of
// bounds, unsorted or overlapping, or that splits a UTF-8 character of
// src: such a fix is a bug in its rule. Adjacent edits and several
// insertions at one offset are valid; they apply in the order given. A fix
// with Moves must be one edit whose new text is what the moves say.
func Validate(f *lint.Fix, src []byte) error {
	if len(f.Edits) == 0 {
		return fmt.Errorf("fix %q has no edits", f.Message)
	}
	prev := 0
	for i, e := range f.Edits {
		if e.Pos < 0 || e.End < e.Pos || e.End > len(src) {
			return fmt.Errorf("fix %q: edit %d [%d,%d) out of bounds (size %d)", f.Message, i, e.Pos, e.End, len(src))
		}
		if e.Pos < prev {
			return fmt.Errorf("fix %q: edit %d at %d overlaps or precedes the edit before it", f.Message, i, e.Pos)
		}
		prev = e.End
	}
	for i, e := range f.Edits {
		if splitsRune(src, e.Pos) || splitsRune(src, e.End) {
			return fmt.Errorf("fix %q: edit %d [%d,%d) splits a UTF-8 character", f.Message, i, e.Pos, e.End)
		}
	}
	if f.Moves != nil {
		if err := validateMoves(f, src); err != nil {
			return fmt.Errorf("fix %q: %w", f.Message, err)
		}
	}
	return nil
}

// validateMoves checks that a fix's moves are disjoint spans inside its
// one edit, and that its new text is their text in the order given with
// the text between them kept in place.
func validateMoves(f *lint.Fix, src []byte) error {
	if len(f.Edits) != 1 {
		return fmt.Errorf("a fix with moves has %d edits, want 1", len(f.Edits))
	}
	e := f.Edits[0]
	slots := sortedSpans(f.Moves)
	pos := e.Pos
	for _, s := range slots {
		if s.Start < pos || s.End < s.Start || s.End > e.End {
			return fmt.Errorf("move [%d,%d) overlaps another or lies outside [%d,%d)", s.Start, s.End, e.Pos, e.End)
		}
		pos = s.End
	}
	text := e.NewText
	take := func(b []byte) bool {
		ok := strings.HasPrefix(text, string(b))
		text = text[min(len(b), len(text)):]
		return ok
	}
	pos = e.Pos
	for k, m := range f.Moves {
		if !take(src[pos:slots[k].Start]) || !take(src[m.Start:m.End]) {
			return errors.New("new text is not the moved text")
		}
		pos = slots[k].End
	}
	if !take(src[pos:e.End]) || text != "" {
		return errors.New("new text is not the moved text")
	}
	return nil
}

// sortedSpans returns a copy of spans sorted by position.
func sortedSpans(spans []lint.Span) []lint.Span {
	s := slices.Clone(spans)
	slices.SortFunc(s, func(a, b lint.Span) int { return cmp.Compare(a.Start, b.Start) })
	return s
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

// taken is a fix Apply accepted: the range it touches and, for a fix that
// moves text, the fixes accepted inside that text.
type taken struct {
	start, end int
	fix        *lint.Fix
	inner      []*taken
	// slots are fix.Moves sorted by position.
	slots []lint.Span
}

// Apply applies the fixes of diags to src. Fixes are taken whole, smaller
// spans first (ties in source order), and a fix that overlaps or touches
// one already taken is left for the next pass: two insertions at one
// offset, or edits on both sides of a boundary, would otherwise depend on
// the order of the fixes. A fix that moves text (lint.Fix.Moves) is the
// exception: it takes the fixes inside it along when each of their edits
// lies within one moved span or within the text between two, so that an
// entry is corrected and sorted in one pass. Apply returns the new bytes
// and how many fixes it applied; when it applies none, it returns src
// itself. An invalid fix is an error naming its rule.
func Apply(src []byte, diags []lint.Diagnostic) ([]byte, int, error) {
	fixes := make([]*lint.Fix, 0, len(diags))
	for i := range diags {
		f := diags[i].Fix
		if f == nil {
			continue
		}
		if err := Validate(f, src); err != nil {
			return nil, 0, fmt.Errorf("rule %s: %w", diags[i].Rule, err)
		}
		fixes = append(fixes, f)
	}
	// Fixes meet only when their spans overlap or touch. Take them group
	// by group of such spans, so that placing one costs the size of its
	// group and not of the file: with one list a sort per section would
	// shift every later fix of the file.
	cands := make([]candidate, len(fixes))
	for i, f := range fixes {
		cands[i].fix = f
		cands[i].start, cands[i].end = span(f)
	}
	slices.SortStableFunc(cands, func(a, b candidate) int { return cmp.Compare(a.start, b.start) })
	for i, reach := 0, -1; i < len(cands); i++ {
		cands[i].group = i
		if i > 0 && cands[i].start <= reach {
			cands[i].group = cands[i-1].group
		}
		reach = max(reach, cands[i].end)
	}
	slices.SortStableFunc(cands, func(a, b candidate) int {
		return cmp.Or(cmp.Compare(a.group, b.group), cmp.Compare(a.end-a.start, b.end-b.start), cmp.Compare(a.start, b.start))
	})
	var all []*taken // sorted and disjoint
	applied := 0
	for g := 0; g < len(cands); {
		h := g + 1
		for h < len(cands) && cands[h].group == cands[g].group {
			h++
		}
		top, n := take(cands[g:h])
		all = append(all, top...)
		applied += n
		g = h
	}
	if applied == 0 {
		return src, 0, nil
	}
	var out bytes.Buffer
	out.Grow(len(src))
	render(&out, src, 0, len(src), steps(all))
	return out.Bytes(), applied, nil
}

// candidate is a fix, its span and the group of fixes it may meet.
type candidate struct {
	fix        *lint.Fix
	start, end int
	group      int
}

// take takes the fixes of one group, smaller spans first, and returns the
// taken ones, sorted and disjoint, and how many fixes they hold.
func take(cands []candidate) (top []*taken, applied int) {
	for _, c := range cands {
		t := &taken{fix: c.fix, start: c.start, end: c.end}
		if c.fix.Moves != nil {
			t.slots = sortedSpans(c.fix.Moves)
		}
		// Taken spans are disjoint and sorted, so their ends are sorted
		// too: top[i:j] are the ones that overlap or touch [start, end].
		i := sort.Search(len(top), func(i int) bool { return top[i].end >= t.start })
		j := i
		for j < len(top) && top[j].start <= t.end {
			j++
		}
		if j > i {
			if c.fix.Moves == nil || !t.holds(top[i:j]) {
				continue
			}
			t.inner = slices.Clone(top[i:j])
		}
		top = slices.Replace(top, i, j, t)
		applied++
	}
	return top, applied
}

// span is the byte range a fix touches, for ordering and overlap checks.
func span(f *lint.Fix) (start, end int) {
	return f.Edits[0].Pos, f.Edits[len(f.Edits)-1].End
}

// holds reports whether every edit of the fixes ts lies within one piece
// of move m.
func (m *taken) holds(ts []*taken) bool {
	for _, s := range steps(ts) {
		if m.piece(s.pos(), s.end(), s.text()) < 0 {
			return false
		}
	}
	return true
}

// piece returns which piece of move m holds an edit of [pos, end) with
// new text text: 2k+1 for the k-th moved span in position order, 2k for
// the text before it, 2n after the last; -1 for none. An insertion at the
// end of a moved span travels with it unless it starts a new line (a
// final period does; a blank line does not); one at its start stays.
func (m *taken) piece(pos, end int, text string) int {
	e := m.fix.Edits[0]
	k := sort.Search(len(m.slots), func(k int) bool { return m.slots[k].End >= pos })
	if k < len(m.slots) {
		s := m.slots[k]
		inside := s.Start <= pos && end <= s.End
		if inside && pos == end && (pos == s.Start || pos == s.End && strings.ContainsAny(text, "\r\n")) {
			inside = false
		}
		if inside {
			return 2*k + 1
		}
		if pos == s.End {
			k++ // the gap after s
		}
	}
	lo, hi := e.Pos, e.End
	if k > 0 {
		lo = m.slots[k-1].End
	}
	if k < len(m.slots) {
		hi = m.slots[k].Start
	}
	if lo <= pos && end <= hi {
		return 2 * k
	}
	return -1
}

// step is one unit of rendering: an edit, or a move with the fixes inside.
type step struct {
	edit lint.TextEdit
	move *taken
}

func (s step) pos() int {
	if s.move != nil {
		return s.move.start
	}
	return s.edit.Pos
}

func (s step) end() int {
	if s.move != nil {
		return s.move.end
	}
	return s.edit.End
}

func (s step) text() string {
	if s.move != nil {
		return ""
	}
	return s.edit.NewText
}

// steps flattens taken fixes, disjoint and sorted, into steps in order.
func steps(ts []*taken) []step {
	var out []step
	for _, t := range ts {
		if t.fix.Moves != nil {
			out = append(out, step{move: t})
			continue
		}
		for _, e := range t.fix.Edits {
			out = append(out, step{edit: e})
		}
	}
	return out
}

// render writes src[lo:hi] with the steps, which lie inside it in order.
func render(out *bytes.Buffer, src []byte, lo, hi int, ss []step) {
	last := lo
	for _, s := range ss {
		out.Write(src[last:s.pos()])
		if s.move == nil {
			out.WriteString(s.edit.NewText)
		} else {
			s.move.render(out, src)
		}
		last = s.end()
	}
	out.Write(src[last:hi])
}

// render writes the text of move m, with the fixes taken inside it
// applied to the pieces that hold them.
func (m *taken) render(out *bytes.Buffer, src []byte) {
	n := len(m.slots)
	byPiece := make([][]step, 2*n+1)
	for _, s := range steps(m.inner) {
		k := m.piece(s.pos(), s.end(), s.text())
		byPiece[k] = append(byPiece[k], s)
	}
	e := m.fix.Edits[0]
	pos := e.Pos
	for k, mv := range m.fix.Moves {
		render(out, src, pos, m.slots[k].Start, byPiece[2*k])
		slot, _ := slices.BinarySearchFunc(m.slots, mv.Start, func(s lint.Span, start int) int { return cmp.Compare(s.Start, start) })
		render(out, src, mv.Start, mv.End, byPiece[2*slot+1])
		pos = m.slots[k].End
	}
	render(out, src, pos, e.End, byPiece[2*n])
}

// Result is the outcome of fixing one file.
type Result struct {
	// Src is the fixed content; it is the input slice itself when nothing
	// changed.
	Src []byte
	// Fixed counts the fixes applied over all passes, and Passes the
	// passes that applied any.
	Fixed, Passes int
	// Doc is the final document, and Remaining its findings. Fixable
	// findings remain only when the loop was cut short: the content
	// repeated or MaxPasses was reached.
	Doc       *lint.Document
	Remaining []lint.Diagnostic
	// Stopped is the finding of a rule that stops fix (a merge conflict
	// marker) for which the file was left untouched; nil when fixed.
	Stopped *lint.Diagnostic
	// Lint is the lint of Doc alone, for lint.Linter.RunAcross.
	Lint lint.Result
}

// stopper returns the first of diags whose rule stops fix, or nil.
func stopper(l *lint.Linter, diags []lint.Diagnostic) *lint.Diagnostic {
	for _, r := range l.Rules {
		if !r.StopsFix {
			continue
		}
		for i := range diags {
			if diags[i].Rule == r.ID {
				return &diags[i]
			}
		}
	}
	return nil
}

// File fixes src, re-parsing and re-linting after each pass, until no fix
// applies, the content repeats, or MaxPasses passes have applied fixes.
// A file with a finding of a rule that stops fix is returned as it is,
// with Stopped set. Rules that look across files see only this one.
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
		res.Lint = l.RunAlone(doc)
		diags := res.Lint.Diagnostics
		res.Doc, res.Remaining = doc, diags
		if pass == 0 {
			if res.Stopped = stopper(l, diags); res.Stopped != nil {
				return res, nil
			}
		}
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
		res.Passes++
	}
}
