package chart

import (
	"image/color"
	"math"
	"strconv"
	"strings"

	"github.com/tdewolff/canvas"
)

// painter draws a cleaned chart SVG (node) onto a surface: a raster (PNG) or a PDF page,
// where shapes stay vectors and text stays text. It knows the part of SVG that ECharts
// writes: groups with transforms, paths, rectangles, circles, text with anchors and
// baselines, fills, strokes, dashes, opacity and linear gradients. Clip paths are not
// applied: every chart keeps its marks inside its plot itself. Paths are parsed and
// transformed with tdewolff/canvas.
type painter struct {
	surf surface
	defs map[string]*node
}

// surface is where a painter draws, in chart pixels with y down. Paths come already
// transformed; colours are not premultiplied, with their opacity in A.
type surface interface {
	fill(p *canvas.Path, c color.RGBA, g *gradient)
	stroke(p *canvas.Path, c color.RGBA, width float64, dash []float64, cap, join string)
	// text draws s with its baseline's left end at (x, y) of the transform m.
	text(s string, x, y, size float64, isBold bool, c color.RGBA, halo *halo, m canvas.Matrix)
}

// halo is the outline drawn under a text's fill (paint-order stroke).
type halo struct {
	c     color.RGBA
	width float64
}

// gradient is a linear gradient in the surface's coordinates.
type gradient struct {
	x1, y1, x2, y2 float64
	stops          []gradientStop
}

type gradientStop struct {
	at float64
	c  color.RGBA
}

// style is what an element inherits from its parents.
type style struct {
	fill, stroke           string
	fillOp, strokeOp, op   float64
	strokeW                float64
	dash                   []float64
	cap, join              string
	size                   float64
	bold                   bool
	anchor, baseline, pord string
	m                      canvas.Matrix
}

func newPainter(surf surface) *painter {
	return &painter{surf: surf, defs: map[string]*node{}}
}

// paint draws the tree with its top-left corner at (x, y) of the context, which must use
// canvas.CartesianIV (y down) in chart pixels.
func (p *painter) paint(root *node, x, y float64) {
	p.collectDefs(root)
	st := style{fill: "#000000", fillOp: 1, strokeOp: 1, op: 1, strokeW: 1, size: 12, anchor: "start",
		m: canvas.Identity.Translate(x, y)}
	p.node(root, st)
}

func (p *painter) collectDefs(n *node) {
	if id := n.get("id"); id != "" {
		p.defs[id] = n
	}
	for _, k := range n.kids {
		p.collectDefs(k)
	}
}

func (p *painter) node(n *node, st style) {
	switch n.name {
	case "defs", "clipPath", "linearGradient", "radialGradient", "stop":
		return
	}
	st = inherit(st, n)
	if st.op <= 0 {
		return
	}
	switch n.name {
	case "svg", "g":
		for _, k := range n.kids {
			p.node(k, st)
		}
	case "path":
		path, err := canvas.ParseSVGPath(n.get("d"))
		if err == nil {
			p.shape(path, st)
		}
	case "rect":
		w, h := num(n.get("width")), num(n.get("height"))
		if strings.HasSuffix(n.get("width"), "%") { // the background of a stacked drawing
			return
		}
		if w > 0 && h > 0 {
			r := canvas.Rectangle(w, h)
			if rx := num(n.get("rx")); rx > 0 {
				r = canvas.RoundedRectangle(w, h, rx)
			}
			p.shape(r.Translate(num(n.get("x")), num(n.get("y"))), st)
		}
	case "circle":
		if r := num(n.get("r")); r > 0 {
			p.shape(canvas.Circle(r).Translate(num(n.get("cx")), num(n.get("cy"))), st)
		}
	case "ellipse":
		p.shape(canvas.Ellipse(num(n.get("rx")), num(n.get("ry"))).Translate(num(n.get("cx")), num(n.get("cy"))), st)
	case "line":
		l := &canvas.Path{}
		l.MoveTo(num(n.get("x1")), num(n.get("y1")))
		l.LineTo(num(n.get("x2")), num(n.get("y2")))
		p.shape(l, st)
	case "polyline", "polygon":
		if l := pointsPath(n.get("points"), n.name == "polygon"); l != nil {
			p.shape(l, st)
		}
	case "text":
		p.text(n, st)
	}
}

// pointsPath is the path of a polyline's or polygon's points ("x y x y ...", commas or
// spaces), closed for a polygon; nil for fewer than two points.
func pointsPath(points string, closed bool) *canvas.Path {
	f := strings.FieldsFunc(points, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' })
	if len(f) < 4 {
		return nil
	}
	l := &canvas.Path{}
	l.MoveTo(num(f[0]), num(f[1]))
	for i := 2; i+1 < len(f); i += 2 {
		l.LineTo(num(f[i]), num(f[i+1]))
	}
	if closed {
		l.Close()
	}
	return l
}

// inherit applies an element's presentation attributes to what its parent passed down.
func inherit(st style, n *node) style {
	for _, a := range n.attrs {
		v := a.value
		switch a.name {
		case "fill":
			st.fill = v
		case "stroke":
			st.stroke = v
		case "fill-opacity":
			st.fillOp = num(v)
		case "stroke-opacity":
			st.strokeOp = num(v)
		case "opacity":
			st.op *= num(v)
		case "stroke-width":
			st.strokeW = num(v)
		case "stroke-dasharray":
			st.dash = nums(v)
		case "stroke-linecap":
			st.cap = v
		case "stroke-linejoin":
			st.join = v
		case "font-size":
			st.size = num(v)
		case "font-weight":
			st.bold = v == "bold" || num(v) >= 600
		case "text-anchor":
			st.anchor = v
		case "dominant-baseline":
			st.baseline = v
		case "paint-order":
			st.pord = v
		case "transform":
			st.m = st.m.Mul(transform(v))
		}
	}
	return st
}

// shape fills and strokes a path in the element's coordinates.
func (p *painter) shape(path *canvas.Path, st style) {
	path = path.Transform(st.m)
	if c, ok := p.paintOf(st.fill, st.fillOp*st.op); ok {
		p.surf.fill(path, c, p.gradient(st.fill, path, st.fillOp*st.op))
	}
	if c, ok := p.paintOf(st.stroke, st.strokeOp*st.op); ok && st.strokeW > 0 {
		scale := scaleOf(st.m)
		dash := make([]float64, len(st.dash))
		for i, v := range st.dash {
			dash[i] = v * scale
		}
		p.surf.stroke(path, c, st.strokeW*scale, dash, st.cap, st.join)
	}
}

// scaleOf is how much a transform scales lengths.
func scaleOf(m canvas.Matrix) float64 {
	return math.Sqrt(math.Abs(m[0][0]*m[1][1] - m[0][1]*m[1][0]))
}

// text draws a text element, placed as a browser would: the anchor sets where its width
// goes, the baseline where its height goes, both measured in DejaVu Sans.
func (p *painter) text(n *node, st style) {
	s := n.text
	for _, k := range n.kids {
		if k.name == "tspan" {
			s += k.text
		}
	}
	if strings.TrimSpace(s) == "" || st.size <= 0 {
		return
	}
	c, ok := p.paintOf(st.fill, st.fillOp*st.op)
	if !ok {
		return
	}
	ascent, descent := fontMetrics(st.bold)
	x, y := num(n.get("x")), num(n.get("y"))
	switch st.baseline {
	case "central", "middle":
		y += (ascent - descent) / 2 * st.size
	case "hanging", "text-before-edge":
		y += ascent * st.size
	case "text-after-edge", "ideographic":
		y -= descent * st.size
	}
	switch st.anchor {
	case "middle":
		x -= textWidth(s, st.size, st.bold) / 2
	case "end":
		x -= textWidth(s, st.size, st.bold)
	}
	var h *halo
	if hc, ok := p.paintOf(st.stroke, st.strokeOp*st.op); ok && st.strokeW > 0 && st.pord == "stroke" {
		h = &halo{hc, st.strokeW}
	}
	p.surf.text(s, x, y, st.size, st.bold, c, h, st.m)
}

// transform reads an SVG transform list: matrix, translate, scale and rotate.
func transform(v string) canvas.Matrix {
	m := canvas.Identity
	for v = strings.TrimSpace(v); v != ""; v = strings.TrimSpace(v) {
		name, rest, ok := strings.Cut(v, "(")
		if !ok {
			break
		}
		args, after, _ := strings.Cut(rest, ")")
		f := nums(args)
		v = strings.TrimLeft(after, " ,")
		switch strings.TrimSpace(name) {
		case "matrix":
			if len(f) == 6 {
				m = m.Mul(canvas.Matrix{{f[0], f[2], f[4]}, {f[1], f[3], f[5]}})
			}
		case "translate":
			if len(f) == 1 {
				f = append(f, 0)
			}
			if len(f) == 2 {
				m = m.Translate(f[0], f[1])
			}
		case "scale":
			if len(f) == 1 {
				f = append(f, f[0])
			}
			if len(f) == 2 {
				m = m.Scale(f[0], f[1])
			}
		case "rotate":
			if len(f) == 1 {
				m = m.Rotate(f[0])
			}
		}
	}
	return m
}

func num(s string) float64 {
	v, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(s), "px"), 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0
	}
	return v
}

func nums(s string) []float64 {
	var out []float64
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' }) {
		out = append(out, num(f))
	}
	return out
}
