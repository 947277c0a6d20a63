package data

import (
	"errors"
	"fmt"
	"testing"

	"github.com/chronoscope/chronoscope/timeline"
)

func streamEvents(n int) []timeline.Event {
	evs := make([]timeline.Event, n)
	for i := range evs {
		evs[i] = event(fmt.Sprintf("s%05d", i), fmt.Sprintf("Streamed %d", i), "2023-09-13", "")
		evs[i].Actors = []string{"Kim Jong-un"}
		evs[i].Lane = fmt.Sprintf("Lane %d", i%3)
		evs[i].Sources = []timeline.Source{{Title: "Wire"}}
	}
	return evs
}

// chunked hands evs to put in chunks of size n, through one reused buffer.
func chunked(evs []timeline.Event, n int) func(put func([]timeline.Event) error) error {
	return func(put func([]timeline.Event) error) error {
		buf := make([]timeline.Event, 0, n)
		for _, e := range evs {
			buf = append(buf, e)
			if len(buf) == n {
				if err := put(buf); err != nil {
					return err
				}
				buf = buf[:0]
			}
		}
		if len(buf) > 0 {
			return put(buf)
		}
		return nil
	}
}

func TestPutStreamWritesWhatPutWrites(t *testing.T) {
	evs := streamEvents(5000)
	a, b := newStore(t), newStore(t)
	put(t, a, append([]timeline.Event(nil), evs...)...)
	res, err := b.PutStream(ctx, len(evs), chunked(evs, 700))
	if err != nil || res.Added != len(evs) {
		t.Fatalf("PutStream = %+v, %v", res, err)
	}
	for _, f := range []timeline.Filter{{}, {Actors: []string{"Kim Jong-un"}}, {Query: "streamed"}, {Lanes: []string{"Lane 2"}}} {
		na, _ := a.Count(ctx, f)
		nb, _ := b.Count(ctx, f)
		if na != nb || nb == 0 {
			t.Errorf("filter %+v: Put gives %d, PutStream %d", f, na, nb)
		}
	}
	la, _ := a.Lanes(ctx)
	lb, _ := b.Lanes(ctx)
	if len(la) != 3 || fmt.Sprint(la) != fmt.Sprint(lb) {
		t.Errorf("lanes: Put %v, PutStream %v", la, lb)
	}
	// Streaming the same events again changes nothing.
	res, err = b.PutStream(ctx, 0, chunked(evs, 999))
	if err != nil || res.Unchanged != len(evs) {
		t.Errorf("second PutStream = %+v, %v", res, err)
	}
	if rep, err := b.Check(ctx, nil); err != nil || len(rep.Problems) > 0 {
		t.Errorf("check after PutStream: %+v %v", rep, err)
	}
}

func TestPutStreamIsAllOrNothing(t *testing.T) {
	s := newStore(t)
	put(t, s, timeline.Sample()...)
	evs := streamEvents(3000)
	evs[2100].Title = "" // invalid, in the fourth chunk
	_, err := s.PutStream(ctx, len(evs), chunked(evs, 700))
	var pe *PutError
	if !errors.As(err, &pe) || pe.Index != 2100 {
		t.Errorf("PutStream with a bad event = %v, want a PutError at event 2101", err)
	}
	boom := errors.New("line 9: not a date")
	_, err = s.PutStream(ctx, 0, func(put func([]timeline.Event) error) error {
		if err := put(streamEvents(800)); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Errorf("PutStream whose producer failed = %v", err)
	}
	if n, _ := s.Count(ctx, timeline.Filter{}); n != len(timeline.Sample()) {
		t.Errorf("%d events after two failed streams, want the sample's %d", n, len(timeline.Sample()))
	}
}
