package chart

import (
	"cmp"
	"iter"
	"slices"

	"github.com/chronoscope/chronoscope/timeline"
)

const secondsPerDay = 24 * 60 * 60

// summary is everything the charts need from one pass over the events: counts, and the
// few events drawn or listed one by one. Its size follows the number of days, lanes,
// actors and tags, not the number of events.
type summary struct {
	total       int
	first, last int64 // instants covered by any event, when total > 0
	lanes       map[string]int
	actors      map[string]int
	tags        map[string]int
	noActor     int
	noTag       int
	// perDay counts events by lane and by the day of the middle of their start date.
	perDay map[dayLane]int
	// calendar counts events by day, for starts known to the day; coarse counts the
	// events left off the calendar because their start is coarser than a day.
	calendar map[int64]int
	coarse   int
	// kept are the MaxTableRows most important events: the report's table lists them,
	// and the timeline draws the MaxTimelineEvents most important of them.
	kept keeper
}

type dayLane struct {
	day  int64
	lane string
}

func collect(events iter.Seq[timeline.Event]) *summary {
	s := &summary{
		lanes:    map[string]int{},
		actors:   map[string]int{},
		tags:     map[string]int{},
		perDay:   map[dayLane]int{},
		calendar: map[int64]int{},
		kept:     keeper{n: max(MaxTableRows, MaxTimelineEvents), byImportance: true},
	}
	for e := range events {
		s.add(&e)
	}
	return s
}

func (s *summary) add(e *timeline.Event) {
	lo, hi := e.Earliest(), e.Latest()
	if s.total == 0 || lo < s.first {
		s.first = lo
	}
	if s.total == 0 || hi > s.last {
		s.last = hi
	}
	s.total++
	s.lanes[e.Lane]++
	for _, a := range e.Actors {
		s.actors[a]++
	}
	if len(e.Actors) == 0 {
		s.noActor++
	}
	for _, t := range e.Tags {
		s.tags[t]++
	}
	if len(e.Tags) == 0 {
		s.noTag++
	}
	day := middleDay(e.Start)
	s.perDay[dayLane{day, e.Lane}]++
	if e.Start.Precision >= timeline.PrecisionDay || e.Start.Precision == timeline.PrecisionNone {
		s.calendar[day]++
	} else {
		s.coarse++
	}
	s.kept.offer(e)
}

// timelineEvents are the MaxTimelineEvents most important events, earliest first.
func (s *summary) timelineEvents() []timeline.Event {
	events := slices.Clone(s.kept.heap)
	if len(events) > MaxTimelineEvents {
		slices.SortFunc(events, func(a, b timeline.Event) int {
			if moreImportant(&a, &b) {
				return -1
			}
			if moreImportant(&b, &a) {
				return 1
			}
			return 0
		})
		events = events[:MaxTimelineEvents]
	}
	sortEarliest(events)
	return events
}

// tableEvents are the events the report lists (all of them, or the MaxTableRows most
// important), by date, then importance (most first), then title.
func (s *summary) tableEvents() []timeline.Event {
	events := slices.Clone(s.kept.heap)
	slices.SortFunc(events, func(a, b timeline.Event) int {
		return cmp.Or(cmp.Compare(a.Earliest(), b.Earliest()), cmp.Compare(importance(&b), importance(&a)),
			cmp.Compare(a.Title, b.Title), cmp.Compare(a.Latest(), b.Latest()), cmp.Compare(a.ID, b.ID))
	})
	return events
}

// middleDay is the day an event is counted on: the middle of its start date's range,
// which is the day itself for "2023-09-05" and for "about 5 Sep 2023".
func middleDay(d timeline.Date) int64 {
	return floorDiv(d.Earliest+(d.Latest-d.Earliest)/2, secondsPerDay)
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// keeper keeps the n best events offered: the most important ones, or the earliest. Its
// slice is a heap with the worst kept event at the root, so most offers cost one
// comparison, and an event is copied only when kept.
type keeper struct {
	n            int
	byImportance bool
	heap         []timeline.Event
}

func (k *keeper) better(a, b *timeline.Event) bool {
	if k.byImportance {
		return moreImportant(a, b)
	}
	return earlier(a, b)
}

func (k *keeper) offer(e *timeline.Event) {
	h := k.heap
	if len(h) < k.n {
		k.heap = append(h, *e)
		k.up(len(k.heap) - 1)
		return
	}
	if k.n == 0 || !k.better(e, &h[0]) {
		return
	}
	h[0] = *e
	k.down(0)
}

// worse orders the heap: the root is the worst kept event.
func (k *keeper) worse(i, j int) bool { return k.better(&k.heap[j], &k.heap[i]) }

func (k *keeper) up(i int) {
	for i > 0 {
		p := (i - 1) / 2
		if !k.worse(i, p) {
			return
		}
		k.heap[i], k.heap[p] = k.heap[p], k.heap[i]
		i = p
	}
}

func (k *keeper) down(i int) {
	n := len(k.heap)
	for {
		c := 2*i + 1
		if c >= n {
			return
		}
		if c+1 < n && k.worse(c+1, c) {
			c++
		}
		if !k.worse(c, i) {
			return
		}
		k.heap[i], k.heap[c] = k.heap[c], k.heap[i]
		i = c
	}
}

// sortEarliest orders events earliest first (see earlier).
func sortEarliest(events []timeline.Event) {
	slices.SortFunc(events, func(a, b timeline.Event) int {
		if earlier(&a, &b) {
			return -1
		}
		if earlier(&b, &a) {
			return 1
		}
		return 0
	})
}

// earlier orders events by start, then end, then id and title, so ties never depend on
// the order the events came in.
func earlier(a, b *timeline.Event) bool {
	if c := cmp.Compare(a.Earliest(), b.Earliest()); c != 0 {
		return c < 0
	}
	if c := cmp.Compare(a.Latest(), b.Latest()); c != 0 {
		return c < 0
	}
	if c := cmp.Compare(a.ID, b.ID); c != 0 {
		return c < 0
	}
	if c := cmp.Compare(a.Title, b.Title); c != 0 {
		return c < 0
	}
	return a.Start.Text < b.Start.Text
}

// moreImportant ranks by importance; among equals a hash of the id picks a fair sample
// spread over the whole range, rather than the earliest ones.
func moreImportant(a, b *timeline.Event) bool {
	if ia, ib := importance(a), importance(b); ia != ib {
		return ia > ib
	}
	if ha, hb := idHash(a), idHash(b); ha != hb {
		return ha < hb
	}
	return earlier(a, b)
}

func importance(e *timeline.Event) int {
	if e.Importance == 0 {
		return timeline.DefaultImportance
	}
	return e.Importance
}

// idHash is FNV-1a over the id and title, written out to avoid allocating per event.
func idHash(e *timeline.Event) uint64 {
	const offset, prime = 14695981039346656037, 1099511628211
	h := uint64(offset)
	for _, s := range [2]string{e.ID, e.Title} {
		for i := 0; i < len(s); i++ {
			h = (h ^ uint64(s[i])) * prime
		}
		h *= prime // a zero byte between the two, so "ab"+"c" and "a"+"bc" differ
	}
	return h
}

// ranked returns names by count, most first, ties by name.
func ranked(counts map[string]int) []string {
	names := make([]string, 0, len(counts))
	for n := range counts {
		names = append(names, n)
	}
	slices.SortFunc(names, func(a, b string) int {
		if c := cmp.Compare(counts[b], counts[a]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	return names
}
