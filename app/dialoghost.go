package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// dialogBody is the content of a dialog built from a struct of widgets (the event form,
// the import preview, Find events in text): it draws content and carries the struct, so
// what a dialog on screen is made of can be found from the canvas, as a reader of the
// window finds it, and the window need not keep it.
type dialogBody[T any] struct {
	widget.BaseWidget
	content fyne.CanvasObject
	of      T
}

// newDialogBody wraps the content of the dialog of v.
func newDialogBody[T any](v T, content fyne.CanvasObject) *dialogBody[T] {
	b := &dialogBody[T]{content: content, of: v}
	b.ExtendBaseWidget(b)
	return b
}

// CreateRenderer draws the content.
func (b *dialogBody[T]) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(b.content)
}
