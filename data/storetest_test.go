package data

import (
	"testing"
	"time"

	"github.com/chronoscope/chronoscope/data/storetest"
)

// TestConformance runs the store tests both stores share against the SQLite store.
func TestConformance(t *testing.T) {
	storetest.Run(t, storetest.Opener{
		New: func(t *testing.T) storetest.Store { return newStore(t) },
		Again: func(t *testing.T, s storetest.Store) storetest.Store {
			other, err := Open(s.Path(), OpenExisting)
			if err != nil {
				t.Fatal(err)
			}
			other.Now = func() time.Time { return storetest.Now }
			t.Cleanup(func() { other.Close() })
			return other
		},
	})
}
