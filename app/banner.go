package app

import (
	"errors"
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/chronoscope/chronoscope/timeline"
)

// readOnlyText is the banner of a case file the analyst cannot write.
const readOnlyText = "Read-only: this case file cannot be written, so editing is off. File > Save a copy as... gives you an editable copy."

// newBanner makes the banner over the window that says why the case cannot be edited,
// and the label that says it.
func newBanner() (fyne.CanvasObject, *widget.Label) {
	icon := widget.NewIcon(theme.WarningIcon())
	text := widget.NewLabel(readOnlyText)
	text.Importance = widget.WarningImportance
	text.Wrapping = fyne.TextWrapWord
	return container.NewBorder(nil, nil, icon, nil, text), text
}

// showBanner shows the banner the open case needs: damaged, read-only, or none.
func (u *ui) showBanner() {
	switch {
	case u.store == nil:
		u.banner.Hide()
		return
	case u.damaged:
		u.bannerText.SetText(damagedBanner)
		u.bannerText.Importance = widget.DangerImportance
	case u.store.ReadOnly():
		u.bannerText.SetText(u.readOnlyBanner())
		u.bannerText.Importance = widget.WarningImportance
	default:
		u.banner.Hide()
		return
	}
	u.bannerText.Refresh()
	u.banner.Show()
}

// damagedLine is the one line a damaged case file gets, in the banner, the status bar
// and the dialog of the operation that found it: what it means and what to do.
func damagedLine(path string) string {
	db := "CASE"
	if path != "" {
		db = fmt.Sprintf("%q", path)
	}
	return "The case file is damaged: what could still be read is shown, and it is open read-only " +
		"(nothing more is written to it). To save the readable events in a new case, run: " +
		"chronoscope --db " + db + " recover --out NEW.chronoscope"
}

// damagedBanner is the banner of a damaged case: short enough for one line of the
// window (a wrapped label in the window's top bar is not given a second line); the
// status bar and the message say the whole command.
const damagedBanner = "The case file is damaged: it is open read-only, with what could still be read. " +
	"chronoscope recover --out NEW.chronoscope saves that in a new case."

// damagedOpenLine is the one line a case file gets that is too damaged to open.
func damagedOpenLine(path string) string {
	return fmt.Sprintf("The case file is damaged: %s cannot be opened, and nothing is written to it. "+
		"To save the events that can still be read in a new case, run: chronoscope --db %q recover --out NEW.chronoscope",
		filepath.Base(path), path)
}

// showOpenError says why the case file at path did not open, in one line: a damaged
// file in its own words, never the database's.
func (u *ui) showOpenError(path string, err error) {
	msg := oneLine(err.Error())
	if errors.Is(err, timeline.ErrDamaged) {
		msg = damagedOpenLine(path)
	}
	u.setStatus(msg)
	dialog.ShowError(errors.New(msg), u.win)
}

// markDamaged shows the open case as damaged: the banner, read-only, editing off. It
// reports whether the case was not known to be damaged before.
func (u *ui) markDamaged() bool {
	if u.damaged || u.store == nil {
		return false
	}
	u.damaged = true
	u.showBanner()
	u.updateTitle()
	u.menus.update()
	u.setStatus(damagedLine(u.store.Path()))
	return true
}
