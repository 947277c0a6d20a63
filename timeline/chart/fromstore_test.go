package chart

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/chronoscope/chronoscope/timeline"
)

// marksStore serves marks and lookups from a slice, as a store does; any other method
// panics (the charts must not need it).
type marksStore struct {
	events  []timeline.Event
	lookups int
}

func (m *marksStore) Marks(_ context.Context, _ timeline.Filter) (*timeline.Marks, error) {
	out := make([]timeline.Mark, len(m.events))
	for i, e := range m.events {
		out[i] = timeline.MarkOf(e)
	}
	return timeline.MarksOf(out), nil
}

func (m *marksStore) Lookup(_ context.Context, ids []string) ([]timeline.Event, error) {
	m.lookups += len(ids)
	want := map[string]bool{}
	for _, id := range ids {
		want[id] = true
	}
	var out []timeline.Event
	for _, e := range m.events {
		if want[e.ID] {
			out = append(out, e)
		}
	}
	return out, nil
}

// A chart from a store reads marks and the kept events only, and is the same file as the
// chart of the events themselves.
func TestFromStoreSameAsEvents(t *testing.T) {
	dir := t.TempDir()
	formats := []string{".html"}
	if Warning() == "" {
		formats = append(formats, ".svg")
	}
	for _, ext := range formats {
		s := &marksStore{events: timeline.Sample()}
		a, b := filepath.Join(dir, "store"+ext), filepath.Join(dir, "events"+ext)
		n, err := WriteFromStore(context.Background(), s, timeline.Filter{}, a, caseOptions(KindReport))
		if err != nil || n != 13 {
			t.Fatalf("WriteFromStore = %d, %v", n, err)
		}
		if err := WriteFile(b, timeline.Sample(), caseOptions(KindReport)); err != nil {
			t.Fatal(err)
		}
		x, _ := os.ReadFile(a)
		y, _ := os.ReadFile(b)
		if !bytes.Equal(x, y) || len(x) == 0 {
			t.Errorf("%s: the chart from the store differs from the chart of the events", ext)
		}
		if s.lookups != 13 {
			t.Errorf("%s: looked up %d events, want the 13 kept", ext, s.lookups)
		}
	}
	big := &marksStore{events: synthetic(5000, 0)}
	if _, err := WriteFromStore(context.Background(), big, timeline.Filter{}, filepath.Join(dir, "big.html"), Options{Kind: KindReport}); err != nil {
		t.Fatal(err)
	}
	if big.lookups != MaxTableRows {
		t.Errorf("5,000 events: looked up %d whole, want the %d kept", big.lookups, MaxTableRows)
	}
}
