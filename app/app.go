// Package app is Chronoscope's desktop user interface (Fyne). It talks to the case only
// through timeline.Store and opens case files with the Opener main.go hands it, so it
// never imports the storage package.
package app

import (
	"fmt"
	"os"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"github.com/chronoscope/chronoscope/timeline"
)

// AppID is the application id: it keys the preferences (recent cases, theme).
const AppID = "io.github.chronoscope"

// Opener opens a case file. create makes a missing file a new empty case (File > New);
// without it a missing file is refused (File > Open).
type Opener func(path string, create bool) (timeline.Store, error)

// Run opens the desktop window on a case and returns the exit code when it closes. path is
// the case named on the command line (explicit) or the default case; without an explicit
// path the last case the analyst had open is reopened when it still opens. icon is the
// window's icon (PNG).
func Run(path string, explicit bool, open Opener, icon []byte) int {
	a := fyneapp.NewWithID(AppID)
	if len(icon) > 0 {
		a.SetIcon(fyne.NewStaticResource("icon.png", icon))
	}
	u := newUI(a, open)
	store, err := u.startCase(path, explicit)
	if err != nil {
		// One clear line for the terminal; the window says the same.
		fmt.Fprintf(os.Stderr, "chronoscope: %v\n", err)
		if explicit {
			return 1
		}
	}
	u.setStore(store)
	if err != nil {
		u.showError(err)
	}
	u.win.ShowAndRun()
	u.closeStore()
	return 0
}

// startCase opens the case to show at start: the explicit one, else the last one used,
// else the default case.
func (u *ui) startCase(path string, explicit bool) (timeline.Store, error) {
	if !explicit {
		if last := u.app.Preferences().String(prefLastCase); last != "" && last != path {
			if s, err := u.open(last, false); err == nil {
				return s, nil
			}
		}
	}
	return u.open(path, true)
}
