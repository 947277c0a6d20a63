package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// fieldKeys wires a form's fields to its save and cancel: Ctrl+Enter saves from any
// field, Escape cancels from any field, select or button.
type fieldKeys struct{ save, cancel func() }

// isSaveShortcut reports whether s is Ctrl+Enter (Return or keypad Enter; Cmd on a Mac).
func isSaveShortcut(s fyne.Shortcut) bool {
	cs, ok := s.(*desktop.CustomShortcut)
	if !ok || cs == nil {
		return false
	}
	return (cs.KeyName == fyne.KeyReturn || cs.KeyName == fyne.KeyEnter) &&
		(cs.Modifier == fyne.KeyModifierControl || cs.Modifier == fyne.KeyModifierSuper)
}

func (k fieldKeys) shortcut(s fyne.Shortcut) bool {
	if isSaveShortcut(s) {
		k.save()
		return true
	}
	return false
}

func (k fieldKeys) wire(e *keyEntry) {
	e.Shortcut = k.shortcut
	e.OnEscape = k.cancel
}

// entry is a one-line field holding text; changed runs on later edits only.
func (k fieldKeys) entry(text, placeholder string, changed func(string)) *keyEntry {
	e := newKeyEntry()
	k.wire(e)
	e.SetText(text)
	e.PlaceHolder = placeholder
	e.OnChanged = changed
	return e
}

func (k fieldKeys) sel(options []string, changed func(string)) *keySelect {
	s := &keySelect{OnEscape: k.cancel}
	s.Options = options
	s.ExtendBaseWidget(s)
	s.OnChanged = changed
	return s
}

func (k fieldKeys) button(label string, icon fyne.Resource, tapped func()) *keyButton {
	b := &keyButton{OnEscape: k.cancel}
	b.Text, b.Icon, b.OnTapped = label, icon, tapped
	b.ExtendBaseWidget(b)
	return b
}

// keyButton is a button that Enter also presses and Escape hands to OnEscape.
type keyButton struct {
	widget.Button
	OnEscape func()
}

// TypedKey presses the button on Space or Enter and runs OnEscape on Escape.
func (b *keyButton) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyEscape:
		if b.OnEscape != nil {
			b.OnEscape()
		}
	case fyne.KeyReturn, fyne.KeyEnter:
		b.Tapped(nil)
	default:
		b.Button.TypedKey(k)
	}
}

// keySelect is a select that Escape hands to OnEscape; typing the first letter of a
// choice (4, B, n...) picks it.
type keySelect struct {
	widget.Select
	OnEscape func()
}

// TypedKey runs OnEscape on Escape; other keys work as in a Select.
func (s *keySelect) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape && s.OnEscape != nil {
		s.OnEscape()
		return
	}
	s.Select.TypedKey(k)
}

// TypedRune picks the first choice starting with r, ignoring case.
func (s *keySelect) TypedRune(r rune) {
	for _, o := range s.Options {
		if strings.HasPrefix(strings.ToLower(o), strings.ToLower(string(r))) {
			s.SetSelected(o)
			return
		}
	}
}

// textArea is a multi-line keyEntry that lets Tab move on to the next field, as
// analysts expect in a form, instead of typing a tab character.
type textArea struct{ keyEntry }

func newTextArea(rows int) *textArea {
	t := &textArea{}
	t.MultiLine = true
	t.Wrapping = fyne.TextWrapWord
	t.ExtendBaseWidget(t)
	t.SetMinRowsVisible(rows)
	return t
}

// AcceptsTab reports false so Tab leaves the field.
func (t *textArea) AcceptsTab() bool { return false }
