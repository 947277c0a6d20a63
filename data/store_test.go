package data

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chronoscope/chronoscope/timeline"
)

var ctx = context.Background()

func newStore(t *testing.T) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "case"+Extension), OpenOrCreate)
	if err != nil {
		t.Fatal(err)
	}
	s.Now = func() time.Time { return time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC) }
	t.Cleanup(func() { s.Close() })
	return s
}

func put(t *testing.T, s *Store, evs ...timeline.Event) timeline.PutResult {
	t.Helper()
	res, err := s.Put(ctx, evs, nil)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func event(id, title, start, end string) timeline.Event {
	e := timeline.Event{ID: id, Title: title, Start: timeline.MustParseDate(start)}
	if end != "" {
		e.End = timeline.MustParseDate(end)
	}
	return e
}

func TestRoundTripEveryField(t *testing.T) {
	s := newStore(t)
	lat, lon := 51.88, 128.33
	in := timeline.Event{
		ID: "full", Title: "Саммит — 김정은", Description: "line one\nline \"two\"",
		Start: timeline.MustParseDate("2023-09-05~"), End: timeline.MustParseDate("2023-09-XX"),
		Lane: "Diplomacy", Actors: []string{"Kim Jong-un", "Vladimir Putin"}, Tags: []string{"summit", "space"},
		Location:   timeline.Location{Name: "Vostochny", Lat: &lat, Lon: &lon},
		Importance: 5,
		Sources: []timeline.Source{
			{Title: "Wire", URL: "https://example.org/a", Publisher: "Agency", Date: "2023-09-13", Quote: "«quoted»", Reliability: "B", Credibility: 2},
			{Title: "Second"},
		},
		Attrs: map[string]string{"fatalities": "0", "display_date": "mid-September"},
	}
	put(t, s, in)
	got, err := s.Get(ctx, "full")
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != in.Title || got.Description != in.Description || got.Start.Text != "2023-09-05~" ||
		got.End.Text != "2023-09-XX" || got.Lane != in.Lane || got.Importance != 5 ||
		strings.Join(got.Actors, "|") != "Kim Jong-un|Vladimir Putin" || strings.Join(got.Tags, "|") != "summit|space" ||
		got.Location.Name != "Vostochny" || *got.Location.Lat != lat || *got.Location.Lon != lon ||
		len(got.Sources) != 2 || got.Sources[0] != in.Sources[0] || got.Sources[1].Title != "Second" ||
		got.Attrs["fatalities"] != "0" || got.Attrs["display_date"] != "mid-September" {
		t.Errorf("round trip lost something:\n got %+v\nwant %+v", got, in)
	}
	if !got.Created.Equal(s.Now()) || !got.Updated.Equal(s.Now()) {
		t.Errorf("stamps = %v %v, want the store's clock", got.Created, got.Updated)
	}
}

func TestDatesOutsideUnixNanoRange(t *testing.T) {
	s := newStore(t)
	for _, d := range []string{"-0043-03-15", "1600-06-01", "2263-01-01", "201X", "2023-09-13T10:30:00+09:00"} {
		put(t, s, event("d"+d, "at "+d, d, ""))
	}
	for _, d := range []string{"-0043-03-15", "1600-06-01", "2263-01-01", "201X", "2023-09-13T10:30:00+09:00"} {
		e, err := s.Get(ctx, "d"+d)
		if err != nil {
			t.Fatal(err)
		}
		want := timeline.MustParseDate(d)
		if e.Start != want {
			t.Errorf("%s came back as %+v, want %+v", d, e.Start, want)
		}
	}
	evs, _ := s.Events(ctx, timeline.Filter{})
	if len(evs) != 5 || evs[0].Start.Text != "-0043-03-15" || evs[4].Start.Text != "2263-01-01" {
		t.Errorf("events not in date order: %v", titles(evs))
	}
}

func titles(evs []timeline.Event) []string {
	var out []string
	for _, e := range evs {
		out = append(out, e.Title)
	}
	return out
}

func TestPutUpdatesAndCounts(t *testing.T) {
	s := newStore(t)
	res := put(t, s, event("a", "A", "2023-01-01", ""), event("b", "B", "2023-02-01", ""))
	if res != (timeline.PutResult{Added: 2}) {
		t.Errorf("first put = %+v", res)
	}
	res = put(t, s, event("a", "A", "2023-01-01", ""), event("b", "B changed", "2023-02-01", ""), event("", "C", "2023-03-01", ""))
	if res != (timeline.PutResult{Added: 1, Updated: 1, Unchanged: 1}) {
		t.Errorf("second put = %+v", res)
	}
	if n, _ := s.Count(ctx, timeline.Filter{}); n != 3 {
		t.Errorf("count = %d, want 3", n)
	}
}

func TestPutIsAllOrNothing(t *testing.T) {
	s := newStore(t)
	put(t, s, event("keep", "Keep", "2023-01-01", ""))
	bad := event("bad", "Bad", "2023-09-13", "")
	bad.End = timeline.MustParseDate("2023-09-01")
	_, err := s.Put(ctx, []timeline.Event{event("new", "New", "2023-01-02", ""), bad}, nil)
	var pe *PutError
	if !errors.As(err, &pe) || pe.Index != 1 || !strings.Contains(err.Error(), "end") {
		t.Fatalf("err = %v, want a PutError naming event 2's end", err)
	}
	if n, _ := s.Count(ctx, timeline.Filter{}); n != 1 {
		t.Errorf("count = %d after a failed put, want 1", n)
	}
}

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

func TestFilters(t *testing.T) {
	s := newStore(t)
	evs := timeline.Sample()
	put(t, s, evs...)
	day := func(d string) int64 { return timeline.MustParseDate(d).Earliest }
	tests := []struct {
		name string
		f    timeline.Filter
		want int
	}{
		{"all", timeline.Filter{}, len(evs)},
		{"13 September", timeline.Filter{From: day("2023-09-13"), To: day("2023-09-14") - 1, HasFrom: true, HasTo: true}, 6}, // 5 on the day and the train
		{"before 2020", timeline.Filter{To: day("2020-01-01") - 1, HasTo: true}, 2},                                          // Vladivostok, and the fuzzy border closure
		{"text", timeline.Filter{Query: "satellite"}, 3},
		{"prefix", timeline.Filter{Query: "cosmod"}, 2},
		{"source titles", timeline.Filter{Query: "vostochny"}, 8},
		{"actor in text", timeline.Filter{Query: "Peskov"}, 1},
		{"source title", timeline.Filter{Query: "public record"}, 5},
		{"lane", timeline.Filter{Lanes: []string{"Space"}}, 3},
		{"actor", timeline.Filter{Actors: []string{"Vladimir Putin"}}, 4},
		{"tag", timeline.Filter{Tags: []string{"warning"}}, 2},
		{"grade A", timeline.Filter{MinReliability: "A"}, 5},
		{"grade B2", timeline.Filter{MinReliability: "B", MinCredibility: 2}, len(evs)},
		{"grade 1", timeline.Filter{MinCredibility: 1}, 5},
		{"lane and text", timeline.Filter{Lanes: []string{"Space"}, Query: "cosmod"}, 1},
		{"syntax is text", timeline.Filter{Query: `"NEAR OR* -`}, 0},
	}
	for _, tt := range tests {
		n, err := s.Count(ctx, tt.f)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if n != tt.want {
			t.Errorf("%s: %d events, want %d", tt.name, n, tt.want)
		}
		marks, err := s.Marks(ctx, tt.f)
		if err != nil || len(marks) != n {
			t.Errorf("%s: %d marks (%v), want %d", tt.name, len(marks), err, n)
		}
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

func TestNamesAndExtent(t *testing.T) {
	s := newStore(t)
	if _, _, ok, err := s.Extent(ctx); ok || err != nil {
		t.Errorf("empty case has an extent (%v)", err)
	}
	put(t, s, timeline.Sample()...)
	lanes, _ := s.Names(ctx, timeline.LaneNames)
	if strings.Join(lanes, ",") != "Diplomacy,Military,North Korea,Space" {
		t.Errorf("lanes = %v", lanes)
	}
	first, last, ok, _ := s.Extent(ctx)
	if !ok || first != timeline.MustParseDate("2019-04-25").Earliest || last != timeline.MustParseDate("2023-09-13").Latest {
		t.Errorf("extent = %d..%d", first, last)
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

// Two stores on one file (two windows or processes) never lose an edit or report a lock.
func TestTwoWritersOnOneCase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "shared"+Extension)
	a, err := Open(path, OpenOrCreate)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := Open(path, OpenExisting)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	var wg sync.WaitGroup
	errs := make(chan error, 200)
	for _, s := range []*Store{a, b} {
		wg.Add(1)
		go func(s *Store) {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				if _, err := s.Put(ctx, []timeline.Event{event("", "edit", "2023-09-13", "")}, nil); err != nil {
					errs <- err
				}
			}
		}(s)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("concurrent write failed: %v", err)
	}
	if n, _ := a.Count(ctx, timeline.Filter{}); n != 100 {
		t.Errorf("%d events after 100 concurrent adds", n)
	}
}

func TestEachStreamsInPages(t *testing.T) {
	s := newStore(t)
	var evs []timeline.Event
	for i := 0; i < eachPage*2+7; i++ {
		e := event("", fmt.Sprintf("event %d", i), fmt.Sprintf("2023-%02d-%02d", i%12+1, i%28+1), "")
		e.Sources = []timeline.Source{{Title: fmt.Sprint("source ", i)}}
		evs = append(evs, e)
	}
	put(t, s, evs...)
	want, err := s.Events(ctx, timeline.Filter{Lanes: nil})
	if err != nil {
		t.Fatal(err)
	}
	var got []timeline.Event
	if err := s.Each(ctx, timeline.Filter{}, func(e timeline.Event) error { got = append(got, e); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("Each gave %d events, Events %d", len(got), len(want))
	}
	byID := map[string]timeline.Event{}
	for _, e := range want {
		byID[e.ID] = e
	}
	for i, e := range got {
		w, ok := byID[e.ID]
		if !ok || len(e.Sources) != 1 || e.Sources[0] != w.Sources[0] || e.Title != w.Title {
			t.Fatalf("event %d: Each %+v, Events %+v", i, e, w)
		}
		delete(byID, e.ID)
	}
	if len(byID) != 0 {
		t.Errorf("Each missed %d events", len(byID))
	}
	// A filter and a limit apply; an error from fn stops it.
	n := 0
	s.Each(ctx, timeline.Filter{Query: "source", Limit: 2500}, func(timeline.Event) error { n++; return nil })
	if n != 2500 {
		t.Errorf("limited Each gave %d", n)
	}
	stop := errors.New("stop")
	n = 0
	if err := s.Each(ctx, timeline.Filter{}, func(timeline.Event) error { n++; return stop }); err != stop || n != 1 {
		t.Errorf("Each did not stop: %v after %d", err, n)
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
	if _, err := raw.Exec("ALTER TABLE events DROP COLUMN names; DROP TABLE lanes; PRAGMA user_version = 1"); err != nil {
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
	if err != nil || len(marks) != 1 {
		t.Fatalf("marks = %v, %v", marks, err)
	}
	if got := strings.Join(marks[0].Actors, "|"); got != "Kim Jong-un|Vladimir Putin|Sergei Shoigu|Sergei Lavrov|Denis Manturov" {
		t.Errorf("actors after migration = %q", got)
	}
	if got := strings.Join(marks[0].Tags, "|"); got != "summit" {
		t.Errorf("tags after migration = %q", got)
	}
}

func TestMarksCarryNamesAfterEdits(t *testing.T) {
	s := newStore(t)
	e := event("x", "X", "2023", "")
	e.Actors, e.Tags = []string{"B", "A"}, []string{"t"}
	put(t, s, e)
	e.Actors, e.Tags = []string{"C"}, nil
	put(t, s, e)
	m, _ := s.Marks(ctx, timeline.Filter{})
	if len(m) != 1 || strings.Join(m[0].Actors, "|") != "C" || m[0].Tags != nil {
		t.Errorf("marks after an edit = %+v", m)
	}
}
