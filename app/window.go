package app

import (
	"context"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/chronoscope/chronoscope/app/timelineview"
	"github.com/chronoscope/chronoscope/timeline"
)

// Preference keys.
const (
	prefLastCase  = "lastCase"
	prefRecent    = "recentCases"
	prefTheme     = "theme"
	prefImportDir = "importFolder"
	prefCompress  = "compress:" // + a case's path, for a case that keeps no settings
)

// ui is the main window and its state. Its fields are touched only on the UI goroutine
// (work counts goroutines in, the watcher keeps its own atomics); background work hands
// results back with fyne.Do (see background).
type ui struct {
	app    fyne.App
	win    fyne.Window
	open   Opener
	shared SharedOpener // opens shared cases (nil: this build opens none)
	res    Resources    // what main.go bundles: the version, the licence, the guide

	store   caseStore
	history *timeline.History
	info    timeline.CaseInfo
	// notes is the case notes page last opened, for tests.
	notes *notesPage

	// Controls.
	search     *keyEntry
	highlight  *widget.Check // Highlight mode: the search dims the non-matches instead of hiding them
	groupBy    *widget.Select
	filters    *filterBar
	count      *widget.Label
	list       *eventList
	detail     *detailPane
	tl         *timelineview.View
	banner     fyne.CanvasObject
	bannerText *widget.Label // why the case cannot be edited: read-only or damaged
	status     *widget.Label
	indexState *widget.Label // "indexing, N%" while a large import's index is built
	empty      *emptyState   // over the timeline when nothing is to be drawn
	progress   *widget.ProgressBar
	busy       *widget.ProgressBarInfinite
	body       *fyne.Container
	menus      *menus

	// State.
	modal bool // an event form is open
	// now is the clock, for what depends on today (the date a pasted text was written).
	now           func() time.Time
	damaged       bool                   // the case file was found damaged: read-only, with the banner
	jobs          []*caseJob             // background work on the case under way (see newJob)
	whenIdle      func()                 // what waits for the jobs to end: closing the window, quitting
	loading       bool                   // a query is under way
	compress      bool                   // View > Compress empty periods, kept per case
	laneOrder     timelineview.LaneOrder // the case's order of its lanes, for the exported image
	busyCount     int                    // how many want the busy bar
	pendingFit    bool                   // frame the whole result once the next query lands
	watch         *watcher               // asks the case whether another program changed it
	indexer       *indexer               // builds what large writes left to build (indexing.go)
	run           runner                 // how background work, pauses and the watch run
	lastLane      string                 // the lane of the last event saved, offered for the next
	pendingSelect string                 // the event to select once the next query lands
	pendingStatus string                 // the message to show once the next query lands
	marks         *timeline.Marks        // what the list and timeline show, earliest first
	selected      string                 // id of the selected event (the lead of sel), or ""
	sel           selection              // every selected event (see selection)
	dragged       draggedSet             // the selected events as read for a drag on the timeline
	syncing       bool                   // a selection is being mirrored between views
	gen           int                    // generation of the newest query; older results are dropped
	cancel        context.CancelFunc     // stops the query under way
	stopPause     func()                 // stops the wait for the typing's pause (refreshSoon)
	connecting    context.CancelFunc     // stops the connection to a shared case under way
	keyringOff    string                 // why no password can be kept in the keyring ("" while it answers)
	lastChange    string                 // who changed the shared case last, for the title
}

// newUI makes the window; open opens case files, run runs its work that does not happen
// at once (the desktop's is a desktopRunner).
func newUI(a fyne.App, open Opener, run runner) *ui {
	u := &ui{app: a, open: open, run: run, now: time.Now}
	installKeepFiles()
	applyTheme(a, a.Preferences().StringWithFallback(prefTheme, "system"))
	u.win = a.NewWindow("Chronoscope")
	u.win.Resize(fyne.NewSize(1400, 900))
	u.build()
	u.menus = newMenus(u)
	u.win.SetMainMenu(u.menus.main)
	u.menus.registerShortcuts()
	u.win.SetOnClosed(func() { u.closeStore() })
	u.win.SetCloseIntercept(u.requestClose)
	return u
}

func (u *ui) build() {
	u.search = newKeyEntry()
	u.search.SetPlaceHolder("Search titles, descriptions, actors, tags, sources (Ctrl+F)")
	u.search.OnChanged = func(string) { u.refreshSoon() }
	u.search.Shortcut = u.windowShortcut
	u.search.OnEscape = func() { u.search.SetText(""); u.win.Canvas().Unfocus() }
	u.search.OnSubmitted = func(string) { u.refreshFit(true) } // Enter frames the matches
	u.highlight = widget.NewCheck("Highlight", func(bool) { u.refresh() })
	u.groupBy = widget.NewSelect([]string{"Lane", "Actor", "Tag", "None"}, func(string) { u.refresh() })
	u.groupBy.Selected = "Lane"
	u.filters = newFilterBar(u)
	u.count = widget.NewLabel("")
	u.count.TextStyle.Bold = true

	u.tl = timelineview.New()
	u.tl.EmptyHint = "" // the window says why nothing shows, in its own panel
	u.tl.OnSelect = func(id string) { u.selectEvent(id, "timeline") }
	u.tl.OnActivate = func(id string) { u.selectEvent(id, "timeline"); u.editSelected() }
	u.tl.OnKey = u.viewKey
	u.tl.OnHover = u.hover
	u.tl.CanMove = u.movable
	u.tl.OnMove = u.moved

	u.tl.OnExtend = func(id string, mods fyne.KeyModifier) { u.extendSelection(id, mods, "timeline") }
	u.tl.OnBand = u.selectBand
	u.list = newEventList(u)
	u.tl.OnWindow = u.list.followView
	u.detail = newDetailPane(u)

	u.status = widget.NewLabel("")
	u.indexState = widget.NewLabel("")
	u.status.Truncation = fyne.TextTruncateEllipsis // a long line must not widen the window
	u.progress = widget.NewProgressBar()
	u.progress.Hide()
	u.busy = widget.NewProgressBarInfinite()
	u.busy.Hide()
	u.busy.Stop()

	top := container.NewBorder(nil, nil,
		widget.NewLabel("Group by"), container.NewHBox(u.count),
		container.NewBorder(nil, nil, u.groupBy, container.NewHBox(u.highlight, u.filters.button), u.search))
	lower := container.NewHSplit(u.list.scroll(), u.detail.content())
	lower.SetOffset(0.55)
	u.empty = newEmptyState(u)
	split := container.NewVSplit(container.NewStack(u.tl, u.empty.box), lower)
	split.SetOffset(0.58)
	statusBar := container.NewBorder(nil, nil, nil, container.NewHBox(u.indexState,
		container.NewGridWrap(fyne.NewSize(220, 20), container.NewStack(u.progress, u.busy))), u.status)
	u.banner, u.bannerText = newBanner()
	u.banner.Hide()
	u.body = container.NewBorder(container.NewVBox(u.banner, top, u.filters.content()), statusBar, nil, nil, split)
	u.win.SetContent(u.body)
}

// setStore shows a case (or none, when s is nil) in the window.
func (u *ui) setStore(s caseStore) {
	u.closeStore()
	u.store = s
	u.damaged = false
	u.selected = ""
	u.sel.one("")
	u.marks = nil
	u.list.order = listOrder{}
	u.list.showResult()
	u.detail.show(nil)
	u.tl.SetIndex(nil)
	u.tl.Highlight(nil)
	u.count.SetText("")
	u.empty.hide()
	if s == nil {
		u.compress = false
		u.history = nil
		u.info = timeline.CaseInfo{}
		u.win.SetTitle("Chronoscope")
		u.showBanner()
		u.setStatus("No case open: File > New case or File > Open case")
		u.menus.update()
		return
	}
	u.history = timeline.NewHistory(s)
	u.lastChange = ""
	u.compress = u.loadCompress(s)
	u.list.setColumns(u.loadColumns(s))
	info, err := s.Info(context.Background())
	u.info = info
	if err != nil {
		u.showError(err)
	}
	u.updateTitle()
	u.showBanner()
	u.remember(s.Path())
	u.filters.reload()
	u.menus.update()
	u.startWatch(s)
	u.readLastChange()
	u.refreshFit(true)
	u.startIndexing()
}

func (u *ui) updateTitle() {
	title := "Chronoscope - " + u.caseTitle()
	switch {
	case u.damaged:
		title += " (damaged, read-only)"
	case u.store != nil && u.store.ReadOnly():
		title += " (read-only)"
	}
	u.win.SetTitle(title)
}

// closeStore closes the case. It stops the query and the version poll first and waits
// for the background work under way to end, so that no store is closed under a read or a
// write (the window refuses to close or switch the case while a job runs: see newJob).
func (u *ui) closeStore() {
	u.stopIndexing()
	if u.cancel != nil {
		u.cancel()
	}
	if u.connecting != nil {
		u.connecting() // a shared case still connecting would hold the close up
	}
	u.stopWatch()
	u.run.wait()
	if u.loading {
		u.loading = false
		u.setBusy(false, "")
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

// selectEvent selects the event with id alone ("" clears) and mirrors it in the other
// views.
func (u *ui) selectEvent(id string, from string) {
	if u.syncing {
		return
	}
	u.syncing = true
	defer func() { u.syncing = false }()
	u.selected = id
	u.sel.one(id)
	u.menus.update()
	u.list.Refresh()
	if id == "" {
		u.tl.SetSelected("")
		u.detail.show(nil)
		return
	}
	if from != "timeline" {
		u.tl.SetSelected(id)
		if i, ok := u.marks.Find(id); ok {
			u.tl.Reveal(u.marks.At(i))
		}
	}
	if from != "list" {
		if r, ok := u.list.rowOf(id); ok {
			u.list.scrollToRow(r)
		}
	}
	u.showDetail(id)
}

// showDetail loads the event with id into the detail pane, off the UI goroutine.
func (u *ui) showDetail(id string) {
	store := u.store
	u.background(func() func() {
		e, err := store.Get(context.Background(), id)
		return func() {
			if u.selected != id || u.store != store || u.sel.Len() > 1 {
				return
			}
			if err != nil {
				u.detail.show(nil)
				return
			}
			u.detail.show(&e)
		}
	})
}

// writable reports whether the case can be changed, and says why not when it cannot.
func (u *ui) writable() bool {
	if u.store == nil {
		return false
	}
	switch {
	case u.damaged:
		u.setStatus(damagedLine(u.store.Path()))
		return false
	case u.store.ReadOnly() && u.isSharedCase():
		u.setStatus("You can read this shared case but not change it: save a copy to edit it as a case file of your own")
		return false
	case u.store.ReadOnly():
		u.setStatus("This case is read-only: save a copy to edit it")
		return false
	}
	return true
}

// background runs work off the UI goroutine, then what work returns (nil for nothing) on
// the UI goroutine, as the window's runner does it. What it returns must check that the
// case it read is still the one open. closeStore waits for the work under way, not for
// what it returns, so a store is never closed under a read or a write, and never waits on
// itself.
func (u *ui) background(work func() func()) { u.run.background(work) }
