//go:build unix

package timeline

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestWriteFileAtomicNewFileTakesTheUmask(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct{ umask, want int }{{0o022, 0o644}, {0o077, 0o600}, {0o002, 0o664}, {0o027, 0o640}} {
		old := syscall.Umask(tt.umask)
		path := filepath.Join(dir, fmt.Sprintf("new%03o", tt.umask))
		err := WriteFileAtomic(path, writeString("new"))
		syscall.Umask(old)
		if err != nil {
			t.Fatal(err)
		}
		if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != os.FileMode(tt.want) {
			t.Errorf("umask %03o: new file mode %v, want %v (%v)", tt.umask, fi.Mode().Perm(), os.FileMode(tt.want), err)
		}
	}
}

func TestWriteFileAtomicSyncsBeforeRename(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.csv")
	os.WriteFile(path, []byte("old"), 0o644)
	var synced []string
	fsync = func(f *os.File) error {
		fi, err := f.Stat()
		if err != nil {
			return err
		}
		kind := "file"
		if fi.IsDir() {
			kind = "folder"
		}
		synced = append(synced, kind+" while out.csv holds "+readString(t, path))
		return f.Sync()
	}
	defer func() { fsync = (*os.File).Sync }()
	if err := WriteFileAtomic(path, writeString("new")); err != nil {
		t.Fatal(err)
	}
	want := "file while out.csv holds old; folder while out.csv holds new"
	if got := strings.Join(synced, "; "); got != want {
		t.Errorf("syncs: %s\nwant:  %s", got, want)
	}
}
