package timeline

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
)

// ErrConflict is wrapped by every *ConflictError: an edit started from a version of an
// event that is no longer the stored one.
var ErrConflict = errors.New("someone else changed this event meanwhile")

// ConflictError is what a Put returns when it was given an event whose Version is not the
// stored one: another analyst (or another window) saved the event, or deleted it, since
// this edit began. Nothing was written. Mine is the event as this edit would have saved
// it; Theirs is the event as the case holds it now (the zero Event when Deleted). The
// analyst chooses field by field (Fields, Merge) and saves again over Theirs.Version.
type ConflictError struct {
	Mine    Event
	Theirs  Event
	Deleted bool
}

func (e *ConflictError) Error() string {
	title := e.Mine.Title
	if title == "" {
		title = e.Mine.ID
	}
	if e.Deleted {
		return fmt.Sprintf("%q was deleted by someone else while you edited it (your edit started from version %d); nothing was saved",
			title, e.Mine.Version)
	}
	return fmt.Sprintf("%q was changed by someone else while you edited it (you started from version %d, the case now holds version %d); nothing was saved",
		title, e.Mine.Version, e.Theirs.Version)
}

// Is makes errors.Is(err, ErrConflict) true.
func (e *ConflictError) Is(target error) bool { return target == ErrConflict }

// FieldChange is one field on which two versions of an event differ, each side written
// as the analyst reads it.
type FieldChange struct {
	Field        string // "title", "start", "sources", "attr:KEY"...
	Mine, Theirs string
}

// Fields lists the fields on which Mine and Theirs differ, in the order of the event form.
// When Deleted, every field of Mine is listed against "".
func (e *ConflictError) Fields() []FieldChange {
	return DiffEvents(e.Mine, e.Theirs)
}

// conflictFields are the fields DiffEvents compares, with how each is written.
var conflictFields = []struct {
	name string
	text func(Event) string
}{
	{"title", func(e Event) string { return e.Title }},
	{"start", func(e Event) string { return e.Start.Text }},
	{"end", func(e Event) string { return e.End.Text }},
	{"lane", func(e Event) string { return e.Lane }},
	{"actors", func(e Event) string { return strings.Join(e.Actors, "; ") }},
	{"tags", func(e Event) string { return strings.Join(e.Tags, "; ") }},
	{"location", func(e Event) string { return e.Location.Name }},
	{"coordinates", coordinates},
	{"importance", func(e Event) string { return strconv.Itoa(e.Importance) }},
	{"description", func(e Event) string { return e.Description }},
	{"notes", func(e Event) string { return e.Notes }},
	{"sources", sourcesText},
}

func coordinates(e Event) string {
	if e.Location.Lat == nil || e.Location.Lon == nil {
		return ""
	}
	return strconv.FormatFloat(*e.Location.Lat, 'f', -1, 64) + ", " + strconv.FormatFloat(*e.Location.Lon, 'f', -1, 64)
}

func sourcesText(e Event) string {
	parts := make([]string, len(e.Sources))
	for i, s := range e.Sources {
		parts[i] = strings.TrimSpace(strings.Join([]string{s.Title, s.Grade(), s.URL, s.Publisher, s.Date, s.Quote}, " | "))
	}
	return strings.Join(parts, "\n")
}

// DiffEvents lists the fields on which a and b differ (attributes as "attr:KEY"), in the
// order of the event form.
func DiffEvents(a, b Event) []FieldChange {
	var out []FieldChange
	for _, f := range conflictFields {
		if x, y := f.text(a), f.text(b); x != y {
			out = append(out, FieldChange{Field: f.name, Mine: x, Theirs: y})
		}
	}
	keys := slices.Sorted(maps.Keys(a.Attrs))
	for k := range b.Attrs {
		if _, ok := a.Attrs[k]; !ok {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	for _, k := range keys {
		if a.Attrs[k] != b.Attrs[k] {
			out = append(out, FieldChange{Field: "attr:" + k, Mine: a.Attrs[k], Theirs: b.Attrs[k]})
		}
	}
	return out
}

// Merge returns the event to save once the analyst has chosen: Theirs with the named
// fields (as Fields names them) taken from Mine, at Theirs' version, so that a Put of it
// saves over what the case holds now. When Deleted, it is Mine with no version (saving
// adds the event back).
func (e *ConflictError) Merge(mine ...string) Event {
	if e.Deleted {
		out := e.Mine
		out.Version = 0
		return out
	}
	out := e.Theirs
	out.Attrs = maps.Clone(e.Theirs.Attrs)
	for _, f := range mine {
		take(&out, e.Mine, f)
	}
	out.Version = e.Theirs.Version
	return out
}

// take copies field f of from into to.
func take(to *Event, from Event, f string) {
	switch f {
	case "title":
		to.Title = from.Title
	case "start":
		to.Start = from.Start
	case "end":
		to.End = from.End
	case "lane":
		to.Lane = from.Lane
	case "actors":
		to.Actors = slices.Clone(from.Actors)
	case "tags":
		to.Tags = slices.Clone(from.Tags)
	case "location":
		to.Location.Name = from.Location.Name
	case "coordinates":
		to.Location.Lat, to.Location.Lon = from.Location.Lat, from.Location.Lon
	case "importance":
		to.Importance = from.Importance
	case "description":
		to.Description = from.Description
	case "notes":
		to.Notes = from.Notes
	case "sources":
		to.Sources = slices.Clone(from.Sources)
	default:
		if k, ok := strings.CutPrefix(f, "attr:"); ok {
			if v, has := from.Attrs[k]; has {
				if to.Attrs == nil {
					to.Attrs = map[string]string{}
				}
				to.Attrs[k] = v
			} else {
				delete(to.Attrs, k)
			}
		}
	}
}
