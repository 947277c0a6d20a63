package timelineview

import (
	"image"
	"image/color"
	"strings"
	"testing"

	"fyne.io/fyne/v2/theme"

	"github.com/chronoscope/chronoscope/timeline"
)

// tlHasColour reports whether img holds a pixel of exactly c right of the lane names'
// stripes (where marks are drawn).
func tlHasColour(img image.Image, c color.NRGBA) bool {
	b := img.Bounds()
	for y := b.Min.Y + int(tm().axis); y < b.Max.Y-int(tm().overview); y++ {
		for x := b.Min.X + 12; x < b.Max.X; x++ {
			if color.NRGBAModel.Convert(img.At(x, y)) == c {
				return true
			}
		}
	}
	return false
}

// tlSampleWhere indexes the sample's events that keep says to keep.
func tlSampleWhere(keep func(timeline.Event) bool) *timeline.Index {
	var marks []timeline.Mark
	for _, e := range timeline.Sample() {
		if keep(e) {
			marks = append(marks, timeline.MarkOf(e))
		}
	}
	return timeline.NewIndex(timeline.MarksOf(marks), timeline.GroupByLane)
}

// TestLaneColoursStayPut draws the sample, then a search for "missile" and a filter to
// the Space lane, and checks that each lane shown has its marks in the colour the case
// keeps for it, and that no lane left out lends its colour to another.
func TestLaneColoursStayPut(t *testing.T) {
	colours := tlSampleColours()
	lanes := []string{"Diplomacy", "Military", "North Korea", "Space"}
	for _, tt := range []struct {
		name string
		keep func(timeline.Event) bool
	}{
		{"all", func(timeline.Event) bool { return true }},
		{"search missile", func(e timeline.Event) bool { return strings.Contains(strings.ToLower(e.Title), "missile") }},
		{"filter Space", func(e timeline.Event) bool { return e.Lane == "Space" }},
		{"filter Space and Military", func(e timeline.Event) bool { return e.Lane == "Space" || e.Lane == "Military" }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ix := tlSampleWhere(tt.keep)
			_, c := tlView(t, ix, theme.VariantLight, tlWidth, tlHeight)
			img := c.Capture()
			shown := map[string]bool{}
			for _, m := range ix.Marks().All() {
				shown[m.Lane] = true
			}
			for _, l := range lanes {
				if got := tlHasColour(img, colours.Of(l)); got != shown[l] {
					t.Errorf("lane %s (shown %v): its colour %v drawn %v", l, shown[l], colours.Of(l), got)
				}
			}
		})
	}
}

// TestHighlightDims: with a highlight, the matches keep their lane's colour and every
// other event is dimmed, so its lane's full colour is gone from lanes with no match.
func TestHighlightDims(t *testing.T) {
	colours := tlSampleColours()
	tv, c := tlView(t, tlSampleIndex(), theme.VariantLight, tlWidth, tlHeight)
	match := map[string]bool{}
	for _, m := range tv.Index().Marks().All() {
		if strings.Contains(strings.ToLower(m.Title), "missile") {
			match[m.ID] = true
		}
	}
	tv.Highlight(match)
	img := c.Capture()
	if !tlHasColour(img, colours.Of("Military")) {
		t.Error("the missile launch, a match, lost its lane's colour")
	}
	for _, l := range []string{"Diplomacy", "Space"} {
		if tlHasColour(img, colours.Of(l)) {
			t.Errorf("lane %s has no match, yet its full colour is drawn", l)
		}
	}
	if n := len(tv.front.Items); n != len(timeline.Sample()) {
		t.Errorf("%d events drawn while highlighting, want all %d", n, len(timeline.Sample()))
	}
	tv.Highlight(nil)
	if img := c.Capture(); !tlHasColour(img, colours.Of("Diplomacy")) {
		t.Error("Diplomacy still dimmed after the highlight ended")
	}
}
