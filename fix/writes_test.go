package fix

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// TestWriteFiles writes many files in several folders at once: each is
// written, and a file that cannot be is reported at its own index.
func TestWriteFiles(t *testing.T) {
	dir := t.TempDir()
	var ws []Write
	for i := range 200 {
		sub := filepath.Join(dir, fmt.Sprintf("d%d", i%7))
		if err := os.MkdirAll(sub, 0o755); err != nil {
			t.Fatal(err)
		}
		p := writeTemp(t, sub, fmt.Sprintf("f%d.md", i), "old\n", 0o644)
		ws = append(ws, Write{Path: p, Old: []byte("old\n"), Data: []byte(fmt.Sprintf("new %d\n", i))})
	}
	ws[5].Old = []byte("other\n")                      // changed since it was read
	ws[9].Path = filepath.Join(dir, "d2", "absent.md") // gone
	errs := WriteFiles(context.Background(), ws)
	for i, w := range ws {
		switch i {
		case 5:
			if !errors.Is(errs[i], ErrChanged) {
				t.Errorf("%s: err = %v, want ErrChanged", w.Path, errs[i])
			}
			assertContent(t, w.Path, "old\n")
		case 9:
			if errs[i] == nil {
				t.Errorf("%s: no error", w.Path)
			}
		default:
			if errs[i] != nil {
				t.Errorf("%s: %v", w.Path, errs[i])
			}
			assertContent(t, w.Path, string(w.Data))
		}
	}
	for i := range 7 {
		tmps, err := filepath.Glob(filepath.Join(dir, fmt.Sprintf("d%d", i), ".listlint-*"))
		if err != nil || len(tmps) > 0 {
			t.Errorf("temporary files left behind: %q (%v)", tmps, err)
		}
	}
}

func TestAcrossFolders(t *testing.T) {
	var ws []Write
	for _, p := range []string{"a/1", "a/2", "a/3", "b/1", "c/1", "c/2"} {
		ws = append(ws, Write{Path: filepath.FromSlash(p)})
	}
	if got, want := fmt.Sprint(acrossFolders(ws)), "[0 3 4 1 5 2]"; got != want {
		t.Errorf("acrossFolders = %s, want %s", got, want)
	}
}
