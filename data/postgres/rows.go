package postgres

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"math"

	"github.com/chronoscope/chronoscope/timeline"
)

// contentHash identifies what an event says (every field but its stamps and version), so
// that writing it again is "unchanged": SHA-256 over the row's content values, each with
// its length.
func contentHash(vals []any) string {
	var b []byte
	for _, v := range vals {
		switch x := v.(type) {
		case string:
			b = binary.AppendUvarint(b, uint64(len(x)))
			b = append(b, x...)
		case []string:
			b = binary.AppendUvarint(b, uint64(len(x)))
			for _, s := range x {
				b = binary.AppendUvarint(b, uint64(len(s)))
				b = append(b, s...)
			}
		case *float64:
			if x == nil {
				b = append(b, 0)
			} else {
				b = binary.LittleEndian.AppendUint64(append(b, 1), math.Float64bits(*x))
			}
		case int16:
			b = binary.AppendVarint(b, int64(x))
		}
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:16])
}

// derived is what the store keeps of an event beside its fields: the JSON of its
// sources and attributes, its content hash and its search columns.
type derived struct {
	actors, tags                      []string
	sources, attrs, hash, search, cjk string
}

// derive computes what the store keeps of e beside its fields.
func derive(e *timeline.Event) (derived, error) {
	d := derived{actors: e.Actors, tags: e.Tags, attrs: "{}"}
	srcs := make([]sourceJSON, len(e.Sources))
	for i, src := range e.Sources {
		srcs[i] = sourceJSON(src)
	}
	b, err := json.Marshal(srcs)
	if err != nil {
		return d, err
	}
	d.sources = string(b)
	// The hash leaves out the ids of the shared sources: a citation is the same when its
	// source says the same (and the events of schema 3 keep their hashes).
	for i := range srcs {
		srcs[i].ID = ""
	}
	hashed, err := json.Marshal(srcs)
	if err != nil {
		return d, err
	}
	if len(e.Attrs) > 0 {
		if b, err = json.Marshal(e.Attrs); err != nil {
			return d, err
		}
		d.attrs = string(b)
	}
	if d.actors == nil {
		d.actors = []string{}
	}
	if d.tags == nil {
		d.tags = []string{}
	}
	vals := []any{e.Title, e.Description, e.Start.Text, e.End.Text, e.Lane, d.actors, d.tags, e.Location.Name,
		e.Location.Lat, e.Location.Lon, int16(e.Importance), string(hashed), d.attrs}
	if e.Notes != "" {
		vals = append(vals, e.Notes) // last, and only when there are some: older hashes stay
	}
	d.hash = contentHash(vals)
	d.search, d.cjk = searchText(e)
	return d, nil
}

// row is the incoming row of event e, the ord-th of its write.
func (s *Store) row(e *timeline.Event, ord int, now int64) ([]any, error) {
	d, err := derive(e)
	if err != nil {
		return nil, err
	}
	endEarliest := e.Start.Earliest
	if e.IsSpan() {
		endEarliest = e.End.Earliest
	}
	created := now
	if !e.Created.IsZero() {
		created = e.Created.Unix()
	}
	var expect, updated, version int64
	if s.KeepStamps {
		version = e.Version
		if !e.Updated.IsZero() {
			updated = e.Updated.Unix()
		}
	} else {
		expect = e.Version
	}
	return []any{int64(ord), e.ID, expect, e.Title, e.Description, e.Start.Text, e.End.Text,
		e.Earliest(), e.Start.Latest, endEarliest, e.Latest(), flagsOf(e), e.Lane, d.actors, d.tags, e.Location.Name,
		e.Location.Lat, e.Location.Lon, int16(e.Importance), d.sources, d.attrs, d.search, d.cjk, d.hash, created, updated, version, e.Notes}, nil
}
