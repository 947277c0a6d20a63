package chart

import (
	"cmp"
	"iter"
	"slices"

	"github.com/chronoscope/chronoscope/timeline"
)

const secondsPerDay = 24 * 60 * 60

// calendarSpan is the widest start range the calendar still places on a day: a day, or
// an approximate or uncertain day (a few days either side). A month or a year is wider.
const calendarSpan = 8 * secondsPerDay

// summary is everything the charts need from one pass over the events: counts, and the
// few events drawn or listed one by one. Its size follows the number of days, lanes,
// actors and tags, not the number of events. It is counted from marks (timeline.Mark),
// so that a store's compact marks are enough to read; only the kept events are read whole.
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
	// calendar counts events by day, for starts known to the day (or about the day);
	// coarse counts the events left off the calendar because their start is coarser.
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

func newSummary() *summary {
	return &summary{
		lanes:    map[string]int{},
		actors:   map[string]int{},
		tags:     map[string]int{},
		perDay:   map[dayLane]int{},
		calendar: map[int64]int{},
		kept:     keeper{n: max(MaxTableRows, MaxTimelineEvents)},
	}
}

// collect counts events, keeping the important ones whole.
func collect(events iter.Seq[timeline.Event]) *summary {
	s := newSummary()
	for e := range events {
		m := timeline.MarkOf(e)
		s.add(&m, &e)
	}
	return s
}

// add counts one event; e is the whole event when the caller has it, else nil (the kept
// ones are then looked up afterwards, see missing).
func (s *summary) add(m *timeline.Mark, e *timeline.Event) {
	s.place(m)
	for _, a := range m.Actors {
		s.actors[a]++
	}
	if len(m.Actors) == 0 {
		s.noActor++
	}
	for _, t := range m.Tags {
		s.tags[t]++
	}
	if len(m.Tags) == 0 {
		s.noTag++
	}
	s.kept.offer(m, e, -1)
}

// place counts one event by its dates and lane.
func (s *summary) place(m *timeline.Mark) {
	lo, hi := m.StartLo, m.EndHi
	if s.total == 0 || lo < s.first {
		s.first = lo
	}
	if s.total == 0 || hi > s.last {
		s.last = hi
	}
	s.total++
	s.lanes[m.Lane]++
	day := floorDiv(m.StartLo+(m.StartHi-m.StartLo)/2, secondsPerDay)
	s.perDay[dayLane{day, m.Lane}]++
	if m.StartHi-m.StartLo < calendarSpan {
		s.calendar[day]++
	} else {
		s.coarse++
	}
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// missing lists the ids of kept events not yet read whole.
func (s *summary) missing() []string {
	var ids []string
	for _, k := range s.kept.heap {
		if k.e == nil {
			ids = append(ids, k.m.ID)
		}
	}
	return ids
}

// fill gives the kept marks their events; a mark whose event is gone (deleted since the
// marks were read) keeps an event made from the mark.
func (s *summary) fill(events []timeline.Event) {
	byID := make(map[string]*timeline.Event, len(events))
	for i := range events {
		byID[events[i].ID] = &events[i]
	}
	for i := range s.kept.heap {
		k := &s.kept.heap[i]
		if k.e != nil {
			continue
		}
		if e, ok := byID[k.m.ID]; ok {
			k.e = e
		} else {
			k.e = eventOf(k.m)
		}
	}
}

// eventOf is the event a mark stands for, as far as the mark tells.
func eventOf(m timeline.Mark) *timeline.Event {
	e := &timeline.Event{ID: m.ID, Title: m.Title, Lane: m.Lane, Actors: m.Actors, Tags: m.Tags, Importance: int(m.Importance),
		Start: timeline.Date{Earliest: m.StartLo, Latest: m.StartHi, Approximate: m.StartFuzzy}}
	if m.Span {
		e.End = timeline.Date{Earliest: m.EndLo, Latest: m.EndHi, Approximate: m.EndFuzzy}
	}
	return e
}

// timelineEvents are the MaxTimelineEvents most important events, earliest first.
func (s *summary) timelineEvents() []timeline.Event {
	k := slices.Clone(s.kept.heap)
	if len(k) > MaxTimelineEvents {
		slices.SortFunc(k, func(a, b keptEvent) int {
			if moreImportant(&a.m, &b.m) {
				return -1
			}
			if moreImportant(&b.m, &a.m) {
				return 1
			}
			return 0
		})
		k = k[:MaxTimelineEvents]
	}
	slices.SortFunc(k, func(a, b keptEvent) int {
		if earlier(&a.m, &b.m) {
			return -1
		}
		if earlier(&b.m, &a.m) {
			return 1
		}
		return 0
	})
	return eventsOf(k)
}

// tableEvents are the events the report lists (all of them, or the MaxTableRows most
// important), by date, then importance (most first), then title.
func (s *summary) tableEvents() []timeline.Event {
	k := slices.Clone(s.kept.heap)
	slices.SortFunc(k, func(a, b keptEvent) int {
		return cmp.Or(cmp.Compare(a.m.StartLo, b.m.StartLo), cmp.Compare(markImportance(&b.m), markImportance(&a.m)),
			cmp.Compare(a.m.Title, b.m.Title), cmp.Compare(a.m.EndHi, b.m.EndHi), cmp.Compare(a.m.ID, b.m.ID))
	})
	return eventsOf(k)
}

func eventsOf(k []keptEvent) []timeline.Event {
	out := make([]timeline.Event, len(k))
	for i, e := range k {
		if e.e != nil {
			out[i] = *e.e
		} else {
			out[i] = *eventOf(e.m)
		}
	}
	return out
}

// keptEvent is one event a keeper holds: its mark, the whole event once read, and its
// position among the marks it was counted from (-1: it was counted from events).
type keptEvent struct {
	m   timeline.Mark
	e   *timeline.Event
	pos int
}

// keeper keeps the n most important marks offered. Its slice is a heap with the least
// important kept mark at the root, so most offers cost one comparison, and an event is
// copied only when kept.
type keeper struct {
	n    int
	heap []keptEvent
}

func (k *keeper) offer(m *timeline.Mark, e *timeline.Event, pos int) {
	h := k.heap
	if len(h) < k.n {
		k.heap = append(h, keptEvent{*m, copyOf(e), pos})
		k.up(len(k.heap) - 1)
		return
	}
	if k.n == 0 || !moreImportant(m, &h[0].m) {
		return
	}
	h[0] = keptEvent{*m, copyOf(e), pos}
	k.down(0)
}

func copyOf(e *timeline.Event) *timeline.Event {
	if e == nil {
		return nil
	}
	c := *e
	return &c
}

// worse orders the heap: the root is the least important kept mark.
func (k *keeper) worse(i, j int) bool { return moreImportant(&k.heap[j].m, &k.heap[i].m) }

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

// earlier orders marks by start, then end, then id and title, so ties never depend on
// the order the events came in.
func earlier(a, b *timeline.Mark) bool {
	if c := cmp.Compare(a.StartLo, b.StartLo); c != 0 {
		return c < 0
	}
	if c := cmp.Compare(a.EndHi, b.EndHi); c != 0 {
		return c < 0
	}
	if c := cmp.Compare(a.ID, b.ID); c != 0 {
		return c < 0
	}
	return a.Title < b.Title
}

// moreImportant ranks by importance; among equals a hash of the id picks a fair sample
// spread over the whole range, rather than the earliest ones.
func moreImportant(a, b *timeline.Mark) bool {
	if ia, ib := markImportance(a), markImportance(b); ia != ib {
		return ia > ib
	}
	if ha, hb := idHash(a.ID, a.Title), idHash(b.ID, b.Title); ha != hb {
		return ha < hb
	}
	return earlier(a, b)
}

func markImportance(m *timeline.Mark) int {
	if m.Importance == 0 {
		return timeline.DefaultImportance
	}
	return int(m.Importance)
}

func importance(e *timeline.Event) int {
	if e.Importance == 0 {
		return timeline.DefaultImportance
	}
	return e.Importance
}

// idHash is FNV-1a over the id and title, written out to avoid allocating per event.
func idHash(id, title string) uint64 {
	const offset, prime = 14695981039346656037, 1099511628211
	h := uint64(offset)
	for _, s := range [2]string{id, title} {
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
