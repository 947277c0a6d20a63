package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/chronoscope/chronoscope/timeline"
)

// goToDate asks for a date, written as the event form takes it (2023-09-13, Sep 2023,
// ~1950, 1990s...), and brings it into view on the timeline (View > Go to date, Ctrl+G).
// The form says at once how it reads the date, or what is wrong with it.
func (u *ui) goToDate() {
	if u.store == nil {
		return
	}
	entry := newKeyEntry()
	entry.SetPlaceHolder("2023-09-13, Sep 2023, ~1950...")
	reading := widget.NewLabel("")
	reading.Importance = widget.LowImportance
	entry.OnChanged = func(s string) { reading.SetText(readDate(s)) }
	var d dialog.Dialog
	jump := func() {
		date, err := timeline.ParseDate(entry.Text)
		if err != nil {
			reading.SetText(readDate(entry.Text))
			u.setStatus("Go to date: " + readDate(entry.Text))
			return
		}
		d.Hide()
		u.tl.ShowRange(date.Earliest, date.Latest)
		u.setStatus("Showing " + date.Describe())
	}
	entry.OnSubmitted = func(string) { jump() }
	entry.OnEscape = func() { d.Hide() }
	d = dialog.NewCustomConfirm("Go to date", "Go", "Cancel",
		widget.NewForm(widget.NewFormItem("Date", entry), widget.NewFormItem("", reading)),
		func(ok bool) {
			if ok {
				jump()
			}
		}, u.win)
	d.Resize(fyne.NewSize(420, 180))
	d.Show()
	u.win.Canvas().Focus(entry)
}

// readDate says how a typed date reads, or what is wrong with it, in one line.
func readDate(s string) string {
	if strings.TrimSpace(s) == "" {
		return ""
	}
	d, err := timeline.ParseDate(s)
	if err != nil {
		return err.Error()
	}
	return d.Describe()
}
