package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// focusPane makes the detail pane a stop of the keyboard's Tab order, after the timeline
// and the list (Shift+Tab goes back): with the focus, Up and Down scroll it a line, Page
// Up and Page Down a page, Home and End to its ends, and the window's keys (Enter edits,
// Delete, Escape, ] and [...) act as they do on the list. A frame in the theme's focus
// colour shows that it has the focus; a click on the pane gives it the focus.
type focusPane struct {
	widget.BaseWidget
	u       *ui
	scroll  *container.Scroll
	frame   *canvas.Rectangle
	focused bool
}

func newFocusPane(u *ui, scroll *container.Scroll) *focusPane {
	p := &focusPane{u: u, scroll: scroll, frame: canvas.NewRectangle(color.Transparent)}
	p.ExtendBaseWidget(p)
	return p
}

// CreateRenderer is part of the widget interface.
func (p *focusPane) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(p.scroll, p.frame))
}

// Refresh shows or hides the focus frame.
func (p *focusPane) Refresh() {
	p.frame.StrokeWidth = 0
	if p.focused {
		p.frame.StrokeColor = theme.Color(theme.ColorNameFocus)
		p.frame.StrokeWidth = 2
	}
	p.frame.Refresh()
	p.BaseWidget.Refresh()
}

// Tapped gives the pane the focus.
func (p *focusPane) Tapped(*fyne.PointEvent) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(p); c != nil {
		c.Focus(p)
	}
}

// FocusGained is part of fyne.Focusable.
func (p *focusPane) FocusGained() { p.focused = true; p.Refresh() }

// FocusLost is part of fyne.Focusable.
func (p *focusPane) FocusLost() { p.focused = false; p.Refresh() }

// TypedRune hands the window's keys (] [ + - F) on.
func (p *focusPane) TypedRune(r rune) { p.u.viewRune(r) }

// TypedKey scrolls the pane, or hands the key to the window.
func (p *focusPane) TypedKey(k *fyne.KeyEvent) {
	line := theme.TextSize() * 1.5
	page := max(p.scroll.Size().Height-line, line)
	switch k.Name {
	case fyne.KeyUp:
		p.scrollBy(-line)
	case fyne.KeyDown:
		p.scrollBy(line)
	case fyne.KeyPageUp:
		p.scrollBy(-page)
	case fyne.KeyPageDown:
		p.scrollBy(page)
	case fyne.KeyHome:
		p.scroll.ScrollToTop()
	case fyne.KeyEnd:
		p.scroll.ScrollToBottom()
	default:
		p.u.viewKey(k)
	}
}

// scrollBy scrolls the pane by dy, within its content.
func (p *focusPane) scrollBy(dy float32) {
	most := max(p.scroll.Content.MinSize().Height-p.scroll.Size().Height, 0)
	p.scroll.Offset.Y = min(max(p.scroll.Offset.Y+dy, 0), most)
	p.scroll.Refresh()
}
