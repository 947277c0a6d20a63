package timeline

import (
	"context"
	"fmt"
	"runtime"
	"sort"
	"sync"
	"testing"
)

// memStore is the part of a Store a History uses (Replace and Put), in memory, with the
// real store's rule that removing a missing id fails the whole write. It yields between
// reading and writing so that steps that are not serialised interleave.
type memStore struct {
	mu  sync.Mutex
	evs map[string]Event
}

func newMemStore() *memStore { return &memStore{evs: map[string]Event{}} }

func (m *memStore) Replace(_ context.Context, put []Event, remove []string, _ Progress) (PutResult, error) {
	m.mu.Lock()
	for _, id := range remove {
		if _, ok := m.evs[id]; !ok {
			m.mu.Unlock()
			return PutResult{}, fmt.Errorf("delete %s: %w", id, ErrNotFound)
		}
	}
	m.mu.Unlock()
	runtime.Gosched()
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, id := range remove {
		delete(m.evs, id)
	}
	for _, e := range put {
		m.evs[e.ID] = e
	}
	return PutResult{Added: len(put)}, nil
}

func (m *memStore) Put(ctx context.Context, put []Event, p Progress) (PutResult, error) {
	return m.Replace(ctx, put, nil, p)
}

func (m *memStore) ids() []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []string
	for id := range m.evs {
		out = append(out, id)
	}
	sort.Strings(out)
	return out
}

// undoneIDs is what the case holds when every change on the undo stack is an addition.
func undoneIDs(h *History) []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	var out []string
	for _, c := range h.undo {
		for _, e := range c.After {
			out = append(out, e.ID)
		}
	}
	sort.Strings(out)
	return out
}

// TestHistoryStepsAreAtomic runs adds, imports (Do), undos and redos from many goroutines
// at once: no step fails, and afterwards the case holds exactly the additions on the undo
// stack; undoing everything then empties it and redoing everything brings all back.
func TestHistoryStepsAreAtomic(t *testing.T) {
	s := newMemStore()
	h := NewHistory(s)
	const workers, steps = 8, 150
	var wg sync.WaitGroup
	errs := make(chan error, workers*steps)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < steps; i++ {
				var err error
				switch (w + i) % 5 {
				case 0:
					err = h.Apply(context.Background(), &Change{Label: "add", After: []Event{{Title: fmt.Sprint(w, "-", i)}}})
				case 1:
					err = h.Do(func() (Change, error) {
						e := Event{ID: NewID(), Title: "imported"}
						_, err := s.Put(context.Background(), []Event{e}, nil)
						return Change{Label: "import", After: []Event{e}}, err
					})
				case 2, 3:
					_, _, err = h.Undo(context.Background())
				case 4:
					_, _, err = h.Redo(context.Background())
				}
				if err != nil {
					errs <- err
				}
				_ = h.UndoLabel() // a peek never waits for, nor disturbs, a step
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("a step failed: %v", err)
	}
	if got, want := s.ids(), undoneIDs(h); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("the case holds %d events, the undo stack adds %d", len(got), len(want))
	}
	n := len(s.ids())
	h.mu.Lock()
	pending := len(h.redo) // undone during the run, still to redo
	h.mu.Unlock()
	for i := 0; i < n; i++ {
		if _, ok, err := h.Undo(context.Background()); !ok || err != nil {
			t.Fatalf("undo %d of %d: ok %v, %v", i+1, n, ok, err)
		}
	}
	if len(s.ids()) != 0 || h.UndoLabel() != "" {
		t.Fatalf("undoing everything left %d events", len(s.ids()))
	}
	redone := 0
	for {
		_, ok, err := h.Redo(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			break
		}
		redone++
	}
	if redone != n+pending || len(s.ids()) != n+pending {
		t.Errorf("redid %d steps to %d events, want %d", redone, len(s.ids()), n+pending)
	}
}

// A step that fails leaves both stacks as they were; Do records nothing on an error.
func TestHistoryFailedStepsChangeNothing(t *testing.T) {
	s := newMemStore()
	h := NewHistory(s)
	add := Change{Label: "add", After: []Event{{Title: "A"}}}
	if err := h.Apply(context.Background(), &add); err != nil {
		t.Fatal(err)
	}
	// Someone else deletes the event: undoing the add cannot delete it again.
	s.mu.Lock()
	delete(s.evs, add.After[0].ID)
	s.mu.Unlock()
	if _, ok, err := h.Undo(context.Background()); ok || err == nil {
		t.Fatalf("undo of a vanished event = %v, %v", ok, err)
	}
	if h.UndoLabel() != "add" || h.RedoLabel() != "" {
		t.Errorf("a failed undo moved the stacks: %q / %q", h.UndoLabel(), h.RedoLabel())
	}
	if err := h.Do(func() (Change, error) { return Change{Label: "import"}, fmt.Errorf("bad row") }); err == nil {
		t.Fatal("Do lost write's error")
	}
	if h.UndoLabel() != "add" {
		t.Errorf("a failed Do was recorded: %q", h.UndoLabel())
	}
}

// laneStore is a memStore that keeps lanes.
type laneStore struct {
	*memStore
	lanes map[string]LaneInfo
}

func (l *laneStore) Lanes(context.Context) ([]LaneInfo, error) { return nil, nil }

func (l *laneStore) SetLane(_ context.Context, li LaneInfo) error {
	l.lanes[li.Name] = li
	return nil
}

// TestHistoryUndoesLanes: a change of lanes' colours and order is undone and redone
// like a change of events, and refused by a store that keeps no lanes.
func TestHistoryUndoesLanes(t *testing.T) {
	s := &laneStore{memStore: newMemStore(), lanes: map[string]LaneInfo{
		"A": {Name: "A", Colour: "#0072B2", Position: 0}, "B": {Name: "B", Colour: "#E69F00", Position: 1}}}
	h := NewHistory(s)
	ctx := context.Background()
	before := []LaneInfo{s.lanes["A"], s.lanes["B"]}
	after := []LaneInfo{{Name: "A", Colour: "#0072B2", Position: 1}, {Name: "B", Colour: "#009E73", Position: 0}}
	if err := h.Apply(ctx, &Change{Label: "change the lanes", LanesBefore: before, LanesAfter: after}); err != nil {
		t.Fatal(err)
	}
	if s.lanes["B"] != after[1] || s.lanes["A"] != after[0] {
		t.Errorf("applied: %v", s.lanes)
	}
	if _, ok, err := h.Undo(ctx); !ok || err != nil {
		t.Fatalf("undo: %v %v", ok, err)
	}
	if s.lanes["A"] != before[0] || s.lanes["B"] != before[1] {
		t.Errorf("undone: %v, want %v", s.lanes, before)
	}
	if _, ok, err := h.Redo(ctx); !ok || err != nil || s.lanes["B"] != after[1] {
		t.Errorf("redone: %v (%v %v)", s.lanes, ok, err)
	}
	if err := NewHistory(newMemStore()).Apply(ctx, &Change{Label: "x", LanesAfter: after}); err == nil {
		t.Error("a store with no lanes took a change of lanes")
	}
}
