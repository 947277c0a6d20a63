package chart

import (
	"context"
	"fmt"
	"io"

	"github.com/chronoscope/chronoscope/timeline"
)

// EventSource is the part of a timeline.Store a chart reads: the compact marks of the
// selected events, then the few drawn or listed whole.
type EventSource interface {
	// Marks is Store.Marks.
	Marks(ctx context.Context, f timeline.Filter) (*timeline.Marks, error)
	// Lookup is Store.Lookup.
	Lookup(ctx context.Context, ids []string) ([]timeline.Event, error)
}

// WriteFromStore draws the events f selects from s into a chart file at path, written
// atomically: a store that fails, like any other failure, leaves no file. It reads only
// what the charts need: the compact marks of every selected event (timeline.Marks, the
// columns the store keeps, read in one pass), then the few events drawn or listed one by
// one, whole with their sources. It returns how many events the chart was drawn from.
// When opt.Lanes is nil and s keeps its lanes (a timeline.LaneKeeper), the chart takes
// the case's lane order and colours.
func WriteFromStore(ctx context.Context, s EventSource, f timeline.Filter, path string, opt Options) (int, error) {
	opt, err := withFormat(path, opt)
	if err != nil {
		return 0, err
	}
	if k, ok := s.(timeline.LaneKeeper); ok && opt.Lanes == nil {
		if opt.Lanes, err = k.Lanes(ctx); err != nil {
			return 0, fmt.Errorf("read the case's lanes: %w", err)
		}
	}
	if opt.Format != FormatHTML {
		// Images need ECharts running in Go: load it (about a second) while the case is read.
		go sharedEngine() //nolint:errcheck // the error comes back when the chart is drawn
	}
	sum, err := summarize(ctx, s, f)
	if err != nil {
		return 0, err
	}
	err = timeline.WriteFileAtomic(path, func(w io.Writer) error {
		return renderAs(w, sum, opt, currentLibrary())
	})
	return sum.total, err
}

// summarize counts the events f selects from their marks and reads the kept ones whole.
func summarize(ctx context.Context, s EventSource, f timeline.Filter) (*summary, error) {
	marks, err := s.Marks(ctx, f)
	if err != nil {
		return nil, fmt.Errorf("read the events: %w", err)
	}
	sum := newSummary()
	sum.addMarks(marks)
	events, err := s.Lookup(ctx, sum.missing())
	if err != nil {
		return nil, fmt.Errorf("read the events: %w", err)
	}
	sum.fill(events)
	return sum, nil
}

// addMarks counts every mark of ms as add does, the names by their indexes, and keeps
// the important ones with their names.
func (s *summary) addMarks(ms *timeline.Marks) {
	names := ms.Names()
	actors, tags := make([]int, len(names)), make([]int, len(names))
	var m timeline.Mark
	for i := range ms.Len() {
		f := ms.Flags(i)
		m = timeline.Mark{ID: ms.ID(i), Title: ms.Title(i), Lane: ms.Lane(i), Importance: ms.Importance(i),
			StartLo: ms.StartLo(i), StartHi: ms.StartHi(i), EndLo: ms.EndLo(i), EndHi: ms.EndHi(i),
			Span: f&timeline.MarkSpan != 0, StartFuzzy: f&timeline.MarkStartFuzzy != 0, EndFuzzy: f&timeline.MarkEndFuzzy != 0}
		s.place(&m)
		s.countRefs(ms.ActorRefs(i), actors, &s.noActor)
		s.countRefs(ms.TagRefs(i), tags, &s.noTag)
		s.kept.offer(&m, nil, i)
	}
	for r, name := range names {
		if actors[r] > 0 {
			s.actors[name] += actors[r]
		}
		if tags[r] > 0 {
			s.tags[name] += tags[r]
		}
	}
	for k := range s.kept.heap {
		if kept := &s.kept.heap[k]; kept.pos >= 0 {
			kept.m.Actors, kept.m.Tags = ms.Actors(kept.pos), ms.Tags(kept.pos)
		}
	}
}

// countRefs counts each name of refs in counts, or one in none when there is none.
func (s *summary) countRefs(refs timeline.NameList, counts []int, none *int) {
	for k := range refs.Len() {
		counts[refs.At(k)]++
	}
	if refs.Len() == 0 {
		*none++
	}
}
