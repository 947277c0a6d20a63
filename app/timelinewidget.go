package app

import (
	"image"

	"github.com/chronoscope/chronoscope/app/timelineview"
	"github.com/chronoscope/chronoscope/timeline"
)

// TimelineView is the timeline widget of package timelineview, as the window holds it.
type TimelineView = timelineview.View

// NewTimelineView returns an empty timeline widget.
func NewTimelineView() *TimelineView { return timelineview.New() }

// renderTimeline draws ix offscreen as the window shows it, for File > Export image.
func renderTimeline(ix *timeline.Index, view *timeline.Scale, selected string, width, height int) image.Image {
	return timelineview.Render(timelineview.Picture{Index: ix, Scale: view, Selected: selected}, width, height)
}
