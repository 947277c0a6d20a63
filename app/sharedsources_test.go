package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/chronoscope/chronoscope/timeline"
)

// The source form lists the case's sources under its title; picking one fills the form
// with its fields and makes the citation name it (its id), with a quote of its own, and
// says that a change applies to every event citing it.
func TestSourceFormCitesACaseSource(t *testing.T) {
	_, f, saved := openForm(t, timeline.Event{Title: "Talks", Start: timeline.MustParseDate("2023-09-13")})
	test.Tap(f.sources.addButton)
	sf := f.sources.form
	if sf.shared.Visible() {
		t.Error("a new source says it is shared")
	}
	wire := timeline.Source{ID: "src-1", Title: "Wire report", Publisher: "Agency", Date: "2023-09-13", Reliability: "B", Credibility: 2}
	sf.setKnown([]timeline.Source{{ID: "src-0", Title: "Other"}, wire, {ID: "src-2", Title: "Wire report", Publisher: "Agency", Date: "2023-09-13", Reliability: "B", Credibility: 2}})
	if len(sf.title.options) != 3 || sf.title.options[1] != "Wire report · Agency · 2023-09-13 · B2" || sf.title.options[2] != sf.title.options[1]+" (2)" {
		t.Fatalf("the title's list = %q", sf.title.options)
	}
	test.Type(sf.title, "wir")
	if m := sf.title.matches(); len(m) != 2 {
		t.Errorf("typing wir lists %q", m)
	}
	sf.pick(sf.title.options[1])
	if sf.title.Text != "Wire report" || sf.publisher.Text != "Agency" || sf.reliability.Selected != "B - Usually reliable" || !sf.shared.Visible() {
		t.Errorf("after the pick: %q %q %q shared hint %v", sf.title.Text, sf.publisher.Text, sf.reliability.Selected, sf.shared.Visible())
	}
	test.Type(sf.quote, "Our own quote")
	sf.Save()
	f.Save()
	if len(*saved) != 1 {
		t.Fatal("not saved")
	}
	got := (*saved)[0].Sources
	want := wire
	want.Quote = "Our own quote"
	if len(got) != 1 || got[0] != want {
		t.Errorf("saved citation %+v, want %+v", got, want)
	}
}

// The event form edits the analyst's notes apart from the description, and the detail
// pane shows them.
func TestEventNotesInFormAndDetail(t *testing.T) {
	_, f, saved := openForm(t, timeline.Event{Title: "Talks", Start: timeline.MustParseDate("2023-09-13"), Description: "What the wire says", Notes: "First"})
	if f.notes.Text != "First" {
		t.Fatalf("notes field = %q", f.notes.Text)
	}
	setText(f.notes, "My reading.\n\nA second paragraph.")
	f.Save()
	if len(*saved) != 1 || (*saved)[0].Notes != "My reading.\n\nA second paragraph." || (*saved)[0].Description != "What the wire says" {
		t.Fatalf("saved %+v", *saved)
	}
	u := newTestUI(t, sampleCase(t))
	e := (*saved)[0]
	u.detail.show(&e)
	var texts []string
	for _, o := range u.detail.box.Objects {
		if l, ok := o.(*widget.Label); ok {
			texts = append(texts, l.Text)
		}
	}
	if !strings.Contains(strings.Join(texts, "|"), "Notes|My reading.\n\nA second paragraph.") {
		t.Errorf("the detail pane shows %q", texts)
	}
}

// The case's notes page: written, found word by word as the search finds events, and
// saved into the case.
func TestCaseNotesPage(t *testing.T) {
	u := newTestUI(t, sampleCase(t))
	u.search.SetText("")
	u.caseNotes()
	p := u.notes
	if p == nil || !dialogOpen(u.win) {
		t.Fatal("no notes page")
	}
	setText(p.text, "Who benefits from the summit?\n\nCheck the rail deliveries.")
	setText(p.find, "rail del")
	if got := richText(p.found); !strings.Contains(got, "Found (2)") || !strings.Contains(got, "rail deliveries") {
		t.Errorf("find says %q", got)
	}
	setText(p.find, "tanks")
	if got := richText(p.found); got != "Not in the notes" {
		t.Errorf("find of a missing word says %q", got)
	}
	p.next() // nothing to go to: no change
	p.saveNotes()
	info, err := u.store.Info(context.Background())
	if err != nil || info.Notes != "Who benefits from the summit?\n\nCheck the rail deliveries." || info.Name != timeline.SampleInfo.Name {
		t.Errorf("the case's info after saving the notes: %+v, %v", info, err)
	}
}

// richText is the text of a RichText's segments.
func richText(r *widget.RichText) string {
	var b strings.Builder
	for _, s := range r.Segments {
		if t, ok := s.(*widget.TextSegment); ok {
			b.WriteString(t.Text)
		}
	}
	return b.String()
}
