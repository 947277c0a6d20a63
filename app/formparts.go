package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// labelsOf lists the labels of m under keys, in that order.
func labelsOf(m map[string]*widget.Label, keys []string) []*widget.Label {
	out := make([]*widget.Label, len(keys))
	for i, k := range keys {
		out[i] = m[k]
	}
	return out
}

// visibility is a fingerprint of which of labels show and how long their texts are, to
// tell when a form needs laying out again.
func visibility(labels ...*widget.Label) string {
	var b strings.Builder
	for _, l := range labels {
		if l.Visible() {
			fmt.Fprintf(&b, "%d,", len(l.Text))
		} else {
			b.WriteString("-,")
		}
	}
	return b.String()
}

// fieldLabel names a field in the form's left column.
func fieldLabel(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
}

// newErrorLabel is the hidden, red, wrapping label that shows a field's problem.
func newErrorLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Importance = widget.DangerImportance
	l.Wrapping = fyne.TextWrapWord
	l.Hide()
	return l
}

// setError shows msg in l, or hides l when msg is empty.
func setError(l *widget.Label, msg string) {
	if msg == "" {
		l.Hide()
		return
	}
	l.SetText(msg)
	l.Show()
}

// newPreviewLabel is the label under a date that says how it is understood.
func newPreviewLabel() *widget.Label {
	l := widget.NewLabel("")
	l.TextStyle.Italic = true
	l.Wrapping = fyne.TextWrapWord
	return l
}

// sentence starts msg with a capital letter.
func sentence(msg string) string {
	if msg == "" {
		return msg
	}
	return strings.ToUpper(msg[:1]) + msg[1:]
}

// buttonBar is the row at the foot of a form: a reminder of the keys, then the buttons.
func buttonBar(cancel, save fyne.CanvasObject) fyne.CanvasObject {
	hint := widget.NewLabel("Ctrl+Enter saves · Esc cancels")
	hint.SizeName = theme.SizeNameCaptionText
	return container.NewBorder(nil, nil, hint, container.NewHBox(cancel, save))
}

// focusOn focuses target, or fallback when target is nil, on the canvas of win. (The
// desktop driver knows an object's canvas only once it has been drawn, so a form just
// shown must name its window.)
func focusOn(win fyne.Window, fallback, target fyne.Focusable) {
	if target == nil {
		target = fallback
	}
	if win != nil {
		win.Canvas().Focus(target)
	}
}

// formFrame is the scrolling body of a form in a dialog: it lays the form out again when
// a row changes height (an error shown, a chip added) and grows the dialog, within the
// window, so the whole form shows without scrolling when there is room.
type formFrame struct {
	grid   *fyne.Container
	scroll *container.Scroll
	fit    func()
}

// attach sizes d to show the whole form at the given width, and to grow with it.
func (fr *formFrame) attach(win fyne.Window, d dialog.Dialog, width float32) {
	var last fyne.Size
	fr.fit = func() {
		h := d.MinSize().Height - fr.scroll.MinSize().Height + fr.scroll.Content.MinSize().Height
		if s := fitSize(win, fyne.NewSize(width, h)); s.Height > last.Height || s.Width != last.Width {
			d.Resize(s)
			last = s
		}
	}
	fr.fit()
}

// relayout places the rows again and grows the dialog to fit them.
func (fr *formFrame) relayout() {
	fr.grid.Refresh()
	fr.scroll.Refresh()
	if fr.fit != nil {
		fr.fit()
	}
}

// fitSize is want, shrunk to leave a margin inside win.
func fitSize(win fyne.Window, want fyne.Size) fyne.Size {
	have := win.Canvas().Size()
	if have.Width > 0 && have.Width-40 < want.Width {
		want.Width = have.Width - 40
	}
	if have.Height > 0 && have.Height-40 < want.Height {
		want.Height = have.Height - 40
	}
	return want
}
