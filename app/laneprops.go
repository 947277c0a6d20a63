package app

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/chronoscope/chronoscope/timeline"
)

// paletteNames name timeline.LanePalette's colours, in its order, for the lane form.
var paletteNames = []string{"Blue", "Orange", "Bluish green", "Vermillion", "Sky blue", "Reddish purple", "Yellow"}

// colourOf reads a colour chosen in the lane form: a palette colour's name or #rrggbb.
func colourOf(s string) (string, error) {
	s = strings.TrimSpace(s)
	for i, n := range paletteNames {
		if strings.EqualFold(s, n) {
			return timeline.LanePalette[i], nil
		}
	}
	if _, err := timeline.ParseColour(s); err != nil {
		return "", err
	}
	return strings.ToUpper(s), nil
}

// nameOfColour is how the lane form shows a colour: its palette name, else #rrggbb.
func nameOfColour(c string) string {
	for i, p := range timeline.LanePalette {
		if strings.EqualFold(p, c) {
			return paletteNames[i]
		}
	}
	return c
}

// laneProperties shows every lane of the case with its colour, to change (Edit > Lane
// properties). The colours are the case's: the window, the list, the snapshot and the
// charts all use them.
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
			u.showLaneForm(k, lanes)
		}
	})
}

// showLaneForm is the form of laneProperties.
func (u *ui) showLaneForm(k timeline.LaneKeeper, lanes []timeline.LaneInfo) {
	if len(lanes) == 0 {
		u.setStatus("This case has no lanes yet: a lane appears with its first event")
		return
	}
	var items []*widget.FormItem
	choices := make([]*widget.SelectEntry, len(lanes))
	for i, l := range lanes {
		swatch := canvas.NewRectangle(nil)
		if c, err := timeline.ParseColour(l.Colour); err == nil {
			swatch.FillColor = c
		}
		swatch.SetMinSize(fyne.NewSize(18, 18))
		sel := widget.NewSelectEntry(paletteNames)
		sel.SetText(nameOfColour(l.Colour))
		sel.Validator = func(s string) error { _, err := colourOf(s); return err }
		sel.OnChanged = func(s string) {
			if v, err := colourOf(s); err == nil {
				swatch.FillColor, _ = timeline.ParseColour(v)
				swatch.Refresh()
			}
		}
		choices[i] = sel
		items = append(items, widget.NewFormItem(l.Name, container.NewBorder(nil, nil, container.NewCenter(swatch), nil, sel)))
	}
	d := dialog.NewForm("Lane properties", "Save", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		var changed []timeline.LaneInfo
		for i, l := range lanes {
			if c, err := colourOf(choices[i].Text); err == nil && !strings.EqualFold(c, l.Colour) {
				l.Colour = c
				changed = append(changed, l)
			}
		}
		if len(changed) == 0 {
			return
		}
		j := u.newJob("saving the lanes' colours", "")
		j.run(func() func() {
			var err error
			for _, l := range changed {
				if err = k.SetLane(context.Background(), l); err != nil {
					break
				}
			}
			return func() {
				if err != nil {
					u.showError(fmt.Errorf("save the lanes' colours: %w", err))
				}
				u.refresh() // the timeline and the list take the new colours
			}
		})
	}, u.win)
	d.Resize(fyne.NewSize(480, min(float32(120+44*len(lanes)), 700)))
	d.Show()
}
