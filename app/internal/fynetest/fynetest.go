// Package fynetest keeps Fyne's widget renderers alive for a whole test run.
//
// Fyne destroys a renderer that has not been used for a minute (FYNE_CACHE, read once
// when Fyne's cache package starts). It tells the time of a renderer's last use by a
// clock it samples only when it cleans its cache: every frame in a real window, but in
// the test driver only at each Canvas().Capture(). So in a slow test run (the race
// detector on a loaded machine) a capture more than a minute after the one before it
// destroys every renderer of the window under test, and paints the window from new,
// empty renderers: the timeline then showed no lane at all. KeepRenderers runs the
// test binary again with FYNE_CACHE set long enough for any run.
package fynetest

import "os"

// cacheFor is how long renderers are kept in the tests: longer than any test run.
const cacheFor = "24h"

// KeepRenderers makes sure FYNE_CACHE is set before Fyne reads it: when it is not, it
// runs this test binary again, in place, with it set (on systems that can; elsewhere it
// does nothing). Call it first in TestMain.
func KeepRenderers() {
	if os.Getenv("FYNE_CACHE") != "" {
		return
	}
	if err := os.Setenv("FYNE_CACHE", cacheFor); err != nil {
		return
	}
	reexec() // returns only when the binary could not be run again
}
