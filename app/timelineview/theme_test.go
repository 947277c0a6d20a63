package timelineview

import (
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// overOpaque is c at alpha a (0-255) blended over the opaque colour under, as the
// painter blends.
func overOpaque(c color.NRGBA, a uint8, under color.NRGBA) color.NRGBA {
	under.A = 0xff
	px := over(faded(c, a), premultiply(under))
	return color.NRGBA{uint8(px), uint8(px >> 8), uint8(px >> 16), 0xff}
}

// TestTextContrast computes, from the theme's colours, the contrast of every kind of
// text the timeline draws against what it is drawn on, in the light and the dark theme:
// lane names and event labels on a plain and on a tinted lane, secondary text (minor
// labels, ticks) likewise; each must reach 4.5:1.
func TestTextContrast(t *testing.T) {
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		th := FixedTheme(v)
		fg := toNRGBA(th.Color(theme.ColorNameForeground, v))
		bg := toNRGBA(th.Color(theme.ColorNameBackground, v))
		tinted := overOpaque(fg, 9, bg)          // an odd lane
		header := overOpaque(bg, 225, tinted)    // a lane name's backing over a tinted lane
		labelBack := overOpaque(bg, 215, tinted) // an event label's backing
		muted := mutedText(th, v)
		for _, c := range []struct {
			what   string
			text   color.NRGBA
			ground color.NRGBA
		}{
			{"lane name", fg, header},
			{"event label", fg, labelBack},
			{"event label on a plain lane", fg, bg},
			{"minor label", muted, labelBack},
			{"tick label on the axis", muted, overOpaque(fg, 10, bg)},
		} {
			if r := contrast(c.text, c.ground); r < 4.5 {
				t.Errorf("variant %v: %s %v on %v has contrast %.2f, want at least 4.5", v, c.what, c.text, c.ground, r)
			}
		}
	}
	if r := contrast(color.NRGBA{0, 0, 0, 255}, color.NRGBA{255, 255, 255, 255}); math.Abs(r-21) > 0.01 {
		t.Errorf("black on white: %.2f, want 21", r)
	}
}

// bigText is the default theme with body text of 20.
type bigText struct{ fyne.Theme }

func (b bigText) Size(n fyne.ThemeSizeName) float32 {
	if n == theme.SizeNameText {
		return 20
	}
	return b.Theme.Size(n)
}

// TestTextSizesFollowTheTheme: a theme with larger body text gets larger event labels
// and lane names.
func TestTextSizesFollowTheTheme(t *testing.T) {
	tv, _ := tlView(t, tlSampleIndex(), theme.VariantLight, tlWidth, tlHeight)
	fyne.CurrentApp().Settings().SetTheme(bigText{FixedTheme(theme.VariantLight)})
	tv.Refresh()
	found := false
	for _, o := range test.WidgetRenderer(tv).Objects() {
		if tx, ok := o.(*canvas.Text); ok && tx.Visible() && tx.Text == "Kim and Putin meet at the Vostochny cosmodrome" {
			found = true
			if tx.TextSize != 18 {
				t.Errorf("an event label at %v with body text of 20, want 18", tx.TextSize)
			}
		}
	}
	if !found {
		t.Errorf("the summit's label is not drawn: %q", tlTexts(tv))
	}
	// The layout grows with the text: rows, lane headers, the axis and the overview in
	// proportion to the label size, so an 18-unit label still fits its row.
	def, big := metricsFor(12, 4), tv.lay()
	for _, c := range []struct {
		what     string
		def, got float64
	}{{"row", def.row, big.row}, {"lane header", def.header, big.header}, {"axis", def.axis, big.axis}, {"overview", def.overview, big.overview}} {
		if want := math.Round(c.def * 18 / 12); c.got != want {
			t.Errorf("%s of %v with labels of 18, want %v (%v at 12)", c.what, c.got, want, c.def)
		}
	}
	if v := tv.front.View; v.RowHeight != big.row || v.LaneHeader != big.header {
		t.Errorf("the frame was built with rows of %v and headers of %v, want %v and %v", v.RowHeight, v.LaneHeader, big.row, big.header)
	}
	if big.row < 18*1.3 {
		t.Errorf("a row of %v does not hold a label of 18", big.row)
	}
	// The axis's lower row of tick labels moves down with the taller axis.
	ticks := 0
	for _, o := range test.WidgetRenderer(tv).Objects() {
		if tx, ok := o.(*canvas.Text); ok && tx.Visible() && tx.TextSize == tickTextSize() && !tx.TextStyle.Bold && tx.Position().Y < float32(big.axis) {
			ticks++
			if want := float32(big.minorRow + big.pad/2); tx.Position().Y != want {
				t.Errorf("tick label %q at y %v, want %v", tx.Text, tx.Position().Y, want)
			}
		}
	}
	if ticks == 0 {
		t.Error("no tick label drawn")
	}
}

// tm is the widget's layout at the current theme's sizes.
func tm() metrics { return themeMetrics() }
