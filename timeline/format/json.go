package format

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/chronoscope/chronoscope/timeline"
)

// jsonEvent is one event of the native JSON document:
//
//	{"title": "case name", "description": "...", "notes": "the case's notes page", "events": [
//	  {"id": "...", "title": "...", "start": "2023-09-13", "end": "", "lane": "",
//	   "actors": [], "tags": [], "location": "Vladivostok", "lat": 43.1, "lon": 131.9,
//	   "description": "", "importance": 3,
//	   "sources": [{"title", "url", "publisher", "date", "quote", "reliability", "credibility", "id"}],
//	   "notes": "the analyst's note", "attrs": {"key": "value"},
//	   "created": "RFC 3339", "updated": "RFC 3339"}]}
//
// Dates are EDTF text. The coordinates sit beside the location's name as "lat" and "lon"
// (omitted when unknown); notes, attrs, created and updated are omitted when empty.
// Unknown keys are ignored.
//
// Sources are shared by the events of a case: each object of "sources" is one citation,
// which repeats its shared source's fields and names it by "id" (the same id in every
// event that cites it), with the citation's own "quote". Reading a file, citations of one
// id are one shared source (when they disagree, the last one read gives its fields); a
// citation with no id is matched to a source with exactly the same fields.
type jsonEvent struct {
	ID          string            `json:"id"`
	Title       string            `json:"title"`
	Start       string            `json:"start"`
	End         string            `json:"end"`
	Lane        string            `json:"lane"`
	Actors      []string          `json:"actors"`
	Tags        []string          `json:"tags"`
	Location    string            `json:"location"`
	Lat         *float64          `json:"lat,omitempty"`
	Lon         *float64          `json:"lon,omitempty"`
	Description string            `json:"description"`
	Importance  int               `json:"importance"`
	Sources     []jsonSource      `json:"sources"`
	Notes       string            `json:"notes,omitempty"`
	Attrs       map[string]string `json:"attrs,omitempty"`
	Created     *time.Time        `json:"created,omitempty"`
	Updated     *time.Time        `json:"updated,omitempty"`
}

type jsonSource struct {
	Title       string `json:"title"`
	URL         string `json:"url"`
	Publisher   string `json:"publisher"`
	Date        string `json:"date"`
	Quote       string `json:"quote"`
	Reliability string `json:"reliability"`
	Credibility int    `json:"credibility"`
	ID          string `json:"id,omitempty"`
}

// jsonColumn names fields as the native JSON spells them.
func jsonColumn(field string) string {
	if n, sub, ok := sourceField(field); ok {
		return fmt.Sprintf("sources[%d].%s", n-1, sub)
	}
	if key, ok := strings.CutPrefix(field, "attr:"); ok {
		return "attrs." + key
	}
	switch field {
	case "latitude":
		return "lat"
	case "longitude":
		return "lon"
	}
	return field
}

func readJSON(r io.Reader, s *sink) (timeline.CaseInfo, error) {
	j, err := newJSONWalker(r, s)
	if err != nil {
		return timeline.CaseInfo{}, err
	}
	var info timeline.CaseInfo
	sawEvents := false
	err = j.object("", func(key string) error {
		var err error
		switch key {
		case "title":
			info.Name, err = j.text(key)
		case "description":
			info.Description, err = j.text(key)
		case "notes":
			info.Notes, err = j.text(key)
		case "events":
			sawEvents = true
			err = j.array(key, func(line int) error {
				var je jsonEvent
				if err := j.decode(&je, ""); err != nil {
					return err
				}
				e, err := je.event(s, line)
				if err != nil {
					return err
				}
				return s.add(&e, line, jsonColumn)
			})
		default:
			err = j.skip(key)
		}
		return err
	})
	if err == nil {
		err = j.end()
	}
	if err == nil && !sawEvents {
		err = s.errAt(1, "events", "the document has no \"events\" list")
	}
	if err != nil {
		return timeline.CaseInfo{}, err
	}
	return info, nil
}

func (je *jsonEvent) event(s *sink, line int) (timeline.Event, error) {
	e := timeline.Event{
		ID: je.ID, Title: je.Title, Description: je.Description, Lane: je.Lane, Notes: je.Notes,
		Actors: je.Actors, Tags: je.Tags, Importance: je.Importance, Attrs: je.Attrs,
		Location: timeline.Location{Name: je.Location, Lat: je.Lat, Lon: je.Lon},
	}
	var err error
	if e.Start, err = parseOptionalDate(je.Start); err != nil {
		return e, s.errAt(line, "start", "%v", err)
	}
	if e.End, err = parseOptionalDate(je.End); err != nil {
		return e, s.errAt(line, "end", "%v", err)
	}
	for _, src := range je.Sources {
		e.Sources = append(e.Sources, timeline.Source(src))
	}
	if je.Created != nil {
		e.Created = *je.Created
	}
	if je.Updated != nil {
		e.Updated = *je.Updated
	}
	return e, nil
}

// parseOptionalDate parses an EDTF date; blank text is no date.
func parseOptionalDate(text string) (timeline.Date, error) {
	d, err := timeline.ParseDate(text)
	if err != nil && isBlank(text) {
		return timeline.Date{}, nil
	}
	return d, err
}

func isBlank(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ', '\t', '\r', '\n':
		default:
			return false
		}
	}
	return true
}

// writeJSON writes the native JSON document described at jsonEvent, one event after
// another, indented for people who read it.
func writeJSON(w io.Writer, doc Document) error {
	head := struct {
		Title       string `json:"title"`
		Description string `json:"description"`
		Notes       string `json:"notes,omitempty"`
	}{doc.Info.Name, doc.Info.Description, doc.Info.Notes}
	b, err := marshal(head, "")
	if err != nil {
		return err
	}
	// Open the object and leave it open for the events.
	b = append(b[:len(b)-3], ",\n  \"events\": ["...)
	if _, err := w.Write(b); err != nil {
		return err
	}
	for i, e := range doc.Events {
		je := jsonEvent{
			ID: e.ID, Title: e.Title, Start: e.Start.Text, End: e.End.Text, Lane: e.Lane,
			Actors: nonNil(e.Actors), Tags: nonNil(e.Tags), Location: e.Location.Name,
			Lat: e.Location.Lat, Lon: e.Location.Lon, Description: e.Description,
			Importance: e.Importance, Sources: []jsonSource{}, Notes: e.Notes, Attrs: e.Attrs,
		}
		if len(je.Attrs) == 0 {
			je.Attrs = nil
		}
		for _, s := range e.Sources {
			je.Sources = append(je.Sources, jsonSource(s))
		}
		if !e.Created.IsZero() {
			je.Created = &e.Created
		}
		if !e.Updated.IsZero() {
			je.Updated = &e.Updated
		}
		b, err := marshal(je, "    ")
		if err != nil {
			return fmt.Errorf("export event %q: %w", e.Title, err)
		}
		sep := ",\n    "
		if i == 0 {
			sep = "\n    "
		}
		if _, err := io.WriteString(w, sep); err != nil {
			return err
		}
		if _, err := w.Write(b[:len(b)-1]); err != nil {
			return err
		}
	}
	end := "\n  ]\n}\n"
	if len(doc.Events) == 0 {
		end = "]\n}\n"
	}
	_, err = io.WriteString(w, end)
	return err
}

// marshal encodes v indented, without escaping HTML (descriptions often hold it and are
// text, not markup, in a JSON file), ending in a newline.
func marshal(v any, prefix string) ([]byte, error) {
	var b jsonBuffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent(prefix, "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return b, nil
}

type jsonBuffer []byte

func (b *jsonBuffer) Write(p []byte) (int, error) {
	*b = append(*b, p...)
	return len(p), nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
