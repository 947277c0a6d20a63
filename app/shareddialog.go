package app

import (
	"context"
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// sharedForm is the File > Open shared case dialog: the case's address, the password,
// and whether to keep it in the keyring. Its last row carries it (a dialogBody), so the
// dialog on screen can be found from the canvas.
type sharedForm struct {
	d        *dialog.FormDialog
	address  *widget.Entry
	password *widget.Entry
	keep     *widget.Check
	line     string        // why the dialog was shown again: the last attempt's error
	keyNote  *widget.Label // says when there is no keyring
}

// sharedAttempt is one attempt to open a shared case.
type sharedAttempt struct {
	url string // without a password
	// asked is set when the dialog asked: password is what was typed ("" for the
	// server's usual sources) and keep says whether to keep it in the keyring (else what
	// the keyring kept for the login is taken away). Otherwise the keyring's password is
	// used, or the server's usual sources when it keeps none.
	asked    bool
	password string
	keep     bool
}

// openSharedDialog is File > Open shared case: it asks for the address, offering the
// last shared case opened.
func (u *ui) openSharedDialog() {
	if u.caseLocked() {
		return
	}
	last := ""
	for _, p := range u.app.Preferences().StringList(prefRecent) {
		if isShared(p) {
			last = p
			break
		}
	}
	u.sharedDialog(last, "")
}

// openShared opens a shared case with the password the keyring keeps for its login (or
// the server's usual sources); when the server refuses the login, the dialog asks.
func (u *ui) openShared(rawURL string) {
	if u.caseLocked() {
		return
	}
	u.connectShared(sharedAttempt{url: rawURL})
}

// sharedDialog shows the dialog on rawURL, with line (the last attempt's error) over it.
func (u *ui) sharedDialog(rawURL, line string) {
	f := &sharedForm{address: widget.NewEntry(), password: widget.NewPasswordEntry(), line: line, keyNote: widget.NewLabel("")}
	f.address.SetPlaceHolder("postgres://USER@HOST:PORT/DATABASE?case=NAME")
	f.address.SetText(rawURL)
	f.address.Validator = func(s string) error {
		clean, _ := splitPassword(s)
		_, err := parseShared(clean)
		return err
	}
	f.password.SetPlaceHolder("empty: PGPASSFILE or ~/.pgpass, or the system keyring")
	f.keep = widget.NewCheck("Keep the password in the system keyring", nil)
	f.keep.SetChecked(true)
	f.keyNote.Wrapping = fyne.TextWrapWord
	f.keyNote.Importance = widget.WarningImportance
	f.keyNote.Hide()
	if u.keyringOff != "" {
		f.noKeyring(u.keyringOff)
	}
	var items []*widget.FormItem
	if line != "" {
		l := widget.NewLabel(line)
		l.Wrapping = fyne.TextWrapWord
		l.Importance = widget.DangerImportance
		items = append(items, widget.NewFormItem("", l))
	}
	items = append(items,
		widget.NewFormItem("Address", f.address),
		widget.NewFormItem("Password", f.password),
		widget.NewFormItem("", newDialogBody(f, container.NewVBox(f.keep, f.keyNote))))
	f.d = dialog.NewForm("Open shared case", "Connect", "Cancel", items, func(ok bool) {
		if ok {
			u.submitShared(f)
		}
	}, u.win)
	f.password.OnSubmitted = func(string) { f.d.Submit() }
	f.address.OnSubmitted = func(string) { f.d.Submit() }
	f.d.Resize(fyne.NewSize(640, 300))
	f.d.Show()
	if rawURL != "" {
		u.win.Canvas().Focus(f.password)
	} else {
		u.win.Canvas().Focus(f.address)
	}
	u.probeKeyring(f)
}

// noKeyring turns the keep choice off and says why.
func (f *sharedForm) noKeyring(line string) {
	f.keep.SetChecked(false)
	f.keep.Disable()
	f.keyNote.SetText(line)
	f.keyNote.Show()
}

// probeKeyring asks the keyring, off the UI goroutine, whether it answers (a secret
// service may be missing, or slow to start), and says so in the dialog when it does not.
func (u *ui) probeKeyring(f *sharedForm) {
	if u.keyringOff != "" {
		return
	}
	u.background(func() func() {
		_, off := keptPassword("probe@chronoscope")
		return func() {
			if off != "" {
				u.keyringOff = off
				f.noKeyring(off)
			}
		}
	})
}

// submitShared connects with what the dialog holds. A password typed into the address
// is taken out of it (the recent list and the keyring's key never hold one).
func (u *ui) submitShared(f *sharedForm) {
	clean, typed := splitPassword(f.address.Text)
	pw := f.password.Text
	if pw == "" {
		pw = typed
	}
	u.connectShared(sharedAttempt{url: clean, asked: true, password: pw, keep: f.keep.Checked && !f.keep.Disabled()})
}

// connectShared opens the shared case off the UI goroutine, with a progress dialog whose
// Cancel gives up; the case on screen stays until the shared one is open. When it fails
// the dialog is shown again with the reason in one line.
func (u *ui) connectShared(at sharedAttempt) {
	a, err := parseShared(at.url)
	if err != nil {
		u.sharedDialog(at.url, err.Error())
		return
	}
	if u.shared == nil {
		u.showError(errors.New("this build of Chronoscope opens no shared cases"))
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), connectTimeout)
	u.connecting = cancel
	bar := widget.NewProgressBarInfinite()
	prog := dialog.NewCustom("Opening a shared case", "Cancel",
		container.NewVBox(widget.NewLabel("Connecting to "+a.String()+"..."), bar), u.win)
	prog.SetOnClosed(cancel)
	prog.Show()
	open := u.shared
	u.background(func() func() {
		pw, fromKeyring, off := at.password, false, ""
		if !at.asked {
			pw, off = keptPassword(a.login())
			fromKeyring = pw != ""
		}
		s, err := open(ctx, at.url, pw)
		if err == nil && at.asked {
			kept := ""
			if at.keep {
				kept = at.password
			}
			off = keepPassword(a.login(), kept)
		}
		canceled := errors.Is(ctx.Err(), context.Canceled)
		cancel()
		return func() {
			bar.Stop()
			prog.Hide()
			u.connecting = nil
			u.sharedOpened(a, at, s, err, canceled, fromKeyring, off)
		}
	})
}

// sharedOpened shows the case an attempt opened, or says why it did not, on the UI
// goroutine.
func (u *ui) sharedOpened(a sharedAddress, at sharedAttempt, s caseStore, err error, canceled, fromKeyring bool, off string) {
	if off != "" && u.keyringOff == "" {
		u.keyringOff = off
	}
	switch {
	case canceled:
		if s != nil {
			s.Close()
		}
		u.setStatus("Stopped connecting to " + a.Server)
	case err != nil:
		line := connectLine(a, err, fromKeyring)
		if errors.Is(err, context.DeadlineExceeded) {
			line = fmt.Sprintf("No answer from %s within %s: check the address, and that the server is up and reachable from here.", a.Server, connectTimeout)
		}
		u.setStatus(line)
		u.sharedDialog(at.url, line)
	case u.caseLocked():
		s.Close()
	default:
		u.setStore(s)
		if off != "" && at.keep && at.password != "" {
			u.setStatus(off)
		}
	}
}
