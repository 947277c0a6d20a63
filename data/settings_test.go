package data

import (
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/chronoscope/chronoscope/timeline"
)

// TestSettingsStayInTheCase: a setting written is read back after the case is opened
// again, "" forgets it, and a read-only case refuses to change one.
func TestSettingsStayInTheCase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "settings"+Extension)
	s, err := Open(path, OpenOrCreate)
	if err != nil {
		t.Fatal(err)
	}
	if v, err := s.Setting(ctx, timeline.SettingCompress); err != nil || v != "" {
		t.Errorf("a new case's setting = %q, %v; want none", v, err)
	}
	if err := s.SetSetting(ctx, timeline.SettingCompress, "on"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = Open(path, OpenExisting)
	if err != nil {
		t.Fatal(err)
	}
	if v, err := s.Setting(ctx, timeline.SettingCompress); err != nil || v != "on" {
		t.Errorf("after reopening: %q, %v; want on", v, err)
	}
	if err := s.SetSetting(ctx, timeline.SettingCompress, ""); err != nil {
		t.Fatal(err)
	}
	if v, _ := s.Setting(ctx, timeline.SettingCompress); v != "" {
		t.Errorf("a forgotten setting reads %q", v)
	}
	if err := s.SetSetting(ctx, "", "x"); err == nil {
		t.Error("a setting with no name was written")
	}
	s.SetSetting(ctx, timeline.SettingCompress, "on")
	s.Close()

	os.Chmod(path, 0o444)
	ro, err := Open(path, OpenExisting)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if v, _ := ro.Setting(ctx, timeline.SettingCompress); v != "on" {
		t.Errorf("a read-only case reads %q", v)
	}
	if err := ro.SetSetting(ctx, timeline.SettingCompress, ""); !errors.Is(err, timeline.ErrReadOnly) {
		t.Errorf("a read-only case's setting changed: %v", err)
	}
}

// TestMigrationAddsSettings opens a schema-5 case: it gains the settings table and
// keeps its events.
func TestMigrationAddsSettings(t *testing.T) {
	s, _ := olderSample(t, "DROP TABLE settings; PRAGMA user_version = 5")
	if err := s.SetSetting(ctx, timeline.SettingCompress, "on"); err != nil {
		t.Errorf("the migrated case keeps no setting: %v", err)
	}
	if n, _ := s.Count(ctx, timeline.Filter{}); n != len(timeline.Sample()) {
		t.Errorf("the migrated case holds %d events, want %d", n, len(timeline.Sample()))
	}
}

// olderSample makes a case of the sample, turns it into an older schema with the SQL
// downgrade, and opens it again (migrating it); it returns the store and what the
// sample's lanes were before.
func olderSample(t *testing.T, downgrade string) (*Store, []timeline.LaneInfo) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "old"+Extension)
	s, err := Open(path, OpenOrCreate)
	if err != nil {
		t.Fatal(err)
	}
	put(t, s, timeline.Sample()...)
	lanes, _ := s.Lanes(ctx)
	s.Close()
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(downgrade); err != nil {
		t.Fatal(err)
	}
	db.Close()
	s, err = Open(path, OpenExisting)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, lanes
}
