package extract

import (
	"strings"
	"testing"
	"time"
)

func TestWritten(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Kim and Putin meet at cosmodrome\nBy Guy Faulconbridge\nPublished 13 September 2023\n\nVOSTOCHNY, Russia - Kim Jong-un...", "2023-09-13"},
		{"VOSTOCHNY COSMODROME, Russia, Sept 13, 2023 (Reuters) - North Korea's leader...", "2023-09-13"},
		{"Kim and Putin meet\n2023-09-13 10:02 GMT\n\nThe leaders met on Wednesday.", "2023-09-13"},
		{"Headline | 13.09.2023\nText.", "2023-09-13"},
		{"Опубликовано 13 сентября 2023 года\nПутин встретил Кима.", "2023-09-13"},
	}
	for _, tt := range tests {
		got, line, ok := Written(tt.text)
		if !ok || got.Format("2006-01-02") != tt.want || line == "" {
			t.Errorf("%q: %v %q %v, want %s", tt.text, got, line, ok, tt.want)
		}
	}
	// No dateline: a date in the story is not when it was written, nor a month, nor a
	// day without its year.
	for _, text := range []string{
		"Kim Jong-un met Vladimir Putin on 13 September 2023 at the Vostochny cosmodrome, officials in Moscow said.",
		"Published September 2023\nText.",
		"Published Sept 13\nText.",
		"",
	} {
		if got, line, ok := Written(text); ok {
			t.Errorf("%q: read %v from %q, want none", text, got, line)
		}
	}
}

// TestFindWirePlaceBeforeDates reads a sentence that opens with a wire dateline holding a
// date of its own, followed by other dates: the titles are cut after the place without
// losing track of where the sentence's other dates are (this once panicked).
func TestFindWirePlaceBeforeDates(t *testing.T) {
	text := "GENEVA, Sept. 13 (Reuters) - The talks collapsed last week and resumed on 11 September, officials said."
	found, err := Find(text, time.Date(2023, 9, 13, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	titles := map[string]string{}
	for _, c := range found {
		titles[c.Said] = c.Title
		if c.Said != "Sept. 13" && strings.Contains(c.Title, "GENEVA") {
			t.Errorf("the title of %q keeps the dateline's place: %q", c.Said, c.Title)
		}
	}
	if !strings.HasPrefix(titles["last week"], "The talks collapsed") {
		t.Errorf("last week's title is %q; want the talks collapsed", titles["last week"])
	}
	if !strings.Contains(titles["11 September"], "resumed") {
		t.Errorf("11 September's title is %q; want it to say the talks resumed", titles["11 September"])
	}
	// The dateline's own day is when the report was written, not an event.
	if _, ok := titles["Sept. 13"]; ok || len(found) != 2 {
		t.Errorf("candidates %v: want the two events, not the dateline's day", titles)
	}
}

// TestWrittenReadsOnlyTheHead looks for a dateline in the first lines, and in the start
// of a line as long as a whole article, never further.
func TestWrittenReadsOnlyTheHead(t *testing.T) {
	long := strings.Repeat("The talks went on. ", 50000) + "Published 13 September 2023"
	if _, _, ok := Written(long); ok {
		t.Error("a date at the end of one long line was read as the dateline")
	}
	if d, _, ok := Written("Published 13 September 2023 " + strings.Repeat("x", 10000)); !ok || d.Day() != 13 {
		t.Error("a byline pasted on one line with the article was not read")
	}
	if d, _, ok := Written(strings.Repeat("Kim met Putin.\n", 8) + "Published 13 September 2023"); ok {
		t.Errorf("a dateline after the eighth line was read: %v", d)
	}
}
