package timelineview

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/chronoscope/chronoscope/data"
	"github.com/chronoscope/chronoscope/timeline"
)

// snapshotStore is a case file under t.TempDir holding the sample chronology.
func snapshotStore(t *testing.T) *data.Store {
	t.Helper()
	s, err := data.Open(filepath.Join(t.TempDir(), "case"+data.Extension), data.OpenOrCreate)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := s.Put(context.Background(), timeline.Sample(), nil); err != nil {
		t.Fatal(err)
	}
	return s
}

// snapshotPNG runs Snapshot and decodes what it wrote.
func snapshotPNG(t *testing.T, s timeline.Store, f timeline.Filter, w, h int) image.Image {
	t.Helper()
	var buf bytes.Buffer
	if err := Snapshot(context.Background(), s, f, w, h, &buf); err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(&buf)
	if err != nil {
		t.Fatalf("Snapshot wrote no valid PNG: %v", err)
	}
	if got := img.Bounds().Size(); got != image.Pt(w, h) {
		t.Fatalf("Snapshot image is %v, want %dx%d", got, w, h)
	}
	return img
}

// laneColumns lists the columns, right of the lane names, holding pixels of exactly
// lane colour c (the solid marks) between rows y0 and y1.
func laneColumns(img image.Image, c color.NRGBA, y0, y1 int) []int {
	var xs []int
	b := img.Bounds()
	for x := b.Min.X + 12; x < b.Max.X; x++ {
		for y := b.Min.Y + y0; y < b.Min.Y+y1; y++ {
			if color.NRGBAModel.Convert(img.At(x, y)) == c {
				xs = append(xs, x-b.Min.X)
				break
			}
		}
	}
	return xs
}

// TestSnapshotSample draws the sample case file to a PNG of the size asked for, with
// the events drawn in the lane area.
func TestSnapshotSample(t *testing.T) {
	test.NewTempApp(t)
	s := snapshotStore(t)
	img := snapshotPNG(t, s, timeline.Filter{}, 900, 480)
	colours, err := ReadLaneColours(context.Background(), s)
	if err != nil {
		t.Fatal(err)
	}
	lanes := 0
	for _, name := range []string{"Diplomacy", "Military", "North Korea", "Space"} {
		if len(laneColumns(img, colours.Of(name), int(tm().axis), 480-int(tm().overview))) > 0 {
			lanes++
		}
	}
	if lanes != 4 {
		t.Errorf("marks drawn in %d of the 4 lanes", lanes)
	}
	if !tlHasInk(img, int(tm().axis), 480-int(tm().overview)) {
		t.Error("the lane area is blank")
	}

	small := snapshotPNG(t, s, timeline.Filter{}, 320, 200)
	if !tlHasInk(small, 0, int(tm().axis)) {
		t.Error("the axis of a small snapshot is blank")
	}
}

// TestSnapshotWindow: with From and To the picture spans that window, so the summit of
// 13 September 2023 lands where that window puts it.
func TestSnapshotWindow(t *testing.T) {
	test.NewTempApp(t)
	s := snapshotStore(t)
	from, to := tlDay(2023, 9, 1), tlDay(2023, 10, 1)
	const w, h = 1000, 400
	img := snapshotPNG(t, s, timeline.Filter{From: from, To: to, HasFrom: true, HasTo: true}, w, h)

	// The Diplomacy lane's marks: the 5 September warning (a hollow diamond), the eve on
	// the 12th and the summit on the 13th, each drawn over its day (a day is 33 pixels).
	sc := timeline.NewScale(from, to, w)
	summit, summitEnd := sc.X(tlDay(2023, 9, 13)+43200), sc.X(tlDay(2023, 9, 14))
	colours, err := ReadLaneColours(context.Background(), s)
	if err != nil {
		t.Fatal(err)
	}
	cols := laneColumns(img, colours.Of("Diplomacy"), int(tm().axis), h-int(tm().overview))
	if len(cols) == 0 {
		t.Fatal("no Diplomacy marks drawn")
	}
	hit := false
	for _, x := range cols {
		hit = hit || (float64(x) > summit-6 && float64(x) < summit+6)
	}
	if !hit {
		t.Errorf("no Diplomacy mark near x=%.0f, where the window puts 13 September; marks at %v", summit, cols)
	}
	if last := cols[len(cols)-1]; float64(last) > summitEnd+1 {
		t.Errorf("a Diplomacy mark at x=%d, after the summit's day ending at %.0f: the view is not 1-30 September", last, summitEnd)
	}
	if first := cols[0]; float64(first) < sc.X(tlDay(2023, 9, 2))-8 {
		t.Errorf("a Diplomacy mark at x=%d, before the warning's earliest day", first)
	}
}
