package timeline

import "fmt"

// SetDates sets e's start and end (none when end is "") from the EDTF text a store kept;
// the error names the event and the date that no longer parses.
func (e *Event) SetDates(start, end string) error {
	var err error
	if e.Start, err = ParseDate(start); err != nil {
		return fmt.Errorf("event %s: start: %w", e.ID, err)
	}
	e.End = Date{}
	if end != "" {
		if e.End, err = ParseDate(end); err != nil {
			return fmt.Errorf("event %s: end: %w", e.ID, err)
		}
	}
	return nil
}
