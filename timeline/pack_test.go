package timeline

import (
	"math/rand/v2"
	"testing"
)

func randomPackItems(rng *rand.Rand, n int, width float64) []PackItem {
	items := make([]PackItem, n)
	for i := range items {
		x := rng.Float64()*width*1.2 - width*0.1
		w := 7.0
		if rng.IntN(5) == 0 {
			w = rng.Float64() * width / 3
		}
		lw := 0.0
		if rng.IntN(10) > 0 {
			lw = 20 + rng.Float64()*200
		}
		items[i] = PackItem{X0: x, X1: x + w, LabelX: x + 9, LabelW: lw, Importance: int8(1 + rng.IntN(5))}
	}
	return items
}

// drawn is what an item occupies in its row once packed.
func drawn(it *PackItem) (a, b float64) { return it.extent(it.Labeled) }

// TestPackNoOverlap checks on random input that nothing drawn in a row overlaps, but for
// crowded marks, and that a label is only lost to labels at least as important.
func TestPackNoOverlap(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	var p Packer
	for round := 0; round < 300; round++ {
		n := rng.IntN(400)
		p.MaxRows = 1 + rng.IntN(6)
		p.Gap = float64(rng.IntN(8))
		items := randomPackItems(rng, n, 1600)
		rows := p.Pack(items)
		if rows > p.MaxRows {
			t.Fatalf("round %d: %d rows used, max %d", round, rows, p.MaxRows)
		}
		for i := range items {
			x := &items[i]
			if x.Row < 0 || x.Row >= p.MaxRows {
				t.Fatalf("round %d: item %d in row %d", round, i, x.Row)
			}
			if x.Labeled && x.LabelW <= 0 {
				t.Fatalf("round %d: item %d labelled without a label", round, i)
			}
			if x.Crowded {
				continue
			}
			xa, xb := drawn(x)
			for j := i + 1; j < len(items); j++ {
				y := &items[j]
				if y.Crowded || y.Row != x.Row {
					continue
				}
				ya, yb := drawn(y)
				if xa < yb+p.Gap && ya < xb+p.Gap {
					t.Fatalf("round %d: items %d %+v and %d %+v overlap in row %d", round, i, *x, j, *y, x.Row)
				}
			}
		}
		// Importance wins: an unlabelled item's label would have hit, in every row, a
		// label at least as important.
		for i := range items {
			x := &items[i]
			if x.Labeled || x.LabelW <= 0 {
				continue
			}
			xa, xb := x.extent(true)
			for r := 0; r < p.MaxRows; r++ {
				blocked := false
				for j := range items {
					y := &items[j]
					if j == i || !y.Labeled || y.Row != r || y.Importance < x.Importance {
						continue
					}
					ya, yb := drawn(y)
					if xa < yb+p.Gap && ya < xb+p.Gap {
						blocked = true
						break
					}
				}
				if !blocked {
					t.Fatalf("round %d: item %d (importance %d) lost its label though row %d had room for it",
						round, i, x.Importance, r)
				}
			}
		}
	}
}

func TestPackImportanceWins(t *testing.T) {
	// Three marks at the same place, one row: the most important keeps the label, the
	// others fall back to bare marks and then to crowding.
	items := []PackItem{
		{X0: 100, X1: 107, LabelX: 109, LabelW: 100, Importance: 2},
		{X0: 102, X1: 109, LabelX: 111, LabelW: 100, Importance: 5},
		{X0: 300, X1: 307, LabelX: 309, LabelW: 50, Importance: 1},
		{X0: 104, X1: 111, LabelX: 113, LabelW: 100, Importance: 3},
	}
	p := Packer{MaxRows: 1, Gap: 4}
	p.Pack(items)
	if !items[1].Labeled || items[0].Labeled || items[3].Labeled {
		t.Errorf("labels: %+v", items)
	}
	if !items[2].Labeled {
		t.Errorf("the far item lost its label: %+v", items[2])
	}
	if !items[0].Crowded || !items[3].Crowded {
		t.Errorf("hidden marks should be crowded: %+v", items)
	}
	// With two rows the next most important gets the second row.
	p.MaxRows = 2
	p.Pack(items)
	if !items[1].Labeled || items[1].Row != 0 || !items[3].Labeled || items[3].Row != 1 || items[0].Labeled {
		t.Errorf("two rows: %+v", items)
	}
	// Equal importance: the earlier one wins.
	eq := []PackItem{
		{X0: 50, X1: 57, LabelX: 59, LabelW: 80, Importance: 3},
		{X0: 10, X1: 17, LabelX: 19, LabelW: 80, Importance: 3},
	}
	(&Packer{MaxRows: 1}).Pack(eq)
	if !eq[1].Labeled || eq[0].Labeled {
		t.Errorf("equal importance: %+v", eq)
	}
}

func TestPackFarCoordinates(t *testing.T) {
	// Starts beyond the fast sort's range take the general path and still pack.
	items := []PackItem{
		{X0: -1e12, X1: 1e12, LabelX: 0, LabelW: 10, Importance: 3},
		{X0: 5, X1: 6, LabelX: 8, LabelW: 10, Importance: 4},
	}
	(&Packer{MaxRows: 2}).Pack(items)
	if !items[1].Labeled || items[1].Row != 0 || !items[0].Labeled || items[0].Row != 1 {
		t.Errorf("far coordinates: %+v", items)
	}
}

func TestPackReusesBuffers(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	items := randomPackItems(rng, 2000, 1600)
	p := Packer{MaxRows: 5, Gap: 4}
	p.Pack(items)
	allocs := testing.AllocsPerRun(10, func() { p.Pack(items) })
	if allocs > 0 {
		t.Errorf("a warm Pack allocates %v times", allocs)
	}
}
