package timelineview

import (
	"fmt"
	"image"
	"image/color"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
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
	return timeline.NewIndex(timeline.MarksOf(marks), timeline.GroupByLane)
}

// tlSampleColours are the lanes' colours a case of the sample keeps: the palette in the
// order the lanes first appear.
func tlSampleColours() LaneColours {
	out := LaneColours{}
	for _, e := range timeline.Sample() {
		if _, ok := out[e.Lane]; !ok && e.Lane != "" {
			c, _ := timeline.ParseColour(timeline.PaletteColour(len(out)))
			out[e.Lane] = c
		}
	}
	return out
}

// tlView puts a timeline showing ix on an offscreen canvas of w x h units in the given
// theme variant, fitted to the case, with frames built synchronously.
func tlView(t *testing.T, ix *timeline.Index, variant fyne.ThemeVariant, w, h float32) (*View, software.WindowlessCanvas) {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(FixedTheme(variant))
	tv, c := offscreen(w, h)
	tv.SetLaneColours(tlSampleColours())
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

// TestSampleShowsEveryLabel: on the sample at the sizes of the window, in both themes,
// every one of its events is drawn with its whole label, inside the widget, and no lane
// says anything is hidden (golden images of each under testdata/).
func TestSampleShowsEveryLabel(t *testing.T) {
	for _, size := range []fyne.Size{{Width: 1400, Height: 900}, {Width: 1000, Height: 700}, {Width: 1366, Height: 412}} {
		for _, v := range []struct {
			name    string
			variant fyne.ThemeVariant
		}{{"light", theme.VariantLight}, {"dark", theme.VariantDark}} {
			name := fmt.Sprintf("sample_%.0fx%.0f_%s", size.Width, size.Height, v.name)
			t.Run(name, func(t *testing.T) {
				tv, c := tlView(t, tlSampleIndex(), v.variant, size.Width, size.Height)
				tlEveryTitle(t, tv)
				for _, it := range tv.front.Items {
					if it.LabelX < 0 || it.LabelX+it.LabelW > float64(size.Width) {
						t.Errorf("%q's label runs over %.0f..%.0f", it.Title, it.LabelX, it.LabelX+it.LabelW)
					}
				}
				for li := range tv.front.Lanes {
					if title := tlTitle(tv, li); strings.Contains(title, "hidden") || strings.Contains(title, "more") {
						t.Errorf("lane header %q", title)
					}
				}
				if size.Width != 1366 { // the timeline's size in the window at its default size: checked, no golden
					test.AssertImageMatches(t, "timeline_"+name+".png", c.Capture())
				}
			})
		}
	}
}

// tlEveryTitle fails unless each event of the sample has its whole title drawn.
func tlEveryTitle(t *testing.T, tv *View) {
	t.Helper()
	shown := map[string]bool{}
	for _, s := range tlTexts(tv) {
		shown[s] = true
	}
	for _, e := range timeline.Sample() {
		if !shown[e.Title] {
			t.Errorf("%q is not drawn whole", e.Title)
		}
	}
}

// tlItem finds the item of the event with id in the frame on display.
func tlItem(t *testing.T, tv *View, id string) timeline.Item {
	t.Helper()
	for _, it := range tv.front.Items {
		if tv.ix.Marks().ID(int(it.Mark)) == id {
			return it
		}
	}
	t.Fatalf("event %s is not in the frame on display", id)
	return timeline.Item{}
}

// tlPos is the point of the widget at the middle of the mark of the event with id.
func tlPos(t *testing.T, tv *View, id string) fyne.Position {
	t.Helper()
	it := tlItem(t, tv, id)
	x := (it.X0 + it.X1) / 2
	if it.Span {
		x = it.X0 + 1
	}
	return fyne.NewPos(float32(x), float32(tm().axis+it.Y+tm().row/2))
}

// tlLaneTop is the top of lane li in the frame on display.
func tlLaneTop(t *testing.T, tv *View, li int) float64 {
	t.Helper()
	top, _, ok := tv.laneTop(li)
	if !ok {
		t.Fatalf("no lane %d in the frame", li)
	}
	return top
}

// tlNear fails unless got is within tol of want.
func tlNear(t *testing.T, what string, got, want, tol float64) {
	t.Helper()
	if got < want-tol || got > want+tol {
		t.Errorf("%s = %.1f, want %.1f ± %.1f", what, got, want, tol)
	}
}

// TestTimelineSepClusterComesApart checks what the September golden shows: the five
// events of 13 September stand in rows of their own, each with its whole label inside
// the widget.
func TestTimelineSepClusterComesApart(t *testing.T) {
	tv, _ := tlView(t, tlSampleIndex(), theme.VariantLight, tlWidth, tlHeight)
	tv.SetScale(fitWithLabels(tlDay(2023, 9, 9), tlDay(2023, 9, 15)-1, tlWidth))
	type slot struct{ y float64 }
	seen := map[slot]string{}
	for _, id := range []string{"sample-2023-vostochny", "sample-2023-talks", "sample-2023-satellite-help",
		"sample-2023-missile", "sample-2023-china"} {
		it := tlItem(t, tv, id)
		if prev, ok := seen[slot{it.Y}]; ok {
			t.Errorf("%s shares its row with %s", id, prev)
		}
		seen[slot{it.Y}] = id
		if !it.Labeled || it.Crowded {
			t.Errorf("%s: labelled %v, crowded %v; want a label of its own", id, it.Labeled, it.Crowded)
		}
		full := float64(fyne.MeasureText(it.Title, labelTextSize(), fyne.TextStyle{Bold: true}).Width)
		if it.LabelW < full || it.LabelX+it.LabelW > tlWidth {
			t.Errorf("%s: label %.0f..%.0f, want all %.0f units of it within %d", id, it.LabelX, it.LabelX+it.LabelW, full, tlWidth)
		}
	}
}

// TestTimelineScrollZoomsAroundPointer: a wheel notch up zooms in and one down zooms out,
// and the instant under the pointer stays there.
func TestTimelineScrollZoomsAroundPointer(t *testing.T) {
	tv, _ := tlView(t, tlSampleIndex(), theme.VariantLight, tlWidth, tlHeight)
	p := fyne.NewPos(830, 200)
	for _, dy := range []float32{25, 25, -25, -50} {
		before := tv.Scale()
		pinned := before.At(float64(p.X))
		tv.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{Position: p}, Scrolled: fyne.NewDelta(0, dy)})
		after := tv.Scale()
		if dy > 0 && !(after.Span() < before.Span()) {
			t.Errorf("scroll %v: span %.0f s, was %.0f s; want it to shrink", dy, after.Span(), before.Span())
		}
		if dy < 0 && !(after.Span() > before.Span()) {
			t.Errorf("scroll %v: span %.0f s, was %.0f s; want it to grow", dy, after.Span(), before.Span())
		}
		tlNear(t, "pixel of the instant under the pointer", after.X(int64(pinned)), float64(p.X), 0.5)
	}
	// The frame follows the scale.
	if got, want := tv.front.View.Scale, tv.Scale(); got != want {
		t.Errorf("frame built for %+v, view is %+v", got, want)
	}
}

// TestTimelineDragPans: dragging the content right shows earlier instants, by as much
// as it was dragged, and DragEnd ends the gesture.
func TestTimelineDragPans(t *testing.T) {
	tv, _ := tlView(t, tlSampleIndex(), theme.VariantLight, tlWidth, tlHeight)
	before := tv.Scale()
	at := before.At(500)
	tv.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(600, 200)}, Dragged: fyne.Delta{DX: 100}})
	tv.DragEnd()
	after := tv.Scale()
	if !(after.Start < before.Start) {
		t.Fatalf("start %v, was %v; want earlier instants to show", after.Start, before.Start)
	}
	tlNear(t, "pixel of the instant that was at 500", after.X(int64(at)), 600, 0.5)
	tlNear(t, "span after the drag", after.Span(), before.Span(), 1)

	// A new drag on the lanes pans again, left this time: the last gesture ended.
	tv.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(500, 200)}, Dragged: fyne.Delta{DX: -100}})
	tv.DragEnd()
	tlNear(t, "start after dragging back", tv.Scale().Start, before.Start, 1)
}

// TestTimelineOverviewMovesWindow: dragging or clicking on the overview strip centres the
// window on the instant under the pointer, at the same zoom.
func TestTimelineOverviewMovesWindow(t *testing.T) {
	tv, _ := tlView(t, tlSampleIndex(), theme.VariantLight, tlWidth, tlHeight)
	tv.SetScale(timeline.NewScale(tlDay(2023, 1, 1), tlDay(2024, 1, 1), tlWidth))
	span := tv.Scale().Span()
	ov := tv.overview.Scale
	y := float32(tlHeight - tm().overview/2)

	tv.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(200, y)}, Dragged: fyne.Delta{DX: -100}})
	s := tv.Scale()
	tlNear(t, "middle of the window after the overview drag", (s.Start+s.End)/2, float64(ov.Time(200)), 1)
	// Carrying on below the strip still moves the window: the gesture began on it.
	tv.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(300, 100)}, Dragged: fyne.Delta{DX: 100, DY: -10}})
	tv.DragEnd()
	s = tv.Scale()
	tlNear(t, "middle of the window after dragging on", (s.Start+s.End)/2, float64(ov.Time(300)), 1)
	tlNear(t, "span", s.Span(), span, 1)
	if x0, x1 := tv.overview.Window(s); !(x0 < 300 && 300 < x1) {
		t.Errorf("the overview box spans %.0f..%.0f, want it around 300", x0, x1)
	}

	tv.Tapped(&fyne.PointEvent{Position: fyne.NewPos(1000, y)})
	s = tv.Scale()
	tlNear(t, "middle of the window after a click on the overview", (s.Start+s.End)/2, float64(ov.Time(1000)), 1)
}

// TestTimelineTapSelects: a click on an event selects it and tells OnSelect its id, a
// click on nothing clears the selection with "", and a double click activates.
func TestTimelineTapSelects(t *testing.T) {
	tv, _ := tlView(t, tlSampleIndex(), theme.VariantLight, tlWidth, tlHeight)
	tv.SetScale(fitWithLabels(tlDay(2023, 9, 9), tlDay(2023, 9, 15)-1, tlWidth))
	var selected, activated []string
	tv.OnSelect = func(id string) { selected = append(selected, id) }
	tv.OnActivate = func(id string) { activated = append(activated, id) }

	for _, id := range []string{"sample-2023-talks", "sample-2023-missile", "sample-2023-train"} {
		test.TapAt(tv, tlPos(t, tv, id))
		if len(selected) == 0 || selected[len(selected)-1] != id {
			t.Fatalf("OnSelect got %q after a click on %s", selected, id)
		}
		if !tlItem(t, tv, id).Selected {
			t.Errorf("%s is not drawn selected", id)
		}
	}
	// A click on the label selects as well.
	it := tlItem(t, tv, "sample-2023-vostochny")
	test.TapAt(tv, fyne.NewPos(float32(it.LabelX+40), float32(tm().axis+it.Y+tm().row/2)))
	if got := selected[len(selected)-1]; got != "sample-2023-vostochny" {
		t.Errorf("a click on its label selected %q", got)
	}

	// An empty stretch of the Space lane, well before its one event.
	test.TapAt(tv, fyne.NewPos(150, float32(tm().axis+tlLaneTop(t, tv, 3)+tm().header+tm().row/2)))
	if got := selected[len(selected)-1]; got != "" {
		t.Errorf("a click on nothing told OnSelect %q, want \"\"", got)
	}
	for _, it := range tv.front.Items {
		if it.Selected {
			t.Errorf("%s still drawn selected after a click on nothing", it.Title)
		}
	}

	tv.DoubleTapped(&fyne.PointEvent{Position: tlPos(t, tv, "sample-2023-satellite-help")})
	tv.DoubleTapped(&fyne.PointEvent{Position: fyne.NewPos(150, float32(tm().axis+tlLaneTop(t, tv, 3)+tm().header+tm().row/2))})
	if len(activated) != 1 || activated[0] != "sample-2023-satellite-help" {
		t.Errorf("OnActivate got %q, want just the satellite event", activated)
	}
}

// TestTimelineKeys: + and - zoom, the arrows pan, Home fits the case, F the selection,
// and the keys the view does not use go to OnKey.
func TestTimelineKeys(t *testing.T) {
	tv, _ := tlView(t, tlSampleIndex(), theme.VariantLight, tlWidth, tlHeight)
	fitted := tv.Scale()
	var passed []fyne.KeyName
	tv.OnKey = func(k *fyne.KeyEvent) bool { passed = append(passed, k.Name); return true }

	mid := func(s timeline.Scale) float64 { return (s.Start + s.End) / 2 }
	before := tv.Scale()
	tv.TypedRune('+')
	tlNear(t, "span after +", tv.Scale().Span(), before.Span()/1.6, 1)
	tlNear(t, "middle after +", mid(tv.Scale()), mid(before), 1)
	before = tv.Scale()
	tv.TypedRune('-')
	tv.TypedRune('-')
	tlNear(t, "span after - -", tv.Scale().Span(), before.Span()*1.6*1.6, 1)

	before = tv.Scale()
	tv.TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft})
	tlNear(t, "start after Left", tv.Scale().Start, before.Start-0.2*before.Span(), 1)
	tv.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	tv.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	tlNear(t, "start after Right Right", tv.Scale().Start, before.Start+0.2*before.Span(), 1)

	tv.TypedKey(&fyne.KeyEvent{Name: fyne.KeyHome})
	if got := tv.Scale(); got != fitted {
		t.Errorf("Home shows %+v, want the fitted case %+v", got, fitted)
	}

	// F with nothing selected leaves the view alone; with the summit selected it frames it.
	tv.TypedRune('F')
	if got := tv.Scale(); got != fitted {
		t.Errorf("F with no selection moved the view to %+v", got)
	}
	tv.SetSelected("sample-2023-vostochny")
	tv.TypedRune('F')
	s := tv.Scale()
	if first, last := s.Window(); first > tlDay(2023, 9, 13) || last < tlDay(2023, 9, 14) || s.Span() > 14*86400 {
		t.Errorf("F shows %v to %v; want 13 September 2023 and a few days around it",
			time.Unix(first, 0).UTC(), time.Unix(last, 0).UTC())
	}
	if it := tlItem(t, tv, "sample-2023-vostochny"); !it.Selected || !it.Labeled {
		t.Errorf("the fitted selection: selected %v, labelled %v", it.Selected, it.Labeled)
	}

	if len(passed) != 0 {
		t.Errorf("keys the view uses reached OnKey: %v", passed)
	}
	tv.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	tv.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
	if len(passed) != 2 || passed[0] != fyne.KeyReturn || passed[1] != fyne.KeyDelete {
		t.Errorf("OnKey got %v, want [Return Delete]", passed)
	}
}

// TestTimelineHover: the pointer over an event tells OnHover its id and shows the tooltip
// the window hands back; moving off clears both.
func TestTimelineHover(t *testing.T) {
	tv, _ := tlView(t, tlSampleIndex(), theme.VariantLight, tlWidth, tlHeight)
	tv.SetScale(fitWithLabels(tlDay(2023, 9, 9), tlDay(2023, 9, 15)-1, tlWidth))
	r := test.WidgetRenderer(tv).(*renderer)
	var hovered []string
	tv.OnHover = func(id string) {
		hovered = append(hovered, id)
		if id != "" {
			tv.ShowTooltip(id, []string{"Kim and Putin meet", "13 September 2023"})
		}
	}
	move := func(p fyne.Position) {
		tv.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: p}})
	}
	p := tlPos(t, tv, "sample-2023-vostochny")
	move(p)
	move(p.AddXY(1, 0)) // still over it: no second call
	if len(hovered) != 1 || hovered[0] != "sample-2023-vostochny" {
		t.Fatalf("OnHover got %q", hovered)
	}
	if !r.tipBg.Visible() || !r.tipText[0].Visible() || r.tipText[0].Text != "Kim and Putin meet" {
		t.Errorf("tooltip not shown: background %v, first line %q", r.tipBg.Visible(), r.tipText[0].Text)
	}
	if tp := r.tipBg.Position(); tp.X+r.tipBg.Size().Width > tlWidth || tp.Y+r.tipBg.Size().Height > tlHeight {
		t.Errorf("tooltip at %v size %v leaves the widget", tp, r.tipBg.Size())
	}

	// A tooltip for an event the pointer has left is not shown.
	move(fyne.NewPos(150, float32(tm().axis+tlLaneTop(t, tv, 3)+tm().header+tm().row/2)))
	tv.ShowTooltip("sample-2023-vostochny", []string{"late"})
	if len(hovered) != 2 || hovered[1] != "" {
		t.Errorf("OnHover got %q, want the summit then \"\"", hovered)
	}
	if r.tipBg.Visible() {
		t.Error("tooltip still shown off the event")
	}
	move(p)
	tv.MouseOut()
	if r.tipBg.Visible() {
		t.Error("tooltip still shown after the pointer left the widget")
	}
}

// TestTimelineCostFollowsScreen: a case of 100,000 events costs a bounded number of
// canvas objects at every zoom; the whole case is drawn as density bands with the
// labels of the most important events, and a day brings back individual events.
func TestTimelineCostFollowsScreen(t *testing.T) {
	marks := timeline.Synthetic(100000, 7).All()
	ix := timeline.NewIndex(timeline.MarksOf(marks), timeline.GroupByLane)
	tv, c := tlView(t, ix, theme.VariantLight, tlWidth, tlHeight)
	r := test.WidgetRenderer(tv)
	const maxObjects = 500

	dense, items := 0, 0
	for _, fl := range tv.front.Lanes {
		if fl.Dense {
			dense++
		}
		items += len(fl.Items)
	}
	if dense == 0 {
		t.Errorf("no lane drawn as density at the whole case of %d events", len(marks))
	}
	if items == 0 || items > 3000 {
		t.Errorf("%d items in the whole-case frame, want a few labelled ones", items)
	}
	if n := len(r.Objects()); n > maxObjects {
		t.Errorf("%d canvas objects at the whole case, want at most %d", n, maxObjects)
	}
	if top, h, _ := tv.laneTop(0); !tlHasInk(c.Capture(), int(tm().axis+top+tm().header), int(tm().axis+top+h)) {
		t.Error("the first lane's density band is blank")
	}

	// Zoom in on the day of an event in the middle of the case, wheel notch by wheel notch.
	m := marks[len(marks)/2]
	day := m.StartLo - m.StartLo%86400
	target := timeline.NewScale(day, day+86400, tlWidth)
	tv.SetScale(target.Zoom(1/64.0, tlWidth/2))
	for tv.Scale().Span() > 86400*1.01 {
		tv.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(tlWidth/2, 200)}, Scrolled: fyne.NewDelta(0, 50)})
		if n := len(r.Objects()); n > maxObjects {
			t.Fatalf("%d canvas objects at a span of %.0f s, want at most %d", n, tv.Scale().Span(), maxObjects)
		}
	}
	for _, fl := range tv.front.Lanes {
		if fl.Dense {
			t.Errorf("lane %q still dense at one day (%d events)", fl.Name, fl.Count)
		}
	}
	found := false
	for _, it := range tv.front.Items {
		found = found || marks[it.Mark].ID == m.ID
	}
	if !found {
		t.Errorf("event %s is not drawn on its day", m.ID)
	}
}

// tlHasInk reports whether rows y0..y1 of img hold some pixel unlike the pixel at the
// right end of row y0 (the background).
func tlHasInk(img image.Image, y0, y1 int) bool {
	b := img.Bounds()
	bg := color.NRGBAModel.Convert(img.At(b.Max.X-1, b.Min.Y+y0))
	n := 0
	for y := b.Min.Y + y0; y < b.Min.Y+y1 && y < b.Max.Y; y++ {
		for x := b.Min.X + 20; x < b.Max.X; x++ {
			if color.NRGBAModel.Convert(img.At(x, y)) != bg {
				n++
			}
		}
	}
	return n > 200
}

// TestTimelineIndexBeforeLayout: a case handed to the view before its first layout (the
// window may load it that fast) is still fitted to the width it is laid out at, and so is
// a window asked for before then.
func TestTimelineIndexBeforeLayout(t *testing.T) {
	test.NewTempApp(t)
	ix := tlSampleIndex()
	fresh := func() (*View, software.WindowlessCanvas) {
		tv := New()
		tv.Sync = true
		c := software.NewCanvas()
		c.SetPadded(false)
		c.SetScale(1)
		return tv, c
	}
	lay := func(tv *View, c software.WindowlessCanvas) {
		c.SetContent(tv)
		c.Resize(fyne.NewSize(tlWidth, tlHeight))
	}

	early, c := fresh()
	early.SetIndex(ix)
	lay(early, c)
	late, c2 := fresh()
	lay(late, c2)
	late.SetIndex(ix)
	if got, want := early.Scale(), late.Scale(); got != want {
		t.Errorf("index before layout shows %+v, after layout %+v", got, want)
	}

	sep := timeline.NewScale(tlDay(2023, 9, 9), tlDay(2023, 9, 15), tlWidth)
	early, c = fresh()
	early.SetIndex(ix)
	early.SetScale(sep)
	lay(early, c)
	tlNear(t, "start of a window set before layout", early.Scale().Start, sep.Start, 1)
	tlNear(t, "span of a window set before layout", early.Scale().Span(), sep.Span(), 1)
}

// TestTimelineResize: a fitted case is fitted again at the new width; once the user has
// zoomed, a wider view keeps the zoom and shows more.
func TestTimelineResize(t *testing.T) {
	ix := tlSampleIndex()
	tv, c := tlView(t, ix, theme.VariantLight, tlWidth, tlHeight)
	c.Resize(fyne.NewSize(800, tlHeight))
	first, last, _ := ix.Extent()
	if got, want := tv.Scale(), fitWithLabels(first, last, 800); got != want {
		t.Errorf("fitted view resized to 800 shows %+v, want the case fitted %+v", got, want)
	}

	tv.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(400, 200)}, Scrolled: fyne.NewDelta(0, 25)})
	before := tv.Scale()
	c.Resize(fyne.NewSize(1600, tlHeight))
	after := tv.Scale()
	tlNear(t, "start after widening", after.Start, before.Start, 1)
	tlNear(t, "seconds per unit after widening", after.SecondsPerPixel(), before.SecondsPerPixel(), 1e-6*before.SecondsPerPixel())
	tlNear(t, "span after widening", after.Span(), before.Span()*2, 1)
}

// TestTimelineEmpty: a case with no events says so instead of showing a calendar of an
// arbitrary year, and clicks on it select nothing.
func TestTimelineEmpty(t *testing.T) {
	tv, _ := tlView(t, timeline.NewIndex(nil, timeline.GroupByLane), theme.VariantLight, tlWidth, tlHeight)
	shown := tlTexts(tv)
	if len(shown) != 1 || shown[0] != "No events to show" {
		t.Errorf("an empty case shows %q, want just \"No events to show\"", shown)
	}
	var selected []string
	tv.OnSelect = func(id string) { selected = append(selected, id) }
	test.TapAt(tv, fyne.NewPos(600, 200))
	if len(selected) != 1 || selected[0] != "" {
		t.Errorf("a click on an empty case told OnSelect %q", selected)
	}
}

// TestTimelineScrollsLanes: with more lanes than fit, Down and Up scroll a lane at a time
// and a vertical drag scrolls too, never past the first or the last lane.
func TestTimelineScrollsLanes(t *testing.T) {
	ix := timeline.NewIndex(timeline.Synthetic(2000, 3), timeline.GroupByLane)
	if len(ix.Lanes()) < 6 {
		t.Fatalf("the synthetic case has %d lanes, want more than fit", len(ix.Lanes()))
	}
	tv, _ := tlView(t, ix, theme.VariantLight, tlWidth, tlHeight)
	top := func() int { return tv.front.Lanes[0].Lane }
	if top() != 0 {
		t.Fatalf("first lane shown is %d", top())
	}
	tv.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if top() != 1 {
		t.Errorf("after Down the first lane shown is %d, want 1", top())
	}
	for range 20 {
		tv.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	}
	last := tv.front.Lanes[len(tv.front.Lanes)-1]
	if last.Lane != len(ix.Lanes())-1 || last.Y+last.Height > tv.lanesHeight()+0.5 {
		t.Errorf("scrolled to the end, the last lane shown is %d at %.0f..%.0f of %.0f", last.Lane, last.Y, last.Y+last.Height, tv.lanesHeight())
	}
	tv.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
	tv.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(600, 300)}, Dragged: fyne.Delta{DY: 5000}})
	tv.DragEnd()
	if top() != 0 || tv.front.Lanes[0].Y != 0 {
		t.Errorf("dragged down to the top, the first lane shown is %d at %.0f", top(), tv.front.Lanes[0].Y)
	}
}

// tlTexts lists the texts the timeline shows.
func tlTexts(tv *View) []string {
	var shown []string
	for _, o := range test.WidgetRenderer(tv).Objects() {
		if tx, ok := o.(*canvas.Text); ok && tx.Visible() && tx.Text != "" {
			shown = append(shown, tx.Text)
		}
	}
	return shown
}

// tlTitle is the header the renderer wrote for frame lane li.
func tlTitle(tv *View, li int) string {
	r := test.WidgetRenderer(tv).(*renderer)
	title, _ := r.pics[r.cur].lay.title(li)
	return title
}

// TestLanesGrowToTheirRows checks that a lane of sixteen long labels that need a row
// each is as tall as they need, so every one shows; that a widget too short for it
// scrolls, with a scroll bar, and counts the labels scrolled out of sight as hidden; and
// that a lane over its row limit says "+N more" and shows them all after a click.
func TestLanesGrowToTheirRows(t *testing.T) {
	var marks []timeline.Mark
	for i := range 16 { // a second apart: each label needs a row of its own
		d := tlDay(1940, 6, 1) + int64(i)
		marks = append(marks, timeline.Mark{ID: string(rune('a' + i)), Title: "A rather long event title that takes room",
			Importance: 3, StartLo: d, StartHi: d, EndLo: d, EndHi: d})
	}
	labeled := func(tv *View) (n int) {
		for _, it := range tv.front.Items {
			if it.Labeled {
				n++
			}
		}
		return n
	}
	tv, _ := tlView(t, timeline.NewIndex(timeline.MarksOf(marks[:maxLaneRows]), timeline.GroupByLane), theme.VariantDark, 900, 420)
	if n := labeled(tv); n != maxLaneRows {
		t.Errorf("%d of %d labels shown", n, maxLaneRows)
	}
	if title := tlTitle(tv, 0); strings.Contains(title, "hidden") || strings.Contains(title, "more") {
		t.Errorf("lane title %q with every label shown", title)
	}
	// Too short a widget: the lane scrolls, and what is out of sight is counted.
	tv.Resize(fyne.NewSize(900, 250))
	if tv.maxScroll() <= 0 {
		t.Fatalf("a lane of %d rows in a widget 250 high does not scroll", maxLaneRows)
	}
	offscreen := 0
	for _, it := range tv.front.Items {
		if it.Y+tm().row > tv.lanesHeight()+4 {
			offscreen++
		}
	}
	if title := tlTitle(tv, 0); offscreen == 0 || !strings.Contains(title, fmt.Sprintf("%d hidden", offscreen)) {
		t.Errorf("lane title %q with %d labels scrolled out of sight", title, offscreen)
	}
	tv.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(300, float32(tm().axis+5))}, Scrolled: fyne.NewDelta(0, -500)})
	if tv.scrollY != tv.maxScroll() {
		t.Errorf("the wheel over the lane header scrolled to %.0f, want the end %.0f", tv.scrollY, tv.maxScroll())
	}

	// Over the limit: "+4 more", and a click on the header shows them.
	tv, _ = tlView(t, timeline.NewIndex(timeline.MarksOf(marks), timeline.GroupByLane), theme.VariantLight, 900, 700)
	if title := tlTitle(tv, 0); !strings.Contains(title, "+4 more") {
		t.Errorf("lane title %q, want +4 more", title)
	}
	test.TapAt(tv, fyne.NewPos(300, float32(tm().axis+tm().header/2)))
	if n := labeled(tv); n != len(marks) {
		t.Errorf("after a click on +4 more, %d of %d labels shown", n, len(marks))
	}
	if title := tlTitle(tv, 0); strings.Contains(title, "more") || !strings.Contains(title, "fewer") {
		t.Errorf("expanded lane title %q", title)
	}
	// A click on the lane's name collapses it to its header, and another brings it back.
	test.TapAt(tv, fyne.NewPos(12, float32(tm().axis+tm().header/2)))
	if fl := tv.front.Lanes[0]; !fl.Collapsed || len(fl.Items) != 0 || !strings.Contains(tlTitle(tv, 0), "16 hidden") {
		t.Errorf("after a click on its name the lane is %+v, titled %q", fl, tlTitle(tv, 0))
	}
	test.TapAt(tv, fyne.NewPos(12, float32(tm().axis+tm().header/2)))
	if n := labeled(tv); n != len(marks) {
		t.Errorf("after a second click on its name, %d of %d labels shown", n, len(marks))
	}
	tv.CollapseAll(true)
	if !tv.front.Lanes[0].Collapsed {
		t.Error("CollapseAll(true) left the lane open")
	}
	tv.CollapseAll(false)
	if tv.front.Lanes[0].Collapsed {
		t.Error("CollapseAll(false) left the lane collapsed")
	}
	if min := tv.MinSize().Height; min != float32(tm().axis+tm().overview+tm().header+tm().row+tm().pad) {
		t.Errorf("MinSize height %v grows with the lane", min)
	}
}
