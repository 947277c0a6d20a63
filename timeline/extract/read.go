package extract

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/chronoscope/chronoscope/timeline"
)

// MaxText is the largest text ReadText takes: a long report, not a data set.
const MaxText = 32 << 20

// ReadText reads the text of an article or a report: UTF-8, at most MaxText bytes.
func ReadText(r io.Reader) (string, error) {
	b, err := io.ReadAll(io.LimitReader(r, MaxText+1))
	if err != nil {
		return "", err
	}
	if len(b) > MaxText {
		return "", fmt.Errorf("larger than %d MB: this reads articles and reports, not data sets (import those)", MaxText>>20)
	}
	if !utf8.Valid(b) {
		return "", errors.New("not UTF-8 text: save it as plain text (a PDF or a word processor file cannot be read as it is)")
	}
	return string(b), nil
}

// Reference reads the day a text was written, as the analyst gives it (an EDTF day such
// as 2023-09-14), for the dates the text leaves partial or relative.
func Reference(text string) (time.Time, error) {
	d, err := timeline.ParseDate(strings.TrimSpace(text))
	if err != nil {
		return time.Time{}, err
	}
	if d.Precision < timeline.PrecisionDay || d.Fuzzy() {
		return time.Time{}, fmt.Errorf("%q is not a day; give one such as 2023-09-14", text)
	}
	return d.Time(), nil
}
