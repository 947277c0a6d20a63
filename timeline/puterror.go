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
