package app

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/chronoscope/chronoscope/timeline"
	"github.com/chronoscope/chronoscope/timeline/extract"
)

// candidateRow is one date found in the text, as the analyst edits it before adding:
// whether to add it, its dates (read with the event form's date reader), title, lane and
// actors, and the new names it offers as actors.
type candidateRow struct {
	c       extract.Candidate
	check   *widget.Check
	date    *keyEntry
	title   *keyEntry
	lane    *completionEntry
	actors  *listEditor
	offered []*widget.Check // the names the text gives that the case does not have
	box     fyne.CanvasObject
}

// dateText is how a candidate's dates are shown for editing: EDTF, a span as start/end.
func dateText(c extract.Candidate) string {
	if c.End.IsZero() {
		return c.Date.Text
	}
	return c.Date.Text + "/" + c.End.Text
}

// newCandidateRow makes the row of candidate c; lanes and actors are the case's, for
// completion; a candidate the case already holds starts unticked.
func newCandidateRow(c extract.Candidate, keys fieldKeys, lanes, actors []string, changed func()) *candidateRow {
	r := &candidateRow{c: c}
	r.check = widget.NewCheck("", func(bool) { changed() })
	r.check.SetChecked(c.Duplicate == "")
	r.date = keys.entry(dateText(c), "a date, as the event form takes it", nil)
	r.title = keys.entry(c.Title, "title", nil)
	r.lane = newCompletionEntry(lanes)
	keys.wire(&r.lane.keyEntry)
	r.lane.SetText(c.Lane)
	r.lane.SetPlaceHolder("lane (or the dialog's)")
	r.actors = newListEditor(c.Actors, actors, "actors")
	keys.wire(&r.actors.entry.keyEntry)
	var offers []fyne.CanvasObject
	for _, name := range c.NewActors {
		name := name
		chk := widget.NewCheck("+ "+name, func(on bool) {
			if on {
				r.actors.Add(name)
			} else {
				r.actors.Remove(name)
			}
		})
		r.offered = append(r.offered, chk)
		offers = append(offers, chk)
	}
	said := widget.NewLabel(fmt.Sprintf("read from \u201c%s\u201d: %s", c.Said, c.Sentence))
	said.Wrapping = fyne.TextWrapWord
	said.Importance = widget.LowImportance
	lines := []fyne.CanvasObject{
		container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(240, r.date.MinSize().Height), r.date), nil, r.title),
		container.NewGridWithColumns(2, r.lane, r.actors.Content()),
	}
	if len(offers) > 0 {
		lines = append(lines, container.New(layout.NewRowWrapLayout(), append([]fyne.CanvasObject{widget.NewLabel("New actors?")}, offers...)...))
	}
	if c.Duplicate != "" {
		dup := widget.NewLabel("Already in the case: " + c.Duplicate + " (tick to add it anyway)")
		dup.Importance = widget.WarningImportance
		dup.Wrapping = fyne.TextWrapWord
		lines = append(lines, dup)
	}
	lines = append(lines, said)
	r.box = container.NewBorder(nil, nil, container.NewVBox(r.check), nil, container.NewVBox(lines...))
	return r
}

// event is the row as an event, citing src with the candidate's sentence as the quote;
// lane is the lane of events whose row names none. ref is the day the text was written,
// for a date typed relative to it.
func (r *candidateRow) event(src timeline.Source, lane string, lanes []string, ref time.Time) (timeline.Event, error) {
	start, end := r.c.Date, r.c.End
	if text := strings.TrimSpace(r.date.Text); text != dateText(r.c) {
		read, err := timeline.ReadDate(text, timeline.ReadOptions{Reference: ref})
		if err != nil {
			return timeline.Event{}, fmt.Errorf("the date of %s: %w", quote(r.title.Text), err)
		}
		start, end = read.Start, read.End
	}
	title := strings.TrimSpace(r.title.Text)
	if title == "" {
		title = r.c.Title
	}
	if l := strings.TrimSpace(r.lane.Text); l != "" {
		lane = l
	}
	src.Quote = r.c.Sentence
	e := timeline.Event{
		ID: timeline.NewID(), Title: title, Start: start, End: end, Description: r.c.Sentence,
		Importance: timeline.DefaultImportance, Lane: canonical(lane, lanes), Actors: r.actors.Items(),
	}
	if src.Title != "" || src.URL != "" || src.Publisher != "" {
		e.Sources = []timeline.Source{src}
	}
	return e, nil
}
