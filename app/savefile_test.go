package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// button finds the shown button labelled text in the window's overlays (the dialogs).
func button(u *ui, text string) *widget.Button {
	var found *widget.Button
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if found != nil || o == nil || !o.Visible() {
			return
		}
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			found = b
			return
		}
		switch v := o.(type) {
		case *fyne.Container:
			for _, c := range v.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(v).Objects() {
				walk(c)
			}
		}
	}
	overlays := u.win.Canvas().Overlays().List()
	for i := len(overlays) - 1; i >= 0 && found == nil; i-- {
		walk(overlays[i])
	}
	return found
}

// TestSaveDialogLeavesTheChosenFile replaces an existing file through the save dialog, as
// the analyst does (Save, then Yes to "Overwrite?"), and checks that the file still holds
// its content when the export takes over: Fyne's dialog alone would have emptied it.
func TestSaveDialogLeavesTheChosenFile(t *testing.T) {
	path := sampleCase(t)
	u := newTestUI(t, path)
	target := filepath.Join(filepath.Dir(path), "report.csv")
	if err := os.WriteFile(target, []byte("precious\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var chosen, content string
	u.pickSavePath("Export events", "report.csv", []string{".csv"}, func(p string) {
		chosen = p
		b, _ := os.ReadFile(p)
		content = string(b)
	})
	save := button(u, "Save")
	if save == nil {
		t.Fatal("the save dialog has no Save button")
	}
	test.Tap(save)
	yes := button(u, "Yes")
	if yes == nil {
		t.Fatal("no Overwrite? question for an existing file")
	}
	test.Tap(yes)
	if chosen != target {
		t.Fatalf("chosen path %q, want %q", chosen, target)
	}
	if content != "precious\n" {
		t.Errorf("the chosen file held %q when the export began, want its old content", content)
	}
	// Writers write when written to; one closed unwritten creates nothing.
	dir := t.TempDir()
	unwritten := filepath.Join(dir, "unwritten.txt")
	if w, err := storageWriter(unwritten); err != nil || w.Close() != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(unwritten); !os.IsNotExist(err) {
		t.Errorf("a writer closed unwritten made a file: %v", err)
	}
	other := filepath.Join(dir, "other.txt")
	w, err := storageWriter(other)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write([]byte("x")); err != nil {
		t.Fatalf("a writer after the dialog: %v", err)
	}
	w.Close()
	if b, _ := os.ReadFile(other); string(b) != "x" {
		t.Errorf("other file holds %q, want x", b)
	}
}

func storageWriter(path string) (fyne.URIWriteCloser, error) {
	return storage.Writer(storage.NewFileURI(path))
}

// exportThroughDialog runs File > Export events > CSV into target, answering the dialog
// as the analyst does.
func exportThroughDialog(t *testing.T, u *ui, target string) {
	t.Helper()
	u.exportEvents("csv")
	// The dialog opens beside the case; the name typed is the target's.
	for _, o := range u.win.Canvas().Overlays().List() {
		if d := findEntry(o); d != nil {
			d.SetText(filepath.Base(target))
		}
	}
	for _, label := range []string{"Save", "Yes"} {
		b := button(u, label)
		if b == nil {
			t.Fatalf("no %s button", label)
		}
		test.Tap(b)
	}
}

// findEntry finds the first single-line entry under o (the save dialog's file name).
func findEntry(o fyne.CanvasObject) *widget.Entry {
	switch v := o.(type) {
	case *widget.Entry:
		if !v.MultiLine {
			return v
		}
	case *fyne.Container:
		for _, c := range v.Objects {
			if e := findEntry(c); e != nil {
				return e
			}
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(v).Objects() {
			if e := findEntry(c); e != nil {
				return e
			}
		}
	}
	return nil
}

func TestExportReplacesAnExistingFileOnlyWhenComplete(t *testing.T) {
	path := sampleCase(t)
	u := newTestUI(t, path)
	target := filepath.Join(filepath.Dir(path), "events.csv")
	os.WriteFile(target, []byte("precious\n"), 0o644)

	// A failed export (the case can no longer be read) leaves the old file whole.
	store := u.store
	store.Close()
	exportThroughDialog(t, u, target)
	if b, _ := os.ReadFile(target); string(b) != "precious\n" {
		t.Errorf("after a failed export the file holds %q, want its old content", b)
	}

	// A complete export replaces it.
	s, err := testOpener(path, false)
	if err != nil {
		t.Fatal(err)
	}
	u.setStore(s)
	exportThroughDialog(t, u, target)
	b, _ := os.ReadFile(target)
	b = []byte(strings.TrimPrefix(string(b), "\ufeff")) // the CSV export starts with a BOM for spreadsheets
	if lines := strings.Count(string(b), "\n"); !strings.HasPrefix(string(b), "id,title,start") || lines < 14 {
		t.Errorf("the export wrote %d lines starting %.40q, want a header and 13 events", lines, b)
	}
}

// answerSave types name into the open save dialog and presses Save, then Yes when it asks
// to overwrite.
func answerSave(t *testing.T, u *ui, name string) {
	t.Helper()
	overlays := u.win.Canvas().Overlays().List()
	if len(overlays) == 0 {
		t.Fatal("no dialog open")
	}
	e := findEntry(overlays[len(overlays)-1])
	if e == nil {
		t.Fatal("the save dialog has no file name entry")
	}
	e.SetText(name)
	test.Tap(button(u, "Save"))
	if yes := button(u, "Yes"); yes != nil {
		test.Tap(yes)
	}
}

func TestNewCaseKeepsFilesItWasNotAskedToReplace(t *testing.T) {
	path := sampleCase(t)
	dir := filepath.Dir(path)
	u := newTestUI(t, path)
	before, _ := os.ReadFile(path)

	// The open case is refused, and left as it is.
	u.newCase()
	answerSave(t, u, filepath.Base(path))
	if !strings.Contains(u.status.Text, "is the case that is open") {
		t.Errorf("status %q, want the open case refused", u.status.Text)
	}
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Error("the open case file changed")
	}

	// A name typed without the extension, whose case file exists: the dialog did not
	// ask about that file, so it is kept.
	other := filepath.Join(dir, "other"+caseExt)
	os.WriteFile(other, []byte("another case"), 0o644)
	u.newCase()
	answerSave(t, u, "other")
	if !strings.Contains(u.status.Text, "already exists") {
		t.Errorf("status %q, want the existing case named", u.status.Text)
	}
	if b, _ := os.ReadFile(other); string(b) != "another case" {
		t.Errorf("other case holds %q", b)
	}

	// Save a copy keeps it too.
	u.saveCopy()
	answerSave(t, u, "other")
	if !strings.Contains(u.status.Text, "already exists") {
		t.Errorf("save a copy: status %q, want the existing case named", u.status.Text)
	}
	if b, _ := os.ReadFile(other); string(b) != "another case" {
		t.Errorf("other case holds %q after save a copy", b)
	}

	// The exact file, which the dialog asked about, is replaced by a new empty case.
	u.newCase()
	answerSave(t, u, "other"+caseExt)
	if u.store == nil || !sameFile(u.store.Path(), other) {
		t.Fatalf("the window shows %v, want the new case %s", u.store, other)
	}
	if u.marks.Len() != 0 {
		t.Errorf("the new case shows %d events", u.marks.Len())
	}
}
