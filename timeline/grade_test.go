package timeline

import (
	"strings"
	"testing"
)

func TestParseGrade(t *testing.T) {
	tests := []struct {
		in   string
		rel  string
		cred int
		ok   bool
	}{
		{"B2", "B", 2, true}, {" b2 ", "B", 2, true}, {"F6", "F", 6, true}, {"A", "A", 0, true}, {"3", "", 3, true}, {"", "", 0, true},
		{"G2", "", 0, false}, {"B7", "", 0, false}, {"B22", "", 0, false}, {"2B", "", 0, false}, {"good", "", 0, false},
	}
	for _, tt := range tests {
		rel, cred, err := ParseGrade(tt.in)
		if (err == nil) != tt.ok || rel != tt.rel || cred != tt.cred {
			t.Errorf("ParseGrade(%q) = %q %d %v", tt.in, rel, cred, err)
		}
		if back := (Source{Reliability: rel, Credibility: cred}).Grade(); err == nil && back != strings.ToUpper(strings.TrimSpace(tt.in)) {
			t.Errorf("Grade of %q read back = %q", tt.in, back)
		}
	}
}
