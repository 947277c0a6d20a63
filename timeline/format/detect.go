package format

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"path/filepath"
	"strings"
)

// Detect tells a file's format from its name and its first bytes (head; 64 KiB is
// plenty, less may do). Content decides when it is clear: a zip archive named .xlsx, or
// holding an xl/ part, is an Excel workbook; BEGIN:VCALENDAR is iCalendar;
// a JSON object whose "events" hold "start_date" objects (or whose "title" is a slide) is
// TimelineJS, any other JSON object native JSON; a CSV header with ACLED's event_id_cnty
// or event_date is ACLED, one with TimelineJS's Headline and Year (or Start Date) is a
// TimelineJS sheet, and one with title and start is native CSV. Otherwise the extension
// decides (.ics, .json, .csv). A file Detect cannot place is a *ParseError on line 1.
func Detect(name string, head []byte) (Format, error) {
	ext := strings.ToLower(filepath.Ext(name))
	body := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\ufeff")), " \t\r\n")
	switch {
	case len(body) == 0:
		return "", &ParseError{File: name, Line: 1, Msg: "the file is empty"}
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		if ext == ".xlsx" || ext == ".xlsm" || bytes.Contains(head, []byte("xl/")) {
			return XLSX, nil
		}
		return "", &ParseError{File: name, Msg: "a zip archive that is not an Excel workbook (.xlsx)"}
	case len(body) >= 15 && strings.EqualFold(string(body[:15]), "BEGIN:VCALENDAR"):
		return ICS, nil
	case body[0] == '{':
		return jsonKind(body), nil
	}
	if f, ok := csvKind(body); ok {
		return f, nil
	}
	switch ext {
	case ".ics", ".ical", ".icalendar", ".ifb":
		return ICS, nil
	case ".json":
		return JSON, nil
	case ".csv", ".txt":
		return CSV, nil
	}
	return "", &ParseError{File: name, Line: 1, Msg: "Chronoscope cannot tell what kind of file this is; " +
		"it reads CSV, Excel (.xlsx), JSON, TimelineJS, iCalendar (.ics) and ACLED files"}
}

// jsonFrame is an object or an array jsonKind is inside: for an object, whether a key
// comes next and the last key read.
type jsonFrame struct {
	obj     bool
	wantKey bool
	key     string
}

// jsonKind looks through as much of a JSON object as head holds for a TimelineJS shape.
func jsonKind(head []byte) Format {
	var stack []jsonFrame
	done := func() {
		if n := len(stack); n > 0 && stack[n-1].obj {
			stack[n-1].wantKey = true
		}
	}
	dec := json.NewDecoder(bytes.NewReader(head))
	for {
		tok, err := dec.Token()
		if err != nil {
			return JSON
		}
		n := len(stack)
		if n > 0 && stack[n-1].obj && stack[n-1].wantKey {
			key, ok := tok.(string)
			if !ok { // the closing brace
				stack = stack[:n-1]
				done()
				continue
			}
			stack[n-1].key, stack[n-1].wantKey = key, false
			if k := keyKind(stack, key); k != "" {
				return k
			}
			continue
		}
		d, ok := tok.(json.Delim)
		switch {
		case !ok:
			done()
		case d == '{':
			if n == 1 && stack[0].key == "title" {
				return TimelineJS
			}
			stack = append(stack, jsonFrame{obj: true, wantKey: true})
		case d == '[':
			stack = append(stack, jsonFrame{})
		default:
			if n > 0 {
				stack = stack[:n-1]
			}
			done()
		}
	}
}

// keyKind says what a key read inside stack tells of the file: TimelineJS (a TimelineJS
// key at the top, or in an event), JSON (Chronoscope's "start" in an event), or "" when
// it tells nothing.
func keyKind(stack []jsonFrame, key string) Format {
	switch n := len(stack); {
	case n == 1 && (key == "eras" || key == "scale"):
		return TimelineJS
	case n == 3 && stack[0].key == "events" && !stack[1].obj:
		switch key {
		case "start_date", "unique_id", "text", "media":
			return TimelineJS
		case "start":
			return JSON
		}
	}
	return ""
}

// csvKind tells the CSV formats apart by their header.
func csvKind(head []byte) (Format, bool) {
	r := csv.NewReader(bytes.NewReader(head))
	r.LazyQuotes = true
	r.FieldsPerRecord = -1
	rec, err := r.Read()
	if err != nil {
		return "", false
	}
	has := map[string]bool{}
	for _, h := range rec {
		has[headerKey(h)] = true
	}
	switch {
	case has["event_id_cnty"] || (has["event_date"] && (has["event_type"] || has["sub_event_type"])):
		return ACLED, true
	case has["headline"] && (has["year"] || has["start_date"]):
		return TimelineJSCSV, true
	case has["title"] && has["start"]:
		return CSV, true
	}
	return "", false
}
