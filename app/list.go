package app

import (
	"image/color"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/chronoscope/chronoscope/app/timelineview"
	"github.com/chronoscope/chronoscope/timeline"
)

// eventList is the list of the events in view as a table: a column each for the date,
// title, lane, actors, tags, best source grade and number of sources, and any of the
// events' attributes the analyst turns on. A click on a header sorts by it, another
// reverses; the columns shown, their order and widths are kept in the case. Its rows
// are virtual (a screenful of cells whatever the case size); a sort of a million rows
// runs off the UI goroutine. It hands Enter, Delete and the like to the window even
// while it has the keyboard focus.
type eventList struct {
	widget.Table
	u *ui
	// colours are the lanes' colours the case keeps, shown as a swatch by each lane's
	// name, the same as the timeline's; set on the UI goroutine.
	colours timelineview.LaneColours
	// reasons say, with a search, why each event matched (see titlePieces); matches
	// are, when highlighting, the events that did (nil: every event listed).
	reasons matchReasons
	matches map[string]bool

	cols []column // the columns shown, in order
	// chosen reports that the columns' widths are the analyst's (kept in the case, or
	// dragged): the date column is then not sized to the dates.
	chosen bool
	order  listOrder // the rows' order
	// rows are the positions in u.marks of the rows in order, inv the rows by position;
	// both nil for the marks' own order.
	rows, inv []int32
	sortGen   int // counts sorts: one that lands after another began is dropped
	facts     factCache
	mods      fyne.KeyModifier // the keys held when the button went down
	headers   []*headerCell
	follow    *widget.Check // Follow the view
	columnsBt *widget.Button
	box       *fyne.Container
}

func newEventList(u *ui) *eventList {
	l := &eventList{u: u, cols: defaultColumns()}
	l.setReasons("", nil)
	l.facts.reset()
	l.Length = func() (int, int) { return l.rowCount(), len(l.cols) }
	l.CreateCell = newListCell
	l.UpdateCell = l.updateCell
	l.ShowHeaderRow = true
	l.CreateHeader = func() fyne.CanvasObject {
		h := newHeaderCell(l)
		l.headers = append(l.headers, h)
		return h
	}
	l.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < len(l.cols) {
			o.(*headerCell).setColumn(id.Col)
		}
	}
	l.OnSelected = l.clicked
	l.ExtendBaseWidget(l)
	l.applyWidths()
	l.follow = widget.NewCheck("Follow the view", func(on bool) {
		if on {
			l.followView()
		}
	})
	l.follow.Checked = true
	l.columnsBt = widget.NewButtonWithIcon("Columns", theme.ListIcon(), l.showColumnsMenu)
	l.columnsBt.Importance = widget.LowImportance
	l.box = container.NewBorder(nil, container.NewHBox(l.follow, l.columnsBt), nil, nil, l)
	return l
}

// scroll is the list with its bar (Follow the view, Columns), for the window.
func (l *eventList) scroll() fyne.CanvasObject { return l.box }

// rowCount is how many rows the list has.
func (l *eventList) rowCount() int { return l.u.marks.Len() }

// posOf is the position in the marks of row r.
func (l *eventList) posOf(r int) int {
	if l.rows != nil && r < len(l.rows) {
		return int(l.rows[r])
	}
	return r
}

// rowOf is the row of the event with id, when it is listed.
func (l *eventList) rowOf(id string) (int, bool) {
	pos, ok := l.u.marks.Find(id)
	if !ok {
		return 0, false
	}
	if l.inv != nil && pos < len(l.inv) {
		return int(l.inv[pos]), true
	}
	return pos, true
}

// selectRow selects the event of row r alone, as a click on it does.
func (l *eventList) selectRow(r int) {
	if r >= 0 && r < l.rowCount() {
		l.u.selectEvent(l.u.marks.ID(l.posOf(r)), "list")
		l.scrollToRow(r)
	}
}

// scrollToRow scrolls the list so that row r is in view. The table, scrolling up to a
// row, leaves it under the header row (Fyne 2.8 counts the header's height twice), so
// the row above is scrolled to as well, or the top for the first row.
func (l *eventList) scrollToRow(r int) {
	if r < 0 || r >= l.rowCount() {
		return
	}
	col := l.visibleCol()
	l.Table.ScrollTo(widget.TableCellID{Row: r, Col: col})
	if r == 0 {
		l.Table.ScrollToTop()
		return
	}
	l.Table.ScrollTo(widget.TableCellID{Row: r - 1, Col: col})
}

// visibleCol is a column on screen, so that scrolling to a row keeps the columns where
// they are.
func (l *eventList) visibleCol() int {
	for _, h := range l.headers {
		if h.col >= 0 && h.col < len(l.cols) && h.Visible() && h.Position().X >= 0 {
			return h.col
		}
	}
	return 0
}

// clicked is a click on a cell: the row's event selected alone, or, with Ctrl or
// Shift held, added to the selection (see extendSelection).
func (l *eventList) clicked(id widget.TableCellID) {
	mods := l.mods | currentModifiers()
	l.mods = 0
	l.Table.UnselectAll() // the selection is the window's, drawn by the cells
	if id.Row < 0 || id.Row >= l.rowCount() {
		return
	}
	ev := l.u.marks.ID(l.posOf(id.Row))
	if mods&(fyne.KeyModifierControl|fyne.KeyModifierSuper|fyne.KeyModifierShift) != 0 {
		l.u.extendSelection(ev, mods, "list")
		return
	}
	l.u.selectEvent(ev, "list")
}

// currentModifiers are the keys the desktop driver says are held (none with the test
// driver).
func currentModifiers() fyne.KeyModifier {
	if a := fyne.CurrentApp(); a != nil {
		if d, ok := a.Driver().(desktop.Driver); ok {
			return d.CurrentKeyModifiers()
		}
	}
	return 0
}

// MouseDown notes the keys held with the button, for the click that follows.
func (l *eventList) MouseDown(e *desktop.MouseEvent) {
	l.mods = e.Modifier
	l.Table.MouseDown(e)
}

// DragEnd ends a drag of a header's edge: the widths the columns now have are kept.
func (l *eventList) DragEnd() {
	l.Table.DragEnd()
	changed := false
	for _, h := range l.headers {
		if h.col < 0 || h.col >= len(l.cols) || !h.Visible() {
			continue
		}
		if w := h.Size().Width; w > 0 && (w-l.cols[h.col].width > 0.5 || l.cols[h.col].width-w > 0.5) {
			l.cols[h.col].width = w
			changed = true
		}
	}
	if changed {
		l.chosen = true
		l.u.saveColumns()
	}
}

// applyWidths gives each column its width.
func (l *eventList) applyWidths() {
	for i, c := range l.cols {
		l.SetColumnWidth(i, c.width)
	}
}

// setColumns shows cols, in order, with their widths; chosen says they are the
// analyst's.
func (l *eventList) setColumns(cols []column, chosen bool) {
	l.cols, l.chosen = cols, chosen
	l.applyWidths()
	l.Refresh()
}

// fitDates widens the date column, unless the analyst chose its width, for the longest
// of the dates of marks (in a sample of a few thousand spread over a large case).
func (l *eventList) fitDates(marks *timeline.Marks) {
	if l.chosen {
		return
	}
	longest := "~05 Sep 2023"
	step := max(marks.Len()/4000, 1)
	for i := 0; i < marks.Len(); i += step {
		if d := markDate(marks, i); utf8.RuneCountInString(d) > utf8.RuneCountInString(longest) {
			longest = d
		}
	}
	w := fyne.MeasureText(longest+"0", theme.TextSize(), fyne.TextStyle{}).Width + 2*theme.InnerPadding()
	for i, c := range l.cols {
		if c.key == "date" && c.width < w {
			l.cols[i].width = w
			l.SetColumnWidth(i, w)
		}
	}
}

// updateCell shows the value of column id.Col for the event of row id.Row.
func (l *eventList) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	u := l.u
	if id.Row >= u.marks.Len() || id.Col >= len(l.cols) {
		return
	}
	c := o.(*fyne.Container)
	bg, text, swatch := c.Objects[0].(*canvas.Rectangle), c.Objects[1].(*matchLine), c.Objects[2].(*canvas.Rectangle)
	i := l.posOf(id.Row)
	ev := u.marks.ID(i)
	bg.FillColor = color.Transparent
	if u.sel.Has(ev) || (u.sel.Len() == 0 && ev == u.selected) {
		bg.FillColor = theme.Color(theme.ColorNameSelection)
	}
	bg.Refresh()
	key := l.cols[id.Col].key
	swatch.Hide()
	switch key {
	case "title":
		text.SetPieces(l.titlePieces(i))
		c.Layout.Layout(c.Objects, c.Size())
		return
	case "lane":
		l.paintSwatch(swatch, u.marks.Lane(i))
	}
	text.SetPieces([]piece{{text: l.cellText(i, key)}})
	c.Layout.Layout(c.Objects, c.Size()) // the swatch shown or hidden
}

// cellText is what column key shows of mark i (a fact column: "" until it is read).
func (l *eventList) cellText(i int, key string) string {
	m := l.u.marks
	if text, ok := markText(m, i, key); ok {
		return text
	}
	f, _ := l.factFor(m.ID(i))
	return factText(key, f)
}

// markText is what column key shows of mark i, for a column the marks hold.
func markText(m *timeline.Marks, i int, key string) (string, bool) {
	switch key {
	case "date":
		return markDate(m, i), true
	case "title":
		return m.Title(i), true
	case "lane":
		return m.Lane(i), true
	case "actors":
		return strings.Join(m.Actors(i), ", "), true
	case "tags":
		return strings.Join(m.Tags(i), ", "), true
	}
	return "", false
}

// paintSwatch shows the lane's colour as a square before its name; a lane of the
// palette's second series has a hollow one (see Shaded), no lane none.
func (l *eventList) paintSwatch(swatch *canvas.Rectangle, lane string) {
	if lane == "" {
		return
	}
	col := l.colours.Of(lane)
	swatch.FillColor, swatch.StrokeColor, swatch.StrokeWidth = col, col, 0
	if timelineview.Shaded(col) {
		swatch.FillColor, swatch.StrokeWidth = color.Transparent, 2
	}
	swatch.Show()
	swatch.Refresh()
}

// newListCell is a cell of the list: the selection's background, the text, and the
// lane's swatch (shown in the lane column).
func newListCell() fyne.CanvasObject {
	bg := canvas.NewRectangle(color.Transparent)
	swatch := canvas.NewRectangle(color.Transparent)
	swatch.CornerRadius = 2
	swatch.Hide()
	return container.New(cellLayout{}, bg, newMatchLine(), swatch)
}

// cellLayout lays out a cell: the background over all of it, the swatch (when shown) at
// the left and the text after it.
type cellLayout struct{}

func (cellLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	bg, text, swatch := objects[0], objects[1], objects[2]
	bg.Move(fyne.NewPos(0, 0))
	bg.Resize(size)
	x := float32(0)
	if swatch.Visible() {
		side := theme.TextSize() * 0.8
		swatch.Move(fyne.NewPos(theme.InnerPadding()/2, (size.Height-side)/2))
		swatch.Resize(fyne.NewSize(side, side))
		x = side + theme.InnerPadding()/2
	}
	text.Move(fyne.NewPos(x, 0))
	text.Resize(fyne.NewSize(max(size.Width-x, 0), size.Height))
}

func (cellLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(40, objects[1].MinSize().Height)
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
