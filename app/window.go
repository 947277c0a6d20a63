package app

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/chronoscope/chronoscope/timeline"
)

// Preference keys.
const (
	prefLastCase  = "lastCase"
	prefRecent    = "recentCases"
	prefTheme     = "theme"
	prefImportDir = "importFolder"
)

// ui is the main window and its state. Its fields are touched only on the UI goroutine;
// background work hands results back with fyne.Do.
type ui struct {
	app  fyne.App
	win  fyne.Window
	open Opener

	store   timeline.Store
	history *timeline.History
	info    timeline.CaseInfo

	// Controls.
	search   *keyEntry
	groupBy  *widget.Select
	filters  *filterBar
	count    *widget.Label
	list     *eventList
	detail   *detailPane
	tl       *TimelineView
	banner   fyne.CanvasObject
	status   *widget.Label
	empty    *widget.Label // over the timeline when nothing is to be drawn
	progress *widget.ProgressBar
	busy     *widget.ProgressBarInfinite
	body     *fyne.Container
	menus    *menus

	// State.
	modal  bool        // an event form is open
	finder *textFinder // the last "Find events in text" dialog, for tests
	// now is the clock, for what depends on today (the date a pasted text was written).
	now           func() time.Time
	travelling    bool               // an undo or redo is under way
	form          *eventForm         // the open event form, for tests
	preview       *importPreview     // the last import preview, for tests
	lastLane      string             // the lane of the last event saved, offered for the next
	pendingSelect string             // the event to select once the next query lands
	pendingStatus string             // the message to show once the next query lands
	marks         []timeline.Mark    // what the list and timeline show, earliest first
	position      map[string]int     // mark id -> index in marks
	selected      string             // id of the selected event, or ""
	syncing       bool               // a selection is being mirrored between views
	gen           int                // generation of the newest query; older results are dropped
	cancel        context.CancelFunc // stops the query under way
	debounce      *time.Timer
	mu            sync.Mutex // guards debounce
	syncWork      bool       // run background work in place (tests)
}

func newUI(a fyne.App, open Opener) *ui {
	u := &ui{app: a, open: open, position: map[string]int{}, now: time.Now}
	installKeepFiles()
	applyTheme(a, a.Preferences().StringWithFallback(prefTheme, "system"))
	u.win = a.NewWindow("Chronoscope")
	u.win.Resize(fyne.NewSize(1400, 900))
	u.build()
	u.menus = newMenus(u)
	u.win.SetMainMenu(u.menus.main)
	u.menus.registerShortcuts()
	u.win.SetOnClosed(func() { u.closeStore() })
	return u
}

func (u *ui) build() {
	u.search = newKeyEntry()
	u.search.SetPlaceHolder("Search titles, descriptions, actors, tags, sources (Ctrl+F)")
	u.search.OnChanged = func(string) { u.refreshSoon() }
	u.search.Shortcut = u.windowShortcut
	u.search.OnEscape = func() { u.search.SetText(""); u.win.Canvas().Unfocus() }
	u.groupBy = widget.NewSelect([]string{"Lane", "Actor", "Tag", "None"}, func(string) { u.refresh() })
	u.groupBy.Selected = "Lane"
	u.filters = newFilterBar(u)
	u.count = widget.NewLabel("")
	u.count.TextStyle.Bold = true

	u.tl = NewTimelineView()
	u.tl.OnSelect = func(id string) { u.selectEvent(id, "timeline") }
	u.tl.OnActivate = func(id string) { u.selectEvent(id, "timeline"); u.editSelected() }
	u.tl.OnKey = u.viewKey
	u.tl.OnHover = u.hover

	u.list = newEventList(u)
	u.detail = newDetailPane(u)

	u.status = widget.NewLabel("")
	u.progress = widget.NewProgressBar()
	u.progress.Hide()
	u.busy = widget.NewProgressBarInfinite()
	u.busy.Hide()
	u.busy.Stop()

	top := container.NewBorder(nil, nil,
		widget.NewLabel("Group by"), container.NewHBox(u.count),
		container.NewBorder(nil, nil, u.groupBy, u.filters.button, u.search))
	lower := container.NewHSplit(u.list.scroll(), u.detail.content())
	lower.SetOffset(0.55)
	u.empty = widget.NewLabel("")
	u.empty.Alignment = fyne.TextAlignCenter
	u.empty.Importance = widget.LowImportance
	u.empty.Hide()
	split := container.NewVSplit(container.NewStack(u.tl, container.NewCenter(u.empty)), lower)
	split.SetOffset(0.58)
	statusBar := container.NewBorder(nil, nil, nil, container.NewGridWrap(fyne.NewSize(220, 20), container.NewStack(u.progress, u.busy)), u.status)
	u.banner = readOnlyBanner()
	u.banner.Hide()
	u.body = container.NewBorder(container.NewVBox(u.banner, top, u.filters.content()), statusBar, nil, nil, split)
	u.win.SetContent(u.body)
}

// setStore shows a case (or none, when s is nil) in the window.
func (u *ui) setStore(s timeline.Store) {
	u.closeStore()
	u.store = s
	u.selected = ""
	u.marks = nil
	u.position = map[string]int{}
	u.list.Refresh()
	u.detail.show(nil)
	u.tl.SetIndex(nil)
	if s == nil {
		u.history = nil
		u.info = timeline.CaseInfo{}
		u.win.SetTitle("Chronoscope")
		u.banner.Hide()
		u.setStatus("No case open: File > New case or File > Open case")
		u.menus.update()
		return
	}
	u.history = timeline.NewHistory(s)
	info, err := s.Info(context.Background())
	if err != nil {
		u.showError(err)
	}
	u.info = info
	u.updateTitle()
	if s.ReadOnly() {
		u.banner.Show()
	} else {
		u.banner.Hide()
	}
	u.remember(s.Path())
	u.filters.reload()
	u.menus.update()
	u.refreshFit(true)
}

func (u *ui) updateTitle() {
	title := "Chronoscope - " + u.info.Name
	if u.store != nil && u.store.ReadOnly() {
		title += " (read-only)"
	}
	u.win.SetTitle(title)
}

func (u *ui) closeStore() {
	if u.cancel != nil {
		u.cancel()
	}
	if u.store != nil {
		u.store.Close()
		u.store = nil
	}
}

// remember records path as the last and a recent case.
func (u *ui) remember(path string) {
	p := u.app.Preferences()
	p.SetString(prefLastCase, path)
	recent := []string{path}
	for _, r := range p.StringList(prefRecent) {
		if r != path && len(recent) < 10 {
			recent = append(recent, r)
		}
	}
	p.SetStringList(prefRecent, recent)
}

// currentFilter is what the search box and the filter bar select.
func (u *ui) currentFilter() timeline.Filter {
	f := u.filters.filter()
	f.Query = strings.TrimSpace(u.search.Text)
	return f
}

func (u *ui) groupByValue() timeline.GroupBy {
	switch u.groupBy.Selected {
	case "Actor":
		return timeline.GroupByActor
	case "Tag":
		return timeline.GroupByTag
	case "None":
		return timeline.GroupNone
	}
	return timeline.GroupByLane
}

// refreshSoon refreshes after the typing pauses.
func (u *ui) refreshSoon() {
	if u.syncWork {
		u.refresh()
		return
	}
	u.mu.Lock()
	defer u.mu.Unlock()
	if u.debounce != nil {
		u.debounce.Stop()
	}
	u.debounce = time.AfterFunc(180*time.Millisecond, func() { fyne.Do(func() { u.refresh() }) })
}

func (u *ui) refresh() { u.refreshFit(false) }

// refreshFit queries the case off the UI goroutine, builds the timeline's index there
// too, and shows the result; fit frames the whole result afterwards.
func (u *ui) refreshFit(fit bool) {
	if u.store == nil {
		return
	}
	if u.cancel != nil {
		u.cancel()
	}
	ctx, cancel := context.WithCancel(context.Background())
	u.cancel = cancel
	u.gen++
	gen := u.gen
	store, f, by := u.store, u.currentFilter(), u.groupByValue()
	u.setBusy(true, "Loading events...")
	u.background(func() {
		marks, err := store.Marks(ctx, f)
		var ix *timeline.Index
		var total int
		var position map[string]int
		if err == nil {
			ix = timeline.NewIndex(marks, by)
			position = make(map[string]int, len(marks))
			for i, m := range marks {
				position[m.ID] = i
			}
			total, err = store.Count(ctx, timeline.Filter{})
		}
		fyne.Do(func() {
			if gen != u.gen || u.store != store {
				return // a newer query or another case took over
			}
			u.setBusy(false, "")
			if err != nil {
				if !errors.Is(err, context.Canceled) {
					u.showError(err)
				}
				return
			}
			u.showMarks(marks, position, ix, total, fit)
		})
	})
}

// showMarks shows a query's result; position maps each mark's id to its index in marks.
func (u *ui) showMarks(marks []timeline.Mark, position map[string]int, ix *timeline.Index, total int, fit bool) {
	u.marks = marks
	u.position = position
	if len(marks) == total {
		u.count.SetText(plural(total, "event"))
	} else {
		u.count.SetText(fmt.Sprintf("%s of %s", thousands(len(marks)), plural(total, "event")))
	}
	u.tl.SetIndex(ix)
	u.list.sizeDates(marks)
	switch {
	case len(marks) > 0:
		u.empty.Hide()
	case total == 0:
		u.empty.SetText("This case has no events yet.\nCtrl+N adds one; File > Import brings in a spreadsheet, a TimelineJS sheet, a calendar or an ACLED extract.")
		u.empty.Show()
	default:
		u.empty.SetText("No event matches the search and the filters.")
		u.empty.Show()
	}
	if fit {
		u.tl.FitAll()
	}
	u.list.Refresh()
	if u.pendingSelect != "" {
		u.selected = ""
		if _, ok := u.position[u.pendingSelect]; ok {
			u.selectEvent(u.pendingSelect, "")
		}
		u.pendingSelect = ""
	} else if _, ok := u.position[u.selected]; u.selected != "" && !ok {
		u.selectEvent("", "")
	} else if u.selected != "" {
		u.tl.SetSelected(u.selected)
		u.list.Select(u.position[u.selected])
	}
	u.setStatus(fmt.Sprintf("%s: %s", u.info.Name, filepath.Base(u.store.Path())))
	if u.pendingStatus != "" {
		u.setStatus(u.pendingStatus)
		u.pendingStatus = ""
	}
}

// selectEvent selects the event with id ("" clears) and mirrors it in the other views.
func (u *ui) selectEvent(id string, from string) {
	if u.syncing {
		return
	}
	u.syncing = true
	defer func() { u.syncing = false }()
	u.selected = id
	u.menus.update()
	if id == "" {
		u.list.UnselectAll()
		u.tl.SetSelected("")
		u.detail.show(nil)
		return
	}
	if from != "timeline" {
		u.tl.SetSelected(id)
		if i, ok := u.position[id]; ok {
			u.tl.Reveal(u.marks[i])
		}
	}
	if from != "list" {
		if i, ok := u.position[id]; ok {
			u.list.Select(i)
			u.list.ScrollTo(i)
		}
	}
	store := u.store
	u.background(func() {
		e, err := store.Get(context.Background(), id)
		fyne.Do(func() {
			if u.selected != id {
				return
			}
			if err != nil {
				u.detail.show(nil)
				return
			}
			u.detail.show(&e)
		})
	})
}

// writable reports whether the case can be changed, and says why not when it cannot.
func (u *ui) writable() bool {
	if u.store == nil {
		return false
	}
	if u.store.ReadOnly() {
		u.setStatus("This case is read-only: save a copy to edit it")
		return false
	}
	return true
}

// background runs work off the UI goroutine; work hands its results back with fyne.Do.
// With syncWork set (tests, where the test driver runs fyne.Do in place) it runs at once,
// so a test sees the result as soon as the action returns.
func (u *ui) background(work func()) {
	if u.syncWork {
		work()
		return
	}
	go work()
}
