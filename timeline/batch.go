package timeline

import (
	"context"
	"errors"
)

// Batches is a Store that records a large write, such as an import, in the case itself as
// a batch: undoing or redoing it moves its events within the case, so a History keeps
// only the batch's number, whatever its size (a Change with Batch set).
type Batches interface {
	// PutBatch is PutStream recorded as a batch named label; it returns the batch's id.
	PutBatch(ctx context.Context, label string, size int, produce func(put func([]Event) error) error) (int64, PutResult, error)
	// UndoBatch takes the batch back in one transaction: the events it added leave the
	// case (kept for a redo), those it replaced are as they were. It refuses with
	// ErrBatchChanged when the batch's events are not as it left them.
	UndoBatch(ctx context.Context, id int64) error
	// RedoBatch writes the undone batch again, in one transaction; it refuses with
	// ErrBatchChanged when what it would write over changed since the undo.
	RedoBatch(ctx context.Context, id int64) error
	// ForgetBatch drops what the case keeps to undo or redo the batch.
	ForgetBatch(ctx context.Context, id int64) error
}

// ErrBatchChanged is wrapped by the error of an undo or redo of a batch whose events were
// changed or deleted since (by an edit, or another program): taking it back whole would
// lose those changes, so nothing is written.
var ErrBatchChanged = errors.New("its events changed since")
