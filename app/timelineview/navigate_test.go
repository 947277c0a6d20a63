package timelineview

import (
	"sort"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/chronoscope/chronoscope/timeline"
)

// TestStepThroughEvents: ] and Alt+Right select each event of the sample in turn,
// earliest first, in the list's order, and [ and Alt+Left come back; each one selected is in view, and
// OnSelect hears of it.
func TestStepThroughEvents(t *testing.T) {
	tv, _ := tlView(t, tlSampleIndex(), theme.VariantLight, tlWidth, tlHeight)
	tv.SetScale(fitWithLabels(tlDay(2019, 4, 1), tlDay(2019, 5, 1), tlWidth)) // the 2019 summit alone
	var told []string
	tv.OnSelect = func(id string) { told = append(told, id) }
	marks := append([]timeline.Mark(nil), tlSampleIndex().Marks().All()...)
	// As the list shows them: by start, events that start together in the order written.
	sort.SliceStable(marks, func(i, j int) bool { return marks[i].StartLo < marks[j].StartLo })
	inView := func(id string) {
		t.Helper()
		it := tlItem(t, tv, id)
		if !it.Selected || it.X1 < 0 || it.X0 > tlWidth {
			t.Errorf("%s: selected %v at %.0f..%.0f; want selected and in view", id, it.Selected, it.X0, it.X1)
		}
	}
	tv.TypedRune(']') // nothing selected: the first after the middle of the view
	start := -1
	for i, m := range marks {
		if m.ID == tv.Selected() {
			start = i
		}
	}
	if start < 0 {
		t.Fatalf("] with nothing selected selected %q", tv.Selected())
	}
	for i := start + 1; i < len(marks); i++ {
		if i%2 == 0 {
			tv.TypedRune(']')
		} else {
			tv.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyRight, Modifier: fyne.KeyModifierAlt})
		}
		if tv.Selected() != marks[i].ID {
			t.Fatalf("step %d selected %q, want %q", i, tv.Selected(), marks[i].ID)
		}
		inView(marks[i].ID)
	}
	if tv.Step(1) {
		t.Error("a step past the last event moved")
	}
	tv.TypedRune('[')
	tv.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyLeft, Modifier: fyne.KeyModifierAlt})
	if want := marks[len(marks)-3].ID; tv.Selected() != want {
		t.Errorf("two steps back selected %q, want %q", tv.Selected(), want)
	}
	inView(tv.Selected())
	if len(told) != len(marks)-start+2 || told[len(told)-1] != tv.Selected() {
		t.Errorf("OnSelect heard %d selections, last %q", len(told), told[len(told)-1])
	}
}

// TestKeyboardZoomKeepsTheSelection: + and - keep the selected event where it is on
// screen; with none selected, the instant under the pointer; else the middle.
func TestKeyboardZoomKeepsTheSelection(t *testing.T) {
	tv, _ := tlView(t, tlSampleIndex(), theme.VariantLight, tlWidth, tlHeight)
	tv.SetSelected("sample-2019-vladivostok")
	m, _ := tv.selectedMark()
	mid := m.StartLo + (m.EndHi-m.StartLo)/2
	x := tv.Scale().X(mid)
	for range 4 {
		tv.TypedRune('+')
	}
	tlNear(t, "the selection's x after four +", tv.Scale().X(mid), x, 0.5)
	if it := tlItem(t, tv, "sample-2019-vladivostok"); it.X1 < 0 || it.X0 > tlWidth {
		t.Errorf("the selection left the view: %.0f..%.0f", it.X0, it.X1)
	}

	tv.SetSelected("")
	p := fyne.NewPos(300, 150)
	tv.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: p}})
	at := tv.Scale().At(300)
	tv.TypedRune('-')
	tlNear(t, "the pointer's instant after -", tv.Scale().X(int64(at)), 300, 0.5)
	tv.MouseOut()
	s := tv.Scale()
	tv.TypedKey(&fyne.KeyEvent{Name: fyne.KeyPlus})
	tlNear(t, "the middle after + with no pointer", (tv.Scale().Start+tv.Scale().End)/2, (s.Start+s.End)/2, 1)
}

// TestShortcutsReachTheWindow: a shortcut the timeline does not use, typed while it has
// the focus, is handed to the window's canvas, which runs the window's handler.
func TestShortcutsReachTheWindow(t *testing.T) {
	test.NewTempApp(t)
	_, c := offscreen(400, 300)
	got := 0
	newEvent := &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault}
	c.AddShortcut(newEvent, func(fyne.Shortcut) { got++ })
	forwardShortcut(c, newEvent)
	if got != 1 {
		t.Errorf("the window's shortcut ran %d times, want once", got)
	}
}

// TestGoTo centres the view on the instant asked for, at the same zoom.
func TestGoTo(t *testing.T) {
	tv, _ := tlView(t, tlSampleIndex(), theme.VariantLight, tlWidth, tlHeight)
	span := tv.Scale().Span()
	at := tlDay(2021, 3, 1)
	tv.GoTo(at)
	s := tv.Scale()
	tlNear(t, "middle after GoTo", (s.Start+s.End)/2, float64(at), 1)
	tlNear(t, "span after GoTo", s.Span(), span, 1)
}

// TestShowRange: a day is centred at the current zoom; a year is framed.
func TestShowRange(t *testing.T) {
	tv, _ := tlView(t, tlSampleIndex(), theme.VariantLight, tlWidth, tlHeight)
	span := tv.Scale().Span()
	day := tlDay(2021, 6, 1)
	tv.ShowRange(day, day+86399)
	s := tv.Scale()
	tlNear(t, "span after showing a day", s.Span(), span, 1)
	tlNear(t, "middle after showing a day", (s.Start+s.End)/2, float64(day+43199), 1)
	tv.ShowRange(tlDay(2022, 1, 1), tlDay(2023, 1, 1)-1)
	if first, last := tv.Scale().Window(); first > tlDay(2022, 1, 1) || last < tlDay(2023, 1, 1)-1 || tv.Scale().Span() > 2*365*86400 {
		t.Errorf("showing 2022 shows %d..%d", first, last)
	}
}
