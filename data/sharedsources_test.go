package data

import (
	"database/sql"
	"path/filepath"
	"testing"

	"github.com/chronoscope/chronoscope/timeline"
)

// A case of schema 8, whose events each kept their own sources (rows of sources, and
// a large import's sources_json), is migrated to shared sources: exact duplicates become
// one source, cited by each event with its own quote; a source that differs in any
// field (here the grade) stays apart. Editing the merged source then changes every event
// that cited a duplicate.
func TestMigrationSharesDuplicateSources(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old"+Extension)
	s, err := Open(path, OpenOrCreate)
	if err != nil {
		t.Fatal(err)
	}
	wire := func(quote string, cred int) timeline.Source {
		return timeline.Source{Title: "Wire", URL: "https://example.org/w", Publisher: "Agency", Quote: quote, Reliability: "B", Credibility: cred}
	}
	a, b, c, d := event("a", "A", "2023-01-01", ""), event("b", "B", "2023-01-02", ""), event("c", "C", "2023-01-03", ""), event("d", "D", "2023-01-04", "")
	a.Sources = []timeline.Source{wire("qa", 2), {Title: "Other"}}
	b.Sources = []timeline.Source{wire("qb", 2)}
	c.Sources = []timeline.Source{{Title: "placeholder"}}
	d.Sources = []timeline.Source{wire("qd", 3)}
	put(t, s, a, b, c, d)
	s.Close()
	// Back to schema 8: no shared sources, no notes; c's sources in its row as a large
	// import writes them.
	raw, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		"DROP TABLE case_sources", "DROP INDEX sources_shared", "ALTER TABLE sources DROP COLUMN source_uid",
		"ALTER TABLE events DROP COLUMN notes", "ALTER TABLE case_info DROP COLUMN notes",
		"DELETE FROM sources WHERE event_id = (SELECT id FROM events WHERE uid = 'c')",
		`UPDATE events SET sources_json = '[{"t":"Wire","u":"https://example.org/w","p":"Agency","q":"qc","r":"B","c":2}]' WHERE uid = 'c'`,
		"PRAGMA user_version = 8",
	} {
		if _, err := raw.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	raw.Close()
	s, err = Open(path, OpenExisting)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	list, err := s.Sources(ctx)
	if err != nil || len(list) != 3 {
		t.Fatalf("Sources after the migration = %+v, %v; want 3 (Other, Wire B2, Wire B3)", list, err)
	}
	merged := wire("", 2).DocumentID()
	quotes := map[string]string{"a": "qa", "b": "qb", "c": "qc"}
	for id, quote := range quotes {
		e, err := s.Get(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if src := e.Sources[0]; src.ID != merged || src.Quote != quote || src.Title != "Wire" {
			t.Errorf("%s cites %+v, want the merged source %s with quote %q", id, src, merged, quote)
		}
	}
	if e, _ := s.Get(ctx, "d"); e.Sources[0].ID == merged || e.Sources[0].ID == "" {
		t.Errorf("d's source (another grade) has id %q", e.Sources[0].ID)
	}
	src := wire("", 2)
	src.ID, src.Title = merged, "Wire (edited once)"
	if changed, err := s.PutSource(ctx, src); err != nil || changed != 3 {
		t.Fatalf("PutSource = %d, %v; want 3", changed, err)
	}
	for id, quote := range quotes {
		if e, _ := s.Get(ctx, id); e.Sources[0].Title != "Wire (edited once)" || e.Sources[0].Quote != quote {
			t.Errorf("%s cites %+v after the edit", id, e.Sources[0])
		}
	}
	if rep, err := s.Check(ctx, nil); err != nil || len(rep.Problems) > 0 {
		t.Errorf("check after the migration: %+v %v", rep, err)
	}
}
