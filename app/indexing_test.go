package app

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chronoscope/chronoscope/data"
	"github.com/chronoscope/chronoscope/data/storetest"
	"github.com/chronoscope/chronoscope/timeline"
)

// gatedIndexer is a store whose index building waits until open, so that a test can see
// the window while it is under way.
type gatedIndexer struct {
	timeline.Store
	ix   timeline.Indexer
	gate chan struct{}
}

func (g *gatedIndexer) Indexing(ctx context.Context) (timeline.Indexing, error) {
	return g.ix.Indexing(ctx)
}

func (g *gatedIndexer) BuildIndex(ctx context.Context, progress timeline.Progress) error {
	select {
	case <-g.gate:
	case <-ctx.Done():
		return ctx.Err()
	}
	return g.ix.BuildIndex(ctx, progress)
}

// A case whose large import left its index to build opens with every event shown and
// searchable, says "indexing, N%" in the status bar while the window builds it, and says
// nothing once it is built.
func TestWindowBuildsTheIndexAfterAnImport(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big"+data.Extension)
	var evs []timeline.Event
	for i := range 3000 {
		e := storetest.Event(fmt.Sprintf("e%04d", i), fmt.Sprintf("Summit number %d", i), "2023-09-13", "")
		e.Actors = []string{"Kim Jong-un"}
		evs = append(evs, e)
	}
	if _, err := data.Create(context.Background(), path, data.CreateOptions{Size: len(evs)}, storetest.Chunked(evs, 700)); err != nil {
		t.Fatal(err)
	}
	gate := make(chan struct{})
	u, a := newAsyncUIOn(t, path, func(s timeline.Store) timeline.Store {
		return &gatedIndexer{Store: s, ix: s.(timeline.Indexer), gate: gate}
	})
	a.await(t, "the status to say it is indexing", func() bool { return strings.HasPrefix(u.indexState.Text, "indexing, ") })
	if u.count.Text == "" || !strings.Contains(u.count.Text, "3,000") {
		t.Errorf("count while indexing = %q, want every event", u.count.Text)
	}
	u.search.SetText("summit 12")
	u.refresh()
	a.await(t, "the search while indexing", func() bool { return !u.loading && strings.HasPrefix(u.count.Text, "111 ") })
	close(gate)
	a.await(t, "the index to be built", func() bool { return u.indexState.Text == "" && u.indexer == nil })
	ix, err := u.store.(timeline.Indexer).Indexing(context.Background())
	if err != nil || ix.Pending() {
		t.Errorf("after the window built it: %+v %v", ix, err)
	}
}
