package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/listlint/listlint/fix"
	"github.com/listlint/listlint/lint"
	"github.com/listlint/listlint/rules"
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

// TestFixEditedMeanwhile edits a file between fix's read and its write:
// the edit stays, and the run names the file in one line and exits 2.
func TestFixEditedMeanwhile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "list.md")
	src := []byte("# Tools\n\n- [Alpha](https://example.com/alpha): First.   \n")
	if err := os.WriteFile(p, src, 0o644); err != nil {
		t.Fatal(err)
	}
	l := &lint.Linter{Rules: rules.All()}
	res, err := fix.File(l, p, src)
	if err != nil || bytes.Equal(res.Src, src) {
		t.Fatalf("fix.File: %v, changed %v", err, !bytes.Equal(res.Src, src))
	}
	edit := []byte("# Tools\n\n- [Alpha](https://example.com/alpha): Edited.   \n")
	if err := os.WriteFile(p, edit, 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	c := &cli{stdout: &stdout, stderr: &stderr}
	results := []fixed{{source: source{input: input{path: p}, src: src}, Result: res}}
	if code := c.fixInPlace(&lintFlags{format: "text"}, l, results, nil); code != exitError {
		t.Errorf("exit %d, want %d", code, exitError)
	}
	if want := "listlint: " + p + ": changed since it was read: left as it is\n"; stderr.String() != want {
		t.Errorf("stderr = %q, want %q", stderr.String(), want)
	}
	if got, _ := os.ReadFile(p); !bytes.Equal(got, edit) {
		t.Errorf("file holds %q, want the edit %q", got, edit)
	}
}
