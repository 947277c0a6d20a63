package app

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// headerCell is a column's header: its name, with an arrow when the list is sorted by
// it. A click sorts by the column, another reverses; a right click opens the columns'
// menu. Its edge is dragged to resize the column (the table does that).
type headerCell struct {
	widget.BaseWidget
	l     *eventList
	col   int // the column it heads now (headers are reused as the table scrolls)
	label *widget.Label
}

func newHeaderCell(l *eventList) *headerCell {
	h := &headerCell{l: l, col: -1, label: widget.NewLabel("")}
	h.label.TextStyle.Bold = true
	h.label.Truncation = fyne.TextTruncateEllipsis
	h.ExtendBaseWidget(h)
	return h
}

// setColumn makes the header that of column col.
func (h *headerCell) setColumn(col int) {
	h.col = col
	h.label.SetText(h.l.headerText(col))
}

// CreateRenderer is part of the widget interface.
func (h *headerCell) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(h.label))
}

// Tapped sorts by the column, or reverses the order when it is sorted by it already.
func (h *headerCell) Tapped(*fyne.PointEvent) {
	if h.col >= 0 && h.col < len(h.l.cols) {
		h.l.sortBy(h.l.cols[h.col].key)
	}
}

// TappedSecondary opens the columns' menu.
func (h *headerCell) TappedSecondary(*fyne.PointEvent) { h.l.showColumnsMenu() }

// headerText is column col's header: its name, and the order's arrow when the list is
// sorted by it.
func (l *eventList) headerText(col int) string {
	key := l.cols[col].key
	text := columnTitle(key)
	sortedBy := l.order.key == key || (key == "date" && l.order.byDate())
	if sortedBy {
		text += pick(l.order.desc, " \u25bc", " \u25b2")
	}
	return text
}

// sortBy sorts the list by column key, or reverses it when it is sorted by it.
func (l *eventList) sortBy(key string) {
	o := listOrder{key: key}
	if l.order.key == key || (key == "date" && l.order.byDate()) {
		o.desc = !l.order.desc
	}
	l.order = o
	if o.byDate() && !o.desc && l.u.marks.Len() > 50000 {
		l.u.setStatus("Sorted " + thousands(l.u.marks.Len()) + " events by date")
	}
	l.resort()
}

// columnShown reports whether the column key is shown.
func (l *eventList) columnShown(key string) bool {
	for _, c := range l.cols {
		if c.key == key {
			return true
		}
	}
	return false
}

// toggleColumn shows the column key (at the end) or hides it, and keeps the choice.
// The last column is never hidden.
func (l *eventList) toggleColumn(key string, width float32) {
	var cols []column
	for _, c := range l.cols {
		if c.key != key {
			cols = append(cols, c)
		}
	}
	switch {
	case len(cols) == len(l.cols):
		cols = append(cols, column{key, width})
	case len(cols) == 0:
		return
	}
	l.setColumns(cols, l.chosen)
	l.u.saveColumns()
	if needsFacts(key) && l.order.key == key {
		l.resort()
	}
}

// showColumnsMenu opens the menu of the columns that can be shown: the list's own, the
// attributes of the events read so far, and an entry for any other attribute.
func (l *eventList) showColumnsMenu() {
	cnv := fyne.CurrentApp().Driver().CanvasForObject(l.columnsBt)
	if cnv == nil {
		return
	}
	var items []*fyne.MenuItem
	for _, c := range standardColumns {
		items = append(items, l.columnItem(c.key, c.width))
	}
	attrs := l.knownAttrs()
	if len(attrs) > 0 {
		items = append(items, fyne.NewMenuItemSeparator())
	}
	for _, a := range attrs {
		items = append(items, l.columnItem(attrPrefix+a, 110))
	}
	items = append(items, fyne.NewMenuItemSeparator(), fyne.NewMenuItem("Attribute column...", l.askAttrColumn))
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(l.columnsBt)
	widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", items...), cnv, pos.AddXY(0, l.columnsBt.Size().Height))
}

func (l *eventList) columnItem(key string, width float32) *fyne.MenuItem {
	label := columnTitle(key)
	if len(key) > len(attrPrefix) && key[:len(attrPrefix)] == attrPrefix {
		label = "attr: " + label
	}
	it := fyne.NewMenuItem(label, func() { l.toggleColumn(key, width) })
	it.Checked = l.columnShown(key)
	return it
}

// askAttrColumn asks the name of an attribute to show as a column.
func (l *eventList) askAttrColumn() {
	name := widget.NewEntry()
	name.SetPlaceHolder("fatalities")
	dialog.ShowForm("Attribute column", "Show", "Cancel",
		[]*widget.FormItem{widget.NewFormItem("Attribute", name)},
		func(ok bool) {
			if ok && name.Text != "" && !l.columnShown(attrPrefix+name.Text) {
				l.toggleColumn(attrPrefix+name.Text, 110)
			}
		}, l.u.win)
}

// knownAttrs are the names of the attributes of the events whose facts were read.
func (l *eventList) knownAttrs() []string {
	seen := map[string]bool{}
	var out []string
	for _, f := range l.facts.by {
		for k := range f.attrs {
			if !seen[k] {
				seen[k] = true
				out = append(out, k)
			}
		}
	}
	slices.Sort(out)
	return out
}
