package app

import (
	"context"
	"time"
)

// sharedReadOnlyText is the banner of a shared case the analyst may only read.
const sharedReadOnlyText = "Read-only: you can read this shared case but not change it (an admin of the case can give you write access). " +
	"File > Save a copy as... saves it as a case file of your own."

// isSharedCase reports whether the open case is a shared one.
func (u *ui) isSharedCase() bool { return u.store != nil && isShared(u.store.Path()) }

// caseTitle names the open case in the window's title: its name and, for a shared case,
// where it is shared, as whom, and who changed it last.
func (u *ui) caseTitle() string {
	if !u.isSharedCase() {
		return u.info.Name
	}
	a, err := parseShared(u.store.Path())
	if err != nil {
		return u.info.Name + " (shared)"
	}
	t := a.String()
	if u.lastChange != "" {
		t += " - " + u.lastChange
	}
	return t
}

// readLastChange reads off the UI goroutine who changed the shared case last, for the
// title; a case file does not say.
func (u *ui) readLastChange() {
	store := u.store
	teller, ok := store.(changeTeller)
	if !ok {
		return
	}
	u.background(func() func() {
		who, at, err := teller.LastChange(context.Background(), "")
		return func() {
			if err != nil || u.store != store {
				return
			}
			if line := lastChangeLine(who, at, u.now()); line != u.lastChange {
				u.lastChange = line
				u.updateTitle()
			}
		}
	})
}

// lastChangeLine says who changed the case last and when: the time alone today, the day
// too before; "" when the log does not say.
func lastChangeLine(who string, at, now time.Time) string {
	if who == "" {
		return ""
	}
	at, now = at.Local(), now.Local()
	when := at.Format("15:04")
	if y, m, d := at.Date(); y != now.Year() || m != now.Month() || d != now.Day() {
		when = at.Format("2 Jan 2006 15:04")
	}
	return "last changed by " + who + " at " + when
}

// readOnlyBanner is the banner's line for a case that cannot be written.
func (u *ui) readOnlyBanner() string {
	if u.isSharedCase() {
		return sharedReadOnlyText
	}
	return readOnlyText
}
