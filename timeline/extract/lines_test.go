package extract

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// chronology is a text of n lines, one dated event a line and no full stops, the way
// analysts paste a chronology: "13 September 2023 Kim Jong-un met Vladimir Putin", with
// the date written a different way from line to line.
func chronology(n int) string {
	what := []string{
		"Kim Jong-un met Vladimir Putin at the Vostochny cosmodrome",
		"North Korea fired two ballistic missiles toward the East Sea",
		"Talks resumed in Geneva",
		"The border was closed",
		"Officials signed a trade agreement",
	}
	var b strings.Builder
	day := time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		d := day.AddDate(0, 0, 3*i)
		var date string
		switch i % 4 {
		case 0:
			date = d.Format("2 January 2006")
		case 1:
			date = d.Format("2006-01-02:")
		case 2:
			date = d.Format("January 2, 2006 –")
		default:
			date = d.Format("02.01.2006")
		}
		fmt.Fprintf(&b, "%s %s\n", date, what[i%len(what)])
	}
	return b.String()
}

// BenchmarkFindLines reads chronologies of 1,000, 4,000 and 16,000 lines (one date a
// line), then the same dates in one line with no stop (one sentence), and reports the
// time per date, which stays the same whatever the length when Find is linear.
func BenchmarkFindLines(b *testing.B) {
	for _, oneLine := range []bool{false, true} {
		for _, n := range []int{1000, 4000, 16000} {
			text := chronology(n)
			name := fmt.Sprintf("lines=%d", n)
			if oneLine {
				text, name = strings.ReplaceAll(text, "\n", " "), fmt.Sprintf("oneline=%d", n)
			}
			b.Run(name, func(b *testing.B) {
				for b.Loop() {
					if _, err := Find(text, reference); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(n*b.N), "ns/line")
			})
		}
	}
}

// TestLineBreaks checks where the end of a line ends a sentence (see lineEnds).
func TestLineBreaks(t *testing.T) {
	// Each line is a sentence of its own: a new item begins on the next line.
	items := map[string]string{
		"ISO chronology":              "2023-09-13 Kim met Putin\n2023-09-14 talks resumed",
		"day month year":              "13 September 2023: Kim met Putin\n14 September 2023: they toured the site",
		"abbreviated month":           "Sept. 13, 2023 – Kim met Putin\nSept. 14, 2023 – Kim left",
		"numeric":                     "13.09.2023 Kim met Putin\n14.09.2023 Kim left",
		"year heads":                  "2019: first summit in Vladivostok\n2023: second summit at Vostochny",
		"Russian chronology":          "13 сентября 2023 года встреча Путина и Кима\n14 сентября 2023 года отъезд",
		"Chinese chronology":          "2023年9月13日 金正恩会见普京\n2023年9月14日 金正恩离开",
		"bullets":                     "- Kim met Putin\n- talks resumed\n* the border reopened\n• a train left",
		"numbered":                    "1. Kim met Putin\n2) talks resumed\na) the border reopened",
		"headline over its paragraph": "Kim and Putin meet at Vostochny\nKim Jong-un met Vladimir Putin at the Vostochny cosmodrome on 13 September 2023.",
		"short headlines":             "Kim meets Putin\nTalks in Geneva\nBorder reopens",
		"a stop ends a line":          "The talks ended.\nThe train left",
	}
	// The lines are one sentence, wrapped.
	wrapped := map[string]string{
		"lowercase":              "Their\nfirst summit was in April 2019.",
		"lowercase after a date": "Kim met Putin on 13 September 2023\nat the cosmodrome.",
		"Russian lowercase":      "Путин и Ким\nвстретились 13 сентября 2023 года.",
		"wrapped before a name": "Kim Jong-un met Russian President Vladimir\nPutin at the Vostochny cosmodrome on 13 September\n" +
			"2023 after a long journey by train.",
		"ends on a preposition": "The summit was held on\n13 September 2023 in the Far East.",
		"ends on a comma":       "Kim, Putin,\nShoigu and Lavrov met.",
		"a date over the break": "Military exercises were held between 10 and 13\nSeptember 2023 near the border, officials said.",
		"an abbreviation":       "They met Mr.\nPutin in Sept. 2023.",
	}
	check := func(name, text, want string) {
		t.Helper()
		var got []string
		for _, s := range Sentences(text) {
			got = append(got, s.Text)
		}
		if strings.Join(got, "|") != want {
			t.Errorf("%s: %q\n got %q\nwant %q", name, text, strings.Join(got, "|"), want)
		}
	}
	for name, text := range items {
		check(name, text, strings.ReplaceAll(text, "\n", "|"))
	}
	for name, text := range wrapped {
		check(name, text, strings.ReplaceAll(text, "\n", " "))
	}
	check("dates heading their items", "13 September 2023\nKim met Putin at the cosmodrome.\n14 September 2023:\nKim left.\n2019\nFirst summit",
		"13 September 2023 Kim met Putin at the cosmodrome.|14 September 2023: Kim left.|2019 First summit")
	check("a list of dates", "13 September 2023\n14 September 2023\n2019-04", "13 September 2023|14 September 2023|2019-04")
	check("a blank line", "Kim met Putin and\n\nthe train left", "Kim met Putin and|the train left")
	check("a word cut after its hyphen", "Kim Jong-\nun fired short-\nrange missiles.", "Kim Jong-un fired short-range missiles.")
}

// TestHardWrappedParagraph wraps one paragraph at several widths, the way an editor or
// a mail program does (a word goes to the next line when it does not fit): the
// sentences stay those of the paragraph on one line.
func TestHardWrappedParagraph(t *testing.T) {
	paragraph := "North Korean leader Kim Jong-un met Russian President Vladimir Putin at the Vostochny " +
		"Cosmodrome in Russia's Far East on 13 September 2023, in a summit that Washington warned could lead " +
		"to arms deals. Kim arrived by armoured train on Tuesday after crossing the border at Khasan, " +
		"according to state media. The two leaders last met in Vladivostok in April 2019, when talks on " +
		"the Korean Peninsula stalled. US National Security Council spokesman John Kirby said on September 5 " +
		"that Pyongyang would \"pay a price\" for any weapons supply. Japanese officials said between 10 and " +
		"13 September 2023 they tracked the train. The border between the two countries had been closed " +
		"since January 2020. Kim's delegation included Foreign Minister Choe Son Hui and Marshal Pak Jong Chon."
	var want []string
	for _, s := range Sentences(paragraph) {
		want = append(want, s.Text)
	}
	for width := 40; width <= 100; width += 4 {
		var got []string
		for _, s := range Sentences(wrap(paragraph, width)) {
			got = append(got, s.Text)
		}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("wrapped at %d:\n%s\n got %q\nwant %q", width, wrap(paragraph, width), got, want)
		}
	}
}

// wrap breaks text into lines of at most width characters, at spaces.
func wrap(text string, width int) string {
	var b strings.Builder
	n := 0
	for _, w := range strings.Fields(text) {
		switch {
		case n == 0:
		case n+1+len([]rune(w)) > width:
			b.WriteByte('\n')
			n = 0
		default:
			b.WriteByte(' ')
			n++
		}
		b.WriteString(w)
		n += len([]rune(w))
	}
	return b.String()
}

// TestChronologyLines reads one date a line: each candidate is its line, with its line
// number, whatever the number of lines.
func TestChronologyLines(t *testing.T) {
	const n = 400
	text := chronology(n)
	lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
	got, err := Find(text, reference)
	if err != nil || len(got) != n {
		t.Fatalf("%d candidates, %v; want %d", len(got), err, n)
	}
	size := 0
	for i, c := range got {
		if c.Sentence != lines[i] || c.Line != i+1 || !strings.HasPrefix(lines[i], c.Said) {
			t.Errorf("candidate %d: line %d %q %q; want line %d %q", i, c.Line, c.Said, c.Sentence, i+1, lines[i])
		}
		size += len(c.Sentence) + len(c.Title) + len(c.Said)
	}
	if size > 3*len(text) {
		t.Errorf("the candidates hold %d bytes of text for a text of %d", size, len(text))
	}
}
