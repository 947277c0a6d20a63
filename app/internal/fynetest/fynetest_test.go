package fynetest

import (
	"os"
	"testing"
)

func TestMain(m *testing.M) {
	KeepRenderers()
	os.Exit(m.Run())
}

// TestRunsWithTheCacheSet: after KeepRenderers the binary runs with FYNE_CACHE set,
// whether or not the go command's environment had it.
func TestRunsWithTheCacheSet(t *testing.T) {
	if got := os.Getenv("FYNE_CACHE"); got == "" {
		t.Fatal("FYNE_CACHE is not set in the test binary")
	}
}
