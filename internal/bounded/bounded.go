// Package bounded reads inputs within a size limit, refusing what is not
// a regular file: a symbolic link to /dev/zero or a FIFO met in a pull
// request must fail with one line, not exhaust memory or hang.
package bounded

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"
)

// ErrTooLarge is wrapped by the errors of input beyond the limit.
var ErrTooLarge = errors.New("input beyond limits")

// ErrNotRegular is wrapped by the errors of devices, FIFOs, sockets and
// folders read as files.
var ErrNotRegular = errors.New("not a regular file")

// Kind says what a file is, for ErrNotRegular's messages.
func Kind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "folder"
	case m&fs.ModeNamedPipe != 0:
		return "FIFO"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeCharDevice != 0:
		return "character device"
	case m&fs.ModeDevice != 0:
		return "device"
	case m&fs.ModeSymlink != 0:
		return "symbolic link"
	}
	return "irregular file"
}

// CheckMode refuses a file of mode m unless it is regular, or a FIFO
// when fifo is set: a FIFO the user named is a stream, as stdin is.
func CheckMode(m fs.FileMode, fifo bool) error {
	if m.IsRegular() || (fifo && m&fs.ModeNamedPipe != 0) {
		return nil
	}
	return fmt.Errorf("%w (%s)", ErrNotRegular, Kind(m))
}

// ReadFile returns the content of the file at path, which must be a
// regular file (or a FIFO when fifo is set) of at most limit bytes.
// The kind is checked before the file is opened, so that a FIFO is never
// waited on, and again on the open file, in case it was swapped. Errors
// read "path: problem".
func ReadFile(path string, limit int64, fifo bool) ([]byte, error) {
	src, err := readFile(path, limit, fifo)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return src, nil
}

func readFile(path string, limit int64, fifo bool) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if err := CheckMode(st.Mode(), fifo); err != nil {
		return nil, err
	}
	flag := os.O_RDONLY
	if !fifo {
		// A FIFO swapped in after the check opens without waiting for a
		// writer, and the check below refuses it.
		flag |= syscall.O_NONBLOCK
	}
	f, err := os.OpenFile(path, flag, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close() //nolint:errcheck // read only: a close error loses nothing
	if st, err = f.Stat(); err != nil {
		return nil, err
	}
	if err := CheckMode(st.Mode(), fifo); err != nil {
		return nil, err
	}
	return read(f, st.Size(), limit)
}

// ReadAll reads r to its end, failing once it yields more than limit
// bytes: at most limit+1 bytes are ever read.
func ReadAll(r io.Reader, limit int64) ([]byte, error) {
	return read(r, 0, limit)
}

// read reads r, of about size bytes when known, within limit.
func read(r io.Reader, size, limit int64) ([]byte, error) {
	if size > limit {
		return nil, fmt.Errorf("%w: file is %d bytes, the limit is %d (--max-bytes)", ErrTooLarge, size, limit)
	}
	var b bytes.Buffer
	// Room for the whole file and the read that meets its end, so that a
	// regular file is read into one allocation.
	b.Grow(int(size) + bytes.MinRead)
	if _, err := b.ReadFrom(io.LimitReader(r, limit+1)); err != nil {
		return nil, err
	}
	if int64(b.Len()) > limit {
		return nil, fmt.Errorf("%w: input is longer than the limit of %d bytes (--max-bytes)", ErrTooLarge, limit)
	}
	return b.Bytes(), nil
}
