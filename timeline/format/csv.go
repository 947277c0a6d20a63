package format

import (
	"encoding/csv"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/chronoscope/chronoscope/timeline"
)

// The native CSV has one event a row. Its columns, in any order and with header names
// matched without regard to case (spaces and dashes count as underscores), are:
//
//	id, title, start, end, lane, actors, tags, location, lat, lon, description, importance,
//	notes, source, source_url, source_publisher, source_date, source_quote, reliability,
//	credibility, source_id, source_2, source_2_url, source_2_publisher, ...,
//	source_2_reliability, source_2_credibility, source_2_id, source_3, ...
//	created, updated, attr:KEY ...
//
// Only title and start are required. Dates are EDTF. actors and tags hold several names
// separated by ";" (written "; "); a ";" inside a name is written "\;" and a backslash
// "\\" (any other backslash is kept as it is). The first source fills the columns named in
// the design (source is its title); each later source gets a numbered group of eight
// columns, so a spreadsheet shows one source's title, address, publisher, date, quote,
// grade and id side by side. notes is the analyst's note on the event.
//
// Sources are shared by the events of a case: a source group is one citation, which
// repeats its shared source's fields and names it in source_id (source_N_id), the same
// id in every row that cites it; the quote is the citation's own. Reading a file, the
// citations of one id are one shared source (when they disagree, the last row read gives
// its fields), and a citation with no id is matched to a source with exactly the same
// fields. The case's notes page has no place in a CSV (one event a row): the native JSON
// keeps it. created and updated are RFC 3339 times. Each attribute is a column
// "attr:KEY", the key kept as written after the colon; a column with any other name is
// kept as the attribute of that name. Cells that a spreadsheet would run as a formula are
// written with an apostrophe before them, and a CR before an LF inside a cell is written
// twice, as the package documentation says; the reader undoes both exactly.
var nativeColumns = []string{"id", "title", "start", "end", "lane", "actors", "tags", "location",
	"lat", "lon", "description", "importance", "notes"}

// sourceParts are the parts of a source group, in column order.
var sourceParts = []string{"", "url", "publisher", "date", "quote", "reliability", "credibility", "id"}

// maxSourceColumns bounds the source groups a header may name.
const maxSourceColumns = 200

type nativeCols struct {
	fixed   map[string]int // nativeColumns plus created, updated -> index
	sources [][8]int       // per group, per sourcePart, the index or -1
	attrs   []attrCol
}

type attrCol struct {
	i   int
	key string
}

// sourceHeader reads a normalized header such as source, source_url, reliability,
// source_2, source_2_credibility into its group (1-based) and part.
func sourceHeader(k string) (n, part int, ok bool) {
	switch k {
	case "reliability":
		return 1, 5, true
	case "credibility":
		return 1, 6, true
	}
	rest, found := strings.CutPrefix(k, "source")
	if !found {
		return 0, 0, false
	}
	n = 1
	if len(rest) > 1 && rest[0] == '_' && rest[1] >= '0' && rest[1] <= '9' {
		j := 1
		n = 0
		for j < len(rest) && rest[j] >= '0' && rest[j] <= '9' {
			n = n*10 + int(rest[j]-'0')
			if n > maxSourceColumns {
				return 0, 0, false
			}
			j++
		}
		rest = rest[j:]
		if n < 1 {
			return 0, 0, false
		}
	}
	switch rest {
	case "", "_title":
		return n, 0, true
	}
	for p := 1; p < len(sourceParts); p++ {
		if rest == "_"+sourceParts[p] {
			return n, p, true
		}
	}
	return 0, 0, false
}

// sourceColumn is the header of part p of source group n.
func sourceColumn(n, p int) string {
	if n == 1 {
		switch p {
		case 0:
			return "source"
		case 5, 6:
			return sourceParts[p]
		}
		return "source_" + sourceParts[p]
	}
	s := "source_" + strconv.Itoa(n)
	if p > 0 {
		s += "_" + sourceParts[p]
	}
	return s
}

func (t *table) nativeColumns() (*nativeCols, error) {
	c := &nativeCols{fixed: map[string]int{}}
	known := map[string]string{"latitude": "lat", "longitude": "lon", "lng": "lon", "created": "created", "updated": "updated"}
	for _, k := range nativeColumns {
		known[k] = k
	}
	for i, k := range t.keys {
		h := t.header[i]
		if k == skipKey {
			continue
		}
		if len(h) >= 5 && strings.EqualFold(h[:5], "attr:") {
			// The key is kept as written, spaces and all: it is the writer's own.
			c.attrs = append(c.attrs, attrCol{i, strings.TrimLeftFunc(t.raw[i], unicode.IsSpace)[5:]})
			continue
		}
		if f, ok := known[k]; ok {
			if _, dup := c.fixed[f]; dup {
				return nil, t.duplicate(i, f)
			}
			c.fixed[f] = i
			continue
		}
		if n, p, ok := sourceHeader(k); ok {
			for len(c.sources) < n {
				c.sources = append(c.sources, [8]int{-1, -1, -1, -1, -1, -1, -1, -1})
			}
			if c.sources[n-1][p] >= 0 {
				return nil, t.duplicate(i, sourceColumn(n, p))
			}
			c.sources[n-1][p] = i
			continue
		}
		if h != "" {
			c.attrs = append(c.attrs, attrCol{i, h})
		}
	}
	for _, need := range []string{"title", "start"} {
		if _, ok := c.fixed[need]; !ok {
			return nil, t.s.errAt(1, need, "the header has no %s column (found: %s)", need, strings.Join(t.header, ", "))
		}
	}
	return c, nil
}

func (c *nativeCols) col(name string) int {
	if i, ok := c.fixed[name]; ok {
		return i
	}
	return -1
}

// readSources reads the current row's sources into e, and appends the source group of
// each to groups.
func (c *nativeCols) readSources(t *table, e *timeline.Event, groups []int) ([]int, error) {
	for g, cols := range c.sources {
		var src timeline.Source
		var err error
		src.Title, src.URL, src.Publisher = t.cell(cols[0]), t.cell(cols[1]), t.cell(cols[2])
		src.Date, src.Quote, src.Reliability = t.cell(cols[3]), t.cell(cols[4]), t.cell(cols[5])
		src.ID = t.cell(cols[7])
		if src.Credibility, err = t.int(cols[6], "a whole number from 1 to 6"); err != nil {
			return groups, err
		}
		if src != (timeline.Source{}) {
			e.Sources = append(e.Sources, src)
			groups = append(groups, g)
		}
	}
	return groups, nil
}

// column names the column of the file a field of timeline.FieldError comes from; groups
// holds the source group of each of the event's sources.
func (c *nativeCols) column(t *table, groups []int, field string) string {
	if n, sub, ok := sourceField(field); ok && n <= len(groups) {
		g := groups[n-1]
		for p, name := range sourceParts {
			if name == sub || (p == 0 && sub == "title") {
				if i := c.sources[g][p]; i >= 0 {
					return t.name(i)
				}
				return sourceColumn(g+1, p)
			}
		}
	}
	if key, ok := strings.CutPrefix(field, "attr:"); ok {
		for _, a := range c.attrs {
			if a.key == key {
				return t.name(a.i)
			}
		}
	}
	var i int
	switch field {
	case "latitude":
		i = c.col("lat")
	case "longitude":
		i = c.col("lon")
	default:
		i = c.col(field)
	}
	if i < 0 {
		return field
	}
	return t.name(i)
}

func readCSV(r io.Reader, s *sink) (timeline.CaseInfo, error) {
	t, err := openTable(r, s)
	if err != nil {
		return timeline.CaseInfo{}, err
	}
	t.plain = true
	return readRows(t, s)
}

// readRows reads the events of a table whose header is read: a CSV file or a sheet of a
// workbook, with the native columns or mapped ones (mapColumns).
func readRows(t *table, s *sink) (timeline.CaseInfo, error) {
	if err := t.mapColumns(s.opt); err != nil {
		return timeline.CaseInfo{}, err
	}
	c, err := t.nativeColumns()
	if err != nil {
		return timeline.CaseInfo{}, err
	}
	var (
		id, title, start, end   = c.col("id"), c.col("title"), c.col("start"), c.col("end")
		lane, actors, tags, loc = c.col("lane"), c.col("actors"), c.col("tags"), c.col("location")
		lat, lon, desc, imp     = c.col("lat"), c.col("lon"), c.col("description"), c.col("importance")
		notes                   = c.col("notes")
		created, updated        = c.col("created"), c.col("updated")
		groups                  []int // the source group of each of e.Sources
	)
	column := func(field string) string { return c.column(t, groups, field) }
	for {
		more, err := t.next()
		if err != nil || !more {
			return timeline.CaseInfo{}, err
		}
		e := timeline.Event{
			ID: t.cell(id), Title: t.cell(title), Lane: t.cell(lane), Description: t.cell(desc), Notes: t.cell(notes),
			Actors: t.list(actors), Tags: t.list(tags),
			Location: timeline.Location{Name: t.cell(loc)},
		}
		if e.Start, e.End, err = t.span(start, end); err != nil {
			return timeline.CaseInfo{}, err
		}
		if e.Location.Lat, err = t.float(lat); err != nil {
			return timeline.CaseInfo{}, err
		}
		if e.Location.Lon, err = t.float(lon); err != nil {
			return timeline.CaseInfo{}, err
		}
		if e.Importance, err = t.int(imp, "a whole number from 1 to 5"); err != nil {
			return timeline.CaseInfo{}, err
		}
		if e.Created, err = t.time(created); err != nil {
			return timeline.CaseInfo{}, err
		}
		if e.Updated, err = t.time(updated); err != nil {
			return timeline.CaseInfo{}, err
		}
		if groups, err = c.readSources(t, &e, groups[:0]); err != nil {
			return timeline.CaseInfo{}, err
		}
		for _, a := range c.attrs {
			if v := t.cell(a.i); v != "" {
				if e.Attrs == nil {
					e.Attrs = map[string]string{}
				}
				e.Attrs[a.key] = v
			}
		}
		if err := s.add(&e, t.line, column); err != nil {
			return timeline.CaseInfo{}, err
		}
	}
}

// nativeSheet is the native CSV's layout for a document: its header, which columns
// hold only numbers, and each event's row in it.
type nativeSheet struct {
	header []string
	number []bool
	nsrc   int  // source groups
	stamps bool // created and updated columns
	attrs  []string
}

func newNativeSheet(doc Document) *nativeSheet {
	ns := &nativeSheet{nsrc: 1}
	keys := map[string]bool{}
	for _, e := range doc.Events {
		ns.nsrc = max(ns.nsrc, len(e.Sources))
		ns.stamps = ns.stamps || !e.Created.IsZero() || !e.Updated.IsZero()
		for k := range e.Attrs {
			keys[k] = true
		}
	}
	for k := range keys {
		ns.attrs = append(ns.attrs, k)
	}
	sort.Strings(ns.attrs)
	ns.header = append([]string(nil), nativeColumns...)
	ns.number = make([]bool, len(ns.header))
	for _, k := range []string{"lat", "lon", "importance"} {
		ns.number[slices.Index(nativeColumns, k)] = true
	}
	for n := 1; n <= ns.nsrc; n++ {
		for p := range sourceParts {
			ns.header = append(ns.header, sourceColumn(n, p))
			ns.number = append(ns.number, sourceParts[p] == "credibility")
		}
	}
	if ns.stamps {
		ns.header = append(ns.header, "created", "updated")
	}
	for _, k := range ns.attrs {
		ns.header = append(ns.header, "attr:"+k)
	}
	return ns
}

// row appends the cells of e to row[:0].
func (ns *nativeSheet) row(row []string, e timeline.Event) []string {
	row = append(row[:0], e.ID, e.Title, e.Start.Text, e.End.Text, e.Lane,
		joinList(e.Actors), joinList(e.Tags), e.Location.Name,
		formatFloat(e.Location.Lat), formatFloat(e.Location.Lon), e.Description, formatInt(e.Importance), e.Notes)
	for n := 0; n < ns.nsrc; n++ {
		var s timeline.Source
		if n < len(e.Sources) {
			s = e.Sources[n]
		}
		row = append(row, s.Title, s.URL, s.Publisher, s.Date, s.Quote, s.Reliability, formatInt(s.Credibility), s.ID)
	}
	if ns.stamps {
		row = append(row, formatTime(e.Created), formatTime(e.Updated))
	}
	for _, k := range ns.attrs {
		row = append(row, e.Attrs[k])
	}
	return row
}

// writeCSV writes the native CSV described at nativeColumns, with a UTF-8 byte order mark
// so that spreadsheet programs read non-Latin text correctly.
func writeCSV(w io.Writer, doc Document) error {
	ns := newNativeSheet(doc)
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return err
	}
	cw := &safeWriter{cw: csv.NewWriter(w), number: ns.number}
	if err := cw.write(ns.header, true); err != nil {
		return err
	}
	row := make([]string, len(ns.header))
	for _, e := range doc.Events {
		row = ns.row(row, e)
		if err := cw.write(row, false); err != nil {
			return err
		}
	}
	cw.cw.Flush()
	return cw.cw.Error()
}

func formatFloat(f *float64) string {
	if f == nil {
		return ""
	}
	return strconv.FormatFloat(*f, 'f', -1, 64)
}

func formatInt(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

func formatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.RFC3339Nano)
}
