package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
)

// TestCompressIsKeptInTheCase: View > Compress empty periods (Ctrl+Shift+C) folds the
// timeline's empty stretches, is ticked in the menu, says what it folded, and is kept
// in the case: the case opens compressed again, until it is turned off.
func TestCompressIsKeptInTheCase(t *testing.T) {
	path := sampleCase(t)
	u := newTestUI(t, path)
	if u.tl.Compressed() || u.menus.compress.Checked {
		t.Fatal("a new case opens compressed")
	}
	press(u, ctrlShift(fyne.KeyC))
	if !u.tl.Compressed() || !u.menus.compress.Checked {
		t.Fatalf("Ctrl+Shift+C: compressed %v, ticked %v", u.tl.Compressed(), u.menus.compress.Checked)
	}
	if !strings.Contains(u.status.Text, "folded") {
		t.Errorf("the status says %q", u.status.Text)
	}
	if u.marks.Len() != 13 || u.tl.Index().Len() != 13 {
		t.Errorf("compressed, %d events shown, want 13", u.marks.Len())
	}
	u.closeStore()

	again := newTestUI(t, path)
	if !again.tl.Compressed() || !again.menus.compress.Checked {
		t.Error("the case opened again is not compressed")
	}
	again.menus.compress.Action()
	if again.tl.Compressed() {
		t.Error("turned off, the timeline is still compressed")
	}
	again.closeStore()
	if newTestUI(t, path).tl.Compressed() {
		t.Error("turned off, the case opens compressed")
	}
}
