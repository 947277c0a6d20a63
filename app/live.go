package app

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"

	"github.com/chronoscope/chronoscope/timeline"
)

// pollEvery is how often the window asks the case whether it changed: other programs'
// changes (the command line, a script, another window) show within about a second.
const pollEvery = 500 * time.Millisecond

// watcher follows one store's Version off the UI goroutine and has the window query the
// case again when it changed since the window last queried it. It polls Version every
// pollEvery and, for a store with a change feed (a shared case: timeline.Watcher), also
// listens to the feed, which tells at once and again after a lost connection. A poll also
// notes when the analyst's access changed (a grant or a revoke on a shared case) and when
// the case could not be read (a lost connection) or could again.
type watcher struct {
	store caseStore
	// seen is the version the last query started from, or that a poll already asked a
	// query for: a poll that finds it again has nothing new to show.
	seen   atomic.Uint64
	cancel context.CancelFunc
	wg     sync.WaitGroup
	// Used by the poll's goroutine only.
	readOnly bool   // the store's ReadOnly as last seen
	failed   string // why the last poll failed, "" when it did not
	// mu is held by a poll from reading the version to noting it, and by absorb.
	mu sync.Mutex
}

// absorb notes the version the case is at now as seen, so no poll refreshes for it: for
// the window's own indexing steps, which change how the case is kept but not what it
// holds. A nil watcher (tests that poll nothing) does nothing.
func (w *watcher) absorb(ctx context.Context) {
	if w == nil {
		return
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if v, err := w.store.Version(ctx); err == nil {
		w.seen.Store(v)
	}
}

// queried notes the version a query starts from, and returns it (ok is false when the
// store could not say); it is called off the UI goroutine. A commit after this is seen by
// the next poll.
func (w *watcher) queried(ctx context.Context) (v uint64, ok bool) {
	v, err := w.store.Version(ctx)
	if err != nil {
		return 0, false
	}
	w.seen.Store(v)
	return v, true
}

// moved reports whether the case changed since a query started from version v.
func (w *watcher) moved(v uint64) bool { return w.seen.Load() != v }

// saw notes version v and reports whether it is news.
func (w *watcher) saw(v uint64) bool { return w.seen.Swap(v) != v }

// watchHooks are what a watcher hands the UI goroutine (each through fyne.Do).
type watchHooks struct {
	changed func()              // the case moved: query again
	access  func()              // ReadOnly changed
	state   func(failed string) // reading the case failed ("" once it works again)
}

// startWatch starts following s. With a runner that polls nothing (one that runs the
// window's work in place) nothing follows it: liveRefresh is called by whoever runs it.
func (u *ui) startWatch(s caseStore) {
	if !u.run.polls() {
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	w := &watcher{store: s, cancel: cancel, readOnly: s.ReadOnly()}
	u.watch = w
	mine := func(fn func()) func() {
		return func() {
			if u.watch == w && u.store == s {
				fn()
			}
		}
	}
	h := watchHooks{
		changed: mine(u.liveRefresh),
		access:  mine(u.accessChanged),
		state:   func(failed string) { mine(func() { u.readState(failed) })() },
	}
	w.wg.Add(1)
	go w.poll(ctx, h)
	if feed, ok := s.(timeline.Watcher); ok {
		w.wg.Add(1)
		go func() {
			defer w.wg.Done()
			feed.Watch(ctx, func(v uint64) {
				if w.saw(v) {
					fyne.Do(h.changed)
				}
			})
		}()
	}
}

// poll asks for the version every pollEvery until ctx ends, and hands the hooks to the UI
// goroutine when something changed.
func (w *watcher) poll(ctx context.Context, h watchHooks) {
	defer w.wg.Done()
	tick := time.NewTicker(pollEvery)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		w.mu.Lock()
		v, err := w.store.Version(ctx)
		news := err == nil && w.saw(v)
		w.mu.Unlock()
		if ctx.Err() != nil {
			return
		}
		failed := ""
		if err != nil {
			failed = oneLine(err.Error())
		}
		if failed != w.failed {
			w.failed = failed
			fyne.Do(func() { h.state(failed) })
		}
		if err != nil {
			continue
		}
		if ro := w.store.ReadOnly(); ro != w.readOnly {
			w.readOnly = ro
			fyne.Do(h.access)
		}
		if news {
			fyne.Do(h.changed)
		}
	}
}

// stopWatch stops following the case and waits for it to end.
func (u *ui) stopWatch() {
	if u.watch == nil {
		return
	}
	u.watch.cancel()
	u.watch.wg.Wait()
	u.watch = nil
}

// accessChanged shows a change of what the analyst may do with the case (an admin of a
// shared case granted or took away write access): the banner, the title and the menus.
func (u *ui) accessChanged() {
	u.showBanner()
	u.updateTitle()
	u.menus.update()
	if u.store.ReadOnly() {
		u.setStatus("You can now only read this case: an admin of the case changed your access")
	} else {
		u.setStatus("You can now change this case: an admin of the case gave you write access")
	}
}

// readState says in the status bar that the case could not be read (a lost connection to
// a shared case's server, a revoked membership), or, failed being "", that it can again.
func (u *ui) readState(failed string) {
	if failed == "" {
		u.setStatus("The case can be read again: showing what changed meanwhile")
		return
	}
	u.setStatus("Cannot read the case now (" + failed + "): the window shows what it last read, and tries again")
}

// liveRefresh shows what another program changed: the events in view, their count and
// the names the filters offer, keeping the selection, the time window and the status.
// While a query runs it does nothing: that query, when it lands, runs again if the case
// moved since it started (so a stream of changes never starves a long query).
func (u *ui) liveRefresh() {
	if u.store == nil || u.cancel != nil {
		return
	}
	u.filters.reload()
	u.readLastChange()
	store := u.store
	u.background(func() func() {
		info, err := store.Info(context.Background())
		var state timeline.Indexing
		if ix, ok := store.(timeline.Indexer); ok {
			state, _ = ix.Indexing(context.Background()) // another program may be indexing
		}
		return func() {
			if u.store != store {
				return
			}
			u.showIndexing(state)
			if err == nil && info != u.info {
				u.info = info
				u.updateTitle()
			}
		}
	})
	u.query(false)
}
