package timelineview

import (
	"image/color"
	"math"
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

// mutedText is the colour of the timeline's secondary text (tick labels, the labels of
// minor events): the theme's foreground moved towards its background only as far as a
// contrast of 5:1 with the background allows, so it reads quieter yet stays legible in
// the light and dark themes (a test checks 4.5:1 on every ground it is drawn on), where
// the theme's placeholder colour does not.
func mutedText(th fyne.Theme, v fyne.ThemeVariant) color.NRGBA {
	fg := toNRGBA(th.Color(theme.ColorNameForeground, v))
	bg := toNRGBA(th.Color(theme.ColorNameBackground, v))
	mix := func(a, b uint8, k float64) uint8 { return uint8(math.Round(float64(a)*(1-k) + float64(b)*k)) }
	out := color.NRGBA{fg.R, fg.G, fg.B, 0xff}
	for k := 0.05; k <= 0.5; k += 0.05 {
		c := color.NRGBA{mix(fg.R, bg.R, k), mix(fg.G, bg.G, k), mix(fg.B, bg.B, k), 0xff}
		if contrast(c, bg) < 5 {
			break
		}
		out = c
	}
	return out
}

// contrast is the WCAG contrast ratio of two opaque colours, from 1 to 21.
func contrast(a, b color.NRGBA) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// luminance is the WCAG relative luminance of an sRGB colour.
func luminance(c color.NRGBA) float64 {
	ch := func(v uint8) float64 {
		x := float64(v) / 255
		if x <= 0.04045 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	return 0.2126*ch(c.R) + 0.7152*ch(c.G) + 0.0722*ch(c.B)
}

// The timeline's text sizes follow the theme's: event labels, lane names and the
// larger axis unit a little under body text, the tick labels at caption size, the
// overview's calendar just under it, and the empty hint at nearly body size.
func labelTextSize() float32 { return theme.Size(theme.SizeNameText) - 2 }

func tickTextSize() float32 { return theme.Size(theme.SizeNameCaptionText) }

func smallTextSize() float32 { return theme.Size(theme.SizeNameCaptionText) - 1 }

func hintTextSize() float32 { return theme.Size(theme.SizeNameText) - 1 }

// maxLabelWidth is the width event labels are cut to: thirty label-size characters'
// worth (360 units at the default size).
func maxLabelWidth() float64 { return 30 * float64(labelTextSize()) }
