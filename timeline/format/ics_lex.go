package format

import (
	"bufio"
	"fmt"
	"strings"

	"github.com/chronoscope/chronoscope/timeline"
)

// icsLines reads unfolded content lines, each with the line of the file it starts on. A
// content line whose text, escapes undone, is longer than icsLineLimit stops the reading
// with err set, before more of it is held: a property holds one field of an event.
type icsLines struct {
	r        *bufio.Reader
	line     int    // lines read so far
	next     string // a physical line read ahead
	nextLine int
	eof      bool
	err      *icsLimitError
}

// icsPropRoom is what a content line may hold beside its value: the property's name and
// parameters.
const icsPropRoom = 64 << 10

// icsLineLimit bounds a content line, unfolded, counting an escape (\, \n...) as the one
// character it stands for.
const icsLineLimit = timeline.MaxFieldBytes + icsPropRoom

// icsLimitError says which content line is over icsLineLimit, or which VEVENT is over
// timeline.MaxRecordBytes.
type icsLimitError struct {
	line   int
	column string
	msg    string
}

// physical reads the next line of the file, without its line end. A line over twice
// icsLineLimit (every character escaped) is refused as it is read.
func (l *icsLines) physical() (string, bool) {
	if l.eof || l.err != nil {
		return "", false
	}
	var buf []byte
	for {
		chunk, err := l.r.ReadSlice('\n')
		if len(buf)+len(chunk) > 2*icsLineLimit {
			l.err = l.tooLong(l.line+1, string(append(buf, chunk[:min(len(chunk), 80)]...)))
			return "", false
		}
		buf = append(buf, chunk...)
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil {
			l.eof = true
			if len(buf) == 0 {
				return "", false
			}
		}
		break
	}
	l.line++
	s := string(buf)
	if l.line == 1 {
		s = strings.TrimPrefix(s, "\ufeff")
	}
	return strings.TrimRight(s, "\r\n"), true
}

func (l *icsLines) tooLong(line int, head string) *icsLimitError {
	name := head
	if i := strings.IndexAny(head, ";:"); i >= 0 {
		name = strings.ToUpper(head[:i])
	}
	if len(name) > 40 || name == head {
		name = ""
	}
	return &icsLimitError{line: line, column: name, msg: fmt.Sprintf(
		"the property holds more than %d bytes (1 MiB), more than Chronoscope reads in one field", timeline.MaxFieldBytes)}
}

// textLen is the length of s with each escape (a backslash and the character after it)
// counted once; esc says whether s follows a backslash, and is updated.
func textLen(s string, esc *bool) int {
	n := 0
	for i := 0; i < len(s); i++ {
		switch {
		case *esc:
			*esc = false
		case s[i] == '\\':
			*esc = true
			n++
		default:
			n++
		}
	}
	return n
}

// read returns the next logical line, the line it starts on, and its length with
// escapes counted once.
func (l *icsLines) read() (string, int, int, bool) {
	var first string
	var start int
	if l.nextLine > 0 {
		first, start, l.nextLine = l.next, l.nextLine, 0
	} else {
		var ok bool
		if first, ok = l.physical(); !ok {
			return "", 0, 0, false
		}
		start = l.line
	}
	esc := false
	size := textLen(first, &esc)
	var b strings.Builder
	b.WriteString(first)
	for {
		s, ok := l.physical()
		if !ok {
			break
		}
		if s != "" && (s[0] == ' ' || s[0] == '\t') {
			if size += textLen(s[1:], &esc); size > icsLineLimit {
				l.err = l.tooLong(start, first)
				return "", 0, 0, false
			}
			b.WriteString(s[1:])
			continue
		}
		l.next, l.nextLine = s, l.line
		break
	}
	if size > icsLineLimit {
		l.err = l.tooLong(start, first)
		return "", 0, 0, false
	}
	return b.String(), start, size, true
}

// parseProp splits NAME;PARAM=value;PARAM="quoted":value.
func parseProp(s string, line int) (icsProp, bool) {
	p := icsProp{line: line}
	i := strings.IndexAny(s, ";:")
	if i <= 0 {
		return p, false
	}
	p.name = strings.ToUpper(s[:i])
	for s[i] == ';' {
		s = s[i+1:]
		eq := strings.IndexByte(s, '=')
		if eq < 0 {
			return p, false
		}
		key := strings.ToUpper(s[:eq])
		s = s[eq+1:]
		var val string
		if strings.HasPrefix(s, `"`) {
			end := strings.IndexByte(s[1:], '"')
			if end < 0 {
				return p, false
			}
			val, s = s[1:end+1], s[end+2:]
		} else {
			j := strings.IndexAny(s, ";:")
			if j < 0 {
				return p, false
			}
			val, s = s[:j], s[j:]
		}
		if p.params == nil {
			p.params = map[string]string{}
		}
		p.params[key] = val
		if s == "" {
			return p, false
		}
		i = 0
		if s[0] != ';' && s[0] != ':' {
			return p, false
		}
	}
	p.value = s[i+1:]
	return p, true
}

// unescapeText reads an iCalendar TEXT value: \\ \; \, and \n (or \N).
func unescapeText(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
			switch s[i] {
			case 'n', 'N':
				b.WriteByte('\n')
			default:
				b.WriteByte(s[i])
			}
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// splitTextList splits a list of TEXT values on unescaped commas and unescapes each.
func splitTextList(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case ',':
			out = append(out, unescapeText(s[start:i]))
			start = i + 1
		}
	}
	return append(out, unescapeText(s[start:]))
}
