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
	// LanesBefore and LanesAfter are the lanes a change of lanes' colours and order
	// (Edit > Lane properties) set, as they were and as they become; the store must be a
	// LaneKeeper. They are written after the events.
	LanesBefore, LanesAfter []LaneInfo
	// Batch, when not 0, is the store's batch (the store is a Batches) this change wrote,
	// an import: undo and redo move its events within the case, and Before and After are
	// left empty, so the change holds no events however many it wrote.
	Batch int64
}

// Replacer is the part of a Store a History writes through. A change of lanes also needs
// the store to be a LaneKeeper.
type Replacer interface {
	// Replace is Store.Replace: put and remove in one transaction.
	Replace(ctx context.Context, put []Event, remove []string, progress Progress) (PutResult, error)
}

// History applies changes to a Store and undoes and redoes them, without limit, for as
// long as it lives (one session). It is safe for concurrent use: Apply, Do, Undo and Redo
// each run whole, one at a time, so that the store and the two stacks always agree (two
// Undo calls at once undo two steps, never one step twice). The labels can be read at
// any time, even while a long step is being written.
type History struct {
	Store Replacer

	// op is held for the whole of every step, store write included. Lock order: op, then
	// mu. Nothing is called with mu held, so a peek never waits for a write.
	op   sync.Mutex
	mu   sync.Mutex // guards undo and redo
	undo []Change
	redo []Change
	// saved is the version this history last saved of each event it wrote (guarded by
	// op): an undo or redo saves over it, whatever versions the change itself recorded.
	saved map[string]int64
}

// NewHistory starts an empty history over s.
func NewHistory(s Replacer) *History { return &History{Store: s} }

// Apply writes c to the store and records it, clearing what could be redone. After gets
// fresh ids for its new events (written back into c.After), so the caller can select them.
func (h *History) Apply(ctx context.Context, c *Change) error {
	h.op.Lock()
	defer h.op.Unlock()
	if err := h.write(ctx, c.Before, c.After, false); err != nil {
		return err
	}
	if err := h.writeLanes(ctx, c.LanesAfter); err != nil {
		return err
	}
	h.push(*c)
	return nil
}

// writeLanes sets each of lanes in the store, which must keep lanes when there are any.
func (h *History) writeLanes(ctx context.Context, lanes []LaneInfo) error {
	if len(lanes) == 0 {
		return nil
	}
	k, ok := h.Store.(LaneKeeper)
	if !ok {
		return fmt.Errorf("this case keeps no lanes' colours or order")
	}
	for _, l := range lanes {
		if err := k.SetLane(ctx, l); err != nil {
			return fmt.Errorf("lane %s: %w", l.Name, err)
		}
	}
	return nil
}

// Do runs write, which changes the store in its own way (an import with its own progress
// bar), as one step of the history: no other step runs meanwhile, and the Change write
// returns is recorded when it returns no error. write must not call the History's
// Apply, Do, Undo or Redo (that would wait for itself); the labels it may read.
func (h *History) Do(write func() (Change, error)) error {
	h.op.Lock()
	defer h.op.Unlock()
	c, err := write()
	if err != nil {
		return err
	}
	h.push(c)
	return nil
}

// push records a change that was just written and clears what could be redone: the
// store forgets the batches of what is cleared (they can never be redone).
func (h *History) push(c Change) {
	h.mu.Lock()
	h.undo = append(h.undo, c)
	gone := h.redo
	h.redo = nil
	h.mu.Unlock()
	for _, g := range gone {
		if b, ok := h.Store.(Batches); ok && g.Batch != 0 {
			b.ForgetBatch(context.Background(), g.Batch) //nolint:errcheck // what stays is dropped when the store closes
		}
	}
}

// Undo reverts the last change and returns it; ok is false when there is nothing to undo.
func (h *History) Undo(ctx context.Context) (c Change, ok bool, err error) {
	return h.step(ctx, &h.undo, &h.redo, "undo")
}

// Redo applies again the last undone change; ok is false when there is nothing to redo.
func (h *History) Redo(ctx context.Context) (c Change, ok bool, err error) {
	return h.step(ctx, &h.redo, &h.undo, "redo")
}

// step writes the change on top of from (backwards for an undo) and moves it onto to.
// When the write fails both stacks stay as they were.
func (h *History) step(ctx context.Context, from, to *[]Change, verb string) (Change, bool, error) {
	h.op.Lock()
	defer h.op.Unlock()
	h.mu.Lock()
	if len(*from) == 0 {
		h.mu.Unlock()
		return Change{}, false, nil
	}
	c := (*from)[len(*from)-1]
	h.mu.Unlock()
	old, now, lanes := c.Before, c.After, c.LanesAfter
	if verb == "undo" {
		old, now, lanes = c.After, c.Before, c.LanesBefore
	}
	if err := h.stepBatch(ctx, c.Batch, verb); err != nil {
		return c, false, fmt.Errorf("%s %s: %w", verb, c.Label, err)
	}
	if err := h.write(ctx, old, now, true); err != nil {
		return c, false, fmt.Errorf("%s %s: %w", verb, c.Label, err)
	}
	if err := h.writeLanes(ctx, lanes); err != nil {
		return c, false, fmt.Errorf("%s %s: %w", verb, c.Label, err)
	}
	h.mu.Lock()
	*from = (*from)[:len(*from)-1]
	*to = append(*to, c)
	h.mu.Unlock()
	return c, true, nil
}

// UndoLabel names what Undo would do next, or "" when nothing.
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
// are written into to. Each event of to saves over the version from holds of it, or, for
// an undo or redo (replay), over the version this history last saved of it: so a step
// refuses with a *ConflictError when someone else changed the event since. An event
// from lacks is added whatever its version was (an undone delete). Put writes the new
// versions back into to.
func (h *History) write(ctx context.Context, from, to []Event, replay bool) error {
	versions := make(map[string]int64, len(from))
	for _, e := range from {
		versions[e.ID] = e.Version
	}
	keep := make(map[string]bool, len(to))
	for i := range to {
		if to[i].ID == "" {
			to[i].ID = NewID()
		}
		v, inFrom := versions[to[i].ID]
		if saved, ok := h.saved[to[i].ID]; replay && inFrom && ok {
			v = saved
		}
		to[i].Version = v
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
	if h.saved == nil {
		h.saved = map[string]int64{}
	}
	for _, e := range to {
		h.saved[e.ID] = e.Version
	}
	for _, id := range gone {
		delete(h.saved, id)
	}
	return nil
}

// stepBatch undoes or redoes the store's batch id, when it is not 0.
func (h *History) stepBatch(ctx context.Context, id int64, verb string) error {
	if id == 0 {
		return nil
	}
	b, ok := h.Store.(Batches)
	if !ok {
		return fmt.Errorf("this case keeps no batches")
	}
	if verb == "undo" {
		return b.UndoBatch(ctx, id)
	}
	return b.RedoBatch(ctx, id)
}
