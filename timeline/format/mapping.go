package format

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/chronoscope/chronoscope/timeline"
)

// Options say how to read a spreadsheet whose columns are not Chronoscope's own (a CSV
// file or an Excel workbook): the roles the analyst chose, the order of its numeric
// dates, and the sheet of a workbook. The zero Options guess everything.
type Options struct {
	// Map gives columns their roles by header (matched without regard to case or the
	// spaces around it), over the guess: {"Event": "title", "Date": "start"}. A role
	// given to one column is taken from the column the guess gave it to.
	Map map[string]Role
	// MapExact refuses a Map that names a header no column has, or gives a role a second
	// column (the command line's --map, typed by hand); without it such a choice is
	// passed over (a mapping the window kept from an earlier file).
	MapExact bool
	// Order is the order of day, month and year in dates written in numbers only;
	// OrderUnknown lets the dates settle it (a day above 12), else reads day first and
	// says so (Layout.Ambiguous).
	Order timeline.DateOrder
	// Sheet is the workbook's sheet to read; "" is the first.
	Sheet string
}

// Layout is how a spreadsheet's columns are read: each column's role and why, and the
// order of its numeric dates. Read and Scan give it in Document.Layout.
type Layout struct {
	Columns []Column
	// Native: the header is Chronoscope's own (title and start by name) and no role was
	// chosen, so the columns are read as the native CSV's.
	Native bool
	Order  timeline.DateOrder // the order numeric dates are read in
	// OrderBy says where the order comes from: "chosen", "the dates" (one of them
	// settles it), "assumed" (none does: read day first), or "" (no numeric dates).
	OrderBy string
	// Ambiguous: numeric dates that could be read either way (05/09/2023) were found,
	// and no order was chosen.
	Ambiguous bool
	Sheet     string   // the sheet of a workbook read
	Sheets    []string // every sheet of a workbook
	Encoding  string   // the encoding of a CSV file that is not UTF-8 ("Windows-1252")
	Comma     rune     // what separates the cells of a CSV file (',', ';' or a tab)
}

// Column is one column of a spreadsheet as Layout reads it.
type Column struct {
	Header string // as written; a column with no header is named "column N"
	Role   Role
	// By says how the role was found: "chosen" (Options.Map), "header" (its name),
	// "content" (what its cells hold) or "" (nothing: kept as an attribute).
	By     string
	Sample []string // its first few cells that are not empty
}

// sampleRows is how many rows of a spreadsheet the guess looks at.
const sampleRows = 200

// ParseMap reads the roles given on the command line, role=Header pairs separated by
// commas: "title=Event,start=Date,description=Notes". A header may hold spaces; a
// comma inside one is written twice.
func ParseMap(s string) (map[string]Role, error) {
	out := map[string]Role{}
	for _, pair := range splitPairs(s) {
		pair = strings.TrimSpace(pair)
		if pair == "" {
			continue
		}
		role, header, ok := strings.Cut(pair, "=")
		r := Role(strings.ToLower(strings.TrimSpace(role)))
		if !ok || strings.TrimSpace(header) == "" {
			return nil, fmt.Errorf("%q is not role=Header (such as title=Event)", pair)
		}
		if !validRole(r) {
			return nil, fmt.Errorf("%q is not a role: use %s", role, roleList())
		}
		key := strings.ToLower(strings.TrimSpace(header))
		if prev, dup := out[key]; dup && prev != r {
			return nil, fmt.Errorf("the column %q is given two roles, %s and %s", strings.TrimSpace(header), prev, r)
		}
		out[key] = r
	}
	return out, nil
}

// splitPairs cuts s at single commas; a doubled comma is a comma of a header.
func splitPairs(s string) []string {
	var out []string
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == ',' {
			if i+1 < len(s) && s[i+1] == ',' {
				b.WriteByte(',')
				i++
				continue
			}
			out = append(out, b.String())
			b.Reset()
			continue
		}
		b.WriteByte(s[i])
	}
	return append(out, b.String())
}

func roleList() string {
	names := make([]string, len(Roles))
	for i, r := range Roles {
		names[i] = string(r)
	}
	return strings.Join(names, ", ")
}

// MapText writes the roles of l as ParseMap reads them, the columns kept as attributes
// left out: "title=Event,start=Date".
func (l Layout) MapText() string {
	var parts []string
	for _, c := range l.Columns {
		if c.Role != RoleAttr {
			parts = append(parts, string(c.Role)+"="+strings.ReplaceAll(c.Header, ",", ",,"))
		}
	}
	return strings.Join(parts, ",")
}

// Map is the roles of l by header, as Options.Map takes them back.
func (l Layout) Map() map[string]Role {
	m := map[string]Role{}
	for _, c := range l.Columns {
		m[strings.ToLower(strings.TrimSpace(c.Header))] = c.Role
	}
	return m
}

// Role returns the role of the column with header h, or "".
func (l Layout) Role(h string) Role {
	for _, c := range l.Columns {
		if strings.EqualFold(strings.TrimSpace(c.Header), strings.TrimSpace(h)) {
			return c.Role
		}
	}
	return ""
}

// Own reports whether a file read as doc in format f is Chronoscope's own: native JSON,
// or a spreadsheet with the native columns. Its events carry the ids they had, so they
// update the case's rather than repeat them.
func Own(f Format, doc Document) bool {
	switch f {
	case JSON:
		return true
	case CSV, XLSX:
		return doc.Layout != nil && doc.Layout.Native
	}
	return false
}

// chosenTaken checks that each role chosen in m (by lower-case header, as ParseMap gives
// them) went to its column: a header the file lacks (mistyped) or a second column for a
// role one column takes is refused, rather than the file read as guessed.
func (l *Layout) chosenTaken(m map[string]Role) error {
	for _, h := range slices.Sorted(maps.Keys(m)) {
		at := -1
		for i, c := range l.Columns {
			if strings.ToLower(strings.TrimSpace(c.Header)) == h {
				at = i
			}
		}
		switch {
		case at < 0:
			headers := make([]string, len(l.Columns))
			for i, c := range l.Columns {
				headers[i] = c.Header
			}
			return fmt.Errorf("%s chosen for %q: the file has no such column (the columns are %s)", m[h], h, strings.Join(headers, ", "))
		case l.Columns[at].By != "chosen":
			return fmt.Errorf("%s chosen for %q: another column is chosen for it, and a role goes to one column", m[h], h)
		}
	}
	return nil
}

// guessLayout gives each column of a spreadsheet a role: the one chosen in opt.Map,
// else the one its header names, else the one its cells suggest (dates, addresses,
// coordinates, the text that reads as a title or a description), else RoleAttr. Each
// role but RoleAttr and RoleSkip goes to one column at most: the first that claims it,
// a chosen role before a guessed one.
func guessLayout(headers []string, rows [][]string, opt Options) Layout {
	l := Layout{Columns: make([]Column, len(headers))}
	for i, h := range headers {
		l.Columns[i] = Column{Header: h, Role: RoleAttr}
		for _, row := range rows {
			if i < len(row) && strings.TrimSpace(row[i]) != "" && len(l.Columns[i].Sample) < 5 {
				l.Columns[i].Sample = append(l.Columns[i].Sample, strings.TrimSpace(row[i]))
			}
		}
	}
	taken := map[Role]bool{}
	claim := func(i int, r Role, by string) {
		if r == "" || l.Columns[i].By != "" || (taken[r] && r != RoleAttr && r != RoleSkip) {
			return
		}
		l.Columns[i].Role, l.Columns[i].By = r, by
		taken[r] = true
	}
	for i, h := range headers {
		if r, ok := opt.Map[strings.ToLower(strings.TrimSpace(h))]; ok {
			claim(i, r, "chosen")
		}
	}
	for i, h := range headers {
		claim(i, roleOfHeader(h), "header")
	}
	kinds := make([]cellKind, len(headers))
	for i := range headers {
		kinds[i] = cellsKind(column(rows, i), opt.Order)
	}
	for i, k := range kinds {
		switch {
		case k.dates:
			if !taken["start"] {
				claim(i, "start", "content")
			} else {
				claim(i, "end", "content")
			}
		case k.urls:
			claim(i, "source_url", "content")
		}
	}
	guessCoordinates(&l, kinds, claim)
	guessText(&l, kinds, claim, taken)
	return l
}

// guessCoordinates gives lat and lon to two columns side by side of decimal numbers
// that can be a latitude and a longitude.
func guessCoordinates(l *Layout, kinds []cellKind, claim func(int, Role, string)) {
	for i := 0; i+1 < len(kinds); i++ {
		a, b := kinds[i], kinds[i+1]
		if a.coord && b.coord && a.maxAbs <= 90 && l.Columns[i].By == "" && l.Columns[i+1].By == "" {
			claim(i, "lat", "content")
			claim(i+1, "lon", "content")
			return
		}
	}
}

// guessText gives the title, when no header named one, to the text column that reads
// most like titles (nearly all different, the shorter first), and the description to
// the one with the longest text.
func guessText(l *Layout, kinds []cellKind, claim func(int, Role, string), taken map[Role]bool) {
	best, bestScore := -1, 0.0
	long, longest := -1, 0.0
	for i, k := range kinds {
		if l.Columns[i].By != "" || !k.text {
			continue
		}
		if s := k.distinct - k.avgLen/1000; k.avgLen >= 3 && k.avgLen <= 160 && s > bestScore {
			best, bestScore = i, s
		}
		if k.avgLen > longest {
			long, longest = i, k.avgLen
		}
	}
	if !taken["title"] && best >= 0 {
		claim(best, "title", "content")
	}
	if !taken["description"] && long >= 0 && long != best && longest >= 40 {
		claim(long, "description", "content")
	}
}

// cellKind is what the cells of a column hold, from a sample.
type cellKind struct {
	dates, urls, coord, text bool
	maxAbs                   float64 // the largest absolute value of a numeric column
	avgLen                   float64 // the mean length of its cells, in characters
	distinct                 float64 // the share of its cells that differ
}

// column is the non-empty cells of column i of rows.
func column(rows [][]string, i int) []string {
	var out []string
	for _, r := range rows {
		if i < len(r) {
			if v := strings.TrimSpace(r[i]); v != "" {
				out = append(out, v)
			}
		}
	}
	return out
}

// cellsKind says what cells hold: dates when at least four in five read as dates, and so
// for addresses and numbers; text otherwise.
func cellsKind(cells []string, order timeline.DateOrder) cellKind {
	var k cellKind
	if len(cells) == 0 {
		return k
	}
	var dates, urls, nums, decimals, total int
	seen := map[string]bool{}
	for _, v := range cells {
		seen[v] = true
		total += utf8.RuneCountInString(v)
		if f, err := strconv.ParseFloat(v, 64); err == nil {
			nums++
			k.maxAbs = max(k.maxAbs, abs(f))
			if strings.Contains(v, ".") {
				decimals++
			}
			continue
		}
		if strings.HasPrefix(v, "http://") || strings.HasPrefix(v, "https://") || strings.HasPrefix(v, "www.") {
			urls++
			continue
		}
		if _, err := timeline.ReadDate(v, timeline.ReadOptions{Order: order}); err == nil {
			dates++
		}
	}
	n := len(cells)
	mostly := func(m int) bool { return 5*m >= 4*n }
	k.dates = mostly(dates) && dates > 0
	k.urls = mostly(urls) && urls > 0
	k.coord = mostly(decimals) && decimals > 0 && k.maxAbs <= 180
	k.text = !k.dates && !k.urls && !mostly(nums)
	k.avgLen = float64(total) / float64(n)
	k.distinct = float64(len(seen)) / float64(n)
	return k
}

func abs(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}

// settleOrder finds the order of the numeric dates in the date columns of rows: the one
// chosen, else the one a date settles (13/09/2023), else day first, assumed. Dates that
// settle both orders leave the order unknown for the reader to refuse, with the lines.
func (l *Layout) settleOrder(rows [][]string, lines []int, chosen timeline.DateOrder) error {
	if chosen != timeline.OrderUnknown {
		l.Order, l.OrderBy = chosen, "chosen"
		return nil
	}
	first := map[timeline.DateOrder]string{}
	numeric := false
	for r, row := range rows {
		for i, c := range l.Columns {
			if (c.Role != "start" && c.Role != "end") || i >= len(row) {
				continue
			}
			v := strings.TrimSpace(row[i])
			o, isNumeric := timeline.NumericOrder(v)
			numeric = numeric || isNumeric
			if o == timeline.OrderUnknown {
				l.Ambiguous = l.Ambiguous || (isNumeric && ambiguousDate(v))
				continue
			}
			if _, ok := first[o]; !ok {
				first[o] = fmt.Sprintf("%q on line %d", v, lines[r])
			}
		}
	}
	switch {
	case len(first) == 2:
		return fmt.Errorf("the dates are written both day first (%s) and month first (%s): choose the order",
			first[timeline.DayMonthYear], first[timeline.MonthDayYear])
	case len(first) == 1:
		for o := range first {
			l.Order, l.OrderBy, l.Ambiguous = o, "the dates", false
		}
	case numeric:
		l.Order, l.OrderBy = timeline.DayMonthYear, "assumed"
	}
	return nil
}

// ambiguousDate reports whether the numeric date v reads as two different days.
func ambiguousDate(v string) bool {
	a, errA := timeline.ReadDate(v, timeline.ReadOptions{Order: timeline.DayMonthYear})
	b, errB := timeline.ReadDate(v, timeline.ReadOptions{Order: timeline.MonthDayYear})
	return errA == nil && errB == nil && a.Start.Text != b.Start.Text
}
