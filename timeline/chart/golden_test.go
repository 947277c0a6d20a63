package chart

import (
	"bytes"
	"iter"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/chronoscope/chronoscope/timeline"
)

// testLibrary stands in for the 1 MB library so goldens stay small and do not depend on
// whether `make deps` ran.
var testLibrary = library{Inline: "/* ECharts " + echartsVersion + " is inlined here */"}

func seq(events []timeline.Event) iter.Seq[timeline.Event] { return slices.Values(events) }

// golden compares got with testdata/name byte for byte; on a mismatch (or a missing
// golden) it writes testdata/failed/name to review and move into testdata/.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	want, err := os.ReadFile(filepath.Join("testdata", name))
	if err == nil && bytes.Equal(got, want) {
		return
	}
	failed := filepath.Join("testdata", "failed", name)
	if err := os.MkdirAll(filepath.Dir(failed), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(failed, got, 0o644); err != nil {
		t.Fatal(err)
	}
	if err != nil {
		t.Fatalf("no golden testdata/%s (%v); wrote %s: review it and move it into testdata/", name, err, failed)
	}
	t.Fatalf("output differs from testdata/%s; wrote %s: compare, and move it over the golden if it is right", name, failed)
}

func TestGolden(t *testing.T) {
	for _, k := range Kinds() {
		t.Run(string(k), func(t *testing.T) {
			var b bytes.Buffer
			if err := render(&b, seq(sampleEvents()), sampleOptions(k), testLibrary); err != nil {
				t.Fatal(err)
			}
			golden(t, string(k)+".golden.html", b.Bytes())
		})
	}
	t.Run("empty", func(t *testing.T) {
		var b bytes.Buffer
		if err := render(&b, seq(nil), Options{Kind: KindReport}, testLibrary); err != nil {
			t.Fatal(err)
		}
		golden(t, "empty.golden.html", b.Bytes())
	})
}

// The same events in another order, rendered twice, give the same bytes.
func TestDeterministic(t *testing.T) {
	events := append(sampleEvents(), hostileEvents()...)
	reversed := slices.Clone(events)
	slices.Reverse(reversed)
	for _, k := range Kinds() {
		var a, b bytes.Buffer
		if err := Render(&a, events, sampleOptions(k)); err != nil {
			t.Fatal(err)
		}
		if err := Render(&b, reversed, sampleOptions(k)); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Errorf("%s: two renders differ", k)
		}
	}
}
