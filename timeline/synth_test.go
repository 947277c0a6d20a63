package timeline

import (
	"reflect"
	"testing"
	"time"
)

func TestSynthetic(t *testing.T) {
	const n = 20000
	marks := Synthetic(n, 11).All()
	if len(marks) != n {
		t.Fatalf("%d marks", len(marks))
	}
	if !reflect.DeepEqual(marks[:100], Synthetic(n, 11).All()[:100]) {
		t.Errorf("not deterministic for a seed")
	}
	if reflect.DeepEqual(marks[:100], Synthetic(n, 12).All()[:100]) {
		t.Errorf("two seeds gave the same case")
	}
	from, to := unix(1993, 1, 1, 0, 0), unix(2025, 1, 1, 0, 0)
	spans, fuzzy, fives, noLane := 0, 0, 0, 0
	lanes := map[string]int{}
	ids := map[string]bool{}
	for i, m := range marks {
		if i > 0 && m.StartLo < marks[i-1].StartLo {
			t.Fatalf("not sorted by start at %d", i)
		}
		if m.StartLo < from || m.EndHi > to+400*day || m.StartHi < m.StartLo || m.EndHi < m.EndLo || m.EndHi < m.StartLo {
			t.Fatalf("mark %d out of shape: %+v", i, m)
		}
		if m.Title == "" || len(m.Title) < 20 || len(m.Title) > 120 || m.ID == "" || ids[m.ID] {
			t.Fatalf("mark %d: title %q id %q", i, m.Title, m.ID)
		}
		if m.Importance < 1 || m.Importance > 5 {
			t.Fatalf("importance %d", m.Importance)
		}
		ids[m.ID] = true
		lanes[m.Lane]++
		if m.Span {
			spans++
		}
		if m.StartFuzzy {
			fuzzy++
		}
		if m.Importance == 5 {
			fives++
		}
		if m.Lane == "" {
			noLane++
		}
	}
	share := func(k int) float64 { return float64(k) / n }
	if s := share(spans); s < 0.12 || s > 0.18 {
		t.Errorf("%.2f spans, want about 0.15", s)
	}
	if s := share(fuzzy); s < 0.05 || s > 0.3 {
		t.Errorf("%.2f fuzzy starts", s)
	}
	if s := share(fives); s == 0 || s > 0.05 {
		t.Errorf("%.3f of importance 5, want few", s)
	}
	if len(lanes) != 9 || noLane == 0 {
		t.Errorf("lanes %v", lanes)
	}
	// Bursty: the busiest tenth of the months holds far more than a tenth of the marks.
	perMonth := map[int]int{}
	for _, m := range marks {
		tm := time.Unix(m.StartLo, 0).UTC()
		perMonth[tm.Year()*12+int(tm.Month())]++
	}
	counts := make([]int, 0, len(perMonth))
	for _, c := range perMonth {
		counts = append(counts, c)
	}
	top := 0
	for k := 0; k < 36; k++ { // a tenth of 360 months
		best := 0
		for i, c := range counts {
			if c > counts[best] {
				best = i
			}
		}
		top += counts[best]
		counts[best] = -1
	}
	if share(top) < 0.3 {
		t.Errorf("the busiest tenth of months holds %.2f of the marks: not bursty", share(top))
	}
	if Synthetic(0, 1).Len() != 0 {
		t.Errorf("Synthetic(0) is not empty")
	}
}
