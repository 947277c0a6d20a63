//go:build unix

package data

import (
	"os"
	"syscall"
)

// lockFile takes an exclusive lock on f that lasts until f is closed or its process ends
// (however it ends); it fails at once when another holds it.
func lockFile(f *os.File) error {
	return syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
}
