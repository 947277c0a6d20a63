package timeline

import (
	"reflect"
	"strings"
	"testing"
)

const meanMonth = meanYear / 12

func TestMoveEvent(t *testing.T) {
	tests := []struct {
		name       string
		start, end string
		edge       MoveEdge
		delta      float64
		spp        float64 // seconds per pixel
		wantStart  string
		wantEnd    string
		steps      int
		words      string
	}{
		{"a day event by two days", "2023-09-05", "", MoveWhole, 2*day + 3000, 600, "2023-09-07", "", 2, "+2 days"},
		{"less than half a day is no move", "2023-09-05", "", MoveWhole, 0.4 * day, 600, "2023-09-05", "", 0, "no change"},
		{"earlier", "2023-09-05", "", MoveWhole, -3 * day, 600, "2023-09-02", "", -3, "-3 days"},
		{"approximate kept", "2023-09-05~", "", MoveWhole, 2 * day, 600, "2023-09-07~", "", 2, "+2 days"},
		{"approximate and uncertain kept", "2023-09-05%", "", MoveWhole, -day, 600, "2023-09-04%", "", -1, "-1 day"},
		{"across a year end by days", "2023-12-31", "", MoveWhole, day, 600, "2024-01-01", "", 1, "+1 day"},
		{"29 February by days", "2024-02-29", "", MoveWhole, 365 * day, 86400, "2025-02-28", "", 365, "+365 days"},
		{"a month event by months, across a year end", "2023-11", "", MoveWhole, 3 * meanMonth, 86400, "2024-02", "", 3, "+3 months"},
		{"uncertain month back across a year end", "2024-01?", "", MoveWhole, -meanMonth, 86400, "2023-12?", "", -1, "-1 month"},
		{"a fortnight is no month", "2023-11", "", MoveWhole, 14 * day, 86400, "2023-11", "", 0, "no change"},
		{"a year event by years", "1999", "", MoveWhole, 2.2 * meanYear, 86400, "2001", "", 2, "+2 years"},
		{"a decade moves by decades", "201X", "", MoveWhole, 12 * meanYear, 86400, "202X", "", 1, "+10 years"},
		{"a century by centuries", "19XX~", "", MoveWhole, 90 * meanYear, 86400, "20XX~", "", 1, "+100 years"},
		{"unspecified day moves by months", "2023-09-XX", "", MoveWhole, meanMonth, 86400, "2023-10-XX", "", 1, "+1 month"},
		{"unspecified month moves by years", "2023-XX", "", MoveWhole, meanYear, 86400, "2024-XX", "", 1, "+1 year"},
		{"before year one", "-0043-03-15", "", MoveWhole, day, 600, "-0043-03-16", "", 1, "+1 day"},
		{"through year zero", "0000", "", MoveWhole, -meanYear, 86400, "-0001", "", -1, "-1 year"},
		{"no further than 9999", "9998", "", MoveWhole, 5 * meanYear, 86400, "9999", "", 1, "+1 year"},
		{"a span keeps its length", "2023-09-05", "2023-09-10", MoveWhole, 2 * day, 600, "2023-09-07", "2023-09-12", 2, "+2 days"},
		{"a span moves by its coarser date", "2023-01", "2023-01-31", MoveWhole, meanMonth, 86400, "2023-02", "2023-02-28", 1, "+1 month"},
		{"a span ending on 29 February, a year on", "2024", "2024-02-29", MoveWhole, meanYear, 86400, "2025", "2025-02-28", 1, "+1 year"},
		{"the start edge", "2023-09-05", "2023-09-10", MoveStart, -3 * day, 600, "2023-09-02", "2023-09-10", -3, "-3 days"},
		{"the start stops at the end", "2023-09-05", "2023-09-10", MoveStart, 10 * day, 600, "2023-09-10", "2023-09-10", 5, "+5 days"},
		{"the end edge", "2023-09-05", "2023-09-10", MoveEnd, 4 * day, 600, "2023-09-05", "2023-09-14", 4, "+4 days"},
		{"the end stops at the start", "2023-09-05", "2023-09-10", MoveEnd, -10 * day, 600, "2023-09-05", "2023-09-05", -5, "-5 days"},
		{"the end of a month span by months", "2023-01", "2023-03~", MoveEnd, -5 * meanMonth, 86400, "2023-01", "2023-01~", -2, "-2 months"},
		{"a point's edge moves it whole", "2023-09-05", "", MoveEnd, day, 600, "2023-09-06", "", 1, "+1 day"},
		{"a date-time by round minutes, offset kept", "2023-09-13T10:30:00+09:00", "", MoveWhole, 2700, 60, "2023-09-13T11:15:00+09:00", "", 9, "+45 minutes"},
		{"a date-time zoomed in by seconds", "2023-09-13T10:30:00Z", "", MoveWhole, 121, 1, "2023-09-13T10:32:00Z", "", 24, "+2 minutes"},
		{"a date-time zoomed out by hours, +00:00 kept", "2023-09-13T10:30:00+00:00~", "", MoveWhole, 5 * 3600, 1500, "2023-09-13T15:30:00+00:00~", "", 5, "+5 hours"},
		{"across midnight and a month end", "2023-09-30T23:30:00-05:00", "", MoveWhole, 3600, 1000, "2023-10-01T00:30:00-05:00", "", 1, "+1 hour"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := Event{ID: "e1", Title: "Meeting", Lane: "Politics", Tags: []string{"a"}, Importance: 4, Start: MustParseDate(tt.start), Version: 3}
			if tt.end != "" {
				e.End = MustParseDate(tt.end)
			}
			m := MoveEvent(e, tt.edge, tt.delta, tt.spp)
			want := e
			want.Start = MustParseDate(tt.wantStart)
			if tt.wantEnd != "" {
				want.End = MustParseDate(tt.wantEnd)
			}
			if len(m.Events) != 1 || !reflect.DeepEqual(m.Events[0], want) {
				t.Fatalf("moved to %+v, want %q .. %q (and the other fields kept)", m.Events, tt.wantStart, tt.wantEnd)
			}
			if m.Steps != tt.steps || m.Words() != tt.words {
				t.Errorf("steps %d (%q), want %d (%q)", m.Steps, m.Words(), tt.steps, tt.words)
			}
			if err := m.Events[0].Validate(); err != nil {
				t.Errorf("the moved event is not valid: %v", err)
			}
		})
	}
}

func TestShiftDateRefuses(t *testing.T) {
	tests := []struct {
		date string
		step MoveStep
	}{
		{"2023-09", MoveStep{Days: 1}},        // finer than the date
		{"2023", MoveStep{Months: 1}},         // finer than the date
		{"201X", MoveStep{Years: 1}},          // a decade moves by decades
		{"9999-12-31", MoveStep{Days: 1}},     // past year 9999
		{"2023-09-05", MoveStep{Seconds: 60}}, // a date without a time of day
	}
	for _, tt := range tests {
		d := MustParseDate(tt.date)
		got, err := ShiftDate(d, tt.step, 1)
		if err == nil {
			t.Errorf("ShiftDate(%q, %+v) = %q, want it refused", tt.date, tt.step, got.Text)
		}
		if got != d {
			t.Errorf("ShiftDate(%q) refused gave %+v, want the date unchanged", tt.date, got)
		}
	}
}

// TestShiftDateBackAndForth: moving a date there and back gives the date again, when no
// day was cut to a shorter month.
func TestShiftDateBackAndForth(t *testing.T) {
	for _, text := range []string{"2023-09-05", "2023-09-05?", "-0100-02-28", "1066", "2023-11~", "201X", "2023-09-13T10:30:00+09:00", "2023-09-XX"} {
		d := MustParseDate(text)
		step := stepOf(d, 60)
		for _, n := range []int{1, 7, 30, -13} {
			there, err := ShiftDate(d, step, n)
			if err != nil {
				t.Fatalf("ShiftDate(%q, %d): %v", text, n, err)
			}
			back, err := ShiftDate(there, step, -n)
			if err != nil || back != d {
				t.Errorf("%q by %d and back = %q (%v), want it again", text, n, back.Text, err)
			}
		}
	}
}

// TestMoveEvents: a selection moves by one step for all, the coarsest of theirs, and no
// further than every one of them can go; the order and the other fields are kept.
func TestMoveEvents(t *testing.T) {
	tests := []struct {
		name   string
		starts []string // "START/END" for a span
		delta  float64
		want   []string
		words  string
	}{
		{"days together", []string{"2023-09-05", "2023-09-10/2023-09-13", "2023-09-12~"}, 2 * day, []string{"2023-09-07", "2023-09-12/2023-09-15", "2023-09-14~"}, "+2 days"},
		{"a month among days moves all by months", []string{"2023-09-05", "2023-10?"}, 40 * day, []string{"2023-10-05", "2023-11?"}, "+1 month"},
		{"a day too short for its month stays in it", []string{"2024-01-31", "2023-12"}, 1.2 * meanMonth, []string{"2024-02-29", "2024-01"}, "+1 month"},
		{"no further than the last can go", []string{"9990", "9997-05"}, 5 * meanYear, []string{"9992", "9999-05"}, "+2 years"},
		{"a move none can make", []string{"2023-09-05", "9999-12"}, 40 * day, []string{"2023-09-05", "9999-12"}, "no change"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var es []Event
			for i, s := range tt.starts {
				e := Event{ID: string(rune('a' + i)), Title: s, Lane: "L"}
				start, end, _ := strings.Cut(s, "/")
				e.Start = MustParseDate(start)
				if end != "" {
					e.End = MustParseDate(end)
				}
				es = append(es, e)
			}
			m := MoveEvents(es, tt.delta, 3600)
			if len(m.Events) != len(es) || m.Words() != tt.words {
				t.Fatalf("moved %d events %q, want %d by %q", len(m.Events), m.Words(), len(es), tt.words)
			}
			for i, e := range m.Events {
				got := e.Start.Text
				if e.IsSpan() {
					got += "/" + e.End.Text
				}
				if got != tt.want[i] || e.ID != es[i].ID || e.Title != es[i].Title {
					t.Errorf("event %d is %s %q, want %s %q", i, e.ID, got, es[i].ID, tt.want[i])
				}
			}
		})
	}
}
