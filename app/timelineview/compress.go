package timelineview

import (
	"fmt"

	"github.com/chronoscope/chronoscope/timeline"
)

// SetFolded shows ix on the compressed axis c, which timeline.Compress made of it (off
// the UI goroutine: it costs about what building ix did): every long stretch with no
// event is folded into a narrow break, marked on the axis with the time it cuts. The
// view's methods keep taking and giving instants (SetScale, GoTo, FitRange, Reveal);
// the time window stays on the same instants.
func (t *View) SetFolded(ix *timeline.Index, c timeline.Compressed) {
	if ix == nil || c.Index == nil || c.Index.Len() != ix.Len() {
		t.show(ix, nil)
		return
	}
	t.show(ix, &c)
}

// Compressed reports whether the view draws a compressed axis (SetFolded).
func (t *View) Compressed() bool { return t.fold != nil }

// Folded is the compressed axis on display and the index on it, for a picture of the
// view as it is (Picture.Compressed); false on a plain axis.
func (t *View) Folded() (timeline.Compressed, bool) {
	if t.fold == nil {
		return timeline.Compressed{}, false
	}
	return timeline.Compressed{Index: t.ix, Folding: t.fold}, true
}

// show draws ix, on c's axis when c is not nil. The time window stays on the same
// instants when the axis changes; a view that was empty, or fitted to its case and
// given another axis, is fitted again.
func (t *View) show(ix *timeline.Index, c *timeline.Compressed) {
	wasEmpty := t.ix == nil || t.ix.Len() == 0
	old := t.fold
	t.real, t.ix, t.fold = ix, ix, nil
	if c != nil {
		t.ix, t.fold = c.Index, c.Folding
	}
	if old != t.fold {
		t.scale = t.fold.AxisScale(old.TimeScale(t.scale))
	}
	t.front.ResetLabelWidths()
	if !t.building { // a frame being built has its own goroutine's hands on it
		t.back.ResetLabelWidths()
	}
	if ix != nil && (wasEmpty || (old != t.fold && t.onResize == resizeRefits && (old == nil) != (t.fold == nil))) {
		t.fit()
	}
	t.requestFrame()
}

// breakAt is the break of the frame on display under x, in the axis or the lanes.
func (t *View) breakAt(x, y float64) (timeline.Break, bool) {
	if y < 0 || y > t.lay().axis+t.lanesHeight() {
		return timeline.Break{}, false
	}
	for _, b := range t.front.Breaks {
		if x >= b.X0 && x < b.X1 {
			return b, true
		}
	}
	return timeline.Break{}, false
}

// hoverBreak shows what break b folds in the tooltip, while the pointer is over it.
func (t *View) hoverBreak(b timeline.Break) {
	if key := fmt.Sprintf("\x00break %d", b.Fold.From); key != t.hoverID {
		if t.hoverID != "" && t.OnHover != nil {
			t.OnHover("") // the event hovered before is left
		}
		t.hoverID, t.tooltip = key, breakTip(b.Fold)
	}
	t.refreshTooltip()
}

// breakTip is what the tooltip says of a break.
func breakTip(f timeline.Fold) []string {
	return []string{
		"No event for " + cutText(f.To-f.From, true),
		fmt.Sprintf("From %s to %s, folded to a narrow break", timeline.RangeLabel(f.From, f.From), timeline.RangeLabel(f.To, f.To)),
		"View > Compress empty periods unfolds it",
	}
}

// cutText says a length of time shortly ("2 yr", "7 mo", "12 d", "5 h") or, long, in
// words ("2 years", "7 months").
func cutText(secs int64, long bool) string {
	const day = 86400
	units := []struct {
		secs        float64
		short, name string
	}{{365.2425 * day, "yr", "year"}, {30.436875 * day, "mo", "month"}, {day, "d", "day"}, {3600, "h", "hour"}, {60, "min", "minute"}}
	for i, u := range units {
		n := float64(secs) / u.secs
		if n < 2 && i < len(units)-1 {
			continue
		}
		k := int64(n + 0.5)
		if !long {
			return fmt.Sprintf("%d %s", k, u.short)
		}
		if k == 1 {
			return "1 " + u.name
		}
		return fmt.Sprintf("%d %ss", k, u.name)
	}
	return ""
}
