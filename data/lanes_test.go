package data

import "testing"

// TestMigrationGivesExistingLanesColours opens a schema-2 case: its lanes get the palette
// in the order they first appeared.
func TestMigrationGivesExistingLanesColours(t *testing.T) {
	s, first := olderSample(t, "ALTER TABLE events DROP COLUMN version; DROP TABLE lanes; PRAGMA user_version = 2")
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
