package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func TestImportPreviewThenOneUndoStep(t *testing.T) {
	u := newTestUI(t, sampleCase(t))
	dir := t.TempDir()
	good := filepath.Join(dir, "more.csv")
	os.WriteFile(good, []byte("id,title,start,lane\nn1,Kim returns to Pyongyang,2023-09-17,North Korea\nsample-2023-china,China: a matter for the two countries,2023-09-13,Diplomacy\n"), 0o644)
	u.previewImport(good, "")
	p := u.preview
	if p == nil || p.importButton.Disabled() || !strings.Contains(p.summary.Text, "2 events read as csv") {
		t.Fatalf("preview = %+v", p)
	}
	if len(u.marks) != 13 {
		t.Errorf("the preview wrote to the case")
	}
	test.Tap(p.importButton)
	if len(u.marks) != 14 || u.tl.Index().Len() != 14 {
		t.Fatalf("after import: %d events", len(u.marks))
	}
	if !strings.Contains(u.status.Text, "1 added, 1 updated, 0 unchanged") {
		t.Errorf("status = %q", u.status.Text)
	}
	// The whole import is one undo step, and the updated event gets its old title back.
	press(u, &fyne.ShortcutUndo{})
	if len(u.marks) != 13 || u.marks[u.position["sample-2023-china"]].Title != "China: the summit is a matter for the two countries" {
		t.Errorf("undo of the import left %d events: %v", len(u.marks), titles(u))
	}
}

func TestImportPreviewShowsTheError(t *testing.T) {
	u := newTestUI(t, sampleCase(t))
	bad := filepath.Join(t.TempDir(), "events.csv")
	os.WriteFile(bad, []byte("title,start\nOk,2023\nBad,2023-13-45\n"), 0o644)
	u.previewImport(bad, "")
	p := u.preview
	if p == nil || !p.importButton.Disabled() || !strings.Contains(p.summary.Text, `events.csv: line 3, column start: "2023-13-45" is not a date`) {
		t.Fatalf("preview of a bad file = %q", p.summary.Text)
	}
	if len(u.marks) != 13 {
		t.Errorf("a bad file changed the case")
	}
}
