package chart

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/chronoscope/chronoscope/timeline"
)

// layoutOf lays out the timeline of events as an export of opt would.
func layoutOf(events []timeline.Event, opt Options) (*tlLayout, []timeline.Event) {
	s := collect(slices.Values(events))
	j := newJob(s, opt)
	shown := s.timelineEvents()
	_, titleH := j.title("Timeline")
	return layoutTimeline(shown, j.lanes, j.lanes.totals(s), s.first, s.last, j.width, titleH, s.total > len(shown)), shown
}

// box is what an item draws in its row: the mark and its label, or the mark alone.
type box struct {
	a, b  float64
	label bool
	title string
}

// checkLayout asserts the rules every timeline keeps: a label lies wholly inside the chart
// and right of the lane names, overlaps no other label or mark in its row, and no mark is
// drawn over a label; labels and "more" counts add up.
func checkLayout(t *testing.T, L *tlLayout, shown []timeline.Event) {
	t.Helper()
	rows := map[[2]int][]box{}
	for i, it := range L.items {
		if !it.drawn {
			continue
		}
		keys := make([][2]int, 0, it.rows)
		for r := it.row; r < it.row+max(it.rows, 1); r++ {
			keys = append(keys, [2]int{it.lane, r})
			rows[keys[len(keys)-1]] = append(rows[keys[len(keys)-1]], box{it.x0, it.x1, false, shown[i].Title})
		}
		if it.side == sideNone {
			continue
		}
		var a, b float64
		switch it.side {
		case sideRight:
			a, b = it.x1+labelGap, it.x1+labelGap+it.labelW
		case sideLeft:
			a, b = it.x0-labelGap-it.labelW, it.x0-labelGap
		case sideInside:
			a, b = it.x0+labelGap, it.x0+labelGap+it.labelW
			if b > it.x1 {
				t.Errorf("%q: the label runs out of its bar", shown[i].Title)
			}
		}
		if a < L.plotX || b > L.width {
			t.Errorf("%q: label %.0f–%.0f is cut by the chart (plot from %.0f, width %.0f)", shown[i].Title, a, b, L.plotX, L.width)
		}
		if it.side != sideInside {
			for _, key := range keys {
				rows[key] = append(rows[key], box{a, b, true, shown[i].Title})
			}
		}
		if lines := strings.Count(it.label, "\n") + 1; labelRows(lines) != it.rows {
			t.Errorf("%q: a label of %d lines takes %d rows", shown[i].Title, lines, it.rows)
		}
	}
	for key, list := range rows {
		for i, p := range list {
			for _, q := range list[i+1:] {
				if (p.label || q.label) && p.title != q.title && p.a < q.b && q.a < p.b {
					t.Errorf("lane %d row %d: %q and %q overlap", key[0], key[1], p.title, q.title)
				}
			}
		}
	}
	labelled := 0
	for _, l := range L.lanes {
		labelled += l.labelled
		if l.more() < 0 {
			t.Errorf("lane %q counts %d more", l.name, l.more())
		}
	}
	if labelled != L.labelled {
		t.Errorf("lanes count %d labels, the chart %d", labelled, L.labelled)
	}
	if L.height <= L.plotY+L.plotH {
		t.Errorf("height %.0f does not hold the plot (to %.0f)", L.height, L.plotY+L.plotH)
	}
}

func TestLayoutSampleLabelsEveryEvent(t *testing.T) {
	for _, w := range []int{800, DefaultWidth, 4000} {
		t.Run(fmt.Sprint(w), func(t *testing.T) {
			opt := caseOptions(KindTimeline)
			opt.Width = w
			L, shown := layoutOf(timeline.Sample(), opt)
			checkLayout(t, L, shown)
			for i, it := range L.items {
				if it.side == sideNone || strings.ReplaceAll(it.label, "\n", " ") != shown[i].Title {
					t.Errorf("%q is not labelled in full (label %q)", shown[i].Title, it.label)
				}
			}
			for _, l := range L.lanes {
				if l.more() != 0 {
					t.Errorf("lane %s: %d more, want every event labelled", l.name, l.more())
				}
			}
		})
	}
}

// The height follows the rows: a case whose events all fall on one day in one lane needs
// a row for each label, and one with a single event needs one.
func TestLayoutHeightFollowsRows(t *testing.T) {
	var same []timeline.Event
	for i := range 6 {
		same = append(same, ev(fmt.Sprint(i), fmt.Sprintf("Event number %d of the day", i), "2023-09-13", "", "One", 3, nil, nil))
	}
	L6, shown := layoutOf(same, Options{})
	checkLayout(t, L6, shown)
	L1, _ := layoutOf(same[:1], Options{})
	if L6.lanes[0].rows != 6 || L1.lanes[0].rows != 1 {
		t.Errorf("rows = %d and %d, want 6 and 1", L6.lanes[0].rows, L1.lanes[0].rows)
	}
	if got, want := L6.height-L1.height, 5*rowHeight; got != want {
		t.Errorf("6 rows are %.0f pixels taller than 1, want %.0f", got, want)
	}
}

// Labels at the right edge go left of their marks; a long span too wide for either side
// carries its label inside.
func TestLayoutFlipsAtTheEdge(t *testing.T) {
	events := []timeline.Event{
		ev("a", "An early event with a long enough title", "2000-01-01", "", "L", 3, nil, nil),
		ev("b", "The last event, at the right edge of the chart", "2020-12-31", "", "L", 3, nil, nil),
		ev("c", "A span covering nearly the whole chart", "2000-02-01", "2020-12-01", "M", 3, nil, nil),
	}
	L, shown := layoutOf(events, Options{})
	checkLayout(t, L, shown)
	sides := map[string]int{}
	for i, it := range L.items {
		sides[shown[i].ID] = it.side
	}
	if sides["a"] != sideRight || sides["b"] != sideLeft || sides["c"] != sideInside {
		t.Errorf("sides = %v, want a right (%d), b left (%d), c inside (%d)", sides, sideRight, sideLeft, sideInside)
	}
}

// Many events: most are not labelled, and say so; nothing overlaps; the most important
// keep their labels first.
func TestLayoutManyEvents(t *testing.T) {
	events := synthetic(20_000, 0)
	L, shown := layoutOf(events, Options{})
	checkLayout(t, L, shown)
	more, total := 0, 0
	for _, l := range L.lanes {
		more += l.more()
		total += l.total
	}
	if total != len(events) || more != total-L.labelled || L.labelled == 0 {
		t.Errorf("total %d, more %d, labelled %d", total, more, L.labelled)
	}
	// No unlabelled event outranks every labelled one of its lane.
	best := map[int]int{}
	for i, it := range L.items {
		if it.side != sideNone {
			best[it.lane] = max(best[it.lane], importance(&shown[i]))
		}
	}
	for i, it := range L.items {
		if it.side == sideNone && importance(&shown[i]) > best[it.lane] {
			t.Errorf("%q (importance %d) lost its label to less important ones", shown[i].Title, importance(&shown[i]))
		}
	}
}

func TestWrapText(t *testing.T) {
	lines := wrapText("Talks between the delegations, then the two leaders alone, for more than two hours", 200, 12, false, 5)
	for _, l := range lines {
		if w := textWidth(l, 12, false); w > 200 {
			t.Errorf("line %q is %.0f pixels wide, want at most 200", l, w)
		}
	}
	if len(lines) < 2 {
		t.Errorf("lines = %q, want the text wrapped", lines)
	}
	if got := wrapText("one two three four five six seven eight", 60, 12, false, 2); len(got) != 2 || got[1][len(got[1])-len("…"):] != "…" {
		t.Errorf("two lines at most = %q, want the second ending in an ellipsis", got)
	}
	if w := textWidth("W", 10, false); w < 9 || w > 11 {
		t.Errorf("W at 10 px is %.1f pixels wide, want DejaVu's 9.9", w)
	}
}
