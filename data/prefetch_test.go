package data

import (
	"math/rand/v2"
	"testing"
)

// TestPrefetchMarks: a case with a snapshot has its marks read in the background and
// kept, and the first Marks gives those very marks, equal to what the events hold; a
// case without one is not read ahead (its marks would not be kept).
func TestPrefetchMarks(t *testing.T) {
	withSnapshots(t)
	rng := rand.New(rand.NewPCG(2, 2))
	s := newStore(t)
	put(t, s, varied(rng, "p", 200)...)
	if err := s.RefreshMarks(ctx); err != nil {
		t.Fatal(err)
	}
	o := reopen(t, s)
	o.PrefetchMarks()
	o.snap.bg.Wait()
	_, kept := o.snap.cache.get()
	if kept == nil {
		t.Fatal("no marks kept after PrefetchMarks")
	}
	got := marksOf(t, o)
	if got != kept {
		t.Error("the first Marks after PrefetchMarks read the marks again")
	}
	sameMarks(t, "prefetched", got, fromEvents(t, o))

	bare := newStore(t)
	put(t, bare, varied(rng, "q", 20)...)
	if st := snapshotState(t, bare); st.built != 0 {
		t.Fatalf("a snapshot before any read: %+v", st)
	}
	bare.PrefetchMarks()
	bare.snap.bg.Wait()
	if _, m := bare.snap.cache.get(); m != nil {
		t.Error("marks read ahead for a case without a snapshot")
	}
	sameMarks(t, "no snapshot", marksOf(t, bare), fromEvents(t, bare))
}
