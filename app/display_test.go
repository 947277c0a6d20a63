package app

import (
	"runtime"
	"strings"
	"testing"
)

func TestNoDisplaySaysSoInOneLine(t *testing.T) {
	env := map[string]string{}
	getenv := func(k string) string { return env[k] }
	msg := noDisplay(getenv)
	if runtime.GOOS == "linux" && (!strings.Contains(msg, "no display") || strings.Contains(msg, "\n")) {
		t.Errorf("without a display: %q", msg)
	}
	env["DISPLAY"] = ":0"
	if msg := noDisplay(getenv); msg != "" {
		t.Errorf("with DISPLAY set: %q", msg)
	}
}
