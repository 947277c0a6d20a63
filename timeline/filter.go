package timeline

import (
	"fmt"
	"strings"
	"time"
)

// RangeError is a From..To pair that selects no dates: Bound names the end that is not a
// date ("from" or "to", Err the *DateError saying why), or is "" when both are dates but
// the range ends before it starts.
type RangeError struct {
	Bound    string
	From, To string
	Err      error
}

func (e *RangeError) Error() string {
	if e.Bound == "" {
		return fmt.Sprintf("the range %s to %s ends before it starts", e.From, e.To)
	}
	return e.Bound + ": " + e.Err.Error()
}

func (e *RangeError) Unwrap() error { return e.Err }

// SetRange bounds f by two dates as an analyst types them (EDTF, or the plain forms
// ParseDate reads): from takes the earliest instant of its date and to the latest, so a
// range to 2023-09 includes all of September. An empty text leaves that end open. On an
// error, a *RangeError, f is unchanged.
func (f *Filter) SetRange(from, to string) error {
	from, to = strings.TrimSpace(from), strings.TrimSpace(to)
	g := *f
	g.From, g.HasFrom, g.To, g.HasTo = 0, false, 0, false
	if from != "" {
		d, err := ParseDate(from)
		if err != nil {
			return &RangeError{Bound: "from", From: from, To: to, Err: err}
		}
		g.From, g.HasFrom = d.Earliest, true
	}
	if to != "" {
		d, err := ParseDate(to)
		if err != nil {
			return &RangeError{Bound: "to", From: from, To: to, Err: err}
		}
		g.To, g.HasTo = d.Latest, true
	}
	if g.HasFrom && g.HasTo && g.To < g.From {
		return &RangeError{From: from, To: to}
	}
	*f = g
	return nil
}

// Describe says in words which events f selects, for a report's heading: "all events", or
// the parts joined, such as `text "summit", from 01 Sep 2023, lane Diplomacy or Space,
// sources graded B2 or better`. Limit is not a selection and is not described.
func (f Filter) Describe() string {
	var parts []string
	if f.Query != "" {
		parts = append(parts, fmt.Sprintf("text %q", f.Query))
	}
	if f.HasFrom {
		parts = append(parts, "from "+instantLabel(f.From))
	}
	if f.HasTo {
		parts = append(parts, "to "+instantLabel(f.To))
	}
	for _, l := range []struct {
		name string
		v    []string
	}{{"lane", f.Lanes}, {"actor", f.Actors}, {"tag", f.Tags}} {
		if len(l.v) > 0 {
			parts = append(parts, l.name+" "+strings.Join(l.v, " or "))
		}
	}
	if f.MinReliability != "" || f.MinCredibility > 0 {
		min := Source{Reliability: strings.ToUpper(f.MinReliability), Credibility: f.MinCredibility}
		parts = append(parts, "sources graded "+min.Grade()+" or better")
	}
	if len(parts) == 0 {
		return "all events"
	}
	return strings.Join(parts, ", ")
}

// instantLabel writes a bound of a filter: its day, with the time when it is not the
// start or the end of the day.
func instantLabel(sec int64) string {
	t := time.Unix(sec, 0).UTC()
	day := t.Format("02 Jan ") + YearLabel(t.Year())
	if hms := t.Format("15:04:05"); hms != "00:00:00" && hms != "23:59:59" {
		return day + " " + t.Format("15:04") + " UTC"
	}
	return day
}
