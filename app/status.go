package app

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// setStatus shows s in the status bar.
func (u *ui) setStatus(s string) { u.status.SetText(s) }

func (u *ui) setBusy(on bool, msg string) {
	if on {
		u.busy.Show()
		u.busy.Start()
		u.setStatus(msg)
	} else {
		u.busy.Stop()
		u.busy.Hide()
	}
}

func (u *ui) showError(err error) {
	if err == nil {
		return
	}
	u.setStatus(oneLine(err.Error()))
	dialog.ShowError(errors.New(oneLine(err.Error())), u.win)
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

func readOnlyBanner() fyne.CanvasObject {
	icon := widget.NewIcon(theme.WarningIcon())
	text := widget.NewLabel("Read-only: this case file cannot be written, so editing is off. File > Save a copy as... gives you an editable copy.")
	text.Importance = widget.WarningImportance
	text.Wrapping = fyne.TextWrapWord
	return container.NewBorder(nil, nil, icon, nil, text)
}
