package chart

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
)

// Format is the kind of file an export writes.
type Format string

// The formats of an export.
const (
	// FormatHTML is one self-contained interactive page (the default).
	FormatHTML Format = "html"
	// FormatSVG is a vector image with real text, drawn inside the binary.
	FormatSVG Format = "svg"
	// FormatPNG is that image rasterised, Options.Scale pixels per chart pixel.
	FormatPNG Format = "png"
	// FormatPDF is the report (or the chart) as a PDF: charts as vectors, the table
	// paginated.
	FormatPDF Format = "pdf"
)

// FormatOf returns the Format a file name ends in (.html, .htm, .svg, .png, .pdf), or an
// error naming the ones there are.
func FormatOf(path string) (Format, error) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".html", ".htm":
		return FormatHTML, nil
	case ".svg":
		return FormatSVG, nil
	case ".png":
		return FormatPNG, nil
	case ".pdf":
		return FormatPDF, nil
	}
	return "", fmt.Errorf("chart file %q: end it in .html, .svg, .png or .pdf", filepath.Base(path))
}

// Scales a PNG may be drawn at: 1 is one pixel per chart pixel (96 dpi at full size),
// DefaultScale suits a printed page.
const (
	DefaultScale = 2.0
	MaxScale     = 8.0
)

// renderAs writes the counted events in opt.Format (HTML when empty).
func renderAs(w io.Writer, s *summary, opt Options, lib library) error {
	switch opt.Format {
	case "", FormatHTML:
		return renderPage(w, s, opt, lib)
	case FormatSVG:
		return writeSVGOf(w, s, opt)
	case FormatPNG:
		return writePNG(w, s, opt)
	case FormatPDF:
		return writePDF(w, s, opt)
	}
	return fmt.Errorf("chart format %q: use html, svg, png or pdf", opt.Format)
}
