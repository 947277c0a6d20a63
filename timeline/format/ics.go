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

// vevent is one VEVENT as it is read: the event so far, the properties its dates come
// from, and the line each property was first found on.
type vevent struct {
	e               timeline.Event
	start, end, dur *icsProp
	xStart, xEnd    string
	lines           map[string]int
}

// veventProps reads each property of a VEVENT that Chronoscope keeps into v; the others
// are ignored.
var veventProps = map[string]func(s *sink, v *vevent, p *icsProp) error{
	"UID":         func(_ *sink, v *vevent, p *icsProp) error { v.e.ID = unescapeText(p.value); return nil },
	"SUMMARY":     func(_ *sink, v *vevent, p *icsProp) error { v.e.Title = unescapeText(p.value); return nil },
	"DESCRIPTION": func(_ *sink, v *vevent, p *icsProp) error { v.e.Description = unescapeText(p.value); return nil },
	"LOCATION":    func(_ *sink, v *vevent, p *icsProp) error { v.e.Location.Name = unescapeText(p.value); return nil },
	"GEO": func(s *sink, v *vevent, p *icsProp) error {
		la, lo, ok := strings.Cut(p.value, ";")
		lat, err1 := strconv.ParseFloat(strings.TrimSpace(la), 64)
		lon, err2 := strconv.ParseFloat(strings.TrimSpace(lo), 64)
		if !ok || err1 != nil || err2 != nil {
			return s.errAt(p.line, "GEO", "%q is not a latitude;longitude pair", clip(p.value))
		}
		v.e.Location.Lat, v.e.Location.Lon = &lat, &lon
		return nil
	},
	"CATEGORIES": func(_ *sink, v *vevent, p *icsProp) error {
		v.e.Tags = append(v.e.Tags, splitTextList(p.value)...)
		return nil
	},
	"URL": func(_ *sink, v *vevent, p *icsProp) error {
		v.e.Sources = append(v.e.Sources, timeline.Source{URL: strings.TrimSpace(p.value)})
		return nil
	},
	"DTSTART":  func(_ *sink, v *vevent, p *icsProp) error { v.start = p; return nil },
	"DTEND":    func(_ *sink, v *vevent, p *icsProp) error { v.end = p; return nil },
	"DURATION": func(_ *sink, v *vevent, p *icsProp) error { v.dur = p; return nil },
	"RRULE": func(_ *sink, v *vevent, p *icsProp) error {
		v.e.Attrs = map[string]string{"rrule": p.value}
		return nil
	},
	"X-CHRONOSCOPE-START": func(_ *sink, v *vevent, p *icsProp) error { v.xStart = unescapeText(p.value); return nil },
	"X-CHRONOSCOPE-END":   func(_ *sink, v *vevent, p *icsProp) error { v.xEnd = unescapeText(p.value); return nil },
	"X-CHRONOSCOPE-LANE":  func(_ *sink, v *vevent, p *icsProp) error { v.e.Lane = unescapeText(p.value); return nil },
	"X-CHRONOSCOPE-ACTORS": func(_ *sink, v *vevent, p *icsProp) error {
		v.e.Actors = splitTextList(p.value)
		return nil
	},
	"X-CHRONOSCOPE-IMPORTANCE": func(s *sink, v *vevent, p *icsProp) error {
		n, err := strconv.Atoi(strings.TrimSpace(p.value))
		if err != nil {
			return s.errAt(p.line, p.name, "%q is not a whole number from 1 to 5", clip(p.value))
		}
		v.e.Importance = n
		return nil
	},
}

// icsEvent turns the properties of one VEVENT (the first is its BEGIN) into an event.
func icsEvent(s *sink, props []icsProp, zones map[string]*time.Location) error {
	begin := props[0].line
	v := &vevent{lines: map[string]int{}}
	for i := range props[1:] {
		p := &props[i+1]
		if _, ok := v.lines[p.name]; !ok {
			v.lines[p.name] = p.line
		}
		if read := veventProps[p.name]; read != nil {
			if err := read(s, v, p); err != nil {
				return err
			}
		}
	}
	if v.start == nil {
		return s.errAt(begin, "DTSTART", "the event has no DTSTART")
	}
	if err := v.dates(s, zones); err != nil {
		return err
	}
	e := &v.e
	if strings.TrimSpace(e.Title) == "" {
		e.Title = untitled(e.Description, "Untitled event")
	}
	column := func(field string) string { return icsColumn(field, v.end == nil && v.dur != nil) }
	err := s.add(e, begin, column)
	var pe *ParseError
	if errors.As(err, &pe) {
		if l, ok := v.lines[pe.Column]; ok {
			pe.Line = l
		}
	}
	return err
}

// dates sets the event's start and end from DTSTART and DTEND or DURATION, then from the
// EDTF Chronoscope writes beside them (X-CHRONOSCOPE-START, -END), which keeps what
// iCalendar cannot say (approximate, uncertain, a month).
func (v *vevent) dates(s *sink, zones map[string]*time.Location) error {
	st, allDay, err := icsTime(v.start, zones)
	if err != nil {
		return s.errAt(v.start.line, "DTSTART", "%v", err)
	}
	v.e.Start = mustDate(icsEDTF(st, allDay))
	et, etAllDay, col, err := v.endTime(s, zones, allDay, st)
	if err != nil {
		return err
	}
	endText := ""
	switch {
	case et.IsZero():
	case etAllDay && et.AddDate(0, 0, -1).After(st):
		endText = icsEDTF(et.AddDate(0, 0, -1), true)
	case !etAllDay && et.After(st):
		endText = icsEDTF(et, false)
	case et.Before(st):
		return s.errAt(v.lines[col], col, "the event ends before it starts")
	}
	if endText != "" {
		if v.e.End, err = timeline.ParseDate(endText); err != nil {
			return s.errAt(v.lines[col], col, "the event ends after the year 9999")
		}
	}
	for _, x := range []struct {
		text, col string
		d         *timeline.Date
	}{{v.xStart, "X-CHRONOSCOPE-START", &v.e.Start}, {v.xEnd, "X-CHRONOSCOPE-END", &v.e.End}} {
		if strings.TrimSpace(x.text) == "" {
			continue
		}
		d, err := timeline.ParseDate(x.text)
		if err != nil {
			return s.errAt(v.lines[x.col], x.col, "%v", err)
		}
		*x.d = d
	}
	return nil
}

// endTime is the end as the file gives it (exclusive for all-day ends), from DTEND or
// DTSTART plus DURATION, and the property it came from; zero when there is neither.
func (v *vevent) endTime(s *sink, zones map[string]*time.Location, allDay bool, st time.Time) (time.Time, bool, string, error) {
	switch {
	case v.end != nil:
		et, etAllDay, err := icsTime(v.end, zones)
		if err != nil {
			return et, etAllDay, "DTEND", s.errAt(v.end.line, "DTEND", "%v", err)
		}
		return et, etAllDay, "DTEND", nil
	case v.dur != nil:
		d, err := parseDuration(v.dur.value)
		if err != nil {
			return time.Time{}, allDay, "DURATION", s.errAt(v.dur.line, "DURATION", "%v", err)
		}
		return d.addTo(st), allDay, "DURATION", nil
	}
	return time.Time{}, allDay, "DTEND", nil
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
