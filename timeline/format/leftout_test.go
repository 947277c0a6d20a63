package format

import (
	"bytes"
	"strings"
	"testing"

	"github.com/chronoscope/chronoscope/timeline"
)

// TestICSLeavesOutWhatItCannotHold exports a case with events before year 1 and after
// 9999 to iCalendar: every other event is written, and the ones left out are counted
// and named.
func TestICSLeavesOutWhatItCannotHold(t *testing.T) {
	evs := []timeline.Event{
		{ID: "a", Title: "Ides of March", Start: timeline.MustParseDate("-0043-03-15")},
		{ID: "b", Title: "Summit", Start: timeline.MustParseDate("2023-09-13")},
		{ID: "c", Title: "Founding of Rome", Start: timeline.MustParseDate("-0752")},
		{ID: "d", Title: "Treaty", Start: timeline.MustParseDate("1953-07-27"), End: timeline.MustParseDate("-0001")},
		{ID: "e", Title: "Armistice", Start: timeline.MustParseDate("1953-07-27")},
		{ID: "f", Title: "Sack of Rome", Start: timeline.MustParseDate("0410-08-24")},
		{ID: "g", Title: "Battle of Actium", Start: timeline.MustParseDate("-0030-09-02")},
	}
	// The strict Write still refuses, naming the event.
	if err := Write(&bytes.Buffer{}, ICS, Document{Events: evs}); err == nil || !strings.Contains(err.Error(), `"Ides of March"`) {
		t.Errorf("Write: %v", err)
	}
	var buf bytes.Buffer
	left, err := WriteSome(&buf, ICS, Document{Events: evs})
	if err != nil {
		t.Fatal(err)
	}
	if left.Count != 4 || len(left.Reasons) != 1 {
		t.Errorf("left out %+v", left)
	}
	want := `4 events left out (iCalendar holds only the years 1 to 9999): "Ides of March", "Founding of Rome", "Treaty" and 1 more`
	if left.String() != want {
		t.Errorf("said %q, want %q", left.String(), want)
	}
	doc, err := Read(bytes.NewReader(buf.Bytes()), "partial.ics", ICS)
	if err != nil {
		t.Fatalf("the partial export does not read back: %v\n%s", err, buf.String())
	}
	var titles []string
	for _, e := range doc.Events {
		titles = append(titles, e.Title)
	}
	if strings.Join(titles, ",") != "Summit,Armistice,Sack of Rome" {
		t.Errorf("exported %v", titles)
	}
	// Nothing to leave out: nothing said.
	if left, err := WriteSome(&bytes.Buffer{}, ICS, Document{Events: evs[1:2]}); err != nil || left.Count != 0 || left.String() != "" {
		t.Errorf("%+v %v", left, err)
	}
	// Formats that hold every date leave nothing out.
	if left, err := WriteSome(&bytes.Buffer{}, TimelineJS, Document{Events: evs}); err != nil || left.Count != 0 {
		t.Errorf("TimelineJS: %+v %v", left, err)
	}
}
