package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"github.com/chronoscope/chronoscope/timeline"
)

func TestImportPreviewThenOneUndoStep(t *testing.T) {
	u := newTestUI(t, sampleCase(t))
	dir := t.TempDir()
	good := filepath.Join(dir, "more.csv")
	os.WriteFile(good, []byte("id,title,start,lane\nn1,Kim returns to Pyongyang,2023-09-17,North Korea\nsample-2023-china,China: a matter for the two countries,2023-09-13,Diplomacy\n"), 0o644)
	u.previewImport(good, "")
	p := onScreen[*importPreview](u)
	if p == nil || p.importButton.Disabled() || !strings.Contains(p.summary.Text, "2 events read as csv") {
		t.Fatalf("preview = %+v", p)
	}
	if u.marks.Len() != 13 {
		t.Errorf("the preview wrote to the case")
	}
	test.Tap(p.importButton)
	if u.marks.Len() != 14 || u.tl.Index().Len() != 14 {
		t.Fatalf("after import: %d events", u.marks.Len())
	}
	if !strings.Contains(u.status.Text, "1 added, 1 updated, 0 unchanged") {
		t.Errorf("status = %q", u.status.Text)
	}
	// The whole import is one undo step, and the updated event gets its old title back.
	press(u, &fyne.ShortcutUndo{})
	if u.marks.Len() != 13 || u.marks.Title(u.pos("sample-2023-china")) != "China: the summit is a matter for the two countries" {
		t.Errorf("undo of the import left %d events: %v", u.marks.Len(), titles(u))
	}
}

func TestImportPreviewShowsTheError(t *testing.T) {
	u := newTestUI(t, sampleCase(t))
	bad := filepath.Join(t.TempDir(), "events.csv")
	os.WriteFile(bad, []byte("title,start\nOk,2023\nBad,2023-13-45\n"), 0o644)
	u.previewImport(bad, "")
	p := onScreen[*importPreview](u)
	if p == nil || !p.importButton.Disabled() || !strings.Contains(p.summary.Text, `events.csv: line 3, column start: "2023-13-45" is not a date`) {
		t.Fatalf("preview of a bad file = %q", p.summary.Text)
	}
	if u.marks.Len() != 13 {
		t.Errorf("a bad file changed the case")
	}
}

// TestFindEventsInText pastes an article into File > Find events in text, unticks one of
// the dates found, adds the rest as one undo step, and undoes it.
func TestFindEventsInText(t *testing.T) {
	u := newTestUI(t, sampleCase(t))
	before := u.marks.Len()
	u.now = func() time.Time { return time.Date(2023, 9, 14, 18, 0, 0, 0, time.UTC) }
	press(u, ctrlShift(fyne.KeyI))
	f := onScreen[*textFinder](u)
	if f == nil || f.written.Text != "" {
		t.Fatalf("the dialog did not open with the date written left to the text: %+v", f)
	}
	f.text.SetText("Kim Jong-un met Vladimir Putin at the Vostochny cosmodrome on 13 September 2023.\n" +
		"On Tuesday, North Korea fired two ballistic missiles. Their first summit was in April 2019.\n" +
		"Military exercises ran between 10 and 13 September 2023.")
	f.source.SetText("Wire report")
	f.lane.SetText("diplomacy") // the sample's lane, typed in lower case

	// The case cannot be closed or switched under the dialog, nor a second one opened.
	press(u, ctrlKey(fyne.KeyW))
	if u.store == nil || !strings.Contains(u.status.Text, "Close the open form or dialog first") {
		t.Fatalf("Ctrl+W with the dialog open: store %v, status %q", u.store, u.status.Text)
	}
	overlays := len(u.win.Canvas().Overlays().List())
	press(u, ctrlShift(fyne.KeyI))
	if len(u.win.Canvas().Overlays().List()) != overlays || onScreen[*textFinder](u) != f {
		t.Error("a second Find dialog opened over the first")
	}

	f.find() // no dateline, nothing typed: never today
	if !strings.Contains(f.summary.Text, "It has no dateline") || len(f.found) != 0 {
		t.Errorf("no day written: %q, %d rows", f.summary.Text, len(f.found))
	}
	f.written.SetText("2023-09")
	f.find()
	if !strings.Contains(f.summary.Text, "is not a day") || len(f.found) != 0 {
		t.Errorf("a month as the date written: %q, %d rows", f.summary.Text, len(f.found))
	}
	f.written.SetText("2023-09-14")
	f.text.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierControl}) // Ctrl+Enter in the text: find
	if len(f.found) != 4 || !strings.Contains(f.summary.Text, "4 dates found") || !strings.Contains(f.summary.Text, "1 have no year or are relative") {
		t.Fatalf("found %d: %q", len(f.found), f.summary.Text)
	}
	// The sample holds the summit and the 2019 meeting: shown, unticked, with the case's actors.
	if d := f.found[0].c.Duplicate; d != "Kim and Putin meet at the Vostochny cosmodrome" || f.found[0].check.Checked {
		t.Errorf("the summit the case holds: duplicate %q, ticked %v", d, f.found[0].check.Checked)
	}
	if got := strings.Join(f.found[0].actors.Items(), ";"); got != "Kim Jong-un;Vladimir Putin" {
		t.Errorf("actors of the summit: %q", got)
	}
	if f.found[2].c.Duplicate != "First Kim-Putin summit in Vladivostok" || f.found[2].check.Checked {
		t.Errorf("the 2019 summit: %q", f.found[2].c.Duplicate)
	}
	if f.found[0].title.Text != "Kim Jong-un met Vladimir Putin at the Vostochny cosmodrome" {
		t.Errorf("suggested title %q", f.found[0].title.Text)
	}
	f.found[1].check.SetChecked(false) // "On Tuesday": not wanted
	f.found[2].check.SetChecked(true)  // added anyway, with its day and title edited
	f.found[2].title.SetText("Vladivostok summit recalled")
	f.found[2].date.SetText("25 April 2019")
	f.grade.SetText("B2")
	f.publisher.SetText("Wire")
	if f.add.Text != "Add 2 events" || f.add.Disabled() {
		t.Errorf("add button %q disabled=%v", f.add.Text, f.add.Disabled())
	}
	f.found[3].date.SetText("31 February 2023")
	f.addChecked()
	if !strings.Contains(f.summary.Text, "nothing was added") || u.marks.Len() != before {
		t.Fatalf("a date that does not exist: %q, %d events", f.summary.Text, u.marks.Len())
	}
	f.found[3].date.SetText(dateText(f.found[3].c))
	f.source.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierControl}) // Ctrl+Enter again: add
	if u.marks.Len() != before+2 {
		t.Fatalf("%d events after adding 2 to %d", u.marks.Len(), before)
	}
	spans, _ := u.store.Events(context.Background(), timeline.Filter{Query: "exercises"})
	if len(spans) != 1 || spans[0].End.Text != "2023-09-13" || spans[0].Start.Text != "2023-09-10" {
		t.Fatalf("the span found: %+v", spans)
	}
	added := spans[0]
	if len(added.Sources) != 1 || added.Sources[0].Title != "Wire report" || added.Sources[0].Publisher != "Wire" ||
		added.Sources[0].Grade() != "B2" || added.Sources[0].Date != "2023-09-14" || !strings.HasPrefix(added.Sources[0].Quote, "Military exercises ran") ||
		added.Lane != "Diplomacy" {
		t.Errorf("the added event: %+v", added)
	}
	if evs, _ := u.store.Events(context.Background(), timeline.Filter{Query: `"Vladivostok summit recalled"`}); len(evs) != 1 || evs[0].Start.Text != "2019-04-25" {
		t.Errorf("the edited title and date: %+v", evs)
	}
	press(u, &fyne.ShortcutUndo{})
	if u.marks.Len() != before {
		t.Errorf("%d events after undo, want %d", u.marks.Len(), before)
	}
	if u.modal {
		t.Error("the window still counts the closed dialog as open")
	}

	// A text file instead: its name is the source, and its dates are found at once.
	dir := t.TempDir()
	article := filepath.Join(dir, "tass-2023-09-13.txt")
	os.WriteFile(article, []byte("Путин и Ким Чен Ын встретились 13 сентября 2023 года на космодроме Восточный."), 0o644)
	press(u, ctrlShift(fyne.KeyI))
	f = onScreen[*textFinder](u)
	f.written.SetText("2023-09-14")
	f.load(article)
	if f.source.Text != "tass-2023-09-13.txt" || len(f.found) != 1 || f.found[0].c.Date.Text != "2023-09-13" {
		t.Errorf("loaded file: source %q, %d dates", f.source.Text, len(f.found))
	}
	f.text.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if u.modal || len(u.win.Canvas().Overlays().List()) != 0 {
		t.Error("Escape did not close the dialog")
	}
	press(u, ctrlShift(fyne.KeyI))
	f = onScreen[*textFinder](u)
	binary := filepath.Join(dir, "report.pdf")
	os.WriteFile(binary, []byte("%PDF-1.7\n\xff\xfe\x00binary"), 0o644)
	f.load(binary)
	if !strings.Contains(f.summary.Text, "report.pdf: not UTF-8 text") {
		t.Errorf("a binary file: %q", f.summary.Text)
	}
	f.dlg.Hide()
}
