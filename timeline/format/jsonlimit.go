package format

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"github.com/chronoscope/chronoscope/timeline"
)

// jsonLimits looks through a JSON document held in memory, before anything is decoded,
// for what the decoder must not be given: a string that is not UTF-8 (encoding/json
// would silently replace the bytes), a string or number over timeline.MaxFieldBytes once
// decoded, and a record over timeline.MaxRecordBytes. A record is an element of a list
// that is a member of the document (an event, a slide, an era), or an object that is a
// member of it (TimelineJS's title slide); its size counts each string at its decoded
// length and everything else as written. With those bounded, the decoder never holds
// more than one record. Broken JSON is left for the decoder to place and explain.
type jsonLimits struct {
	data  []byte
	depth int      // containers open
	keys  []string // the last key read at each depth, for the first few depths
	// The record being read, if any: the depth inside it, where it began, its size.
	recDepth int
	recStart int
	recSize  int
	prevHigh bool // the last escape was a high surrogate
}

// jsonLimitError says where a limit was broken: the offset and the key it was under.
type jsonLimitError struct {
	off    int
	column string
	msg    string
}

// maxKeyDepth is how deep keys are remembered, for naming the column in errors: keys has
// an entry for every depth from 0 to the current one, up to maxKeyDepth-1.
const maxKeyDepth = 8

func checkJSONLimits(data []byte) *jsonLimitError {
	l := &jsonLimits{data: data, recDepth: -1, keys: []string{""}}
	for i := 0; i < len(data); {
		var err *jsonLimitError
		switch c := data[i]; c {
		case ' ', '\t', '\r', '\n', ',', ':':
			i++
			continue
		case '"':
			i, err = l.str(i)
		case '{', '[':
			l.open(i, c)
			i++
		case '}', ']':
			l.close()
			i++
		default:
			i, err = l.scalar(i)
		}
		if err != nil {
			return err
		}
		if l.recDepth >= 0 && l.recSize > timeline.MaxRecordBytes {
			return &jsonLimitError{off: l.recStart, column: l.key(l.recDepth - 1),
				msg: fmt.Sprintf("the event holds more than %d bytes (16 MiB), more than Chronoscope reads in one event", timeline.MaxRecordBytes)}
		}
	}
	return nil
}

func (l *jsonLimits) open(off int, c byte) {
	if l.recDepth < 0 && (l.depth == 2 || (l.depth == 1 && c == '{')) {
		l.recDepth, l.recStart, l.recSize = l.depth+1, off, 0
	}
	l.depth++
	if l.depth < maxKeyDepth {
		l.keys = append(l.keys[:l.depth], "") // keys holds every depth below this one
	}
	l.recSize++
}

func (l *jsonLimits) close() {
	if l.depth == l.recDepth {
		l.recDepth = -1
	}
	l.depth = max(l.depth-1, 0)
	l.recSize++
}

// key is the nearest key at depth d or above, for naming a column.
func (l *jsonLimits) key(d int) string {
	for d = min(d, len(l.keys)-1); d >= 0; d-- {
		if l.keys[d] != "" {
			return l.keys[d]
		}
	}
	return ""
}

func isJSONMark(c byte) bool {
	switch c {
	case ',', ':', '{', '}', '[', ']', '"':
		return true
	}
	return false
}

// scalar reads past a number or literal at off.
func (l *jsonLimits) scalar(off int) (int, *jsonLimitError) {
	end := off
	for end < len(l.data) && !isJSONSpace(l.data[end]) && !isJSONMark(l.data[end]) {
		end++
	}
	if end == off { // a byte the decoder will refuse
		end++
	}
	if end-off > timeline.MaxFieldBytes {
		return end, &jsonLimitError{off: off, column: l.key(l.depth), msg: fmt.Sprintf(
			"the value holds more than %d bytes (1 MiB), more than Chronoscope reads in one field", timeline.MaxFieldBytes)}
	}
	l.recSize += end - off
	return end, nil
}

// str reads past the string beginning at off, and records it as a key when a colon
// follows.
func (l *jsonLimits) str(off int) (int, *jsonLimitError) {
	l.prevHigh = false
	n, quote := l.decodedLen(off + 1)
	raw := l.data[off+1 : quote]
	end := min(quote+1, len(l.data))
	next := end
	for next < len(l.data) && isJSONSpace(l.data[next]) {
		next++
	}
	isKey := next < len(l.data) && l.data[next] == ':'
	column := l.key(l.depth)
	if n > timeline.MaxFieldBytes {
		return end, &jsonLimitError{off: off, column: column, msg: fmt.Sprintf(
			"the text holds more than %d bytes (1 MiB), more than Chronoscope reads in one field", timeline.MaxFieldBytes)}
	}
	if !utf8.Valid(raw) {
		bad := off + 1
		for {
			r, size := utf8.DecodeRune(raw)
			if r == utf8.RuneError && size <= 1 {
				break
			}
			raw, bad = raw[size:], bad+size
		}
		return end, &jsonLimitError{off: bad, column: column, msg: "the text holds bytes that are not UTF-8 (a JSON file is UTF-8 text)"}
	}
	if isKey && l.depth < len(l.keys) {
		l.keys[l.depth] = clip(string(raw))
	}
	l.recSize += n + 2
	return end, nil
}

func isJSONSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// decodedLen measures the string whose text begins at off, up to its closing quote (or
// the end of the data): the length of its text decoded, and the offset of the quote.
func (l *jsonLimits) decodedLen(off int) (n, end int) {
	d := l.data
	i := off
	for i < len(d) {
		j := bytes.IndexAny(d[i:], "\"\\")
		if j < 0 {
			return n + len(d) - i, len(d)
		}
		n += j
		i += j
		if d[i] == '"' {
			return n, i
		}
		// An escape: \uXXXX is the length of its character in UTF-8 (a surrogate pair
		// 4 in all, a lone surrogate 3, as the decoder replaces it), any other 1.
		if i+1 < len(d) && d[i+1] == 'u' && i+6 <= len(d) {
			cp, ok := hex4(d[i+2 : i+6])
			switch {
			case !ok:
				n++
			case cp >= 0xD800 && cp < 0xDC00:
				n += 3
				l.prevHigh = true
				i += 6
				continue
			case cp >= 0xDC00 && cp < 0xE000 && l.prevHigh:
				n++
			case cp >= 0xDC00 && cp < 0xE000:
				n += 3
			default:
				n += utf8.RuneLen(rune(cp))
			}
			l.prevHigh = false
			i += 6
			continue
		}
		l.prevHigh = false
		n++
		i += 2
	}
	return n, len(d)
}

func hex4(b []byte) (int, bool) {
	v := 0
	for _, c := range b {
		switch {
		case c >= '0' && c <= '9':
			v = v<<4 | int(c-'0')
		case c >= 'a' && c <= 'f':
			v = v<<4 | int(c-'a'+10)
		case c >= 'A' && c <= 'F':
			v = v<<4 | int(c-'A'+10)
		default:
			return 0, false
		}
	}
	return v, true
}
