//go:build !unix

package timeline

import (
	"io/fs"
	"os"
)

// syncDir does nothing where a folder cannot be opened for syncing (Windows): the rename
// is made durable by the system.
func syncDir(string) error { return nil }

// keepOwner does nothing where files have no Unix owner.
func keepOwner(*os.File, fs.FileInfo) {}
