package extract

import (
	"strings"
	"testing"
	"time"

	"github.com/chronoscope/chronoscope/timeline"
)

// article is written the way the wires reported the summit (facts of the sample chronology).
const article = `Kim and Putin meet at Vostochny

Kim Jong-un met Vladimir Putin at the Vostochny cosmodrome on 13 September 2023. Their
first summit was in Vladivostok in April 2019.
On Tuesday, North Korea fired two ballistic missiles toward the East Sea. Mr. Kirby said
on September 5 that Pyongyang would "pay a price". Russia invaded Ukraine in February 2022.

The border had been closed since January 2020. Talks went on for hours, and a second
round followed. In 2019 nothing was signed. Yesterday the train left.`

var reference = time.Date(2023, 9, 14, 9, 30, 0, 0, time.UTC)

func TestFindReadsTheDatesAtTheirPrecision(t *testing.T) {
	got, err := Find(article, reference)
	if err != nil {
		t.Fatal(err)
	}
	type want struct {
		date, said string
		line       int
		inferred   bool
		sentence   string // its start
	}
	wants := []want{
		{"2023-09-13", "13 September 2023", 3, false, "Kim Jong-un met Vladimir Putin"},
		{"2019-04", "April 2019", 3, false, "Their first summit"},
		{"2023-09-12", "Tuesday", 5, true, "On Tuesday, North Korea"},
		{"2023-09-05", "September 5", 5, true, "Mr. Kirby said on September 5"},
		{"2022-02", "February 2022", 6, false, "Russia invaded Ukraine"},
		{"2020-01", "January 2020", 8, false, "The border had been closed"},
		{"2019", "2019", 9, false, "In 2019 nothing"},
		{"2023-09-13", "Yesterday", 9, true, "Yesterday the train left."},
	}
	if len(got) != len(wants) {
		for _, c := range got {
			t.Logf("%s %q line %d: %s", c.Date.Text, c.Said, c.Line, c.Sentence)
		}
		t.Fatalf("found %d dates, want %d", len(got), len(wants))
	}
	for i, w := range wants {
		c := got[i]
		if c.Date.Text != w.date || !strings.Contains(c.Said, w.said) || c.Line != w.line || c.Inferred != w.inferred ||
			!strings.HasPrefix(c.Sentence, w.sentence) {
			t.Errorf("candidate %d = %s %q line %d inferred %v: %q; want %s %q line %d inferred %v: %q...",
				i, c.Date.Text, c.Said, c.Line, c.Inferred, c.Sentence, w.date, w.said, w.line, w.inferred, w.sentence)
		}
	}
	// "a second" (round) is not a date.
	for _, c := range got {
		if strings.Contains(c.Said, "second") {
			t.Errorf("%q was read as a date", c.Said)
		}
	}
}

// TestFindForms reads one sentence at a time, written each way the package reads
// (reference: Thursday 14 September 2023).
func TestFindForms(t *testing.T) {
	tests := []struct {
		text, date, said string
		inferred         bool
	}{
		{"Talks were held on 2023-09-13 at the site.", "2023-09-13", "2023-09-13", false},
		{"He arrived on the 13th of September, 2023.", "2023-09-13", "13th of September, 2023", false},
		{"He arrived Sept. 13, 2023, by train.", "2023-09-13", "Sept. 13, 2023", false},
		{"He arrived on September 13th 2023.", "2023-09-13", "September 13th 2023", false},
		{"Путин и Ким Чен Ын встретились 13 сентября 2023 года на космодроме.", "2023-09-13", "13 сентября 2023 года", false},
		{"김정은 위원장은 2023년 9월 13일 푸틴 대통령을 만났다.", "2023-09-13", "2023년 9월 13일", false},
		{"金正恩于2023年9月13日会见普京。", "2023-09-13", "2023年9月13日", false},
		{"Заявление от 13.09.2023 опубликовано.", "2023-09-13", "13.09.2023", false},
		{"A US form dated 09/13/2023 was filed.", "2023-09-13", "09/13/2023", false},
		{"The plan dates from March 2022.", "2022-03", "March 2022", false},
		{"The plan dates from Sept. of 2021.", "2021-09", "Sept. of 2021", false},
		{"Переговоры прошли в апреле 2019 года.", "2019-04", "апреле 2019 года", false},
		{"2019년 4월 첫 정상회담이 열렸다.", "2019-04", "2019년 4월", false},
		{"Work began in early 2022.", "2022", "2022", false},
		{"Это случилось в 2019 году.", "2019", "2019 году", false},
		{"A missile was fired on 13 September.", "2023-09-13", "13 September", true},
		{"A test was held on December 5.", "2022-12-05", "December 5", true},
		{"Встреча прошла 13 сентября.", "2023-09-13", "13 сентября", true},
		{"정상회담은 9월 13일에 열렸다.", "2023-09-13", "9월 13일", true},
		{"Prices rose in October.", "2022-10", "October", true},
		{"On Tuesday, North Korea fired two missiles.", "2023-09-12", "Tuesday", true},
		{"The statement came on Thursday.", "2023-09-14", "Thursday", true},
		{"Last Friday the train left.", "2023-09-08", "Friday", true},
		{"Yesterday the train left.", "2023-09-13", "Yesterday", true},
		{"Growth slowed in mid-2022.", "2022", "2022", false},
		{"Tension rose in mid-July.", "2023-07", "July", true},
		{"\ufeffOn 13 September 2023 the leaders met.", "2023-09-13", "13 September 2023", false},
	}
	for _, tt := range tests {
		got, err := Find(tt.text, reference)
		if err != nil || len(got) != 1 {
			t.Errorf("%q: %+v, %v; want one date", tt.text, got, err)
			continue
		}
		if c := got[0]; c.Date.Text != tt.date || c.Said != tt.said || c.Inferred != tt.inferred {
			t.Errorf("%q: %s %q inferred %v; want %s %q inferred %v", tt.text, c.Date.Text, c.Said, c.Inferred, tt.date, tt.said, tt.inferred)
		}
	}
}

// TestFindDatesSideBySide reads dates that follow one another closely.
func TestFindDatesSideBySide(t *testing.T) {
	tests := map[string][]string{
		"The talks ran in 2019, then in 2020.":               {"2019", "2020"},
		"Meetings on 2023-09-13 2023-09-14 went on.":         {"2023-09-13", "2023-09-14"},
		"Visits on 1 May 2020 2 June 2021 followed.":         {"2020-05-01", "2021-06-02"},
		"On the 10th, 13 September 2023 and Sept. 14, 2023.": {"2023-09-13", "2023-09-14"},
	}
	for text, want := range tests {
		got, err := Find(text, reference)
		var dates []string
		for _, c := range got {
			dates = append(dates, c.Date.Text)
		}
		if err != nil || strings.Join(dates, " ") != strings.Join(want, " ") {
			t.Errorf("%q: %v %v, want %v", text, dates, err, want)
		}
	}
}

// TestFindSpans reads dates given as a span: an event that lasted.
func TestFindSpans(t *testing.T) {
	tests := []struct{ text, from, to, said, title string }{
		{"The talks ran from 2019 to 2021 in Geneva.", "2019", "2021", "2019 to 2021", "The talks ran in Geneva"},
		{"The border was closed from January 2020 to September 2023.", "2020-01", "2023-09", "January 2020 to September 2023", "The border was closed"},
		{"Exercises took place between 10 and 13 September 2023.", "2023-09-10", "2023-09-13", "10 and 13 September 2023", "Exercises took place"},
		{"The train crossed the border on 10-13 September 2023.", "2023-09-10", "2023-09-13", "10-13 September 2023", "The train crossed the border"},
		{"Talks were held September 10–13, 2023, in Vladivostok.", "2023-09-10", "2023-09-13", "September 10–13, 2023", "Talks were held, in Vladivostok"},
		{"Переговоры шли с 2019 по 2021 год.", "2019", "2021", "2019 по 2021 год", "Переговоры шли"},
	}
	for _, tt := range tests {
		got, err := Find(tt.text, reference)
		if err != nil || len(got) != 1 {
			t.Errorf("%q: %+v %v; want one span", tt.text, got, err)
			continue
		}
		c := got[0]
		if c.Date.Text != tt.from || c.End.Text != tt.to || c.Said != tt.said || c.Title != tt.title {
			t.Errorf("%q: %s to %s %q %q; want %s to %s %q %q", tt.text, c.Date.Text, c.End.Text, c.Said, c.Title, tt.from, tt.to, tt.said, tt.title)
		}
	}
	// An end before the start is two dates, not a span.
	if got, _ := Find("Prices rose from 2021 to 2019 levels.", reference); len(got) != 2 || !got[0].End.IsZero() {
		t.Errorf("backwards: %+v", got)
	}
}

// TestFindIgnores checks words and numbers that are not dates, and dates that do not exist.
func TestFindIgnores(t *testing.T) {
	for _, text := range []string{
		"Troops may march 5 km a day, and 2,000 of them did.",
		"A second round followed; 1500 troops and 300 tanks.",
		"The report was due on 31 February 2023.",
		"Room 2023-99 was used.",
	} {
		if got, _ := Find(text, reference); len(got) != 0 {
			t.Errorf("%q gave %+v", text, got)
		}
	}
}

func TestFindNothing(t *testing.T) {
	for _, text := range []string{"", "No dates here, only words.", "\n\n  \n"} {
		got, err := Find(text, reference)
		if err != nil || len(got) != 0 {
			t.Errorf("Find(%q) = %v, %v", text, got, err)
		}
	}
	if _, err := Find("bad \xff byte", reference); err == nil {
		t.Error("text that is not UTF-8 was accepted")
	}
}

func TestSentencesOtherScripts(t *testing.T) {
	got := Sentences("金正恩于2023年9月13日会见普京。普京于2019年4月访问朝鲜！He said no. In 2019 it closed. See No. 5 for more.")
	want := []string{"金正恩于2023年9月13日会见普京。", "普京于2019年4月访问朝鲜！", "He said no.", "In 2019 it closed.", "See No. 5 for more."}
	if len(got) != len(want) {
		t.Fatalf("Sentences = %+v", got)
	}
	for i := range want {
		if got[i].Text != want[i] {
			t.Errorf("sentence %d = %q, want %q", i, got[i].Text, want[i])
		}
	}
}

func TestSentences(t *testing.T) {
	text := "Headline without a stop\n\nFirst one. Second one! \"Third?\" Fourth\nwraps over lines. Mr. Smith and U.S. officials met\nin Sept. 2023. J. R. Doe left.\n"
	want := []Sentence{
		{"Headline without a stop", 1},
		{"First one.", 3},
		{"Second one!", 3},
		{`"Third?"`, 3},
		{"Fourth wraps over lines.", 3},
		{"Mr. Smith and U.S. officials met in Sept. 2023.", 4},
		{"J. R. Doe left.", 5},
	}
	got := Sentences(text)
	if len(got) != len(want) {
		t.Fatalf("Sentences = %+v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("sentence %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestTitleIsCutAtAWord(t *testing.T) {
	long := "13 сентября 2023 года " + strings.Repeat("лидеры обсудили много разных вопросов ", 8)
	got, err := Find(long, reference)
	if err != nil || len(got) != 1 {
		t.Fatalf("%v %v", got, err)
	}
	if n := len([]rune(got[0].Title)); n > MaxTitle || n < MaxTitle-20 {
		t.Errorf("title of %d characters, want a little under %d: %q", n, MaxTitle, got[0].Title)
	}
}

func TestTitleIsCut(t *testing.T) {
	long := "On 13 September 2023 " + strings.Repeat("the leaders talked about many things ", 10) + "at length."
	got, err := Find(long, reference)
	if err != nil || len(got) != 1 {
		t.Fatalf("%v %v", got, err)
	}
	if n := len([]rune(got[0].Title)); n > MaxTitle || !strings.HasSuffix(got[0].Title, "…") {
		t.Errorf("title of %d characters: %q", n, got[0].Title)
	}
	if got[0].Sentence != strings.Join(strings.Fields(long), " ") {
		t.Errorf("the sentence was changed: %q", got[0].Sentence)
	}
}

// FuzzFind checks that no text makes Find panic, and that every candidate's date is valid.
func FuzzFind(f *testing.F) {
	for _, s := range []string{article, "", "13/09/2023", "on 31 February 2023", "year 99999", "Aug. 24. Sept. 1."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		got, err := Find(text, reference)
		if err != nil {
			return
		}
		for _, c := range got {
			if _, err := timeline.ParseDate(c.Date.Text); err != nil || c.Line < 1 || c.Date.Latest < c.Date.Earliest {
				t.Errorf("candidate %+v: %v", c, err)
			}
		}
	})
}

// BenchmarkFind reads an article of about a hundred sentences (the test article ten
// times over) and reports sentences per second.
func BenchmarkFind(b *testing.B) {
	text := strings.Repeat(article+"\n\n", 10)
	n := len(Sentences(text))
	for b.Loop() {
		if _, err := Find(text, reference); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "sentences/s")
}

// TestLongTextWithoutStops reads a long text with no sentence break: the work follows its
// length (a check of the algorithm, not of time: it would not finish in the test's time
// if each character re-read the sentence so far).
func TestLongTextWithoutStops(t *testing.T) {
	text := strings.Repeat("talks went on and on without a stop ", 8000) + "until 13 September 2023"
	got, err := Find(text, reference)
	if err != nil || len(got) != 1 || got[0].Date.Text != "2023-09-13" {
		t.Fatalf("%d candidates, %v", len(got), err)
	}
}

// TestTitleLeavesTheDateOut checks the suggested titles: the sentence without its date.
func TestTitleLeavesTheDateOut(t *testing.T) {
	tests := map[string]string{
		"Kim Jong-un met Vladimir Putin at the Vostochny cosmodrome on 13 September 2023.": "Kim Jong-un met Vladimir Putin at the Vostochny cosmodrome",
		"On Tuesday, North Korea fired two ballistic missiles toward the East Sea.":        "North Korea fired two ballistic missiles toward the East Sea",
		"The White House warned on September 5 that Pyongyang would pay a price.":          "The White House warned that Pyongyang would pay a price",
		"Yesterday the train left.":                                      "The train left",
		"The border had been closed since January 2020, officials said.": "The border had been closed, officials said",
		"Путин и Ким Чен Ын встретились 13 сентября 2023 года на космодроме.": "Путин и Ким Чен Ын встретились на космодроме",
		"김정은 위원장은 2023년 9월 13일 푸틴 대통령을 만났다.":                                  "김정은 위원장은 푸틴 대통령을 만났다",
		"It rained on Monday.":                  "It rained on Monday", // too little left: the sentence
		"Their first summit was in April 2019.": "Their first summit was in April 2019",
		// Lines of a chronology: the separator and the list marker go with the date.
		"13 September 2023: Kim met Putin at the cosmodrome":    "Kim met Putin at the cosmodrome",
		"- 2023-09-13 – Kim met Putin at the cosmodrome":        "Kim met Putin at the cosmodrome",
		"1. Kim met Putin at the cosmodrome, 13 September 2023": "Kim met Putin at the cosmodrome",
	}
	for sentence, want := range tests {
		got, err := Find(sentence, reference)
		if err != nil || len(got) != 1 {
			t.Errorf("%q: %+v %v", sentence, got, err)
			continue
		}
		if got[0].Title != want {
			t.Errorf("title of %q = %q, want %q", sentence, got[0].Title, want)
		}
	}
}

// zeros is an endless text of zero bytes.
type zeros struct{}

func (zeros) Read(p []byte) (int, error) { clear(p); return len(p), nil }

func TestReadText(t *testing.T) {
	if got, err := ReadText(strings.NewReader("On 13 September 2023.")); err != nil || got != "On 13 September 2023." {
		t.Errorf("ReadText = %q, %v", got, err)
	}
	if _, err := ReadText(strings.NewReader("%PDF-1.7\n\xff\xfe")); err == nil || !strings.Contains(err.Error(), "not UTF-8") {
		t.Errorf("binary: %v", err)
	}
	if _, err := ReadText(zeros{}); err == nil || !strings.Contains(err.Error(), "larger than 32 MB") {
		t.Errorf("endless: %v", err)
	}
}
