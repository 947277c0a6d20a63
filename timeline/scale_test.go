package timeline

import (
	"math"
	"testing"
	"time"
)

func unix(y int, m time.Month, d, hh, mm int) int64 {
	return time.Date(y, m, d, hh, mm, 0, 0, time.UTC).Unix()
}

func TestScaleRoundTrip(t *testing.T) {
	tests := []struct {
		name       string
		start, end int64
		width      float64
	}{
		{"a day", unix(2023, 9, 13, 0, 0), unix(2023, 9, 14, 0, 0), 1600},
		{"a minute", unix(2023, 9, 13, 10, 30), unix(2023, 9, 13, 10, 31), 1600},
		{"Caesar's century", unix(-99, 1, 1, 0, 0), unix(1, 1, 1, 0, 0), 900},
		{"past 2262", unix(2260, 1, 1, 0, 0), unix(2265, 1, 1, 0, 0), 1200},
		{"twenty thousand years", unix(-9999, 1, 1, 0, 0), unix(9999, 1, 1, 0, 0), 1600},
		{"narrow strip", unix(1990, 1, 1, 0, 0), unix(2020, 1, 1, 0, 0), 37},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := NewScale(tt.start, tt.end, tt.width)
			if got := s.X(tt.start); math.Abs(got) > 1e-9 {
				t.Errorf("X(start) = %v, want 0", got)
			}
			if got := s.X(tt.end); math.Abs(got-tt.width) > 1e-6 {
				t.Errorf("X(end) = %v, want %v", got, tt.width)
			}
			span := tt.end - tt.start
			for k := int64(0); k <= 20; k++ {
				ti := tt.start + span*k/20
				if got := s.Time(s.X(ti)); got != ti {
					t.Errorf("Time(X(%d)) = %d", ti, got)
				}
			}
			for _, x := range []float64{0, 1, tt.width / 3, tt.width} {
				if got := s.X(s.Time(x)); math.Abs(got-x) > 0.5*tt.width/float64(span)+1e-6 {
					t.Errorf("X(Time(%v)) = %v", x, got)
				}
			}
		})
	}
}

func TestScaleZoomKeepsPointer(t *testing.T) {
	base := NewScale(unix(2000, 1, 1, 0, 0), unix(2010, 1, 1, 0, 0), 1600)
	tests := []struct {
		factor, x float64
	}{
		{2, 800}, {2, 0}, {2, 1600}, {1.25, 333}, {0.5, 1200}, {10, 17}, {1e6, 900}, {1.1, 1599},
	}
	for _, tt := range tests {
		s := base
		for i := 0; i < 8; i++ { // repeated zooms must not drift
			before := s.At(tt.x)
			s = s.Zoom(tt.factor, tt.x)
			if after := s.At(tt.x); math.Abs(after-before) > 1e-3 {
				t.Fatalf("zoom %v at %v step %d: instant moved from %v to %v", tt.factor, tt.x, i, before, after)
			}
		}
	}
	// Zooming in and out again comes back.
	s := base.Zoom(3, 500).Zoom(1.0/3, 500)
	if math.Abs(s.Start-base.Start) > 1e-3 || math.Abs(s.End-base.End) > 1e-3 {
		t.Errorf("zoom in then out: %+v, want %+v", s, base)
	}
}

func TestScaleClamps(t *testing.T) {
	s := NewScale(unix(2023, 9, 13, 0, 0), unix(2023, 9, 14, 0, 0), 1600)
	in := s.Zoom(1e9, 400)
	if in.Span() != MinSpan {
		t.Errorf("zoomed far in: span %v, want %v", in.Span(), MinSpan)
	}
	if math.Abs(in.At(400)-s.At(400)) > 1e-3 {
		t.Errorf("clamped zoom moved the pointer's instant")
	}
	out := s.Zoom(1e-9, 400)
	if out.Span() != MaxSpan {
		t.Errorf("zoomed far out: span %v, want %v", out.Span(), float64(MaxSpan))
	}
	// Panning forever stops at the edge of the reachable years, at the same zoom.
	far := out
	for i := 0; i < 100; i++ {
		far = far.Pan(-1e6)
	}
	if far.End != viewMax || math.Abs(far.Span()-MaxSpan) > 1 {
		t.Errorf("panned to the end: %+v", far)
	}
	if bad := (Scale{Start: 5, End: 5, Width: 0}).Clamp(); bad.Width != 1 || bad.Span() != MinSpan {
		t.Errorf("Clamp of a degenerate scale = %+v", bad)
	}
	if sw := (Scale{Start: 1000, End: 0, Width: 10}).Clamp(); sw.Start != 0 || sw.End != 1000 {
		t.Errorf("Clamp of a reversed scale = %+v", sw)
	}
}

func TestScalePan(t *testing.T) {
	s := NewScale(unix(1900, 1, 1, 0, 0), unix(1950, 1, 1, 0, 0), 1000)
	ti := unix(1920, 6, 1, 0, 0)
	for _, dx := range []float64{1, -1, 250, -999, 0.25} {
		p := s.Pan(dx)
		if got, want := p.X(ti), s.X(ti)+dx; math.Abs(got-want) > 1e-6 {
			t.Errorf("Pan(%v): X = %v, want %v", dx, got, want)
		}
		if math.Abs(p.Span()-s.Span()) > 1e-3 {
			t.Errorf("Pan(%v) changed the span", dx)
		}
	}
	// At the tightest zoom a one-pixel drag still moves the view.
	tight := NewScale(unix(2023, 9, 13, 10, 30), unix(2023, 9, 13, 10, 31), 1600)
	if p := tight.Pan(1); p.Start >= tight.Start {
		t.Errorf("a one-pixel pan at minute zoom did not move: %v", p.Start-tight.Start)
	}
}

func TestFit(t *testing.T) {
	first, last := unix(-43, 3, 15, 0, 0), unix(14, 8, 19, 0, 0)
	s := Fit(first, last, 1000)
	if x := s.X(first); math.Abs(x-1000*FitMargin/(1+2*FitMargin)) > 1e-6 {
		t.Errorf("first at x=%v", x)
	}
	if x := s.X(last); math.Abs(x-1000*(1+FitMargin)/(1+2*FitMargin)) > 1e-6 {
		t.Errorf("last at x=%v", x)
	}
	one := Fit(first, first, 500)
	if one.Span() != day || math.Abs(one.X(first)-250) > 1e-9 {
		t.Errorf("Fit of one instant = %+v", one)
	}
	if got := Fit(0, 10, 100).Span(); got != MinSpan {
		t.Errorf("Fit of ten seconds has span %v", got)
	}
}

func TestScaleResizeAndCenter(t *testing.T) {
	s := NewScale(0, 1000*60, 1000)
	r := s.Resize(2000)
	if r.Start != s.Start || r.SecondsPerPixel() != s.SecondsPerPixel() || r.Width != 2000 {
		t.Errorf("Resize = %+v", r)
	}
	c := s.CenterOn(unix(2023, 1, 1, 0, 0))
	if math.Abs(c.X(unix(2023, 1, 1, 0, 0))-500) > 1e-9 || c.Span() != s.Span() {
		t.Errorf("CenterOn = %+v", c)
	}
	first, last := s.Window()
	if first != 0 || last != 60000 {
		t.Errorf("Window = %d, %d", first, last)
	}
}
