package app

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/chronoscope/chronoscope/timeline"
)

// sourceList shows an event's sources, one line each (grade, title, publisher) with
// Edit and Remove, and an Add button; Add and Edit open the source form.
type sourceList struct {
	win           fyne.Window
	items         []timeline.Source
	keys          fieldKeys
	rows          *fyne.Container
	addButton     *keyButton
	editButtons   []*keyButton
	removeButtons []*keyButton
	// form is the source form last opened, for tests.
	form *sourceForm
	// known reads the case's shared sources for the source form's list; nil for none.
	known func(context.Context) ([]timeline.Source, error)
	// OnChanged runs after a source is added, changed or removed.
	OnChanged func()
	box       *fyne.Container
}

func newSourceList(win fyne.Window, items []timeline.Source, keys fieldKeys) *sourceList {
	s := &sourceList{win: win, items: append([]timeline.Source(nil), items...), keys: keys}
	s.rows = container.NewVBox()
	s.addButton = keys.button("Add source", theme.ContentAddIcon(), s.Add)
	s.box = container.NewVBox(s.rows, container.NewHBox(s.addButton))
	s.refresh()
	return s
}

// Sources returns the sources as edited.
func (s *sourceList) Sources() []timeline.Source {
	if len(s.items) == 0 {
		return nil
	}
	return append([]timeline.Source(nil), s.items...)
}

// Add opens an empty source form; its source is appended once saved. The cursor
// comes back to Add, ready for the next source.
func (s *sourceList) Add() {
	var d dialog.Dialog
	d, s.form = showSourceForm(s.win, timeline.Source{}, s.known, func(src timeline.Source) {
		s.items = append(s.items, src)
		s.refresh()
	})
	d.SetOnClosed(func() { focusOn(s.win, s.addButton, s.addButton) })
}

// Edit opens source i in the source form; it is replaced once saved. The cursor comes
// back to the source's Edit button.
func (s *sourceList) Edit(i int) {
	var d dialog.Dialog
	d, s.form = showSourceForm(s.win, s.items[i], s.known, func(src timeline.Source) {
		s.items[i] = src
		s.refresh()
	})
	d.SetOnClosed(func() {
		if i < len(s.editButtons) {
			focusOn(s.win, s.addButton, s.editButtons[i])
		}
	})
}

// Remove takes source i off the event.
func (s *sourceList) Remove(i int) {
	s.items = append(s.items[:i:i], s.items[i+1:]...)
	s.refresh()
	focusOn(s.win, s.addButton, s.addButton)
}

// Content is the list with its buttons.
func (s *sourceList) Content() fyne.CanvasObject { return s.box }

func (s *sourceList) refresh() {
	s.rows.Objects = nil
	s.editButtons, s.removeButtons = nil, nil
	if len(s.items) == 0 {
		none := widget.NewLabel("No sources yet")
		none.Importance = widget.LowImportance
		s.rows.Add(none)
	}
	for i, src := range s.items {
		grade := widget.NewLabelWithStyle(src.Grade(), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		if src.Grade() == "" {
			grade.SetText("--")
			grade.Importance = widget.LowImportance
		}
		name := src.Title
		if name == "" {
			name = src.URL
		}
		if src.Publisher != "" {
			name += " · " + src.Publisher
		}
		text := widget.NewLabel(name)
		text.Truncation = fyne.TextTruncateEllipsis
		edit := s.keys.button("", theme.DocumentCreateIcon(), func() { s.Edit(i) })
		remove := s.keys.button("", theme.DeleteIcon(), func() { s.Remove(i) })
		s.editButtons = append(s.editButtons, edit)
		s.removeButtons = append(s.removeButtons, remove)
		s.rows.Add(container.NewBorder(nil, nil, grade, container.NewHBox(edit, remove), text))
	}
	s.rows.Refresh()
	if s.OnChanged != nil {
		s.OnChanged()
	}
}
