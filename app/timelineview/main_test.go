package timelineview

import (
	"os"
	"testing"

	"github.com/chronoscope/chronoscope/app/internal/fynetest"
)

func TestMain(m *testing.M) {
	fynetest.KeepRenderers()
	os.Exit(m.Run())
}
