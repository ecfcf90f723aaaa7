package fix

import (
	"bytes"
	"context"
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

// ErrInterrupted is wrapped by WriteFiles' error for a file it left as it
// was because it was interrupted before the file's turn.
var ErrInterrupted = errors.New("interrupted: left as it was")

// WriteFile replaces the content of the existing file at path, old as it
// was read, with data. A file that holds anything but old when it is
// about to be replaced is left alone, with an error wrapping ErrChanged:
// an edit made while fix ran is not lost. A symbolic link is followed:
// its target is rewritten and the link kept. A file with no write
// permission bit at all is refused, even for root, as are non-regular
// files. Errors name path.
//
// A file with one name is replaced atomically: data goes to a temporary
// file in the same folder, given the original's owner (when this user
// may: only root may give a file away), permission and special bits
// (setuid, setgid, sticky), made durable, and renamed over the original;
// the rename is made durable too before WriteFile returns. On any
// failure before the rename the original is intact and the temporary
// file is removed.
//
// A file with several hard links is written in place, as gofmt does, so
// that every name sees the new text: its content is first copied to a
// temporary backup, removed once the write succeeded, and named in the
// error when the write and the restoring of the original both failed.
//
// WriteFile always writes; callers that want an unchanged file to keep
// its modification time compare before calling it.
func WriteFile(path string, old, data []byte) error {
	return WriteFiles(context.Background(), []Write{{Path: path, Old: old, Data: data}})[0]
}

// staged is a file on its way to being rewritten: the temporary file that
// holds its new content, or, for a file with several names, none.
type staged struct {
	target string // path with symbolic links resolved
	tmp    string // "" when the file is written in place
	dev    uint64 // the file system that holds it, where known
}

// stage checks that the file w names may be rewritten and, unless it has
// several names, writes its new content to a temporary file beside it
// dressed as the original, for d to make durable.
func stage(w *Write, d *durability) (s staged, err error) {
	s.target = w.Path
	info, err := os.Lstat(w.Path)
	if err != nil {
		return s, pathError(w.Path, "stat", err)
	}
	if info.Mode()&fs.ModeSymlink != 0 {
		if s.target, err = filepath.EvalSymlinks(w.Path); err != nil {
			return s, pathError(w.Path, "resolve", err)
		}
		if info, err = os.Stat(s.target); err != nil {
			return s, pathError(w.Path, "stat", err)
		}
	}
	if !info.Mode().IsRegular() {
		return s, fmt.Errorf("%s: not a regular file", w.Path)
	}
	perm := info.Mode().Perm()
	if perm&0o222 == 0 {
		return s, fmt.Errorf("%s: read-only file (mode %v)", w.Path, perm)
	}
	// Renaming needs no permission on the file itself, so check that this
	// user may write it, as an in-place writer would.
	if err := writable(s.target); err != nil {
		return s, pathError(w.Path, "check write permission", err)
	}
	o := owner(info)
	if o.links > 1 {
		return s, nil
	}
	s.dev = o.dev
	dir := filepath.Dir(s.target)
	if err := d.watch(s.dev, dir); err != nil {
		return s, pathError(w.Path, "open folder", err)
	}
	tmp, err := createTemp(w.Path, dir)
	if err != nil {
		return s, err
	}
	defer func() {
		if err != nil {
			// Close may fail on an already closed file: the write error
			// is the one to report.
			_ = tmp.Close()
			err = removeTemp(w.Path, tmp.Name(), err)
		}
	}()
	if _, err := tmp.Write(w.Data); err != nil {
		return s, pathError(w.Path, "write temporary file", err)
	}
	if err := d.written(tmp); err != nil {
		return s, pathError(w.Path, "sync temporary file", err)
	}
	// Owner first: chown clears the setuid and setgid bits.
	if o.known {
		if err := tmp.Chown(o.uid, o.gid); err != nil && (!errors.Is(err, fs.ErrPermission) || os.Geteuid() == 0) {
			return s, pathError(w.Path, "chown temporary file", err)
		}
	}
	if err := tmp.Chmod(info.Mode() & (fs.ModePerm | fs.ModeSetuid | fs.ModeSetgid | fs.ModeSticky)); err != nil {
		return s, pathError(w.Path, "chmod temporary file", err)
	}
	if err := tmp.Close(); err != nil {
		return s, pathError(w.Path, "close temporary file", err)
	}
	s.tmp = tmp.Name()
	return s, nil
}

// commit renames s's temporary file over the original, or writes a file
// with several names in place, if the file still holds w.Old.
func commit(w *Write, s staged) error {
	if s.tmp == "" {
		return writeInPlace(w.Path, s.target, w.Old, w.Data)
	}
	// As late as can be: an edit between this and the rename is lost.
	if err := unchanged(w.Path, s.target, w.Old); err != nil {
		return removeTemp(w.Path, s.tmp, err)
	}
	if err := rename(s.tmp, s.target); err != nil {
		return removeTemp(w.Path, s.tmp, pathError(w.Path, "rename temporary file", err))
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
