package timelineview

import (
	"image"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/chronoscope/chronoscope/timeline"
)

// tlCompressed shows the sample on a compressed axis at 1400 x 900, fitted.
func tlCompressed(t *testing.T) *View {
	t.Helper()
	ix := tlSampleIndex()
	tv, _ := tlView(t, nil, theme.VariantDark, 1400, 900)
	tv.SetFolded(ix, timeline.Compress(ix))
	tv.FitAll()
	return tv
}

// TestCompressedSample: on the compressed axis the 2019 summit and the September 2023
// cluster share the screen, every event's label is drawn, each break is marked with the
// time it cuts and no tick falls inside one.
func TestCompressedSample(t *testing.T) {
	tv := tlCompressed(t)
	if !tv.Compressed() || len(tv.front.Breaks) == 0 {
		t.Fatalf("no breaks drawn: %+v", tv.front.Breaks)
	}
	tlEveryTitle(t, tv)
	cuts := 0
	for _, s := range tlTexts(tv) {
		if strings.HasSuffix(s, " cut") {
			cuts++
		}
	}
	if cuts == 0 {
		t.Errorf("no break says how much it cuts: %q", tlTexts(tv))
	}
	summit, cluster := tlItem(t, tv, "sample-2019-vladivostok"), tlItem(t, tv, "sample-2023-vostochny")
	// Uncompressed, 2019 to 2023 over 1400 units leaves the eight days of the cluster in
	// under 8 units; folded, they spread over a good part of the screen.
	if summit.X0 < 0 || cluster.X1 > 1400 {
		t.Errorf("summit at %.0f, cosmodrome at %.0f: not both on screen", summit.X0, cluster.X1)
	}
	sep5, sep13 := tlItem(t, tv, "sample-2023-pay-a-price"), tlItem(t, tv, "sample-2023-vostochny")
	if w := sep13.X1 - sep5.X0; w < 100 {
		t.Errorf("5 to 13 September 2023 drawn %.0f units wide, want it readable", w)
	}
	fo := tv.fold
	for _, tk := range tv.front.Ticks {
		for _, f := range fo.Folds() {
			if !tk.Major && tk.T > f.From && tk.T < f.To {
				t.Errorf("tick %q at %d inside the fold %v", tk.Label, tk.T, f)
			}
		}
	}
	// The window's instants: the whole case, from before the summit to after the cluster.
	s := tv.Scale()
	if s.Start > float64(tlDay(2019, 4, 25)) || s.End < float64(tlDay(2023, 9, 14)) {
		t.Errorf("Scale() = %v..%v, want the whole case", s.Start, s.End)
	}
}

// TestCompressedInteraction: clicks, the wheel, next and previous and Go to date work
// on the compressed axis as on the plain one.
func TestCompressedInteraction(t *testing.T) {
	tv := tlCompressed(t)
	var picked string
	tv.OnSelect = func(id string) { picked = id }
	for _, id := range []string{"sample-2019-vladivostok", "sample-2022-invasion", "sample-2023-vostochny"} {
		test.TapAt(tv, tlPos(t, tv, id))
		if picked != id {
			t.Errorf("a click on %s selected %q", id, picked)
		}
	}
	// The wheel zooms around the pointer: the event under it stays there.
	at := tlPos(t, tv, "sample-2022-invasion")
	before := at.X
	tv.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{Position: at}, Scrolled: fyne.NewDelta(0, 50)})
	if x := tlPos(t, tv, "sample-2022-invasion").X; x < before-2 || x > before+2 {
		t.Errorf("zooming moved the event under the pointer from %.0f to %.0f", before, x)
	}
	// ] from the summit goes over the first break to the next event.
	tv.FitAll()
	tv.SetSelected("sample-2019-vladivostok")
	if !tv.Step(1) || picked == "sample-2019-vladivostok" || picked == "" {
		t.Errorf("] from the summit selected %q", picked)
	}
	// Go to date takes an instant and centres it on the axis.
	when := tlDay(2022, 2, 24) + 43200
	tv.GoTo(when)
	mid := tv.scale.Start + tv.scale.Span()/2
	if got := tv.fold.Time(int64(mid)); got < when-60 || got > when+60 {
		t.Errorf("GoTo centred on %d, want %d", got, when)
	}
	// A hover over a break says what it folds.
	tv.FitAll()
	b := tv.front.Breaks[0]
	tv.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(float32((b.X0+b.X1)/2), float32(tm().axis/2))}})
	if len(tv.tooltip) == 0 || !strings.HasPrefix(tv.tooltip[0], "No event for") {
		t.Errorf("the tooltip over a break says %q", tv.tooltip)
	}
}

// TestCompressKeepsTheWindow: turning compression on and off keeps a zoomed window on
// the same instants, and refits a fitted one.
func TestCompressKeepsTheWindow(t *testing.T) {
	ix := tlSampleIndex()
	tv, _ := tlView(t, ix, theme.VariantLight, 1400, 900)
	want := timeline.NewScale(tlDay(2023, 9, 1), tlDay(2023, 9, 20), 1400)
	tv.SetScale(want)
	tv.ZoomBy(1) // the user's own window now
	tv.SetFolded(ix, timeline.Compress(ix))
	got := tv.Scale()
	tlNear(t, "start", got.Start, want.Start, 60)
	tlNear(t, "end", got.End, want.End, 60)
	tv.SetIndex(ix)
	got = tv.Scale()
	tlNear(t, "start again", got.Start, want.Start, 60)
	tlNear(t, "end again", got.End, want.End, 60)

	tv.FitAll()
	plain := tv.Scale()
	tv.SetFolded(ix, timeline.Compress(ix))
	first, last, _ := tv.ix.Extent()
	if tv.scale.Start > float64(first) || tv.scale.End < float64(last) {
		t.Errorf("a fitted view, compressed, shows %v..%v of the axis, want %d..%d", tv.scale.Start, tv.scale.End, first, last)
	}
	if tv.scale.Span() >= plain.Span() {
		t.Errorf("the compressed axis is no shorter: %v s against %v", tv.scale.Span(), plain.Span())
	}
}

// TestRenderCompressed: a picture of a compressed view is compressed too: the
// Diplomacy events of 5 to 13 September 2023 are drawn far wider apart than on the plain
// axis, where four years squeeze them into a few pixels.
func TestRenderCompressed(t *testing.T) {
	test.NewTempApp(t)
	ix := tlSampleIndex()
	c := timeline.Compress(ix)
	colours := tlSampleColours()
	const w, h = 1400, 600
	spread := func(img image.Image) int {
		cols := laneColumns(img, colours.Of("Diplomacy"), int(tm().axis), h-int(tm().overview))
		if len(cols) < 2 {
			t.Fatalf("Diplomacy drawn in %d columns", len(cols))
		}
		// How wide the September cluster is drawn: the columns right of the 2019 mark's.
		lo, hi := -1, -1
		for _, x := range cols {
			if x > cols[0]+50 {
				if lo < 0 {
					lo = x
				}
				hi = x
			}
		}
		return hi - lo
	}
	plain := spread(Render(Picture{Index: ix, Colours: colours}, w, h))
	folded := spread(Render(Picture{Index: ix, Colours: colours, Compressed: &c}, w, h))
	if folded < 3*plain {
		t.Errorf("the September marks span %d columns compressed, %d plain: want the compressed picture to spread them", folded, plain)
	}
}
