package data

import (
	"context"
	"hash/maphash"
	"slices"

	"github.com/chronoscope/chronoscope/timeline"
)

// The work a bulk Put does for each event before SQLite sees it (normalizing,
// validating, the content hash, the values of its rows) is done by preparer, on the
// goroutine that reads the events in a PutStream, so that it runs beside the writer.

// eventCols is the number of values of an event row the bulk path inserts: the id, then
// eventRow's values, then its sources_json.
const eventCols = 25

// prepared is one chunk of events made ready for the writer.
type prepared struct {
	events []timeline.Event // the writer's own copy of the chunk
	offset int              // the index in the Put of events[0]
	hashes []string
	rows   [][]any       // the row of each event as a new one, with room for the id first
	shared []sharedWrite // the shared sources the chunk adds or changes, written first
	dup    []bool        // an earlier event of the Put has the same id
}

// preparer prepares the chunks of one bulk Put in order.
type preparer struct {
	now    int64
	keep   bool // Store.KeepStamps
	valid  bool // Store.Prevalidated
	hash   hasher
	seed   maphash.Seed
	seen   map[uint64]struct{} // the ids met so far, hashed (a collision only sends an event the slow way)
	book   *sourceBook         // every shared source of the case, and those the Put adds
	offset int
	buf    []byte
}

func newPreparer(now int64, keep, valid bool) *preparer {
	return &preparer{now: now, keep: keep, valid: valid, seed: maphash.MakeSeed(), seen: map[uint64]struct{}{}}
}

// prepare normalizes and validates events (a *PutError for the first invalid one; not
// when they come valid, Store.Prevalidated), gives an id to those without (written back
// into events), and works out their rows.
func (pr *preparer) prepare(events []timeline.Event) (*prepared, error) {
	n := len(events)
	c := &prepared{events: append([]timeline.Event(nil), events...), offset: pr.offset,
		hashes: make([]string, n), rows: make([][]any, n), dup: make([]bool, n)}
	rowVals := make([]any, n*eventCols) // one backing array for the chunk
	for i := range c.events {
		e := &c.events[i]
		if !pr.valid {
			// Normalize trims the sources in place: on a copy of their slice, so that the
			// caller's events (and others of them sharing it, being written meanwhile) are
			// left as they are.
			e.Sources = slices.Clone(e.Sources)
			e.Normalize()
			if err := e.Validate(); err != nil {
				return nil, &PutError{Index: pr.offset + i, ID: e.ID, Err: err}
			}
		}
		if e.ID == "" {
			e.ID = timeline.NewID()
			events[i].ID = e.ID
		}
		if pr.valid && slices.ContainsFunc(e.Sources, func(s timeline.Source) bool { return s.ID == "" }) {
			e.Sources = slices.Clone(e.Sources) // resolve gives them ids: on the writer's own copy
		}
		if err := pr.book.resolve(context.Background(), e.Sources); err != nil { // a complete book looks nothing up
			return nil, &PutError{Index: pr.offset + i, ID: e.ID, Err: err}
		}
		k := maphash.String(pr.seed, e.ID)
		if _, ok := pr.seen[k]; ok {
			c.dup[i] = true
		}
		pr.seen[k] = struct{}{}
		c.hashes[i] = pr.hash.sum(e)
		updated, version := stampsOf(e, stored{}, pr.now, pr.keep)
		row, err := appendEventRow(append(rowVals[i*eventCols:i*eventCols:(i+1)*eventCols], nil), e, c.hashes[i],
			createdAt(e, pr.now), updated, version)
		if err != nil {
			return nil, &PutError{Index: pr.offset + i, ID: e.ID, Err: err}
		}
		var srcs any // NULL: no source
		if len(e.Sources) > 0 {
			pr.buf = appendSourcesJSON(pr.buf[:0], e.Sources)
			srcs = string(pr.buf)
		}
		c.rows[i] = append(row, srcs)
	}
	c.shared = pr.book.takeWrites()
	pr.offset += n
	return c, nil
}
