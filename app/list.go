package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/chronoscope/chronoscope/timeline"
)

// eventList is the list of the events in view, earliest first. It reuses a screenful of
// rows whatever the case size, and hands Enter, Delete and the like to the window even
// while it has the keyboard focus.
type eventList struct {
	widget.List
	u *ui
}

func newEventList(u *ui) *eventList {
	l := &eventList{u: u}
	l.Length = func() int { return len(u.marks) }
	l.CreateItem = func() fyne.CanvasObject {
		date := widget.NewLabel("2023-09-13/2023-09-13")
		date.TextStyle.Monospace = true
		title := widget.NewLabel("")
		title.Truncation = fyne.TextTruncateEllipsis
		lane := widget.NewLabel("")
		lane.Importance = widget.LowImportance
		return container.NewBorder(nil, nil, date, lane, title)
	}
	l.UpdateItem = func(i widget.ListItemID, o fyne.CanvasObject) {
		if i >= len(u.marks) {
			return
		}
		m := u.marks[i]
		c := o.(*fyne.Container)
		title, date, lane := c.Objects[0].(*widget.Label), c.Objects[1].(*widget.Label), c.Objects[2].(*widget.Label)
		title.SetText(m.Title)
		date.SetText(markDate(m))
		lane.SetText(m.Lane)
	}
	l.OnSelected = func(i widget.ListItemID) {
		if i < len(u.marks) {
			u.selectEvent(u.marks[i].ID, "list")
		}
	}
	l.ExtendBaseWidget(l)
	return l
}

// markDate is the short date column of the list: the start, and the end of a span, each
// said from its range ("1951", "Jul 1943", "~05 Sep 2023"; see timeline.RangeLabel).
func markDate(m timeline.Mark) string {
	s := timeline.RangeLabel(m.StartLo, m.StartHi)
	if m.Span {
		s += " to " + timeline.RangeLabel(m.EndLo, m.EndHi)
	}
	return s
}

// TypedKey lets the window handle Enter and Delete on the selected event.
func (l *eventList) TypedKey(k *fyne.KeyEvent) {
	if l.u.viewKey(k) {
		return
	}
	l.List.TypedKey(k)
}

func (l *eventList) scroll() fyne.CanvasObject { return l }
