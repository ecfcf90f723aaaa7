package bounded

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// endless yields zeros forever and counts what was read from it.
type endless struct{ n int64 }

func (e *endless) Read(p []byte) (int, error) {
	clear(p)
	e.n += int64(len(p))
	return len(p), nil
}

// TestReadAllStops reads an endless stream: an error, and never more
// than the limit and one byte read.
func TestReadAllStops(t *testing.T) {
	r := &endless{}
	_, err := ReadAll(r, 1000)
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("err = %v, want ErrTooLarge", err)
	}
	if r.n != 1001 {
		t.Errorf("read %d bytes, want 1001", r.n)
	}
	src, err := ReadAll(strings.NewReader("abc"), 3)
	if err != nil || string(src) != "abc" {
		t.Errorf("ReadAll at the limit = %q, %v", src, err)
	}
}

// TestReadFileRefuses refuses devices and folders, naming the path, and
// a file beyond the limit without reading it.
func TestReadFileRefuses(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.md")
	if err := os.WriteFile(big, []byte("0123456789"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		path string
		want error
	}{
		{os.DevNull, ErrNotRegular},
		{dir, ErrNotRegular},
		{big, ErrTooLarge},
	} {
		_, err := ReadFile(tc.path, 9, true)
		if !errors.Is(err, tc.want) || !strings.HasPrefix(err.Error(), tc.path+": ") {
			t.Errorf("ReadFile(%s) = %v, want %v naming it", tc.path, err, tc.want)
		}
	}
	if src, err := ReadFile(big, 10, false); err != nil || string(src) != "0123456789" {
		t.Errorf("ReadFile at the limit = %q, %v", src, err)
	}
}
