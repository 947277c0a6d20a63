package timeline

import (
	"crypto/md5"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
)

// DefaultImportance is the importance of an event nobody ranked.
const DefaultImportance = 3

// Event is one dated happening in a chronology. ID is stable for the life of the event,
// across export and import, so a re-import updates instead of duplicating. Start is
// required; End, when set, makes the event a span and is never before Start.
type Event struct {
	ID          string
	Title       string
	Description string
	Start       Date
	End         Date
	Lane        string
	Actors      []string
	Tags        []string
	Location    Location
	Importance  int
	// Sources are the event's citations: each names one of the case's shared sources
	// (Source.ID) and carries its own Quote.
	Sources []Source
	// Notes is the analyst's own note on the event (any number of paragraphs), kept apart
	// from the Description, which says what the sources say.
	Notes string
	// Attrs keeps what an imported format says that has no field of its own (TimelineJS
	// media and display_date, ACLED fatalities...), so an export can give it back.
	Attrs   map[string]string
	Created time.Time
	Updated time.Time
	// Version counts the saved changes of the event: a store gives it 1 when the event is
	// added and one more each time a Put changes it. A Put of an event whose Version is set
	// saves only over that version: when the stored event is at another (someone else saved
	// it meanwhile) or is gone, the Put fails with a *ConflictError and the case is
	// unchanged. A zero Version writes whatever is stored (imports, scripts). Put writes the
	// saved version back into the events it is given.
	Version int64
}

// Location is where an event happened: a name and, when known, coordinates.
type Location struct {
	Name string
	Lat  *float64
	Lon  *float64
}

// validCoordinates checks the latitude and longitude, when given.
func (l Location) validLatitude() *FieldError {
	if lat := l.Lat; lat != nil && (math.IsNaN(*lat) || *lat < -90 || *lat > 90) {
		return &FieldError{Field: "latitude", Value: fmt.Sprint(*lat), Reason: "latitude is a number from -90 to 90 (south to north)"}
	}
	return nil
}

func (l Location) validLongitude() *FieldError {
	if lon := l.Lon; lon != nil && (math.IsNaN(*lon) || *lon < -180 || *lon > 180) {
		return &FieldError{Field: "longitude", Value: fmt.Sprint(*lon), Reason: "longitude is a number from -180 to 180 (west to east)"}
	}
	return nil
}

// IsZero reports whether no location is given.
func (l Location) IsZero() bool { return l.Name == "" && l.Lat == nil && l.Lon == nil }

// Source is a document an event rests on, graded on the Admiralty scale: Reliability of
// the source A (reliable) to F (cannot be judged), Credibility of the information 1
// (confirmed) to 6 (cannot be judged). An empty Reliability or a zero Credibility means
// "not graded".
//
// A case keeps its sources as one list shared by its events; an event's Sources are its
// citations of them. ID names the shared source a citation cites: every citation of one
// ID has the same title, URL, publisher, date and grade (the shared source's), and its
// own Quote. A citation with no ID is given one by the store when it is written: the ID
// of the case's source with exactly the same fields, or a new one. Writing an event whose
// citation has an ID with other fields than the case's source of that ID changes the
// shared source, and with it every event that cites it (see SourceKeeper).
type Source struct {
	Title       string
	URL         string
	Publisher   string
	Date        string
	Quote       string
	Reliability string
	Credibility int
	ID          string
}

// Shared is the shared source s cites: s without its quote.
func (s Source) Shared() Source {
	s.Quote = ""
	return s
}

// SameDocument reports whether s and o describe the same document the same way: equal
// titles, URLs, publishers, dates and grades (IDs and quotes aside).
func (s Source) SameDocument(o Source) bool {
	return s.Title == o.Title && s.URL == o.URL && s.Publisher == o.Publisher && s.Date == o.Date &&
		s.Reliability == o.Reliability && s.Credibility == o.Credibility
}

// DocumentID is the id a store gives a new shared source with s's fields: 32 hex digits
// of the MD5 of the title, URL, publisher, date, reliability and credibility (in
// decimal) joined by U+001F, so the same document gets the same id in every case (and
// a copy between cases merges them). A store whose source of that id has other fields
// by now (it was edited) gives a new source a fresh NewID instead.
func (s Source) DocumentID() string {
	sum := md5.Sum([]byte(strings.Join([]string{s.Title, s.URL, s.Publisher, s.Date, s.Reliability,
		strconv.Itoa(s.Credibility)}, "\x1f")))
	return hex.EncodeToString(sum[:])
}

// DocumentKey is a text that two sources share exactly when SameDocument holds for them.
func (s Source) DocumentKey() string {
	return fmt.Sprintf("%d:%s|%d:%s|%d:%s|%d:%s|%s|%d", len(s.Title), s.Title, len(s.URL), s.URL,
		len(s.Publisher), s.Publisher, len(s.Date), s.Date, s.Reliability, s.Credibility)
}

// Grade is the Admiralty grade as analysts write it, such as "B2", or "" when ungraded.
func (s Source) Grade() string {
	c := ""
	if s.Credibility > 0 {
		c = fmt.Sprint(s.Credibility)
	}
	return s.Reliability + c
}

// GradeText spells the grade out for a reader: "B2: usually reliable, probably true",
// "not graded" when it is not.
func (s Source) GradeText() string {
	var parts []string
	for _, r := range Reliabilities {
		if r.Grade == s.Reliability {
			parts = append(parts, strings.ToLower(r.Meaning))
		}
	}
	if s.Credibility >= 1 && s.Credibility <= len(Credibilities) {
		parts = append(parts, strings.ToLower(Credibilities[s.Credibility-1]))
	}
	if len(parts) == 0 {
		return "not graded"
	}
	return s.Grade() + ": " + strings.Join(parts, ", ")
}

// IsSpan reports whether e has an end.
func (e Event) IsSpan() bool { return !e.End.IsZero() }

// Earliest is the first instant e may cover.
func (e Event) Earliest() int64 { return e.Start.Earliest }

// Latest is the last instant e may cover.
func (e Event) Latest() int64 {
	if e.End.IsZero() {
		return e.Start.Latest
	}
	return e.End.Latest
}

// FieldError names the field of an event that is wrong, the value, and why.
type FieldError struct {
	Field  string
	Value  string
	Reason string
}

func (e *FieldError) Error() string {
	if e.Field == "" {
		return e.Reason
	}
	if e.Value == "" {
		return fmt.Sprintf("%s: %s", e.Field, e.Reason)
	}
	return fmt.Sprintf("%s %q: %s", e.Field, e.Value, e.Reason)
}

// Validate checks e as the store and every importer require. The error is a *FieldError
// naming the first wrong field (title, start, end, importance, latitude, longitude,
// "source 2 url", "attr:KEY"...), or with no field when the event as a whole is too large:
// the first of Problems. Every text field must pass ValidateText (UTF-8, no NUL byte, at
// most MaxFieldBytes), the event's text in all must stay within MaxEventBytes, and a
// source's address must be http, https or mailto.
func (e *Event) Validate() error {
	if p := e.Problems(); len(p) > 0 {
		return p[0]
	}
	return nil
}

// Problems lists what is wrong with e, at most one *FieldError per field, in the order
// Validate checks them; nil when e is valid. A form shows them all at once, beside their
// fields. A coordinate that is not a number (NaN) is out of range.
func (e *Event) Problems() []*FieldError {
	var out []*FieldError
	add := func(fe *FieldError) {
		if fe == nil || slices.ContainsFunc(out, func(o *FieldError) bool { return o.Field == fe.Field }) {
			return
		}
		out = append(out, fe)
	}
	if strings.TrimSpace(e.Title) == "" {
		add(&FieldError{Field: "title", Reason: "an event needs a title"})
	}
	add(e.validText())
	start := e.startProblem()
	add(start)
	add(e.endProblem(start == nil))
	if e.Importance != 0 && (e.Importance < 1 || e.Importance > 5) {
		add(&FieldError{Field: "importance", Value: fmt.Sprint(e.Importance), Reason: "importance goes from 1 to 5"})
	}
	add(e.Location.validLatitude())
	add(e.Location.validLongitude())
	for i, s := range e.Sources {
		if err := s.Validate(); err != nil {
			fe := err.(*FieldError)
			fe.Field = fmt.Sprintf("source %d %s", i+1, fe.Field)
			add(fe)
			break
		}
	}
	return out
}

// startProblem is what is wrong with e's start: missing, or not a date.
func (e *Event) startProblem() *FieldError {
	if e.Start.IsZero() {
		return &FieldError{Field: "start", Reason: "an event needs a start date"}
	}
	if _, err := ParseDate(e.Start.Text); err != nil {
		return &FieldError{Field: "start", Value: e.Start.Text, Reason: reason(err)}
	}
	return nil
}

// endProblem is what is wrong with e's end: not a date, or before the start (when the
// start is one: startOK).
func (e *Event) endProblem(startOK bool) *FieldError {
	if e.End.IsZero() {
		return nil
	}
	if _, err := ParseDate(e.End.Text); err != nil {
		return &FieldError{Field: "end", Value: e.End.Text, Reason: reason(err)}
	}
	if startOK && e.End.Latest < e.Start.Earliest {
		return &FieldError{Field: "end", Value: e.End.Text, Reason: "the end is before the start " + e.Start.Text}
	}
	return nil
}

func reason(err error) string {
	if de, ok := err.(*DateError); ok {
		return de.Reason
	}
	return err.Error()
}

// Validate checks a source's text (see ValidateText), grade and URL, which must be a full
// http or https address or a mailto: address (or empty); the error is a *FieldError.
func (s Source) Validate() error {
	if fe := s.validText(); fe != nil {
		return fe
	}
	if s.Reliability != "" && (len(s.Reliability) != 1 || s.Reliability[0] < 'A' || s.Reliability[0] > 'F') {
		return &FieldError{Field: "reliability", Value: s.Reliability, Reason: "reliability is a letter from A to F"}
	}
	if s.Credibility < 0 || s.Credibility > 6 {
		return &FieldError{Field: "credibility", Value: fmt.Sprint(s.Credibility), Reason: "credibility is a number from 1 to 6"}
	}
	if s.URL != "" {
		if fe := checkURL(s.URL); fe != nil {
			return fe
		}
	}
	if strings.TrimSpace(s.Title) == "" && strings.TrimSpace(s.URL) == "" {
		return &FieldError{Field: "title", Reason: "a source needs a title or a URL"}
	}
	return nil
}

// Normalize trims the event's text fields, drops empty and repeated actors and tags, and
// gives an unranked event the default importance. It does not change dates.
func (e *Event) Normalize() {
	e.Title = strings.TrimSpace(e.Title)
	e.Lane = strings.TrimSpace(e.Lane)
	e.Location.Name = strings.TrimSpace(e.Location.Name)
	e.Actors = CleanList(e.Actors)
	e.Tags = CleanList(e.Tags)
	if e.Importance == 0 {
		e.Importance = DefaultImportance
	}
	for i := range e.Sources {
		s := &e.Sources[i]
		s.Title, s.URL, s.Publisher = strings.TrimSpace(s.Title), strings.TrimSpace(s.URL), strings.TrimSpace(s.Publisher)
		s.Reliability = strings.ToUpper(strings.TrimSpace(s.Reliability))
		s.ID = strings.TrimSpace(s.ID)
	}
	e.Notes = strings.TrimRight(e.Notes, " \t\r\n")
}

// CleanList trims each name, drops empty ones and keeps the first of any repeated name,
// in order.
func CleanList(in []string) []string {
	if len(in) == 0 {
		return nil
	}
	out := make([]string, 0, len(in))
	var seen map[string]bool // only for long lists: a short one is searched in place
	for _, s := range in {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		if len(in) > 8 {
			if seen == nil {
				seen = make(map[string]bool, len(in))
			}
			if seen[s] {
				continue
			}
			seen[s] = true
		} else if slices.Contains(out, s) {
			continue
		}
		out = append(out, s)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// NewID returns a fresh random event id (32 hex digits).
func NewID() string {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(err)
	}
	return hex.EncodeToString(b[:])
}

// Reliabilities are the Admiralty reliability grades with their meanings.
var Reliabilities = []struct{ Grade, Meaning string }{
	{"A", "Completely reliable"},
	{"B", "Usually reliable"},
	{"C", "Fairly reliable"},
	{"D", "Not usually reliable"},
	{"E", "Unreliable"},
	{"F", "Reliability cannot be judged"},
}

// Credibilities are the Admiralty credibility grades with their meanings, 1 first.
var Credibilities = []string{
	"Confirmed by other sources",
	"Probably true",
	"Possibly true",
	"Doubtful",
	"Improbable",
	"Truth cannot be judged",
}
