package extract

import (
	"context"

	"github.com/chronoscope/chronoscope/timeline"
)

// Repeats is the title of the known event that an event titled title, with actors,
// seems to repeat, or "": the one whose title is closest, or whose actors are the same,
// or both partly (the rule Analyse flags a candidate with). The known events are those
// whose dates meet the event's.
func Repeats(title string, actors []string, known []Known) string {
	words := contentWords(title)
	best, score := "", 0.0
	for _, k := range known {
		s := overlap(words, contentWords(k.Title)) + actorsAlike(actors, k.Actors)/2
		if s >= 0.5 && s > score {
			best, score = k.Title, s
		}
	}
	return best
}

// Duplicate is an event of an import that seems to repeat an event of the case.
type Duplicate struct {
	Index int    // the imported event's place in the import, from 0
	Of    string // the title of the case's event it repeats
	OfID  string // and its id
}

// maxDays is how many days of a long event are looked at for a duplicate: the case's
// events of its first days.
const maxDays = 31

// Duplicates returns the events of an import that seem to repeat one of the case's:
// the same day (their dates meet), and a title or actors close enough (Repeats). An
// event whose id the case already holds is an update, not a duplicate, and the case's
// event it updates is not one to match. have lists the case's events whose dates meet
// the import's, in any order.
func Duplicates(imported, have []timeline.Event) []Duplicate {
	byDay := map[int64][]int{}
	ids := make(map[string]bool, len(have))
	for i, e := range have {
		ids[e.ID] = true
		for d := dayNumber(e.Start.Earliest); d <= dayNumber(lastInstant(e)) && d < dayNumber(e.Start.Earliest)+maxDays; d++ {
			byDay[d] = append(byDay[d], i)
		}
	}
	var out []Duplicate
	for i, e := range imported {
		if ids[e.ID] {
			continue
		}
		seen := map[int]bool{}
		var known []Known
		var which []int
		for d := dayNumber(e.Start.Earliest); d <= dayNumber(lastInstant(e)) && d < dayNumber(e.Start.Earliest)+maxDays; d++ {
			for _, j := range byDay[d] {
				h := have[j]
				if seen[j] || h.Start.Earliest > lastInstant(e) || lastInstant(h) < e.Start.Earliest {
					continue
				}
				seen[j] = true
				known = append(known, Known{Title: h.Title, Actors: h.Actors})
				which = append(which, j)
			}
		}
		if title := Repeats(e.Title, e.Actors, known); title != "" {
			for k, kn := range known {
				if kn.Title == title {
					out = append(out, Duplicate{Index: i, Of: title, OfID: have[which[k]].ID})
					break
				}
			}
		}
	}
	return out
}

// EventStreamer streams the events a filter selects, as timeline.Store.Each does.
type EventStreamer interface {
	// Each is timeline.Store.Each.
	Each(ctx context.Context, f timeline.Filter, fn func(timeline.Event) error) error
}

// DuplicatesInCase is Duplicates against the events of the case s whose dates meet
// those of imported.
func DuplicatesInCase(ctx context.Context, s EventStreamer, imported []timeline.Event) ([]Duplicate, error) {
	if len(imported) == 0 {
		return nil, nil
	}
	lo, hi := imported[0].Start.Earliest, lastInstant(imported[0])
	for _, e := range imported {
		lo, hi = min(lo, e.Start.Earliest), max(hi, lastInstant(e))
	}
	var have []timeline.Event
	err := s.Each(ctx, timeline.Filter{From: lo, To: hi, HasFrom: true, HasTo: true}, func(e timeline.Event) error {
		have = append(have, e)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return Duplicates(imported, have), nil
}

// lastInstant is the last second an event covers.
func lastInstant(e timeline.Event) int64 {
	if e.IsSpan() {
		return e.End.Latest
	}
	return e.Start.Latest
}

// dayNumber is the day, counted from 1970, of a Unix second (before 1970 too).
func dayNumber(sec int64) int64 {
	d := sec / 86400
	if sec < 0 && sec%86400 != 0 {
		d--
	}
	return d
}
