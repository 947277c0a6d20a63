package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// keyEntry is a text entry that hands the window-wide shortcuts it does not use itself
// (Ctrl+Enter, Ctrl+Z, Ctrl+Q...) to Shortcut, and Escape to OnEscape. A plain Entry with
// focus swallows every shortcut, so without this Ctrl+Enter could not save a form from
// inside a field.
type keyEntry struct {
	widget.Entry
	// Shortcut is offered every shortcut first; it reports whether it handled it.
	Shortcut func(fyne.Shortcut) bool
	// OnEscape runs when Escape is pressed.
	OnEscape func()
}

func newKeyEntry() *keyEntry {
	e := &keyEntry{}
	e.ExtendBaseWidget(e)
	return e
}

func newMultiLineKeyEntry() *keyEntry {
	e := newKeyEntry()
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	return e
}

// TypedShortcut offers the shortcut to Shortcut before the entry's own handling.
func (e *keyEntry) TypedShortcut(s fyne.Shortcut) {
	if e.Shortcut != nil && e.Shortcut(s) {
		return
	}
	e.Entry.TypedShortcut(s)
}

// TypedKey handles Escape, and everything else as an Entry does.
func (e *keyEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape && e.OnEscape != nil {
		e.OnEscape()
		return
	}
	e.Entry.TypedKey(k)
}
