package chart

import (
	"fmt"
	"image/color"
	"io"
	"iter"
	"math"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"github.com/go-fonts/dejavu/dejavusans"
	"github.com/go-fonts/dejavu/dejavusansbold"
	"github.com/tdewolff/canvas"

	"github.com/chronoscope/chronoscope/timeline"
)

// The PDF's page: A4 portrait, in millimetres.
const (
	pageW, pageH            = 210.0, 297.0
	marginX, marginTop      = 12.0, 18.0
	marginBottom            = 16.0
	contentW                = pageW - 2*marginX
	mmPerPt                 = 25.4 / 72
	pdfFont                 = "dejavu"
	tableSize, tableLeading = 7.5, 3.4 // points, millimetres
)

// RenderPDF writes opt.Kind as a PDF (with go-pdf/fpdf): for the report, the case, its
// description, the filter in words, every chart, the table of events and the grading
// scale; for one kind, its chart. Charts are vectors, drawn from the same ECharts SVG as
// the SVG export, and all text is text (DejaVu Sans and the system's TrueType CJK fonts,
// embedded; see pdfDoc.text), so it can be searched and
// copied. Each page has a header with the case's name and the marking, and a page number.
// The table is split across pages with its header repeated; a row is never split.
func RenderPDF(w io.Writer, events iter.Seq[timeline.Event], opt Options) error {
	return writePDF(w, collect(events), opt)
}

func writePDF(w io.Writer, s *summary, opt Options) error {
	d, err := draw(s, opt)
	if err != nil {
		return err
	}
	doc := newPDF(d.job)
	r := &report{pdf: doc, d: d}
	r.cover()
	for i := range d.trees {
		r.chart(i)
	}
	if d.job.opt.Kind == KindReport {
		r.table(newTable(d.job.s))
	}
	if err := doc.Output(w); err != nil {
		return fmt.Errorf("write the PDF: %w", err)
	}
	return nil
}

func newPDF(j *job) *pdfDoc {
	doc := &pdfDoc{Fpdf: fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "mm", Size: fpdf.SizeType{Wd: pageW, Ht: pageH}}), fonts: map[string]bool{pdfFont: true}}
	doc.SetCatalogSort(true) // the same bytes for the same charts
	stamp := j.opt.Generated
	if stamp.IsZero() {
		stamp = time.Unix(0, 0)
	}
	doc.SetCreationDate(stamp.UTC())
	doc.SetModificationDate(stamp.UTC())
	doc.SetProducer("Chronoscope", false)
	doc.SetTitle(reportTitle(j), true)
	doc.AddUTF8FontFromBytes(pdfFont, "", dejavusans.TTF)
	doc.AddUTF8FontFromBytes(pdfFont, "B", dejavusansbold.TTF)
	doc.SetMargins(marginX, marginTop, marginX)
	doc.SetAutoPageBreak(false, marginBottom)
	doc.AliasNbPages("{nb}")
	name := clip(strings.TrimSpace(j.opt.Case.Name), 120)
	marking := clip(strings.TrimSpace(j.opt.Marking), 80)
	doc.SetHeaderFuncMode(func() {
		doc.SetFont(pdfFont, "", 8)
		doc.SetTextColor(0x3c, 0x46, 0x56)
		doc.text(marginX, 10, fitPDF(doc, name, contentW*0.6))
		if marking != "" {
			doc.SetFont(pdfFont, "B", 8)
			doc.SetTextColor(0x8a, 0x1c, 0x1c)
			doc.text(pageW-marginX-doc.width(marking), 10, marking)
		}
		doc.SetDrawColor(0xd8, 0xdd, 0xe5)
		doc.SetLineWidth(0.2)
		doc.Line(marginX, 12, pageW-marginX, 12)
		doc.SetY(marginTop)
	}, false)
	doc.SetFooterFunc(func() {
		doc.SetFont(pdfFont, "", 7)
		doc.SetTextColor(0x5b, 0x64, 0x72)
		page := fmt.Sprintf("Page %d of {nb}", doc.PageNo())
		doc.text(pageW-marginX-doc.width(fmt.Sprintf("Page %d of %d", doc.PageNo(), doc.PageNo())), pageH-8, page)
		if marking != "" {
			doc.SetFont(pdfFont, "B", 7)
			doc.SetTextColor(0x8a, 0x1c, 0x1c)
			doc.text((pageW-doc.width(marking))/2, pageH-8, marking)
		}
	})
	return doc
}

func reportTitle(j *job) string {
	t := kindHeading(j.opt.Kind)
	if name := strings.TrimSpace(j.opt.Case.Name); name != "" {
		t = clip(name, 200) + " — " + t
	}
	return t
}

// fitPDF shortens s with an ellipsis to fit w millimetres in the current font.
func fitPDF(doc *pdfDoc, s string, w float64) string {
	if doc.width(s) <= w {
		return s
	}
	r := []rune(s)
	for len(r) > 0 && doc.width(string(r)+"…") > w {
		r = r[:len(r)-1]
	}
	return string(r) + "…"
}

// report lays out the PDF's pages top to bottom.
type report struct {
	pdf *pdfDoc
	d   *drawing
	y   float64
}

// room starts a new page unless h millimetres fit under y.
func (r *report) room(h float64) {
	if r.pdf.PageNo() == 0 || r.y+h > pageH-marginBottom {
		r.pdf.AddPage()
		r.y = marginTop
	}
}

// para writes wrapped text at size points, words never broken.
func (r *report) para(s string, size float64, style string, rgb [3]int) {
	r.pdf.SetFont(pdfFont, style, size)
	r.pdf.SetTextColor(rgb[0], rgb[1], rgb[2])
	lead := size * mmPerPt * 1.35
	for _, line := range wrapPDF(r.pdf, s, contentW) {
		r.room(lead)
		r.pdf.text(marginX, r.y+size*mmPerPt, line)
		r.y += lead
	}
}

var (
	ink   = [3]int{0x1d, 0x24, 0x30}
	muted = [3]int{0x3c, 0x46, 0x56}
)

// cover is the first page's head: title, description and facts.
func (r *report) cover() {
	j := r.d.job
	r.room(0)
	r.para(reportTitle(j), 16, "B", ink)
	r.y += 2
	if j.opt.Kind == KindReport {
		if desc := strings.TrimSpace(j.opt.Case.Description); desc != "" {
			r.para(clip(desc, 4000), 9.5, "", ink)
			r.y += 1.5
		}
		if notes := strings.TrimSpace(j.opt.Case.Notes); notes != "" {
			r.para("Case notes", 9.5, "B", ink)
			r.para(clip(notes, 20000), 9.5, "", ink)
			r.y += 1.5
		}
	}
	for _, f := range facts(j.s, j.opt, j.opt.Kind == KindReport) {
		r.para(f.Name+": "+f.Value, 9, "", muted)
	}
	if !j.opt.Generated.IsZero() {
		r.para("Generated: "+j.opt.Generated.UTC().Format("2 Jan 2006 15:04 UTC"), 9, "", muted)
	}
	r.y += 4
}

// chart draws chart i as vectors across the page's width.
func (r *report) chart(i int) {
	k := contentW / float64(r.d.width)
	h := float64(r.d.heights[i]) * k
	if h > pageH-marginTop-marginBottom { // taller than a page: shrink it to fit
		k *= (pageH - marginTop - marginBottom) / h
		h = pageH - marginTop - marginBottom
	}
	if i > 0 && r.d.trees[i].get("viewBox") == "" { // a note keeps to its chart
		r.y -= 5
	}
	r.room(h)
	newPainter(&pdfSurface{pdf: r.pdf, x: marginX, y: r.y, k: k}).paint(r.d.trees[i], 0, 0)
	r.y += h + 6
}

// wrapPDF breaks s into lines at most w millimetres wide in the current font, at spaces
// only; a word wider than a line is shortened with an ellipsis, never broken.
func wrapPDF(doc *pdfDoc, s string, w float64) []string {
	var lines []string
	for _, para := range strings.Split(s, "\n") {
		line := ""
		for _, word := range splitSpaces(para) {
			try := word
			if line != "" {
				try = line + " " + word
			}
			if doc.width(try) <= w {
				line = try
				continue
			}
			if line != "" {
				lines = append(lines, line)
			}
			line = fitPDF(doc, word, w)
		}
		lines = append(lines, line)
	}
	return lines
}

// pdfSurface draws chart pixels onto a PDF page: (x, y) in millimetres is the chart's
// top-left corner, k millimetres a pixel.
type pdfSurface struct {
	pdf     *pdfDoc
	x, y, k float64
}

func (s *pdfSurface) pt(p canvas.Point) (float64, float64) { return s.x + p.X*s.k, s.y + p.Y*s.k }

// path sends a canvas path to the PDF, arcs turned into Bézier curves.
func (s *pdfSurface) path(p *canvas.Path) {
	sc := p.ReplaceArcs().Scanner()
	for sc.Scan() {
		switch sc.Cmd() {
		case canvas.MoveToCmd:
			s.pdf.MoveTo(s.pt(sc.End()))
		case canvas.LineToCmd:
			s.pdf.LineTo(s.pt(sc.End()))
		case canvas.QuadToCmd:
			cx, cy := s.pt(sc.CP1())
			x, y := s.pt(sc.End())
			s.pdf.CurveTo(cx, cy, x, y)
		case canvas.CubeToCmd:
			c0x, c0y := s.pt(sc.CP1())
			c1x, c1y := s.pt(sc.CP2())
			x, y := s.pt(sc.End())
			s.pdf.CurveBezierCubicTo(c0x, c0y, c1x, c1y, x, y)
		case canvas.CloseCmd:
			s.pdf.ClosePath()
		}
	}
}

func (s *pdfSurface) fill(p *canvas.Path, c color.RGBA, g *gradient) {
	if g != nil && len(g.stops) > 1 {
		b := p.Bounds()
		a, z := g.stops[0].c, g.stops[len(g.stops)-1].c
		x0, y0 := s.pt(canvas.Point{X: b.X0, Y: b.Y0})
		w, h := b.W()*s.k, b.H()*s.k
		rel := func(v, lo, size float64) float64 {
			if size == 0 {
				return 0
			}
			return (v - lo) / size
		}
		s.pdf.LinearGradient(x0, y0, w, h, int(a.R), int(a.G), int(a.B), int(z.R), int(z.G), int(z.B),
			rel(g.x1, b.X0, b.W()), rel(g.y1, b.Y0, b.H()), rel(g.x2, b.X0, b.W()), rel(g.y2, b.Y0, b.H()))
		return
	}
	s.pdf.SetFillColor(int(c.R), int(c.G), int(c.B))
	s.pdf.SetAlpha(float64(c.A)/255, "Normal")
	s.path(p)
	s.pdf.DrawPath("F")
	s.pdf.SetAlpha(1, "Normal")
}

func (s *pdfSurface) stroke(p *canvas.Path, c color.RGBA, width float64, dash []float64, capStyle, join string) {
	s.pdf.SetDrawColor(int(c.R), int(c.G), int(c.B))
	s.pdf.SetAlpha(float64(c.A)/255, "Normal")
	s.pdf.SetLineWidth(width * s.k)
	d := make([]float64, len(dash))
	for i, v := range dash {
		d[i] = v * s.k
	}
	s.pdf.SetDashPattern(d, 0)
	s.pdf.SetLineCapStyle(oneOf(capStyle, "butt", "round", "square"))
	s.pdf.SetLineJoinStyle(oneOf(join, "miter", "round", "bevel"))
	s.path(p)
	s.pdf.DrawPath("D")
	s.pdf.SetDashPattern(nil, 0)
	s.pdf.SetAlpha(1, "Normal")
}

// oneOf is v when it is one of names, else def.
func oneOf(v, def string, names ...string) string {
	for _, n := range names {
		if v == n {
			return v
		}
	}
	return def
}

// text writes real text; a rotated transform (an axis name) turns it. Halos are left out:
// on paper a label sits on white, and no mark is ever under it.
func (s *pdfSurface) text(str string, x, y, size float64, isBold bool, c color.RGBA, _ *halo, m canvas.Matrix) {
	style := ""
	if isBold {
		style = "B"
	}
	scale := scaleOf(m)
	s.pdf.SetFont(pdfFont, style, size*scale*s.k/mmPerPt)
	s.pdf.SetTextColor(int(c.R), int(c.G), int(c.B))
	s.pdf.SetAlpha(float64(c.A)/255, "Normal")
	px, py := s.pt(m.Dot(canvas.Point{X: x, Y: y}))
	if angle := math.Atan2(m[1][0], m[0][0]) * 180 / math.Pi; math.Abs(angle) > 0.01 {
		s.pdf.TransformBegin()
		s.pdf.TransformRotate(-angle, px, py)
		s.pdf.text(px, py, str)
		s.pdf.TransformEnd()
	} else {
		s.pdf.text(px, py, str)
	}
	s.pdf.SetAlpha(1, "Normal")
}
