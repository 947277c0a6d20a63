//go:build unix

package fynetest

import (
	"os"
	"syscall"
)

// reexec replaces this process with its own binary, given the same arguments and the
// environment as it is now.
func reexec() {
	self, err := os.Executable()
	if err != nil {
		return
	}
	_ = syscall.Exec(self, os.Args, os.Environ())
}
