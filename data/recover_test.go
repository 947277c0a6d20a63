package data

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chronoscope/chronoscope/timeline"
)

// TestRecoverEndsWhenNothingIsReachable damages the root pages of the events table and
// of its indexes, so that not even the bounds of the row ids can be read: recover must
// still end, in bounded work, and say how it went.
func TestRecoverEndsWhenNothingIsReachable(t *testing.T) {
	path := damagedCase(t, 3000, "events") // one leaf already damaged
	s, err := Open(path, OpenExisting)
	if err != nil {
		t.Fatal(err)
	}
	var roots []int
	rows, err := s.r.Query("SELECT rootpage FROM sqlite_master WHERE tbl_name = 'events' AND rootpage > 0")
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var r int
		rows.Scan(&r)
		roots = append(roots, r)
	}
	rows.Close()
	s.Close()
	b, _ := os.ReadFile(path)
	for _, r := range roots {
		for i := range 4096 {
			b[(r-1)*4096+i] = byte(i*7 + r)
		}
	}
	os.WriteFile(path, b, 0o644)
	defer func(n int) { maxFailedScans = n }(maxFailedScans)
	maxFailedScans = 5000                                                   // the bound, smaller: the test is about ending, not about the figure
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute) // a guard, not a speed test
	defer cancel()
	out := filepath.Join(t.TempDir(), "saved"+Extension)
	rep, err := Recover(ctx, path, out, nil)
	if err != nil {
		if ctx.Err() != nil {
			t.Fatalf("recover did not end: %v", err)
		}
		return // refused in one line: the file is too damaged to open
	}
	if rep.Saved != 0 {
		t.Errorf("recover saved %d events from a table whose root is gone", rep.Saved)
	}
}

// TestMarksOfADamagedCase: the timeline of a damaged case shows every event that can
// still be read, with the error that says the case is damaged.
func TestMarksOfADamagedCase(t *testing.T) {
	path := damagedCase(t, 3000, "events")
	s, err := Open(path, OpenExisting)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	marks, err := s.Marks(ctx, timeline.Filter{})
	if !errors.Is(err, timeline.ErrDamaged) {
		t.Fatalf("Marks of a damaged case = %v, want ErrDamaged", err)
	}
	if marks.Len() < 2900 || marks.Len() == 3000 {
		t.Errorf("%d marks of 3000 with one damaged page", marks.Len())
	}
	for i := 1; i < marks.Len(); i++ {
		if marks.StartLo(i) < marks.StartLo(i-1) {
			t.Fatal("marks are not in time order")
		}
	}
}

// TestADamagedOlderCaseOpensReadOnly: a damaged case of an older schema is not migrated
// (a migration would write into it); it opens read-only, damaged.
func TestADamagedOlderCaseOpensReadOnly(t *testing.T) {
	path := damagedCase(t, 3000, "events")
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("PRAGMA user_version = 2"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	before, _ := os.ReadFile(path)
	s, err := Open(path, OpenExisting)
	if err != nil {
		t.Fatalf("a damaged older case would not open: %v", err)
	}
	defer s.Close()
	if !s.ReadOnly() || s.Damage() == nil {
		t.Error("a damaged older case opened writable")
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("the damaged case was migrated")
	}
}
