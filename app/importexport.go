package app

import (
	"context"
	"fmt"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/chronoscope/chronoscope/app/timelineview"
	"github.com/chronoscope/chronoscope/timeline"
	"github.com/chronoscope/chronoscope/timeline/format"
)

func (u *ui) importFiles() {
	if !u.writable() {
		return
	}
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		u.app.Preferences().SetString(prefImportDir, filepath.Dir(path))
		u.previewImport(path, "")
	}, u.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".csv", ".json", ".ics", ".tsv", ".txt", ".xlsx", ".xlsm"}))
	// Files to import live with the analyst's documents, not with the cases.
	if dir := u.app.Preferences().String(prefImportDir); dir != "" {
		if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
			d.SetLocation(l)
		}
	}
	d.Show() // a file dialog builds its content in Show: Resize before it would crash
	d.Resize(fyne.NewSize(900, 620))
}

func bold(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.TextStyle.Bold = true
	return l
}

// runImport writes the events in one transaction with a progress bar, and records the
// whole import as one undo step, on the case open when it began.
func (u *ui) runImport(name string, doc format.Document) {
	if !u.writable() {
		return
	}
	p := u.newProgress("Importing "+name, fmt.Sprintf("Writing %s events...", thousands(len(doc.Events))))
	j := u.newJob("the import of "+name, "")
	j.onEnd = p.close
	j.run(func() func() {
		ctx := context.Background()
		store := j.store
		// One step of the history, written with no undo or edit between.
		var res timeline.PutResult
		err := j.history.Do(func() (timeline.Change, error) {
			var c timeline.Change
			var err error
			c, res, err = writeImport(ctx, store, "import of "+name, doc.Events, p.update)
			return c, err
		})
		if err == nil && doc.Info.Name != "" {
			if n, cerr := store.Count(ctx, timeline.Filter{}); cerr == nil && n == res.Added {
				store.SetInfo(ctx, doc.Info) // a new case takes the file's title
			}
		}
		info, infoErr := store.Info(ctx)
		return func() {
			if err != nil {
				u.showError(fmt.Errorf("import %s: %w (the case is unchanged)", name, err))
				return
			}
			if infoErr == nil {
				u.info = info
				u.updateTitle()
			}
			u.afterChange(nil, fmt.Sprintf("Imported %s: %d added, %d updated, %d unchanged (Ctrl+Z undoes it)",
				name, res.Added, res.Updated, res.Unchanged))
			u.refreshFit(true)
			u.startIndexing()
		}
	})
}

// writeImport writes an import's events and returns its change for the history. A store
// that keeps batches records it as one (the change then holds only its number, and an
// undo moves the events within the case); otherwise the change holds the events it
// replaced and the imported ones.
func writeImport(ctx context.Context, store caseStore, label string, evs []timeline.Event, progress timeline.Progress) (timeline.Change, timeline.PutResult, error) {
	if b, ok := store.(timeline.Batches); ok {
		id, res, err := b.PutBatch(ctx, label, len(evs), func(put func([]timeline.Event) error) error {
			const chunk = 4096
			for lo := 0; lo < len(evs); lo += chunk {
				if err := put(evs[lo:min(lo+chunk, len(evs))]); err != nil {
					return err
				}
				progress(min(lo+chunk, len(evs)), len(evs))
			}
			return nil
		})
		return timeline.Change{Label: label, Batch: id}, res, err
	}
	ids := make([]string, len(evs))
	for i, e := range evs {
		ids[i] = e.ID
	}
	before, err := store.Lookup(ctx, ids)
	if err != nil {
		return timeline.Change{}, timeline.PutResult{}, err
	}
	res, err := store.Put(ctx, evs, progress)
	return timeline.Change{Label: label, Before: before, After: evs}, res, err
}

// exportTime is the time the window's exports stamp on what they write: the one rule of
// timeline.ExportTime (SOURCE_DATE_EPOCH, else the window's clock).
func (u *ui) exportTime() (time.Time, error) { return timeline.ExportTime(os.Getenv, u.now) }

// exportEvents writes the events the analyst sees (search and filters) in a format.
func (u *ui) exportEvents(kind string) {
	if u.store == nil {
		return
	}
	ext := map[string]string{"csv": ".csv", "json": ".json", "timelinejs": ".json", "ics": ".ics", "xlsx": ".xlsx"}[kind]
	u.pickSavePath("Export events", u.info.Name+ext, []string{ext}, func(path string) {
		if u.store == nil {
			return // the case was closed while the dialog was open
		}
		stamp, err := u.exportTime()
		if err != nil {
			u.showError(fmt.Errorf("export: %w", err))
			return
		}
		f, info := u.currentFilter(), u.info
		j := u.newJob("the export", "Exporting...")
		j.run(func() func() {
			evs, err := j.store.Events(context.Background(), f)
			var left format.LeftOut
			if err == nil {
				err = timeline.WriteFileAtomic(path, func(w io.Writer) (err error) {
					left, err = format.WriteSome(w, format.Format(kind), format.Document{Info: info, Events: evs, Generated: stamp})
					return err
				})
			}
			return func() {
				if err != nil {
					u.showError(err)
					return
				}
				u.setStatus(exportedText(len(evs), path, left))
				if left.Count > 0 {
					dialog.ShowInformation("Some events were left out", exportedText(len(evs), path, left), u.win)
				}
			}
		})
	})
}

// exportedText says what an export wrote, and what its format could not hold.
func exportedText(n int, path string, left format.LeftOut) string {
	if left.Count == 0 {
		return fmt.Sprintf("Exported %s events to %s", thousands(n), path)
	}
	return fmt.Sprintf("Exported %s of %s events to %s; %s", thousands(n-left.Count), thousands(n), path, left)
}

// exportImage writes the timeline as it is on screen to a PNG.
func (u *ui) exportImage() {
	if u.store == nil || u.tl.Index() == nil {
		return
	}
	u.pickSavePath("Export timeline image", u.info.Name+".png", []string{".png"}, func(path string) {
		size := u.tl.Size()
		w, h := max(int(size.Width), 1200), max(int(size.Height), 700)
		sc := u.tl.Scale()
		pic := timelineview.Picture{Index: u.tl.Index(), Scale: &sc, Selected: u.selected, Colours: u.list.colours, Order: u.laneOrder}
		if c, ok := u.tl.Folded(); ok {
			pic.Compressed = &c // as on screen
		}
		img := timelineview.Render(pic, w, h)
		u.background(func() func() {
			err := timeline.WriteFileAtomic(path, func(wr io.Writer) error { return png.Encode(wr, img) })
			return func() {
				if err != nil {
					u.showError(err)
					return
				}
				u.setStatus("Saved the timeline image as " + path)
			}
		})
	})
}

// hover loads the details of the event under the pointer for the tooltip.
func (u *ui) hover(id string) {
	if id == "" || u.store == nil {
		return
	}
	store := u.store
	u.background(func() func() {
		e, err := store.Get(context.Background(), id)
		if err != nil {
			return nil
		}
		lines := tooltipLines(e)
		return func() {
			if u.store == store {
				u.tl.ShowTooltip(id, lines)
			}
		}
	})
}

// tooltipLines are what the timeline's tooltip says of an event: title, date as
// entered, lane, actors, and the first source with its grade.
func tooltipLines(e timeline.Event) []string {
	when := e.Start.Text + "  (" + e.Start.Describe() + ")"
	if e.IsSpan() {
		when = e.Start.Text + " to " + e.End.Text + "  (" + e.Start.Describe() + " to " + e.End.Describe() + ")"
	}
	lines := []string{e.Title, when}
	if e.Lane != "" {
		lines = append(lines, "Lane: "+e.Lane)
	}
	if len(e.Actors) > 0 {
		lines = append(lines, "Actors: "+strings.Join(e.Actors, ", "))
	}
	if len(e.Sources) > 0 {
		s := e.Sources[0]
		line := "Source: " + s.Title
		if g := s.Grade(); g != "" {
			line += " [" + g + "]"
		}
		if len(e.Sources) > 1 {
			line += fmt.Sprintf(" and %d more", len(e.Sources)-1)
		}
		lines = append(lines, line)
	} else {
		lines = append(lines, "No source")
	}
	for i, l := range lines {
		if r := []rune(l); len(r) > 90 {
			lines[i] = string(r[:89]) + "\u2026"
		}
	}
	return lines
}

func layoutSpacer() fyne.CanvasObject { return layout.NewSpacer() }
