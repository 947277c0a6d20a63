package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/chronoscope/chronoscope/app/timelineview"
)

// findLane asks for the start of a lane's name and scrolls that lane to the top of the
// timeline as it is typed (View > Find lane, Ctrl+L): with Group by Actor on a large
// case there are hundreds of lanes.
func (u *ui) findLane() {
	if u.tl.Index() == nil {
		return
	}
	var names []string
	for _, l := range u.tl.Index().Lanes() {
		names = append(names, l.Name)
	}
	entry := widget.NewSelectEntry(names)
	entry.SetPlaceHolder("The start of a lane's name")
	found := widget.NewLabel("")
	entry.OnChanged = func(s string) {
		if s == "" || u.tl.RevealLane(s) {
			found.SetText("")
		} else {
			found.SetText("No lane starts with " + s)
		}
	}
	d := dialog.NewCustom("Find lane", "Close", widget.NewForm(widget.NewFormItem("Lane", entry), widget.NewFormItem("", found)), u.win)
	entry.OnSubmitted = func(string) { d.Hide() }
	d.Resize(fyne.NewSize(420, 160))
	d.Show()
	u.win.Canvas().Focus(entry)
}

// sortMenu is View > Sort lanes: by name, by event count, by first event, the current
// choice ticked.
func (u *ui) sortMenu() *fyne.MenuItem {
	it := fyne.NewMenuItem("Sort lanes", nil)
	choices := []struct {
		label string
		sort  timelineview.LaneSort
	}{{"As in the case (Lane properties)", timelineview.SortByCase}, {"By name", timelineview.SortByName},
		{"By event count", timelineview.SortByCount}, {"By first event", timelineview.SortByFirst}}
	var items []*fyne.MenuItem
	for _, c := range choices {
		mi := fyne.NewMenuItem(c.label, nil)
		mi.Checked = c.sort == u.tl.LaneSort()
		sort := c.sort
		mi.Action = func() {
			u.tl.SetLaneSort(sort)
			for _, o := range items {
				o.Checked = o == mi
			}
			u.menus.main.Refresh()
		}
		items = append(items, mi)
	}
	it.ChildMenu = fyne.NewMenu("", items...)
	return it
}
