//go:build !unix

package data

import (
	"errors"
	"os"
)

// lockFile cannot lock where there is no flock: a file being written is then never
// taken for a leftover (see removeLeftovers).
func lockFile(*os.File) error { return errors.New("no file locks here") }
