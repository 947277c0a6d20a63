// Package app is Chronoscope's desktop user interface (Fyne). It talks to the case only
// through the timeline.Store methods it calls (caseStore) and opens case files with the
// Opener main.go hands it, so it never imports the storage package.
package app

import (
	"fmt"
	"os"
	"runtime"

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
// path the last case the analyst had open is reopened when it still opens. shared opens
// shared cases (postgres:// addresses): one named on the command line, or the last one
// used, is opened in the window, which asks for the password when the server wants one.
// res are the files main.go bundles (the icon, the version, the licence, the user guide).
func Run(path string, explicit bool, open Opener, shared SharedOpener, res Resources) int {
	// A case file named on the command line is opened before any window, so a file that
	// is not a case gets its one line on the terminal and nothing else happens.
	var store timeline.Store
	if explicit && !isShared(path) {
		s, err := open(path, true)
		if err != nil {
			fmt.Fprintf(os.Stderr, "chronoscope: %v\n", err)
			return 1
		}
		store = s
	}
	if msg := noDisplay(os.Getenv); msg != "" {
		fmt.Fprintln(os.Stderr, "chronoscope: "+msg)
		return 1
	}
	if p, ok := store.(timeline.MarksPrefetcher); ok {
		p.PrefetchMarks() // while the window is built
	}
	a := newFyneApp()
	if len(res.Icon) > 0 {
		a.SetIcon(fyne.NewStaticResource("icon.png", res.Icon))
	}
	u := newUI(a, open, &desktopRunner{})
	u.shared = shared
	u.res = res
	var err error
	sharedCase := ""
	switch {
	case explicit && isShared(path):
		sharedCase = path
	case store == nil:
		store, sharedCase, err = u.startCase(path)
	}
	u.setStore(store)
	if err != nil {
		// The default case would not open: say why, in the window and on the terminal.
		fmt.Fprintf(os.Stderr, "chronoscope: %v\n", err)
		u.showOpenError(path, err)
	}
	if sharedCase != "" {
		u.reconnect(sharedCase)
	}
	u.win.ShowAndRun()
	u.closeStore()
	return 0
}

// reconnect opens the shared case named at start in the window, with progress, asking
// for the password if need be. It stays the analyst's case while the server is out of
// reach, remembered without a password its address may hold.
func (u *ui) reconnect(rawURL string) {
	clean, _ := splitPassword(rawURL)
	u.remember(clean)
	u.openShared(rawURL)
}

// newFyneApp is the desktop driver's app, made current. It opens no window until it runs.
func newFyneApp() fyne.App {
	// Fyne makes its cache folder without its parents: on a fresh profile ~/.cache may not
	// exist yet, and Fyne then prints an error on every start.
	if dir, err := os.UserCacheDir(); err == nil {
		os.MkdirAll(dir, 0o700)
	}
	return fyneapp.NewWithID(AppID)
}

// startCase opens the case to show when none was named: the last one used if it still
// opens, else the default case. When the last one was a shared case, the default case is
// shown while the window connects to it (shared names it).
func (u *ui) startCase(defaultPath string) (s timeline.Store, shared string, err error) {
	last := u.app.Preferences().String(prefLastCase)
	if isShared(last) {
		shared = last
	} else if last != "" && last != defaultPath {
		if s, err := u.open(last, false); err == nil {
			return s, "", nil
		}
	}
	s, err = u.open(defaultPath, true)
	return s, shared, err
}

// noDisplay says, on a desktop system without any display to open a window on (a server,
// an ssh session without X forwarding), what to do instead; "" when there is one.
func noDisplay(getenv func(string) string) string {
	if runtime.GOOS != "linux" && runtime.GOOS != "freebsd" && runtime.GOOS != "openbsd" && runtime.GOOS != "netbsd" {
		return ""
	}
	if getenv("DISPLAY") != "" || getenv("WAYLAND_DISPLAY") != "" {
		return ""
	}
	return "no display to open the window on (DISPLAY and WAYLAND_DISPLAY are not set); the commands work without one: chronoscope --help"
}
