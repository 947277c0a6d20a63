package app

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/chronoscope/chronoscope/timeline"
)

// startFolder is where file dialogs open: beside the current case.
func (u *ui) startFolder(d interface{ SetLocation(fyne.ListableURI) }) {
	if u.store == nil || u.isSharedCase() {
		return // a shared case has no folder: the dialog starts where it would
	}
	if l, err := storage.ListerForURI(storage.NewFileURI(filepath.Dir(u.store.Path()))); err == nil {
		d.SetLocation(l)
	}
}

// newCase asks where to create a case and opens it there. A file the analyst chose to
// replace (the dialog asked) is removed first.
func (u *ui) newCase() {
	if u.caseLocked() {
		return
	}
	u.pickSavePath("New case", "New case"+caseExt, nil, func(chosen string) {
		path, err := u.caseTarget(chosen)
		if err != nil {
			u.showError(fmt.Errorf("new case: %w", err))
			return
		}
		if err := os.Remove(path); err != nil && !os.IsNotExist(err) {
			u.showError(fmt.Errorf("new case: %w", err))
			return
		}
		u.createCase(path)
	})
}

// caseTarget is the case file a save dialog's answer names (the extension added when it
// was typed without it). It refuses the case that is open, and a case file the dialog did
// not ask about replacing: one named without its extension in the dialog.
func (u *ui) caseTarget(chosen string) (string, error) {
	path := timeline.CaseFileName(chosen)
	if u.store != nil && sameFile(path, u.store.Path()) {
		return "", fmt.Errorf("%s is the case that is open; choose another name", path)
	}
	if _, err := os.Stat(path); err == nil && path != chosen {
		return "", fmt.Errorf("%s already exists; choose another name, or name it with its extension to replace it", path)
	}
	return path, nil
}

func (u *ui) openCase() {
	if u.caseLocked() {
		return
	}
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		u.openPath(path)
	}, u.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{caseExt, ".db", ".sqlite"}))
	u.startFolder(d)
	d.Show() // a file dialog builds its content in Show: Resize before it would crash
	d.Resize(fyne.NewSize(900, 620))
}

// saveCopy writes a consistent copy of the open case, even while it is in use. Of a
// shared case it writes a case file of the analyst's own (what the case held when the copy
// began), which is not shared: the shared case is unchanged and stays open.
func (u *ui) saveCopy() {
	if u.store == nil {
		return
	}
	store := u.store
	u.pickSavePath("Save a copy", u.info.Name+" copy"+caseExt, nil, func(chosen string) {
		if store != u.store {
			return // the case was closed while the dialog was open
		}
		path, err := u.caseTarget(chosen)
		if err != nil {
			u.showError(fmt.Errorf("save a copy: %w", err))
			return
		}
		j := u.newJob("the copy of the case", "Saving a copy...")
		j.run(func() func() {
			err := j.store.SaveCopy(context.Background(), path)
			return func() {
				if err != nil {
					u.showError(err)
					return
				}
				if u.isSharedCase() {
					u.setStatus("Saved a copy of the shared case as " + path + ": a case file of your own, not shared; the shared case stays open")
					return
				}
				u.setStatus("Saved a copy as " + path)
			}
		})
	})
}

// saveInfo writes the case's name, description and notes (a job named what, in the
// background), then runs done.
func (u *ui) saveInfo(info timeline.CaseInfo, what string, done func()) {
	j := u.newJob("saving "+what, "")
	j.run(func() func() {
		err := j.store.SetInfo(context.Background(), info)
		return func() {
			if err != nil {
				u.showError(err)
				return
			}
			u.info = info
			done()
		}
	})
}

func (u *ui) caseProperties() {
	if !u.writable() {
		return
	}
	name := newKeyEntry()
	name.SetText(u.info.Name)
	desc := newMultiLineKeyEntry()
	desc.SetText(u.info.Description)
	desc.SetMinRowsVisible(5)
	path := widget.NewLabel(u.store.Path())
	path.Wrapping = fyne.TextWrapBreak
	where := "File"
	if u.isSharedCase() {
		// A shared case's name is its address (case=NAME in every member's URL): it is
		// not renamed here. The description is shared with the other members.
		name.Disable()
		where = "Shared at"
		path.SetText(u.store.Path() + "\n(its name is its address on the server, so it cannot be renamed here)")
	}
	items := []*widget.FormItem{
		widget.NewFormItem("Name", name),
		widget.NewFormItem("Description", desc),
		widget.NewFormItem(where, path),
	}
	store := u.store
	d := dialog.NewForm("Case properties", "Save", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		if store != u.store {
			return // the case was closed while the dialog was open
		}
		info := u.info // the notes stay as they are
		info.Name, info.Description = name.Text, desc.Text
		u.saveInfo(info, "the case's properties", u.updateTitle)
	}, u.win)
	name.Validator = func(s string) error {
		if len(s) == 0 {
			return fmt.Errorf("a case needs a name")
		}
		return nil
	}
	d.Resize(fyne.NewSize(560, 400))
	d.Show()
}

// pickSavePath shows Fyne's save dialog (which asks before an existing file is replaced)
// and calls then with the chosen path. The file itself is not touched (see keepFiles):
// exports write through a temporary file and a rename, so an existing file is replaced
// only by a complete one.
func (u *ui) pickSavePath(title, defaultName string, exts []string, then func(path string)) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			u.showError(fmt.Errorf("%s: %w", strings.ToLower(title), err))
			return
		}
		if w == nil {
			return // canceled
		}
		path := w.URI().Path()
		w.Close()
		then(path)
	}, u.win)
	d.SetFileName(defaultName)
	if len(exts) > 0 {
		d.SetFilter(storage.NewExtensionFileFilter(exts))
	}
	d.SetTitleText(title)
	u.startFolder(d)
	d.Show() // a file dialog builds its content in Show: Resize before it would crash
	d.Resize(fyne.NewSize(900, 620))
}

// sameFile reports whether a and b name the same file (both may not exist yet).
func sameFile(a, b string) bool {
	fa, errA := os.Stat(a)
	fb, errB := os.Stat(b)
	if errA == nil && errB == nil {
		return os.SameFile(fa, fb)
	}
	absA, _ := filepath.Abs(a)
	absB, _ := filepath.Abs(b)
	return absA == absB
}

// progressDialog shows a progress bar for work that may take more than a moment.
type progressDialog struct {
	d   dialog.Dialog
	bar *widget.ProgressBar
}

func (u *ui) newProgress(title, msg string) *progressDialog {
	bar := widget.NewProgressBar()
	label := widget.NewLabel(msg)
	d := dialog.NewCustomWithoutButtons(title, container.NewVBox(label, bar), u.win)
	d.Resize(fyne.NewSize(420, 140))
	d.Show()
	return &progressDialog{d: d, bar: bar}
}

// update may be called from any goroutine.
func (p *progressDialog) update(done, total int) {
	if total <= 0 {
		return
	}
	v := float64(done) / float64(total)
	fyne.Do(func() { p.bar.SetValue(v) })
}

func (p *progressDialog) close() { p.d.Hide() }
