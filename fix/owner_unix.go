//go:build unix

package fix

import (
	"io/fs"
	"syscall"

	"golang.org/x/sys/unix"
)

// fileOwner is what a rewrite must keep of a file beyond its mode: its
// owner and group, and how many names it has; and the file system that
// holds it.
type fileOwner struct {
	known    bool
	uid, gid int
	links    uint64
	dev      uint64
}

func owner(info fs.FileInfo) fileOwner {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return fileOwner{links: 1}
	}
	return fileOwner{known: true, uid: int(st.Uid), gid: int(st.Gid), links: uint64(st.Nlink), dev: uint64(st.Dev)} //nolint:unconvert // Nlink and Dev are 32 bits on some systems
}

// writable reports whether this process may write the file at path.
func writable(path string) error {
	return unix.Faccessat(unix.AT_FDCWD, path, unix.W_OK, unix.AT_EACCESS)
}

// rename renames the file from over the file to, which is not a folder:
// os.Rename would first check that, with one more stat.
func rename(from, to string) error {
	return syscall.Rename(from, to)
}
