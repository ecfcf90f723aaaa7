package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/listlint/listlint/lint"
)

// TestFileVanishes removes a file between listing and reading: the run
// names it in one error line and lints the others.
func TestFileVanishes(t *testing.T) {
	dir := t.TempDir()
	keep := filepath.Join(dir, "a.md")
	gone := filepath.Join(dir, "b.md")
	for _, p := range []string{keep, gone} {
		if err := os.WriteFile(p, []byte("- [A](https://a.example): A.\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ins, errs := discover([]string{dir}, "", func(string) bool { return false }, nil)
	if len(errs) > 0 || len(ins) != 2 {
		t.Fatalf("discover: %d inputs, errors %v", len(ins), errs)
	}
	if err := os.Remove(gone); err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	c := &cli{stdout: &bytes.Buffer{}, stderr: &stderr}
	docs, errs := c.load(&lint.Linter{}, ins)
	if len(docs) != 1 || docs[0].Path != keep {
		t.Errorf("linted %d documents, want only %s", len(docs), keep)
	}
	if len(errs) != 1 || errs[0].Error() != gone+": no such file or directory" {
		t.Errorf("errors = %v, want one naming %s", errs, gone)
	}
}

// TestReadFault reads a path that fails on read, not on open (a folder
// named like a list): one error naming it, never a panic or a skip.
func TestReadFault(t *testing.T) {
	dir := t.TempDir()
	odd := filepath.Join(dir, "folder.md")
	if err := os.Mkdir(odd, 0o755); err != nil {
		t.Fatal(err)
	}
	c := &cli{stdout: &bytes.Buffer{}, stderr: &bytes.Buffer{}}
	_, errs := c.load(&lint.Linter{}, []input{{path: odd}})
	if len(errs) != 1 || !strings.HasPrefix(errs[0].Error(), odd+": ") {
		t.Errorf("errors = %v, want one naming %s", errs, odd)
	}
}
