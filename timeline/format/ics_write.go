package format

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/chronoscope/chronoscope/timeline"
)

// icsWriter writes content lines with CRLF, folded at 75 octets.
type icsWriter struct {
	w   io.Writer
	err error
}

// prop writes NAME[;params]:value, folding it. value must already be escaped.
func (iw *icsWriter) prop(name, value string) {
	if iw.err != nil {
		return
	}
	_, iw.err = io.WriteString(iw.w, foldLine(name+":"+value))
}

// foldLine ends a content line with CRLF, breaking it so no line is longer than 75
// octets (the space that starts a continuation counts) and never inside a UTF-8
// character.
func foldLine(s string) string {
	if len(s) <= 75 {
		return s + "\r\n"
	}
	var b strings.Builder
	limit := 75
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		b.WriteString(s[:cut])
		b.WriteString("\r\n ")
		s = s[cut:]
		limit = 74
	}
	b.WriteString(s)
	b.WriteString("\r\n")
	return b.String()
}

// escapeText writes an iCalendar TEXT value: backslash, semicolon, comma and line breaks
// escaped.
func escapeText(s string) string {
	if !strings.ContainsAny(s, "\\;,\n\r") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\', ';', ',':
			b.WriteByte('\\')
			b.WriteByte(c)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				continue
			}
			b.WriteString(`\n`)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func escapeList(items []string) string {
	out := make([]string, len(items))
	for i, s := range items {
		out[i] = escapeText(s)
	}
	return strings.Join(out, ",")
}

// writeICS writes a VCALENDAR with a VEVENT per event (see icsProp for the mapping).
// Dates finer than a day become UTC times; dates of a day or coarser become all-day
// events on their first day (to the last day of the end's range), with the exact EDTF in
// X-CHRONOSCOPE-START and -END. iCalendar has no years before 1 or after 9999: such an
// event is an error, or, when left is not nil, left out and counted in it.
func writeICS(w io.Writer, doc Document, left *LeftOut) error {
	iw := &icsWriter{w: w}
	iw.prop("BEGIN", "VCALENDAR")
	iw.prop("VERSION", "2.0")
	iw.prop("PRODID", "-//Chronoscope//Chronoscope//EN")
	iw.prop("CALSCALE", "GREGORIAN")
	if doc.Info.Name != "" {
		iw.prop("X-WR-CALNAME", escapeText(doc.Info.Name))
	}
	if doc.Info.Description != "" {
		iw.prop("X-WR-CALDESC", escapeText(doc.Info.Description))
	}
	stamp := exportStamp(doc.Generated)
	var one bytes.Buffer
	for _, e := range doc.Events {
		one.Reset()
		ew := &icsWriter{w: &one}
		if err := writeVEvent(ew, e, stamp); err != nil {
			if _, bad := errors.AsType[*exportTimeError](err); bad {
				return err // the environment's fault, not the event's
			}
			if left == nil {
				return err
			}
			left.add(e.Title, reasonOf(err))
			continue
		}
		if iw.err == nil {
			_, iw.err = w.Write(one.Bytes())
		}
	}
	iw.prop("END", "VCALENDAR")
	return iw.err
}

// dateProp writes a DATE (day) or a DATE-TIME in UTC.
func (iw *icsWriter) dateProp(name string, t time.Time, day bool) {
	if day {
		iw.prop(name+";VALUE=DATE", t.Format("20060102"))
	} else {
		iw.prop(name, t.Format("20060102T150405Z"))
	}
}

// writeVEventEnd writes the DTEND of e, which starts at start (a day: startDay), and says
// whether it is exact (false: X-CHRONOSCOPE-END must keep the EDTF).
func writeVEventEnd(iw *icsWriter, e timeline.Event, start time.Time, startDay bool) (bool, error) {
	switch {
	case !e.End.IsZero():
		end, endDay, endExact, err := icsStamp(e.End, true)
		if err != nil {
			return false, fmt.Errorf("export event %q: %w", e.Title, err)
		}
		// DTEND takes the type of DTSTART: a time ends on its day, a day ends at its
		// last midnight.
		if startDay && !endDay {
			end, endDay, endExact = end.Truncate(24*time.Hour), true, false
		}
		if !startDay && endDay {
			end, endDay, endExact = end.AddDate(0, 0, 1), false, false
		}
		if startDay {
			end = end.AddDate(0, 0, 1) // all-day ends are exclusive
		}
		iw.dateProp("DTEND", end, endDay)
		return endExact, nil
	case startDay:
		iw.dateProp("DTEND", start.AddDate(0, 0, 1), true)
	}
	return true, nil
}

// writeVEventText writes the optional text properties of e, the standard ones then
// Chronoscope's own.
func writeVEventText(iw *icsWriter, e timeline.Event) {
	if e.Description != "" {
		iw.prop("DESCRIPTION", escapeText(e.Description))
	}
	if e.Location.Name != "" {
		iw.prop("LOCATION", escapeText(e.Location.Name))
	}
	if e.Location.Lat != nil && e.Location.Lon != nil {
		iw.prop("GEO", formatFloat(e.Location.Lat)+";"+formatFloat(e.Location.Lon))
	}
	if len(e.Tags) > 0 {
		iw.prop("CATEGORIES", escapeList(e.Tags))
	}
	for _, s := range e.Sources {
		if s.URL != "" {
			iw.prop("URL", s.URL)
			break
		}
	}
	if rule := e.Attrs["rrule"]; rule != "" {
		iw.prop("RRULE", rule)
	}
}

// exportTimeError is an export time that cannot be read (a bad SOURCE_DATE_EPOCH): the
// whole export fails, it is no event's fault.
type exportTimeError struct{ err error }

func (e *exportTimeError) Error() string { return "export: " + e.err.Error() }
func (e *exportTimeError) Unwrap() error { return e.err }

// exportStamp returns the DTSTAMP of the events that keep no created or updated time:
// generated when it is set, else timeline.ExportTime on the environment (the one rule of
// SOURCE_DATE_EPOCH), read once, when an event first needs it.
func exportStamp(generated time.Time) func() (time.Time, error) {
	if !generated.IsZero() {
		return func() (time.Time, error) { return generated, nil }
	}
	return sync.OnceValues(func() (time.Time, error) {
		t, err := timeline.ExportTime(os.Getenv, time.Now)
		if err != nil {
			return t, &exportTimeError{err}
		}
		return t, nil
	})
}

func writeVEvent(iw *icsWriter, e timeline.Event, exportTime func() (time.Time, error)) error {
	start, startDay, startExact, err := icsStamp(e.Start, false)
	if err != nil {
		return fmt.Errorf("export event %q: %w", e.Title, err)
	}
	stamp := e.Updated
	if stamp.IsZero() {
		stamp = e.Created
	}
	if stamp.IsZero() {
		if stamp, err = exportTime(); err != nil {
			return err
		}
	}
	iw.prop("BEGIN", "VEVENT")
	iw.prop("UID", escapeText(e.ID))
	iw.prop("DTSTAMP", stamp.UTC().Format("20060102T150405Z"))
	iw.dateProp("DTSTART", start, startDay)
	endExact, err := writeVEventEnd(iw, e, start, startDay)
	if err != nil {
		return err
	}
	iw.prop("SUMMARY", escapeText(e.Title))
	writeVEventText(iw, e)
	if !startExact {
		iw.prop("X-CHRONOSCOPE-START", escapeText(e.Start.Text))
	}
	if !endExact {
		iw.prop("X-CHRONOSCOPE-END", escapeText(e.End.Text))
	}
	if e.Lane != "" {
		iw.prop("X-CHRONOSCOPE-LANE", escapeText(e.Lane))
	}
	if len(e.Actors) > 0 {
		iw.prop("X-CHRONOSCOPE-ACTORS", escapeList(e.Actors))
	}
	if e.Importance != 0 {
		iw.prop("X-CHRONOSCOPE-IMPORTANCE", strconv.Itoa(e.Importance))
	}
	iw.prop("END", "VEVENT")
	return iw.err
}

// icsStamp gives the instant iCalendar writes for d: a UTC time for dates with a time of
// day, else a day (day true), the first of d's range or, for an end, its last. exact
// reports whether reading it back gives d's text again.
func icsStamp(d timeline.Date, isEnd bool) (t time.Time, day, exact bool, err error) {
	p, exact := partsOf(d)
	y, _ := strconv.Atoi(p.Year)
	if y < 1 || y > 9999 {
		return t, false, false, &icsYearsError{date: d.Text}
	}
	m, _ := strconv.Atoi(p.Month)
	dd, _ := strconv.Atoi(p.Day)
	if p.Hour != "" {
		h, _ := strconv.Atoi(p.Hour)
		mi, _ := strconv.Atoi(p.Minute)
		s, _ := strconv.Atoi(p.Second)
		return time.Date(y, time.Month(m), dd, h, mi, s, 0, time.UTC), false, exact, nil
	}
	if dd > 0 {
		return time.Date(y, time.Month(m), dd, 0, 0, 0, 0, time.UTC), true, exact, nil
	}
	first := time.Date(y, time.Month(max(m, 1)), 1, 0, 0, 0, 0, time.UTC)
	if !isEnd {
		return first, true, false, nil
	}
	if m == 0 {
		return first.AddDate(1, 0, -1), true, false, nil
	}
	return first.AddDate(0, 1, -1), true, false, nil
}

// icsYearsError is a date iCalendar cannot hold.
type icsYearsError struct{ date string }

func (e *icsYearsError) Error() string {
	return fmt.Sprintf("iCalendar cannot hold the date %s (years 1 to 9999 only)", e.date)
}

// reasonOf is why an event could not be written, the same for every event left out for
// the same reason.
func reasonOf(err error) string {
	var ye *icsYearsError
	if errors.As(err, &ye) {
		return "iCalendar holds only the years 1 to 9999"
	}
	if u := errors.Unwrap(err); u != nil {
		return u.Error()
	}
	return err.Error()
}
