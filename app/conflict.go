package app

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/chronoscope/chronoscope/timeline"
)

// Choices of a conflict dialog's field.
const (
	chooseMine   = "Yours"
	chooseTheirs = "Theirs"
)

// changeTeller is the part of a shared case's store that says from its change log who
// last changed the case (id "") or one event, and when; who is "" when it does not know.
type changeTeller interface {
	LastChange(ctx context.Context, id string) (who string, at time.Time, err error)
}

// editConflict is an edit that met someone else's save, as the window shows it.
type editConflict struct {
	err   *timeline.ConflictError
	base  timeline.Event // the event as the edit began: which fields each side changed
	label string         // the change's label, for the history
	who   string         // who saved theirs ("" when the case does not say)
	at    time.Time      // when
}

// conflictOf returns the conflict an apply of c met, with who made it when the store
// can tell; ok is false for any other error, or a change that is not one edit. It runs
// off the UI goroutine.
func conflictOf(store caseStore, c timeline.Change, err error) (editConflict, bool) {
	var ce *timeline.ConflictError
	if !errors.As(err, &ce) || len(c.Before) != 1 || len(c.After) != 1 || c.Before[0].ID != c.After[0].ID {
		return editConflict{}, false
	}
	ec := editConflict{err: ce, base: c.Before[0], label: c.Label, at: ce.Theirs.Updated}
	if t, ok := store.(changeTeller); ok {
		if who, at, err := t.LastChange(context.Background(), ce.Mine.ID); err == nil && who != "" {
			ec.who, ec.at = who, at
		}
	}
	return ec, true
}

// conflictView is the dialog of an edit that met someone else's save: each field on
// which the two versions differ, theirs beside the analyst's, with a choice per field.
// Keep mine saves the analyst's version over theirs, Take theirs leaves the event as they
// saved it, Save choices saves the fields as chosen, and Edit choices opens the event form
// on them. Whatever is saved is one step of the history over theirs, so Undo brings their
// version back; nothing is saved while the dialog is open.
type conflictView struct {
	u    *ui
	c    editConflict
	d    *dialog.CustomDialog
	rows []conflictRow
	shut bool // the dialog was closed

	keepMine, takeTheirs, saveChoices, editChoices *widget.Button
}

// conflictRow is one field that differs, and the analyst's choice of version.
type conflictRow struct {
	field  string
	choice *widget.RadioGroup
}

// showConflict opens the conflict dialog on c.
func (u *ui) showConflict(c editConflict) {
	v := &conflictView{u: u, c: c}
	mineChanged := changedFields(c.base, c.err.Mine)
	var rows []fyne.CanvasObject
	rows = append(rows, container.NewGridWithColumns(2, bold(chooseMine), bold(chooseTheirs+" ("+v.whoName()+")")))
	for _, f := range c.err.Fields() {
		r := conflictRow{field: f.Field, choice: widget.NewRadioGroup([]string{chooseMine, chooseTheirs}, nil)}
		r.choice.Horizontal = true
		r.choice.Required = true
		r.choice.SetSelected(chooseTheirs)
		if mineChanged[f.Field] {
			r.choice.SetSelected(chooseMine) // the analyst changed it: theirs only when chosen
		}
		if c.err.Deleted {
			r.choice.Hide()
		}
		v.rows = append(v.rows, r)
		head := container.NewHBox(bold(fieldName(f.Field)), layout.NewSpacer(), r.choice)
		rows = append(rows, widget.NewSeparator(), head, container.NewGridWithColumns(2, valueLabel(f.Mine), valueLabel(f.Theirs)))
	}
	v.keepMine = widget.NewButton("Keep mine", func() { v.save(v.c.err.Merge(v.allFields()...)) })
	v.takeTheirs = widget.NewButton("Take theirs", v.takeTheirsNow)
	v.saveChoices = widget.NewButton("Save choices", func() { v.save(v.c.err.Merge(v.chosen()...)) })
	v.saveChoices.Importance = widget.HighImportance
	v.editChoices = widget.NewButton("Edit choices...", v.edit)
	buttons := container.NewHBox(layout.NewSpacer(), v.takeTheirs, v.keepMine, v.editChoices, v.saveChoices)
	if c.err.Deleted {
		v.keepMine.SetText("Add mine back")
		v.takeTheirs.SetText("Leave it deleted")
		v.saveChoices.Hide()
		v.editChoices.SetText("Edit mine...")
	}
	intro := widget.NewLabel(v.intro())
	intro.Wrapping = fyne.TextWrapWord
	body := container.NewBorder(intro, buttons, nil, nil, container.NewVScroll(container.NewVBox(rows...)))
	v.d = dialog.NewCustomWithoutButtons("Someone else changed this event", newDialogBody(v, body), u.win)
	v.d.SetOnClosed(func() { u.modal = false })
	u.modal = true // the choice writes to the case: it stays open until it is made
	v.d.Resize(fyne.NewSize(880, 600))
	v.d.Show()
	who := "Someone else"
	if c.who != "" {
		who = c.who
	}
	u.setStatus(who + " saved " + quote(c.err.Mine.Title) + " while you edited it: choose what to keep")
}

// whoName names who saved the other version.
func (v *conflictView) whoName() string {
	if v.c.who != "" {
		return v.c.who
	}
	return "saved meanwhile"
}

// intro says what happened and what the choices do.
func (v *conflictView) intro() string {
	who := "Someone else (another analyst, window or program)"
	if v.c.who != "" {
		who = v.c.who
	}
	when := ""
	if !v.c.at.IsZero() {
		when = " at " + v.c.at.Local().Format("15:04:05, 2 Jan")
	}
	title := quote(v.c.err.Theirs.Title)
	if v.c.err.Deleted {
		title = quote(v.c.err.Mine.Title)
		return fmt.Sprintf("%s deleted %s%s while you were editing it. Add your version back, or leave it deleted; nothing is saved until you choose.", who, title, when)
	}
	return fmt.Sprintf("%s saved %s%s while you were editing it. These fields differ: choose for each which version to keep (your changes are preselected), "+
		"or keep all of yours or all of theirs. Nothing is saved until you choose, and Undo brings their version back.", who, title, when)
}

// allFields names every field that differs.
func (v *conflictView) allFields() []string {
	out := make([]string, len(v.rows))
	for i, r := range v.rows {
		out[i] = r.field
	}
	return out
}

// chosen names the fields whose choice is the analyst's version.
func (v *conflictView) chosen() []string {
	var out []string
	for _, r := range v.rows {
		if r.choice.Selected == chooseMine {
			out = append(out, r.field)
		}
	}
	return out
}

// save closes the dialog and saves e over their version (adds it back when they deleted
// it), as one step of the history: a third save meanwhile shows the dialog again.
func (v *conflictView) save(e timeline.Event) {
	v.close()
	c := timeline.Change{Label: v.c.label, After: []timeline.Event{e}}
	if !v.c.err.Deleted {
		c.Before = []timeline.Event{v.c.err.Theirs}
	}
	v.u.apply(c)
}

// takeTheirsNow closes the dialog, leaving the event as the case holds it.
func (v *conflictView) takeTheirsNow() {
	v.close()
	u := v.u
	if v.c.err.Deleted {
		u.afterChange(nil, fmt.Sprintf("Left %s deleted; your edit was not saved", quote(v.c.err.Mine.Title)))
		return
	}
	u.afterChange([]timeline.Event{v.c.err.Theirs}, fmt.Sprintf("Kept %s as %s; your edit was not saved", quote(v.c.err.Theirs.Title), v.savedBy()))
}

// savedBy names their version in a sentence.
func (v *conflictView) savedBy() string {
	if v.c.who != "" {
		return v.c.who + " saved it"
	}
	return "it was saved meanwhile"
}

// edit closes the dialog and opens the event form on the fields as chosen, to be saved
// over their version.
func (v *conflictView) edit() {
	v.close()
	e := v.c.err.Merge(v.chosen()...)
	v.u.showForm(e, v.save)
}

// close hides the dialog once.
func (v *conflictView) close() {
	if !v.shut {
		v.shut = true
		v.d.Hide()
	}
}

// changedFields are the fields of b that differ from a.
func changedFields(a, b timeline.Event) map[string]bool {
	out := map[string]bool{}
	for _, f := range timeline.DiffEvents(a, b) {
		out[f.Field] = true
	}
	return out
}

// fieldName is a field of the conflict as the event form names it.
func fieldName(f string) string {
	if k, ok := strings.CutPrefix(f, "attr:"); ok {
		return k
	}
	return strings.ToUpper(f[:1]) + f[1:]
}

// valueLabel shows one side of a field, wrapped; an empty one says so.
func valueLabel(s string) *widget.Label {
	if s == "" {
		return widget.NewLabelWithStyle("(empty)", fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	}
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	return l
}
