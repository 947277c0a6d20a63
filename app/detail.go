package app

import (
	"fmt"
	"net/url"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/chronoscope/chronoscope/timeline"
)

// detailPane shows everything about the selected event: dates in plain words, lane,
// actors, tags, place, description and graded sources.
type detailPane struct {
	u      *ui
	box    *fyne.Container
	scroll *container.Scroll
	// shown is the event on display, or nil.
	shown *timeline.Event
}

func newDetailPane(u *ui) *detailPane {
	d := &detailPane{u: u, box: container.NewVBox()}
	d.scroll = container.NewVScroll(d.box)
	d.show(nil)
	return d
}

func (d *detailPane) content() fyne.CanvasObject { return d.scroll }

func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

func field(name, value string) fyne.CanvasObject {
	if strings.TrimSpace(value) == "" {
		return nil
	}
	n := widget.NewLabel(name)
	n.TextStyle.Bold = true
	return container.NewBorder(nil, nil, n, nil, wrapped(value))
}

func (d *detailPane) show(e *timeline.Event) {
	d.shown = e
	d.box.RemoveAll()
	if e == nil {
		hint := wrapped("Select an event on the timeline or in the list to see it here. Ctrl+N adds an event.")
		hint.Importance = widget.LowImportance
		d.box.Add(hint)
		d.box.Refresh()
		return
	}
	title := widget.NewLabel(e.Title)
	title.TextStyle.Bold = true
	title.SizeName = "subHeadingText"
	title.Wrapping = fyne.TextWrapWord
	d.box.Add(title)
	when := e.Start.Describe() + "  (" + e.Start.Text + ")"
	if e.IsSpan() {
		when = "From " + e.Start.Describe() + " to " + e.End.Describe() + "  (" + e.Start.Text + " / " + e.End.Text + ")"
	}
	for _, o := range []fyne.CanvasObject{
		field("When", when),
		field("Lane", e.Lane),
		field("Actors", strings.Join(e.Actors, ", ")),
		field("Tags", strings.Join(e.Tags, ", ")),
		field("Where", placeText(e.Location)),
		field("Importance", fmt.Sprintf("%d of 5", e.Importance)),
	} {
		if o != nil {
			d.box.Add(o)
		}
	}
	if e.Description != "" {
		d.box.Add(widget.NewSeparator())
		d.box.Add(wrapped(e.Description))
	}
	if len(e.Sources) > 0 {
		d.box.Add(widget.NewSeparator())
		h := widget.NewLabel(fmt.Sprintf("Sources (%d)", len(e.Sources)))
		h.TextStyle.Bold = true
		d.box.Add(h)
		for _, s := range e.Sources {
			d.box.Add(sourceView(s))
		}
	}
	d.box.Refresh()
	d.scroll.ScrollToTop()
}

func placeText(l timeline.Location) string {
	s := l.Name
	if l.Lat != nil && l.Lon != nil {
		s = strings.TrimSpace(fmt.Sprintf("%s (%.4f, %.4f)", s, *l.Lat, *l.Lon))
	}
	return s
}

func sourceView(s timeline.Source) fyne.CanvasObject {
	box := container.NewVBox()
	head := s.Title
	if s.Publisher != "" {
		head += " - " + s.Publisher
	}
	if s.Date != "" {
		head += " (" + s.Date + ")"
	}
	t := wrapped(head)
	t.TextStyle.Italic = true
	box.Add(t)
	g := widget.NewLabel(s.GradeText())
	g.Importance = widget.LowImportance
	box.Add(g)
	if s.Quote != "" {
		box.Add(wrapped("\u201c" + s.Quote + "\u201d"))
	}
	if u, err := url.Parse(s.URL); err == nil && s.URL != "" && (u.Scheme == "http" || u.Scheme == "https") {
		box.Add(widget.NewHyperlink(s.URL, u))
	}
	return box
}
