package timelineview

import (
	"image/color"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// fixedTheme is a theme held to one variant whatever the system prefers.
type fixedTheme struct {
	fyne.Theme
	variant fyne.ThemeVariant
}

// Color returns the base theme's colour for the fixed variant.
func (t fixedTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.variant)
}

// FixedTheme is Fyne's default theme held to variant (light or dark), for a window's
// Theme menu and for snapshots that must look the same on every machine.
func FixedTheme(variant fyne.ThemeVariant) fyne.Theme {
	return fixedTheme{Theme: theme.DefaultTheme(), variant: variant}
}

// Thousands writes n with commas between groups of three digits: 1,000,000. The lane
// headers count with it, and so may the window, so that both read alike.
func Thousands(n int) string {
	s := strconv.Itoa(n)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && c != '-' && s[i-1] != '-' && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}
