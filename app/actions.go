package app

import (
	"context"
	"errors"

	"fyne.io/fyne/v2"

	"github.com/chronoscope/chronoscope/timeline"
)

// windowShortcut runs the menu action bound to s, for text fields that would otherwise
// keep every shortcut to themselves. It reports whether s was one of the window's.
func (u *ui) windowShortcut(s fyne.Shortcut) bool {
	if s.ShortcutName() == (&fyne.ShortcutRedo{}).ShortcutName() { // Ctrl+Y, beside the menu's Ctrl+Shift+Z
		u.redo()
		return true
	}
	for _, menu := range u.menus.main.Items {
		if a := u.menus.shortcutFor(s, menu); a != nil {
			a()
			return true
		}
	}
	return false
}

func (u *ui) focusSearch() {
	u.win.Canvas().Focus(u.search)
}

// suggestions lists the case's lanes, actors and tags for the form's completion: the
// names the filter bar loaded in the background, so opening a form never waits on a
// query; the source form reads the case's sources in the background when it opens.
func (u *ui) suggestions() Suggestions {
	sug := Suggestions{Lanes: u.filters.lanes.options, Actors: u.filters.actors.options, Tags: u.filters.tags.options}
	if k, ok := u.store.(timeline.SourceKeeper); ok {
		sug.Sources = k.Sources
	}
	return sug
}

// quote names an event in a menu or a message.
func quote(title string) string {
	if len([]rune(title)) > 40 {
		title = string([]rune(title)[:39]) + "\u2026"
	}
	return "\u201c" + title + "\u201d"
}

func (u *ui) newEvent() {
	if !u.writable() || u.modal {
		return
	}
	e := timeline.Event{Importance: timeline.DefaultImportance, Lane: u.lastLane}
	u.showForm(e, func(saved timeline.Event) {
		u.lastLane = saved.Lane
		u.apply(timeline.Change{Label: "add " + quote(saved.Title), After: []timeline.Event{saved}})
	})
}

func (u *ui) editSelected() {
	if !u.writable() || u.selected == "" || u.modal {
		return
	}
	id := u.selected
	u.withEvent(id, func(old timeline.Event) {
		u.showForm(old, func(saved timeline.Event) {
			u.apply(timeline.Change{Label: "edit " + quote(saved.Title), Before: []timeline.Event{old}, After: []timeline.Event{saved}})
		})
	})
}

// closeCase closes the case, leaving the window empty.
func (u *ui) closeCase() {
	if !u.caseLocked() {
		u.setStore(nil)
	}
}

func (u *ui) showForm(e timeline.Event, onSave func(timeline.Event)) {
	u.modal = true
	openEventForm(u.win, e, u.suggestions(), onSave, func() { u.modal = false })
}

func (u *ui) deleteSelected() {
	if !u.writable() || u.selected == "" || u.modal {
		return
	}
	if u.sel.Len() > 1 {
		u.deleteMany()
		return
	}
	u.withEvent(u.selected, func(e timeline.Event) {
		u.apply(timeline.Change{Label: "delete " + quote(e.Title), Before: []timeline.Event{e}})
	})
}

func (u *ui) duplicateSelected() {
	if !u.writable() || u.selected == "" || u.modal {
		return
	}
	if u.sel.Len() > 1 {
		u.duplicateMany()
		return
	}
	u.withEvent(u.selected, func(e timeline.Event) {
		u.apply(timeline.Change{Label: "duplicate " + quote(e.Title), After: []timeline.Event{duplicateOf(e)}})
	})
}

// withEvent loads an event off the UI goroutine and hands it to fn on it, while the same
// case is open.
func (u *ui) withEvent(id string, fn func(timeline.Event)) {
	withLoaded(u, func(store caseStore) (timeline.Event, error) {
		return store.Get(context.Background(), id)
	}, fn)
}

// withLoaded runs read on the open case off the UI goroutine and hands what it read to
// fn on it, while the same case is open; an error is shown instead.
func withLoaded[T any](u *ui, read func(caseStore) (T, error), fn func(T)) {
	store := u.store
	u.background(func() func() {
		v, err := read(store)
		return func() {
			switch {
			case u.store != store:
			case err != nil:
				u.showError(err)
			default:
				fn(v)
			}
		}
	})
}

// apply writes a change through the history off the UI goroutine, then shows the result
// with the change's newest event selected.
func (u *ui) apply(c timeline.Change) {
	j := u.newJob("saving "+c.Label, "")
	j.run(func() func() {
		err := j.history.Apply(context.Background(), &c)
		conflict, isConflict := conflictOf(j.store, c, err)
		return func() {
			switch {
			case isConflict:
				u.showConflict(conflict) // someone else saved the event meanwhile: the analyst chooses
				return
			case err != nil:
				u.showError(err)
				return
			}
			u.afterChange(c.After, "Done: "+c.Label+" (Ctrl+Z undoes it)")
		}
	})
}

// afterChange refreshes the views, selects the first of evs (if any) and says what
// happened. A change of the very events selected (several moved by a drag) keeps them
// selected.
func (u *ui) afterChange(evs []timeline.Event, msg string) {
	u.pendingSelect = ""
	u.detail.shown = nil // out of date: read again once the query lands
	if keep := len(evs) > 1 && u.selectionIs(evs); !keep {
		if len(evs) > 0 {
			u.pendingSelect = evs[0].ID
		}
		u.selected = ""
	}
	u.menus.update()
	u.filters.reload()
	u.refresh()
	u.pendingStatus = msg
}

func (u *ui) undo() { u.travel("the undo", "Undoing", "Undone", (*timeline.History).Undo, true) }

func (u *ui) redo() { u.travel("the redo", "Redoing", "Redone", (*timeline.History).Redo, false) }

// travel undoes or redoes the last change off the UI goroutine, with the busy bar shown
// (undoing an import of a million events takes a while). While any job runs on the case
// (an import, the undo before) it is refused with a word: the step it would undo may not
// be the one the analyst sees last.
func (u *ui) travel(what, doing, done string, step func(*timeline.History, context.Context) (timeline.Change, bool, error), back bool) {
	if !u.writable() || u.modal || u.jobRunning() {
		return
	}
	j := u.newJob(what, doing+"...")
	j.run(func() func() {
		c, ok, err := step(j.history, context.Background())
		return func() {
			if err != nil {
				u.showError(err)
			}
			if !ok {
				u.menus.update()
				return
			}
			shown := c.After
			if back {
				shown = c.Before
			}
			u.afterChange(shown, done+": "+c.Label)
		}
	})
}

// openPath opens a case file (or a shared case, see openShared) and shows it; a refused file gets a dialog saying which and
// why, and the case on screen stays.
func (u *ui) openPath(path string) {
	if u.caseLocked() {
		return
	}
	if isShared(path) {
		u.openShared(path)
		return
	}
	u.openCaseFile(path, false)
}

func (u *ui) createCase(path string) { u.openCaseFile(path, true) }

// openCaseFile opens (or, with create, makes) a case file off the UI goroutine and shows
// it. A refused file gets a dialog saying which and why, and the case on screen stays;
// a damaged one says so in its own words (an opener may hand back a damaged case with
// its ErrDamaged error: it is shown read-only). If meanwhile a job began on the case on
// screen, the file opened is closed again and the case stays.
func (u *ui) openCaseFile(path string, create bool) {
	u.background(func() func() {
		s, err := u.open(path, create)
		damaged := errors.Is(err, timeline.ErrDamaged)
		if err != nil && s != nil && !damaged {
			s.Close()
			s = nil
		}
		return func() {
			switch {
			case s == nil:
				u.showOpenError(path, err)
			case u.caseLocked():
				s.Close()
			default:
				u.setStore(s)
				u.showError(err) // a damaged case opened read-only: the banner says so
			}
		}
	})
}

const caseExt = timeline.CaseExtension

// selectionIs reports whether evs are the selected events, all of them.
func (u *ui) selectionIs(evs []timeline.Event) bool {
	if u.sel.Len() != len(evs) {
		return false
	}
	for _, e := range evs {
		if !u.sel.Has(e.ID) {
			return false
		}
	}
	return true
}
