package app

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/chronoscope/chronoscope/timeline"
	"github.com/chronoscope/chronoscope/timeline/extract"
)

// textFinder is the "Find events in text" dialog: the analyst pastes an article, says
// when it was written (or it is read from the dateline), what the source is (once, cited
// by every event added) and in which lane its events go by default, looks through the
// dates found (each with a title, dates, lane and actors to edit, its sentence, the case's
// actors it names and an event the case already holds), and adds the ones that are
// events, in one undo step.
type textFinder struct {
	u         *ui
	store     caseStore         // the case the dialog adds to
	history   *timeline.History // and its undo history
	seq       int               // the latest Find dates; an older one's result is dropped
	dlg       dialog.Dialog
	text      *keyEntry
	written   *keyEntry
	source    *keyEntry
	publisher *keyEntry
	url       *keyEntry
	grade     *keyEntry
	lane      *completionEntry
	summary   *widget.Label
	rows      *fyne.Container
	add       *widget.Button

	keys     fieldKeys
	found    []*candidateRow
	foundFor string    // the text found was read from
	ref      time.Time // the day it was written
	dateline string    // the day written as read from foundFor's dateline, if it was
}

// findInText opens the dialog.
func (u *ui) findInText() {
	if !u.writable() || u.modal {
		return
	}
	f := &textFinder{u: u, store: u.store, history: u.history}
	// Ctrl+Enter finds the dates, then adds the ticked ones; Escape cancels, from any field.
	keys := fieldKeys{save: f.next, cancel: func() { f.dlg.Hide() }}
	f.keys = keys
	f.text = newMultiLineKeyEntry()
	keys.wire(f.text)
	f.text.SetMinRowsVisible(8)
	f.text.SetPlaceHolder("Paste an article or a report here, then Find dates (Ctrl+Enter).")
	f.written = keys.entry("", "the day it was written (read from its dateline when it has one)", nil)
	f.source = keys.entry("", "the article's title (cited by each event added)", nil)
	f.publisher = keys.entry("", "e.g. Reuters", nil)
	f.url = keys.entry("", "https://...", nil)
	f.grade = keys.entry("", "e.g. B2", nil)
	f.lane = newCompletionEntry(u.suggestions().Lanes)
	keys.wire(&f.lane.keyEntry)
	f.lane.SetPlaceHolder("the lane of events with none proposed (optional)")
	f.summary = widget.NewLabel("")
	f.summary.Wrapping = fyne.TextWrapWord
	f.rows = container.NewVBox()
	find := widget.NewButton("Find dates", f.find)
	f.add = widget.NewButton("Add events", f.addChecked)
	f.add.Importance = widget.HighImportance
	f.add.Disable()
	cancel := widget.NewButton("Cancel", func() { f.dlg.Hide() })
	load := widget.NewButton("Open a text file...", f.chooseFile)

	form := widget.NewForm(
		widget.NewFormItem("Written on", f.written),
		widget.NewFormItem("Source", f.source),
		widget.NewFormItem("Publisher", container.NewGridWithColumns(3, f.publisher, f.url, f.grade)),
		widget.NewFormItem("Lane", f.lane),
	)
	top := container.NewVBox(f.text, form, container.NewHBox(find, f.summary))
	// The text and the dates found share the height; the analyst moves the divider.
	split := container.NewVSplit(container.NewVScroll(top), container.NewVScroll(f.rows))
	split.Offset = 0.45
	content := container.NewBorder(nil, container.NewHBox(load, layoutSpacer(), cancel, f.add), nil, nil, split)
	f.dlg = dialog.NewCustomWithoutButtons("Find events in text", newDialogBody(f, content), u.win)
	f.dlg.Resize(fitSize(u.win, fyne.NewSize(960, 720)))
	// While it is open the case cannot be closed or switched (see caseLocked), and no
	// second dialog or form opens over it.
	u.modal = true
	pop := pushDialogKeys(u.win.Canvas(), f.next, func() { f.dlg.Hide() })
	f.dlg.SetOnClosed(func() {
		pop()
		u.modal = false
	})
	f.dlg.Show()
	u.win.Canvas().Focus(f.text)
}

// next is Ctrl+Enter: add the ticked dates once some are listed for the text as it
// stands, else find them.
func (f *textFinder) next() {
	if !f.add.Disabled() && f.found != nil && f.foundFor == f.text.Text {
		f.addChecked()
		return
	}
	f.find()
}

// chooseFile asks for a text file and loads it.
func (f *textFinder) chooseFile() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			f.summary.SetText(err.Error())
			return
		}
		if r != nil {
			path := r.URI().Path()
			r.Close()
			f.load(path)
		}
	}, f.u.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".txt", ".text", ".md"}))
	f.u.startFolder(d)
	d.Show() // a file dialog builds its content in Show: Resize before it would crash
	d.Resize(fyne.NewSize(900, 620))
}

// load reads a text file off the UI goroutine into the dialog, with its name as the
// source when none is given, and finds its dates.
func (f *textFinder) load(path string) {
	f.u.background(func() func() {
		var text string
		file, err := os.Open(path)
		if err == nil {
			text, err = extract.ReadText(file)
			file.Close()
		}
		return func() {
			if err != nil {
				f.summary.SetText(fmt.Sprintf("%s: %v", filepath.Base(path), err))
				return
			}
			f.text.SetText(text)
			if strings.TrimSpace(f.source.Text) == "" {
				f.source.SetText(filepath.Base(path))
			}
			f.find()
		}
	})
}

// find reads the dates of the pasted text off the UI goroutine, against what the case
// holds, and lists them. The day written is the field's, else the text's dateline; it is
// never silently today.
func (f *textFinder) find() {
	text := f.text.Text
	written := strings.TrimSpace(f.written.Text)
	if written == "" || (written == f.dateline && text != f.foundFor) {
		// Read from the dateline; again for another text, unless the analyst typed it.
		day, line, ok := extract.Written(text)
		if !ok {
			f.written.SetText("")
			f.summary.SetText("When was the text written? It has no dateline: give the day in Written on.")
			f.u.win.Canvas().Focus(f.written)
			return
		}
		f.dateline = day.Format("2006-01-02")
		f.written.SetText(f.dateline)
		f.summary.SetText("Written on read from the text: " + line)
	}
	ref, err := extract.Reference(f.written.Text)
	if err != nil {
		f.summary.SetText("Written on: " + err.Error())
		return
	}
	f.seq++
	seq, store := f.seq, f.store
	f.u.background(func() func() {
		ctx := context.Background()
		known, err := extract.CaseOf(ctx, store)
		var found []extract.Candidate
		if err == nil {
			found, err = extract.Analyse(text, ref, known)
		}
		return func() {
			if seq == f.seq {
				f.foundFor, f.ref = text, ref
				f.show(found, known.Actors, err)
			}
		}
	})
}

// show lists the candidates: ticked, but for those the case already holds.
func (f *textFinder) show(found []extract.Candidate, actors []string, err error) {
	f.found = nil
	f.rows.RemoveAll()
	switch {
	case err != nil:
		f.summary.SetText(err.Error())
	case len(found) == 0:
		f.summary.SetText("No date found in the text.")
	default:
		f.summary.SetText(findSummary(found, f.ref))
	}
	lanes := f.u.suggestions().Lanes
	for _, c := range found {
		r := newCandidateRow(c, f.keys, lanes, actors, f.count)
		f.found = append(f.found, r)
		f.rows.Add(r.box)
		f.rows.Add(widget.NewSeparator())
	}
	f.count()
}

// findSummary says how many dates were found, how many are relative or without a year,
// and how many the case already holds.
func findSummary(found []extract.Candidate, ref time.Time) string {
	inferred, dup := 0, 0
	for _, c := range found {
		if c.Inferred {
			inferred++
		}
		if c.Duplicate != "" {
			dup++
		}
	}
	msg := plural(len(found), "date") + " found."
	if inferred > 0 {
		msg += fmt.Sprintf(" %d have no year or are relative: read against %s.", inferred, timeline.RangeLabel(ref.Unix(), ref.Unix()))
	}
	if dup > 0 {
		msg += fmt.Sprintf(" %d already in the case, unticked.", dup)
	}
	return msg
}

// count shows on the Add button how many events it adds.
func (f *textFinder) count() {
	n := 0
	for _, r := range f.found {
		if r.check.Checked {
			n++
		}
	}
	f.add.SetText("Add " + plural(n, "event"))
	if n == 0 {
		f.add.Disable()
	} else {
		f.add.Enable()
	}
}

// sourceOf is the source the dialog's fields give, cited by every event added.
func (f *textFinder) sourceOf() (timeline.Source, error) {
	rel, cred, err := timeline.ParseGrade(f.grade.Text)
	if err != nil {
		return timeline.Source{}, fmt.Errorf("grade: %w", err)
	}
	src := timeline.Source{
		Title: strings.TrimSpace(f.source.Text), Publisher: strings.TrimSpace(f.publisher.Text),
		URL: strings.TrimSpace(f.url.Text), Date: f.ref.Format("2006-01-02"), Reliability: rel, Credibility: cred,
	}
	if src.Title == "" && (src.URL != "" || src.Publisher != "") {
		src.Title = src.Publisher
		if src.Title == "" {
			src.Title = src.URL
		}
	}
	return src, nil
}

// checkedEvents are the ticked rows as events; the first row that does not make one
// (a date that cannot be read) stops it with its reason.
func (f *textFinder) checkedEvents() ([]timeline.Event, error) {
	src, err := f.sourceOf()
	if err != nil {
		return nil, err
	}
	if src.URL != "" {
		if err := src.Validate(); err != nil {
			return nil, err
		}
	}
	lanes := f.u.suggestions().Lanes
	def := canonical(strings.TrimSpace(f.lane.Text), f.lane.options)
	var evs []timeline.Event
	for _, r := range f.found {
		if !r.check.Checked {
			continue
		}
		e, err := r.event(src, def, lanes, f.ref)
		if err != nil {
			return nil, err
		}
		evs = append(evs, e)
	}
	return evs, nil
}

// addChecked writes the checked candidates as new events, as one undo step.
func (f *textFinder) addChecked() {
	u := f.u
	evs, err := f.checkedEvents()
	if err != nil {
		f.summary.SetText(err.Error() + ": nothing was added.")
		return
	}
	if len(evs) == 0 {
		return
	}
	f.dlg.Hide()
	if f.store != u.store || f.history != u.history {
		u.showError(fmt.Errorf("add events found in the text: the case was closed; nothing was added"))
		return
	}
	label := fmt.Sprintf("adding %s found in a text", plural(len(evs), "event"))
	j := u.newJob(label, "Adding events...")
	j.run(func() func() {
		err := j.history.Do(func() (timeline.Change, error) {
			_, err := j.store.Put(context.Background(), evs, nil)
			return timeline.Change{Label: label, After: evs}, err
		})
		return func() {
			if err != nil {
				u.showError(fmt.Errorf("add events found in the text: %w (the case is unchanged)", err))
				return
			}
			u.afterChange(evs, fmt.Sprintf("Added %s found in the text (Ctrl+Z undoes it)", plural(len(evs), "event")))
		}
	})
}
