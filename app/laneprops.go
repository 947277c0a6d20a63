package app

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/chronoscope/chronoscope/timeline"
)

// paletteNames name timeline.LanePalette's colours, then timeline.LaneShades', in their
// order, for the lane form.
var paletteNames = []string{"Blue", "Orange", "Bluish green", "Vermillion", "Sky blue", "Reddish purple", "Yellow",
	"Mid blue", "Ochre", "Dark green", "Brown", "Steel blue", "Pink", "Olive"}

// paletteColours are the colours paletteNames name.
func paletteColours() []string {
	return append(append([]string{}, timeline.LanePalette...), timeline.LaneShades...)
}

// colourOf reads a colour chosen in the lane form: a palette colour's name or #rrggbb.
func colourOf(s string) (string, error) {
	s = strings.TrimSpace(s)
	for i, n := range paletteNames {
		if strings.EqualFold(s, n) {
			return paletteColours()[i], nil
		}
	}
	if _, err := timeline.ParseColour(s); err != nil {
		return "", err
	}
	return strings.ToUpper(s), nil
}

// nameOfColour is how the lane form shows a colour: its palette name, else #rrggbb.
func nameOfColour(c string) string {
	for i, p := range paletteColours() {
		if strings.EqualFold(p, c) {
			return paletteNames[i]
		}
	}
	return c
}

// laneProperties shows every lane of the case with its colour and its place, to change
// (Edit > Lane properties). The colours are the case's: the window, the list, the
// snapshot and the charts all use them; the timeline draws the lanes in the case's order
// (View > Sort lanes > As in the case).
func (u *ui) laneProperties() {
	k, ok := u.store.(timeline.LaneKeeper)
	if !ok || !u.writable() {
		return
	}
	store := u.store
	u.background(func() func() {
		lanes, err := k.Lanes(context.Background())
		return func() {
			if store != u.store {
				return
			}
			if err != nil {
				u.showError(fmt.Errorf("read the lanes: %w", err))
				return
			}
			u.showLaneForm(lanes)
		}
	})
}

// laneForm is the Lane properties dialog: a row per lane, in the case's order, with its
// colour to choose and buttons that move it up and down.
type laneForm struct {
	u       *ui
	lanes   []timeline.LaneInfo // as the case keeps them, by position
	order   []int               // the rows from the top: indexes into lanes
	choices []*widget.SelectEntry
	rows    *fyne.Container
	dlg     dialog.Dialog
}

// showLaneForm opens the form of laneProperties.
func (u *ui) showLaneForm(lanes []timeline.LaneInfo) {
	if len(lanes) == 0 {
		u.setStatus("This case has no lanes yet: a lane appears with its first event")
		return
	}
	f := &laneForm{u: u, lanes: lanes, rows: container.NewVBox()}
	for i, l := range lanes {
		f.order = append(f.order, i)
		sel := widget.NewSelectEntry(paletteNames)
		sel.SetText(nameOfColour(l.Colour))
		sel.Validator = func(s string) error { _, err := colourOf(s); return err }
		f.choices = append(f.choices, sel)
	}
	f.build()
	hint := widget.NewLabel("The timeline draws the lanes in this order (View > Sort lanes > As in the case). Ctrl+Z undoes a change.")
	hint.Wrapping = fyne.TextWrapWord
	hint.Importance = widget.LowImportance
	content := container.NewBorder(nil, hint, nil, nil, container.NewVScroll(f.rows))
	f.dlg = dialog.NewCustomConfirm("Lane properties", "Save", "Cancel", newDialogBody(f, content), func(ok bool) {
		if ok {
			f.save()
		}
	}, u.win)
	// Room for every row, the hint, the title and the buttons (fitSize keeps it in the
	// window; more lanes scroll).
	h := f.rows.MinSize().Height + hint.MinSize().Height + 10*theme.TextSize()
	f.dlg.Resize(fitSize(u.win, fyne.NewSize(36*theme.TextSize(), h)))
	f.dlg.Show()
}

// build lays the rows out in their order.
func (f *laneForm) build() {
	f.rows.RemoveAll()
	for at, i := range f.order {
		l := f.lanes[i]
		swatch := canvas.NewRectangle(nil)
		swatch.SetMinSize(fyne.NewSquareSize(theme.TextSize() * 1.3))
		sel := f.choices[i]
		show := func(s string) {
			if v, err := colourOf(s); err == nil {
				swatch.FillColor, _ = timeline.ParseColour(v)
				swatch.Refresh()
			}
		}
		show(sel.Text)
		sel.OnChanged = show
		up := widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { f.move(at, -1) })
		down := widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { f.move(at, 1) })
		if at == 0 {
			up.Disable()
		}
		if at == len(f.order)-1 {
			down.Disable()
		}
		name := widget.NewLabel(l.Name)
		name.Truncation = fyne.TextTruncateEllipsis
		left := container.NewHBox(container.NewCenter(swatch), up, down)
		f.rows.Add(container.NewBorder(nil, nil, left, nil, container.NewGridWithColumns(2, name, sel)))
	}
	f.rows.Refresh()
}

// move moves the row at place at by step (-1 up, 1 down).
func (f *laneForm) move(at, step int) {
	to := at + step
	if to < 0 || to >= len(f.order) {
		return
	}
	f.order[at], f.order[to] = f.order[to], f.order[at]
	f.build()
}

// change is what the form would change: the lanes whose colour or place differ, as
// they were and as they become, numbered from 0 in the form's order.
func (f *laneForm) change() (before, after []timeline.LaneInfo, bad []string) {
	for at, i := range f.order {
		l := f.lanes[i]
		now := l
		now.Position = at
		if c, err := colourOf(f.choices[i].Text); err == nil {
			now.Colour = c
		} else {
			bad = append(bad, l.Name)
		}
		if now.Position != l.Position || !strings.EqualFold(now.Colour, l.Colour) {
			before, after = append(before, l), append(after, now)
		}
	}
	return before, after, bad
}

// save writes the change as one step of the history.
func (f *laneForm) save() {
	u := f.u
	before, after, bad := f.change()
	if len(bad) > 0 {
		u.setStatus("Lane properties: not a colour for " + strings.Join(bad, ", ") + "; those lanes keep theirs")
	}
	if len(after) == 0 {
		return
	}
	c := timeline.Change{Label: "change the lanes", LanesBefore: before, LanesAfter: after}
	j := u.newJob("saving the lanes", "")
	j.run(func() func() {
		err := j.history.Apply(context.Background(), &c)
		return func() {
			if err != nil {
				u.showError(fmt.Errorf("save the lanes: %w", err))
				return
			}
			u.menus.update() // Undo names the change
			u.pendingStatus = "Done: " + c.Label + " (Ctrl+Z undoes it)"
			u.refresh() // the timeline and the list take the new colours and order
		}
	})
}
