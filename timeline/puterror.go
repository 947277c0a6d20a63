package timeline

import "fmt"

// PutError names the event that stopped a Put, Replace or streamed put of any store; the
// case is unchanged. Err is why: a *FieldError, a *ConflictError, or the store's own.
type PutError struct {
	Index int    // position in the events given (counted from the first of a stream)
	ID    string // the event's id, if it had one
	Err   error
}

func (e *PutError) Error() string {
	if e.ID != "" {
		return fmt.Sprintf("event %d (%s): %v", e.Index+1, e.ID, e.Err)
	}
	return fmt.Sprintf("event %d: %v", e.Index+1, e.Err)
}

// Unwrap returns the cause.
func (e *PutError) Unwrap() error { return e.Err }

// CheckReport is what a store's integrity check found.
type CheckReport struct {
	// Tables is how many tables (with their indexes) were checked.
	Tables int
	// Events is how many events the case holds, or -1 when they cannot be counted.
	Events int
	// Problems lists what is wrong, one line each, naming the table or the event; empty
	// when the case is whole.
	Problems []string
}
