//go:build linux

package fynetest

import (
	"bytes"
	"os"
	"testing"
)

func TestMain(m *testing.M) {
	KeepRenderers()
	os.Exit(m.Run())
}

// TestRunsWithTheCacheSet: after KeepRenderers this binary was started with FYNE_CACHE
// in its environment, as Fyne's cache package reads it when it starts. The environment
// the process was started with (/proc/self/environ, which setting a variable later does
// not change) tells a binary run again from one that only set the variable. Linux only,
// where /proc is (the file's name keeps it to Linux: nothing is skipped).
func TestRunsWithTheCacheSet(t *testing.T) {
	env, err := os.ReadFile("/proc/self/environ")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(append([]byte{0}, env...), []byte("\x00FYNE_CACHE=")) {
		t.Fatal("the test binary was started without FYNE_CACHE: it was not run again with it set")
	}
}
