package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/chronoscope/chronoscope/timeline"
)

// goToDate asks for a date, written as the event form takes it (13 Sep 2023, 13/09/2023,
// Sep 2023, c. 1950, 1950s, 44 BC, 1-5 Sep 2023...: timeline.ReadDate), and brings it
// into view on the timeline (View > Go to date, Ctrl+G). The form says at once how it
// reads the date, or what is wrong with it.
func (u *ui) goToDate() {
	if u.store == nil {
		return
	}
	entry := newKeyEntry()
	entry.SetPlaceHolder("13 Sep 2023, Sep 2023, c. 1950, 1950s, 44 BC...")
	reading := widget.NewLabel("")
	reading.Importance = widget.LowImportance
	entry.OnChanged = func(s string) { reading.SetText(u.readGoTo(s)) }
	var d dialog.Dialog
	jump := func() {
		lo, hi, said, err := u.goToRange(entry.Text)
		if err != nil {
			reading.SetText(u.readGoTo(entry.Text))
			u.setStatus("Go to date: " + u.readGoTo(entry.Text))
			return
		}
		d.Hide()
		u.tl.ShowRange(lo, hi)
		u.setStatus("Showing " + said)
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
	d.Resize(fitSize(u.win, fyne.NewSize(34*theme.TextSize(), 13*theme.TextSize())))
	d.Show()
	u.win.Canvas().Focus(entry)
}

// goToRange reads s as the event form does: the instants it covers, from the start of
// its first date to the end of its last (a span's end), and how it reads.
func (u *ui) goToRange(s string) (lo, hi int64, said string, err error) {
	r, err := timeline.ReadDate(s, timeline.ReadOptions{Reference: u.now()})
	if err != nil {
		return 0, 0, "", err
	}
	lo, hi, said = r.Start.Earliest, r.Start.Latest, r.Start.Describe()
	if !r.End.IsZero() {
		hi, said = r.End.Latest, said+" to "+r.End.Describe()
	}
	return lo, hi, said, nil
}

// readGoTo says how a typed date reads, or what is wrong with it, in one line.
func (u *ui) readGoTo(s string) string {
	if strings.TrimSpace(s) == "" {
		return ""
	}
	_, _, said, err := u.goToRange(s)
	if err != nil {
		return fieldDate{err: err}.problem()
	}
	return said
}
