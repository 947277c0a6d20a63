package data

import (
	"errors"
	"fmt"
	"testing"

	"github.com/chronoscope/chronoscope/timeline"
)

// Deleting many events at once (an undone import) takes the set path, with the same result.
func TestDeleteManyAsASet(t *testing.T) {
	s := newStore(t)
	var evs []timeline.Event
	var idsToGo []string
	for i := 0; i < deleteSet+500; i++ {
		e := event(fmt.Sprint("e", i), fmt.Sprint("event ", i), "2023-01-01", "")
		e.Actors, e.Tags, e.Sources = []string{"A"}, []string{"t"}, []timeline.Source{{Title: "S"}}
		evs = append(evs, e)
		if i%3 != 0 {
			idsToGo = append(idsToGo, e.ID)
		}
	}
	put(t, s, evs...)
	if err := s.Delete(ctx, append(idsToGo, "missing")...); !errors.Is(err, timeline.ErrNotFound) {
		t.Fatalf("Delete with a missing id = %v", err)
	}
	if n, _ := s.Count(ctx, timeline.Filter{}); n != len(evs) {
		t.Fatalf("a failed Delete removed events: %d left", n)
	}
	if err := s.Delete(ctx, append(idsToGo, idsToGo[0])...); err != nil {
		t.Fatal(err)
	}
	want := len(evs) - len(idsToGo)
	for _, q := range []string{"SELECT count(*) FROM events", "SELECT count(*) FROM sources", "SELECT count(*) FROM event_actors",
		"SELECT count(*) FROM event_tags", "SELECT count(*) FROM events_fts"} {
		var n int
		s.r.QueryRow(q).Scan(&n)
		if n != want {
			t.Errorf("%s = %d, want %d", q, n, want)
		}
	}
	if n, _ := s.Count(ctx, timeline.Filter{Query: "event"}); n != want {
		t.Errorf("full text finds %d, want %d", n, want)
	}
}
