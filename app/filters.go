package app

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/chronoscope/chronoscope/timeline"
)

// filterBar holds the filters that apply to the timeline and the list together: lanes,
// actors, tags, a date range and a minimum source grade.
type filterBar struct {
	u      *ui
	button *widget.Button
	row    *fyne.Container

	lanes, actors, tags *namePicker
	from, to            *keyEntry
	rangeErr            *widget.Label
	grade               *widget.Select
}

// gradeChoices are the minimum grades offered, best first.
var gradeChoices = []string{"Any grade", "A1", "A2", "B2", "B3", "C3", "A (any)", "B (any)", "C (any)"}

func newFilterBar(u *ui) *filterBar {
	fb := &filterBar{u: u}
	fb.lanes = newNamePicker(u, "Lanes")
	fb.actors = newNamePicker(u, "Actors")
	fb.tags = newNamePicker(u, "Tags")
	fb.from, fb.to = newKeyEntry(), newKeyEntry()
	fb.from.SetPlaceHolder("from, e.g. 2023-09")
	fb.to.SetPlaceHolder("to, e.g. 2023-09-30")
	fb.rangeErr = widget.NewLabel("")
	fb.rangeErr.Importance = widget.DangerImportance
	// Cut to the room left: a long message must not widen the window (it did, for good).
	fb.rangeErr.Truncation = fyne.TextTruncateEllipsis
	for _, e := range []*keyEntry{fb.from, fb.to} {
		e.Shortcut = u.windowShortcut
		e.OnChanged = func(string) {
			if _, err := fb.dateRange(); err == nil {
				fb.rangeErr.SetText("")
				u.refreshSoon()
			} else {
				fb.rangeErr.SetText(err.Error())
			}
		}
	}
	fb.grade = widget.NewSelect(gradeChoices, func(string) { u.refresh() })
	fb.grade.Selected = gradeChoices[0]
	clear := widget.NewButtonWithIcon("Clear filters", theme.ContentClearIcon(), fb.clear)
	fb.row = container.NewBorder(nil, nil, container.NewHBox(fb.lanes.button, fb.actors.button, fb.tags.button,
		container.NewGridWrap(fyne.NewSize(170, 36), fb.from), container.NewGridWrap(fyne.NewSize(170, 36), fb.to),
		fb.grade, clear), nil, fb.rangeErr)
	fb.row.Hide()
	fb.button = widget.NewButtonWithIcon("Filters", theme.ListIcon(), fb.toggle)
	return fb
}

func (fb *filterBar) content() fyne.CanvasObject { return fb.row }

// toggle shows or hides the row of filters, laying the window out again around it.
func (fb *filterBar) toggle() {
	if fb.row.Visible() {
		fb.row.Hide()
	} else {
		fb.row.Show()
	}
	if fb.u.body != nil {
		fb.u.body.Refresh()
	}
}

// reload lists the names of the open case in the pickers, keeping what is still there.
func (fb *filterBar) reload() {
	store := fb.u.store
	if store == nil {
		return
	}
	fb.u.background(func() func() {
		ctx := context.Background()
		lanes, _ := store.Names(ctx, timeline.LaneNames)
		actors, _ := store.Names(ctx, timeline.ActorNames)
		tags, _ := store.Names(ctx, timeline.TagNames)
		return func() {
			if fb.u.store != store {
				return
			}
			fb.lanes.setOptions(lanes)
			fb.actors.setOptions(actors)
			fb.tags.setOptions(tags)
		}
	})
}

func (fb *filterBar) clear() {
	fb.lanes.set(nil)
	fb.actors.set(nil)
	fb.tags.set(nil)
	fb.from.SetText("")
	fb.to.SetText("")
	fb.grade.SetSelected(gradeChoices[0])
	fb.u.refresh()
}

func (fb *filterBar) dateRange() (timeline.Filter, error) {
	var f timeline.Filter
	err := f.SetRange(fb.from.Text, fb.to.Text)
	var re *timeline.RangeError
	switch {
	case err == nil:
		return f, nil
	case errors.As(err, &re) && re.Bound == "from":
		return f, fmt.Errorf("the From date: %s", reason(re.Err))
	case errors.As(err, &re) && re.Bound == "to":
		return f, fmt.Errorf("the To date: %s", reason(re.Err))
	default:
		return f, fmt.Errorf("the range ends before it starts")
	}
}

func reason(err error) string {
	if de, ok := err.(*timeline.DateError); ok {
		return de.Reason
	}
	return err.Error()
}

// filter is what the bar selects (a bad date range is left out until it is fixed).
func (fb *filterBar) filter() timeline.Filter {
	f, err := fb.dateRange()
	if err != nil {
		f = timeline.Filter{}
	}
	f.Lanes, f.Actors, f.Tags = fb.lanes.selected, fb.actors.selected, fb.tags.selected
	switch g := fb.grade.Selected; {
	case g == "" || g == gradeChoices[0]:
	case strings.HasSuffix(g, "(any)"):
		f.MinReliability = g[:1]
	default:
		f.MinReliability, f.MinCredibility = g[:1], int(g[1]-'0')
	}
	return f
}

// namePicker is a button that opens a checklist of names.
type namePicker struct {
	u        *ui
	label    string
	button   *widget.Button
	options  []string
	selected []string
}

func newNamePicker(u *ui, label string) *namePicker {
	p := &namePicker{u: u, label: label}
	p.button = widget.NewButton(label+": all", p.pop)
	return p
}

func (p *namePicker) setOptions(opts []string) {
	p.options = opts
	keep := map[string]bool{}
	for _, o := range opts {
		keep[o] = true
	}
	var sel []string
	for _, s := range p.selected {
		if keep[s] {
			sel = append(sel, s)
		}
	}
	p.set(sel)
}

func (p *namePicker) set(sel []string) {
	p.selected = sel
	switch len(sel) {
	case 0:
		p.button.SetText(p.label + ": all")
	case 1:
		p.button.SetText(p.label + ": " + sel[0])
	default:
		p.button.SetText(fmt.Sprintf("%s: %d chosen", p.label, len(sel)))
	}
}

func (p *namePicker) pop() {
	if len(p.options) == 0 {
		p.u.setStatus("This case has no " + strings.ToLower(p.label) + " yet")
		return
	}
	group := widget.NewCheckGroup(p.options, nil)
	group.Selected = append([]string(nil), p.selected...)
	group.OnChanged = func(sel []string) {
		p.set(sel)
		p.u.refreshSoon()
	}
	scroll := container.NewVScroll(group)
	scroll.SetMinSize(fyne.NewSize(260, min(float32(len(p.options))*38+10, 420)))
	pop := widget.NewPopUp(scroll, p.u.win.Canvas())
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(p.button)
	pop.ShowAtPosition(pos.Add(fyne.NewPos(0, p.button.Size().Height)))
}
