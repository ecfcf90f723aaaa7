//go:build unix

package bounded

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestReadFileFIFO refuses a FIFO without waiting for a writer, unless
// it is allowed: then it is a stream.
func TestReadFileFIFO(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "f.md")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip(err)
	}
	if _, err := ReadFile(fifo, 100, false); !errors.Is(err, ErrNotRegular) {
		t.Fatalf("err = %v, want ErrNotRegular", err)
	}
	go func() {
		f, err := os.OpenFile(fifo, os.O_WRONLY, 0)
		if err != nil {
			return
		}
		_, _ = f.Write([]byte("- [A](https://example.com)\n"))
		_ = f.Close()
	}()
	src, err := ReadFile(fifo, 100, true)
	if err != nil || string(src) != "- [A](https://example.com)\n" {
		t.Errorf("ReadFile(FIFO allowed) = %q, %v", src, err)
	}
}
