package data

import (
	"context"

	"github.com/chronoscope/chronoscope/timeline"
)

// PutStream is Put for events that arrive a chunk at a time, such as an import read as
// it is written, so that the events of a large file never sit in memory at once. produce
// calls put with each chunk in order (a chunk may be reused once put returns); all chunks
// are written in one transaction, which is committed when produce returns nil and rolled
// back otherwise: the case is wholly changed or unchanged. An invalid event, or an error
// from produce, fails the whole PutStream; a PutError counts events from the first of
// the first chunk. size is about how many events will come (0 when unknown): it sizes
// the page cache and says whether rebuilding the indexes at the end pays.
func (s *Store) PutStream(ctx context.Context, size int, produce func(put func([]timeline.Event) error) error) (timeline.PutResult, error) {
	if err := s.writeRefused(); err != nil {
		return timeline.PutResult{}, err
	}
	conn, err := s.w.Conn(ctx)
	if err != nil {
		return timeline.PutResult{}, s.fail(err)
	}
	defer conn.Close()
	bp, err := s.beginBulk(ctx, conn, size)
	if err != nil {
		return timeline.PutResult{}, s.fail(err)
	}
	defer bp.close()
	offset := 0
	put := func(events []timeline.Event) error {
		for i := range events {
			e := &events[i]
			e.Normalize()
			if err := e.Validate(); err != nil {
				return &PutError{Index: offset + i, ID: e.ID, Err: err}
			}
		}
		if err := bp.chunk(ctx, events, offset, size, nil); err != nil {
			return err
		}
		offset += len(events)
		return nil
	}
	if err := produce(put); err != nil {
		return timeline.PutResult{}, s.fail(err)
	}
	if err := bp.finish(ctx, nil, size, nil); err != nil {
		return timeline.PutResult{}, s.fail(err)
	}
	return bp.res, nil
}
