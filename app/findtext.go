package app

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/chronoscope/chronoscope/timeline"
	"github.com/chronoscope/chronoscope/timeline/extract"
)

// textFinder is the "Find events in text" dialog: the analyst pastes an article, says
// when it was written, where it comes from and in which lane its events go, looks
// through the dates found (each with a suggested title to edit and its sentence), and
// adds the ones that are events, in one undo step.
type textFinder struct {
	u       *ui
	store   timeline.Store    // the case the dialog adds to
	history *timeline.History // and its undo history
	seq     int               // the latest Find dates; an older one's result is dropped
	dlg     dialog.Dialog
	text    *keyEntry
	written *keyEntry
	source  *keyEntry
	lane    *completionEntry
	summary *widget.Label
	rows    *fyne.Container
	add     *widget.Button

	found    []extract.Candidate
	foundFor string // the text found was read from
	checks   []*widget.Check
	titles   []*widget.Entry // the suggested titles, as the analyst edits them
}

// findInText opens the dialog.
func (u *ui) findInText() {
	if !u.writable() || u.modal {
		return
	}
	f := &textFinder{u: u, store: u.store, history: u.history}
	// Ctrl+Enter finds the dates, then adds the ticked ones; Escape cancels, from any field.
	keys := fieldKeys{save: f.next, cancel: func() { f.dlg.Hide() }}
	f.text = newMultiLineKeyEntry()
	keys.wire(f.text)
	f.text.SetMinRowsVisible(8)
	f.text.SetPlaceHolder("Paste an article or a report here, then Find dates (Ctrl+Enter).")
	f.written = keys.entry(u.now().Format("2006-01-02"), "", nil)
	f.source = keys.entry("", "e.g. Reuters, 13 Sep 2023 (kept as each event's source)", nil)
	f.lane = newCompletionEntry(u.suggestions().Lanes)
	keys.wire(&f.lane.keyEntry)
	f.lane.SetPlaceHolder("the lane of the events added (optional)")
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
		widget.NewFormItem("Lane", f.lane),
	)
	top := container.NewVBox(f.text, form, container.NewHBox(find, f.summary))
	content := container.NewBorder(top, container.NewHBox(load, layoutSpacer(), cancel, f.add), nil, nil,
		container.NewVScroll(f.rows))
	f.dlg = dialog.NewCustomWithoutButtons("Find events in text", content, u.win)
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
	u.finder = f
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

// find reads the dates of the pasted text off the UI goroutine and lists them.
func (f *textFinder) find() {
	ref, err := extract.Reference(f.written.Text)
	if err != nil {
		f.summary.SetText("Written on: " + err.Error())
		return
	}
	text := f.text.Text
	f.seq++
	seq := f.seq
	f.u.background(func() func() {
		found, err := extract.Find(text, ref)
		return func() {
			if seq == f.seq {
				f.foundFor = text
				f.show(found, ref, err)
			}
		}
	})
}

// show lists the candidates, all checked.
func (f *textFinder) show(found []extract.Candidate, ref time.Time, err error) {
	f.found, f.checks, f.titles = found, nil, nil
	f.rows.RemoveAll()
	switch {
	case err != nil:
		f.summary.SetText(err.Error())
	case len(found) == 0:
		f.summary.SetText("No date found in the text.")
	default:
		inferred := 0
		for _, c := range found {
			if c.Inferred {
				inferred++
			}
		}
		msg := plural(len(found), "date") + " found."
		if inferred > 0 {
			msg += fmt.Sprintf(" %d (marked *) have no year or are relative: read against %s.",
				inferred, timeline.RangeLabel(ref.Unix(), ref.Unix()))
		}
		f.summary.SetText(msg)
	}
	// One width for the dates, so that the titles line up: the longest, in monospace.
	labels := make([]string, len(found))
	longest := 0
	for i, c := range found {
		labels[i] = timeline.RangeLabel(c.Date.Earliest, c.Date.Latest)
		if !c.End.IsZero() {
			labels[i] += " to " + timeline.RangeLabel(c.End.Earliest, c.End.Latest)
		}
		if c.Inferred {
			labels[i] += " *"
		}
		longest = max(longest, utf8.RuneCountInString(labels[i]))
	}
	char := fyne.MeasureText("0", theme.TextSize(), fyne.TextStyle{Monospace: true}).Width
	dateWidth := float32(longest+1)*char + 2*theme.InnerPadding()
	for i, c := range found {
		check := widget.NewCheck("", func(bool) { f.count() })
		check.SetChecked(true)
		f.checks = append(f.checks, check)
		date := labels[i]
		dateLabel := widget.NewLabel(date)
		dateLabel.TextStyle.Monospace = true
		title := widget.NewEntry()
		title.SetText(c.Title)
		f.titles = append(f.titles, title)
		sentence := widget.NewLabel(c.Sentence)
		sentence.Wrapping = fyne.TextWrapWord
		sentence.Importance = widget.LowImportance
		dateCol := container.New(layout.NewGridWrapLayout(fyne.NewSize(dateWidth, dateLabel.MinSize().Height)), dateLabel)
		f.rows.Add(container.NewBorder(nil, nil, container.NewHBox(check, dateCol), nil,
			container.NewVBox(title, sentence)))
	}
	f.count()
}

// count shows on the Add button how many events it adds.
func (f *textFinder) count() {
	n := 0
	for _, c := range f.checks {
		if c.Checked {
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

// addChecked writes the checked candidates as new events, as one undo step.
func (f *textFinder) addChecked() {
	u := f.u
	var evs []timeline.Event
	for i, c := range f.found {
		if !f.checks[i].Checked {
			continue
		}
		title := strings.TrimSpace(f.titles[i].Text)
		if title == "" {
			title = c.Title
		}
		e := timeline.Event{ID: timeline.NewID(), Title: title, Start: c.Date, End: c.End, Description: c.Sentence, Importance: 3,
			Lane: canonical(strings.TrimSpace(f.lane.Text), f.lane.options)}
		if s := strings.TrimSpace(f.source.Text); s != "" {
			e.Sources = []timeline.Source{{Title: s}}
		}
		evs = append(evs, e)
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
