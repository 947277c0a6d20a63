package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// emptyState is the one panel over the timeline when it has nothing to draw: for a case
// with no events, what brings some in; for a search and filters that hide everything,
// the way back. Only one message ever shows (the timeline says nothing itself).
type emptyState struct {
	box     *fyne.Container
	msg     *widget.Label
	forCase *fyne.Container // New event, Import, Find events in text, Open recent
	forView *fyne.Container // Clear the search and the filters
	recent  *widget.Button
}

func newEmptyState(u *ui) *emptyState {
	e := &emptyState{msg: widget.NewLabel("")}
	e.msg.Alignment = fyne.TextAlignCenter
	e.msg.Wrapping = fyne.TextWrapWord
	newEvent := widget.NewButtonWithIcon("New event", theme.ContentAddIcon(), u.newEvent)
	newEvent.Importance = widget.HighImportance
	e.recent = widget.NewButtonWithIcon("Open recent", theme.FolderOpenIcon(), func() { u.showRecent(e.recent) })
	e.forCase = container.NewHBox(newEvent,
		widget.NewButtonWithIcon("Import...", theme.DownloadIcon(), u.importFiles),
		widget.NewButtonWithIcon("Find events in text...", theme.SearchIcon(), u.findInText),
		e.recent)
	e.forView = container.NewHBox(widget.NewButtonWithIcon("Clear the search and the filters", theme.ContentClearIcon(), func() {
		u.search.SetText("")
		u.filters.clear()
		u.refresh()
	}))
	e.box = container.NewCenter(container.NewVBox(e.msg, container.NewCenter(e.forCase), container.NewCenter(e.forView)))
	e.box.Hide()
	return e
}

// showCase says the case has no events and offers what adds some.
func (e *emptyState) showCase() {
	e.msg.SetText("This case has no events yet.")
	e.forCase.Show()
	e.forView.Hide()
	e.box.Show()
}

// showView says the search and the filters hide every event, and offers to clear them.
func (e *emptyState) showView() {
	e.msg.SetText("No event matches the search and the filters.")
	e.forCase.Hide()
	e.forView.Show()
	e.box.Show()
}

func (e *emptyState) hide() { e.box.Hide() }

// showRecent pops the recent cases up under the button.
func (u *ui) showRecent(from fyne.CanvasObject) {
	u.menus.update()
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(from).AddXY(0, from.Size().Height)
	widget.ShowPopUpMenuAtPosition(u.menus.recent.ChildMenu, u.win.Canvas(), pos)
}

// enableCaseControls turns the search, Highlight, Group by and Filters on when a case is
// open, off when none is: with no case they would act on nothing.
func (u *ui) enableCaseControls(open bool) {
	for _, w := range []fyne.Disableable{u.search, u.highlight, u.groupBy, u.filters.button} {
		if open {
			w.Enable()
		} else {
			w.Disable()
		}
	}
}
