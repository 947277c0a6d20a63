package chart

import (
	"context"
	"fmt"
	"io"

	"github.com/chronoscope/chronoscope/timeline"
)

// WriteFromStore draws the events f selects from s into a chart file at path, written
// atomically: a store that fails, like any other failure, leaves no file. It reads only
// what the charts need: the compact marks of every selected event (timeline.Mark, one
// pass), then the few events drawn or listed one by one, whole with their sources. It
// returns how many events the chart was drawn from. When opt.Lanes is nil and s keeps
// its lanes (a timeline.LaneKeeper), the chart takes the case's lane order and colours.
func WriteFromStore(ctx context.Context, s timeline.Store, f timeline.Filter, path string, opt Options) (int, error) {
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
func summarize(ctx context.Context, s timeline.Store, f timeline.Filter) (*summary, error) {
	marks, err := s.Marks(ctx, f)
	if err != nil {
		return nil, fmt.Errorf("read the events: %w", err)
	}
	sum := newSummary()
	for i := range marks {
		sum.add(&marks[i], nil)
	}
	events, err := s.Lookup(ctx, sum.missing())
	if err != nil {
		return nil, fmt.Errorf("read the events: %w", err)
	}
	sum.fill(events)
	return sum, nil
}
