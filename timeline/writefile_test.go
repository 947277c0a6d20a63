package timeline

import (
	"encoding/binary"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeString is a WriteFileAtomic callback writing s.
func writeString(s string) func(io.Writer) error {
	return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
}

// fakeCase writes a file whose header is a SQLite database's with application id appID,
// followed by some bytes: all RefuseCaseTarget reads.
func fakeCase(t *testing.T, path string, appID uint32) []byte {
	t.Helper()
	b := make([]byte, 4096)
	copy(b, sqliteMagic)
	binary.BigEndian.PutUint32(b[68:], appID)
	copy(b[100:], "events and sources")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return b
}

func readString(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// entries lists the names in dir, to see that no temporary file is left behind.
func entries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.csv")
	if err := WriteFileAtomic(path, writeString("old")); err != nil {
		t.Fatal(err)
	}
	// A failing write leaves the old file whole and no temporary file behind.
	err := WriteFileAtomic(path, func(w io.Writer) error {
		io.WriteString(w, "half")
		return errors.New("disk on fire")
	})
	if err == nil || !strings.Contains(err.Error(), "out.csv") || !strings.Contains(err.Error(), "disk on fire") {
		t.Errorf("err = %v", err)
	}
	if b := readString(t, path); b != "old" {
		t.Errorf("file = %q after a failed write, want the old content", b)
	}
	if names := entries(t, dir); len(names) != 1 {
		t.Errorf("folder holds %v, want out.csv only", names)
	}
	// A folder that does not exist: one clear error.
	err = WriteFileAtomic(filepath.Join(dir, "missing", "x.csv"), func(io.Writer) error { return nil })
	if err == nil || strings.Count(err.Error(), "missing") != 1 {
		t.Errorf("err = %v", err)
	}
	// A folder is not replaced.
	err = WriteFileAtomic(dir, writeString("x"))
	if err == nil || !strings.Contains(err.Error(), "it is a folder") {
		t.Errorf("writing over a folder: err = %v", err)
	}
}

func TestWriteFileAtomicRefusesCases(t *testing.T) {
	dir := t.TempDir()
	c := filepath.Join(dir, "c.chronoscope")
	want := fakeCase(t, c, CaseApplicationID)
	other := filepath.Join(dir, "other.sqlite")
	fakeCase(t, other, 0x12345678)
	hard := filepath.Join(dir, "hard.csv")
	if err := os.Link(c, hard); err != nil {
		t.Fatal(err)
	}
	sym := filepath.Join(dir, "sym.csv")
	if err := os.Symlink("c.chronoscope", sym); err != nil {
		t.Fatal(err)
	}
	symWAL := filepath.Join(dir, "symwal.csv")
	if err := os.Symlink(c+"-wal", symWAL); err != nil { // dangling: the -wal does not exist yet
		t.Fatal(err)
	}
	wal := c + "-wal"
	os.WriteFile(wal, []byte("wal frames"), 0o644)
	for _, tt := range []struct{ path, why string }{
		{c, "it is a Chronoscope case"},
		{hard, "it is a Chronoscope case"},
		{sym, "it leads to a Chronoscope case " + c},
		{wal, "it is a file of a Chronoscope case c.chronoscope"},
		{c + "-shm", "it is a file of a Chronoscope case c.chronoscope"},
		{c + "-journal", "it is a file of a Chronoscope case c.chronoscope"},
		{c + "-WAL", "it is a file of a Chronoscope case c.chronoscope"},
		{symWAL, "it is a file of a Chronoscope case c.chronoscope"},
	} {
		err := WriteFileAtomic(tt.path, writeString("exported"))
		wantMsg := "refusing to write over " + tt.path + ": " + tt.why
		if err == nil || err.Error() != wantMsg || !errors.Is(err, ErrCaseTarget) {
			t.Errorf("WriteFileAtomic(%s) = %v, want %q", filepath.Base(tt.path), err, wantMsg)
		}
	}
	if got := readString(t, c); got != string(want) {
		t.Error("the case changed")
	}
	if got := readString(t, wal); got != "wal frames" {
		t.Errorf("the -wal file = %q", got)
	}
	for _, side := range []string{"-shm", "-journal", "-WAL"} {
		if _, err := os.Lstat(c + side); err == nil {
			t.Errorf("%s was created", side)
		}
	}
	if fi, err := os.Lstat(sym); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Error("the symlink to the case is gone")
	}
	// Any other SQLite database is refused too (a new case has its application id in its
	// -wal file until the first checkpoint); the side files of a file that is not a
	// database are ordinary outputs.
	for _, p := range []string{other, other + "-wal"} {
		if err := WriteFileAtomic(p, writeString("x")); !errors.Is(err, ErrCaseTarget) || !strings.Contains(err.Error(), "an SQLite database") {
			t.Errorf("WriteFileAtomic(%s) = %v, want it refused as an SQLite database", filepath.Base(p), err)
		}
	}
	if err := WriteFileAtomic(filepath.Join(dir, "notes.txt-wal"), writeString("x")); err != nil {
		t.Errorf("WriteFileAtomic(notes.txt-wal) = %v", err)
	}
	if names := entries(t, dir); strings.Contains(strings.Join(names, " "), ".tmp") {
		t.Errorf("temporary files left: %v", names)
	}
}

func TestRefuseCaseTargetOpenCase(t *testing.T) {
	dir := t.TempDir()
	// An open case whose header no longer says so (damaged) is still refused by identity.
	open := filepath.Join(dir, "damaged.chronoscope")
	os.WriteFile(open, []byte("scribbled over"), 0o644)
	link := filepath.Join(dir, "link.csv")
	os.Link(open, link)
	for _, p := range []string{open, link, open + "-wal"} {
		err := RefuseCaseTarget(p, open)
		if err == nil || !errors.Is(err, ErrCaseTarget) || !strings.Contains(err.Error(), "the open case") {
			t.Errorf("RefuseCaseTarget(%s) = %v", filepath.Base(p), err)
		}
	}
	for _, p := range []string{filepath.Join(dir, "new.csv"), filepath.Join(dir, "missing", "x.csv")} {
		if err := RefuseCaseTarget(p, open); err != nil {
			t.Errorf("RefuseCaseTarget(%s) = %v", p, err)
		}
	}
	// A file too short to hold a header is no case.
	short := filepath.Join(dir, "short")
	os.WriteFile(short, sqliteMagic, 0o644)
	if err := RefuseCaseTarget(short); err != nil {
		t.Errorf("a 16-byte file: %v", err)
	}
}

func TestWriteFileAtomicRefusesReadOnly(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "ro.csv")
	os.WriteFile(path, []byte("kept"), 0o444)
	err := WriteFileAtomic(path, writeString("new"))
	if err == nil || err.Error() != "refusing to replace "+path+": it is read-only" || !errors.Is(err, ErrReadOnlyTarget) {
		t.Errorf("err = %v", err)
	}
	if got := readString(t, path); got != "kept" {
		t.Errorf("the read-only file = %q", got)
	}
	if names := entries(t, dir); len(names) != 1 {
		t.Errorf("folder holds %v", names)
	}
}

func TestWriteFileAtomicKeepsMode(t *testing.T) {
	dir := t.TempDir()
	for _, mode := range []os.FileMode{0o600, 0o640, 0o664, 0o755} {
		path := filepath.Join(dir, "out"+mode.String())
		os.WriteFile(path, []byte("old"), 0o600)
		if err := os.Chmod(path, mode); err != nil {
			t.Fatal(err)
		}
		if err := WriteFileAtomic(path, writeString("new")); err != nil {
			t.Fatal(err)
		}
		fi, err := os.Stat(path)
		if err != nil || fi.Mode().Perm() != mode || readString(t, path) != "new" {
			t.Errorf("replacing a %v file: mode %v, err %v", mode, fi.Mode().Perm(), err)
		}
	}
}

func TestWriteFileAtomicThroughSymlink(t *testing.T) {
	linkDir, targetDir := t.TempDir(), t.TempDir()
	target := filepath.Join(targetDir, "report.csv")
	os.WriteFile(target, []byte("old"), 0o640)
	link := filepath.Join(linkDir, "report.csv")
	rel, err := filepath.Rel(linkDir, target)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(rel, link); err != nil {
		t.Fatal(err)
	}
	if err := WriteFileAtomic(link, writeString("new")); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link is no longer a symlink: %v %v", fi.Mode(), err)
	}
	if got := readString(t, target); got != "new" {
		t.Errorf("target = %q", got)
	}
	if fi, _ := os.Stat(target); fi.Mode().Perm() != 0o640 {
		t.Errorf("target mode = %v", fi.Mode().Perm())
	}
	if names := entries(t, linkDir); len(names) != 1 {
		t.Errorf("link folder holds %v", names)
	}
	if names := entries(t, targetDir); len(names) != 1 {
		t.Errorf("target folder holds %v", names)
	}
	// A dangling link is written through: its target is created.
	dangling := filepath.Join(linkDir, "new.csv")
	os.Symlink(filepath.Join(targetDir, "made.csv"), dangling)
	if err := WriteFileAtomic(dangling, writeString("made")); err != nil {
		t.Fatal(err)
	}
	if got := readString(t, filepath.Join(targetDir, "made.csv")); got != "made" {
		t.Errorf("dangling link target = %q", got)
	}
	// A loop of links is one clear error.
	loop := filepath.Join(linkDir, "loop")
	os.Symlink("loop", loop)
	if err := WriteFileAtomic(loop, writeString("x")); err == nil || !strings.Contains(err.Error(), "symbolic links") {
		t.Errorf("loop: %v", err)
	}
}
