package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"github.com/chronoscope/chronoscope/timeline"
)

// rowKey is what row r of the list is ordered by in column key, the slow way: a number
// for the grade's rank and the count of sources, else the cell's text in lower case;
// empty reports a row with no value, which sorts last either way.
func rowKey(t *testing.T, u *ui, r int, key string) (num int, text string, empty bool) {
	t.Helper()
	id := u.marks.ID(u.list.posOf(r))
	e, err := u.store.Get(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	f := factOf(e)
	switch key {
	case "grade":
		return f.gradeRank, "", f.gradeRank == noGrade
	case "sources":
		return len(e.Sources), "", len(e.Sources) == 0
	}
	text = strings.ToLower(u.list.cellText(u.list.posOf(r), key))
	return 0, text, text == ""
}

// TestListSortsByEachColumn clicks each header: the rows come in the column's order
// (empty last), ties in date order; a second click reverses; the header shows the arrow.
func TestListSortsByEachColumn(t *testing.T) {
	u := newTestUI(t, sampleCase(t))
	h := newHeaderCell(u.list)
	for col, c := range u.list.cols {
		h.setColumn(col)
		// The list is in date order at first: a click on Date reverses it.
		for _, desc := range []bool{c.key == "date", c.key != "date"} {
			h.Tapped(&fyne.PointEvent{})
			if u.list.order.key != c.key || u.list.order.desc != desc {
				t.Fatalf("after clicking %s: order %+v", c.key, u.list.order)
			}
			if h.setColumn(col); !strings.HasSuffix(h.label.Text, pick(desc, "\u25bc", "\u25b2")) {
				t.Errorf("header of %s sorted (desc %v) reads %q", c.key, desc, h.label.Text)
			}
			for r := 1; r < u.list.rowCount(); r++ {
				n0, t0, e0 := rowKey(t, u, r-1, c.key)
				n1, t1, e1 := rowKey(t, u, r, c.key)
				if c.key == "date" {
					p0, p1 := u.list.posOf(r-1), u.list.posOf(r)
					if (p0 > p1) != desc {
						t.Errorf("by date (desc %v): row %d is mark %d, row %d mark %d", desc, r-1, p0, r, p1)
					}
					continue
				}
				cmpv := compareText(t0, t1)
				if n0 != n1 {
					cmpv = pick(n0 < n1, -1, 1)
				}
				switch {
				case e0 && !e1:
					t.Errorf("by %s: empty row %d before %q", c.key, r-1, t1)
				case e0 || e1:
				case desc && cmpv < 0 || !desc && cmpv > 0:
					t.Errorf("by %s (desc %v): row %d %q/%d before row %d %q/%d", c.key, desc, r-1, t0, n0, r, t1, n1)
				case cmpv == 0 && u.list.posOf(r-1) > u.list.posOf(r):
					t.Errorf("by %s: equal rows %d and %d out of date order", c.key, r-1, r)
				}
			}
		}
	}
	// A row found by id after a sort is the event's.
	for _, id := range []string{"sample-2023-talks", "sample-2019-vladivostok"} {
		r, ok := u.list.rowOf(id)
		if !ok || u.marks.ID(u.list.posOf(r)) != id {
			t.Errorf("rowOf(%s) = %d, %v", id, r, ok)
		}
	}
}

// TestListColumnsKeptPerCase hides a column, shows an attribute, widens the title: the
// case opened again shows the same columns; another case shows the default.
func TestListColumnsKeptPerCase(t *testing.T) {
	path := sampleCase(t)
	u := newTestUI(t, path)
	e, err := u.store.Get(context.Background(), "sample-2023-talks")
	if err != nil {
		t.Fatal(err)
	}
	e.Attrs = map[string]string{"venue": "Vostochny"}
	if _, err := u.store.Put(context.Background(), []timeline.Event{e}, nil); err != nil {
		t.Fatal(err)
	}
	u.refresh()
	u.list.toggleColumn("actors", 0)
	u.list.toggleColumn(attrPrefix+"venue", 90)
	u.list.cols[1].width = 333
	u.list.chosen = true
	u.saveColumns()
	if got := u.list.cellText(u.pos("sample-2023-talks"), attrPrefix+"venue"); got != "" {
		t.Errorf("an attribute not read yet shows %q", got)
	}
	settle(u) // what the list does shortly after showing the rows
	if got := u.list.cellText(u.pos("sample-2023-talks"), attrPrefix+"venue"); got != "Vostochny" {
		t.Errorf("the venue column shows %q", got)
	}
	want := formatColumns(u.list.cols)
	if strings.Contains(want, "actors") || !strings.Contains(want, "attr:venue:90") || !strings.Contains(want, "title:333") {
		t.Fatalf("columns %q", want)
	}
	u.closeStore()

	again := newTestUI(t, path)
	if got := formatColumns(again.list.cols); got != want {
		t.Errorf("the case opened again shows %q, want %q", got, want)
	}
	other := newTestUI(t, sampleCase(t))
	if got := formatColumns(other.list.cols); strings.Contains(got, "venue") || !strings.Contains(got, "actors") {
		t.Errorf("another case shows %q", got)
	}
}

// clickRow clicks row r of the list with the keys mods held.
func clickRow(u *ui, r int, mods fyne.KeyModifier) {
	u.list.MouseDown(&desktop.MouseEvent{Modifier: mods})
	u.list.OnSelected(widget.TableCellID{Row: r, Col: 1})
}

// TestListMultiSelection: Ctrl+click adds rows and takes one off, Shift+click a range,
// Ctrl+A all; both views show the selection and the detail pane counts it; a plain
// click selects one again.
func TestListMultiSelection(t *testing.T) {
	u := newTestUI(t, sampleCase(t))
	clickRow(u, 1, 0)
	clickRow(u, 4, fyne.KeyModifierControl)
	clickRow(u, 7, fyne.KeyModifierControl)
	if u.sel.Len() != 3 || u.selected != u.marks.ID(7) {
		t.Fatalf("Ctrl+click: %d selected, lead %q", u.sel.Len(), u.selected)
	}
	detail := u.detail.box.Objects[0].(*widget.Label).Text
	lo, _ := u.marks.Range(1)
	_, hi := u.marks.Range(7)
	if !strings.HasPrefix(detail, "3 events selected") || !strings.Contains(detail, timeline.RangeLabel(lo, lo)) || !strings.Contains(detail, timeline.RangeLabel(hi, hi)) {
		t.Errorf("detail pane says %q", detail)
	}
	if got := u.tl.SelectedSet(); len(got) != 3 || !got[u.marks.ID(4)] {
		t.Errorf("the timeline shows %v selected", got)
	}
	clickRow(u, 4, fyne.KeyModifierControl)
	if u.sel.Len() != 2 || u.sel.Has(u.marks.ID(4)) {
		t.Errorf("Ctrl+click on a selected row: %v", u.sel.IDs())
	}
	clickRow(u, 2, 0)
	clickRow(u, 6, fyne.KeyModifierShift)
	if u.sel.Len() != 5 || !u.sel.Has(u.marks.ID(4)) || u.sel.Has(u.marks.ID(7)) {
		t.Errorf("Shift+click from row 2 to 6: %v", u.sel.IDs())
	}
	u.menus.selectAll.Action() // Edit > Select all events, as Ctrl+A
	if u.sel.Len() != u.marks.Len() {
		t.Errorf("Ctrl+A selected %d of %d", u.sel.Len(), u.marks.Len())
	}
	// The selection stays through a refresh (a new query).
	u.refresh()
	if u.sel.Len() != u.marks.Len() {
		t.Errorf("after a refresh %d selected", u.sel.Len())
	}
	clickRow(u, 3, 0)
	if u.sel.Len() != 1 || u.selected != u.marks.ID(3) {
		t.Errorf("a plain click leaves %d selected", u.sel.Len())
	}
	// A Ctrl+click on the timeline adds to the selection as in the list.
	u.tl.OnExtend(u.marks.ID(9), fyne.KeyModifierControl)
	if u.sel.Len() != 2 || !u.sel.Has(u.marks.ID(9)) {
		t.Errorf("Ctrl+click on the timeline: %v", u.sel.IDs())
	}
	u.tl.OnBand([]string{u.marks.ID(0), u.marks.ID(1)}, fyne.KeyModifierShift)
	if u.sel.Len() != 2 || !u.sel.Has(u.marks.ID(0)) {
		t.Errorf("a band: %v", u.sel.IDs())
	}
}

// TestListKeys: the arrows select the next and previous row (the timeline follows),
// Home and End the first and last, Page Down a screenful on.
func TestListKeys(t *testing.T) {
	u := newTestUI(t, sampleCase(t))
	u.win.Canvas().Focus(u.list)
	key := func(k fyne.KeyName) { u.list.TypedKey(&fyne.KeyEvent{Name: k}) }
	key(fyne.KeyDown)
	if u.selected != u.marks.ID(0) || u.tl.Selected() != u.selected {
		t.Fatalf("Down with nothing selected selected %q (timeline %q)", u.selected, u.tl.Selected())
	}
	key(fyne.KeyDown)
	key(fyne.KeyDown)
	key(fyne.KeyUp)
	if u.selected != u.marks.ID(1) {
		t.Errorf("Down Down Up selected row %d", u.pos(u.selected))
	}
	key(fyne.KeyEnd)
	if u.selected != u.marks.ID(u.marks.Len()-1) {
		t.Errorf("End selected row %d", u.pos(u.selected))
	}
	key(fyne.KeyHome)
	if u.selected != u.marks.ID(0) {
		t.Errorf("Home selected row %d", u.pos(u.selected))
	}
	key(fyne.KeyPageDown)
	if want := min(u.list.pageRows(), u.marks.Len()-1); u.selected != u.marks.ID(want) {
		t.Errorf("Page Down selected row %d, want %d", u.pos(u.selected), want)
	}
	key(fyne.KeyEscape)
	if u.selected != "" {
		t.Errorf("Escape left %q selected", u.selected)
	}
}
