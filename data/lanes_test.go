package data

import (
	"database/sql"
	"path/filepath"
	"testing"

	"github.com/chronoscope/chronoscope/timeline"
)

func TestLanesKeepTheirColours(t *testing.T) {
	s := newStore(t)
	put(t, s, timeline.Sample()...)
	lanes, err := s.Lanes(ctx)
	if err != nil {
		t.Fatal(err)
	}
	names, _ := s.Names(ctx, timeline.LaneNames)
	if len(lanes) != len(names) {
		t.Fatalf("lanes %v for lane names %v", lanes, names)
	}
	for i, l := range lanes {
		if l.Position != i || l.Colour != timeline.PaletteColour(i) {
			t.Errorf("lane %d = %+v, want position %d and colour %s", i, l, i, timeline.PaletteColour(i))
		}
	}
	// A new lane takes the next colour; deleting every event of a lane keeps its colour.
	put(t, s, event("new-lane", "In a new lane", "2024", ""))
	e := event("new-lane-2", "Another", "2024", "")
	e.Lane = "Economy"
	put(t, s, e)
	if err := s.Delete(ctx, "new-lane-2"); err != nil {
		t.Fatal(err)
	}
	put(t, s, e)
	after, _ := s.Lanes(ctx)
	if len(after) != len(lanes)+1 || after[len(lanes)].Name != "Economy" || after[len(lanes)].Colour != timeline.PaletteColour(len(lanes)) {
		t.Errorf("after a new lane: %+v", after)
	}
	// The analyst's choice stays.
	if err := s.SetLane(ctx, timeline.LaneInfo{Name: "Economy", Colour: "#123456", Position: 0}); err != nil {
		t.Fatal(err)
	}
	if err := s.SetLane(ctx, timeline.LaneInfo{Name: "Economy", Colour: "red"}); err == nil {
		t.Error("a colour that is not #rrggbb was taken")
	}
	put(t, s, event("e3", "Third", "2025", ""))
	got, _ := s.Lanes(ctx)
	if got[0].Position != 0 || got[1].Name != "Economy" || got[1].Colour != "#123456" || got[1].Position != 0 {
		t.Errorf("after SetLane (lanes of one position go by name): %+v", got)
	}
}

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
	if _, err := db.Exec("DROP TABLE lanes; PRAGMA user_version = 2"); err != nil {
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
