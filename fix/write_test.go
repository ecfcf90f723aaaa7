package fix

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// writeTemp creates dir/name holding data with mode perm.
func writeTemp(t *testing.T, dir, name, data string, perm os.FileMode) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(data), perm); err != nil {
		t.Fatal(err)
	}
	// WriteFile applies the umask; set the exact bits.
	if err := os.Chmod(p, perm); err != nil {
		t.Fatal(err)
	}
	return p
}

// assertContent fails unless the file at p holds want.
func assertContent(t *testing.T, p, want string) {
	t.Helper()
	got, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Errorf("%s holds %q, want %q", p, got, want)
	}
}

// assertNoTemp fails if dir holds anything but the names in keep.
func assertNoTemp(t *testing.T, dir string, keep ...string) {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	if strings.Join(names, "|") != strings.Join(keep, "|") {
		t.Errorf("%s holds %q, want exactly %q (a temporary file was left behind?)", dir, names, keep)
	}
}

func TestWriteFileKeepsMode(t *testing.T) {
	for _, perm := range []os.FileMode{0o644, 0o600, 0o640, 0o755, 0o666, 0o200} {
		if perm&0o400 == 0 && os.Geteuid() != 0 {
			// Only root reads a file its owner may not: fix reads the file
			// again before it renames over it, and anyone else could not
			// have read it to fix it.
			continue
		}
		dir := t.TempDir()
		p := writeTemp(t, dir, "list.md", "old\n", perm)
		if err := WriteFile(p, []byte("old\n"), []byte("new\r\n")); err != nil {
			t.Fatalf("mode %v: %v", perm, err)
		}
		if perm&0o400 != 0 {
			assertContent(t, p, "new\r\n")
		}
		info, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if info.Mode().Perm() != perm {
			t.Errorf("mode %v became %v", perm, info.Mode().Perm())
		}
		assertNoTemp(t, dir, "list.md")
	}
}

func TestWriteFileFollowsSymlink(t *testing.T) {
	dir := t.TempDir()
	other := filepath.Join(dir, "real")
	if err := os.Mkdir(other, 0o755); err != nil {
		t.Fatal(err)
	}
	target := writeTemp(t, other, "list.md", "old\n", 0o640)
	// A chain: link2 -> link1 -> real/list.md, the first one relative.
	link1 := filepath.Join(dir, "link1.md")
	if err := os.Symlink(filepath.Join("real", "list.md"), link1); err != nil {
		t.Fatal(err)
	}
	link2 := filepath.Join(dir, "link2.md")
	if err := os.Symlink(link1, link2); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(link2, []byte("old\n"), []byte("new\n")); err != nil {
		t.Fatal(err)
	}
	assertContent(t, target, "new\n")
	for _, l := range []string{link1, link2} {
		info, err := os.Lstat(l)
		if err != nil {
			t.Fatal(err)
		}
		if info.Mode()&fs.ModeSymlink == 0 {
			t.Errorf("%s is no longer a symbolic link", l)
		}
	}
	info, err := os.Stat(target)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o640 {
		t.Errorf("target mode became %v", info.Mode().Perm())
	}
	assertNoTemp(t, other, "list.md")
	assertNoTemp(t, dir, "link1.md", "link2.md", "real")
}

func TestWriteFileRefuses(t *testing.T) {
	dir := t.TempDir()
	readOnly := writeTemp(t, dir, "read-only.md", "keep\n", 0o444)
	dangling := filepath.Join(dir, "dangling.md")
	if err := os.Symlink("missing.md", dangling); err != nil {
		t.Fatal(err)
	}
	device := filepath.Join(dir, "device.md")
	if err := os.Symlink(os.DevNull, device); err != nil {
		t.Fatal(err)
	}
	notDir := writeTemp(t, dir, "file", "", 0o644)
	for _, c := range []struct {
		path, want string
	}{
		{readOnly, "read-only file"},
		{dangling, "no such file"},
		{device, "not a regular file"},
		{dir, "not a regular file"},
		{filepath.Join(notDir, "list.md"), "not a directory"},
		{filepath.Join(dir, "absent.md"), "no such file"},
	} {
		err := WriteFile(c.path, []byte("keep\n"), []byte("new\n"))
		if err == nil {
			t.Errorf("WriteFile(%s) succeeded, want an error", c.path)
			continue
		}
		if !strings.HasPrefix(err.Error(), c.path+": ") || !strings.Contains(err.Error(), c.want) {
			t.Errorf("WriteFile(%s) = %q, want it to name the file and say %q", c.path, err, c.want)
		}
	}
	assertContent(t, readOnly, "keep\n")
	if info, err := os.Lstat(device); err != nil || info.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("link to %s was replaced: %v", os.DevNull, err)
	}
	assertNoTemp(t, dir, "dangling.md", "device.md", "file", "read-only.md")
}

// TestWriteFileReadOnlyFolder needs a user that permissions bind: root
// writes into a read-only folder anyway.
func TestWriteFileReadOnlyFolder(t *testing.T) {
	if os.Geteuid() == 0 || runtime.GOOS == "windows" {
		t.Skip("permissions do not bind root; not on windows")
	}
	dir := t.TempDir()
	p := writeTemp(t, dir, "list.md", "keep\n", 0o644)
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Chmod(dir, 0o755) })
	err := WriteFile(p, []byte("keep\n"), []byte("new\n"))
	if err == nil || !errors.Is(err, fs.ErrPermission) || !strings.HasPrefix(err.Error(), p+": ") {
		t.Fatalf("WriteFile in a read-only folder = %v, want a permission error naming %s", err, p)
	}
	assertContent(t, p, "keep\n")
	assertNoTemp(t, dir, "list.md")
}

// TestWriteFileFullDisk makes the write itself fail, as a full disk
// would, in a way that binds root too: a child process runs WriteFile
// under a file size limit (ulimit -f) smaller than the data.
func TestWriteFileFullDisk(t *testing.T) {
	if p := os.Getenv("LISTLINT_TEST_WRITEFILE"); p != "" {
		// The child: report the error on stdout for the parent to check.
		msg := "no error"
		if err := WriteFile(p, []byte("keep\n"), bytes.Repeat([]byte("new line\n"), 1<<20)); err != nil {
			msg = err.Error()
		}
		if _, err := os.Stdout.WriteString(msg); err != nil {
			t.Fatal(err)
		}
		return
	}
	if runtime.GOOS == "windows" {
		t.Skip("needs a POSIX shell's ulimit")
	}
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("needs sh")
	}
	dir := t.TempDir()
	p := writeTemp(t, dir, "list.md", "keep\n", 0o644)
	cmd := exec.Command("sh", "-c", `ulimit -f 64 && exec "$@"`, "sh", os.Args[0], "-test.run=^TestWriteFileFullDisk$")
	cmd.Env = append(os.Environ(), "LISTLINT_TEST_WRITEFILE="+p)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	if want := p + ": write temporary file: file too large"; !strings.Contains(string(out), want) {
		t.Errorf("child said %q, want %q", out, want)
	}
	assertContent(t, p, "keep\n")
	assertNoTemp(t, dir, "list.md")
}

// TestWriteFileChanged leaves a file edited since it was read as the
// edit left it, whether it changed, grew or shrank.
func TestWriteFileChanged(t *testing.T) {
	for _, now := range []string{"edit\n", "old\nmore\n", "ol"} {
		dir := t.TempDir()
		p := writeTemp(t, dir, "list.md", now, 0o644)
		err := WriteFile(p, []byte("old\n"), []byte("new\n"))
		if !errors.Is(err, ErrChanged) || !strings.HasPrefix(err.Error(), p+": ") {
			t.Errorf("file now %q: err = %v, want ErrChanged naming %s", now, err, p)
		}
		assertContent(t, p, now)
		assertNoTemp(t, dir, "list.md")
	}
}

// TestWriteFileNotWritable needs a user that permissions bind: a file
// whose write bits are all for others than its owner is refused to the
// owner, although renaming over it would succeed.
func TestWriteFileNotWritable(t *testing.T) {
	if os.Geteuid() == 0 || runtime.GOOS == "windows" {
		t.Skip("permissions do not bind root; not on windows")
	}
	dir := t.TempDir()
	p := writeTemp(t, dir, "list.md", "keep\n", 0o462)
	err := WriteFile(p, []byte("keep\n"), []byte("new\n"))
	if err == nil || !errors.Is(err, fs.ErrPermission) || !strings.HasPrefix(err.Error(), p+": ") {
		t.Fatalf("WriteFile of a file its owner may not write = %v, want a permission error naming %s", err, p)
	}
	assertContent(t, p, "keep\n")
	assertNoTemp(t, dir, "list.md")
}
