package format

import (
	"bufio"
	"strings"
)

// icsLines reads unfolded content lines, each with the line of the file it starts on.
type icsLines struct {
	r        *bufio.Reader
	line     int    // lines read so far
	next     string // a physical line read ahead
	nextLine int
	eof      bool
}

func (l *icsLines) physical() (string, bool) {
	if l.eof {
		return "", false
	}
	s, err := l.r.ReadString('\n')
	if err != nil {
		l.eof = true
		if s == "" {
			return "", false
		}
	}
	l.line++
	if l.line == 1 {
		s = strings.TrimPrefix(s, "\ufeff")
	}
	return strings.TrimRight(s, "\r\n"), true
}

// read returns the next logical line and the line it starts on.
func (l *icsLines) read() (string, int, bool) {
	var first string
	var start int
	if l.nextLine > 0 {
		first, start, l.nextLine = l.next, l.nextLine, 0
	} else {
		var ok bool
		if first, ok = l.physical(); !ok {
			return "", 0, false
		}
		start = l.line
	}
	var b strings.Builder
	b.WriteString(first)
	for {
		s, ok := l.physical()
		if !ok {
			break
		}
		if s != "" && (s[0] == ' ' || s[0] == '\t') {
			b.WriteString(s[1:])
			continue
		}
		l.next, l.nextLine = s, l.line
		break
	}
	return b.String(), start, true
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
