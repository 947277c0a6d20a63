package app

import (
	"cmp"
	"context"
	"errors"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/chronoscope/chronoscope/timeline"
)

// memStore is a case kept in memory: the caseStore the window asks of a case, for the
// window's tests that need no SQLite. It filters as the stores do (dates, lanes, actors,
// tags, grades, and a search that finds every word, the last one as a start), orders
// marks earliest first, validates what it is given and counts versions; it keeps no
// lanes or settings, makes no copy of itself and meets no one else's edits.
type memStore struct {
	mu       sync.Mutex
	path     string
	readOnly bool
	info     timeline.CaseInfo
	evs      []timeline.Event // in the order they were added
	version  uint64
}

// newMemStore is a case in memory holding evs, named by info.
func newMemStore(t *testing.T, info timeline.CaseInfo, evs []timeline.Event) *memStore {
	t.Helper()
	m := &memStore{path: "memory:" + t.Name(), info: info}
	if _, err := m.Put(context.Background(), evs, nil); err != nil {
		t.Fatal(err)
	}
	return m
}

// sampleStore is the sample chronology in memory.
func sampleStore(t *testing.T) *memStore {
	return newMemStore(t, timeline.SampleInfo, timeline.Sample())
}

var _ caseStore = (*memStore)(nil)

func (m *memStore) Path() string   { return m.path }
func (m *memStore) ReadOnly() bool { return m.readOnly }
func (m *memStore) Close() error   { return nil }

func (m *memStore) SaveCopy(context.Context, string) error {
	return errors.New("a case in memory makes no copy")
}

func (m *memStore) Version(context.Context) (uint64, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.version, nil
}

func (m *memStore) Info(context.Context) (timeline.CaseInfo, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.info, nil
}

func (m *memStore) SetInfo(_ context.Context, info timeline.CaseInfo) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.readOnly {
		return timeline.ErrReadOnly
	}
	m.info = info
	m.version++
	return nil
}

func (m *memStore) find(id string) int {
	return slices.IndexFunc(m.evs, func(e timeline.Event) bool { return e.ID == id })
}

func (m *memStore) Get(_ context.Context, id string) (timeline.Event, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if i := m.find(id); i >= 0 {
		return m.evs[i], nil
	}
	return timeline.Event{}, timeline.ErrNotFound
}

func (m *memStore) Lookup(_ context.Context, ids []string) ([]timeline.Event, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []timeline.Event
	for _, id := range ids {
		if i := m.find(id); i >= 0 {
			out = append(out, m.evs[i])
		}
	}
	return out, nil
}

// selected is the events f selects, earliest first (then by latest end, then in the
// order they were added), at most f.Limit of them.
func (m *memStore) selected(f timeline.Filter) []timeline.Event {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []timeline.Event
	for _, e := range m.evs {
		if selects(f, e) {
			out = append(out, e)
		}
	}
	slices.SortStableFunc(out, func(a, b timeline.Event) int {
		return cmp.Or(cmp.Compare(a.Earliest(), b.Earliest()), cmp.Compare(lastOf(a), lastOf(b)))
	})
	if f.Limit > 0 && len(out) > f.Limit {
		out = out[:f.Limit]
	}
	return out
}

func lastOf(e timeline.Event) int64 {
	if e.IsSpan() {
		return e.End.Latest
	}
	return e.Start.Latest
}

func (m *memStore) Events(_ context.Context, f timeline.Filter) ([]timeline.Event, error) {
	return m.selected(f), nil
}

func (m *memStore) Each(ctx context.Context, f timeline.Filter, fn func(timeline.Event) error) error {
	for _, e := range m.selected(f) {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := fn(e); err != nil {
			return err
		}
	}
	return nil
}

func (m *memStore) Count(_ context.Context, f timeline.Filter) (int, error) {
	f.Limit = 0
	return len(m.selected(f)), nil
}

func (m *memStore) Marks(_ context.Context, f timeline.Filter) (*timeline.Marks, error) {
	evs := m.selected(f)
	marks := make([]timeline.Mark, len(evs))
	for i, e := range evs {
		marks[i] = timeline.MarkOf(e)
	}
	return timeline.MarksOf(marks), nil
}

func (m *memStore) Names(_ context.Context, kind timeline.NameKind) ([]string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []string
	for _, e := range m.evs {
		switch kind {
		case timeline.LaneNames:
			if e.Lane != "" {
				out = append(out, e.Lane)
			}
		case timeline.ActorNames:
			out = append(out, e.Actors...)
		case timeline.TagNames:
			out = append(out, e.Tags...)
		}
	}
	slices.Sort(out)
	return slices.Compact(out), nil
}

func (m *memStore) Put(ctx context.Context, events []timeline.Event, p timeline.Progress) (timeline.PutResult, error) {
	return m.Replace(ctx, events, nil, p)
}

// Replace validates every event first, then writes them all and removes the ids in
// remove: all or nothing. An event with no id gets a new one; Put writes the saved
// version back into the events it is given.
func (m *memStore) Replace(_ context.Context, put []timeline.Event, remove []string, _ timeline.Progress) (timeline.PutResult, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var res timeline.PutResult
	if m.readOnly {
		return res, timeline.ErrReadOnly
	}
	for i := range put {
		put[i].Normalize()
		if err := put[i].Validate(); err != nil {
			return timeline.PutResult{}, err
		}
	}
	m.evs = slices.DeleteFunc(m.evs, func(e timeline.Event) bool { return slices.Contains(remove, e.ID) })
	for i := range put {
		e := &put[i]
		if e.ID == "" {
			e.ID = timeline.NewID()
		}
		at := m.find(e.ID)
		switch {
		case at < 0:
			e.Version = 1
			m.evs = append(m.evs, *e)
			res.Added++
		case sameEvent(m.evs[at], *e):
			e.Version = m.evs[at].Version
			res.Unchanged++
		default:
			e.Version = m.evs[at].Version + 1
			m.evs[at] = *e
			res.Updated++
		}
	}
	m.version++
	return res, nil
}

// sameEvent reports whether a and b hold the same, whatever their versions.
func sameEvent(a, b timeline.Event) bool {
	a.Version, b.Version = 0, 0
	return reflect.DeepEqual(a, b)
}

// selects reports whether f selects e, as the stores filter.
func selects(f timeline.Filter, e timeline.Event) bool {
	switch {
	case f.HasFrom && lastOf(e) < f.From, f.HasTo && e.Earliest() > f.To:
		return false
	case len(f.Lanes) > 0 && !slices.Contains(f.Lanes, e.Lane):
		return false
	case len(f.Actors) > 0 && !slices.ContainsFunc(e.Actors, func(a string) bool { return slices.Contains(f.Actors, a) }):
		return false
	case len(f.Tags) > 0 && !slices.ContainsFunc(e.Tags, func(t string) bool { return slices.Contains(f.Tags, t) }):
		return false
	}
	return gradeSelects(f, e) && searchSelects(f.Query, e)
}

// gradeSelects reports whether e has a source graded at least as f asks.
func gradeSelects(f timeline.Filter, e timeline.Event) bool {
	if f.MinReliability == "" && f.MinCredibility <= 0 {
		return true
	}
	return slices.ContainsFunc(e.Sources, func(s timeline.Source) bool {
		r := f.MinReliability == "" || (s.Reliability != "" && s.Reliability <= strings.ToUpper(f.MinReliability))
		c := f.MinCredibility <= 0 || (s.Credibility >= 1 && s.Credibility <= f.MinCredibility)
		return r && c
	})
}

// searchSelects reports whether every word of query is a word of e's text (title,
// description, actors, tags, sources' titles and publishers), the last one its start.
func searchSelects(query string, e timeline.Event) bool {
	words := timeline.SearchWords(strings.ToLower(query))
	if len(words) == 0 {
		return true
	}
	text := []string{e.Title, e.Description, strings.Join(e.Actors, " "), strings.Join(e.Tags, " ")}
	for _, s := range e.Sources {
		text = append(text, s.Title, s.Publisher)
	}
	have := timeline.SearchWords(strings.ToLower(strings.Join(text, " ")))
	for i, w := range words {
		last := i == len(words)-1
		if !slices.ContainsFunc(have, func(h string) bool { return h == w || (last && strings.HasPrefix(h, w)) }) {
			return false
		}
	}
	return true
}

// TestMemStoreSelectsAsTheCaseFile: the store in memory selects and orders the sample's
// events as the case file does, for the filters the window's tests use, so a test on it
// says what the window does on a case file.
func TestMemStoreSelectsAsTheCaseFile(t *testing.T) {
	ctx := context.Background()
	file, err := testOpener(sampleCase(t), false)
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	mem := sampleStore(t)
	day := timeline.MustParseDate("2023-09-12")
	filters := map[string]timeline.Filter{
		"everything":       {},
		"a search":         {Query: "satellite"},
		"a word's start":   {Query: "ballis"},
		"two words":        {Query: "kim summit"},
		"a lane":           {Lanes: []string{"Military"}},
		"a day":            {From: day.Earliest, To: day.Latest, HasFrom: true, HasTo: true},
		"a grade":          {MinReliability: "A"},
		"a grade and more": {MinReliability: "A", MinCredibility: 1},
		"a limit":          {Limit: 4},
	}
	ids := func(m *timeline.Marks) []string {
		var out []string
		for i := range m.Len() {
			out = append(out, m.ID(i))
		}
		return out
	}
	for name, f := range filters {
		want, err := file.Marks(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		if all := len(timeline.Sample()); name != "everything" && (want.Len() == 0 || want.Len() == all) {
			t.Errorf("%s selects %d of %d events: it tells the stores apart from nothing", name, want.Len(), all)
		}
		got, _ := mem.Marks(ctx, f)
		if !slices.Equal(ids(got), ids(want)) {
			t.Errorf("%s: in memory %q, the case file %q", name, ids(got), ids(want))
		}
		n, _ := mem.Count(ctx, timeline.Filter{Query: f.Query, Lanes: f.Lanes})
		m, _ := file.Count(ctx, timeline.Filter{Query: f.Query, Lanes: f.Lanes})
		if n != m {
			t.Errorf("%s: counts %d in memory, %d in the case file", name, n, m)
		}
	}
	for _, kind := range []timeline.NameKind{timeline.LaneNames, timeline.ActorNames, timeline.TagNames} {
		got, _ := mem.Names(ctx, kind)
		want, _ := file.Names(ctx, kind)
		if !slices.Equal(got, want) {
			t.Errorf("names %d: in memory %q, the case file %q", kind, got, want)
		}
	}
}
