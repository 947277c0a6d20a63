package app

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/software"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/chronoscope/chronoscope/timeline"
)

// The size of the timeline in the golden images and the interaction tests.
const tlWidth, tlHeight = 1200, 520

// tlDay returns midnight UTC of a calendar day as Unix seconds.
func tlDay(y int, m time.Month, d int) int64 {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix()
}

// tlSampleIndex indexes the sample chronology by lane, as the window does.
func tlSampleIndex() *timeline.Index {
	var marks []timeline.Mark
	for _, e := range timeline.Sample() {
		marks = append(marks, timeline.MarkOf(e))
	}
	return timeline.NewIndex(marks, timeline.GroupByLane)
}

// tlView puts a timeline showing ix on an offscreen canvas of w x h units in the given
// theme variant, fitted to the case, with frames built synchronously.
func tlView(t *testing.T, ix *timeline.Index, variant fyne.ThemeVariant, w, h float32) (*TimelineView, fyne.Canvas) {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(forcedTheme{Theme: theme.DefaultTheme(), variant: variant})
	tv := NewTimelineView()
	tv.Sync = true
	c := software.NewCanvas()
	c.SetPadded(false)
	c.SetScale(1)
	c.SetContent(tv)
	c.Resize(fyne.NewSize(w, h))
	tv.SetIndex(ix)
	return tv, c
}

// TestTimelineGolden renders the sample chronology at three zoom levels in the light and
// the dark theme and compares each with its golden image under testdata/.
func TestTimelineGolden(t *testing.T) {
	zooms := []struct {
		name string
		view func() *timeline.Scale
	}{
		{"case", func() *timeline.Scale { return nil }},
		{"2023", func() *timeline.Scale {
			s := timeline.NewScale(tlDay(2023, 1, 1), tlDay(2024, 1, 1), tlWidth)
			return &s
		}},
		{"sep9-14", func() *timeline.Scale {
			// As the view frames a selection: the days, and room for the labels after them.
			s := fitWithLabels(tlDay(2023, 9, 9), tlDay(2023, 9, 15)-1, tlWidth)
			return &s
		}},
	}
	variants := []struct {
		name    string
		variant fyne.ThemeVariant
	}{{"light", theme.VariantLight}, {"dark", theme.VariantDark}}
	for _, z := range zooms {
		for _, v := range variants {
			t.Run(z.name+"_"+v.name, func(t *testing.T) {
				tv, c := tlView(t, tlSampleIndex(), v.variant, tlWidth, tlHeight)
				if s := z.view(); s != nil {
					tv.SetScale(*s)
				}
				test.AssertImageMatches(t, "timeline_"+z.name+"_"+v.name+".png", c.Capture())
			})
		}
	}
}
