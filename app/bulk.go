package app

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/chronoscope/chronoscope/timeline"
)

// bulkEdit is what one bulk edit does to each selected event; its zero value changes
// nothing. Every part left empty leaves that field as it is.
type bulkEdit struct {
	lane                    string // the lane to set ("" leaves it)
	addActors, removeActors []string
	addTags, removeTags     []string
	importance              int              // 1 to 5 sets it; 0 leaves it
	source                  *timeline.Source // a source to add to each, unless it cites it already
}

// apply changes e as the edit says, and reports whether anything changed.
func (b bulkEdit) apply(e *timeline.Event) bool {
	changed := false
	if b.lane != "" && e.Lane != b.lane {
		e.Lane, changed = b.lane, true
	}
	if b.importance >= 1 && b.importance <= 5 && e.Importance != b.importance {
		e.Importance, changed = b.importance, true
	}
	var c bool
	e.Actors, c = editNames(e.Actors, b.addActors, b.removeActors)
	changed = changed || c
	e.Tags, c = editNames(e.Tags, b.addTags, b.removeTags)
	changed = changed || c
	if b.source != nil && !slices.ContainsFunc(e.Sources, func(s timeline.Source) bool { return sameSource(s, *b.source) }) {
		e.Sources = append(slices.Clip(e.Sources), *b.source)
		changed = true
	}
	return changed
}

// sameSource reports whether two sources are the same document (title and address).
func sameSource(a, b timeline.Source) bool {
	return strings.EqualFold(strings.TrimSpace(a.Title), strings.TrimSpace(b.Title)) && strings.TrimSpace(a.URL) == strings.TrimSpace(b.URL)
}

// editNames is names with add appended (those it lacks, ignoring case) and remove taken
// off (ignoring case), and whether that changed it. names itself is not changed.
func editNames(names, add, remove []string) ([]string, bool) {
	out := make([]string, 0, len(names)+len(add))
	changed := false
	for _, n := range names {
		if slices.ContainsFunc(remove, func(r string) bool { return strings.EqualFold(r, n) }) {
			changed = true
			continue
		}
		out = append(out, n)
	}
	for _, a := range add {
		if a = strings.TrimSpace(a); a != "" && !slices.ContainsFunc(out, func(n string) bool { return strings.EqualFold(n, a) }) {
			out = append(out, a)
			changed = true
		}
	}
	if !changed {
		return names, false
	}
	return out, true
}

// label is what the edit does, for the undo menu and the status bar, before "N events".
func (b bulkEdit) label() string {
	var parts []string
	if b.lane != "" {
		parts = append(parts, "set lane "+quote(b.lane))
	}
	if b.importance > 0 {
		parts = append(parts, fmt.Sprintf("set importance %d", b.importance))
	}
	for _, p := range []struct {
		what  string
		names []string
	}{{"add actor", b.addActors}, {"remove actor", b.removeActors}, {"add tag", b.addTags}, {"remove tag", b.removeTags}} {
		if len(p.names) > 0 {
			parts = append(parts, p.what+" "+strings.Join(p.names, ", "))
		}
	}
	if b.source != nil {
		parts = append(parts, "add source "+quote(b.source.Title))
	}
	if len(parts) == 0 {
		return "edit"
	}
	return strings.Join(parts, ", ")
}

// bulkChange is the change an edit makes to evs: the events it changes, as they were
// and as they become.
func bulkChange(evs []timeline.Event, b bulkEdit) timeline.Change {
	c := timeline.Change{}
	for _, e := range evs {
		after := e
		if b.apply(&after) {
			c.Before = append(c.Before, e)
			c.After = append(c.After, after)
		}
	}
	c.Label = b.label() + " on " + plural(len(c.After), "event")
	return c
}

// withSelected loads the selected events (the lead alone when nothing else is) off the
// UI goroutine and hands them to fn on it, while the same case is open.
func (u *ui) withSelected(fn func([]timeline.Event)) {
	ids := u.sel.IDs()
	if len(ids) == 0 && u.selected != "" {
		ids = []string{u.selected}
	}
	if u.store == nil || len(ids) == 0 {
		return
	}
	withLoaded(u, func(store caseStore) ([]timeline.Event, error) {
		var evs []timeline.Event
		for start := 0; start < len(ids); start += factsBatch {
			got, err := store.Lookup(context.Background(), ids[start:min(start+factsBatch, len(ids))])
			if err != nil {
				return nil, err
			}
			evs = append(evs, got...)
		}
		return evs, nil
	}, fn)
}

// bulkApply makes edit b to every selected event, as one undo step, and says how many it
// changed; the selection stays.
func (u *ui) bulkApply(b bulkEdit) {
	if !u.writable() {
		return
	}
	u.withSelected(func(evs []timeline.Event) {
		c := bulkChange(evs, b)
		if len(c.After) == 0 {
			u.setStatus(fmt.Sprintf("No event changed: the %s already have that", plural(len(evs), "selected event")))
			return
		}
		u.applyKeeping(c, fmt.Sprintf("Done: %s (%s of %d selected; Ctrl+Z undoes it)", c.Label, thousands(len(c.After)), len(evs)))
	})
}

// applyKeeping writes a change as apply does, keeping the selection as it is (then,
// when given, may change it once the change is written).
func (u *ui) applyKeeping(c timeline.Change, msg string, then ...func(timeline.Change)) {
	j := u.newJob("saving "+c.Label, "")
	j.run(func() func() {
		err := j.history.Apply(context.Background(), &c)
		return func() {
			if err != nil {
				u.showError(err)
				return
			}
			for _, fn := range then {
				fn(c)
			}
			u.menus.update()
			u.filters.reload()
			u.pendingStatus = msg
			u.refresh()
		}
	})
}

// deleteMany deletes every selected event, as one undo step.
func (u *ui) deleteMany() {
	u.withSelected(func(evs []timeline.Event) {
		if len(evs) == 0 {
			return
		}
		u.apply(timeline.Change{Label: "delete " + plural(len(evs), "event"), Before: evs})
	})
}

// duplicateMany copies every selected event, as one undo step, and selects the copies.
func (u *ui) duplicateMany() {
	u.withSelected(func(evs []timeline.Event) {
		if len(evs) == 0 { // deleted meanwhile (by another program): nothing to copy
			return
		}
		dups := make([]timeline.Event, len(evs))
		for i, e := range evs {
			dups[i] = duplicateOf(e)
		}
		c := timeline.Change{Label: "duplicate " + plural(len(evs), "event"), After: dups}
		u.applyKeeping(c, "Done: "+c.Label+" (Ctrl+Z undoes it)", func(c timeline.Change) {
			ids := make([]string, len(c.After))
			for i, e := range c.After {
				ids[i] = e.ID
			}
			u.sel.set(ids, false)
			u.selected = ids[0]
		})
	})
}

// duplicateOf is a copy of e as a new event: no id, "(copy)" after its title, its lists
// its own.
func duplicateOf(e timeline.Event) timeline.Event {
	dup := e
	dup.ID = ""
	dup.Title = e.Title + " (copy)"
	dup.Actors = append([]string(nil), e.Actors...)
	dup.Tags = append([]string(nil), e.Tags...)
	dup.Sources = append([]timeline.Source(nil), e.Sources...)
	dup.Created, dup.Updated = time.Time{}, time.Time{} // a new event
	dup.Version = 0
	return dup
}
