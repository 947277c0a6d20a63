package chart

import (
	"os"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/chronoscope/chronoscope/timeline"
)

// runTexts is the text of each run of s, left to right, and the glyphs' runes as the
// font maps them back.
func runTexts(s string, isBold bool) (texts []string, glyphRunes string) {
	textMu.Lock()
	defer textMu.Unlock()
	for _, r := range layoutText(s, isBold) {
		texts = append(texts, r.text)
		for _, g := range r.glyphs {
			if c, ok := r.face.runeOf(g.id); ok {
				glyphRunes += string(c)
			}
		}
	}
	return texts, glyphRunes
}

// Arabic is shaped: the glyphs are the joined forms (Arabic presentation forms), right
// to left, so that the first glyph on the left is the word's last letter in its final
// form; read back through NFKC they spell the word reversed.
func TestArabicIsShapedRightToLeft(t *testing.T) {
	word := "بوتين"
	_, glyphs := runTexts(word, false)
	if glyphs == word {
		t.Fatal("the glyphs are the letters in reading order, unshaped")
	}
	joined := 0
	for _, r := range glyphs {
		if r >= 0xFE70 && r <= 0xFEFF {
			joined++
		}
	}
	if joined < 4 {
		t.Errorf("only %d of the glyphs of %q are joined forms: %q", joined, word, glyphs)
	}
	back := []rune(norm.NFKC.String(glyphs))
	slices.Reverse(back)
	if string(back) != word {
		t.Errorf("the glyphs read %q right to left, want %q", string(back), word)
	}
	// Joined letters are narrower than the isolated ones the unshaped measure added up.
	if shaped, isolated := textWidth(word, 10, false), isolatedWidth(word, 10); shaped >= isolated {
		t.Errorf("shaped width %.1f, isolated %.1f", shaped, isolated)
	}
}

func isolatedWidth(s string, size float64) float64 {
	textMu.Lock()
	defer textMu.Unlock()
	w := 0.0
	for _, r := range s {
		_, _, a := runeGlyph(r, false)
		w += a
	}
	return w * size
}

// A left-to-right label with Arabic and a number in it is ordered as the bidirectional
// algorithm orders it (and Chromium draws the SVG): the number, after the Arabic word in
// reading order, stands left of it.
func TestBidiOrderOfMixedText(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"Talks: قمة 2023 ends", []string{"Talks: ", "2023", "قمة ", " ends"}},
		{"שיחות ב-13 בספטמבר", []string{" בספטמבר", "13", "שיחות ב-"}},
		{"Putin и Ким", []string{"Putin и Ким"}},
	} {
		got, _ := runTexts(c.in, false)
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%q runs left to right = %q, want %q", c.in, got, c.want)
		}
	}
}

// needCJKFonts skips a test that needs the TrueType CJK fonts of Debian's
// fonts-droid-fallback and fonts-nanum (make test-deps installs them); under CI it fails.
func needCJKFonts(t *testing.T) {
	t.Helper()
	for _, path := range cjkFonts[:2] {
		if _, err := os.Stat(path); err != nil {
			if os.Getenv("CI") != "" {
				t.Fatalf("%s is missing (apt-get install fonts-droid-fallback fonts-nanum)", path)
			}
			t.Skipf("%s is missing", path)
		}
	}
}

// Chinese, Korean and Arabic titles are text in the PDF: pdftotext reads them back (the
// Arabic in its joined forms, NFKC folding them to the letters), with the fonts
// embedded.
func TestPDFWorldScripts(t *testing.T) {
	needLibrary(t)
	poppler(t)
	needCJKFonts(t)
	titles := []string{"金正恩与普京在东方航天发射场会面", "김정은, 러시아 도착", "بوتين يستقبل كيم في قاعدة فوستوتشني", "Путин и Ким"}
	var events []timeline.Event
	for i, title := range titles {
		events = append(events, ev(title, title, "2023-09-1"+string(rune('0'+i)), "", "Lane "+title[:3], 4, nil, nil))
	}
	text := strings.Join(pages(t, pdfOf(t, events, Options{Kind: KindReport})), "\n")
	joined := strings.ContainsFunc(text, func(r rune) bool { return r >= 0xFE70 && r <= 0xFEFF })
	if !joined {
		t.Error("the PDF's Arabic is not in joined forms: it was not shaped")
	}
	folded := strings.Map(func(r rune) rune {
		if r >= 0x202A && r <= 0x202E || r == 0x200E || r == 0x200F {
			return -1 // the direction marks pdftotext puts around right-to-left text
		}
		return r
	}, norm.NFKC.String(text))
	for _, title := range titles {
		if !strings.Contains(folded, title) {
			t.Errorf("pdftotext does not read %q", title)
		}
	}
}
