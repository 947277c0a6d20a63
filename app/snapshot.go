package app

import (
	"context"
	"fmt"
	"image"
	"image/png"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/software"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/chronoscope/chronoscope/timeline"
)

// Snapshot draws the timeline of the events f selects into a PNG, offscreen, with the
// same widget the window shows (Fyne's software painter, light theme). The view spans
// f's From..To when both are set, else the whole selection. It is the command line's
// `chronoscope snapshot`.
func Snapshot(ctx context.Context, s timeline.Store, f timeline.Filter, width, height int, w io.Writer) error {
	marks, err := s.Marks(ctx, f)
	if err != nil {
		return err
	}
	if fyne.CurrentApp() == nil {
		a := test.NewApp()
		defer a.Quit()
	}
	fyne.CurrentApp().Settings().SetTheme(forcedTheme{Theme: theme.DefaultTheme(), variant: theme.VariantLight})
	var view *timeline.Scale
	if f.HasFrom && f.HasTo {
		sc := timeline.NewScale(f.From, f.To, float64(width))
		view = &sc
	}
	img := renderTimeline(timeline.NewIndex(marks, timeline.GroupByLane), view, "", width, height)
	if err := png.Encode(w, img); err != nil {
		return fmt.Errorf("write the image: %w", err)
	}
	return nil
}

// renderTimeline draws ix offscreen at width x height pixels, in the window fitted to the
// case unless view is given, with selected marked. Call it on the UI goroutine.
func renderTimeline(ix *timeline.Index, view *timeline.Scale, selected string, width, height int) image.Image {
	tv := NewTimelineView()
	tv.Sync = true
	c := software.NewCanvas()
	c.SetPadded(false)
	c.SetScale(1)
	c.SetContent(tv)
	c.Resize(fyne.NewSize(float32(width), float32(height)))
	tv.SetIndex(ix)
	if view != nil {
		tv.SetScale(*view)
	}
	tv.SetSelected(selected)
	return c.Capture()
}
