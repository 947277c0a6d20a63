package format

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/chronoscope/chronoscope/timeline"
)

// The TimelineJS spreadsheet template, saved as CSV, has the columns
//
//	Year, Month, Day, Time, End Year, End Month, End Day, End Time, Display Date, Headline,
//	Text, Media, Media Credit, Media Caption, Media Thumbnail, Type, Group, Background
//
// and the older template "Start Date, End Date, Headline, Text, Media, Media Credit, Media
// Caption, Media Thumbnail, Type, Tag" (dates such as 1/26/2012, 2012,1,26 or 2012-01-26;
// Tag is the lane). Caption, Credit and Thumbnail are read as the media ones. The row of
// Type "title" is the title slide, rows of Type "era" are eras; the rest are events read as
// TimelineJS JSON slides are (see tjsDoc). Time is "14:30", "14:30:05" or "2:30 PM", in UTC.
// Other columns are kept as attributes. Chronoscope's export adds "Unique ID" and, when a
// date is fuzzy, "Start EDTF" and "End EDTF", which TimelineJS ignores. Cells that would
// run as formulas get an apostrophe, and CRs are kept, as the package documentation says.
var tjsSheetColumns = []string{"Year", "Month", "Day", "Time", "End Year", "End Month", "End Day",
	"End Time", "Display Date", "Headline", "Text", "Media", "Media Credit", "Media Caption",
	"Media Thumbnail", "Type", "Group", "Background"}

// tjsSheetAliases maps older or shorter header keys to the current ones.
var tjsSheetAliases = map[string]string{
	"caption": "media_caption", "credit": "media_credit", "thumbnail": "media_thumbnail",
	"tag": "group", "unique_id": "id", "alt_text": "media_alt", "media_alt_text": "media_alt",
}

func readTimelineJSCSV(r io.Reader, s *sink) (timeline.CaseInfo, error) {
	t, err := openTable(r, s)
	if err != nil {
		return timeline.CaseInfo{}, err
	}
	t.plain = true // Chronoscope's export writes cells with safeCell
	col, extra, err := tjsSheetHeader(t)
	if err != nil {
		return timeline.CaseInfo{}, err
	}
	get := func(k string) string {
		if i, ok := col[k]; ok {
			return t.cell(i)
		}
		return ""
	}
	column := tjsSheetColumn(t, col)
	var info timeline.CaseInfo
	for {
		more, err := t.next()
		if err != nil || !more {
			return info, err
		}
		kind := strings.ToLower(strings.TrimSpace(get("type")))
		if kind == "title" || kind == "start" {
			info.Name, info.Description = strings.TrimSpace(get("headline")), get("text")
			continue
		}
		e := tjsSheetEvent(t, get, extra, kind)
		if e.Start, err = t.sheetDate(col, "start_edtf", "start_date", "year", "month", "day", "time"); err != nil {
			return info, err
		}
		if e.Start.IsZero() {
			return info, s.errAt(t.line, column("start"), "a row needs at least the year it starts")
		}
		if e.End, err = t.sheetDate(col, "end_edtf", "end_date", "end_year", "end_month", "end_day", "end_time"); err != nil {
			return info, err
		}
		if strings.TrimSpace(e.Title) == "" {
			e.Title = untitled(e.Description, e.Attrs["media_caption"], e.Attrs["display_date"], "Untitled")
		}
		if err := s.add(&e, t.line, column); err != nil {
			return info, err
		}
	}
}

// tjsSheetHeader finds the sheet's columns by key (aliases read as the current keys) and
// the columns it does not know, kept as attributes; it refuses a column given twice and
// a sheet without Headline.
func tjsSheetHeader(t *table) (map[string]int, []attrCol, error) {
	col := map[string]int{}
	var extra []attrCol
	known := map[string]bool{"start_date": true, "end_date": true, "id": true, "media_alt": true,
		"start_edtf": true, "end_edtf": true}
	for _, h := range tjsSheetColumns {
		known[headerKey(h)] = true
	}
	for i, k := range t.keys {
		if a, ok := tjsSheetAliases[k]; ok {
			k = a
		}
		switch {
		case known[k]:
			if _, dup := col[k]; dup {
				return nil, nil, t.duplicate(i, t.name(i))
			}
			col[k] = i
		case t.header[i] != "":
			extra = append(extra, attrCol{i, t.header[i]})
		}
	}
	if _, ok := col["headline"]; !ok {
		return nil, nil, t.s.errAt(1, "Headline", "the header has no Headline column")
	}
	return col, extra, nil
}

// tjsSheetColumn names the sheet's column a field of timeline.FieldError comes from.
func tjsSheetColumn(t *table, col map[string]int) func(field string) string {
	return func(field string) string {
		switch field {
		case "title":
			return t.name(col["headline"])
		case "start", "end":
			for _, k := range []string{field + "_edtf", map[string]string{"start": "year", "end": "end_year"}[field], field + "_date"} {
				if i, ok := col[k]; ok {
					return t.name(i)
				}
			}
		case "id":
			if i, ok := col["id"]; ok {
				return t.name(i)
			}
		}
		return field
	}
}

// tjsSheetEvent is the event of the current row without its dates: its text, group,
// media and the columns kept as attributes; an era goes to its own lane unless grouped.
func tjsSheetEvent(t *table, get func(string) string, extra []attrCol, kind string) timeline.Event {
	e := timeline.Event{ID: get("id"), Title: get("headline"), Description: get("text"), Lane: get("group"),
		Attrs: map[string]string{"text_format": "html", "display_date": get("display_date"),
			"media_url": get("media"), "media_credit": get("media_credit"), "media_caption": get("media_caption"),
			"media_thumbnail": get("media_thumbnail"), "media_alt": get("media_alt")}}
	if bg := strings.TrimSpace(get("background")); strings.Contains(bg, "/") {
		e.Attrs["background_url"] = bg
	} else {
		e.Attrs["background_color"] = bg
	}
	for _, a := range extra {
		e.Attrs[a.key] = t.cell(a.i)
	}
	if kind == "era" {
		e.Attrs["timelinejs_type"] = "era"
		if e.Lane == "" {
			e.Lane = eraLane
		}
	}
	return e
}

// sheetDate reads a date from an EDTF column, an old-style date column, or the
// Year/Month/Day/Time columns, whichever the sheet fills in first.
func (t *table) sheetDate(col map[string]int, edtfKey, dateKey, yearKey, monthKey, dayKey, timeKey string) (timeline.Date, error) {
	at := func(k string) (string, string) {
		i, ok := col[k]
		if !ok {
			return "", k
		}
		return t.cell(i), t.name(i)
	}
	text, name := at(edtfKey)
	if strings.TrimSpace(text) == "" {
		var p dateParts
		var perr *partError
		if old, oldName := at(dateKey); strings.TrimSpace(old) != "" {
			name = oldName
			if p, perr = looseDate(old); perr != nil {
				return timeline.Date{}, t.s.errAt(t.line, name, "%s", perr.msg)
			}
		} else {
			y, _ := at(yearKey)
			m, _ := at(monthKey)
			d, _ := at(dayKey)
			p = dateParts{Year: y, Month: m, Day: d}
			_, name = at(yearKey)
		}
		if clock, clockName := at(timeKey); strings.TrimSpace(clock) != "" {
			if p.Hour, p.Minute, p.Second, perr = splitClock(clock); perr != nil {
				return timeline.Date{}, t.s.errAt(t.line, clockName, "%s", perr.msg)
			}
		}
		if text, perr = p.edtf(); perr != nil {
			pname := name
			if n, ok := map[string]string{"month": monthKey, "day": dayKey, "hour": timeKey, "minute": timeKey, "second": timeKey}[perr.part]; ok {
				if _, nn := at(n); nn != "" {
					pname = nn
				}
			}
			return timeline.Date{}, t.s.errAt(t.line, pname, "%s", perr.msg)
		}
		if text == "" {
			return timeline.Date{}, nil
		}
	}
	d, err := timeline.ParseDate(text)
	if err != nil {
		return d, t.s.errAt(t.line, name, "%v", err)
	}
	return d, nil
}

// looseDate reads the old template's dates: 2012, 2012-01-26, 1/26/2012 (month first, as
// Google Sheets writes them) or 2012,1,26.
func looseDate(s string) (dateParts, *partError) {
	s = strings.TrimSpace(s)
	if date, clock, ok := strings.Cut(s, " "); ok && strings.Contains(clock, ":") {
		p, err := looseDate(date)
		if err == nil {
			p.Hour, p.Minute, p.Second, err = splitClock(clock)
		}
		return p, err
	}
	neg := strings.HasPrefix(s, "-")
	var f []string
	switch {
	case strings.Contains(s, "/"):
		f = strings.Split(s, "/")
		if len(f) == 3 {
			return dateParts{Year: f[2], Month: f[0], Day: f[1]}, nil
		}
		if len(f) == 2 {
			return dateParts{Year: f[1], Month: f[0]}, nil
		}
	case strings.Contains(s, ","):
		f = strings.Split(s, ",")
	default:
		f = strings.Split(strings.TrimPrefix(s, "-"), "-")
		if neg {
			f[0] = "-" + f[0]
		}
	}
	if len(f) > 3 {
		return dateParts{}, &partError{"date", fmt.Sprintf("%q is not a date such as 2012-01-26 or 1/26/2012", s)}
	}
	var p dateParts
	p.Year = f[0]
	if len(f) > 1 {
		p.Month = f[1]
	}
	if len(f) > 2 {
		p.Day = f[2]
	}
	return p, nil
}

// splitClock reads "14:30", "14:30:05" or "2:30 PM" into its parts.
func splitClock(s string) (h, m, sec string, err *partError) {
	bad := &partError{"hour", fmt.Sprintf("%q is not a time such as 14:30 or 2:30 PM", s)}
	c := strings.ToUpper(strings.TrimSpace(s))
	am, pm := strings.HasSuffix(c, "AM"), strings.HasSuffix(c, "PM")
	if am || pm {
		c = strings.TrimSpace(c[:len(c)-2])
	}
	f := strings.Split(c, ":")
	if len(f) < 2 || len(f) > 3 {
		return "", "", "", bad
	}
	hour, e := strconv.Atoi(strings.TrimSpace(f[0]))
	switch {
	case e != nil || hour < 0 || hour > 23:
		return "", "", "", bad
	case am || pm:
		if hour < 1 || hour > 12 {
			return "", "", "", bad
		}
		hour %= 12
		if pm {
			hour += 12
		}
	}
	h, m = strconv.Itoa(hour), f[1]
	if len(f) == 3 {
		sec = f[2]
	}
	return h, m, sec, nil
}

// writeTimelineJSCSV writes the TimelineJS sheet: a title row from the case, an era row
// per era, and a row per event, with the extra columns described at tjsSheetColumns.
func writeTimelineJSCSV(w io.Writer, doc Document) error {
	fuzzy := false
	for _, e := range doc.Events {
		_, a := partsOf(e.Start)
		_, b := partsOf(e.End)
		fuzzy = fuzzy || !a || (!e.End.IsZero() && !b)
	}
	header := append(append([]string(nil), tjsSheetColumns...), "Unique ID")
	if fuzzy {
		header = append(header, "Start EDTF", "End EDTF")
	}
	// Year, Month and Day (start and end) only ever hold numbers; see safeCell for the rest.
	number := []bool{true, true, true, false, true, true, true}
	cw := &safeWriter{cw: csv.NewWriter(w), number: number}
	if err := cw.write(header, true); err != nil {
		return err
	}
	blank := make([]string, len(header))
	if doc.Info.Name != "" || doc.Info.Description != "" {
		row := append([]string(nil), blank...)
		row[9], row[10], row[15] = toHTML(doc.Info.Name), toHTML(doc.Info.Description), "title"
		if err := cw.write(row, false); err != nil {
			return err
		}
	}
	for _, e := range doc.Events {
		sl := slideOf(e)
		row := append([]string(nil), blank...)
		sheetParts(row[0:4], sl.StartDate)
		if sl.EndDate != nil {
			sheetParts(row[4:8], sl.EndDate)
		}
		row[8], row[9], row[10] = sl.DisplayDate, sl.Text.Headline, sl.Text.Text
		if m := sl.Media; m != nil {
			row[11], row[12], row[13], row[14] = m.URL, m.Credit, m.Caption, m.Thumbnail
		}
		if e.Attrs["timelinejs_type"] == "era" {
			row[15] = "era"
		}
		row[16] = sl.Group
		if b := sl.Background; b != nil {
			row[17] = b.URL
			if row[17] == "" {
				row[17] = b.Color
			}
		}
		row[18] = e.ID
		if fuzzy {
			row[19] = sl.StartDate.EDTF
			if sl.EndDate != nil {
				row[20] = sl.EndDate.EDTF
			}
		}
		if err := cw.write(row, false); err != nil {
			return err
		}
	}
	cw.cw.Flush()
	return cw.cw.Error()
}

// sheetParts fills Year, Month, Day and Time cells from a TimelineJS date.
func sheetParts(cells []string, d *tjsDate) {
	cells[0], cells[1], cells[2] = string(d.Year), string(d.Month), string(d.Day)
	if d.Hour != "" {
		h, _ := strconv.Atoi(string(d.Hour))
		m, _ := strconv.Atoi(string(d.Minute))
		s, _ := strconv.Atoi(string(d.Second))
		cells[3] = fmt.Sprintf("%02d:%02d:%02d", h, m, s)
	}
}
