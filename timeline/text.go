package timeline

import (
	"fmt"
	"net/url"
	"strings"
	"unicode/utf8"
)

// MaxFieldBytes is the most bytes of text one field of an event may hold: its title, its
// description, a source's quote, an attribute's value, and its actors (or tags) all
// together as one list. Event.Validate refuses a longer field, and every importer refuses
// a longer cell, string or property as it reads it, before holding more of it.
const MaxFieldBytes = 1 << 20

// MaxRecordBytes is the most bytes one event may take in a file: a CSV row, a JSON event
// object, an iCalendar VEVENT, counted as its text with the format's quotes and escapes
// undone. Every importer refuses a longer record as it reads it, before holding more of it.
const MaxRecordBytes = 16 << 20

// MaxEventBytes bounds an event's text in all, as Event.Validate measures it (every text
// field, plus room for the keys and separators a file writes around each source, name
// and attribute). It is half of MaxRecordBytes, so that every event that validates fits
// in one record of each format Chronoscope writes, and an export always imports again.
const MaxEventBytes = MaxRecordBytes / 2

// Room counted for what a file writes around the pieces of an event, by eventSize.
const (
	sourceRoom = 256 // a source's keys, quotes and separators
	itemRoom   = 16  // a name's or attribute's separators and quotes
)

// ValidateText checks that text can be stored and exchanged as the named field: it is
// UTF-8, holds no NUL byte and is at most MaxFieldBytes long. The error is a *FieldError
// that gives where in the text the first bad byte is, without repeating the text.
func ValidateText(field, text string) error {
	if fe := checkText(field, text); fe != nil {
		return fe
	}
	return nil
}

func checkText(field, text string) *FieldError {
	if len(text) > MaxFieldBytes {
		return &FieldError{Field: field, Reason: fmt.Sprintf("%d bytes of text is too long; a field holds at most %d (1 MiB)", len(text), MaxFieldBytes)}
	}
	if i := strings.IndexByte(text, 0); i >= 0 {
		return &FieldError{Field: field, Reason: fmt.Sprintf("holds a NUL byte (byte %d); text cannot hold one", i+1)}
	}
	if !utf8.ValidString(text) {
		return &FieldError{Field: field, Reason: fmt.Sprintf("holds bytes that are not UTF-8 text (from byte %d)", firstInvalid(text)+1)}
	}
	return nil
}

// firstInvalid is the offset of the first byte of text that is not valid UTF-8.
func firstInvalid(text string) int {
	for i, r := range text {
		if r == utf8.RuneError {
			if _, n := utf8.DecodeRuneInString(text[i:]); n <= 1 {
				return i
			}
		}
	}
	return len(text)
}

// checkList checks each name of a list field and the list as a whole: a ";" or "\"
// counts twice, since a list cell writes it escaped, and each name after the first
// counts the "; " before it.
func checkList(field string, names []string) *FieldError {
	total := 0
	for i, n := range names {
		if fe := checkText(field, n); fe != nil {
			return fe
		}
		if i > 0 {
			total += 2
		}
		total += len(n) + strings.Count(n, ";") + strings.Count(n, `\`)
	}
	if total > MaxFieldBytes {
		return &FieldError{Field: field, Reason: fmt.Sprintf("the names come to %d bytes together; a list holds at most %d (1 MiB)", total, MaxFieldBytes)}
	}
	return nil
}

// validText checks every text field of e (see ValidateText) and its size in all (see
// MaxEventBytes). Sources are checked by Source.Validate.
func (e *Event) validText() *FieldError {
	for _, f := range [...]struct{ name, text string }{
		{"id", e.ID}, {"title", e.Title}, {"description", e.Description}, {"start", e.Start.Text},
		{"end", e.End.Text}, {"lane", e.Lane}, {"location", e.Location.Name}, {"notes", e.Notes},
	} {
		if fe := checkText(f.name, f.text); fe != nil {
			return fe
		}
	}
	if fe := checkList("actors", e.Actors); fe != nil {
		return fe
	}
	if fe := checkList("tags", e.Tags); fe != nil {
		return fe
	}
	for k, v := range e.Attrs {
		if fe := checkText("attributes", k); fe != nil {
			return fe
		}
		if fe := checkText("attr:"+k, v); fe != nil {
			return fe
		}
	}
	if n := e.size(); n > MaxEventBytes {
		return &FieldError{Reason: fmt.Sprintf("the event's text comes to %d bytes in all; an event holds at most %d (8 MiB)", n, MaxEventBytes)}
	}
	return nil
}

// size is the event's text in all, with room for what a file writes around each source,
// name and attribute, as MaxEventBytes bounds it.
func (e *Event) size() int {
	n := len(e.ID) + len(e.Title) + len(e.Description) + len(e.Start.Text) + len(e.End.Text) +
		len(e.Lane) + len(e.Location.Name) + len(e.Notes)
	for _, s := range e.Actors {
		n += len(s) + itemRoom
	}
	for _, s := range e.Tags {
		n += len(s) + itemRoom
	}
	for k, v := range e.Attrs {
		n += len(k) + len(v) + itemRoom
	}
	for _, s := range e.Sources {
		n += len(s.Title) + len(s.URL) + len(s.Publisher) + len(s.Date) + len(s.Quote) + len(s.Reliability) + len(s.ID) + sourceRoom
	}
	return n
}

// validText checks the text fields of a source (see ValidateText).
func (s Source) validText() *FieldError {
	for _, f := range [...]struct{ name, text string }{
		{"title", s.Title}, {"url", s.URL}, {"publisher", s.Publisher}, {"date", s.Date},
		{"quote", s.Quote}, {"reliability", s.Reliability}, {"id", s.ID},
	} {
		if fe := checkText(f.name, f.text); fe != nil {
			return fe
		}
	}
	return nil
}

// sourceSchemes are the kinds of address a source may have; any other (javascript:,
// vbscript:, file:, data:...) could run or open something on a reader's machine.
var sourceSchemes = map[string]bool{"http": true, "https": true, "mailto": true}

// checkURL checks a source's address: a full http or https address with a host, or a
// mailto: address.
func checkURL(raw string) *FieldError {
	u, err := url.Parse(raw)
	if err != nil || u.Scheme == "" || (u.Host == "" && u.Scheme != "mailto" && sourceSchemes[u.Scheme]) {
		return &FieldError{Field: "url", Value: raw, Reason: "give a full address such as https://example.org/page"}
	}
	if !sourceSchemes[u.Scheme] {
		return &FieldError{Field: "url", Value: raw, Reason: fmt.Sprintf(
			"%s: addresses are not allowed; a source's address begins with http://, https:// or mailto:", u.Scheme)}
	}
	if u.Scheme == "mailto" && u.Opaque == "" && u.Path == "" {
		return &FieldError{Field: "url", Value: raw, Reason: "a mailto: address needs an e-mail address after it"}
	}
	return nil
}
