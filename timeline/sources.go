package timeline

// SourceIndex is what a write knows of a case's shared sources: each by its ID, and the
// ID of each document (see DocumentKey). The zero SourceIndex is empty and ready.
type SourceIndex struct {
	byID  map[string]Source
	byDoc map[string]string
}

// Remember records that the case's source s.ID has s's fields (from now on, for a source
// the write changes): a document it had before is no longer known by that source.
func (x *SourceIndex) Remember(s Source) {
	if x.byID == nil {
		x.byID, x.byDoc = map[string]Source{}, map[string]string{}
	}
	s = s.Shared()
	if old, ok := x.byID[s.ID]; ok && x.byDoc[old.DocumentKey()] == s.ID {
		delete(x.byDoc, old.DocumentKey())
	}
	x.byID[s.ID] = s
	if _, ok := x.byDoc[s.DocumentKey()]; !ok {
		x.byDoc[s.DocumentKey()] = s.ID
	}
}

// ByID is the source of the id, if known.
func (x *SourceIndex) ByID(id string) (Source, bool) {
	s, ok := x.byID[id]
	return s, ok
}

// ByDocument is the id of the known source with s's fields, if any.
func (x *SourceIndex) ByDocument(s Source) (string, bool) {
	id, ok := x.byDoc[s.DocumentKey()]
	return id, ok
}

// Recite gives each citation of e that names one of the ids the fields that x knows
// for it, each keeping its own quote; it reports whether any citation changed.
func (e *Event) Recite(x *SourceIndex, ids map[string]bool) bool {
	diff := false
	for i := range e.Sources {
		c := &e.Sources[i]
		s, ok := x.byID[c.ID]
		if !ok || !ids[c.ID] || s.SameDocument(*c) {
			continue
		}
		quote := c.Quote
		*c = s
		c.Quote = quote
		diff = true
	}
	return diff
}

// Normalized is s trimmed as Event.Normalize trims an event's sources.
func (s Source) Normalized() Source {
	e := Event{Sources: []Source{s}}
	e.Normalize()
	return e.Sources[0]
}
