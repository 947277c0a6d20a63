package timeline

import (
	"slices"
	"testing"
)

func TestSearchWords(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Kim Jong-un meets Putin, 13.09.2023", []string{"Kim", "Jong", "un", "meets", "Putin", "13", "09", "2023"}},
		{"Встреча в «Восточном»", []string{"Встреча", "в", "Восточном"}},
		{"金正恩与普京会面。", []string{"金正恩与普京会面"}},
		{"G20峰会 in 東京タワー", []string{"G20", "峰会", "in", "東京タワー"}},
		{"김정은이 왔다", []string{"김정은이", "왔다"}},
		{"cafe\u0301 a_b $5", []string{"cafe\u0301", "a", "b", "5"}},
		{"", nil},
		{" ,.; ", nil},
	}
	for _, tt := range tests {
		if got := SearchWords(tt.text); !slices.Equal(got, tt.want) {
			t.Errorf("SearchWords(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
	if !IsCJKWord("普京") || !IsCJKWord("김정은") || IsCJKWord("Putin") || IsCJKWord("") {
		t.Errorf("IsCJKWord is wrong")
	}
}

func TestSpaceCJK(t *testing.T) {
	if got := SpaceCJK("Summit 金正恩与普京, Vostochny"); got != "Summit  金  正  恩  与  普  京 , Vostochny" {
		t.Errorf("SpaceCJK = %q", got)
	}
	if got := SpaceCJK("no CJK here"); got != "no CJK here" {
		t.Errorf("SpaceCJK changed text without CJK: %q", got)
	}
}
