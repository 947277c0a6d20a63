package app

import (
	"github.com/chronoscope/chronoscope/timeline"
)

// movable hands the timeline the selected event, as loaded for the detail pane, when
// the case can be changed: a drag on its mark moves it. tell says why not in the status
// line (a drag began); a hover asks quietly.
func (u *ui) movable(id string, tell bool) (timeline.Event, bool) {
	e := u.detail.shown
	if u.store == nil || e == nil || e.ID != id || u.modal {
		return timeline.Event{}, false
	}
	if tell {
		if !u.writable() {
			return timeline.Event{}, false
		}
	} else if u.store.ReadOnly() || u.damaged {
		return timeline.Event{}, false
	}
	return *e, true
}

// moved saves the dates a drag on the timeline gave an event, as one step of the history.
func (u *ui) moved(before timeline.Event, m timeline.Moved) {
	if !u.writable() {
		return
	}
	what := "move "
	switch {
	case before.IsSpan() && m.Event.End == before.End:
		what = "move the start of "
	case before.IsSpan() && m.Event.Start == before.Start:
		what = "move the end of "
	}
	u.apply(timeline.Change{Label: what + quote(before.Title) + " (" + m.Words() + ")", Before: []timeline.Event{before}, After: []timeline.Event{m.Event}})
}
