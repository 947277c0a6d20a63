package app

import (
	"context"
	"fmt"
	"sort"

	"github.com/chronoscope/chronoscope/timeline"
)

// maxDragged is the most events a drag on the timeline moves at once: they are read
// when they are selected, for the drag to give their new dates as it goes.
const maxDragged = 1000

// draggedSet is the selected events, when several, as read for a drag: events is nil
// while they are read, and for a selection of more than maxDragged. gen counts the reads
// asked for, so that only the last one's events are kept.
type draggedSet struct {
	gen    int
	events map[string]timeline.Event
}

// readDragged reads the selected events off the UI goroutine, when several are
// selected, for a drag on the timeline to move them.
func (u *ui) readDragged() {
	u.dragged.gen++
	u.dragged.events = nil
	if u.store == nil || u.sel.Len() < 2 || u.sel.Len() > maxDragged {
		return
	}
	gen, store, ids := u.dragged.gen, u.store, u.sel.IDs()
	u.background(func() func() {
		evs, err := store.Lookup(context.Background(), ids)
		return func() {
			if err != nil || gen != u.dragged.gen || store != u.store {
				return
			}
			m := make(map[string]timeline.Event, len(evs))
			for _, e := range evs {
				m[e.ID] = e
			}
			u.dragged.events = m
		}
	})
}

// movable hands the timeline the events a drag from the mark of the event id moves, as
// saved, when the case can be changed: that event (as loaded for the detail pane), or,
// when several are selected, all of them, id first. While a change is written, and until
// the window has read the case after it, none (the events as read would be out of date,
// and the case would refuse their move as a conflict). tell says why not in the status
// line (a drag began); a hover asks quietly.
func (u *ui) movable(id string, tell bool) ([]timeline.Event, bool) {
	if u.store == nil || u.modal || !u.sel.Has(id) {
		return nil, false
	}
	if tell {
		if !u.writable() {
			return nil, false
		}
	} else if u.store.ReadOnly() || u.damaged {
		return nil, false
	}
	if len(u.jobs) > 0 || u.loading { // the events as read may be older than the case
		if tell {
			u.setStatus("The last change is still being saved and shown: drag again in a moment")
		}
		return nil, false
	}
	if u.sel.Len() > 1 {
		return u.movableMany(id, tell)
	}
	if e := u.detail.shown; e != nil && e.ID == id {
		return []timeline.Event{*e}, true
	}
	return nil, false
}

// movableMany is movable for a selection of several events.
func (u *ui) movableMany(id string, tell bool) ([]timeline.Event, bool) {
	say := func(s string) {
		if tell {
			u.setStatus(s)
		}
	}
	if n := u.sel.Len(); n > maxDragged {
		say(fmt.Sprintf("A drag moves at most %s events at once: %s are selected", thousands(maxDragged), thousands(n)))
		return nil, false
	}
	ids := u.sel.IDs()
	sort.Strings(ids)
	out := []timeline.Event{u.dragged.events[id]}
	for _, other := range ids {
		if other != id {
			out = append(out, u.dragged.events[other])
		}
	}
	for i, e := range out {
		if e.ID == "" || (i > 0 && e.ID == id) {
			say("The selected events are still being read: drag again in a moment")
			return nil, false
		}
	}
	return out, true
}

// moved saves the dates a drag on the timeline gave events, as one step of the history.
func (u *ui) moved(before []timeline.Event, m timeline.Moved) {
	if !u.writable() || len(before) == 0 || len(m.Events) != len(before) {
		return
	}
	u.apply(timeline.Change{Label: moveLabel(before, m), Before: before, After: m.Events})
}

// moveLabel names a move in the Edit menu: "move “title” (+2 days)", "move the start of
// “title” (-1 month)", "move 3 events (+1 year)".
func moveLabel(before []timeline.Event, m timeline.Moved) string {
	b, a := before[0], m.Events[0]
	what := "move " + quote(b.Title)
	switch {
	case len(before) > 1:
		what = fmt.Sprintf("move %d events", len(before))
	case b.IsSpan() && a.End == b.End:
		what = "move the start of " + quote(b.Title)
	case b.IsSpan() && a.Start == b.Start:
		what = "move the end of " + quote(b.Title)
	}
	return what + " (" + m.Words() + ")"
}
