package bench

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"github.com/listlint/listlint/fix"
	"github.com/listlint/listlint/internal/corpustest"
	"github.com/listlint/listlint/internal/listgen"
	"github.com/listlint/listlint/lint"
	"github.com/listlint/listlint/rules"
)

// addSeeds seeds a fuzz target with every rule fixture and small
// generated lists.
func addSeeds(f *testing.F) {
	files, err := filepath.Glob(filepath.Join("..", "..", "testdata", "rules", "*", "*.md"))
	if err != nil {
		f.Fatal(err)
	}
	for _, name := range files {
		src, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	for _, clean := range []bool{true, false} {
		f.Add(listgen.List(listgen.Seed, 30, clean))
		f.Add(listgen.List(listgen.Awesome, 30, clean))
	}
}

// parse parses src, reporting whether it is input listlint refuses.
func parse(t *testing.T, src []byte) (*lint.Document, bool) {
	doc, err := lint.Parse("fuzz.md", src)
	if errors.Is(err, lint.ErrBinary) || errors.Is(err, lint.ErrLimit) {
		return nil, false
	}
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	return doc, true
}

// FuzzCheck: no panic; every finding's span lies inside the input and
// its position is on the line the span starts on; the output is
// deterministic.
func FuzzCheck(f *testing.F) {
	addSeeds(f)
	l := &lint.Linter{Rules: rules.All()}
	f.Fuzz(func(t *testing.T, src []byte) {
		doc, ok := parse(t, src)
		if !ok {
			return
		}
		first := l.Run([]*lint.Document{doc})[0].Diagnostics
		for _, d := range first {
			if d.Pos < 0 || d.End < d.Pos || d.End > len(src) {
				t.Fatalf("%s: span [%d,%d) outside the input (%d bytes)", d.Rule, d.Pos, d.End, len(src))
			}
			line, col := doc.Position(d.Pos)
			ls := doc.LineSpan(line)
			if d.Pos < doc.LineStarts[line-1] || d.Pos > ls.End+len(doc.LineEnding) || col < 1 {
				t.Fatalf("%s: offset %d reported at %d:%d, outside that line", d.Rule, d.Pos, line, col)
			}
		}
		doc2, _ := parse(t, src)
		if second := l.Run([]*lint.Document{doc2})[0].Diagnostics; !reflect.DeepEqual(first, second) {
			t.Fatalf("two runs differ:\n%v\n%v", first, second)
		}
	})
}

// FuzzFix: no panic; idempotent; no fixable finding after; the multiset
// of entry URLs unchanged; input without fixable findings, or with a
// merge conflict, returned byte for byte.
func FuzzFix(f *testing.F) {
	addSeeds(f)
	l := &lint.Linter{Rules: rules.All()}
	f.Fuzz(func(t *testing.T, src []byte) {
		doc, ok := parse(t, src)
		if !ok {
			return
		}
		fixable := false
		for _, d := range l.Run([]*lint.Document{doc})[0].Diagnostics {
			fixable = fixable || d.Fix != nil
		}
		res, err := fix.File(l, "fuzz.md", src)
		if err != nil {
			t.Fatalf("fix: %v", err)
		}
		if res.Stopped != nil {
			// A merge conflict: the input comes back as it was.
			if !bytes.Equal(res.Src, src) {
				t.Fatalf("fix stopped by %s, yet the output differs", res.Stopped.Rule)
			}
			return
		}
		if !fixable && !bytes.Equal(res.Src, src) {
			t.Fatalf("no fixable finding, yet the output differs")
		}
		again, err := fix.File(l, "fuzz.md", res.Src)
		if err != nil {
			t.Fatalf("second fix: %v", err)
		}
		if !bytes.Equal(again.Src, res.Src) {
			t.Fatalf("not idempotent:\n%q\n%q", res.Src, again.Src)
		}
		for _, d := range res.Remaining {
			if d.Fix != nil {
				t.Fatalf("fixable finding left after fix: %s %s", d.Rule, d.Message)
			}
		}
		if before, after := corpustest.EntryURLs(doc), corpustest.EntryURLs(res.Doc); !slices.Equal(before, after) {
			t.Fatalf("entry URLs changed:\n%q\n%q", before, after)
		}
	})
}
