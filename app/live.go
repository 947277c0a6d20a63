package app

import (
	"context"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"

	"github.com/chronoscope/chronoscope/timeline"
)

// pollEvery is how often the window asks the case whether it changed: other programs'
// changes (the command line, a script, another window) show within about a second.
const pollEvery = 500 * time.Millisecond

// watcher polls one store's Version off the UI goroutine and has the window query the
// case again when it changed since the window last queried it.
type watcher struct {
	store timeline.Store
	// seen is the version the last query started from, or that a poll already asked a
	// query for: a poll that finds it again has nothing new to show.
	seen   atomic.Uint64
	cancel context.CancelFunc
	done   chan struct{}
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

// startWatch starts polling s. With syncWork set (tests that run background work in
// place) nothing polls: those tests call liveRefresh themselves.
func (u *ui) startWatch(s timeline.Store) {
	if u.syncWork {
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	w := &watcher{store: s, cancel: cancel, done: make(chan struct{})}
	u.watch = w
	go w.poll(ctx, func() {
		if u.watch == w && u.store == s {
			u.liveRefresh()
		}
	})
}

// poll asks for the version every pollEvery until ctx ends, and hands changed to the UI
// goroutine when it moved.
func (w *watcher) poll(ctx context.Context, changed func()) {
	defer close(w.done)
	tick := time.NewTicker(pollEvery)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		v, err := w.store.Version(ctx)
		if err != nil || v == w.seen.Load() {
			continue
		}
		w.seen.Store(v)
		fyne.Do(changed)
	}
}

// stopWatch stops the poll and waits for it to end.
func (u *ui) stopWatch() {
	if u.watch == nil {
		return
	}
	u.watch.cancel()
	<-u.watch.done
	u.watch = nil
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
	store := u.store
	u.background(func() func() {
		info, err := store.Info(context.Background())
		return func() {
			if err == nil && u.store == store && info != u.info {
				u.info = info
				u.updateTitle()
			}
		}
	})
	u.query(false)
}
