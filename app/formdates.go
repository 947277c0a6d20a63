package app

import (
	"errors"
	"strings"
	"time"

	"github.com/chronoscope/chronoscope/timeline"
)

// The hints shown under an empty date field: each on one line at the form's width.
const (
	startHint = "Such as 13 Sep 2023, 13/09/2023, Sep 2023, c. 1950, 1950s, 44 BC or 1-5 Sep 2023"
	endHint   = "Optional: an end makes the event a span"
)

// fieldDate is a date field of the event form as read by timeline.ReadDate, the reader
// imports and Find events in text use too: what the analyst typed, what it means and
// the EDTF the event keeps.
type fieldDate struct {
	text  string
	read  timeline.Reading
	err   error
	empty bool
}

// readField reads the text of a date field; now is the day "yesterday" and "13
// September" are read from.
func readField(text string, now time.Time) fieldDate {
	d := fieldDate{text: text, empty: strings.TrimSpace(text) == ""}
	if !d.empty {
		d.read, d.err = timeline.ReadDate(text, timeline.ReadOptions{Reference: now})
	}
	return d
}

// problem says in an analyst's words why the field is not a date, or "".
func (d fieldDate) problem() string {
	if d.err == nil {
		return ""
	}
	var de *timeline.DateError
	if errors.As(d.err, &de) {
		return sentence(de.Reason)
	}
	return sentence(d.err.Error())
}

// preview says how the field is understood and the EDTF it is saved as: "13 Sep 2023 ·
// saved as 2023-09-13", or for a span typed in Start "1 Sep 2023 to 5 Sep 2023 · saved
// as 2023-09-01, end 2023-09-05".
func (d fieldDate) preview() string {
	r := d.read
	words, saved := r.Start.Describe(), r.Start.Text
	if !r.End.IsZero() {
		words += " to " + r.End.Describe()
		saved += ", end " + r.End.Text
	}
	if r.Ambiguous {
		words += ", read day first"
	}
	return words + " · saved as " + saved
}

// formDates reads the Start and End fields together: a span typed in Start ("1-5 Sep
// 2023") gives the end too when End is empty. The problems, keyed "start" and "end", are
// what cannot be read; the rules of an event (a start is needed, the end is not before
// it) are Event.Validate's.
func formDates(startText, endText string, now time.Time) (start, end timeline.Date, msgs map[string]string) {
	msgs = map[string]string{}
	s, e := readField(startText, now), readField(endText, now)
	switch {
	case s.empty: // Event.Validate says a start is needed
	case s.err != nil:
		msgs["start"] = s.problem()
	default:
		start, end = s.read.Start, s.read.End
	}
	switch {
	case e.empty:
	case e.err != nil:
		msgs["end"] = e.problem()
	case !e.read.End.IsZero():
		msgs["end"] = "The end is one date: give the span in Start, or its last date here"
	case !end.IsZero():
		msgs["end"] = "Start already gives a span: leave End empty, or give one date in Start"
	default:
		end = e.read.Start // Event.Validate refuses an end before the start
	}
	return start, end, msgs
}
