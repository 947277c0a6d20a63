package chart

// pdfColumn is one column of the PDF's table: its heading, width in millimetres and what
// a row shows in it.
type pdfColumn struct {
	head  string
	width float64
	cell  func(r *row) []cellLine
}

// cellLine is one paragraph of a cell: bold titles, grey descriptions.
type cellLine struct {
	text  string
	style string
	grey  bool
}

func plain(s string) []cellLine { return []cellLine{{text: s}} }

var pdfColumns = []pdfColumn{
	{"Date", 27, func(r *row) []cellLine {
		c := []cellLine{{text: r.Date}, {text: r.DateWords, grey: true}}
		if r.End != "" {
			c = append(c, cellLine{text: "to " + r.End}, cellLine{text: r.EndWords, grey: true})
		}
		return c
	}},
	{"Event", 56, func(r *row) []cellLine {
		c := []cellLine{{text: r.Title, style: "B"}}
		if r.Description != "" {
			c = append(c, cellLine{text: r.Description, grey: true})
		}
		if r.Notes != "" {
			c = append(c, cellLine{text: "Note: " + r.Notes})
		}
		return c
	}},
	{"Imp.", 9, func(r *row) []cellLine { return plain(itoa(r.Importance)) }},
	{"Lane", 22, func(r *row) []cellLine { return plain(r.Lane) }},
	{"Actors", 25, func(r *row) []cellLine { return plain(r.Actors) }},
	{"Tags", 19, func(r *row) []cellLine { return plain(r.Tags) }},
	{"Sources (grade)", 28, func(r *row) []cellLine {
		var c []cellLine
		for _, s := range r.Sources {
			t := s.Title
			if s.Publisher != "" {
				t += ", " + s.Publisher
			}
			if s.Date != "" {
				t += ", " + s.Date
			}
			if s.Grade != "" {
				t += " " + s.Grade
			}
			c = append(c, cellLine{text: t})
		}
		if r.MoreSources > 0 {
			c = append(c, cellLine{text: "and " + itoa(r.MoreSources) + " more", grey: true})
		}
		return c
	}},
}

func itoa(n int) string { return thousands(n) }

// table writes the events, paginated: the heading row on every page, no row split.
func (r *report) table(t *table) {
	r.pdf.AddPage()
	r.y = marginTop
	r.para("Events", 13, "B", ink)
	note := "All " + t.Total + " events of the filter, by date, then importance (5 highest), then title."
	if t.LeftOut > 0 {
		note = "The table lists the " + t.Listed + " most important of the " + t.Total + " events of the filter (importance " +
			itoa(t.Least) + " and above), by date; the " + t.Unlisted + " less important ones are counted in the charts but not listed."
	}
	r.para(note, 8, "", muted)
	r.y += 1
	r.tableHead()
	for i := range t.Rows {
		r.tableRow(&t.Rows[i])
	}
	r.grades(t)
}

func (r *report) tableHead() {
	h := tableLeading + 2
	r.pdf.SetFillColor(0xee, 0xf1, 0xf5)
	r.pdf.Rect(marginX, r.y, contentW, h, "F")
	r.pdf.SetFont(pdfFont, "B", tableSize)
	r.pdf.SetTextColor(ink[0], ink[1], ink[2])
	x := marginX
	for _, c := range pdfColumns {
		r.pdf.text(x+1, r.y+h-1.6, c.head)
		x += c.width
	}
	r.y += h
}

// tableRow writes one row, on a new page (with the heading) when it does not fit.
func (r *report) tableRow(row *row) {
	cells := make([][]string, len(pdfColumns))
	styles := make([][]cellLine, len(pdfColumns))
	lines := 1
	for i, c := range pdfColumns {
		for _, p := range c.cell(row) {
			if p.text == "" {
				continue
			}
			r.pdf.SetFont(pdfFont, p.style, tableSize)
			for _, l := range wrapPDF(r.pdf, p.text, c.width-2) {
				cells[i] = append(cells[i], l)
				styles[i] = append(styles[i], p)
			}
		}
		lines = max(lines, len(cells[i]))
	}
	h := float64(lines)*tableLeading + 2
	if r.y+h > pageH-marginBottom {
		r.pdf.AddPage()
		r.y = marginTop
		r.tableHead()
	}
	x := marginX
	for i, c := range pdfColumns {
		for j, l := range cells[i] {
			p := styles[i][j]
			r.pdf.SetFont(pdfFont, p.style, tableSize)
			if p.grey {
				r.pdf.SetTextColor(0x5b, 0x64, 0x72)
			} else {
				r.pdf.SetTextColor(ink[0], ink[1], ink[2])
			}
			r.pdf.text(x+1, r.y+1+float64(j+1)*tableLeading-0.9, l)
		}
		x += c.width
	}
	r.y += h
	r.pdf.SetDrawColor(0xd8, 0xdd, 0xe5)
	r.pdf.SetLineWidth(0.2)
	r.pdf.Line(marginX, r.y, marginX+contentW, r.y)
}

// grades explains the Admiralty scale once, after the table.
func (r *report) grades(t *table) {
	r.y += 6
	r.room(60)
	r.para("Source grades", 13, "B", ink)
	r.para("Each source is graded on the Admiralty scale: a letter for how reliable the source is, a number for how credible the information is. B2 reads “usually reliable, probably true”.", 8.5, "", ink)
	r.y += 2
	top := r.y
	for col, list := range [][]gradeLine{t.Reliability, t.Credibility} {
		r.y = top
		x := marginX + float64(col)*contentW/2
		r.pdf.SetFont(pdfFont, "B", 8.5)
		r.pdf.SetTextColor(ink[0], ink[1], ink[2])
		r.pdf.text(x, r.y+3, [2]string{"Source reliability", "Information credibility"}[col])
		r.y += 4.5
		for _, g := range list {
			r.pdf.SetFont(pdfFont, "B", 8.5)
			r.pdf.text(x, r.y+3, g.Grade)
			r.pdf.SetFont(pdfFont, "", 8.5)
			r.pdf.text(x+5, r.y+3, g.Meaning)
			r.y += 4
		}
	}
}
