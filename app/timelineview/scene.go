package timelineview

import (
	"image/color"
	"math"
	"reflect"
	"unsafe"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/chronoscope/chronoscope/timeline"
)

// scene is everything one picture of the timeline is painted from, taken on the UI
// goroutine so that the picture can be painted on another, next to the frame build.
// Whatever the picture shows of the time window and the scroll is the frame's own
// (frame.View), so a picture always agrees with the frame it is painted from.
type scene struct {
	frame     *timeline.Frame
	tints     tints
	size      fyne.Size
	focused   bool
	overview  timeline.Overview
	pal       palette
	labelSize float32
	m         metrics     // the layout for the theme's sizes
	bold      *glyphTable // the label font, bold: lane titles
	small     *glyphTable // the overview's calendar
}

// palette is the theme's colours a paint uses, opaque.
type palette struct{ fg, primary, bg color.NRGBA }

// sceneKey tells whether two scenes paint the same picture: scenes taken from the same
// state have equal keys.
type sceneKey struct {
	frame            *timeline.Frame
	ix               *timeline.Index
	colours, matches unsafe.Pointer
	size             fyne.Size
	focused          bool
	ovCounts         *float32
	ovLen            int
	ovMax            float32
	ovScale          timeline.Scale
	pal              palette
	labelSize        float32
	m                metrics
}

func (s *scene) key() sceneKey {
	k := sceneKey{frame: s.frame, ix: s.tints.ix, size: s.size, focused: s.focused,
		ovLen: len(s.overview.Counts), ovMax: s.overview.Max, ovScale: s.overview.Scale, pal: s.pal, labelSize: s.labelSize, m: s.m}
	k.colours = reflect.ValueOf(s.tints.colours).UnsafePointer()
	k.matches = reflect.ValueOf(s.tints.matches).UnsafePointer()
	if len(s.overview.Counts) > 0 {
		k.ovCounts = &s.overview.Counts[0]
	}
	return k
}

// scene is the view's state for a picture of frame f. Call it on the UI goroutine.
func (t *View) scene(f *timeline.Frame) scene {
	size := labelTextSize()
	return scene{
		frame:    f,
		tints:    tints{ix: t.ix, colours: t.colours, matches: t.matches},
		size:     t.size,
		focused:  t.focused,
		overview: t.overview,
		pal: palette{fg: toNRGBA(theme.Color(theme.ColorNameForeground)),
			primary: toNRGBA(theme.Color(theme.ColorNamePrimary)), bg: toNRGBA(theme.Color(theme.ColorNameBackground))},
		labelSize: size,
		m:         *t.lay(),
		bold:      labelWidths(),
		small:     glyphWidths(smallTextSize(), fyne.TextStyle{}),
	}
}

func (s *scene) width() float64 { return math.Max(float64(s.size.Width), 1) }
func (s *scene) lanesHeight() float64 {
	return math.Max(float64(s.size.Height)-s.m.axis-s.m.overview, 1)
}

// empty reports a scene with no events to draw.
func (s *scene) empty() bool { return s.tints.ix == nil || s.tints.ix.Len() == 0 }

// labelRoom is the width item it's label is drawn in, and whether it is drawn: a label
// running past the right edge is cut there, with an ellipsis, rather than spill over
// whatever lies to the right of the timeline, and left out when too little would show.
func (s *scene) labelRoom(it *timeline.Item) (float64, bool) {
	if !it.Labeled || it.LabelW <= 0 {
		return 0, false
	}
	lw := it.LabelW
	if room := s.width() - it.LabelX - 4; room < lw {
		if room < 40 {
			return 0, false
		}
		lw = room
	}
	return lw, true
}

// labelSpot is where item it's label goes in lane fl: its top and width, and whether
// there is room for it on screen (not under the lane's header, not below the lanes).
func (s *scene) labelSpot(fl *timeline.FrameLane, it *timeline.Item) (y, w float64, ok bool) {
	m := &s.m
	y = m.axis + it.Y + (m.row-m.label*1.3)/2
	w, ok = s.labelRoom(it)
	if !ok || y < m.axis+math.Max(fl.Y, 0)+m.header-m.pad || y > m.axis+s.lanesHeight()-m.row+m.pad {
		return 0, 0, false
	}
	return y, w, true
}

// layout is what a picture and the texts over it share: the lanes' headers (the
// picture draws a backing under each) and the overview's calendar (the picture draws a
// line at each labelled tick).
type layout struct {
	titles   []string  // each frame lane's header
	titleW   []float64 // its width in the label font, bold
	ovLabels []ovLabel
	ovTicks  []timeline.Tick
}

// ovLabel is a labelled tick of the overview: its line at x and its text from textX.
type ovLabel struct {
	text     string
	x, textX float64
}

// lay fills l for scene s: pure arithmetic on the frame, safe on any goroutine.
func (l *layout) lay(s *scene) {
	l.titles, l.titleW, l.ovLabels = l.titles[:0], l.titleW[:0], l.ovLabels[:0]
	if s.empty() || s.frame == nil {
		return
	}
	for li := range s.frame.Lanes {
		fl := &s.frame.Lanes[li]
		clipped := 0
		for k := range fl.Items {
			if it := &fl.Items[k]; it.Labeled && it.LabelW > 0 {
				if _, _, ok := s.labelSpot(fl, it); !ok {
					clipped++
				}
			}
		}
		title := laneTitle(s.tints.laneName(fl), fl, clipped, s.frame.View.Expanded[fl.Name])
		if fl.Collapsed {
			title += "  \u00b7  collapsed"
		}
		l.titles = append(l.titles, title)
		l.titleW = append(l.titleW, float64(s.bold.advance(title)))
	}
	l.layOverview(s)
}

// layOverview places the overview's calendar: years, or the larger unit for a short
// case, each label after its tick where it does not run into the one before.
func (l *layout) layOverview(s *scene) {
	if s.overview.Max <= 0 {
		return
	}
	var st timeline.Step
	l.ovTicks, st = s.frame.View.Folding.Ticks(s.overview.Scale, s.m.tick, l.ovTicks[:0])
	prevEnd := math.Inf(-1)
	for _, tk := range l.ovTicks {
		if tk.Major == (st.Unit == timeline.UnitYear) {
			continue
		}
		x := math.Max(tk.X, 0) + 3
		w := float64(s.small.advance(tk.Label))
		if x < prevEnd+6 || x+w > s.width()-2 {
			continue
		}
		l.ovLabels = append(l.ovLabels, ovLabel{text: tk.Label, x: tk.X, textX: x})
		prevEnd = x + w
	}
}

// title is frame lane li's header and its width ("" and 0 when there is none).
func (l *layout) title(li int) (string, float64) {
	if li < len(l.titles) {
		return l.titles[li], l.titleW[li]
	}
	return "", 0
}

// drawJob paints the picture of a frame being built, on the frame builder's goroutine,
// into the renderer's spare picture; the renderer shows it on the Refresh that shows the
// frame, if the view's state is still the one it was painted from.
type drawJob struct {
	sc   scene
	pic  *picture
	slot int
	w, h int
}

// startJob prepares the picture of frame f, to be built and painted off the UI
// goroutine; nil before the renderer exists (run and offer then do nothing). Call it
// on the UI goroutine, with no other job running.
func (r *renderer) startJob(f *timeline.Frame) *drawJob {
	if r == nil {
		return nil
	}
	j := &drawJob{sc: r.t.scene(f), slot: 1 - r.cur}
	j.pic = &r.pics[j.slot]
	// In pixels as the raster last was, at the scale it was drawn at.
	j.w, j.h = int(math.Round(float64(j.sc.size.Width))), int(math.Round(float64(j.sc.size.Height)))
	if old := r.sc.size; r.pixels[0] > 0 && old.Width > 0 && old.Height > 0 {
		j.w = int(math.Round(float64(j.sc.size.Width) * float64(r.pixels[0]) / float64(old.Width)))
		j.h = int(math.Round(float64(j.sc.size.Height) * float64(r.pixels[1]) / float64(old.Height)))
	}
	return j
}

// run lays out and paints the job's picture, once its frame is built; ov is the
// overview to draw when a new one was made with the frame (nil: the one on screen).
func (j *drawJob) run(ov *timeline.Overview) {
	if j == nil {
		return
	}
	if ov != nil {
		j.sc.overview = *ov
	}
	j.pic.lay.lay(&j.sc)
	j.pic.paint(&j.sc, j.w, j.h)
}

// offer hands the job's picture to the next Refresh. Call it on the UI goroutine.
func (r *renderer) offer(j *drawJob) {
	if r != nil && j != nil {
		r.offered = j
	}
}
