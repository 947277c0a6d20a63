package app

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/chronoscope/chronoscope/data"
	"github.com/chronoscope/chronoscope/timeline"
)

// rowText is list row i as segments: its plain text and the words drawn bold.
func rowText(u *ui, i int) (text string, bold []string) {
	for _, s := range u.list.titleSegments(i) {
		ts := s.(*widget.TextSegment)
		text += ts.Text
		if ts.Style.TextStyle.Bold && ts.Style.ColorName == theme.ColorNamePrimary {
			bold = append(bold, ts.Text)
		}
	}
	return text, bold
}

// TestListSaysWhyEventsMatch: with a search, each row of the list marks the words that
// matched in its title and quotes, from its description, actors, tags or sources, the
// words the title lacks; in Highlight mode the rows that do not match say nothing.
func TestListSaysWhyEventsMatch(t *testing.T) {
	u := newTestUI(t, sampleCase(t))
	test.Type(u.search, "peskov")
	if u.marks.Len() != 1 {
		t.Fatalf("%d events match Peskov", u.marks.Len())
	}
	text, bold := rowText(u, 0)
	if !strings.HasPrefix(text, "Eve of the summit") || !strings.Contains(text, "description: \u201c") || len(bold) != 1 || bold[0] != "Peskov" {
		t.Errorf("the row reads %q with %q in bold", text, bold)
	}
	u.search.SetText("")
	test.Type(u.search, "ballistic")
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
	test.Type(u.search, "alpha")
	last := u.marks.Len() - 1
	if last != prefetchWhy+49 {
		t.Fatalf("%d events match", last+1)
	}
	if _, bold := rowText(u, last); len(bold) != 0 {
		t.Fatalf("the last row is explained before it is shown: %q", bold)
	}
	u.list.readWhy() // what the list does shortly after showing the row
	if _, bold := rowText(u, last); len(bold) != 1 || bold[0] != "alpha" {
		t.Errorf("the row shown is not explained: %q in bold", bold)
	}
}
