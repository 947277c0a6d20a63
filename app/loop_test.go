package app

import (
	"context"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/chronoscope/chronoscope/timeline"
)

// uiLoop stands in for the desktop driver's event loop: fyne.Do queues its function, and
// the test's goroutine, which plays the UI goroutine, runs the queue while it waits
// (await). Background work then runs on goroutines of its own as in the app, with no
// data race between it and the widgets.
type uiLoop struct {
	fyne.Driver
	mu    sync.Mutex
	queue []func()
	wake  chan struct{}
}

// DoFromGoroutine queues f; with wait, it returns once the UI goroutine ran it (so it
// must not be called with wait from the UI goroutine itself).
func (l *uiLoop) DoFromGoroutine(f func(), wait bool) {
	done := make(chan struct{})
	l.mu.Lock()
	l.queue = append(l.queue, func() { f(); close(done) })
	l.mu.Unlock()
	select {
	case l.wake <- struct{}{}:
	default:
	}
	if wait {
		<-done
	}
}

// next takes the first queued function, or nil.
func (l *uiLoop) next() func() {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.queue) == 0 {
		return nil
	}
	f := l.queue[0]
	l.queue = l.queue[1:]
	return f
}

// loopApp is the Fyne test app with uiLoop as its driver.
type loopApp struct {
	fyne.App
	loop *uiLoop
}

// Driver is the loop.
func (a *loopApp) Driver() fyne.Driver { return a.loop }

// newLoopApp makes the current app a test app whose fyne.Do waits for await.
func newLoopApp(t *testing.T) *loopApp {
	base := test.NewTempApp(t)
	a := &loopApp{App: base, loop: &uiLoop{Driver: base.Driver(), wake: make(chan struct{}, 1)}}
	fyne.SetCurrentApp(a)
	return a
}

// await runs what background work hands to the UI goroutine until cond holds. It fails
// the test after a minute: that is a hang, not a measure of speed.
func (a *loopApp) await(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	for !cond() {
		if f := a.loop.next(); f != nil {
			f()
			continue
		}
		if time.Now().After(deadline) {
			t.Fatalf("gave up waiting for %s", what)
		}
		select {
		case <-a.loop.wake:
		case <-time.After(10 * time.Millisecond):
		}
	}
}

// newAsyncUI opens the window on the case at path as the app does: queries, jobs and the
// version poll run on goroutines of their own and hand their results back through the
// loop. It returns once the case is shown. The timeline builds its frames in place (its
// own goroutines are not the window's to wait for).
func newAsyncUI(t *testing.T, path string) (*ui, *loopApp) { return newAsyncUIOn(t, path, nil) }

// newAsyncUIOn is newAsyncUI with the store wrapped by wrap (when not nil).
func newAsyncUIOn(t *testing.T, path string, wrap func(timeline.Store) timeline.Store) (*ui, *loopApp) {
	t.Helper()
	a := newLoopApp(t)
	u := newUI(a, testOpener, &desktopRunner{})
	u.tl.Sync = true
	u.win.Resize(fyne.NewSize(1400, 900))
	s, err := testOpener(path, false)
	if err != nil {
		t.Fatal(err)
	}
	if wrap != nil {
		s = wrap(s)
	}
	u.setStore(s)
	// Closing waits for the background work (its results stay queued, never run), so no
	// goroutine of this test outlives it.
	t.Cleanup(func() { u.closeStore() })
	a.await(t, "the case to show", func() bool { return !u.loading && u.count.Text != "" })
	return u, a
}

// gatedStore holds every write until open is called, so that a test can act while a
// background write is under way. A test that never opens it (one that hangs on a write)
// has it opened after a minute, so that it fails instead of hanging.
type gatedStore struct {
	timeline.Store
	gate     chan struct{}
	started  chan struct{} // closed at the first write
	once     sync.Once
	openOnce sync.Once
}

func newGatedStore(t *testing.T, s timeline.Store) *gatedStore {
	g := &gatedStore{Store: s, gate: make(chan struct{}), started: make(chan struct{})}
	guard := time.AfterFunc(time.Minute, g.open)
	t.Cleanup(func() { guard.Stop(); g.open() })
	return g
}

// open lets the writes through.
func (g *gatedStore) open() { g.openOnce.Do(func() { close(g.gate) }) }

func (g *gatedStore) wait() {
	g.once.Do(func() { close(g.started) })
	<-g.gate
}

func (g *gatedStore) Put(ctx context.Context, evs []timeline.Event, p timeline.Progress) (timeline.PutResult, error) {
	g.wait()
	return g.Store.Put(ctx, evs, p)
}

func (g *gatedStore) Replace(ctx context.Context, put []timeline.Event, remove []string, p timeline.Progress) (timeline.PutResult, error) {
	g.wait()
	return g.Store.Replace(ctx, put, remove, p)
}
