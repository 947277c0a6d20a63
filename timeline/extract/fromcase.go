package extract

import (
	"context"
	"fmt"

	"github.com/chronoscope/chronoscope/timeline"
)

// laneSample is how many events of each lane CaseOf reads for the lane's words.
const laneSample = 300

// nearLimit is how many of the case's events around a candidate's dates are compared
// with it.
const nearLimit = 500

// CaseReader is what CaseOf reads of a case: a timeline.Store has it.
type CaseReader interface {
	// Names is timeline.Store.Names.
	Names(ctx context.Context, kind timeline.NameKind) ([]string, error)
	// Events is timeline.Store.Events.
	Events(ctx context.Context, f timeline.Filter) ([]timeline.Event, error)
}

// CaseOf reads what Analyse matches candidates against from the case s: its actors, some
// titles of each lane, and its events around a day when asked (ctx bounds those reads too).
func CaseOf(ctx context.Context, s CaseReader) (Case, error) {
	actors, err := s.Names(ctx, timeline.ActorNames)
	if err != nil {
		return Case{}, fmt.Errorf("read the case's actors: %w", err)
	}
	lanes, err := s.Names(ctx, timeline.LaneNames)
	if err != nil {
		return Case{}, fmt.Errorf("read the case's lanes: %w", err)
	}
	c := Case{Actors: actors, Lanes: map[string][]string{}}
	for _, lane := range lanes {
		evs, err := s.Events(ctx, timeline.Filter{Lanes: []string{lane}, Limit: laneSample})
		if err != nil {
			return Case{}, fmt.Errorf("read the events of lane %q: %w", lane, err)
		}
		for _, e := range evs {
			c.Lanes[lane] = append(c.Lanes[lane], e.Title)
		}
	}
	c.Near = func(from, to int64) ([]Known, error) {
		evs, err := s.Events(ctx, timeline.Filter{From: from, To: to, HasFrom: true, HasTo: true, Limit: nearLimit})
		if err != nil {
			return nil, fmt.Errorf("read the case's events of those days: %w", err)
		}
		out := make([]Known, len(evs))
		for i, e := range evs {
			out[i] = Known{Title: e.Title, Actors: e.Actors}
		}
		return out, nil
	}
	return c, nil
}
