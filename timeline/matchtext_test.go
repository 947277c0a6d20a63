package timeline

import (
	"reflect"
	"testing"
)

// marks lists the words Marked marks, as text.
func marks(m Marked) []string {
	var out []string
	for _, r := range m.Words {
		out = append(out, m.Text[r[0]:r[1]])
	}
	return out
}

func TestExplainMatch(t *testing.T) {
	e := Event{
		Title:       "North Korea fires a ballistic missile toward the East Sea",
		Description: "Hours before the summit, Pyongyang launched two short-range ballistic missiles, the South Korean military said; Japan protested.",
		Actors:      []string{"North Korea", "Kim Jong Un"},
		Tags:        []string{"missile test"},
		Sources:     []Source{{Title: "Yonhap report", Publisher: "Yonhap"}},
	}
	tests := []struct {
		query             string
		title             []string
		field             string
		excerpt           string
		marked            []string
		excerptLongerThan int
	}{
		// Every word in the title: no excerpt.
		{"ballistic missile", []string{"ballistic", "missile"}, "", "", nil, 0},
		// The last word is a prefix, in any case.
		{"MISS", []string{"missile"}, "", "", nil, 0},
		// A word the title lacks: the field that holds it, cut around the first match.
		{"ballistic japan", []string{"ballistic"}, "description",
			"\u2026ballistic missiles, the South Korean military said; Japan\u2026", []string{"ballistic", "Japan"}, 0},
		{"kim", nil, "actors", "North Korea, Kim Jong Un", []string{"Kim"}, 0},
		{"yonhap", nil, "sources", "Yonhap report Yonhap", []string{"Yonhap", "Yonhap"}, 0},
		{"test", nil, "tags", "missile test", []string{"test"}, 0},
		// A word in the middle of a word is no match (full text matches whole words).
		{"issile", nil, "", "", nil, 0},
	}
	for _, tt := range tests {
		w, ok := ExplainMatch(tt.query, e, 60)
		if !ok {
			t.Errorf("%q: no words", tt.query)
			continue
		}
		if got := marks(w.Title); !reflect.DeepEqual(got, tt.title) {
			t.Errorf("%q: title marks %q, want %q", tt.query, got, tt.title)
		}
		if w.Field != tt.field || w.Excerpt.Text != tt.excerpt {
			t.Errorf("%q: %s %q, want %s %q", tt.query, w.Field, w.Excerpt.Text, tt.field, tt.excerpt)
		}
		if got := marks(w.Excerpt); !reflect.DeepEqual(got, tt.marked) {
			t.Errorf("%q: excerpt marks %q, want %q", tt.query, got, tt.marked)
		}
	}
	if _, ok := ExplainMatch("  ,; ", e, 60); ok {
		t.Error("a query of no words explains a match")
	}
	cjk := Event{Title: "Summit", Description: "金正恩与普京会面"}
	w, _ := ExplainMatch("普京", cjk, 60)
	if w.Field != "description" || !reflect.DeepEqual(marks(w.Excerpt), []string{"普京"}) {
		t.Errorf("a CJK word inside a run: %s %q", w.Field, marks(w.Excerpt))
	}
}
