package app

import (
	"context"
	"io"

	"github.com/chronoscope/chronoscope/app/timelineview"
	"github.com/chronoscope/chronoscope/timeline"
)

// Snapshot is `chronoscope snapshot`: the timeline of the events f selects drawn offscreen
// into a PNG by the window's own widget (timelineview.Snapshot). It makes the desktop
// driver's app, which measures text as the window does and, never run, opens nothing, so
// no display is needed; not Fyne's test driver, so the binary links no testing package.
// Call it once, in a process without another Fyne app.
func Snapshot(ctx context.Context, s timeline.Store, f timeline.Filter, width, height int, w io.Writer) error {
	a := newFyneApp()
	defer a.Quit()
	return timelineview.Snapshot(ctx, s, f, width, height, w)
}
