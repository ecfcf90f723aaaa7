package fix

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// WriteFile replaces the content of the existing file at path with data,
// atomically: data goes to a temporary file in the same folder, which is
// synced, given the original's permission bits and renamed over the
// original, and then the folder is synced. A symbolic link is followed:
// its target is rewritten and the link kept. A file with no write
// permission bit at all is refused, even for root, as are non-regular
// files. On any failure before the rename the original is intact and the
// temporary file is removed. Errors name path.
//
// WriteFile always writes; callers that want an unchanged file to keep
// its modification time compare before calling it.
func WriteFile(path string, data []byte) (err error) {
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		return pathError(path, "resolve", err)
	}
	info, err := os.Stat(target)
	if err != nil {
		return pathError(path, "stat", err)
	}
	if !info.Mode().IsRegular() {
		return fmt.Errorf("%s: not a regular file", path)
	}
	perm := info.Mode().Perm()
	if perm&0o222 == 0 {
		return fmt.Errorf("%s: read-only file (mode %v)", path, perm)
	}
	// Renaming needs no permission on the file itself, so check that this
	// user may write it, as an in-place writer would.
	f, err := os.OpenFile(target, os.O_WRONLY, 0)
	if err != nil {
		return pathError(path, "open", err)
	}
	if err := f.Close(); err != nil {
		return pathError(path, "close", err)
	}

	dir := filepath.Dir(target)
	// A short fixed pattern: a name built from a long base name could
	// exceed the file system's name limit.
	tmp, err := os.CreateTemp(dir, ".listlint-*.tmp")
	if err != nil {
		return pathError(path, "create temporary file", err)
	}
	defer func() {
		if err != nil {
			// Close may fail on an already closed file: the write error
			// is the one to report.
			_ = tmp.Close()
			if rerr := os.Remove(tmp.Name()); rerr != nil && !errors.Is(rerr, fs.ErrNotExist) {
				err = errors.Join(err, pathError(path, "remove temporary file", rerr))
			}
		}
	}()
	if _, err := tmp.Write(data); err != nil {
		return pathError(path, "write temporary file", err)
	}
	if err := tmp.Sync(); err != nil {
		return pathError(path, "sync temporary file", err)
	}
	if err := tmp.Chmod(perm); err != nil {
		return pathError(path, "chmod temporary file", err)
	}
	if err := tmp.Close(); err != nil {
		return pathError(path, "close temporary file", err)
	}
	if err := os.Rename(tmp.Name(), target); err != nil {
		return pathError(path, "rename temporary file", err)
	}
	// The rename is durable only once the folder is synced.
	return syncDir(path, dir)
}

// syncDir flushes the folder dir, which holds the file path names.
func syncDir(path, dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return pathError(path, "open folder", err)
	}
	serr := d.Sync()
	cerr := d.Close()
	if serr != nil {
		return pathError(path, "sync folder", serr)
	}
	if cerr != nil {
		return pathError(path, "close folder", cerr)
	}
	return nil
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
