package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// tapIcon is an icon that runs a function when tapped. It takes no keyboard focus, so
// the icons inside an entry do not add stops to the Tab order.
type tapIcon struct {
	widget.Icon
	onTap func()
}

func newTapIcon(res fyne.Resource, onTap func()) *tapIcon {
	t := &tapIcon{onTap: onTap}
	t.Resource = res
	t.ExtendBaseWidget(t)
	return t
}

// Tapped runs the icon's function.
func (t *tapIcon) Tapped(*fyne.PointEvent) {
	if t.onTap != nil {
		t.onTap()
	}
}

// Cursor shows a pointer over the icon.
func (t *tapIcon) Cursor() desktop.Cursor { return desktop.PointerCursor }

// chip shows one name of a list with a ✕ that removes it. Like tapIcon it takes no
// focus: from the keyboard, Backspace in the empty entry removes the last chip.
type chip struct {
	widget.BaseWidget
	Text     string
	OnRemove func()
}

func newChip(text string, onRemove func()) *chip {
	c := &chip{Text: text, OnRemove: onRemove}
	c.ExtendBaseWidget(c)
	return c
}

// Tapped removes the chip when the tap falls on its ✕.
func (c *chip) Tapped(ev *fyne.PointEvent) {
	th := c.Theme()
	if ev.Position.X >= c.Size().Width-th.Size(theme.SizeNameInlineIcon)-2*th.Size(theme.SizeNamePadding) && c.OnRemove != nil {
		c.OnRemove()
	}
}

// Cursor shows a pointer over the chip.
func (c *chip) Cursor() desktop.Cursor { return desktop.PointerCursor }

// CreateRenderer draws a rounded background, the name and the ✕.
func (c *chip) CreateRenderer() fyne.WidgetRenderer {
	r := &chipRenderer{c: c, bg: &canvas.Rectangle{}, text: &canvas.Text{}, icon: &canvas.Image{}}
	r.Refresh()
	return r
}

type chipRenderer struct {
	c    *chip
	bg   *canvas.Rectangle
	text *canvas.Text
	icon *canvas.Image
}

func (r *chipRenderer) metrics() (pad, icon float32) {
	th := r.c.Theme()
	return th.Size(theme.SizeNamePadding), th.Size(theme.SizeNameInlineIcon) * 0.8
}

func (r *chipRenderer) Layout(size fyne.Size) {
	pad, icon := r.metrics()
	r.bg.Resize(size)
	ts := r.text.MinSize()
	r.text.Move(fyne.NewPos(2*pad, (size.Height-ts.Height)/2))
	r.text.Resize(ts)
	r.icon.Move(fyne.NewPos(size.Width-pad-icon, (size.Height-icon)/2))
	r.icon.Resize(fyne.NewSquareSize(icon))
}

func (r *chipRenderer) MinSize() fyne.Size {
	pad, icon := r.metrics()
	ts := r.text.MinSize()
	return fyne.NewSize(2*pad+ts.Width+pad+icon+pad, fyne.Max(ts.Height, icon)+pad)
}

func (r *chipRenderer) Refresh() {
	th := r.c.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	r.bg.FillColor = th.Color(theme.ColorNameInputBackground, v)
	r.bg.StrokeColor = th.Color(theme.ColorNameInputBorder, v)
	r.bg.StrokeWidth = 1
	r.bg.CornerRadius = th.Size(theme.SizeNameInputRadius)
	r.text.Text = r.c.Text
	r.text.Color = th.Color(theme.ColorNameForeground, v)
	r.text.TextSize = th.Size(theme.SizeNameText)
	r.icon.Resource = th.Icon(theme.IconNameCancel)
	r.bg.Refresh()
	r.text.Refresh()
	r.icon.Refresh()
}

func (r *chipRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.bg, r.text, r.icon}
}

func (r *chipRenderer) Destroy() {}
