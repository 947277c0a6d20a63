package chart

import (
	"bytes"
	"fmt"
	"io"
	"iter"
	"strconv"

	"github.com/chronoscope/chronoscope/timeline"
)

// drawing is an export's charts drawn by ECharts and cleaned, one under another: the
// tree an SVG is written from and a PNG or PDF is painted from.
type drawing struct {
	job     *job
	charts  []chartData
	trees   []*node // each chart, then its note when it has one
	heights []int   // of each tree, in pixels
	width   int
	height  int
}

// draw builds and draws every chart of opt.Kind.
func draw(s *summary, opt Options) (*drawing, error) {
	j, charts, err := build(s, opt)
	if err != nil {
		return nil, err
	}
	e, err := sharedEngine()
	if err != nil {
		return nil, err
	}
	d := &drawing{job: j, charts: charts, width: int(j.width)}
	for i, c := range charts {
		svg, err := e.render(c.json, c.spec.Width, c.spec.Height)
		if err != nil {
			return nil, err
		}
		tree, err := parseSVG(svg)
		if err != nil {
			return nil, err
		}
		renameIDs(tree, "c"+strconv.Itoa(i)+"-")
		d.add(tree, c.spec.Height)
		if c.spec.Note != "" {
			d.add(noteTree(c.spec.Note, j.width))
		}
	}
	return d, nil
}

func (d *drawing) add(tree *node, height int) {
	d.trees = append(d.trees, tree)
	d.heights = append(d.heights, height)
	d.height += height
}

// noteTree is a chart's note as SVG text under it, wrapped to the width.
func noteTree(note string, w float64) (*node, int) {
	lines := wrapText(note, w-24, smallSize, false, 4)
	g := &node{name: "svg"}
	for i, l := range lines {
		g.kids = append(g.kids, &node{name: "text", text: l, attrs: []attr{
			{"x", "12"}, {"y", strconv.Itoa(10 + 16*i)}, {"dominant-baseline", "central"}, {"font-size", "11px"},
			{"font-family", fontFamily}, {"fill", "#3c4656"},
		}})
	}
	return g, 16*len(lines) + 8
}

// svg is the whole drawing as one SVG tree.
func (d *drawing) svg() *node {
	return stack(d.trees, d.heights, d.width)
}

// RenderSVG writes the charts of opt.Kind as one SVG document: a vector drawing with real
// text, the charts one under another (the report's charts without its table). It is drawn
// by ECharts, the same options as the HTML page, inside the binary: no browser, no
// network. The SVG keeps only drawing elements and presentation attributes: no script, no
// event handler, no style sheet, no link and no reference outside the file, so it is safe
// to open and to paste into a document whatever the events' text.
func RenderSVG(w io.Writer, events iter.Seq[timeline.Event], opt Options) error {
	return writeSVGOf(w, collect(events), opt)
}

func writeSVGOf(w io.Writer, s *summary, opt Options) error {
	d, err := draw(s, opt)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	writeSVG(&b, d.svg())
	if _, err := w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("write the SVG: %w", err)
	}
	return nil
}
