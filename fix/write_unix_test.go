//go:build unix

package fix

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestWriteFileHardLink writes a file with two names in place: both see
// the new text, and no backup is left behind.
func TestWriteFileHardLink(t *testing.T) {
	dir := t.TempDir()
	p := writeTemp(t, dir, "list.md", "old\n", 0o644)
	other := filepath.Join(dir, "other.md")
	if err := os.Link(p, other); err != nil {
		t.Skip(err)
	}
	before, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(p, []byte("old\n"), []byte("new\n")); err != nil {
		t.Fatal(err)
	}
	assertContent(t, p, "new\n")
	assertContent(t, other, "new\n")
	after, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	if !os.SameFile(before, after) {
		t.Error("the file was replaced, not written in place")
	}
	assertNoTemp(t, dir, "list.md", "other.md")
}

// TestWriteFileSpecialBits keeps setuid, setgid and sticky bits.
func TestWriteFileSpecialBits(t *testing.T) {
	for _, mode := range []fs.FileMode{
		0o755 | fs.ModeSetuid,
		0o775 | fs.ModeSetgid,
		0o755 | fs.ModeSetuid | fs.ModeSetgid | fs.ModeSticky,
		0o644 | fs.ModeSticky,
	} {
		dir := t.TempDir()
		p := writeTemp(t, dir, "list.md", "old\n", 0o644)
		if err := os.Chmod(p, mode); err != nil {
			t.Fatal(err)
		}
		if err := WriteFile(p, []byte("old\n"), []byte("new\n")); err != nil {
			t.Fatal(err)
		}
		st, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if st.Mode() != mode {
			t.Errorf("mode %v became %v", mode, st.Mode())
		}
		assertContent(t, p, "new\n")
	}
}

// TestWriteFileOwner runs as root only: only root may give a file to
// another user, and only then does fix otherwise make it root's.
func TestWriteFileOwner(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("only root can give a file to another owner")
	}
	dir := t.TempDir()
	p := writeTemp(t, dir, "list.md", "old\n", 0o644)
	if err := os.Chown(p, 4321, 8765); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(p, 0o755|fs.ModeSetuid|fs.ModeSetgid); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(p, []byte("old\n"), []byte("new\n")); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	sys := st.Sys().(*syscall.Stat_t)
	if sys.Uid != 4321 || sys.Gid != 8765 {
		t.Errorf("owner became %d:%d, want 4321:8765", sys.Uid, sys.Gid)
	}
	if want := 0o755 | fs.ModeSetuid | fs.ModeSetgid; st.Mode() != want {
		t.Errorf("mode became %v, want %v", st.Mode(), want)
	}
	assertContent(t, p, "new\n")
}

// TestWriteFileHardLinkChanged leaves a file with two names alone when
// it changed since it was read.
func TestWriteFileHardLinkChanged(t *testing.T) {
	dir := t.TempDir()
	p := writeTemp(t, dir, "list.md", "edit\n", 0o644)
	if err := os.Link(p, filepath.Join(dir, "other.md")); err != nil {
		t.Skip(err)
	}
	if err := WriteFile(p, []byte("old\n"), []byte("new\n")); !errors.Is(err, ErrChanged) {
		t.Errorf("err = %v, want ErrChanged", err)
	}
	assertContent(t, p, "edit\n")
	assertNoTemp(t, dir, "list.md", "other.md")
}
