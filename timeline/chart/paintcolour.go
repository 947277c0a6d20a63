package chart

import (
	"image/color"
	"math"
	"strconv"
	"strings"

	"github.com/tdewolff/canvas"
)

// The colours a painter reads from the SVG: fills and strokes at an opacity, linear
// gradients, and the colour syntaxes ECharts writes.

// paintOf reads a fill or stroke colour at an opacity; ok is false for none.
func (p *painter) paintOf(v string, op float64) (color.RGBA, bool) {
	if v == "" || v == "none" || v == "transparent" || op <= 0 {
		return color.RGBA{}, false
	}
	if strings.HasPrefix(v, "url(#") {
		g := p.defs[strings.TrimSuffix(strings.TrimPrefix(v, "url(#"), ")")]
		if g == nil || len(g.kids) == 0 {
			return color.RGBA{}, false
		}
		v = g.kids[len(g.kids)/2].get("stop-color") // a stand-in until gradient() sets it
	}
	c, a, ok := parseColour(v)
	if !ok {
		return color.RGBA{}, false
	}
	c.A = uint8(255*math.Max(0, math.Min(1, a*op)) + 0.5)
	return c, c.A > 0
}

// gradient is a linear gradient fill for a path, or nil.
func (p *painter) gradient(v string, path *canvas.Path, op float64) *gradient {
	if !strings.HasPrefix(v, "url(#") {
		return nil
	}
	g := p.defs[strings.TrimSuffix(strings.TrimPrefix(v, "url(#"), ")")]
	if g == nil || g.name != "linearGradient" {
		return nil
	}
	b := path.Bounds()
	at := func(name string, def float64) float64 {
		if s := g.get(name); s != "" {
			return num(s)
		}
		return def
	}
	out := &gradient{x1: at("x1", 0), y1: at("y1", 0), x2: at("x2", 1), y2: at("y2", 0)}
	if g.get("gradientUnits") != "userSpaceOnUse" {
		out.x1, out.x2 = b.X0+out.x1*b.W(), b.X0+out.x2*b.W()
		out.y1, out.y2 = b.Y0+out.y1*b.H(), b.Y0+out.y2*b.H()
	}
	for _, s := range g.kids {
		if s.name != "stop" {
			continue
		}
		c, a, ok := parseColour(s.get("stop-color"))
		if !ok {
			continue
		}
		if o := s.get("stop-opacity"); o != "" {
			a *= num(o)
		}
		off := num(strings.TrimSuffix(s.get("offset"), "%"))
		if strings.HasSuffix(s.get("offset"), "%") {
			off /= 100
		}
		c.A = uint8(255*math.Max(0, math.Min(1, a*op)) + 0.5)
		out.stops = append(out.stops, gradientStop{off, c})
	}
	if len(out.stops) == 0 {
		return nil
	}
	return out
}

// premultiplied is c with its colour scaled by its opacity, as image/color expects.
func premultiplied(c color.RGBA) color.RGBA {
	a := uint32(c.A)
	return color.RGBA{R: uint8(uint32(c.R) * a / 255), G: uint8(uint32(c.G) * a / 255), B: uint8(uint32(c.B) * a / 255), A: c.A}
}

// parseColour reads #rgb, #rrggbb, rgb(), rgba() and the few names ECharts writes.
func parseColour(v string) (color.RGBA, float64, bool) {
	v = strings.TrimSpace(strings.ToLower(v))
	switch v {
	case "white":
		return color.RGBA{255, 255, 255, 255}, 1, true
	case "black":
		return color.RGBA{0, 0, 0, 255}, 1, true
	}
	if strings.HasPrefix(v, "#") {
		h := v[1:]
		if len(h) == 3 {
			h = string([]byte{h[0], h[0], h[1], h[1], h[2], h[2]})
		}
		n, err := strconv.ParseUint(h, 16, 32)
		if err != nil || len(h) != 6 {
			return color.RGBA{}, 0, false
		}
		return color.RGBA{uint8(n >> 16), uint8(n >> 8), uint8(n), 255}, 1, true
	}
	if inner, ok := strings.CutPrefix(v, "rgba("); ok {
		f := nums(strings.TrimSuffix(inner, ")"))
		if len(f) == 4 {
			return color.RGBA{uint8(f[0]), uint8(f[1]), uint8(f[2]), 255}, f[3], true
		}
	}
	if inner, ok := strings.CutPrefix(v, "rgb("); ok {
		f := nums(strings.TrimSuffix(inner, ")"))
		if len(f) == 3 {
			return color.RGBA{uint8(f[0]), uint8(f[1]), uint8(f[2]), 255}, 1, true
		}
	}
	return color.RGBA{}, 0, false
}
