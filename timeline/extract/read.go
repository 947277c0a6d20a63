package extract

import (
	"errors"
	"fmt"
	"io"
	"unicode/utf8"
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
