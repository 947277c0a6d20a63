package app

import (
	"testing"

	"fyne.io/fyne/v2"
)

// TestTabReachesTheDetailPane: Tab goes from the timeline to the list, its Follow the
// view and Columns, and on to the detail pane, Shift+Tab back; with the focus the pane scrolls with the arrows and
// hands the window's keys on (Escape clears the selection).
func TestTabReachesTheDetailPane(t *testing.T) {
	u := newTestUIOn(t, sampleStore(t))
	c := u.win.Canvas()
	c.Focus(u.tl)
	c.FocusNext()
	if c.Focused() != u.list {
		t.Fatalf("Tab from the timeline focused %T, want the list", c.Focused())
	}
	for _, want := range []fyne.Focusable{u.list.follow, u.list.columnsBt, u.detail.pane} {
		if c.FocusNext(); c.Focused() != want {
			t.Fatalf("Tab focused %T, want %T", c.Focused(), want)
		}
	}
	for _, want := range []fyne.Focusable{u.list.columnsBt, u.list.follow, u.list} {
		if c.FocusPrevious(); c.Focused() != want {
			t.Errorf("Shift+Tab focused %T, want %T", c.Focused(), want)
		}
	}
	c.FocusPrevious()
	if c.Focused() != u.tl {
		t.Errorf("Shift+Tab from the list focused %T, want the timeline", c.Focused())
	}

	u.selectEvent("sample-2023-vostochny", "")
	u.win.Resize(fyne.NewSize(1400, 500)) // a short pane, so the event's details scroll
	c.Focus(u.detail.pane)
	if !u.detail.pane.focused || u.detail.pane.frame.StrokeWidth == 0 {
		t.Error("the focused pane shows no focus frame")
	}
	p := u.detail.pane
	if p.scroll.Content.MinSize().Height <= p.scroll.Size().Height {
		t.Fatalf("the details (%.0f high) fit in the pane (%.0f): nothing to scroll", p.scroll.Content.MinSize().Height, p.scroll.Size().Height)
	}
	p.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if p.scroll.Offset.Y <= 0 {
		t.Error("Down did not scroll the focused pane")
	}
	p.TypedKey(&fyne.KeyEvent{Name: fyne.KeyHome})
	if p.scroll.Offset.Y != 0 {
		t.Errorf("Home left the pane scrolled by %.0f", p.scroll.Offset.Y)
	}
	p.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if u.selected != "" {
		t.Errorf("Escape in the pane left %q selected", u.selected)
	}
	c.Unfocus()
	if p.frame.StrokeWidth != 0 {
		t.Error("the pane keeps its focus frame without the focus")
	}
}
