package timeline

import (
	"context"
	"errors"
	"iter"
)

// ErrNotFound is returned by a Store when no event has the asked id.
var ErrNotFound = errors.New("no such event")

// ErrReadOnly is returned by a Store opened on a file the user cannot write.
var ErrReadOnly = errors.New("the case is read-only")

// ErrDamaged is wrapped by every error a Store returns once it has found its case file
// damaged (corrupt pages, not a database any more). From then on the store refuses writes
// with it too, so a damaged case is never written to again in that session; the analyst
// recovers what can be read into a new case.
var ErrDamaged = errors.New("the case file is damaged")

// ErrLoginRefused is wrapped by the error of a shared case's server that refused the
// analyst's login (a wrong user name or password, or none given): asking for the password
// again may help, where it would not for a server out of reach.
var ErrLoginRefused = errors.New("the server refused the login")

// CaseInfo names and describes a case. Notes is the case's notes page: what the analysts
// write down about the case as a whole (any number of paragraphs), searchable like the
// events (MatchesNotes).
type CaseInfo struct {
	Name        string
	Description string
	Notes       string
}

// SourceKeeper is a Store that keeps the case's sources as one list shared by its events
// (see Source): both of Chronoscope's stores are.
type SourceKeeper interface {
	// Sources lists the case's shared sources (with no quote), by title.
	Sources(ctx context.Context) ([]Source, error)
	// PutSource writes src over the case's shared source src.ID, and so over every
	// citation of it, in one transaction; changed is how many events that changed (each
	// gets a new version). A source with no such id fails with ErrNotFound.
	PutSource(ctx context.Context, src Source) (changed int, err error)
}

// Filter selects events. The zero Filter selects every event. From and To bound the
// instants an event covers (an event is in when any part of its range meets [From, To]);
// HasFrom and HasTo say whether each bound is set. Query is full-text over title,
// description, actors, tags and source titles. Lanes, Actors and Tags each keep events
// with at least one of the names given. MinReliability ("A" to "F") and MinCredibility
// (1 to 6) keep events with at least one source graded that well or better.
type Filter struct {
	From, To       int64
	HasFrom, HasTo bool
	Query          string
	Lanes          []string
	Actors         []string
	Tags           []string
	MinReliability string
	MinCredibility int
	Limit          int
}

// IsZero reports whether f selects everything.
func (f Filter) IsZero() bool {
	return !f.HasFrom && !f.HasTo && f.Query == "" && len(f.Lanes) == 0 && len(f.Actors) == 0 &&
		len(f.Tags) == 0 && f.MinReliability == "" && f.MinCredibility == 0 && f.Limit == 0
}

// Mark is one event as the timeline draws it: enough to place, label, group and colour
// it, and no more. Many marks are held as a Marks, in columns; a Mark is one of them taken
// out (Marks.At) or made from an event (MarkOf).
type Mark struct {
	ID         string
	Title      string
	Lane       string
	Actors     []string
	Tags       []string
	Importance int8
	// StartLo..StartHi is the range of the start date; EndLo..EndHi that of the end, equal
	// to the start's when the event is a point.
	StartLo, StartHi int64
	EndLo, EndHi     int64
	Span             bool
	StartFuzzy       bool
	EndFuzzy         bool
}

// MarkOf returns the Mark of an event.
func MarkOf(e Event) Mark {
	m := Mark{
		ID: e.ID, Title: e.Title, Lane: e.Lane, Actors: e.Actors, Tags: e.Tags,
		Importance: int8(e.Importance),
		StartLo:    e.Start.Earliest, StartHi: e.Start.Latest,
		EndLo: e.Start.Earliest, EndHi: e.Start.Latest,
		StartFuzzy: e.Start.Fuzzy(), EndFuzzy: e.Start.Fuzzy(),
	}
	if e.IsSpan() {
		m.Span = true
		m.EndLo, m.EndHi, m.EndFuzzy = e.End.Earliest, e.End.Latest, e.End.Fuzzy()
	}
	return m
}

// PutResult counts what a Put did to the case.
type PutResult struct {
	Added, Updated, Unchanged int
}

// Progress is told how many of total items are done; it may be nil.
type Progress func(done, total int)

// Store keeps one case. Every method is safe to call from any goroutine. Writes are
// all-or-nothing: when Put or Delete returns an error the case is unchanged.
type Store interface {
	// Path is the case file.
	Path() string
	// ReadOnly reports whether writes are refused with ErrReadOnly.
	ReadOnly() bool
	// Info returns the case's name and description.
	Info(ctx context.Context) (CaseInfo, error)
	// SetInfo renames and re-describes the case.
	SetInfo(ctx context.Context, info CaseInfo) error
	// Get returns one event with its sources, or ErrNotFound.
	Get(ctx context.Context, id string) (Event, error)
	// Lookup returns those of the ids that exist, with their sources, in no set order.
	Lookup(ctx context.Context, ids []string) ([]Event, error)
	// Events returns the events f selects, earliest first, with their sources.
	Events(ctx context.Context, f Filter) ([]Event, error)
	// Each streams the events f selects to fn, with their sources, a page at a time and
	// in no set order (storage order, the fastest to read), so a million events never
	// sit in memory at once. An error from fn stops it and is returned.
	Each(ctx context.Context, f Filter, fn func(Event) error) error
	// Count returns how many events f selects.
	Count(ctx context.Context, f Filter) (int, error)
	// Marks returns the compact marks of the events f selects, earliest first (then by
	// latest end, then row id). The result may be shared with other callers: it must not
	// be changed (a Marks never is).
	Marks(ctx context.Context, f Filter) (*Marks, error)
	// Put validates and writes events in one transaction: an event whose ID is new (or
	// empty, which gets a fresh ID) is added, an existing one is replaced. Each event is
	// validated first; the first invalid one fails the whole Put.
	Put(ctx context.Context, events []Event, progress Progress) (PutResult, error)
	// Replace is Put that also deletes the events with the ids in remove, all in one
	// transaction: the case is either wholly changed or unchanged.
	Replace(ctx context.Context, put []Event, remove []string, progress Progress) (PutResult, error)
	// Delete removes the events with these ids and their sources, in one transaction.
	Delete(ctx context.Context, ids ...string) error
	// Names returns the distinct lanes, actors or tags of the case, sorted.
	Names(ctx context.Context, kind NameKind) ([]string, error)
	// Extent returns the first and last instant any event covers; ok is false when the
	// case is empty.
	Extent(ctx context.Context) (first, last int64, ok bool, err error)
	// SaveCopy writes a consistent copy of the case to path, even while it is in use.
	SaveCopy(ctx context.Context, path string) error
	// Version identifies what the case holds: it changes after every commit, whoever made
	// it (this store, another process, another analyst), and only then. A window polls it
	// to show other processes' changes; caches of the case are keyed on it.
	Version(ctx context.Context) (uint64, error)
	// Close releases the file.
	Close() error
}

// MarksPrefetcher is the part of a store that keeps the marks of the whole case in
// memory between reads (the file store does). PrefetchMarks starts reading them in the
// background and returns at once, so that the first Marks, asked for once a window is
// built, finds them read or being read.
type MarksPrefetcher interface {
	PrefetchMarks()
}

// NameKind says which names Store.Names lists.
type NameKind int

// The kinds of names a case groups its events by.
const (
	LaneNames NameKind = iota
	ActorNames
	TagNames
)

// errStopped ends a Store.Each early when the consumer of Stream stops ranging.
var errStopped = errors.New("stopped")

// Stream adapts Store.Each to an iterator for consumers that range over events (chart
// rendering). After ranging, call the returned function: it reports whether the store
// failed part way, in which case what was rendered must be thrown away.
func Stream(ctx context.Context, s Store, f Filter) (iter.Seq[Event], func() error) {
	var err error
	seq := func(yield func(Event) bool) {
		err = s.Each(ctx, f, func(e Event) error {
			if !yield(e) {
				return errStopped
			}
			return nil
		})
		if errors.Is(err, errStopped) {
			err = nil
		}
	}
	return seq, func() error { return err }
}
