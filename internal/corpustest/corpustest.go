// Package corpustest finds the real lists tests run on: the shared
// corpus (snapshots of public lists) and the seed fixture, in the folder
// "shared" beside the module's root. They are not part of the repository;
// tests that need them skip when they are absent.
package corpustest

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Shared returns the shared folder relative to the current directory
// (a package's folder while testing: "../../shared" from rules), and
// skips t when it or its corpus is absent.
func Shared(t testing.TB) string {
	t.Helper()
	up := ".."
	for dir, err := os.Getwd(); err == nil; dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		if filepath.Dir(dir) == dir {
			t.Fatal("corpustest: no go.mod above the current directory")
		}
		up = filepath.Join("..", up)
	}
	root := filepath.Join(up, "shared")
	if _, err := os.Stat(filepath.Join(root, "corpus")); err != nil {
		t.Skipf("no corpus at %s: %v", root, err)
	}
	return root
}

// Files returns the seed fixture and every Markdown file of the corpus,
// skipping t when they are absent.
func Files(t testing.TB) []string {
	t.Helper()
	root := Shared(t)
	files := []string{filepath.Join(root, "fixtures", "cloud-opensource-list.md")}
	err := filepath.WalkDir(filepath.Join(root, "corpus"), func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && (strings.HasSuffix(path, ".md") || strings.HasSuffix(path, ".markdown")) {
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}
