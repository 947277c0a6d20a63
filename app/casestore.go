package app

import (
	"context"

	"github.com/chronoscope/chronoscope/timeline"
)

// caseStore is what the window asks of the case it shows: the timeline.Store methods it
// calls, and no more (it never deletes through the store or asks its extent: History
// replaces). What a store offers
// beyond (lanes, settings, batches, an index to build, a change feed) the window finds
// with a type assertion, as the timeline.Store of the opener has it. A test that needs no
// SQLite gives the window a small store kept in memory.
type caseStore interface {
	caseFile
	caseReader
	caseWriter
}

// caseFile is the case as a file: where it is, whether it can be written, a copy of it.
type caseFile interface {
	// Path is timeline.Store.Path: the case file, or a shared case's address.
	Path() string
	// ReadOnly is timeline.Store.ReadOnly.
	ReadOnly() bool
	// SaveCopy is timeline.Store.SaveCopy.
	SaveCopy(ctx context.Context, path string) error
	// Version is timeline.Store.Version: the window's watch asks it.
	Version(ctx context.Context) (uint64, error)
	// Close is timeline.Store.Close.
	Close() error
}

// caseReader is what the window reads of a case.
type caseReader interface {
	// Info is timeline.Store.Info.
	Info(ctx context.Context) (timeline.CaseInfo, error)
	// Get is timeline.Store.Get.
	Get(ctx context.Context, id string) (timeline.Event, error)
	// Lookup is timeline.Store.Lookup.
	Lookup(ctx context.Context, ids []string) ([]timeline.Event, error)
	// Events is timeline.Store.Events.
	Events(ctx context.Context, f timeline.Filter) ([]timeline.Event, error)
	// Each is timeline.Store.Each: what a damaged case still gives, the duplicates of
	// an import.
	Each(ctx context.Context, f timeline.Filter, fn func(timeline.Event) error) error
	// Count is timeline.Store.Count.
	Count(ctx context.Context, f timeline.Filter) (int, error)
	// Marks is timeline.Store.Marks.
	Marks(ctx context.Context, f timeline.Filter) (*timeline.Marks, error)
	// Names is timeline.Store.Names.
	Names(ctx context.Context, kind timeline.NameKind) ([]string, error)
}

// caseWriter is what the window writes to a case.
type caseWriter interface {
	// SetInfo is timeline.Store.SetInfo.
	SetInfo(ctx context.Context, info timeline.CaseInfo) error
	// Put is timeline.Store.Put.
	Put(ctx context.Context, events []timeline.Event, progress timeline.Progress) (timeline.PutResult, error)
	// Replace is timeline.Store.Replace: History's undo and redo.
	Replace(ctx context.Context, put []timeline.Event, remove []string, progress timeline.Progress) (timeline.PutResult, error)
}
