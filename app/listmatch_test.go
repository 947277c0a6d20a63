package app

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/chronoscope/chronoscope/data"
	"github.com/chronoscope/chronoscope/timeline"
)

// rowText is list row i as segments: its plain text and the words drawn bold.
func rowText(u *ui, i int) (text string, bold []string) {
	for _, p := range u.list.titlePieces(i) {
		text += p.text
		if p.matched {
			bold = append(bold, p.text)
		}
	}
	return text, bold
}

// TestListSaysWhyEventsMatch: with a search, each row of the list marks the words that
// matched in its title and quotes, from its description, actors, tags or sources, the
// words the title lacks; in Highlight mode the rows that do not match say nothing.
func TestListSaysWhyEventsMatch(t *testing.T) {
	u := newTestUIOn(t, sampleStore(t))
	typeSearch(u, "peskov")
	if u.marks.Len() != 1 {
		t.Fatalf("%d events match Peskov", u.marks.Len())
	}
	text, bold := rowText(u, 0)
	if !strings.HasPrefix(text, "Eve of the summit") || !strings.Contains(text, "description: \u201c") || len(bold) != 1 || bold[0] != "Peskov" {
		t.Errorf("the row reads %q with %q in bold", text, bold)
	}
	u.search.SetText("")
	typeSearch(u, "ballistic")
	if text, bold := rowText(u, 0); !strings.HasPrefix(text, "North Korea fires") || len(bold) != 1 || bold[0] != "ballistic" || strings.Contains(text, "\u201c") {
		t.Errorf("a title match reads %q with %q in bold, want the title alone, ballistic in bold", text, bold)
	}

	u.highlight.SetChecked(true)
	if u.marks.Len() != 13 {
		t.Fatalf("highlighting lists %d events", u.marks.Len())
	}
	marked := 0
	for i := range u.marks.Len() {
		if _, bold := rowText(u, i); len(bold) > 0 {
			marked++
			if id := u.marks.ID(i); id != "sample-2023-missile" {
				t.Errorf("highlighting marks words of %s", id)
			}
		}
	}
	if marked != 1 {
		t.Errorf("%d rows mark a match, want the missile's", marked)
	}
	u.search.SetText("")
	u.refresh()
	if text, bold := rowText(u, 0); len(bold) != 0 || strings.Contains(text, "\u201c") {
		t.Errorf("without a search the first row reads %q", text)
	}
}

// TestListExplainsRowsScrolledTo: beyond the matches a query explains at once, a row
// is explained when the list comes to it.
func TestListExplainsRowsScrolledTo(t *testing.T) {
	path := filepath.Join(t.TempDir(), "many"+data.Extension)
	s, err := data.Open(path, data.OpenOrCreate)
	if err != nil {
		t.Fatal(err)
	}
	var evs []timeline.Event
	for i := range prefetchWhy + 50 {
		evs = append(evs, timeline.Event{Title: fmt.Sprintf("Event %03d", i), Start: timeline.MustParseDate(fmt.Sprintf("2001-01-01T00:%02d:%02d", i/60, i%60)),
			Description: "The word alpha is in here."})
	}
	if _, err := s.Put(context.Background(), evs, nil); err != nil {
		t.Fatal(err)
	}
	s.Close()
	u := newTestUI(t, path)
	typeSearch(u, "alpha")
	last := u.marks.Len() - 1
	if last != prefetchWhy+49 {
		t.Fatalf("%d events match", last+1)
	}
	if _, bold := rowText(u, last); len(bold) != 0 {
		t.Fatalf("the last row is explained before it is shown: %q", bold)
	}
	settle(u) // what the list does shortly after showing the row
	if _, bold := rowText(u, last); len(bold) != 1 || bold[0] != "alpha" {
		t.Errorf("the row shown is not explained: %q in bold", bold)
	}
}

// TestMatchLineStaysInItsWidth: a line longer than its cell is cut with an ellipsis at
// the cell's edge, and what follows is not drawn.
func TestMatchLineStaysInItsWidth(t *testing.T) {
	test.NewTempApp(t)
	m := newMatchLine()
	m.SetPieces([]piece{{text: "North Korea fires a ballistic "}, {text: "missile", matched: true},
		{text: "   description: \u201c", quote: true}, {text: "a long quote that runs well past the edge of the cell", quote: true}})
	m.Resize(fyne.NewSize(300, 36))
	r := test.WidgetRenderer(m)
	r.Layout(m.Size())
	shown, last := 0, ""
	for _, o := range r.Objects() {
		tx := o.(*canvas.Text)
		if !tx.Visible() {
			continue
		}
		shown++
		last = tx.Text
		if end := tx.Position().X + fyne.MeasureText(tx.Text, tx.TextSize, tx.TextStyle).Width; end > 300 {
			t.Errorf("%q ends at %.0f, past the cell's 300", tx.Text, end)
		}
	}
	if shown == 0 || !strings.HasSuffix(last, "\u2026") {
		t.Errorf("%d pieces shown, the last %q: want the line cut with an ellipsis", shown, last)
	}
	// Room for the title and the quote's opening but no letter of the quote: the
	// opening ends with the ellipsis.
	m.SetPieces([]piece{{text: "Title"}, {text: "   description: \u201c", quote: true}, {text: "quoted words", quote: true}})
	w := theme.InnerPadding()*2 + fyne.MeasureText("Title", theme.TextSize(), fyne.TextStyle{}).Width +
		fyne.MeasureText("   description: \u201c", theme.TextSize(), fyne.TextStyle{Italic: true}).Width + 2
	m.Resize(fyne.NewSize(w, 36))
	r.Layout(m.Size())
	var texts []string
	for _, o := range r.Objects() {
		if tx := o.(*canvas.Text); tx.Visible() {
			texts = append(texts, tx.Text)
		}
	}
	if len(texts) == 0 || !strings.HasSuffix(texts[len(texts)-1], "\u2026") {
		t.Errorf("a cell with no room for the quote shows %q, want it to end with an ellipsis", texts)
	}
}
