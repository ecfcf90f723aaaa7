package fix

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/listlint/listlint/internal/bounded"
)

// ErrChanged is wrapped by WriteFile's error when the file no longer
// holds what was read: someone edited it while fix ran.
var ErrChanged = errors.New("changed since it was read: left as it is")

// WriteFile replaces the content of the existing file at path, old as it
// was read, with data. A file that holds anything but old when it is
// about to be replaced is left alone, with an error wrapping ErrChanged:
// an edit made while fix ran is not lost. A symbolic link is followed: its target is rewritten and the link kept.
// A file with no write permission bit at all is refused, even for root,
// as are non-regular files. Errors name path.
//
// A file with one name is replaced atomically: data goes to a temporary
// file in the same folder, which is synced, given the original's owner
// (when this user may: only root may give a file away), permission and
// special bits (setuid, setgid, sticky), and renamed over the original;
// then the folder is synced. On any failure before the rename the
// original is intact and the temporary file is removed.
//
// A file with several hard links is written in place, as gofmt does, so
// that every name sees the new text: its content is first copied to a
// temporary backup, removed once the write succeeded, and named in the
// error when the write and the restoring of the original both failed.
//
// WriteFile always writes; callers that want an unchanged file to keep
// its modification time compare before calling it.
func WriteFile(path string, old, data []byte) error {
	dir, err := write(path, old, data)
	if err != nil || dir == "" {
		return err
	}
	// The rename is durable only once the folder is synced.
	return syncDir(path, dir)
}

// write is WriteFile but for the folder's sync: it returns the folder
// that a replaced file was renamed in, "" for a file written in place.
func write(path string, old, data []byte) (dir string, err error) {
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		return "", pathError(path, "resolve", err)
	}
	info, err := os.Stat(target)
	if err != nil {
		return "", pathError(path, "stat", err)
	}
	if !info.Mode().IsRegular() {
		return "", fmt.Errorf("%s: not a regular file", path)
	}
	perm := info.Mode().Perm()
	if perm&0o222 == 0 {
		return "", fmt.Errorf("%s: read-only file (mode %v)", path, perm)
	}
	// Renaming needs no permission on the file itself, so check that this
	// user may write it, as an in-place writer would.
	f, err := os.OpenFile(target, os.O_WRONLY, 0)
	if err != nil {
		return "", pathError(path, "open", err)
	}
	if err := f.Close(); err != nil {
		return "", pathError(path, "close", err)
	}
	if owner(info).links > 1 {
		return "", writeInPlace(path, target, old, data)
	}
	dir = filepath.Dir(target)
	return dir, replace(path, target, dir, old, data, info)
}

// replace writes data to a temporary file in dir dressed as info and
// renames it over target, if target still holds old.
func replace(path, target, dir string, old, data []byte, info fs.FileInfo) (err error) {
	tmp, err := createTemp(path, dir)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			// Close may fail on an already closed file: the write error
			// is the one to report.
			_ = tmp.Close()
			err = removeTemp(path, tmp.Name(), err)
		}
	}()
	if _, err := tmp.Write(data); err != nil {
		return pathError(path, "write temporary file", err)
	}
	if err := tmp.Sync(); err != nil {
		return pathError(path, "sync temporary file", err)
	}
	// Owner first: chown clears the setuid and setgid bits.
	o := owner(info)
	if o.known {
		if err := tmp.Chown(o.uid, o.gid); err != nil && (!errors.Is(err, fs.ErrPermission) || os.Geteuid() == 0) {
			return pathError(path, "chown temporary file", err)
		}
	}
	if err := tmp.Chmod(info.Mode() & (fs.ModePerm | fs.ModeSetuid | fs.ModeSetgid | fs.ModeSticky)); err != nil {
		return pathError(path, "chmod temporary file", err)
	}
	if err := tmp.Close(); err != nil {
		return pathError(path, "close temporary file", err)
	}
	// As late as can be: an edit between this and the rename is lost.
	if err := unchanged(path, target, old); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), target); err != nil {
		return pathError(path, "rename temporary file", err)
	}
	return nil
}

// writeInPlace overwrites target, a file with several hard links, with
// data, after a backup of its content, old, checked to be still there.
func writeInPlace(path, target string, old, data []byte) error {
	if err := unchanged(path, target, old); err != nil {
		return err
	}
	backup, err := createTemp(path, filepath.Dir(target))
	if err != nil {
		return err
	}
	if _, err := backup.Write(old); err != nil {
		_ = backup.Close() // the write error is the one to report
		return removeTemp(path, backup.Name(), pathError(path, "write backup", err))
	}
	if err := backup.Close(); err != nil {
		return removeTemp(path, backup.Name(), pathError(path, "close backup", err))
	}
	if werr := overwrite(target, data); werr != nil {
		werr = pathError(path, "write in place", werr)
		if rerr := overwrite(target, old); rerr != nil {
			return fmt.Errorf("%w; restoring it failed too (%w): the original is in %s", werr, rerr, backup.Name())
		}
		return removeTemp(path, backup.Name(), werr)
	}
	return removeTemp(path, backup.Name(), nil)
}

// unchanged checks that target still holds old, reading no more than
// one byte past it.
func unchanged(path, target string, old []byte) error {
	now, err := bounded.ReadFile(target, int64(len(old)), false)
	switch {
	case errors.Is(err, bounded.ErrTooLarge), errors.Is(err, fs.ErrNotExist):
		// Grown, or removed: a rename would bring a removed file back.
		return fmt.Errorf("%s: %w", path, ErrChanged)
	case err != nil:
		return pathError(path, "read again", err)
	case !bytes.Equal(now, old):
		return fmt.Errorf("%s: %w", path, ErrChanged)
	}
	return nil
}

// overwrite truncates the file at name and writes data into it, synced.
func overwrite(name string, data []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_TRUNC, 0)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// createTemp creates a temporary file in dir for writing path.
func createTemp(path, dir string) (*os.File, error) {
	// A short fixed pattern: a name built from a long base name could
	// exceed the file system's name limit.
	tmp, err := os.CreateTemp(dir, ".listlint-*.tmp")
	if err != nil {
		return nil, pathError(path, "create temporary file", err)
	}
	return tmp, nil
}

// removeTemp removes the temporary file name and returns err, joined
// with the removal's error if any.
func removeTemp(path, name string, err error) error {
	if rerr := os.Remove(name); rerr != nil && !errors.Is(rerr, fs.ErrNotExist) {
		return errors.Join(err, pathError(path, "remove temporary file", rerr))
	}
	return err
}

// syncDir flushes the folder dir, which holds the file path names.
func syncDir(path, dir string) error {
	if op, err := flushDir(dir); err != nil {
		return pathError(path, op, err)
	}
	return nil
}

// flushDir syncs the folder dir and says which step failed.
func flushDir(dir string) (op string, err error) {
	d, err := os.Open(dir)
	if err != nil {
		return "open folder", err
	}
	serr := d.Sync()
	cerr := d.Close()
	if serr != nil {
		return "sync folder", serr
	}
	if cerr != nil {
		return "close folder", cerr
	}
	return "", nil
}

// pathError wraps err so that it names path, the file the user gave,
// rather than the temporary or resolved name the failing call saw.
func pathError(path, op string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		err = le.Err
	}
	return fmt.Errorf("%s: %s: %w", path, op, err)
}
