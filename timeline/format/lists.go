package format

import "strings"

// splitList reads a cell of names separated by ";", where "\;" is a semicolon inside a
// name and "\\" a backslash. Names are trimmed; empty ones are dropped.
func splitList(cell string) []string {
	if !strings.ContainsAny(cell, ";\\") {
		if s := strings.TrimSpace(cell); s != "" {
			return []string{s}
		}
		return nil
	}
	if !strings.Contains(cell, "\\") {
		// No escapes: the names are pieces of the cell, with no copying.
		n := strings.Count(cell, ";") + 1
		out := make([]string, 0, n)
		for {
			name, rest, more := strings.Cut(cell, ";")
			if name = strings.TrimSpace(name); name != "" {
				out = append(out, name)
			}
			if !more {
				break
			}
			cell = rest
		}
		if len(out) == 0 {
			return nil
		}
		return out
	}
	var out []string
	var b strings.Builder
	flush := func() {
		if s := strings.TrimSpace(b.String()); s != "" {
			out = append(out, s)
		}
		b.Reset()
	}
	for i := 0; i < len(cell); i++ {
		c := cell[i]
		switch {
		case c == '\\' && i+1 < len(cell) && (cell[i+1] == ';' || cell[i+1] == '\\'):
			b.WriteByte(cell[i+1])
			i++
		case c == ';':
			flush()
		default:
			b.WriteByte(c)
		}
	}
	flush()
	return out
}

// joinList writes names for splitList, separated by "; ".
func joinList(names []string) string {
	if len(names) == 1 && !strings.ContainsAny(names[0], ";\\") {
		return names[0]
	}
	var b strings.Builder
	for i, n := range names {
		if i > 0 {
			b.WriteString("; ")
		}
		for j := 0; j < len(n); j++ {
			if n[j] == ';' || n[j] == '\\' {
				b.WriteByte('\\')
			}
			b.WriteByte(n[j])
		}
	}
	return b.String()
}
