package app

import (
	"image/color"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/chronoscope/chronoscope/app/timelineview"
	"github.com/chronoscope/chronoscope/timeline"
)

// eventList is the list of the events in view, earliest first. It reuses a screenful of
// rows whatever the case size, and hands Enter, Delete and the like to the window even
// while it has the keyboard focus.
type eventList struct {
	widget.List
	u *ui
	// dateWidth is the width of the date column: room for a day, or for a day to a day
	// when some event in the list is a span. Set on the UI goroutine by setMarks.
	dateWidth float32
	// colours are the lanes' colours the case keeps, shown as a swatch by each lane's
	// name, the same as the timeline's; set on the UI goroutine.
	colours timelineview.LaneColours
	// reasons say, with a search, why each event matched (see titlePieces); matches
	// are, when highlighting, the events that did (nil: every event listed).
	reasons matchReasons
	matches map[string]bool
}

func newEventList(u *ui) *eventList {
	l := &eventList{u: u}
	l.setReasons("", nil)
	l.Length = func() int { return u.marks.Len() }
	l.CreateItem = func() fyne.CanvasObject {
		date := widget.NewLabel("")
		date.TextStyle.Monospace = true
		date.Truncation = fyne.TextTruncateEllipsis
		title := newMatchLine()
		lane := widget.NewLabel("")
		swatch := canvas.NewRectangle(color.Transparent)
		swatch.CornerRadius = 2
		return container.New(listRow{l}, title, date, lane, swatch)
	}
	l.UpdateItem = func(i widget.ListItemID, o fyne.CanvasObject) {
		if i >= u.marks.Len() {
			return
		}
		c := o.(*fyne.Container)
		title, date, lane := c.Objects[0].(*matchLine), c.Objects[1].(*widget.Label), c.Objects[2].(*widget.Label)
		title.SetPieces(l.titlePieces(i))
		date.SetText(markDate(u.marks, i))
		lane.SetText(u.marks.Lane(i))
		swatch := c.Objects[3].(*canvas.Rectangle)
		col := l.colours.Of(u.marks.Lane(i))
		// A lane of the palette's second series has a hollow swatch (see Shaded).
		swatch.FillColor, swatch.StrokeColor, swatch.StrokeWidth = col, col, 0
		if timelineview.Shaded(col) {
			swatch.FillColor, swatch.StrokeWidth = color.Transparent, 2
		}
		swatch.Refresh()
	}
	l.OnSelected = func(i widget.ListItemID) {
		if i < u.marks.Len() {
			u.selectEvent(u.marks.ID(i), "list")
		}
	}
	l.ExtendBaseWidget(l)
	l.sizeDates(nil)
	return l
}

// sizeDates sets the date column for marks: as wide as the longest of their dates (in a
// sample of a few thousand spread over the list, for a large case), and at least a day
// ("~05 Sep 2023"), so that the titles line up. The dates are monospace: their width is
// their length.
func (l *eventList) sizeDates(marks *timeline.Marks) {
	longest := len("~05 Sep 2023")
	step := max(marks.Len()/4000, 1)
	for i := 0; i < marks.Len(); i += step {
		longest = max(longest, utf8.RuneCountInString(markDate(marks, i)))
	}
	char := fyne.MeasureText("0", theme.TextSize(), fyne.TextStyle{Monospace: true}).Width
	l.dateWidth = float32(longest+1)*char + 2*theme.InnerPadding() // a character to spare: fonts round
}

// listRow lays out a row of the list: the date in a column of the list's date width,
// the lane at the right as wide as its name, the title between them.
type listRow struct{ l *eventList }

func (r listRow) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	title, date, lane, swatch := objects[0], objects[1], objects[2], objects[3]
	dw := min(r.l.dateWidth, size.Width/2)
	lw := min(lane.MinSize().Width, size.Width/4)
	if lane.(*widget.Label).Text == "" {
		lw = 0
	}
	// The swatch: a square of the lane's colour before the lane's name (grey for none).
	side := theme.TextSize() * 0.8
	date.Move(fyne.NewPos(0, 0))
	date.Resize(fyne.NewSize(dw, size.Height))
	lane.Move(fyne.NewPos(size.Width-lw, 0))
	lane.Resize(fyne.NewSize(lw, size.Height))
	swatch.Move(fyne.NewPos(size.Width-lw-side-2, (size.Height-side)/2))
	swatch.Resize(fyne.NewSize(side, side))
	title.Move(fyne.NewPos(dw, 0))
	title.Resize(fyne.NewSize(max(size.Width-dw-lw-side-4, 0), size.Height))
}

func (r listRow) MinSize(objects []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objects {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(r.l.dateWidth+objects[0].MinSize().Width, h)
}

// markDate is the short date column of the list: the start, and the end of a span, each
// said from its range ("1951", "Jul 1943", "~05 Sep 2023"; see timeline.RangeLabel).
func markDate(m *timeline.Marks, i int) string {
	s := timeline.RangeLabel(m.StartLo(i), m.StartHi(i))
	if m.Span(i) {
		s += " to " + timeline.RangeLabel(m.EndLo(i), m.EndHi(i))
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
