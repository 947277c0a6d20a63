package app

import (
	"context"
	"strings"
	"time"

	"github.com/chronoscope/chronoscope/timeline"
)

// factsBatch is how many events one read of the list's facts asks for.
const factsBatch = 500

// fact is what the list shows of an event that its mark does not hold: its best source
// grade, how many sources it has, its attributes.
type fact struct {
	grade     string // the best of its sources' grades, "" when none is graded
	gradeRank int    // the best grade's rank: lower is better, noGrade when none
	sources   int
	attrs     map[string]string
}

// noGrade is the rank of an event none of whose sources is graded.
const noGrade = 1 << 10

// factOf is the list's fact of e.
func factOf(e timeline.Event) fact {
	f := fact{gradeRank: noGrade, sources: len(e.Sources), attrs: e.Attrs}
	for _, s := range e.Sources {
		if r := gradeRank(s); r < f.gradeRank {
			f.grade, f.gradeRank = s.Grade(), r
		}
	}
	return f
}

// gradeRank orders grades: the reliability first (A best, none after F), then the
// credibility (1 best, none after 6); an ungraded source ranks noGrade.
func gradeRank(s timeline.Source) int {
	if s.Grade() == "" {
		return noGrade
	}
	rel := 6
	if s.Reliability != "" {
		rel = int(s.Reliability[0] - 'A')
	}
	cred := 7
	if s.Credibility > 0 {
		cred = s.Credibility
	}
	return rel*10 + cred
}

// readFacts reads the facts of the events with ids from s, in batches; an id the case
// no longer holds gets an empty fact, so it is not asked again.
func readFacts(ctx context.Context, s caseStore, ids []string) (map[string]fact, error) {
	out := make(map[string]fact, len(ids))
	for start := 0; start < len(ids); start += factsBatch {
		batch := ids[start:min(start+factsBatch, len(ids))]
		evs, err := s.Lookup(ctx, batch)
		if err != nil {
			return out, err
		}
		for _, id := range batch {
			out[id] = fact{gradeRank: noGrade}
		}
		for _, e := range evs {
			out[e.ID] = factOf(e)
		}
	}
	return out, nil
}

// factCache holds the facts the list has read, for the case and the result it shows,
// and the events on screen whose facts are being read.
type factCache struct {
	by      map[string]fact
	pending map[string]bool
	busy    bool
	gen     int // counts resets: a read for an older result is dropped
}

// reset forgets every fact: the events may have changed.
func (c *factCache) reset() {
	c.by, c.pending = map[string]fact{}, map[string]bool{}
	c.gen++
}

// factFor is the fact of the event with id when read; else it is asked for, shortly.
func (l *eventList) factFor(id string) (fact, bool) {
	f, ok := l.facts.by[id]
	if !ok {
		l.facts.pending[id] = true
		if !l.facts.busy {
			l.facts.busy = true
			l.u.run.later(30*time.Millisecond, l.readPendingFacts)
		}
	}
	return f, ok
}

// readPendingFacts reads, off the UI goroutine, the facts of the rows shown that are
// not read yet, and shows them.
func (l *eventList) readPendingFacts() {
	u, c := l.u, &l.facts
	ids := make([]string, 0, len(c.pending))
	for id := range c.pending {
		ids = append(ids, id)
	}
	clear(c.pending)
	store := u.store
	if store == nil || len(ids) == 0 {
		c.busy = false
		return
	}
	gen := c.gen
	u.background(func() func() {
		got, _ := readFacts(context.Background(), store, ids)
		return func() {
			c.busy = false
			if store != u.store || gen != c.gen {
				return
			}
			for id, f := range got {
				c.by[id] = f
			}
			l.Refresh()
		}
	})
}

// factText is what a fact column shows of f.
func factText(key string, f fact) string {
	switch key {
	case "grade":
		return f.grade
	case "sources":
		if f.sources == 0 {
			return ""
		}
		return thousands(f.sources)
	}
	return f.attrs[strings.TrimPrefix(key, attrPrefix)]
}
