package chart

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/chronoscope/chronoscope/timeline"
)

// Every count falls in the shade whose legend names it.
func TestCalendarShadesMatchTheKey(t *testing.T) {
	for most := 1; most <= 40; most++ {
		l := len(calendarShades)
		for n := 1; n <= most; n++ {
			i := shadeOf(n, most)
			if lo, hi := i*most/l+1, (i+1)*most/l; n < lo || n > hi {
				t.Fatalf("most %d: %d events get shade %d, whose key says %d–%d", most, n, i, lo, hi)
			}
		}
	}
}

// A day of the sample is one tooltip point with its count, and a year of events costs a
// few hundred elements, not two per day.
func TestCalendarDrawing(t *testing.T) {
	s := collect(slices.Values(timeline.Sample()))
	_, tips, _ := drawCalendar(s, []int{2023}, 0, DefaultWidth)
	found := false
	for _, p := range tips {
		v := p.Value.([]any)
		if v[3] == "2023-09-13" {
			found = v[2] == 5
		}
	}
	if !found {
		t.Error("13 Sep 2023 has no point saying 5 events")
	}
	var events []timeline.Event
	for d := range 365 {
		for k := range d % 7 {
			events = append(events, ev(fmt.Sprint(d, "-", k), "x", "2021-01-01", "", "L", 3, nil, nil))
			events[len(events)-1].Start = timeline.Date{Earliest: int64(1609459200 + d*secondsPerDay), Latest: int64(1609459200 + d*secondsPerDay + secondsPerDay - 1), Text: "day"}
		}
	}
	g, _, _ := drawCalendar(collect(slices.Values(events)), []int{2021}, 0, DefaultWidth)
	if len(g) > 600 {
		t.Errorf("a year is %d elements", len(g))
	}
	texts := 0
	for _, e := range g {
		if e["type"] == "text" && strings.Contains(fmt.Sprint(e["style"]), "Jan") {
			texts++
		}
	}
	if texts != 1 {
		t.Errorf("%d labels say Jan, want 1", texts)
	}
}
