// Package changes knows which lines a change under review added or
// modified, read from git or from a unified diff, so that listlint can
// report only what a pull request changed.
//
// A Set holds new-side line numbers per file, keyed by paths relative to
// Root (the top of the work tree for git, the folder the patch applies in
// for a patch). Lookups take the paths the CLI lints (relative to the
// current directory, "./x.md", or absolute) and map them onto those keys.
package changes

import (
	"path/filepath"
	"slices"
	"strings"

	"github.com/listlint/listlint/lint"
)

// Set is the lines a change added or modified, per file. The zero Set
// holds no change.
type Set struct {
	// Root is the folder the change's paths are relative to. FromGit sets
	// it to the work tree's top level; empty means the current directory.
	Root  string
	files map[string]fileLines
}

// fileLines is the change to one file: the sorted new-side lines added or
// modified, or the whole file when it is new to the repository and its
// length is not known (an untracked file).
type fileLines struct {
	whole bool
	lines []int
}

// add records 1-based new-side lines of one file; whole marks every line
// of it. Call sorted once every line is in.
func (s *Set) add(name string, lines []int, whole bool) {
	if s.files == nil {
		s.files = make(map[string]fileLines)
	}
	f := s.files[name]
	f.whole = f.whole || whole
	f.lines = append(f.lines, lines...)
	s.files[name] = f
}

// sorted sorts each file's lines and drops repeats: a file may come in
// several pieces (two diffs of one path in a patch).
func (s *Set) sorted() {
	for name, f := range s.files {
		slices.Sort(f.lines)
		f.lines = slices.Compact(f.lines)
		s.files[name] = f
	}
}

// Lines returns the changed lines of the file at path (as the CLI names
// it) in a file of n lines, sorted; nil when the change did not touch it.
// A wholly new file yields every line from 1 to n.
func (s Set) Lines(path string, n int) []int {
	f, ok := s.lookup(path)
	if !ok {
		return nil
	}
	if !f.whole {
		return slices.Clone(f.lines)
	}
	all := make([]int, n)
	for i := range all {
		all[i] = i + 1
	}
	return all
}

// Changed returns the lines of doc the change touched, so that rules
// comparing entries report on the changed one: the CLI sets it as the
// lint.Linter's Changed.
func (s Set) Changed(doc *lint.Document) []int {
	return s.Lines(doc.Path, doc.LineCount())
}

// Filter keeps the findings on changed lines: those whose first to last
// line includes a line the change added or modified. Results keep their
// order and their documents; a result left without findings stays, with
// none. The input is not modified.
func Filter(results []lint.Result, set Set) []lint.Result {
	out := make([]lint.Result, len(results))
	for i, r := range results {
		out[i] = lint.Result{Doc: r.Doc}
		f, ok := set.lookup(r.Doc.Path)
		if !ok {
			continue
		}
		for _, d := range r.Diagnostics {
			if f.whole || f.touches(r.Doc, d) {
				out[i].Diagnostics = append(out[i].Diagnostics, d)
			}
		}
	}
	return out
}

// touches reports whether a finding's lines include a changed one. A
// finding ends before End, so a span ending at a line's start does not
// reach that line.
func (f fileLines) touches(doc *lint.Document, d lint.Diagnostic) bool {
	first := doc.Line(d.Pos)
	last := first
	if d.End > d.Pos {
		last = doc.Line(d.End - 1)
	}
	i, _ := slices.BinarySearch(f.lines, first)
	return i < len(f.lines) && f.lines[i] <= last
}

// lookup finds the change to the file at path, given as the CLI names it.
// The path is first taken as written; when that does not match, symbolic
// links are resolved on both sides (the current directory may be reached
// through a link that git, which reports the real top level, does not
// see).
func (s Set) lookup(path string) (fileLines, bool) {
	if len(s.files) == 0 {
		return fileLines{}, false
	}
	root := s.Root
	if root == "" {
		root = "."
	}
	rootAbs, err := filepath.Abs(root)
	if err != nil {
		return fileLines{}, false
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return fileLines{}, false
	}
	if f, ok := s.files[relSlash(rootAbs, abs)]; ok {
		return f, true
	}
	rootReal, err := filepath.EvalSymlinks(rootAbs)
	if err != nil {
		return fileLines{}, false
	}
	dirReal, err := filepath.EvalSymlinks(filepath.Dir(abs))
	if err != nil {
		return fileLines{}, false
	}
	f, ok := s.files[relSlash(rootReal, filepath.Join(dirReal, filepath.Base(abs)))]
	return f, ok
}

// relSlash is target relative to base with forward slashes, "" when it
// lies outside base.
func relSlash(base, target string) string {
	rel, err := filepath.Rel(base, target)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return ""
	}
	return filepath.ToSlash(rel)
}
