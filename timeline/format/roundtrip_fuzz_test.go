package format

import (
	"strings"
	"testing"

	"github.com/chronoscope/chronoscope/timeline"
)

// fuzzEvent builds an event from fuzzed text: every text field is set, names and
// sources are split from lists on "|", and an attribute is set when its key and value
// are not empty. It reports false for an event Validate refuses, which no writer is given.
func fuzzEvent(id, title, desc, start, end, lane, actors, tags, place, src, quote, attrKey, attrValue string,
	lat float64, importance, credibility int) (timeline.Event, bool) {
	e := timeline.Event{ID: strings.TrimSpace(id), Title: title, Description: desc, Lane: lane,
		Actors: strings.Split(actors, "|"), Tags: strings.Split(tags, "|"), Location: timeline.Location{Name: place},
		Importance: importance}
	if e.ID == "" {
		e.ID = "fuzz"
	}
	var err error
	if e.Start, err = timeline.ParseDate(start); err != nil {
		e.Start = timeline.MustParseDate("-0043-03-15")
	}
	if e.End, err = timeline.ParseDate(end); err != nil || e.End.Latest < e.Start.Earliest {
		e.End = timeline.Date{}
	}
	if lat >= -90 && lat <= 90 {
		e.Location.Lat, e.Location.Lon = &lat, &lat
	}
	for i, part := range strings.Split(src, "|") {
		if part == "" {
			continue
		}
		s := timeline.Source{Title: part, Quote: quote, Date: quote, Publisher: part, Reliability: "C", Credibility: credibility}
		if i%2 == 1 {
			s.URL = "https://example.org/" + part
		}
		e.Sources = append(e.Sources, s)
	}
	if attrKey != "" && attrValue != "" {
		e.Attrs = map[string]string{attrKey: attrValue}
	}
	e.Normalize()
	return e, e.Validate() == nil
}

// FuzzNativeRoundTrip writes an event of fuzzed text in native CSV and JSON and reads it
// back: every field must come back as it was, whatever characters it holds (CRs, quotes,
// formula characters, apostrophes, separators).
func FuzzNativeRoundTrip(f *testing.F) {
	f.Add("id", "s\r\r\n.", "a\r\nb\rc\n", "2023-09-13", "2023-09-14", "Lane", "A|B;C", "t|u", "Place", "Wire|Other",
		"q", "k", "v", 43.1, 3, 2)
	f.Add("=id", "=1+1", "'=x", "-0043-03-15", "", "+lane", "@a|-b", "''=t", "\tplace", "-src|'=src2", "=quote",
		"=key", "''-v", -41.9, 1, 6)
	f.Add("'", "'", "''", "201X", "2020%", "'", "'|''", "\\;", " ", "'|\r", "\r\n", "\r", "\r\r\n", 0.0, 5, 0)
	f.Fuzz(func(t *testing.T, id, title, desc, start, end, lane, actors, tags, place, src, quote, attrKey, attrValue string,
		lat float64, importance, credibility int) {
		e, ok := fuzzEvent(id, title, desc, start, end, lane, actors, tags, place, src, quote, attrKey, attrValue,
			lat, importance, credibility)
		if !ok {
			return
		}
		doc := Document{Events: []timeline.Event{e, {ID: "second", Title: "Second", Start: e.Start, Importance: 3}}}
		for _, f := range []Format{CSV, JSON} {
			sameEvents(t, doc.Events, roundTrip(t, f, doc).Events)
		}
	})
}
