package app

import (
	"testing"
	"time"

	"github.com/chronoscope/chronoscope/timeline"
	"github.com/chronoscope/chronoscope/timeline/format"
)

// TestFormReadsDatesAsPeopleWriteThem types each way of writing a date into Start, and
// checks the preview (what it means and the EDTF saved) and the event saved.
func TestFormReadsDatesAsPeopleWriteThem(t *testing.T) {
	tests := []struct{ typed, start, end, preview string }{
		{"2023-09-13", "2023-09-13", "", "13 Sep 2023 · saved as 2023-09-13"},
		{"13/09/2023", "2023-09-13", "", "13 Sep 2023 · saved as 2023-09-13"},
		{"09/13/2023", "2023-09-13", "", "13 Sep 2023 · saved as 2023-09-13"},
		{"05/09/2023", "2023-09-05", "", "5 Sep 2023, read day first · saved as 2023-09-05"},
		{"13.09.2023", "2023-09-13", "", "13 Sep 2023 · saved as 2023-09-13"},
		{"13 September 2023", "2023-09-13", "", "13 Sep 2023 · saved as 2023-09-13"},
		{"Sept. 13, 2023", "2023-09-13", "", "13 Sep 2023 · saved as 2023-09-13"},
		{"Sep 2023", "2023-09", "", "some day in Sep 2023 · saved as 2023-09"},
		{"13 сентября 2023", "2023-09-13", "", "13 Sep 2023 · saved as 2023-09-13"},
		{"2023年9月13日", "2023-09-13", "", "13 Sep 2023 · saved as 2023-09-13"},
		{"c. 1950", "1950~", "", "about 1950 · saved as 1950~"},
		{"circa 1950", "1950~", "", "about 1950 · saved as 1950~"},
		{"about 5 Sep 2023", "2023-09-05~", "", "about 5 Sep 2023 · saved as 2023-09-05~"},
		{"1950s", "195X", "", "some year in the 1950s · saved as 195X"},
		{"44 BC", "-0043", "", "some time in 44 BC · saved as -0043"},
		{"44 BCE", "-0043", "", "some time in 44 BC · saved as -0043"},
		{"between 1 and 5 Sep 2023", "2023-09-01", "2023-09-05", "1 Sep 2023 to 5 Sep 2023 · saved as 2023-09-01, end 2023-09-05"},
		{"1-5 Sep 2023", "2023-09-01", "2023-09-05", "1 Sep 2023 to 5 Sep 2023 · saved as 2023-09-01, end 2023-09-05"},
		{"yesterday", "2023-09-13", "", "13 Sep 2023 · saved as 2023-09-13"},
	}
	for _, tt := range tests {
		_, f, saved := openForm(t, timeline.Event{})
		f.now = func() time.Time { return time.Date(2023, 9, 14, 10, 0, 0, 0, time.UTC) }
		setText(f.title, "Summit")
		setText(f.start, tt.typed)
		if f.errors["start"].Visible() {
			t.Errorf("%q: flagged %q", tt.typed, f.errors["start"].Text)
			continue
		}
		if f.startPreview.Text != tt.preview {
			t.Errorf("%q: preview %q, want %q", tt.typed, f.startPreview.Text, tt.preview)
		}
		f.Save()
		if len(*saved) != 1 {
			t.Errorf("%q: not saved: %v", tt.typed, f.check())
			continue
		}
		if e := (*saved)[0]; e.Start.Text != tt.start || e.End.Text != tt.end {
			t.Errorf("%q: saved %q to %q, want %q to %q", tt.typed, e.Start.Text, e.End.Text, tt.start, tt.end)
		}
	}
}

// TestFormSpanInStartAndEnd refuses a span in Start with an End given too.
func TestFormSpanInStartAndEnd(t *testing.T) {
	_, f, _ := openForm(t, timeline.Event{})
	setText(f.title, "Exercises")
	setText(f.start, "1-5 Sep 2023")
	setText(f.end, "6 Sep 2023")
	if want := "Start already gives a span: leave End empty, or give one date in Start"; f.errors["end"].Text != want || f.Valid() {
		t.Errorf("end error %q (valid %v), want %q", f.errors["end"].Text, f.Valid(), want)
	}
	setText(f.start, "1 Sep 2023")
	if f.errors["end"].Visible() || !f.Valid() {
		t.Errorf("still refused: %v", f.check())
	}
	setText(f.start, "between 5 and 1 Sep 2023")
	if got := f.errors["start"].Text; got != "The span ends (2023-09-01) before it starts (2023-09-05)" {
		t.Errorf("backwards span: %q", got)
	}
}

// TestExportedText says what an export wrote, and what its format left out.
func TestExportedText(t *testing.T) {
	if got := exportedText(1200, "/tmp/case.csv", format.LeftOut{}); got != "Exported 1,200 events to /tmp/case.csv" {
		t.Errorf("whole: %q", got)
	}
	left := format.LeftOut{Count: 1, Reasons: []string{"iCalendar holds only the years 1 to 9999"}, First: []string{"Ides of March"}}
	want := `Exported 2 of 3 events to /tmp/case.ics; 1 event left out (iCalendar holds only the years 1 to 9999): "Ides of March"`
	if got := exportedText(3, "/tmp/case.ics", left); got != want {
		t.Errorf("partial: %q, want %q", got, want)
	}
}
