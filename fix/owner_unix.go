//go:build unix

package fix

import (
	"io/fs"
	"syscall"
)

// fileOwner is what a rewrite must keep of a file beyond its mode: its
// owner and group, and how many names it has.
type fileOwner struct {
	known    bool
	uid, gid int
	links    uint64
}

func owner(info fs.FileInfo) fileOwner {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return fileOwner{links: 1}
	}
	return fileOwner{known: true, uid: int(st.Uid), gid: int(st.Gid), links: uint64(st.Nlink)} //nolint:unconvert // Nlink is uint32 on some systems
}
