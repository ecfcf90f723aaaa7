package fix

import (
	"os"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/sys/unix"
)

// syncFileSystem syncs the file system that holds f; a variable for
// tests.
var syncFileSystem = func(f *os.File) error {
	return unix.Syncfs(int(f.Fd()))
}

// syncfsReportsErrors reports whether this kernel's syncfs(2) returns
// the write errors met since the folder synced through was opened: from
// Linux 5.8 on. Before, it returned 0 whatever happened, and a temporary
// file that could not be written would have been renamed over its
// original. A variable for tests.
var syncfsReportsErrors = sync.OnceValue(func() bool {
	var u unix.Utsname
	if unix.Uname(&u) != nil {
		return false
	}
	return kernelAtLeast(unix.ByteSliceToString(u.Release[:]), 5, 8)
})

// kernelAtLeast reports whether the kernel release ("6.1.0-13-amd64") is
// major.minor or later.
func kernelAtLeast(release string, major, minor int) bool {
	parts := strings.SplitN(release, ".", 3)
	if len(parts) < 2 {
		return false
	}
	maj, err := strconv.Atoi(parts[0])
	if err != nil {
		return false
	}
	end := strings.IndexFunc(parts[1], func(r rune) bool { return r < '0' || r > '9' })
	if end < 0 {
		end = len(parts[1])
	}
	mnr, err := strconv.Atoi(parts[1][:end])
	if err != nil {
		return false
	}
	return maj > major || maj == major && mnr >= minor
}

func newDurability() *durability {
	return &durability{batch: syncfsReportsErrors(), fs: map[uint64]*os.File{}}
}
