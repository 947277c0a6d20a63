package timelineview

import (
	"image"
	"testing"

	"fyne.io/fyne/v2/driver/software"
	"fyne.io/fyne/v2/theme"

	"github.com/chronoscope/chronoscope/timeline"
)

// paintNext does what requestFrame does off the UI goroutine and then back on it, on
// the calling goroutine: build the next frame and paint its picture, then swap the
// frames in and offer the picture; between the two, between runs before the Refresh.
func paintNext(tv *View, between func()) *drawJob {
	job := tv.r.startJob(tv.back)
	tv.back.Build(tv.ix, tv.view())
	job.run(nil)
	tv.front, tv.back = tv.back, tv.front
	tv.reclamp()
	tv.r.offer(job)
	between()
	tv.Refresh()
	return job
}

// repainted is the canvas as it looks when the picture is painted again from the
// view's state on the UI goroutine.
func repainted(tv *View, c software.WindowlessCanvas) image.Image {
	tv.r.stale = true
	return c.Capture()
}

// TestPicturePaintedNextToTheFrame checks that the picture painted with a frame, off
// the UI goroutine, is the one shown with it, and looks as one painted on the UI
// goroutine from the same state.
func TestPicturePaintedNextToTheFrame(t *testing.T) {
	tv, c := tlView(t, tlSampleIndex(), theme.VariantLight, tlWidth, tlHeight)
	tv.SetScale(timeline.NewScale(tlDay(2023, 1, 1), tlDay(2024, 1, 1), tlWidth))
	c.Capture()
	tv.scale = tv.scale.Zoom(1.25, tlWidth/2)
	job := paintNext(tv, func() {})
	if tv.r.cur != job.slot || tv.r.stale {
		t.Fatal("the picture painted with the frame is not the one shown")
	}
	shown := c.Capture()
	if !sameImage(shown, repainted(tv, c)) {
		t.Error("the picture painted with the frame differs from one painted on the UI goroutine")
	}
}

// TestPictureOfAnOldState checks that a picture painted before the view changed (here:
// it took the focus, and a highlight began) is not shown: the view is painted again.
func TestPictureOfAnOldState(t *testing.T) {
	tv, c := tlView(t, tlSampleIndex(), theme.VariantLight, tlWidth, tlHeight)
	c.Capture()
	for name, change := range map[string]func(){
		"focus":     func() { tv.focused = !tv.focused },
		"highlight": func() { tv.matches = map[string]bool{} },
	} {
		job := paintNext(tv, change)
		if tv.r.cur == job.slot || !tv.r.stale {
			t.Errorf("%s: the picture of the state before is shown", name)
		}
		if !sameImage(c.Capture(), repainted(tv, c)) {
			t.Errorf("%s: the picture shown is not the view's state", name)
		}
	}
}

// sameImage reports whether a and b have the same pixels.
func sameImage(a, b image.Image) bool {
	if a.Bounds() != b.Bounds() {
		return false
	}
	for y := a.Bounds().Min.Y; y < a.Bounds().Max.Y; y++ {
		for x := a.Bounds().Min.X; x < a.Bounds().Max.X; x++ {
			if a.At(x, y) != b.At(x, y) {
				return false
			}
		}
	}
	return true
}
