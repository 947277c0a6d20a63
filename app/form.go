package app

import (
	"context"
	"math"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/chronoscope/chronoscope/timeline"
)

// Suggestions are the names the case already uses, for completion; Sources, when set,
// reads the case's shared sources, which the source form offers to cite.
type Suggestions struct {
	Lanes, Actors, Tags []string
	Sources             func(context.Context) ([]timeline.Source, error)
}

// importanceWords are the importance choices, 1 to 5.
var importanceWords = []string{"1 minor", "2 low", "3 normal", "4 high", "5 key"}

// errorOrder lists the form's error labels in field order, to find the first in error.
var errorOrder = []string{"title", "start", "end", "latitude", "longitude", "importance", "sources"}

// eventForm edits one event: the window shows it in a dialog (showEventForm). Each field
// is checked as it is typed, its problem shown beside it in words, and Save is disabled
// while any problem stands. An empty title or start nobody has typed in yet is not shown
// in red until a save is tried, but still keeps Save disabled.
type eventForm struct {
	win      fyne.Window
	orig     timeline.Event
	onSave   func(timeline.Event)
	onCancel func()

	title, start, end, location, lat, lon *keyEntry
	description, notes                    *textArea
	lane                                  *completionEntry
	actors, tags                          *listEditor
	importance                            *keySelect
	sources                               *sourceList
	saveButton, cancelButton              *keyButton
	startPreview, endPreview              *widget.Label
	errors                                map[string]*widget.Label

	now          func() time.Time          // the day relative dates ("yesterday") are read from
	focus        map[string]fyne.Focusable // the field of each error label
	touched      map[string]bool
	reveal, done bool
	content      fyne.CanvasObject
	formFrame
}

// newEventForm builds the form for ev; onSave gets the edited event (keeping ev's ID,
// Created, Updated and Attrs), onCancel runs when the analyst gives up.
func newEventForm(win fyne.Window, ev timeline.Event, sug Suggestions, onSave func(timeline.Event), onCancel func()) *eventForm {
	f := &eventForm{win: win, orig: ev, onSave: onSave, onCancel: onCancel,
		errors: map[string]*widget.Label{}, touched: map[string]bool{}, now: time.Now}
	keys := fieldKeys{save: f.Save, cancel: f.cancel}
	touch := func(field string) func(string) {
		return func(string) { f.touched[field] = true; f.validate() }
	}
	f.title = keys.entry(ev.Title, "What happened", touch("title"))
	f.start = keys.entry(ev.Start.Text, "Start date, such as 13 Sep 2023", touch("start"))
	f.end = keys.entry(ev.End.Text, "End date (optional)", touch("end"))
	f.lane = newCompletionEntry(sug.Lanes)
	keys.wire(&f.lane.keyEntry)
	f.lane.SetText(ev.Lane)
	f.lane.PlaceHolder = "Lane: type, or press Down for the case's lanes"
	f.actors = newListEditor(ev.Actors, sug.Actors, "Who: type a name and press Enter")
	keys.wire(&f.actors.entry.keyEntry)
	f.tags = newListEditor(ev.Tags, sug.Tags, "Tags: type and press Enter; a;b adds two")
	keys.wire(&f.tags.entry.keyEntry)
	f.location = keys.entry(ev.Location.Name, "Place name", nil)
	f.lon = keys.entry(coordText(ev.Location.Lon), "Longitude", touch("longitude"))
	f.lat = keys.entry(coordText(ev.Location.Lat), "Latitude", touch("latitude"))
	f.lat.Shortcut = func(s fyne.Shortcut) bool { return f.pasteCoords(s) || keys.shortcut(s) }
	f.importance = keys.sel(importanceWords, nil)
	f.importance.SetSelectedIndex(timeline.DefaultImportance - 1)
	if ev.Importance >= 1 && ev.Importance <= 5 {
		f.importance.SetSelectedIndex(ev.Importance - 1)
	}
	f.description = newTextArea(4)
	keys.wire(&f.description.keyEntry)
	f.description.SetText(ev.Description)
	f.description.PlaceHolder = "What is known, in a few lines"
	f.notes = newTextArea(4)
	keys.wire(&f.notes.keyEntry)
	f.notes.SetText(ev.Notes)
	f.notes.PlaceHolder = "Your own notes on the event, apart from what the sources say (any number of paragraphs)"
	f.sources = newSourceList(win, ev.Sources, keys)
	f.sources.known = sug.Sources
	f.sources.OnChanged = f.changed
	f.startPreview, f.endPreview = newPreviewLabel(), newPreviewLabel()
	for _, k := range errorOrder {
		f.errors[k] = newErrorLabel()
	}
	f.saveButton = keys.button("Save", theme.ConfirmIcon(), f.Save)
	f.saveButton.Importance = widget.HighImportance
	f.cancelButton = keys.button("Cancel", theme.CancelIcon(), f.cancel)

	f.focus = map[string]fyne.Focusable{"title": f.title, "start": f.start, "end": f.end,
		"latitude": f.lat, "longitude": f.lon, "importance": f.importance, "sources": f.sources.addButton}
	// Container order is the Tab order: nothing focusable between Title and Start.
	coord := fyne.NewSize(110, f.lat.MinSize().Height)
	coords := container.NewHBox(container.NewGridWrap(coord, f.lat), container.NewGridWrap(coord, f.lon))
	f.grid = container.New(layout.NewFormLayout(),
		fieldLabel("Title"), container.NewVBox(f.title, f.errors["title"]),
		fieldLabel("Start"), container.NewVBox(f.start, f.startPreview, f.errors["start"]),
		fieldLabel("End"), container.NewVBox(f.end, f.endPreview, f.errors["end"]),
		fieldLabel("Lane"), f.lane,
		fieldLabel("Actors"), f.actors.Content(),
		fieldLabel("Tags"), f.tags.Content(),
		fieldLabel("Location"), container.NewVBox(
			container.NewBorder(nil, nil, nil, coords, f.location),
			f.errors["latitude"], f.errors["longitude"]),
		fieldLabel("Importance"), container.NewVBox(container.NewHBox(f.importance), f.errors["importance"]),
		fieldLabel("Description"), f.description,
		fieldLabel("Notes"), f.notes,
		fieldLabel("Sources"), container.NewVBox(f.sources.Content(), f.errors["sources"]),
	)
	f.scroll = container.NewVScroll(container.NewPadded(f.grid))
	f.content = container.NewBorder(nil, buttonBar(f.cancelButton, f.saveButton), nil, nil, f.scroll)
	f.importance.OnChanged = func(string) { f.validate() }
	f.actors.OnChanged, f.tags.OnChanged = f.changed, f.changed
	f.validate()
	return f
}

// changed checks the form again after a list grew or shrank, and lays it out anew.
func (f *eventForm) changed() {
	f.validate()
	f.relayout()
}

// check returns the problem of each field in error, keyed as in errorOrder: what the form
// cannot read (a date that is no date), then every field error of Event.Problems.
func (f *eventForm) check() map[string]string {
	ev, unread := f.read()
	msgs := map[string]string{}
	for _, fe := range append(unread, ev.Problems()...) {
		field, reason := fe.Field, fe.Reason
		if n, rest, ok := strings.Cut(fe.Field, " "); ok && n == "source" {
			num, _, _ := strings.Cut(rest, " ")
			field, reason = "sources", "Source "+num+": "+fe.Reason
		}
		if f.errors[field] == nil {
			field = "title" // a field the form has no error line for: the event as a whole
		}
		if msgs[field] == "" {
			msgs[field] = sentence(reason)
		}
	}
	return msgs
}

// validate shows each field's problem beside it, the date previews, and enables Save
// only when nothing is wrong. It returns the first field in error.
func (f *eventForm) validate() fyne.Focusable {
	msgs := f.check()
	before := visibility(append(labelsOf(f.errors, errorOrder), f.startPreview, f.endPreview)...)
	var first fyne.Focusable
	for _, k := range errorOrder {
		msg := msgs[k]
		if msg != "" && first == nil {
			first = f.focus[k]
		}
		if e, ok := f.focus[k].(*keyEntry); ok && !f.reveal && !f.touched[k] && strings.TrimSpace(e.Text) == "" {
			msg = "" // not red before anything was typed in it
		}
		setError(f.errors[k], msg)
	}
	f.preview(f.startPreview, f.start.Text, startHint, f.errors["start"].Visible())
	f.preview(f.endPreview, f.end.Text, endHint, f.errors["end"].Visible())
	if len(msgs) > 0 {
		f.saveButton.Disable()
	} else {
		f.saveButton.Enable()
	}
	if f.scroll != nil && visibility(append(labelsOf(f.errors, errorOrder), f.startPreview, f.endPreview)...) != before {
		f.relayout()
	}
	return first
}

// preview shows how a date field is understood, or a hint while it is empty; it hides
// while the field shows an error.
func (f *eventForm) preview(l *widget.Label, text, hint string, hasError bool) {
	l.SizeName = theme.SizeNameText
	switch d := readField(text, f.now()); {
	case hasError:
		l.Hide()
		return
	case d.empty:
		l.SizeName = theme.SizeNameCaptionText
		l.SetText(hint)
	case d.err == nil:
		l.SetText(d.preview())
	default:
		l.SetText("")
	}
	l.Show()
	l.Refresh()
}

// Event returns the event as edited: the input event's ID, Created, Updated and Attrs
// with every field of the form, normalised; the error is the first problem found, a
// *timeline.FieldError.
func (f *eventForm) Event() (timeline.Event, error) {
	ev, unread := f.read()
	if len(unread) > 0 {
		return ev, unread[0]
	}
	return ev, ev.Validate()
}

// read is the event as the fields say it, normalised, and what the form could not read
// (a date field that holds no date, in the order of the fields). A coordinate that is not
// a number is NaN, which Event.Problems refuses in its own words.
func (f *eventForm) read() (timeline.Event, []*timeline.FieldError) {
	ev := f.orig
	if f.orig.Attrs != nil {
		ev.Attrs = make(map[string]string, len(f.orig.Attrs))
		for k, v := range f.orig.Attrs {
			ev.Attrs[k] = v
		}
	}
	ev.Title = f.title.Text
	ev.Description = strings.TrimSpace(f.description.Text)
	ev.Notes = strings.TrimSpace(f.notes.Text)
	ev.Lane = f.lane.Text
	ev.Actors, ev.Tags = f.actors.Items(), f.tags.Items()
	ev.Importance = f.importance.SelectedIndex() + 1
	ev.Sources = f.sources.Sources()
	ev.Location = timeline.Location{Name: f.location.Text, Lat: coordOrNaN(f.lat.Text), Lon: coordOrNaN(f.lon.Text)}
	var unread []*timeline.FieldError
	var msgs map[string]string
	ev.Start, ev.End, msgs = formDates(f.start.Text, f.end.Text, f.now())
	for _, d := range []struct{ field, text string }{{"start", f.start.Text}, {"end", f.end.Text}} {
		if msg := msgs[d.field]; msg != "" {
			unread = append(unread, &timeline.FieldError{Field: d.field, Value: d.text, Reason: msg})
		}
	}
	ev.Normalize()
	return ev, unread
}

// coordOrNaN is the coordinate typed, nil when the field is empty, NaN when it is not a
// number.
func coordOrNaN(text string) *float64 {
	v, err := parseCoord(text)
	if err != nil {
		nan := math.NaN()
		return &nan
	}
	return v
}

// Valid reports whether the form can be saved.
func (f *eventForm) Valid() bool { return len(f.check()) == 0 }

// Save hands the event to onSave when the form is valid; otherwise it shows every
// problem and puts the cursor in the first field in error. A form saves at most once.
func (f *eventForm) Save() {
	if f.done {
		return
	}
	ev, err := f.Event()
	if err != nil || !f.Valid() {
		f.reveal = true
		focusOn(f.win, f.title, f.validate())
		return
	}
	f.done = true
	f.closeMenus()
	if f.onSave != nil {
		f.onSave(ev)
	}
}

func (f *eventForm) cancel() {
	if f.done {
		return
	}
	f.done = true
	f.closeMenus()
	if f.onCancel != nil {
		f.onCancel()
	}
}

// closeMenus takes away any list of names still open over the form.
func (f *eventForm) closeMenus() {
	for _, c := range []*completionEntry{f.lane, f.actors.entry, f.tags.entry} {
		c.closeMenu()
	}
}

// Content is the whole form, scrollable, with Save and Cancel at the bottom.
func (f *eventForm) Content() fyne.CanvasObject { return f.content }

// FocusFirst puts the cursor in Title.
func (f *eventForm) FocusFirst() { focusOn(f.win, f.title, f.title) }

// showEventForm opens the event form in a modal dialog over win, titled "New event" for
// an event without an ID and "Edit event" otherwise, with the cursor in Title. Ctrl+Enter
// saves from anywhere in it, Escape cancels. onSave gets the event after the dialog
// closed. The dialog takes the canvas's Ctrl+Enter shortcut and typed-key handler while
// it is open and gives the typed-key handler back when it closes.
func showEventForm(win fyne.Window, ev timeline.Event, sug Suggestions, onSave func(timeline.Event)) dialog.Dialog {
	d, _ := openEventForm(win, ev, sug, onSave)
	return d
}

// openEventForm is showEventForm that also returns the form, and runs onClosed (if any)
// after the dialog closed, however it closed.
func openEventForm(win fyne.Window, ev timeline.Event, sug Suggestions, onSave func(timeline.Event), onClosed ...func()) (dialog.Dialog, *eventForm) {
	title := "Edit event"
	if ev.ID == "" {
		title = "New event"
	}
	var d *dialog.CustomDialog
	f := newEventForm(win, ev, sug, func(e timeline.Event) {
		d.Hide()
		if onSave != nil {
			onSave(e)
		}
	}, func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons(title, newDialogBody(f, f.Content()), win)
	restore := pushDialogKeys(win.Canvas(), f.Save, f.cancel)
	d.SetOnClosed(func() {
		restore()
		for _, fn := range onClosed {
			fn()
		}
	})
	f.attach(win, d, 640)
	d.Show()
	f.FocusFirst()
	return d, f
}
