package format

import (
	"io"
	"strings"
	"time"

	"github.com/chronoscope/chronoscope/timeline"
)

// An ACLED export (one event a row, columns named as in ACLED's codebook) reads as:
// event_id_cnty is the id; event_date (2023-09-13 or 13 September 2023) with
// time_precision the start: 1 is that day, 2 about that day ("2023-09-13~", ACLED's "within
// a week"), 3 that month ("2023-09"); event_type is the lane and sub_event_type the first
// tag, followed by the names in tags; actor1, assoc_actor_1, actor2 and assoc_actor_2
// (";"-separated lists) are the actors; location, admin1 and country name the location,
// latitude and longitude place it; source is a source published via ACLED; notes is the
// description; the title is sub_event_type in location, with actor1. Every other column,
// such as fatalities, inter1, civilian_targeting, source_scale and timestamp (and the
// actor columns, which say who was actor1), is kept as an attribute of its own name.
var acledMapped = map[string]bool{
	"event_id_cnty": true, "event_date": true, "event_type": true, "sub_event_type": true,
	"location": true, "latitude": true, "longitude": true, "notes": true, "source": true, "tags": true,
}

func acledColumn(field string) string {
	switch field {
	case "id":
		return "event_id_cnty"
	case "start":
		return "event_date"
	case "latitude", "longitude":
		return field
	case "title":
		return "sub_event_type"
	case "lane":
		return "event_type"
	}
	if _, _, ok := sourceField(field); ok {
		return "source"
	}
	return field
}

// acledLayouts are the event_date forms ACLED's exports and spreadsheets use.
var acledLayouts = []string{"2 January 2006", "2-January-2006", "2 Jan 2006", "2-Jan-2006", "2006/01/02", "January 2, 2006"}

func readACLED(r io.Reader, s *sink) (timeline.CaseInfo, error) {
	t, err := openTable(r, s)
	if err != nil {
		return timeline.CaseInfo{}, err
	}
	col := map[string]int{}
	for i, k := range t.keys {
		if _, dup := col[k]; dup && k != "" {
			return timeline.CaseInfo{}, t.duplicate(i, k)
		}
		col[k] = i
	}
	if _, ok := col["event_date"]; !ok {
		return timeline.CaseInfo{}, s.errAt(1, "event_date", "the header has no event_date column")
	}
	for {
		more, err := t.next()
		if err != nil || !more {
			return timeline.CaseInfo{}, err
		}
		e, err := acledEvent(t, col)
		if err != nil {
			return timeline.CaseInfo{}, err
		}
		if err := s.add(&e, t.line, acledColumn); err != nil {
			return timeline.CaseInfo{}, err
		}
	}
}

// acledEvent reads the event of t's current row; col finds the columns by name.
func acledEvent(t *table, col map[string]int) (timeline.Event, error) {
	index := func(k string) int {
		if i, ok := col[k]; ok {
			return i
		}
		return -1
	}
	get := func(k string) string { return strings.TrimSpace(t.cell(index(k))) }
	e := timeline.Event{ID: get("event_id_cnty"), Lane: get("event_type"), Description: get("notes")}
	var err error
	if e.Start, err = acledDate(t, get("event_date"), get("time_precision")); err != nil {
		return e, err
	}
	sub := get("sub_event_type")
	e.Tags = append([]string{sub}, strings.Split(get("tags"), ";")...)
	for _, k := range []string{"actor1", "assoc_actor_1", "actor2", "assoc_actor_2"} {
		e.Actors = append(e.Actors, strings.Split(get(k), ";")...)
	}
	place := get("location")
	e.Location.Name = strings.Join(timeline.CleanList([]string{place, get("admin1"), get("country")}), ", ")
	if e.Location.Lat, err = t.float(index("latitude")); err != nil {
		return e, err
	}
	if e.Location.Lon, err = t.float(index("longitude")); err != nil {
		return e, err
	}
	if src := get("source"); src != "" {
		e.Sources = []timeline.Source{{Title: src, Publisher: "ACLED"}}
	}
	e.Title = acledTitle(sub, get("event_type"), place, get("admin1"), get("country"), get("actor1"), e.ID)
	for i, k := range t.keys {
		if v := strings.TrimSpace(t.cell(i)); v != "" && k != "" && !acledMapped[k] {
			if e.Attrs == nil {
				e.Attrs = map[string]string{}
			}
			e.Attrs[k] = v
		}
	}
	return e, nil
}

// acledDate reads event_date at the precision time_precision gives.
func acledDate(t *table, text, precision string) (timeline.Date, error) {
	if text == "" {
		return timeline.Date{}, t.s.errAt(t.line, "event_date", "the event has no date")
	}
	var day time.Time
	var d timeline.Date
	if plain, err := timeline.ParseDate(text); err == nil && plain.Precision == timeline.PrecisionDay && len(text) == 10 {
		day = plain.Time()
	} else {
		for _, layout := range acledLayouts {
			if day, err = time.Parse(layout, text); err == nil {
				break
			}
		}
		if day.IsZero() {
			return d, t.s.errAt(t.line, "event_date", "%q is not a date such as 2023-09-13 or 13 September 2023", text)
		}
	}
	edtf := day.Format("2006-01-02")
	switch precision {
	case "", "1":
	case "2":
		edtf += "~"
	case "3":
		edtf = day.Format("2006-01")
	default:
		return d, t.s.errAt(t.line, "time_precision", "%q is not 1 (day), 2 (week) or 3 (month)", precision)
	}
	d, err := timeline.ParseDate(edtf)
	if err != nil {
		return d, t.s.errAt(t.line, "event_date", "%v", err)
	}
	return d, nil
}

// acledTitle names an event by what happened where, and who did it.
func acledTitle(sub, kind, place, admin1, country, actor1, id string) string {
	what := sub
	if what == "" {
		what = kind
	}
	where := place
	for _, w := range []string{admin1, country} {
		if where == "" {
			where = w
		}
	}
	title := what
	if where != "" {
		if title == "" {
			title = where
		} else {
			title += " in " + where
		}
	}
	if actor1 != "" {
		if title == "" {
			title = actor1
		} else {
			title += ": " + actor1
		}
	}
	if title == "" {
		title = "ACLED event " + id
	}
	return title
}
