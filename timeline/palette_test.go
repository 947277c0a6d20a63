package timeline

import (
	"math"
	"testing"
)

// linear is an sRGB channel (0-255) in linear light.
func linear(v uint8) float64 {
	x := float64(v) / 255
	if x <= 0.04045 {
		return x / 12.92
	}
	return math.Pow((x+0.055)/1.055, 2.4)
}

// encode is a linear channel back in sRGB, clamped.
func encode(x float64) float64 {
	x = math.Min(math.Max(x, 0), 1)
	if x <= 0.0031308 {
		return 255 * 12.92 * x
	}
	return 255 * (1.055*math.Pow(x, 1/2.4) - 0.055)
}

// cvd are Machado, Oliveira and Fernandes' (2009) matrices for full deuteranopia,
// protanopia and tritanopia, on linear RGB; the identity first (normal vision).
var cvd = [][3][3]float64{
	{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}},
	{{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}},
	{{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216}, {-0.003882, -0.048116, 1.051998}},
	{{1.255528, -0.076749, -0.178779}, {-0.078411, 0.930809, 0.147602}, {0.004733, 0.691367, 0.303900}},
}

// lab is colour c as seen through matrix m, in CIELAB (D65).
func lab(c string, m [3][3]float64) [3]float64 {
	p, _ := ParseColour(c)
	in := [3]float64{linear(p.R), linear(p.G), linear(p.B)}
	var rgb [3]float64
	for i := range 3 {
		v := m[i][0]*in[0] + m[i][1]*in[1] + m[i][2]*in[2]
		rgb[i] = linear(uint8(math.Round(encode(v))))
	}
	x := (0.4124*rgb[0] + 0.3576*rgb[1] + 0.1805*rgb[2]) / 0.95047
	y := 0.2126*rgb[0] + 0.7152*rgb[1] + 0.0722*rgb[2]
	z := (0.0193*rgb[0] + 0.1192*rgb[1] + 0.9505*rgb[2]) / 1.08883
	f := func(t float64) float64 {
		if t > 0.008856 {
			return math.Cbrt(t)
		}
		return 7.787*t + 16.0/116
	}
	return [3]float64{116*f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))}
}

// relLuminance is the WCAG relative luminance of c.
func relLuminance(c string) float64 {
	p, _ := ParseColour(c)
	return 0.2126*linear(p.R) + 0.7152*linear(p.G) + 0.0722*linear(p.B)
}

// TestLaneShadesStayApart checks what LaneShades promises: the first fourteen lanes
// take fourteen different colours, the second seven of the shade series; each pair of
// them is at least 9.6 CIELAB units apart under normal vision and each simulated
// colour-vision deficiency; each shade has a contrast of 2:1 or more on white and on
// the dark theme's background.
func TestLaneShadesStayApart(t *testing.T) {
	var all []string
	for i := 0; i < 14; i++ {
		c := PaletteColour(i)
		if ShadeSeries(c) != (i >= 7) {
			t.Errorf("lane %d's colour %s: shade series %v", i, c, ShadeSeries(c))
		}
		for _, o := range all {
			if o == c {
				t.Errorf("lane %d repeats colour %s", i, c)
			}
		}
		all = append(all, c)
	}
	if PaletteColour(14) != PaletteColour(0) || PaletteColour(-3) != PaletteColour(3) {
		t.Error("the palette does not repeat after fourteen lanes")
	}
	for _, m := range cvd {
		for i := range all {
			for j := i + 1; j < len(all); j++ {
				a, b := lab(all[i], m), lab(all[j], m)
				if d := math.Hypot(math.Hypot(a[0]-b[0], a[1]-b[1]), a[2]-b[2]); d < 9.6 {
					t.Errorf("%s and %s are %.1f apart through %v", all[i], all[j], d, m[0])
				}
			}
		}
	}
	for _, c := range LaneShades {
		l := relLuminance(c)
		for _, bg := range []string{"#FFFFFF", "#171717"} {
			lb := relLuminance(bg)
			if r := (math.Max(l, lb) + 0.05) / (math.Min(l, lb) + 0.05); r < 2 {
				t.Errorf("%s on %s: contrast %.2f, want at least 2", c, bg, r)
			}
		}
	}
}
