package data

import (
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/chronoscope/chronoscope/timeline"
)

// TestSaveCopyFollowsTheExportRules: Save a copy writes through a symlink, refuses a
// read-only file, keeps the mode of a file it replaces, and the copy opens as the case.
func TestSaveCopyFollowsTheExportRules(t *testing.T) {
	s := newStore(t)
	put(t, s, timeline.Sample()...)
	dir, elsewhere := t.TempDir(), t.TempDir()

	target := filepath.Join(elsewhere, "copy.bin")
	os.WriteFile(target, []byte("old"), 0o640)
	link := filepath.Join(dir, "link.bin")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveCopy(ctx, link); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Error("the symlink was replaced")
	}
	if fi, _ := os.Stat(target); fi.Mode().Perm() != 0o640 {
		t.Errorf("the copy's mode is %v, want the replaced file's -rw-r-----", fi.Mode().Perm())
	}
	c, err := Open(target, OpenExisting)
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := c.Count(ctx, timeline.Filter{}); n != len(timeline.Sample()) {
		t.Errorf("the copy holds %d events", n)
	}
	c.Close()

	ro := filepath.Join(dir, "ro.bin")
	os.WriteFile(ro, []byte("kept"), 0o444)
	if err := s.SaveCopy(ctx, ro); err == nil {
		t.Error("Save a copy replaced a read-only file")
	}
	if b, _ := os.ReadFile(ro); string(b) != "kept" {
		t.Errorf("the read-only file holds %q", b)
	}
	if err := s.SaveCopy(ctx, target); err == nil || !errors.Is(err, timeline.ErrCaseTarget) {
		t.Errorf("Save a copy over another case = %v, want it refused", err)
	}
}

// TestAForeignDatabaseIsNeverMadeACase: an SQLite file whose first page says nothing
// (its tables still in its WAL, as another program's new database can be) is not turned
// into a case.
func TestAForeignDatabaseIsNeverMadeACase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "theirs.db")
	db, err := sql.Open("sqlite3", "file:"+path+"?_journal_mode=WAL")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec("CREATE TABLE notes (x); INSERT INTO notes VALUES (1)"); err != nil {
		t.Fatal(err)
	}
	s, err := Open(path, OpenOrCreate)
	if err == nil {
		s.Close()
		t.Fatal("another program's database was opened as a case")
	}
	var n int
	if err := db.QueryRow("SELECT count(*) FROM sqlite_master").Scan(&n); err != nil || n != 1 {
		t.Errorf("their database now holds %d objects (%v), want their one table", n, err)
	}
}
