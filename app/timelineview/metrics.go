package timelineview

import (
	"math"

	"fyne.io/fyne/v2/theme"
)

// metrics is the widget's layout in Fyne units, worked out from the theme's label text
// size and padding, so that a theme with larger text gets taller rows, lane headers,
// axis and overview, and wider marks, in the same proportions. At Fyne's default sizes
// (body text 14, padding 4) a row is 20 units, the axis 42 and the overview 34.
type metrics struct {
	label    float64 // the label text size the rest follows (theme text - 2)
	axis     float64 // two rows of tick labels: the larger unit above, the step below
	minorRow float64 // where the axis's lower row (the step's labels) begins
	overview float64 // the whole case at a glance, with the visible window marked
	header   float64 // each lane's name
	row      float64 // one row of marks and labels
	pad      float64 // the theme's padding: room under a lane's last row, small gaps
	scroll   float64 // the lanes' scroll bar, at the right of the lane area
	mark     float64 // a point marker's width
	gap      float64 // free room between two marks (or labels) in a row
	tick     float64 // minimum room between two labelled ticks
	tipLine  float64 // a line of the tooltip
	nameX    float64 // where a lane's name starts
}

// maxLaneRows is how many rows a lane gets before "+N more"; a click expands it.
const maxLaneRows = 12

// metricsFor is the layout for labels of size label and the theme's padding pad.
func metricsFor(label, pad float64) metrics {
	r := math.Round
	row := r(label * 5 / 3)
	return metrics{
		label:    label,
		axis:     r(label * 3.5),
		minorRow: row,
		overview: r(label * 17 / 6),
		header:   row,
		row:      row,
		pad:      pad,
		scroll:   2 * pad,
		mark:     r(label * 0.75),
		gap:      2 * pad,
		tick:     r(label * 16 / 3),
		tipLine:  r(label * 17 / 12),
		nameX:    2 * pad,
	}
}

// themeMetrics is the layout for the current theme.
func themeMetrics() metrics {
	return metricsFor(float64(labelTextSize()), float64(theme.Padding()))
}

// lay is the view's layout, worked out again when the theme's text size or padding
// has changed since it was last asked for. Call it on the UI goroutine.
func (t *View) lay() *metrics {
	if l, p := float64(labelTextSize()), float64(theme.Padding()); l != t.m.label || p != t.m.pad {
		t.m = metricsFor(l, p)
	}
	return &t.m
}
