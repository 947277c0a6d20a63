package app

import (
	"context"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/chronoscope/chronoscope/timeline"
)

// notGraded is the choice for a source without a reliability or a credibility.
const notGraded = "not graded"

// reliabilityOptions are the reliability choices: not graded, then "A - Completely
// reliable" to "F - Reliability cannot be judged".
func reliabilityOptions() []string {
	out := []string{notGraded}
	for _, r := range timeline.Reliabilities {
		out = append(out, r.Grade+" - "+r.Meaning)
	}
	return out
}

// credibilityOptions are the credibility choices: not graded, then "1 - Confirmed by
// other sources" to "6 - Truth cannot be judged".
func credibilityOptions() []string {
	out := []string{notGraded}
	for i, m := range timeline.Credibilities {
		out = append(out, fmt.Sprintf("%d - %s", i+1, m))
	}
	return out
}

// gradeOf is the grade at the start of a choice such as "B - Usually reliable"; "" for
// not graded.
func gradeOf(option string) string {
	if option == notGraded || option == "" {
		return ""
	}
	g, _, _ := strings.Cut(option, " - ")
	return g
}

// optionFor is the choice whose grade is g, adding one to options when g is not a grade
// the list knows (so a bad imported grade shows, and its error with it).
func optionFor(sel *keySelect, g string) {
	if g == "" {
		sel.SetSelected(notGraded)
		return
	}
	for _, o := range sel.Options {
		if gradeOf(o) == g {
			sel.SetSelected(o)
			return
		}
	}
	o := g + " - not a grade"
	sel.Options = append(sel.Options, o)
	sel.SetSelected(o)
}

// sourceForm edits one source: title, URL, publisher, date, quote and its Admiralty
// grade, with live validation (Source.Validate) and the error beside its field.
type sourceForm struct {
	win            fyne.Window
	orig           timeline.Source
	title          *completionEntry // completes from the case's sources
	url, publisher *keyEntry
	date           *keyEntry
	// id is the shared source the citation names: the one edited, or the case's source
	// picked from the title's list; "" for a new one.
	id                       string
	known                    map[string]timeline.Source // the case's sources by their line in the title's list
	shared                   *widget.Label              // says that a change applies to every citation
	quote                    *textArea
	reliability, credibility *keySelect
	datePreview              *widget.Label
	errors                   map[string]*widget.Label
	saveButton, cancelButton *keyButton
	onSave                   func(timeline.Source)
	onCancel                 func()
	touched                  map[string]bool
	reveal, done             bool
	content                  fyne.CanvasObject
	firstError               fyne.Focusable
	fieldFocus               map[string]fyne.Focusable
	formFrame
}

func newSourceForm(src timeline.Source, onSave func(timeline.Source), onCancel func()) *sourceForm {
	f := &sourceForm{orig: src, onSave: onSave, onCancel: onCancel, id: src.ID,
		errors: map[string]*widget.Label{}, touched: map[string]bool{}}
	keys := fieldKeys{save: f.Save, cancel: f.cancel}
	f.title = newCompletionEntry(nil)
	keys.wire(&f.title.keyEntry)
	f.title.SetText(src.Title)
	f.title.PlaceHolder = "Headline or name; Down lists the case's sources"
	f.title.OnChanged = func(string) { f.touch("title") }
	f.title.OnPick = f.pick
	f.shared = wrapped(sharedHint)
	f.shared.Importance = widget.LowImportance
	if f.id == "" {
		f.shared.Hide()
	}
	f.url = keys.entry(src.URL, "https://…", func(string) { f.touch("url") })
	f.publisher = keys.entry(src.Publisher, "Newspaper, agency, author…", nil)
	f.date = keys.entry(src.Date, "When it was published, such as 2023-09-13", func(string) { f.validate() })
	f.quote = newTextArea(3)
	keys.wire(&f.quote.keyEntry)
	f.quote.SetText(src.Quote)
	f.quote.PlaceHolder = "The passage the event rests on"
	f.reliability = keys.sel(reliabilityOptions(), nil)
	optionFor(f.reliability, src.Reliability)
	f.credibility = keys.sel(credibilityOptions(), nil)
	optionFor(f.credibility, fmt.Sprint(src.Credibility))
	if src.Credibility == 0 {
		f.credibility.SetSelected(notGraded)
	}
	f.datePreview = newPreviewLabel()
	for _, k := range []string{"title", "url", "reliability", "credibility"} {
		f.errors[k] = newErrorLabel()
	}
	f.fieldFocus = map[string]fyne.Focusable{"title": f.title, "url": f.url,
		"reliability": f.reliability, "credibility": f.credibility}
	f.saveButton = keys.button("Save source", theme.ConfirmIcon(), f.Save)
	f.saveButton.Importance = widget.HighImportance
	f.cancelButton = keys.button("Cancel", theme.CancelIcon(), f.cancel)

	f.grid = container.New(layout.NewFormLayout(),
		fieldLabel("Title"), container.NewVBox(f.title, f.errors["title"], f.shared),
		fieldLabel("URL"), container.NewVBox(f.url, f.errors["url"]),
		fieldLabel("Publisher"), f.publisher,
		fieldLabel("Date"), container.NewVBox(f.date, f.datePreview),
		fieldLabel("Quote"), f.quote,
		fieldLabel("Reliability"), container.NewVBox(f.reliability, f.errors["reliability"]),
		fieldLabel("Credibility"), container.NewVBox(f.credibility, f.errors["credibility"]),
	)
	f.scroll = container.NewVScroll(container.NewPadded(f.grid))
	f.content = container.NewBorder(nil, buttonBar(f.cancelButton, f.saveButton), nil, nil, f.scroll)
	f.reliability.OnChanged = func(string) { f.validate() }
	f.credibility.OnChanged = func(string) { f.validate() }
	f.validate()
	return f
}

func (f *sourceForm) touch(field string) {
	f.touched[field] = true
	f.validate()
}

// Source returns the source as edited, or the first problem found.
func (f *sourceForm) Source() (timeline.Source, error) {
	s := timeline.Source{
		ID:          f.id,
		Title:       f.title.Text,
		URL:         strings.TrimSpace(f.url.Text),
		Publisher:   f.publisher.Text,
		Date:        strings.TrimSpace(f.date.Text),
		Quote:       strings.TrimSpace(f.quote.Text),
		Reliability: gradeOf(f.reliability.Selected),
	}
	if c := gradeOf(f.credibility.Selected); c != "" {
		if _, err := fmt.Sscan(c, &s.Credibility); err != nil {
			s.Credibility = -1
		}
	}
	ev := timeline.Event{Sources: []timeline.Source{s}}
	ev.Normalize()
	s = ev.Sources[0]
	return s, s.Validate()
}

// validate shows the problem of each field beside it and enables Save only when there
// is none. A title nobody typed in is not flagged until a save is tried.
func (f *sourceForm) validate() {
	msgs := map[string]string{}
	s, err := f.Source()
	if fe, ok := err.(*timeline.FieldError); ok {
		msgs[fe.Field] = sentence(fe.Reason)
	}
	f.firstError = nil
	keys := []string{"title", "url", "reliability", "credibility"}
	before := visibility(append(labelsOf(f.errors, keys), f.datePreview)...)
	for _, k := range keys {
		msg := msgs[k]
		if k == "title" && !f.reveal && !f.touched["title"] && !f.touched["url"] {
			msg = ""
		}
		setError(f.errors[k], msg)
		if msgs[k] != "" && f.firstError == nil {
			f.firstError = f.fieldFocus[k]
		}
	}
	f.datePreview.Hide()
	if s.Date != "" {
		f.datePreview.SetText("Not read as a date; kept as written")
		if d, err := timeline.ParseDate(s.Date); err == nil {
			f.datePreview.SetText(d.Describe())
		}
		f.datePreview.Show()
	}
	if err != nil {
		f.saveButton.Disable()
	} else {
		f.saveButton.Enable()
	}
	if f.scroll != nil && visibility(append(labelsOf(f.errors, keys), f.datePreview)...) != before {
		f.relayout()
	}
}

// Valid reports whether the source can be saved.
func (f *sourceForm) Valid() bool {
	_, err := f.Source()
	return err == nil
}

// Save hands the source to onSave when it is valid; otherwise it shows every problem
// and puts the cursor in the first field in error.
func (f *sourceForm) Save() {
	if f.done {
		return
	}
	s, err := f.Source()
	if err != nil {
		f.reveal = true
		f.validate()
		focusOn(f.win, f.title, f.firstError)
		return
	}
	f.done = true
	if f.onSave != nil {
		f.onSave(s)
	}
}

func (f *sourceForm) cancel() {
	if f.done {
		return
	}
	f.done = true
	if f.onCancel != nil {
		f.onCancel()
	}
}

// Content is the whole source form with its buttons.
func (f *sourceForm) Content() fyne.CanvasObject { return f.content }

// FocusFirst puts the cursor in Title.
func (f *sourceForm) FocusFirst() { focusOn(f.win, f.title, f.title) }

// sharedHint says what editing a shared source does.
const sharedHint = "A source of the case: a change to its title, URL, publisher, date or grade changes it in every event that cites it. The quote is this event's own."

// setKnown gives the title's list the case's sources, a line each: title, publisher,
// date and grade.
func (f *sourceForm) setKnown(srcs []timeline.Source) {
	f.known = map[string]timeline.Source{}
	var lines []string
	for _, s := range srcs {
		line := s.Title
		if line == "" {
			line = s.URL
		}
		for _, part := range []string{s.Publisher, s.Date, s.Grade()} {
			if part != "" {
				line += " \u00b7 " + part
			}
		}
		base := line
		for n := 2; f.known[line].ID != ""; n++ {
			line = fmt.Sprintf("%s (%d)", base, n)
		}
		f.known[line] = s
		lines = append(lines, line)
	}
	f.title.options = lines
}

// pick cites the case's source on the line chosen from the title's list: its fields
// fill the form, and the citation names it.
func (f *sourceForm) pick(line string) {
	s, ok := f.known[line]
	if !ok {
		f.title.SetText(line)
		return
	}
	f.id = s.ID
	f.title.SetText(s.Title)
	f.url.SetText(s.URL)
	f.publisher.SetText(s.Publisher)
	f.date.SetText(s.Date)
	optionFor(f.reliability, s.Reliability)
	optionFor(f.credibility, fmt.Sprint(s.Credibility))
	if s.Credibility == 0 {
		f.credibility.SetSelected(notGraded)
	}
	f.shared.Show()
	f.validate()
	f.relayout()
}

// showSourceForm opens the source form in a modal dialog over win; Ctrl+Enter saves it,
// Escape cancels it. onSave gets the source once the dialog is closed. known, when set,
// reads the case's sources (in the background) for the title's list.
func showSourceForm(win fyne.Window, src timeline.Source, known func(context.Context) ([]timeline.Source, error),
	onSave func(timeline.Source)) (dialog.Dialog, *sourceForm) {
	title := "Edit source"
	if src == (timeline.Source{}) {
		title = "New source"
	}
	var d *dialog.CustomDialog
	f := newSourceForm(src, func(s timeline.Source) {
		d.Hide()
		if onSave != nil {
			onSave(s)
		}
	}, func() { d.Hide() })
	f.win = win
	d = dialog.NewCustomWithoutButtons(title, newDialogBody(f, f.Content()), win)
	d.SetOnClosed(pushDialogKeys(win.Canvas(), f.Save, f.cancel))
	f.attach(win, d, 560)
	d.Show()
	f.FocusFirst()
	if known != nil {
		go func() {
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			srcs, err := known(ctx)
			if err != nil {
				return // the list stays empty: the form works without it
			}
			fyne.Do(func() { f.setKnown(srcs) })
		}()
	}
	return d, f
}
