//go:build !unix

package fix

import "io/fs"

// fileOwner is what a rewrite must keep of a file beyond its mode: its
// owner and group, and how many names it has. Neither is known here.
type fileOwner struct {
	known    bool
	uid, gid int
	links    uint64
}

func owner(fs.FileInfo) fileOwner { return fileOwner{links: 1} }
