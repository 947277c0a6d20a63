package timelineview

import (
	"context"
	"fmt"
	"image"
	"image/png"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/software"
	"fyne.io/fyne/v2/theme"

	"github.com/chronoscope/chronoscope/timeline"
)

// MarksReader is what Snapshot reads of a case: its marks (timeline.Store.Marks), and its
// lanes when it is a timeline.LaneKeeper.
type MarksReader interface {
	Marks(ctx context.Context, f timeline.Filter) (*timeline.Marks, error)
}

// Snapshot draws the timeline of the events f selects into a PNG, offscreen, with the
// same widget the window shows (Fyne's software painter, light theme) and the lanes'
// colours the case keeps. The view spans f's From..To when both are set, else the whole
// selection. It is the command line's `chronoscope snapshot` (app.Snapshot makes the
// Fyne app it needs); a Fyne app must be current (it measures the labels' text).
func Snapshot(ctx context.Context, s MarksReader, f timeline.Filter, width, height int, w io.Writer) error {
	marks, err := s.Marks(ctx, f)
	if err != nil {
		return err
	}
	colours, order, err := ReadLanes(ctx, s)
	if err != nil {
		return err
	}
	fyne.CurrentApp().Settings().SetTheme(FixedTheme(theme.VariantLight))
	var view *timeline.Scale
	if f.HasFrom && f.HasTo {
		sc := timeline.NewScale(f.From, f.To, float64(width))
		view = &sc
	}
	img := Render(Picture{Index: timeline.NewIndex(marks, timeline.GroupByLane), Scale: view, Colours: colours, Order: order}, width, height)
	if err := png.Encode(w, img); err != nil {
		return fmt.Errorf("write the image: %w", err)
	}
	return nil
}

// Picture is what Render draws: an index, the window (nil: fitted to the case), the
// selected event ("" for none), the lanes' colours (nil: palette colours by name), their
// order (nil: by name) and the compressed axis, if any.
type Picture struct {
	Index    *timeline.Index
	Scale    *timeline.Scale
	Selected string
	Colours  LaneColours
	Order    LaneOrder
	// Compressed, when not nil, draws Index on that compressed axis (see View.SetFolded).
	Compressed *timeline.Compressed
}

// Render draws p offscreen at width x height pixels with the widget the window shows.
// Call it on the UI goroutine.
func Render(p Picture, width, height int) image.Image {
	tv, c := offscreen(float32(width), float32(height))
	tv.SetLaneColours(p.Colours)
	tv.SetLaneOrder(p.Order)
	if p.Compressed != nil {
		tv.SetFolded(p.Index, *p.Compressed)
	} else {
		tv.SetIndex(p.Index)
	}
	if p.Scale != nil {
		tv.SetScale(*p.Scale)
	}
	tv.SetSelected(p.Selected)
	return c.Capture()
}

// offscreen lays a new view out on an unpadded software canvas of w x h units at scale
// 1, building its frames on the calling goroutine.
func offscreen(w, h float32) (*View, software.WindowlessCanvas) {
	tv := New()
	tv.Sync = true
	c := software.NewCanvas()
	c.SetPadded(false)
	c.SetScale(1)
	c.SetContent(tv)
	c.Resize(fyne.NewSize(w, h))
	return tv, c
}
