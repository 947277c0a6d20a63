package timeline

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// scannerTexts are sentences of every kind the forms read, and near misses.
var scannerTexts = []string{
	"xin 2019 and in 2020, tin 2021; Xmay 2020, 1990-01-04: 123 September 2023 and 2023-09-13x.",
	"Kim arrived on 10th - 13th of September, 2023, and left Sept. 14th 2023; KIM left on THURSDAY or this past Monday.",
	"Переговоры шли с 2019 по 2021 год, 13 сентября 2023 года, в апреле 2019 года, после 2020 г. и в 2019 году.",
	"김정은 위원장은 2023년 9월 13일, 2023 년 9 월, 9월 13일, 2019년; 金正恩于2023年9月13日、2023年9月、9月13日、2019年。",
	"Seen 13.09.2023, 09/13/2023, 2023-09, mid-2022, mid- July, early 2022, from March, yesterday, Today, tomorrow.",
	"The Kelvin sign \u212a and the long s \u017f fold: \u017fince 2019, ſince March.",
	"Built c. 1950, in the 1950s or the 19th century, about 5 Sep 2023, 44 BC and AD 800, le 1er septembre 2023.",
	"Am 13. September 2023, el 13 de septiembre de 2023, 1-5 Sep 2023, entre 1950 y 1955, années 1950, 1950er.",
}

// TestScannerFindsWhatTheRegexpFinds checks each form's scanner against its regular
// expression run over the whole sentence.
func TestScannerFindsWhatTheRegexpFinds(t *testing.T) {
	for _, text := range scannerTexts {
		checkScanner(t, text)
	}
}

// FuzzScanner checks the scanners against the regular expressions on any sentence.
func FuzzScanner(f *testing.F) {
	for _, s := range scannerTexts {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if utf8.ValidString(text) {
			checkScanner(t, strings.Join(strings.Fields(text), " "))
		}
	})
}

// checkScanner compares, on one sentence s, what each form's scanner finds with what
// its regexp finds: the same matches, except that a words form's scanner skips a
// match that begins inside a word (which FindDates would drop), and may then find one
// that such a match hid.
func checkScanner(t *testing.T, s string) {
	t.Helper()
	for i, p := range dateForms {
		got := p.scan.findAll(s)
		all := p.text.FindAllStringSubmatchIndex(s, -1)
		var want, inside [][]int
		for _, m := range all {
			if p.words && wordRune(s[:m[0]], true) {
				inside = append(inside, m)
			} else {
				want = append(want, m)
			}
		}
		for _, w := range want {
			if !slices.ContainsFunc(got, func(g []int) bool { return slices.Equal(g, w) }) {
				t.Errorf("form %d in %q: the scanner missed %v (%q); found %v", i, s, w, s[w[0]:w[1]], got)
			}
		}
		for _, g := range got {
			if slices.ContainsFunc(want, func(w []int) bool { return slices.Equal(g, w) }) {
				continue
			}
			m := p.text.FindStringSubmatchIndex(s[g[0]:])
			hidden := slices.ContainsFunc(inside, func(m []int) bool { return m[0] < g[1] && g[0] < m[1] })
			if !hidden || m == nil || m[0] != 0 || m[1] != g[1]-g[0] {
				t.Errorf("form %d in %q: the scanner found %v (%q), which the regexp does not", i, s, g, s[g[0]:g[1]])
			}
		}
	}
}
