package fix

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// batchSyncs makes WriteFiles sync file systems whatever the kernel, and
// calls onSync instead of syncfs(2), then syncfs itself unless onSync
// fails.
func batchSyncs(t *testing.T, onSync func() error) {
	t.Helper()
	reports, sync := syncfsReportsErrors, syncFileSystem
	t.Cleanup(func() { syncfsReportsErrors, syncFileSystem = reports, sync })
	syncfsReportsErrors = func() bool { return true }
	syncFileSystem = func(f *os.File) error {
		if err := onSync(); err != nil {
			return err
		}
		return sync(f)
	}
}

// tree writes n files holding "old\n" in two folders of a new temporary
// folder and returns the folder and the writes that give each new text.
func tree(t *testing.T, n int) (string, []Write) {
	t.Helper()
	dir := t.TempDir()
	var ws []Write
	for i := range n {
		sub := filepath.Join(dir, fmt.Sprintf("d%d", i%2))
		if err := os.MkdirAll(sub, 0o755); err != nil {
			t.Fatal(err)
		}
		p := writeTemp(t, sub, fmt.Sprintf("f%d.md", i), "old\n", 0o644)
		ws = append(ws, Write{Path: p, Old: []byte("old\n"), Data: []byte(fmt.Sprintf("new %d\n", i))})
	}
	return dir, ws
}

// contents returns what each file of ws holds, and how many temporary
// files lie beside them.
func contents(t *testing.T, dir string, ws []Write) (held []string, temps int) {
	t.Helper()
	for _, w := range ws {
		b, err := os.ReadFile(w.Path)
		if err != nil {
			t.Fatal(err)
		}
		held = append(held, string(b))
	}
	tmps, err := filepath.Glob(filepath.Join(dir, "*", ".listlint-*.tmp"))
	if err != nil {
		t.Fatal(err)
	}
	return held, len(tmps)
}

// TestWriteFilesSyncsInSteps checks the order that makes a crash safe
// without a sync per file: every new text is in a temporary file when
// the file system is first synced, before any rename; every file holds
// its new text when it is synced again, before WriteFiles returns.
func TestWriteFilesSyncsInSteps(t *testing.T) {
	dir, ws := tree(t, 40)
	var syncs [][]string
	var temps []int
	batchSyncs(t, func() error {
		held, n := contents(t, dir, ws)
		syncs, temps = append(syncs, held), append(temps, n)
		return nil
	})
	for i, err := range WriteFiles(context.Background(), ws) {
		if err != nil {
			t.Errorf("%s: %v", ws[i].Path, err)
		}
	}
	if len(syncs) != 2 {
		t.Fatalf("synced the file system %d times, want 2: before the renames and after", len(syncs))
	}
	for i, w := range ws {
		if syncs[0][i] != "old\n" {
			t.Errorf("%s held %q at the first sync: renamed before its data was durable", w.Path, syncs[0][i])
		}
		if syncs[1][i] != string(w.Data) {
			t.Errorf("%s held %q at the last sync, want %q", w.Path, syncs[1][i], w.Data)
		}
	}
	if temps[0] != len(ws) || temps[1] != 0 {
		t.Errorf("temporary files at each sync: %v, want [%d 0]", temps, len(ws))
	}
}

// TestWriteFilesSyncFails renames nothing when the temporary files could
// not be made durable, and leaves none of them behind.
func TestWriteFilesSyncFails(t *testing.T) {
	dir, ws := tree(t, 10)
	batchSyncs(t, func() error { return syscall.EIO })
	errs := WriteFiles(context.Background(), ws)
	for i, w := range ws {
		if !errors.Is(errs[i], syscall.EIO) || !strings.HasPrefix(errs[i].Error(), w.Path+": sync file system: ") {
			t.Errorf("%s: err = %v, want it to name the file and the failed sync", w.Path, errs[i])
		}
	}
	held, temps := contents(t, dir, ws)
	for i, w := range ws {
		if held[i] != "old\n" {
			t.Errorf("%s holds %q, want it untouched", w.Path, held[i])
		}
	}
	if temps != 0 {
		t.Errorf("%d temporary files left behind", temps)
	}
}

// TestWriteFilesInterrupted: an interrupt before any write leaves every
// file as it was; one that comes while the temporary files are made
// durable (after they are all written, before any rename) removes them
// and leaves every file as it was too. Each error wraps ErrInterrupted.
func TestWriteFilesInterrupted(t *testing.T) {
	for _, when := range []string{"before", "at the first sync"} {
		t.Run(when, func(t *testing.T) {
			dir, ws := tree(t, 20)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			if when == "before" {
				cancel()
			}
			synced := 0
			batchSyncs(t, func() error {
				if synced++; synced == 1 {
					cancel()
				}
				return nil
			})
			errs := WriteFiles(ctx, ws)
			held, temps := contents(t, dir, ws)
			for i, w := range ws {
				if !errors.Is(errs[i], ErrInterrupted) || !strings.HasPrefix(errs[i].Error(), w.Path+": ") {
					t.Errorf("%s: err = %v, want it to name the file and the interrupt", w.Path, errs[i])
				}
				if held[i] != "old\n" {
					t.Errorf("%s holds %q, want it untouched", w.Path, held[i])
				}
			}
			if temps != 0 {
				t.Errorf("%d temporary files left behind", temps)
			}
		})
	}
}

// TestWriteFilesPerFileSync is the way of kernels whose syncfs(2) does
// not report write errors: each file is synced on its own, the file
// system never.
func TestWriteFilesPerFileSync(t *testing.T) {
	dir, ws := tree(t, 10)
	reports, sync := syncfsReportsErrors, syncFileSystem
	t.Cleanup(func() { syncfsReportsErrors, syncFileSystem = reports, sync })
	syncfsReportsErrors = func() bool { return false }
	syncFileSystem = func(*os.File) error {
		t.Error("synced the file system")
		return nil
	}
	for i, err := range WriteFiles(context.Background(), ws) {
		if err != nil {
			t.Errorf("%s: %v", ws[i].Path, err)
		}
	}
	held, temps := contents(t, dir, ws)
	for i, w := range ws {
		if held[i] != string(w.Data) {
			t.Errorf("%s holds %q, want %q", w.Path, held[i], w.Data)
		}
	}
	if temps != 0 {
		t.Errorf("%d temporary files left behind", temps)
	}
}

func TestKernelAtLeast(t *testing.T) {
	for _, c := range []struct {
		release string
		want    bool
	}{
		{"5.8.0", true},
		{"5.10.0-28-amd64", true},
		{"6.1.0-13-amd64", true},
		{"6.18.44-fc-v1147", true},
		{"5.7.19", false},
		{"4.19.0-26-amd64", false},
		{"5.8-rc1", true},
		{"5", false},
		{"", false},
		{"x.y", false},
	} {
		if got := kernelAtLeast(c.release, 5, 8); got != c.want {
			t.Errorf("kernelAtLeast(%q, 5, 8) = %v, want %v", c.release, got, c.want)
		}
	}
}
