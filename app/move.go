package app

import (
	"fmt"

	"github.com/chronoscope/chronoscope/timeline"
)

// movable hands the timeline the selected event, as loaded for the detail pane, when
// the case can be changed: a drag on its mark moves it. tell says why not in the status
// line (a drag began); a hover asks quietly.
func (u *ui) movable(id string, tell bool) ([]timeline.Event, bool) {
	e := u.detail.shown
	if u.store == nil || e == nil || e.ID != id || u.modal {
		return nil, false
	}
	if tell {
		if !u.writable() {
			return nil, false
		}
	} else if u.store.ReadOnly() || u.damaged {
		return nil, false
	}
	return []timeline.Event{*e}, true
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
