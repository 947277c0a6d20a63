package format

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash/maphash"
	"io"
	"strings"
	"time"

	"github.com/chronoscope/chronoscope/timeline"
)

// Format names a kind of file this package reads or writes.
type Format string

// The formats Chronoscope exchanges events in.
const (
	// CSV is Chronoscope's own spreadsheet: one event a row (see WriteCSV for the columns).
	CSV Format = "csv"
	// JSON is Chronoscope's own JSON document, lossless like CSV.
	JSON Format = "json"
	// TimelineJS is the JSON that Knight Lab's TimelineJS loads.
	TimelineJS Format = "timelinejs"
	// TimelineJSCSV is a TimelineJS Google-sheet template saved as CSV.
	TimelineJSCSV Format = "timelinejs-csv"
	// ICS is an iCalendar file (RFC 5545) of VEVENTs.
	ICS Format = "ics"
	// ACLED is a CSV export of the Armed Conflict Location & Event Data project.
	ACLED Format = "acled"
)

// Formats lists every format Read understands, in the order Detect prefers them.
var Formats = []Format{CSV, JSON, TimelineJS, TimelineJSCSV, ICS, ACLED, XLSX}

// Document is what a file holds: the case's name and description, when the format has
// them, and its events in file order.
type Document struct {
	Info   timeline.CaseInfo
	Events []timeline.Event
	// Generated is when the export was made (timeline.ExportTime, which honours
	// SOURCE_DATE_EPOCH): iCalendar stamps it as the DTSTAMP of the events that keep no
	// created or updated time. When it is zero, Write takes timeline.ExportTime on the
	// process's environment. Reading leaves it zero.
	Generated time.Time
	// Layout is how a spreadsheet's columns were read (a CSV file or a workbook), nil
	// for the other formats.
	Layout *Layout
}

// ParseError says where a file is wrong: the file name, the line of the file (1 is the
// first line, the header of a CSV; a record spanning lines is reported at the line it
// starts on), the column or field (a CSV header name, a JSON key, an iCalendar property)
// and what is wrong. Line is 0 and Column empty when they do not apply.
type ParseError struct {
	File   string
	Line   int
	Column string
	Msg    string
}

// Error writes the place and the message on one line, such as
// `events.csv: line 8, column start: "2023-13-45" is not a date`.
func (e *ParseError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		if b.Len() > 0 {
			b.WriteString(": ")
		}
		fmt.Fprintf(&b, "line %d", e.Line)
	}
	if e.Column != "" {
		if e.Line > 0 {
			b.WriteString(", ")
		} else if b.Len() > 0 {
			b.WriteString(": ")
		}
		fmt.Fprintf(&b, "column %s", e.Column)
	}
	if b.Len() > 0 {
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// detectSize is how much of a file Read peeks at when it is asked to detect the format.
const detectSize = 64 << 10

// Read reads a whole file of format f into a Document. name is the file's name, used in
// errors and, when f is "", to detect the format with Detect. Every event returned is
// normalized (Event.Normalize), valid (Event.Validate) and has an ID: the file's own, or
// one derived from the format, title and start (and how many events before it share
// them), so reading the same file again gives the same IDs. An empty attribute value is
// the same as no attribute and is dropped. The first bad event fails the whole Read with a
// *ParseError; two events with the same id are an error too.
func Read(r io.Reader, name string, f Format) (Document, error) {
	return ReadWith(r, name, f, Options{})
}

// ReadWith is Read with the options of a spreadsheet (ignored by the other formats).
// When the file is a spreadsheet, the Document has its Layout even when the read fails,
// so that the analyst can change the roles it guessed.
func ReadWith(r io.Reader, name string, f Format, opt Options) (Document, error) {
	// Events are gathered in fixed-size chunks and copied once at the end: growing one
	// slice of a million events would copy and rescan it many times over.
	const chunk = 4096
	var chunks [][]timeline.Event
	cur := make([]timeline.Event, 0, 64)
	total := 0
	doc, err := ScanWith(r, name, f, opt, func(e timeline.Event) error {
		if len(cur) == cap(cur) {
			chunks = append(chunks, cur)
			cur = make([]timeline.Event, 0, min(chunk, 2*cap(cur)))
		}
		cur = append(cur, e)
		total++
		return nil
	})
	if err != nil {
		return Document{Layout: doc.Layout}, err
	}
	if total > 0 {
		doc.Events = make([]timeline.Event, 0, total)
		for _, c := range chunks {
			doc.Events = append(doc.Events, c...)
		}
		doc.Events = append(doc.Events, cur...)
	}
	return doc, nil
}

// Scan is Read for large files: it hands each event to each as soon as it is read and
// checked, in file order, and returns the case's name and description at the end. When
// Scan fails, the events already handed over must be thrown away (an import is one
// transaction). An error from each stops Scan and is returned as it is. For a progress
// bar, count the bytes r gives against the file's size.
func Scan(r io.Reader, name string, f Format, each func(timeline.Event) error) (timeline.CaseInfo, error) {
	doc, err := ScanWith(r, name, f, Options{}, each)
	return doc.Info, err
}

// ScanWith is Scan with the options of a spreadsheet. The Document it returns holds no
// events, only the case's name and description and the spreadsheet's Layout (which it
// holds even when the scan fails).
func ScanWith(r io.Reader, name string, f Format, opt Options, each func(timeline.Event) error) (Document, error) {
	if f == "" {
		br := bufio.NewReaderSize(r, detectSize)
		head, _ := br.Peek(detectSize)
		var err error
		if f, err = Detect(name, head); err != nil {
			return Document{}, err
		}
		r = br
	}
	s := &sink{file: name, format: f, opt: opt, each: each, derived: map[[16]byte]int{}}
	info, err := s.read(r)
	if err != nil {
		return Document{Layout: s.layout}, err
	}
	for _, field := range [...]struct{ column, text string }{{"title", info.Name}, {"description", info.Description}} {
		if err := timeline.ValidateText(field.column, field.text); err != nil {
			return Document{Layout: s.layout}, &ParseError{File: name, Column: field.column,
				Msg: "the case's " + err.(*timeline.FieldError).Reason}
		}
	}
	return Document{Info: info, Layout: s.layout}, nil
}

// read reads the file in the sink's format.
func (s *sink) read(r io.Reader) (timeline.CaseInfo, error) {
	switch s.format {
	case CSV:
		return readCSV(r, s)
	case JSON:
		return readJSON(r, s)
	case TimelineJS:
		return readTimelineJS(r, s)
	case TimelineJSCSV:
		return readTimelineJSCSV(r, s)
	case ICS:
		return readICS(r, s)
	case ACLED:
		return readACLED(r, s)
	case XLSX:
		return readXLSX(r, s)
	}
	return timeline.CaseInfo{}, &ParseError{File: s.file, Msg: fmt.Sprintf("unknown format %q", s.format)}
}

// Write writes doc in format f: csv, json, timelinejs, timelinejs-csv, ics or xlsx (acled
// is read only). Native CSV and JSON keep every field; the others keep what their format
// can hold (see each writer). An event the format cannot hold, such as a BCE date in
// iCalendar, is an error naming the event, and what was written before must be thrown
// away; WriteSome leaves such events out instead, and says so.
func Write(w io.Writer, f Format, doc Document) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	var err error
	switch f {
	case CSV:
		err = writeCSV(bw, doc)
	case JSON:
		err = writeJSON(bw, doc)
	case TimelineJS:
		err = writeTimelineJS(bw, doc)
	case TimelineJSCSV:
		err = writeTimelineJSCSV(bw, doc)
	case ICS:
		err = writeICS(bw, doc, nil)
	case XLSX:
		err = writeXLSX(bw, doc)
	default:
		return fmt.Errorf("export: Chronoscope cannot write %q files", f)
	}
	if err != nil {
		return err
	}
	return bw.Flush()
}

// sink checks each event read, gives it an id and hands it on.
type sink struct {
	file    string
	format  Format
	opt     Options
	layout  *Layout // how a spreadsheet's columns were read
	each    func(timeline.Event) error
	ids     idSet
	derived map[[16]byte]int // title+start hash -> events seen with it
}

// errAt returns a *ParseError at line and column of the file being read.
func (s *sink) errAt(line int, column, format string, args ...any) *ParseError {
	return &ParseError{File: s.file, Line: line, Column: column, Msg: fmt.Sprintf(format, args...)}
}

// add normalizes e, gives it an id if it has none, validates it and hands it on. column
// maps a field named by timeline.FieldError to the file's own name for it.
func (s *sink) add(e *timeline.Event, line int, column func(field string) string) error {
	e.Normalize()
	e.ID = strings.TrimSpace(e.ID)
	for k, v := range e.Attrs {
		if v == "" {
			delete(e.Attrs, k)
		}
	}
	if len(e.Attrs) == 0 {
		e.Attrs = nil
	}
	if err := e.Validate(); err != nil {
		fe, ok := err.(*timeline.FieldError)
		if !ok {
			return s.errAt(line, "", "%v", err)
		}
		msg := fe.Reason
		if fe.Value != "" {
			msg = fmt.Sprintf("%q: %s", fe.Value, fe.Reason)
		}
		return s.errAt(line, column(fe.Field), "%s", msg)
	}
	if e.ID == "" {
		e.ID = s.deriveID(e)
	}
	if prev, dup := s.ids.add(e.ID, line); dup {
		return s.errAt(line, column("id"), "id %q is already used by the event on line %d", e.ID, prev)
	}
	return s.each(*e)
}

// deriveID makes a stable id from the format, title and start; the n-th repeat of the
// same title and start gets its own id.
func (s *sink) deriveID(e *timeline.Event) string {
	h := sha256.New()
	io.WriteString(h, string(s.format))
	h.Write([]byte{0})
	io.WriteString(h, e.Title)
	h.Write([]byte{0})
	io.WriteString(h, e.Start.Text)
	var key [16]byte
	copy(key[:], h.Sum(nil))
	n := s.derived[key]
	s.derived[key] = n + 1
	if n > 0 {
		fmt.Fprintf(h, "\x00%d", n)
		copy(key[:], h.Sum(nil))
	}
	return hex.EncodeToString(key[:])
}

// sourceField splits a FieldError field such as "source 2 url" into 2 and "url".
func sourceField(field string) (n int, sub string, ok bool) {
	rest, found := strings.CutPrefix(field, "source ")
	if !found {
		return 0, "", false
	}
	num, sub, found := strings.Cut(rest, " ")
	if !found {
		return 0, "", false
	}
	for _, c := range num {
		if c < '0' || c > '9' {
			return 0, "", false
		}
		n = n*10 + int(c-'0')
	}
	return n, sub, true
}

// idSet remembers the ids read so far and the line of each. It is keyed by a 64-bit hash,
// which is much cheaper than a map of strings for a million ids; a hash shared by two
// different ids (vanishingly rare) falls back to an exact map.
type idSet struct {
	seed  maphash.Seed
	byKey map[uint64]idLine
	exact map[string]int
}

type idLine struct {
	id   string
	line int
}

// add records id at line, or reports the line of an earlier use.
func (s *idSet) add(id string, line int) (prev int, dup bool) {
	if s.byKey == nil {
		s.seed, s.byKey = maphash.MakeSeed(), map[uint64]idLine{}
	}
	k := maphash.String(s.seed, id)
	old, ok := s.byKey[k]
	switch {
	case !ok:
		s.byKey[k] = idLine{strings.Clone(id), line} // its own copy: the id is a slice of its whole line
		return 0, false
	case old.id == id:
		return old.line, true
	}
	if s.exact == nil {
		s.exact = map[string]int{}
	}
	if prev, dup = s.exact[id]; dup {
		return prev, true
	}
	s.exact[strings.Clone(id)] = line
	return 0, false
}
