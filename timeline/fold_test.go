package timeline

import (
	"reflect"
	"testing"
)

func pointAt(id string, t int64) Mark {
	return Mark{ID: id, StartLo: t, StartHi: t, EndLo: t, EndHi: t}
}

func TestFindFolds(t *testing.T) {
	tests := []struct {
		name   string
		marks  []Mark
		factor float64
		minLen int64
		want   []Fold
	}{
		{"too few", []Mark{pointAt("a", 0), pointAt("b", 1000)}, 3, 1, nil},
		{"even gaps fold nothing", []Mark{pointAt("a", 0), pointAt("b", 10), pointAt("c", 20), pointAt("d", 30)}, 3, 1, nil},
		{"one long gap", []Mark{pointAt("a", 0), pointAt("b", 10), pointAt("c", 20), pointAt("d", 1000), pointAt("e", 1010)}, 3, 1,
			[]Fold{{20, 1000}}},
		{"too short to fold", []Mark{pointAt("a", 0), pointAt("b", 10), pointAt("c", 20), pointAt("d", 1000), pointAt("e", 1010)}, 3, 5000, nil},
		{"a span bridges the gap", []Mark{pointAt("a", 0), pointAt("b", 10), {ID: "s", StartLo: 15, StartHi: 15, EndLo: 990, EndHi: 990, Span: true},
			pointAt("c", 20), pointAt("d", 1000), pointAt("e", 1010)}, 3, 1, nil},
		{"unsorted", []Mark{pointAt("e", 1010), pointAt("a", 0), pointAt("d", 1000), pointAt("c", 20), pointAt("b", 10)}, 3, 1,
			[]Fold{{20, 1000}}},
	}
	for _, tt := range tests {
		if got := FindFolds(tt.marks, tt.factor, tt.minLen); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestFoldedScale(t *testing.T) {
	// 0..1100 in 120 px; the fold 100..1000 takes 20 px, so 200 s share 100 px.
	s := FoldedScale{Start: 0, End: 1100, Width: 120, Folds: []Fold{{100, 1000}}, BreakWidth: 20}
	tests := []struct {
		t int64
		x float64
	}{
		{0, 0}, {50, 25}, {100, 50}, {550, 60}, {1000, 70}, {1100, 120},
	}
	for _, tt := range tests {
		if got := s.X(tt.t); got != tt.x {
			t.Errorf("X(%d) = %v, want %v", tt.t, got, tt.x)
		}
		if got := s.Time(tt.x); got != tt.t {
			t.Errorf("Time(%v) = %d, want %d", tt.x, got, tt.t)
		}
	}
	// A fold reaching outside the window is not folded.
	out := FoldedScale{Start: 500, End: 1100, Width: 600, Folds: []Fold{{100, 1000}}, BreakWidth: 20}
	if got := out.X(800); got != 300 {
		t.Errorf("a fold leaving the window still folds: X(800) = %v, want 300", got)
	}
	// No folds: a plain linear scale.
	plain := FoldedScale{Start: 0, End: 1000, Width: 100}
	if plain.X(500) != 50 || plain.Time(50) != 500 {
		t.Errorf("plain scale: X(500) = %v, Time(50) = %d", plain.X(500), plain.Time(50))
	}
}
