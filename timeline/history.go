package timeline

import (
	"context"
	"fmt"
	"sync"
)

// Change is one undoable change to a case: the events it touched as they were before and
// as they are after. An id only in Before was deleted; an id only in After was added.
type Change struct {
	Label  string
	Before []Event
	After  []Event
}

// History applies changes to a Store and undoes and redoes them, without limit, for as
// long as it lives (one session). It is safe for concurrent use, though changes are
// naturally made one at a time from the user interface.
type History struct {
	Store Store

	mu   sync.Mutex
	undo []Change
	redo []Change
}

// NewHistory starts an empty history over s.
func NewHistory(s Store) *History { return &History{Store: s} }

// Apply writes c to the store and records it, clearing what could be redone. After gets
// fresh ids for its new events (written back into c.After), so the caller can select them.
func (h *History) Apply(ctx context.Context, c *Change) error {
	if err := h.write(ctx, c.Before, c.After); err != nil {
		return err
	}
	h.mu.Lock()
	h.undo = append(h.undo, *c)
	h.redo = nil
	h.mu.Unlock()
	return nil
}

// Record adds a change that was already written to the store (an import that ran with
// its own progress bar) so that it can be undone.
func (h *History) Record(c Change) {
	h.mu.Lock()
	h.undo = append(h.undo, c)
	h.redo = nil
	h.mu.Unlock()
}

// Undo reverts the last change and returns it; ok is false when there is nothing to undo.
func (h *History) Undo(ctx context.Context) (c Change, ok bool, err error) {
	h.mu.Lock()
	if len(h.undo) == 0 {
		h.mu.Unlock()
		return Change{}, false, nil
	}
	c = h.undo[len(h.undo)-1]
	h.mu.Unlock()
	if err := h.write(ctx, c.After, c.Before); err != nil {
		return c, false, fmt.Errorf("undo %s: %w", c.Label, err)
	}
	h.mu.Lock()
	h.undo = h.undo[:len(h.undo)-1]
	h.redo = append(h.redo, c)
	h.mu.Unlock()
	return c, true, nil
}

// Redo applies again the last undone change; ok is false when there is nothing to redo.
func (h *History) Redo(ctx context.Context) (c Change, ok bool, err error) {
	h.mu.Lock()
	if len(h.redo) == 0 {
		h.mu.Unlock()
		return Change{}, false, nil
	}
	c = h.redo[len(h.redo)-1]
	h.mu.Unlock()
	if err := h.write(ctx, c.Before, c.After); err != nil {
		return c, false, fmt.Errorf("redo %s: %w", c.Label, err)
	}
	h.mu.Lock()
	h.redo = h.redo[:len(h.redo)-1]
	h.undo = append(h.undo, c)
	h.mu.Unlock()
	return c, true, nil
}

// UndoLabel and RedoLabel name what Undo and Redo would do next, or "" when nothing.
func (h *History) UndoLabel() string { return h.peek(&h.undo) }

// RedoLabel names what Redo would do next, or "".
func (h *History) RedoLabel() string { return h.peek(&h.redo) }

func (h *History) peek(stack *[]Change) string {
	h.mu.Lock()
	defer h.mu.Unlock()
	if len(*stack) == 0 {
		return ""
	}
	return (*stack)[len(*stack)-1].Label
}

// write turns the case from holding from into holding to, in one transaction: events of
// to are put, and ids in from that to lacks are deleted. Fresh ids given to new events
// are written into to.
func (h *History) write(ctx context.Context, from, to []Event) error {
	keep := make(map[string]bool, len(to))
	for i := range to {
		if to[i].ID == "" {
			to[i].ID = NewID()
		}
		keep[to[i].ID] = true
	}
	var gone []string
	for _, e := range from {
		if !keep[e.ID] {
			gone = append(gone, e.ID)
		}
	}
	if len(to) > 0 || len(gone) > 0 {
		if _, err := h.Store.Replace(ctx, to, gone, nil); err != nil {
			return err
		}
	}
	return nil
}
