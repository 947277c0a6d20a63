package data

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/chronoscope/chronoscope/timeline"
)

// TestManyStoresOnOneFileLoseNothing opens, writes and closes one case from several
// stores at once, as separate processes would, with a reader opening and closing beside
// them: every acknowledged write must be there at the end. Opening a case used to remove
// -wal and -shm files that another store had just committed into.
func TestManyStoresOnOneFileLoseNothing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "shared"+Extension)
	writers, each := 4, 15
	var wg sync.WaitGroup
	errs := make(chan error, writers*each+100)
	stop := make(chan struct{})
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				s, err := Open(path, OpenOrCreate)
				if err != nil {
					errs <- err
					return
				}
				e := event(fmt.Sprintf("w%d-%d", w, i), "Event", "2023-09-13", "")
				if _, err := s.Put(ctx, []timeline.Event{e}, nil); err != nil {
					errs <- err
				}
				s.Close()
			}
		}()
	}
	var readers sync.WaitGroup
	readers.Add(1)
	go func() {
		defer readers.Done()
		for {
			select {
			case <-stop:
				return
			default:
			}
			if s, err := Open(path, OpenExisting); err == nil {
				if _, err := s.Marks(ctx, timeline.Filter{}); err != nil {
					errs <- err
				}
				s.Close()
			}
		}
	}()
	wg.Wait()
	close(stop)
	readers.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("a store failed: %v", err)
	}
	s, err := Open(path, OpenExisting)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if n, _ := s.Count(ctx, timeline.Filter{}); n != writers*each {
		t.Errorf("%d events after %d acknowledged writes", n, writers*each)
	}
}

// damagedCase makes a case of n events, each with a source and actors, closes it and
// writes random bytes over one leaf page of table's b-tree (the second child of its
// root, or the root when it has no children). It returns the path.
func damagedCase(t *testing.T, n int, table string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "damaged"+Extension)
	s, err := Open(path, OpenOrCreate)
	if err != nil {
		t.Fatal(err)
	}
	evs := make([]timeline.Event, n)
	for i := range evs {
		evs[i] = event(fmt.Sprintf("e%05d", i), fmt.Sprintf("Event number %d with a longer title to fill pages", i), "2023-09-13", "")
		evs[i].Actors = []string{fmt.Sprintf("Actor %d", i%50), "Kim Jong-un"}
		evs[i].Sources = []timeline.Source{{Title: fmt.Sprintf("Report %d", i), URL: "https://example.org/r"}}
	}
	// The first events through the bulk path (their sources in their rows, the index
	// built after), the rest one at a time (their sources in the sources table).
	split := min(n, max(bulkMin, n*2/3))
	if _, err := s.Put(ctx, evs[:split], nil); err != nil {
		t.Fatal(err)
	}
	for lo := split; lo < n; lo += bulkMin - 1 {
		if _, err := s.Put(ctx, evs[lo:min(lo+bulkMin-1, n)], nil); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.buildBacklog(ctx, nil); err != nil { // no marks snapshot: the marks are read from the events
		t.Fatal(err)
	}
	var root int
	if err := s.r.QueryRow("SELECT rootpage FROM sqlite_master WHERE name = ?", table).Scan(&root); err != nil {
		t.Fatal(err)
	}
	s.Close()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	const pageSize = 4096
	victim := root // a table of one page is damaged there
	if children := interiorChildren(b[(root-1)*pageSize : root*pageSize]); len(children) >= 3 {
		victim = children[1]
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range pageSize {
		b[(victim-1)*pageSize+i] = byte(rng.UintN(256))
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// interiorChildren lists the child page numbers of an interior b-tree page (not page 1).
func interiorChildren(page []byte) []int {
	if page[0] != 0x05 && page[0] != 0x02 {
		return nil
	}
	cells := int(binary.BigEndian.Uint16(page[3:]))
	var out []int
	for i := range cells {
		off := int(binary.BigEndian.Uint16(page[12+2*i:]))
		out = append(out, int(binary.BigEndian.Uint32(page[off:])))
	}
	return append(out, int(binary.BigEndian.Uint32(page[8:])))
}

func TestDamagedCaseIsContained(t *testing.T) {
	path := damagedCase(t, 3000, "events")
	before, _ := os.ReadFile(path)
	s, err := Open(path, OpenExisting)
	if err != nil {
		// Refusing is also containment, but the analyst should see what can be read.
		t.Fatalf("a case with one damaged page would not open: %v", err)
	}
	_, err = s.Events(ctx, timeline.Filter{})
	if !errors.Is(err, timeline.ErrDamaged) || !strings.Contains(err.Error(), "the case file is damaged") || strings.Contains(err.Error(), "\n") {
		t.Errorf("reading a damaged case = %v, want one line saying the case file is damaged", err)
	}
	if !s.ReadOnly() {
		t.Error("a store that found damage still takes writes")
	}
	if _, err := s.Put(ctx, []timeline.Event{event("new", "New", "2024", "")}, nil); !errors.Is(err, timeline.ErrDamaged) {
		t.Errorf("a write to a damaged case = %v, want ErrDamaged", err)
	}
	if err := s.SetInfo(ctx, timeline.CaseInfo{Name: "x"}); !errors.Is(err, timeline.ErrDamaged) {
		t.Errorf("renaming a damaged case = %v, want ErrDamaged", err)
	}
	s.Close()
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Error("the damaged file was written to")
	}
}

func TestCheckFindsDamage(t *testing.T) {
	for _, table := range []string{"events", "sources", "events_earliest", "sources_event", "events_fts_segments"} {
		t.Run(table, func(t *testing.T) {
			path := damagedCase(t, 3000, table)
			s, err := Open(path, OpenExisting)
			if err != nil {
				if !errors.Is(err, timeline.ErrDamaged) || strings.Contains(err.Error(), "\n") {
					t.Errorf("open of a damaged case = %v, want one line wrapping ErrDamaged", err)
				}
				t.Logf("refused on open: %v", err)
				return
			}
			defer s.Close()
			var steps []int
			rep, err := s.Check(ctx, func(done, total int) { steps = append(steps, done) })
			if err != nil {
				t.Fatal(err)
			}
			if len(rep.Problems) == 0 {
				t.Errorf("check found nothing wrong with a damaged %s page", table)
			}
			t.Logf("check: %d tables, %d events, problems %q", rep.Tables, rep.Events, rep.Problems)
			if len(steps) < 3 || steps[len(steps)-1] != rep.Tables {
				t.Errorf("progress %v for %d tables", steps, rep.Tables)
			}
			if !s.ReadOnly() {
				t.Error("a store whose check found damage still takes writes")
			}
		})
	}
}

func TestCheckOfAWholeCase(t *testing.T) {
	s := newStore(t)
	put(t, s, timeline.Sample()...)
	rep, err := s.Check(ctx, nil)
	if err != nil || len(rep.Problems) > 0 || rep.Events != len(timeline.Sample()) || rep.Tables < 5 {
		t.Errorf("check of a whole case = %+v, %v", rep, err)
	}
	if s.ReadOnly() {
		t.Error("a whole case became read-only after its check")
	}
}

func TestRecoverSavesWhatCanBeRead(t *testing.T) {
	for _, table := range []string{"events", "sources"} {
		t.Run(table, func(t *testing.T) {
			path := damagedCase(t, 3000, table)
			out := filepath.Join(t.TempDir(), "saved"+Extension)
			rep, err := Recover(ctx, path, out, nil)
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("recover: %+v", rep)
			if rep.Saved+max(rep.Lost, 0) != 3000 || rep.Saved < 2500 || rep.Lost < 0 {
				t.Errorf("recover = %+v, want the 3000 events counted as saved or lost", rep)
			}
			if table == "events" && rep.Lost == 0 {
				t.Error("a damaged events page lost nothing")
			}
			if table == "sources" && (rep.Lost != 0 || rep.WithoutSources == 0) {
				t.Errorf("a damaged sources page: %+v, want every event saved and some without sources", rep)
			}
			s, err := Open(out, OpenExisting)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if check, err := s.Check(ctx, nil); err != nil || len(check.Problems) > 0 || check.Events != rep.Saved {
				t.Errorf("the recovered case is not whole: %+v %v", rep, err)
			}
			evs, err := s.Events(ctx, timeline.Filter{Actors: []string{"Kim Jong-un"}})
			if err != nil || len(evs) != rep.Saved {
				t.Fatalf("recovered case: %d events with their actor (%v), want %d", len(evs), err, rep.Saved)
			}
			withSource := 0
			for _, e := range evs {
				if len(e.Actors) != 2 || e.Title == "" {
					t.Fatalf("recovered event lost fields: %+v", e)
				}
				if len(e.Sources) == 1 {
					withSource++
				}
			}
			if withSource+max(rep.WithoutSources, 0) != rep.Saved {
				t.Errorf("%d events with their source, %d without, of %d", withSource, rep.WithoutSources, rep.Saved)
			}
			if _, err := Recover(ctx, path, out, nil); err == nil {
				t.Error("recover wrote over an existing file")
			}
		})
	}
}

// TestNoWriteIntoADamagedCase writes first, before any read has met the damage: the check
// before a store's first write must find it wherever it is, an index or the full-text
// index included.
func TestNoWriteIntoADamagedCase(t *testing.T) {
	for _, table := range []string{"events", "sources", "actors", "events_earliest", "events_fts_segments"} {
		t.Run(table, func(t *testing.T) {
			path := damagedCase(t, 3000, table)
			before, _ := os.ReadFile(path)
			s, err := Open(path, OpenExisting)
			if err == nil {
				_, err = s.Put(ctx, []timeline.Event{event("new", "New", "2024", "")}, nil)
				s.Close()
			}
			if !errors.Is(err, timeline.ErrDamaged) {
				t.Errorf("a write into a case with a damaged %s page = %v, want ErrDamaged", table, err)
			}
			if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
				t.Error("the damaged file was written to")
			}
		})
	}
}
