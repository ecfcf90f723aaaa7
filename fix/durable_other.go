//go:build !linux

package fix

import (
	"errors"
	"os"
)

// syncFileSystem is Linux's syncfs(2): not used here, where each file
// and folder is synced on its own.
var syncFileSystem = func(*os.File) error { return errors.ErrUnsupported }

func newDurability() *durability { return &durability{} }
