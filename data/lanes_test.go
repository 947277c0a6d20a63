package data

import (
	"database/sql"
	"path/filepath"
	"testing"

	"github.com/chronoscope/chronoscope/timeline"
)

// TestMigrationGivesExistingLanesColours opens a schema-2 case: its lanes get the palette
// in the order they first appeared.
func TestMigrationGivesExistingLanesColours(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old"+Extension)
	s, err := Open(path, OpenOrCreate)
	if err != nil {
		t.Fatal(err)
	}
	put(t, s, timeline.Sample()...)
	first, _ := s.Lanes(ctx)
	s.Close()
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("ALTER TABLE events DROP COLUMN version; DROP TABLE lanes; PRAGMA user_version = 2"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	s, err = Open(path, OpenExisting)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	again, err := s.Lanes(ctx)
	if err != nil || len(again) != len(first) {
		t.Fatalf("migrated lanes %+v (%v), want %+v", again, err, first)
	}
	for i := range first {
		if again[i] != first[i] {
			t.Errorf("migrated lane %d = %+v, want %+v", i, again[i], first[i])
		}
	}
}
