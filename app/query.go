package app

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/chronoscope/chronoscope/app/timelineview"
	"github.com/chronoscope/chronoscope/timeline"
)

// refreshSoon refreshes after the typing pauses.
func (u *ui) refreshSoon() {
	if u.stopPause != nil {
		u.stopPause()
	}
	u.stopPause = u.run.later(180*time.Millisecond, u.refresh)
}

func (u *ui) refresh() { u.refreshFit(false) }

// refreshFit queries the case off the UI goroutine, builds the timeline's index there
// too, and shows the result; fit frames the whole result once it lands, even when a newer
// query takes this one's place.
func (u *ui) refreshFit(fit bool) {
	u.pendingFit = u.pendingFit || fit
	u.query(true)
}

// query runs the window's query (the search, the filters, the grouping) on the open case
// and shows the result, keeping the selection and the time window. A query under way is
// cancelled: only the newest one's result is shown. busy shows the busy bar and says
// "Loading events..." meanwhile; a refresh for another program's change does neither.
func (u *ui) query(busy bool) {
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
	store, w, by, compress := u.store, u.watch, u.groupByValue(), u.compress
	f, match := highlightQuery(u.currentFilter(), u.highlight.Checked)
	if busy && !u.loading {
		u.loading = true
		u.setBusy(true, "Loading events...")
	}
	u.background(func() func() {
		r := runQuery(ctx, store, w, f, by)
		if compress && r.ix != nil {
			c := timeline.Compress(r.ix) // the empty stretches folded, off the UI goroutine
			r.compressed = &c
		}
		if match != nil && r.err == nil {
			r.matches, r.err = matchIDs(ctx, store, *match)
		}
		if r.query = f.Query; match != nil {
			r.query = match.Query
		}
		if r.query != "" && r.err == nil && r.marks != nil {
			// Why the first matches matched, for the list to show at once.
			r.why = explainMatches(ctx, store, r.query, firstMatches(r.marks, r.matches, prefetchWhy))
		}
		// The lanes' colours; a case that cannot give them is drawn in palette colours
		// chosen by each lane's name, which stay put too.
		r.colours, r.order, _ = timelineview.ReadLanes(ctx, store)
		return func() {
			if gen != u.gen || u.store != store {
				return // a newer query or another case took over
			}
			cancel()
			u.cancel = nil
			u.queryDone(r, w)
		}
	})
}

// queryDone shows the result of the newest query, on the UI goroutine: the marks, or
// what could be read of a damaged case, or the error.
func (u *ui) queryDone(r queryResult, w *watcher) {
	if r.versioned && w.moved(r.version) {
		defer u.liveRefresh() // another program wrote meanwhile
	}
	if u.loading {
		u.loading = false
		u.setBusy(false, "")
	}
	switch {
	case errors.Is(r.err, timeline.ErrDamaged):
		u.markDamaged() // and show what could be read
	case errors.Is(r.err, context.Canceled):
		return
	case r.err != nil:
		u.showError(r.err)
		return
	}
	u.showMarks(r)
}

// queryResult is what a query found: the marks in view, earliest first, the timeline's
// index of them, and how many events the case holds.
type queryResult struct {
	marks *timeline.Marks
	ix    *timeline.Index
	total int
	err   error // with ErrDamaged, the marks are those that could be read
	// version is the case's version the query started from, when versioned.
	version   uint64
	versioned bool
	// matches are, in Highlight mode with a search, the ids of the events it matches
	// (marks then holds every event the other filters keep); nil otherwise.
	matches map[string]bool
	colours timelineview.LaneColours // the lanes' colours the case keeps
	order   timelineview.LaneOrder   // and their order
	// compressed is ix on the compressed axis, with View > Compress empty periods.
	compressed *timeline.Compressed
	// query is the search ("" for none) and why are the reasons it matched the first
	// matches (see matchReasons).
	query string
	why   map[string]timeline.WhyMatched
}

// runQuery runs a query; it is safe off the UI goroutine. The case's version is read
// first and handed to the watcher, so a change committed during the query is seen by the
// next poll. From a damaged case it returns what can still be read: the marks Marks
// returns with its ErrDamaged error when it gives some, else the events Each streams
// before the damage stops it.
func runQuery(ctx context.Context, s caseStore, w *watcher, f timeline.Filter, by timeline.GroupBy) queryResult {
	var r queryResult
	if w != nil {
		r.version, r.versioned = w.queried(ctx)
	}
	r.marks, r.err = s.Marks(ctx, f)
	damaged := errors.Is(r.err, timeline.ErrDamaged)
	if damaged && r.marks.Len() == 0 {
		r.marks = readableMarks(ctx, s, f) // a store that gives no partial result
	}
	if r.err != nil && !damaged {
		return r
	}
	total, err := s.Count(ctx, timeline.Filter{})
	switch {
	case err == nil:
		r.total = max(total, r.marks.Len())
	case damaged || errors.Is(err, timeline.ErrDamaged):
		r.total, r.err = r.marks.Len(), cmp.Or(r.err, err)
	default:
		r.err = err
		return r
	}
	r.ix = timeline.NewIndex(r.marks, by)
	return r
}

// readableMarks are the marks of the events f selects that can still be read from a
// damaged case, earliest first: the events streamed before the damage stops the stream.
func readableMarks(ctx context.Context, s caseStore, f timeline.Filter) *timeline.Marks {
	var marks []timeline.Mark
	_ = s.Each(ctx, f, func(e timeline.Event) error {
		marks = append(marks, timeline.MarkOf(e))
		return nil
	})
	slices.SortFunc(marks, func(a, b timeline.Mark) int {
		return cmp.Or(cmp.Compare(a.StartLo, b.StartLo), cmp.Compare(a.EndHi, b.EndHi), cmp.Compare(a.ID, b.ID))
	})
	return timeline.MarksOf(marks)
}

// showMarks shows a query's result, keeping the selection when it is still in view (and
// loading its details again: they may have changed) and the timeline's time window.
func (u *ui) showMarks(r queryResult) {
	marks, total := r.marks, r.total
	u.marks = marks
	count := plural(total, "event")
	if marks.Len() != total {
		count = fmt.Sprintf("%s of %s", thousands(marks.Len()), count)
	}
	if r.matches != nil {
		count = fmt.Sprintf("%s matching, %s", thousands(len(r.matches)), count)
	}
	u.count.SetText(count)
	u.tl.SetLaneColours(r.colours)
	u.list.colours, u.laneOrder = r.colours, r.order
	u.tl.SetLaneOrder(r.order)
	u.tl.Highlight(r.matches)
	u.list.matches = r.matches
	u.list.setReasons(r.query, r.why)
	if r.compressed != nil {
		u.tl.SetFolded(r.ix, *r.compressed)
		if u.pendingStatus == foldsAnnounce {
			u.pendingStatus = foldsText(len(r.compressed.Folding.Folds()))
		}
	} else {
		u.tl.SetIndex(r.ix)
	}
	if u.pendingStatus == foldsAnnounce {
		u.pendingStatus = ""
	}
	switch {
	case marks.Len() > 0:
		u.empty.hide()
	case total == 0:
		u.empty.showCase()
	default:
		u.empty.showView()
	}
	if u.pendingFit {
		if lo, hi, ok := matchesExtent(marks, r.matches); ok && r.matches != nil {
			u.tl.FitRange(lo, hi) // the matches, among every event shown
		} else {
			u.tl.FitAll()
		}
		u.pendingFit = false
	}
	u.list.showResult()
	u.keepSelection()
	if !u.damaged && u.pendingStatus == "" && u.status.Text == "Loading events..." {
		u.setStatus(fmt.Sprintf("%s: %s", u.info.Name, caseWhere(u.store.Path())))
	}
	if u.pendingStatus != "" {
		u.setStatus(u.pendingStatus)
		u.pendingStatus = ""
	}
}

// keepSelection selects, after a query, the event asked for (pendingSelect), or the one
// selected before when it is still in view, without moving the time window to it; an
// event a change took away (afterChange cleared the lead) is selected no more.
func (u *ui) keepSelection() {
	switch pos, ok := u.marks.Find(u.selected); {
	case u.pendingSelect != "":
		u.selected = ""
		if _, ok := u.marks.Find(u.pendingSelect); ok {
			u.selectEvent(u.pendingSelect, "")
		}
		u.pendingSelect = ""
	case u.sel.Len() > 1:
		u.keepMany()
	case u.selected != "" && !ok:
		u.selectEvent("", "")
	case u.selected != "":
		_ = pos
		u.sel.one(u.selected)
		u.tl.SetSelected(u.selected)
		u.list.Refresh()
		u.showDetail(u.selected)
	case u.sel.Len() > 0: // the one selected was deleted, or its creation undone
		u.selectEvent("", "")
	}
}

// keepMany keeps, after a query, those of several selected events still in view.
func (u *ui) keepMany() {
	u.sel.keep(u.marks)
	lead := u.selected
	if !u.sel.Has(lead) {
		lead = ""
		for id := range u.sel.ids {
			lead = id
			break
		}
	}
	if u.sel.Len() == 1 {
		u.selected = ""
		u.selectEvent(lead, "")
		return
	}
	u.setLead(lead, "list")
}
