package timelineview

import (
	"maps"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/chronoscope/chronoscope/timeline"
)

// View is the interactive timeline: lanes of events on a calendar axis, with an
// overview strip of the whole case below. It draws from a timeline.Index; frames (window
// query, level of detail, packing, ticks) are built off the UI goroutine and shown when
// ready, and drawing costs what is on screen, not what is in the case.
//
// Mouse: the wheel zooms around the pointer, dragging pans (and scrolls the lanes up and
// down), dragging on the overview moves the window, a click selects, a double click edits;
// dragging the selected event moves it to new dates, and an edge of a selected span that
// end alone (when CanMove allows).
// Keys: + and - zoom, the arrows pan and scroll, Home fits the whole case, F the selection.
type View struct {
	widget.BaseWidget

	// OnSelect is told the id of the event clicked, or "" for a click on nothing.
	OnSelect func(id string)
	// OnExtend, when set, is told of a click with Ctrl or Shift held (the id clicked, ""
	// for nothing, and the keys), instead of the click selecting that event alone: the
	// window adds it to its selection or takes it off (see SetSelection).
	OnExtend func(id string, mods fyne.KeyModifier)
	// OnBand, when set, lets a drag with Shift held draw a rubber band over the lanes; it
	// is told the ids of the events the band took when the button is let go, and the
	// keys held when the drag began (Shift, and Ctrl to add to the selection).
	OnBand func(ids []string, mods fyne.KeyModifier)
	// OnWindow, when set, is told when the time window moves (a pan, a zoom, a fit), on
	// the UI goroutine, before the frame for it is built.
	OnWindow func()
	// OnActivate is told the id of an event double-clicked.
	OnActivate func(id string)
	// OnKey is offered the keys the view does not use itself (Enter, Delete...).
	OnKey func(*fyne.KeyEvent) bool
	// CanMove is asked, when a drag begins on the selected event's mark (tell: say why
	// not) and as the pointer hovers over it, whether that event may be dragged to new
	// dates, and for the events the drag moves as saved: that event first, then any
	// others selected with it (several move whole, by one step for all). nil, or false,
	// lets the drag pan.
	CanMove func(id string, tell bool) ([]timeline.Event, bool)
	// OnMove is told the events as they were and where a drag moved them, when the drag
	// ended with their dates changed (Escape cancels a move).
	OnMove func(before []timeline.Event, moved timeline.Moved)
	// OnHover is told the id of the event under the pointer ("" for none), so the window
	// can load its details and call ShowTooltip.
	OnHover func(id string)

	// EmptyHint is said in the middle of a timeline with no events ("" says nothing:
	// for a window that shows its own panel instead).
	EmptyHint string

	// Sync builds frames on the calling goroutine: for offscreen snapshots and tests.
	Sync bool

	ix        *timeline.Index   // the index drawn: real's, or its marks on the compressed axis
	real      *timeline.Index   // the index given (SetIndex, SetFolded)
	fold      *timeline.Folding // the compressed axis ix is on; nil for plain time
	colours   LaneColours
	matches   map[string]bool // with Highlight: the ids drawn in full; nil draws all in full
	expanded  map[string]bool // lanes given every row they need
	collapsed map[string]bool // lanes drawn as their header alone
	laneSort  LaneSort
	places    LaneOrder // the case's order of its lanes, for SortByCase
	order     []int     // the lanes' order for laneSort, computed for orderFor
	orderFor  *timeline.Index
	scale     timeline.Scale
	scrollY   float64
	selected  string           // the lead of the selection
	selection map[string]bool  // every selected id (see SetSelection); nil: the lead alone
	mods      fyne.KeyModifier // the keys held when the button went down
	band      rubberBand       // the rubber band being drawn
	told      timeline.Scale   // the window OnWindow was last told of
	size      fyne.Size

	front, back *timeline.Frame // front is drawn; back is being built
	building    bool
	dirty       bool
	overview    timeline.Overview
	overviewFor *timeline.Index // the index the overview was computed for

	hoverID   string
	hoverPos  fyne.Position
	pointerIn bool // the pointer is over the lanes
	tooltip   []string
	focused   bool
	dragMode  int       // one of the drag* constants
	move      *moveDrag // the move under way (dragMove)
	hoverEdge bool      // the pointer is on an edge of the selected span, which can move
	r         *renderer // the renderer, once created, for tooltip-only redraws
	glyphSize float32   // the label size the frames' label widths were measured at
	staleBack bool      // the back frame's label widths are of another size
	onResize  int       // how Resize treats the time window: one of the resize* constants
	m         metrics   // the layout for the theme's sizes (see lay)
}

// How a resize treats the time window. Until the user zooms or pans, a window that was
// set or fitted stays framed (the view is laid out at its minimum size before its real
// one, and a case may arrive before either); after that, a wider view shows more.
const (
	resizeKeepsZoom   = iota // the user moved the view: keep the seconds per unit of width
	resizeKeepsWindow        // the window was set: spread it over the new width
	resizeRefits             // the case was fitted: fit it to the new width
)

// New returns an empty timeline.
func New() *View {
	labelWidths() // measured here, on the UI goroutine, before any frame is built
	t := &View{front: &timeline.Frame{}, back: &timeline.Frame{}, expanded: map[string]bool{}, collapsed: map[string]bool{}, EmptyHint: "No events to show"}
	t.scale = timeline.NewScale(0, 86400*365, 1000)
	t.onResize = resizeKeepsWindow
	t.laneSort = SortByCase
	t.ExtendBaseWidget(t)
	return t
}

// SetIndex shows another set of events on a plain time axis, keeping the time window
// unless the view was empty. nil shows nothing.
func (t *View) SetIndex(ix *timeline.Index) { t.show(ix, nil) }

// Index is the index on display (as given, in instants), or nil.
func (t *View) Index() *timeline.Index { return t.real }

// Scale is the time window on display, from its first instant to its last (on a
// compressed axis the time between is not spread evenly).
func (t *View) Scale() timeline.Scale { return t.fold.TimeScale(t.scale) }

// SetScale shows the time window s.Start to s.End over the view's width, and keeps it
// framed when the view is resized until the user zooms or pans.
func (t *View) SetScale(s timeline.Scale) {
	t.scale = t.fold.AxisScale(timeline.Scale{Start: s.Start, End: s.End, Width: t.plotWidth()})
	t.onResize = resizeKeepsWindow
	t.requestFrame()
}

// SetSelected marks the event with id as selected ("" for none).
func (t *View) SetSelected(id string) {
	t.selected, t.selection = id, nil
	t.requestFrame()
}

// Selected is the id of the selected event, "" for none.
func (t *View) Selected() string { return t.selected }

// FitAll frames every event on display.
func (t *View) FitAll() {
	t.fit()
	t.scrollY = 0
	t.requestFrame()
}

func (t *View) fit() {
	if t.ix == nil {
		return
	}
	t.onResize = resizeRefits
	if first, last, ok := t.ix.Extent(); ok {
		t.scale = fitWithLabels(first, last, t.plotWidth())
	}
}

// fitWithLabels frames first..last with a little room on the right for the labels of
// the last events: a label that would not fit there moves to the left of its mark, so
// an eighth of the width (at most half a label) is enough, and the view wastes little
// time after the last event.
func fitWithLabels(first, last int64, width float64) timeline.Scale {
	room := math.Min(maxLabelWidth()/2, width/8)
	s := timeline.Fit(first, last, math.Max(width-room, 1))
	return timeline.NewScale(int64(s.Start), int64(s.End+room*s.SecondsPerPixel()), width).Clamp()
}

// FitSelection frames the selected events, from the first instant one covers to the
// last, and scrolls the lanes to the earliest.
func (t *View) FitSelection() {
	lo, hi, m, ok := t.selectionRange()
	if !ok {
		return
	}
	t.revealLane(m)
	t.fitRange(lo, hi)
}

func (t *View) selectedMark() (timeline.Mark, bool) {
	if t.ix == nil || t.selected == "" {
		return timeline.Mark{}, false
	}
	if i, ok := t.ix.Marks().Find(t.selected); ok {
		return t.ix.Marks().At(i), true
	}
	return timeline.Mark{}, false
}

// Reveal scrolls the view so that m is in it, keeping the zoom unless m is wider than
// the view.
func (t *View) Reveal(m timeline.Mark) { t.reveal(t.fold.AxisMark(m)) }

// reveal is Reveal for a mark on the view's axis.
func (t *View) reveal(m timeline.Mark) {
	first, last := t.scale.Window()
	if m.EndHi-m.StartLo > last-first {
		t.scale = timeline.Fit(m.StartLo, m.EndHi, t.plotWidth())
		t.onResize = resizeKeepsWindow
	} else if m.StartLo < first || m.EndHi > last {
		t.scale = t.scale.CenterOn(m.StartLo + (m.EndHi-m.StartLo)/2)
		t.onResize = resizeKeepsZoom
	}
	t.revealLane(m)
	t.requestFrame()
}

// revealLane scrolls the lanes so that m's first lane is on screen.
func (t *View) revealLane(m timeline.Mark) {
	if t.ix == nil {
		return
	}
	name := m.Lane
	switch t.ix.GroupBy() {
	case timeline.GroupByActor:
		name = first(m.Actors)
	case timeline.GroupByTag:
		name = first(m.Tags)
	case timeline.GroupNone:
		name = ""
	}
	if name == "" && t.ix.GroupBy() != timeline.GroupNone {
		name = timeline.NoLane
	}
	li := t.ix.LaneIndex(name)
	if li < 0 {
		return
	}
	y, h, ok := t.laneTop(li)
	if ok && (y < t.scrollY || y+math.Min(h, t.lanesHeight()) > t.scrollY+t.lanesHeight()) {
		t.scrollY = y
		t.clampScroll()
	}
}

func first(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}

// ZoomBy magnifies the view by factor (above 1 zooms in), keeping the selected event in
// place when it is in view, else the instant under the pointer, else the middle.
func (t *View) ZoomBy(factor float64) {
	t.scale = t.scale.Resize(t.plotWidth()).Zoom(factor, t.zoomAnchor())
	t.onResize = resizeKeepsZoom
	t.requestFrame()
}

// PanBy moves the window by a fraction of its width (positive is later).
func (t *View) PanBy(fraction float64) {
	t.scale = t.scale.Pan(-fraction * t.plotWidth())
	t.onResize = resizeKeepsZoom
	t.requestFrame()
}

// ShowTooltip shows lines for the event with id, if the pointer is still over it.
func (t *View) ShowTooltip(id string, lines []string) {
	if id != t.hoverID {
		return
	}
	t.tooltip = lines
	t.refreshTooltip()
}

// refreshTooltip redraws the tooltip alone: hovering never repaints the timeline.
func (t *View) refreshTooltip() {
	if t.r != nil {
		t.r.refreshTooltip()
	}
}

func (t *View) plotWidth() float64 { return math.Max(float64(t.size.Width), 1) }

func (t *View) lanesHeight() float64 {
	m := t.lay()
	return math.Max(float64(t.size.Height)-m.axis-m.overview, 1)
}

// view is the frame request for the current state.
func (t *View) view() timeline.View {
	m := t.lay()
	v := timeline.View{
		Scale:       t.scale.Resize(t.plotWidth()),
		Height:      t.lanesHeight(),
		ScrollY:     t.scrollY,
		GrowLanes:   true,
		MaxLaneRows: maxLaneRows,
		LanePad:     m.pad,
		LaneHeader:  m.header,
		RowHeight:   m.row,
		MarkWidth:   m.mark,
		Gap:         m.gap,
		// Labels are measured bold, as the important and the selected ones are drawn, so
		// that no label is cut for being bold.
		Measure:       labelWidths().width, // safe off the UI goroutine, unlike fyne.MeasureText
		MaxLabelWidth: maxLabelWidth(),
		MaxItems:      1500,
		LabelBudget:   300,
		DensityColumn: 2,
		TickSpacing:   m.tick,
		Folding:       t.fold,
	}
	if len(t.expanded) > 0 {
		v.Expanded = maps.Clone(t.expanded) // read off the UI goroutine
	}
	if len(t.collapsed) > 0 {
		v.Collapsed = maps.Clone(t.collapsed)
	}
	v.Order = t.laneOrder() // never changed once made: safe to share with the builder
	v.Selected = t.selectedSet()
	return v
}

// requestFrame builds a frame for the current view off the UI goroutine; views asked
// for while one is being built are folded into one more build.
func (t *View) requestFrame() {
	if t.OnWindow != nil && (t.scale.Start != t.told.Start || t.scale.End != t.told.End) {
		t.told = t.scale
		t.OnWindow()
	}
	if s := labelTextSize(); s != t.glyphSize { // the theme's text size changed
		t.glyphSize = s
		t.front.ResetLabelWidths()
		t.staleBack = true
	}
	if t.staleBack && !t.building { // a frame being built has its own goroutine's hands on it
		t.back.ResetLabelWidths()
		t.staleBack = false
	}
	if t.ix == nil {
		t.front.Lanes, t.front.Items, t.front.Ticks = nil, nil, nil
		t.front.LaneTops, t.front.ContentHeight = nil, 0
		t.Refresh()
		return
	}
	if t.Sync {
		t.back.Build(t.ix, t.view())
		t.front, t.back = t.back, t.front
		if t.reclamp() { // the lanes' heights changed under the scroll
			t.back.Build(t.ix, t.view())
			t.front, t.back = t.back, t.front
		}
		t.ix.Overview(int(t.plotWidth()), &t.overview)
		t.overviewFor = t.ix
		t.Refresh()
		return
	}
	if t.building {
		t.dirty = true
		return
	}
	t.building = true
	ix, v, back := t.ix, t.view(), t.back
	width := int(t.plotWidth())
	needOverview := t.overviewFor != ix || len(t.overview.Counts) != width
	job := t.r.startJob(back) // the picture is painted here too, next to the frame
	go func() {
		back.Build(ix, v)
		var ov timeline.Overview // a fresh one: the current overview may be on screen
		if needOverview {
			ix.Overview(width, &ov)
			job.run(&ov)
		} else {
			job.run(nil)
		}
		fyne.Do(func() {
			t.building = false
			if ix == t.ix {
				t.front, t.back = back, t.front
				t.dirty = t.reclamp() || t.dirty
				if needOverview {
					t.overview, t.overviewFor = ov, ix
				}
				t.r.offer(job)
				t.Refresh()
			}
			if t.dirty || ix != t.ix {
				t.dirty = false
				t.requestFrame()
			}
		})
	}()
}

// CreateRenderer is part of the widget interface.
func (t *View) CreateRenderer() fyne.WidgetRenderer {
	t.r = newRenderer(t)
	return t.r
}

// MinSize keeps room for the axis, one lane and the overview.
func (t *View) MinSize() fyne.Size {
	// One lane of one row: the lanes scroll.
	m := t.lay()
	return fyne.NewSize(float32(25*m.label), float32(m.axis+m.overview+m.header+m.row+m.pad))
}

// Resize rebuilds for the new size. A fitted case is fitted again and a window that was
// set stays framed; once the user has zoomed or panned, the zoom and the instant at the
// left edge are kept, so a wider view shows more.
func (t *View) Resize(s fyne.Size) {
	if s == t.size {
		t.BaseWidget.Resize(s)
		return
	}
	t.size = s
	switch t.onResize {
	case resizeRefits:
		t.fit()
	case resizeKeepsWindow:
		t.scale = timeline.Scale{Start: t.scale.Start, End: t.scale.End, Width: t.plotWidth()}.Clamp()
	default:
		t.scale = t.scale.Resize(t.plotWidth())
	}
	t.clampScroll()
	t.BaseWidget.Resize(s)
	t.requestFrame()
}
