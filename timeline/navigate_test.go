package timeline

import "testing"

func TestNeighbour(t *testing.T) {
	// Out of order on purpose; c and b start together, c first in the marks, as the
	// list shows them.
	marks := []Mark{
		{ID: "d", StartLo: 400, EndHi: 400},
		{ID: "a", StartLo: 100, EndHi: 100},
		{ID: "c", StartLo: 200, EndHi: 900},
		{ID: "b", StartLo: 200, EndHi: 300},
		{ID: "e", StartLo: 400, EndHi: 400}, // d's twin: after it in the marks
	}
	tests := []struct {
		id   string
		at   int64
		dir  int
		want string // "" for none
	}{
		{"a", 0, 1, "c"},
		{"c", 0, 1, "b"},
		{"b", 0, 1, "d"},
		{"d", 0, 1, "e"},
		{"e", 0, 1, ""},
		{"e", 0, -1, "d"},
		{"b", 0, -1, "c"},
		{"a", 0, -1, ""},
		{"", 150, 1, "c"},  // nothing selected: the first at or after the instant
		{"", 200, 1, "c"},  // one starting at it counts
		{"", 150, -1, "a"}, // the last before it
		{"", 50, -1, ""},
		{"gone", 250, 1, "d"}, // an id no longer there: from the instant
	}
	for _, tt := range tests {
		i, ok := Neighbour(MarksOf(marks), tt.id, tt.at, tt.dir)
		got := ""
		if ok {
			got = marks[i].ID
		}
		if got != tt.want {
			t.Errorf("Neighbour(%q, %d, %d) = %q, want %q", tt.id, tt.at, tt.dir, got, tt.want)
		}
	}
}
