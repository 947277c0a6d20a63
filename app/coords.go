package app

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
)

// coordText writes a coordinate for its field, "" when unknown.
func coordText(v *float64) string {
	if v == nil {
		return ""
	}
	return strconv.FormatFloat(*v, 'f', -1, 64)
}

// parseCoord reads a coordinate typed by hand: empty is unknown, a decimal comma is
// taken as a point.
func parseCoord(s string) (*float64, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, nil
	}
	if !strings.Contains(s, ".") {
		s = strings.Replace(s, ",", ".", 1)
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return nil, err
	}
	return &v, nil
}

// pasteCoords fills both coordinates when "48.8584, 2.2945" (as maps copy it) is pasted
// into the latitude; it reports whether it did.
func (f *eventForm) pasteCoords(s fyne.Shortcut) bool {
	p, ok := s.(*fyne.ShortcutPaste)
	if !ok || p.Clipboard == nil {
		return false
	}
	a, b, ok := strings.Cut(strings.TrimSpace(p.Clipboard.Content()), ",")
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	if !ok || !strings.Contains(a+b, ".") {
		return false
	}
	if _, err := strconv.ParseFloat(a, 64); err != nil {
		return false
	}
	if _, err := strconv.ParseFloat(b, 64); err != nil {
		return false
	}
	f.lat.SetText(a)
	f.lon.SetText(b)
	return true
}
