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
// actors, tags, place, graded sources, description and the analyst's notes.
type detailPane struct {
	u      *ui
	box    *fyne.Container
	scroll *container.Scroll
	pane   *focusPane // the scroll as a stop of the Tab order
	// shown is the event on display as read, or nil (also once a change made it out of
	// date, until it is read again).
	shown *timeline.Event
}

func newDetailPane(u *ui) *detailPane {
	d := &detailPane{u: u, box: container.NewVBox()}
	d.scroll = container.NewVScroll(d.box)
	d.pane = newFocusPane(u, d.scroll)
	d.show(nil)
	return d
}

func (d *detailPane) content() fyne.CanvasObject { return d.pane }

func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// fields is the named values that are not empty, a line each (wrapped when long), the
// names in bold: one text, so the lines sit as close as a paragraph's.
func fields(pairs ...[2]string) fyne.CanvasObject {
	var segs []widget.RichTextSegment
	for _, p := range pairs {
		if strings.TrimSpace(p[1]) == "" {
			continue
		}
		segs = append(segs,
			&widget.TextSegment{Text: p[0] + "   ", Style: widget.RichTextStyleStrong},
			&widget.TextSegment{Text: p[1], Style: widget.RichTextStyleParagraph})
	}
	rt := widget.NewRichText(segs...)
	rt.Wrapping = fyne.TextWrapWord
	return rt
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
	lane := e.Lane
	if lane == "" {
		lane = "(none)"
	}
	d.box.Add(fields(
		[2]string{"When", when},
		[2]string{"Lane", fmt.Sprintf("%s  \u00b7  importance %d of 5", lane, e.Importance)},
		[2]string{"Actors", strings.Join(e.Actors, ", ")},
		[2]string{"Tags", strings.Join(e.Tags, ", ")},
		[2]string{"Where", placeText(e.Location)},
	))
	// The sources come before the description, so a typical event's are in view at once.
	if len(e.Sources) > 0 {
		d.box.Add(widget.NewSeparator())
		h := widget.NewLabel(fmt.Sprintf("Sources (%d)", len(e.Sources)))
		h.TextStyle.Bold = true
		d.box.Add(h)
		for _, s := range e.Sources {
			d.box.Add(sourceView(s))
		}
	}
	if e.Description != "" {
		d.box.Add(widget.NewSeparator())
		d.box.Add(wrapped(e.Description))
	}
	if e.Notes != "" {
		d.box.Add(widget.NewSeparator())
		h := widget.NewLabel("Notes")
		h.TextStyle.Bold = true
		d.box.Add(h)
		d.box.Add(wrapped(e.Notes))
	}
	d.box.Refresh()
	d.scroll.ScrollToTop()
}

// showMany says, for a selection of several events, how many and their span (text).
func (d *detailPane) showMany(text string) {
	d.shown = nil
	d.box.RemoveAll()
	head := widget.NewLabel(text)
	head.TextStyle.Bold = true
	head.Wrapping = fyne.TextWrapWord
	d.box.Add(head)
	hint := wrapped("F frames them on the timeline; Ctrl+click adds or takes off one, Shift+click a range; Escape clears the selection.")
	hint.Importance = widget.LowImportance
	d.box.Add(hint)
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

// sourceView is one source: its title, publisher and date, its grade in words (in the
// text's own colour, not greyed out), the quote, and its address as a link when the
// link can only open a web page or a mail (http, https, mailto).
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
	g := wrapped(s.GradeText())
	if s.Grade() != "" {
		g.TextStyle.Bold = true
	}
	box.Add(g)
	if s.Quote != "" {
		box.Add(wrapped("\u201c" + s.Quote + "\u201d"))
	}
	if u := safeLink(s.URL); u != nil {
		box.Add(widget.NewHyperlink(s.URL, u))
	} else if s.URL != "" {
		box.Add(wrapped(s.URL)) // shown, never opened
	}
	return box
}

// safeLink is the address as a link to open, when its scheme is http, https or mailto;
// nil for any other (file:, javascript:, a program's own scheme) or none.
func safeLink(address string) *url.URL {
	u, err := url.Parse(strings.TrimSpace(address))
	if err != nil || address == "" {
		return nil
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		if u.Host == "" {
			return nil
		}
		return u
	case "mailto":
		if u.Opaque == "" {
			return nil
		}
		return u
	}
	return nil
}
