package format

import (
	"bufio"
	"errors"
	"io"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // TZID time zones must resolve on a machine without a zone database

	"github.com/chronoscope/chronoscope/timeline"
)

// iCalendar (RFC 5545) is read and written by hand rather than with golang-ical, because
// errors must name the line of the file a property starts on (folded lines included), and
// the writer must fold at 75 octets without splitting a UTF-8 character; doing both on
// our own side of a library would have been more code than the format itself.
//
// Each VEVENT is an event: UID is the id, SUMMARY the title, DESCRIPTION the description,
// LOCATION and GEO the location, CATEGORIES the tags, URL a source, DTSTART and DTEND
// (or DURATION) the dates. An all-day event (VALUE=DATE) has an exclusive DTEND, so a
// one-day event has no end and a three-day one ends on its third day. UTC times (Z) are
// kept; times with a TZID are converted to UTC through the time zone database (embedded,
// with common Windows zone names understood); floating times, which name no zone, are
// read as UTC. RRULE is kept as the attribute rrule: only the first occurrence is read.
// Chronoscope's export adds X-CHRONOSCOPE-START, -END, -LANE, -ACTORS and -IMPORTANCE
// so that fuzzy dates, lanes, actors and importance survive a round trip; they win on
// reading. The calendar's X-WR-CALNAME (or NAME) and X-WR-CALDESC are the case's name and
// description.
type icsProp struct {
	name   string
	params map[string]string
	value  string
	line   int
}

// icsReading is what readICS has read so far: the components open, and the properties
// of the VEVENT being read.
type icsReading struct {
	s      *sink
	info   timeline.CaseInfo
	stack  []icsOpen
	ev     []icsProp
	evSize int // the VEVENT's text so far, escapes counted once
	zones  map[string]*time.Location
}

type icsOpen struct {
	name string
	line int
}

func readICS(r io.Reader, s *sink) (timeline.CaseInfo, error) {
	l := &icsLines{r: bufio.NewReaderSize(r, 64<<10)}
	rd := &icsReading{s: s, zones: map[string]*time.Location{}}
	seen := false
	for {
		text, line, size, ok := l.read()
		if !ok {
			break
		}
		if strings.TrimSpace(text) == "" {
			continue
		}
		p, ok := parseProp(text, line)
		if !ok {
			return rd.info, s.errAt(line, "", "%q is not an iCalendar line such as NAME;PARAM=x:value", clip(text))
		}
		if !seen && (p.name != "BEGIN" || !strings.EqualFold(p.value, "VCALENDAR")) {
			return rd.info, s.errAt(line, p.name, "an iCalendar file begins with BEGIN:VCALENDAR")
		}
		seen = true
		if err := rd.prop(p, size); err != nil {
			return rd.info, err
		}
	}
	if l.err != nil {
		return rd.info, s.errAt(l.err.line, l.err.column, "%s", l.err.msg)
	}
	if len(rd.stack) > 0 {
		top := rd.stack[len(rd.stack)-1]
		return rd.info, s.errAt(top.line, "BEGIN", "the file ends inside the %s begun here", clip(top.name))
	}
	if !seen {
		return rd.info, s.errAt(1, "", "the file is empty; an iCalendar file begins with BEGIN:VCALENDAR")
	}
	return rd.info, nil
}

// prop takes one property (size long, escapes counted once): BEGIN and END open and
// close components, an END:VEVENT hands the event to icsEvent, and the calendar's name
// and description and the properties of a VEVENT are kept.
func (rd *icsReading) prop(p icsProp, size int) error {
	switch p.name {
	case "BEGIN":
		comp := strings.ToUpper(strings.TrimSpace(p.value))
		rd.stack = append(rd.stack, icsOpen{comp, p.line})
		if comp == "VEVENT" && len(rd.stack) == 2 {
			rd.ev, rd.evSize = []icsProp{p}, 0
		}
		return nil
	case "END":
		comp := strings.ToUpper(strings.TrimSpace(p.value))
		if len(rd.stack) == 0 || rd.stack[len(rd.stack)-1].name != comp {
			return rd.s.errAt(p.line, "END", "END:%s does not close an open component", clip(comp))
		}
		rd.stack = rd.stack[:len(rd.stack)-1]
		if comp == "VEVENT" && len(rd.stack) == 1 {
			err := icsEvent(rd.s, rd.ev, rd.zones)
			rd.ev = nil
			return err
		}
		return nil
	}
	switch {
	case len(rd.stack) == 1 && rd.stack[0].name == "VCALENDAR":
		switch p.name {
		case "X-WR-CALNAME", "NAME":
			rd.info.Name = strings.TrimSpace(unescapeText(p.value))
		case "X-WR-CALDESC":
			rd.info.Description = unescapeText(p.value)
		}
	case len(rd.stack) == 2 && rd.stack[1].name == "VEVENT":
		if rd.evSize += size; rd.evSize > timeline.MaxRecordBytes {
			return rd.s.errAt(rd.ev[0].line, "BEGIN", "the event holds more than %d bytes (16 MiB), more than Chronoscope reads in one event", timeline.MaxRecordBytes)
		}
		rd.ev = append(rd.ev, p)
	}
	return nil
}

func clip(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return s
}

// icsEvent turns the properties of one VEVENT (the first is its BEGIN) into an event.
func icsEvent(s *sink, props []icsProp, zones map[string]*time.Location) error {
	begin := props[0].line
	lines := map[string]int{}
	e := timeline.Event{}
	var start, end, dur *icsProp
	var xStart, xEnd string
	for i := range props[1:] {
		p := &props[i+1]
		if _, ok := lines[p.name]; !ok {
			lines[p.name] = p.line
		}
		switch p.name {
		case "UID":
			e.ID = unescapeText(p.value)
		case "SUMMARY":
			e.Title = unescapeText(p.value)
		case "DESCRIPTION":
			e.Description = unescapeText(p.value)
		case "LOCATION":
			e.Location.Name = unescapeText(p.value)
		case "GEO":
			la, lo, ok := strings.Cut(p.value, ";")
			lat, err1 := strconv.ParseFloat(strings.TrimSpace(la), 64)
			lon, err2 := strconv.ParseFloat(strings.TrimSpace(lo), 64)
			if !ok || err1 != nil || err2 != nil {
				return s.errAt(p.line, "GEO", "%q is not a latitude;longitude pair", clip(p.value))
			}
			e.Location.Lat, e.Location.Lon = &lat, &lon
		case "CATEGORIES":
			e.Tags = append(e.Tags, splitTextList(p.value)...)
		case "URL":
			e.Sources = append(e.Sources, timeline.Source{URL: strings.TrimSpace(p.value)})
		case "DTSTART":
			start = p
		case "DTEND":
			end = p
		case "DURATION":
			dur = p
		case "RRULE":
			e.Attrs = map[string]string{"rrule": p.value}
		case "X-CHRONOSCOPE-START":
			xStart = unescapeText(p.value)
		case "X-CHRONOSCOPE-END":
			xEnd = unescapeText(p.value)
		case "X-CHRONOSCOPE-LANE":
			e.Lane = unescapeText(p.value)
		case "X-CHRONOSCOPE-ACTORS":
			e.Actors = splitTextList(p.value)
		case "X-CHRONOSCOPE-IMPORTANCE":
			n, err := strconv.Atoi(strings.TrimSpace(p.value))
			if err != nil {
				return s.errAt(p.line, p.name, "%q is not a whole number from 1 to 5", clip(p.value))
			}
			e.Importance = n
		}
	}
	if start == nil {
		return s.errAt(begin, "DTSTART", "the event has no DTSTART")
	}
	st, allDay, err := icsTime(start, zones)
	if err != nil {
		return s.errAt(start.line, "DTSTART", "%v", err)
	}
	e.Start = mustDate(icsEDTF(st, allDay))
	// et is the end as the file gives it: exclusive for all-day ends.
	var et time.Time
	etAllDay, col := allDay, "DTEND"
	switch {
	case end != nil:
		if et, etAllDay, err = icsTime(end, zones); err != nil {
			return s.errAt(end.line, "DTEND", "%v", err)
		}
	case dur != nil:
		d, err := parseDuration(dur.value)
		if err != nil {
			return s.errAt(dur.line, "DURATION", "%v", err)
		}
		et, col = d.addTo(st), "DURATION"
	}
	endText := ""
	switch {
	case et.IsZero():
	case etAllDay && et.AddDate(0, 0, -1).After(st):
		endText = icsEDTF(et.AddDate(0, 0, -1), true)
	case !etAllDay && et.After(st):
		endText = icsEDTF(et, false)
	case et.Before(st):
		return s.errAt(lines[col], col, "the event ends before it starts")
	}
	if endText != "" {
		if e.End, err = timeline.ParseDate(endText); err != nil {
			return s.errAt(lines[col], col, "the event ends after the year 9999")
		}
	}
	for _, x := range []struct {
		text, col string
		d         *timeline.Date
	}{{xStart, "X-CHRONOSCOPE-START", &e.Start}, {xEnd, "X-CHRONOSCOPE-END", &e.End}} {
		if strings.TrimSpace(x.text) == "" {
			continue
		}
		d, err := timeline.ParseDate(x.text)
		if err != nil {
			return s.errAt(lines[x.col], x.col, "%v", err)
		}
		*x.d = d
	}
	if strings.TrimSpace(e.Title) == "" {
		e.Title = untitled(e.Description, "Untitled event")
	}
	column := func(field string) string { return icsColumn(field, end == nil && dur != nil) }
	err = s.add(&e, begin, column)
	var pe *ParseError
	if errors.As(err, &pe) {
		if l, ok := lines[pe.Column]; ok {
			pe.Line = l
		}
	}
	return err
}

// icsColumn names the property a field of timeline.FieldError comes from; durationEnd says
// the event's end is given by DURATION.
func icsColumn(field string, durationEnd bool) string {
	switch field {
	case "title":
		return "SUMMARY"
	case "start":
		return "DTSTART"
	case "end":
		if durationEnd {
			return "DURATION"
		}
		return "DTEND"
	case "id":
		return "UID"
	case "latitude", "longitude":
		return "GEO"
	case "importance":
		return "X-CHRONOSCOPE-IMPORTANCE"
	case "description", "location":
		return strings.ToUpper(field)
	case "tags":
		return "CATEGORIES"
	case "lane", "actors":
		return "X-CHRONOSCOPE-" + strings.ToUpper(field)
	case "attr:rrule":
		return "RRULE"
	}
	if _, _, ok := sourceField(field); ok {
		return "URL"
	}
	return field
}

// mustDate parses EDTF text this file built itself, which is always valid.
func mustDate(text string) timeline.Date {
	d, _ := timeline.ParseDate(text)
	return d
}

// icsEDTF writes t (UTC) as an EDTF day or second.
func icsEDTF(t time.Time, allDay bool) string {
	if allDay {
		return t.Format("2006-01-02")
	}
	return t.Format("2006-01-02T15:04:05Z")
}
