package data

import (
	"fmt"
	"testing"

	"github.com/chronoscope/chronoscope/data/storetest"
	"github.com/chronoscope/chronoscope/timeline"
)

// A case a PutStream wrote through the bulk path (indexes dropped and made again) is whole.
func TestPutStreamLeavesAWholeCase(t *testing.T) {
	s := newStore(t)
	evs := make([]timeline.Event, 5000)
	for i := range evs {
		evs[i] = event(fmt.Sprintf("s%05d", i), fmt.Sprintf("Streamed %d", i), "2023-09-13", "")
		evs[i].Actors, evs[i].Sources = []string{"Kim Jong-un"}, []timeline.Source{{Title: "Wire"}}
	}
	if res, err := s.PutStream(ctx, len(evs), storetest.Chunked(evs, 700)); err != nil || res.Added != len(evs) {
		t.Fatalf("PutStream = %+v, %v", res, err)
	}
	if err := s.BuildIndex(ctx, nil); err != nil {
		t.Fatal(err)
	}
	assertIndexes(t, s)
	if rep, err := s.Check(ctx, nil); err != nil || len(rep.Problems) > 0 {
		t.Errorf("check after PutStream: %+v %v", rep, err)
	}
}
