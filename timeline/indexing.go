package timeline

import (
	"context"
	"fmt"
)

// Indexing is how far a store is in building what a large write left to build after its
// commit: the full-text rows, the actor and tag links and the indexes that only make
// reading faster. The events themselves are all there from the commit on, and every query
// gives exact results meanwhile; searches and filters are only slower until it is done.
// Done and Total count units of work; Done == Total when nothing is left.
type Indexing struct {
	Done, Total int64
}

// Pending reports whether anything is left to build.
func (ix Indexing) Pending() bool { return ix.Done < ix.Total }

// Percent is how much is built, from 0 to 99 while anything is left, else 100.
func (ix Indexing) Percent() int {
	if !ix.Pending() {
		return 100
	}
	if ix.Done <= 0 {
		return 0
	}
	return int(min(ix.Done*100/ix.Total, 99))
}

// String says it as the status line and the command line do: "indexing, 42%", or ""
// when nothing is left.
func (ix Indexing) String() string {
	if !ix.Pending() {
		return ""
	}
	return fmt.Sprintf("indexing, %d%%", ix.Percent())
}

// Indexer is a Store that builds part of what it keeps after the commit of a large
// write (see Indexing). The case records what is left, so any process may build it and a
// crash only delays it: BuildIndex goes on from wherever the last one stopped.
type Indexer interface {
	// Indexing says how far the building is.
	Indexing(ctx context.Context) (Indexing, error)
	// BuildIndex builds what is left, a step at a time, each step its own transaction,
	// telling progress after each; it returns when nothing is left or ctx is done (what
	// was built stays built). Other writers go on between its steps.
	BuildIndex(ctx context.Context, progress Progress) error
}
