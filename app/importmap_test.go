package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/xuri/excelize/v2"
)

// frenchSheet is a spreadsheet as an analyst types one: French headers, numeric dates
// that do not say their order, a notes column, a column of the analyst's own.
const frenchSheet = "Date;Événement;Remarques;Analyste\n" +
	"05/09/2023;Avertissement de Washington;Kirby parle;JB\n" +
	"03/09/2023;Départ du train;Pyongyang;KL\n"

// TestImportPreviewChangesTheColumns changes a column's role and the date order in the
// import preview, imports, and finds the columns chosen again at the next import.
func TestImportPreviewChangesTheColumns(t *testing.T) {
	u := newTestUI(t, sampleCase(t))
	path := filepath.Join(t.TempDir(), "chronologie.csv")
	os.WriteFile(path, []byte(frenchSheet), 0o644)
	u.previewImport(path, "")
	p := onScreen[*importPreview](u)
	if p == nil || p.importButton.Disabled() {
		t.Fatalf("preview: %+v", p)
	}
	for header, want := range map[string]string{"Date": "Start date", "Événement": "Title", "Remarques": "Description",
		"Analyste": "Keep as attribute"} {
		if got := p.roles[header].Selected; got != want {
			t.Errorf("%s read as %q, want %q", header, got, want)
		}
	}
	if p.order == nil || p.order.Selected != "As the dates say" {
		t.Fatalf("no choice of date order: %+v", p.order)
	}
	if e := p.read.doc.Events[0]; e.Start.Text != "2023-09-05" || e.Title != "Avertissement de Washington" {
		t.Errorf("first event %q %q", e.Start.Text, e.Title)
	}
	// The notes are the title; the title the analyst had is kept as an attribute.
	p.roles["Remarques"].SetSelected("Title")
	p = onScreen[*importPreview](u)
	if p.roles["Remarques"].Selected != "Title" || p.roles["Événement"].Selected != "Keep as attribute" {
		t.Errorf("after the change: %q %q", p.roles["Remarques"].Selected, p.roles["Événement"].Selected)
	}
	// The dates are month first.
	p.order.SetSelected("Month-day-year (09/13/2023)")
	p = onScreen[*importPreview](u)
	e := p.read.doc.Events[0]
	if e.Title != "Kirby parle" || e.Start.Text != "2023-05-09" || e.Attrs["Événement"] != "Avertissement de Washington" {
		t.Fatalf("read again: %q %q %v", e.Title, e.Start.Text, e.Attrs)
	}
	if !p.keep.Checked {
		t.Error("the columns chosen are not offered to be kept")
	}
	test.Tap(p.importButton)
	if !strings.Contains(u.status.Text, "2 added") {
		t.Fatalf("status %q", u.status.Text)
	}
	// The next import into this case reads the columns the same way.
	again := filepath.Join(t.TempDir(), "suite.csv")
	os.WriteFile(again, []byte("Date;Événement;Remarques;Analyste\n04/09/2023;Arrivée;Vladivostok;JB\n"), 0o644)
	u.previewImport(again, "")
	p = onScreen[*importPreview](u)
	if e := p.read.doc.Events[0]; e.Title != "Vladivostok" || e.Start.Text != "2023-04-09" || p.order.Selected != "Month-day-year (09/13/2023)" {
		t.Errorf("the kept mapping was not used: %q %q %q", e.Title, e.Start.Text, p.order.Selected)
	}
}

// TestImportPreviewFlagsDuplicates marks the rows that look like events of the case,
// and leaves them out when asked.
func TestImportPreviewFlagsDuplicates(t *testing.T) {
	u := newTestUI(t, sampleCase(t))
	path := filepath.Join(t.TempDir(), "wire.csv")
	os.WriteFile(path, []byte("When,What,Who\n"+
		"13 September 2023,Putin and Kim meet at the Vostochny cosmodrome,\n"+
		"14 September 2023,Kim visits Komsomolsk,Kim Jong-un\n"), 0o644)
	u.previewImport(path, "")
	p := onScreen[*importPreview](u)
	if p == nil || len(p.read.dups) != 1 || p.read.dups[0].Index != 0 || p.skip == nil ||
		!strings.Contains(p.duplicates.Text, "1 row looks like events already in the case") {
		t.Fatalf("duplicates: %+v", p)
	}
	p.skip.SetChecked(true)
	before := u.marks.Len()
	test.Tap(p.importButton)
	if u.marks.Len() != before+1 {
		t.Errorf("%d events after, want %d", u.marks.Len(), before+1)
	}
}

// TestImportPreviewWithoutTitle shows the columns of a file whose title no column was
// found for, so the analyst can choose one.
func TestImportPreviewWithoutTitle(t *testing.T) {
	u := newTestUI(t, sampleCase(t))
	path := filepath.Join(t.TempDir(), "counts.csv")
	os.WriteFile(path, []byte("Day,Count\n2023-09-13,4\n"), 0o644)
	u.previewImport(path, "")
	p := onScreen[*importPreview](u)
	if p == nil || !p.importButton.Disabled() || !strings.Contains(p.summary.Text, "no column was found for the title") {
		t.Fatalf("preview: %+v", p)
	}
	p.roles["Count"].SetSelected("Title")
	p = onScreen[*importPreview](u)
	if p.importButton.Disabled() || p.read.doc.Events[0].Title != "4" {
		t.Errorf("after choosing the title: %q %+v", p.summary.Text, p.read.doc.Events)
	}
}

// TestImportPreviewChoosesTheSheet reads another sheet of a workbook.
func TestImportPreviewChoosesTheSheet(t *testing.T) {
	u := newTestUI(t, sampleCase(t))
	f := excelize.NewFile()
	f.SetSheetName("Sheet1", "Notes")
	f.SetCellValue("Notes", "A1", "nothing here")
	f.NewSheet("Events")
	for i, v := range []string{"When", "What", "13/09/2023", "Summit"} {
		cell, _ := excelize.CoordinatesToCellName(i%2+1, i/2+1)
		f.SetCellValue("Events", cell, v)
	}
	path := filepath.Join(t.TempDir(), "book.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	u.previewImport(path, "")
	p := onScreen[*importPreview](u)
	if p == nil || p.sheet == nil || p.sheet.Selected != "Notes" || !p.importButton.Disabled() {
		t.Fatalf("preview of the first sheet: %+v", p)
	}
	p.sheet.SetSelected("Events")
	p = onScreen[*importPreview](u)
	if p.importButton.Disabled() || p.read.doc.Events[0].Title != "Summit" || p.read.doc.Events[0].Start.Text != "2023-09-13" {
		t.Errorf("the Events sheet: %q %+v", p.summary.Text, p.read.doc.Events)
	}
}
