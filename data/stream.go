package data

import (
	"context"
	"errors"

	"github.com/chronoscope/chronoscope/timeline"
)

// PutStream is Put for events that arrive a chunk at a time, such as an import read as
// it is written, so that the events of a large file never sit in memory at once. produce
// runs on a goroutine of its own and calls put with each chunk in order (a chunk may be
// reused once put returns); put normalizes, validates and prepares the chunk there, and
// the chunks are written on the calling goroutine meanwhile, so reading a file and
// writing it take a core each. All chunks are written in one transaction, which is
// committed when produce returns nil and rolled back otherwise: the case is wholly
// changed or unchanged. An invalid event, or an error from produce (returned as it is),
// fails the whole PutStream; a PutError counts events from the first of the first chunk.
// put gives ids to events without one (in the chunk it is handed); the versions saved
// are not written back. size is about how many events will come (0 when unknown): it
// sizes the page cache and says whether rebuilding the indexes at the end pays.
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
	if err := bp.stream(ctx, size, produce); err != nil {
		return timeline.PutResult{}, s.fail(err)
	}
	if err := bp.finish(ctx, nil, size, nil); err != nil {
		return timeline.PutResult{}, s.fail(err)
	}
	return bp.res, nil
}

// errWriteFailed stops a PutStream's producer once the writing failed.
var errWriteFailed = errors.New("the write failed")

// stream runs produce on a goroutine of its own, whose put prepares each chunk and
// queues it, and writes the queued chunks here, in order. The first error of either side
// stops both: the writer's, or else the producer's as it gave it.
func (bp *bulkPut) stream(ctx context.Context, size int, produce func(put func([]timeline.Event) error) error) error {
	queue := make(chan *prepared, 2)
	stop := make(chan struct{})
	var produced error
	go func() {
		defer close(queue)
		produced = produce(func(events []timeline.Event) error {
			c, err := bp.prep.prepare(events)
			if err != nil {
				return err
			}
			select {
			case queue <- c:
				return nil
			case <-stop:
				return errWriteFailed
			}
		})
	}()
	var written error
	for c := range queue {
		if written != nil {
			continue // drain, so the producer ends
		}
		if written = bp.write(ctx, c, size, nil); written != nil {
			close(stop)
		}
	}
	if written != nil {
		return written
	}
	return produced
}
