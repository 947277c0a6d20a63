package timelineview

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
)

// TestCtrlClickAndBand: a click with Ctrl held goes to OnExtend, not to OnSelect; a drag
// with Shift held draws a rubber band and tells OnBand the events under it; a set given
// to SetSelection is drawn selected, and F frames all of it.
func TestCtrlClickAndBand(t *testing.T) {
	tv, c := tlView(t, tlSampleIndex(), theme.VariantLight, tlWidth, tlHeight)
	var selected []string
	var extended []string
	var banded []string
	tv.OnSelect = func(id string) { selected = append(selected, id) }
	tv.OnExtend = func(id string, mods fyne.KeyModifier) {
		if mods&fyne.KeyModifierControl == 0 {
			t.Errorf("OnExtend told keys %v, want Ctrl", mods)
		}
		extended = append(extended, id)
	}
	tv.OnBand = func(ids []string, _ fyne.KeyModifier) { banded = ids }

	p := tlPos(t, tv, "sample-2023-vostochny")
	tv.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: p}, Modifier: fyne.KeyModifierControl})
	tv.Tapped(&fyne.PointEvent{Position: p})
	if len(extended) != 1 || extended[0] != "sample-2023-vostochny" || len(selected) != 0 {
		t.Fatalf("Ctrl+click: extended %q, selected %q", extended, selected)
	}
	tv.Tapped(&fyne.PointEvent{Position: p}) // the keys were let go
	if len(selected) != 1 || len(extended) != 1 {
		t.Errorf("a plain click after: extended %q, selected %q", extended, selected)
	}

	// A band over the whole of the lanes takes every event drawn.
	top := float32(tm().axis + 1)
	before := c.Capture()
	bottom := tv.size.Height - float32(tm().overview) - 1
	tv.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(1, top)}, Modifier: fyne.KeyModifierShift})
	tv.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(600, bottom)}, Dragged: fyne.Delta{DX: 599, DY: bottom - top}})
	if !tv.band.on || !tv.r.bandRect.Visible() {
		t.Fatal("Shift+drag drew no band")
	}
	if got := c.Capture().At(300, int(top+20)); got == before.At(300, int(top+20)) {
		t.Errorf("the band is not drawn: %v inside it, as before it", got)
	}
	tv.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(tlWidth-1, bottom)}, Dragged: fyne.Delta{DX: tlWidth - 601}})
	tv.DragEnd()
	if tv.r.bandRect.Visible() {
		t.Error("the band stays after the drag")
	}
	var drawn []string
	for _, it := range tv.front.Items {
		drawn = append(drawn, tv.ix.Marks().ID(int(it.Mark)))
	}
	slices.Sort(drawn)
	slices.Sort(banded)
	if len(drawn) == 0 || !slices.Equal(slices.Compact(drawn), banded) {
		t.Errorf("the band took %q, want the %d drawn %q", banded, len(drawn), drawn)
	}

	// Two far apart selected: both drawn selected, and F frames both.
	set := map[string]bool{"sample-2019-vladivostok": true, "sample-2023-vostochny": true}
	tv.SetSelection(set, "sample-2023-vostochny")
	tv.ZoomBy(50)
	tv.TypedRune('f')
	first, last := tv.Scale().Window()
	for _, id := range []string{"sample-2019-vladivostok", "sample-2023-vostochny"} {
		i, ok := tv.ix.Marks().Find(id)
		if !ok {
			t.Fatalf("no %s in the sample", id)
		}
		if lo, hi := tv.ix.Marks().Range(i); lo < first || hi > last {
			t.Errorf("F shows %d..%d, not all of %s", first, last, id)
		}
	}
	n := 0
	for _, it := range tv.front.Items {
		if it.Selected {
			n++
		}
	}
	if n != 2 {
		t.Errorf("%d items drawn selected, want 2", n)
	}
}
