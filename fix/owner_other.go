//go:build !unix

package fix

import (
	"io/fs"
	"os"
)

// fileOwner is what a rewrite must keep of a file beyond its mode: its
// owner and group, and how many names it has; and the file system that
// holds it. None is known here.
type fileOwner struct {
	known    bool
	uid, gid int
	links    uint64
	dev      uint64
}

func owner(fs.FileInfo) fileOwner { return fileOwner{links: 1} }

// writable reports whether this process may write the file at path.
func writable(path string) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	return f.Close()
}

// rename renames the file from over the file to.
func rename(from, to string) error { return os.Rename(from, to) }
