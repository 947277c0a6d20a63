package data

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"math"
	"sort"
	"strings"

	"github.com/chronoscope/chronoscope/timeline"
)

// createdAt is the created stamp of a new event: its own when set, else now.
func createdAt(e *timeline.Event, now int64) int64 {
	if !e.Created.IsZero() {
		return e.Created.Unix()
	}
	return now
}

// eventRow is the values of the insert statement's columns, uid first, then version and
// notes last.
func eventRow(e *timeline.Event, hash string, created, updated, version int64) ([]any, error) {
	return appendEventRow(nil, e, hash, created, updated, version)
}

// appendEventRow appends eventRow's values to dst.
func appendEventRow(dst []any, e *timeline.Event, hash string, created, updated, version int64) ([]any, error) {
	var lat, lon any
	if e.Location.Lat != nil {
		lat = *e.Location.Lat
	}
	if e.Location.Lon != nil {
		lon = *e.Location.Lon
	}
	attrs := ""
	if len(e.Attrs) > 0 {
		b, err := json.Marshal(e.Attrs)
		if err != nil {
			return nil, err
		}
		attrs = string(b)
	}
	endEarliest := e.Start.Earliest
	if e.IsSpan() {
		endEarliest = e.End.Earliest
	}
	return append(dst, e.ID, e.Title, e.Description, e.Start.Text, e.End.Text, e.Earliest(), e.Start.Latest, endEarliest,
		e.Latest(), spanClass(e.Earliest(), e.Latest()), flagsOf(e)|plainFlag(e), e.Lane, e.Location.Name, lat, lon, e.Importance,
		attrs, hash, created, updated, packNames(e.Actors, e.Tags), version, e.Notes), nil
}

// packNames writes actors and tags into the events.names column.
func packNames(actors, tags []string) string {
	return strings.Join(actors, nameSep) + listSep + strings.Join(tags, nameSep)
}

// unpackNames reads the events.names column; intern shares the strings of names seen
// before, so a million marks hold each actor's name once.
func unpackNames(packed string, intern map[string]string) (actors, tags []string) {
	a, t, _ := strings.Cut(packed, listSep)
	split := func(s string) []string {
		if s == "" {
			return nil
		}
		parts := strings.Split(s, nameSep)
		for i, p := range parts {
			if q, ok := intern[p]; ok {
				parts[i] = q
			} else {
				intern[p] = p
			}
		}
		return parts
	}
	return split(a), split(t)
}

// ftsRow is the values of an events_fts row: docid, title, description, actors, tags and
// the sources' titles and publishers, each through ftsText.
func ftsRow(rowid int64, e *timeline.Event) []any {
	var b strings.Builder
	for i, src := range e.Sources {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(src.Title)
		b.WriteByte(' ')
		b.WriteString(src.Publisher)
	}
	return []any{rowid, ftsText(e.Title), ftsText(ftsDescription(e.Description, e.Notes)), ftsText(joinNames(e.Actors)), ftsText(joinNames(e.Tags)), ftsText(b.String())}
}

// ftsDescription is the full-text description field of an event: its description and,
// after a blank line, its notes (ftsDescriptionSQL in SQL).
func ftsDescription(description, notes string) string {
	if notes == "" {
		return description
	}
	return description + "\n\n" + notes
}

// ftsDescriptionSQL is ftsDescription of the event row e in SQL.
const ftsDescriptionSQL = "(e.description || CASE WHEN e.notes = '' THEN '' ELSE char(10, 10) || e.notes END)"

// hasher computes content hashes with a reused buffer.
type hasher struct{ buf []byte }

// sum identifies what an event says, so that a re-import of the same event is
// "unchanged": a SHA-256 (first 16 bytes, in hex) over every field but Created and
// Updated, each written with its length so that no two events share an encoding (the
// notes, last, only when there are some, and the ids of the shared sources not at all:
// a citation is the same when its source says the same). Dates
// are hashed by their EDTF text, which determines the rest. It is stored with the event,
// so the encoding must not change (or, if it must, its leading version byte with it).
func (h *hasher) sum(e *timeline.Event) string {
	b := append(h.buf[:0], 2) // encoding version
	str := func(s string) {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	num := func(n int64) { b = binary.AppendVarint(b, n) }
	float := func(f *float64) {
		if f == nil {
			b = append(b, 0)
			return
		}
		b = append(b, 1)
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(*f))
	}
	list := func(l []string) {
		num(int64(len(l)))
		for _, s := range l {
			str(s)
		}
	}
	str(e.ID)
	str(e.Title)
	str(e.Description)
	str(e.Start.Text)
	str(e.End.Text)
	str(e.Lane)
	list(e.Actors)
	list(e.Tags)
	str(e.Location.Name)
	float(e.Location.Lat)
	float(e.Location.Lon)
	num(int64(e.Importance))
	num(int64(len(e.Sources)))
	for _, s := range e.Sources {
		str(s.Title)
		str(s.URL)
		str(s.Publisher)
		str(s.Date)
		str(s.Quote)
		str(s.Reliability)
		num(int64(s.Credibility))
	}
	num(int64(len(e.Attrs)))
	if len(e.Attrs) > 0 {
		keys := make([]string, 0, len(e.Attrs))
		for k := range e.Attrs {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			str(k)
			str(e.Attrs[k])
		}
	}
	if e.Notes != "" {
		str(e.Notes)
	}
	h.buf = b
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:16])
}
