package app

import (
	"fmt"
	"maps"

	"fyne.io/fyne/v2"

	"github.com/chronoscope/chronoscope/timeline"
)

// selection is the set of events the analyst has selected, by id: what the bulk edits,
// Delete, Duplicate and a drag on the timeline act on. The ui's selected field is its
// lead (the event clicked or stepped to last: Enter edits it, the detail pane shows it
// when it is alone), always one of ids when ids is not empty; anchor is where a
// Shift+click range starts. ids is replaced, never changed in place, because the
// timeline reads it while it builds frames off the UI goroutine. It lives on the UI
// goroutine, as the ui does.
type selection struct {
	ids    map[string]bool
	anchor string
}

// Len is how many events are selected.
func (s *selection) Len() int { return len(s.ids) }

// Has reports whether the event with id is selected.
func (s *selection) Has(id string) bool { return s.ids[id] }

// IDs are the selected ids, in no set order.
func (s *selection) IDs() []string {
	out := make([]string, 0, len(s.ids))
	for id := range s.ids {
		out = append(out, id)
	}
	return out
}

// one selects id alone ("" selects nothing) and makes it the anchor.
func (s *selection) one(id string) {
	s.ids, s.anchor = nil, id
	if id != "" {
		s.ids = map[string]bool{id: true}
	}
}

// toggle adds id to the selection or takes it off, and makes it the anchor.
func (s *selection) toggle(id string) {
	ids := maps.Clone(s.ids)
	if ids == nil {
		ids = map[string]bool{}
	}
	if ids[id] {
		delete(ids, id)
	} else {
		ids[id] = true
	}
	s.ids, s.anchor = ids, id
}

// set selects ids, keeping those already selected when add is set; the anchor stays.
func (s *selection) set(ids []string, add bool) {
	out := map[string]bool{}
	if add {
		out = maps.Clone(s.ids)
		if out == nil {
			out = map[string]bool{}
		}
	}
	for _, id := range ids {
		out[id] = true
	}
	s.ids = out
}

// keep drops the selected ids that marks no longer holds, and reports whether any went.
func (s *selection) keep(marks *timeline.Marks) bool {
	var gone []string
	for id := range s.ids {
		if _, ok := marks.Find(id); !ok {
			gone = append(gone, id)
		}
	}
	if len(gone) == 0 {
		return false
	}
	ids := maps.Clone(s.ids)
	for _, id := range gone {
		delete(ids, id)
	}
	s.ids = ids
	return true
}

// selectionSpan is the first and last instant the selected events among marks cover.
func selectionSpan(marks *timeline.Marks, s *selection) (lo, hi int64, ok bool) {
	for id := range s.ids {
		i, found := marks.Find(id)
		if !found {
			continue
		}
		a, b := marks.Range(i)
		if !ok || a < lo {
			lo = a
		}
		if !ok || b > hi {
			hi = b
		}
		ok = true
	}
	return lo, hi, ok
}

// selectionText is the detail pane's line for a selection of several events: how many,
// and the dates they span.
func selectionText(marks *timeline.Marks, s *selection) string {
	text := fmt.Sprintf("%s events selected", thousands(s.Len()))
	if lo, hi, ok := selectionSpan(marks, s); ok {
		text += ", from " + timeline.RangeLabel(lo, lo) + " to " + timeline.RangeLabel(hi, hi)
	}
	return text
}

// extendSelection is a click with Ctrl or Shift held on the event id, in the list
// (from "list") or on the timeline: Ctrl adds it to the selection or takes it off;
// Shift selects every event from the anchor to it, in the list's order, adding to the
// selection with Ctrl too. A click on nothing changes nothing.
func (u *ui) extendSelection(id string, mods fyne.KeyModifier, from string) {
	if id == "" || u.marks == nil {
		return
	}
	ctrl := mods&(fyne.KeyModifierControl|fyne.KeyModifierSuper) != 0
	if mods&fyne.KeyModifierShift != 0 && u.sel.anchor != "" {
		a, okA := u.list.rowOf(u.sel.anchor)
		b, okB := u.list.rowOf(id)
		if okA && okB {
			if a > b {
				a, b = b, a
			}
			ids := make([]string, 0, b-a+1)
			for r := a; r <= b; r++ {
				ids = append(ids, u.marks.ID(u.list.posOf(r)))
			}
			u.sel.set(ids, ctrl)
			u.setLead(id, from)
			return
		}
	}
	if !ctrl { // Shift with no anchor: as a plain click
		u.selectEvent(id, from)
		return
	}
	u.sel.toggle(id)
	lead := id
	if !u.sel.Has(id) {
		lead = ""
		for other := range u.sel.ids { // another of those left leads
			lead = other
			break
		}
	}
	u.setLead(lead, from)
}

// selectBand selects the events a rubber band took on the timeline, adding them to the
// selection when Ctrl was held too.
func (u *ui) selectBand(ids []string, mods fyne.KeyModifier) {
	if len(ids) == 0 {
		return
	}
	u.sel.set(ids, mods&(fyne.KeyModifierControl|fyne.KeyModifierSuper) != 0)
	lead := u.selected
	if !u.sel.Has(lead) {
		lead = ids[0]
	}
	u.setLead(lead, "timeline")
}

// selectAll is Ctrl+A: every event in view. A dialog open (the bulk edit form counted
// the selection it applies to) keeps the selection as it is.
func (u *ui) selectAll() {
	if u.marks.Len() == 0 || u.modal {
		return
	}
	ids := make([]string, u.marks.Len())
	for i := range ids {
		ids[i] = u.marks.ID(i)
	}
	u.sel.set(ids, false)
	lead := u.selected
	if !u.sel.Has(lead) {
		lead = ids[0]
	}
	u.setLead(lead, "")
}

// setLead makes id the lead of the selection (already set in u.sel) and shows the
// selection on both views and in the detail pane: the event when it is alone, else how
// many and their span. from is the view that made it ("list", "timeline" or "").
func (u *ui) setLead(id string, from string) {
	if u.sel.Len() <= 1 {
		if id == "" {
			u.selectEvent("", from)
			return
		}
		u.selectEvent(id, from)
		if from == "timeline" {
			u.tl.SetSelected(id) // a band or a Ctrl+click left one: the view did not select it
		}
		return
	}
	u.selected = id
	u.menus.update()
	u.tl.SetSelection(u.sel.ids, id)
	if from != "list" {
		if r, ok := u.list.rowOf(id); ok {
			u.list.scrollToRow(r)
		}
	}
	u.list.Refresh()
	u.detail.showMany(selectionText(u.marks, &u.sel))
	u.readDragged()
}
