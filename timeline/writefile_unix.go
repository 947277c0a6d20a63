//go:build unix

package timeline

import (
	"errors"
	"io/fs"
	"os"
	"syscall"
)

// syncDir makes a rename in dir durable. A file system that cannot sync a folder (EINVAL,
// ENOTSUP) is not an error: there is nothing more to do on it.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := fsync(d); err != nil && !errors.Is(err, syscall.EINVAL) && !errors.Is(err, syscall.ENOTSUP) {
		return err
	}
	return nil
}

// keepOwner gives f the owner and group of the file it replaces, where this user may (root,
// or a group the user is in); otherwise the new file stays the writer's, as a copy would.
func keepOwner(f *os.File, old fs.FileInfo) {
	st, ok := old.Sys().(*syscall.Stat_t)
	if !ok {
		return
	}
	if f.Chown(int(st.Uid), int(st.Gid)) != nil {
		f.Chown(-1, int(st.Gid))
	}
}
