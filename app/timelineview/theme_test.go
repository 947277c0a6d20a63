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

// over is c at alpha a (0-255) blended over the opaque colour under.
func over(c color.NRGBA, a uint8, under color.NRGBA) color.NRGBA {
	px := []byte{under.R, under.G, under.B, 0xff}
	blend(px, withAlpha(c, a))
	return color.NRGBA{px[0], px[1], px[2], 0xff}
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
		tinted := over(fg, 9, bg)          // an odd lane
		header := over(bg, 225, tinted)    // a lane name's backing over a tinted lane
		labelBack := over(bg, 215, tinted) // an event label's backing
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
			{"tick label on the axis", muted, over(fg, 10, bg)},
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
}
