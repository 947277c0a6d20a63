package app

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2/dialog"

	"github.com/chronoscope/chronoscope/timeline"
)

// setStatus shows s in the status bar.
func (u *ui) setStatus(s string) { u.status.SetText(s) }

// setBusy shows the busy bar (and msg in the status bar) or takes one request for it
// back: the bar shows while any query, job or file read wants it.
func (u *ui) setBusy(on bool, msg string) {
	if on {
		u.busyCount++
		u.busy.Show()
		u.busy.Start()
		u.setStatus(msg)
		return
	}
	u.busyCount = max(u.busyCount-1, 0)
	if u.busyCount == 0 {
		u.busy.Stop()
		u.busy.Hide()
	}
}

// showError says in one line, in the status bar and a dialog, what went wrong. A damaged
// case file gets its own words (never the database's), and the damaged banner.
func (u *ui) showError(err error) {
	if err == nil {
		return
	}
	msg := oneLine(err.Error())
	if errors.Is(err, timeline.ErrDamaged) {
		msg = damagedLine("")
		if u.store != nil {
			msg = damagedLine(u.store.Path())
			if u.markDamaged() {
				defer u.refresh() // what the view shows may be more than can be read now
			}
		}
	}
	u.setStatus(msg)
	dialog.ShowError(errors.New(msg), u.win)
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// thousands writes n with thin separators: 1 000 000.
func thousands(n int) string {
	s := fmt.Sprint(n)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteRune(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// plural writes a count with its noun: "1 event", "13 events".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return thousands(n) + " " + noun + "s"
}
