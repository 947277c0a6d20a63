package chart

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
)

// node is one element of a chart's SVG after cleaning: only drawing elements and
// presentation attributes, in the order ECharts wrote them.
type node struct {
	name  string
	attrs []attr
	text  string // a text element's words
	kids  []*node
}

type attr struct{ name, value string }

func (n *node) get(name string) string {
	for _, a := range n.attrs {
		if a.name == name {
			return a.value
		}
	}
	return ""
}

// The elements and attributes a cleaned SVG may keep. Anything else (script, style,
// foreignObject, image, use, a, href and xlink:href, every on* handler, class) is
// dropped, so an exported SVG runs nothing and loads nothing, whatever text it shows.
var (
	keptElements = map[string]bool{
		"svg": true, "g": true, "path": true, "rect": true, "circle": true, "ellipse": true, "line": true,
		"polyline": true, "polygon": true, "text": true, "tspan": true, "defs": true, "clipPath": true,
		"linearGradient": true, "radialGradient": true, "stop": true,
	}
	keptAttrs = map[string]bool{
		"id": true, "d": true, "x": true, "y": true, "width": true, "height": true, "cx": true, "cy": true, "r": true,
		"rx": true, "ry": true, "x1": true, "y1": true, "x2": true, "y2": true, "points": true, "dx": true, "dy": true,
		"fill": true, "fill-opacity": true, "fill-rule": true, "stroke": true, "stroke-width": true,
		"stroke-opacity": true, "stroke-dasharray": true, "stroke-dashoffset": true, "stroke-linecap": true,
		"stroke-linejoin": true, "stroke-miterlimit": true, "opacity": true, "transform": true,
		"font-size": true, "font-family": true, "font-weight": true, "font-style": true, "text-anchor": true,
		"dominant-baseline": true, "paint-order": true, "clip-path": true, "viewBox": true, "offset": true,
		"stop-color": true, "stop-opacity": true, "gradientUnits": true, "gradientTransform": true,
		"fx": true, "fy": true,
	}
	// styleProps are the CSS properties of a style attribute that become attributes.
	styleProps = map[string]bool{"font-size": true, "font-family": true, "font-weight": true, "font-style": true}
	localURL   = regexp.MustCompile(`^url\(#[A-Za-z0-9_-]+\)$`)
	unsafeText = regexp.MustCompile(`(?i)url\(|expression|javascript:|@import|[<>\\]`)
)

// parseSVG reads ECharts' SVG into a clean tree (see keptElements).
func parseSVG(src string) (*node, error) {
	d := xml.NewDecoder(strings.NewReader(src))
	d.Strict = true
	root := &node{name: "#root"}
	stack := []*node{root}
	skip := 0 // depth inside a dropped element
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("chart: read ECharts' SVG: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if skip > 0 || !keptElements[t.Name.Local] {
				skip++
				continue
			}
			n := &node{name: t.Name.Local, attrs: cleanAttrs(t.Attr)}
			parent := stack[len(stack)-1]
			parent.kids = append(parent.kids, n)
			stack = append(stack, n)
		case xml.EndElement:
			if skip > 0 {
				skip--
				continue
			}
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if skip == 0 && len(stack) > 1 {
				if n := stack[len(stack)-1]; n.name == "text" || n.name == "tspan" {
					n.text += string(t)
				}
			}
		}
	}
	if len(root.kids) != 1 || root.kids[0].name != "svg" {
		return nil, errors.New("chart: ECharts' SVG has no svg element")
	}
	return root.kids[0], nil
}

func cleanAttrs(in []xml.Attr) []attr {
	var out []attr
	add := func(name, value string) {
		value = strings.TrimSpace(value)
		if !safeAttr(name, value) {
			return
		}
		for i := range out {
			if out[i].name == name {
				out[i].value = value
				return
			}
		}
		out = append(out, attr{name, value})
	}
	for _, a := range in {
		if a.Name.Space != "" && a.Name.Space != "http://www.w3.org/2000/svg" {
			continue // xlink:href, xml:space and the like
		}
		if a.Name.Local != "style" {
			add(a.Name.Local, a.Value)
			continue
		}
		for _, p := range styleAttrs(a.Value) {
			add(p.name, p.value)
		}
	}
	return out
}

// safeAttr reports whether an attribute may stay: a kept name, and a value that refers
// to nothing outside the file (url() only to a local id, and only for paint and clips).
func safeAttr(name, value string) bool {
	if !keptAttrs[name] || value == "" {
		return false
	}
	if strings.Contains(value, "url(") {
		return localURL.MatchString(value) && (name == "fill" || name == "stroke" || name == "clip-path")
	}
	return !unsafeText.MatchString(value)
}

// styleAttrs turns the font properties of a style attribute into attributes.
func styleAttrs(style string) []attr {
	var out []attr
	for _, decl := range strings.Split(style, ";") {
		k, v, ok := strings.Cut(decl, ":")
		k = strings.TrimSpace(k)
		switch {
		case ok && k == "font":
			out = append(out, fontShorthand(v)...)
		case ok && styleProps[k]:
			out = append(out, attr{k, v})
		}
	}
	return out
}

// writeSVG writes the tree as a standalone SVG document, w by h pixels.
func writeSVG(out *bytes.Buffer, root *node) {
	out.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	writeNode(out, root, true)
	out.WriteByte('\n')
}

func writeNode(out *bytes.Buffer, n *node, top bool) {
	out.WriteByte('<')
	out.WriteString(n.name)
	if top {
		out.WriteString(` xmlns="http://www.w3.org/2000/svg"`)
	}
	for _, a := range n.attrs {
		out.WriteByte(' ')
		out.WriteString(a.name)
		out.WriteString(`="`)
		xml.EscapeText(out, []byte(a.value)) //nolint:errcheck // a bytes.Buffer does not fail
		out.WriteByte('"')
	}
	if n.text == "" && len(n.kids) == 0 {
		out.WriteString("/>")
		return
	}
	out.WriteByte('>')
	if n.text != "" {
		xml.EscapeText(out, []byte(n.text)) //nolint:errcheck
	}
	for _, k := range n.kids {
		if len(n.kids) > 1 || k.name != "tspan" {
			out.WriteByte('\n')
		}
		writeNode(out, k, false)
	}
	if len(n.kids) > 0 {
		out.WriteByte('\n')
	}
	out.WriteString("</")
	out.WriteString(n.name)
	out.WriteByte('>')
}

// stack puts charts one under another in one SVG, width w, each drawn at its own height.
func stack(charts []*node, heights []int, w int) *node {
	total := 0
	for _, h := range heights {
		total += h
	}
	root := &node{name: "svg", attrs: []attr{
		{"width", strconv.Itoa(w)}, {"height", strconv.Itoa(total)}, {"viewBox", "0 0 " + strconv.Itoa(w) + " " + strconv.Itoa(total)},
	}}
	root.kids = append(root.kids, &node{name: "rect", attrs: []attr{{"width", "100%"}, {"height", "100%"}, {"fill", "#ffffff"}}})
	y := 0
	for i, c := range charts {
		g := &node{name: "g", kids: c.kids}
		if y != 0 {
			g.attrs = []attr{{"transform", "translate(0 " + strconv.Itoa(y) + ")"}}
		}
		root.kids = append(root.kids, g)
		y += heights[i]
	}
	return root
}

// renameIDs gives the ids of a chart's tree (ECharts numbers its clip paths per process)
// fixed names with prefix, and points every url(#id) at the new names, so that output does
// not depend on what was drawn before and two charts in one file never share an id.
func renameIDs(root *node, prefix string) {
	names := map[string]string{}
	var collect func(n *node)
	collect = func(n *node) {
		for i, a := range n.attrs {
			if a.name == "id" {
				names[a.value] = prefix + strconv.Itoa(len(names))
				n.attrs[i].value = names[a.value]
			}
		}
		for _, k := range n.kids {
			collect(k)
		}
	}
	collect(root)
	var point func(n *node)
	point = func(n *node) {
		for i, a := range n.attrs {
			if strings.HasPrefix(a.value, "url(#") {
				id := strings.TrimSuffix(strings.TrimPrefix(a.value, "url(#"), ")")
				if to, ok := names[id]; ok {
					n.attrs[i].value = "url(#" + to + ")"
				} else {
					n.attrs[i].value = "none"
				}
			}
		}
		for _, k := range n.kids {
			point(k)
		}
	}
	point(root)
}

// fontShorthand splits a CSS font such as "normal bold 11px 'DejaVu Sans', sans-serif"
// into font-style, font-weight, font-size and font-family.
func fontShorthand(v string) []attr {
	fields := strings.Fields(v)
	for i, f := range fields {
		if !strings.HasSuffix(f, "px") {
			continue
		}
		out := []attr{{"font-size", f}}
		if i+1 < len(fields) {
			out = append(out, attr{"font-family", strings.Join(fields[i+1:], " ")})
		}
		for _, m := range fields[:i] {
			switch m {
			case "bold", "bolder", "600", "700", "800", "900":
				out = append(out, attr{"font-weight", "bold"})
			case "italic", "oblique":
				out = append(out, attr{"font-style", m})
			}
		}
		return out
	}
	return nil
}
