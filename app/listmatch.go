package app

import (
	"context"
	"time"

	"github.com/chronoscope/chronoscope/timeline"
)

// excerptWidth is how many characters of a description (or actors, tags, sources) the
// list quotes around the words a search matched there.
const excerptWidth = 70

// prefetchWhy is how many matches a query explains before the list shows them; the
// rest are explained as the list scrolls to them.
const prefetchWhy = 200

// matchReasons is why the events of the list matched the search, by event id, for the
// search they were worked out for; the list shows them beside each title.
type matchReasons struct {
	query   string
	why     map[string]timeline.WhyMatched
	pending map[string]bool // matches on screen whose reason is being read
	busy    bool            // a read is scheduled or under way
}

// explainMatches reads the events of ids from s and works out why query matches each;
// an id the case no longer holds gets an empty reason, so it is not asked again.
func explainMatches(ctx context.Context, s caseStore, query string, ids []string) map[string]timeline.WhyMatched {
	out := make(map[string]timeline.WhyMatched, len(ids))
	for _, id := range ids {
		out[id] = timeline.WhyMatched{}
	}
	evs, err := s.Lookup(ctx, ids)
	if err != nil {
		return out
	}
	for _, e := range evs {
		if w, ok := timeline.ExplainMatch(query, e, excerptWidth); ok {
			out[e.ID] = w
		}
	}
	return out
}

// firstMatches are the ids of the first n events of marks the search matches (every
// one, or those in matches when highlighting).
func firstMatches(marks *timeline.Marks, matches map[string]bool, n int) []string {
	var ids []string
	for i := 0; i < marks.Len() && len(ids) < n; i++ {
		if id := marks.ID(i); matches == nil || matches[id] {
			ids = append(ids, id)
		}
	}
	return ids
}

// setReasons starts the list's reasons for a new result: query ("" for no search) and
// the reasons the query worked out already.
func (l *eventList) setReasons(query string, why map[string]timeline.WhyMatched) {
	if why == nil {
		why = map[string]timeline.WhyMatched{}
	}
	l.reasons = matchReasons{query: query, why: why, pending: map[string]bool{}}
}

// titlePieces is the list's title cell for event i: its title, and with a search the
// words it matched in bold, and the field and excerpt that hold the others, quoted.
func (l *eventList) titlePieces(i int) []piece {
	u := l.u
	title, id := u.marks.Title(i), u.marks.ID(i)
	r := &l.reasons
	if r.query == "" || (l.matches != nil && !l.matches[id]) {
		return []piece{{text: title}}
	}
	w, ok := r.why[id]
	if !ok {
		// Until the event is read: the title's own matches, and a read for the rest.
		w, _ = timeline.ExplainMatch(r.query, timeline.Event{Title: title}, excerptWidth)
		w.Field = ""
		l.askWhy(id)
	}
	if w.Title.Text == "" {
		w.Title.Text = title
	}
	out := markedPieces(w.Title, false)
	if w.Field != "" {
		out = append(out, piece{text: "   " + w.Field + ": \u201c", quote: true})
		out = append(out, markedPieces(w.Excerpt, true)...)
		out = append(out, piece{text: "\u201d", quote: true})
	}
	return out
}

// markedPieces are the pieces of m, its matched words marked, all quoted or not.
func markedPieces(m timeline.Marked, quote bool) []piece {
	var out []piece
	at := 0
	for _, r := range m.Words {
		if r[0] < at {
			continue
		}
		if r[0] > at {
			out = append(out, piece{text: m.Text[at:r[0]], quote: quote})
		}
		out = append(out, piece{text: m.Text[r[0]:r[1]], matched: true, quote: quote})
		at = r[1]
	}
	if at < len(m.Text) || len(out) == 0 {
		out = append(out, piece{text: m.Text[at:], quote: quote})
	}
	return out
}

// askWhy queues event id for a read of why it matched, shortly, with the other rows
// shown meanwhile.
func (l *eventList) askWhy(id string) {
	r := &l.reasons
	r.pending[id] = true
	if r.busy {
		return
	}
	r.busy = true
	l.u.run.later(30*time.Millisecond, l.readWhy)
}

// readWhy reads, off the UI goroutine, why the queued matches matched, and shows it.
func (l *eventList) readWhy() {
	u, r := l.u, &l.reasons
	var ids []string
	for id := range r.pending {
		if len(ids) == prefetchWhy {
			break
		}
		ids = append(ids, id)
		delete(r.pending, id)
	}
	store, query := u.store, r.query
	if store == nil || len(ids) == 0 {
		r.busy = false
		return
	}
	u.background(func() func() {
		why := explainMatches(context.Background(), store, query, ids)
		return func() {
			if store != u.store || query != l.reasons.query {
				return // another case or search: its own reasons are read for it
			}
			for id, w := range why {
				r.why[id] = w
			}
			r.busy = false
			if len(r.pending) > 0 {
				r.busy = true
				u.run.later(0, l.readWhy)
			}
			l.Refresh()
		}
	})
}
