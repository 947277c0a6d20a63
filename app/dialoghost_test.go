package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// onScreen is what the topmost dialog of kind T on u's window is made of (the event form,
// the import preview, Find events in text), found on the canvas as the analyst sees it;
// the zero T when no such dialog is open.
func onScreen[T any](u *ui) T { return onCanvas[T](u.win.Canvas()) }

// onCanvas is onScreen on the canvas c of any window.
func onCanvas[T any](c fyne.Canvas) T {
	overlays := c.Overlays().List()
	for i := len(overlays) - 1; i >= 0; i-- {
		if v, ok := bodyIn[T](overlays[i]); ok {
			return v
		}
	}
	var zero T
	return zero
}

// bodyIn looks through o, its containers and its widgets' renderers for a dialogBody of T.
func bodyIn[T any](o fyne.CanvasObject) (T, bool) {
	var zero T
	if o == nil || !o.Visible() {
		return zero, false
	}
	if b, ok := o.(*dialogBody[T]); ok {
		return b.of, true
	}
	var children []fyne.CanvasObject
	switch x := o.(type) {
	case *fyne.Container:
		children = x.Objects
	case fyne.Widget:
		children = test.WidgetRenderer(x).Objects()
	}
	for _, c := range children {
		if v, ok := bodyIn[T](c); ok {
			return v, true
		}
	}
	return zero, false
}
