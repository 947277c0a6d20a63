package app

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/chronoscope/chronoscope/timeline"
)

// startFolder is where file dialogs open: beside the current case.
func (u *ui) startFolder(d interface{ SetLocation(fyne.ListableURI) }) {
	if u.store == nil {
		return
	}
	if l, err := storage.ListerForURI(storage.NewFileURI(filepath.Dir(u.store.Path()))); err == nil {
		d.SetLocation(l)
	}
}

func (u *ui) newCase() {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		path := w.URI().Path()
		w.Close()
		os.Remove(path) // the dialog made an empty file; the store creates the case
		u.createCase(caseFileName(path))
	}, u.win)
	d.SetFileName("New case" + caseExt)
	u.startFolder(d)
	d.Show() // a file dialog builds its content in Show: Resize before it would crash
	d.Resize(fyne.NewSize(900, 620))
}

func (u *ui) openCase() {
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

// saveCopy writes a consistent copy of the open case, even while it is in use.
func (u *ui) saveCopy() {
	if u.store == nil {
		return
	}
	store := u.store
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		path := caseFileName(w.URI().Path())
		w.Close()
		os.Remove(w.URI().Path())
		u.setBusy(true, "Saving a copy...")
		u.background(func() {
			err := store.SaveCopy(context.Background(), path)
			fyne.Do(func() {
				u.setBusy(false, "")
				if err != nil {
					u.showError(err)
					return
				}
				u.setStatus("Saved a copy as " + path)
			})
		})
	}, u.win)
	d.SetFileName(u.info.Name + " copy" + caseExt)
	u.startFolder(d)
	d.Show() // a file dialog builds its content in Show: Resize before it would crash
	d.Resize(fyne.NewSize(900, 620))
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
	items := []*widget.FormItem{
		widget.NewFormItem("Name", name),
		widget.NewFormItem("Description", desc),
		widget.NewFormItem("File", path),
	}
	store := u.store
	d := dialog.NewForm("Case properties", "Save", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		info := timeline.CaseInfo{Name: name.Text, Description: desc.Text}
		u.background(func() {
			err := store.SetInfo(context.Background(), info)
			fyne.Do(func() {
				if err != nil {
					u.showError(err)
					return
				}
				u.info = info
				u.updateTitle()
			})
		})
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

// confirmOverwrite asks before an export replaces an existing file.
func (u *ui) saveDialog(title, defaultName string, exts []string, then func(path string)) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
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
