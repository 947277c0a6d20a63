package app

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"github.com/zalando/go-keyring"

	"github.com/chronoscope/chronoscope/timeline"
)

// dragEvent selects the event with id, shows 9 to 15 September 2023, and drags its mark
// by days days (see dragMark).
func dragEvent(t *testing.T, u *ui, id string, days float64) fyne.Position {
	t.Helper()
	showSelected(u, id)
	return dragMark(t, u, id, days)
}

// showSelected selects the event with id and shows 9 to 15 September 2023.
func showSelected(u *ui, id string) {
	u.list.selectRow(u.pos(id))
	u.tl.SetScale(timeline.NewScale(day(2023, 9, 9), day(2023, 9, 16), 1000))
}

// dragMark drags the mark of the event with id by days days, as the driver does, in a
// few steps, and returns where the drag began.
func dragMark(t *testing.T, u *ui, id string, days float64) fyne.Position {
	t.Helper()
	pos, size, ok := u.tl.MarkBounds(id)
	if !ok {
		t.Fatalf("%s is not drawn", id)
	}
	s := u.tl.Scale()
	dx := float32(days * (s.X(day(2023, 9, 11)) - s.X(day(2023, 9, 10))))
	p := pos.AddXY(size.Width/2, size.Height/2)
	for i := 1; i <= 4; i++ {
		u.tl.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: p.AddXY(dx*float32(i)/4, 0)}, Dragged: fyne.Delta{DX: dx / 4}})
	}
	return p
}

func day(y int, m time.Month, d int) int64 { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() }

// startOf is the start the case holds for the event with id.
func startOf(t *testing.T, u *ui, id string) string {
	t.Helper()
	e, err := u.store.Get(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return e.Start.Text
}

// TestDragToMoveAndUndo: dragging the selected event two days on saves it two days later,
// qualifier kept, as one step that Ctrl+Z undoes.
func TestDragToMoveAndUndo(t *testing.T) {
	u := newTestUI(t, sampleCase(t))
	dragEvent(t, u, "sample-2023-pay-a-price", 2)
	u.tl.DragEnd()
	if got := startOf(t, u, "sample-2023-pay-a-price"); got != "2023-09-07~" {
		t.Fatalf("after the drag the case holds %q, want 2023-09-07~", got)
	}
	if !strings.HasPrefix(u.menus.undo.Label, "Undo move \u201cWhite House") || !strings.HasSuffix(u.menus.undo.Label, "(+2 days)") {
		t.Errorf("undo menu = %q", u.menus.undo.Label)
	}
	if u.selected != "sample-2023-pay-a-price" || u.detail.shown == nil || u.detail.shown.Start.Text != "2023-09-07~" {
		t.Errorf("after the move: selected %q, detail %+v", u.selected, u.detail.shown)
	}
	if i := u.pos("sample-2023-pay-a-price"); i < 0 || u.marks.At(i).StartLo != timeline.MustParseDate("2023-09-07~").Earliest {
		t.Errorf("the timeline's marks do not have the move")
	}
	press(u, &fyne.ShortcutUndo{})
	if got := startOf(t, u, "sample-2023-pay-a-price"); got != "2023-09-05~" {
		t.Errorf("after Ctrl+Z the case holds %q, want 2023-09-05~ again", got)
	}
	if u.menus.undo.Disabled != true || !strings.HasPrefix(u.menus.redo.Label, "Redo move") {
		t.Errorf("after the undo: undo %q (off %v), redo %q", u.menus.undo.Label, u.menus.undo.Disabled, u.menus.redo.Label)
	}
}

// TestEscapeCancelsTheDrag: Escape (the timeline has the focus once the move begins)
// cancels it: nothing is saved, nothing to undo, and the selection stays.
func TestEscapeCancelsTheDrag(t *testing.T) {
	u := newTestUI(t, sampleCase(t))
	dragEvent(t, u, "sample-2023-eve-warnings", 2)
	if u.win.Canvas().Focused() != u.tl {
		t.Fatalf("the timeline does not have the focus during the move (%T)", u.win.Canvas().Focused())
	}
	key(u, fyne.KeyEscape)
	u.tl.DragEnd()
	if got := startOf(t, u, "sample-2023-eve-warnings"); got != "2023-09-12" {
		t.Errorf("after Escape the case holds %q, want 2023-09-12", got)
	}
	if !u.menus.undo.Disabled || u.selected != "sample-2023-eve-warnings" {
		t.Errorf("after Escape: undo %q, selected %q", u.menus.undo.Label, u.selected)
	}
}

// TestReadOnlyCaseRefusesTheDrag: on a case that cannot be written the drag pans and
// the status line says why.
func TestReadOnlyCaseRefusesTheDrag(t *testing.T) {
	path := sampleCase(t)
	os.Chmod(path, 0o444)
	u := newTestUI(t, path)
	dragEvent(t, u, "sample-2023-eve-warnings", 2)
	panned := u.tl.Scale()
	u.tl.DragEnd()
	if u.tl.Moving() {
		t.Error("a move began on a read-only case")
	}
	if got := startOf(t, u, "sample-2023-eve-warnings"); got != "2023-09-12" {
		t.Errorf("the read-only case holds %q, want 2023-09-12", got)
	}
	if panned.Start == float64(day(2023, 9, 9)) {
		t.Error("the drag did not pan")
	}
	if !strings.Contains(u.status.Text, "read-only") {
		t.Errorf("status %q, want it to say the case is read-only", u.status.Text)
	}
}

// TestReaderOfASharedCaseCannotDrag: an analyst who may only read a shared case drags
// the selected event: the view pans, the case keeps its date, the status line says why.
func TestReaderOfASharedCaseCannotDrag(t *testing.T) {
	keyring.MockInit() // the machine's own keyring is not the test's to read
	_, _, reader, _, _ := sharedTeam(t)
	app := newLoopApp(t)
	u := sharedWindow(t, app, reader)
	const id = "sample-2023-eve-warnings"
	showSelected(u, id)
	app.await(t, "the detail of the selected event", func() bool { return u.detail.shown != nil && u.detail.shown.ID == id })
	before := u.tl.Scale()
	dragMark(t, u, id, 2)
	u.tl.DragEnd()
	if u.tl.Scale() == before {
		t.Error("the reader's drag did not pan")
	}
	if !strings.Contains(u.status.Text, "read this shared case but not change it") {
		t.Errorf("status %q, want it to say the reader cannot change the case", u.status.Text)
	}
	app.await(t, "no job", func() bool { return len(u.jobs) == 0 })
	if got := startOf(t, u, id); got != "2023-09-12" {
		t.Errorf("the shared case holds %q after the reader's drag, want 2023-09-12", got)
	}
}

// selectThree selects three events of the sample dated in the week showSelected shows,
// the first clicked and the others added with Ctrl+click, and returns their ids.
func selectThree(u *ui) []string {
	ids := []string{"sample-2023-eve-warnings", "sample-2023-pay-a-price", "sample-2023-train"}
	showSelected(u, ids[0])
	for _, id := range ids[1:] {
		u.extendSelection(id, fyne.KeyModifierControl, "list")
	}
	return ids
}

// TestDragMovesTheSelection: three events selected with Ctrl+click, one of them dragged
// two days on: all three move two days, as one step, and stay selected; Ctrl+Z puts all
// three back.
func TestDragMovesTheSelection(t *testing.T) {
	u := newTestUI(t, sampleCase(t))
	ids := selectThree(u)
	if u.sel.Len() != 3 {
		t.Fatalf("%d selected, want 3", u.sel.Len())
	}
	dragMark(t, u, ids[0], 2)
	u.tl.DragEnd()
	want := map[string]string{ids[0]: "2023-09-14", ids[1]: "2023-09-07~", ids[2]: "2023-09-12"}
	for id, start := range want {
		if got := startOf(t, u, id); got != start {
			t.Errorf("%s starts %q after the drag, want %q", id, got, start)
		}
	}
	if e, _ := u.store.Get(context.Background(), ids[2]); e.End.Text != "2023-09-15" {
		t.Errorf("the span ends %q, want 2023-09-15 (its length kept)", e.End.Text)
	}
	if u.sel.Len() != 3 || u.menus.undo.Label != "Undo move 3 events (+2 days)" {
		t.Errorf("after the move: %d selected, undo %q", u.sel.Len(), u.menus.undo.Label)
	}
	press(u, &fyne.ShortcutUndo{})
	for id, start := range map[string]string{ids[0]: "2023-09-12", ids[1]: "2023-09-05~", ids[2]: "2023-09-10"} {
		if got := startOf(t, u, id); got != start {
			t.Errorf("%s starts %q after Ctrl+Z, want %q", id, got, start)
		}
	}
}
