package data

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chronoscope/chronoscope/data/storetest"
	"github.com/chronoscope/chronoscope/timeline"
)

var ctx = context.Background()

func newStore(t *testing.T) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "case"+Extension), OpenOrCreate)
	if err != nil {
		t.Fatal(err)
	}
	s.Now = func() time.Time { return storetest.Now }
	t.Cleanup(func() { s.Close() })
	return s
}

// The helpers the store tests share with the conformance suite.
var (
	put   = storetest.Put
	event = storetest.Event
)

func TestDeleteRemovesSourcesAndLinks(t *testing.T) {
	s := newStore(t)
	e := event("x", "X", "2023-01-01", "")
	e.Actors, e.Tags = []string{"A"}, []string{"t"}
	e.Sources = []timeline.Source{{Title: "S"}}
	put(t, s, e)
	if err := s.Delete(ctx, "x"); err != nil {
		t.Fatal(err)
	}
	for _, table := range []string{"events", "sources", "event_actors", "event_tags"} {
		var n int
		s.r.QueryRow("SELECT count(*) FROM " + table).Scan(&n)
		if n != 0 {
			t.Errorf("%s keeps %d rows after delete", table, n)
		}
	}
	if _, err := s.Get(ctx, "x"); !errors.Is(err, timeline.ErrNotFound) {
		t.Errorf("Get after delete = %v, want ErrNotFound", err)
	}
	if err := s.Delete(ctx, "x"); !errors.Is(err, timeline.ErrNotFound) {
		t.Errorf("second delete = %v, want ErrNotFound", err)
	}
	if n, _ := s.Count(ctx, timeline.Filter{Query: "X"}); n != 0 {
		t.Errorf("full-text still finds a deleted event")
	}
}

func TestWindowQueryUsesTheIndex(t *testing.T) {
	s := newStore(t)
	put(t, s, timeline.Sample()...)
	where, args, err := where(ctx, s.r, timeline.Filter{From: 0, To: 1 << 40, HasFrom: true, HasTo: true})
	if err != nil {
		t.Fatal(err)
	}
	rows, err := s.r.Query("EXPLAIN QUERY PLAN SELECT e.id FROM events e"+where, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, notused int
		var detail string
		rows.Scan(&id, &parent, &notused, &detail)
		plan = append(plan, detail)
	}
	joined := strings.Join(plan, "\n")
	if !strings.Contains(joined, "events_window") {
		t.Errorf("window query does not use events_window:\n%s", joined)
	}
	for _, p := range plan {
		if strings.HasPrefix(p, "SCAN") && !strings.Contains(p, "INDEX") && !strings.Contains(p, "LIST SUBQUERY") {
			t.Errorf("window query scans: %s\n%s", p, joined)
		}
	}
}

func assertUntouched(t *testing.T, path string, before []byte) {
	t.Helper()
	after, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before, after) {
		t.Errorf("%s was changed by a refused open", path)
	}
	matches, _ := filepath.Glob(path + "-*")
	if len(matches) > 0 {
		t.Errorf("a refused open left %v", matches)
	}
}

func TestOpenRefusals(t *testing.T) {
	dir := t.TempDir()
	text := filepath.Join(dir, "notes.txt")
	os.WriteFile(text, []byte("2023-09-13 summit notes\n"), 0o644)

	foreign := filepath.Join(dir, "other.db")
	db, _ := sql.Open("sqlite3", foreign)
	db.Exec("CREATE TABLE t (x)")
	db.Close()

	newer := filepath.Join(dir, "newer"+Extension)
	s, err := Open(newer, OpenOrCreate)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	db, _ = sql.Open("sqlite3", newer)
	db.Exec("PRAGMA user_version = 99")
	db.Close()

	corrupt := filepath.Join(dir, "corrupt"+Extension)
	good, _ := os.ReadFile(newer)
	bad := append([]byte{}, good[:100]...)
	bad = append(bad, bytes.Repeat([]byte{0xAB}, len(good)-100)...)
	os.WriteFile(corrupt, bad, 0o644)

	tests := []struct {
		path, says string
		is         error
	}{
		{text, "not an SQLite database", ErrNotCase},
		{foreign, "not a Chronoscope case", ErrNotCase},
		{newer, "newer Chronoscope", ErrNewerVersion},
		{corrupt, "", nil},
	}
	for _, tt := range tests {
		before, _ := os.ReadFile(tt.path)
		_, err := Open(tt.path, OpenOrCreate)
		if err == nil {
			t.Errorf("%s opened", tt.path)
			continue
		}
		if !strings.Contains(err.Error(), tt.says) || !strings.Contains(err.Error(), tt.path) || strings.Contains(err.Error(), "\n") {
			t.Errorf("open %s = %q, want one line naming the file and saying %q", tt.path, err, tt.says)
		}
		if tt.is != nil && !errors.Is(err, tt.is) {
			t.Errorf("open %s = %v, want %v", tt.path, err, tt.is)
		}
		assertUntouched(t, tt.path, before)
	}
	missing := filepath.Join(dir, "missing"+Extension)
	if _, err := Open(missing, OpenExisting); err == nil || !strings.Contains(err.Error(), "no such case file") {
		t.Errorf("open missing = %v", err)
	}
	if _, err := os.Stat(missing); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("opening a missing file created it")
	}
}

func TestReadOnlyCase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ro"+Extension)
	s, err := Open(path, OpenOrCreate)
	if err != nil {
		t.Fatal(err)
	}
	put(t, s, timeline.Sample()...)
	s.Close()
	os.Chmod(path, 0o444)
	before, _ := os.ReadFile(path)
	ro, err := Open(path, OpenExisting)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if !ro.ReadOnly() {
		t.Fatal("a file with no write permission opened writable")
	}
	if n, _ := ro.Count(ctx, timeline.Filter{}); n != len(timeline.Sample()) {
		t.Errorf("read-only case shows %d events", n)
	}
	if _, err := ro.Put(ctx, []timeline.Event{event("n", "N", "2023", "")}, nil); !errors.Is(err, timeline.ErrReadOnly) {
		t.Errorf("put on read-only = %v", err)
	}
	if err := ro.Delete(ctx, "sample-2023-talks"); !errors.Is(err, timeline.ErrReadOnly) {
		t.Errorf("delete on read-only = %v", err)
	}
	ro.Close()
	assertUntouched(t, path, before)
}

func TestSaveCopyWhileWriting(t *testing.T) {
	s := newStore(t)
	put(t, s, timeline.Sample()...)
	copyPath := filepath.Join(t.TempDir(), "copy"+Extension)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; i < 20; i++ {
			put(t, s, event("", "extra", "2024-01-01", ""))
		}
	}()
	if err := s.SaveCopy(ctx, copyPath); err != nil {
		t.Fatal(err)
	}
	wg.Wait()
	c, err := Open(copyPath, OpenExisting)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	n, _ := c.Count(ctx, timeline.Filter{})
	if n < len(timeline.Sample()) || n > len(timeline.Sample())+20 {
		t.Errorf("copy has %d events", n)
	}
	if err := s.SaveCopy(ctx, s.Path()); err == nil {
		t.Errorf("saving a copy over the open case was allowed")
	}
	// Nor through a link to it.
	link := filepath.Join(t.TempDir(), "link"+Extension)
	if err := os.Symlink(s.Path(), link); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveCopy(ctx, link); err == nil {
		t.Errorf("saving a copy over the open case through a link was allowed")
	}
	if n, err := s.Count(ctx, timeline.Filter{}); err != nil || n < len(timeline.Sample()) {
		t.Errorf("the open case holds %d events (%v)", n, err)
	}
}

// A case written by schema 1 (no events.names column) is brought up to date when it is
// opened, and its marks still carry their actors and tags, in order.
func TestMigrationFromSchema1(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old"+Extension)
	s, err := Open(path, OpenOrCreate)
	if err != nil {
		t.Fatal(err)
	}
	put(t, s, timeline.Sample()...)
	s.Close()
	raw, _ := sql.Open("sqlite3", path)
	if _, err := raw.Exec("ALTER TABLE events DROP COLUMN version; ALTER TABLE events DROP COLUMN names; DROP TABLE lanes; PRAGMA user_version = 1"); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	s, err = Open(path, OpenExisting)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var version int
	s.r.QueryRow("PRAGMA user_version").Scan(&version)
	if version != SchemaVersion || SchemaVersion < 2 {
		t.Errorf("schema %d after opening, want %d", version, SchemaVersion)
	}
	marks, err := s.Marks(ctx, timeline.Filter{Query: "delegations"})
	if err != nil || marks.Len() != 1 {
		t.Fatalf("marks = %v, %v", marks.All(), err)
	}
	if got := strings.Join(marks.Actors(0), "|"); got != "Kim Jong-un|Vladimir Putin|Sergei Shoigu|Sergei Lavrov|Denis Manturov" {
		t.Errorf("actors after migration = %q", got)
	}
	if got := strings.Join(marks.Tags(0), "|"); got != "summit" {
		t.Errorf("tags after migration = %q", got)
	}
}
