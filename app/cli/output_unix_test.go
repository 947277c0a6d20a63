//go:build unix

package cli

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/chronoscope/chronoscope/data"
)

// TestOutputNewFileTakesTheUmask: a new export has the mode the user's umask gives, and a
// replaced one keeps its own.
func TestOutputNewFileTakesTheUmask(t *testing.T) {
	dir := t.TempDir()
	db := caseWithEvents(t, dir, "c"+data.Extension)
	out := filepath.Join(dir, "new.csv")
	old := syscall.Umask(0o027)
	r := chrono(t, nil, "--db", db, "export", "--format", "csv", "--out", out)
	syscall.Umask(old)
	if r.code != 0 {
		t.Fatalf("export = %d %s", r.code, r.stderr)
	}
	if fi, err := os.Stat(out); err != nil || fi.Mode().Perm() != 0o640 {
		t.Fatalf("new export under umask 027: %v (%v), want -rw-r-----", fi.Mode().Perm(), err)
	}
	os.Chmod(out, 0o604)
	if r := chrono(t, nil, "--db", db, "export", "--format", "json", "--out", out); r.code != 0 {
		t.Fatalf("export again = %d %s", r.code, r.stderr)
	}
	if fi, err := os.Stat(out); err != nil || fi.Mode().Perm() != 0o604 {
		t.Errorf("replaced export: %v (%v), want -rw----r--", fi.Mode().Perm(), err)
	}
}
