package chart

import (
	"errors"
	"io"
	"iter"

	"github.com/chronoscope/chronoscope/timeline"
)

// RenderPDF writes the report as a PDF.
func RenderPDF(w io.Writer, events iter.Seq[timeline.Event], opt Options) error {
	return errors.New("chart: PDF is not written yet")
}
