package app

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/chronoscope/chronoscope/timeline"
)

// TypedKey selects with the arrows (the timeline follows), Home and End (the first and
// the last row), Page Up and Page Down (a screenful); other keys go to the window
// (Enter, Delete, Escape...).
func (l *eventList) TypedKey(k *fyne.KeyEvent) {
	if l.moveKey(k.Name) {
		return
	}
	l.u.viewKey(k)
}

// moveKey selects the row a key moves to, and reports whether the key moves.
func (l *eventList) moveKey(name fyne.KeyName) bool {
	n := l.rowCount()
	if n == 0 {
		return false
	}
	cur, ok := l.rowOf(l.u.selected)
	if !ok {
		cur = -1
	}
	page := l.pageRows()
	var to int
	switch name {
	case fyne.KeyDown:
		to = cur + 1
	case fyne.KeyUp:
		to = pick(cur < 0, 0, cur-1)
	case fyne.KeyHome:
		to = 0
	case fyne.KeyEnd:
		to = n - 1
	case fyne.KeyPageDown:
		to = cur + page
	case fyne.KeyPageUp:
		to = cur - page
	default:
		return false
	}
	to = min(max(to, 0), n-1)
	l.selectRow(to)
	return true
}

// rowHeight is the height of a row, with the line between rows.
func (l *eventList) rowHeight() float32 {
	h := max(newListCell().MinSize().Height, newHeaderCell(l).MinSize().Height)
	return h + theme.Padding()
}

// pageRows is how many rows a screenful of the list holds (at least one).
func (l *eventList) pageRows() int {
	return max(int(l.Size().Height/l.rowHeight())-2, 1)
}

// followView scrolls the list, when Follow the view is on and it is in date order, so
// that the first event in the timeline's window is its top row; a move of the view that
// a selection made (the timeline revealing the event selected) leaves the list alone.
func (l *eventList) followView() {
	u := l.u
	if !l.follow.Checked || u.syncing || u.marks.Len() == 0 || !l.order.byDate() {
		return
	}
	first, last := u.tl.Scale().Window()
	row, ok := followRow(u.marks, first, last, l.order.desc)
	if !ok {
		return
	}
	l.scrollToTop(row)
}

// followRow is the row of marks, in date order (earliest last when desc), to put at
// the top of the list for the time window first..last: the first event starting in it
// (the last, earliest last); ok is false when none starts in it.
func followRow(m *timeline.Marks, first, last int64, desc bool) (int, bool) {
	pos := sort.Search(m.Len(), func(i int) bool { return m.StartLo(i) >= first })
	if pos == m.Len() || m.StartLo(pos) > last {
		return 0, false
	}
	if desc {
		end := sort.Search(m.Len(), func(i int) bool { return m.StartLo(i) > last })
		return m.Len() - end, true
	}
	return pos, true
}

// scrollToTop scrolls the list so that row r is its top row, keeping the columns where
// they are.
func (l *eventList) scrollToTop(r int) {
	l.Table.ScrollTo(widget.TableCellID{Row: min(r+l.pageRows(), l.rowCount()-1), Col: l.visibleCol()})
	l.scrollToRow(r)
}

// resort orders the rows by l.order, off the UI goroutine, reading first the facts the
// order needs (the grades, sources or an attribute of every event listed); the list
// shows the marks' order until the sort lands.
func (l *eventList) resort() {
	u := l.u
	l.sortGen++
	gen, marks, o, store := l.sortGen, u.marks, l.order, u.store
	l.refreshHeaders()
	if o.byDate() && !o.desc {
		l.rows, l.inv = nil, nil
		l.afterSort()
		return
	}
	if store == nil || marks.Len() == 0 {
		return
	}
	if marks.Len() > 50000 {
		u.setBusy(true, "Sorting "+thousands(marks.Len())+" events...")
	}
	facts := l.facts.by
	u.background(func() func() {
		var read map[string]fact
		if needsFacts(o.key) {
			ids := make([]string, marks.Len())
			for i := range ids {
				ids[i] = marks.ID(i)
			}
			read, _ = readFacts(context.Background(), store, ids)
		}
		if read == nil {
			read = facts
		}
		rows := sortRows(marks, o, read)
		inv := make([]int32, len(rows))
		for r, pos := range rows {
			inv[pos] = int32(r)
		}
		return func() {
			if marks.Len() > 50000 {
				u.setBusy(false, "")
				u.setStatus(fmt.Sprintf("Sorted %s events by %s", thousands(marks.Len()), strings.ToLower(columnTitle(o.key))))
			}
			if gen != l.sortGen || marks != u.marks {
				return
			}
			if needsFacts(o.key) {
				l.facts.by = read
			}
			l.rows, l.inv = rows, inv
			l.afterSort()
		}
	})
}

// afterSort shows the rows in their new order, the selection in view.
func (l *eventList) afterSort() {
	l.Refresh()
	if r, ok := l.rowOf(l.u.selected); ok && l.u.selected != "" {
		l.scrollToRow(r)
	}
}

// refreshHeaders redraws the headers (the order's arrow).
func (l *eventList) refreshHeaders() {
	for _, h := range l.headers {
		if h.col >= 0 && h.col < len(l.cols) {
			h.setColumn(h.col)
		}
	}
}

// showResult starts the list on a new result: the facts read for the last are dropped
// (the events may have changed), and the rows are sorted again in the order chosen.
func (l *eventList) showResult() {
	l.facts.reset()
	l.fitDates(l.u.marks)
	l.rows, l.inv = nil, nil
	l.resort()
}
