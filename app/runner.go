package app

import (
	"sync"
	"time"

	"fyne.io/fyne/v2"
)

// runner is how the window runs what does not happen at once: reads and writes of the
// case off the UI goroutine, what waits for a pause (the search box's typing, the list's
// reasons), the index build and the watch on the case. The desktop's runner is
// goroutines, timers and fyne.Do (desktopRunner); newUI takes it, so that another one can
// run the same window's work in place, in order.
type runner interface {
	// background runs work off the UI goroutine, then what work returns (nil for nothing)
	// on the UI goroutine.
	background(work func() func())
	// wait returns once the work background started has ended (not what it returned).
	wait()
	// later runs fn on the UI goroutine after d, unless stop is called before.
	later(d time.Duration, fn func()) (stop func())
	// goroutine runs fn, which may take long and hands its results over with fyne.Do,
	// off the UI goroutine.
	goroutine(fn func())
	// polls reports whether the window asks the case itself, every few seconds, whether
	// another program changed it.
	polls() bool
}

// desktopRunner runs the window's work on goroutines and timers, handing results to the
// UI goroutine with fyne.Do.
type desktopRunner struct {
	work sync.WaitGroup // background work under way
}

func (r *desktopRunner) background(work func() func()) {
	r.work.Add(1)
	go func() {
		done := work()
		r.work.Done()
		if done != nil {
			fyne.Do(done)
		}
	}()
}

func (r *desktopRunner) wait() { r.work.Wait() }

func (r *desktopRunner) later(d time.Duration, fn func()) func() {
	t := time.AfterFunc(d, func() { fyne.Do(fn) })
	return func() { t.Stop() }
}

func (r *desktopRunner) goroutine(fn func()) { go fn() }

func (r *desktopRunner) polls() bool { return true }
