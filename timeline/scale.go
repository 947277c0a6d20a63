package timeline

import (
	"math"
	"time"
)

// MinSpan is the narrowest view a Scale allows, in seconds: one minute.
const MinSpan = 60

// MaxSpan is the widest view a Scale allows, in seconds: 20,000 mean Gregorian years.
const MaxSpan = 20000 * 31556952

// FitMargin is the share of the fitted range that Fit adds on each side.
const FitMargin = 0.05

// The instants a view may reach: from the start of year -19999 (20000 BC) to the end of
// year 19999, wider than MaxSpan so a clamped view can always move.
var (
	viewMin = float64(time.Date(-19999, 1, 1, 0, 0, 0, 0, time.UTC).Unix())
	viewMax = float64(time.Date(20000, 1, 1, 0, 0, 0, 0, time.UTC).Unix())
)

// Scale maps instants (Unix seconds, UTC) to horizontal pixels for a view of the timeline:
// Start is at x = 0 and End at x = Width. Start and End are float64 seconds so that zooming
// and panning keep a fraction of a second at the tightest zoom (a float64 holds every
// instant of years -20000 to 20000 to better than a millisecond); instants of events stay
// int64. A Scale is a small value: methods return a new one and never change the receiver.
// The zero Scale is not usable; make one with NewScale or Fit, or call Clamp.
type Scale struct {
	Start float64 // Unix seconds at x = 0
	End   float64 // Unix seconds at x = Width; End - Start is within [MinSpan, MaxSpan]
	Width float64 // pixels, at least 1
}

// NewScale returns the view of [start, end] over width pixels, clamped (see Clamp).
func NewScale(start, end int64, width float64) Scale {
	return Scale{Start: float64(start), End: float64(end), Width: width}.Clamp()
}

// Fit returns the view that shows first to last over width pixels with a FitMargin on each
// side. A single instant (or last before first) is shown in the middle of one day.
func Fit(first, last int64, width float64) Scale {
	if last <= first {
		mid := float64(first)
		return Scale{Start: mid - day/2, End: mid + day/2, Width: width}.Clamp()
	}
	span := float64(last - first)
	pad := span * FitMargin
	return Scale{Start: float64(first) - pad, End: float64(last) + pad, Width: width}.Clamp()
}

// Clamp returns s made valid: Width at least 1, End after Start, a span within
// [MinSpan, MaxSpan] kept around its centre, and the view moved, not shrunk, to stay within
// the years 20000 BC to 19999.
func (s Scale) Clamp() Scale {
	if !(s.Width >= 1) { // also catches NaN
		s.Width = 1
	}
	if math.IsNaN(s.Start) || math.IsInf(s.Start, 0) {
		s.Start = 0
	}
	if math.IsNaN(s.End) || math.IsInf(s.End, 0) {
		s.End = s.Start + day
	}
	if s.End < s.Start {
		s.Start, s.End = s.End, s.Start
	}
	span := s.End - s.Start
	if span < MinSpan || span > MaxSpan {
		mid := s.Start + span/2
		span = math.Min(math.Max(span, MinSpan), MaxSpan)
		s.Start, s.End = mid-span/2, mid+span/2
	}
	if s.Start < viewMin {
		s.Start, s.End = viewMin, viewMin+span
	}
	if s.End > viewMax {
		s.Start, s.End = viewMax-span, viewMax
	}
	return s
}

// Span is the number of seconds the view shows.
func (s Scale) Span() float64 { return s.End - s.Start }

// SecondsPerPixel is how many seconds one pixel column covers.
func (s Scale) SecondsPerPixel() float64 { return (s.End - s.Start) / s.Width }

// X returns the pixel position of instant t; it is outside [0, Width] for instants
// outside the view.
func (s Scale) X(t int64) float64 {
	return (float64(t) - s.Start) * s.Width / (s.End - s.Start)
}

// At returns the instant at pixel position x, with its fraction of a second.
func (s Scale) At(x float64) float64 {
	return s.Start + x*(s.End-s.Start)/s.Width
}

// Time returns the instant at pixel position x, rounded to the nearest second, so that
// Time(X(t)) == t for any instant the view can show.
func (s Scale) Time(x float64) int64 { return int64(math.Round(s.At(x))) }

// Window returns the whole seconds the view covers, first to last inclusive: the bounds
// of a window query.
func (s Scale) Window() (first, last int64) {
	return int64(math.Floor(s.Start)), int64(math.Ceil(s.End))
}

// Zoom returns the view magnified by factor (above 1 zooms in, below 1 out) so that the
// instant at pixel aroundX stays at aroundX. The span is clamped to [MinSpan, MaxSpan];
// only at the edges of the reachable years does the instant move.
func (s Scale) Zoom(factor, aroundX float64) Scale {
	if !(factor > 0) || math.IsInf(factor, 0) {
		return s
	}
	pivot := s.At(aroundX)
	span := math.Min(math.Max((s.End-s.Start)/factor, MinSpan), MaxSpan)
	left := aroundX / s.Width * span
	return Scale{Start: pivot - left, End: pivot - left + span, Width: s.Width}.Clamp()
}

// Pan returns the view moved as if its content were dragged dx pixels to the right:
// a positive dx shows earlier instants.
func (s Scale) Pan(dx float64) Scale {
	d := dx * s.SecondsPerPixel()
	return Scale{Start: s.Start - d, End: s.End - d, Width: s.Width}.Clamp()
}

// Resize returns the view over a new width in pixels with the same Start and the same
// seconds per pixel, so widening the window shows more rather than stretching.
func (s Scale) Resize(width float64) Scale {
	spp := s.SecondsPerPixel()
	return Scale{Start: s.Start, End: s.Start + spp*width, Width: width}.Clamp()
}

// CenterOn returns the view moved so that instant t is in its middle, at the same zoom.
func (s Scale) CenterOn(t int64) Scale {
	half := (s.End - s.Start) / 2
	return Scale{Start: float64(t) - half, End: float64(t) + half, Width: s.Width}.Clamp()
}
